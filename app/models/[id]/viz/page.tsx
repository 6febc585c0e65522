import Link from "next/link";
import { notFound } from "next/navigation";
import { getSqlite } from "@/lib/db";
import { getModel } from "@/lib/training/models";
import { readActivationManifest, readFiltersManifest } from "@/lib/evaluation/viz-files";
import { latestModelJob } from "@/lib/evaluation/enqueue-evaluation";
import { JobButton } from "../../../components/evaluation/job-button";
import { SamplePicker } from "../../../components/evaluation/sample-picker";
import styles from "../../../components/evaluation/evaluation.module.css";

export const dynamic = "force-dynamic";

/**
 * What the network learned. TensorFlow.js never runs in the web server: the worker's
 * "visualize" job renders PNGs into the model's viz/ folder and this page shows them.
 */
export default async function VizPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sample?: string }> }) {
  const [{ id: raw }, search] = await Promise.all([params, searchParams]);
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = getSqlite();
  const model = getModel(db, id);
  if (!model) notFound();
  const requested = Number(search.sample);
  const firstTest = db.prepare(`SELECT sampleId FROM run_samples WHERE runId = ? AND split = 'test' ORDER BY sampleId LIMIT 1`).pluck().get(model.runId) as number | undefined;
  const sampleId = Number.isInteger(requested) && requested > 0 ? requested : firstTest ?? null;
  const sample = sampleId === null ? null : (db.prepare(`SELECT id, label FROM samples WHERE id = ?`).get(sampleId) as { id: number; label: string } | undefined);
  const filters = readFiltersManifest(model.dir);
  const activations = sample ? readActivationManifest(model.dir, sample.id) : null;
  const job = latestModelJob(db, { type: "visualize", modelId: id });
  const active = job && (job.status === "queued" || job.status === "running") ? job.id : null;
  const stamp = job?.finishedAt ? `?v=${encodeURIComponent(job.finishedAt)}` : "";
  return (
    <>
      <h1>What model #{id} learned</h1>
      <p className="muted">
        <Link href={`/models/${id}`}>model #{id}</Link> · rendered by the worker and cached beside the model (viz/)
      </p>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>First convolution layer&apos;s filters</h2>
        {filters ? (
          <div className={styles.viz}>
            <img src={`/api/models/${id}/viz/${filters.file}${stamp}`} alt={`${filters.filters} filters of ${filters.layer}`} />
            <p className="muted">
              {filters.filters} kernels of {filters.kernel}×{filters.kernel} in {filters.layer}; red weights excite, blue inhibit (each kernel scaled to its
              own largest weight; the largest overall is {filters.maxAbs.toFixed(3)}).
            </p>
          </div>
        ) : (
          <p className="muted">Not rendered yet.</p>
        )}
        <JobButton url={`/api/models/${id}/visualize`} body={sample ? { sampleId: sample.id } : {}} label={filters ? "Render again" : "Render filters"} runningLabel="Rendering…" activeJobId={active} />
      </section>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Activation maps of a sample</h2>
        <SamplePicker modelId={id} sampleId={sample?.id ?? null} />
        {sample && (
          <div className={styles.vizRow} style={{ marginTop: "0.8rem" }}>
            <figure style={{ margin: 0 }}>
              <img src={`/api/samples/${sample.id}/image`} alt={`sample ${sample.id}`} width={90} height={90} style={{ imageRendering: "pixelated", background: "#000" }} />
              <figcaption className="muted">
                #{sample.id}, labelled {sample.label}
                {activations?.predicted && <>, predicted {activations.predicted}</>}
              </figcaption>
            </figure>
            {activations ? (
              activations.layers.map((l) => (
                <figure key={l.name} className={styles.viz} style={{ margin: 0 }}>
                  <img src={`/api/models/${id}/viz/${l.file}${stamp}`} alt={`activation maps of ${l.name}`} />
                  <figcaption className="muted">
                    {l.name}: {l.channels} maps of {l.size}×{l.size} (each scaled to its own range; bright = strong response)
                  </figcaption>
                </figure>
              ))
            ) : (
              <div>
                <p className="muted">Not rendered for this sample yet.</p>
                <JobButton url={`/api/models/${id}/visualize`} body={{ sampleId: sample.id }} label="Render activation maps" runningLabel="Rendering…" />
              </div>
            )}
          </div>
        )}
      </section>
    </>
  );
}
