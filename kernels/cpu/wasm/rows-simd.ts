import { gather as gatherJs, nextKept, segmentSum as segmentSumJs, topkIndices as topkIndicesJs, type TopkScan } from '../indexing';
import type { CpuKernels } from '../kernel-set';
import { MIN_ELEMENTS, type CallHelpers } from './elementwise-simd';
import type { WasmRuntime } from './runtime';

// Shorter rows take the twin: a call per value taken costs more than their scan (~1 ns a value).
const TOPK_MIN_ROW = 64;

/** Whether every index is a whole number in [0, limit): the kernels then never reach outside their rows. */
function inRange(idx: Int32Array, limit: number): boolean {
  for (let j = 0; j < idx.length; j++) if (!(idx[j] >= 0 && idx[j] < limit)) return false;
  return true;
}

/**
 * gather and segmentSum over rows of at least 16 bytes, their int32 indices in range: gather between two arrays of
 * one type with x in the memory (a resident table; any other x, copied in whole, would cost more than the rows it
 * gives), segmentSum between float32 arrays. Each moves or adds the same values in the same order as its JS twin:
 * the same bits. Every other call takes the twin.
 */
export function simdRowsOn(runtime: WasmRuntime, h: CallHelpers): Pick<CpuKernels, 'gather' | 'segmentSum' | 'topkIndices'> {
  const gather: CpuKernels['gather'] = (x, idx, outer, len, inner, out) => {
    const e = x.BYTES_PER_ELEMENT;
    const fits = out.length >= MIN_ELEMENTS && inner * e >= 16 && x.constructor === out.constructor && idx instanceof Int32Array
      && (x instanceof Float32Array || x instanceof Int32Array || x instanceof Uint8Array) && runtime.heap.offsetOf(x) >= 0 && inRange(idx, len);
    const r = fits ? h.operands((o) => [o.input(x, x.length), o.input(idx as Int32Array, idx.length), o.output(out, out.length)]) : null;
    if (!r) return gatherJs(x, idx, outer, len, inner, out);
    const [o, [xAt, idxAt, outAt]] = r;
    const rowBytes = inner * e;
    const rows = runtime.fn('gather_rows');
    for (let b = 0; b < outer; b++) rows(outAt + b * idx.length * rowBytes, xAt + b * len * rowBytes, idxAt, rowBytes, idx.length);
    o.finish();
  };

  const segmentSum: CpuKernels['segmentSum'] = (x, ids, outer, segments, inner, out) => {
    const fits = x.length >= MIN_ELEMENTS && inner >= 4 && x instanceof Float32Array && out instanceof Float32Array && ids instanceof Int32Array && inRange(ids, segments);
    const r = fits ? h.operands((o) => [o.input(x, x.length), o.input(ids as Int32Array, ids.length), o.output(out, out.length)]) : null;
    if (!r) return segmentSumJs(x, ids, outer, segments, inner, out);
    const [o, [xAt, idsAt, outAt]] = r;
    const rowBytes = inner * 4;
    runtime.fn('fill_zero')(outAt, out.length * 4);
    const rows = runtime.fn('segment_sum_rows');
    for (let b = 0; b < outer; b++) rows(outAt + b * segments * rowBytes, xAt + b * ids.length * rowBytes, idsAt, rowBytes, ids.length);
    o.finish();
  };

  // Rows of float32 long enough to pay for a call per value taken: the twin's heap, its scan run here (first_above)
  // while the last kept value is a number; past a NaN, every number comes before it, which the twin's scan handles.
  const topkIndices: CpuKernels['topkIndices'] = (x, rows, n, k, out) => {
    const r = x instanceof Float32Array && n >= TOPK_MIN_ROW && x.length >= MIN_ELEMENTS && 4 * k <= n
      ? h.operands((o) => [o.input(x, x.length), o.temp(4)]) : null;
    if (!r) return topkIndicesJs(x, rows, n, k, out);
    const [o, [xAt, foundAt]] = r;
    const firstAbove = runtime.fn('first_above');
    const found = new Int32Array(runtime.heap.memory.buffer, foundAt, 1);
    const next: TopkScan = (values, from, to, last) => {
      if (last !== last) return nextKept(values, from, to, last);
      firstAbove(xAt, from, to, last, foundAt);
      return found[0];
    };
    topkIndicesJs(x, rows, n, k, out, next);
    o.finish();
  };

  return { gather, segmentSum, topkIndices };
}
