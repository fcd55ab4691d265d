import { FunctionEmitter, floatRun, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

// Rows picked or summed by an index list: an embedding's lookup (gather along axis 0) and its gradient (the segment
// sum of the looked-up rows' gradients), which the JS twins (kernels/cpu/indexing.ts) walk an element at a time.

export const ROWS_EXPORTS = ['gather_rows', 'segment_sum_rows'] as const;

/** Pushes the address of row idx[j] of `base` (rows of rowBytes; int32 indices at idx; j a local). */
function indexedRow(f: FunctionEmitter, base: number, idx: number, j: number, rowBytes: number): void {
  f.code.localGet(base).localGet(idx).localGet(j).i32Const(2).i32Shl().i32Add().i32Load().localGet(rowBytes).i32Mul().i32Add();
}

/** gather_rows(dst, src, idx, rowBytes, n): row j of dst is row idx[j] of src, for j = 0..n−1, one memory.copy each. */
function addGatherRows(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(5));
  const [dst, src, idx, rowBytes, n] = [0, 1, 2, 3, 4];
  const j = f.local();
  const c = f.code;
  forLoop(c, j, () => c.i32Const(0), () => c.localGet(n), () => c.i32Const(1), () => {
    c.localGet(dst).localGet(j).localGet(rowBytes).i32Mul().i32Add();
    indexedRow(f, src, idx, j, rowBytes);
    c.localGet(rowBytes).memoryCopy();
  });
  f.addTo(m, 'gather_rows');
}

/**
 * segment_sum_rows(dst, src, ids, rowBytes, n): adds row j of src (float32s) to row ids[j] of dst for j = 0..n−1 in
 * order, so each element of dst (zeroed by the caller) sums its terms in the twin's order: the same bits.
 */
function addSegmentSumRows(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(5));
  const [dst, src, ids, rowBytes, n] = [0, 1, 2, 3, 4];
  const [j, to, from, at] = [f.local(), f.local(), f.local(), f.local()];
  const c = f.code;
  forLoop(c, j, () => c.i32Const(0), () => c.localGet(n), () => c.i32Const(1), () => {
    indexedRow(f, dst, ids, j, rowBytes);
    c.localSet(to);
    c.localGet(src).localGet(j).localGet(rowBytes).i32Mul().i32Add().localSet(from);
    floatRun(c, at, () => c.localGet(rowBytes), () => {
      c.localGet(to).localGet(at).i32Add();
      c.localGet(to).localGet(at).i32Add().v128Load().localGet(from).localGet(at).i32Add().v128Load().f32x4Add();
      c.v128Store();
    }, () => {
      c.localGet(to).localGet(at).i32Add();
      c.localGet(to).localGet(at).i32Add().f32Load().localGet(from).localGet(at).i32Add().f32Load().f32Add();
      c.f32Store();
    });
  });
  f.addTo(m, 'segment_sum_rows');
}

export function addRowsFunctions(m: ModuleBuilder): void {
  addGatherRows(m);
  addSegmentSumRows(m);
}
