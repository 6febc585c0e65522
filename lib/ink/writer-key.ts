export interface WriterKeyInput {
  /** Corpus or folder the file came from (HAMEX, KAIST, MathBrush, MfrDB, expressmatch, ...). */
  corpus: string;
  /** The file's `writer` annotation, or null. */
  writer: string | null;
  /** The file name, e.g. "2009210-947-0.inkml". */
  fileName: string;
}

/** MathBrush names files <session>-<index>.inkml, e.g. 2009210-947-0.inkml. */
const SESSION_FILE = /^(\d+-\d+)-\d+\.inkml$/i;

/**
 * The key that writer-disjoint splits group by: `corpus:writer`, since writer ids such as
 * "10" or "User001" are only unique within a corpus. Files without a writer fall back to
 * their recording session (`MathBrush:session 2009210-947`), the stand-in the
 * crohme-train-rendered manifest uses; otherwise null (the file is its own group).
 */
export function deriveWriterKey({ corpus, writer, fileName }: WriterKeyInput): string | null {
  const name = writer?.trim();
  if (name) return `${corpus}:${name}`;
  const session = SESSION_FILE.exec(fileName)?.[1];
  return session ? `${corpus}:session ${session}` : null;
}
