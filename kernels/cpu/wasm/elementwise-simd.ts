import { broadcastShapes } from '../../shared/broadcast';
import { collapseBroadcast, mergeReduceRuns } from '../../shared/merge-axes';
import { cast as castJs } from '../cast';
import { binary as binaryJs, clip as clipJs, unary as unaryJs } from '../elementwise';
import type { CpuKernels } from '../kernel-set';
import type { FloatArray } from '../../shared/types';
import { reduce as reduceJs } from '../reduce';
import { logSoftmax as logSoftmaxJs, softmax as softmaxJs } from '../softmax';
import { argReduce as argReduceJs, select as selectJs } from '../indexing';
import type { CallOperands } from './operands';
import { SIMD_COMPARE_OPS } from './compare-module';
import { BINARY_COLUMNS, binaryExport, SIMD_BINARY_OPS, SIMD_UNARY_OPS } from './elementwise-module';
import { SIGMOID_TANH_OPS } from './sigmoid-tanh-module';
import { ROW_REDUCE_OPS, type RowReduceOp } from './row-reduce-module';
import type { WasmRuntime } from './runtime';

/** What simdKernelsOn lends these kernels: its operand resolution and chunk sizing. */
export interface CallHelpers {
  /** Resolves a call's operands (in the order given); null when the memory is full (nothing is left allocated). */
  operands(take: (o: CallOperands) => number[]): [CallOperands, number[]] | null;
  /** A chunk of `total` for splitting across the threads, a multiple of `quantum`. */
  chunkOf(total: number, quantum?: number): number;
  /** Calls of at least this many elements are split across the threads. */
  splitElements: number;
}

// Below this many elements a call costs more than the JS loop it replaces (measured: about 1 µs a call).
export const MIN_ELEMENTS = 256;
// A middle-axis reduction calls the kernel once per block of rows × cols; smaller blocks take the JS loop (~1 ns an element).
const MIN_BLOCK = 1024;
// A same-shape binary call is cut into rows of this many floats (and a shorter last row) so that it can be split.
const ROW = 4096;

const sizeOf = (shape: readonly number[]): number => shape.reduce((n, d) => n * d, 1);
const binaryOps: ReadonlySet<string> = new Set(SIMD_BINARY_OPS);
const compareOps: ReadonlySet<string> = new Set(SIMD_COMPARE_OPS);
const sigmoidTanh: ReadonlySet<string> = new Set(SIGMOID_TANH_OPS);
const rowReduceOps: ReadonlySet<string> = new Set(ROW_REDUCE_OPS);
/**
 * How many times a memory-bound pass's time sigmoid and tanh take per element (an f64 exp and a division: 5 ns
 * against ~0.5), so that they split at that many times fewer elements: an LSTM's gates ([256, 128] in the
 * addition example) ran on one thread.
 */
const SIGMOID_TANH_COST = 8;
const unaryOps: ReadonlySet<string> = new Set([...SIMD_UNARY_OPS, ...SIGMOID_TANH_OPS]);
type SimdUnaryOp = (typeof SIMD_UNARY_OPS)[number] | (typeof SIGMOID_TANH_OPS)[number];

/**
 * Where a binary kernel reads one side of n elements: in place (or copied in), or, for a scalar, a temporary row of
 * `cols` copies of it (filled by the caller once the memory stops growing). Not a closure in the kernel: under
 * esbuild's keepNames (tsx) every call would name a new one.
 */
function sideOperand(o: CallOperands, x: Float32Array, n: number, cols: number): number {
  return n === 1 ? o.temp(cols * 4) : o.input(x, n);
}

