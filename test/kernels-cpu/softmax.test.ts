import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logSoftmax, softmax, sparseSoftmaxCrossEntropy } from '../../kernels/cpu/softmax';
import { alloc, dtypeArb, random, runs } from './helpers';

describe('softmax', () => {
  // softmax([1,2,3]) = [e, e², e³] / (e + e² + e³); log-sum-exp = 3 + log(1 + e⁻¹ + e⁻²) = 3.40760596444438.
  const probs = [0.09003057317038046, 0.24472847105479767, 0.6652409557748219];
  const logs = [-2.40760596444438, -1.40760596444438, -0.40760596444438];

  it('of [1, 2, 3], and of [1001, 1002, 1003] without overflow', () => {
    for (const shift of [0, 1000]) {
      const x = new Float64Array([1 + shift, 2 + shift, 3 + shift]);
      const out = new Float64Array(3), logOut = new Float64Array(3);
      softmax(x, 1, 3, out);
      logSoftmax(x, 1, 3, logOut);
      out.forEach((v, i) => expect(v).toBeCloseTo(probs[i], 12));
      logOut.forEach((v, i) => expect(v).toBeCloseTo(logs[i], 12));
    }
  });

  it('sparse cross-entropy gives -log p[label] per row and the probabilities', () => {
    const logits = new Float32Array([1, 2, 3, 3, 2, 1]);
    const losses = new Float32Array(2), p = new Float32Array(6);
    sparseSoftmaxCrossEntropy(logits, new Int32Array([2, 1]), 2, 3, losses, p);
    expect(losses[0]).toBeCloseTo(0.40760596, 6);
    expect(losses[1]).toBeCloseTo(1.40760596, 6);
    expect(Array.from(p.subarray(3))).toEqual(Array.from(new Float32Array([probs[2], probs[1], probs[0]])));
    // A hopeless row stays finite: -log(e^-1000) = 1000.
    sparseSoftmaxCrossEntropy(new Float64Array([0, 1000]), new Int32Array([0]), 1, 2, losses, p);
    expect(losses[0]).toBe(1000);
  });

  it('rows sum to 1 and logSoftmax = log(softmax) on random data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 17 }), dtypeArb, fc.nat(), (rows, cols, dtype, seed) => {
        const x = random(dtype, rows * cols, seed).map((v) => v * 20);
        const p = alloc(dtype, rows * cols), lp = alloc(dtype, rows * cols);
        softmax(x, rows, cols, p);
        logSoftmax(x, rows, cols, lp);
        const tol = dtype === 'float32' ? 1e-5 : 1e-12;
        for (let r = 0; r < rows; r++) {
          let sum = 0;
          for (let j = 0; j < cols; j++) sum += p[r * cols + j];
          expect(Math.abs(sum - 1)).toBeLessThan(tol * cols);
        }
        for (let i = 0; i < p.length; i++) if (p[i] > 1e-6) expect(Math.abs(Math.log(p[i]) - lp[i])).toBeLessThan(tol * 10);
      }),
      runs(100),
    );
  });
});
