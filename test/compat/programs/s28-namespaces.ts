import type { Tensor, Tensor3D, Tensor4D } from '../../../src/index';
import type { Program, TF } from '../harness';

// The namespaces beside the core ops, as TF.js's own tests exercise them and a user program meets them: tf.image
// (resizing with each corner convention, crops, the non-max suppressions, flips, rotations, projective transforms,
// colour conversions, thresholds, and their gradients), tf.signal, tf.linalg, tf.losses with weights and every
// Reduction, tf.metrics, the tf.train optimizers with non-default options and their state, tf.test_util and the
// ragged ops.

/** The value of f, or 'threw': several throw-or-not checks fit in one program. */
const attempt = (f: () => unknown): unknown => {
  try { return f(); } catch { return 'threw'; }
};
const attemptAsync = async (f: () => Promise<unknown>): Promise<unknown> => {
  try { return await f(); } catch { return 'threw'; }
};
/** A [1, h, w, c] image of 0, 1, 2, ... */
const ramp = (tf: TF, h: number, w: number, c = 1, dtype: 'float32' | 'int32' = 'float32') =>
  tf.reshape(tf.range(0, h * w * c, 1, dtype), [1, h, w, c]) as Tensor4D;
const boxes6 = [[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1, 11], [0, 10.1, 1, 11.1], [0, 100, 1, 101]];
const scores6 = [0.9, 0.75, 0.6, 0.95, 0.5, 0.3];

const resize: Program[] = [
  {
    name: 'resizeBilinear up 2x3 -> 4x5 with each corner convention',
    run: (tf) => {
      const x = ramp(tf, 2, 3);
      return [tf.image.resizeBilinear(x, [4, 5]), tf.image.resizeBilinear(x, [4, 5], true), tf.image.resizeBilinear(x, [4, 5], false, true)];
    },
  },
  {
    name: 'resizeBilinear down 5x7 -> 2x3 with each corner convention, two channels',
    run: (tf) => {
      const x = ramp(tf, 5, 7, 2);
      return [tf.image.resizeBilinear(x, [2, 3]), tf.image.resizeBilinear(x, [2, 3], true), tf.image.resizeBilinear(x, [2, 3], false, true)];
    },
  },
  {
    name: 'resizeBilinear of a 3-d image keeps rank 3, and of an int32 image gives float32',
    run: (tf) => {
      const x3 = tf.reshape(tf.range(0, 12), [3, 4, 1]) as Tensor3D;
      const xi = ramp(tf, 2, 2, 1, 'int32');
      const r = tf.image.resizeBilinear(xi, [3, 3]);
      return [tf.image.resizeBilinear(x3, [2, 2]), r.dtype, r];
    },
  },
  {
    name: 'resizeNearestNeighbor up and down with each corner convention',
    run: (tf) => {
      const x = ramp(tf, 3, 4);
      return [
        tf.image.resizeNearestNeighbor(x, [5, 7]), tf.image.resizeNearestNeighbor(x, [5, 7], true), tf.image.resizeNearestNeighbor(x, [5, 7], false, true),
        tf.image.resizeNearestNeighbor(x, [2, 3]), tf.image.resizeNearestNeighbor(x, [2, 3], true), tf.image.resizeNearestNeighbor(x, [2, 3], false, true),
      ];
    },
  },
  {
    name: 'resizeNearestNeighbor of an int32 image keeps int32',
    run: (tf) => {
      const r = tf.image.resizeNearestNeighbor(ramp(tf, 2, 3, 2, 'int32'), [4, 4]);
      return [r.dtype, r];
    },
  },
  {
    name: 'resize to 1x1 with alignCorners, and to the same size',
    run: (tf) => {
      const x = ramp(tf, 3, 3);
      return [tf.image.resizeBilinear(x, [1, 1], true), tf.image.resizeNearestNeighbor(x, [1, 1], true), tf.image.resizeBilinear(x, [3, 3]), tf.image.resizeNearestNeighbor(x, [3, 3], false, true)];
    },
  },
  {
    name: 'resizeBilinear and resizeNearestNeighbor refuse alignCorners with halfPixelCenters, a rank-2 image and a bad size',
    run: (tf) => {
      const x = ramp(tf, 2, 2);
      return [
        attempt(() => tf.image.resizeBilinear(x, [3, 3], true, true)), attempt(() => tf.image.resizeNearestNeighbor(x, [3, 3], true, true)),
        attempt(() => tf.image.resizeBilinear(tf.ones([2, 2]) as never, [3, 3])), attempt(() => tf.image.resizeNearestNeighbor(tf.ones([2, 2]) as never, [3, 3])),
        attempt(() => tf.image.resizeBilinear(x, [3] as never)),
      ];
    },
  },
  {
    name: 'gradient of resizeBilinear of a square image, up and down, each convention',
    run: (tf) => {
      const x = ramp(tf, 4, 4);
      const w = tf.reshape(tf.range(1, 1 + 5 * 6), [1, 5, 6, 1]);
      const w2 = tf.reshape(tf.range(1, 1 + 2 * 3), [1, 2, 3, 1]);
      const g = (size: [number, number], wt: Tensor, ac: boolean, hp: boolean) => tf.grad((v: Tensor) => tf.sum(tf.mul(tf.image.resizeBilinear(v as never, size, ac, hp), wt)))(x);
      return [g([5, 6], w, false, false), g([2, 3], w2, false, false), g([5, 6], w, true, false), g([2, 3], w2, true, false)];
    },
  },
  {
    name: 'gradient of resizeBilinear with halfPixelCenters',
    deviation: 'TF.js\'s cpu ResizeBilinearGrad ignores halfPixelCenters and spreads each gradient over the pixels the forward pass without it would have read; tessera differentiates the forward pass that ran',
    run: (tf) => [tf.grad((v: Tensor) => tf.sum(tf.mul(tf.image.resizeBilinear(v as never, [2, 3], false, true), tf.reshape(tf.range(1, 7), [1, 2, 3, 1]))))(ramp(tf, 4, 4))],
  },
  {
    name: 'gradient of resizeBilinear of a non-square image',
    deviation: 'TF.js\'s cpu ResizeBilinearGrad gives its result the shape [batch, width, height, depth], so the gradient of any non-square image fails its shape check; tessera returns the gradient',
    run: (tf) => [tf.grad((v: Tensor) => tf.sum(tf.image.resizeBilinear(v as never, [5, 6])))(ramp(tf, 3, 4))],
  },
  {
    name: 'gradient of resizeNearestNeighbor up and down, with and without alignCorners',
    run: (tf) => {
      const x = ramp(tf, 3, 4);
      const w = tf.reshape(tf.range(1, 1 + 5 * 7), [1, 5, 7, 1]);
      const w2 = tf.reshape(tf.range(1, 1 + 2 * 3), [1, 2, 3, 1]);
      const g = (size: [number, number], wt: Tensor, ac: boolean) => tf.grad((v: Tensor) => tf.sum(tf.mul(tf.image.resizeNearestNeighbor(v as never, size, ac), wt)))(x);
      return [g([5, 7], w, false), g([5, 7], w, true), g([2, 3], w2, false), g([2, 3], w2, true)];
    },
  },
  {
    name: 'gradient of resizeNearestNeighbor with halfPixelCenters',
    deviation: 'TF.js\'s cpu ResizeNearestNeighborGrad ignores halfPixelCenters and sends each gradient to the pixel the forward pass without it would have read; tessera sends it to the pixel the forward pass read',
    run: (tf) => {
      const x = ramp(tf, 3, 4);
      const w2 = tf.reshape(tf.range(1, 1 + 2 * 3), [1, 2, 3, 1]);
      return [tf.grad((v: Tensor) => tf.sum(tf.mul(tf.image.resizeNearestNeighbor(v as never, [2, 3], false, true), w2)))(x)];
    },
  },
  {
    name: 'gradient of resizeNearestNeighbor with halfPixelCenters, sizes where both rules pick the same pixels',
    run: (tf) => {
      const x = ramp(tf, 2, 2);
      return [tf.grad((v: Tensor) => tf.sum(tf.mul(tf.image.resizeNearestNeighbor(v as never, [4, 4], false, true), tf.reshape(tf.range(1, 17), [1, 4, 4, 1]))))(x)];
    },
  },
  {
    name: 'resizeBilinear of a batch of two images with three channels, down then up',
    run: (tf) => {
      const x = tf.reshape(tf.sin(tf.range(0, 2 * 4 * 4 * 3)), [2, 4, 4, 3]) as Tensor4D;
      return [tf.image.resizeBilinear(tf.image.resizeBilinear(x, [3, 2], false, true), [6, 5], true)];
    },
  },
];

const crops: Program[] = [
  {
    name: 'cropAndResize bilinear and nearest, boxes inside the image',
    run: (tf) => {
      const img = ramp(tf, 4, 4);
      const boxes = tf.tensor2d([[0, 0, 1, 1], [0.25, 0.25, 0.75, 0.75], [0, 0.5, 0.5, 1]]);
      const ind = tf.tensor1d([0, 0, 0], 'int32');
      return [tf.image.cropAndResize(img, boxes, ind, [3, 3]), tf.image.cropAndResize(img, boxes, ind, [2, 3], 'nearest')];
    },
  },
  {
    name: 'cropAndResize with boxes past the image edge and an extrapolation value',
    run: (tf) => {
      const img = ramp(tf, 3, 3, 2);
      const boxes = tf.tensor2d([[-0.5, -0.5, 1.5, 1.5], [0.5, 0.5, 2, 2]]);
      const ind = tf.tensor1d([0, 0], 'int32');
      return [tf.image.cropAndResize(img, boxes, ind, [3, 3], 'bilinear', 7), tf.image.cropAndResize(img, boxes, ind, [3, 3], 'nearest', -1)];
    },
  },
  {
    name: 'cropAndResize with flipped boxes (y2 < y1), a 1x1 crop size and a box index into a batch',
    run: (tf) => {
      const img = tf.concat([ramp(tf, 3, 3), tf.mul(ramp(tf, 3, 3), -1)]);
      const boxes = tf.tensor2d([[1, 1, 0, 0], [0, 0, 1, 1], [0.2, 0.8, 0.6, 0.1]]);
      const ind = tf.tensor1d([1, 0, 1], 'int32');
      return [tf.image.cropAndResize(img, boxes, ind, [2, 2]), tf.image.cropAndResize(img, boxes, ind, [1, 1]), tf.image.cropAndResize(img, boxes, ind, [1, 1], 'nearest')];
    },
  },
  {
    name: 'cropAndResize of an int32 image gives float32; no boxes give an empty batch',
    run: (tf) => {
      const img = ramp(tf, 3, 3, 1, 'int32');
      const r = tf.image.cropAndResize(img, tf.tensor2d([[0, 0, 1, 1]]), tf.tensor1d([0], 'int32'), [2, 2]);
      const e = tf.image.cropAndResize(tf.ones([1, 3, 3, 1]), tf.zeros([0, 4]) as never, tf.tensor1d([], 'int32'), [2, 2]);
      return [r.dtype, r, e.shape];
    },
  },
  {
    name: 'cropAndResize refuses bad boxes, indices, crop sizes and methods',
    run: (tf) => {
      const img = ramp(tf, 3, 3);
      const b = tf.tensor2d([[0, 0, 1, 1]]);
      const i = tf.tensor1d([0], 'int32');
      return [
        attempt(() => tf.image.cropAndResize(img, tf.tensor2d([[0, 0, 1]]), i, [2, 2])),
        attempt(() => tf.image.cropAndResize(img, b, tf.tensor1d([0, 0], 'int32'), [2, 2])),
        attempt(() => tf.image.cropAndResize(img, b, i, [0, 2])),
        attempt(() => tf.image.cropAndResize(img, b, i, [2, 2], 'bicubic' as never)),
        attempt(() => tf.image.cropAndResize(tf.ones([3, 3, 1]) as never, b, i, [2, 2])),
      ];
    },
  },
];

