import { add, mul } from '../ops/binary';
import { cast } from '../ops/cast';
import { randomUniform } from '../ops/creation';
import { gather } from '../ops/gather';
import { resizeBilinear, resizeNearestNeighbor } from '../ops/image/resize';
import { pad } from '../ops/pad';
import { Tensor } from '../tensor/tensor';
import type { Tensor4D } from '../tensor/tfjs-types';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { Layer, checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

// TF.js 4.22's image preprocessing layers: rescaling, resizing, centerCrop and randomWidth, on NHWC images (a batch, or one
// unbatched [height, width, channels] image when applied to a tensor directly, as TF.js allows).

export interface RescalingArgs extends LayerArgs {
  scale: number;
  offset?: number;
}

export interface ResizingArgs extends LayerArgs {
  height: number;
  width: number;
  interpolation?: 'bilinear' | 'nearest';
  cropToAspectRatio?: boolean;
}

export interface RandomWidthArgs extends LayerArgs {
  /** The width changes by a factor drawn from [1 - factor, 1 + factor], or [1 + factor[0], 1 + factor[1]]. */
  factor: number | [number, number];
  interpolation?: 'bilinear' | 'nearest';
  seed?: number;
}

export interface CenterCropArgs extends LayerArgs {
  height: number;
  width: number;
}

function finiteArg(op: string, arg: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw argError(op, arg, fmtValue(v), 'a finite number');
  return v;
}

function sizeArg(op: string, arg: string, v: unknown): number {
  if (!Number.isInteger(v) || (v as number) <= 0) throw argError(op, arg, fmtValue(v), 'a positive integer');
  return v as number;
}

/** The output shape (no batch dim) of an image layer making height x width images; an unbatched image's is one shorter. */
function imageShape(layer: Layer, inputShape: readonly number[], height: number, width: number): number[] {
  if (inputShape.length === 3) return [height, width, inputShape[2]];
  if (inputShape.length === 2) return [width, inputShape[1]];
  throw argError(layer.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank 4 [batch, height, width, channels] (or one rank-3 image)');
}

/** f on the images as a batch: an unbatched [h, w, c] image goes through as a batch of one. */
function onBatch(x: Tensor, f: (images: Tensor) => Tensor): Tensor {
  if (x.rank !== 3) return f(x);
  const [h, w, c] = x.shape;
  const y = f(x.reshape([1, h, w, c]));
  return y.reshape(y.shape.slice(1));
}

/** x * scale + offset, as tf.layers.rescaling (e.g. scale 1/255 maps pixels to [0, 1]). */
export class Rescaling extends Layer {
  readonly scale: number;
  readonly offset: number;

  constructor(args: RescalingArgs) {
    const op = 'layers.rescaling';
    if (args === null || typeof args !== 'object') throw argError(op, 'config', fmtValue(args), 'an object {scale, offset?}');
    checkConfigKeys(op, args, ['scale', 'offset']);
    super('rescaling', args);
    this.scale = finiteArg(op, 'scale', args.scale);
    this.offset = args.offset == null ? 0 : finiteArg(op, 'offset', args.offset);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Rescaling';
  }

  /** Any rank, as TF.js's (it is elementwise): a call on other shapes after the first is fine. */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  /** Elementwise: an unknown size on any axis (an image of any height and width). */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return inputShape.slice();
  }

  override call(x: Tensor): Tensor {
    return add(mul(x, this.scale), this.offset);
  }

  protected override layerConfig(): LayerConfig {
    return { scale: this.scale, offset: this.offset };
  }
}

/**
 * Resizes images to height x width, as tf.layers.resizing. As TF.js 4.22 does, cropToAspectRatio crops nothing:
 * TF.js passes its negation as the resize's alignCorners, so the default (false) resizes with aligned corners.
 */
export class Resizing extends AnyDtypeLayer {
  readonly height: number;
  readonly width: number;
  readonly interpolation: 'bilinear' | 'nearest';
  readonly cropToAspectRatio: boolean;

  constructor(args: ResizingArgs) {
    const op = 'layers.resizing';
    if (args === null || typeof args !== 'object') throw argError(op, 'config', fmtValue(args), 'an object {height, width, interpolation?, cropToAspectRatio?}');
    checkConfigKeys(op, args, ['height', 'width', 'interpolation', 'cropToAspectRatio']);
    super('resizing', args);
    this.height = sizeArg(op, 'height', args.height);
    this.width = sizeArg(op, 'width', args.width);
    const interpolation = args.interpolation ?? 'bilinear';
    if (interpolation !== 'bilinear' && interpolation !== 'nearest') throw argError(op, 'interpolation', fmtValue(interpolation), "'bilinear' or 'nearest'");
    this.interpolation = interpolation;
    this.cropToAspectRatio = Boolean(args.cropToAspectRatio);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Resizing';
  }

  /** Images of any size, batched or not, as TF.js's (the resize checks the rank), call after call. */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return imageShape(this, inputShape, this.height, this.width);
  }

  override call(x: Tensor): Tensor {
    const resize = this.interpolation === 'bilinear' ? resizeBilinear : resizeNearestNeighbor;
    return resize(x as Tensor4D, [this.height, this.width], !this.cropToAspectRatio);
  }

  protected override layerConfig(): LayerConfig {
    return { height: this.height, width: this.width, interpolation: this.interpolation, crop_to_aspect_ratio: this.cropToAspectRatio };
  }
}

