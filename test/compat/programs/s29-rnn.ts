import type { Layer, LayersModel, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';
import { saveToMemory } from './layers-surface';

// Sequence models as tfjs-layers' own recurrent, convolutional-recurrent, wrapper and embedding tests pin them down,
// met from user programs: every option of simpleRNN, gru and lstm, rnn over cells and stacks of cells, cells called
// directly, convLstm2d, bidirectional and timeDistributed, masks from embedding(maskZero) into each recurrent layer,
// gradients through them, fit with fixed weights, config and save/load round trips, and the errors of bad input.

/** The value of f, or 'threw' (messages differ; that both throw is what counts). */
const attempt = (f: () => unknown): unknown => {
  try { return f(); } catch { return 'threw'; }
};
/** Deterministic weights for every variable of a model or layer, in getWeights order. */
function fix(tf: TF, target: { getWeights(): Tensor[]; setWeights(w: Tensor[]): void }, scale = 0.4): void {
  let k = 0;
  target.setWeights(target.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => scale * Math.sin(1 + 1.3 * k++)), w.shape)));
}
/** A deterministic tensor of the given shape. */
const seq = (tf: TF, shape: number[], f = (i: number) => Math.cos(0.41 * i + 0.2)): Tensor => {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Array.from({ length: n }, (_, i) => f(i)), shape);
};
const S = (x: unknown) => x as SymbolicTensor;
/**
 * Builds a layer by applying it to zeros of the shape (null dims as 1). TF.js's RNN.build does not mark the layer
 * built, so calling build() directly and then apply() builds the cell twice and throws (see the deviation below).
 */
function ready(tf: TF, layer: Layer, shape: (number | null)[]): void {
  layer.apply(tf.zeros(shape.map((d) => d ?? 1)));
}
/** Padded ids with a leading, a middle and a trailing pad (0). */
const ids = (tf: TF) => tf.tensor2d([[0, 3, 1, 0, 2], [4, 0, 0, 2, 0], [1, 2, 3, 4, 1]]);
/** A sequential model over one recurrent layer (and the layers after it), with fixed weights. */
function seqModel(tf: TF, layers: Layer[], inputShape: number[]): LayersModel {
  const input = tf.input({ shape: inputShape });
  let y: SymbolicTensor = input;
  for (const l of layers) y = S(l.apply(y));
  const m = tf.model({ inputs: input, outputs: y });
  fix(tf, m);
  return m;
}
/** embedding(maskZero) with fixed weights into the given layers. */
function maskedModel(tf: TF, layers: Layer[]): LayersModel {
  const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 3, maskZero: true, inputLength: 5 }), ...layers] });
  fix(tf, m);
  return m;
}

const simple: Program[] = [
  {
    name: 'simpleRNN linear with ones kernel, identity recurrent kernel and constant bias: running sums, every step',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 2, activation: 'linear', kernelInitializer: 'ones', recurrentInitializer: 'identity', biasInitializer: tf.initializers.constant({ value: 0.5 }), returnSequences: true });
      return l.apply(tf.tensor3d([[[1, 2], [3, -1], [0.5, 0.5], [-2, 1]]]));
    },
  },
  {
    name: 'simpleRNN returnState without returnSequences: the output and the state are the same tensor values',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 3, returnState: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }), recurrentInitializer: 'zeros' });
      const out = l.apply(seq(tf, [2, 4, 2])) as Tensor[];
      return [out.length, out[0], out[1], tf.sub(out[0], out[1]).abs().max()];
    },
  },
  {
    name: 'simpleRNN goBackwards, returnSequences and returnState together on a tensor',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 2, goBackwards: true, returnSequences: true, returnState: true, kernelInitializer: 'ones', recurrentInitializer: tf.initializers.constant({ value: 0.3 }) });
      const out = l.apply(seq(tf, [2, 3, 2])) as Tensor[];
      return out.map((t) => [t.shape, t]);
    },
  },
  {
    name: 'stateful simpleRNN: two predicts of halves equal one predict of the whole sequence',
    run: (tf) => {
      const a = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, stateful: true, returnSequences: true, batchInputShape: [2, 3, 2] })] });
      const b = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, returnSequences: true, inputShape: [6, 2] })] });
      fix(tf, a); fix(tf, b);
      const x = seq(tf, [2, 6, 2]);
      const first = a.predict(x.slice([0, 0, 0], [2, 3, 2])) as Tensor;
      const second = a.predict(x.slice([0, 3, 0], [2, 3, 2])) as Tensor;
      return [tf.concat([first, second], 1), b.predict(x)];
    },
  },
  {
    name: 'stateful simpleRNN resetStates with a given state array, then predict starts from it',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 2, stateful: true, batchInputShape: [1, 2, 1], kernelInitializer: 'ones', recurrentInitializer: 'identity', activation: 'linear' });
      const m = tf.sequential({ layers: [l] });
      const x = tf.tensor3d([[[1], [2]]]);
      const p1 = m.predict(x);
      l.resetStates([tf.tensor2d([[10, -10]])]);
      const p2 = m.predict(x);
      const s = l.states.map((t) => t && t.arraySync());
      l.resetStates();
      return [p1, p2, s, l.states.map((t) => t && t.arraySync()), m.predict(x)];
    },
  },
  {
    name: 'resetStates with a state of the wrong shape, or the wrong number of states, is refused',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 3, 1] });
      tf.sequential({ layers: [l] });
      return [
        attempt(() => l.resetStates([tf.zeros([2, 3]), tf.zeros([2, 2])])),
        attempt(() => l.resetStates([tf.zeros([2, 2])])),
        attempt(() => l.resetStates([tf.zeros([1, 2]), tf.zeros([1, 2])])),
        attempt(() => { l.resetStates([tf.ones([2, 2]), tf.zeros([2, 2])]); return l.states.map((t) => t && t.arraySync()); }),
      ];
    },
  },
  {
    name: 'simpleRNN given initialState tensors through apply kwargs, with and without returnSequences',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 2, returnSequences: true, kernelInitializer: 'ones', recurrentInitializer: 'identity', activation: 'tanh' });
      const x = seq(tf, [2, 3, 1]);
      const h0 = tf.tensor2d([[0.5, -0.5], [1, 0]]);
      const k = tf.layers.simpleRNN({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'identity', activation: 'tanh' });
      return [l.apply(x, { initialState: [h0] }), l.apply(x), k.apply(x, { initialState: h0 })];
    },
  },
  {
    name: 'simpleRNN given two initial states (one too many) is refused; an lstm given one is refused',
    run: (tf) => {
      const x = seq(tf, [1, 3, 2]);
      return [
        attempt(() => tf.layers.simpleRNN({ units: 2 }).apply(x, { initialState: [tf.zeros([1, 2]), tf.zeros([1, 2])] })),
        attempt(() => tf.layers.lstm({ units: 2 }).apply(x, { initialState: [tf.zeros([1, 2])] })),
      ];
    },
  },
  {
    name: 'simpleRNN with activations relu, sigmoid, elu, selu, softsign, softplus and hardSigmoid: last outputs',
    run: (tf) => {
      const x = seq(tf, [2, 4, 3], (i) => 1.5 * Math.sin(i));
      return (['relu', 'sigmoid', 'elu', 'selu', 'softsign', 'softplus', 'hardSigmoid', 'relu6'] as const).map((activation) => {
        const l = tf.layers.simpleRNN({ units: 2, activation });
        ready(tf, l, [2, 4, 3]);
        fix(tf, l, 0.7);
        return l.apply(x);
      });
    },
  },
  {
    name: 'simpleRNN with useBias false has two weights; its config says so and it still runs',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 3, useBias: false, name: 'nb_rnn' });
      ready(tf, l, [null, 2, 2]);
      fix(tf, l);
      return [l.getWeights().map((w) => w.shape), l.countParams(), l.getConfig().useBias, l.apply(seq(tf, [1, 2, 2]))];
    },
  },
  {
    name: 'simpleRNN with unroll true over a fixed time axis equals unroll false, with returnSequences and goBackwards',
    run: (tf) => {
      const a = seqModel(tf, [tf.layers.simpleRNN({ units: 3, unroll: true, goBackwards: true, returnSequences: true })], [4, 2]);
      const b = seqModel(tf, [tf.layers.simpleRNN({ units: 3, goBackwards: true, returnSequences: true })], [4, 2]);
      const x = seq(tf, [2, 4, 2]);
      return [a.predict(x), b.predict(x)];
    },
  },
  {
    name: 'simpleRNN dropout and recurrentDropout do nothing at inference: apply with training false and predict agree',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 2, dropout: 0.5, recurrentDropout: 0.5, returnSequences: true });
      const m = seqModel(tf, [l], [3, 2]);
      const x = seq(tf, [2, 3, 2]);
      return [m.predict(x), l.apply(x, { training: false }), l.getConfig().dropout, l.getConfig().recurrentDropout];
    },
  },
];