const nms: Program[] = [
  {
    name: 'nonMaxSuppression with the default and a set iouThreshold and scoreThreshold',
    run: (tf) => {
      const b = tf.tensor2d(boxes6);
      const s = tf.tensor1d(scores6);
      return [tf.image.nonMaxSuppression(b, s, 3), tf.image.nonMaxSuppression(b, s, 6, 0.5, 0.55), tf.image.nonMaxSuppression(b, s, 6, 0.9), tf.image.nonMaxSuppression(b, s, 6, 0, 0)];
    },
  },
  {
    name: 'nonMaxSuppression with maxOutputSize 0, no boxes, and boxes given as corners in either order',
    run: (tf) => {
      const b = tf.tensor2d([[1, 1, 0, 0], [0, 0.1, 1, 1.1], [0, 0, 1, 1]]);
      const s = tf.tensor1d([0.5, 0.9, 0.3]);
      return [tf.image.nonMaxSuppression(b, s, 0), tf.image.nonMaxSuppression(tf.zeros([0, 4]) as never, tf.tensor1d([]), 3), tf.image.nonMaxSuppression(b, s, 3, 0.5)];
    },
  },
  {
    name: 'nonMaxSuppressionAsync agrees with the sync form',
    run: async (tf) => {
      const b = tf.tensor2d(boxes6);
      const s = tf.tensor1d(scores6);
      return [await tf.image.nonMaxSuppressionAsync(b, s, 4, 0.4, 0.55), await tf.image.nonMaxSuppressionAsync(b, s, 2)];
    },
  },
  {
    name: 'nonMaxSuppressionWithScore with softNmsSigma decays the overlapping scores',
    run: (tf) => {
      const b = tf.tensor2d(boxes6);
      const s = tf.tensor1d(scores6);
      const r = tf.image.nonMaxSuppressionWithScore(b, s, 6, 1, 0, 0.5);
      const h = tf.image.nonMaxSuppressionWithScore(b, s, 6, 0.5, 0);
      return [r.selectedIndices, r.selectedScores, h.selectedIndices, h.selectedScores];
    },
  },
  {
    name: 'nonMaxSuppressionWithScoreAsync with soft NMS and a score threshold',
    run: async (tf) => {
      const r = await tf.image.nonMaxSuppressionWithScoreAsync(tf.tensor2d(boxes6), tf.tensor1d(scores6), 4, 0.6, 0.4, 0.3);
      return [r.selectedIndices, r.selectedScores];
    },
  },
  {
    name: 'nonMaxSuppressionPadded with and without padToMaxOutputSize',
    run: (tf) => {
      const b = tf.tensor2d(boxes6);
      const s = tf.tensor1d(scores6);
      const p = tf.image.nonMaxSuppressionPadded(b, s, 5, 0.5, 0.4, true);
      const q = tf.image.nonMaxSuppressionPadded(b, s, 5, 0.5, 0.4);
      return [p.selectedIndices, p.validOutputs, q.selectedIndices, q.validOutputs];
    },
  },
  {
    name: 'nonMaxSuppressionPaddedAsync pads with zeros to maxOutputSize',
    run: async (tf) => {
      const r = await tf.image.nonMaxSuppressionPaddedAsync(tf.tensor2d(boxes6), tf.tensor1d(scores6), 8, 0.5, 0, true);
      return [r.selectedIndices, r.validOutputs];
    },
  },
  {
    name: 'nonMaxSuppression refuses boxes that are not [n, 4], scores of another length and an iouThreshold past 1',
    run: (tf) => {
      const b = tf.tensor2d(boxes6);
      const s = tf.tensor1d(scores6);
      return [
        attempt(() => tf.image.nonMaxSuppression(tf.ones([6, 3]) as never, s, 3)),
        attempt(() => tf.image.nonMaxSuppression(b, tf.ones([5]), 3)),
        attempt(() => tf.image.nonMaxSuppression(b, s, 3, 1.5)),
        attempt(() => tf.image.nonMaxSuppression(b, s, 3, -0.5)),
        attempt(() => tf.image.nonMaxSuppression(b, tf.ones([6, 1]) as never, 3)),
      ];
    },
  },
  {
    name: 'nonMaxSuppression with ties in score keeps the lower index first',
    run: (tf) => {
      const b = tf.tensor2d([[0, 0, 1, 1], [2, 2, 3, 3], [4, 4, 5, 5], [0, 0, 1, 1]]);
      return [tf.image.nonMaxSuppression(b, tf.tensor1d([0.5, 0.5, 0.5, 0.5]), 4), tf.image.nonMaxSuppression(b, tf.tensor1d([0.1, 0.7, 0.7, 0.2]), 4, 0.5)];
    },
  },
  {
    name: 'nonMaxSuppression from plain arrays (tensor-likes)',
    run: (tf) => [tf.image.nonMaxSuppression(boxes6 as never, scores6 as never, 3, 0.5)],
  },
];

const geometry: Program[] = [
  {
    name: 'flipLeftRight of a batch of two three-channel images, and of an int32 image',
    run: (tf) => {
      const x = tf.reshape(tf.range(0, 2 * 2 * 3 * 3), [2, 2, 3, 3]) as Tensor4D;
      const xi = ramp(tf, 2, 3, 1, 'int32');
      return [tf.image.flipLeftRight(x), attempt(() => tf.image.flipLeftRight(xi))];
    },
  },
  {
    name: 'flipLeftRight refuses a rank-3 image',
    run: (tf) => [attempt(() => tf.image.flipLeftRight(tf.ones([2, 2, 1]) as never))],
  },
  {
    name: 'rotateWithOffset by quarter turns, a fill value and an offset centre',
    run: (tf) => {
      const x = ramp(tf, 3, 4, 2);
      return [
        tf.image.rotateWithOffset(x, Math.PI / 2), tf.image.rotateWithOffset(x, -Math.PI / 2, 9), tf.image.rotateWithOffset(x, Math.PI, 0, [0.25, 0.75]),
        tf.image.rotateWithOffset(x, 0.3, [1, 2] as never), tf.image.rotateWithOffset(x, Math.PI / 4, 5, 0.5),
      ];
    },
  },
  {
    name: 'rotateWithOffset of a batch with three channels and a per-channel fill',
    run: (tf) => {
      const x = tf.reshape(tf.range(0, 2 * 3 * 3 * 3), [2, 3, 3, 3]) as Tensor4D;
      return [tf.image.rotateWithOffset(x, 1, [100, 200, 300])];
    },
  },
  {
    name: 'rotateWithOffset of four channels fills alpha with 255',
    run: (tf) => [tf.image.rotateWithOffset(tf.reshape(tf.range(0, 2 * 2 * 4), [1, 2, 2, 4]), 0.8, [1, 2, 3])],
  },
  {
    name: 'rotateWithOffset with a fill array too short for the channels',
    deviation: 'TF.js fills the channels the array has no value for with NaN; tessera refuses the fillValue, naming it',
    run: (tf) => [attempt(() => tf.image.rotateWithOffset(ramp(tf, 2, 2, 3), 0.8, [1, 2] as never).arraySync())],
  },
  {
    name: 'transform with nearest and bilinear interpolation, a shift and a scale',
    run: (tf) => {
      const x = ramp(tf, 3, 4);
      const shift = tf.tensor2d([[1, 0, 0.5, 0, 1, -1, 0, 0]]);
      const scale = tf.tensor2d([[0.5, 0, 0.3, 0, 1.5, 0, 0, 0]]);
      return [tf.image.transform(x, shift), tf.image.transform(x, shift, 'bilinear'), tf.image.transform(x, scale, 'bilinear'), tf.image.transform(x, scale, 'nearest')];
    },
  },
  {
    name: 'transform with every fillMode and a fill value',
    run: (tf) => {
      const x = ramp(tf, 3, 4);
      const t = tf.tensor2d([[1, 0, -2.5, 0, 1, 1.5, 0, 0]]);
      return (['constant', 'reflect', 'wrap', 'nearest'] as const).flatMap((m) => [tf.image.transform(x, t, 'nearest', m, 7), tf.image.transform(x, t, 'bilinear', m, 7)]);
    },
  },
  {
    name: 'transform with a projective row and an output shape',
    run: (tf) => {
      const x = ramp(tf, 3, 3);
      const t = tf.tensor2d([[1, 0.1, 0, 0.2, 1, 0, 0.05, 0.1]]);
      return [tf.image.transform(x, t, 'bilinear', 'constant', 0, [4, 2]), tf.image.transform(x, t, 'nearest', 'reflect', 0, [2, 5]), tf.image.transform(x, tf.tensor2d([[1, 0, 0, 0, 1, 0, -1, 0]]), 'nearest', 'constant', 3)];
    },
  },
  {
    name: 'transform of a batch of two images, one transform each',
    deviation: 'TF.js\'s cpu Transform kernel returns inside its batch loop, so every image after the first is left at fillValue; tessera transforms each image',
    run: (tf) => {
      const x = tf.reshape(tf.range(0, 2 * 3 * 3), [2, 3, 3, 1]) as Tensor4D;
      const t = tf.tensor2d([[1, 0.1, 0, 0.2, 1, 0, 0.05, 0.1], [0.9, 0, 1, 0, 1.1, 0, 0, 0]]);
      return [tf.image.transform(x, t, 'bilinear', 'constant', 0, [4, 2]), tf.image.transform(x, t, 'nearest', 'reflect', 0, [2, 5])];
    },
  },
  {
    name: 'transform refuses transforms of the wrong shape and an image of rank 3',
    run: (tf) => {
      const x = ramp(tf, 3, 3);
      return [
        attempt(() => tf.image.transform(x, tf.ones([1, 6]) as never)),
        attempt(() => tf.image.transform(tf.ones([3, 3, 1]) as never, tf.ones([1, 8]) as never)),
        attempt(() => tf.image.transform(x, tf.ones([8]) as never)),
      ];
    },
  },
];

const colour: Program[] = [
  {
    name: 'grayscaleToRGB of a rank-2 pixel list, a rank-3 image and a batch; int32 stays int32',
    run: (tf) => {
      const g = tf.image.grayscaleToRGB(tf.tensor2d([[1], [2]]));
      return [g, tf.image.grayscaleToRGB(ramp(tf, 2, 2)), tf.image.grayscaleToRGB(tf.reshape(tf.range(0, 4, 1, 'int32'), [2, 2, 1]))];
    },
  },
  {
    name: 'grayscaleToRGB refuses a last dimension other than 1, and a rank-1 tensor',
    run: (tf) => [attempt(() => tf.image.grayscaleToRGB(tf.ones([2, 2, 3]))), attempt(() => tf.image.grayscaleToRGB(tf.ones([3]) as never))],
  },
  {
    name: 'rgbToGrayscale of float and int32 images of rank 2, 3 and 4',
    run: (tf) => {
      const f = tf.tensor2d([[255, 0, 0], [0, 255, 0], [10, 20, 30]]);
      const i = tf.tensor3d([[[255, 255, 255], [12, 200, 7]]], [1, 2, 3], 'int32');
      const b = tf.reshape(tf.range(0, 2 * 2 * 3), [2, 1, 2, 3]);
      const gi = tf.image.rgbToGrayscale(i);
      return [tf.image.rgbToGrayscale(f), gi.dtype, gi, tf.image.rgbToGrayscale(b)];
    },
  },
  {
    name: 'rgbToGrayscale refuses a last dimension other than 3',
    run: (tf) => [attempt(() => tf.image.rgbToGrayscale(tf.ones([2, 2, 1]))), attempt(() => tf.image.rgbToGrayscale(tf.ones([3]) as never))],
  },
  {
    name: 'threshold binary, binary inverted and otsu on an RGB int32 image',
    run: (tf) => {
      const img = tf.tensor3d([[[10, 200, 30], [250, 250, 250]], [[0, 0, 0], [90, 120, 180]]], [2, 2, 3], 'int32');
      return [tf.image.threshold(img), tf.image.threshold(img, 'binary', true, 0.2), tf.image.threshold(img, 'otsu'), tf.image.threshold(img, 'otsu', true)];
    },
  },
  {
    name: 'threshold of a one-channel float image with a high threshold value',
    run: (tf) => {
      const img = tf.tensor3d([[[12], [200]], [[130], [90]]]);
      return [tf.image.threshold(img, 'binary', false, 0.45), tf.image.threshold(img, 'otsu', false)];
    },
  },
  {
    name: 'threshold refuses an unknown method, a threshold value past 1 and a rank-4 image',
    run: (tf) => {
      const img = tf.ones([2, 2, 3]);
      return [attempt(() => tf.image.threshold(img as never, 'mean' as never)), attempt(() => tf.image.threshold(img as never, 'binary', false, 1.5)), attempt(() => tf.image.threshold(tf.ones([1, 2, 2, 3]) as never))];
    },
  },
  {
    name: 'gradient through flipLeftRight',
    deviation: 'TF.js registers no gradient for FlipLeftRight and throws; tessera\'s flip is a differentiable reverse',
    run: (tf) => {
      const w = tf.reshape(tf.range(1, 7), [1, 2, 3, 1]);
      return [tf.grad((v: Tensor) => tf.sum(tf.mul(tf.image.flipLeftRight(v as never), w)))(ramp(tf, 2, 3))];
    },
  },
  {
    name: 'gradient through cropAndResize with respect to the image',
    deviation: 'TF.js registers no gradient for CropAndResize and throws; tessera differentiates it with respect to the image and the boxes, as TensorFlow does',
    run: (tf) => [attempt(() => tf.grad((v: Tensor) => tf.sum(tf.image.cropAndResize(v as never, tf.tensor2d([[0, 0, 1, 1]]), tf.tensor1d([0], 'int32'), [2, 2])))(ramp(tf, 2, 3)))],
  },
];

