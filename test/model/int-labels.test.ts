import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Labels may be int32 wherever a loss or metric takes them, as in TF.js programs (tf.tensor1d(labels, 'int32')).

describe('int32 labels in losses and metrics', () => {
  it('fit and evaluate take int32 class ids and int32 one-hot targets, with the same numbers as float32 ones', async () => {
    const x = tn.randomNormal([16, 4], 0, 1, 'float32', 5);
    const ids = [0, 1, 2, 1, 0, 2, 2, 1, 0, 0, 1, 2, 1, 2, 0, 1];
    const run = async (loss: 'sparseCategoricalCrossentropy' | 'categoricalCrossentropy', y: tn.Tensor) => {
      tn.setRandomSeed(9);
      const model = tn.sequential({ layers: [tn.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });
      model.compile({ optimizer: 'adam', loss, metrics: ['accuracy'] });
      const history = await model.fit(x, y, { epochs: 2, batchSize: 8, shuffle: false, verbose: 0 });
      return [...history.history.loss, ...history.history.acc, ...(model.evaluate(x, y) as tn.Tensor[]).map((t) => t.dataSync()[0])];
    };
    const sparseInt = await run('sparseCategoricalCrossentropy', tn.tensor1d(ids, 'int32'));
    const sparseFloat = await run('sparseCategoricalCrossentropy', tn.tensor1d(ids));
    expect(sparseInt).toEqual(sparseFloat);
    const oneHotInt = await run('categoricalCrossentropy', tn.oneHot(tn.tensor1d(ids, 'int32'), 3));
    const oneHotFloat = await run('categoricalCrossentropy', tn.oneHot(tn.tensor1d(ids, 'int32'), 3).toFloat());
    expect(oneHotInt).toEqual(oneHotFloat);
  });

  it('sparseSoftmaxCrossEntropy takes int32 labels', () => {
    const logits = tn.tensor2d([[1, 2, 3], [0, 0, 5]]);
    expect(tn.sparseSoftmaxCrossEntropy(tn.tensor1d([2, 0], 'int32'), logits).dataSync()).toEqual(
      tn.sparseSoftmaxCrossEntropy(tn.tensor1d([2, 0]), logits).dataSync(),
    );
  });
});
