import { Random, nextDefaultSeed, randomSeedSet } from '../util/random';
import { Tensor, arrayTypeFor, isFloatDtype, type DType } from '../tensor/tensor';
import { add, mul } from '../ops/binary';
import { randomNormal, randomUniform } from '../ops/creation';
import { argError, fmtValue } from '../util/validate';
import { checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';
import { rateArg } from './dropout';

/** The dtype of the noise for x: its own where float, else float32, as TF.js draws (so int32 input gives float32). */
function noiseDtype(x: Tensor): DType {
  return isFloatDtype(x.dtype) ? x.dtype : 'float32';
}

/**
 * A layer that perturbs its input in training only; identity at inference. Its noise is TF.js's random op from a
 * Math.random() seed per call, as TF.js draws it; after setRandomSeed, the layer's own seeded stream.
 */
abstract class NoiseLayer extends AnyDtypeLayer {
  /** A training call draws its noise. */
  override samplewiseInTraining(): boolean {
    return false;
  }

  /** Passes its input's mask on, as TF.js's supportsMasking. */
  override get supportsMasking(): boolean {
    return true;
  }

  private stream: Random | null = null;

  /** The stream starts at the first training call, so making (or loading) a model draws no seed. */
  private get rng(): Random {
    this.stream ??= new Random(nextDefaultSeed());
    return this.stream;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return inputShape.slice();
  }

  /** Elementwise: an unknown size on any axis, the time steps included. */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  /** Normal values like x, with mean and stddev. */
  protected normal(x: Tensor, mean: number, stddev: number): Tensor {
    if (!randomSeedSet()) return randomNormal(x.shape, mean, stddev, noiseDtype(x));
    return this.noise(x, x.shape, () => mean + stddev * this.rng.normal());
  }

  /** 1 where a uniform draw in [0, 1) is at least rate, else 0 (TF.js compares its float32 draws with a float32 rate). */
  protected keptMask(x: Tensor, shape: readonly number[], rate: number): Tensor {
    if (randomSeedSet()) return this.noise(x, shape, () => (this.rng.next() >= rate ? 1 : 0));
    const u = randomUniform(shape);
    const [values, r] = [u.hostValues(), Math.fround(rate)];
    let i = 0;
    const kept = this.noise(x, shape, () => (values[i++] >= r ? 1 : 0));
    u.dispose();
    return kept;
  }

  /** A tensor like x of values drawn by draw(). */
  private noise(x: Tensor, shape: readonly number[], draw: () => number): Tensor {
    const dtype = noiseDtype(x);
    const out = new (arrayTypeFor(dtype))(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < out.length; i++) out[i] = draw();
    return new Tensor(shape, dtype, out);
  }
}

export interface GaussianNoiseLayerArgs extends LayerArgs {
  stddev: number;
}

/** Adds N(0, stddev²) noise in training, as tf.layers.gaussianNoise. */
export class GaussianNoise extends NoiseLayer {
  readonly stddev: number;

  constructor(args: GaussianNoiseLayerArgs) {
    checkConfigKeys('layers.gaussianNoise', args, ['stddev']);
    super('gaussian_noise', args);
    if (typeof args.stddev !== 'number' || !Number.isFinite(args.stddev) || args.stddev < 0) throw argError('layers.gaussianNoise', 'stddev', fmtValue(args.stddev), 'a finite number >= 0');
    this.stddev = args.stddev;
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'GaussianNoise';
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    if (!options.training) return x;
    return add(x, this.normal(x, 0, this.stddev));
  }

  protected override layerConfig(): LayerConfig {
    return { stddev: this.stddev };
  }
}

export interface GaussianDropoutLayerArgs extends LayerArgs {
  rate: number;
}

/** Multiplies by N(1, rate/(1 − rate)) noise in training, as tf.layers.gaussianDropout. */
export class GaussianDropout extends NoiseLayer {
  readonly rate: number;

  constructor(args: GaussianDropoutLayerArgs) {
    checkConfigKeys('layers.gaussianDropout', args, ['rate']);
    super('gaussian_dropout', args);
    this.rate = rateArg('layers.gaussianDropout', args.rate);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'GaussianDropout';
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    if (!options.training || this.rate === 0) return x;
    const stddev = Math.sqrt(this.rate / (1 - this.rate));
    return mul(x, this.normal(x, 1, stddev));
  }

  protected override layerConfig(): LayerConfig {
    return { rate: this.rate };
  }
}

export interface AlphaDropoutLayerArgs extends LayerArgs {
  rate: number;
  noiseShape?: number[];
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/**
 * Dropout for SELU networks: dropped inputs become SELU's negative saturation value and an affine map keeps
 * the mean and variance, as Keras's AlphaDropout (tf.layers.alphaDropout).
 */
export class AlphaDropout extends NoiseLayer {
  readonly rate: number;
  readonly noiseShape: number[] | null;

  constructor(args: AlphaDropoutLayerArgs) {
    const op = 'layers.alphaDropout';
    checkConfigKeys(op, args, ['rate', 'noiseShape']);
    super('alpha_dropout', args);
    this.rate = rateArg(op, args.rate);
    const ns = args.noiseShape;
    if (ns !== undefined && ns !== null && (!Array.isArray(ns) || !ns.every((d) => Number.isInteger(d) && d > 0))) throw argError(op, 'noiseShape', fmtValue(ns), 'an array of positive integers');
    this.noiseShape = ns ?? null;
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'AlphaDropout';
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    if (!options.training || this.rate === 0) return x;
    const rate = this.rate;
    const alphaP = -SELU_ALPHA * SELU_SCALE;
    const kept = this.keptMask(x, this.noiseShape ?? x.shape, rate);
    const a = ((1 - rate) * (1 + rate * alphaP ** 2)) ** -0.5;
    const b = -a * alphaP * rate;
    // kept·x + (1 − kept)·alphaP, then a·(...) + b.
    const dropped = add(mul(x, kept), mul(add(mul(kept, -1), 1), alphaP));
    return add(mul(dropped, a), b);
  }

  protected override layerConfig(): LayerConfig {
    // TF.js saves the rate alone; a noise shape is kept where one was given, for tessera to load it back.
    return this.noiseShape ? { rate: this.rate, noise_shape: this.noiseShape } : { rate: this.rate };
  }
}
