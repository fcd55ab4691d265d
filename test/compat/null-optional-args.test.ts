import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// TF.js tests optional arguments with `x != null`, so a TF.js program may pass null for any of them and get the
// default. Each case runs once with null where TF.js allows it and once with the argument left out; the results
// must agree in shape, dtype and values.

/** null typed as whatever the argument takes: TF.js's TypeScript types leave null out, its JavaScript takes it. */
const NULL = null as never;

type Result = tn.Tensor | tn.Tensor[] | tn.Optimizer;

/** What a case's result is compared by: a tensor's shape, dtype and values; an optimizer's class and config. */
function summary(r: Result): unknown {
  if (Array.isArray(r)) return r.map(summary);
  if (r instanceof tn.Tensor) return { shape: r.shape, dtype: r.dtype, values: r.arraySync() };
  return { className: r.getClassName(), config: (r as unknown as { getConfig(): unknown }).getConfig() };
}

const a = () => tn.tensor2d([[1, 2, 3], [4, 5, 6]]);
const v1 = () => tn.tensor1d([1, -2]);

/** [name, with null, with the argument left out] */
const opCases: [string, () => Result, () => Result][] = [
  ["tensor(v, null, 'int32')", () => tn.tensor([1, 2], NULL, 'int32'), () => tn.tensor([1, 2], undefined, 'int32')],
  ["tensor2d(v, null, 'int32')", () => tn.tensor2d([[1, 2]], NULL, 'int32'), () => tn.tensor2d([[1, 2]], undefined, 'int32')],
  ['tensor1d(v, null)', () => tn.tensor1d([1, 2], NULL), () => tn.tensor1d([1, 2])],
  ['zeros([2], null)', () => tn.zeros([2], NULL), () => tn.zeros([2])],
  ["eye(2, null, null, 'int32')", () => tn.eye(2, NULL, NULL, 'int32'), () => tn.eye(2, undefined, undefined, 'int32')],
  ['randomNormal([2], null, null, null, 5)', () => tn.randomNormal([2], NULL, NULL, NULL, 5), () => tn.randomNormal([2], undefined, undefined, undefined, 5)],
  ["randomUniform([2], 0, 1, 'float32', null) (a fresh seed: the shape and range)", () => tn.greaterEqual(tn.randomUniform([2], 0, 1, 'float32', NULL), 0), () => tn.greaterEqual(tn.randomUniform([2], 0, 1, 'float32'), 0)],
  ['matMul(a, b, null, true)', () => tn.matMul(a(), a(), NULL, true), () => tn.matMul(a(), a(), undefined, true)],
  ['concat([a, a], null)', () => tn.concat([a(), a()], NULL), () => tn.concat([a(), a()])],
  ['stack([a, a], null)', () => tn.stack([a(), a()], NULL), () => tn.stack([a(), a()])],
  ['split(x, 2, null)', () => tn.split(tn.tensor2d([[1, 2], [3, 4]]), 2, NULL), () => tn.split(tn.tensor2d([[1, 2], [3, 4]]), 2)],
  ['expandDims(x, null)', () => tn.expandDims(v1(), NULL), () => tn.expandDims(v1())],
  ['pad(x, p, null)', () => tn.pad(v1(), [[1, 1]], NULL), () => tn.pad(v1(), [[1, 1]])],
  ['stridedSlice(x, b, e, null)', () => tn.stridedSlice(tn.tensor1d([1, 2, 3]), [0], [2], NULL), () => tn.stridedSlice(tn.tensor1d([1, 2, 3]), [0], [2])],
  ['batchNorm(x, m, v, null, null, null)', () => tn.batchNorm(v1(), tn.zeros([2]), tn.ones([2]), NULL, NULL, NULL), () => tn.batchNorm(v1(), tn.zeros([2]), tn.ones([2]))],
  [
    'losses.sigmoidCrossEntropy(y, l, null, null)',
    () => tn.losses.sigmoidCrossEntropy(tn.ones([2]), v1(), NULL, NULL),
    () => tn.losses.sigmoidCrossEntropy(tn.ones([2]), v1()),
  ],
  ['dropout(x, 0.5, null, 7)', () => tn.dropout(tn.ones([8]), 0.5, NULL, 7), () => tn.dropout(tn.ones([8]), 0.5, undefined, 7)],
  ['dropout(x, 0, null, null)', () => tn.dropout(v1(), 0, NULL, NULL), () => tn.dropout(v1(), 0)],
  ['variable(x, null)', () => tn.variable(v1(), NULL), () => tn.variable(v1())],
  ['train.momentum(0.1, 0.9, null)', () => tn.train.momentum(0.1, 0.9, NULL), () => tn.train.momentum(0.1, 0.9)],
  ['train.adam(null, null, null, null)', () => tn.train.adam(NULL, NULL, NULL, NULL), () => tn.train.adam()],
  ['train.rmsprop(0.1, null, null, null, null)', () => tn.train.rmsprop(0.1, NULL, NULL, NULL, NULL), () => tn.train.rmsprop(0.1)],
  ['train.sgd(0.1, null)', () => tn.train.sgd(0.1, NULL), () => tn.train.sgd(0.1)],
  ['grad(f)(x, null)', () => tn.grad((t) => tn.sum(tn.square(t)))(v1(), NULL), () => tn.grad((t) => tn.sum(tn.square(t)))(v1())],
  ['valueAndGrads(f)(xs, null)', () => tn.valueAndGrads((t) => tn.sum(tn.square(t)))([v1()], NULL).grads, () => tn.valueAndGrads((t) => tn.sum(tn.square(t)))([v1()]).grads],
  ['sum(x, null, null)', () => tn.sum(a(), NULL, NULL), () => tn.sum(a())],
  ['softmax(x, null)', () => tn.softmax(a(), NULL), () => tn.softmax(a())],
  ['oneHot(i, 3, null, null, null)', () => tn.oneHot(tn.tensor1d([0, 2], 'int32'), 3, NULL, NULL, NULL), () => tn.oneHot(tn.tensor1d([0, 2], 'int32'), 3)],
  ['conv2d(x, f, 1, "same", null, null)', () => tn.conv2d(tn.ones([1, 3, 3, 1]), tn.ones([2, 2, 1, 1]), 1, 'same', NULL, NULL), () => tn.conv2d(tn.ones([1, 3, 3, 1]), tn.ones([2, 2, 1, 1]), 1, 'same')],
];

