import { it } from 'vitest';
import fc from 'fast-check';
import type { Padding } from '../../src/backend/backend';
import { describeGpu, gpu } from './gpu-context';
import { RUNS, cpu, expectParity, sumTol } from './parity';
import { uniformTensor } from './random-data';
import { Tensor } from '../../src/tensor/tensor';

const dim = (max: number) => fc.integer({ min: 1, max });
const padArb = fc.constantFrom<Padding>('valid', 'same');

describeGpu('gpu matMul, conv2d and maxPool against cpu', () => {
  const g = gpu!;

  it('matMul, every transpose combination', () => {
    fc.assert(fc.property(dim(40), dim(70), dim(40), fc.boolean(), fc.boolean(), fc.nat(), (m, k, n, tA, tB, seed) => {
      const a = uniformTensor(tA ? [k, m] : [m, k], seed);
      const b = uniformTensor(tB ? [n, k] : [k, n], seed + 1);
      expectParity(g.matMul(a, b, tA, tB), cpu.matMul(a, b, tA, tB), `matMul m${m} k${k} n${n} tA ${tA} tB ${tB}`, { tol: sumTol(k) });
    }), RUNS);
  });

  const convCase = fc.record({
    batch: dim(3), inH: dim(9), inW: dim(9), inC: dim(4), outC: dim(5),
    kh: dim(3), kw: dim(3), sH: dim(2), sW: dim(2), pad: padArb, seed: fc.nat(),
  }).filter((c) => c.pad === 'same' || (c.kh <= c.inH && c.kw <= c.inW));

  it('conv2d forward, input gradient and filter gradient', () => {
    fc.assert(fc.property(convCase, (c) => {
      const what = JSON.stringify(c);
      const x = uniformTensor([c.batch, c.inH, c.inW, c.inC], c.seed);
      const w = uniformTensor([c.kh, c.kw, c.inC, c.outC], c.seed + 1);
      const strides: [number, number] = [c.sH, c.sW];
      const y = cpu.conv2d(x, w, strides, c.pad);
      expectParity(g.conv2d(x, w, strides, c.pad), y, `conv2d ${what}`, { tol: sumTol(c.kh * c.kw * c.inC) });
      const dy = uniformTensor(y.shape, c.seed + 2);
      expectParity(g.conv2dBackpropInput(dy, w, x.shape, strides, c.pad), cpu.conv2dBackpropInput(dy, w, x.shape, strides, c.pad), `conv2dBackpropInput ${what}`, { tol: sumTol(c.kh * c.kw * c.outC) });
      expectParity(g.conv2dBackpropFilter(x, dy, w.shape, strides, c.pad), cpu.conv2dBackpropFilter(x, dy, w.shape, strides, c.pad), `conv2dBackpropFilter ${what}`, { tol: sumTol(dy.size / c.outC) });
    }), RUNS);
  });

  // conv2d's forward and filter-gradient kernels compute 4 output channels a thread: channel counts around multiples
  // of 4 (the last group padded), strides, 'same' padding, and an input long enough to be summed in parts.
  it('conv2d forward and filter gradient over output channels that do not fill groups of 4, strided, padded, and in parts', () => {
    const cases: { x: number[]; w: number[]; strides: [number, number]; pad: Padding }[] = [
      { x: [2, 7, 6, 3], w: [3, 3, 3, 1], strides: [1, 1], pad: 'same' },
      { x: [1, 9, 8, 2], w: [2, 3, 2, 3], strides: [2, 1], pad: 'valid' },
      { x: [3, 5, 5, 1], w: [3, 3, 1, 6], strides: [2, 2], pad: 'same' },
      { x: [1, 6, 7, 5], w: [1, 2, 5, 9], strides: [1, 3], pad: 'same' },
      { x: [2, 4, 4, 8], w: [3, 3, 8, 4], strides: [1, 1], pad: 'valid' },
      { x: [1, 3, 3, 600], w: [3, 3, 600, 7], strides: [1, 1], pad: 'same' },
    ];
    cases.forEach((c, i) => {
      const what = JSON.stringify(c);
      const [x, w] = [uniformTensor(c.x, 70 + i), uniformTensor(c.w, 80 + i)];
      const y = cpu.conv2d(x, w, c.strides, c.pad);
      expectParity(g.conv2d(x, w, c.strides, c.pad), y, `conv2d ${what}`, { tol: sumTol(c.w[0] * c.w[1] * c.w[2]) });
      // An infinite dy in channel 0 sits beside the padding lanes of the previous pixel's last group: it reaches
      // only channel 0's weights.
      const dyValues = uniformTensor(y.shape, 90 + i).dataSync();
      dyValues[y.shape[3]] = Infinity;
      const dy = new Tensor(y.shape, 'float32', dyValues);
      expectParity(g.conv2dBackpropFilter(x, dy, w.shape, c.strides, c.pad), cpu.conv2dBackpropFilter(x, dy, w.shape, c.strides, c.pad), `conv2dBackpropFilter ${what}`, { tol: sumTol(dy.size / c.w[3]) });
    });
  });

  const poolCase = fc.record({
    batch: dim(3), inH: dim(9), inW: dim(9), channels: dim(4),
    fh: dim(3), fw: dim(3), sH: dim(3), sW: dim(3), pad: padArb, seed: fc.nat(),
  }).filter((c) => c.pad === 'same' || (c.fh <= c.inH && c.fw <= c.inW));

  it('maxPool forward and backward, and the adjoint of the backward (gather at the winners)', () => {
    fc.assert(fc.property(poolCase, (c) => {
      const what = JSON.stringify(c);
      const x = uniformTensor([c.batch, c.inH, c.inW, c.channels], c.seed);
      const size: [number, number] = [c.fh, c.fw];
      const strides: [number, number] = [c.sH, c.sW];
      const y = cpu.maxPool(x, size, strides, c.pad);
      expectParity(g.maxPool(x, size, strides, c.pad), cpu.maxPool(x, size, strides, c.pad), `maxPool ${what}`);
      const dy = uniformTensor(y.shape, c.seed + 1);
      expectParity(g.maxPoolBackprop(dy, x, y, size, strides, c.pad), cpu.maxPoolBackprop(dy, x, y, size, strides, c.pad), `maxPoolBackprop ${what}`);
      const src = uniformTensor(x.shape, c.seed + 2);
      expectParity(g.maxPoolGather(src, x, size, strides, c.pad), cpu.maxPoolGather(src, x, size, strides, c.pad), `maxPoolGather ${what}`);
    }), RUNS);
  });
});
