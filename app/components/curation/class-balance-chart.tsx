"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Rectangle, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import type { ClassCount } from "@/lib/dataset/class-counts";

const SOURCE_ORDER = ["kaggle", "mnist", "inkml", "canvas", "augmented", "equation"];
const SPLIT_ORDER = ["train", "val", "test"];
const PALETTE = ["#3b5bdb", "#12b886", "#f59f00", "#e64980", "#7950f2", "#15aabf", "#868e96", "#82c91e"];

type Mode = "source" | "split";

/**
 * Samples per class, stacked by source or by split. The imbalance ratio is largest / smallest
 * over classes with samples; classes under the target are marked red; a click on a bar opens
 * that class on the samples page.
 */
export function ClassBalanceChart({ classes }: { classes: ClassCount[] }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("source");
  const [target, setTarget] = useState<number | "">("");

  const keys = useMemo(() => {
    const found = new Set<string>();
    for (const c of classes) for (const k of Object.keys(mode === "source" ? c.bySource : c.bySplit)) found.add(k);
    const order = mode === "source" ? SOURCE_ORDER : SPLIT_ORDER;
    return [...found].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  }, [classes, mode]);

  const data = classes.map((c) => ({ name: c.name, total: c.total, ...(mode === "source" ? c.bySource : c.bySplit) }));
  const nonEmpty = classes.filter((c) => c.total > 0);
  const largest = nonEmpty.reduce((m, c) => Math.max(m, c.total), 0);
  const smallest = nonEmpty.reduce((m, c) => Math.min(m, c.total), Infinity);
  const ratio = nonEmpty.length > 0 ? largest / smallest : 1;
  const below = target === "" ? [] : classes.filter((c) => c.total < target);
  const belowSet = new Set(below.map((c) => c.name));

  const open = (name: string) => router.push(`/samples?label=${encodeURIComponent(name)}`);

  return (
    <section className="panel" aria-label="Class balance">
      <div className="chart-controls">
        <fieldset style={{ border: "none", padding: 0, margin: 0, display: "flex", gap: "0.6rem" }}>
          <legend className="sr-only">Stack by</legend>
          <label>
            <input type="radio" name="stack" checked={mode === "source"} onChange={() => setMode("source")} /> by source
          </label>
          <label>
            <input type="radio" name="stack" checked={mode === "split"} onChange={() => setMode("split")} /> by split
          </label>
        </fieldset>
        <label>
          Target per class{" "}
          <input type="number" min={0} value={target} onChange={(e) => setTarget(e.target.value === "" ? "" : Math.max(0, Number(e.target.value)))} />
        </label>
        <span>
          Imbalance ratio <strong data-testid="imbalance-ratio">{ratio.toFixed(1)}×</strong>{" "}
          <span className="muted">
            (largest {largest || 0} / smallest {Number.isFinite(smallest) ? smallest : 0})
          </span>
        </span>
      </div>
      {target !== "" && (
        <p className={below.length ? "warn" : "ok"} data-testid="below-target">
          {below.length === 0
            ? `Every class has at least ${target} samples.`
            : `${below.length} class${below.length === 1 ? "" : "es"} below ${target}: ${below.map((c) => `${c.name} (${c.total})`).join(", ")}`}
        </p>
      )}
      <div style={{ width: "100%", height: 360 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 10, right: 10, bottom: 10, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="name"
              interval={0}
              tick={(props: { x: number | string; y: number | string; payload: { value: string } }) => (
                <text
                  x={Number(props.x)}
                  y={Number(props.y) + 12}
                  textAnchor="middle"
                  fontSize={12}
                  fontWeight={belowSet.has(props.payload.value) ? 700 : 400}
                  fill={belowSet.has(props.payload.value) ? "#c92a2a" : "#444"}
                  style={{ cursor: "pointer" }}
                  onClick={() => open(props.payload.value)}
                >
                  {props.payload.value}
                </text>
              )}
            />
            <YAxis allowDecimals={false} width={48} />
            <Tooltip />
            <Legend />
            {target !== "" && <ReferenceLine y={target} stroke="#c92a2a" strokeDasharray="4 4" label={{ value: `target ${target}`, position: "insideTopRight", fill: "#c92a2a", fontSize: 12 }} />}
            {keys.map((key, i) => (
              <Bar
                key={key}
                dataKey={key}
                stackId="count"
                fill={PALETTE[i % PALETTE.length]}
                isAnimationActive={false}
                style={{ cursor: "pointer" }}
                onClick={(item) => open((item.payload as { name: string }).name)}
                shape={(props: BarShapeProps) => {
                  const row = props.payload as { name: string; total: number } & Record<string, number>;
                  const low = belowSet.has(row.name);
                  return (
                    <g role="img" aria-label={`${row.name} ${key}: ${row[key] ?? 0} of ${row.total}`}>
                      <Rectangle {...props} stroke={low ? "#c92a2a" : undefined} strokeWidth={low ? 2 : 0} fillOpacity={low ? 0.55 : 1} />
                    </g>
                  );
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="muted">Click a bar or a class name to open its samples.</p>
    </section>
  );
}
