/** Raw RGBA pixels, 4 bytes a pixel, row by row: what ImageData holds (TF.js's PixelData). */
export interface PixelData {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/**
 * Anything fromPixels reads: PixelData or ImageData, or an HTMLCanvasElement, OffscreenCanvas,
 * HTMLImageElement, HTMLVideoElement or ImageBitmap (all have a width and a height). Declared
 * structurally so the types need no DOM library.
 */
export type PixelSource = PixelData | { readonly width: number; readonly height: number };

/** The part of a canvas 2D context tessera uses. */
export interface Canvas2DLike {
  getImageData(sx: number, sy: number, sw: number, sh: number): PixelData;
  putImageData(imageData: PixelData, dx: number, dy: number): void;
  drawImage(image: never, dx: number, dy: number, dw: number, dh: number): void;
}

/** An HTMLCanvasElement or OffscreenCanvas. */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(contextId: '2d'): Canvas2DLike | null;
}
