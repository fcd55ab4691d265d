import type { LayersModel, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';
import { saveToMemory } from './layers-surface';

// Programs giving built-in layers an int32 or bool dtype, and returning tensors from tidy in a Map, where tessera once
// differed from TF.js 4.22.

async function roundTrip(tf: TF, model: LayersModel): Promise<{ model: LayersModel; specs: string[] }> {
  const artifacts = await saveToMemory(tf, model);
  return { model: await tf.loadLayersModel(tf.io.fromMemory(artifacts)), specs: (artifacts.weightSpecs ?? []).map((s) => s.dtype) };
}

export const dtypes: Program[] = [
  {
    name: 'a first dense layer with dtype int32 (or bool) takes that input and keeps float32 weights, through save and load',
    run: async (tf: TF) => {
      const results: unknown[] = [];
      for (const dtype of ['int32', 'bool'] as const) {
        const model = tf.sequential({ layers: [
          tf.layers.dense({ units: 2, inputShape: [2], dtype, kernelInitializer: 'ones', biasInitializer: 'ones' }),
          tf.layers.dense({ units: 1, kernelInitializer: 'ones' }),
        ] });
        const x = tf.tensor2d([[1, 2], [0, 3]], [2, 2], 'int32');
        const loaded = await roundTrip(tf, model);
        results.push({
          input: model.inputs[0].dtype, config: model.layers[0].getConfig().dtype, weights: model.getWeights().map((w) => w.dtype),
          predicted: model.predict(x) as Tensor, fromFloats: model.predict(tf.tensor2d([[0.5, 2]])) as Tensor,
          specs: loaded.specs, loadedInput: loaded.model.inputs[0].dtype, loadedPredicted: loaded.model.predict(x) as Tensor,
        });
      }
      // An embedding so made takes int32 ids (TF.js's table is then int32 too; tessera's stays float32, see README).
      const ids = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 4, outputDim: 2, inputShape: [2], dtype: 'int32', embeddingsInitializer: 'ones' })] });
      const looked = ids.predict(tf.tensor2d([[1, 3]])) as Tensor;
      return { results, ids: [ids.inputs[0].dtype, looked.shape, looked.arraySync()] };
    },
  },
  {
    name: 'built-in layers given dtype int32 without an input shape compute in float32 as without it',
    run: (tf: TF) => {
      const x = tf.tensor2d([[1, 2]], [1, 2], 'int32');
      const dense = tf.layers.dense({ units: 2, dtype: 'int32', kernelInitializer: 'ones' });
      const embedding = tf.layers.embedding({ inputDim: 4, outputDim: 2, dtype: 'int32', embeddingsInitializer: 'ones' });
      const rescaling = tf.layers.rescaling({ scale: 2, dtype: 'int32' });
      const concat = tf.layers.concatenate({ dtype: 'int32' });
      const input = tf.input({ shape: [2], dtype: 'int32' });
      const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1, dtype: 'bool', kernelInitializer: 'ones' }).apply(input) as never });
      return {
        dense: dense.apply(x) as Tensor, embedding: embedding.apply(x) as Tensor, rescaling: rescaling.apply(x) as Tensor,
        concat: concat.apply([tf.tensor2d([[1.5]]), tf.tensor2d([[2]])]) as Tensor,
        weights: [...dense.getWeights(), ...embedding.getWeights()].map((w) => w.dtype),
        configs: [dense, embedding, rescaling, concat].map((l) => l.getConfig().dtype ?? null),
        predicted: model.predict(x) as Tensor,
      };
    },
  },
  {
    name: 'tidy frees the tensors of a Map it returns, at the top or nested in an object or array, as it does not look inside Maps',
    run: (tf: TF) => {
      // TF.js's typings take no Map in a TensorContainer; a JavaScript program returns one all the same.
      const tidy = <T>(f: () => T): T => tf.tidy(f as unknown as () => Tensor) as unknown as T;
      const before = tf.memory().numTensors;
      const map = tidy(() => new Map([['a', tf.ones([2])]]));
      const afterMap = tf.memory().numTensors - before;
      const nested = tidy(() => ({ m: new Map([['a', tf.ones([2])]]), x: tf.ones([2]), list: [new Map([['b', tf.zeros([1])]])] }));
      return {
        afterMap, disposed: [map.get('a')?.isDisposed, nested.m.get('a')?.isDisposed, nested.list[0].get('b')?.isDisposed, nested.x.isDisposed],
        afterNested: tf.memory().numTensors - before, x: nested.x,
      };
    },
  },
];
