import crypto from "node:crypto";

export const SPLITS = ["train", "val", "test"] as const;
export type Split = (typeof SPLITS)[number];

/** md5 hex of the bytes: the identity of a sample, and the manifest's hash for the Kaggle data. */
export function contentHash(bytes: Uint8Array): string {
  return crypto.createHash("md5").update(bytes).digest("hex");
}

/**
 * 80/10/10 from the content hash, so the same picture lands in the same split on every
 * import, on every machine, and copies of one picture can never straddle train and test.
 */
export function assignSplit(hash: string): Split {
  const bucket = parseInt(hash.slice(0, 8), 16) % 100;
  if (bucket < 80) return "train";
  if (bucket < 90) return "val";
  return "test";
}
