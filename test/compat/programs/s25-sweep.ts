import type { Scalar, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';
import { saveToMemory } from './layers-surface';

// A sweep of less-used argument forms of common ops (negative axes, keepDims, scalar broadcasting, typed-array and
// nested inputs, int32 results), layer configs as written in the wild, training-loop options and callback logs,
// tf.memory() counts around tidy, fit and predict, and the common mistakes that make both libraries throw.

type Sym = SymbolicTensor;

const glorot = (tf: TF, seed: number) => tf.initializers.glorotUniform({ seed });

/** n rows of `features` fixed inputs in [-1, 1]. */
const rows = (tf: TF, n: number, features: number) =>
  tf.tensor2d(Array.from({ length: n * features }, (_, i) => Math.sin(0.7 * i + 0.3)), [n, features]);

/** Whether f throws, and nothing else: the messages differ between the libraries. */
const throws = (f: () => unknown): boolean => {
  try { f(); return false; } catch { return true; }
};

const ops: Program[] = [
  {
    name: 'reductions with negative axes, axis lists and keepDims: sum, mean, max, min, prod, any, all, logSumExp',
    run: (tf) => {
      const x = tf.tensor3d([[[1, -2, 3], [4, 5, -6]], [[-7, 8, 9], [10, -11, 12]]]);
      const b = x.greater(0);
      return [
        x.sum(-1), x.sum([-1, -3], true), x.mean(-2, true), x.max([0, 2]), x.min(-1, true), x.prod(-3),
        b.any(-1), b.all([0, -1], true), x.logSumExp(-1, true), tf.sum(x, [2, 0]), tf.mean(x.toInt(), -1),
      ];
    },
  },
  {
    name: 'int32 arithmetic keeps int32: add, sub, mul, floorDiv, mod, neg, abs, square, maximum with scalars; div gives float32',
    run: (tf) => {
      const a = tf.tensor1d([7, -7, 9, -3], 'int32');
      const b = tf.tensor1d([2, 2, -4, 5], 'int32');
      return [
        a.add(b), a.sub(1), a.mul(b), tf.floorDiv(a, b), tf.mod(a, b), a.neg(), a.abs(), a.square(), tf.maximum(a, 0),
        a.div(b), tf.div(a, 2), a.sum(), a.mean(), a.max(), tf.sign(a), tf.squaredDifference(a, b), tf.pow(a, tf.scalar(2, 'int32')),
      ];
    },
  },
  {
    name: 'tensor inputs as typed arrays, nested arrays and booleans: dtype inferred or given, flat data with a shape',
    run: (tf) => [
      tf.tensor(new Float32Array([1, 2, 3, 4]), [2, 2]), tf.tensor(new Int32Array([1, 2, 3])), tf.tensor(new Uint8Array([1, 200, 3])),
      tf.tensor([[true, false], [false, true]]), tf.tensor([[1, 2], [3, 4]], undefined, 'int32'), tf.tensor([1.7, -2.2], [2], 'int32'),
      tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]), tf.tensor3d([[[1]], [[2]]]), tf.scalar(true), tf.tensor1d([0, 1, 2], 'bool'),
      tf.tensor([]), tf.tensor([[]]), tf.tensor(5), tf.tensor4d(new Float32Array(8), [1, 2, 2, 2]),
    ],
  },
  {
    name: 'chained tensor methods as tutorials write them: x.square().mean(1).arraySync(), sub().abs().max().dataSync(), sum(1, true).div()',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return {
        a: x.square().mean(1).arraySync(),
        b: Array.from(x.sub(3.5).abs().max().dataSync()),
        c: x.div(x.sum(1, true)).arraySync(),
        d: x.transpose().matMul(x).arraySync(),
        e: x.expandDims(0).tile([2, 1, 1]).shape,
        f: x.reshape([-1]).slice(2, 3).arraySync(),
        g: x.softmax().log().neg().mean().arraySync(),
        h: x.toInt().cast('bool').cast('float32').sum().arraySync(),
        i: x.argMax(-1).arraySync(), j: x.argMin(0).dtype,
      };
    },
  },
  {
    name: 'scalar broadcasting from numbers, and broadcasting of [3,1] against [1,4], with int32 and float mixed through tf.add',
    run: (tf) => {
      const col = tf.tensor2d([[1], [2], [3]]);
      const row = tf.tensor2d([[10, 20, 30, 40]]);
      const i = tf.tensor2d([[1], [2]], [2, 1], 'int32');
      return [col.add(row), col.mul(row), tf.sub(5, col), tf.div(1, row), tf.pow(col, 2), tf.pow(2, col), i.add(i.transpose()), tf.minimum(col, 2), tf.mul(col, tf.scalar(0.5))];
    },
  },
  {
    name: 'concat, stack, unstack, split with negative axes and size lists with -1; gather with negative axis and int32 indices',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2], [3, 4]]);
      const b = tf.tensor2d([[5, 6], [7, 8]]);
      const s = tf.split(tf.range(0, 12).reshape([2, 6]), [1, -1, 2], -1);
      return [
        tf.concat([a, b], -1), tf.concat([a, b]), tf.stack([a, b], -1), tf.unstack(a, -1), s, tf.split(tf.range(0, 6), 3),
        tf.gather(a, tf.tensor1d([1, 0, 1], 'int32'), -1), tf.gather(a, [1]), a.gather([0, 0]), tf.concat1d([tf.tensor1d([1]), tf.tensor1d([2, 3])]),
      ];
    },
  },
  {
    name: 'range, linspace, oneHot with on/off values, fill with int32 and string dtype inference, eye with batchShape, zerosLike of int32',
    run: (tf) => [
      tf.range(0, 10, 3), tf.range(5, 0, -2), tf.range(0, 3, 1, 'int32'), tf.range(0, 1, 0.25), tf.linspace(0, 1, 5),
      tf.oneHot(tf.tensor1d([0, 2, -1], 'int32'), 3, 5, -1), tf.fill([2, 2], 3, 'int32'), tf.fill([2], 1.5), tf.eye(2, 3, [2]),
      tf.zerosLike(tf.tensor1d([1, 2], 'int32')), tf.onesLike(tf.tensor([true])), tf.eye(3, undefined, undefined, 'int32'),
    ],
  },
  {
    name: 'argMax and argMin with negative axis give int32; topk with sorted and k; where, whereAsync-free booleanMask with axis',
    run: async (tf) => {
      const x = tf.tensor2d([[3, 1, 2], [0, 5, 5]]);
      const { values, indices } = tf.topk(x, 2);
      const mask = tf.tensor1d([true, false, true]);
      return [
        x.argMax(-1), tf.argMin(x, -2), values, indices, tf.topk(tf.tensor1d([1, 3, 2]), 1, false).values,
        tf.where(x.greater(1), x, tf.zerosLike(x)), await tf.booleanMaskAsync(x, mask, 1), await tf.whereAsync(x.equal(5)),
      ];
    },
  },
  {
    name: 'cumsum with exclusive and reverse, cumprod; cumsum of int32 stays int32 (TF.js garbles a negative cumsum axis, so none here)',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [tf.cumsum(x, 1), tf.cumsum(x, 1, true), tf.cumsum(x, 0, false, true), tf.cumsum(x, 1, true, true), x.cumsum(), tf.cumsum(x.toInt(), 1), tf.cumprod(x, 1)];
    },
  },
  {
    name: 'pad with constant values, mirrorPad, tile, reverse with negative axes, slice with -1 sizes and a begin number',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [
        x.pad([[1, 0], [0, 2]], 9), tf.mirrorPad(x, [[1, 1], [2, 2]], 'reflect'), tf.mirrorPad(x, [[0, 1], [1, 0]], 'symmetric'), x.tile([2, 1]),
        x.reverse(-1), tf.reverse(x, [0, -1]), x.slice([0, 1], [-1, 2]), x.slice(1), x.slice([1, 0], [1, -1]), tf.pad1d(tf.tensor1d([1, 2]), [2, 1]),
      ];
    },
  },
  {
    name: 'moments and norm with axes and keepDims; normalization by hand with sub and div; euclideanNorm, norm ord forms',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 6, 8]]);
      const m = tf.moments(x, -1, true);
      return [
        m.mean, m.variance, tf.moments(x).variance, tf.norm(x), tf.norm(x, 1), tf.norm(x, 'euclidean', -1, true), tf.norm(x, Infinity, 1),
        tf.norm(x, 'fro', [0, 1]), tf.norm(x, 1, [0, 1]), tf.euclideanNorm(x, 0), x.sub(m.mean).div(m.variance.add(1e-3).sqrt()),
      ];
    },
  },
  {
    name: 'comparisons and logical ops give bool; bool arithmetic gives int32; sum of a bool tensor; where with broadcasting',
    run: (tf) => {
      const a = tf.tensor1d([1, 2, 3, 4]);
      const gt = a.greater(2);
      const le = a.lessEqual(tf.scalar(2));
      return [
        gt, le, gt.logicalAnd(le), gt.logicalOr(le), gt.logicalNot(), tf.logicalXor(gt, le), gt.sum(), gt.add(le), gt.mul(tf.scalar(true)),
        tf.where(gt, a, 0 as never), gt.toFloat().mean(), a.equal(2).any(), a.notEqual(tf.tensor1d([1, 0, 3, 0])), tf.isNaN(tf.tensor1d([NaN, 1])),
      ];
    },
  },
  {
    name: 'matMul with transposes and batched 3-D operands, dot of vectors and matrix-vector, outerProduct, broadcast batch matMul',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const b3 = tf.tensor3d([[[1, 0], [0, 1], [1, 1]], [[2, 0], [0, 2], [1, -1]]]);
      return [
        tf.matMul(a, a, false, true), tf.matMul(a, a, true, false), tf.matMul(a.expandDims(0).tile([2, 1, 1]), b3), tf.matMul(a.expandDims(0), b3),
        tf.dot(tf.tensor1d([1, 2, 3]), tf.tensor1d([4, 5, 6])), tf.dot(a, tf.tensor1d([1, 1, 1])), tf.outerProduct(tf.tensor1d([1, 2]), tf.tensor1d([3, 4, 5])),
        tf.matMul(a.toInt(), a.toInt(), false, true),
      ];
    },
  },
  {
    name: 'squeeze with axes, expandDims with negative axis, reshape with -1, flatten, transpose with perm, broadcastTo',
    run: (tf) => {
      const x = tf.zeros([1, 3, 1, 2]);
      return [
        x.squeeze().shape, x.squeeze([0]).shape, tf.squeeze(x, [-2]).shape, tf.expandDims(tf.ones([2, 3]), -1).shape, tf.expandDims(tf.ones([2, 3]), -2).shape,
        tf.ones([2, 3, 4]).reshape([-1, 4]).shape, tf.ones([2, 3, 4]).flatten().shape, tf.ones([2, 3, 4]).transpose([2, 0, 1]).shape,
        tf.broadcastTo(tf.tensor1d([1, 2]), [3, 2]), tf.range(0, 6).reshape([2, 3]).transpose(), throws(() => tf.squeeze(x, [1])),
      ];
    },
  },
  {
    name: 'unsortedSegmentSum, scatterND, gatherND, tensorScatterUpdate with int32 indices, and sparseToDense with a default',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3, 4]);
      return [
        tf.unsortedSegmentSum(x, tf.tensor1d([0, 1, 0, 1], 'int32'), 2), tf.scatterND(tf.tensor2d([[0], [2]], [2, 1], 'int32'), tf.tensor1d([5, 6]), [4]),
        tf.gatherND(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1, 0], [0, 1]], [2, 2], 'int32')), tf.tensorScatterUpdate(x, tf.tensor2d([[1], [3]], [2, 1], 'int32'), tf.tensor1d([9, 9])),
        tf.sparseToDense(tf.tensor1d([0, 3], 'int32'), tf.tensor1d([7, 8]), [5], tf.scalar(-1)),
      ];
    },
  },
  {
    name: 'clipByValue, relu6-like clipping, step, leakyRelu with alpha, prelu, elu, selu, softplus and logSigmoid on one vector',
    run: (tf) => {
      const x = tf.tensor1d([-3, -0.5, 0, 0.5, 3, 7]);
      return [x.clipByValue(-1, 2), tf.step(x, 0.5), tf.leakyRelu(x, 0.1), tf.prelu(x, tf.scalar(0.25)), x.elu(), x.selu(), tf.softplus(x), tf.logSigmoid(x), tf.relu6(x), x.toInt().relu(), tf.clipByValue(x.toInt(), 0, 2)];
    },
  },
];


