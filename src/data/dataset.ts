import { stack } from '../ops/concat';
import { tensor } from '../ops/creation';
import { Tensor } from '../tensor/tensor';
import { tensorsIn, tidy } from '../tensor/tidy';
import type { TensorContainer } from '../tensor/tfjs-types';
import type { TensorLike } from '../tensor/value-types';
import { nextDefaultSeed, randomSeedSet } from '../util/random';
import { now } from '../util/tf-util';
import { alea } from '../util/alea';
import { argError, fmtValue, messageOf } from '../util/validate';
import { prefetched, shuffled } from './streams';

// tf.data's in-memory datasets: a Dataset is a recipe for a stream of elements (numbers, arrays, tensors, or
// objects and arrays of them), started afresh by every pass (toArray, forEachAsync, an epoch of fitDataset).

/** One pass over a dataset, as TF.js's LazyIterator: next(), and the rest of the pass read at once. */
export interface DatasetIterator<T> {
  next(): Promise<IteratorResult<T, unknown>>;
  /** The pass's remaining elements. */
  toArray(): Promise<T[]>;
  /** toArray read through a prefetch of 100, as TF.js's (its tests read ahead concurrently with it). */
  toArrayForTest(): Promise<T[]>;
  /** Calls f on each remaining element, in order. */
  forEachAsync(f: (value: T) => void): Promise<void>;
}

/**
 * Opens one pass. As TF.js makes its iterators, a stage opens its source's pass when its own is opened (repeat alone
 * opens each round's when it reaches it), so a seeded shuffle draws its pass's seed, and a generator's function is
 * called, at iterator() even when the pass is never read. The pass's end value is the one TF.js's iterator gives:
 * null, or what the source ended with for the stages that pass the end through (take, skip, filter, prefetch).
 */
type Open<T> = () => AsyncIterator<T, unknown> | Promise<AsyncIterator<T, unknown>>;

/** An open pass, for for-await (which ends at its end and drops the end value). */
const elements = <T>(source: AsyncIterator<T, unknown>): AsyncIterable<T> => ({ [Symbol.asyncIterator]: () => source });

/**
 * A count as TF.js's take, skip and repeat read it: null for none given (undefined, null, NaN or negative: take and
 * repeat then go on to the end or forever, skip skips nothing), a fraction rounded up (TF.js's loops count while
 * below it, so take(2.5) takes 3), a string that reads as a number as that number (JS compares it so).
 */
function countOf(op: string, count: unknown): number | null {
  if (count == null) return null;
  const n = typeof count === 'string' && count.trim() !== '' ? Number(count) : count;
  if (typeof n !== 'number' || (typeof count === 'string' && Number.isNaN(n))) {
    throw argError(op, 'count', fmtValue(count), 'a number (undefined, null or negative for no limit)');
  }
  return Number.isNaN(n) || n < 0 ? null : Math.ceil(n);
}

/** Every remaining element of a pass, in order. */
async function collected<T>(source: AsyncIterator<T, unknown>): Promise<T[]> {
  const out: T[] = [];
  for await (const v of elements(source)) out.push(v);
  return out;
}

/** Calls f on every remaining element of a pass; as TF.js, an element's tensors are freed once f has seen it, unless f returns them. */
async function eachOf<T>(source: AsyncIterator<T, unknown>, f: (value: T) => void): Promise<void> {
  for await (const v of elements(source)) disposeExcept(v, f(v));
}

/**
 * A pass as iterator() hands it out. Past the end, the end again (an ended async generator would say undefined
 * where TF.js's array says null), but a generator's own return value only once, as JS gives it.
 */
