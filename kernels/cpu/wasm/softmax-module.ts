import { ValType } from './code-writer';
import { FunctionEmitter, floatRun, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';
import { clampedExpLanes, laneLocals } from './sigmoid-tanh-module';

const { v128, f32, f64 } = ValType;

export const SOFTMAX_EXPORTS = ['softmax_rows', 'exp_sums', 'log_softmax_out'] as const;

/**
 * softmax_rows(x, out, cols, r0, r1): rows r0..r1 of `cols` floats as the twin (kernels/cpu/softmax.ts) computes
 * them in float32: the row's max (four lanes of pseudo-maxima combined in lane order, then the last few: it can
 * differ from the twin's only in the sign of a zero max, which no x − max shows), e = exp(x − max) as the twin's
 * expClamped (the subtraction in float32, exp in float64 lanes, rounded to float32), the e summed in float64 in
 * element order, then e / float32(sum). Rows are independent: any split of them gives the same bits.
 * exp_sums(x, stats, cols, r0, r1) stops at the sum, storing each row's max and sum as two float64s at stats + 16·r
 * (logSoftmax's first half; the caller takes the log).
 */
function addSoftmaxRows(m: ModuleBuilder, sumsOnly: boolean): void {
  const f = new FunctionEmitter(i32Params(5));
  // out is the stats of exp_sums.
  const [x, out, cols, r0, r1] = [0, 1, 2, 3, 4];
  const [r, at, rowBytes, xr, outr] = Array.from({ length: 5 }, () => f.local());
  const [mv, d, lo, e4] = Array.from({ length: 4 }, () => f.local(v128));
  const [max, s] = [f.local(f32), f.local(f32)];
  const sum = f.local(f64);
  const { l, setConstants } = laneLocals(f);
  const c = f.code;
  /** sum += the float on the stack, widened. */
  const addToSum = (): void => { c.f64PromoteF32().localGet(sum).f64Add().localSet(sum); };
  setConstants();
  c.localGet(cols).i32Const(2).i32Shl().localSet(rowBytes);
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    c.localGet(x).localGet(r).localGet(rowBytes).i32Mul().i32Add().localSet(xr);
    c.localGet(out).localGet(r);
    if (sumsOnly) c.i32Const(16);
    else c.localGet(rowBytes);
    c.i32Mul().i32Add().localSet(outr);
    // The max: max < v ? v : max, as the twin's `if (v > max) max = v` (NaN never taken).
    c.f32Const(-Infinity).f32x4Splat().localSet(mv);
    // Whole vectors (floatRun's), their lanes combined, then the row's last few floats.
    forLoop(c, at, () => c.i32Const(0), () => c.localGet(rowBytes).i32Const(12).i32Sub(), () => c.i32Const(16), () => {
      c.localGet(mv).localGet(xr).localGet(at).i32Add().v128Load().f32x4Pmax().localSet(mv);
    });
    c.localGet(mv).f32x4ExtractLane(0).localSet(max);
    for (let lane = 1; lane < 4; lane++) {
      c.localGet(mv).f32x4ExtractLane(lane).localTee(s).localGet(max).localGet(max).localGet(s).f32Lt().select().localSet(max);
    }
    forLoop(c, at, () => c.localGet(at), () => c.localGet(rowBytes), () => c.i32Const(4), () => {
      c.localGet(xr).localGet(at).i32Add().f32Load().localTee(s).localGet(max).localGet(max).localGet(s).f32Lt().select().localSet(max);
    });
    // e = float32(exp(float32(x − max))), stored, and summed in element order.
    c.f32Const(0).f64PromoteF32().localSet(sum);
    floatRun(c, at, () => c.localGet(rowBytes), () => {
      c.localGet(xr).localGet(at).i32Add().v128Load().localGet(max).f32x4Splat().f32x4Sub().localTee(d);
      c.f64x2PromoteLowF32x4().localSet(l.t);
      clampedExpLanes(c, l);
      c.f32x4DemoteF64x2Zero().localSet(lo);
      c.localGet(d).localGet(d).i32x4Shuffle(2, 3, 2, 3).f64x2PromoteLowF32x4().localSet(l.t);
      c.localGet(lo);
      clampedExpLanes(c, l);
      c.f32x4DemoteF64x2Zero().i32x4Shuffle(0, 1, 4, 5).localSet(e4);
      if (!sumsOnly) c.localGet(outr).localGet(at).i32Add().localGet(e4).v128Store();
      for (let lane = 0; lane < 4; lane++) {
        c.localGet(e4).f32x4ExtractLane(lane);
        addToSum();
      }
    }, () => {
      c.localGet(xr).localGet(at).i32Add().f32Load().localGet(max).f32Sub().f64PromoteF32().f64x2Splat().localSet(l.t);
      clampedExpLanes(c, l);
      c.f64x2ExtractLane(0).f32DemoteF64().localSet(s);
      if (!sumsOnly) c.localGet(outr).localGet(at).i32Add().localGet(s).f32Store();
      c.localGet(s);
      addToSum();
    });
    if (sumsOnly) {
      c.localGet(outr).localGet(max).f64PromoteF32().f64Store();
      c.localGet(outr).localGet(sum).f64Store(8);
      return;
    }
    // out = e / float32(sum).
    c.localGet(sum).f32DemoteF64().localSet(s);
    c.localGet(s).f32x4Splat().localSet(d);
    floatRun(c, at, () => c.localGet(rowBytes), () => {
      c.localGet(outr).localGet(at).i32Add().localTee(xr).localGet(xr).v128Load().localGet(d).f32x4Div().v128Store();
    }, () => {
      c.localGet(outr).localGet(at).i32Add().localTee(xr).localGet(xr).f32Load().localGet(s).f32Div().f32Store();
    });
  });
  f.addTo(m, sumsOnly ? 'exp_sums' : 'softmax_rows');
}

