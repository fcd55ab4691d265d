import { Random, nextDefaultSeed } from '../util/random';
import { toCamelCase } from '../util/case';
import { Tensor, arrayTypeFor, sizeOfShape, type DType } from '../tensor/tensor';
import { argError, assertFiniteNumber, fmtValue } from '../util/validate';

/** Makes the initial values of a weight, from its shape (Keras layouts: dense [in, out], conv [kh, kw, in, out]). */
export interface Initializer {
  readonly className: string;
  apply(shape: readonly number[], dtype?: DType): Tensor;
  getConfig(): Record<string, number | string | null>;
  /** True for an initializer that yields saved values (a loaded model's): layers use them as they are. */
  readonly restores?: boolean;
}

/** Fan-in and fan-out as Keras computes them: the receptive field multiplies the channel dims. */
function fans(shape: readonly number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [shape[0], shape[0]];
  const receptive = sizeOfShape(shape.slice(0, -2));
  return [shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive];
}

function make(className: string, config: Record<string, number | string | null>, draw: (shape: readonly number[], rng: Random) => () => number, seed?: number, random = true): Initializer {
  if (seed != null && !Number.isFinite(seed)) throw argError(className, 'seed', String(seed), 'a finite number');
  return {
    className,
    // Only the random initializers take a seed; TF.js writes {} for the constant ones.
    getConfig: () => (random ? { ...config, seed: seed ?? null } : { ...config }),
    apply(shape, dtype = 'float32') {
      const rng = new Random(seed ?? nextDefaultSeed());
      const next = draw(shape, rng);
      const values = new (arrayTypeFor(dtype))(sizeOfShape(shape));
      for (let i = 0; i < values.length; i++) values[i] = next();
      return new Tensor(shape, dtype, values);
    },
  };
}

/** Normal draws beyond two standard deviations are redrawn, as Keras's truncated normal. */
function truncatedDraw(rng: Random, stddev: number): () => number {
  return () => {
    for (;;) {
      const z = rng.normal();
      if (Math.abs(z) <= 2) return z * stddev;
    }
  };
}

function checkConfig<T extends object>(op: string, config: T | undefined): T {
  if (config == null) return {} as T;
  if (typeof config !== 'object' || Array.isArray(config)) throw argError(op, 'config', fmtValue(config), 'an object');
  return config;
}

/** Uniform in ±sqrt(6 / (fanIn + fanOut)): Keras's default for kernels. */
export function glorotUniform(config?: { seed?: number }): Initializer {
  config = checkConfig('initializers.glorotUniform', config);
  return make('GlorotUniform', {}, (shape, rng) => {
    const [fanIn, fanOut] = fans(shape);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return () => rng.uniform(-limit, limit);
  }, config.seed);
}

/**
 * TF.js's glorotNormal (its recurrent layers' default kernel initializer): a normal truncated at two standard
 * deviations with stddev sqrt(2 / (fanIn + fanOut)); TF.js saves it as the VarianceScaling it is.
 */
export function glorotNormal(config?: { seed?: number }): Initializer {
  config = checkConfig('initializers.glorotNormal', config);
  return make('VarianceScaling', { scale: 1, mode: 'fan_avg', distribution: 'normal' }, (shape, rng) => {
    const [fanIn, fanOut] = fans(shape);
    return truncatedDraw(rng, Math.sqrt(2 / (fanIn + fanOut)));
  }, config.seed);
}

/** Truncated normal with stddev sqrt(2 / fanIn) (corrected for the truncation, as Keras). */
export function heNormal(config?: { seed?: number }): Initializer {
  config = checkConfig('initializers.heNormal', config);
  return make('HeNormal', {}, (shape, rng) => truncatedDraw(rng, Math.sqrt(2 / fans(shape)[0]) / 0.8796256610342398), config.seed);
}

export function randomUniform(config?: { minval?: number; maxval?: number; seed?: number }): Initializer {
  config = checkConfig('initializers.randomUniform', config);
  const minval = assertFiniteNumber('initializers.randomUniform', 'minval', config.minval ?? -0.05);
  const maxval = assertFiniteNumber('initializers.randomUniform', 'maxval', config.maxval ?? 0.05);
  return make('RandomUniform', { minval, maxval }, (_shape, rng) => () => rng.uniform(minval, maxval), config.seed);
}