/**
 * The SIMD twins of the elementwise kernels for float32 in the shapes batch normalization, relu, residual additions,
 * recurrent cells and losses make: same-shape, scalar (the gradients' 1 − s), per-channel (last axis) and per-row
 * broadcasting of + − × ÷, maximum, minimum, prelu and the comparisons (into bool bytes: the gradient masks of
 * maximum and minimum); the unary ops of SIMD_UNARY_OPS and SIGMOID_TANH_OPS; clip; sums and maxima over the axes
 * before the last (for each index of kept leading axes), and sums, extrema and argMax / argMin along the last;
 * softmax and logSoftmax over rows; casts between bool and float32; where (select) between float32 operands by
 * bool bytes. Every other op, shape or dtype, and small calls, run the JS kernel. Same bits as the JS kernels.
 */
export function simdElementwiseOn(runtime: WasmRuntime, h: CallHelpers): Pick<CpuKernels, 'unary' | 'binary' | 'clip' | 'reduce' | 'argReduce' | 'softmax' | 'logSoftmax' | 'cast' | 'select'> {
  const unary: CpuKernels['unary'] = (op, x, out) => {
    const n = x.length;
    const r = n >= MIN_ELEMENTS && unaryOps.has(op) && x instanceof Float32Array && out instanceof Float32Array ? h.operands((o) => [o.input(x, n), o.output(out, n)]) : null;
    if (!r) return unaryJs(op, x, out);
    const [o, [xAt, outAt]] = r;
    // sigmoid and tanh take whole vectors only: their last few elements go to the twin below.
    const heavy = sigmoidTanh.has(op);
    const vectors = heavy ? n - (n % 4) : n;
    runtime.runRange(`un_${op as SimdUnaryOp}`, [xAt, outAt, 0, 0], 2, vectors, h.chunkOf(vectors, 4), n * (heavy ? SIGMOID_TANH_COST : 1) >= h.splitElements);
    o.finish();
    if (vectors < n) unaryJs(op, x.subarray(vectors), out.subarray(vectors));
  };

  // The bounds as float32s in a temporary the kernel reads (the pool passes integer arguments only).
  const clip: CpuKernels['clip'] = (x, lo, hi, out) => {
    const n = x.length;
    const r = n >= MIN_ELEMENTS && x instanceof Float32Array && out instanceof Float32Array ? h.operands((o) => [o.input(x, n), o.output(out, n), o.temp(8)]) : null;
    if (!r) return clipJs(x, lo, hi, out);
    const [o, [xAt, outAt, boundsAt]] = r;
    runtime.heap.f32.set([lo, hi], boundsAt / 4);
    runtime.runRange('clip_f32', [xAt, outAt, boundsAt, 0, 0], 3, n, h.chunkOf(n, 4), n >= h.splitElements);
    o.finish();
  };

  /**
   * [blocks, rows, cols, aRowStep, bRowStep, aBlockStep, bBlockStep] in elements when out is `blocks` blocks of rows
   * of a op b, each side in each block full, one broadcast row or one element (a scalar, which the kernel reads as a
   * row of copies of it with step 0), then which side is one float per row instead (arithmetic only: 1 a, 2 b, else
   * 0, an index of BINARY_COLUMNS); else null. More than one block where a side is broadcast along a middle axis ([batch, steps, channels]
   * against [batch, 1, channels]: a global max-pool's gradient).
   */
  const rowsOf = (aSize: number, bSize: number, aShape: readonly number[], bShape: readonly number[], outShape: readonly number[], size: number, columns: boolean): number[] | null => {
    if ((aSize === size || aSize === 1) && (bSize === size || bSize === 1)) {
      // Rows of ROW floats (and a shorter last row), so that a call can be split.
      const cols = Math.min(size, ROW);
      return [1, Math.floor(size / cols), cols, aSize === size ? cols : 0, bSize === size ? cols : 0, 0, 0, 0];
    }
    const { dims, sa, sb } = collapseBroadcast(outShape, aShape, bShape);
    const [blocks, rows, cols] = dims.length === 2 ? [1, dims[0], dims[1]] : dims.length === 3 ? dims : [0, 0, 0];
    const [aBlock, aRow, aCol] = dims.length === 2 ? [0, sa[0], sa[1]] : sa;
    const [bBlock, bRow, bCol] = dims.length === 2 ? [0, sb[0], sb[1]] : sb;
    if (blocks === 0) return null;
    // One side one float per row ([rows, cols] op [rows, 1]), which bin_<op>_acol / _bcol read once a row.
    if (columns && blocks === 1 && aCol === 1 && aRow === cols && bCol === 0 && bRow === 1) return [1, rows, cols, cols, 1, 0, 0, 2];
    if (columns && blocks === 1 && bCol === 1 && bRow === cols && aCol === 0 && aRow === 1) return [1, rows, cols, 1, cols, 0, 0, 1];
    if (aCol !== 1 || bCol !== 1) return null;
    // Each side a full row per row, or one row for every row of its block.
    const rowsFit = (aRow === 0 && bRow === cols) || (bRow === 0 && aRow === cols);
    const blocksFit = blocks === 1 || ((aBlock === (aRow === 0 ? cols : rows * cols)) && (bBlock === (bRow === 0 ? cols : rows * cols)));
    return rowsFit && blocksFit ? [blocks, rows, cols, aRow, bRow, aBlock, bBlock, 0] : null;
  };

  const binary: CpuKernels['binary'] = (op, a, aShape, b, bShape, out) => {
    const outShape = broadcastShapes(aShape, bShape) ?? [];
    const size = sizeOf(outShape), aSize = sizeOf(aShape), bSize = sizeOf(bShape);
    const f32 = a instanceof Float32Array && b instanceof Float32Array ? [a, b] : null;
    // Arithmetic writes float32, comparisons bool bytes: outBytes is the size of an output element.
    const outBytes = binaryOps.has(op) && out instanceof Float32Array ? 4 : compareOps.has(op) && out instanceof Uint8Array ? 1 : 0;
    const plan = f32 && outBytes && size >= MIN_ELEMENTS ? rowsOf(aSize, bSize, aShape, bShape, outShape, size, outBytes === 4) : null;
    if (!f32 || !plan) return binaryJs(op, a, aShape, b, bShape, out);
    const [blocks, rows, cols, aStep, bStep, aBlock, bBlock, column] = plan;
    const r = h.operands((o) => [sideOperand(o, f32[0], aSize, cols), sideOperand(o, f32[1], bSize, cols), o.output(out as Float32Array | Uint8Array, size)]);
    if (!r) return binaryJs(op, a, aShape, b, bShape, out);
    const [o, [aAt, bAt, outAt]] = r;
    if (aSize === 1) runtime.heap.f32.fill(f32[0][0], aAt / 4, aAt / 4 + cols);
    if (bSize === 1) runtime.heap.f32.fill(f32[1][0], bAt / 4, bAt / 4 + cols);
    const name = outBytes === 4 ? binaryExport(op as (typeof SIMD_BINARY_OPS)[number], BINARY_COLUMNS[column]) : `cmp_${op as (typeof SIMD_COMPARE_OPS)[number]}` as const;
    for (let k = 0; k < blocks; k++) {
      const args = [aAt + k * aBlock * 4, bAt + k * bBlock * 4, outAt + k * rows * cols * outBytes, cols, aStep * 4, bStep * 4, 0, 0];
      runtime.runRange(name, args, 6, rows, h.chunkOf(rows), rows * cols >= h.splitElements);
    }
    // The last, shorter row of a call cut into rows of ROW; each side's next row starts `rows` row steps on.
    const done = blocks * rows * cols;
    if (done < size) runtime.fn(name)(aAt + rows * aStep * 4, bAt + rows * bStep * 4, outAt + done * outBytes, size - done, 0, 0, 0, 1);
    o.finish();
  };

  // Sums, maxima and minima along the last axis, one per row of the axes before it (kept) or of the whole tensor.
  const reduceEachRow = (op: RowReduceOp, x: Float32Array, rows: number, cols: number, out: Float32Array): void => {
    const r = h.operands((o) => [o.input(x, rows * cols), o.output(out, rows)]);
    if (!r) return reduceJs(op, x, [rows, cols], [1], out);
    const [o, [xAt, outAt]] = r;
    // Four rows at a time in the sum: chunks of whole fours.
    runtime.runRange(`${op}_each_row`, [xAt, outAt, cols, 0, 0], 3, rows, h.chunkOf(rows, 4), rows * cols >= h.splitElements);
    o.finish();
  };

  // Sums and maxima over the axes before the last, for each index of any kept leading axes (global average and max
  // pooling's [batch, pixels, channels]); and reductions along the last axis.
  const reduce: CpuKernels['reduce'] = (op, x, shape, axes, out) => {
    const { dims, reduced } = mergeReduceRuns(shape, axes);
    const last = dims.length - 1;
    if (rowReduceOps.has(op) && x instanceof Float32Array && out instanceof Float32Array && sizeOf(shape) >= MIN_ELEMENTS && reduced[last] && (last === 0 || (last === 1 && !reduced[0]))) {
      return reduceEachRow(op as RowReduceOp, x, last ? dims[0] : 1, dims[last], out);
    }
    if (dims.length === 2) {
      dims.unshift(1);
      reduced.unshift(false);
    }
    const [outer, rows, cols] = dims;
    // One call a block of rows × cols: small blocks (a crop's four taps) go to the JS loop, which takes them all at once.
    const fits = (op === 'sum' || op === 'max') && sizeOf(shape) >= MIN_ELEMENTS && dims.length === 3 && !reduced[0] && reduced[1] && !reduced[2] && rows * cols >= MIN_BLOCK;
    // Sums take a float64 scratch row; maxima need none.
    const r = fits && x instanceof Float32Array && out instanceof Float32Array
      ? h.operands((o) => [o.input(x, outer * rows * cols), o.output(out, outer * cols), ...(op === 'sum' ? [o.temp(cols * 8)] : [])]) : null;
    if (!r) return reduceJs(op, x, shape, axes, out);
    const [o, [xAt, outAt, accAt]] = r;
    for (let i = 0; i < outer; i++) {
      // Column chunks of 16: each thread's float64 sums fill whole 64-byte cache lines of its own.
      const [xi, oi] = [xAt + i * rows * cols * 4, outAt + i * cols * 4];
      if (op === 'sum') runtime.runRange('sum_rows', [xi, accAt, oi, cols, rows, 0, 0], 5, cols, h.chunkOf(cols, 16), rows * cols >= h.splitElements);
      else runtime.runRange('max_rows', [xi, oi, cols, rows, 0, 0], 4, cols, h.chunkOf(cols, 16), rows * cols >= h.splitElements);
    }
    o.finish();
  };

  // The first index of each row's largest or smallest float32 (rows of a vector or more; shorter ones the twin).
  const argReduce: CpuKernels['argReduce'] = (max, x, outer, len, inner, out) => {
    const n = outer * len;
    const r = inner === 1 && len >= 4 && n >= MIN_ELEMENTS && x instanceof Float32Array && out instanceof Int32Array
      ? h.operands((o) => [o.input(x, n), o.output(out, outer)]) : null;
    if (!r) return argReduceJs(max, x, outer, len, inner, out);
    const [o, [xAt, outAt]] = r;
    runtime.runRange(max ? 'argmax_each_row' : 'argmin_each_row', [xAt, outAt, len, 0, 0], 3, outer, h.chunkOf(outer), n >= h.splitElements);
    o.finish();
  };

  const zero = new Float32Array(1);
  // bool → float32 between arrays both in the memory: copying either in or out would cost what the JS loop does.
  // float32 → bool is x ≠ 0 exactly (NaN true, −0 false): the comparison kernel against a scalar 0.
  const cast: CpuKernels['cast'] = (x, out) => {
    const n = x.length;
    if (x instanceof Float32Array && out instanceof Uint8Array) return binary('notEqual', x, [n], zero, [], out);
    const [xAt, outAt] = [runtime.heap.offsetOf(x), runtime.heap.offsetOf(out)];
    if (n < MIN_ELEMENTS || !(x instanceof Uint8Array && out instanceof Float32Array) || xAt < 0 || outAt < 0) return castJs(x, out);
    runtime.runRange('bool_to_f32', [xAt, outAt, 0, 0], 2, n, h.chunkOf(n, 16), n >= h.splitElements);
  };

  // bool bytes choosing between float32 arrays of the output's size or single values (a gradient's where(mask, dy, 0)).
  const select: CpuKernels['select'] = (cond, cShape, a, aShape, b, bShape, outShape, out) => {
    const n = out.length;
    const r = n >= MIN_ELEMENTS && cond instanceof Uint8Array && cond.length === n && a instanceof Float32Array && b instanceof Float32Array && out instanceof Float32Array
      && (a.length === n || a.length === 1) && (b.length === n || b.length === 1)
      ? h.operands((o) => [o.input(cond, n), o.input(a, a.length), o.input(b, b.length), o.output(out, n)])
      : null;
    if (!r) return selectJs(cond, cShape, a, aShape, b, bShape, outShape, out);
    const [o, [cAt, aAt, bAt, outAt]] = r;
    runtime.runRange('select_f32', [cAt, aAt, bAt, outAt, a.length === n ? 1 : 0, b.length === n ? 1 : 0, 0, 0], 6, n, h.chunkOf(n, 16), n >= h.splitElements);
    o.finish();
  };

  // Float32 rows of at least a vector: each row by one call, its exp four lanes at a time (costed as sigmoid's).
  const softmaxFits = (x: FloatArray, rows: number, cols: number, out: FloatArray): x is Float32Array =>
    rows * cols >= MIN_ELEMENTS && cols >= 4 && x instanceof Float32Array && out instanceof Float32Array;
  const softmax: CpuKernels['softmax'] = (x, rows, cols, out) => {
    const n = rows * cols;
    const r = softmaxFits(x, rows, cols, out) ? h.operands((o) => [o.input(x, n), o.output(out, n)]) : null;
    if (!r) return softmaxJs(x, rows, cols, out);
    const [o, [xAt, outAt]] = r;
    runtime.runRange('softmax_rows', [xAt, outAt, cols, 0, 0], 3, rows, h.chunkOf(rows), n * SIGMOID_TANH_COST >= h.splitElements);
    o.finish();
  };

  // Each row's max and sum of exps, then its log here (the twin's Math.log), then x − max − log in SIMD.
  const logSoftmax: CpuKernels['logSoftmax'] = (x, rows, cols, out) => {
    const n = rows * cols;
    const r = softmaxFits(x, rows, cols, out) ? h.operands((o) => [o.input(x, n), o.output(out, n), o.temp(rows * 16)]) : null;
    if (!r) return logSoftmaxJs(x, rows, cols, out);
    const [o, [xAt, outAt, statsAt]] = r;
    const split = n * SIGMOID_TANH_COST >= h.splitElements;
    runtime.runRange('exp_sums', [xAt, statsAt, cols, 0, 0], 3, rows, h.chunkOf(rows), split);
    const stats = new Float64Array(runtime.heap.memory.buffer, statsAt, rows * 2);
    for (let i = 1; i < 2 * rows; i += 2) stats[i] = Math.fround(Math.log(Math.fround(stats[i])));
    runtime.runRange('log_softmax_out', [xAt, statsAt, outAt, cols, 0, 0], 4, rows, h.chunkOf(rows), n >= h.splitElements);
    o.finish();
  };

  return { unary, binary, clip, reduce, argReduce, softmax, logSoftmax, cast, select };
}
