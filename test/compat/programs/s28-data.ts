import type { Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';
import { withServedFiles } from './gaps';

// tf.data as tfjs-data's own tests pin it down, met from user programs: the sources (array, generator, func, zip,
// concatenate, csv), the stages (map, mapAsync, filter, batch, shuffle, repeat, take, skip, prefetch), iterators
// and sizes, what each stage disposes (tf.memory() counts), and the training paths over datasets (fitDataset and
// evaluateDataset with batchesPerEpoch, validation datasets and arrays, initialEpoch, callback logs, and errors).

/** The awaited value of f, or 'threw': several throw-or-not checks fit in one program. */
const attempt = async (f: () => unknown): Promise<unknown> => {
  try { return await f(); } catch { return 'threw'; }
};
/** Every element of a dataset, tensors read as nested arrays. */
const plain = (v: unknown): unknown => {
  if (v !== null && typeof v === 'object' && typeof (v as Tensor).arraySync === 'function' && Array.isArray((v as Tensor).shape)) {
    const t = v as Tensor;
    return [t.dtype, t.shape, t.arraySync()];
  }
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, plain((v as Record<string, unknown>)[k])]));
  return v;
};
const all = async (ds: { toArray(): Promise<unknown[]> }): Promise<unknown> => plain(await ds.toArray());
/** tf.memory()'s tensor count now less before. */
const tensorsSince = (tf: TF, before: number) => tf.memory().numTensors - before;
/** A model of one dense unit with fixed weights. */
function unitModel(tf: TF, inputs = 2, name = 'u'): ReturnType<TF['sequential']> {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [inputs], name: `${name}_d`, kernelInitializer: tf.initializers.constant({ value: 0.1 }), biasInitializer: 'zeros' })] });
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
  return model;
}
/** xs/ys pairs of a dataset of n rows for a 2-input unit model. */
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ xs: [i / n, 1 - i / n], ys: [i % 3 === 0 ? 1 : 0.5 * i / n] }));

