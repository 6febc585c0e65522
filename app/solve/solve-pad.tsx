"use client";

import { useEffect, useRef, useState } from "react";
import { useStrokeCanvas } from "../components/ink/use-stroke-canvas";
import type { SolveResult } from "@/lib/equation/solve-result";
import styles from "./solve.module.css";

const WIDTH = 760;
const HEIGHT = 260;
/** About a felt pen at this size; the segmenter redraws strokes at the training width anyway. */
const PEN = 6;
const CROP = 45;
/** The drawing goes to the solver at this many pixels per drawing unit. */
const EXPORT_SCALE = 3;


interface Token {
  label: string;
  confidence: number;
  box: [number, number, number, number];
  line: number;
  superscript: boolean;
  overridden: boolean;
  corrected: boolean;
  alternatives: { label: string; p: number }[];
  crop?: string;
}

interface SolveResponse {
  tokens: Token[];
  expression: string;
  lines: string[];
  wellFormed: boolean;
  skewDegrees: number;
  solution: SolveResult;
  model: { id: number; name: string };
  image: { width: number; height: number };
  /** Digital ink as drawn for reading (PNG data URL). */
  drawing?: string;
  saved: { index: number; id: number; label: string; split: string; duplicate: boolean }[];
  timing: { totalMs: number };
}

