import type { io, LayerArgs, LayersModel, LayerVariable, Shape, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Files passed between TF.js and tessera as users pass them: a loaded model saved again, a topology alone read back,
// weights found by their names, weights fetched over http, a Keras training config, and what model.json holds.

async function artifactsOf(tf: TF, model: LayersModel): Promise<io.ModelArtifacts> {
  let saved: io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return saved as unknown as io.ModelArtifacts;
}

function fixWeights(tf: TF, model: LayersModel): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.3 * Math.sin(1 + k++)), w.shape)));
}

const specNames = (a: io.ModelArtifacts) => (a.weightSpecs ?? []).map((s) => s.name);
type Entry = { class_name: string; config: Record<string, unknown> };
const layerEntries = (a: io.ModelArtifacts) => (a.modelTopology as { config: { layers: Entry[] } }).config.layers;

/** Whatever `load` throws, as the words that name the problem (each library prefixes its own). */
async function failure(load: () => Promise<unknown>, words: string): Promise<string> {
  try {
    await load();
    return 'loaded';
  } catch (e) {
    return (e as Error).message.includes(words) ? words : (e as Error).message;
  }
}

/** A layer of the user's with one weight (ones), registered under a name no other program uses. */
function ioScaleClass(tf: TF) {
  class IoScale extends tf.layers.Layer {
    static className = 'IoScale';
    w: LayerVariable | null = null;

    constructor(config: LayerArgs = {}) {
      super(config);
    }

    override build(inputShape: Shape | Shape[]): void {
      const s = inputShape as Shape;
      this.w = this.addWeight('w', [s[s.length - 1] as number], 'float32', tf.initializers.ones());
      this.built = true;
    }

    override call(x: Tensor | Tensor[]): Tensor {
      return (Array.isArray(x) ? x[0] : x).mul((this.w as LayerVariable).read());
    }
  }
  tf.serialization.registerClass(IoScale);
  return IoScale;
}

