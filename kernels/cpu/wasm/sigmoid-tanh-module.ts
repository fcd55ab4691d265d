import { EXP } from '../sigmoid-tanh';
import { ValType, type CodeWriter } from './code-writer';
import { FunctionEmitter, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

/** The float32 activations with a SIMD kernel here, as `un_<op>`: the twins of kernels/cpu/sigmoid-tanh.ts. */
export const SIGMOID_TANH_OPS = ['sigmoid', 'tanh', 'elu', 'exp'] as const;
export type SigmoidTanhOp = (typeof SIGMOID_TANH_OPS)[number];

const { v128 } = ValType;
// The f64 sign bits of both lanes, as i32 lanes (little-endian: the high word second).
const SIGN = [0, -0x80000000, 0, -0x80000000] as const;

/** The v128 locals the f64x2 evaluation works in, and those holding its constants (set once, before the loop). */
export interface Lanes { x: number; t: number; kk: number; k: number; r: number; e: number; a: number; consts: Map<number, number> }

// Every f64 constant the evaluation uses, each kept in a local: a constant in the loop would be rebuilt on every use.
const CONSTANTS = [...new Set([EXP.LOG2E, EXP.ROUND, EXP.LN2_HI, EXP.LN2_LO, ...EXP.COEFFS, -EXP.LIMIT, EXP.LIMIT, 1, EXP.TANH_TINY, -EXP.ELU_TINY, ...EXP.EXPM1_COEFFS, 0])];

const constant = (c: CodeWriter, l: Lanes, v: number): void => { c.localGet(l.consts.get(v) as number); };

/** Pushes local `l.t` clamped to [−LIMIT, LIMIT] as the twin's clamp: pmax with −LIMIT, then pmin with LIMIT. */
function clampLanes(c: CodeWriter, l: Lanes): void {
  c.localGet(l.t); constant(c, l, -EXP.LIMIT); c.f64x2Pmax(); constant(c, l, EXP.LIMIT); c.f64x2Pmin();
}

/**
 * Pushes exp(t) for the two f64 lanes of local `l.t` (clamped by the caller), each lane the twin's expLimited: k by
 * the 1.5·2^52 rounding, r by the split ln 2, the Taylor polynomial by Horner, and 2^k from the exponent bits. Those
 * bits are kk's own plus 1023, shifted up by 52: kk = 1.5·2^52 + k holds k in its low mantissa bits.
 */
function expLanes(c: CodeWriter, l: Lanes): void {
  c.localGet(l.t); constant(c, l, EXP.LOG2E); c.f64x2Mul(); constant(c, l, EXP.ROUND); c.f64x2Add().localTee(l.kk);
  constant(c, l, EXP.ROUND); c.f64x2Sub().localSet(l.k);
  c.localGet(l.t).localGet(l.k); constant(c, l, EXP.LN2_HI); c.f64x2Mul().f64x2Sub();
  c.localGet(l.k); constant(c, l, EXP.LN2_LO); c.f64x2Mul().f64x2Sub().localSet(l.r);
  constant(c, l, EXP.COEFFS[0]);
  for (let j = 1; j < EXP.COEFFS.length; j++) { c.localGet(l.r).f64x2Mul(); constant(c, l, EXP.COEFFS[j]); c.f64x2Add(); }
  c.localGet(l.kk).v128ConstI32(1023, 0, 1023, 0).i64x2Add().i32Const(52).i64x2Shl();
  c.f64x2Mul();
}

/** Pushes exp of the f64 lanes of local `l.t` clamped, the twin's expClamped (l.t then holds the clamped lanes). */
export function clampedExpLanes(c: CodeWriter, l: Lanes): void {
  clampLanes(c, l);
  c.localSet(l.t);
  expLanes(c, l);
}

/** Pushes exp of the f64 lanes of `l.x`, clamped: the twin's expClamped. */
function expOfLanes(c: CodeWriter, l: Lanes): void {
  c.localGet(l.x).localSet(l.t);
  clampedExpLanes(c, l);
}

/** Pushes sigmoid of the f64 lanes of `l.x`: 1 / (1 + exp(clamp(−x))). */
function sigmoidLanes(c: CodeWriter, l: Lanes): void {
  c.localGet(l.x).f64x2Neg().localSet(l.t);
  constant(c, l, 1);
  constant(c, l, 1); clampedExpLanes(c, l); c.f64x2Add();
  c.f64x2Div();
}

/** Pushes tanh of the f64 lanes of `l.x`: (1 − e) / (1 + e) with e = exp(−clamp(2|x|)) and x's sign; x where |x| < TANH_TINY. */
function tanhLanes(c: CodeWriter, l: Lanes): void {
  c.localGet(l.x).f64x2Abs().localTee(l.a).localGet(l.a).f64x2Add().localSet(l.t);
  clampLanes(c, l);
  c.f64x2Neg().localSet(l.t);
  expLanes(c, l);
  c.localSet(l.e);
  c.localGet(l.x);
  constant(c, l, 1); c.localGet(l.e).f64x2Sub();
  constant(c, l, 1); c.localGet(l.e).f64x2Add();
  c.f64x2Div();
  c.localGet(l.x).v128ConstI32(...SIGN).v128And().v128Or();
  c.localGet(l.a); constant(c, l, EXP.TANH_TINY); c.f64x2Lt();
  c.v128Bitselect();
}

/**
 * Pushes elu of the f64 lanes of `l.x`, as the twin's eluF32: x where x is not below 0 (NaN included), the Taylor
 * polynomial above −ELU_TINY, else exp(clamp(x)) − 1.
 */
function eluLanes(c: CodeWriter, l: Lanes): void {
  constant(c, l, EXP.EXPM1_COEFFS[0]);
  for (let j = 1; j < EXP.EXPM1_COEFFS.length; j++) { c.localGet(l.x).f64x2Mul(); constant(c, l, EXP.EXPM1_COEFFS[j]); c.f64x2Add(); }
  c.localGet(l.x).f64x2Mul();
  expOfLanes(c, l); constant(c, l, 1); c.f64x2Sub();
  constant(c, l, -EXP.ELU_TINY); c.localGet(l.x).f64x2Lt();
  c.v128Bitselect();
  c.localGet(l.x).localGet(l.x); constant(c, l, 0); c.f64x2Lt();
  c.v128Bitselect();
}

/** The lanes' locals of a new function, and the code that sets its constants (run it once, before the loop). */
export function laneLocals(f: FunctionEmitter): { l: Lanes; setConstants(): void } {
  const consts = new Map(CONSTANTS.map((v) => [v, f.local(v128)]));
  const l: Lanes = { x: f.local(v128), t: f.local(v128), kk: f.local(v128), k: f.local(v128), r: f.local(v128), e: f.local(v128), a: f.local(v128), consts };
  return { l, setConstants: () => { for (const [v, local] of consts) f.code.v128ConstF64(v, v).localSet(local); } };
}

/**
 * un_<op>(x, out, i0, i1) over elements i0..i1, a multiple of 4 of them (the caller runs the last few with the twin):
 * four floats at a time, widened to two f64x2 halves, evaluated as the twin evaluates each, and rounded back.
 */
function addSigmoidTanh(m: ModuleBuilder, op: SigmoidTanhOp): void {
  const f = new FunctionEmitter(i32Params(4));
  const [x, out, i0, i1] = [0, 1, 2, 3];
  const [at, len] = [f.local(), f.local()];
  const [v, lo] = [f.local(v128), f.local(v128)];
  const { l, setConstants } = laneLocals(f);
  const c = f.code;
  const lanes = { sigmoid: sigmoidLanes, tanh: tanhLanes, elu: eluLanes, exp: expOfLanes }[op];
  setConstants();
  for (const p of [x, out]) c.localGet(p).localGet(i0).i32Const(2).i32Shl().i32Add().localSet(p);
  c.localGet(i1).localGet(i0).i32Sub().i32Const(2).i32Shl().localSet(len);
  forLoop(c, at, () => c.i32Const(0), () => c.localGet(len), () => c.i32Const(16), () => {
    c.localGet(x).localGet(at).i32Add().v128Load().localTee(v).f64x2PromoteLowF32x4().localSet(l.x);
    lanes(c, l);
    c.f32x4DemoteF64x2Zero().localSet(lo);
    c.localGet(v).localGet(v).i32x4Shuffle(2, 3, 2, 3).f64x2PromoteLowF32x4().localSet(l.x);
    c.localGet(out).localGet(at).i32Add();
    c.localGet(lo);
    lanes(c, l);
    c.f32x4DemoteF64x2Zero();
    c.i32x4Shuffle(0, 1, 4, 5).v128Store();
  });
  f.addTo(m, `un_${op}`);
}

/** Adds un_sigmoid, un_tanh, un_elu and un_exp (pointers are byte addresses). */
export function addSigmoidTanhFunctions(m: ModuleBuilder): void {
  for (const op of SIGMOID_TANH_OPS) addSigmoidTanh(m, op);
}
