import { broadcastShapes } from '../shared/broadcast';
import { collapseBroadcast } from '../shared/merge-axes';
import type { MathUnaryOp } from '../shared/math-op-names';
import type { BinaryOp, UnaryOp } from '../shared/op-names';
import type { KernelInput, KernelThis } from './kernel-this';

// One kernel per arity with the op as a compile-time constant: the shader compiler folds the
// op chain down to the one branch taken, and the backend caches one program per (op, size).

/** The math family's unary ops have their own kernel (math.ts). */
export const UNARY_CODES: Readonly<Record<Exclude<UnaryOp, MathUnaryOp>, number>> = {
  neg: 0, abs: 1, exp: 2, log: 3, sqrt: 4, square: 5, relu: 6, step: 7, sigmoid: 8, tanh: 9, reciprocal: 10,
  floor: 11, ceil: 12, round: 13, sign: 14, isNaN: 15, isInf: 16, isFinite: 17, logicalNot: 18,
};

export const BINARY_CODES: Readonly<Record<BinaryOp, number>> = {
  add: 0, sub: 1, mul: 2, div: 3, maximum: 4, minimum: 5, pow: 6, greater: 7, equal: 8,
  atan2: 9, prelu: 10, less: 11, lessEqual: 12, greaterEqual: 13, notEqual: 14,
  mod: 15, floorDiv: 16, logicalAnd: 17, logicalOr: 18, logicalXor: 19,
};

export interface UnaryConstants {
  op: number;
}

/**
 * out[i] = op(x[i]); 'step' is x > 0 ? 1 : 0 (NaN for NaN) as in the cpu kernel. `nan` and `inf` are NaN and
 * +Infinity passed in as uniforms (see binaryKernel).
 */
export function unaryKernel(this: KernelThis<UnaryConstants>, x: KernelInput, nan: number, inf: number): number {
  const v = x[this.thread.x];
  const op = this.constants.op;
  // GLSL ES 1.0 has no isnan/isinf: only an infinity exceeds the largest float32, and NaN fails both tests of |v|
  // (shader compilers fold `v < 0 || v > 0 || v == 0` to true, so NaN is told apart this way).
  const magnitude = Math.abs(v);
  const finite = magnitude <= 3.4028234663852886e38 ? 1 : 0;
  const infinite = magnitude > 3.4028234663852886e38 ? 1 : 0;
  // NaN in, NaN out for the arithmetic ops (sign gives 0, as on cpu): some GLSL exp and log (SwiftShader's, Chromium's
  // WebGL) give Infinity or 89 for NaN. log and sqrt are undefined in GLSL outside their domains (SwiftShader's log
  // gives log|v|, and -88 at 0), so those get the cpu's NaN and -Infinity here.
  if (finite + infinite === 0 && op < 14) return v;
  if (op === 0) return -v;
  if (op === 1) return Math.abs(v);
  if (op === 2) return Math.exp(v);
  if (op === 3) return v < 0 ? nan : (v === 0 ? -inf : Math.log(v));
  if (op === 4) return v < 0 ? nan : Math.sqrt(v);
  if (op === 5) return v * v;
  if (op === 6) {
    // NaN stays NaN (as on cpu), told apart by |v| failing both comparisons with the largest float32 (see below):
    // shader compilers turn a bare `v < 0 ? 0 : v` into max(v, 0), which gives 0 for NaN.
    const m = Math.abs(v);
    return (m <= 3.4028234663852886e38 ? 0 : 1) - (m > 3.4028234663852886e38 ? 1 : 0) > 0 ? v : (v < 0 ? 0 : v);
  }
  if (op === 8) return 1 / (1 + Math.exp(-v));
  if (op === 9) {
    // From exp(-2|v|) <= 1, which cannot overflow the way exp(2v) does for large v. Below 0.03, where 1 - t
    // cancels (tanh(1e-10) came out as 3e-8), its series: the next term is 62·v⁹/2835, under 1e-13 of v.
    const a = Math.abs(v);
    const t = Math.exp(-2 * a);
    const a2 = a * a;
    const magnitude = a < 0.03 ? a * (1 - a2 * (1 / 3 - a2 * (2 / 15 - a2 * (17 / 315)))) : (1 - t) / (1 + t);
    return v < 0 ? -magnitude : magnitude;
  }
  if (op === 10) return 1 / v;
  if (op === 11) return Math.floor(v);
  if (op === 12) return Math.ceil(v);
  if (op === 13) {
    // Half to even, as tf.round.
    const base = Math.floor(v);
    const frac = v - base;
    if (frac < 0.5) return base;
    if (frac > 0.5) return Math.ceil(v);
    return base - 2 * Math.floor(base / 2) === 0 ? base : base + 1;
  }
  if (op === 14) return v < 0 ? -1 : (v > 0 ? 1 : 0);
  if (op === 7) return v > 0 ? 1 : (finite + infinite > 0 ? 0 : v);
  if (op === 15) return 1 - finite - infinite;
  if (op === 16) return infinite;
  if (op === 17) return finite;
  return v === 0 ? 1 : 0;
}

