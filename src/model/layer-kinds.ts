import * as L from '../layers/index';
import { Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, TimeDistributed, type Layer, type LayerArgs } from '../layers/index';
import type { Regularizer } from '../layers/regularizers';
import type { Constraint } from '../layers/constraints';
import { configArgsPlan, readPenalty } from './config-args';
import { ConfigReader } from './config-reader';
import { readInitializerSpec, savedInitializer, type InitializerSpec } from './saved-initializer';
import { SEQUENCE_KINDS, readBidirectional } from './sequence-kinds';
import { assertBoolean } from '../util/validate';
import type { LayerPlan } from './layer-plan';

export type { LayerPlan };

/** glorotUniform, as TF.js saves it. */
const GLOROT: InitializerSpec = { className: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } };
const ZEROS: InitializerSpec = { className: 'Zeros', config: {} };
const PADDINGS = ['valid', 'same'] as const;

/** Settings TF.js and Keras write for every kernel layer; tessera runs them only in their neutral form. */
function readKernelParts(r: ConfigReader) {
  return {
    kernelRegularizer: readPenalty(r, 'kernel_regularizer') as Regularizer | undefined,
    biasRegularizer: readPenalty(r, 'bias_regularizer') as Regularizer | undefined,
    activityRegularizer: readPenalty(r, 'activity_regularizer') as Regularizer | undefined,
    kernelConstraint: readPenalty(r, 'kernel_constraint') as Constraint | undefined,
    biasConstraint: readPenalty(r, 'bias_constraint') as Constraint | undefined,
    activation: r.activation('activation'),
    useBias: r.bool('use_bias', true),
    kernelInit: readInitializerSpec(r.op, `${r.where}.kernel_initializer`, r.get('kernel_initializer'), GLOROT),
    biasInit: readInitializerSpec(r.op, `${r.where}.bias_initializer`, r.get('bias_initializer'), ZEROS),
  };
}

/** The kernel-layer settings passed through as read. */
function penalties(k: ReturnType<typeof readKernelParts>) {
  const { activation, useBias, kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint } = k;
  return { activation, useBias, kernelRegularizer, biasRegularizer, activityRegularizer, kernelConstraint, biasConstraint };
}

function kernelWeights(kernel: number[], useBias: boolean) {
  const out = [{ suffix: 'kernel', shape: kernel }];
  if (useBias) out.push({ suffix: 'bias', shape: [kernel[kernel.length - 1]] });
  return out;
}

function readDataFormat(r: ConfigReader): 'channelsFirst' | 'channelsLast' {
  return r.oneOf('data_format', ['channels_last', 'channels_first'], 'channels_last') === 'channels_first' ? 'channelsFirst' : 'channelsLast';
}

const identity = (input: readonly number[]) => input.slice();

/**
 * Dropout and SpatialDropout1D: their settings as saved, a null kept as null (TF.js's loaded layer gives it back in
 * getConfig, where a layer made without it gives undefined).
 */
function dropoutPlan(make: (args: L.DropoutLayerArgs) => Dropout): (r: ConfigReader, name: string) => LayerPlan {
  return (r, name) => {
    const rate = r.get('rate');
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) throw r.fail('rate', rate, 'a number in [0, 1)');
    const seed = r.get('seed');
    if (seed !== undefined && seed !== null && !(typeof seed === 'number' && Number.isFinite(seed))) throw r.fail('seed', seed, 'a finite number or null');
    const noiseShape = r.get('noise_shape');
    const isDim = (d: unknown) => d === null || (typeof d === 'number' && Number.isInteger(d) && d > 0);
    if (noiseShape !== undefined && noiseShape !== null && !(Array.isArray(noiseShape) && noiseShape.every(isDim))) {
      throw r.fail('noise_shape', noiseShape, 'null or an array of positive integers or nulls');
    }
    const settings = { rate, noiseShape, seed } as L.DropoutLayerArgs;
    // Its fit to the input's rank is checked by the layer itself, before the model is made.
    const probe = make({ ...settings, name, seed: 0 });
    return { outputShape: (input) => probe.outputShapeNoBatch(input), weightShapes: () => [], create: (common) => make({ ...common, ...settings }) };
  };
}

