import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

type TL = typeof tf;

/** The same weights in both libraries: a fixed ramp per weight, by position. */
function fixWeights(lib: TL, m: tf.LayersModel): void {
  m.setWeights(m.weights.map((w, k) => {
    const size = w.shape.reduce((a, b) => (a as number) * (b as number), 1) as number;
    return lib.tensor(Array.from({ length: size }, (_, i) => Math.sin(1 + i * 0.7 + k)), w.shape as number[]);
  }));
}

/** predict, evaluate, trainOnBatch and fit (SGD, no shuffling) on int32 x; returns every number they give. */
async function run(lib: TL, make: (lib: TL) => tf.LayersModel, x: number[], shape: [number, number]): Promise<number[]> {
  const m = make(lib);
  fixWeights(lib, m);
  m.compile({ optimizer: lib.train.sgd(0.01), loss: 'meanSquaredError' });
  const xs = lib.tensor2d(x, shape, 'int32');
  const ys = lib.tensor2d(Array.from({ length: shape[0] }, (_, i) => i / 2 - 0.5), [shape[0], 1]);
  const out: number[] = [];
  out.push(...(m.predict(xs) as tf.Tensor).dataSync());
  out.push(...(m.evaluate(xs, ys) as tf.Tensor).dataSync());
  out.push(await m.trainOnBatch(xs, ys) as number);
  const h = await m.fit(xs, ys, { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
  out.push(...(h.history.loss as number[]));
  for (const w of m.getWeights()) out.push(...w.dataSync());
  return out;
}

const embedding = (lib: TL) => lib.sequential({ layers: [
  lib.layers.embedding({ inputDim: 6, outputDim: 2, inputLength: 3 }), lib.layers.flatten(), lib.layers.dense({ units: 1 }),
] });
const dense = (lib: TL) => lib.sequential({ layers: [lib.layers.dense({ units: 2, inputShape: [3], activation: 'tanh' }), lib.layers.dense({ units: 1 })] });
const functionalInt = (lib: TL) => {
  const x = lib.input({ shape: [3], dtype: 'int32' });
  return lib.model({ inputs: x, outputs: lib.layers.dense({ units: 1 }).apply(lib.layers.dense({ units: 2 }).apply(x)) as tf.SymbolicTensor });
};

async function artifactsOf(lib: TL, m: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await m.save(lib.io.withSaveHandler(async (a) => {
    saved = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return saved as tf.io.ModelArtifacts;
}

describe('int32 inputs to a model, as TF.js', () => {
  const idModels: [string, () => tf.LayersModel][] = [
    ['a functional model with an int32 input', () => {
      const x = tf.input({ shape: [3], dtype: 'int32' });
      return tf.model({ inputs: x, outputs: tf.layers.dense({ units: 1 }).apply(tf.layers.embedding({ inputDim: 6, outputDim: 2 }).apply(x)) as tf.SymbolicTensor });
    }],
    ['a Sequential model with an int32 InputLayer', () => tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3], dtype: 'int32' }), tf.layers.embedding({ inputDim: 6, outputDim: 2, inputLength: 3 })] })],
  ];
  for (const [name, make] of idModels) {
    it(`${name} moves TF.js -> tessera -> TF.js with its int32 input and predicts the same`, async () => {
      const peer = make();
      const ours = await tn.loadLayersModel(tn.io.fromMemory((await artifactsOf(tf, peer)) as tn.ModelArtifacts));
      expect(ours.inputs[0].dtype).toBe('int32');
      const back = await tf.loadLayersModel(tf.io.fromMemory((await artifactsOf(tn as unknown as TL, ours as unknown as tf.LayersModel))));
      expect(back.inputs[0].dtype).toBe('int32');
      const ids = [1, 5, 0, 2, 3, 4];
      const want = Array.from((peer.predict(tf.tensor2d(ids, [2, 3], 'int32')) as tf.Tensor).dataSync());
      for (const got of [(ours.predict(tn.tensor2d(ids, [2, 3], 'int32')) as tn.Tensor).dataSync(), (back.predict(tf.tensor2d(ids, [2, 3], 'int32')) as tf.Tensor).dataSync()]) {
        Array.from(got).forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-6));
      }
    });
  }

  const ids = [1, 2, 3, 0, 5, 4, 2, 2, 1, 3, 3, 0];
  for (const [name, make] of [['an embedding model', embedding], ['a dense model (a float32 input)', dense], ['a functional model with an int32 input feeding dense', functionalInt]] as const) {
    it(`${name}: predict, evaluate, trainOnBatch and fit`, async () => {
      const theirs = await run(tf, make, ids, [4, 3]);
      const ours = await run(tn as unknown as TL, make, ids, [4, 3]);
      expect(ours.length).toBe(theirs.length);
      ours.forEach((v, i) => expect(Math.abs(v - theirs[i]), `value ${i}: ${ours} vs ${theirs}`).toBeLessThan(1e-4));
    });
  }

  it('a float32 tensor given to an int32 input is truncated, as TF.js casts it', () => {
    const outputs = (lib: TL) => {
      const m = functionalInt(lib);
      fixWeights(lib, m);
      return Array.from((m.predict(lib.tensor2d([1.7, -2.7, 3.2], [1, 3])) as tf.Tensor).dataSync());
    };
    const theirs = outputs(tf);
    outputs(tn as unknown as TL).forEach((v, i) => expect(Math.abs(v - theirs[i])).toBeLessThan(1e-5));
  });

  it('a dense layer applied to an int32 tensor gives float32, as TF.js', () => {
    const d = tn.layers.dense({ units: 1, kernelInitializer: 'ones', inputShape: [3] });
    const y = d.apply(tn.tensor2d([1, 2, 3], [1, 3], 'int32')) as tn.Tensor;
    expect(y.dtype).toBe('float32');
    expect(Array.from(y.dataSync())).toEqual([6]);
  });
});
