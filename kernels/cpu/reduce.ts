import type { TypedArray } from '../shared/types';
import { mergeReduceRuns } from '../shared/merge-axes';
import type { ReduceOp } from '../shared/op-names';
import { reduceIdentity } from '../shared/reduce-identity';

let accumulator = new Float64Array(0);


/** acc op v; Math.max/min so a NaN anywhere poisons the result, as in TF.js. A ternary chain with sum first: V8 inlines it into the loops (a switch here made sums 3x slower). */
function combine(op: ReduceOp, acc: number, v: number): number {
  return op === 'sum' ? acc + v : op === 'max' ? Math.max(acc, v) : op === 'min' ? Math.min(acc, v) : combineMath(op, acc, v);
}

/** prod, and any / all as 1/0. */
function combineMath(op: ReduceOp, acc: number, v: number): number {
  if (op === 'prod') return acc * v;
  if (op === 'any') return acc !== 0 || v !== 0 ? 1 : 0;
  return acc !== 0 && v !== 0 ? 1 : 0;
}

/**
 * Reduces x (shape) over the given axes (sorted, unique, valid — caller checked); out has shape with those axes removed
 * (size 1 for a full reduction). Neighbouring axes of the same kind (kept / reduced) merge first, so e.g. [rows, cols]
 * over axis 1 is rows contiguous row-reductions and over axis 0 is rows contiguous row-additions into one accumulator row.
 */
export function reduce(op: ReduceOp, x: TypedArray, shape: readonly number[], axes: readonly number[], out: TypedArray): void {
  const { dims, reduced } = mergeReduceRuns(shape, axes);
  if (dims.length === 0) { dims.push(1); reduced.push(false); } // a single element: one trivial run
  let outSize = 1, xSize = 1;
  for (let i = 0; i < dims.length; i++) { xSize *= dims[i]; if (!reduced[i]) outSize *= dims[i]; }
  // Accumulate in float64 scratch whatever out's dtype, so float32 sums do not round at every step.
  if (accumulator.length < outSize) accumulator = new Float64Array(outSize);
  const acc = accumulator;
  acc.fill(reduceIdentity(op), 0, outSize);

  // A middle axis (mean over the steps of [batch, steps, features]): plain loops, each output summed in the same order.
  if (dims.length === 3 && !reduced[0] && reduced[1] && !reduced[2]) {
    const [outer, steps, inner] = dims;
    for (let o = 0; o < outer; o++) {
      const ob = o * inner;
      for (let t = 0, xi = ob * steps; t < steps; t++, xi += inner) {
        for (let j = 0; j < inner; j++) acc[ob + j] = combine(op, acc[ob + j], x[xi + j]);
      }
    }
    for (let o = 0; o < outSize; o++) out[o] = acc[o];
    return;
  }
  // Output strides: 0 along reduced axes, so the odometer below revisits the same outputs.
  const os = new Array<number>(dims.length);
  for (let i = dims.length - 1, step = 1; i >= 0; i--) { os[i] = reduced[i] ? 0 : step; if (!reduced[i]) step *= dims[i]; }
  const r = dims.length - 1, inner = dims[r], innerReduced = reduced[r];
  const index = new Array<number>(r).fill(0);
  let oi = 0;
  for (let xi = 0; xi < xSize; xi += inner) {
    if (innerReduced) {
      let a = acc[oi];
      for (let j = 0; j < inner; j++) a = combine(op, a, x[xi + j]);
      acc[oi] = a;
    } else {
      for (let j = 0; j < inner; j++) acc[oi + j] = combine(op, acc[oi + j], x[xi + j]);
    }
    for (let d = r - 1; d >= 0; d--) {
      oi += os[d];
      if (++index[d] < dims[d]) break;
      oi -= os[d] * dims[d]; index[d] = 0;
    }
  }
  for (let o = 0; o < outSize; o++) out[o] = acc[o];
}

/** The reference: every element of x unravels its index and folds into the output that drops the reduced axes. */
export function reduceNaive(op: ReduceOp, x: TypedArray, shape: readonly number[], axes: readonly number[], out: TypedArray): void {
  const acc: number[] = [];
  let xSize = 1;
  for (const d of shape) xSize *= d;
  let outSize = 1;
  shape.forEach((d, i) => { if (!axes.includes(i)) outSize *= d; });
  for (let o = 0; o < outSize; o++) acc.push(reduceIdentity(op));
  for (let xi = 0; xi < xSize; xi++) {
    let rest = xi, oi = 0, step = 1;
    for (let d = shape.length - 1; d >= 0; d--) {
      const coord = rest % shape[d];
      rest = (rest - coord) / shape[d];
      if (!axes.includes(d)) { oi += coord * step; step *= shape[d]; }
    }
    acc[oi] = combine(op, acc[oi], x[xi]);
  }
  for (let o = 0; o < outSize; o++) out[o] = acc[o];
}

/**
 * The inverse of a broadcast: sums `x` of shape `shape` down to `target` (a shape that broadcasts to `shape`); used
 * for gradients of broadcast ops. `sum` is the reduction kernel to run (a kernel set's, or this file's).
 */
export function sumToShape(x: TypedArray, shape: readonly number[], target: readonly number[], out: TypedArray, sum: typeof reduce = reduce): void {
  const lead = shape.length - target.length;
  const axes: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (i < lead || (target[i - lead] === 1 && shape[i] !== 1)) axes.push(i);
  }
  // Removing leading axes and stretched size-1 axes leaves exactly target's element order.
  sum('sum', x, shape, axes, out);
}
