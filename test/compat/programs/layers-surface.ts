import type { io, LayersModel } from '../../../src/index';
import type { Program, TF } from '../harness';

// tfjs-layers surface that programs call beside the layers themselves: the short pooling names, Sequential.pop,
// the user's metadata saved with a model.

function fixWeights(tf: TF, model: LayersModel): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.3 * Math.sin(1 + k++)), w.shape)));
}

// Where TF.js's message is the one users see (pop, metadata), the message is compared too.
const attempt = (f: () => unknown): string => {
  try { f(); return 'ok'; } catch (e) { return `${(e as Error).constructor.name}: ${(e as Error).message}`; }
};
const throws = (f: () => unknown): boolean => {
  try { f(); return false; } catch { return true; }
};

async function saveToMemory(tf: TF, model: LayersModel): Promise<io.ModelArtifacts> {
  let saved: io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return saved as unknown as io.ModelArtifacts;
}

export const layersSurface: Program[] = [
  {
    name: 'the short pooling names (maxPool1d/2d, avgPool1d/2d, avgPooling1d/2d, globalMaxPool1d/2d) are the same layers',
    run: (tf) => {
      const x1 = tf.tensor3d([[[1, -2], [3, 0], [-1, 5], [2, 2]]]);
      const x2 = tf.tensor4d([[[[1], [2], [0]], [[-3], [4], [1]], [[2], [0], [5]]]]);
      const l = tf.layers;
      const seq = [l.maxPool1d({ poolSize: 2 }), l.avgPool1d({ poolSize: 2 }), l.avgPooling1d({ poolSize: 3, strides: 1 }), l.globalMaxPool1d({})];
      const img = [l.maxPool2d({ poolSize: 2, strides: 1 }), l.avgPool2d({ poolSize: 2, padding: 'same' }), l.avgPooling2d({ poolSize: [2, 1] }), l.globalMaxPool2d({})];
      return [
        ...seq.map((layer) => [layer.getClassName(), layer.apply(x1)]),
        ...img.map((layer) => [layer.getClassName(), layer.apply(x2)]),
      ];
    },
  },
  {
    name: 'a short pooling name in a sequential model: summary shapes and a saved class name',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 2, inputShape: [5, 5, 1], name: 'c' }),
        tf.layers.maxPool2d({ poolSize: 2, name: 'p' }),
        tf.layers.flatten({ name: 'f' }),
      ] });
      fixWeights(tf, model);
      const artifacts = await saveToMemory(tf, model);
      const topo = artifacts.modelTopology as { config: { layers: { class_name: string }[] } };
      return [model.outputShape, topo.config.layers.map((x) => x.class_name), model.predict(tf.ones([1, 5, 5, 1]))];
    },
  },
  {
    name: 'pop() removes the last layer; a new head goes on the trained stack and compiles',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu', name: 'base' }),
        tf.layers.dense({ units: 2, activation: 'softmax', name: 'old_head' }),
      ] });
      fixWeights(tf, model);
      model.pop();
      const afterPop = [model.layers.map((x) => x.name), model.outputs.map((o) => o.shape), model.outputShape];
      model.add(tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'new_head' }));
      model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const x = tf.tensor2d([[1, 2, 3], [0, -1, 2]]);
      const h = await model.fit(x, tf.tensor2d([[1], [0]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return [afterPop, model.layers.map((x) => x.name), h.history.loss, model.predict(x), model.countParams()];
    },
  },
  {
    name: 'pop() down to nothing throws a TypeError; the next add needs an input shape again',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'only' })] });
      model.pop();
      const empty = [model.layers.length, attempt(() => model.pop())];
      const noShape = throws(() => model.add(tf.layers.dense({ units: 1, name: 'lazy' })));
      model.add(tf.layers.dense({ units: 1, inputShape: [5], kernelInitializer: 'ones', name: 'fresh' }));
      return [empty, noShape, model.predict(tf.ones([2, 5])), attempt(() => tf.sequential().pop())];
    },
  },
  {
    name: 'pop() after an inputLayer leaves the input layer; predicting passes the input through',
    run: (tf) => {
      const model = tf.sequential();
      model.add(tf.layers.inputLayer({ inputShape: [3], name: 'feed' }));
      model.add(tf.layers.dense({ units: 2, name: 'd' }));
      model.pop();
      return [model.layers.map((x) => x.name), model.predict(tf.tensor2d([[1, 2, 3]]))];
    },
  },
  {
    name: 'setUserDefinedMetadata is saved as userDefinedMetadata and comes back with the loaded model',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'm' })] });
      const before = model.getUserDefinedMetadata();
      model.setUserDefinedMetadata({ labels: ['cat', 'dog'], threshold: 0.5, nested: { ok: true, none: null } });
      const artifacts = await saveToMemory(tf, model);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      return [before ?? 'none', artifacts.userDefinedMetadata ?? 'none', loaded.getUserDefinedMetadata() ?? 'none'];
    },
  },
  {
    name: 'setUserDefinedMetadata refuses what is not a plain JSON object',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'm2' })] });
      const values: unknown[] = [[1, 2], 'text', 3, null, new Map(), { when: new Date(0) }, { f: () => 1 }, { a: undefined }, { a: [1, { b: 'c' }] }];
      return values.map((v) => attempt(() => model.setUserDefinedMetadata(v as object)));
    },
  },
];
