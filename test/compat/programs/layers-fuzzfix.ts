import type { LayersModel, Tensor } from '../../../src/index';
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
