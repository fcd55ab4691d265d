import { Random, nextDefaultSeed, randomSeedSet, samplerSeed } from '../util/random';
import { gaussSampler, uniformSampler, type Sampler } from '../util/tfjs-samplers';
import { pythonicConfig, toCamelCase, type ConfigValue } from '../util/case';
import { registeredApplier } from './serialization';
import { Tensor, arrayTypeFor, sizeOfShape, type DType } from '../tensor/tensor';
import { argError, assertFiniteNumber, assertShape, checkKnownKeys, fmtValue } from '../util/validate';

/** Makes the initial values of a weight, from its shape (Keras layouts: dense [in, out], conv [kh, kw, in, out]). */
export interface Initializer {
  readonly className: string;
  /** The class TF.js saves it as (its named VarianceScaling helpers say 'VarianceScaling'), as Serializable's. */
  getClassName(): string;
  apply(shape: readonly number[], dtype?: DType): Tensor;
  getConfig(): Record<string, number | string | null>;
  /** True for an initializer that yields saved values (a loaded model's): layers use them as they are. */
  readonly restores?: boolean;
}

/**
 * Fan-in and fan-out as TF.js's computeFans: for rank 2 to 5 the receptive field multiplies the channel dims; any
 * other rank (a bias) takes sqrt(size) for both, where Keras takes the size, so seeded values match TF.js's.
 */
function fans(shape: readonly number[]): [number, number] {
  if (shape.length < 2 || shape.length > 5) {
    const fan = Math.sqrt(sizeOfShape(shape));
    return [fan, fan];
  }
  const receptive = sizeOfShape(shape.slice(0, -2));
  return [shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive];
}

/**
 * Where an initializer's values come from: TF.js's samplers, started afresh at every apply as TF.js's initializers
 * start them, from the seed or else from Math.random() as TF.js takes it (its normal draws take a seed of 0 as
 * none too), so they give TF.js's values; after setRandomSeed, an unseeded one draws from tessera's sequence.
 */
interface Draws {
  uniform(min: number, max: number): Sampler;
  /** Normal values; with `truncated`, redrawn until within two standard deviations of the mean. */
  normal(mean: number, stddev: number, truncated: boolean): Sampler;
}

/** For int32 weights: TF.js's normal sampler rounds its draws, where its uniform one's are truncated as they are stored. */
function roundedNormals(draws: Draws): Draws {
  return {
    uniform: draws.uniform,
    normal: (mean, stddev, truncated) => {
      const next = draws.normal(mean, stddev, truncated);
      return () => Math.round(next());
    },
  };
}

/** The seed is taken when a sampler is made, so an initializer that draws nothing takes no Math.random(). */
function tfjsDraws(seed: number | undefined): Draws {
  return {
    uniform: (min, max) => uniformSampler(samplerSeed(seed), min, max),
    normal: (mean, stddev, truncated) => gaussSampler(samplerSeed(seed, true), mean, stddev, truncated, false),
  };
}

function streamDraws(rng: Random): Draws {
  return {
    uniform: (min, max) => () => rng.uniform(min, max),
    normal: (mean, stddev, truncated) => () => {
      let z = rng.normal();
      while (truncated && Math.abs(z) > 2) z = rng.normal();
      return mean + stddev * z;
    },
  };
}

/**
 * `config` is the saved (Keras) form: names in snake_case, an unset seed as null. getConfig gives TF.js's: names in
 * camelCase, and `seed` as TF.js keeps it: a number, null (its named VarianceScaling helpers made without arguments,
 * and configs that say null) or undefined (not given).
 */
function make(className: string, config: Record<string, number | string | null>, draw: (shape: readonly number[], draws: Draws, dtype: DType) => Sampler, seed?: number | null, random = true): Initializer {
  // Only the random initializers take a seed; TF.js writes {} for the constant ones.
  const saved = random ? { ...config, seed: seed ?? null } : { ...config };
  const view = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === 'string' ? toCamelCase(v) : v]));
  const init: Initializer = {
    className,
    getClassName: () => className,
    // TF.js's ConfigDict type has no undefined, yet its getConfig holds one for a seed never given, as here.
    getConfig: () => (random ? { ...view, seed: seed as number | null } : { ...view }),
    apply(shape, dtype = 'float32') {
      assertShape(`${className}.apply`, 'shape', shape);
      const draws = seed == null && randomSeedSet() ? streamDraws(new Random(nextDefaultSeed())) : tfjsDraws(seed ?? undefined);
      const next = draw(shape, dtype === 'int32' ? roundedNormals(draws) : draws, dtype);
      const values = new (arrayTypeFor(dtype))(sizeOfShape(shape));
      for (let i = 0; i < values.length; i++) values[i] = next();
      return new Tensor(shape, dtype, values);
    },
  };
  savedForms.set(init, saved);
  return init;
}

