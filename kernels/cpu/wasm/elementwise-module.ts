import { ValType, type CodeWriter } from './code-writer';
import { FunctionEmitter, floatRun, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

// The elementwise and reduction kernels behind batch normalization, relu, skip additions and clipping. Each does per
// element exactly what its JS twin (kernels/cpu/elementwise.ts, reduce.ts) does: for + − × ÷ on float32 values, the
// twin's float64 result rounded to float32 equals the float32 operation (float64 has more than 2·24 + 2 bits),
// maximum and minimum pick one operand as Math.max and Math.min do (NaN first, then −0 below +0), and sums
// accumulate in float64 column by column in row order as the twin's. Vector and scalar steps compute the same
// thing, so any split into chunks gives the same bits.

/** The binary ops with a SIMD kernel, as `bin_<op>`. */
export const SIMD_BINARY_OPS = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'prelu'] as const;
/** The unary ops with a SIMD kernel, as `un_<op>`. */
export const SIMD_UNARY_OPS = ['relu', 'relu6', 'step', 'square', 'neg', 'abs', 'sqrt', 'floor', 'ceil', 'round'] as const;

// prelu(a, alpha) is `a < 0 ? alpha·a : a` (the twin's, its float64 product rounding to the float32 one): with a and
// alpha set aside in the two locals given, as it reads a three times.
const VECTOR_OP: Record<(typeof SIMD_BINARY_OPS)[number], (c: CodeWriter, a: number, b: number) => void> = {
  add: (c) => c.f32x4Add(), sub: (c) => c.f32x4Sub(), mul: (c) => c.f32x4Mul(), div: (c) => c.f32x4Div(),
  maximum: (c) => c.f32x4Max(), minimum: (c) => c.f32x4Min(),
  prelu: (c, a, b) => c.localSet(b).localTee(a).localGet(b).f32x4Mul().localGet(a).localGet(a).v128Const0().f32x4Lt().v128Bitselect(),
};
const SCALAR_OP: Record<(typeof SIMD_BINARY_OPS)[number], (c: CodeWriter, a: number, b: number) => void> = {
  add: (c) => c.f32Add(), sub: (c) => c.f32Sub(), mul: (c) => c.f32Mul(), div: (c) => c.f32Div(),
  maximum: (c) => c.f32Max(), minimum: (c) => c.f32Min(),
  prelu: (c, a, b) => c.localSet(b).localTee(a).localGet(b).f32Mul().localGet(a).localGet(a).f32Const(0).f32Lt().select(),
};

/** Which operand of bin_<op> holds one float per row, read once a row as if repeated across it: 'a', 'b' or neither. */
export type BinaryColumn = '' | 'a' | 'b';
const COLUMN_NAMES = { '': '', a: '_acol', b: '_bcol' } as const;
/** Every BinaryColumn; its index is the one rowsOf (elementwise-simd.ts) gives. */
export const BINARY_COLUMNS: readonly BinaryColumn[] = ['', 'a', 'b'];

/** The export of op's arithmetic kernel with `column` read once a row: bin_<op>, bin_<op>_acol or bin_<op>_bcol. */
export const binaryExport = <C extends BinaryColumn>(op: (typeof SIMD_BINARY_OPS)[number], column: C) =>
  `bin_${op}${COLUMN_NAMES[column]}` as `bin_${typeof op}${(typeof COLUMN_NAMES)[C]}`;

/**
 * bin_<op>(a, b, out, cols, aRowBytes, bRowBytes, r0, r1): out row r = a row op b row for rows r0..r1 of `cols`
 * floats; an operand's row r starts at r·rowBytes, so a row step of 0 broadcasts one row (x op bias[c] in NHWC).
 * bin_<op>_acol and bin_<op>_bcol read a or b as one float per row, repeated across it ([rows, cols] op [rows, 1]:
 * x − mean(x, -1, true)), its row step 4 bytes.
 */
