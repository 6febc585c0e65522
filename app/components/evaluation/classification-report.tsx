import type { EvaluationMetrics } from "@/lib/evaluation/evaluation-store";
import styles from "./evaluation.module.css";

/** sklearn's classification_report: per class, then accuracy, macro avg and weighted avg, two decimals. */
export function ClassificationReport({ metrics }: { metrics: EvaluationMetrics }) {
  const f = (x: number) => x.toFixed(2);
  return (
    <table className={styles.report} aria-label="Per-class metrics" style={{ width: "auto" }}>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" className="num">precision</th>
          <th scope="col" className="num">recall</th>
          <th scope="col" className="num">f1-score</th>
          <th scope="col" className="num">support</th>
        </tr>
      </thead>
      <tbody>
        {metrics.perClass.map((c) => (
          <tr key={c.name}>
            <th scope="row">{c.name}</th>
            <td className="num">{f(c.precision)}</td>
            <td className="num">{f(c.recall)}</td>
            <td className="num">{f(c.f1)}</td>
            <td className="num">{c.support}</td>
          </tr>
        ))}
        <tr className={styles.sep}>
          <th scope="row">accuracy</th>
          <td className="num" />
          <td className="num" />
          <td className="num">{f(metrics.accuracy)}</td>
          <td className="num">{metrics.total}</td>
        </tr>
        <tr>
          <th scope="row">macro avg</th>
          <td className="num">{f(metrics.macro.precision)}</td>
          <td className="num">{f(metrics.macro.recall)}</td>
          <td className="num">{f(metrics.macro.f1)}</td>
          <td className="num">{metrics.total}</td>
        </tr>
        <tr>
          <th scope="row">weighted avg</th>
          <td className="num">{f(metrics.weighted.precision)}</td>
          <td className="num">{f(metrics.weighted.recall)}</td>
          <td className="num">{f(metrics.weighted.f1)}</td>
          <td className="num">{metrics.total}</td>
        </tr>
      </tbody>
    </table>
  );
}
