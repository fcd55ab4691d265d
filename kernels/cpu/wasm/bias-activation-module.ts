import { ValType } from './code-writer';
import { FunctionEmitter, floatRun, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

// Both kernels do per element exactly the f32 operations of their JS twins (kernels/cpu/bias-activation.ts),
// in the same order, so results match them bit for bit; vector and scalar steps compute the same thing.

/**
 * bias_act(x, bias, out, cols, relu, r0, r1): out[r, c] = act(x[r, c] + bias[c]) for rows r0..r1.
 * relu is pmax(v, 0), i.e. `v < 0 ? 0 : v` as the twin writes it (NaN and -0 pass through alike).
 */
function addBiasActivation(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(7));
  const [x, bias, out, cols, relu, r0, r1] = [0, 1, 2, 3, 4, 5, 6];
  const [r, at, rowBytes, t] = [f.local(), f.local(), f.local(), f.local(ValType.f32)];
  const c = f.code;
  c.localGet(cols).i32Const(4).i32Mul().localSet(rowBytes);
  c.localGet(x).localGet(r0).localGet(rowBytes).i32Mul().i32Add().localSet(x);
  c.localGet(out).localGet(r0).localGet(rowBytes).i32Mul().i32Add().localSet(out);
  const rows = (withRelu: boolean): void => forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    floatRun(c, at, () => c.localGet(rowBytes), () => {
      c.localGet(out).localGet(at).i32Add();
      c.localGet(x).localGet(at).i32Add().v128Load().localGet(bias).localGet(at).i32Add().v128Load().f32x4Add();
      if (withRelu) c.v128Const0().f32x4Pmax();
      c.v128Store();
    }, () => {
      c.localGet(x).localGet(at).i32Add().f32Load().localGet(bias).localGet(at).i32Add().f32Load().f32Add().localSet(t);
      c.localGet(out).localGet(at).i32Add();
      if (withRelu) c.f32Const(0).localGet(t).localGet(t).f32Const(0).f32Lt().select();
      else c.localGet(t);
      c.f32Store();
    });
    c.localGet(x).localGet(rowBytes).i32Add().localSet(x);
    c.localGet(out).localGet(rowBytes).i32Add().localSet(out);
  });
  c.localGet(relu).if();
  rows(true);
  c.else();
  rows(false);
  c.end();
  f.addTo(m, 'bias_act');
}

/**
 * bias_act_back(dy, y, dz, dbias, cols, relu, r0, r1): dz = relu ? (y > 0 ? dy : 0) : dy over rows r0..r1, and
 * dbias[c] += dz[r, c] row after row (the caller zeroes dbias), so one call sums in the twin's order.
 */
function addBiasActivationBackprop(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(8));
  const [dy, y, dz, dbias, cols, relu, r0, r1] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [r, at, rowBytes, g, gs] = [f.local(), f.local(), f.local(), f.local(ValType.v128), f.local(ValType.f32)];
  const c = f.code;
  c.localGet(cols).i32Const(4).i32Mul().localSet(rowBytes);
  for (const p of [dy, y, dz]) c.localGet(p).localGet(r0).localGet(rowBytes).i32Mul().i32Add().localSet(p);
  const rows = (withRelu: boolean): void => forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    floatRun(c, at, () => c.localGet(rowBytes), () => {
      c.localGet(dy).localGet(at).i32Add().v128Load();
      // The mask y > 0 is all ones or all zeros per lane: and-ing keeps dy's bits or gives +0.
      if (withRelu) c.localGet(y).localGet(at).i32Add().v128Load().v128Const0().f32x4Gt().v128And();
      c.localSet(g);
      c.localGet(dz).localGet(at).i32Add().localGet(g).v128Store();
      c.localGet(dbias).localGet(at).i32Add().localGet(dbias).localGet(at).i32Add().v128Load().localGet(g).f32x4Add().v128Store();
    }, () => {
      c.localGet(dy).localGet(at).i32Add().f32Load();
      if (withRelu) c.f32Const(0).localGet(y).localGet(at).i32Add().f32Load().f32Const(0).f32Gt().select();
      c.localSet(gs);
      c.localGet(dz).localGet(at).i32Add().localGet(gs).f32Store();
      c.localGet(dbias).localGet(at).i32Add().localGet(dbias).localGet(at).i32Add().f32Load().localGet(gs).f32Add().f32Store();
    });
    for (const p of [dy, y, dz]) c.localGet(p).localGet(rowBytes).i32Add().localSet(p);
  });
  c.localGet(relu).if();
  rows(true);
  c.else();
  rows(false);
  c.end();
  f.addTo(m, 'bias_act_back');
}

/**
 * channel_affine(x, mean, scale, offset, out, cols, r0, r1): out[r, c] = (x[r, c] − mean[c])·scale[c] + offset[c]
 * for rows r0..r1, the twin's three f32 operations (kernels/cpu/channel-affine.ts) in its order.
 */
function addChannelAffine(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(8));
  const [x, mean, scale, offset, out, cols, r0, r1] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [r, at, rowBytes] = [f.local(), f.local(), f.local()];
  const c = f.code;
  c.localGet(cols).i32Const(4).i32Mul().localSet(rowBytes);
  for (const p of [x, out]) c.localGet(p).localGet(r0).localGet(rowBytes).i32Mul().i32Add().localSet(p);
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(1), () => {
    floatRun(c, at, () => c.localGet(rowBytes), () => {
      c.localGet(out).localGet(at).i32Add();
      c.localGet(x).localGet(at).i32Add().v128Load().localGet(mean).localGet(at).i32Add().v128Load().f32x4Sub();
      c.localGet(scale).localGet(at).i32Add().v128Load().f32x4Mul();
      c.localGet(offset).localGet(at).i32Add().v128Load().f32x4Add();
      c.v128Store();
    }, () => {
      c.localGet(out).localGet(at).i32Add();
      c.localGet(x).localGet(at).i32Add().f32Load().localGet(mean).localGet(at).i32Add().f32Load().f32Sub();
      c.localGet(scale).localGet(at).i32Add().f32Load().f32Mul();
      c.localGet(offset).localGet(at).i32Add().f32Load().f32Add();
      c.f32Store();
    });
    for (const p of [x, out]) c.localGet(p).localGet(rowBytes).i32Add().localSet(p);
  });
  f.addTo(m, 'channel_affine');
}

export const BIAS_ACTIVATION_EXPORTS = ['bias_act', 'bias_act_back', 'channel_affine'] as const;

/** Adds bias_act, bias_act_back and channel_affine (all pointers are byte addresses). */
export function addBiasActivationFunctions(m: ModuleBuilder): void {
  addBiasActivation(m);
  addBiasActivationBackprop(m);
  addChannelAffine(m);
}