function passOf<T>(source: AsyncIterator<T, unknown>): DatasetIterator<T> {
  let end: IteratorResult<T, unknown> | null = null;
  const rest = {
    next: async (): Promise<IteratorResult<T, unknown>> => {
      if (end) return end;
      const r = await source.next();
      if (r.done) end = { done: true, value: r.value === null ? null : undefined };
      return r;
    },
  };
  return {
    next: rest.next,
    toArray: () => collected(rest),
    toArrayForTest: () => collected(prefetched(rest, 100)),
    forEachAsync: async (f) => {
      if (typeof f !== 'function') throw argError('DatasetIterator.forEachAsync', 'f', fmtValue(f), 'a function');
      await eachOf(rest, f);
    },
  };
}

/** Whether rows of this kind are batched into one tensor (numbers, arrays, tensors) rather than per key. */
function batchesWhole(row: unknown): boolean {
  return row === null || typeof row !== 'object' || Array.isArray(row) || row instanceof Tensor || ArrayBuffer.isView(row);
}

/** The rows batched, their own tensors then disposed (a batch that fails included). */
function stacked(rows: unknown[]): TensorContainer {
  let batch: TensorContainer | null = null;
  try {
    // In a scope, as a public op: stack's intermediates go with it.
    batch = tidy(() => batchRows(rows, 'element') as TensorContainer);
    return batch;
  } finally {
    disposeExcept(rows, batch);
  }
}

/**
 * Rows stacked along a new first axis: tensors by stack, numbers and arrays as one tensor, objects key by key;
 * path names the part of the element in errors.
 */
function batchRows(rows: unknown[], path: string): unknown {
  const first = rows[0];
  if (!batchesWhole(first)) {
    return Object.fromEntries(Object.keys(first as object).map((k) => [k, batchRows(rows.map((r) => (r as Record<string, unknown>)[k]), `${path}.${k}`)]));
  }
  // TF.js 4.22 makes a corrupt tensor of these (wrong size, unprintable).
  if (Array.isArray(first) && first.some((v) => v instanceof Tensor)) {
    throw new Error(`Dataset.batch: ${path} is an array holding tensors (${fmtValue(first)}); batch stacks one tensor, number or array of numbers per place, so make it one tensor (tf.stack in a map) or an object of tensors`);
  }
  try {
    return first instanceof Tensor ? stack(rows as Tensor[]) : tensor(rows as TensorLike);
  } catch (e) {
    throw new Error(`Dataset.batch: the elements' ${path} cannot be batched: ${messageOf(e)}`, { cause: e });
  }
}

/**
 * As TF.js's datasets, a stage that consumes an element disposes its tensors unless it passes them on (map's
 * output, a batch's rows once stacked, what filter drops and skip skips), and tf.data.array hands out clones, so
 * a pipeline holds no tensor longer than it needs and never disposes the caller's own.
 */
function disposeExcept(input: unknown, output: unknown): void {
  const kept = tensorsIn(output);
  for (const t of tensorsIn(input)) if (!kept.has(t)) t.dispose();
}

/** A copy of an element whose tensors are clones (arrays and plain objects copied around them; undefined as null, as TF.js). */
function cloneTensors<T>(item: T): T {
  if (item === undefined) return null as T;
  if (item instanceof Tensor) return item.clone() as T;
  if (Array.isArray(item)) return item.map(cloneTensors) as T;
  if (item !== null && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
    return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, cloneTensors(v)])) as T;
  }
  return item;
}

/** A stream of elements, as tf.data.Dataset: built by tf.data.array, generator and zip, transformed lazily. */
export class Dataset<T = unknown> {
  /** The largest shuffle buffer TF.js advises, as tf.data.Dataset.MAX_BUFFER_SIZE. */
  static readonly MAX_BUFFER_SIZE = 10000;

  /**
   * The number of elements when known (Infinity for an endless one), else null, as TF.js; typed number as TF.js
   * types it, so that TF.js programs compile unchanged.
   */
  readonly size: number;

  private readonly open: Open<T>;

