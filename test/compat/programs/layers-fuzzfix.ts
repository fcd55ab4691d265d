import type { Layer, LayersModel, Tensor } from '../../../src/index';
import type { ConfigDict } from '../../../src/layers/serialization-public';
import type { Program, TF } from '../harness';

// Layer options and routes a differential fuzz against TF.js 4.22 found handled differently: channels-first
// convolutions ending in softmax, the `weights` option of recurrent layers and embedding, embedding's fixed batch size,
// timeDistributed's regularizers and constraints, varianceScaling's distributions and the static fromConfig route.

/** Weights of every shape from one cosine, so they are fixed and not all equal. */
function fixWeights(tf: TF, model: LayersModel): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.6 * Math.cos(1 + k++)), w.shape)));
}

function ramp(tf: TF, shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Array.from({ length: n }, (_, i) => Math.sin(i * 0.37)), shape);
}

type ConvKind = 'conv2d' | 'conv2dTranspose' | 'depthwiseConv2d' | 'separableConv2d' | 'conv3d' | 'conv3dTranspose';
const CONVS: [ConvKind, object, number[]][] = [
  ['conv2d', { filters: 3, kernelSize: 2 }, [2, 3, 4]],
  ['conv2dTranspose', { filters: 3, kernelSize: 2 }, [2, 3, 4]],
  ['depthwiseConv2d', { kernelSize: 2 }, [2, 3, 4]],
  // (TF.js 4.22 cannot add a channels-first separableConv2d's bias: it broadcasts NHWC against NCHW.)
  ['separableConv2d', { filters: 3, kernelSize: 2, useBias: false }, [2, 3, 4]],
  ['conv3d', { filters: 3, kernelSize: 2 }, [2, 3, 3, 4]],
  ['conv3dTranspose', { filters: 3, kernelSize: 1 }, [2, 3, 3, 4]],
];

function channelsFirstConv(tf: TF, kind: ConvKind, args: object, inputShape: number[], activation: 'softmax' | 'logSoftmax'): LayersModel {
  const make = tf.layers[kind] as (a: object) => ReturnType<TF['layers']['conv2d']>;
  const model = tf.sequential({ layers: [make({ ...args, dataFormat: 'channelsFirst', activation, inputShape })] });
  fixWeights(tf, model);
  return model;
}

export const layersFuzzfix: Program[] = [
  {
    name: 'channels-first convolutions with a softmax or logSoftmax activation normalize over the last axis',
    run: (tf) => CONVS.flatMap(([kind, args, shape]) => (['softmax', 'logSoftmax'] as const).map((act) => {
      const model = channelsFirstConv(tf, kind, args, shape, act);
      return { kind, act, out: model.predict(ramp(tf, [1, ...shape])) };
    })),
  },
  {
    name: 'training channels-first convolutions ending in softmax: the loss is that of the predicted probabilities',
    run: async (tf) => {
      const out: object[] = [];
      for (const kind of ['conv2d', 'separableConv2d'] as const) {
        const model = channelsFirstConv(tf, kind, { filters: 2, kernelSize: 1, useBias: false }, [2, 2, 3], 'softmax');
        model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy' });
        const x = ramp(tf, [2, 2, 2, 3]);
        const y = tf.oneHot(tf.tensor1d([0, 1, 2, 2, 1, 0, 1, 2], 'int32'), 3).reshape([2, 2, 2, 3]);
        const before = model.evaluate(x, y) as Tensor;
        const trained = await model.trainOnBatch(x, y);
        out.push({ kind, before, trained, weights: model.getWeights(), after: model.predict(x) });
      }
      return out;
    },
  },
];

/** Each weight of a layer, as values from one cosine (so a layer made with them shows them back). */
function cosineWeights(tf: TF, shapes: number[][]): Tensor[] {
  let k = 0;
  return shapes.map((s) => tf.tensor(Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => 0.5 * Math.cos(2 + k++)), s));
}

