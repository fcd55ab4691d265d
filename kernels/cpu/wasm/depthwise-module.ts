import { ValType } from './code-writer';
import { FunctionEmitter, forLoop, i32Params, min } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

/** Each pass: its export, and which array (x-space, filter-space or y-space) accumulates. */
const PASSES = [
  { name: 'dw_conv', sum: 'y' },
  { name: 'dw_conv_dx', sum: 'x' },
  { name: 'dw_conv_dw', sum: 'filter' },
] as const;

export const DEPTHWISE_EXPORTS = PASSES.map((p) => p.name);

/**
 * A depthwise convolution of channel multiplier 1 over NHWC arrays (filter [kh, kw, C]), four channels a vector, in
 * the three passes of the JS twins (kernels/cpu/depthwise-conv.ts), each with 18 i32 parameters:
 *   dw_conv(x, w, y, geometry…, r0, r1, c0, c1): y = Σ x·w over each output's taps;
 *   dw_conv_dx(dy, w, dx, geometry…, r0, r1, c0, c1): dx += dy·w, scattered to each tap's input pixel (dx zeroed first);
 *   dw_conv_dw(x, dy, dw, geometry…, r0, r1, c0, c1): dw += x·dy at each tap (dw zeroed first);
 * geometry: inH, inW, C, outH, outW, kh, kw, sh, sw, padTop, padLeft; r0..r1 are output rows (flat b·outH + oy), c0..c1
 * channels (c0 a multiple of 4). Every sum takes its terms in the twin's order (output pixels in order, then taps: ky,
 * then kx, those outside the image skipped) and adds each as the twin's `s += a * b` on a Float32Array does: product
 * and sum in float64, rounded to float32 at once. So the results are the same bits however the rows (dw_conv) or the
 * channels (the other two, which add into what several rows share) are split among threads.
 */
