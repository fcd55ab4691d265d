export { resizeBilinear, resizeNearestNeighbor } from './resize';
export { flipLeftRight, rgbToGrayscale, grayscaleToRGB } from './color';
export { nonMaxSuppression, nonMaxSuppressionAsync, nonMaxSuppressionWithScore, nonMaxSuppressionWithScoreAsync } from './non-max-suppression';
