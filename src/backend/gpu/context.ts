import { headlessGlStatus, type GpuInstance, type GpuJsModule } from './gpujs';

/** The gpu.js modes tessera runs on: real GL contexts only, never gpu.js's 'cpu' or 'webasm'. */
export type GpuMode = 'headlessgl' | 'webgl2' | 'webgl';

export interface GpuContext {
  gpu: GpuInstance;
  mode: GpuMode;
}

function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

/** Why headless-gl has no context here, in words a user can act on. */
function headlessGlMissing(): string {
  const gl = headlessGlStatus();
  if (!gl.loads) return gl.reason;
  const display = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.DISPLAY;
  if (!display) return 'headless-gl needs an X display and DISPLAY is unset: run under `xvfb-run -a` (Debian package xvfb) or where a display is reachable';
  return `headless-gl could not create a GL context on DISPLAY=${display} (is the X server reachable and does it offer GLX?)`;
}

/**
 * Picks gpu.js's best real GL context — headless-gl in Node, WebGL2 (else WebGL) in a browser —
 * and checks it can compute in float32. Throws an error naming what is missing; it never settles
 * for gpu.js's cpu or WebAssembly modes, which would be a CPU run labelled gpu.
 */
export function openGpuContext(gpujs: GpuJsModule): GpuContext {
  const { GPU } = gpujs;
  let mode: GpuMode;
  if (isNode()) {
    if (!GPU.isHeadlessGLSupported) throw new Error(`gpu backend unavailable: ${headlessGlMissing()}`);
    mode = 'headlessgl';
  } else if (GPU.isWebGL2Supported) {
    mode = 'webgl2';
  } else if (GPU.isWebGLSupported) {
    mode = 'webgl';
  } else {
    throw new Error('gpu backend unavailable: this browser offers no WebGL2 or WebGL context');
  }
  if (!GPU.isSinglePrecisionSupported) {
    throw new Error(
      `gpu backend unavailable: the ${mode} context cannot render and read float32 textures (OES_texture_float); ` +
      "tessera computes in single precision and will not run at gpu.js's 8-bit 'unsigned' precision",
    );
  }
  return { gpu: new GPU({ mode }), mode };
}

interface GlLike {
  readonly RENDERER: number;
  getParameter(name: number): unknown;
  getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
  /** headless-gl only: the driver's own string, behind the 'ANGLE' its getParameter reports. */
  _getParameterDirect?(name: number): unknown;
}

/** The GL renderer in words, e.g. 'Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits)' or 'NVIDIA H200/PCIe/SSE2'. */
export function rendererOf(context: unknown): string {
  const gl = context as GlLike | null;
  if (!gl || typeof gl.getParameter !== 'function') return 'unknown renderer';
  let raw: unknown;
  if (typeof gl._getParameterDirect === 'function') {
    raw = gl._getParameterDirect(gl.RENDERER);
  } else {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    raw = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  }
  let name = String(raw ?? 'unknown renderer');
  // headless-gl goes through ANGLE: 'ANGLE (<driver renderer> OpenGL 4.5 core)'.
  const angle = /^ANGLE \((.*)\)$/.exec(name);
  if (angle) name = angle[1];
  return name.replace(/ OpenGL [\d.]+.*$/, '').trim();
}

/** Software rasterizers prove correctness, not speed; automatic backend selection skips them. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /llvmpipe|softpipe|lavapipe|swiftshader|swrast|software|basic render/i.test(renderer);
}
