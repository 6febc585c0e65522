"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartRow {
  label: string;
  before: number;
  after: number;
  chosen: boolean;
}

/** Train samples per class now and after the plan; only chosen classes grow. */
export function BalanceChart({ rows }: { rows: ChartRow[] }) {
  const data = rows.map((r) => ({ label: r.label, before: r.before, added: r.after - r.before }));
  return (
    <div aria-label="Class balance chart" role="img" style={{ width: "100%", height: 280 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="before" name="train samples now" stackId="n" fill="#868e96" isAnimationActive={false} />
          <Bar dataKey="added" name="to generate" stackId="n" fill="#3b5bdb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
