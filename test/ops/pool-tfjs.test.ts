import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { Random } from '../../src/util/random';

// avgPool against TensorFlow.js 4.22's cpu kernel, bit for bit: TF.js sums a window in float64 and divides once, so
// a mean of float32 pixels is the float32 nearest the exact mean; a float32 sum times 1/count can land an ulp away,
// and a program's round() after it (a detector's pooled mask) then moves whole units.

function pixels(shape: number[], seed: number): Float32Array {
  const r = new Random(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.uniform(0, 255));
}

describe('avgPool against TF.js', () => {
  const cases: { shape: [number, number, number, number]; size: [number, number]; strides: [number, number]; pad: 'same' | 'valid' }[] = [
    { shape: [2, 9, 11, 5], size: [3, 3], strides: [1, 1], pad: 'same' },
    { shape: [1, 12, 12, 8], size: [3, 3], strides: [2, 2], pad: 'valid' },
    { shape: [3, 7, 7, 3], size: [2, 5], strides: [1, 2], pad: 'same' },
    { shape: [1, 30, 30, 1], size: [7, 7], strides: [1, 1], pad: 'same' },
  ];
  for (const [i, c] of cases.entries()) {
    it(`gives TF.js's bits: ${c.shape.join('x')}, ${c.size.join('x')} windows, strides ${c.strides.join(',')}, ${c.pad}`, () => {
      const values = pixels(c.shape, 70 + i);
      const ours = tn.avgPool(tn.tensor4d(values, c.shape), c.size, c.strides, c.pad);
      const theirs = tf.avgPool(tf.tensor4d(values, c.shape), c.size, c.strides, c.pad);
      expect(ours.shape).toEqual(theirs.shape);
      const [a, b] = [ours.dataSync(), theirs.dataSync()];
      let differ = 0;
      for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) differ++;
      expect(differ, `${differ} of ${a.length} means differ`).toBe(0);
      expect(Array.from(ours.round().dataSync())).toEqual(Array.from(theirs.round().dataSync()));
      theirs.dispose();
    });
  }
});

describe('NaN in a max-pool window (README: a documented difference from TF.js)', () => {
  // TF.js's own tests ("ignores NaNs") hold its cpu kernel, which skips every NaN; tessera's 2-D kernels keep the
  // window's first cell and let a later cell win only when larger.
  const x = tn.tensor4d([NaN, 2, 3, 4, 1, NaN, 3, 2], [2, 2, 2, 1]);

  it('maxPool passes on a NaN first cell and skips a later one; its gradient goes to the cell it kept', () => {
    expect(Array.from(tn.maxPool(x, 2, 1, 'valid').dataSync())).toEqual([NaN, 3]);
    expect(Array.from(tn.grad((t: tn.Tensor) => tn.maxPool(t as tn.Tensor4D, 2, 1, 'valid'))(x).dataSync())).toEqual([1, 0, 0, 0, 0, 0, 1, 0]);
  });

  it('maxPoolWithArgmax indexes the value maxPool gives, and -1 for a window of -Infinity alone', () => {
    const r = tn.maxPoolWithArgmax(x, 2, 1, 'valid', true);
    expect(Array.from(r.result.dataSync())).toEqual([NaN, 3]);
    expect(Array.from(r.indexes.dataSync())).toEqual([0, 6]);
    const flat = x.dataSync();
    expect(Array.from(r.indexes.dataSync(), (i) => flat[i])).toEqual(Array.from(r.result.dataSync()));
    const empty = tn.maxPoolWithArgmax(tn.fill([1, 2, 2, 1], -Infinity) as tn.Tensor4D, 2, 1, 'valid');
    expect([...empty.result.dataSync(), ...empty.indexes.dataSync()]).toEqual([-Infinity, -1]);
  });

  it('maxPool3d, the larger of its depth slices\' 2-D pools, passes on a NaN that one of them passes on', () => {
    const pool = (values: number[]) => Array.from(tn.maxPool3d(tn.tensor5d(values, [1, 2, 2, 2, 1]), 2, 1, 'valid').dataSync());
    expect(pool([1, 2, 3, 4, NaN, 6, 7, 8])).toEqual([NaN]);
    expect(pool([1, 2, 3, 4, 5, NaN, 7, 8])).toEqual([8]);
  });
});

describe('a dilated pool whose window is wider than an axis', () => {
  it('gives an empty axis there, as TF.js, and a zero gradient', () => {
    for (const [shape, size, type] of [[[1, 1, 1, 2], [2, 2], 'max'], [[1, 6, 3, 2], [3, 3], 'avg']] as const) {
      const ours = tn.pool(tn.ones([...shape]), [...size], type, 'valid', 2, 1);
      expect(ours.shape).toEqual(tf.pool(tf.ones([...shape]) as tf.Tensor4D, [...size], type, 'valid', 2, 1).shape);
    }
    expect(tn.pool(tn.ones([1, 6, 3, 2]), [3, 3], 'avg', 'valid', 2, 1).shape).toEqual([1, 2, 0, 2]);
    const g = tn.grad((x: tn.Tensor) => tn.sum(tn.pool(x, [2, 2], 'max', 'valid', 2, 1)))(tn.ones([1, 1, 1, 2]));
    expect(Array.from(g.dataSync())).toEqual([0, 0]);
  });
});
