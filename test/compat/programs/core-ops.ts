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
];
