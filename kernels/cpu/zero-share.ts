import type { FloatArray } from '../shared/types';

// Values sampled: enough to tell a mostly-zero operand (a relu's output or gradient) from a dense one.
const ZERO_SAMPLES = 1024;

/**
 * The share of zeros among ZERO_SAMPLES values of x[0, length) at scattered fixed places (Knuth's multiplicative
 * hash of 0, 1, 2, ...: evenly spaced places would alias with a row length and see only a few columns).
 */
export function zeroShare(x: FloatArray, length: number): number {
  const samples = Math.min(ZERO_SAMPLES, length);
  if (samples === 0) return 0;
  // i·c mod length, walked as a running sum of c mod length: small integers, not a float modulo per sample.
  const step = 2654435761 % length;
  let zeros = 0;
  for (let i = 0, at = 0; i < samples; i++) {
    if (x[at] === 0) zeros++;
    at += step;
    if (at >= length) at -= length;
  }
  return zeros / samples;
}
