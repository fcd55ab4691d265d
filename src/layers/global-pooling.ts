import type { Tensor } from '../tensor/tensor';
import { max, mean } from '../ops/reduction';
import { argError, fmtShape } from '../util/validate';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';
import { checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

export interface GlobalPooling2DLayerArgs extends LayerArgs {
  dataFormat?: DataFormat;
}

/** Mean or max over every spatial position: [batch, steps, c] or [batch, h, w, c] (or channels first) -> [batch, c]. */
abstract class GlobalPooling extends AnyDtypeLayer {
  readonly dataFormat: DataFormat;

  constructor(op: string, snakeName: string, args: GlobalPooling2DLayerArgs, private readonly spatialRank: 1 | 2, private readonly reduce: typeof mean) {
    // TF.js's 1-D global pools take no dataFormat.
    checkConfigKeys(op, args, spatialRank === 2 ? ['dataFormat'] : []);
    super(snakeName, args);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.buildIfShaped();
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const rank = this.spatialRank + 1;
    if (inputShape.length !== rank) {
      const expected = this.spatialRank === 1 ? 'rank 3 [batch, steps, channels]' : this.dataFormat === 'channelsFirst' ? 'rank 4 [batch, channels, height, width]' : 'rank 4 [batch, height, width, channels]';
      throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, expected);
    }
    return [this.dataFormat === 'channelsFirst' ? inputShape[0] : inputShape[rank - 1]];
  }

  /** Any axis may be unknown: the pooled ones (a sequence of any length) have any size, and an unknown channel count stays unknown. */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  override call(x: Tensor): Tensor {
    const axes = this.spatialRank === 1 ? [1] : this.dataFormat === 'channelsFirst' ? [2, 3] : [1, 2];
    return this.reduce(x, axes, false);
  }

  protected override layerConfig(): LayerConfig {
    return this.spatialRank === 2 ? { data_format: dataFormatConfig(this.dataFormat) } : {};
  }
}

/** tf.layers.globalAveragePooling1d. */
export class GlobalAveragePooling1D extends GlobalPooling {
  constructor(args: LayerArgs = {}) {
    super('layers.globalAveragePooling1d', 'global_average_pooling1d', args, 1, mean);
  }

  override getClassName(): string {
    return 'GlobalAveragePooling1D';
  }
}

/** tf.layers.globalMaxPooling1d. */
export class GlobalMaxPooling1D extends GlobalPooling {
  constructor(args: LayerArgs = {}) {
    super('layers.globalMaxPooling1d', 'global_max_pooling1d', args, 1, max);
  }

  override getClassName(): string {
    return 'GlobalMaxPooling1D';
  }
}

/** tf.layers.globalAveragePooling2d. */
export class GlobalAveragePooling2D extends GlobalPooling {
  constructor(args: GlobalPooling2DLayerArgs = {}) {
    super('layers.globalAveragePooling2d', 'global_average_pooling2d', args, 2, mean);
  }

  override getClassName(): string {
    return 'GlobalAveragePooling2D';
  }
}

/** tf.layers.globalMaxPooling2d. */
export class GlobalMaxPooling2D extends GlobalPooling {
  constructor(args: GlobalPooling2DLayerArgs = {}) {
    super('layers.globalMaxPooling2d', 'global_max_pooling2d', args, 2, max);
  }

  override getClassName(): string {
    return 'GlobalMaxPooling2D';
  }
}
