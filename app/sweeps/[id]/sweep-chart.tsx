"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function SweepChart({ runs }: { runs: { label: string; valAccuracy: number | null; macroF1: number | null }[] }) {
  const data = runs.map((r) => ({ label: r.label, "val accuracy": r.valAccuracy === null ? null : +(r.valAccuracy * 100).toFixed(2), "macro F1": r.macroF1 === null ? null : +(r.macroF1 * 100).toFixed(2) }));
  return (
    <div style={{ width: "100%", height: 300 }} aria-label="Sweep comparison chart">
      <ResponsiveContainer>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-15} height={60} />
          <YAxis domain={["auto", 100]} unit="%" />
          <Tooltip />
          <Legend />
          <Bar dataKey="val accuracy" fill="#3b5bdb" isAnimationActive={false} />
          <Bar dataKey="macro F1" fill="#e67700" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
