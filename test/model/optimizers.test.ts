import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('optimizers with Keras semantics', () => {
  it('Adam: two steps against hand-computed TF.js numbers', () => {
    // p = 1, g = 0.5 then g = -0.25; lr 0.1, TF.js's defaults otherwise: ε on the bias-corrected sqrt(v̂).
    const p = tn.variable(tn.tensor([1], undefined, 'float64'));
    const opt = tn.train.adam(0.1);
    let m = 0;
    let v = 0;
    let expected = 1;
    [0.5, -0.25].forEach((g, i) => {
      const t = i + 1;
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      expected -= (0.1 * (m / (1 - 0.9 ** t))) / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-7);
      opt.applyGradients({ [p.name]: tn.tensor([g], undefined, 'float64') });
      expect(p.dataSync()[0]).toBeCloseTo(expected, 14);
    });
    expect(opt.iterations).toBe(2);
  });

  it("Adam's first step moves by lr whatever the gradient's scale, short by ε", () => {
    for (const g of [1e-3, 1, 1e3, -50]) {
      const p = tn.variable(tn.tensor([1], undefined, 'float64'));
      tn.train.adam(0.1).applyGradients({ [p.name]: tn.tensor([g], undefined, 'float64') });
      // sqrt(v̂) = |g| at the first step, so the step is lr |g| / (|g| + ε): 1e-5 short of lr at g = 1e-3 (Keras's
      // own Adam, adding ε to the uncorrected sqrt(v) = sqrt(1 - beta2)|g|, falls 3e-4 short).
      const short = Math.abs(g) / (Math.abs(g) + 1e-7);
      expect(p.dataSync()[0], `g = ${g}`).toBeCloseTo(1 - 0.1 * Math.sign(g) * short, 12);
      expect(Math.abs(1 - p.dataSync()[0]), `g = ${g}`).toBeGreaterThan(0.0996);
    }
  });

  it('SGD with and without momentum; AdamW decays the weights', () => {
    const p = tn.variable(tn.tensor([2], undefined, 'float64'));
    tn.train.sgd(0.1).applyGradients({ [p.name]: tn.tensor([1], undefined, 'float64') });
    expect(p.dataSync()[0]).toBeCloseTo(1.9, 14);
    const q = tn.variable(tn.tensor([0], undefined, 'float64'));
    const mom = tn.train.sgd(0.1, 0.9);
    const g = new Map([[q, tn.tensor([1], undefined, 'float64')]]);
    mom.applyGradients(g);
    mom.applyGradients(g);
    expect(q.dataSync()[0]).toBeCloseTo(-0.1 - 0.19, 14);
    const w = tn.variable(tn.tensor([1], undefined, 'float64'));
    tn.train.adamw(0.1, 0.5).applyGradients({ [w.name]: tn.tensor([0], undefined, 'float64') });
    expect(w.dataSync()[0]).toBeCloseTo(1 - 0.1 * 0.5, 14);
  });

  it('minimize drives a quadratic to its minimum', () => {
    const x = tn.variable(tn.tensor([3, -2]));
    const opt = tn.train.adam(0.1);
    for (let i = 0; i < 300; i++) opt.minimize(() => tn.sum(tn.square(tn.sub(x, tn.tensor([1, 1])))));
    const [a, b] = x.dataSync();
    expect(Math.abs(a - 1)).toBeLessThan(0.01);
    expect(Math.abs(b - 1)).toBeLessThan(0.01);
  });

  it('bad hyper-parameters and gradients are rejected before any change', () => {
    expect(() => tn.train.adam(Infinity)).toThrow(/train.adam: learningRate must be a finite number, got Infinity/);
    expect(() => tn.train.adam(0.1, 1)).toThrow(/beta1 must be a number in \[0, 1\), got 1/);
    // What came reads as itself: JSON would show NaN as null.
    expect(() => tn.train.adam(NaN)).toThrow(/train.adam: learningRate must be a finite number, got NaN$/);
    expect(() => tn.layers.dropout({ rate: (() => 0.5) as unknown as number })).toThrow(/layers.dropout: rate must be a number in \[0, 1\], got a function$/);
    const p = tn.variable(tn.tensor([1, 2]));
    const opt = tn.train.adam();
    expect(() => opt.applyGradients({ [p.name]: tn.tensor([1]) })).toThrow(/grads\['.*'\] must be a tensor of shape \[2\] and dtype float32, got shape \[1\]/);
    // The [{name, tensor}] list form: an item naming no variable, and a later bad item, change nothing either.
    const g = tn.tensor([1, 1]);
    expect(() => opt.applyGradients([{ tensor: g } as unknown as { name: string; tensor: tn.Tensor }])).toThrow(/grads\[0\] must be \{name, tensor\} naming a variable/);
    expect(() => opt.applyGradients([{ name: p.name, tensor: g }, { name: p.name, tensor: tn.tensor([1]) }])).toThrow(/must be a tensor of shape \[2\]/);
    expect(opt.iterations).toBe(0);
    expect(p.dataSync()).toEqual(new Float32Array([1, 2]));
  });

  it('computeGradients gives the value and gradients by name and changes nothing', () => {
    const p = tn.variable(tn.tensor([1, 2]), true, 'computeGradients_p');
    const opt = tn.train.sgd(0.1);
    const { value, grads } = opt.computeGradients(() => tn.sum(tn.square(p)));
    expect(value.dataSync()[0]).toBe(5);
    expect(Array.from(grads.computeGradients_p.dataSync())).toEqual([2, 4]);
    expect(opt.iterations).toBe(0);
    expect(Array.from(p.dataSync())).toEqual([1, 2]);
    expect(() => opt.computeGradients(3 as never)).toThrow(/SGD.computeGradients: f must be a function returning a scalar Tensor, got 3/);
    p.dispose();
  });
});

describe('optimizer arguments', () => {
  it('train.momentum refuses a bad momentum or useNesterov before it holds any tensor', () => {
    const before = tn.memory().numTensors;
    expect(() => tn.train.momentum(0.1, -1)).toThrow(/^train.momentum: momentum must be a number in \[0, Infinity\), got -1$/);
    expect(() => tn.train.momentum(0.1, 0.9, 'yes' as never)).toThrow(/^train.momentum: useNesterov must be a boolean, got string "yes"$/);
    expect(tn.memory().numTensors).toBe(before);
  });
});
