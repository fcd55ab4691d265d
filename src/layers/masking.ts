import { mul } from '../ops/binary';
import { Tensor } from '../tensor/tensor';
import { assertFiniteNumber } from '../util/validate';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';

export interface MaskingArgs extends LayerArgs {
  maskValue?: number;
}

/** tf.layers.masking: steps whose features all equal maskValue are zeroed and masked out downstream. */
export class Masking extends Layer {
  readonly maskValue: number;

  constructor(args: MaskingArgs = {}) {
    const op = 'layers.masking';
    checkConfigKeys(op, args, ['maskValue']);
    super('masking', args);
    this.maskValue = assertFiniteNumber(op, 'maskValue', args.maskValue ?? 0);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Masking';
  }

  /** Masks step by step, so sequences may have any length. */
  override acceptsAnyLength(rank: number): boolean {
    return rank > 1;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return inputShape.slice();
  }

  /** [..., 1]: 1 where some feature of the step differs from maskValue. */
  private keep(x: Tensor): Tensor {
    const v = x.hostValues();
    const f = x.shape[x.rank - 1];
    const m = new (x.dtype === 'float64' ? Float64Array : Float32Array)(v.length / f);
    for (let i = 0; i < m.length; i++) {
      for (let j = 0; j < f; j++) {
        if (v[i * f + j] !== this.maskValue) {
          m[i] = 1;
          break;
        }
      }
    }
    return new Tensor([...x.shape.slice(0, -1), 1], x.dtype, m);
  }

  override call(x: Tensor, _options: CallOptions): Tensor {
    return mul(x, this.keep(x));
  }

  override computeMask(x: Tensor): Tensor {
    const k = this.keep(x);
    return k.reshape(k.shape.slice(0, -1));
  }

  protected override layerConfig(): LayerConfig {
    return { mask_value: this.maskValue };
  }
}