const layerConfigs: Program[] = [
  {
    name: 'dense configs as written in the wild: activations, initializers, regularizers and constraints by name and by object; getConfig of each',
    run: (tf) => {
      const ls = [
        tf.layers.dense({ units: 2, inputShape: [3], activation: 'relu', kernelInitializer: 'heNormal', biasInitializer: 'ones', name: 'w_a' }),
        tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: 'glorotUniform', kernelRegularizer: 'l1l2', biasRegularizer: tf.regularizers.l1({ l1: 0.02 }), name: 'w_b' }),
        tf.layers.dense({ units: 2, activation: 'tanh', kernelInitializer: 'glorotNormal', kernelConstraint: 'maxNorm', biasConstraint: 'nonNeg', useBias: true, name: 'w_c' }),
        tf.layers.dense({ units: 2, activation: 'elu', kernelInitializer: 'leCunUniform', kernelConstraint: tf.constraints.unitNorm({ axis: 0 }), biasRegularizer: tf.regularizers.l2(), name: 'w_d' }),
        tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.varianceScaling({ scale: 2, mode: 'fanOut', distribution: 'uniform', seed: 1 }), useBias: false, name: 'w_e' }),
      ];
      tf.sequential({ layers: ls });
      return ls.map((l) => l.getConfig());
    },
  },
  {
    name: 'inputShape, batchInputShape, batchSize with inputShape, and inputDim: the model input shapes, output shapes and summaries',
    run: (tf) => {
      const forms = [
        { inputShape: [4] }, { batchInputShape: [8, 4] }, { inputShape: [4], batchSize: 5 }, { inputDim: 4 }, { inputShape: [null, 4] },
      ];
      return forms.map((f, i) => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, name: `shape_form_${i}`, ...(f as { inputShape: number[] }) })] });
        m.summary();
        return [m.inputs[0].shape, m.outputs[0].shape, m.layers[0].batchInputShape ?? null, (m.layers[0].getConfig() as { batchInputShape?: unknown }).batchInputShape ?? null];
      });
    },
  },
  {
    name: 'a dense layer given initial weights, trainable false in its config, and a name: its weights, trainableWeights and output',
    run: (tf) => {
      const k = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
      const b = tf.tensor1d([0.5, -0.5]);
      const d = tf.layers.dense({ units: 2, inputShape: [3], weights: [k, b], trainable: false, name: 'given' });
      const m = tf.sequential({ layers: [d, tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'free' })] });
      return [d.getWeights(), d.trainable, d.trainableWeights.length, d.nonTrainableWeights.length, m.trainableWeights.map((w) => w.name), m.nonTrainableWeights.map((w) => w.name), m.predict(tf.ones([1, 3]))];
    },
  },
  {
    name: 'layer.apply on a concrete tensor and on a symbolic one; calling a built layer again with a different last dimension throws',
    run: (tf) => {
      const d = tf.layers.dense({ units: 2, kernelInitializer: 'ones', biasInitializer: tf.initializers.constant({ value: 0.25 }) });
      const concrete = d.apply(tf.tensor2d([[1, 2, 3]])) as Tensor;
      const sym = d.apply(tf.input({ shape: [3] })) as Sym;
      const sym2 = tf.layers.flatten().apply(tf.input({ shape: [2, 3] })) as Sym;
      return [concrete, sym.shape, sym.dtype, sym2.shape, d.built, throws(() => d.apply(tf.ones([1, 4])))];
    },
  },
  {
    name: 'getWeights and setWeights order of conv2d, lstm, gru, batchNormalization and embedding; layer.weights names and shapes',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 2, name: 'ws_conv' }),
        tf.layers.batchNormalization({ name: 'ws_bn' }),
        tf.layers.reshape({ targetShape: [9, 2], name: 'ws_rs' }),
        tf.layers.lstm({ units: 2, returnSequences: true, name: 'ws_lstm' }),
        tf.layers.gru({ units: 1, name: 'ws_gru' }),
      ] });
      const e = tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 3, name: 'ws_emb' });
      tf.sequential({ layers: [e] });
      const names = m.layers.map((l) => l.weights.map((w) => `${w.name}:${w.shape}:${w.trainable}`));
      const shapes = m.getWeights().map((w) => w.shape);
      const bn = m.getLayer('ws_bn');
      bn.setWeights([tf.tensor1d([2, 3]), tf.tensor1d([1, 1]), tf.tensor1d([0.5, 0.5]), tf.tensor1d([4, 4])]);
      return [names, shapes, bn.getWeights(), e.weights.map((w) => w.name), throws(() => bn.setWeights([tf.ones([2])]))];
    },
  },
  {
    name: 'model.summary lines of a conv net with batchNormalization, dropout, flatten and dense, and of an lstm text model with embedding',
    run: (tf) => {
      const conv = tf.sequential({ name: 'sum_conv', layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 5, strides: 1, activation: 'relu', kernelInitializer: 'varianceScaling', name: 'sc_c1' }),
        tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2], name: 'sc_p1' }),
        tf.layers.batchNormalization({ name: 'sc_bn' }),
        tf.layers.conv2d({ filters: 16, kernelSize: 5, activation: 'relu', name: 'sc_c2' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'sc_p2' }),
        tf.layers.flatten({ name: 'sc_flat' }),
        tf.layers.dropout({ rate: 0.25, name: 'sc_drop' }),
        tf.layers.dense({ units: 10, activation: 'softmax', name: 'sc_out' }),
      ] });
      conv.summary();
      const text = tf.sequential({ name: 'sum_text', layers: [
        tf.layers.embedding({ inputDim: 1000, outputDim: 16, inputLength: 20, name: 'st_emb' }),
        tf.layers.lstm({ units: 32, returnSequences: true, name: 'st_lstm' }),
        tf.layers.globalMaxPooling1d({ name: 'st_gmp' }),
        tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'st_out' }),
      ] });
      const lines: string[] = [];
      text.summary(undefined, undefined, (line: string) => lines.push(line));
      return [lines, conv.countParams(), text.countParams()];
    },
  },
  {
    name: 'model.layers[i].getConfig() for conv2d, maxPooling2d, flatten, dropout, batchNormalization, lstm and embedding as written in examples',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 3], filters: 4, kernelSize: [3, 3], padding: 'same', activation: 'relu', kernelInitializer: 'heUniform', name: 'gc_conv' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'gc_pool' }),
        tf.layers.batchNormalization({ axis: -1, momentum: 0.9, name: 'gc_bn' }),
        tf.layers.dropout({ rate: 0.2, seed: 3, name: 'gc_drop' }),
        tf.layers.flatten({ name: 'gc_flat' }),
        tf.layers.reshape({ targetShape: [16, 4], name: 'gc_rs' }),
        tf.layers.lstm({ units: 3, recurrentDropout: 0, dropout: 0.1, unitForgetBias: false, name: 'gc_lstm' }),
        tf.layers.repeatVector({ n: 2, name: 'gc_rep' }),
        tf.layers.simpleRNN({ units: 2, activation: 'relu', goBackwards: true, name: 'gc_rnn' }),
      ] });
      const e = tf.layers.embedding({ inputDim: 10, outputDim: 4, maskZero: true, embeddingsRegularizer: 'l1l2', name: 'gc_emb' });
      return [...m.layers.map((l) => [l.getClassName(), l.getConfig()]), e.getConfig()];
    },
  },
  {
    name: 'string names for initializers in every spelling TF.js takes: glorotUniform, GlorotUniform, glorot_uniform-free camelCase, zeros, Zeros, ones',
    run: (tf) => {
      const names = ['zeros', 'Zeros', 'ones', 'Ones', 'glorotUniform', 'glorotNormal', 'heNormal', 'heUniform', 'leCunNormal', 'leCunUniform', 'orthogonal', 'randomNormal', 'randomUniform', 'truncatedNormal', 'varianceScaling', 'identity'];
      return names.map((n) => {
        try {
          const d = tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: n as 'zeros' });
          tf.sequential({ layers: [d] });
          const cfg = d.getConfig() as { kernelInitializer: { className: string } };
          const k = d.getWeights()[0];
          return [n, cfg.kernelInitializer.className, k.shape, n.toLowerCase().includes('ones') || n.toLowerCase().includes('zeros') || n === 'identity' ? k : null];
        } catch {
          return [n, 'threw'];
        }
      });
    },
  },
  {
    name: 'activations by every name TF.js registers, applied through an activation layer to one input',
    run: (tf) => {
      const names = ['elu', 'hardSigmoid', 'linear', 'relu', 'relu6', 'selu', 'sigmoid', 'softmax', 'softplus', 'softsign', 'tanh', 'swish', 'mish', 'gelu', 'gelu_new'];
      const x = tf.tensor2d([[-2, -0.5, 0, 0.5, 2]]);
      return names.map((n) => {
        try {
          return [n, tf.layers.activation({ activation: n as 'relu' }).apply(x)];
        } catch {
          return [n, 'threw'];
        }
      });
    },
  },
  {
    name: 'regularizers add their penalty to the loss: l1, l2 and l1l2 on kernels and a bias, in evaluate and the fit loss; the name \'l2\' is refused',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', kernelRegularizer: tf.regularizers.l1({ l1: 0.1 }), biasRegularizer: tf.regularizers.l2(), biasInitializer: 'ones', name: 'rg_a' }),
        tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.constant({ value: 0.5 }), kernelRegularizer: tf.regularizers.l1l2({ l1: 0.01, l2: 0.02 }), name: 'rg_b' }),
      ] });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const x = tf.tensor2d([[1, 2], [3, -1]]);
      const y = tf.tensor2d([[1], [0]]);
      const before = model.evaluate(x, y) as Scalar;
      const h = await model.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
      return [before, h.history.loss, model.getWeights(), throws(() => tf.layers.dense({ units: 1, kernelRegularizer: 'l2' as 'l1l2' }))];
    },
  },
  {
    name: 'a Sequential with two layers of one name',
    deviation: 'TF.js 4.22 checks layer names only in tf.model, so a Sequential takes two layers of one name and saves two weights named dup/kernel, which its own loader then refuses (Duplicate weight name); tessera refuses the names when the layer is added, as tf.model does',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], name: 'dup' }), tf.layers.dense({ units: 1, name: 'dup' })] });
      return m.layers.length;
    },
  },
  {
    name: 'getLayer by name and by index, and the errors for an unknown name or an index past the end',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [1], name: 'gl_first' }), tf.layers.dense({ units: 1, name: 'gl_second' })] });
      return [m.getLayer(undefined, 1).name, m.getLayer('gl_first').outputShape, throws(() => m.getLayer('nope')), throws(() => m.getLayer(undefined, 5))];
    },
  },
  {
    name: 'functional model built from tf.input with dtype and name, layers chained with apply, model.inputNames, outputNames, inputLayers and outputLayers',
    run: (tf) => {
      const inp = tf.input({ shape: [5], name: 'fm_in', dtype: 'float32' });
      const h1 = tf.layers.dense({ units: 4, activation: 'relu', name: 'fm_h1' }).apply(inp) as Sym;
      const h2 = tf.layers.dropout({ rate: 0.5, name: 'fm_drop' }).apply(h1) as Sym;
      const out1 = tf.layers.dense({ units: 2, activation: 'softmax', name: 'fm_cls' }).apply(h2) as Sym;
      const out2 = tf.layers.dense({ units: 1, name: 'fm_reg' }).apply(h1) as Sym;
      const m = tf.model({ inputs: inp, outputs: [out1, out2], name: 'fm_model' });
      return [m.inputNames, m.outputNames, m.inputLayers.map((l) => l.name), m.outputLayers.map((l) => l.name), m.layers.map((l) => l.name), m.name, out1.name, h1.name, inp.name, m.outputs.map((o) => o.shape)];
    },
  },
  {
    name: 'a layer with trainable set false after compile: fit leaves it, and the model.trainableWeights list shrinks; trainable true again',
    run: async (tf) => {
      const d1 = tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'tf_d1' });
      const d2 = tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'tf_d2' });
      const m = tf.sequential({ layers: [d1, d2] });
      d1.trainable = false;
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const counts = [m.trainableWeights.length, m.nonTrainableWeights.length];
      await m.fit(tf.tensor2d([[1, 0], [0, 1]]), tf.tensor2d([[0], [1]]), { epochs: 2, verbose: 0 });
      d1.trainable = true;
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      await m.fit(tf.tensor2d([[1, 0], [0, 1]]), tf.tensor2d([[0], [1]]), { epochs: 1, verbose: 0 });
      return [counts, m.trainableWeights.length, d1.getWeights(), d2.getWeights()];
    },
  },
  {
    name: 'conv2d, conv1d and dense outputShape, computeOutputShape and countParams of layers with dataFormat, dilationRate and strides',
    run: (tf) => {
      const c = tf.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', dataFormat: 'channelsLast' });
      const c2 = tf.layers.conv2d({ filters: 3, kernelSize: [2, 3], dilationRate: 2 });
      const c1 = tf.layers.conv1d({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' });
      const d = tf.layers.dense({ units: 5 });
      const m = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [9, 9, 2], filters: 4, kernelSize: 3, name: 'os_c' }), tf.layers.globalAveragePooling2d({ name: 'os_g' })] });
      return [c.computeOutputShape([null, 9, 9, 2]), c2.computeOutputShape([1, 10, 10, 1]), c1.computeOutputShape([null, 7, 4]), d.computeOutputShape([2, 3, 4]), m.layers.map((l) => [l.outputShape, l.countParams()])];
    },
  },
];

/** A small regressor with fixed weights: 3 features -> 4 tanh -> 1. */
const regressor = (tf: TF, seed: number, optimizer: Parameters<ReturnType<TF['sequential']>['compile']>[0]['optimizer'] = 'sgd') => {
  const m = tf.sequential({ layers: [
    tf.layers.dense({ units: 4, inputShape: [3], activation: 'tanh', kernelInitializer: glorot(tf, seed) }),
    tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, seed + 1) }),
  ] });
  m.compile({ optimizer, loss: 'meanSquaredError' });
  return m;
};

const targets = (_tf: TF, x: Tensor) => x.sum(1, true).mul(0.5).sub(0.2);

