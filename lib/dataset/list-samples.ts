import type Database from "better-sqlite3";
import type { SampleFilter, SampleQuery, SampleSortKey } from "./sample-query";

export interface SampleRow {
  id: number;
  label: string;
  source: string;
  split: string;
  importBatchId: number | null;
  copies: number;
  conflict: boolean;
  relabelled: boolean;
  originPath: string | null;
  parentId: number | null;
  hash: string;
  /** The chosen model's prediction, null without a model or when it has not seen the sample. */
  prediction: string | null;
  confidence: number | null;
}

export interface SamplePage {
  total: number;
  page: number;
  pageSize: number;
  items: SampleRow[];
}

const SORT_COLUMNS: Record<SampleSortKey, string> = {
  id: "s.id",
  label: "s.label",
  source: "s.source",
  split: "s.split",
  copies: "s.copies",
  batch: "s.importBatchId",
  confidence: "p.confidence",
};

interface SqlParts {
  /** Tables after FROM, joins included: `samples s` and, with a model, `predictions p`. */
  from: string;
  where: string;
  params: unknown[];
}

/**
 * The FROM/WHERE of a filter, shared by the page query, its count and "relabel all matching".
 * The predictions join is INNER only when filtering on misclassification, so the planner can
 * still drive the query from a samples index otherwise.
 */
export function buildSampleWhere(filter: SampleFilter): SqlParts {
  const clauses: string[] = [];
  const params: unknown[] = [];
  let from = "samples s";
  const joinParams: unknown[] = [];
  if (filter.model !== undefined) {
    // Misclassified with another filter: CROSS JOIN keeps samples as the outer loop, so a label
    // costs 5k index entries and 5k key lookups (8 ms) instead of every prediction of the model
    // (130+ ms at 200k). Without one, every sample is compared: scanning the covering browse
    // index beats reading 200k full rows (measured ~2x), though it stays well above 100 ms.
    const narrowed = [filter.label, filter.source, filter.split, filter.conflict, filter.relabelled, filter.batch, filter.q].some((v) => v !== undefined);
    if (!filter.misclassified) from = "samples s LEFT JOIN predictions p ON p.modelId = ? AND p.sampleId = s.id";
    else if (narrowed) from = "samples s CROSS JOIN predictions p ON p.modelId = ? AND p.sampleId = s.id";
    else from = "samples s INDEXED BY samples_label_browse_idx CROSS JOIN predictions p ON p.modelId = ? AND p.sampleId = s.id";
    joinParams.push(filter.model);
    if (filter.misclassified) clauses.push("p.label <> s.label");
  }
  if (filter.label !== undefined) {
    clauses.push("s.label = ?");
    params.push(filter.label);
  }
  if (filter.source !== undefined) {
    clauses.push("s.source = ?");
    params.push(filter.source);
  }
  if (filter.split !== undefined) {
    clauses.push("s.split = ?");
    params.push(filter.split);
  }
  if (filter.conflict !== undefined) {
    clauses.push("s.conflict = ?");
    params.push(filter.conflict ? 1 : 0);
  }
  if (filter.relabelled !== undefined) {
    clauses.push("s.relabelled = ?");
    params.push(filter.relabelled ? 1 : 0);
  }
  if (filter.batch !== undefined) {
    clauses.push("s.importBatchId = ?");
    params.push(filter.batch);
  }
  if (filter.q !== undefined) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Every stored path (originPath is the first of them) is in sample_origins, whose rows
    // are small: scanning it is ~20x cheaper than scanning samples.
    clauses.push(`s.id IN (SELECT o.sampleId FROM sample_origins o WHERE o.path LIKE ? ESCAPE '\\')`);
    params.push(like);
  }
  return {
    from,
    where: clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "",
    params: [...joinParams, ...params],
  };
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared statements keyed by their SQL: a filter combination is prepared once per connection. */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/**
 * One page of samples for the samples page and `GET /api/samples`: filtered, sorted (ties
 * broken by id in the same direction, so every sort can walk an index ending in the rowid) and
 * offset-paginated. Two steps: the page's ids from indexes alone, then the 100 rows. Sample
 * rows carry 2-3 KB of image blobs, so sorting full rows cost 17-120 ms for a 4,000-row filter
 * at 200k samples; the id step never touches the table when a covering index exists.
 * Raw SQL: Prisma's per-row overhead alone exceeds the 100 ms budget.
 */
export function listSamples(options: { db: Database.Database } & SampleQuery): SamplePage {
  const { db, page, pageSize, sort, ...filter } = options;
  const desc = sort.startsWith("-");
  const key = sort.replace(/^-/, "") as SampleSortKey;
  const dir = desc ? "DESC" : "ASC";
  const needsPredictions = key === "confidence" || filter.misclassified === true;
  const f = buildSampleWhere(needsPredictions ? filter : { ...filter, model: undefined });
  const orderBy = key === "id" ? `s.id ${dir}` : `${SORT_COLUMNS[key]} ${dir}, s.id ${dir}`;
  const ids = cachedStatement(db, `SELECT s.id FROM ${f.from} ${f.where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...f.params, pageSize, (page - 1) * pageSize) as number[];
  const predictionJoin = filter.model !== undefined ? "LEFT JOIN predictions p ON p.modelId = ? AND p.sampleId = s.id" : "";
  const columns = filter.model !== undefined ? "p.label AS prediction, p.confidence AS confidence" : "NULL AS prediction, NULL AS confidence";
  const rows =
    ids.length === 0
      ? []
      : (cachedStatement(
          db,
          `SELECT s.id, s.label, s.source, s.split, s.importBatchId, s.copies, s.conflict, s.relabelled, s.originPath, s.parentId, s.hash, ${columns}
           FROM samples s ${predictionJoin} WHERE s.id IN (SELECT value FROM json_each(?))`,
        ).all(...(filter.model !== undefined ? [filter.model] : []), JSON.stringify(ids)) as (Omit<SampleRow, "conflict" | "relabelled"> & {
          conflict: number;
          relabelled: number;
        })[]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const total = countSamples({ db, ...filter });
  return {
    total,
    page,
    pageSize,
    items: ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ ...r, conflict: r.conflict === 1, relabelled: r.relabelled === 1 }] : [];
    }),
  };
}

/** How many samples match a filter (the predictions join only when the filter needs it). */
export function countSamples(options: { db: Database.Database } & SampleFilter): number {
  const { db, ...filter } = options;
  const f = buildSampleWhere(filter.misclassified ? filter : { ...filter, model: undefined });
  return (cachedStatement(db, `SELECT COUNT(*) AS n FROM ${f.from} ${f.where}`).get(...f.params) as { n: number }).n;
}

/** The ids matching a filter, for "select all matching" actions. */
export function listSampleIds(options: { db: Database.Database } & SampleFilter): number[] {
  const { db, ...filter } = options;
  const f = buildSampleWhere(filter);
  return cachedStatement(db, `SELECT s.id FROM ${f.from} ${f.where} ORDER BY s.id`)
    .pluck()
    .all(...f.params) as number[];
}
