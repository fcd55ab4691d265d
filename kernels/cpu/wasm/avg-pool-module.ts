import { ValType } from './code-writer';
import { FunctionEmitter, floatRun, forLoop, i32Params, maxZero, min } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

const { v128, f64 } = ValType;

export const AVG_POOL_EXPORTS = ['avg_pool', 'avg_pool_back'] as const;

/** The i32 locals of a window's walk and the code that finds a window's cells, clipped to the image. */
function windows(f: FunctionEmitter, g: { inH: number; inW: number; ch: number; outH: number; fh: number; fw: number; sh: number; sw: number; padTop: number; padLeft: number }) {
  const [b, t, ys, ye, xs, xe, iy, ix, at, chBytes, cell] = Array.from({ length: 11 }, () => f.local());
  const [count, scale] = [f.local(f64), f.local(f64)];
  const [counts, scales] = [f.local(v128), f.local(v128)];
  const c = f.code;
  return {
    b, ys, ye, xs, xe, iy, ix, at, chBytes, cell, count, counts, scale, scales,
    /** Rows ys..ye of output row `row` (b·outH + oy), and b. */
    rows(row: number): void {
      c.localGet(row).localGet(g.outH).i32DivU().localSet(b);
      c.localGet(row).localGet(b).localGet(g.outH).i32Mul().i32Sub().localGet(g.sh).i32Mul().localGet(g.padTop).i32Sub().localSet(t);
      maxZero(c, t);
      c.localSet(ys);
      min(c, () => c.localGet(t).localGet(g.fh).i32Add(), () => c.localGet(g.inH));
      c.localSet(ye);
    },
    /**
     * Columns xs..xe of output column `ox`, then count = the window's cells and scale = 1 / count, as the twins'
     * cells.length and 1 / cells.length, and counts and scales (each in both f64 lanes).
     */
    cols(ox: number): void {
      c.localGet(ox).localGet(g.sw).i32Mul().localGet(g.padLeft).i32Sub().localSet(t);
      maxZero(c, t);
      c.localSet(xs);
      min(c, () => c.localGet(t).localGet(g.fw).i32Add(), () => c.localGet(g.inW));
      c.localSet(xe);
      c.localGet(ye).localGet(ys).i32Sub().localGet(xe).localGet(xs).i32Sub().i32Mul().f64ConvertI32S().localTee(count).f64x2Splat().localSet(counts);
      c.f32Const(1).f64PromoteF32().localGet(count).f64Div().localTee(scale).f64x2Splat().localSet(scales);
    },
    /** body() for each cell of the window in the twin's order (rows, then columns), `cell` its byte offset from x. */
    eachCell(body: () => void): void {
      forLoop(c, iy, () => c.localGet(ys), () => c.localGet(ye), () => c.i32Const(1), () => {
        forLoop(c, ix, () => c.localGet(xs), () => c.localGet(xe), () => c.i32Const(1), () => {
          c.localGet(b).localGet(g.inH).i32Mul().localGet(iy).i32Add().localGet(g.inW).i32Mul().localGet(ix).i32Add().localGet(chBytes).i32Mul().localSet(cell);
          body();
        });
      });
    },
  };
}

/**
 * avg_pool(x, out, inH, inW, ch, outH, outW, fh, fw, sh, sw, padTop, padLeft, row0, row1): the twin of
 * kernels/cpu/avg-pool.ts avgPool over output rows row0..row1 (row = b·outH + oy): each window's cells summed in
 * float64 from zero in the twin's order, then divided by their count, rounded to float32. Channels four to a vector
 * (two f64x2 sums); rows are independent, so any split of them gives the same bits.
 */
