import type { Program } from '../harness';

// Programs from a sweep of TF.js's engine specs (topology, container, training and callback tests) that tessera
// failed: each is written as those specs call the API.

export const specEngine: Program[] = [
  {
    name: "a weight's originalName drops the count that keeps names apart, so a map keyed by it loads into a second model",
    run: (tf) => {
      const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'fc', kernelInitializer: 'ones' })] });
      const m1 = build();
      const m2 = build();
      m1.layers[0].setWeights([tf.tensor2d([[1, 2], [3, 4], [5, 6]]), tf.tensor1d([0.5, -1])]);
      const map: Record<string, ReturnType<typeof tf.ones>> = {};
      for (const w of m1.weights) map[w.originalName] = w.read();
      m2.loadWeights(map);
      return [m2.weights.map((w) => w.originalName), m2.predict(tf.ones([1, 3]))];
    },
  },
  {
    name: 'getLayer(index) with the index as the only argument',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 's1' }), tf.layers.dense({ units: 1, name: 's2' })] });
      return [m.getLayer(0).name, m.getLayer(1).name, m.getLayer('s1', 1).name];
    },
  },
];
