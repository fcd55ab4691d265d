import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { describeGpu, gpu } from './gpu-context';

// gpu-context has loaded gpu.js already; this file's module graph is fresh, so setBackend('gpu')
// below finds gpu.js loaded and switches at once.
describeGpu('setBackend(gpu) from the public API', () => {
  it('switches, runs ops on the device and back to cpu', async () => {
    const pending = tn.setBackend('gpu');
    await tn.ready();
    expect(await pending).toBe(true);
    expect(tn.getBackend()).toMatch(/^gpu \(headlessgl, /);
    expect(Array.from(tn.matMul(tn.tensor([[1, 2], [3, 4]]), tn.tensor([[5], [6]])).dataSync())).toEqual([17, 39]);
    tn.setBackend('cpu');
    expect(tn.getBackend()).toMatch(/^cpu/);
  });
});

describeGpu('memory() on the gpu backend', () => {
  it('reports numBytesInGPU, the bytes of the textures tensors hold (four float32 values a texel), as TF.js\'s webgl backend; none on cpu', async () => {
    await tn.setBackend('cpu');
    expect(tn.memory()).not.toHaveProperty('numBytesInGPU');
    await tn.setBackend('gpu');
    try {
      const before = tn.memory().numBytesInGPU as number;
      expect(Object.keys(tn.memory())).toEqual(['unreliable', 'reasons', 'numBytesInGPU', 'numTensors', 'numDataBuffers', 'numBytes']);
      const a = tn.exp(tn.zeros([1000]));
      const [width, height] = (a.storage as unknown as { texture: { size: number[] } }).texture.size;
      const held = tn.memory().numBytesInGPU as number;
      expect(held - before).toBe(width * height * 16);
      // 1000 float32 values, 4 a texel: at least 250 texels, padded to a rectangle.
      expect(width * height).toBeGreaterThanOrEqual(250);
      expect(width * height).toBeLessThan(500);
      const view = tn.reshape(a, [10, 100]);
      expect(tn.memory().numBytesInGPU).toBe(held);
      a.dispose();
      expect(tn.memory().numBytesInGPU).toBe(held);
      // Reading the values moves them to the host: the texture goes.
      expect(view.dataSync()[0]).toBe(1);
      expect(tn.memory().numBytesInGPU).toBe(before);
      view.dispose();
    } finally {
      await tn.setBackend('cpu');
    }
  });
});

describe('setBackend(gpu) without a GL context', () => {
  it.skipIf(Boolean(gpu))('resolves to false when no GL context exists, as TF.js, warning with the reason, and stays on cpu', async () => {
    await tn.setBackend('cpu');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await tn.setBackend('gpu')).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^setBackend\('gpu'\) resolves to false: gpu backend unavailable: .* \(staying on cpu/));
    } finally {
      warn.mockRestore();
    }
    expect(tn.getBackend()).toMatch(/^cpu/);
    await expect(tn.ready()).resolves.toBeUndefined();
  });
});