const gru: Program[] = [
  {
    name: 'gru with resetAfter false and true on the same kernels: outputs differ as the formulas do',
    run: (tf) => {
      const x = seq(tf, [2, 3, 2]);
      const a = tf.layers.gru({ units: 2, resetAfter: false, returnSequences: true });
      const b = tf.layers.gru({ units: 2, resetAfter: true, returnSequences: true });
      ready(tf, a, [2, 3, 2]); ready(tf, b, [2, 3, 2]);
      fix(tf, a, 0.8);
      const [k, r] = a.getWeights();
      b.setWeights([k, r, tf.tensor2d([[0.1, -0.2, 0.3, 0.05, 0.2, -0.1], [0.3, 0.1, -0.2, 0.1, 0, 0.4]])]);
      return [a.getWeights().map((w) => w.shape), b.getWeights().map((w) => w.shape), a.apply(x), b.apply(x)];
    },
  },
  {
    name: 'gru recurrentActivation sigmoid and hardSigmoid (the default), activation relu and linear',
    run: (tf) => {
      const x = seq(tf, [1, 4, 2], (i) => 2 * Math.sin(i));
      return [{ recurrentActivation: 'sigmoid' as const }, {}, { activation: 'relu' as const }, { activation: 'linear' as const, recurrentActivation: 'tanh' as const }].map((o) => {
        const l = tf.layers.gru({ units: 2, ...o });
        ready(tf, l, [1, 4, 2]);
        fix(tf, l, 0.9);
        return [l.getConfig().recurrentActivation, l.getConfig().activation, l.apply(x)];
      });
    },
  },
  {
    name: 'gru implementation 1 and 2 agree, and the setting shows in getConfig',
    run: (tf) => {
      const x = seq(tf, [2, 3, 3]);
      const outs = [1, 2].map((implementation) => {
        const l = tf.layers.gru({ units: 2, implementation, name: `gi${implementation}` });
        ready(tf, l, [2, 3, 3]);
        fix(tf, l);
        return [l.getConfig().implementation, l.apply(x)];
      });
      return outs;
    },
  },
  {
    name: 'gru with returnState, goBackwards and resetAfter: output equals state',
    run: (tf) => {
      const l = tf.layers.gru({ units: 3, returnState: true, goBackwards: true, resetAfter: true });
      ready(tf, l, [2, 4, 2]);
      fix(tf, l);
      const [o, h] = l.apply(seq(tf, [2, 4, 2])) as Tensor[];
      return [o, h];
    },
  },
  {
    name: 'stateful gru: states after each predict and after resetStates, and predict of the same input twice differs',
    run: (tf) => {
      const l = tf.layers.gru({ units: 2, stateful: true, batchInputShape: [1, 2, 2] });
      const m = tf.sequential({ layers: [l] });
      fix(tf, m);
      const x = seq(tf, [1, 2, 2]);
      const a = m.predict(x);
      const b = m.predict(x);
      const s = l.states[0]?.arraySync();
      m.resetStates();
      return [a, b, s, m.predict(x)];
    },
  },
  {
    name: 'gru with useBias false and resetAfter true: two weights, outputs',
    run: (tf) => {
      const l = tf.layers.gru({ units: 2, useBias: false, resetAfter: true });
      ready(tf, l, [1, 3, 2]);
      fix(tf, l);
      return [l.getWeights().map((w) => w.shape), l.apply(seq(tf, [1, 3, 2]))];
    },
  },
  {
    name: 'gru with an initial state passed as a symbolic input in a functional model',
    run: (tf) => {
      const x = tf.input({ shape: [3, 2] });
      const h = tf.input({ shape: [2] });
      const out = tf.layers.gru({ units: 2, returnSequences: true, name: 'gis' }).apply(x, { initialState: h });
      const m = tf.model({ inputs: [x, h], outputs: S(out) });
      fix(tf, m);
      return [m.inputs.length, S(out).shape, m.predict([seq(tf, [2, 3, 2]), tf.tensor2d([[1, -1], [0.2, 0.4]])])];
    },
  },
  {
    name: 'gru with dropout and recurrentDropout, implementation 1: predict ignores them',
    run: (tf) => {
      const a = seqModel(tf, [tf.layers.gru({ units: 2, dropout: 0.3, recurrentDropout: 0.4, implementation: 1 })], [3, 2]);
      const b = seqModel(tf, [tf.layers.gru({ units: 2 })], [3, 2]);
      return [a.predict(seq(tf, [2, 3, 2])), b.predict(seq(tf, [2, 3, 2]))];
    },
  },
  {
    name: 'gru with kernel, recurrent and bias initializers by object: the initial weights',
    run: (tf) => {
      const l = tf.layers.gru({ units: 2, kernelInitializer: tf.initializers.constant({ value: 0.2 }), recurrentInitializer: tf.initializers.identity({ gain: 1 }) as never, biasInitializer: 'ones' });
      return attempt(() => { l.build([1, 2, 3]); return l.getWeights(); });
    },
  },
  {
    name: 'gru unroll true equals unroll false with resetAfter true and returnState',
    run: (tf) => {
      const x = seq(tf, [2, 3, 2]);
      return [true, false].map((unroll) => {
        const l = tf.layers.gru({ units: 2, unroll, resetAfter: true, returnState: true });
        ready(tf, l, [2, 3, 2]);
        fix(tf, l);
        return l.apply(x);
      });
    },
  },
];

const lstm: Program[] = [
  {
    name: 'lstm unitForgetBias: the forget quarter of the bias is ones whatever biasInitializer gives the rest',
    run: (tf) => [
      { unitForgetBias: true }, { unitForgetBias: true, biasInitializer: tf.initializers.constant({ value: 0.5 }) }, { unitForgetBias: false, biasInitializer: 'ones' as const }, {},
    ].map((o) => {
      const l = tf.layers.lstm({ units: 2, ...o });
      ready(tf, l, [1, 2, 1]);
      return l.getWeights()[2];
    }),
  },
  {
    name: 'lstm recurrentActivation sigmoid, tanh and hardSigmoid, activation linear and relu: last outputs',
    run: (tf) => {
      const x = seq(tf, [2, 3, 2], (i) => 1.7 * Math.cos(i));
      return [{ recurrentActivation: 'sigmoid' as const }, { recurrentActivation: 'tanh' as const }, { recurrentActivation: 'hardSigmoid' as const, activation: 'linear' as const }, { activation: 'relu' as const }].map((o) => {
        const l = tf.layers.lstm({ units: 2, ...o });
        ready(tf, l, [2, 3, 2]);
        fix(tf, l, 0.9);
        return l.apply(x);
      });
    },
  },
  {
    name: 'lstm implementation 1 and 2 agree with returnSequences',
    run: (tf) => {
      const x = seq(tf, [1, 4, 3]);
      return [1, 2].map((implementation) => {
        const l = tf.layers.lstm({ units: 2, implementation, returnSequences: true });
        ready(tf, l, [1, 4, 3]);
        fix(tf, l);
        return l.apply(x);
      });
    },
  },
  {
    name: 'lstm with ones kernel and zeros recurrent kernel: a step computed by hand from the gates',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 1, kernelInitializer: 'ones', recurrentInitializer: 'zeros', unitForgetBias: false, recurrentActivation: 'sigmoid', returnState: true });
      const out = l.apply(tf.tensor3d([[[0.5]]])) as Tensor[];
      const s = 1 / (1 + Math.exp(-0.5));
      const c = s * Math.tanh(0.5);
      return [out, [s * Math.tanh(c), c]];
    },
  },
  {
    name: 'lstm with returnState, returnSequences and goBackwards: sequence, last h and c',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, returnState: true, returnSequences: true, goBackwards: true });
      ready(tf, l, [2, 3, 2]);
      fix(tf, l);
      return (l.apply(seq(tf, [2, 3, 2])) as Tensor[]).map((t) => [t.shape, t]);
    },
  },
  {
    name: 'stateful lstm resetStates with h and c given, then predict; the states it ends with',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 2, 1] });
      const m = tf.sequential({ layers: [l] });
      fix(tf, m);
      l.resetStates([tf.tensor2d([[0.5, -0.5], [1, 1]]), tf.tensor2d([[0.2, 0.1], [-1, 0]])]);
      const p = m.predict(seq(tf, [2, 2, 1]));
      return [p, l.states.map((t) => t && t.arraySync())];
    },
  },
  {
    name: 'lstm initial states: of the wrong width or batch refused; of batch 1 used for every sequence, as the tiled state',
    run: (tf) => {
      const x = seq(tf, [2, 3, 2]);
      const make = () => tf.layers.lstm({ units: 2, returnState: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }), recurrentInitializer: tf.initializers.constant({ value: 0.2 }) });
      const h = tf.tensor2d([[0.5, -0.3]]);
      const c = tf.tensor2d([[1, 0.2]]);
      return [
        attempt(() => make().apply(x, { initialState: [tf.zeros([2, 3]), tf.zeros([2, 3])] })),
        attempt(() => make().apply(x, { initialState: [tf.zeros([3, 2]), tf.zeros([3, 2])] })),
        make().apply(x, { initialState: [h, c] }),
        make().apply(x, { initialState: [tf.tile(h, [2, 1]), tf.tile(c, [2, 1])] }),
      ];
    },
  },
  {
    name: 'one initial state of batch 1 for a batch of sequences: simpleRNN, gru and a bidirectional gru, and the gradient to the state',
    run: (tf) => {
      const x = seq(tf, [3, 2, 2]);
      const opts = { units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }), recurrentInitializer: tf.initializers.constant({ value: -0.3 }), biasInitializer: tf.initializers.constant({ value: 0.1 }) };
      const s = tf.layers.simpleRNN({ ...opts, returnSequences: true });
      const g = tf.layers.gru(opts);
      const b = tf.layers.bidirectional({ layer: tf.layers.gru(opts) as never });
      const h = tf.tensor2d([[0.4, -0.6]]);
      return [
        s.apply(x, { initialState: h }),
        g.apply(x, { initialState: [h] }),
        b.apply(x, { initialState: [h, tf.neg(h)] }),
        tf.grad((t: Tensor) => (g.apply(x, { initialState: [t] }) as Tensor).square().sum())(h),
      ];
    },
  },
  {
    name: 'lstm initialState given as apply([x, h, c]) in a list equals the kwargs form',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, returnSequences: true });
      const x = seq(tf, [1, 3, 2]);
      const h = tf.tensor2d([[0.3, -0.2]]);
      const c = tf.tensor2d([[1, 0.5]]);
      ready(tf, l, [1, 3, 2]);
      fix(tf, l);
      return [l.apply([x, h, c]), l.apply(x, { initialState: [h, c] })];
    },
  },
  {
    name: 'lstm with useBias false and unitForgetBias true: no bias weight at all',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, useBias: false, unitForgetBias: true });
      ready(tf, l, [1, 2, 2]);
      fix(tf, l);
      return [l.getWeights().length, l.countParams(), l.apply(seq(tf, [1, 2, 2]))];
    },
  },
  {
    name: 'lstm over a sequence of one step, and over a batch of one',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 3, returnSequences: true });
      ready(tf, l, [null, null, 2]);
      fix(tf, l);
      return [l.apply(seq(tf, [3, 1, 2])), l.apply(seq(tf, [1, 5, 2]))];
    },
  },
  {
    name: 'lstm returnState in a functional model: three outputs predicted',
    run: (tf) => {
      const x = tf.input({ shape: [4, 2] });
      const outs = tf.layers.lstm({ units: 2, returnState: true, name: 'rs_l' }).apply(x) as SymbolicTensor[];
      const m = tf.model({ inputs: x, outputs: outs });
      fix(tf, m);
      return [m.outputs.map((o) => o.shape), m.predict(seq(tf, [2, 4, 2]))];
    },
  },
];

