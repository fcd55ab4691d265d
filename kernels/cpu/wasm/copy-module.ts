import { ValType } from './code-writer';
import { FunctionEmitter, forLoop, i32Params, min } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

export const COPY_EXPORTS = ['copy_rows', 'transpose_rows'] as const;

/** Columns of dst a transpose_rows pass covers: the source rows it reads (one 16-byte piece each) stay in L1. */
const TRANSPOSE_BLOCK = 64;

/**
 * copy_rows(dst, src, bytes, rows, dstStep, srcStep): `rows` runs of `bytes` bytes, one memory.copy each, each
 * side's next run `step` bytes on (0 or negative included). A typed array's set() between views of shared
 * WebAssembly memory takes V8's slow path for shared buffers (measured ~7x slower on the rows of split and concat).
 */
function addCopyRows(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(6));
  const [dst, src, bytes, rows, dstStep, srcStep] = [0, 1, 2, 3, 4, 5];
  const r = f.local();
  const c = f.code;
  forLoop(c, r, () => c.i32Const(0), () => c.localGet(rows), () => c.i32Const(1), () => {
    c.localGet(dst).localGet(src).localGet(bytes).memoryCopy();
    c.localGet(dst).localGet(dstStep).i32Add().localSet(dst);
    c.localGet(src).localGet(srcStep).i32Add().localSet(src);
  });
  f.addTo(m, 'copy_rows');
}

/**
 * transpose_rows(dst, src, cols, dstStep, srcStep, r0, r1): dst[r, c] = src[c, r] for 4-byte elements, rows r0..r1
 * of dst and `cols` columns, where dst's row r starts r·dstStep bytes on and src's row c (dst's column c) c·srcStep
 * bytes on, its elements contiguous (a transpose, or the last two axes of a permutation). 4×4 tiles move as four
 * vector loads, a shuffle transpose and four vector stores, in blocks of TRANSPOSE_BLOCK columns; the edges one
 * element at a time. Bits move unchanged (NaN payloads included); rows are independent, so any split is the same.
 */
function addTransposeRows(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(7));
  const [dst, src, cols, dstStep, srcStep, r0, r1] = [0, 1, 2, 3, 4, 5, 6];
  const [cb, cEnd, cVecEnd, r, col, j] = Array.from({ length: 6 }, () => f.local());
  const v = Array.from({ length: 4 }, () => f.local(ValType.v128));
  const t = Array.from({ length: 4 }, () => f.local(ValType.v128));
  const c = f.code;
  // dst[row, col] = src[col, row], one element.
  const one = (row: () => void): void => {
    c.localGet(dst); row(); c.localGet(dstStep).i32Mul().i32Add().localGet(col).i32Const(2).i32Shl().i32Add();
    c.localGet(src).localGet(col).localGet(srcStep).i32Mul().i32Add(); row(); c.i32Const(2).i32Shl().i32Add().i32Load();
    c.i32Store();
  };
  forLoop(c, cb, () => c.i32Const(0), () => c.localGet(cols), () => c.i32Const(TRANSPOSE_BLOCK), () => {
    min(c, () => { c.localGet(cb).i32Const(TRANSPOSE_BLOCK).i32Add(); }, () => c.localGet(cols));
    c.localSet(cEnd);
    c.localGet(cEnd).localGet(cb).i32Sub().i32Const(-4).i32And().localGet(cb).i32Add().localSet(cVecEnd);
    forLoop(c, r, () => c.localGet(r0), () => { c.localGet(r1).i32Const(3).i32Sub(); }, () => c.i32Const(4), () => {
      forLoop(c, col, () => c.localGet(cb), () => c.localGet(cVecEnd), () => c.i32Const(4), () => {
        // v[k]: src row col + k at elements r..r + 3.
        v.forEach((vk, k) => {
          c.localGet(src).localGet(col).i32Const(k).i32Add().localGet(srcStep).i32Mul().i32Add().localGet(r).i32Const(2).i32Shl().i32Add().v128Load().localSet(vk);
        });
        for (const [a, b, ta, tb] of [[v[0], v[1], t[0], t[1]], [v[2], v[3], t[2], t[3]]]) {
          c.localGet(a).localGet(b).i32x4Shuffle(0, 4, 1, 5).localSet(ta);
          c.localGet(a).localGet(b).i32x4Shuffle(2, 6, 3, 7).localSet(tb);
        }
        // dst row r + k = (v0[k], v1[k], v2[k], v3[k]).
        const rowsOut: [number, number, [number, number, number, number]][] = [[t[0], t[2], [0, 1, 4, 5]], [t[0], t[2], [2, 3, 6, 7]], [t[1], t[3], [0, 1, 4, 5]], [t[1], t[3], [2, 3, 6, 7]]];
        rowsOut.forEach(([a, b, lanes], k) => {
          c.localGet(dst).localGet(r).i32Const(k).i32Add().localGet(dstStep).i32Mul().i32Add().localGet(col).i32Const(2).i32Shl().i32Add();
          c.localGet(a).localGet(b).i32x4Shuffle(...lanes).v128Store();
        });
      });
      forLoop(c, col, () => c.localGet(cVecEnd), () => c.localGet(cEnd), () => c.i32Const(1), () => {
        for (let k = 0; k < 4; k++) one(() => { c.localGet(r); if (k) c.i32Const(k).i32Add(); });
      });
    });
    forLoop(c, j, () => c.localGet(r), () => c.localGet(r1), () => c.i32Const(1), () => {
      forLoop(c, col, () => c.localGet(cb), () => c.localGet(cEnd), () => c.i32Const(1), () => one(() => c.localGet(j)));
    });
  });
  f.addTo(m, 'transpose_rows');
}

/** Adds copy_rows and transpose_rows (pointers and steps in bytes). */
export function addCopyFunctions(m: ModuleBuilder): void {
  addCopyRows(m);
  addTransposeRows(m);
}
