import type { MathUnaryOp } from '../shared/math-op-names';
import type { KernelInput, KernelThis } from './kernel-this';

// The math family's unary ops on the gpu, one program per op (the op is a compile-time constant). GLSL has no
// sinh, cosh, expm1, log1p or erf in every version gpu.js targets, so these are written from exp and log;
// float32 gives them the accuracy the parity tests ask (1e-4). Constants are literals: gpu.js compiles the
// function's source text, which cannot see imported names.

export const MATH_UNARY_CODES: Readonly<Record<MathUnaryOp, number>> = {
  sin: 0, cos: 1, tan: 2, asin: 3, acos: 4, atan: 5, sinh: 6, cosh: 7, rsqrt: 8, log1p: 9, expm1: 10, erf: 11,
  elu: 12, selu: 13, relu6: 14, softplus: 15, logSigmoid: 16, asinh: 17, acosh: 18, atanh: 19,
};

export interface MathUnaryConstants {
  op: number;
}

/**
 * out[i] = op(x[i]). `nan` and `inf` are NaN and +Infinity passed in as uniforms, for results at and outside an op's
 * domain (GLSL ES 1.0 has neither literal, and compilers fold constant expressions such as sqrt(-1) to 0).
 */
export function mathUnaryKernel(this: KernelThis<MathUnaryConstants>, x: KernelInput, nan: number, inf: number): number {
  const v = x[this.thread.x];
  const op = this.constants.op;
  // Every op here maps NaN to NaN, as on cpu; GLSL's atan, max and min drop it (llvmpipe gives 0 or the other
  // operand). NaN is told apart by |v| failing both comparisons with the largest float32.
  const m = Math.abs(v);
  if ((m <= 3.4028234663852886e38 ? 0 : 1) - (m > 3.4028234663852886e38 ? 1 : 0) > 0) return v;
  // Below 0.03 in magnitude, exp(v) - 1 and log(1 + v) lose the low digits of v to the rounding of a number near 1
  // (log1p(1e-7) came out 19% off); their series instead, whose next terms are under 1e-12 of v there.
  const v2 = v * v;
  const expm1Small = v * (1 + v * (1 / 2 + v * (1 / 6 + v * (1 / 24 + v * (1 / 120)))));
  const log1pSmall = v * (1 - v * (1 / 2 - v * (1 / 3 - v * (1 / 4 - v * (1 / 5 - v * (1 / 6))))));
  if (op <= 2 && m < 51200) {
    // Cephes' sinf and cosf: some GLSL sin and cos (SwiftShader's, Chromium's WebGL) are off by 1e-4, and NVIDIA's by
    // 1e-3 past 8192. |v| is reduced by j·π/4 (j even, below 2^16; π/4 in three 8-bit parts, whose products with j
    // are exact, and a fourth) into [-π/4, π/4], where the polynomials are accurate to float32; quadrant j/2 mod 4
    // picks sine or cosine and the sign. Past 51200, GLSL's own.
    let j = Math.floor(m * 1.2732395447351628);
    j += j - 2 * Math.floor(j / 2);
    const r = (((m - j * 0.78515625) - j * 2.4127960205078125e-4) - j * 6.332993507385254e-7) - j * 4.960468147352515e-10;
    const z = r * r;
    const s = ((-1.9515295891e-4 * z + 8.3321608736e-3) * z - 1.6666654611e-1) * z * r + r;
    const c = ((2.443315711809948e-5 * z - 1.388731625493765e-3) * z + 4.166664568298827e-2) * z * z - 0.5 * z + 1;
    const q = j / 2 - 4 * Math.floor(j / 8);
    const sinM = q === 0 ? s : (q === 1 ? c : (q === 2 ? -s : -c));
    const cosM = q === 0 ? c : (q === 1 ? -s : (q === 2 ? -c : s));
    const sinV = v < 0 ? -sinM : sinM;
    if (op === 0) return m === 0 ? v : sinV;
    if (op === 1) return cosM;
    return m === 0 ? v : sinV / cosM;
  }
  if (op === 0) return Math.sin(v);
  if (op === 1) return Math.cos(v);
  if (op === 2) return Math.tan(v);
  // Through atan2: some GLSL asin / acos (llvmpipe's) are off by 4e-4 near ±1. Outside [-1, 1], NaN. asin(±0) is
  // ±0 itself (SwiftShader's atan2(-0, 1) is π).
  if ((op === 3 || op === 4) && m > 1) return nan;
  if (op === 3) return m === 0 ? v : Math.atan2(v, Math.sqrt(1 - v * v));
  if (op === 4) return Math.atan2(Math.sqrt(1 - v * v), v);
  if (op === 5) return Math.atan(v);
  if (op === 6) return m < 0.03 ? v * (1 + v2 * (1 / 6 + v2 * (1 / 120))) : (Math.exp(v) - Math.exp(-v)) / 2;
  if (op === 7) return (Math.exp(v) + Math.exp(-v)) / 2;
  if (op === 8) return 1 / Math.sqrt(v);
  // GLSL's log is undefined at 0 and below (SwiftShader's gives -88 and log|v|): the cpu's -Infinity and NaN.
  if (op === 9) return v < -1 ? nan : (v === -1 ? -inf : (m < 0.03 ? log1pSmall : Math.log(1 + v)));
  if (op === 10) return m < 0.03 ? expm1Small : Math.exp(v) - 1;
  if (op === 11) {
    // Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7), as TF.js's kernels and the cpu's.
    const a = Math.abs(v);
    const t = 1 / (1 + 0.3275911 * a);
    const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
    const e = 1 - poly * Math.exp(-a * a);
    return v < 0 ? -e : e;
  }
  const expm1 = m < 0.03 ? expm1Small : Math.exp(v) - 1;
  if (op === 12) return v >= 0 ? v : expm1;
  if (op === 13) return v >= 0 ? 1.0507009873554805 * v : 1.7580993408473768 * expm1;
  if (op === 14) return Math.min(Math.max(v, 0), 6);
  // asinh from |v| (odd), so a large negative v does not cancel; outside acosh's and atanh's domains, NaN. Above
  // 1e9, where v² + 1 and v² − 1 are v² in float32 (and v² overflows from 2e19), both are log(2v) = log(v) + ln 2.
  if (op === 17) {
    const a = Math.abs(v);
    const r = a > 1e9 ? Math.log(a) + 0.6931471805599453 : (a < 0.03 ? a * (1 - v2 * (1 / 6 - v2 * (3 / 40))) : Math.log(a + Math.sqrt(a * a + 1)));
    return v < 0 ? -r : r;
  }
  if (op === 18) {
    if (v < 1) return nan;
    return v > 1e9 ? Math.log(v) + 0.6931471805599453 : Math.log(v + Math.sqrt((v - 1) * (v + 1)));
  }
  if (op === 19) return m > 1 ? nan : (m === 1 ? v * inf : (m < 0.03 ? v * (1 + v2 * (1 / 3 + v2 * (1 / 5))) : 0.5 * Math.log((1 + v) / (1 - v))));
  // softplus and logSigmoid from e = e^-|v| <= 1, which cannot overflow; log(1 + e) by its series where e is small
  // (softplus(-20) came out 0).
  const e = Math.exp(-m);
  const tail = e < 0.03 ? e * (1 - e * (1 / 2 - e * (1 / 3 - e * (1 / 4 - e * (1 / 5 - e * (1 / 6)))))) : Math.log(1 + e);
  if (op === 15) return Math.max(v, 0) + tail;
  return Math.min(v, 0) - tail;
}

