import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { captureArtifacts, maxAbsDiff } from '../io/helpers';

type Args = Record<string, unknown>;

/** A layer in both libraries from the same TF.js arguments, with the input shape (no batch dim) to run it on. */
interface Case {
  name: string;
  factory: string;
  args: Args;
  input: number[];
}

const CASES: Case[] = [
  { name: 'reLU', factory: 'reLU', args: {}, input: [5, 3] },
  { name: 'reLU maxValue', factory: 'reLU', args: { maxValue: 0.4 }, input: [6] },
  { name: 'leakyReLU', factory: 'leakyReLU', args: { alpha: 0.1 }, input: [4, 3] },
  { name: 'leakyReLU default', factory: 'leakyReLU', args: {}, input: [7] },
  { name: 'prelu', factory: 'prelu', args: { alphaInitializer: 'ones' }, input: [4, 3] },
  { name: 'prelu sharedAxes', factory: 'prelu', args: { sharedAxes: [1] }, input: [4, 3] },
  { name: 'elu', factory: 'elu', args: {}, input: [8] },
  { name: 'thresholdedReLU', factory: 'thresholdedReLU', args: { theta: 0.3 }, input: [8] },
  { name: 'softmax', factory: 'softmax', args: {}, input: [5] },
  { name: 'softmax axis -1', factory: 'softmax', args: { axis: -1 }, input: [3, 5] },
  { name: 'batchNormalization', factory: 'batchNormalization', args: {}, input: [4, 4, 3] },
  { name: 'batchNormalization axis 1', factory: 'batchNormalization', args: { axis: 1, epsilon: 0.01, momentum: 0.9 }, input: [5] },
  { name: 'batchNormalization no center/scale', factory: 'batchNormalization', args: { center: false, scale: false }, input: [6] },
  { name: 'layerNormalization', factory: 'layerNormalization', args: {}, input: [3, 6] },
  { name: 'layerNormalization axes', factory: 'layerNormalization', args: { axis: [1, 2], epsilon: 1e-5 }, input: [3, 4] },
  { name: 'globalAveragePooling1d', factory: 'globalAveragePooling1d', args: {}, input: [5, 3] },
  { name: 'globalMaxPooling1d', factory: 'globalMaxPooling1d', args: {}, input: [5, 3] },
  { name: 'globalAveragePooling2d', factory: 'globalAveragePooling2d', args: {}, input: [4, 5, 3] },
  { name: 'globalMaxPooling2d channelsFirst', factory: 'globalMaxPooling2d', args: { dataFormat: 'channelsFirst' }, input: [3, 4, 5] },
  { name: 'conv1d', factory: 'conv1d', args: { filters: 4, kernelSize: 3, activation: 'relu' }, input: [9, 2] },
  { name: 'conv1d same strided', factory: 'conv1d', args: { filters: 3, kernelSize: 2, strides: 2, padding: 'same', useBias: false }, input: [7, 3] },
  { name: 'maxPooling1d', factory: 'maxPooling1d', args: { poolSize: 3, strides: 2 }, input: [9, 2] },
  { name: 'maxPooling1d same', factory: 'maxPooling1d', args: { padding: 'same' }, input: [7, 2] },
  { name: 'upSampling2d', factory: 'upSampling2d', args: { size: [2, 3] }, input: [2, 3, 2] },
  { name: 'upSampling2d channelsFirst', factory: 'upSampling2d', args: { dataFormat: 'channelsFirst' }, input: [2, 3, 2] },
  { name: 'reshape', factory: 'reshape', args: { targetShape: [3, -1] }, input: [2, 6] },
  { name: 'repeatVector', factory: 'repeatVector', args: { n: 3 }, input: [4] },
  { name: 'gaussianNoise (inference)', factory: 'gaussianNoise', args: { stddev: 0.5 }, input: [4] },
  { name: 'gaussianDropout (inference)', factory: 'gaussianDropout', args: { rate: 0.5 }, input: [4] },
  { name: 'alphaDropout (inference)', factory: 'alphaDropout', args: { rate: 0.5 }, input: [4] },
  { name: 'spatialDropout1d (inference)', factory: 'spatialDropout1d', args: { rate: 0.5 }, input: [3, 4] },
  { name: 'dropout noiseShape (inference)', factory: 'dropout', args: { rate: 0.5, noiseShape: [null, 1, 4] }, input: [3, 4] },
  { name: 'permute', factory: 'permute', args: { dims: [2, 3, 1] }, input: [2, 3, 4] },
  { name: 'zeroPadding2d', factory: 'zeroPadding2d', args: { padding: [[1, 0], [2, 1]] }, input: [2, 3, 2] },
  { name: 'zeroPadding2d channelsFirst', factory: 'zeroPadding2d', args: { padding: 1, dataFormat: 'channelsFirst' }, input: [2, 3, 2] },
  { name: 'cropping2D', factory: 'cropping2D', args: { cropping: [[1, 0], [0, 2]] }, input: [4, 5, 2] },
  { name: 'cropping2D channelsFirst', factory: 'cropping2D', args: { cropping: [1, 1], dataFormat: 'channelsFirst' }, input: [2, 4, 5] },
  { name: 'flatten channelsFirst', factory: 'flatten', args: { dataFormat: 'channelsFirst' }, input: [2, 3, 4] },
  { name: 'maxPooling2d channelsFirst', factory: 'maxPooling2d', args: { poolSize: 2, strides: 1, dataFormat: 'channelsFirst' }, input: [2, 4, 5] },
  { name: 'averagePooling1d same', factory: 'averagePooling1d', args: { poolSize: 3, strides: 2, padding: 'same' }, input: [8, 2] },
  { name: 'averagePooling2d', factory: 'averagePooling2d', args: { poolSize: [2, 3], strides: 1 }, input: [4, 5, 2] },
  { name: 'averagePooling2d same channelsFirst', factory: 'averagePooling2d', args: { poolSize: 3, strides: 2, padding: 'same', dataFormat: 'channelsFirst' }, input: [2, 5, 5] },
  { name: 'dense with regularizers and constraints', factory: 'dense', args: { units: 3, kernelRegularizer: 'l1l2', kernelConstraint: 'maxNorm', biasConstraint: 'nonNeg' }, input: [4] },
];

