import Link from "next/link";
import { notFound } from "next/navigation";
import { getSqlite } from "@/lib/db";
import { getModel } from "@/lib/training/models";
import { listLabelIssues } from "@/lib/evaluation/label-issues";
import { latestModelJob } from "@/lib/evaluation/enqueue-evaluation";
import { JobButton } from "../../../components/evaluation/job-button";
import { LabelIssueList } from "../../../components/evaluation/label-issue-list";

export const dynamic = "force-dynamic";

export default async function LabelIssuesPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = getSqlite();
  const model = getModel(db, id);
  if (!model) notFound();
  const { items, counts } = listLabelIssues(db, { modelId: id, status: "open" });
  const job = latestModelJob(db, { type: "cross-validate", modelId: id });
  const active = job && (job.status === "queued" || job.status === "running") ? job.id : null;
  const result = job?.status === "succeeded" && job.result ? (JSON.parse(job.result) as { k: number; epochs: number; ranked: number; oofAccuracy: number; grouping: string }) : null;
  return (
    <>
      <h1>Label issues · model #{id}</h1>
      <p className="muted">
        <Link href={`/models/${id}`}>model #{id}</Link> · <Link href={`/runs/${model.runId}`}>run {model.runId}</Link>
      </p>
      <div className="panel">
        <p style={{ marginTop: 0 }}>
          Confident learning, as Cleanlab: k models with this model&apos;s configuration (fewer epochs) each train on k−1 folds of the run&apos;s
          training samples and predict the fold they did not see. A sample is suspect when the out-of-fold model is confident it belongs to
          another class while its own label gets less than that class&apos;s usual confidence; least self-confident first.
        </p>
        <div className="form-row">
          <JobButton url={`/api/models/${id}/label-issues`} body={{ k: 3 }} label="Find label errors (3 folds)" runningLabel="Cross-validating…" activeJobId={active} />
          {result && (
            <span className="muted">
              Last run: {result.k} folds × {result.epochs} epochs over {result.ranked} samples, grouped by {result.grouping}; out-of-fold accuracy{" "}
              {(result.oofAccuracy * 100).toFixed(1)}%.
            </span>
          )}
          {job?.status === "failed" && <span className="error">Last cross-validation failed: {job.lastError}</span>}
        </div>
        <p className="muted" style={{ marginBottom: 0 }}>
          {counts.open} open · {counts.accepted} accepted · {counts.kept} kept
        </p>
      </div>
      <LabelIssueList initial={items} />
    </>
  );
}