const cells: Program[] = [
  {
    name: 'rnn over an lstmCell gives what lstm gives with the same weights',
    run: (tf) => {
      const x = seq(tf, [2, 3, 2]);
      const a = tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 2 }), returnSequences: true });
      const b = tf.layers.lstm({ units: 2, returnSequences: true });
      ready(tf, a, [2, 3, 2]); ready(tf, b, [2, 3, 2]);
      fix(tf, a); fix(tf, b);
      return [a.getWeights().map((w) => w.shape), a.apply(x), b.apply(x)];
    },
  },
  {
    name: 'rnn over a list of cells [simpleRNNCell, gruCell, lstmCell] with returnState: output and every state',
    run: (tf) => {
      const l = tf.layers.rnn({ cell: [tf.layers.simpleRNNCell({ units: 2 }), tf.layers.gruCell({ units: 3 }), tf.layers.lstmCell({ units: 2 })], returnState: true });
      ready(tf, l, [1, 3, 2]);
      fix(tf, l);
      const out = l.apply(seq(tf, [1, 3, 2])) as Tensor[];
      return [out.length, out.map((t) => [t.shape, t]), l.getWeights().map((w) => w.shape)];
    },
  },
  {
    name: 'stackedRNNCells: stateSize and the weights of its cells; rnn over it with goBackwards',
    run: (tf) => {
      const stack = tf.layers.stackedRNNCells({ cells: [tf.layers.lstmCell({ units: 2 }), tf.layers.simpleRNNCell({ units: 1 })] });
      const l = tf.layers.rnn({ cell: stack, goBackwards: true, returnSequences: true });
      ready(tf, l, [2, 3, 2]);
      fix(tf, l);
      return [stack.stateSize, l.getWeights().map((w) => w.shape), l.apply(seq(tf, [2, 3, 2]))];
    },
  },
  {
    name: 'a stack of two lstm cells equals two lstm layers with returnSequences, with the same weights',
    run: (tf) => {
      const x = seq(tf, [2, 4, 2]);
      const stack = tf.layers.rnn({ cell: [tf.layers.lstmCell({ units: 3 }), tf.layers.lstmCell({ units: 2 })] });
      ready(tf, stack, [2, 4, 2]);
      fix(tf, stack);
      const w = stack.getWeights();
      const l1 = tf.layers.lstm({ units: 3, returnSequences: true });
      const l2 = tf.layers.lstm({ units: 2 });
      ready(tf, l1, [2, 4, 2]); ready(tf, l2, [2, 4, 3]);
      l1.setWeights(w.slice(0, 3)); l2.setWeights(w.slice(3));
      return [stack.apply(x), l2.apply(l1.apply(x) as Tensor)];
    },
  },
  {
    name: 'rnn over a stack of cells, stateful: states carry over and resetStates clears them',
    run: (tf) => {
      const l = tf.layers.rnn({ cell: [tf.layers.gruCell({ units: 2 }), tf.layers.simpleRNNCell({ units: 2 })], stateful: true, batchInputShape: [1, 2, 2] });
      const m = tf.sequential({ layers: [l] });
      fix(tf, m);
      const x = seq(tf, [1, 2, 2]);
      const a = m.predict(x);
      const b = m.predict(x);
      const n = l.states.length;
      l.resetStates();
      return [a, b, n, m.predict(x)];
    },
  },
  {
    name: 'rnn over a stack given initial states: one per state of each cell, in order',
    run: (tf) => {
      const l = tf.layers.rnn({ cell: [tf.layers.lstmCell({ units: 2 }), tf.layers.gruCell({ units: 1 })], returnSequences: true });
      ready(tf, l, [1, 2, 2]);
      fix(tf, l);
      const x = seq(tf, [1, 2, 2]);
      return [
        l.apply(x, { initialState: [tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, 0.5]]), tf.tensor2d([[-1]])] }),
        attempt(() => l.apply(x, { initialState: [tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, 0.5]])] })),
      ];
    },
  },
  {
    name: 'simpleRNNCell called directly: output and new state are the same; stateSize and weights',
    run: (tf) => {
      const c = tf.layers.simpleRNNCell({ units: 2, activation: 'linear', kernelInitializer: 'ones', recurrentInitializer: 'identity', biasInitializer: 'ones' });
      c.build([3, 2]);
      const out = c.call([tf.tensor2d([[1, 2], [0, -1], [0.5, 0.5]]), tf.tensor2d([[1, 1], [2, 3], [0, 0]])], {}) as Tensor[];
      return [out, c.stateSize, c.getWeights().map((w) => w.shape)];
    },
  },
  {
    name: 'gruCell called directly with resetAfter true and false, over two steps fed by hand',
    run: (tf) => [true, false].map((resetAfter) => {
      const c = tf.layers.gruCell({ units: 2, resetAfter });
      c.build([1, 3]);
      fix(tf, c, 0.6);
      let h = tf.zeros([1, 2]);
      const outs: Tensor[] = [];
      for (const x of [tf.tensor2d([[1, 0, -1]]), tf.tensor2d([[0.5, 2, 0]])]) {
        h = (c.call([x, h], {}) as Tensor[])[1];
        outs.push(h);
      }
      return [c.getWeights().map((w) => w.shape), outs];
    }),
  },
  {
    name: 'lstmCell called directly: [h, h, c] and the stateSize; unitForgetBias bias',
    run: (tf) => {
      const c = tf.layers.lstmCell({ units: 2, recurrentActivation: 'sigmoid' });
      c.build([2, 2]);
      const bias = c.getWeights()[2];
      fix(tf, c);
      const out = c.call([tf.tensor2d([[1, 2], [-1, 0.5]]), tf.tensor2d([[0.1, 0.2], [0, 0]]), tf.tensor2d([[0.5, -0.5], [1, 1]])], {}) as Tensor[];
      return [bias, out.length, out, c.stateSize];
    },
  },
  {
    name: 'cells with dropout and recurrentDropout called with training false give the plain step',
    run: (tf) => {
      const a = tf.layers.lstmCell({ units: 2, dropout: 0.5, recurrentDropout: 0.5 });
      const b = tf.layers.gruCell({ units: 2, dropout: 0.5, recurrentDropout: 0.5 });
      a.build([1, 2]); b.build([1, 2]);
      fix(tf, a); fix(tf, b);
      const x = tf.tensor2d([[1, -1]]);
      const h = tf.tensor2d([[0.2, 0.3]]);
      return [a.call([x, h, h], { training: false }), b.call([x, h], { training: false }), a.getConfig().dropout, b.getConfig().recurrentDropout];
    },
  },
  {
    name: 'stackedRNNCells called directly on a step and the states of both cells',
    run: (tf) => {
      const s = tf.layers.stackedRNNCells({ cells: [tf.layers.simpleRNNCell({ units: 2 }), tf.layers.lstmCell({ units: 1 })] });
      s.build([1, 2]);
      fix(tf, s);
      const out = s.call([tf.tensor2d([[0.5, -1]]), tf.tensor2d([[0.1, 0.2]]), tf.tensor2d([[0.3]]), tf.tensor2d([[-0.3]])], {}) as Tensor[];
      return [out.length, out];
    },
  },
  {
    name: 'getConfig of the cells and of stackedRNNCells, and of rnn over them',
    run: (tf) => {
      const c1 = tf.layers.simpleRNNCell({ units: 2, activation: 'relu', name: 'cf_s' });
      const c2 = tf.layers.gruCell({ units: 3, resetAfter: true, recurrentActivation: 'sigmoid', name: 'cf_g' });
      const c3 = tf.layers.lstmCell({ units: 1, unitForgetBias: false, implementation: 2, name: 'cf_l' });
      const st = tf.layers.stackedRNNCells({ cells: [c1, c3], name: 'cf_st' });
      const r = tf.layers.rnn({ cell: c2, returnSequences: true, goBackwards: true, name: 'cf_r' });
      return [c1.getConfig(), c2.getConfig(), c3.getConfig(), st.getConfig(), r.getConfig()];
    },
  },
  {
    name: 'rnn without a cell, and with an empty list of cells, is refused',
    run: (tf) => [
      attempt(() => tf.layers.rnn({} as never)),
      attempt(() => tf.layers.rnn({ cell: [] }).apply(seq(tf, [1, 2, 2]))),
    ],
  },
];

const convLstm: Program[] = [
  {
    name: 'convLstm2d valid padding, last output only: weight shapes and values',
    run: (tf) => {
      const l = tf.layers.convLstm2d({ filters: 2, kernelSize: 2 });
      ready(tf, l, [1, 3, 4, 4, 1]);
      fix(tf, l, 0.3);
      const y = l.apply(seq(tf, [1, 3, 4, 4, 1])) as Tensor;
      return [l.getWeights().map((w) => w.shape), y.shape, y];
    },
  },
  {
    name: 'convLstm2d with dilationRate 2 and same padding, returnSequences',
    run: (tf) => {
      const l = tf.layers.convLstm2d({ filters: 1, kernelSize: 2, dilationRate: 2, padding: 'same', returnSequences: true });
      ready(tf, l, [1, 2, 4, 4, 2]);
      fix(tf, l, 0.3);
      return l.apply(seq(tf, [1, 2, 4, 4, 2]));
    },
  },
  {
    name: 'convLstm2d with unitForgetBias false, recurrentActivation sigmoid and activation relu',
    run: (tf) => {
      const l = tf.layers.convLstm2d({ filters: 2, kernelSize: [2, 1], unitForgetBias: false, recurrentActivation: 'sigmoid', activation: 'relu', padding: 'same' });
      ready(tf, l, [2, 2, 3, 3, 1]);
      fix(tf, l, 0.5);
      return l.apply(seq(tf, [2, 2, 3, 3, 1]));
    },
  },
  {
    name: 'convLstm2d bias initial value with unitForgetBias, and its getConfig',
    run: (tf) => {
      const l = tf.layers.convLstm2d({ filters: 2, kernelSize: 3, strides: 1, name: 'cl_cfg', returnSequences: true });
      ready(tf, l, [null, 2, 5, 5, 1]);
      const c = l.getConfig();
      return [l.getWeights()[2], c.filters, c.kernelSize, c.strides, c.padding, c.dataFormat, c.dilationRate, c.returnSequences, c.unitForgetBias, c.recurrentActivation];
    },
  },
  {
    name: 'rnn over a convLstm2dCell is refused (TF.js needs convLstm2d for a 2-D state)',
    run: (tf) => attempt(() => {
      const l = tf.layers.rnn({ cell: tf.layers.convLstm2dCell({ filters: 1, kernelSize: 2 }) });
      return (l.apply(seq(tf, [1, 2, 3, 3, 1])) as Tensor).shape;
    }),
  },
  {
    name: 'convLstm2dCell called directly on one step: [h, h, c] with their shapes',
    run: (tf) => {
      const c = tf.layers.convLstm2dCell({ filters: 2, kernelSize: 2, padding: 'same' });
      c.build([1, 3, 3, 1]);
      fix(tf, c, 0.3);
      const out = c.call([seq(tf, [1, 3, 3, 1]), tf.zeros([1, 3, 3, 2]), tf.ones([1, 3, 3, 2])], {}) as Tensor[];
      return [out.length, out.map((t) => t.shape), out];
    },
  },
  {
    name: 'convLstm2d on a rank-4 input is refused, as is a rank-4 convLstm2d input shape',
    run: (tf) => [
      attempt(() => tf.layers.convLstm2d({ filters: 1, kernelSize: 2 }).apply(tf.zeros([1, 3, 3, 1]))),
      attempt(() => tf.sequential({ layers: [tf.layers.convLstm2d({ filters: 1, kernelSize: 2, inputShape: [3, 3, 1] })] })),
    ],
  },
  {
    name: 'convLstm2d goBackwards with returnState and strides 2',
    run: (tf) => {
      const l = tf.layers.convLstm2d({ filters: 1, kernelSize: 2, strides: 2, goBackwards: true, returnState: true });
      ready(tf, l, [1, 3, 4, 4, 1]);
      fix(tf, l, 0.3);
      return (l.apply(seq(tf, [1, 3, 4, 4, 1])) as Tensor[]).map((t) => [t.shape, t]);
    },
  },
  {
    name: 'convLstm2d in a sequential model with flatten and dense: summary lines and predict',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.convLstm2d({ filters: 2, kernelSize: 2, inputShape: [2, 3, 3, 1], name: 'cs_cl' }),
        tf.layers.flatten({ name: 'cs_f' }),
        tf.layers.dense({ units: 1, name: 'cs_d' }),
      ] });
      fix(tf, m, 0.3);
      m.summary(80);
      return m.predict(seq(tf, [2, 2, 3, 3, 1]));
    },
  },
];

