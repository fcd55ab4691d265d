import type { Tensor } from '../tensor/tensor';
import type { TensorInfo } from '../tensor/tfjs-types';
import { argError, describeValue } from '../util/validate';
import * as builtinNames from './kernel-names';

/** A kernel's attributes, as TF.js's NamedAttrMap. */
export interface NamedAttrMap {
  [name: string]: unknown;
}

/** A kernel's inputs by name, as TF.js's NamedTensorInfoMap (tessera's tensors are TensorInfos). */
export interface NamedTensorInfoMap {
  [name: string]: TensorInfo | undefined;
}

/** A kernel's forward pass: it gets its inputs, the backend (see run-kernel.ts) and its attributes. */
export type KernelFunc = (params: { inputs: NamedTensorInfoMap; backend: object; attrs?: NamedAttrMap }) => TensorInfo | TensorInfo[];

/** Called with the backend before the kernel first runs on it. */
export type KernelSetupFunc = (backend: object) => void;
/** Kept as TF.js keeps it; tessera never disposes a backend, so it is never called. */
export type KernelDisposeFunc = KernelSetupFunc;

/** A kernel for one backend, as TF.js's KernelConfig. */
export interface KernelConfig {
  kernelName: string;
  backendName: string;
  kernelFunc: KernelFunc;
  setupFunc?: KernelSetupFunc;
  disposeFunc?: KernelDisposeFunc;
}

/** Each input's gradient, by input name, as a function that computes it (TF.js's NamedGradientMap). */
export interface NamedGradientMap {
  [inputName: string]: () => Tensor;
}

/** A kernel's gradient: dy (dys for a kernel with several outputs), the tensors it saved, and its attributes. */
export type GradFunc = (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => NamedGradientMap;

/** A kernel's gradient rule, as TF.js's GradConfig. */
export interface GradConfig {
  kernelName: string;
  /** The inputs (by name) that gradFunc gets in `saved`, in this order. */
  inputsToSave?: string[];
  /** Every input in `saved`, in input order (for inputs given as an array). */
  saveAllInputs?: boolean;
  /** Which outputs gradFunc gets in `saved`, after the inputs. */
  outputsToSave?: boolean[];
  gradFunc: GradFunc;
}

const kernels = new Map<string, KernelConfig>();
const gradients = new Map<string, GradConfig>();
const BUILTIN = new Set<string>(Object.values(builtinNames));

// TF.js's key, so that getKernelsForBackend splits it as TF.js does.
const key = (kernelName: string, backendName: string) => `${backendName}_${kernelName}`;

function assertName(op: string, arg: string, v: unknown): asserts v is string {
  if (typeof v !== 'string' || v === '') throw argError(op, arg, describeValue(v), 'a non-empty string');
}

function assertedName(op: string, arg: string, v: unknown): string {
  assertName(op, arg, v);
  return v;
}

function assertConfig(op: string, config: unknown, fn: 'kernelFunc' | 'gradFunc'): asserts config is Record<string, unknown> {
  if (typeof config !== 'object' || config === null) throw argError(op, 'config', describeValue(config), `an object with kernelName and ${fn}`);
  const c = config as Record<string, unknown>;
  assertName(op, 'config.kernelName', c.kernelName);
  if (typeof c[fn] !== 'function') throw argError(op, `config.${fn}`, describeValue(c[fn]), 'a function');
}

/**
 * tessera's own ops run their own kernels, not the registry's: a program that registers one of TF.js's kernel names
 * to change what tn.relu (say) does is told so, rather than left to believe it did.
 */
function warnBuiltin(what: string, kernelName: string): void {
  if (BUILTIN.has(kernelName)) {
    console.warn(`tessera: the ${what} registered for '${kernelName}' runs only through tn.engine().runKernel('${kernelName}', ...); tessera's own ops do not look kernels or gradients up in the registry`);
  }
}

/** Registers a kernel for a backend, as tf.registerKernel (a second one for the same names replaces it, with a warning). */
export function registerKernel(config: KernelConfig): void {
  const op = 'registerKernel';
  assertConfig(op, config, 'kernelFunc');
  assertName(op, 'config.backendName', config.backendName);
  for (const fn of ['setupFunc', 'disposeFunc'] as const) {
    if (config[fn] !== undefined && typeof config[fn] !== 'function') throw argError(op, `config.${fn}`, describeValue(config[fn]), 'a function or undefined');
  }
  const k = key(config.kernelName, config.backendName);
  if (kernels.has(k)) console.warn(`The kernel '${config.kernelName}' for backend '${config.backendName}' is already registered`);
  warnBuiltin('kernel', config.kernelName);
  kernels.set(k, config);
}

/** Removes a registered kernel, as tf.unregisterKernel (an error where none is registered, TF.js's text after the name). */
export function unregisterKernel(kernelName: string, backendName: string): void {
  const k = key(assertedName('unregisterKernel', 'kernelName', kernelName), assertedName('unregisterKernel', 'backendName', backendName));
  if (!kernels.has(k)) throw new Error(`unregisterKernel: The kernel '${kernelName}' for backend '${backendName}' is not registered`);
  kernels.delete(k);
}

/** The kernel registered for these names, else undefined, as tf.getKernel. */
export function getKernel(kernelName: string, backendName: string): KernelConfig | undefined {
  return kernels.get(key(assertedName('getKernel', 'kernelName', kernelName), assertedName('getKernel', 'backendName', backendName)));
}

/** The kernels registered for a backend, in registration order, as tf.getKernelsForBackend. */
export function getKernelsForBackend(backendName: string): KernelConfig[] {
  assertName('getKernelsForBackend', 'backendName', backendName);
  return [...kernels.entries()].filter(([k]) => k.split('_')[0] === backendName).map(([, config]) => config);
}

/** Registers each of one backend's kernels for another too, as tf.copyRegisteredKernels. */
export function copyRegisteredKernels(registeredBackendName: string, newBackendName: string): void {
  assertName('copyRegisteredKernels', 'registeredBackendName', registeredBackendName);
  assertName('copyRegisteredKernels', 'newBackendName', newBackendName);
  for (const config of getKernelsForBackend(registeredBackendName)) registerKernel({ ...config, backendName: newBackendName });
}

/** Registers a kernel's gradient, as tf.registerGradient (a second one replaces it). */
export function registerGradient(config: GradConfig): void {
  const op = 'registerGradient';
  assertConfig(op, config, 'gradFunc');
  if (config.inputsToSave !== undefined && !(Array.isArray(config.inputsToSave) && config.inputsToSave.every((n) => typeof n === 'string'))) {
    throw argError(op, 'config.inputsToSave', describeValue(config.inputsToSave), 'an array of input names');
  }
  if (config.outputsToSave !== undefined && !(Array.isArray(config.outputsToSave) && config.outputsToSave.every((b) => typeof b === 'boolean'))) {
    throw argError(op, 'config.outputsToSave', describeValue(config.outputsToSave), 'an array of booleans, one per output');
  }
  warnBuiltin('gradient', config.kernelName);
  gradients.set(config.kernelName, config);
}

/** Removes a registered gradient, as tf.unregisterGradient (an error where none is registered). */
export function unregisterGradient(kernelName: string): void {
  if (!gradients.has(assertedName('unregisterGradient', 'kernelName', kernelName))) throw new Error(`unregisterGradient: The gradient '${kernelName}' for backend is not registered`);
  gradients.delete(kernelName);
}

/** The gradient registered for a kernel, else undefined, as tf.getGradient. */
export function getGradient(kernelName: string): GradConfig | undefined {
  return gradients.get(assertedName('getGradient', 'kernelName', kernelName));
}