const sources: Program[] = [
  {
    name: 'data28: tf.data.array of numbers, nested arrays, objects and strings; size and toArray',
    run: async (tf) => [
      await all(tf.data.array([1, 2, 3])), await all(tf.data.array([[1, 2], [3, 4]])), await all(tf.data.array([{ a: 1, b: 'x' }, { a: 2, b: 'y' }])),
      await all(tf.data.array(['p', 'q'])), tf.data.array([]).size, await all(tf.data.array([])), tf.data.array([1, 2, 3]).size,
    ],
  },
  {
    name: 'data28: tf.data.array of tensors hands out clones: the originals stay after the dataset is read and disposed',
    run: async (tf) => {
      const a = tf.tensor1d([1, 2]);
      const b = tf.tensor1d([3, 4]);
      const ds = tf.data.array([a, b]);
      const before = tf.memory().numTensors;
      const got = await ds.toArray();
      const made = tensorsSince(tf, before);
      tf.dispose(got);
      return [made, tensorsSince(tf, before), a.isDisposed, b.isDisposed, a.arraySync(), await all(ds)];
    },
  },
  {
    name: 'data28: tf.data.generator of a sync generator, called afresh on each pass',
    run: async (tf) => {
      let calls = 0;
      const ds = tf.data.generator(function* () { calls++; for (let i = 0; i < 4; i++) yield i * i; });
      return [await all(ds), await all(ds), calls, ds.size];
    },
  },
  {
    name: 'data28: tf.data.generator of an async generator yielding tensors',
    run: async (tf) => {
      const ds = tf.data.generator(async function* () { for (let i = 0; i < 3; i++) { await Promise.resolve(); yield tf.fill([2], i); } });
      return [await all(ds), await all(ds.batch(2))];
    },
  },
  {
    name: 'data28: tf.data.generator of an iterator-returning function (next with done), restarting per pass',
    run: async (tf) => {
      const ds = tf.data.generator(() => {
        let i = 0;
        return { next: () => (i < 3 ? { value: { x: i++, y: 'v' + i }, done: false } : { value: undefined, done: true }) };
      });
      return [await all(ds), await all(ds.take(2)), await all(ds.skip(1))];
    },
  },
  {
    name: 'data28: tf.data.generator whose generator throws midway: toArray rejects, forEachAsync has seen the earlier elements',
    run: async (tf) => {
      const ds = tf.data.generator(function* () { yield 1; yield 2; throw new Error('boom'); });
      const seen: unknown[] = [];
      const r1 = await attempt(() => ds.toArray());
      const r2 = await attempt(() => ds.forEachAsync((v) => { seen.push(v); }));
      return [r1, r2, seen, await all(ds.take(2))];
    },
  },
  {
    name: 'data28: tf.data.generator given a non-function is refused',
    deviation: 'TF.js 4.22 builds a dataset around a non-function and throws only when a pass starts; tessera refuses it at tf.data.generator, as the design has every entry point check its arguments before any work',
    run: async (tf) => [await attempt(() => tf.data.generator(5 as never)), await attempt(() => tf.data.generator([1, 2] as never).toArray())],
  },
  {
    name: 'data28: tf.data.func counting to a limit; its state carries on between passes',
    run: async (tf) => {
      let i = 0;
      const ds = tf.data.func(() => { i++; return i <= 3 ? { value: i * 10, done: false } : { value: null, done: true }; });
      return [await all(ds), await all(ds), i];
    },
  },
  {
    name: 'data28: tf.data.zip of an array of datasets, of mismatched lengths (shortest wins)',
    run: async (tf) => {
      const a = tf.data.array([1, 2, 3, 4]);
      const b = tf.data.array(['a', 'b']);
      const z = tf.data.zip([a, b]);
      return [await all(z), z.size, await all(tf.data.zip([a, a.skip(1)])), tf.data.zip([a, a.skip(1)]).size];
    },
  },
  {
    name: 'data28: tf.data.zip of an object and of a nested structure of datasets',
    run: async (tf) => {
      const a = tf.data.array([1, 2]);
      const b = tf.data.array([[1, 1], [2, 2]]);
      const c = tf.data.array([{ k: 'x' }, { k: 'y' }]);
      return [await all(tf.data.zip({ a, b })), await all(tf.data.zip({ outer: [a, { inner: b }], c })), await all(tf.data.zip([[a], [b, c]]))];
    },
  },
  {
    name: 'data28: tf.data.zip of tensor datasets, batched into {xs, ys}',
    run: async (tf) => {
      const xs = tf.data.array([[1, 2], [3, 4], [5, 6]]).map((r) => tf.tensor1d(r));
      const ys = tf.data.array([0, 1, 0]);
      return all(tf.data.zip({ xs, ys }).batch(2));
    },
  },
  {
    name: 'data28: tf.data.zip of a generator and an array: size unknown, stops with the shorter',
    deviation: "TF.js 4.22 takes the size of a zip as Math.min over its members in turn starting from the first known one, so {g: generator, a: array of 3} says 3 (and {a, g} says 0) though the generator could end first; tessera says null (unknown) whenever a member's size is unknown",
    run: async (tf) => {
      const g = tf.data.generator(function* () { for (let i = 0; i < 10; i++) yield i; });
      const z = tf.data.zip({ g, a: tf.data.array([7, 8, 9]) });
      return [z.size, await all(z)];
    },
  },
  {
    name: 'data28: tf.data.zip refuses non-datasets inside the structure',
    deviation: 'TF.js 4.22 builds a zip of a number and throws only when a pass starts (its size then NaN); tessera refuses it at tf.data.zip, checking its arguments before any work',
    run: async (tf) => [
      await attempt(() => tf.data.zip([tf.data.array([1]), 3 as never])),
      await attempt(() => tf.data.zip({ a: tf.data.array([1]), b: 'x' as never }).toArray()),
      await attempt(() => tf.data.zip(7 as never).toArray()),
    ],
  },
  {
    name: 'data28: tf.data.zip of an empty array and an empty object',
    run: async (tf) => [await attempt(async () => plain(await tf.data.zip([]).take(2).toArray())), await attempt(async () => plain(await tf.data.zip({}).take(2).toArray()))],
  },
  {
    name: 'data28: concatenate of arrays, of a generator, chained, and sizes',
    run: async (tf) => {
      const a = tf.data.array([1, 2]);
      const b = tf.data.array([3]);
      const g = tf.data.generator(function* () { yield 9; yield 8; });
      return [await all(a.concatenate(b)), a.concatenate(b).size, await all(a.concatenate(g)), a.concatenate(g).size, await all(a.concatenate(b).concatenate(a)), a.concatenate(b).concatenate(a).size,
        await all(tf.data.array<number>([]).concatenate(b))];
    },
  },
  {
    name: 'data28: concatenate of batched datasets keeps each side\'s batches',
    run: async (tf) => all(tf.data.array([1, 2, 3]).batch(2).concatenate(tf.data.array([4, 5, 6, 7]).batch(3))),
  },
];

