import { convOutputLength } from '../ops/conv';
import type { Tensor } from '../tensor/tensor';
import { maxPool } from '../ops/pool';
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

/** Max over poolSize windows of NHWC input; strides default to poolSize, as tf.layers.maxPooling2d. */
export class MaxPooling2D extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;

  constructor(args: MaxPooling2DLayerArgs = {}) {
    const op = 'layers.maxPooling2d';
    checkConfigKeys(op, args, ['poolSize', 'strides', 'padding', 'dataFormat']);
    super('max_pooling2d', args);
    this.poolSize = pairArg(op, 'poolSize', args.poolSize, [2, 2]);
    this.strides = pairArg(op, 'strides', args.strides, this.poolSize);
    this.padding = paddingArg(op, args.padding);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'MaxPooling2D';
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
    // The op pools NHWC: channels-first input is viewed that way and back.
    if (this.dataFormat === 'channelsFirst') return transpose(maxPool(transpose(x, [0, 2, 3, 1]), this.poolSize, this.strides, this.padding), [0, 3, 1, 2]);
    return maxPool(x, this.poolSize, this.strides, this.padding);
  }

  protected layerConfig(): LayerConfig {
    return { pool_size: this.poolSize, strides: this.strides, padding: this.padding, data_format: dataFormatConfig(this.dataFormat) };
  }
}

export interface MaxPooling1DLayerArgs extends LayerArgs {
  poolSize?: number | [number];
  strides?: number | [number];
  padding?: 'valid' | 'same';
}

const one = (v: number | [number] | undefined): number | undefined => (Array.isArray(v) ? v[0] : v);

/** Max over poolSize steps of [batch, steps, channels] input, as tf.layers.maxPooling1d (a 2-D pool over [steps, 1]). */
export class MaxPooling1D extends Layer {
  private readonly pool2d: MaxPooling2D;

  constructor(args: MaxPooling1DLayerArgs = {}) {
    const op = 'layers.maxPooling1d';
    checkConfigKeys(op, args ?? {}, ['poolSize', 'strides', 'padding']);
    super('max_pooling1d', args ?? {});
    const pool = one(args?.poolSize) ?? 2;
    this.pool2d = new MaxPooling2D({ name: `${this.name}/pool`, poolSize: [pool, 1], strides: [one(args?.strides) ?? pool, 1], padding: args?.padding });
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'MaxPooling1D';
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
