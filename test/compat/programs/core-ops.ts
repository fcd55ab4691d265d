import type { Tensor3D } from '../../../src/index';
import type { Program } from '../harness';

// tfjs-core ops as programs call them: printing, logical reductions, and the errors TF.js raises for them.

const attempt = (fs: Array<() => unknown>) => fs.map((f) => { try { return f(); } catch { return 'threw'; } });

export const coreOps: Program[] = [
  {
    name: 'print and tf.print of floats, ints and bools of ranks 0 to 3',
    run: (tf) => {
      tf.tensor([[1.123456, 2], [3, 4]]).print(true);
      tf.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]).print();
      tf.tensor([true, false, true]).print(true);
      tf.scalar(3, 'int32').print(true);
      tf.range(0, 100).reshape([10, 10]).print();
      tf.tensor([1e-7, 1e7, -3.5]).print();
      tf.tensor([0.000123, 123456.7]).print();
      tf.tensor([[-1, 2.5], [3, -4]]).print(true);
      tf.linspace(0, 1, 7).print();
      tf.zeros([2, 3, 4]).toInt().print();
      tf.print(tf.tensor([1, 2]));
      tf.print(tf.tensor([[1, 2]], undefined, 'int32'), true);
      tf.print(tf.scalar(false), true);
      tf.scalar(1 / 3).print();
      tf.tensor([0.1, 0.2]).sum().print();
      tf.losses.meanSquaredError(tf.tensor1d([1, 2]), tf.tensor1d([1.1, 2.3])).print();
      tf.scalar(-0.7, 'int32').print();
      return [tf.tensor([[1, 2, 3]]).toString(true), tf.tensor4d([1, 2, 3, 4], [1, 1, 2, 2]).toString(), tf.tensor([1e-9]).toString(), tf.tensor([12345678]).toString()];
    },
  },
  {
    name: 'any and all take bool tensors only',
    run: (tf) => {
      const b = tf.tensor2d([[true, false], [true, true]]);
      return attempt([() => b.any(0), () => b.all(1, true), () => tf.any(b), () => tf.all(b.logicalNot()), () => tf.any(tf.tensor1d([1, 0])), () => tf.all(tf.tensor1d([1, 1], 'int32')), () => tf.tensor1d([2, 0]).any()]);
    },
  },
  {
    name: 'filling a tf.buffer and a bufferSync copy element by element',
    run: async (tf) => {
      const b = tf.buffer([2, 3]);
      b.set(3, 0, 1);
      b.set(5, 1, 2);
      const x = b.toTensor();
      // TF.js's cpu backend shares one array between a buffer, its tensor and that tensor's bufferSync(), so a
      // program that sets values after toTensor() would read backend-dependent results; this one does not.
      const copy = x.bufferSync();
      const ints = tf.buffer([2], 'int32', new Int32Array([4, 5]));
      const bools = tf.buffer([3], 'bool');
      bools.set(true, 1);
      const fromAsync = await tf.tensor2d([[1, 2], [3, 4]]).buffer();
      return [
        x, b.toTensor(), copy.toTensor(), b.get(0, 1), copy.get(1, 2), copy.values, b.shape, b.dtype, b.size, b.strides, b.rank, ints.toTensor(), bools.toTensor(),
        b.indexToLoc(4), b.locToIndex([1, 1]), fromAsync.get(1, 0), tf.buffer([]).toTensor(), tf.buffer([2, 2, 2]).strides,
        attempt([() => b.get(2, 0), () => tf.buffer([2], 'float32', new Float32Array(3))]),
      ];
    },
  },
  {
    name: 'tf.util helpers for data arrays and shapes',
    run: (tf) => {
      const xs = [1, 2, 3, 4, 5, 6];
      const ys = ['a', 'b', 'c', 'd', 'e', 'f'];
      tf.util.shuffleCombo(xs, ys);
      const pairedStill = xs.every((x, i) => ys[i] === 'abcdef'[x - 1]);
      const data = [10, 20, 30, 40];
      tf.util.shuffle(data);
      const idx = tf.util.createShuffledIndices(5);
      return [
        pairedStill, [...data].sort((a, b) => a - b), Array.from(idx).sort(), idx instanceof Uint32Array, tf.util.sizeFromShape([2, 3, 4]), tf.util.sizeFromShape([]),
        tf.util.flatten([[1, 2], [3, [4, [5]]]]), tf.util.flatten([new Float32Array([1, 2]), [3]]), tf.util.arraysEqual([1, 2], [1, 2]), tf.util.arraysEqual([1], [1, 2]),
        tf.util.computeStrides([2, 3, 4]), tf.util.computeStrides([5]), tf.util.isTypedArray(new Int32Array(1)), tf.util.isTypedArray([1]), typeof tf.util.now(),
        tf.util.clamp(0, 5, 3), tf.util.sum([1, 2, 3.5]), tf.util.distSquared([1, 2], [4, 6]), tf.util.inferDtype([true]), tf.util.inferDtype(new Int32Array(2)),
        tf.util.inferDtype([[1.5]]), tf.util.sizeToSquarishShape(10), tf.util.isInt(3), tf.util.decodeString(tf.util.encodeString('héllo')), tf.util.encodeString('ab'),
        tf.util.toNestedArray([2, 2], new Float32Array([1, 2, 3, 4])), tf.util.makeZerosTypedArray(3, 'int32'), tf.util.makeOnesTypedArray(2, 'bool'),
        tf.util.indexToLoc(7, 3, [6, 3]), tf.util.locToIndex([1, 0, 1], 3, [6, 3]),
        attempt([() => tf.util.assert(1 > 2, 'nope'), () => tf.util.assert(2 > 1, () => 'fine'), () => tf.util.assertShapesMatch([1, 2], [2, 1], 'x:'), () => tf.util.shuffleCombo([1], [1, 2])]),
      ];
    },
  },
  {
    name: 'ops given plain arrays and numbers instead of tensors',
    run: (tf) => {
      type Any = never;
      return [
        tf.add([1, 2], [3, 4]), tf.mul(tf.tensor1d([1, 2]), [3, 4]), tf.sub(3, 1), tf.matMul([[1, 2]], [[3], [4]]), tf.sum([1, 2, 3]), tf.maximum([1, 5], 3),
        tf.softmax([1, 2] as Any), tf.logSoftmax([1, 2] as Any), tf.reshape([1, 2, 3, 4], [2, 2]), tf.transpose([[1, 2]] as Any), tf.argMax([1, 3, 2]),
        tf.gather([1, 2, 3] as Any, [0, 2]), tf.slice([1, 2, 3] as Any, 1), tf.clipByValue([1, 5] as Any, 0, 2), tf.mean([1, 2] as Any), tf.tile([1, 2] as Any, [2]),
        tf.expandDims([1, 2] as Any), tf.squeeze([[1, 2]] as Any), tf.cast([1.5] as Any, 'int32'), tf.equal([1, 2], [1, 3]), tf.pow([2, 3] as Any, 2),
        tf.concat([[1, 2], [3]] as Any), tf.stack([[1, 2], [3, 4]] as Any), tf.stack([tf.tensor1d([1]), [2]] as Any), tf.norm([3, 4] as Any),
        tf.moments([1, 2, 3] as Any).mean, tf.cumsum([1, 2] as Any), tf.dot([1, 2] as Any, [3, 4] as Any), tf.outerProduct([1, 2] as Any, [3] as Any),
        tf.pad([1] as Any, [[1, 1]]), tf.reverse([1, 2] as Any), tf.unstack([[1, 2], [3, 4]] as Any), tf.split([1, 2, 3, 4] as Any, 2),
        tf.zerosLike([1, 2] as Any), tf.onesLike([[true]] as Any), tf.leakyRelu([-1, 1] as Any, 0.1), tf.prelu([-1, 1] as Any, 0.5 as Any), tf.step([-1, 1] as Any),
        tf.logSumExp([1, 2] as Any), tf.stridedSlice([1, 2, 3, 4] as Any, [1], [4], [2]), tf.broadcastTo([1, 2] as Any, [2, 2]), tf.mirrorPad([1, 2] as Any, [[1, 1]], 'reflect'),
        tf.clone([1, 2] as Any), tf.sigmoid([0] as Any), tf.where([true, false] as Any, [1, 2] as Any, [3, 4] as Any),
      ];
    },
  },
  {
    name: 'selecting by value: unique, whereAsync, booleanMaskAsync, setdiff1dAsync, inTopKAsync',
    run: async (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
      const scores = tf.tensor1d([0.9, 0.2, 0.75, 0.4]);
      const out: unknown[] = [
        tf.unique(tf.tensor1d([4, 1, 4, 2, 1])), tf.unique(tf.tensor2d([[1, 0], [1, 0], [2, 1]]), 0), tf.unique(tf.tensor2d([[1, 0, 1], [2, 3, 2]]), 1),
        tf.unique(tf.tensor1d([3, 3, 1], 'int32')), tf.unique(tf.tensor1d([true, true, false])), tf.unique(tf.tensor1d([NaN, 0, -0, NaN])), tf.unique([5, 5, 6]),
        await tf.whereAsync(tf.tensor2d([[true, false], [false, true]])), await tf.whereAsync(scores.greater(0.5)), await tf.whereAsync(tf.tensor1d([false])),
        await tf.booleanMaskAsync(x, tf.tensor1d([true, false, true])), await tf.booleanMaskAsync(x, tf.tensor1d([false, true]), 1),
        await tf.booleanMaskAsync(x, tf.tensor2d([[true, false], [false, true], [true, true]])), await tf.booleanMaskAsync(scores, scores.greater(0.5)),
        await tf.setdiff1dAsync(tf.tensor1d([1, 2, 3, 4, 2]), tf.tensor1d([2, 4])), await tf.setdiff1dAsync(tf.tensor1d([7, 8], 'int32'), tf.tensor1d([1], 'int32')),
        await tf.inTopKAsync(tf.tensor2d([[0.1, 0.9, 0.5], [0.8, 0.2, 0.8]]), tf.tensor1d([2, 2], 'int32'), 2), await tf.inTopKAsync(tf.tensor2d([[0.1, 0.9], [0.8, 0.2]]), tf.tensor1d([1, 1], 'int32')),
      ];
      for (const f of [
        () => tf.whereAsync(tf.tensor1d([1, 0])), () => tf.booleanMaskAsync(x, tf.tensor1d([true, false])), () => tf.booleanMaskAsync(x, tf.scalar(true)),
        () => tf.booleanMaskAsync(x, tf.tensor1d([1, 0, 1])), () => tf.setdiff1dAsync(tf.tensor1d([1]), tf.tensor1d([1], 'int32')), () => tf.setdiff1dAsync(x, tf.tensor1d([1])),
        () => tf.inTopKAsync(tf.tensor1d([1, 2]), tf.tensor1d([0], 'int32')), () => tf.inTopKAsync(x, tf.tensor1d([0, 1, 0], 'int32'), 3),
      ]) {
        try { out.push(await f()); } catch { out.push('threw'); }
      }
      out.push((() => { try { return tf.unique(tf.scalar(1)); } catch { return 'threw'; } })());
      return out;
    },
  },
  {
    name: 'divNoNan, euclideanNorm, diag, meshgrid, linalg.bandPart and the signal windows and frames',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3], [-4, 5, -6]]);
      return attempt([
        () => tf.divNoNan(x, tf.tensor2d([[0, 1, 2], [0, 0, 3]])), () => tf.divNoNan(tf.tensor1d([7, -8], 'int32'), tf.tensor1d([0, 3], 'int32')), () => tf.divNoNan(tf.tensor1d([0, 1]), 0),
        () => tf.euclideanNorm(x, 1), () => tf.euclideanNorm(x), () => tf.euclideanNorm(x, [0, 1], true), () => tf.diag(tf.tensor1d([1, 2])), () => tf.diag(tf.tensor2d([[1, 2], [3, 4]])),
        () => tf.diag(tf.tensor1d([1, 2], 'int32')), () => tf.meshgrid(tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5])), () => tf.meshgrid(tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5]), { indexing: 'ij' }),
        () => tf.meshgrid([1, 2]), () => tf.meshgrid(), () => tf.meshgrid([1], [2], { indexing: 'x' }),
        () => tf.linalg.bandPart(tf.range(0, 16).reshape([4, 4]), 1, -1), () => tf.linalg.bandPart(tf.ones([3, 3]), -1, 0), () => tf.linalg.bandPart(tf.ones([2, 3, 3]), 0, 1),
        () => tf.linalg.bandPart(tf.ones([3, 4]), 0, 0), () => tf.linalg.bandPart(tf.ones([3]), 0, 0), () => tf.linalg.bandPart(tf.ones([3, 3]), 4, 0), () => tf.linalg.bandPart(tf.ones([3, 3]), 0.5, 0),
        () => tf.signal.hannWindow(5), () => tf.signal.hannWindow(4), () => tf.signal.hammingWindow(6), () => tf.signal.hammingWindow(1), () => tf.signal.frame(tf.range(0, 10), 4, 3),
        () => tf.signal.frame(tf.range(0, 10), 4, 3, true, 0), () => tf.signal.frame(tf.range(0, 10), 4, 3, true, -1), () => tf.signal.frame(tf.range(0, 3), 4, 1),
        () => tf.signal.frame(tf.range(0, 5, 1, 'int32'), 2, 2, true), () => tf.signal.frame(tf.range(0, 10), 10, 1),
        () => tf.grad((t) => tf.signal.frame(t.reshape([6]), 4, 1).sum())(x), () => tf.grads((a, b) => tf.meshgrid(a, b)[0].mul(tf.meshgrid(a, b)[1]).sum())([tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5])]),
        () => tf.signal.hannWindow(5).mul(tf.range(0, 5)).sum(),
      ]);
    },
  },
  {
    name: 'gradients of divNoNan, bandPart, diag, cumprod and depthToSpace',
    deviation: 'TF.js 4.22 has no gradient through divNoNan (its Equal), bandPart, diag, cumprod or depthToSpace (it throws); tessera builds them from differentiable ops',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3], [-4, 5, -6]]);
      return attempt([
        () => tf.grad((a) => tf.divNoNan(a, tf.tensor2d([[1, 1, 2], [1, 1, 3]])).sum())(x), () => tf.grad((a) => tf.linalg.bandPart(a, 0, 1).square().sum())(x),
        () => tf.grad((a) => tf.diag(a).sum())(x), () => tf.grad((t) => t.cumprod(1).sum())(x), () => tf.grad((t) => t.cumprod(1, true, true).square().sum())(x),
      ]);
    },
  },
  {
    name: 'sampling with multinomial where the outcome is certain, and the shapes of random draws',
    run: (tf) => {
      const certain = tf.tensor2d([[-1e9, 0, -1e9], [0, -1e9, -1e9]]);
      const sampled = tf.multinomial(tf.tensor1d([0.2, 0.3, 0.5]), 50, 7, true);
      const inRange = sampled.greaterEqual(0).logicalAnd(sampled.less(3)).all();
      return [
        tf.multinomial(certain, 4), tf.multinomial(certain, 2, 3), tf.multinomial(tf.tensor1d([0, 0, 1, 0]), 3, undefined, true), tf.multinomial(tf.tensor2d([[0.5, 0.5]]), 6).shape,
        sampled.shape, sampled.dtype, inRange, tf.randomStandardNormal([2, 3]).shape, tf.randomStandardNormal([4], 'float32', 5).dtype,
        attempt([() => tf.multinomial(tf.tensor1d([1]), 2), () => tf.multinomial(tf.zeros([1, 2, 2]), 2)]),
      ];
    },
  },
  {
    // disposeVariables is left to test/ops/environment.test.ts: it frees every variable in the process, those the
    // other programs keep included, so its count depends on what ran before.
    name: 'tensor5d, nextFrame and enableProdMode',
    run: async (tf) => {
      tf.enableProdMode();
      const five = tf.tensor5d([1, 2, 3, 4], [1, 1, 1, 2, 2]);
      await tf.nextFrame();
      return [five, five.rank, attempt([() => tf.tensor5d([1, 2], [1, 2] as unknown as [number, number, number, number, number])])];
    },
  },
  {
    name: 'asinh, acosh and atanh as the API docs show them, with int32 inputs and gradients',
    run: (tf) => {
      tf.tensor1d([0, 1, -1, 0.7]).asinh().print();
      tf.tensor1d([10, 1, 3, 5.7]).acosh().print();
      tf.tensor1d([0, 0.1, -0.1, 0.7]).atanh().print();
      const x = tf.tensor1d([-3, -0.5, 0, 0.5, 3]);
      return [
        tf.asinh(x), tf.acosh(tf.tensor1d([0.5, 1, 2, 100])), tf.atanh(tf.tensor1d([-1, -0.5, 0.99, 1, 2])), tf.asinh(tf.tensor1d([2, -3], 'int32')), tf.acosh(tf.tensor1d([1, 3], 'int32')),
        tf.grad((t) => t.asinh().sum())(x), tf.grad((t) => t.acosh().sum())(tf.tensor1d([1.5, 2, 4])), tf.grad((t) => t.atanh().sum())(tf.tensor1d([-0.5, 0, 0.9])),
        tf.asinh(tf.tensor1d([-1e4, 1e4])),
      ];
    },
  },
  {
    name: 'cumprod and einsum as the API docs show them',
    run: (tf) => {
      tf.tensor([1, 2, 3, 4]).cumprod().print();
      tf.tensor([[1, 2], [3, 4]]).cumprod().print();
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const y = tf.tensor2d([[0, 1], [2, 3], [4, 5]]);
      tf.einsum('ij,jk->ik', x, y).print();
      const z = tf.tensor2d([[1, -2, 0, 3, 0.5], [2, 2, -1, 4, 1]]);
      return [
        z.cumprod(1), tf.cumprod(z, 1, true), tf.cumprod(z, 1, false, true), tf.cumprod(z, 1, true, true), tf.cumprod(z, 0), tf.cumprod(tf.tensor1d([2, 3, 4], 'int32')),
        tf.cumprod(tf.tensor1d([5])),
        tf.einsum('ij,jk->ik', x, y), tf.einsum('i,i->', tf.tensor1d([1, 2, 3]), tf.tensor1d([4, 5, 6])), tf.einsum('ij->ji', x), tf.einsum('ij,ij->i', x, x),
        tf.einsum('bij,bjk->bik', x.reshape([1, 2, 3]), y.reshape([1, 3, 2])), tf.einsum('i,j->ij', tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5])), tf.einsum('ij->', x),
        tf.einsum('ij,jk->ki', x, y), tf.einsum('ij,kj->ik', x, x),
        attempt([
          () => tf.einsum('ij,jk', x, y), () => tf.einsum('ij,jk->ik', x), () => tf.einsum('ii->i', tf.eye(2)), () => tf.einsum('ij,jk->il', x, y), () => tf.einsum('ij,jk->ik', x, x),        ]),
      ];
    },
  },
  {
    name: 'spaceToBatchND, batchToSpaceND and depthToSpace as the API docs show them',
    run: (tf) => {
      const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
      tf.spaceToBatchND(x, [2, 2], [[0, 0], [0, 0]]).print();
      tf.batchToSpaceND(tf.tensor4d([1, 2, 3, 4], [4, 1, 1, 1]), [2, 2], [[0, 0], [0, 0]]).print();
      tf.depthToSpace(tf.tensor4d([1, 2, 3, 4], [1, 1, 1, 4]), 2).print();
      const r = tf.range(0, 2 * 3 * 4 * 2).reshape([2, 3, 4, 2]);
      const s2b = tf.spaceToBatchND(r, [2, 2], [[1, 0], [0, 0]]);
      return [
        s2b, tf.batchToSpaceND(s2b, [2, 2], [[1, 0], [0, 0]]), tf.spaceToBatchND(tf.range(0, 12).reshape([1, 6, 2]), [3], [[0, 0]]), tf.batchToSpaceND(tf.range(0, 12).reshape([4, 1, 3, 1]), [2, 2], [[0, 1], [1, 1]]),
        tf.depthToSpace(tf.range(0, 32).reshape([1, 2, 2, 8]), 2), tf.depthToSpace(tf.range(0, 36).reshape([1, 1, 4, 9]), 3),
        tf.grad((t) => tf.spaceToBatchND(t, [2, 2], [[1, 0], [0, 0]]).square().sum())(r),
        attempt([
          () => tf.spaceToBatchND(r, [2, 2], [[0, 0], [0, 0]]), () => tf.batchToSpaceND(r, [4, 4], [[0, 0], [0, 0]]), () => tf.depthToSpace(r, 3), () => tf.depthToSpace(r, 1),
        ]),
      ];
    },
  },
  {
    name: 'bincount, denseBincount, searchSorted, lowerBound and upperBound',
    run: (tf) => {
      const x = tf.tensor1d([1, 1, 2, 3, 2, 4, 2], 'int32');
      const w = tf.tensor1d([0, 0.5, 1, 2, 3, 1, 1]);
      const rows = tf.tensor2d([[1, 1, 2, 3], [2, 4, 2, 7]], [2, 4], 'int32');
      const seq = tf.tensor1d([1, 3, 3, 5, 9]);
      return [
        tf.bincount(x, [], 5), tf.bincount(x, w, 5), tf.bincount(x, [], 3), tf.denseBincount(x, [], 5), tf.denseBincount(rows, [], 5), tf.denseBincount(rows, [], 5, true),
        tf.denseBincount(rows, tf.ones([2, 4]), 6), tf.searchSorted(seq, tf.tensor1d([0, 3, 4, 10])), tf.searchSorted(seq, tf.tensor1d([0, 3, 4, 10]), 'right'),
        tf.lowerBound(tf.tensor2d([[1, 2, 3], [4, 5, 6]]), tf.tensor2d([[2], [7]])), tf.upperBound(seq, tf.tensor1d([3, 9])), tf.searchSorted(tf.tensor1d([1, 2], 'int32'), tf.tensor1d([2], 'int32')),
        attempt([
          () => tf.bincount(tf.tensor1d([1, 2]), [], 3), () => tf.bincount(x, tf.tensor1d([1, 2]), 3), () => tf.bincount(tf.tensor1d([-1], 'int32'), [], 2),
          () => tf.denseBincount(tf.zeros([1, 1, 1], 'int32'), [], 2), () => tf.searchSorted(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor1d([1])),
        ]),
      ];
    },
  },
  {
    name: 'localResponseNormalization of image features',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 2 * 2 * 2 * 7 }, (_, i) => Math.sin(i) * 3), [2, 2, 2, 7]);
      return [
        tf.localResponseNormalization(x), tf.localResponseNormalization(x, 2), tf.localResponseNormalization(x, 1, 2, 0.5, 0.75), tf.localResponseNormalization(x, 0),
        tf.localResponseNormalization(x.slice([0], [1]).squeeze([0]) as Tensor3D, 3, 0.5, 0.1, 1), tf.localResponseNormalization(x, 10),
        tf.grad((t) => tf.localResponseNormalization(t, 2, 1, 0.5, 0.75).mul(tf.range(0, 56).reshape([2, 2, 2, 7]).cos()).sum())(x),
        attempt([() => tf.localResponseNormalization(tf.ones([2, 3])), () => tf.localResponseNormalization(x, 1.5)]),
      ];
    },
  },
];
