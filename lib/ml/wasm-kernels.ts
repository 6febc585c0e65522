import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

/**
 * Training kernels for the wasm backend. tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter at
 * all, and its Conv2DBackpropInput, MaxPoolGrad and transposed BatchMatMul are naive loops; each
 * replacement below rewrites the gradient as a call to a fast XNNPACK kernel (Conv2D, plain
 * BatchMatMul) over transposed views, or as a tight loop on the wasm heap.
 */

type TensorInfo = tf.TensorInfo;
type KernelArgs = { inputs: Record<string, TensorInfo>; backend: BackendWasm; attrs: Record<string, unknown> };
type KernelFn = (args: KernelArgs) => TensorInfo;

const BACKEND = "wasm";
const REPLACED = ["Conv2DBackpropInput", "MaxPoolGrad", "BatchMatMul", "Sum", "Add", "Identity", "Cast"] as const;
/** Original wasm kernels we still delegate to; filled on registration. */
const originals = new Map<string, KernelFn>();
let registered = false;

function kernel(name: string): KernelFn {
  const saved = originals.get(name);
  if (saved) return saved;
  const config = tf.getKernel(name, BACKEND);
  if (!config) throw new Error(`wasm kernel ${name} is missing`);
  return config.kernelFunc as unknown as KernelFn;
}

function call(name: string, backend: BackendWasm, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown>) {
  return kernel(name)({ inputs, backend, attrs });
}

function heap(backend: BackendWasm, t: TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

function isNHWC(dataFormat: unknown): boolean {
  return dataFormat === undefined || dataFormat === "NHWC" || dataFormat === "channelsLast";
}

function strideOf(strides: unknown): [number, number] {
  if (typeof strides === "number") return [strides, strides];
  const s = strides as number[];
  return [s[0]!, s[1]!];
}

type Shape4 = [number, number, number, number];

/** Below this many input channels the filter gradient goes through conv2d instead of im2col. */
const IM2COL_MIN_CHANNELS = 8;

/**
 * dW = patches^T * dy, where patches is the im2col matrix [N*Ho*Wo, kh*kw*Cin] built with row
 * copies on the heap. A single conv2d of x (batch as channels) with dy as a 19x19 "filter"
 * also works but runs at a third of the forward speed (its K = N*Ho*Wo streams from memory).
 */
function conv2DBackpropFilter({ inputs, backend, attrs }: KernelArgs): TensorInfo {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const filterShape = attrs.filterShape as Shape4;
  const [sh, sw] = strideOf(attrs.strides);
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as Shape4,
    filterShape,
    [sh, sw],
    1,
    attrs.pad as "same",
    attrs.dimRoundingMode as "round" | undefined,
    false,
    "channelsLast",
  );
  if (!isNHWC(attrs.dataFormat)) return naiveBackpropFilter(x, dy, info, backend);
  if (info.inChannels < IM2COL_MIN_CHANNELS && sh === 1 && sw === 1) return backpropFilterAsConv(x, dy, info, backend);
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: oh, outWidth: ow, outChannels: co } = info;
  const { filterHeight: kh, filterWidth: kw } = info;
  const { top, left } = info.padInfo;
  const rows = n * oh * ow;
  const cols = kh * kw * ci;
  const patches = backend.makeOutput([rows, cols], "float32");
  const xv = heap(backend, x);
  const pv = heap(backend, patches);
  const rowLen = kw * ci;
  const interior = sw === 1;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      for (let xx = 0; xx < ow; xx++) {
        let dst = ((b * oh + y) * ow + xx) * cols;
        const x0 = xx * sw - left;
        for (let i = 0; i < kh; i++, dst += rowLen) {
          const iy = y * sh + i - top;
          if (iy < 0 || iy >= h) {
            pv.fill(0, dst, dst + rowLen);
            continue;
          }
          const src = ((b * h + iy) * w + x0) * ci;
          if (interior && x0 >= 0 && x0 + kw <= w) {
            pv.set(xv.subarray(src, src + rowLen), dst);
            continue;
          }
          for (let j = 0; j < kw; j++) {
            const ix = x0 + j;
            const d = dst + j * ci;
            if (ix < 0 || ix >= w) pv.fill(0, d, d + ci);
            else pv.set(xv.subarray(src + j * ci, src + j * ci + ci), d);
          }
        }
      }
    }
  }
  const patchesT = call("Transpose", backend, { x: patches }, { perm: [1, 0] });
  backend.disposeData(patches.dataId);
  const dy2 = { ...dy, shape: [rows, co] };
  const out = kernel("BatchMatMul")({
    inputs: { a: patchesT, b: dy2 },
    backend,
    attrs: { transposeA: false, transposeB: false },
  });
  backend.disposeData(patchesT.dataId);
  out.shape = [kh, kw, ci, co];
  return out;
}