function addBinary(m: ModuleBuilder, op: (typeof SIMD_BINARY_OPS)[number], column: BinaryColumn): void {
  const f = new FunctionEmitter(i32Params(8));
  const [a, b, out, cols, aStep, bStep, r0, r1] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [r, at, rowBytes] = [f.local(), f.local(), f.local()];
  const [splat, single] = [f.local(ValType.v128), f.local(ValType.f32)];
  const [va, vb, sa, sb] = [f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.f32), f.local(ValType.f32)];
  const c = f.code;
  c.localGet(cols).i32Const(4).i32Mul().localSet(rowBytes);
  for (const [p, step] of [[a, aStep], [b, bStep], [out, rowBytes]]) c.localGet(p).localGet(r0).localGet(step).i32Mul().i32Add().localSet(p);
  const side = (p: number, vector: boolean): void => {
    if (column === (p === a ? 'a' : 'b')) c.localGet(vector ? splat : single);
    else if (vector) c.localGet(p).localGet(at).i32Add().v128Load();
    else c.localGet(p).localGet(at).i32Add().f32Load();
  };
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    if (column) {
      const p = column === 'a' ? a : b;
      c.localGet(p).v128Load32Splat().localSet(splat);
      c.localGet(p).f32Load().localSet(single);
    }
    floatRun(c, at, () => c.localGet(rowBytes), () => {
      c.localGet(out).localGet(at).i32Add();
      side(a, true);
      side(b, true);
      VECTOR_OP[op](c, va, vb);
      c.v128Store();
    }, () => {
      c.localGet(out).localGet(at).i32Add();
      side(a, false);
      side(b, false);
      SCALAR_OP[op](c, sa, sb);
      c.f32Store();
    });
    for (const [p, step] of [[a, aStep], [b, bStep], [out, rowBytes]]) c.localGet(p).localGet(step).i32Add().localSet(p);
  });
  f.addTo(m, binaryExport(op, column));
}

/** The lane and scalar instructions of the ops that are one instruction each. */
const ONE_INSTRUCTION = {
  neg: ['f32x4Neg', 'f32Neg'], abs: ['f32x4Abs', 'f32Abs'], sqrt: ['f32x4Sqrt', 'f32Sqrt'], floor: ['f32x4Floor', 'f32Floor'], ceil: ['f32x4Ceil', 'f32Ceil'],
} as const;

/**
 * un_<op>(x, out, i0, i1) over elements i0..i1. relu is pmax(v, 0) = `v < 0 ? 0 : v` (−0 kept); relu6 is the
 * twin's Math.min(Math.max(v, 0), 6) (−0 gives +0, as TF.js's); step is `v > 0 ? 1 : 0` with NaN passed through (the twin's
 * `v <= 0 ? 0 : v`); square is v·v; neg, abs, sqrt, floor and ceil are single instructions, exact as the twin's
 * (sqrt rounded once to float32: the twin's float64 root rounds to the same float); round is nearest (ties to even)
 * but +0 for −0.5, where the twin (TF.js's rule) takes base + 1 and not ceil.
 */
function addUnary(m: ModuleBuilder, op: (typeof SIMD_UNARY_OPS)[number]): void {
  const f = new FunctionEmitter(i32Params(4));
  const [x, out, i0, i1] = [0, 1, 2, 3];
  const [at, v, s] = [f.local(), f.local(ValType.v128), f.local(ValType.f32)];
  const c = f.code;
  for (const p of [x, out]) c.localGet(p).localGet(i0).i32Const(2).i32Shl().i32Add().localSet(p);
  floatRun(c, at, () => { c.localGet(i1).localGet(i0).i32Sub().i32Const(2).i32Shl(); }, () => {
    c.localGet(out).localGet(at).i32Add();
    c.localGet(x).localGet(at).i32Add().v128Load().localSet(v);
    if (op === 'relu') c.localGet(v).v128Const0().f32x4Pmax();
    // pmin and pmax are single instructions where min and max are several; adding +0 turns a −0 into +0.
    if (op === 'relu6') c.localGet(v).v128Const0().f32x4Pmax().f32Const(6).f32x4Splat().f32x4Pmin().v128Const0().f32x4Add();
    if (op === 'round') c.v128Const0().localGet(v).f32x4Nearest().localGet(v).f32Const(-0.5).f32x4Splat().f32x4Eq().v128Bitselect();
    if (op === 'square') c.localGet(v).localGet(v).f32x4Mul();
    if (op in ONE_INSTRUCTION) c.localGet(v)[ONE_INSTRUCTION[op as keyof typeof ONE_INSTRUCTION][0]]();
    // (v > 0 mask) & 1.0 gives 1 or +0; lanes where v ≠ v (NaN) keep v.
    if (op === 'step') c.localGet(v).localGet(v).v128Const0().f32x4Gt().f32Const(1).f32x4Splat().v128And().localGet(v).localGet(v).f32x4Ne().v128Bitselect();
    c.v128Store();
  }, () => {
    c.localGet(out).localGet(at).i32Add();
    c.localGet(x).localGet(at).i32Add().f32Load().localSet(s);
    if (op === 'relu') c.f32Const(0).localGet(s).localGet(s).f32Const(0).f32Lt().select();
    if (op === 'relu6') c.localGet(s).f32Const(0).f32Max().f32Const(6).f32Min();
    if (op === 'round') c.f32Const(0).localGet(s).f32Nearest().localGet(s).f32Const(-0.5).f32Eq().select();
    if (op === 'square') c.localGet(s).localGet(s).f32Mul();
    if (op in ONE_INSTRUCTION) c.localGet(s)[ONE_INSTRUCTION[op as keyof typeof ONE_INSTRUCTION][1]]();
    if (op === 'step') c.localGet(s).f32Const(1).f32Const(0).localGet(s).f32Const(0).f32Gt().select().localGet(s).localGet(s).f32Ne().select();
    c.f32Store();
  });
  f.addTo(m, `un_${op}`);
}

