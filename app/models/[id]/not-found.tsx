import Link from "next/link";

export default function ModelNotFound() {
  return (
    <div className="panel">
      <h1>No such model</h1>
      <p>
        It may have been removed, or the id is wrong. <Link href="/models">All models</Link>
      </p>
    </div>
  );
}
