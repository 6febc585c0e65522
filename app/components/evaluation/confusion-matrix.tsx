"use client";

import { useMemo, useState } from "react";
import styles from "./evaluation.module.css";
import { orderClasses, type ClassOrder } from "./class-order";

interface Props {
  classes: string[];
  confusion: number[][];
  selected: { trueLabel: string; predLabel: string } | null;
  onSelect: (cell: { trueLabel: string; predLabel: string }) => void;
}

/**
 * Confusion-matrix heat map: rows are true classes, columns predictions. Counts or
 * row-normalised (recall per row); diagonal cells blue, errors red; every non-empty cell is a
 * button that opens its samples.
 */
export function ConfusionMatrix({ classes, confusion, selected, onSelect }: Props) {
  const [normalised, setNormalised] = useState(false);
  const [order, setOrder] = useState<ClassOrder>("alphabetical");
  const rows = useMemo(() => orderClasses(classes, confusion, order), [classes, confusion, order]);
  const rowSums = confusion.map((r) => r.reduce((s, v) => s + v, 0));
  const maxOff = Math.max(1, ...confusion.flatMap((r, t) => r.filter((_, p) => p !== t)));
  const maxDiag = Math.max(1, ...confusion.map((r, t) => r[t]!));

  return (
    <div>
      <div className={styles.controls}>
        <fieldset>
          <legend className="sr-only">Values</legend>
          <label>
            <input type="radio" name="cm-mode" checked={!normalised} onChange={() => setNormalised(false)} /> counts
          </label>
          <label>
            <input type="radio" name="cm-mode" checked={normalised} onChange={() => setNormalised(true)} /> row-normalised
          </label>
        </fieldset>
        <label>
          Class order{" "}
          <select value={order} style={{ minWidth: 0, width: "auto" }} onChange={(e) => setOrder(e.target.value as ClassOrder)} aria-label="Class order">
            <option value="alphabetical">alphabetical</option>
            <option value="support">by support</option>
            <option value="confusion">by confusion</option>
          </select>
        </label>
        <span className="muted">rows: true class · columns: predicted · click a cell to see its samples</span>
      </div>
      <div className={styles.matrixWrap}>
        <table className={styles.matrix} aria-label="Confusion matrix">
          <thead>
            <tr>
              <th className={styles.corner} scope="col">true ↓ pred →</th>
              {rows.map((p) => (
                <th key={p} scope="col">{classes[p]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t}>
                <th scope="row">{classes[t]}</th>
                {rows.map((p) => {
                  const count = confusion[t]![p]!;
                  const share = rowSums[t] ? count / rowSums[t]! : 0;
                  // Counts are scaled separately on and off the diagonal: errors are few and would vanish next to correct counts.
                  const intensity = normalised ? share : t === p ? count / maxDiag : count / maxOff;
                  const diag = t === p;
                  const bg = count === 0 ? "#f4f4f2" : diag ? `rgba(59, 91, 219, ${0.12 + 0.88 * intensity})` : `rgba(201, 42, 42, ${0.15 + 0.85 * intensity})`;
                  const dark = count > 0 && intensity > 0.55;
                  const isSelected = selected?.trueLabel === classes[t] && selected?.predLabel === classes[p];
                  const text = count === 0 ? "" : normalised ? `${Math.round(share * 100)}` : String(count);
                  return (
                    <td key={p}>
                      <button
                        type="button"
                        className={`${styles.cell} ${isSelected ? styles.selected : ""}`}
                        style={{ background: bg, color: dark ? "#fff" : "#1d1d1f" }}
                        aria-label={`true ${classes[t]}, predicted ${classes[p]}: ${count} sample${count === 1 ? "" : "s"}${normalised ? ` (${(share * 100).toFixed(1)}% of the row)` : ""}`}
                        aria-pressed={isSelected}
                        title={`${classes[t]} read as ${classes[p]}: ${count} of ${rowSums[t]} (${(share * 100).toFixed(1)}%)`}
                        disabled={count === 0}
                        onClick={() => onSelect({ trueLabel: classes[t]!, predLabel: classes[p]! })}
                      >
                        {text}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {normalised && <p className="muted">Row-normalised: percent of each true class (the diagonal is its recall).</p>}
    </div>
  );
}