const stages: Program[] = [
  {
    name: 'data28: map to objects, to tensors, to arrays, to strings',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3]);
      return [await all(ds.map((x) => ({ v: x, sq: x * x }))), await all(ds.map((x) => tf.scalar(x).mul(2))), await all(ds.map((x) => [x, -x])), await all(ds.map((x) => `n${x}`))];
    },
  },
  {
    name: 'data28: map frees the intermediates of its transform and the input element',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3]).map((x) => tf.tensor1d([x, x + 1]));
      const before = tf.memory().numTensors;
      const mapped = ds.map((t) => t.square().add(1).sum());
      const out = await mapped.toArray();
      const count = tensorsSince(tf, before);
      return [count, out.map((t) => t.arraySync())];
    },
  },
  {
    name: 'data28: map whose transform throws: the pass rejects',
    run: async (tf) => [await attempt(() => tf.data.array([1, 2]).map((x) => { if (x === 2) throw new Error('no'); return x; }).toArray()),
      await all(tf.data.array([1, 2]).map((x) => { if (x === 2) throw new Error('no'); return x; }).take(1))],
  },
  {
    name: 'data28: mapAsync awaiting a data() read of each element',
    run: async (tf) => {
      const ds = tf.data.array([[1, 2], [3, 4]]).map((r) => tf.tensor1d(r));
      const out = await ds.mapAsync(async (t) => { const d = await t.data(); return { s: d[0] + d[1], t: t.mul(3) }; }).toArray();
      return plain(out);
    },
  },
  {
    name: 'data28: mapAsync with delays keeps the order',
    run: async (tf) => all(tf.data.array([30, 10, 20]).mapAsync((x) => new Promise<number>((res) => setTimeout(() => res(x + 1), x / 10)))),
  },
  {
    name: 'data28: filter on numbers, on objects and on tensors (reading dataSync); size becomes unknown',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4, 5, 6]);
      const ts = ds.map((x) => tf.scalar(x));
      return [await all(ds.filter((x) => x % 3 === 0)), ds.filter((x) => x > 2).size, await all(ds.map((x) => ({ x })).filter((o) => o.x < 3)),
        await all(ts.filter((t) => t.dataSync()[0] % 2 === 0)), await all(ds.filter(() => false)), ds.repeat().filter((x) => x > 1).size];
    },
  },
  {
    name: 'data28: filter frees the elements it drops',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4]).map((x) => tf.scalar(x));
      const before = tf.memory().numTensors;
      const kept = await ds.filter((t) => t.dataSync()[0] > 2).toArray();
      return [tensorsSince(tf, before), kept.map((t) => t.arraySync())];
    },
  },
  {
    name: 'data28: batch of numbers (float32), of arrays, smallLastBatch false, and sizes',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4, 5, 6, 7]);
      return [await all(ds.batch(3)), ds.batch(3).size, await all(ds.batch(3, false)), ds.batch(3, false).size, await all(ds.batch(10)), await all(ds.batch(10, false)), ds.batch(10, false).size,
        await all(ds.batch(1).take(2)), await all(ds.map((x) => [x, x * 2]).batch(4))];
    },
  },
  {
    name: 'data28: batch of objects, nested objects and arrays inside objects',
    run: async (tf) => all(tf.data.array([{ a: 1, b: { c: [1, 2], d: 5 } }, { a: 2, b: { c: [3, 4], d: 6 } }, { a: 3, b: { c: [5, 6], d: 7 } }]).batch(2)),
  },
  {
    name: 'data28: batch of int32 and bool tensors keeps their dtypes',
    run: async (tf) => {
      const ds = tf.data.array([0, 1, 2]).map((x) => ({ i: tf.scalar(x, 'int32'), b: tf.scalar(x % 2 === 1, 'bool'), f: tf.tensor1d([x, x], 'float32') }));
      return all(ds.batch(2));
    },
  },
  {
    name: 'data28: batch of booleans and of strings in rows',
    run: async (tf) => [await all(tf.data.array([true, false, true]).batch(2)), await all(tf.data.array([{ s: 'a', n: 1 }, { s: 'b', n: 2 }, { s: 'c', n: 3 }]).batch(2)),
      await all(tf.data.array([['a', 'b'], ['c', 'd']]).batch(2))],
  },
  {
    name: 'data28: batch of string tensors stacks them',
    run: async (tf) => all(tf.data.array(['x', 'yy', 'zzz']).map((s) => tf.scalar(s)).batch(2)),
  },
  {
    name: 'data28: batch of rows of different lengths or shapes throws',
    deviation: 'TF.js 4.22 batches the ragged rows [[1, 2], [3]] into a corrupt tensor of shape [2, 2] holding 3 values; tessera refuses them, naming the element',
    run: async (tf) => [
      await attempt(() => tf.data.array([[1, 2], [3]]).batch(2).toArray()),
      await attempt(() => tf.data.array([tf.tensor1d([1, 2]), tf.tensor1d([3])]).batch(2).toArray()),
    ],
  },
  {
    name: 'data28: batch sizes that are refused: 0 and -1',
    run: async (tf) => [await attempt(() => tf.data.array([1, 2, 3]).batch(0).toArray()), await attempt(() => tf.data.array([1, 2, 3]).batch(-1).toArray())],
  },
  {
    name: 'data28: batch frees its rows once stacked; only the batches remain',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4, 5]).map((x) => ({ xs: tf.tensor1d([x, x]), ys: tf.scalar(x) }));
      const before = tf.memory().numTensors;
      const batches = await ds.batch(2).toArray();
      const count = tensorsSince(tf, before);
      tf.dispose(batches);
      return [count, tensorsSince(tf, before), batches.length];
    },
  },
  {
    name: 'data28: batch after batch (batches of batches) and map over batches',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4, 5, 6, 7, 8]);
      return [await all(ds.batch(2).batch(2)), await all(ds.batch(3).map((b) => (b as Tensor).sum()))];
    },
  },
  {
    name: 'data28: repeat with counts 0, 1, 3 and sizes; repeat() then take',
    run: async (tf) => {
      const ds = tf.data.array([1, 2]);
      return [await all(ds.repeat(0)), ds.repeat(0).size, await all(ds.repeat(1)), await all(ds.repeat(3)), ds.repeat(3).size, await all(ds.repeat().take(5)), ds.repeat().size, ds.repeat().take(5).size,
        await all(ds.repeat(-1).take(3)), ds.repeat(-1).size];
    },
  },
  {
    name: 'data28: repeat of a generator calls it once per round',
    run: async (tf) => {
      let calls = 0;
      const ds = tf.data.generator(function* () { calls++; yield calls; yield calls * 10; });
      const out = await all(ds.repeat(3));
      return [out, calls, ds.repeat(3).size];
    },
  },
  {
    name: 'data28: toArray of an endless dataset is refused; of an endless one taken it works',
    run: async (tf) => [await attempt(() => tf.data.array([1]).repeat().toArray()), await all(tf.data.array([1]).repeat().take(3)), await attempt(() => tf.data.array([1]).repeat().batch(2).toArray())],
  },
  {
    name: 'data28: take and skip at 0, negative, fractional and past the end, with sizes',
    deviation: "TF.js 4.22 gives take(-2).size as -2, take(2.5).size as 2.5 and skip(-1).size as 0 though those datasets give 4, 3 and 4 elements; tessera's size counts the elements the dataset gives",
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4]);
      return [await all(ds.take(0)), ds.take(0).size, await all(ds.take(-2)), ds.take(-2).size, await all(ds.take(9)), ds.take(9).size, await all(ds.skip(0)), await all(ds.skip(-1)), ds.skip(-1).size,
        await all(ds.skip(9)), ds.skip(9).size, await all(ds.take(2.5)), ds.take(2.5).size, await all(ds.skip(1.5)), ds.skip(1.5).size];
    },
  },
  {
    name: 'data28: take then skip, skip then take, and their order with repeat',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4, 5]);
      return [await all(ds.take(4).skip(1)), await all(ds.skip(1).take(2)), await all(ds.take(2).repeat(2)), await all(ds.repeat(2).skip(3).take(4)), ds.repeat(2).skip(3).take(4).size];
    },
  },
  {
    name: 'data28: skip frees the elements it skips; take leaves the rest unread',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4]).map((x) => tf.scalar(x));
      const before = tf.memory().numTensors;
      const a = await ds.skip(2).toArray();
      const afterSkip = tensorsSince(tf, before);
      tf.dispose(a);
      const b = await ds.take(1).toArray();
      return [afterSkip, tensorsSince(tf, before), b.map((t) => t.arraySync())];
    },
  },
  {
    name: 'data28: take and skip of a generator keep the size unknown; of an endless one',
    run: async (tf) => {
      const g = tf.data.generator(function* () { let i = 0; for (;;) yield i++; });
      return [g.take(3).size, await all(g.take(3)), await all(g.skip(5).take(2)), tf.data.array([1]).repeat().skip(2).size, tf.data.array([1]).repeat().take(2).size];
    },
  },
  {
    name: 'data28: prefetch leaves the elements and size unchanged; prefetch without a size throws',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3]);
      return [await all(ds.prefetch(1)), await all(ds.prefetch(10)), ds.prefetch(2).size, await attempt(() => ds.prefetch(undefined as never)),
        await all(tf.data.generator(function* () { yield 'a'; yield 'b'; }).prefetch(5))];
    },
  },
  {
    name: 'data28: a long chain: map, filter, batch, map, repeat, take',
    run: async (tf) => all(tf.data.array([1, 2, 3, 4, 5, 6, 7, 8, 9]).map((x) => x * 2).filter((x) => x % 3 !== 0).batch(2).map((b) => (b as Tensor).max()).repeat(2).take(5)),
  },
];

