import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

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
