import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { FC, randTensor, seedArb } from '../helpers';
import { HVP_TOL, hvpReport } from '../ops/hvp';

// Second derivatives through time: the Hessian-vector product of a tiny recurrent layer's output, with respect
// to its input and every weight at once, against central differences of the gradient (float64). Backprop
// through time is the tape differentiating each step's ops, so this differentiates every step's backward rules.

const RUNS = { ...FC, numRuns: 6 } as const;

type Kind = 'lstm' | 'gru' | 'simpleRNN';
interface Options {
  returnSequences: boolean;
  goBackwards: boolean;
  dtype: 'float64';
  inputShape: number[];
  biasInitializer: 'randomNormal';
}
const make: Record<Kind, (a: Options) => tn.RNN> = {
  lstm: (a) => tn.layers.lstm({ units: 2, recurrentActivation: 'sigmoid', ...a }),
  gru: (a) => tn.layers.gru({ units: 2, recurrentActivation: 'sigmoid', ...a }),
  simpleRNN: (a) => tn.layers.simpleRNN({ units: 2, ...a }),
};

const optionsArb = fc.record({ returnSequences: fc.boolean(), goBackwards: fc.boolean(), masked: fc.boolean() });

describe('Hessian-vector products of recurrent layers match central differences (float64)', () => {
  for (const kind of ['lstm', 'gru', 'simpleRNN'] as const) {
    it(`${kind}: input and weights, with returnSequences, goBackwards and a mask drawn at random`, () => {
      fc.assert(fc.property(seedArb, optionsArb, (seed, { returnSequences, goBackwards, masked }) => {
        const layer = make[kind]({ returnSequences, goBackwards, dtype: 'float64', inputShape: [3, 2], biasInitializer: 'randomNormal' });
        // Weights of a useful size, so the tanh and sigmoid curvature is exercised away from zero.
        layer.setWeights(layer.getWeights().map((w, i) => randTensor(w.shape.slice(), seed + 10 + i)));
        const x = randTensor([2, 3, 2], seed);
        // Row 0 skips its middle step; row 1 keeps every step.
        const mask = masked ? tn.tensor([[1, 0, 1], [1, 1, 1]], [2, 3], 'float64') : null;
        const r = hvpReport((input) => layer.apply(input, { mask }) as tn.Tensor, [x, ...layer.weights], seed);
        expect(r.scale).toBeGreaterThan(0);
        if (!(r.maxError < HVP_TOL)) throw new Error(`${kind}: Hessian-vector product mismatch ${r.maxError} at ${r.where}`);
      }), RUNS);
    });
  }
});
