import { summarizePlan } from "@/lib/augment-store/build-plan";
import { planFromRequest } from "../plan-from-request";

/**
 * Previews a rebalancing plan without writing anything:
 * `{ classes: ["7","9"] | classSet, target: 60 | "median" | "largest", includeSynthetic?, pipeline?, seed? }`
 * -> per class current/target/toGenerate, warnings, and before/after counts for the chart.
 * 400 `{ message, errors }` names an unknown operation, an out-of-range parameter or class.
 */
export async function POST(request: Request) {
  const planned = await planFromRequest(request);
  if (planned instanceof Response) return planned;
  return Response.json({ ...summarizePlan(planned.plan), classSet: planned.classSet, seed: planned.plan.seed });
}