const shuffles: Program[] = [
  {
    name: 'data28: seeded shuffle with a full buffer gives TF.js\'s order',
    run: async (tf) => {
      const ds = tf.data.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      return [await all(ds.shuffle(10, 'seed')), await all(ds.shuffle(10, 42)), await all(ds.shuffle(100, 'abc'))];
    },
  },
  {
    name: 'data28: seeded shuffle with small buffers gives TF.js\'s order; bufferSize 1 keeps the order',
    run: async (tf) => {
      const ds = tf.data.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      return [await all(ds.shuffle(1, 'k')), await all(ds.shuffle(2, 'k')), await all(ds.shuffle(3, 7)), await all(ds.shuffle(5, 'x').batch(4))];
    },
  },
  {
    name: 'data28: seeded shuffle reshuffles each pass: passes 1, 2 and 3 in TF.js\'s orders',
    run: async (tf) => {
      const ds = tf.data.array([0, 1, 2, 3, 4, 5]).shuffle(6, 'pass');
      return [await all(ds), await all(ds), await all(ds)];
    },
  },
  {
    name: 'data28: seeded shuffle then repeat: each round in TF.js\'s order',
    run: async (tf) => all(tf.data.array([0, 1, 2, 3]).shuffle(4, 'r').repeat(3)),
  },
  {
    name: 'data28: seeded shuffle of a zip keeps pairs; of a generator; of objects',
    run: async (tf) => {
      const a = tf.data.array([0, 1, 2, 3, 4]);
      const g = tf.data.generator(function* () { for (let i = 0; i < 6; i++) yield { i, s: `s${i}` }; });
      return [await all(tf.data.zip([a, a.map((x) => x * 10)]).shuffle(5, 'z')), await all(g.shuffle(3, 'g'))];
    },
  },
  {
    name: 'data28: shuffle refuses a missing or negative bufferSize',
    run: async (tf) => [await attempt(() => tf.data.array([1]).shuffle(undefined as never)), await attempt(() => tf.data.array([1]).shuffle(-1)), tf.data.array([1, 2]).shuffle(5, 's').size],
  },
  {
    name: 'data28: unseeded shuffle keeps every element once (sorted compare)',
    run: async (tf) => {
      const out = (await tf.data.array([5, 3, 1, 4, 2]).shuffle(5).toArray()) as number[];
      return [...out].sort((x, y) => x - y);
    },
  },
  {
    name: 'data28: seeded shuffle of tensors frees nothing extra',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4]).map((x) => tf.scalar(x)).shuffle(4, 'm');
      const before = tf.memory().numTensors;
      const out = await ds.toArray();
      return [tensorsSince(tf, before), out.map((t) => t.arraySync())];
    },
  },
];

