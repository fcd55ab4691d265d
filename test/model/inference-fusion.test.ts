import { afterAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { createCpuBackend, createJsCpuBackend } from '../../src/backend/cpu/cpu-backend';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { Random } from '../../src/util/random';

/** A conv (filters a multiple of 8, so the direct kernel takes it) and a 2×2 pool, odd sizes so windows drop cells. */
function convPoolModel(activation: 'relu' | 'linear', filters: number, head: 'softmax' | 'linear' = 'softmax'): tn.Sequential {
  return tn.sequential({ layers: [
    tn.layers.conv2d({ filters, kernelSize: 3, activation, inputShape: [11, 9, 2], kernelInitializer: tn.initializers.glorotUniform({ seed: 1 }), biasInitializer: tn.initializers.randomNormal({ stddev: 0.2, seed: 2 }) }),
    tn.layers.maxPooling2d({ poolSize: 2 }),
    tn.layers.flatten(),
    tn.layers.dense({ units: 3, activation: head, kernelInitializer: tn.initializers.glorotUniform({ seed: 3 }) }),
  ] });
}

function images(n: number): tn.Tensor {
  const r = new Random(4);
  return tn.tensor(Float32Array.from({ length: n * 11 * 9 * 2 }, () => (r.next() < 0.3 ? 0 : r.uniform(-1, 1))), [n, 11, 9, 2]);
}

/** The model's layers applied one at a time (no fusion). */
function layerByLayer(model: tn.Sequential, x: tn.Tensor): Float32Array {
  return tn.tidy(() => model.layers.reduce((y, l) => l.apply(y), x).dataSync() as Float32Array);
}

const bits = (a: Float32Array): number[] => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('inference runs conv + activation + 2×2 max-pool as one op', () => {
  afterAll(() => {
    registerBackend('cpu', createCpuBackend);
    setBackend('cpu');
  });

  for (const [name, make] of [['wasm-simd kernels (direct conv)', createCpuBackend], ['JS kernels (conv, then pool)', createJsCpuBackend]] as const) {
    it(`gives the bits of the layers run one by one, on the ${name}`, () => {
      registerBackend('cpu', make);
      setBackend('cpu');
      for (const [act, filters] of [['relu', 16], ['linear', 8], ['relu', 12]] as const) {
        const model = convPoolModel(act, filters);
        const x = images(7);
        expect(bits(model.predict(x, { batchSize: 3 }).dataSync() as Float32Array)).toEqual(bits(layerByLayer(model, x)));
      }
    });
  }

  it('still differentiates through the pair when a gradient is taken', () => {
    const model = convPoolModel('relu', 8, 'linear');
    const x = images(2);
    const f = (input: tn.Tensor): tn.Tensor => tn.sum(model.apply(input));
    const g = tn.grad(f)(x);
    // Central difference along g itself: (f(x + εg) − f(x − εg)) / 2ε ≈ |g|² (the max-pool's choice is stable for small ε).
    const eps = 1e-3;
    const along = (sign: number): number => tn.tidy(() => f(tn.add(x, tn.mul(g, tn.scalar(sign * eps)))).dataSync()[0]);
    const norm2 = Array.from(g.dataSync()).reduce((s, v) => s + v * v, 0);
    expect(norm2).toBeGreaterThan(0);
    expect((along(1) - along(-1)) / (2 * eps)).toBeCloseTo(norm2, 1);
  });
});
