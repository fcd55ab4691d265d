import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { maxAbsDiff } from '../io/helpers';

type Factories = Record<string, (a: Record<string, unknown>) => tn.Layer>;

describe('gradients of the new layers (float64, through tn.gradCheck)', () => {
  const cases: [string, Record<string, unknown>, number[]][] = [
    ['prelu', { alphaInitializer: 'ones' }, [3, 2]],
    ['elu', { alpha: 0.7 }, [5]],
    ['leakyReLU', {}, [5]],
    ['softmax', { axis: 1 }, [3, 4]],
    ['batchNormalization', { gammaInitializer: 'ones' }, [2, 3]],
    ['layerNormalization', {}, [2, 4]],
    ['conv1d', { filters: 2, kernelSize: 2, strides: 2, padding: 'same', kernelInitializer: 'randomNormal' }, [5, 2]],
    ['maxPooling1d', { poolSize: 2 }, [6, 2]],
    ['averagePooling1d', { poolSize: 3, padding: 'same' }, [5, 2]],
    ['averagePooling2d', { dataFormat: 'channelsFirst', padding: 'same', strides: 1 }, [2, 3, 3]],
    ['globalAveragePooling2d', { dataFormat: 'channelsFirst' }, [2, 3, 2]],
    ['globalMaxPooling1d', {}, [4, 3]],
    ['upSampling2d', { size: [2, 1] }, [2, 2, 1]],
    ['repeatVector', { n: 2 }, [3]],
    ['reshape', { targetShape: [-1, 2] }, [2, 3]],
    ['permute', { dims: [2, 1] }, [2, 3]],
    ['zeroPadding2d', { padding: 1 }, [2, 2, 1]],
    ['cropping2D', { cropping: [[1, 0], [0, 1]] }, [3, 3, 1]],
    ['maxPooling2d', { dataFormat: 'channelsFirst' }, [1, 4, 4]],
    ['separableConv2d', { filters: 2, kernelSize: 2, depthMultiplier: 2, padding: 'same', dataFormat: 'channelsFirst', biasInitializer: 'randomNormal' }, [2, 4, 3]],
    ['depthwiseConv2d', { kernelSize: [2, 3], strides: 2, dataFormat: 'channelsFirst', biasInitializer: 'randomNormal' }, [2, 5, 5]],
    ['conv2dTranspose', { filters: 2, kernelSize: 2, strides: 2, dataFormat: 'channelsFirst', biasInitializer: 'randomNormal' }, [3, 2, 3]],
    ['conv3dTranspose', { filters: 2, kernelSize: [2, 1, 2], strides: [2, 1, 1], padding: 'same', activation: 'tanh', biasInitializer: 'randomNormal' }, [2, 2, 3, 2]],
    ['conv3dTranspose', { filters: 1, kernelSize: 2, dataFormat: 'channelsFirst', biasInitializer: 'randomNormal' }, [2, 2, 2, 2]],
    ['conv1d', { filters: 2, kernelSize: 3, dilationRate: 2, kernelInitializer: 'randomNormal', biasInitializer: 'randomNormal' }, [7, 2]],
    ['conv1d', { filters: 1, kernelSize: 2, dilationRate: [3], padding: 'same', activation: 'tanh', kernelInitializer: 'randomNormal' }, [5, 2]],
    ['upSampling2d', { size: [2, 3], interpolation: 'bilinear' }, [2, 3, 2]],
    ['upSampling2d', { interpolation: 'bilinear', dataFormat: 'channelsFirst' }, [2, 3, 2]],
    ['conv2d', { filters: 2, kernelSize: 2, dilationRate: 2, activation: 'tanh', kernelInitializer: 'randomNormal', biasInitializer: 'randomNormal' }, [5, 4, 2]],
    ['conv2d', { filters: 1, kernelSize: [2, 3], dilationRate: [1, 2], padding: 'same', dataFormat: 'channelsFirst', kernelInitializer: 'randomNormal' }, [2, 4, 5]],
    ['depthwiseConv2d', { kernelSize: 2, depthMultiplier: 2, dilationRate: [2, 3], padding: 'same', depthwiseInitializer: 'randomNormal', biasInitializer: 'randomNormal' }, [4, 5, 2]],
    ['separableConv2d', { filters: 2, kernelSize: 2, dilationRate: 2, dataFormat: 'channelsFirst', depthwiseInitializer: 'randomNormal', biasInitializer: 'randomNormal' }, [2, 5, 4]],
  ];
  cases.forEach(([factory, args, shape], k) => {
    it(`${factory} ${JSON.stringify(args)}: input and weight gradients, training mode`, () => {
      const layer = (tn.layers as unknown as Factories)[factory]({ ...args, dtype: 'float64', inputShape: shape });
      const x = tn.randomUniform([3, ...shape], -1, 1, 'float64', 40 + k);
      const report = tn.gradCheck((xi) => tn.sum(tn.square(layer.apply(xi, { training: true }))), [x, ...layer.trainableWeights]);
      expect(report.maxError).toBeLessThan(1e-6);
    });
  });
});

