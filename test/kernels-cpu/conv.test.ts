import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from '../../kernels/cpu/conv';
import { conv2dGeometry, pool2dGeometry, type Conv2dGeometry } from '../../kernels/shared/geometry';
import { conv2dBackpropFilterNaive, conv2dBackpropInputNaive, conv2dNaive } from '../../kernels/cpu/conv-naive';
import { gemmNaive, type GemmFn } from '../../kernels/cpu/gemm';
import { col2im, im2col } from '../../kernels/cpu/im2col';
import type { Padding } from '../../kernels/shared/types';
import { alloc, dtypeArb, expectClose, random, runs } from './helpers';

/** Random valid conv problems: odd sizes, 1s, strides 1–3, both paddings. */
const geometryArb = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }), h: fc.integer({ min: 1, max: 9 }), w: fc.integer({ min: 1, max: 9 }),
    inC: fc.integer({ min: 1, max: 4 }), outC: fc.integer({ min: 1, max: 5 }),
    kh: fc.integer({ min: 1, max: 4 }), kw: fc.integer({ min: 1, max: 4 }),
    sh: fc.integer({ min: 1, max: 3 }), sw: fc.integer({ min: 1, max: 3 }),
    pad: fc.constantFrom<Padding>('valid', 'same'),
  })
  .map(({ batch, h, w, inC, outC, kh, kw, sh, sw, pad }) =>
    // 'valid' needs the filter to fit inside the image.
    conv2dGeometry([batch, h, w, inC], [pad === 'valid' ? Math.min(kh, h) : kh, pad === 'valid' ? Math.min(kw, w) : kw, inC, outC], [sh, sw], pad),
  );

const sizes = (g: Conv2dGeometry) => ({
  x: g.batch * g.inH * g.inW * g.inC,
  w: g.kh * g.kw * g.inC * g.outC,
  y: g.batch * g.outH * g.outW * g.outC,
  cols: g.batch * g.outH * g.outW * g.kh * g.kw * g.inC,
});

describe('conv geometry', () => {
  it('follows TF.js for valid and same', () => {
    const a = conv2dGeometry([32, 28, 28, 1], [3, 3, 1, 32], [1, 1], 'valid');
    expect([a.outH, a.outW, a.padTop, a.padLeft, a.outC]).toEqual([26, 26, 0, 0, 32]);
    const b = conv2dGeometry([1, 5, 6, 2], [3, 3, 2, 4], [2, 2], 'same');
    expect([b.outH, b.outW, b.padTop, b.padLeft]).toEqual([3, 3, 1, 0]); // padTotal 2 and 1
    const c = conv2dGeometry([1, 5, 5, 1], [2, 2, 1, 1], [2, 2], 'valid');
    expect([c.outH, c.outW]).toEqual([2, 2]);
    const p = pool2dGeometry([2, 7, 7, 3], [2, 2], [2, 2], 'same');
    expect([p.outH, p.outW, p.padTop, p.padLeft, p.channels, p.fh]).toEqual([4, 4, 0, 0, 3, 2]);
    const q = pool2dGeometry([1, 26, 26, 32], [2, 2], [2, 2], 'valid');
    expect([q.outH, q.outW]).toEqual([13, 13]);
  });
});

describe('conv2d', () => {
  const x = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const w = new Float64Array([1, 2, 3, 4]);

  it('computes a hand-worked 3x3 input with a 2x2 filter, valid and same', () => {
    const gv = conv2dGeometry([1, 3, 3, 1], [2, 2, 1, 1], [1, 1], 'valid');
    const out = new Float64Array(4);
    conv2d(x, w, gv, out, new Float64Array(16));
    expect(Array.from(out)).toEqual([37, 47, 67, 77]);
    // 'same' pads one row and column after the image (padTotal 1, padTop 0).
    const gs = conv2dGeometry([1, 3, 3, 1], [2, 2, 1, 1], [1, 1], 'same');
    const outS = new Float64Array(9);
    conv2d(x, w, gs, outS, new Float64Array(36));
    expect(Array.from(outS)).toEqual([37, 47, 21, 67, 77, 33, 23, 26, 9]);
  });

  it('uses the injected gemm', () => {
    const g = conv2dGeometry([1, 3, 3, 1], [2, 2, 1, 1], [1, 1], 'valid');
    let calls = 0;
    const counting: GemmFn = (...args) => { calls++; gemmNaive(...args); };
    const out = new Float64Array(4), cols = new Float64Array(16);
    conv2d(x, w, g, out, cols, counting);
    conv2dBackpropInput(out, w, g, new Float64Array(9), cols, counting);
    conv2dBackpropFilter(x, out, g, new Float64Array(4), cols, counting);
    expect(calls).toBe(3);
    expect(Array.from(out)).toEqual([37, 47, 67, 77]);
  });

  it('forward and both backprops match the direct loops on random geometry', () => {
    fc.assert(
      fc.property(geometryArb, dtypeArb, fc.nat(), (g, dtype, seed) => {
        const n = sizes(g);
        const xs = random(dtype, n.x, seed), ws = random(dtype, n.w, seed + 1), dy = random(dtype, n.y, seed + 2);
        const cols = alloc(dtype, n.cols);
        const [out, outRef] = [alloc(dtype, n.y), alloc(dtype, n.y)];
        conv2d(xs, ws, g, out, cols);
        conv2dNaive(xs, ws, g, outRef);
        expectClose(out, outRef, dtype);
        // Backprops overwrite: start from garbage to prove it.
        const [dx, dxRef] = [random(dtype, n.x, 7), alloc(dtype, n.x)];
        conv2dBackpropInput(dy, ws, g, dx, cols);
        conv2dBackpropInputNaive(dy, ws, g, dxRef);
        expectClose(dx, dxRef, dtype);
        const [dw, dwRef] = [random(dtype, n.w, 8), alloc(dtype, n.w)];
        conv2dBackpropFilter(xs, dy, g, dw, cols);
        conv2dBackpropFilterNaive(xs, dy, g, dwRef);
        expectClose(dw, dwRef, dtype);
      }),
      runs(150),
    );
  });
});

describe('im2col / col2im', () => {
  it('lays out patches as (ky*kw + kx)*inC + c, zeros in the padding', () => {
    const g = conv2dGeometry([1, 2, 2, 2], [2, 2, 2, 1], [1, 1], 'same'); // 2x2 out, pad after
    const x = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]); // pixel (y,x) has channels [1+2(2y+x), 2+2(2y+x)]
    const cols = new Float64Array(4 * 8);
    im2col(x, g, cols);
    expect(Array.from(cols.subarray(0, 8))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(cols.subarray(24, 32))).toEqual([7, 8, 0, 0, 0, 0, 0, 0]);
  });

  it('col2im is the adjoint of im2col: <im2col(x), c> = <x, col2im(c)>', () => {
    fc.assert(
      fc.property(geometryArb, fc.nat(), (g, seed) => {
        const n = sizes(g);
        const x = random('float64', n.x, seed), c = random('float64', n.cols, seed + 1);
        const cols = new Float64Array(n.cols), back = random('float64', n.x, seed + 2);
        im2col(x, g, cols);
        col2im(c, g, back);
        let lhs = 0, rhs = 0;
        for (let i = 0; i < n.cols; i++) lhs += cols[i] * c[i];
        for (let i = 0; i < n.x; i++) rhs += x[i] * back[i];
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(lhs)) * n.cols);
      }),
      runs(150),
    );
  });
});
