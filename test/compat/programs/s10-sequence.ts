import type { io, LayersModel, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Text and sequence models as the tfjs-examples (sentiment, date-conversion-attention, addition-rnn, jena-weather,
// translation) and TF.js users write them, with fixed weights: embeddings with masks, conv1d and 1-D pooling,
// recurrent layers with their options, bidirectional merges, attention built from dot/activation/concatenate, and
// the model surface around them (summary, weights' names and shapes, configs, fit with validation data).

type Sym = SymbolicTensor;

/** Sets every weight of a model to fixed values, 0.3·cos(1 + i) over the flattened weights, in order. */
function fixWeights(tf: TF, model: { getWeights(): Tensor[]; setWeights(w: Tensor[]): void }): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.3 * Math.cos(1 + k++)), w.shape)));
}

/** A [batch, steps, features] sequence of fixed values. */
const seq = (tf: TF, batch: number, steps: number, features: number) =>
  tf.tensor3d(Array.from({ length: batch * steps * features }, (_, i) => Math.sin(0.7 * i + 0.2)), [batch, steps, features]);

/** The surface of a model a user inspects: output shapes, weight names and shapes, and predictions. */
const surface = (model: LayersModel, x: Tensor | Tensor[]) => ({
  outputs: model.outputs.map((o) => o.shape),
  names: model.weights.map((w) => w.name),
  shapes: model.getWeights().map((w) => w.shape),
  predicted: model.predict(x),
});

