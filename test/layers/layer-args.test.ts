import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

describe("TF.js's common layer arguments", () => {
  it('inputDim and initial weights, as TF.js takes them', () => {
    const kernel = [[1, 2], [3, 4], [5, 6]];
    const ours = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputDim: 3, weights: [tn.tensor(kernel), tn.tensor([0.5, -1])] })] });
    const theirs = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputDim: 3, weights: [tf.tensor(kernel), tf.tensor([0.5, -1])] })] });
    const x = [[1, -1, 2], [0, 3, 1]];
    expect(ours.predict(tn.tensor(x)).arraySync()).toEqual((theirs.predict(tf.tensor(x)) as tf.Tensor).arraySync());
  });

  it('initial weights that do not fit are refused when the layer is built, naming the layer and the weights it makes', () => {
    const d = tn.layers.dense({ units: 2, name: 'w_fit', weights: [tn.ones([3, 3])] });
    expect(() => d.apply(tn.ones([1, 3]))).toThrow('w_fit: weights must be 2 tensors (w_fit/kernel [3, 2], w_fit/bias [2]), got 1 tensors');
    expect(d.built).toBe(false);
    expect(() => tn.layers.dense({ units: 2, weights: 'ones' as never })).toThrow('layers.dense: weights must be an array of Tensors, got "ones"');
    expect(() => tn.layers.dense({ units: 2, inputDim: 0 })).toThrow(/layers.dense: inputDim must be a positive integer/);
  });

  it('conv2d takes dilationRate as a number or [h, w]: a dilated kernel spans (k - 1)·d + 1', () => {
    expect(tn.layers.conv2d({ filters: 1, kernelSize: 2, dilationRate: [1, 1], inputShape: [3, 3, 1] }).outputShape).toEqual([null, 2, 2, 1]);
    expect(tn.layers.conv2d({ filters: 1, kernelSize: 3, dilationRate: [2, 3], inputShape: [9, 8, 1] }).outputShape).toEqual([null, 5, 2, 1]);
    expect(tn.layers.conv2d({ filters: 1, kernelSize: 3, dilationRate: 4, padding: 'same', inputShape: [5, 5, 1] }).outputShape).toEqual([null, 5, 5, 1]);
    expect(() => tn.layers.conv2d({ filters: 1, kernelSize: 2, dilationRate: [2] as never })).toThrow('layers.conv2d: dilationRate must be a positive integer or a pair [h, w] of them, got an array of length 1 [2]');
  });

  it('flag options take booleans and numbers, read for their truthiness; a number stays in the config and the saved model', async () => {
    const layer = tn.layers.dense({ units: 2, inputShape: [2], useBias: 10 as never, kernelInitializer: 'ones' });
    const model = tn.sequential({ layers: [layer, tn.layers.dense({ units: 1, useBias: 0 as never, trainable: 0 as never })] });
    expect([model.countParams(), model.trainableWeights.length, layer.getConfig().useBias, model.layers[1].getConfig().trainable]).toEqual([8, 2, 10, 0]);
    let saved: tn.io.ModelArtifacts | null = null;
    await model.save(tn.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const layers = ((saved as unknown as { modelTopology: { config: { layers: { config: Record<string, unknown> }[] } } }).modelTopology.config.layers);
    expect([layers[0].config.use_bias, layers[1].config.use_bias, layers[1].config.trainable]).toEqual([10, 0, 0]);
    // A model TF.js saved so (its mnist example's useBias: 10) loads, the number read for its truthiness.
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(saved as unknown as tn.io.ModelArtifacts));
    expect([loaded.countParams(), loaded.trainableWeights.length]).toEqual([8, 2]);
  });

  it('flag options refuse strings, objects and other kinds, naming the option', () => {
    expect(() => tn.layers.dense({ units: 2, useBias: 'yes' as never })).toThrow('layers.dense: useBias must be a boolean, got string "yes"');
    expect(() => tn.layers.dense({ units: 2, trainable: 'no' as never })).toThrow('layers.dense: trainable must be a boolean, got string "no"');
    expect(() => tn.layers.lstm({ units: 2, returnSequences: {} as never })).toThrow('layers.lstm: returnSequences must be a boolean, got an object ([object Object])');
    expect(() => tn.layers.embedding({ inputDim: 4, outputDim: 2, maskZero: [] as never })).toThrow('layers.embedding: maskZero must be a boolean, got an array of length 0');
  });
});

