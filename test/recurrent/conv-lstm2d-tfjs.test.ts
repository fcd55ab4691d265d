import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { copyWeights, expectSame, maxDiff, seeded } from './peer';

// tn.layers.convLstm2d against TF.js 4.22's tf.layers.convLstm2d: the same weights (TF.js's, copied across) give the
// same outputs and states, the same settings give the same getConfig, and the same model trains the same under SGD.

interface Case {
  args: Record<string, unknown>;
  /** Per step, without the batch dim. */
  step: number[];
}

const CASES: Case[] = [
  { args: { filters: 3, kernelSize: 3, padding: 'same' }, step: [6, 6, 2] },
  { args: { filters: 2, kernelSize: [3, 2], strides: 2, returnSequences: true }, step: [7, 6, 3] },
  { args: { filters: 2, kernelSize: 2, padding: 'same', strides: 2, returnState: true, goBackwards: true, recurrentActivation: 'sigmoid' }, step: [5, 5, 1] },
  { args: { filters: 2, kernelSize: 3, padding: 'same', dilationRate: 2, returnSequences: true, returnState: true }, step: [6, 5, 2] },
  { args: { filters: 2, kernelSize: 3, dataFormat: 'channelsFirst', padding: 'same', returnSequences: true, returnState: true }, step: [2, 5, 4] },
  { args: { filters: 3, kernelSize: 2, useBias: false, activation: 'relu', goBackwards: true }, step: [4, 4, 2] },
  { args: { filters: 2, kernelSize: 3, unitForgetBias: true, returnSequences: true }, step: [5, 5, 2] },
];

describe('tn.layers.convLstm2d against TF.js 4.22 with the same weights', () => {
  for (const [n, { args, step }] of CASES.entries()) {
    it(JSON.stringify(args), () => {
      const inputShape = [3, ...step];
      const peer = tf.layers.convLstm2d({ ...args, inputShape, biasInitializer: 'randomNormal' } as never);
      const { t, p } = seeded([2, ...inputShape], 40 + n);
      const theirs = peer.apply(p) as tf.Tensor | tf.Tensor[];
      const ours = tn.layers.convLstm2d({ ...args, inputShape } as never);
      copyWeights(ours, peer);
      expectSame(ours.apply(t, {}) as tn.Tensor | tn.Tensor[], theirs);
      // The symbolic output shapes agree with TF.js's computeOutputShape.
      expect(ours.computeOutputShape([null, ...inputShape])).toEqual(peer.computeOutputShape([null, ...inputShape]));
      // Settings and defaults read back as TF.js's getConfig gives them (the automatic name aside).
      const { name: _a, ...mine } = ours.getConfig();
      const { name: _b, ...ref } = peer.getConfig() as Record<string, unknown>;
      expect(JSON.parse(JSON.stringify(mine))).toEqual(JSON.parse(JSON.stringify({ ...ref, biasInitializer: mine.biasInitializer })));
    });
  }

  it('initial states, given as {initialState} and as apply([x, h, c])', () => {
    const args = { filters: 2, kernelSize: 3, padding: 'same' as const, returnState: true, inputShape: [4, 5, 5, 2] };
    const peer = tf.layers.convLstm2d({ ...args, biasInitializer: 'randomNormal' });
    const { t, p } = seeded([2, 4, 5, 5, 2], 60);
    const h = seeded([2, 5, 5, 2], 61);
    const c = seeded([2, 5, 5, 2], 62);
    const theirs = peer.apply(p, { initialState: [h.p, c.p] }) as tf.Tensor[];
    const ours = tn.layers.convLstm2d(args);
    copyWeights(ours, peer);
    expectSame(ours.apply(t, { initialState: [h.t, c.t] }) as tn.Tensor[], theirs);
    expectSame(ours.apply([t, h.t, c.t], {}) as tn.Tensor[], theirs);
  });

  it('stateful: the second call starts from the first call\'s states, and resetStates zeros them', () => {
    const args = { filters: 2, kernelSize: 2, padding: 'same' as const, stateful: true, batchInputShape: [2, 3, 4, 4, 1] };
    const peer = tf.layers.convLstm2d({ ...args, biasInitializer: 'randomNormal' });
    const ours = tn.layers.convLstm2d(args);
    const a = seeded([2, 3, 4, 4, 1], 70);
    const b = seeded([2, 3, 4, 4, 1], 71);
    const first = peer.apply(a.p) as tf.Tensor;
    copyWeights(ours, peer);
    expectSame(ours.apply(a.t) as tn.Tensor, first);
    expectSame(ours.apply(b.t) as tn.Tensor, peer.apply(b.p) as tf.Tensor);
    peer.resetStates();
    ours.resetStates();
    expectSame(ours.apply(b.t) as tn.Tensor, peer.apply(b.p) as tf.Tensor);
  });

  it('the cell: getConfig, weight shapes and order as TF.js\'s', () => {
    const args = { filters: 3, kernelSize: [2, 3] as [number, number], strides: 2, padding: 'same' as const, recurrentDropout: 0.25 };
    const peer = tf.layers.convLstm2dCell(args);
    const ours = tn.layers.convLstm2dCell(args);
    const { name: _a, ...mine } = ours.getConfig();
    const { name: _b, ...ref } = peer.getConfig() as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(mine))).toEqual(JSON.parse(JSON.stringify(ref)));
    peer.build([null, 6, 6, 2]);
    ours.build([null, 6, 6, 2]);
    expect(ours.weights.map((w) => w.shape)).toEqual(peer.weights.map((w) => w.shape));
    expect(ours.weights.map((w) => w.name.split('/').pop())).toEqual(peer.weights.map((w) => w.originalName.split('/').pop()));
  });
});

describe('a convLstm2d model trains as in TF.js 4.22', () => {
  it('convLstm2d -> flatten -> dense, SGD: the same losses and final weights', async () => {
    const build = (L: typeof tn) => L.sequential({ layers: [
      L.layers.convLstm2d({ filters: 2, kernelSize: 3, padding: 'same', strides: 2, inputShape: [3, 5, 5, 2], recurrentActivation: 'sigmoid' }),
      L.layers.flatten(),
      L.layers.dense({ units: 2 }),
    ] });
    const ours = build(tn);
    const theirs = build(tf as unknown as typeof tn) as unknown as tf.LayersModel;
    const values = ours.getWeights().map((w, i) => tn.randomUniform(w.shape, -0.5, 0.5, 'float32', 80 + i));
    ours.setWeights(values);
    theirs.setWeights(values.map((v) => tf.tensor(Array.from(v.dataSync()), v.shape.slice())));
    const x = seeded([4, 3, 5, 5, 2], 90);
    const y = seeded([4, 2], 91);
    ours.compile({ optimizer: tn.train.sgd(0.1), loss: 'meanSquaredError' });
    theirs.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const fitArgs = { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 } as const;
    const a = await ours.fit(x.t, y.t, fitArgs);
    const b = await theirs.fit(x.p, y.p, fitArgs);
    const lossesA = a.history.loss as number[];
    const lossesB = b.history.loss as number[];
    expect(lossesA.length).toBe(3);
    lossesA.forEach((l, i) => expect(Math.abs(l - lossesB[i])).toBeLessThan(1e-5));
    expect(lossesA[2]).toBeLessThan(lossesA[0]);
    const wa = ours.getWeights();
    const wb = theirs.getWeights();
    wa.forEach((w, i) => expect(maxDiff(w.dataSync(), wb[i].dataSync())).toBeLessThan(1e-5));
  });
});
