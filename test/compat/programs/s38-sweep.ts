import type { Program } from '../harness';

// Programs from this round's sweeps where tessera differed from TF.js: earlyStopping with a patience that is not
// a whole number of epochs, and a tensor posted to another thread (structured clone).

export const s38Sweep: Program[] = [
  {
    name: 'earlyStopping with a patience of 1.5 epochs and of Infinity on a loss that never improves',
    run: async (tf) => {
      const epochs = async (patience: number): Promise<number> => {
        const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
        // A zero learning rate: no epoch after the first improves on it.
        model.compile({ optimizer: tf.train.sgd(0), loss: 'meanSquaredError' });
        const h = await model.fit(tf.ones([4, 2]), tf.zeros([4, 1]), { epochs: 6, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'loss', patience }) });
        return h.history.loss.length;
      };
      return { half: await epochs(1.5), never: await epochs(Infinity), one: await epochs(1) };
    },
  },
  {
    name: 'a tensor posted to another thread is a small plain object without its values, as TF.js clones its fields',
    run: (tf) => {
      const a = tf.ones([64, 64]);
      const posted = [a.matMul(a), tf.variable(tf.ones([3])), tf.tensor([1, 2, 3], [3], 'int32')].map((t) => structuredClone(t) as unknown as Record<string, unknown>);
      // The kernels' memory (or a view of it) must not travel: it would copy or share every tensor's values.
      return posted.map((c) => ({ shape: c.shape, dtype: c.dtype, size: c.size, views: Object.values(c).filter((v) => ArrayBuffer.isView(v)).length }));
    },
  },
];
