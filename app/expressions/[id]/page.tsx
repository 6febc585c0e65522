import Link from "next/link";
import { notFound } from "next/navigation";
import { getPrisma } from "@/lib/db";
import { getExpression, type ExpressionSymbol } from "@/lib/dataset/list-expressions";
import { measureStrokes, type InkBox, type Stroke } from "@/lib/ink/ink-document";

export const dynamic = "force-dynamic";

export default async function ExpressionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const expression = await getExpression(getPrisma(), { id });
  if (!expression) notFound();
  const { strokes, symbols } = expression;
  return (
    <>
      <p className="muted" style={{ margin: "0 0 0.5rem" }}>
        <Link href="/expressions">Expressions</Link> / #{expression.id}
      </p>
      <h1>
        Expression #{expression.id}
      </h1>
      <div className="panel">
        <p style={{ marginTop: 0 }}>
          LaTeX truth: <code data-testid="latex-truth" style={{ fontSize: "1.1rem" }}>{expression.latex ?? "none given"}</code>
        </p>
        <p className="muted">
          writer{" "}
          {expression.writer ? (
            <Link href={`/expressions?writer=${encodeURIComponent(expression.writer)}`} data-testid="expression-writer">
              {expression.writer}
            </Link>
          ) : (
            "unknown"
          )}{" "}
          · {strokes.length} strokes · {symbols.length} symbols · file <code>{expression.path}</code>
          {expression.batchId && (
            <>
              {" "}· <Link href={`/imports/${expression.batchId}`}>import #{expression.batchId}</Link>
            </>
          )}
        </p>
        <InkView strokes={strokes} symbols={symbols} />
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>As exported for the equation solver</h2>
        <p className="muted">
          Rendered by renderExpression as <code>npm run export:expressions</code> writes it: dark ink on white paper, like a
          photographed equation; the symbol boxes and labels go beside it in JSON.
        </p>
        <img src={`/api/expressions/${expression.id}/image`} alt={`expression ${expression.id} rendered`} style={{ maxWidth: "100%", border: "1px solid var(--line)" }} />
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Symbols</h2>
        {symbols.length === 0 ? (
          <p className="muted">This file has no symbol segmentation.</p>
        ) : (
          <table aria-label="Symbols">
            <thead>
              <tr><th>#</th><th>label</th><th>as in the file</th><th>sample</th><th>box (ink units)</th></tr>
            </thead>
            <tbody>
              {symbols.map((s, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td style={{ fontSize: "1.2rem" }}>{s.label}</td>
                  <td><code>{s.rawLabel}</code></td>
                  <td>
                    {s.sampleId ? (
                      <a href={`/api/samples/${s.sampleId}/image?scale=8`} title={`sample ${s.sampleId}, enlarged`}>
                        <img src={`/api/samples/${s.sampleId}/image`} alt={`sample ${s.sampleId}: ${s.label}`} width={45} height={45} style={{ imageRendering: "pixelated", verticalAlign: "middle" }} />{" "}
                        sample {s.sampleId}
                      </a>
                    ) : (
                      <span className="muted">not stored</span>
                    )}
                  </td>
                  <td className="muted">{formatBox(s.box)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

const BOX_COLOURS = ["#e03131", "#1971c2", "#2f9e44", "#f08c00", "#9c36b5", "#0c8599"];

/** The ink as SVG in its own coordinates (y down, like SVG), each symbol boxed and labelled. */
function InkView({ strokes, symbols }: { strokes: Stroke[]; symbols: ExpressionSymbol[] }) {
  const ink = measureStrokes(strokes);
  if (!ink) return <p className="muted">This expression has no ink.</p>;
  const size = Math.max(ink.width, ink.height, 1);
  const pad = size * 0.06;
  const font = Math.max(ink.height, size * 0.25) * 0.09;
  // Room above the ink for the labels written over the top boxes.
  const top = ink.y - pad - font * 1.3;
  const viewBox = `${ink.x - pad} ${top} ${ink.width + 2 * pad} ${ink.y + ink.height + pad - top}`;
  return (
    <svg
      viewBox={viewBox}
      role="img"
      aria-label="Ink with symbol boxes"
      style={{ width: "100%", maxHeight: 420, background: "#fff", border: "1px solid var(--line)", borderRadius: 6 }}
    >
      {strokes.map((stroke, i) => (
        <polyline
          key={i}
          points={stroke.map(([x, y]) => `${x},${y}`).join(" ")}
          fill="none"
          stroke="#1d1d1f"
          strokeWidth={2.5}
          strokeLinecap="round"
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {symbols.map((s, i) => {
        const colour = BOX_COLOURS[i % BOX_COLOURS.length];
        const m = size * 0.01;
        return (
          <g key={i} data-testid="symbol-box" aria-label={`symbol ${s.label}`}>
            <rect x={s.box.x - m} y={s.box.y - m} width={s.box.width + 2 * m} height={s.box.height + 2 * m} fill="none" stroke={colour} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
            <text x={s.box.x - m} y={s.box.y - m - font * 0.2} fontSize={font} fill={colour} fontFamily="ui-sans-serif, system-ui, sans-serif">
              {s.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function formatBox(box: InkBox): string {
  const r = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
  return `${r(box.x)}, ${r(box.y)} · ${r(box.width)} × ${r(box.height)}`;
}
