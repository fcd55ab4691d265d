import type { Tensor } from '../tensor/tensor';
import { argError, fmtShape } from '../util/validate';
import { transpose } from '../ops/transpose';
import { checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';

export interface FlattenLayerArgs extends LayerArgs {
  dataFormat?: DataFormat;
}

/** [batch, ...] -> [batch, product of the rest], as tf.layers.flatten. */
export class Flatten extends AnyDtypeLayer {
  readonly dataFormat: DataFormat;
  /** Whether dataFormat was given: TF.js saves it only then. */
  private readonly dataFormatGiven: boolean;

  constructor(args: FlattenLayerArgs = {}) {
    checkConfigKeys('layers.flatten', args, ['dataFormat']);
    super('flatten', args);
    this.dataFormat = dataFormatArg('layers.flatten', args.dataFormat);
    this.dataFormatGiven = args.dataFormat != null;
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Flatten';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    // TF.js's Flatten takes rank 3 and up (its inputSpec's minNdim): a [batch, n] input is refused, not passed through.
    if (inputShape.length < 2) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank >= 3 (a batch and at least two more dims)');
    // An unknown dim would make the product 0 (null counts as 0); TF.js refuses it too.
    if (inputShape.some((d) => d === null)) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'known sizes for every dim but the batch (the flattened size must be known)');
    return [inputShape.reduce((a, b) => a * b, 1)];
  }

  override call(x: Tensor): Tensor {
    // Channels first is put channels last before flattening, as TF.js does, so a following dense sees the same order.
    const y = this.dataFormat === 'channelsFirst' && x.rank > 2 ? transpose(x, [0, ...x.shape.slice(2).map((_, i) => i + 2), 1]) : x;
    // The size by product, not -1: an empty batch has no elements to infer it from.
    return y.reshape([x.shape[0], x.shape.slice(1).reduce((a, d) => a * d, 1)]);
  }

  protected override layerConfig(): LayerConfig {
    return this.dataFormatGiven ? { data_format: dataFormatConfig(this.dataFormat) } : {};
  }
}
