import type { Backend } from '../backend/backend';
import { backend as activeBackend, namesFor } from '../backend/registry';
import { gradientDtype } from '../tensor/checks';
import { engine as tensorEngine, type Engine as TensorEngine } from '../tensor/engine';
import { memory } from '../tensor/memory';
import { isRecording, recordOp, withoutRecording } from '../tensor/tape';
import { Tensor, sizeOfShape, watchMadeTensors, type TensorBuffer } from '../tensor/tensor';
import type { DataType } from '../tensor/value-types';
import type { TensorInfo } from '../tensor/tfjs-types';
import { argError, describeValue, fmtShape } from '../util/validate';
import { buffer } from './buffer';
import { clone } from './cast';
import { tensor } from './creation';
import { getGradient, getKernel, type GradConfig, type KernelConfig, type NamedAttrMap, type NamedTensorInfoMap } from './kernel-registry';
import { reshape } from './reshape';

const OP = 'runKernel';
/** Numbers the data ids the kernels' backend hands out, as TF.js's backends number theirs. */
let nextDataId = 0;

/** What a kernel wrote with makeTensorInfo or write: its values (a typed array or plain array), shape and dtype. */
interface DataRecord {
  values: ArrayLike<number | string> | undefined;
  shape: number[];
  dtype: DataType;
}

// Methods of TF.js's webgl, webgpu and wasm backends: a kernel written for one of them reads one, and is told
// that tessera's backend object is TF.js's cpu backend's API instead of failing on `undefined is not a function`.
const OTHER_BACKENDS_API = new Set(['runWebGLProgram', 'runWebGPUProgram', 'compileAndRun', 'gpgpu', 'texData', 'getTexture', 'shouldExecuteOnCPU', 'getGPGPUContext', 'typedArrayFromHeap', 'wasm', 'device']);

/**
 * The backend a registered kernel gets: the part of TF.js's cpu backend that kernels call (data.get, readSync, read,
 * write, makeTensorInfo, makeOutput, bufferSync, disposal), on values read from the host, so a kernel written for
 * TF.js's cpu backend runs on either of tessera's. One per backend, so what a kernel's setupFunc stores on it stays.
 */
class HostKernelBackend {
  readonly records = new Map<object, DataRecord>();
  /**
   * The tensors the kernel now running may read by dataId: its inputs, and every tensor made while it runs (by
   * makeOutput, ops, or kernels it runs). A stack entry per runKernel, for kernels that run kernels.
   */
  readonly running: Map<object, Tensor>[] = [];
  readonly setUp = new WeakSet<KernelConfig>();
  readonly data = {
    get: (dataId: object): DataRecord => this.record(dataId),
    has: (dataId: object): boolean => this.records.has(dataId) || this.inputOf(dataId) !== undefined,
  };

  constructor(private readonly name: string) {}

  private inputOf(dataId: object): Tensor | undefined {
    return this.running[this.running.length - 1]?.get(dataId);
  }

  private record(dataId: object): DataRecord {
    const made = this.records.get(dataId);
    if (made) return made;
    const x = this.inputOf(dataId);
    if (!x) throw new Error(`${OP}: a kernel read the dataId ${describeValue(dataId)}, which is neither one of its inputs, nor a tensor made while it ran, nor made by this backend's makeTensorInfo or write`);
    if (x.dtype === 'string' || x.complexParts() !== undefined) throw new Error(`${OP}: a kernel read a ${x.dtype} input; tessera's kernel backend hands kernels numeric values only`);
    // A copy: a kernel that writes into its input's values must not change the tensor.
    return { values: (x.dataSync() as Float32Array).slice(), shape: [...x.shape], dtype: x.dtype as DataType };
  }

  readSync(dataId: object): ArrayLike<number | string> {
    const { values } = this.record(dataId);
    if (values === undefined) throw new Error(`${OP}: a kernel read values it made with makeTensorInfo without values and never wrote`);
    return values;
  }

  read(dataId: object): Promise<ArrayLike<number | string>> {
    return Promise.resolve(this.readSync(dataId));
  }

  write(values: ArrayLike<number | string> | undefined, shape: number[], dtype: DataType): object {
    const dataId = { id: `kernel-${nextDataId++}` };
    this.records.set(dataId, { values, shape: [...shape], dtype });
    return dataId;
  }

  makeTensorInfo(shape: number[], dtype: DataType, values?: ArrayLike<number | string>): TensorInfo {
    return { dataId: this.write(values, shape, dtype), shape: [...shape], dtype };
  }

  /** TF.js's cpu backend's makeOutput: a Tensor of these values, which a kernel may return as it is. */
  makeOutput(values: ArrayLike<number | string>, shape: number[], dtype: DataType): Tensor {
    // TF.js's wasm backend's makeOutput(shape, dtype) allocates on its heap, for typedArrayFromHeap to fill.
    if (typeof shape === 'string') throw new Error(`${OP}: a kernel called backend.makeOutput(shape, dtype), the form of TF.js's wasm backend; tessera hands kernels TF.js's cpu backend's makeOutput(values, shape, dtype)`);
    return tensor(values as number[], shape, dtype);
  }

