import type { Tensor } from '../../../src/index';
import type { Program } from '../harness';

// Getting started: creating tensors, reading them back, printing, dtypes inferred from the input, scalars and
// empty tensors, and the memory helpers (tidy, dispose, keep, memory()).

export const basics: Program[] = [
  {
    name: 'tensor creation and dtype inference',
    run: (tf) => [
      tf.tensor([1, 2, 3, 4], [2, 2]),
      tf.tensor([[1, 2], [3, 4]]),
      tf.tensor([true, false, true]),
      tf.tensor(new Int32Array([5, 6, 7])),
      tf.tensor([1.5, 2.5], undefined, 'int32'),
      tf.tensor1d([1, 2, 3], 'int32'),
      tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]),
      tf.tensor3d([[[1], [2]], [[3], [4]]]),
      tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]),
      tf.scalar(3.5),
      tf.scalar(true),
      tf.scalar(7, 'int32'),
      tf.tensor([0, 1, 2], [3], 'bool'),
    ],
  },
  {
    name: 'reading values back: dataSync, arraySync, data, array',
    run: async (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const b = tf.tensor1d([true, false]);
      const i = tf.tensor1d([1, -2], 'int32');
      return {
        dataSync: Array.from(x.dataSync()),
        arraySync: x.arraySync(),
        data: Array.from(await x.data()),
        array: await x.array(),
        boolArray: b.arraySync(),
        intArray: await i.array(),
        scalarArray: tf.scalar(4).arraySync(),
        rank: [x.rank, tf.scalar(1).rank, b.rank],
        size: [x.size, tf.scalar(1).size],
      };
    },
  },
  {
    name: 'print and toString',
    run: (tf) => {
      tf.tensor([1, 2, 3]).print();
      tf.tensor2d([[1.5, -2], [300, 4.25]]).print();
      tf.scalar(2).print();
      tf.tensor([true, false]).print();
      tf.tensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], 'int32').print();
      return [tf.tensor([0.1, 0.2]).toString(), tf.zeros([2, 0]).toString(), tf.range(0, 30).toString()];
    },
  },
  {
    name: 'zeros, ones, fill, like, eye, linspace, range',
    run: (tf) => [
      tf.zeros([2, 3]),
      tf.ones([3], 'int32'),
      tf.fill([2, 2], 7),
      tf.fill([2], 3, 'int32'),
      tf.zerosLike(tf.tensor([1, 2], undefined, 'int32')),
      tf.onesLike(tf.tensor([[1, 2]])),
      tf.eye(3),
      tf.eye(2, 3),
      tf.linspace(0, 1, 5),
      tf.range(0, 10, 3),
      tf.range(5, 0, -2),
      tf.range(0, 3, 1, 'float32'),
      tf.range(0, 1, 0.25),
    ],
  },
  {
    name: 'scalars and rank-0 edge cases',
    run: (tf) => {
      const s = tf.scalar(3);
      return [
        s.add(tf.scalar(2)),
        s.mul(tf.tensor1d([1, 2, 3])),
        s.reshape([1, 1]),
        tf.tensor([[5]]).reshape([]),
        s.expandDims(),
        tf.sum(s),
        tf.mean(s),
        s.sum(0),
        tf.max(s),
        s.square().sqrt(),
        tf.stack([s, s.neg()]),
        tf.tensor1d([4]).asScalar(),
        s.dataSync()[0],
        s.arraySync(),
      ];
    },
  },
  {
    name: 'empty tensors (a dimension of 0)',
    run: (tf) => {
      const e = tf.zeros([0, 3]);
      return [
        e,
        e.shape,
        e.size,
        e.sum(),
        e.sum(0),
        e.add(tf.ones([3])),
        tf.concat([e, tf.ones([2, 3])]),
        tf.tensor([]),
        tf.tensor1d([]).reshape([0, 2]),
        tf.slice(tf.ones([3, 4]), [1, 0], [0, 4]),
        e.transpose(),
        e.arraySync(),
      ];
    },
  },
  {
    name: 'tidy, keep, dispose and memory counts',
    run: (tf) => {
      const before = tf.memory().numTensors;
      let kept: Tensor | null = null;
      const y = tf.tidy(() => {
        const a = tf.tensor([1, 2, 3]);
        const b = a.square();
        kept = tf.keep(b.sum());
        return b.add(1);
      });
      const afterTidy = tf.memory().numTensors - before;
      const z = tf.tensor([4, 5]);
      z.dispose();
      const afterDispose = tf.memory().numTensors - before;
      const vals = y.arraySync();
      tf.dispose([y, kept!]);
      return { afterTidy, afterDispose, end: tf.memory().numTensors - before, vals, disposed: z.isDisposed };
    },
  },
  {
    name: 'tidy returning several tensors in an object and an array',
    run: (tf) => {
      const before = tf.memory().numTensors;
      const out = tf.tidy(() => {
        const x = tf.tensor([1, 2, 3, 4]);
        return [x.mean(), x.max()];
      });
      const n = tf.memory().numTensors - before;
      return { n, out };
    },
  },
  {
    name: 'using a disposed tensor throws',
    run: (tf) => {
      const a = tf.tensor([1, 2]);
      a.dispose();
      return a.add(1);
    },
  },
  {
    name: 'clone, cast, asType, toFloat, toInt, toBool',
    run: (tf) => {
      const x = tf.tensor([-1.7, 0, 0.4, 2.9]);
      return [
        x.clone(),
        tf.clone(x),
        x.cast('int32'),
        x.asType('bool'),
        x.toInt(),
        x.toBool(),
        tf.tensor([1, 0, 3], undefined, 'int32').toFloat(),
        tf.tensor([true, false]).cast('float32'),
        tf.cast(tf.tensor([true, false]), 'int32'),
      ];
    },
  },
  {
    name: 'shape and value errors TF.js raises',
    run: (tf) => {
      const attempts: Array<() => unknown> = [
        () => tf.tensor([1, 2, 3], [2, 2]),
        () => tf.tensor2d([1, 2, 3]),
        () => tf.reshape(tf.ones([6]), [4, 2]),
        () => tf.add(tf.ones([2, 3]), tf.ones([3, 2])),
        () => tf.matMul(tf.ones([2, 3]), tf.ones([2, 3])),
        () => tf.concat([tf.ones([2, 2]), tf.ones([2, 3])], 0),
        () => tf.split(tf.ones([5]), 2),
        () => tf.oneHot(tf.tensor1d([0.5, 1]), 3),
        () => tf.tensor1d([[1, 2]] as unknown as number[]),
      ];
      return attempts.map((f) => { try { f(); return 'ok'; } catch { return 'threw'; } });
    },
  },
  {
    name: 'transpose with a repeated axis in perm',
    deviation: 'TF.js 4.22 accepts perm [0, 0] and returns garbage ([2, 3] -> [[3, 0], [0, 6]]); tessera refuses a perm that is not a permutation',
    run: (tf) => tf.transpose(tf.tensor2d([[1, 2, 3], [4, 5, 6]]), [0, 0]),
  },
];
