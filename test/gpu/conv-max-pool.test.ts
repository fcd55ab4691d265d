import { expect, it } from 'vitest';
import { describeGpu, gpu } from './gpu-context';
import { cpu, expectParity, sumTol } from './parity';
import { uniformTensor } from './random-data';
import { GpuData } from '../../src/backend/gpu/device-data';
import type { Tensor } from '../../src/tensor/tensor';

type Act = 'relu' | 'linear';
const STRIDE_1: [number, number] = [1, 1];
const WINDOW: [number, number] = [2, 2];

// Shapes the cpu backend runs on its direct kernels (valid, channels a multiple of 8), odd convolution sizes included.
const CASES: { x: number[]; filter: number[]; act: Act }[] = [
  { x: [2, 9, 8, 2], filter: [3, 3, 2, 8], act: 'relu' },
  { x: [3, 12, 11, 1], filter: [3, 3, 1, 16], act: 'linear' },
  { x: [1, 6, 7, 3], filter: [2, 3, 3, 8], act: 'relu' },
];

describeGpu('gpu conv2d + bias + activation + 2×2 max-pool, forward and backward', () => {
  const g = gpu!;

  it('matches the cpu backend, and gives the gpu\'s own composed kernels\' values', () => {
    CASES.forEach((c, i) => {
      const what = `${c.act} x [${c.x}] filter [${c.filter}]`;
      const [x, filter, bias] = [uniformTensor(c.x, 10 * i), uniformTensor(c.filter, 10 * i + 1), uniformTensor([c.filter[3]], 10 * i + 2)];
      const terms = c.filter[0] * c.filter[1] * c.filter[2];
      const yCpu = cpu.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', c.act, true) as Tensor;
      const yGpu = g.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', c.act, true) as Tensor;
      // The composed ops on the gpu: conv2d, biasActivation, maxPool.
      const z = g.biasActivation(g.conv2d(x, filter, STRIDE_1, 'valid'), bias, c.act);
      expect(Array.from(yGpu.dataSync()), what).toEqual(Array.from(g.maxPool(z, WINDOW, WINDOW, 'valid').dataSync()));
      expectParity(g.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', c.act, true) as Tensor, yCpu, `forward ${what}`, { tol: sumTol(terms) });

      const dy = uniformTensor(yCpu.shape, 10 * i + 3);
      const need: [boolean, boolean] = [true, true];
      const want = cpu.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, yCpu, STRIDE_1, 'valid', c.act, need);
      const got = g.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, yGpu, STRIDE_1, 'valid', c.act, need);
      for (const t of [got.dx, got.dfilter, got.dbias]) expect(t?.storage, `${what}: results stay on the device`).toBeInstanceOf(GpuData);
      const { dx: dz, dbias } = g.biasActivationBackprop(g.maxPoolBackprop(dy, z, null, WINDOW, WINDOW, 'valid'), z, c.act);
      expect(Array.from((got.dfilter as Tensor).dataSync()), what).toEqual(Array.from(g.conv2dBackpropFilter(x, dz, filter.shape, STRIDE_1, 'valid').dataSync()));
      expect(Array.from((got.dx as Tensor).dataSync()), what).toEqual(Array.from(g.conv2dBackpropInput(dz, filter, x.shape, STRIDE_1, 'valid').dataSync()));
      expect(Array.from(got.dbias.dataSync()), what).toEqual(Array.from(dbias.dataSync()));
      const pixels = c.x[0] * (c.x[1] - c.filter[0] + 1) * (c.x[2] - c.filter[1] + 1);
      expectParity(got.dbias, want.dbias, `dbias ${what}`, { tol: sumTol(pixels), onDevice: false });
      expectParity(got.dfilter as Tensor, want.dfilter as Tensor, `dfilter ${what}`, { tol: sumTol(pixels), onDevice: false });
      expectParity(got.dx as Tensor, want.dx as Tensor, `dx ${what}`, { tol: sumTol(terms), onDevice: false });
      const without = g.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, yGpu, STRIDE_1, 'valid', c.act, [false, true]);
      expect(without.dx).toBeNull();
    });
  });
});
