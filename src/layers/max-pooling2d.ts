import { convOutputLength } from '../ops/conv';
import type { Tensor } from '../tensor/tensor';
import { maxPool } from '../ops/pool';
import { avgPool } from '../ops/avg-pool';
import { argError } from '../util/validate';
import { pairArg, paddingArg } from './config-checks';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';
import { transpose } from '../ops/transpose';
import { Layer, checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';

export interface MaxPooling2DLayerArgs extends LayerArgs {
  poolSize?: number | [number, number];
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  dataFormat?: DataFormat;
}

/** Max or mean over poolSize windows; strides default to poolSize, as tf.layers.maxPooling2d / averagePooling2d. */
abstract class Pooling2D extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;

  constructor(op: string, snake: string, args: MaxPooling2DLayerArgs = {}) {
    checkConfigKeys(op, args ?? {}, ['poolSize', 'strides', 'padding', 'dataFormat']);
    args = args ?? {};
    super(snake, args);
    this.poolSize = pairArg(op, 'poolSize', args.poolSize, [2, 2]);
    this.strides = pairArg(op, 'strides', args.strides, this.poolSize);
    this.padding = paddingArg(op, args.padding);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.buildIfShaped();
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'rank 4 [batch, height, width, channels]');
    const [h, w, c] = this.dataFormat === 'channelsLast' ? inputShape : [inputShape[1], inputShape[2], inputShape[0]];
    const outH = convOutputLength(h, this.poolSize[0], this.strides[0], this.padding);
    const outW = convOutputLength(w, this.poolSize[1], this.strides[1], this.padding);
    if (outH <= 0 || outW <= 0) throw argError(this.name, 'input', `spatial size ${h}x${w}`, `at least the pool size ${this.poolSize.join('x')} with 'valid' padding`);
    return this.dataFormat === 'channelsLast' ? [outH, outW, c] : [c, outH, outW];
  }

  call(x: Tensor): Tensor {
    // The ops pool NHWC: channels-first input is viewed that way and back.
    if (this.dataFormat === 'channelsFirst') return transpose(this.pool(transpose(x, [0, 2, 3, 1])), [0, 3, 1, 2]);
    return this.pool(x);
  }

  protected abstract pool(x: Tensor): Tensor;

  protected layerConfig(): LayerConfig {
    return { pool_size: this.poolSize, strides: this.strides, padding: this.padding, data_format: dataFormatConfig(this.dataFormat) };
  }
}

export class MaxPooling2D extends Pooling2D {
  constructor(args?: MaxPooling2DLayerArgs) {
    super('layers.maxPooling2d', 'max_pooling2d', args);
  }
  getClassName(): string {
    return 'MaxPooling2D';
  }
  protected pool(x: Tensor): Tensor {
    return maxPool(x, this.poolSize, this.strides, this.padding);
  }
}

/** The mean over each window (counting only the input's cells under 'same' padding, as TF.js). */
export class AveragePooling2D extends Pooling2D {
  constructor(args?: MaxPooling2DLayerArgs) {
    super('layers.averagePooling2d', 'average_pooling2d', args);
  }
  getClassName(): string {
    return 'AveragePooling2D';
  }
  protected pool(x: Tensor): Tensor {
    return avgPool(x, this.poolSize, this.strides, this.padding);
  }
}

export interface MaxPooling1DLayerArgs extends LayerArgs {
  poolSize?: number | [number];
  strides?: number | [number];
  padding?: 'valid' | 'same';
}

const one = (v: number | [number] | undefined): number | undefined => (Array.isArray(v) ? v[0] : v);

/** Max or mean over poolSize steps of [batch, steps, channels] input, as tf.layers.maxPooling1d / averagePooling1d (a 2-D pool over [steps, 1]). */
abstract class Pooling1D extends Layer {
  private readonly pool2d: Pooling2D;

  constructor(op: string, snake: string, make: (args: MaxPooling2DLayerArgs) => Pooling2D, args: MaxPooling1DLayerArgs = {}) {
    checkConfigKeys(op, args ?? {}, ['poolSize', 'strides', 'padding']);
    super(snake, args ?? {});
    const pool = one(args?.poolSize) ?? 2;
    this.pool2d = make({ name: `${this.name}/pool`, poolSize: [pool, 1], strides: [one(args?.strides) ?? pool, 1], padding: args?.padding });
    this.buildIfShaped();
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 2) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'rank 3 [batch, steps, channels]');
    const [steps, , c] = this.pool2d.computeOutputShape([inputShape[0], 1, inputShape[1]]);
    return [steps, c];
  }

  call(x: Tensor): Tensor {
    const y = this.pool2d.call(x.reshape([x.shape[0], x.shape[1], 1, x.shape[2]]));
    return y.reshape([x.shape[0], y.shape[1], x.shape[2]]);
  }

  protected layerConfig(): LayerConfig {
    return { pool_size: [this.pool2d.poolSize[0]], strides: [this.pool2d.strides[0]], padding: this.pool2d.padding };
  }
}

export class MaxPooling1D extends Pooling1D {
  constructor(args?: MaxPooling1DLayerArgs) {
    super('layers.maxPooling1d', 'max_pooling1d', (a) => new MaxPooling2D(a), args);
  }
  getClassName(): string {
    return 'MaxPooling1D';
  }
}

export class AveragePooling1D extends Pooling1D {
  constructor(args?: MaxPooling1DLayerArgs) {
    super('layers.averagePooling1d', 'average_pooling1d', (a) => new AveragePooling2D(a), args);
  }
  getClassName(): string {
    return 'AveragePooling1D';
  }
}
