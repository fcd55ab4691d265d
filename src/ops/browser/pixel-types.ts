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

/**
 * The attributes draw asks a canvas's context for (a canvas that already has a context keeps its own), as TF.js's
 * contextAttributes: a 2D context reads alpha, colorSpace, desynchronized and willReadFrequently; the WebGL
 * attributes TF.js's type names are accepted and ignored by it.
 */
export interface ContextAttributes {
  alpha?: boolean;
  colorSpace?: 'srgb' | 'display-p3';
  desynchronized?: boolean;
  willReadFrequently?: boolean;
  antialias?: boolean;
  depth?: boolean;
  failIfMajorPerformanceCaveat?: boolean;
  powerPreference?: 'default' | 'high-performance' | 'low-power';
  premultipliedAlpha?: boolean;
  preserveDrawingBuffer?: boolean;
  stencil?: boolean;
}

/** An HTMLCanvasElement or OffscreenCanvas. */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(contextId: '2d', attributes?: ContextAttributes): Canvas2DLike | null;
}

/** draw's options, as TF.js's DrawOptions. */
export interface DrawOptions {
  imageOptions?: {
    /** The alpha of an image without its own (rank 2, or 1 or 3 channels), in [0, 1]; default 1 (opaque). */
    alpha?: number;
  };
  contextOptions?: {
    /** The context to draw through: '2d', the only one (as TF.js's cpu backend; its webgl backend has no draw). */
    contextType?: string;
    contextAttributes?: ContextAttributes;
  };
}
