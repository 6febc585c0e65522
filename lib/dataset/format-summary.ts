import type { ImportSummary } from "./import-types";

/** A person-readable report of an import, for the CLI. */
export function formatSummary(s: ImportSummary): string {
  const lines = [
    `Import #${s.batchId} of ${s.source}${s.resumed ? " (resumed)" : ""}: ${s.files} files in ${s.seconds.toFixed(1)} s`,
    `  new distinct images: ${s.imported}`,
    `  duplicates (already stored): ${s.duplicates}`,
    `  images under two or more classes: ${s.conflicts}`,
    `  rejected: ${s.rejected.length}`,
  ];
  if (s.ink) {
    lines[0] = `Import #${s.batchId} of ${s.source}${s.resumed ? " (resumed)" : ""}: ${s.files} symbols in ${s.seconds.toFixed(1)} s`;
    lines.push(`  expressions: ${s.ink.expressions} from ${s.ink.writers} writers, rendered with stroke width ${s.ink.strokeWidth}`);
  }
  const classes = Object.entries(s.classes).sort((a, b) => b[1] - a[1]);
  if (classes.length > 0) lines.push(`  per class: ${classes.map(([k, v]) => `${k} ${v}`).join(", ")}`);
  for (const r of s.rejected.slice(0, 20)) lines.push(`  ✗ ${r.path}: ${r.reason}`);
  if (s.rejected.length > 20) lines.push(`  … and ${s.rejected.length - 20} more rejected files`);
  return lines.join("\n");
}
