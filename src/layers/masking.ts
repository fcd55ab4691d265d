import { mul } from '../ops/binary';
import { Tensor } from '../tensor/tensor';
import { assertFiniteNumber } from '../util/validate';
import { checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

export interface MaskingArgs extends LayerArgs {
  maskValue?: number;
}

/** tf.layers.masking: steps whose features all equal maskValue are zeroed and masked out downstream. */
export class Masking extends AnyDtypeLayer {
  readonly maskValue: number;

  /** Makes its output's mask from its inputs' masks, as TF.js's supportsMasking says. */
  override get supportsMasking(): boolean {
    return true;
  }

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

  /** Per step (all dims but the last): 1 where some feature of the step differs from maskValue. */
  private keep(x: Tensor): Uint8Array {
    const v = x.hostValues();
    const f = x.shape[x.rank - 1];
    const m = new Uint8Array(v.length / f);
    // maskValue as the input's float32 values hold it (0.2 is not exactly a float32), as TF.js compares with a float32 scalar.
    const value = x.dtype === 'float64' ? this.maskValue : Math.fround(this.maskValue);
    for (let i = 0; i < m.length; i++) {
      for (let j = 0; j < f; j++) {
        if (v[i * f + j] !== value) {
          m[i] = 1;
          break;
        }
      }
    }
    return m;
  }

  override call(x: Tensor, _options: CallOptions): Tensor {
    const keep = this.keep(x);
    return mul(x, new Tensor([...x.shape.slice(0, -1), 1], x.dtype, new (x.dtype === 'float64' ? Float64Array : Float32Array)(keep)));
  }

  /** A bool mask of the steps, as TF.js's (any feature not equal to maskValue). */
  override computeMask(x: Tensor, _mask: Tensor | null = null): Tensor {
    return new Tensor(x.shape.slice(0, -1), 'bool', this.keep(x));
  }

  protected override layerConfig(): LayerConfig {
    return { mask_value: this.maskValue };
  }
}
