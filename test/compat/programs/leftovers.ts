import type { Layer, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Programs where tessera once differed from TF.js 4.22 on int32 and bool data through layers that only move, select
// or compare values: TF.js casts nothing, so their output keeps the input's dtype (or its op refuses the input).

/**
 * Layers that only move or select values, each with the input shape (no batch dim) it takes; with `inModels`, those
 * TF.js can put in a model (its resizing layer cannot work out its output shape there).
 */
function movers(tf: TF, inModels = false): [Layer, number[]][] {
  return [
    [tf.layers.flatten(), [2, 2]], [tf.layers.reshape({ targetShape: [4] }), [2, 2]], [tf.layers.permute({ dims: [2, 1] }), [2, 2]],
    [tf.layers.repeatVector({ n: 2 }), [2]], [tf.layers.cropping2D({ cropping: [[1, 0], [0, 1]] }), [2, 2, 1]],
    [tf.layers.zeroPadding2d({ padding: 1 }), [1, 1, 1]], [tf.layers.dropout({ rate: 0.5 }), [2, 2]],
    [tf.layers.spatialDropout1d({ rate: 0.5 }), [2, 2]], [tf.layers.gaussianNoise({ stddev: 1 }), [2, 2]],
    [tf.layers.gaussianDropout({ rate: 0.5 }), [2, 2]], [tf.layers.alphaDropout({ rate: 0.5 }), [2, 2]],
    [tf.layers.masking({ maskValue: 0 }), [2, 2]], [tf.layers.activation({ activation: 'relu' }), [2, 2]],
    [tf.layers.activation({ activation: 'linear' }), [2, 2]], [tf.layers.reLU({ maxValue: 2 }), [2, 2]],
    [tf.layers.upSampling2d({ size: [2, 2] }), [1, 1, 2]], [tf.layers.globalMaxPooling1d(), [2, 2]],
    [tf.layers.globalMaxPooling2d({}), [2, 1, 2]], [tf.layers.maxPooling1d({ poolSize: 2 }), [2, 2]],
    [tf.layers.maxPooling2d({ poolSize: 2 }), [2, 2, 1]], [tf.layers.timeDistributed({ layer: tf.layers.flatten() }), [2, 1, 2]],
    ...(inModels ? [] : [[tf.layers.resizing({ height: 2, width: 3, interpolation: 'nearest' }), [2, 2, 1]] as [Layer, number[]]]),
  ];
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const values = (n: number) => Array.from({ length: n }, (_, i) => ((i * 5) % 7) - 2);

export const leftovers: Program[] = [
  {
    name: 'layers that move or select values keep an int32 input int32 (and a bool one bool), applied to tensors',
    run: (tf: TF) => movers(tf).map(([layer, shape]) => {
      const x = tf.tensor(values(2 * size(shape)), [2, ...shape], 'int32');
      const b = tf.tensor(values(2 * size(shape)).map((v) => (v > 0 ? 1 : 0)), [2, ...shape], 'bool');
      return [layer.getClassName(), layer.apply(x) as Tensor, layer.apply(b) as Tensor];
    }),
  },
  {
    name: 'such layers in an int32 Sequential or functional model: predict gives int32 as TF.js, the symbolic outputs say float32',
    run: (tf: TF) => {
      const again = movers(tf, true);
      return movers(tf, true).map(([layer, shape], i) => {
        const x = tf.tensor(values(2 * size(shape)), [2, ...shape], 'int32');
        const input = tf.input({ shape, dtype: 'int32' });
        const out = layer.apply(input) as SymbolicTensor;
        const functional = tf.model({ inputs: input, outputs: out });
        const sequential = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: shape, dtype: 'int32' }), again[i][0]] });
        return [layer.getClassName(), out.dtype, functional.predict(x) as Tensor, sequential.outputs[0].dtype, sequential.predict(x) as Tensor];
      });
    },
  },
  {
    name: 'a model feeds each layer output on as float32 (its symbolic dtype) and gives its own outputs as computed',
    run: (tf: TF) => {
      const x = tf.tensor3d([[[1], [-2]], [[3], [4]]], [2, 2, 1], 'int32');
      const input = tf.input({ shape: [2, 1], dtype: 'int32' });
      const relu = tf.layers.reLU().apply(input) as SymbolicTensor;
      const flat = tf.layers.flatten().apply(relu) as SymbolicTensor;
      const before = tf.memory().numTensors;
      const model = tf.model({ inputs: input, outputs: [relu, flat] });
      const [r, f] = model.predict(x) as Tensor[];
      const chain = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [2, 1], dtype: 'int32' }), tf.layers.reLU(), tf.layers.flatten(), tf.layers.repeatVector({ n: 2 })] });
      const applied = model.apply(x) as Tensor[];
      return { r, f, chain: chain.predict(x) as Tensor, applied, kept: tf.memory().numTensors - before };
    },
  },
  {
    name: 'merge layers take int32 and bool inputs as their ops do: add, maximum, minimum, multiply, concatenate keep int32; average gives float32',
    run: (tf: TF) => {
      const a = tf.tensor2d([[1, 2], [-3, 4]], [2, 2], 'int32');
      const b = tf.tensor2d([[3, -2], [5, 0]], [2, 2], 'int32');
      const t = tf.tensor2d([[1, 0], [1, 1]], [2, 2], 'bool');
      const f = tf.tensor2d([[0.5, 1], [2, 3]]);
      const merges = [tf.layers.add(), tf.layers.maximum(), tf.layers.minimum(), tf.layers.multiply(), tf.layers.average(), tf.layers.concatenate(), tf.layers.dot({ axes: 1 })];
      const eager = merges.map((m) => [m.apply([a, b]) as Tensor, m.apply([t, t]) as Tensor, m.apply([a, f]) as Tensor]);
      const i1 = tf.input({ shape: [2], dtype: 'int32' });
      const i2 = tf.input({ shape: [2], dtype: 'int32' });
      const joined = tf.layers.concatenate().apply([tf.layers.add().apply([i1, i2]) as SymbolicTensor, tf.layers.maximum().apply([i1, i2]) as SymbolicTensor]) as SymbolicTensor;
      const model = tf.model({ inputs: [i1, i2], outputs: joined });
      return { eager, symbolic: joined.dtype, predicted: model.predict([a, b]) as Tensor, applied: model.apply([a, b]) as Tensor };
    },
  },
  {
    name: 'activations on int32 input as TF.js: relu and linear keep it, relu6, swish, hardSigmoid and softsign give float32, sigmoid, tanh, elu and softmax refuse it',
    run: (tf: TF) => {
      const x = tf.tensor2d([[-2, 0], [3, 7]], [2, 2], 'int32');
      const names = ['relu', 'linear', 'relu6', 'swish', 'hardSigmoid', 'softsign', 'sigmoid', 'tanh', 'elu', 'softmax'] as const;
      const out = names.map((activation) => {
        try {
          return tf.layers.activation({ activation }).apply(x) as Tensor;
        } catch {
          return `${activation} throws`;
        }
      });
      const layers = [tf.layers.softmax(), tf.layers.softmax({ axis: -1 }), tf.layers.elu(), tf.layers.averagePooling1d({ poolSize: 2 })].map((l) => {
        try {
          return l.apply(tf.tensor3d([[[1, 2], [3, 4]]], [1, 2, 2], 'int32')) as Tensor;
        } catch {
          return `${l.getClassName()} throws`;
        }
      });
      return { out, layers };
    },
  },
  {
    name: 'gaussian noise and dropout layers training on int32 input give float32, as TF.js draws float32 noise; dropout refuses it',
    run: (tf: TF) => {
      const x = tf.tensor3d([[[1, 2], [3, 4]]], [1, 2, 2], 'int32');
      const noisy = [tf.layers.gaussianNoise({ stddev: 0.5 }), tf.layers.gaussianDropout({ rate: 0.5 }), tf.layers.alphaDropout({ rate: 0.5 })]
        .map((l) => { const y = l.apply(x, { training: true }) as Tensor; return [y.dtype, y.shape]; });
      let dropout: string;
      try {
        dropout = (tf.layers.dropout({ rate: 0.5 }).apply(x, { training: true }) as Tensor).dtype;
      } catch {
        dropout = 'throws';
      }
      return { noisy, dropout };
    },
  },
  {
    name: 'tf.fused.matMul with an int32 operand multiplies in float32, as matMul does (both int32 stays int32), gradient included',
    run: (tf: TF) => {
      const ids = tf.tensor2d([[1, 2], [3, -4]], [2, 2], 'int32');
      const w = tf.tensor2d([[0.5], [-1]]);
      return {
        mixed: tf.fused.matMul({ a: ids, b: w, bias: tf.tensor1d([0.25]), activation: 'relu' }),
        transposed: tf.fused.matMul({ a: w, b: ids, transposeA: true }),
        ints: tf.fused.matMul({ a: ids, b: tf.tensor2d([[1], [1]], [2, 1], 'int32') }),
        grad: tf.grad((b: Tensor) => tf.fused.matMul({ a: ids, b, bias: tf.tensor1d([0]), activation: 'relu' }).sum())(w),
      };
    },
  },
];

