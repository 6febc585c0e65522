import { notFound } from "next/navigation";
import { getSqlite } from "@/lib/db";
import { getRunView } from "@/lib/training/run-view";
import { RunLive } from "./run-live";

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const run = getRunView(getSqlite(), id);
  if (!run) notFound();
  return <RunLive initial={run} />;
}
