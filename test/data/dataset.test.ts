import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.data datasets', () => {
  it('start every pass afresh, from an async generator too', async () => {
    async function* slow() {
      for (let i = 0; i < 3; i++) yield await Promise.resolve(i);
    }
    const ds = tn.data.generator(slow).map((v) => v + 1);
    expect(await ds.toArray()).toEqual([1, 2, 3]);
    expect(await ds.toArray()).toEqual([1, 2, 3]);
    const it = await ds.iterator();
    expect(await it.next()).toEqual({ value: 1, done: false });
  });

  it('reject bad arguments naming the method and argument', () => {
    const ds = tn.data.array([1, 2]);
    expect(() => ds.batch(0)).toThrow(/Dataset\.batch: batchSize/);
    expect(() => ds.map(3 as unknown as (v: number) => number)).toThrow(/Dataset\.map: transform/);
    expect(() => ds.repeat(true as unknown as number)).toThrow(/Dataset\.repeat: count/);
    expect(() => tn.data.array('abc' as unknown as number[])).toThrow(/data\.array: items/);
    expect(() => tn.data.zip([ds, 3 as unknown as tn.data.Dataset])).toThrow(/data\.zip: datasets\[/);
  });

  it('shuffle: a seed replays its passes; each pass reshuffles unless told not to; a buffer of one keeps the order', async () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const a = tn.data.array(items).shuffle(20, 'seed');
    const b = tn.data.array(items).shuffle(20, 'seed');
    const [a1, a2] = [await a.toArray(), await a.toArray()];
    expect([await b.toArray(), await b.toArray()]).toEqual([a1, a2]);
    expect(a1).not.toEqual(a2);
    expect(a1).not.toEqual(items);
    expect([...a1].sort((x, y) => x - y)).toEqual(items);
    const fixed = tn.data.array(items).shuffle(20, 7, false);
    expect(await fixed.toArray()).toEqual(await fixed.toArray());
    expect(await tn.data.array(items).shuffle(1, 3).toArray()).toEqual(items);
  });

  it('shuffle: a window of bufferSize, by hand with a two-element buffer', async () => {
    // With two slots each step hands out one of the next two unread elements, so item v is out by position v + 1.
    for (let seed = 0; seed < 20; seed++) {
      const order = await tn.data.array([0, 1, 2, 3, 4, 5]).shuffle(2, seed).toArray();
      order.forEach((v, pos) => expect(v).toBeLessThanOrEqual(pos + 1));
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    }
  });

  it('shuffle and prefetch refuse bad buffer sizes and seeds', () => {
    const ds = tn.data.array([1, 2]);
    expect(() => ds.shuffle(undefined as unknown as number)).toThrow(RangeError);
    expect(() => ds.shuffle(0)).toThrow(/Dataset\.shuffle: bufferSize must be a positive integer, got 0/);
    expect(() => ds.shuffle(2.5)).toThrow(/Dataset\.shuffle: bufferSize/);
    expect(() => ds.shuffle(2, Infinity)).toThrow(/Dataset\.shuffle: seed/);
    expect(() => ds.prefetch(undefined as unknown as number)).toThrow(RangeError);
    expect(() => ds.prefetch(0)).toThrow(/Dataset\.prefetch: bufferSize/);
    expect(() => ds.filter(1 as unknown as () => boolean)).toThrow(/Dataset\.filter: predicate/);
    expect(() => ds.mapAsync(1 as unknown as () => Promise<number>)).toThrow(/Dataset\.mapAsync: transform/);
    expect(() => ds.concatenate([3] as unknown as tn.data.Dataset<number>)).toThrow(/Dataset\.concatenate: dataset/);
    expect(() => tn.data.func(3 as unknown as () => IteratorResult<number>)).toThrow(/data\.func: f/);
  });

  it('prefetch reads ahead of the consumer by bufferSize', async () => {
    let read = 0;
    const ds = tn.data.generator(function* () {
      for (let i = 0; i < 10; i++) { read++; yield i; }
    }).prefetch(3);
    const it = await ds.iterator();
    expect(await it.next()).toEqual({ value: 0, done: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(read).toBe(3); // the consumed element and the two read ahead
    expect(await ds.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('tn.data pipelines dispose what they consume, as TF.js\'s (numTensors counted against tf.data)', () => {
  // The same code runs on both libraries; it is typed as tessera's.
  type Lib = typeof tn;
  const objects = (L: Lib) => L.data.array([1, 2, 3, 4, 5, 6, 7]).map((x) => ({ a: L.tensor([x]), b: L.scalar(2 * x) })).filter((e) => e.b.dataSync()[0] !== 6).skip(1);
  const pipelines: [string, (L: Lib) => Promise<unknown>][] = [
    ['array → map → batch → toArray', (L) => L.data.array([1, 2, 3, 4]).map((x) => L.tensor([x, x])).batch(2).toArray()],
    ['map to an object, filter, skip, batch', (L) => objects(L).batch(2).toArray()],
  ];

  it('a small last batch that is dropped is disposed too (TF.js 4.22 leaves its rows)', async () => {
    const before = tn.memory().numTensors;
    const batches = await objects(tn).batch(2, false).toArray();
    expect(batches.length).toBe(2);
    expect(tn.memory().numTensors - before).toBe(4);
  });
  for (const [name, run] of pipelines) {
    it(name, async () => {
      const tf = await import('@tensorflow/tfjs');
      const count = async (L: Lib): Promise<number> => {
        const before = L.memory().numTensors;
        const out = await run(L);
        const n = L.memory().numTensors - before;
        L.dispose(out as tn.Tensor[]);
        return n;
      };
      expect(await count(tn)).toBe(await count(tf as unknown as Lib));
    });
  }

  it('a batch that cannot stack its rows names the part of the element and frees the rows (TF.js 4.22 makes a corrupt tensor)', async () => {
    const before = tn.memory().numTensors;
    const pairs = tn.data.generator(function* () {
      for (let i = 0; i < 4; i++) yield { xs: [tn.tensor1d([i, i]), tn.tensor1d([i])], ys: tn.scalar(i) };
    }).batch(2);
    await expect(pairs.toArray()).rejects.toThrow('Dataset.batch: element.xs is an array holding tensors ([Tensor float32 [2],Tensor float32 [1]]); batch stacks');
    const sources = [tn.tensor([1, 2]), tn.tensor([3])];
    const ragged = tn.data.array(sources.map((b) => ({ a: { b } }))).batch(2);
    await expect(ragged.toArray()).rejects.toThrow(/^Dataset\.batch: the elements' element\.a\.b cannot be batched: stack/);
    tn.dispose(sources);
    expect(tn.memory().numTensors).toBe(before);
  });

  it('batches strings into string tensors as TF.js 4.22 does (a CSV\'s text column), and a string after a number as NaN', async () => {
    const [mixed] = await tn.data.array([{ n: 1 }, { n: 'x' }]).batch(2).toArray() as { n: tn.Tensor }[];
    expect([mixed.n.dtype, mixed.n.arraySync()]).toEqual(['float32', [1, NaN]]);
    const [rows] = await tn.data.array([{ n: 1, s: 'Casual' }, { n: 2, s: 'Sexy' }]).batch(2).toArray() as { n: tn.Tensor; s: tn.Tensor }[];
    expect([rows.s.dtype, rows.s.shape, rows.s.arraySync(), rows.n.arraySync()]).toEqual(['string', [2], ['Casual', 'Sexy'], [1, 2]]);
    const [nested] = await tn.data.array([['a', 'b'], ['c', 'd']]).batch(2).toArray() as tn.Tensor[];
    expect([nested.dtype, nested.arraySync()]).toEqual(['string', [['a', 'b'], ['c', 'd']]]);
  });

  it('fitDataset shows an element with other keys than xs and ys by its tensors\' kinds, not their fields', async () => {
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [3] })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const ds = tn.data.array([{ x: [1, 2, 3], y: [1] }, { x: [4, 5, 6], y: [2] }]).batch(2);
    await expect(model.fitDataset(ds, { epochs: 1, verbose: 0 })).rejects.toThrow('fitDataset: dataset element must be an object {xs, ys} of batched tensors (arrays or maps of tensors for several inputs or outputs), got {"x":Tensor float32 [2, 3],"y":Tensor float32 [2, 1]}');
  });

  it('tf.data.array hands out clones, so its own tensors outlive the pipeline; fitDataset frees each batch', async () => {
    const source = [tn.tensor([1, 2]), tn.tensor([3, 4])];
    const doubled = await tn.data.array(source).map((t) => tn.mul(t, 2)).toArray();
    expect(source.map((t) => t.isDisposed)).toEqual([false, false]);
    expect(doubled.map((t) => Array.from(t.dataSync()))).toEqual([[2, 4], [6, 8]]);
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const data = tn.data.array([0, 1, 2, 3, 4, 5, 6, 7]).map((i) => ({ xs: tn.fill([2], i / 8), ys: tn.tensor([i % 2]) })).batch(4);
    await model.fitDataset(data, { epochs: 1, verbose: 0 });
    const before = tn.memory().numTensors;
    await model.fitDataset(data, { epochs: 3, verbose: 0 });
    expect(tn.memory().numTensors).toBe(before);
  });
});
