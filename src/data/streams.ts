import type { AleaStream } from '../util/alea';

// The buffered passes behind Dataset.shuffle and Dataset.prefetch, on plain async iterators.

/**
 * A windowed shuffle, as TF.js's, draw for draw: a buffer of bufferSize reads of the source is kept full (the
 * source's end is read into it too, as often as it takes); each step takes a uniformly chosen slot (its place taken
 * by the buffer's last) and, when that slot held an element, refills the buffer and hands the element out. So a
 * seed gives TF.js's order; a buffer at least the dataset's size gives a full uniform permutation.
 */
export async function* shuffled<T>(source: AsyncIterator<T, unknown>, bufferSize: number, random: AleaStream): AsyncGenerator<T, null> {
  const buffer: IteratorResult<T, unknown>[] = [];
  let ended: IteratorResult<T, unknown> | null = null;
  let exhausted = false;
  const refill = async (): Promise<void> => {
    while (buffer.length < bufferSize) {
      // The source is not read past its end: its end stands for every later read.
      const r = ended ?? (await source.next());
      if (r.done) ended = r;
      buffer.push(r);
    }
  };
  for (;;) {
    if (!exhausted) await refill();
    let chosen: IteratorResult<T, unknown> | null = null;
    while (buffer.length > 0 && chosen === null) {
      const j = Math.floor(random.next() * buffer.length);
      const r = buffer[j];
      const last = buffer.pop() as IteratorResult<T, unknown>;
      if (j < buffer.length) buffer[j] = last;
      if (r.done) exhausted = true;
      else chosen = r;
    }
    if (chosen === null) return null;
    await refill();
    yield chosen.value;
  }
}

/** The same elements in order, with up to bufferSize reads of the source kept in flight ahead of the consumer. */
export async function* prefetched<T>(source: AsyncIterator<T, unknown>, bufferSize: number): AsyncGenerator<T, unknown> {
  const pending: Promise<IteratorResult<T, unknown>>[] = [];
  for (;;) {
    while (pending.length < bufferSize) pending.push(source.next());
    const r = await (pending.shift() as Promise<IteratorResult<T, unknown>>);
    // As TF.js, the end passes through (a generator's last value with it).
    if (r.done) return r.value;
    yield r.value;
  }
}
