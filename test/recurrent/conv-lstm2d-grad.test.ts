import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { expectGradOk, randTensor } from '../helpers';
import { HVP_TOL, hvpReport } from '../ops/hvp';

// ConvLSTM2D's backward pass is the tape over its convolutions, gate splits and time steps. In float64 against
// central differences: the gradient with respect to the input and every weight, and the Hessian-vector product
// (the gradient of the gradient), which differentiates each convolution's and gate's backward rule once more.

interface Config {
  args: Record<string, unknown>;
  /** Per step, without the batch dim. */
  step: number[];
  masked?: boolean;
}

const CONFIGS: Record<string, Config> = {
  "'same', sigmoid gates, all outputs": { args: { padding: 'same', recurrentActivation: 'sigmoid', returnSequences: true }, step: [4, 3, 2] },
  "'valid', strides 2, goBackwards, hardSigmoid gates": { args: { strides: 2, goBackwards: true }, step: [5, 5, 1] },
  'channelsFirst, dilation 2, a masked step': { args: { padding: 'same', dataFormat: 'channelsFirst', dilationRate: 2, recurrentActivation: 'sigmoid' }, step: [2, 4, 4], masked: true },
};

function make(args: Config['args'], inputShape: number[], seed: number): tn.ConvLSTM2D {
  const layer = tn.layers.convLstm2d({ filters: 2, kernelSize: 2, dtype: 'float64', inputShape, ...args } as never);
  // Weights of a useful size, so the activations' curvature is exercised away from zero.
  layer.setWeights(layer.getWeights().map((w, i) => randTensor(w.shape.slice(), seed + i)));
  return layer;
}

describe('convLstm2d gradients, float64, against central differences', () => {
  for (const [name, { args, step, masked }] of Object.entries(CONFIGS)) {
    it(`${name}: input and weights, first and second derivatives`, () => {
      const inputShape = [3, ...step];
      const layer = make(args, inputShape, 10);
      const x = randTensor([2, ...inputShape], 3);
      // Row 0 skips its middle step.
      const mask = masked ? tn.tensor([[1, 0, 1], [1, 1, 1]], [2, 3], 'float64') : null;
      const out = (t: tn.Tensor) => layer.apply(t, { mask }) as tn.Tensor;
      const w = randTensor(out(x).shape.slice(), 4);
      expectGradOk((t, ...weights) => {
        expect(weights.length).toBe(3);
        return tn.sum(tn.mul(w, out(t)));
      }, [x, ...layer.weights]);
      const r = hvpReport((t) => out(t), [x, ...layer.weights], 5);
      expect(r.scale).toBeGreaterThan(0);
      if (!(r.maxError < HVP_TOL)) throw new Error(`Hessian-vector product mismatch ${r.maxError} at ${r.where}`);
    });
  }

  it('the cell alone (one step from zero states): gradient of its gradient with respect to the input', () => {
    const cell = tn.layers.convLstm2dCell({ filters: 2, kernelSize: 3, padding: 'same', dtype: 'float64', recurrentActivation: 'sigmoid' });
    const x = randTensor([2, 4, 4, 2], 6);
    cell.apply(x);
    cell.setWeights(cell.getWeights().map((w, i) => randTensor(w.shape.slice(), 20 + i)));
    const v = randTensor([2, 4, 4, 2], 7);
    const objective = (t: tn.Tensor) => tn.sum(tn.square(cell.apply(t) as tn.Tensor));
    expectGradOk((t) => tn.sum(tn.mul(tn.grad(objective)(t), v)), [x]);
  });
});
