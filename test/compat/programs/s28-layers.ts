import type { Layer, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// The layers and model level as tfjs-layers' own unit tests pin it down, met from a user program: layer options at
// their edges (channelsFirst, dilation, causal padding, no bias, regularizers, constraints and initializers by name
// and by object), masks through recurrent, wrapper and merge layers, RNN options, config and JSON round trips,
// save and load through handlers, fit options and the History they give, summary text, and the errors of bad input.

/** The value of f, or 'threw': several throw-or-not checks fit in one program. */
const attempt = (f: () => unknown): unknown => {
  try { return f(); } catch { return 'threw'; }
};
/** The awaited value of f, or 'threw'. */
export const attemptAsync = async (f: () => Promise<unknown>): Promise<unknown> => {
  try { return await f(); } catch { return 'threw'; }
};
/** Deterministic weights for every variable of a model or layer, in getWeights order. */
function fix(tf: TF, target: { getWeights(): Tensor[]; setWeights(w: Tensor[]): void }, scale = 0.3): void {
  let k = 0;
  target.setWeights(target.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => scale * Math.sin(1 + 1.7 * k++)), w.shape)));
}
/** A deterministic tensor of the given shape. */
const seq = (tf: TF, shape: number[], f = (i: number) => Math.cos(0.37 * i)): Tensor => {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Array.from({ length: n }, (_, i) => f(i)), shape);
};
const S = (x: unknown) => x as SymbolicTensor;

const layerEdges: Program[] = [
  {
    name: 'conv1d with causal padding and a dilation',
    deviation: "TF.js 4.22 throws when a causal conv1d runs (not implemented); tessera computes Keras's causal convolution",
    run: (tf) => {
      const l = tf.layers.conv1d({ filters: 2, kernelSize: 3, padding: 'causal' as 'same', dilationRate: 2, inputShape: [7, 2] });
      const m = tf.sequential({ layers: [l] });
      fix(tf, m);
      return [m.outputs[0].shape, m.predict(seq(tf, [1, 7, 2]))];
    },
  },
  {
    name: 'conv2d channelsFirst with strides and same padding: shapes, weights and values',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.conv2d({ filters: 3, kernelSize: 2, strides: 2, padding: 'same', dataFormat: 'channelsFirst', inputShape: [2, 5, 5] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.getWeights().map((w) => w.shape), m.predict(seq(tf, [1, 2, 5, 5]))];
    },
  },
  {
    name: 'conv2d with dilationRate [2, 1], valid padding, no bias',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.conv2d({ filters: 2, kernelSize: [2, 2], dilationRate: [2, 1], useBias: false, inputShape: [5, 4, 1] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.getWeights().length, m.countParams(), m.predict(seq(tf, [1, 5, 4, 1]))];
    },
  },
  {
    name: 'conv2d with strides above 1 and dilation above 1 together is refused',
    run: (tf) => attempt(() => tf.layers.conv2d({ filters: 1, kernelSize: 2, strides: 2, dilationRate: 2 }).apply(tf.zeros([1, 6, 6, 1]))),
  },
  {
    name: 'conv1d with channelsFirst: output shape, kernel shape and values',
    deviation: "TF.js 4.22's conv1d with channelsFirst reports a [batch, filters, steps] output but computes [batch, steps, filters] values; tessera's 1-D layers refuse channelsFirst",
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.conv1d({ filters: 2, kernelSize: 2, dataFormat: 'channelsFirst' as 'channelsLast', inputShape: [3, 5], kernelInitializer: 'ones' })] });
      return [m.outputs[0].shape, m.getWeights().map((w) => w.shape), m.predict(seq(tf, [1, 3, 5]))];
    },
  },
  {
    name: 'separableConv2d with depthMultiplier 2, channelsLast, no bias: weights and values',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.separableConv2d({ filters: 2, kernelSize: 2, depthMultiplier: 2, useBias: false, inputShape: [3, 3, 2] })] });
      fix(tf, m);
      return [m.getWeights().map((w) => w.shape), m.predict(seq(tf, [1, 3, 3, 2]))];
    },
  },
  {
    name: 'depthwiseConv2d with depthMultiplier 3 and same padding: weights, outputs',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 3, padding: 'same', inputShape: [3, 3, 2] })] });
      fix(tf, m);
      return [m.getWeights().map((w) => w.shape), m.outputs[0].shape, m.predict(seq(tf, [1, 3, 3, 2]))];
    },
  },
  {
    name: 'conv2dTranspose with strides 2, same and valid padding, channelsFirst output shape',
    run: (tf) => {
      const a = tf.sequential({ layers: [tf.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', inputShape: [3, 3, 1] })] });
      const b = tf.sequential({ layers: [tf.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'valid', inputShape: [3, 3, 1] })] });
      fix(tf, a); fix(tf, b);
      return [a.outputs[0].shape, b.outputs[0].shape, a.predict(seq(tf, [1, 3, 3, 1])), b.predict(seq(tf, [1, 3, 3, 1]))];
    },
  },
  {
    name: 'dense with useBias false, and with kernel and bias initializers by name',
    run: (tf) => {
      const a = tf.layers.dense({ units: 2, useBias: false, kernelInitializer: 'ones', inputShape: [3] });
      const b = tf.layers.dense({ units: 2, kernelInitializer: 'zeros', biasInitializer: 'ones', inputShape: [3] });
      const x = seq(tf, [2, 3]);
      return [a.apply(x), b.apply(x), a.getWeights().length, b.countParams(), a.getConfig().useBias, a.getConfig().kernelInitializer, b.getConfig().biasInitializer];
    },
  },
  {
    name: 'initializers by config object: constant, randomUniform seeded shapes, identity, varianceScaling config',
    run: (tf) => {
      const c = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.constant({ value: 0.5 }), inputShape: [2] });
      const i = tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.identity({ gain: 2 }), inputShape: [3] });
      const v = tf.initializers.varianceScaling({ scale: 2, mode: 'fanOut', distribution: 'uniform', seed: 1 });
      return [c.apply(tf.ones([1, 2])), i.apply(tf.tensor2d([[1, 2, 3]])), v.getConfig(), c.getConfig().kernelInitializer];
    },
  },
  {
    name: 'identity initializer on a non-square kernel is refused',
    run: (tf) => attempt(() => tf.layers.dense({ units: 3, kernelInitializer: 'identity', inputShape: [2] }).apply(tf.ones([1, 2]))),
  },
  {
    name: 'kernel and bias regularizers by name (l1l2) and by object: the penalty in the model loss',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [2], kernelRegularizer: 'l1l2', biasRegularizer: tf.regularizers.l2({ l2: 0.5 }) }),
      ] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0), loss: 'meanSquaredError' });
      const x = seq(tf, [3, 2]);
      return [m.evaluate(x, tf.zeros([3, 2])), m.getConfig() && (m.layers[0].getConfig().kernelRegularizer), m.layers[0].getConfig().biasRegularizer];
    },
  },
  {
    name: 'regularizers applied directly: l1, l2, l1l2 with defaults and given factors, and their configs',
    run: (tf) => {
      const w = tf.tensor2d([[1, -2], [0.5, -0.25]]);
      const rs = [tf.regularizers.l1(), tf.regularizers.l2(), tf.regularizers.l1l2(), tf.regularizers.l1({ l1: 0.5 }), tf.regularizers.l2({ l2: 2 }), tf.regularizers.l1l2({ l1: 0.1, l2: 0.2 })];
      return rs.map((r) => [r.getClassName(), r.apply(w), r.getConfig()]);
    },
  },
  {
    name: 'constraints applied directly: nonNeg, unitNorm, maxNorm and minMaxNorm with axes and rate, and their configs',
    run: (tf) => {
      const w = tf.tensor2d([[3, -4], [0.3, 0.4], [-1, 2]]);
      const cs = [tf.constraints.nonNeg(), tf.constraints.unitNorm({ axis: 0 }), tf.constraints.unitNorm({ axis: 1 }), tf.constraints.maxNorm({ maxValue: 1, axis: 0 }),
        tf.constraints.maxNorm({ maxValue: 2, axis: 1 }), tf.constraints.minMaxNorm({ minValue: 1, maxValue: 2, rate: 0.5, axis: 1 }), tf.constraints.minMaxNorm({ minValue: 0.5, maxValue: 1, axis: 0 })];
      return cs.map((c) => [c.getClassName(), c.apply(w), c.getConfig()]);
    },
  },
  {
    name: 'a constraint by name and by object on a dense: the configs getConfig reports',
    run: (tf) => {
      const l = tf.layers.dense({ units: 2, kernelConstraint: 'maxNorm', biasConstraint: tf.constraints.minMaxNorm({ minValue: 0.5, maxValue: 1, rate: 0.5, axis: 0 }) });
      const u = tf.layers.dense({ units: 2, kernelConstraint: 'unitNorm', biasConstraint: 'nonNeg' });
      return [l.getConfig().kernelConstraint, l.getConfig().biasConstraint, u.getConfig().kernelConstraint, u.getConfig().biasConstraint];
    },
  },
  {
    name: 'an unknown regularizer, constraint or initializer name is refused when the layer is made',
    run: (tf) => [
      attempt(() => tf.layers.dense({ units: 1, kernelRegularizer: 'l3' as 'l1l2' }).name.length),
      attempt(() => tf.layers.dense({ units: 1, kernelConstraint: 'positive' as 'nonNeg' }).name.length),
      attempt(() => tf.layers.dense({ units: 1, kernelInitializer: 'gaussian' as 'ones' }).name.length),
    ],
  },
  {
    name: 'dense on 3-D input applies to the last axis; units 0 and negative refused',
    run: (tf) => {
      const l = tf.layers.dense({ units: 2, kernelInitializer: 'ones', biasInitializer: 'ones' });
      return [l.apply(seq(tf, [2, 3, 2])), attempt(() => tf.layers.dense({ units: -1 }).apply(tf.ones([1, 2]))), l.computeOutputShape([null, 5, 2])];
    },
  },
  {
    name: 'dense given a 1-D input is refused (needs rank 2)',
    run: (tf) => attempt(() => tf.layers.dense({ units: 2 }).apply(tf.ones([3]))),
  },
  {
    name: 'maxPooling2d and averagePooling2d channelsFirst with strides and same padding',
    run: (tf) => {
      const x = seq(tf, [1, 2, 5, 5]);
      return [
        tf.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same', dataFormat: 'channelsFirst' }).apply(x),
        tf.layers.averagePooling2d({ poolSize: [2, 3], strides: [1, 2], dataFormat: 'channelsFirst' }).apply(x),
      ];
    },
  },
  {
    name: 'globalAveragePooling2d and globalMaxPooling2d channelsFirst, globalAveragePooling1d',
    run: (tf) => {
      const x = seq(tf, [2, 3, 2, 2]);
      return [
        tf.layers.globalAveragePooling2d({ dataFormat: 'channelsFirst' }).apply(x),
        tf.layers.globalMaxPooling2d({ dataFormat: 'channelsFirst' }).apply(x),
        tf.layers.globalAveragePooling1d().apply(seq(tf, [2, 4, 3])),
        tf.layers.globalMaxPooling1d().apply(seq(tf, [2, 4, 3])),
      ];
    },
  },
  {
    name: 'maxPooling1d with poolSize 3 strides 1 same padding; averagePooling1d with valid padding',
    run: (tf) => {
      const x = seq(tf, [1, 5, 2]);
      return [tf.layers.maxPooling1d({ poolSize: 3, strides: 1, padding: 'same' }).apply(x), tf.layers.averagePooling1d({ poolSize: 2 }).apply(x)];
    },
  },
  {
    name: 'maxPooling3d and averagePooling3d with strides and padding',
    run: (tf) => {
      const x = seq(tf, [1, 3, 4, 4, 1]);
      return [tf.layers.maxPooling3d({ poolSize: 2, strides: 2, padding: 'same' }).apply(x), tf.layers.averagePooling3d({ poolSize: [1, 2, 2] }).apply(x)];
    },
  },
  {
    name: 'upSampling2d with size [2, 3] and channelsFirst; zeroPadding2d with asymmetric padding; cropping2d',
    run: (tf) => {
      const x = seq(tf, [1, 2, 2, 1]);
      return [
        tf.layers.upSampling2d({ size: [2, 3] }).apply(x),
        tf.layers.upSampling2d({ size: [2, 1], dataFormat: 'channelsFirst' }).apply(seq(tf, [1, 1, 2, 2])),
        tf.layers.zeroPadding2d({ padding: [[1, 0], [0, 2]] }).apply(x),
        tf.layers.cropping2D({ cropping: [[1, 0], [0, 1]] }).apply(seq(tf, [1, 3, 3, 1])),
      ];
    },
  },
  {
    name: 'flatten channelsFirst transposes first; reshape with -1; permute; repeatVector',
    run: (tf) => {
      const x = seq(tf, [1, 2, 2, 3]);
      return [
        tf.layers.flatten({ dataFormat: 'channelsFirst' }).apply(x),
        tf.layers.flatten().apply(x),
        tf.layers.reshape({ targetShape: [-1, 2] }).apply(x),
        tf.layers.permute({ dims: [3, 1, 2] }).apply(x),
        tf.layers.repeatVector({ n: 2 }).apply(tf.tensor2d([[1, 2]])),
      ];
    },
  },
  {
    name: 'reshape to a size that does not fit, two -1s, and permute with bad dims are refused',
    run: (tf) => [
      attempt(() => tf.layers.reshape({ targetShape: [5] }).apply(tf.ones([1, 6]))),
      attempt(() => tf.layers.reshape({ targetShape: [-1, -1] }).apply(tf.ones([1, 6]))),
      attempt(() => tf.layers.permute({ dims: [0, 1] })),
      attempt(() => tf.layers.permute({ dims: [1, 1] })),
    ],
  },
  {
    name: 'activation layer by names (relu6, selu, softplus, softsign, hardSigmoid, swish, mish, gelu, linear)',
    run: (tf) => {
      const x = tf.tensor1d([-3, -0.5, 0, 0.7, 4]);
      return ['relu6', 'selu', 'softplus', 'softsign', 'hardSigmoid', 'swish', 'mish', 'elu', 'tanh', 'linear', 'exponential']
        .map((a) => [a, attempt(() => (tf.layers.activation({ activation: a as 'relu' }).apply(x) as Tensor).arraySync())]);
    },
  },
  {
    name: 'advanced activations: leakyReLU alpha, prelu with sharedAxes and alphaInitializer, elu alpha, thresholdedReLU theta, softmax on the last axis',
    run: (tf) => {
      const x = seq(tf, [1, 2, 3], (i) => i - 2.5);
      const p = tf.layers.prelu({ sharedAxes: [1], alphaInitializer: tf.initializers.constant({ value: 0.25 }) });
      return [
        tf.layers.leakyReLU({ alpha: 0.2 }).apply(x),
        p.apply(x), p.getWeights()[0].shape,
        tf.layers.elu({ alpha: 1 }).apply(x),
        tf.layers.thresholdedReLU({ theta: 1.5 }).apply(x),
        tf.layers.softmax({ axis: -1 }).apply(x),
        tf.layers.reLU({ maxValue: 1.5 }).apply(x),
      ];
    },
  },
  {
    name: 'dropout, gaussianNoise, gaussianDropout and alphaDropout pass input through at predict',
    run: (tf) => {
      const input = tf.input({ shape: [3] });
      let h = S(tf.layers.dropout({ rate: 0.5 }).apply(input));
      h = S(tf.layers.gaussianNoise({ stddev: 1 }).apply(h));
      h = S(tf.layers.gaussianDropout({ rate: 0.3 }).apply(h));
      h = S(tf.layers.alphaDropout({ rate: 0.3 }).apply(h));
      h = S(tf.layers.spatialDropout1d({ rate: 0.3 } as { rate: number }).apply(tf.layers.reshape({ targetShape: [3, 1] }).apply(h)));
      const m = tf.model({ inputs: input, outputs: h });
      return m.predict(seq(tf, [2, 3]));
    },
  },
  {
    name: 'batchNormalization with center false, scale false, axis 1, and its moving stats after fit',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.batchNormalization({ axis: 1, center: false, scale: false, momentum: 0.5, epsilon: 0.01, inputShape: [2, 2] })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const x = seq(tf, [4, 2, 2], (i) => i * 0.3);
      const before = m.predict(x);
      await m.fit(x, tf.zeros([4, 2, 2]), { epochs: 1, batchSize: 4, verbose: 0 });
      return [before, m.getWeights(), m.predict(x), m.layers[0].countParams()];
    },
  },
  {
    name: 'layerNormalization over axes [1, 2] with center and scale initializers',
    run: (tf) => {
      const l = tf.layers.layerNormalization({ axis: [1, 2], epsilon: 1e-3, betaInitializer: 'ones', gammaInitializer: tf.initializers.constant({ value: 2 }) });
      return [l.apply(seq(tf, [2, 2, 3])), l.getWeights().map((w) => w.shape), l.getConfig().axis];
    },
  },
  {
    name: 'embedding with embeddingsInitializer and inputLength; out-of-range ids; a float input',
    run: (tf) => {
      const e = tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 3, embeddingsInitializer: tf.initializers.constant({ value: 0 }) });
      const m = tf.sequential({ layers: [e] });
      fix(tf, m);
      return [m.outputs[0].shape, m.predict(tf.tensor2d([[0, 1, 3], [2, 2, 0]])), e.getConfig()];
    },
  },
  {
    name: 'embedding computeMask with maskZero, and without',
    run: (tf) => {
      const x = tf.tensor2d([[0, 1, 0], [2, 0, 3]], [2, 3], 'int32');
      const a = tf.layers.embedding({ inputDim: 4, outputDim: 2, maskZero: true });
      const b = tf.layers.embedding({ inputDim: 4, outputDim: 2 });
      return [a.computeMask(x), b.computeMask(x) ?? 'none'];
    },
  },
];