export const s28Image: Program[] = [...resize, ...crops, ...nms, ...geometry, ...colour];

const signal: Program[] = [
  {
    name: 'frame with and without padEnd, a step larger than the frame, and a custom pad value',
    run: (tf) => {
      const x = tf.range(1, 11);
      return [tf.signal.frame(x, 3, 2), tf.signal.frame(x, 3, 2, true), tf.signal.frame(x, 4, 3, true, 9), tf.signal.frame(x, 2, 5), tf.signal.frame(x, 2, 5, true)];
    },
  },
  {
    name: 'frame longer than the signal gives no frames without padEnd and one padded frame with it',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3]);
      return [tf.signal.frame(x, 5, 1), tf.signal.frame(x, 5, 2, true), tf.signal.frame(x, 3, 3)];
    },
  },
  {
    name: 'hannWindow and hammingWindow of lengths 1, 2, 5 and 8',
    run: (tf) => [1, 2, 5, 8].flatMap((n) => [tf.signal.hannWindow(n), tf.signal.hammingWindow(n)]),
  },
  {
    name: 'stft with the default window and fftLength, as magnitudes',
    run: (tf) => {
      const x = tf.sin(tf.mul(tf.range(0, 16), 0.7));
      const s = tf.signal.stft(x, 8, 4);
      return [s.shape, s.dtype, tf.abs(s), tf.real(s), tf.imag(s)];
    },
  },
  {
    name: 'stft with an fftLength above the frame length and a rectangular window function',
    run: (tf) => {
      const x = tf.cos(tf.mul(tf.range(0, 12), 1.3));
      const s = tf.signal.stft(x, 4, 3, 8, (n: number) => tf.ones([n]));
      return [s.shape, tf.real(s), tf.imag(s)];
    },
  },
  {
    name: 'stft with the hamming window and an odd frame length',
    run: (tf) => {
      const s = tf.signal.stft(tf.range(0, 10), 5, 2, 5, tf.signal.hammingWindow);
      return [s.shape, tf.real(s), tf.imag(s)];
    },
  },
  {
    name: 'frame of an int32 signal, and the window of length 0',
    run: (tf) => {
      const f = tf.signal.frame(tf.tensor1d([1, 2, 3, 4, 5], 'int32'), 2, 2, true);
      return [f.dtype, f, attempt(() => tf.signal.hannWindow(0))];
    },
  },
];

const linalg: Program[] = [
  {
    name: 'qr of a tall matrix, reduced and full, with Q times R rebuilding it',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2], [3, 4], [5, 7]]);
      const [q, r] = tf.linalg.qr(a);
      const [qf, rf] = tf.linalg.qr(a, true);
      return [q.shape, r.shape, qf.shape, rf.shape, tf.abs(q), tf.abs(r), tf.matMul(q, r), tf.matMul(qf, rf), tf.matMul(qf, qf, true)];
    },
  },
  {
    name: 'qr of a wide matrix, reduced and full',
    run: (tf) => {
      const a = tf.tensor2d([[2, -1, 0, 3], [1, 4, 2, -2]]);
      const [q, r] = tf.linalg.qr(a);
      const [qf, rf] = tf.linalg.qr(a, true);
      return [q.shape, r.shape, qf.shape, rf.shape, tf.matMul(q, r), tf.matMul(qf, rf), tf.abs(r)];
    },
  },
  {
    name: 'qr of a batch of square matrices, and of a rank-1 tensor (refused)',
    run: (tf) => {
      const a = tf.tensor3d([[[4, 1], [2, 3]], [[1, 0], [0, 1]]]);
      const [q, r] = tf.linalg.qr(a);
      return [q.shape, tf.matMul(q, r), tf.abs(r), attempt(() => tf.linalg.qr(tf.ones([3]) as never))];
    },
  },
  {
    name: 'gramSchmidt of a list of vectors and of a 2-d tensor',
    run: (tf) => {
      const list = tf.linalg.gramSchmidt([tf.tensor1d([1, 1, 0]), tf.tensor1d([1, 0, 1]), tf.tensor1d([0, 1, 1])]) as Tensor[];
      const mat = tf.linalg.gramSchmidt(tf.tensor2d([[3, 1], [2, 2]])) as Tensor;
      return [list, mat, tf.matMul(mat, mat, false, true)];
    },
  },
  {
    name: 'gramSchmidt refuses an empty list and vectors of different lengths, and more vectors than dimensions',
    run: (tf) => [
      attempt(() => tf.linalg.gramSchmidt([])),
      attempt(() => tf.linalg.gramSchmidt([tf.tensor1d([1, 2]), tf.tensor1d([1, 2, 3])])),
      attempt(() => tf.linalg.gramSchmidt(tf.tensor2d([[1, 0], [0, 1], [1, 1]]))),
    ],
  },
  {
    name: 'bandPart with negative bounds keeping a whole triangle, and zero bounds keeping the diagonal',
    run: (tf) => {
      const a = tf.reshape(tf.range(1, 17), [4, 4]);
      return [tf.linalg.bandPart(a, 1, -1), tf.linalg.bandPart(a, -1, 0), tf.linalg.bandPart(a, 0, 0), tf.linalg.bandPart(a, -1, -1), tf.linalg.bandPart(a, 2, 1)];
    },
  },
  {
    name: 'bandPart of a non-square batch, of int32 values, and with bounds given as scalars tensors',
    run: (tf) => {
      const a = tf.reshape(tf.range(0, 2 * 3 * 5, 1, 'int32'), [2, 3, 5]);
      return [tf.linalg.bandPart(a, 0, 2), tf.linalg.bandPart(a, tf.scalar(1, 'int32'), tf.scalar(-1, 'int32'))];
    },
  },
  {
    name: 'bandPart refuses bounds past the matrix and a rank-1 tensor',
    run: (tf) => {
      const a = tf.ones([3, 3]);
      return [attempt(() => tf.linalg.bandPart(a, 4, 0)), attempt(() => tf.linalg.bandPart(a, 0, 5)), attempt(() => tf.linalg.bandPart(tf.ones([3]) as never, 1, 1)), attempt(() => tf.linalg.bandPart(a, 1.5, 0))];
    },
  },
  {
    name: 'gradient through qr of a square matrix',
    deviation: 'TF.js\'s qr is built from ops with no gradient (Greater) and throws; tessera differentiates it',
    run: (tf) => {
      const a = tf.tensor2d([[2, 1], [1, 3]]);
      return [tf.grad((m: Tensor) => tf.sum(tf.linalg.qr(m as never)[1]))(a)];
    },
  },
  {
    name: 'gradient through bandPart passes only the band',
    deviation: 'TF.js\'s bandPart gradient fails inside its unstack/stack of the mask (stack refuses its argument); tessera passes the gradient through the band',
    run: (tf) => [tf.grad((m: Tensor) => tf.sum(tf.mul(tf.linalg.bandPart(m as never, 1, 0), tf.reshape(tf.range(1, 10), [3, 3]))))(tf.ones([3, 3]))],
  },
];

const reductions = (tf: TF) => [tf.Reduction.NONE, tf.Reduction.SUM, tf.Reduction.MEAN, tf.Reduction.SUM_BY_NONZERO_WEIGHTS];
const lossPair = (tf: TF) => [tf.tensor2d([[1, 0, 2], [0.5, -1, 3]]), tf.tensor2d([[0.8, 0.2, 2.5], [0, -1.5, 1]])] as const;

const losses: Program[] = [
  {
    name: 'absoluteDifference and meanSquaredError with every Reduction, unweighted',
    run: (tf) => {
      const [l, p] = lossPair(tf);
      return reductions(tf).flatMap((r) => [tf.losses.absoluteDifference(l, p, undefined, r), tf.losses.meanSquaredError(l, p, undefined, r)]);
    },
  },
  {
    name: 'absoluteDifference and meanSquaredError with broadcast weights holding zeros, every Reduction',
    run: (tf) => {
      const [l, p] = lossPair(tf);
      const w = tf.tensor2d([[0], [2]]);
      const w2 = tf.tensor1d([1, 0, 3]);
      return reductions(tf).flatMap((r) => [tf.losses.absoluteDifference(l, p, w, r), tf.losses.meanSquaredError(l, p, w2, r)]);
    },
  },
  {
    name: 'huberLoss with delta 0.5 and weights, every Reduction',
    run: (tf) => {
      const [l, p] = lossPair(tf);
      const w = tf.tensor2d([[1, 2, 0], [0.5, 1, 1]]);
      return reductions(tf).flatMap((r) => [tf.losses.huberLoss(l, p, w, 0.5, r), tf.losses.huberLoss(l, p, undefined, 2, r)]);
    },
  },
  {
    name: 'logLoss with epsilon, weights and every Reduction',
    run: (tf) => {
      const l = tf.tensor2d([[1, 0, 1], [0, 1, 0]]);
      const p = tf.tensor2d([[0.9, 0.2, 0.6], [0.1, 0.99, 0]]);
      return reductions(tf).flatMap((r) => [tf.losses.logLoss(l, p, tf.tensor1d([1, 2, 0]), 1e-3, r), tf.losses.logLoss(l, p, undefined, undefined, r)]);
    },
  },
  {
    name: 'hingeLoss with labels in {0, 1} and weights, every Reduction',
    run: (tf) => {
      const l = tf.tensor2d([[1, 0, 1], [0, 1, 0]]);
      const p = tf.tensor2d([[0.3, -0.2, 2], [1.5, -0.5, 0]]);
      return reductions(tf).flatMap((r) => [tf.losses.hingeLoss(l, p, tf.tensor2d([[1], [3]]), r)]);
    },
  },
  {
    name: 'cosineDistance along each axis with weights, every Reduction',
    run: (tf) => {
      const [l, p] = lossPair(tf);
      return reductions(tf).flatMap((r) => [tf.losses.cosineDistance(l, p, 1, undefined, r), tf.losses.cosineDistance(l, p, 0, tf.tensor2d([[2, 0, 1]]), r)]);
    },
  },
  {
    name: 'sigmoidCrossEntropy with label smoothing, weights and every Reduction',
    run: (tf) => {
      const l = tf.tensor2d([[1, 0, 1], [0, 1, 0]]);
      const logits = tf.tensor2d([[2, -1, 0.5], [-3, 4, 0]]);
      return reductions(tf).flatMap((r) => [tf.losses.sigmoidCrossEntropy(l, logits, undefined, 0.2, r), tf.losses.sigmoidCrossEntropy(l, logits, tf.tensor2d([[1, 0, 2], [1, 1, 0]]), 0, r)]);
    },
  },
  {
    name: 'softmaxCrossEntropy with label smoothing, per-example weights and every Reduction',
    run: (tf) => {
      const l = tf.tensor2d([[1, 0, 0], [0, 0, 1]]);
      const logits = tf.tensor2d([[2, -1, 0.5], [-3, 4, 0]]);
      return reductions(tf).flatMap((r) => [tf.losses.softmaxCrossEntropy(l, logits, undefined, 0.1, r), tf.losses.softmaxCrossEntropy(l, logits, tf.tensor1d([2, 0]), 0, r)]);
    },
  },
  {
    name: 'computeWeightedLoss of a loss tensor with scalar and tensor weights, every Reduction',
    run: (tf) => {
      const loss = tf.tensor2d([[1, 2], [3, 4]]);
      return reductions(tf).flatMap((r) => [tf.losses.computeWeightedLoss(loss, undefined, r), tf.losses.computeWeightedLoss(loss, tf.scalar(0.5), r), tf.losses.computeWeightedLoss(loss, tf.tensor2d([[0, 1], [0, 2]]), r)]);
    },
  },
  {
    name: 'losses with all-zero weights: SUM_BY_NONZERO_WEIGHTS and MEAN divide by nothing',
    run: (tf) => {
      const [l, p] = lossPair(tf);
      const w = tf.zeros([2, 3]);
      return [tf.losses.meanSquaredError(l, p, w), tf.losses.meanSquaredError(l, p, w, tf.Reduction.MEAN), tf.losses.absoluteDifference(l, p, tf.scalar(0)), tf.losses.computeWeightedLoss(tf.ones([2]), tf.zeros([2]))];
    },
  },
  {
    name: 'losses refuse labels and predictions of different shapes, and softmaxCrossEntropy labels of another shape',
    run: (tf) => {
      const [l] = lossPair(tf);
      return [
        attempt(() => tf.losses.meanSquaredError(l, tf.ones([3, 2]))),
        attempt(() => tf.losses.absoluteDifference(l, tf.ones([2]))),
        attempt(() => tf.losses.softmaxCrossEntropy(tf.ones([2, 3]), tf.ones([2, 4]))),
        attempt(() => tf.losses.cosineDistance(l, tf.ones([2, 2]), 0)),
        attempt(() => tf.losses.huberLoss(l, tf.ones([3]))),
      ];
    },
  },
  {
    name: 'losses of int32 labels and predictions, and from plain arrays',
    run: (tf) => {
      const li = tf.tensor1d([1, 2, 3], 'int32');
      const pi = tf.tensor1d([2, 2, 5], 'int32');
      return [tf.losses.meanSquaredError(li, pi), tf.losses.absoluteDifference([1, 2, 3] as never, [0, 0, 0] as never), tf.losses.huberLoss(li, pi)];
    },
  },
  {
    name: 'gradients of each tf.losses function with respect to the predictions',
    run: (tf) => {
      const l = tf.tensor2d([[1, 0, 1], [0, 1, 0]]);
      const p = tf.tensor2d([[0.9, 0.2, 0.6], [0.1, 0.7, 0.3]]);
      const w = tf.tensor2d([[1, 2, 0], [0.5, 1, 1]]);
      return [
        tf.grad((q: Tensor) => tf.losses.meanSquaredError(l, q, w))(p),
        tf.grad((q: Tensor) => tf.losses.absoluteDifference(l, q, w, tf.Reduction.SUM))(p),
        tf.grad((q: Tensor) => tf.losses.huberLoss(l, q, w, 0.3))(p),
        tf.grad((q: Tensor) => tf.losses.logLoss(l, q, w))(p),
        tf.grad((q: Tensor) => tf.losses.hingeLoss(l, q, w, tf.Reduction.MEAN))(p),
        tf.grad((q: Tensor) => tf.losses.cosineDistance(l, q, 1))(p),
        tf.grad((q: Tensor) => tf.losses.sigmoidCrossEntropy(l, q, w, 0.1))(p),
        tf.grad((q: Tensor) => tf.losses.softmaxCrossEntropy(tf.tensor2d([[0, 0, 1], [0, 1, 0]]), q, undefined, 0.1))(p),
      ];
    },
  },
  {
    name: 'gradient of softmaxCrossEntropy with labels that do not sum to 1',
    deviation: 'TF.js\'s gradient for softmax cross-entropy is softmax(logits) - labels, which holds only where each row of labels sums to 1; tessera differentiates the loss it computed (softmax(logits) * sum(labels) - labels)',
    run: (tf) => [tf.grad((q: Tensor) => tf.losses.softmaxCrossEntropy(tf.tensor2d([[1, 0, 1], [0, 1, 0]]), q))(tf.tensor2d([[0.9, 0.2, 0.6], [0.1, 0.7, 0.3]]))],
  },
];

