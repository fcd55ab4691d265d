import type { Program, TF } from '../harness';

// Cases from tfjs-layers' own spec files (merge_test, embeddings_test, category_encoding_test, …) and the programs
// around them, where tessera once differed from TF.js 4.22.

export const s18SpecLayers: Program[] = [
  {
    name: 'an elementwise merge expands a lower-rank input after its batch dim, so each sample keeps its own row',
    run: (tf: TF) => {
      const rows = tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
      const x = tf.input({ shape: [3, 4] });
      const v = tf.input({ shape: [4] });
      const m = tf.model({ inputs: [x, v], outputs: tf.layers.add().apply([x, v]) as never });
      return [
        tf.layers.add().apply([tf.zeros([3, 3, 4]), rows]),
        tf.layers.add().apply([tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), tf.tensor2d([[10], [20]])]),
        tf.layers.multiply().apply([tf.ones([2, 3, 4]), tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8]])]),
        tf.layers.maximum().apply([tf.zeros([3, 3, 4]), rows, tf.zeros([3, 1, 3, 4])]),
        m.predict([tf.zeros([3, 3, 4]), rows]),
      ];
    },
  },
];
