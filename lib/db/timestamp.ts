/**
 * A timestamp in the exact text form Prisma's SQLite adapter writes ("…T…+00:00"), so rows
 * written by raw statements sort and compare correctly against rows written through Prisma.
 */
export function sqlTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}
