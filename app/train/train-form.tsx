"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfigFields, DEFAULT_CONFIG, toConfig } from "./config-fields";

interface Props {
  classes: { label: string; n: number }[];
  classSets: { id: number; name: string; classes: string[] }[];
}

export function TrainForm({ classes, classSets }: Props) {
  const router = useRouter();
  const [setId, setSetId] = useState<string>("all");
  const [picked, setPicked] = useState<Set<string>>(new Set(classes.map((c) => c.label)));
  const [config, setConfig] = useState(DEFAULT_CONFIG);
  const [splitMode, setSplitMode] = useState("stored");
  const [augment, setAugment] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const chosenSet = classSets.find((s) => String(s.id) === setId);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    const params = {
      ...(setId === "custom" ? { classes: [...picked] } : chosenSet ? { classSet: chosenSet.id } : {}),
      splitMode,
      augmentOnTheFly: augment,
      config: toConfig(config),
    };
    const res = await fetch("/api/jobs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "train", params }) });
    const body = (await res.json()) as { runId?: number; message?: string; errors?: Record<string, string> };
    setBusy(false);
    if (!res.ok || !body.runId) {
      setErrors(body.errors ?? {});
      setMessage(body.message ?? `training refused (${res.status})`);
      return;
    }
    router.push(`/runs/${body.runId}`);
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Train a model">
      <h2 style={{ marginTop: 0 }}>New training run</h2>
      <div className="form-row">
        <label htmlFor="train-classes">Classes</label>{" "}
        <select id="train-classes" value={setId} onChange={(e) => setSetId(e.target.value)}>
          <option value="all">every class with training samples ({classes.length})</option>
          {classSets.map((s) => (
            <option key={s.id} value={s.id}>class set: {s.name} ({s.classes.length})</option>
          ))}
          <option value="custom">choose classes…</option>
        </select>{" "}
        <label htmlFor="train-split">Split</label>{" "}
        <select id="train-split" value={splitMode} onChange={(e) => setSplitMode(e.target.value)}>
          <option value="stored">stored split (images by content hash, ink by writer)</option>
          <option value="by-writer">writer-disjoint split (no writer in two splits)</option>
        </select>{" "}
        <label>
          <input type="checkbox" checked={augment} onChange={(e) => setAugment(e.target.checked)} /> augment on the fly
        </label>
      </div>
      {setId === "custom" && (
        <div className="class-picks" role="group" aria-label="Classes to train on">
          {classes.map((c) => (
            <label key={c.label}>
              <input
                type="checkbox"
                checked={picked.has(c.label)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(c.label);
                  else next.delete(c.label);
                  setPicked(next);
                }}
              />{" "}
              {c.label} <span className="muted">({c.n})</span>
            </label>
          ))}
        </div>
      )}
      {chosenSet && <p className="muted">{chosenSet.classes.join(" ")}</p>}
      {errors.classes && <p className="error">{errors.classes}</p>}
      <ConfigFields value={config} onChange={setConfig} errors={errors} />
      {message && <p className="error" role="alert">{message}</p>}
      <button type="submit" disabled={busy}>Train</button>
    </form>
  );
}
