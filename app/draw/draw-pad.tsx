"use client";

import { useEffect, useRef, useState } from "react";
import { CANONICAL_SIZE } from "@/lib/images/canonical-form";
import { renderStrokes } from "@/lib/ink/render-strokes";
import { DRAW_STROKE_WIDTH, normalizeStrokes } from "@/lib/dataset/drawing-strokes";
import type { ClassOption } from "../components/curation/class-match";
import { ClassSelect } from "../components/curation/class-select";
import { useStrokeCanvas } from "../components/ink/use-stroke-canvas";

const SIZE = 320;
const PEN = 7;

/** Canvas drawing with pointer events (mouse, pen, touch), a live canonical preview and save. */
export function DrawPad({ classes, initialLabel }: { classes: ClassOption[]; initialLabel: string }) {
  const previewRef = useRef<HTMLCanvasElement>(null);
  const [version, setVersion] = useState(0);
  const pad = useStrokeCanvas({ width: SIZE, height: SIZE, pen: PEN, onStrokeEnd: () => setVersion((v) => v + 1) });
  const { canvasRef, strokesRef, strokeCount } = pad;
  const [label, setLabel] = useState(initialLabel);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [quick, setQuick] = useState<{ label: string; target: number; done: number } | null>(null);
  const [quickTarget, setQuickTarget] = useState(10);
  const [quickLabel, setQuickLabel] = useState(initialLabel || (classes.find((c) => c.name === "9")?.name ?? ""));

  const activeLabel = quick ? quick.label : label;

  // The canonical preview, rendered by lib/ink/render-strokes exactly as saveDrawing will.
  useEffect(() => {
    const ctx = previewRef.current?.getContext("2d");
    if (!ctx) return;
    const strokes = normalizeStrokes(strokesRef.current);
    const image = ctx.createImageData(CANONICAL_SIZE, CANONICAL_SIZE);
    if (strokes.length > 0) {
      const pixels = renderStrokes(strokes, { strokeWidth: DRAW_STROKE_WIDTH });
      pixels.forEach((v, i) => {
        image.data[i * 4] = image.data[i * 4 + 1] = image.data[i * 4 + 2] = v;
        image.data[i * 4 + 3] = 255;
      });
    } else {
      for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [version]);

  function clear() {
    pad.clear();
    setVersion((v) => v + 1);
  }

  async function save() {
    if (!activeLabel || strokesRef.current.length === 0) return;
    setBusy(true);
    try {
      const res = await fetch("/api/drawings", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ label: activeLabel, strokes: normalizeStrokes(strokesRef.current), png: canvasRef.current!.toDataURL("image/png") }),
      });
      const body = (await res.json()) as { id?: number; split?: string; duplicate?: boolean; message?: string };
      if (!res.ok) {
        setStatus({ text: body.message ?? `save failed (${res.status})`, error: true });
        return;
      }
      setStatus({ text: body.duplicate ? `Already saved as sample #${body.id}` : `Saved sample #${body.id} as ${activeLabel} (${body.split})` });
      clear();
      if (quick) {
        const done = quick.done + (body.duplicate ? 0 : 1);
        setQuick(done >= quick.target ? null : { ...quick, done });
        if (done >= quick.target) setStatus({ text: `Done: ${done} samples of ${quick.label} saved` });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="draw-layout">
      <div>
        <canvas
          ref={canvasRef}
          className="draw-canvas"
          width={SIZE}
          height={SIZE}
          role="img"
          aria-label="Drawing area"
          style={{ width: SIZE, height: SIZE }}
          {...pad.handlers}
        />
        <div className="toolbar">
          <button type="button" className="secondary" onClick={clear} disabled={strokeCount === 0}>
            Clear
          </button>
          <button
            type="button"
            className="secondary"
            disabled={strokeCount === 0}
            onClick={() => {
              pad.undo();
              setVersion((v) => v + 1);
            }}
          >
            Undo stroke
          </button>
        </div>
      </div>
      <div>
        <h2 style={{ marginTop: 0 }}>What the model gets</h2>
        <canvas ref={previewRef} className="preview" width={CANONICAL_SIZE} height={CANONICAL_SIZE} role="img" aria-label="Canonical 45×45 preview" />
        <p className="muted">
          {strokeCount} stroke{strokeCount === 1 ? "" : "s"}
        </p>
        {quick ? (
          <div className="panel" aria-label="Quick mode">
            <p>
              Drawing <strong>{quick.target}</strong> of <strong className="label-cell">{quick.label}</strong>:{" "}
              <output aria-label="Quick mode progress">
                {quick.done} / {quick.target}
              </output>
            </p>
            <button type="button" className="secondary" onClick={() => setQuick(null)}>
              Stop
            </button>
          </div>
        ) : (
          <>
            <form
              className="inline"
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <label htmlFor="draw-label">Label</label>
              <ClassSelect id="draw-label" value={label} onChange={setLabel} classes={classes} style={{ minWidth: 120 }} />
            </form>
            <div className="panel" style={{ marginTop: "1rem" }}>
              <form
                className="inline"
                aria-label="Quick mode"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (quickLabel) setQuick({ label: quickLabel, target: quickTarget, done: 0 });
                  clear();
                }}
              >
                <label htmlFor="quick-count">Draw</label>
                <input id="quick-count" type="number" min={1} max={500} value={quickTarget} onChange={(e) => setQuickTarget(Math.max(1, Number(e.target.value) || 1))} style={{ width: "4.5rem" }} />
                <label htmlFor="quick-label">of class</label>
                <select id="quick-label" value={quickLabel} onChange={(e) => setQuickLabel(e.target.value)} style={{ minWidth: 90 }}>
                  {classes.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name}
                    </option>
                  ))}
                </select>
                <button type="submit" className="secondary" disabled={!quickLabel}>
                  Start quick mode
                </button>
              </form>
            </div>
          </>
        )}
        <p>
          <button type="button" onClick={() => void save()} disabled={busy || strokeCount === 0 || !activeLabel}>
            Save sample
          </button>
        </p>
        <p role="status" className={status?.error ? "error" : "ok"}>
          {status?.text ?? "\u00a0"}
        </p>
      </div>
    </div>
  );
}
