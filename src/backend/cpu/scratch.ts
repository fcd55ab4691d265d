import type { FloatArray } from '../../../kernels/cpu/types';
import { arrayTypeFor, type DType } from '../../tensor';

/** Reusable work buffers (im2col columns), grown on demand, so training steps do not reallocate them. */
export class Scratch {
  private buffers: Partial<Record<DType, FloatArray>> = {};

  get(dtype: DType, length: number): FloatArray {
    let buf = this.buffers[dtype];
    if (!buf || buf.length < length) {
      buf = new (arrayTypeFor(dtype))(length);
      this.buffers[dtype] = buf;
    }
    return buf.subarray(0, length);
  }

  clear(): void {
    this.buffers = {};
  }
}
