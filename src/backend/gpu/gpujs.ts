/**
 * The small part of gpu.js tessera uses, typed (gpu.js's own typings are loose), and its lazy
 * loading: gpu.js stays an optional dependency, loaded on first use of the gpu backend, so users
 * without it still get the cpu backend.
 */

/** A pipeline result: values left on the device until read. */
export interface GpuTexture {
  /** Its width and height in texels. */
  readonly size: readonly number[];
  /** Its GL internal format (R32F: one float32 per texel; RGBA / RGBA32F: four). */
  readonly internalFormat?: number;
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
let loading: Promise<GpuJsModule> | null = null;

/** gpu.js's exports: an object in Node; in its browser file the GPU class itself, which holds the others (GPU.GPU too). */
const hasGpuClass = (m: unknown): m is GpuJsModule => (typeof m === 'object' || typeof m === 'function') && m !== null && typeof (m as { GPU?: unknown }).GPU === 'function';

/**
 * @internal gpu.js's exports from what `import('gpu.js')` gave. Its browser file is a UMD script: where a bundler
 * kept it a plain script (Rollup without its commonjs plugin), the import gives nothing and the script has set the
 * global `GPU` (to the GPU class, holding the other exports) instead.
 */
export function asModule(mod: unknown): GpuJsModule {
  const m = (mod as { default?: unknown } | null)?.default ?? mod;
  if (hasGpuClass(m)) return m;
  const global = (globalThis as { GPU?: unknown }).GPU;
  if (hasGpuClass(global)) return global;
  // What a bundler told to leave gpu.js out (webpack's alias to false, an empty module) gives in its place.
  if (typeof m === 'object' && m !== null && Object.keys(m).length === 0) throw new Error('gpu.js is not in this build: the bundler gave an empty module in its place (gpu.js is not installed, or the bundler was told to leave it out)');
  throw new Error('the module loaded as gpu.js has no GPU class');
}

/** gpu.js once loadGpuJs() has loaded it, else null. */
export function loadedGpuJs(): GpuJsModule | null {
  return loaded;
}

/**
 * Loads gpu.js on first call. The import is a literal `import('gpu.js')` so that bundlers see it
 * (and take gpu.js's browser build) and Node resolves it from both the ESM and CommonJS builds.
 */
export function loadGpuJs(): Promise<GpuJsModule> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('gpu.js').then(
    (mod) => (loaded = asModule(mod)),
    (e: unknown) => {
      loading = null; // a later call may find it installed
      throw new Error(`gpu backend unavailable: the optional package gpu.js could not be loaded (in Node, install it: npm install gpu.js; in a page, let a bundler resolve it, as gpu.js's browser file is a plain script, not a module): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    },
  );
  return loading;
}

/**
 * A CommonJS require in Node, from either build, without naming `require` (bundlers rewrite that
 * name into a stub that throws); null outside Node. Used only to diagnose the native `gl` package,
 * which bundlers must never see.
 */
function nodeRequire(): ((id: string) => unknown) | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = proc?.getBuiltinModule?.('node:module') as { createRequire(from: string): (id: string) => unknown } | undefined;
  return nodeModule ? nodeModule.createRequire(import.meta.url) : null;
}

/** Whether the optional `gl` package (headless-gl) loads, and why not when it does not. */
export function headlessGlStatus(): { loads: boolean; reason: string } {
  const req = nodeRequire();
  if (!req) return { loads: false, reason: 'not running in Node 20.16 or later, so tessera cannot tell why `gl` (headless-gl) gives no context' };
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
