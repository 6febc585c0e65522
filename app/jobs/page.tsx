import { getSqlite } from "@/lib/db";
import { listJobs } from "@/lib/jobs/queue";
import { toJobView } from "@/lib/jobs/job-view";

export const dynamic = "force-dynamic";

export default function JobsPage() {
  const jobs = listJobs(getSqlite(), { limit: 100 }).map(toJobView);
  return (
    <>
      <h1>Jobs</h1>
      <p className="muted">The background worker claims these in order; finished jobs stay here as history.</p>
      <div className="panel">
        {jobs.length === 0 ? (
          <p className="muted">No jobs yet.</p>
        ) : (
          <table>
            <thead>
              <tr><th>#</th><th>type</th><th>status</th><th className="num">progress</th><th>message</th><th>created</th></tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id}>
                  <td>{j.id}</td>
                  <td>{j.type}</td>
                  <td><span className={`badge ${j.status}`}>{j.status}</span></td>
                  <td className="num">{(j.progress * 100).toFixed(0)}%</td>
                  <td className={j.error ? "error" : undefined}>{j.error ?? j.message}</td>
                  <td className="muted">{j.createdAt.slice(0, 19).replace("T", " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
