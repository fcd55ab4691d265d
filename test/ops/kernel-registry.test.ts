import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/node';

type Lib = typeof tn | typeof tf;
type Backend = { readSync(id: object): ArrayLike<number>; makeTensorInfo(shape: number[], dtype: string, values?: ArrayLike<number>): object; data: { get(id: object): { values: ArrayLike<number> } }; disposeIntermediateTensorInfo(info: object): void; write(v: ArrayLike<number>, shape: number[], dtype: string): object; makeOutput(v: ArrayLike<number>, shape: number[], dtype: string): unknown };
type Info = { dataId: object; shape: number[]; dtype: string };
type KernelArgs = { inputs: Record<string, Info>; backend: Backend; attrs?: Record<string, unknown> };

const registered: Array<[Lib, string, string]> = [];
const gradients: Array<[Lib, string]> = [];

/** Registers a kernel written against TF.js's cpu backend API in both libraries, for the backend each runs ('cpu'). */
function kernelBoth(kernelName: string, kernelFunc: (args: KernelArgs) => unknown, extra: Record<string, unknown> = {}): void {
  kernelEach(kernelName, () => kernelFunc, extra);
}

/** kernelBoth for a kernel that calls its own library (ops, runKernel). */
function kernelEach(kernelName: string, make: (lib: Lib) => (args: KernelArgs) => unknown, extra: Record<string, unknown> = {}): void {
  for (const lib of [tf, tn] as Lib[]) {
    (lib.registerKernel as (c: object) => void)({ kernelName, backendName: 'cpu', kernelFunc: make(lib), ...extra });
    registered.push([lib, kernelName, 'cpu']);
  }
}

function gradientBoth(kernelName: string, make: (lib: Lib) => object): void {
  for (const lib of [tf, tn] as Lib[]) {
    (lib.registerGradient as (c: object) => void)({ kernelName, ...make(lib) });
    gradients.push([lib, kernelName]);
  }
}

afterEach(() => {
  for (const [lib, k, b] of registered.splice(0)) lib.unregisterKernel(k, b);
  for (const [lib, k] of gradients.splice(0)) if (lib.getGradient(k)) lib.unregisterGradient(k);
});

const run = (lib: Lib, name: string, inputs: object, attrs?: object) => (lib.engine() as unknown as { runKernel(n: string, i: object, a?: object): unknown }).runKernel(name, inputs, attrs);
const values = (t: unknown) => Array.from((t as tn.Tensor).dataSync() as Float32Array);

// Squares each value and adds attrs.bias: the guide's kind of cpu kernel (reads values, writes a new TensorInfo).
function squarePlus({ inputs, backend, attrs }: KernelArgs): Info {
  const { x } = inputs;
  const xs = backend.data.get(x.dataId).values;
  const out = new Float32Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[i] * xs[i] + (attrs?.bias as number);
  return backend.makeTensorInfo(x.shape, 'float32', out) as Info;
}

