import { Activation, Add, AlphaDropout, Average, BatchNormalization, Cropping2D, ELU, GaussianDropout, GaussianNoise, LeakyReLU, MaxPooling1D, Permute, PReLU, ReLU, RepeatVector, Reshape, Softmax, SpatialDropout1D, ThresholdedReLU, UpSampling2D, ZeroPadding2D, GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, LayerNormalization, Concatenate, Conv2D, Dense, Dot, Dropout, Flatten, MaxPooling2D, Maximum, Minimum, Multiply, Subtract, type Layer, type LayerArgs } from '../layers/index';
import { regularizerFromConfig, type Regularizer } from '../layers/regularizers';
import { constraintFromConfig, type Constraint } from '../layers/constraints';
import { isRecord, own } from '../io/json-checks';
import { isPositiveInt } from '../util/validate';
import type { ConfigReader } from './config-reader';
import { readInitializerSpec, savedInitializer, type InitializerSpec } from './saved-initializer';

/** A layer read from a file: enough to check shapes and weights before anything is built. */
export interface LayerPlan {
  /** The output shape (no batch dim) for an input shape; throws the layer's own error when it cannot work. */
  outputShape(input: readonly number[]): number[];
  /** The weights the layer will own for an input shape, in Keras order (kernel, then bias). */
  weightShapes(input: readonly number[]): { suffix: string; shape: number[] }[];
  /** The layer itself; its weights are placeholders until the file's values are assigned. */
  create(common: LayerArgs): Layer;
}

const GLOROT: InitializerSpec = { className: 'GlorotUniform', config: { seed: null } };
const ZEROS: InitializerSpec = { className: 'Zeros', config: {} };
const PADDINGS = ['valid', 'same'] as const;

/** A saved {class_name, config} regularizer or constraint, or null. */
function readSpec<T>(r: ConfigReader, key: string, make: (op: string, where: string, className: unknown, config: Record<string, unknown>) => T): T | undefined {
  const v = r.get(key);
  return v === undefined || v === null ? undefined : readSpecValue(r, key, v, make);
}