export interface CumsumConstants {
  /** The axis length and the row-major stride along it. */
  n: number;
  inner: number;
  exclusive: number;
  reverse: number;
  /** 1: running products (cumprod); 0: running sums. */
  product: number;
  /**
   * The sums stay within blocks of this many positions along the axis (n for one block): a thread may loop
   * only so far (loop-parts.ts's MAX_LOOP_SPAN), so a long axis is summed per block and the blocks' offsets added.
   */
  block: number;
}

/**
 * out[o, k, i] = Σ (or Π) x[o, j, i] over j ≤ k (j < k when exclusive; mirrored when reverse) with j in k's block,
 * x viewed as [outer, n, inner]. Taken in the scan's order (from the end when reverse), as the cpu's kernel, so that
 * a product meets zeros and infinities in the same order (0 · 1e30 · 1e30 stays 0).
 */
export function cumsumKernel(this: KernelThis<CumsumConstants>, x: KernelInput): number {
  const index = this.thread.x;
  const inner = this.constants.inner;
  const n = this.constants.n;
  const o = Math.floor(index / (n * inner));
  const rest = index - o * n * inner;
  const k = Math.floor(rest / inner);
  const i = rest - k * inner;
  const base = o * n * inner + i;
  // The summed positions j are lo..hi (numbers, not booleans: gpu.js types every variable as a float).
  let lo = 0;
  let hi = k;
  if (this.constants.reverse === 1) {
    lo = k;
    hi = n - 1;
  }
  if (this.constants.exclusive === 1) {
    if (this.constants.reverse === 1) {
      lo = k + 1;
    } else {
      hi = k - 1;
    }
  }
  const start = Math.floor(k / this.constants.block) * this.constants.block;
  let acc = 0;
  if (this.constants.product === 1) acc = 1;
  for (let s = 0; s < this.constants.block; s++) {
    let j = start + s;
    if (this.constants.reverse === 1) j = start + this.constants.block - 1 - s;
    if (j >= lo && j <= hi) {
      if (this.constants.product === 1) {
        acc *= x[base + j * inner];
      } else {
        acc += x[base + j * inner];
      }
    }
  }
  return acc;
}