/** The saved form of each initializer made here (an initializer of the user's own saves its getConfig as it is). */
const savedForms = new WeakMap<Initializer, Record<string, number | string | null>>();
/** Each saved {class_name, config} of one of those, and the initializer it describes. */
const described = new WeakMap<object, Initializer>();

/**
 * An initializer's config, its keys checked (a misspelled minval is never silently the default) and its seed, if
 * any, under the initializer's own name; null is none.
 */
function checkConfig<T extends object>(op: string, config: T | undefined, known: readonly string[]): T {
  if (config == null) return {} as T;
  if (typeof config !== 'object' || Array.isArray(config)) throw argError(op, 'config', fmtValue(config), 'an object');
  checkKnownKeys(op, 'config', config, known);
  const { seed } = config as { seed?: unknown };
  if (seed != null && !Number.isFinite(seed)) throw argError(op, 'seed', fmtValue(seed), 'a finite number');
  return config;
}

/** The seed of a named VarianceScaling (glorotUniform, heNormal, ...): TF.js's are null when made without arguments. */
function helperSeed(op: string, config: { seed?: number | null } | undefined): number | null | undefined {
  return config == null ? null : checkConfig(op, config, ['seed']).seed;
}

/** Uniform in ±sqrt(6 / (fanIn + fanOut)): Keras's default for kernels. */
export function glorotUniform(config?: { seed?: number | null }): Initializer {
  return scaled('initializers.glorotUniform', { scale: 1, mode: 'fanAvg', distribution: 'uniform', seed: helperSeed('initializers.glorotUniform', config) });
}

/**
 * TF.js's glorotNormal (its recurrent layers' default kernel initializer): a normal truncated at two standard
 * deviations with stddev sqrt(2 / (fanIn + fanOut)); TF.js saves it as the VarianceScaling it is.
 */
export function glorotNormal(config?: { seed?: number | null }): Initializer {
  return scaled('initializers.glorotNormal', { scale: 1, mode: 'fanAvg', distribution: 'normal', seed: helperSeed('initializers.glorotNormal', config) });
}

/** Truncated normal with stddev sqrt(2 / fanIn), as TF.js draws it (Keras also divides by 0.8796 for the truncation). */
export function heNormal(config?: { seed?: number | null }): Initializer {
  return scaled('initializers.heNormal', { scale: 2, mode: 'fanIn', distribution: 'normal', seed: helperSeed('initializers.heNormal', config) });
}

export function randomUniform(config?: { minval?: number; maxval?: number; seed?: number | null }): Initializer {
  config = checkConfig('initializers.randomUniform', config, ['minval', 'maxval', 'seed']);
  const minval = assertFiniteNumber('initializers.randomUniform', 'minval', config.minval ?? -0.05);
  const maxval = assertFiniteNumber('initializers.randomUniform', 'maxval', config.maxval ?? 0.05);
  return make('RandomUniform', { minval, maxval }, (_shape, draws) => draws.uniform(minval, maxval), config.seed);
}

export function randomNormal(config?: { mean?: number; stddev?: number; seed?: number | null }): Initializer {
  config = checkConfig('initializers.randomNormal', config, ['mean', 'stddev', 'seed']);
  const mean = assertFiniteNumber('initializers.randomNormal', 'mean', config.mean ?? 0);
  const stddev = assertFiniteNumber('initializers.randomNormal', 'stddev', config.stddev ?? 0.05);
  return make('RandomNormal', { mean, stddev }, (_shape, draws) => draws.normal(mean, stddev, false), config.seed);
}

/**
 * A (semi-)orthogonal matrix times gain, as Keras's Orthogonal: a normal draw made orthonormal by Gram-Schmidt
 * along its shorter side (rows of a wide [units, 4·units] recurrent kernel, columns of a tall one).
 */