/** Settings TF.js and Keras write for every kernel layer. */
function readKernelParts(r: ConfigReader) {
  return {
    activation: r.activation('activation'),
    useBias: r.bool('use_bias', true),
    kernelInitializer: savedInitializer(readInitializerSpec(r.op, `${r.where}.kernel_initializer`, r.get('kernel_initializer'), GLOROT)),
    biasInitializer: savedInitializer(readInitializerSpec(r.op, `${r.where}.bias_initializer`, r.get('bias_initializer'), ZEROS)),
    kernelRegularizer: readSpec<Regularizer>(r, 'kernel_regularizer', regularizerFromConfig),
    biasRegularizer: readSpec<Regularizer>(r, 'bias_regularizer', regularizerFromConfig),
    activityRegularizer: readSpec<Regularizer>(r, 'activity_regularizer', regularizerFromConfig),
    kernelConstraint: readSpec<Constraint>(r, 'kernel_constraint', constraintFromConfig),
    biasConstraint: readSpec<Constraint>(r, 'bias_constraint', constraintFromConfig),
  };
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * A layer class read generically, as tfjs-layers deserializes: snake_case keys and string values become
 * camelCase, initializer / regularizer / constraint specs become objects, nulls are left out, and the
 * layer's own constructor checks the rest (rejecting any key it does not know).
 */
function generic(make: (args: Record<string, unknown>) => Layer): (r: ConfigReader, name: string) => LayerPlan {
  return (r, name) => {
    const args: Record<string, unknown> = {};
    for (const [key, v] of r.rest()) {
      if (v === null || v === undefined) continue;
      if (key.endsWith('_initializer')) args[camel(key)] = savedInitializer(readInitializerSpec(r.op, `${r.where}.${key}`, v, ZEROS));
      else if (key.endsWith('_regularizer')) args[camel(key)] = readSpecValue(r, key, v, regularizerFromConfig);
      else if (key.endsWith('_constraint')) args[camel(key)] = readSpecValue(r, key, v, constraintFromConfig);
      else args[camel(key)] = typeof v === 'string' ? camel(v) : v;
    }
    let probe: Layer;
    try {
      probe = make({ ...args, name });
    } catch (e) {
      throw new Error(`${r.op}: ${r.where}: ${(e as Error).message}`);
    }
    return {
      outputShape: (input) => probe.computeOutputShape(input) as number[],
      weightShapes: (input) => {
        const p = make({ ...args, name });
        p.build(input);
        const out = p.weights.map((v) => ({ suffix: v.name.slice(name.length + 1), shape: v.shape.slice() }));
        p.dispose();
        return out;
      },
      create: (common) => make({ ...args, ...common }),
    };
  };
}

function readSpecValue<T>(r: ConfigReader, key: string, v: unknown, make: (op: string, where: string, className: unknown, config: Record<string, unknown>) => T): T {
  if (!isRecord(v)) throw r.fail(key, v, 'null or {class_name, config}');
  const config = own(v, 'config') ?? {};
  if (!isRecord(config)) throw r.fail(`${key}.config`, config, 'an object');
  return make(r.op, `${r.where}.${key}`, own(v, 'class_name'), config);
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

const KINDS = new Map<string, (r: ConfigReader, name: string) => LayerPlan>([
  ['Conv2D', (r, name) => {
    const filters = r.positiveInt('filters');
    const kernelSize = r.pair('kernel_size');
    const strides = r.pair('strides', [1, 1]);
    const padding = r.oneOf('padding', PADDINGS, 'valid');
    r.oneOf('data_format', ['channels_last'], 'channels_last');
    r.unsupported('dilation_rate', [1, [1, 1]]);
    r.unsupported('groups', [1]);
    const k = readKernelParts(r);
    const probe = new Conv2D({ name, filters, kernelSize, strides, padding });
    return {
      outputShape: (input) => probe.computeOutputShape(input),
      weightShapes: (input) => kernelWeights([...kernelSize, input[2], filters], k.useBias),
      create: (common) => new Conv2D({ ...common, filters, kernelSize, strides, padding, ...k }),
    };
  }],
  ['Dense', (r, name) => {
    const units = r.positiveInt('units');
    const k = readKernelParts(r);
    const probe = new Dense({ name, units });
    return {
      outputShape: (input) => probe.computeOutputShape(input),
      weightShapes: (input) => kernelWeights([input[input.length - 1], units], k.useBias),
      create: (common) => new Dense({ ...common, units, ...k }),
    };
  }],
  ['MaxPooling2D', (r, name) => {
    const poolSize = r.pair('pool_size', [2, 2]);
    const strides = r.pair('strides', poolSize);
    const padding = r.oneOf('padding', PADDINGS, 'valid');
    const args = { poolSize, strides, padding, dataFormat: readDataFormat(r) };
    const probe = new MaxPooling2D({ name, ...args });
    return { outputShape: (input) => probe.computeOutputShape(input), weightShapes: () => [], create: (common) => new MaxPooling2D({ ...common, ...args }) };
  }],
  ['Flatten', (r, name) => {
    const dataFormat = readDataFormat(r);
    const probe = new Flatten({ name });
    return { outputShape: (input) => probe.computeOutputShape(input), weightShapes: () => [], create: (common) => new Flatten({ ...common, dataFormat }) };
  }],
  ['Dropout', (r) => {
    const rate = r.get('rate');
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) throw r.fail('rate', rate, 'a number in [0, 1)');
    const noiseShape = r.get('noise_shape');
    if (noiseShape !== undefined && noiseShape !== null && !(Array.isArray(noiseShape) && noiseShape.every((d) => d === null || isPositiveInt(d)))) throw r.fail('noise_shape', noiseShape, 'null or an array of positive sizes or nulls');
    const seed = r.get('seed');
    if (seed !== undefined && seed !== null && !(typeof seed === 'number' && Number.isFinite(seed))) throw r.fail('seed', seed, 'a finite number or null');
    return { outputShape: identity, weightShapes: () => [], create: (common) => new Dropout({ ...common, rate, seed: seed ?? undefined, noiseShape: (noiseShape as (number | null)[] | null) ?? undefined }) };
  }],
  ['Add', generic((a) => new Add(a))],
  ['Subtract', generic((a) => new Subtract(a))],
  ['Multiply', generic((a) => new Multiply(a))],
  ['Average', generic((a) => new Average(a))],
  ['Maximum', generic((a) => new Maximum(a))],
  ['Minimum', generic((a) => new Minimum(a))],
  ['Concatenate', generic((a) => new Concatenate(a))],
  ['Dot', generic((a) => new Dot(a as never))],
  ['BatchNormalization', generic((a) => new BatchNormalization(a))],
  ['ReLU', generic((a) => new ReLU(a))],
  ['LeakyReLU', generic((a) => new LeakyReLU(a))],
  ['PReLU', generic((a) => new PReLU(a))],
  ['ELU', generic((a) => new ELU(a))],
  ['ThresholdedReLU', generic((a) => new ThresholdedReLU(a))],
  ['Softmax', generic((a) => new Softmax(a))],
  ['Reshape', generic((a) => new Reshape(a as never))],
  ['Permute', generic((a) => new Permute(a as never))],
  ['RepeatVector', generic((a) => new RepeatVector(a as never))],
  ['ZeroPadding2D', generic((a) => new ZeroPadding2D(a))],
  ['Cropping2D', generic((a) => new Cropping2D(a as never))],
  ['UpSampling2D', generic((a) => new UpSampling2D(a))],
  ['GaussianNoise', generic((a) => new GaussianNoise(a as never))],
  ['GaussianDropout', generic((a) => new GaussianDropout(a as never))],
  ['AlphaDropout', generic((a) => new AlphaDropout(a as never))],
  ['SpatialDropout1D', generic((a) => new SpatialDropout1D(a as never))],
  ['MaxPooling1D', generic((a) => new MaxPooling1D(a))],
  ['LayerNormalization', generic((a) => new LayerNormalization(a))],
  ['GlobalAveragePooling2D', generic((a) => new GlobalAveragePooling2D(a))],
  ['GlobalMaxPooling2D', generic((a) => new GlobalMaxPooling2D(a))],
  ['GlobalAveragePooling1D', generic((a) => new GlobalAveragePooling1D(a))],
  ['GlobalMaxPooling1D', generic((a) => new GlobalMaxPooling1D(a))],
  ['Activation', (r) => {
    if (r.get('activation') === undefined) throw r.fail('activation', undefined, 'an activation name');
    const activation = r.activation('activation');
    return { outputShape: identity, weightShapes: () => [], create: (common) => new Activation({ ...common, activation }) };
  }],
]);

export const layerClassNames = [...KINDS.keys()];

/** The plan for a layer of a class tessera knows, or undefined for any other class name. */
export function readLayerKind(className: string, r: ConfigReader, name: string): LayerPlan | undefined {
  return KINDS.get(className)?.(r, name);
}
