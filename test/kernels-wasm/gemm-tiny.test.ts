import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { batchMatMul } from '../../kernels/cpu/batch-matmul';
import { gemmTinyFloat32 } from '../../kernels/cpu/gemm-tiny';
import { createSimdGemm, TINY_PRODUCT } from '../../kernels/cpu/wasm/gemm-simd';
import { randomFloat32 } from '../../bench/gemm-timing';

// The plain loop that small products take must give the SIMD micro-kernel's bits: checked against a SIMD gemm that
// sends every product to the module (tinyProduct 0).
describe('the tiny-product loop of the SIMD gemm', () => {
  const viaModule = createSimdGemm({ threads: 1, tinyProduct: 0 });
  const withLoop = createSimdGemm({ threads: 1 });
  afterAll(() => {
    viaModule.terminate();
    withLoop.terminate();
  });
  const small = fc.record({
    m: fc.integer({ min: 1, max: 9 }), n: fc.integer({ min: 1, max: 11 }), k: fc.integer({ min: 1, max: 12 }),
    transA: fc.boolean(), transB: fc.boolean(), accumulate: fc.boolean(), seed: fc.nat(), signedZero: fc.boolean(),
  });

  it('gives the module\'s bits on random small products, all transposes, accumulate on and off', () => {
    fc.assert(fc.property(small, ({ m, n, k, transA, transB, accumulate, seed, signedZero }) => {
      const a = randomFloat32(m * k, seed);
      const b = randomFloat32(k * n, seed + 1);
      if (signedZero) [a[0], b[0]] = [-0, 0];
      const c0 = randomFloat32(m * n, seed + 2);
      const [want, got, loop] = [c0.slice(), c0.slice(), c0.slice()];
      viaModule.gemm(a, b, want, m, n, k, transA, transB, accumulate);
      withLoop.gemm(a, b, got, m, n, k, transA, transB, accumulate);
      gemmTinyFloat32(a, b, loop, m, n, k, transA, transB, accumulate);
      for (let i = 0; i < m * n; i++) {
        expect(Object.is(got[i], want[i]), `C[${i}] ${got[i]} vs ${want[i]}`).toBe(true);
        expect(Object.is(loop[i], want[i]), `loop C[${i}] ${loop[i]} vs ${want[i]}`).toBe(true);
      }
    }), { seed: 49, numRuns: 400 });
  });

  it('gives a batch of products the module\'s bits, one operand shared or both batched', () => {
    const [batch, m, n, k] = [7, 2, 3, 4];
    for (const [aBatch, bBatch] of [[batch, batch], [1, batch], [batch, 1]]) {
      for (const [transA, transB] of [[false, false], [true, true]]) {
        const a = randomFloat32(aBatch * m * k, aBatch + 10);
        const b = randomFloat32(bBatch * k * n, bBatch + 20);
        const [want, got] = [new Float32Array(batch * m * n), new Float32Array(batch * m * n)];
        batchMatMul(viaModule.gemm, a, b, want, batch, aBatch, bBatch, m, n, k, transA, transB);
        withLoop.batchGemm(a, b, got, batch, aBatch, bBatch, m, n, k, transA, transB);
        expect(Array.from(got)).toEqual(Array.from(want));
      }
    }
  });

  it('gives the fused bias + relu bits of the module', () => {
    const [m, n, k] = [3, 5, 7];
    expect(m * n * k).toBeLessThanOrEqual(TINY_PRODUCT);
    const a = randomFloat32(m * k, 3);
    const b = randomFloat32(k * n, 4);
    const bias = randomFloat32(n, 5);
    const [want, got] = [new Float32Array(m * n), new Float32Array(m * n)];
    viaModule.gemmBiasActivation(a, b, want, m, n, k, false, true, bias, 'relu');
    withLoop.gemmBiasActivation(a, b, got, m, n, k, false, true, bias, 'relu');
    expect(Array.from(got)).toEqual(Array.from(want));
    expect(got.some((v) => v === 0) && got.some((v) => v > 0)).toBe(true);
  });
});
