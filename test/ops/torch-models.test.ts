import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Whole models against PyTorch float64 autograd (torch-reference/make_models.py wrote models.json, with the same
// weights): the output, the loss and its gradient in the trainable weights, a WGAN-GP style gradient penalty
// P = ||d(Σ wo·out)/dx|| and its gradient in the weights (the model's backward pass differentiated again), and the
// Hessian-vector product of the loss in the weights. Every layer is made with dtype 'float64', as a Keras user asks
// for double precision; the sequential models run fused (conv + relu + pool, matMul + bias + activation), so the
// fused ops' backward rules are differentiated twice.

interface Stored { shape: number[]; dtype: 'float64' | 'int32'; values: number[] }
interface RefModel {
  x: Stored; y: Stored; weights: number[][]; trainable: number[]; output: number[]; outputShape: number[]; loss: number;
  grad: number[][]; directions: number[][]; hvp: number[][]; outputWeights: number[]; penalty?: number; penaltyGrad?: number[][];
}

const reference = JSON.parse(readFileSync(new URL('./torch-reference/models.json', import.meta.url), 'utf8')) as { models: Record<string, RefModel> };
const TOL = 1e-9;
const dtype = 'float64';
const L = tn.layers;

// tf.metrics has no sparse cross-entropy: a TF.js user one-hots the ids (int32) against the float64 probabilities.
const sparseCE = (y: tn.Tensor, p: tn.Tensor) => tn.mean(tn.metrics.categoricalCrossentropy(tn.oneHot(y, p.shape[1]), p));
const mse = (y: tn.Tensor, p: tn.Tensor) => tn.losses.meanSquaredError(y, p);

const builders: Record<string, { layers: () => tn.layers.Layer[]; loss: (y: tn.Tensor, p: tn.Tensor) => tn.Tensor; training?: boolean }> = {
  cnn: {
    layers: () => [
      L.conv2d({ filters: 3, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 1], dtype }),
      L.maxPooling2d({ poolSize: 2, dtype }), L.flatten({ dtype }),
      L.dense({ units: 5, activation: 'relu', dtype }), L.dense({ units: 4, activation: 'softmax', dtype }),
    ],
    loss: sparseCE,
  },
  mlp: {
    layers: () => [
      L.dense({ units: 5, activation: 'tanh', inputShape: [4], dtype }), L.dense({ units: 4, activation: 'sigmoid', dtype }),
      L.dense({ units: 3, activation: 'elu', dtype }), L.dense({ units: 2, dtype }),
    ],
    loss: mse,
  },
  lstm_sequences: { layers: () => [L.lstm({ units: 3, returnSequences: true, inputShape: [3, 2], dtype }), L.dense({ units: 2, dtype })], loss: mse },
  lstm_last_sigmoid: {
    layers: () => [L.lstm({ units: 3, recurrentActivation: 'sigmoid', inputShape: [3, 2], dtype }), L.dense({ units: 2, activation: 'softmax', dtype })],
    loss: sparseCE,
  },
  gru_sequences_sigmoid: {
    layers: () => [L.gru({ units: 3, recurrentActivation: 'sigmoid', returnSequences: true, inputShape: [3, 2], dtype }), L.dense({ units: 2, dtype })],
    loss: mse,
  },
  gru_last: { layers: () => [L.gru({ units: 3, inputShape: [3, 2], dtype }), L.dense({ units: 2, activation: 'softmax', dtype })], loss: sparseCE },
  simple_rnn: { layers: () => [L.simpleRNN({ units: 3, inputShape: [4, 2], dtype }), L.dense({ units: 2, dtype })], loss: mse },
  batch_norm_training: {
    layers: () => [
      L.dense({ units: 4, inputShape: [3], dtype }), L.batchNormalization({ dtype }), L.activation({ activation: 'tanh', dtype }),
      L.dense({ units: 3, activation: 'softmax', dtype }),
    ],
    loss: sparseCE,
    training: true,
  },
  conv1d: {
    layers: () => [
      L.conv1d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'tanh', inputShape: [5, 2], dtype }), L.flatten({ dtype }),
      L.dense({ units: 2, activation: 'sigmoid', dtype }),
    ],
    loss: mse,
  },
  depthwise_separable: {
    layers: () => [
      L.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2, activation: 'relu', inputShape: [5, 5, 2], dtype }),
      L.separableConv2d({ filters: 3, kernelSize: 2, padding: 'same', activation: 'relu', dtype }),
      L.flatten({ dtype }), L.dense({ units: 3, activation: 'softmax', dtype }),
    ],
    loss: sparseCE,
  },
  layer_norm: {
    layers: () => [
      L.dense({ units: 5, activation: 'elu', inputShape: [4], dtype }), L.layerNormalization({ dtype }), L.dense({ units: 2, activation: 'tanh', dtype }),
    ],
    loss: mse,
  },
  embedding_gap1d: {
    layers: () => [
      L.embedding({ inputDim: 6, outputDim: 3, inputLength: 4, dtype }), L.globalAveragePooling1d({ dtype }),
      L.dense({ units: 2, activation: 'sigmoid', dtype }),
    ],
    loss: mse,
  },
};

