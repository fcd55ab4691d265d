import { Random, nextDefaultSeed, randomSeedSet } from '../util/random';
import { newHostValues } from '../backend/host-values';
import { Tensor, sizeOfShape } from '../tensor/tensor';
import { mul } from '../ops/binary';
import { assertDropoutInput, dropout } from '../ops/dropout';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

export interface DropoutLayerArgs extends LayerArgs {
  rate: number;
  /** The mask's shape: 1 where the mask is shared along an axis, null (or the input's size) elsewhere; null: the input's. */
  noiseShape?: (number | null)[] | null;
  seed?: number | null;
}

/** Checks a dropout rate in [0, 1), or in [0, 1] where 1 is taken (`upToOne`). */
export function rateArg(op: string, rate: unknown, upToOne = false): number {
  if (typeof rate !== 'number' || !(rate >= 0 && (rate < 1 || (upToOne && rate === 1)))) throw argError(op, 'rate', fmtValue(rate), `a number in [0, 1${upToOne ? ']' : ')'}`);
  return rate;
}

/** A tensor of the given shape whose entries are 0 with probability rate and 1/(1 − rate) otherwise. */
export function dropoutMask(rng: Random, shape: number[], rate: number, dtype: Tensor['dtype']): Tensor {
  const keep = 1 / (1 - rate);
  // Where the kernels read it in place (float32 on the cpu backend), rather than copied in by each product with it.
  const mask = newHostValues(dtype, sizeOfShape(shape));
  // Without a branch (a fifth of them taken at random mispredict): 1.6x faster.
  for (let i = 0; i < mask.length; i++) mask[i] = Number(rng.next() >= rate) * keep;
  return new Tensor(shape, dtype, mask);
}

/** In training, zeroes each input with probability rate and scales the rest by 1/(1 − rate); identity otherwise. */
export class Dropout extends AnyDtypeLayer {
  /** A training call draws its masks. */
  override samplewiseInTraining(): boolean {
    return false;
  }

  /** Passes its input's mask on, as TF.js's supportsMasking. */
  override get supportsMasking(): boolean {
    return true;
  }

  readonly rate: number;
  readonly noiseShape: (number | null)[] | null;
  readonly seed: number | undefined;
  private rng: Random | null = null;
  /** noiseShape and seed as given (undefined where not given, null where given as null), for getConfig. */
  private readonly given: Pick<DropoutLayerArgs, 'noiseShape' | 'seed'>;

  constructor(args: DropoutLayerArgs, snakeName = 'dropout', op = 'layers.dropout', keys = ['rate', 'seed', 'noiseShape']) {
    checkConfigKeys(op, args, keys);
    super(snakeName, args);
    // Rate 1 is taken, as TF.js's layer takes it: its call then passes the input through (TF.js drops only at 0 < rate < 1).
    this.rate = rateArg(op, args.rate, true);
    // null is no seed, as TF.js (its model.json writes seed: null).
    if (args.seed !== undefined && args.seed !== null && !Number.isFinite(args.seed)) throw argError(op, 'seed', fmtValue(args.seed), 'a finite number');
    const ns = args.noiseShape;
    if (ns !== undefined && ns !== null && (!Array.isArray(ns) || !ns.every((d) => d === null || (Number.isInteger(d) && d > 0)))) {
      throw argError(op, 'noiseShape', fmtValue(ns), 'an array of positive integers or nulls, one per input axis (batch included)');
    }
    this.noiseShape = ns ?? null;
    this.seed = args.seed ?? undefined;
    this.given = { noiseShape: ns, seed: args.seed };
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Dropout';
  }

  /** Any input shape its noiseShape fits (outputShapeNoBatch checks it), as TF.js's (it has no input spec). */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  /** Elementwise: an unknown size on any axis, the time steps included. */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const ns = this.noiseShape;
    if (ns) {
      const full = [null, ...inputShape];
      const bad = ns.length !== full.length || ns.some((d, i) => d !== null && d !== 1 && i > 0 && d !== full[i]);
      if (bad) throw argError(this.name, 'noiseShape', fmtValue(ns), `one entry per axis of ${fmtShape([null, ...inputShape])}, each 1, null or that axis's size`);
    }
    return inputShape.slice();
  }

  /** The mask's shape for input x: noiseShape with nulls filled in from x. */
  protected maskShape(x: Tensor): number[] {
    return this.noiseShape ? this.noiseShape.map((d, i) => d ?? x.shape[i]) : x.shape.slice();
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    if (!options.training || this.rate === 0 || this.rate === 1) return x;
    // A seed gives TF.js's mask for it, the same one at every call, as TF.js draws it; without one, TF.js's mask
    // from a Math.random() seed per call. After setRandomSeed an unseeded layer has its own stream, started at the
    // first training call, so making (or loading) a model draws no seed.
    if (this.seed !== undefined || !randomSeedSet()) return dropout(x, this.rate, this.maskShape(x), this.seed);
    assertDropoutInput(x);
    this.rng ??= new Random(nextDefaultSeed());
    return mul(x, dropoutMask(this.rng, this.maskShape(x), this.rate, x.dtype));
  }

  protected override layerConfig(): LayerConfig {
    return { rate: this.rate, noise_shape: this.noiseShape, seed: this.seed ?? null };
  }

  /** As TF.js's: noiseShape and seed as given, undefined where not given (its model.json writes them null, as layerConfig does). */
  override getConfig(): LayerConfig {
    // TF.js's ConfigDict type has no undefined, yet its getConfig holds one for a setting never given, as here.
    return { ...super.getConfig(), noiseShape: this.given.noiseShape, seed: this.given.seed } as LayerConfig;
  }
}

export interface SpatialDropout1DLayerArgs extends LayerArgs {
  rate: number;
  seed?: number | null;
  /** null or absent: the mask is [batch, 1, channels]. getConfig writes null, as TF.js's. */
  noiseShape?: null;
}

/** Dropout of whole channels of [batch, steps, channels] input (one mask entry per sample and channel), as tf.layers.spatialDropout1d. */
export class SpatialDropout1D extends Dropout {
  constructor(args: SpatialDropout1DLayerArgs) {
    const op = 'layers.spatialDropout1d';
    if (args?.noiseShape != null) throw argError(op, 'noiseShape', fmtValue(args.noiseShape), 'null or absent (the mask drops whole channels: [batch, 1, channels])');
    super(args, 'spatial_dropout1d', op, ['rate', 'seed', 'noiseShape']);
  }

  override getClassName(): string {
    return 'SpatialDropout1D';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 2) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank 3 [batch, steps, channels]');
    return inputShape.slice();
  }

  protected override maskShape(x: Tensor): number[] {
    return [x.shape[0], 1, x.shape[2]];
  }
}
