import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pool2dGeometry } from '../../kernels/shared/geometry';
import { maxPool, maxPoolBackprop, maxPoolNaive } from '../../kernels/cpu/pool';
import type { Padding } from '../../kernels/shared/types';
import { alloc, dtypeArb, random, runs } from './helpers';

describe('maxPool', () => {
  it('picks hand-checked maxima and argmax (first max wins a tie), and scatters the gradient back', () => {
    const x = new Float32Array([1, 5, 2, 0, 3, 4, 8, 8, 0, 0, 1, 1, 9, 0, 1, 1]);
    const g = pool2dGeometry([1, 4, 4, 1], [2, 2], [2, 2], 'valid');
    const out = new Float32Array(4), argmax = new Int32Array(4);
    maxPool(x, g, out, argmax);
    expect(Array.from(out)).toEqual([5, 8, 9, 1]);
    expect(Array.from(argmax)).toEqual([1, 6, 12, 10]);
    const dx = new Float32Array(16).fill(7);
    maxPoolBackprop(new Float32Array([1, 2, 3, 4]), argmax, dx);
    expect(Array.from(dx)).toEqual([0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 4, 0, 3, 0, 0, 0]);
  });

  it('never lets padding win, even when every real value is negative', () => {
    const x = new Float64Array([-3, -1, -2, -4]); // 2x2, one channel
    const g = pool2dGeometry([1, 2, 2, 1], [3, 3], [1, 1], 'same');
    const out = new Float64Array(4), argmax = new Int32Array(4);
    maxPool(x, g, out, argmax);
    expect(Array.from(out)).toEqual([-1, -1, -1, -1]);
    expect(Array.from(argmax)).toEqual([1, 1, 1, 1]);
  });

  it('matches the naive window scan (values and argmax) on random geometry, ties included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }),
        fc.constantFrom<Padding>('valid', 'same'), dtypeArb, fc.nat(),
        (batch, h, w, ch, fh, fw, sh, sw, pad, dtype, seed) => {
          const size: [number, number] = pad === 'valid' ? [Math.min(fh, h), Math.min(fw, w)] : [fh, fw];
          const g = pool2dGeometry([batch, h, w, ch], size, [sh, sw], pad);
          const x = random(dtype, batch * h * w * ch, seed).map((v) => Math.round(v * 3)); // few levels: many ties
          const n = batch * g.outH * g.outW * ch;
          const [out, outRef] = [alloc(dtype, n), alloc(dtype, n)];
          const [arg, argRef] = [new Int32Array(n), new Int32Array(n)];
          maxPool(x, g, out, arg);
          maxPoolNaive(x, g, outRef, argRef);
          expect(Array.from(out)).toEqual(Array.from(outRef));
          expect(Array.from(arg)).toEqual(Array.from(argRef));
          // Overlapping windows (stride < size) must add, not overwrite.
          const dy = random(dtype, n, seed + 1);
          const dx = alloc(dtype, x.length), dxRef = new Float64Array(x.length);
          maxPoolBackprop(dy, arg, dx);
          for (let i = 0; i < n; i++) dxRef[argRef[i]] += dy[i];
          for (let i = 0; i < x.length; i++) expect(dx[i]).toBeCloseTo(dxRef[i], 5);
        },
      ),
      runs(150),
    );
  });
});
