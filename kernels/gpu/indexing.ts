import { broadcastStrides } from '../shared/broadcast';
import type { KernelInput, KernelThis } from './kernel-this';

// Index-driven kernels; every dtype travels as whole floats, so indices read exactly (below 2^24).

export interface GatherConstants {
  len: number;
  inner: number;
  /** How many indices. */
  n: number;
}

/** x as [outer, len, inner]: out[o, j, i] = x[o, idx[j], i]. */
export function gatherKernel(this: KernelThis<GatherConstants>, x: KernelInput, idx: KernelInput): number {
  const t = this.thread.x;
  const rest = Math.floor(t / this.constants.inner);
  const i = t - rest * this.constants.inner;
  const o = Math.floor(rest / this.constants.n);
  const j = rest - o * this.constants.n;
  return x[(o * this.constants.len + idx[j]) * this.constants.inner + i];
}

export interface SegmentSumConstants {
  segments: number;
  inner: number;
  n: number;
}

/** x as [outer, n, inner] summed into [outer, segments, inner] at ids: each output adds the inputs that land on it. */
export function segmentSumKernel(this: KernelThis<SegmentSumConstants>, x: KernelInput, ids: KernelInput): number {
  const t = this.thread.x;
  const rest = Math.floor(t / this.constants.inner);
  const i = t - rest * this.constants.inner;
  const o = Math.floor(rest / this.constants.segments);
  const s = rest - o * this.constants.segments;
  let acc = 0;
  for (let j = 0; j < this.constants.n; j++) {
    if (ids[j] === s) acc += x[(o * this.constants.n + j) * this.constants.inner + i];
  }
  return acc;
}

export interface NDConstants {
  depth: number;
  sliceSize: number;
  /** scatterND: how many index tuples. */
  n: number;
}

/** out[m, r] = x[row(indices[m]), r]; strides turn an index tuple into a row. */
export function gatherNDKernel(this: KernelThis<NDConstants>, x: KernelInput, indices: KernelInput, strides: KernelInput): number {
  const t = this.thread.x;
  const m = Math.floor(t / this.constants.sliceSize);
  const r = t - m * this.constants.sliceSize;
  let row = 0;
  for (let k = 0; k < this.constants.depth; k++) row += indices[m * this.constants.depth + k] * strides[k];
  return x[row * this.constants.sliceSize + r];
}

/** out[row, r] = the sum of updates[m, r] over the tuples m whose row is row (zeros elsewhere). */
export function scatterNDKernel(this: KernelThis<NDConstants>, indices: KernelInput, updates: KernelInput, strides: KernelInput): number {
  const t = this.thread.x;
  const target = Math.floor(t / this.constants.sliceSize);
  const r = t - target * this.constants.sliceSize;
  let acc = 0;
  for (let m = 0; m < this.constants.n; m++) {
    let row = 0;
    for (let k = 0; k < this.constants.depth; k++) row += indices[m * this.constants.depth + k] * strides[k];
    if (row === target) acc += updates[m * this.constants.sliceSize + r];
  }
  return acc;
}

export interface ArgReduceConstants {
  len: number;
  inner: number;
  /** 1: argMax, 0: argMin. */
  max: number;
}

/** x as [outer, len, inner]: the first j with the largest (or smallest) x[o, j, i]. */
export function argReduceKernel(this: KernelThis<ArgReduceConstants>, x: KernelInput): number {
  const t = this.thread.x;
  const o = Math.floor(t / this.constants.inner);
  const i = t - o * this.constants.inner;
  const base = o * this.constants.len * this.constants.inner + i;
  let best = 0;
  let bestV = x[base];
  for (let j = 1; j < this.constants.len; j++) {
    const v = x[base + j * this.constants.inner];
    if (this.constants.max === 1 ? v > bestV : v < bestV) {
      best = j;
      bestV = v;
    }
  }
  return best;
}

export interface TopkConstants {
  n: number;
  k: number;
}

