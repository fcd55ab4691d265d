import { ValType, type CodeWriter } from './code-writer';
import { FunctionEmitter, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

// Reductions along the last axis ([rows, cols] to one value per row: sum(x, -1), max(x, -1), a loss's mean over
// classes), each row's result as its JS twin (kernels/cpu/reduce.ts) gives it. Rows are independent, so any split of
// them gives the same bits.

/** The ops with a kernel over each row, as `<op>_each_row`. */
export const ROW_REDUCE_OPS = ['sum', 'max', 'min'] as const;
export type RowReduceOp = (typeof ROW_REDUCE_OPS)[number];

/**
 * sum_each_row(x, out, cols, r0, r1): out[r] = Σ_j x[r, j] for rows r0..r1, summed in float64 from 0 in column order
 * and rounded once, as the twin's. A sum is a chain of dependent additions, so four rows go at once: their vectors at
 * column j are transposed so that one float64 pair holds two rows' elements j, each row still added in column order.
 * Rows past the last four, and columns past the last vector, add one float at a time.
 */
function addSumEachRow(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(5));
  const [x, out, cols, r0, r1] = [0, 1, 2, 3, 4];
  const [r, at, rowBytes, vecEnd, row, k] = Array.from({ length: 6 }, () => f.local());
  const [v0, v1, v2, v3, lo, hi, acc01, acc23] = Array.from({ length: 8 }, () => f.local(ValType.v128));
  const sums = Array.from({ length: 4 }, () => f.local(ValType.f64));
  const c = f.code;
  c.localGet(cols).i32Const(2).i32Shl().localSet(rowBytes);
  // The byte offset where the last whole vector of a row ends.
  c.localGet(rowBytes).i32Const(-16).i32And().localSet(vecEnd);
  const rowStart = (plus: number): void => {
    c.localGet(x).localGet(r);
    if (plus) c.i32Const(plus).i32Add();
    c.localGet(rowBytes).i32Mul().i32Add();
  };
  /** acc += the float64 pair of `pair`'s lanes 0 and 1, then of its lanes 2 and 3. */
  const addPairs = (pair: number, acc: number): void => {
    c.localGet(acc).localGet(pair).f64x2PromoteLowF32x4().f64x2Add().localSet(acc);
  };
  forLoop(c, r, () => c.localGet(r0), () => { c.localGet(r1).i32Const(3).i32Sub(); }, () => c.i32Const(4), () => {
    c.v128Const0().localTee(acc01).localSet(acc23);
    forLoop(c, at, () => c.i32Const(0), () => c.localGet(vecEnd), () => c.i32Const(16), () => {
      [v0, v1, v2, v3].forEach((v, i) => { rowStart(i); c.localGet(at).i32Add().v128Load().localSet(v); });
      // Rows 0 and 1 (then 2 and 3) interleaved: lo = (a0, b0, a1, b1), hi = (a2, b2, a3, b3).
      for (const [a, b, acc] of [[v0, v1, acc01], [v2, v3, acc23]]) {
        c.localGet(a).localGet(b).i32x4Shuffle(0, 4, 1, 5).localSet(lo);
        c.localGet(a).localGet(b).i32x4Shuffle(2, 6, 3, 7).localSet(hi);
        addPairs(lo, acc);
        c.localGet(lo).localGet(lo).i32x4Shuffle(2, 3, 2, 3).localSet(lo);
        addPairs(lo, acc);
        addPairs(hi, acc);
        c.localGet(hi).localGet(hi).i32x4Shuffle(2, 3, 2, 3).localSet(hi);
        addPairs(hi, acc);
      }
    });
    sums.forEach((s, i) => { c.localGet(i < 2 ? acc01 : acc23).f64x2ExtractLane(i % 2).localSet(s); });
    forLoop(c, at, () => c.localGet(vecEnd), () => c.localGet(rowBytes), () => c.i32Const(4), () => {
      sums.forEach((s, i) => { c.localGet(s); rowStart(i); c.localGet(at).i32Add().f32Load().f64PromoteF32().f64Add().localSet(s); });
    });
    sums.forEach((s, i) => { c.localGet(out).localGet(r).i32Const(i).i32Add().i32Const(2).i32Shl().i32Add().localGet(s).f32DemoteF64().f32Store(); });
  });
  // The rows left over, one float at a time.
  forLoop(c, row, () => c.localGet(r), () => c.localGet(r1), () => c.i32Const(1), () => {
    c.f32Const(0).f64PromoteF32().localSet(sums[0]);
    c.localGet(x).localGet(row).localGet(rowBytes).i32Mul().i32Add().localSet(k);
    forLoop(c, at, () => c.i32Const(0), () => c.localGet(rowBytes), () => c.i32Const(4), () => {
      c.localGet(sums[0]).localGet(k).localGet(at).i32Add().f32Load().f64PromoteF32().f64Add().localSet(sums[0]);
    });
    c.localGet(out).localGet(row).i32Const(2).i32Shl().i32Add().localGet(sums[0]).f32DemoteF64().f32Store();
  });
  f.addTo(m, 'sum_each_row');
}

