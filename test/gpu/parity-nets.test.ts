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

  const poolCase = fc.record({
    batch: dim(3), inH: dim(9), inW: dim(9), channels: dim(4),
    fh: dim(3), fw: dim(3), sH: dim(3), sW: dim(3), pad: fc.constantFrom<'valid' | 'same'>('valid', 'same'), seed: fc.nat(),
  }).filter((c) => c.pad === 'same' || (c.fh <= c.inH && c.fw <= c.inW));

  it('avgPool forward and backward', () => {
    fc.assert(fc.property(poolCase, (c) => {
      const what = JSON.stringify(c);
      const x = uniformTensor([c.batch, c.inH, c.inW, c.channels], c.seed);
      const size: [number, number] = [c.fh, c.fw];
      const strides: [number, number] = [c.sH, c.sW];
      const y = cpu.avgPool(x, size, strides, c.pad);
      expectParity(g.avgPool(x, size, strides, c.pad), y, `avgPool ${what}`, { tol: sumTol(c.fh * c.fw) });
      const dy = uniformTensor(y.shape, c.seed + 1);
      expectParity(g.avgPoolBackprop(dy, x.shape, size, strides, c.pad), cpu.avgPoolBackprop(dy, x.shape, size, strides, c.pad), `avgPoolBackprop ${what}`, { tol: sumTol(c.fh * c.fw) });
    }), RUNS);
  });

  const depthwiseCase = fc.record({
    batch: dim(3), inH: dim(8), inW: dim(8), inC: dim(4), mult: dim(3),
    kh: dim(3), kw: dim(3), sH: dim(2), sW: dim(2), pad: fc.constantFrom<'valid' | 'same'>('valid', 'same'), seed: fc.nat(),
  }).filter((c) => c.pad === 'same' || (c.kh <= c.inH && c.kw <= c.inW));

  it('depthwiseConv2d forward, input gradient and filter gradient', () => {
    fc.assert(fc.property(depthwiseCase, (c) => {
      const what = JSON.stringify(c);
      const x = uniformTensor([c.batch, c.inH, c.inW, c.inC], c.seed);
      const w = uniformTensor([c.kh, c.kw, c.inC, c.mult], c.seed + 1);
      const strides: [number, number] = [c.sH, c.sW];
      const y = cpu.depthwiseConv2d(x, w, strides, c.pad);
      const dy = uniformTensor(y.shape, c.seed + 2);
      expectParity(g.depthwiseConv2d(x, w, strides, c.pad), y, `depthwiseConv2d ${what}`, { tol: sumTol(c.kh * c.kw) });
      expectParity(g.depthwiseConv2dBackpropInput(dy, w, x.shape, strides, c.pad), cpu.depthwiseConv2dBackpropInput(dy, w, x.shape, strides, c.pad), `depthwiseConv2dBackpropInput ${what}`, { tol: sumTol(c.kh * c.kw * c.mult) });
      expectParity(g.depthwiseConv2dBackpropFilter(x, dy, w.shape, strides, c.pad), cpu.depthwiseConv2dBackpropFilter(x, dy, w.shape, strides, c.pad), `depthwiseConv2dBackpropFilter ${what}`, { tol: sumTol(dy.size / dy.shape[3]) });
    }), RUNS);
  });
});