const metrics: Program[] = [
  {
    name: 'binaryAccuracy, categoricalAccuracy and sparseCategoricalAccuracy per example',
    run: (tf) => {
      const yt = tf.tensor2d([[0, 1, 0], [1, 0, 0], [0, 0, 1]]);
      const yp = tf.tensor2d([[0.1, 0.7, 0.2], [0.3, 0.6, 0.1], [0.2, 0.2, 0.6]]);
      return [tf.metrics.binaryAccuracy(yt, yp), tf.metrics.categoricalAccuracy(yt, yp), tf.metrics.sparseCategoricalAccuracy(tf.tensor1d([1, 0, 2]), yp)];
    },
  },
  {
    name: 'binaryAccuracy at exactly 0.5, of a rank-1 tensor, and with int32 labels',
    run: (tf) => [tf.metrics.binaryAccuracy(tf.tensor1d([1, 0, 1, 0]), tf.tensor1d([0.5, 0.5, 0.49, 0.51])), tf.metrics.binaryAccuracy(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.9], [0.2]]))],
  },
  {
    name: 'precision and recall, including with no positive predictions',
    run: (tf) => {
      const yt = tf.tensor2d([[0, 1, 1], [1, 0, 1]]);
      const yp = tf.tensor2d([[0, 1, 0], [1, 1, 0]]);
      return [tf.metrics.precision(yt, yp), tf.metrics.recall(yt, yp), tf.metrics.precision(yt, tf.zeros([2, 3])), tf.metrics.recall(tf.zeros([2, 3]), yp)];
    },
  },
  {
    name: 'precision and recall of int32 and bool predictions: a float32 share, not an integer division',
    run: (tf) => {
      const yp = tf.tensor1d([1, 1, 1, 0], 'int32');
      const yt = tf.tensor1d([1, 0, 1, 1], 'int32');
      return [tf.metrics.precision(yt, yp), tf.metrics.recall(yt, yp), tf.metrics.precision(tf.tensor1d([1, 0, 1, 1]), yp),
        tf.metrics.recall(tf.tensor1d([1, 0, 1, 1]), tf.tensor1d([1, 1, 0, 0], 'bool'))];
    },
  },
  {
    name: 'binaryCrossentropy and categoricalCrossentropy metrics per example',
    run: (tf) => {
      const yt = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
      const yp = tf.tensor2d([[0.1, 0.7, 0.2], [0.3, 0.6, 0.1]]);
      return [tf.metrics.binaryCrossentropy(yt, yp), tf.metrics.categoricalCrossentropy(yt, yp), tf.metrics.categoricalCrossentropy(yt, tf.tensor2d([[1, 7, 2], [3, 6, 1]]))];
    },
  },
  {
    name: 'mse, MSE, meanSquaredError, mae, mape and MAPE give per-example values',
    run: (tf) => {
      const yt = tf.tensor2d([[1, 2], [3, -4]]);
      const yp = tf.tensor2d([[1.5, 2], [2, -3]]);
      return [tf.metrics.mse(yt, yp), tf.metrics.MSE(yt, yp), tf.metrics.meanSquaredError(yt, yp), tf.metrics.meanAbsoluteError(yt, yp), tf.metrics.mape(yt, yp), tf.metrics.MAPE(yt, yp), tf.metrics.meanAbsolutePercentageError(yt, yp)];
    },
  },
  {
    name: 'mape with a zero label uses epsilon in the denominator',
    run: (tf) => [tf.metrics.meanAbsolutePercentageError(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.1, 1]]))],
  },
  {
    name: 'cosineProximity per example, including a zero vector',
    run: (tf) => [tf.metrics.cosineProximity(tf.tensor2d([[1, 0], [1, 1], [0, 0]]), tf.tensor2d([[1, 1], [-1, -1], [1, 2]]))],
  },
  {
    name: 'r2Score of a perfect, a constant and a poor prediction',
    run: (tf) => {
      const yt = tf.tensor2d([[1, 2], [3, 4], [5, 8]]);
      return [tf.metrics.r2Score(yt, yt), tf.metrics.r2Score(yt, tf.fill([3, 2], 3)), tf.metrics.r2Score(yt, tf.tensor2d([[2, 1], [1, 5], [6, 2]]))];
    },
  },
  {
    name: 'metrics of a rank-3 batch keep the leading dims',
    run: (tf) => {
      const yt = tf.reshape(tf.tensor1d([0, 1, 1, 0, 0, 1, 1, 0]), [2, 2, 2]);
      const yp = tf.reshape(tf.tensor1d([0.2, 0.9, 0.4, 0.1, 0.6, 0.7, 0.8, 0.3]), [2, 2, 2]);
      return [tf.metrics.binaryAccuracy(yt, yp), tf.metrics.categoricalAccuracy(yt, yp), tf.metrics.mse(yt, yp), tf.metrics.binaryCrossentropy(yt, yp)];
    },
  },
  {
    name: 'metrics refuse labels and predictions of different shapes',
    run: (tf) => [
      attempt(() => tf.metrics.mse(tf.ones([2, 3]), tf.ones([3, 2]))),
      attempt(() => tf.metrics.precision(tf.ones([2, 3]), tf.ones([2, 2]))),
      attempt(() => tf.metrics.binaryAccuracy(tf.ones([2, 3]), tf.ones([2, 4]))),
    ],
  },
];

export const s28Signal: Program[] = [...signal, ...linalg];
export const s28Losses: Program[] = [...losses, ...metrics];

type Opt = InstanceType<TF['Optimizer']>;
/**
 * Three minimize steps of a quadratic in two named variables with `opt` (names unique to the program, freed after),
 * giving the costs, the variables and the optimizer's getWeights (names and values).
 */
const steps = async (tf: TF, opt: Opt, tag: string, withWeights = true) => {
  const w = tf.variable(tf.tensor1d([1, -2, 0.5]), true, `s28_${tag}_w`);
  const b = tf.variable(tf.scalar(0.3), true, `s28_${tag}_b`);
  const x = tf.tensor2d([[1, 2, 3], [-1, 0.5, 2]]);
  const y = tf.tensor1d([2, -1]);
  const costs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c = opt.minimize(() => tf.mean(tf.square(tf.sub(tf.add(tf.squeeze(tf.matMul(x, tf.reshape(w, [3, 1]))), b), y))) as never, true);
    costs.push(c!.dataSync()[0]);
  }
  const weights = withWeights ? (await opt.getWeights()).map((nt) => [nt.name, nt.tensor.arraySync()]) : null;
  const out = [costs, w.arraySync(), b.arraySync(), weights, opt.iterations];
  w.dispose(); b.dispose(); opt.dispose();
  return out;
};

