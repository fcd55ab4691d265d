import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { clearRandomSeed, setRandomSeed } from '../../src/util/random';
import { mulberry32 } from '../mulberry32';

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const IDS = [[1, 4, 0, 0, 2], [3, 0, 5, 6, 0], [0, 0, 0, 2, 1]];

describe('sequence models through the layers format, both ways with TensorFlow.js 4.22', () => {
  it('TF.js saves embedding/lstm/gru/simpleRNN/repeatVector/timeDistributed; tessera loads and predicts the same, and back', async () => {
    const peer = tf.sequential({ layers: [
      // maskZero left unset: TF.js saves mask_zero as null, which must load as false.
      tf.layers.embedding({ inputDim: 7, outputDim: 3, inputLength: 5 }),
      tf.layers.lstm({ units: 4, returnSequences: true, biasInitializer: 'randomNormal' }),
      tf.layers.gru({ units: 3, returnSequences: true }),
      tf.layers.simpleRNN({ units: 5 }),
      tf.layers.repeatVector({ n: 2 }),
      tf.layers.lstm({ units: 3, returnSequences: true, recurrentActivation: 'sigmoid' }),
      tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 4, activation: 'softmax' }) }),
    ] });
    // Seeded weights, so the comparison is the same on every run (TF.js's initializers are not seeded).
    peer.setWeights(peer.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.5, 0.5, 'float32', 100 + i)));
    let artifacts: tf.io.ModelArtifacts | undefined;
    await peer.save(tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const model = await tn.loadLayersModel(tn.io.fromMemory(artifacts as tn.ModelArtifacts));
    const theirs = peer.predict(tf.tensor(IDS)) as tf.Tensor;
    const ours = model.predict(tn.tensor(IDS)) as tn.Tensor;
    expect(ours.shape).toEqual(theirs.shape);
    expect(maxDiff(ours.dataSync(), theirs.dataSync())).toBeLessThan(1e-5);

    let back: tn.ModelArtifacts | undefined;
    await model.save(tn.io.withSaveHandler(async (a) => {
      back = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', modelTopologyBytes: 0, weightSpecsBytes: 0, weightDataBytes: 0 } };
    }));
    // Back into TF.js (which matches weights by name) and into tessera.
    const peerAgain = await tf.loadLayersModel(tf.io.fromMemory(back as tf.io.ModelArtifacts));
    expect(maxDiff((peerAgain.predict(tf.tensor(IDS)) as tf.Tensor).dataSync(), ours.dataSync())).toBeLessThan(1e-5);
    const again = await tn.loadLayersModel(tn.io.fromMemory(back as tn.ModelArtifacts));
    expect(maxDiff((again.predict(tn.tensor(IDS)) as tn.Tensor).dataSync(), ours.dataSync())).toBeLessThan(1e-6);
  });
});

/** Runs f with Math.random seeded and tessera's own seed cleared, so that unseeded initializers draw as TF.js's do. */
function withSeededMathRandom<T>(seed: number, f: () => T): T {
  const saved = Math.random;
  Math.random = mulberry32(seed);
  clearRandomSeed();
  try {
    return f();
  } finally {
    Math.random = saved;
    setRandomSeed(0);
  }
}

type Lib = typeof tn | typeof tf;

/** A bidirectional GRU and a timeDistributed dense, each wrapping a layer that was given its own inputShape. */
function wrappedShaped(lib: Lib): { bi: tn.LayersModel | tf.LayersModel; td: tn.LayersModel | tf.LayersModel; innerWeights: number } {
  const l = lib as typeof tn;
  // Named, so that each library's counts of earlier layers leave the weight names alike.
  const gru = l.layers.gru({ name: 'g', units: 2, inputShape: [3, 2], kernelInitializer: 'glorotUniform' });
  const bi = l.sequential({ layers: [l.layers.bidirectional({ name: 'bi', layer: gru, inputShape: [3, 2] })] });
  const td = l.sequential({ layers: [
    l.layers.timeDistributed({ name: 'td', layer: l.layers.dense({ name: 'inner', units: 2, inputShape: [2], kernelInitializer: 'glorotUniform' }), inputShape: [3, 2] }),
    l.layers.dense({ name: 'after', units: 1, kernelInitializer: 'glorotUniform' }),
  ] });
  return { bi, td, innerWeights: gru.weights.length };
}

async function saved(model: tn.LayersModel | tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await (model as tf.LayersModel).save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return artifacts!;
}

describe('a wrapper whose layer was given an inputShape, as TensorFlow.js 4.22 builds it', () => {
  it('names the weights in the wrapper, draws them once, frees what the layer built when made, and saves a file both libraries load', async () => {
    const [n0, m0] = [tn.memory().numTensors, tf.memory().numTensors];
    const ours = withSeededMathRandom(7, () => wrappedShaped(tn));
    const theirs = withSeededMathRandom(7, () => wrappedShaped(tf));
    expect(tn.memory().numTensors - n0).toBe(tf.memory().numTensors - m0);
    expect(ours.innerWeights).toBe(theirs.innerWeights);
    for (const key of ['bi', 'td'] as const) {
      const [a, b] = [ours[key] as tn.LayersModel, theirs[key] as tf.LayersModel];
      expect(a.weights.map((w) => w.name)).toEqual(b.weights.map((w) => w.name));
      // The wrapped layer's config is the one it was given, its batch_input_shape and dtype included.
      const layersJson = (m: tn.LayersModel | tf.LayersModel) => JSON.stringify((m.toJSON(null, false) as { config: { layers: unknown } }).config.layers);
      expect(layersJson(a)).toBe(layersJson(b));
      // The same draws in the same order: the layer built when made draws no second time in its wrapper (the
      // orthogonal recurrent kernels agree to float32 rounding; a second draw would change every value).
      a.getWeights().forEach((w, i) => expect(maxDiff(w.dataSync(), b.getWeights()[i].dataSync())).toBeLessThan(1e-6));
      const x = [[[0.5, -1], [2, 0.25], [-0.75, 1]]];
      const want = (b.predict(tf.tensor(x)) as tf.Tensor).dataSync();
      const fromOurs = await saved(a);
      const ourLoad = await tn.loadLayersModel(tn.io.fromMemory(fromOurs as tn.ModelArtifacts));
      expect(maxDiff((ourLoad.predict(tn.tensor(x)) as tn.Tensor).dataSync(), want)).toBeLessThan(1e-6);
      const theirLoad = await tf.loadLayersModel(tf.io.fromMemory(fromOurs));
      expect(maxDiff((theirLoad.predict(tf.tensor(x)) as tf.Tensor).dataSync(), want)).toBeLessThan(1e-6);
      const fromTheirs = await tn.loadLayersModel(tn.io.fromMemory((await saved(b)) as tn.ModelArtifacts));
      expect(maxDiff((fromTheirs.predict(tn.tensor(x)) as tn.Tensor).dataSync(), want)).toBeLessThan(1e-6);
    }
  });
});
