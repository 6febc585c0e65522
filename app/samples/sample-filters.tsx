"use client";

import { useState } from "react";
import type { SampleFilter, SampleQuery } from "@/lib/dataset/sample-query";
import type { ClassOption } from "../components/curation/class-match";

const triState = (v: boolean | undefined) => (v === undefined ? "" : v ? "1" : "0");
const fromTri = (v: string) => (v === "" ? undefined : v === "1");

type Option = { value: string; text: string };
const SPLITS: Option[] = ["train", "val", "test"].map((v) => ({ value: v, text: v }));
const YES_NO: Option[] = [{ value: "1", text: "yes" }, { value: "0", text: "no" }];

/** One labelled select whose first choice, "any", leaves the filter off. */
function FilterSelect({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (v: string) => void; options: Option[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filter bar; applying it navigates, so every view is a shareable URL. */
export function SampleFilters({
  query,
  classes,
  sources,
  onApply,
}: {
  query: SampleQuery;
  classes: ClassOption[];
  sources: string[];
  onApply: (filter: SampleFilter) => void;
}) {
  const [label, setLabel] = useState(query.label ?? "");
  const [source, setSource] = useState(query.source ?? "");
  const [split, setSplit] = useState<string>(query.split ?? "");
  const [conflict, setConflict] = useState(triState(query.conflict));
  const [relabelled, setRelabelled] = useState(triState(query.relabelled));
  const [model, setModel] = useState(query.model?.toString() ?? "");
  const [misclassified, setMisclassified] = useState(query.misclassified ?? false);
  const [q, setQ] = useState(query.q ?? "");

  return (
    <form
      className="filters panel"
      aria-label="Filters"
      onSubmit={(e) => {
        e.preventDefault();
        const modelId = model.trim() ? Number(model) : undefined;
        onApply({
          label: label || undefined,
          source: source || undefined,
          split: (split || undefined) as SampleFilter["split"],
          conflict: fromTri(conflict),
          relabelled: fromTri(relabelled),
          model: modelId,
          misclassified: modelId !== undefined && misclassified ? true : undefined,
          q: q.trim() || undefined,
          batch: query.batch,
        });
      }}
    >
      <FilterSelect id="filter-label" label="Label" value={label} onChange={setLabel} options={classes.map((c) => ({ value: c.name, text: c.name }))} />
      <FilterSelect id="filter-source" label="Source" value={source} onChange={setSource} options={sources.map((s) => ({ value: s, text: s }))} />
      <FilterSelect id="filter-split" label="Split" value={split} onChange={setSplit} options={SPLITS} />
      <FilterSelect id="filter-conflict" label="Conflict" value={conflict} onChange={setConflict} options={YES_NO} />
      <FilterSelect id="filter-relabelled" label="Relabelled" value={relabelled} onChange={setRelabelled} options={YES_NO} />
      <div className="field">
        <label htmlFor="filter-model">Model</label>
        <input id="filter-model" type="number" min={1} value={model} onChange={(e) => setModel(e.target.value)} placeholder="id" />
      </div>
      <label className="check">
        <input type="checkbox" checked={misclassified} disabled={!model.trim()} onChange={(e) => setMisclassified(e.target.checked)} />
        Misclassified
      </label>
      <div className="field">
        <label htmlFor="filter-origin-path">Origin path</label>
        <input id="filter-origin-path" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="contains…" />
      </div>
      <button type="submit">Apply filters</button>
      <a href="/samples">Reset</a>
    </form>
  );
}
