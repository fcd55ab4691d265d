import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { backend } from '../../src/ops/engine';

afterEach(() => {
  vi.restoreAllMocks();
});

const x = tn.tensor2d([[1, -2, 0.5], [0.25, 1, -1]], [2, 3], 'float64');
const w = tn.tensor2d([[0.5, -1], [1, 0.5], [-0.25, 0.75]], [3, 2], 'float64');
const bias = tn.tensor1d([0.1, -0.2], 'float64');
const wv = tn.variable(w, true, 'needed_w');
const bv = tn.variable(bias, true, 'needed_b');

// The gradient of Σ (x·w) for w alone is xᵀ·1, by hand: each row of w gets the sum of x's column.
const wantDw = [[1.25, 1.25], [-1, -1], [-0.5, -0.5]];

describe("a product's gradient for an input that leads to no source is not computed", () => {
  for (const [transposeA, transposeB] of [[false, false], [false, true], [true, false], [true, true]]) {
    it(`matMul (transposeA ${transposeA}, transposeB ${transposeB}): one product for w's gradient, none for the constant x`, () => {
      const a = transposeA ? x.transpose() : x;
      const b = transposeB ? w.transpose() : w;
      const products = vi.spyOn(backend(), 'matMul');
      const dw = tn.grad((v: tn.Tensor) => tn.matMul(a, v, transposeA, transposeB).sum())(b);
      // Two: the forward product and w's gradient (three when x's was computed and dropped).
      expect(products).toHaveBeenCalledTimes(2);
      expect(dw.arraySync()).toEqual(transposeB ? tn.tensor2d(wantDw).transpose().arraySync() : wantDw);
    });
  }

  it('fused matMul with a bias: the weights and the bias get theirs, x none', () => {
    const products = vi.spyOn(backend(), 'matMul');
    const { grads } = tn.variableGrads(() => tn.fused.matMul({ a: x, b: wv, bias: bv, activation: 'linear' }).sum(), [wv, bv]);
    expect(products).toHaveBeenCalledTimes(1); // w's gradient only (the forward product is the fused kernel)
    expect(grads[wv.name].arraySync()).toEqual(wantDw);
    expect(grads[bv.name].arraySync()).toEqual([2, 2]);
  });

  it('both gradients when both inputs lead to sources', () => {
    const products = vi.spyOn(backend(), 'matMul');
    const [dx, dw] = tn.grads((a: tn.Tensor, b: tn.Tensor) => tn.matMul(a, b).sum())([x, w]);
    expect(products).toHaveBeenCalledTimes(3);
    // dx = 1·wᵀ: each row of x gets the sums of w's rows.
    expect(dx.arraySync()).toEqual([[-0.5, 1.5, 0.5], [-0.5, 1.5, 0.5]]);
    expect(dw.arraySync()).toEqual(wantDw);
  });
});
