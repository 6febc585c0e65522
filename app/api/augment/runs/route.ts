import { getSqlite } from "@/lib/db";
import { listAugmentRuns } from "@/lib/augment-store/augment-runs";
import { buildRebalancePlan, summarizePlan } from "@/lib/augment-store/build-plan";
import { parsePlanRequest } from "@/lib/augment-store/plan-request";
import { startAugmentRun } from "@/lib/augment-store/start-augment-run";

/** Recent augment runs, newest first. */
export async function GET() {
  return Response.json({ items: listAugmentRuns(getSqlite(), { limit: 50 }) });
}

/**
 * Plans (as POST /api/augment/plan) and queues the run: 202 `{ jobId, runId, plan }`.
 * Progress is the job's: GET /api/jobs/:jobId.
 */
export async function POST(request: Request) {
  const body = await request.json().catch(() => undefined);
  if (body === undefined) return Response.json({ message: "body must be JSON", errors: ["body must be JSON"] }, { status: 400 });
  const db = getSqlite();
  const parsed = parsePlanRequest(db, body);
  if (!parsed.ok) return Response.json({ message: parsed.message, errors: parsed.errors }, { status: 400 });
  const plan = buildRebalancePlan(db, parsed.options);
  if (plan.rebalance.total.toGenerate === 0) {
    const reason = plan.rebalance.warnings.join("; ") || "every chosen class is already at or above the target";
    return Response.json({ message: `nothing to generate: ${reason}`, errors: [reason] }, { status: 400 });
  }
  const { runId, jobId } = startAugmentRun(db, plan);
  return Response.json({ runId, jobId, plan: summarizePlan(plan) }, { status: 202 });
}
