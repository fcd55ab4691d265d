import { mergeStridedAxes, rowMajorStrides } from '../shared/strided';
import type { KernelInput, KernelThis } from './kernel-this';

// The shape ops on the gpu: one gather through strides (transpose, slice, stridedSlice, reverse, tile),
// one scatter onto a lattice (pad, the gradient of slices) and one two-input join (concat, folded over its inputs).
// Like binaryKernel, they cover six axes after merging: output axis j has row-major stride o_j (o5 = 1),
// and unused leading axes have o_j = the output size, so their index is 0.

/** Most axes the strided kernels handle after merging. */
export const STRIDED_MAX_AXES = 6;

export interface GatherStridedConstants {
  offset: number;
  o0: number; o1: number; o2: number; o3: number; o4: number;
  s0: number; s1: number; s2: number; s3: number; s4: number; s5: number;
}

/** out[i] = x[offset + Σ c_j·s_j] at the coordinates c of output element i. */
export function gatherStridedKernel(this: KernelThis<GatherStridedConstants>, x: KernelInput): number {
  let rest = this.thread.x;
  const c0 = Math.floor(rest / this.constants.o0);
  rest -= c0 * this.constants.o0;
  const c1 = Math.floor(rest / this.constants.o1);
  rest -= c1 * this.constants.o1;
  const c2 = Math.floor(rest / this.constants.o2);
  rest -= c2 * this.constants.o2;
  const c3 = Math.floor(rest / this.constants.o3);
  rest -= c3 * this.constants.o3;
  const c4 = Math.floor(rest / this.constants.o4);
  const c5 = rest - c4 * this.constants.o4;
  return x[this.constants.offset + c0 * this.constants.s0 + c1 * this.constants.s1 + c2 * this.constants.s2 +
    c3 * this.constants.s3 + c4 * this.constants.s4 + c5 * this.constants.s5];
}

/** Output strides o0..o4 for six dims (padded in front with 1s). */
function outputStrides(dims: readonly number[]): number[] {
  const o = rowMajorStrides(dims);
  const size = dims.reduce((a, b) => a * b, 1);
  return o.map((s, j) => (dims[j] === 1 ? size : s));
}

/** Pads per-axis lists in front to STRIDED_MAX_AXES entries. */
function padFront(values: number[], fill: number): number[] {
  while (values.length < STRIDED_MAX_AXES) values.unshift(fill);
  return values;
}

/** The constants of gatherStridedKernel; null when more than STRIDED_MAX_AXES axes remain after merging. */
export function gatherStridedConstants(shape: readonly number[], offset: number, strides: readonly number[]): GatherStridedConstants | null {
  const { dims, a } = mergeStridedAxes(shape, strides, rowMajorStrides(shape));
  if (dims.length > STRIDED_MAX_AXES) return null;
  const o = outputStrides(padFront(dims, 1));
  const s = padFront(a, 0);
  return { offset, o0: o[0], o1: o[1], o2: o[2], o3: o[3], o4: o[4], s0: s[0], s1: s[1], s2: s[2], s3: s[3], s4: s[4], s5: s[5] };
}

/** Output axis j: x's element c_j sits at b_j + c_j·t_j; x has n_j elements along it, at stride x_j. */
export interface ScatterStridedConstants {
  o0: number; o1: number; o2: number; o3: number; o4: number;
  b0: number; b1: number; b2: number; b3: number; b4: number; b5: number;
  t0: number; t1: number; t2: number; t3: number; t4: number; t5: number;
  n0: number; n1: number; n2: number; n3: number; n4: number; n5: number;
  x0: number; x1: number; x2: number; x3: number; x4: number; x5: number;
}

