import { Random, nextDefaultSeed } from '../util/random';
import { Tensor, arrayTypeFor } from '../tensor/tensor';
import { mul } from '../ops/binary';
import { argError, fmtValue } from '../util/validate';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';

export interface DropoutLayerArgs extends LayerArgs {
  rate: number;
  seed?: number;
}

/** In training, zeroes each input with probability rate and scales the rest by 1/(1 − rate); identity otherwise. */
export class Dropout extends Layer {
  readonly rate: number;
  readonly seed: number | undefined;
  private readonly rng: Random;

  constructor(args: DropoutLayerArgs) {
    const op = 'layers.dropout';
    checkConfigKeys(op, args, ['rate', 'seed', 'noiseShape']);
    super('dropout', args);
    if (typeof args.rate !== 'number' || !(args.rate >= 0 && args.rate < 1)) throw argError(op, 'rate', fmtValue(args.rate), 'a number in [0, 1)');
    if (args.seed !== undefined && !Number.isFinite(args.seed)) throw argError(op, 'seed', fmtValue(args.seed), 'a finite number');
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
    const mask = new (arrayTypeFor(x.dtype))(x.size);
    for (let i = 0; i < mask.length; i++) mask[i] = this.rng.next() < this.rate ? 0 : keep;
    return mul(x, new Tensor(x.shape, x.dtype, mask));
  }

  protected layerConfig(): LayerConfig {
    return { rate: this.rate, seed: this.seed ?? null };
  }
}
