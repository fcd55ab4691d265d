import { Random, nextDefaultSeed } from '../util/random';
import { Tensor, arrayTypeFor } from '../tensor/tensor';
import { mul } from '../ops/binary';
import { argError, fmtValue } from '../util/validate';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';

export interface DropoutLayerArgs extends LayerArgs {
  rate: number;
  seed?: number;
  /** The shape of the keep mask, broadcast over the input (null entries take the input's size), as TF.js. */
  noiseShape?: (number | null)[];
}

/** In training, zeroes each input with probability rate and scales the rest by 1/(1 − rate); identity otherwise. */
export class Dropout extends Layer {
  readonly rate: number;
  readonly seed: number | undefined;
  readonly noiseShape: (number | null)[] | null;
  private readonly rng: Random;

  constructor(args: DropoutLayerArgs) {
    const op = 'layers.dropout';
    checkConfigKeys(op, args, ['rate', 'seed', 'noiseShape']);
    super('dropout', args);
    if (typeof args.rate !== 'number' || !(args.rate >= 0 && args.rate < 1)) throw argError(op, 'rate', fmtValue(args.rate), 'a number in [0, 1)');
    if (args.seed !== undefined && !Number.isFinite(args.seed)) throw argError(op, 'seed', fmtValue(args.seed), 'a finite number');
    const ns = args.noiseShape;
    if (ns !== undefined && ns !== null && !(Array.isArray(ns) && ns.every((d) => d === null || (Number.isInteger(d) && d > 0)))) {
      throw argError(op, 'noiseShape', fmtValue(ns), 'an array of positive sizes or nulls, one per input axis');
    }
    this.noiseShape = ns === undefined || ns === null ? null : ns.slice();
    this.rate = args.rate;
    this.seed = args.seed;
    this.rng = new Random(args.seed ?? nextDefaultSeed());
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'Dropout';
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    return inputShape.slice();
  }

  call(x: Tensor, options: CallOptions): Tensor {
    if (!options.training || this.rate === 0) return x;
    const keep = 1 / (1 - this.rate);
    const shape = this.noiseShape ? this.maskShape(x) : x.shape;
    const mask = new (arrayTypeFor(x.dtype))(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < mask.length; i++) mask[i] = this.rng.next() < this.rate ? 0 : keep;
    return mul(x, new Tensor(shape, x.dtype, mask));
  }

  /** noiseShape with nulls filled from x; each size must be x's or 1 (it broadcasts). */
  private maskShape(x: Tensor): number[] {
    const ns = this.noiseShape as (number | null)[];
    if (ns.length !== x.rank || ns.some((d, i) => d !== null && d !== 1 && d !== x.shape[i])) {
      throw argError(this.name, 'noiseShape', fmtValue(ns), `one entry per axis of the input [${x.shape.join(', ')}], each null, 1 or that axis's size`);
    }
    return ns.map((d, i) => d ?? x.shape[i]);
  }

  protected layerConfig(): LayerConfig {
    return { rate: this.rate, noise_shape: this.noiseShape, seed: this.seed ?? null };
  }
}
