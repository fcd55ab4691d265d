import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { copyWeights } from './peer';

/** Same random values in both libraries. */
function pair(shape: number[], seed: number, scale = 1): { t: tn.Tensor; p: tf.Tensor } {
  const t = tn.randomUniform(shape, -scale, scale, 'float32', seed);
  return { t, p: tf.tensor(Array.from(t.dataSync()), shape) };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function outputs(y: tn.Tensor | tn.Tensor[]): tn.Tensor[] {
  return Array.isArray(y) ? y : [y];
}

type Kind = 'lstm' | 'gru' | 'simpleRNN';
const CASES: { kind: Kind; args: Record<string, unknown> }[] = [
  { kind: 'lstm', args: { units: 5 } },
  { kind: 'lstm', args: { units: 4, returnSequences: true, goBackwards: true, recurrentActivation: 'sigmoid' } },
  { kind: 'lstm', args: { units: 3, returnState: true, returnSequences: true, unitForgetBias: false, activation: 'relu' } },
  { kind: 'gru', args: { units: 5 } },
  { kind: 'gru', args: { units: 4, returnSequences: true, goBackwards: true, returnState: true } },
  { kind: 'gru', args: { units: 3, useBias: false, recurrentActivation: 'sigmoid' } },
  { kind: 'simpleRNN', args: { units: 5 } },
  { kind: 'simpleRNN', args: { units: 4, returnSequences: true, returnState: true, goBackwards: true, activation: 'relu' } },
];

describe('recurrent layers against TensorFlow.js 4.22 with the same weights', () => {
  for (const [n, { kind, args }] of CASES.entries()) {
    it(`${kind} ${JSON.stringify(args)}`, () => {
      const make = { lstm: tf.layers.lstm, gru: tf.layers.gru, simpleRNN: tf.layers.simpleRNN }[kind];
      const peer = make({ ...args, inputShape: [6, 3], biasInitializer: 'randomNormal' } as never) as tf.layers.Layer;
      const { t, p } = pair([2, 6, 3], 100 + n);
      const theirs = peer.apply(p) as tf.Tensor | tf.Tensor[];
      const ours = (tn.layers[kind] as (a: unknown) => tn.RNN)({ ...args, inputShape: [6, 3] });
      copyWeights(ours, peer);
      const mine = outputs(ours.apply(t, {}) as tn.Tensor | tn.Tensor[]);
      const ref = Array.isArray(theirs) ? theirs : [theirs];
      expect(mine.map((y) => y.shape)).toEqual(ref.map((y) => y.shape));
      mine.forEach((y, i) => expect(maxDiff(y.dataSync(), ref[i].dataSync())).toBeLessThan(1e-5));
      // Defaults and settings agree with TF.js's, in its getConfig spelling.
      const ourConfig = ours.getConfig();
      const peerConfig = peer.getConfig() as Record<string, unknown>;
      for (const key of ['units', 'activation', 'recurrentActivation', 'useBias', 'returnSequences', 'returnState', 'goBackwards', 'stateful', 'dropout', 'recurrentDropout']) {
        if (key in peerConfig) expect([key, ourConfig[key]]).toEqual([key, peerConfig[key]]);
      }
    });
  }

  it('initial states, given as apply([x, ...states]) and as {initialState}', () => {
    const peer = tf.layers.lstm({ units: 4, returnState: true, inputShape: [5, 2] });
    const { t, p } = pair([3, 5, 2], 7);
    const h = pair([3, 4], 8);
    const c = pair([3, 4], 9);
    const theirs = peer.apply(p, { initialState: [h.p, c.p] }) as tf.Tensor[];
    const ours = tn.layers.lstm({ units: 4, returnState: true, inputShape: [5, 2] });
    copyWeights(ours, peer);
    const a = ours.apply([t, h.t, c.t], {}) as tn.Tensor[];
    const b = ours.apply(t, { initialState: [h.t, c.t] }) as tn.Tensor[];
    for (let i = 0; i < 3; i++) {
      expect(maxDiff(a[i].dataSync(), theirs[i].dataSync())).toBeLessThan(1e-5);
      expect(maxDiff(b[i].dataSync(), theirs[i].dataSync())).toBeLessThan(1e-5);
    }
  });

  it('rnn({cell: [lstmCell, gruCell]}) (stacked cells) with returnState', () => {
    const peer = tf.layers.rnn({ cell: [tf.layers.lstmCell({ units: 3 }), tf.layers.gruCell({ units: 4 })], returnSequences: true, returnState: true, inputShape: [5, 2] });
    const { t, p } = pair([2, 5, 2], 21);
    const theirs = peer.apply(p) as tf.Tensor[];
    const ours = tn.layers.rnn({ cell: [tn.layers.lstmCell({ units: 3 }), tn.layers.gruCell({ units: 4 })], returnSequences: true, returnState: true, inputShape: [5, 2] });
    copyWeights(ours, peer);
    const mine = ours.apply(t, {}) as tn.Tensor[];
    expect(mine.map((y) => y.shape)).toEqual(theirs.map((y) => y.shape));
    mine.forEach((y, i) => expect(maxDiff(y.dataSync(), theirs[i].dataSync())).toBeLessThan(1e-5));
  });
});

/** Seeded weights in (-0.8, 0.8), the same in both models, so a run replays exactly. */
function seedBoth(model: tn.LayersModel, peer: tf.LayersModel, seed: number): void {
  const values = model.getWeights().map((w, i) => tn.randomUniform(w.shape, -0.8, 0.8, 'float32', seed + i));
  model.setWeights(values);
  peer.setWeights(values.map((v) => tf.tensor(Array.from(v.dataSync()), v.shape.slice())));
}

describe('a model of stateful RNNs, as TF.js\'s', () => {
  it('model.stateful, model.resetStates() (zeroing every stateful layer\'s states), inputLayers and outputLayers', () => {
    const build = <M extends tn.LayersModel | tf.LayersModel>(lib: { input: (a: { batchShape: number[]; name: string }) => unknown; layers: typeof tn.layers | typeof tf.layers; model: (a: { inputs: unknown; outputs: unknown }) => M }): M => {
      const x = lib.input({ batchShape: [2, 3, 2], name: 'seq' });
      const h = (lib.layers.gru as (a: object) => { apply: (x: unknown) => unknown })({ units: 3, stateful: true, returnSequences: true, name: 'g' }).apply(x);
      const y = (lib.layers.lstm as (a: object) => { apply: (x: unknown) => unknown })({ units: 2, stateful: true, name: 'l' }).apply(h);
      return lib.model({ inputs: x, outputs: y });
    };
    const peer = build(tf as never) as tf.LayersModel;
    const model = build(tn as never) as tn.LayersModel;
    seedBoth(model, peer, 600);
    const { t, p } = pair([2, 3, 2], 31);
    const run = (): number[][] => [Array.from((model.predict(t) as tn.Tensor).dataSync()), Array.from((peer.predict(p) as tf.Tensor).dataSync())];
    expect([model.stateful, peer.stateful]).toEqual([true, true]);
    const first = run();
    const second = run();
    // The states carried over: a second call on the same input differs from the first, in both libraries alike.
    expect(maxDiff(second[0], first[0])).toBeGreaterThan(1e-3);
    expect(maxDiff(second[0], second[1])).toBeLessThan(1e-5);
    model.resetStates();
    peer.resetStates();
    const afterReset = run();
    expect(maxDiff(afterReset[0], first[0])).toBe(0);
    expect(maxDiff(afterReset[1], first[1])).toBeLessThan(1e-6);
    expect(model.inputLayers.map((l) => l.name)).toEqual(['seq']);
    expect(model.outputLayers.map((l) => l.name)).toEqual(['l']);
    expect(peer.outputLayers.map((l) => l.name)).toEqual(['l']);
    const plain = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [2] })] });
    expect(plain.stateful).toBe(false);
    plain.resetStates();
    expect(() => plain.layers[0].resetStates()).toThrow(/resetStates: the layer is not stateful/);
  });
});

