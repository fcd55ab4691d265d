import { afterAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { CpuBackend, createCpuBackend } from '../../src/backend/cpu/cpu-backend';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { setGemmThreads, simdKernels } from '../../kernels/cpu/wasm/index';
import { seedModel } from '../../examples/seed-model';
import { syntheticMnist } from '../../bench/seed-model';

/** The seed model trained on a few batches, then its weights and predictions as raw bits. */
async function trainedBits(): Promise<number[]> {
  tn.setRandomSeed(7);
  const model = seedModel(tn);
  const { images, labels } = syntheticMnist(96, 3);
  const x = tn.tensor(images, [96, 28, 28, 1]);
  const y = tn.tensor(labels, [96]);
  await model.fit(x, y, { epochs: 1, batchSize: 32, shuffle: false, verbose: 0 });
  const values = [...model.getWeights(), model.predict(x, { batchSize: 48 })].map((t) => t.dataSync() as Float32Array);
  model.dispose();
  return values.flatMap((v) => Array.from(new Uint32Array(v.buffer, v.byteOffset, v.length)));
}

describe('seed model training is bit-for-bit reproducible', () => {
  afterAll(async () => {
    registerBackend('cpu', createCpuBackend);
    setBackend('cpu');
    await setGemmThreads(2);
  });

  it('with one thread and with two, and with the direct conv kernels or im2col + GEMM', async () => {
    registerBackend('cpu', createCpuBackend);
    setBackend('cpu');
    await setGemmThreads(2);
    const two = await trainedBits();
    await setGemmThreads(1);
    const one = await trainedBits();
    expect(one).toEqual(two);
    // The same SIMD kernels without the direct convolutions: im2col + GEMM (+ a separate max-pool when predicting).
    const { convDirect: _d, convFilterDirect: _f, ...viaIm2col } = simdKernels();
    registerBackend('cpu', () => new CpuBackend(viaIm2col, () => 'wasm-simd via im2col'));
    setBackend('cpu');
    expect(await trainedBits()).toEqual(two);
  }, 60_000);
});
