import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

// A built layer or model applied to another input shape its layers take: TF.js's layers check an input spec (a dense:
// any rank with its last dim), not the shape they were built for, and a model runs its graph on whatever its layers
// take. mnist-acgan's generator applies a Sequential declared with inputShape [latent] to a [null, 1, latent] tensor.

type Lib = typeof tf;
const libs = [['tessera', tn], ['TF.js', tf]] as unknown as [string, Lib][];

/** mnist-acgan's buildGenerator, shrunk: embedding(class) × latent into a Sequential built for [latent]. */
function generator(lib: Lib) {
  const latentSize = 4;
  const cnn = lib.sequential();
  cnn.add(lib.layers.dense({ units: 2 * 2 * 3, inputShape: [latentSize], activation: 'relu', kernelInitializer: 'ones' }));
  cnn.add(lib.layers.reshape({ targetShape: [2, 2, 3] }));
  cnn.add(lib.layers.conv2dTranspose({ filters: 2, kernelSize: 2, strides: 1, padding: 'same', kernelInitializer: 'ones' }));
  cnn.add(lib.layers.dropout({ rate: 0.3 }));
  const latent = lib.input({ shape: [latentSize] });
  const imageClass = lib.input({ shape: [1] });
  const classEmbedding = lib.layers.embedding({ inputDim: 10, outputDim: latentSize, embeddingsInitializer: 'ones' }).apply(imageClass) as tf.SymbolicTensor;
  const h = lib.layers.multiply().apply([latent, classEmbedding]) as tf.SymbolicTensor;
  const fake = cnn.apply(h) as tf.SymbolicTensor;
  return { cnn, model: lib.model({ inputs: [latent, imageClass], outputs: fake }) };
}

describe('layers and models applied to another shape their layers take', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const [name, lib] of libs) {
    it(`${name}: mnist-acgan's generator builds, predicts and trains`, async () => {
      const { cnn, model } = generator(lib);
      expect(model.outputs[0].shape).toEqual([null, 2, 2, 2]);
      const x = [lib.tensor2d([[0.5, -1, 2, 0.25]]), lib.tensor2d([[3]])];
      // Each dense unit sums 0.5 - 1 + 2 + 0.25 = 1.75 (times the class's embedding of ones); a transposed-conv output
      // sums 3 channels over the 1, 2 or 4 cells of its 2×2 window that fall inside the 2×2 image.
      expect(Array.from((model.predict(x) as tf.Tensor).dataSync())).toEqual([5.25, 5.25, 10.5, 10.5, 10.5, 10.5, 21, 21]);
      // The inner model applied to tensors of the other rank, and a dense reapplied to rank 3.
      expect((cnn.apply(lib.ones([2, 1, 4])) as tf.Tensor).shape).toEqual([2, 2, 2, 2]);
      const dense = cnn.layers[0];
      expect((dense.apply(lib.input({ shape: [5, 4] })) as tf.SymbolicTensor).shape).toEqual([null, 5, 12]);
      model.compile({ optimizer: lib.train.sgd(0.01), loss: 'meanSquaredError' });
      const before = model.getWeights()[1].dataSync()[0];
      await model.fit(x, lib.zeros([1, 2, 2, 2]), { epochs: 1, verbose: 0 });
      expect(model.getWeights()[1].dataSync()[0]).toBeLessThan(before);
    });

  }

  // TF.js refuses these when it runs (a symbolic apply of a model checks nothing); tessera before any work.
  it('tessera refuses a shape no layer takes, naming the model input and the layer that refused', () => {
    const { cnn } = generator(tn as unknown as Lib);
    expect(() => cnn.layers[0].apply(tn.input({ shape: [3, 5] }) as never)).toThrow(/input must be shape \[null, 4\], the shape dense_Dense\d+ was built for, got shape \[null, 3, 5\]/);
    expect(() => cnn.apply(tn.input({ shape: [1, 5] }) as never)).toThrow(/input must be shape \[null, 4\], the input '\w+' of model '\w+', or a shape its layers take \(dense_Dense\d+: input must be shape \[null, 4\], the shape dense_Dense\d+ was built for, got shape \[null, 1, 5\]\), got shape \[null, 1, 5\]/);
    expect(() => cnn.apply(tn.ones([2, 1, 5]) as never)).toThrow(/apply: input must be shape \[batch, 4\] to match the model's input, or a shape its layers take \(dense_Dense\d+: input must be shape \[null, 4\]/);
  });
});
