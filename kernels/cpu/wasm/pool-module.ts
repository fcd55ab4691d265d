import { ValType, type CodeWriter } from './code-writer';
import { FunctionEmitter, floatRun, forLoop, i32Params, maxZero, min } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

/**
 * max_pool(x, out, arg, inH, inW, ch, outH, outW, fh, fw, sh, sw, padTop, padLeft, row0, row1): the twin of
 * kernels/cpu/pool.ts maxPool over output rows row0..row1 (row = b·outH + oy). Each window is clipped to the
 * image once; its first cell seeds all channels and later cells win only when strictly greater, so values and
 * argmax (flat element indices into x) match the twin exactly. Channels go four to a vector.
 */
function addMaxPool(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(16));
  const [x, out, arg, inH, inW, ch, outH, outW, fh, fw, sh, sw, padTop, padLeft, row0, row1] =
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const [row, b, t, ys, ye, ox, xs, xe, o, first, iy, ix, src, at, chBytes] = Array.from({ length: 15 }, () => f.local());
  const [v, best, mask] = [f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.v128)];
  const vf = f.local(ValType.f32);
  const c = f.code;
  const one = (): void => { c.i32Const(1); };
  // Element index e → byte address base + 4e, for e = o·4 + at (bytes) etc.
  const outAt = (base: number): void => { c.localGet(base).localGet(o).i32Add().localGet(at).i32Add(); };
  const xAt = (cell: number): void => { c.localGet(x).localGet(cell).i32Add().localGet(at).i32Add(); };
  // The flat index of the four channels at byte offset `at` of the cell starting at byte offset `cell` from x.
  const indices = (cell: number): void => {
    c.localGet(cell).localGet(at).i32Add().i32Const(2).i32ShrU().i32x4Splat().v128ConstI32(0, 1, 2, 3).i32x4Add();
  };
  const cellOffset = (yy: number, xx: number, into: number): void => {
    c.localGet(b).localGet(inH).i32Mul().localGet(yy).i32Add().localGet(inW).i32Mul().localGet(xx).i32Add()
      .localGet(chBytes).i32Mul().localSet(into);
  };

  c.localGet(ch).i32Const(2).i32Shl().localSet(chBytes);
  forLoop(c, row, () => c.localGet(row0), () => c.localGet(row1), one, () => {
    c.localGet(row).localGet(outH).i32DivU().localSet(b);
    c.localGet(row).localGet(b).localGet(outH).i32Mul().i32Sub().localGet(sh).i32Mul().localGet(padTop).i32Sub().localSet(t);
    maxZero(c, t);
    c.localSet(ys);
    min(c, () => c.localGet(t).localGet(fh).i32Add(), () => c.localGet(inH));
    c.localSet(ye);
    c.localGet(row).localGet(outW).i32Mul().localGet(chBytes).i32Mul().localSet(o);
    forLoop(c, ox, () => c.i32Const(0), () => c.localGet(outW), one, () => {
      c.localGet(ox).localGet(sw).i32Mul().localGet(padLeft).i32Sub().localSet(t);
      maxZero(c, t);
      c.localSet(xs);
      min(c, () => c.localGet(t).localGet(fw).i32Add(), () => c.localGet(inW));
      c.localSet(xe);
      cellOffset(ys, xs, first);
      // Seed with the window's first cell.
      floatRun(c, at, () => c.localGet(chBytes), () => {
        outAt(out); xAt(first); c.v128Load().v128Store();
        outAt(arg); indices(first); c.v128Store();
      }, () => {
        outAt(out); xAt(first); c.f32Load().f32Store();
        outAt(arg); c.localGet(first).localGet(at).i32Add().i32Const(2).i32ShrU().i32Store();
      });
      forLoop(c, iy, () => c.localGet(ys), () => c.localGet(ye), one, () => {
        const from = (): void => { c.localGet(xs).i32Const(1).i32Add().localGet(xs).localGet(iy).localGet(ys).i32Eq().select(); };
        forLoop(c, ix, from, () => c.localGet(xe), one, () => {
          cellOffset(iy, ix, src);
          floatRun(c, at, () => c.localGet(chBytes), () => {
            xAt(src); c.v128Load().localSet(v);
            outAt(out); c.v128Load().localSet(best);
            c.localGet(v).localGet(best).f32x4Gt().localSet(mask);
            outAt(out); c.localGet(v).localGet(best).localGet(mask).v128Bitselect().v128Store();
            outAt(arg); indices(src); outAt(arg); c.v128Load().localGet(mask).v128Bitselect().v128Store();
          }, () => {
            xAt(src); c.f32Load().localTee(vf);
            outAt(out); c.f32Load().f32Gt().if();
            outAt(out); c.localGet(vf).f32Store();
            outAt(arg); c.localGet(src).localGet(at).i32Add().i32Const(2).i32ShrU().i32Store();
            c.end();
          });
        });
      });
      c.localGet(o).localGet(chBytes).i32Add().localSet(o);
    });
  });
  f.addTo(m, 'max_pool');
}

