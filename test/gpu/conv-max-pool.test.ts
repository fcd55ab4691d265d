import { expect, it, vi } from 'vitest';
import { describeGpu, gpu } from './gpu-context';
import { cpu, expectParity, sumTol } from './parity';
import { uniformTensor } from './random-data';
import { expectAllClose } from '../allclose';
import { GpuData } from '../../src/backend/gpu/device-data';
import { KernelCache } from '../../src/backend/gpu/kernel-cache';
import { GpuBackend } from '../../src/backend/gpu/gpu-backend';
import { loadedGpuJs } from '../../src/backend/gpu/gpujs';
import type { GpuContext } from '../../src/backend/gpu/context';
import { Tensor as HostTensor } from '../../src/tensor/tensor';

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
      const yCpu = cpu.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', c.act, true) as HostTensor;
      const yGpu = g.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', c.act, true) as HostTensor;
      // The composed ops on the gpu: conv2d, biasActivation, maxPool.
      const z = g.biasActivation(g.conv2d(x, filter, STRIDE_1, 'valid'), bias, c.act);
      expect(Array.from(yGpu.dataSync()), what).toEqual(Array.from(g.maxPool(z, WINDOW, WINDOW, 'valid').dataSync()));
      expectParity(g.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', c.act, true) as HostTensor, yCpu, `forward ${what}`, { tol: sumTol(terms) });

      const dy = uniformTensor(yCpu.shape, 10 * i + 3);
      const need: [boolean, boolean] = [true, true];
      const want = cpu.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, yCpu, STRIDE_1, 'valid', c.act, need);
      const got = g.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, yGpu, STRIDE_1, 'valid', c.act, need);
      for (const t of [got.dx, got.dfilter, got.dbias]) expect(t?.storage, `${what}: results stay on the device`).toBeInstanceOf(GpuData);
      const { dx: dz, dbias } = g.biasActivationBackprop(g.maxPoolBackprop(dy, z, null, WINDOW, WINDOW, 'valid'), z, c.act);
      expect(Array.from((got.dfilter as HostTensor).dataSync()), what).toEqual(Array.from(g.conv2dBackpropFilter(x, dz, filter.shape, STRIDE_1, 'valid').dataSync()));
      expect(Array.from((got.dx as HostTensor).dataSync()), what).toEqual(Array.from(g.conv2dBackpropInput(dz, filter, x.shape, STRIDE_1, 'valid').dataSync()));
      expect(Array.from(got.dbias.dataSync()), what).toEqual(Array.from(dbias.dataSync()));
      const pixels = c.x[0] * (c.x[1] - c.filter[0] + 1) * (c.x[2] - c.filter[1] + 1);
      expectParity(got.dbias, want.dbias, `dbias ${what}`, { tol: sumTol(pixels), onDevice: false });
      expectParity(got.dfilter as HostTensor, want.dfilter as HostTensor, `dfilter ${what}`, { tol: sumTol(pixels), onDevice: false });
      expectParity(got.dx as HostTensor, want.dx as HostTensor, `dx ${what}`, { tol: sumTol(terms), onDevice: false });
      const without = g.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, yGpu, STRIDE_1, 'valid', c.act, [false, true]);
      expect(without.dx).toBeNull();
    });
  });

  // Small whole numbers tie within windows (and, through relu, at 0): the first cell in window order wins, as on cpu.
  const whole = (shape: number[], seed: number, top: number): HostTensor =>
    new HostTensor(shape, 'float32', uniformTensor(shape, seed, 0, top).dataSync().map(Math.floor));

  it('routes the backward pass through the winners the forward pass kept, ties included, without computing the convolution again', () => {
    for (const act of ['relu', 'linear'] as const) {
      const what = `${act} with ties`;
      const [x, filter, bias] = [whole([2, 7, 9, 3], 50, 2), whole([2, 2, 3, 8], 51, 2), new HostTensor([8], 'float32', Float32Array.from([0, -1, -2, 1, -4, 0, 2, -3]))];
      const yCpu = cpu.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', act, true) as HostTensor;
      const yGpu = g.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', act, true) as HostTensor;
      const dy = uniformTensor(yCpu.shape, 52);
      const want = cpu.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, yCpu, STRIDE_1, 'valid', act, [true, true]);
      const run = vi.spyOn(KernelCache.prototype, 'run');
      const got = g.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, yGpu, STRIDE_1, 'valid', act, [true, true]);
      const ran = run.mock.calls.map((c) => c[0]);
      run.mockRestore();
      // Read after the backward pass: reading y moves its values to the host, and the winners go with the texture.
      expect(Array.from(yGpu.dataSync()), what).toEqual(Array.from(yCpu.dataSync()));
      expect(ran, what).not.toContain('conv2d');
      expect(ran, what).not.toContain('maxPoolBackprop');
      expectParity(got.dbias, want.dbias, `dbias ${what}`, { tol: sumTol(2 * 6 * 8) });
      expectParity(got.dfilter as HostTensor, want.dfilter as HostTensor, `dfilter ${what}`, { tol: sumTol(2 * 6 * 8) });
      expectParity(got.dx as HostTensor, want.dx as HostTensor, `dx ${what}`, { tol: sumTol(12) });
    }
  });

  it('pools inside the convolution\'s kernel when no backward pass follows: the composed kernels\' values, no pre-pool tensor', () => {
    const nan = (t: HostTensor, at: number[]): HostTensor => new HostTensor(t.shape, 'float32', t.dataSync().map((v, i) => (at.includes(i) ? NaN : v)));
    const cases: { what: string; x: HostTensor; filter: HostTensor; bias: HostTensor; strides: [number, number]; pad: 'valid' | 'same' }[] = [
      ...CASES.map((c, i) => ({ what: `${c.act} x [${c.x}] filter [${c.filter}]`, x: uniformTensor(c.x, 70 + i), filter: uniformTensor(c.filter, 80 + i), bias: uniformTensor([c.filter[3]], 90 + i), strides: STRIDE_1, pad: 'valid' as const })),
      // Padding read, stride 2, 6 channels (a last quad of 2), odd sizes; ties, and NaN first and later in windows.
      { what: 'same, stride 2, 6 channels', x: uniformTensor([2, 11, 10, 3], 100), filter: uniformTensor([3, 3, 3, 6], 101), bias: uniformTensor([6], 102), strides: [2, 2], pad: 'same' },
      { what: 'ties', x: whole([2, 7, 9, 3], 103, 2), filter: whole([2, 2, 3, 8], 104, 2), bias: new HostTensor([8], 'float32', Float32Array.from([0, -1, -2, 1, -4, 0, 2, -3])), strides: STRIDE_1, pad: 'valid' },
      { what: 'NaN', x: nan(uniformTensor([1, 8, 8, 1], 105), [0, 11, 18, 30, 45]), filter: uniformTensor([2, 2, 1, 4], 106), bias: uniformTensor([4], 107), strides: STRIDE_1, pad: 'valid' },
    ];
    for (const act of ['relu', 'linear'] as const) {
      for (const { what, x, filter, bias, strides, pad } of cases) {
        const composed = g.maxPool(g.biasActivation(g.conv2d(x, filter, strides, pad), bias, act), WINDOW, WINDOW, 'valid');
        const run = vi.spyOn(KernelCache.prototype, 'run');
        const run4 = vi.spyOn(KernelCache.prototype, 'run4');
        const y = g.conv2dBiasActivationMaxPool(x, filter, bias, strides, pad, act, false) as HostTensor;
        const ran = [...run.mock.calls, ...run4.mock.calls].map((c) => c[0]);
        run.mockRestore();
        run4.mockRestore();
        expect(ran, `${act} ${what}`).toContain('conv2dMaxPool');
        for (const composedKernel of ['conv2d', 'biasActivation', 'relu', 'maxPool']) expect(ran, `${act} ${what}`).not.toContain(composedKernel);
        expect(y.shape, `${act} ${what}`).toEqual(composed.shape);
        expect(Array.from(y.dataSync()), `${act} ${what}`).toEqual(Array.from(composed.dataSync()));
      }
    }
  });

  it('on WebGL2, gives a convolution a host input as a texture of one value a texel, uploaded once a call', () => {
    // The WebGL2 backend's layout on this context (one value a texel needs no R32F: gpu.js pads RGBA there).
    const gpujs = loadedGpuJs()!;
    const context = (g as unknown as { context: GpuContext }).context;
    const g2 = new GpuBackend(gpujs, { ...context, mode: 'webgl2' }, g.renderer, g.hardware) as unknown as typeof g;
    const [x, filter, bias] = [uniformTensor([2, 9, 8, 3], 110), uniformTensor([3, 3, 3, 8], 111), uniformTensor([8], 112)];
    const dy = uniformTensor([2, 7, 6, 8], 113);
    const run = vi.spyOn(KernelCache.prototype, 'run');
    const run4 = vi.spyOn(KernelCache.prototype, 'run4');
    const pooled = g2.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', 'relu', false) as HostTensor;
    const dfilter = g2.conv2dBackpropFilter(x, dy, filter.shape, STRIDE_1, 'valid');
    const conv = g2.conv2d(x, filter, STRIDE_1, 'valid');
    const reads = run4.mock.calls.filter((c) => ['conv2dMaxPool', 'conv2dBackpropFilter', 'conv2d'].includes(c[0]));
    const uploads = run.mock.calls.filter((c) => c[0] === 'upload');
    run.mockRestore();
    run4.mockRestore();
    expect(reads.map((c) => c[0])).toEqual(['conv2dMaxPool', 'conv2dBackpropFilter', 'conv2d']);
    for (const c of reads) expect(c[4][0], c[0]).toBeInstanceOf(gpujs.Texture);
    expect(uploads).toHaveLength(3);
    expect(Array.from(pooled.dataSync())).toEqual(Array.from((g.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', 'relu', false) as HostTensor).dataSync()));
    expectAllClose(dfilter.dataSync(), cpu.conv2dBackpropFilter(x, dy, filter.shape, STRIDE_1, 'valid').dataSync(), sumTol(2 * 7 * 6), 'dfilter');
    expectAllClose(conv.dataSync(), cpu.conv2d(x, filter, STRIDE_1, 'valid').dataSync(), sumTol(27), 'conv2d');
  });

  it('finds the winners again for an output made without them, or disposed', () => {
    const [x, filter, bias] = [uniformTensor([2, 8, 7, 2], 60), uniformTensor([3, 2, 2, 8], 61), uniformTensor([8], 62)];
    const yCpu = cpu.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', 'relu', true) as HostTensor;
    const dy = uniformTensor(yCpu.shape, 63);
    const want = cpu.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, yCpu, STRIDE_1, 'valid', 'relu', [true, true]);
    const plain = g.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', 'relu', false) as HostTensor;
    const disposed = g.conv2dBiasActivationMaxPool(x, filter, bias, STRIDE_1, 'valid', 'relu', true) as HostTensor;
    disposed.dispose();
    for (const [y, what] of [[plain, 'made without winners'], [disposed, 'disposed']] as const) {
      const got = g.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, y, STRIDE_1, 'valid', 'relu', [true, true]);
      expectAllClose(got.dx!.dataSync(), want.dx!.dataSync(), sumTol(12), `dx ${what}`);
      expectAllClose(got.dfilter!.dataSync(), want.dfilter!.dataSync(), sumTol(2 * 6 * 6), `dfilter ${what}`);
      expectAllClose(got.dbias.dataSync(), want.dbias.dataSync(), sumTol(2 * 6 * 6), `dbias ${what}`);
    }
  });
});