/** Token ids with zero padding at the end (rows 0 and 2) and at the start (row 1). */
const ids = (tf: TF) => tf.tensor2d([[1, 2, 3, 0, 0], [0, 0, 4, 1, 2], [3, 0, 0, 0, 0]]);

/** embedding(maskZero) → the given layers, with fixed weights. */
function masked(tf: TF, layers: Layer[], inputDim = 5, outputDim = 3) {
  const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim, outputDim, maskZero: true, inputShape: [5] }), ...layers] });
  fix(tf, m);
  return m;
}

const masking: Program[] = [
  {
    name: 'embedding(maskZero) into simpleRNN: the last output skips the masked steps',
    run: (tf) => masked(tf, [tf.layers.simpleRNN({ units: 2 })]).predict(ids(tf)),
  },
  {
    name: 'embedding(maskZero) into lstm with returnSequences: masked steps repeat the previous output',
    run: (tf) => masked(tf, [tf.layers.lstm({ units: 2, returnSequences: true })]).predict(ids(tf)),
  },
  {
    name: 'embedding(maskZero) into gru with goBackwards',
    run: (tf) => masked(tf, [tf.layers.gru({ units: 2, goBackwards: true })]).predict(ids(tf)),
  },
  {
    name: 'embedding(maskZero) into bidirectional lstm, concat and sum merge modes',
    run: (tf) => [
      masked(tf, [tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }) as never })]).predict(ids(tf)),
      masked(tf, [tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, returnSequences: true }) as never, mergeMode: 'sum' })]).predict(ids(tf)),
    ],
  },
  {
    name: 'embedding(maskZero) through timeDistributed(dense) into lstm: the mask passes through',
    run: (tf) => masked(tf, [tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) }), tf.layers.lstm({ units: 2 })]).predict(ids(tf)),
  },
  {
    name: 'embedding(maskZero) into globalAveragePooling1d: TF.js averages every step',
    run: (tf) => masked(tf, [tf.layers.globalAveragePooling1d()]).predict(ids(tf)),
  },
  {
    name: 'embedding(maskZero) into dense then simpleRNN: dense keeps the mask',
    run: (tf) => masked(tf, [tf.layers.dense({ units: 2 }), tf.layers.simpleRNN({ units: 2 })]).predict(ids(tf)),
  },
  {
    name: 'two masked embeddings added, averaged, multiplied and maxed before an lstm (the masks merge)',
    deviation: "TF.js 4.22's elementwise merge layers pass on the first input's mask with a batch axis of 1 added (its loop over the masks stops one short and never reduces), so the lstm after them fails to broadcast; tessera's mask is the logical and of the inputs' masks, as Keras",
    run: (tf) => {
      const out: unknown[] = [];
      for (const merge of ['add', 'average', 'multiply', 'maximum'] as const) {
        const a = tf.input({ shape: [5] });
        const b = tf.input({ shape: [5] });
        const ea = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(a);
        const eb = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(b);
        const merged = tf.layers[merge]({}).apply([S(ea), S(eb)]);
        const m = tf.model({ inputs: [a, b], outputs: S(tf.layers.lstm({ units: 2 }).apply(merged)) });
        fix(tf, m);
        out.push(merge, m.predict([ids(tf), tf.reverse(ids(tf), 1)]));
      }
      return out;
    },
  },
  {
    name: 'two masked embeddings concatenated on the feature axis before an lstm: a step is kept where either is',
    run: (tf) => {
      const a = tf.input({ shape: [5] });
      const b = tf.input({ shape: [5] });
      const ea = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(a);
      const eb = tf.layers.embedding({ inputDim: 5, outputDim: 1, maskZero: true }).apply(b);
      const cat = tf.layers.concatenate().apply([S(ea), S(eb)]);
      const m = tf.model({ inputs: [a, b], outputs: S(tf.layers.simpleRNN({ units: 2, returnSequences: true }).apply(cat)) });
      fix(tf, m);
      return m.predict([ids(tf), tf.reverse(ids(tf), 1)]);
    },
  },
  {
    name: 'a masked embedding concatenated with an unmasked input on the feature axis before a gru',
    run: (tf) => {
      const a = tf.input({ shape: [5] });
      const b = tf.input({ shape: [5, 1] });
      const ea = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(a);
      const cat = tf.layers.concatenate().apply([S(ea), b]);
      const m = tf.model({ inputs: [a, b], outputs: S(tf.layers.gru({ units: 2 }).apply(cat)) });
      fix(tf, m);
      return m.predict([ids(tf), seq(tf, [3, 5, 1])]);
    },
  },
  {
    name: 'masking layer with maskValue -1 before an lstm, and its computeMask',
    run: (tf) => {
      const x = tf.tensor3d([[[1, 2], [-1, -1], [3, 4]], [[-1, -1], [0.5, 0.5], [-1, 2]]]);
      const mk = tf.layers.masking({ maskValue: -1 });
      const m = tf.sequential({ layers: [tf.layers.masking({ maskValue: -1, inputShape: [3, 2] }), tf.layers.lstm({ units: 2, returnSequences: true })] });
      fix(tf, m);
      return [mk.computeMask(x), mk.apply(x), m.predict(x)];
    },
  },
  {
    name: 'a fully masked sequence gives zeros from an lstm (initial state kept)',
    run: (tf) => masked(tf, [tf.layers.lstm({ units: 2 })]).predict(tf.tensor2d([[0, 0, 0, 0, 0], [1, 0, 0, 0, 0]])),
  },
  {
    name: 'fit through embedding(maskZero) and an lstm: losses and the trained embedding',
    run: async (tf) => {
      const m = masked(tf, [tf.layers.lstm({ units: 2 }), tf.layers.dense({ units: 1, activation: 'sigmoid' })]);
      m.compile({ optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const h = await m.fit(ids(tf), tf.tensor2d([[1], [0], [1]]), { epochs: 3, batchSize: 3, shuffle: false, verbose: 0 });
      return [h.history, m.layers[0].getWeights()[0]];
    },
  },
  {
    name: 'conv1d after a masked embedding: TF.js drops the mask (a conv does not support masking)',
    run: (tf) => attempt(() => (masked(tf, [tf.layers.conv1d({ filters: 2, kernelSize: 2 }), tf.layers.simpleRNN({ units: 2 })]).predict(ids(tf)) as Tensor).arraySync()),
  },
  {
    name: 'flatten after a masked embedding',
    run: (tf) => attempt(() => (masked(tf, [tf.layers.flatten(), tf.layers.dense({ units: 2 })]).predict(ids(tf)) as Tensor).arraySync()),
  },
];

const seq3 = (tf: TF) => seq(tf, [2, 4, 3], (i) => Math.sin(0.7 * i));

const rnnOptions: Program[] = [
  {
    name: 'lstm with returnState: output and both states, shapes of the symbolic outputs',
    run: (tf) => {
      const input = tf.input({ shape: [4, 3] });
      const outs = tf.layers.lstm({ units: 2, returnState: true }).apply(input) as SymbolicTensor[];
      const m = tf.model({ inputs: input, outputs: outs });
      fix(tf, m);
      return [outs.map((o) => o.shape), m.predict(seq3(tf))];
    },
  },
  {
    name: 'gru with returnSequences and returnState, resetAfter false',
    run: (tf) => {
      const input = tf.input({ shape: [4, 3] });
      const outs = tf.layers.gru({ units: 2, returnSequences: true, returnState: true, resetAfter: false } as { units: number }).apply(input) as SymbolicTensor[];
      const m = tf.model({ inputs: input, outputs: outs });
      fix(tf, m);
      return [outs.map((o) => o.shape), m.getWeights().map((w) => w.shape), m.predict(seq3(tf))];
    },
  },
  {
    name: 'simpleRNN goBackwards with returnSequences: outputs in reversed time order',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, goBackwards: true, returnSequences: true, inputShape: [4, 3] })] });
      fix(tf, m);
      return m.predict(seq3(tf));
    },
  },
  {
    name: 'lstm with initialState given as symbolic inputs',
    run: (tf) => {
      const x = tf.input({ shape: [4, 3] });
      const h0 = tf.input({ shape: [2] });
      const c0 = tf.input({ shape: [2] });
      const out = tf.layers.lstm({ units: 2 }).apply(x, { initialState: [h0, c0] });
      const m = tf.model({ inputs: [x, h0, c0], outputs: S(out) });
      fix(tf, m);
      return m.predict([seq3(tf), tf.tensor2d([[0.1, -0.2], [0.3, 0.4]]), tf.tensor2d([[1, 0], [0, -1]])]);
    },
  },
  {
    name: 'an encoder lstm state passed as initialState to a decoder gru... an lstm decoder',
    run: (tf) => {
      const enc = tf.input({ shape: [4, 3] });
      const [, h, c] = tf.layers.lstm({ units: 2, returnState: true }).apply(enc) as SymbolicTensor[];
      const dec = tf.input({ shape: [3, 3] });
      const out = tf.layers.lstm({ units: 2, returnSequences: true }).apply(dec, { initialState: [h, c] });
      const m = tf.model({ inputs: [enc, dec], outputs: S(out) });
      fix(tf, m);
      return [m.predict([seq3(tf), seq(tf, [2, 3, 3])]), m.layers.map((l) => l.getClassName())];
    },
  },
  {
    name: 'initialState with the wrong number of states is refused',
    run: (tf) => {
      const x = tf.input({ shape: [4, 3] });
      const h0 = tf.input({ shape: [2] });
      return attempt(() => S(tf.layers.lstm({ units: 2 }).apply(x, { initialState: [h0] })).shape);
    },
  },
  {
    name: 'stateful simpleRNN: a second predict continues from the first, resetStates starts over',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, stateful: true, batchInputShape: [2, 4, 3] })] });
      fix(tf, m);
      const a = m.predict(seq3(tf));
      const b = m.predict(seq3(tf));
      m.resetStates();
      const c = m.predict(seq3(tf));
      return [a, b, c];
    },
  },
  {
    name: 'stateful lstm: layer.states after a predict and after resetStates with given states',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 4, 3] });
      const m = tf.sequential({ layers: [l] });
      fix(tf, m);
      m.predict(seq3(tf));
      const after = l.states.map((s) => s?.arraySync());
      l.resetStates([tf.ones([2, 2]), tf.zeros([2, 2])]);
      return [after, m.predict(seq3(tf))];
    },
  },
  {
    name: 'a stateful rnn without a batch size is refused',
    run: (tf) => attempt(() => tf.sequential({ layers: [tf.layers.gru({ units: 2, stateful: true, inputShape: [4, 3] })] }).predict(seq3(tf))),
  },
  {
    name: 'resetStates on a non-stateful rnn is refused',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.gru({ units: 2, inputShape: [4, 3] })] });
      return attempt(() => { m.layers[0].resetStates(); return 'ok'; });
    },
  },
  {
    name: 'unroll true gives the same as unroll false for lstm, gru and simpleRNN',
    run: (tf) => {
      const out: unknown[] = [];
      for (const kind of ['lstm', 'gru', 'simpleRNN'] as const) {
        for (const unroll of [false, true]) {
          const m = tf.sequential({ layers: [tf.layers[kind]({ units: 2, unroll, returnSequences: true, inputShape: [4, 3] })] });
          fix(tf, m);
          out.push(m.predict(seq3(tf)));
        }
      }
      return out;
    },
  },
  {
    name: 'lstm with unitForgetBias false and recurrentActivation hardSigmoid, implementation 2',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, unitForgetBias: false, recurrentActivation: 'hardSigmoid', implementation: 2, inputShape: [4, 3] });
      const m = tf.sequential({ layers: [l] });
      const bias = l.getWeights()[2];
      fix(tf, m);
      return [bias, m.predict(seq3(tf)), l.getConfig().recurrentActivation, l.getConfig().implementation];
    },
  },
  {
    name: 'lstm with useBias false and activation relu, gru with recurrentInitializer zeros',
    run: (tf) => {
      const a = tf.sequential({ layers: [tf.layers.lstm({ units: 2, useBias: false, activation: 'relu', inputShape: [4, 3] })] });
      const g = tf.layers.gru({ units: 2, recurrentInitializer: 'zeros', kernelInitializer: 'ones', inputShape: [4, 3] });
      const b = tf.sequential({ layers: [g] });
      fix(tf, a);
      return [a.getWeights().map((w) => w.shape), a.predict(seq3(tf)), g.getWeights()[1], b.predict(seq3(tf))];
    },
  },
  {
    name: 'rnn layer over a stack of cells (stackedRNNCells) with returnState',
    run: (tf) => {
      const cells = [tf.layers.lstmCell({ units: 2 }), tf.layers.simpleRNNCell({ units: 3 })];
      const input = tf.input({ shape: [4, 3] });
      const outs = tf.layers.rnn({ cell: cells, returnState: true }).apply(input) as SymbolicTensor[];
      const m = tf.model({ inputs: input, outputs: outs });
      fix(tf, m);
      return [outs.map((o) => o.shape), m.getWeights().map((w) => w.shape), m.predict(seq3(tf))];
    },
  },
  {
    name: 'bidirectional with mergeMode null returns both directions; mul and ave merge',
    run: (tf) => {
      const out: unknown[] = [];
      for (const mergeMode of [null, 'mul', 'ave'] as const) {
        const input = tf.input({ shape: [4, 3] });
        const o = tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2 }) as never, mergeMode: mergeMode as 'mul' }).apply(input);
        const m = tf.model({ inputs: input, outputs: o as SymbolicTensor[] });
        fix(tf, m);
        out.push(m.predict(seq3(tf)));
      }
      return out;
    },
  },
  {
    name: 'bidirectional lstm with returnState: output and four states',
    run: (tf) => {
      const input = tf.input({ shape: [4, 3] });
      const outs = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnState: true }) as never }).apply(input) as SymbolicTensor[];
      const m = tf.model({ inputs: input, outputs: outs });
      fix(tf, m);
      return [outs.length, outs.map((o) => o.shape), m.predict(seq3(tf))];
    },
  },
  {
    name: 'bidirectional getConfig and its weights order (forward then backward)',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, name: 'bgru' }) as never, mergeMode: 'ave', inputShape: [4, 3], name: 'bwrap' });
      tf.sequential({ layers: [b] });
      return [b.getConfig(), b.getWeights().map((w) => w.shape), b.weights.map((w) => w.name)];
    },
  },
  {
    name: 'timeDistributed conv2d over a sequence of images, and its weights',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.timeDistributed({ layer: tf.layers.conv2d({ filters: 2, kernelSize: 2 }), inputShape: [3, 3, 3, 1] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.getWeights().map((w) => w.shape), m.predict(seq(tf, [1, 3, 3, 3, 1]))];
    },
  },
  {
    name: 'timeDistributed on a rank-2 input is refused',
    run: (tf) => attempt(() => tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) }).apply(tf.ones([2, 3]))),
  },
  {
    name: 'an rnn on a rank-2 input is refused, and an lstm whose input has another feature size than it was built with',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.lstm({ units: 2, inputShape: [4, 3] })] });
      return [attempt(() => tf.layers.lstm({ units: 2 }).apply(tf.ones([2, 3]))), attempt(() => (m.predict(tf.ones([1, 4, 2])) as Tensor).shape)];
    },
  },
  {
    name: 'simpleRNN with dropout and recurrentDropout: predict ignores them; config keeps them',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 2, dropout: 0.5, recurrentDropout: 0.5, inputShape: [4, 3] });
      const m = tf.sequential({ layers: [l] });
      fix(tf, m);
      return [m.predict(seq3(tf)), l.getConfig().dropout, l.getConfig().recurrentDropout];
    },
  },
  {
    name: 'an rnn with returnSequences feeding a second lstm, and a variable-length (null) time axis',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.gru({ units: 3, returnSequences: true, inputShape: [null, 3] }), tf.layers.lstm({ units: 2 })] });
      fix(tf, m);
      return [m.inputs[0].shape, m.predict(seq3(tf)), m.predict(seq(tf, [1, 6, 3]))];
    },
  },
  {
    name: 'lstmCell, gruCell and simpleRNNCell built and called directly on a step and states',
    run: (tf) => {
      const x = tf.tensor2d([[0.5, -1, 2]]);
      const lc = tf.layers.lstmCell({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const gc = tf.layers.gruCell({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const sc = tf.layers.simpleRNNCell({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      for (const c of [lc, gc, sc]) c.build([1, 3]);
      return [
        lc.call([x, tf.tensor2d([[0.1, 0.2]]), tf.tensor2d([[0.3, -0.3]])], {}),
        gc.call([x, tf.tensor2d([[0.1, 0.2]])], {}),
        sc.call([x, tf.tensor2d([[0.1, 0.2]])], {}),
        [lc.stateSize, gc.stateSize, sc.stateSize],
        attempt(() => lc.apply([x, tf.tensor2d([[0.1, 0.2]]), tf.tensor2d([[0.3, -0.3]])])),
      ];
    },
  },
];

/** A small classifier: 3 inputs → dense 4 relu → dense 2 softmax, fixed weights. */
function classifier(tf: TF) {
  const m = tf.sequential({ layers: [
    tf.layers.dense({ units: 4, activation: 'relu', inputShape: [3], name: 'hidden' }),
    tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
  ] });
  fix(tf, m);
  return m;
}
const cx = (tf: TF, n = 6) => seq(tf, [n, 3]);
const cy = (tf: TF, n = 6) => tf.oneHot(tf.tensor1d(Array.from({ length: n }, (_, i) => (i * 7) % 3 === 0 ? 1 : 0), 'int32'), 2);
/** A memory save handler that keeps what it is given. */
function memorySaver(tf: TF) {
  const saved: { artifacts?: unknown } = {};
  const handler = tf.io.withSaveHandler(async (artifacts) => {
    saved.artifacts = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  });
  return { saved, handler };
}

const configs: Program[] = [
  {
    name: 'getConfig and fromConfig of a conv2d with every option set: the remade layer has the same config',
    run: (tf) => {
      const l = tf.layers.conv2d({ filters: 3, kernelSize: [2, 3], strides: [1, 2], padding: 'same', dataFormat: 'channelsFirst', dilationRate: 1, activation: 'relu', useBias: false,
        kernelInitializer: 'heNormal', kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }), kernelConstraint: 'nonNeg', name: 'c28', trainable: false });
      const cfg = l.getConfig();
      // Read before the copy is made: TF.js writes customObjects into the nested configs it is given.
      const before = JSON.stringify(cfg);
      const copy = tf.layers.conv2d(cfg as never);
      return [JSON.parse(before) as unknown, copy.getConfig()];
    },
  },
  {
    name: 'serialization.deserialize of a layer config object by className remakes a dense',
    run: (tf) => {
      const l = tf.layers.dense({ units: 3, activation: 'tanh', biasInitializer: 'ones', kernelInitializer: 'glorotNormal', name: 'ser28' });
      const copy = tf.serialization.SerializationMap.getMap().classNameMap.Dense;
      const made = (copy[1] as (c: unknown, cfg: unknown) => { getConfig(): unknown })(copy[0], l.getConfig());
      return [l.getClassName(), made.getConfig()];
    },
  },
  {
    name: 'getConfig of lstm, gru and simpleRNN with stateful, goBackwards, unroll and returnState set',
    run: (tf) => [
      tf.layers.lstm({ units: 2, stateful: true, goBackwards: true, unroll: true, returnState: true, name: 'l28' }).getConfig(),
      tf.layers.gru({ units: 3, returnSequences: true, resetAfter: true, name: 'g28' } as { units: number }).getConfig(),
      tf.layers.simpleRNN({ units: 1, activation: 'relu', name: 's28' }).getConfig(),
    ],
  },
  {
    name: 'getConfig of pooling, padding, upsampling, cropping, reshape and permute layers',
    run: (tf) => [
      tf.layers.maxPooling2d({ poolSize: [2, 3], strides: 1, padding: 'same', name: 'p1' }).getConfig(),
      tf.layers.averagePooling1d({ poolSize: 3, name: 'p2' }).getConfig(),
      tf.layers.globalMaxPooling2d({ dataFormat: 'channelsFirst', name: 'p3' }).getConfig(),
      tf.layers.zeroPadding2d({ padding: [1, 2], name: 'p4' }).getConfig(),
      tf.layers.upSampling2d({ size: [3, 1], interpolation: 'bilinear', name: 'p5' }).getConfig(),
      tf.layers.cropping2D({ cropping: 1, name: 'p6' }).getConfig(),
      tf.layers.reshape({ targetShape: [2, -1], name: 'p7' }).getConfig(),
      tf.layers.permute({ dims: [2, 1], name: 'p8' }).getConfig(),
      tf.layers.repeatVector({ n: 4, name: 'p9' }).getConfig(),
      tf.layers.flatten({ name: 'p10' }).getConfig(),
    ],
  },
  {
    name: 'getConfig of batchNormalization, layerNormalization, embedding, dropout and activation layers',
    run: (tf) => [
      tf.layers.batchNormalization({ axis: 1, momentum: 0.9, epsilon: 0.01, center: false, name: 'n1' }).getConfig(),
      tf.layers.layerNormalization({ axis: -1, name: 'n2' }).getConfig(),
      tf.layers.embedding({ inputDim: 10, outputDim: 4, maskZero: true, inputLength: 5, name: 'n3' }).getConfig(),
      tf.layers.dropout({ rate: 0.3, noiseShape: [1, 3], seed: 7, name: 'n4' }).getConfig(),
      tf.layers.activation({ activation: 'softplus', name: 'n5' }).getConfig(),
      tf.layers.leakyReLU({ alpha: 0.1, name: 'n6' }).getConfig(),
      tf.layers.prelu({ sharedAxes: [1, 2], name: 'n7' }).getConfig(),
    ],
  },
  {
    name: 'getConfig of merge layers and of timeDistributed',
    run: (tf) => [
      tf.layers.concatenate({ axis: 1, name: 'm1' }).getConfig(),
      tf.layers.add({ name: 'm2' }).getConfig(),
      tf.layers.dot({ axes: [1, 2], normalize: true, name: 'm3' }).getConfig(),
      tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, name: 'td_inner', kernelInitializer: 'ones' }), name: 'm4' }).getConfig(),
    ],
  },
  {
    name: 'model.toJSON of a sequential model: the layers, their configs, keras_version and backend',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'tj1', kernelInitializer: 'glorotNormal' }), tf.layers.activation({ activation: 'relu', name: 'tj2' })], name: 'tjm' });
      const j = m.toJSON(null, false) as { class_name: string; config: unknown; keras_version?: string; backend?: string };
      return [j.class_name, j.config, typeof j.keras_version, j.backend];
    },
  },
  {
    name: 'model.toJSON of a functional model with two inputs and a merge: inbound nodes and the input/output lists',
    run: (tf) => {
      const a = tf.input({ shape: [2], name: 'fa' });
      const b = tf.input({ shape: [2], name: 'fb' });
      const c = tf.layers.concatenate({ name: 'fcat' }).apply([a, b]);
      const d = tf.layers.dense({ units: 1, name: 'fout', kernelInitializer: 'zeros' }).apply(c);
      const m = tf.model({ inputs: [a, b], outputs: S(d), name: 'fm' });
      return m.toJSON(null, false);
    },
  },
  {
    name: 'models.modelFromJSON of a functional model remade with setWeights predicts the same',
    run: async (tf) => {
      const a = tf.input({ shape: [3] });
      const h = tf.layers.dense({ units: 3, activation: 'tanh' }).apply(a);
      const o = tf.layers.add().apply([S(h), a]);
      const m = tf.model({ inputs: a, outputs: S(o) });
      fix(tf, m);
      const copy = await tf.models.modelFromJSON(m.toJSON(null, false) as object);
      copy.setWeights(m.getWeights());
      return [copy.predict(cx(tf)), m.predict(cx(tf)), copy.layers.map((l) => l.getClassName())];
    },
  },
  {
    name: 'a model with a nested sequential inside a functional model: toJSON and modelFromJSON',
    run: async (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'in1' })], name: 'innerSeq' });
      const x = tf.input({ shape: [3], name: 'outer_in' });
      const y = tf.layers.dense({ units: 1, name: 'after' }).apply(inner.apply(x) as SymbolicTensor);
      const m = tf.model({ inputs: x, outputs: S(y) });
      fix(tf, m);
      const copy = await tf.models.modelFromJSON(m.toJSON(null, false) as object);
      copy.setWeights(m.getWeights());
      return [copy.layers.map((l) => [l.name, l.getClassName()]), copy.predict(cx(tf, 2)), m.countParams()];
    },
  },
];