const training: Program[] = [
  {
    name: 'fit with validationSplit and shuffle false: history keys, val_loss per epoch, params of the History',
    run: async (tf) => {
      const x = rows(tf, 10, 3);
      const m = regressor(tf, 200);
      const h = await m.fit(x, targets(tf, x), { epochs: 3, batchSize: 4, validationSplit: 0.2, shuffle: false, verbose: 0 });
      return [Object.keys(h.history), h.history, h.epoch, h.params];
    },
  },
  {
    name: 'fit with validationData as an array of two tensors and with metrics: the history key order and values',
    run: async (tf) => {
      const x = rows(tf, 8, 3);
      const y = targets(tf, x);
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], kernelInitializer: glorot(tf, 210) })] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mse', 'mae'] });
      const h = await m.fit(x.slice(0, 6), y.slice(0, 6), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0, validationData: [x.slice(6), y.slice(6)] });
      return [Object.keys(h.history), h.history];
    },
  },
  {
    name: 'initialEpoch 2 with epochs 4: two epochs run, the epoch numbers in history.epoch and in the callbacks',
    run: async (tf) => {
      const x = rows(tf, 6, 3);
      const m = regressor(tf, 220);
      const seen: number[] = [];
      const h = await m.fit(x, targets(tf, x), { epochs: 4, initialEpoch: 2, batchSize: 6, verbose: 0, callbacks: { onEpochBegin: async (e) => { seen.push(e); } } });
      return [h.epoch, seen, h.history.loss.length];
    },
  },
  {
    name: 'callback hook order and logs contents: onTrainBegin, onEpochBegin, onBatchBegin, onBatchEnd, onEpochEnd, onTrainEnd',
    run: async (tf) => {
      const x = rows(tf, 5, 3);
      const m = regressor(tf, 230);
      const events: string[] = [];
      const fmt = (l?: Record<string, unknown>) => JSON.stringify(Object.keys(l ?? {}).sort());
      await m.fit(x, targets(tf, x), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0, validationSplit: 0.2, callbacks: {
        onTrainBegin: async (l) => { events.push(`trainBegin ${fmt(l)}`); },
        onEpochBegin: async (e, l) => { events.push(`epochBegin ${e} ${fmt(l)}`); },
        onBatchBegin: async (b, l) => { events.push(`batchBegin ${b} ${fmt(l)}`); },
        onBatchEnd: async (b, l) => { events.push(`batchEnd ${b} ${fmt(l)} ${(l as { size: number }).size} ${(l as { batch: number }).batch}`); },
        onEpochEnd: async (e, l) => { events.push(`epochEnd ${e} ${fmt(l)}`); },
        onTrainEnd: async (l) => { events.push(`trainEnd ${fmt(l)}`); },
      } });
      return events;
    },
  },
  {
    name: 'a batch loss logged in onBatchEnd is a number, and the epoch loss the size-weighted mean of the batch losses',
    run: async (tf) => {
      const x = rows(tf, 7, 3);
      const m = regressor(tf, 240, tf.train.sgd(0));
      const batches: [number, number][] = [];
      const h = await m.fit(x, targets(tf, x), { epochs: 1, batchSize: 3, shuffle: false, verbose: 0, callbacks: { onBatchEnd: async (_b, l) => { batches.push([typeof l?.loss === 'number' ? 1 : 0, l?.loss as number]); } } });
      return [batches, h.history.loss];
    },
  },
  {
    name: 'classWeight on a binary classifier: the loss history with and without weights',
    run: async (tf) => {
      const x = rows(tf, 8, 3);
      const y = tf.tensor2d([[1], [0], [0], [0], [1], [0], [0], [0]]);
      const out: unknown[] = [];
      for (const classWeight of [undefined, { 0: 1, 1: 3 }]) {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], activation: 'sigmoid', kernelInitializer: glorot(tf, 250) })] });
        m.compile({ optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
        const h = await m.fit(x, y, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0, classWeight });
        out.push(h.history, m.getWeights()[0]);
      }
      return out;
    },
  },
  {
    name: 'classWeight on a softmax classifier with categorical one-hot targets',
    run: async (tf) => {
      const x = rows(tf, 6, 3);
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 2, 1, 0], 'int32'), 3);
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [3], activation: 'softmax', kernelInitializer: glorot(tf, 255) })] });
      m.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
      const h = await m.fit(x, y, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0, classWeight: { 0: 0.5, 1: 2, 2: 1 } });
      return [h.history.loss, m.getWeights()];
    },
  },
  {
    name: 'optimizers by name in compile: sgd, adam, rmsprop, adagrad, adadelta, adamax; their class names, getConfig and the weights after fit',
    run: async (tf) => {
      const x = rows(tf, 6, 3);
      const out: unknown[] = [];
      for (const name of ['sgd', 'adam', 'rmsprop', 'adagrad', 'adadelta', 'adamax']) {
        const m = regressor(tf, 260, name);
        const h = await m.fit(x, targets(tf, x), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
        out.push([name, m.optimizer.getClassName(), m.optimizer.getConfig(), h.history.loss, m.getWeights()[1]]);
      }
      return out;
    },
  },
  {
    name: 'optimizer objects built with arguments: getConfig of sgd, momentum, adam, rmsprop with momentum and centered, adagrad, adadelta, adamax',
    run: (tf) => [
      tf.train.sgd(0.3).getConfig(), tf.train.momentum(0.1, 0.8, true).getConfig(), tf.train.adam(0.01, 0.8, 0.9, 1e-6).getConfig(),
      tf.train.rmsprop(0.01, 0.8, 0.5, 1e-5, true).getConfig(), tf.train.adagrad(0.2, 0.3).getConfig(), tf.train.adadelta(0.5, 0.9, 1e-6).getConfig(),
      tf.train.adamax(0.02, 0.8, 0.95, 1e-6, 0.1).getConfig(),
    ],
  },
  {
    name: 'changing the learning rate between fits and inside onEpochEnd: optimizer.learningRate assigned, the weights after',
    run: async (tf) => {
      const x = rows(tf, 6, 3);
      const y = targets(tf, x);
      const opt = tf.train.sgd(0.1);
      const m = regressor(tf, 270, opt);
      const rates: number[] = [];
      await m.fit(x, y, { epochs: 3, batchSize: 6, verbose: 0, callbacks: { onEpochEnd: async () => { (opt as unknown as { learningRate: number }).learningRate *= 0.5; rates.push((opt as unknown as { learningRate: number }).learningRate); } } });
      (m.optimizer as unknown as { learningRate: number }).learningRate = 0;
      const w1 = m.getWeights()[2];
      await m.fit(x, y, { epochs: 1, batchSize: 6, verbose: 0 });
      return [rates, w1, m.getWeights()[2], (m.optimizer as unknown as { learningRate: number }).learningRate];
    },
  },
  {
    name: 'sampleWeight-free fit on a 1-D target column, yieldEvery never and auto, verbose 0: the same losses',
    run: async (tf) => {
      const x = rows(tf, 6, 3);
      const y = targets(tf, x).reshape([6]);
      const out: unknown[] = [];
      for (const yieldEvery of ['never', 'auto', 'epoch', 'batch'] as const) {
        const m = regressor(tf, 280);
        const h = await m.fit(x, y, { epochs: 2, batchSize: 4, shuffle: false, verbose: 0, yieldEvery });
        out.push(h.history.loss);
      }
      return out;
    },
  },
  {
    name: 'fitDataset with tf.data.array zipped into {xs, ys}, batched, validationData as a dataset; evaluateDataset',
    run: async (tf) => {
      const xs = tf.data.array(Array.from({ length: 8 }, (_, i) => [Math.sin(i), Math.cos(i), i / 8]));
      const ys = tf.data.array(Array.from({ length: 8 }, (_, i) => [Math.sin(i) - i / 8]));
      const ds = tf.data.zip({ xs, ys }).batch(3);
      const m = regressor(tf, 290);
      const epochs: string[] = [];
      const h = await m.fitDataset(ds, { epochs: 2, validationData: ds, callbacks: { onEpochEnd: async (e, l) => { epochs.push(`${e} ${Object.keys(l ?? {}).join(',')}`); } } });
      const ev = await m.evaluateDataset(ds as never, {});
      return [h.history, epochs, ev];
    },
  },
  {
    name: 'fitDataset with a generator dataset of {xs, ys} tensors, batchesPerEpoch, and metrics in evaluateDataset',
    run: async (tf) => {
      function* gen() {
        for (let i = 0; i < 6; i++) yield { xs: tf.tensor1d([Math.sin(i), Math.cos(i), 0.5]), ys: tf.tensor1d([i % 2]) };
      }
      const ds = tf.data.generator(gen).batch(2);
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], activation: 'sigmoid', kernelInitializer: glorot(tf, 300) })] });
      m.compile({ optimizer: tf.train.adam(0.1), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const h = await m.fitDataset(ds, { epochs: 2, batchesPerEpoch: 3 });
      const ev = (await m.evaluateDataset(ds as never, {})) as Scalar[];
      return [h.history, ev];
    },
  },
  {
    name: 'fitDataset where the dataset gives {xs, ys} of plain number arrays batched into tensors; fitDataset rejects elements without xs and ys',
    run: async (tf) => {
      const ds = tf.data.array([0, 1, 2, 3, 4, 5]).map((i) => ({ xs: [Number(i) / 5, 1, -1], ys: [Number(i) % 2] }) as never).batch(3);
      const m = regressor(tf, 310);
      const h = await m.fitDataset(ds as never, { epochs: 2 });
      let bad = false;
      try { await m.fitDataset(tf.data.array([[1, 2, 3]]).batch(1) as never, { epochs: 1 }); } catch { bad = true; }
      return [h.history, bad];
    },
  },
  {
    name: 'History.history after earlyStopping with restoreBestWeights-free patience 0 and a minDelta, and stopTraining from onBatchEnd',
    run: async (tf) => {
      const x = rows(tf, 6, 3);
      const m = regressor(tf, 320, tf.train.sgd(0.001));
      const h = await m.fit(x, targets(tf, x), { epochs: 10, batchSize: 6, verbose: 0, callbacks: [tf.callbacks.earlyStopping({ monitor: 'loss', minDelta: 0.01, patience: 0 })] });
      const m2 = regressor(tf, 330);
      let n = 0;
      const h2 = await m2.fit(x, targets(tf, x), { epochs: 5, batchSize: 2, verbose: 0, callbacks: { onBatchEnd: async () => { n += 1; if (n === 4) m2.stopTraining = true; } } });
      return [h.epoch, h.history.loss.length, h2.epoch, n];
    },
  },
  {
    name: 'evaluate with batchSize and a metric on a model compiled with a loss function, and evaluate on 1 example',
    run: async (tf) => {
      const x = rows(tf, 5, 3);
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], kernelInitializer: glorot(tf, 340) })] });
      m.compile({ optimizer: 'sgd', loss: tf.losses.absoluteDifference, metrics: [tf.metrics.meanSquaredError] });
      return [m.evaluate(x, targets(tf, x), { batchSize: 2 }), m.evaluate(x.slice(0, 1), targets(tf, x).slice(0, 1)), m.metricsNames];
    },
  },
  {
    name: 'trainOnBatch returns a number without metrics and a list with them; the weights after two calls',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const m = regressor(tf, 350);
      const a = await m.trainOnBatch(x, targets(tf, x));
      const c = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax', kernelInitializer: glorot(tf, 352) })] });
      c.compile({ optimizer: tf.train.adam(0.1), loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
      const b = await c.trainOnBatch(x, tf.tensor1d([0, 1, 1, 0]));
      const b2 = await c.trainOnBatch(x, tf.tensor1d([0, 1, 1, 0]));
      return [typeof a, a, b, b2, c.getWeights()];
    },
  },
];

