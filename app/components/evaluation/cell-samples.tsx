"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { CellSample } from "@/lib/evaluation/evaluation-store";
import { classCandidates, matchClass, type ClassOption } from "../curation/class-match";
import styles from "./evaluation.module.css";

interface Props {
  modelId: number;
  split: string;
  trueLabel: string;
  predLabel: string;
  classes: ClassOption[];
}

/**
 * The samples of one confusion cell, relabelled from the keyboard as on the samples page:
 * arrows or j/k move, type a class (symbol or slug) then Enter, Ctrl-Z undoes. Relabels go
 * through PATCH /api/samples (history, derived samples, the relabelled flag); the sample stays
 * in the grid, marked, until the model is re-evaluated.
 */
export function CellSamples({ modelId, split, trueLabel, predLabel, classes }: Props) {
  const [items, setItems] = useState<CellSample[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursor] = useState(0);
  const [typed, setTyped] = useState("");
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const typedMatch = matchClass(classes, typed);

  const load = useCallback(async () => {
    const q = new URLSearchParams({ true: trueLabel, pred: predLabel, split });
    const res = await fetch(`/api/models/${modelId}/confusion?${q}`, { cache: "no-store" });
    const body = (await res.json()) as { items?: CellSample[]; message?: string };
    if (!res.ok) setError(body.message ?? `failed (${res.status})`);
    else setItems(body.items ?? []);
  }, [modelId, split, trueLabel, predLabel]);

  useEffect(() => {
    setItems(null);
    setCursor(0);
    setTyped("");
    setStatus(null);
    void load();
  }, [load]);

  useEffect(() => {
    gridRef.current?.querySelector(`[data-index="${cursor}"]`)?.scrollIntoView({ block: "nearest" });
  }, [cursor]);

  const current = items?.[cursor] ?? null;

  async function relabel(sample: CellSample, label: string) {
    setBusy(true);
    try {
      const res = await fetch("/api/samples", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ ids: [sample.id], label }) });
      const body = (await res.json()) as { updated?: number; message?: string };
      if (!res.ok) return setStatus({ text: body.message ?? `relabel failed (${res.status})`, error: true });
      setItems((rows) => rows?.map((r) => (r.id === sample.id ? { ...r, label, relabelled: true } : r)) ?? null);
      setStatus({ text: `Relabelled sample ${sample.id} to ${label}. Re-evaluate to update the matrix.` });
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    setBusy(true);
    try {
      const res = await fetch("/api/label-changes/undo", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      const body = (await res.json()) as { undone?: number; message?: string };
      if (!res.ok) return setStatus({ text: body.message ?? `undo failed (${res.status})`, error: true });
      setStatus({ text: `Undid ${body.undone} change${body.undone === 1 ? "" : "s"}` });
      await load();
    } finally {
      setBusy(false);
    }
  }

  async function confirmTyped() {
    if (!current) return;
    if (!typed) return setCursor((c) => Math.min((items?.length ?? 1) - 1, c + 1));
    if (!typedMatch) return setStatus({ text: `No class "${typed}"`, error: true });
    setTyped("");
    if (typedMatch.name !== current.label) await relabel(current, typedMatch.name);
    setCursor((c) => Math.min((items?.length ?? 1) - 1, c + 1));
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
      e.preventDefault();
      void undo();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || !items) return;
    const move = (d: number) => {
      e.preventDefault();
      setCursor((c) => Math.max(0, Math.min(items.length - 1, c + d)));
    };
    if (e.key === "ArrowRight" || e.key === "ArrowDown" || (e.key === "j" && !typed)) return move(1);
    if (e.key === "ArrowLeft" || e.key === "ArrowUp" || (e.key === "k" && !typed)) return move(-1);
    if (e.key === "Enter") {
      e.preventDefault();
      if (!busy) void confirmTyped();
      return;
    }
    if (e.key === "Escape") return setTyped("");
    if (e.key === "Backspace") {
      e.preventDefault();
      setTyped((t) => [...t].slice(0, -1).join(""));
      return;
    }
    if ([...e.key].length === 1 && e.key !== " ") {
      e.preventDefault();
      setTyped((t) => t + e.key);
    }
  }

  return (
    <section className="panel" id="cell" aria-label={`Samples of true ${trueLabel} predicted ${predLabel}`}>
      <h2 style={{ marginTop: 0 }}>
        True {trueLabel}, predicted {predLabel}
        {items && <span className="muted"> · {items.length} sample{items.length === 1 ? "" : "s"}</span>}
      </h2>
      {error && <p className="error" role="alert">{error}</p>}
      {items === null && !error && <p className="muted">Loading…</p>}
      {items && items.length === 0 && <p className="muted">No sample in this cell.</p>}
      {items && items.length > 0 && (
        <>
          <div ref={gridRef} className={styles.cards} tabIndex={0} onKeyDown={onKeyDown} role="grid" aria-label="Cell samples: arrows or j/k move, type a class then Enter">
            {items.map((s, i) => (
              <div
                key={s.id}
                role="gridcell"
                data-index={i}
                aria-selected={i === cursor}
                aria-label={`sample ${s.id}, labelled ${s.label}${s.relabelled ? " (relabelled)" : ""}, predicted ${s.predicted}`}
                className={`${styles.card} ${i === cursor ? styles.cursor : ""} ${s.label !== s.trueLabel ? styles.relabelled : ""}`}
                onClick={() => {
                  setCursor(i);
                  gridRef.current?.focus();
                }}
              >
                <img src={`/api/samples/${s.id}/image`} alt={`sample ${s.id}`} width={45} height={45} loading="lazy" />
                <div>
                  <div>
                    #{s.id} <span className="big" data-testid="sample-label">{s.label}</span>
                  </div>
                  <div className="muted">
                    read as <strong>{s.predicted}</strong> {s.confidence !== null && `${(s.confidence * 100).toFixed(0)}%`}
                  </div>
                  {s.relabelled && <span className="badge">relabelled</span>}
                </div>
              </div>
            ))}
          </div>
          <p role="status" className={status?.error ? "error" : "muted"} aria-live="polite">
            {status?.text ?? "\u00a0"}
          </p>
          <div className="typed">
            Typed label: <output aria-label="Typed label">{typed || "—"}</output>{" "}
            {typed && (typedMatch ? <span className="ok">→ {typedMatch.name} (Enter applies)</span> : <span className="muted">{classCandidates(classes, typed).map((c) => c.slug).join(", ") || "no match"}</span>)}
            <span className="muted"> · arrows or j/k move · type a class then Enter · Ctrl-Z undoes</span>
          </div>
        </>
      )}
    </section>
  );
}
