import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tape semantics (TF.js grad, grads, valueAndGrads, variableGrads)', () => {
  it('grad of x^3 at 2 is 12, with dy scaling', () => {
    const g = tn.grad((x) => tn.mul(tn.mul(x, x), x));
    expect(g(tn.scalar(2)).arraySync()).toBe(12);
    expect(g(tn.tensor([1, 2]), tn.tensor([1, 10])).arraySync()).toEqual([3, 120]);
  });

  it('valueAndGrads returns the value and one gradient per argument', () => {
    const { value, grads } = tn.valueAndGrads((a, b) => tn.sum(tn.mul(a, b)))([tn.tensor([1, 2]), tn.tensor([3, 4])]);
    expect(value.arraySync()).toBe(11);
    expect(grads.map((g) => g.arraySync())).toEqual([[3, 4], [1, 2]]);
  });

  it('a tensor used twice accumulates both contributions', () => {
    expect(tn.grad((x) => tn.add(x, x))(tn.tensor([1, 2])).arraySync()).toEqual([2, 2]);
  });

  it('second order: grad of grad of x^3 is 6x', () => {
    const d2 = tn.grad((x) => tn.grad((y) => tn.mul(tn.mul(y, y), y))(x));
    expect(d2(tn.scalar(3)).arraySync()).toBe(18);
  });

  it('variableGrads finds the trainable variables f uses and skips frozen ones', () => {
    const w = tn.variable(tn.tensor([2, 3]), true, 'w');
    const frozen = tn.variable(tn.tensor([5, 5]), false, 'frozen');
    const { value, grads } = tn.variableGrads(() => tn.sum(tn.mul(tn.mul(w, w), frozen)));
    expect(value.arraySync()).toBe(65);
    expect(Object.keys(grads)).toEqual(['w']);
    expect(grads.w.arraySync()).toEqual([20, 30]);
  });

  it('nothing is recorded outside a gradient: forward calls build no tape', () => {
    const w = tn.variable(tn.tensor([1]), true);
    tn.relu(w);
    const { grads } = tn.variableGrads(() => tn.sum(tn.mul(w, 4)));
    expect(Object.values(grads)[0].arraySync()).toEqual([4]);
  });

  it('tidy disposes what it does not return', () => {
    let inner: tn.Tensor | null = null;
    const out = tn.tidy(() => {
      inner = tn.ones([2]);
      return tn.add(inner, 1);
    });
    expect((inner as unknown as tn.Tensor).isDisposed).toBe(true);
    expect(out.isDisposed).toBe(false);
    expect(out.arraySync()).toEqual([2, 2]);
  });

  it('gradCheck reports the worst element and catches a wrong rule', () => {
    const ok = tn.gradCheck((x) => tn.tanh(x), [tn.tensor([0.1, -0.4, 1.3], undefined, 'float64')]);
    expect(ok.maxError).toBeLessThan(1e-8);
    expect(ok.checked).toBe(3);
    // A function whose "gradient" is cut (slice+reshape keep it, but a value round-trip through the host loses it).
    const broken = tn.gradCheck(
      (x) => tn.add(tn.mul(x, 0), tn.tensor(x.dataSync(), x.shape, 'float64')),
      [tn.tensor([0.5, 2], undefined, 'float64')],
    );
    expect(broken.maxError).toBeGreaterThan(0.5);
  });
});

describe('each gradient is a tensor of its own, as TF.js gives them', () => {
  it('add and addN pass dy on as it is, yet every argument, variable and the caller\'s dy keep their own tensor', () => {
    const [a, b] = [tn.tensor([1, 2]), tn.tensor([3, 4])];
    const before = tn.memory().numTensors;
    const [da, db] = tn.grads((x: tn.Tensor, y: tn.Tensor) => tn.add(x, y).sum())([a, b]);
    expect(tn.memory().numTensors - before).toBe(2);
    expect(da).not.toBe(db);
    da.dispose();
    expect(db.arraySync()).toEqual([1, 1]);

    const dy = tn.tensor([2, 3]);
    const g = tn.grad((x: tn.Tensor) => tn.add(x, 1))(a, dy);
    expect(g).not.toBe(dy);
    g.dispose();
    expect(dy.arraySync()).toEqual([2, 3]);
    const { grads } = tn.valueAndGrads((x: tn.Tensor, y: tn.Tensor) => tn.addN([x, y, x]))([a, b], dy);
    expect(new Set([dy, ...grads]).size).toBe(3);
    expect(grads.map((t) => t.arraySync())).toEqual([[4, 6], [2, 3]]);

    const [v1, v2] = [tn.variable(tn.tensor([1])), tn.variable(tn.tensor([2]))];
    const named = tn.variableGrads(() => tn.addN([v1, v2]).sum() as tn.Scalar).grads;
    expect(named[v1.name]).not.toBe(named[v2.name]);
    named[v1.name].dispose();
    expect(named[v2.name].arraySync()).toEqual([1]);
  });

  it('one tensor given twice gets one gradient, the same object at both places (TF.js 4.22 counts 3 tensors after it)', () => {
    const x = tn.tensor1d([1, 2]);
    const before = tn.memory().numTensors;
    const { value, grads } = tn.valueAndGrads((a: tn.Tensor, b: tn.Tensor) => tn.mul(a, b).sum())([x, x]);
    expect(grads[0]).toBe(grads[1]);
    expect(grads[0].arraySync()).toEqual([2, 4]);
    expect(value.arraySync()).toBe(5);
    expect(tn.memory().numTensors - before).toBe(2);
    const g = tn.grads((a: tn.Tensor, b: tn.Tensor, c: tn.Tensor) => tn.add(tn.add(a, b), c).sum())([x, tn.scalar(1), x]);
    expect([g[0] === g[2], g[0] === g[1]]).toEqual([true, false]);
    expect(g[0].arraySync()).toEqual([2, 2]);
  });
});

describe("prelu's gradients select, as TF.js's and PyTorch's", () => {
  it('alpha takes 0 where x > 0 even where dy is NaN', () => {
    // asin(2) is NaN, so dy at x = 2 is NaN; alpha's gradient there is still 0.
    const g = tn.grad((a: tn.Tensor) => tn.asin(tn.prelu(tn.tensor([2, -0.5]), a)).sum())(tn.tensor([0.1, 0.1])).dataSync();
    expect(g[0]).toBe(0);
    expect(g[1]).toBeCloseTo(-0.5 / Math.sqrt(1 - 0.05 * 0.05), 6);
  });
});
