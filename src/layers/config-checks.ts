import { assertPadding, assertPair } from '../ops/validate';

/** A size given as n or [h, w], as TF.js layer configs take kernelSize, strides and poolSize. */
export function pairArg(op: string, arg: string, v: unknown, fallback?: [number, number]): [number, number] {
  return v === undefined && fallback ? fallback : assertPair(op, arg, v);
}

export function paddingArg(op: string, v: unknown): 'valid' | 'same' {
  return v === undefined ? 'valid' : assertPadding(op, 'padding', v);
}

/** Output length along one spatial axis, as TF.js computes it. */
export function outLength(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.ceil((size - window + 1) / stride);
}