/** max_pool_back(dy, arg, dx, i0, i1): dx[arg[i]] += dy[i] for i in i0..i1, in order (the caller zeroes dx). */
function addMaxPoolBackprop(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(5));
  const [dy, arg, dx, i0, i1] = [0, 1, 2, 3, 4];
  const [i, cell] = [f.local(), f.local()];
  const c = f.code;
  forLoop(c, i, () => c.localGet(i0), () => c.localGet(i1), () => c.i32Const(1), () => {
    c.localGet(dx).localGet(arg).localGet(i).i32Const(2).i32Shl().i32Add().i32Load().i32Const(2).i32Shl().i32Add().localTee(cell);
    c.localGet(cell).f32Load().localGet(dy).localGet(i).i32Const(2).i32Shl().i32Add().f32Load().f32Add().f32Store();
  });
  f.addTo(m, 'max_pool_back');
}

/**
 * Pushes the four floats at byte `pa` (+ `at`) of a 2×2 window's gradient before its winner is picked: dPooled + 0
 * (a -0 becomes +0, as maxPoolBackprop's 0 + dy), kept where pooled > 0 unless `pass` is all ones (no relu), +0
 * elsewhere (the relu mask of the winner, whose value pooled is).
 */
function windowValue(c: CodeWriter, dp: number, pooled: number, pa: number, at: number, pass: number): void {
  const addr = (base: number): void => { c.localGet(base).localGet(pa).i32Add().localGet(at).i32Add(); };
  addr(dp); c.v128Load().v128Const0().f32x4Add();
  addr(pooled); c.v128Load().v128Const0().f32x4Gt().localGet(pass).v128Or();
  c.v128And();
}

/** Leaves in `pass` the mask windowValue keeps with: none (relu: pooled > 0 decides) or all ones (linear). */
function passMask(c: CodeWriter, relu: number, pass: number): void {
  c.localGet(relu).if(ValType.v128).v128Const0().else().v128ConstI32(-1, -1, -1, -1).end().localSet(pass);
}

/**
 * unpool_act_back(dp, pooled, win, dz, outH, outW, ch, relu, r0, r1): the twin of kernels/cpu/pool.ts
 * unpoolActivationBackprop's dz, over the pooled rows r0..r1 (pooled row = b·gh + py): each window writes its
 * four cells of z (and the odd last column and row of z, in no window, get +0); ch a multiple of 4. Each element
 * of dz is written once, so any split gives the same bits.
 */
