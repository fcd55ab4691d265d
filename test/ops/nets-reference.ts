import * as tf from '@tensorflow/tfjs';
import * as tn from '../../src/index';
import { close } from '../helpers';

// TF.js itself as the reference for forward results: the same values through tf and tn, compared in float32.

tf.setBackend('cpu');

/** tn's float32 result against TF.js's on the same values, to 1e-4 relative (the bar), shapes equal. */
export function expectMatchesTfjs(got: tn.Tensor, want: tf.Tensor, tol = 1e-4): void {
  if (JSON.stringify(got.shape) !== JSON.stringify(want.shape)) throw new Error(`shape ${JSON.stringify(got.shape)}, TF.js gives ${JSON.stringify(want.shape)}`);
  close(got.dataSync(), want.dataSync() as Float32Array, tol);
}

/** The same float32 values as a tn tensor and a tf tensor. */
export function twin(shape: number[], seed: number, lo = -2, hi = 2): [tn.Tensor, tf.Tensor] {
  const x = tn.randomUniform(shape, lo, hi, 'float32', seed);
  return [x, tf.tensor(x.dataSync() as Float32Array, shape)];
}

export { tf };