/**
 * With few input channels the im2col matrix is thin (9 columns for a 1-channel 3x3) and the
 * GEMM would re-pack the whole of dy as its weights; one conv2d over transposed tensors (the
 * batch as channels, dy as a large filter) is cheaper there.
 */
function backpropFilterAsConv(x: TensorInfo, dy: TensorInfo, info: tf.backend_util.Conv2DInfo, backend: BackendWasm): TensorInfo {
  const { top, bottom, left, right } = info.padInfo;
  const xT = call("Transpose", backend, { x }, { perm: [3, 1, 2, 0] }); // [Cin, H, W, N]
  const dyT = call("Transpose", backend, { x: dy }, { perm: [1, 2, 0, 3] }); // [Ho, Wo, N, Cout]
  const conv = call("Conv2D", backend, { x: xT, filter: dyT }, {
    strides: [1, 1],
    pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
    dataFormat: "NHWC",
    dilations: [1, 1],
    dimRoundingMode: undefined,
  }); // [Cin, kh, kw, Cout]
  backend.disposeData(xT.dataId);
  backend.disposeData(dyT.dataId);
  const out = call("Transpose", backend, { x: conv }, { perm: [1, 2, 0, 3] });
  backend.disposeData(conv.dataId);
  return out;
}

/** Direct loops for the layouts the fast path does not cover (strided convolutions). */
function naiveBackpropFilter(
  x: TensorInfo,
  dy: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: BackendWasm,
): TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: oh, outWidth: ow, outChannels: co } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const out = backend.makeOutput([kh, kw, ci, co], "float32");
  const xv = heap(backend, x);
  const dyv = heap(backend, dy);
  const ov = heap(backend, out);
  ov.fill(0);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      for (let xx = 0; xx < ow; xx++) {
        const dyBase = ((b * oh + y) * ow + xx) * co;
        for (let i = 0; i < kh; i++) {
          const iy = y * sh + i - info.padInfo.top;
          if (iy < 0 || iy >= h) continue;
          for (let j = 0; j < kw; j++) {
            const ix = xx * sw + j - info.padInfo.left;
            if (ix < 0 || ix >= w) continue;
            const xBase = ((b * h + iy) * w + ix) * ci;
            for (let c = 0; c < ci; c++) {
              const xval = xv[xBase + c]!;
              const oBase = ((i * kw + j) * ci + c) * co;
              for (let o = 0; o < co; o++) ov[oBase + o]! += xval * dyv[dyBase + o]!;
            }
          }
        }
      }
    }
  }
  return out;
}