const iterators: Program[] = [
  {
    name: 'data28: iterator().next() until done, then past the end',
    run: async (tf) => {
      const it = await tf.data.array([1, 2]).iterator();
      return [await it.next(), await it.next(), await it.next(), await it.next()];
    },
  },
  {
    name: 'data28: iterator of a generator: next past the end, and the value with done',
    run: async (tf) => {
      const it = await tf.data.generator(function* () { yield 'a'; return 'end'; }).iterator();
      const r = [await it.next(), await it.next()];
      return plain(r);
    },
  },
  {
    name: 'data28: two iterators of one dataset run independently',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3]).map((x) => x * 2);
      const a = await ds.iterator();
      const b = await ds.iterator();
      return [(await a.next()).value, (await a.next()).value, (await b.next()).value, (await a.next()).value, (await b.next()).value];
    },
  },
  {
    name: 'data28: iterator of a batched dataset gives tensors; of a zip',
    run: async (tf) => {
      const it = await tf.data.array([1, 2, 3]).batch(2).iterator();
      const z = await tf.data.zip({ a: tf.data.array([1]), b: tf.data.array(['q']) }).iterator();
      return plain([(await it.next()).value, (await it.next()).value, (await it.next()).done, (await z.next()).value, (await z.next()).done]);
    },
  },
  {
    name: 'data28: forEachAsync visits in order and frees each element',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3]).map((x) => ({ t: tf.tensor1d([x, x]) }));
      const before = tf.memory().numTensors;
      const sums: number[] = [];
      await ds.forEachAsync((e) => { sums.push(e.t.sum().dataSync()[0]); });
      return [sums, tensorsSince(tf, before)];
    },
  },
  {
    name: 'data28: forEachAsync of an async generator, with prints',
    run: async (tf) => {
      await tf.data.generator(async function* () { yield 1; yield 'two'; yield [3]; }).forEachAsync((e) => console.log(JSON.stringify(e)));
      return 'done';
    },
  },
  {
    name: 'data28: forEachAsync whose callback throws rejects',
    run: async (tf) => attempt(() => tf.data.array([1, 2]).forEachAsync(() => { throw new Error('cb'); })),
  },
  {
    name: 'data28: toArrayForTest if public: same elements as toArray',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3]).map((x) => x + 1) as unknown as { toArrayForTest?: () => Promise<unknown[]> };
      return typeof ds.toArrayForTest === 'function' ? plain(await ds.toArrayForTest()) : 'absent';
    },
  },
  {
    name: 'data28: sizes through every stage of an array dataset',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3, 4, 5]);
      return [ds.map((x) => x).size, ds.mapAsync(async (x) => x).size, ds.batch(2).size, ds.batch(2, false).size, ds.shuffle(3, 's').size, ds.prefetch(2).size, ds.repeat(2).batch(3).size,
        ds.concatenate(ds).batch(4).size, ds.filter(() => true).batch(2).size, tf.data.zip([ds, ds.take(2)]).size, tf.data.zip({ a: ds, b: ds.repeat() }).size];
    },
  },
  {
    name: 'data28: dataset elements reading past a batch: nested arrays of numbers as rows of a [n, 2, 2] batch',
    run: async (tf) => all(tf.data.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10], [11, 12]]]).batch(3)),
  },
  {
    name: 'data28: a dataset read concurrently by two toArray calls',
    run: async (tf) => {
      const ds = tf.data.array([1, 2, 3]).map((x) => x * 3);
      const [a, b] = await Promise.all([ds.toArray(), ds.toArray()]);
      return [a, b];
    },
  },
  {
    name: 'data28: tf.data.Dataset is the class of every dataset',
    run: async (tf) => {
      const ds = tf.data.array([1]);
      return [ds instanceof tf.data.Dataset, ds.batch(1) instanceof tf.data.Dataset, tf.data.generator(function* () { yield 1; }) instanceof tf.data.Dataset, tf.data.zip([ds]) instanceof tf.data.Dataset];
    },
  },
];

const IRIS = 'sl,sw,pl,pw,species\n5.1,3.5,1.4,0.2,0\n7,3.2,4.7,1.4,1\n6.3,3.3,6,2.5,2\n4.9,3,1.4,0.2,0\n';

