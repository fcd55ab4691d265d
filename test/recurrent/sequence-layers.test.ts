import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Builds the same stack in both libraries, copies TF.js's weights into ours, and compares predictions. */
function compare(build: (lib: typeof tf | typeof tn) => unknown[], x: number[][] | number[][][], shape: number[]): void {
  const peer = tf.sequential({ layers: build(tf) as tf.layers.Layer[] });
  const ours = tn.sequential({ layers: build(tn) as tn.Layer[] });
  const w = peer.getWeights();
  const mine = ours.layers.flatMap((l) => l.weights);
  expect(mine.map((v) => v.shape)).toEqual(w.map((t) => t.shape));
  let k = 0;
  for (const l of ours.layers) {
    const n = l.weights.length;
    l.setWeights(w.slice(k, k + n).map((t) => tn.tensor(Array.from(t.dataSync()), t.shape)));
    k += n;
  }
  const theirs = peer.predict(tf.tensor(x.flat(2) as number[], shape)) as tf.Tensor;
  const y = ours.predict(tn.tensor(x.flat(2) as number[], shape));
  expect(y.shape).toEqual(theirs.shape);
  expect(maxDiff(y.dataSync(), theirs.dataSync())).toBeLessThan(1e-5);
}

const IDS = [[1, 4, 0, 0, 2], [3, 0, 5, 6, 0], [0, 0, 0, 2, 1]];

describe('sequence layers against TensorFlow.js 4.22', () => {
  it('embedding(maskZero) -> lstm: masked steps keep the previous state', () => {
    compare((l) => [l.layers.embedding({ inputDim: 7, outputDim: 3, maskZero: true, inputLength: 5 }), l.layers.lstm({ units: 4 })], IDS, [3, 5]);
  });

  it('embedding(maskZero) -> gru(returnSequences) -> timeDistributed(dense softmax)', () => {
    compare((l) => [
      l.layers.embedding({ inputDim: 7, outputDim: 3, maskZero: true, inputLength: 5 }),
      l.layers.gru({ units: 4, returnSequences: true }),
      l.layers.timeDistributed({ layer: l.layers.dense({ units: 3, activation: 'softmax' }) as never }),
    ], IDS, [3, 5]);
  });

  for (const mergeMode of ['concat', 'sum', 'mul', 'ave'] as const) {
    it(`embedding(maskZero) -> bidirectional(lstm(returnSequences), ${mergeMode}) -> simpleRNN`, () => {
      compare((l) => [
        l.layers.embedding({ inputDim: 7, outputDim: 3, maskZero: true, inputLength: 5 }),
        l.layers.bidirectional({ layer: l.layers.lstm({ units: 3, returnSequences: true }) as never, mergeMode }),
        l.layers.simpleRNN({ units: 2 }),
      ], IDS, [3, 5]);
    });
  }

  it('masking -> simpleRNN(returnSequences) and lstm -> repeatVector -> lstm', () => {
    const x = [[[1, 2], [0, 0], [3, -1]], [[0, 0], [0, 0], [2, 2]]];
    compare((l) => [l.layers.masking({ maskValue: 0, inputShape: [3, 2] }), l.layers.simpleRNN({ units: 3, returnSequences: true })], x, [2, 3, 2]);
    compare((l) => [l.layers.lstm({ units: 3, inputShape: [3, 2] }), l.layers.repeatVector({ n: 4 }), l.layers.lstm({ units: 2, returnSequences: true })], x, [2, 3, 2]);
  });

  it('embedding rejects ids out of range or negative, naming value and position', () => {
    const e = tn.layers.embedding({ inputDim: 5, outputDim: 2 });
    expect(() => e.apply(tn.tensor([[1, 2], [5, 0]]))).toThrow(/indices must be integers in \[0, 4\].*5 at position \[1, 0\]/);
    expect(() => e.apply(tn.tensor([[1, -1]]))).toThrow(/-1 at position \[0, 1\]/);
    expect(() => e.apply(tn.tensor([[1, -1.5]]))).toThrow(/-1\.5 \(as int32 -1\) at position \[0, 1\]/);
    expect(() => e.apply(tn.tensor(['a', 'b']))).toThrow(/indices must be integers in \[0, 4\], got a string tensor/);
  });

  it('embedding casts float ids to int32 as TF.js does: a fraction truncated, NaN to 0 (the sentiment example\'s unknown words)', () => {
    const table = [[0, 0], [1, 1], [2, 2], [3, 3]];
    const ids = [[1, NaN, 3], [1.7, 2.2, 3.9]];
    // Each library's own calls, so that both are typed as they are.
    const run = (lib: typeof tn) => {
      const m = lib.sequential({ layers: [lib.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 3 })] });
      m.setWeights([lib.tensor2d(table)]);
      return Array.from((m.predict(lib.tensor2d(ids)) as tn.Tensor).dataSync());
    };
    expect(run(tn)).toEqual(run(tf as unknown as typeof tn));
    expect(run(tn)).toEqual([1, 1, 0, 0, 3, 3, 1, 1, 2, 2, 3, 3]);
  });
});
