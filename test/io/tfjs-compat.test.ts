import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { HAND_WEIGHTS, captureArtifacts, handModel, handWrittenModelJson, maxAbsDiff, smallModel } from './helpers';

/** Same random values for both libraries. */
function input(shape: number[], seed: number): { t: tn.Tensor; tfx: tf.Tensor } {
  const t = tn.randomUniform(shape, -1, 1, 'float32', seed);
  return { t, tfx: tf.tensor(Array.from(t.dataSync()), shape) };
}

describe('compatibility with TensorFlow.js 4.22 (the real peer)', () => {
  it('a tessera model loads in TF.js and predicts the same', async () => {
    const model = smallModel();
    const artifacts = await captureArtifacts(model);
    const peer = await tf.loadLayersModel(tf.io.fromMemory(artifacts as tf.io.ModelArtifacts));
    expect(peer.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
    const { t, tfx } = input([4, 6, 6, 2], 11);
    const ours = model.predict(t).dataSync();
    const theirs = (peer.predict(tfx) as tf.Tensor).dataSync();
    expect(maxAbsDiff(ours, theirs)).toBeLessThan(1e-5);
    peer.dispose();
  });

  it('a TF.js model loads in tessera and predicts the same', async () => {
    const peer = tf.sequential({ layers: [
      tf.layers.conv2d({ filters: 4, kernelSize: [3, 2], strides: [1, 2], padding: 'same', activation: 'relu', inputShape: [7, 8, 3] }),
      tf.layers.maxPooling2d({ poolSize: 2, strides: 1 }),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.5 }),
      tf.layers.dense({ units: 6, activation: 'sigmoid', biasInitializer: 'ones' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
      tf.layers.activation({ activation: 'relu' }),
    ] });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await peer.save(tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const model = await tn.loadLayersModel(tn.io.fromMemory(artifacts as tn.ModelArtifacts));
    expect(model.layers.map((l) => l.name)).toEqual(peer.layers.map((l) => l.name));
    const { t, tfx } = input([3, 7, 8, 3], 12);
    const theirs = (peer.predict(tfx) as tf.Tensor).dataSync();
    expect(maxAbsDiff(model.predict(t).dataSync(), theirs)).toBeLessThan(1e-5);
    peer.dispose();

    // Saved again by tessera, the file still describes TF.js's model and TF.js reads it back.
    const again = await captureArtifacts(model);
    const topology = again.modelTopology as { config: { layers: { config: Record<string, unknown> }[] } };
    expect(topology.config.layers[0].config.kernel_initializer).toEqual({ class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null } });
    const peerAgain = await tf.loadLayersModel(tf.io.fromMemory(again as tf.io.ModelArtifacts));
    expect(maxAbsDiff((peerAgain.predict(tfx) as tf.Tensor).dataSync(), theirs)).toBeLessThan(1e-5);
    peerAgain.dispose();
  });

  it('TF.js reads the hand-written fixture as tessera does', async () => {
    const json = handWrittenModelJson() as unknown as tn.ModelJSON;
    const peer = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: HAND_WEIGHTS.buffer }));
    const ours = await tn.loadLayersModel(tn.io.fromMemory(json, HAND_WEIGHTS.buffer));
    const rows: [number, number, number][] = [[1, 2, 3], [-2, 1, 0.5]];
    const theirs = (peer.predict(tf.tensor(rows)) as tf.Tensor).dataSync();
    const mine = ours.predict(tn.tensor(rows.flat(), [2, 3])).dataSync();
    rows.forEach((r, i) => {
      expect(theirs[i]).toBeCloseTo(handModel(r), 5);
      expect(mine[i]).toBeCloseTo(handModel(r), 5);
    });
    peer.dispose();
  });

  it('frozen layers: TF.js saves their weights last, and both libraries read each other', async () => {
    const peer = tf.sequential({ layers: [
      tf.layers.dense({ units: 4, inputShape: [3], trainable: false, activation: 'relu' }),
      tf.layers.dense({ units: 2 }),
    ] });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await peer.save(tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const model = await tn.loadLayersModel(tn.io.fromMemory(artifacts as tn.ModelArtifacts));
    expect(model.layers.map((l) => l.trainable)).toEqual([false, true]);
    const { t, tfx } = input([5, 3], 13);
    expect(maxAbsDiff(model.predict(t).dataSync(), (peer.predict(tfx) as tf.Tensor).dataSync())).toBeLessThan(1e-5);
    const back = await tf.loadLayersModel(tf.io.fromMemory((await captureArtifacts(model)) as tf.io.ModelArtifacts));
    expect(maxAbsDiff((back.predict(tfx) as tf.Tensor).dataSync(), (peer.predict(tfx) as tf.Tensor).dataSync())).toBeLessThan(1e-5);
    peer.dispose();
    back.dispose();
  });
});
