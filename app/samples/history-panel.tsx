"use client";

import { useEffect, useState } from "react";
import type { SampleRow } from "@/lib/dataset/list-samples";
import type { HistoryEntry } from "@/lib/dataset/sample-history";

/** The cursor row's picture, details and label history (refetched after every change). */
export function HistoryPanel({ sample, version }: { sample: SampleRow | null; version: number }) {
  const [items, setItems] = useState<HistoryEntry[] | null>(null);
  const id = sample?.id;
  useEffect(() => {
    if (id === undefined) return;
    let cancelled = false;
    setItems(null);
    fetch(`/api/samples/${id}/history`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .then((body: { items: HistoryEntry[] }) => !cancelled && setItems(body.items))
      .catch(() => !cancelled && setItems([]));
    return () => {
      cancelled = true;
    };
  }, [id, version]);

  if (!sample) return <aside className="panel history" aria-label="Sample details" />;
  return (
    <aside className="panel history" aria-label={`History of sample ${sample.id}`}>
      <img src={`/api/samples/${sample.id}/image?scale=4`} alt={`sample ${sample.id} enlarged`} width={180} height={180} className="big-thumb" />
      <p>
        <strong>#{sample.id}</strong> label <strong className="label-cell">{sample.label}</strong>
        <br />
        <span className="muted">
          {sample.source} · {sample.split}
          {sample.copies > 1 ? ` · ${sample.copies} copies` : ""}
          {sample.parentId ? ` · derived from #${sample.parentId}` : ""}
        </span>
      </p>
      {sample.originPath && <p className="muted path">{sample.originPath}</p>}
      <h3>History</h3>
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">No label changes.</p>
      ) : (
        <ol className="history-list" aria-label="Label history">
          {items.map((h) => (
            <li key={h.id} className={h.undone ? "undone" : undefined}>
              {h.fromLabel} → {h.toLabel} <span className="badge">{h.origin}</span>
              {h.undone && <span className="muted"> (undone)</span>}
              <br />
              <span className="muted">{new Date(h.createdAt).toLocaleString("en-GB")}</span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
