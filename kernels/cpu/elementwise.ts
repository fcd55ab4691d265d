import { broadcastShapes, broadcastStrides } from '../shared/broadcast';
import { collapseBroadcast } from '../shared/merge-axes';
import type { BinaryOp, UnaryOp } from '../shared/op-names';
import type { FloatArray, TypedArray } from '../shared/types';
import { isMathUnaryOp } from '../shared/math-op-names';
import { mathBinaryElement, mathBinaryRun, mathUnary } from './math';
import { expClamped, sigmoidF32, tanhF32 } from './sigmoid-tanh';

/** out[i] = op(x[i]); 'step' is x > 0 ? 1 : 0 (the relu derivative), NaN for NaN as TF.js's. The switch sits outside the loops so each loop stays tight. */
export function unary(op: UnaryOp, x: TypedArray, out: TypedArray): void {
  // The math family's ops are float-valued: the ops layer hands them float tensors.
  if (isMathUnaryOp(op)) return mathUnary(op, x as FloatArray, out as FloatArray);
  const n = x.length;
  switch (op) {
    case 'neg': for (let i = 0; i < n; i++) out[i] = -x[i]; return;
    case 'abs': for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]); return;
    // Float32 outputs take the SIMD kernel's twin (sigmoid-tanh.ts), float64 ones the engine's exp.
    case 'exp':
      if (out instanceof Float32Array) for (let i = 0; i < n; i++) out[i] = expClamped(x[i]);
      else for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]);
      return;
    case 'log': for (let i = 0; i < n; i++) out[i] = Math.log(x[i]); return;
    case 'sqrt': for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]); return;
    case 'square': for (let i = 0; i < n; i++) out[i] = x[i] * x[i]; return;
    // `v < 0 ? 0 : v` rather than Math.max so NaN propagates as in TF.js.
    case 'relu': for (let i = 0; i < n; i++) { const v = x[i]; out[i] = v < 0 ? 0 : v; } return;
    case 'step': for (let i = 0; i < n; i++) { const v = x[i]; out[i] = v > 0 ? 1 : v <= 0 ? 0 : v; } return;
    // Float32 outputs take the twins of the SIMD kernels (sigmoid-tanh.ts); float64 ones the engine's exp and tanh.
    case 'sigmoid':
      if (out instanceof Float32Array) for (let i = 0; i < n; i++) out[i] = sigmoidF32(x[i]);
      else for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-x[i]));
      return;
    case 'tanh':
      if (out instanceof Float32Array) for (let i = 0; i < n; i++) out[i] = tanhF32(x[i]);
      else for (let i = 0; i < n; i++) out[i] = Math.tanh(x[i]);
      return;
    case 'reciprocal': for (let i = 0; i < n; i++) out[i] = 1 / x[i]; return;
    case 'floor': for (let i = 0; i < n; i++) out[i] = Math.floor(x[i]); return;
    case 'ceil': for (let i = 0; i < n; i++) out[i] = Math.ceil(x[i]); return;
    case 'round': for (let i = 0; i < n; i++) out[i] = roundHalfEven(x[i]); return;
    // NaN gives 0, as TF.js's sign.
    case 'sign': for (let i = 0; i < n; i++) { const v = x[i]; out[i] = v < 0 ? -1 : v > 0 ? 1 : 0; } return;
    case 'isNaN': for (let i = 0; i < n; i++) out[i] = Number.isNaN(x[i]) ? 1 : 0; return;
    case 'isInf': for (let i = 0; i < n; i++) out[i] = x[i] === Infinity || x[i] === -Infinity ? 1 : 0; return;
    case 'isFinite': for (let i = 0; i < n; i++) out[i] = Number.isFinite(x[i]) ? 1 : 0; return;
    case 'logicalNot': for (let i = 0; i < n; i++) out[i] = x[i] === 0 ? 1 : 0; return;
  }
}

/**
 * out[i] = x[i] clipped to [lo, hi] (lo ≤ hi): `v > hi ? hi : v < lo ? lo : v`, as TF.js's ClipByValue, so NaN and the
 * sign of a zero inside the bounds are kept.
 */
export function clip(x: FloatArray, lo: number, hi: number, out: FloatArray): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = v > hi ? hi : v < lo ? lo : v;
  }
}

/** Round half to even (banker's rounding), as tf.round: above a half up by Math.ceil, so −0.4 gives −0 as TF.js's (−0.5 gives +0). */
export function roundHalfEven(v: number): number {
  const base = Math.floor(v);
  const frac = v - base;
  if (frac < 0.5) return base;
  if (frac > 0.5) return Math.ceil(v);
  return base % 2 === 0 ? base : base + 1;
}

/** a mod b with the sign of b (floor(a / b) * b + mod(a, b) = a), as tf.mod. */
export function floorMod(a: number, b: number): number {
  const rem = a % b;
  return (a < 0 && b < 0) || (a >= 0 && b >= 0) ? rem : (rem + b) % b;
}

