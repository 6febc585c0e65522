import Link from "next/link";

export default function ExpressionNotFound() {
  return (
    <div className="panel">
      <h1>No such expression</h1>
      <p>
        It may have been removed, or the id is wrong. <Link href="/expressions">All expressions</Link>
      </p>
    </div>
  );
}