export const ioInterop: Program[] = [
  {
    name: 'a timeDistributed first layer: a loaded model saves again under the wrapper\'s weight names, and the file loads',
    run: async (tf) => {
      const out: unknown[] = [];
      const makers = [
        () => tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, name: 'td_inner' }), inputShape: [4, 2], name: 'td_dense' }),
        () => tf.layers.timeDistributed({ layer: tf.layers.conv2d({ filters: 2, kernelSize: 2, name: 'td_conv_inner' }), inputShape: [2, 3, 3, 1], name: 'td_conv' }),
      ];
      for (const make of makers) {
        const model = tf.sequential({ layers: [make()] });
        fixWeights(tf, model);
        const loaded = await tf.loadLayersModel(tf.io.fromMemory(await artifactsOf(tf, model)));
        const again = await artifactsOf(tf, loaded);
        const inner = (layerEntries(again)[0].config.layer as Entry).config;
        const third = await tf.loadLayersModel(tf.io.fromMemory(again));
        const x = tf.ones([1, ...(model.inputs[0].shape.slice(1) as number[])]);
        out.push(specNames(again), 'batch_input_shape' in inner, loaded.weights.map((w) => w.name.replace(/_\d+$/, '')), third.predict(x), model.predict(x));
      }
      return out;
    },
  },
  {
    name: 'models.modelFromJSON and fromMemory({modelTopology}) of a Sequential holding a registered layer with weights',
    run: async (tf) => {
      const IoScale = ioScaleClass(tf);
      const after = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [3], name: 'io_d' }), new IoScale({ name: 'io_s' })] });
      fixWeights(tf, after);
      const first = tf.sequential({ layers: [new IoScale({ inputShape: [2], name: 'io_s_first' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'io_d2' })] });
      const fromJson = await tf.models.modelFromJSON(after.toJSON(null, false) as object);
      const fromTopology = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: after.toJSON(null, false) as object }));
      const firstJson = await tf.models.modelFromJSON(first.toJSON(null, false) as object);
      fromJson.setWeights(after.getWeights());
      const x = tf.tensor2d([[1, 2, 3]]);
      return [fromJson.weights.map((w) => w.shape), fromTopology.weights.map((w) => w.shape), fromJson.predict(x), after.predict(x),
        fromTopology.getWeights()[2], firstJson.predict(tf.tensor2d([[1, 2]]))];
    },
  },
  {
    name: 'weights are found by name: one that names no weight of the model is refused, even where shapes would fit',
    run: async (tf) => {
      const make = (names: string[]) => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [3], name: names[0] }), tf.layers.dense({ units: 3, name: names[1] })] });
        fixWeights(tf, m);
        return m;
      };
      const bc = await artifactsOf(tf, make(['b', 'c']));
      const ab = await artifactsOf(tf, make(['a', 'b']));
      const xy = await artifactsOf(tf, make(['x', 'y']));
      return [
        await failure(() => tf.loadLayersModel(tf.io.fromMemory({ ...bc, modelTopology: ab.modelTopology })), 'Provided weight data has no target variable: c/kernel'),
        await failure(() => tf.loadLayersModel(tf.io.fromMemory({ ...xy, modelTopology: ab.modelTopology })), 'Provided weight data has no target variable: x/kernel'),
      ];
    },
  },
  {
    name: 'weights named as Keras 3 (layer/vars/index) and TF 2.2+ (layer/cell/name) write them load by layer',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'k1' }), tf.layers.dense({ units: 1, name: 'k2' })] });
      fixWeights(tf, model);
      const a = await artifactsOf(tf, model);
      const renamed = (names: string[]) => ({ ...a, weightSpecs: (a.weightSpecs ?? []).map((s, i) => ({ ...s, name: names[i] })) });
      const x = tf.tensor2d([[1, -2, 0.5]]);
      const v3 = await tf.loadLayersModel(tf.io.fromMemory(renamed(['k1/vars/0', 'k1/vars/1', 'k2/vars/0', 'k2/vars/1'])));
      const cells = await tf.loadLayersModel(tf.io.fromMemory(renamed(['k1/cell/kernel', 'k1/cell/bias', 'k2/kernel', 'k2/bias'])));
      return [model.predict(x), v3.predict(x), cells.predict(x)];
    },
  },
  {
    name: 'loadLayersModel over http with onProgress: each weight file\'s response, then its body, as a step',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], name: 'hp' })] });
      const a = await artifactsOf(tf, model);
      const data = a.weightData as ArrayBuffer;
      const files: Record<string, string | ArrayBuffer> = {
        'model.json': JSON.stringify({ modelTopology: a.modelTopology, weightsManifest: [{ paths: ['k.bin', 'b.bin'], weights: a.weightSpecs }] }),
        'k.bin': data.slice(0, 4),
        'b.bin': data.slice(4),
      };
      const fetchFunc = async (url: string) => new Response(files[url.split('/').pop() as string]);
      const progress: number[] = [];
      await tf.loadLayersModel('http://models.example/m/model.json', { fetchFunc, onProgress: (f: number) => progress.push(f) });
      return progress;
    },
  },
  {
    name: 'a training config with the metric objects Keras 2.13+ writes: the model loads, predicts and keeps its optimizer',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax', name: 'km' })] });
      fixWeights(tf, model);
      const a = await artifactsOf(tf, model);
      const accuracy = { module: 'keras.metrics', class_name: 'MeanMetricWrapper', config: { name: 'accuracy', dtype: 'float32', fn: 'categorical_accuracy' }, registered_name: null };
      const optimizer = { module: 'keras.optimizers', class_name: 'Adam', config: { name: 'Adam', learning_rate: 0.01, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false }, registered_name: null };
      const out: unknown[] = [];
      for (const metrics of [[[accuracy]], { km: [accuracy] }]) {
        const trainingConfig = { loss: 'categorical_crossentropy', metrics, weighted_metrics: null, loss_weights: null, optimizer_config: optimizer } as unknown as io.TrainingConfig;
        const loaded = await tf.loadLayersModel(tf.io.fromMemory({ ...a, trainingConfig }));
        out.push(loaded.predict(tf.tensor2d([[1, 2, 3]])), loaded.optimizer.getClassName());
      }
      return out;
    },
  },
  {
    name: 'model.json as TF.js writes it: keras_version and backend, initializers as VarianceScaling, settings as given, no keys TF.js leaves out',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 4, inputShape: [2, 3], kernelInitializer: 'glorotUniform', name: 'w_first' }),
        tf.layers.flatten({ name: 'w_flat' }),
        tf.layers.alphaDropout({ rate: 0.1, name: 'w_alpha' }),
        tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.heNormal({ seed: 3 }), name: 'w_he' }),
      ] });
      const saved = await artifactsOf(tf, model);
      const topology = saved.modelTopology as Record<string, unknown>;
      // A Keras file listing an InputLayer of a fixed batch: saved again, its first layer states no shape of its own.
      const listed = { class_name: 'Sequential', config: { name: 'listed', layers: [
        { class_name: 'InputLayer', config: { batch_input_shape: [2, 3], dtype: 'float32', sparse: false, name: 'fixed_in' } },
        { class_name: 'Dense', config: { units: 1, name: 'after_fixed', kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } } } },
      ] } };
      const loaded = await tf.models.modelFromJSON(listed);
      const a = tf.input({ shape: [3], name: 'dot_a' });
      const b = tf.input({ shape: [3], name: 'dot_b' });
      const dotted = tf.model({ inputs: [a, b], outputs: tf.layers.dot({ axes: 1, name: 'w_dot' }).apply([a, b]) as SymbolicTensor });
      return [topology.keras_version, topology.backend, ...layerEntries(saved), ...layerEntries(await artifactsOf(tf, loaded)), layerEntries(await artifactsOf(tf, dotted))[2].config];
    },
  },
];