// Training programs of everyday TF.js use where tessera once differed (what a program sees at a given line, what fit takes).
export const leftoversTraining: Program[] = [
  {
    name: 'trainOnBatch not awaited has not yet changed the weights on the next line; both steps have run a microtask later',
    run: async (tf: TF) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = tf.tensor2d([[1]]);
      const y = tf.tensor2d([[2]]);
      const first = model.trainOnBatch(x, y);
      const second = model.trainOnBatch(x, y);
      const predicted = model.predict(x) as Tensor;
      await Promise.resolve();
      const after = model.getWeights()[0].dataSync()[0];
      return { predicted, after, losses: await Promise.all([first, second]) };
    },
  },
  {
    name: 'sequence tagging: sparseCategoricalCrossentropy on a [batch, steps, classes] output with [batch, steps, 1] ids; [batch, steps] ids are refused',
    run: async (tf: TF) => {
      const results: unknown[] = [];
      for (const timeDistributed of [false, true]) {
        const dense = tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: 'glorotUniform' });
        const model = tf.sequential({ layers: [
          tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 3, embeddingsInitializer: tf.initializers.constant({ value: 0.1 }) }),
          tf.layers.simpleRNN({ units: 2, returnSequences: true, kernelInitializer: 'ones', recurrentInitializer: 'zeros' }),
          timeDistributed ? tf.layers.timeDistributed({ layer: dense }) : dense,
        ] });
        model.setWeights(model.getWeights().map((w, i) => tf.tensor(Array.from({ length: w.size }, (_, k) => Math.sin(k + i) * 0.5), w.shape)));
        model.compile({ optimizer: tf.train.sgd(0.5), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
        const x = tf.tensor2d([[1, 2, 3], [3, 0, 1]], [2, 3], 'int32');
        const y = tf.tensor3d([[[2], [0], [1]], [[1], [1], [0]]]);
        const h = await model.fit(x, y, { epochs: 2, verbose: 0, validationData: [x, y] });
        let flat: string;
        try {
          await model.fit(x, tf.tensor2d([[2, 0, 1], [1, 1, 0]]), { epochs: 1, verbose: 0 });
          flat = 'trained';
        } catch {
          flat = 'refused';
        }
        results.push({ history: h.history, evaluated: model.evaluate(x, y) as Tensor[], flat });
      }
      return results;
    },
  },
];
