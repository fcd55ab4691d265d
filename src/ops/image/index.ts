// The resize ops come through the file that installs their Tensor methods, so a bundle keeps the methods with them.
export { resizeBilinear, resizeNearestNeighbor } from '../surface-methods';
export { flipLeftRight, rgbToGrayscale, grayscaleToRGB } from './color';
export {
  nonMaxSuppression, nonMaxSuppressionAsync, nonMaxSuppressionWithScore, nonMaxSuppressionWithScoreAsync, nonMaxSuppressionPadded, nonMaxSuppressionPaddedAsync,
} from './non-max-suppression';
export { cropAndResize } from './crop-and-resize';
export { rotateWithOffset } from './rotate';
export { threshold } from './threshold';
export { transform } from './transform';
