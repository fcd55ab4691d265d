const PAGE = 65536;

/**
 * One WebAssembly.Memory and a Float32Array view over it. Growing a memory detaches (or, when shared,
 * outdates) every view of its old buffer, so `f32` is re-derived after any growth and must be re-read
 * after every call to ensure().
 */
export class WasmHeap {
  readonly memory: WebAssembly.Memory;
  readonly maxBytes: number;
  f32: Float32Array;

  constructor(initialPages: number, maximumPages: number, shared: boolean) {
    this.memory = new WebAssembly.Memory({ initial: initialPages, maximum: maximumPages, shared });
    this.maxBytes = maximumPages * PAGE;
    this.f32 = new Float32Array(this.memory.buffer);
  }

  /** Makes the memory at least `bytes` long (growing at least geometrically), or returns false if it cannot. */
  ensure(bytes: number): boolean {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) {
      if (bytes > this.maxBytes) return false;
      const want = Math.min(this.maxBytes, Math.max(bytes, have * 1.5));
      this.memory.grow(Math.ceil((want - have) / PAGE));
    }
    if (this.f32.byteLength !== this.memory.buffer.byteLength) this.f32 = new Float32Array(this.memory.buffer);
    return true;
  }
}
