/**
 * Why an InkML document could not be read. An importer lists the file with this reason and
 * goes on with the next one.
 */
export type InkmlErrorReason =
  | "empty"
  | "malformed-xml"
  | "not-inkml"
  | "bad-trace"
  | "duplicate-trace"
  | "missing-trace"
  | "empty-symbol";

/** A document-level failure with a machine-readable reason and a human-readable message. */
export class InkmlError extends Error {
  readonly reason: InkmlErrorReason;

  constructor(reason: InkmlErrorReason, message: string) {
    super(`${reason}: ${message}`);
    this.name = "InkmlError";
    this.reason = reason;
  }
}

/** Narrowing helper for catch blocks: `catch (e) { if (isInkmlError(e)) ... }`. */
export function isInkmlError(value: unknown): value is InkmlError {
  return value instanceof InkmlError;
}
