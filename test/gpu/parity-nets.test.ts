import { it } from 'vitest';
import fc from 'fast-check';
import { describeGpu, gpu } from './gpu-context';
import { RUNS, cpu, expectParity, sumTol } from './parity';
import { uniformTensor } from './random-data';

const dim = (max: number) => fc.integer({ min: 1, max });

describeGpu('gpu network kernels against cpu', () => {
  const g = gpu!;

  it('batchMatMul, every transpose combination, shared or per-product matrices', () => {
    const shared = fc.constantFrom('none', 'a', 'b');
    fc.assert(fc.property(dim(4), dim(9), dim(12), dim(9), fc.boolean(), fc.boolean(), shared, fc.nat(), (batch, m, k, n, tA, tB, one, seed) => {
      const a = uniformTensor([one === 'a' ? 1 : batch, ...(tA ? [k, m] : [m, k])], seed);
      const b = uniformTensor([one === 'b' ? 1 : batch, ...(tB ? [n, k] : [k, n])], seed + 1);
      const what = `batchMatMul batch ${batch} m${m} k${k} n${n} tA ${tA} tB ${tB} shared ${one}`;
      expectParity(g.batchMatMul(a, b, tA, tB), cpu.batchMatMul(a, b, tA, tB), what, { tol: sumTol(k) });
    }), RUNS);
  });
});
