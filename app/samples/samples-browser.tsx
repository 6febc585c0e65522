"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import type { SamplePage, SampleRow } from "@/lib/dataset/list-samples";
import { sampleQueryToSearch, type SampleFilter, type SampleQuery } from "@/lib/dataset/sample-query";
import { classCandidates, matchClass, type ClassOption } from "../components/curation/class-match";
import { ClassSelect } from "../components/curation/class-select";
import { HistoryPanel } from "./history-panel";
import { SampleFilters } from "./sample-filters";

interface Props {
  query: SampleQuery;
  initial: SamplePage;
  classes: ClassOption[];
  sources: string[];
}

type Selection = { kind: "ids"; ids: Set<number> } | { kind: "all" };

const column = createColumnHelper<SampleRow>();

/** Sort keys the table's headers map to (the server's `sort` parameter). */
const SORTABLE: Record<string, string> = {
  id: "id",
  label: "label",
  source: "source",
  split: "split",
  importBatchId: "batch",
  copies: "copies",
  confidence: "confidence",
};

export function SamplesBrowser({ query, initial, classes, sources }: Props) {
  const router = useRouter();
  const [items, setItems] = useState(initial.items);
  const [cursor, setCursor] = useState(0);
  const [typed, setTyped] = useState("");
  const [selection, setSelection] = useState<Selection>({ kind: "ids", ids: new Set() });
  const [anchor, setAnchor] = useState<number | null>(null);
  const [bulkLabel, setBulkLabel] = useState("");
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const gridRef = useRef<HTMLDivElement>(null);

  const filter: SampleFilter = useMemo(() => {
    const { page: _p, pageSize: _s, sort: _o, ...f } = query;
    return f;
  }, [query]);
  const pages = Math.max(1, Math.ceil(initial.total / query.pageSize));
  const current = items[cursor] ?? null;
  const typedMatch = matchClass(classes, typed);
  const selectedCount = selection.kind === "all" ? initial.total : selection.ids.size;

  const go = useCallback((next: Partial<SampleQuery>) => router.push(`/samples${sampleQueryToSearch({ ...query, ...next })}`), [router, query]);

  const sorting: SortingState = useMemo(() => {
    const desc = query.sort.startsWith("-");
    const key = query.sort.replace(/^-/, "");
    const id = Object.entries(SORTABLE).find(([, v]) => v === key)?.[0] ?? "id";
    return [{ id, desc }];
  }, [query.sort]);

  /** Patches labels in place, so rows do not jump out of a filtered view while someone works through it. */
  const applyChanges = (changes: { id: number; label: string }[], relabelled?: boolean) => {
    const byId = new Map(changes.map((c) => [c.id, c.label]));
    setItems((rows) => rows.map((r) => (byId.has(r.id) ? { ...r, label: byId.get(r.id)!, relabelled: relabelled ?? r.relabelled } : r)));
    setHistoryVersion((v) => v + 1);
  };

  async function relabel(target: { ids: number[] } | { filter: SampleFilter }, label: string): Promise<boolean> {
    setBusy(true);
    try {
      const res = await fetch("/api/samples", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...target, label }),
      });
      const body = (await res.json()) as { updated?: number; message?: string; changes?: { id: number; toLabel: string }[] };
      if (!res.ok) {
        setStatus({ text: body.message ?? `relabel failed (${res.status})`, error: true });
        return false;
      }
      setStatus({ text: `Relabelled ${body.updated} sample${body.updated === 1 ? "" : "s"} to ${label}` });
      if (body.changes) applyChanges(body.changes.map((c) => ({ id: c.id, label: c.toLabel })), true);
      else router.refresh();
      return true;
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    setBusy(true);
    try {
      const res = await fetch("/api/label-changes/undo", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      const body = (await res.json()) as { undone?: number; skipped?: number; message?: string; changes?: { id: number; label: string }[] };
      if (!res.ok) {
        setStatus({ text: body.message ?? `undo failed (${res.status})`, error: true });
        return;
      }
      setStatus({ text: `Undid ${body.undone} change${body.undone === 1 ? "" : "s"}${body.skipped ? ` (${body.skipped} changed since, left alone)` : ""}` });
      const changes = body.changes ?? [];
      const visible = new Set(items.map((r) => r.id));
      // Samples the undo brings back into this filter are not on the page yet: reload it then.
      if (changes.every((c) => visible.has(c.id))) applyChanges(changes);
      else router.refresh();
    } finally {
      setBusy(false);
    }
  }

  function toggle(index: number, shift: boolean) {
    const row = items[index];
    if (!row) return;
    setSelection((sel) => {
      const ids = new Set(sel.kind === "ids" ? sel.ids : []);
      if (shift && anchor !== null) {
        const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
        for (let i = a; i <= b; i++) ids.add(items[i]!.id);
      } else if (ids.has(row.id)) ids.delete(row.id);
      else ids.add(row.id);
      return { kind: "ids", ids };
    });
    setAnchor(index);
  }

  async function confirmTyped() {
    if (!typed) {
      setCursor((c) => Math.min(items.length - 1, c + 1));
      return;
    }
    if (!typedMatch) {
      setStatus({ text: `No class "${typed}"`, error: true });
      return;
    }
    const label = typedMatch.name;
    setTyped("");
    if (selection.kind === "all") {
      if (await relabel({ filter }, label)) setSelection({ kind: "ids", ids: new Set() });
      return;
    }
    if (selection.ids.size > 0) {
      if (await relabel({ ids: [...selection.ids] }, label)) setSelection({ kind: "ids", ids: new Set() });
      return;
    }
    if (!current) return;
    if (current.label !== label) await relabel({ ids: [current.id] }, label);
    setCursor((c) => Math.min(items.length - 1, c + 1));
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
      e.preventDefault();
      void undo();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const move = (d: number) => {
      e.preventDefault();
      setCursor((c) => Math.max(0, Math.min(items.length - 1, c + d)));
    };
    if (e.key === "ArrowDown" || (e.key === "j" && !typed)) return move(1);
    if (e.key === "ArrowUp" || (e.key === "k" && !typed)) return move(-1);
    if (e.key === "Enter") {
      e.preventDefault();
      if (!busy) void confirmTyped();
      return;
    }
    if (e.key === "Escape") {
      setTyped("");
      setSelection({ kind: "ids", ids: new Set() });
      return;
    }
    if (e.key === "Backspace") {
      e.preventDefault();
      setTyped((t) => [...t].slice(0, -1).join(""));
      return;
    }
    if (e.key === " ") {
      e.preventDefault();
      toggle(cursor, e.shiftKey);
      return;
    }
    if ([...e.key].length === 1) {
      e.preventDefault();
      setTyped((t) => t + e.key);
    }
  }

  // router.refresh() (after a bulk change or an undo) brings a new page from the server.
  useEffect(() => {
    setItems(initial.items);
    setCursor((c) => Math.min(c, Math.max(0, initial.items.length - 1)));
  }, [initial]);

  // Keep the cursor row in view as j/k move it.
  useEffect(() => {
    gridRef.current?.querySelector(`[data-row="${cursor}"]`)?.scrollIntoView({ block: "nearest" });
  }, [cursor]);

  // Ctrl-Z works anywhere on the page, not only when the table has focus.
  useEffect(() => {
    const onWindowKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.closest("input, select, textarea") || gridRef.current?.contains(t))) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener("keydown", onWindowKey);
    return () => window.removeEventListener("keydown", onWindowKey);
  });

  const columns = useMemo(
    () => [
      column.display({
        id: "select",
        header: () => <span className="sr-only">Select</span>,
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select sample ${row.original.id}`}
            checked={selection.kind === "all" || selection.ids.has(row.original.id)}
            onChange={() => undefined}
            onClick={(e) => {
              e.stopPropagation();
              toggle(row.index, e.shiftKey);
            }}
          />
        ),
      }),
      column.display({
        id: "image",
        header: "Image",
        cell: ({ row }) => <img className="thumb" src={`/api/samples/${row.original.id}/image`} alt={`sample ${row.original.id}`} width={45} height={45} loading="lazy" />,
      }),
      column.accessor("id", { header: "#" }),
      column.accessor("label", { header: "Label", cell: (c) => <span className="label-cell">{c.getValue()}</span> }),
      column.accessor("source", { header: "Source" }),
      column.accessor("split", { header: "Split" }),
      column.accessor("importBatchId", {
        header: "Batch",
        cell: (c) => (c.getValue() ? <a href={`/imports/${c.getValue()}`}>#{c.getValue()}</a> : "—"),
      }),
      column.accessor("copies", { header: "Copies" }),
      column.accessor("conflict", {
        header: "Flags",
        enableSorting: false,
        cell: ({ row }) => (
          <>
            {row.original.conflict && <span className="badge failed">conflict</span>} {row.original.relabelled && <span className="badge">relabelled</span>}
          </>
        ),
      }),
      column.accessor("prediction", {
        header: "Prediction",
        enableSorting: false,
        cell: ({ row }) =>
          row.original.prediction === null ? (
            "—"
          ) : (
            <span className={row.original.prediction !== row.original.label ? "error" : undefined}>{row.original.prediction}</span>
          ),
      }),
      column.accessor("confidence", {
        header: "Confidence",
        enableSorting: query.model !== undefined,
        cell: (c) => (c.getValue() === null ? "—" : `${(c.getValue()! * 100).toFixed(1)}%`),
      }),
    ],
    // toggle depends on items/anchor; rebuilding the columns is cheap at 100 rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selection, items, anchor, query.model],
  );

  const table = useReactTable({
    data: items,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    pageCount: pages,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      const key = first ? SORTABLE[first.id] : undefined;
      go({ sort: key ? `${first!.desc ? "-" : ""}${key}` : "id", page: 1 });
    },
  });

  return (
    <>
      <SampleFilters query={query} classes={classes} sources={sources} onApply={(f) => go({ ...f, page: 1 })} />

      <div className="toolbar" role="toolbar" aria-label="Relabel">
        <span>
          {selection.kind === "all" ? (
            <strong>All {initial.total.toLocaleString("en")} matching samples selected</strong>
          ) : (
            <>{selectedCount} selected</>
          )}
        </span>
        <button type="button" className="secondary" onClick={() => setSelection({ kind: "all" })} disabled={initial.total === 0}>
          Select all {initial.total.toLocaleString("en")} matching
        </button>
        {selectedCount > 0 && (
          <button type="button" className="secondary" onClick={() => setSelection({ kind: "ids", ids: new Set() })}>
            Clear selection
          </button>
        )}
        <label htmlFor="bulk-label">New label</label>
        <ClassSelect id="bulk-label" value={bulkLabel} onChange={setBulkLabel} classes={classes} style={{ minWidth: 100 }} />
        <button
          type="button"
          disabled={busy || !bulkLabel || selectedCount === 0}
          onClick={async () => {
            const ok = await relabel(selection.kind === "all" ? { filter } : { ids: [...selection.ids] }, bulkLabel);
            if (ok) {
              setSelection({ kind: "ids", ids: new Set() });
              router.refresh();
            }
          }}
        >
          Relabel selected
        </button>
        <button type="button" className="secondary" onClick={() => void undo()} disabled={busy} title="Ctrl-Z">
          Undo last change
        </button>
      </div>

      <p role="status" className={status?.error ? "error" : "muted"} aria-live="polite">
        {status?.text ?? "\u00a0"}
      </p>

      <div className="curation-layout">
        <div
          ref={gridRef}
          className="sample-grid"
          tabIndex={0}
          onKeyDown={onKeyDown}
          aria-label="Sample table: j/k or arrows move, type a class then Enter"
        >
          <table aria-label="Samples">
            <thead>
              {table.getHeaderGroups().map((hg) => (
                <tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const sorted = h.column.getIsSorted();
                    const canSort = h.column.getCanSort() && SORTABLE[h.column.id] !== undefined;
                    return (
                      <th key={h.id} aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}>
                        {canSort ? (
                          <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                            {flexRender(h.column.columnDef.header, h.getContext())}
                            {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                          </button>
                        ) : (
                          flexRender(h.column.columnDef.header, h.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  data-row={row.index}
                  aria-current={row.index === cursor ? "true" : undefined}
                  className={row.index === cursor ? "cursor" : undefined}
                  onClick={(e) => {
                    setCursor(row.index);
                    if (e.shiftKey) toggle(row.index, true);
                    gridRef.current?.focus();
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {items.length === 0 && <p className="muted">No sample matches these filters.</p>}
        </div>
        <HistoryPanel sample={current} version={historyVersion} />
      </div>

      <div className="typed">
        Typed label: <output aria-label="Typed label">{typed || "—"}</output>{" "}
        {typed && (typedMatch ? <span className="ok">→ {typedMatch.name} (Enter applies)</span> : <span className="muted">{classCandidates(classes, typed).map((c) => c.slug).join(", ") || "no match"}</span>)}
        <span className="muted"> · j/k or ↑/↓ move · type a class (symbol or slug) then Enter · Space selects, Shift extends · Esc clears · Ctrl-Z undoes</span>
      </div>

      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={query.page <= 1} onClick={() => go({ page: query.page - 1 })}>
          Previous
        </button>
        <span>
          Page {query.page} of {pages.toLocaleString("en")} · {initial.total.toLocaleString("en")} samples
        </span>
        <button type="button" className="secondary" disabled={query.page >= pages} onClick={() => go({ page: query.page + 1 })}>
          Next
        </button>
        <label htmlFor="page-size">Rows</label>
        <select id="page-size" value={query.pageSize} onChange={(e) => go({ pageSize: Number(e.target.value), page: 1 })} style={{ minWidth: 70 }}>
          {[25, 50, 100, 200].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </nav>
    </>
  );
}