const saving: Program[] = [
  {
    name: 'save through withSaveHandler: modelTopology, weightSpecs names, shapes and dtypes, weightData size',
    run: async (tf) => {
      const m = classifier(tf);
      const { saved, handler } = memorySaver(tf);
      const result = await m.save(handler);
      const art = saved.artifacts as { modelTopology: { class_name: string }; weightSpecs: unknown[]; weightData: ArrayBuffer; format?: string; generatedBy?: string; convertedBy?: unknown };
      return [Object.keys(result).sort(), art.modelTopology.class_name, art.weightSpecs, art.weightData.byteLength, art.format, typeof art.generatedBy, art.convertedBy];
    },
  },
  {
    name: 'save and loadLayersModel through fromMemory: the loaded model predicts the same and keeps names',
    run: async (tf) => {
      const m = classifier(tf);
      const { saved, handler } = memorySaver(tf);
      await m.save(handler);
      const art = saved.artifacts as { modelTopology: object; weightSpecs: never[]; weightData: ArrayBuffer };
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(art.modelTopology, art.weightSpecs, art.weightData));
      return [loaded.predict(cx(tf)), m.predict(cx(tf)), loaded.layers.map((l) => l.name), loaded.name === m.name];
    },
  },
  {
    name: 'save with includeOptimizer after fit: the training config and optimizer weights go along',
    run: async (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      await m.fit(cx(tf), cy(tf), { epochs: 1, batchSize: 6, verbose: 0 });
      const { saved, handler } = memorySaver(tf);
      await m.save(handler, { includeOptimizer: true });
      const art = saved.artifacts as { trainingConfig: unknown; weightSpecs: { name: string; shape: number[] }[] };
      return [art.trainingConfig, art.weightSpecs.map((w) => [w.name.replace(/_\d+/g, ''), w.shape])];
    },
  },
  {
    name: 'a loaded compiled model (fromMemory with a trainingConfig) can be evaluated without compiling again',
    run: async (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const { saved, handler } = memorySaver(tf);
      await m.save(handler);
      const art = saved.artifacts as { modelTopology: object; weightSpecs: never[]; weightData: ArrayBuffer; trainingConfig: never };
      const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: art.modelTopology, weightSpecs: art.weightSpecs, weightData: art.weightData, trainingConfig: art.trainingConfig }));
      return [attempt(() => loaded.evaluate(cx(tf), cy(tf))), loaded.optimizer ? loaded.optimizer.getClassName() : 'none'];
    },
  },
  {
    name: 'loadLayersModel from fromMemory of a topology with no weights, strict and not strict',
    deviation: 'tessera takes strict: false but never loads part of a model (README): the topology without weights is refused; TF.js 4.22 loads it with fresh weights',
    run: async (tf) => {
      const m = classifier(tf);
      const topo = m.toJSON(null, false) as object;
      const a = await attemptAsync(async () => (await tf.loadLayersModel(tf.io.fromMemory(topo))).layers.length);
      const b = await (async () => { try { return (await tf.loadLayersModel(tf.io.fromMemory(topo, [], new ArrayBuffer(0)), { strict: false })).layers.length; } catch (e) { return String(e); } })();
      return [a, b];
    },
  },
  {
    name: 'loadLayersModel of artifacts missing a weight throws',
    run: async (tf) => {
      const m = classifier(tf);
      const { saved, handler } = memorySaver(tf);
      await m.save(handler);
      const art = saved.artifacts as { modelTopology: object; weightSpecs: never[]; weightData: ArrayBuffer };
      return attemptAsync(async () => (await tf.loadLayersModel(tf.io.fromMemory(art.modelTopology, art.weightSpecs.slice(1), art.weightData.slice(4 * 12)))).layers.length);
    },
  },
  {
    name: 'save and load an lstm model with a masked embedding and a bidirectional: predictions round trip',
    run: async (tf) => {
      const m = masked(tf, [tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }) as never }), tf.layers.dense({ units: 1 })]);
      const { saved, handler } = memorySaver(tf);
      await m.save(handler);
      const art = saved.artifacts as { modelTopology: object; weightSpecs: { name: string }[]; weightData: ArrayBuffer };
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(art.modelTopology, art.weightSpecs as never[], art.weightData));
      return [loaded.predict(ids(tf)), m.predict(ids(tf)), art.weightSpecs.length];
    },
  },
  {
    name: 'save and load a batchNormalization model after fit: moving statistics survive',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] }), tf.layers.batchNormalization()] });
      fix(tf, m);
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      await m.fit(cx(tf), tf.ones([6, 2]), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      const { saved, handler } = memorySaver(tf);
      await m.save(handler);
      const art = saved.artifacts as { modelTopology: object; weightSpecs: never[]; weightData: ArrayBuffer };
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(art.modelTopology, art.weightSpecs, art.weightData));
      return [loaded.getWeights(), loaded.predict(cx(tf, 2))];
    },
  },
];