describe('batch normalization in training', () => {
  it('normalizes over the batch and moves the statistics as TF.js does', () => {
    const x = tn.randomUniform([6, 3], -2, 3, 'float32', 5);
    const ours = tn.layers.batchNormalization({ momentum: 0.8, inputShape: [3] });
    const theirs = tf.layers.batchNormalization({ momentum: 0.8, inputShape: [3] });
    const tfx = tf.tensor(Array.from(x.dataSync()), [6, 3]);
    const y = ours.apply(x, { training: true });
    const ty = theirs.apply(tfx, { training: true }) as tf.Tensor;
    expect(maxAbsDiff(y.dataSync(), ty.dataSync())).toBeLessThan(1e-4);
    const ourStats = ours.getWeights().map((w) => Array.from(w.dataSync()));
    const tfStats = theirs.getWeights().map((w) => Array.from(w.dataSync()));
    expect(maxAbsDiff(ourStats.flat(), tfStats.flat())).toBeLessThan(1e-5);
    expect(ours.trainableWeights.map((w) => w.name)).toEqual([`${ours.name}/gamma`, `${ours.name}/beta`]);
    expect(ours.nonTrainableWeights.map((w) => w.name)).toEqual([`${ours.name}/moving_mean`, `${ours.name}/moving_variance`]);
  });

  it('a non-last axis uses the channel statistics at inference (Keras; TF.js 4.22 broadcasts them along the last axis)', () => {
    const bn = tn.layers.batchNormalization({ axis: 1, inputShape: [2, 2] });
    bn.setWeights([[2, 3], [0.5, -1], [1, 2], [4, 9]].map((w) => tn.tensor(w, [2])));
    const y = bn.apply(tn.tensor([1, 2, 3, 4], [1, 2, 2])).dataSync();
    const expected = [0.5, 1.5, 0, 1].map((v, i) => v * (i < 2 ? Math.sqrt(4 / (4 + 1e-3)) : Math.sqrt(9 / (9 + 1e-3))) + (i < 2 ? 0.5 * (1 - Math.sqrt(4 / 4.001)) : -1 * (1 - Math.sqrt(9 / 9.001))));
    expect(maxAbsDiff(y, expected)).toBeLessThan(1e-5);
  });
});

