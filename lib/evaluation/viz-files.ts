import fs from "node:fs";
import path from "node:path";

/** What the visualize job wrote for one sample (viz/sample-<id>.json). */
export interface ActivationManifest {
  sampleId: number;
  label: string;
  predicted: string | null;
  layers: { name: string; channels: number; size: number; file: string }[];
}

export interface FiltersManifest {
  layer: string;
  filters: number;
  kernel: number;
  file: string;
  /** Largest absolute weight: the colour scale is per filter, this gives a sense of magnitude. */
  maxAbs: number;
}

/** Rendered images live beside the model (data/models/run-<id>/viz/), so removing a model removes them. */
export function vizDir(modelDir: string): string {
  return path.join(modelDir, "viz");
}

const SAFE_NAME = /^[a-z0-9-]+\.(png|json)$/;

/** The path of a viz file, or null for a name that is not one (no traversal out of the folder). */
export function vizFile(modelDir: string, name: string): string | null {
  if (!SAFE_NAME.test(name)) return null;
  const file = path.join(vizDir(modelDir), name);
  return fs.existsSync(file) ? file : null;
}

function readJson<T>(file: string | null): T | null {
  if (!file) return null;
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

export function readFiltersManifest(modelDir: string): FiltersManifest | null {
  return readJson<FiltersManifest>(vizFile(modelDir, "filters.json"));
}

export function readActivationManifest(modelDir: string, sampleId: number): ActivationManifest | null {
  return readJson<ActivationManifest>(vizFile(modelDir, `sample-${sampleId}.json`));
}
