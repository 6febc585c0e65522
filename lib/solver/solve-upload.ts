import type Database from "better-sqlite3";
import { resolveClassLabel } from "../dataset/resolve-class";
import { saveEquationCrop, type SavedEquationCrop } from "../dataset/save-equation-crop";
import type { SymbolClassifier } from "../equation/classify";
import type { BoxTuple } from "../equation/ink-mask";
import { NoSymbolsError, solveImage, type SolvedToken, type SolveTiming, type TokenCorrection } from "../equation/solve-image";
import type { SolveResult } from "../equation/solve";
import type { LabelCandidate } from "../equation/decode";
import type { CanonicalImage } from "../images/canonical-form";
import { decodeGray, ImageDecodeError } from "../images/decode";
import { encodeGrayPng } from "../images/encode-png";
import type { GrayImage } from "../images/canonicalize";
import { checkImageBytes, SolveInputError } from "./check-image";
import { isInkmlUpload, renderInkUpload } from "./ink-upload";
import { getCurrentClassifier, NoModelError, type LoadedClassifier } from "./current-classifier";

/**
 * A phone photo (12 MP) is read scaled down to this: segmentation costs time in proportion to
 * pixels (about 2 s for 8 MP here), and a line spanning half of a 2000 px wide picture still
 * gives each of ten symbols about 100 px, twice the 45 px the model reads.
 */
export const SOLVE_MAX_WORKING_PIXELS = 3_000_000;

/** What POST /api/solve and `npm run solve` return. */
export interface SolveResponse {
  tokens: (Omit<SolvedToken, "candidates"> & {
    alternatives: LabelCandidate[];
    /** The canonical 45x45 crop the model saw, base64 of the raw bytes (with `includeCrops`). */
    crop?: string;
  })[];
  expression: string;
  lines: string[];
  wellFormed: boolean;
  /** How far the writing sloped in degrees (positive: falling to the right), when it was read levelled; else 0. */
  skewDegrees: number;
  solution: SolveResult;
  model: { id: number; name: string; classes: readonly string[]; engine: string };
  /** The picture as read: upright, and scaled down when over SOLVE_MAX_WORKING_PIXELS; boxes are in this frame. */
  image: { width: number; height: number };
  /** For digital ink (InkML), which no browser shows: the ink as drawn for reading, a PNG data URL. */
  drawing?: string;
  /** Corrections stored as samples (source "equation"). */
  saved: (SavedEquationCrop & { index: number })[];
  /** Milliseconds: decode, segment, classify, decode, solve, total (server side, model loaded). */
  timing: SolveTiming & { imageMs: number; totalMs: number; modelLoadMs?: number };
}

export interface SolveUploadOptions {
  db: Database.Database;
  bytes: Uint8Array;
  corrections?: readonly TokenCorrection[];
  /** Store each corrected crop as a labelled sample (default true). */
  saveCorrections?: boolean;
  includeCrops?: boolean;
  /** Defaults to the current model; tests and benches pass their own. */
  classifier?: LoadedClassifier | (SymbolClassifier & Partial<LoadedClassifier>);
}

/**
 * Upload bytes in (a picture, or digital ink as InkML), solution out: header checks before any
 * decoding, the current model (409 without one), the pipeline of lib/equation, and the person's
 * corrections applied and saved.
 * Throws SolveInputError (with its HTTP status) for anything the caller must fix.
 */
export async function solveUpload(options: SolveUploadOptions): Promise<SolveResponse> {
  const start = performance.now();
  // Decoded before the model is looked up, so a broken upload is a 400 whether or not a model exists.
  const ink = isInkmlUpload(options.bytes);
  const gray = ink ? renderInkUpload(options.bytes) : await readPicture(options.bytes);
  const imageMs = performance.now() - start;
  let classifier = options.classifier;
  let firstLoad = false;
  if (!classifier) {
    try {
      const before = performance.now();
      classifier = await getCurrentClassifier(options.db);
      firstLoad = performance.now() - before > 50;
    } catch (err) {
      if (err instanceof NoModelError) throw new SolveInputError("no current model: train a model first", 409);
      throw err;
    }
  }
  // A correction may name any stored class ("times" and "×" alike), not only the model's.
  const corrections = (options.corrections ?? []).map((c) => {
    const label = resolveClassLabel({ db: options.db, input: c.label });
    if (label === null) throw new SolveInputError(`correction ${c.index}: no class "${c.label}"`);
    return { index: c.index, label };
  });

  let crops: CanonicalImage[] = [];
  let result;
  try {
    result = await solveImage(gray, { classifier, corrections, onCrops: (c) => (crops = c) });
  } catch (err) {
    if (err instanceof NoSymbolsError) throw new SolveInputError(err.message);
    throw err;
  }
  for (const c of corrections) {
    if (c.index >= result.tokens.length) throw new SolveInputError(`correction ${c.index}: there are only ${result.tokens.length} symbols`);
  }
  const saved: SolveResponse["saved"] = [];
  if (options.saveCorrections !== false) {
    for (const c of corrections) {
      saved.push({ index: c.index, ...(await saveEquationCrop({ db: options.db, canonical: crops[c.index]!, label: c.label })) });
    }
  }
  return {
    tokens: result.tokens.map((t, i) => ({
      label: t.label,
      confidence: round(t.confidence, 4),
      box: t.box,
      line: t.line,
      superscript: t.superscript,
      overridden: t.overridden,
      corrected: t.corrected,
      alternatives: t.candidates.map((c) => ({ label: c.label, p: round(c.p, 4) })),
      ...(options.includeCrops ? { crop: Buffer.from(crops[i]!).toString("base64") } : {}),
    })),
    expression: result.expression,
    lines: result.lines,
    wellFormed: result.wellFormed,
    skewDegrees: round(result.skewDegrees, 1),
    solution: result.solution,
    model: {
      id: classifier.modelId ?? 0,
      name: classifier.modelName ?? "injected",
      classes: classifier.classes,
      engine: classifier.engine ?? "unknown",
    },
    // The frame the boxes are in: upright (EXIF orientation applied), scaled down if it was huge.
    image: { width: gray.width, height: gray.height },
    ...(ink ? { drawing: await pngDataUrl(gray) } : {}),
    saved,
    timing: {
      ...roundTiming(result.timing),
      imageMs: round(imageMs, 1),
      totalMs: round(performance.now() - start, 1),
      ...(firstLoad && classifier.loadMs !== undefined ? { modelLoadMs: round(classifier.loadMs, 1) } : {}),
    },
  };
}

/** A picture as a gray image, header checks before any decoding. */
async function readPicture(bytes: Uint8Array): Promise<GrayImage> {
  await checkImageBytes(bytes);
  try {
    return await decodeGray(bytes, { maxPixels: SOLVE_MAX_WORKING_PIXELS });
  } catch (err) {
    if (err instanceof ImageDecodeError) throw new SolveInputError(err.message);
    throw err;
  }
}

async function pngDataUrl(image: GrayImage): Promise<string> {
  return `data:image/png;base64,${(await encodeGrayPng(image)).toString("base64")}`;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function roundTiming(t: SolveTiming): SolveTiming {
  return { segmentMs: round(t.segmentMs, 1), classifyMs: round(t.classifyMs, 1), decodeMs: round(t.decodeMs, 1), solveMs: round(t.solveMs, 1) };
}
