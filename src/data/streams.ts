import type { Random } from '../util/random';

// The buffered passes behind Dataset.shuffle and Dataset.prefetch, on plain async iterators.

/**
 * A windowed shuffle, as TF.js's: a buffer of up to bufferSize elements is filled from the source; each step
 * hands out a uniformly chosen one (its slot taken by the buffer's last) and refills from the source. A buffer at
 * least the dataset's size gives a full uniform permutation; a buffer of one keeps the order.
 */
export async function* shuffled<T>(source: AsyncIterator<T, unknown>, bufferSize: number, rng: Random): AsyncGenerator<T> {
  const buffer: T[] = [];
  let exhausted = false;
  const refill = async (): Promise<void> => {
    while (!exhausted && buffer.length < bufferSize) {
      const r = await source.next();
      if (r.done) exhausted = true;
      else buffer.push(r.value);
    }
  };
  await refill();
  while (buffer.length > 0) {
    const j = rng.int(buffer.length);
    const chosen = buffer[j];
    const last = buffer.pop() as T;
    if (j < buffer.length) buffer[j] = last;
    yield chosen;
    await refill();
  }
}

/** The same elements in order, with up to bufferSize reads of the source kept in flight ahead of the consumer. */
export async function* prefetched<T>(source: AsyncIterator<T, unknown>, bufferSize: number): AsyncGenerator<T> {
  const pending: Promise<IteratorResult<T, unknown>>[] = [];
  for (;;) {
    while (pending.length < bufferSize) pending.push(source.next());
    const r = await (pending.shift() as Promise<IteratorResult<T, unknown>>);
    if (r.done) return;
    yield r.value;
  }
}
