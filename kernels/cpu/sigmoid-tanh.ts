/**
 * Float32 sigmoid, tanh and elu computed in float64 by one fixed sequence of IEEE operations, which the SIMD kernels
 * (kernels/cpu/wasm/sigmoid-tanh-module.ts) repeat lane by lane: so the JS kernel and the SIMD kernel give the same
 * bits, where Math.exp and Math.tanh are free to differ between engines and have no SIMD form. Before the final
 * rounding to float32 the values are within about 1e-11 (relative) of the exact ones, so the float32 results are
 * the correctly rounded ones but for a rare last-bit tie; float64 tensors keep Math.exp, Math.tanh and Math.expm1.
 */

/** exp(t) = 2^k · exp(r) with k = round(t / ln 2) and r = t − k·ln 2, |r| ≤ ln 2 / 2. */
export const EXP = {
  LOG2E: 1.4426950408889634,
  // ln 2 split so that k·LN2_HI is exact for |k| < 2^11: r loses nothing to the subtraction.
  LN2_HI: 6.93147180369123816490e-1,
  LN2_LO: 1.90821492927058770002e-10,
  // Adding and subtracting 1.5·2^52 rounds a double of magnitude below 2^51 to the nearest integer (ties to even).
  ROUND: 6755399441055744,
  // |t| ≤ LIMIT keeps 2^k a normal double and exp(t) finite: exp(±708) are 3e307 and 3e-308.
  LIMIT: 708,
  /** Taylor coefficients 1/j! from the highest (j = 9, truncation error below 7e-12 for |r| ≤ ln 2 / 2) down to j = 0. */
  COEFFS: [1 / 362880, 1 / 40320, 1 / 5040, 1 / 720, 1 / 120, 1 / 24, 1 / 6, 1 / 2, 1, 1],
  /** Below this |x|, tanh(x) rounds to x in float32 (|tanh(x) − x| < x³/3 is under a quarter of x's last bit). */
  TANH_TINY: 2 ** -20,
  /**
   * Above −ELU_TINY, elu's eˣ − 1 is its Taylor polynomial x + x²/2 + x³/6 + x⁴/24 (truncation below 1e-9 relative),
   * where exp(x) − 1 would lose the digits exp's 1e-11 error leaves of a small difference.
   */
  ELU_TINY: 2 ** -6,
  /** That polynomial's coefficients from the highest, by Horner, then times x. */
  EXPM1_COEFFS: [1 / 24, 1 / 6, 1 / 2, 1],
} as const;

// k = round(t / ln 2) for |t| ≤ LIMIT lies in [−K, K].
const K = Math.round(EXP.LIMIT * EXP.LOG2E);

/** 2^k for k in [−K, K] at index k + K, each built from its exponent bits as the SIMD kernel builds it. */
const POW2 = ((): Float64Array => {
  const bits = new DataView(new ArrayBuffer(8));
  return Float64Array.from({ length: 2 * K + 1 }, (_, i) => {
    bits.setInt32(0, (i - K + 1023) << 20);
    bits.setInt32(4, 0);
    return bits.getFloat64(0);
  });
})();

const { LOG2E, ROUND, LN2_HI, LN2_LO, LIMIT } = EXP;
const [C9, C8, C7, C6, C5, C4, C3, C2, C1, C0] = EXP.COEFFS;

/** exp(t) for t in [−LIMIT, LIMIT] (or NaN). */
export function expLimited(t: number): number {
  const k = t * LOG2E + ROUND - ROUND;
  const r = t - k * LN2_HI - k * LN2_LO;
  const p = ((((((((C9 * r + C8) * r + C7) * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0;
  // A NaN k has no entry: its product is NaN, as the SIMD kernel's.
  return k === k ? p * POW2[k + K] : NaN;
}

/** t clamped to [−LIMIT, LIMIT] by two comparisons, as the SIMD pseudo-max and pseudo-min do it (NaN stays NaN). */
function clamp(t: number): number {
  const low = t < -LIMIT ? -LIMIT : t;
  return LIMIT < low ? LIMIT : low;
}

/** exp(t) with t clamped to ±LIMIT (past it the float32 result is 0 or Infinity anyway): the SIMD kernels' exp. */
export function expClamped(t: number): number {
  return expLimited(clamp(t));
}

/** 1 / (1 + exp(−x)), before rounding to float32; −x is clamped to ±LIMIT (past it the float32 result is 0 or 1 anyway). */
export function sigmoidF32(x: number): number {
  return 1 / (1 + expClamped(-x));
}

/** elu(x) = x ≥ 0 ? x : eˣ − 1, before rounding to float32 (NaN stays NaN); eˣ − 1 as EXP.ELU_TINY says. */
export function eluF32(x: number): number {
  if (!(x < 0)) return x;
  const [c3, c2, c1, c0] = EXP.EXPM1_COEFFS;
  return -EXP.ELU_TINY < x ? (((c3 * x + c2) * x + c1) * x + c0) * x : expClamped(x) - 1;
}

/** tanh(x) = ±(1 − e) / (1 + e) with e = exp(−2|x|), before rounding to float32; x itself below TANH_TINY. */
export function tanhF32(x: number): number {
  const a = Math.abs(x);
  if (a < EXP.TANH_TINY) return x;
  const e = expLimited(-clamp(2 * a));
  const t = (1 - e) / (1 + e);
  return x < 0 ? -t : t;
}