const KINDS = new Map<string, (r: ConfigReader, name: string) => LayerPlan>([
  ['Conv2D', (r, name) => {
    const filters = r.positiveInt('filters');
    const kernelSize = r.pair('kernel_size');
    const strides = r.pair('strides', [1, 1]);
    const padding = r.oneOf('padding', PADDINGS, 'valid');
    const dataFormat = readDataFormat(r);
    const dilationRate = r.pair('dilation_rate', [1, 1]);
    r.unsupported('groups', [1]);
    const k = readKernelParts(r);
    const probe = new Conv2D({ name, filters, kernelSize, strides, padding, dataFormat, dilationRate });
    return {
      outputShape: (input) => probe.outputShapeNoBatch(input),
      weightShapes: (input) => kernelWeights([...kernelSize, dataFormat === 'channelsLast' ? input[2] : input[0], filters], k.useBias),
      create: (common, w) => new Conv2D({
        ...common, filters, kernelSize, strides, padding, dataFormat, dilationRate, ...penalties(k),
        kernelInitializer: savedInitializer(k.kernelInit, w[0]), biasInitializer: savedInitializer(k.biasInit, w[1]),
      }),
    };
  }],
  ['Dense', (r, name) => {
    const units = r.positiveInt('units');
    const k = readKernelParts(r);
    const probe = new Dense({ name, units });
    return {
      outputShape: (input) => probe.outputShapeNoBatch(input),
      weightShapes: (input) => kernelWeights([input[input.length - 1], units], k.useBias),
      create: (common, w) => new Dense({
        ...common, units, ...penalties(k),
        kernelInitializer: savedInitializer(k.kernelInit, w[0]), biasInitializer: savedInitializer(k.biasInit, w[1]),
      }),
    };
  }],
  ['MaxPooling2D', (r, name) => {
    const poolSize = r.pair('pool_size', [2, 2]);
    const strides = r.pair('strides', poolSize);
    const padding = r.oneOf('padding', PADDINGS, 'valid');
    const args = { poolSize, strides, padding, dataFormat: readDataFormat(r) };
    const probe = new MaxPooling2D({ name, ...args });
    return { outputShape: (input) => probe.outputShapeNoBatch(input), weightShapes: () => [], create: (common) => new MaxPooling2D({ ...common, ...args }) };
  }],
  ['Flatten', (r, name) => {
    // Given only where the file gives it, so that saving again writes what was read (TF.js writes it only when given).
    const dataFormat = r.get('data_format') == null ? undefined : readDataFormat(r);
    const probe = new Flatten({ name, dataFormat });
    return { outputShape: (input) => probe.outputShapeNoBatch(input), weightShapes: () => [], create: (common) => new Flatten({ ...common, dataFormat }) };
  }],
  ['Dropout', dropoutPlan((a) => new Dropout(a))],
  ['Activation', (r) => {
    if (r.get('activation') === undefined) throw r.fail('activation', undefined, 'an activation name');
    const activation = r.activation('activation');
    return { outputShape: identity, weightShapes: () => [], create: (common) => new Activation({ ...common, activation }) };
  }],
  ['TimeDistributed', (r, name) => {
    // The inner layer's entry is read as a layer of its own, its weights the wrapper's.
    const { className, reader: inner, name: saved } = r.nested('layer');
    const innerName = saved ?? `${name}_inner`;
    // The inner layer's own input shape (TF.js saves the one it was given) is the wrapper's business, as in bidirectional.
    inner.get('batch_input_shape');
    const plan = readLayerKind(className, inner, innerName);
    if (!plan) throw r.fail('layer.class_name', className, `one of ${layerClassNames.join(', ')}`);
    inner.finish();
    return {
      outputShape: (input) => [input[0], ...plan.outputShape(input.slice(1))],
      weightShapes: (input) => plan.weightShapes(input.slice(1)),
      // Made without an input shape: the wrapper builds it in its own name scope ('td/kernel'), as in a new model.
      create: (common, w) => new TimeDistributed({ ...common, layer: plan.create({ name: innerName }, w) }),
    };
  }],
  ['Bidirectional', (r, name) => readBidirectional(r, name, readLayerKind)],
  ...SEQUENCE_KINDS,
]);

/**
 * Keras writes BatchNormalization's axis as a list once built ([3], [-1]), which the layer takes and keeps, and from
 * 2.12 `synchronized` (whether replicas share batch statistics: on one device either value computes the same).
 */
function kerasBatchNormArgs({ synchronized, ...args }: LayerArgs & Record<string, unknown>): LayerArgs & Record<string, unknown> {
  if (synchronized !== undefined) assertBoolean('layers.batchNormalization', 'synchronized', synchronized);
  return args;
}