const memory: Program[] = [
  {
    name: 'tf.memory().numTensors before and after tidy, dispose, and a kept tensor, as programs print it',
    run: (tf) => {
      const start = tf.memory().numTensors;
      const kept = tf.tidy(() => {
        const a = tf.ones([3, 3]);
        const b = a.mul(2).add(1);
        tf.keep(b.square());
        return b.sum();
      });
      const afterTidy = tf.memory().numTensors - start;
      kept.dispose();
      const x = tf.tensor1d([1, 2, 3]);
      const y = x.square();
      tf.dispose([x, y]);
      console.log(`tensors: ${tf.memory().numTensors - start}`);
      return [afterTidy, tf.memory().numTensors - start, x.isDisposed];
    },
  },
  {
    name: 'numTensors around model creation, predict inside tidy, predict outside, and model.dispose',
    run: (tf) => {
      const start = tf.memory().numTensors;
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'ones' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
      const afterCreate = tf.memory().numTensors - start;
      const x = tf.ones([4, 2]);
      const v = tf.tidy(() => (m.predict(x) as Tensor).sum().arraySync());
      const afterTidyPredict = tf.memory().numTensors - start;
      const p = m.predict(x) as Tensor;
      const afterPredict = tf.memory().numTensors - start;
      p.dispose();
      x.dispose();
      const r = m.dispose();
      return [afterCreate, v, afterTidyPredict, afterPredict, r, tf.memory().numTensors - start];
    },
  },
  {
    name: 'numTensors after fit and evaluate: no tensors left behind by training apart from the optimizer state',
    run: async (tf) => {
      const x = rows(tf, 6, 3);
      const y = targets(tf, x);
      const m = regressor(tf, 360, tf.train.sgd(0.1));
      const before = tf.memory().numTensors;
      await m.fit(x, y, { epochs: 2, batchSize: 3, verbose: 0 });
      const afterFit = tf.memory().numTensors;
      const ev = m.evaluate(x, y) as Scalar;
      const afterEval = tf.memory().numTensors;
      ev.dispose();
      await m.fit(x, y, { epochs: 1, batchSize: 3, verbose: 0 });
      return [afterFit - before, afterEval - afterFit, tf.memory().numTensors - afterFit];
    },
  },
  {
    name: 'numTensors and numDataBuffers across clone, reshape and cast to the same dtype (views of one buffer); numTensors of a variable and its dispose',
    run: (tf) => {
      const start = tf.memory();
      const a = tf.tensor1d([1, 2, 3, 4]);
      const r = a.reshape([2, 2]);
      const c = a.clone();
      const same = a.cast('float32');
      const mid = tf.memory();
      const v = tf.variable(tf.tensor1d([1, 2]), true, 's25_mem_var');
      const withVar = tf.memory().numTensors - start.numTensors;
      tf.dispose([a, r, c, same]);
      v.dispose();
      const end = tf.memory();
      return [mid.numTensors - start.numTensors, mid.numDataBuffers - start.numDataBuffers, withVar, end.numTensors - start.numTensors, v.isDisposed, a.isDisposed];
    },
  },
  {
    name: 'tidy returns nested arrays and objects of tensors kept, the rest freed; a tidy inside a grad function; engine().startScope-free',
    run: (tf) => {
      const start = tf.memory().numTensors;
      const out = tf.tidy(() => {
        const a = tf.scalar(2);
        return { list: [a.mul(3), a.add(1)], nested: { s: a.square() } };
      });
      const n1 = tf.memory().numTensors - start;
      const g = tf.grad((x: Tensor) => tf.tidy(() => x.square().sum()))(tf.tensor1d([1, 2]));
      const n2 = tf.memory().numTensors - start;
      return [out, n1, g, n2];
    },
  },
  {
    name: 'an optimizer minimize loop inside tidy leaves only the variables and the optimizer state; optimizer.dispose frees its state',
    run: (tf) => {
      const w = tf.variable(tf.tensor1d([1, -2]));
      const opt = tf.train.adam(0.1);
      const start = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) tf.tidy(() => { opt.minimize(() => w.square().sum()); });
      const afterLoop = tf.memory().numTensors - start;
      const cost = tf.tidy(() => opt.minimize(() => w.square().sum(), true) as Scalar);
      const afterReturn = tf.memory().numTensors - start;
      opt.dispose();
      return [afterLoop, afterReturn, cost, w, tf.memory().numTensors - start];
    },
  },
];

const mistakes: Program[] = [
  {
    name: 'predict with a wrong feature count, a wrong rank, and a plain array: whether each throws',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });
      return [
        throws(() => m.predict(tf.ones([2, 4]))), throws(() => m.predict(tf.ones([3]))), throws(() => m.predict(tf.ones([1, 2, 3]))),
        throws(() => m.predict([[1, 2, 3]] as never)), throws(() => m.predict([tf.ones([1, 3]), tf.ones([1, 3])])), (m.predict(tf.ones([2, 3])) as Tensor).shape,
      ];
    },
  },
  {
    name: 'fit with labels of a different batch size, a wrong label width, and an unknown loss or optimizer name: whether each rejects (TF.js\'s model is broken after a failed compile, so nothing follows)',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const rejects = async (f: () => Promise<unknown>) => { try { await f(); return false; } catch { return true; } };
      return [
        await rejects(() => m.fit(tf.ones([4, 3]), tf.ones([3, 2]), { verbose: 0 })),
        await rejects(() => m.fit(tf.ones([4, 3]), tf.ones([4, 3]), { verbose: 0 })),
        await rejects(() => m.fit(tf.ones([4, 2]), tf.ones([4, 2]), { verbose: 0 })),
        throws(() => m.compile({ optimizer: 'sgd', loss: 'meanSquareError' })),
        throws(() => m.compile({ optimizer: 'sgdd', loss: 'meanSquaredError' })),
      ];
    },
  },
  {
    name: 'fit, evaluate and trainOnBatch before compile; compile without a loss; compile with a metric name that does not exist',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
      const rejects = async (f: () => Promise<unknown>) => { try { await f(); return false; } catch { return true; } };
      return [
        await rejects(() => m.fit(tf.ones([2, 2]), tf.ones([2, 1]), { verbose: 0 })),
        throws(() => m.evaluate(tf.ones([2, 2]), tf.ones([2, 1]))),
        await rejects(() => m.trainOnBatch(tf.ones([2, 2]), tf.ones([2, 1]))),
        throws(() => m.compile({ optimizer: 'sgd' } as never)),
        throws(() => m.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracyy'] })),
        (m.predict(tf.zeros([1, 2])) as Tensor).shape,
      ];
    },
  },
  {
    name: 'op mistakes: add of mismatched shapes, matMul inner sizes, reshape to a wrong size, tensor2d from a 1-D array without a shape, concat of mixed ranks',
    run: (tf) => [
      throws(() => tf.add(tf.ones([2, 3]), tf.ones([3, 2]))), throws(() => tf.matMul(tf.ones([2, 3]), tf.ones([2, 3]))), throws(() => tf.ones([6]).reshape([4, 2])),
      throws(() => tf.tensor2d([1, 2, 3, 4])), throws(() => tf.concat([tf.ones([2]), tf.ones([2, 1])])), throws(() => tf.tensor([1, 2, 3], [2, 2])),
      throws(() => { const t = tf.ones([1]); t.dispose(); return t.dataSync(); }),
      throws(() => tf.oneHot(tf.tensor1d([1.5, 0]), 3)), throws(() => tf.tensor1d([[1, 2]] as never)), throws(() => tf.scalar([1] as never)),
    ],
  },
  {
    name: 'layer mistakes: dense without units, conv2d on a 2-D input, an unknown activation, a flatten-free dense on a 4-D input as predict shape',
    run: (tf) => [
      throws(() => tf.layers.dense({} as never)), throws(() => tf.sequential({ layers: [tf.layers.conv2d({ filters: 1, kernelSize: 2, inputShape: [4] })] })),
      throws(() => tf.layers.dense({ units: 1, activation: 'relu7' as 'relu' })), throws(() => tf.sequential({ layers: [tf.layers.dense({ units: 1 })] }).predict(tf.ones([1, 2]))),
      (tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3, 4], kernelInitializer: 'ones' })] }).predict(tf.ones([1, 3, 4])) as Tensor).shape,
      throws(() => tf.layers.reshape({ targetShape: [5] }).apply(tf.ones([1, 4]))),
    ],
  },
];

const modelSurface: Program[] = [
  {
    name: 'fit, predict and evaluate given single-element arrays [x] and [y] for a one-input one-output model',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const y = targets(tf, x);
      const m = regressor(tf, 400);
      const h = await m.fit([x], [y], { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      const p = m.predict([x]);
      return [h.history.loss, Array.isArray(p), p, m.evaluate([x], [y])];
    },
  },
  {
    name: 'a feature extractor from a Sequential: tf.model with seq.inputs and an inner layer\'s output, as transfer learning does',
    run: (tf) => {
      const seq = tf.sequential({ layers: [
        tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu', kernelInitializer: glorot(tf, 410), name: 'fx_d1' }),
        tf.layers.dense({ units: 2, activation: 'relu', kernelInitializer: glorot(tf, 411), name: 'fx_d2' }),
        tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 412), name: 'fx_out' }),
      ] });
      const features = tf.model({ inputs: seq.inputs, outputs: seq.getLayer('fx_d2').output as Sym });
      const head = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', name: 'fx_head' })] });
      const x = rows(tf, 3, 3);
      const f = features.predict(x) as Tensor;
      return [f, head.predict(f), features.layers.map((l) => l.name), features.outputs[0].shape, seq.layers[0].input instanceof Array, (seq.layers[1].input as Sym).shape, (seq.layers[1].output as Sym).shape];
    },
  },
  {
    name: 'a layer shared by two inputs: its output and outputShape getters throw, getOutputAt and inboundNodes give each call',
    run: (tf) => {
      const shared = tf.layers.dense({ units: 2, name: 'sh_dense' });
      const a = tf.input({ shape: [3], name: 'sh_a' });
      const b = tf.input({ shape: [3], name: 'sh_b' });
      const oa = shared.apply(a) as Sym;
      const ob = shared.apply(b) as Sym;
      return [throws(() => shared.output), (shared.getOutputAt(1) as Sym).name === ob.name, (shared.getOutputAt(0) as Sym).name === oa.name, shared.inboundNodes.length, shared.outputShape, throws(() => shared.input)];
    },
  },
  {
    name: 'fit and evaluate given sampleWeight: whether each throws',
    deviation: 'TF.js 4.22 refuses a sampleWeight in fit but takes one in evaluate and weighs nothing; tessera refuses both',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const y = targets(tf, x);
      const m = regressor(tf, 420);
      let fitThrew = false;
      try { await m.fit(x, y, { epochs: 1, verbose: 0, sampleWeight: tf.ones([4]) } as never); } catch { fitThrew = true; }
      return [fitThrew, throws(() => m.evaluate(x, y, { sampleWeight: tf.ones([4]) } as never))];
    },
  },
  {
    name: 'model.getConfig and toJSON of a Sequential and of a functional model: the class names, layer names and inbound nodes',
    run: (tf) => {
      const seq = tf.sequential({ name: 'cfg_seq', layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'glorotUniform', name: 'cfg_d1' }), tf.layers.activation({ activation: 'relu', name: 'cfg_act' })] });
      const inp = tf.input({ shape: [3], name: 'cfg_in' });
      const out = tf.layers.add({ name: 'cfg_add' }).apply([tf.layers.dense({ units: 2, kernelInitializer: 'heNormal', name: 'cfg_fa' }).apply(inp) as Sym, tf.layers.dense({ units: 2, kernelInitializer: 'leCunNormal', name: 'cfg_fb' }).apply(inp) as Sym]) as Sym;
      const fn = tf.model({ inputs: inp, outputs: out, name: 'cfg_fn' });
      const json = fn.toJSON(null, false) as unknown as { class_name: string; config: Record<string, unknown>; keras_version?: string; backend: string };
      const text = JSON.parse(seq.toJSON() as string) as { class_name: string };
      return [seq.getConfig(), fn.getConfig(), json.class_name, json.config.input_layers, json.config.output_layers, json.keras_version !== undefined, json.backend, text.class_name];
    },
  },
  {
    name: 'setWeights with a wrong count or a wrong shape throws; countParams of an unbuilt layer throws; weights of an unbuilt layer are empty',
    run: (tf) => {
      const d = tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'zeros' });
      const m = tf.sequential({ layers: [d] });
      const loose = tf.layers.dense({ units: 2 });
      return [
        throws(() => d.setWeights([tf.ones([3, 2])])), throws(() => d.setWeights([tf.ones([2, 3]), tf.ones([2])])), throws(() => m.setWeights([tf.ones([3, 2])])),
        throws(() => loose.countParams()), loose.weights.length, loose.getWeights().length, throws(() => loose.setWeights([])),
      ];
    },
  },
  {
    name: 'model.weights names and model.getWeights(true) for trainableOnly, with a batchNormalization between dense layers',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'mw_d1' }),
        tf.layers.batchNormalization({ name: 'mw_bn' }),
        tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'mw_d2' }),
      ] });
      return [m.weights.map((w) => w.name), m.getWeights(true).map((w) => w.shape), m.getWeights().length, m.trainableWeights.map((w) => w.name), m.nonTrainableWeights.map((w) => w.name)];
    },
  },
  {
    name: 'concatenate on axis 1, dot with normalize and a negative axis, multiply and average on symbolic inputs, and a model of them predicting',
    run: (tf) => {
      const a = tf.input({ shape: [2, 3], name: 'mg_a' });
      const b = tf.input({ shape: [2, 3], name: 'mg_b' });
      const cat = tf.layers.concatenate({ axis: 1, name: 'mg_cat' }).apply([a, b]) as Sym;
      const dot = tf.layers.dot({ axes: -1, normalize: true, name: 'mg_dot' }).apply([a, b]) as Sym;
      const mul = tf.layers.multiply({ name: 'mg_mul' }).apply([a, b]) as Sym;
      const sub = tf.layers.average({ name: 'mg_avg' }).apply([a, b]) as Sym;
      const m = tf.model({ inputs: [a, b], outputs: [cat, dot, mul, sub] });
      const xa = tf.tensor3d([[[1, 2, 3], [0, 1, 0]]]);
      const xb = tf.tensor3d([[[3, 2, 1], [1, 1, 1]]]);
      return [cat.shape, dot.shape, m.predict([xa, xb])];
    },
  },
  {
    name: 'a concatenate layer with axis -2 in a model: the symbolic shape and what predict gives',
    deviation: "TF.js 4.22's Concatenate computes its output shape on the given axis but concatenates on the last one for any negative axis (its K.concatenate turns axis < 0 into the rank, then -1), so predict gives [1, 2, 6] under a symbolic [null, 4, 3]; tessera concatenates on the axis it was given, as Keras",
    run: (tf) => {
      const a = tf.input({ shape: [2, 3] });
      const b = tf.input({ shape: [2, 3] });
      const cat = tf.layers.concatenate({ axis: -2 }).apply([a, b]) as Sym;
      const m = tf.model({ inputs: [a, b], outputs: cat });
      return [cat.shape, m.predict([tf.ones([1, 2, 3]), tf.zeros([1, 2, 3])])];
    },
  },
  {
    name: 'embedding with maskZero feeding an lstm: padded sequences give the same output as unpadded ones, computeMask of the embedding',
    run: (tf) => {
      const emb = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, embeddingsInitializer: glorot(tf, 430), name: 'mz_emb' });
      const lstm = tf.layers.lstm({ units: 2, kernelInitializer: glorot(tf, 431), recurrentInitializer: glorot(tf, 432), name: 'mz_lstm' });
      const m = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [null] as never, name: 'mz_in' }), emb, lstm] });
      const padded = m.predict(tf.tensor2d([[3, 1, 0, 0], [2, 4, 1, 0]])) as Tensor;
      const plain = m.predict(tf.tensor2d([[3, 1]])) as Tensor;
      return [padded, plain, emb.computeMask(tf.tensor2d([[3, 0, 1]]))];
    },
  },
  {
    name: 'zeroPadding2d, cropping2D, upSampling2d, permute, repeatVector and reshape in one model: shapes and values',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.reshape({ targetShape: [2, 3, 1], inputShape: [6], name: 'sp_rs' }),
        tf.layers.zeroPadding2d({ padding: [[1, 0], [0, 2]], name: 'sp_pad' }),
        tf.layers.cropping2D({ cropping: [[0, 1], [1, 1]], name: 'sp_crop' }),
        tf.layers.upSampling2d({ size: [2, 1], name: 'sp_up' }),
        tf.layers.permute({ dims: [2, 1, 3], name: 'sp_perm' }),
        tf.layers.flatten({ name: 'sp_flat' }),
        tf.layers.repeatVector({ n: 2, name: 'sp_rep' }),
      ] });
      return [m.layers.map((l) => l.outputShape), m.predict(tf.tensor2d([[1, 2, 3, 4, 5, 6]]))];
    },
  },
  {
    name: 'global pooling layers with keepDims-free defaults and dataFormat channelsFirst on the 2-D ones',
    run: (tf) => {
      const x = tf.tensor4d(Array.from({ length: 16 }, (_, i) => i - 5), [1, 2, 2, 4]);
      const x1 = tf.tensor3d(Array.from({ length: 6 }, (_, i) => i * i - 4), [1, 3, 2]);
      return [
        tf.layers.globalAveragePooling2d({}).apply(x), tf.layers.globalMaxPooling2d({ dataFormat: 'channelsFirst' }).apply(x),
        tf.layers.globalAveragePooling2d({ dataFormat: 'channelsFirst' }).apply(x), tf.layers.globalMaxPooling1d().apply(x1), tf.layers.globalAveragePooling1d().apply(x1),
      ];
    },
  },
];

