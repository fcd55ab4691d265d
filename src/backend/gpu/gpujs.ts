/**
 * The small part of gpu.js tessera uses, typed (gpu.js's own typings are loose), and its lazy
 * loading: gpu.js stays an optional dependency, kept out of the bundle, so users without it still
 * get the cpu backend.
 */

/** A pipeline result: values left on the device until read. */
export interface GpuTexture {
  toArray(): unknown;
  delete(): void;
}

/** What a compiled kernel accepts: host values (uploaded by gpu.js), device values, or a scalar uniform. */
export type KernelArgument = Float32Array | GpuTexture | number;

export interface KernelSettings {
  output: [number];
  constants: object;
  pipeline: true;
  immutable: true;
  precision: 'single';
  tactic: 'precision';
  optimizeFloatMemory: boolean;
}

/** gpu.js's kernel run shortcut: a callable with the settings it compiled under. */
export interface CompiledKernel {
  (...args: KernelArgument[]): unknown;
  destroy(removeCanvasReferences?: boolean): void;
}

export interface GpuInstance {
  readonly mode: string;
  readonly context: unknown;
  createKernel(source: string, settings: KernelSettings): CompiledKernel;
  destroy(): Promise<void>;
}

/** The statics of gpu.js's GPU class that detection reads. */
export interface GpuClass {
  new (settings: { mode: string }): GpuInstance;
  readonly isHeadlessGLSupported: boolean;
  readonly isWebGL2Supported: boolean;
  readonly isWebGLSupported: boolean;
  readonly isSinglePrecisionSupported: boolean;
}

export interface GpuJsModule {
  GPU: GpuClass;
  Texture: abstract new (...args: never[]) => GpuTexture;
}

let loaded: GpuJsModule | null = null;

function asModule(mod: unknown): GpuJsModule {
  const m = (mod as { default?: unknown }).default ?? mod;
  if (typeof (m as { GPU?: unknown }).GPU !== 'function') throw new Error('the module loaded as gpu.js has no GPU class');
  return m as GpuJsModule;
}

/** A Node require for the optional packages, or null outside Node (browsers load gpu.js with loadGpuJs()). */
function nodeRequire(): ((id: string) => unknown) | null {
  if (typeof require === 'function') return require;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = proc?.getBuiltinModule?.('node:module') as { createRequire(from: string): (id: string) => unknown } | undefined;
  return nodeModule ? nodeModule.createRequire(import.meta.url) : null;
}

/** gpu.js, loaded synchronously in Node; throws a message that says how to get it. */
export function loadGpuJsSync(): GpuJsModule {
  if (loaded) return loaded;
  const req = nodeRequire();
  if (!req) {
    throw new Error('gpu backend: gpu.js is not loaded, and outside Node it cannot be loaded synchronously');
  }
  try {
    loaded = asModule(req('gpu.js'));
  } catch (e) {
    throw new Error(`gpu backend: the optional package gpu.js could not be loaded (npm install gpu.js): ${(e as Error).message}`);
  }
  return loaded;
}

/** gpu.js, loaded by dynamic import (browsers, or ahead of time anywhere). */
export async function loadGpuJs(): Promise<GpuJsModule> {
  if (loaded) return loaded;
  const specifier = 'gpu.js';
  try {
    loaded = asModule(await import(/* @vite-ignore */ specifier));
  } catch (e) {
    throw new Error(`gpu backend: the optional package gpu.js could not be loaded (npm install gpu.js): ${(e as Error).message}`);
  }
  return loaded;
}

/** Whether the optional `gl` package (headless-gl) loads, and why not when it does not. */
export function headlessGlStatus(): { loads: boolean; reason: string } {
  const req = nodeRequire();
  if (!req) return { loads: false, reason: 'not running in Node' };
  try {
    req('gl');
    return { loads: true, reason: '' };
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (err.code === 'MODULE_NOT_FOUND' && /'gl'/.test(err.message)) {
      return { loads: false, reason: "the optional package `gl` (headless-gl) is not installed (npm install gl; it builds natively, see .ci/install-gl.sh)" };
    }
    return { loads: false, reason: `the package \`gl\` is installed but its native module does not load (npm rebuild gl): ${err.message.split('\n')[0]}` };
  }
}