export function randomNormal(config?: { mean?: number; stddev?: number; seed?: number }): Initializer {
  config = checkConfig('initializers.randomNormal', config);
  const mean = assertFiniteNumber('initializers.randomNormal', 'mean', config.mean ?? 0);
  const stddev = assertFiniteNumber('initializers.randomNormal', 'stddev', config.stddev ?? 0.05);
  return make('RandomNormal', { mean, stddev }, (_shape, rng) => () => mean + stddev * rng.normal(), config.seed);
}

/**
 * A (semi-)orthogonal matrix times gain, as Keras's Orthogonal: a normal draw made orthonormal by Gram-Schmidt
 * along its shorter side (rows of a wide [units, 4·units] recurrent kernel, columns of a tall one).
 */
export function orthogonal(config?: { gain?: number; seed?: number }): Initializer {
  config = checkConfig('initializers.orthogonal', config);
  const gain = assertFiniteNumber('initializers.orthogonal', 'gain', config.gain ?? 1);
  return make('Orthogonal', { gain }, (shape, rng) => {
    if (shape.length < 2) throw argError('initializers.orthogonal', 'shape', `[${shape.join(', ')}]`, 'rank >= 2');
    const cols = shape[shape.length - 1];
    const rows = sizeOfShape(shape) / cols;
    // n vectors of length len, orthonormalised in place; n <= len.
    const n = Math.min(rows, cols);
    const len = Math.max(rows, cols);
    const v = new Float64Array(n * len);
    for (let i = 0; i < v.length; i++) v[i] = rng.normal();
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
    // Row-major [rows, cols]: vector i is row i when rows <= cols, else column i.
    let at = 0;
    return () => {
      const r = Math.floor(at / cols);
      const c = at++ % cols;
      return gain * (rows <= cols ? v[r * len + c] : v[c * len + r]);
    };
  }, config.seed);
}

export interface VarianceScalingConfig {
  scale?: number;
  mode?: 'fanIn' | 'fanOut' | 'fanAvg';
  distribution?: 'normal' | 'uniform' | 'truncatedNormal';
  seed?: number;
}

const FAN_MODES = { fanIn: 'fan_in', fanOut: 'fan_out', fanAvg: 'fan_avg' } as const;
const DISTRIBUTIONS = { normal: 'normal', uniform: 'uniform', truncatedNormal: 'truncated_normal' } as const;

/**
 * TF.js's varianceScaling: scale divided by the fan the mode names, then a normal truncated at two standard
 * deviations with stddev sqrt(scale) (TF.js does not correct for the truncation) or a uniform in ±sqrt(3·scale).
 */
export function varianceScaling(config?: VarianceScalingConfig): Initializer {
  return scaled('initializers.varianceScaling', checkConfig('initializers.varianceScaling', config));
}

function scaled(op: string, config: VarianceScalingConfig): Initializer {
  const scale = assertFiniteNumber(op, 'scale', config.scale ?? 1);
  if (scale <= 0) throw argError(op, 'scale', String(scale), 'a positive number');
  const mode = config.mode ?? 'fanIn';
  if (!Object.hasOwn(FAN_MODES, mode)) throw argError(op, 'mode', fmtValue(mode), `one of ${Object.keys(FAN_MODES).map((m) => `'${m}'`).join(', ')}`);
  const distribution = config.distribution ?? 'normal';
  if (!Object.hasOwn(DISTRIBUTIONS, distribution)) throw argError(op, 'distribution', fmtValue(distribution), `one of ${Object.keys(DISTRIBUTIONS).map((d) => `'${d}'`).join(', ')}`);
  return make('VarianceScaling', { scale, mode: FAN_MODES[mode], distribution: DISTRIBUTIONS[distribution] }, (shape, rng) => {
    const [fanIn, fanOut] = fans(shape);
    const fan = mode === 'fanIn' ? fanIn : mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const s = scale / Math.max(1, fan);
    if (distribution === 'uniform') {
      const limit = Math.sqrt(3 * s);
      return () => rng.uniform(-limit, limit);
    }
    return truncatedDraw(rng, Math.sqrt(s));
  }, config.seed);
}

/** Uniform in ±sqrt(6 / fanIn). */
export function heUniform(config?: { seed?: number }): Initializer {
  return scaled('initializers.heUniform', { scale: 2, mode: 'fanIn', distribution: 'uniform', seed: checkConfig('initializers.heUniform', config).seed });
}

