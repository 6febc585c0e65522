import { getPrisma } from "@/lib/db";
import { getClassCounts } from "@/lib/dataset/class-counts";
import { ClassBalanceChart } from "../components/curation/class-balance-chart";

export const dynamic = "force-dynamic";

export default async function BalancePage() {
  const classes = await getClassCounts(getPrisma());
  return (
    <>
      <h1>Class balance</h1>
      {classes.length === 0 ? <p className="panel muted">No samples yet.</p> : <ClassBalanceChart classes={classes} />}
    </>
  );
}
