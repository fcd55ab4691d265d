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
  /** Outputs of one part, and the inputs along n each part sums (loop-parts.ts). */
  size: number;
  span: number;
}

/**
 * x as [outer, n, inner] summed into [outer, segments, inner] at ids: each output adds the inputs that land on it,
 * a part the inputs of its span of n.
 */
export function segmentSumKernel(this: KernelThis<SegmentSumConstants>, x: KernelInput, ids: KernelInput): number {
  const t0 = this.thread.x;
  const part = Math.floor(t0 / this.constants.size);
  const t = t0 - part * this.constants.size;
  const rest = Math.floor(t / this.constants.inner);
  const i = t - rest * this.constants.inner;
  const o = Math.floor(rest / this.constants.segments);
  const s = rest - o * this.constants.segments;
  const first = part * this.constants.span;
  let acc = 0;
  for (let j = 0; j < this.constants.span; j++) {
    if (first + j < this.constants.n && ids[first + j] === s) acc += x[(o * this.constants.n + first + j) * this.constants.inner + i];
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

export interface ScatterNDConstants extends NDConstants {
  /** Outputs of one part, and the index tuples each part reads (loop-parts.ts). */
  size: number;
  span: number;
}

/**
 * out[row, r] = the sum of updates[m, r] over the tuples m whose row is row (zeros elsewhere), a part the tuples of
 * its span.
 */
export function scatterNDKernel(this: KernelThis<ScatterNDConstants>, indices: KernelInput, updates: KernelInput, strides: KernelInput): number {
  const t0 = this.thread.x;
  const part = Math.floor(t0 / this.constants.size);
  const t = t0 - part * this.constants.size;
  const target = Math.floor(t / this.constants.sliceSize);
  const r = t - target * this.constants.sliceSize;
  const first = part * this.constants.span;
  let acc = 0;
  for (let j = 0; j < this.constants.span; j++) {
    const m = first + j;
    if (m < this.constants.n) {
      let row = 0;
      for (let k = 0; k < this.constants.depth; k++) row += indices[m * this.constants.depth + k] * strides[k];
      if (row === target) acc += updates[m * this.constants.sliceSize + r];
    }
  }
  return acc;
}

export interface ArgReduceConstants {
  len: number;
  inner: number;
  /** 1: argMax, 0: argMin. */
  max: number;
  /** Outputs (outer · inner), the parts each output's axis is split into and the positions of a part (loop-parts.ts). */
  size: number;
  parts: number;
  span: number;
}

/**
 * x as [outer, len, inner]: the first j of the part's span with the largest (or smallest) x[o, j, i], NaN skipped
 * (−1 when the span is all NaN), except that the first part gives 0 when x[o, 0, i] is NaN. With one part that is
 * the whole answer, as the cpu kernel gives it: NaN wins only in first place. With more, argCombineKernel picks.
 */
export function argReducePartKernel(this: KernelThis<ArgReduceConstants>, x: KernelInput): number {
  const t = this.thread.x;
  const part = Math.floor(t / this.constants.size);
  const flat = t - part * this.constants.size;
  const o = Math.floor(flat / this.constants.inner);
  const i = flat - o * this.constants.inner;
  const base = o * this.constants.len * this.constants.inner + i;
  let best = -1;
  let bestV = 0;
  // Set by a NaN in first place: nothing may replace it (comparisons with NaN are not reliably false in GLSL).
  let locked = 0;
  for (let s = 0; s < this.constants.span; s++) {
    const j = part * this.constants.span + s;
    if (j < this.constants.len && locked === 0) {
      const v = x[base + j * this.constants.inner];
      // NaN fails both comparisons with the largest float32 (GLSL has no isnan in WebGL 1).
      const m = Math.abs(v);
      const isNaN = m <= 3.4028234663852886e38 ? 0 : m > 3.4028234663852886e38 ? 0 : 1;
      if (j === 0 && isNaN === 1) {
        best = 0;
        locked = 1;
      } else if (isNaN === 0 && (best < 0 || (this.constants.max === 1 ? v > bestV : v < bestV))) {
        best = j;
        bestV = v;
      }
    }
  }
  return best;
}

/** The first of the parts' picks (argReducePartKernel, [parts, size]) with the largest (or smallest) value. */
export function argCombineKernel(this: KernelThis<ArgReduceConstants>, x: KernelInput, picks: KernelInput): number {
  const t = this.thread.x;
  const o = Math.floor(t / this.constants.inner);
  const i = t - o * this.constants.inner;
  const base = o * this.constants.len * this.constants.inner + i;
  let best = picks[t];
  let bestV = x[base + best * this.constants.inner];
  // The first part's pick is NaN only when it won by coming first, and then it stands.
  const m = Math.abs(bestV);
  const locked = m <= 3.4028234663852886e38 ? 0 : m > 3.4028234663852886e38 ? 0 : 1;
  for (let p = 1; p < this.constants.parts; p++) {
    const j = picks[p * this.constants.size + t];
    if (j >= 0 && locked === 0) {
      const v = x[base + j * this.constants.inner];
      if (this.constants.max === 1 ? v > bestV : v < bestV) {
        best = j;
        bestV = v;
      }
    }
  }
  return best;
}

export interface TopkConstants {
  n: number;
  k: number;
  /** Outputs of one part, and the positions of a row each part looks at (loop-parts.ts). */
  size: number;
  span: number;
}

/**
 * Rank of each value in its row of n: how many are larger, or equal at a lower index (so ranks are distinct), NaN
 * below every number (as cpu); a part counts those of its span of the row, and the parts' counts are summed.
 */
export function topkRankKernel(this: KernelThis<TopkConstants>, x: KernelInput): number {
  const t0 = this.thread.x;
  const part = Math.floor(t0 / this.constants.size);
  const t = t0 - part * this.constants.size;
  const row = Math.floor(t / this.constants.n);
  const i = t - row * this.constants.n;
  const v = x[t];
  // Every comparison with NaN is false, so NaN is told apart first: it fails both tests of |v| against the largest
  // float32 (GLSL has no isnan in WebGL 1).
  const av = Math.abs(v);
  const vNaN = av <= 3.4028234663852886e38 ? 0 : av > 3.4028234663852886e38 ? 0 : 1;
  let rank = 0;
  for (let s = 0; s < this.constants.span; s++) {
    const l = part * this.constants.span + s;
    if (l < this.constants.n) {
      const w = x[row * this.constants.n + l];
      const aw = Math.abs(w);
      const wNaN = aw <= 3.4028234663852886e38 ? 0 : aw > 3.4028234663852886e38 ? 0 : 1;
      if (vNaN === 1) {
        if (wNaN === 0 || l < i) rank += 1;
      } else if (wNaN === 0 && (w > v || (w === v && l < i))) {
        rank += 1;
      }
    }
  }
  return rank;
}

/**
 * out[row, j] = the index whose rank is j, as the sum of the parts' results: the part whose span of the row holds
 * it gives the index plus one, the first part gives −1 more, the rest 0.
 */
export function topkSelectKernel(this: KernelThis<TopkConstants>, ranks: KernelInput): number {
  const t0 = this.thread.x;
  const part = Math.floor(t0 / this.constants.size);
  const t = t0 - part * this.constants.size;
  const row = Math.floor(t / this.constants.k);
  const j = t - row * this.constants.k;
  let found = part === 0 ? -1 : 0;
  for (let s = 0; s < this.constants.span; s++) {
    const l = part * this.constants.span + s;
    if (l < this.constants.n && ranks[row * this.constants.n + l] === j) found += l + 1;
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
