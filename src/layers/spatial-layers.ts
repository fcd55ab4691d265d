import type { Tensor } from '../tensor/tensor';
import { transpose } from '../ops/transpose';
import { pad } from '../ops/pad';
import { slice } from '../ops/slice';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';
import { checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

export interface PermuteLayerArgs extends LayerArgs {
  dims: number[];
}

/** Reorders the non-batch axes by dims (1-based, a permutation), as tf.layers.permute. */
export class Permute extends AnyDtypeLayer {
  readonly dims: number[];

  constructor(args: PermuteLayerArgs) {
    checkConfigKeys('layers.permute', args, ['dims']);
    super('permute', args);
    const d = args.dims;
    const ok = Array.isArray(d) && d.length > 0 && [...d].sort((a, b) => a - b).every((v, i) => v === i + 1);
    if (!ok) throw argError('layers.permute', 'dims', fmtValue(d), 'a permutation of 1..n (the non-batch axes, 1-based)');
    this.dims = d.slice();
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Permute';
  }

  /** An unknown size on any axis (a sequence of any length) permutes too, moving with its axis, as TF.js's. */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length !== this.dims.length) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, `rank ${this.dims.length + 1} to match dims [${this.dims.join(', ')}]`);
    return this.dims.map((d) => inputShape[d - 1]);
  }

  override call(x: Tensor): Tensor {
    return transpose(x, [0, ...this.dims]);
  }

  protected override layerConfig(): LayerConfig {
    return { dims: this.dims };
  }
}

type Edges = [[number, number], [number, number]];

/** n, [h, w] (symmetric) or [[top, bottom], [left, right]], as ZeroPadding2D and Cropping2D take them. */
function edgesArg(op: string, arg: string, v: unknown, fallback: number | undefined): Edges {
  const n = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
  if (v == null && fallback !== undefined) return [[fallback, fallback], [fallback, fallback]];
  if (n(v)) return [[v as number, v as number], [v as number, v as number]];
  if (Array.isArray(v) && v.length === 2 && n(v[0]) && n(v[1])) return [[v[0], v[0]], [v[1], v[1]]];
  if (Array.isArray(v) && v.length === 2 && v.every((p) => Array.isArray(p) && p.length === 2 && p.every(n))) return [[v[0][0], v[0][1]], [v[1][0], v[1][1]]];
  throw argError(op, arg, fmtValue(v), 'a non-negative integer, [height, width] or [[top, bottom], [left, right]]');
}

/** The height and width axes of a rank-4 input (batch included). */
function spatialAxes(f: DataFormat): [number, number] {
  return f === 'channelsFirst' ? [2, 3] : [1, 2];
}

function checkRank4(name: string, inputShape: readonly number[]): void {
  if (inputShape.length !== 3) throw argError(name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank 4');
}

export interface ZeroPadding2DLayerArgs extends LayerArgs {
  padding?: number | [number, number] | Edges;
  dataFormat?: DataFormat;
}

/** Zeros around the height and width (1 on each side by default), as tf.layers.zeroPadding2d. */
export class ZeroPadding2D extends AnyDtypeLayer {
  readonly padding: Edges;
  readonly dataFormat: DataFormat;

  constructor(args: ZeroPadding2DLayerArgs = {}) {
    checkConfigKeys('layers.zeroPadding2d', args, ['padding', 'dataFormat']);
    super('zero_padding2d', args);
    this.padding = edgesArg('layers.zeroPadding2d', 'padding', args.padding, 1);
    this.dataFormat = dataFormatArg('layers.zeroPadding2d', args.dataFormat);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'ZeroPadding2D';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    checkRank4(this.name, inputShape);
    const out = inputShape.slice();
    // An unknown size (null) stays unknown, as TF.js's.
    spatialAxes(this.dataFormat).forEach((a, i) => (out[a - 1] = out[a - 1] === null ? out[a - 1] : out[a - 1] + this.padding[i][0] + this.padding[i][1]));
    return out;
  }

  override call(x: Tensor): Tensor {
    const paddings: [number, number][] = [[0, 0], [0, 0], [0, 0], [0, 0]];
    spatialAxes(this.dataFormat).forEach((a, i) => (paddings[a] = this.padding[i]));
    return pad(x, paddings);
  }

  protected override layerConfig(): LayerConfig {
    return { padding: this.padding, data_format: dataFormatConfig(this.dataFormat) };
  }
}

export interface Cropping2DLayerArgs extends LayerArgs {
  cropping: number | [number, number] | Edges;
  dataFormat?: DataFormat;
}

/** Removes rows and columns at the edges, as tf.layers.cropping2D. */
export class Cropping2D extends AnyDtypeLayer {
  readonly cropping: Edges;
  readonly dataFormat: DataFormat;

  constructor(args: Cropping2DLayerArgs) {
    checkConfigKeys('layers.cropping2D', args, ['cropping', 'dataFormat']);
    super('cropping2d', args);
    this.cropping = edgesArg('layers.cropping2D', 'cropping', args.cropping, undefined);
    this.dataFormat = dataFormatArg('layers.cropping2D', args.dataFormat);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Cropping2D';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    checkRank4(this.name, inputShape);
    const out = inputShape.slice();
    spatialAxes(this.dataFormat).forEach((a, i) => (out[a - 1] -= this.cropping[i][0] + this.cropping[i][1]));
    if (out.some((d) => d <= 0)) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, `more rows and columns than cropping ${JSON.stringify(this.cropping)} removes`);
    return out;
  }

  override call(x: Tensor): Tensor {
    const begin = [0, 0, 0, 0];
    spatialAxes(this.dataFormat).forEach((a, i) => (begin[a] = this.cropping[i][0]));
    return slice(x, begin, [x.shape[0], ...this.outputShapeNoBatch(x.shape.slice(1))]);
  }

  protected override layerConfig(): LayerConfig {
    return { cropping: this.cropping, data_format: dataFormatConfig(this.dataFormat) };
  }
}
