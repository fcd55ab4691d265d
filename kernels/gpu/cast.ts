import type { KernelInput, KernelThis } from './kernel-this';

export interface CastConstants {
  /** 1: to bool (v != 0, NaN true); 0: to int32 (truncation toward zero). */
  toBool: number;
}

/** tf.cast's conversions of float values; every dtype stays a float texture, so int32 and bool are whole floats. */
export function castKernel(this: KernelThis<CastConstants>, x: KernelInput): number {
  const v = x[this.thread.x];
  if (this.constants.toBool === 1) return v === 0 ? 0 : 1;
  return v < 0 ? -Math.floor(-v) : Math.floor(v);
}