describe('null for an optional op argument is the default, as in TF.js', () => {
  for (const [name, withNull, omitted] of opCases) {
    it(name, () => {
      tn.setRandomSeed(3);
      const expected = summary(omitted());
      tn.setRandomSeed(3);
      expect(summary(withNull())).toEqual(expected);
    });
  }

  it('opt.minimize(f, false, null) updates every variable f uses, as with no varList', () => {
    const x = tn.variable(tn.tensor1d([1, 2]));
    expect(tn.train.sgd(0.5).minimize(() => tn.sum(tn.square(x)), false, NULL)).toBeNull();
    expect(x.arraySync()).toEqual([0, 0]);
  });

  it('variableGrads(f, null) differentiates every variable f uses, as with no varList', () => {
    const x = tn.variable(tn.tensor1d([1, 2]));
    const { value, grads } = tn.variableGrads(() => tn.sum(tn.square(x)), NULL);
    expect(value.arraySync()).toBe(5);
    expect(grads[x.name]?.arraySync()).toEqual([2, 4]);
  });
});

describe('null for a required argument still throws, naming it', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['tensor(null)', () => tn.tensor(NULL), /tensor: values/],
    ['zeros(null)', () => tn.zeros(NULL), /zeros: shape must be an array of non-negative integers, got null/],
    ['matMul(a, null)', () => tn.matMul(a(), NULL), /matMul: b must be/],
    ['concat(null)', () => tn.concat(NULL), /concat: tensors/],
    ['split(x, null)', () => tn.split(a(), NULL), /split: numOrSizeSplits/],
    ['pad(x, null)', () => tn.pad(v1(), NULL), /pad: paddings/],
    ['variable(null)', () => tn.variable(NULL), /variable: initialValue must be a Tensor, got null/],
    ['train.momentum(0.1, null)', () => tn.train.momentum(0.1, NULL), /train.momentum: momentum must be a number in \[0, Infinity\), got null/],
    ['train.sgd(null)', () => tn.train.sgd(NULL), /train.sgd: learningRate must be a finite number/],
    ['layers.dense({units: null})', () => tn.layers.dense({ units: NULL }), /layers.dense: units must be a positive integer, got null/],
  ];
  for (const [name, f, message] of cases) it(name, () => expect(f).toThrow(message));

  it('a bad value for an optional argument still throws, naming it', () => {
    expect(() => tn.matMul(a(), a(), 'yes' as never, true)).toThrow(/matMul: transposeA must be a boolean, got string "yes"/);
    expect(() => tn.train.momentum(0.1, 0.9, 1 as never)).toThrow(/train.momentum: useNesterov must be a boolean, got number 1/);
    expect(() => tn.layers.maxPooling2d({ poolSize: 2, strides: 0 })).toThrow(/strides must be a positive integer/);
  });
});

