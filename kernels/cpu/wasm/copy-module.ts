import { FunctionEmitter, forLoop, i32Params } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

export const COPY_EXPORTS = ['copy_rows'] as const;

/**
 * Adds copy_rows(dst, src, bytes, rows, dstStep, srcStep): `rows` runs of `bytes` bytes, one memory.copy each, each
 * side's next run `step` bytes on (0 or negative included). A typed array's set() between views of shared
 * WebAssembly memory takes V8's slow path for shared buffers (measured ~7x slower on the rows of split and concat).
 */
export function addCopyFunctions(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(6));
  const [dst, src, bytes, rows, dstStep, srcStep] = [0, 1, 2, 3, 4, 5];
  const r = f.local();
  const c = f.code;
  forLoop(c, r, () => c.i32Const(0), () => c.localGet(rows), () => c.i32Const(1), () => {
    c.localGet(dst).localGet(src).localGet(bytes).memoryCopy();
    c.localGet(dst).localGet(dstStep).i32Add().localSet(dst);
    c.localGet(src).localGet(srcStep).i32Add().localSet(src);
  });
  f.addTo(m, 'copy_rows');
}