const dataAndMetrics: Program[] = [
  {
    name: 'tf.data: batch with smallLastBatch false, repeat, take, skip, shuffle with a seed, and iterator next() values',
    run: async (tf) => {
      const base = tf.data.array([1, 2, 3, 4, 5, 6, 7]);
      const it = await base.skip(2).take(3).iterator();
      const first = await it.next();
      const b1 = await base.batch(3, false).toArray();
      const b2 = await base.repeat(2).take(9).batch(4).toArray();
      const sh1 = await base.shuffle(7, 'seed-a').toArray();
      const sh2 = await base.shuffle(7, 'seed-a').toArray();
      return [first, b1, b2, JSON.stringify(sh1) === JSON.stringify(sh2), [...sh1].sort(), base.size, base.batch(3).size, base.repeat().size, base.take(2).size];
    },
  },
  {
    name: 'tf.data.zip of an array and an object, map to tensors, batch of nested objects, and mapAsync with a promise',
    run: async (tf) => {
      const a = tf.data.array([1, 2, 3]);
      const b = tf.data.array([{ v: 10 }, { v: 20 }, { v: 30 }]);
      const z = await tf.data.zip([a, b]).toArray();
      const zo = await tf.data.zip({ a, b }).batch(2).toArray();
      const mapped = await a.mapAsync(async (n) => (n as number) * 2).toArray();
      const tensors = await a.map((n) => tf.scalar(n as number).square()).batch(3).toArray();
      return [z, zo, mapped, tensors];
    },
  },
  {
    name: 'metric functions called directly: binaryAccuracy with soft labels, categoricalAccuracy, precision, recall, MAE, MSE, cosineProximity, MAPE',
    run: (tf) => {
      const yt = tf.tensor2d([[0, 1, 0], [1, 0, 0], [0, 0, 1]]);
      const yp = tf.tensor2d([[0.2, 0.7, 0.1], [0.3, 0.6, 0.1], [0.05, 0.05, 0.9]]);
      const bt = tf.tensor1d([1, 0, 1, 1]);
      const bp = tf.tensor1d([0.9, 0.6, 0.4, 0.51]);
      return [
        tf.metrics.binaryAccuracy(bt, bp), tf.metrics.categoricalAccuracy(yt, yp), tf.metrics.precision(bt, bp.round()), tf.metrics.recall(bt, bp.round()),
        tf.metrics.meanAbsoluteError(yt, yp), tf.metrics.meanSquaredError(yt, yp), tf.metrics.cosineProximity(yt, yp), tf.metrics.MAPE(yt.add(1), yp.add(1)),
        tf.metrics.binaryCrossentropy(bt, bp), tf.metrics.categoricalCrossentropy(yt, yp), tf.metrics.sparseCategoricalAccuracy(tf.tensor1d([1, 0, 2]), yp),
      ];
    },
  },
  {
    name: 'tf.losses with weights and each Reduction: meanSquaredError, absoluteDifference, huberLoss, logLoss, hingeLoss, cosineDistance',
    run: (tf) => {
      const labels = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
      const preds = tf.tensor2d([[0.8, 0.1], [0.3, 0.6], [0.5, 0.9]]);
      const w = tf.tensor2d([[1], [2], [0]]);
      const R = tf.Reduction;
      return [R.NONE, R.SUM, R.MEAN, R.SUM_BY_NONZERO_WEIGHTS].flatMap((r) => [
        tf.losses.meanSquaredError(labels, preds, w, r), tf.losses.absoluteDifference(labels, preds, undefined, r), tf.losses.huberLoss(labels, preds, w, 0.3, r),
        tf.losses.logLoss(labels, preds, undefined, 1e-7, r), tf.losses.hingeLoss(labels, preds, w, r), tf.losses.cosineDistance(labels, preds, 1, undefined, r),
      ]);
    },
  },
  {
    name: 'compile with every loss name TF.js registers, one fit step each: the loss values',
    run: async (tf) => {
      const names = ['meanSquaredError', 'meanAbsoluteError', 'meanAbsolutePercentageError', 'meanSquaredLogarithmicError', 'squaredHinge', 'hinge', 'categoricalHinge', 'logcosh', 'categoricalCrossentropy', 'binaryCrossentropy', 'kullbackLeiblerDivergence', 'poisson', 'cosineProximity', 'mse', 'mae', 'mape', 'msle', 'kld', 'cosine'];
      const x = rows(tf, 4, 3);
      const y = tf.tensor2d([[0, 1], [1, 0], [0.3, 0.7], [1, 0]]);
      const out: unknown[] = [];
      for (const loss of names) {
        try {
          const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax', kernelInitializer: glorot(tf, 440) })] });
          m.compile({ optimizer: tf.train.sgd(0.1), loss });
          const h = await m.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0 });
          out.push([loss, h.history.loss]);
        } catch {
          out.push([loss, 'threw']);
        }
      }
      return out;
    },
  },
  {
    name: 'compile with metric names and functions: the history keys for each spelling',
    run: async (tf) => {
      const names = ['accuracy', 'acc', 'binaryAccuracy', 'categoricalAccuracy', 'mse', 'mae', 'MAE', 'meanSquaredError', 'precision', 'recall', 'cosineProximity', 'categoricalCrossentropy', 'binaryCrossentropy', 'mape', 'sparseCategoricalAccuracy'];
      const x = rows(tf, 4, 3);
      const y = tf.tensor2d([[0, 1], [1, 0], [0, 1], [1, 0]]);
      const out: unknown[] = [];
      for (const metric of names) {
        try {
          const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax', kernelInitializer: glorot(tf, 450) })] });
          m.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: [metric] });
          const h = await m.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0, validationData: [x, y] });
          out.push([metric, h.history]);
        } catch {
          out.push([metric, 'threw']);
        }
      }
      return out;
    },
  },
];