/** Largest |a − b| over 1 + the reference's largest |entry|. */
function relError(actual: ArrayLike<number>, expected: number[]): number {
  if (actual.length !== expected.length) return Infinity;
  const scale = 1 + expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let worst = 0;
  expected.forEach((e, i) => { worst = Math.max(worst, Math.abs(actual[i] - e) / scale); if (Number.isNaN(actual[i])) worst = Infinity; });
  return worst;
}

function compareModel(name: string): Record<string, number> {
  const ref = reference.models[name];
  const spec = builders[name];
  const model = tn.sequential({ layers: spec.layers() });
  const shapes = model.getWeights().map((w) => w.shape);
  model.setWeights(ref.weights.map((w, i) => tn.tensor(w, shapes[i], 'float64')));
  const vars = ref.trainable.map((i) => model.weights[i].read() as tn.Variable);
  const errors: Record<string, number> = {};
  const note = (what: string, got: tn.Tensor | number, want: number[] | number) => {
    if (got instanceof tn.Tensor && got.dtype !== 'float64') throw new Error(`${name}: ${what} is ${got.dtype}`);
    errors[what] = relError(got instanceof tn.Tensor ? got.dataSync() : [got], Array.isArray(want) ? want : [want]);
  };
  tn.tidy(() => {
    const x = tn.tensor(ref.x.values, ref.x.shape, ref.x.dtype);
    const y = tn.tensor(ref.y.values, ref.y.shape, ref.y.dtype);
    const run = (input: tn.Tensor) => model.apply(input, { training: spec.training ?? false }) as tn.Tensor;
    const loss = () => spec.loss(y, run(x));
    note('output', run(x), ref.output);
    const { value, grads } = tn.variableGrads(loss, vars);
    note('loss', value.dataSync()[0], ref.loss);
    // variableGrads leaves out a variable f does not reach (as TF.js): its gradient is zero.
    const gradOf = (g: tn.NamedTensorMap, j: number) => g[vars[j].name] ?? tn.zerosLike(vars[j]);
    vars.forEach((_, j) => note(`grad[${j}]`, gradOf(grads, j), ref.grad[j]));
    const dirs = ref.directions.map((d, j) => tn.tensor(d, vars[j].shape, 'float64'));
    const hvp = tn.variableGrads(() => {
      const g = tn.variableGrads(loss, vars).grads;
      return tn.addN(vars.map((v, j) => tn.sum(tn.mul(g[v.name], dirs[j]))));
    }, vars).grads;
    vars.forEach((_, j) => note(`hvp[${j}]`, gradOf(hvp, j), ref.hvp[j]));
    if (ref.penaltyGrad && ref.penalty !== undefined) {
      const wo = tn.tensor(ref.outputWeights, ref.outputShape, 'float64');
      const penalty = () => {
        const gx = tn.grad((input: tn.Tensor) => tn.sum(tn.mul(wo, run(input))))(x);
        return tn.sqrt(tn.sum(tn.square(gx)));
      };
      const pg = tn.variableGrads(penalty, vars);
      note('penalty', pg.value.dataSync()[0], ref.penalty);
      vars.forEach((_, j) => note(`penaltyGrad[${j}]`, gradOf(pg.grads, j), ref.penaltyGrad?.[j] ?? []));
    }
  });
  model.dispose();
  return errors;
}

describe('whole float64 models agree with PyTorch float64 autograd (loss gradient, gradient penalty, Hessian-vector product)', () => {
  it('the fixture holds every model this test builds', () => {
    expect(Object.keys(reference.models).sort()).toEqual(Object.keys(builders).sort());
  });
  for (const name of Object.keys(builders)) {
    it(name, () => {
      const errors = compareModel(name);
      expect(Object.entries(errors).filter(([, e]) => !(e <= TOL))).toEqual([]);
    });
  }
});
