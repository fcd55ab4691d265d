import type { Program } from '../harness';

// Programs from this round's sweeps where tessera differed from TF.js: earlyStopping with a patience that is not
// a whole number of epochs.

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
];