const csvs: Program[] = [
  {
    name: 'data28: csv with isLabel: {xs, ys} rows, batched, columnNames',
    run: (tf) => withServedFiles({ 'iris.csv': IRIS }, async () => {
      const ds = tf.data.csv('http://h/iris.csv', { columnConfigs: { species: { isLabel: true } } });
      return [await ds.columnNames(), await all(ds), await all(ds.batch(3))];
    }),
  },
  {
    name: 'data28: csv with configuredColumnsOnly and a label: only those columns',
    run: (tf) => withServedFiles({ 'iris.csv': IRIS }, async () => {
      const ds = tf.data.csv('http://h/iris.csv', { configuredColumnsOnly: true, columnConfigs: { pl: {}, species: { isLabel: true, dtype: 'int32' } } });
      return [await ds.columnNames(), await all(ds.take(2)), await all(ds.batch(4))];
    }),
  },
  {
    name: 'data28: csv without a header given columnNames, with a delimiter',
    run: (tf) => withServedFiles({ 'p.csv': '1|2|a\n3|4|b\n' }, async () => {
      const ds = tf.data.csv('http://h/p.csv', { hasHeader: false, columnNames: ['x', 'y', 'z'], delimiter: '|' });
      return [await ds.columnNames(), await all(ds), await all(ds.batch(2))];
    }),
  },
  {
    name: 'data28: csv rows mapped to feature arrays and fit with fitDataset',
    run: (tf) => withServedFiles({ 'iris.csv': IRIS }, async () => {
      const ds = tf.data.csv('http://h/iris.csv', { columnConfigs: { species: { isLabel: true } } })
        .map((r) => { const { xs, ys } = r as { xs: Record<string, number>; ys: Record<string, number> }; return { xs: Object.values(xs), ys: Object.values(ys) }; }).batch(2);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4], kernelInitializer: 'zeros', name: 'csv28_d' })] });
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const h = await model.fitDataset(ds, { epochs: 2, verbose: 0 });
      return [h.history.loss, h.epoch, model.getWeights()];
    }),
  },
  {
    name: 'data28: csv whose label column is missing from the header',
    run: (tf) => withServedFiles({ 'iris.csv': IRIS }, async () => attempt(async () => plain(await tf.data.csv('http://h/iris.csv', { columnConfigs: { nope: { isLabel: true } } }).toArray()))),
  },
  {
    name: 'data28: csv with a row short of cells and defaults',
    run: (tf) => withServedFiles({ 's.csv': 'a,b,c\n1,2,3\n4,,6\n' }, async () => [
      await attempt(async () => plain(await tf.data.csv('http://h/s.csv').toArray())),
      await attempt(async () => plain(await tf.data.csv('http://h/s.csv', { columnConfigs: { b: { default: 7 } } }).toArray())),
      await attempt(async () => plain(await tf.data.csv('http://h/s.csv', { columnConfigs: { b: { required: true } } }).toArray())),
    ]),
  },
  {
    name: 'data28: csv with string columns and a string label, batched',
    run: (tf) => withServedFiles({ 't.csv': 'w,n,lab\nfoo,1,yes\nbar,2,no\nbaz,3,yes\n' }, async () => {
      const ds = tf.data.csv('http://h/t.csv', { columnConfigs: { lab: { isLabel: true } } });
      return [await all(ds), await all(ds.batch(2))];
    }),
  },
];