layersFuzzfix.push(
  {
    name: 'the weights option sets the initial weights of simpleRNN, lstm, gru, convLstm2d, rnn and embedding',
    run: (tf) => {
      const made = [
        tf.layers.simpleRNN({ units: 2, inputShape: [3, 2], weights: cosineWeights(tf, [[2, 2], [2, 2], [2]]) }),
        tf.layers.lstm({ units: 2, inputShape: [3, 2], weights: cosineWeights(tf, [[2, 8], [2, 8], [8]]) }),
        tf.layers.gru({ units: 2, returnSequences: true, inputShape: [3, 2], weights: cosineWeights(tf, [[2, 6], [2, 6], [6]]) }),
        tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 2 }), inputShape: [3, 2], weights: cosineWeights(tf, [[2, 8], [2, 8], [8]]) }),
        tf.layers.rnn({ cell: [tf.layers.simpleRNNCell({ units: 2 }), tf.layers.gruCell({ units: 1 })], inputShape: [3, 2], weights: cosineWeights(tf, [[2, 2], [2, 2], [2], [2, 3], [1, 3], [3]]) }),
        tf.layers.convLstm2d({ filters: 2, kernelSize: 2, inputShape: [2, 3, 3, 1], weights: cosineWeights(tf, [[2, 2, 1, 8], [2, 2, 2, 8], [8]]) }),
        tf.layers.embedding({ inputDim: 3, outputDim: 2, inputShape: [2], weights: cosineWeights(tf, [[3, 2]]) }),
      ];
      return made.map((layer) => {
        const model = tf.sequential({ layers: [layer] });
        const shape = (model.inputs[0].shape as number[]).slice(1);
        const x = layer.getClassName() === 'Embedding' ? tf.tensor2d([[0, 2], [1, 1]]) : ramp(tf, [2, ...shape]);
        return { weights: layer.getWeights(), out: model.predict(x) };
      });
    },
  },
  {
    name: 'an lstm given a wrong number of weights throws when it is built',
    run: (tf) => tf.sequential({ layers: [tf.layers.lstm({ units: 2, inputShape: [3, 2], weights: cosineWeights(tf, [[2, 8]]) })] }),
  },
  {
    name: 'bidirectional makes fresh weights for its copies of a layer given weights',
    run: (tf) => {
      const layer = tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 1, weights: cosineWeights(tf, [[1, 1], [1, 1], [1]]) }), inputShape: [2, 1] });
      tf.sequential({ layers: [layer] });
      return layer.getWeights().map((w) => Math.abs(w.dataSync()[0] - 0.5 * Math.cos(2)) < 1e-6);
    },
  },
  {
    name: 'embedding keeps a fixed batch size from batchInputShape, batchSize with inputShape, or batchSize with inputLength',
    run: (tf) => [
      { inputDim: 5, outputDim: 2, batchInputShape: [3, 4] },
      { inputDim: 5, outputDim: 2, inputShape: [4], batchSize: 3 },
      { inputDim: 5, outputDim: 2, inputLength: 4, batchSize: 3 },
    ].map((args) => {
      const layer = tf.layers.embedding(args);
      const model = tf.sequential({ layers: [layer] });
      const again = tf.sequential({ layers: [tf.layers.embedding(JSON.parse(JSON.stringify(layer.getConfig())))] });
      return { output: model.outputs[0].shape, input: model.inputs[0].shape, config: layer.getConfig().batchInputShape, again: again.outputs[0].shape };
    }),
  },
  {
    name: 'timeDistributed counts its layer\'s regularizers: layer.losses, the training loss and its gradient',
    run: async (tf) => {
      const out: object[] = [];
      for (const inner of [
        tf.layers.dense({ units: 1, kernelInitializer: 'ones', kernelRegularizer: tf.regularizers.l2({ l2: 0.5 }) }),
        tf.layers.conv2d({ filters: 1, kernelSize: 1, kernelInitializer: 'ones', biasInitializer: 'ones', biasRegularizer: tf.regularizers.l1({ l1: 0.5 }) }),
      ]) {
        const dense = inner.getClassName() === 'Dense';
        const td = tf.layers.timeDistributed({ layer: inner, inputShape: dense ? [1, 2] : [1, 1, 1, 1] });
        const model = tf.sequential({ layers: [td] });
        model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
        const penalties = td.losses.map((l) => l());
        const loss = await model.trainOnBatch(tf.zeros(dense ? [1, 1, 2] : [1, 1, 1, 1, 1]), tf.zeros(dense ? [1, 1, 1] : [1, 1, 1, 1, 1]));
        out.push({ count: td.losses.length, penalties, loss, weights: td.getWeights() });
      }
      return out;
    },
  },
  {
    name: 'timeDistributed projects its layer\'s constrained weights when they are set',
    run: (tf) => {
      const inner = tf.layers.dense({ units: 1, kernelConstraint: 'nonNeg' });
      const td = tf.layers.timeDistributed({ layer: inner, inputShape: [1, 2] });
      tf.sequential({ layers: [td] });
      td.setWeights([tf.tensor2d([[-1], [2]]), tf.tensor1d([-3])]);
      return td.getWeights().map((w) => w.arraySync());
    },
  },
  {
    name: 'seeded varianceScaling initializers draw TF.js\'s values for each distribution and mode (truncatedNormal is a uniform)',
    run: (tf) => (['normal', 'uniform', 'truncatedNormal'] as const).flatMap((distribution) => (['fanIn', 'fanOut', 'fanAvg'] as const).map((mode) => {
      const init = tf.initializers.varianceScaling({ scale: 1.5, mode, distribution, seed: 7 });
      const big = init.apply([400, 100]);
      return { distribution, mode, first: init.apply([3, 4]), max: big.max(), min: big.min() };
    })),
  },
  {
    name: 'the static fromConfig remakes rnn, stacked cells, bidirectional, timeDistributed and spatialDropout1d from getConfig',
    run: (tf) => wrappers(tf).map((layer) => {
      const cls = layer.constructor as unknown as { fromConfig(c: unknown, config: ConfigDict): Layer };
      return remade(tf, layer, cls.fromConfig(cls, JSON.parse(JSON.stringify(layer.getConfig()))));
    }),
  },
  {
    name: 'the SerializationMap holds the built-in layer classes, and their fromConfig remakes a layer from getConfig',
    run: (tf) => {
      const map = tf.serialization.SerializationMap.getMap().classNameMap;
      const remadeAll = wrappers(tf).map((layer) => {
        const [cls, fromConfig] = map[layer.getClassName()] as [unknown, (c: unknown, config: ConfigDict) => Layer];
        return remade(tf, layer, fromConfig(cls, JSON.parse(JSON.stringify(layer.getConfig()))));
      });
      const made = [tf.layers.dense({ units: 1 }), tf.layers.conv2d({ filters: 1, kernelSize: 1 }), tf.layers.lstmCell({ units: 1 }), tf.layers.add(), tf.layers.inputLayer({ inputShape: [2] })];
      return { remadeAll, classes: made.map((l) => map[l.getClassName()]?.[0] === l.constructor), hasDense: 'Dense' in map };
    },
  },
);

