import { Conv1D, Conv2DTranspose, DepthwiseConv2D, Activation, Add, AlphaDropout, AveragePooling1D, AveragePooling2D, Average, BatchNormalization, Cropping2D, ELU, GaussianDropout, GaussianNoise, LeakyReLU, MaxPooling1D, Permute, PReLU, ReLU, Reshape, Softmax, SpatialDropout1D, ThresholdedReLU, UpSampling2D, ZeroPadding2D, GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, LayerNormalization, Concatenate, Conv2D, Dense, Dot, Dropout, Flatten, MaxPooling2D, Maximum, Minimum, Multiply, Subtract, TimeDistributed, type Layer } from '../layers/index';
import { regularizerFromConfig, type Regularizer } from '../layers/regularizers';
import { constraintFromConfig, type Constraint } from '../layers/constraints';
import { isRecord, own } from '../io/json-checks';
import { isPositiveInt } from '../util/validate';
import { ConfigReader } from './config-reader';
import { readInitializerSpec, savedInitializer, type InitializerSpec } from './saved-initializer';
import { SEQUENCE_KINDS } from './sequence-kinds';
import type { LayerPlan } from './layer-plan';

export type { LayerPlan };

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
  ['ZeroPadding2D', generic((a) => new ZeroPadding2D(a))],
  ['Cropping2D', generic((a) => new Cropping2D(a as never))],
  ['UpSampling2D', generic((a) => new UpSampling2D(a))],
  ['GaussianNoise', generic((a) => new GaussianNoise(a as never))],
  ['GaussianDropout', generic((a) => new GaussianDropout(a as never))],
  ['AlphaDropout', generic((a) => new AlphaDropout(a as never))],
  ['SpatialDropout1D', generic((a) => new SpatialDropout1D(a as never))],
  ['MaxPooling1D', generic((a) => new MaxPooling1D(a))],
  ['Conv1D', generic((a) => new Conv1D(a as never))],
  ['Conv2DTranspose', generic((a) => new Conv2DTranspose(a as never))],
  ['DepthwiseConv2D', generic((a) => new DepthwiseConv2D(a as never))],
  ['AveragePooling1D', generic((a) => new AveragePooling1D(a))],
  ['AveragePooling2D', generic((a) => new AveragePooling2D(a))],
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
  ['TimeDistributed', (r, name) => {
    // The inner layer's entry is read as a layer of its own, its weights the wrapper's.
    const entry = r.get('layer') as { class_name?: unknown; config?: Record<string, unknown> } | undefined;
    const config = entry?.config;
    if (!entry || typeof entry.class_name !== 'string' || !config || typeof config !== 'object') throw r.fail('layer', entry, 'a layer entry {class_name, config}');
    const inner = new ConfigReader(r.op, `${r.where}.layer.config`, config);
    const innerName = typeof config.name === 'string' ? config.name : `${name}_inner`;
    inner.get('name');
    inner.get('trainable');
    inner.get('dtype');
    const plan = readLayerKind(entry.class_name, inner, innerName);
    if (!plan) throw r.fail('layer.class_name', entry.class_name, `one of ${layerClassNames.join(', ')}`);
    inner.finish();
    return {
      outputShape: (input) => [input[0], ...plan.outputShape(input.slice(1))],
      weightShapes: (input) => plan.weightShapes(input.slice(1)),
      create: (common, w) => new TimeDistributed({ ...common, layer: plan.create({ name: innerName, inputShape: common.inputShape?.slice(1) }, w) }),
    };
  }],
  ...SEQUENCE_KINDS,
]);

export const layerClassNames = [...KINDS.keys()];

/** The plan for a layer of a class tessera knows, or undefined for any other class name. */
export function readLayerKind(className: string, r: ConfigReader, name: string): LayerPlan | undefined {
  return KINDS.get(className)?.(r, name);
}
