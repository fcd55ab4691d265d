import { afterAll, it } from 'vitest';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { expectAllClose } from '../allclose';
import { describeGpu, gpu } from './gpu-context';
import { sumTol } from './parity';
import { uniformTensor } from './random-data';

/** Each network op as a program: values and gradients through the public ops, run once per backend. */
const programs: [string, () => tn.Tensor[]][] = [
  ['convolutions and pools whose valid window is one short of fitting: empty outputs, zero gradients', () => {
    const x = uniformTensor([1, 1, 3, 2], 12);
    const w = uniformTensor([2, 2, 2, 1], 13);
    const f = (a: tn.Tensor, b: tn.Tensor) => tn.add(tn.add(tn.sum(tn.conv2d(a, b, 1, 'valid')), tn.sum(tn.depthwiseConv2d(a, b, 1, 'valid'))), tn.sum(tn.maxPool(a, [2, 1], 1, 'valid')));
    return [tn.conv2d(x, w, 1, 'valid'), tn.avgPool(x, 2, 1, 'valid'), ...tn.grads(f)([x, w]), tn.grad((a) => tn.sum(tn.avgPool(a, 2, 1, 'valid')))(x)];
  }],
  ['batched matMul', () => {
    const a = uniformTensor([2, 3, 4, 5], 1);
    const b = uniformTensor([3, 5, 2], 2);
    return [tn.matMul(a, b), ...tn.grads((x, y) => tn.sum(tn.square(tn.matMul(x, y, false, false))))([a, b])];
  }],
  ['avgPool and depthwise/separable convolutions', () => {
    const x = uniformTensor([2, 7, 7, 3], 3);
    const w = uniformTensor([3, 3, 3, 2], 4);
    const p = uniformTensor([1, 1, 6, 4], 5);
    const f = (a: tn.Tensor, b: tn.Tensor, c: tn.Tensor) => tn.avgPool(tn.separableConv2d(a, b, c, 2, 'same'), 2, 1, 'same');
    return [f(x, w, p), tn.depthwiseConv2d(x, w, [1, 2], 'valid'), ...tn.grads((a, b, c) => tn.sum(tn.square(f(a, b, c))))([x, w, p])];
  }],
  ['conv1d, conv2dTranspose and batchNorm', () => {
    const s = uniformTensor([2, 9, 3], 6);
    const w1 = uniformTensor([3, 3, 2], 7);
    const x = uniformTensor([1, 3, 3, 2], 8);
    const wt = uniformTensor([3, 3, 4, 2], 9);
    const mean = uniformTensor([4], 10);
    const variance = uniformTensor([4], 11, 0.5, 1.5);
    const g = (a: tn.Tensor, b: tn.Tensor) => tn.batchNorm(tn.conv2dTranspose(a, b, [1, 6, 6, 4], 2, 'same'), mean, variance);
    return [tn.conv1d(s, w1, 2, 'same'), g(x, wt), ...tn.grads((a, b) => tn.sum(tn.square(g(a, b))))([x, wt])];
  }],
  ['batchNorm with per-channel offset and scale (one pass), and its gradients', () => {
    const x = uniformTensor([2, 3, 5, 6], 19);
    const [mean, offset, scale] = [20, 21, 22].map((seed) => uniformTensor([6], seed));
    const variance = uniformTensor([6], 23, 0.5, 1.5);
    const f = (a: tn.Tensor, m: tn.Tensor, o: tn.Tensor, s: tn.Tensor) => tn.batchNorm(a, m, variance, o, s, 0.01);
    return [f(x, mean, offset, scale), ...tn.grads((a, m, o, s) => tn.sum(tn.square(f(a, m, o, s))))([x, mean, offset, scale])];
  }],
  ['numeric and explicit pads of conv2d, depthwiseConv2d, maxPool and avgPool', () => {
    const x = uniformTensor([2, 6, 5, 3], 14);
    const w = uniformTensor([3, 2, 3, 2], 15);
    const f = (a: tn.Tensor, b: tn.Tensor) => {
      const c = tn.conv2d(a, b, 2, [[0, 0], [1, 2], [2, 0], [0, 0]], 'NHWC', 1, 'ceil');
      return tn.add(tn.maxPool(c, 3, 1, 1), tn.avgPool(tn.depthwiseConv2d(c, b.slice([0, 0, 0, 0], [2, 2, 2, 1]), 1, 1), 2, 1, 0));
    };
    return [f(x, w), ...tn.grads((a, b) => tn.sum(tn.square(f(a, b))))([x, w])];
  }],
  ["dataFormat 'NCHW' and dilations of conv2d, depthwiseConv2d and fused.conv2d, and their gradients", () => {
    const x = uniformTensor([2, 3, 7, 6], 17);
    const w = uniformTensor([3, 2, 3, 2], 18);
    const bias = uniformTensor([2], 19);
    const f = (a: tn.Tensor, b: tn.Tensor) => tn.add(
      tn.fused.conv2d({ x: a, filter: b, strides: 1, pad: [[0, 0], [0, 0], [1, 1], [0, 1]], dataFormat: 'NCHW', bias, activation: 'relu' }),
      tn.slice(tn.depthwiseConv2d(a, b, 1, 'same', 'NCHW', [2, 3]), [0, 0, 0, 0], [-1, 2, -1, -1]),
    );
    return [f(x, w), tn.conv2d(tn.transpose(x, [0, 2, 3, 1]), w, 1, 'valid', 'NHWC', 2), ...tn.grads((a, b) => tn.sum(tn.square(f(a, b))))([x, w])];
  }],
  ['cropAndResize, bilinear and nearest, and its gradients for the image and (bilinear) the boxes', () => {
    const image = uniformTensor([2, 5, 6, 3], 16);
    const boxes = tn.tensor2d([[0, 0, 1, 1], [0.1, 0.2, 0.7, 0.9], [-0.5, 0.3, 0.8, 1.4]]);
    const f = (img: tn.Tensor, b: tn.Tensor) => tn.add(tn.image.cropAndResize(img, b, [0, 1, 0], [4, 3]), tn.image.cropAndResize(img, b, [1, 1, 0], [4, 3], 'nearest', 0.5));
    return [f(image, boxes), ...tn.grads((img, b) => tn.sum(tn.square(f(img, b))))([image, boxes])];
  }],
  ['tensorScatterUpdate, sparseToDense, diag and cropAndResize next to Infinity and NaN, and their gradients', () => {
    const base = tn.tensor2d([[Infinity, 1], [-Infinity, NaN], [2, 3]]);
    const at = tn.tensor2d([[2], [1], [2]], [3, 1], 'int32');
    const updates = uniformTensor([3, 2], 20);
    const image = tn.tensor4d([Infinity, 2, 3, 4, NaN, 6, 7, 8], [1, 2, 2, 2]);
    const boxes = tn.tensor2d([[2, 2, 3, 3], [-1, -1, 1, 1]]);
    const finite = uniformTensor([3, 2], 21);
    return [
      tn.tensorScatterUpdate(base, at, updates), tn.sparseToDense(tn.tensor1d([1, 3], 'int32'), tn.tensor1d([5, 6]), [4], tn.scalar(-Infinity)),
      tn.diag(tn.tensor1d([1, Infinity, NaN])), tn.image.cropAndResize(image, boxes, [0, 0], [3, 3], 'bilinear', 9),
      ...tn.grads((t, u) => tn.sum(tn.square(tn.diag(tn.tensorScatterUpdate(t, at, u)))))([finite, updates]),
    ];
  }],
  ['sparseSegmentSum and sparseSegmentMean, raggedGather, and their gradients in data and values', () => {
    const data = uniformTensor([4, 3], 23);
    const [picked, ids] = [tn.tensor1d([0, 2, 0, 3], 'int32'), tn.tensor1d([0, 0, 1, 3], 'int32')];
    const splits = tn.tensor1d([0, 1, 4], 'int32');
    const f = (d: tn.Tensor) => tn.add(tn.sum(tn.square(tn.sparse.sparseSegmentSum(d, picked, ids))), tn.sum(tn.sparse.sparseSegmentMean(d, picked, ids)))
      .add(tn.sum(tn.square(tn.raggedGather([splits], d, tn.tensor1d([1, 0], 'int32'), 1).outputDenseValues)));
    return [f(data), tn.grad(f)(data)];
  }],
  ['maxPool3d and avgPool3d with a numeric pad and dimRoundingMode, and their gradients', () => {
    const x = uniformTensor([1, 3, 4, 3, 2], 22);
    const f = (a: tn.Tensor) => tn.add(tn.maximum(tn.maxPool3d(a, [2, 3, 2], [2, 1, 2], 1, 'ceil'), -100), tn.avgPool3d(a, [2, 3, 2], [2, 1, 2], 1, 'ceil'));
    return [f(x), tn.grad((a) => tn.sum(tn.square(f(a))))(x)];
  }],
  ['losses', () => {
    const labels = uniformTensor([4, 5], 12, 0, 1);
    const logits = uniformTensor([4, 5], 13, -3, 3);
    const f = (l: tn.Tensor) => tn.add(tn.losses.softmaxCrossEntropy(labels, l, undefined, 0.1), tn.losses.sigmoidCrossEntropy(labels, l));
    return [f(logits), tn.losses.huberLoss(labels, logits, undefined, 1, tn.Reduction.NONE), tn.grad(f)(logits)];
  }],
];

describeGpu('network ops and their gradients on the gpu backend match cpu', () => {
  afterAll(() => { void setBackend('cpu'); });

  for (const [name, program] of programs) {
    it(name, async () => {
      registerBackend('gpu', () => gpu!);
      await setBackend('cpu');
      const want = program().map((t) => t.dataSync());
      await setBackend('gpu');
      const got = program().map((t) => t.dataSync());
      got.forEach((g, i) => expectAllClose(g, want[i], sumTol(64), `${name}, result ${i}`));
    });
  }
});