const bidi: Program[] = [
  {
    name: 'bidirectional simpleRNN with each mergeMode over the same weights: concat, sum, mul, ave',
    run: (tf) => {
      const x = seq(tf, [2, 3, 2]);
      return (['concat', 'sum', 'mul', 'ave'] as const).map((mergeMode) => {
        const b = tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2, returnSequences: true }) as never, mergeMode });
        ready(tf, b, [2, 3, 2]);
        fix(tf, b);
        return b.apply(x);
      });
    },
  },
  {
    name: 'bidirectional lstm with mergeMode null and returnState: two outputs then four states',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnState: true }) as never, mergeMode: null as never });
      ready(tf, b, [1, 3, 2]);
      fix(tf, b);
      const out = b.apply(seq(tf, [1, 3, 2])) as Tensor[];
      return [out.length, out];
    },
  },
  {
    name: 'bidirectional gru over a masked embedding with returnSequences: the backward half skips the pads too',
    run: (tf) => maskedModel(tf, [tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, returnSequences: true }) as never, mergeMode: 'concat' })]).predict(ids(tf)),
  },
  {
    name: 'bidirectional simpleRNN given initial states: the first half is the forward layer\'s, the second the backward\'s',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2 }) as never, mergeMode: 'concat' });
      ready(tf, b, [1, 3, 2]);
      fix(tf, b);
      const x = seq(tf, [1, 3, 2]);
      return [b.apply(x, { initialState: [tf.tensor2d([[1, -1]]), tf.tensor2d([[0.5, 0.5]])] }), b.apply(x)];
    },
  },
  {
    name: 'bidirectional setWeights and getWeights: forward weights then backward ones, per layer',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 1 }) as never });
      ready(tf, b, [1, 2, 1]);
      fix(tf, b);
      const w = b.getWeights();
      const fwd = tf.layers.gru({ units: 1 });
      const bwd = tf.layers.gru({ units: 1, goBackwards: true });
      ready(tf, fwd, [1, 2, 1]); ready(tf, bwd, [1, 2, 1]);
      fwd.setWeights(w.slice(0, 3)); bwd.setWeights(w.slice(3));
      const x = seq(tf, [1, 2, 1]);
      return [w.length, b.apply(x), tf.concat([fwd.apply(x) as Tensor, bwd.apply(x) as Tensor], -1)];
    },
  },
  {
    name: 'bidirectional with an unknown mergeMode is refused',
    run: (tf) => attempt(() => tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }) as never, mergeMode: 'max' as never })),
  },
  {
    name: 'bidirectional around a dense layer',
    deviation: 'TF.js 4.22 wraps any layer: around a dense it applies two dense layers to the same steps in the same order and concatenates them (nothing runs backwards); tessera refuses a layer that is not recurrent, as Keras does',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.dense({ units: 1, kernelInitializer: 'ones' }) as never });
      return b.apply(tf.tensor3d([[[1, 2], [3, 4]]]));
    },
  },
  {
    name: 'bidirectional lstm with returnSequences in a model, then its JSON round trip predicts the same',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnSequences: true, name: 'rj_l' }) as never, mergeMode: 'ave', inputShape: [3, 2], name: 'rj_b' }),
        tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 1, name: 'rj_s' }) as never, mergeMode: 'mul', name: 'rj_b2' }),
      ] });
      fix(tf, m);
      const art = await saveToMemory(tf, m);
      const n = await tf.loadLayersModel(tf.io.fromMemory(art));
      const x = seq(tf, [2, 3, 2]);
      return [m.predict(x), n.predict(x), n.layers.map((l) => l.getClassName())];
    },
  },
  {
    name: 'bidirectional output shapes for each mergeMode with returnSequences false and true',
    run: (tf) => (['concat', 'sum', 'mul', 'ave'] as const).flatMap((mergeMode) => [false, true].map((returnSequences) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 3, returnSequences }) as never, mergeMode });
      return [S(b.apply(tf.input({ shape: [4, 2] }))).shape, b.computeOutputShape([null, 4, 2])];
    })),
  },
  {
    name: 'bidirectional of a stateful lstm: two predicts differ, resetStates brings back the first',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 1, stateful: true }) as never, batchInputShape: [1, 2, 1] });
      const m = tf.sequential({ layers: [b] });
      fix(tf, m);
      const x = seq(tf, [1, 2, 1]);
      const a = m.predict(x);
      const c = m.predict(x);
      m.resetStates();
      return [a, c, m.predict(x)];
    },
  },
];

const td: Program[] = [
  {
    name: 'timeDistributed dense with activation over a sequence, and its output shape',
    run: (tf) => {
      const l = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, activation: 'tanh' }) });
      ready(tf, l, [2, 3, 4]);
      fix(tf, l);
      return [l.computeOutputShape([2, 3, 4]), l.apply(seq(tf, [2, 3, 4]))];
    },
  },
  {
    name: 'timeDistributed flatten over a sequence of images, then an lstm',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.timeDistributed({ layer: tf.layers.flatten(), inputShape: [3, 2, 2, 1] }),
        tf.layers.lstm({ units: 2 }),
      ] });
      fix(tf, m);
      return [m.layers[0].outputShape, m.predict(seq(tf, [2, 3, 2, 2, 1]))];
    },
  },
  {
    name: 'timeDistributed conv2d with same padding and strides, then timeDistributed maxPooling2d',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.timeDistributed({ layer: tf.layers.conv2d({ filters: 2, kernelSize: 2, padding: 'same', strides: 2 }), inputShape: [2, 4, 4, 1] }),
        tf.layers.timeDistributed({ layer: tf.layers.maxPooling2d({ poolSize: 2 }) }),
      ] });
      fix(tf, m);
      return [m.layers.map((l) => l.outputShape), m.predict(seq(tf, [1, 2, 4, 4, 1]))];
    },
  },
  {
    name: 'timeDistributed dense over a variable-length time axis: two lengths predicted',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }), inputShape: [null, 2] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.predict(seq(tf, [1, 2, 2])), m.predict(seq(tf, [2, 5, 2]))];
    },
  },
  {
    name: 'timeDistributed without a layer is refused; over a layer with weights it shares them across steps',
    run: (tf) => {
      const l = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1, kernelInitializer: 'ones', useBias: false }) });
      return [
        attempt(() => (tf.layers.timeDistributed({} as never).apply(tf.zeros([1, 2, 2])) as Tensor).shape),
        l.apply(tf.tensor3d([[[1, 2], [3, 4], [5, 6]]])),
        l.getWeights().length,
      ];
    },
  },
  {
    name: 'fit an lstm with returnSequences into timeDistributed dense: losses over three epochs',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.lstm({ units: 3, returnSequences: true, inputShape: [4, 2] }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }),
      ] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
      const h = await m.fit(seq(tf, [4, 4, 2]), seq(tf, [4, 4, 1], (i) => Math.sin(i)), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return h.history.loss;
    },
  },
];

const masks: Program[] = [
  {
    name: 'embedding(maskZero) into simpleRNN with returnState: the state is the last unmasked step',
    run: (tf) => {
      const x = tf.input({ shape: [5] });
      const e = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(x);
      const outs = tf.layers.simpleRNN({ units: 2, returnState: true, returnSequences: true }).apply(e) as SymbolicTensor[];
      const m = tf.model({ inputs: x, outputs: outs });
      fix(tf, m);
      return m.predict(ids(tf));
    },
  },
  {
    name: 'embedding(maskZero) into lstm with returnState: both states stop at the last unmasked step',
    run: (tf) => {
      const x = tf.input({ shape: [5] });
      const e = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(x);
      const outs = tf.layers.lstm({ units: 2, returnState: true }).apply(e) as SymbolicTensor[];
      const m = tf.model({ inputs: x, outputs: outs });
      fix(tf, m);
      return m.predict(ids(tf));
    },
  },
  {
    name: 'embedding(maskZero) into gru with resetAfter, returnSequences and goBackwards',
    run: (tf) => maskedModel(tf, [tf.layers.gru({ units: 2, resetAfter: true, returnSequences: true, goBackwards: true })]).predict(ids(tf)),
  },
  {
    name: 'embedding(maskZero) into rnn over stacked cells with returnSequences',
    run: (tf) => maskedModel(tf, [tf.layers.rnn({ cell: [tf.layers.gruCell({ units: 2 }), tf.layers.lstmCell({ units: 2 })], returnSequences: true })]).predict(ids(tf)),
  },
  {
    name: 'embedding(maskZero) into an unrolled lstm equals the rolled one',
    run: (tf) => [
      maskedModel(tf, [tf.layers.lstm({ units: 2, unroll: true, returnSequences: true })]).predict(ids(tf)),
      maskedModel(tf, [tf.layers.lstm({ units: 2, returnSequences: true })]).predict(ids(tf)),
    ],
  },
  {
    name: 'embedding(maskZero) into a stacked lstm pair: the mask passes from the first to the second',
    run: (tf) => maskedModel(tf, [tf.layers.lstm({ units: 2, returnSequences: true }), tf.layers.simpleRNN({ units: 2 })]).predict(ids(tf)),
  },
  {
    name: 'embedding(maskZero) into bidirectional simpleRNN with mergeMode sum, not returning sequences',
    run: (tf) => maskedModel(tf, [tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2 }) as never, mergeMode: 'sum' })]).predict(ids(tf)),
  },
  {
    name: 'masking layer with maskValue 0 before a gru, with whole-zero steps at the start and the middle',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.masking({ maskValue: 0, inputShape: [4, 2] }), tf.layers.gru({ units: 2, returnSequences: true })] });
      fix(tf, m);
      return m.predict(tf.tensor3d([[[0, 0], [1, 2], [0, 0], [3, -1]], [[1, 0], [0, 0], [0, 1], [0, 0]]]));
    },
  },
  {
    name: 'a stateful lstm over a masked embedding: masked steps keep the carried state',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, stateful: true });
      const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, batchInputShape: [3, 5] }), l] });
      fix(tf, m);
      const a = m.predict(ids(tf));
      const b = m.predict(ids(tf));
      return [a, b];
    },
  },
  {
    name: 'an explicit mask passed to simpleRNN.apply on tensors, with returnSequences',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 2, returnSequences: true });
      ready(tf, l, [2, 4, 2]);
      fix(tf, l);
      const mask = tf.tensor2d([[1, 0, 1, 1], [0, 0, 1, 0]], [2, 4], 'bool');
      return [l.apply(seq(tf, [2, 4, 2]), { mask }), l.computeMask(seq(tf, [2, 4, 2]), mask)];
    },
  },
  {
    name: 'embedding maskZero computeMask of ids, and of ids with no pads; an embedding without maskZero gives none',
    run: (tf) => {
      const a = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true });
      const b = tf.layers.embedding({ inputDim: 5, outputDim: 2 });
      return [a.computeMask(ids(tf)), a.computeMask(tf.tensor2d([[1, 2]])), b.computeMask(ids(tf))];
    },
  },
  {
    name: 'embedding with maskZero: outputs for id 0 are still looked up; ids out of range',
    run: (tf) => {
      const e = tf.layers.embedding({ inputDim: 3, outputDim: 2, maskZero: true, embeddingsInitializer: tf.initializers.constant({ value: 0.25 }) });
      return [e.apply(tf.tensor2d([[0, 1, 2]])), attempt(() => (e.apply(tf.tensor2d([[1, 2]])) as Tensor).shape)];
    },
  },
  {
    name: 'masked embedding, lstm with returnSequences, then timeDistributed dense: the outputs at pads',
    run: (tf) => maskedModel(tf, [tf.layers.lstm({ units: 2, returnSequences: true }), tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) })]).predict(ids(tf)),
  },
];

