import { FunctionEmitter, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

export const FILL_EXPORTS = ['fill_zero'] as const;

/**
 * Adds fill_zero(at, bytes): zeroes bytes at `at` with memory.fill. A typed array's fill() over shared
 * WebAssembly memory takes V8's slow path for shared buffers (measured ~10x slower on a 2.8 MB gradient).
 */
export function addFillFunctions(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(2));
  f.code.localGet(0).i32Const(0).localGet(1).memoryFill();
  f.addTo(m, 'fill_zero');
}
