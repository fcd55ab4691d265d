import type { KernelInput, KernelThis } from './kernel-this';

export interface CastConstants {
  /**
   * 1: to bool (v != 0, NaN true); 0: to int32 as an Int32Array stores a number (truncated toward zero, wrapped;
   * NaN and ±Infinity 0); 2: to bool as a Uint8Array stores arithmetic on bools (the same, wrapped into [0, 256)).
   */
  toBool: number;
}

/** tf.cast's conversions of float values; every dtype stays a float texture, so int32 and bool are whole floats. */
export function castKernel(this: KernelThis<CastConstants>, x: KernelInput): number {
  const v = x[this.thread.x];
  if (this.constants.toBool === 1) return v === 0 ? 0 : 1;
  // NaN fails this test as infinities do (told apart from finite values as in elementwise.ts).
  if ((Math.abs(v) <= 3.4028234663852886e38 ? 1 : 0) === 0) return 0;
  // Truncated (a literal 0 for |v| < 1: no -0), then wrapped into [-2^31, 2^31) as an Int32Array wraps it; whole
  // floats from 2^32 up are multiples of 2^32, so the largest come to 0 exactly.
  const t = v <= -1 ? -Math.floor(-v) : (v < 1 ? 0 : Math.floor(v));
  if (this.constants.toBool === 2) return t - 256 * Math.floor(t / 256);
  if (t < 2147483648 && t >= -2147483648) return t;
  return t - 4294967296 * Math.floor((t + 2147483648) / 4294967296);
}