const grads: Program[] = [
  {
    name: 'gradient of a squared-sum loss through simpleRNN, gru and lstm with respect to the input',
    run: (tf) => {
      const x = seq(tf, [2, 3, 2]);
      return [tf.layers.simpleRNN({ units: 2 }), tf.layers.gru({ units: 2 }), tf.layers.lstm({ units: 2 })].map((l) => {
        ready(tf, l, [2, 3, 2]);
        fix(tf, l);
        return tf.grad((t: Tensor) => (l.apply(t) as Tensor).square().sum())(x);
      });
    },
  },
  {
    name: 'gradients through goBackwards and returnSequences of an lstm, and through a bidirectional gru',
    run: (tf) => {
      const x = seq(tf, [1, 4, 2]);
      const a = tf.layers.lstm({ units: 2, goBackwards: true, returnSequences: true });
      const b = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2 }) as never, mergeMode: 'mul' });
      ready(tf, a, [1, 4, 2]); ready(tf, b, [1, 4, 2]);
      fix(tf, a); fix(tf, b);
      const w = tf.tensor1d([1, -2]);
      return [
        tf.grad((t: Tensor) => tf.mul(a.apply(t) as Tensor, w).sum())(x),
        tf.grad((t: Tensor) => (b.apply(t) as Tensor).sum())(x),
      ];
    },
  },
  {
    name: 'gradients of a loss on model.apply with respect to an initial state of a gru',
    run: (tf) => {
      const l = tf.layers.gru({ units: 2, resetAfter: true });
      ready(tf, l, [1, 3, 2]);
      fix(tf, l);
      const x = seq(tf, [1, 3, 2]);
      return tf.grads((h: Tensor, t: Tensor) => (l.apply(t, { initialState: [h] }) as Tensor).square().sum())([tf.tensor2d([[0.3, -0.4]]), x]);
    },
  },
  {
    name: 'variableGrads of an lstm model loss: one gradient per weight, in weight order',
    run: (tf) => {
      const m = seqModel(tf, [tf.layers.lstm({ units: 2 }), tf.layers.dense({ units: 1 })], [3, 2]);
      const x = seq(tf, [2, 3, 2]);
      const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(tf.tensor2d([[1], [-1]]), m.apply(x) as Tensor) as never);
      return [value, Object.values(grads).map((g) => g.shape), Object.values(grads)];
    },
  },
  {
    name: 'gradients through a masked embedding and simpleRNN reach only the embeddings of the ids used',
    run: (tf) => {
      const m = maskedModel(tf, [tf.layers.simpleRNN({ units: 2 })]);
      const { grads } = tf.variableGrads(() => (m.apply(tf.tensor2d([[0, 1, 3, 0, 1]])) as Tensor).sum() as never);
      return Object.values(grads);
    },
  },
  {
    name: 'gradients through convLstm2d with respect to the input',
    run: (tf) => {
      const l = tf.layers.convLstm2d({ filters: 1, kernelSize: 2, padding: 'same' });
      ready(tf, l, [1, 2, 3, 3, 1]);
      fix(tf, l, 0.3);
      return tf.grad((t: Tensor) => (l.apply(t) as Tensor).sum())(seq(tf, [1, 2, 3, 3, 1]));
    },
  },
  {
    name: 'gradients through an unrolled simpleRNN and a stack of cells equal their rolled forms',
    run: (tf) => {
      const x = seq(tf, [1, 3, 2]);
      return [true, false].map((unroll) => {
        const l = tf.layers.rnn({ cell: [tf.layers.simpleRNNCell({ units: 2 }), tf.layers.gruCell({ units: 2 })], unroll });
        ready(tf, l, [1, 3, 2]);
        fix(tf, l);
        return tf.grad((t: Tensor) => (l.apply(t) as Tensor).square().sum())(x);
      });
    },
  },
];

const training: Program[] = [
  {
    name: 'fit a simpleRNN regressor with sgd: losses for four epochs and the trained recurrent kernel',
    run: async (tf) => {
      const m = seqModel(tf, [tf.layers.simpleRNN({ units: 3 }), tf.layers.dense({ units: 1 })], [5, 1]);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = seq(tf, [6, 5, 1]);
      const y = tf.sum(x, 1);
      const h = await m.fit(x, y, { epochs: 4, batchSize: 3, shuffle: false, verbose: 0 });
      return [h.history.loss, m.getWeights()[1]];
    },
  },
  {
    name: 'fit a gru classifier with adam and categoricalCrossentropy: loss and accuracy per epoch',
    run: async (tf) => {
      const m = seqModel(tf, [tf.layers.gru({ units: 4, resetAfter: true }), tf.layers.dense({ units: 3, activation: 'softmax' })], [4, 2]);
      m.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const x = seq(tf, [6, 4, 2], (i) => Math.sin(0.7 * i));
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3);
      const h = await m.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history.loss, h.history.acc];
    },
  },
  {
    name: 'fit an lstm with rmsprop and validationSplit: loss and val_loss',
    run: async (tf) => {
      const m = seqModel(tf, [tf.layers.lstm({ units: 3, recurrentActivation: 'sigmoid' }), tf.layers.dense({ units: 1 })], [3, 2]);
      m.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'meanAbsoluteError' });
      const x = seq(tf, [8, 3, 2]);
      const h = await m.fit(x, seq(tf, [8, 1], (i) => i / 8), { epochs: 3, batchSize: 4, shuffle: false, validationSplit: 0.25, verbose: 0 });
      return [h.history.loss, h.history.val_loss];
    },
  },
  {
    name: 'fit a bidirectional lstm with binaryCrossentropy: losses and the trained backward bias',
    run: async (tf) => {
      const m = seqModel(tf, [tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }) as never }), tf.layers.dense({ units: 1, activation: 'sigmoid' })], [3, 1]);
      m.compile({ optimizer: tf.train.sgd(0.3), loss: 'binaryCrossentropy' });
      const h = await m.fit(seq(tf, [4, 3, 1]), tf.tensor2d([[1], [0], [1], [0]]), { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
      return [h.history.loss, m.getWeights()[5]];
    },
  },
  {
    name: 'fit an embedding(maskZero) into gru text classifier: losses over three epochs',
    run: async (tf) => {
      const m = maskedModel(tf, [tf.layers.gru({ units: 3 }), tf.layers.dense({ units: 2, activation: 'softmax' })]);
      m.compile({ optimizer: tf.train.adam(0.02), loss: 'sparseCategoricalCrossentropy' });
      const h = await m.fit(ids(tf), tf.tensor1d([0, 1, 1]), { epochs: 3, batchSize: 3, shuffle: false, verbose: 0 });
      return [h.history.loss, m.getWeights()[0]];
    },
  },
  {
    name: 'fit a convLstm2d with sgd for two epochs: losses',
    run: async (tf) => {
      const m = seqModel(tf, [tf.layers.convLstm2d({ filters: 2, kernelSize: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 1 })], [2, 3, 3, 1]);
      m.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const h = await m.fit(seq(tf, [2, 2, 3, 3, 1]), tf.tensor2d([[0.5], [-0.5]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return h.history.loss;
    },
  },
  {
    name: 'fit an rnn over stacked cells with momentum: losses, then evaluate',
    run: async (tf) => {
      const m = seqModel(tf, [tf.layers.rnn({ cell: [tf.layers.simpleRNNCell({ units: 3 }), tf.layers.lstmCell({ units: 2 })] }), tf.layers.dense({ units: 1 })], [3, 2]);
      m.compile({ optimizer: tf.train.momentum(0.1, 0.9), loss: 'meanSquaredError' });
      const x = seq(tf, [4, 3, 2]);
      const y = tf.tensor2d([[1], [0], [-1], [0.5]]);
      const h = await m.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history.loss, m.evaluate(x, y)];
    },
  },
  {
    name: 'trainOnBatch on a simpleRNN with goBackwards: the losses of three calls',
    run: async (tf) => {
      const m = seqModel(tf, [tf.layers.simpleRNN({ units: 2, goBackwards: true }), tf.layers.dense({ units: 1 })], [3, 1]);
      m.compile({ optimizer: tf.train.sgd(0.2), loss: 'meanSquaredError' });
      const x = seq(tf, [2, 3, 1]);
      const y = tf.tensor2d([[1], [-1]]);
      const out: unknown[] = [];
      for (let i = 0; i < 3; i++) out.push(await m.trainOnBatch(x, y));
      return out;
    },
  },
  {
    name: 'a frozen lstm (trainable false) keeps its weights through fit while the dense head trains',
    run: async (tf) => {
      const l = tf.layers.lstm({ units: 2 });
      const m = seqModel(tf, [l, tf.layers.dense({ units: 1 })], [3, 1]);
      l.trainable = false;
      m.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
      const before = l.getWeights()[0];
      const h = await m.fit(seq(tf, [2, 3, 1]), tf.tensor2d([[1], [0]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history.loss, tf.sub(l.getWeights()[0], before).abs().sum(), m.trainableWeights.length, m.nonTrainableWeights.length];
    },
  },
];

const configs: Program[] = [
  {
    name: 'getConfig of simpleRNN, gru and lstm with every option set, by name',
    run: (tf) => [
      tf.layers.simpleRNN({ units: 2, activation: 'relu', useBias: false, dropout: 0.1, recurrentDropout: 0.2, returnSequences: true, returnState: true, goBackwards: true, stateful: false, unroll: true, name: 'gc_s29' }).getConfig(),
      tf.layers.gru({ units: 3, recurrentActivation: 'sigmoid', resetAfter: true, implementation: 2, kernelInitializer: 'heNormal', recurrentInitializer: 'glorotUniform', name: 'gc_g29' }).getConfig(),
      tf.layers.lstm({ units: 1, unitForgetBias: false, implementation: 1, biasInitializer: 'ones', activation: 'softsign', name: 'gc_l29' }).getConfig(),
    ],
  },
  {
    name: 'a model with gru, lstm and simpleRNN remade from toJSON by modelFromJSON predicts the same',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.gru({ units: 3, resetAfter: true, returnSequences: true, inputShape: [3, 2], name: 'fj_g' }),
        tf.layers.lstm({ units: 2, goBackwards: true, returnSequences: true, name: 'fj_l' }),
        tf.layers.simpleRNN({ units: 1, name: 'fj_s' }),
      ] });
      fix(tf, m);
      const n = await tf.models.modelFromJSON({ modelTopology: m.toJSON(null, false) as never });
      n.setWeights(m.getWeights());
      const x = seq(tf, [2, 3, 2]);
      return [n.layers.map((l) => l.getConfig()), m.predict(x), n.predict(x)];
    },
  },
  {
    name: 'save and load a gru resetAfter model and a stacked-cells rnn model: weightSpecs and predictions',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.gru({ units: 2, resetAfter: true, returnSequences: true, inputShape: [3, 2], name: 'sv_g' }),
        tf.layers.rnn({ cell: [tf.layers.lstmCell({ units: 2, name: 'sv_c1' }), tf.layers.simpleRNNCell({ units: 1, name: 'sv_c2' })], name: 'sv_r' }),
      ] });
      fix(tf, m);
      const art = await saveToMemory(tf, m);
      const n = await tf.loadLayersModel(tf.io.fromMemory(art));
      const x = seq(tf, [2, 3, 2]);
      return [art.weightSpecs?.map((s) => [s.name, s.shape]), m.predict(x), n.predict(x)];
    },
  },
  {
    name: 'save and load a convLstm2d model and a timeDistributed conv2d model',
    run: async (tf) => {
      const a = tf.sequential({ layers: [tf.layers.convLstm2d({ filters: 2, kernelSize: 2, returnSequences: true, inputShape: [2, 3, 3, 1], name: 'sv_cl' })] });
      const b = tf.sequential({ layers: [tf.layers.timeDistributed({ layer: tf.layers.conv2d({ filters: 2, kernelSize: 2, name: 'sv_tc' }), inputShape: [2, 3, 3, 1], name: 'sv_td' })] });
      fix(tf, a); fix(tf, b);
      const x = seq(tf, [1, 2, 3, 3, 1]);
      const la = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, a)));
      const lb = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, b)));
      return [la.predict(x), a.predict(x), lb.predict(x), b.predict(x), la.layers[0].getConfig().filters, lb.layers[0].getClassName()];
    },
  },
  {
    name: 'a stateful lstm saved and loaded is stateful again, with the batch size of its batchInputShape',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 3, 1], name: 'st_l' })] });
      fix(tf, m);
      const n = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, m)));
      const x = seq(tf, [2, 3, 1]);
      const first = n.predict(x);
      const second = n.predict(x);
      return [n.layers[0].getConfig().stateful, n.inputs[0].shape, first, second];
    },
  },
  {
    name: 'layer.toJSON of a bidirectional gru and of an rnn over stackedRNNCells, as text parsed back',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, name: 'tj_g' }) as never, mergeMode: 'sum', name: 'tj_b' });
      const r = tf.layers.rnn({ cell: tf.layers.stackedRNNCells({ cells: [tf.layers.gruCell({ units: 1, name: 'tj_c' })], name: 'tj_st' }), name: 'tj_r' });
      return [b.getConfig(), r.getConfig()];
    },
  },
  {
    name: 'a gru remade from its own getConfig given as arguments computes the same',
    run: (tf) => {
      const g = tf.layers.gru({ units: 2, resetAfter: true, name: 'ds_g' });
      ready(tf, g, [1, 2, 2]);
      fix(tf, g);
      const copy = attempt(() => tf.layers.gru(g.getConfig() as never)) as Layer;
      if (typeof copy === 'string') return copy;
      ready(tf, copy, [1, 2, 2]);
      copy.setWeights(g.getWeights());
      const x = seq(tf, [1, 2, 2]);
      return [copy.getClassName(), copy.apply(x), g.apply(x)];
    },
  },
];