export const s10Sequence: Program[] = [
  {
    name: 'embedding with maskZero and inputLength into an lstm: padded ids give the last real step\'s state',
    run: (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 6, outputDim: 3, inputLength: 5, maskZero: true, name: 'sq_emb' }),
        tf.layers.lstm({ units: 2, name: 'sq_lstm' }),
        tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'sq_out' }),
      ] });
      fixWeights(tf, model);
      const ids = tf.tensor2d([[1, 2, 3, 0, 0], [4, 5, 0, 0, 0], [1, 2, 3, 4, 5]]);
      return { ...surface(model, ids), shape: model.layers[0].outputShape };
    },
  },
  {
    name: 'embedding with maskZero into gru and simpleRNN with returnSequences: masked steps repeat the previous output',
    run: (tf) => ['gru', 'simpleRNN'].map((kind) => {
      const rnn = kind === 'gru'
        ? tf.layers.gru({ units: 2, returnSequences: true, name: `sm_${kind}` })
        : tf.layers.simpleRNN({ units: 2, returnSequences: true, name: `sm_${kind}` });
      const model = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 4, maskZero: true, name: `sm_emb_${kind}` }), rnn] });
      fixWeights(tf, model);
      return surface(model, tf.tensor2d([[1, 0, 2, 0], [3, 4, 0, 0]]));
    }),
  },
  {
    name: 'sentiment cnn: embedding, dropout, conv1d valid, globalMaxPooling1d, dense; summary and predict',
    run: (tf) => {
      const model = tf.sequential();
      model.add(tf.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 6, name: 'sc_emb' }));
      model.add(tf.layers.dropout({ rate: 0.2, name: 'sc_drop' }));
      model.add(tf.layers.conv1d({ filters: 3, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu', name: 'sc_conv' }));
      model.add(tf.layers.globalMaxPooling1d({ name: 'sc_gmp' }));
      model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'sc_out' }));
      fixWeights(tf, model);
      model.summary();
      return surface(model, tf.tensor2d([[1, 2, 3, 4, 5, 6], [9, 8, 7, 0, 0, 0]]));
    },
  },
  {
    name: 'conv1d with same padding, strides and dilation, then maxPooling1d and averagePooling1d of each padding',
    run: (tf) => {
      const x = seq(tf, 2, 7, 2);
      const conv = (args: object) => tf.layers.conv1d({ filters: 2, kernelSize: 3, kernelInitializer: 'ones', biasInitializer: 'zeros', ...args });
      return [
        conv({ padding: 'same' }).apply(x), conv({ strides: 2 }).apply(x), conv({ dilationRate: 2, padding: 'same' }).apply(x),
        tf.layers.maxPooling1d({ poolSize: 2 }).apply(x), tf.layers.maxPooling1d({ poolSize: 3, strides: 2, padding: 'same' }).apply(x),
        tf.layers.averagePooling1d({ poolSize: 2, padding: 'same' }).apply(x), tf.layers.maxPooling1d({ poolSize: [2] }).apply(x),
        tf.layers.globalAveragePooling1d().apply(x), tf.layers.globalMaxPooling1d().apply(x),
      ];
    },
  },
  {
    name: 'simpleRNN, lstm and gru with returnState: the outputs of apply on a tensor and on a symbolic input',
    run: (tf) => (['simpleRNN', 'lstm', 'gru'] as const).map((kind) => {
      const make = () => tf.layers[kind]({ units: 2, returnState: true, returnSequences: true, kernelInitializer: 'ones', recurrentInitializer: tf.initializers.constant({ value: 0.1 }), name: `rs_${kind}` });
      const out = make().apply(seq(tf, 2, 3, 2)) as Tensor[];
      const input = tf.input({ shape: [3, 2] });
      const sym = make().apply(input) as Sym[];
      return { values: out, shapes: sym.map((s) => s.shape) };
    }),
  },
  {
    name: 'goBackwards for simpleRNN, lstm and gru, with and without returnSequences',
    run: (tf) => (['simpleRNN', 'lstm', 'gru'] as const).flatMap((kind) => [false, true].map((returnSequences) => {
      const model = tf.sequential({ layers: [tf.layers[kind]({ units: 2, goBackwards: true, returnSequences, inputShape: [4, 2], name: `gb_${kind}_${returnSequences}` })] });
      fixWeights(tf, model);
      return model.predict(seq(tf, 2, 4, 2));
    })),
  },
  {
    name: 'bidirectional lstm with each mergeMode: outputs, shapes, weights and names',
    run: (tf) => (['concat', 'sum', 'mul', 'ave'] as const).map((mergeMode) => {
      const model = tf.sequential({ layers: [tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnSequences: true, name: `bl_${mergeMode}` }) as never, mergeMode, inputShape: [3, 2], name: `bi_${mergeMode}` })] });
      fixWeights(tf, model);
      return { ...surface(model, seq(tf, 2, 3, 2)), config: model.layers[0].getConfig() };
    }),
  },
  {
    name: 'addition-rnn shape: lstm encoder, repeatVector, lstm decoder, timeDistributed dense softmax; summary',
    run: (tf) => {
      const model = tf.sequential();
      model.add(tf.layers.lstm({ units: 4, inputShape: [5, 3], name: 'ar_enc' }));
      model.add(tf.layers.repeatVector({ n: 3, name: 'ar_rep' }));
      model.add(tf.layers.lstm({ units: 4, returnSequences: true, name: 'ar_dec' }));
      model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, name: 'ar_dense' }), name: 'ar_td' }));
      model.add(tf.layers.activation({ activation: 'softmax', name: 'ar_softmax' }));
      fixWeights(tf, model);
      model.summary();
      return surface(model, seq(tf, 2, 5, 3));
    },
  },
  {
    name: 'masking layer before an lstm: all-maskValue steps are skipped; the masked output',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.masking({ maskValue: 0, inputShape: [4, 2], name: 'mk_mask' }), tf.layers.lstm({ units: 2, returnSequences: true, name: 'mk_lstm' })] });
      fixWeights(tf, model);
      const x = tf.tensor3d([[[1, 2], [0, 0], [3, 1], [0, 0]], [[0, 0], [0, 0], [1, 1], [2, 0]]]);
      return { ...surface(model, x), masked: model.layers[0].apply(x) };
    },
  },
  {
    name: 'weight names of a model with rnn over one cell and over stacked cells, and of a bidirectional gru inside timeDistributed\'s neighbours',
    run: (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.rnn({ cell: tf.layers.simpleRNNCell({ units: 2, name: 'wn_cell' }), returnSequences: true, inputShape: [3, 2], name: 'wn_rnn' }),
        tf.layers.rnn({ cell: [tf.layers.lstmCell({ units: 2, name: 'wn_c0' }), tf.layers.gruCell({ units: 2, name: 'wn_c1' })], returnSequences: true, name: 'wn_stack' }),
        tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, returnSequences: true, name: 'wn_gru' }) as never, mergeMode: 'sum', name: 'wn_bi' }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1, name: 'wn_dense' }), name: 'wn_td' }),
      ] });
      fixWeights(tf, model);
      return { ...surface(model, seq(tf, 2, 3, 2)), layerNames: model.layers.map((l) => l.weights.map((w) => w.name)) };
    },
  },
  {
    name: 'the same named text model built twice (as createModel() called for an online and a target network): the second\'s weight names are counted, its saved names are not',
    run: async (tf) => {
      const createModel = () => {
        const model = tf.sequential();
        model.add(tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 3, name: 'tw_emb' }));
        model.add(tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, name: 'tw_lstm' }) as never, name: 'tw_bi' }));
        model.add(tf.layers.dense({ units: 1, name: 'tw_out' }));
        return model;
      };
      const online = createModel();
      const target = createModel();
      fixWeights(tf, online);
      target.setWeights(online.getWeights());
      let saved: string[] = [];
      await target.save(tf.io.withSaveHandler(async (artifacts) => {
        saved = (artifacts.weightSpecs ?? []).map((w) => w.name);
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
      const ids = tf.tensor2d([[1, 2, 3], [4, 0, 1]]);
      return { online: online.weights.map((w) => w.name), target: target.weights.map((w) => w.name), saved, same: [online.predict(ids), target.predict(ids)] };
    },
  },
  {
    name: 'computeMask of embedding({maskZero}) and masking, with and without a mask argument, and what an lstm with returnSequences passes on',
    run: (tf) => {
      const emb = tf.layers.embedding({ inputDim: 6, outputDim: 2, maskZero: true, name: 'cm_emb' });
      const ids = tf.tensor2d([[1, 2, 0, 0], [3, 0, 4, 0]]);
      const masking = tf.layers.masking({ maskValue: -1, name: 'cm_mask' });
      const x = tf.tensor3d([[[1, 2], [-1, -1], [-1, 0]], [[-1, -1], [0, 0], [-1, -1]]]);
      const lstm = tf.layers.lstm({ units: 2, returnSequences: true, name: 'cm_lstm' });
      const embMask = emb.computeMask(ids);
      return {
        emb: embMask, embWithMask: emb.computeMask(ids, tf.ones([2, 4])), masking: masking.computeMask(x), masked: masking.apply(x),
        lstm: lstm.computeMask(tf.zeros([2, 4, 2]), embMask ?? undefined),
        plain: tf.layers.embedding({ inputDim: 3, outputDim: 2, name: 'cm_plain' }).computeMask(ids),
      };
    },
  },
  {
    name: 'getConfig of conv1d, maxPooling1d, averagePooling1d, global 1-D poolings, repeatVector, masking, embedding (inputLength or inputShape) and timeDistributed',
    run: (tf) => [
      tf.layers.conv1d({ filters: 2, kernelSize: 3, name: 'gc_c1', inputShape: [5, 2], kernelInitializer: 'glorotNormal' }),
      tf.layers.maxPooling1d({ poolSize: 2, name: 'gc_mp' }),
      tf.layers.averagePooling1d({ poolSize: 3, strides: 1, padding: 'same', name: 'gc_ap' }),
      tf.layers.globalMaxPooling1d({ name: 'gc_gmp' }),
      tf.layers.globalAveragePooling1d({ name: 'gc_gap' }),
      tf.layers.repeatVector({ n: 4, name: 'gc_rv' }),
      tf.layers.masking({ maskValue: -1, name: 'gc_mask' }),
      tf.layers.embedding({ inputDim: 7, outputDim: 2, maskZero: true, inputLength: 3, name: 'gc_emb' }),
      tf.layers.embedding({ inputDim: 7, outputDim: 2, inputShape: [3], name: 'gc_emb2' }),
      tf.layers.conv1d({ filters: 1, kernelSize: 2, strides: 2, padding: 'same', dilationRate: 1, activation: 'relu', useBias: false, name: 'gc_c2', kernelInitializer: 'ones' }),
      tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, name: 'gc_td_d', kernelInitializer: 'heUniform' }), name: 'gc_td' }),
    ].map((l) => l.getConfig()),
  },
  {
    name: 'bidirectional with mergeMode null gives two outputs in a functional model',
    run: (tf) => {
      const input = tf.input({ shape: [3, 2], name: 'bn_in' });
      const outs = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, name: 'bn_gru' }) as never, mergeMode: null as never, name: 'bn_bi' }).apply(input) as Sym[];
      const model = tf.model({ inputs: input, outputs: outs });
      fixWeights(tf, model);
      return { n: outs.length, ...surface(model, seq(tf, 2, 3, 2)) };
    },
  },
  {
    name: 'bidirectional simpleRNN without returnSequences, and bidirectional lstm with returnState',
    run: (tf) => {
      const a = tf.sequential({ layers: [tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 3, name: 'bs_rnn' }) as never, inputShape: [4, 2], name: 'bs_bi' })] });
      fixWeights(tf, a);
      const input = tf.input({ shape: [4, 2] });
      const outs = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnState: true, name: 'bs_lstm' }) as never, name: 'bs_bi2' }).apply(input) as Sym[];
      return { a: surface(a, seq(tf, 2, 4, 2)), shapes: outs.map((o) => o.shape) };
    },
  },
  {
    name: 'bidirectional with mergeMode null in a sequential model throws, in TF.js as here',
    run: (tf) => tf.sequential({ layers: [tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, name: 'bq_lstm' }) as never, mergeMode: null as never, inputShape: [3, 2], name: 'bq_bi' })] }),
  },
  {
    name: 'bidirectional gru with returnState and returnSequences, each mergeMode: the outputs and states of apply on tensors and in a model',
    run: (tf) => ([null, 'concat', 'ave'] as const).map((mergeMode) => {
      const input = tf.input({ shape: [3, 2] });
      const bi = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, returnState: true, returnSequences: true, name: `bg_${mergeMode}` }) as never, mergeMode: mergeMode as never, name: `bgb_${mergeMode}` });
      const outs = bi.apply(input) as Sym[];
      const model = tf.model({ inputs: input, outputs: outs });
      fixWeights(tf, model);
      const x = seq(tf, 2, 3, 2);
      return { symbolic: outs.map((o) => o.shape), direct: bi.apply(x), ...surface(model, x) };
    }),
  },

  { name: 'date-conversion attention: two embedded lstm inputs, dot over axes [2, 2], softmax, dot [2, 1], concatenate, timeDistributed dense heads; summary, fit with validationData, evaluate, predict', run: async (tf) => {
    const enc = tf.input({ shape: [5], name: 'at_enc_in' });
    const dec = tf.input({ shape: [4], name: 'at_dec_in' });
    let e = tf.layers.embedding({ inputDim: 8, outputDim: 3, inputLength: 5, maskZero: true, name: 'at_enc_emb' }).apply(enc) as Sym;
    e = tf.layers.lstm({ units: 4, returnSequences: true, name: 'at_enc_lstm' }).apply(e) as Sym;
    let d = tf.layers.embedding({ inputDim: 6, outputDim: 3, inputLength: 4, maskZero: true, name: 'at_dec_emb' }).apply(dec) as Sym;
    d = tf.layers.lstm({ units: 4, returnSequences: true, name: 'at_dec_lstm' }).apply(d) as Sym;
    let attention = tf.layers.dot({ axes: [2, 2], name: 'at_dot1' }).apply([d, e]) as Sym;
    attention = tf.layers.activation({ activation: 'softmax', name: 'at_attention' }).apply(attention) as Sym;
    const context = tf.layers.dot({ axes: [2, 1], name: 'at_context' }).apply([attention, e]) as Sym;
    const combined = tf.layers.concatenate({ name: 'at_concat' }).apply([context, d]) as Sym;
    let out = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 4, activation: 'tanh', name: 'at_d1' }), name: 'at_td1' }).apply(combined) as Sym;
    out = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 6, activation: 'softmax', name: 'at_d2' }), name: 'at_td2' }).apply(out) as Sym;
    const model = tf.model({ inputs: [enc, dec], outputs: out });
    fixWeights(tf, model);
    model.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    model.summary();
    const xe = tf.tensor2d([[1, 2, 3, 0, 0], [4, 5, 6, 7, 1]]);
    const xd = tf.tensor2d([[1, 2, 0, 0], [3, 4, 5, 1]]);
    const y = tf.oneHot(tf.tensor2d([[2, 3, 0, 0], [4, 5, 1, 2]], [2, 4], 'int32'), 6);
    const h = await model.fit([xe, xd], y, { epochs: 2, batchSize: 2, shuffle: false, validationData: [[xe, xd], y] });
    return { h: h.history, out: model.outputs[0].shape, pred: model.predict([xe, xd]), ev: model.evaluate([xe, xd], y), names: model.weights.map((w) => w.name), shapes: model.getWeights().map((w) => w.shape), layers: model.layers.map((l) => [l.name, l.getClassName(), JSON.stringify(l.outputShape)]) };
  } },
  { name: 'stacked bidirectional lstm and gru over an embedding: summary at default, narrow and custom widths, countParams', run: (tf) => {
    const m = tf.sequential();
    m.add(tf.layers.embedding({ inputDim: 20, outputDim: 4, inputLength: 6, name: 'bs2_emb' }));
    m.add(tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 3, returnSequences: true, name: 'bs2_l' }) as never, name: 'bs2_bi' }));
    m.add(tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, name: 'bs2_g' }) as never, mergeMode: 'sum', name: 'bs2_bi2' }));
    m.add(tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'bs2_d' }));
    m.summary();
    m.summary(50);
    m.summary(80, [0.4, 0.7, 1]);
    return m.countParams();
  } },
  { name: 'jena-weather shape: conv1d, maxPooling1d, gru with dropout 0, dense; rmsprop fit with validationSplit, evaluate, summary', run: async (tf) => {
    const m = tf.sequential();
    m.add(tf.layers.conv1d({ filters: 3, kernelSize: 2, activation: 'relu', inputShape: [6, 2], name: 'jn_c', kernelInitializer: 'ones' }));
    m.add(tf.layers.maxPooling1d({ poolSize: 2, name: 'jn_mp' }));
    m.add(tf.layers.gru({ units: 2, dropout: 0, recurrentDropout: 0, name: 'jn_gru' }));
    m.add(tf.layers.dense({ units: 1, name: 'jn_d' }));
    fixWeights(tf, m);
    m.compile({ optimizer: 'rmsprop', loss: 'meanAbsoluteError' });
    const x = seq(tf, 4, 6, 2);
    const y = tf.tensor2d([[0.1], [0.2], [-0.1], [0.3]]);
    const h = await m.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, validationSplit: 0.5 });
    m.summary();
    return { h: h.history, ev: m.evaluate(x, y, { batchSize: 2 }), p: m.predict(x) };
  } },
  { name: 'gru with resetAfter true is refused, as TF.js refuses it', run: (tf) => tf.layers.gru({ units: 2, resetAfter: true } as never).getConfig() },
  { name: 'gru with resetAfter false: its config', run: (tf) => tf.layers.gru({ units: 2, resetAfter: false, name: 'grf' } as never).getConfig() },
  { name: 'simpleRNN getConfig with goBackwards and unroll, and timeDistributed over conv1d on a 4-D input', run: (tf) => [tf.layers.simpleRNN({ units: 2, returnSequences: true, goBackwards: true, unroll: false, name: 'sr_cfg' }).getConfig(), tf.layers.timeDistributed({ layer: tf.layers.conv1d({ filters: 1, kernelSize: 1, kernelInitializer: 'ones', name: 'tdc_c' }), name: 'tdc' }).apply(tf.ones([1,2,3,2]))] },
  { name: 'int32 ids through embedding, flatten, repeatVector and simpleRNN: predict, output shapes', run: (tf) => {
    const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 2, name: 'ri_emb', embeddingsInitializer: 'ones' }), tf.layers.flatten({ name: 'ri_f' }), tf.layers.repeatVector({ n: 3, name: 'ri_rv' }), tf.layers.simpleRNN({ units: 1, kernelInitializer: 'ones', recurrentInitializer: 'zeros', name: 'ri_rnn' })] });
    return [m.predict(tf.tensor2d([[1, 2]], [1, 2], 'int32')), m.outputs[0].shape, m.layers.map((l) => l.outputShape)];
  } },
  { name: 'a masked embedding into globalAveragePooling1d (which averages every step, mask or not, in TF.js 4.22)', run: (tf) => {
    const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 4, outputDim: 2, maskZero: true, inputLength: 3, name: 'gm_emb' }), tf.layers.globalAveragePooling1d({ name: 'gm_gap' }), tf.layers.dense({ units: 1, name: 'gm_d' })] });
    fixWeights(tf, m);
    return m.predict(tf.tensor2d([[1, 0, 0], [1, 2, 3]]));
  } },

  { name: 'a functional model around a bidirectional lstm with returnState saves and loads: predictions, output shapes, weight names', run: async (tf) => {
    const input = tf.input({ shape: [3, 2], name: 'rl_in' });
    const outs = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnState: true, name: 'rl_l' }) as never, name: 'rl_bi' }).apply(input) as Sym[];
    const model = tf.model({ inputs: input, outputs: outs });
    fixWeights(tf, model);
    let saved: io.ModelArtifacts | null = null;
    await model.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as unknown as io.ModelArtifacts));
    return [loaded.predict(seq(tf, 1, 3, 2)), loaded.outputs.map((o) => o.shape), loaded.weights.map((w) => w.name)];
  } },
  { name: 'a masked embedding into a bidirectional simpleRNN with returnSequences and a timeDistributed dense', run: (tf) => {
    const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, inputLength: 4, name: 'mb_emb' }), tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2, returnSequences: true, name: 'mb_rnn' }) as never, name: 'mb_bi' }), tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1, name: 'mb_d' }), name: 'mb_td' })] });
    fixWeights(tf, m);
    return m.predict(tf.tensor2d([[1, 2, 0, 0], [3, 0, 4, 0]]));
  } },
  { name: 'translation seq2seq: encoder lstm states as the decoder lstm\'s initialState in a functional model; summary', run: (tf) => {
    const encIn = tf.input({ shape: [3, 2], name: 'ss_ein' });
    const [, h, c] = tf.layers.lstm({ units: 2, returnState: true, name: 'ss_enc' }).apply(encIn) as Sym[];
    const decIn = tf.input({ shape: [2, 2], name: 'ss_din' });
    const dec = tf.layers.lstm({ units: 2, returnSequences: true, name: 'ss_dec' }).apply(decIn, { initialState: [h, c] }) as Sym;
    const out = tf.layers.dense({ units: 3, activation: 'softmax', name: 'ss_out' }).apply(dec) as Sym;
    const model = tf.model({ inputs: [encIn, decIn], outputs: out });
    fixWeights(tf, model);
    model.summary();
    return [model.predict([seq(tf, 2, 3, 2), seq(tf, 2, 2, 2)]), model.outputs[0].shape];
  } },
  { name: 'lstm.apply with initialState tensors', run: (tf) => {
    const l = tf.layers.lstm({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'ones', name: 'is_l' });
    return l.apply(seq(tf, 2, 3, 2), { initialState: [tf.ones([2, 2]), tf.zeros([2, 2])] });
  } },
  { name: 'simpleRNN with relu, no bias and an identity recurrent kernel; gru getConfig with its activations and orthogonal initializer', run: (tf) => [tf.layers.simpleRNN({ units: 2, activation: 'relu', useBias: false, kernelInitializer: 'ones', recurrentInitializer: 'identity', name: 'sa' }).apply(seq(tf, 1, 3, 2)), tf.layers.gru({ units: 2, activation: 'relu', recurrentActivation: 'sigmoid', kernelInitializer: 'ones', recurrentInitializer: 'orthogonal', name: 'ga' }).getConfig()] },
  { name: 'lstm\'s default recurrentActivation (hardSigmoid) on inputs large enough to saturate it', run: (tf) => tf.layers.lstm({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'ones', name: 'hs' }).apply(seq(tf, 1, 3, 2).mul(3)) },
  { name: 'conv1d with causal padding', deviation: "TF.js 4.22 throws when a causal conv1d runs (not implemented); tessera computes Keras's causal convolution", run: (tf) => tf.layers.conv1d({ filters: 1, kernelSize: 2, padding: 'causal' as never, kernelInitializer: 'ones', name: 'cc' }).apply(seq(tf, 1, 4, 1)) },
  { name: 'embedding, globalMaxPooling1d and dense trained by fit with validationData (sgd): history and the embeddings after', run: async (tf) => {
    const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 3, name: 'et_emb' }), tf.layers.globalMaxPooling1d({ name: 'et_g' }), tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'et_d' })] });
    fixWeights(tf, m);
    m.compile({ optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy', metrics: ['acc'] });
    const x = tf.tensor2d([[1, 2, 3], [4, 4, 0], [2, 0, 1], [3, 3, 3]]);
    const y = tf.tensor2d([[1], [0], [1], [0]]);
    const h = await m.fit(x, y, { epochs: 2, batchSize: 4, shuffle: false, validationData: [x, y], verbose: 0 });
    return [h.history, m.getWeights()[0]];
  } },
  {
    name: 'embedding with embeddingsRegularizer and embeddingsConstraint: getConfig, the fit losses with the penalty, setWeights projected, a round trip through model.json',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 3, name: 'er_emb', embeddingsRegularizer: tf.regularizers.l2({ l2: 0.1 }), embeddingsConstraint: tf.constraints.maxNorm({ maxValue: 0.5, axis: 1 }) }),
        tf.layers.flatten({ name: 'er_f' }),
        tf.layers.dense({ units: 1, name: 'er_d', kernelInitializer: 'ones' }),
      ] });
      fixWeights(tf, model);
      const emb = model.layers[0];
      const config = emb.getConfig();
      const reported = [JSON.stringify(config.embeddingsRegularizer), JSON.stringify(config.embeddingsConstraint)];
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = tf.tensor2d([[1, 2, 3], [4, 0, 1]]);
      const y = tf.tensor2d([[0.5], [-0.5]]);
      const h = await model.fit(x, y, { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      let saved: io.ModelArtifacts | null = null;
      await model.save(tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as unknown as io.ModelArtifacts));
      const loadedConfig = loaded.layers[0].getConfig();
      return { reported, loss: h.history.loss, weights: emb.getWeights(), loaded: [loaded.predict(x), JSON.stringify(loadedConfig.embeddingsRegularizer), JSON.stringify(loadedConfig.embeddingsConstraint)] };
    },
  },

  { name: 'summary of a functional model using a bidirectional lstm\'s output and states; its outputShape, countParams and getConfig', run: (tf) => {
    const input = tf.input({ shape: [3, 2], name: 'sb_in' });
    const bi = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnState: true, name: 'sb_l' }) as never, name: 'sb_bi' });
    const outs = bi.apply(input) as Sym[];
    const d = tf.layers.dense({ units: 1, name: 'sb_d' }).apply(tf.layers.concatenate({ name: 'sb_c' }).apply([outs[0], outs[1], outs[3]]) as Sym) as Sym;
    const model = tf.model({ inputs: input, outputs: d });
    model.summary();
    return [bi.outputShape, bi.countParams(), bi.getConfig()];
  } },
  { name: 'embedding given fractional ids: truncated to int32, as TF.js casts them',
    run: (tf) => tf.layers.embedding({ inputDim: 4, outputDim: 1, embeddingsInitializer: tf.initializers.constant({ value: 2 }), name: 'ef' }).apply(tf.tensor2d([[1.7, 2.2]])) },
  { name: 'predict with batchSize and predictOnBatch of a simpleRNN model', run: (tf) => {
    const m = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, inputShape: [3, 2], kernelInitializer: 'ones', recurrentInitializer: 'zeros', name: 'pb_r' })] });
    return [m.predict(seq(tf, 5, 3, 2), { batchSize: 2 }), m.predictOnBatch(seq(tf, 2, 3, 2))];
  } },
  { name: 'lstm getConfig with unroll and stateful false', run: (tf) => tf.layers.lstm({ units: 2, unroll: true, stateful: false, name: 'lu' }).getConfig() },
  { name: 'outputShape and countParams of a gru with returnState applied to an input', run: (tf) => {
    const l = tf.layers.gru({ units: 3, returnState: true, returnSequences: true, inputShape: [4, 2], name: 'os_g' });
    const i = tf.input({ shape: [4, 2] });
    l.apply(i);
    return [l.outputShape, l.countParams()];
  } },
  { name: 'timeDistributed dense with inputShape in a sequential model: summary, weights\' shapes and names', run: (tf) => {
    const m = tf.sequential({ layers: [tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, name: 'tds_d' }), inputShape: [4, 2], name: 'tds' }), tf.layers.globalMaxPooling1d({ name: 'tds_g' })] });
    m.summary();
    return [m.getWeights().map((w) => w.shape), m.weights.map((w) => w.name), m.layers[0].getWeights().length];
  } },
];
