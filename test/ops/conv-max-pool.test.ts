import { afterAll, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { CpuBackend, createCpuBackend } from '../../src/backend/cpu/cpu-backend';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { jsKernels } from '../../kernels/cpu/kernel-set';
import { convDirect, convFilterDirect } from '../../kernels/cpu/conv-direct';
import { unpoolActivationBackprop } from '../../kernels/cpu/pool';
import { conv2dMaxPool } from '../../src/ops/conv-max-pool';
import { Random } from '../../src/util/random';
import { expectGradOk, randTensor } from '../helpers';
import { hvpReport } from './hvp';

// While a gradient is taken, conv2d + bias + relu/linear + 2×2 max-pool is one recorded op whose backward pass
// runs fused kernels: its gradients must be the composed ops' (maxPool of fused.conv2d), bit for bit.

type Act = 'relu' | 'linear';
type DtypeF = 'float32' | 'float64';

/** Values on a coarse grid with many exact zeros, so windows tie and relu meets 0 (MNIST-like input). */
function gridTensor(shape: number[], seed: number, dtype: DtypeF, zeros = 0.3): tn.Tensor {
  const r = new Random(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tn.tensor(Array.from({ length: n }, () => (r.next() < zeros ? 0 : Math.round(r.uniform(-4, 4)) / 4)), shape, dtype);
}

/** x [2, 11, 9, 2] (a 9×7 convolution: a row and a column in no window), 16 filters of 3×3. */
function operands(dtype: DtypeF, seed: number): tn.Tensor[] {
  return [gridTensor([2, 11, 9, 2], seed, dtype), gridTensor([3, 3, 2, 16], seed + 1, dtype, 0.1), gridTensor([16], seed + 2, dtype, 0.2)];
}

const fusedLoss = (act: Act, weights: tn.Tensor, strides = 1) => (x: tn.Tensor, filter: tn.Tensor, bias: tn.Tensor): tn.Tensor =>
  tn.sum(tn.mul(conv2dMaxPool({ x, filter, strides, pad: 'valid', bias, activation: act }), weights));
const composedLoss = (act: Act, weights: tn.Tensor, strides = 1) => (x: tn.Tensor, filter: tn.Tensor, bias: tn.Tensor): tn.Tensor =>
  tn.sum(tn.mul(tn.maxPool(tn.fused.conv2d({ x, filter, strides, pad: 'valid', bias, activation: act }), 2, 2, 'valid'), weights));

/** Gradients as plain arrays (toEqual tells +0 from -0), for the inputs at `sources` (the others held constant). */
function gradients(loss: (x: tn.Tensor, f: tn.Tensor, b: tn.Tensor) => tn.Tensor, inputs: tn.Tensor[], sources: number[]): number[][] {
  return tn.tidy(() => {
    const f = (...free: tn.Tensor[]): tn.Tensor => {
      const all = inputs.slice();
      sources.forEach((s, i) => (all[s] = free[i]));
      return loss(all[0], all[1], all[2]);
    };
    return tn.grads(f)(sources.map((s) => inputs[s])).map((g) => Array.from(g.dataSync()));
  });
}

/** A cpu backend on the naive twins of every kernel the fused op runs (the JS kernels for the rest). */
const naiveTwins = (): CpuBackend => new CpuBackend({ ...jsKernels, convDirect, convFilterDirect, unpoolActivationBackprop }, () => 'naive twins');

function use(make: () => CpuBackend): CpuBackend {
  const be = make();
  registerBackend('cpu', () => be);
  setBackend('cpu');
  return be;
}

describe('conv2dMaxPool while a gradient is taken', () => {
  afterAll(() => {
    registerBackend('cpu', createCpuBackend);
    setBackend('cpu');
  });

  for (const [name, make] of [['SIMD kernels', createCpuBackend], ['naive twins', naiveTwins]] as const) {
    it(`gives the composed ops' gradients bit for bit (${name}; float32 and float64, relu and linear, with and without dx)`, () => {
      const be = use(make);
      const fast = vi.spyOn(be, 'conv2dBiasActivationMaxPoolBackprop');
      for (const dtype of ['float32', 'float64'] as const) {
        for (const act of ['relu', 'linear'] as const) {
          for (const sources of [[0, 1, 2], [1, 2]]) {
            const inputs = operands(dtype, 3);
            const weights = gridTensor([2, 4, 3, 16], 9, dtype, 0.1);
            const calls = fast.mock.calls.length;
            const got = gradients(fusedLoss(act, weights), inputs, sources);
            expect(fast.mock.calls.length).toBe(calls + 1);
            expect(fast.mock.calls[calls][8]).toEqual([sources.includes(0), true]);
            const want = gradients(composedLoss(act, weights), inputs, sources);
            got.forEach((g, i) => expect(g, `${dtype} ${act} input ${sources[i]}`).toEqual(want[i]));
            expect(got.flat().some((v) => v !== 0)).toBe(true);
          }
        }
      }
      fast.mockRestore();
    });
  }

  it('gives the composed ops\' gradients bit for bit with stride 2 over three input channels', () => {
    const be = use(createCpuBackend);
    const fast = vi.spyOn(be, 'conv2dBiasActivationMaxPoolBackprop');
    for (const dtype of ['float32', 'float64'] as const) {
      // x [2, 13, 11, 3], 3×3 stride 2: a 6×5 convolution, pooled to 3×2.
      const inputs = [gridTensor([2, 13, 11, 3], 31, dtype), gridTensor([3, 3, 3, 8], 32, dtype, 0.1), gridTensor([8], 33, dtype, 0.2)];
      const weights = gridTensor([2, 3, 2, 8], 34, dtype, 0.1);
      const got = gradients(fusedLoss('relu', weights, 2), inputs, [0, 1, 2]);
      expect(got).toEqual(gradients(composedLoss('relu', weights, 2), inputs, [0, 1, 2]));
    }
    expect(fast).toHaveBeenCalledTimes(2);
    fast.mockRestore();
  });

  it('gives the same float32 bits on the SIMD kernels as on their naive twins', () => {
    const run = (make: () => CpuBackend): number[][] => {
      use(make);
      return gradients(fusedLoss('relu', gridTensor([2, 4, 3, 16], 9, 'float32', 0.1)), operands('float32', 5), [0, 1, 2]);
    };
    expect(run(createCpuBackend)).toEqual(run(naiveTwins));
  });

  it('finds the window winners again when the pooled output was disposed before the backward pass', () => {
    const be = use(createCpuBackend);
    const [x, filter, bias] = operands('float32', 7);
    const dy = gridTensor([2, 4, 3, 16], 8, 'float32', 0.1);
    const run = (dispose: boolean): number[][] => {
      const y = be.conv2dBiasActivationMaxPool(x, filter, bias, [1, 1], 'valid', 'relu', true) as tn.Tensor;
      if (dispose) y.dispose();
      const { dx, dfilter, dbias } = be.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, y, [1, 1], 'valid', 'relu', [true, true]);
      return [dx, dfilter, dbias].map((t) => Array.from((t as tn.Tensor).dataSync()));
    };
    expect(run(true)).toEqual(run(false));
  });

  it('matches central differences in float64', () => {
    use(createCpuBackend);
    const weights = randTensor([1, 2, 1, 8], 21);
    for (const act of ['relu', 'linear'] as const) {
      expectGradOk(fusedLoss(act, weights), [randTensor([1, 6, 5, 2], 22), randTensor([3, 3, 2, 8], 23), randTensor([8], 24)]);
    }
  });

  it('differentiates twice through a model\'s conv2d + maxPooling2d pair: the Hessian-vector product matches central differences', () => {
    const be = use(createCpuBackend);
    const fast = vi.spyOn(be, 'conv2dBiasActivationMaxPoolBackprop');
    const init = (seed: number) => tn.initializers.glorotUniform({ seed });
    const model = tn.sequential({
      layers: [
        tn.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [7, 6, 2], dtype: 'float64', kernelInitializer: init(5), biasInitializer: tn.initializers.randomNormal({ stddev: 0.1, seed: 6 }) }),
        tn.layers.maxPooling2d({ poolSize: 2, dtype: 'float64' }),
        tn.layers.flatten({ dtype: 'float64' }),
        tn.layers.dense({ units: 3, dtype: 'float64', kernelInitializer: init(7) }),
      ],
    });
    const images = randTensor([3, 7, 6, 2], 11);
    const r = hvpReport(() => model.apply(images) as tn.Tensor, model.trainableWeights, 12);
    // The pair ran as the fused op: its fast backward ran for the gradients that were not themselves recorded.
    expect(fast).toHaveBeenCalled();
    expect(r.scale).toBeGreaterThan(1e-3);
    expect(r.maxError, r.where).toBeLessThan(1e-6);
    fast.mockRestore();
  });
});
