export { fromPixels, fromPixelsAsync } from './from-pixels';
export { draw, toPixels } from './to-pixels';
export type { PixelData, PixelSource, CanvasLike, Canvas2DLike, ContextAttributes, DrawOptions } from './pixel-types';
