import { getSqlite } from "@/lib/db";
import { buildRebalancePlan } from "@/lib/augment-store/build-plan";
import { parsePlanRequest } from "@/lib/augment-store/plan-request";

type Planned = { db: ReturnType<typeof getSqlite>; plan: ReturnType<typeof buildRebalancePlan>; classSet: string | null };

/** Reads a plan request body and builds the plan, or the 400 that names what is wrong with it. */
export async function planFromRequest(request: Request): Promise<Planned | Response> {
  const body = await request.json().catch(() => undefined);
  if (body === undefined) return Response.json({ message: "body must be JSON", errors: ["body must be JSON"] }, { status: 400 });
  const db = getSqlite();
  const parsed = parsePlanRequest(db, body);
  if (!parsed.ok) return Response.json({ message: parsed.message, errors: parsed.errors }, { status: 400 });
  return { db, plan: buildRebalancePlan(db, parsed.options), classSet: parsed.classSet };
}
