/** The dataset kinds the importer understands. */
export type ImportKind = "folder" | "archive" | "mnist" | "inkml";

/** Sample sources, as stored in samples.source. */
export const SAMPLE_SOURCES = ["kaggle", "mnist", "canvas", "augmented", "equation", "inkml"] as const;
export type SampleSource = (typeof SAMPLE_SOURCES)[number];

/** One file (or MNIST record) found in a dataset, not yet read. */
export interface ImportEntry {
  /** Path relative to the dataset root: the sample's origin, and the key that makes re-runs idempotent. */
  path: string;
  /** Class folder or label as spelled in the dataset; empty for InkML files, whose labels are inside. */
  rawLabel: string;
  load(): Promise<LoadedEntry>;
}

export type LoadedEntry =
  | { kind: "encoded"; bytes: Uint8Array }
  | { kind: "raw"; bytes: Uint8Array; width: number; height: number; originalType: string; polarity: "dark-on-light" | "light-on-dark" };

/** A file the reader could not use, with the reason shown to the person importing. */
export interface Rejection {
  path: string;
  reason: string;
}

export interface ImportProgress {
  batchId: number;
  processed: number;
  /** Files to process, when known up front (folders, MNIST); null for streamed archives. */
  total: number | null;
  /** 0..1, from files or from archive bytes read. */
  fraction: number;
  imported: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
}

export interface ImportSummary {
  batchId: number;
  kind: ImportKind;
  source: string;
  /** Files (or records) seen, including duplicates and rejected ones. */
  files: number;
  /** Distinct images this import stored. */
  imported: number;
  /** Files whose picture was already stored (earlier in this import or by an earlier one). */
  duplicates: number;
  /** Distinct images found under two or more different classes. */
  conflicts: number;
  rejected: Rejection[];
  /** New distinct images per class. */
  classes: Record<string, number>;
  seconds: number;
  resumed: boolean;
  /** InkML imports only; `files` and the sample counts above then count symbols, not files. */
  ink?: InkImportSummary;
}

export interface InkImportSummary {
  /** Expressions (InkML files) this import stored. */
  expressions: number;
  /** Distinct writer keys among them. */
  writers: number;
  strokeWidth: number;
}

/** A path that is not a dataset, or that cannot be read at all: the import does not start. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportInputError";
  }
}
