"use client";

import Link from "next/link";
import { useState } from "react";
import type { ClassCount } from "@/lib/dataset/class-counts";
import { ApiMessage, useApiAction } from "../components/curation/use-api";

/** Add, rename and merge classes; renames and merges relabel samples with history (undoable). */
export function ClassManager({ classes }: { classes: ClassCount[] }) {
  const { send, message, busy } = useApiAction();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [renameFrom, setRenameFrom] = useState("");
  const [renameTo, setRenameTo] = useState("");
  const [mergeFrom, setMergeFrom] = useState("");
  const [mergeInto, setMergeInto] = useState("");
  const slugOf = (n: string) => classes.find((c) => c.name === n)?.slug ?? n;
  const options = classes.map((c) => (
    <option key={c.name} value={c.name}>
      {c.name} ({c.total})
    </option>
  ));

  return (
    <>
      <div className="panel">
        <form
          className="inline"
          aria-label="Add class"
          onSubmit={async (e) => {
            e.preventDefault();
            const ok = await send<{ name: string; slug: string }>("/api/classes", "POST", { name, slug: slug.trim() || undefined }, (r) => `Added class ${r.name} (${r.slug})`);
            if (ok) {
              setName("");
              setSlug("");
            }
          }}
        >
          <label htmlFor="class-name">New class</label>
          <input id="class-name" type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder="symbol, e.g. ∑" style={{ minWidth: 0, width: 10 + "rem" }} />
          <label htmlFor="class-slug">Slug</label>
          <input id="class-slug" type="text" value={slug} onChange={(e) => setSlug(e.target.value)} placeholder="optional, e.g. sum" style={{ minWidth: 0, width: 10 + "rem" }} />
          <button type="submit" disabled={busy || !name.trim()}>
            Add class
          </button>
        </form>
        <form
          className="inline"
          aria-label="Rename class"
          style={{ marginTop: "0.6rem" }}
          onSubmit={async (e) => {
            e.preventDefault();
            const ok = await send<{ updated: number }>(`/api/classes/${encodeURIComponent(slugOf(renameFrom))}`, "PATCH", { to: renameTo }, (r) => `Renamed ${renameFrom} to ${renameTo} (${r.updated} samples relabelled)`);
            if (ok) setRenameTo("");
          }}
        >
          <label htmlFor="rename-from">Rename</label>
          <select id="rename-from" value={renameFrom} onChange={(e) => setRenameFrom(e.target.value)} style={{ minWidth: 140 }}>
            <option value="">class…</option>
            {options}
          </select>
          <label htmlFor="rename-to">to</label>
          <input id="rename-to" type="text" value={renameTo} onChange={(e) => setRenameTo(e.target.value)} style={{ minWidth: 0, width: 10 + "rem" }} />
          <button type="submit" disabled={busy || !renameFrom || !renameTo.trim()}>
            Rename
          </button>
        </form>
        <form
          className="inline"
          aria-label="Merge classes"
          style={{ marginTop: "0.6rem" }}
          onSubmit={async (e) => {
            e.preventDefault();
            if (!window.confirm(`Relabel every ${mergeFrom} as ${mergeInto} and remove the class ${mergeFrom}?`)) return;
            const ok = await send<{ updated: number }>("/api/classes/merge", "POST", { from: mergeFrom, into: mergeInto }, (r) => `Merged ${mergeFrom} into ${mergeInto} (${r.updated} samples relabelled)`);
            if (ok) setMergeFrom("");
          }}
        >
          <label htmlFor="merge-from">Merge</label>
          <select id="merge-from" value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value)} style={{ minWidth: 140 }}>
            <option value="">class…</option>
            {options}
          </select>
          <label htmlFor="merge-into">into</label>
          <select id="merge-into" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} style={{ minWidth: 140 }}>
            <option value="">class…</option>
            {options}
          </select>
          <button type="submit" disabled={busy || !mergeFrom || !mergeInto || mergeFrom === mergeInto}>
            Merge
          </button>
        </form>
        <ApiMessage message={message} />
        <p className="muted">Renames and merges are recorded in each sample&apos;s history and can be undone from the samples page (Ctrl-Z).</p>
      </div>
      <div className="panel">
        <table className="class-table" aria-label="Class list">
          <thead>
            <tr>
              <th>Class</th>
              <th>Slug</th>
              <th className="num">Samples</th>
              <th>By source</th>
              <th>By split</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c) => (
              <tr key={c.name}>
                <td className="label-cell">
                  <Link href={`/samples?label=${encodeURIComponent(c.name)}`}>{c.name}</Link>
                </td>
                <td>{c.slug}</td>
                <td className="num">{c.total}</td>
                <td className="muted">{Object.entries(c.bySource).map(([k, v]) => `${k} ${v}`).join(", ")}</td>
                <td className="muted">{Object.entries(c.bySplit).map(([k, v]) => `${k} ${v}`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