/** best = lanes(best, the vector at p + at) for each vector from `from` to the byte offset in local vecEnd. */
function foldVectors(c: CodeWriter, at: number, from: () => void, vecEnd: number, best: number, p: number, lanes: () => void): void {
  forLoop(c, at, from, () => c.localGet(vecEnd), () => c.i32Const(16), () => {
    c.localGet(best).localGet(p).localGet(at).i32Add().v128Load();
    lanes();
    c.localSet(best);
  });
}

/** Folds best's four lanes with `lanes` (each with the lane two over, then with its neighbour) into local `single`. */
function foldLanes(c: CodeWriter, best: number, single: number, lanes: () => void): void {
  for (const [l0, l1, l2, l3] of [[2, 3, 0, 1], [1, 0, 3, 2]]) {
    c.localGet(best).localGet(best).localGet(best).i32x4Shuffle(l0, l1, l2, l3);
    lanes();
    c.localSet(best);
  }
  c.localGet(best).f32x4ExtractLane(0).localSet(single);
}

/**
 * max_each_row / min_each_row(x, out, cols, r0, r1): out[r] = the largest (smallest) x[r, j], from −∞ (+∞), as the
 * twin's Math.max (Math.min) down the row. wasm's max and min are those functions exactly (a NaN wins, +0 above −0)
 * and are associative and commutative, so four lanes in any order, then across the lanes, give the twin's value.
 */
function addExtremumEachRow(m: ModuleBuilder, op: 'max' | 'min'): void {
  const f = new FunctionEmitter(i32Params(5));
  const [x, out, cols, r0, r1] = [0, 1, 2, 3, 4];
  const [r, at, rowBytes, vecEnd, p] = Array.from({ length: 5 }, () => f.local());
  const [best, ...more] = Array.from({ length: 4 }, () => f.local(ValType.v128));
  const single = f.local(ValType.f32);
  const c = f.code;
  const lanes = (): void => { if (op === 'max') c.f32x4Max(); else c.f32x4Min(); };
  const scalar = (): void => { if (op === 'max') c.f32Max(); else c.f32Min(); };
  c.localGet(cols).i32Const(2).i32Shl().localSet(rowBytes);
  c.localGet(rowBytes).i32Const(-16).i32And().localSet(vecEnd);
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    c.localGet(x).localGet(r).localGet(rowBytes).i32Mul().i32Add().localSet(p);
    c.f32Const(op === 'max' ? -Infinity : Infinity).f32x4Splat().localSet(best);
    for (const v of more) c.localGet(best).localSet(v);
    // Four vectors a step into four running extrema (the lane instruction's latency is several cycles), then one.
    forLoop(c, at, () => c.i32Const(0), () => { c.localGet(vecEnd).i32Const(48).i32Sub(); }, () => c.i32Const(64), () => {
      [best, ...more].forEach((v, i) => {
        c.localGet(v).localGet(p).localGet(at).i32Add().v128Load(16 * i);
        lanes();
        c.localSet(v);
      });
    });
    foldVectors(c, at, () => c.localGet(at), vecEnd, best, p, lanes);
    for (const v of more) {
      c.localGet(best).localGet(v);
      lanes();
      c.localSet(best);
    }
    foldLanes(c, best, single, lanes);
    forLoop(c, at, () => c.localGet(vecEnd), () => c.localGet(rowBytes), () => c.i32Const(4), () => {
      c.localGet(single).localGet(p).localGet(at).i32Add().f32Load();
      scalar();
      c.localSet(single);
    });
    c.localGet(out).localGet(r).i32Const(2).i32Shl().i32Add().localGet(single).f32Store();
  });
  f.addTo(m, `${op}_each_row`);
}