export function orthogonal(config?: { gain?: number; seed?: number | null }): Initializer {
  config = checkConfig('initializers.orthogonal', config, ['gain', 'seed']);
  const gain = assertFiniteNumber('initializers.orthogonal', 'gain', config.gain ?? 1);
  return make('Orthogonal', { gain }, (shape, draws, dtype) => {
    if (shape.length < 2) throw argError('initializers.orthogonal', 'shape', `[${shape.join(', ')}]`, 'rank >= 2');
    // An orthogonal matrix has no integer form (TF.js's fails in its QR).
    if (dtype !== 'float32' && dtype !== 'float64') throw argError('initializers.orthogonal', 'dtype', fmtValue(dtype), "'float32' or 'float64'");
    const cols = shape[shape.length - 1];
    const rows = sizeOfShape(shape) / cols;
    // n vectors of length len, orthonormalised in place; n <= len. They are the columns of a [len, n] normal
    // float32 draw, as TF.js draws the matrix it factors (its QR's Q, signed so R's diagonal is positive, is the same basis).
    const n = Math.min(rows, cols);
    const len = Math.max(rows, cols);
    const v = new Float64Array(n * len);
    const normal = draws.normal(0, 1, false);
    for (let k = 0; k < len; k++) for (let i = 0; i < n; i++) v[i * len + k] = Math.fround(normal());
    for (let i = 0; i < n; i++) {
      const vi = v.subarray(i * len, (i + 1) * len);
      for (let j = 0; j < i; j++) {
        const vj = v.subarray(j * len, (j + 1) * len);
        let dot = 0;
        for (let k = 0; k < len; k++) dot += vi[k] * vj[k];
        for (let k = 0; k < len; k++) vi[k] -= dot * vj[k];
      }
      let norm = 0;
      for (let k = 0; k < len; k++) norm += vi[k] * vi[k];
      norm = Math.sqrt(norm);
      for (let k = 0; k < len; k++) vi[k] /= norm;
    }
    // Row-major [rows, cols]: vector i is row i when rows < cols (TF.js transposes Q then), else column i.
    let at = 0;
    return () => {
      const r = Math.floor(at / cols);
      const c = at++ % cols;
      return gain * (rows < cols ? v[r * len + c] : v[c * len + r]);
    };
  }, config.seed);
}

export interface VarianceScalingConfig {
  scale?: number;
  mode?: 'fanIn' | 'fanOut' | 'fanAvg';
  distribution?: 'normal' | 'uniform' | 'truncatedNormal';
  seed?: number | null;
}

const FAN_MODES = { fanIn: 'fan_in', fanOut: 'fan_out', fanAvg: 'fan_avg' } as const;
const DISTRIBUTIONS = { normal: 'normal', uniform: 'uniform', truncatedNormal: 'truncated_normal' } as const;

/**
 * TF.js's varianceScaling: scale divided by the fan the mode names, then for 'normal' a normal truncated at two
 * standard deviations with stddev sqrt(scale) (TF.js does not correct for the truncation), and for any other
 * distribution, 'truncatedNormal' included, a uniform in ±sqrt(3·scale), as TF.js 4.22 draws it.
 */
export function varianceScaling(config?: VarianceScalingConfig): Initializer {
  return scaled('initializers.varianceScaling', checkConfig('initializers.varianceScaling', config, ['scale', 'mode', 'distribution', 'seed']));
}

/** A VarianceScaling initializer; the named ones (glorotUniform, heNormal, ...) are its settings, and save as it, as TF.js saves them. */
function scaled(op: string, config: VarianceScalingConfig): Initializer {
  const scale = assertFiniteNumber(op, 'scale', config.scale ?? 1);
  if (scale <= 0) throw argError(op, 'scale', String(scale), 'a positive number');
  const mode = config.mode ?? 'fanIn';
  if (!Object.hasOwn(FAN_MODES, mode)) throw argError(op, 'mode', fmtValue(mode), `one of ${Object.keys(FAN_MODES).map((m) => `'${m}'`).join(', ')}`);
  const distribution = config.distribution ?? 'normal';
  if (!Object.hasOwn(DISTRIBUTIONS, distribution)) throw argError(op, 'distribution', fmtValue(distribution), `one of ${Object.keys(DISTRIBUTIONS).map((d) => `'${d}'`).join(', ')}`);
  return make('VarianceScaling', { scale, mode: FAN_MODES[mode], distribution: DISTRIBUTIONS[distribution] }, (shape, draws) => {
    const [fanIn, fanOut] = fans(shape);
    const fan = mode === 'fanIn' ? fanIn : mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const s = scale / Math.max(1, fan);
    return distribution === 'normal' ? draws.normal(0, Math.sqrt(s), true) : draws.uniform(-Math.sqrt(3 * s), Math.sqrt(3 * s));
  }, config.seed);
}

