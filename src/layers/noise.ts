import { add, mul } from '../ops/binary';
import { Random, nextDefaultSeed } from '../util/random';
import { Tensor, arrayTypeFor } from '../tensor/tensor';
import { argError, fmtValue } from '../util/validate';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';

/** Layers that perturb their input in training only (identity at inference); seeded. */
abstract class NoiseLayer extends Layer {
  protected readonly rng: Random;
  readonly seed: number | undefined;

  constructor(op: string, snake: string, args: LayerArgs & { seed?: number }, keys: string[]) {
    checkConfigKeys(op, args, [...keys, 'seed']);
    super(snake, args ?? {});
    if (args?.seed !== undefined && !Number.isFinite(args.seed)) throw argError(op, 'seed', fmtValue(args.seed), 'a finite number');
    this.seed = args?.seed;
    this.rng = new Random(args?.seed ?? nextDefaultSeed());
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    return inputShape.slice();
  }

  call(x: Tensor, options: CallOptions): Tensor {
    return options.training ? this.noisy(x) : x;
  }

  protected abstract noisy(x: Tensor): Tensor;

  /** A tensor of a shape filled by draw(). */
  protected draw(x: Tensor, shape: readonly number[], draw: () => number): Tensor {
    const v = new (arrayTypeFor(x.dtype))(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < v.length; i++) v[i] = draw();
    return new Tensor(shape, x.dtype, v);
  }
}

function rateArg(op: string, v: unknown): number {
  if (typeof v !== 'number' || !(v >= 0 && v < 1)) throw argError(op, 'rate', fmtValue(v), 'a number in [0, 1)');
  return v;
}

/** Adds N(0, stddev²) noise in training, as tf.layers.gaussianNoise. */
export class GaussianNoise extends NoiseLayer {
  readonly stddev: number;
  constructor(args: LayerArgs & { stddev: number; seed?: number }) {
    super('layers.gaussianNoise', 'gaussian_noise', args, ['stddev']);
    if (typeof args.stddev !== 'number' || !Number.isFinite(args.stddev) || args.stddev < 0) throw argError('layers.gaussianNoise', 'stddev', fmtValue(args.stddev), 'a finite number >= 0');
    this.stddev = args.stddev;
    this.buildIfShaped();
  }
  getClassName(): string { return 'GaussianNoise'; }
  protected noisy(x: Tensor): Tensor { return add(x, this.draw(x, x.shape, () => this.stddev * this.rng.normal())); }
  protected layerConfig(): LayerConfig { return { stddev: this.stddev }; }
}

/** Multiplies by N(1, rate/(1 − rate)) noise in training, as tf.layers.gaussianDropout. */
export class GaussianDropout extends NoiseLayer {
  readonly rate: number;
  constructor(args: LayerArgs & { rate: number; seed?: number }) {
    super('layers.gaussianDropout', 'gaussian_dropout', args, ['rate']);
    this.rate = rateArg('layers.gaussianDropout', args.rate);
    this.buildIfShaped();
  }
  getClassName(): string { return 'GaussianDropout'; }
  protected noisy(x: Tensor): Tensor {
    const sd = Math.sqrt(this.rate / (1 - this.rate));
    return mul(x, this.draw(x, x.shape, () => 1 + sd * this.rng.normal()));
  }
  protected layerConfig(): LayerConfig { return { rate: this.rate }; }
}

/** Dropout that keeps SELU's mean and variance, as tf.layers.alphaDropout: dropped values become α' and all are then scaled and shifted. */
export class AlphaDropout extends NoiseLayer {
  readonly rate: number;
  constructor(args: LayerArgs & { rate: number; seed?: number }) {
    super('layers.alphaDropout', 'alpha_dropout', args, ['rate', 'noiseShape']);
    if ((args as { noiseShape?: unknown }).noiseShape !== undefined && (args as { noiseShape?: unknown }).noiseShape !== null) {
      throw argError('layers.alphaDropout', 'noiseShape', fmtValue((args as { noiseShape?: unknown }).noiseShape), 'absent (tessera drops each value independently here)');
    }
    this.rate = rateArg('layers.alphaDropout', args.rate);
    this.buildIfShaped();
  }
  getClassName(): string { return 'AlphaDropout'; }
  protected noisy(x: Tensor): Tensor {
    const alphaP = -1.6732632423543772 * 1.0507009873554805;
    const keep = this.draw(x, x.shape, () => (this.rng.next() >= this.rate ? 1 : 0));
    const a = ((1 - this.rate) * (1 + this.rate * alphaP ** 2)) ** -0.5;
    const b = -a * alphaP * this.rate;
    return add(mul(add(mul(x, keep), mul(add(keep, -1), alphaP)), a), b);
  }
  protected layerConfig(): LayerConfig { return { rate: this.rate }; }
}

/** Drops whole channels of [batch, steps, channels] input in training, as tf.layers.spatialDropout1d. */
export class SpatialDropout1D extends NoiseLayer {
  readonly rate: number;
  constructor(args: LayerArgs & { rate: number; seed?: number }) {
    super('layers.spatialDropout1d', 'spatial_dropout1d', args, ['rate']);
    this.rate = rateArg('layers.spatialDropout1d', args.rate);
    this.buildIfShaped();
  }
  getClassName(): string { return 'SpatialDropout1D'; }
  override computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 2) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'rank 3 [batch, steps, channels]');
    return inputShape.slice();
  }
  protected noisy(x: Tensor): Tensor {
    const keep = 1 / (1 - this.rate);
    return mul(x, this.draw(x, [x.shape[0], 1, x.shape[2]], () => (this.rng.next() < this.rate ? 0 : keep)));
  }
  protected layerConfig(): LayerConfig { return { rate: this.rate }; }
}
