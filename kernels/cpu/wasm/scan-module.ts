import { ValType } from './code-writer';
import { FunctionEmitter } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

const { i32, f32, v128 } = ValType;

export const SCAN_EXPORTS = ['first_above'] as const;

/**
 * Adds first_above(x, i0, i1, last, out): stores at `out` the first i in [i0, i1) whose float x[i] is greater than
 * `last` (a NaN never is), or i1 when none is; x is a byte address, i0 and i1 float indices. topk's scan of a row for
 * the next value it keeps: four floats a compare, then one at a time within the vector that holds it.
 */
export function addScanFunctions(m: ModuleBuilder): void {
  const f = new FunctionEmitter([i32, i32, i32, f32, i32]);
  const [x, i0, i1, last, out] = [0, 1, 2, 3, 4];
  const [i, bound] = [f.local(), f.local()];
  const lasts = f.local(v128);
  const c = f.code;
  const address = (): void => { c.localGet(x).localGet(i).i32Const(2).i32Shl().i32Add(); };
  c.localGet(last).f32x4Splat().localSet(lasts);
  c.localGet(i0).localSet(i);
  c.localGet(i1).i32Const(3).i32Sub().localSet(bound);
  // Whole vectors while i + 4 <= i1, up to the first with a lane greater than last.
  c.block().loop();
  c.localGet(i).localGet(bound).i32GeS().brIf(1);
  address(); c.v128Load().localGet(lasts).f32x4Gt().v128AnyTrue().brIf(1);
  c.localGet(i).i32Const(4).i32Add().localSet(i);
  c.br(0).end().end();
  c.block().loop();
  c.localGet(i).localGet(i1).i32GeS().brIf(1);
  address(); c.f32Load().localGet(last).f32Gt().brIf(1);
  c.localGet(i).i32Const(1).i32Add().localSet(i);
  c.br(0).end().end();
  c.localGet(out).localGet(i).i32Store();
  f.addTo(m, 'first_above');
}
