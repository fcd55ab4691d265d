import { assertNoNegativeDims, windowOutputLength } from './window-output';
import type { Tensor } from '../tensor/tensor';
import type { WindowPad } from '../tensor/value-types';
import * as fused from '../ops/fused';
import { maxPool } from '../ops/pool';
import { avgPool } from '../ops/avg-pool';
import { argError, assertPositiveInt, fmtShape, fmtValue } from '../util/validate';
import { paddingArg } from './config-checks';
import { KERNEL_LAYER_KEYS, KernelLayer, type KernelLayerArgs } from './kernel-layer';
import { checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

/** A 1-D size given as n or [n], as TF.js's 1-D layers take kernelSize, strides and poolSize. */
function single(op: string, arg: string, v: unknown, fallback?: number): number {
  if (v == null && fallback !== undefined) return fallback;
  const n = Array.isArray(v) && v.length === 1 ? v[0] : v;
  return assertPositiveInt(op, arg, n);
}

/** Only channelsLast runs here; anything else is refused rather than computed wrongly. */
function checkChannelsLast(op: string, dataFormat: unknown): void {
  if (dataFormat != null && dataFormat !== 'channelsLast') throw argError(op, 'dataFormat', fmtValue(dataFormat), "'channelsLast' (tessera's 1-D layers run channels last)");
}

function stepsShape(name: string, inputShape: readonly number[]): [number, number] {
  if (inputShape.length !== 2) throw argError(name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank 3 [batch, steps, channels]');
  return [inputShape[0], inputShape[1]];
}

export interface Conv1DLayerArgs extends KernelLayerArgs {
  filters: number;
  kernelSize: number | [number];
  strides?: number | [number];
  padding?: 'valid' | 'same' | 'causal';
  dataFormat?: 'channelsLast';
  dilationRate?: number | [number];
}

/** 1-D convolution over [batch, steps, channels] with a [kernelSize, inC, filters] kernel, as tf.layers.conv1d. */
export class Conv1D extends KernelLayer {
  readonly filters: number;
  readonly kernelSize: number;
  readonly strides: number;
  readonly padding: 'valid' | 'same' | 'causal';
  readonly dilationRate: number;

  constructor(args: Conv1DLayerArgs) {
    const op = 'layers.conv1d';
    checkConfigKeys(op, args, ['filters', 'kernelSize', 'strides', 'padding', 'dataFormat', 'dilationRate', ...KERNEL_LAYER_KEYS]);
    super(op, 'conv1d', args);
    checkChannelsLast(op, args.dataFormat);
    this.filters = assertPositiveInt(op, 'filters', args.filters);
    this.kernelSize = single(op, 'kernelSize', args.kernelSize);
    this.strides = single(op, 'strides', args.strides, 1);
    if (args.padding != null && !['valid', 'same', 'causal'].includes(args.padding)) throw argError(op, 'padding', fmtValue(args.padding), "'valid', 'same' or 'causal'");
    this.padding = args.padding ?? 'valid';
    // With strides above 1 it is refused by the op when the layer runs, as in TF.js (the model may still be built).
    this.dilationRate = single(op, 'dilationRate', args.dilationRate, 1);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Conv1D';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const [steps] = stepsShape(this.name, inputShape);
    const span = this.span();
    const out = this.padding === 'causal' ? windowOutputLength(steps + span - 1, span, this.strides, 'valid') : windowOutputLength(steps, span, this.strides, this.padding);
    assertNoNegativeDims(this.name, inputShape, [out]);
    return [out, this.filters];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.buildKernel([this.kernelSize, inputShape[1], this.filters]);
  }

  /** Its kernel slides along the steps, so a sequence of any length, as TF.js's. */
  override acceptsAnyLength(): boolean {
    return true;
  }

  /** The steps a dilated kernel spans: (kernelSize - 1) * dilationRate + 1. */
  private span(): number {
    return (this.kernelSize - 1) * this.dilationRate + 1;
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    // As a 2-D convolution over a height-1 image. 'causal' is Keras's: the steps padded on the left by the span less
    // one, so that output t sees inputs up to t only (TF.js 4.22 builds such a layer but throws when it runs).
    const [b, steps, c] = x.shape;
    const pad: WindowPad = this.padding === 'causal' ? [[0, 0], [0, 0], [this.span() - 1, 0], [0, 0]] : this.padding;
    const y = this.withEpilogue(options, (kernel, bias, activation) => fused.conv2d({
      x: x.reshape([b, 1, steps, c]), filter: kernel.reshape([1, ...kernel.shape]), strides: [1, this.strides], pad, dilations: [1, this.dilationRate], bias, activation,
    }));
    return y.reshape([b, y.shape[2], this.filters]);
  }

  protected override layerConfig(): LayerConfig {
    return this.convConfig(this.filters, { kernel_size: [this.kernelSize], strides: [this.strides], padding: this.padding, dilation_rate: [this.dilationRate] });
  }
}

export interface Pooling1DLayerArgs extends LayerArgs {
  poolSize?: number | [number];
  strides?: number | [number];
  padding?: 'valid' | 'same';
}

type Pool2d = (x: Tensor, poolSize: [number, number], strides: [number, number], pad: 'valid' | 'same') => Tensor;

/** A pool over poolSize windows (2) of [batch, steps, channels]; strides default to poolSize. */
abstract class Pooling1D extends AnyDtypeLayer {
  readonly poolSize: number;
  readonly strides: number;
  readonly padding: 'valid' | 'same';

  constructor(op: string, snakeName: string, args: Pooling1DLayerArgs, private readonly pool: Pool2d) {
    checkConfigKeys(op, args, ['poolSize', 'strides', 'padding']);
    super(snakeName, args);
    this.poolSize = single(op, 'poolSize', args.poolSize, 2);
    this.strides = single(op, 'strides', args.strides, this.poolSize);
    this.padding = paddingArg(op, args.padding);
    this.buildIfShaped();
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    const [steps, c] = stepsShape(this.name, inputShape);
    const out = windowOutputLength(steps, this.poolSize, this.strides, this.padding);
    assertNoNegativeDims(this.name, inputShape, [out]);
    return [out, c];
  }

  /** Its window slides along the steps, so a sequence of any length, as TF.js's. */
  override acceptsAnyLength(): boolean {
    return true;
  }

  override call(x: Tensor): Tensor {
    // As a 2-D pool over a height-1 image.
    const [b, steps, c] = x.shape;
    const y = this.pool(x.reshape([b, 1, steps, c]), [1, this.poolSize], [1, this.strides], this.padding);
    return y.reshape([b, y.shape[2], c]);
  }

  protected override layerConfig(): LayerConfig {
    return { pool_size: [this.poolSize], padding: this.padding, strides: [this.strides] };
  }
}

/** Max over windows, as tf.layers.maxPooling1d. */
export class MaxPooling1D extends Pooling1D {
  constructor(args: Pooling1DLayerArgs = {}) {
    super('layers.maxPooling1d', 'max_pooling1d', args, maxPool);
  }

  override getClassName(): string {
    return 'MaxPooling1D';
  }
}

/** The mean over windows, as tf.layers.averagePooling1d. */
export class AveragePooling1D extends Pooling1D {
  constructor(args: Pooling1DLayerArgs = {}) {
    super('layers.averagePooling1d', 'average_pooling1d', args, (x, f, s, p) => avgPool(x, f, s, p));
  }

  override getClassName(): string {
    return 'AveragePooling1D';
  }
}