/** History values as plain numbers, for comparison. */
const hist = (h: { history: Record<string, unknown[]>; epoch: number[] }) => ({ epoch: h.epoch, history: h.history });
/** A regression model with fixed weights: 3 → 3 tanh → 1. */
function regressor(tf: TF) {
  const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'tanh', inputShape: [3] }), tf.layers.dense({ units: 1 })] });
  fix(tf, m);
  return m;
}
const ry = (tf: TF, n = 6) => seq(tf, [n, 1], (i) => Math.sin(i));

const fitting: Program[] = [
  {
    name: 'fit with validationSplit 0.5: the last half validates, val_loss and val_acc in the history',
    run: async (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: tf.train.sgd(0.3), loss: 'categoricalCrossentropy', metrics: ['acc'] });
      return hist(await m.fit(cx(tf, 8), cy(tf, 8), { epochs: 3, batchSize: 2, validationSplit: 0.5, shuffle: false, verbose: 0 }));
    },
  },
  {
    name: 'fit with validationData as an [x, y] pair, and evaluate on the same data gives the last val_loss',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mae'] });
      const h = await m.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 4, validationData: [cx(tf, 3), ry(tf, 3)], shuffle: false, verbose: 0 });
      return [hist(h), m.evaluate(cx(tf, 3), ry(tf, 3))];
    },
  },
  {
    name: 'fit with classWeight on a two-class softmax: the losses weigh class 1 three times',
    run: async (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: tf.train.sgd(0.2), loss: 'categoricalCrossentropy' });
      return hist(await m.fit(cx(tf), cy(tf), { epochs: 2, batchSize: 6, classWeight: { 0: 1, 1: 3 }, shuffle: false, verbose: 0 }));
    },
  },
  {
    name: 'fit with classWeight on a sigmoid output with binaryCrossentropy',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [3] })] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const y = tf.tensor2d([[1], [0], [0], [1], [0], [0]]);
      return [hist(await m.fit(cx(tf), y, { epochs: 2, batchSize: 3, classWeight: { 0: 0.5, 1: 2 }, shuffle: false, verbose: 0 })), m.getWeights()];
    },
  },
  {
    name: 'fit with initialEpoch 2 and epochs 4 runs two epochs numbered 2 and 3',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const seen: number[] = [];
      const h = await m.fit(cx(tf), ry(tf), { epochs: 4, initialEpoch: 2, batchSize: 6, verbose: 0, callbacks: { onEpochEnd: async (e) => { seen.push(e); } } });
      return [hist(h), seen];
    },
  },
  {
    name: 'fit with initialEpoch equal to epochs runs nothing',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      return hist(await m.fit(cx(tf), ry(tf), { epochs: 2, initialEpoch: 2, verbose: 0 }));
    },
  },
  {
    name: 'fit with batchSize larger than the data: one batch per epoch, batch hooks see the whole size',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const logs: unknown[] = [];
      const h = await m.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 100, verbose: 0, callbacks: { onBatchEnd: async (b, l) => { logs.push([b, l?.size, l?.batch]); } } });
      return [hist(h), logs];
    },
  },
  {
    name: 'fit with a batchSize that does not divide the data: the last batch is smaller, the epoch loss is weighted',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const sizes: unknown[] = [];
      const h = await m.fit(cx(tf, 7), ry(tf, 7), { epochs: 1, batchSize: 3, shuffle: false, verbose: 0, callbacks: { onBatchEnd: async (_b, l) => { sizes.push([l?.size, l?.loss]); } } });
      return [hist(h), sizes];
    },
  },
  {
    name: 'fit with yieldEvery never, epoch and batch: the same losses',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const yieldEvery of ['never', 'epoch', 'batch', 'auto'] as const) {
        const m = regressor(tf);
        m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
        out.push(hist(await m.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 2, shuffle: false, yieldEvery, verbose: 0 })).history);
      }
      return out;
    },
  },
  {
    name: 'fit with epochs 0 runs nothing and returns an empty history',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      return [hist(await m.fit(cx(tf), ry(tf), { epochs: 0, verbose: 0 })), m.getWeights()[1]];
    },
  },
  {
    name: 'fit with a yieldEvery that is not one of its names',
    deviation: "TF.js 4.22 takes any yieldEvery string (it yields as 'auto'); tessera refuses a value outside 'auto', 'batch', 'epoch', 'never' and a number, naming the option",
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      return hist(await m.fit(cx(tf), ry(tf), { epochs: 1, yieldEvery: 'sometimes' as 'auto', verbose: 0 }));
    },
  },
  {
    name: 'history keys and params with two metrics and validation: metric names as TF.js writes them',
    run: async (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy', 'categoricalCrossentropy', tf.metrics.categoricalAccuracy] });
      const h = await m.fit(cx(tf), cy(tf), { epochs: 1, batchSize: 3, validationSplit: 0.34, shuffle: false, verbose: 0 });
      return [Object.keys(h.history).sort(), h.params, m.metricsNames];
    },
  },
  {
    name: 'metricsNames and history of a two-output functional model with per-output losses and metrics by name',
    run: async (tf) => {
      const x = tf.input({ shape: [3] });
      const a = tf.layers.dense({ units: 1, name: 'ra' }).apply(x);
      const b = tf.layers.dense({ units: 2, activation: 'softmax', name: 'cb' }).apply(x);
      const m = tf.model({ inputs: x, outputs: [S(a), S(b)] });
      fix(tf, m);
      m.compile({ optimizer: 'sgd', loss: { ra: 'meanSquaredError', cb: 'categoricalCrossentropy' } as never, metrics: { ra: ['mae'], cb: ['accuracy'] } as never });
      const h = await m.fit(cx(tf), [ry(tf), cy(tf)], { epochs: 1, batchSize: 6, verbose: 0 });
      return [m.metricsNames, Object.keys(h.history).sort(), h.history.loss, h.history.cb_acc, h.history.ra_mae];
    },
  },
  {
    name: 'fit with shuffle true changes the batch order but an epoch of one batch is the same as unshuffled',
    run: async (tf) => {
      const a = regressor(tf);
      const b = regressor(tf);
      a.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      b.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      await a.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 6, shuffle: true, verbose: 0 });
      await b.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 6, shuffle: false, verbose: 0 });
      return [a.getWeights(), b.getWeights()];
    },
  },
  {
    name: 'fit with x and y of different sample counts, and y of the wrong width, is refused',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      return [
        await attemptAsync(async () => hist(await m.fit(cx(tf, 6), ry(tf, 5), { epochs: 1, verbose: 0 }))),
        await attemptAsync(async () => hist(await m.fit(cx(tf), tf.zeros([6, 2]), { epochs: 1, verbose: 0 }))),
        await attemptAsync(async () => hist(await m.fit(tf.zeros([6, 4]), ry(tf), { epochs: 1, verbose: 0 }))),
      ];
    },
  },
  {
    name: 'fit before compile is refused, and predict before compile works',
    run: async (tf) => {
      const m = regressor(tf);
      return [await attemptAsync(async () => hist(await m.fit(cx(tf), ry(tf), { epochs: 1, verbose: 0 }))), m.predict(cx(tf, 2))];
    },
  },
  {
    name: 'evaluate with batchSize 4 over 6 samples and with batchSize larger than the data: the same scalar',
    run: (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      return [m.evaluate(cx(tf), cy(tf), { batchSize: 4 }), m.evaluate(cx(tf), cy(tf), { batchSize: 64 }), m.evaluate(cx(tf), cy(tf))];
    },
  },
  {
    name: 'predict with batchSize 1, 4 and 100 gives the same; predict of one sample; predictOnBatch',
    run: (tf) => {
      const m = classifier(tf);
      return [m.predict(cx(tf), { batchSize: 1 }), m.predict(cx(tf), { batchSize: 4 }), m.predict(cx(tf), { batchSize: 100 }), m.predict(cx(tf, 1)), m.predictOnBatch(cx(tf, 2))];
    },
  },
  {
    name: 'predict with batchSize 0 is refused',
    run: (tf) => attempt(() => (classifier(tf).predict(cx(tf), { batchSize: 0 }) as Tensor).shape),
  },
  {
    name: 'predict of a batch of no samples',
    deviation: "TF.js 4.22's predict of a 0-sample batch throws from its own concat of the (no) batch results ('Pass at least one tensor to concat'); tessera returns the [0, units] result, as an op on an empty batch does",
    run: (tf) => (classifier(tf).predict(tf.zeros([0, 3])) as Tensor).shape,
  },
  {
    name: 'predict with the wrong feature size, the wrong rank, or a list for a one-input model is refused',
    run: (tf) => {
      const m = classifier(tf);
      return [
        attempt(() => (m.predict(tf.zeros([2, 4])) as Tensor).shape),
        attempt(() => (m.predict(tf.zeros([2, 3, 1])) as Tensor).shape),
        attempt(() => (m.predict(tf.zeros([3])) as Tensor).shape),
        attempt(() => (m.predict([cx(tf), cx(tf)]) as Tensor).shape),
      ];
    },
  },
  {
    name: 'a two-input model given one tensor is refused; given two it concatenates them',
    run: (tf) => {
      const a = tf.input({ shape: [2] });
      const b = tf.input({ shape: [3] });
      const m = tf.model({ inputs: [a, b], outputs: S(tf.layers.concatenate().apply([a, b])) });
      return [attempt(() => (m.predict(tf.zeros([2, 2])) as Tensor).shape), m.predict([tf.ones([2, 2]), seq(tf, [2, 3])])];
    },
  },
  {
    name: 'a two-input model given inputs of different batch sizes',
    deviation: "TF.js 4.22's predict takes the first input's sample count and silently cuts the other inputs to it; tessera refuses inputs whose batch sizes differ, naming them (as Keras's 'Data cardinality is ambiguous')",
    run: (tf) => {
      const a = tf.input({ shape: [2] });
      const b = tf.input({ shape: [3] });
      const m = tf.model({ inputs: [a, b], outputs: S(tf.layers.concatenate().apply([a, b])) });
      return m.predict([tf.ones([2, 2]), seq(tf, [3, 3])]);
    },
  },
  {
    name: 'trainOnBatch with metrics: loss and accuracy, the weights after one step',
    run: (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      return (async () => [await m.trainOnBatch(cx(tf), cy(tf)), m.evaluate(cx(tf), cy(tf)), m.getWeights()[0]])();
    },
  },
  {
    name: 'evaluate returns a scalar without metrics and a list with them',
    run: (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const a = m.evaluate(cx(tf), ry(tf));
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mse'] });
      const b = m.evaluate(cx(tf), ry(tf));
      return [Array.isArray(a), a, Array.isArray(b), b];
    },
  },
];

