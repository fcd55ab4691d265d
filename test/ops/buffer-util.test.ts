import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.buffer and TensorBuffer', () => {
  it('fills, reads and makes a tensor that does not share the buffer\'s values', () => {
    const b = tn.buffer([2, 2], 'int32');
    b.set(4, 1, 0);
    const t = b.toTensor();
    b.set(9, 0, 0);
    expect(t.dtype).toBe('int32');
    expect(t.arraySync()).toEqual([[0, 0], [4, 0]]);
    expect(b.get(0, 0)).toBe(9);
    // An array given is kept as it is, as TF.js keeps it; its tensor has the dtype's values.
    const kept = tn.buffer([3], 'float32', [1, 2, 3]);
    expect(Array.isArray(kept.values)).toBe(true);
    expect(kept.toTensor().dataSync()).toBeInstanceOf(Float32Array);
    expect(tn.scalar(5).bufferSync().get()).toBe(5);
  });

  it('refuses bad arguments, naming them', () => {
    expect(() => tn.buffer([2, -1])).toThrow(/buffer: shape must be an array of non-negative integers/);
    expect(() => tn.buffer([2], 'complex64' as 'float32')).toThrow(/buffer: dtype must be 'float32', 'int32', 'bool' or 'float64', got string "complex64"/);
    expect(() => tn.buffer([2], 'float32', new Float32Array(3))).toThrow(/TensorBuffer: values must hold the 2 elements of shape \[2\], got 3/);
    expect(() => tn.buffer([2], 'float32', 'ab' as unknown as number[])).toThrow(/buffer: values must be an array or a typed array/);
    expect(() => tn.buffer([2, 2]).get(0, 2)).toThrow(/TensorBuffer.get: locs \[0, 2\] are out of range for shape \[2, 2\]/);
    expect(() => tn.buffer([2, 2]).set(1, 0)).toThrow(/TensorBuffer.set: locs must be 2 coordinates, got 1/);
  });

  it('new TensorBuffer(shape) without a dtype is float32, as TF.js\'s; an unknown dtype is refused', () => {
    const b = new tn.TensorBuffer([2, 2]);
    b.set(5, 0, 1);
    expect(b.values).toEqual(new Float32Array([0, 5, 0, 0]));
    const t = b.toTensor();
    expect([t.dtype, t.arraySync()]).toEqual(['float32', [[0, 5], [0, 0]]]);
    expect(() => new tn.TensorBuffer([2], 'int8' as 'float32')).toThrow(`TensorBuffer: dtype must be 'float32', 'int32', 'bool', 'float64' or 'string', got "int8"`);
  });
});

describe('tn.util', () => {
  it('shuffles with Math.random in TF.js\'s order of draws', () => {
    const random = Math.random;
    const draws = [0.9, 0.1, 0.5, 0.0];
    Math.random = () => draws.shift()!;
    try {
      const a = [1, 2, 3, 4];
      tn.util.shuffle(a);
      // counter 4: index 3 swaps 3↔3; counter 3: index 0 swaps 2↔0; counter 2: index 1 swaps 1↔1; counter 1: 0↔0.
      expect(a).toEqual([3, 2, 1, 4]);
    } finally {
      Math.random = random;
    }
  });

  it('shape arithmetic and nested arrays', () => {
    expect(tn.util.sizeFromShape([2, 3, 4])).toBe(24);
    expect(tn.util.computeStrides([2, 3, 4])).toEqual([12, 4]);
    expect(tn.util.indexToLoc(23, 3, [12, 4])).toEqual([1, 2, 3]);
    expect(tn.util.locToIndex([1, 2, 3], 3, [12, 4])).toBe(23);
    expect(tn.util.flatten([[1, [2]], new Int32Array([3])])).toEqual([1, 2, 3]);
    expect(tn.util.toNestedArray([2, 1], [7, 8])).toEqual([[7], [8]]);
    expect(() => tn.util.toNestedArray([3], [1])).toThrow(/\[3\] does not match the input size 1/);
  });

  it('the dtype helpers give TF.js\'s answers and errors', () => {
    const dtypes = ['float32', 'int32', 'bool', 'complex64', 'string'] as const;
    for (const a of dtypes) for (const b of dtypes) expect([a, b, tn.util.hasEncodingLoss(a, b)]).toEqual([a, b, tf.util.hasEncodingLoss(a, b)]);
    expect(['float32', 'int32', 'bool', 'float64'].map((t) => tn.util.hasEncodingLoss('float64', t))).toEqual([true, true, true, false]);
    expect(['float32', 'int32', 'bool'].map((t) => tn.util.hasEncodingLoss(t, 'float64'))).toEqual([false, false, false]);
    for (const bad of [NaN, -Infinity]) {
      expect(() => tn.util.checkConversionForErrors([1, bad], 'float32')).toThrow(new Error(`A tensor of type float32 being uploaded contains ${bad}.`));
      expect(() => tf.util.checkConversionForErrors([1, bad], 'float32')).toThrow(new Error(`A tensor of type float32 being uploaded contains ${bad}.`));
    }
    expect(() => tn.util.checkConversionForErrors(new Float32Array([1, 2]), 'float32')).not.toThrow();
    for (const [v, d] of [[2.7, 'float32'], [2.7, 'int32'], [0.6, 'bool'], ['héllo', 'string']] as const) {
      expect(tn.util.createScalarValue(v, d)).toEqual(tf.util.createScalarValue(v as never, d));
    }
    const strings = [tn.util.encodeString('ab'), tn.util.encodeString('é')];
    expect([tn.util.bytesFromStringArray(strings), tn.util.bytesFromStringArray(null)]).toEqual([tf.util.bytesFromStringArray(strings), 0]);
    expect(tn.util.bytesFromStringArray(strings)).toBe(4);
    const buffer = new Int32Array([3, 0, -2]).buffer;
    for (const d of ['float32', 'int32', 'bool', 'string'] as const) {
      expect(tn.util.convertBackendValuesAndArrayBuffer(buffer, d)).toEqual(tf.util.convertBackendValuesAndArrayBuffer(buffer, d));
    }
    const floats = new Float32Array([1.5]);
    expect(tn.util.convertBackendValuesAndArrayBuffer(floats, 'float32')).toBe(floats);
    expect(tn.util.convertBackendValuesAndArrayBuffer(strings, 'string')).toBe(strings);
    expect(() => tn.util.convertBackendValuesAndArrayBuffer(buffer, 'int8')).toThrow(/^Unknown dtype int8$/);
  });
});
