export default function Loading() {
  return (
    <>
      <h1>Samples</h1>
      <div className="panel skeleton" aria-busy="true">
        Loading samples…
      </div>
    </>
  );
}