/** Uniform in ±sqrt(6 / fanIn). */
export function heUniform(config?: { seed?: number | null }): Initializer {
  return scaled('initializers.heUniform', { scale: 2, mode: 'fanIn', distribution: 'uniform', seed: helperSeed('initializers.heUniform', config) });
}

/** Truncated normal with stddev sqrt(1 / fanIn). */
export function leCunNormal(config?: { seed?: number | null }): Initializer {
  return scaled('initializers.leCunNormal', { scale: 1, mode: 'fanIn', distribution: 'normal', seed: helperSeed('initializers.leCunNormal', config) });
}

/** Uniform in ±sqrt(3 / fanIn). */
export function leCunUniform(config?: { seed?: number | null }): Initializer {
  return scaled('initializers.leCunUniform', { scale: 1, mode: 'fanIn', distribution: 'uniform', seed: helperSeed('initializers.leCunUniform', config) });
}

/** mean + a normal draw truncated at two standard deviations. */
export function truncatedNormal(config?: { mean?: number; stddev?: number; seed?: number | null }): Initializer {
  config = checkConfig('initializers.truncatedNormal', config, ['mean', 'stddev', 'seed']);
  const mean = assertFiniteNumber('initializers.truncatedNormal', 'mean', config.mean ?? 0);
  const stddev = assertFiniteNumber('initializers.truncatedNormal', 'stddev', config.stddev ?? 0.05);
  // As the truncatedNormal op: its draws are kept within two standard deviations, which a negative one has none of.
  if (stddev < 0) throw argError('initializers.truncatedNormal', 'stddev', String(stddev), 'a number >= 0');
  return make('TruncatedNormal', { mean, stddev }, (_shape, draws) => draws.normal(mean, stddev, true), config.seed);
}

/** Every value the same: TF.js's constant({value}), value required. */
export function constant(config: { value: number }): Initializer {
  const op = 'initializers.constant';
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw argError(op, 'config', fmtValue(config), 'an object {value}');
  checkKnownKeys(op, 'config', config, ['value']);
  const value = assertFiniteNumber(op, 'value', config.value);
  return make('Constant', { value }, () => () => value, undefined, false);
}

/** gain times the identity matrix; only for 2D square shapes, as TF.js. */
export function identity(config?: { gain?: number }): Initializer {
  const op = 'initializers.identity';
  config = checkConfig(op, config, ['gain']);
  const gain = assertFiniteNumber(op, 'gain', config.gain ?? 1);
  return make('Identity', { gain }, (shape) => {
    if (shape.length !== 2 || shape[0] !== shape[1]) throw argError(op, 'shape', `[${shape.join(', ')}]`, 'a 2D square shape');
    let at = 0;
    return () => {
      const v = Math.floor(at / shape[1]) === at % shape[1] ? gain : 0;
      at++;
      return v;
    };
  }, undefined, false);
}

export function zeros(): Initializer {
  return make('Zeros', {}, () => () => 0, undefined, false);
}

export function ones(): Initializer {
  return make('Ones', {}, () => () => 1, undefined, false);
}

const byName: Record<string, () => Initializer> = {
  glorotUniform: () => glorotUniform(),
  glorotNormal: () => glorotNormal(),
  heNormal: () => heNormal(),
  randomNormal: () => randomNormal(),
  randomUniform: () => randomUniform(),
  orthogonal: () => orthogonal(),
  heUniform: () => heUniform(),
  leCunNormal: () => leCunNormal(),
  leCunUniform: () => leCunUniform(),
  truncatedNormal: () => truncatedNormal(),
  varianceScaling: () => varianceScaling(),
  identity: () => identity(),
  zeros,
  ones,
};

/** Class names a bare string may give, as in TF.js ('Constant' is left out: without a value it fails). */
type InitializerClassName = 'Zeros' | 'Ones' | 'RandomUniform' | 'RandomNormal' | 'TruncatedNormal' | 'VarianceScaling' | 'GlorotUniform' | 'GlorotNormal' | 'HeUniform' | 'HeNormal' | 'LeCunUniform' | 'LeCunNormal' | 'Orthogonal' | 'Identity';

