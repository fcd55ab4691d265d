import type { Tensor } from '../tensor/tensor';
import { argError } from '../util/validate';
import { Layer, checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';

export interface FlattenLayerArgs extends LayerArgs {
  dataFormat?: DataFormat;
}

/** [batch, ...] -> [batch, product of the rest], as tf.layers.flatten. */
export class Flatten extends Layer {
  readonly dataFormat: DataFormat;

  constructor(args: FlattenLayerArgs = {}) {
    checkConfigKeys('layers.flatten', args, ['dataFormat']);
    super('flatten', args);
    this.dataFormat = dataFormatArg('layers.flatten', args.dataFormat);
    // Channels-first flattening reorders to channels last first (as TF.js), which needs a transpose.
    if (this.dataFormat === 'channelsFirst') throw argError('layers.flatten', 'dataFormat', "'channelsFirst'", "'channelsLast' (channels-first flattening is not implemented yet)");
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'Flatten';
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length === 0) throw argError(this.name, 'input', 'shape [null]', 'rank >= 2');
    return [inputShape.reduce((a, b) => a * b, 1)];
  }

  call(x: Tensor): Tensor {
    return x.reshape([x.shape[0], -1]);
  }

  protected layerConfig(): LayerConfig {
    return { data_format: dataFormatConfig(this.dataFormat) };
  }
}
