import type { Program, TF } from '../harness';

// Cases from tfjs-layers' own spec files (merge_test, embeddings_test, category_encoding_test, …) and the programs
// around them, where tessera once differed from TF.js 4.22.

/** f's result, or 'threw': whether a call is refused, compared between the libraries. */
const outcome = (f: () => unknown): unknown => {
  try {
    return f();
  } catch {
    return 'threw';
  }
};

const maskedIds = (tf: TF) => tf.tensor2d([[0, 0, 0, 0], [1, 0, 0, 0], [1, 2, 0, 0], [1, 2, 3, 0]]);
const onesEmbedding = (tf: TF) => tf.layers.embedding({ inputDim: 10, outputDim: 3, inputLength: 4, maskZero: true, embeddingsInitializer: 'ones' });
const onesLstm = (tf: TF) => tf.layers.lstm({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'ones', biasInitializer: 'zeros' });

export const s18SpecLayers: Program[] = [
  {
    name: 'an elementwise merge expands a lower-rank input after its batch dim, so each sample keeps its own row',
    run: (tf: TF) => {
      const rows = tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
      const x = tf.input({ shape: [3, 4] });
      const v = tf.input({ shape: [4] });
      const m = tf.model({ inputs: [x, v], outputs: tf.layers.add().apply([x, v]) as never });
      return [
        tf.layers.add().apply([tf.zeros([3, 3, 4]), rows]),
        tf.layers.add().apply([tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), tf.tensor2d([[10], [20]])]),
        tf.layers.multiply().apply([tf.ones([2, 3, 4]), tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8]])]),
        tf.layers.maximum().apply([tf.zeros([3, 3, 4]), rows, tf.zeros([3, 1, 3, 4])]),
        m.predict([tf.zeros([3, 3, 4]), rows]),
      ];
    },
  },
  {
    name: 'concatenate passes on its inputs\' masks: ANDed when joining features (either order), joined when joining steps',
    run: (tf: TF) => {
      const a = tf.input({ shape: [4] });
      const b = tf.input({ shape: [4] });
      const s = tf.input({ shape: [4, 2] });
      const both = onesLstm(tf).apply(tf.layers.concatenate().apply([onesEmbedding(tf).apply(a), onesEmbedding(tf).apply(b)]) as never);
      const second = onesLstm(tf).apply(tf.layers.concatenate().apply([s, onesEmbedding(tf).apply(a)]) as never);
      const steps = onesLstm(tf).apply(tf.layers.concatenate({ axis: 1 }).apply([onesEmbedding(tf).apply(a), onesEmbedding(tf).apply(b)]) as never);
      const other = tf.tensor2d([[1, 1, 1, 1], [0, 0, 0, 0], [1, 0, 1, 0], [2, 2, 0, 0]]);
      const direct = tf.layers.concatenate().computeMask([tf.ones([1, 3, 2]), tf.ones([1, 3, 2])], [tf.tensor2d([[true, true, false]], [1, 3], 'bool'), tf.tensor2d([[true, false, true]], [1, 3], 'bool')]);
      return [
        tf.model({ inputs: [a, b], outputs: both as never }).predict([maskedIds(tf), other]),
        tf.model({ inputs: [a, s], outputs: second as never }).predict([maskedIds(tf), tf.ones([4, 4, 2])]),
        tf.model({ inputs: [a, b], outputs: steps as never }).predict([maskedIds(tf), other]),
        direct,
        tf.layers.concatenate().computeMask([tf.ones([1, 2, 2]), tf.ones([1, 2, 2])], [null, null] as never),
      ];
    },
  },
  {
    name: 'masking({maskValue}) with a value float32 does not hold exactly (0.2, -0.3) masks the steps equal to it',
    run: (tf: TF) => {
      const x = tf.tensor3d([[[0.2, 0.2], [0.2, 1], [-0.3, -0.3]]]);
      const lstm = tf.layers.lstm({ units: 1, kernelInitializer: 'ones', recurrentInitializer: 'ones', biasInitializer: 'zeros', returnSequences: true });
      const model = tf.sequential({ layers: [tf.layers.masking({ maskValue: 0.2, inputShape: [3, 2] }), lstm] });
      return [
        tf.layers.masking({ maskValue: 0.2 }).apply(x),
        tf.layers.masking({ maskValue: 0.2 }).computeMask(x),
        tf.layers.masking({ maskValue: -0.3 }).computeMask(x),
        model.predict(x),
      ];
    },
  },
  {
    name: 'a tf.keras 1.x model JSON whose initializer configs carry dtype, or whose layer dtype is a Policy object, loads',
    run: async (tf: TF) => {
      const init = (className: string, config: object) => ({ class_name: className, config: { ...config, dtype: 'float32' } });
      const model = await tf.models.modelFromJSON({ modelTopology: { class_name: 'Sequential', config: { name: 's', layers: [
        { class_name: 'LSTM', config: { name: 'l', batch_input_shape: [null, 2, 3], units: 2, return_sequences: true,
          kernel_initializer: init('VarianceScaling', { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null }),
          recurrent_initializer: init('Orthogonal', { gain: 1, seed: null }), bias_initializer: init('Zeros', {}) } },
        { class_name: 'Dense', config: { name: 'd', units: 2, dtype: { class_name: 'Policy', config: { name: 'float32' } },
          kernel_initializer: init('GlorotUniform', { seed: null }), bias_initializer: init('Constant', { value: 0.5 }) } },
        { class_name: 'Dense', config: { name: 'e', units: 1, kernel_initializer: init('RandomNormal', { mean: 0, stddev: 0.05, seed: null }),
          bias_initializer: init('Ones', {}) } },
      ] } } } as never);
      const [l, d, e] = model.layers.map((layer) => layer.getConfig());
      return [model.outputs[0].shape, d.dtype, d.bias_initializer ?? d.biasInitializer, e.biasInitializer, model.getWeights()[2], l.units];
    },
  },
  {
    name: 'dot of a rank-3 input with a rank-2 one (and back), symbolic and eager, every axis pairing, normalized, in a trained model',
    run: async (tf: TF) => {
      const x3 = tf.tensor3d([[[10, 20], [30, 40]], [[4, 3], [2, 1]]]);
      const x2 = tf.tensor2d([[-1, -2], [-3, -4]]);
      const y3 = tf.tensor3d([[[1, 2, 3], [4, 5, 6]], [[-1, 0, 2], [3, 1, -2]]]);
      const eager = [
        tf.layers.dot({ axes: -1 }).apply([x3, x2]),
        tf.layers.dot({ axes: [1, 1] }).apply([x3, x2]),
        tf.layers.dot({ axes: [1, 1] }).apply([x2, y3]),
        tf.layers.dot({ axes: [1, 2] }).apply([x2, tf.transpose(y3, [0, 2, 1])]),
        tf.layers.dot({ axes: [2, 1], normalize: true }).apply([x3, x2]),
      ];
      const sym = [
        tf.layers.dot({ axes: -1 }).apply([tf.input({ shape: [2, 3] }), tf.input({ shape: [3] })]),
        tf.layers.dot({ axes: 1 }).apply([tf.input({ shape: [3] }), tf.input({ shape: [3, 4] })]),
      ].map((t) => (t as { shape: unknown }).shape);
      const out = tf.layers.dot({ axes: -1 }).computeOutputShape([[null, 2, 3], [null, 3]]);
      // Attention-style: weights over T steps dotted with the values [T, d].
      const values = tf.input({ shape: [3, 2] });
      const query = tf.input({ shape: [2] });
      const scores = tf.layers.dot({ axes: [2, 1] }).apply([values, query]) as never;
      const weights = tf.layers.softmax().apply(scores) as never;
      const context = tf.layers.dot({ axes: [1, 1] }).apply([weights, values]) as never;
      const model = tf.model({ inputs: [values, query], outputs: tf.layers.dense({ units: 1, kernelInitializer: 'ones' }).apply(context) as never });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const v = tf.tensor3d([[[1, 0], [0, 1], [1, 1]], [[2, 1], [0, 0], [-1, 1]]]);
      const q = tf.tensor2d([[1, 2], [0.5, -1]]);
      const h = await model.fit([v, q], tf.tensor2d([[1], [0]]), { epochs: 3, batchSize: 2, verbose: 0 });
      return [eager, sym, out, h.history.loss, model.predict([v, q]), model.getWeights()];
    },
  },
  {
    name: 'a layer applied eagerly takes a second input of another size where its weights fix none (embedding, norms, pooling, upSampling, padding)',
    run: (tf: TF) => {
      const seq = (shape: number[]) => tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => ((i * 7) % 5) - 1.5), shape);
      const twice = (layer: { apply(x: never): unknown }, a: number[], b: number[]) => {
        layer.apply(seq(a) as never);
        return layer.apply(seq(b) as never);
      };
      const emb = tf.layers.embedding({ inputDim: 10, outputDim: 2, embeddingsInitializer: 'ones' });
      emb.apply(tf.tensor2d([[1, 2, 3]]));
      return [
        emb.apply(tf.tensor2d([[1, 2, 3, 4, 5]])), emb.apply(tf.tensor1d([4, 2])), emb.apply(tf.ones([2, 3, 2])), emb.apply(tf.scalar(3)),
        twice(tf.layers.layerNormalization(), [1, 3, 2], [1, 5, 2]),
        twice(tf.layers.layerNormalization({ axis: [1, 2] }), [1, 3, 2], [2, 3, 2]),
        twice(tf.layers.batchNormalization(), [1, 3, 2], [1, 5, 2]),
        twice(tf.layers.globalAveragePooling1d(), [1, 3, 2], [1, 5, 3]),
        twice(tf.layers.globalMaxPooling2d({}), [1, 3, 3, 2], [1, 5, 4, 3]),
        twice(tf.layers.upSampling2d({}), [1, 2, 2, 1], [1, 1, 2, 3]),
        twice(tf.layers.maxPooling2d({ poolSize: 2 }), [1, 4, 4, 1], [1, 6, 6, 2]),
        twice(tf.layers.averagePooling1d({ poolSize: 2 }), [1, 4, 1], [1, 6, 3]),
        twice(tf.layers.flatten(), [1, 3, 2], [1, 5, 2]),
        twice(tf.layers.zeroPadding2d(), [1, 3, 3, 1], [1, 5, 5, 1]),
        twice(tf.layers.cropping2D({ cropping: 1 }), [1, 3, 3, 1], [1, 5, 5, 1]),
        twice(tf.layers.repeatVector({ n: 2 }), [1, 3], [1, 5]),
        twice(tf.layers.masking({ maskValue: -1.5 }), [1, 3, 2], [1, 3, 4]),
      ];
    },
  },
  {
    name: 'where their weights fix a size, a changed one is still refused: a layerNormalization\'s features, a batchNormalization\'s axis',
    run: (tf: TF) => {
      const ln = tf.layers.layerNormalization();
      ln.apply(tf.ones([1, 3, 2]));
      const bn = tf.layers.batchNormalization({ axis: 1 });
      bn.apply(tf.ones([1, 3, 2]));
      const errors = [() => ln.apply(tf.ones([1, 3, 4])), () => bn.apply(tf.ones([1, 4, 2]))].map((f) => {
        try {
          f();
          return 'ran';
        } catch {
          return 'threw';
        }
      });
      return [errors, bn.apply(tf.ones([2, 3, 5]))];
    },
  },
  {
    name: 'embedding inputLength: an input it does not fit is refused (symbolic and eager); a null first length takes sequences of any length',
    run: (tf: TF) => {
      const emb = (inputLength: number | (number | null)[]) => tf.layers.embedding({ inputDim: 100, outputDim: 2, inputLength, embeddingsInitializer: 'ones' });
      const free = emb([null, 2]);
      const model = tf.sequential({ layers: [emb([null, 2])] });
      return [
        outcome(() => emb(5).apply(tf.input({ batchShape: [17, 4] }))),
        outcome(() => emb(5).apply(tf.input({ batchShape: [17, 5, 1] }))),
        outcome(() => emb(3).apply(tf.tensor2d([[1, 2]]))),
        emb(5).apply(tf.input({ batchShape: [17, 5] })).shape,
        emb([null, 4, 5]).apply(tf.input({ batchShape: [17, null, 4, 5] })).shape,
        free.apply(tf.ones([1, 5, 2])), emb([null, 2]).apply(tf.ones([2, 3, 2])),
        outcome(() => free.apply(tf.ones([1, 5, 3]))),
        model.inputs[0].shape, model.predict(tf.ones([1, 4, 2])),
      ];
    },
  },
  {
    name: 'layer.apply(x, null) runs as apply(x), as TF.js\'s own specs call it (dense, flatten, reshape, lstm, bidirectional, a model, a merge)',
    run: (tf: TF) => {
      const x = tf.ones([1, 2, 3]);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' })] });
      const rnn = { units: 2, kernelInitializer: 'ones', recurrentInitializer: 'ones' } as const;
      return [
        tf.layers.dense({ units: 2, kernelInitializer: 'ones' }).apply(tf.ones([1, 2]), null as never),
        tf.layers.flatten().apply(x, null as never),
        tf.layers.reshape({ targetShape: [3, 2] }).apply(x, null as never),
        tf.layers.lstm(rnn).apply(x, null as never),
        tf.layers.bidirectional({ layer: tf.layers.simpleRNN(rnn) as never }).apply(x, null as never),
        model.apply(tf.ones([2, 3]), null as never),
        tf.layers.add().apply([tf.ones([1, 2]), tf.ones([1, 2])], null as never),
        (tf.layers.dense({ units: 2 }).apply(tf.input({ shape: [3] }), null as never) as { shape: unknown }).shape,
      ];
    },
  },
  {
    name: 'categoryEncoding applied to a scalar id, to one example\'s ids (rank 1) with countWeights, and to batches, in every mode',
    run: (tf: TF) => {
      const enc = (numTokens: number, outputMode: 'oneHot' | 'multiHot' | 'count') => tf.layers.categoryEncoding({ numTokens, outputMode });
      const reused = enc(6, 'multiHot');
      return [
        enc(6, 'count').apply(tf.tensor([1, 2, 3, 3, 0]), { countWeights: tf.tensor([1, 2, 3, 1, 7]) }),
        enc(6, 'count').apply(tf.tensor([1, 2, 3, 3, 0])),
        enc(4, 'oneHot').apply(tf.tensor(3)),
        enc(6, 'multiHot').apply(tf.tensor(3)),
        enc(6, 'count').apply(tf.tensor(3, undefined, 'int32')),
        enc(6, 'multiHot').apply(tf.tensor([3, 2, 0, 1])),
        enc(4, 'oneHot').apply(tf.tensor([3, 2, 0, 1])),
        enc(4, 'oneHot').apply(tf.tensor([[3], [2]])),
        enc(6, 'multiHot').apply(tf.tensor([[1, 2], [3, 3]])),
        enc(6, 'count').apply(tf.tensor([[1, 2], [3, 3]]), { countWeights: tf.tensor([[1, 2], [3, 0.5]]) }),
        reused.apply(tf.tensor([[1, 2], [3, 3]])), reused.apply(tf.tensor([5, 4, 1])), reused.apply(tf.tensor(0)),
        outcome(() => enc(4, 'oneHot').apply(tf.tensor([[3, 1], [2, 0]]))),
        outcome(() => enc(4, 'multiHot').apply(tf.ones([2, 2, 2]))),
        outcome(() => enc(4, 'multiHot').apply(tf.tensor([1, 4]))),
        (enc(4, 'multiHot').apply(tf.input({ shape: [3] })) as { shape: unknown }).shape,
        (enc(4, 'oneHot').apply(tf.input({ shape: [1] })) as { shape: unknown }).shape,
      ];
    },
  },
  {
    name: 'computeMask of an RNN or bidirectional with returnState gives the output\'s mask then null for each state (and one per direction with mergeMode null)',
    run: (tf: TF) => {
      const x = tf.ones([4, 3, 2]);
      const mask = tf.tensor2d([[1, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0]]).cast('bool');
      const show = (m: unknown) => (Array.isArray(m) ? m.map((t) => t ?? 'none') : m ?? 'none');
      const out: unknown[] = [];
      for (const returnSequences of [true, false]) {
        for (const returnState of [true, false]) {
          const rnn = { units: 2, returnSequences, returnState };
          for (const layer of [tf.layers.lstm(rnn), tf.layers.gru(rnn), tf.layers.simpleRNN(rnn)]) out.push(show(layer.computeMask(x, mask)), show(layer.computeMask(x)));
          for (const mergeMode of [null, 'concat'] as const) {
            const bi = tf.layers.bidirectional({ layer: tf.layers.lstm(rnn) as never, mergeMode });
            out.push(show(bi.computeMask(x, mask)));
          }
        }
      }
      return out;
    },
  },
  {
    name: 'centerCrop keeps its input\'s dtype: int32 and bool images crop to int32 and bool, an upsized int32 one is truncated',
    run: (tf: TF) => {
      const img = (dtype: 'int32' | 'bool' | 'float32', shape: number[]) => tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i % 7), shape, dtype);
      return [
        tf.layers.centerCrop({ height: 2, width: 2 }).apply(img('int32', [1, 4, 4, 1])),
        tf.layers.centerCrop({ height: 2, width: 3 }).apply(img('int32', [4, 4, 2])),
        tf.layers.centerCrop({ height: 4, width: 4 }).apply(img('int32', [1, 4, 4, 1])),
        tf.layers.centerCrop({ height: 5, width: 6 }).apply(img('int32', [1, 4, 4, 1])),
        tf.layers.centerCrop({ height: 2, width: 2 }).apply(img('bool', [1, 4, 4, 1])),
        tf.layers.centerCrop({ height: 2, width: 2 }).apply(img('float32', [1, 4, 4, 1])),
      ];
    },
  },
  {
    name: 'the elementwise merges refuse inputs of different known batch sizes, symbolic or eager, and keep the one batch size known',
    run: (tf: TF) => {
      const sym = (make: () => { apply(x: never): unknown }, batches: (number | null)[]) => outcome(() => (make().apply(batches.map((b) => tf.input({ batchShape: [b, 2] })) as never) as { shape: unknown }).shape);
      const makers = [() => tf.layers.add(), () => tf.layers.multiply(), () => tf.layers.average(), () => tf.layers.maximum(), () => tf.layers.minimum()];
      return [
        makers.map((m) => [sym(m, [1, 2]), sym(m, [null, null]), sym(m, [3, 3, 3]), sym(m, [1, null, 2]), sym(m, [null, 3]), sym(m, [3, null, 3])]),
        outcome(() => tf.layers.add().apply([tf.ones([1, 2]), tf.ones([2, 2])])),
        tf.layers.add().apply([tf.ones([2, 2]), tf.ones([2, 2])]),
      ];
    },
  },
  {
    name: 'a BatchNormalization loaded with Keras\'s axis [1] keeps axis [1] in its config (and writes it again); one made with axis 1 keeps 1',
    run: async (tf: TF) => {
      const model = await tf.models.modelFromJSON({ modelTopology: { class_name: 'Sequential', config: { name: 's', layers: [
        { class_name: 'BatchNormalization', config: { name: 'b', batch_input_shape: [null, 5], axis: [1] } },
        { class_name: 'BatchNormalization', config: { name: 'c', axis: -1 } },
      ] } } } as never);
      const written = model.toJSON(null, false) as unknown as { config: { layers: { config: { axis: unknown } }[] } };
      return [
        model.layers.map((l) => l.getConfig().axis), written.config.layers.map((l) => l.config.axis),
        model.predict(tf.tensor2d([[1, 2, 3, 4, 5]])),
        tf.layers.batchNormalization({ axis: 1 }).getConfig().axis,
      ];
    },
  },
  {
    name: 'activation layers take a scalar input, as TF.js\'s activation spec applies them, and then a batch (and back)',
    run: (tf: TF) => {
      const names = ['relu', 'sigmoid', 'hardSigmoid', 'softplus', 'softsign', 'tanh', 'elu', 'selu', 'relu6', 'linear', 'swish', 'mish', 'gelu'] as const;
      const relu = tf.layers.activation({ activation: 'relu' });
      return [
        names.map((activation) => tf.layers.activation({ activation }).apply(tf.scalar(-0.3))),
        tf.layers.reLU({ maxValue: 0.2 }).apply(tf.scalar(0.3)), tf.layers.leakyReLU().apply(tf.scalar(-0.3)),
        tf.layers.elu().apply(tf.scalar(-0.3)), tf.layers.thresholdedReLU().apply(tf.scalar(1.3)),
        relu.apply(tf.scalar(-1)), relu.apply(tf.tensor2d([[-1, 2]])), relu.apply(tf.scalar(4)),
      ];
    },
  },
  {
    name: 'initializers say their class as TF.js\'s getClassName: the named VarianceScaling helpers say VarianceScaling',
    run: (tf: TF) => {
      const i = tf.initializers;
      return [i.glorotUniform({}), i.glorotNormal({}), i.heNormal({}), i.heUniform({}), i.leCunNormal({}), i.leCunUniform({}), i.truncatedNormal({}), i.varianceScaling({}),
        i.identity({}), i.randomNormal({}), i.randomUniform({}), i.orthogonal({}), i.zeros(), i.ones(), i.constant({ value: 2 })].map((x) => x.getClassName());
    },
  },
];