/** Canvas or upload in, the model's reading (boxes you can correct) and the solution out. */
export function SolvePad({ modelClasses, allClasses }: { modelClasses: string[]; allClasses: string[] }) {
  const pad = useStrokeCanvas({ width: WIDTH, height: HEIGHT, pen: PEN, onStrokeEnd: () => resetReading() });
  const { canvasRef, strokesRef, strokeCount } = pad;
  const [image, setImage] = useState<{ blob: Blob; url: string; name: string } | null>(null);
  const [result, setResult] = useState<SolveResponse | null>(null);
  const [corrections, setCorrections] = useState<Map<number, string>>(new Map());
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  function resetReading() {
    setResult(null);
    setCorrections(new Map());
    setSelected(null);
    setError(null);
    setNote(null);
  }

  function clear() {
    pad.clear();
    resetReading();
  }

  function undo() {
    pad.undo();
    resetReading();
  }

  // The on-screen pen is thick enough to see, but on a long line of small symbols it makes
  // neighbours touch: the solver gets the strokes redrawn at EXPORT_SCALE with a pen of one
  // drawing unit (38 real CROHME lines drawn here with the mouse: the model shipped at the time
  // read 19 right from the on-screen ink, 26 from this; npm run bench:canvas).
  const canvasBlob = () => pad.exportPng({ scale: EXPORT_SCALE, pen: EXPORT_SCALE });

  async function solve(source: { blob: Blob; name: string } | null, fixes: Map<number, string>) {
    setBusy(true);
    setError(null);
    try {
      let input = source;
      if (!input) {
        if (strokesRef.current.length === 0) {
          setError("Draw an equation first, or upload an image.");
          return;
        }
        input = { blob: await canvasBlob(), name: "drawing.png" };
      }
      setImage((prev) => {
        if (prev && prev.blob === input.blob) return prev;
        if (prev) URL.revokeObjectURL(prev.url);
        return { blob: input.blob, url: URL.createObjectURL(input.blob), name: input.name };
      });
      const form = new FormData();
      form.append("image", input.blob, input.name);
      if (fixes.size > 0) form.append("corrections", JSON.stringify([...fixes].map(([index, label]) => ({ index, label }))));
      const res = await fetch("/api/solve?crops=1", { method: "POST", body: form });
      const body = (await res.json()) as SolveResponse & { message?: string };
      if (!res.ok) {
        setResult(null);
        setError(body.message ?? `solving failed (${res.status})`);
        return;
      }
      setResult(body);
      const fresh = body.saved.filter((s) => !s.duplicate);
      if (fresh.length > 0) setNote(fresh.map((s) => `Saved symbol ${s.index + 1} as “${s.label}” (sample #${s.id}, ${s.split})`).join("; "));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function correct(index: number, label: string) {
    const fixes = new Map(corrections);
    fixes.set(index, label);
    setCorrections(fixes);
    setSelected(null);
    void solve(image ? { blob: image.blob, name: image.name } : null, fixes);
  }

  function onUpload(file: File | undefined) {
    if (!file) return;
    resetReading();
    void solve({ blob: file, name: file.name }, new Map());
  }

  const token = selected === null ? null : (result?.tokens[selected] ?? null);

  return (
    <div className={styles.layout}>
      <section aria-label="Write">
        <canvas
          ref={canvasRef}
          className={styles.canvas}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label="Equation drawing area"
          {...pad.handlers}
        />
        <div className={styles.actions}>
          <button type="button" onClick={() => void solve(null, new Map())} disabled={busy || strokeCount === 0}>
            {busy ? "Solving…" : "Solve"}
          </button>
          <button type="button" onClick={undo} disabled={busy || strokeCount === 0}>
            Undo stroke
          </button>
          <button type="button" onClick={clear} disabled={busy}>
            Clear
          </button>
          <label className={styles.upload}>
            Upload a photo, scan or InkML ink{" "}
            {/* HEIC is left out on purpose: an iPhone then hands over its photo as JPEG. */}
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp,image/avif,.inkml,application/inkml+xml"
              onChange={(e) => onUpload(e.target.files?.[0])}
              disabled={busy}
            />
          </label>
        </div>
      </section>

      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}

      {result && image && (
        <section aria-label="Reading" className={styles.reading}>
          <h2>What the model read</h2>
          <div className={styles.overlay} style={{ aspectRatio: `${result.image.width} / ${result.image.height}` }}>
            {/* eslint-disable-next-line @next/next/no-img-element */}
            {/* Digital ink comes back drawn, as the solver read it: a browser cannot show InkML. */}
            <img src={result.drawing ?? image.url} alt="The equation as solved" className={styles.source} />
            {result.tokens.map((t, i) => (
              <button
                key={i}
                type="button"
                className={`${styles.box} ${t.corrected ? styles.corrected : t.confidence >= 0.9 ? styles.sure : t.confidence >= 0.6 ? styles.unsure : styles.doubtful} ${selected === i ? styles.selected : ""} ${t.box[0] + t.box[2] > 0.85 * result.image.width ? styles.atRight : ""}`}
                style={{
                  left: `${(100 * t.box[0]) / result.image.width}%`,
                  top: `${(100 * t.box[1]) / result.image.height}%`,
                  width: `${(100 * t.box[2]) / result.image.width}%`,
                  height: `${(100 * t.box[3]) / result.image.height}%`,
                }}
                aria-label={`Symbol ${i + 1}: ${t.label}, ${Math.round(t.confidence * 100)}%${t.corrected ? ", corrected" : ""}`}
                onClick={() => setSelected(selected === i ? null : i)}
              >
                <span className={styles.tag}>
                  {t.label} {t.corrected ? "✓" : `${Math.round(t.confidence * 100)}%`}
                </span>
              </button>
            ))}
          </div>

          {token && selected !== null && (
            <CorrectionPanel
              key={selected}
              index={selected}
              token={token}
              modelClasses={modelClasses}
              allClasses={allClasses}
              busy={busy}
              onPick={(label) => correct(selected, label)}
              onClose={() => setSelected(null)}
            />
          )}

          <dl className={styles.answer}>
            <dt>Expression</dt>
            <dd>
              <code data-testid="expression">{result.lines.join("   ;   ")}</code>
              {!result.wellFormed && <span className="muted"> (no well-formed reading among the top guesses)</span>}
            </dd>
            <dt>Solution</dt>
            <dd role="status" data-testid="solution" className={result.solution.kind === "error" ? styles.unsolved : styles.solved}>
              {result.solution.kind === "lines" ? (
                <ol className={styles.eachLine} aria-label="Each line solved on its own">
                  {result.solution.lines.map((line, i) => (
                    <li key={i} className={line.kind === "error" ? styles.unsolved : undefined}>
                      <code>{result.lines[i]}</code>: {line.text}
                    </li>
                  ))}
                </ol>
              ) : (
                result.solution.text
              )}
            </dd>
          </dl>
          <p className="muted">
            Model #{result.model.id} · {result.tokens.length} symbols
            {result.skewDegrees !== 0 && <span data-testid="levelled"> · read levelled (the writing sloped {Math.abs(result.skewDegrees).toFixed(0)}° {result.skewDegrees > 0 ? "down" : "up"} to the right)</span>}
            {" "}· {Math.round(result.timing.totalMs)} ms on the server
          </p>
          {note && <p className={styles.note}>{note}</p>}
        </section>
      )}
    </div>
  );
}

function CorrectionPanel(props: {
  index: number;
  token: Token;
  modelClasses: string[];
  allClasses: string[];
  busy: boolean;
  onPick: (label: string) => void;
  onClose: () => void;
}) {
  const { token, index } = props;
  const cropRef = useRef<HTMLCanvasElement>(null);
  const [choice, setChoice] = useState(token.label);
  useEffect(() => {
    const ctx = cropRef.current?.getContext("2d");
    if (!ctx || !token.crop) return;
    const bytes = Uint8Array.from(atob(token.crop), (c) => c.charCodeAt(0));
    const img = ctx.createImageData(CROP, CROP);
    bytes.forEach((v, i) => {
      img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = v;
      img.data[i * 4 + 3] = 255;
    });
    ctx.putImageData(img, 0, 0);
  }, [token.crop]);
  const others = props.allClasses.filter((c) => !props.modelClasses.includes(c));
  return (
    <div className={styles.panel} role="group" aria-label={`Correct symbol ${index + 1}`}>
      <canvas ref={cropRef} width={CROP} height={CROP} className={styles.crop} aria-label="What the model saw" role="img" />
      <div>
        <p>
          Symbol {index + 1} read as <strong>{token.label}</strong> ({Math.round(token.confidence * 100)}%). The model&apos;s guesses:{" "}
          {token.alternatives.map((a) => (
            <button key={a.label} type="button" className={styles.alt} disabled={props.busy} onClick={() => props.onPick(a.label)}>
              {a.label} <span className="muted">{Math.round(a.p * 100)}%</span>
            </button>
          ))}
        </p>
        <label>
          It is{" "}
          <select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Correct class">
            <optgroup label="Model classes">
              {props.modelClasses.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </optgroup>
            {others.length > 0 && (
              <optgroup label="Other classes">
                {others.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </optgroup>
            )}
          </select>
        </label>{" "}
        <button type="button" disabled={props.busy} onClick={() => props.onPick(choice)}>
          Correct and solve again
        </button>{" "}
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