describe('regularizers and constraints in fit', () => {
  it('the reported loss is the data loss plus each penalty (l1l2 on the kernel, l2 on the bias)', async () => {
    const dense = tn.layers.dense({ units: 2, inputShape: [3], kernelRegularizer: tn.regularizers.l1l2({ l1: 0.1, l2: 0.2 }), biasRegularizer: tn.regularizers.l2({ l2: 0.5 }), biasInitializer: 'ones' });
    const model = tn.sequential({ layers: [dense] });
    model.compile({ optimizer: tn.train.sgd(0), loss: 'meanSquaredError' });
    const x = tn.tensor([1, 2, 3, -1, 0, 2], [2, 3]);
    const y = tn.tensor([0.5, -0.5, 1, 0], [2, 2]);
    const [w, b] = dense.getWeights().map((t) => Array.from(t.dataSync()));
    const mse = tn.mean(tn.square(tn.sub(model.predict(x), y))).dataSync()[0];
    const penalty = 0.1 * w.reduce((s, v) => s + Math.abs(v), 0) + 0.2 * w.reduce((s, v) => s + v * v, 0) + 0.5 * b.reduce((s, v) => s + v * v, 0);
    const loss = (await model.trainOnBatch(x, y)) as number;
    expect(loss).toBeCloseTo(mse + penalty, 5);
    expect(dense.losses).toHaveLength(2);
    expect(dense.getConfig().kernelRegularizer).toEqual({ className: 'L1L2', config: { l1: 0.1, l2: 0.2 } });
  });

  it('constraints hold after every update: nonNeg, maxNorm, unitNorm, minMaxNorm', async () => {
    const constraints = [tn.constraints.nonNeg(), tn.constraints.maxNorm({ maxValue: 0.5 }), tn.constraints.unitNorm(), tn.constraints.minMaxNorm({ minValue: 0.2, maxValue: 0.3 })];
    for (const c of constraints) {
      const dense = tn.layers.dense({ units: 3, inputShape: [4], kernelConstraint: c, kernelInitializer: tn.initializers.randomNormal({ stddev: 2, seed: 3 }) });
      const model = tn.sequential({ layers: [dense] });
      model.compile({ optimizer: tn.train.sgd(0.1), loss: 'meanSquaredError' });
      await model.fit(tn.randomUniform([8, 4], -1, 1, 'float32', 1), tn.randomUniform([8, 3], -1, 1, 'float32', 2), { epochs: 2, batchSize: 4, verbose: 0 });
      const k = dense.getWeights()[0];
      const values = k.dataSync();
      const norms = [0, 1, 2].map((j) => Math.hypot(...[0, 1, 2, 3].map((i) => values[i * 3 + j])));
      if (c.className === 'NonNeg') expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      if (c.className === 'MaxNorm') expect(Math.max(...norms)).toBeLessThanOrEqual(0.5 + 1e-5);
      if (c.className === 'UnitNorm') norms.forEach((n) => expect(n).toBeCloseTo(1, 5));
      if (c.className === 'MinMaxNorm') norms.forEach((n) => expect(n >= 0.2 - 1e-5 && n <= 0.3 + 1e-5).toBe(true));
    }
  });

  it('a timeDistributed layer\'s constraint holds after an update, as it does for the same layer unwrapped', async () => {
    const kernels: number[][] = [];
    for (const wrap of [false, true]) {
      const dense = tn.layers.dense({ units: 1, kernelInitializer: 'zeros', kernelConstraint: 'nonNeg', useBias: false });
      const model = tn.sequential({ layers: wrap ? [tn.layers.timeDistributed({ layer: dense, inputShape: [1, 2] })] : [tn.layers.reshape({ targetShape: [2], inputShape: [1, 2] }), dense] });
      model.compile({ optimizer: tn.train.sgd(1), loss: 'meanSquaredError' });
      // The step pushes both kernel values to -10: the constraint clips them to 0.
      await model.trainOnBatch(tn.ones([1, 1, 2]), tn.fill(wrap ? [1, 1, 1] : [1, 1], -5));
      kernels.push(Array.from(dense.getWeights()[0].dataSync()));
    }
    expect(kernels).toEqual([[0, 0], [0, 0]]);
  });

  it('bad regularizer and constraint arguments are errors naming the argument', () => {
    expect(() => tn.regularizers.l2({ l2: -1 })).toThrow(/regularizers\.l2: l2 must be a finite number >= 0/);
    expect(() => tn.layers.dense({ units: 2, kernelRegularizer: 'l2' as never })).toThrow(/kernelRegularizer/);
    expect(() => tn.layers.dense({ units: 2, kernelConstraint: 'clip' as never })).toThrow(/kernelConstraint/);
    expect(() => tn.constraints.minMaxNorm({ minValue: 2, maxValue: 1 })).toThrow(/minValue/);
  });
});

