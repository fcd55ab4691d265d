import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// TF.js's layers hold their activations as objects (tf.layers.dense(...).activation.apply(x)); so do tessera's.
describe("a layer's activation is an object that applies it and names its class, as TF.js's", () => {
  it('dense, conv2d and activation layers: apply gives the activation, getClassName its TF.js name', () => {
    const x = tn.tensor1d([-2, -0.5, 0, 1.5]);
    const dense = tn.layers.dense({ units: 2, activation: 'relu' });
    expect(dense.activation.getClassName()).toBe('relu');
    expect(Array.from(dense.activation.apply(x).dataSync())).toEqual([0, 0, 0, 1.5]);
    expect(tn.layers.dense({ units: 2 }).activation.getClassName()).toBe('linear');
    const conv = tn.layers.conv2d({ filters: 1, kernelSize: 1, activation: 'hard_sigmoid' as 'hardSigmoid' });
    expect(conv.activation.getClassName()).toBe('hardSigmoid');
    expect(Array.from(conv.activation.apply(x).dataSync())).toEqual([0.09999999403953552, 0.4000000059604645, 0.5, 0.800000011920929]);
    const act = tn.layers.activation({ activation: 'softmax' });
    expect(act.activation.getClassName()).toBe('softmax');
    expect(Array.from(act.activation.apply(tn.tensor1d([0, 0])).dataSync())).toEqual([0.5, 0.5]);
    // The config names it as before, as TF.js's does.
    expect(conv.getConfig().activation).toBe('hardSigmoid');
  });

  it("recurrent cells' activation and recurrentActivation, defaults included", () => {
    const cell = tn.layers.lstmCell({ units: 2 });
    expect([cell.activation.getClassName(), cell.recurrentActivation.getClassName()]).toEqual(['tanh', 'hardSigmoid']);
    expect(Array.from(cell.activation.apply(tn.tensor1d([0, 100])).dataSync())).toEqual([0, 1]);
    const gru = tn.layers.gruCell({ units: 2, recurrentActivation: 'sigmoid' });
    expect(gru.recurrentActivation.getClassName()).toBe('sigmoid');
    expect(tn.layers.simpleRNNCell({ units: 2, activation: 'elu' }).activation.getClassName()).toBe('elu');
  });

  it("a registered class keeps its own object, as TF.js's getActivation returns it", () => {
    class Cube {
      static className = 'CubeForObjectTest';
      apply(x: tn.Tensor): tn.Tensor {
        return tn.pow(x, 3);
      }
      getClassName(): string {
        return 'CubeForObjectTest';
      }
    }
    tn.serialization.registerClass(Cube as unknown as tn.serialization.SerializableConstructor<tn.serialization.Serializable>);
    const layer = tn.layers.dense({ units: 1, activation: 'CubeForObjectTest' as 'relu' });
    expect(layer.activation).toBeInstanceOf(Cube);
    expect(Array.from(layer.activation.apply(tn.tensor1d([2])).dataSync())).toEqual([8]);
  });
});
