import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { backend } from '../../src/ops/engine';
import { Random } from '../../src/util/random';
import { broadcastPairArb, shapeArb } from '../arbitraries';
import { FC, expectGradOk, randTensor, seedArb, type ValueOpts } from '../helpers';
import { expectHvpOk } from './hvp';

// Every math op's backward rule against central differences (float64), and the rule's own gradient: a
// Hessian-vector product (test/ops/hvp.ts) against central differences of the gradient, so second derivatives hold too.

const RUNS = { ...FC, numRuns: 12 };

/** Values in (lo, hi), seeded: inside an op's domain and away from its kinks. */
function uniform(shape: number[], seed: number, lo: number, hi: number): tn.Tensor {
  const r = new Random(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tn.tensor(Float64Array.from({ length: size }, () => r.uniform(lo, hi)), shape, 'float64');
}

/** Checks f's gradient, and the gradient of its backward rule (a Hessian-vector product), at x. */
function expectFirstAndSecond(f: (x: tn.Tensor) => tn.Tensor, x: tn.Tensor, seed: number): void {
  expectGradOk(f, [x]);
  expectHvpOk(f, [x], seed);
}

type Domain = [lo: number, hi: number] | ValueOpts;
const unaries: [string, (x: tn.Tensor) => tn.Tensor, Domain][] = [
  ['sin', tn.sin, [-3, 3]],
  ['cos', tn.cos, [-3, 3]],
  ['tan', tn.tan, [-1.2, 1.2]],
  ['asin', tn.asin, [-0.9, 0.9]],
  ['acos', tn.acos, [-0.9, 0.9]],
  ['atan', tn.atan, [-3, 3]],
  ['sinh', tn.sinh, [-3, 3]],
  ['cosh', tn.cosh, [-3, 3]],
  ['asinh', tn.asinh, [-3, 3]],
  ['acosh', tn.acosh, [1.2, 4]],
  ['atanh', tn.atanh, [-0.9, 0.9]],
  ['rsqrt', tn.rsqrt, [0.2, 3]],
  ['log1p', tn.log1p, [-0.8, 3]],
  ['expm1', tn.expm1, [-3, 3]],
  ['erf', tn.erf, [-3.5, 3.5]],
  ['elu', tn.elu, { awayFromZero: 0.05 }],
  ['selu', tn.selu, { awayFromZero: 0.05 }],
  ['relu6', tn.relu6, [-2, 8]],
  ['softplus', tn.softplus, [-6, 6]],
  ['logSigmoid', tn.logSigmoid, [-6, 6]],
  ['leakyRelu', (x) => tn.leakyRelu(x, 0.3), { awayFromZero: 0.05 }],
  ['clipByValue', (x) => tn.clipByValue(x, -0.7, 0.9), [-2, 2]],
  ['step (zero gradient)', (x) => tn.mul(tn.step(x, 0.25), tn.square(x)), { awayFromZero: 0.05 }],
];

/** Keeps relu6's and clipByValue's inputs off their kinks (0 and 6, −0.7 and 0.9). */
function offKinks(x: tn.Tensor, kinks: number[]): tn.Tensor {
  const v = x.dataSync().map((e) => (kinks.some((k) => Math.abs(e - k) < 0.05) ? e + 0.1 : e));
  return tn.tensor(v, [...x.shape], 'float64');
}

describe('math ops: backward rules and their gradients (Hessian-vector products) match finite differences (float64)', () => {
  for (const [name, f, domain] of unaries) {
    it(name, () => {
      fc.assert(fc.property(shapeArb(0, 3), seedArb, (shape, seed) => {
        let x = Array.isArray(domain) ? uniform(shape, seed, domain[0], domain[1]) : randTensor(shape, seed, domain);
        if (name === 'relu6') x = offKinks(x, [0, 6]);
        if (name === 'clipByValue') x = offKinks(x, [-0.7, 0.9]);
        expectFirstAndSecond(f, x, seed);
      }), RUNS);
    });
  }

  const binaries: [string, (a: tn.Tensor, b: tn.Tensor) => tn.Tensor, (s: number[], seed: number) => tn.Tensor, (s: number[], seed: number) => tn.Tensor][] = [
    ['atan2', tn.atan2, (s, seed) => randTensor(s, seed), (s, seed) => randTensor(s, seed, { awayFromZero: 0.3 })],
    ['squaredDifference', tn.squaredDifference, (s, seed) => randTensor(s, seed), (s, seed) => randTensor(s, seed)],
    ['prelu', tn.prelu, (s, seed) => randTensor(s, seed, { awayFromZero: 0.05 }), (s, seed) => uniform(s, seed, 0.05, 0.5)],
  ];
  for (const [name, f, makeA, makeB] of binaries) {
    it(`${name} with broadcasting, both operands (and a Hessian-vector product in each)`, () => {
      fc.assert(fc.property(broadcastPairArb, seedArb, ([sa, sb], seed) => {
        const a = makeA(sa, seed), b = makeB(sb, seed + 1);
        expectGradOk(f, [a, b]);
        expectFirstAndSecond((t) => f(t, b), a, seed);
        expectFirstAndSecond((t) => f(a, t), b, seed + 2);
      }), RUNS);
    });
  }

  it('comparisons have zero gradients, and a mask made of them keeps the gradient connected', () => {
    fc.assert(fc.property(shapeArb(0, 3), seedArb, (shape, seed) => {
      const x = randTensor(shape, seed, { awayFromZero: 0.1 });
      for (const cmp of [tn.less, tn.lessEqual, tn.greaterEqual, tn.notEqual]) {
        expectFirstAndSecond((t) => tn.mul(cmp(t, 0), tn.square(t)), x, seed);
      }
    }), RUNS);
  });

  it('addN passes the gradient to every addend', () => {
    fc.assert(fc.property(shapeArb(0, 3), seedArb, (shape, seed) => {
      const [a, b, c] = [0, 1, 2].map((k) => randTensor(shape, seed + k));
      expectGradOk((x, y, z) => tn.addN([tn.square(x), tn.mul(x, y), z]), [a, b, c]);
      expectFirstAndSecond((t) => tn.addN([tn.square(t), tn.sin(t)]), a, seed);
    }), RUNS);
  });

  const axesArb = shapeArb(1, 3).chain((shape) => fc.tuple(fc.constant(shape), fc.subarray(shape.map((_, i) => i)), fc.boolean()));

  it('prod over random axes (no zeros), keepDims both ways', () => {
    fc.assert(fc.property(axesArb, seedArb, ([shape, axes, keepDims], seed) => {
      const x = randTensor(shape, seed, { awayFromZero: 0.2 });
      expectFirstAndSecond((t) => tn.prod(t, axes.length ? axes : undefined, keepDims), x, seed);
    }), RUNS);
  });

  it('prod with one and with two zeros in a group: the product of the others (as TF.js), and its own gradient', () => {
    const one = tn.tensor([[2, 0, 3], [1, 4, 5]], [2, 3], 'float64');
    const two = tn.tensor([[0, 2, 0], [1, 4, 5]], [2, 3], 'float64');
    expectFirstAndSecond((t) => tn.prod(t, 1), one, 1);
    expectFirstAndSecond((t) => tn.prod(t), one, 2);
    expectFirstAndSecond((t) => tn.prod(t, 0), two, 3);
    expectFirstAndSecond((t) => tn.prod(t, 1), two, 4);
    // The Hessian of x0·x1·x2 at [0, 2, 3], row by row.
    const x = tn.tensor([0, 2, 3], [3], 'float64');
    const rows = [0, 1, 2].map((k) => Array.from(tn.grad((t) => tn.grad((u) => u.prod())(t).slice(k, 1).sum())(x).dataSync()));
    expect(rows).toEqual([[0, 3, 2], [3, 0, 0], [2, 0, 0]]);
    // The same over a long group (once taken by a quotient form, whose second derivative was 0 at two zeros).
    const long = tn.concat([tn.tensor([0, 0, 2], [3], 'float64'), tn.ones([3000], 'float64')]);
    const row0 = tn.grad((t) => tn.grad((u) => u.prod())(t).slice(0, 1).sum())(long).dataSync();
    expect(Array.from(row0.slice(0, 4))).toEqual([0, 2, 0, 0]);
    expect(Array.from(tn.grad((u) => u.prod())(long).dataSync().slice(0, 3))).toEqual([0, 0, 0]);
  });

  it('prod with a NaN or an infinite element: each other element still gets the product of the rest (TF.js\'s values)', () => {
    const x = tn.tensor([[1, NaN, 2], [0, Infinity, 2], [Infinity, 1, 0]]);
    expect(Array.from(tn.grad((t) => tn.prod(t, 1).sum())(x).dataSync())).toEqual([NaN, 2, NaN, Infinity, 0, NaN, 0, NaN, Infinity]);
    expect(Array.from(tn.grad((t) => tn.prod(t, 0).sum())(tn.transpose(x)).dataSync())).toEqual([NaN, Infinity, 0, 2, 0, NaN, NaN, NaN, Infinity]);
  });

  it('logSumExp over random axes, keepDims both ways', () => {
    fc.assert(fc.property(axesArb, seedArb, ([shape, axes, keepDims], seed) => {
      expectFirstAndSecond((t) => tn.logSumExp(t, axes.length ? axes : undefined, keepDims), tn.mul(randTensor(shape, seed), 3), seed);
    }), RUNS);
  });

  it('cumsum along each axis, exclusive and reverse both ways', () => {
    const caseArb = shapeArb(1, 3).chain((shape) => fc.tuple(fc.constant(shape), fc.integer({ min: -shape.length, max: shape.length - 1 }), fc.boolean(), fc.boolean()));
    fc.assert(fc.property(caseArb, seedArb, ([shape, axis, exclusive, reverse], seed) => {
      expectFirstAndSecond((t) => tn.square(tn.cumsum(t, axis, exclusive, reverse)), randTensor(shape, seed), seed);
    }), RUNS);
  });

  it('moments: mean and variance over random axes', () => {
    fc.assert(fc.property(axesArb, seedArb, ([shape, axes, keepDims], seed) => {
      const x = randTensor(shape, seed);
      const ax = axes.length ? axes : undefined;
      expectFirstAndSecond((t) => tn.moments(t, ax, keepDims).variance, x, seed);
      expectFirstAndSecond((t) => tn.square(tn.moments(t, ax, keepDims).mean), x, seed);
    }), RUNS);
  });

  it('norm: euclidean, 1, inf, -inf over a vector axis; fro, 1, inf over two axes', () => {
    const normCase = shapeArb(2, 3).chain((shape) => fc.tuple(fc.constant(shape), fc.shuffledSubarray(shape.map((_, i) => i), { minLength: 2, maxLength: 2 })));
    fc.assert(fc.property(normCase, seedArb, ([shape, [r, c]], seed) => {
      // Random values: sums and magnitudes do not tie (max/min), and none sits at abs's kink.
      const x = randTensor(shape, seed, { awayFromZero: 0.05 });
      for (const ord of ['euclidean', 2, 1, Infinity, -Infinity] as const) expectFirstAndSecond((t) => tn.norm(t, ord, r), x, seed);
      expectFirstAndSecond((t) => tn.norm(t), x, seed);
      expectFirstAndSecond((t) => tn.norm(t, 'euclidean', null, true), x, seed);
      for (const ord of ['fro', 1, Infinity, -Infinity] as const) expectGradOk((t) => tn.norm(t, ord, [r, c], true), [x]);
      expectFirstAndSecond((t) => tn.norm(t, 'fro', [r, c]), x, seed);
    }), { ...RUNS, numRuns: 6 });
  });
});

describe('activations\' first and second derivatives stay exact where the activation saturates (float64)', () => {
  const SELU_SCALE_ALPHA = 1.0507009873554805 * 1.6732632423543772;
  /** d/dx and d²/dx² of f at each x, elementwise (the sum's gradient, and the gradient of that gradient). */
  const derivatives = (f: (t: tn.Tensor) => tn.Tensor, xs: number[]): [number[], number[]] => {
    const x = tn.tensor(xs, [xs.length], 'float64');
    const d1 = tn.grad((t) => tn.sum(f(t)))(x);
    const d2 = tn.grad((t) => tn.sum(tn.grad((u) => tn.sum(f(u)))(t)))(x);
    return [Array.from(d1.dataSync()), Array.from(d2.dataSync())];
  };
  const close = (got: number[], want: number[]) => got.forEach((g, i) => expect(Math.abs(g - want[i])).toBeLessThanOrEqual(1e-13 * Math.abs(want[i])));
  const sig = (x: number) => 1 / (1 + Math.exp(-x));

  it('elu and selu below zero: eˣ and scale·alpha·eˣ, also at x = −40 (not y + alpha, which cancels to 0)', () => {
    const xs = [-40, -30, -20, -5, -0.5];
    for (const [f, k] of [[tn.elu, 1], [tn.selu, SELU_SCALE_ALPHA]] as const) {
      const [d1, d2] = derivatives((t) => f(t), xs);
      close(d1, xs.map((x) => k * Math.exp(x)));
      close(d2, xs.map((x) => k * Math.exp(x)));
    }
  });

  it('softplus and logSigmoid: second derivatives ±σ(x)σ(−x), also at |x| = 50 (not y(1 − y), which cancels to 0)', () => {
    const xs = [50, 30, 20, 2, -3, -50];
    const [s1, s2] = derivatives((t) => tn.softplus(t), xs);
    close(s1, xs.map(sig));
    close(s2, xs.map((x) => sig(x) * sig(-x)));
    const [l1, l2] = derivatives((t) => tn.logSigmoid(t), xs);
    close(l1, xs.map((x) => sig(-x)));
    close(l2, xs.map((x) => -sig(x) * sig(-x)));
  });
});

describe('gradients at NaN, infinite and degenerate points (TF.js\'s values, or exact where TF.js\'s are not)', () => {
  /** A tensor's values, with -0 read as 0. */
  const vals = (t: tn.Tensor) => Array.from(t.dataSync(), (v) => v + 0);
  const grads = (f: (a: tn.Tensor, b: tn.Tensor) => tn.Tensor, a: number[], b: number[]) =>
    tn.grads((x: tn.Tensor, y: tn.Tensor) => tn.sum(f(x, y)))([tn.tensor(a), tn.tensor(b)]).map(vals);

  it('maximum and minimum: TF.js\'s masks (a where a >= b or a <= b, b where a < b or a > b), so a NaN operand gives neither dy', () => {
    const a = [NaN, 1, 2, 1, NaN], b = [1, NaN, 1, 1, NaN];
    expect(grads(tn.maximum, a, b)).toEqual([[0, 0, 1, 1, 0], [0, 0, 0, 0, 0]]);
    expect(grads(tn.minimum, a, b)).toEqual([[0, 0, 0, 1, 0], [0, 0, 1, 0, 0]]);
  });

  it('clipByValue passes dy inside its bounds and at them, not at NaN; equal bounds give the constant and a zero gradient', () => {
    const x = tn.tensor([NaN, Infinity, -Infinity, -1, 1, 0.5, 3]);
    expect(vals(tn.clipByValue(x, -1, 1))).toEqual([NaN, 1, -1, -1, 1, 0.5, 1]);
    expect(vals(tn.grad((t) => tn.sum(tn.clipByValue(t, -1, 1)))(x))).toEqual([0, 0, 0, 1, 1, 1, 0]);
    const y = tn.tensor([0, 0.5, 1, NaN]);
    expect(vals(tn.clipByValue(y, 0.5, 0.5))).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(vals(tn.grad((t) => tn.sum(tn.clipByValue(t, 0.5, 0.5)))(y))).toEqual([0, 0, 0, 0]);
    // An infinite bound is a bound too: -Infinity ≥ -Infinity passes dy.
    expect(vals(tn.grad((t) => tn.sum(tn.clipByValue(t, -Infinity, 1)))(x))).toEqual([0, 0, 1, 1, 1, 1, 0]);
    expect(vals(tn.grad((t) => tn.sum(tn.clipByValue(t, -1, Infinity)))(x))).toEqual([0, 1, 0, 1, 1, 1, 1]);
  });

  it('clipByValue\'s gradient masks by one comparison (the output equal to x), not TF.js\'s three ops', () => {
    const binary = vi.spyOn(backend(), 'binary');
    const x = tn.tensor([NaN, -2, -1, 0.25, 1, 2]);
    expect(vals(tn.grad((t) => tn.sum(tn.mul(tn.clipByValue(t, -1, 1), 3)))(x))).toEqual([0, 0, 3, 3, 3, 0]);
    const ops = binary.mock.calls.map(([op]) => op);
    expect(ops.filter((op) => op === 'equal')).toHaveLength(1);
    expect(ops.filter((op) => ['greaterEqual', 'lessEqual', 'logicalAnd'].includes(op))).toEqual([]);
    binary.mockRestore();
  });

  it('pow\'s exponent gradient is 0 where the base is not positive, NaN and -Infinity included', () => {
    const [, gb] = grads(tn.pow, [NaN, -Infinity, -Infinity, -2, 2], [0, 0, -1, 2, 3]);
    expect(gb.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(gb[4]).toBeCloseTo(8 * Math.log(2), 5);
  });

  it('pow\'s base gradient at 0^0 is 0, the derivative of the constant x^0, and so is x^1\'s second derivative at 0 and x^2\'s third', () => {
    const x = tn.tensor([0, 0, 2, -1.5], [4], 'float64');
    const b = tn.tensor([0, 1, 0, 2], [4], 'float64');
    const [ga, gb] = tn.grads((p: tn.Tensor, q: tn.Tensor) => tn.sum(tn.pow(p, q)))([x, b]);
    expect(vals(ga)).toEqual([0, 1, 0, -3]);
    expect(vals(gb)).toEqual([0, 0, Math.LN2, 0]);
    // d/dx of sin(1.3x + 0.2) summed, then the second derivative: -1.3² sin(1.3x + 0.2), through pow(x, 1).
    const first = (t: tn.Tensor) => tn.grad((u: tn.Tensor) => tn.sum(tn.sin(tn.add(tn.mul(tn.pow(u, 1), 1.3), 0.2))))(t);
    const second = vals(tn.grad((t: tn.Tensor) => tn.sum(first(t)))(x));
    [0, 0, 2, -1.5].forEach((v, i) => expect(second[i]).toBeCloseTo(-1.69 * Math.sin(1.3 * v + 0.2), 14));
    const square = (t: tn.Tensor) => tn.grad((u: tn.Tensor) => tn.sum(tn.pow(u, 2)))(t);
    const third = tn.grad((t: tn.Tensor) => tn.sum(tn.grad((u: tn.Tensor) => tn.sum(square(u)))(t)))(x);
    expect(vals(third).map(Math.abs)).toEqual([0, 0, 0, 0]);
    // A constant exponent is masked wherever it is 0, as PyTorch's number exponent: near 0, a^-1 and a^-2 overflow,
    // and 0·∞ gave NaN.
    const tiny = tn.tensor([1e-200, 1e-160, 1e-100, 0, 2], [5], 'float64');
    const d = (f: (t: tn.Tensor) => tn.Tensor) => (t: tn.Tensor) => tn.grad((u: tn.Tensor) => tn.sum(f(u)))(t);
    expect(vals(d(d((t) => tn.pow(t, 0)))(tiny)).map(Math.abs)).toEqual([0, 0, 0, 0, 0]);
    expect(vals(d(d(d((t) => tn.pow(t, 1))))(tiny)).map(Math.abs)).toEqual([0, 0, 0, 0, 0]);
    expect(vals(d(d(d(d((t) => tn.pow(t, 2)))))(tiny)).map(Math.abs)).toEqual([0, 0, 0, 0, 0]);
    // A differentiated exponent is not: d²/da db of a^b at b = 0 is 1/a.
    const at = tn.tensor([2, 0.5], [2], 'float64');
    const mixed = tn.grad((q: tn.Tensor) => tn.sum(tn.grad((p: tn.Tensor) => tn.sum(tn.pow(p, q)))(at)))(tn.zeros([2], 'float64'));
    expect(vals(mixed)).toEqual([0.5, 2]);
  });

  it('mod\'s divisor gradient is -floor(a / b) as TF.js\'s: ±Infinity or NaN where mod is NaN, exact past int32', () => {
    expect(grads(tn.mod, [1, -2, Infinity, 3, 5, 1e10], [0, 0, 2, NaN, Infinity, 3])).toEqual([[1, 1, 1, 1, 1, 1], [-Infinity, Infinity, -Infinity, NaN, 0, -3333333248]]);
  });

  it('rsqrt: -Infinity at -0 as at +0, NaN below 0 (-Infinity included)', () => {
    expect(vals(tn.grad((t) => tn.sum(tn.rsqrt(t)))(tn.tensor([-0, 0, -Infinity, -4, Infinity, 4])))).toEqual([-Infinity, -Infinity, NaN, NaN, 0, -0.0625]);
  });
});
