import { withoutTakingNames, type Layer, type LayerArgs } from '../layers/layer';
import { toCamelCase, toSnakeCase } from '../util/case';
import { constraintFromConfig, getConstraint } from '../layers/constraints';
import { getRegularizer, regularizerFromConfig } from '../layers/regularizers';
import type { Tensor } from '../tensor/tensor';
import { isRecord, own } from '../io/json-checks';
import type { ConfigReader } from './config-reader';
import type { LayerPlan } from './layer-plan';
import { readInitializerSpec, savedInitializer, type InitializerSpec } from './saved-initializer';

/** Keys the model reader handles for every layer. */
const COMMON = new Set(['name', 'trainable', 'dtype', 'batch_input_shape']);


/** Kernels whose initializer is named without '_kernel' (depthwise_initializer makes depthwise_kernel). */
const KERNEL_PARTS = new Set(['depthwise', 'pointwise', 'recurrent']);

/** The weight an initializer key makes: kernel_initializer -> kernel, depthwise_initializer -> depthwise_kernel, ... */
function weightOf(initKey: string): string {
  const base = initKey.slice(0, -'_initializer'.length);
  return KERNEL_PARTS.has(base) ? `${base}_kernel` : base;
}

/** The initializer argument that makes a weight: kernel -> kernelInitializer, recurrent_kernel -> recurrentInitializer, ... */
function initializerArgOf(weight: string): string {
  const part = weight.slice(0, -'_kernel'.length);
  return `${toCamelCase(weight.endsWith('_kernel') && KERNEL_PARTS.has(part) ? part : weight)}Initializer`;
}

function nested(r: ConfigReader, key: string, v: unknown): { className: string; config: Record<string, unknown> } {
  if (!isRecord(v) || typeof own(v, 'class_name') !== 'string') throw r.fail(key, v, 'a {class_name, config} object');
  const config = own(v, 'config') ?? {};
  if (!isRecord(config)) throw r.fail(`${key}.config`, config, 'an object');
  return { className: own(v, 'class_name') as string, config };
}

/** A saved regularizer or constraint (null or absent: none). */
export function readPenalty(r: ConfigReader, key: string): unknown {
  const v = r.get(key);
  if (v === null || v === undefined) return undefined;
  // A name ('non_neg', 'l1l2'), as TF.js reads one after camelCasing it.
  if (typeof v === 'string') {
    const named = toCamelCase(v);
    return key.endsWith('_regularizer') ? getRegularizer(r.op, `${r.where}.${key}`, named) : getConstraint(r.op, `${r.where}.${key}`, named);
  }
  const n = nested(r, key, v);
  try {
    return key.endsWith('_regularizer') ? regularizerFromConfig(n.className, n.config) : constraintFromConfig(n.className, n.config);
  } catch (e) {
    throw new Error(`${r.op}: ${r.where}.${key}: ${(e as Error).message}`);
  }
}

/**
 * The plan for a layer whose saved config is its constructor's arguments in snake_case (as TF.js writes every
 * layer): each key becomes the camelCase argument, so a key the layer does not take is refused by the layer itself.
 * Initializers keep the file's class and yield the saved values; regularizers and constraints are rebuilt. `neutral`
 * lists settings Keras writes for the class that the TF.js layer does not take, each with the values that ask for
 * nothing: those are accepted and dropped (as TF.js ignores them), any other value refused.
 */
export function configArgsPlan(
  r: ConfigReader, name: string, make: (args: LayerArgs & Record<string, unknown>) => Layer, neutral: Readonly<Record<string, readonly unknown[]>> = {},
): LayerPlan {
  for (const [key, values] of Object.entries(neutral)) r.unsupported(key, values);
  const args: Record<string, unknown> = {};
  const inits = new Map<string, { arg: string; spec: InitializerSpec }>();
  for (const key of r.keys()) {
    if (COMMON.has(key) || key in neutral) continue;
    const v = r.get(key);
    if (v === null || v === undefined) continue;
    const arg = toCamelCase(key);
    // Both readers name the file's path in their errors.
    if (key.endsWith('_initializer')) {
      inits.set(weightOf(key), { arg, spec: readInitializerSpec(r.op, `${r.where}.${key}`, v, { className: 'Zeros', config: {} }) });
    } else if (key.endsWith('_regularizer') || key.endsWith('_constraint')) {
      args[arg] = readPenalty(r, key);
    } else {
      // Settings whose saved values are snake_case spellings of TF.js's camelCase ones.
      args[arg] = (key === 'data_format' || key === 'output_mode') && typeof v === 'string' ? toCamelCase(v) : v;
    }
  }
  // The probe checks the settings now (before any layer is kept) and tells the weights' shapes and order.
  const probe = (input?: readonly number[]) => withoutTakingNames(() => {
    try {
      const layer = make({ ...args, name });
      if (!input) return layer;
      // Built with zeros, so that probing draws nothing from the seed sequence.
      const zeros = Object.keys(layer.savedConfig()).filter((k) => k.endsWith('_initializer')).map((k) => [toCamelCase(k), 'zeros']);
      const built = make({ ...args, ...Object.fromEntries(zeros), name });
      built.buildNoBatch(input.slice());
      return built;
    } catch (e) {
      throw new Error(`${r.op}: ${r.where}: ${(e as Error).message}`);
    }
  });
  probe().disposeWeights();
  const weightsFor = (input: readonly number[]) => {
    const layer = probe(input);
    const frozen = new Set(layer.nonTrainableWeights);
    const out = layer.weights.map((v) => ({ suffix: v.name.slice(name.length + 1), shape: v.shape.slice(), trainable: !frozen.has(v) }));
    layer.disposeWeights();
    return out;
  };
  let slots: string[] = [];
  return {
    outputShape: (input) => probe().outputShapeNoBatch(input) as number[],
    weightShapes: (input) => {
      const w = weightsFor(input);
      slots = w.map((x) => x.suffix);
      return w;
    },
    create: (common, weights: Tensor[]) => {
      const restored: Record<string, unknown> = {};
      const defaults = probe().savedConfig();
      slots.forEach((suffix, i) => {
        const known = inits.get(suffix);
        const initKey = known?.arg ?? initializerArgOf(suffix);
        const fallback = defaults[toSnakeCase(initKey)] as { class_name: string; config: InitializerSpec['config'] };
        const spec = known?.spec ?? { className: fallback.class_name, config: fallback.config };
        restored[initKey] = savedInitializer(spec, weights[i]);
      });
      for (const [suffix, { arg, spec }] of inits) if (!slots.includes(suffix)) restored[arg] = savedInitializer(spec, undefined);
      return make({ ...args, ...restored, ...common });
    },
  };
}
