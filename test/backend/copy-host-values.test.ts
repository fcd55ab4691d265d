import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { copyHostValues } from '../../src/backend/host-values';

const isShared = (a: ArrayBufferView): boolean => typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer;

describe('copies of host values', () => {
  it('dataSync of a tensor in the kernels\' memory is a plain, independent copy with the same values', () => {
    const x = tn.tidy(() => tn.range(0, 5000).mul(0.5).relu());
    const stored = x.hostValues();
    expect(isShared(stored)).toBe(true); // the case this guards: a view of the shared WebAssembly memory
    const got = x.dataSync();
    expect(isShared(got)).toBe(false);
    expect(got).toBeInstanceOf(Float32Array);
    expect(Array.from(got)).toEqual(Array.from(stored));
    got[3] = -1;
    expect(x.dataSync()[3]).toBe(1.5);
    x.dispose();
  });

  it('keeps the array type of int32 and bool values, and copies rather than aliases', () => {
    for (const values of [Int32Array.of(1, -2, 3), Uint8Array.of(1, 0, 1), Float64Array.of(0.1, 0.2)]) {
      const c = copyHostValues(values, true);
      expect(c.constructor).toBe(values.constructor);
      expect(Array.from(c)).toEqual(Array.from(values));
      c[0] = 0;
      expect(values[0]).not.toBe(0);
    }
  });

  it('variables copy their initial value and what they are assigned, as TF.js', () => {
    const init = tn.tensor1d([1, 2, 3]);
    const v = tn.variable(init);
    const next = tn.tensor1d([4, 5, 6]);
    v.assign(next);
    next.dispose();
    init.dispose();
    expect(Array.from(v.dataSync())).toEqual([4, 5, 6]);
    expect(Array.from(tn.cast(v, 'float32').dataSync())).toEqual([4, 5, 6]);
    v.dispose();
  });
});