const optimizers: Program[] = [
  { name: 'sgd steps with its slots listed by getWeights', run: (tf) => steps(tf, tf.train.sgd(0.05), 'sgd') },
  { name: 'momentum without Nesterov', run: (tf) => steps(tf, tf.train.momentum(0.05, 0.8), 'mom') },
  { name: 'momentum with Nesterov', run: (tf) => steps(tf, tf.train.momentum(0.05, 0.8, true), 'nest') },
  { name: 'rmsprop with decay, momentum and epsilon, not centered', run: (tf) => steps(tf, tf.train.rmsprop(0.02, 0.5, 0.3, 1e-4), 'rms') },
  { name: 'rmsprop centered with momentum', run: (tf) => steps(tf, tf.train.rmsprop(0.02, 0.8, 0.5, 1e-6, true), 'rmsc') },
  { name: 'rmsprop centered without momentum', run: (tf) => steps(tf, tf.train.rmsprop(0.01, 0.9, 0, 1e-7, true), 'rmsc0') },
  { name: 'adadelta with learning rate 1, rho 0.5 and epsilon 1e-3', run: (tf) => steps(tf, tf.train.adadelta(1, 0.5, 1e-3), 'adad') },
  { name: 'adadelta with its defaults', run: (tf) => steps(tf, tf.train.adadelta(), 'adad0') },
  { name: 'adagrad with initialAccumulatorValue 0.5', run: (tf) => steps(tf, tf.train.adagrad(0.3, 0.5), 'adag') },
  { name: 'adagrad with its default accumulator', run: (tf) => steps(tf, tf.train.adagrad(0.1), 'adag0') },
  { name: 'adamax with betas, epsilon and decay (its costs and variables: TF.js has no getWeights for it)', run: (tf) => steps(tf, tf.train.adamax(0.1, 0.8, 0.95, 1e-6, 0.1), 'amax', false) },
  { name: 'adam with betas and epsilon', run: (tf) => steps(tf, tf.train.adam(0.05, 0.8, 0.9, 1e-4), 'adam') },
  {
    name: 'minimize with a varList updates only the listed variables; returnCost false gives null',
    run: (tf) => {
      const a = tf.variable(tf.scalar(2), true, 's28_vl_a');
      const b = tf.variable(tf.scalar(3), true, 's28_vl_b');
      const opt = tf.train.sgd(0.1);
      const c = opt.minimize(() => tf.add(tf.square(a), tf.square(b)) as never, true, [b]);
      const none = opt.minimize(() => tf.add(tf.square(a), tf.square(b)) as never, false, [a]);
      const out = [c, none, a.arraySync(), b.arraySync()];
      a.dispose(); b.dispose();
      return out;
    },
  },
  {
    name: 'minimize skips variables made with trainable false',
    run: (tf) => {
      const a = tf.variable(tf.scalar(2), true, 's28_tr_a');
      const b = tf.variable(tf.scalar(3), false, 's28_tr_b');
      tf.train.sgd(0.25).minimize(() => tf.mul(a, b) as never);
      const out = [a.arraySync(), b.arraySync()];
      a.dispose(); b.dispose();
      return out;
    },
  },
  {
    name: 'computeGradients gives the value and a map of gradients by variable name; applyGradients takes the map',
    run: (tf) => {
      const a = tf.variable(tf.tensor1d([1, 2]), true, 's28_cg_a');
      const b = tf.variable(tf.scalar(-1), true, 's28_cg_b');
      const opt = tf.train.momentum(0.1, 0.9);
      const { value, grads } = opt.computeGradients(() => tf.sum(tf.mul(tf.square(a), b)) as never);
      const names = Object.keys(grads).sort();
      opt.applyGradients(grads);
      opt.applyGradients(grads);
      const out = [value, names, names.map((n) => grads[n]), a.arraySync(), b.arraySync()];
      a.dispose(); b.dispose();
      return out;
    },
  },
  {
    name: 'applyGradients with an array of {name, tensor}, twice in the same order',
    run: (tf) => {
      const a = tf.variable(tf.tensor1d([1, 2]), true, 's28_aa_a');
      const b = tf.variable(tf.scalar(5), true, 's28_aa_b');
      const opt = tf.train.adagrad(0.5);
      opt.applyGradients([{ name: 's28_aa_a', tensor: tf.tensor1d([1, -1]) }, { name: 's28_aa_b', tensor: tf.scalar(2) }]);
      opt.applyGradients([{ name: 's28_aa_a', tensor: tf.tensor1d([0.5, 3]) }, { name: 's28_aa_b', tensor: tf.scalar(-4) }]);
      const out = [a.arraySync(), b.arraySync()];
      a.dispose(); b.dispose();
      return out;
    },
  },
  {
    name: 'applyGradients with an array of {name, tensor} and with a map naming one variable',
    deviation: 'TF.js keeps an optimizer\'s slots by position in the list of gradients it is given, so a later call naming other variables uses another variable\'s slot (here a shape error); tessera keeps each slot by its variable\'s name',
    run: (tf) => {
      const a = tf.variable(tf.tensor1d([1, 2]), true, 's28_ag_a');
      const b = tf.variable(tf.scalar(5), true, 's28_ag_b');
      const opt = tf.train.adagrad(0.5);
      opt.applyGradients([{ name: 's28_ag_a', tensor: tf.tensor1d([1, -1]) }, { name: 's28_ag_b', tensor: tf.scalar(2) }]);
      opt.applyGradients({ s28_ag_b: tf.scalar(-4) });
      const out = [a.arraySync(), b.arraySync()];
      a.dispose(); b.dispose();
      return out;
    },
  },
  {
    name: 'computeGradients with a varList, and of a function that gives no scalar (refused)',
    run: (tf) => {
      const a = tf.variable(tf.tensor1d([1, 2]), true, 's28_cv_a');
      const b = tf.variable(tf.scalar(3), true, 's28_cv_b');
      const opt = tf.train.sgd(0.1);
      const r = opt.computeGradients(() => tf.sum(tf.mul(a, b)) as never, [a]);
      const bad = attempt(() => opt.computeGradients(() => tf.mul(a, b) as never));
      const out = [r.value, Object.keys(r.grads), r.grads.s28_cv_a, bad];
      a.dispose(); b.dispose();
      return out;
    },
  },
  {
    name: 'minimize refuses a function that returns no scalar, and a loss that touches no trainable variable',
    run: (tf) => {
      const a = tf.variable(tf.tensor1d([1, 2]), true, 's28_mr_a');
      const opt = tf.train.sgd(0.1);
      const out = [attempt(() => opt.minimize(() => tf.mul(a, 2) as never)), attempt(() => opt.minimize(() => tf.sum(tf.ones([2])) as never)), a.arraySync()];
      a.dispose();
      return out;
    },
  },
  {
    name: 'setWeights restores a momentum optimizer\'s state: the resumed steps match uninterrupted ones',
    run: async (tf) => {
      const a = tf.variable(tf.tensor1d([1, -1]), true, 's28_sw_a');
      const loss = () => tf.sum(tf.square(tf.sub(a, tf.tensor1d([3, 2])))) as never;
      const first = tf.train.rmsprop(0.1, 0.9, 0.5, 1e-7, true);
      first.minimize(loss); first.minimize(loss);
      const saved = await first.getWeights();
      const afterTwo = a.arraySync();
      first.minimize(loss);
      const straight = a.arraySync();
      a.assign(tf.tensor1d(afterTwo));
      const second = tf.train.rmsprop(0.1, 0.9, 0.5, 1e-7, true);
      await second.setWeights(saved);
      const iterations = second.iterations;
      second.minimize(loss);
      const out = [saved.map((w) => w.name), straight, a.arraySync(), iterations, second.iterations];
      a.dispose();
      return out;
    },
  },
  {
    name: 'getConfig of every optimizer with non-default options',
    run: (tf) => [
      tf.train.sgd(0.3).getConfig(), tf.train.momentum(0.1, 0.7, true).getConfig(), tf.train.rmsprop(0.01, 0.8, 0.2, 1e-5, true).getConfig(),
      tf.train.adadelta(0.5, 0.7, 1e-4).getConfig(), tf.train.adagrad(0.2, 0.4).getConfig(), tf.train.adam(0.01, 0.8, 0.95, 1e-5).getConfig(),
      tf.train.adamax(0.02, 0.85, 0.9, 1e-6, 0.01).getConfig(),
    ],
  },
  {
    name: 'fromConfig rebuilds each optimizer from its getConfig, with the class names TF.js registers',
    run: (tf) => {
      const made = [
        [tf.SGDOptimizer, tf.train.sgd(0.3)], [tf.MomentumOptimizer, tf.train.momentum(0.1, 0.7, true)], [tf.RMSPropOptimizer, tf.train.rmsprop(0.01, 0.8, 0.2, 1e-5, true)],
        [tf.AdadeltaOptimizer, tf.train.adadelta(0.5, 0.7, 1e-4)], [tf.AdagradOptimizer, tf.train.adagrad(0.2, 0.4)], [tf.AdamOptimizer, tf.train.adam(0.01, 0.8, 0.95, 1e-5)],
        [tf.AdamaxOptimizer, tf.train.adamax(0.02, 0.85, 0.9, 1e-6, 0.01)],
      ] as const;
      return made.map(([cls, o]) => {
        const back = (cls as unknown as { fromConfig(c: unknown, cfg: unknown): Opt }).fromConfig(cls, o.getConfig());
        return [(cls as unknown as { className: string }).className, o.getClassName(), back.getConfig()];
      });
    },
  },
  {
    name: 'rmsprop refuses a learning rate that is missing, and optimizers count iterations',
    run: (tf) => {
      const a = tf.variable(tf.scalar(1), true, 's28_it_a');
      const opt = tf.train.adam(0.1);
      const before = opt.iterations;
      opt.minimize(() => tf.square(a) as never);
      opt.minimize(() => tf.square(a) as never);
      const out = [before, opt.iterations, attempt(() => tf.train.rmsprop(undefined as never))];
      a.dispose();
      return out;
    },
  },
  {
    name: 'adagrad with no learning rate',
    deviation: 'TF.js builds an Adagrad optimizer with an undefined learning rate (its steps then write NaN); tessera refuses the learningRate, naming it, as TF.js\'s RMSProp does',
    run: (tf) => [attempt(() => tf.train.adagrad(undefined as never).getConfig())],
  },
  {
    name: 'sgd minimize of a loss through an int32 variable cast to float32',
    run: (tf) => {
      const a = tf.variable(tf.tensor1d([1, 2], 'int32'), true, 's28_i_a');
      const r = attempt(() => { tf.train.sgd(0.5).minimize(() => tf.sum(tf.cast(a, 'float32')) as never); return a.arraySync(); });
      a.dispose();
      return [r];
    },
  },
  {
    name: 'minimize of a loss through a tidy model: linear regression converges the same way with adagrad',
    run: (tf) => {
      const w = tf.variable(tf.zeros([2, 1]), true, 's28_lr_w');
      const x = tf.tensor2d([[1, 2], [2, 1], [3, 3], [0, 1]]);
      const y = tf.tensor2d([[5], [4], [9], [2]]);
      const opt = tf.train.adagrad(0.5, 0.1);
      const costs: number[] = [];
      for (let i = 0; i < 20; i++) costs.push(opt.minimize(() => tf.losses.meanSquaredError(y, tf.matMul(x, w)) as never, true)!.dataSync()[0]);
      const out = [costs.filter((_, i) => i % 5 === 4), w.arraySync()];
      w.dispose();
      return out;
    },
  },
];

export const s28Train: Program[] = optimizers;

/** What a check reports: 'passed', or its error's message (test_util's messages are what a user reads). */
const report = (f: () => unknown): unknown => {
  try { f(); return 'passed'; } catch (e) { return (e as Error).message; }
};

const testUtil: Program[] = [
  {
    name: 'test_util.expectArraysClose passes within the default epsilon and reports the first value outside it',
    run: (tf) => {
      const t = tf.tensor1d([1, 2.0005, 3]);
      return [
        report(() => tf.test_util.expectArraysClose(t.dataSync(), [1, 2, 3])), report(() => tf.test_util.expectArraysClose(t.dataSync(), [1, 2.01, 3])),
        report(() => tf.test_util.expectArraysClose([1, 2.5], [1, 2], 0.6)), report(() => tf.test_util.expectArraysClose([1, 2.5], [1, 2], 0.1)),
        tf.test_util.testEpsilon(), tf.test_util.TEST_EPSILON_FLOAT16,
      ];
    },
  },
  {
    name: 'test_util.expectArraysClose of nested arrays: shapes compared, then values; NaN and infinities',
    run: (tf) => [
      report(() => tf.test_util.expectArraysClose([[1, 2], [3, 4]], [[1, 2], [3, 4]])), report(() => tf.test_util.expectArraysClose([[1, 2], [3, 4]], [1, 2, 3, 4])),
      report(() => tf.test_util.expectArraysClose([[1, 2, 3]], [[1], [2], [3]])), report(() => tf.test_util.expectArraysClose([NaN, 1], [NaN, 1])),
      report(() => tf.test_util.expectArraysClose([Infinity, -Infinity], [-Infinity, Infinity])), report(() => tf.test_util.expectArraysClose([1, 2], [1, 2, 3])),
      report(() => tf.test_util.expectArraysClose(tf.tensor1d([1, 2]).arraySync(), [1, 2])),
    ],
  },
  {
    name: 'test_util.expectArraysClose compares classes: two typed arrays of other kinds, a typed array against a plain array, a tensor',
    run: (tf) => [
      report(() => tf.test_util.expectArraysClose(new Float32Array([1, 2]), new Int32Array([1, 2]))), report(() => tf.test_util.expectArraysClose(new Int32Array([1, 2]), [1, 2])),
      report(() => tf.test_util.expectArraysClose(tf.tensor1d([1, 2]) as never, [1, 2])), report(() => tf.test_util.expectArraysClose(3, 3.0001)), report(() => tf.test_util.expectArraysClose(3, [3])),
    ],
  },
  {
    name: 'test_util.expectArraysEqual: exact numbers, strings compared loosely, booleans',
    run: (tf) => [
      report(() => tf.test_util.expectArraysEqual(tf.tensor1d([1, 2], 'int32').dataSync(), [1, 2])), report(() => tf.test_util.expectArraysEqual([1, 2.0001], [1, 2])),
      report(() => tf.test_util.expectArraysEqual(['a', 'b'], ['a', 'b'])), report(() => tf.test_util.expectArraysEqual(['a', 'b'], ['a', 'c'])),
      report(() => tf.test_util.expectArraysEqual('a' as never, 'a')), report(() => tf.test_util.expectArraysEqual(['1', '2'], [1, 2] as never)),
      report(() => tf.test_util.expectArraysEqual([true, false] as never, [true, false] as never)),
    ],
  },
  {
    name: 'test_util.expectNumbersClose, expectValuesInRange and expectArrayBuffersEqual',
    run: (tf) => [
      report(() => tf.test_util.expectNumbersClose(1, 1.0009)), report(() => tf.test_util.expectNumbersClose(1, 1.01)), report(() => tf.test_util.expectNumbersClose(1, 1.01, 0.1)),
      report(() => tf.test_util.expectNumbersClose(NaN, NaN)), report(() => tf.test_util.expectValuesInRange([1, 2, 3], 0, 3)), report(() => tf.test_util.expectValuesInRange(new Float32Array([1, 5]), 0, 3)),
      report(() => tf.test_util.expectArrayBuffersEqual(new Float32Array([1, 2]).buffer, new Float32Array([1, 2]).buffer)),
      report(() => tf.test_util.expectArrayBuffersEqual(new Float32Array([1, 2]).buffer, new Float32Array([1, 3]).buffer)),
      report(() => tf.test_util.expectArrayBuffersEqual(new Float32Array([1]).buffer, new Float32Array([1, 3]).buffer)),
    ],
  },
  {
    name: 'test_util.expectPromiseToFail calls done on a rejection and done.fail on a resolution; encodeStrings gives utf-8 bytes',
    run: async (tf) => {
      const seen: string[] = [];
      const done = Object.assign(() => { seen.push('done'); }, { fail: () => { seen.push('fail'); } });
      tf.test_util.expectPromiseToFail(() => Promise.reject(new Error('x')), done);
      tf.test_util.expectPromiseToFail(() => Promise.resolve(1), done);
      await new Promise((r) => setTimeout(r, 0));
      return [seen, tf.test_util.encodeStrings(['a', ['bc', 'é']])];
    },
  },
];