/**
 * out[i] = x[i] clipped to [lo, hi] (lo ≤ hi, passed as uniforms so that one program serves any bounds), as the cpu
 * kernel: `v > hi ? hi : v < lo ? lo : v`. A NaN is kept, told apart by |v| failing both comparisons with the largest
 * float32 (see unaryKernel): shader compilers may fold the selections into clamp(), undefined for NaN.
 */
export function clipKernel(this: KernelThis<object>, x: KernelInput, lo: number, hi: number): number {
  const v = x[this.thread.x];
  const m = Math.abs(v);
  if ((m <= 3.4028234663852886e38 ? 0 : 1) - (m > 3.4028234663852886e38 ? 1 : 0) > 0) return v;
  return v > hi ? hi : (v < lo ? lo : v);
}

/** Element i of rows of `depth`: onValue where its column is its row's index, else offValue (the values are uniforms). */
export function oneHotKernel(this: KernelThis<{ depth: number }>, indices: KernelInput, onValue: number, offValue: number): number {
  const row = Math.floor(this.thread.x / this.constants.depth);
  return indices[row] === this.thread.x - row * this.constants.depth ? onValue : offValue;
}

/**
 * Broadcasting over at most six output axes (enough for rank-6 tensors, more after merging):
 * output axis j has row-major stride o_j (o5 = 1); s_j / t_j are a's and b's strides along it, 0 where
 * that operand is broadcast. Unused leading axes have o_j = the output size, so their index is 0.
 */
export interface BinaryConstants {
  op: number;
  o0: number; o1: number; o2: number; o3: number; o4: number;
  s0: number; s1: number; s2: number; s3: number; s4: number; s5: number;
  t0: number; t1: number; t2: number; t3: number; t4: number; t5: number;
}

/**
 * out[i] = a[...] op b[...] at the broadcast positions of output element i; comparisons give 1/0. `nan` and `inf`
 * are NaN and +Infinity passed in as uniforms (as TF.js's WebGL 1 shaders get theirs): GLSL ES 1.0 has neither
 * literal, and compilers fold constant expressions such as sqrt(-1) to 0.
 */