  /**
   * @internal Made by tn.data.array / generator / zip and the methods below, with how a pass opens. A subclass, as
   * TF.js's contract has it, implements iterator() and passes nothing: every stage then opens its passes through it.
   */
  constructor(open?: Open<T>, size: number | null = null) {
    this.open = open ?? (() => this.subclassPass());
    this.size = size as number;
  }

  private subclassPass(): Promise<DatasetIterator<T>> {
    // Dataset's own iterator() opens this.open: without an override the two would call each other for ever.
    if (this.iterator === Dataset.prototype.iterator) {
      throw new Error(`${this.constructor.name}: a subclass of tf.data.Dataset must implement iterator() (Dataset's constructor was given no elements)`);
    }
    return this.iterator();
  }

  /** A fresh pass over the elements. */
  async iterator(): Promise<DatasetIterator<T>> {
    return passOf(await this.open());
  }

  /** A stage on this dataset's passes: each of its passes opens one of this dataset's and reads it through stage. */
  private pipe<O>(stage: (source: AsyncIterator<T, unknown>) => AsyncIterator<O, unknown>, size: number | null): Dataset<O> {
    return new Dataset<O>(async () => stage(await this.open()), size);
  }

  /** Elements transformed by f (synchronously), as dataset.map. */
  map<O>(transform: (value: T) => O): Dataset<O> {
    if (typeof transform !== 'function') throw argError('Dataset.map', 'transform', fmtValue(transform), 'a function');
    return this.pipe(async function* (source) {
      for await (const v of elements(source)) {
        const out = tidy(() => transform(v) as TensorContainer) as O;
        // TF.js hands the Promise on (its tensors made before the first await already disposed by the tidy).
        if (out instanceof Promise) throw new Error('Dataset.map: transform returned a Promise; use mapAsync for an async transform');
        disposeExcept(v, out);
        yield out;
      }
      return null;
    }, this.size);
  }

  /** Elements transformed by an async f, each awaited in turn, as dataset.mapAsync. */
  mapAsync<O>(transform: (value: T) => Promise<O>): Dataset<O> {
    if (typeof transform !== 'function') throw argError('Dataset.mapAsync', 'transform', fmtValue(transform), 'an async function');
    return this.pipe(async function* (source) {
      for await (const v of elements(source)) {
        const out = await transform(v);
        disposeExcept(v, out);
        yield out;
      }
      return null;
    }, this.size);
  }

  /** The elements for which predicate is truthy, as dataset.filter (size unknown unless endless). */
  filter(predicate: (value: T) => boolean): Dataset<T> {
    if (typeof predicate !== 'function') throw argError('Dataset.filter', 'predicate', fmtValue(predicate), 'a function');
    return this.pipe(async function* (source) {
      for (;;) {
        const r = await source.next();
        if (r.done) return r.value;
        // In a scope, as TF.js: tensors the predicate makes are freed. A Promise would keep every element (TF.js keeps them).
        const keep: unknown = tidy(() => predicate(r.value));
        if (keep instanceof Promise) throw new Error('Dataset.filter: predicate returned a Promise; filter takes a synchronous predicate (filter after mapAsync to await a value)');
        if (keep) yield r.value;
        else disposeExcept(r.value, null);
      }
    }, this.size === Infinity ? Infinity : null);
  }

  /** This dataset's elements, then another's, as dataset.concatenate. */
  concatenate(dataset: Dataset<T>): Dataset<T> {
    if (!(dataset instanceof Dataset)) throw argError('Dataset.concatenate', 'dataset', fmtValue(dataset), 'a Dataset');
    const size = this.size === Infinity || dataset.size === Infinity ? Infinity : this.size === null || dataset.size === null ? null : this.size + dataset.size;
    return new Dataset<T>(async () => {
      // As TF.js, both passes are opened at once.
      const [first, second] = [await this.open(), await dataset.open()];
      return (async function* () {
        yield* elements(first);
        yield* elements(second);
        return null;
      })();
    }, size);
  }

