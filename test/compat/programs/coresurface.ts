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
];
