import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { backend } from '../../src/ops/engine';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';

const dim = fc.integer({ min: 1, max: 6 });

/** x → dense(relu) → reshape → matMul: the second product's input is a relu output, read back only where it is nonzero. */
const twoLayers = (x: tn.Tensor, w1: tn.Tensor, b1: tn.Tensor, w2: tn.Tensor): tn.Tensor => {
  const h = tn.fused.matMul({ a: x, b: w1, bias: b1, activation: 'relu' });
  return tn.matMul(h.reshape([h.shape[0] * 2, h.shape[1] / 2]), w2);
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a product whose input is a relu output computes that input gradient only where the input is nonzero', () => {
  it('through a reshape, matching finite differences (float64), the masked product computing', () => {
    const masked = vi.spyOn(backend(), 'matMulWhereNonzero' as never);
    fc.assert(
      fc.property(dim, dim, dim, dim, seedArb, (m, k, half, o, seed) => {
        const x = randTensor([m, k], seed);
        const w1 = randTensor([k, 2 * half], seed + 1);
        // Biases of -1.5 on values of ±2 products: most of the relu's outputs are 0, so the masked kernel runs.
        const b1 = tn.sub(randTensor([2 * half], seed + 2), 1.5);
        const w2 = randTensor([half, o], seed + 3);
        const z = tn.add(tn.matMul(x, w1), b1).dataSync();
        fc.pre(z.every((v) => Math.abs(v) > 1e-3));
        expectGradOk(twoLayers, [x, w1, b1, w2]);
      }),
      { ...FC, numRuns: 40 },
    );
    expect(masked).toHaveBeenCalled();
  });

  it('with the same gradients as the whole product (float32, NaN and Infinity where the relu is 0 or not)', () => {
    const x = tn.tensor2d([[1, -2, 0.5], [0.25, 1, -1], [2, 2, 2], [-1, 0.5, 3]]);
    const w1 = tn.tensor2d([[0.5, -1, 0.25, 1], [1, 0.5, -0.5, -2], [-0.25, 0.75, 1, 0.5]]);
    const b1 = tn.tensor1d([-1, 0.1, -0.5, -2]);
    // h = relu(x·w1 + b1) is 0 at 9 of its 16 entries (the masked kernel takes at most half nonzero); the NaN and
    // the Infinity reach the gradient of entries where h is 0 and where it is not.
    const w2 = tn.tensor2d([[1, NaN, -1], [0.5, 2, Infinity]]);
    const grads = (): Float32Array[] => tn.grads(twoLayers)([x, w1, b1, w2]).map((g) => g.dataSync() as Float32Array);
    const withMask = vi.spyOn(backend(), 'matMulWhereNonzero' as never);
    const masked = grads();
    expect(withMask).toHaveBeenCalled();
    vi.restoreAllMocks();
    // The backend without the masked product: the rule runs the whole one.
    const be = backend() as { matMulWhereNonzero?: unknown };
    be.matMulWhereNonzero = undefined;
    let whole: Float32Array[];
    try {
      whole = grads();
    } finally {
      delete be.matMulWhereNonzero;
    }
    masked.forEach((g, i) => {
      expect(g.length).toBe(whole[i].length);
      g.forEach((v, j) => {
        const w = whole[i][j];
        if (Number.isNaN(w)) expect(v).toBeNaN();
        else expect(v).toBeCloseTo(w, 5);
      });
    });
  });

  it('a relu output differentiated directly gets its whole gradient, zeros included', () => {
    const h = tn.fused.matMul({ a: tn.tensor2d([[1, -1], [2, 0.5]]), b: tn.tensor2d([[1, -1], [-1, 1]]), bias: tn.tensor1d([0, 0]), activation: 'relu' });
    expect(Array.from(h.dataSync())).toEqual([2, 0, 1.5, 0]);
    const w = tn.tensor2d([[1, 2, 3], [4, 5, 6]]);
    // d/dh sum(h·w) = each row of w summed, at every entry of h, those where h is 0 as well.
    expect(Array.from(tn.grad((a: tn.Tensor) => tn.matMul(a, w).sum())(h).dataSync())).toEqual([6, 15, 6, 15]);
  });
});
