import { argError, fmtValue, isPositiveInt } from '../ops/validate';

/** A size given as n or [h, w], as TF.js layer configs take kernelSize, strides and poolSize. */
export function pairArg(op: string, arg: string, v: unknown, fallback?: [number, number]): [number, number] {
  if (v === undefined && fallback) return fallback;
  if (isPositiveInt(v)) return [v, v];
  if (Array.isArray(v) && v.length === 2 && isPositiveInt(v[0]) && isPositiveInt(v[1])) return [v[0], v[1]];
  throw argError(op, arg, fmtValue(v), 'a positive integer or a pair [h, w] of positive integers');
}

export function paddingArg(op: string, v: unknown): 'valid' | 'same' {
  if (v === undefined) return 'valid';
  if (v !== 'valid' && v !== 'same') throw argError(op, 'padding', fmtValue(v), "'valid' or 'same'");
  return v;
}

export function booleanArg(op: string, arg: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw argError(op, arg, fmtValue(v), 'a boolean');
  return v;
}

/** Output length along one spatial axis, as TF.js computes it. */
export function outLength(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.ceil((size - window + 1) / stride);
}