  /**
   * The elements in a seeded random order, as dataset.shuffle: a window of bufferSize elements is shuffled as the
   * stream passes (a buffer as large as the dataset shuffles it fully). Each pass draws a new order from the seed
   * (the clock when absent, as TF.js; tessera's sequence after setRandomSeed), unless reshuffleEachIteration is false: then every pass repeats the
   * first's order.
   */
  shuffle(bufferSize: number, seed?: string | number, reshuffleEachIteration = true): Dataset<T> {
    if (bufferSize === undefined || bufferSize === null || bufferSize < 0) {
      throw new RangeError(
        '`Dataset.shuffle()` requires bufferSize to be specified.' +
          (this.size === null ? '' : '  If your data fits in main memory (for regular JS objects), and/or GPU memory (for `tf.Tensor`s), ' +
            `consider setting bufferSize to the dataset size (${this.size} elements)`),
      );
    }
    if (!Number.isInteger(bufferSize) || bufferSize === 0) throw argError('Dataset.shuffle', 'bufferSize', fmtValue(bufferSize), 'a positive integer');
    // As TF.js (seed || now()), null and NaN are no seed.
    const seedGiven = seed == null || Number.isNaN(seed) ? undefined : seed;
    if (seedGiven !== undefined && typeof seedGiven !== 'string' && !Number.isFinite(seedGiven)) throw argError('Dataset.shuffle', 'seed', fmtValue(seed), 'a string or a finite number');
    // Each pass's stream is seeded from the seed's own as TF.js seeds it (two draws summed, or one), so a seed gives
    // TF.js's orders; without reshuffling every pass takes the first pass's seed (TF.js 4.22 draws a new one).
    // Without a seed (TF.js also takes 0 and '' as none) TF.js seeds from the clock, drawing nothing from
    // Math.random; after setRandomSeed, tessera's sequence seeds it and 0 stays a seed.
    const given = randomSeedSet() ? seedGiven : seedGiven || undefined;
    const seeds = alea(given ?? (randomSeedSet() ? nextDefaultSeed() : now()));
    const fixed = reshuffleEachIteration ? null : seeds.int32();
    return new Dataset<T>(async () => {
      const random = alea(fixed ?? seeds.int32() + seeds.int32());
      return shuffled(await this.open(), bufferSize, random);
    }, this.size);
  }

  /** The same elements, with up to bufferSize of them read ahead, as dataset.prefetch. */
  prefetch(bufferSize: number): Dataset<T> {
    if (bufferSize === undefined || bufferSize === null) throw new RangeError('`Dataset.prefetch()` requires bufferSize to be specified.');
    if (!Number.isInteger(bufferSize) || bufferSize <= 0) throw argError('Dataset.prefetch', 'bufferSize', fmtValue(bufferSize), 'a positive integer');
    return this.pipe((source) => prefetched(source, bufferSize), this.size);
  }

  /** Consecutive elements stacked into batches of batchSize (the last one smaller unless smallLastBatch is false). */
  batch(batchSize: number, smallLastBatch = true): Dataset<TensorContainer> {
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw argError('Dataset.batch', 'batchSize', fmtValue(batchSize), 'a positive integer');
    const size = this.size === null || this.size === Infinity ? this.size : smallLastBatch ? Math.ceil(this.size / batchSize) : Math.floor(this.size / batchSize);
    return this.pipe(async function* (source) {
      let rows: T[] = [];
      for await (const v of elements(source)) {
        rows.push(v);
        if (rows.length === batchSize) {
          yield stacked(rows);
          rows = [];
        }
      }
      if (rows.length > 0 && smallLastBatch) yield stacked(rows);
      else disposeExcept(rows, null);
      return null;
    }, size);
  }

  /** The first count elements (all of them when count is undefined, null or negative), as dataset.take. */
  take(count: number): Dataset<T> {
    const n = countOf('Dataset.take', count) ?? Infinity;
    const size = this.size === null ? null : Math.min(this.size, n);
    return this.pipe(async function* (source) {
      for (let i = 0; i < n; i++) {
        const r = await source.next();
        if (r.done) return r.value;
        yield r.value;
      }
      return null;
    }, size);
  }

