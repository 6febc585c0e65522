/**
 * Runs `fn` over a source with up to `concurrency` calls in flight and yields the results in
 * the source's order. `fn` must not reject: a rejection sitting in the window before it is
 * awaited would be reported as unhandled, so callers return errors as values.
 */
export async function* mapOrdered<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const window: Promise<R>[] = [];
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : toAsync(source as Iterable<T>);
  let exhausted = false;
  while (true) {
    while (!exhausted && window.length < concurrency) {
      const next = await iterator.next();
      if (next.done) exhausted = true;
      else window.push(fn(next.value));
    }
    const head = window.shift();
    if (!head) return;
    yield await head;
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