type Factories = Record<string, (a: Args) => unknown>;

function ours(c: Case): tn.Sequential {
  const layer = (tn.layers as unknown as Factories)[c.factory]({ ...c.args, inputShape: c.input }) as tn.Layer;
  return tn.sequential({ layers: [layer] });
}

function theirs(c: Case): tf.Sequential {
  const layer = (tf.layers as unknown as Factories)[c.factory]({ ...c.args, inputShape: c.input }) as tf.layers.Layer;
  return tf.sequential({ layers: [layer] });
}

/** Random (non-default) weights for our model, so that the comparison means something; BN variances stay positive. */
function randomizeWeights(m: tn.Sequential, seed: number): void {
  const ws = m.getWeights().map((w, i) => {
    const r = tn.randomUniform(w.shape, 0.2, 1.5, w.dtype, seed + i);
    return i % 2 === 1 ? r : tn.sub(r, 0.8);
  });
  m.setWeights(ws.map((w, i) => (m.layers[0].weights[i].name.endsWith('moving_variance') ? tn.abs(w) : w)));
}

function inputs(shape: number[], seed: number): { t: tn.Tensor; tfx: tf.Tensor } {
  const t = tn.randomUniform(shape, -1, 1, 'float32', seed);
  return { t, tfx: tf.tensor(Array.from(t.dataSync()), shape) };
}

async function tfArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return artifacts as tf.io.ModelArtifacts;
}

describe('new layers against TensorFlow.js 4.22', () => {
  CASES.forEach((c, k) => {
    it(`${c.name}: same values as TF.js for the same weights, and the layers format both ways`, async () => {
      const m = ours(c);
      randomizeWeights(m, 100 + k);
      const peer = theirs(c);
      peer.setWeights(m.getWeights().map((w) => tf.tensor(Array.from(w.dataSync()), [...w.shape])));
      const { t, tfx } = inputs([3, ...c.input], 7 + k);
      const expected = (peer.predict(tfx) as tf.Tensor).dataSync();
      expect(m.predict(t).shape).toEqual(Array.from((peer.predict(tfx) as tf.Tensor).shape));
      expect(maxAbsDiff(m.predict(t).dataSync(), expected)).toBeLessThan(1e-4);

      // tessera -> TF.js
      const peerLoaded = await tf.loadLayersModel(tf.io.fromMemory((await captureArtifacts(m)) as tf.io.ModelArtifacts));
      expect(peerLoaded.layers[0].getClassName()).toBe(m.layers[0].getClassName());
      expect(maxAbsDiff((peerLoaded.predict(tfx) as tf.Tensor).dataSync(), expected)).toBeLessThan(1e-4);
      // TF.js -> tessera
      const loaded = await tn.loadLayersModel(tn.io.fromMemory((await tfArtifacts(peer)) as tn.ModelArtifacts));
      expect(maxAbsDiff(loaded.predict(t).dataSync(), expected)).toBeLessThan(1e-4);
      expect(Object.keys(loaded.layers[0].getConfig()).sort()).toEqual(Object.keys(m.layers[0].getConfig()).sort());
      peer.dispose();
      peerLoaded.dispose();
    });
  });
});
