import type { FloatArray } from '../../shared/types';
import type { WasmHeap } from './wasm-heap';

/** What kernels take: float32 values, int32 indices, and bool bytes (comparisons' outputs, casts' inputs). */
type Operand = Float32Array | Int32Array | Uint8Array;
type OperandType = { new (buffer: ArrayBufferLike, at: number, length: number): Operand };

/** A view of `length` elements of x's type at byte `at` of buffer. */
const viewLike = (x: Operand, buffer: ArrayBufferLike, at: number, length: number): Operand => new (x.constructor as OperandType)(buffer, at, length);

/**
 * The operands of one kernel call as byte offsets into the heap: an array already in the heap (resident) is
 * used in place; any other is copied into a temporary block (inputs), or given one and copied back from it by
 * finish() (outputs). Every temporary is freed by finish() or abandon(). An offset of -1 means the memory is
 * full: abandon the call and run the JS twin instead.
 */
export class CallOperands {
  private readonly temps: number[] = [];
  private readonly outs: { at: number; x: Operand; length: number }[] = [];

  constructor(private readonly heap: WasmHeap) {}

  /** Where the kernel reads x[0, length). */
  input(x: Operand | FloatArray, length: number): number {
    const at = this.heap.offsetOf(x);
    if (at >= 0) return at;
    const t = this.temp(length * x.BYTES_PER_ELEMENT);
    if (t >= 0 && length > 0) this.put(t, x as Operand, length);
    return t;
  }

  /** Where the kernel writes x[0, length) (copied out by finish() when x is not resident). */
  output(x: Operand | FloatArray, length: number): number {
    const at = this.heap.offsetOf(x);
    if (at >= 0) return at;
    const t = this.temp(length * x.BYTES_PER_ELEMENT);
    if (t >= 0) this.outs.push({ at: t, x: x as Operand, length });
    return t;
  }

  /** Where the kernel reads and writes x[0, length) in place. */
  inout(x: Operand | FloatArray, length: number): number {
    const at = this.heap.offsetOf(x);
    if (at >= 0) return at;
    const t = this.input(x, length);
    if (t >= 0) this.outs.push({ at: t, x: x as Operand, length });
    return t;
  }

  /** A temporary block of `bytes`, freed with the others. */
  temp(bytes: number): number {
    const t = this.heap.alloc(bytes);
    if (t >= 0) this.temps.push(t);
    return t;
  }

  /** Copies the outputs that live outside the heap back to them, then frees the temporaries. */
  finish(): void {
    const buffer = this.heap.memory.buffer;
    for (const o of this.outs) if (o.length > 0) o.x.set(viewLike(o.x, buffer, o.at, o.length));
    this.abandon();
  }

  /** Frees the temporaries without copying anything back. */
  abandon(): void {
    for (const t of this.temps) this.heap.free(t);
    this.temps.length = 0;
    this.outs.length = 0;
  }

  private put(at: number, x: Operand, length: number): void {
    const src = x.length === length ? x : x.subarray(0, length);
    viewLike(x, this.heap.memory.buffer, at, length).set(src);
  }
}
