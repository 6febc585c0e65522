import { getSqlite } from "@/lib/db";
import { listAugmentRuns } from "@/lib/augment-store/augment-runs";
import { summarizePlan } from "@/lib/augment-store/build-plan";
import { startAugmentRun } from "@/lib/augment-store/start-augment-run";
import { planFromRequest } from "../plan-from-request";

/** Recent augment runs, newest first. */
export async function GET() {
  return Response.json({ items: listAugmentRuns(getSqlite(), { limit: 50 }) });
}

/**
 * Plans (as POST /api/augment/plan) and queues the run: 202 `{ jobId, runId, plan }`.
 * Progress is the job's: GET /api/jobs/:jobId.
 */
export async function POST(request: Request) {
  const planned = await planFromRequest(request);
  if (planned instanceof Response) return planned;
  const { db, plan } = planned;
  if (plan.rebalance.total.toGenerate === 0) {
    const reason = plan.rebalance.warnings.join("; ") || "every chosen class is already at or above the target";
    return Response.json({ message: `nothing to generate: ${reason}`, errors: [reason] }, { status: 400 });
  }
  const { runId, jobId } = startAugmentRun(db, plan);
  return Response.json({ runId, jobId, plan: summarizePlan(plan) }, { status: 202 });
}
