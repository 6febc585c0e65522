import { getSqlite } from "@/lib/db";
import { listSamples } from "@/lib/dataset/list-samples";
import { listSources } from "@/lib/dataset/list-sources";
import { listClasses } from "@/lib/dataset/resolve-class";
import { parseSampleQuery, sampleQueryToSearch } from "@/lib/dataset/sample-query";
import { getCurrentModel } from "@/lib/training/models";
import { SamplesBrowser } from "./samples-browser";

export const dynamic = "force-dynamic";

export default async function SamplesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parseSampleQuery(await searchParams);
  if (!parsed.ok) {
    return (
      <>
        <h1>Samples</h1>
        <p className="panel error" role="alert">
          {parsed.message}. <a href="/samples">Show all samples</a>
        </p>
      </>
    );
  }
  const db = getSqlite();
  // Without ?model=, predictions are the current model's: what the solver would say today.
  if (parsed.query.model === undefined) {
    const current = getCurrentModel(db);
    if (current) parsed.query.model = current.id;
  }
  const [page, classes, sources] = [listSamples({ db, ...parsed.query }), listClasses({ db }), listSources({ db })];
  return (
    <>
      <h1>Samples</h1>
      <SamplesBrowser key={sampleQueryToSearch(parsed.query)} query={parsed.query} initial={page} classes={classes} sources={sources} />
    </>
  );
}
