import { ValType } from './code-writer';
import { forLoop, FunctionEmitter, i32Params, min } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

const { v128, f32 } = ValType;

/** Rows of a column summed together, sharing the loads of B's row (the last group may be half as many, padded with its last row again). */
const GROUP = 4;
/** Rows of a column whose mask bits are gathered in one i32. */
const ROW_GROUP = 32;

/**
 * masked_column(a, b, c, n, k, i0, col, bits): C[i0 + r, col] = A[i0 + r, :] · B[col, :] for each set bit r of
 * `bits` (A [·, k] and B [n, k] row-major, C [·, n]). Each dot product is summed in the order gemmMasked's JS
 * twin (kernels/cpu/gemm-masked.ts) follows: lane l of one accumulator over k = 4t + l, t ascending, then
 * (l0 + l2) + (l1 + l3), then the k % 4 remainder one product at a time. Rows go GROUP at a time, each group one
 * accumulator a row: with two vectors a round, V8 keeps the group's accumulators, loads and B's vectors in
 * registers (four rows with two accumulators each, or four vectors a round, made it spill them every round).
 */
function addMaskedColumn(m: ModuleBuilder): number {
  const f = new FunctionEmitter(i32Params(8));
  const [a, b, cOut, n, k, i0, col, bits] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [wRow, wEnd8, wEnd4, kb, pW, p, row] = Array.from({ length: 7 }, () => f.local());
  const rowA = Array.from({ length: GROUP }, () => f.local());
  const pA = Array.from({ length: GROUP }, () => f.local());
  const rowC = Array.from({ length: GROUP }, () => f.local());
  const acc = Array.from({ length: GROUP }, () => f.local(v128));
  const [w0, w1, s] = [f.local(v128), f.local(v128), f.local(v128)];
  const sum = f.local(f32);
  const c = f.code;

  c.localGet(k).i32Const(2).i32Shl().localSet(kb);
  c.localGet(b).localGet(col).localGet(kb).i32Mul().i32Add().localTee(wRow);
  c.localGet(k).i32Const(-8).i32And().i32Const(2).i32Shl().i32Add().localSet(wEnd8);
  c.localGet(wRow).localGet(k).i32Const(-4).i32And().i32Const(2).i32Shl().i32Add().localSet(wEnd4);

  /** acc += A·W for `rows` rows over the vectors at byte offsets `offsets` from pA and pW (B's loaded first). */
  const step = (rows: number, offsets: number[]): void => {
    offsets.forEach((o, v) => c.localGet(pW).v128Load(o).localSet(v ? w1 : w0));
    for (let l = 0; l < rows; l++) {
      offsets.forEach((o, v) => c.localGet(acc[l]).localGet(pA[l]).v128Load(o).localGet(v ? w1 : w0).f32x4Mul().f32x4Add().localSet(acc[l]));
    }
  };

  /** Sums `rows` rows' dot products: the next set bits of `bits`, or, once they run out, the last row again (its sums stored twice, the same). */
  const group = (rows: number): void => {
    for (let l = 0; l < rows; l++) {
      c.localGet(bits).i32Ctz().localGet(i0).i32Add();
      if (l > 0) c.localGet(row).localGet(bits).select();
      c.localSet(row);
      c.localGet(bits).localGet(bits).i32Const(1).i32Sub().i32And().localSet(bits);
      c.localGet(a).localGet(row).localGet(kb).i32Mul().i32Add().localTee(rowA[l]).localSet(pA[l]);
      c.localGet(cOut).localGet(row).localGet(n).i32Mul().localGet(col).i32Add().i32Const(2).i32Shl().i32Add().localSet(rowC[l]);
      c.v128Const0().localSet(acc[l]);
    }
    c.localGet(wRow).localSet(pW);
    c.block().loop();
    c.localGet(pW).localGet(wEnd8).i32GeU().brIf(1);
    step(rows, [0, 16]);
    for (let l = 0; l < rows; l++) c.localGet(pA[l]).i32Const(32).i32Add().localSet(pA[l]);
    c.localGet(pW).i32Const(32).i32Add().localSet(pW);
    c.br(0).end().end();
    c.localGet(pW).localGet(wEnd4).i32LtU().if();
    step(rows, [0]);
    c.end();
    for (let l = 0; l < rows; l++) {
      c.localGet(acc[l]).localTee(s).localGet(s).localGet(s).i32x4Shuffle(2, 3, 0, 1).f32x4Add().localTee(s);
      c.localGet(s).localGet(s).i32x4Shuffle(1, 0, 3, 2).f32x4Add().f32x4ExtractLane(0).localSet(sum);
      forLoop(c, p, () => c.localGet(wEnd4).localGet(wRow).i32Sub(), () => c.localGet(kb), () => c.i32Const(4), () => {
        c.localGet(sum).localGet(rowA[l]).localGet(p).i32Add().f32Load().localGet(wRow).localGet(p).i32Add().f32Load().f32Mul().f32Add().localSet(sum);
      });
      c.localGet(rowC[l]).localGet(sum).f32Store();
    }
  };

  // GROUP rows at a time while more than half a group is left, then half a group (one row alone is bound by its
  // one accumulator's additions, so two rows cost about what one does).
  c.block().loop();
  c.localGet(bits).i32Eqz().brIf(1);
  c.localGet(bits).i32Popcnt().i32Const(GROUP / 2).i32GtU().if();
  group(GROUP);
  c.else();
  group(GROUP / 2);
  c.end();
  c.br(0).end().end();
  return m.addFunction(f.params, [], f.locals, c);
}

