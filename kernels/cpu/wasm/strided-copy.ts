import { mergeStridedAxes } from '../../shared/strided';
import { copyStrided as copyStridedJs } from '../strided';
import type { WasmRuntime } from './runtime';

/**
 * copyStrided for two arrays of one type that both live in the runtime's memory (tensor values): the runs
 * contiguous on both sides are copied by copy_rows, one call for the last two merged axes, the axes before them
 * walked here; where the last two axes are transposed (dst's last contiguous, src's second-last) and elements are
 * 4 bytes, by transpose_rows, split across the threads when large. Any other call takes the JS kernel. All move
 * bytes unchanged, so the results are the same bits.
 */
export function wasmCopyStridedOn(runtime: WasmRuntime, chunkOf: (total: number, quantum: number) => number, splitElements: number): typeof copyStridedJs {
  return (src, srcOffset, srcStrides, dst, dstOffset, dstStrides, shape) => {
    const srcAt = runtime.heap.offsetOf(src), dstAt = runtime.heap.offsetOf(dst);
    const inMemory = srcAt >= 0 && dstAt >= 0 && src.constructor === dst.constructor && !shape.includes(0);
    const { dims, a: ss, b: ds } = inMemory ? mergeStridedAxes(shape, srcStrides, dstStrides) : { dims: [], a: [], b: [] };
    const n = dims.length;
    const e = src.BYTES_PER_ELEMENT;
    const transposed = n >= 2 && e === 4 && ds[n - 1] === 1 && ss[n - 2] === 1 && ss[n - 1] !== 1;
    if (n === 0 || (!transposed && (ss[n - 1] !== 1 || ds[n - 1] !== 1))) return copyStridedJs(src, srcOffset, srcStrides, dst, dstOffset, dstStrides, shape);
    const [rows, srcStep, dstStep] = n >= 2 ? [dims[n - 2], (transposed ? ss[n - 1] : ss[n - 2]) * e, ds[n - 2] * e] : [1, 0, 0];
    const outer = n - 2;
    let blocks = 1;
    for (let k = 0; k < outer; k++) blocks *= dims[k];
    const copyRows = runtime.fn('copy_rows');
    for (let i = 0; i < blocks; i++) {
      // The block's first element: i unravelled over the outer axes.
      let rest = i, s = srcAt + srcOffset * e, d = dstAt + dstOffset * e;
      for (let k = outer - 1; k >= 0; k--) {
        const c = rest % dims[k];
        rest = (rest - c) / dims[k];
        s += c * ss[k] * e;
        d += c * ds[k] * e;
      }
      if (!transposed) copyRows(d, s, dims[n - 1] * e, rows, dstStep, srcStep);
      else runtime.runRange('transpose_rows', [d, s, dims[n - 1], dstStep, srcStep, 0, 0], 5, rows, chunkOf(rows, 4), rows * dims[n - 1] >= splitElements);
    }
  };
}
