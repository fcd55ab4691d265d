import { describe, expect, it } from 'vitest';
import { unary } from '../../kernels/cpu/elementwise';
import { EXP, eluF32, expClamped, expLimited, sigmoidF32, tanhF32 } from '../../kernels/cpu/sigmoid-tanh';

const f32 = Math.fround;
const bits = (v: number): number => new Uint32Array(Float32Array.of(v).buffer)[0];
/** How many float32 values lie between a and b (same sign or zero); 0 when equal. */
const ulpsApart = (a: number, b: number): number => Math.abs(bits(a) - bits(b));

/** Float32 inputs spread over the ranges that matter: around 0, the steep middle, the tails, subnormals. */
function inputs(count: number, seed: number): number[] {
  let s = seed;
  const next = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const scale = [1e-8, 1e-3, 0.5, 4, 20, 100][i % 6];
    out.push(f32((2 * next() - 1) * scale));
  }
  return out;
}

describe('float32 sigmoid and tanh twins', () => {
  it('exp over the clamped range is within 1e-11 of Math.exp (the Taylor truncation is 7e-12 at most)', () => {
    for (const t of [-708, -300.5, -20, -1, -0.3, 0, 1e-9, 0.5, 7.25, 88, 400, 708]) {
      expect(Math.abs(expLimited(t) / Math.exp(t) - 1)).toBeLessThan(1e-11);
    }
  });

  it('round to the float32 that Math.exp and Math.tanh give, or its neighbour in a near tie', () => {
    const xs = inputs(60000, 7);
    let sigmoidOff = 0, tanhOff = 0;
    for (const x of xs) {
      const ds = ulpsApart(f32(sigmoidF32(x)), f32(1 / (1 + Math.exp(-x))));
      const dt = ulpsApart(f32(tanhF32(x)), f32(Math.tanh(x)));
      expect(Math.max(ds, dt), `x = ${x}`).toBeLessThanOrEqual(1);
      sigmoidOff += ds;
      tanhOff += dt;
    }
    // A last-bit difference needs the exact value within ~1e-11 of a rounding midpoint.
    expect(sigmoidOff).toBeLessThan(60);
    expect(tanhOff).toBeLessThan(60);
  });

  it('elu and exp round to the float32 that Math.expm1 and Math.exp give, or its neighbour in a near tie (elu either side of its Taylor switch)', () => {
    const xs = [...inputs(60000, 9), -EXP.ELU_TINY, f32(-EXP.ELU_TINY * (1 + 2 ** -23)), f32(-EXP.ELU_TINY * (1 - 2 ** -24)), -1e-30, -1.5e-45];
    let off = 0;
    for (const x of xs) {
      const d = ulpsApart(f32(eluF32(x)), f32(x >= 0 ? x : Math.expm1(x)));
      expect(d, `x = ${x}`).toBeLessThanOrEqual(1);
      off += d;
    }
    expect(off).toBeLessThan(60);
    // exp itself (tf.exp on float32) the same way, over its float32 range and past it.
    let expOff = 0;
    for (const x of [...inputs(60000, 11), 88.72, 88.73, -103.97, -150, 1000, -1000]) {
      const d = ulpsApart(f32(expClamped(x)), f32(Math.exp(x)));
      expect(d, `x = ${x}`).toBeLessThanOrEqual(1);
      expOff += d;
    }
    expect(expOff).toBeLessThan(60);
    expect(Object.is(eluF32(-0), -0)).toBe(true);
    expect(eluF32(-Infinity)).toBe(-1);
    expect(eluF32(Infinity)).toBe(Infinity);
    expect(Number.isNaN(eluF32(NaN))).toBe(true);
  });

  it('keep the special values: signed zeros, limits, NaN and the far tails', () => {
    expect(f32(sigmoidF32(0))).toBe(0.5);
    expect(f32(sigmoidF32(-0))).toBe(0.5);
    expect(f32(sigmoidF32(Infinity))).toBe(1);
    expect(Object.is(f32(sigmoidF32(-Infinity)), 0)).toBe(true);
    expect(f32(sigmoidF32(-3e38))).toBe(0);
    expect(f32(sigmoidF32(20))).toBe(f32(1 / (1 + Math.exp(-20))));
    // Past the clamp the exact value is far below float32's smallest subnormal.
    expect(f32(sigmoidF32(-710))).toBe(0);
    // A subnormal float32 result, as a Float32Array store rounds it.
    expect(f32(sigmoidF32(-100))).toBe(f32(Math.exp(-100)));
    expect(Number.isNaN(sigmoidF32(NaN))).toBe(true);
    expect(Object.is(tanhF32(-0), -0)).toBe(true);
    expect(Object.is(tanhF32(0), 0)).toBe(true);
    expect(tanhF32(Infinity)).toBe(1);
    expect(tanhF32(-Infinity)).toBe(-1);
    expect(tanhF32(-3e38)).toBe(-1);
    expect(tanhF32(1e-30)).toBe(1e-30);
    expect(tanhF32(-EXP.TANH_TINY / 2)).toBe(-EXP.TANH_TINY / 2);
    expect(Number.isNaN(tanhF32(NaN))).toBe(true);
  });

  it('are what the JS kernel writes to float32 outputs; float64 outputs keep Math.exp and Math.tanh', () => {
    const xs = inputs(999, 3);
    for (const [op, twin, exact] of [['sigmoid', sigmoidF32, (v: number) => 1 / (1 + Math.exp(-v))], ['tanh', tanhF32, Math.tanh]] as const) {
      const out32 = new Float32Array(xs.length), out64 = new Float64Array(xs.length);
      unary(op, Float32Array.from(xs), out32);
      unary(op, Float64Array.from(xs), out64);
      expect(Array.from(out32)).toEqual(xs.map((v) => f32(twin(v))));
      expect(Array.from(out64)).toEqual(xs.map(exact));
    }
  });
});
