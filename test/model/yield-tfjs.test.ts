import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// fit's onYield logs and its refusal of an onYield hook under yieldEvery 'never', side by side with TF.js 4.22.
const X = Array.from({ length: 10 * 3 }, (_, i) => Math.sin(i * 0.7));
const Y = Array.from({ length: 10 }, (_, i) => Math.cos(i * 1.3));
const W = [Array.from({ length: 3 }, (_, i) => 0.3 * (i - 1)), [0.1]];

function tnModel(): tn.Sequential {
  const m = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [3] })] });
  m.setWeights([tn.tensor(W[0], [3, 1]), tn.tensor(W[1])]);
  m.compile({ optimizer: tn.train.sgd(0.1), loss: 'meanSquaredError' });
  return m;
}

function tfModel(): tf.Sequential {
  const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });
  m.setWeights([tf.tensor(W[0], [3, 1]), tf.tensor(W[1])]);
  m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  return m;
}

/** Busy for ms: each batch then ends past a 1 ms yield period, so both libraries yield (and call onYield) after every one. */
const busy = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

type Yielded = [number, number, Record<string, number>];

describe('onYield, as TF.js 4.22', () => {
  it('gets (epoch, batch, logs) with the batch logs: batch, size and the loss', async () => {
    const got: Yielded[] = [];
    const want: Yielded[] = [];
    const args = { epochs: 2, batchSize: 4, shuffle: false, verbose: 0, yieldEvery: 1 } as const;
    await tnModel().fit(tn.tensor(X, [10, 3]), tn.tensor(Y, [10, 1]), {
      ...args, callbacks: { onBatchEnd: () => busy(3), onYield: (epoch, batch, logs) => { got.push([epoch, batch, { ...logs }]); } },
    });
    await tfModel().fit(tf.tensor(X, [10, 3]), tf.tensor(Y, [10, 1]), {
      ...args, callbacks: { onBatchEnd: () => busy(3), onYield: (epoch, batch, logs) => { want.push([epoch, batch, { ...(logs as Record<string, number>) }]); } },
    });
    expect(want.map(([e, b, logs]) => [e, b, Object.keys(logs)])).toEqual([0, 1].flatMap((e) => [0, 1, 2].map((b) => [e, b, ['batch', 'size', 'loss']])));
    expect(got.map(([e, b, logs]) => [e, b, Object.keys(logs)])).toEqual(want.map(([e, b, logs]) => [e, b, Object.keys(logs)]));
    got.forEach(([, , logs], i) => {
      const peer = want[i][2];
      expect([logs.batch, logs.size]).toEqual([peer.batch, peer.size]);
      expect(logs.loss).toBeCloseTo(peer.loss, 5);
    });
  });

  it('in fitDataset too', async () => {
    const got: Record<string, number>[] = [];
    const want: Record<string, number>[] = [];
    const xs = Array.from({ length: 10 }, (_, i) => X.slice(3 * i, 3 * i + 3));
    const ys = Y.map((v) => [v]);
    const data = tn.data.zip<{ xs: tn.Tensor; ys: tn.Tensor }>({ xs: tn.data.array(xs), ys: tn.data.array(ys) }).batch(4);
    const peerData = tf.data.zip({ xs: tf.data.array(xs), ys: tf.data.array(ys) }).batch(4);
    await tnModel().fitDataset(data, {
      epochs: 1, verbose: 0, yieldEvery: 1, callbacks: { onBatchEnd: () => busy(3), onYield: (_e, _b, logs) => { got.push({ ...logs }); } },
    });
    await tfModel().fitDataset(peerData, {
      epochs: 1, verbose: 0, yieldEvery: 1, callbacks: { onBatchEnd: () => busy(3), onYield: (_e, _b, logs) => { want.push({ ...(logs as Record<string, number>) }); } },
    });
    expect(want.map((l) => [l.batch, l.size])).toEqual([[0, 4], [1, 4], [2, 2]]);
    expect(got.map((l) => [l.batch, l.size])).toEqual(want.map((l) => [l.batch, l.size]));
    got.forEach((l, i) => expect(l.loss).toBeCloseTo(want[i].loss, 5));
  });
});

describe("yieldEvery 'never' with an onYield hook, as TF.js 4.22", () => {
  const MESSAGE = 'yieldEvery is `never` but you provided an `onYield` callback. Either change `yieldEvery` or remove the callback';

  it('rejects fit before any training: no hook runs, the weights stay', async () => {
    const runs: [string, () => Promise<unknown>, () => number[][]][] = [];
    const calls: Record<string, string[]> = { tessera: [], 'TF.js': [] };
    const hooks = (lib: string) => ({ onTrainBegin: () => { calls[lib].push('trainBegin'); }, onBatchEnd: () => { calls[lib].push('batchEnd'); }, onYield: () => { calls[lib].push('yield'); } });
    const m = tnModel();
    const p = tfModel();
    runs.push(['tessera', () => m.fit(tn.tensor(X, [10, 3]), tn.tensor(Y, [10, 1]), { epochs: 1, verbose: 0, yieldEvery: 'never', callbacks: hooks('tessera') }),
      () => m.getWeights().map((w) => Array.from(w.dataSync()))]);
    runs.push(['TF.js', () => p.fit(tf.tensor(X, [10, 3]), tf.tensor(Y, [10, 1]), { epochs: 1, verbose: 0, yieldEvery: 'never', callbacks: hooks('TF.js') }),
      () => p.getWeights().map((w) => Array.from(w.dataSync()))]);
    for (const [lib, fit, weights] of runs) {
      const before = weights();
      await expect(fit(), lib).rejects.toThrow(MESSAGE);
      expect(calls[lib], lib).toEqual([]);
      expect(weights(), lib).toEqual(before);
    }
    // Without onYield, 'never' trains with the other hooks.
    const batches: number[] = [];
    await m.fit(tn.tensor(X, [10, 3]), tn.tensor(Y, [10, 1]), { epochs: 1, batchSize: 5, verbose: 0, yieldEvery: 'never', callbacks: { onBatchEnd: (b) => { batches.push(b); } } });
    expect(batches).toEqual([0, 1]);
  });

  it('rejects fitDataset the same way', async () => {
    const data = tn.data.zip({ xs: tn.data.array([[1, 2, 3]]), ys: tn.data.array([[1]]) }).batch(1);
    const peerData = tf.data.zip({ xs: tf.data.array([[1, 2, 3]]), ys: tf.data.array([[1]]) }).batch(1);
    await expect(tnModel().fitDataset(data, { epochs: 1, yieldEvery: 'never', callbacks: { onYield: () => undefined } })).rejects.toThrow(MESSAGE);
    await expect(tfModel().fitDataset(peerData, { epochs: 1, yieldEvery: 'never', callbacks: { onYield: () => undefined } })).rejects.toThrow(MESSAGE);
  });

});
