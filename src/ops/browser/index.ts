export { fromPixels } from './from-pixels';
export { toPixels } from './to-pixels';
export type { PixelData, PixelSource, CanvasLike, Canvas2DLike } from './pixel-types';