const errors: Program[] = [
  {
    name: 'an lstm built by calling build() directly, then counted and applied',
    deviation: "TF.js 4.22's RNN.build builds the cell but leaves the layer unbuilt, so countParams() after it says the layer is not built and apply() builds the cell again and throws 'Duplicate weight name kernel'; tessera's build marks the layer built, as Keras's does",
    run: (tf) => {
      const l = tf.layers.lstm({ units: 1, kernelInitializer: 'ones', recurrentInitializer: 'zeros' });
      l.build([1, 2, 1]);
      return [l.countParams(), l.apply(tf.ones([1, 2, 1]))];
    },
  },
  {
    name: 'an lstm applied to a rank-2 and a rank-4 tensor is refused; a gru built for 3 features refuses 2',
    run: (tf) => {
      const g = tf.layers.gru({ units: 2 });
      g.apply(tf.zeros([1, 2, 3]));
      return [
        attempt(() => tf.layers.lstm({ units: 2 }).apply(tf.zeros([2, 3]))),
        attempt(() => tf.layers.lstm({ units: 2 }).apply(tf.zeros([1, 2, 3, 4]))),
        attempt(() => g.apply(tf.zeros([1, 2, 2]))),
      ];
    },
  },
  {
    name: 'a sequential with an lstm whose inputShape has one number is refused',
    run: (tf) => attempt(() => tf.sequential({ layers: [tf.layers.lstm({ units: 2, inputShape: [3] })] }).outputs[0].shape),
  },
  {
    name: 'a stateful simpleRNN predicted with another batch size than its batchInputShape is refused',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, stateful: true, batchInputShape: [2, 3, 1] })] });
      return [attempt(() => (m.predict(tf.zeros([3, 3, 1])) as Tensor).shape), attempt(() => (m.predict(tf.zeros([2, 3, 1])) as Tensor).shape)];
    },
  },
  {
    name: 'a gru with returnState whose symbolic outputs are used as one tensor in a dense is refused',
    run: (tf) => {
      const x = tf.input({ shape: [3, 2] });
      const outs = tf.layers.gru({ units: 2, returnState: true }).apply(x);
      return [Array.isArray(outs) ? outs.length : 1, attempt(() => S(tf.layers.dense({ units: 1 }).apply(outs as SymbolicTensor[])).shape)];
    },
  },
  {
    name: 'an embedding given a rank-1 input, and embedding-into-lstm with the wrong inputLength, is refused',
    run: (tf) => [
      attempt(() => (tf.layers.embedding({ inputDim: 4, outputDim: 2 }).apply(tf.tensor1d([1, 2])) as Tensor).shape),
      attempt(() => (tf.sequential({ layers: [tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 3 }), tf.layers.lstm({ units: 1 })] }).predict(tf.tensor2d([[1, 2]])) as Tensor).shape),
    ],
  },
  {
    name: 'timeDistributed over a dense given a rank-2 symbolic input, and a convLstm2d given a sequence of rows, are refused',
    run: (tf) => [
      attempt(() => S(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) }).apply(tf.input({ shape: [2] }))).shape),
      attempt(() => S(tf.layers.convLstm2d({ filters: 1, kernelSize: 1 }).apply(tf.input({ shape: [2, 3] }))).shape),
    ],
  },
  {
    name: 'masking before a stateful gru needs the batch size; a symbolic initialState with a tensor input is refused',
    run: (tf) => {
      const l = tf.layers.simpleRNN({ units: 2 });
      return [
        attempt(() => tf.sequential({ layers: [tf.layers.masking({ inputShape: [3, 1] }), tf.layers.gru({ units: 1, stateful: true })] }).outputs[0].shape),
        attempt(() => (l.apply(tf.zeros([1, 3, 1]), { initialState: [tf.input({ shape: [2] })] as never }) as Tensor).shape),
      ];
    },
  },
];

