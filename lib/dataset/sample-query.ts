import { z } from "zod";

export const SAMPLE_SORT_KEYS = ["id", "label", "source", "split", "copies", "batch", "confidence"] as const;
export type SampleSortKey = (typeof SAMPLE_SORT_KEYS)[number];
export const MAX_PAGE_SIZE = 500;

const flag = z
  .preprocess((v) => (v === "1" || v === "true" ? true : v === "0" || v === "false" ? false : v), z.boolean({ error: "must be 1 or 0" }))
  .optional();
const sortSpec = z
  .string()
  .regex(new RegExp(`^-?(${SAMPLE_SORT_KEYS.join("|")})$`), `must be one of ${SAMPLE_SORT_KEYS.join(", ")}, optionally prefixed with - for descending`)
  .default("id");

/**
 * The samples list's filters, sort and page as they appear in the URL (`/samples?label=7&sort=-copies`)
 * and in `GET /api/samples`: one schema so a shared link and a script ask the same question.
 */
export const sampleQuerySchema = z.object({
  label: z.string().trim().min(1).optional(),
  source: z.string().trim().min(1).optional(),
  split: z.enum(["train", "val", "test"]).optional(),
  conflict: flag,
  relabelled: flag,
  /** Model whose predictions are shown (and sorted on with `confidence`). */
  model: z.coerce.number().int().positive().optional(),
  /** Only samples the model predicts as another class; needs `model`. */
  misclassified: flag,
  /** Substring of an origin path (any file the sample was found as). */
  q: z.string().trim().min(1).max(200).optional(),
  batch: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  sort: sortSpec,
});

export type SampleQuery = z.infer<typeof sampleQuerySchema>;
/** The filter part only: what "select all matching" and bulk relabel act on. */
export type SampleFilter = Omit<SampleQuery, "page" | "pageSize" | "sort">;

export const sampleFilterSchema = sampleQuerySchema.omit({ page: true, pageSize: true, sort: true });

/** "field: message" for the first problem, the form every 400 of the curation API uses. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid request";
  const field = issue.path.join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

/** Parses URL search params (empty values count as absent, so a cleared form field is no filter). */
export function parseSampleQuery(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): { ok: true; query: SampleQuery } | { ok: false; message: string } {
  const entries: Record<string, string> = {};
  const source = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of source) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") entries[k] = value;
  }
  const parsed = sampleQuerySchema.safeParse(entries);
  if (!parsed.success) return { ok: false, message: describeZodError(parsed.error) };
  if (parsed.data.misclassified && parsed.data.model === undefined) return { ok: false, message: "misclassified: needs model=<id>" };
  if (parsed.data.sort.replace(/^-/, "") === "confidence" && parsed.data.model === undefined) {
    return { ok: false, message: "sort: confidence needs model=<id>" };
  }
  return { ok: true, query: parsed.data };
}

/** The URL search string for a query, leaving out defaults so links stay short. */
export function sampleQueryToSearch(query: Partial<SampleQuery>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    if (k === "page" && v === 1) continue;
    if (k === "pageSize" && v === 100) continue;
    if (k === "sort" && v === "id") continue;
    params.set(k, v === true ? "1" : String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