const surface: Program[] = [
  {
    name: 'summary of a sequential model with conv, pooling, flatten and dense layers',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 4, kernelSize: 3, inputShape: [8, 8, 1], name: 'sc1' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'sp1' }),
        tf.layers.flatten({ name: 'sf1' }),
        tf.layers.dense({ units: 3, name: 'sd1' }),
      ], name: 'sm1' });
      m.summary();
    },
  },
  {
    name: 'summary with lineLength and positions, and with a custom printFn',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'sd2' }), tf.layers.dense({ units: 1, name: 'sd3', trainable: false })], name: 'sm2' });
      m.summary(50, [0.5, 0.75, 1]);
      const lines: string[] = [];
      m.summary(undefined, undefined, (msg?: unknown) => { lines.push(String(msg)); });
      return lines;
    },
  },
  {
    name: 'summary of a functional model with two inputs and a merge: the connected-to column',
    run: (tf) => {
      const a = tf.input({ shape: [2], name: 'sa' });
      const b = tf.input({ shape: [2], name: 'sb' });
      const c = tf.layers.add({ name: 'sadd' }).apply([a, b]);
      const d = tf.layers.dense({ units: 1, name: 'sd4' }).apply(c);
      tf.model({ inputs: [a, b], outputs: S(d), name: 'sm3' }).summary();
    },
  },
  {
    name: 'summary of a model holding an lstm and a bidirectional, and of a nested sequential',
    run: (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [4], name: 'sd5' })], name: 'sin' });
      const m = tf.sequential({ layers: [
        tf.layers.lstm({ units: 4, returnSequences: true, inputShape: [5, 3], name: 'sl1' }),
        tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2 }) as never, name: 'sbi' }),
      ], name: 'sm4' });
      m.summary();
      tf.sequential({ layers: [inner, tf.layers.dense({ units: 1, name: 'sd6' })], name: 'sm5' }).summary();
    },
  },
  {
    name: 'summary of an unbuilt sequential model is refused',
    run: (tf) => attempt(() => tf.sequential({ layers: [tf.layers.dense({ units: 2 })] }).summary()),
  },
  {
    name: 'countParams of layers: conv2d, separableConv2d, lstm, gru (resetAfter), bidirectional, batchNormalization, embedding',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 4, kernelSize: 3, inputShape: [6, 6, 2] }),
        tf.layers.separableConv2d({ filters: 3, kernelSize: 2, depthMultiplier: 2 }),
        tf.layers.batchNormalization(),
        tf.layers.reshape({ targetShape: [9, 3] }),
        tf.layers.lstm({ units: 4, returnSequences: true }),
        tf.layers.gru({ units: 3, returnSequences: true }),
        tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2 }) as never }),
      ] });
      return [m.layers.map((l) => l.countParams()), m.countParams(), tf.sequential({ layers: [tf.layers.embedding({ inputDim: 7, outputDim: 3, inputShape: [2] })] }).countParams()];
    },
  },
  {
    name: 'countParams of an unbuilt layer is refused',
    run: (tf) => attempt(() => tf.layers.dense({ units: 2 }).countParams()),
  },
  {
    name: 'trainable false after compile: TF.js keeps training the weights until compile runs again',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      m.layers[0].trainable = false;
      await m.fit(cx(tf), ry(tf), { epochs: 1, batchSize: 6, verbose: 0 });
      const afterFirst = m.layers[0].getWeights()[0];
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      await m.fit(cx(tf), ry(tf), { epochs: 1, batchSize: 6, verbose: 0 });
      return [afterFirst, m.layers[0].getWeights()[0], m.trainableWeights.length, m.nonTrainableWeights.length];
    },
  },
  {
    name: 'model.trainable false freezes every layer; trainableWeights and nonTrainableWeights follow',
    run: (tf) => {
      const m = classifier(tf);
      const before = [m.trainableWeights.length, m.nonTrainableWeights.length];
      m.trainable = false;
      const after = [m.trainableWeights.length, m.nonTrainableWeights.length, m.layers.map((l) => l.trainable)];
      m.trainable = true;
      return [before, after, m.trainableWeights.map((w) => w.name.replace(/_\d+/g, ''))];
    },
  },
  {
    name: 'batchNormalization weights: trainable gamma and beta, non-trainable moving statistics, and the weights order',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.batchNormalization({ inputShape: [2] })] });
      const l = m.layers[0];
      return [l.trainableWeights.map((w) => w.shape), l.nonTrainableWeights.map((w) => w.shape), l.weights.map((w) => w.name.replace(/_\d+/g, '')), m.getWeights(true).length];
    },
  },
  {
    name: 'getWeights order of a functional model with a shared layer and two branches; setWeights in that order',
    run: (tf) => {
      const x = tf.input({ shape: [2] });
      const shared = tf.layers.dense({ units: 2, name: 'shared' });
      const a = shared.apply(x);
      const b = tf.layers.dense({ units: 2, name: 'br' }).apply(x);
      const c = shared.apply(b);
      const m = tf.model({ inputs: x, outputs: S(tf.layers.add().apply([S(a), S(c)])) });
      fix(tf, m);
      return [m.weights.map((w) => w.name.replace(/_\d+/g, '')), m.predict(tf.tensor2d([[1, 2]]))];
    },
  },
  {
    name: 'setWeights with too few tensors, or a tensor of the wrong shape, is refused',
    run: (tf) => {
      const m = classifier(tf);
      const w = m.getWeights();
      return [attempt(() => m.setWeights(w.slice(1))), attempt(() => m.setWeights([tf.zeros([3, 5]), ...w.slice(1)])), attempt(() => m.layers[0].setWeights([tf.zeros([3, 4])]))];
    },
  },
  {
    name: 'getWeights returns copies: changing a weight after getWeights leaves the copy alone',
    run: (tf) => {
      const m = regressor(tf);
      const w0 = m.getWeights()[0];
      m.setWeights(m.getWeights().map((w) => tf.onesLike(w)));
      return [w0, m.getWeights()[0]];
    },
  },
  {
    name: 'layer.apply on a tensor of the wrong feature size once built is refused, and the inputSpec ndim check',
    run: (tf) => {
      const d = tf.layers.dense({ units: 2 });
      d.apply(tf.zeros([1, 3]));
      const c = tf.layers.conv2d({ filters: 1, kernelSize: 1 });
      return [attempt(() => (d.apply(tf.zeros([1, 4])) as Tensor).shape), attempt(() => (c.apply(tf.zeros([1, 3, 3])) as Tensor).shape), attempt(() => (tf.layers.lstm({ units: 1 }).apply(tf.zeros([1, 2, 3, 4])) as Tensor).shape)];
    },
  },
  {
    name: 'a sequential model whose second layer cannot take the first one\'s output is refused when added',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [3] })] });
      return [attempt(() => { m.add(tf.layers.conv2d({ filters: 1, kernelSize: 2 })); return m.layers.length; }), m.layers.length, attempt(() => { m.add(tf.layers.lstm({ units: 1 })); return m.layers.length; })];
    },
  },
  {
    name: 'getLayer by name and index, layers list, and an unknown name',
    run: (tf) => {
      const m = classifier(tf);
      return [m.getLayer('hidden').name, m.getLayer(undefined, 2).name, m.layers.map((l) => l.name), attempt(() => m.getLayer('nope').name), attempt(() => m.getLayer(undefined, 9).name)];
    },
  },
  {
    name: 'model inputs, outputs, inputNames, outputNames and input/output shapes of a two-input two-output model',
    run: (tf) => {
      const a = tf.input({ shape: [2], name: 'ia' });
      const b = tf.input({ shape: [3, 4], name: 'ib' });
      const f = tf.layers.flatten({ name: 'fl' }).apply(b);
      const c = tf.layers.concatenate({ name: 'cc' }).apply([a, S(f)]);
      const o1 = tf.layers.dense({ units: 1, name: 'o1' }).apply(c);
      const o2 = tf.layers.dense({ units: 2, name: 'o2' }).apply(c);
      const m = tf.model({ inputs: [a, b], outputs: [S(o1), S(o2)] });
      return [m.inputNames, m.outputNames, m.inputs.map((i) => i.shape), m.outputs.map((o) => o.shape), m.inputLayers.map((l) => l.name), m.outputLayers.map((l) => l.name)];
    },
  },
];

const moreLayers: Program[] = [
  {
    name: 'conv3d with channelsFirst, strides and same padding: shapes and values',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.conv3d({ filters: 2, kernelSize: 2, strides: [1, 2, 2], padding: 'same', dataFormat: 'channelsFirst', inputShape: [2, 3, 4, 4] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.getWeights().map((w) => w.shape), m.predict(seq(tf, [1, 2, 3, 4, 4]))];
    },
  },
  {
    name: 'conv3d with dilationRate 2 and no bias',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.conv3d({ filters: 1, kernelSize: 2, dilationRate: 2, useBias: false, inputShape: [4, 4, 4, 1] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.predict(seq(tf, [1, 4, 4, 4, 1]))];
    },
  },
  {
    name: 'conv2dTranspose channelsFirst with kernel [3, 2] and strides [2, 1]: values',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.conv2dTranspose({ filters: 2, kernelSize: [3, 2], strides: [2, 1], padding: 'same', dataFormat: 'channelsFirst', inputShape: [1, 2, 3] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.getWeights().map((w) => w.shape), m.predict(seq(tf, [1, 1, 2, 3]))];
    },
  },
  {
    name: 'separableConv2d channelsFirst with strides 2 and same padding',
    deviation: "TF.js 4.22's separableConv2d with channelsFirst adds the bias along the last (width) axis instead of the channels, so it differs from its own channelsLast layer on the transposed input; tessera adds it per channel",
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.separableConv2d({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', dataFormat: 'channelsFirst', inputShape: [2, 4, 4] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.predict(seq(tf, [1, 2, 4, 4]))];
    },
  },
  {
    name: 'depthwiseConv2d channelsFirst with strides 2',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.depthwiseConv2d({ kernelSize: 2, strides: 2, dataFormat: 'channelsFirst', inputShape: [2, 4, 4] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.predict(seq(tf, [1, 2, 4, 4]))];
    },
  },
  {
    name: 'zeroPadding2d and cropping2D with channelsFirst',
    run: (tf) => {
      const x = seq(tf, [1, 2, 3, 3]);
      return [tf.layers.zeroPadding2d({ padding: [1, 2], dataFormat: 'channelsFirst' }).apply(x), tf.layers.cropping2D({ cropping: [[1, 0], [0, 2]], dataFormat: 'channelsFirst' }).apply(x)];
    },
  },
  {
    name: 'upSampling2d with bilinear interpolation, size 2 and [2, 3]',
    run: (tf) => {
      const x = seq(tf, [1, 2, 3, 1], (i) => i * i);
      return [tf.layers.upSampling2d({ size: [2, 2], interpolation: 'bilinear' }).apply(x), tf.layers.upSampling2d({ size: [2, 3], interpolation: 'bilinear' }).apply(x)];
    },
  },
  {
    name: 'convLstm2d with same padding and returnSequences: shapes and values',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.convLstm2d({ filters: 2, kernelSize: 2, padding: 'same', returnSequences: true, inputShape: [2, 3, 3, 1] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.getWeights().map((w) => w.shape), m.predict(seq(tf, [1, 2, 3, 3, 1]))];
    },
  },
  {
    name: 'dot layer with axes 1 and normalize, axes [2, 2] on sequences, and axes -1',
    run: (tf) => {
      const a = seq(tf, [2, 3]);
      const b = seq(tf, [2, 3], (i) => Math.sin(i));
      const c = seq(tf, [2, 2, 3]);
      const d = seq(tf, [2, 4, 3], (i) => Math.sin(i));
      return [
        tf.layers.dot({ axes: 1 }).apply([a, b]), tf.layers.dot({ axes: 1, normalize: true }).apply([a, b]),
        tf.layers.dot({ axes: [2, 2] }).apply([c, d]), tf.layers.dot({ axes: -1 }).apply([a, b]),
      ];
    },
  },
  {
    name: 'dot layer with axes of mismatched sizes is refused',
    run: (tf) => attempt(() => tf.layers.dot({ axes: 1 }).apply([tf.ones([2, 3]), tf.ones([2, 4])])),
  },
  {
    name: 'concatenate on axis 1 of sequences, the symbolic shape on axis -2, and mismatched shapes refused',
    run: (tf) => {
      const a = seq(tf, [1, 2, 3]);
      const b = seq(tf, [1, 1, 3], (i) => -i);
      return [tf.layers.concatenate({ axis: 1 }).apply([a, b]), S(tf.layers.concatenate({ axis: -2 }).apply([tf.input({ shape: [2, 3] }), tf.input({ shape: [1, 3] })])).shape, attempt(() => tf.layers.concatenate().apply([a, b]))];
    },
  },
  {
    name: 'concatenate on axis -2 of sequences (eager)',
    deviation: "TF.js 4.22's concatenate layer concatenates eager tensors on the last axis whatever negative axis it was given (its symbolic shape uses the right one); tessera concatenates on the axis given",
    run: (tf) => tf.layers.concatenate({ axis: -2 }).apply([seq(tf, [1, 2, 3]), seq(tf, [1, 1, 3], (i) => -i)]),
  },
  {
    name: 'minimum and maximum layers of two and three inputs; add of one input is refused',
    run: (tf) => {
      const a = tf.tensor2d([[1, 5], [3, -2]]);
      const b = tf.tensor2d([[2, 2], [2, 2]]);
      return [tf.layers.minimum().apply([a, b]), tf.layers.maximum().apply([a, b, tf.ones([2, 2])]), tf.layers.average().apply([a, b, b]), attempt(() => tf.layers.add().apply([a]))];
    },
  },
  {
    name: 'add and multiply layers broadcast inputs of different ranks',
    run: (tf) => [
      attempt(() => (tf.layers.add().apply([seq(tf, [2, 3, 2]), seq(tf, [2, 2])]) as Tensor).arraySync()),
      attempt(() => (tf.layers.multiply().apply([seq(tf, [2, 1, 2]), seq(tf, [2, 3, 2])]) as Tensor).arraySync()),
    ],
  },
  {
    name: 'a merge of symbolic inputs with different batch dims in their shapes: the output shape',
    run: (tf) => {
      const a = tf.input({ shape: [3] });
      const b = tf.input({ batchShape: [4, 3] });
      return [S(tf.layers.add().apply([a, b])).shape, S(tf.layers.concatenate({ axis: 0 }).apply([a, b])).shape];
    },
  },
  {
    name: 'embedding given an int32 input layer, flatten and dense after it',
    run: (tf) => {
      const x = tf.input({ shape: [3], dtype: 'int32' });
      const e = tf.layers.embedding({ inputDim: 6, outputDim: 2 }).apply(x);
      const d = tf.layers.dense({ units: 1 }).apply(tf.layers.flatten().apply(e));
      const m = tf.model({ inputs: x, outputs: S(d) });
      fix(tf, m);
      return [m.inputs[0].dtype, m.predict(tf.tensor2d([[1, 5, 0], [2, 2, 3]], [2, 3], 'int32'))];
    },
  },
  {
    name: 'embedding fit with sparseCategoricalCrossentropy over a dense softmax: losses and the embedding after',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 3, activation: 'softmax' })] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.adam(0.1), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      const h = await m.fit(tf.tensor2d([[0, 1], [2, 3], [1, 1], [3, 0]]), tf.tensor2d([[0], [1], [2], [1]]), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history, m.layers[0].getWeights()[0]];
    },
  },
  {
    name: 'timeDistributed dense: getConfig, countParams, computeOutputShape and trainable weights',
    run: (tf) => {
      const td = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, kernelInitializer: 'ones' }), inputShape: [4, 2] });
      const m = tf.sequential({ layers: [td] });
      return [td.countParams(), td.computeOutputShape([null, 4, 2]), td.trainableWeights.map((w) => w.shape), m.predict(seq(tf, [1, 4, 2]))];
    },
  },
  {
    name: 'timeDistributed computeMask passes the mask of a masked embedding on',
    run: (tf) => {
      const x = tf.input({ shape: [5] });
      const e = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(x);
      const td = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) });
      const y = td.apply(e);
      const m = tf.model({ inputs: x, outputs: S(y) });
      fix(tf, m);
      return [m.predict(ids(tf)), td.computeMask(seq(tf, [3, 5, 2]), tf.tensor2d([[1, 0, 1, 0, 1], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]], [3, 5], 'bool')) ?? 'none'];
    },
  },
  {
    name: 'a gru with goBackwards and returnState over a masked embedding',
    run: (tf) => {
      const x = tf.input({ shape: [5] });
      const e = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(x);
      const outs = tf.layers.gru({ units: 2, goBackwards: true, returnState: true, returnSequences: true }).apply(e) as SymbolicTensor[];
      const m = tf.model({ inputs: x, outputs: outs });
      fix(tf, m);
      return m.predict(ids(tf));
    },
  },
  {
    name: 'a stateful lstm fit over two batches without shuffle, then predict continues the state',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 3, 2] }), tf.layers.dense({ units: 1 })] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await m.fit(seq(tf, [4, 3, 2]), seq(tf, [4, 1], (i) => i / 4), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      const p1 = m.predict(seq(tf, [2, 3, 2]));
      m.resetStates();
      return [h.history, p1, m.predict(seq(tf, [2, 3, 2]))];
    },
  },
  {
    name: 'a stateful gru given a batch of another size than its batchInputShape is refused',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.gru({ units: 2, stateful: true, batchInputShape: [2, 3, 2] })] });
      return attempt(() => (m.predict(seq(tf, [3, 3, 2])) as Tensor).shape);
    },
  },
];

