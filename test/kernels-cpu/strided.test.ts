import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, gatherStrided, scatterStrided } from '../../kernels/cpu/strided';
import { rowMajorStrides } from '../../kernels/shared/strided';
import { runs } from './helpers';

// The strided kernels against element-by-element references, on every dtype's array type (they move values only).

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Every coordinate of shape, in row-major order. */
function* coords(shape: readonly number[]): Generator<number[]> {
  if (shape.some((d) => d === 0)) return;
  const c = shape.map(() => 0);
  for (let i = 0; i < size(shape); i++) {
    yield c.slice();
    for (let k = shape.length - 1; k >= 0 && ++c[k] === shape[k]; k--) c[k] = 0;
  }
}

const arrays = [Float32Array, Float64Array, Int32Array, Uint8Array] as const;
const ramp = (Type: (typeof arrays)[number], n: number) => {
  const values = new Type(n);
  for (let i = 0; i < n; i++) values[i] = (i * 7 + 3) % 251;
  return values;
};
const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 5 });

describe('cpu strided kernels', () => {
  it('gatherStrided reads x at offset + Σ c·strides (strides of any sign, zero included)', () => {
    fc.assert(fc.property(shapeArb, fc.nat(), fc.constantFrom(...arrays), (shape, seed, Type) => {
      // Per axis a stride in {-2, -1, 0, 1, 2} times a base, from an offset that keeps every read inside x.
      const strides = shape.map((_, k) => (((seed >> (3 * k)) % 5) - 2) * (k + 1));
      const lowest = shape.reduce((o, d, k) => o + Math.min(0, (Math.max(d, 1) - 1) * strides[k]), 0);
      const highest = shape.reduce((o, d, k) => o + Math.max(0, (Math.max(d, 1) - 1) * strides[k]), 0);
      const offset = -lowest;
      const x = ramp(Type, offset + highest + 1);
      const out = new Type(size(shape));
      gatherStrided(x, offset, strides, out, shape);
      const want = [...coords(shape)].map((c) => x[offset + c.reduce((o, ck, k) => o + ck * strides[k], 0)]);
      expect(Array.from(out)).toEqual(want);
    }), runs(200));
  });

  it('scatterStrided puts x on the lattice begin + c·steps and fill elsewhere', () => {
    fc.assert(fc.property(shapeArb, fc.nat(), fc.constantFrom(...arrays), (xShape, seed, Type) => {
      const steps = xShape.map((_, k) => (((seed >> (2 * k)) & 1) ? -1 : 1) * (1 + ((seed >> (2 * k + 1)) & 1)));
      const before = xShape.map((_, k) => (seed >> k) % 3);
      const outShape = xShape.map((d, k) => before[k] + Math.max(d - 1, 0) * Math.abs(steps[k]) + 1 + ((seed >> (k + 1)) % 2));
      const begin = xShape.map((d, k) => (steps[k] > 0 ? before[k] : before[k] + Math.max(d - 1, 0) * -steps[k]));
      const x = ramp(Type, size(xShape)).map((v) => v + 1);
      const out = new Type(size(outShape));
      scatterStrided(x, xShape, out, outShape, begin, steps, 0);
      const want = new Type(size(outShape));
      const os = rowMajorStrides(outShape);
      let i = 0;
      for (const c of coords(xShape)) want[c.reduce((o, ck, k) => o + (begin[k] + ck * steps[k]) * os[k], 0)] = x[i++];
      expect(Array.from(out)).toEqual(Array.from(want));
    }), runs(200));
  });

  it('concat joins along any axis', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }), fc.nat(), (shape, lengths, seed) => {
      const axis = seed % shape.length;
      const shapes = lengths.map((n) => shape.map((d, k) => (k === axis ? n : d)));
      const xs = shapes.map((s, i) => Float64Array.from({ length: size(s) }, (_, j) => 1000 * i + j));
      const outShape = shape.map((d, k) => (k === axis ? lengths.reduce((a, b) => a + b, 0) : d));
      const out = new Float64Array(size(outShape));
      concat(xs, shapes, axis, out, outShape);
      const os = rowMajorStrides(outShape);
      let at = 0;
      shapes.forEach((s, i) => {
        let j = 0;
        for (const c of coords(s)) expect(out[c.reduce((o, ck, k) => o + (k === axis ? ck + at : ck) * os[k], 0)]).toBe(xs[i][j++]);
        at += s[axis];
      });
    }), runs(100));
  });
});