/** Rank of each value in its row of n: how many are larger, or equal at a lower index (so ranks are distinct). */
export function topkRankKernel(this: KernelThis<TopkConstants>, x: KernelInput): number {
  const t = this.thread.x;
  const row = Math.floor(t / this.constants.n);
  const i = t - row * this.constants.n;
  const v = x[t];
  let rank = 0;
  for (let l = 0; l < this.constants.n; l++) {
    const w = x[row * this.constants.n + l];
    if (w > v || (w === v && l < i)) rank += 1;
  }
  return rank;
}

/** out[row, j] = the index whose rank is j. */
export function topkSelectKernel(this: KernelThis<TopkConstants>, ranks: KernelInput): number {
  const t = this.thread.x;
  const row = Math.floor(t / this.constants.k);
  const j = t - row * this.constants.k;
  let found = 0;
  for (let l = 0; l < this.constants.n; l++) {
    if (ranks[row * this.constants.n + l] === j) found = l;
  }
  return found;
}

/** Output axes and each operand's strides along them for select, padded to six axes: o_j row-major output strides. */
export interface SelectConstants {
  o0: number; o1: number; o2: number; o3: number; o4: number;
  c0: number; c1: number; c2: number; c3: number; c4: number; c5: number;
  a0: number; a1: number; a2: number; a3: number; a4: number; a5: number;
  b0: number; b1: number; b2: number; b3: number; b4: number; b5: number;
}

export const SELECT_MAX_AXES = 6;

/** cond ? a : b at the broadcast positions of output element i. */
export function selectKernel(this: KernelThis<SelectConstants>, cond: KernelInput, a: KernelInput, b: KernelInput): number {
  let rest = this.thread.x;
  const k0 = Math.floor(rest / this.constants.o0);
  rest -= k0 * this.constants.o0;
  const k1 = Math.floor(rest / this.constants.o1);
  rest -= k1 * this.constants.o1;
  const k2 = Math.floor(rest / this.constants.o2);
  rest -= k2 * this.constants.o2;
  const k3 = Math.floor(rest / this.constants.o3);
  rest -= k3 * this.constants.o3;
  const k4 = Math.floor(rest / this.constants.o4);
  const k5 = rest - k4 * this.constants.o4;
  const c = cond[k0 * this.constants.c0 + k1 * this.constants.c1 + k2 * this.constants.c2 + k3 * this.constants.c3 + k4 * this.constants.c4 + k5 * this.constants.c5];
  if (c === 0) {
    return b[k0 * this.constants.b0 + k1 * this.constants.b1 + k2 * this.constants.b2 + k3 * this.constants.b3 + k4 * this.constants.b4 + k5 * this.constants.b5];
  }
  return a[k0 * this.constants.a0 + k1 * this.constants.a1 + k2 * this.constants.a2 + k3 * this.constants.a3 + k4 * this.constants.a4 + k5 * this.constants.a5];
}

/** The constants for select over outShape; null beyond SELECT_MAX_AXES axes. */
export function selectConstants(outShape: readonly number[], cShape: readonly number[], aShape: readonly number[], bShape: readonly number[]): SelectConstants | null {
  const rank = outShape.length;
  if (rank > SELECT_MAX_AXES) return null;
  const pad = (v: number[], fill: number) => [...new Array<number>(SELECT_MAX_AXES - rank).fill(fill), ...v];
  const dims = pad(outShape.slice(), 1);
  const c = pad(broadcastStrides(cShape, rank), 0), a = pad(broadcastStrides(aShape, rank), 0), b = pad(broadcastStrides(bShape, rank), 0);
  const o = new Array<number>(SELECT_MAX_AXES);
  for (let j = SELECT_MAX_AXES - 1, step = 1; j >= 0; j--) { o[j] = step; step *= dims[j]; }
  return {
    o0: o[0], o1: o[1], o2: o[2], o3: o[3], o4: o[4],
    c0: c[0], c1: c[1], c2: c[2], c3: c[3], c4: c[4], c5: c[5],
    a0: a[0], a1: a[1], a2: a[2], a3: a[3], a4: a[4], a5: a[5],
    b0: b[0], b1: b[1], b2: b[2], b3: b[3], b4: b[4], b5: b[5],
  };
}