const summaries: Program[] = [
  {
    name: 'summary with layer names longer than their column, a many-input concatenate listing its inbound layers, and a narrow lineLength',
    run: (tf) => {
      const ins = [0, 1, 2].map((i) => tf.input({ shape: [2], name: `a_rather_long_input_name_number_${i}` }));
      const cat = tf.layers.concatenate({ name: 'concatenate_every_single_one_of_the_inputs_here' }).apply(ins) as Sym;
      const out = tf.layers.dense({ units: 1, name: 'the_final_dense_layer_with_a_long_name_indeed' }).apply(cat) as Sym;
      const m = tf.model({ inputs: ins, outputs: out, name: 'long_names_model' });
      m.summary();
      m.summary(50);
      const seq = tf.sequential({ layers: [tf.layers.dense({ units: 100000, inputShape: [300], name: 'a_very_wide_dense_layer_with_many_units', kernelInitializer: 'zeros' })] });
      seq.summary(40);
      return m.countParams();
    },
  },
  {
    name: 'summary of a Sequential with bidirectional lstm, timeDistributed dense, and stacked rnn cells',
    run: (tf) => {
      const m = tf.sequential({ name: 'sm_outer', layers: [
        tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnSequences: true }) as never, inputShape: [5, 3], name: 'sm_bi' }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 4 }), name: 'sm_td' }),
        tf.layers.rnn({ cell: [tf.layers.simpleRNNCell({ units: 3 }), tf.layers.gruCell({ units: 4 })], returnSequences: false, name: 'sm_stack' }),
        tf.layers.dense({ units: 3, name: 'sm_out' }),
      ] });
      m.summary();
      return [m.layers.map((l) => [l.getClassName(), l.outputShape, l.countParams()]), m.countParams()];
    },
  },
  {
    name: 'summary of a functional model with returnState lstm outputs, a multi-output head and a layer used twice',
    run: (tf) => {
      const inp = tf.input({ shape: [4, 2], name: 'smf_in' });
      const [seq, h, c] = tf.layers.lstm({ units: 3, returnSequences: true, returnState: true, name: 'smf_lstm' }).apply(inp) as Sym[];
      const shared = tf.layers.dense({ units: 2, name: 'smf_shared' });
      const a = shared.apply(h) as Sym;
      const b = shared.apply(c) as Sym;
      const pooled = tf.layers.globalAveragePooling1d({ name: 'smf_pool' }).apply(seq) as Sym;
      const m = tf.model({ inputs: inp, outputs: [a, b, pooled], name: 'smf_model' });
      m.summary(100);
      return m.outputs.map((o) => o.shape);
    },
  },
  {
    name: 'summary of a conv model with conv2dTranspose, separableConv2d, depthwiseConv2d, conv3d-free upSampling and layerNormalization',
    run: (tf) => {
      const m = tf.sequential({ name: 'smc', layers: [
        tf.layers.separableConv2d({ inputShape: [8, 8, 3], filters: 4, kernelSize: 3, padding: 'same', depthMultiplier: 2, name: 'smc_sep' }),
        tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, name: 'smc_dw' }),
        tf.layers.conv2dTranspose({ filters: 2, kernelSize: 2, strides: 2, name: 'smc_tr' }),
        tf.layers.upSampling2d({ size: [2, 2], name: 'smc_up' }),
        tf.layers.layerNormalization({ name: 'smc_ln' }),
        tf.layers.globalMaxPooling2d({ name: 'smc_gmp' }),
      ] });
      m.summary(80, [0.45, 0.8, 1]);
      return m.layers.map((l) => l.getWeights().map((w) => w.shape));
    },
  },
  {
    name: 'getConfig of bidirectional, timeDistributed, stacked rnn cells, convLstm2d, conv2dTranspose and layerNormalization',
    run: (tf) => {
      const ls = [
        tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros', name: 'cf_gru' }) as never, mergeMode: 'ave', name: 'cf_bi' }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, kernelInitializer: 'ones', name: 'cf_td_d' }), name: 'cf_td' }),
        tf.layers.rnn({ cell: [tf.layers.lstmCell({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros', name: 'cf_c1' }), tf.layers.simpleRNNCell({ units: 1, kernelInitializer: 'ones', recurrentInitializer: 'zeros', name: 'cf_c2' })], name: 'cf_rnn' }),
        tf.layers.convLstm2d({ filters: 2, kernelSize: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros', name: 'cf_convlstm' }),
        tf.layers.conv2dTranspose({ filters: 2, kernelSize: [2, 3], strides: [2, 1], padding: 'same', kernelInitializer: 'ones', name: 'cf_tr' }),
        tf.layers.layerNormalization({ axis: -1, epsilon: 1e-5, name: 'cf_ln' }),
      ];
      return ls.map((l) => [l.getClassName(), l.getConfig()]);
    },
  },
];

const training2: Program[] = [
  {
    name: 'a two-input model fitted with inputs as an array and as a map by input name, validationSplit 0.25, shuffle false',
    run: async (tf) => {
      const a = tf.input({ shape: [2], name: 'ti_a' });
      const b = tf.input({ shape: [1], name: 'ti_b' });
      const joined = tf.layers.concatenate({ name: 'ti_cat' }).apply([a, b]) as Sym;
      const out = tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 500), name: 'ti_out' }).apply(joined) as Sym;
      const m = tf.model({ inputs: [a, b], outputs: out });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mae'] });
      const xa = rows(tf, 8, 2);
      const xb = rows(tf, 8, 1).mul(2);
      const y = xa.sum(1, true).add(xb);
      const h1 = await m.fit([xa, xb], y, { epochs: 2, batchSize: 3, validationSplit: 0.25, shuffle: false, verbose: 0 });
      const h2 = await m.fit({ ti_a: xa, ti_b: xb }, y, { epochs: 1, batchSize: 8, verbose: 0 });
      return [h1.history, h2.history, m.evaluate([xa, xb], y)];
    },
  },
  {
    name: 'fitDataset with validationData as an array of tensors, and an infinite repeated dataset bounded by batchesPerEpoch',
    run: async (tf) => {
      const x = rows(tf, 6, 3);
      const y = targets(tf, x);
      const ds = tf.data.zip({ xs: tf.data.array(x.arraySync() as number[][]), ys: tf.data.array(y.arraySync() as number[][]) }).batch(2).repeat();
      const m = regressor(tf, 510);
      const batches: number[] = [];
      const h = await m.fitDataset(ds, { epochs: 3, batchesPerEpoch: 2, validationData: [x, y], callbacks: { onBatchEnd: async (bi) => { batches.push(bi); } } });
      return [h.history, batches];
    },
  },
  {
    name: 'a tf.Callback subclass and a tf.CustomCallback together in a list: hooks called in order, setParams contents',
    run: async (tf) => {
      const events: string[] = [];
      class Recorder extends tf.Callback {
        override async onEpochEnd(epoch: number, logs?: Record<string, number>) { events.push(`rec ${epoch} ${Object.keys(logs ?? {}).join(',')}`); }
        override async onTrainBegin() { events.push(`rec params ${JSON.stringify(this.params)}`); }
      }
      const custom = new tf.CustomCallback({ onEpochEnd: async (epoch) => { events.push(`custom ${epoch}`); } });
      const x = rows(tf, 4, 3);
      const m = regressor(tf, 520);
      await m.fit(x, targets(tf, x), { epochs: 2, batchSize: 2, verbose: 0, callbacks: [new Recorder(), custom] });
      return events;
    },
  },
  {
    name: 'earlyStopping with mode max on loss and a verbose message when it stops',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const m = regressor(tf, 530, tf.train.sgd(0.05));
      const h = await m.fit(x, targets(tf, x), { epochs: 5, batchSize: 4, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'loss', mode: 'max', patience: 1, verbose: 1 }) });
      return h.epoch;
    },
  },
  {
    name: 'onYield callback and onEpochEnd returning nothing (not a promise); fit awaited twice in a row',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const m = regressor(tf, 540);
      const seen: string[] = [];
      await m.fit(x, targets(tf, x), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0, yieldEvery: 'batch', callbacks: { onYield: (e: number, b: number) => { seen.push(`y${e}.${b}`); }, onEpochEnd: (e: number) => { seen.push(`e${e}`); } } as never });
      const h = await m.fit(x, targets(tf, x), { epochs: 1, batchSize: 4, verbose: 0 });
      return [seen.filter((v) => v.startsWith('e')), h.history];
    },
  },
  {
    name: 'fit with a batchSize larger than the data, validationSplit leaving one validation sample, and epochs given as 1 by default',
    run: async (tf) => {
      const x = rows(tf, 5, 3);
      const m = regressor(tf, 550);
      const h = await m.fit(x, targets(tf, x), { batchSize: 64, validationSplit: 0.2, verbose: 0 });
      return [h.history, h.epoch, h.params];
    },
  },
  {
    name: 'a multi-output model compiled with losses and metrics as maps by output name: history keys and metricsNames',
    run: async (tf) => {
      const inp = tf.input({ shape: [3], name: 'mo_in' });
      const h = tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: glorot(tf, 560), name: 'mo_h' }).apply(inp) as Sym;
      const reg = tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 561), name: 'mo_reg' }).apply(h) as Sym;
      const cls = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: glorot(tf, 562), name: 'mo_cls' }).apply(h) as Sym;
      const m = tf.model({ inputs: inp, outputs: [reg, cls] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: { mo_reg: 'meanSquaredError', mo_cls: 'categoricalCrossentropy' }, metrics: { mo_reg: ['mae'], mo_cls: ['accuracy'] } as never });
      const x = rows(tf, 6, 3);
      const yr = targets(tf, x);
      const yc = tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1, 0], 'int32'), 2);
      const hist = await m.fit(x, { mo_reg: yr, mo_cls: yc }, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      return [Object.keys(hist.history), hist.history, m.metricsNames];
    },
  },
  {
    name: 'learning rate decay by hand: a new optimizer per phase with recompile, and optimizer.learningRate read in callbacks',
    run: async (tf) => {
      const x = rows(tf, 6, 3);
      const y = targets(tf, x);
      const m = regressor(tf, 570, tf.train.adam(0.1));
      const rates: number[] = [];
      const cb = { onEpochBegin: async () => { rates.push((m.optimizer as unknown as { learningRate: number }).learningRate); } };
      await m.fit(x, y, { epochs: 2, batchSize: 6, verbose: 0, callbacks: cb });
      m.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
      const h = await m.fit(x, y, { epochs: 2, batchSize: 6, verbose: 0, callbacks: cb });
      return [rates, h.history.loss, m.getWeights()[3]];
    },
  },
  {
    name: 'trainOnBatch in a loop with a learning rate set through the optimizer between steps, and predictOnBatch',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const y = targets(tf, x);
      const opt = tf.train.momentum(0.1, 0.9);
      const m = regressor(tf, 580, opt);
      const losses: number[] = [];
      for (let i = 0; i < 4; i++) {
        if (i === 2) (opt as unknown as { learningRate: number }).learningRate = 0.01;
        losses.push(await m.trainOnBatch(x, y) as number);
      }
      return [losses, m.predictOnBatch(x), opt.getConfig()];
    },
  },
];

const creation: Program[] = [
  {
    name: 'the typed arrays TF.js takes into tf.tensor with and without a dtype: Float32Array, Int32Array, Uint8ClampedArray (image data), Uint8Array',
    run: (tf) => {
      const arrays = [new Float32Array([1.5, -2.25]), new Int32Array([-3, 4]), new Uint8ClampedArray([255, 7]), new Uint8Array([0, 1])];
      return arrays.map((a) => {
        const out: unknown[] = [];
        for (const dtype of [undefined, 'float32', 'int32', 'bool'] as const) {
          try {
            const t = tf.tensor(a as never, [2], dtype);
            out.push([t.dtype, t.dataSync()]);
          } catch {
            out.push('threw');
          }
        }
        return out;
      });
    },
  },
  {
    name: 'number arrays given dtype int32 or bool: fractions truncated, negatives, NaN; booleans given float32; dataSync classes',
    run: (tf) => [
      tf.tensor([1.9, -1.9, 2.5, -0.5], [4], 'int32').dataSync(), tf.tensor([0, 2, -1, 0.5], [4], 'bool').dataSync(), tf.tensor([true, false], [2], 'float32').dataSync(),
      tf.tensor([true, false], [2], 'int32').dataSync(), tf.tensor1d([NaN, 1], 'int32').dataSync(), tf.tensor2d([[1, 2]], [1, 2], 'bool').arraySync(),
      tf.scalar(3.7, 'int32').arraySync(), tf.ones([2], 'bool').dataSync(), tf.zeros([1], 'int32').dataSync(), tf.tensor([1, 0]).cast('bool').arraySync(),
    ],
  },
  {
    name: 'tf.buffer: set, get, toTensor, values, locToIndex and indexToLoc; tensor.buffer() and bufferSync of an int32 tensor',
    run: async (tf) => {
      const b = tf.buffer([2, 3], 'int32');
      b.set(5, 0, 1);
      b.set(-2, 1, 2);
      const t = b.toTensor();
      const bs = t.bufferSync();
      const ab = await t.buffer();
      return [t, b.get(0, 1), b.values, b.locToIndex([1, 2]), b.indexToLoc(4), bs.get(1, 2), ab.dtype, ab.shape, tf.buffer([2], 'float32', new Float32Array([1, 2])).toTensor(), b.strides, b.size, b.rank];
    },
  },
  {
    name: 'await data(), array(), bytes-free dataSync on float32, int32 and bool; tensor properties rank, size, strides and isDisposed',
    run: async (tf) => {
      const f = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
      const i = tf.tensor1d([1, 2], 'int32');
      const b = tf.tensor1d([true, false]);
      return [await f.data(), await i.data(), await b.data(), await f.array(), await b.array(), f.rank, f.size, f.strides, i.strides, tf.scalar(1).strides, f.isDisposed, f.id >= 0];
    },
  },
  {
    name: 'tf.variable with a name and trainable false, assign of a new value, variable arithmetic, and a dtype-changing assign refused',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1, 2, 3]), false, 's25_var_a');
      const before = [v.name, v.trainable, v.dtype];
      v.assign(tf.tensor1d([4, 5, 6]));
      const sum = v.add(1);
      const vi = tf.variable(tf.tensor1d([1, 2], 'int32'));
      const bad = throws(() => vi.assign(tf.tensor1d([1.5, 2])));
      const badShape = throws(() => v.assign(tf.ones([2])));
      return [before, v, sum, vi.dtype, bad, badShape, tf.variable(tf.scalar(2), true, undefined, 'int32').dtype];
    },
  },
  {
    name: 'clone, toString, print of a variable; tensor.toString(true) verbose of int32 and bool; console.log of a tensor',
    run: (tf) => {
      const v = tf.variable(tf.tensor2d([[1.5, -2], [3, 4]]), true, 's25_print_var');
      v.print();
      console.log(tf.tensor1d([-1, 20, 300], 'int32').toString(true));
      console.log(tf.tensor2d([[true, false], [false, true]]).toString(true));
      console.log(String(tf.scalar(0.1 + 0.2)));
      console.log(`${tf.tensor1d([1e-8, 1e8])}`);
      return v.clone();
    },
  },
];

/** Saves a model through withSaveHandler and loads it back from memory: the artifacts and the loaded model. */
const roundTrip = async (tf: TF, model: ReturnType<TF['sequential']> | ReturnType<TF['model']>) => {
  const art = (await saveToMemory(tf, model)) as unknown as { modelTopology: { model_config: unknown; keras_version?: string }; weightSpecs: { name: string; shape: number[]; dtype: string }[]; weightData: ArrayBuffer };
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(art as never));
  return { art, loaded };
};

const saving: Program[] = [
  {
    name: 'save and load of a model with every common layer kind: the model_config written and the loaded model\'s predictions',
    run: async (tf) => {
      const m = tf.sequential({ name: 'rt_all', layers: [
        tf.layers.conv2d({ inputShape: [6, 6, 2], filters: 3, kernelSize: 2, padding: 'same', activation: 'relu', kernelInitializer: glorot(tf, 600), name: 'rt_conv' }),
        tf.layers.batchNormalization({ name: 'rt_bn' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'rt_pool' }),
        tf.layers.separableConv2d({ filters: 2, kernelSize: 2, depthwiseInitializer: glorot(tf, 601), pointwiseInitializer: glorot(tf, 601), name: 'rt_sep' }),
        tf.layers.reshape({ targetShape: [4, 2], name: 'rt_rs' }),
        tf.layers.gru({ units: 3, returnSequences: true, kernelInitializer: glorot(tf, 603), recurrentInitializer: glorot(tf, 604), name: 'rt_gru' }),
        tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2, kernelInitializer: glorot(tf, 605), recurrentInitializer: glorot(tf, 606) }) as never, name: 'rt_bi' }),
        tf.layers.dropout({ rate: 0.1, name: 'rt_drop' }),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: glorot(tf, 607), kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }), name: 'rt_out' }),
      ] });
      const x = tf.tensor4d(Array.from({ length: 72 }, (_, i) => Math.sin(i)), [1, 6, 6, 2]);
      const { art, loaded } = await roundTrip(tf, m);
      return [art.modelTopology.model_config, art.weightSpecs, loaded.predict(x), m.predict(x), loaded.layers.map((l) => l.getClassName())];
    },
  },
  {
    name: 'save and load of a functional model with two inputs, a shared embedding, lstm, an add and a multiply merge',
    run: async (tf) => {
      const a = tf.input({ shape: [3], name: 'rtf_a' });
      const b = tf.input({ shape: [3], name: 'rtf_b' });
      const emb = tf.layers.embedding({ inputDim: 6, outputDim: 2, embeddingsInitializer: glorot(tf, 610), name: 'rtf_emb' });
      const lstm = tf.layers.lstm({ units: 2, kernelInitializer: glorot(tf, 611), recurrentInitializer: glorot(tf, 612), name: 'rtf_lstm' });
      const ea = lstm.apply(emb.apply(a) as Sym) as Sym;
      const eb = lstm.apply(emb.apply(b) as Sym) as Sym;
      const added = tf.layers.add({ name: 'rtf_add' }).apply([ea, eb]) as Sym;
      const mult = tf.layers.multiply({ name: 'rtf_mul' }).apply([ea, eb]) as Sym;
      const out = tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: glorot(tf, 613), name: 'rtf_out' }).apply(tf.layers.concatenate({ name: 'rtf_cat' }).apply([added, mult]) as Sym) as Sym;
      const m = tf.model({ inputs: [a, b], outputs: out, name: 'rtf_model' });
      const xa = tf.tensor2d([[1, 2, 3], [5, 0, 4]]);
      const xb = tf.tensor2d([[3, 2, 1], [0, 0, 1]]);
      const { art, loaded } = await roundTrip(tf, m);
      return [art.modelTopology.model_config, art.weightSpecs.map((w) => w.name), loaded.predict([xa, xb]), m.predict([xa, xb]), loaded.inputNames];
    },
  },
  {
    name: 'save of a compiled model: training_config written, and the loaded model compiled from it evaluates the same',
    run: async (tf) => {
      const m = regressor(tf, 620, tf.train.rmsprop(0.01));
      m.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'meanAbsoluteError', metrics: ['mse'] });
      const x = rows(tf, 4, 3);
      const { art, loaded } = await roundTrip(tf, m);
      const cfg = (art as unknown as { trainingConfig?: unknown }).trainingConfig ?? null;
      let ev: unknown = 'not compiled';
      try { ev = loaded.evaluate(x, targets(tf, x)); } catch { ev = 'threw'; }
      return [cfg, ev, m.evaluate(x, targets(tf, x))];
    },
  },
];

