"use client";

export default function SolveError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert">
      <h1>Solve</h1>
      <p>Something went wrong: {error.message}</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