/** dx = dy (padded to "full") convolved with the filter flipped in space and transposed in channels. */
function conv2DBackpropInput(args: KernelArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const [sh, sw] = strideOf(attrs.strides);
  if (!isNHWC(attrs.dataFormat) || sh !== 1 || sw !== 1) return originals.get("Conv2DBackpropInput")!(args);
  const inputShape = attrs.inputShape as Shape4;
  const [kh, kw, ci, co] = filter.shape as Shape4;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as Shape4,
    [1, 1],
    1,
    attrs.pad as "same",
    attrs.dimRoundingMode as "round" | undefined,
    false,
    "channelsLast",
  );
  const padTop = kh - 1 - info.padInfo.top;
  const padLeft = kw - 1 - info.padInfo.left;
  const padBottom = info.inHeight - info.outHeight + kh - 1 - padTop;
  const padRight = info.inWidth - info.outWidth + kw - 1 - padLeft;
  const flipped = backend.makeOutput([kh, kw, co, ci], "float32");
  const fv = heap(backend, filter);
  const rv = heap(backend, flipped);
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const src = ((kh - 1 - i) * kw + (kw - 1 - j)) * ci * co;
      const dst = (i * kw + j) * co * ci;
      for (let c = 0; c < ci; c++) {
        for (let o = 0; o < co; o++) rv[dst + o * ci + c] = fv[src + c * co + o]!;
      }
    }
  }
  const out = call("Conv2D", backend, { x: dy, filter: flipped }, {
    strides: [1, 1],
    pad: [[0, 0], [padTop, padBottom], [padLeft, padRight], [0, 0]],
    dataFormat: "NHWC",
    dilations: [1, 1],
    dimRoundingMode: undefined,
  });
  backend.disposeData(flipped.dataId);
  return out;
}

/** Routes each dy to the first maximum of its window (row-major), as the cpu backend does. */
function maxPoolGrad({ inputs, backend, attrs }: KernelArgs): TensorInfo {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const info = tf.backend_util.computePool2DInfo(
    input.shape as Shape4,
    attrs.filterSize as [number, number],
    attrs.strides as [number, number],
    1,
    attrs.pad as "valid",
    attrs.dimRoundingMode as "round" | undefined,
  );
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
  const { top, left } = info.padInfo;
  const dx = backend.makeOutput(input.shape, "float32");
  const xv = heap(backend, input);
  const dyv = heap(backend, dy);
  const dxv = heap(backend, dx);
  dxv.fill(0);
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      const y0 = y * sh - top;
      for (let x = 0; x < ow; x++) {
        const x0 = x * sw - left;
        best.fill(-Infinity);
        where.fill(-1);
        for (let i = 0; i < fh; i++) {
          const iy = y0 + i;
          if (iy < 0 || iy >= h) continue;
          for (let j = 0; j < fw; j++) {
            const ix = x0 + j;
            if (ix < 0 || ix >= w) continue;
            const base = ((b * h + iy) * w + ix) * c;
            for (let d = 0; d < c; d++) {
              const v = xv[base + d]!;
              if (v > best[d]!) {
                best[d] = v;
                where[d] = base + d;
              }
            }
          }
        }
        const dyBase = ((b * oh + y) * ow + x) * c;
        for (let d = 0; d < c; d++) {
          const at = where[d]!;
          if (at >= 0) dxv[at]! += dyv[dyBase + d]!;
        }
      }
    }
  }
  return dx;
}

/**
 * The wasm BatchMatMul reaches XNNPACK only with both operands untransposed; the dense-layer
 * gradients (x^T dy and dy W^T) otherwise take a naive loop, 10-15x slower than an explicit
 * transpose followed by the fast path.
 */