const training2: Program[] = [
  {
    name: 'compile with each optimizer name: one fit epoch and the weights after',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const opt of ['sgd', 'rmsprop', 'adagrad', 'adadelta', 'adamax', 'momentum'] as const) {
        const m = regressor(tf);
        const r = await attemptAsync(async () => {
          m.compile({ optimizer: opt, loss: 'meanSquaredError' });
          const h = await m.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
          return [h.history.loss, m.getWeights()[0].arraySync()];
        });
        out.push(opt, r);
      }
      return out;
    },
  },
  {
    name: 'compile with optimizer objects rmsprop(momentum, centered), adagrad(initial), adamax and momentum(nesterov)',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const opt of [tf.train.rmsprop(0.01, 0.9, 0.5, 1e-6, true), tf.train.adagrad(0.1, 0.5), tf.train.adamax(0.02), tf.train.momentum(0.05, 0.9, true), tf.train.adadelta(1, 0.9)]) {
        const m = regressor(tf);
        m.compile({ optimizer: opt, loss: 'meanSquaredError' });
        const h = await m.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
        out.push(h.history.loss, m.getWeights()[2]);
      }
      return out;
    },
  },
  {
    name: 'an unknown optimizer or loss name in compile is refused',
    run: (tf) => {
      const m = regressor(tf);
      return [attempt(() => m.compile({ optimizer: 'nadam', loss: 'meanSquaredError' })), attempt(() => m.compile({ optimizer: 'sgd', loss: 'squaredError' })), attempt(() => m.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['f1'] }))];
    },
  },
  {
    name: 'compile with a loss function of the user, and a metric function with a name',
    run: async (tf) => {
      const m = regressor(tf);
      const absLoss = (yTrue: Tensor, yPred: Tensor) => tf.mean(tf.abs(tf.sub(yTrue, yPred)), -1);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: absLoss, metrics: [tf.metrics.meanSquaredError] });
      const h = await m.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 6, verbose: 0 });
      return [Object.keys(h.history).sort(), h.history.loss, m.metricsNames];
    },
  },
  {
    name: 'callbacks as an array of objects: the order of hooks, and stopTraining from onBatchEnd',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const seen: string[] = [];
      const h = await m.fit(cx(tf), ry(tf), { epochs: 3, batchSize: 2, verbose: 0, callbacks: [
        { onTrainBegin: async () => { seen.push('trainBegin'); }, onEpochBegin: async (e) => { seen.push(`epochBegin ${e}`); } },
        { onBatchEnd: async (b) => { seen.push(`batchEnd ${b}`); if (b === 1) m.stopTraining = true; }, onTrainEnd: async () => { seen.push('trainEnd'); } },
      ] });
      return [seen, h.epoch];
    },
  },
  {
    name: 'earlyStopping on loss with patience 0 and a growing loss stops after the second epoch',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(3), loss: 'meanSquaredError' });
      const h = await m.fit(cx(tf), ry(tf), { epochs: 6, batchSize: 6, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'loss', patience: 0 }) });
      return [h.epoch, h.history.loss];
    },
  },
  {
    name: 'earlyStopping monitoring a metric the model has not got is a warning, not an error',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await attemptAsync(async () => (await m.fit(cx(tf), ry(tf), { epochs: 2, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'val_acc' }) })).epoch);
      return h;
    },
  },
  {
    name: 'earlyStopping with restoreBestWeights',
    deviation: 'TF.js 4.22 throws (restoreBestWeights is not implemented); tessera implements it, as Keras (README)',
    run: (tf) => attempt(() => tf.callbacks.earlyStopping({ restoreBestWeights: true } as unknown as { patience: number })),
  },
  {
    name: 'onEpochEnd logs with validationData: loss, val_loss and metrics per epoch',
    run: async (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: tf.train.sgd(0.2), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const logs: unknown[] = [];
      await m.fit(cx(tf), cy(tf), { epochs: 2, batchSize: 3, shuffle: false, validationData: [cx(tf, 3), cy(tf, 3)], verbose: 0, callbacks: { onEpochEnd: async (e, l) => { logs.push([e, l]); } } });
      return logs;
    },
  },
  {
    name: 'fit with validationSplit 1 or a negative split',
    deviation: 'TF.js 4.22 ignores a validationSplit outside (0, 1) and trains without validation; tessera refuses it as bad input (README)',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      return [await attemptAsync(async () => hist(await m.fit(cx(tf), ry(tf), { epochs: 1, validationSplit: 1, verbose: 0 }))),
        await attemptAsync(async () => hist(await m.fit(cx(tf), ry(tf), { epochs: 1, validationSplit: -0.5, verbose: 0 })))];
    },
  },
  {
    name: 'fit on a model with two inputs given as an array and as a dict by input name',
    run: async (tf) => {
      const a = tf.input({ shape: [2], name: 'xa' });
      const b = tf.input({ shape: [1], name: 'xb' });
      const o = tf.layers.dense({ units: 1 }).apply(tf.layers.concatenate().apply([a, b]));
      const m = tf.model({ inputs: [a, b], outputs: S(o) });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h1 = await m.fit([seq(tf, [4, 2]), seq(tf, [4, 1])], seq(tf, [4, 1], Math.sin), { epochs: 1, batchSize: 4, verbose: 0 });
      const h2 = await m.fit({ xa: seq(tf, [4, 2]), xb: seq(tf, [4, 1]) }, seq(tf, [4, 1], Math.sin), { epochs: 1, batchSize: 4, verbose: 0 });
      return [h1.history.loss, h2.history.loss, m.predict([seq(tf, [1, 2]), seq(tf, [1, 1])])];
    },
  },
  {
    name: 'predict on a model with two inputs given as a dict by input name',
    deviation: "TF.js 4.22's predict refuses a dict of inputs ('Expected to see 2 Tensor(s), but instead got 0'), though fit takes one; tessera's predict takes it, as Keras (README)",
    run: (tf) => {
      const a = tf.input({ shape: [2], name: 'xa' });
      const b = tf.input({ shape: [1], name: 'xb' });
      const m = tf.model({ inputs: [a, b], outputs: S(tf.layers.concatenate().apply([a, b])) });
      return m.predict({ xa: seq(tf, [1, 2]), xb: seq(tf, [1, 1]) } as never);
    },
  },
  {
    name: 'fit with y given as a dict by output name for a two-output model',
    run: async (tf) => {
      const x = tf.input({ shape: [3] });
      const a = tf.layers.dense({ units: 1, name: 'ya' }).apply(x);
      const b = tf.layers.dense({ units: 1, name: 'yb' }).apply(x);
      const m = tf.model({ inputs: x, outputs: [S(a), S(b)] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await m.fit(cx(tf), { ya: ry(tf), yb: tf.zeros([6, 1]) }, { epochs: 2, batchSize: 6, verbose: 0 });
      return [h.history, m.metricsNames];
    },
  },
  {
    name: 'fitDataset with validationData as a dataset and batchesPerEpoch',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mae'] });
      const xs = tf.data.array([[1, 2, 3], [0, 1, 0], [2, 0, 1], [1, 1, 1]].map((r) => tf.tensor1d(r)));
      const ys = tf.data.array([[0.5], [0], [1], [-1]].map((r) => tf.tensor1d(r)));
      const ds = tf.data.zip({ xs, ys }).batch(2);
      const h = await m.fitDataset(ds, { epochs: 2, batchesPerEpoch: 2, validationData: ds, verbose: 0 });
      return [h.history, await m.evaluateDataset(ds as never, {})];
    },
  },
];

const roundTrips: Program[] = [
  {
    name: 'a model of many layer kinds through toJSON and modelFromJSON: same JSON, same predictions',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 2, padding: 'same', kernelInitializer: 'ones', inputShape: [4, 4, 1], name: 'rt_c' }),
        tf.layers.batchNormalization({ name: 'rt_bn' }),
        tf.layers.activation({ activation: 'elu', name: 'rt_a' }),
        tf.layers.depthwiseConv2d({ kernelSize: 2, depthwiseInitializer: 'ones', name: 'rt_dw' }),
        tf.layers.averagePooling2d({ poolSize: 1, name: 'rt_ap' }),
        tf.layers.zeroPadding2d({ padding: 1, name: 'rt_zp' }),
        tf.layers.separableConv2d({ filters: 2, kernelSize: 2, depthwiseInitializer: 'ones', pointwiseInitializer: 'ones', name: 'rt_sep' }),
        tf.layers.reshape({ targetShape: [8, 2], name: 'rt_r' }),
        tf.layers.conv1d({ filters: 2, kernelSize: 2, kernelInitializer: 'ones', name: 'rt_c1' }),
        tf.layers.simpleRNN({ units: 2, returnSequences: true, name: 'rt_rnn' }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, kernelInitializer: 'ones', name: 'rt_tdd' }), name: 'rt_td' }),
        tf.layers.layerNormalization({ name: 'rt_ln' }),
        tf.layers.globalMaxPooling1d({ name: 'rt_gmp' }),
        tf.layers.repeatVector({ n: 2, name: 'rt_rv' }),
        tf.layers.flatten({ name: 'rt_f' }),
        tf.layers.leakyReLU({ alpha: 0.2, name: 'rt_lr' }),
        tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'rt_d' }),
      ], name: 'rt_model' });
      fix(tf, m);
      const json = m.toJSON(null, false);
      const copy = await tf.models.modelFromJSON(json as object);
      copy.setWeights(m.getWeights());
      const x = seq(tf, [2, 4, 4, 1]);
      return [JSON.stringify(copy.toJSON(null, false)) === JSON.stringify(json), copy.predict(x), m.predict(x)];
    },
  },
  {
    name: 'toJSON of recurrent wrappers: bidirectional lstm, timeDistributed dense, rnn over a stack of cells',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnSequences: true, name: 'bl' }) as never, mergeMode: 'concat', name: 'bi', inputShape: [3, 2] }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, kernelInitializer: 'zeros', name: 'tdd' }), name: 'td' }),
        tf.layers.rnn({ cell: [tf.layers.gruCell({ units: 2, name: 'gc' }), tf.layers.simpleRNNCell({ units: 1, name: 'sc' })], name: 'stack' }),
      ], name: 'rw' });
      return m.toJSON(null, false);
    },
  },
  {
    name: 'weight names in the saved weightSpecs of named recurrent, wrapper and normalization layers',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, returnSequences: true, name: 'wg' }) as never, name: 'wbi', inputShape: [3, 2] }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, name: 'wtdd' }), name: 'wtd' }),
        tf.layers.batchNormalization({ name: 'wbn' }),
        tf.layers.lstm({ units: 1, name: 'wl' }),
      ], name: 'wm' });
      const { saved, handler } = memorySaver(tf);
      await m.save(handler);
      return (saved.artifacts as { weightSpecs: { name: string; shape: number[] }[] }).weightSpecs.map((w) => [w.name, w.shape]);
    },
  },
  {
    name: 'weights of a named model: names of getWeights variables, and model.weights with a frozen first layer',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [2], name: 'fz1' }),
        tf.layers.batchNormalization({ name: 'fz2' }),
        tf.layers.dense({ units: 1, name: 'fz3' }),
      ] });
      m.layers[0].trainable = false;
      return [m.weights.map((w) => w.name), m.trainableWeights.map((w) => w.name), m.nonTrainableWeights.map((w) => w.name), m.getWeights().map((w) => w.shape)];
    },
  },
  {
    name: 'a frozen layer in a saved and loaded model stays frozen: trainable flags and weight order',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'sf1', trainable: false }), tf.layers.dense({ units: 1, name: 'sf2' })] });
      fix(tf, m);
      const { saved, handler } = memorySaver(tf);
      await m.save(handler);
      const art = saved.artifacts as { modelTopology: object; weightSpecs: never[]; weightData: ArrayBuffer };
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(art.modelTopology, art.weightSpecs, art.weightData));
      return [loaded.layers.map((l) => l.trainable), loaded.trainableWeights.length, (art.weightSpecs as { name: string }[]).map((w) => w.name), loaded.predict(tf.ones([1, 2]))];
    },
  },
  {
    name: 'summary after freezing a layer: trainable and non-trainable counts',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], name: 'sfz1' }), tf.layers.batchNormalization({ name: 'sfz2' }), tf.layers.dense({ units: 1, name: 'sfz3' })], name: 'sfz' });
      m.layers[0].trainable = false;
      m.summary();
    },
  },
  {
    name: 'summary of a functional model with a shared layer applied twice and a nested functional model',
    run: (tf) => {
      const ix = tf.input({ shape: [2], name: 'nix' });
      const inner = tf.model({ inputs: ix, outputs: S(tf.layers.dense({ units: 2, name: 'nid' }).apply(ix)), name: 'ninner' });
      const x = tf.input({ shape: [2], name: 'nx' });
      const shared = tf.layers.dense({ units: 2, name: 'nshared' });
      const a = shared.apply(x);
      const b = shared.apply(S(inner.apply(x)));
      tf.model({ inputs: x, outputs: S(tf.layers.add({ name: 'nadd' }).apply([S(a), S(b)])), name: 'nouter' }).summary();
    },
  },
  {
    name: 'summary of a model with a masked embedding, an lstm returning states and several outputs',
    run: (tf) => {
      const x = tf.input({ shape: [5], name: 'mx' });
      const e = tf.layers.embedding({ inputDim: 5, outputDim: 3, maskZero: true, name: 'me' }).apply(x);
      const outs = tf.layers.lstm({ units: 2, returnState: true, name: 'ml' }).apply(e) as SymbolicTensor[];
      tf.model({ inputs: x, outputs: outs, name: 'mm' }).summary(80);
    },
  },
  {
    name: 'a sequential model starting with an explicit inputLayer, and one with inputShape and batchSize',
    run: (tf) => {
      const a = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3] }), tf.layers.dense({ units: 2, kernelInitializer: 'ones' })] });
      const b = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], batchSize: 4, kernelInitializer: 'ones' })] });
      return [a.layers.length, a.inputs[0].shape, a.predict(seq(tf, [2, 3])), b.inputs[0].shape, b.outputs[0].shape, b.predict(seq(tf, [4, 3]))];
    },
  },
  {
    name: 'a sequential model added as a layer of another, and a model applied to a tensor',
    run: (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' })] });
      const outer = tf.sequential();
      outer.add(inner);
      outer.add(tf.layers.dense({ units: 1, kernelInitializer: 'ones' }));
      return [outer.layers.length, outer.countParams(), outer.predict(seq(tf, [2, 3])), inner.apply(seq(tf, [1, 3])), outer.getWeights().length];
    },
  },
  {
    name: 'Sequential.pop then add: the output shape and predictions follow the new last layer',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'ones' }), tf.layers.dense({ units: 4 })] });
      m.pop();
      m.add(tf.layers.dense({ units: 1, kernelInitializer: 'ones' }));
      return [m.outputs[0].shape, m.layers.length, m.predict(tf.ones([1, 2]))];
    },
  },
  {
    name: 'a layer shared by two models trains in both: weights seen from the other model change',
    run: async (tf) => {
      const shared = tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' });
      const a = tf.sequential({ layers: [shared] });
      const b = tf.sequential({ layers: [shared, tf.layers.activation({ activation: 'relu' })] });
      a.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      await a.fit(tf.ones([2, 2]), tf.zeros([2, 1]), { epochs: 1, verbose: 0 });
      return [b.getWeights(), b.predict(tf.ones([1, 2]))];
    },
  },
];

