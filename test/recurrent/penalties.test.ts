import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { feed, maxDiff, seeded, tfArtifacts, tnArtifacts, twin, type Lib } from './peer';

// Regularizers and constraints on recurrent layers and cells: their penalties in training, their projection after
// steps, and model.json both ways with TF.js 4.22.

const opts = (L: Lib) => ({
  kernelRegularizer: L.regularizers.l2({ l2: 0.1 }),
  recurrentRegularizer: L.regularizers.l1({ l1: 0.05 }),
  biasRegularizer: L.regularizers.l1l2({ l1: 0.01, l2: 0.02 }),
  kernelConstraint: L.constraints.maxNorm({ maxValue: 0.5 }),
  recurrentConstraint: L.constraints.unitNorm({ axis: 0 }),
  biasConstraint: L.constraints.nonNeg(),
});

const sumOf = (ts: tn.Tensor[]) => ts.reduce((s, t) => s + t.dataSync()[0], 0);

/** l2·Σx² + l1·Σ|x| of one weight, by hand. */
function penalty(w: tn.Tensor, l1: number, l2: number): number {
  return Array.from(w.dataSync()).reduce((s, v) => s + l1 * Math.abs(v) + l2 * v * v, 0);
}

describe('recurrent weight penalties and constraints', () => {
  it('an lstm\'s penalties are its cell\'s, one per regularized weight, with values by hand', () => {
    const layer = tn.layers.lstm({ units: 2, inputShape: [3, 2], ...opts(tn) });
    tn.sequential({ layers: [layer] });
    const [k, r, b] = layer.getWeights();
    const want = [penalty(k, 0, 0.1), penalty(r, 0.05, 0), penalty(b, 0.01, 0.02)];
    const got = layer.calculateLosses().map((t) => t.dataSync()[0]);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
    expect(layer.losses.length).toBe(3);
  });

  it('activityRegularizer adds l2·Σy²/batch of the output in training only, for an lstm and each direction of a bidirectional', () => {
    const x = seeded([2, 3, 2], 4).t;
    const layer = tn.layers.lstm({ units: 2, activityRegularizer: tn.regularizers.l2({ l2: 0.3 }) });
    const y = layer.apply(x, { training: true }) as tn.Tensor;
    expect(sumOf(layer.takeLosses())).toBeCloseTo(penalty(y, 0, 0.3) / 2, 5);
    layer.apply(x);
    expect(layer.takeLosses()).toEqual([]);
    expect(layer.getConfig().activityRegularizer).toEqual({ className: 'L1L2', config: { l1: 0, l2: 0.3 } });

    const bi = tn.layers.bidirectional({ layer: tn.layers.gru({ units: 2, activityRegularizer: tn.regularizers.l1({ l1: 0.2 }) }), mergeMode: null });
    const [f, back] = bi.apply(x, { training: true }) as unknown as tn.Tensor[];
    // The backward direction's output before it is turned back into time order is the same last state.
    expect(sumOf(bi.takeLosses())).toBeCloseTo((penalty(f, 0.2, 0) + penalty(back, 0.2, 0)) / 2, 5);
  });

  it('stacked cells and bidirectional count every inner weight\'s penalty and project every inner weight', () => {
    const rnn = tn.layers.rnn({ cell: [tn.layers.lstmCell({ units: 2, ...opts(tn) }), tn.layers.gruCell({ units: 2, ...opts(tn) })], inputShape: [3, 2] });
    const bi = tn.layers.bidirectional({ layer: tn.layers.simpleRNN({ units: 2, returnSequences: true, ...opts(tn) }), inputShape: [3, 2] });
    for (const layer of [rnn, bi]) {
      tn.sequential({ layers: [layer] });
      expect(layer.calculateLosses().length).toBe(6);
      layer.setWeights(layer.getWeights().map((w) => tn.fill(w.shape, -2)));
      const weights = layer.getWeights();
      // Biases (nonNeg) come out zero; kernels (maxNorm 0.5) have column norms 0.5; recurrent kernels unit columns.
      for (const i of [2, 5]) expect(Array.from(weights[i].dataSync()).every((v) => v === 0)).toBe(true);
      const colNorm = (w: tn.Tensor) => Math.sqrt(Array.from(w.dataSync()).filter((_, j) => j % w.shape[1] === 0).reduce((s, v) => s + v * v, 0));
      expect(colNorm(weights[0])).toBeCloseTo(0.5, 5);
      expect(colNorm(weights[1])).toBeCloseTo(1, 5);
    }
  });

  it('fit adds the penalties to the loss and applies the constraints after each step', async () => {
    const model = tn.sequential({ layers: [tn.layers.gru({ units: 2, inputShape: [3, 2], ...opts(tn) }), tn.layers.dense({ units: 1 })] });
    model.compile({ optimizer: tn.train.sgd(0.5), loss: 'meanSquaredError' });
    const { t } = seeded([4, 3, 2], 9);
    const y = tn.tensor2d([[1], [-1], [0.5], [2]]);
    const before = model.evaluate(t, y) as tn.Tensor;
    const penalties = sumOf(model.layers[0].calculateLosses());
    const h = await model.fit(t, y, { epochs: 1, batchSize: 4, verbose: 0 });
    expect(h.history.loss[0] as number).toBeCloseTo(before.dataSync()[0] + penalties, 5);
    const [k, , b] = model.layers[0].getWeights();
    expect(Math.min(...b.dataSync())).toBeGreaterThanOrEqual(0);
    for (let c = 0; c < k.shape[1]; c++) {
      const norm = Math.sqrt(Array.from(k.dataSync()).filter((_, j) => j % k.shape[1] === c).reduce((s, v) => s + v * v, 0));
      expect(norm).toBeLessThanOrEqual(0.5 + 1e-6);
    }
  });

  it('round-trips through model.json both ways with TF.js: the options read back and the same predictions', async () => {
    // The rnn layer takes the bidirectional's [batch, 4] output as a sequence of one feature.
    const model = (L: Lib) => L.sequential({ layers: [
      L.layers.lstm({ units: 3, returnSequences: true, inputShape: [4, 2], ...opts(L) }),
      L.layers.bidirectional({ layer: L.layers.gru({ units: 2, ...opts(L) }) }),
      L.layers.reshape({ targetShape: [4, 1] }),
      L.layers.rnn({ cell: [L.layers.simpleRNNCell({ units: 2, ...opts(L) })] }),
    ] });
    const { ours, theirs } = twin(model);
    const { t, p } = feed([[[0.1, 0.2], [0.3, -0.1], [0.5, 0.4], [0, 1]], [[-0.2, 0.1], [0, 0.3], [0.2, -0.4], [1, 0]]]);
    const ref = (theirs.predict(p) as tf.Tensor).dataSync();
    expect(maxDiff((ours.predict(t) as tn.Tensor).dataSync(), ref)).toBeLessThan(1e-5);
    const keys = ['kernelRegularizer', 'recurrentRegularizer', 'biasRegularizer', 'kernelConstraint', 'recurrentConstraint', 'biasConstraint'];
    const pick = (c: Record<string, unknown>) => JSON.parse(JSON.stringify(keys.map((k) => c[k])));

    const fromPeer = await tn.loadLayersModel(tn.io.fromMemory(await tfArtifacts(theirs) as tn.ModelArtifacts));
    expect(maxDiff((fromPeer.predict(t) as tn.Tensor).dataSync(), ref)).toBeLessThan(1e-5);
    expect(pick(fromPeer.layers[0].getConfig())).toEqual(pick(theirs.layers[0].getConfig()));
    expect(fromPeer.calculateLosses().length).toBe(3 + 6 + 3);

    const toPeer = await tf.loadLayersModel(tf.io.fromMemory(await tnArtifacts(ours) as tf.io.ModelArtifacts));
    expect(maxDiff((toPeer.predict(p) as tf.Tensor).dataSync(), ref)).toBeLessThan(1e-5);
    expect(pick(toPeer.layers[0].getConfig())).toEqual(pick(ours.layers[0].getConfig()));
    const inner = (toPeer.layers[1].getConfig() as { layer: { config: Record<string, unknown> } }).layer.config;
    expect(pick(inner)).toEqual(pick(theirs.layers[0].getConfig()));
  });
});