function addAvgPool(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(15));
  const [x, out, inH, inW, ch, outH, outW, fh, fw, sh, sw, padTop, padLeft, row0, row1] = Array.from({ length: 15 }, (_, i) => i);
  const w = windows(f, { inH, inW, ch, outH, fh, fw, sh, sw, padTop, padLeft });
  const [row, ox, o] = [f.local(), f.local(), f.local()];
  const [accLo, accHi, cell] = [f.local(v128), f.local(v128), f.local(v128)];
  const s = f.local(f64);
  const c = f.code;
  c.localGet(ch).i32Const(2).i32Shl().localSet(w.chBytes);
  forLoop(c, row, () => c.localGet(row0), () => c.localGet(row1), () => c.i32Const(1), () => {
    w.rows(row);
    c.localGet(row).localGet(outW).i32Mul().localGet(w.chBytes).i32Mul().localGet(out).i32Add().localSet(o);
    forLoop(c, ox, () => c.i32Const(0), () => c.localGet(outW), () => c.i32Const(1), () => {
      w.cols(ox);
      floatRun(c, w.at, () => c.localGet(w.chBytes), () => {
        c.v128Const0().localSet(accLo);
        c.v128Const0().localSet(accHi);
        w.eachCell(() => {
          c.localGet(x).localGet(w.cell).i32Add().localGet(w.at).i32Add().v128Load().localSet(cell);
          c.localGet(accLo).localGet(cell).f64x2PromoteLowF32x4().f64x2Add().localSet(accLo);
          c.localGet(accHi).localGet(cell).localGet(cell).i32x4Shuffle(2, 3, 2, 3).f64x2PromoteLowF32x4().f64x2Add().localSet(accHi);
        });
        c.localGet(o).localGet(w.at).i32Add();
        c.localGet(accLo).localGet(w.counts).f64x2Div().f32x4DemoteF64x2Zero();
        c.localGet(accHi).localGet(w.counts).f64x2Div().f32x4DemoteF64x2Zero();
        c.i32x4Shuffle(0, 1, 4, 5).v128Store();
      }, () => {
        c.f32Const(0).f64PromoteF32().localSet(s);
        w.eachCell(() => { c.localGet(s).localGet(x).localGet(w.cell).i32Add().localGet(w.at).i32Add().f32Load().f64PromoteF32().f64Add().localSet(s); });
        c.localGet(o).localGet(w.at).i32Add().localGet(s).localGet(w.count).f64Div().f32DemoteF64().f32Store();
      });
      c.localGet(o).localGet(w.chBytes).i32Add().localSet(o);
    });
  });
  f.addTo(m, 'avg_pool');
}

/**
 * avg_pool_back(dy, dx, inH, inW, ch, outH, outW, fh, fw, sh, sw, padTop, padLeft, b0, b1): the twin of avgPoolBackprop
 * for images b0..b1: each window's dy times 1 / its count added to each of its cells of dx, in float64 and rounded
 * to float32 as the twin's `dx += dy · scale`, windows in order (overlapping windows add into one cell in that
 * order). The caller zeroes dx. Images are independent, so a split by images gives the same bits.
 */
function addAvgPoolBackprop(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(15));
  const [dy, dx, inH, inW, ch, outH, outW, fh, fw, sh, sw, padTop, padLeft, b0, b1] = Array.from({ length: 15 }, (_, i) => i);
  const w = windows(f, { inH, inW, ch, outH, fh, fw, sh, sw, padTop, padLeft });
  const [row, ox, o, p] = [f.local(), f.local(), f.local(), f.local()];
  const [g, lo] = [f.local(v128), f.local(v128)];
  const c = f.code;
  /** dx (f32 lanes at address p) + dy lanes · scale in float64, for the two lanes `half` of the vectors. */
  const half = (dyHalf: () => void, dxHalf: () => void): void => {
    dxHalf(); c.f64x2PromoteLowF32x4();
    dyHalf(); c.f64x2PromoteLowF32x4().localGet(w.scales).f64x2Mul();
    c.f64x2Add().f32x4DemoteF64x2Zero();
  };
  c.localGet(ch).i32Const(2).i32Shl().localSet(w.chBytes);
  forLoop(c, row, () => c.localGet(b0).localGet(outH).i32Mul(), () => c.localGet(b1).localGet(outH).i32Mul(), () => c.i32Const(1), () => {
    w.rows(row);
    c.localGet(row).localGet(outW).i32Mul().localGet(w.chBytes).i32Mul().localGet(dy).i32Add().localSet(o);
    forLoop(c, ox, () => c.i32Const(0), () => c.localGet(outW), () => c.i32Const(1), () => {
      w.cols(ox);
      w.eachCell(() => {
        c.localGet(dx).localGet(w.cell).i32Add().localSet(p);
        floatRun(c, w.at, () => c.localGet(w.chBytes), () => {
          c.localGet(o).localGet(w.at).i32Add().v128Load().localSet(g);
          half(() => c.localGet(g), () => c.localGet(p).localGet(w.at).i32Add().v128Load());
          c.localSet(lo);
          c.localGet(p).localGet(w.at).i32Add();
          c.localGet(lo);
          half(() => c.localGet(g).localGet(g).i32x4Shuffle(2, 3, 2, 3), () => c.localGet(p).localGet(w.at).i32Add().v128Load().localTee(lo).localGet(lo).i32x4Shuffle(2, 3, 2, 3));
          c.i32x4Shuffle(0, 1, 4, 5).v128Store();
        }, () => {
          c.localGet(p).localGet(w.at).i32Add();
          c.localGet(p).localGet(w.at).i32Add().f32Load().f64PromoteF32();
          c.localGet(o).localGet(w.at).i32Add().f32Load().f64PromoteF32().localGet(w.scale).f64Mul().f64Add().f32DemoteF64().f32Store();
        });
      });
      c.localGet(o).localGet(w.chBytes).i32Add().localSet(o);
    });
  });
  f.addTo(m, 'avg_pool_back');
}

/** Adds avg_pool and avg_pool_back (pointers are byte addresses). */
export function addAvgPoolFunctions(m: ModuleBuilder): void {
  addAvgPool(m);
  addAvgPoolBackprop(m);
}
