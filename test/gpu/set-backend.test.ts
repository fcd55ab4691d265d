import { describe, expect, it } from 'vitest';
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

describe('setBackend(gpu) without a GL context', () => {
  it.skipIf(Boolean(gpu))('rejects with the reason when no GL context exists, and stays on cpu', async () => {
    await tn.setBackend('cpu');
    await expect(tn.setBackend('gpu')).rejects.toThrow(/gpu backend unavailable/);
    expect(tn.getBackend()).toMatch(/^cpu/);
  });
});
