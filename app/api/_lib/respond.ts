import type { z } from "zod";
import { CurationInputError, NotFoundError } from "@/lib/dataset/curation-errors";
import { describeZodError } from "@/lib/dataset/sample-query";

/** 400 with "field: message" for the first problem of a failed safeParse. */
export function invalid(error: z.ZodError): Response {
  return Response.json({ message: describeZodError(error) }, { status: 400 });
}

export function badRequest(message: string): Response {
  return Response.json({ message }, { status: 400 });
}

/** Runs a lib call, turning its domain errors into 400/404 JSON; anything else is a 500. */
export async function respond<T>(fn: () => T | Promise<T>, status = 200): Promise<Response> {
  try {
    return Response.json(await fn(), { status });
  } catch (err) {
    if (err instanceof CurationInputError) return Response.json({ message: err.message, field: err.field }, { status: 400 });
    if (err instanceof NotFoundError) return Response.json({ message: err.message }, { status: 404 });
    throw err;
  }
}

/** The JSON body, or null when it is missing or not JSON (zod then names what is missing). */
export async function readJson(request: Request): Promise<unknown> {
  return request.json().catch(() => null);
}

/** A positive integer route id, or null. */
export function parseId(raw: string): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}
