import type { io } from '../../../src/index';
import type { Program } from '../harness';

// tfjs-core surface programs reach for: chained Tensor methods of the less common ops, tensor properties.

const attempt = (fs: Array<() => unknown>) => fs.map((f) => { try { return f(); } catch { return 'threw'; } });

export const coreSurface: Program[] = [
  {
    name: 'chained onesLike, zerosLike, divNoNan, euclideanNorm and unique',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3], [0, 4, -1]]);
      const { values, indices } = tf.tensor1d([4, 2, 4, 7, 2], 'int32').unique();
      const rows = tf.tensor2d([[1, 2], [3, 4], [1, 2]]).unique(0);
      return [
        x.onesLike(), x.zerosLike(), tf.tensor1d([1, 2], 'int32').onesLike(), x.divNoNan(tf.tensor2d([[2, 0, 3], [0, 8, 0]])),
        x.euclideanNorm(), x.euclideanNorm(1), x.euclideanNorm([0, 1], true), values, indices, rows.values, rows.indices,
      ];
    },
  },
  {
    name: 'chained image and block ops: resizeBilinear, resizeNearestNeighbor, spaceToBatchND, batchToSpaceND, depthToSpace',
    run: (tf) => {
      const img = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]);
      const toBatch = img.spaceToBatchND([2, 2], [[0, 0], [0, 0]]);
      return [
        img.resizeBilinear([3, 3]), img.resizeBilinear([4, 4], true), img.resizeBilinear([3, 5], false, true),
        img.resizeNearestNeighbor([4, 3]), img.resizeNearestNeighbor([3, 3], true), tf.tensor3d([1, 2, 3, 4], [2, 2, 1]).resizeNearestNeighbor([3, 3], false, true),
        toBatch, toBatch.batchToSpaceND([2, 2], [[0, 0], [0, 0]]), tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 2, 4]).depthToSpace(2),
      ];
    },
  },
  {
    name: 'chained localResponseNormalization and pool',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 32 }, (_, i) => (i % 7) - 3), [1, 4, 4, 2]);
      return [
        x.localResponseNormalization(), x.localResponseNormalization(1, 2, 0.5, 0.75),
        x.pool([2, 2], 'max', 'valid'), x.pool([2, 2], 'avg', 'same', 1, 2), x.pool([2, 2], 'max', 'same', 2),
        tf.tensor3d(Array.from({ length: 9 }, (_, i) => i), [3, 3, 1]).pool(2, 'avg', 'valid'),
      ];
    },
  },
  {
    name: 'x.variable() as tf.variable, and the disposed check',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3]);
      const v = x.variable();
      const frozen = tf.tensor1d([5, 6], 'int32').variable(false, 'frozenCount');
      v.assign(tf.tensor1d([4, 5, 6]));
      const gone = tf.tensor1d([1]);
      gone.dispose();
      return [v, x, v.trainable, frozen.trainable, frozen.name, frozen.dtype, x.throwIfDisposed() === undefined, attempt([() => gone.throwIfDisposed(), () => gone.variable()])];
    },
  },
  {
    name: 'tensor.bytes() and tensor.strides',
    run: async (tf) => {
      const ints = await tf.tensor1d([1, 256, -1], 'int32').bytes();
      const floats = await tf.tensor2d([[1.5, -2]]).bytes();
      return [Array.from(ints as Uint8Array), Array.from(floats as Uint8Array), tf.scalar(1).strides, tf.tensor1d([1, 2]).strides, tf.zeros([2, 3]).strides, tf.zeros([2, 3, 4, 5]).strides];
    },
  },
  {
    name: 'tf.math.confusionMatrix of class ids and float labels, and its checks',
    run: (tf) => {
      const labels = tf.tensor1d([0, 1, 2, 1, 0], 'int32');
      const predictions = tf.tensor1d([0, 2, 2, 1, 1], 'int32');
      const cm = tf.math.confusionMatrix(labels, predictions, 3);
      return [
        cm, tf.math.confusionMatrix(tf.tensor1d([0.9, 1.2, 1.7]), tf.tensor1d([1, 1, 0]), 2),
        cm.div(cm.sum(1, true)), tf.metrics.binaryAccuracy(tf.tensor1d([1, 0]), tf.tensor1d([1, 1])),
        attempt([
          () => tf.math.confusionMatrix(labels, predictions, 0), () => tf.math.confusionMatrix([1, 1], [0, 0], 1), () => tf.math.confusionMatrix(labels, predictions, 2.5),
          () => tf.math.confusionMatrix(labels, tf.tensor1d([1, 2], 'int32'), 3), () => tf.math.confusionMatrix(tf.tensor2d([[1]]), tf.tensor2d([[1]]), 2),
          () => tf.math.confusionMatrix(labels, predictions, undefined as unknown as number),
        ]),
      ];
    },
  },
  {
    name: 'tf.math.confusionMatrix with class ids outside [0, numClasses)',
    deviation: 'TF.js 4.22 counts an out-of-range label or prediction nowhere (a one-hot row of zeros); tessera refuses it, as every out-of-range index (issue 10)',
    run: (tf) => tf.math.confusionMatrix(tf.tensor1d([3, 1, -1], 'int32'), tf.tensor1d([0, 1, 1], 'int32'), 2),
  },
  {
    name: 'conv2d and depthwiseConv2d with a numeric pad, explicit pads and dimRoundingMode',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 50 }, (_, i) => ((i * 7) % 11) - 5), [1, 5, 5, 2]);
      const w = tf.tensor4d(Array.from({ length: 36 }, (_, i) => ((i * 5) % 9) / 4 - 1), [3, 3, 2, 2]);
      const w23 = tf.tensor4d(Array.from({ length: 24 }, (_, i) => ((i * 3) % 7) / 3 - 1), [2, 3, 2, 2]);
      const dw = tf.tensor4d(Array.from({ length: 18 }, (_, i) => (i % 5) - 2), [3, 3, 2, 1]);
      return [
        tf.conv2d(x, w, 1, 1), tf.conv2d(x, w, 2, 1), tf.conv2d(x, w, 2, 2, 'NHWC', 1, 'ceil'), tf.conv2d(x, w, 2, 1, 'NHWC', 1, 'floor'),
        tf.conv2d(x, w, 1, 0), tf.conv2d(x, w, 1, 2, 'NHWC', 2), tf.conv2d(x, w23, [2, 1], 1),
        tf.conv2d(x, w, 1, [[0, 0], [1, 2], [0, 1], [0, 0]]), tf.conv2d(x, w23, 2, [[0, 0], [2, 0], [1, 1], [0, 0]], 'NHWC', 1, 'ceil'),
        x.conv2d(w, 1, 1), tf.conv2d(tf.tensor3d(Array.from({ length: 8 }, (_, i) => i), [2, 2, 2]), w, 1, 1),
        tf.depthwiseConv2d(x, dw, 1, 1), tf.depthwiseConv2d(x, dw, 2, 1, 'NHWC', 1, 'round'), tf.depthwiseConv2d(x, dw, 1, [[0, 0], [0, 2], [1, 0], [0, 0]]),
        x.depthwiseConv2d(dw, 1, 2, 'NHWC', 2),
        attempt([() => tf.conv2d(x, w, 1, 'same', 'NHWC', 1, 'floor'), () => tf.maxPool(x, 2, 1, 'valid', 'ceil'), () => tf.depthwiseConv2d(x, dw, 1, 'valid', 'NHWC', 1, 'round')]),
      ];
    },
  },
  {
    name: 'maxPool and avgPool with a numeric pad, explicit pads and dimRoundingMode',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 50 }, (_, i) => ((i * 7) % 11) - 8), [1, 5, 5, 2]);
      return [
        tf.maxPool(x, 3, 1, 1), tf.maxPool(x, 2, 2, 1), tf.maxPool(x, 3, 2, 1, 'ceil'), tf.maxPool(x, [2, 3], 2, [[0, 0], [1, 0], [0, 2], [0, 0]]),
        tf.avgPool(x, 3, 1, 1), tf.avgPool(x, 2, 2, 1), tf.avgPool(x, 3, 2, 1, 'ceil'), tf.avgPool(x, 3, 2, 1, 'floor'), tf.avgPool(x, [2, 3], 2, [[0, 0], [1, 0], [0, 2], [0, 0]]),
        x.maxPool(2, 2, 1, 'round'), x.avgPool(2, 1, 1), tf.maxPool(tf.tensor3d([1, 2, 3, 4], [2, 2, 1]), 2, 1, 1), tf.avgPool(tf.tensor3d([1, 2, 3, 4], [2, 2, 1]), 2, 1, 1),
        tf.avgPool(x, 2, 1, 0), tf.maxPool(x, 2, 1, 0), tf.avgPool(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]), 1, 1, 1), tf.maxPool(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]), 1, 1, 1),
      ];
    },
  },
  {
    name: 'gradients through conv2d, depthwiseConv2d, maxPool and avgPool with numeric pads',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 32 }, (_, i) => ((i * 7) % 11) / 3 - 1.5), [1, 4, 4, 2]);
      const w = tf.tensor4d(Array.from({ length: 36 }, (_, i) => ((i * 5) % 9) / 4 - 1), [3, 3, 2, 2]);
      const dw = tf.tensor4d(Array.from({ length: 18 }, (_, i) => (i % 5) - 2), [3, 3, 2, 1]);
      const conv = tf.grads((a, b) => tf.conv2d(a as typeof x, b as typeof w, 2, 1).square().sum())([x, w]);
      const explicit = tf.grads((a, b) => tf.conv2d(a as typeof x, b as typeof w, 1, [[0, 0], [2, 1], [0, 1], [0, 0]]).sum())([x, w]);
      const depth = tf.grads((a, b) => tf.depthwiseConv2d(a as typeof x, b as typeof dw, 1, 1).square().sum())([x, dw]);
      return [
        ...conv, ...explicit, ...depth,
        tf.grad((a) => tf.maxPool(a as typeof x, 3, 2, 1).sum())(x), tf.grad((a) => tf.maxPool(a as typeof x, 2, 1, 1, 'ceil').square().sum())(x),
      ];
    },
  },
  {
    name: 'the gradient of avgPool with a numeric pad',
    deviation: "TF.js 4.22's avgPool gradient divides by the whole window while its forward divides by the cells inside the image (for 'same' too); tessera's gradient is the forward's derivative",
    run: (tf) => tf.grad((a) => tf.avgPool(a as ReturnType<typeof tf.tensor4d>, 2, 1, 1).sum())(tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1])),
  },
  {
    name: 'tf.io.withSaveHandlerSync and tf.io.fromMemorySync around a model, and tf.time',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', biasInitializer: 'zeros', name: 'd' })] });
      let saved: io.ModelArtifacts | null = null;
      const handler = tf.io.withSaveHandlerSync((artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      });
      const result = await model.save(handler as unknown as io.IOHandler);
      const artifacts = saved as unknown as io.ModelArtifacts;
      const loaded = tf.io.fromMemorySync(artifacts).load?.();
      const model2 = await tf.loadLayersModel(tf.io.fromMemorySync(artifacts) as unknown as io.IOHandler);
      const timing = await tf.time(() => tf.matMul(tf.ones([4, 4]), tf.ones([4, 4])));
      return [
        result.modelArtifactsInfo.modelTopologyType, loaded?.weightSpecs?.map((s) => [s.name, s.shape]), (loaded?.weightData as ArrayBuffer).byteLength,
        model2.predict(tf.tensor2d([[1, 2, 3]])), Object.keys(timing).sort(), typeof timing.kernelMs, typeof timing.wallMs,
      ];
    },
  },
  {
    name: 'tf.image.cropAndResize: bilinear and nearest, boxes partly outside, one-cell crops',
    run: (tf) => {
      const image = tf.tensor4d(Array.from({ length: 2 * 4 * 5 * 2 }, (_, i) => ((i * 7) % 13) - 6), [2, 4, 5, 2]);
      const boxes = tf.tensor2d([[0, 0, 1, 1], [0.1, 0.2, 0.7, 0.9], [-0.5, 0.3, 0.8, 1.4], [0.4, 0.4, 0.4, 0.4], [1, 1, 0, 0]]);
      const boxInd = tf.tensor1d([0, 1, 0, 1, 1], 'int32');
      const crop = (img: typeof image) => tf.image.cropAndResize(img, boxes, boxInd, [3, 4]);
      return [
        crop(image), tf.image.cropAndResize(image, boxes, boxInd, [2, 3], 'nearest', -1), tf.image.cropAndResize(image, boxes, boxInd, [1, 1], 'bilinear', 5),
        tf.image.cropAndResize(image.toInt(), [[0, 0, 0.5, 0.5]], [1], [2, 2]),
        attempt([() => tf.image.cropAndResize(image, boxes, boxInd, [0, 2]), () => tf.image.cropAndResize(image, [[0, 0, 1]], [0], [2, 2]), () => tf.image.cropAndResize(image, boxes, [0], [2, 2])]),
      ];
    },
  },
];
