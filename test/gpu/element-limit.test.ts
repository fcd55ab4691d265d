import { expect, it } from 'vitest';
import { Tensor } from '../../src/tensor/tensor';
import { describeGpu, gpu } from './gpu-context';

// gpu kernels compute element indices in float32, exact only up to 2^24: a [5000, 5000] matMul read and wrote the
// wrong elements from index 16,777,217 on, silently. Such kernels are refused, naming the limit.

describeGpu('gpu kernels over more than 2^24 elements', () => {
  const g = gpu!;
  const big = new Tensor([2 ** 24 + 1], 'float32', new Float32Array(2 ** 24 + 1));

  it('are refused, as an output or as an input, with the limit and the cpu backend named', () => {
    expect(() => g.unary('neg', big)).toThrow(/neg over 16777217 elements exceeds the 16777216 \(2\^24\).*cpu backend/);
    expect(() => g.reduce('sum', big, [0])).toThrow(/16777217 elements/);
  });

  it('a host data set past the limit gives its batches (the slices and gathers fit takes) read on the host', () => {
    const rows = 2 ** 14 + 3;
    const values = new Float32Array(rows * 1024);
    for (let i = 0; i < values.length; i++) values[i] = i % 1000;
    const data = new Tensor([rows, 1024], 'float32', values);
    // Row 16,385 starts at element 16,778,240, where float32 indices would land on a neighbour.
    const batch = g.gatherStrided(data, [2, 4], 16385 * 1024 + 1, [1024, 1]);
    expect(Array.from(batch.dataSync())).toEqual([241, 242, 243, 244, 265, 266, 267, 268]);
    const picked = g.gather(data, new Tensor([2], 'int32', Int32Array.from([16386, 1])), 0);
    expect(picked.shape).toEqual([2, 1024]);
    expect(Array.from(picked.dataSync().slice(0, 3))).toEqual([264, 265, 266]);
    expect(Array.from(picked.dataSync().slice(1024, 1027))).toEqual([24, 25, 26]);
    expect(Array.from(g.unary('neg', batch).dataSync())).toEqual([-241, -242, -243, -244, -265, -266, -267, -268]);
  });

  it('a [4097, 4096] product, one row past the limit, is refused rather than wrong', () => {
    const a = new Tensor([4097, 1], 'float32', new Float32Array(4097).fill(1));
    const b = new Tensor([1, 4096], 'float32', new Float32Array(4096).fill(1));
    expect(() => g.matMul(a, b, false, false)).toThrow(/matMul over 16781312 elements/);
  });
});
