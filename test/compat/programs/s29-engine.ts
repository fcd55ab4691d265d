import type { GradSaveFunc, Scalar, Tensor, Tensor1D, TensorContainer, Variable } from '../../../src/index';
import type { Program, TF } from '../harness';

// The core engine and the tensor surface as TF.js programs reach them, after tfjs-core's own engine, tensor,
// variable, gradient and util tests: tidy scopes and what they keep, dispose of containers, tf.memory() through
// views, variables and their names, gradients at their edges, tf.profile's counts, tf.env() flags, chained methods,
// printing and buffers. Memory counts are read as differences, since other programs run in the same engine.

/** Each attempt's value, or 'threw' (tessera's messages name more than TF.js's; that both throw is what counts). */
function each(fs: (() => unknown)[]): unknown[] {
  return fs.map((f) => { try { return f(); } catch { return 'threw'; } });
}

/**
 * The change in tf.memory()'s tensor and buffer counts that f leaves, and f's result. (Bytes are left out: TF.js
 * 4.22's numBytes turns NaN for good once earlier programs of the process have made some string or complex tensors.)
 */
function counting<T>(tf: TF, f: () => T): { value: T; tensors: number; buffers: number } {
  const before = tf.memory();
  const value = f();
  const after = tf.memory();
  return { value, tensors: after.numTensors - before.numTensors, buffers: after.numDataBuffers - before.numDataBuffers };
}


