import type { ResidentMemory } from '../../../kernels/cpu/kernel-set';
import { arrayTypeFor, type DType, type FloatArray } from '../handle';

/**
 * Reusable work buffers (im2col columns), grown on demand, so training steps do not reallocate them. Float32
 * buffers live in the kernels' memory when it has room, so the kernels fill and read them in place.
 */
export class Scratch {
  private buffers: Partial<Record<DType, FloatArray>> = {};

  constructor(private readonly memory?: ResidentMemory) {}

  get(dtype: DType, length: number): FloatArray {
    let buf = this.buffers[dtype];
    if (!buf || buf.length < length) {
      if (buf) this.memory?.release(buf);
      buf = (dtype === 'float32' ? this.memory?.alloc(length) : undefined) ?? (new (arrayTypeFor(dtype))(length) as FloatArray);
      this.buffers[dtype] = buf;
    }
    return buf.subarray(0, length);
  }

  clear(): void {
    for (const buf of Object.values(this.buffers)) this.memory?.release(buf);
    this.buffers = {};
  }
}
