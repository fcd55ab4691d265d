import type { Tensor } from '../../tensor/tensor';
import { argError, checkKnownKeys, describeValue, fmtShape, fmtValue, withArticle } from '../../util/validate';
import { cast } from '../cast';
import { toTensor, type TensorLike } from '../tensor-like';
import type { Canvas2DLike, CanvasLike, ContextAttributes, DrawOptions } from './pixel-types';

/** Whether a dtype holds integer pixel values 0..255 (int32) rather than fractions 0..1 (floats). */
const isIntegerDtype = (dtype: string) => dtype === 'int32';

/** An image tensor's height, width and channels, checked: [height, width] or [height, width, 1 | 3 | 4] of a number dtype. */
function imageShape(op: string, arg: string, img: Tensor): [number, number, number] {
  if (img.rank !== 2 && img.rank !== 3) throw argError(op, arg, `shape ${fmtShape(img.shape)}`, 'a tensor of rank 2 or 3 ([height, width] or [height, width, channels])');
  const depth = img.rank === 2 ? 1 : img.shape[2];
  if (depth !== 1 && depth !== 3 && depth !== 4) throw argError(op, arg, `shape ${fmtShape(img.shape)} (${depth} channels)`, '1, 3 or 4 channels');
  if (img.dtype === 'bool') throw new Error(`${op}: Unsupported type for ${op.slice('browser.'.length)}: ${img.dtype}. Please use float32 or int32 tensors.`);
  return [img.shape[0], img.shape[1], depth];
}

/**
 * The image as a tensor: a Tensor as it is; TensorLike values (nested arrays) as a new int32 tensor, truncated, as
 * TF.js assumes of them (the caller disposes it: it is not `img`).
 */
function imageTensor(op: string, arg: string, img: Tensor | TensorLike): Tensor {
  const t = toTensor(op, arg, img);
  if (t === img || t.dtype === 'int32') return t;
  const int = cast(t, 'int32');
  t.dispose();
  return int;
}

function checkCanvas(op: string, canvas: unknown): asserts canvas is CanvasLike {
  if (canvas === null || typeof canvas !== 'object' || typeof (canvas as CanvasLike).getContext !== 'function') {
    throw argError(op, 'canvas', describeValue(canvas), 'an HTMLCanvasElement or OffscreenCanvas');
  }
}

/**
 * The image's values as RGBA bytes: float values must be in [0, 1], int32 values in [0, 255]; one channel is grey,
 * a fourth is alpha (`alpha`, a byte, when absent); NaN is 0.
 */
function rgbaBytes(op: string, img: Tensor, [height, width, depth]: [number, number, number], values: ArrayLike<number>, alpha: number): Uint8ClampedArray {
  const integer = isIntegerDtype(img.dtype);
  const scale = integer ? 1 : 255;
  const max = integer ? 255 : 1;
  const bytes = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < depth; c++) {
      const v = values[p * depth + c];
      // NaN passes and is drawn as 0, as in TF.js.
      if (v < 0 || v > max) {
        throw new Error(`${op}: ${withArticle(img.dtype)} image's values must be in [0, ${max}]; got ${v} at pixel ${p} (row ${Math.floor(p / width)}, column ${p % width}), channel ${c}`);
      }
    }
    const at = p * depth;
    const px = p * 4;
    if (depth === 1) {
      bytes[px] = bytes[px + 1] = bytes[px + 2] = Math.round(values[at] * scale);
    } else {
      for (let c = 0; c < 3; c++) bytes[px + c] = Math.round(values[at + c] * scale);
    }
    bytes[px + 3] = depth === 4 ? Math.round(values[at + 3] * scale) : alpha;
  }
  return bytes;
}

/**
 * Puts the bytes on the canvas through its 2D context (asked for with `attributes` when it has none yet), resizing the
 * canvas to the image; what is missing (ImageData, a 2D context) is an error before the canvas changes.
 */
function put(op: string, canvas: CanvasLike, attributes: ContextAttributes | undefined, bytes: Uint8ClampedArray, width: number, height: number): void {
  const ImageDataClass = (globalThis as { ImageData?: new (data: Uint8ClampedArray, width: number, height: number) => ImageDataLike }).ImageData;
  if (!ImageDataClass) throw new Error(`${op}: drawing on a canvas needs ImageData, which this runtime lacks`);
  const ctx = canvas.getContext('2d', attributes);
  if (!ctx) throw new Error(`${op}: the canvas gives no 2D context (is it already used for WebGL?)`);
  canvas.width = width;
  canvas.height = height;
  ctx.putImageData(new ImageDataClass(bytes, width, height), 0, 0);
}

