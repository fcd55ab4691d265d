import { afterAll, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { expectAllClose } from '../allclose';
import { describeGpu, gpu } from './gpu-context';

/** The bound for recurrent layers: forward values and gradients within 1e-4 of the cpu backend's. */
const TOL = { atol: 1e-4, rtol: 0 };

const IDS = [[1, 4, 0, 0, 2], [3, 0, 5, 6, 0], [0, 0, 0, 2, 1]];
const sym = (y: tn.SymbolicTensor | tn.SymbolicTensor[]) => y as tn.SymbolicTensor;

interface Case {
  name: string;
  build: () => tn.LayersModel;
  /** Integer ids (no input gradient) or seeded float steps [3, 5, 2]. */
  ids?: boolean;
}

const seq = (layers: tn.Layer[]) => tn.sequential({ layers });

/** Every recurrent-family layer, masked and not. */
const CASES: Case[] = [
  { name: 'lstm sequences, backwards', build: () => seq([tn.layers.lstm({ units: 4, returnSequences: true, goBackwards: true, inputShape: [5, 2] })]) },
  { name: 'gru', build: () => seq([tn.layers.gru({ units: 3, inputShape: [5, 2] })]) },
  { name: 'simpleRNN sequences, relu', build: () => seq([tn.layers.simpleRNN({ units: 3, returnSequences: true, activation: 'relu', inputShape: [5, 2] })]) },
  { name: 'rnn({cell: [lstmCell, gruCell, simpleRNNCell]})', build: () => seq([tn.layers.rnn({ cell: [tn.layers.lstmCell({ units: 3 }), tn.layers.gruCell({ units: 2 }), tn.layers.simpleRNNCell({ units: 2 })], inputShape: [5, 2] })]) },
  { name: 'bidirectional lstm (concat) and gru (ave)', build: () => seq([
    tn.layers.bidirectional({ layer: tn.layers.lstm({ units: 2, returnSequences: true }), inputShape: [5, 2] }),
    tn.layers.bidirectional({ layer: tn.layers.gru({ units: 2 }), mergeMode: 'ave' }),
  ]) },
  { name: 'masking, timeDistributed(dense), lstm, repeatVector, gru', build: () => seq([
    tn.layers.masking({ inputShape: [5, 2] }), tn.layers.timeDistributed({ layer: tn.layers.dense({ units: 3, activation: 'tanh' }) }),
    tn.layers.lstm({ units: 2 }), tn.layers.repeatVector({ n: 3 }), tn.layers.gru({ units: 2, returnSequences: true }),
  ]) },
  { name: 'embedding(maskZero), lstm, timeDistributed(dense softmax)', ids: true, build: () => seq([
    tn.layers.embedding({ inputDim: 7, outputDim: 3, maskZero: true, inputLength: 5 }), tn.layers.lstm({ units: 3, returnSequences: true }),
    tn.layers.timeDistributed({ layer: tn.layers.dense({ units: 4, activation: 'softmax' }) }),
  ]) },
  { name: 'encoder-decoder: lstm states into a second lstm', build: () => {
    const x = tn.input({ shape: [5, 2] });
    const [, h, c] = tn.layers.lstm({ units: 3, returnState: true }).apply([x]) as tn.SymbolicTensor[];
    return tn.model({ inputs: x, outputs: sym(tn.layers.lstm({ units: 3, returnSequences: true }).apply(x, { initialState: [h, c] })) });
  } },
];

interface Result {
  y: Float32Array;
  grads: Float32Array[];
}

/** The model's output and the gradients of a fixed weighting of it (weights, then the input), on one backend. */
function runOn(backend: 'cpu' | 'gpu', c: Case): Result {
  setBackend(backend);
  const model = c.build();
  model.setWeights(model.getWeights().map((w, i) => tn.randomUniform(w.shape.slice(), -0.6, 0.6, 'float32', 70 + i)));
  // Values with steps of zeros, so masking() has work to do.
  const steps = tn.mul(tn.randomUniform([3, 5, 2], -1, 1, 'float32', 5), tn.tensor([1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1], [3, 5, 1]));
  const x = c.ids ? tn.tensor(IDS) : steps;
  const y = model.apply(x) as tn.Tensor;
  const r = tn.randomUniform(y.shape.slice(), 0.5, 1.5, 'float32', 9);
  const loss = (input: tn.Tensor) => tn.sum(tn.mul(model.apply(input) as tn.Tensor, r));
  const vars = model.trainableWeights;
  expect(new Set(vars.map((v) => v.name)).size).toBe(vars.length);
  const byName = tn.variableGrads(() => loss(x), vars).grads;
  const weightGrads = vars.map((v) => byName[v.name]);
  const inputGrad = c.ids ? [] : tn.grads(loss)([x]);
  return { y: y.dataSync() as Float32Array, grads: [...weightGrads, ...inputGrad].map((g) => g.dataSync() as Float32Array) };
}

describeGpu('recurrent layers on the gpu backend against cpu: forward and gradients', () => {
  afterAll(() => { setBackend('cpu'); });

  for (const c of CASES) {
    it(c.name, () => {
      registerBackend('gpu', () => gpu!);
      const want = runOn('cpu', c);
      const got = runOn('gpu', c);
      expect(tn.getBackend()).toBe(gpu!.describe());
      expectAllClose(got.y, want.y, TOL, `${c.name}: output`);
      expect(got.grads.length).toBe(want.grads.length);
      got.grads.forEach((g, i) => expectAllClose(g, want.grads[i], TOL, `${c.name}: gradient ${i}`));
    });
  }
});
