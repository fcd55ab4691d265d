import type { FloatArray } from '../shared/types';

/** Whether every value of x is finite (none is ±Infinity or NaN). */
export function allFinite(x: FloatArray): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}