/**
 * log_softmax_out(x, stats, out, cols, r0, r1): out = float32(x − max) − logSum for rows r0..r1, max and logSum the
 * two float64s at stats + 16·r (exp_sums's max, and the log the caller took of its sum, both floats), as the
 * twin's last pass.
 */
function addLogSoftmaxOut(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(6));
  const [x, stats, out, cols, r0, r1] = [0, 1, 2, 3, 4, 5];
  const [r, at, rowBytes, xr, outr] = Array.from({ length: 5 }, () => f.local());
  const [maxV, logV] = [f.local(v128), f.local(v128)];
  const [max, logSum] = [f.local(f32), f.local(f32)];
  const c = f.code;
  c.localGet(cols).i32Const(2).i32Shl().localSet(rowBytes);
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    c.localGet(x).localGet(r).localGet(rowBytes).i32Mul().i32Add().localSet(xr);
    c.localGet(out).localGet(r).localGet(rowBytes).i32Mul().i32Add().localSet(outr);
    c.localGet(stats).localGet(r).i32Const(16).i32Mul().i32Add().localTee(at).f64Load().f32DemoteF64().localTee(max).f32x4Splat().localSet(maxV);
    c.localGet(at).f64Load(8).f32DemoteF64().localTee(logSum).f32x4Splat().localSet(logV);
    floatRun(c, at, () => c.localGet(rowBytes), () => {
      c.localGet(outr).localGet(at).i32Add().localGet(xr).localGet(at).i32Add().v128Load().localGet(maxV).f32x4Sub().localGet(logV).f32x4Sub().v128Store();
    }, () => {
      c.localGet(outr).localGet(at).i32Add().localGet(xr).localGet(at).i32Add().f32Load().localGet(max).f32Sub().localGet(logSum).f32Sub().f32Store();
    });
  });
  f.addTo(m, 'log_softmax_out');
}

/** Adds softmax_rows, exp_sums and log_softmax_out (pointers are byte addresses). */
export function addSoftmaxFunctions(m: ModuleBuilder): void {
  addSoftmaxRows(m, false);
  addSoftmaxRows(m, true);
  addLogSoftmaxOut(m);
}
