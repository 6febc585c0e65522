import { assertCanonical, CANONICAL_PIXELS } from "../images/canonical-form";

/**
 * Checks the input is canonical and returns where to write: `out` when given (it may be the
 * input itself, every operation supports working in place), otherwise a new buffer.
 */
export function prepareOutput(pixels: Uint8Array, out: Uint8Array | undefined): Uint8Array {
  assertCanonical(pixels);
  if (out === undefined) return new Uint8Array(CANONICAL_PIXELS);
  assertCanonical(out);
  return out;
}