const ragged: Program[] = [
  {
    name: 'raggedRange with vectors, broadcast scalars, negative steps and empty rows',
    run: (tf) => {
      const a = tf.raggedRange([0, 5, 8, 5], [8, 7, 8, 1], [2, 1, 1, -1]);
      const b = tf.raggedRange(tf.scalar(1), [3, 0, 6], 2);
      const c = tf.raggedRange(3, 10, 4);
      return [a.rtNestedSplits, a.rtDenseValues, b.rtNestedSplits, b.rtDenseValues, c.rtNestedSplits, c.rtDenseValues];
    },
  },
  {
    name: 'raggedRange of float and int32 starts keeps their dtype, with fractional steps',
    run: (tf) => {
      const f = tf.raggedRange(tf.tensor1d([0.5, -1]), tf.tensor1d([2, 1]), tf.tensor1d([0.4, 0.75]));
      const i = tf.raggedRange(tf.tensor1d([1, 10], 'int32'), tf.tensor1d([4, 4], 'int32'), tf.tensor1d([1, -3], 'int32'));
      return [f.rtNestedSplits, f.rtDenseValues, i.rtNestedSplits, i.rtDenseValues];
    },
  },
  {
    name: 'raggedRange refuses a zero step, a rank-2 argument and vectors of different lengths',
    run: (tf) => [
      attempt(() => tf.raggedRange([0, 1], [5, 5], [1, 0])), attempt(() => tf.raggedRange(tf.ones([2, 2]), 5, 1)), attempt(() => tf.raggedRange([0, 1, 2], [5, 5], 1)),
    ],
  },
  {
    name: 'raggedGather of a ragged rank-1 tensor with 1-D and 2-D indices',
    run: (tf) => {
      const splits = [tf.tensor1d([0, 3, 3, 5, 6], 'int32')];
      const values = tf.tensor1d([1, 2, 3, 4, 5, 6]);
      const a = tf.raggedGather(splits, values, tf.tensor1d([2, 0, 1, 2], 'int32'), 1);
      const b = tf.raggedGather(splits, values, tf.tensor2d([[3, 0], [1, 2]], [2, 2], 'int32'), 2);
      return [a.outputNestedSplits, a.outputDenseValues, b.outputNestedSplits, b.outputDenseValues];
    },
  },
  {
    name: 'raggedGather of a ragged rank-2 tensor with matrix values',
    run: (tf) => {
      const splits = [tf.tensor1d([0, 2, 3], 'int32'), tf.tensor1d([0, 1, 3, 4], 'int32')];
      const values = tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]);
      const g = tf.raggedGather(splits, values, tf.tensor1d([1, 0, 1], 'int32'), 2);
      return [g.outputNestedSplits, g.outputDenseValues];
    },
  },
  {
    name: 'raggedGather refuses an index out of range, unsorted splits, splits past the values and no splits',
    run: (tf) => {
      const values = tf.tensor1d([1, 2, 3]);
      return [
        attempt(() => tf.raggedGather([tf.tensor1d([0, 1, 3], 'int32')], values, tf.tensor1d([2], 'int32'), 1)),
        attempt(() => tf.raggedGather([tf.tensor1d([0, 2, 1], 'int32')], values, tf.tensor1d([0], 'int32'), 1)),
        attempt(() => tf.raggedGather([tf.tensor1d([0, 1, 5], 'int32')], values, tf.tensor1d([0], 'int32'), 1)),
        attempt(() => tf.raggedGather([], values, tf.tensor1d([0], 'int32'), 1)),
        attempt(() => tf.raggedGather([tf.tensor1d([0, 1, 3])], values, tf.tensor1d([0], 'int32'), 1)),
      ];
    },
  },
  {
    name: 'raggedTensorToTensor from row splits, with the shape -1, a wider shape and a narrower one',
    run: (tf) => {
      const values = tf.tensor1d([1, 2, 3, 4, 5, 6]);
      const splits = [tf.tensor1d([0, 3, 3, 5, 6], 'int32')];
      return [
        tf.raggedTensorToTensor([-1, -1], values, 9, splits, ['ROW_SPLITS']),
        tf.raggedTensorToTensor([5, 4], values, -1, splits, ['ROW_SPLITS']),
        tf.raggedTensorToTensor([2, 2], values, 0, splits, ['ROW_SPLITS']),
      ];
    },
  },
  {
    name: 'raggedTensorToTensor from FIRST_DIM_SIZE and VALUE_ROWIDS, int32 values',
    run: (tf) => {
      const values = tf.tensor1d([10, 20, 30, 40, 50], 'int32');
      const parts = [tf.scalar(4, 'int32'), tf.tensor1d([0, 0, 2, 2, 2], 'int32')];
      return [
        tf.raggedTensorToTensor([-1, -1], values, tf.scalar(-7, 'int32'), parts, ['FIRST_DIM_SIZE', 'VALUE_ROWIDS']),
        tf.raggedTensorToTensor([3, 2], values, tf.scalar(0, 'int32'), parts, ['FIRST_DIM_SIZE', 'VALUE_ROWIDS']),
      ];
    },
  },
  {
    name: 'raggedTensorToTensor of two ragged dimensions (row splits twice)',
    run: (tf) => {
      const values = tf.tensor1d([1, 2, 3, 4, 5, 6, 7]);
      const parts = [tf.tensor1d([0, 2, 3], 'int32'), tf.tensor1d([0, 1, 4, 7], 'int32')];
      return [tf.raggedTensorToTensor([-1, -1, -1], values, 0, parts, ['ROW_SPLITS', 'ROW_SPLITS']), tf.raggedTensorToTensor([2, 1, 2], values, 0, parts, ['ROW_SPLITS', 'ROW_SPLITS'])];
    },
  },
  {
    name: 'raggedTensorToTensor with matrix values and a scalar default',
    run: (tf) => {
      const values = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
      return [tf.raggedTensorToTensor([-1, -1, 2], values, 0.5, [tf.tensor1d([0, 1, 1, 3], 'int32')], ['ROW_SPLITS'])];
    },
  },
  {
    name: 'raggedTensorToTensor with the scalar shape -1 (every dim unknown)',
    deviation: 'TF.js reads the scalar -1 as a shape of rank 0 and refuses it as not matching the ragged tensor\'s rank, though its own message names it the valid unknown shape; tessera takes every dim from the ragged tensor',
    run: (tf) => [tf.raggedTensorToTensor(tf.scalar(-1, 'int32'), tf.tensor1d([1, 2, 3, 4, 5, 6]), 0, [tf.tensor1d([0, 3, 3, 5, 6], 'int32')], ['ROW_SPLITS'])],
  },
  {
    name: 'raggedTensorToTensor with matrix values and a vector default',
    deviation: 'TF.js\'s cpu kernel copies a non-scalar default into a throwaway slice of its output, so padded places stay 0; tessera fills them with the default',
    run: (tf) => [tf.raggedTensorToTensor([-1, -1, 2], tf.tensor2d([[1, 2], [3, 4], [5, 6]]), tf.tensor1d([7, 8]), [tf.tensor1d([0, 1, 1, 3], 'int32')], ['ROW_SPLITS'])],
  },
  {
    name: 'raggedTensorToTensor refuses VALUE_ROWIDS first, a shape of the wrong rank, a default of values\' rank and float partitions',
    run: (tf) => {
      const values = tf.tensor1d([1, 2, 3]);
      const splits = [tf.tensor1d([0, 1, 3], 'int32')];
      return [
        attempt(() => tf.raggedTensorToTensor([-1, -1], values, 0, [tf.tensor1d([0, 1, 1], 'int32')], ['VALUE_ROWIDS'])),
        attempt(() => tf.raggedTensorToTensor([-1], values, 0, splits, ['ROW_SPLITS'])),
        attempt(() => tf.raggedTensorToTensor([-1, -1], values, tf.tensor1d([0]), splits, ['ROW_SPLITS'])),
        attempt(() => tf.raggedTensorToTensor([-1, -1], values, 0, [tf.tensor1d([0, 1, 3])], ['ROW_SPLITS'])),
        attempt(() => tf.raggedTensorToTensor([-1, -1], values, 0, splits, ['ROW_LENGTHS'])),
        attempt(() => tf.raggedTensorToTensor([-1, -1], values, 0, [tf.tensor1d([], 'int32')], ['ROW_SPLITS'])),
      ];
    },
  },
  {
    name: 'ragged ops are not differentiable in TF.js: a gradient through raggedTensorToTensor throws',
    run: (tf) => [attempt(() => tf.grad((v: Tensor) => tf.sum(tf.raggedTensorToTensor([-1, -1], v, 0, [tf.tensor1d([0, 1, 3], 'int32')], ['ROW_SPLITS'])))(tf.tensor1d([1, 2, 3])))],
  },
];

const tensorUtil: Program[] = [
  {
    name: 'tensor_util.makeTypesMatch casts to the dtype both meet in, and leaves matching pairs as they are',
    run: (tf) => {
      const f = tf.tensor1d([1.5, 2]);
      const i = tf.tensor1d([1, 2], 'int32');
      const b = tf.tensor1d([true, false], 'bool');
      const [x, y] = tf.tensor_util.makeTypesMatch(f, i);
      const [p, q] = tf.tensor_util.makeTypesMatch(i, b);
      const [u, v] = tf.tensor_util.makeTypesMatch(f, f);
      return [x.dtype, y.dtype, y, p.dtype, q.dtype, q, u === f && v === f];
    },
  },
  {
    name: 'tensor_util.assertTypesMatch reports the two dtypes; isTensorInList tells the same tensor from an equal one',
    run: (tf) => {
      const a = tf.tensor1d([1, 2]);
      const b = tf.tensor1d([1, 2]);
      return [report(() => tf.tensor_util.assertTypesMatch(a, b)), report(() => tf.tensor_util.assertTypesMatch(a, tf.tensor1d([1], 'int32'))), tf.tensor_util.isTensorInList(a, [b, a]), tf.tensor_util.isTensorInList(a, [b])];
    },
  },
  {
    name: 'tensor_util.getTensorsInContainer walks arrays and objects, once per tensor',
    run: (tf) => {
      const a = tf.scalar(1);
      const b = tf.tensor1d([2, 3]);
      const c = tf.tensor1d([4]);
      const found = tf.tensor_util.getTensorsInContainer({ x: [a, { y: b }], z: a, w: [[c]], n: null, s: 'text', k: 5 } as never);
      return [found.length, found.map((t) => t.arraySync()), tf.tensor_util.getTensorsInContainer(b).length, tf.tensor_util.getTensorsInContainer(null as never).length];
    },
  },
];

