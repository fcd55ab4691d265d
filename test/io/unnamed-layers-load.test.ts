import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

type Lib = typeof tn;

// A topology written by hand may leave the layers' names out; TF.js's loader lets each constructor name its layer.
const topology = () => ({ class_name: 'Sequential', config: { layers: [
  { class_name: 'Dense', config: { units: 4, activation: 'relu', input_shape: [3] } },
  { class_name: 'Dense', config: { units: 2 } },
  { class_name: 'BatchNormalization', config: {} },
] } });

async function load(lib: Lib): Promise<unknown[]> {
  const fromJson = await lib.models.modelFromJSON(topology() as never);
  const loaded = await lib.loadLayersModel(lib.io.fromMemory({ modelTopology: topology() }));
  return [fromJson, loaded].map((m) => [m.layers.map((l) => l.name.replace(/\d+$/, '#')), m.inputs[0].shape, m.outputs[0].shape]);
}

describe('layers saved without names load, named by their constructors, as TF.js names them', () => {
  it('modelFromJSON and loadLayersModel of a hand-written Sequential topology', async () => {
    const theirs = await load(tf as unknown as Lib);
    const ours = await load(tn);
    expect(ours).toEqual(theirs);
    expect(ours[0]).toEqual([['dense_Dense#', 'dense_Dense#', 'batch_normalization_BatchNormalization#'], [null, 3], [null, 2]]);
  });
});

describe('older and newer Keras files TF.js loads', () => {
  it("Keras 2.0's nested Sequential written as its list of layers, and an InputLayer's optional: false", async () => {
    const dense = (name: string, units: number, extra: object = {}) => ({ class_name: 'Dense', config: { name, units, activation: 'relu', kernel_initializer: { class_name: 'Ones', config: {} }, ...extra } });
    const nested = { class_name: 'Sequential', keras_version: '2.0.6', config: [{ class_name: 'Sequential', config: [dense('d1', 3, { batch_input_shape: [null, 4] }), dense('d2', 2)] }] };
    const optional = { class_name: 'Functional', config: { name: 'f', layers: [
      { class_name: 'InputLayer', name: 'x', config: { batch_input_shape: [null, 2], dtype: 'float32', sparse: false, ragged: false, name: 'x', optional: false }, inbound_nodes: [] },
      { ...dense('d', 2), name: 'd', inbound_nodes: [[['x', 0, 0, {}]]] },
    ], input_layers: [['x', 0, 0]], output_layers: [['d', 0, 0]] } };
    const run = async (lib: Lib) => {
      const a = await lib.models.modelFromJSON(JSON.parse(JSON.stringify(nested)));
      const b = await lib.models.modelFromJSON(JSON.parse(JSON.stringify(optional)));
      return [a.layers.length, a.outputs[0].shape, (a.predict(lib.ones([1, 4])) as tn.Tensor).arraySync(), (b.predict(lib.tensor([[1, 2]])) as tn.Tensor).arraySync()];
    };
    const [theirs, ours] = [await run(tf as unknown as Lib), await run(tn)];
    expect(ours).toEqual(theirs);
    expect(ours).toEqual([1, [null, 2], [[12, 12]], [[3, 3]]]);
  });
});
