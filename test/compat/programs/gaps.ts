import type { Program } from '../harness';

// Programs on corners of the API where tessera lacked a TF.js name or option: the rest of tf.data.Dataset's
// methods (shuffle, filter, mapAsync, concatenate, prefetch, tf.data.func), ...
// Shuffled streams differ between the libraries' random streams, so their programs compare what does not depend on
// the draw: sorted contents, sizes, pairs kept together, and the window a buffered shuffle may move an element by.

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

export const gaps: Program[] = [
  {
    name: 'dataset.shuffle keeps every element once, keeps zipped pairs together, and batches after shuffling',
    run: async (tf) => {
      const xs = tf.data.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const ys = tf.data.array([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
      const shuffled = tf.data.zip<{ xs: number; ys: number }>({ xs, ys }).shuffle(10, 'seed');
      const pairs = await shuffled.toArray();
      const batches = await shuffled.batch(4).toArray();
      const batchXs = batches.flatMap((b) => Array.from((b as { xs: { dataSync(): ArrayLike<number> } }).xs.dataSync()));
      return [
        shuffled.size, sorted(pairs.map((p) => p.xs)), pairs.every((p) => p.ys === p.xs * 10),
        sorted(batchXs), batches.map((b) => (b as { xs: { shape: number[] } }).xs.shape), shuffled.batch(4).size,
        tf.data.Dataset.MAX_BUFFER_SIZE,
      ];
    },
  },
  {
    name: 'dataset.shuffle with a small buffer moves an element at most bufferSize - 1 places earlier; a buffer of one keeps the order',
    run: async (tf) => {
      const items = Array.from({ length: 30 }, (_, i) => i);
      const ds = tf.data.array(items);
      const out: unknown[] = [];
      for (const bufferSize of [1, 2, 5, 30, 1000]) {
        const order = await ds.shuffle(bufferSize).toArray();
        // An element can leave the buffer only after it entered it: item v is read when v + 1 items have been.
        out.push(bufferSize, sorted(order), order.every((v, pos) => v <= pos + bufferSize - 1));
      }
      out.push(await ds.shuffle(1, 'any').toArray());
      return out;
    },
  },
  {
    name: 'dataset.shuffle of tensors and of a generator; repeat reshuffles, every epoch holding each element once',
    run: async (tf) => {
      function* gen() {
        for (let i = 0; i < 6; i++) yield tf.tensor1d([i, -i]);
      }
      const ds = tf.data.generator(gen).shuffle(4, 'g');
      const rows = await ds.toArray();
      const epochs = await tf.data.array([1, 2, 3, 4, 5]).shuffle(5).repeat(3).toArray();
      return [
        ds.size, sorted(rows.map((t) => t.dataSync()[0])), rows.map((t) => t.shape),
        [0, 5, 10].map((k) => sorted(epochs.slice(k, k + 5))),
        sorted((await tf.data.generator(gen).shuffle(3).batch(4).toArray()).flatMap((b) => Array.from((b as { dataSync(): ArrayLike<number> }).dataSync()))),
      ];
    },
  },
  {
    name: 'dataset.shuffle and prefetch without a bufferSize throw RangeErrors',
    run: (tf) => {
      const known = tf.data.array([1, 2, 3]);
      const unknown = tf.data.generator(function* () { yield 1; });
      const tries: Array<() => unknown> = [
        () => known.shuffle(undefined as unknown as number),
        () => known.shuffle(-1),
        () => unknown.shuffle(undefined as unknown as number),
        () => known.prefetch(undefined as unknown as number),
      ];
      return tries.map((t) => {
        try { t(); return 'ok'; } catch (e) { return [(e as Error).constructor.name, (e as Error).message]; }
      });
    },
  },
  {
    name: 'dataset.filter, mapAsync, concatenate, prefetch and tf.data.func, with their sizes',
    run: async (tf) => {
      const nums = tf.data.array([1, 2, 3, 4, 5, 6, 7, 8]);
      const even = nums.filter((v) => v % 2 === 0);
      const doubled = nums.mapAsync(async (v) => ({ v, twice: await Promise.resolve(v * 2) }));
      const joined = nums.take(2).concatenate(tf.data.array([100, 200]));
      let i = 0;
      const counted = tf.data.func(() => ({ value: i * i, done: ++i > 4 }));
      const tensors = nums.map((v) => tf.scalar(v)).filter((t) => t.greater(5).dataSync()[0] === 1);
      return [
        await even.toArray(), even.size, nums.repeat().filter((v) => v > 6).size, await nums.repeat().filter((v) => v > 6).take(3).toArray(),
        await doubled.toArray(), doubled.size, await joined.toArray(), joined.size, nums.concatenate(nums.repeat()).size,
        nums.concatenate(tf.data.generator(function* () { yield 0; })).size,
        await nums.prefetch(3).toArray(), nums.prefetch(3).size, await counted.toArray(), counted.size,
        await tensors.toArray(), await even.batch(3).toArray(),
      ];
    },
  },
  {
    name: 'fitDataset on a shuffled dataset of identical rows trains as the unshuffled one',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros', name: 'gs_d' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const rows = Array.from({ length: 8 }, () => ({ xs: [1, 2], ys: [3] }));
      const ds = tf.data.array(rows).shuffle(8, 'fit').batch(4);
      const h = await model.fitDataset(ds, { epochs: 2, verbose: 0 });
      return [h.history.loss, model.getWeights()];
    },
  },
];
