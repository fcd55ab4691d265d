import type { Tensor } from '../tensor/tensor';
import type { Tensor4D } from '../tensor/tfjs-types';
import { broadcastTo } from '../ops/tile';
import { resizeBilinear } from '../ops/image/resize';
import { transpose } from '../ops/transpose';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { pairArg } from './config-checks';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';
import { checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

export interface UpSampling2DLayerArgs extends LayerArgs {
  size?: number | [number, number];
  dataFormat?: DataFormat;
  interpolation?: 'nearest' | 'bilinear';
}

/**
 * Repeats each row size[0] times and each column size[1] times ('nearest', the default), or resizes bilinearly
 * (tf.image.resizeBilinear, corners unaligned, as TF.js), as tf.layers.upSampling2d.
 */
export class UpSampling2D extends AnyDtypeLayer {
  readonly size: [number, number];
  readonly dataFormat: DataFormat;
  readonly interpolation: 'nearest' | 'bilinear';

  constructor(args: UpSampling2DLayerArgs = {}) {
    const op = 'layers.upSampling2d';
    checkConfigKeys(op, args, ['size', 'dataFormat', 'interpolation']);
    super('up_sampling2d', args);
    if (args.interpolation != null && args.interpolation !== 'nearest' && args.interpolation !== 'bilinear') throw argError(op, 'interpolation', fmtValue(args.interpolation), "'nearest' or 'bilinear'");
    this.interpolation = args.interpolation ?? 'nearest';
    this.size = pairArg(op, 'size', args.size, [2, 2]);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'UpSampling2D';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank 4');
    const [sh, sw] = this.size;
    // An unknown size (null) stays unknown, as TF.js's (null times a factor would read as 0).
    const [a, b, c] = inputShape;
    const times = (d: number, k: number) => (d === null ? d : d * k);
    return this.dataFormat === 'channelsFirst' ? [a, times(b, sh), times(c, sw)] : [times(a, sh), times(b, sw), c];
  }

  override call(x: Tensor): Tensor {
    if (this.interpolation === 'bilinear') {
      const [a, b, c] = this.outputShapeNoBatch(x.shape.slice(1));
      if (this.dataFormat === 'channelsLast') return resizeBilinear(x as Tensor4D, [a, b]);
      return transpose(resizeBilinear(transpose(x, [0, 2, 3, 1]) as Tensor4D, [b, c]), [0, 3, 1, 2]);
    }
    // Broadcast along inserted axes, each row and column repeated exactly; its gradient sums the copies. (A product
    // with ones did the same at 2.5 times the cost.)
    const [n, a, b, c] = x.shape;
    const [sh, sw] = this.size;
    const first = this.dataFormat === 'channelsFirst';
    const spread = first ? broadcastTo(x.reshape([n, a, b, 1, c, 1]), [n, a, b, sh, c, sw]) : broadcastTo(x.reshape([n, a, 1, b, 1, c]), [n, a, sh, b, sw, c]);
    return spread.reshape([n, ...this.outputShapeNoBatch([a, b, c])]);
  }

  protected override layerConfig(): LayerConfig {
    return { size: this.size, data_format: dataFormatConfig(this.dataFormat), interpolation: this.interpolation };
  }
}
