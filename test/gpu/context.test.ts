import { afterEach, describe, expect, it } from 'vitest';
import { isSoftwareRenderer, openGpuContext, rendererOf } from '../../src/backend/gpu/context';
import type { GpuClass, GpuInstance, GpuJsModule, GpuTexture } from '../../src/backend/gpu/gpujs';
import { KernelCache } from '../../src/backend/gpu/kernel-cache';

// These need no GL: they drive the detection and the fallback guard with a stand-in gpu.js.

class FakeTexture implements GpuTexture {
  readonly size = [1, 1];
  toArray(): unknown { return new Float32Array(0); }
  delete(): void {}
}

function fakeGpuJs(support: { headless?: boolean; webgl2?: boolean; single?: boolean }, run: () => unknown = () => new FakeTexture()): GpuJsModule {
  const instance: GpuInstance = {
    mode: 'headlessgl',
    context: null,
    createKernel: () => Object.assign(() => run(), { destroy: () => {} }),
    destroy: async () => {},
  };
  const GPU = function () { return instance; } as unknown as GpuClass;
  Object.defineProperties(GPU, {
    isHeadlessGLSupported: { value: support.headless ?? false },
    isWebGL2Supported: { value: support.webgl2 ?? false },
    isWebGLSupported: { value: false },
    isSinglePrecisionSupported: { value: support.single ?? true },
  });
  return { GPU, Texture: FakeTexture };
}

describe('gpu context selection (no GL needed)', () => {
  const display = process.env.DISPLAY;
  afterEach(() => {
    if (display === undefined) delete process.env.DISPLAY;
    else process.env.DISPLAY = display;
  });

  it('refuses without headless-gl, naming what is missing: the gl package or a display (xvfb-run)', () => {
    delete process.env.DISPLAY;
    expect(() => openGpuContext(fakeGpuJs({ headless: false }))).toThrow(/gpu backend unavailable: .*(package `gl`|xvfb-run -a)/);
  });

  it('refuses a context without float32 textures rather than running at 8-bit precision', () => {
    expect(() => openGpuContext(fakeGpuJs({ headless: true, single: false }))).toThrow(/float32 textures.*will not run/);
  });

  it('opens headless-gl in Node when it is supported', () => {
    expect(openGpuContext(fakeGpuJs({ headless: true })).mode).toBe('headlessgl');
  });

  it('throws when gpu.js hands back anything but a device texture (its cpu fallback)', () => {
    const gpujs = fakeGpuJs({ headless: true }, () => new Float32Array(3));
    const cache = new KernelCache(openGpuContext(gpujs).gpu, gpujs, true);
    expect(() => cache.run('double', () => 0, 3, {}, [new Float32Array(3)])).toThrow(/did not run kernel 'double'.*fell back/);
  });
});

describe('renderer naming', () => {
  it('unwraps the ANGLE string headless-gl reports and drops the GL version', () => {
    const gl = {
      RENDERER: 0x1f01,
      getParameter: () => 'ANGLE',
      getExtension: () => null,
      _getParameterDirect: () => 'ANGLE (Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits) OpenGL 4.5 core)',
    };
    expect(rendererOf(gl)).toBe('Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits)');
  });

  it('tells software rasterizers from hardware', () => {
    expect(isSoftwareRenderer('Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Google SwiftShader')).toBe(true);
    expect(isSoftwareRenderer('NVIDIA H200/PCIe/SSE2')).toBe(false);
  });
});
