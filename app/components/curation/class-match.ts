import { resolveClassName } from "@/lib/dataset/class-names";

export interface ClassOption {
  name: string;
  slug: string;
}

/**
 * The class a typed string means, in the browser: the label itself, its slug (any case), or a
 * known alias of a stored class ("times", "X"). Mirrors resolveClassLabel on the server.
 */
export function matchClass(classes: readonly ClassOption[], typed: string): ClassOption | null {
  const t = typed.trim();
  if (!t) return null;
  const exact = classes.find((c) => c.name === t || c.slug === t);
  if (exact) return exact;
  const known = resolveClassName(t);
  if (known) {
    const stored = classes.find((c) => c.name === known.name);
    if (stored) return stored;
  }
  const lower = t.toLowerCase();
  return classes.find((c) => c.slug.toLowerCase() === lower) ?? null;
}

/** Classes whose slug or name starts with the typed text, for the hint under the table. */
export function classCandidates(classes: readonly ClassOption[], typed: string, max = 6): ClassOption[] {
  const t = typed.trim().toLowerCase();
  if (!t) return [];
  return classes.filter((c) => c.slug.toLowerCase().startsWith(t) || c.name.toLowerCase().startsWith(t)).slice(0, max);
}