const classWeights: Program[] = [
  {
    name: 'classWeight with sparse integer labels and sparseCategoricalCrossentropy',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [3] })] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.3), loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
      const y = tf.tensor2d([[0], [2], [1], [2], [0], [2]]);
      const h = await m.fit(cx(tf), y, { epochs: 2, batchSize: 6, classWeight: { 0: 1, 1: 2, 2: 0.5 }, verbose: 0 });
      return [h.history, m.getWeights()[1]];
    },
  },
  {
    name: 'classWeight missing a class that is in the labels is refused',
    run: async (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: tf.train.sgd(0.3), loss: 'categoricalCrossentropy' });
      return attemptAsync(async () => (await m.fit(cx(tf), cy(tf), { epochs: 1, batchSize: 6, classWeight: { 1: 4 }, verbose: 0 })).history);
    },
  },
  {
    name: 'classWeight for a two-output model as a list of dicts',
    run: async (tf) => {
      const x = tf.input({ shape: [3] });
      // Named, so the history's keys do not depend on how many dense layers earlier programs made in each library.
      const o1 = tf.layers.dense({ units: 2, activation: 'softmax', name: 'cw_first' }).apply(x);
      const o2 = tf.layers.dense({ units: 2, activation: 'softmax', name: 'cw_second' }).apply(x);
      const two = tf.model({ inputs: x, outputs: [S(o1), S(o2)] });
      fix(tf, two);
      two.compile({ optimizer: tf.train.sgd(0.3), loss: 'categoricalCrossentropy' });
      return attemptAsync(async () => (await two.fit(cx(tf), [cy(tf), cy(tf)], { epochs: 2, batchSize: 6, classWeight: [{ 0: 2, 1: 1 }, { 0: 1, 1: 3 }], verbose: 0 })).history);
    },
  },
  {
    name: 'classWeight with a validationSplit: the validation loss is not weighted',
    run: async (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: tf.train.sgd(0.3), loss: 'categoricalCrossentropy' });
      const h = await m.fit(cx(tf, 8), cy(tf, 8), { epochs: 2, batchSize: 4, classWeight: { 0: 0.2, 1: 5 }, validationSplit: 0.25, shuffle: false, verbose: 0 });
      return h.history;
    },
  },
  {
    name: 'history.params with validation, and two fits give separate histories',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mae'] });
      const a = await m.fit(cx(tf), ry(tf), { epochs: 1, batchSize: 4, validationSplit: 0.5, verbose: 0 });
      const b = await m.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 2, verbose: 0 });
      return [a.params, b.params, a.epoch, b.epoch, Object.keys(a.history), Object.keys(b.history)];
    },
  },
  {
    name: 'fit with yieldEvery a number of milliseconds trains as usual',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      return hist(await m.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 2, shuffle: false, yieldEvery: 5, verbose: 0 }));
    },
  },
  {
    name: 'fit with validationData of three elements (with sample weights)',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      return attemptAsync(async () => hist(await m.fit(cx(tf), ry(tf), { epochs: 1, validationData: [cx(tf, 2), ry(tf, 2), tf.ones([2])] as never, verbose: 0 })));
    },
  },
];

const graphs: Program[] = [
  {
    name: 'a model whose output is not reachable from its inputs is refused',
    run: (tf) => {
      const a = tf.input({ shape: [2] });
      const c = tf.input({ shape: [2] });
      return attempt(() => tf.model({ inputs: a, outputs: S(tf.layers.dense({ units: 1 }).apply(c)) }).layers.length);
    },
  },
  {
    name: 'a model with an input no output depends on: its layers, and predict given both inputs',
    deviation: "TF.js 4.22 leaves the layer of an input that no output depends on out of model.layers (it still takes that input's tensor); tessera lists every input's layer, as Keras",
    run: (tf) => {
      const a = tf.input({ shape: [2] });
      const b = tf.input({ shape: [2] });
      const m = tf.model({ inputs: [a, b], outputs: S(tf.layers.dense({ units: 1, kernelInitializer: 'ones' }).apply(a)) });
      return [m.layers.length, m.predict([tf.ones([1, 2]), tf.zeros([1, 2])])];
    },
  },
  {
    name: 'two layers with the same name in one model are refused (by the time the model runs)',
    run: (tf) => [
      attempt(() => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'dup' }), tf.layers.dense({ units: 1, name: 'dup' })] }).predict(tf.ones([1, 2]))),
      attempt(() => {
        const x = tf.input({ shape: [2], name: 'same' });
        const y = tf.input({ shape: [2], name: 'same' });
        return tf.model({ inputs: [x, y], outputs: S(tf.layers.add().apply([x, y])) }).layers.length;
      }),
    ],
  },
  {
    name: 'a model listing the same output twice',
    deviation: "TF.js 4.22's predict of a model that lists one output twice fails inside its batching ('Argument tensors[0] passed to concat must be a Tensor'); tessera returns it twice, as Keras",
    run: (tf) => {
      const x = tf.input({ shape: [2] });
      const d = tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'tw' }).apply(x);
      const twice = tf.model({ inputs: x, outputs: [S(d), S(d)] });
      return [twice.predict(tf.tensor2d([[1, 2]])), twice.outputNames];
    },
  },
  {
    name: 'a model whose output is its input',
    run: (tf) => {
      const x = tf.input({ shape: [2] });
      const id = tf.model({ inputs: x, outputs: x });
      return [id.predict(tf.tensor2d([[1, 2]])), id.layers.length];
    },
  },
  {
    name: 'a model given a tensor (not a symbolic input) as its input is refused',
    run: (tf) => attempt(() => tf.model({ inputs: tf.ones([1, 2]) as never, outputs: tf.ones([1, 2]) as never }).layers.length),
  },
  {
    name: 'a layer applied to a list when it takes one input, and a merge layer applied to one tensor, are refused',
    run: (tf) => [attempt(() => (tf.layers.dense({ units: 1 }).apply([tf.ones([1, 2]), tf.ones([1, 2])]) as Tensor[]).length), attempt(() => (tf.layers.concatenate().apply(tf.ones([1, 2])) as Tensor).shape)],
  },
  {
    name: 'apply of a layer to a symbolic tensor and an eager tensor mixed in one list is refused',
    run: (tf) => attempt(() => tf.layers.add().apply([tf.input({ shape: [2] }), tf.ones([1, 2])] as never) && 'ok'),
  },
  {
    name: 'layer input, output, inputShape and outputShape after one application; after two they throw',
    run: (tf) => {
      const d = tf.layers.dense({ units: 3 });
      const a = tf.input({ shape: [2] });
      d.apply(a);
      const first = [S(d.input).shape, S(d.output).shape, d.outputShape, d.inboundNodes.length];
      d.apply(tf.input({ shape: [2] }));
      return [first, attempt(() => S(d.output).shape), S(d.getOutputAt(1)).shape, d.inboundNodes.length];
    },
  },
  {
    name: 'computeMask of an lstm with and without returnSequences, of dense, and of flatten without a mask',
    run: (tf) => {
      const mask = tf.tensor2d([[1, 1, 0], [1, 0, 0]], [2, 3], 'bool');
      const x = seq(tf, [2, 3, 2]);
      const a = tf.layers.lstm({ units: 2, returnSequences: true });
      const b = tf.layers.lstm({ units: 2 });
      const d = tf.layers.dense({ units: 2 });
      return [a.computeMask(x, mask) ?? 'none', b.computeMask(x, mask) ?? 'none', d.computeMask(x, mask) ?? 'none', tf.layers.flatten().computeMask(x) ?? 'none'];
    },
  },
  {
    name: 'supportsMasking of each built-in layer kind, and of a model',
    run: (tf) => {
      const L = tf.layers;
      const layers = [
        L.dense({ units: 1 }), L.embedding({ inputDim: 2, outputDim: 1 }), L.embedding({ inputDim: 2, outputDim: 1, maskZero: true }), L.masking(), L.flatten(), L.reshape({ targetShape: [1] }),
        L.permute({ dims: [1] }), L.repeatVector({ n: 2 }), L.activation({ activation: 'relu' }), L.dropout({ rate: 0.1 }), L.conv1d({ filters: 1, kernelSize: 1 }), L.conv2d({ filters: 1, kernelSize: 1 }),
        L.maxPooling1d({}), L.globalAveragePooling1d(), L.globalMaxPooling1d(), L.lstm({ units: 1 }), L.gru({ units: 1 }), L.simpleRNN({ units: 1 }), L.lstmCell({ units: 1 }),
        L.bidirectional({ layer: L.lstm({ units: 1 }) as never }), L.timeDistributed({ layer: L.dense({ units: 1 }) }), L.add(), L.concatenate(), L.multiply(), L.average(), L.maximum(), L.minimum(), L.dot({ axes: 1 }),
        L.batchNormalization(), L.layerNormalization(), L.leakyReLU(), L.prelu(), L.elu(), L.reLU(), L.softmax(), L.thresholdedReLU(), L.gaussianNoise({ stddev: 1 }), L.gaussianDropout({ rate: 0.1 }),
        L.alphaDropout({ rate: 0.1 }), L.zeroPadding2d(), L.upSampling2d({ size: [2, 2] }), L.cropping2D({ cropping: 1 }), L.separableConv2d({ filters: 1, kernelSize: 1 }), L.depthwiseConv2d({ kernelSize: 1 }), L.conv2dTranspose({ filters: 1, kernelSize: 1 }),
        L.inputLayer({ inputShape: [1] }), L.convLstm2d({ filters: 1, kernelSize: 1 }), L.rnn({ cell: L.gruCell({ units: 1 }) }),
      ];
      const m = tf.sequential({ layers: [L.dense({ units: 1, inputShape: [1] })] });
      // Truthiness: TF.js leaves the flag undefined on an embedding without maskZero.
      return [layers.map((l) => [l.getClassName(), Boolean(l.supportsMasking)]), m.supportsMasking];
    },
  },
  {
    name: 'computeMask given a mask by a layer that does not support masking throws a TypeError naming the layer',
    run: (tf) => {
      const mask = tf.tensor2d([[1, 0]], [1, 2], 'bool');
      const x = seq(tf, [1, 2, 3]);
      const error = (f: () => unknown) => {
        try { f(); return 'no error'; } catch (e) { return [e instanceof TypeError, (e as Error).message]; }
      };
      return [
        error(() => tf.layers.flatten({ name: 'cm_flat' }).computeMask(x, mask)),
        error(() => tf.layers.conv1d({ filters: 1, kernelSize: 1, name: 'cm_conv' }).computeMask(x, mask)),
        error(() => tf.layers.globalAveragePooling1d({ name: 'cm_gap' }).computeMask(x, [mask, null] as never)),
        tf.layers.flatten({ name: 'cm_flat2' }).computeMask(x, [null] as never) ?? 'none',
      ];
    },
  },
  {
    name: 'masks in a model stop at a layer that does not support masking: conv1d, flatten and pooling after a masked embedding',
    run: (tf) => [
      masked(tf, [tf.layers.conv1d({ filters: 2, kernelSize: 1 }), tf.layers.lstm({ units: 2 })]).predict(ids(tf)),
      masked(tf, [tf.layers.globalMaxPooling1d(), tf.layers.dense({ units: 1 })]).predict(ids(tf)),
      masked(tf, [tf.layers.reshape({ targetShape: [5, 3] }), tf.layers.simpleRNN({ units: 2 })]).predict(ids(tf)),
    ],
  },
  {
    name: 'an lstm applied eagerly with an explicit mask and initialState tensors',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, returnSequences: true, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const x = seq(tf, [2, 3, 2]);
      const mask = tf.tensor2d([[1, 1, 0], [1, 0, 1]], [2, 3], 'bool');
      return [l.apply(x, { mask }), l.apply(x, { initialState: [tf.ones([2, 2]), tf.zeros([2, 2])] })];
    },
  },
  {
    name: 'a simpleRNN with goBackwards, stateful and returnState: states after two predicts',
    deviation: "TF.js 4.22's predict runs a layer once per output it gives, so a stateful RNN with returnState steps its state two times per predict; tessera runs it once",
    run: (tf) => {
      const input = tf.input({ batchShape: [2, 3, 2] });
      const outs = tf.layers.simpleRNN({ units: 2, goBackwards: true, stateful: true, returnState: true }).apply(input) as SymbolicTensor[];
      const m = tf.model({ inputs: input, outputs: outs });
      fix(tf, m);
      return [m.predict(seq(tf, [2, 3, 2])), m.predict(seq(tf, [2, 3, 2]))];
    },
  },
  {
    name: 'convLstm2d with strides 2, returnState and channelsLast; and goBackwards',
    run: (tf) => {
      const input = tf.input({ shape: [2, 4, 4, 1] });
      const outs = tf.layers.convLstm2d({ filters: 1, kernelSize: 2, strides: 2, returnState: true }).apply(input) as SymbolicTensor[];
      const m = tf.model({ inputs: input, outputs: outs });
      fix(tf, m);
      const b = tf.sequential({ layers: [tf.layers.convLstm2d({ filters: 1, kernelSize: 2, goBackwards: true, inputShape: [2, 3, 3, 1] })] });
      fix(tf, b);
      return [outs.map((o) => o.shape), m.predict(seq(tf, [1, 2, 4, 4, 1])), b.predict(seq(tf, [1, 2, 3, 3, 1]))];
    },
  },
  {
    name: 'dense on an int32 input casts it; a bool input too',
    run: (tf) => {
      const d = tf.layers.dense({ units: 1, kernelInitializer: 'ones' });
      return [d.apply(tf.tensor2d([[1, 2]], [1, 2], 'int32')), attempt(() => (d.apply(tf.tensor2d([[1, 0]], [1, 2], 'bool')) as Tensor).arraySync())];
    },
  },
  {
    name: 'dense with softmax activation on a 3-D input, flatten of a rank-2 input, flatten of a rank-1 input',
    run: (tf) => [
      tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: 'ones' }).apply(seq(tf, [1, 2, 2])),
      tf.layers.flatten().apply(seq(tf, [2, 3])),
      attempt(() => (tf.layers.flatten().apply(seq(tf, [3])) as Tensor).shape),
    ],
  },
  {
    name: 'reshape and flatten of symbolic tensors with an unknown (null) dimension',
    run: (tf) => {
      const x = tf.input({ shape: [null, 4] });
      return [S(tf.layers.reshape({ targetShape: [-1, 2] }).apply(x)).shape, attempt(() => S(tf.layers.flatten().apply(x)).shape), S(tf.layers.permute({ dims: [2, 1] }).apply(x)).shape,
        S(tf.layers.reshape({ targetShape: [2, 2] }).apply(x)).shape];
    },
  },
  {
    name: 'a model over sequences of any length reshapes [null, 4] steps to [-1, 2] before an rnn: predictions for two lengths, and a JSON round trip',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.reshape({ targetShape: [-1, 2], inputShape: [null, 4] }), tf.layers.simpleRNN({ units: 2 })] });
      fix(tf, m);
      const copy = await tf.models.modelFromJSON(m.toJSON(null, false) as object);
      copy.setWeights(m.getWeights());
      return [m.outputs[0].shape, m.layers[0].outputShape, m.predict(seq(tf, [1, 3, 4])), m.predict(seq(tf, [2, 1, 4])), attempt(() => (m.predict(seq(tf, [1, 3, 3])) as Tensor).shape), copy.predict(seq(tf, [1, 2, 4]))];
    },
  },
  {
    name: 'permute of a sequence of any length before a dense: the unknown length moves with its axis',
    run: (tf) => {
      const x = tf.input({ shape: [null, 3] });
      const p = tf.layers.permute({ dims: [2, 1] }).apply(x);
      const m = tf.model({ inputs: x, outputs: S(p) });
      return [S(p).shape, m.predict(seq(tf, [1, 2, 3])), m.predict(seq(tf, [1, 4, 3]))];
    },
  },
];