describe('kernel registry: kernels a program registers run through engine().runKernel as in TF.js', () => {
  it('a cpu kernel reads its input, takes attrs and returns a TensorInfo; the result and the tensor count match TF.js', () => {
    kernelBoth('SquarePlus', squarePlus);
    const results = ([tf, tn] as Lib[]).map((lib) => {
      const before = lib.memory().numTensors;
      const x = (lib as typeof tn).tensor([[1, -2], [3, 0.5]]);
      const y = run(lib, 'SquarePlus', { x }, { bias: 0.25 }) as tn.Tensor;
      return { shape: y.shape, dtype: y.dtype, v: values(y), x: values(x), added: lib.memory().numTensors - before };
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[1].v).toEqual([1.25, 4.25, 9.25, 0.5]);
    expect(results[1].x).toEqual([1, -2, 3, 0.5]);
  });

  it('a kernel with non-tensor inputs, readSync, write, intermediates and several outputs (an STFT-like frame split)', () => {
    // Frames of `frameLength` every `frameStep` (numbers among the inputs, as BirdNET's STFT kernel takes them),
    // and each frame's energy: two outputs.
    kernelBoth('Frames', ({ inputs, backend }) => {
      const { signal } = inputs;
      const frameLength = inputs.frameLength as unknown as number;
      const frameStep = inputs.frameStep as unknown as number;
      const x = backend.readSync(signal.dataId);
      const n = Math.floor((x.length - frameLength) / frameStep) + 1;
      const scratch = backend.makeTensorInfo([n], 'float32', new Float32Array(n));
      const frames = new Float32Array(n * frameLength);
      const energy = new Float32Array(n);
      for (let f = 0; f < n; f++) {
        for (let j = 0; j < frameLength; j++) {
          frames[f * frameLength + j] = x[f * frameStep + j];
          energy[f] += x[f * frameStep + j] ** 2;
        }
      }
      backend.disposeIntermediateTensorInfo(scratch);
      const id = backend.write(energy, [n], 'float32');
      return [backend.makeTensorInfo([n, frameLength], 'float32', frames), { dataId: id, shape: [n], dtype: 'float32' }];
    });
    const out = ([tf, tn] as Lib[]).map((lib) => {
      const signal = lib.tensor1d([1, 2, 3, 4, 5, 6, 7]);
      const [frames, energy] = run(lib, 'Frames', { signal, frameLength: 3, frameStep: 2 }) as tn.Tensor[];
      return [frames.shape, values(frames), values(energy)];
    });
    expect(out[1]).toEqual(out[0]);
    expect(out[1]).toEqual([[3, 3], [1, 2, 3, 3, 4, 5, 5, 6, 7], [14, 50, 110]]);
  });

  it('a kernel returning its input with another shape (a reshape kernel), a Tensor, or makeOutput gives what TF.js gives', () => {
    kernelBoth('AsRow', ({ inputs: { x } }) => ({ dataId: x.dataId, shape: [1, 4], dtype: x.dtype }));
    kernelBoth('ViaOps', ({ inputs, backend }) => backend.makeOutput(Float32Array.from(backend.readSync(inputs.x.dataId), (v) => v * 2), inputs.x.shape, 'float32'));
    for (const lib of [tf, tn] as Lib[]) {
      const x = (lib as typeof tn).tensor([[1, 2], [3, 4]]);
      const row = run(lib, 'AsRow', { x }) as tn.Tensor;
      expect([row.shape, values(row)]).toEqual([[1, 4], [1, 2, 3, 4]]);
      const twice = run(lib, 'ViaOps', { x }) as tn.Tensor;
      expect([twice.shape, values(twice)]).toEqual([[2, 2], [2, 4, 6, 8]]);
    }
  });

  it('a kernel reads tensors it made (makeOutput, an op, a kernel it ran) by their dataIds, and may return one, as mind-ar-js\'s kernels do', () => {
    kernelBoth('Halve', ({ inputs: { x }, backend }) => backend.makeTensorInfo(x.shape, 'float32', Float32Array.from(backend.readSync(x.dataId), (v) => v / 2)));
    kernelEach('Pipeline', (lib) => ({ inputs: { x }, backend }) => {
      const made = backend.makeOutput(Float32Array.from(backend.readSync(x.dataId), (v) => v + 1), x.shape, 'float32') as Info;
      const viaOp = (made as unknown as tn.Tensor).mul(3);
      const viaKernel = run(lib, 'Halve', { x: viaOp }) as Info;
      const a = backend.data.get(made.dataId).values;
      const b = backend.readSync(viaOp.dataId);
      const c = backend.readSync(viaKernel.dataId);
      const sum = backend.makeTensorInfo(x.shape, 'float32', Float32Array.from(a, (v, i) => v + b[i] + c[i]));
      return [sum, { dataId: viaKernel.dataId, shape: [x.shape[0], 1], dtype: 'float32' }];
    });
    const out = ([tf, tn] as Lib[]).map((lib) => {
      const x = (lib as typeof tn).tensor1d([1, 3]);
      const [sum, col] = run(lib, 'Pipeline', { x }) as tn.Tensor[];
      return [values(sum), col.shape, values(col)];
    });
    expect(out[1]).toEqual(out[0]);
    expect(out[1]).toEqual([[2 + 6 + 3, 4 + 12 + 6], [2, 1], [3, 6]]);
  });

  it('a registered gradient gives the inputs\' gradients, made of ops, so second derivatives work too (float64 against the exact values)', () => {
    kernelBoth('SquarePlus', squarePlus);
    gradientBoth('SquarePlus', (lib) => ({
      inputsToSave: ['x'],
      gradFunc: (dy: tn.Tensor, saved: tn.Tensor[]) => ({ x: () => (lib as typeof tn).mul(dy, (lib as typeof tn).mul(saved[0], 2)) }),
    }));
    const xs = [0.5, -1.5, 2];
    const grads = ([tf, tn] as Lib[]).map((lib) => {
      const f = (x: tn.Tensor) => (lib as typeof tn).sum(run(lib, 'SquarePlus', { x }, { bias: 1 }) as tn.Tensor);
      const g = (lib as typeof tn).grad(f as never)((lib as typeof tn).tensor(xs) as never) as tn.Tensor;
      return values(g);
    });
    expect(grads[1]).toEqual(grads[0]);
    expect(grads[1]).toEqual([1, -3, 4]);
    // The kernel's forward pass is float32; its gradient rule is made of ops, so it differentiates again: d/dx of
    // sum(gradient · x) is 2·(2x) = 4x here, exact in float64 (the kernel returns float32; the rule runs in float64).
    const x = tn.tensor(xs, [3], 'float64');
    const second = tn.grad((t: tn.Tensor) => tn.sum(tn.mul(tn.grad((s: tn.Tensor) => tn.sum(run(tn, 'SquarePlus', { x: s }, { bias: 1 }) as tn.Tensor))(t), t)))(x);
    expect(second.dtype).toBe('float64');
    expect(Array.from(second.dataSync())).toEqual(xs.map((v) => 4 * v));
  });

  it('gradients of several outputs get dys in order, zeros for an output that led nowhere; outputsToSave hands outputs to gradFunc', () => {
    kernelBoth('SplitHalves', ({ inputs, backend }) => {
      const x = backend.readSync(inputs.x.dataId);
      const h = x.length / 2;
      return [backend.makeTensorInfo([h], 'float32', Float32Array.from({ length: h }, (_, i) => x[i])), backend.makeTensorInfo([h], 'float32', Float32Array.from({ length: h }, (_, i) => Math.exp(x[h + i])))];
    });
    gradientBoth('SplitHalves', (lib) => ({
      outputsToSave: [false, true],
      gradFunc: (dys: tn.Tensor[], saved: tn.Tensor[]) => ({ x: () => (lib as typeof tn).concat([dys[0], (lib as typeof tn).mul(dys[1], saved[0])]) }),
    }));
    const out = ([tf, tn] as Lib[]).map((lib) => {
      const ops = lib as typeof tn;
      const x = ops.tensor([1, 2, 0.5, -1]);
      const both = ops.grad((t: tn.Tensor) => { const [a, b] = run(lib, 'SplitHalves', { x: t }) as tn.Tensor[]; return ops.add(ops.sum(ops.mul(a, 3)), ops.sum(b)); })(x);
      const firstOnly = ops.grad((t: tn.Tensor) => ops.sum((run(lib, 'SplitHalves', { x: t }) as tn.Tensor[])[0]))(x);
      return [values(both), values(firstOnly)];
    });
    expect(out[1][0]).toEqual(out[0][0]);
    expect(out[1][1]).toEqual(out[0][1]);
    expect(out[1][1]).toEqual([1, 1, 0, 0]);
    expect(out[1][0][2]).toBeCloseTo(Math.exp(0.5), 6);
  });

  it('errors: gradient missing, a gradient for the wrong input, a wrong shape, as TF.js words them', () => {
    kernelBoth('SquarePlus', squarePlus);
    const f = (lib: Lib) => () => (lib as typeof tn).grad((x: tn.Tensor) => (lib as typeof tn).sum(run(lib, 'SquarePlus', { x }, { bias: 0 }) as tn.Tensor))((lib as typeof tn).tensor([1, 2]));
    expect(f(tn)).toThrow('Cannot compute gradient: gradient function not found for SquarePlus.');
    expect(f(tf)).toThrow('gradient function not found for SquarePlus');
    gradientBoth('SquarePlus', () => ({ gradFunc: () => ({ y: () => null }) }));
    expect(f(tn)).toThrow('Cannot backprop through input x. Available gradients found: y.');
    expect(f(tf)).toThrow('Cannot backprop through input x. Available gradients found: y.');
    gradientBoth('SquarePlus', (lib) => ({ gradFunc: () => ({ x: () => (lib as typeof tn).zeros([3]) }) }));
    expect(f(tn)).toThrow("Error in gradient for op SquarePlus. The gradient of input 'x' has shape '3', which does not match the shape of the input '2'");
    expect(f(tf)).toThrow("The gradient of input 'x' has shape '3', which does not match the shape of the input '2'");
  });

  it('the registry answers as TF.js\'s: getKernel, getKernelsForBackend, copyRegisteredKernels, warnings and errors', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(tn.getKernel('Mine', 'cpu')).toBeUndefined();
      kernelBoth('Mine', squarePlus);
      expect(tn.getKernel('Mine', 'cpu')?.kernelFunc).toBe(squarePlus);
      expect(tn.getKernelsForBackend('cpu').map((k) => k.kernelName)).toContain('Mine');
      tn.copyRegisteredKernels('cpu', 'mine-backend');
      registered.push([tn, 'Mine', 'mine-backend']);
      expect(tn.getKernelsForBackend('mine-backend').map((k) => k.kernelName)).toEqual(['Mine']);
      tn.registerKernel({ kernelName: 'Mine', backendName: 'cpu', kernelFunc: squarePlus as never });
      expect(warn).toHaveBeenCalledWith("The kernel 'Mine' for backend 'cpu' is already registered");
      // A TF.js kernel name: tessera's own op does not run through it, and the program is told.
      tn.registerGradient({ kernelName: tn.Relu, gradFunc: () => ({}) });
      gradients.push([tn, 'Relu']);
      expect(String(warn.mock.calls.at(-1)?.[0])).toContain("tessera's own ops do not look kernels or gradients up in the registry");
    } finally {
      warn.mockRestore();
    }
    expect(() => tn.unregisterKernel('Nope', 'cpu')).toThrow("The kernel 'Nope' for backend 'cpu' is not registered");
    expect(() => tf.unregisterKernel('Nope', 'cpu')).toThrow("The kernel 'Nope' for backend 'cpu' is not registered");
    expect(() => tn.unregisterGradient('Nope')).toThrow("The gradient 'Nope' for backend is not registered");
    expect(() => run(tn, 'Nope', {})).toThrow("Kernel 'Nope' not registered for backend 'cpu'");
    expect(() => run(tf, 'Nope', {})).toThrow("Kernel 'Nope' not registered for backend 'cpu'");
    expect(tn.Conv2D).toBe(tf.Conv2D);
    expect(tn.FusedConv2D).toBe('FusedConv2D');
  });

  it('a kernel registered under a TF.js name for the backend (\'wasm\' is cpu here), or under getBackend()\'s text, runs; setupFunc runs once first', () => {
    const setups: object[] = [];
    tn.registerKernel({ kernelName: 'ViaWasm', backendName: 'wasm', kernelFunc: squarePlus as never, setupFunc: (b) => setups.push(b) });
    registered.push([tn, 'ViaWasm', 'wasm']);
    tn.registerKernel({ kernelName: 'ViaText', backendName: tn.getBackend(), kernelFunc: squarePlus as never });
    registered.push([tn, 'ViaText', tn.getBackend()]);
    const x = tn.tensor([2]);
    expect(values(run(tn, 'ViaWasm', { x }, { bias: 1 }))).toEqual([5]);
    expect(values(run(tn, 'ViaWasm', { x }, { bias: 0 }))).toEqual([4]);
    expect(setups.length).toBe(1);
    expect(values(run(tn, 'ViaText', { x }, { bias: 0 }))).toEqual([4]);
  });

  it('bad input is refused naming the argument; a kernel written for webgl is told which API it gets', () => {
    expect(() => tn.registerKernel({ kernelName: '', backendName: 'cpu', kernelFunc: squarePlus as never })).toThrow('registerKernel: config.kernelName must be a non-empty string');
    expect(() => tn.registerKernel({ kernelName: 'K', backendName: 'cpu', kernelFunc: 3 as never })).toThrow('registerKernel: config.kernelFunc must be a function, got number 3');
    expect(() => tn.registerGradient({ kernelName: 'K', gradFunc: (() => ({})) as never, inputsToSave: 'x' as never })).toThrow('registerGradient: config.inputsToSave must be an array of input names');
    expect(tn.getKernel('K', 'cpu')).toBeUndefined();
    expect(() => run(tn, 'K', null as never)).toThrow('runKernel: inputs must be an object of the inputs by name');
    expect(() => run(tn, 3 as never, {})).toThrow("runKernel: kernelName must be a kernel's name (a string), got number 3");
    expect(() => run(tn, 'K', {}, 'x' as never)).toThrow('runKernel: attrs must be an object of attributes, or undefined');
    expect(() => tn.registerKernel({ kernelName: 'K', backendName: 'cpu', kernelFunc: squarePlus as never, setupFunc: 3 as never })).toThrow('registerKernel: config.setupFunc must be a function or undefined');
    expect(() => tn.registerGradient({ kernelName: 'K', gradFunc: (() => ({})) as never, outputsToSave: [1] as never })).toThrow('registerGradient: config.outputsToSave must be an array of booleans');
    expect([tn.getKernel('K', 'cpu'), tn.getGradient('K')]).toEqual([undefined, undefined]);
    tn.registerKernel({ kernelName: 'Shader', backendName: 'cpu', kernelFunc: (({ backend }: { backend: { runWebGLProgram(): unknown } }) => backend.runWebGLProgram()) as never });
    registered.push([tn, 'Shader', 'cpu']);
    expect(() => run(tn, 'Shader', {})).toThrow("runKernel: a kernel for 'cpu' called backend.runWebGLProgram, which TF.js's webgl, webgpu or wasm backend has");
    tn.registerKernel({ kernelName: 'Short', backendName: 'cpu', kernelFunc: (({ backend }: KernelArgs) => backend.makeTensorInfo([2, 2], 'float32', new Float32Array(3))) as never });
    registered.push([tn, 'Short', 'cpu']);
    expect(() => run(tn, 'Short', {})).toThrow("runKernel: kernel 'Short' output 0 must be 4 values (one per element), got 3 values for shape [2, 2]");
    tn.registerKernel({ kernelName: 'WasmStyle', backendName: 'cpu', kernelFunc: (({ backend }: { backend: { makeOutput(shape: number[], dtype: string): unknown } }) => backend.makeOutput([2], 'float32')) as never });
    registered.push([tn, 'WasmStyle', 'cpu']);
    expect(() => run(tn, 'WasmStyle', {})).toThrow("runKernel: a kernel called backend.makeOutput(shape, dtype), the form of TF.js's wasm backend");
  });
});