type ImageDataLike = Parameters<Canvas2DLike['putImageData']>[0];

/**
 * An image tensor [height, width] or [height, width, 1 | 3 | 4] as RGBA bytes, as tf.browser.toPixels (TensorLike
 * values are read as int32): float values must be in [0, 1], int32 values in [0, 255]; one channel is grey, a fourth is alpha
 * (255 when absent). Draws them onto `canvas` when given, resizing it to the image.
 */
export async function toPixels(img: Tensor | TensorLike, canvas?: CanvasLike): Promise<Uint8ClampedArray> {
  const op = 'browser.toPixels';
  const t = imageTensor(op, 'img', img);
  try {
    const shape = imageShape(op, 'img', t);
    if (canvas !== undefined) checkCanvas(op, canvas);
    const bytes = rgbaBytes(op, t, shape, await t.data(), 255);
    if (canvas) put(op, canvas, undefined, bytes, shape[1], shape[0]);
    return bytes;
  } finally {
    if (t !== img) t.dispose();
  }
}

/** The alpha byte and context attributes of draw's options, checked. */
function drawSettings(op: string, options: unknown): { alpha: number; attributes: ContextAttributes | undefined } {
  if (options === undefined || options === null) return { alpha: 255, attributes: undefined };
  if (typeof options !== 'object') throw argError(op, 'options', describeValue(options), 'an object {imageOptions?, contextOptions?}');
  checkKnownKeys(op, 'options', options, ['imageOptions', 'contextOptions']);
  const { imageOptions, contextOptions } = options as DrawOptions;
  let alpha = 1;
  if (imageOptions !== undefined && imageOptions !== null) {
    if (typeof imageOptions !== 'object') throw argError(op, 'options.imageOptions', describeValue(imageOptions), 'an object {alpha?}');
    checkKnownKeys(op, 'options.imageOptions', imageOptions, ['alpha']);
    const a = imageOptions.alpha ?? 1;
    // TF.js reads `alpha || 1`, so it draws alpha 0 opaque; tessera keeps the documented meaning (transparent).
    if (typeof a !== 'number' || !(a >= 0 && a <= 1)) throw argError(op, 'options.imageOptions.alpha', fmtValue(a), 'a number in [0, 1]');
    alpha = a;
  }
  let attributes: ContextAttributes | undefined;
  if (contextOptions !== undefined && contextOptions !== null) {
    if (typeof contextOptions !== 'object') throw argError(op, 'options.contextOptions', describeValue(contextOptions), 'an object {contextType?, contextAttributes?}');
    checkKnownKeys(op, 'options.contextOptions', contextOptions, ['contextType', 'contextAttributes']);
    const type = contextOptions.contextType ?? '2d';
    // TF.js's cpu backend draws only through '2d', and its webgl backend has no draw at all.
    if (type !== '2d') throw argError(op, 'options.contextOptions.contextType', fmtValue(type), "'2d' (tessera draws through a 2D context on every backend)");
    const attrs = contextOptions.contextAttributes;
    if (attrs !== undefined && attrs !== null && (typeof attrs !== 'object' || Array.isArray(attrs))) {
      throw argError(op, 'options.contextOptions.contextAttributes', describeValue(attrs), 'an object of context attributes');
    }
    attributes = attrs ?? undefined;
  }
  return { alpha: Math.round(255 * alpha), attributes };
}

/**
 * Draws an image tensor on a canvas, as tf.browser.draw: the values as toPixels reads them, `imageOptions.alpha` the
 * alpha of an image without its own; the canvas takes the image's size. Everything is checked before the canvas
 * changes.
 */
export function draw(image: Tensor | TensorLike, canvas: CanvasLike, options?: DrawOptions): void {
  const op = 'browser.draw';
  const t = imageTensor(op, 'image', image);
  try {
    const shape = imageShape(op, 'image', t);
    checkCanvas(op, canvas);
    const { alpha, attributes } = drawSettings(op, options);
    const bytes = rgbaBytes(op, t, shape, t.dataSync(), alpha);
    put(op, canvas, attributes, bytes, shape[1], shape[0]);
  } finally {
    if (t !== image) t.dispose();
  }
}
