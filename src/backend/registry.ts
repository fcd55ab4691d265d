import type { Backend } from './backend';
import { createCpuBackend } from './cpu/cpu-backend';

export type BackendName = 'cpu' | 'gpu';
type Factory = () => Backend;

const factories = new Map<BackendName, Factory>([['cpu', createCpuBackend]]);
const instances = new Map<BackendName, Backend>();
let active: Backend | null = null;

/** Makes a backend available under a name; the gpu backend registers itself this way. */
export function registerBackend(name: BackendName, factory: Factory): void {
  factories.set(name, factory);
  instances.delete(name);
}

/** Switches every later op to the named backend. Throws (and keeps the current one) when it cannot run here. */
export function setBackend(name: BackendName): string {
  const factory = factories.get(name);
  if (!factory) {
    throw new Error(`setBackend: name must be one of ${[...factories.keys()].map((n) => `'${n}'`).join(', ')}; got ${JSON.stringify(name)}`);
  }
  let backend = instances.get(name);
  if (!backend) {
    backend = factory();
    instances.set(name, backend);
  }
  active = backend;
  return backend.describe();
}

/** What runs now, in words, e.g. 'cpu (wasm-simd, 2 threads)'. */
export function getBackend(): string {
  return backend().describe();
}

/** @internal The active backend; the cpu backend unless another was chosen. */
export function backend(): Backend {
  if (!active) setBackend('cpu');
  return active as Backend;
}