const exportsAndLosses: Program[] = [
  {
    name: 'seeded initializers from tf.initializers: values drawn for a [3, 4] kernel, and their configs',
    run: (tf) => {
      const inits = [
        tf.initializers.glorotUniform({ seed: 1 }), tf.initializers.glorotNormal({ seed: 2 }), tf.initializers.heUniform({ seed: 3 }), tf.initializers.heNormal({ seed: 4 }),
        tf.initializers.leCunUniform({ seed: 5 }), tf.initializers.leCunNormal({ seed: 6 }), tf.initializers.randomUniform({ minval: -1, maxval: 2, seed: 7 }),
        tf.initializers.randomNormal({ mean: 1, stddev: 0.5, seed: 8 }), tf.initializers.truncatedNormal({ mean: 0, stddev: 2, seed: 9 }),
      ];
      return inits.map((i) => [i.getClassName(), i.apply([3, 4]), i.getConfig()]);
    },
  },
  {
    name: 'a dense layer given a seeded initializer object twice draws the same kernel',
    run: (tf) => {
      const a = tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.heNormal({ seed: 11 }), inputShape: [2] });
      const b = tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.heNormal({ seed: 11 }), inputShape: [2] });
      tf.sequential({ layers: [a] });
      tf.sequential({ layers: [b] });
      return [a.getWeights()[0], b.getWeights()[0]];
    },
  },
  {
    name: 'orthogonal initializer with gain on square and non-square shapes: rows or columns orthonormal',
    run: (tf) => {
      const o = tf.initializers.orthogonal({ gain: 2, seed: 3 });
      const sq = o.apply([3, 3]);
      const wide = tf.initializers.orthogonal({ seed: 4 }).apply([2, 4]);
      return [tf.matMul(sq, sq, true, false), tf.matMul(wide, wide, false, true), o.getConfig()];
    },
  },
  {
    name: 'layer option aliases exported by tf.layers: maxPool2d, avgPool1d, globalMaxPool1d, globalMaxPool2d, avgPool2d',
    run: (tf) => {
      const x = seq(tf, [1, 4, 4, 2]);
      const s1 = seq(tf, [1, 4, 2]);
      return [
        tf.layers.maxPool2d({ poolSize: 2 }).apply(x), tf.layers.avgPool1d({ poolSize: 2 }).apply(s1),
        tf.layers.globalMaxPool1d().apply(s1), tf.layers.globalMaxPool2d({}).apply(x), tf.layers.avgPool2d({ poolSize: 2 }).apply(x),
        (tf.layers.maxPooling2d({ poolSize: 2 }) as { getClassName(): string }).getClassName(),
      ];
    },
  },
  {
    name: 'compile accuracy picks binary, categorical or sparse accuracy by the loss and the output width',
    run: async (tf) => {
      const out: unknown[] = [];
      const cases: [string, number, Tensor][] = [
        ['binaryCrossentropy', 1, tf.tensor2d([[1], [0], [1], [1], [0], [0]])],
        ['meanSquaredError', 1, tf.tensor2d([[1], [0], [1], [1], [0], [0]])],
        ['categoricalCrossentropy', 2, cy(tf)],
        ['meanSquaredError', 2, cy(tf)],
        ['sparseCategoricalCrossentropy', 2, tf.tensor2d([[1], [0], [1], [1], [0], [0]])],
      ];
      for (const [loss, units, y] of cases) {
        const m = tf.sequential({ layers: [tf.layers.dense({ units, activation: units === 1 ? 'sigmoid' : 'softmax', inputShape: [3] })] });
        fix(tf, m);
        m.compile({ optimizer: 'sgd', loss, metrics: ['accuracy', 'acc'] });
        out.push(loss, units, m.evaluate(cx(tf), y));
      }
      return out;
    },
  },
  {
    name: 'compile losses by name: hinge, squaredHinge, categoricalHinge, kullbackLeiblerDivergence, poisson, cosineProximity, logcosh',
    run: (tf) => {
      const out: unknown[] = [];
      for (const loss of ['hinge', 'squaredHinge', 'categoricalHinge', 'kullbackLeiblerDivergence', 'poisson', 'cosineProximity', 'logcosh', 'meanSquaredLogarithmicError', 'meanAbsolutePercentageError']) {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [3] })] });
        fix(tf, m);
        out.push(loss, attempt(() => { m.compile({ optimizer: 'sgd', loss }); return (m.evaluate(cx(tf), cy(tf).toFloat()) as Tensor).dataSync()[0]; }));
      }
      return out;
    },
  },
  {
    name: 'kullbackLeiblerDivergence and meanAbsolutePercentageError as compile losses with int32 one-hot targets',
    deviation: "TF.js 4.22 clips int32 targets to [epsilon, ...] in int32, where epsilon truncates to 0: its KL divergence is NaN and its MAPE Infinity for one-hot targets from tf.oneHot; tessera computes them on float targets, as for float32 one-hot targets",
    run: (tf) => ['kullbackLeiblerDivergence', 'meanAbsolutePercentageError'].map((loss) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [3] })] });
      fix(tf, m);
      m.compile({ optimizer: 'sgd', loss });
      return m.evaluate(cx(tf), cy(tf));
    }),
  },
  {
    name: 'compile metrics by name on a regression: mse, mae, mape, msle, cosine, and the history keys they give',
    run: async (tf) => {
      const m = regressor(tf);
      m.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError', metrics: ['mse', 'mae', 'mape', 'cosine', 'meanSquaredLogarithmicError'] });
      const h = await m.fit(cx(tf), ry(tf).abs(), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      return [Object.keys(h.history).sort(), h.history, m.metricsNames];
    },
  },
];

const lastEdges: Program[] = [
  {
    name: 'batchNormalization fit with a batch of one sample: variance 0, the moving statistics after',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] }), tf.layers.batchNormalization({ momentum: 0.5 })] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await m.fit(cx(tf, 3), tf.ones([3, 2]), { epochs: 1, batchSize: 1, shuffle: false, verbose: 0 });
      return [h.history.loss, m.getWeights().slice(2), m.predict(cx(tf, 2))];
    },
  },
  {
    name: 'a custom layer that supports masking passes the mask of a masked embedding to an lstm; one that does not drops it',
    run: (tf) => {
      class Scale extends tf.layers.Layer {
        constructor(keep: boolean) { super({}); this.supportsMasking = keep; }
        override call(x: Tensor | Tensor[]): Tensor { return tf.mul(Array.isArray(x) ? x[0] : x, 2); }
        static get className() { return 'Scale28'; }
      }
      return [true, false].map((keep) => masked(tf, [new Scale(keep), tf.layers.lstm({ units: 2 })]).predict(ids(tf)));
    },
  },
  {
    name: 'validation metrics averaged over validation batches of unequal sizes',
    run: async (tf) => {
      const m = classifier(tf);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const h = await m.fit(cx(tf), cy(tf), { epochs: 2, batchSize: 4, validationData: [cx(tf, 5), cy(tf, 5)], shuffle: false, verbose: 0 });
      return h.history;
    },
  },
  {
    name: 'dropout with rate 0 and spatialDropout1d with rate 0 in fit leave the training deterministic',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [3] }), tf.layers.dropout({ rate: 0 }), tf.layers.reshape({ targetShape: [2, 2] }), tf.layers.spatialDropout1d({ rate: 0 } as { rate: number }), tf.layers.flatten(), tf.layers.dense({ units: 1 })] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await m.fit(cx(tf), ry(tf), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      return [h.history.loss, m.predict(cx(tf, 2))];
    },
  },
  {
    name: 'a layer applied in training mode by hand: batchNormalization uses the batch statistics, dropout with rate 0 passes through',
    run: (tf) => {
      const bn = tf.layers.batchNormalization({ inputShape: [2] });
      const x = tf.tensor2d([[1, 2], [3, 6]]);
      return [bn.apply(x, { training: true }), bn.apply(x), bn.getWeights()];
    },
  },
  {
    name: 'gru with resetAfter true: weight shapes, bias shape and values',
    run: (tf) => attempt(() => {
      const m = tf.sequential({ layers: [tf.layers.gru({ units: 2, resetAfter: true, inputShape: [4, 3] } as { units: number })] });
      fix(tf, m);
      return [m.getWeights().map((w) => w.shape), (m.predict(seq3(tf)) as Tensor).arraySync()];
    }),
  },
  {
    name: 'an lstm after a masked embedding with a leading and a middle masked step, returnSequences and goBackwards',
    run: (tf) => masked(tf, [tf.layers.lstm({ units: 2, returnSequences: true, goBackwards: true })]).predict(tf.tensor2d([[0, 2, 0, 3, 1], [4, 0, 0, 0, 2]])),
  },
];

const finalEdges: Program[] = [
  {
    name: 'summary of a model over sequences of any length with a reshape and a permute',
    run: (tf) => {
      tf.sequential({ layers: [
        tf.layers.reshape({ targetShape: [-1, 2], inputShape: [null, 4], name: 'fr' }),
        tf.layers.simpleRNN({ units: 2, returnSequences: true, name: 'frnn' }),
        tf.layers.permute({ dims: [2, 1], name: 'fp' }),
      ], name: 'fsum' }).summary();
    },
  },
  {
    name: 'two masked embeddings concatenated along the time axis before an lstm: the masks join too',
    run: (tf) => {
      const a = tf.input({ shape: [5] });
      const b = tf.input({ shape: [5] });
      const ea = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(a);
      const eb = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(b);
      const cat = tf.layers.concatenate({ axis: 1 }).apply([S(ea), S(eb)]);
      const m = tf.model({ inputs: [a, b], outputs: S(tf.layers.lstm({ units: 2, returnSequences: true }).apply(cat)) });
      fix(tf, m);
      return [S(cat).shape, m.predict([ids(tf), tf.reverse(ids(tf), 1)])];
    },
  },
  {
    name: 'a stateful gru fit with resetStates at each epoch end from a callback',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.gru({ units: 2, stateful: true, batchInputShape: [2, 3, 2] }), tf.layers.dense({ units: 1 })] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await m.fit(seq(tf, [4, 3, 2]), seq(tf, [4, 1], (i) => i / 4), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, callbacks: { onEpochEnd: async () => { m.resetStates(); } } });
      return [h.history.loss, m.predict(seq(tf, [2, 3, 2]))];
    },
  },
  {
    name: 'save and load a model with masking, a concatenate of two branches and a bidirectional gru',
    run: async (tf) => {
      const x = tf.input({ shape: [3, 2], name: 'sm_x' });
      const mk = tf.layers.masking({ maskValue: 0, name: 'sm_mask' }).apply(x);
      const d1 = tf.layers.dense({ units: 2, name: 'sm_d1' }).apply(mk);
      const d2 = tf.layers.dense({ units: 2, name: 'sm_d2' }).apply(mk);
      const sum = tf.layers.concatenate({ name: 'sm_cat' }).apply([S(d1), S(d2)]);
      const out = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 1, name: 'sm_g' }) as never, name: 'sm_bi' }).apply(sum);
      const m = tf.model({ inputs: x, outputs: S(out) });
      fix(tf, m);
      const { saved, handler } = memorySaver(tf);
      await m.save(handler);
      const art = saved.artifacts as { modelTopology: object; weightSpecs: never[]; weightData: ArrayBuffer };
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(art.modelTopology, art.weightSpecs, art.weightData));
      const input = tf.tensor3d([[[1, 2], [0, 0], [3, 1]], [[0, 0], [0, 0], [2, 2]]]);
      return [loaded.predict(input), m.predict(input)];
    },
  },
];

export const s28Layers: Program[] = [...finalEdges, ...lastEdges, ...exportsAndLosses, ...graphs, ...roundTrips, ...classWeights, ...moreLayers, ...training2, ...fitting, ...surface, ...configs, ...saving, ...layerEdges, ...masking, ...rnnOptions];
