"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

const EXAMPLE = { kernelSize: "2,3", dropout: "0.3,0.4,0.5", optimizer: "adam,rmsprop" };

/** "kernel 2,3 × dropout 0.3,0.4,0.5 × optimizer adam,rmsprop" -> one queued run per combination. */
export function SweepForm({ classSets }: { classSets: { id: number; name: string }[] }) {
  const router = useRouter();
  const [rows, setRows] = useState<{ key: string; values: string }[]>(Object.entries(EXAMPLE).map(([key, values]) => ({ key, values })));
  const [epochs, setEpochs] = useState("3");
  const [setId, setSetId] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  const parse = (v: string) => v.split(",").map((s) => s.trim()).filter(Boolean).map((s) => (s !== "" && !Number.isNaN(Number(s)) ? Number(s) : s));
  const grid = Object.fromEntries(rows.filter((r) => r.key.trim() && r.values.trim()).map((r) => [r.key.trim(), parse(r.values)]));
  const count = Object.values(grid).reduce((n, v) => n * v.length, 1);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setMessage(null);
    const base = { config: { epochs: Number(epochs) }, ...(setId ? { classSet: Number(setId) } : {}) };
    const res = await fetch("/api/sweeps", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "sweep", grid, base }) });
    const body = (await res.json()) as { sweepId?: number; message?: string };
    if (!res.ok || !body.sweepId) setMessage(body.message ?? `sweep refused (${res.status})`);
    else router.push(`/sweeps/${body.sweepId}`);
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Sweep">
      <h2 style={{ marginTop: 0 }}>Sweep</h2>
      <p className="muted">Values to try for any setting, comma-separated; every combination becomes one queued run.</p>
      {rows.map((r, i) => (
        <div key={i} className="form-row">
          <input aria-label={`sweep parameter ${i + 1}`} type="text" style={{ minWidth: 160 }} value={r.key} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} />{" "}
          <input aria-label={`sweep values ${i + 1}`} type="text" value={r.values} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, values: e.target.value } : x)))} />
        </div>
      ))}
      <div className="form-row">
        <button type="button" className="secondary" onClick={() => setRows([...rows, { key: "", values: "" }])}>Add parameter</button>{" "}
        <label htmlFor="sweep-epochs">Epochs</label> <input id="sweep-epochs" type="text" style={{ minWidth: 60, width: 60 }} value={epochs} onChange={(e) => setEpochs(e.target.value)} />{" "}
        <label htmlFor="sweep-set">Class set</label>{" "}
        <select id="sweep-set" value={setId} onChange={(e) => setSetId(e.target.value)}>
          <option value="">all classes</option>
          {classSets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>{" "}
        <button type="submit">Queue {count} runs</button>
      </div>
      {message && <p className="error" role="alert">{message}</p>}
    </form>
  );
}
