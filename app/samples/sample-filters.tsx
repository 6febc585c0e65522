"use client";

import { useState } from "react";
import type { SampleFilter, SampleQuery } from "@/lib/dataset/sample-query";
import type { ClassOption } from "../components/curation/class-match";

const triState = (v: boolean | undefined) => (v === undefined ? "" : v ? "1" : "0");
const fromTri = (v: string) => (v === "" ? undefined : v === "1");

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
      <div className="field">
        <label htmlFor="filter-label">Label</label>
        <select id="filter-label" value={label} onChange={(e) => setLabel(e.target.value)}>
          <option value="">any</option>
          {classes.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-source">Source</label>
        <select id="filter-source" value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="">any</option>
          {sources.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-split">Split</label>
        <select id="filter-split" value={split} onChange={(e) => setSplit(e.target.value)}>
          <option value="">any</option>
          <option>train</option>
          <option>val</option>
          <option>test</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-conflict">Conflict</label>
        <select id="filter-conflict" value={conflict} onChange={(e) => setConflict(e.target.value)}>
          <option value="">any</option>
          <option value="1">yes</option>
          <option value="0">no</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-relabelled">Relabelled</label>
        <select id="filter-relabelled" value={relabelled} onChange={(e) => setRelabelled(e.target.value)}>
          <option value="">any</option>
          <option value="1">yes</option>
          <option value="0">no</option>
        </select>
      </div>
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