function addDepthwise(m: ModuleBuilder, pass: (typeof PASSES)[number]): void {
  const f = new FunctionEmitter(i32Params(18));
  const [p0, p1, p2, inH, inW, C, outH, outW, kh, kw, sh, sw, padTop, padLeft, r0, r1, c0, c1] = Array.from({ length: 18 }, (_, i) => i);
  // The x-space array (x or dx), the filter-space one (w or dw) and the y-space one (y or dy) of this pass.
  const [xs, fs, ys] = pass.sum === 'y' ? [p0, p1, p2] : pass.sum === 'x' ? [p2, p1, p0] : [p0, p2, p1];
  const [r, b, oy, ox, o, cb, vecEnd, endBytes, rowBytes, ky, kx, iy, ix, xp, tp] = Array.from({ length: 15 }, () => f.local());
  const [acc, u, v] = [f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.v128)];
  const s = f.local(ValType.f32);
  const c = f.code;
  // Where the sum of the current tap lives: y's in acc (stored once a channel group is done), the others in memory.
  const sumAt = (): void => { c.localGet(pass.sum === 'x' ? xp : tp).localGet(cb).i32Add(); };
  // The addresses of the current tap's two factors: x and w (by the tap's pixel and filter cell), dy (by the output
  // pixel) and w, or x and dy.
  const factors = pass.sum === 'y' ? [() => c.localGet(xp), () => c.localGet(tp)] : pass.sum === 'x' ? [() => c.localGet(o), () => c.localGet(tp)] : [() => c.localGet(xp), () => c.localGet(o)];

  /** body() for each tap inside the image, with xp and tp the byte addresses of its pixel's and its filter cell's channel 0. */
  const taps = (body: () => void): void => {
    forLoop(c, ky, () => c.i32Const(0), () => c.localGet(kh), () => c.i32Const(1), () => {
      c.localGet(oy).localGet(sh).i32Mul().localGet(padTop).i32Sub().localGet(ky).i32Add().localSet(iy);
      c.localGet(iy).localGet(inH).i32LtU().if();
      forLoop(c, kx, () => c.i32Const(0), () => c.localGet(kw), () => c.i32Const(1), () => {
        c.localGet(ox).localGet(sw).i32Mul().localGet(padLeft).i32Sub().localGet(kx).i32Add().localSet(ix);
        c.localGet(ix).localGet(inW).i32LtU().if();
        c.localGet(b).localGet(inH).i32Mul().localGet(iy).i32Add().localGet(inW).i32Mul().localGet(ix).i32Add();
        c.localGet(rowBytes).i32Mul().localGet(xs).i32Add().localSet(xp);
        c.localGet(ky).localGet(kw).i32Mul().localGet(kx).i32Add().localGet(rowBytes).i32Mul().localGet(fs).i32Add().localSet(tp);
        body();
        c.end();
      });
      c.end();
    });
  };
  /** Pushes lanes 0 and 1 (or 2 and 3) of the v128 in local `from` as float64s. */
  const half = (from: number, high: boolean): void => {
    c.localGet(from);
    if (high) c.localGet(from).i32x4Shuffle(2, 3, 2, 3);
    c.f64x2PromoteLowF32x4();
  };
  /** acc's lanes 0, 1 (or 2, 3) plus u·v in float64, rounded to float32: two lanes, then two zeros. */
  const addHalf = (high: boolean): void => {
    half(acc, high);
    half(u, high);
    half(v, high);
    c.f64x2Mul().f64x2Add().f32x4DemoteF64x2Zero();
  };

  c.localGet(C).i32Const(2).i32Shl().localSet(rowBytes);
  c.localGet(c1).i32Const(2).i32Shl().localSet(endBytes);
  // Whole vectors from c0 up to c1 or the last multiple of 4 channels, whichever is lower; single channels after, to c1
  // (c0, a multiple of 4, is never past that last multiple).
  min(c, () => c.localGet(c1), () => { c.localGet(C).i32Const(-4).i32And(); });
  c.i32Const(2).i32Shl().localSet(vecEnd);
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    c.localGet(r).localGet(outH).i32DivU().localSet(b);
    c.localGet(r).localGet(b).localGet(outH).i32Mul().i32Sub().localSet(oy);
    forLoop(c, ox, () => c.i32Const(0), () => c.localGet(outW), () => c.i32Const(1), () => {
      c.localGet(r).localGet(outW).i32Mul().localGet(ox).i32Add().localGet(rowBytes).i32Mul().localGet(ys).i32Add().localSet(o);
      forLoop(c, cb, () => { c.localGet(c0).i32Const(2).i32Shl(); }, () => c.localGet(vecEnd), () => c.i32Const(16), () => {
        if (pass.sum === 'y') c.v128Const0().localSet(acc);
        taps(() => {
          factors[0](); c.localGet(cb).i32Add().v128Load().localSet(u);
          factors[1](); c.localGet(cb).i32Add().v128Load().localSet(v);
          if (pass.sum !== 'y') { sumAt(); c.v128Load().localSet(acc); }
          addHalf(false);
          addHalf(true);
          c.i32x4Shuffle(0, 1, 4, 5).localSet(acc);
          if (pass.sum !== 'y') { sumAt(); c.localGet(acc).v128Store(); }
        });
        if (pass.sum === 'y') c.localGet(o).localGet(cb).i32Add().localGet(acc).v128Store();
      });
      forLoop(c, cb, () => c.localGet(vecEnd), () => c.localGet(endBytes), () => c.i32Const(4), () => {
        if (pass.sum === 'y') c.f32Const(0).localSet(s);
        taps(() => {
          if (pass.sum !== 'y') { sumAt(); c.f32Load().localSet(s); }
          c.localGet(s).f64PromoteF32();
          factors[0](); c.localGet(cb).i32Add().f32Load().f64PromoteF32();
          factors[1](); c.localGet(cb).i32Add().f32Load().f64PromoteF32();
          c.f64Mul().f64Add().f32DemoteF64().localSet(s);
          if (pass.sum !== 'y') { sumAt(); c.localGet(s).f32Store(); }
        });
        if (pass.sum === 'y') c.localGet(o).localGet(cb).i32Add().localGet(s).f32Store();
      });
    });
  });
  f.addTo(m, pass.name);
}

export function addDepthwiseFunctions(m: ModuleBuilder): void {
  for (const pass of PASSES) addDepthwise(m, pass);
}