/** [name, factory, the config without the optional fields, the optional fields to give as null, input shape] */
type LayerCase = [string, (config: never) => tn.Layer, Record<string, unknown>, string[], number[]];
const initAndRegs = ['kernelInitializer', 'biasInitializer', 'kernelRegularizer', 'biasRegularizer', 'activityRegularizer', 'kernelConstraint', 'biasConstraint'];
const base = ['name', 'trainable', 'dtype', 'weights', 'batchSize'];
const layerCases: LayerCase[] = [
  ['maxPooling2d', tn.layers.maxPooling2d, { poolSize: 2 }, ['strides', 'padding', 'dataFormat', ...base], [1, 4, 4, 1]],
  ['averagePooling2d', tn.layers.averagePooling2d, { poolSize: 2 }, ['strides', 'padding', 'dataFormat'], [1, 4, 4, 1]],
  ['maxPooling1d', tn.layers.maxPooling1d, { poolSize: 2 }, ['strides', 'padding'], [1, 4, 2]],
  ['conv2d', tn.layers.conv2d, { filters: 2, kernelSize: 2 }, ['strides', 'padding', 'dataFormat', 'dilationRate', 'activation', 'useBias', ...initAndRegs, ...base], [1, 4, 4, 1]],
  ['conv1d', tn.layers.conv1d, { filters: 2, kernelSize: 2 }, ['strides', 'padding', 'dilationRate', 'activation', 'useBias', ...initAndRegs], [1, 4, 2]],
  ['dense', tn.layers.dense, { units: 3 }, ['activation', 'useBias', 'inputDim', ...initAndRegs, ...base], [2, 4]],
  ['dropout', tn.layers.dropout, { rate: 0.5 }, ['noiseShape', 'seed', ...base], [2, 4]],
  ['embedding', tn.layers.embedding, { inputDim: 5, outputDim: 2 }, ['embeddingsInitializer', 'maskZero', 'inputLength', ...base], [2, 3]],
  ['batchNormalization', tn.layers.batchNormalization, {}, ['axis', 'momentum', 'epsilon', 'center', 'scale', 'betaInitializer', 'gammaInitializer', 'movingMeanInitializer', 'movingVarianceInitializer'], [2, 3]],
  [
    'simpleRNN',
    tn.layers.simpleRNN,
    { units: 2 },
    ['activation', 'useBias', 'returnSequences', 'returnState', 'goBackwards', 'stateful', 'unroll', 'dropout', 'recurrentDropout', 'recurrentInitializer', ...initAndRegs],
    [2, 3, 2],
  ],
  ['lstm', tn.layers.lstm, { units: 2 }, ['activation', 'useBias', 'returnSequences', 'unitForgetBias', 'implementation', 'dropout', 'recurrentDropout', ...initAndRegs], [2, 3, 2]],
  ['gru', tn.layers.gru, { units: 2 }, ['activation', 'useBias', 'returnSequences', 'resetAfter', 'implementation', ...initAndRegs], [2, 3, 2]],
  ['conv2dTranspose', tn.layers.conv2dTranspose, { filters: 2, kernelSize: 2 }, ['strides', 'padding', 'dataFormat', 'dilationRate', 'activation', ...initAndRegs], [1, 3, 3, 1]],
  ['depthwiseConv2d', tn.layers.depthwiseConv2d, { kernelSize: 2 }, ['depthMultiplier', 'strides', 'padding', 'dilationRate', 'depthwiseInitializer', 'depthwiseRegularizer', 'depthwiseConstraint'], [1, 3, 3, 2]],
  ['separableConv2d', tn.layers.separableConv2d, { filters: 2, kernelSize: 2 }, ['depthMultiplier', 'strides', 'padding', 'dilationRate', 'depthwiseInitializer', 'pointwiseInitializer'], [1, 3, 3, 2]],
  ['maxPooling3d', tn.layers.maxPooling3d, { poolSize: 2 }, ['strides', 'padding', 'dataFormat'], [1, 2, 2, 2, 1]],
  ['conv3d', tn.layers.conv3d, { filters: 1, kernelSize: 2 }, ['strides', 'padding', 'dilationRate', 'activation'], [1, 2, 2, 2, 1]],
  ['globalAveragePooling2d', tn.layers.globalAveragePooling2d, {}, ['dataFormat'], [1, 2, 2, 1]],
  ['flatten', tn.layers.flatten, {}, ['dataFormat'], [1, 2, 2]],
  ['zeroPadding2d', tn.layers.zeroPadding2d, {}, ['padding', 'dataFormat'], [1, 2, 2, 1]],
  ['upSampling2d', tn.layers.upSampling2d, {}, ['size', 'dataFormat', 'interpolation'], [1, 2, 2, 1]],
  ['leakyReLU', tn.layers.leakyReLU, {}, ['alpha'], [2, 2]],
  ['elu', tn.layers.elu, {}, ['alpha'], [2, 2]],
  ['reLU', tn.layers.reLU, {}, ['maxValue'], [2, 2]],
  ['thresholdedReLU', tn.layers.thresholdedReLU, {}, ['theta'], [2, 2]],
  ['softmax', tn.layers.softmax, {}, ['axis'], [2, 2]],
  ['prelu', tn.layers.prelu, {}, ['alphaInitializer', 'alphaRegularizer', 'alphaConstraint', 'sharedAxes'], [2, 2]],
  ['layerNormalization', tn.layers.layerNormalization, {}, ['axis', 'epsilon', 'center', 'scale', 'betaInitializer', 'gammaInitializer'], [2, 3]],
  ['gaussianNoise', tn.layers.gaussianNoise, { stddev: 0.1 }, [...base], [2, 3]],
  ['spatialDropout1d', tn.layers.spatialDropout1d, { rate: 0.5 }, ['seed'], [2, 3, 2]],
  ['masking', tn.layers.masking, {}, ['maskValue'], [2, 3, 2]],
  ['repeatVector', tn.layers.repeatVector, { n: 2 }, [...base], [2, 3]],
  ['rescaling', tn.layers.rescaling, { scale: 2 }, ['offset'], [2, 3]],
];

