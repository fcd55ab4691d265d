import type { LayersModel, Tensor } from '../../../src/index';
import { tessera, tfjsAsTF, type Program, type TF } from '../harness';
import { saveToMemory } from './layers-surface';

// The options of the 2-D convolution layers as TF.js programs use them: dilated (atrous) conv2d, separableConv2d and
// depthwiseConv2d layers, their output shapes, configs and saved dilation_rate, read across the two libraries.
// TF.js 4.22 has no gradient for dilated convolutions and its depthwiseConv2d layer ignores dilationRate; the programs
// that show those differences are marked as deviations.

const image = (tf: TF, shape: [number, number, number, number]) => tf.tensor4d(Array.from({ length: shape.reduce((a, b) => a * b) }, (_, i) => Math.sin(0.37 * i)), shape);

/** Every weight set to fixed values (the two libraries draw different random numbers). */
function fixWeights(tf: TF, model: LayersModel): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.3 * Math.cos(1 + k++)), w.shape)));
}

const dilationRates = (model: LayersModel) => model.layers.map((l) => (l.getConfig() as { dilationRate?: unknown }).dilationRate ?? null);

export const convOptions: Program[] = [
  {
    name: 'atrous conv2d layers: dilationRate as a number or [h, w], valid and same, shapes, values and getConfig',
    run: (tf) => {
      const x = image(tf, [2, 9, 8, 2]);
      const out: unknown[] = [];
      for (const [dilationRate, padding] of [[2, 'valid'], [[2, 3], 'valid'], [3, 'same'], [[1, 2], 'same']] as const) {
        const layer = tf.layers.conv2d({ filters: 3, kernelSize: [3, 2], dilationRate: dilationRate as number | [number, number], padding, activation: 'relu', inputShape: [9, 8, 2] });
        const model = tf.sequential({ layers: [layer] });
        fixWeights(tf, model);
        const config = layer.getConfig() as { dilationRate: unknown; strides: unknown; padding: unknown };
        out.push(model.outputs[0].shape, layer.computeOutputShape([null, 9, 8, 2]), model.predict(x), config.dilationRate, config.strides, config.padding);
      }
      return out;
    },
  },
  {
    name: 'dilated conv2d in channelsFirst layout and applied to a tensor directly, followed by max pooling',
    run: (tf) => {
      const conv = tf.layers.conv2d({ filters: 2, kernelSize: 2, dilationRate: 2, dataFormat: 'channelsFirst', kernelInitializer: tf.initializers.constant({ value: 0.25 }), biasInitializer: 'ones' });
      const y = conv.apply(image(tf, [1, 3, 6, 5])) as Tensor;
      // A 2x2 pool after a dilated convolution (the seed model's conv-then-pool pair, dilated).
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 3, dilationRate: 2, activation: 'relu', inputShape: [8, 8, 1] }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
      ] });
      fixWeights(tf, model);
      return [y, model.predict(image(tf, [2, 8, 8, 1])), model.outputs[0].shape];
    },
  },
  {
    name: 'separableConv2d with dilationRate: shapes, values and its config',
    run: (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.separableConv2d({ filters: 3, kernelSize: 3, depthMultiplier: 2, dilationRate: [2, 1], padding: 'same', inputShape: [7, 6, 2], activation: 'tanh' }),
        tf.layers.separableConv2d({ filters: 2, kernelSize: 2, dilationRate: 3 }),
      ] });
      fixWeights(tf, model);
      return [model.outputs[0].shape, model.predict(image(tf, [2, 7, 6, 2])), dilationRates(model), model.layers.map((l) => l.countParams())];
    },
  },
  {
    name: 'strides and dilationRate above 1 together: the model builds and summarizes, running it throws',
    run: (tf) => {
      const out: unknown[] = [];
      const model = tf.sequential({ layers: [tf.layers.conv2d({ filters: 1, kernelSize: 3, strides: 2, dilationRate: 2, inputShape: [9, 9, 1] })] });
      model.summary(undefined, undefined, (line) => out.push(line));
      out.push(model.outputs[0].shape, tf.layers.conv1d({ filters: 1, kernelSize: 2, strides: 2, dilationRate: 2 }).getConfig().dilationRate);
      try { model.predict(tf.ones([1, 9, 9, 1])); out.push('ran'); } catch { out.push('threw'); }
      try { tf.layers.separableConv2d({ filters: 1, kernelSize: 2, strides: [1, 2], dilationRate: [2, 1] }).apply(tf.ones([1, 6, 6, 1])); out.push('ran'); } catch { out.push('threw'); }
      return out;
    },
  },
  {
    name: 'bad dilationRate values are refused',
    run: (tf) => [[2], [1, 2, 3], 'two'].map((dilationRate) => {
      try { tf.layers.conv2d({ filters: 1, kernelSize: 2, dilationRate: dilationRate as never }); return 'made'; } catch { return 'threw'; }
    }),
  },
  {
    name: "conv2dTranspose takes dilationRate 1 and leaves dilation out of its config, as conv2d's config keeps it",
    run: (tf) => [
      Object.keys(tf.layers.conv2dTranspose({ filters: 1, kernelSize: 2, dilationRate: 1 }).getConfig()).sort(),
      Object.keys(tf.layers.conv2d({ filters: 1, kernelSize: 2 }).getConfig()).sort(),
    ],
  },
  {
    name: 'a model of dilated conv2d and separableConv2d saved by one library predicts the same when the other loads it',
    run: async (tf) => {
      // tf saves, the other library loads: the TF.js run checks tessera loading TF.js's files, tessera's run the reverse.
      const other = tf === tessera ? tfjsAsTF : tessera;
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 3, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'relu', inputShape: [8, 8, 2] }),
        tf.layers.separableConv2d({ filters: 2, kernelSize: [2, 3], dilationRate: [2, 1] }),
        tf.layers.depthwiseConv2d({ kernelSize: 2 }),
        tf.layers.conv2d({ filters: 2, kernelSize: 2, dilationRate: [1, 2] }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 2 }),
      ] });
      fixWeights(tf, model);
      const artifacts = await saveToMemory(tf, model);
      const topology = artifacts.modelTopology as { config: { layers: { config: { dilation_rate?: unknown } }[] } };
      const loaded = await other.loadLayersModel(other.io.fromMemory(artifacts));
      const x = image(tf, [2, 8, 8, 2]);
      return [model.predict(x), loaded.predict(other.tensor(x.arraySync() as number[][][][])), topology.config.layers.map((l) => l.config.dilation_rate ?? null), dilationRates(loaded)];
    },
  },
  {
    name: 'a dilated depthwiseConv2d saved by one library keeps its dilation_rate when the other loads it',
    run: async (tf) => {
      const other = tf === tessera ? tfjsAsTF : tessera;
      const model = tf.sequential({ layers: [tf.layers.depthwiseConv2d({ kernelSize: 2, dilationRate: [3, 2], depthMultiplier: 2, padding: 'same', inputShape: [6, 6, 2] })] });
      const loaded = await other.loadLayersModel(other.io.fromMemory(await saveToMemory(tf, model)));
      return [dilationRates(loaded), loaded.outputs[0].shape];
    },
  },
  {
    name: 'tf.conv2dTranspose with numeric and explicit pads (and dimRoundingMode): values and gradients',
    run: (tf) => {
      const x = image(tf, [1, 3, 4, 2]);
      const w = tf.tensor4d(Array.from({ length: 3 * 3 * 2 * 2 }, (_, i) => Math.cos(i)), [3, 3, 2, 2]);
      const cases: [[number, number, number, number], number, Parameters<TF['conv2dTranspose']>[4], ('ceil' | 'floor')?][] = [
        [[1, 3, 4, 2], 1, 1], [[1, 7, 9, 2], 2, 0], [[1, 5, 7, 2], 2, 1], [[1, 6, 7, 2], 2, 1, 'floor'], [[1, 5, 7, 2], 2, 1, 'ceil'],
        [[1, 4, 4, 2], 1, [[0, 0], [1, 0], [1, 1], [0, 0]]], [[1, 6, 8, 2], 2, [[0, 0], [1, 0], [1, 0], [0, 0]]],
      ];
      return cases.map(([out, strides, pad, rounding]) => {
        const f = (a: Tensor, b: Tensor) => tf.conv2dTranspose(a as never, b as never, out, strides, pad, rounding);
        return [f(x, w), tf.grads((a: Tensor, b: Tensor) => tf.sum(tf.square(f(a, b))))([x, w])];
      });
    },
  },
  {
    name: 'tf.conv1d with pad 0 and explicit width pads; a numeric pad above 0 throws',
    run: (tf) => {
      const x = tf.tensor3d(Array.from({ length: 2 * 7 * 2 }, (_, i) => Math.sin(i)), [2, 7, 2]);
      const f = tf.tensor3d(Array.from({ length: 3 * 2 * 3 }, (_, i) => Math.cos(i)), [3, 2, 3]);
      const out: unknown[] = [tf.conv1d(x, f, 1, 0), tf.conv1d(x, f, 2, 0), tf.conv1d(x, f, 1, [[0, 0], [0, 0], [1, 2], [0, 0]]), tf.conv1d(x, f, 1, [[0, 0], [0, 0], [2, 2], [0, 0]], 'NWC', 2)];
      out.push(tf.grad((a: Tensor) => tf.sum(tf.square(tf.conv1d(a as never, f, 2, [[0, 0], [0, 0], [0, 3], [0, 0]]))))(x));
      for (const pad of [1, [[0, 0], [1, 0], [1, 1], [0, 0]]] as const) {
        try { tf.conv1d(x, f, 1, pad as never); out.push('ran'); } catch { out.push('threw'); }
      }
      return out;
    },
  },
  {
    name: 'depthwiseConv2d with dilationRate computes the dilated convolution',
    deviation: "TF.js 4.22's DepthwiseConv2D layer records dilationRate but computes and shapes its output without it (a TODO in its source); Keras and tf.depthwiseConv2d dilate, and so does tessera",
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.depthwiseConv2d({ kernelSize: 3, dilationRate: 2, inputShape: [7, 6, 2] })] });
      fixWeights(tf, model);
      return [model.outputs[0].shape, model.predict(image(tf, [1, 7, 6, 2]))];
    },
  },
  {
    name: 'fit trains a model with a dilated conv2d',
    deviation: 'TF.js 4.22 has no gradient for dilated convolutions (fit throws "dilation rates greater than 1 are not yet supported in gradients"); tessera differentiates them (checked against float64 central differences)',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 2, dilationRate: 2, activation: 'relu', inputShape: [6, 6, 1] }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 1 }),
      ] });
      fixWeights(tf, model);
      model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const history = await model.fit(image(tf, [4, 6, 6, 1]), tf.tensor2d([[1], [0], [-1], [0.5]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return [history.history.loss, model.getWeights()];
    },
  },
];
