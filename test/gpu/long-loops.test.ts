import { expect, it } from 'vitest';
import { Tensor } from '../../src/tensor/tensor';
import { describeGpu, gpu } from './gpu-context';
import { cpu, expectParity, sumTol } from './parity';

// Mesa's llvmpipe stops a shader's loops after 65,535 iterations counted over the fragments one call computes
// (about 16,383 a thread with four), so a kernel whose thread looped over a long inner dimension returned a
// partial sum, silently: each case here was wrong on llvmpipe before such loops were split into parts
// (kernels/gpu/loop-parts.ts). Sums of ones are hand-computed: they are exact in float32.

const filled = (shape: number[], f: (i: number) => number, dtype: 'float32' | 'int32' = 'float32'): Tensor => {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = dtype === 'int32' ? Int32Array.from({ length: size }, (_, i) => f(i)) : Float32Array.from({ length: size }, (_, i) => f(i));
  return new Tensor(shape, dtype, values);
};
const ones = (shape: number[], dtype: 'float32' | 'int32' = 'float32'): Tensor => filled(shape, () => 1, dtype);
const values = (t: Tensor): number[] => {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
};

describeGpu('gpu kernels whose threads would loop past 16k times', () => {
  const g = gpu!;

  it('matMul and batchMatMul over an inner dimension of 20,000 and 40,000', () => {
    expect(values(g.matMul(ones([3, 40000]), ones([40000, 5]), false, false))).toEqual(new Array(15).fill(40000));
    expect(values(g.matMul(ones([40000, 3]), ones([2, 40000]), true, true))).toEqual(new Array(6).fill(40000));
    const ints = g.matMul(ones([2, 20000], 'int32'), ones([20000, 2], 'int32'), false, false);
    expect(ints.dtype).toBe('int32');
    expect(values(ints)).toEqual([20000, 20000, 20000, 20000]);
    expect(values(g.batchMatMul(ones([2, 3, 20000]), ones([1, 20000, 4]), false, false))).toEqual(new Array(24).fill(20000));
    const a = filled([2, 17000], (i) => Math.sin(i)), b = filled([17000, 3], (i) => Math.cos(i));
    expectParity(g.matMul(a, b, false, false), cpu.matMul(a, b, false, false), 'matMul k=17000', { tol: sumTol(17000) });
  });

  it('conv2d over 20,000 and 3×3×2,048 input channels, and its input gradient over 20,000 output channels', () => {
    expect(values(g.conv2d(ones([1, 2, 2, 20000]), ones([1, 1, 20000, 2]), [1, 1], 'valid'))).toEqual(new Array(8).fill(20000));
    // 'same' over a 3×3 image: the centre sees nine taps, an edge six, a corner four.
    const taps = [4, 6, 4, 6, 9, 6, 4, 6, 4];
    expect(values(g.conv2d(ones([1, 3, 3, 2048]), ones([3, 3, 2048, 1]), [1, 1], 'same'))).toEqual(taps.map((t) => t * 2048));
    expect(values(g.conv2dBackpropInput(ones([1, 2, 2, 20000]), ones([1, 1, 1, 20000]), [1, 2, 2, 1], [1, 1], 'valid'))).toEqual([20000, 20000, 20000, 20000]);
  });

  it('the filter gradients of conv2d over a 140×140 image and of depthwiseConv2d over 8 images of 64×64', () => {
    // A 3×3 'same' tap sees every output (centre), all but one row or column (edges), or all but both (corners).
    const tapCounts = (n: number, h: number, w: number): number[] => [
      n * (h - 1) * (w - 1), n * (h - 1) * w, n * (h - 1) * (w - 1),
      n * h * (w - 1), n * h * w, n * h * (w - 1),
      n * (h - 1) * (w - 1), n * (h - 1) * w, n * (h - 1) * (w - 1),
    ];
    expect(values(g.conv2dBackpropFilter(ones([1, 140, 140, 1]), ones([1, 140, 140, 1]), [3, 3, 1, 1], [1, 1], 'same'))).toEqual(tapCounts(1, 140, 140));
    const depthwise = values(g.depthwiseConv2dBackpropFilter(ones([8, 64, 64, 2]), ones([8, 64, 64, 2]), [3, 3, 2, 1], [1, 1], 'same'));
    expect(depthwise).toEqual(tapCounts(8, 64, 64).flatMap((c) => [c, c]));
  });

  it('unsortedSegmentSum of 30,000 rows', () => {
    const ids = filled([30000], (i) => i % 3, 'int32');
    expect(values(g.unsortedSegmentSum(ones([30000, 2]), ids, 3, 0))).toEqual([10000, 10000, 10000, 10000, 10000, 10000]);
  });

  it('argMax and argMin along 70,000 values, NaN skipped except in first place, as on cpu', () => {
    const n = 70000;
    // Row 0: largest at the end, NaN at the start of the second part; row 1: NaN first, which wins; row 2: ties.
    const x = filled([3, n], (i) => {
      const [row, j] = [Math.floor(i / n), i % n];
      if (row === 0) return j === 4096 ? NaN : j;
      if (row === 1) return j === 0 ? NaN : j;
      return j % 30000 === 29999 ? 5 : 0;
    });
    expect(values(g.argReduce('argMax', x, 1))).toEqual([n - 1, 0, 29999]);
    expect(values(g.argReduce('argMin', x, 1))).toEqual([0, 0, 0]);
    const short = filled([2, 3], (i) => [NaN, 1, 2, 1, NaN, 2][i]);
    expect(values(g.argReduce('argMax', short, 1))).toEqual([0, 2]);
    const y = filled([n, 2], (i) => Math.sin(i * 0.37));
    for (const op of ['argMax', 'argMin'] as const) expect(values(g.argReduce(op, y, 0))).toEqual(values(cpu.argReduce(op, y, 0)));
  });

  it('scatterND of 20,000 index rows, and the pooling gradients of 16×16 windows at stride 1 (each cell in 256 windows, each searched)', () => {
    const n = 20000;
    const rows = filled([n, 1], (i) => i % 8, 'int32');
    expect(values(g.scatterND(rows, ones([n]), [8]))).toEqual(new Array(8).fill(2500));
    const x = filled([1, 32, 32, 2], (i) => Math.sin(i * 0.37));
    const dy = filled([1, 32, 32, 2], (i) => 1 + (i % 5));
    expectParity(g.maxPoolBackprop(dy, x, null, [16, 16], [1, 1], 'same'), cpu.maxPoolBackprop(dy, x, null, [16, 16], [1, 1], 'same'), 'maxPoolBackprop 16×16 stride 1', { tol: sumTol(256) });
    expectParity(g.avgPoolBackprop(dy, x.shape, [16, 16], [1, 1], 'same'), cpu.avgPoolBackprop(dy, x.shape, [16, 16], [1, 1], 'same'), 'avgPoolBackprop 16×16 stride 1', { tol: sumTol(256) });
    const big = filled([1, 64, 64, 1], (i) => Math.cos(i * 0.11));
    const dyBig = ones([1, 9, 9, 1]);
    expectParity(g.maxPoolBackprop(dyBig, big, null, [32, 32], [4, 4], 'valid'), cpu.maxPoolBackprop(dyBig, big, null, [32, 32], [4, 4], 'valid'), 'maxPoolBackprop 32×32 stride 4', { tol: sumTol(81) });
  });

  it('maxPool and avgPool over windows of 200×200 and 150×150 (same padding: some parts of a window lie outside the image); the gather form refuses such a window', () => {
    const ramp = filled([1, 200, 200, 2], (i) => i);
    expect(values(g.maxPool(ramp, [200, 200], [1, 1], 'valid'))).toEqual([79998, 79999]);
    const x = filled([1, 200, 200, 2], (i) => Math.sin(i * 0.013) * (1 + (i % 7)));
    for (const op of ['maxPool', 'avgPool'] as const) {
      expectParity(g[op](x, [200, 200], [1, 1], 'valid'), cpu[op](x, [200, 200], [1, 1], 'valid'), `${op} 200×200`, { tol: sumTol(40000) });
      expectParity(g[op](x, [150, 150], [50, 50], 'same'), cpu[op](x, [150, 150], [50, 50], 'same'), `${op} 150×150 same`, { tol: sumTol(22500) });
    }
    expect(() => g.maxPoolGather(x, x, [70, 70], [15, 15], 'same')).toThrow(/maxPoolGather on the gpu backend: a 70×70 window is more than the 4096 cells one gpu thread may visit; run it on the cpu backend/);
  });

  it('topk along 16,000 values on the device, and along 262,145 (past its kernel\'s reach) on the host', () => {
    const x = filled([2, 16000], (i) => (i * 7919) % 16001);
    expect(values(g.topkIndices(x, 4))).toEqual(values(cpu.topkIndices(x, 4)));
    // CenterNet's keypoint heatmap, [1, 1310720] with k 100, threw here: its ranks' counts exceeded 2^24.
    const long = filled([1, 262145], (i) => (i * 7919) % 262147);
    expect(values(g.topkIndices(long, 3))).toEqual(values(cpu.topkIndices(long, 3)));
  });
});
