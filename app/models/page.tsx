import Link from "next/link";
import { getSqlite } from "@/lib/db";
import { listModels } from "@/lib/training/models";
import { SPLIT_MODE_LABEL } from "@/lib/training/run-view";
import { PromoteButton } from "./promote-button";

export const dynamic = "force-dynamic";

export default function ModelsPage() {
  const models = listModels(getSqlite());
  return (
    <>
      <h1>Models</h1>
      <p className="muted">
        The current model is the one the solver and the evaluation use. A new model becomes current on its own when it beats the current
        one on the same validation samples; otherwise promote it here. Accuracies are only comparable between models trained with the same
        kind of split. Open a model for its confusion matrix, per-class metrics and label issues
        {models.length >= 2 && (
          <>
            , or <Link href={`/models/compare?a=${models[1]!.id}&b=${models[0]!.id}`}>compare two models</Link>
          </>
        )}
        .
      </p>
      <div className="panel">
        {models.length === 0 ? (
          <p className="muted">No models yet. <Link href="/train">Train one</Link>.</p>
        ) : (
          <table>
            <thead>
              <tr><th>model</th><th>run</th><th>classes</th><th>split</th><th className="num">val acc</th><th className="num">test acc</th><th className="num">macro F1</th><th className="num">size</th><th>engine</th><th>files</th><th /></tr>
            </thead>
            <tbody>
              {models.map((m) => {
                const classes = JSON.parse(m.classes) as string[];
                return (
                  <tr key={m.id} id={`model-${m.id}`}>
                    <td>
                      <Link href={`/models/${m.id}`}>#{m.id}</Link> {m.isCurrent === 1 && <span className="badge succeeded">current</span>}
                    </td>
                    <td><Link href={`/runs/${m.runId}`}>run {m.runId}</Link></td>
                    <td title={classes.join(" ")}>{classes.length}</td>
                    <td>{SPLIT_MODE_LABEL[m.splitMode] ?? m.splitMode}</td>
                    <td className="num">{pct(m.valAccuracy)}</td>
                    <td className="num">{pct(m.testAccuracy)}</td>
                    <td className="num">{pct(m.macroF1)}</td>
                    <td className="num">{(m.sizeBytes / 1024).toFixed(0)} KB</td>
                    <td>{m.engine}</td>
                    <td>
                      <a href={`/api/models/${m.id}/files/model.json`}>model.json</a> · <a href={`/api/models/${m.id}/files/weights.bin`}>weights.bin</a>
                    </td>
                    <td>{m.isCurrent !== 1 && <PromoteButton id={m.id} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)}%`);