/**
 * clip_f32(x, out, bounds, i0, i1): out = x clipped to [lo, hi], the two float32s at bounds, over elements i0..i1:
 * pmax(pmin(v, hi), lo) = `v > hi ? hi : v < lo ? lo : v` with lo ≤ hi, the twin's (a NaN v and the sign of a zero
 * kept). The twin compares with the float64 bounds and this with them rounded to float32; for a float32 v the
 * results round to the same float32 (v is past a bound exactly when it is past the rounded one, or equal to it).
 */
function addClip(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(5));
  const [x, out, bounds, i0, i1] = [0, 1, 2, 3, 4];
  const at = f.local();
  const [lo, hi] = [f.local(ValType.v128), f.local(ValType.v128)];
  const [loS, hiS, v] = [f.local(ValType.f32), f.local(ValType.f32), f.local(ValType.f32)];
  const c = f.code;
  c.localGet(bounds).f32Load().localTee(loS).f32x4Splat().localSet(lo);
  c.localGet(bounds).f32Load(4).localTee(hiS).f32x4Splat().localSet(hi);
  for (const p of [x, out]) c.localGet(p).localGet(i0).i32Const(2).i32Shl().i32Add().localSet(p);
  floatRun(c, at, () => { c.localGet(i1).localGet(i0).i32Sub().i32Const(2).i32Shl(); }, () => {
    c.localGet(out).localGet(at).i32Add();
    c.localGet(x).localGet(at).i32Add().v128Load().localGet(hi).f32x4Pmin().localGet(lo).f32x4Pmax();
    c.v128Store();
  }, () => {
    c.localGet(out).localGet(at).i32Add();
    c.localGet(x).localGet(at).i32Add().f32Load().localSet(v);
    // v > hi ? hi : v, then that < lo ? lo : that.
    c.localGet(hiS).localGet(v).localGet(v).localGet(hiS).f32Gt().select().localSet(v);
    c.localGet(loS).localGet(v).localGet(v).localGet(loS).f32Lt().select();
    c.f32Store();
  });
  f.addTo(m, 'clip_f32');
}

/**
 * sum_rows(x, acc, out, cols, rows, c0, c1): out[c] = Σ_r x[r, c] for columns c0..c1 of a [rows, cols] x, summed
 * in float64 (acc: cols float64s of scratch) in row order and rounded once, as the twin's reduction over all axes
 * but the last. Four rows are added to a column's sum per load and store of it (still one row after another).
 * Each column is summed by one call, so a split over columns gives the same bits.
 */
