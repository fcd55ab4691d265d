import { max, mean } from '../ops/reduction';
import type { Tensor } from '../tensor/tensor';
import { argError } from '../util/validate';
import { dataFormatArg, dataFormatConfig, spatialAxes, type DataFormat } from './data-format';
import { Layer, checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';

export interface GlobalPoolingArgs extends LayerArgs {
  dataFormat?: DataFormat;
}

/** Mean or max over every spatial position, leaving [batch, channels], as tf.layers.global{Average,Max}Pooling{1,2}d. */
abstract class GlobalPooling extends Layer {
  readonly dataFormat: DataFormat;

  constructor(op: string, snake: string, private readonly spatial: number, args: GlobalPoolingArgs = {}) {
    checkConfigKeys(op, args ?? {}, ['dataFormat']);
    super(snake, args ?? {});
    this.dataFormat = dataFormatArg(op, args?.dataFormat);
    this.buildIfShaped();
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== this.spatial + 1) {
      throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, `rank ${this.spatial + 2} [batch, ${this.spatial === 1 ? 'steps' : 'height, width'}, channels] (or channels first)`);
    }
    return [this.dataFormat === 'channelsLast' ? inputShape[inputShape.length - 1] : inputShape[0]];
  }

  call(x: Tensor): Tensor {
    return this.pool(x, spatialAxes(x.rank, this.dataFormat));
  }

  protected abstract pool(x: Tensor, axes: number[]): Tensor;

  protected layerConfig(): LayerConfig {
    return { data_format: dataFormatConfig(this.dataFormat) };
  }
}

export class GlobalAveragePooling2D extends GlobalPooling {
  constructor(args?: GlobalPoolingArgs) { super('layers.globalAveragePooling2d', 'global_average_pooling2d', 2, args); }
  getClassName(): string { return 'GlobalAveragePooling2D'; }
  protected pool(x: Tensor, axes: number[]): Tensor { return mean(x, axes); }
}

export class GlobalMaxPooling2D extends GlobalPooling {
  constructor(args?: GlobalPoolingArgs) { super('layers.globalMaxPooling2d', 'global_max_pooling2d', 2, args); }
  getClassName(): string { return 'GlobalMaxPooling2D'; }
  protected pool(x: Tensor, axes: number[]): Tensor { return max(x, axes); }
}

export class GlobalAveragePooling1D extends GlobalPooling {
  constructor(args?: GlobalPoolingArgs) { super('layers.globalAveragePooling1d', 'global_average_pooling1d', 1, args); }
  getClassName(): string { return 'GlobalAveragePooling1D'; }
  protected pool(x: Tensor, axes: number[]): Tensor { return mean(x, axes); }
}

export class GlobalMaxPooling1D extends GlobalPooling {
  constructor(args?: GlobalPoolingArgs) { super('layers.globalMaxPooling1d', 'global_max_pooling1d', 1, args); }
  getClassName(): string { return 'GlobalMaxPooling1D'; }
  protected pool(x: Tensor, axes: number[]): Tensor { return max(x, axes); }
}
