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
