import { describe, it } from 'vitest';
import * as tn from '../../src/index';
import { expectGradOk, randTensor } from '../helpers';

// Backprop through time is the tape over the steps' ops: the projection's split into time steps and each step's
// split into gates (each one op whose gradient is one concat), the stacked outputs, the reversed input of
// goBackwards. The gradient of a small float64 layer's output with respect to its input sequence, and that
// gradient's own gradient (a Hessian-vector product), against central differences.

const [BATCH, STEPS, FEATURES, UNITS] = [2, 3, 2, 3];
const seeded = (seed: number) => ({
  dtype: 'float64' as const,
  kernelInitializer: tn.initializers.glorotNormal({ seed }),
  recurrentInitializer: tn.initializers.orthogonal({ seed: seed + 1 }),
  biasInitializer: tn.initializers.randomNormal({ seed: seed + 2 }),
});

const layers: Record<string, () => tn.Layer> = {
  'lstm (sigmoid gates, all outputs)': () => tn.layers.lstm({ units: UNITS, returnSequences: true, recurrentActivation: 'sigmoid', ...seeded(1) }),
  'lstm (hardSigmoid gates, goBackwards, last output)': () => tn.layers.lstm({ units: UNITS, goBackwards: true, ...seeded(4) }),
  'gru (per-gate recurrent products)': () => tn.layers.gru({ units: UNITS, returnSequences: true, recurrentActivation: 'sigmoid', ...seeded(7) }),
  simpleRNN: () => tn.layers.simpleRNN({ units: UNITS, returnSequences: true, ...seeded(10) }),
};

describe('backprop through time, float64, against central differences', () => {
  for (const [name, make] of Object.entries(layers)) {
    it(`${name}: gradient and Hessian-vector product with respect to the input`, () => {
      const layer = make();
      const x = randTensor([BATCH, STEPS, FEATURES], 21);
      const out = (t: tn.Tensor) => layer.apply(t) as tn.Tensor;
      layer.apply(x);
      const w = randTensor(out(x).shape as number[], 22);
      const v = randTensor([BATCH, STEPS, FEATURES], 23);
      // A non-linear objective, so its Hessian is not zero: Σ w·y².
      const objective = (t: tn.Tensor) => tn.sum(tn.mul(w, tn.square(out(t))));
      expectGradOk((t) => tn.sum(tn.mul(w, out(t))), [x]);
      expectGradOk((t) => tn.sum(tn.mul(tn.grad(objective)(t), v)), [x]);
    });
  }
});