  /** All but the first count elements (every one when count is undefined, null or negative), as dataset.skip. */
  skip(count: number): Dataset<T> {
    const n = countOf('Dataset.skip', count) ?? 0;
    const size = this.size === null ? null : Math.max(0, this.size - n);
    return this.pipe(async function* (source) {
      for (let i = 0; ; i++) {
        const r = await source.next();
        if (r.done) return r.value;
        if (i >= n) yield r.value;
        else disposeExcept(r.value, null);
      }
    }, size);
  }

  /** The elements count times over (forever when count is undefined, null or negative), as dataset.repeat. */
  repeat(count?: number): Dataset<T> {
    const base = this;
    const times = countOf('Dataset.repeat', count) ?? Infinity;
    const size = times === 0 ? 0 : this.size !== null && times !== Infinity ? this.size * times : times === Infinity && this.size !== null ? Infinity : null;
    // Each round's pass is opened when the last one ends, as TF.js.
    return new Dataset<T>(async function* () {
      for (let k = 0; k < times; k++) yield* elements(await base.open());
      return null;
    }, size);
  }

  /** Calls f on every element, in order. */
  async forEachAsync(f: (value: T) => void): Promise<void> {
    if (typeof f !== 'function') throw argError('Dataset.forEachAsync', 'f', fmtValue(f), 'a function');
    await eachOf(await this.open(), f);
  }

  /** Every element, in order (refused for an endless dataset, as TF.js). */
  async toArray(): Promise<T[]> {
    if (this.size === Infinity) throw new Error('Can not convert infinite data stream to array.');
    return collected(await this.open());
  }

  /** toArray read through a prefetch of 100, as TF.js's (its tests use it to read ahead concurrently). */
  async toArrayForTest(): Promise<T[]> {
    if (this.size === Infinity) throw new Error('Can not convert infinite data stream to array.');
    return this.prefetch(100).toArray();
  }
}

/** A dataset of the items of an array (or, as TF.js reads one, the numbers of a typed array), as tf.data.array. */
export function array<T>(items: T[]): Dataset<T> {
  const typed = ArrayBuffer.isView(items) && !(items instanceof DataView);
  if (!Array.isArray(items) && !typed) throw argError('data.array', 'items', fmtValue(items), 'an array of elements');
  return new Dataset<T>(async function* () {
    for (const item of items) yield cloneTensors(item);
    return null;
  }, items.length);
}

/**
 * The results of read(), one a next(); a value that comes with done is handed on with it, as TF.js: fitDataset and
 * evaluateDataset use it. Each next() calls read() at once, as TF.js's iterator over a function does, so a prefetch
 * that asks for 8 elements calls a sync generator 8 times before the first element is taken (its side effects, a
 * Math.random draw, fall in TF.js's order). A value that is a promise is handed on resolved (README). As TF.js, an
 * error read throws (a sync generator's) is prefixed with where it came from; a rejection (an async generator's)
 * passes unchanged.
 */
function calls<T>(read: () => IteratorResult<T, unknown> | Promise<IteratorResult<T, unknown>>): AsyncIterator<T, unknown> {
  return {
    next: () => {
      try {
        return Promise.resolve(read()).then(async (r): Promise<IteratorResult<T, unknown>> => (r.done ? { done: true, value: await r.value } : { done: false, value: await r.value }));
      } catch (e) {
        if (e instanceof Error) e.message = `Error thrown while iterating through a dataset: ${e.message}`;
        return Promise.reject(e);
      }
    },
  };
}

/**
 * A dataset of what a generator function yields (sync or async), as tf.data.generator; every pass calls it
 * again (at iterator(), as TF.js), so it must start over each time.
 */
