import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GpuProbe } from '../../src/backend/gpu/index';

/**
 * The backend chosen on first use when the user chose none: gpu only where gpu.js is loaded (as
 * tn.ready() does) and a hardware GPU context opens, otherwise cpu. gpu.js and its context are
 * replaced by stand-ins, so this needs no GL.
 */
async function firstChoice(opts: { display?: string; gpujsLoaded: boolean; probe?: GpuProbe; viaReady?: boolean }) {
  const fakeModule = { GPU: class {} };
  let loaded = opts.gpujsLoaded;
  const probeLoadedGpu = vi.fn(() => {
    if (!opts.probe) throw new Error('probeLoadedGpu must not be called here');
    return opts.probe;
  });
  vi.resetModules();
  vi.doMock('../../src/backend/gpu/index', async (importOriginal) => ({
    ...(await importOriginal<typeof import('../../src/backend/gpu/index')>()),
    loadedGpuJs: () => (loaded ? fakeModule : null),
    loadGpuJs: async () => { loaded = true; return fakeModule; },
    probeLoadedGpu,
  }));
  if (opts.display === undefined) delete process.env.DISPLAY;
  else process.env.DISPLAY = opts.display;
  const registry = await import('../../src/backend/registry');
  if (opts.viaReady) await registry.ready();
  return { chosen: registry.getBackend(), probes: probeLoadedGpu.mock.calls.length };
}

function fakeGpu(hardware: boolean) {
  const dispose = vi.fn();
  const description = `gpu (headlessgl, ${hardware ? 'NVIDIA H200' : 'llvmpipe'})`;
  const backend = { describe: () => description, dispose };
  return { probe: { available: true, backend, description, hardware } as unknown as GpuProbe, dispose, description };
}

describe('automatic backend selection', () => {
  const display = process.env.DISPLAY;
  afterEach(() => {
    vi.doUnmock('../../src/backend/gpu/index');
    if (display === undefined) delete process.env.DISPLAY;
    else process.env.DISPLAY = display;
  });

  it('without a display (Node, no window) picks cpu without probing for a GPU, even with gpu.js loaded', async () => {
    const { chosen, probes } = await firstChoice({ gpujsLoaded: true });
    expect(chosen).toMatch(/^cpu \(/);
    expect(probes).toBe(0);
  });

  it('picks cpu on first use when gpu.js was never loaded (only tn.ready() loads it)', async () => {
    const { chosen, probes } = await firstChoice({ display: ':99', gpujsLoaded: false });
    expect(chosen).toMatch(/^cpu \(/);
    expect(probes).toBe(0);
  });

  it('after tn.ready(), picks the gpu backend on a hardware GPU context', async () => {
    const gpu = fakeGpu(true);
    const { chosen, probes } = await firstChoice({ display: ':99', gpujsLoaded: false, probe: gpu.probe, viaReady: true });
    expect(chosen).toBe(gpu.description);
    expect(probes).toBe(1);
    expect(gpu.dispose).not.toHaveBeenCalled();
  });

  it('in a worker with OffscreenCanvas (no window, no display), tn.ready() probes and picks the gpu backend on a hardware GPU context', async () => {
    const scope = globalThis as { WorkerGlobalScope?: unknown; OffscreenCanvas?: unknown };
    scope.WorkerGlobalScope = class {};
    scope.OffscreenCanvas = class {};
    try {
      const gpu = fakeGpu(true);
      const { chosen, probes } = await firstChoice({ gpujsLoaded: false, probe: gpu.probe, viaReady: true });
      expect(chosen).toBe(gpu.description);
      expect(probes).toBe(1);
    } finally {
      delete scope.WorkerGlobalScope;
      delete scope.OffscreenCanvas;
    }
  });

  it('keeps cpu on a software rasterizer (llvmpipe) and releases the context it opened', async () => {
    const gpu = fakeGpu(false);
    const { chosen } = await firstChoice({ display: ':99', gpujsLoaded: true, probe: gpu.probe });
    expect(chosen).toMatch(/^cpu \(/);
    expect(gpu.dispose).toHaveBeenCalledTimes(1);
  });

  it('keeps cpu when no GPU context opens', async () => {
    const { chosen, probes } = await firstChoice({ display: ':99', gpujsLoaded: true, probe: { available: false, reason: 'no gl' } });
    expect(chosen).toMatch(/^cpu \(/);
    expect(probes).toBe(1);
  });
});