/**
 * The rows (or columns) TF.js's centerCrop samples: a nearest-neighbour cropAndResize over the box from `start`
 * to `start + size` of `extent`, its box corners in float32; -1 where the sample falls outside (TF.js writes 0).
 */
function cropIndices(start: number, size: number, extent: number): number[] {
  const lo = Math.fround(start / extent);
  const hi = Math.fround((size + start) / extent);
  const step = size > 1 ? ((hi - lo) * (extent - 1)) / (size - 1) : 0;
  return Array.from({ length: size }, (_, i) => {
    const at = size > 1 ? lo * (extent - 1) + i * step : 0.5 * (lo + hi) * (extent - 1);
    return at < 0 || at > extent - 1 ? -1 : Math.round(at);
  });
}

/** Picks rows (axis 1) or columns (axis 2) by index; -1 picks a zero row appended for it. */
function pick(images: Tensor, indices: number[], axis: 1 | 2): Tensor {
  const extent = images.shape[axis];
  const padded = indices.includes(-1) ? pad(images, images.shape.map((_, i) => (i === axis ? [0, 1] : [0, 0]) as [number, number])) : images;
  return gather(padded, new Tensor([indices.length], 'int32', Int32Array.from(indices, (i) => (i < 0 ? extent : i))), axis);
}

/**
 * The central height x width of each image, as tf.layers.centerCrop (TF.js's sampling, where an odd difference
 * of widths shifts the crop one column); an image smaller than that in either dim is resized up (bilinear).
 */
export class CenterCrop extends Layer {
  readonly height: number;
  readonly width: number;

  constructor(args: CenterCropArgs) {
    const op = 'layers.centerCrop';
    if (args === null || typeof args !== 'object') throw argError(op, 'config', fmtValue(args), 'an object {height, width}');
    checkConfigKeys(op, args, ['height', 'width']);
    super('center_crop', args);
    this.height = sizeArg(op, 'height', args.height);
    this.width = sizeArg(op, 'width', args.width);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'CenterCrop';
  }

  /** Images of any size, batched or not, as TF.js's (the crop checks the rank), call after call. */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return imageShape(this, inputShape, this.height, this.width);
  }

  /** Any dtype: the crop keeps it, as TF.js's (an int32 image gives int32, an upsized one truncated). */
  protected override checksInputDtype(): boolean {
    return false;
  }

  override call(x: Tensor): Tensor {
    const images = x.dtype === this.dtype ? x : cast(x, this.dtype);
    const y = this.crop(images);
    return y.dtype === x.dtype ? y : cast(y, x.dtype);
  }

  private crop(x: Tensor): Tensor {
    return onBatch(x, (images) => {
      const [, h, w] = images.shape;
      const top = h === this.height ? 0 : Math.floor((h - this.height) / 2);
      // TF.js moves a zero left margin to 1 (so a width one larger loses its first column).
      const left = w === this.width ? 0 : Math.floor((w - this.width) / 2) || 1;
      if (top < 0 || left < 0) return resizeBilinear(images as Tensor4D, [this.height, this.width]);
      return pick(pick(images, cropIndices(top, this.height, h), 1), cropIndices(left, this.width, w), 2);
    });
  }

  protected override layerConfig(): LayerConfig {
    return { height: this.height, width: this.width };
  }
}

