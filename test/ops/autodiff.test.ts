import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

const f64 = (v: tn.TensorLike, shape?: number[]) => tn.tensor(v, shape, 'float64');

describe('variable discovery: every trainable variable a loss uses, in any argument position', () => {
  it('variableGrads finds a variable that is the second operand of an op (the bias after matMul)', () => {
    const x = tn.tensor([[1, 2], [3, 4]]);
    const w = tn.variable(tn.tensor([[1], [2]]), true, 'discover_w');
    const b = tn.variable(tn.tensor([0.5]), true, 'discover_b');
    const { value, grads } = tn.variableGrads(() => tn.sum(tn.add(tn.matMul(x, w), b)));
    expect(value.arraySync()).toBe(17);
    expect(Object.keys(grads).sort()).toEqual(['discover_b', 'discover_w']);
    expect(grads.discover_w.arraySync()).toEqual([[4], [6]]);
    expect(grads.discover_b.arraySync()).toEqual([2]);
  });

  it('two variables meeting in one op both get gradients', () => {
    const u = tn.variable(tn.tensor([2]), true, 'meet_u');
    const v = tn.variable(tn.tensor([3]), true, 'meet_v');
    const { grads } = tn.variableGrads(() => tn.sum(tn.mul(u, v)));
    expect(grads.meet_u.arraySync()).toEqual([3]);
    expect(grads.meet_v.arraySync()).toEqual([2]);
  });

  it('every optimizer minimize updates the bias too', () => {
    for (const make of [() => tn.train.sgd(0.1), () => tn.train.adam(0.1)]) {
      const x = tn.tensor([[1, 2]]);
      const w = tn.variable(tn.tensor([[1], [1]]));
      const b = tn.variable(tn.tensor([1]));
      make().minimize(() => tn.sum(tn.square(tn.add(tn.matMul(x, w), b))));
      expect(b.dataSync()[0]).toBeLessThan(1);
      expect(w.dataSync()[0]).toBeLessThan(1);
    }
  });
});

describe('gradients of gradients', () => {
  it('d/db [ d/db Σ(a−b)² + b ] at b = 0.5, a = [1, 2, 3] is 7 (sub and broadcasting differentiated again)', () => {
    const a = f64([1, 2, 3]);
    const inner = (b: tn.Tensor) => tn.grad((c) => tn.sum(tn.square(tn.sub(a, c))))(b);
    expect(tn.grad((b) => tn.add(inner(b), b))(f64(0.5)).arraySync()).toBe(7);
  });

  it('relu, max and maxPool give zero second derivatives (connected, not an error), as TF.js', () => {
    const x = f64([-1, 2, 3], [3]);
    expect(tn.grad((t) => tn.grad((s) => tn.sum(tn.relu(s)))(t))(x).arraySync()).toEqual([0, 0, 0]);
    expect(tn.grad((t) => tn.grad((s) => tn.max(s))(t))(x).arraySync()).toEqual([0, 0, 0]);
    const img = tn.reshape(x, [1, 1, 3, 1]);
    expect(tn.grad((t) => tn.grad((s) => tn.sum(tn.maxPool(s, [1, 2], 1, 'valid')))(t))(img).dataSync()).toEqual(new Float64Array([0, 0, 0]));
  });

  it('the second derivative of the softmax cross-entropy is the softmax Jacobian, p(1 - p) on the diagonal', () => {
    const logits = f64([[0.3, -1, 2]]);
    const p = tn.softmax(logits).dataSync();
    const v = f64([[1, 0, 0]]);
    const hv = tn.grad((l) => tn.sum(tn.mul(tn.grad((m) => tn.sparseSoftmaxCrossEntropy(tn.tensor([2]), m))(l), v)))(logits).dataSync();
    expect(hv[0]).toBeCloseTo(p[0] * (1 - p[0]), 12);
    expect(hv[1]).toBeCloseTo(-p[0] * p[1], 12);
  });
});

