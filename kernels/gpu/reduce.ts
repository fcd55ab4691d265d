import type { ReduceOp } from '../shared/op-names';
import { mergeReduceRuns } from '../shared/merge-axes';
import type { KernelInput, KernelThis } from './kernel-this';
import { loopParts } from './loop-parts';

export const REDUCE_CODES: Readonly<Record<ReduceOp, number>> = { sum: 0, max: 1, min: 2, prod: 3, any: 4, all: 5 };

/** Larger than any index (a float32 counts integers exactly up to 2^24), so unravelling by it gives 0. */
const NEVER = 16777216;

/** Most merged axes (alternating kept / reduced runs) one reduceKernel pass handles. */
export const REDUCE_MAX_AXES = 4;

/**
 * x viewed as four merged axes j = 0..3, each kept or reduced. An output index unravels by the
 * kept axes' strides p_j and the reduction counter t < count by the reduced axes' strides q_j;
 * the other kind's stride is NEVER, so its index is 0. x_j is x's stride along axis j. Elements at or past
 * size are skipped: only a column partial's short last chunk reaches them.
 */
export interface ReduceConstants {
  op: number;
  count: number;
  size: number;
  /** Threads per kept position, each reducing its own `span` consecutive values of the counter t (see splitReduce). */
  parts: number;
  span: number;
  p0: number; p1: number; p2: number; p3: number;
  q0: number; q1: number; q2: number; q3: number;
  x0: number; x1: number; x2: number; x3: number;
}

/**
 * out[o] = the sum / max / min of x over the reduced axes at the kept position o. `nan` is a NaN passed in as a
 * uniform (GLSL ES 1.0 has no NaN literal): max and min give it when any reduced element is NaN, as on cpu.
 */
export function reduceKernel(this: KernelThis<ReduceConstants>, x: KernelInput, nan: number): number {
  let rest = Math.floor(this.thread.x / this.constants.parts);
  const part = this.thread.x - rest * this.constants.parts;
  const k0 = Math.floor(rest / this.constants.p0);
  rest -= k0 * this.constants.p0;
  const k1 = Math.floor(rest / this.constants.p1);
  rest -= k1 * this.constants.p1;
  const k2 = Math.floor(rest / this.constants.p2);
  rest -= k2 * this.constants.p2;
  const k3 = Math.floor(rest / this.constants.p3);
  const base = k0 * this.constants.x0 + k1 * this.constants.x1 + k2 * this.constants.x2 + k3 * this.constants.x3;
  const op = this.constants.op;
  // max / min / any / all start from the position's first element (counted again, which they ignore, in
  // whichever part meets it): no infinities in GLSL.
  let acc = op === 0 ? 0 : op === 3 ? 1 : x[base];
  // GLSL's max and min drop NaN, so NaN elements are counted (told apart by |v| failing both comparisons with
  // the largest float32) instead.
  let nans = 0;
  for (let s = 0; s < this.constants.span; s++) {
    const t = part * this.constants.span + s;
    let r = t;
    const j0 = Math.floor(r / this.constants.q0);
    r -= j0 * this.constants.q0;
    const j1 = Math.floor(r / this.constants.q1);
    r -= j1 * this.constants.q1;
    const j2 = Math.floor(r / this.constants.q2);
    r -= j2 * this.constants.q2;
    const j3 = Math.floor(r / this.constants.q3);
    const at = base + j0 * this.constants.x0 + j1 * this.constants.x1 + j2 * this.constants.x2 + j3 * this.constants.x3;
    if (at < this.constants.size && t < this.constants.count) {
      const v = x[at];
      if (op === 0) {
        acc += v;
      } else if (op === 1 || op === 2) {
        const m = Math.abs(v);
        nans += (m <= 3.4028234663852886e38 ? 0 : 1) - (m > 3.4028234663852886e38 ? 1 : 0);
        acc = op === 1 ? Math.max(acc, v) : Math.min(acc, v);
      } else if (op === 3) {
        acc *= v;
      } else if (op === 4) {
        acc = acc !== 0 || v !== 0 ? 1 : 0;
      } else {
        acc = acc !== 0 && v !== 0 ? 1 : 0;
      }
    }
  }
  return nans > 0 ? nan : acc;
}

/** One pass's plan: the merged axes it reduces and the shape it leaves (reduced axes removed). */
export interface ReducePass {
  constants: ReduceConstants;
  outShape: number[];
}

/**
 * Plans a reduction of x (shape) over `axes` as passes of at most REDUCE_MAX_AXES merged axes
 * each: while more remain, the innermost reduced run goes first on its own. The last pass's
 * outShape is shape with every reduced axis removed.
 */
