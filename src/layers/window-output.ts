import { convOutputLength } from '../ops/conv';

/**
 * A windowed layer's output length along one axis: the ops' length, with ceil's -0 (a short 'valid' window) as 0.
 * An unknown size (null: a sequence of any length) gives an unknown length, as TF.js's.
 */
export function windowOutputLength(size: number, span: number, stride: number, padding: 'valid' | 'same'): number {
  if (size === null) return size;
  return convOutputLength(size, span, stride, padding) + 0;
}

/**
 * TF.js's error for a windowed layer whose output would have a negative dimension: a 'valid' window longer than
 * its input by a stride or more. A zero dimension (longer by less than a stride) is, as in TF.js, an empty output.
 * `inputShape` is the layer's input without its batch dim, printed as TF.js prints it ([,3,3,1]).
 */
export function assertNoNegativeDims(layerName: string, inputShape: readonly number[], dims: readonly number[]): void {
  if (dims.some((d) => d < 0)) throw new Error(`Negative dimension size caused by adding layer ${layerName} with input shape [,${inputShape.join(',')}]`);
}
