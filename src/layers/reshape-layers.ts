import type { Tensor } from '../tensor/tensor';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

export interface ReshapeLayerArgs extends LayerArgs {
  targetShape: number[];
}

/** [batch, ...] -> [batch, ...targetShape] (one entry may be −1), as tf.layers.reshape. */
export class Reshape extends AnyDtypeLayer {
  readonly targetShape: number[];

  constructor(args: ReshapeLayerArgs) {
    const op = 'layers.reshape';
    checkConfigKeys(op, args, ['targetShape']);
    super('reshape', args);
    const t = args.targetShape;
    const ok = Array.isArray(t) && t.every((d) => d === -1 || d === null || (Number.isInteger(d) && d > 0)) && t.filter((d) => d === -1 || d === null).length <= 1;
    if (!ok) throw argError(op, 'targetShape', fmtValue(t), 'an array of positive integers with at most one -1 (without the batch dim)');
    this.targetShape = t.map((d) => d ?? -1);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Reshape';
  }

  /** Any input with targetShape's size (outputShapeNoBatch checks it), as TF.js's (it has no input spec). */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  /** A shape with an unknown size anywhere (a sequence of any length) reshapes too, checked when it runs, as TF.js's. */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    // With an unknown (null) size the inferred dim is unknown too: TF.js's output is targetShape with -1 as null.
    if (inputShape.includes(null as unknown as number)) return this.targetShape.map((d) => (d === -1 ? (null as unknown as number) : d));
    const size = inputShape.reduce((a, b) => a * b, 1);
    const known = this.targetShape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    const free = this.targetShape.includes(-1);
    if (free ? size % known !== 0 : size !== known) {
      throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])} (${size} values per sample)`, `a size that fits targetShape [${this.targetShape.join(', ')}]`);
    }
    return this.targetShape.map((d) => (d === -1 ? size / known : d));
  }

  override call(x: Tensor): Tensor {
    return x.reshape([x.shape[0], ...this.outputShapeNoBatch(x.shape.slice(1))]);
  }

  protected override layerConfig(): LayerConfig {
    // The inferred dim is written as null, as TF.js writes it (its loader reads -1 and null alike).
    return { target_shape: this.targetShape.map((d) => (d === -1 ? null : d)) };
  }
}