describe('customGrad (TF.js semantics)', () => {
  it('uses gradFunc instead of the forward ops, with what f saved', () => {
    const clipped = tn.customGrad((x, save) => {
      (save as tn.GradSaveFunc)([x as tn.Tensor]);
      return { value: tn.square(x as tn.Tensor), gradFunc: (dy, [saved]) => tn.mul(dy, tn.mul(saved, 10)) };
    });
    const x = tn.tensor([1, 2]);
    expect(clipped(x).arraySync()).toEqual([1, 4]);
    expect(tn.grad((t) => tn.sum(clipped(t)))(x).arraySync()).toEqual([10, 20]);
  });

  it('takes several inputs and returns one gradient each', () => {
    const f = tn.customGrad((a, b) => ({ value: tn.add(a as tn.Tensor, b as tn.Tensor), gradFunc: (dy) => [dy, tn.mul(dy, 2)] }));
    const [ga, gb] = tn.grads((a, b) => tn.sum(f(a, b)))([tn.tensor([1]), tn.tensor([1])]);
    expect([ga.arraySync(), gb.arraySync()]).toEqual([[1], [2]]);
  });

  it('rejects a gradFunc that returns the wrong number of gradients, or the wrong shape', () => {
    const x = tn.tensor([1, 2]);
    const tooFew = tn.customGrad((a, b) => ({ value: tn.add(a as tn.Tensor, b as tn.Tensor), gradFunc: (dy) => dy }));
    expect(() => tn.grads((a, b) => tn.sum(tooFew(a, b)))([x, x])).toThrow("customGrad: gradFunc's result must be one gradient per input of f (2), in order, got 1 gradient");
    const wrongShape = tn.customGrad((a) => ({ value: tn.mul(a as tn.Tensor, 2), gradFunc: () => tn.tensor([1, 2, 3]) }));
    expect(() => tn.grad((a) => tn.sum(wrongShape(a)))(x)).toThrow("customGrad: gradFunc's gradient 0 must be input 0's shape [2] and dtype float32, got shape [3] and dtype float32");
    expect(() => tn.customGrad('f' as never)).toThrow('customGrad: f must be a function');
    expect(() => tn.customGrad(() => ({ value: 1, gradFunc: () => [] }) as never)(x)).toThrow("customGrad: f's result.value must be a Tensor");
  });

  it('save given a tensor rather than an array does nothing without a gradient, as TF.js\'s, and is refused under one', () => {
    const f = tn.customGrad((a, save) => {
      (save as (t: unknown) => void)(a);
      return { value: tn.square(a as tn.Tensor), gradFunc: (dy, [s]) => tn.mul(dy, tn.mul(s, 2)) };
    });
    const x = tn.tensor([1, 2]);
    expect(f(x).arraySync()).toEqual([1, 4]);
    expect(() => tn.grad((t) => tn.sum(f(t)))(x)).toThrow('customGrad: save(tensors) must be an array of Tensors, got a tensor of shape [2]');
  });
});

