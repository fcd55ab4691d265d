import { CodeWriter, ValType } from './code-writer';
import type { ModuleBuilder } from './module-builder';

/**
 * Emits `for (i = from; i < to; i += step) body` (signed compare); `from`, `to` and `step` push one i32 each.
 * Inside the body, branch depth 1 leaves the loop and depth 0 would restart it without stepping.
 */
export function forLoop(code: CodeWriter, i: number, from: () => void, to: () => void, step: () => void, body: () => void): void {
  from(); code.localSet(i);
  code.block().loop();
  code.localGet(i); to(); code.i32GeS().brIf(1);
  body();
  code.localGet(i); step(); code.i32Add().localSet(i);
  code.br(0).end().end();
}

/** Pushes min(x, y) of two signed i32s pushed by `x` and `y` (each evaluated twice, so keep them cheap). */
export function min(code: CodeWriter, x: () => void, y: () => void): void {
  x(); y(); x(); y(); code.i32LtS().select();
}


/** One function under construction: its parameters (all i32 unless given), declared locals and body. */
export class FunctionEmitter {
  readonly code = new CodeWriter();
  readonly locals: ValType[] = [];

  constructor(readonly params: ValType[]) {}

  /** Declares a local and returns its index (parameters come first). */
  local(type: ValType = ValType.i32): number {
    return this.params.length + this.locals.push(type) - 1;
  }

  /** Adds the function to `m`, exported as `name`. */
  addTo(m: ModuleBuilder, name: string): number {
    return m.addFunction(this.params, [], this.locals, this.code, name);
  }
}

/** `n` i32 parameters. */
export const i32Params = (n: number): ValType[] => new Array<ValType>(n).fill(ValType.i32);

/** Pushes max(x, 0) of the signed i32 in local `x`. */
export function maxZero(c: CodeWriter, x: number): void {
  c.localGet(x).i32Const(0).localGet(x).i32Const(0).i32GtS().select();
}

/**
 * Emits a loop over the bytes [0, len) of a run of floats, `vector(offset)` for each whole 16-byte group and
 * `scalar(offset)` for the 4-byte tail; `at` is the i32 local used as the byte offset. Each callback emits one step.
 */
export function floatRun(c: CodeWriter, at: number, len: () => void, vector: () => void, scalar: () => void): void {
  c.i32Const(0).localSet(at);
  floatRunFrom(c, at, len, vector, scalar);
}

/** floatRun from the byte offset already in `at`. */
export function floatRunFrom(c: CodeWriter, at: number, len: () => void, vector: () => void, scalar: () => void): void {
  // Whole vectors while at + 16 <= len, i.e. at < len - 12.
  forLoop(c, at, () => c.localGet(at), () => { len(); c.i32Const(12).i32Sub(); }, () => c.i32Const(16), vector);
  forLoop(c, at, () => c.localGet(at), len, () => c.i32Const(4), scalar);
}