/** out[i] = x[c] where output element i sits at b + c·t on every axis, else fill. */
export function scatterStridedKernel(this: KernelThis<ScatterStridedConstants>, x: KernelInput, fill: number): number {
  let rest = this.thread.x;
  const p0 = Math.floor(rest / this.constants.o0);
  rest -= p0 * this.constants.o0;
  const p1 = Math.floor(rest / this.constants.o1);
  rest -= p1 * this.constants.o1;
  const p2 = Math.floor(rest / this.constants.o2);
  rest -= p2 * this.constants.o2;
  const p3 = Math.floor(rest / this.constants.o3);
  rest -= p3 * this.constants.o3;
  const p4 = Math.floor(rest / this.constants.o4);
  const p5 = rest - p4 * this.constants.o4;
  // The lattice step each position would be at, rounded: it is on the lattice when the step times t lands on it exactly.
  const q0 = Math.floor((p0 - this.constants.b0) / this.constants.t0 + 0.5);
  const q1 = Math.floor((p1 - this.constants.b1) / this.constants.t1 + 0.5);
  const q2 = Math.floor((p2 - this.constants.b2) / this.constants.t2 + 0.5);
  const q3 = Math.floor((p3 - this.constants.b3) / this.constants.t3 + 0.5);
  const q4 = Math.floor((p4 - this.constants.b4) / this.constants.t4 + 0.5);
  const q5 = Math.floor((p5 - this.constants.b5) / this.constants.t5 + 0.5);
  if (q0 < 0 || q0 >= this.constants.n0 || q0 * this.constants.t0 !== p0 - this.constants.b0) return fill;
  if (q1 < 0 || q1 >= this.constants.n1 || q1 * this.constants.t1 !== p1 - this.constants.b1) return fill;
  if (q2 < 0 || q2 >= this.constants.n2 || q2 * this.constants.t2 !== p2 - this.constants.b2) return fill;
  if (q3 < 0 || q3 >= this.constants.n3 || q3 * this.constants.t3 !== p3 - this.constants.b3) return fill;
  if (q4 < 0 || q4 >= this.constants.n4 || q4 * this.constants.t4 !== p4 - this.constants.b4) return fill;
  if (q5 < 0 || q5 >= this.constants.n5 || q5 * this.constants.t5 !== p5 - this.constants.b5) return fill;
  return x[q0 * this.constants.x0 + q1 * this.constants.x1 + q2 * this.constants.x2 +
    q3 * this.constants.x3 + q4 * this.constants.x4 + q5 * this.constants.x5];
}

/**
 * The constants of scatterStridedKernel for x (of xShape) placed in an output of outShape; null when more than
 * STRIDED_MAX_AXES axes remain once size-1 output axes go and neighbouring axes that x fills whole merge.
 */
export function scatterStridedConstants(xShape: readonly number[], outShape: readonly number[], begin: readonly number[], steps: readonly number[]): ScatterStridedConstants | null {
  const xStrides = rowMajorStrides(xShape);
  const dims: number[] = [], b: number[] = [], t: number[] = [], n: number[] = [], xs: number[] = [];
  const whole = (k: number) => begin[k] === 0 && steps[k] === 1 && xShape[k] === outShape[k];
  for (let k = 0; k < outShape.length; k++) {
    if (outShape[k] === 1) continue;
    const last = dims.length - 1;
    if (last >= 0 && whole(k) && b[last] === 0 && t[last] === 1 && n[last] === dims[last]) {
      dims[last] *= outShape[k];
      n[last] = dims[last];
      xs[last] = xStrides[k];
    } else {
      dims.push(outShape[k]); b.push(begin[k]); t.push(steps[k]); n.push(xShape[k]); xs.push(xStrides[k]);
    }
  }
  if (dims.length > STRIDED_MAX_AXES) return null;
  const o = outputStrides(padFront(dims, 1));
  padFront(b, 0); padFront(t, 1); padFront(n, 1); padFront(xs, 0);
  return {
    o0: o[0], o1: o[1], o2: o[2], o3: o[3], o4: o[4],
    b0: b[0], b1: b[1], b2: b[2], b3: b[3], b4: b[4], b5: b[5],
    t0: t[0], t1: t[1], t2: t[2], t3: t[3], t4: t[4], t5: t[5],
    n0: n[0], n1: n[1], n2: n[2], n3: n[3], n4: n[4], n5: n[5],
    x0: xs[0], x1: xs[1], x2: xs[2], x3: xs[3], x4: xs[4], x5: xs[5],
  };
}

export interface ConcatPairConstants {
  /** Columns of each output row (a's then b's), and a's share of them. */
  cols: number;
  colsA: number;
}

/** Rows of a followed by rows of b: concat along an axis, with everything before it as rows. */
export function concatPairKernel(this: KernelThis<ConcatPairConstants>, a: KernelInput, b: KernelInput): number {
  const cols = this.constants.cols;
  const colsA = this.constants.colsA;
  const row = Math.floor(this.thread.x / cols);
  const col = this.thread.x - row * cols;
  if (col < colsA) return a[row * colsA + col];
  return b[row * (cols - colsA) + col - colsA];
}
