import { afterAll, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { describeGpu, gpu } from './gpu-context';

type Host = { readSync(id: object): ArrayLike<number>; makeTensorInfo(shape: number[], dtype: string, values: Float32Array): object };

// A kernel a program registers for TF.js's 'webgl' runs on tessera's gpu backend with TF.js's cpu backend API
// (values read from the device), and its gradient, made of ops, runs there as on cpu.
function run(name: 'cpu' | 'gpu'): unknown[] {
  setBackend(name);
  return tn.tidy(() => {
    const x = tn.tensor([[0.5, -1], [2, 3]]);
    const cube = (t: tn.Tensor) => tn.engine().runKernel('Cube', { x: t }) as tn.Tensor;
    const g = tn.grad((t: tn.Tensor) => tn.sum(cube(t)))(x);
    return [cube(x).arraySync(), g.arraySync(), tn.getBackend().split(' ')[0]];
  });
}

describeGpu('registered kernels on the gpu backend', () => {
  afterAll(() => {
    setBackend('cpu');
    for (const b of ['cpu', 'webgl']) tn.unregisterKernel('Cube', b);
    tn.unregisterGradient('Cube');
  });

  it('run as on cpu, found under TF.js\'s name for the backend', () => {
    registerBackend('gpu', () => gpu!);
    const kernelFunc = ({ inputs, backend }: { inputs: { x: { dataId: object; shape: number[] } }; backend: Host }) =>
      backend.makeTensorInfo(inputs.x.shape, 'float32', Float32Array.from(backend.readSync(inputs.x.dataId), (v) => v ** 3));
    for (const backendName of ['cpu', 'webgl']) tn.registerKernel({ kernelName: 'Cube', backendName, kernelFunc: kernelFunc as never });
    tn.registerGradient({ kernelName: 'Cube', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tn.mul(dy as tn.Tensor, tn.mul(tn.square(x), 3)) }) });
    const want = run('cpu');
    const got = run('gpu');
    expect(want[2]).toBe('cpu');
    expect(got[2]).toBe('gpu');
    expect(got.slice(0, 2)).toEqual(want.slice(0, 2));
    expect(want.slice(0, 2)).toEqual([[[0.125, -1], [8, 27]], [[0.75, 3], [12, 27]]]);
  });
});