const more: Program[] = [
  {
    name: 'gru and lstm with every activation name as activation and as recurrentActivation: last outputs',
    run: (tf) => {
      const x = seq(tf, [1, 3, 2], (i) => 1.3 * Math.sin(i + 0.5));
      const names = ['elu', 'selu', 'relu', 'relu6', 'linear', 'sigmoid', 'hardSigmoid', 'softplus', 'softsign', 'tanh', 'softmax', 'swish', 'mish', 'gelu'] as const;
      return names.map((name) => {
        const opts = { units: 3, activation: name, recurrentActivation: name, kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }), recurrentInitializer: tf.initializers.glorotUniform({ seed: 12 }), biasInitializer: tf.initializers.constant({ value: 0.1 }) };
        return attempt(() => [tf.layers.gru(opts).apply(x), tf.layers.lstm(opts).apply(x)]);
      });
    },
  },
  {
    name: 'simpleRNN given inputDim and inputLength instead of an inputShape in a sequential model',
    deviation: "TF.js 4.22 documents inputDim and inputLength for recurrent layers but ignores them, so a sequential model whose first layer gives only them throws 'must get an inputShape'; tessera takes [inputLength, inputDim] as the input shape, as Keras does",
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, inputDim: 3, inputLength: 4, name: 'idl' })] });
      fix(tf, m);
      return [m.inputs[0].shape, m.outputs[0].shape, m.predict(seq(tf, [2, 4, 3]))];
    },
  },
  {
    name: 'the states of a layer that is not stateful, and of a stateful one before any call',
    run: (tf) => {
      const a = tf.layers.lstm({ units: 2 });
      a.apply(tf.zeros([1, 2, 1]));
      const b = tf.layers.gru({ units: 2, stateful: true, batchInputShape: [3, 2, 1] });
      tf.sequential({ layers: [b] });
      return [a.states.map((s) => (s === null ? null : s.shape)), b.states.map((s) => (s === null ? null : s.arraySync()))];
    },
  },
  {
    name: 'computeOutputShape of lstm, gru and rnn over a stack with returnState and returnSequences',
    run: (tf) => [
      tf.layers.lstm({ units: 3, returnState: true }).computeOutputShape([null, 5, 2]),
      tf.layers.gru({ units: 2, returnState: true, returnSequences: true }).computeOutputShape([4, 5, 2]),
      tf.layers.rnn({ cell: [tf.layers.lstmCell({ units: 2 }), tf.layers.simpleRNNCell({ units: 4 })], returnState: true }).computeOutputShape([null, 3, 1]),
      tf.layers.convLstm2d({ filters: 2, kernelSize: 3, padding: 'same', returnState: true }).computeOutputShape([null, 2, 5, 5, 1]),
    ],
  },
  {
    name: 'the cell of an lstm layer: its class name, units and weights are the layer\'s',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, name: 'cell_of' });
      l.apply(tf.zeros([1, 2, 3]));
      const cell = (l as unknown as { cell: Layer }).cell;
      return [cell.getClassName(), (cell.getConfig() as { units: number }).units, cell.getWeights().map((w) => w.shape), l.getWeights().length];
    },
  },
  {
    name: 'timeDistributed over an lstm: a sequence of sequences gives one output per outer step',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.timeDistributed({ layer: tf.layers.lstm({ units: 2 }), inputShape: [3, 4, 2] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.predict(seq(tf, [2, 3, 4, 2]))];
    },
  },
  {
    name: 'timeDistributed over a sequential model of two dense layers',
    run: (tf) => {
      const inner = tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'relu', inputShape: [2] }), tf.layers.dense({ units: 1 })] });
      const m = tf.sequential({ layers: [tf.layers.timeDistributed({ layer: inner as unknown as Layer, inputShape: [4, 2] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.getWeights().length, m.predict(seq(tf, [2, 4, 2]))];
    },
  },
  {
    name: 'timeDistributed over batchNormalization and dropout at inference, and over embedding of id sequences',
    run: (tf) => {
      const a = tf.sequential({ layers: [tf.layers.timeDistributed({ layer: tf.layers.batchNormalization(), inputShape: [3, 2] }), tf.layers.timeDistributed({ layer: tf.layers.dropout({ rate: 0.5 }) })] });
      fix(tf, a, 0.5);
      const e = tf.layers.timeDistributed({ layer: tf.layers.embedding({ inputDim: 5, outputDim: 2, embeddingsInitializer: tf.initializers.constant({ value: 0.5 }) }) });
      return [a.predict(seq(tf, [2, 3, 2])), attempt(() => e.apply(tf.tensor3d([[[1, 2], [3, 4]]])))];
    },
  },
  {
    name: 'a bidirectional gru inside timeDistributed',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.timeDistributed({ layer: tf.layers.bidirectional({ layer: tf.layers.gru({ units: 1 }) as never, mergeMode: 'sum' }), inputShape: [2, 3, 2] })] });
      fix(tf, m);
      return [m.outputs[0].shape, m.predict(seq(tf, [1, 2, 3, 2]))];
    },
  },
  {
    name: 'embedding of a rank-3 id tensor and of int32 ids: one row per id',
    run: (tf) => {
      const e = tf.layers.embedding({ inputDim: 4, outputDim: 2 });
      e.apply(tf.zeros([1, 1]));
      fix(tf, e);
      return [e.apply(tf.tensor3d([[[1, 2], [3, 0]]])), e.apply(tf.tensor2d([[1, 2, 0]], [1, 3], 'int32'))];
    },
  },
  {
    name: 'embedding of an id at inputDim, and of a negative id',
    run: (tf) => {
      const e = tf.layers.embedding({ inputDim: 3, outputDim: 2, embeddingsInitializer: 'ones' });
      return [attempt(() => (e.apply(tf.tensor2d([[1, 3]])) as Tensor).arraySync()), attempt(() => (e.apply(tf.tensor2d([[-1, 0]])) as Tensor).arraySync())];
    },
  },
  {
    name: 'embedding with an embeddingsRegularizer: the penalty in the losses fit reports, and the trained embeddings',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 3, embeddingsRegularizer: tf.regularizers.l2({ l2: 0.1 }) }),
        tf.layers.simpleRNN({ units: 1 }),
      ] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await m.fit(tf.tensor2d([[1, 2, 3], [0, 3, 1]]), tf.tensor2d([[1], [0]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history.loss, m.getWeights()[0]];
    },
  },
  {
    name: 'getConfig of embedding with maskZero, inputLength, initializer, regularizer and constraint',
    run: (tf) => tf.layers.embedding({ inputDim: 6, outputDim: 3, maskZero: true, inputLength: 4, embeddingsInitializer: 'randomNormal', embeddingsRegularizer: 'l1l2', embeddingsConstraint: 'unitNorm', name: 'emb_cfg' }).getConfig(),
  },
  {
    name: 'recurrent layers refuse units that are missing, zero, negative or fractional',
    run: (tf) => [undefined, 0, -2, 1.5].map((units) => [
      attempt(() => (tf.layers.simpleRNN({ units } as never).apply(tf.zeros([1, 2, 2])) as Tensor).shape),
      attempt(() => (tf.layers.lstm({ units } as never).apply(tf.zeros([1, 2, 2])) as Tensor).shape),
      attempt(() => (tf.layers.gru({ units } as never).apply(tf.zeros([1, 2, 2])) as Tensor).shape),
    ]),
  },
  {
    name: 'dropout and recurrentDropout of 1 drop nothing, even in training: their config, and the outputs',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 1, dropout: 1, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const s = tf.layers.simpleRNN({ units: 1, dropout: 1, recurrentDropout: 1, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const g = tf.layers.gru({ units: 1, recurrentDropout: 1, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const x = tf.ones([1, 2, 1]);
      return [l.getConfig().dropout, s.getConfig().recurrentDropout, l.apply(x, { training: true }), s.apply(x, { training: true }), g.apply(x, { training: true }), g.apply(x)];
    },
  },
  {
    name: 'dropout and recurrentDropout outside [0, 1]',
    deviation: 'TF.js 4.22 clips a dropout or recurrentDropout rate outside [0, 1] to it without a word (1.5 becomes 1, -0.5 becomes 0); tessera refuses it, naming the argument, as the design has every entry point check its arguments',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 1, dropout: 1.5, recurrentDropout: -0.5 });
      return [l.getConfig().dropout, l.getConfig().recurrentDropout];
    },
  },
  {
    name: 'a stateful bidirectional lstm: resetStates with no argument, then predict matches a fresh model',
    run: (tf) => {
      const make = () => {
        const m = tf.sequential({ layers: [tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 1, stateful: true, returnSequences: true }) as never, batchInputShape: [2, 3, 1] })] });
        fix(tf, m);
        return m;
      };
      const a = make();
      const x = seq(tf, [2, 3, 1]);
      a.predict(x);
      a.resetStates();
      return [a.predict(x), make().predict(x)];
    },
  },
  {
    name: 'rnn over an lstmCell, stateful, with resetStates given both states',
    run: (tf) => {
      const l = tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 2 }), stateful: true, batchInputShape: [1, 2, 1] });
      const m = tf.sequential({ layers: [l] });
      fix(tf, m);
      l.resetStates([tf.tensor2d([[1, -1]]), tf.tensor2d([[0.5, 0.5]])]);
      const a = m.predict(seq(tf, [1, 2, 1]));
      return [a, l.states.map((s) => s && s.arraySync())];
    },
  },
  {
    name: 'convLstm2d stateful: a second predict continues; resetStates clears',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.convLstm2d({ filters: 1, kernelSize: 2, padding: 'same', stateful: true, batchInputShape: [1, 2, 3, 3, 1] })] });
      fix(tf, m, 0.3);
      const x = seq(tf, [1, 2, 3, 3, 1]);
      const a = m.predict(x);
      const b = m.predict(x);
      m.resetStates();
      return [a, b, m.predict(x)];
    },
  },
  {
    name: 'convLstm2d with channelsFirst data',
    run: (tf) => attempt(() => {
      const l = tf.layers.convLstm2d({ filters: 2, kernelSize: 2, dataFormat: 'channelsFirst', kernelInitializer: 'ones', recurrentInitializer: 'zeros' });
      const y = l.apply(seq(tf, [1, 2, 1, 3, 3])) as Tensor;
      return [y.shape, y];
    }),
  },
  {
    name: 'convLstm2d after a masking layer: each pixel whose channels all equal maskValue keeps its previous output and states',
    run: (tf) => {
      const x = tf.tensor5d([[[[[1], [2]], [[3], [4]]], [[[0], [0]], [[0], [0]]], [[[1], [0]], [[0], [1]]]]]);
      return [{ returnSequences: true }, { goBackwards: true }].map((o) => attempt(() => {
        const m = tf.sequential({ layers: [tf.layers.masking({ maskValue: 0, inputShape: [3, 2, 2, 1] }), tf.layers.convLstm2d({ filters: 2, kernelSize: 1, ...o })] });
        fix(tf, m, 0.5);
        return m.predict(x);
      }));
    },
  },
  {
    name: 'gru trainable false: no trainable weights, getWeights(true) is empty, predictions unchanged',
    run: (tf) => {
      const l = tf.layers.gru({ units: 2, trainable: false });
      const m = seqModel(tf, [l], [2, 2]);
      return [l.trainableWeights.length, l.nonTrainableWeights.length, l.getWeights(true).length, m.predict(seq(tf, [1, 2, 2]))];
    },
  },
  {
    name: 'stackedRNNCells getWeights and setWeights across its cells',
    deviation: "TF.js 4.22's StackedRNNCells.setWeights takes each cell's share with weights.splice(numParams), the tail of the list after the cell's count rather than its head, so the first cell is given later cells' weights (here a shape mismatch is thrown); tessera gives each cell its own weights in getWeights order",
    run: (tf) => {
      const s = tf.layers.stackedRNNCells({ cells: [tf.layers.simpleRNNCell({ units: 1 }), tf.layers.gruCell({ units: 1 })] });
      s.build([1, 2]);
      fix(tf, s);
      return [s.getWeights(), s.countParams(), s.trainableWeights.length];
    },
  },
  {
    name: 'an lstm model fit with a masked embedding and evaluate on padded ids: loss and mse metric',
    run: async (tf) => {
      const m = maskedModel(tf, [tf.layers.lstm({ units: 2 }), tf.layers.dense({ units: 1 })]);
      m.compile({ optimizer: tf.train.adagrad(0.2), loss: 'meanSquaredError', metrics: ['mse'] });
      const h = await m.fit(ids(tf), tf.tensor2d([[1], [0], [-1]]), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history.loss, h.history.mse, m.evaluate(ids(tf), tf.tensor2d([[1], [0], [-1]]))];
    },
  },
  {
    name: 'a seq2seq encoder-decoder: encoder lstm states start the decoder lstm; fit two epochs',
    run: async (tf) => {
      const encIn = tf.input({ shape: [3, 2] });
      const [, h, c] = tf.layers.lstm({ units: 3, returnState: true, name: 's2s_enc' }).apply(encIn) as SymbolicTensor[];
      const decIn = tf.input({ shape: [2, 2] });
      const dec = tf.layers.lstm({ units: 3, returnSequences: true, name: 's2s_dec' }).apply(decIn, { initialState: [h, c] });
      const out = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, activation: 'softmax' }) }).apply(dec);
      const m = tf.model({ inputs: [encIn, decIn], outputs: S(out) });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
      const y = tf.oneHot(tf.tensor2d([[0, 1], [1, 1]], [2, 2], 'int32'), 2);
      const h2 = await m.fit([seq(tf, [2, 3, 2]), seq(tf, [2, 2, 2], (i) => Math.sin(i))], y, { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return [h2.history.loss, m.predict([seq(tf, [1, 3, 2]), seq(tf, [1, 2, 2])])];
    },
  },
  {
    name: 'a gru fit with a validationData of padded sequences and returnSequences targets',
    run: async (tf) => {
      const m = seqModel(tf, [tf.layers.gru({ units: 2, returnSequences: true, resetAfter: true }), tf.layers.dense({ units: 1, activation: 'sigmoid' })], [3, 1]);
      m.compile({ optimizer: tf.train.adam(0.1), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const x = seq(tf, [4, 3, 1]);
      const y = tf.tensor3d([[[1], [0], [1]], [[0], [0], [1]], [[1], [1], [1]], [[0], [1], [0]]]);
      const h = await m.fit(x, y, { epochs: 2, batchSize: 2, shuffle: false, verbose: 0, validationData: [x.slice(0, 2), y.slice(0, 2)] });
      return [h.history.loss, h.history.acc, h.history.val_loss, h.history.val_acc];
    },
  },
];

const beyond: Program[] = [
  {
    name: 'bidirectional lstm over a masked embedding with returnState: merged output, then both directions\' states',
    run: (tf) => {
      const x = tf.input({ shape: [5] });
      const e = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(x);
      const outs = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, returnState: true }) as never, mergeMode: 'ave' }).apply(e) as SymbolicTensor[];
      const m = tf.model({ inputs: x, outputs: outs });
      fix(tf, m);
      return [outs.length, m.predict(ids(tf))];
    },
  },
  {
    name: 'bidirectional around a gru that itself goes backwards',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, goBackwards: true, returnSequences: true }) as never });
      ready(tf, b, [1, 3, 2]);
      fix(tf, b);
      return b.apply(seq(tf, [1, 3, 2]));
    },
  },
  {
    name: 'a stateful gru over a masked embedding with returnSequences: two predicts',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, batchInputShape: [3, 5] }), tf.layers.gru({ units: 2, stateful: true, returnSequences: true })] });
      fix(tf, m);
      return [m.predict(ids(tf)), m.predict(ids(tf))];
    },
  },
  {
    name: 'predict of a stateful lstm with a batchSize: the state carries across the batches',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 3, 1] })] });
      fix(tf, m);
      return [m.predict(seq(tf, [4, 3, 1]), { batchSize: 2 }), attempt(() => (m.predict(seq(tf, [3, 3, 1]), { batchSize: 2 }) as Tensor).shape)];
    },
  },
  {
    name: 'model.resetStates resets every stateful layer of a model of two',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.simpleRNN({ units: 2, stateful: true, returnSequences: true, batchInputShape: [1, 2, 1] }),
        tf.layers.gru({ units: 1, stateful: true }),
      ] });
      fix(tf, m);
      const x = seq(tf, [1, 2, 1]);
      const a = m.predict(x);
      m.predict(x);
      m.resetStates();
      return [a, m.predict(x)];
    },
  },
  {
    name: 'a stateful lstm given batchSize instead of batchInputShape',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 1, stateful: true, batchSize: 2, inputShape: [2, 1] });
      const m = tf.sequential({ layers: [l] });
      fix(tf, m);
      return [m.inputs[0].shape, m.predict(seq(tf, [2, 2, 1])), m.predict(seq(tf, [2, 2, 1]))];
    },
  },
  {
    name: 'a gru with returnState in a sequential model is refused',
    run: (tf) => attempt(() => tf.sequential({ layers: [tf.layers.gru({ units: 2, returnState: true, inputShape: [3, 1] }), tf.layers.dense({ units: 1 })] }).outputs.length),
  },
  {
    name: 'embedding(maskZero) into flatten, conv1d and globalAveragePooling1d: which take the mask',
    run: (tf) => [
      attempt(() => { const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, inputLength: 5 }), tf.layers.flatten()] }); return (m.predict(ids(tf)) as Tensor).shape; }),
      attempt(() => { const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, inputLength: 5 }), tf.layers.conv1d({ filters: 1, kernelSize: 2 })] }); return (m.predict(ids(tf)) as Tensor).shape; }),
      attempt(() => {
        const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, inputLength: 5, embeddingsInitializer: tf.initializers.constant({ value: 1 }) }), tf.layers.globalAveragePooling1d()] });
        return m.predict(ids(tf));
      }),
    ],
  },
  {
    name: 'an lstm with returnSequences, repeatVector of its last output, and a decoder gru: masks stop at repeatVector',
    run: (tf) => {
      const m = maskedModel(tf, [tf.layers.lstm({ units: 2 }), tf.layers.repeatVector({ n: 3 }), tf.layers.gru({ units: 2, returnSequences: true })]);
      return m.predict(ids(tf));
    },
  },
  {
    name: 'lstm applied to int32 and bool sequences: they run as float32',
    run: (tf) => {
      const l = tf.layers.lstm({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros' });
      return [l.apply(tf.tensor3d([[[1], [2]]], [1, 2, 1], 'int32')), attempt(() => l.apply(tf.tensor3d([[[1], [0]]], [1, 2, 1], 'bool')))];
    },
  },
  {
    name: 'simpleRNN with a maxNorm kernelConstraint and nonNeg recurrentConstraint: weights after one fit epoch',
    deviation: "TF.js 4.22 projects a weight onto its constraint only when the weight is set, not after the optimizer's steps in fit (as layers-more's dense program shows), so the simpleRNN kernel grows past maxNorm's 0.5; tessera projects after every step, as Keras",
    run: async (tf) => {
      const m = seqModel(tf, [tf.layers.simpleRNN({ units: 2, kernelConstraint: tf.constraints.maxNorm({ maxValue: 0.5 }), recurrentConstraint: 'nonNeg' }), tf.layers.dense({ units: 1 })], [3, 2]);
      m.compile({ optimizer: tf.train.sgd(1), loss: 'meanSquaredError' });
      await m.fit(seq(tf, [2, 3, 2]), tf.tensor2d([[3], [-3]]), { epochs: 1, batchSize: 2, shuffle: false, verbose: 0 });
      return m.getWeights().slice(0, 2);
    },
  },
  {
    name: 'rnn over a gruCell with resetAfter saved and loaded: config of the cell and predictions',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.rnn({ cell: tf.layers.gruCell({ units: 2, resetAfter: true, name: 'sl_gc' }), returnSequences: true, inputShape: [3, 2], name: 'sl_r' })] });
      fix(tf, m);
      const n = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, m)));
      const x = seq(tf, [1, 3, 2]);
      return [n.layers[0].getConfig(), n.predict(x), m.predict(x)];
    },
  },
  {
    name: 'summary and countParams of a model with convLstm2d, bidirectional gru and timeDistributed',
    run: (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, name: 'sm_d' }), inputShape: [4, 2], name: 'sm_td' }),
        tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, resetAfter: true, returnSequences: true, name: 'sm_g' }) as never, name: 'sm_bi' }),
        tf.layers.simpleRNN({ units: 1, name: 'sm_s' }),
      ] });
      m.summary(90);
      return [m.countParams(), m.layers.map((l) => l.countParams())];
    },
  },
  {
    name: 'an rnn over two stacked gru cells with returnState and goBackwards: the states of each cell',
    run: (tf) => {
      const l = tf.layers.rnn({ cell: [tf.layers.gruCell({ units: 2 }), tf.layers.gruCell({ units: 3 })], returnState: true, goBackwards: true });
      ready(tf, l, [2, 3, 2]);
      fix(tf, l);
      return (l.apply(seq(tf, [2, 3, 2])) as Tensor[]).map((t) => [t.shape, t]);
    },
  },
  {
    name: 'embedding with inputLength [null]: sequences of any length, into an lstm',
    deviation: "TF.js 4.22's Embedding.computeOutputShape writes the first length it meets into the layer's own inputLength array in place of null, so after a predict of length 2 a sequence of length 5 throws ('inputLength is 2'); tessera keeps the null and takes any length",
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: [null] as never, maskZero: true }), tf.layers.lstm({ units: 1 })] });
      fix(tf, m);
      return [m.inputs[0].shape, m.predict(tf.tensor2d([[1, 2]])), m.predict(ids(tf))];
    },
  },
  {
    name: 'gradient of a masked bidirectional gru loss with respect to the embeddings',
    run: (tf) => {
      const m = maskedModel(tf, [tf.layers.bidirectional({ layer: tf.layers.gru({ units: 1 }) as never, mergeMode: 'concat' })]);
      const { grads } = tf.variableGrads(() => (m.apply(ids(tf)) as Tensor).square().sum() as never);
      return Object.values(grads);
    },
  },
  {
    name: 'a model with an lstm applied twice (shared weights) to two inputs, concatenated',
    run: (tf) => {
      const shared = tf.layers.lstm({ units: 2, name: 'sh_l' });
      const a = tf.input({ shape: [3, 2] });
      const b = tf.input({ shape: [4, 2] });
      const out = tf.layers.concatenate().apply([S(shared.apply(a)), S(shared.apply(b))]);
      const m = tf.model({ inputs: [a, b], outputs: S(out) });
      fix(tf, m);
      return [m.getWeights().length, m.predict([seq(tf, [1, 3, 2]), seq(tf, [1, 4, 2])])];
    },
  },
  {
    name: 'convLstm2d with recurrentDropout and dropout at inference, and its config',
    run: (tf) => {
      const l = tf.layers.convLstm2d({ filters: 1, kernelSize: 2, dropout: 0.3, recurrentDropout: 0.2, padding: 'same' });
      const k = tf.layers.convLstm2d({ filters: 1, kernelSize: 2, padding: 'same' });
      ready(tf, l, [1, 2, 3, 3, 1]); ready(tf, k, [1, 2, 3, 3, 1]);
      fix(tf, l, 0.3); fix(tf, k, 0.3);
      const x = seq(tf, [1, 2, 3, 3, 1]);
      return [l.apply(x), k.apply(x), l.getConfig().dropout, l.getConfig().recurrentDropout];
    },
  },
  {
    name: 'fit a stateful gru over two epochs of two batches without shuffling, resetting states by hand between epochs',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.gru({ units: 2, stateful: true, batchInputShape: [2, 3, 1] }), tf.layers.dense({ units: 1 })] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.2), loss: 'meanSquaredError' });
      const x = seq(tf, [4, 3, 1]);
      const y = tf.tensor2d([[1], [0], [0.5], [-0.5]]);
      const losses: unknown[] = [];
      for (let e = 0; e < 2; e++) {
        const h = await m.fit(x, y, { epochs: 1, batchSize: 2, shuffle: false, verbose: 0 });
        losses.push(h.history.loss[0]);
        m.resetStates();
      }
      return [losses, m.predict(x, { batchSize: 2 })];
    },
  },
];