/** The layers whose configs nest a layer or a cell (and spatialDropout1d's, which writes noiseShape null). */
function wrappers(tf: TF): Layer[] {
  return [
    tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 2, name: 'fz_cell' }), name: 'fz_rnn', inputShape: [3, 2] }),
    tf.layers.rnn({ cell: [tf.layers.simpleRNNCell({ units: 2, name: 'fz_c1' }), tf.layers.gruCell({ units: 1, name: 'fz_c2' })], returnSequences: true, name: 'fz_stack', inputShape: [3, 2] }),
    tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, name: 'fz_gru' }), mergeMode: 'sum', name: 'fz_bi', inputShape: [3, 2] }),
    tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, name: 'fz_dense' }), name: 'fz_td', inputShape: [3, 2] }),
    tf.layers.spatialDropout1d({ rate: 0.5, name: 'fz_sd', inputShape: [3, 2] }),
  ];
}

/** What a layer remade from another's config computes (with fixed weights), and whether its config is the other's. */
function remade(tf: TF, original: Layer, layer: Layer) {
  const model = tf.sequential({ layers: [layer] });
  fixWeights(tf, model);
  const sameConfig = JSON.stringify(layer.getConfig()) === JSON.stringify(original.getConfig());
  return { className: layer.getClassName(), sameConfig, shape: model.outputs[0].shape, out: model.predict(ramp(tf, [2, 3, 2])), weights: model.weights.length };
}
