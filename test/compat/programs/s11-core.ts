import type { Tensor, Tensor2D, Tensor3D, Tensor4D } from '../../../src/index';
import type { Program, TF } from '../harness';

// The less common tfjs-core ops as programs call them: scatter and gather by index, segment sums, sets, sorting and
// searching, strided slices with masks, convolutions with strides and dilations, padding modes, spectral windows,
// linear algebra, image ops, random draws' shapes, and which calls throw.

const attempt = (fs: Array<() => unknown>) => fs.map((f) => { try { return f(); } catch { return 'threw'; } });

/** Deterministic, non-trivial values of a shape. */
const wave = (tf: TF, shape: number[], k = 0.7) => tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i * k + 0.3) * 2), shape);

export const s11Core: Program[] = [
  {
    name: 'scatterND and gatherND with partial-slice indices, duplicates summed, int32 updates',
    run: (tf) => {
      const idx = tf.tensor2d([[1], [3], [1]], [3, 1], 'int32');
      const upd = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
      const params = wave(tf, [3, 4, 2]);
      return [
        tf.scatterND(idx, upd, [5, 2]), tf.scatterND(tf.tensor2d([[0, 1], [2, 0]], [2, 2], 'int32'), tf.tensor1d([7, 9], 'int32'), [3, 2]),
        tf.scatterND([[4], [3], [1], [7]], [9, 10, 11, 12], [8]),
        tf.gatherND(params, tf.tensor2d([[0, 1], [2, 3]], [2, 2], 'int32')), tf.gatherND(params, [[[1, 2, 1]], [[0, 0, 0]]]), tf.gatherND(params, [2]),
        tf.gatherND(params.toInt(), [[1], [0]]),
        attempt([() => tf.gatherND(params, [[3, 0]]), () => tf.scatterND([[5]], [1], [5]), () => tf.scatterND([[1]], [1, 2], [5])]),
      ];
    },
  },
  {
    name: 'unsortedSegmentSum of rows, int32 values, a segment left empty, and its gradient',
    run: (tf) => {
      const x = wave(tf, [4, 3]);
      const seg = tf.tensor1d([2, 0, 2, 1], 'int32');
      return [
        tf.unsortedSegmentSum(x, seg, 4), tf.unsortedSegmentSum([1, 2, 3, 4, 5], tf.tensor1d([0, 0, 1, 1, 0], 'int32'), 2),
        tf.unsortedSegmentSum(wave(tf, [4, 2, 2]), seg, 3),
        tf.grad((t) => tf.unsortedSegmentSum(t, seg, 3).square().sum())(x),
        attempt([() => tf.unsortedSegmentSum(x, tf.tensor1d([0, 1], 'int32'), 2), () => tf.unsortedSegmentSum(x, tf.tensor1d([0, 1, 0, 1]), 2)]),
      ];
    },
  },
  {
    name: 'tf.unique on each axis, of strings of ints and bools, with the index dtype',
    run: (tf) => {
      const m = tf.tensor2d([[1, 0, 1], [1, 0, 1], [2, 2, 2]], [3, 3], 'int32');
      const a = tf.unique(tf.tensor1d([3, 1, 3, 2, 1, 3]));
      const b = tf.unique(m, 0);
      const c = tf.unique(m, 1);
      const d = tf.unique(tf.tensor1d([true, true, false], 'bool'));
      const e = tf.unique(tf.tensor1d([-0.5, NaN, 2, -0.5]));
      return [a.values, a.indices, b.values, b.indices, c.values, c.indices, d.values, d.indices, e.values.shape, e.indices, attempt([() => tf.unique(m, 2)])];
    },
  },
  {
    name: 'setdiff1dAsync, whereAsync and booleanMaskAsync of higher ranks and with axes',
    run: async (tf) => {
      const [out, idx] = await tf.setdiff1dAsync(tf.tensor1d([7, 1, 4, 1, 9, 7], 'int32'), tf.tensor1d([1, 9], 'int32'));
      const w = await tf.whereAsync(tf.tensor3d([true, false, false, true, true, false, false, false], [2, 2, 2], 'bool'));
      const none = await tf.whereAsync(tf.zeros([3], 'bool'));
      const x = wave(tf, [2, 3, 2]);
      const m1 = await tf.booleanMaskAsync(x, tf.tensor1d([false, true, true], 'bool'), 1);
      const m2 = await tf.booleanMaskAsync(x, tf.tensor2d([[true, false, true], [false, false, true]], [2, 3], 'bool'));
      const m3 = await tf.booleanMaskAsync(tf.tensor1d([1, 2, 3], 'int32'), [false, false, false]);
      return [out, idx, w, none, m1, m2, m3];
    },
  },
  {
    name: 'topk: sorted and unsorted, ties keep the lower index, k of 0 and k equal to the size, int32 input',
    run: (tf) => {
      const x = tf.tensor2d([[1, 3, 3, 2, 3], [5, 5, 1, 0, 5]]);
      const a = tf.topk(x, 3);
      const b = tf.topk(x, 5, true);
      const c = tf.topk(tf.tensor1d([4, 9, 9, 4], 'int32'), 2);
      const d = tf.topk(x, 0);
      const f = tf.topk(tf.tensor1d([4, 1, 3]));
      return [a.values, a.indices, b.values, b.indices, c.values, c.indices, d.values, d.indices, f.values, f.indices, attempt([() => tf.topk(x, 6), () => tf.topk(tf.scalar(1), 1)])];
    },
  },
  {
    name: 'searchSorted left and right on batched sequences, lowerBound and upperBound with duplicates',
    run: (tf) => {
      const seq = tf.tensor2d([[0, 3, 9, 9, 10], [1, 2, 3, 4, 5]]);
      const vals = tf.tensor2d([[2, 4, 9], [0, 5, 6]]);
      return [
        tf.searchSorted(seq, vals), tf.searchSorted(seq, vals, 'right'), tf.lowerBound([1, 1, 2, 2, 2, 7], [2, 0, 8, 1]), tf.upperBound([1, 1, 2, 2, 2, 7], [2, 0, 8, 1]),
        tf.searchSorted([1, 2, 3], tf.tensor1d([2, 2], 'int32')),
        attempt([() => tf.searchSorted(seq, [1, 2])]),
      ];
    },
  },
  {
    name: 'bincount with weights and a size smaller than the values, denseBincount of a matrix as binary output',
    run: (tf) => {
      const x = tf.tensor1d([1, 1, 2, 5, 0, 2], 'int32');
      const w = tf.tensor1d([0.5, 1, 2, 3, 4, 5]);
      const m = tf.tensor2d([[0, 1, 1], [3, 3, 2]], [2, 3], 'int32');
      return [
        tf.bincount(x, [], 4), tf.bincount(x, w, 6), tf.denseBincount(x, [], 3), tf.denseBincount(x, w, 4), tf.denseBincount(m, [], 4, true), tf.denseBincount(m, [], 5),
        tf.denseBincount(m, tf.tensor2d([[1, 2, 3], [4, 5, 6]]), 4),
        attempt([() => tf.bincount(tf.tensor1d([1.5]), [], 2), () => tf.bincount(x, [], -1), () => tf.bincount(x, tf.tensor1d([1, 2]), 3)]),
      ];
    },
  },
  {
    name: 'einsum equations: traces, outer products, batched products, transposes and reductions',
    run: (tf) => {
      const a = wave(tf, [2, 3]);
      const b = wave(tf, [3, 4], 0.4);
      const sq = wave(tf, [3, 3], 0.9);
      const batch = wave(tf, [2, 2, 3], 0.5);
      const batch2 = wave(tf, [2, 3, 2], 0.2);
      return [
        tf.einsum('ij,jk->ik', a, b), tf.einsum('ij->ji', a), tf.einsum('ij->', a), tf.einsum('ij->j', a), tf.einsum('i,j->ij', tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5])),
        tf.einsum('bij,bjk->bik', batch, batch2), tf.einsum('ij,ij->i', a, a), tf.einsum('i,i->', tf.tensor1d([1, 2, 3]), tf.tensor1d([4, 5, 6])),
        attempt([() => tf.einsum('ii->', sq), () => tf.einsum('ij,jk->ik', a, a), () => tf.einsum('ij,jk,kl->il', a, b, b), () => tf.einsum('...ij->ji', a)]),
      ];
    },
  },
  {
    name: 'conv1d with stride, dilation, same padding, NWC batches and gradients',
    run: (tf) => {
      const x = wave(tf, [2, 9, 2]) as Tensor3D;
      const f = wave(tf, [3, 2, 3], 0.3) as Tensor3D;
      return [
        tf.conv1d(x, f, 2, 'same'), tf.conv1d(x, f, 1, 'valid', 'NWC', 2), tf.conv1d(x, f, 3, 'valid'), tf.conv1d(x.slice([0], [1]).squeeze([0]) as Tensor2D, f, 1, 'same'),
        tf.grads((a, b) => tf.conv1d(a as Tensor3D, b as Tensor3D, 2, 'same').square().sum())([x, f]),
        attempt([() => tf.conv1d(x, f, 2, 'same', 'NWC', 2), () => tf.conv1d(x, wave(tf, [3, 3, 1]) as Tensor3D, 1, 'valid'), () => tf.conv1d(x, f, 1, 'valid', 'NCW')]),
      ];
    },
  },
  {
    name: 'conv2dTranspose with strides, same and valid padding, and odd output shapes',
    run: (tf) => {
      const x = wave(tf, [1, 3, 3, 2]) as Tensor4D;
      const f = wave(tf, [3, 3, 4, 2], 0.3) as Tensor4D;
      return [
        tf.conv2dTranspose(x, f, [1, 6, 6, 4], 2, 'same'), tf.conv2dTranspose(x, f, [1, 7, 7, 4], 2, 'valid'), tf.conv2dTranspose(x, f, [1, 5, 5, 4], 1, 'valid'),
        tf.conv2dTranspose(x, f, [1, 5, 5, 4], 2, 'same'), tf.conv2dTranspose(x.squeeze([0]) as Tensor3D, f, [3, 3, 4], 1, 'same'),
        tf.conv2dTranspose(x, f, [1, 8, 6, 4], [3, 2], 'same'),
        tf.grads((a, b) => tf.conv2dTranspose(a as Tensor4D, b as Tensor4D, [1, 6, 6, 4], 2, 'same').square().sum())([x, f]),
        attempt([() => tf.conv2dTranspose(x, f, [1, 6, 6, 3], 2, 'same'), () => tf.conv2dTranspose(x, wave(tf, [3, 3, 4, 3]) as Tensor4D, [1, 6, 6, 4], 2, 'same')]),
      ];
    },
  },
  {
    name: 'depthwiseConv2d with channel multipliers, dilations and strides, separableConv2d with strides',
    run: (tf) => {
      const x = wave(tf, [2, 6, 5, 2]) as Tensor4D;
      const dw = wave(tf, [3, 2, 2, 2], 0.3) as Tensor4D;
      const pw = wave(tf, [1, 1, 4, 3], 0.6) as Tensor4D;
      return [
        tf.depthwiseConv2d(x, dw, 1, 'valid', 'NHWC', 2), tf.depthwiseConv2d(x, dw, [2, 1], 'same'), tf.depthwiseConv2d(x, dw, 2, 'valid'),
        tf.separableConv2d(x, dw, pw, 2, 'same'), tf.separableConv2d(x, dw, pw, 1, 'valid', [2, 1]),
        tf.grads((a, b, c) => tf.separableConv2d(a as Tensor4D, b as Tensor4D, c as Tensor4D, 1, 'same').sum())([x, dw, pw]),
        attempt([() => tf.depthwiseConv2d(x, dw, 2, 'same', 'NHWC', 2), () => tf.separableConv2d(x, dw, wave(tf, [1, 1, 3, 3]) as Tensor4D, 1, 'same')]),
      ];
    },
  },
  {
    name: 'mirrorPad reflect and symmetric on ranks 1 to 3',
    run: (tf) => {
      const v = tf.tensor1d([1, 2, 3, 4]);
      const m = wave(tf, [3, 4]);
      const c = wave(tf, [2, 3, 3]);
      return [
        tf.mirrorPad(v, [[3, 2]], 'reflect'), tf.mirrorPad(v, [[4, 4]], 'symmetric'), tf.mirrorPad(m, [[2, 1], [0, 3]], 'reflect'), tf.mirrorPad(m.toInt(), [[1, 1], [2, 2]], 'symmetric'),
        tf.mirrorPad(c, [[1, 0], [2, 2], [0, 1]], 'symmetric'),
        attempt([() => tf.mirrorPad(v, [[4, 0]], 'reflect'), () => tf.mirrorPad(v, [[5, 0]], 'symmetric'), () => tf.mirrorPad(v, [[1, 1]], 'edge' as 'reflect'), () => tf.mirrorPad(m, [[1, 1]], 'reflect')]),
      ];
    },
  },
  {
    name: 'stridedSlice with begin, end, ellipsis, newAxis and shrink masks and negative strides',
    run: (tf) => {
      const x = tf.range(0, 60).reshape([3, 4, 5]);
      return [
        tf.stridedSlice(x, [1, 0, 0], [2, 4, 5], [1, 1, 1]), tf.stridedSlice(x, [0, 1], [3, 3], [2, 1], 1), tf.stridedSlice(x, [0, 0, 4], [0, 0, 0], [1, 1, -2], 3, 3),
        tf.stridedSlice(x, [1], [2], [1], 0, 0, 0, 0, 1), tf.stridedSlice(x, [0, 2], [0, 3], [1, 1], 0, 0, 1, 0, 2), tf.stridedSlice(x, [0, 1], [0, 2], [1, 1], 0, 0, 0, 1, 0),
        tf.stridedSlice(x, [-1, -1, -1], [-4, -5, -6], [-1, -2, -2]), tf.stridedSlice(x, [0, 0, 0], [3, 4, 5], [1, 1, 1], 0, 0, 0, 0, 7),
        tf.stridedSlice(x, [10, 1], [20, 3], [1, 1]), tf.stridedSlice(tf.tensor1d([1, 2, 3, 4, 5], 'int32'), [-2], [100], [1]),
        attempt([() => tf.stridedSlice(x, [0], [1], [0])]),
      ];
    },
  },
  {
    name: 'sparseToDense, broadcastTo and diag of ranks 1 and 2 and int32',
    run: (tf) => [
      tf.sparseToDense(tf.tensor2d([[0, 1], [2, 3]], [2, 2], 'int32'), tf.tensor1d([5, 6]), [3, 4], 0.5), tf.sparseToDense([1, 3], 9, [5]),
      tf.broadcastTo(tf.tensor1d([1, 2, 3], 'int32'), [2, 2, 3]), tf.broadcastTo(tf.tensor2d([[1], [2]]), [2, 3]), tf.broadcastTo(tf.scalar(true), [2]),
      tf.diag(tf.tensor1d([1, 2, 3], 'int32')), tf.diag(tf.tensor2d([[1, 2], [3, 4]])),
      attempt([() => tf.broadcastTo(tf.tensor1d([1, 2, 3]), [2, 2]), () => tf.broadcastTo(tf.tensor2d([[1, 2]]), [2])]),
    ],
  },
  {
    name: 'cumsum and cumprod exclusive and reversed on each axis, int32 and bool, and the gradient of cumsum',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const out: unknown[] = [];
      for (const axis of [0, 1]) {
        for (const [ex, rev] of [[false, false], [true, false], [false, true], [true, true]]) out.push(tf.cumsum(x, axis, ex, rev), tf.cumprod(x, axis, ex, rev));
      }
      out.push(tf.cumsum(x.toInt(), 1, true), tf.cumprod(x.toInt(), 0, false, true), tf.cumsum(tf.tensor1d([true, true, false], 'bool')));
      out.push(tf.grad((t) => tf.cumsum(t, 1, true, true).mul(tf.tensor2d([[1, 2, 3], [4, 5, 6]])).sum())(x));
      return out;
    },
  },
  {
    name: 'isNaN, isInf, isFinite on int32 and float, step with alpha, and their dtypes',
    run: (tf) => {
      const x = tf.tensor1d([NaN, -Infinity, Infinity, 0, -1.5, 2]);
      const i = tf.tensor1d([0, -3, 5], 'int32');
      return [tf.isNaN(x), tf.isInf(x), tf.isFinite(x), tf.isNaN(i), tf.isInf(i), tf.isFinite(i), tf.step(x), tf.step(x, 0.25), tf.step(i, -1), tf.grad((t) => tf.step(t, 0.5).sum())(tf.tensor1d([-1, 0, 1]))];
    },
  },
  {
    name: 'oneHot dtypes and depths, reverse on several axes, and tile of every dtype',
    run: (tf) => [
      tf.oneHot(tf.tensor1d([0, 2], 'int32'), 3, 1, 0, 'int32'), tf.oneHot(tf.tensor1d([1], 'int32'), 2, 0.5, -0.5), tf.oneHot(tf.tensor1d([1, 0, 3], 'int32'), 2),
      tf.reverse(tf.range(0, 24).reshape([2, 3, 4]), [0, 2]), tf.reverse(tf.range(0, 24).reshape([2, 3, 4]), -1), tf.reverse(tf.tensor1d([true, false], 'bool')), tf.reverse(tf.range(0, 6).reshape([2, 3])),
      tf.tile(tf.tensor2d([[1, 2]], [1, 2], 'int32'), [2, 3]), tf.tile(tf.tensor1d([true, false], 'bool'), [3]), tf.tile(tf.tensor1d([0.5, 1.5]), [0]),
      tf.tile(tf.scalar(1) as Tensor, []), tf.tile(tf.tensor3d([1, 2], [1, 1, 2]), [2, 1, 2]),
      attempt([() => tf.tile(tf.tensor1d([1, 2]), [2, 2]), () => tf.reverse(tf.tensor1d([1, 2]), 1), () => tf.oneHot(tf.tensor1d([1.5]), 2), () => tf.oneHot(tf.tensor1d([1, 0], 'int32'), 1)]),
    ],
  },
  {
    name: 'split with size arrays and -1, on negative axes, and unstack',
    run: (tf) => {
      const x = tf.range(0, 24).reshape([2, 3, 4]);
      return [
        tf.split(x, [1, -1, 1], 2), tf.split(x, 3, 1), tf.split(x, [2, 1], -2), tf.split(x, [1, -1], 0), tf.unstack(x, 2), tf.split(x.toBool(), 2),
        attempt([() => tf.split(x, 3, 2), () => tf.split(x, [1, 1], 2), () => tf.split(x, [-1, -1, 2], 2), () => tf.split(x, [5, -1], 2)]),
      ];
    },
  },
  {
    name: 'moments over axes with keepDims, batchNorm with every combination of offset and scale, logSumExp',
    run: (tf) => {
      const x = wave(tf, [2, 3, 4]);
      const { mean, variance } = tf.moments(x, [0, 1], true);
      const m2 = tf.moments(x, -1);
      const m3 = tf.moments(x.toInt());
      return [
        mean, variance, m2.mean, m2.variance, m3.mean, m3.variance,
        tf.batchNorm(x, mean, variance), tf.batchNorm(x, mean, variance, tf.tensor3d([1, 2, 3, 4], [1, 1, 4])), tf.batchNorm(x, mean, variance, null, tf.ones([1, 1, 4]).mul(2), 0.1),
        tf.batchNorm(wave(tf, [4, 3]), [0.1, 0.2, 0.3], [1, 2, 3], [0, 1, 0], [2, 2, 2]),
        tf.batchNorm([1, 2], 0.5, 2, 1, 3), tf.batchNorm2d(wave(tf, [2, 3]), [1, 2, 3], [1, 1, 1]),
        tf.logSumExp(x), tf.logSumExp(x, [0, 2], true), tf.logSumExp(tf.tensor1d([1000, 1000, -Infinity])),
        tf.grad((t) => tf.logSumExp(t, 1).sum())(x), attempt([() => tf.batchNorm(x, mean, variance, tf.tensor1d([1, 2, 3, 4])), () => tf.batchNorm(x, mean, variance, undefined, 2), () => tf.batchNorm(x, mean, variance, undefined, [1, 2, 3, 4])]),
      ];
    },
  },
  {
    name: 'localResponseNormalization with radius, bias, alpha, beta and its gradient',
    run: (tf) => {
      const x = wave(tf, [1, 2, 2, 6]) as Tensor4D;
      return [
        tf.localResponseNormalization(x), tf.localResponseNormalization(x, 1, 2, 0.5, 0.75), tf.localResponseNormalization(x, 10, 0.5, 1, 1), tf.localResponseNormalization(x.squeeze([0]) as Tensor3D, 2),
        tf.grad((t) => tf.localResponseNormalization(t as Tensor4D, 2, 1, 0.3, 0.6).square().sum())(x),
      ];
    },
  },
  {
    name: 'signal frames with padding, windows of length 1 and 2, linalg.bandPart with -1, gramSchmidt, qr',
    run: (tf) => {
      const s = tf.range(0, 10);
      const q = tf.linalg.qr(tf.tensor2d([[2, 1], [1, 3], [0, 1]]));
      return [
        tf.signal.frame(s, 4, 3), tf.signal.frame(s, 4, 3, true), tf.signal.frame(s, 3, 5, true, -1), tf.signal.frame(s, 12, 1), tf.signal.frame(s, 12, 1, true),
        tf.signal.hannWindow(1), tf.signal.hannWindow(2), tf.signal.hannWindow(7), tf.signal.hammingWindow(1), tf.signal.hammingWindow(6),
        tf.linalg.bandPart(wave(tf, [2, 4, 4]), -1, 0), tf.linalg.bandPart(wave(tf, [4, 3]), 1, -1), tf.linalg.bandPart(wave(tf, [3, 3]), 0, 0),
        tf.linalg.gramSchmidt(tf.tensor2d([[3, 1, 0], [1, 2, 2]])), q[0].abs(), q[1].abs(),
        attempt([() => tf.linalg.bandPart(tf.tensor1d([1, 2]), 0, 0), () => tf.linalg.bandPart(wave(tf, [3, 3]), 4, 0)]),
      ];
    },
  },
  {
    name: 'random draws with seeds: shapes and dtypes, multinomial normalized or not, dropout shapes and noiseShape',
    run: (tf) => {
      const probs = tf.tensor2d([[0.1, 0.2, 0.7], [0.5, 0.5, 0]]);
      const draws = [
        tf.randomUniform([2, 3], 0, 1, 'float32', 1), tf.randomUniform([4], -5, 5, 'int32', 2), tf.randomNormal([3, 1], 0, 2, 'float32', 3), tf.truncatedNormal([5], 0, 1, 'float32', 4),
        tf.multinomial(probs, 4, 5, true), tf.multinomial(tf.tensor1d([0, 0, 10]), 3, 6), tf.randomUniformInt([2, 2], 0, 10, 7),
        tf.dropout(tf.ones([4, 3]), 0.5, [4, 1], 8), tf.dropout(tf.ones([4, 3]), 0), tf.randomStandardNormal([2], 'float32', 9),
      ];
      return [draws.map((d) => [d.shape, d.dtype]), tf.randomUniform([50], 2, 3, 'float32', 1).min().greaterEqual(2), tf.randomUniform([20], 0, 3, 'int32', 3).max().less(3)];
    },
  },
  {
    name: 'tf.util helpers, tf.memory, tf.time and tf.env results',
    run: async (tf) => {
      const t = await tf.time(() => tf.ones([10, 10]).matMul(tf.ones([10, 10])));
      const before = tf.memory();
      const x = tf.ones([3, 4]);
      const after = tf.memory();
      x.dispose();
      return [
        typeof t.wallMs, typeof t.kernelMs, after.numTensors - before.numTensors, typeof after.numBytes, typeof after.unreliable, Object.keys(after).sort(),
        tf.util.sizeFromShape([2, 3, 4]), tf.util.sizeFromShape([]), tf.util.arraysEqual([1, 2], [1, 2]), tf.util.flatten([[1, [2, 3]], [4]]), tf.util.inferDtype([true]),
        tf.util.isTypedArray(new Float32Array(2)), tf.util.distSquared([1, 2], [4, 6]), tf.util.nearestLargerEven(7), tf.util.clamp(0, 5, 3),
        tf.util.computeStrides([2, 3, 4]), tf.util.rightPad('ab', 4), tf.util.isScalarShape([]), tf.util.encodeString('hé').length, tf.util.decodeString(tf.util.encodeString('hé')),
        tf.env().getBool('IS_NODE'), tf.util.sum([1, 2, 3]), tf.util.makeOnesTypedArray(3, 'int32'), tf.util.getArrayFromDType('bool', 2), tf.util.shuffle.length,
      ];
    },
  },
  {
    name: 'unsortedSegmentSum of int32 values keeps int32, and sums bools as int32',
    deviation: "TF.js 4.22's cpu kernel multiplies the values by a float32 mask and so returns float32 for int32 and bool; its webgl backend gives the sum's dtype (int32 for both), as tessera does",
    run: (tf) => [
      tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4, 5], 'int32'), tf.tensor1d([0, 0, 1, 1, 0], 'int32'), 2),
      tf.unsortedSegmentSum(tf.tensor2d([[true, false], [true, true]], [2, 2], 'bool'), tf.tensor1d([1, 1], 'int32'), 2),
    ],
  },
  {
    name: 'the gradient of a reflecting mirrorPad counts every reflected copy',
    deviation: "TF.js 4.22's MirrorPad gradient only slices dy at the original position, dropping what flowed through the reflected copies; tessera's gradient sums them, as TensorFlow's MirrorPadGrad does",
    run: (tf) => [
      tf.grad((t) => tf.mirrorPad(t, [[2, 1], [1, 3]], 'reflect').square().sum())(wave(tf, [3, 4])),
      tf.grad((t) => tf.mirrorPad(t, [[1, 0], [0, 2]], 'symmetric').square().sum())(wave(tf, [3, 4])),
    ],
  },
  {
    name: 'conv3dTranspose with strides, same and valid padding, one volume or a batch, and what it leaves in memory',
    run: (tf) => {
      const x = wave(tf, [2, 2, 3, 2, 3]);
      const f = wave(tf, [3, 2, 2, 2, 3], 0.3);
      const before = tf.memory().numTensors;
      const y = tf.conv3dTranspose(x, f, [2, 4, 6, 4, 2], 2, 'same');
      const kept = tf.memory().numTensors - before;
      return [
        y, kept, tf.conv3dTranspose(x, f, [2, 5, 7, 5, 2], 2, 'valid'), tf.conv3dTranspose(x, f, [2, 4, 4, 3, 2], 1, 'valid'), tf.conv3dTranspose(x, f, [2, 2, 6, 4, 2], [1, 2, 2], 'same'),
        tf.conv3dTranspose(x, f, [2, 4, 8, 4, 2], [2, 3, 2], 'same'), tf.conv3dTranspose(x, f, [2, 3, 5, 3, 2], 2, 'same'), tf.conv3dTranspose(x.slice([1], [1]).squeeze([0]), f, [2, 3, 2, 2], 1, 'same'),
        attempt([() => tf.conv3dTranspose(x, f, [2, 4, 6, 4, 3], 2, 'same'), () => tf.conv3dTranspose(x, wave(tf, [3, 2, 2, 2, 2]), [2, 4, 6, 4, 2], 2, 'same'), () => tf.conv3dTranspose(x.reshape([2, 6, 2, 3]).sum(0), f, [4, 6, 2] as unknown as [number, number, number, number], 1, 'same')]),
      ];
    },
  },
  {
    name: 'nonMaxSuppressionPadded and its async form: padded to maxOutputSize or to the box count, and the valid count',
    run: async (tf) => {
      const boxes = tf.tensor2d([[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, 10, 1, 11], [0, 10.2, 1, 11.2], [5, 5, 6, 6]]);
      const scores = tf.tensor1d([0.9, 0.8, 0.7, 0.95, 0.1]);
      const out: unknown[] = [];
      for (const r of [
        tf.image.nonMaxSuppressionPadded(boxes, scores, 4), tf.image.nonMaxSuppressionPadded(boxes, scores, 4, 0.5, -Infinity, true),
        tf.image.nonMaxSuppressionPadded(boxes, scores, 10, 0.5, 0.2, true), tf.image.nonMaxSuppressionPadded([[0, 0, 1, 1]], [0.5], 3, 0.5, 0.6, true),
        await tf.image.nonMaxSuppressionPaddedAsync(boxes, scores, 6, 0.3, 0.05, true), await tf.image.nonMaxSuppressionPaddedAsync(boxes, scores, 2),
      ]) out.push(r.selectedIndices, r.validOutputs);
      out.push(attempt([() => tf.image.nonMaxSuppressionPadded(boxes, scores.slice(1), 2), () => tf.image.nonMaxSuppressionPadded(boxes, scores, 2, 2)]));
      return out;
    },
  },
  {
    name: 'image.transform of one image: shifts, scales, rotations and projections, each interpolation and fill mode',
    run: (tf) => {
      const img = wave(tf, [1, 5, 6, 2]) as Tensor4D;
      const [cos, sin] = [Math.cos(0.4), Math.sin(0.4)];
      const shift = [[1, 0, 1.5, 0, 1, -0.5, 0, 0]];
      const zoom = [[0.5, 0, 0.25, 0, 0.7, 0.4, 0, 0]];
      const rotate = [[cos, -sin, 2, sin, cos, -1, 0, 0]];
      const project = [[1, 0.2, -1, 0.1, 1.2, 0.5, 0.05, -0.03]];
      const out: Tensor[] = [];
      for (const m of [shift, zoom, rotate, project]) {
        for (const interpolation of ['nearest', 'bilinear'] as const) {
          for (const fillMode of ['constant', 'reflect', 'wrap', 'nearest'] as const) out.push(tf.image.transform(img, tf.tensor2d(m), interpolation, fillMode, -1));
        }
      }
      out.push(tf.image.transform(img, tf.tensor2d(zoom), 'bilinear', 'constant', 0, [3, 8]), tf.image.transform(img, tf.tensor2d([[-3, 0, 4, 0, 7, -9, 0, 0]]), 'nearest', 'reflect'));
      out.push(tf.image.transform(img, tf.tensor2d([[1, 0, 0, 0, 1, 0, -1, 0]]), 'bilinear'), tf.image.transform(img.mul(10) as Tensor4D, tf.tensor2d(rotate), 'bilinear', 'wrap', 3));
      out.push(tf.image.transform(img, tf.tensor2d([[2, 0, -8, 0, 3, -12, 0, 0]]), 'nearest', 'wrap'), tf.image.transform(wave(tf, [1, 1, 4, 1]) as Tensor4D, tf.tensor2d(shift), 'bilinear', 'reflect'));
      return [out, attempt([
        () => tf.image.transform(img.squeeze([0]) as unknown as Tensor4D, tf.tensor2d(shift)), () => tf.image.transform(img.toInt(), tf.tensor2d(shift)), () => tf.image.transform(img, tf.tensor2d([[1, 0, 0]])),
        () => tf.image.transform(img, tf.tensor2d(shift), 'cubic' as 'nearest'), () => tf.image.transform(img, tf.tensor2d(shift), 'nearest', 'constant', 0, [2] as unknown as [number, number]),
      ])];
    },
  },
  {
    name: 'image.transform of a batch transforms every image',
    deviation: "TF.js 4.22's cpu Transform kernel returns after the first image, leaving every later image all fillValue; tessera transforms each one, as TensorFlow and TF.js's webgl backend do",
    run: (tf) => tf.image.transform(wave(tf, [2, 3, 3, 1]) as Tensor4D, tf.tensor2d([[1, 0, 1, 0, 1, 0, 0, 0], [1, 0, 0, 0, 1, 1, 0, 0]]), 'nearest', 'constant', 5),
  },
  {
    name: 'gather with batchDims and negative axes, gatherND and tensorScatterUpdate of int32 and bool',
    run: (tf) => {
      const x = tf.range(0, 24).reshape([2, 3, 4]);
      const idx = tf.tensor2d([[0, 2], [1, 1]], [2, 2], 'int32');
      return [
        tf.gather(x, idx, 2, 1), tf.gather(x, idx, 1, 1), tf.gather(x, tf.tensor1d([3, 0], 'int32'), -1), tf.gather(x.toInt(), [1, 0, 1], 0), tf.gather(x.greater(10), tf.scalar(1, 'int32'), 1),
        tf.gatherND(x.greater(5), [[0, 1, 2], [1, 2, 3]]), tf.tensorScatterUpdate(x.toInt(), tf.tensor2d([[0, 1], [1, 2]], [2, 2], 'int32'), tf.tensor2d([[-1, -2, -3, -4], [9, 9, 9, 9]], [2, 4], 'int32')),
        tf.tensorScatterUpdate(tf.zeros([4], 'bool'), tf.tensor2d([[1], [3]], [2, 1], 'int32'), tf.tensor1d([true, true], 'bool')),
        attempt([() => tf.gather(x, idx, 0, 1), () => tf.gather(x, tf.tensor1d([4], 'int32'), 2), () => tf.gather(x, tf.tensor1d([0.5]), 0)]),
      ];
    },
  },
  {
    name: 'range, linspace and eye edge cases: negative and fractional steps, one point, batch shapes and wide matrices',
    run: (tf) => [
      tf.range(5, 0, -1.5), tf.range(0, 1, 0.3), tf.range(3, 3), tf.range(0, 5, 2, 'int32'), tf.range(0, -3), tf.range(2, 7, 1, 'float32'),
      tf.linspace(1, 2, 1), tf.linspace(0, 1, 2), tf.linspace(3, -3, 4), tf.eye(2, 3), tf.eye(3, 2, [2]), tf.eye(2, undefined, [1, 2], 'int32'), tf.eye(0),
      attempt([() => tf.range(0, 5, 0), () => tf.range(0, 5, -1), () => tf.linspace(0, 1, 0)]),
    ],
  },
  {
    name: 'pad with constant values on int32 and bool, slice with -1 sizes, reverse and concat of empty tensors',
    run: (tf) => {
      const m = tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32');
      return [
        tf.pad(m, [[1, 0], [0, 2]], 7), tf.pad(m.cast('bool'), [[0, 1], [1, 0]]), tf.pad(tf.tensor1d([1.5]), [[2, 2]], -0.5),
        tf.slice(tf.range(0, 24).reshape([2, 3, 4]), [1, 1], [-1, -1]), tf.slice(tf.range(0, 10), 7), tf.slice(tf.range(0, 24).reshape([2, 3, 4]), [0, 0, 1], [1, -1, 2]),
        tf.concat([tf.zeros([0, 2]), tf.ones([2, 2])]), tf.concat([tf.tensor1d([1, 2], 'int32'), tf.tensor1d([], 'int32')]), tf.reverse(tf.zeros([0, 3])), tf.stack([tf.zeros([0]), tf.zeros([0])], 1),
        attempt([() => tf.pad(tf.scalar(3) as Tensor, []), () => tf.slice(tf.range(0, 10), 8, 3), () => tf.concat([m, tf.ones([2, 3], 'int32')])]),
      ];
    },
  },
  {
    name: 'clipByValue, minimum and maximum on int32 with NaN and mixed dtypes; logicalXor; squaredDifference; floorDiv of int32',
    run: (tf) => {
      const i = tf.tensor1d([-5, 0, 7], 'int32');
      const f = tf.tensor1d([NaN, -0.5, 2.5]);
      return [
        tf.clipByValue(i, -1, 3), tf.clipByValue(f, 0, 1), tf.clipByValue(i, 2.5, 2.5), tf.minimum(i, f), tf.maximum(f, 1), tf.minimum(i, 2),
        tf.logicalXor(tf.tensor1d([true, false, true], 'bool'), tf.tensor1d([true, true, false], 'bool')), tf.squaredDifference(i, tf.tensor1d([1, 2, 3], 'int32')),
        tf.floorDiv(i, tf.scalar(2, 'int32')), tf.floorDiv(tf.tensor1d([-7, 7]), tf.tensor1d([2, -2])), tf.mod(i, tf.scalar(-3, 'int32')),
        attempt([() => tf.clipByValue(i, 3, 1)]),
      ];
    },
  },
  {
    name: 'printing the results of sorting, searching and counting ops',
    run: async (tf) => {
      const x = tf.tensor1d([3, 1, 4, 1, 5, 9, 2, 6]);
      const { values, indices } = tf.topk(x, 3);
      values.print();
      indices.print();
      const u = tf.unique(tf.tensor1d([3, 1, 3, 2], 'int32'));
      u.values.print();
      u.indices.print();
      tf.bincount(tf.tensor1d([1, 1, 3], 'int32'), [], 4).print();
      tf.searchSorted([1, 3, 5], [0, 3, 6]).print();
      (await tf.whereAsync(x.greater(4))).print();
      tf.image.nonMaxSuppressionPadded([[0, 0, 1, 1]], [0.5], 3, 0.5, -Infinity, true).validOutputs.print();
      tf.cumsum(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32'), 1, true).print();
      tf.oneHot(tf.tensor1d([0, 2], 'int32'), 3).print();
    },
  },
  {
    name: 'maxPoolWithArgmax: values and flat argmax indexes with and without the batch, padding, ties and int32 input',
    run: (tf) => {
      const x = wave(tf, [2, 5, 4, 3], 1.3) as Tensor4D;
      const ties = tf.tensor4d([1, 1, 1, 1, 2, 2, 0, 2, 3, 3, 3, 3, 0, 0, 0, 0], [1, 4, 4, 1]);
      const out: Tensor[] = [];
      for (const [f, s, pad, batch] of [[2, 2, 'valid', false], [3, 1, 'same', true], [[2, 3], [1, 2], 'same', false], [2, 1, 1, true], [3, 2, 0, false]] as const) {
        const { result, indexes } = tf.maxPoolWithArgmax(x, f as [number, number], s as [number, number], pad, batch);
        out.push(result, indexes);
      }
      const t = tf.maxPoolWithArgmax(ties, 2, 2, 'valid');
      const i = tf.maxPoolWithArgmax(x.mul(3).toInt() as Tensor4D, 2, 1, 'same', true);
      return [out, t.result, t.indexes, i.result, i.indexes, attempt([() => tf.maxPoolWithArgmax(x, 6, 1, 'valid')])];
    },
  },
  {
    name: 'dilation2d with strides, dilations, same and valid padding, one image or a batch, and its gradients',
    run: (tf) => {
      const x = wave(tf, [2, 6, 5, 2], 1.1);
      const f = wave(tf, [3, 2, 2], 0.5);
      const ties = tf.tensor4d([1, 1, 1, 1, 2, 2, 0, 2, 3], [1, 3, 3, 1]);
      return [
        tf.dilation2d(x, f, 1, 'same'), tf.dilation2d(x, f, 2, 'valid'), tf.dilation2d(x, f, [1, 2], 'same', [2, 1]), tf.dilation2d(x, f, 1, 'valid', 2),
        tf.dilation2d(x.slice([1], [1]).squeeze([0]), f, 1, 'same'), tf.dilation2d(ties, tf.zeros([2, 2, 1]), 1, 'valid'),
        tf.grads((a, b) => tf.dilation2d(a, b, 1, 'same').square().sum())([x, f]), tf.grads((a, b) => tf.dilation2d(a, b, [2, 1], 'valid', 1).sum())([x, f]),
        tf.grads((a, b) => tf.dilation2d(a, b, 1, 'valid').sum())([ties, tf.zeros([2, 2, 1])]),
        attempt([() => tf.dilation2d(x, wave(tf, [3, 2, 3]), 1, 'same'), () => tf.dilation2d(x, wave(tf, [3, 2, 2, 1]), 1, 'same'), () => tf.dilation2d(x.reshape([60, 2]), f, 1, 'same')]),
      ];
    },
  },
  {
    name: 'fused.matMul, fused.conv2d and fused.depthwiseConv2d with bias, each activation, prelu weights and leakyrelu alpha',
    run: (tf) => {
      const a = wave(tf, [3, 4]) as Tensor2D;
      const b = wave(tf, [4, 2], 0.4) as Tensor2D;
      const x = wave(tf, [1, 4, 4, 2]) as Tensor4D;
      const f = wave(tf, [2, 2, 2, 3], 0.3) as Tensor4D;
      const df = wave(tf, [2, 2, 2, 1], 0.6) as Tensor4D;
      const out: Tensor[] = [];
      for (const activation of ['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'leakyrelu'] as const) {
        out.push(tf.fused.matMul({ a, b, bias: tf.tensor1d([0.5, -1]), activation, leakyreluAlpha: 0.3 }));
        out.push(tf.fused.conv2d({ x, filter: f, strides: 1, pad: 'same', bias: tf.tensor1d([0.1, 0.2, -0.3]), activation, leakyreluAlpha: 0.1 }));
        out.push(tf.fused.depthwiseConv2d({ x, filter: df, strides: 2, pad: 'valid', bias: tf.scalar(0.25), activation, leakyreluAlpha: 0.2 }));
      }
      out.push(tf.fused.matMul({ a, b: a, transposeB: true, activation: 'prelu', preluActivationWeights: tf.tensor1d([0.1, 0.2, 0.3]) }));
      out.push(tf.fused.conv2d({ x, filter: f, strides: 2, pad: 'valid', activation: 'prelu', preluActivationWeights: tf.scalar(0.5), dilations: 1 }));
      out.push(...tf.grads((p, q) => tf.fused.matMul({ a: p as Tensor2D, b: q as Tensor2D, bias: tf.tensor1d([0.5, -1]), activation: 'elu' }).sum())([a, b]));
      out.push(...tf.grads((p, q) => tf.fused.conv2d({ x: p as Tensor4D, filter: q as Tensor4D, strides: 1, pad: 'same', bias: tf.tensor1d([0.1, 0.2, -0.3]), activation: 'relu' }).square().sum())([x, f]));
      return out;
    },
  },
  {
    name: 'argMax and argMin of int32 and bool along axes, any and all along axes, euclideanNorm and norm orders',
    run: (tf) => {
      const i = tf.tensor2d([[3, 7, 7], [-1, -1, 0]], [2, 3], 'int32');
      const b = tf.tensor2d([[false, true, true], [false, false, false]], [2, 3], 'bool');
      const m = wave(tf, [3, 4]);
      return [
        tf.argMax(i), tf.argMax(i, 1), tf.argMin(i, -1), tf.argMax(b, 1), tf.argMin(b, 0), tf.any(b, 1), tf.all(b, 0, true), tf.any(b, [0, 1]),
        tf.euclideanNorm(m), tf.euclideanNorm(m, 1, true), tf.norm(m, 1), tf.norm(m, Infinity, 1), tf.norm(m, -Infinity), tf.norm(m, 'fro', [0, 1]),
        tf.norm(m, 1, [0, 1]), tf.norm(m, Infinity, [0, 1]), tf.norm(m, 2, 0), tf.norm(m, 2, -1, true),
        attempt([() => tf.norm(m, 3, 1), () => tf.euclideanNorm(i), () => tf.norm(m, 2, [0, 1]), () => tf.norm(m, 'fro', 0), () => tf.argMax(i, 2)]),
      ];
    },
  },
  {
    name: 'outerProduct, dot of vectors and matrices, spaceToBatchND with padding, and depthToSpace of a batch',
    run: (tf) => {
      const v = tf.tensor1d([1, 2, 3]);
      const m = wave(tf, [3, 2]);
      const img = tf.range(0, 2 * 2 * 4 * 1).reshape([2, 2, 4, 1]) as Tensor4D;
      return [
        tf.outerProduct(v, tf.tensor1d([4, 5])), tf.dot(v, v), tf.dot(v, m), tf.dot(m.transpose(), v), tf.dot(m, m.transpose()),
        tf.spaceToBatchND(img, [2, 2], [[0, 0], [0, 0]]), tf.spaceToBatchND(img, [2, 3], [[0, 0], [1, 1]]),
        tf.batchToSpaceND(tf.spaceToBatchND(img, [2, 3], [[0, 0], [1, 1]]), [2, 3], [[0, 0], [1, 1]]),
        tf.depthToSpace(tf.range(0, 32).reshape([2, 1, 2, 8]) as Tensor4D, 2), tf.grad((t) => tf.spaceToBatchND(t, [2, 2], [[0, 0], [0, 0]]).square().sum())(img),
        attempt([() => tf.dot(v, tf.tensor1d([1, 2])), () => tf.spaceToBatchND(img, [3, 3], [[0, 0], [0, 0]]), () => tf.depthToSpace(img, 3)]),
      ];
    },
  },
  {
    name: 'tf.profile of the API docs example and of a small prediction: new tensors, kernel names and shapes, and the result',
    run: async (tf) => {
      // Byte counts are left out: TF.js's numBytes turns NaN once some earlier programs have run.
      const info = await tf.profile(() => {
        const x = tf.tensor1d([1, 2, 3]);
        let x2 = x.square();
        x2.dispose();
        x2 = x.square();
        x2.dispose();
        return x;
      });
      console.log(`newTensors: ${info.newTensors}`);
      console.log(`byKernel: ${info.kernels.map((k) => k.name)}`);
      // TF.js hands every call the same object, so each report is read before the next profile.
      const first = [typeof info.peakBytes, typeof info.newBytes, info.kernelNames, info.result, info.kernels.map((k) => [k.tensorsAdded, k.inputShapes, k.outputShapes, typeof k.kernelTimeMs])];
      const w = tf.ones([3, 2]);
      const p = await tf.profile(() => tf.tidy(() => tf.relu(tf.matMul(tf.ones([4, 3]), w)).sub(1).exp()));
      const second = [p.newTensors, p.kernelNames, p.result];
      const q = await tf.profile(() => tf.tensor([1, 2]));
      return [first, second, q.kernels.length, q.newTensors, q.result];
    },
  },
  {
    name: 'gradients of gramSchmidt, tile and reverse',
    run: (tf) => {
      const x = wave(tf, [3, 4, 2]);
      return [
        tf.grad((p) => (tf.linalg.gramSchmidt(p) as Tensor).mul(tf.tensor2d([[1, 2], [3, 4]])).sum())(tf.tensor2d([[3, 1], [1, 2]])),
        tf.grad((p) => tf.tile(p, [2, 1, 3]).square().sum())(x), tf.grad((p) => tf.reverse(p, [0, 2]).mul(x).sum())(x),
      ];
    },
  },
  {
    name: 'where with three-way broadcasting, whereAsync of a float tensor (refused), and sparseToDense with a default value and vector indices',
    run: async (tf) => {
      const cond = tf.tensor2d([[true], [false]], [2, 1], 'bool');
      return [
        tf.where(cond, tf.tensor2d([[1, 2, 3], [4, 5, 6]]), -1), tf.where(tf.tensor1d([true, false, true], 'bool'), tf.ones([2, 3]), tf.zeros([2, 3])),
        tf.sparseToDense(tf.tensor1d([0, 3], 'int32'), tf.tensor1d([1.5, 2.5]), [5], tf.scalar(-1)), tf.sparseToDense(tf.tensor1d([2], 'int32'), tf.scalar(7, 'int32'), [4]),
        attempt([() => tf.where(tf.tensor1d([true, false], 'bool'), tf.ones([3]), tf.zeros([3])), () => tf.sparseToDense([[0], [9]], [1, 2], [5])]),
        await tf.whereAsync(tf.tensor2d([[0, 1.5], [-2, 0]])).catch(() => 'rejected'), await tf.whereAsync(tf.tensor1d([3, 0, 1], 'int32')).catch(() => 'rejected'),
      ];
    },
  },
  {
    name: 'bandPart with tensor bounds, topk and cumsum on rank 3, mirrorPad on rank 4, frames longer than their step, unique of float columns',
    run: (tf) => {
      const cube = wave(tf, [2, 3, 4]);
      const t = tf.topk(cube, 2);
      const u = tf.unique(tf.tensor2d([[1.5, 2, 1.5], [0, -1, 0]]), 1);
      return [
        tf.linalg.bandPart(wave(tf, [4, 4]), tf.scalar(1, 'int32'), tf.scalar(2, 'int32')), t.values, t.indices, tf.cumsum(cube.toInt(), 1, true, true), tf.cumprod(cube, 2, false, true),
        tf.mirrorPad(wave(tf, [1, 2, 3, 1]), [[0, 0], [1, 1], [2, 2], [0, 0]], 'reflect'), tf.signal.frame(tf.range(0, 7), 2, 4), tf.signal.frame(tf.range(0, 7), 3, 2, true, 9),
        tf.signal.frame(tf.tensor1d([1, 2]), 3, 1), u.values, u.indices,
        tf.localResponseNormalization(wave(tf, [1, 1, 2, 9]) as Tensor4D, 3, 2, 0.1, 0.9), tf.reverse(cube, [-1, -3]),
      ];
    },
  },
  {
    name: 'conv2d with dilations and same padding, depthwise with a multiplier of 3, avgPool and maxPool with strides above the window, and gradients',
    run: (tf) => {
      const x = wave(tf, [1, 7, 6, 2]) as Tensor4D;
      const f = wave(tf, [3, 2, 2, 2], 0.3) as Tensor4D;
      const dw = wave(tf, [2, 2, 2, 3], 0.2) as Tensor4D;
      return [
        tf.conv2d(x, f, 1, 'same', 'NHWC', [2, 3]), tf.conv2d(x, f, 1, 'valid', 'NHWC', 2), tf.depthwiseConv2d(x, dw, 1, 'same'), tf.avgPool(x, 2, 3, 'same'), tf.maxPool(x, [2, 1], [3, 4], 'valid'),
        tf.grads((a, b) => tf.conv2d(a as Tensor4D, b as Tensor4D, 1, 'same').square().sum())([x, f]),
        tf.grads((a, b) => tf.depthwiseConv2d(a as Tensor4D, b as Tensor4D, 1, 'same').sum())([x, dw]),
        tf.grad((a) => tf.avgPool(a as Tensor4D, 2, 3, 'valid').square().sum())(x), tf.grad((a) => tf.maxPool(a as Tensor4D, [2, 1], [3, 4], 'valid').sum())(x),
        attempt([() => tf.conv2d(x, f, 1, 'same', 'NCHW'), () => tf.conv2d(x, f, 2, 'same', 'NHWC', 2)]),
      ];
    },
  },
  {
    name: 'tf.util shape helpers: squeezeShape, inferFromImplicitShape, makeZerosNestedTypedArray, toTypedArray and repeatedTry',
    run: async (tf) => {
      let calls = 0;
      await tf.util.repeatedTry(() => ++calls === 3);
      const gaveUp = await tf.util.repeatedTry(() => false, () => 0, 2).then(() => 'resolved', () => 'rejected');
      return [
        tf.util.squeezeShape([1, 3, 1, 2]), tf.util.squeezeShape([1, 3, 1, 2], [0]), tf.util.squeezeShape([1, 3, 1, 2], -2), tf.util.squeezeShape([1, 1], []),
        tf.util.inferFromImplicitShape([2, -1, 3], 24), tf.util.inferFromImplicitShape([4, 2], 8), tf.util.inferFromImplicitShape([4, 2], 0),
        tf.util.makeZerosNestedTypedArray([2, 3], 'int32'), tf.util.makeZerosNestedTypedArray([2, 1, 2]), tf.util.makeZerosNestedTypedArray([], 'bool'),
        tf.util.toTypedArray([[1.5, 2], [0.4, -0.6]], 'int32'), tf.util.toTypedArray([0.4, 0.6, -2, 0], 'bool'), tf.util.toTypedArray([1, 2]), tf.util.toTypedArray(new Int32Array([3, 4]), 'float32'),
        calls, gaveUp,
        attempt([
          () => tf.util.squeezeShape([1, 3], [1]), () => tf.util.inferFromImplicitShape([-1, -1], 4), () => tf.util.inferFromImplicitShape([3, -1], 4), () => tf.util.inferFromImplicitShape([0, -1], 0),
          () => tf.util.inferFromImplicitShape([2, -2], 4), () => tf.util.inferFromImplicitShape([2, 2], 5), () => tf.util.toTypedArray(['a'], 'string'), () => tf.util.makeZerosNestedTypedArray([2], 'float16'),
        ]),
      ];
    },
  },
  {
    name: 'the less common ops given int32 and bool tensors: result dtypes, and which refuse them',
    run: (tf) => {
      const i = tf.tensor2d([[3, -1, 4], [1, 5, -9]], [2, 3], 'int32');
      const b = tf.tensor2d([[true, false, true], [false, false, true]], [2, 3], 'bool');
      const calls: Array<() => Tensor | Tensor[]> = [
        () => tf.logSumExp(i), () => tf.cumprod(i, 1), () => tf.cumprod(b, 1), () => tf.mirrorPad(b, [[1, 1], [0, 2]], 'symmetric'),
        () => tf.reverse(b, 1), () => tf.topk(i, 2).values, () => tf.topk(b, 1).values, () => tf.searchSorted(tf.tensor1d([1, 3, 5], 'int32'), tf.tensor1d([2, 6], 'int32')),
        () => tf.einsum('ij,kj->ik', i, i), () => tf.localResponseNormalization(i.reshape([1, 1, 2, 3]) as Tensor4D), () => tf.norm(i), () => tf.diag(b), () => tf.broadcastTo(b.slice([0], [1]), [3, 3]),
        () => tf.sparseToDense(tf.tensor1d([1], 'int32'), tf.tensor1d([true], 'bool'), [3], false), () => tf.gatherND(b, [[1, 2]]), () => tf.scatterND([[0]], tf.tensor1d([true], 'bool'), [2]),
        () => tf.stridedSlice(b, [0, 2], [2, 0], [1, -1]), () => tf.dilation2d(i.reshape([1, 2, 3, 1]), tf.ones([1, 2, 1], 'int32'), 1, 'same'), () => tf.moments(b).mean,
        () => tf.conv1d(i.reshape([1, 3, 2]) as Tensor3D, tf.ones([1, 2, 1], 'int32') as Tensor3D, 1, 'valid'), () => tf.maxPool(i.reshape([1, 2, 3, 1]) as Tensor4D, 2, 1, 'same'),
        () => tf.avgPool(i.reshape([1, 2, 3, 1]) as Tensor4D, 2, 1, 'same'), () => tf.batchNorm(i, tf.zeros([3], 'int32'), tf.ones([3], 'int32')), () => tf.linalg.bandPart(b, 0, 1),
        () => tf.signal.frame(tf.tensor1d([1, 2, 3, 4], 'int32'), 2, 1), () => tf.step(b, 0.5), () => tf.step(b, 1), () => tf.step(i, 2.7),
        () => tf.conv2dTranspose(i.reshape([1, 2, 3, 1]) as Tensor4D, tf.ones([2, 2, 1, 1], 'int32') as Tensor4D, [1, 3, 4, 1], 1, 'valid'),
        () => tf.maxPool3d(i.reshape([1, 1, 2, 3, 1]), 1, 1, 'valid'), () => tf.maxPool3d(b.reshape([1, 1, 2, 3, 1]), [1, 2, 2], 1, 'same'), () => tf.depthToSpace(b.reshape([1, 1, 1, 6]).slice([0, 0, 0, 0], [1, 1, 1, 4]) as Tensor4D, 2),
      ];
      return calls.map((f) => {
        try {
          const r = f();
          return Array.isArray(r) ? r.map((t) => [t.dtype, t.shape]) : [r.dtype, r.shape, Array.from(r.dataSync())];
        } catch {
          return 'threw';
        }
      });
    },
  },
  {
    name: 'tf.fill with booleans and numbers, and image ops that ask for float32: rotateWithOffset, nonMaxSuppression',
    run: (tf) => {
      const img = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1], 'int32');
      return [
        tf.fill([2, 2], true), tf.fill([3], false), tf.fill([2], 1, 'bool'), tf.fill([2], 2.5, 'int32'), tf.fill([1], 7),
        attempt([
          () => tf.image.rotateWithOffset(img, 0.5), () => tf.image.rotateWithOffset(img.toFloat(), 0.5), () => tf.image.nonMaxSuppression(tf.tensor2d([[0, 0, 1, 1]], [1, 4], 'int32'), [1], 1),
          () => tf.image.nonMaxSuppression([[0, 0, 1, 1]], tf.tensor1d([1], 'int32'), 1), () => tf.image.nonMaxSuppressionWithScore(tf.tensor2d([[0, 0, 1, 1]], [1, 4], 'int32'), [1], 1).selectedIndices,
        ]),
      ];
    },
  },
  {
    name: 'tensorScatterUpdate leaves its input tensor as it was',
    deviation: "TF.js 4.22's cpu tensorScatterUpdate writes the updates into its input tensor's values (and so into every tensor sharing them); tessera returns a new tensor and leaves the input alone, as TensorFlow does",
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      const y = tf.tensorScatterUpdate(x, [[0]], tf.tensor2d([[9, 9]]));
      return [x, y];
    },
  },
  {
    name: 'convolutions, pools and addN given nested arrays instead of tensors',
    run: (tf) => {
      const img = [[[[1], [2], [0]], [[3], [4], [-1]]]];
      const vol = [[[[[1], [2]], [[3], [4]]]]];
      return [
        tf.conv2d(img, [[[[0.5]]], [[[2]]]], 1, 'same'), tf.conv1d([[[1], [2], [3]]], [[[1]], [[-1]]], 1, 'valid'), tf.depthwiseConv2d(img, [[[[2]]]], 1, 'valid'),
        tf.separableConv2d(img, [[[[1]]]], [[[[3]]]], 1, 'same'), tf.conv2dTranspose(img, [[[[1]]]], [1, 2, 3, 1], 1, 'same'), tf.maxPool(img, 2, 1, 'same'), tf.avgPool(img, [1, 2], 1, 'valid'),
        tf.conv3d(vol, [[[[[2]]]]], 1, 'same'), tf.maxPool3d(vol, [1, 2, 2], 1, 'valid'), tf.avgPool3d(vol, 1, 1, 'same'),
        tf.addN([[1, 2], tf.tensor1d([3, 4]), [5, 6]]), tf.addN([[1, 2]]),
      ];
    },
  },
  {
    name: 'fused.matMul, fused.conv2d and fused.depthwiseConv2d given nested arrays and numbers, and a null bias',
    run: (tf) => {
      const img = [[[[1], [2], [0]], [[3], [4], [-1]]]];
      return [
        tf.fused.matMul({ a: [[1, 2], [3, 4]], b: [[0.5, -1], [2, 1]], bias: [0.25, -3], activation: 'relu' }),
        tf.fused.matMul({ a: [[1, -2]], b: [[1], [1]], transposeB: false, activation: 'prelu', preluActivationWeights: 0.5 }),
        tf.fused.matMul({ a: [[1, 2]], b: [[3], [4]], bias: null }),
        tf.fused.conv2d({ x: img, filter: [[[[0.5]]], [[[2]]]], strides: 1, pad: 'same', bias: [0.1], activation: 'relu' }),
        tf.fused.conv2d({ x: img, filter: [[[[1]]]], strides: 1, pad: 'valid', bias: 1, activation: 'leakyrelu', leakyreluAlpha: 0.1 }),
        tf.fused.depthwiseConv2d({ x: img, filter: [[[[2]]]], strides: 1, pad: 'valid', bias: [-1], activation: 'elu' }),
      ];
    },
  },
];
