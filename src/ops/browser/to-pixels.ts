import type { Tensor } from '../../tensor/tensor';
import { argError, describeValue, fmtShape } from '../../util/validate';
import { assertTensor } from '../../tensor/checks';
import type { CanvasLike, PixelData } from './pixel-types';

const OP = 'browser.toPixels';

/** Whether a dtype holds integer pixel values 0..255 (int32) rather than fractions 0..1 (floats). */
const isIntegerDtype = (dtype: string) => dtype === 'int32';

/**
 * An image tensor [height, width] or [height, width, 1 | 3 | 4] as RGBA bytes, as tf.browser.toPixels:
 * float values must be in [0, 1], int32 values in [0, 255]; one channel is grey, a fourth is alpha
 * (255 when absent). Draws them onto `canvas` when given, resizing it to the image.
 */
export async function toPixels(img: Tensor, canvas?: CanvasLike): Promise<Uint8ClampedArray> {
  assertTensor(OP, 'img', img);
  if (img.rank !== 2 && img.rank !== 3) throw argError(OP, 'img', `shape ${fmtShape(img.shape)}`, 'a tensor of rank 2 or 3 ([height, width] or [height, width, channels])');
  const [height, width] = img.shape;
  const depth = img.rank === 2 ? 1 : img.shape[2];
  if (depth !== 1 && depth !== 3 && depth !== 4) throw argError(OP, 'img', `shape ${fmtShape(img.shape)} (${depth} channels)`, '1, 3 or 4 channels');
  if (canvas !== undefined && (canvas === null || typeof canvas !== 'object' || typeof canvas.getContext !== 'function')) {
    throw argError(OP, 'canvas', describeValue(canvas), 'an HTMLCanvasElement or OffscreenCanvas');
  }
  const integer = isIntegerDtype(img.dtype);
  const scale = integer ? 1 : 255;
  const max = integer ? 255 : 1;
  const values = await img.data();
  const bytes = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < depth; c++) {
      const v = values[p * depth + c];
      if (!(v >= 0 && v <= max)) {
        throw new Error(`${OP}: a ${img.dtype} image's values must be in [0, ${max}]; got ${v} at pixel ${p} (row ${Math.floor(p / width)}, column ${p % width}), channel ${c}`);
      }
    }
    const at = p * depth;
    const px = p * 4;
    if (depth === 1) {
      bytes[px] = bytes[px + 1] = bytes[px + 2] = Math.round(values[at] * scale);
    } else {
      for (let c = 0; c < 3; c++) bytes[px + c] = Math.round(values[at + c] * scale);
    }
    bytes[px + 3] = depth === 4 ? Math.round(values[at + 3] * scale) : 255;
  }
  if (canvas) draw(canvas, { data: bytes, width, height });
  return bytes;
}

function draw(canvas: CanvasLike, pixels: PixelData & { data: Uint8ClampedArray }): void {
  const ImageDataClass = (globalThis as { ImageData?: new (data: Uint8ClampedArray, width: number, height: number) => PixelData }).ImageData;
  if (!ImageDataClass) throw new Error(`${OP}: drawing on a canvas needs ImageData, which this runtime lacks; call toPixels(img) without a canvas for the bytes`);
  canvas.width = pixels.width;
  canvas.height = pixels.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(`${OP}: the canvas gives no 2D context (is it already used for WebGL?)`);
  ctx.putImageData(new ImageDataClass(pixels.data, pixels.width, pixels.height), 0, 0);
}