describe('initializer configs', () => {
  it('an unknown or misspelled key is refused, naming it; a saved config\'s TF 1 dtype is read past; truncatedNormal refuses a negative stddev', () => {
    expect(() => tn.initializers.randomUniform({ minvl: 5, maxval: 6, seed: 1 } as never)).toThrow(/^initializers.randomUniform: config.minvl must be one of minval, maxval, seed, got an unknown option$/);
    expect(() => tn.initializers.glorotUniform({ sed: 1 } as never)).toThrow(/initializers.glorotUniform: config.sed must be one of seed/);
    expect(() => tn.initializers.constant({ value: 2, vale: 3 } as never)).toThrow(/initializers.constant: config.vale must be one of value/);
    expect(() => tn.initializers.truncatedNormal({ stddev: -1 })).toThrow(/^initializers.truncatedNormal: stddev must be a number >= 0, got -1$/);
    const saved = { className: 'RandomNormal', config: { mean: 0, stddev: 1, seed: 3, dtype: 'float32' } };
    const layer = tn.layers.dense({ units: 2, inputShape: [2], kernelInitializer: saved as never });
    expect(layer.getWeights()[0].arraySync()).toEqual(tn.initializers.randomNormal({ mean: 0, stddev: 1, seed: 3 }).apply([2, 2]).arraySync());
  });
});

describe('layer names, as TF.js takes them', () => {
  it('a layer or input name its tensors could not carry is refused, as TF.js refuses it once applied; a model\'s name is free', () => {
    for (const bad of ['a b', '_x', 'x:0', '-y', 'ünï']) {
      expect(() => tf.layers.dense({ units: 1, name: bad }).apply(tf.input({ shape: [2] }))).toThrow(/Not a valid tensor name/);
      expect(() => tn.layers.dense({ units: 1, name: bad })).toThrow(new RegExp(`layers.dense: name must be a name TF.js accepts for tensors: .*got "${bad}"`));
      expect(() => tn.input({ shape: [2], name: bad })).toThrow(/name must be a name TF.js accepts for tensors/);
    }
    for (const good of ['a', '0d', 'ok-1.2/x_y']) {
      expect(tn.layers.dense({ units: 1, name: good }).apply(tn.input({ shape: [2] })).shape).toEqual([null, 1]);
      expect(tf.layers.dense({ units: 1, name: good }).apply(tf.input({ shape: [2] }))).toBeDefined();
    }
    expect(tn.sequential({ name: 'my model' }).name).toBe(tf.sequential({ name: 'my model' }).name);
  });
});

describe('an activation given as its serialized form, as TF.js\'s getActivation takes it', () => {
  it('{className, config} in layer arguments and {class_name, config} in a model file', async () => {
    type Lib = typeof tn;
    const run = async (l: Lib): Promise<unknown[]> => {
      const act = l.layers.activation({ activation: { className: 'elu', config: {} } as never }).apply(l.tensor([-1, 2])) as tn.Tensor;
      const dense = l.layers.dense({ units: 2, activation: { className: 'softmax', config: {} } as never, kernelInitializer: 'ones', inputShape: [2] });
      const m = l.sequential({ layers: [dense] });
      const file = {
        modelTopology: { class_name: 'Sequential', config: { name: 'f', layers: [
          { class_name: 'Dense', config: { name: 'fd', units: 1, activation: { class_name: 'relu', config: {} }, use_bias: false, batch_input_shape: [null, 1] } },
        ] } },
        weightSpecs: [{ name: 'fd/kernel', shape: [1, 1], dtype: 'float32' as const }],
        weightData: Float32Array.of(-2).buffer,
      };
      const loaded = await l.loadLayersModel(l.io.fromMemory(file as tn.ModelArtifacts));
      return [act.arraySync(), (m.predict(l.tensor2d([[1, 2]])) as tn.Tensor).arraySync(), dense.getConfig().activation,
        (loaded.predict(l.tensor2d([[1], [-1]])) as tn.Tensor).arraySync(), loaded.layers[0].getConfig().activation];
    };
    const ours = await run(tn);
    expect(ours).toEqual([[-0.6321205496788025, 2], [[0.5, 0.5]], 'softmax', [[0], [2]], 'relu']);
    expect(ours).toEqual(await run(tf as unknown as Lib));
    expect(() => tn.layers.dense({ units: 1, activation: { className: 'nope', config: {} } as never })).toThrow(/layers\.dense: activation must be one of .*or \{className, config\} of one, got/);
  });
});

describe('layerNormalization axes', () => {
  it('an axis given twice (directly or by a negative index) is refused by name, as TF.js refuses it ("Found duplicate axes")', () => {
    expect(() => tn.layers.layerNormalization({ axis: [1, 1] }).apply(tn.ones([2, 3, 4]))).toThrow(/^layer_normalization_LayerNormalization\d+: axis must be distinct axes of the rank-3 input, got \[1, 1\]$/);
    expect(() => tn.layers.layerNormalization({ axis: [1, -2] }).apply(tn.ones([2, 3, 4]))).toThrow(/axis must be distinct axes of the rank-3 input, got \[1, -2\]$/);
    expect(() => tf.layers.layerNormalization({ axis: [1, -2] }).apply(tf.ones([2, 3, 4]))).toThrow(/Found duplicate axes/);
  });
});
