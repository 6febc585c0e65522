import type { InkBox, Stroke } from "../ink/ink-document";
import { parseStrokesJson } from "../ink/stroke-json";
import type { PrismaClient } from "../generated/prisma/client";

/** One symbol of a stored expression (expressions.symbols). */
export interface ExpressionSymbol {
  /** The sample it became; null when it was rejected. */
  sampleId: number | null;
  label: string;
  rawLabel: string;
  traceIds: string[];
  /** Indexes into the expression's strokes. */
  traceIndexes: number[];
  /** Box within the expression, in ink units. */
  box: InkBox;
}

export interface ExpressionFilter {
  /** Writer key, exact (`HAMEX:10`). */
  writer?: string;
  /** Text the LaTeX truth contains. */
  latex?: string;
  batchId?: number;
}

function whereOf(filter: ExpressionFilter) {
  return {
    ...(filter.writer ? { writer: filter.writer } : {}),
    ...(filter.latex ? { latex: { contains: filter.latex } } : {}),
    ...(filter.batchId ? { batchId: filter.batchId } : {}),
  };
}

/** A page of expressions, newest import first, without their ink. */
export async function listExpressions(prisma: PrismaClient, options: ExpressionFilter & { take?: number; skip?: number } = {}) {
  const where = whereOf(options);
  const [rows, total] = await Promise.all([
    prisma.expression.findMany({
      where,
      orderBy: { id: "asc" },
      take: options.take ?? 50,
      skip: options.skip ?? 0,
      select: { id: true, path: true, latex: true, writer: true, symbols: true, batchId: true },
    }),
    prisma.expression.count({ where }),
  ]);
  return {
    total,
    items: rows.map(({ symbols, ...row }) => ({ ...row, symbolCount: (JSON.parse(symbols) as unknown[]).length })),
  };
}

/** Distinct writers of the stored expressions, with how many expressions each wrote. */
export async function listExpressionWriters(prisma: PrismaClient) {
  const groups = await prisma.expression.groupBy({ by: ["writer"], where: { writer: { not: null } }, _count: { _all: true }, orderBy: { writer: "asc" } });
  return groups.map((g) => ({ writer: g.writer!, expressions: g._count._all }));
}

/** One expression with its ink and symbols parsed. */
export async function getExpression(prisma: PrismaClient, options: { id: number }) {
  const row = await prisma.expression.findUnique({ where: { id: options.id } });
  if (!row) return null;
  const strokes: Stroke[] = parseStrokesJson(row.strokes);
  const symbols = JSON.parse(row.symbols) as ExpressionSymbol[];
  return { ...row, strokes, symbols };
}
