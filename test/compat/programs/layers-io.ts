import type { io, LayersModel, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Saving and loading tfjs-layers models in memory as users do it: tf.io.withSaveHandler to catch the artifacts,
// tf.io.fromMemory and tf.loadLayersModel to read them back, and what the artifacts hold.

function fixWeights(tf: TF, model: LayersModel): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.2 * Math.cos(3 + k++)), w.shape)));
}

async function roundTrip(tf: TF, model: LayersModel, config?: { includeOptimizer?: boolean; trainableOnly?: boolean }) {
  let saved: io.ModelArtifacts | null = null;
  const result = await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }), config);
  const artifacts = saved as unknown as io.ModelArtifacts;
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  return { artifacts, loaded, result };
}

const specs = (a: io.ModelArtifacts) => (a.weightSpecs ?? []).map((s) => [s.name, s.shape, s.dtype]);

export const layersIo: Program[] = [
  {
    name: 'sequential model saved with withSaveHandler and loaded with fromMemory predicts the same',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 5, inputShape: [4], activation: 'relu', name: 'h1' }),
        tf.layers.dropout({ rate: 0.3, name: 'dr' }),
        tf.layers.dense({ units: 3, activation: 'softmax', name: 'out' }),
      ] });
      fixWeights(tf, model);
      const x = tf.tensor2d([[1, 2, 3, 4], [0.5, -1, 0, 2]]);
      const { artifacts, loaded } = await roundTrip(tf, model);
      const topo = artifacts.modelTopology as { class_name: string; config: { name: string; layers: { class_name: string; config: { name: string } }[] } };
      return {
        before: model.predict(x), after: loaded.predict(x), specs: specs(artifacts), bytes: (artifacts.weightData as ArrayBuffer).byteLength, format: artifacts.format,
        topo: [topo.class_name, topo.config.layers.map((l) => [l.class_name, l.config.name])], layers: loaded.layers.map((l) => [l.name, l.getClassName()]),
        weights: loaded.getWeights(), name: loaded.name, out: loaded.outputShape,
      };
    },
  },
  {
    name: 'functional model with two inputs round-trips; names and shapes kept',
    run: async (tf) => {
      const a = tf.input({ shape: [3], name: 'in_a' });
      const b = tf.input({ shape: [2], name: 'in_b' });
      const ha = tf.layers.dense({ units: 4, activation: 'tanh', name: 'ha' }).apply(a) as SymbolicTensor;
      const cat = tf.layers.concatenate({ name: 'cat' }).apply([ha, b]) as SymbolicTensor;
      const out = tf.layers.dense({ units: 2, name: 'o' }).apply(cat) as SymbolicTensor;
      const model = tf.model({ inputs: [a, b], outputs: out, name: 'fn_model' });
      fixWeights(tf, model);
      const xs = [tf.tensor2d([[1, 0, -1], [0.2, 0.3, 0.4]]), tf.tensor2d([[1, 2], [3, 4]])];
      const { artifacts, loaded } = await roundTrip(tf, model);
      return {
        before: model.predict(xs), after: loaded.predict(xs), specs: specs(artifacts), names: [loaded.name, loaded.inputNames, loaded.outputNames],
        inputs: loaded.inputs.map((i) => i.shape), layers: loaded.layers.map((l) => l.name),
      };
    },
  },
  {
    name: 'conv, batchNormalization and lstm weights after a round trip',
    run: async (tf) => {
      const conv = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 2, inputShape: [4, 4, 1], name: 'cv' }), tf.layers.batchNormalization({ name: 'bn' }),
        tf.layers.flatten({ name: 'fl' }), tf.layers.dense({ units: 1, name: 'dn' }),
      ] });
      fixWeights(tf, conv);
      const rnn = tf.sequential({ layers: [tf.layers.lstm({ units: 2, inputShape: [3, 2], name: 'ls' }), tf.layers.dense({ units: 1, name: 'rd' })] });
      fixWeights(tf, rnn);
      const c = await roundTrip(tf, conv);
      const r = await roundTrip(tf, rnn);
      const x = tf.tensor4d(Array.from({ length: 16 }, (_, i) => i / 16), [1, 4, 4, 1]);
      const s = tf.tensor3d([[[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]]);
      return [specs(c.artifacts), specs(r.artifacts), conv.predict(x), c.loaded.predict(x), rnn.predict(s), r.loaded.predict(s), c.loaded.getWeights(), r.loaded.getWeights()];
    },
  },
  {
    name: 'automatically named layers keep their names through a round trip',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] }), tf.layers.dense({ units: 1 })] });
      const names = model.layers.map((l) => l.name);
      const { artifacts, loaded } = await roundTrip(tf, model);
      const same = loaded.layers.map((l, i) => l.name === names[i]);
      const weightNamesMatch = (artifacts.weightSpecs ?? []).map((w, i) => w.name === model.weights[i].name);
      return [same, weightNamesMatch, loaded.layers.length];
    },
  },
  {
    name: 'save with includeOptimizer after training; the loaded model keeps its compile settings',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax', name: 'sm' })] });
      fixWeights(tf, model);
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const x = tf.tensor2d([[1, 2, 3], [3, 2, 1], [0, 1, 0]]);
      const y = tf.tensor2d([[1, 0], [0, 1], [1, 0]]);
      await model.fit(x, y, { epochs: 2, verbose: 0 });
      const { artifacts, loaded } = await roundTrip(tf, model, { includeOptimizer: true });
      const tc = artifacts.trainingConfig as unknown as { loss: unknown; metrics: unknown; optimizer_config: { class_name: string; config: Record<string, unknown> } };
      const h = await loaded.fit(x, y, { epochs: 1, verbose: 0 });
      return { loss: tc.loss, metrics: tc.metrics, opt: tc.optimizer_config.class_name, lr: tc.optimizer_config.config.learningRate ?? tc.optimizer_config.config.learning_rate, keys: Object.keys(h.history).sort(), groups: (artifacts.weightSpecs ?? []).map((s) => s.group ?? 'model') };
    },
  },
  {
    name: 'loading refuses artifacts without a topology; fromMemory with topology, specs and data',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'only', kernelInitializer: 'ones' })] });
      const { artifacts } = await roundTrip(tf, model);
      let noTopology: string;
      try { await tf.loadLayersModel(tf.io.fromMemory({ weightSpecs: artifacts.weightSpecs, weightData: artifacts.weightData } as io.ModelArtifacts)); noTopology = 'loaded'; } catch { noTopology = 'threw'; }
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts.modelTopology as object, artifacts.weightSpecs, artifacts.weightData));
      return [noTopology, loaded.predict(tf.tensor2d([[1, 2]])) as Tensor];
    },
  },
  {
    name: 'a topology without weights (as artifacts, alone, a functional one) loads with fresh initial weights',
    run: async (tf) => {
      const seq = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'fresh', kernelInitializer: 'ones', biasInitializer: tf.initializers.constant({ value: 0.5 }) })] });
      const x = tf.input({ shape: [2], name: 'fx' });
      const fn = tf.model({ inputs: x, outputs: tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'fd' }).apply(x) as SymbolicTensor });
      const fromArtifacts = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: seq.toJSON(null, false) as object }));
      const alone = await tf.loadLayersModel(tf.io.fromMemory(seq.toJSON(null, false) as object));
      const functional = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: fn.toJSON(null, false) as object }));
      const input = tf.tensor2d([[1, 2, 3]]);
      return [fromArtifacts.predict(input), fromArtifacts.weights.map((w) => w.shape), alone.predict(input), functional.predict(tf.tensor2d([[1, 2]]))];
    },
  },

  {
    name: 'a sequential model with an inputLayer first, and one of int32 ids into an embedding, round-trip',
    run: async (tf) => {
      const a = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [2], name: 'feed_in' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'after' })] });
      const b = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3], dtype: 'int32', name: 'ids_in' }), tf.layers.embedding({ inputDim: 4, outputDim: 2, name: 'emb_l' }), tf.layers.flatten({ name: 'fl_l' })] });
      fixWeights(tf, b);
      const ra = await roundTrip(tf, a);
      const rb = await roundTrip(tf, b);
      const ids = tf.tensor2d([[0, 3, 1]], [1, 3], 'int32');
      const topo = (x: io.ModelArtifacts) => (x.modelTopology as { config: { layers: { class_name: string }[] } }).config.layers.map((l) => l.class_name);
      return [a.layers.map((l) => l.name), ra.loaded.layers.map((l) => l.name), topo(ra.artifacts), b.layers.map((l) => l.name), rb.loaded.layers.map((l) => l.name), topo(rb.artifacts),
        rb.loaded.predict(ids), ra.loaded.predict(tf.tensor2d([[1, 2]])), rb.loaded.inputs[0].dtype];
    },
  },
];