/**
 * gemm_masked(a, b, mask, c, m, n, k, j0, j1): for columns j0..j1 of C [m, n], C[i, j] = A[i, :] · B[j, :] where
 * mask[i, j] is not ±0, else 0 (A [m, k], B [n, k], mask [m, n] f32, row-major). Rows are taken ROW_GROUP at a
 * time; for each four columns (j0 a multiple of 4) one pass over the group's rows gathers the mask's bits and
 * zeroes C, then masked_column sums the columns' dot products; a last partial group of columns goes one column at a
 * time. Each entry is summed by one call in one order, so any split of the columns gives the same bits.
 */
function addGemmMasked(m: ModuleBuilder, column: number): void {
  const f = new FunctionEmitter(i32Params(9));
  const [a, b, mask, cOut, rows, n, k, j0, j1] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [i0, iEnd, j, i, at, bits, col, nBytes] = Array.from({ length: 8 }, () => f.local());
  const [mv, bit] = [f.local(v128), f.local(v128)];
  const c = f.code;
  const callColumn = (): void => {
    c.localGet(a).localGet(b).localGet(cOut).localGet(n).localGet(k).localGet(i0).localGet(col).localGet(bits).call(column);
  };
  c.localGet(n).i32Const(2).i32Shl().localSet(nBytes);
  forLoop(c, i0, () => c.i32Const(0), () => c.localGet(rows), () => c.i32Const(ROW_GROUP), () => {
    min(c, () => c.localGet(rows), () => c.localGet(i0).i32Const(ROW_GROUP).i32Add());
    c.localSet(iEnd);
    forLoop(c, j, () => c.localGet(j0), () => c.localGet(j1), () => c.i32Const(4), () => {
      c.localGet(j).i32Const(4).i32Add().localGet(j1).i32LeS().if();
      // Row i's bit, 1 << (i - i0), in every lane; `at` walks down the four columns.
      c.v128Const0().localSet(mv);
      c.i32Const(1).i32x4Splat().localSet(bit);
      c.localGet(i0).localGet(n).i32Mul().localGet(j).i32Add().i32Const(2).i32Shl().localSet(at);
      forLoop(c, i, () => c.localGet(i0), () => c.localGet(iEnd), () => c.i32Const(1), () => {
        c.localGet(mv).localGet(mask).localGet(at).i32Add().v128Load().v128Const0().f32x4Ne().localGet(bit).v128And().v128Or().localSet(mv);
        c.localGet(cOut).localGet(at).i32Add().v128Const0().v128Store();
        c.localGet(bit).i32Const(1).i32x4Shl().localSet(bit);
        c.localGet(at).localGet(nBytes).i32Add().localSet(at);
      });
      for (let lane = 0; lane < 4; lane++) {
        c.localGet(mv).i32x4ExtractLane(lane).localSet(bits);
        c.localGet(j).i32Const(lane).i32Add().localSet(col);
        callColumn();
      }
      c.else();
      forLoop(c, col, () => c.localGet(j), () => c.localGet(j1), () => c.i32Const(1), () => {
        c.i32Const(0).localSet(bits);
        forLoop(c, i, () => c.localGet(i0), () => c.localGet(iEnd), () => c.i32Const(1), () => {
          c.localGet(i).localGet(n).i32Mul().localGet(col).i32Add().i32Const(2).i32Shl().localSet(at);
          c.localGet(bits).localGet(mask).localGet(at).i32Add().f32Load().f32Const(0).f32Ne();
          c.localGet(i).localGet(i0).i32Sub().i32Shl().i32Or().localSet(bits);
          c.localGet(cOut).localGet(at).i32Add().f32Const(0).f32Store();
        });
        callColumn();
      });
      c.end();
    });
  });
  f.addTo(m, 'gemm_masked');
}

/** count_nonzero(x, len, out): the i32 at out = how many of the len floats at x are not ±0 (NaN counts). */
function addCountNonzero(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(3));
  const [x, len, out] = [0, 1, 2];
  const [at, end, count] = [f.local(), f.local(), f.local()];
  const negatives = f.local(v128);
  const c = f.code;
  // Whole vectors add each lane's comparison (-1 where not ±0); the count is minus their lanes' sum.
  c.localGet(len).i32Const(-4).i32And().i32Const(2).i32Shl().localSet(end);
  forLoop(c, at, () => c.i32Const(0), () => c.localGet(end), () => c.i32Const(16), () => {
    c.localGet(negatives).localGet(x).localGet(at).i32Add().v128Load().v128Const0().f32x4Ne().i32x4Add().localSet(negatives);
  });
  c.i32Const(0);
  for (let lane = 0; lane < 4; lane++) c.localGet(negatives).i32x4ExtractLane(lane).i32Sub();
  c.localSet(count);
  forLoop(c, at, () => c.localGet(end), () => c.localGet(len).i32Const(2).i32Shl(), () => c.i32Const(4), () => {
    c.localGet(count).localGet(x).localGet(at).i32Add().f32Load().f32Const(0).f32Ne().i32Add().localSet(count);
  });
  c.localGet(out).localGet(count).i32Store();
  f.addTo(m, 'count_nonzero');
}

export const GEMM_MASKED_EXPORTS = ['gemm_masked', 'count_nonzero'] as const;

/** Adds gemm_masked and its helper masked_column (pointers are byte addresses; j0, j1 columns), and count_nonzero. */
export function addGemmMaskedFunctions(m: ModuleBuilder): void {
  addGemmMasked(m, addMaskedColumn(m));
  addCountNonzero(m);
}
