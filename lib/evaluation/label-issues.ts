import type Database from "better-sqlite3";
import { sqlTimestamp } from "../db/timestamp";
import { CurationInputError, NotFoundError } from "../dataset/curation-errors";
import { relabelSamples } from "../dataset/relabel-samples";
import { requireModel } from "./evaluation-store";

export type LabelIssueStatus = "open" | "accepted" | "kept";
export const LABEL_ISSUE_STATUSES: readonly LabelIssueStatus[] = ["open", "accepted", "kept"];

export interface LabelIssueView {
  id: number;
  modelId: number;
  sampleId: number;
  givenLabel: string;
  suggestedLabel: string;
  selfConfidence: number;
  /** Out-of-fold probabilities, most probable first. */
  probs: [string, number][];
  rank: number;
  status: LabelIssueStatus;
  /** The sample's label now. */
  label: string;
  createdAt: string;
  resolvedAt: string | null;
}

interface IssueRow {
  id: number;
  modelId: number;
  sampleId: number;
  givenLabel: string;
  suggestedLabel: string;
  selfConfidence: number;
  probs: string;
  rank: number;
  status: LabelIssueStatus;
  label: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

function toView(row: IssueRow): LabelIssueView {
  const probs = Object.entries(JSON.parse(row.probs) as Record<string, number>).sort((a, b) => b[1] - a[1]);
  return { ...row, label: row.label ?? row.givenLabel, probs };
}

/** A model's label issues, best-ranked first; `status` narrows to open, accepted or kept. */
export function listLabelIssues(db: Database.Database, options: { modelId: number; status?: LabelIssueStatus; limit?: number }): { items: LabelIssueView[]; counts: Record<LabelIssueStatus, number> } {
  requireModel(db, options.modelId);
  const where = options.status ? `AND i.status = ?` : "";
  const args: unknown[] = options.status ? [options.status] : [];
  const rows = db
    .prepare(
      `SELECT i.*, s.label AS label FROM label_issues i JOIN samples s ON s.id = i.sampleId
       WHERE i.modelId = ? ${where} ORDER BY i.status = 'open' DESC, i.rank LIMIT ?`,
    )
    .all(options.modelId, ...args, options.limit ?? 500) as IssueRow[];
  const counts: Record<LabelIssueStatus, number> = { open: 0, accepted: 0, kept: 0 };
  for (const c of db.prepare(`SELECT status, COUNT(*) AS n FROM label_issues WHERE modelId = ? GROUP BY status`).all(options.modelId) as { status: LabelIssueStatus; n: number }[]) {
    counts[c.status] = c.n;
  }
  return { items: rows.map(toView), counts };
}

/**
 * "accept" relabels the sample to the suggestion (origin "suggestion", so history and derived
 * samples follow); "keep" records that a person confirmed the given label, which a later
 * cross-validation respects. Both only apply to an open issue whose sample still has the given label.
 */
export function resolveLabelIssue(db: Database.Database, options: { id: number; action: "accept" | "keep" }): { issue: LabelIssueView; groupId: string | null } {
  return db.transaction(() => {
    const row = db.prepare(`SELECT i.*, s.label AS label FROM label_issues i LEFT JOIN samples s ON s.id = i.sampleId WHERE i.id = ?`).get(options.id) as IssueRow | undefined;
    if (!row) throw new NotFoundError(`no label issue ${options.id}`);
    if (row.label === null) throw new NotFoundError(`sample ${row.sampleId} of label issue ${row.id} no longer exists`);
    if (row.status !== "open") throw new CurationInputError(`label issue ${row.id} is already ${row.status}`, "action");
    if (row.label !== row.givenLabel) {
      throw new CurationInputError(`sample ${row.sampleId} was relabelled to ${row.label} since; the suggestion was for label ${row.givenLabel}`, "action");
    }
    let groupId: string | null = null;
    if (options.action === "accept") {
      groupId = relabelSamples({ db, ids: [row.sampleId], label: row.suggestedLabel, origin: "suggestion", reason: `label issue ${row.id} (cross-validation of model ${row.modelId})` }).groupId;
    }
    const status: LabelIssueStatus = options.action === "accept" ? "accepted" : "kept";
    db.prepare(`UPDATE label_issues SET status = ?, resolvedAt = ? WHERE id = ?`).run(status, sqlTimestamp(), row.id);
    const updated = db.prepare(`SELECT i.*, s.label AS label FROM label_issues i JOIN samples s ON s.id = i.sampleId WHERE i.id = ?`).get(row.id) as IssueRow;
    return { issue: toView(updated), groupId };
  })();
}