/** A plain SGD written as a TF.js user subclasses tf.Optimizer: applyGradients, getConfig, and the step count helpers. */
const customOptimizer = (tf: TF) => {
  class HalfStep extends tf.Optimizer {
    static get className() { return 'HalfStep'; }
    constructor(readonly rate: number) { super(); }
    override applyGradients(grads: Record<string, Tensor> | { name: string; tensor: Tensor }[]) {
      const list = Array.isArray(grads) ? grads : Object.keys(grads).map((name) => ({ name, tensor: grads[name] }));
      for (const { name, tensor } of list) {
        const v = tf.engine().registeredVariables[name];
        tf.tidy(() => { v.assign(tf.sub(v, tf.mul(tensor, this.rate / 2))); });
      }
      this.incrementIterations();
    }
    override getConfig() { return { rate: this.rate }; }
    override async getWeights() { return [await this.saveIterations()]; }
    override async setWeights(weights: { name: string; tensor: Tensor }[]) { await this.extractIterations(weights); }
  }
  return HalfStep;
};

const customOptimizers: Program[] = [
  {
    name: 'a subclass of tf.Optimizer with its own applyGradients steps through minimize and counts iterations',
    run: async (tf) => {
      const HalfStep = customOptimizer(tf);
      const opt = new HalfStep(0.2);
      const a = tf.variable(tf.tensor1d([1, -2]), true, 's28_cu_a');
      const costs = [0, 1, 2].map(() => opt.minimize(() => tf.sum(tf.square(a)) as never, true)!.dataSync()[0]);
      const weights = await opt.getWeights();
      const out = [costs, a.arraySync(), opt.iterations, weights.map((w) => [w.name, w.tensor.arraySync()]), opt.getConfig(), opt.getClassName()];
      a.dispose();
      return out;
    },
  },
  {
    name: 'a subclass of tf.Optimizer restores its step count with extractIterations',
    run: async (tf) => {
      const HalfStep = customOptimizer(tf);
      const opt = new HalfStep(0.2);
      await opt.setWeights([{ name: 'iter', tensor: tf.scalar(7, 'int32') }]);
      return [opt.iterations];
    },
  },
];

/** How many tensors an optimizer holds after creation, after two steps and after dispose, as tf.memory() counts. */
const memoryOf = (tf: TF, make: () => Opt, tag: string) => {
  const a = tf.variable(tf.tensor1d([1, 2]), true, `s28_mem_${tag}`);
  const base = tf.memory().numTensors;
  const opt = make();
  const made = tf.memory().numTensors - base;
  opt.minimize(() => tf.sum(tf.square(a)) as never);
  opt.minimize(() => tf.sum(tf.square(a)) as never);
  const stepped = tf.memory().numTensors - base;
  opt.dispose();
  const left = tf.memory().numTensors - base;
  a.dispose();
  return [made, stepped, left];
};

const memoryPrograms: Program[] = [
  { name: 'tf.memory() around sgd and adam: held scalars, slots, and what dispose frees', run: (tf) => [memoryOf(tf, () => tf.train.sgd(0.1), 'sgd'), memoryOf(tf, () => tf.train.adam(0.1), 'adam')] },
  { name: 'tf.memory() around rmsprop (centered), adagrad and adadelta', run: (tf) => [memoryOf(tf, () => tf.train.rmsprop(0.1, 0.9, 0.1, 1e-7, true), 'rms'), memoryOf(tf, () => tf.train.adagrad(0.1), 'adag'), memoryOf(tf, () => tf.train.adadelta(0.1), 'adad')] },
  { name: 'tf.memory() around adamax', run: (tf) => [memoryOf(tf, () => tf.train.adamax(0.1), 'amax')] },
  {
    name: 'tf.memory() after image ops, losses and a ragged op inside tidy: nothing is left but the results',
    run: (tf) => {
      const before = tf.memory().numTensors;
      const out = tf.tidy(() => {
        const img = ramp(tf, 3, 3, 3);
        const r = tf.image.resizeBilinear(img, [4, 4]);
        const g = tf.image.rgbToGrayscale(r);
        const l = tf.losses.meanSquaredError(g, tf.zerosLike(g));
        const q = tf.linalg.qr(tf.tensor2d([[1, 2], [3, 4]]));
        return [l, q[0]];
      });
      const mid = tf.memory().numTensors - before;
      const rr = tf.raggedRange([0, 2], [3, 5], 1);
      const after = tf.memory().numTensors - before;
      return [mid, after, out[0], rr.rtDenseValues];
    },
  },
  {
    name: 'image ops from nested arrays (tensor-likes)',
    run: (tf) => {
      const img = [[[1], [2]], [[3], [4]]];
      return [
        tf.image.resizeBilinear(img as never, [3, 3]), tf.image.resizeNearestNeighbor(img as never, [1, 3]), tf.image.flipLeftRight([img] as never),
        tf.image.rgbToGrayscale([[1, 2, 3], [4, 5, 6]] as never), tf.image.grayscaleToRGB([[1], [2]] as never),
        tf.image.cropAndResize([img] as never, [[0, 0, 1, 1]] as never, [0] as never, [2, 2]),
      ];
    },
  },
  {
    name: 'stft with an fftLength shorter than the frame is refused or truncated as TF.js does',
    run: (tf) => [attempt(() => { const s = tf.signal.stft(tf.range(0, 8), 4, 2, 2); return [s.shape, tf.real(s).arraySync()]; })],
  },
  {
    name: 'computeWeightedLoss with weights broadcast from [2, 1] and [1, 3] under each reduction',
    run: (tf) => {
      const loss = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return reductions(tf).flatMap((r) => [tf.losses.computeWeightedLoss(loss, tf.tensor2d([[0], [2]]), r), tf.losses.computeWeightedLoss(loss, tf.tensor2d([[1, 0, 0.5]]), r)]);
    },
  },
  {
    name: 'nonMaxSuppression with a tensor iouThreshold is refused',
    run: (tf) => [attempt(() => tf.image.nonMaxSuppression(tf.tensor2d(boxes6), tf.tensor1d(scores6), 3, tf.scalar(0.5) as never).arraySync())],
  },
  {
    name: 'nonMaxSuppression with a fractional maxOutputSize',
    deviation: 'TF.js keeps boxes while it has fewer than maxOutputSize (3 for 2.5); tessera refuses a maxOutputSize that is not a whole number',
    run: (tf) => [attempt(() => tf.image.nonMaxSuppression(tf.tensor2d(boxes6), tf.tensor1d(scores6), 2.5).arraySync())],
  },
  {
    name: 'frame with a float frameLength',
    deviation: 'TF.js slices frames of the fractional length and pads them with NaN; tessera refuses a frameLength that is not a whole number',
    run: (tf) => [attempt(() => tf.signal.frame(tf.range(0, 6), 2.5, 2).arraySync())],
  },
  {
    name: 'bandPart of a rank-3 batch with bounds of exactly the matrix size',
    run: (tf) => {
      const a = tf.reshape(tf.range(1, 1 + 2 * 3 * 4), [2, 3, 4]);
      return [tf.linalg.bandPart(a, 3, 4), tf.linalg.bandPart(a, 2, 3)];
    },
  },
];

const lastRound: Program[] = [
  {
    name: 'losses with weights given as a plain number and as an array',
    run: (tf) => {
      const [l, p] = lossPair(tf);
      return [tf.losses.meanSquaredError(l, p, 2 as never), tf.losses.absoluteDifference(l, p, [1, 0, 2] as never), tf.losses.huberLoss(l, p, [[1], [0]] as never, 1, tf.Reduction.SUM)];
    },
  },
  {
    name: 'minimize with a varList holding a variable made with trainable false still updates it',
    run: (tf) => {
      const a = tf.variable(tf.scalar(2), false, 's28_vlnt_a');
      const r = attempt(() => { tf.train.sgd(0.25).minimize(() => tf.square(a) as never, false, [a]); return a.arraySync(); });
      a.dispose();
      return [r];
    },
  },
  {
    name: 'applyGradients naming a variable that does not exist',
    run: (tf) => [attempt(() => tf.train.sgd(0.1).applyGradients({ s28_no_such_var: tf.scalar(1) }))],
  },
  {
    name: 'sgd with learning rate 0 leaves the variable',
    run: (tf) => {
      const a = tf.variable(tf.scalar(2), true, 's28_lr0_a');
      tf.train.sgd(0).minimize(() => tf.square(a) as never);
      const out = a.arraySync();
      a.dispose();
      return [out];
    },
  },
  {
    name: 'sgd with a negative learning rate',
    run: (tf) => {
      const a = tf.variable(tf.scalar(2), true, 's28_lrn_a');
      const out = attempt(() => { tf.train.sgd(-0.5).minimize(() => tf.square(a) as never); return a.arraySync(); });
      a.dispose();
      return [out];
    },
  },
  {
    name: 'rgbToGrayscale of an image with a 0 in its shape, and grayscaleToRGB of an empty batch',
    run: (tf) => [attempt(() => tf.image.rgbToGrayscale(tf.zeros([0, 2, 3])).shape), attempt(() => tf.image.grayscaleToRGB(tf.zeros([0, 2, 2, 1])).shape)],
  },
  {
    name: 'nonMaxSuppression with a maxOutputSize above the number of boxes',
    run: (tf) => [tf.image.nonMaxSuppression(tf.tensor2d([[0, 0, 1, 1], [5, 5, 6, 6]]), tf.tensor1d([0.3, 0.8]), 10)],
  },
  {
    name: 'metrics.categoricalCrossentropy and binaryCrossentropy of predictions at 0 and 1 clip to epsilon',
    run: (tf) => {
      const yt = tf.tensor2d([[0, 1], [1, 0]]);
      const yp = tf.tensor2d([[0, 1], [0, 1]]);
      return [tf.metrics.categoricalCrossentropy(yt, yp), tf.metrics.binaryCrossentropy(yt, yp)];
    },
  },
  {
    name: 'linalg.gramSchmidt of an int32 matrix and of a single vector',
    run: (tf) => [attempt(() => (tf.linalg.gramSchmidt(tf.tensor2d([[3, 4]], [1, 2], 'int32')) as Tensor).arraySync()), (tf.linalg.gramSchmidt([tf.tensor1d([0, 3, 4])]) as Tensor[])[0]],
  },
];

export const s28Extras: Program[] = [...testUtil, ...ragged, ...tensorUtil, ...customOptimizers];