describe('training a stateful RNN, as TF.js', () => {
  for (const kind of ['lstm', 'gru', 'simpleRNN'] as const) {
    it(`${kind}: fit over batches carries the states from batch to batch (the backward pass reads the states each call replaced), after predict and resetStates`, async () => {
      const peer = tf.sequential({ layers: [tf.layers[kind]({ units: 3, stateful: true, batchInputShape: [2, 4, 2] }), tf.layers.dense({ units: 1 })] });
      const model = tn.sequential({ layers: [tn.layers[kind]({ units: 3, stateful: true, batchInputShape: [2, 4, 2] }), tn.layers.dense({ units: 1 })] });
      seedBoth(model, peer, 700);
      peer.compile({ optimizer: tf.train.sgd(0.3), loss: 'meanSquaredError' });
      model.compile({ optimizer: tn.train.sgd(0.3), loss: 'meanSquaredError' });
      const { t: x, p: xp } = pair([6, 4, 2], 41);
      const { t: y, p: yp } = pair([6, 1], 42);
      const { t: x2, p: xp2 } = pair([2, 4, 2], 43);
      expect(maxDiff((model.predict(x2) as tn.Tensor).dataSync(), (peer.predict(xp2) as tf.Tensor).dataSync())).toBeLessThan(1e-5);
      const options = { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 as const };
      const ours = await model.fit(x, y, options);
      const theirs = await peer.fit(xp, yp, options);
      model.resetStates();
      peer.resetStates();
      const again = [await model.fit(x, y, { ...options, epochs: 1 }), await peer.fit(xp, yp, { ...options, epochs: 1 })];
      expect(maxDiff([...ours.history.loss, ...again[0].history.loss] as number[], [...theirs.history.loss, ...again[1].history.loss] as number[])).toBeLessThan(1e-5);
      model.getWeights().forEach((w, i) => expect(maxDiff(w.dataSync(), peer.getWeights()[i].dataSync())).toBeLessThan(1e-5));
      peer.dispose();
    });
  }
});
