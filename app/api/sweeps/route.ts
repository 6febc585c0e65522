import { ZodError } from "zod";
import { getSqlite } from "@/lib/db";
import { createSweep } from "@/lib/training/sweeps";
import { fieldErrors } from "@/lib/training/train-request";
import { TrainingInputError } from "@/lib/training/resolve-classes";

/** `{ name, grid: { kernelSize: [2,3], dropout: [0.3,0.4] }, base: <train request> }` -> one queued run per combination. */
export async function POST(request: Request) {
  const body = await request.json().catch(() => null);
  if (body === null) return Response.json({ message: "body must be JSON: { name, grid, base }" }, { status: 400 });
  try {
    const { sweepId, runs } = createSweep(getSqlite(), body);
    return Response.json({ sweepId, runs }, { status: 202 });
  } catch (err) {
    if (err instanceof ZodError) {
      const errors = fieldErrors(err);
      return Response.json({ message: Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join("; "), errors }, { status: 400 });
    }
    if (err instanceof TrainingInputError) return Response.json({ message: err.message, errors: { [err.field]: err.message } }, { status: 400 });
    throw err;
  }
}