/** Layers whose saved config is their TF.js arguments in snake_case. */
const BY_ARGS: [string, (args: LayerArgs & Record<string, unknown>) => Layer][] = [
  // A saved ReLU without a cap says max_value: null, which its loaded getConfig gives back (as TF.js's).
  ['ReLU', (a) => new L.ReLU({ maxValue: null, ...a } as unknown as L.ReLULayerArgs)],
  ['LeakyReLU', (a) => new L.LeakyReLU(a)],
  ['PReLU', (a) => new L.PReLU(a)],
  ['ELU', (a) => new L.ELU(a)],
  ['ThresholdedReLU', (a) => new L.ThresholdedReLU(a)],
  ['Softmax', (a) => new L.Softmax(a)],
  ['Conv1D', (a) => new L.Conv1D(a as unknown as L.Conv1DLayerArgs)],
  ['MaxPooling1D', (a) => new L.MaxPooling1D(a)],
  ['AveragePooling1D', (a) => new L.AveragePooling1D(a)],
  ['AveragePooling2D', (a) => new L.AveragePooling2D(a)],
  ['Conv3D', (a) => new L.Conv3D(a as unknown as L.Conv3DLayerArgs)],
  ['Conv3DTranspose', (a) => new L.Conv3DTranspose(a as unknown as L.Conv3DLayerArgs)],
  ['MaxPooling3D', (a) => new L.MaxPooling3D(a)],
  ['AveragePooling3D', (a) => new L.AveragePooling3D(a)],
  ['GlobalAveragePooling1D', (a) => new L.GlobalAveragePooling1D(a)],
  ['GlobalMaxPooling1D', (a) => new L.GlobalMaxPooling1D(a)],
  ['GlobalAveragePooling2D', (a) => new L.GlobalAveragePooling2D(a)],
  ['GlobalMaxPooling2D', (a) => new L.GlobalMaxPooling2D(a)],
  ['GaussianNoise', (a) => new L.GaussianNoise(a as unknown as L.GaussianNoiseLayerArgs)],
  ['GaussianDropout', (a) => new L.GaussianDropout(a as unknown as L.GaussianDropoutLayerArgs)],
  ['AlphaDropout', (a) => new L.AlphaDropout(a as unknown as L.AlphaDropoutLayerArgs)],
  ['BatchNormalization', (a) => new L.BatchNormalization(kerasBatchNormArgs(a))],
  ['LayerNormalization', (a) => new L.LayerNormalization(a)],
  ['Reshape', (a) => new L.Reshape(a as unknown as L.ReshapeLayerArgs)],
  ['UpSampling2D', (a) => new L.UpSampling2D(a)],
  ['Permute', (a) => new L.Permute(a as unknown as L.PermuteLayerArgs)],
  ['ZeroPadding2D', (a) => new L.ZeroPadding2D(a)],
  ['Cropping2D', (a) => new L.Cropping2D(a as unknown as L.Cropping2DLayerArgs)],
  ['Rescaling', (a) => new L.Rescaling(a as unknown as L.RescalingArgs)],
  ['CategoryEncoding', (a) => new L.CategoryEncoding(a as unknown as L.CategoryEncodingArgs)],
  ['Resizing', (a) => new L.Resizing(a as unknown as L.ResizingArgs)],
  ['CenterCrop', (a) => new L.CenterCrop(a as unknown as L.CenterCropArgs)],
  ['Add', (a) => new L.Add(a)],
  ['Subtract', (a) => new L.Subtract(a)],
  ['Multiply', (a) => new L.Multiply(a)],
  ['Average', (a) => new L.Average(a)],
  ['Maximum', (a) => new L.Maximum(a)],
  ['Minimum', (a) => new L.Minimum(a)],
  ['Concatenate', (a) => new L.Concatenate(a)],
  ['Dot', (a) => new L.Dot(a as unknown as L.DotLayerArgs)],
  ['Conv2DTranspose', (a) => new L.Conv2DTranspose(a as unknown as L.Conv2DTransposeLayerArgs)],
  ['DepthwiseConv2D', (a) => new L.DepthwiseConv2D(a as unknown as L.DepthwiseConv2DLayerArgs)],
  ['SeparableConv2D', (a) => new L.SeparableConv2D(a as unknown as L.SeparableConv2DLayerArgs)],
  ['ConvLSTM2D', (a) => new L.ConvLSTM2D(a as unknown as L.ConvLSTM2DArgs)],
];
/**
 * Settings Keras 2.x writes for every layer of these classes (and tensorflowjs_converter copies into model.json) that
 * the TF.js layers do not take, with the values that ask for nothing (TF.js ignores the keys; its 1-D pools are
 * channels-last).
 */
const GROUPS = { groups: [1] };
const CHANNELS_LAST = { data_format: ['channels_last'] };
const KERAS_NEUTRAL: Record<string, Record<string, readonly unknown[]>> = {
  ReLU: { negative_slope: [0], threshold: [0] },
  Conv1D: GROUPS, Conv2DTranspose: GROUPS, Conv3D: GROUPS, Conv3DTranspose: GROUPS, DepthwiseConv2D: GROUPS, SeparableConv2D: GROUPS,
  MaxPooling1D: CHANNELS_LAST, AveragePooling1D: CHANNELS_LAST,
  GlobalAveragePooling1D: { keepdims: [false], ...CHANNELS_LAST }, GlobalMaxPooling1D: { keepdims: [false], ...CHANNELS_LAST },
  GlobalAveragePooling2D: { keepdims: [false] }, GlobalMaxPooling2D: { keepdims: [false] },
  ConvLSTM2D: { time_major: [false] },
};
for (const [className, make] of BY_ARGS) KINDS.set(className, (r, name) => configArgsPlan(r, name, make, KERAS_NEUTRAL[className]));
KINDS.set('SpatialDropout1D', dropoutPlan((a) => new L.SpatialDropout1D(a as L.SpatialDropout1DLayerArgs)));

export const layerClassNames = [...KINDS.keys()];

/** The plan for a layer of a class tessera knows, or undefined for any other class name. */
export function readLayerKind(className: string, r: ConfigReader, name: string): LayerPlan | undefined {
  return KINDS.get(className)?.(r, name);
}
