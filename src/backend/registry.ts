import type { Backend } from './backend';
import { fmtValue } from '../util/validate';
import { createCpuBackend } from './cpu/cpu-backend';
import { createGpuBackend, probeGpu } from './gpu/index';

export type BackendName = 'cpu' | 'gpu';
type Factory = () => Backend;

const factories = new Map<BackendName, Factory>([
  ['cpu', createCpuBackend],
  ['gpu', createGpuBackend],
]);
const instances = new Map<BackendName, Backend>();
let active: Backend | null = null;

/** @internal Replaces a backend's factory (tests hand in an already-open gpu backend). */
export function registerBackend(name: BackendName, factory: Factory): void {
  factories.set(name, factory);
  instances.delete(name);
}

/** Switches every later op to the named backend. Throws (and keeps the current one) when it cannot run here. */
export function setBackend(name: BackendName): string {
  const factory = factories.get(name);
  if (!factory) {
    throw new Error(`setBackend: name must be one of ${[...factories.keys()].map((n) => `'${n}'`).join(', ')}; got ${fmtValue(name)}`);
  }
  let backend = instances.get(name);
  if (!backend) {
    backend = factory();
    instances.set(name, backend);
  }
  active = backend;
  return backend.describe();
}

/** What runs now, in words, e.g. 'cpu (wasm-simd, up to 2 threads)' or 'gpu (headlessgl, <renderer>)'. */
export function getBackend(): string {
  return backend().describe();
}

/** Where a GPU context could exist at all: a browser, or Node with an X display for headless-gl. */
function mightHaveGpu(): boolean {
  if (typeof window !== 'undefined') return true;
  const env = typeof process !== 'undefined' ? process.env : undefined;
  return Boolean(env?.DISPLAY);
}

/**
 * The first choice when the user made none: the gpu backend only on a hardware GPU context
 * (a software rasterizer is correct but far slower than the cpu kernels), else cpu.
 */
function chooseAutomatically(): Backend {
  if (mightHaveGpu()) {
    const probe = probeGpu();
    if (probe.available && probe.hardware) {
      instances.set('gpu', probe.backend);
      return probe.backend;
    }
    if (probe.available) probe.backend.dispose();
  }
  setBackend('cpu');
  return active as Backend;
}

/** @internal The active backend, chosen automatically on first use. */
export function backend(): Backend {
  active ??= chooseAutomatically();
  return active;
}