export type InitializerName = 'glorotUniform' | 'glorotNormal' | 'heNormal' | 'heUniform' | 'leCunNormal' | 'leCunUniform' | 'truncatedNormal' | 'varianceScaling' | 'identity' | 'randomNormal' | 'randomUniform' | 'orthogonal' | 'zeros' | 'ones' | InitializerClassName;

type AnyConfig = Record<string, never>;

/** The classes TF.js serializes initializers as ({className, config}, what layer.getConfig() gives), by factory. */
const byClass: Record<InitializerClassName | 'Constant', (config?: AnyConfig) => Initializer> = {
  Zeros: zeros, Ones: ones, Constant: (c) => constant((c ?? {}) as unknown as { value: number }), RandomUniform: randomUniform, RandomNormal: randomNormal, TruncatedNormal: truncatedNormal,
  VarianceScaling: varianceScaling, GlorotUniform: glorotUniform, GlorotNormal: glorotNormal, HeUniform: heUniform, HeNormal: heNormal,
  LeCunUniform: leCunUniform, LeCunNormal: leCunNormal, Orthogonal: orthogonal, Identity: identity,
};

/** The initializer a TF.js {className, config} describes, or undefined when spec is no such object. */
function fromClassConfig(spec: unknown): Initializer | undefined {
  if (typeof spec !== 'object' || spec === null || !('className' in spec) || typeof spec.className !== 'string' || !Object.hasOwn(byClass, spec.className)) return undefined;
  const make = byClass[spec.className as keyof typeof byClass];
  // A class name alone is made without arguments, as TF.js's getInitializer makes it (its named helpers' seed: null).
  if (!('config' in spec)) return make();
  const config = typeof spec.config === 'object' && spec.config !== null ? spec.config : {};
  // null is "not given" for the settings; a seed of null is kept, and written back, as TF.js keeps it. The dtype
  // that TF 1's Keras wrote into initializer configs is left out, as TF.js reads past it.
  return make(Object.fromEntries(Object.entries(config).filter(([k, v]) => (v !== null || k === 'seed') && k !== 'dtype')) as AnyConfig);
}

/**
 * An initializer from a name (TF.js's camelCase or Keras's snake_case), a class name with its defaults (TF.js takes a
 * string it does not know as one, as {className, config: {}}), an instance, or TF.js's {className, config}; the class
 * may be the user's own, registered with tf.serialization.registerClass (an apply(shape, dtype) giving the values).
 */
export function getInitializer(op: string, arg: string, spec: unknown): Initializer {
  if (typeof spec === 'object' && spec !== null && 'apply' in spec && 'className' in spec) return spec as Initializer;
  const described = fromClassConfig(typeof spec === 'string' && Object.hasOwn(byClass, spec) ? { className: spec } : spec);
  if (described) return described;
  const name = typeof spec === 'string' ? toCamelCase(spec) : '';
  const factory = Object.hasOwn(byName, name) ? byName[name] : undefined;
  const custom = factory ? undefined : registeredApplier<[readonly number[], DType?], Tensor>(spec);
  if (custom) return { className: custom.getClassName(), getClassName: () => custom.getClassName(), apply: (shape, dtype) => custom.apply(shape, dtype), getConfig: () => custom.getConfig() as Record<string, number | string | null> };
  if (!factory) throw argError(op, arg, fmtValue(spec), `an initializer, a {className, config} of one, or one of ${Object.keys(byName).map((n) => `'${n}'`).join(', ')}, a class name (${Object.keys(byClass).map((n) => `'${n}'`).join(', ')}), or the className of an initializer class registered with tf.serialization.registerClass`);
  return factory();
}

/** The Keras JSON form of an initializer: {class_name, config}. */
export function initializerConfig(init: Initializer): { class_name: string; config: Record<string, number | string | null> } {
  const saved = savedForms.get(init);
  // A user's registered initializer is saved as TF.js saves any config: in snake_case.
  if (!saved) return { class_name: init.className, config: pythonicConfig(init.getConfig() as ConfigValue) as Record<string, number | string | null> };
  const entry = { class_name: init.className, config: { ...saved } };
  described.set(entry, init);
  return entry;
}

/** TF.js's getConfig of the initializer a saved entry (from initializerConfig) describes; undefined for any other value. */
export function initializerView(saved: unknown): Record<string, number | string | null> | undefined {
  return typeof saved === 'object' && saved !== null ? described.get(saved)?.getConfig() : undefined;
}
