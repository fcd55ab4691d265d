import { describe, expect, it } from 'vitest';
import type { ResidentMemory } from '../../kernels/cpu/kernel-set';
import { sizeClass } from '../../kernels/cpu/wasm/block-allocator';
import { simdKernels } from '../../kernels/cpu/wasm/index';
import * as tn from '../../src/index';
import { createJsCpuBackend } from '../../src/backend/cpu/cpu-backend';
import { registerBackend } from '../../src/backend/registry';
import { Random } from '../../src/util/random';

// The cpu backend keeps float32 tensor values in the WebAssembly memory (resident arrays) so its kernels use
// them in place; these check that a block goes back exactly when no tensor can read it any more.

const memory = simdKernels().memory as ResidentMemory;
tn.setBackend('cpu');
const values = (t: tn.Tensor): Float32Array => (t as unknown as { hostValues(): Float32Array }).hostValues();

describe('resident tensor values on the cpu backend', () => {
  it('are where op results live; user tensors, copies, float64 and small results are not', () => {
    const n = 300;
    const x = tn.tensor(Array.from({ length: n }, (_, i) => (i % 2 ? -i : i)), [3, 100]);
    const y = tn.relu(x);
    expect(memory.isResident(values(x))).toBe(false);
    expect(memory.isResident(values(y))).toBe(true);
    expect(memory.isResident(y.dataSync())).toBe(false); // dataSync stays a copy
    expect(Array.from(y.dataSync())).toEqual(Array.from({ length: n }, (_, i) => (i % 2 ? 0 : i)));
    expect(memory.isResident(values(tn.relu(tn.tensor([1, 2], [2], 'float64'))))).toBe(false);
    // 256 elements or fewer: a plain array (cheaper to make and free than a block), with the same values.
    const small = tn.relu(tn.tensor(Array.from({ length: 256 }, (_, i) => i - 128), [256]));
    expect(values(small)).toBeInstanceOf(Float32Array);
    expect(memory.isResident(values(small))).toBe(false);
    expect(Array.from(small.dataSync())).toEqual(Array.from({ length: 256 }, (_, i) => Math.max(0, i - 128)));
    expect(memory.isResident(values(tn.relu(tn.tensor(Array.from({ length: 257 }, (_, i) => i), [257]))))).toBe(true);
    tn.dispose([x, y, small]);
  });

  it('hold a cast to float32 (a gradient mask), with the values cast converts to', () => {
    const signs = [3, -1, 0, NaN, 2];
    const mask = tn.cast(tn.greater(tn.tensor(Array.from({ length: 300 }, (_, i) => signs[i % 5]), [300]), 0), 'float32');
    expect(memory.isResident(values(mask))).toBe(true);
    expect(Array.from(mask.dataSync())).toEqual(Array.from({ length: 300 }, (_, i) => [1, 0, 0, 0, 1][i % 5]));
    const smallMask = tn.cast(tn.greater(tn.tensor(signs, [5]), 0), 'float32');
    expect(Array.from(smallMask.dataSync())).toEqual([1, 0, 0, 0, 1]);
    const ints = tn.cast(tn.tensor([2.7, -2.7, NaN, 1e10], [4]), 'int32');
    expect(Array.from(ints.dataSync())).toEqual([2, -2, 0, 1410065408]);
    const bools = tn.cast(tn.tensor([0.5, -0, NaN, 0], [4]), 'bool');
    expect(Array.from(bools.dataSync())).toEqual([1, 0, 1, 0]);
    tn.dispose([mask, smallMask, ints, bools]);
  });

  it('hold comparison results (bool bytes) and free them on dispose; a mask cast to float32 reads them in place', () => {
    const before = memory.inUse();
    const [x, one] = [tn.relu(tn.tensor(Array.from({ length: 300 }, (_, i) => (i % 7) - 3), [3, 100])), tn.scalar(1)];
    const withX = memory.inUse().bytes;
    const bools = tn.greater(x, one);
    const v = values(bools) as unknown as Uint8Array;
    expect(bools.dtype).toBe('bool');
    expect(v).toBeInstanceOf(Uint8Array);
    expect(memory.isResident(v)).toBe(true);
    expect(memory.inUse().bytes - withX).toBe(sizeClass(300)); // bytes, not floats
    const mask = tn.cast(bools, 'float32');
    expect(Array.from(mask.dataSync())).toEqual(Array.from({ length: 300 }, (_, i) => ((i % 7) - 3 > 1 ? 1 : 0)));
    tn.dispose([x, one, bools, mask]);
    expect(memory.isResident(v)).toBe(false);
    expect(memory.inUse()).toEqual(before);
  });

  it('are freed by dispose, and kept by a reshape until it is disposed too', () => {
    const before = memory.inUse().blocks;
    const y = tn.relu(tn.tensor(Array.from({ length: 300 }, (_, i) => (i % 2 ? -i : i)), [2, 150]));
    const r = y.reshape([150, 2]);
    const v = values(y);
    y.dispose();
    expect(memory.isResident(v)).toBe(true);
    expect(Array.from(r.dataSync())).toEqual(Array.from({ length: 300 }, (_, i) => (i % 2 ? 0 : i)));
    r.dispose();
    expect(memory.isResident(v)).toBe(false);
    expect(memory.inUse().blocks).toBe(before);
  });

  it("hold oneHot's float32 and int32 results, zeroed in the memory: a block another tensor wrote and freed reads as zeros", () => {
    const depth = 100;
    const ids = [3, -1, 99, 100, 0, 42];
    const expected = ids.flatMap((id) => Array.from({ length: depth }, (_, j) => (j === id ? 7 : 0)));
    for (const dtype of ['float32', 'int32'] as const) {
      for (let round = 0; round < 3; round++) {
        // Dirty blocks of the result's size class first, so that stale values would show through unzeroed.
        tn.dispose(Array.from({ length: 4 }, () => tn.relu(tn.fill([ids.length * depth], 5 + round))));
        const h = tn.oneHot(tn.tensor1d(ids, 'int32'), depth, 7, 0, dtype);
        expect(h.dtype).toBe(dtype);
        expect(memory.isResident(values(h))).toBe(true);
        expect(Array.from(h.dataSync())).toEqual(expected);
        h.dispose();
      }
    }
    // A nonzero off value is filled in a fresh array.
    const off = tn.oneHot(tn.tensor1d(ids, 'int32'), depth, 1, -2, 'int32');
    expect(memory.isResident(values(off))).toBe(false);
    expect(Array.from(off.dataSync())).toEqual(expected.map((v) => (v ? 1 : -2)));
    off.dispose();
  });

  it('are freed for everything a tidy made but what it returns', () => {
    const before = memory.inUse().blocks;
    // 20×20: past the size up to which results are plain arrays. x = I + J (J all ones), so relu(x)·2x = 2x² = 2(I + (n + 2)J).
    const n = 20;
    const x = tn.tensor(Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 2 : 1)), [n, n]);
    const out = tn.tidy(() => tn.matMul(tn.relu(x), tn.add(x, x)).reshape([n * n]));
    expect(memory.inUse().blocks).toBe(before + 1);
    expect(Array.from(out.dataSync())).toEqual(Array.from({ length: n * n }, (_, i) => 2 * (i % (n + 1) === 0 ? n + 3 : n + 2)));
    out.dispose();
    expect(memory.inUse().blocks).toBe(before);
  });

  it('hold variables and Adam slots after the first step, and a training step leaks no block', async () => {
    const r = new Random(3);
    const x = tn.tensor(Float32Array.from({ length: 64 * 36 }, () => r.next()), [64, 6, 6, 1]);
    const y = tn.tensor(Float32Array.from({ length: 64 }, () => r.int(3)), [64]);
    const model = tn.sequential({ layers: [
      tn.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 1] }),
      tn.layers.maxPooling2d({ poolSize: 2 }),
      tn.layers.flatten(),
      tn.layers.dense({ units: 3, activation: 'softmax' }),
    ] });
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0, seed: 1 });
    for (const w of model.trainableWeights) expect(memory.isResident(values(w))).toBe(true);
    const blocks = memory.inUse().blocks;
    await model.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, seed: 2 });
    expect(memory.inUse().blocks).toBe(blocks);
    // getWeights hands out the live (resident) weights, as TF.js, which later steps change; a clone keeps its values.
    const w = model.getWeights()[0];
    expect(w).toBe(model.trainableWeights[0]);
    expect(memory.isResident(values(w))).toBe(true);
    const [kept, before] = [w.clone(), w.dataSync()];
    await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0, seed: 3 });
    expect(Array.from(w.dataSync())).not.toEqual(Array.from(before));
    expect(Array.from(kept.dataSync())).toEqual(Array.from(before));
    kept.dispose();
    const p = model.predict(x);
    expect(memory.isResident(values(p))).toBe(false);
    model.dispose();
    tn.dispose([x, y, p]);
  });

  it('leave training bit-for-bit the same as on arrays outside the memory (same seed, same weights)', async () => {
    const run = async (): Promise<number[][]> => {
      const r = new Random(9);
      const x = tn.tensor(Float32Array.from({ length: 48 * 64 }, () => r.next()), [48, 8, 8, 1]);
      const y = tn.tensor(Float32Array.from({ length: 48 }, () => r.int(4)), [48]);
      const init = (seed: number) => tn.initializers.glorotUniform({ seed });
      const model = tn.sequential({ layers: [
        tn.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1], kernelInitializer: init(1) }),
        tn.layers.maxPooling2d({ poolSize: 2 }),
        tn.layers.flatten(),
        tn.layers.dense({ units: 16, activation: 'relu', kernelInitializer: init(2) }),
        tn.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: init(3) }),
      ] });
      model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
      await model.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, seed: 4 });
      const out = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      tn.dispose([x, y]);
      return out;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    // The same run on the JS kernels (every array outside the memory) agrees to float32 rounding.
    registerBackend('cpu', createJsCpuBackend);
    tn.setBackend('cpu');
    const js = await run();
    js.forEach((w, i) => w.forEach((v, j) => expect(Math.abs(v - first[i][j])).toBeLessThan(1e-4)));
  });
});
