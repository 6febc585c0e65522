"use client";

export default function ModelError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="panel" role="alert">
      <h1>The model could not be shown</h1>
      <p className="error">{error.message || "An unexpected error occurred."}</p>
      <button onClick={reset}>Try again</button>
    </div>
  );
}