/** One element of a binary op; comparisons give 1/0. */
function apply(op: BinaryOp, x: number, y: number): number {
  switch (op) {
    case 'add': return x + y;
    case 'sub': return x - y;
    case 'mul': return x * y;
    case 'div': return x / y;
    case 'maximum': return Math.max(x, y);
    case 'minimum': return Math.min(x, y);
    case 'pow': return Math.pow(x, y);
    case 'greater': return x > y ? 1 : 0;
    case 'equal': return x === y ? 1 : 0;
    case 'mod': return floorMod(x, y);
    case 'floorDiv': return Math.floor(x / y);
    case 'logicalAnd': return x !== 0 && y !== 0 ? 1 : 0;
    case 'logicalOr': return x !== 0 || y !== 0 ? 1 : 0;
    case 'logicalXor': return (x !== 0) !== (y !== 0) ? 1 : 0;
    default: return mathBinaryElement(op)(x, y);
  }
}

/**
 * out[o + i] = a[ai + i*as] op b[bi + i*bs] for i < len, with steps 0 (broadcast) or 1: the single loop every
 * broadcast pattern reduces to. One loop per op, so the op is chosen once per run and not per element.
 */
function run(
  op: BinaryOp, a: TypedArray, ai: number, as: number, b: TypedArray, bi: number, bs: number,
  out: TypedArray, o: number, len: number,
): void {
  const end = o + len;
  switch (op) {
    case 'add': for (; o < end; o++, ai += as, bi += bs) out[o] = a[ai] + b[bi]; return;
    case 'sub': for (; o < end; o++, ai += as, bi += bs) out[o] = a[ai] - b[bi]; return;
    case 'mul': for (; o < end; o++, ai += as, bi += bs) out[o] = a[ai] * b[bi]; return;
    case 'div': for (; o < end; o++, ai += as, bi += bs) out[o] = a[ai] / b[bi]; return;
    case 'maximum': for (; o < end; o++, ai += as, bi += bs) out[o] = Math.max(a[ai], b[bi]); return;
    case 'minimum': for (; o < end; o++, ai += as, bi += bs) out[o] = Math.min(a[ai], b[bi]); return;
    case 'pow': for (; o < end; o++, ai += as, bi += bs) out[o] = Math.pow(a[ai], b[bi]); return;
    case 'greater': for (; o < end; o++, ai += as, bi += bs) out[o] = a[ai] > b[bi] ? 1 : 0; return;
    case 'equal': for (; o < end; o++, ai += as, bi += bs) out[o] = a[ai] === b[bi] ? 1 : 0; return;
    // The logical ops in their own loops: through apply's switch they took ~7 ns an element (an RNN's hardSigmoid gradient masks).
    case 'logicalAnd': for (; o < end; o++, ai += as, bi += bs) out[o] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0; return;
    case 'logicalOr': for (; o < end; o++, ai += as, bi += bs) out[o] = a[ai] !== 0 || b[bi] !== 0 ? 1 : 0; return;
    case 'mod': case 'floorDiv': case 'logicalXor':
      for (; o < end; o++, ai += as, bi += bs) out[o] = apply(op, a[ai], b[bi]);
      return;
    default: return mathBinaryRun(op, a as FloatArray, ai, as, b as FloatArray, bi, bs, out as FloatArray, o, len);
  }
}

function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** out has shape broadcastShapes(aShape, bShape) (the caller checked it). */
export function binary(op: BinaryOp, a: TypedArray, aShape: readonly number[], b: TypedArray, bShape: readonly number[], out: TypedArray): void {
  const outShape = broadcastShapes(aShape, bShape) ?? [];
  const size = sizeOf(outShape);
  const aSize = sizeOf(aShape), bSize = sizeOf(bShape);
  // Fast paths: equal sizes mean identical layouts; a one-element side is a scalar.
  if (aSize === size && bSize === size) return run(op, a, 0, 1, b, 0, 1, out, 0, size);
  if (aSize === 1) return run(op, a, 0, 0, b, 0, 1, out, 0, size);
  if (bSize === 1) return run(op, a, 0, 1, b, 0, 0, out, 0, size);
  if (size === 0) return;
  // General: an odometer over the collapsed outer axes, one run along the innermost.
  const { dims, sa, sb } = collapseBroadcast(outShape, aShape, bShape);
  const r = dims.length - 1;
  const inner = dims[r];
  const index = new Array<number>(r).fill(0);
  let ai = 0, bi = 0;
  for (let o = 0; o < size; o += inner) {
    run(op, a, ai, sa[r], b, bi, sb[r], out, o, inner);
    for (let d = r - 1; d >= 0; d--) {
      ai += sa[d]; bi += sb[d];
      if (++index[d] < dims[d]) break;
      ai -= sa[d] * dims[d]; bi -= sb[d] * dims[d]; index[d] = 0;
    }
  }
}

/** The reference: each output element finds its inputs by unravelling its own index. */
export function binaryNaive(op: BinaryOp, a: TypedArray, aShape: readonly number[], b: TypedArray, bShape: readonly number[], out: TypedArray): void {
  const outShape = broadcastShapes(aShape, bShape) ?? [];
  const rank = outShape.length;
  const sa = broadcastStrides(aShape, rank), sb = broadcastStrides(bShape, rank);
  const size = sizeOf(outShape);
  for (let o = 0; o < size; o++) {
    let rest = o, ai = 0, bi = 0;
    for (let d = rank - 1; d >= 0; d--) {
      const coord = rest % outShape[d];
      rest = (rest - coord) / outShape[d];
      ai += coord * sa[d]; bi += coord * sb[d];
    }
    out[o] = apply(op, a[ai], b[bi]);
  }
}
