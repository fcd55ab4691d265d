import { ValType } from './code-writer';
import { FunctionEmitter, floatRunFrom, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

/** The f32 constants adam reads from memory, in this order (the thread pool passes only i32 arguments). */
export const ADAM_CONSTANTS = ['lrT', 'beta1', 'oneMinusBeta1', 'beta2', 'oneMinusBeta2', 'epsilon'] as const;

/** The smallest normal float32, 2^-126, as bits: below it (as |bits|) a float is subnormal or zero. */
const SMALLEST_NORMAL_BITS = 0x00800000;

/**
 * adam(p, g, m, v, constants, i0, i1) over elements i0..i1, in f32 (the JS twin rounds from float64, so the two
 * agree to float32 rounding, not bit for bit): m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; p −= lrT·m / (√v + ε).
 * A new m below 2^-126 in size (subnormal) is stored, and used, as ±0 (its sign kept), as TensorFlow's CPU kernels
 * flush subnormals to zero: a weight whose gradient stays 0 has its first moment decay by β1 each step down
 * through the subnormals, where x86 float arithmetic takes a slow path many times over, and trained models hold
 * many such weights (12% of dense1's first moments after 800 steps). Its step lrT·m / (√v + ε) is then below
 * 1.2·10^-34 for the default lr and ε: a change no float32 weight above 10^-26 can show.
 * Vector and scalar steps do the same operations, so any split into chunks gives the same bits.
 */
function addAdam(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(7));
  const [p, g, mo, vo, consts, i0, i1] = [0, 1, 2, 3, 4, 5, 6];
  const at = f.local();
  const vecs = ADAM_CONSTANTS.map(() => f.local(ValType.v128));
  const scal = ADAM_CONSTANTS.map(() => f.local(ValType.f32));
  const regs = [0, 1].map(() => [f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.v128)]);
  const [gs, ms, vs] = [f.local(ValType.f32), f.local(ValType.f32), f.local(ValType.f32)];
  const [lrT, b1, omb1, b2, omb2, eps] = [0, 1, 2, 3, 4, 5];
  const c = f.code;
  const lanes = (x: number): void => { c.v128ConstI32(x, x, x, x); };
  ADAM_CONSTANTS.forEach((_, k) => {
    c.localGet(consts).f32Load(4 * k).localTee(scal[k]).f32x4Splat().localSet(vecs[k]);
  });
  for (const ptr of [p, g, mo, vo]) c.localGet(ptr).localGet(i0).i32Const(2).i32Shl().i32Add().localSet(ptr);
  const len = (): void => { c.localGet(i1).localGet(i0).i32Sub().i32Const(2).i32Shl(); };
  const addr = (ptr: number): void => { c.localGet(ptr).localGet(at).i32Add(); };
  const vector = (o: number, [gv, mv, vv]: number[]): void => {
    addr(g); c.v128Load(o).localSet(gv);
    addr(mo); c.v128Load(o).localGet(vecs[b1]).f32x4Mul().localGet(vecs[omb1]).localGet(gv).f32x4Mul().f32x4Add().localSet(mv);
    // Subnormal lanes (|bits| below the smallest normal's, compared as integers: no float op sees them) to ±0.
    addr(mo); c.localGet(mv); lanes(-0x80000000); c.v128And().localGet(mv);
    c.localGet(mv); lanes(0x7fffffff); c.v128And(); lanes(SMALLEST_NORMAL_BITS); c.i32x4LtS().v128Bitselect().localTee(mv).v128Store(o);
    addr(vo); addr(vo); c.v128Load(o).localGet(vecs[b2]).f32x4Mul().localGet(vecs[omb2]).localGet(gv).f32x4Mul().localGet(gv).f32x4Mul().f32x4Add()
      .localTee(vv).v128Store(o);
    addr(p); addr(p); c.v128Load(o).localGet(vecs[lrT]).localGet(mv).f32x4Mul().localGet(vv).f32x4Sqrt().localGet(vecs[eps]).f32x4Add().f32x4Div()
      .f32x4Sub().v128Store(o);
  };
  // Two vectors an iteration: their sqrt and div chains overlap.
  forLoop(c, at, () => c.i32Const(0), () => { len(); c.i32Const(28).i32Sub(); }, () => c.i32Const(32), () => { vector(0, regs[0]); vector(16, regs[1]); });
  floatRunFrom(c, at, len, () => vector(0, regs[0]), () => {
    addr(g); c.f32Load().localSet(gs);
    addr(mo); c.f32Load().localGet(scal[b1]).f32Mul().localGet(scal[omb1]).localGet(gs).f32Mul().f32Add().localSet(ms);
    addr(mo); c.f32Const(0).localGet(ms).f32Copysign().localGet(ms).localGet(ms).f32Abs().f32Const(2 ** -126).f32Lt().select().localTee(ms).f32Store();
    addr(vo); addr(vo); c.f32Load().localGet(scal[b2]).f32Mul().localGet(scal[omb2]).localGet(gs).f32Mul().localGet(gs).f32Mul().f32Add()
      .localTee(vs).f32Store();
    addr(p); addr(p); c.f32Load().localGet(scal[lrT]).localGet(ms).f32Mul().localGet(vs).f32Sqrt().localGet(scal[eps]).f32Add().f32Div()
      .f32Sub().f32Store();
  });
  f.addTo(m, 'adam');
}

export const ADAM_EXPORTS = ['adam'] as const;

/** Adds adam (pointers are byte addresses; i0, i1 elements). */
export function addAdamFunctions(m: ModuleBuilder): void {
  addAdam(m);
}