/** Truncated normal with stddev sqrt(1 / fanIn). */
export function leCunNormal(config?: { seed?: number }): Initializer {
  return scaled('initializers.leCunNormal', { scale: 1, mode: 'fanIn', distribution: 'normal', seed: checkConfig('initializers.leCunNormal', config).seed });
}

/** Uniform in ±sqrt(3 / fanIn). */
export function leCunUniform(config?: { seed?: number }): Initializer {
  return scaled('initializers.leCunUniform', { scale: 1, mode: 'fanIn', distribution: 'uniform', seed: checkConfig('initializers.leCunUniform', config).seed });
}

/** mean + a normal draw truncated at two standard deviations. */
export function truncatedNormal(config?: { mean?: number; stddev?: number; seed?: number }): Initializer {
  config = checkConfig('initializers.truncatedNormal', config);
  const mean = assertFiniteNumber('initializers.truncatedNormal', 'mean', config.mean ?? 0);
  const stddev = assertFiniteNumber('initializers.truncatedNormal', 'stddev', config.stddev ?? 0.05);
  return make('TruncatedNormal', { mean, stddev }, (_shape, rng) => {
    const draw = truncatedDraw(rng, stddev);
    return () => mean + draw();
  }, config.seed);
}

/** Every value the same: TF.js's constant({value}), value required. */
export function constant(config: { value: number }): Initializer {
  const op = 'initializers.constant';
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw argError(op, 'config', fmtValue(config), 'an object {value}');
  const value = assertFiniteNumber(op, 'value', config.value);
  return make('Constant', { value }, () => () => value, undefined, false);
}

/** gain times the identity matrix; only for 2D square shapes, as TF.js. */
export function identity(config?: { gain?: number }): Initializer {
  const op = 'initializers.identity';
  config = checkConfig(op, config);
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

export type InitializerName = 'glorotUniform' | 'glorotNormal' | 'heNormal' | 'heUniform' | 'leCunNormal' | 'leCunUniform' | 'truncatedNormal' | 'varianceScaling' | 'identity' | 'randomNormal' | 'randomUniform' | 'orthogonal' | 'zeros' | 'ones';

type AnyConfig = Record<string, never>;

/** The classes TF.js serializes initializers as ({className, config}, what layer.getConfig() gives), by factory. */
const byClass: Record<string, (config: AnyConfig) => Initializer> = {
  Zeros: zeros, Ones: ones, Constant: (c) => constant(c as unknown as { value: number }), RandomUniform: randomUniform, RandomNormal: randomNormal, TruncatedNormal: truncatedNormal,
  VarianceScaling: varianceScaling, GlorotUniform: glorotUniform, GlorotNormal: glorotNormal, HeUniform: heUniform, HeNormal: heNormal,
  LeCunUniform: leCunUniform, LeCunNormal: leCunNormal, Orthogonal: orthogonal, Identity: identity,
};

/** The initializer a TF.js {className, config} describes, or undefined when spec is no such object. */
function fromClassConfig(spec: unknown): Initializer | undefined {
  if (typeof spec !== 'object' || spec === null || !('className' in spec) || typeof spec.className !== 'string' || !Object.hasOwn(byClass, spec.className)) return undefined;
  const config = 'config' in spec && typeof spec.config === 'object' && spec.config !== null ? spec.config : {};
  // TF.js writes seed: null for an unseeded draw, where the factories take an absent seed.
  return byClass[spec.className](Object.fromEntries(Object.entries(config).filter(([, v]) => v !== null)) as AnyConfig);
}

/** An initializer from a name (TF.js's camelCase or Keras's snake_case), an instance, or TF.js's {className, config}. */
export function getInitializer(op: string, arg: string, spec: unknown): Initializer {
  if (typeof spec === 'object' && spec !== null && 'apply' in spec && 'className' in spec) return spec as Initializer;
  const described = fromClassConfig(spec);
  if (described) return described;
  const name = typeof spec === 'string' ? toCamelCase(spec) : '';
  const factory = Object.hasOwn(byName, name) ? byName[name] : undefined;
  if (!factory) throw argError(op, arg, fmtValue(spec), `an initializer, a {className, config} of one, or one of ${Object.keys(byName).map((n) => `'${n}'`).join(', ')}`);
  return factory();
}

/** The Keras JSON form of an initializer: {class_name, config}. */
export function initializerConfig(init: Initializer): { class_name: string; config: Record<string, number | string | null> } {
  return { class_name: init.className, config: init.getConfig() };
}