/**
 * argmax_each_row / argmin_each_row(x, out, cols, r0, r1): out[r] (int32) = the first j with the largest (smallest)
 * x[r, j], as the twin (TF.js's kernel): from x[r, 0], a later value replaces the best only if strictly greater
 * (less), so a NaN never wins and a row led by NaN gives 0. In two passes: the best value by pmax (pmin) from x[r, 0],
 * which keeps its first operand for NaN and ties, then the first j whose value equals it (±0 equal, as the twin's
 * comparisons take them).
 */
function addArgEachRow(m: ModuleBuilder, op: 'max' | 'min'): void {
  const f = new FunctionEmitter(i32Params(5));
  const [x, out, cols, r0, r1] = [0, 1, 2, 3, 4];
  const [r, at, rowBytes, vecEnd, p, idx, bits] = Array.from({ length: 7 }, () => f.local());
  const best = f.local(ValType.v128);
  const [first, single, v] = [f.local(ValType.f32), f.local(ValType.f32), f.local(ValType.f32)];
  const c = f.code;
  const lanes = (): void => { if (op === 'max') c.f32x4Pmax(); else c.f32x4Pmin(); };
  c.localGet(cols).i32Const(2).i32Shl().localSet(rowBytes);
  c.localGet(rowBytes).i32Const(-16).i32And().localSet(vecEnd);
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    c.localGet(x).localGet(r).localGet(rowBytes).i32Mul().i32Add().localSet(p);
    c.i32Const(0).localSet(idx);
    c.localGet(p).f32Load().localTee(first).localGet(first).f32Eq().if();
    c.localGet(first).f32x4Splat().localSet(best);
    foldVectors(c, at, () => c.i32Const(0), vecEnd, best, p, lanes);
    foldLanes(c, best, single, lanes);
    forLoop(c, at, () => c.localGet(vecEnd), () => c.localGet(rowBytes), () => c.i32Const(4), () => {
      c.localGet(p).localGet(at).i32Add().f32Load().localTee(v).localGet(single);
      // max: single < v ? v : single; min: v < single ? v : single.
      if (op === 'max') c.localGet(single).localGet(v).f32Lt(); else c.localGet(v).localGet(single).f32Lt();
      c.select().localSet(single);
    });
    c.localGet(single).f32x4Splat().localSet(best);
    c.block();
    forLoop(c, at, () => c.i32Const(0), () => c.localGet(vecEnd), () => c.i32Const(16), () => {
      c.localGet(p).localGet(at).i32Add().v128Load().localGet(best).f32x4Eq().i32x4Bitmask().localTee(bits).if();
      c.localGet(at).i32Const(2).i32ShrU().localGet(bits).i32Ctz().i32Add().localSet(idx).br(3);
      c.end();
    });
    forLoop(c, at, () => c.localGet(vecEnd), () => c.localGet(rowBytes), () => c.i32Const(4), () => {
      c.localGet(p).localGet(at).i32Add().f32Load().localGet(single).f32Eq().if();
      c.localGet(at).i32Const(2).i32ShrU().localSet(idx).br(3);
      c.end();
    });
    c.end();
    c.end();
    c.localGet(out).localGet(r).i32Const(2).i32Shl().i32Add().localGet(idx).i32Store();
  });
  f.addTo(m, `arg${op}_each_row`);
}

export const ROW_REDUCE_EXPORTS = [...ROW_REDUCE_OPS.map((op) => `${op}_each_row` as const), 'argmax_each_row', 'argmin_each_row'] as const;

/** Adds sum_each_row, max_each_row, min_each_row, argmax_each_row and argmin_each_row (pointers are byte addresses; cols and rows in elements). */
export function addRowReduceFunctions(m: ModuleBuilder): void {
  addSumEachRow(m);
  addExtremumEachRow(m, 'max');
  addExtremumEachRow(m, 'min');
  addArgEachRow(m, 'max');
  addArgEachRow(m, 'min');
}
