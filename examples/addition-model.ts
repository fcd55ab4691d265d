// The addition task (two integers of up to 3 digits as a string, "123+45" -> "168") and its seq2seq model,
// written once for tessera and TensorFlow.js: the example trains it, the bench times it against TF.js and
// PyTorch from the same initial weights on the same batches.
import { Random } from '../src/util/random';

export const DIGITS = 3;
export const QUESTION = DIGITS + 1 + DIGITS; // "123+456"
export const ANSWER = DIGITS + 1; // "579 " (padded)
export const CHARS = '0123456789+ ';

/** Questions one-hot [n, QUESTION, CHARS] (reversed), answers one-hot [n, ANSWER, CHARS], and the answers as text. */
export interface AdditionSet {
  x: Float32Array;
  y: Float32Array;
  answers: string[];
  size: number;
}

/** Distinct questions (a+b and b+a count once), drawn from the seed. */
function questions(count: number, seed: number): [number, number][] {
  const rng = new Random(seed);
  const seen = new Set<string>();
  const out: [number, number][] = [];
  const draw = () => {
    const digits = 1 + Math.floor(rng.next() * DIGITS);
    return Math.floor(rng.next() * 10 ** digits);
  };
  while (out.length < count) {
    const a = draw();
    const b = draw();
    const key = `${Math.min(a, b)}+${Math.max(a, b)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([a, b]);
  }
  return out;
}

function oneHot(strings: string[], len: number): Float32Array {
  const v = new Float32Array(strings.length * len * CHARS.length);
  strings.forEach((s, i) => {
    for (let t = 0; t < len; t++) v[(i * len + t) * CHARS.length + CHARS.indexOf(s[t])] = 1;
  });
  return v;
}

/** Questions are reversed, which shortens the paths between the digits that add. */
function encode(pairs: [number, number][]): AdditionSet {
  const qs = pairs.map(([a, b]) => `${a}+${b}`.padEnd(QUESTION, ' ').split('').reverse().join(''));
  const answers = pairs.map(([a, b]) => String(a + b).padEnd(ANSWER, ' '));
  return { x: oneHot(qs, QUESTION), y: oneHot(answers, ANSWER), answers, size: pairs.length };
}

/** `trainSize` training and `testSize` held-out questions, disjoint, from the seed. */
export function additionData(trainSize: number, testSize: number, seed: number): { train: AdditionSet; test: AdditionSet } {
  const pairs = questions(trainSize + testSize, seed);
  return { train: encode(pairs.slice(0, trainSize)), test: encode(pairs.slice(trainSize)) };
}

/** The parts of a library the model needs; tessera's `tn` and TF.js's `tf` namespaces both fit (L: their Layer, from `sequential`). */
export interface AdditionLibrary<L, I, M> {
  layers: {
    lstm(args: { units: number; recurrentActivation: GateActivation; unitForgetBias: boolean; returnSequences?: boolean; inputShape?: number[]; kernelInitializer: I; recurrentInitializer: I }): NoInfer<L>;
    repeatVector(args: { n: number }): NoInfer<L>;
    dense(args: { units: number; activation: 'softmax'; kernelInitializer: I }): NoInfer<L>;
    timeDistributed(args: { layer: NoInfer<L> }): NoInfer<L>;
  };
  initializers: {
    glorotNormal(args: { seed: number }): I;
    glorotUniform(args: { seed: number }): I;
    orthogonal(args: { seed: number }): I;
  };
  sequential(config: { layers: L[] }): M;
}

/** The LSTM gates' activation: Keras's sigmoid (the example's), or TF.js's default hardSigmoid (the bench compares both). */
export type GateActivation = 'sigmoid' | 'hardSigmoid';

/**
 * Keras's addition example: an LSTM encoder, repeatVector, an LSTM decoder returning sequences and
 * timeDistributed(dense softmax). The LSTMs take Keras's defaults, which TF.js does not share: sigmoid gates
 * (TF.js: hardSigmoid; sigmoid is also PyTorch's LSTM, so the bench's peers compute the same function) and a
 * forget-gate bias that starts at one (TF.js: zero, unless unitForgetBias is set).
 */

export function additionModel<L, I, M>(lib: AdditionLibrary<L, I, M>, units: number, gates: GateActivation = 'sigmoid'): M {
  const init = lib.initializers;
  return lib.sequential({ layers: [
    lib.layers.lstm({ units, inputShape: [QUESTION, CHARS.length], recurrentActivation: gates, unitForgetBias: true, kernelInitializer: init.glorotNormal({ seed: 1 }), recurrentInitializer: init.orthogonal({ seed: 2 }) }),
    lib.layers.repeatVector({ n: ANSWER }),
    lib.layers.lstm({ units, returnSequences: true, recurrentActivation: gates, unitForgetBias: true, kernelInitializer: init.glorotNormal({ seed: 3 }), recurrentInitializer: init.orthogonal({ seed: 4 }) }),
    lib.layers.timeDistributed({ layer: lib.layers.dense({ units: CHARS.length, activation: 'softmax', kernelInitializer: init.glorotUniform({ seed: 5 }) }) }),
  ] });
}
