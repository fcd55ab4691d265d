import { ValType } from './code-writer';
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

export const POOL_EXPORTS = ['max_pool', 'max_pool_back'] as const;

/** Adds max_pool and max_pool_back (pointers are byte addresses; counts and indices are elements). */
export function addPoolFunctions(m: ModuleBuilder): void {
  addMaxPool(m);
  addMaxPoolBackprop(m);
}