export function planReduce(op: ReduceOp, shape: readonly number[], axes: readonly number[]): ReducePass[] {
  const { dims, reduced } = mergeReduceRuns(shape, axes);
  const passes: ReducePass[] = [];
  while (dims.length > REDUCE_MAX_AXES) {
    const inner = reduced.lastIndexOf(true);
    // This pass reduces one run; every dim around it is kept, so those before it and those after it each read as
    // one (the kernel takes at most REDUCE_MAX_AXES dims).
    const [before, after] = [product(dims.slice(0, inner)), product(dims.slice(inner + 1))];
    passes.push({ constants: reduceConstants(op, [before, dims[inner], after], [false, true, false]), outShape: dims.filter((_, j) => j !== inner) });
    dims.splice(inner, 1);
    reduced.splice(inner, 1);
    // The runs either side of the removed one are both kept: they merge.
    if (inner > 0 && inner < dims.length && !reduced[inner - 1] && !reduced[inner]) {
      dims[inner - 1] *= dims[inner];
      dims.splice(inner, 1);
      reduced.splice(inner, 1);
    }
  }
  passes.push({
    constants: reduceConstants(op, dims, reduced),
    outShape: shape.filter((_, i) => !axes.includes(i)),
  });
  return passes;
}

function product(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

function reduceConstants(op: ReduceOp, mergedDims: readonly number[], reducedFlags: readonly boolean[]): ReduceConstants {
  const dims = mergedDims.slice(), flags = reducedFlags.slice();
  while (dims.length < REDUCE_MAX_AXES) { dims.unshift(1); flags.unshift(false); }
  const p = new Array<number>(REDUCE_MAX_AXES), q = new Array<number>(REDUCE_MAX_AXES), x = new Array<number>(REDUCE_MAX_AXES);
  let keptStep = 1, reducedStep = 1, xStep = 1;
  for (let j = REDUCE_MAX_AXES - 1; j >= 0; j--) {
    x[j] = xStep;
    xStep *= dims[j];
    if (flags[j]) { q[j] = reducedStep; reducedStep *= dims[j]; p[j] = NEVER; }
    else { p[j] = keptStep; keptStep *= dims[j]; q[j] = NEVER; }
  }
  return {
    op: REDUCE_CODES[op], count: reducedStep, size: xStep, parts: 1, span: reducedStep,
    p0: p[0], p1: p[1], p2: p[2], p3: p[3],
    q0: q[0], q1: q[1], q2: q[2], q3: q[3],
    x0: x[0], x1: x[1], x2: x[2], x3: x[3],
  };
}

/**
 * A pass whose threads would each loop over more than MAX_LOOP_SPAN values, split: each kept position gets `parts`
 * threads reducing MAX_LOOP_SPAN values each, whose results (an [outSize, parts] view) are reduced again over their
 * last axis. Null when the pass loops little enough as it is.
 */
export function splitReduce(constants: ReduceConstants): ReduceConstants | null {
  const { span, parts } = loopParts(constants.count);
  return parts === 1 ? null : { ...constants, parts, span };
}

/**
 * First stage of reducing a tall [rows, cols] over its rows, as a reduceKernel pass over x viewed as
 * [chunks, chunk, cols]: out[k, c] reduces rows [k*chunk, (k+1)*chunk) of column c, the last chunk stopping
 * at the end of x. Reducing the [chunks, cols] result again over its rows finishes the job, with chunks×cols
 * threads at work instead of cols threads looping over every row.
 */
export function columnPartialConstants(op: ReduceOp, rows: number, cols: number, chunk: number): ReduceConstants {
  const chunks = Math.ceil(rows / chunk);
  return { ...reduceConstants(op, [chunks, chunk, cols], [false, true, false]), size: rows * cols };
}

/** Above this many rows, a reduction over the rows of [rows, cols] goes in two stages. */
export const TWO_STAGE_ROWS = 1024;

/**
 * When reducing `shape` over `axes` is a reduction over the leading rows of a [rows, cols] view
 * (e.g. a bias gradient: every axis but the last), that view; otherwise null.
 */
export function leadingRowsView(shape: readonly number[], axes: readonly number[]): { rows: number; cols: number } | null {
  let rows = 1, cols = 1, inRows = true;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 1) continue;
    const reduced = axes.includes(i);
    if (reduced && !inRows) return null;
    if (!reduced) inRows = false;
    if (reduced) rows *= shape[i];
    else cols *= shape[i];
  }
  return { rows, cols };
}