export interface CumsumBlockConstants {
  n: number;
  inner: number;
  block: number;
  /** ceil(n / block). */
  blocks: number;
  /** 1: products (cumprod); 0: sums. */
  product: number;
}

/** out[o, b, i] = Σ (or Π) x[o, j, i] over block b's positions j, x viewed as [outer, n, inner]. */
export function cumsumBlockTotalKernel(this: KernelThis<CumsumBlockConstants>, x: KernelInput): number {
  const index = this.thread.x;
  const inner = this.constants.inner;
  const blocks = this.constants.blocks;
  const o = Math.floor(index / (blocks * inner));
  const rest = index - o * blocks * inner;
  const b = Math.floor(rest / inner);
  const i = rest - b * inner;
  let acc = 0;
  if (this.constants.product === 1) acc = 1;
  for (let s = 0; s < this.constants.block; s++) {
    const j = b * this.constants.block + s;
    if (j < this.constants.n) {
      if (this.constants.product === 1) {
        acc *= x[(o * this.constants.n + j) * inner + i];
      } else {
        acc += x[(o * this.constants.n + j) * inner + i];
      }
    }
  }
  return acc;
}

/** out[o, k, i] = within[o, k, i] + (or ·) offsets[o, k's block, i]: a blockwise scan and the blocks before it. */
export function cumsumAddOffsetKernel(this: KernelThis<CumsumBlockConstants>, within: KernelInput, offsets: KernelInput): number {
  const index = this.thread.x;
  const inner = this.constants.inner;
  const n = this.constants.n;
  const o = Math.floor(index / (n * inner));
  const rest = index - o * n * inner;
  const k = Math.floor(rest / inner);
  const i = rest - k * inner;
  const b = Math.floor(k / this.constants.block);
  const offset = offsets[(o * this.constants.blocks + b) * inner + i];
  if (this.constants.product === 1) return within[index] * offset;
  return within[index] + offset;
}
