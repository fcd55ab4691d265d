import { getInitializer, initializerConfig, type Initializer } from '../layers/initializers';
import { toCamelCase, tsConfig, type ConfigValue } from '../util/case';
import { registeredApplier } from '../layers/serialization';
import { ScopedSetting } from '../util/scoped-setting';
import { copyHostValues } from '../backend/host-values';
import { Tensor, arrayTypeFor, sizeOfShape, type DType } from '../tensor/tensor';
import { badValue, isRecord, own } from '../io/json-checks';
import { checkEntryKeys } from './config-reader';

type ValueKind = 'number' | 'seed' | 'mode' | 'distribution';

/** The initializer classes TF.js and Keras write, with the config keys each may carry. */
const CLASSES = new Map<string, Record<string, ValueKind>>([
  ['Zeros', {}],
  ['Ones', {}],
  ['Constant', { value: 'number' }],
  ['RandomUniform', { minval: 'number', maxval: 'number', seed: 'seed' }],
  ['RandomNormal', { mean: 'number', stddev: 'number', seed: 'seed' }],
  ['TruncatedNormal', { mean: 'number', stddev: 'number', seed: 'seed' }],
  ['VarianceScaling', { scale: 'number', mode: 'mode', distribution: 'distribution', seed: 'seed' }],
  ['GlorotUniform', { seed: 'seed' }],
  ['GlorotNormal', { seed: 'seed' }],
  ['HeUniform', { seed: 'seed' }],
  ['HeNormal', { seed: 'seed' }],
  ['LeCunUniform', { seed: 'seed' }],
  ['LeCunNormal', { seed: 'seed' }],
  ['Orthogonal', { gain: 'number', seed: 'seed' }],
  ['Identity', { gain: 'number' }],
]);

/** The classes above that name a VarianceScaling setting (TF.js's subclasses of it, saved under its name). */
const VARIANCE_SCALING_SETTINGS = new Set(['GlorotUniform', 'GlorotNormal', 'HeUniform', 'HeNormal', 'LeCunUniform', 'LeCunNormal']);

const MODES = ['fan_in', 'fan_out', 'fan_avg'];
const DISTRIBUTIONS = ['normal', 'uniform', 'truncated_normal', 'untruncated_normal'];

export interface InitializerSpec {
  className: string;
  config: Record<string, number | string | null>;
}

function valueFits(kind: ValueKind, v: unknown): boolean {
  if (kind === 'number') return typeof v === 'number' && Number.isFinite(v);
  if (kind === 'seed') return v === null || (typeof v === 'number' && Number.isFinite(v));
  return typeof v === 'string' && (kind === 'mode' ? MODES : DISTRIBUTIONS).includes(v);
}

/** Checks a {class_name, config} initializer from a file and copies only the keys its class has. */
export function readInitializerSpec(op: string, where: string, v: unknown, fallback: InitializerSpec): InitializerSpec {
  if (v === undefined || v === null) return fallback;
  // A name ('glorot_uniform', 'ones'), as Keras and TF.js read one.
  if (typeof v === 'string') {
    const saved = initializerConfig(getInitializer(op, where, v));
    return { className: saved.class_name, config: saved.config };
  }
  if (!isRecord(v)) throw badValue(op, where, v, 'an initializer {class_name, config} or its name');
  checkEntryKeys(op, where, v, ['class_name', 'config'], 'an initializer');
  const className = own(v, 'class_name');
  const keys = typeof className === 'string' ? CLASSES.get(className) : undefined;
  const raw = own(v, 'config') ?? {};
  // The user's registered initializer class, made from its config as TF.js's loader makes it (which checks the config).
  if (!keys && typeof className === 'string' && isRecord(raw) && registeredApplier({ className, config: tsConfig(raw as ConfigValue) })) return { className, config: raw as InitializerSpec['config'] };
  if (typeof className !== 'string' || !keys) throw badValue(op, `${where}.class_name`, className, `one of ${[...CLASSES.keys()].join(', ')}`);
  if (!isRecord(raw)) throw badValue(op, `${where}.config`, raw, 'an object');
  const config: Record<string, number | string | null> = {};
  for (const key of Object.keys(raw)) {
    // tf.keras under TF 1.x wrote the dtype into every initializer's config; the weight's dtype is the layer's, as in TF.js.
    if (key === 'dtype' && typeof raw[key] === 'string') continue;
    // tessera writes seed: null even for Zeros and Ones; a seed means nothing there but is harmless.
    const kind = Object.hasOwn(keys, key) ? keys[key] : key === 'seed' ? 'seed' : undefined;
    if (!kind) throw badValue(op, `${where}.config.${key}`, raw[key], `absent (${className} takes ${Object.keys(keys).join(', ') || 'no settings'})`);
    if (!valueFits(kind, raw[key])) throw badValue(op, `${where}.config.${key}`, raw[key], kind === 'seed' ? 'a finite number or null' : kind === 'number' ? 'a finite number' : `one of ${(kind === 'mode' ? MODES : DISTRIBUTIONS).join(', ')}`);
    config[key] = raw[key] as number | string | null;
  }
  // Keras's GlorotUniform, HeNormal, ... are settings of VarianceScaling; TF.js reads them as such and saves them so.
  if (VARIANCE_SCALING_SETTINGS.has(className)) {
    const saved = initializerConfig(getInitializer(op, where, { className, config }));
    return { className: saved.class_name, config: saved.config };
  }
  return { className, config };
}

const drawing = new ScopedSetting(false);

/**
 * Runs build (the reading of a topology) with the layers drawing each weight from the initializer the file names,
 * where they have no saved values: a topology alone (tf.models.modelFromJSON) starts as TF.js starts it, not from
 * placeholders that no file's values will replace.
 */
export function drawingFresh<T>(build: () => T): T {
  return drawing.during(true, build);
}

/**
 * The initializer a loaded layer keeps: it records the file's initializer, so saving again writes what was
 * read even for classes tessera cannot draw from (TF.js's default VarianceScaling among them). It yields a copy
 * of the saved values when given them (the caller keeps and frees the values), and otherwise zeros as
 * placeholders that the file's values replace once the model is assembled (or, in drawingFresh, fresh draws).
 */
export function savedInitializer(spec: InitializerSpec, values?: Tensor): Initializer {
  // The file spells modes and distributions in snake_case ('fan_avg', 'truncated_normal').
  if (values === undefined && drawing.value) {
    const config = Object.fromEntries(Object.entries(spec.config).map(([k, v]) => [k, typeof v === 'string' ? toCamelCase(v) : v]));
    return getInitializer('loadLayersModel', 'initializer', { className: spec.className, config });
  }
  return {
    className: spec.className,
    getClassName: () => spec.className,
    restores: true,
    getConfig: () => ({ ...spec.config }),
    apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
      const v = values;
      const fits = v !== undefined && !v.isDisposed && v.dtype === dtype && v.shape.length === shape.length && v.shape.every((d, i) => d === shape[i]);
      return new Tensor(shape, dtype, fits ? copyHostValues(v.hostValues(), true) : new (arrayTypeFor(dtype))(sizeOfShape(shape)));
    },
  };
}
