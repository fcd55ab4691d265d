import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Where TF.js's own specs assert an error's text, tessera's message holds TF.js's sentence word for word (after
// its `op:` prefix), so a program matching on it behaves the same.

type Lib = typeof tn;
const tfAsTn = tf as unknown as Lib;

/** The message of what `run` throws (or rejects with) for one library, or a note that it did not throw. */
async function messageOf(lib: Lib, run: (lib: Lib) => unknown): Promise<string> {
  try {
    await run(lib);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return 'did not throw';
}

const denseModel = (lib: Lib) => lib.sequential({ layers: [lib.layers.dense({ units: 1, inputShape: [2] })] });

/** A compiled functional model with inputs 'x1' and 'x2'. */
const twoInputModel = (lib: Lib) => {
  const x1 = lib.input({ shape: [1], name: 'x1' });
  const x2 = lib.input({ shape: [1], name: 'x2' });
  const out = lib.layers.dense({ units: 1 }).apply(lib.layers.concatenate().apply([x1, x2])) as typeof x1;
  const m = lib.model({ inputs: [x1, x2], outputs: out });
  m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  return m;
};

const cases: [string, string, (lib: Lib) => unknown][] = [
  ['a second fit while one runs', 'fit', async (lib) => {
    const m = denseModel(lib);
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const first = m.fit(lib.ones([4, 2]), lib.ones([4, 1]), { epochs: 2, batchSize: 1, verbose: 0, yieldEvery: 'batch' });
    try {
      await m.fit(lib.ones([4, 2]), lib.ones([4, 1]), { verbose: 0 });
    } finally {
      await first;
    }
  }],
  ['fit with batchSize 0', 'fit', (lib) => {
    const m = denseModel(lib);
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    return m.fit(lib.ones([4, 2]), lib.ones([4, 1]), { batchSize: 0, verbose: 0 });
  }],
  ["evaluate with batchSize 'a'", 'evaluate', (lib) => {
    const m = denseModel(lib);
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    return m.evaluate(lib.ones([4, 2]), lib.ones([4, 1]), { batchSize: 'a' as never });
  }],
  ['predict with batchSize 1.5', 'predict', (lib) => denseModel(lib).predict(lib.ones([4, 2]), { batchSize: 1.5 })],
  ['fitDataset of a Sequential model before compile', 'fitDataset', (lib) => denseModel(lib).fitDataset(lib.data.zip({ xs: lib.data.array([[1, 2]]), ys: lib.data.array([[1]]) }).batch(1), { epochs: 1 })],
  ['fit of a functional model before compile', 'fit', (lib) => {
    const input = lib.input({ shape: [2] });
    return lib.model({ inputs: input, outputs: lib.layers.dense({ units: 1 }).apply(input) as typeof input }).fit(lib.ones([1, 2]), lib.ones([1, 1]), { verbose: 0 });
  }],
  ['fitDataset whose xs lack an input', 'fitDataset', (lib) => {
    const ds = lib.data.array([{ xs: { x1: lib.ones([1, 1]) }, ys: lib.ones([1, 1]) }]);
    return twoInputModel(lib).fitDataset(ds, { epochs: 1, verbose: 0 });
  }],
  ['fit with a sampleWeight', 'fit', (lib) => {
    const m = denseModel(lib);
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    return m.fit(lib.ones([4, 2]), lib.ones([4, 1]), { verbose: 0, sampleWeight: lib.ones([4]) as never });
  }],
];

describe("engine errors in TF.js's words", () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const [name, op, run] of cases) {
    it(name, async () => {
      const want = await messageOf(tfAsTn, run);
      expect(want).not.toBe('did not throw');
      const got = await messageOf(tn, run);
      expect(got.startsWith(`${op}: ${want}`), `tessera: ${got}\nTF.js:   ${want}`).toBe(true);
    });
  }
});
