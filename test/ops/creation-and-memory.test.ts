import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { expectGradOk, randTensor } from '../helpers';

describe('zerosLike, onesLike, keep, and the gradients of flatten and cast', () => {
  it('zerosLike and onesLike: a new tensor of the same shape and dtype, filled', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = tn.tensor([[1.5, -2, 3], [4, 5, 6]], undefined, dtype);
      const z = tn.zerosLike(x), o = tn.onesLike(x);
      expect([z.shape, z.dtype, z.arraySync()]).toEqual([[2, 3], dtype, [[0, 0, 0], [0, 0, 0]]]);
      expect([o.shape, o.dtype, o.arraySync()]).toEqual([[2, 3], dtype, [[1, 1, 1], [1, 1, 1]]]);
      // Independent of x: x is untouched and disposing x leaves them readable.
      x.dispose();
      expect(z.dataSync()[0] + o.dataSync()[5]).toBe(1);
    }
    expect(tn.onesLike(tn.scalar(7)).arraySync()).toBe(1);
  });

  it('keep: a tensor made inside tidy survives it, and only that one', () => {
    let inner: tn.Tensor | undefined, kept: tn.Tensor | undefined;
    const out = tn.tidy(() => {
      inner = tn.tensor([1, 2]);
      kept = tn.keep(tn.mul(inner, 10));
      return tn.add(inner, 1);
    });
    expect(inner!.isDisposed).toBe(true);
    expect(kept!.isDisposed).toBe(false);
    expect(kept!.arraySync()).toEqual([10, 20]);
    expect(out.arraySync()).toEqual([2, 3]);
    // Kept inside a nested tidy, it outlives the outer one too.
    let deep: tn.Tensor | undefined;
    tn.tidy(() => { tn.tidy(() => { deep = tn.keep(tn.ones([1])); }); });
    expect(deep!.isDisposed).toBe(false);
  });

  it('a tidy whose function throws disposes what it made (kept tensors aside), as TF.js: numTensors stays flat', () => {
    const before = tn.memory().numTensors;
    let made: tn.Tensor | undefined, kept: tn.Tensor | undefined;
    for (let i = 0; i < 20; i++) {
      expect(() => tn.tidy(() => {
        made = tn.ones([1000]);
        kept = tn.keep(tn.mul(made, 2));
        tn.tidy(() => tn.add(made as tn.Tensor, tn.zeros([3])));
      })).toThrow(/add/);
      expect(made!.isDisposed).toBe(true);
      expect(kept!.dataSync()[0]).toBe(2);
      kept!.dispose();
    }
    expect(tn.memory().numTensors).toBe(before);
  });

  it('flatten: [batch, ...] to [batch, rest]; its gradient reshapes back', () => {
    const x = randTensor([2, 3, 2], 5);
    expect(tn.flatten(x).shape).toEqual([2, 6]);
    const w = randTensor([2, 6], 6);
    expectGradOk((t) => tn.sum(tn.mul(tn.flatten(t), w)), [x]);
    const g = tn.grad((t) => tn.sum(tn.mul(tn.flatten(t), w)))(x);
    expect(g.shape).toEqual([2, 3, 2]);
    expect(Array.from(g.dataSync())).toEqual(Array.from(w.dataSync()));
  });

  it('cast between float32 and float64: values convert, the gradient comes back in the input dtype', () => {
    const x32 = tn.tensor([0.1, -2.5, 3]);
    const up = tn.cast(x32, 'float64');
    expect(up.dtype).toBe('float64');
    expect(Array.from(up.dataSync())).toEqual(Array.from(x32.dataSync()));
    // d/dx sum(cast(x)^2) = 2x, as float32 for a float32 x.
    const g32 = tn.grad((t) => tn.sum(tn.square(tn.cast(t, 'float64'))))(x32);
    expect(g32.dtype).toBe('float32');
    expect(Array.from(g32.dataSync())).toEqual(Array.from(x32.dataSync(), (v) => Math.fround(2 * v)));
    const x64 = tn.tensor([0.1, -2.5, 3], undefined, 'float64');
    const down = tn.cast(x64, 'float32');
    expect(Array.from(down.dataSync())).toEqual([0.1, -2.5, 3].map(Math.fround));
    const g64 = tn.grad((t) => tn.sum(tn.mul(tn.cast(t, 'float32'), tn.tensor([1, 2, 3]))))(x64);
    expect(g64.dtype).toBe('float64');
    expect(Array.from(g64.dataSync())).toEqual([1, 2, 3]);
  });
});
