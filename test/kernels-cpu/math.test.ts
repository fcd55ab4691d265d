import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binary, binaryNaive, unary } from '../../kernels/cpu/elementwise';
import { cumulative } from '../../kernels/cpu/cumulative';
import { erf } from '../../kernels/cpu/math';
import { reduce, reduceNaive } from '../../kernels/cpu/reduce';
import { broadcastShapes } from '../../kernels/shared/broadcast';
import { MATH_BINARY_OPS, SELU_SCALE, SELU_SCALE_ALPHA, type MathUnaryOp } from '../../kernels/shared/math-op-names';
import { alloc, dtypeArb, dtypes, expectClose, random, runs } from './helpers';

const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);

describe('math unary kernels', () => {
  it('erf matches references to a few ulps over its whole range (Python math.erf values)', () => {
    const cases: [number, number][] = [
      [0, 0], [1e-9, 1.1283791670955127e-9], [-0.3, -0.3286267594591274], [0.5, 0.5204998778130465], [1, 0.8427007929497149],
      [2, 0.9953222650189527], [-2.999, -0.9999777698314002], [3, 0.9999779095030014], [-3.2, -0.9999939742388483],
      [3.5, 0.9999992569016276], [4.5, 0.9999999998033839], [-5.5, -0.9999999999999927], [6.1, 1], [-7, -1],
    ];
    for (const [x, want] of cases) expect(Math.abs(erf(x) - want), `erf(${x})`).toBeLessThanOrEqual(4e-16);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(Number.isNaN(erf(NaN))).toBe(true);
  });

  const reference: Record<MathUnaryOp, (v: number) => number> = {
    sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan, sinh: Math.sinh, cosh: Math.cosh,
    rsqrt: (v) => 1 / Math.sqrt(v), log1p: Math.log1p, expm1: Math.expm1, erf,
    elu: (v) => (v >= 0 ? v : Math.exp(v) - 1), selu: (v) => (v >= 0 ? SELU_SCALE * v : SELU_SCALE_ALPHA * (Math.exp(v) - 1)),
    relu6: (v) => Math.min(Math.max(v, 0), 6), softplus: (v) => Math.log(1 + Math.exp(v)), logSigmoid: (v) => -Math.log(1 + Math.exp(-v)),
    asinh: (v) => Math.log(v + Math.sqrt(v * v + 1)), acosh: (v) => Math.log(v + Math.sqrt(v * v - 1)), atanh: (v) => 0.5 * Math.log((1 + v) / (1 - v)),
  };
  for (const op of Object.keys(reference) as MathUnaryOp[]) {
    it(`${op} matches its definition`, () => {
      for (const dtype of dtypes) {
        const x = random(dtype, 101, 9).map((v) => (op === 'relu6' ? v * 8 : op === 'rsqrt' ? Math.abs(v) + 0.1 : op === 'acosh' ? Math.abs(v) + 1.01 : v * 0.99));
        const out = alloc(dtype, 101);
        unary(op, x, out);
        expectClose(out, alloc(dtype, 101).map((_, i) => reference[op](x[i])), dtype);
      }
    });
  }

  it('softplus and logSigmoid do not overflow', () => {
    const out = new Float64Array(4);
    unary('softplus', new Float64Array([800, -800, 40, -40]), out);
    expect(Array.from(out)).toEqual([800, 0, 40, Math.exp(-40)]);
    unary('logSigmoid', new Float64Array([800, -800, 40, -40]), out);
    expect(Array.from(out)).toEqual([-0, -800, -Math.exp(-40), -40]);
  });
});

describe('math binary kernels', () => {
  it('broadcast like the naive index walk for every op', () => {
    const pair = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }).chain((out) => fc.tuple(
      fc.constant(out), fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }), fc.integer({ min: 0, max: out.length }),
    ));
    fc.assert(fc.property(pair, fc.constantFrom(...MATH_BINARY_OPS), dtypeArb, fc.nat(), ([out, keep, drop], op, dtype, seed) => {
      const aShape = out, bShape = out.map((d, i) => (keep[i] ? d : 1)).slice(drop);
      const n = size(broadcastShapes(aShape, bShape) ?? []);
      // Rounded values make ties, so the comparisons see equal operands too.
      const a = random(dtype, size(aShape), seed).map((v) => Math.round(v * 4) / 4);
      const b = random(dtype, size(bShape), seed + 1).map((v) => Math.round(v * 4) / 4);
      const [got, want] = [alloc(dtype, n), alloc(dtype, n)];
      binary(op, a, aShape, b, bShape, got);
      binaryNaive(op, a, aShape, b, bShape, want);
      expect(Array.from(got)).toEqual(Array.from(want));
    }), runs(200));
  });

  it('compute each op', () => {
    const a = new Float64Array([-2, 0, 3, NaN]), b = new Float64Array([0.5, 0, 3, 1]), out = new Float64Array(4);
    const expected: Record<string, number[]> = {
      atan2: [Math.atan2(-2, 0.5), 0, Math.PI / 4, NaN], prelu: [-1, 0, 3, NaN],
      less: [1, 0, 0, 0], lessEqual: [1, 1, 1, 0], greaterEqual: [0, 1, 1, 0], notEqual: [1, 0, 0, 1],
    };
    for (const op of MATH_BINARY_OPS) {
      binary(op, a, [4], b, [4], out);
      expect(Array.from(out), op).toEqual(expected[op]);
    }
  });
});

