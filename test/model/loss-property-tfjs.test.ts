import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// model.loss, side by side with TF.js 4.22: the loss compile was given, and the saved names once loaded.
function twoOutputs(lib: typeof tn): tn.LayersModel;
function twoOutputs(lib: typeof tf): tf.LayersModel;
function twoOutputs(lib: typeof tn | typeof tf): tn.LayersModel | tf.LayersModel {
  if (lib === tn) {
    const input = tn.input({ shape: [3] });
    return tn.model({ inputs: input, outputs: [tn.layers.dense({ units: 2, name: 'a' }).apply(input), tn.layers.dense({ units: 1, name: 'b' }).apply(input)] });
  }
  const input = tf.input({ shape: [3] });
  const out = (units: number, name: string) => tf.layers.dense({ units, name }).apply(input) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: [out(2, 'a'), out(1, 'b')] });
}

function one(lib: typeof tn): tn.Sequential;
function one(lib: typeof tf): tf.Sequential;
function one(lib: typeof tn | typeof tf): tn.Sequential | tf.Sequential {
  return lib === tn ? tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [3] })] }) : tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
}

describe('model.loss, as TF.js 4.22', () => {
  it('is the loss as given: a name or a function, the same value (undefined before compile)', () => {
    expect(one(tn).loss).toBeUndefined();
    expect(one(tf).loss).toBeUndefined();
    const fnLoss = (yTrue: tn.Tensor, yPred: tn.Tensor) => tn.mean(tn.square(tn.sub(yTrue, yPred)));
    const peerFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.mean(tf.square(tf.sub(yTrue, yPred)));
    for (const loss of ['meanSquaredError', 'meanAbsoluteError', 'categoricalCrossentropy']) {
      const m = one(tn);
      const p = one(tf);
      m.compile({ optimizer: 'sgd', loss });
      p.compile({ optimizer: 'sgd', loss });
      expect(m.loss).toBe(loss);
      expect(p.loss).toBe(loss);
    }
    const m = one(tn);
    const p = one(tf);
    m.compile({ optimizer: 'sgd', loss: fnLoss });
    p.compile({ optimizer: 'sgd', loss: peerFn });
    expect(m.loss).toBe(fnLoss);
    expect(p.loss).toBe(peerFn);
  });

  it('model.metrics is the metrics as given too (undefined before compile or without any)', () => {
    const metrics = ['mae', 'acc'];
    const [m, p] = [one(tn), one(tf)];
    expect([m.metrics, p.metrics]).toEqual([undefined, undefined]);
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics });
    p.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics });
    expect(m.metrics).toBe(metrics);
    expect(p.metrics).toBe(metrics);
    const [m2, p2] = [one(tn), one(tf)];
    m2.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    p2.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    expect([m2.metrics, p2.metrics]).toEqual([undefined, undefined]);
  });

  it('is the array or map given for several outputs (the same object)', () => {
    for (const loss of [['meanSquaredError', 'meanAbsoluteError'], { a: 'meanSquaredError', b: 'meanAbsoluteError' }]) {
      const m = twoOutputs(tn);
      const p = twoOutputs(tf);
      m.compile({ optimizer: 'sgd', loss });
      p.compile({ optimizer: 'sgd', loss });
      expect(m.loss).toBe(loss);
      expect(p.loss).toBe(loss);
    }
  });

  it('is set from a saved training config, in camelCase, whichever library saved and loaded (and unset without one)', async () => {
    const cases: [string, () => tn.LayersModel, () => tf.LayersModel, string | string[] | Record<string, string>][] = [
      ['one output', () => one(tn), () => one(tf), 'meanSquaredError'],
      ['a list', () => twoOutputs(tn), () => twoOutputs(tf), ['meanSquaredError', 'meanAbsoluteError']],
      ['a map', () => twoOutputs(tn), () => twoOutputs(tf), { a: 'meanAbsoluteError', b: 'meanSquaredError' }],
    ];
    for (const [what, make, makePeer, loss] of cases) {
      const m = make();
      const p = makePeer();
      m.compile({ optimizer: 'sgd', loss });
      p.compile({ optimizer: 'sgd', loss });
      let saved: tn.ModelArtifacts | undefined;
      let peerSaved: tf.io.ModelArtifacts | undefined;
      await m.save(tn.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })), { includeOptimizer: true });
      await p.save(tf.io.withSaveHandler(async (a) => ((peerSaved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })), { includeOptimizer: true });
      // Each library's file read by both: the loss names come back the same way.
      for (const artifacts of [saved, peerSaved]) {
        const loaded = await tn.loadLayersModel(tn.io.fromMemory(artifacts as tn.ModelArtifacts));
        const peer = await tf.loadLayersModel(tf.io.fromMemory(artifacts as tf.io.ModelArtifacts));
        expect(peer.loss, what).toEqual(loss);
        expect(loaded.loss, what).toEqual(peer.loss);
      }
    }
    // Without a training config, as TF.js: not compiled, no loss.
    let bare: tn.ModelArtifacts | undefined;
    await one(tn).save(tn.io.withSaveHandler(async (a) => ((bare = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    expect((await tn.loadLayersModel(tn.io.fromMemory(bare as tn.ModelArtifacts))).loss).toBeUndefined();
    expect((await tf.loadLayersModel(tf.io.fromMemory(bare as tf.io.ModelArtifacts))).loss).toBeUndefined();
  });

});
