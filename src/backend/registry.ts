import type { Backend } from './backend';
import { fmtValue } from '../util/validate';
import { createCpuBackend } from './cpu/cpu-backend';
import { createGpuBackend, loadGpuJs, loadedGpuJs, probeLoadedGpu } from './gpu/index';
import { nodeProcess } from '../util/node-process';

export type BackendName = 'cpu' | 'gpu';

/**
 * TF.js's backend names, so that a TF.js program's `setBackend('webgl')` runs unchanged: its GPU backends
 * ('webgl', 'webgpu') mean tessera's gpu backend, its CPU ones ('wasm', 'tensorflow') our cpu kernels, which
 * are WebAssembly SIMD themselves. getBackend() still names what runs.
 */
const TFJS_NAMES = { webgl: 'gpu', webgpu: 'gpu', wasm: 'cpu', tensorflow: 'cpu' } as const;
export type TfjsBackendName = keyof typeof TFJS_NAMES;

/**
 * How a backend is made: `create` is synchronous and may need `load` (an optional package's
 * import) to have finished; `isLoaded` says whether it has.
 */
interface Factory {
  create(): Backend;
  load?(): Promise<unknown>;
  isLoaded?(): boolean;
}

const factories = new Map<BackendName, Factory>([
  ['cpu', { create: createCpuBackend }],
  [
    'gpu',
    {
      create: () => {
        const gpujs = loadedGpuJs();
        // load() always runs first; reaching here without gpu.js is a bug in this file.
        if (!gpujs) throw new Error('gpu backend: gpu.js was not loaded before the backend was created');
        return createGpuBackend(gpujs);
      },
      load: loadGpuJs,
      isLoaded: () => loadedGpuJs() !== null,
    },
  ],
]);
const instances = new Map<BackendName, Backend>();
let active: Backend | null = null;
/** The setBackend or automatic choice still loading, if any; ready() waits for it. */
let pending: Promise<unknown> | null = null;
/** Counts setBackend calls, so that a slow load never overrides a later choice. */
let requests = 0;

/**
 * The backends a program may set, by tessera's names, each with its priority when tessera chooses (TF.js's
 * engine().registryFactory, whose keys programs list). Whether one can run here shows when it is set.
 */
export function registeredBackends(): Record<string, { priority: number }> {
  return Object.fromEntries([...factories.keys()].map((name) => [name, { priority: name === 'cpu' ? 1 : 2 }]));
}

/** @internal Replaces a backend's factory (tests hand in an already-open gpu backend). */
export function registerBackend(name: BackendName, create: () => Backend): void {
  factories.set(name, { create });
  instances.delete(name);
}

/** tessera's name for a backend name a program gives: TF.js's names map to ours ('webgl' is gpu). */
function ourName(backendName: string): string {
  return Object.hasOwn(TFJS_NAMES, backendName) ? TFJS_NAMES[backendName as TfjsBackendName] : backendName;
}

/** The names a program may give for one of tessera's backends: its own, then TF.js's that mean it ('cpu', 'wasm', 'tensorflow'). */
export function namesFor(name: BackendName): string[] {
  return [name, ...Object.keys(TFJS_NAMES).filter((n) => TFJS_NAMES[n as TfjsBackendName] === name)];
}

/** The backend of that name, made now if it is not yet. */
function instance(name: BackendName, factory: Factory): Backend {
  let b = instances.get(name);
  if (!b) {
    b = factory.create();
    instances.set(name, b);
  }
  return b;
}

function activate(name: BackendName, factory: Factory): void {
  active = instance(name, factory);
}

/**
 * Switches every later op to the named backend, as tf.setBackend. The switch happens at once
 * whenever it can (cpu always; gpu once gpu.js is loaded), so un-awaited calls take effect before
 * the next op; otherwise after the load, and `tn.ready()` waits for it. Resolves to true; where the
 * backend cannot run here (gpu.js missing, no GL context) it resolves to false, as TF.js's does, keeping
 * the current backend and warning with the reason (an unknown name rejects, as in TF.js).
 */
