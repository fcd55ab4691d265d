import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { gatherRows, range } from '../../src/data/batch';
import { simdKernels } from '../../kernels/cpu/wasm/index';
import { Random } from '../../src/util/random';

/** The naive twin: each row copied on its own. */
function naiveRows(values: ArrayLike<number>, row: number, indices: Int32Array, begin: number, end: number): number[] {
  const out: number[] = [];
  for (let i = begin; i < end; i++) for (let k = 0; k < row; k++) out.push(values[indices[i] * row + k]);
  return out;
}

describe('gatherRows', () => {
  const rows = 23, shape = [rows, 3, 2];
  const values = Float32Array.from({ length: rows * 6 }, (_, i) => i * 0.5 - 7);

  it('gathers the rows in order, unshuffled and shuffled (runs of consecutive rows included), as the naive twin', () => {
    const x = tn.tensor(values, shape);
    const shuffled = range(rows);
    new Random(4).shuffle(shuffled);
    // A run of consecutive rows in the middle of a shuffled order, and one at its end.
    const runs = Int32Array.from([5, 6, 7, 2, 9, 10, 0, 1, 3, 4, 8, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    for (const order of [range(rows), shuffled, runs]) {
      for (const [begin, end] of [[0, rows], [0, 8], [8, 16], [16, rows], [22, rows], [4, 4]]) {
        const b = gatherRows(x, order, begin, end);
        expect(b.shape).toEqual([end - begin, 3, 2]);
        expect(b.dtype).toBe('float32');
        expect(Array.from(b.dataSync())).toEqual(naiveRows(values, 6, order, begin, end));
        b.dispose();
      }
    }
    x.dispose();
  });

  it('keeps the dtype of int32 and bool data', () => {
    for (const dtype of ['int32', 'bool'] as const) {
      const x = tn.tensor(Array.from({ length: 12 }, (_, i) => (dtype === 'bool' ? i % 3 === 0 : i) as never), [6, 2], dtype);
      const order = Int32Array.from([3, 4, 0, 5, 1, 2]);
      const b = gatherRows(x, order, 1, 5);
      expect(b.dtype).toBe(dtype);
      expect(Array.from(b.dataSync())).toEqual(naiveRows(x.dataSync(), 2, order, 1, 5));
    }
  });

  it('puts a float32 batch in the cpu kernels\' memory, so they read it without a copy', () => {
    const memory = simdKernels().memory as NonNullable<ReturnType<typeof simdKernels>['memory']>;
    expect(memory).toBeDefined(); // Node 20 has WebAssembly SIMD
    const x = tn.tensor(values, shape);
    tn.neg(x).dispose(); // the cpu backend, made on first use, installs its memory as the owner of host values
    const b = gatherRows(x, range(rows), 2, 10);
    expect(memory.isResident(b.storage as Float32Array)).toBe(true);
    b.dispose();
    x.dispose();
  });
});

describe('range', () => {
  it('is 0..n-1', () => {
    expect(Array.from(range(5))).toEqual([0, 1, 2, 3, 4]);
    expect(range(0).length).toBe(0);
  });
});