describe('bad input to the new layers', () => {
  it('names the layer, the argument and what was expected', () => {
    // As TF.js: strides and dilations above 1 together are refused when the layer runs (by its op), not when it is made.
    for (const layer of [tn.layers.conv1d({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 }), tn.layers.conv2d({ filters: 2, kernelSize: 3, strides: [1, 2], dilationRate: [2, 1] })]) {
      expect(() => layer.apply(tn.ones(layer.name.startsWith('conv1d') ? [1, 9, 2] : [1, 9, 9, 2]))).toThrow(/conv2d: dilations must be 1 where strides are not 1/);
    }
    expect(() => tn.layers.separableConv2d({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 }).apply(tn.ones([1, 9, 9, 2]))).toThrow(/separableConv2d: dilations must be 1 where strides are not 1/);
    expect(() => tn.layers.conv2d({ filters: 2, kernelSize: 3, dilationRate: [2, 2, 2] as never })).toThrow(/layers\.conv2d: dilationRate must be a positive integer or a pair/);
    expect(() => tn.layers.depthwiseConv2d({ kernelSize: 3, dilationRate: 0 })).toThrow(/layers\.depthwiseConv2d: dilationRate/);
    expect(() => tn.layers.conv2dTranspose({ filters: 2, kernelSize: 3, dilationRate: 2 })).toThrow(/dilationRate must be 1 \(tessera does not implement dilated transposed convolutions\)/);
    expect(() => tn.sequential({ layers: [tn.layers.conv2d({ filters: 1, kernelSize: 3, dilationRate: 4, inputShape: [7, 6, 2] })] })).toThrow(/^Negative dimension size caused by adding layer conv2d_Conv2D\d+ with input shape \[,7,6,2\]$/);
    expect(() => tn.layers.conv1d({ filters: 2, kernelSize: 3, dilationRate: [2, 2] as never })).toThrow(/layers\.conv1d: dilationRate/);
    expect(() => tn.layers.conv1d({ filters: 2, kernelSize: 3, padding: 'full' as never })).toThrow(/layers\.conv1d: padding must be 'valid', 'same' or 'causal'/);
    expect(() => tn.layers.upSampling2d({ interpolation: 'bicubic' as never })).toThrow(/layers\.upSampling2d: interpolation must be 'nearest' or 'bilinear', got "bicubic"/);
    expect(() => tn.layers.flatten({ dataFormat: 'channelsMiddle' as never })).toThrow(/dataFormat/);
    expect(() => tn.layers.permute({ dims: [1, 1] })).toThrow(/dims/);
    expect(() => tn.layers.cropping2D({ cropping: 3, inputShape: [4, 4, 1] })).toThrow(/cropping/);
    expect(() => tn.layers.reshape({ targetShape: [-1, -1] })).toThrow(/targetShape/);
    expect(() => tn.layers.batchNormalization({ momentum: 2 })).toThrow(/momentum/);
    expect(() => tn.layers.dropout({ rate: 0.5, noiseShape: [null, 2], inputShape: [3] })).toThrow(/noiseShape/);
    expect(() => tn.layers.reshape({ targetShape: [4], inputShape: [3] })).toThrow(/fits targetShape/);
    expect(() => tn.layers.conv1d({ filters: 1, kernelSize: 3, inputShape: [4, 4, 1] })).toThrow(/rank 3/);
    expect(() => tn.layers.batchNormalization({ axis: 3, inputShape: [2] })).toThrow(/axis/);
    expect(() => tn.layers.reLU({ alpha: 1 } as never)).toThrow(/alpha/);
  });

  it('dropout noiseShape shares the mask along axes of size 1; spatialDropout1d drops whole channels', () => {
    const x = tn.ones([2, 5, 4]);
    const y = tn.layers.dropout({ rate: 0.5, noiseShape: [null, 1, 4], seed: 3 }).apply(x, { training: true }).arraySync() as number[][][];
    for (const sample of y) for (const row of sample) expect(row).toEqual(sample[0]);
    const s = tn.layers.spatialDropout1d({ rate: 0.5, seed: 4 }).apply(x, { training: true }).arraySync() as number[][][];
    for (const sample of s) for (const row of sample) expect(row).toEqual(sample[0]);
    expect(s.flat(2).some((v) => v === 0) && s.flat(2).some((v) => v === 2)).toBe(true);
  });
});