function batchMatMul(args: KernelArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const original = originals.get("BatchMatMul")!;
  let { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
  if ((!attrs.transposeA && !attrs.transposeB) || a.dtype !== "float32" || b.dtype !== "float32") return original(args);
  const temps: TensorInfo[] = [];
  if (attrs.transposeA) temps.push((a = swapLastAxes(a, backend)));
  if (attrs.transposeB) temps.push((b = swapLastAxes(b, backend)));
  const out = original({ inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
  for (const t of temps) backend.disposeData(t.dataId);
  return out;
}

function swapLastAxes(t: TensorInfo, backend: BackendWasm): TensorInfo {
  const rank = t.shape.length;
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1]!, perm[rank - 2]!];
  return call("Transpose", backend, { x: t }, { perm });
}

/**
 * Bias gradients reduce [N,H,W,C] over N,H,W; the wasm Sum transposes the whole tensor first.
 * Accumulating rows in float64 is one pass and more accurate.
 */
function sum(args: KernelArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs.x!;
  const rank = x.shape.length;
  const axes = tf.util.parseAxisParam(attrs.axis as number | number[], x.shape).sort((p, q) => p - q);
  const leading = axes.length > 0 && axes.length < rank && axes.every((ax, i) => ax === i);
  if (!leading || x.dtype !== "float32") return originals.get("Sum")!(args);
  const inner = tf.util.sizeFromShape(x.shape.slice(axes.length));
  const outer = tf.util.sizeFromShape(x.shape.slice(0, axes.length));
  const shape = attrs.keepDims ? x.shape.map((d, i) => (i < axes.length ? 1 : d)) : x.shape.slice(axes.length);
  const out = backend.makeOutput(shape, "float32");
  const xv = heap(backend, x);
  const acc = new Float64Array(inner);
  for (let r = 0, off = 0; r < outer; r++, off += inner) {
    for (let k = 0; k < inner; k++) acc[k]! += xv[off + k]!;
  }
  heap(backend, out).set(acc);
  return out;
}

/** Bias add ([..., C] + [C]) on the heap: the wasm broadcasting Add is several times slower. */
function add(args: KernelArgs): TensorInfo {
  const { inputs, backend } = args;
  const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
  const [big, bias] = a.shape.length >= b.shape.length ? [a, b] : [b, a];
  const c = big.shape[big.shape.length - 1];
  const isBias =
    a.dtype === "float32" &&
    b.dtype === "float32" &&
    bias.shape.length === 1 &&
    bias.shape[0] === c &&
    big.shape.length >= 2 &&
    tf.util.sizeFromShape(big.shape) > c!;
  if (!isBias) return originals.get("Add")!(args);
  const out = backend.makeOutput(big.shape, "float32");
  const bv = heap(backend, big);
  const cv = heap(backend, bias);
  const ov = heap(backend, out);
  const n = bv.length;
  for (let off = 0; off < n; off += c!) {
    for (let k = 0; k < c!; k++) ov[off + k] = bv[off + k]! + cv[k]!;
  }
  return out;
}

/** Identity and same-dtype Cast share the buffer (as the cpu backend does) instead of copying. */
function identity({ inputs, backend }: KernelArgs): TensorInfo {
  const x = inputs.x!;
  if (x.dtype === "string") return originals.get("Identity")!({ inputs, backend, attrs: {} });
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

function cast(args: KernelArgs): TensorInfo {
  const x = args.inputs.x!;
  if (args.attrs.dtype !== x.dtype || x.dtype === "string") return originals.get("Cast")!(args);
  return identity(args);
}

const IMPLEMENTATIONS: Record<string, KernelFn> = {
  Conv2DBackpropFilter: conv2DBackpropFilter,
  Conv2DBackpropInput: conv2DBackpropInput,
  MaxPoolGrad: maxPoolGrad,
  BatchMatMul: batchMatMul,
  Sum: sum,
  Add: add,
  Identity: identity,
  Cast: cast,
};

/**
 * Registers the training kernels for the wasm backend. Call after `tf.setBackend("wasm")` has
 * resolved: the replaced kernels delegate to the originals, whose setup runs at backend init.
 * Idempotent.
 */
export function registerWasmTrainingKernels(): string[] {
  if (registered) return Object.keys(IMPLEMENTATIONS);
  for (const name of REPLACED) {
    const config = tf.getKernel(name, BACKEND);
    if (config) {
      originals.set(name, config.kernelFunc as unknown as KernelFn);
      tf.unregisterKernel(name, BACKEND);
    }
  }
  for (const [kernelName, fn] of Object.entries(IMPLEMENTATIONS)) {
    if (tf.getKernel(kernelName, BACKEND)) tf.unregisterKernel(kernelName, BACKEND);
    tf.registerKernel({ kernelName, backendName: BACKEND, kernelFunc: fn as unknown as tf.KernelFunc });
  }
  registered = true;
  return Object.keys(IMPLEMENTATIONS);
}
