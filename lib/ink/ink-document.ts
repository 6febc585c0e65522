/** One pen sample in the writer's coordinate system (units vary by corpus; y grows downwards). */
export type Point = readonly [x: number, y: number];

/** One pen-down-to-pen-up trace. */
export type Stroke = readonly Point[];

/** An axis-aligned box in ink coordinates; width or height is 0 for a dot or a straight line. */
export interface InkBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One segmented symbol: a leaf traceGroup of the document. */
export interface InkSymbol {
  /** The traceGroup's xml:id, or null when it has none. */
  id: string | null;
  /** The raw label as the corpus spells it (`\sqrt`, `X`, `\lt`); null when unlabelled. */
  label: string | null;
  /** Trace ids in the order the group lists them. */
  traceIds: string[];
  /** Bounding box of all the symbol's points. */
  box: InkBox;
}

/** A parsed InkML document. */
export interface InkDocument {
  /** Every trace by id, in document order. */
  traces: Map<string, Stroke>;
  symbols: InkSymbol[];
  /** The `writer` annotation, or null (MathBrush and MathWriting files carry none). */
  writer: string | null;
  /** Document-level `<annotation type="...">` values, trimmed; the first wins on a repeated type. */
  annotations: Record<string, string>;
  /** The `truth` annotation without the surrounding `$...$`, or null. */
  latexTruth: string | null;
}

/** The strokes that draw one symbol, in the order its group lists them. */
export function getSymbolStrokes(doc: Pick<InkDocument, "traces">, symbol: Pick<InkSymbol, "traceIds">): Stroke[] {
  const strokes: Stroke[] = [];
  for (const id of symbol.traceIds) {
    const stroke = doc.traces.get(id);
    // parseInkml guarantees every id resolves; a hand-built document may not.
    if (!stroke) throw new Error(`trace "${id}" is not in the document`);
    strokes.push(stroke);
  }
  return strokes;
}

/** Bounding box of all points, or null when the strokes hold none. */
export function measureStrokes(strokes: Iterable<Stroke>): InkBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const stroke of strokes) {
    for (const [x, y] of stroke) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (minX === Infinity) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