export function binaryKernel(this: KernelThis<BinaryConstants>, a: KernelInput, b: KernelInput, nan: number, inf: number): number {
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
  const x = a[c0 * this.constants.s0 + c1 * this.constants.s1 + c2 * this.constants.s2 +
    c3 * this.constants.s3 + c4 * this.constants.s4 + c5 * this.constants.s5];
  const y = b[c0 * this.constants.t0 + c1 * this.constants.t1 + c2 * this.constants.t2 +
    c3 * this.constants.t3 + c4 * this.constants.t4 + c5 * this.constants.t5];
  const op = this.constants.op;
  if (op === 0) return x + y;
  if (op === 1) return x - y;
  if (op === 2) return x * y;
  if (op === 3) return x / y;
  // GLSL's max, min, atan and pow drop NaN operands (llvmpipe gives the other operand or 0), where the cpu kernels
  // and TF.js return NaN: each operand's NaN is told apart by |v| failing both comparisons with the largest float32.
  const xm = Math.abs(x);
  const ym = Math.abs(y);
  const xNan = (xm <= 3.4028234663852886e38 ? 0 : 1) - (xm > 3.4028234663852886e38 ? 1 : 0);
  const yNan = (ym <= 3.4028234663852886e38 ? 0 : 1) - (ym > 3.4028234663852886e38 ? 1 : 0);
  if (op === 4 || op === 5 || op === 9) {
    if (xNan > 0) return x;
    if (yNan > 0) return y;
    if (op === 4) return Math.max(x, y);
    if (op === 5) return Math.min(x, y);
    // GLSL's atan is undefined at (0, 0) and SwiftShader's drops the sign of a zero x (atan2(-0, 1) gave π): on the
    // x axis the angle is x itself (±0) toward +y, ±π (x's sign, read from 1 / x) toward -y or -0, as on cpu.
    if (x === 0) return y > 0 || (y === 0 && 1 / y > 0) ? x : (1 / x < 0 ? -3.141592653589793 : 3.141592653589793);
    return Math.atan2(x, y);
  }
  if (op === 6) {
    // As JavaScript's pow: NaN for a NaN exponent, or a NaN base unless the exponent is 0 (x^0 = 1).
    if (yNan > 0) return y;
    if (xNan > 0) return y === 0 ? 1 : x;
    // ±1 to an infinite power is NaN in JavaScript (SwiftShader's pow gives Infinity).
    if (xm === 1 && ym > 3.4028234663852886e38) return nan;
    // GLSL's pow is undefined for a negative base; JavaScript's is defined for whole exponents, NaN for the rest
    // (-Infinity aside: ∞ or 0). It is undefined for a zero base with a negative exponent too (llvmpipe gives 0),
    // where JavaScript's is ∞, signed as the base for an odd exponent (1 / x). (Numbers, not booleans: gpu.js
    // types every variable as a float.)
    const whole = Math.floor(y) === y ? 1 : 0;
    const odd = whole === 1 && Math.floor(y / 2) * 2 !== y ? 1 : 0;
    if (x < 0 && whole === 0) return xm > 3.4028234663852886e38 ? (y > 0 ? inf : 0) : nan;
    if (x === 0 && y < 0) return odd === 1 ? 1 / x : inf;
    // A whole base to a whole exponent >= 0 is a whole number, which GLSL's pow (exp2(y·log2 x)) may miss by ulps:
    // 5^5 as 3124.9998, 3124 once an int32 result truncates it.
    const raw = Math.pow(Math.abs(x), y);
    const magnitude = whole === 1 && y >= 0 && Math.floor(x) === x ? Math.floor(raw + 0.5) : raw;
    return x < 0 && odd === 1 ? -magnitude : magnitude;
  }
  if (op === 7) return x > y ? 1 : 0;
  if (op === 8) return x === y ? 1 : 0;
  if (op === 10) return x < 0 ? y * x : x;
  if (op === 11) return x < y ? 1 : 0;
  if (op === 12) return x <= y ? 1 : 0;
  if (op === 13) return x >= y ? 1 : 0;
  if (op === 14) return x === y ? 0 : 1;
  if (op === 15 || op === 16) {
    // A finite x mod ±Infinity is x where x and y share a sign (x >= 0 counting as positive), else NaN, as the cpu
    // kernel and TF.js (x - q·y below would be x - 0·∞ = NaN).
    if (op === 15 && ym > 3.4028234663852886e38 && xm <= 3.4028234663852886e38) return (x < 0 ? 1 : 0) === (y < 0 ? 1 : 0) ? x : nan;
    // floor(x / y), corrected by the remainder: GPU division may miss an exact quotient by an ulp. A remainder of a
    // whole y is also what rounding gives for a small x against a large y of the other sign (-0.001 - (-1)·1e5 =
    // 1e5 in float32), so q + 1 is taken only where it leaves no remainder of the wrong sign.
    let q = Math.floor(x / y);
    const r = x - q * y;
    if (y > 0 ? r < 0 : r > 0) q -= 1;
    const next = x - (q + 1) * y;
    if (y > 0 ? r >= y && next >= 0 : r <= y && next <= 0) q += 1;
    return op === 16 ? q : x - q * y;
  }
  const p = x === 0 ? 0 : 1;
  const q = y === 0 ? 0 : 1;
  if (op === 17) return p * q;
  if (op === 18) return p + q > 0 ? 1 : 0;
  return p + q === 1 ? 1 : 0;
}

/** Most output axes binaryKernel handles; neighbouring axes merge first, so only unusual broadcasts need all six. */
export const BINARY_MAX_AXES = 6;

/** The constants for a op b over its collapsed broadcast; null when more than BINARY_MAX_AXES axes remain. */
export function binaryConstants(op: BinaryOp, aShape: readonly number[], bShape: readonly number[]): BinaryConstants | null {
  const { dims, sa, sb } = collapseBroadcast(broadcastShapes(aShape, bShape) ?? [], aShape, bShape);
  if (dims.length > BINARY_MAX_AXES) return null;
  while (dims.length < BINARY_MAX_AXES) { dims.unshift(1); sa.unshift(0); sb.unshift(0); }
  const o = new Array<number>(BINARY_MAX_AXES);
  for (let j = BINARY_MAX_AXES - 1, step = 1; j >= 0; j--) { o[j] = step; step *= dims[j]; }
  return {
    op: BINARY_CODES[op],
    o0: o[0], o1: o[1], o2: o[2], o3: o[3], o4: o[4],
    s0: sa[0], s1: sa[1], s2: sa[2], s3: sa[3], s4: sa[4], s5: sa[5],
    t0: sb[0], t1: sb[1], t2: sb[2], t3: sb[3], t4: sb[4], t5: sb[5],
  };
}