const more: Program[] = [
  {
    name: 'resizeBilinear and resizeNearestNeighbor of an int32 3-d image',
    run: (tf) => {
      const xi = tf.reshape(tf.tensor1d([1, 5, 9, 13], 'int32'), [2, 2, 1]) as Tensor3D;
      return [tf.image.resizeNearestNeighbor(xi, [3, 3]), tf.image.resizeBilinear(xi, [3, 3], true)];
    },
  },
  {
    name: 'resizeBilinear from a 1x1 image and to a 1-wide column, alignCorners and halfPixelCenters',
    run: (tf) => {
      const x = ramp(tf, 4, 3);
      return [tf.image.resizeBilinear(tf.ones([1, 1, 1, 2]).mul(3) as Tensor4D, [2, 3], true), tf.image.resizeBilinear(x, [4, 1], true), tf.image.resizeBilinear(x, [2, 1], false, true), tf.image.resizeNearestNeighbor(x, [4, 1], true)];
    },
  },
  {
    name: 'cropAndResize of a multi-channel batch with boxes selecting each image, bilinear and nearest',
    run: (tf) => {
      const img = tf.reshape(tf.range(0, 2 * 4 * 5 * 3), [2, 4, 5, 3]) as Tensor4D;
      const boxes = tf.tensor2d([[0.1, 0.2, 0.9, 0.7], [0, 0, 0.5, 1], [0.3, 0.3, 0.3, 0.3]]);
      const ind = tf.tensor1d([1, 0, 1], 'int32');
      return [tf.image.cropAndResize(img, boxes, ind, [3, 2]), tf.image.cropAndResize(img, boxes, ind, [2, 4], 'nearest')];
    },
  },
  {
    name: 'nonMaxSuppression with negative scores and a scoreThreshold of -Infinity by default',
    run: (tf) => {
      const b = tf.tensor2d([[0, 0, 1, 1], [2, 2, 3, 3], [0, 0, 0.9, 0.9]]);
      const s = tf.tensor1d([-0.5, -2, 0.1]);
      return [tf.image.nonMaxSuppression(b, s, 3), tf.image.nonMaxSuppression(b, s, 3, 0.5, -1), tf.image.nonMaxSuppression(b, s, 3, 0.5, 0)];
    },
  },
  {
    name: 'nonMaxSuppression of degenerate boxes (zero area) and of identical boxes with iouThreshold 1',
    run: (tf) => {
      const b = tf.tensor2d([[0, 0, 0, 0], [0, 0, 0, 0], [1, 1, 2, 2], [1, 1, 2, 2]]);
      const s = tf.tensor1d([0.9, 0.8, 0.7, 0.6]);
      return [tf.image.nonMaxSuppression(b, s, 4, 0.5), tf.image.nonMaxSuppression(b, s, 4, 1)];
    },
  },
  {
    name: 'nonMaxSuppressionWithScore with soft NMS and iouThreshold 0.5 together',
    run: (tf) => {
      const r = tf.image.nonMaxSuppressionWithScore(tf.tensor2d(boxes6), tf.tensor1d(scores6), 5, 0.5, 0.1, 0.8);
      return [r.selectedIndices, r.selectedScores];
    },
  },
  {
    name: 'nonMaxSuppressionPadded with maxOutputSize below the number kept and no boxes at all',
    run: (tf) => {
      const a = tf.image.nonMaxSuppressionPadded(tf.tensor2d(boxes6), tf.tensor1d(scores6), 2, 0.5, 0, true);
      const e = tf.image.nonMaxSuppressionPadded(tf.zeros([0, 4]) as never, tf.tensor1d([]), 3, 0.5, 0, true);
      return [a.selectedIndices, a.validOutputs, e.selectedIndices, e.validOutputs];
    },
  },
  {
    name: 'transform of an int32 image, nearest and bilinear',
    run: (tf) => {
      const x = ramp(tf, 3, 3, 1, 'int32');
      const t = tf.tensor2d([[1, 0, 0.5, 0, 1, 0.5, 0, 0]]);
      return [attempt(() => tf.image.transform(x, t, 'nearest')), attempt(() => tf.image.transform(x, t, 'bilinear'))];
    },
  },
  {
    name: 'transform refuses an unknown interpolation',
    run: (tf) => [attempt(() => tf.image.transform(ramp(tf, 3, 3), tf.tensor2d([[1, 0, 0, 0, 1, 0, 0, 0]]), 'bicubic' as never).arraySync())],
  },
  {
    name: 'transform with an unknown fill mode',
    deviation: 'TF.js\'s kernel treats any fillMode it does not know as \'constant\'; tessera refuses it, naming the modes it takes',
    run: (tf) => [attempt(() => tf.image.transform(ramp(tf, 3, 3), tf.tensor2d([[1, 0, 0, 0, 1, 0, 0, 0]]), 'nearest', 'mirror' as never).arraySync())],
  },
  {
    name: 'rgbToGrayscale then grayscaleToRGB round trip of a batch, and threshold of a float 0..1 image',
    run: (tf) => {
      const x = tf.reshape(tf.range(0, 2 * 2 * 2 * 3), [2, 2, 2, 3]) as Tensor4D;
      const g = tf.image.rgbToGrayscale(x);
      const img = tf.tensor3d([[[0.1, 0.2, 0.3], [0.9, 0.8, 0.7]]]);
      return [g, tf.image.grayscaleToRGB(g), tf.image.threshold(img), tf.image.threshold(img, 'binary', false, 0.003)];
    },
  },
  {
    name: 'frame with frameStep 1 over every position, and of an empty signal',
    run: (tf) => [tf.signal.frame(tf.tensor1d([1, 2, 3, 4]), 2, 1), tf.signal.frame(tf.tensor1d([]), 2, 1), tf.signal.frame(tf.tensor1d([]), 2, 1, true)],
  },
  {
    name: 'stft of a signal shorter than one frame, and of exactly one frame',
    run: (tf) => {
      const one = tf.signal.stft(tf.tensor1d([1, 2, 3, 4]), 4, 2);
      return [one.shape, tf.real(one), tf.imag(one), attempt(() => tf.signal.stft(tf.tensor1d([1, 2]), 4, 1).shape)];
    },
  },
  {
    name: 'hammingWindow of a negative length is refused',
    run: (tf) => [attempt(() => tf.signal.hammingWindow(-1).arraySync())],
  },
  {
    name: 'hannWindow of a non-integer length',
    deviation: 'TF.js makes a window of floor(length) values from a formula that mixes in the fraction; tessera refuses a windowLength that is not a whole number',
    run: (tf) => [attempt(() => tf.signal.hannWindow(3.5).arraySync())],
  },
  {
    name: 'qr of an int32 matrix and of a 1x1',
    run: (tf) => {
      const [q1, r1] = tf.linalg.qr(tf.tensor2d([[5]]));
      const i = attempt(() => tf.linalg.qr(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32')).map((t) => t.dtype));
      return [q1, r1, i];
    },
  },
  {
    name: 'qr of a matrix with a zero column',
    deviation: "TF.js's Householder step divides 0 by 0 for a column that is zero below the diagonal and gives NaN; tessera's reflection is the identity there (τ = 0, as LAPACK), so q·r is the matrix",
    run: (tf) => {
      const [q2, r2] = tf.linalg.qr(tf.tensor2d([[0, 1], [0, 2], [0, 2]]));
      return [tf.matMul(q2, r2), q2.shape];
    },
  },
  {
    name: 'qr of a rank-4 batch',
    deviation: 'TF.js\'s qr of a batch of rank above 3 reshapes the stacked Qs and Rs to the input\'s shape and throws; tessera returns them',
    run: (tf) => {
      const a = tf.reshape(tf.tensor1d([2, 1, 0, 1, 3, 1, 1, 0, 2, 4, 1, 1]), [2, 1, 3, 2]);
      const [q, r] = tf.linalg.qr(a, true);
      const [qr, rr] = tf.linalg.qr(a);
      return [q.shape, r.shape, tf.matMul(q, r), tf.abs(r), qr.shape, rr.shape, tf.matMul(qr, rr)];
    },
  },
  {
    name: 'gramSchmidt of nearly dependent vectors stays orthonormal',
    run: (tf) => {
      const m = tf.linalg.gramSchmidt(tf.tensor2d([[1, 1, 1], [1, 1, 1.001], [0, 1, 0]])) as Tensor;
      return [tf.matMul(m, m, false, true), tf.abs(m)];
    },
  },
  {
    name: 'losses with a weights tensor of the wrong shape are refused',
    run: (tf) => {
      const [l, p] = lossPair(tf);
      return [attempt(() => tf.losses.meanSquaredError(l, p, tf.ones([3, 2]))), attempt(() => tf.losses.absoluteDifference(l, p, tf.ones([4])))];
    },
  },
  {
    name: 'losses of rank-1 and rank-3 inputs with each reduction',
    run: (tf) => {
      const l1 = tf.tensor1d([1, 2, 3]);
      const p1 = tf.tensor1d([1.5, 2, 2]);
      const l3 = tf.reshape(tf.range(0, 8), [2, 2, 2]);
      const p3 = tf.reshape(tf.range(0, 8).mul(1.1), [2, 2, 2]);
      return reductions(tf).flatMap((r) => [tf.losses.huberLoss(l1, p1, undefined, 0.3, r), tf.losses.meanSquaredError(l3, p3, tf.tensor1d([1, 0]), r)]);
    },
  },
  {
    name: 'losses with an unknown Reduction value',
    run: (tf) => {
      const [l, p] = lossPair(tf);
      return [attempt(() => tf.losses.meanSquaredError(l, p, undefined, 7 as never).arraySync())];
    },
  },
  {
    name: 'logLoss and sigmoidCrossEntropy at the saturated ends',
    run: (tf) => {
      const l = tf.tensor1d([1, 0, 1, 0]);
      return [tf.losses.logLoss(l, tf.tensor1d([1, 0, 0, 1])), tf.losses.sigmoidCrossEntropy(l, tf.tensor1d([100, -100, -100, 100])), tf.losses.sigmoidCrossEntropy(l, tf.tensor1d([0, 0, 0, 0]), undefined, 1)];
    },
  },
  {
    name: 'softmaxCrossEntropy of a rank-3 batch and of a rank-1 vector',
    run: (tf) => {
      const l3 = tf.oneHot(tf.tensor2d([[0, 2], [1, 1]], [2, 2], 'int32'), 3);
      const z3 = tf.reshape(tf.sin(tf.range(0, 12)), [2, 2, 3]);
      return [tf.losses.softmaxCrossEntropy(l3, z3), tf.losses.softmaxCrossEntropy(l3, z3, undefined, 0, tf.Reduction.NONE), tf.losses.softmaxCrossEntropy(tf.tensor1d([0, 1, 0]), tf.tensor1d([1, 2, 3]))];
    },
  },
  {
    name: 'metrics of int32 labels and a categoricalAccuracy with ties',
    run: (tf) => {
      const yt = tf.tensor2d([[0, 1, 0], [1, 0, 0]], [2, 3], 'int32');
      const yp = tf.tensor2d([[0.4, 0.4, 0.2], [0.5, 0.5, 0]]);
      return [tf.metrics.categoricalAccuracy(yt, yp), tf.metrics.binaryAccuracy(yt, yp)];
    },
  },
  {
    name: 'sparseCategoricalAccuracy with labels given as a column [n, 1]',
    run: (tf) => [tf.metrics.sparseCategoricalAccuracy(tf.tensor2d([[2], [0], [1]]), tf.tensor2d([[0.1, 0.2, 0.7], [0.3, 0.6, 0.1], [0.2, 0.5, 0.3]]))],
  },
  {
    name: 'setLearningRate of sgd and momentum changes their next step and their config',
    run: (tf) => {
      const a = tf.variable(tf.scalar(1), true, 's28_slr_a');
      const sgd = tf.train.sgd(0.1);
      const mom = tf.train.momentum(0.1, 0.5, true);
      const seen: unknown[] = [];
      for (const opt of [sgd, mom]) {
        opt.minimize(() => tf.square(a) as never);
        seen.push(a.arraySync());
        opt.setLearningRate(0.3);
        opt.minimize(() => tf.square(a) as never);
        seen.push(a.arraySync(), opt.getConfig());
      }
      a.dispose();
      return seen;
    },
  },
  {
    name: 'momentum\'s setMomentum changes its config',
    run: (tf) => {
      const mom = tf.train.momentum(0.1, 0.5);
      mom.setMomentum(0.9);
      return [mom.getConfig(), mom.momentum];
    },
  },
  {
    name: 'momentum\'s setMomentum changes its next step',
    deviation: 'TF.js\'s setMomentum sets the number getConfig reports but its steps keep the momentum scalar the constructor made; tessera\'s steps take the new momentum',
    run: (tf) => {
      const a = tf.variable(tf.scalar(1), true, 's28_smo_a');
      const mom = tf.train.momentum(0.1, 0.5);
      mom.minimize(() => tf.square(a) as never);
      mom.setMomentum(0.9);
      mom.minimize(() => tf.square(a) as never);
      const out = a.arraySync();
      a.dispose();
      return [out];
    },
  },
  {
    name: 'optimizers over a matrix variable and a bias for five steps: adam, adamax, adadelta and rmsprop',
    run: (tf) => {
      const run = (opt: Opt, tag: string) => {
        const w = tf.variable(tf.tensor2d([[0.5, -0.5], [0.25, 1]]), true, `s28_mx_${tag}_w`);
        const x = tf.tensor2d([[1, 2], [3, 4], [-1, 0]]);
        const y = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
        for (let i = 0; i < 5; i++) opt.minimize(() => tf.losses.meanSquaredError(y, tf.matMul(x, w)) as never);
        const out = w.arraySync();
        w.dispose();
        return out;
      };
      return [run(tf.train.adam(0.05), 'adam'), run(tf.train.adamax(0.05), 'amax'), run(tf.train.adadelta(2), 'adad'), run(tf.train.rmsprop(0.05, 0.9, 0.2), 'rms')];
    },
  },
  {
    name: 'optimizer getWeights before any step',
    run: async (tf) => (await tf.train.adam(0.1).getWeights()).map((w) => [w.name, w.tensor.arraySync()]),
  },
  {
    name: 'optimizer setWeights with slots named for variables that do not exist',
    deviation: 'TF.js keeps the slots by position and takes any names; tessera keeps each slot by its variable\'s name and refuses a name no variable has',
    run: async (tf) => {
      const other = tf.train.adam(0.1);
      return [await attemptAsync(async () => { await other.setWeights([{ name: 'iter', tensor: tf.scalar(4) }, { name: 's28_nope/m', tensor: tf.scalar(1) }]); return other.iterations; })];
    },
  },
];

export const s28More: Program[] = [...more, ...memoryPrograms, ...lastRound];
