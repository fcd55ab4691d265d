import type { Tensor, Tensor3D, Tensor4D } from '../../../src/index';
import type { Program } from '../harness';

// tf.image as preprocessing code calls it: resizing (bilinear and nearest, corner and half-pixel conventions, up
// and down, rank 3 and 4, int32 pixels), mirroring, grayscale conversions, and the gradients through resizing.

const attempt = (fs: Array<() => unknown>) => fs.map((f) => { try { return f(); } catch { return 'threw'; } });

/** A [2, 4, 4, 3] batch of whole-number pixels (deterministic). */
const pixels = (tf: import('../harness').TF) => tf.tensor4d(Array.from({ length: 2 * 4 * 4 * 3 }, (_, i) => (i * 7) % 11), [2, 4, 4, 3]);

export const coreImage: Program[] = [
  {
    name: 'browser.toPixels: TensorLike values read as int32, NaN drawn as 0, a bool tensor refused',
    run: async (tf) => {
      const rejects = (f: () => Promise<unknown>) => f().then(() => 'resolved', () => 'threw');
      return [
        await tf.browser.toPixels([[0.5, 1], [0, 0.25]]), await tf.browser.toPixels([[100, 255], [0, 3.7]]), await tf.browser.toPixels([[[true], [false]]]),
        await tf.browser.toPixels(tf.tensor([0, NaN, 0, 0.5], [2, 2])), await tf.browser.toPixels(tf.tensor([[[0.2, 0.4, NaN]]])),
        await tf.browser.toPixels(tf.tensor([[7, 255]], [1, 2], 'int32')),
        await rejects(() => tf.browser.toPixels(tf.tensor([true, false, true, false], [2, 2], 'bool'))), await rejects(() => tf.browser.toPixels([[300, 2]])),
        await rejects(() => tf.browser.toPixels([1, 2])),
      ];
    },
  },
  {
    name: 'resizeBilinear and resizeNearestNeighbor under every corner convention',
    run: (tf) => {
      const img = pixels(tf);
      const out: Tensor[] = [];
      for (const size of [[6, 5], [2, 3], [7, 3], [1, 1], [4, 4]] as Array<[number, number]>) {
        for (const [corners, half] of [[false, false], [true, false], [false, true]]) {
          out.push(tf.image.resizeBilinear(img, size, corners, half), tf.image.resizeNearestNeighbor(img, size, corners, half));
        }
      }
      return out;
    },
  },
  {
    name: 'resizing a single image, int32 pixels and a model-input pipeline',
    run: (tf) => {
      const img = pixels(tf).slice([1], [1]).squeeze([0]) as Tensor3D;
      const ints = img.toInt();
      const batch = tf.image.resizeBilinear(ints, [8, 8]).div(255).expandDims(0);
      return [
        tf.image.resizeBilinear(img, [2, 2]), tf.image.resizeNearestNeighbor(ints, [3, 5]), tf.image.resizeBilinear(ints, [3, 3], true), batch, batch.mean([1, 2]),
        tf.image.resizeBilinear(img.arraySync() as number[][][] as unknown as Tensor3D, [2, 2]),
      ];
    },
  },
  {
    name: 'flipLeftRight, rgbToGrayscale and grayscaleToRGB',
    run: (tf) => {
      const img = pixels(tf);
      return [
        tf.image.flipLeftRight(img), tf.image.rgbToGrayscale(img), tf.image.rgbToGrayscale(img.toInt()), tf.image.rgbToGrayscale(img.slice([0, 0, 0, 0], [1, 1, 2, 3]).reshape([2, 3])),
        tf.image.grayscaleToRGB(img.slice([0, 0, 0, 0], [-1, -1, -1, 1])), tf.image.grayscaleToRGB(tf.tensor2d([[1], [2]])),
        tf.image.grayscaleToRGB(tf.image.rgbToGrayscale(img)).shape,
      ];
    },
  },
  {
    name: 'gradients through resizing',
    run: (tf) => {
      const img = pixels(tf).div(10) as Tensor4D;
      const w = tf.range(0, 6 * 5 * 3).reshape([1, 6, 5, 3]).sin();
      const one = img.slice([0], [1]);
      return [
        tf.grad((x) => tf.image.resizeBilinear(x as Tensor4D, [6, 5]).mul(w).sum())(img),
        tf.grad((x) => tf.image.resizeBilinear(x as Tensor4D, [3, 2], true).square().sum())(img),
        tf.grad((x) => tf.image.resizeBilinear(x as Tensor4D, [2, 7]).sum())(img),
        tf.grad((x) => tf.image.resizeNearestNeighbor(x as Tensor4D, [6, 5]).mul(w).sum())(one),
        tf.grad((x) => tf.image.resizeNearestNeighbor(x as Tensor4D, [2, 2]).square().sum())(one),
      ];
    },
  },
  {
    name: 'resize gradients TF.js gets wrong',
    deviation: "TF.js 4.22's resize gradient kernels ignore halfPixelCenters, its nearest-neighbour gradient reads dy at the images' batch stride (wrong from the second image on when the sizes differ) and gives NaN with alignCorners to a width of 3; tessera's resize ops are gathers, so their gradients are those of the forward pass",
    run: (tf) => {
      const img = pixels(tf).div(10) as Tensor4D;
      return [
        tf.grad((x) => tf.image.resizeBilinear(x as Tensor4D, [7, 3], false, true).sum())(img),
        tf.grad((x) => tf.image.resizeNearestNeighbor(x as Tensor4D, [6, 5]).square().sum())(img),
        tf.grad((x) => tf.image.resizeNearestNeighbor(x as Tensor4D, [2, 3], true).square().sum())(img),
      ];
    },
  },
  {
    name: 'tf.image arguments TF.js refuses',
    run: (tf) => {
      const img = pixels(tf);
      return attempt([
        () => tf.image.resizeBilinear(img.reshape([96]) as unknown as Tensor4D, [2, 2]), () => tf.image.resizeBilinear(img, [2] as unknown as [number, number]),
        () => tf.image.resizeBilinear(img, [2, 2], true, true), () => tf.image.resizeNearestNeighbor(img, [2, 2], true, true),
        () => tf.image.resizeNearestNeighbor(img.greater(3) as Tensor4D, [2, 2]), () => tf.image.flipLeftRight(img.squeeze() as unknown as Tensor4D),
        () => tf.image.flipLeftRight(img.toInt()), () => tf.image.rgbToGrayscale(img.slice([0, 0, 0, 0], [-1, -1, -1, 2])), () => tf.image.grayscaleToRGB(img),
        () => tf.image.rgbToGrayscale(tf.tensor1d([1, 2, 3])),
      ]);
    },
  },
  {
    name: 'non-max suppression of detection boxes, hard and soft',
    run: async (tf) => {
      const boxes = tf.tensor2d([
        [0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1, 11], [0, 10.1, 1, 11.1], [0, 100, 1, 101], [1, 1, 0, 0], [0.5, 0.5, 0.5, 0.9],
      ]);
      const scores = tf.tensor1d([0.9, 0.75, 0.6, 0.95, 0.5, 0.3, 0.9, 0.99]);
      const soft = tf.image.nonMaxSuppressionWithScore(boxes, scores, 6, 1, 0, 0.5);
      const softAsync = await tf.image.nonMaxSuppressionWithScoreAsync(boxes, scores, 5, 0.6, 0.2, 0.3);
      return [
        tf.image.nonMaxSuppression(boxes, scores, 3), tf.image.nonMaxSuppression(boxes, scores, 10, 0.5), tf.image.nonMaxSuppression(boxes, scores, 10, 0.5, 0.55),
        tf.image.nonMaxSuppression(boxes, scores, 10, 0.0), tf.image.nonMaxSuppression(boxes, scores, 10, 1), tf.image.nonMaxSuppression(boxes, tf.tensor1d([1, 1, 1, 1, 1, 1, 1, 1]), 4, 0.7),
        await tf.image.nonMaxSuppressionAsync(boxes, scores, 4, 0.3), tf.image.nonMaxSuppression([[0, 0, 1, 1], [0, 0, 1, 1]], [0.5, 0.6], 2), tf.image.nonMaxSuppression(boxes, scores, 0),
        soft.selectedIndices, soft.selectedScores, softAsync.selectedIndices, softAsync.selectedScores,
        attempt([
          () => tf.image.nonMaxSuppression(boxes.slice([0, 0], [-1, 3]), scores, 2), () => tf.image.nonMaxSuppression(boxes, scores.slice(1), 2),
          () => tf.image.nonMaxSuppression(boxes, scores, 2, 1.5), () => tf.image.nonMaxSuppressionWithScore(boxes, scores, 2, 0.5, 0, 2),
        ]),
      ];
    },
  },
  {
    name: 'tf.pool, with and without dilations',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 2 * 5 * 6 * 2 }, (_, i) => Math.sin(i * 0.7) * 4), [2, 5, 6, 2]);
      const img = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3, 1]);
      return [
        tf.pool(img, 2, 'max', 'valid'), tf.pool(img, 2, 'avg', 'same'), tf.pool(x, [2, 3], 'max', 'same', 1, 2), tf.pool(x, 2, 'avg', 'valid', 1, [1, 2]),
        tf.pool(x, 2, 'max', 'valid', 2), tf.pool(x, 2, 'avg', 'same', 2), tf.pool(x, [3, 2], 'max', 'same', [2, 1]), tf.pool(x, 2, 'avg', 0, [1, 2]),
        tf.grad((t) => tf.pool(t, 2, 'max', 'valid', 2).sum())(x), tf.grad((t) => tf.pool(t, 2, 'avg', 'same', 2).square().sum())(x),
        attempt([() => tf.pool(x, 2, 'max', 'valid', 2, 2), () => tf.pool(tf.ones([2, 2]), 2, 'max', 'valid')]),
      ];
    },
  },
];
