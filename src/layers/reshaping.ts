import { pad } from '../ops/pad';
import { slice } from '../ops/slice';
import { tile } from '../ops/tile';
import { transpose } from '../ops/transpose';
import type { Tensor } from '../tensor/tensor';
import { argError, fmtValue } from '../util/validate';
import { dataFormatArg, dataFormatConfig, type DataFormat } from './data-format';
import { Layer, checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';

const product = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);
const intList = (v: unknown, n: number) => Array.isArray(v) && v.length === n && v.every((d) => Number.isInteger(d) && d >= 0);

/** Reshapes each sample to targetShape (one dim may be −1), as tf.layers.reshape. */
export class Reshape extends Layer {
  readonly targetShape: number[];
  constructor(args: LayerArgs & { targetShape: number[] }) {
    const op = 'layers.reshape';
    checkConfigKeys(op, args ?? {}, ['targetShape']);
    super('reshape', args ?? {});
    // TF.js writes the inferred dim as null in saved configs.
    const t = Array.isArray(args?.targetShape) ? args.targetShape.map((d) => (d === null ? -1 : d)) : args?.targetShape;
    if (!Array.isArray(t) || !t.every((d) => Number.isInteger(d) && (d > 0 || d === -1)) || t.filter((d) => d === -1).length > 1) {
      throw argError(op, 'targetShape', fmtValue(t), 'an array of positive sizes with at most one -1');
    }
    this.targetShape = t.slice();
    this.buildIfShaped();
  }
  getClassName(): string { return 'Reshape'; }
  computeOutputShape(inputShape: readonly number[]): number[] {
    const size = product(inputShape);
    const known = product(this.targetShape.filter((d) => d !== -1));
    const out = this.targetShape.map((d) => (d === -1 ? size / known : d));
    if (out.some((d) => !Number.isInteger(d)) || product(out) !== size) {
      throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}] (${size} values per sample)`, `a size that fits targetShape [${this.targetShape.join(', ')}]`);
    }
    return out;
  }
  call(x: Tensor): Tensor { return x.reshape([x.shape[0], ...this.computeOutputShape(x.shape.slice(1))]); }
  protected layerConfig(): LayerConfig { return { target_shape: this.targetShape }; }
}

/** Permutes the non-batch axes (dims counted from 1), as tf.layers.permute. */
export class Permute extends Layer {
  readonly dims: number[];
  constructor(args: LayerArgs & { dims: number[] }) {
    const op = 'layers.permute';
    checkConfigKeys(op, args ?? {}, ['dims']);
    super('permute', args ?? {});
    const d = args?.dims;
    const ok = Array.isArray(d) && d.length > 0 && [...d].sort((a, b) => a - b).every((v, i) => v === i + 1);
    if (!ok) throw argError(op, 'dims', fmtValue(d), 'a permutation of 1..rank (the batch axis 0 stays first)');
    this.dims = (d as number[]).slice();
    this.buildIfShaped();
  }
  getClassName(): string { return 'Permute'; }
  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== this.dims.length) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, `rank ${this.dims.length + 1}, as dims [${this.dims.join(', ')}] says`);
    return this.dims.map((d) => inputShape[d - 1]);
  }
  call(x: Tensor): Tensor { return transpose(x, [0, ...this.dims]); }
  protected layerConfig(): LayerConfig { return { dims: this.dims }; }
}

type Pairs = [[number, number], [number, number]];

/** n, [h, w] or [[top, bottom], [left, right]], as zeroPadding2d and cropping2D take their amounts. */
function pairsArg(op: string, arg: string, v: unknown, fallback: number): Pairs {
  if (v === undefined || v === null) return [[fallback, fallback], [fallback, fallback]];
  if (Number.isInteger(v) && (v as number) >= 0) return [[v as number, v as number], [v as number, v as number]];
  if (intList(v, 2)) return [[(v as number[])[0], (v as number[])[0]], [(v as number[])[1], (v as number[])[1]]];
  if (Array.isArray(v) && v.length === 2 && v.every((p) => intList(p, 2))) return [[v[0][0], v[0][1]], [v[1][0], v[1][1]]];
  throw argError(op, arg, fmtValue(v), 'n, [h, w] or [[top, bottom], [left, right]] of integers >= 0');
}

/** The height and width axes of a rank-4 input (batch included). */
const hw = (f: DataFormat): [number, number] => (f === 'channelsLast' ? [1, 2] : [2, 3]);

function check4(layer: Layer, inputShape: readonly number[]): void {
  if (inputShape.length !== 3) throw argError(layer.name, 'input', `shape [null, ${inputShape.join(', ')}]`, 'rank 4 [batch, height, width, channels] (or channels first)');
}

/** Zeros around the spatial dims, as tf.layers.zeroPadding2d. */
export class ZeroPadding2D extends Layer {
  readonly padding: Pairs;
  readonly dataFormat: DataFormat;
  constructor(args: LayerArgs & { padding?: number | [number, number] | [[number, number], [number, number]]; dataFormat?: DataFormat } = {}) {
    const op = 'layers.zeroPadding2d';
    checkConfigKeys(op, args ?? {}, ['padding', 'dataFormat']);
    super('zero_padding2d', args ?? {});
    this.padding = pairsArg(op, 'padding', args?.padding, 1);
    this.dataFormat = dataFormatArg(op, args?.dataFormat);
    this.buildIfShaped();
  }
  getClassName(): string { return 'ZeroPadding2D'; }
  computeOutputShape(inputShape: readonly number[]): number[] {
    check4(this, inputShape);
    const out = inputShape.slice();
    hw(this.dataFormat).forEach((a, i) => (out[a - 1] += this.padding[i][0] + this.padding[i][1]));
    return out;
  }
  call(x: Tensor): Tensor {
    const [h, w] = hw(this.dataFormat);
    const p: [number, number][] = x.shape.map((): [number, number] => [0, 0]);
    p[h] = this.padding[0];
    p[w] = this.padding[1];
    return pad(x, p);
  }
  protected layerConfig(): LayerConfig { return { padding: this.padding, data_format: dataFormatConfig(this.dataFormat) }; }
}

/** Crops the spatial dims, as tf.layers.cropping2D. */
export class Cropping2D extends Layer {
  readonly cropping: Pairs;
  readonly dataFormat: DataFormat;
  constructor(args: LayerArgs & { cropping: number | [number, number] | [[number, number], [number, number]]; dataFormat?: DataFormat }) {
    const op = 'layers.cropping2D';
    checkConfigKeys(op, args ?? {}, ['cropping', 'dataFormat']);
    super('cropping2d', args ?? {});
    if (args?.cropping === undefined) throw argError(op, 'cropping', 'nothing', 'n, [h, w] or [[top, bottom], [left, right]]');
    this.cropping = pairsArg(op, 'cropping', args.cropping, 0);
    this.dataFormat = dataFormatArg(op, args.dataFormat);
    this.buildIfShaped();
  }
  getClassName(): string { return 'Cropping2D'; }
  computeOutputShape(inputShape: readonly number[]): number[] {
    check4(this, inputShape);
    const out = inputShape.slice();
    hw(this.dataFormat).forEach((a, i) => (out[a - 1] -= this.cropping[i][0] + this.cropping[i][1]));
    if (out.some((d) => d <= 0)) throw argError(this.name, 'input', `shape [null, ${inputShape.join(', ')}]`, `spatial dims larger than the cropping ${JSON.stringify(this.cropping)}`);
    return out;
  }
  call(x: Tensor): Tensor {
    const out = [x.shape[0], ...this.computeOutputShape(x.shape.slice(1))];
    const begin = x.shape.map(() => 0);
    hw(this.dataFormat).forEach((a, i) => (begin[a] = this.cropping[i][0]));
    return slice(x, begin, out);
  }
  protected layerConfig(): LayerConfig { return { cropping: this.cropping, data_format: dataFormatConfig(this.dataFormat) }; }
}

/** Repeats rows and columns size[0] and size[1] times (nearest neighbour), as tf.layers.upSampling2d. */
export class UpSampling2D extends Layer {
  readonly size: [number, number];
  readonly dataFormat: DataFormat;
  constructor(args: LayerArgs & { size?: number[]; dataFormat?: DataFormat; interpolation?: 'nearest' | 'bilinear' } = {}) {
    const op = 'layers.upSampling2d';
    checkConfigKeys(op, args ?? {}, ['size', 'dataFormat', 'interpolation']);
    super('up_sampling2d', args ?? {});
    const size = args?.size ?? [2, 2];
    if (!Array.isArray(size) || size.length !== 2 || !size.every((d) => Number.isInteger(d) && d > 0)) throw argError(op, 'size', fmtValue(size), 'a pair [h, w] of positive integers');
    if (args?.interpolation !== undefined && args.interpolation !== 'nearest') throw argError(op, 'interpolation', fmtValue(args.interpolation), "'nearest' (tessera does not implement bilinear)");
    this.size = [size[0], size[1]];
    this.dataFormat = dataFormatArg(op, args?.dataFormat);
    this.buildIfShaped();
  }
  getClassName(): string { return 'UpSampling2D'; }
  computeOutputShape(inputShape: readonly number[]): number[] {
    check4(this, inputShape);
    const out = inputShape.slice();
    hw(this.dataFormat).forEach((a, i) => (out[a - 1] *= this.size[i]));
    return out;
  }
  call(x: Tensor): Tensor {
    const [h, w] = hw(this.dataFormat);
    // Each spatial axis becomes (axis, repeat): view with a 1 after it, tile the 1, fold back.
    const viewed: number[] = [];
    const reps: number[] = [];
    x.shape.forEach((d, i) => {
      viewed.push(d);
      reps.push(1);
      if (i === h || i === w) {
        viewed.push(1);
        reps.push(this.size[i === h ? 0 : 1]);
      }
    });
    return tile(x.reshape(viewed), reps).reshape([x.shape[0], ...this.computeOutputShape(x.shape.slice(1))]);
  }
  protected layerConfig(): LayerConfig { return { size: this.size, data_format: dataFormatConfig(this.dataFormat), interpolation: 'nearest' }; }
}
