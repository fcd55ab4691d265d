import { assertNoNegativeDims, windowOutputLength } from './window-output';
import type { Tensor } from '../tensor/tensor';
import { maxPool } from '../ops/pool';
import { avgPool } from '../ops/avg-pool';
import { argError, fmtShape } from '../util/validate';
import { transpose } from '../ops/transpose';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';
import { pairArg, paddingArg } from './config-checks';
import { checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

export interface MaxPooling2DLayerArgs extends LayerArgs {
  poolSize?: number | [number, number];
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  dataFormat?: DataFormat;
}

type Pool2d = (x: Tensor, poolSize: [number, number], strides: [number, number], pad: 'valid' | 'same') => Tensor;

/** A 2-D pool over poolSize windows; strides default to poolSize. */
abstract class Pooling2D extends AnyDtypeLayer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;

  constructor(op: string, snakeName: string, args: MaxPooling2DLayerArgs, private readonly pool: Pool2d) {
    checkConfigKeys(op, args, ['poolSize', 'strides', 'padding', 'dataFormat']);
    super(snakeName, args);
    this.poolSize = pairArg(op, 'poolSize', args.poolSize, [2, 2]);
    this.strides = pairArg(op, 'strides', args.strides, this.poolSize);
    this.padding = paddingArg(op, args.padding);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.buildIfShaped();
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank 4');
    const first = this.dataFormat === 'channelsFirst';
    const [h, w, c] = first ? [inputShape[1], inputShape[2], inputShape[0]] : inputShape;
    const outH = windowOutputLength(h, this.poolSize[0], this.strides[0], this.padding);
    const outW = windowOutputLength(w, this.poolSize[1], this.strides[1], this.padding);
    assertNoNegativeDims(this.name, inputShape, [outH, outW]);
    return first ? [c, outH, outW] : [outH, outW, c];
  }

  override call(x: Tensor): Tensor {
    if (this.dataFormat === 'channelsLast') return this.pool(x, this.poolSize, this.strides, this.padding);
    return transpose(this.pool(transpose(x, [0, 2, 3, 1]), this.poolSize, this.strides, this.padding), [0, 3, 1, 2]);
  }

  protected override layerConfig(): LayerConfig {
    return { pool_size: this.poolSize, padding: this.padding, strides: this.strides, data_format: dataFormatConfig(this.dataFormat) };
  }
}

/** Max over poolSize windows, as tf.layers.maxPooling2d. */
export class MaxPooling2D extends Pooling2D {
  constructor(args: MaxPooling2DLayerArgs = {}) {
    super('layers.maxPooling2d', 'max_pooling2d', args, maxPool);
  }

  override getClassName(): string {
    return 'MaxPooling2D';
  }
}

/** The mean over poolSize windows ('same' windows average the cells inside the image), as tf.layers.averagePooling2d. */
export class AveragePooling2D extends Pooling2D {
  constructor(args: MaxPooling2DLayerArgs = {}) {
    super('layers.averagePooling2d', 'average_pooling2d', args, (x, f, s, p) => avgPool(x, f, s, p));
  }

  override getClassName(): string {
    return 'AveragePooling2D';
  }
}