const wild: Program[] = [
  {
    name: 'inputShape given as a bare number, batchShape on tf.input, an inputLayer added first, and units given as a numeric string-free float',
    run: (tf) => {
      const out: unknown[] = [];
      const tries: (() => unknown)[] = [
        () => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: 3 as never, kernelInitializer: 'ones' })] }).predict(tf.ones([1, 3])),
        () => tf.input({ batchShape: [null, 3] }).shape,
        () => { const m = tf.sequential(); m.add(tf.layers.inputLayer({ inputShape: [3] })); m.add(tf.layers.dense({ units: 1, kernelInitializer: 'ones' })); return [m.predict(tf.ones([2, 3])), m.layers.length, m.inputs[0].shape]; },
        () => tf.sequential({ layers: [tf.layers.dense({ units: 2.0, inputShape: [2], kernelInitializer: 'ones' })] }).outputs[0].shape,
        () => tf.input({ shape: [2, null] as never }).shape,
      ];
      for (const t of tries) {
        try { out.push(t()); } catch { out.push('threw'); }
      }
      return out;
    },
  },
  {
    name: 'compile with tf.losses functions and tf.metrics functions as values: history keys and losses',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const y = tf.tensor2d([[1], [0], [1], [1]]);
      const out: unknown[] = [];
      const configs = [
        { loss: tf.losses.meanSquaredError, metrics: [tf.metrics.binaryAccuracy] },
        { loss: tf.losses.sigmoidCrossEntropy, metrics: [tf.metrics.meanAbsoluteError, 'accuracy'] },
        { loss: (yt: Tensor, yp: Tensor) => tf.losses.logLoss(yt, yp), metrics: [tf.metrics.precision, tf.metrics.recall] },
        { loss: tf.metrics.binaryCrossentropy, metrics: ['binaryAccuracy'] },
      ];
      for (const c of configs) {
        const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], activation: 'sigmoid', kernelInitializer: glorot(tf, 700) })] });
        m.compile({ optimizer: tf.train.sgd(0.2), ...(c as unknown as { loss: 'meanSquaredError' }) });
        const h = await m.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0 });
        out.push([Object.keys(h.history), h.history, m.metricsNames]);
      }
      return out;
    },
  },
  {
    name: 'earlyStopping with its defaults (val_loss) on a fit without validation, and with a monitor missing from the logs',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const m = regressor(tf, 710);
      const h = await m.fit(x, targets(tf, x), { epochs: 3, batchSize: 4, verbose: 0, callbacks: tf.callbacks.earlyStopping() });
      const h2 = await m.fit(x, targets(tf, x), { epochs: 2, batchSize: 4, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'acc' }) });
      return [h.epoch, h2.epoch];
    },
  },
  {
    name: 'a normalization pipeline as the guides write it: min and max of the data, normalized tensors, and un-normalizing predictions',
    run: async (tf) => {
      const xs = tf.tensor1d([1, 5, 2, 8, 4, 7]);
      const ys = xs.mul(3).add(tf.tensor1d([0.5, -0.2, 0.1, 0.3, -0.4, 0.2]));
      const [xMin, xMax, yMin, yMax] = [xs.min(), xs.max(), ys.min(), ys.max()];
      const nx = xs.sub(xMin).div(xMax.sub(xMin)).reshape([-1, 1]);
      const ny = ys.sub(yMin).div(yMax.sub(yMin)).reshape([-1, 1]);
      const m = tf.sequential();
      m.add(tf.layers.dense({ inputShape: [1], units: 1, useBias: true, kernelInitializer: 'zeros' }));
      m.add(tf.layers.dense({ units: 1, useBias: true, kernelInitializer: 'ones' }));
      m.compile({ optimizer: tf.train.adam(0.1), loss: tf.losses.meanSquaredError, metrics: ['mse'] });
      await m.fit(nx, ny, { batchSize: 32, epochs: 20, shuffle: true, verbose: 0 });
      const [gx, preds] = tf.tidy(() => {
        const g = tf.linspace(0, 1, 5);
        const p = m.predict(g.reshape([5, 1])) as Tensor;
        return [g.mul(xMax.sub(xMin)).add(xMin), p.mul(yMax.sub(yMin)).add(yMin)];
      });
      return [Array.from(gx.dataSync()), Array.from(preds.dataSync())];
    },
  },
];

const deeper: Program[] = [
  {
    name: 'a small convnet with seeded dropout, batchNormalization and adam trained three epochs: losses, accuracy and the moving statistics',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.conv2d({ inputShape: [5, 5, 1], filters: 3, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(tf, 800), name: 'dc_conv' }),
        tf.layers.batchNormalization({ name: 'dc_bn' }),
        tf.layers.flatten({ name: 'dc_flat' }),
        tf.layers.dropout({ rate: 0.3, seed: 5, name: 'dc_drop' }),
        tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: glorot(tf, 801), name: 'dc_out' }),
      ] });
      m.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const x = tf.tensor4d(Array.from({ length: 6 * 25 }, (_, i) => Math.sin(i * 0.37)), [6, 5, 5, 1]);
      const y = tf.oneHot(tf.tensor1d([0, 1, 0, 1, 1, 0], 'int32'), 2);
      const h = await m.fit(x, y, { epochs: 3, batchSize: 3, shuffle: false, verbose: 0 });
      return [h.history, m.getLayer('dc_bn').getWeights(), m.predict(x)];
    },
  },
  {
    name: 'tf.dropout with a seed and a noiseShape, and alphaDropout, gaussianDropout and gaussianNoise outside training (identity)',
    run: (tf) => {
      const x = tf.ones([2, 4]);
      return [
        tf.dropout(x, 0.5, undefined, 3), tf.dropout(x, 0.5, [2, 1], 3), tf.dropout(x, 0),
        tf.layers.alphaDropout({ rate: 0.5 }).apply(x), tf.layers.gaussianDropout({ rate: 0.5 }).apply(x), tf.layers.gaussianNoise({ stddev: 1 }).apply(x),
        tf.layers.dropout({ rate: 0.5, seed: 3 }).apply(x, { training: true }),
      ];
    },
  },
  {
    name: 'a text classifier: embedding, conv1d, globalMaxPooling1d and dense with sparseCategoricalCrossentropy trained on int32 ids',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 6, embeddingsInitializer: glorot(tf, 810), name: 'tc_emb' }),
        tf.layers.conv1d({ filters: 3, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(tf, 811), name: 'tc_conv' }),
        tf.layers.globalMaxPooling1d({ name: 'tc_pool' }),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: glorot(tf, 812), name: 'tc_out' }),
      ] });
      m.compile({ optimizer: tf.train.rmsprop(0.05), loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });
      const x = tf.tensor2d([[1, 2, 3, 4, 0, 0], [5, 6, 7, 0, 0, 0], [9, 8, 1, 2, 3, 4], [2, 2, 2, 2, 2, 2]], [4, 6], 'int32');
      const y = tf.tensor1d([0, 1, 2, 1]);
      const h = await m.fit(x, y, { epochs: 4, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history, m.predict(x), m.evaluate(x, y)];
    },
  },
  {
    name: 'an autoencoder with a bottleneck, conv2dTranspose decoder and binaryCrossentropy on images in [0, 1], trained with adamax',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 2, strides: 2, activation: 'relu', kernelInitializer: glorot(tf, 820), name: 'ae_enc' }),
        tf.layers.conv2dTranspose({ filters: 1, kernelSize: 2, strides: 2, activation: 'sigmoid', kernelInitializer: glorot(tf, 821), name: 'ae_dec' }),
      ] });
      m.compile({ optimizer: tf.train.adamax(0.05), loss: 'binaryCrossentropy' });
      const x = tf.tensor4d(Array.from({ length: 3 * 16 }, (_, i) => (Math.sin(i) + 1) / 2), [3, 4, 4, 1]);
      const h = await m.fit(x, x, { epochs: 3, batchSize: 3, verbose: 0 });
      return [h.history.loss, m.predict(x.slice(0, 1))];
    },
  },
  {
    name: 'a time-series gru regressor with returnSequences and timeDistributed output, fitted with adagrad and validationData',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.gru({ units: 3, inputShape: [5, 2], returnSequences: true, kernelInitializer: glorot(tf, 830), recurrentInitializer: glorot(tf, 831), resetAfter: false, name: 'ts_gru' } as never),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1, kernelInitializer: glorot(tf, 832) }), name: 'ts_td' }),
      ] });
      m.compile({ optimizer: tf.train.adagrad(0.3), loss: 'meanAbsoluteError' });
      const x = tf.tensor3d(Array.from({ length: 4 * 10 }, (_, i) => Math.cos(i * 0.3)), [4, 5, 2]);
      const y = x.sum(-1, true);
      const h = await m.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, validationData: [x.slice(0, 1), y.slice(0, 1)] });
      return [h.history, m.predict(x.slice(2))];
    },
  },
];

const rankForms: Program[] = [
  {
    name: 'the rank-suffixed op forms: concat3d, concat4d, pad3d, pad4d, reverse1d to reverse4d, slice4d, batchNorm3d and batchNorm4d, tensor6d',
    run: (tf) => {
      const a3 = tf.tensor3d([[[1, 2]], [[3, 4]]]);
      const a4 = a3.expandDims(0) as never;
      const mean = tf.tensor1d([1, 2]);
      const variance = tf.tensor1d([0.5, 2]);
      return [
        tf.concat3d([a3, a3], 1), tf.concat4d([a4, a4], 3), tf.pad3d(a3, [[0, 1], [1, 0], [0, 0]], 7), tf.pad4d(a4, [[0, 0], [0, 0], [1, 1], [0, 0]]),
        tf.reverse1d(tf.tensor1d([1, 2, 3])), tf.reverse2d(tf.tensor2d([[1, 2], [3, 4]]), 1), tf.reverse3d(a3, [0, 2]), tf.reverse4d(a4, -1),
        tf.slice4d(a4, [0, 1, 0, 0], [1, 1, 1, 2]), tf.batchNorm3d(a3, mean, variance, tf.tensor1d([0.5, 0]), tf.tensor1d([2, 1]), 0.01), tf.batchNorm4d(a4, mean, variance),
        tf.tensor6d([1, 2, 3, 4], [1, 1, 2, 1, 2, 1]).shape, tf.tensor5d([[[[[1]]]]]).shape,
      ];
    },
  },
  {
    name: 'tf.sumOutType and tf.upcastType of each dtype pair, and util type guards: isNumber, isString, isBoolean, isFunction',
    run: (tf) => {
      const dtypes = ['float32', 'int32', 'bool'] as const;
      return [
        dtypes.map((d) => tf.sumOutType(d)), dtypes.flatMap((a) => dtypes.map((b) => tf.upcastType(a, b))),
        [tf.util.isNumber(3), tf.util.isNumber('3'), tf.util.isString('a'), tf.util.isBoolean(false), tf.util.isFunction(() => 1), tf.util.isFunction(3)],
      ];
    },
  },
  {
    name: 'a convLstm2d layer with returnSequences and padding same, seeded kernels, on a short clip: output and weights shapes',
    run: (tf) => {
      const layer = tf.layers.convLstm2d({ filters: 2, kernelSize: 2, padding: 'same', returnSequences: true, kernelInitializer: glorot(tf, 900), recurrentInitializer: glorot(tf, 901), name: 'clstm' });
      const x = tf.tensor5d(Array.from({ length: 2 * 3 * 3 * 3 * 1 }, (_, i) => Math.sin(i)), [2, 3, 3, 3, 1]);
      const y = layer.apply(x) as Tensor;
      return [y, layer.getWeights().map((w) => w.shape)];
    },
  },
];