  bufferSync(t: TensorInfo): TensorBuffer {
    return buffer(t.shape, t.dtype as 'float32', this.readSync(t.dataId) as ArrayLike<number>);
  }

  disposeIntermediateTensorInfo(info: TensorInfo): void {
    this.records.delete(info.dataId);
  }

  disposeData(dataId: object): boolean {
    return this.records.delete(dataId);
  }

  numDataIds(): number {
    return memory().numDataBuffers + this.records.size;
  }

  floatPrecision(): 32 {
    return 32;
  }

  epsilon(): number {
    return 1e-7;
  }

  /** The Proxy every kernel sees: methods of other backends' APIs are refused by name. */
  asSeenByKernels(): object {
    return new Proxy(this, {
      get: (target, prop, receiver) => {
        if (typeof prop === 'string' && OTHER_BACKENDS_API.has(prop) && !(prop in target)) {
          throw new Error(`${OP}: a kernel for '${this.name}' called backend.${prop}, which TF.js's webgl, webgpu or wasm backend has; tessera hands kernels TF.js's cpu backend's API (data.get, readSync, read, write, makeTensorInfo, makeOutput, bufferSync, disposeIntermediateTensorInfo)`);
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  }
}

const hosts = new WeakMap<Backend, { host: HostKernelBackend; seen: object }>();

function hostFor(b: Backend): { host: HostKernelBackend; seen: object } {
  let entry = hosts.get(b);
  if (!entry) {
    const host = new HostKernelBackend(b.name);
    entry = { host, seen: host.asSeenByKernels() };
    hosts.set(b, entry);
  }
  return entry;
}

/** The kernel for the active backend: registered under its name, TF.js's names for it ('wasm' is cpu), or getBackend()'s text. */
function kernelFor(kernelName: string, b: Backend): KernelConfig {
  const names = [...namesFor(b.name), b.describe()];
  for (const name of names) {
    const config = getKernel(kernelName, name);
    if (config) return config;
  }
  throw new Error(`Kernel '${kernelName}' not registered for backend '${b.name}' (looked up under ${names.map((n) => `'${n}'`).join(', ')}; tessera's own ops are not kernels in the registry: call them as tn.<op>)`);
}

/** A kernel's output as a tensor, as TF.js's engine makes one: a Tensor as it is, else from the dataId the TensorInfo names. */
function toOutput(kernelName: string, info: unknown, i: number, host: HostKernelBackend, readable: Map<object, Tensor>): Tensor {
  if (info instanceof Tensor) return info;
  const what = `kernel '${kernelName}' output ${i}`;
  if (typeof info !== 'object' || info === null || !('dataId' in info) || !Array.isArray((info as TensorInfo).shape)) {
    throw argError(OP, what, describeValue(info), 'a TensorInfo {dataId, shape, dtype} or a Tensor');
  }
  const { dataId, shape, dtype } = info as TensorInfo;
  const made = host.records.get(dataId);
  if (made) {
    if (made.values === undefined) throw argError(OP, what, 'a TensorInfo made without values', 'values given to makeTensorInfo or write');
    if (made.values.length !== sizeOfShape(shape)) {
      throw argError(OP, what, `${made.values.length} values for shape ${fmtShape(shape)}`, `${sizeOfShape(shape)} values (one per element)`);
    }
    host.records.delete(dataId);
    return tensor(made.values as number[], shape, dtype);
  }
  const held = readable.get(dataId);
  if (!held) throw argError(OP, what, "a TensorInfo whose dataId is neither an input's, nor made while the kernel ran, nor by the backend", 'an input or a TensorInfo from makeTensorInfo or write');
  if (held.dtype !== dtype) throw argError(OP, what, `a tensor's dataId with dtype ${dtype}`, `its dtype ${held.dtype}`);
  // TF.js makes a new tensor on that tensor's data (a reshape kernel returns its input's with another shape).
  return sizeOfShape(shape) === held.size && fmtShape(shape) !== fmtShape(held.shape) ? reshape(held, shape) : clone(held);
}

/** The tensors gradFunc gets: inputsToSave (or every input), then the outputs outputsToSave marks, as TF.js saves them. */
function savedFor(grad: GradConfig, inputs: NamedTensorInfoMap, outputs: Tensor[]): Tensor[] {
  const fromInputs = grad.saveAllInputs ? Object.values(inputs) : (grad.inputsToSave ?? []).map((name) => inputs[name]);
  return [...fromInputs, ...outputs.filter((_, i) => grad.outputsToSave?.[i])] as Tensor[];
}

/** What the tape keeps of a kernel run to take its gradient (ops/grads/custom.ts). */
export interface KernelGradAttrs {
  /** Each input's gradient from every output's dy, null where the input needs none. */
  gradients(dys: readonly Tensor[], needed: readonly boolean[]): (Tensor | null)[];
}

function gradientsOf(kernelName: string, grad: GradConfig | undefined, names: string[], inputs: Tensor[], saved: Tensor[], attrs: NamedAttrMap | undefined): KernelGradAttrs {
  return {
    gradients: (dys, needed) => {
      if (!grad) throw new Error(`Cannot compute gradient: gradient function not found for ${kernelName}.`);
      const map = grad.gradFunc(dys.length > 1 ? [...dys] : dys[0], saved, attrs as NamedAttrMap);
      return names.map((name, i) => {
        if (!needed[i]) return null;
        if (typeof map !== 'object' || map === null || !(name in map)) {
          throw new Error(`Cannot backprop through input ${name}. Available gradients found: ${typeof map === 'object' && map !== null ? Object.keys(map).join(',') : describeValue(map)}.`);
        }
        const dx: unknown = map[name]();
        const x = inputs[i];
        if (!(dx instanceof Tensor)) throw new Error(`Error in gradient for op ${kernelName}. The gradient of input ${name} must be a Tensor, got ${describeValue(dx)}`);
        if (dx.dtype !== gradientDtype(x.dtype)) throw new Error(`Error in gradient for op ${kernelName}. The gradient of input ${name} must have '${gradientDtype(x.dtype)}' dtype, but has '${dx.dtype}'`);
        if (fmtShape(dx.shape) !== fmtShape(x.shape)) {
          throw new Error(`Error in gradient for op ${kernelName}. The gradient of input '${name}' has shape '${dx.shape.join(',')}', which does not match the shape of the input '${x.shape.join(',')}'`);
        }
        return dx;
      });
    },
  };
}

/**
 * Runs the kernel registered under kernelName for the active backend, as TF.js's engine().runKernel: the kernel gets
 * its inputs as given (tensors, and any other values a kernel takes), the backend (HostKernelBackend) and attrs; a
 * TensorInfo it returns becomes a tensor. Under a gradient, the gradient registered for kernelName (registerGradient)
 * gives the inputs' gradients; it is made of ops, so it is differentiable again.
 */
export function runKernel(kernelName: string, inputs: NamedTensorInfoMap, attrs?: NamedAttrMap): Tensor | Tensor[] {
  if (typeof kernelName !== 'string') throw argError(OP, 'kernelName', describeValue(kernelName), "a kernel's name (a string)");
  if (typeof inputs !== 'object' || inputs === null) throw argError(OP, 'inputs', describeValue(inputs), 'an object of the inputs by name');
  if (attrs !== undefined && (typeof attrs !== 'object' || attrs === null)) throw argError(OP, 'attrs', describeValue(attrs), 'an object of attributes, or undefined');
  const b = activeBackend();
  const config = kernelFor(kernelName, b);
  const { host, seen } = hostFor(b);
  const entries = Object.entries(inputs).filter((e): e is [string, Tensor] => e[1] instanceof Tensor);
  if (!host.setUp.has(config)) {
    config.setupFunc?.(seen);
    host.setUp.add(config);
  }
  // Its inputs, then the tensors made while it runs.
  const readable = new Map(entries.map(([, x]) => [x.dataId, x]));
  host.running.push(readable);
  const outer = watchMadeTensors((t) => {
    readable.set(t.dataId, t);
    outer?.(t);
  });
  let out: unknown;
  try {
    // Ops a kernel runs are part of it, not recorded apart, as in TF.js.
    out = withoutRecording(() => config.kernelFunc({ inputs, backend: seen, attrs }));
  } finally {
    watchMadeTensors(outer);
    host.running.pop();
  }
  const outputs = (Array.isArray(out) ? out : [out]).map((info, i) => toOutput(kernelName, info, i, host, readable));
  if (isRecording()) {
    const grad = getGradient(kernelName);
    const saved = grad ? savedFor(grad, inputs, outputs) : [];
    recordOp<KernelGradAttrs>('registeredKernel', entries.map(([, x]) => x), outputs, gradientsOf(kernelName, grad, entries.map(([n]) => n), entries.map(([, x]) => x), saved, attrs));
  }
  return Array.isArray(out) ? outputs : outputs[0];
}

/** TF.js's engine as programs call it: tensor/engine.ts's, with runKernel. */
export interface Engine extends TensorEngine {
  runKernel(kernelName: string, inputs: NamedTensorInfoMap, attrs?: NamedAttrMap): Tensor | Tensor[];
}

const ENGINE: Engine = Object.freeze(Object.create(tensorEngine(), { runKernel: { value: runKernel, enumerable: true } }) as Engine);

/** As tf.engine(): scopes, memory, the backend, the variables, and registered kernels run by name. */
export function engine(): Engine {
  return ENGINE;
}