describe('bad input to the gradient functions', () => {
  it('names the argument, what came and what was expected', () => {
    const f = (x: tn.Tensor) => tn.sum(x);
    expect(() => tn.grads(f)([tn.tensor([1]), 'a' as never])).toThrow('grads: args[1] must be a Tensor or TensorLike values (a number, a boolean, an array or a typed array), got string "a"');
    expect(() => tn.grads(f)([])).toThrow('grads: args must be at least one Tensor to differentiate with respect to, got an empty array');
    expect(() => tn.valueAndGrads(f)([tn.tensor([1]), [2] as never])).toThrow('valueAndGrads: args[1] must be a Tensor, got');
    expect(() => tn.grad(f)(tn.tensor([1, 2]), tn.tensor([1, 2]))).toThrow("grad: dy must be the shape [] of f's result and dtype float32, got shape [2] and dtype float32");
    expect(() => tn.grad((x: tn.Tensor) => tn.mul(x, 2))(tn.tensor([1, 2], undefined, 'int32'), tn.tensor([1, 1], undefined, 'int32'))).toThrow("grad: dy must be the shape [2] of f's result and dtype float32, got shape [2] and dtype int32");
    expect(() => tn.grad(f)(tn.tensor([1, 2]), 'dy' as never)).toThrow('grad: dy must be a Tensor or TensorLike values (a number, a boolean, an array or a typed array), got string "dy"');
  });

  it('grad and grads take TensorLike arguments and dy, as TF.js does', () => {
    expect(tn.grad((x: tn.Tensor) => tn.sum(tn.square(x)))([1, 2]).arraySync()).toEqual([2, 4]);
    expect(tn.grad((x: tn.Tensor) => tn.square(x))(3, 2).arraySync()).toEqual(12);
    expect(tn.grads((a: tn.Tensor, b: tn.Tensor) => tn.sum(tn.mul(a, b)))([[1, 2], 3]).map((g) => g.arraySync())).toEqual([[3, 3], 3]);
  });

  it("grad and grads leave an argument f gives back as it is alive: it is the caller's", () => {
    const x = tn.tensor([1, 2]);
    const v = tn.variable(tn.tensor([3, 4]));
    expect(tn.grad((a: tn.Tensor) => a)(x).arraySync()).toEqual([1, 1]);
    expect(tn.grads((a: tn.Tensor) => a)([v]).map((g) => g.arraySync())).toEqual([[1, 1]]);
    expect([x.isDisposed, v.isDisposed]).toEqual([false, false]);
    expect(x.arraySync()).toEqual([1, 2]);
    // A result f made is freed, as before.
    const before = tn.memory().numTensors;
    tn.dispose(tn.grad((a: tn.Tensor) => tn.square(a))(x));
    expect(tn.memory().numTensors).toBe(before);
  });

  it('differentiates with respect to int32 and bool tensors as TF.js does: float32 gradients, dy through casts', () => {
    const i = tn.tensor([1, 2, 3], undefined, 'int32');
    const values = (t: tn.Tensor) => [t.dtype, Array.from(t.dataSync())];
    expect(values(tn.grad((x: tn.Tensor) => tn.sum(tn.mul(x, 2)))(i))).toEqual(['float32', [2, 2, 2]]);
    expect(values(tn.grad((x: tn.Tensor) => tn.sum(tn.square(tn.cast(x, 'float32'))))(i))).toEqual(['float32', [2, 4, 6]]);
    const [, gb] = tn.grads((x: tn.Tensor, b: tn.Tensor) => tn.sum(tn.mul(x, tn.cast(b, 'float32'))))([tn.tensor([3, 4]), tn.tensor([true, false])]);
    expect(values(gb)).toEqual(['float32', [3, 4]]);
  });
});

describe('tn.memory()', () => {
  it('counts tensors, shared buffers and bytes; tidy and dispose give them back', () => {
    const before = tn.memory();
    const t = tn.zeros([2, 3]);
    const r = tn.reshape(t, [6]);
    const after = tn.memory();
    expect(after.numTensors - before.numTensors).toBe(2);
    expect(after.numDataBuffers - before.numDataBuffers).toBe(1);
    // As TF.js: the reshape's 24 bytes count too, though it shares the buffer.
    expect(after.numBytes - before.numBytes).toBe(48);
    tn.dispose([t, r]);
    tn.tidy(() => {
      tn.add(tn.ones([4]), 1);
    });
    const end = tn.memory();
    expect([end.numTensors, end.numDataBuffers, end.numBytes]).toEqual([before.numTensors, before.numDataBuffers, before.numBytes]);
    expect(end.unreliable).toBe(true);
  });

  it('an assigned variable still counts as one buffer of its size', () => {
    const v = tn.variable(tn.zeros([3]));
    const next = tn.ones([3]);
    const before = tn.memory();
    v.assign(next);
    const after = tn.memory();
    expect([after.numTensors, after.numDataBuffers, after.numBytes]).toEqual([before.numTensors, before.numDataBuffers, before.numBytes]);
  });

  it('isDisposed tells a disposed tensor', () => {
    const t = tn.ones([1]);
    expect(t.isDisposed).toBe(false);
    t.dispose();
    expect(t.isDisposed).toBe(true);
  });
});