describe('prod, any and all reductions', () => {
  it('hand-checked [2, 3]', () => {
    const x = new Float64Array([1, 5, -2, 4, 0, 3]);
    const cases: [('prod' | 'any' | 'all'), number[], number[]][] = [
      ['prod', [0], [4, 0, -6]], ['prod', [1], [-10, 0]], ['prod', [0, 1], [-0]],
      ['any', [0], [1, 1, 1]], ['all', [1], [1, 0]], ['all', [0], [1, 0, 1]], ['any', [0, 1], [1]],
    ];
    for (const [op, axes, expected] of cases) {
      const out = new Float64Array(expected.length);
      reduce(op, x, [2, 3], axes, out);
      expect(Array.from(out), `${op} over [${axes}]`).toEqual(expected);
    }
  });

  it('match the naive index walk on random shapes and axes', () => {
    const arb = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }).chain((shape) => fc.tuple(fc.constant(shape), fc.subarray(shape.map((_, i) => i))));
    fc.assert(fc.property(arb, fc.constantFrom('prod' as const, 'any' as const, 'all' as const), dtypeArb, fc.nat(), ([shape, axes], op, dtype, seed) => {
      const x = random(dtype, size(shape), seed).map((v) => (op === 'prod' ? v + 1 : Math.round(v)));
      const n = size(shape.filter((_, i) => !axes.includes(i)));
      const [out, ref] = [alloc(dtype, n), alloc(dtype, n)];
      reduce(op, x, shape, axes, out);
      reduceNaive(op, x, shape, axes, ref);
      expectClose(out, ref, dtype);
    }), runs(200));
  });
});

describe('cumulative kernel (cumsum and cumprod)', () => {
  /** The definition: each output sums (or multiplies) the elements before (or after) it along the axis, in the scan's order. */
  function naive(x: ArrayLike<number>, outer: number, n: number, inner: number, exclusive: boolean, reverse: boolean, product: boolean): number[] {
    const out: number[] = [];
    for (let o = 0; o < outer; o++) for (let k = 0; k < n; k++) for (let i = 0; i < inner; i++) {
      let s = product ? 1 : 0;
      for (let step = 0; step < n; step++) {
        const j = reverse ? n - 1 - step : step;
        const take = (reverse ? j > k : j < k) || (!exclusive && j === k);
        if (take) s = product ? s * x[(o * n + j) * inner + i] : s + x[(o * n + j) * inner + i];
      }
      out[(o * n + k) * inner + i] = s;
    }
    return out;
  }

  it('matches the definition for every flag combination', () => {
    const dims = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 4 }));
    fc.assert(fc.property(dims, fc.boolean(), fc.boolean(), fc.boolean(), dtypeArb, fc.nat(), ([outer, n, inner], exclusive, reverse, product, dtype, seed) => {
      const x = random(dtype, outer * n * inner, seed);
      const out = alloc(dtype, x.length);
      cumulative(x, outer, n, inner, exclusive, reverse, product, out);
      expectClose(out, naive(x, outer, n, inner, exclusive, reverse, product), dtype);
    }), runs(200));
  });

  it('multiplies in the running order, so a zero before an overflow stays zero (TF.js: [0, 0, 0, 0])', () => {
    const out = new Float32Array(4);
    cumulative(new Float32Array([0, 1e30, 1e30, 2]), 1, 4, 1, false, false, true, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
    cumulative(new Float32Array([1e30, 1e30, 1e-30, 1e-30]), 1, 4, 1, false, false, true, out);
    expect(Array.from(out)).toEqual([Math.fround(1e30), Infinity, Infinity, Infinity]);
    cumulative(new Float32Array([2, 1e30, 1e30, 0]), 1, 4, 1, false, true, true, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });

  it('rounds a float32 sum at every step, as TF.js stores each one (20,000 × 0.1 ends at 1999.6588, not 2000)', () => {
    const x = new Float32Array(20_000).fill(0.1);
    const want = new Float32Array(x.length);
    for (let i = 0, s = 0; i < x.length; i++) want[i] = s = Math.fround(s + x[i]);
    for (const [exclusive, reverse] of [[false, false], [true, false], [false, true], [true, true]]) {
      const out = new Float32Array(x.length);
      cumulative(x, 1, x.length, 1, exclusive, reverse, false, out);
      const last = reverse ? out[0] : out[x.length - 1];
      expect(last, `exclusive ${exclusive}, reverse ${reverse}`).toBe(want[x.length - (exclusive ? 2 : 1)]);
    }
    expect(want[x.length - 1]).toBeCloseTo(1999.6588, 4);
    // float64 sums are not rounded to float32.
    const x64 = new Float64Array(20_000).fill(0.1);
    const out64 = new Float64Array(x64.length);
    cumulative(x64, 1, x64.length, 1, false, false, false, out64);
    let sum64 = 0;
    for (const v of x64) sum64 += v;
    expect(out64[x64.length - 1]).toBe(sum64);
    expect(Math.abs(sum64 - 2000)).toBeLessThan(1e-8);
  });
});