const last: Program[] = [
  {
    name: 'an unrolled simpleRNN over a variable-length time axis: predictions for two lengths',
    run: (tf) => attempt(() => {
      const m = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, unroll: true, inputShape: [null, 2] })] });
      fix(tf, m);
      return [m.predict(seq(tf, [1, 2, 2])), m.predict(seq(tf, [1, 4, 2]))];
    }),
  },
  {
    name: 'bidirectional lstm given symbolic initial states for both directions in a functional model',
    run: (tf) => {
      const x = tf.input({ shape: [3, 2] });
      const states = [0, 1, 2, 3].map(() => tf.input({ shape: [2] }));
      const out = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }) as never, name: 'bis' }).apply(x, { initialState: states });
      const m = tf.model({ inputs: [x, ...states], outputs: S(out) });
      fix(tf, m);
      const h = [tf.tensor2d([[0.1, 0.2]]), tf.tensor2d([[0.3, -0.1]]), tf.tensor2d([[-0.2, 0]]), tf.tensor2d([[0.5, 0.5]])];
      return [m.inputs.length, S(out).shape, m.predict([seq(tf, [1, 3, 2]), ...h])];
    },
  },
  {
    name: 'setWeights on a bidirectional with too few weights, or a wrong shape, is refused and leaves the weights',
    run: (tf) => {
      const b = tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 1 }) as never });
      ready(tf, b, [1, 2, 1]);
      fix(tf, b);
      const w = b.getWeights();
      return [
        attempt(() => b.setWeights(w.slice(0, 3))),
        attempt(() => b.setWeights([tf.zeros([2, 1]), ...w.slice(1)])),
        b.getWeights(),
      ];
    },
  },
  {
    name: 'evaluate and predictOnBatch of a masked lstm model',
    run: (tf) => {
      const m = maskedModel(tf, [tf.layers.lstm({ units: 2, returnSequences: true }), tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 1 }) })]);
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const y = seq(tf, [3, 5, 1], (i) => (i % 3) - 1);
      return [m.evaluate(ids(tf), y, { batchSize: 2 }), m.predictOnBatch(ids(tf))];
    },
  },
  {
    name: 'an embedding with an embeddingsConstraint nonNeg, fit: the embeddings after two epochs',
    deviation: "TF.js 4.22 projects a weight onto its constraint only when the weight is set, not after the optimizer's steps in fit, so embeddings pushed below 0 by the first epoch stay negative into the second; tessera projects after every step, as Keras",
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 3, embeddingsConstraint: 'nonNeg' }), tf.layers.gru({ units: 1 })] });
      fix(tf, m);
      m.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
      const h = await m.fit(tf.tensor2d([[1, 2, 3], [3, 0, 1]]), tf.tensor2d([[1], [-1]]), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history.loss, m.getWeights()[0]];
    },
  },
];

export const s29Rnn: Program[] = [...simple, ...gru, ...lstm, ...cells, ...convLstm, ...bidi, ...td, ...masks, ...grads, ...training, ...configs, ...errors, ...more, ...beyond, ...last];
