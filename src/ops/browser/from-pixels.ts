import type { Rank } from '../../tensor/value-types';
import { Tensor } from '../../tensor/tensor';
import { argError, describeValue } from '../../util/validate';
import type { Canvas2DLike, CanvasLike, PixelData, PixelSource } from './pixel-types';

const SOURCES = 'ImageData, PixelData {data, width, height}, an HTMLCanvasElement or OffscreenCanvas, an HTMLImageElement, an HTMLVideoElement or an ImageBitmap';

/** The tensor fromPixels returns: int32 values 0..255, as TF.js's. */
function pixelTensor(shape: [number, number, number], values: Float32Array): Tensor {
  return new Tensor(shape, 'int32', Int32Array.from(values));
}

const has = (v: object, key: string, type: string) => typeof (v as Record<string, unknown>)[key] === type;
const isInstance = (v: object, name: string) => {
  const ctor = (globalThis as Record<string, unknown>)[name];
  return typeof ctor === 'function' && v instanceof (ctor as abstract new () => object);
};

function isPixelData(v: object): v is PixelData {
  const d = (v as { data?: unknown }).data;
  return (d instanceof Uint8Array || d instanceof Uint8ClampedArray) && has(v, 'width', 'number') && has(v, 'height', 'number');
}

/**
 * A 2D context on a fresh canvas of the given size to draw a source on, as TF.js's: in a page a document canvas
 * asked for willReadFrequently (kept on the CPU: no GPU readback, and its un-premultiplied bytes are TF.js's), in a
 * worker an OffscreenCanvas asked for nothing (TF.js's there, whose bytes differ from a willReadFrequently one's);
 * undefined where there is neither.
 */
function scratchContext(op: string, width: number, height: number): Canvas2DLike | undefined {
  const doc = (globalThis as { document?: { createElement(tag: 'canvas'): CanvasLike } }).document;
  const Offscreen = (globalThis as { OffscreenCanvas?: new (w: number, h: number) => CanvasLike }).OffscreenCanvas;
  const canvas = doc ? doc.createElement('canvas') : Offscreen ? new Offscreen(width, height) : undefined;
  if (!canvas) return undefined;
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', doc ? { willReadFrequently: true } : undefined);
  if (!ctx) throw new Error(`${op}: could not get a 2D context to read pixels from`);
  return ctx;
}

/** Draws an image-like source at its size on a scratch canvas and reads the RGBA bytes back; undefined where there is no canvas. */
function drawnIfCanvas(op: string, source: object, width: number, height: number): PixelData | undefined {
  // The DOM's own error for an empty source names neither the function nor the argument.
  if (!(width > 0 && height > 0)) throw argError(op, 'pixels', `a source of ${width}x${height} pixels`, 'an image, canvas, video or bitmap of at least 1x1 pixels (an image with no src is 0x0)');
  const ctx = scratchContext(op, width, height);
  if (!ctx) return undefined;
  ctx.drawImage(source as never, 0, 0, width, height);
  return sized(ctx, width, height);
}

/** The RGBA bytes of a 2D context, sized by the source (a mock's getImageData, as TF.js's tests use, gives data alone). */
function sized(ctx: Canvas2DLike, width: number, height: number): PixelData {
  return { data: ctx.getImageData(0, 0, width, height).data, width, height };
}

function drawn(op: string, source: object, width: number, height: number): PixelData {
  const pixels = drawnIfCanvas(op, source, width, height);
  if (!pixels) throw new Error(`${op}: reading an image, video or bitmap needs a canvas to draw it on (OffscreenCanvas or a document); in this runtime pass PixelData {data, width, height} instead`);
  return pixels;
}

/** The RGBA bytes of any supported source, checked. */
function rgbaOf(op: string, pixels: object): PixelData {
  if (isPixelData(pixels)) return pixels;
  if (isInstance(pixels, 'HTMLVideoElement') || has(pixels, 'videoWidth', 'number')) {
    const video = pixels as { readyState: number; videoWidth: number; videoHeight: number };
    if (video.readyState < 2) throw new Error(`${op}: the video element has not loaded data yet (readyState ${video.readyState}); wait for its 'loadeddata' event`);
    return drawn(op, pixels, video.videoWidth, video.videoHeight);
  }
  if (isInstance(pixels, 'HTMLImageElement') || has(pixels, 'naturalWidth', 'number')) {
    const image = pixels as { complete: boolean; width: number; height: number; src?: string };
    if (!image.complete) throw new Error(`${op}: the image ${image.src ? `${image.src} ` : ''}has not loaded yet; wait for its 'load' event`);
    return drawn(op, pixels, image.width, image.height);
  }
  const { width, height } = pixels as { width: number; height: number };
  if (has(pixels, 'getContext', 'function')) {
    // Drawn onto the scratch canvas, so a canvas with no context yet is not given a 2D one (it may be meant for
    // WebGL) and a WebGL canvas reads too; where there is no scratch canvas (Node's canvas packages), its own 2D context.
    const copied = drawnIfCanvas(op, pixels, width, height);
    if (copied) return copied;
    const ctx = (pixels as CanvasLike).getContext('2d');
    if (!ctx) throw new Error(`${op}: the canvas gives no 2D context, and this runtime has no canvas to draw it on`);
    return sized(ctx, width, height);
  }
  if (isInstance(pixels, 'ImageBitmap')) return drawn(op, pixels, width, height);
  throw argError(op, 'pixels', describeValue(pixels), SOURCES);
}

/**
 * An image as a tensor [height, width, numChannels] of values 0..255, as tf.browser.fromPixels:
 * the first numChannels of R, G, B, A.
 */
export function fromPixels(pixels: PixelSource, numChannels?: number): Tensor<Rank.R3> {
  return readPixels('browser.fromPixels', pixels, numChannels);
}

/** fromPixels under the name `op` (in its errors). */
function readPixels(op: string, pixels: PixelSource, numChannels?: number): Tensor<Rank.R3> {
  numChannels ??= 3;
  if (pixels === null || typeof pixels !== 'object') throw argError(op, 'pixels', describeValue(pixels), SOURCES);
  if (!Number.isInteger(numChannels) || numChannels < 1 || numChannels > 4) throw argError(op, 'numChannels', describeValue(numChannels), 'an integer from 1 to 4');
  const { data, width, height } = rgbaOf(op, pixels);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw argError(op, 'pixels', `width ${width} and height ${height}`, 'a non-negative integer width and height');
  }
  if (data.length !== width * height * 4) {
    throw argError(op, 'pixels.data', `${data.length} bytes`, `width * height * 4 = ${width * height * 4} bytes (RGBA) for ${width}x${height} pixels`);
  }
  const values = new Float32Array(width * height * numChannels);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < numChannels; c++) values[p * numChannels + c] = data[p * 4 + c];
  }
  return pixelTensor([height, width, numChannels], values) as Tensor<Rank.R3>;
}

/**
 * fromPixels as a promise, as tf.browser.fromPixelsAsync: the same tensor (TF.js wraps the source in an ImageBitmap
 * first only under its WRAP_TO_IMAGEBITMAP flag, off by default, which tessera does not have); a bad argument rejects.
 */
export async function fromPixelsAsync(pixels: PixelSource, numChannels?: number): Promise<Tensor<Rank.R3>> {
  return readPixels('browser.fromPixelsAsync', pixels, numChannels);
}
