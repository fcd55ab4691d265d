import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { broadcastPairArb, normalizedAxes, shapeWithAxisArb, sizeOf } from '../arbitraries';
import { FC, distinctTensor, randTensor, seedArb } from '../helpers';

// Forward values against a plain index-by-index reference (float64). The gradient checks compare
// an op's backward rule with its own forward, so a forward that broadcasts or reduces the wrong
// elements would pass them; these would not.

/** Row-major strides of a shape. */
function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1] * shape[i + 1];
  return s;
}

/** numpy broadcasting of f over a (shape sa) and b (shape sb), by output index. */
function broadcastRef(a: ArrayLike<number>, sa: number[], b: ArrayLike<number>, sb: number[], f: (p: number, q: number) => number): { shape: number[]; values: number[] } {
  const rank = Math.max(sa.length, sb.length);
  const pa = [...new Array<number>(rank - sa.length).fill(1), ...sa], pb = [...new Array<number>(rank - sb.length).fill(1), ...sb];
  const shape = pa.map((d, i) => Math.max(d, pb[i]));
  const os = strides(shape), as = strides(pa), bs = strides(pb);
  const values = Array.from({ length: sizeOf(shape) }, (_, flat) => {
    let ia = 0, ib = 0;
    for (let d = 0; d < rank; d++) {
      const k = Math.floor(flat / os[d]) % shape[d];
      ia += (pa[d] === 1 ? 0 : k) * as[d];
      ib += (pb[d] === 1 ? 0 : k) * bs[d];
    }
    return f(a[ia], b[ib]);
  });
  return { shape, values };
}

/** Reduces x (shape) over axes with f from init, keeping 1s where it reduced when keepDims. */
function reduceRef(x: ArrayLike<number>, shape: number[], axes: number[], f: (acc: number, v: number) => number, init: number, keepDims: boolean) {
  const kept = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const out = new Array<number>(sizeOf(kept)).fill(init);
  const xs = strides(shape), ks = strides(kept);
  for (let flat = 0; flat < x.length; flat++) {
    let o = 0;
    for (let d = 0; d < shape.length; d++) if (!axes.includes(d)) o += (Math.floor(flat / xs[d]) % shape[d]) * ks[d];
    out[o] = f(out[o], x[flat]);
  }
  return { shape: keepDims ? kept : shape.filter((_, i) => !axes.includes(i)), values: out };
}

const binaries: [string, (a: tn.Tensor, b: tn.Tensor) => tn.Tensor, (p: number, q: number) => number][] = [
  ['add', tn.add, (p, q) => p + q],
  ['sub', tn.sub, (p, q) => p - q],
  ['mul', tn.mul, (p, q) => p * q],
  ['div', tn.div, (p, q) => p / q],
  ['maximum', tn.maximum, Math.max],
  ['minimum', tn.minimum, Math.min],
  ['pow', (a, b) => tn.pow(tn.abs(a), b), (p, q) => Math.abs(p) ** q],
  ['greater', tn.greater, (p, q) => (p > q ? 1 : 0)],
  ['equal', tn.equal, (p, q) => (p === q ? 1 : 0)],
];

describe('forward broadcasting and reductions against an index-by-index reference (float64)', () => {
  for (const [name, op, ref] of binaries) {
    it(`${name} broadcasts like numpy`, () => {
      fc.assert(fc.property(broadcastPairArb, seedArb, ([sa, sb], seed) => {
        const a = randTensor(sa, seed), b = randTensor(sb, seed + 1, { awayFromZero: 0.3 });
        const want = broadcastRef(a.dataSync(), sa, b.dataSync(), sb, ref);
        const got = op(a, b);
        expect(got.shape, `[${sa}] ${name} [${sb}]`).toEqual(want.shape);
        const values = Array.from(got.dataSync());
        want.values.forEach((w, i) => expect(Math.abs(values[i] - w), `[${sa}] ${name} [${sb}] at ${i}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w))));
      }), FC);
    });
  }

  const reductions: [string, typeof tn.sum, (acc: number, v: number) => number, number, boolean][] = [
    ['sum', tn.sum, (s, v) => s + v, 0, false],
    ['max', tn.max, Math.max, -Infinity, true],
    ['min', tn.min, Math.min, Infinity, true],
  ];
  for (const [name, op, f, init, distinct] of reductions) {
    it(`${name} over number, array, negative and omitted axes, keepDims both ways`, () => {
      fc.assert(fc.property(shapeWithAxisArb(1, 4), fc.boolean(), seedArb, ([shape, axis], keepDims, seed) => {
        const x = distinct ? distinctTensor(shape, seed) : randTensor(shape, seed);
        const want = reduceRef(x.dataSync(), shape, normalizedAxes(axis, shape.length), f, init, keepDims);
        const got = op(x, axis, keepDims);
        const what = `${name}([${shape}], ${JSON.stringify(axis)}, ${keepDims})`;
        expect(got.shape, what).toEqual(want.shape);
        const values = Array.from(got.dataSync());
        want.values.forEach((w, i) => expect(Math.abs(values[i] - w), `${what} at ${i}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w))));
      }), FC);
    });
  }

  it('mean is the sum over the count of reduced elements', () => {
    fc.assert(fc.property(shapeWithAxisArb(1, 4), seedArb, ([shape, axis], seed) => {
      const x = randTensor(shape, seed);
      const axes = normalizedAxes(axis, shape.length);
      const count = axes.reduce((n, a) => n * shape[a], 1);
      const want = reduceRef(x.dataSync(), shape, axes, (s, v) => s + v, 0, false).values.map((v) => v / count);
      const got = Array.from(tn.mean(x, axis).dataSync());
      want.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w))));
    }), FC);
  });
});
