import { format } from 'node:util';
import type { Program } from '../harness';

// How programs print, profile and inspect tensors and the engine. Node's console.log(x) writes format(x) (util.inspect
// for an object); the harness's capture writes String(x), so what console.log shows is returned as format's text.
// Tensor ids count every tensor the process made (the suite's earlier programs too), so they are masked.

const shown = (...args: unknown[]) => format(...args).replace(/\bid: \d+/g, 'id: #').replace(/"id":\d+/g, '"id":#');

export const coresurface: Program[] = [
  {
    name: 'console.log(tensor) shows the Tensor object fields, as TF.js',
    run: (tf) => {
      const t = tf.tensor1d([1.5, 2, -3]);
      const kept = tf.keep(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32'));
      const gone = tf.tensor1d([true, false], 'bool');
      gone.dispose();
      return [
        shown(t), shown(tf.scalar(3)), shown(kept), shown(gone), shown(tf.ones([1, 1, 1, 1, 1, 1])), shown('%o', tf.tensor1d([1])),
        shown([t]), shown({ a: { b: { c: t } } }), shown('loss', t), JSON.stringify(t), JSON.stringify({ list: [kept] }),
      ];
    },
  },
  {
    name: 'console.log(variable) shows its trainable flag and name, and kept is false until tf.keep',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1, 2]), false, 'coresurfaceShown');
      const before = v.kept;
      v.assign(tf.tensor1d([5, 6]));
      return [shown(v), JSON.stringify(v), before, tf.keep(v).kept, v.trainable];
    },
  },
  {
    name: 'console.log of a reshape and of a variable shows the dataId it shares, as TF.js',
    run: (tf) => {
      const t = tf.tensor1d([1, 2, 3, 4]);
      const r = t.reshape([2, 2]);
      const v = tf.variable(t);
      const w = tf.variable(tf.zeros([4]));
      w.assign(t);
      return [r.dataId === t.dataId, v.dataId === t.dataId, w.dataId === t.dataId, tf.tensor1d([1]).dataId === t.dataId];
    },
  },
  {
    name: 'tf.profile names the kernels as TF.js',
    run: async (tf) => {
      const x = tf.ones([1, 3, 3, 1]);
      const [f2, f1, small, nan, four, square, at, ndIdx, update] = [
        tf.ones([2, 2, 1, 2]), tf.ones([2, 2, 1, 1]), tf.ones([1, 2, 2, 1]), tf.tensor1d([1, NaN]), tf.ones([4]), tf.ones([2, 2]), tf.tensor2d([[1, 1]], [1, 2], 'int32'), tf.tensor2d([[0]], [1, 1], 'int32'), tf.tensor1d([3]),
      ];
      const names = async (f: () => unknown) => (await tf.profile(f as () => never)).kernelNames;
      return [
        await names(() => tf.conv2d(x as never, f2 as never, 1, 'valid')),
        await names(() => tf.depthwiseConv2d(x as never, f1 as never, 1, 'same')),
        await names(() => tf.conv2dTranspose(small as never, f1 as never, [1, 3, 3, 1], 1, 'valid')),
        await names(() => tf.isNaN(nan)),
        await names(() => tf.split(four, 2)),
        await names(() => tf.gatherND(square, at)),
        await names(() => tf.scatterND(ndIdx, update, [2])),
      ];
    },
  },
];