export function generator<T>(generatorFn: () => Iterator<T> | AsyncIterator<T> | Promise<Iterator<T> | AsyncIterator<T>>): Dataset<T> {
  if (typeof generatorFn !== 'function') throw argError('data.generator', 'generator', fmtValue(generatorFn), 'a (possibly async) generator function');
  return new Dataset<T>(async () => {
    const it = await generatorFn();
    if (it === null || typeof it !== 'object' || typeof it.next !== 'function') {
      throw argError('data.generator', 'generator', `a function returning ${fmtValue(it)}`, 'a function returning an iterator (a generator function, or an object with next())');
    }
    return calls(() => it.next());
  }, null);
}

/**
 * A dataset of what f returns on each call ({value, done}, or a promise of it) until done, as tf.data.func; the
 * same function serves every pass, so an f with state runs on from where the last pass left it.
 */
export function func<T>(f: () => IteratorResult<T> | Promise<IteratorResult<T>>): Dataset<T> {
  if (typeof f !== 'function') throw argError('data.func', 'f', fmtValue(f), 'a function returning {value, done}');
  return new Dataset<T>(() => calls(f), null);
}

/** Datasets, or arrays and objects of them at any depth: what tf.data.zip takes. */
export type DatasetContainer = Dataset | DatasetContainer[] | { [key: string]: DatasetContainer };

/**
 * The datasets in a container, depth first, each checked to be one (path names the place in errors); within are
 * the containers holding this one, so that a cycle is refused (with TF.js's words) rather than followed forever.
 */
function datasetsIn(tree: unknown, path: string, into: Dataset[], within = new Set<object>()): Dataset[] {
  if (tree instanceof Dataset) {
    into.push(tree);
    return into;
  }
  const isObject = tree !== null && typeof tree === 'object' && Object.getPrototypeOf(tree) === Object.prototype;
  if (!Array.isArray(tree) && !isObject) throw argError('data.zip', path, fmtValue(tree), 'a Dataset, or an array or object of Datasets');
  if (within.has(tree)) throw new Error(`data.zip: ${path} refers back to a container it is inside. Circular references are not supported.`);
  within.add(tree);
  for (const [k, t] of Object.entries(tree)) datasetsIn(t, Array.isArray(tree) ? `${path}[${k}]` : `${path}[${fmtValue(k)}]`, into, within);
  within.delete(tree);
  return into;
}

/** The container's shape with its datasets replaced, in datasetsIn's order, by values. */
function rebuilt(tree: DatasetContainer, values: unknown[], at: { i: number }): unknown {
  if (tree instanceof Dataset) return values[at.i++];
  if (Array.isArray(tree)) return tree.map((t) => rebuilt(t, values, at));
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, rebuilt(t, values, at)]));
}

/**
 * Datasets side by side, as tf.data.zip: an array of datasets gives arrays, an object of them objects, a nested
 * structure of them elements of that structure; the result ends with the shortest.
 */
export function zip<T>(datasets: DatasetContainer): Dataset<T> {
  // A Dataset alone is zipped with nothing, as TF.js: its elements unchanged.
  if (datasets === null || typeof datasets !== 'object') throw argError('data.zip', 'datasets', fmtValue(datasets), 'a Dataset, or an array or object of Datasets');
  const list = datasetsIn(datasets, 'datasets', []);
  const sizes = list.map((d) => d.size);
  const size = sizes.length === 0 ? null : sizes.reduce<number | null>((a, b) => (a === null || b === null ? null : Math.min(a, b)), Infinity);
  return new Dataset<T>(async () => {
    const its = await Promise.all(list.map((d) => d.iterator()));
    return (async function* () {
      for (;;) {
        const rs = await Promise.all(its.map((it) => it.next()));
        if (rs.length === 0 || rs.some((r) => r.done)) return null;
        yield rebuilt(datasets, rs.map((r) => r.value), { i: 0 }) as T;
      }
    })();
  }, size);
}
