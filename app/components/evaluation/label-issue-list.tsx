"use client";

import { useEffect, useRef, useState } from "react";
import type { LabelIssueView } from "@/lib/evaluation/label-issues";
import styles from "./evaluation.module.css";

/**
 * Ranked label issues. One key per decision: "a" accepts the suggestion (relabel, origin
 * "suggestion"), "k" keeps the given label; arrows or j move. Resolved rows stay, greyed, so
 * the list does not jump while someone works down it.
 */
export function LabelIssueList({ initial }: { initial: LabelIssueView[] }) {
  const [items, setItems] = useState(initial);
  const [cursor, setCursor] = useState(0);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => setItems(initial), [initial]);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${cursor}"]`)?.scrollIntoView({ block: "nearest" });
  }, [cursor]);

  async function resolve(index: number, action: "accept" | "keep") {
    const issue = items[index];
    if (!issue || issue.status !== "open" || busy) return;
    setBusy(true);
    try {
      const res = await fetch(`/api/label-issues/${issue.id}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action }) });
      const body = (await res.json()) as { issue?: LabelIssueView; message?: string };
      if (!res.ok || !body.issue) return setStatus({ text: body.message ?? `failed (${res.status})`, error: true });
      setItems((rows) => rows.map((r) => (r.id === issue.id ? body.issue! : r)));
      setStatus({ text: action === "accept" ? `Sample ${issue.sampleId}: ${issue.givenLabel} → ${issue.suggestedLabel}` : `Sample ${issue.sampleId}: kept ${issue.givenLabel}` });
      const next = items.findIndex((r, i) => i > index && r.status === "open");
      if (next >= 0) setCursor(next);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const move = (d: number) => {
      e.preventDefault();
      setCursor((c) => Math.max(0, Math.min(items.length - 1, c + d)));
    };
    if (e.key === "ArrowDown" || e.key === "j") return move(1);
    if (e.key === "ArrowUp") return move(-1);
    if (e.key === "a" || e.key === "Enter") {
      e.preventDefault();
      void resolve(cursor, "accept");
    } else if (e.key === "k") {
      e.preventDefault();
      void resolve(cursor, "keep");
    }
  }

  if (items.length === 0) return <p className="panel muted">No open label issues. Run a cross-validation to look for some.</p>;
  return (
    <div className="panel">
      <p role="status" className={status?.error ? "error" : "muted"} aria-live="polite" style={{ marginTop: 0 }}>
        {status?.text ?? "a accepts the suggestion · k keeps the label · ↑/↓ or j move"}
      </p>
      <div tabIndex={0} onKeyDown={onKeyDown} style={{ outline: "none" }} aria-label="Label issues: a accepts, k keeps, arrows move">
        <table className={styles.issues} aria-label="Label issues">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>image</th>
              <th>sample</th>
              <th>given</th>
              <th>suggested</th>
              <th>out-of-fold probabilities</th>
              <th />
            </tr>
          </thead>
          <tbody ref={listRef}>
            {items.map((issue, i) => (
              <tr
                key={issue.id}
                data-index={i}
                className={i === cursor ? styles.cursor : undefined}
                aria-current={i === cursor ? "true" : undefined}
                style={{ opacity: issue.status === "open" ? 1 : 0.5 }}
                onClick={() => setCursor(i)}
              >
                <td className="num">{issue.rank}</td>
                <td>
                  <img src={`/api/samples/${issue.sampleId}/image`} alt={`sample ${issue.sampleId}`} width={45} height={45} loading="lazy" />
                </td>
                <td>#{issue.sampleId}</td>
                <td>
                  <strong>{issue.givenLabel}</strong> <span className="muted">{(issue.selfConfidence * 100).toFixed(1)}%</span>
                </td>
                <td>
                  <strong>{issue.suggestedLabel}</strong>
                </td>
                <td>
                  <div className={styles.probs}>
                    {issue.probs.slice(0, 3).map(([label, p]) => (
                      <Prob key={label} label={label} p={p} />
                    ))}
                  </div>
                </td>
                <td>
                  {issue.status === "open" ? (
                    <span className="form-row">
                      <button type="button" onClick={() => void resolve(i, "accept")} disabled={busy} title="a">
                        Accept {issue.suggestedLabel}
                      </button>
                      <button type="button" className="secondary" onClick={() => void resolve(i, "keep")} disabled={busy} title="k">
                        Keep {issue.givenLabel}
                      </button>
                    </span>
                  ) : (
                    <span className="badge">{issue.status === "accepted" ? `relabelled to ${issue.label}` : "kept"}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Prob({ label, p }: { label: string; p: number }) {
  return (
    <>
      <strong>{label}</strong>
      <span>
        <span className={styles.bar} style={{ width: `${Math.max(1, p * 80)}px` }} />
      </span>
      <span>{(p * 100).toFixed(1)}%</span>
    </>
  );
}
