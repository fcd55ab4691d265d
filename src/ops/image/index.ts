export { resizeBilinear, resizeNearestNeighbor } from './resize';
export { flipLeftRight, rgbToGrayscale, grayscaleToRGB } from './color';
