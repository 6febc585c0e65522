import { labelFor, resolveClassName } from "../dataset/class-names";

export interface MappedLabel {
  /** The app's label: the known symbol ("×", "x", "√") or the raw label trimmed. */
  label: string;
  /** Whether the label is one of the built-in classes; unknown ones become new classes. */
  known: boolean;
}

/**
 * Maps a raw ink label (CROHME `\times`, `X`, `\lt`, MathWriting LaTeX) to the app's label.
 * Letter case folds the way the Kaggle folders do (X -> x), because class-names says so.
 */
export function mapInkLabel(raw: string): MappedLabel {
  return { label: labelFor(raw), known: resolveClassName(raw) !== null };
}