const labelMistakes: Program[] = [
  {
    name: 'common label mistakes in fit: one-hot labels with sparseCategoricalCrossentropy, class ids with categoricalCrossentropy, [n] labels for a [n, 1] output',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const make = (loss: string, units: number) => {
        const m = tf.sequential({ layers: [tf.layers.dense({ units, inputShape: [3], activation: units === 1 ? 'sigmoid' : 'softmax', kernelInitializer: glorot(tf, 910) })] });
        m.compile({ optimizer: tf.train.sgd(0.1), loss });
        return m;
      };
      const attempt = async (f: () => Promise<{ history: Record<string, unknown> }>) => { try { return (await f()).history; } catch { return 'threw'; } };
      const oneHot = tf.oneHot(tf.tensor1d([0, 2, 1, 1], 'int32'), 3);
      return [
        await attempt(() => make('sparseCategoricalCrossentropy', 3).fit(x, oneHot, { epochs: 1, verbose: 0 })),
        await attempt(() => make('categoricalCrossentropy', 3).fit(x, tf.tensor2d([[0], [2], [1], [1]]), { epochs: 1, verbose: 0 })),
        await attempt(() => make('categoricalCrossentropy', 3).fit(x, tf.tensor1d([0, 2, 1, 1]), { epochs: 1, verbose: 0 })),
        await attempt(() => make('binaryCrossentropy', 1).fit(x, tf.tensor1d([0, 1, 1, 0]), { epochs: 1, verbose: 0 })),
        await attempt(() => make('binaryCrossentropy', 1).fit(x, tf.tensor2d([[0, 1], [1, 0], [1, 0], [0, 1]]), { epochs: 1, verbose: 0 })),
        await attempt(() => make('meanSquaredError', 3).fit(x, tf.tensor2d([[1], [2], [3], [4]]), { epochs: 1, verbose: 0 })),
        await attempt(() => make('sparseCategoricalCrossentropy', 3).fit(x, tf.tensor1d([0, 2, 1, 1]), { epochs: 1, verbose: 0 })),
      ];
    },
  },
  {
    name: 'evaluate mistakes: labels of the wrong width, of the wrong batch size, of the wrong rank (TF.js\'s predict of zero rows throws from its concat, so none here)',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const attempt = (f: () => unknown) => { try { return f(); } catch { return 'threw'; } };
      return [
        attempt(() => m.evaluate(tf.ones([2, 3]), tf.ones([2, 3]))), attempt(() => m.evaluate(tf.ones([2, 3]), tf.ones([3, 2]))),
        attempt(() => m.evaluate(tf.ones([2, 3]), tf.ones([2]))),
      ];
    },
  },
];

const asyncOrder: Program[] = [
  {
    name: 'a second fit started while the first runs is refused; the first finishes; fit not awaited then awaited later',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const m = regressor(tf, 950);
      const first = m.fit(x, targets(tf, x), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      let second = 'ran';
      try { await m.fit(x, targets(tf, x), { epochs: 1, verbose: 0 }); } catch { second = 'refused'; }
      const h = await first;
      return [second, h.history.loss];
    },
  },
  {
    name: 'awaiting tf.nextFrame and a setTimeout inside onBatchEnd, and reading the weights with data() there',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const m = regressor(tf, 960);
      const seen: number[][] = [];
      await m.fit(x, targets(tf, x), { epochs: 1, batchSize: 2, shuffle: false, verbose: 0, callbacks: { onBatchEnd: async () => {
        await tf.nextFrame();
        await new Promise((r) => setTimeout(r, 1));
        seen.push(Array.from(await m.getWeights()[3].data()));
      } } });
      return seen;
    },
  },
  {
    name: 'predict inside onEpochEnd with the weights of that epoch, and evaluate inside onTrainEnd',
    run: async (tf) => {
      const x = rows(tf, 4, 3);
      const y = targets(tf, x);
      const m = regressor(tf, 970);
      const preds: number[][] = [];
      let ev: number | null = null;
      await m.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, callbacks: {
        onEpochEnd: async () => { preds.push(Array.from((m.predict(x) as Tensor).dataSync())); },
        onTrainEnd: async () => { ev = (m.evaluate(x, y) as Scalar).dataSync()[0]; },
      } });
      return [preds, ev];
    },
  },
];

const imageIdioms: Program[] = [
  {
    name: 'image preprocessing as apps write it: an int32 image resized bilinear and nearest, toFloat, div(255), expandDims, flipLeftRight, grayscale both ways',
    run: (tf) => {
      const img = tf.tensor3d(Array.from({ length: 4 * 4 * 3 }, (_, i) => (i * 37) % 256), [4, 4, 3], 'int32');
      const rb = tf.image.resizeBilinear(img, [3, 5]);
      const rn = tf.image.resizeNearestNeighbor(img, [2, 6], true);
      const norm = rb.toFloat().div(255).expandDims(0);
      const gray = tf.image.rgbToGrayscale(img);
      return [rb, rn, norm.shape, tf.image.flipLeftRight(norm as never), gray, tf.image.grayscaleToRGB(gray), tf.image.resizeBilinear(img.toFloat(), [2, 2], false, true)];
    },
  },
  {
    name: 'mobilenet-style normalization: sub(127.5).div(127.5), resizeBilinear of a batch with alignCorners, and argMax of a softmax over the classes',
    run: (tf) => {
      const batch = tf.tensor4d(Array.from({ length: 2 * 3 * 3 * 3 }, (_, i) => (i * 53) % 256), [2, 3, 3, 3]);
      const x = tf.image.resizeBilinear(batch, [4, 4], true).sub(127.5).div(127.5);
      const logits = x.mean([1, 2]).matMul(tf.tensor2d([[1, 0, -1, 2], [0, 1, 1, -1], [2, -1, 0, 1]]));
      const probs = logits.softmax();
      return [x.min(), x.max(), probs, probs.argMax(-1), tf.topk(probs, 2).indices];
    },
  },
];

const trainingFlag: Program[] = [
  {
    name: 'layer.apply with {training: true} on tensors: batchNormalization normalizes by the batch and moves its statistics; predict after uses them',
    run: (tf) => {
      const bn = tf.layers.batchNormalization({ momentum: 0.5, inputShape: [2], name: 'tf_bn' });
      const m = tf.sequential({ layers: [bn] });
      const x = tf.tensor2d([[1, 10], [3, 20], [5, 60]]);
      const train = bn.apply(x, { training: true }) as Tensor;
      const stats = bn.getWeights().slice(2);
      const infer = bn.apply(x) as Tensor;
      return [train, stats, infer, m.predict(x)];
    },
  },
  {
    name: 'a model called with apply and {training: true} on tensors, and a functional model used as a layer in another with training passed down',
    run: (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'tfm_d' }), tf.layers.batchNormalization({ name: 'tfm_bn' })] });
      const x = tf.tensor2d([[1, 2], [3, 5]]);
      const a = inner.apply(x, { training: true }) as Tensor;
      const b = inner.apply(x) as Tensor;
      const inp = tf.input({ shape: [2] });
      const outer = tf.model({ inputs: inp, outputs: inner.apply(inp) as Sym });
      return [a, b, outer.predict(x), inner.getLayer('tfm_bn').getWeights()];
    },
  },
];

const dataMore: Program[] = [
  {
    name: 'tf.data.generator of an async generator and of an iterator object, prefetch, take(-1), filter and forEachAsync order',
    run: async (tf) => {
      async function* agen() {
        for (let i = 0; i < 4; i++) { await Promise.resolve(); yield i * i; }
      }
      const fromAsync = await tf.data.generator(agen as never).prefetch(2).toArray();
      let k = 0;
      const iter = { next: () => (k < 3 ? { value: k++, done: false } : { value: undefined, done: true }) };
      const fromIter = await tf.data.generator(() => iter as never).toArray();
      const all = await tf.data.array([1, 2, 3]).take(-1).toArray();
      const seen: number[] = [];
      await tf.data.array([5, 6, 7, 8]).filter((v) => (v as number) % 2 === 0).forEachAsync((v) => { seen.push(v as number); });
      return [fromAsync, fromIter, all, seen];
    },
  },
  {
    name: 'datasets of tensors: batch stacks them, map with tf ops inside, and the tensors left after toArray',
    run: async (tf) => {
      const before = tf.memory().numTensors;
      const ds = tf.data.array([[1, 2], [3, 4], [5, 6]]).map((r) => tf.tensor1d(r as number[]).mul(2)).batch(2);
      const out = await ds.toArray();
      return [out, tf.memory().numTensors - before];
    },
  },
];

const optimizerSurface: Program[] = [
  {
    name: 'sgd.setLearningRate between minimize calls, optimizer.iterations, getWeights and setWeights of adam moving state to a fresh adam',
    run: async (tf) => {
      const w = tf.variable(tf.tensor1d([1, -2]), true, 's25_opt_w');
      const sgd = tf.train.sgd(0.1);
      sgd.minimize(() => w.square().sum());
      (sgd as unknown as { setLearningRate(lr: number): void }).setLearningRate(0.5);
      sgd.minimize(() => w.square().sum());
      const afterSgd = w.clone();
      const adam = tf.train.adam(0.1);
      for (let i = 0; i < 2; i++) adam.minimize(() => w.square().sum());
      const state = await adam.getWeights();
      const fresh = tf.train.adam(0.1);
      await fresh.setWeights(state);
      const v2 = tf.variable(w.clone(), true, 's25_opt_w2');
      const cont = tf.train.adam(0.1);
      await cont.setWeights(await adam.getWeights());
      return [afterSgd, sgd.iterations, adam.iterations, state.map((s) => s.name), state.map((s) => s.tensor), fresh.iterations, v2];
    },
  },
];

const inputSpecs: Program[] = [
  {
    name: 'tf.InputSpec: a custom layer that sets this.inputSpec (ndim 3, as a time-series attention layer does) is checked on every apply, symbolic and eager',
    run: (tf) => {
      class TimeMean extends tf.layers.Layer {
        constructor() {
          super({ name: 'time_mean' });
          this.inputSpec = [new tf.InputSpec({ ndim: 3 })];
        }
        override computeOutputShape(s: number[]) { return [s[0], s[2]]; }
        override call(x: Tensor | Tensor[]) { return (Array.isArray(x) ? x[0] : x).mean(1); }
        static get className() { return 'TimeMean'; }
      }
      const layer = new TimeMean();
      const ok = layer.apply(tf.ones([2, 3, 4])) as Tensor;
      const sym = layer.apply(tf.input({ shape: [5, 2] })) as Sym;
      return [ok, sym.shape, throws(() => layer.apply(tf.ones([2, 3]))), throws(() => layer.apply(tf.input({ shape: [4] }))), layer.inputSpec?.[0].ndim ?? null];
    },
  },
  {
    name: 'tf.InputSpec fields from its args (a shape fixes ndim, axes default {}), and specs with minNDim, maxNDim, dtype, axes and shape checked on apply',
    run: (tf) => {
      const specs = [
        new tf.InputSpec({ shape: [null, 3] }), new tf.InputSpec({ minNDim: 2, maxNDim: 3 }), new tf.InputSpec({ dtype: 'int32', axes: { [-1]: 2 } }),
      ];
      class Pass extends tf.layers.Layer {
        constructor(spec: InstanceType<TF['InputSpec']>) {
          super({});
          this.inputSpec = [spec];
        }
        override call(x: Tensor | Tensor[]) { return Array.isArray(x) ? x[0] : x; }
        static get className() { return 'Pass'; }
      }
      const tries = (spec: InstanceType<TF['InputSpec']>, xs: Tensor[]) => xs.map((x) => !throws(() => new Pass(spec).apply(x)));
      return [
        specs.map((s) => [s.ndim ?? null, s.shape ?? null, s.axes, s.dtype ?? null, s.minNDim ?? null, s.maxNDim ?? null]),
        tries(specs[0], [tf.ones([4, 3]), tf.ones([4, 2]), tf.ones([4, 3, 1])]),
        tries(specs[1], [tf.ones([3]), tf.ones([1, 2]), tf.ones([1, 2, 2]), tf.ones([1, 1, 1, 1])]),
        tries(specs[2], [tf.ones([3, 2], 'int32'), tf.ones([3, 2]), tf.ones([2, 3], 'int32')]),
      ];
    },
  },
  {
    name: 'a layer whose inputSpec is one InputSpec rather than a list, or a plain object, as JS layers write it: checked alike',
    run: (tf) => {
      class Pass extends tf.layers.Layer {
        constructor(spec: unknown) {
          super({});
          this.inputSpec = spec as InstanceType<TF['InputSpec']>[];
        }
        override call(x: Tensor | Tensor[]) { return Array.isArray(x) ? x[0] : x; }
        static get className() { return 'Pass'; }
      }
      const tries = (spec: unknown) => [tf.ones([2, 3]), tf.ones([2, 3, 1])].map((x) => !throws(() => new Pass(spec).apply(x)));
      return [tries(new tf.InputSpec({ ndim: 2 })), tries({ ndim: 3 }), tries([{ minNDim: 3 }])];
    },
  },
];

export const s25Sweep: Program[] = [...ops, ...inputSpecs, ...optimizerSurface, ...dataMore, ...trainingFlag, ...imageIdioms, ...asyncOrder, ...labelMistakes, ...rankForms, ...deeper, ...wild, ...saving, ...creation, ...layerConfigs, ...training, ...training2, ...memory, ...mistakes, ...modelSurface, ...dataAndMetrics, ...summaries];