export const s29Engine: Program[] = [
  // tidy
  {
    name: 'tidy returning an object of a tensor and an array of tensors keeps exactly those, frees the rest',
    run: (tf) => {
      const r = counting(tf, () => tf.tidy(() => {
        const a = tf.tensor1d([1, 2, 3]);
        const b = a.square();
        const c = b.add(1);
        return { first: c, rest: [a.mul(2), b.neg()] };
      }));
      return [r.tensors, r.buffers, r.value.first, r.value.rest];
    },
  },
  {
    name: 'nested tidy: the inner result reaches the outer scope, which frees it when the outer returns something else',
    run: (tf) => {
      let inner: Tensor | null = null;
      const r = counting(tf, () => tf.tidy(() => {
        inner = tf.tidy(() => tf.scalar(2).mul(tf.scalar(3)));
        const kept = (inner as Tensor).isDisposed;
        return [tf.scalar(kept ? 1 : 0), (inner as Tensor).add(1)];
      }));
      return [r.tensors, r.value, (inner as unknown as Tensor).isDisposed];
    },
  },
  {
    name: 'tidy with a name as the first argument runs the function and scopes as without one',
    run: (tf) => {
      const r = counting(tf, () => tf.tidy('s29_named_scope', () => tf.ones([2, 2]).add(tf.ones([2, 2]))));
      return [r.tensors, r.value];
    },
  },
  {
    name: 'tidy whose function throws frees what it made before rethrowing the error',
    run: (tf) => {
      const before = tf.memory().numTensors;
      const outcome = each([() => tf.tidy(() => {
        tf.ones([3]).add(2);
        tf.zeros([4]);
        throw new Error('inside tidy');
      })]);
      return [outcome, tf.memory().numTensors - before];
    },
  },
  {
    name: 'tidy returning the same tensor twice and an input made outside it: nothing is double-counted or freed',
    run: (tf) => {
      const outside = tf.tensor1d([5, 6]);
      const r = counting(tf, () => tf.tidy(() => {
        const t = outside.mul(2);
        return [t, t, outside];
      }));
      return [r.tensors, r.value[0], r.value[1] === r.value[0], outside.isDisposed];
    },
  },
  {
    name: 'tidy returning nothing frees everything it made; returning a number is refused',
    run: (tf) => {
      const r = counting(tf, () => tf.tidy(() => { tf.ones([5]).mul(3); }));
      return [r.tensors, r.value === undefined, each([() => tf.tidy(() => 3 as unknown as Tensor)])];
    },
  },
  {
    name: 'tidy returning a string or an object with plain values next to tensors',
    run: (tf) => {
      const r = counting(tf, () => tf.tidy(() => ({ t: tf.scalar(4).sqrt(), label: 'x', n: 3 }) as unknown as TensorContainer));
      return [r.tensors, r.value];
    },
  },
  {
    name: 'keep inside two nested tidies outlives both; the kept flag reads true',
    run: (tf) => {
      let kept: Tensor | null = null;
      const r = counting(tf, () => tf.tidy(() => {
        tf.tidy(() => {
          kept = tf.keep(tf.tensor1d([1, 2]).mul(3));
          tf.ones([2]);
        });
        tf.zeros([2]);
      }));
      const k = kept as unknown as Tensor;
      return [r.tensors, k.isDisposed, k.kept, k];
    },
  },
  {
    name: 'keep outside any tidy returns the tensor itself, and a later tidy does not free it',
    run: (tf) => {
      const t = tf.tensor1d([7]);
      const same = tf.keep(t) === t;
      tf.tidy(() => t.add(1));
      return [same, t.isDisposed, t];
    },
  },
  {
    name: 'startScope and endScope by hand: tensors made between them are freed except the ones passed to endScope',
    run: (tf) => {
      const r = counting(tf, () => {
        tf.engine().startScope();
        const a = tf.tensor1d([1, 2, 3]);
        const b = a.add(1);
        tf.engine().endScope(b);
        return [a.isDisposed, b.isDisposed, b.arraySync()];
      });
      return [r.tensors, r.value];
    },
  },
  {
    name: 'a variable made inside tidy outlives it while the tensor it was made from does not',
    run: (tf) => {
      let v: Variable | null = null;
      let init: Tensor | null = null;
      const r = counting(tf, () => tf.tidy(() => {
        init = tf.tensor1d([1, 2, 3]).mul(2);
        v = tf.variable(init, true, 's29_var_in_tidy');
      }));
      const out = [r.tensors, (init as unknown as Tensor).isDisposed, (v as unknown as Variable).isDisposed, (v as unknown as Variable).arraySync()];
      (v as unknown as Variable).dispose();
      return out;
    },
  },
  // dispose
  {
    name: 'dispose of a nested container: arrays in objects in arrays, numbers and nulls ignored',
    run: (tf) => {
      const a = tf.ones([2]);
      const b = tf.zeros([3]);
      const c = tf.scalar(1);
      const r = counting(tf, () => tf.dispose([{ x: a, inner: [b, { deep: c }] }, 5, null] as unknown as TensorContainer));
      return [r.tensors, a.isDisposed, b.isDisposed, c.isDisposed];
    },
  },
  {
    name: 'disposing a tensor twice and a disposed tensor inside a container changes the count once',
    run: (tf) => {
      const a = tf.tensor1d([1, 2]);
      const b = tf.tensor1d([3]);
      const r = counting(tf, () => {
        a.dispose();
        a.dispose();
        tf.dispose([a, b, a]);
      });
      return [r.tensors, r.buffers];
    },
  },
  {
    name: 'using a disposed tensor throws for dataSync, arraySync, ops and toString; shape and dtype still read',
    run: (tf) => {
      const t = tf.tensor2d([[1, 2], [3, 4]]);
      t.dispose();
      return [each([() => t.dataSync(), () => t.arraySync(), () => t.add(1), () => t.toString(), () => t.reshape([4])]), t.shape, t.dtype, t.size, t.rank, t.isDisposed];
    },
  },
  // memory through views
  {
    name: 'memory: reshape and clone share the buffer (one more tensor, no more buffers)',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const r1 = counting(tf, () => x.reshape([3, 2]));
      const r2 = counting(tf, () => x.clone());
      const r3 = counting(tf, () => x.flatten());
      return [[r1.tensors, r1.buffers], [r2.tensors, r2.buffers], [r3.tensors, r3.buffers], r1.value.dataId === x.dataId];
    },
  },
  {
    name: 'memory: cast to the same dtype shares the buffer, to another dtype makes one; bool included',
    run: (tf) => {
      const x = tf.tensor1d([1, 0, 2, 3]);
      const same = counting(tf, () => x.cast('float32'));
      const toInt = counting(tf, () => x.cast('int32'));
      const toBool = counting(tf, () => x.cast('bool'));
      return [[same.tensors, same.buffers], [toInt.tensors, toInt.buffers], [toBool.tensors, toBool.buffers], toBool.value];
    },
  },
  {
    name: 'memory: a buffer shared by a reshape stays until its last holder is disposed',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3, 4]);
      const y = x.reshape([2, 2]);
      const steps: number[][] = [];
      const snap = () => { const m = tf.memory(); steps.push([m.numTensors, m.numDataBuffers]); };
      snap();
      x.dispose();
      snap();
      const readable = y.arraySync();
      y.dispose();
      snap();
      return [steps.map((s) => s.map((v, i) => v - steps[0][i])), readable];
    },
  },
  {
    name: 'memory: expandDims, squeeze and as2D are views; slice, transpose and tile make buffers',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      const views = [() => x.expandDims(0), () => x.expandDims(1).squeeze([1]), () => x.as1D(), () => x.as2D(1, 4)].map((f) => { const r = counting(tf, f); return [r.tensors, r.buffers]; });
      const copies = [() => x.slice([0, 0], [1, 2]), () => x.transpose(), () => x.tile([1, 2])].map((f) => { const r = counting(tf, f); return [r.tensors, r.buffers]; });
      return [views, copies];
    },
  },
  {
    name: 'memory: int32, bool, complex64 and empty tensors each count one tensor',
    run: (tf) => {
      const i = counting(tf, () => tf.tensor1d([1, 2, 3], 'int32'));
      const b = counting(tf, () => tf.tensor1d([true, false, true, true], 'bool'));
      const c = counting(tf, () => tf.complex([1, 2], [3, 4]));
      const z = counting(tf, () => tf.zeros([0, 3]));
      return [[i.tensors], [b.tensors], [c.tensors], [z.tensors, z.buffers]];
    },
  },
  {
    name: 'memory: string tensors mark the count unreliable with a second reason while one lives',
    run: (tf) => {
      const s = tf.tensor1d(['ab', 'cde']);
      const during = tf.memory();
      s.dispose();
      const after = tf.memory();
      return [during.unreliable, during.reasons?.length, during.reasons?.[1], after.reasons?.length, after.unreliable];
    },
  },
  {
    name: 'memory: an op result inside tf.grad and the gradient call itself leave only the gradients',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3]);
      const g = tf.grad((t: Tensor) => t.square().sum().mul(2));
      const r = counting(tf, () => g(x));
      return [r.tensors, r.buffers, r.value];
    },
  },
  {
    name: 'memory: tf.grads, valueAndGrads and variableGrads leave their results only',
    run: (tf) => {
      const a = tf.tensor1d([1, 2]);
      const b = tf.tensor1d([3, 4]);
      const v = tf.variable(tf.tensor1d([0.5, -1]), true, 's29_mem_vg');
      const r1 = counting(tf, () => tf.grads((p: Tensor, q: Tensor) => p.mul(q).sum())([a, b]));
      const r2 = counting(tf, () => tf.valueAndGrads((p: Tensor, q: Tensor) => p.mul(q).sum())([a, b]));
      const r3 = counting(tf, () => tf.variableGrads(() => v.square().sum() as Scalar, [v]));
      const out = [r1.tensors, r2.tensors, r3.tensors, r1.value, r2.value.value, r3.value.value, r3.value.grads['s29_mem_vg']];
      v.dispose();
      return out;
    },
  },
  // variables
  {
    name: 'variable names must be unique until the first is disposed, then the name is free again',
    run: (tf) => {
      const v1 = tf.variable(tf.scalar(1), true, 's29_unique_name');
      const second = each([() => tf.variable(tf.scalar(2), true, 's29_unique_name')]);
      v1.dispose();
      const v2 = tf.variable(tf.scalar(3), true, 's29_unique_name');
      const out = [second, v2.name, v2.arraySync(), 's29_unique_name' in tf.engine().registeredVariables];
      v2.dispose();
      return [...out, 's29_unique_name' in tf.engine().registeredVariables];
    },
  },
  {
    name: 'variable.assign refuses another shape and another dtype and leaves the value as it was',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1, 2, 3]), true, 's29_assign_checks');
      const out = each([() => v.assign(tf.tensor1d([1, 2])), () => v.assign(tf.tensor1d([1, 2, 3], 'int32')), () => v.assign(tf.tensor2d([[1, 2, 3]]) as unknown as Tensor1D)]);
      v.assign(tf.tensor1d([4, 5, 6]));
      const res = [out, v.arraySync(), v.dtype, v.shape];
      v.dispose();
      return res;
    },
  },
  {
    name: 'a variable with a dtype argument casts its initial value; an int32 variable assigns int32',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1.7, -2.2, 3.9]), true, 's29_var_dtype', 'int32');
      const before = [v.dtype, v.arraySync()];
      v.assign(tf.tensor1d([7, 8, 9], 'int32'));
      const res = [before, v.dtype, v.arraySync(), each([() => v.assign(tf.tensor1d([1, 2, 3]))])];
      v.dispose();
      return res;
    },
  },
  {
    name: 'a variable made from a variable copies its value: assigning one leaves the other',
    run: (tf) => {
      const a = tf.variable(tf.tensor1d([1, 2]), true, 's29_var_src');
      const b = tf.variable(a, false, 's29_var_copy');
      a.assign(tf.tensor1d([10, 20]));
      const res = [a.arraySync(), b.arraySync(), b.trainable, a.trainable, b.dataId === a.dataId];
      a.dispose();
      b.dispose();
      return res;
    },
  },
  {
    name: 'variable.assign shares the assigned tensor\'s buffer and frees the old one (memory counts)',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1, 2, 3]), true, 's29_assign_mem');
      const next = tf.tensor1d([4, 5, 6]);
      const r = counting(tf, () => v.assign(next));
      next.dispose();
      const afterNext = v.arraySync();
      const res = [r.tensors, r.buffers, afterNext];
      v.dispose();
      return res;
    },
  },
  {
    name: 'a non-trainable variable: variableGrads without a list skips it, and with a list naming it too',
    run: (tf) => {
      const w = tf.variable(tf.tensor1d([1, 2]), true, 's29_nt_w');
      const f = tf.variable(tf.tensor1d([3, 4]), false, 's29_nt_f');
      const loss = () => w.mul(f).sum() as Scalar;
      const all = tf.variableGrads(loss);
      const listed = each([() => Object.keys(tf.variableGrads(loss, [w, f]).grads).sort()]);
      const res = [Object.keys(all.grads).sort(), all.grads['s29_nt_w'], all.value, listed];
      w.dispose();
      f.dispose();
      return res;
    },
  },
  {
    name: 'trainable can be switched off and on: variableGrads follows the flag',
    run: (tf) => {
      const a = tf.variable(tf.tensor1d([1, 2]), true, 's29_toggle_a');
      const b = tf.variable(tf.tensor1d([3, 4]), true, 's29_toggle_b');
      const loss = () => a.mul(b).sum() as Scalar;
      b.trainable = false;
      const one = Object.keys(tf.variableGrads(loss).grads).filter((k) => k.startsWith('s29_toggle')).sort();
      b.trainable = true;
      const two = Object.keys(tf.variableGrads(loss).grads).filter((k) => k.startsWith('s29_toggle')).sort();
      a.dispose();
      b.dispose();
      return [one, two];
    },
  },
  {
    name: 'variable methods: chained ops on a variable give tensors, not variables, and read the assigned value',
    run: (tf) => {
      const v = tf.variable(tf.tensor2d([[1, -2], [3, -4]]), true, 's29_var_chain');
      v.assign(v.abs());
      const y = v.mul(2).sum(1);
      const res = [y, y instanceof tf.Variable, v instanceof tf.Variable, v instanceof tf.Tensor, v.relu().arraySync()];
      v.dispose();
      return res;
    },
  },
  {
    name: 'a disposed variable leaves the registry, and reading it throws',
    run: (tf) => {
      const v = tf.variable(tf.scalar(5), true, 's29_var_disposed');
      const registered = tf.engine().registeredVariables['s29_var_disposed'] === v;
      v.dispose();
      return [registered, 's29_var_disposed' in tf.engine().registeredVariables, each([() => v.dataSync(), () => v.arraySync(), () => v.add(1)]), v.isDisposed];
    },
  },
  {
    name: 'assigning a disposed variable',
    deviation: 'TF.js 4.22\'s Variable.assign does not check that the variable is disposed: it takes the new value\'s buffer and counts one more tensor while the variable stays disposed (every read still throws); tessera refuses it, as every use of a disposed tensor',
    run: (tf) => {
      const v = tf.variable(tf.scalar(5), true, 's29_var_assign_disposed');
      v.dispose();
      const next = tf.scalar(1);
      const r = counting(tf, () => each([() => v.assign(next)]));
      return [r.value, r.tensors, v.isDisposed];
    },
  },
  // gradients
  {
    name: 'grad of a non-scalar result with dy weighs each element; without dy every weight is one',
    run: (tf) => {
      const g = tf.grad((x: Tensor) => x.square().mul(tf.tensor1d([1, 2, 3])));
      const x = tf.tensor1d([1, -1, 2]);
      return [g(x, tf.tensor1d([1, 0.5, -1])), g(x)];
    },
  },
  {
    name: 'grad with a dy of the wrong shape is refused',
    run: (tf) => {
      const g = tf.grad((x: Tensor) => x.square());
      return each([() => g(tf.tensor1d([1, 2]), tf.tensor1d([1, 2, 3])), () => g(tf.tensor1d([1, 2]), tf.scalar(1))]);
    },
  },
  {
    name: 'grad of f that does not use x throws; grads with one of two inputs unused throws too',
    run: (tf) => {
      const x = tf.tensor1d([1, 2]);
      const y = tf.tensor1d([3, 4]);
      return each([
        () => tf.grad(() => tf.scalar(1).add(2))(x),
        () => tf.grads((a: Tensor) => a.sum())([x, y]),
        () => tf.grads((a: Tensor, b: Tensor) => a.sum().add(b.mul(0).sum()))([x, y]),
      ]);
    },
  },
  {
    name: 'grad whose f returns a number or an array is refused; grad of a number argument is refused',
    run: (tf) => each([
      () => tf.grad(() => 3 as unknown as Tensor)(tf.scalar(1)),
      () => tf.grad((x: Tensor) => [x] as unknown as Tensor)(tf.scalar(1)),
      () => tf.grad((x: Tensor) => x.square())(2 as unknown as Tensor),
      () => tf.grads((x: Tensor) => x.square())(tf.scalar(1) as unknown as Tensor[]),
    ]),
  },
  {
    name: 'grad with an int32 input: the result and the dtype of the gradient',
    run: (tf) => {
      const g = tf.grad((x: Tensor) => x.toFloat().square().sum());
      const h = tf.grad((x: Tensor) => x.mul(x).toFloat().sum());
      const x = tf.tensor1d([1, 2, 3], 'int32');
      return [g(x), h(x)];
    },
  },
  {
    name: 'grad through an int32 intermediate (cast to int and back) is zero where TF.js stops it',
    run: (tf) => {
      const g = tf.grad((x: Tensor) => x.mul(2.5).cast('int32').cast('float32').sum().add(x.sum()));
      return g(tf.tensor1d([1.2, 2.7]));
    },
  },
  {
    name: 'valueAndGrad with dy on a non-scalar result: the value and the weighted gradient',
    run: (tf) => {
      const f = tf.valueAndGrad((x: Tensor) => x.exp());
      const { value, grad } = f(tf.tensor1d([0, 1]), tf.tensor1d([2, 3]));
      return [value, grad];
    },
  },
  {
    name: 'valueAndGrads with dy for two inputs, one broadcast against the other',
    run: (tf) => {
      const f = tf.valueAndGrads((a: Tensor, b: Tensor): Tensor => a.mul(b));
      const { value, grads } = f([tf.tensor2d([[1, 2], [3, 4]]), tf.tensor1d([10, -1])], tf.tensor2d([[1, 0], [0.5, 2]]));
      return [value, grads];
    },
  },
  {
    name: 'grads of a function of three inputs, the gradient of one of them being a broadcast sum',
    run: (tf) => {
      const f = tf.grads((a: Tensor, b: Tensor, c: Tensor) => a.matMul(b).add(c).relu().sum());
      return f([tf.tensor2d([[1, -2], [0.5, 1]]), tf.tensor2d([[1, 0, 2], [-1, 1, 0.5]]), tf.scalar(0.25)]);
    },
  },
  {
    name: 'grads takes TensorLike arguments (plain arrays) as TF.js does',
    run: (tf) => {
      const f = tf.grads((a: Tensor, b: Tensor) => a.mul(b).sum());
      return f([[1, 2, 3] as unknown as Tensor, [4, 5, 6] as unknown as Tensor]);
    },
  },
  {
    name: 'gradient of a gradient: the second derivative of x^3 and of sin',
    run: (tf) => {
      const d2 = tf.grad((x: Tensor) => tf.grad((y: Tensor) => y.pow(3).sum())(x).sum());
      const s2 = tf.grad((x: Tensor) => tf.grad((y: Tensor) => y.sin().sum())(x).sum());
      const x = tf.tensor1d([-1, 0.5, 2]);
      return [d2(x), s2(x)];
    },
  },
  {
    name: 'variableGrads refuses a non-scalar loss and a loss no variable reaches',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1, 2]), true, 's29_vg_refuse');
      const res = each([
        () => tf.variableGrads(() => v.square() as unknown as Scalar),
        () => tf.variableGrads(() => tf.scalar(3).square(), [v]),
        () => tf.variableGrads(() => 3 as unknown as Scalar),
      ]);
      v.dispose();
      return res;
    },
  },
  {
    name: 'variableGrads with a list: only the listed variables, the others untouched',
    run: (tf) => {
      const a = tf.variable(tf.tensor1d([1, 2]), true, 's29_vgl_a');
      const b = tf.variable(tf.tensor1d([3, -1]), true, 's29_vgl_b');
      const { value, grads } = tf.variableGrads(() => a.mul(b).square().sum() as Scalar, [b]);
      const res = [value, Object.keys(grads), grads['s29_vgl_b']];
      a.dispose();
      b.dispose();
      return res;
    },
  },
  {
    name: 'customGrad with save: the gradient reads what forward saved, and the value is forward\'s',
    run: (tf) => {
      const f = tf.customGrad((x, save) => {
        const y = (x as Tensor).square();
        (save as GradSaveFunc)([x as Tensor, y]);
        return { value: y, gradFunc: (dy: Tensor, saved: Tensor[]) => [dy.mul(saved[0]).mul(10).add(saved[1])] };
      });
      const x = tf.tensor1d([1, 2, -3]);
      return [f(x), tf.grad((t: Tensor) => f(t) as Tensor)(x)];
    },
  },
  {
    name: 'customGrad of two inputs: the gradient function gives one gradient each',
    run: (tf) => {
      const f = tf.customGrad((a, b) => ({
        value: (a as Tensor).mul(b as Tensor),
        gradFunc: (dy: Tensor) => [dy.mul(2), dy.mul(-3)],
      }));
      const [ga, gb] = tf.grads((a: Tensor, b: Tensor) => (f(a, b) as Tensor).sum())([tf.tensor1d([1, 2]), tf.tensor1d([3, 4])]);
      return [f(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])), ga, gb];
    },
  },
  {
    name: 'customGrad whose gradient function gives a tensor rather than an array for one input',
    run: (tf) => {
      const f = tf.customGrad((x) => ({ value: (x as Tensor).exp(), gradFunc: (dy: Tensor) => dy.mul(7) }));
      return tf.grad((t: Tensor) => f(t) as Tensor)(tf.tensor1d([0, 1]));
    },
  },
  {
    name: 'customGrad refuses a forward that gives no value, and a gradient count that does not match the inputs',
    run: (tf) => {
      const noValue = tf.customGrad(() => ({ gradFunc: (dy: Tensor) => [dy] }) as unknown as { value: Tensor; gradFunc: (dy: Tensor) => Tensor[] });
      const twoGrads = tf.customGrad((x) => ({ value: (x as Tensor).square(), gradFunc: (dy: Tensor) => [dy, dy] }));
      return each([
        () => noValue(tf.scalar(2)),
        () => tf.grad((t: Tensor) => twoGrads(t) as Tensor)(tf.scalar(2)),
      ]);
    },
  },
  {
    name: 'customGrad inside variableGrads: the custom gradient reaches the variable',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1, -2]), true, 's29_cg_var');
      const clip = tf.customGrad((x) => ({ value: (x as Tensor).mul(3), gradFunc: (dy: Tensor) => [dy.clipByValue(-0.5, 0.5)] }));
      const { value, grads } = tf.variableGrads(() => (clip(v) as Tensor).square().sum() as Scalar, [v]);
      const res = [value, grads['s29_cg_var']];
      v.dispose();
      return res;
    },
  },
  // profile, time, env, engine
  {
    name: 'profile of chained ops on tensors: newTensors, kernel names, shapes and the tensors each kernel adds',
    run: async (tf) => {
      const a = tf.tensor2d([[1, 2], [3, 4]]);
      const b = tf.tensor2d([[5, 6], [7, 8]]);
      const info = await tf.profile(() => a.add(b).square().sum(0));
      return [info.newTensors, info.kernelNames, info.kernels.map((k) => [k.name, k.inputShapes, k.outputShapes, k.tensorsAdded]), info.result as Tensor];
    },
  },
  {
    name: 'profile of a tidy: intermediates freed, only the result counted as new',
    run: async (tf) => {
      const x = tf.tensor1d([1, 2, 3, 4]);
      const info = await tf.profile(() => tf.tidy(() => x.mul(x).sub(x).relu()));
      return [info.newTensors, info.kernelNames, info.kernels.length, info.result as Tensor];
    },
  },
  {
    name: 'profile of a matMul and a reshape, and of a function that makes nothing',
    run: async (tf) => {
      const a = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const b = tf.tensor2d([[1], [0], [-1]]);
      const mm = await tf.profile(() => tf.matMul(a, b).reshape([2]));
      const first = [mm.newTensors, mm.kernelNames, mm.kernels.map((k) => [k.name, k.outputShapes])];
      const none = await tf.profile(() => a);
      return [first, none.newTensors, none.kernels.length, none.kernelNames];
    },
  },
  {
    name: 'two profiles kept side by side',
    deviation: "TF.js 4.22's profile returns its engine's one activeProfile object every time, so an earlier profile's fields (newTensors, kernels, result) change to the later one's; tessera returns a new object for each call",
    run: async (tf) => {
      const x = tf.tensor1d([1, 2]);
      const one = await tf.profile(() => x.add(x));
      const two = await tf.profile(() => x);
      return [one.newTensors, one.kernels.length, two.newTensors, one === two];
    },
  },
  {
    name: 'profile with disposed intermediates: newTensors is zero while each kernel reports what it added',
    run: async (tf) => {
      const x = tf.tensor1d([1, 2, 3]);
      const info = await tf.profile(() => {
        const y = x.exp();
        const z = y.log();
        y.dispose();
        z.dispose();
      });
      return [info.newTensors, info.kernelNames, info.kernels.map((k) => [k.name, k.tensorsAdded])];
    },
  },
  {
    name: 'time reports kernelMs and wallMs as numbers',
    run: async (tf) => {
      const x = tf.ones([8, 8]);
      const t = await tf.time(() => { x.matMul(x).dispose(); });
      return [Object.keys(t).sort(), typeof t.kernelMs, typeof t.wallMs, t.wallMs >= 0];
    },
  },
  {
    name: 'env: the platform flags, getBool and getNumber, and the flags getFlags holds once read',
    run: (tf) => {
      const e = tf.env();
      const read = [e.get('IS_NODE'), e.getBool('IS_BROWSER'), e.getNumber('CPU_HANDOFF_SIZE_THRESHOLD'), e.get('DEBUG'), e.get('PROD'), e.getNumber('TOPK_LAST_DIM_CPU_HANDOFF_SIZE_THRESHOLD'), e.get('IS_TEST')];
      const flags = e.getFlags();
      return [read, ['IS_NODE', 'IS_BROWSER', 'CPU_HANDOFF_SIZE_THRESHOLD', 'PROD', 'IS_TEST'].map((k) => flags[k])];
    },
  },
  {
    name: 'env: an unknown flag cannot be read or set',
    run: (tf) => each([() => tf.env().get('S29_NO_SUCH_FLAG'), () => tf.env().set('S29_NO_SUCH_FLAG', true), () => tf.env().getBool('S29_NOR_THIS')]),
  },
  {
    name: 'env: setting a flag is read back and shows in getFlags; enableProdMode sets PROD',
    run: (tf) => {
      const e = tf.env();
      const before = e.getBool('PROD');
      tf.enableProdMode();
      const prod = e.getBool('PROD');
      e.set('PROD', false);
      e.set('DEPRECATION_WARNINGS_ENABLED', false);
      const dep = [e.get('DEPRECATION_WARNINGS_ENABLED'), e.getFlags()['DEPRECATION_WARNINGS_ENABLED']];
      e.set('DEPRECATION_WARNINGS_ENABLED', true);
      return [before, prod, e.getBool('PROD'), dep, e.get('DEPRECATION_WARNINGS_ENABLED')];
    },
  },
  {
    name: 'engine state: numTensors, numDataBuffers and numStringTensors follow tf.memory()',
    run: (tf) => {
      const st = tf.engine().state;
      const before = [st.numTensors, st.numDataBuffers, st.numStringTensors];
      const a = tf.tensor1d([1, 2, 3]);
      const b = a.reshape([3, 1]);
      const s = tf.scalar('hello');
      const after = [st.numTensors, st.numDataBuffers, st.numStringTensors];
      const m = tf.memory();
      const same = [m.numTensors === tf.engine().state.numTensors, m.numDataBuffers === tf.engine().state.numDataBuffers];
      tf.dispose([a, b, s]);
      return [after.map((v, i) => v - before[i]), same, [tf.engine().state.numTensors - before[0], tf.engine().state.numStringTensors - before[2]]];
    },
  },
  {
    name: 'engine: backendName, the backend\'s float precision and epsilon, and registeredVariables by name',
    run: (tf) => {
      const v = tf.variable(tf.zeros([2]), false, 's29_engine_reg');
      const reg = tf.engine().registeredVariables['s29_engine_reg'];
      const res = [tf.engine().backendName, tf.backend().floatPrecision(), tf.backend().epsilon(), reg === v, reg.trainable, reg.shape];
      v.dispose();
      return res;
    },
  },
  // tensor creation and fields
  {
    name: 'tensor values converted to the dtype: int32 truncates, bool is non-zero, bools as numbers',
    run: (tf) => [
      tf.tensor([1.5, -2.9, 3.99], [3], 'int32'),
      tf.tensor([0, 2, -0.5, 0], [4], 'bool'),
      tf.tensor([true, false, true], [3], 'int32'),
      tf.tensor([true, false], [2], 'float32'),
      tf.tensor(new Float32Array([1.7, -1.7]), [2], 'int32'),
      tf.tensor(new Int32Array([3, 0]), [2], 'bool'),
    ],
  },
  {
    name: 'int32 tensors refuse NaN and Infinity values; float32 takes them',
    run: (tf) => [each([() => tf.tensor([1, NaN], [2], 'int32'), () => tf.tensor([Infinity], [1], 'int32'), () => tf.tensor1d([-Infinity], 'int32')]), tf.tensor([NaN, Infinity, -Infinity])],
  },
  {
    name: 'tensor shapes inferred from nesting: empty arrays, nested typed arrays, ragged and mismatched shapes refused',
    run: (tf) => {
      const shapes = [tf.tensor([]).shape, tf.tensor([[], []]).shape, tf.tensor(3).shape, tf.tensor([new Float32Array([1, 2]), new Float32Array([3, 4])]).shape, tf.tensor([[[1]], [[2]]]).shape];
      return [shapes, each([() => tf.tensor([1, 2, 3], [2]), () => tf.tensor([1, 2, 3, 4], [2, -1]), () => tf.tensor([[1, 2]], [2]), () => tf.tensor2d([1, 2, 3, 4])])];
    },
  },
  {
    name: 'tensorNd factories check the rank of nested values and of the shape',
    run: (tf) => [
      tf.tensor2d([1, 2, 3, 4], [2, 2]),
      tf.tensor3d([1, 2, 3, 4], [1, 2, 2]),
      tf.tensor1d(new Int32Array([4, 5])),
      each([() => tf.tensor1d([[1, 2]] as unknown as number[]), () => tf.tensor2d([1, 2, 3] as unknown as number[][]), () => tf.tensor3d([[1, 2]], [1, 2] as unknown as [number, number, number]), () => tf.scalar([1] as unknown as number), () => tf.tensor4d([1, 2], [1, 1, 1, 3])]),
    ],
  },
  {
    name: 'tensor fields: size, rank, rankType, strides for ranks 0 to 6',
    run: (tf) => [[], [3], [2, 3], [2, 1, 3], [1, 2, 2, 2], [1, 1, 2, 1, 2], [2, 1, 1, 1, 1, 2]].map((shape) => {
      const t = tf.zeros(shape);
      return [t.size, t.rank, t.rankType, t.strides, t.shape];
    }),
  },
  {
    name: 'dataSync and data give typed arrays of the dtype; array and arraySync nested values',
    run: async (tf) => {
      const f = tf.tensor2d([[1, 2], [3, 4]]);
      const i = tf.tensor1d([1, 2], 'int32');
      const b = tf.tensor1d([true, false], 'bool');
      return [f.dataSync(), await i.data(), b.dataSync(), await b.array(), tf.scalar(5).arraySync(), await tf.tensor([[[]]]).array(), tf.zeros([2, 0, 3]).arraySync()];
    },
  },
  {
    name: 'dataSync returns a copy: editing it leaves the tensor, and a reshape of it sees the old values',
    deviation: "TF.js's cpu backend hands dataSync the tensor's own array, so editing the result changes the immutable tensor and every view sharing its values; tessera's dataSync returns a copy, as TF.js documents it (\"returns a copy\" is not said, but TF.js's webgl and wasm backends copy)",
    run: (tf) => {
      const t = tf.tensor1d([1, 2, 3]);
      const d = t.dataSync();
      d[0] = 100;
      const r = t.reshape([3, 1]);
      return [t, r, d];
    },
  },
  {
    name: 'a shape array edited after the tensor is made leaves the tensor\'s shape',
    run: (tf) => {
      const shape = [2, 2];
      const t = tf.tensor([1, 2, 3, 4], shape);
      shape[0] = 4;
      shape[1] = 1;
      return [t.shape, t];
    },
  },
  // chained methods
  {
    name: 'chained unary methods on one tensor agree with the functions',
    run: (tf) => {
      const x = tf.tensor1d([-1.5, -0.25, 0, 0.4, 2]);
      const p = tf.tensor1d([0.1, 0.5, 0.9]);
      return [x.abs(), x.neg(), x.sign(), x.round(), x.floor(), x.ceil(), x.exp(), x.expm1(), x.square(), x.step(0.3), x.elu(), x.selu(), x.relu6(), x.leakyRelu(0.1), x.softplus(), x.logSigmoid(), x.sigmoid(), x.tanh(), x.sin(), x.cos(), x.atan(), x.sinh(), x.asinh(), x.erf(), x.isFinite(), x.clipByValue(-1, 1), p.acos(), p.asin(), p.atanh(), p.log(), p.log1p(), p.sqrt(), p.rsqrt(), p.reciprocal(), p.tan(), p.cosh(), p.add(1).acosh()];
    },
  },
  {
    name: 'chained binary methods take tensors, arrays and numbers as the other operand',
    run: (tf) => {
      const a = tf.tensor2d([[1, 4], [-3, 8]]);
      const b = tf.tensor1d([2, -3]);
      return [a.add([1, 2]), a.sub(1), a.mul(b), a.div(b), a.floorDiv(b), a.mod(3), a.pow(2), a.maximum(b), a.minimum(0), a.squaredDifference(b), a.atan2(b), a.divNoNan(tf.tensor1d([0, 2])), a.less(b), a.lessEqual(4), a.greater(b), a.greaterEqual(4), a.equal(8), a.notEqual(b)];
    },
  },
  {
    name: 'chained logical methods and where: this where the condition holds, else the other',
    run: (tf) => {
      const p = tf.tensor1d([true, false, true, false], 'bool');
      const q = tf.tensor1d([true, true, false, false], 'bool');
      const a = tf.tensor1d([1, 2, 3, 4]);
      return [p.logicalAnd(q), p.logicalOr(q), p.logicalXor(q), p.logicalNot(), a.where(p, tf.tensor1d([-1, -2, -3, -4])), a.where(q, 0)];
    },
  },
  {
    name: 'chained reductions with axes and keepDims, and the index reductions',
    run: (tf) => {
      const x = tf.tensor2d([[1, -2, 3], [4, 5, -6]]);
      const bx = tf.tensor2d([[1, 0, 1], [1, 1, 1]], [2, 3], 'bool');
      return [x.sum(), x.sum(1, true), x.mean(0), x.max([0, 1]), x.min(-1), x.prod(1), x.logSumExp(0, true), x.argMax(1), x.argMin(0), x.norm(), x.norm(1, 1), x.norm('euclidean', 0, true), x.euclideanNorm(1), bx.any(1), bx.all(0), bx.all()];
    },
  },
  {
    name: 'chained shape methods: asNd, asScalar, flatten, reshapeAs, expandDims, squeeze, broadcastTo',
    run: (tf) => {
      const x = tf.tensor1d([1, 2, 3, 4, 5, 6]);
      const y = tf.zeros([3, 2]);
      return [x.as2D(2, 3), x.as3D(1, 3, 2), x.as4D(1, 1, 2, 3), x.as5D(1, 1, 1, 6, 1), tf.tensor1d([7]).asScalar(), x.as2D(3, 2).flatten(), x.as1D(), x.reshapeAs(y), x.expandDims(1).shape, x.as3D(1, 6, 1).squeeze().shape, x.as3D(1, 6, 1).squeeze([2]).shape, tf.tensor1d([1, 2]).broadcastTo([3, 2]), each([() => x.as2D(4, 2), () => x.asScalar(), () => x.broadcastTo([4, 5])])];
    },
  },
  {
    name: 'chained dtype methods: cast, asType, toFloat, toInt, toBool and the dtype of each',
    run: (tf) => {
      const x = tf.tensor1d([-1.7, 0, 0.2, 2.5]);
      const r = [x.cast('int32'), x.asType('bool'), x.toInt(), x.toBool(), x.toInt().toFloat(), x.toBool().toInt()];
      return [r, r.map((t) => t.dtype)];
    },
  },
  {
    name: 'chained concat, stack, unstack and split with arrays, sizes and -1',
    run: (tf) => {
      const a = tf.tensor2d([[1, 2], [3, 4]]);
      const b = tf.tensor2d([[5, 6]]);
      return [a.concat(b), a.concat([b, b], 0), a.concat([[9], [9]] as unknown as Tensor, 1), a.stack(a.neg()), a.stack([a, a], 2).shape, a.unstack(), a.unstack(1), a.split(2), a.split([1, -1], 1), tf.tensor1d([1, 2, 3, 4, 5]).split([2, 3])];
    },
  },
  {
    name: 'chained layout methods: transpose, tile, pad, mirrorPad, reverse, slice, stridedSlice, gather',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [x.transpose(), x.transpose([1, 0]), x.tile([2, 1]), x.pad([[1, 0], [0, 2]], -1), x.mirrorPad([[0, 0], [1, 1]], 'reflect'), x.mirrorPad([[1, 1], [0, 0]], 'symmetric'), x.reverse(), x.reverse(1), x.reverse([0, 1]), x.slice([0, 1]), x.slice(1, 1), x.stridedSlice([0, 0], [2, 3], [1, 2]), x.gather([2, 0], 1), x.gather(tf.tensor1d([1], 'int32'))];
    },
  },
  {
    name: 'chained cumulative and segment methods: cumsum, cumprod with exclusive and reverse, unsortedSegmentSum',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      return [x.cumsum(), x.cumsum(1, true), x.cumsum(1, false, true), x.cumprod(1), x.cumprod(0, true, true), x.unsortedSegmentSum(tf.tensor1d([1, 1], 'int32'), 2), tf.tensor1d([1, 2, 3, 4]).unsortedSegmentSum(tf.tensor1d([0, 2, 0, 1], 'int32'), 3)];
    },
  },
  {
    name: 'chained oneHot, topk, unique and their dtypes',
    run: (tf) => {
      const ids = tf.tensor1d([2, 0, 1], 'int32');
      const v = tf.tensor1d([3, 1, 4, 1, 5, 9, 2, 6]);
      const top = v.topk(3);
      const un = tf.tensor1d([4, 2, 4, 7, 2], 'int32').unique();
      return [ids.oneHot(3), ids.oneHot(4, 5, -1), top.values, top.indices, v.topk().values, un.values, un.indices, [ids.oneHot(3).dtype, top.indices.dtype, un.values.dtype]];
    },
  },
  {
    name: 'chained softmax, logSoftmax, prelu, dot and matMul with transposes',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [-1, 0, 1]]);
      const w = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
      return [x.softmax(), x.logSoftmax(), x.softmax(0), x.prelu(tf.tensor1d([0.1, 0.2, 0.3])), x.matMul(w), x.matMul(x, false, true), x.matMul(x, true, false), tf.tensor1d([1, 2, 3]).dot(tf.tensor1d([4, 5, 6])), x.dot(w), tf.tensor1d([1, 2]).dot(w.transpose())];
    },
  },
  {
    name: 'chained image and window methods: conv2d, maxPool, avgPool, pool, resizeBilinear, resizeNearestNeighbor',
    run: (tf) => {
      const img = tf.tensor4d(Array.from({ length: 16 }, (_, i) => i), [1, 4, 4, 1]);
      const k = tf.tensor4d([1, 0, 0, -1], [2, 2, 1, 1]);
      return [img.conv2d(k, 1, 'valid'), img.maxPool(2, 2, 'valid'), img.avgPool([2, 2], 1, 'same'), img.pool([2, 2], 'max', 'valid', 1, 2), img.resizeBilinear([2, 2]), img.resizeNearestNeighbor([3, 3], true), img.depthToSpace(1), img.conv2dTranspose(k, [1, 5, 5, 1], 1, 'valid'), img.localResponseNormalization(1, 1, 0.5, 0.5)];
    },
  },
  {
    name: 'chained conv1d, depthwiseConv2d, separableConv2d, dilation2d, batchNorm, spaceToBatchND and batchToSpaceND',
    run: (tf) => {
      const x3 = tf.tensor3d([1, 2, 3, 4, 5, 6], [1, 6, 1]);
      const img = tf.tensor4d(Array.from({ length: 18 }, (_, i) => (i % 5) - 2), [1, 3, 3, 2]);
      const dw = tf.tensor4d([1, -1, 0.5, 2, 0, 1, -1, 1], [2, 2, 2, 1]);
      const pw = tf.tensor4d([1, 1, -1, 2], [1, 1, 2, 2]);
      const s2b = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]).spaceToBatchND([2, 2], [[0, 0], [0, 0]]);
      return [x3.conv1d(tf.tensor3d([1, -1], [2, 1, 1]), 2, 'valid'), img.depthwiseConv2d(dw, 1, 'valid'), img.separableConv2d(dw, pw, 1, 'valid'), img.dilation2d(tf.tensor3d([0, 1, 1, 0], [1, 2, 2]), 1, 'same'), img.batchNorm(tf.tensor1d([0, 1]), tf.tensor1d([1, 4]), tf.tensor1d([0.5, 0]), tf.tensor1d([2, 1]), 0.001), s2b, s2b.batchToSpaceND([2, 2], [[0, 0], [0, 0]])];
    },
  },
  {
    name: 'chained spectral methods: fft, ifft, rfft and irfft of complex and real tensors',
    run: (tf) => {
      const re = tf.tensor1d([1, 2, 3, 4]);
      const c = tf.complex(re, tf.tensor1d([0, -1, 0.5, 0]));
      const spec = re.rfft();
      return [tf.real(c.fft()), tf.imag(c.fft()), tf.real(c.fft().ifft()), tf.real(spec), tf.imag(spec), spec.irfft(), spec.shape];
    },
  },
  {
    name: 'chained zerosLike, onesLike, clone and variable keep the dtype and the shape',
    run: (tf) => {
      const i = tf.tensor2d([[1, 2]], [1, 2], 'int32');
      const b = tf.tensor1d([true], 'bool');
      const v = i.variable(false, 's29_chain_var');
      const res = [i.zerosLike(), b.onesLike(), i.clone(), v, v.trainable, v.name, v.dtype, i.variable(true, 's29_chain_var2', 'float32').dtype];
      v.dispose();
      tf.engine().registeredVariables['s29_chain_var2'].dispose();
      return res;
    },
  },
  {
    name: 'chained methods refuse a disposed receiver and argument',
    run: (tf) => {
      const a = tf.tensor1d([1, 2]);
      const b = tf.tensor1d([3, 4]);
      b.dispose();
      const r = each([() => a.add(b), () => b.add(a), () => a.concat(b), () => a.stack([b]), () => b.clone(), () => b.cast('int32'), () => b.reshape([2, 1])]);
      return [r, a];
    },
  },
  // printing
  {
    name: 'toString of each dtype at rank 0 and 1: floats, ints, bools, strings and complex numbers',
    run: (tf) => [
      tf.scalar(3.5).toString(), tf.scalar(-2, 'int32').toString(), tf.scalar(true).toString(), tf.scalar('hi').toString(), tf.complex(1, -2).toString(),
      tf.tensor1d([1, 2.5, -3]).toString(), tf.tensor1d([10, -200, 3], 'int32').toString(), tf.tensor1d([true, false], 'bool').toString(), tf.tensor1d(['a', 'bcd']).toString(), tf.complex([1, 0], [0.5, -1]).toString(),
    ],
  },
  {
    name: 'print of ranks 2 to 4 with padding for negative and long numbers',
    run: (tf) => {
      tf.tensor2d([[1, -22.5], [333, 4]]).print();
      tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], 'int32').print();
      tf.tensor4d([0.5, -1, 1e3, 2, 3, 4, 5, 6], [2, 1, 2, 2]).print();
      tf.tensor2d([['x', 'yy'], ['zzz', '']]).print();
      return null;
    },
  },
  {
    name: 'print verbose: dtype, rank, shape and values for a scalar, a matrix and a bool vector',
    run: (tf) => {
      tf.scalar(7, 'int32').print(true);
      tf.tensor2d([[1.25, 2], [3, 4]]).print(true);
      tf.tensor1d([false, true], 'bool').print(true);
      tf.tensor1d(['q']).print(true);
      return null;
    },
  },
  {
    name: 'toString of NaN, Infinity, -0, very large and very small floats',
    run: (tf) => [tf.tensor1d([NaN, Infinity, -Infinity, -0, 0]).toString(), tf.tensor1d([1e10, 1e-10, 123456.789, -0.000123]).toString(), tf.tensor1d([0.1 + 0.2, 1 / 3, 2 / 3]).toString(), tf.scalar(1e-8).toString(), tf.scalar(12345678).toString()],
  },
  {
    name: 'toString of long tensors: the first and last three values of each long axis, with ...',
    run: (tf) => [
      tf.range(0, 25).toString(), tf.range(0, 21, 1, 'int32').toString(), tf.range(0, 20).toString(),
      tf.range(0, 50).reshape([25, 2]).toString(), tf.range(0, 44).reshape([2, 22]).toString(),
      tf.range(0, 22 * 2 * 2).reshape([22, 2, 2]).toString(),
    ],
  },
  {
    name: 'toString of empty tensors of several shapes and of a tensor with a zero-length inner axis',
    run: (tf) => [tf.tensor1d([]).toString(), tf.zeros([0, 3]).toString(), tf.zeros([2, 0]).toString(), tf.zeros([1, 0, 2], 'int32').toString(true), tf.tensor1d([], 'bool').toString(true)],
  },
  {
    name: 'toString of string tensors with quotes and unicode, and a long string vector',
    run: (tf) => [tf.tensor1d(["it's", 'a"b', 'é漢']).toString(), tf.tensor1d(Array.from({ length: 23 }, (_, i) => `s${i}`)).toString(), tf.tensor2d([['a', 'b'], ['c', 'dd']]).toString(true)],
  },
  {
    name: 'a tensor in a template string and in string concatenation prints as toString',
    run: (tf) => {
      const t = tf.tensor1d([1, 2]);
      return [`${t}`, 'value: ' + t, String(tf.scalar(3, 'int32'))];
    },
  },
  {
    name: 'a variable prints as a tensor does, also after assign',
    run: (tf) => {
      const v = tf.variable(tf.tensor2d([[1, 2], [3, 4]]), true, 's29_print_var');
      v.print();
      v.assign(tf.tensor2d([[5, 6], [7, 8.5]]));
      v.print(true);
      const s = v.toString();
      v.dispose();
      return s;
    },
  },
  // buffers
  {
    name: 'bufferSync: get and set by coordinates, toTensor, and the buffer\'s fields',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const buf = x.bufferSync();
      const read = [buf.get(0, 0), buf.get(1, 2)];
      buf.set(10, 0, 1);
      buf.set(-1, 1, 2);
      return [read, buf.toTensor(), buf.get(0, 1), buf.get(1, 2), buf.shape, buf.strides, buf.rank, buf.size, buf.dtype];
    },
  },
  {
    name: 'tf.buffer of each dtype: int32 truncates a set value, bool stores what it is given, toTensor reads it',
    run: (tf) => {
      const i = tf.buffer([2], 'int32');
      i.set(1.7, 0);
      i.set(-2.2, 1);
      const b = tf.buffer([3], 'bool');
      b.set(true, 0);
      b.set(0, 1);
      b.set(1, 2);
      const f = tf.buffer([2, 2]);
      f.set(0.5, 1, 1);
      return [i.toTensor(), b.toTensor(), f.toTensor(), f.dtype, i.values, b.values];
    },
  },
  {
    name: 'tf.buffer with values: the values array of the right length, and the wrong length refused',
    run: (tf) => {
      const buf = tf.buffer([2, 2], 'float32', new Float32Array([1, 2, 3, 4]));
      buf.set(7, 1, 0);
      return [buf.toTensor(), buf.get(1, 0), each([() => tf.buffer([2, 2], 'float32', new Float32Array([1, 2, 3])), () => tf.buffer([3], 'int32', new Int32Array(4))])];
    },
  },
  {
    name: 'buffer get and set out of range or with the wrong number of coordinates',
    run: (tf) => {
      const buf = tf.buffer([2, 3]);
      return each([() => buf.get(2, 0), () => buf.get(0, 3), () => buf.get(-1, 0), () => buf.set(1, 0), () => buf.set(1, 0, 0, 0), () => buf.get(1), () => buf.get()]);
    },
  },
  {
    name: 'buffer locToIndex and indexToLoc for ranks 0 to 3',
    run: (tf) => {
      const bs = [tf.buffer([]), tf.buffer([4]), tf.buffer([2, 3]), tf.buffer([2, 3, 4])];
      return bs.map((b) => [b.locToIndex(b.shape.map((d) => d - 1)), b.indexToLoc(b.size - 1), b.indexToLoc(0), b.rank === 0 ? null : b.indexToLoc(Math.floor(b.size / 2))]);
    },
  },
  {
    name: 'a string tensor\'s buffer: get and set strings, and toTensor',
    run: (tf) => {
      const buf = tf.tensor1d(['a', 'b', 'c']).bufferSync();
      buf.set('zz', 1);
      const t = buf.toTensor();
      return [t, buf.get(0), buf.get(1), t.dtype];
    },
  },
  {
    name: 'await x.buffer() gives the same values as bufferSync, and a scalar buffer reads with no coordinates',
    run: async (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32');
      const buf = await x.buffer();
      const s = tf.scalar(5).bufferSync();
      s.set(6);
      return [buf.get(1, 1), buf.dtype, buf.values, s.get(), s.toTensor()];
    },
  },
  {
    name: 'bytes() of float32, int32 and bool tensors and of a string tensor',
    run: async (tf) => [await tf.tensor1d([1, -2]).bytes(), await tf.tensor1d([258], 'int32').bytes(), await tf.tensor1d([true, false], 'bool').bytes(), await tf.tensor1d(['hi', 'é']).bytes()],
  },
  // tf.util
  {
    name: 'util.parseAxisParam: negative axes, null for every axis, and an axis out of range',
    run: (tf) => [tf.util.parseAxisParam(-1, [2, 3, 4]), tf.util.parseAxisParam([0, -2], [2, 3, 4]), tf.util.parseAxisParam(null as unknown as number, [2, 3]), each([() => tf.util.parseAxisParam(3, [2, 3, 4]), () => tf.util.parseAxisParam(-4, [2, 3, 4]), () => tf.util.parseAxisParam(1.5, [2, 3])])],
  },
  {
    name: 'util.squeezeShape with and without axes, and an axis whose size is not 1',
    run: (tf) => [tf.util.squeezeShape([1, 3, 1, 2]), tf.util.squeezeShape([1, 3, 1, 2], [2]), tf.util.squeezeShape([1, 1], [-1]), tf.util.squeezeShape([]), each([() => tf.util.squeezeShape([1, 3], [1])])],
  },
  {
    name: 'util.inferFromImplicitShape fills one -1, and refuses two or a size that does not divide',
    run: (tf) => [tf.util.inferFromImplicitShape([-1, 2], 6), tf.util.inferFromImplicitShape([2, 3], 6), tf.util.inferFromImplicitShape([0, -1], 0), each([() => tf.util.inferFromImplicitShape([-1, -1], 4), () => tf.util.inferFromImplicitShape([-1, 4], 6), () => tf.util.inferFromImplicitShape([2, 2], 5)])],
  },
  {
    name: 'util.flatten of nested arrays with typed arrays inside, kept whole or spread',
    run: (tf) => [tf.util.flatten([1, [2, [3, [4]]], []]), tf.util.flatten([[1, 2], new Float32Array([3, 4])] as unknown as number[]), tf.util.flatten([[1], new Int32Array([5, 6])] as unknown as number[], [], true).length, tf.util.flatten([['a', 'b'], ['c']])],
  },
  {
    name: 'util.toNestedArray and makeZerosNestedTypedArray for several shapes, complex included',
    run: (tf) => [tf.util.toNestedArray([2, 3], [1, 2, 3, 4, 5, 6]), tf.util.toNestedArray([3, 1], new Int32Array([7, 8, 9])), tf.util.toNestedArray([], [4]), tf.util.toNestedArray([0, 2], []), tf.util.toNestedArray([2], [1, 2, 3, 4], true), tf.util.toNestedArray([2, 1], [1, 2, 3, 4], true), tf.util.makeZerosNestedTypedArray([2, 2], 'int32'), each([() => tf.util.toNestedArray([2, 2], [1, 2, 3]), () => tf.util.toNestedArray([2], [1, 2], true)])],
  },
  {
    name: 'util dtype helpers: bytesPerElement, getArrayFromDType, isValidDtype, hasEncodingLoss, inferDtype',
    run: (tf) => [
      ['float32', 'int32', 'bool', 'complex64'].map((d) => tf.util.bytesPerElement(d as 'float32')), each([() => tf.util.bytesPerElement('string' as 'float32')]),
      tf.util.getArrayFromDType('int32', 3), tf.util.getArrayFromDType('bool', 2), tf.util.getArrayFromDType('string', 2).length,
      ['float32', 'int32', 'bool', 'string', 'complex64', 'float16'].map((d) => tf.util.isValidDtype(d as 'float32')),
      [['float32', 'int32'], ['int32', 'float32'], ['bool', 'int32'], ['int32', 'bool'], ['complex64', 'float32'], ['float32', 'complex64'], ['int32', 'int32']].map(([a, b]) => tf.util.hasEncodingLoss(a as 'float32', b as 'float32')),
      [[1], [true], ['a'], new Int32Array(1), new Uint8Array(1), [[[false]]], []].map((v) => tf.util.inferDtype(v as number[])),
    ],
  },
  {
    name: 'util number helpers: clamp, nearestLargerEven, nearestDivisor, sizeToSquarishShape, isInt, sum, tanh, distSquared',
    run: (tf) => [
      tf.util.clamp(0, -2, 5), tf.util.clamp(0, 9, 5), [1, 2, 7].map((x) => tf.util.nearestLargerEven(x)), [[10, 4], [7, 2], [12, 12]].map(([a, b]) => tf.util.nearestDivisor(a, b)),
      [1, 4, 7, 16, 17, 30].map((n) => tf.util.sizeToSquarishShape(n)), [1, 1.5, -3, NaN].map((x) => tf.util.isInt(x)), tf.util.sum([1, 2, 3.5]), tf.util.tanh(0.5), tf.util.tanh(30),
      tf.util.distSquared([1, 2, 3], [4, 6, 3]), tf.util.distSquared(new Float32Array([1]), new Float32Array([-1])), each([() => tf.util.distSquared([1, 2], [1])]),
    ],
  },
  {
    name: 'util array helpers: arraysEqual across typed and plain arrays, swap, rightPad, sizeFromShape',
    run: (tf) => {
      const arr = [1, 2, 3];
      tf.util.swap(arr, 0, 2);
      return [tf.util.arraysEqual([1, 2], new Float32Array([1, 2])), tf.util.arraysEqual([1, 2], [1, 2, 3]), tf.util.arraysEqual([], []), tf.util.arraysEqualWithNull([null, 3], [null, 3]), tf.util.arraysEqualWithNull([null, 3], [2, 3]), arr, tf.util.rightPad('ab', 4) + '|', tf.util.rightPad('abcdef', 2), [[], [0], [2, 3, 4], [1, 0, 5]].map((s) => tf.util.sizeFromShape(s))];
    },
  },
  {
    name: 'util checks: assert and assertShapesMatch messages, assertNonNull, isString, isBoolean, isNumber, isFunction, isPromise, isScalarShape',
    run: (tf) => {
      const msg = (f: () => void) => { try { f(); return 'ok'; } catch (e) { return (e as Error).message; } };
      return [msg(() => tf.util.assert(false, () => 's29 custom message')), msg(() => tf.util.assert(true, () => 'never')), msg(() => tf.util.assertShapesMatch([1, 2], [1, 3], 's29 prefix: ')), msg(() => tf.util.assertShapesMatch([2], [2])),
        each([() => tf.util.assertNonNull(null as unknown as number[])]), [tf.util.isString('x'), tf.util.isString(1), tf.util.isBoolean(false), tf.util.isNumber(NaN), tf.util.isNumber('1'), tf.util.isFunction(Math.max), tf.util.isPromise(Promise.resolve(1)), tf.util.isPromise({}), tf.util.isScalarShape([]), tf.util.isScalarShape([1])]];
    },
  },
  {
    name: 'util strings: encodeString and decodeString round trip unicode; createScalarValue of each dtype',
    run: (tf) => {
      const bytes = tf.util.encodeString('né漢');
      return [bytes, tf.util.decodeString(bytes), tf.util.decodeString(tf.util.encodeString('')), tf.util.createScalarValue(3 as never, 'int32'), tf.util.createScalarValue(1 as never, 'bool'), tf.util.createScalarValue('ab' as never, 'string'), tf.util.bytesFromStringArray([tf.util.encodeString('ab'), tf.util.encodeString('c')])];
    },
  },
  {
    name: 'util.toTypedArray and makeOnesTypedArray of each dtype, and checkConversionForErrors on NaN',
    run: (tf) => [tf.util.toTypedArray([1.5, 2], 'int32'), tf.util.toTypedArray([0, 3], 'bool'), tf.util.toTypedArray([[1, 2], [3]] as unknown as number[], 'float32'), tf.util.makeOnesTypedArray(3, 'bool'), tf.util.makeOnesTypedArray(2, 'int32'), tf.util.makeZerosTypedArray(2, 'float32'), each([() => tf.util.checkConversionForErrors([1, NaN], 'int32'), () => tf.util.checkConversionForErrors([1, NaN], 'float32'), () => tf.util.toTypedArray([NaN], 'int32')])],
  },
  // more scopes and gradients
  {
    name: 'grads of a function called with the same tensor twice: each gets the whole gradient',
    run: (tf) => {
      const x = tf.tensor1d([1, 2]);
      return tf.grads((a: Tensor, b: Tensor) => a.mul(b).sum())([x, x]);
    },
  },
  {
    name: 'grad of a function with a tidy inside, and tidy around a grad: memory after each',
    run: (tf) => {
      const x = tf.tensor1d([0.5, -1, 2]);
      const g = tf.grad((t: Tensor) => tf.tidy(() => t.tanh().square().sum()));
      const r1 = counting(tf, () => g(x));
      const r2 = counting(tf, () => tf.tidy(() => g(x).mul(2)));
      return [r1.tensors, r1.value, r2.tensors, r2.value];
    },
  },
  {
    name: 'valueAndGrad and valueAndGrads refuse arrays where they take tensors; grad takes them',
    run: (tf) => each([
      () => tf.valueAndGrad((x: Tensor) => x.square().sum())([1, 2] as unknown as Tensor).grad,
      () => tf.valueAndGrads((x: Tensor) => x.square().sum())([[1, 2] as unknown as Tensor]).grads[0],
      () => tf.grad((x: Tensor) => x.square().sum())([1, 2] as unknown as Tensor),
    ]),
  },
  {
    name: 'customGrad refuses an input that is not a tensor and a value that is not one',
    run: (tf) => {
      const f = tf.customGrad((x) => ({ value: (x as Tensor).mul(2), gradFunc: (dy: Tensor) => [dy] }));
      const notTensor = tf.customGrad(() => ({ value: 3 as unknown as Tensor, gradFunc: (dy: Tensor) => [dy] }));
      return each([() => f([1, 2] as unknown as Tensor), () => notTensor(tf.scalar(1)), () => f(tf.scalar(2))]);
    },
  },
  {
    name: 'customGrad whose gradient has the wrong shape is refused when the gradient is taken',
    run: (tf) => {
      const f = tf.customGrad((x) => ({ value: (x as Tensor).sum(), gradFunc: (dy: Tensor) => [dy] }));
      return [f(tf.tensor1d([1, 2])), each([() => tf.grad((t: Tensor) => f(t) as Tensor)(tf.tensor1d([1, 2]))])];
    },
  },
  {
    name: 'a variable counts its own tensor but shares the initial value\'s buffer',
    run: (tf) => {
      const init = tf.tensor1d([1, 2, 3, 4]);
      const r = counting(tf, () => tf.variable(init, true, 's29_var_share'));
      init.dispose();
      const readable = r.value.arraySync();
      const d = counting(tf, () => r.value.dispose());
      return [r.tensors, r.buffers, readable, d.tensors, d.buffers];
    },
  },
  {
    name: 'grad inside startScope and endScope: the gradient passed to endScope survives, the rest is freed',
    run: (tf) => {
      const x = tf.tensor1d([1, 2]);
      const r = counting(tf, () => {
        tf.engine().startScope();
        const y = x.square();
        const g = tf.grad((t: Tensor) => t.pow(3).sum())(x);
        tf.engine().endScope([g]);
        return [y.isDisposed, g.isDisposed, g.arraySync()];
      });
      return [r.tensors, r.value];
    },
  },
  {
    name: 'keep of a tensor that is then disposed by hand leaves the count, and tidy does not dispose it twice',
    run: (tf) => {
      const r = counting(tf, () => tf.tidy(() => {
        const t = tf.keep(tf.ones([3]));
        t.dispose();
        return t.isDisposed;
      }));
      return [r.tensors, r.value];
    },
  },
  {
    name: 'a string tensor\'s memory: made, reshaped and cloned',
    run: (tf) => {
      const r1 = counting(tf, () => tf.tensor1d(['ab', 'cde', '']));
      const r2 = counting(tf, () => r1.value.reshape([3, 1]));
      const r3 = counting(tf, () => r1.value.clone());
      return [[r1.tensors, r1.buffers], [r2.tensors, r2.buffers], [r3.tensors, r3.buffers], r2.value, r3.value];
    },
  },
  {
    name: 'views of a variable: reshape, clone, cast to its dtype and a variable of it share its buffer in the count',
    run: (tf) => {
      const v = tf.variable(tf.tensor2d([[1, 2], [3, 4]]), true, 's29_var_views');
      const rows = [() => v.reshape([4]), () => v.clone(), () => tf.clone(v), () => v.cast('float32'), () => v.flatten(), () => v.expandDims(0)].map((f) => { const r = counting(tf, f); return [r.tensors, r.buffers, r.value]; });
      const vv = counting(tf, () => tf.variable(v, false, 's29_var_views2'));
      const res = [rows, [vv.tensors, vv.buffers]];
      vv.value.dispose();
      v.dispose();
      return res;
    },
  },
  {
    name: 'a variable whose view outlives it: the view still reads the values after the variable is disposed and after an assign',
    run: (tf) => {
      const v = tf.variable(tf.tensor1d([1, 2, 3]), true, 's29_var_view_outlives');
      const view = v.reshape([3, 1]);
      v.assign(tf.tensor1d([7, 8, 9]));
      const afterAssign = view.arraySync();
      v.dispose();
      return [afterAssign, view, v.isDisposed];
    },
  },
  {
    name: 'a variable made with another dtype: the count of what it leaves',
    deviation: "TF.js 4.22's tf.variable(x, trainable, name, dtype) casts x and never disposes the cast (one tensor left behind, counted by tf.memory() until the program ends); tessera frees it, so the variable alone is counted",
    run: (tf) => {
      const x = tf.tensor1d([1.5, 2.5]);
      const r = counting(tf, () => tf.variable(x, true, 's29_var_cast_leak', 'int32'));
      const res = [r.tensors, r.buffers, r.value];
      r.value.dispose();
      return res;
    },
  },
  {
    name: 'minimize with sgd: tensors after each step and the trained values',
    run: (tf) => {
      const w = tf.variable(tf.tensor1d([1, -1]), true, 's29_min_mem_w');
      const opt = tf.train.sgd(0.1);
      const x = tf.tensor1d([2, 3]);
      const steps: number[] = [];
      const m0 = tf.memory();
      for (let i = 0; i < 3; i++) {
        opt.minimize(() => w.mul(x).sum().sub(1).square() as Scalar);
        const m = tf.memory();
        steps.push(m.numTensors - m0.numTensors);
      }
      const res = [steps, w.arraySync()];
      opt.dispose();
      w.dispose();
      return res;
    },
  },
  {
    name: 'profile names the kernel of each single-kernel op as TF.js does, and counts its new tensors',
    run: async (tf) => {
      const x = tf.tensor2d([[1, -2], [3, 4]]);
      const i = tf.tensor1d([0, 1], 'int32');
      const ops: (() => Tensor)[] = [
        () => x.relu(), () => x.sigmoid(), () => x.transpose(), () => x.cast('int32'), () => x.concat(x), () => x.max(), () => x.argMax(), () => x.abs(), () => x.sqrt(),
        () => x.div(x), () => x.pow(x), () => x.maximum(x), () => x.greater(x), () => x.tanh(), () => x.elu(), () => x.reshape([4]), () => x.sum(0), () => x.cumsum(),
        () => x.neg(), () => x.exp(), () => x.log(), () => x.matMul(x), () => x.isNaN(), () => x.min(1), () => x.prod(), () => x.floor(), () => x.round(), () => x.reciprocal(),
        () => x.sign(), () => x.step(), () => x.relu6(), () => x.selu(), () => x.softplus(), () => x.sin(), () => x.equal(x), () => x.mod(x), () => x.atan2(x), () => x.erf(),
        () => x.toBool(), () => x.unsortedSegmentSum(i, 2), () => x.notEqual(x), () => x.softmax(),
      ];
      const rows = [];
      for (const op of ops) {
        const p = await tf.profile(op);
        rows.push([p.kernelNames, p.newTensors, p.kernels.map((k) => k.outputShapes)]);
      }
      return rows;
    },
  },
];
