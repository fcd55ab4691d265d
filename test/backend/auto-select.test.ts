import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GpuProbe } from '../../src/backend/gpu/index';

/**
 * The backend chosen on first use when the user chose none: gpu only where a hardware GPU context
 * opens, otherwise cpu. gpu.js is replaced by a stand-in probe, so this needs no GL.
 */
async function firstChoice(display: string | undefined, probe: GpuProbe | 'unreachable', gpuJsLoaded = true) {
  const probeGpu = vi.fn(() => {
    if (probe === 'unreachable') throw new Error('the gpu must not be probed here');
    return probe;
  });
  vi.resetModules();
  vi.doMock('../../src/backend/gpu/index', async (importOriginal) => ({
    ...(await importOriginal<typeof import('../../src/backend/gpu/index')>()),
    // A stand-in for gpu.js as tn.ready() would have loaded it (or not).
    loadedGpuJs: () => (gpuJsLoaded ? {} : null),
    probeLoadedGpu: probeGpu,
  }));
  if (display === undefined) delete process.env.DISPLAY;
  else process.env.DISPLAY = display;
  const registry = await import('../../src/backend/registry');
  return { chosen: registry.getBackend(), probes: probeGpu.mock.calls.length };
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

  it('without a display (Node, no window) picks cpu without probing for a GPU', async () => {
    const { chosen, probes } = await firstChoice(undefined, 'unreachable');
    expect(chosen).toMatch(/^cpu \(/);
    expect(probes).toBe(0);
  });

  it('before gpu.js has loaded (tn.ready() loads it) picks cpu without probing', async () => {
    const { chosen, probes } = await firstChoice(':99', 'unreachable', false);
    expect(chosen).toMatch(/^cpu \(/);
    expect(probes).toBe(0);
  });

  it('picks the gpu backend on a hardware GPU context', async () => {
    const gpu = fakeGpu(true);
    const { chosen, probes } = await firstChoice(':99', gpu.probe);
    expect(chosen).toBe(gpu.description);
    expect(probes).toBe(1);
    expect(gpu.dispose).not.toHaveBeenCalled();
  });

  it('keeps cpu on a software rasterizer (llvmpipe) and releases the context it opened', async () => {
    const gpu = fakeGpu(false);
    const { chosen } = await firstChoice(':99', gpu.probe);
    expect(chosen).toMatch(/^cpu \(/);
    expect(gpu.dispose).toHaveBeenCalledTimes(1);
  });

  it('keeps cpu when no GPU context opens', async () => {
    const { chosen, probes } = await firstChoice(':99', { available: false, reason: 'no gl' });
    expect(chosen).toMatch(/^cpu \(/);
    expect(probes).toBe(1);
  });
});
