import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';

describe('setBackend / ready / getBackend', () => {
  it("switches to cpu at once and resolves to true, as tf.setBackend's promise does", async () => {
    const result = tn.setBackend('cpu');
    expect(result).toBeInstanceOf(Promise);
    // Un-awaited: the very next op already runs on cpu.
    expect(tn.getBackend()).toMatch(/^cpu/);
    expect(await result).toBe(true);
    await expect(tn.ready()).resolves.toBeUndefined();
  });

  it('rejects an unknown name, naming the choices, and keeps the current backend', async () => {
    await tn.setBackend('cpu');
    await expect(tn.setBackend('webgl2' as never)).rejects.toThrow(
      `setBackend: name must be one of 'cpu', 'gpu', 'webgl', 'webgpu', 'wasm', 'tensorflow'; got "webgl2"`);
    expect(tn.getBackend()).toMatch(/^cpu/);
    expect(tn.add(tn.scalar(1), tn.scalar(2)).dataSync()[0]).toBe(3);
  });

  it("findBackend gives a backend that runs here, by tessera's or TF.js's name, and null for one that does not", async () => {
    await tn.setBackend('cpu');
    expect(tn.findBackend('cpu')).toBe(tn.backend());
    expect(tn.findBackend('wasm')).toBe(tn.backend());
    expect(tn.findBackend('cpu')?.name).toBe('cpu');
    const t = tn.ones([3]);
    expect(tn.backend().numDataIds()).toBe(tn.memory().numDataBuffers);
    t.dispose();
    expect(tn.findBackend('webgl2')).toBeNull();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const gpu = await tn.setBackend('webgl');
      expect(tn.findBackend('webgl')?.name ?? null).toBe(gpu ? 'gpu' : null);
    } finally {
      warn.mockRestore();
      await tn.setBackend('cpu');
    }
    expect(() => tn.findBackend(3 as unknown as string)).toThrow('findBackend: name must be a string, got number');
  });

  it("takes TF.js's cpu backend names ('wasm', 'tensorflow') as our cpu backend, so TF.js programs run unchanged", async () => {
    for (const name of ['wasm', 'tensorflow'] as const) {
      expect(await tn.setBackend(name)).toBe(true);
      expect(tn.getBackend()).toMatch(/^cpu/);
    }
  });

  it("takes TF.js's gpu backend names ('webgl', 'webgpu') as our gpu backend: where gpu cannot run, both resolve to false as 'gpu' does", async () => {
    await tn.setBackend('cpu');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const gpu = await tn.setBackend('gpu');
      for (const name of ['webgl', 'webgpu'] as const) {
        await tn.setBackend('cpu');
        expect(await tn.setBackend(name)).toBe(gpu);
        expect(tn.getBackend()).toMatch(gpu ? /^gpu/ : /^cpu/);
      }
      // Each refusal said why.
      expect(warn).toHaveBeenCalledTimes(gpu ? 0 : 3);
    } finally {
      warn.mockRestore();
      await tn.setBackend('cpu');
    }
  });
});
