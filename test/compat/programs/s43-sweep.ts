import type { Program } from '../harness';
import { saveToMemory } from './layers-surface';

// Programs from this round's runs of real npm packages' models: nsfwjs tells a layers model from a graph model by
// hasOwnProperty('layers'), and builds an endpoint model from model.inputs and a layer's output.

export const s43Sweep: Program[] = [
  {
    name: "a model's layers, inputs, outputs and their layers and names are its own properties, as TF.js's container fields",
    run: (tf) => {
      const fields = ['layers', 'inputs', 'outputs', 'inputLayers', 'outputLayers', 'inputNames', 'outputNames'];
      const seq = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], name: 'hidden' }), tf.layers.dense({ units: 1, name: 'out' })] });
      const input = tf.input({ shape: [2], name: 'x' });
      const functional = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1, name: 'y' }).apply(input) as ReturnType<typeof tf.input> });
      const own = (m: object): boolean[] => fields.map((f) => Object.prototype.hasOwnProperty.call(m, f));
      return {
        sequential: own(seq),
        functional: own(functional),
        empty: own(tf.sequential()),
        names: [seq.layers.map((l) => l.name), functional.inputNames, functional.outputNames, functional.outputLayers.map((l) => l.name)],
      };
    },
  },
  {
    name: "nsfwjs's endpoint: a model from a loaded layers model's inputs to one layer's output, when it has own layers",
    run: async (tf) => {
      const seq = tf.sequential({ layers: [
        tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'ones', activation: 'relu', name: 'hidden' }),
        tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'out' }),
      ] });
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, seq)));
      if (!Object.prototype.hasOwnProperty.call(loaded, 'layers')) return 'no own layers';
      const endpoint = tf.model({ inputs: loaded.inputs, outputs: loaded.getLayer('hidden').output as ReturnType<typeof tf.input> });
      return endpoint.predict(tf.tensor2d([[1, 2]]));
    },
  },
  {
    name: 'the async non-max suppressions given plain arrays leave no tensors behind (human\'s nanodet)',
    run: async (tf) => {
      const boxes = [[0, 0, 0.5, 0.5], [0.1, 0.1, 0.6, 0.6], [0.5, 0.5, 1, 1]];
      const scores = [0.9, 0.8, 0.7];
      const before = tf.memory().numTensors;
      const a = await tf.image.nonMaxSuppressionAsync(boxes, scores, 10, 0.4, 0.2);
      const b = await tf.image.nonMaxSuppressionWithScoreAsync(boxes, scores, 10, 0.4, 0.2, 0.5);
      const c = await tf.image.nonMaxSuppressionPaddedAsync(boxes, scores, 10, 0.4, 0.2, true);
      const values = [a.arraySync(), b.selectedIndices.arraySync(), b.selectedScores.arraySync(), c.selectedIndices.arraySync(), c.validOutputs.arraySync()];
      tf.dispose([a, b.selectedIndices, b.selectedScores, c.selectedIndices, c.validOutputs]);
      return { values, left: tf.memory().numTensors - before };
    },
  },
];
