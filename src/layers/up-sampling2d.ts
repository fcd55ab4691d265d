import type { Tensor } from '../tensor/tensor';
import { mul } from '../ops/binary';
import { ones } from '../ops/creation';
import { argError, fmtValue } from '../util/validate';
import { pairArg } from './config-checks';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';
import { Layer, checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';

export interface UpSampling2DLayerArgs extends LayerArgs {
  size?: number | [number, number];
  dataFormat?: DataFormat;
  interpolation?: 'nearest';
}

/** Repeats each row size[0] times and each column size[1] times (nearest neighbour), as tf.layers.upSampling2d. */
export class UpSampling2D extends Layer {
  readonly size: [number, number];
  readonly dataFormat: DataFormat;

  constructor(args: UpSampling2DLayerArgs = {}) {
    const op = 'layers.upSampling2d';
    checkConfigKeys(op, args, ['size', 'dataFormat', 'interpolation']);
    super('up_sampling2d', args);
    if (args.interpolation !== undefined && args.interpolation !== 'nearest') throw argError(op, 'interpolation', fmtValue(args.interpolation), "'nearest' (tessera does not implement bilinear)");
    this.size = pairArg(op, 'size', args.size, [2, 2]);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'UpSampling2D';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'rank 4');
    const [sh, sw] = this.size;
    const [a, b, c] = inputShape;
    return this.dataFormat === 'channelsFirst' ? [a, b * sh, c * sw] : [a * sh, b * sw, c];
  }

  override call(x: Tensor): Tensor {
    // A broadcast product with ones over inserted axes repeats rows and columns; its gradient sums the copies.
    const [n, a, b, c] = x.shape;
    const [sh, sw] = this.size;
    const first = this.dataFormat === 'channelsFirst';
    const spread = first ? x.reshape([n, a, b, 1, c, 1]) : x.reshape([n, a, 1, b, 1, c]);
    const reps = ones(first ? [1, 1, 1, sh, 1, sw] : [1, 1, sh, 1, sw, 1], x.dtype);
    return mul(spread, reps).reshape([n, ...this.outputShapeNoBatch([a, b, c])]);
  }

  protected override layerConfig(): LayerConfig {
    return { size: this.size, data_format: dataFormatConfig(this.dataFormat), interpolation: 'nearest' };
  }
}
