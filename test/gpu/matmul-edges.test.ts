import { expect, it } from 'vitest';
import { Tensor } from '../../src/tensor/tensor';
import { describeGpu, gpu } from './gpu-context';
import { cpu, expectParity, sumTol } from './parity';
import { uniformTensor } from './random-data';

// The gpu matMul packs rows of A and columns of B 4 values of k a texel and sums a 2x2 block of outputs a thread
// (kernels/gpu/batch-matmul.ts), zero-padding k to a multiple of 4, reading the last row or column twice where m or n
// is odd, and folding transposes into the packing: each edge of that layout against the cpu backend.

const pairs = [[false, false], [false, true], [true, false], [true, true]] as const;
const operand = (batch: number | null, rows: number, cols: number, transposed: boolean, seed: number): Tensor =>
  uniformTensor([...(batch === null ? [] : [batch]), ...(transposed ? [cols, rows] : [rows, cols])], seed);

describeGpu('gpu matMul on the edges of its vec4 packing', () => {
  const g = gpu!;

  it('m, n and k off multiples of 4, of 1, and a k split into loop parts, for every transpose pair', () => {
    const sizes = [[1, 1, 1], [5, 1, 7], [1, 6, 1], [3, 5, 2], [7, 9, 3], [4, 4, 4], [6, 8, 13], [2, 3, 16389]];
    for (const [m, k, n] of sizes) {
      for (const [tA, tB] of pairs) {
        const a = operand(null, m, k, tA, m * 31 + k);
        const b = operand(null, k, n, tB, n * 17 + k);
        expectParity(g.matMul(a, b, tA, tB), cpu.matMul(a, b, tA, tB), `matMul m${m} k${k} n${n} tA ${tA} tB ${tB}`, { tol: sumTol(k) });
      }
    }
  });

  it('batchMatMul with either operand shared by every product, odd and even m and n, for every transpose pair', () => {
    for (const [aBatch, bBatch] of [[3, 3], [1, 3], [3, 1]]) {
      for (const [m, k, n] of [[5, 7, 6], [6, 7, 5], [3, 2, 1], [1, 5, 3]]) {
        for (const [tA, tB] of pairs) {
          const a = operand(aBatch, m, k, tA, aBatch * 7 + m);
          const b = operand(bBatch, k, n, tB, bBatch * 5 + n);
          const what = `batchMatMul ${aBatch}x${bBatch} m${m} k${k} n${n} tA ${tA} tB ${tB}`;
          expectParity(g.batchMatMul(a, b, tA, tB), cpu.batchMatMul(a, b, tA, tB), what, { tol: sumTol(k) });
        }
      }
    }
  });

  it('int32 operands give an exact int32 product', () => {
    const a = new Tensor([3, 5], 'int32', Int32Array.from({ length: 15 }, (_, i) => i - 7));
    const b = new Tensor([5, 2], 'int32', Int32Array.from({ length: 10 }, (_, i) => 3 * i - 11));
    const got = g.matMul(a, b, false, false);
    expect(got.dtype).toBe('int32');
    expect(Array.from(got.dataSync())).toEqual(Array.from(cpu.matMul(a, b, false, false).dataSync()));
  });

  it('an Infinity or NaN reaches only the outputs whose sums hold it', () => {
    const a = new Tensor([2, 3], 'float32', Float32Array.from([Infinity, 1, 2, 3, NaN, 5]));
    const b = new Tensor([3, 5], 'float32', Float32Array.from([1, 0, 2, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]));
    expect(Array.from(g.matMul(a, b, false, false).dataSync())).toEqual(Array.from(cpu.matMul(a, b, false, false).dataSync()));
    // Odd m and n: the last row's and the last column's blocks read them twice, and keep their Infinity and NaN.
    const a3 = new Tensor([3, 2], 'float32', Float32Array.from([1, 2, 3, 4, Infinity, 5]));
    const b3 = new Tensor([2, 3], 'float32', Float32Array.from([1, 2, NaN, 1, 1, 1]));
    expect(Array.from(g.matMul(a3, b3, false, false).dataSync())).toEqual([3, 4, NaN, 7, 10, NaN, Infinity, Infinity, NaN]);
  });
});