const training: Program[] = [
  {
    name: 'data28: fitDataset over zipped array datasets, history and weights',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f1');
      const ds = tf.data.array(rows(6)).map((r) => ({ xs: tf.tensor1d(r.xs), ys: tf.tensor1d(r.ys) })).batch(2);
      const h = await model.fitDataset(ds, { epochs: 3, verbose: 0 });
      return [h.history, h.epoch, h.params, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with batchesPerEpoch over an endless dataset',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f2');
      const ds = tf.data.array(rows(4)).batch(2).repeat();
      const h = await model.fitDataset(ds, { epochs: 3, batchesPerEpoch: 3, verbose: 0 });
      return [h.history, h.params, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with validationData as a dataset and validationBatches',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f4');
      const ds = tf.data.array(rows(6)).batch(3);
      const val = tf.data.array(rows(5).reverse()).batch(2);
      const h1 = await model.fitDataset(ds, { epochs: 2, validationData: val, verbose: 0 });
      const h2 = await model.fitDataset(ds, { epochs: 2, validationData: val.repeat(), validationBatches: 2, verbose: 0 });
      return [h1.history, h2.history, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with validationData as arrays of tensors',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f5');
      const ds = tf.data.array(rows(4)).batch(2);
      const h = await model.fitDataset(ds, { epochs: 2, validationData: [tf.tensor2d([[0.5, 0.5], [0.1, 0.9]]), tf.tensor2d([[1], [0]])], verbose: 0 });
      return [h.history, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with initialEpoch: epochs counted from it, callbacks see the epoch numbers',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f6');
      const seen: unknown[] = [];
      const h = await model.fitDataset(tf.data.array(rows(4)).batch(2), {
        epochs: 4, initialEpoch: 2, verbose: 0,
        callbacks: { onEpochBegin: async (e) => { seen.push(['b', e]); }, onEpochEnd: async (e, logs) => { seen.push(['e', e, logs?.loss]); } },
      });
      return [h.epoch, h.history, seen];
    },
  },
  {
    name: 'data28: fitDataset callbacks: the hooks in order and their logs (batch, size, loss, metrics)',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], activation: 'softmax', name: 'f7_d', kernelInitializer: tf.initializers.constant({ value: 0.2 }) })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const ds = tf.data.array([[1, 0], [0, 1], [1, 1]]).map((x) => ({ xs: x, ys: x[0] > x[1] ? [1, 0] : [0, 1] })).batch(2);
      const log: unknown[] = [];
      await model.fitDataset(ds, {
        epochs: 2, verbose: 0,
        callbacks: {
          onTrainBegin: async (logs) => { log.push(['tb', logs]); },
          onEpochBegin: async (e, logs) => { log.push(['eb', e, logs]); },
          onBatchBegin: async (b, logs) => { log.push(['bb', b, logs]); },
          onBatchEnd: async (b, logs) => { log.push(['be', b, logs]); },
          onEpochEnd: async (e, logs) => { log.push(['ee', e, logs]); },
          onTrainEnd: async (logs) => { log.push(['te', logs]); },
        },
      });
      return log;
    },
  },
  {
    name: 'data28: fitDataset with validation: epoch logs carry val_loss and val metrics',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], activation: 'sigmoid', name: 'f8_d', kernelInitializer: tf.initializers.constant({ value: 0.3 }) })] });
      model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['acc'] });
      const ds = tf.data.array([[1, 0], [0, 1], [1, 1], [0, 0]]).map((x) => ({ xs: x, ys: [x[0]] })).batch(2);
      const logs: unknown[] = [];
      const h = await model.fitDataset(ds, { epochs: 2, validationData: ds, verbose: 0, callbacks: { onEpochEnd: async (_e, l) => { logs.push(l); } } });
      return [h.history, logs];
    },
  },
  {
    name: 'data28: fitDataset of bare tensors instead of {xs, ys} is refused',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f9');
      return [await attempt(() => model.fitDataset(tf.data.array([[1, 2], [3, 4]]).batch(2), { epochs: 1 })),
        await attempt(() => model.fitDataset(tf.data.array([{ x: [1, 2], y: [1] }]).batch(1), { epochs: 1 })), model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset of an array pair [xs, ys] instead of {xs, ys}',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f10');
      const ds = tf.data.zip([tf.data.array([[1, 2], [3, 4]]), tf.data.array([[1], [0]])]).batch(2);
      return [await attempt(() => model.fitDataset(ds, { epochs: 1, verbose: 0 }).then((h) => h.history)), model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with xs of the wrong shape is refused before the weights change',
    deviation: "TF.js 4.22's fitDataset does not check targets against the model's outputs as fit does: ys of width 2 against one output unit broadcast in the loss and train; tessera refuses them as fit does, before the weights change",
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f11');
      const ds = tf.data.array([{ xs: [1, 2, 3], ys: [1] }, { xs: [4, 5, 6], ys: [0] }]).batch(2);
      const ds2 = tf.data.array([{ xs: [1, 2], ys: [1, 2] }]).batch(1);
      return [await attempt(() => model.fitDataset(ds, { epochs: 1, verbose: 0 })), await attempt(() => model.fitDataset(ds2, { epochs: 1, verbose: 0 })), model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset without epochs, with epochs 0, with validationSplit',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f12');
      const ds = tf.data.array(rows(2)).batch(2);
      return [await attempt(() => model.fitDataset(ds, {} as never)), await attempt(async () => (await model.fitDataset(ds, { epochs: 0, verbose: 0 })).history),
        await attempt(() => model.fitDataset(ds, { epochs: 1, validationSplit: 0.5 } as never)), model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset on an uncompiled model is refused',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'f13_d' })] });
      return attempt(() => model.fitDataset(tf.data.array(rows(2)).batch(2), { epochs: 1 }));
    },
  },
  {
    name: 'data28: fitDataset frees the batches it reads: memory after equals memory before',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f14');
      const ds = tf.data.array(rows(6)).map((r) => ({ xs: tf.tensor1d(r.xs), ys: tf.tensor1d(r.ys) })).batch(2);
      await model.fitDataset(ds, { epochs: 1, verbose: 0 });
      const before = tf.memory().numTensors;
      await model.fitDataset(ds, { epochs: 2, verbose: 0 });
      return tensorsSince(tf, before);
    },
  },
  {
    name: 'data28: evaluateDataset returns the loss (and metrics) as scalars',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'e1_d', kernelInitializer: tf.initializers.constant({ value: 0.25 }) })] });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mae'] });
      const ds = tf.data.array(rows(5)).batch(2);
      const only = unitModel(tf, 2, 'e1b');
      return [await model.evaluateDataset(ds, {}), await only.evaluateDataset(ds, {})];
    },
  },
  {
    name: 'data28: evaluateDataset with batches fewer than and more than the dataset has',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'e2');
      const ds = tf.data.array(rows(6)).batch(2);
      return [await model.evaluateDataset(ds, { batches: 2 }), await model.evaluateDataset(ds, { batches: 5 }), await model.evaluateDataset(ds.repeat(), { batches: 4 })];
    },
  },
  {
    name: 'data28: evaluateDataset of bare tensors is refused; of wrong shapes too',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'e3');
      return [await attempt(() => model.evaluateDataset(tf.data.array([[1, 2]]).batch(1), {})), await attempt(() => model.evaluateDataset(tf.data.array([{ xs: [1], ys: [1] }]).batch(1), {}))];
    },
  },
  {
    name: 'data28: evaluateDataset frees what it reads',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'e4');
      const ds = tf.data.array(rows(4)).map((r) => ({ xs: tf.tensor1d(r.xs), ys: tf.tensor1d(r.ys) })).batch(2);
      const first = await model.evaluateDataset(ds, {});
      const before = tf.memory().numTensors;
      const again = await model.evaluateDataset(ds, {});
      return [tensorsSince(tf, before), first, again];
    },
  },
  {
    name: 'data28: fitDataset on a two-input model with xs as an array of tensors',
    run: async (tf) => {
      const a = tf.input({ shape: [1], name: 'ti_a' });
      const b = tf.input({ shape: [1], name: 'ti_b' });
      const out = tf.layers.dense({ units: 1, name: 'ti_d', kernelInitializer: tf.initializers.constant({ value: 0.5 }) }).apply(tf.layers.concatenate({ name: 'ti_c' }).apply([a, b])) as ReturnType<TF['input']>;
      const model = tf.model({ inputs: [a, b], outputs: out });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const ds = tf.data.array([1, 2, 3, 4]).map((v) => ({ xs: [tf.tensor1d([v / 4]), tf.tensor1d([1 - v / 4])], ys: tf.tensor1d([v % 2]) })).batch(2);
      const h = await model.fitDataset(ds, { epochs: 2, verbose: 0 });
      return [h.history, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset where the dataset ends early with batchesPerEpoch set',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f15');
      const h = await model.fitDataset(tf.data.array(rows(4)).batch(2), { epochs: 3, batchesPerEpoch: 2, verbose: 0 });
      return [h.history, h.epoch, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset on a generator of batches, with a generator for validation',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f16');
      const gen = (k: number) => function* () { for (let i = 0; i < 3; i++) yield { xs: tf.tensor2d([[i / 3, k], [k, i / 3]]), ys: tf.tensor2d([[i], [k]]) }; };
      const h = await model.fitDataset(tf.data.generator(gen(0.5)), { epochs: 2, validationData: tf.data.generator(gen(0.2)), verbose: 0 });
      return [h.history, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with an earlyStopping callback on the loss',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f17');
      const h = await model.fitDataset(tf.data.array(rows(4)).batch(4), { epochs: 10, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'loss', patience: 0, minDelta: 0.01 }) });
      return [h.epoch, h.history];
    },
  },
  {
    name: 'data28: fitDataset with stopTraining set from onBatchEnd',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f18');
      const h = await model.fitDataset(tf.data.array(rows(8)).batch(2), { epochs: 3, verbose: 0, callbacks: { onBatchEnd: async (b) => { if (b === 1) model.stopTraining = true; } } });
      return [h.epoch, h.history, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with a classWeight',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], activation: 'softmax', name: 'f19_d', kernelInitializer: tf.initializers.constant({ value: 0.1 }) })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy' });
      const ds = tf.data.array([[1, 0], [0, 1], [1, 1], [0, 0]]).map((x) => ({ xs: x, ys: x[0] === 1 ? [1, 0] : [0, 1] })).batch(2);
      const h = await model.fitDataset(ds, { epochs: 2, classWeight: { 0: 1, 1: 3 }, verbose: 0 });
      return [h.history, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset where xs and ys batch sizes differ',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f20');
      const ds = tf.data.generator(function* () { yield { xs: tf.tensor2d([[1, 2], [3, 4]]), ys: tf.tensor2d([[1]]) }; });
      return [await attempt(() => model.fitDataset(ds, { epochs: 1, verbose: 0 })), model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with a shuffled dataset seeded: the weights as TF.js\'s',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f21');
      const ds = tf.data.array(rows(8)).shuffle(8, 'train').batch(3);
      const h = await model.fitDataset(ds, { epochs: 3, verbose: 0 });
      return [h.history, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with yieldEvery and verbose 0 gives the same result',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f22');
      const h = await model.fitDataset(tf.data.array(rows(4)).batch(2), { epochs: 2, verbose: 0, yieldEvery: 'never' });
      return [h.history, model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset with ys as a map by output name on a two-output model',
    deviation: "TF.js 4.22's evaluateDataset of a multi-output model puts each running total of the losses before the per-output losses (four values for two outputs, the first being the first output's loss), as its evaluate; tessera returns Keras's [total loss, per-output losses]",
    run: async (tf) => {
      const inp = tf.input({ shape: [2], name: 'tw_in' });
      const o1 = tf.layers.dense({ units: 1, name: 'tw_o1', kernelInitializer: tf.initializers.constant({ value: 0.2 }) }).apply(inp) as ReturnType<TF['input']>;
      const o2 = tf.layers.dense({ units: 1, name: 'tw_o2', kernelInitializer: tf.initializers.constant({ value: -0.2 }) }).apply(inp) as ReturnType<TF['input']>;
      const model = tf.model({ inputs: inp, outputs: [o1, o2] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: ['meanSquaredError', 'meanAbsoluteError'] });
      const ds = tf.data.array([[1, 0], [0, 1], [1, 1]]).map((x) => ({ xs: x, ys: { tw_o1: [x[0]], tw_o2: [x[1]] } })).batch(2);
      const h = await model.fitDataset(ds, { epochs: 2, verbose: 0 });
      return [h.history, await model.evaluateDataset(ds, {}), model.getWeights()];
    },
  },
  {
    name: 'data28: fitDataset validationData of the wrong kind (a single tensor)',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f23');
      return attempt(() => model.fitDataset(tf.data.array(rows(2)).batch(2), { epochs: 1, validationData: tf.tensor2d([[1, 2]]) as never, verbose: 0 }));
    },
  },
  {
    name: 'data28: fitDataset where xs are int32 tensors',
    run: async (tf) => {
      const model = unitModel(tf, 2, 'f24');
      const ds = tf.data.array([[1, 2], [3, 4]]).map((x) => ({ xs: tf.tensor1d(x, 'int32'), ys: tf.tensor1d([x[0] / 4]) })).batch(2);
      const h = await model.fitDataset(ds, { epochs: 2, verbose: 0 });
      return [h.history, model.getWeights()];
    },
  },
];

export const s28Data: Program[] = [...sources, ...stages, ...shuffles, ...iterators, ...csvs, ...training];
