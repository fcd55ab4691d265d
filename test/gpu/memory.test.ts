import { expect, it } from 'vitest';
import { GpuData } from '../../src/backend/gpu/device-data';
import { Tensor } from '../../src/tensor/tensor';
import { tidy } from '../../src/tensor/tidy';
import { describeGpu, gpu } from './gpu-context';
import { labelTensor, uniformTensor } from './random-data';

interface CountedGl {
  createTexture(): unknown;
  deleteTexture(t: unknown): void;
}

/** Counts GL textures created minus deleted on the backend's context, by wrapping the two calls. */
function textureCounter(context: unknown): () => number {
  const gl = context as CountedGl;
  let live = 0;
  const create = gl.createTexture.bind(gl), remove = gl.deleteTexture.bind(gl);
  gl.createTexture = () => { live++; return create(); };
  gl.deleteTexture = (t) => { live--; remove(t); };
  return () => live;
}

describeGpu('gpu backend memory and storage', () => {
  const g = gpu!;
  it('keeps texture memory flat across training-like steps', () => {
    const live = textureCounter((g as unknown as { context: { gpu: { context: unknown } } }).context.gpu.context);
    const w = uniformTensor([20, 6], 1), m = uniformTensor([20, 6], 2, 0, 0), v = uniformTensor([20, 6], 3, 0, 0);
    const counts: number[] = [];
    for (let step = 1; step <= 6; step++) {
      const loss = tidy(() => {
        const x = uniformTensor([16, 20], 10 + step);
        const logits = g.biasActivation(g.matMul(x, w, false, false), uniformTensor([6], 4), 'relu');
        const { losses, probs } = g.sparseSoftmaxCrossEntropy(logits, labelTensor(16, 6, step));
        const grad = g.matMul(x, g.binary('sub', probs, g.unary('step', logits)), true, false);
        g.adamUpdate(w, grad, m, v, { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, step });
        return g.reduce('sum', losses, [0]);
      });
      expect(Number.isFinite(loss.dataSync()[0])).toBe(true);
      loss.dispose();
      counts.push(live());
    }
    // The first steps compile kernels (each keeps one output texture); after that nothing accumulates.
    expect(counts.slice(2)).toEqual(counts.slice(2).map(() => counts[2]));
    for (const t of [w, m, v]) t.dispose();
  });

  it('optimizer updates give the tensors new device values and free the old ones', () => {
    const p = uniformTensor([9], 1), gr = uniformTensor([9], 2), m = uniformTensor([9], 3, 0, 0), v = uniformTensor([9], 4, 0, 0);
    const config = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, step: 1 };
    g.adamUpdate(p, gr, m, v, config);
    const first = p.storage as GpuData;
    expect(first).toBeInstanceOf(GpuData);
    g.adamUpdate(p, gr, m, v, { ...config, step: 2 });
    expect(first.isDeleted).toBe(true);
    expect(p.storage).not.toBe(first);
    for (const t of [p, m, v]) t.dispose();
  });

  it('shares values between tensors until the last one lets go', () => {
    const y = g.unary('exp', uniformTensor([5], 1));
    const data = y.storage as GpuData;
    const same = g.cast(y, 'float32');
    y.dispose();
    expect(data.isDeleted).toBe(false);
    expect(same.dataSync()).toHaveLength(5);
    same.dispose();
    expect(data.isDeleted).toBe(true);
  });

  it('reads values back only when asked', () => {
    const y = g.unary('neg', uniformTensor([4], 1));
    expect(y.storage).toBeInstanceOf(GpuData);
    const values = y.dataSync();
    expect(values).toBeInstanceOf(Float32Array);
    expect(y.storage).toBeInstanceOf(Float32Array);
    y.dispose();
  });

  it('refuses float64 with an error naming the op and the dtype', () => {
    const x = new Tensor([2], 'float64', Float64Array.from([1, 2]));
    expect(() => g.unary('exp', x)).toThrow(/exp got dtype float64.*float32 only/);
    expect(() => g.cast(uniformTensor([2], 1), 'float64')).toThrow(/cast got dtype float64/);
  });

  it('describes what runs: the context and the renderer', () => {
    expect(g.describe()).toMatch(/^gpu \((headlessgl|webgl2|webgl), .+\)$/);
  });
});