function addUnpoolBackprop(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(10));
  const [dp, pooled, win, dz, outH, outW, ch, relu, r0, r1] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [pr, b, py, gh, gw, px, pa, at, chBytes, rowBytes, top, rowStart] = Array.from({ length: 12 }, () => f.local());
  const [pass, v, w] = [f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.v128)];
  const c = f.code;
  // Zeros over bytes [from, from + length) of dz.
  const zeros = (from: () => void, length: () => void): void => {
    from(); c.i32Const(0); length(); c.memoryFill();
  };

  c.localGet(ch).i32Const(2).i32Shl().localSet(chBytes);
  c.localGet(outW).localGet(chBytes).i32Mul().localSet(rowBytes);
  c.localGet(outH).i32Const(1).i32ShrU().localSet(gh).localGet(outW).i32Const(1).i32ShrU().localSet(gw);
  passMask(c, relu, pass);
  forLoop(c, pr, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    c.localGet(pr).localGet(gh).i32DivU().localSet(b);
    c.localGet(pr).localGet(b).localGet(gh).i32Mul().i32Sub().localSet(py);
    c.localGet(dz).localGet(b).localGet(outH).i32Mul().localGet(py).i32Const(1).i32Shl().i32Add().localGet(rowBytes).i32Mul().i32Add().localTee(rowStart).localSet(top);
    c.localGet(pr).localGet(gw).i32Mul().localGet(chBytes).i32Mul().localSet(pa);
    forLoop(c, px, () => c.i32Const(0), () => c.localGet(gw), () => c.i32Const(1), () => {
      forLoop(c, at, () => c.i32Const(0), () => c.localGet(chBytes), () => c.i32Const(16), () => {
        windowValue(c, dp, pooled, pa, at, pass);
        c.localSet(v);
        c.localGet(win).localGet(pa).i32Add().localGet(at).i32Add().v128Load().localSet(w);
        // Cell (dy, dx) of the window is z's pixel (2py + dy, 2px + dx).
        for (let cell = 0; cell < 4; cell++) {
          c.localGet(top).localGet(at).i32Add();
          if (cell & 2) c.localGet(rowBytes).i32Add();
          if (cell & 1) c.localGet(chBytes).i32Add();
          c.localGet(v).localGet(w).v128ConstI32(cell, cell, cell, cell).i32x4Eq().v128And().v128Store();
        }
      });
      c.localGet(top).localGet(chBytes).i32Const(1).i32Shl().i32Add().localSet(top);
      c.localGet(pa).localGet(chBytes).i32Add().localSet(pa);
    });
    // An odd last column, then an odd last row, are in no window.
    c.localGet(outW).i32Const(1).i32And().if();
    zeros(() => c.localGet(top), () => c.localGet(chBytes));
    zeros(() => c.localGet(top).localGet(rowBytes).i32Add(), () => c.localGet(chBytes));
    c.end();
    c.localGet(outH).i32Const(1).i32And().localGet(py).i32Const(1).i32Add().localGet(gh).i32Eq().i32And().if();
    zeros(() => c.localGet(rowStart).localGet(rowBytes).i32Const(1).i32Shl().i32Add(), () => c.localGet(rowBytes));
    c.end();
  });
  f.addTo(m, 'unpool_act_back');
}

/**
 * unpool_bias_back(dp, pooled, win, dbias, rows, gw, ch, relu, v0, v1): dbias += unpoolActivationBackprop's dz
 * summed over z's pixels in order, for the channels of vectors v0..v1 (4 channels each; the caller zeroes dbias),
 * read from the `rows` pooled rows. Along a row of z, each window adds its gradient where its winner is in that
 * row and +0 (which leaves a sum started at +0 unchanged) where not, so each channel's sum has the twin's terms in
 * the twin's order: the same bits, however the channels are split.
 */
function addUnpoolBiasBackprop(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(10));
  const [dp, pooled, win, dbias, rows, gw, ch, relu, v0, v1] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [pr, half, px, pa, at, chBytes] = Array.from({ length: 6 }, () => f.local());
  const [pass, rowMask] = [f.local(ValType.v128), f.local(ValType.v128)];
  const c = f.code;
  c.localGet(ch).i32Const(2).i32Shl().localSet(chBytes);
  passMask(c, relu, pass);
  forLoop(c, pr, () => c.i32Const(0), () => c.localGet(rows), () => c.i32Const(1), () => {
    // The window's top row (cells 0, 1), then its bottom row (cells 2, 3).
    forLoop(c, half, () => c.i32Const(0), () => c.i32Const(4), () => c.i32Const(2), () => {
      c.localGet(half).i32x4Splat().localSet(rowMask);
      forLoop(c, px, () => c.i32Const(0), () => c.localGet(gw), () => c.i32Const(1), () => {
        c.localGet(pr).localGet(gw).i32Mul().localGet(px).i32Add().localGet(chBytes).i32Mul().localSet(pa);
        forLoop(c, at, () => c.localGet(v0).i32Const(4).i32Shl(), () => c.localGet(v1).i32Const(4).i32Shl(), () => c.i32Const(16), () => {
          c.localGet(dbias).localGet(at).i32Add();
          c.localGet(dbias).localGet(at).i32Add().v128Load();
          windowValue(c, dp, pooled, pa, at, pass);
          c.localGet(win).localGet(pa).i32Add().localGet(at).i32Add().v128Load().v128ConstI32(2, 2, 2, 2).v128And().localGet(rowMask).i32x4Eq().v128And();
          c.f32x4Add().v128Store();
        });
      });
    });
  });
  f.addTo(m, 'unpool_bias_back');
}

export const POOL_EXPORTS = ['max_pool', 'max_pool_back', 'unpool_act_back', 'unpool_bias_back'] as const;

/** Adds max_pool, max_pool_back, unpool_act_back and unpool_bias_back (pointers are byte addresses; counts and indices are elements). */
export function addPoolFunctions(m: ModuleBuilder): void {
  addMaxPool(m);
  addMaxPoolBackprop(m);
  addUnpoolBackprop(m);
  addUnpoolBiasBackprop(m);
}
