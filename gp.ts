import * as tfjs from '@tensorflow/tfjs';
import * as tn from './src/index';
for (const tf of [tfjs, tn] as any[]) {
  const emb = tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 3 });
  const model = tf.sequential({ layers: [emb, tf.layers.flatten(), tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
  console.log(JSON.stringify(emb.getConfig(), (k, v) => v === undefined ? '<u>' : v));
}
