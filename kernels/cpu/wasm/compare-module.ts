import { ValType, type CodeWriter } from './code-writer';
import { FunctionEmitter, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

// Comparisons of float32 operands into bool (one byte of 0 or 1 each), and the casts between bool and float32.
// A wasm comparison of two f32s is the JS twin's comparison of the same values promoted to numbers: false for a
// NaN operand except ≠ (JS `!==`), and −0 equal to +0. Vector and scalar steps compute the same thing, so any
// split into chunks gives the same bits.

/** The comparisons with a SIMD kernel, as `cmp_<op>` (less and the rest are the math family's, greater and equal the core's). */
export const SIMD_COMPARE_OPS = ['greater', 'equal', 'less', 'lessEqual', 'greaterEqual', 'notEqual'] as const;
export type SimdCompareOp = (typeof SIMD_COMPARE_OPS)[number];

const VECTOR_OP: Record<SimdCompareOp, (c: CodeWriter) => void> = {
  greater: (c) => c.f32x4Gt(), equal: (c) => c.f32x4Eq(), less: (c) => c.f32x4Lt(),
  lessEqual: (c) => c.f32x4Le(), greaterEqual: (c) => c.f32x4Ge(), notEqual: (c) => c.f32x4Ne(),
};
const SCALAR_OP: Record<SimdCompareOp, (c: CodeWriter) => void> = {
  greater: (c) => c.f32Gt(), equal: (c) => c.f32Eq(), less: (c) => c.f32Lt(),
  lessEqual: (c) => c.f32Le(), greaterEqual: (c) => c.f32Ge(), notEqual: (c) => c.f32Ne(),
};

/** Every byte 1: a compare's all-ones lane narrowed to a byte, anded with it, is the twin's 1. */
const ONES = 0x01010101;

/** Emits `for (i = from; i + 16 <= to; i += 16) vector` then `for (; i < to; i++) scalar` over element indices. */
function byteRun(c: CodeWriter, i: number, from: () => void, to: () => void, vector: () => void, scalar: () => void): void {
  forLoop(c, i, from, () => { to(); c.i32Const(15).i32Sub(); }, () => c.i32Const(16), vector);
  forLoop(c, i, () => c.localGet(i), to, () => c.i32Const(1), scalar);
}

/**
 * cmp_<op>(a, b, out, cols, aRowBytes, bRowBytes, r0, r1): out row r (cols bytes) = a row op b row for rows r0..r1
 * of `cols` floats, as bin_<op>: an operand's row r starts at r·rowBytes, so a row step of 0 broadcasts one row.
 * Sixteen floats a step: four lane-wise compares (all ones or zeros) narrowed to sixteen bytes.
 */
function addCompare(m: ModuleBuilder, op: SimdCompareOp): void {
  const f = new FunctionEmitter(i32Params(8));
  const [a, b, out, cols, aStep, bStep, r0, r1] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [r, i, ap, bp] = [f.local(), f.local(), f.local(), f.local()];
  const c = f.code;
  for (const [p, step] of [[a, aStep], [b, bStep], [out, cols]]) c.localGet(p).localGet(r0).localGet(step).i32Mul().i32Add().localSet(p);
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    byteRun(c, i, () => c.i32Const(0), () => c.localGet(cols), () => {
      for (const p of [ap, bp]) c.localGet(p === ap ? a : b).localGet(i).i32Const(2).i32Shl().i32Add().localSet(p);
      c.localGet(out).localGet(i).i32Add();
      for (let q = 0; q < 4; q++) {
        c.localGet(ap).v128Load(16 * q).localGet(bp).v128Load(16 * q);
        VECTOR_OP[op](c);
        if (q % 2 === 1) c.i16x8NarrowI32x4S();
      }
      c.i8x16NarrowI16x8S().v128ConstI32(ONES, ONES, ONES, ONES).v128And().v128Store();
    }, () => {
      c.localGet(out).localGet(i).i32Add();
      for (const p of [a, b]) c.localGet(p).localGet(i).i32Const(2).i32Shl().i32Add().f32Load();
      SCALAR_OP[op](c);
      c.i32Store8();
    });
    for (const [p, step] of [[a, aStep], [b, bStep], [out, cols]]) c.localGet(p).localGet(step).i32Add().localSet(p);
  });
  f.addTo(m, `cmp_${op}`);
}

/**
 * bool_to_f32(x, out, i0, i1): out[i] = x[i] for bytes x[i0..i1], as the twin stores a byte into a Float32Array
 * (bool values are 0 and 1; any byte converts exactly). Sixteen bytes a step, zero-extended to four i32x4 and converted.
 */
