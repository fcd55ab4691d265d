import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { tfjsCpu } from './tfjs-cpu';

// tn.data against TF.js 4.22's tf.data: the same program, typed as tessera's, runs on both and must give the same.

type Lib = typeof tn;
let tf: Lib;

beforeAll(async () => {
  tf = await tfjsCpu();
});

/** Numbers to 5 significant digits, at any depth, so float32 sums that differ in the last bit compare equal. */
function rounded(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? Number(v.toPrecision(5)) : v;
  if (Array.isArray(v)) return v.map(rounded);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
  return v;
}

async function both(program: (L: Lib) => Promise<unknown>): Promise<[unknown, unknown]> {
  return [rounded(await program(tn)), rounded(await program(tf))];
}

describe('tn.data iterators are made as TF.js makes them', () => {
  /** fitDataset over seeded shuffles: the order each epoch and each validation sees, the losses and the weights. */
  const fitShuffled = (args: Record<string, unknown>) => async (L: Lib) => {
    const seen: string[] = [];
    let trained: number[] = [];
    let validated: number[] = [];
    const rows = (n: number, seed: string, into: () => number[]) => L.data.array(Array.from({ length: n }, (_, i) => i)).shuffle(n, seed)
      .map((i) => { into().push(i); return { xs: [i / 10, 1, 2], ys: [i % 3] }; }).batch(5);
    const ds = rows(10, 's', () => trained);
    const model = L.sequential({ layers: [L.layers.dense({ units: 1, inputShape: [3], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
    model.compile({ optimizer: L.train.sgd(0.01), loss: 'meanSquaredError' });
    const h = await model.fitDataset(ds, {
      epochs: 3, verbose: 0, ...args,
      validationData: rows(10, 'v', () => validated), validationBatches: 1,
      callbacks: { onEpochEnd: () => { seen.push(`${trained.join()} | ${validated.join()}`); trained = []; validated = []; } },
    });
    await ds.toArray();
    seen.push(trained.join());
    return { seen, loss: h.history.loss, valLoss: h.history.val_loss, weights: model.getWeights().map((w) => Array.from(w.dataSync())) };
  };

  it('a generator function that returns no iterator is refused by name when the pass opens', async () => {
    await expect(tn.data.generator((() => 5) as never).toArray()).rejects.toThrow(/^data.generator: generator must be a function returning an iterator \(a generator function, or an object with next\(\)\), got a function returning 5$/);
  });

  it('fitDataset without batchesPerEpoch: every epoch a fresh pass, the one made before training unread', async () => {
    const [got, want] = await both(fitShuffled({}));
    expect(got).toEqual(want);
  });

  it('fitDataset with batchesPerEpoch: the epochs go on through one pass', async () => {
    const [got, want] = await both(fitShuffled({ batchesPerEpoch: 1 }));
    expect(got).toEqual(want);
  });

  it('every stage opens its source when its own pass is opened (repeat each round when it reaches it)', async () => {
    const [got, want] = await both(async (L) => {
      const calls: string[] = [];
      const gen = (name: string) => L.data.generator(function* () { calls.push(name); yield 1; yield 2; });
      const chains = [
        gen('map').map((x) => x).filter(() => true).batch(1).take(1).skip(0).prefetch(1),
        gen('shuffle').shuffle(2, 1),
        gen('a').concatenate(gen('b')),
        L.data.zip({ p: gen('zp'), q: [gen('zq')] }),
        gen('repeat').repeat(3),
      ];
      for (const ds of chains) {
        await ds.iterator();
        calls.push('|');
      }
      const it = await chains[4].iterator();
      for (let i = 0; i < 3; i++) await it.next();
      return calls;
    });
    expect(got).toEqual(want);
  });

  it('at and past the end, an iterator gives what TF.js gives (undefined for a generator, null for an array or a map)', async () => {
    const [got, want] = await both(async (L) => {
      const ends = async (ds: tn.data.Dataset<number>, reads = 4) => {
        const it = await ds.iterator();
        const out = [];
        for (let i = 0; i < reads; i++) out.push(await it.next());
        return out.map((r) => (r.value === undefined ? 'undefined' : r.value));
      };
      const gen = () => L.data.generator(function* () { yield 1; yield 2; });
      // A generator's own return value comes once, as JS gives it.
      const returning = L.data.generator(function* () { yield 1; return 7; } as () => Iterator<number>);
      return [await ends(gen()), await ends(gen().take(3), 3), await ends(gen().map((x) => x)), await ends(L.data.array([1, 2])), await ends(returning),
        (await L.data.array([null, undefined, { a: undefined }]).toArray()).map((v) => (v === undefined ? 'undefined' : v))];
    });
    expect(got).toEqual(want);
  });
});

describe('tn.data.zip', () => {
  it('takes a nested structure of datasets, as TF.js: elements of that structure, batched key by key', async () => {
    const [got, want] = await both(async (L) => {
      const d = L.data;
      const ds = d.zip<{ xs: { a: number[]; b: number[] }; ys: number }>({ xs: { a: d.array([[1, 2], [3, 4], [5, 6]]), b: d.array([[5], [6]]) }, ys: d.array([0, 1, 2]) });
      const listed = d.zip<unknown[]>([d.array([1, 2]), { p: [d.array([3, 4]), d.array([5, 6])] }]);
      const [batch] = (await ds.batch(2).toArray()) as { xs: { a: tn.Tensor; b: tn.Tensor }; ys: tn.Tensor }[];
      const shapes = [batch.xs.a.shape, batch.xs.b.shape, batch.ys.shape, Array.from(batch.xs.a.dataSync())];
      L.dispose(batch as unknown as tn.Tensor[]);
      return [await ds.toArray(), await listed.toArray(), shapes];
    });
    expect(got).toEqual(want);
  });

  it('a nested zip has the smallest of its datasets\' sizes (TF.js 4.22 says NaN) and names a leaf that is no dataset', () => {
    const d = tn.data;
    expect(d.zip({ xs: { a: d.array([1, 2, 3]), b: [d.array([1, 2])] }, ys: d.array([1, 2, 3]) }).size).toBe(2);
    expect(d.zip([d.array([1]), { a: d.generator(function* () { yield 1; }) }]).size).toBe(null);
    expect(() => d.zip({ xs: { a: d.array([1]), b: [1, 2] } } as unknown as tn.data.DatasetContainer)).toThrow('data.zip: datasets["xs"]["b"][0] must be a Dataset, or an array or object of Datasets, got 1');
    expect(() => d.zip(5 as unknown as tn.data.DatasetContainer)).toThrow('data.zip: datasets must be a Dataset, or an array or object of Datasets, got 5');
  });
});

describe('an async function where a synchronous one is meant', () => {
  /** What a program logged with console.error while it ran, and what it gave. */
  async function logged(run: () => Promise<unknown>): Promise<unknown> {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { errors.push(args.join(' ')); });
    try {
      return { out: await run(), errors };
    } finally {
      spy.mockRestore();
    }
  }

  it('tidy logs TF.js\'s error and hands the Promise back, what the body made before awaiting disposed', async () => {
    const [got, want] = await both((L) => logged(async () => {
      const result = L.tidy((async () => L.scalar(1).add(1)) as unknown as () => tn.Tensor);
      return [result instanceof Promise, ((await result) as tn.Tensor).isDisposed, L.tidy(() => 1)];
    }));
    expect(got).toEqual(want);
  });

  it('map refuses a transform that returns a Promise, filter a predicate that does (TF.js hands on Promises, keeps every element)', async () => {
    const silenced = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(tn.data.array([1, 2]).map(async (x) => x * 10).toArray()).rejects.toThrow('Dataset.map: transform returned a Promise; use mapAsync for an async transform');
      await expect(tn.data.array([1, 2]).filter((async () => false) as unknown as () => boolean).toArray()).rejects.toThrow(/Dataset\.filter: predicate returned a Promise/);
    } finally {
      silenced.mockRestore();
    }
    // As TF.js, the predicate runs in a scope: what it makes is freed.
    const before = tn.memory().numTensors;
    expect(await tn.data.array([1, 2, 3]).filter((x) => tn.scalar(x).greater(1).dataSync()[0] === 1).toArray()).toEqual([2, 3]);
    expect(tn.memory().numTensors).toBe(before);
  });
});

describe('smaller matters of TF.js\'s wording and surface', () => {
  it('an error a sync generator or func throws is prefixed as TF.js prefixes it, through every stage; an async generator\'s is not', async () => {
    const [got, want] = await both(async (L) => {
      const failing = () => L.data.generator(function* () { yield 1; yield 2; throw new TypeError('disk read failed'); });
      // No prefetch here: TF.js's leaves its read-ahead's rejection unhandled, which fails the run.
      const chains = [
        failing(), failing().map((x) => x).batch(2), failing().shuffle(3, 's'), L.data.zip([failing(), L.data.array([1, 2, 3])]),
        failing().repeat(2), L.data.array([0]).concatenate(failing()),
        L.data.generator(async function* () { yield 1; throw new Error('async read failed'); }),
        L.data.func(() => { throw new RangeError('func failed'); }),
      ];
      const out: string[] = [];
      for (const ds of chains) out.push(await ds.toArray().then(() => 'no error', (e: Error) => `${e.name}: ${e.message}`));
      return out;
    });
    expect(got).toEqual(want);
  });

  it('fitDataset and evaluateDataset take a program\'s own dataset, an object with iterator(), as TF.js (TF.js\'s own tests use one)', async () => {
    const [got, want] = await both(async (L) => {
      const model = L.sequential({ layers: [L.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
      model.compile({ optimizer: L.train.sgd(0.1), loss: 'meanSquaredError' });
      const own = {
        size: 3,
        iterator: async () => {
          let i = 0;
          return { next: async () => (i++ < 3 ? { value: { xs: L.tensor2d([[i, 1], [0, i]]), ys: L.tensor2d([[1], [2]]) }, done: false } : { value: null, done: true }) };
        },
      };
      const h = await model.fitDataset(own as never, { epochs: 2, verbose: 0 });
      const score = await model.evaluateDataset(own as never) as tn.Tensor;
      return { loss: h.history.loss, score: score.dataSync()[0], weights: model.getWeights().map((w) => Array.from(w.dataSync())) };
    });
    expect(got).toEqual(want);
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    await expect(model.fitDataset({ size: 1 } as never, { epochs: 1 })).rejects.toThrow('fitDataset: dataset must be a Dataset of {xs, ys} batches (tn.data\'s, or an object with an iterator() method), got {"size":1}');
    await expect(model.evaluateDataset([1] as never)).rejects.toThrow(/^evaluateDataset: dataset must be a Dataset of \{xs, ys\} batches/);
  });

  it('fitDataset refuses validationSplit with TF.js\'s words; toArrayForTest is toArray', async () => {
    const [got, want] = await both(async (L) => {
      const model = L.sequential({ layers: [L.layers.dense({ units: 1, inputShape: [1] })] });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const ds = L.data.array([{ xs: [1], ys: [1] }]).batch(1);
      const refused = await model.fitDataset(ds, { epochs: 1, verbose: 0, validationSplit: 0.2 } as never).then(() => 'trained', (e: Error) => e.message);
      return [refused, await L.data.array([1, 2, 3]).map((x) => x * 2).toArrayForTest()];
    });
    expect(got).toEqual(want);
  });
});
