import { CodeWriter, ValType } from './code-writer';
import { ModuleBuilder } from './module-builder';

/** A one-function module that returns lane 0 of a v128 produced by `emit`; valid only if the engine knows those opcodes. */
function probe(emit: (code: CodeWriter) => void): Uint8Array<ArrayBuffer> {
  const code = new CodeWriter();
  emit(code);
  code.f32x4ExtractLane(0);
  const m = new ModuleBuilder();
  m.addFunction([], [ValType.f32], [], code, 'probe');
  return m.build();
}

function validates(bytes: Uint8Array<ArrayBuffer>): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

let simd: boolean | undefined;
let relaxed: boolean | undefined;

/** Whether this engine runs WebAssembly fixed-width SIMD (f32x4); checked once by validating a tiny module. */
export function simdSupported(): boolean {
  simd ??= validates(probe((c) => c.v128Const0().v128Const0().f32x4Add()));
  return simd;
}

/** Whether the relaxed-SIMD fused multiply-add is available (behind a flag in Node 20). */
export function relaxedSimdSupported(): boolean {
  relaxed ??= simdSupported() && validates(probe((c) => c.v128Const0().v128Const0().v128Const0().f32x4RelaxedMadd()));
  return relaxed;
}

/** Whether a shared WebAssembly.Memory can be made here (needs SharedArrayBuffer, i.e. cross-origin isolation in browsers). */
export function sharedMemorySupported(): boolean {
  try {
    return new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}