function addBoolToF32(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(4));
  const [x, out, i0, i1] = [0, 1, 2, 3];
  const [i, o, bytes, half] = [f.local(), f.local(), f.local(ValType.v128), f.local(ValType.v128)];
  const c = f.code;
  byteRun(c, i, () => c.localGet(i0), () => c.localGet(i1), () => {
    c.localGet(out).localGet(i).i32Const(2).i32Shl().i32Add().localSet(o);
    c.localGet(x).localGet(i).i32Add().v128Load().localSet(bytes);
    for (const [low, at] of [[true, 0], [false, 32]] as const) {
      c.localGet(bytes);
      if (low) c.i16x8ExtendLowI8x16U(); else c.i16x8ExtendHighI8x16U();
      c.localSet(half);
      for (const [lowQuarter, offset] of [[true, 0], [false, 16]] as const) {
        c.localGet(o).localGet(half);
        if (lowQuarter) c.i32x4ExtendLowI16x8U(); else c.i32x4ExtendHighI16x8U();
        c.f32x4ConvertI32x4S().v128Store(at + offset);
      }
    }
  }, () => {
    c.localGet(out).localGet(i).i32Const(2).i32Shl().i32Add();
    c.localGet(x).localGet(i).i32Add().i32Load8U().f32ConvertI32S().f32Store();
  });
  f.addTo(m, 'bool_to_f32');
}

/**
 * select_f32(cond, a, b, out, aStep, bStep, i0, i1): out[i] = cond[i] ≠ 0 ? a[i·aStep] : b[i·bStep] for
 * i in [i0, i1): bool bytes choosing between two float32 operands, each a full array (step 1) or one value (step
 * 0). The values are moved, never computed on (bitselect), as the JS twin moves them. Four at a time: the four
 * bytes zero-extended to i32 lanes, compared with 0.
 */
function addSelect(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(8));
  const [cond, a, b, out, aStep, bStep, i0, i1] = [0, 1, 2, 3, 4, 5, 6, 7];
  const i = f.local();
  const [aVec, bVec] = [f.local(ValType.v128), f.local(ValType.v128)];
  const c = f.code;
  /** Pushes operand x's four values at i: loaded (step 1) or x's one value splatted (step 0, set once in `fixed`). */
  const operand = (x: number, step: number, fixed: number): void => {
    c.localGet(step).if(ValType.v128);
    c.localGet(x).localGet(i).i32Const(2).i32Shl().i32Add().v128Load();
    c.else().localGet(fixed).end();
  };
  c.localGet(a).v128Load32Splat().localSet(aVec);
  c.localGet(b).v128Load32Splat().localSet(bVec);
  forLoop(c, i, () => c.localGet(i0), () => { c.localGet(i1).i32Const(3).i32Sub(); }, () => c.i32Const(4), () => {
    c.localGet(out).localGet(i).i32Const(2).i32Shl().i32Add();
    // bitselect takes its first operand where the mask is set: b where cond is 0, else a.
    operand(b, bStep, bVec);
    operand(a, aStep, aVec);
    c.localGet(cond).localGet(i).i32Add().v128Load32Splat().i16x8ExtendLowI8x16U().i32x4ExtendLowI16x8U().v128Const0().i32x4Eq();
    c.v128Bitselect().v128Store();
  });
  forLoop(c, i, () => c.localGet(i), () => c.localGet(i1), () => c.i32Const(1), () => {
    c.localGet(out).localGet(i).i32Const(2).i32Shl().i32Add();
    c.localGet(a).localGet(i).localGet(aStep).i32Mul().i32Const(2).i32Shl().i32Add().f32Load();
    c.localGet(b).localGet(i).localGet(bStep).i32Mul().i32Const(2).i32Shl().i32Add().f32Load();
    c.localGet(cond).localGet(i).i32Add().i32Load8U();
    c.select().f32Store();
  });
  f.addTo(m, 'select_f32');
}

export const COMPARE_EXPORTS = [...SIMD_COMPARE_OPS.map((op) => `cmp_${op}` as const), 'bool_to_f32', 'select_f32'] as const;

/** Adds cmp_<op>, bool_to_f32 and select_f32 (all pointers are byte addresses). */
export function addCompareFunctions(m: ModuleBuilder): void {
  for (const op of SIMD_COMPARE_OPS) addCompare(m, op);
  addBoolToF32(m);
  addSelect(m);
}