export function setBackend(backendName: BackendName | TfjsBackendName): Promise<boolean> {
  const name = ourName(backendName) as BackendName;
  const factory = factories.get(name);
  if (!factory) {
    const names = [...factories.keys(), ...Object.keys(TFJS_NAMES)].map((n) => `'${n}'`).join(', ');
    return Promise.reject(new Error(`setBackend: name must be one of ${names}; got ${fmtValue(backendName)}`));
  }
  const ticket = ++requests;
  pending = null;
  if (instances.has(name) || !factory.load || factory.isLoaded?.()) {
    try {
      activate(name, factory);
    } catch (e) {
      return Promise.resolve(cannotRun(backendName, e));
    }
    return Promise.resolve(true);
  }
  const init = factory.load().then(() => {
    if (ticket === requests) activate(name, factory);
    return true;
  }).catch((e: unknown) => cannotRun(backendName, e));
  pending = init;
  // Settled (a failure resolves to false): nothing left to wait for.
  void init.then(() => {
    if (pending === init) pending = null;
  });
  return init;
}

/**
 * What setBackend resolves to when the backend cannot run here: false, as TF.js's, with the reason said in a warning
 * (TF.js warns too), since a program that ignores the result goes on with the current backend.
 */
function cannotRun(requested: string, e: unknown): false {
  const current = active ? `staying on ${active.describe()}` : 'the first op will choose one';
  console.warn(`setBackend('${requested}') resolves to false: ${e instanceof Error ? e.message : String(e)} (${current})`);
  return false;
}

/**
 * Resolves once the chosen backend is initialised, as tf.ready: after a pending setBackend, or after the automatic
 * choice, which tries gpu.js where a GPU might exist.
 */
export async function ready(): Promise<void> {
  if (pending) {
    await pending;
    return;
  }
  if (active) return;
  if (mightHaveGpu()) {
    // A missing gpu.js only means the cpu backend: automatic choice never fails.
    await loadGpuJs().catch(() => undefined);
  }
  backend();
}

/**
 * The backend of that name (TF.js's names too) where it runs here, else null (tf.findBackend's answer): cpu always,
 * made now if need be; gpu once a setBackend or ready() has opened it.
 */
export function openedBackend(backendName: string): Backend | null {
  const name = ourName(backendName);
  if (name === 'cpu') return instance('cpu', factories.get('cpu') as Factory);
  return name === 'gpu' ? instances.get('gpu') ?? null : null;
}

/** What runs now, in words, e.g. 'cpu (wasm-simd, up to 2 threads)' or 'gpu (headlessgl, <renderer>)'. */
export function getBackend(): string {
  return backend().describe();
}

/** Where a GPU context could exist at all: a page, a worker with OffscreenCanvas, or Node with an X display for headless-gl. */
function mightHaveGpu(): boolean {
  const scope = globalThis as { WorkerGlobalScope?: unknown; OffscreenCanvas?: unknown };
  if (typeof window !== 'undefined' || (scope.WorkerGlobalScope !== undefined && scope.OffscreenCanvas !== undefined)) return true;
  const env = nodeProcess()?.env;
  return Boolean(env?.DISPLAY);
}

/**
 * The first choice when the user made none: the gpu backend only on a hardware GPU context
 * (a software rasterizer is correct but far slower than the cpu kernels) when gpu.js is already
 * loaded (tn.ready() loads it), else cpu.
 */
function chooseAutomatically(): Backend {
  const gpujs = loadedGpuJs();
  if (gpujs && mightHaveGpu()) {
    const probe = probeLoadedGpu(gpujs);
    if (probe.available && probe.hardware) {
      instances.set('gpu', probe.backend);
      return probe.backend;
    }
    if (probe.available) probe.backend.dispose();
  }
  activate('cpu', factories.get('cpu') as Factory);
  return active as Backend;
}

/** @internal The active backend, chosen automatically on first use. */
export function backend(): Backend {
  active ??= chooseAutomatically();
  return active;
}
