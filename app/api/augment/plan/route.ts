import { getSqlite } from "@/lib/db";
import { buildRebalancePlan, summarizePlan } from "@/lib/augment-store/build-plan";
import { parsePlanRequest } from "@/lib/augment-store/plan-request";

/**
 * Previews a rebalancing plan without writing anything:
 * `{ classes: ["7","9"] | classSet, target: 60 | "median" | "largest", includeSynthetic?, pipeline?, seed? }`
 * -> per class current/target/toGenerate, warnings, and before/after counts for the chart.
 * 400 `{ message, errors }` names an unknown operation, an out-of-range parameter or class.
 */
export async function POST(request: Request) {
  const body = await request.json().catch(() => undefined);
  if (body === undefined) return Response.json({ message: "body must be JSON", errors: ["body must be JSON"] }, { status: 400 });
  const db = getSqlite();
  const parsed = parsePlanRequest(db, body);
  if (!parsed.ok) return Response.json({ message: parsed.message, errors: parsed.errors }, { status: 400 });
  const plan = buildRebalancePlan(db, parsed.options);
  return Response.json({ ...summarizePlan(plan), classSet: parsed.classSet, seed: plan.seed });
}
