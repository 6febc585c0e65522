"use client";

export default function ExpressionsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="panel" role="alert">
      <h1>Expressions could not be shown</h1>
      <p className="error">{error.message || "An unexpected error occurred."}</p>
      <button onClick={reset}>Try again</button>
    </div>
  );
}