function addSumRows(m: ModuleBuilder): void {
  const UNROLL = 4;
  const f = new FunctionEmitter(i32Params(7));
  const [x, acc, out, cols, rows, c0, c1] = [0, 1, 2, 3, 4, 5, 6];
  const [r, at, len, rowBytes] = [f.local(), f.local(), f.local(), f.local()];
  const [v, sum] = [f.local(ValType.v128), f.local(ValType.v128)];
  const fsum = f.local(ValType.f64);
  const c = f.code;
  c.localGet(cols).i32Const(4).i32Mul().localSet(rowBytes);
  c.localGet(c1).localGet(c0).i32Sub().i32Const(2).i32Shl().localSet(len);
  for (const [p, shift] of [[x, 2], [out, 2], [acc, 3]]) c.localGet(p).localGet(c0).i32Const(shift).i32Shl().i32Add().localSet(p);
  // acc (8 bytes a column) at twice the float offset `at`.
  const accAt = (extra = 0): void => { c.localGet(acc).localGet(at).i32Const(1).i32Shl().i32Add(); if (extra) c.i32Const(extra).i32Add(); };
  // x's element at `at` in row k of the current group.
  const xAt = (k: number): void => {
    c.localGet(x).localGet(at).i32Add();
    if (k) c.localGet(rowBytes).i32Const(k).i32Mul().i32Add();
  };
  forLoop(c, at, () => c.i32Const(0), () => c.localGet(len), () => c.i32Const(4), () => {
    accAt(); c.f32Const(0).f64PromoteF32().f64Store();
  });
  /** Adds `count` rows from x on (x then moves past them). */
  const addRows = (count: number): void => {
    floatRun(c, at, () => c.localGet(len), () => {
      for (const half of [0, 16]) {
        accAt(half); c.v128Load().localSet(sum);
        for (let k = 0; k < count; k++) {
          xAt(k); c.v128Load().localSet(v);
          c.localGet(sum).localGet(v);
          if (half) c.localGet(v).i32x4Shuffle(2, 3, 2, 3);
          c.f64x2PromoteLowF32x4().f64x2Add().localSet(sum);
        }
        accAt(half); c.localGet(sum).v128Store();
      }
    }, () => {
      accAt(); c.f64Load().localSet(fsum);
      for (let k = 0; k < count; k++) { c.localGet(fsum); xAt(k); c.f32Load().f64PromoteF32().f64Add().localSet(fsum); }
      accAt(); c.localGet(fsum).f64Store();
    });
    c.localGet(x).localGet(rowBytes).i32Const(count).i32Mul().i32Add().localSet(x);
  };
  forLoop(c, r, () => c.i32Const(0), () => { c.localGet(rows).i32Const(UNROLL - 1).i32Sub(); }, () => c.i32Const(UNROLL), () => addRows(UNROLL));
  forLoop(c, r, () => c.localGet(r), () => c.localGet(rows), () => c.i32Const(1), () => addRows(1));
  forLoop(c, at, () => c.i32Const(0), () => c.localGet(len), () => c.i32Const(4), () => {
    c.localGet(out).localGet(at).i32Add();
    accAt(); c.f64Load().f32DemoteF64().f32Store();
  });
  f.addTo(m, 'sum_rows');
}

/**
 * max_rows(x, out, cols, rows, c0, c1): out[c] = the largest x[r, c] for columns c0..c1 of a [rows, cols] x, from
 * −Infinity, as the twin's Math.max over all axes but the last: a NaN wins, +0 beats −0 (wasm's max is IEEE
 * maximum, as Math.max), and a maximum is one of the values, so no rounding. Each column is one call's.
 */
function addMaxRows(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(6));
  const [x, out, cols, rows, c0, c1] = [0, 1, 2, 3, 4, 5];
  const [r, at, len, rowBytes, p] = [f.local(), f.local(), f.local(), f.local(), f.local()];
  const best = f.local(ValType.v128);
  const fbest = f.local(ValType.f32);
  const c = f.code;
  c.localGet(cols).i32Const(4).i32Mul().localSet(rowBytes);
  c.localGet(c1).localGet(c0).i32Sub().i32Const(2).i32Shl().localSet(len);
  for (const ptr of [x, out]) c.localGet(ptr).localGet(c0).i32Const(2).i32Shl().i32Add().localSet(ptr);
  /** Column run `at`'s maximum down the rows, in local `into`, with the vector's or the scalar's load, max and store. */
  const column = (into: number, start: () => void, load: () => void, max: () => void, store: () => void): void => {
    start(); c.localSet(into);
    c.localGet(x).localGet(at).i32Add().localSet(p);
    forLoop(c, r, () => c.i32Const(0), () => c.localGet(rows), () => c.i32Const(1), () => {
      c.localGet(into).localGet(p); load(); max(); c.localSet(into);
      c.localGet(p).localGet(rowBytes).i32Add().localSet(p);
    });
    c.localGet(out).localGet(at).i32Add().localGet(into); store();
  };
  floatRun(c, at, () => c.localGet(len),
    () => column(best, () => c.f32Const(-Infinity).f32x4Splat(), () => c.v128Load(), () => c.f32x4Max(), () => c.v128Store()),
    () => column(fbest, () => c.f32Const(-Infinity), () => c.f32Load(), () => c.f32Max(), () => c.f32Store()));
  f.addTo(m, 'max_rows');
}

export const ELEMENTWISE_EXPORTS = [...BINARY_COLUMNS.flatMap((column) => SIMD_BINARY_OPS.map((op) => binaryExport(op, column))),
  ...SIMD_UNARY_OPS.map((op) => `un_${op}` as const), 'clip_f32', 'sum_rows', 'max_rows'] as const;

/** Adds bin_<op> (and its _acol and _bcol), un_<op>, clip_f32, sum_rows and max_rows (all pointers are byte addresses). */
export function addElementwiseFunctions(m: ModuleBuilder): void {
  for (const column of BINARY_COLUMNS) for (const op of SIMD_BINARY_OPS) addBinary(m, op, column);
  for (const op of SIMD_UNARY_OPS) addUnary(m, op);
  addClip(m);
  addSumRows(m);
  addMaxRows(m);
}
