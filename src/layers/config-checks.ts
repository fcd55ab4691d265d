import { assertPadding, assertPair, assertTriple } from '../util/validate';

/** A size given as n or [h, w], as TF.js layer configs take kernelSize, strides and poolSize. */
export function pairArg(op: string, arg: string, v: unknown, fallback?: [number, number]): [number, number] {
  return v == null && fallback ? fallback : assertPair(op, arg, v);
}

/** A size given as n or [d, h, w], as TF.js's 3-D layers take kernelSize, strides, poolSize and dilationRate. */
export function tripleArg(op: string, arg: string, v: unknown, fallback?: [number, number, number]): [number, number, number] {
  return v == null && fallback ? fallback : assertTriple(op, arg, v);
}

export function paddingArg(op: string, v: unknown): 'valid' | 'same' {
  return v == null ? 'valid' : assertPadding(op, 'padding', v);
}
