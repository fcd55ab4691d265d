import type { Program } from '../harness';

// Programs from a sweep of fit, fitDataset, evaluate and callbacks against TF.js's training loop: stopTraining from
// each hook, metric names, callback objects and their `this`, yielding, and the checks TF.js makes of targets.

export const trainParity: Program[] = [
  {
    name: 'categoricalCrossentropy on one-column targets is refused by fit, evaluate and trainOnBatch',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], activation: 'sigmoid', kernelInitializer: 'ones' })] });
      m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['acc'] });
      const x = tf.ones([4, 3]);
      const y = tf.tensor2d([1, 0, 0, 1], [4, 1]);
      const outcomes: string[] = [];
      const attempt = async (what: string, f: () => unknown) => {
        try { await f(); outcomes.push(`${what}: ran`); } catch { outcomes.push(`${what}: threw`); }
      };
      await attempt('fit', () => m.fit(x, y, { epochs: 1, verbose: 0 }));
      await attempt('evaluate', () => m.evaluate(x, y));
      await attempt('trainOnBatch', () => m.trainOnBatch(x, y));
      await attempt('metric function as loss', () => {
        m.compile({ optimizer: 'sgd', loss: tf.metrics.categoricalCrossentropy });
        return m.fit(x, y, { epochs: 1, verbose: 0 });
      });
      return { outcomes, weights: m.getWeights() };
    },
  },
];