/**
 * Resizes images to a width drawn at each call (its height kept), as tf.layers.randomWidth: the factor is uniform in
 * [1 + lower, 1 + upper) from tf.randomUniform with the layer's seed, counted up by each call as TF.js's is. As in
 * TF.js 4.22 it draws at every call, training or not, and a model cannot hold it (its output width is unknown).
 */
export class RandomWidth extends AnyDtypeLayer {
  readonly factor: number | [number, number];
  readonly interpolation: 'bilinear' | 'nearest';
  private readonly lower: number;
  private readonly upper: number;
  /** The next call's seed; undefined draws unseeded. */
  private seed: number | undefined;

  constructor(args: RandomWidthArgs) {
    const op = 'layers.randomWidth';
    if (args === null || typeof args !== 'object') throw argError(op, 'config', fmtValue(args), 'an object {factor, interpolation?, seed?}');
    checkConfigKeys(op, args, ['factor', 'interpolation', 'seed']);
    super('random_width', args);
    const { factor } = args;
    const pair = Array.isArray(factor) && factor.length === 2 && factor.every((f) => typeof f === 'number' && Number.isFinite(f));
    if (!pair && !(typeof factor === 'number' && factor > 0 && Number.isFinite(factor))) throw argError(op, 'factor', fmtValue(factor), 'a positive number or a pair [lower, upper] of numbers');
    [this.lower, this.upper] = pair ? factor as [number, number] : [-factor, factor as number];
    if (this.lower < -1 || this.upper < -1) throw argError(op, 'factor', fmtValue(factor), 'values larger than -1 (a width cannot shrink below nothing)');
    if (this.upper < this.lower) throw argError(op, 'factor', fmtValue(factor), `a lower bound (${this.lower}) no greater than the upper bound (${this.upper})`);
    this.factor = pair ? [...factor as [number, number]] : factor;
    const interpolation = args.interpolation ?? 'bilinear';
    if (interpolation !== 'bilinear' && interpolation !== 'nearest') throw argError(op, 'interpolation', fmtValue(interpolation), "'bilinear' or 'nearest'");
    this.interpolation = interpolation;
    if (args.seed != null && (typeof args.seed !== 'number' || !Number.isFinite(args.seed))) throw argError(op, 'seed', fmtValue(args.seed), 'a number');
    this.seed = args.seed ?? undefined;
  }

  override getClassName(): string {
    return 'RandomWidth';
  }

  /** The width is drawn at each call, so only the rank is known (a symbolic apply is refused). */
  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return imageShape(this, inputShape, inputShape[0], -1);
  }

  /** Images of any size, batched or not, as TF.js's (the resize checks the rank). */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  protected override checkSymbolicInputs(op: string): void {
    throw new Error(`${op}: randomWidth draws its output width at each call, so it cannot be applied to symbolic tensors or added to a model (TF.js 4.22 refuses it too, with a negative dimension); apply it to image tensors`);
  }

  override call(x: Tensor): Tensor {
    const [height, width] = x.shape.slice(-3, -1);
    const drawn = randomUniform([1], 1 + this.lower, 1 + this.upper, 'float32', this.seed === undefined ? undefined : this.seed++);
    const size: [number, number] = [height, Math.round(drawn.hostValues()[0] * width)];
    return this.interpolation === 'bilinear' ? resizeBilinear(x as Tensor4D, size) : resizeNearestNeighbor(x as Tensor4D, size);
  }

  /** The seed is the next call's (TF.js saves the counted-up one), null when unseeded. */
  protected override layerConfig(): LayerConfig {
    return { factor: this.factor, interpolation: this.interpolation, seed: this.seed ?? null };
  }

  /** As TF.js's: an unseeded layer's seed is undefined. */
  override getConfig(): LayerConfig {
    // TF.js's ConfigDict type has no undefined, yet its getConfig holds one for a seed never given, as here.
    return { ...super.getConfig(), seed: this.seed } as LayerConfig;
  }
}
