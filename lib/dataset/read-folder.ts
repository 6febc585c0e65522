import fs from "node:fs";
import path from "node:path";
import { ImportInputError, type ImportEntry, type Rejection } from "./import-types";

export const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"]);

/** System clutter that is skipped silently rather than reported as rejected. */
export function isIgnorable(name: string): boolean {
  return name.startsWith(".") || name === "Thumbs.db" || name === "desktop.ini" || name === "__MACOSX";
}

export interface FolderScan {
  dir: string;
  root: string;
  classes: string[];
  /** Files inside class folders, counted up front for the progress bar. */
  total: number;
}

export type FolderItem = { entry: ImportEntry } | { rejection: Rejection };

/**
 * Checks that a folder holds class sub-folders (the Kaggle layout) and counts their files.
 * A folder holding one wrapper folder (e.g. `extracted_images/`) is descended.
 */
export function scanClassFolders(dir: string): FolderScan {
  const root = findDatasetRoot(dir);
  const classes: string[] = [];
  let total = 0;
  let images = 0;
  for (const dirent of readSorted(root)) {
    if (isIgnorable(dirent.name) || !dirent.isDirectory()) continue;
    classes.push(dirent.name);
    for (const file of readSorted(path.join(root, dirent.name))) {
      if (isIgnorable(file.name)) continue;
      total++;
      if (file.isFile() && IMAGE_EXTENSIONS.has(path.extname(file.name).toLowerCase())) images++;
    }
  }
  if (images === 0) {
    throw new ImportInputError(
      `${dir} is not a dataset folder: no class sub-folders with images were found ` +
        `(expected e.g. ${path.join(dir, "7", "img_001.jpg")})`,
    );
  }
  return { dir, root, classes, total };
}

/**
 * Yields the files of a scanned folder in sorted order, one class folder at a time, so memory
 * stays flat however many files the dataset has.
 */
export function* readClassFolders(scan: FolderScan): Generator<FolderItem> {
  const { root } = scan;
  for (const dirent of readSorted(root)) {
    if (isIgnorable(dirent.name)) continue;
    if (!dirent.isDirectory()) {
      yield { rejection: { path: toRel(root, path.join(root, dirent.name)), reason: "not inside a class folder (images must sit in one sub-folder per class)" } };
      continue;
    }
    for (const file of readSorted(path.join(root, dirent.name))) {
      if (isIgnorable(file.name)) continue;
      const filePath = path.join(root, dirent.name, file.name);
      const relPath = toRel(root, filePath);
      if (!file.isFile()) {
        yield { rejection: { path: relPath, reason: "nested folder inside a class folder is not read" } };
      } else if (!IMAGE_EXTENSIONS.has(path.extname(file.name).toLowerCase())) {
        yield { rejection: { path: relPath, reason: `unsupported file type "${path.extname(file.name) || file.name}"` } };
      } else {
        yield {
          entry: {
            path: relPath,
            rawLabel: dirent.name,
            load: async () => ({ kind: "encoded", bytes: await fs.promises.readFile(filePath) }),
          },
        };
      }
    }
  }
}

function toRel(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join("/");
}

function findDatasetRoot(dir: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new ImportInputError(`${dir} does not exist`);
  }
  if (!stat.isDirectory()) throw new ImportInputError(`${dir} is not a folder`);
  let root = dir;
  // Descend through single wrapper folders such as `extracted_images/` or `dataset/`.
  for (let depth = 0; depth < 3; depth++) {
    const visible = readSorted(root).filter((d) => !isIgnorable(d.name));
    const only = visible[0];
    if (visible.length !== 1 || !only?.isDirectory()) break;
    const inner = readSorted(path.join(root, only.name)).filter((d) => !isIgnorable(d.name));
    if (!inner.some((d) => d.isDirectory())) break;
    root = path.join(root, only.name);
  }
  return root;
}

function readSorted(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    throw new ImportInputError(`cannot read folder ${dir}: ${(err as Error).message}`);
  }
}