/**
 * A layer's result on a fixed input, and its config but for its name (each layer is named apart) and its unset
 * fields (Embedding echoes maskZero and inputLength as given, null or undefined, as TF.js's does).
 */
function layerSummary(layer: tn.Layer, inputShape: number[]): unknown {
  const x = tn.div(tn.range(0, inputShape.reduce((p, d) => p * d, 1)), 10).reshape(inputShape);
  const y = layer.apply(layer.getClassName() === 'Embedding' ? tn.cast(tn.floor(tn.mod(x, 5)), 'int32') : x) as tn.Tensor;
  const config = Object.entries(layer.getConfig()).filter(([k, v]) => k !== 'name' && v != null);
  return { y: summary(y), config: Object.fromEntries(config) };
}

describe('null for an optional layer config field is the field left unset, as in TF.js', () => {
  for (const [name, factory, config, nullKeys, inputShape] of layerCases) {
    it(`layers.${name} with ${nullKeys.join(', ')} null`, () => {
      tn.setRandomSeed(5);
      const expected = layerSummary(factory(config as never), inputShape);
      tn.setRandomSeed(5);
      const nulled = Object.fromEntries(nullKeys.map((k) => [k, null]));
      expect(layerSummary(factory({ ...config, ...nulled } as never), inputShape)).toEqual(expected);
    });
  }

  it('layers.maxPooling2d({poolSize: 2, strides: null, inputShape}) pools with strides poolSize, in a model', () => {
    const model = tn.sequential({ layers: [tn.layers.maxPooling2d({ poolSize: 2, strides: NULL, inputShape: [4, 4, 1] })] });
    expect(model.outputs[0].shape).toEqual([null, 2, 2, 1]);
  });

  it('inputShape and batchInputShape null are no shape', () => {
    const layer = tn.layers.dense({ units: 2, inputShape: NULL, batchInputShape: NULL });
    expect(tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [3] }), layer] }).outputs[0].shape).toEqual([null, 2]);
  });
});
