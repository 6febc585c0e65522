"use client";

import { useState } from "react";
import type { ClassSet } from "@/lib/dataset/class-sets";
import { ApiMessage, useApiAction } from "../components/curation/use-api";

/** Class names as typed: separated by spaces or commas (class names never contain either). */
const parseList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** CRUD for class sets; classes a set names but no sample has yet are shown struck through. */
export function ClassSetsEditor({ sets, classNames }: { sets: ClassSet[]; classNames: string[] }) {
  const { send, message, busy } = useApiAction();
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState({ name: "", classes: "" });
  const [newSet, setNewSet] = useState({ name: "", classes: "" });
  const known = new Set(classNames);

  return (
    <div className="panel">
      <table aria-label="Class sets">
        <thead>
          <tr>
            <th>Name</th>
            <th className="num">Classes</th>
            <th>Members</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sets.map((s) =>
            editing === s.id ? (
              <tr key={s.id}>
                <td>
                  <input aria-label="Set name" type="text" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} style={{ minWidth: 0 }} />
                </td>
                <td className="num">{parseList(draft.classes).length}</td>
                <td>
                  <input aria-label="Set classes" type="text" value={draft.classes} onChange={(e) => setDraft({ ...draft, classes: e.target.value })} />
                </td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={async () => {
                      const ok = await send(`/api/class-sets/${s.id}`, "PATCH", { name: draft.name, classes: parseList(draft.classes) }, () => `Saved ${draft.name}`);
                      if (ok) setEditing(null);
                    }}
                  >
                    Save
                  </button>{" "}
                  <button type="button" className="secondary" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </td>
              </tr>
            ) : (
              <tr key={s.id}>
                <td>
                  <strong>{s.name}</strong>
                </td>
                <td className="num">{s.classes.length}</td>
                <td>
                  {s.classes.map((c) => (
                    <span key={c} className="badge" style={known.has(c) ? { marginRight: 3 } : { marginRight: 3, textDecoration: "line-through" }} title={known.has(c) ? undefined : "no class with this name yet"}>
                      {c}
                    </span>
                  ))}
                </td>
                <td style={{ whiteSpace: "nowrap" }}>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setEditing(s.id);
                      setDraft({ name: s.name, classes: s.classes.join(" ") });
                    }}
                  >
                    Edit
                  </button>{" "}
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => window.confirm(`Delete the class set ${s.name}?`) && send(`/api/class-sets/${s.id}`, "DELETE", undefined, () => `Deleted ${s.name}`)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <form
        className="inline"
        aria-label="New class set"
        style={{ marginTop: "0.8rem" }}
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await send("/api/class-sets", "POST", { name: newSet.name, classes: parseList(newSet.classes) }, () => `Created ${newSet.name}`);
          if (ok) setNewSet({ name: "", classes: "" });
        }}
      >
        <label htmlFor="set-name">New set</label>
        <input id="set-name" type="text" value={newSet.name} onChange={(e) => setNewSet({ ...newSet, name: e.target.value })} placeholder="name" style={{ minWidth: 0, width: "12rem" }} />
        <label htmlFor="set-classes">Classes</label>
        <input id="set-classes" type="text" value={newSet.classes} onChange={(e) => setNewSet({ ...newSet, classes: e.target.value })} placeholder="0 1 2 + - x" />
        <button type="submit" disabled={busy || !newSet.name.trim()}>
          Create set
        </button>
      </form>
      <ApiMessage message={message} />
    </div>
  );
}
