import { assertComplexOrReal, assertTensor, gradientDtype, isComplex } from '../tensor/checks';
import { Tensor } from '../tensor/tensor';
import { argError, describeValue, fmtShape } from '../util/validate';
import { backpropagateDetached, isRecording, runTaped, type GradientOps, type Tape } from '../tensor/tape';
import type { NamedTensorMap, Scalar } from '../tensor/tfjs-types';
import { tidy } from '../tensor/tidy';
import { Variable, registryOrder } from '../tensor/variable';
import { add } from './binary';
import { clone } from './cast';
import { ones, zeros } from './creation';
import { dyRead } from './grads/dy-read';
import { gradientTable } from './grads/index';
import { toTensor, type TensorLike } from './tensor-like';

/** dtype of the gradient of y: y's own when it is float, else float32, as TF.js seeds and checks dy. */
const gradDtype = (y: Tensor) => gradientDtype(y.dtype);

const gradientOps: GradientOps = {
  add,
  onesLike: (y) => ones(y.shape, gradDtype(y)),
  zerosLike: (y) => zeros(y.shape, gradDtype(y)),
  rule: (name) => gradientTable[name],
  dyRead,
};

/** f's result, and dy (when given) of its shape and dtype. */
function assertResult(name: string, y: unknown, dy: Tensor | undefined): Tensor {
  if (!(y instanceof Tensor)) throw new Error(`${name}: f must return a Tensor, got ${describeValue(y)}`);
  if (isComplex(y)) throw argError(name, 'f', `a function whose result is ${y.dtype}`, 'a real result (take tn.real, tn.imag or tn.abs of it)');
  if (dy !== undefined && (dy.dtype !== gradDtype(y) || fmtShape(dy.shape) !== fmtShape(y.shape))) {
    throw argError(name, 'dy', `shape ${fmtShape(dy.shape)} and dtype ${dy.dtype}`, `the shape ${fmtShape(y.shape)} of f's result and dtype ${gradDtype(y)}`);
  }
  return y;
}

/** How errors call the i-th argument: args[i] for grads' array, x for grad's one tensor. */
type ArgLabel = (i: number) => string;
const argsLabel: ArgLabel = (i) => `args[${i}]`;

// An int32 or bool argument is differentiated as TF.js does it: its gradient is float32 (through a cast, dy as is).
function assertInputs(name: string, xs: unknown, dy: unknown, label: ArgLabel): Tensor[] {
  if (!Array.isArray(xs)) throw argError(name, 'args', describeValue(xs), 'an array of Tensors');
  if (xs.length === 0) throw argError(name, 'args', 'an empty array', 'at least one Tensor to differentiate with respect to');
  xs.forEach((x, i) => assertComplexOrReal(name, label(i), x));
  if (dy !== undefined) assertTensor(name, 'dy', dy);
  return xs as Tensor[];
}

function gradsFor(name: string, grads: Map<number, Tensor>, xs: Tensor[], dy: Tensor | undefined): Tensor[] {
  xs.forEach((x, i) => {
    if (!grads.has(x.id)) {
      throw new Error(`${name}: cannot compute the gradient with respect to argument ${i}: the result of f does not depend on it (make sure f uses every argument it is given)`);
    }
  });
  // A tensor given twice gets one gradient, the same object at both places, as TF.js's.
  const distinct = [...new Set(xs)];
  const owned = ownTensors(distinct.map((x) => grads.get(x.id) as Tensor), [dy, ...xs]);
  const byInput = new Map(distinct.map((x, k) => [x, owned[k]]));
  return xs.map((x) => byInput.get(x) as Tensor);
}

/**
 * The gradients as tensors of their own: a rule that passes dy on as it is (add's, addN's) gives one tensor for
 * several arguments, or the caller's dy itself, where TF.js gives a tensor each, so disposing one frees no other.
 */
function ownTensors(gs: Tensor[], callers: readonly (Tensor | undefined)[]): Tensor[] {
  const given = new Set<Tensor | undefined>(callers);
  return gs.map((g) => {
    if (given.has(g)) return clone(g);
    given.add(g);
    return g;
  });
}

function backward(tape: Tape, y: Tensor, dy: Tensor | undefined): Map<number, Tensor> {
  return backpropagateDetached(tape, y, dy, gradientOps);
}

/** valueAndGrads for the public op `name` (grad and grads run through it), so its errors name that op. */
function valueAndGradsAs<O extends Tensor>(name: string, f: (...xs: Tensor[]) => O, label = argsLabel): (xs: Tensor[], dy?: O) => { value: O; grads: Tensor[] } {
  if (typeof f !== 'function') throw argError(name, 'f', describeValue(f), 'a function');
  return (xs, given) => {
    const dy = given ?? undefined; // null is no dy, as in TF.js
    const inputs = assertInputs(name, xs, dy, label);
    return tidy(() =>
      runTaped(false, inputs, (tape) => {
        const value = assertResult(name, f(...inputs), dy) as O;
        const grads = gradsFor(name, backward(tape, value, dy), inputs, dy);
        return { value, grads };
      }),
    );
  };
}

/** value and gradients of f at xs, as TF.js's tf.valueAndGrads(f)(xs, dy?). */
export function valueAndGrads<O extends Tensor>(f: (...xs: Tensor[]) => O): (xs: Tensor[], dy?: O) => { value: O; grads: Tensor[] } {
  return valueAndGradsAs('valueAndGrads', f);
}

/** grad and grads take TensorLike arguments and dy too, as TF.js's (valueAndGrad and valueAndGrads take Tensors only). */
function gradsAs(name: string, f: (...xs: Tensor[]) => Tensor, label = argsLabel): (xs: Array<Tensor | TensorLike>, dy?: Tensor | TensorLike) => Tensor[] {
  const vg = valueAndGradsAs(name, f, label);
  return (xs, dy) => {
    const args = Array.isArray(xs) ? xs.map((x, i) => (isComplex(x) ? x : toTensor(name, label(i), x))) : xs;
    const { value, grads: g } = vg(args, dy == null ? undefined : toTensor(name, 'dy', dy));
    // Under an outer gradient the value may be an input of a recorded rule (max's, softmax's): the outer tidy frees it.
    // One of the arguments given back as it is (f = x => x) stays the caller's.
    if (!isRecording() && !args.includes(value)) value.dispose();
    return g;
  };
}

/** Gradients of f with respect to each argument, as tf.grads(f)(xs, dy?). */
export function grads(f: (...xs: Tensor[]) => Tensor): (xs: Array<Tensor | TensorLike>, dy?: Tensor | TensorLike) => Tensor[] {
  return gradsAs('grads', f);
}

/** Gradient of a one-argument f, as tf.grad(f)(x, dy?). */
export function grad(f: (x: Tensor) => Tensor): (x: Tensor | TensorLike, dy?: Tensor | TensorLike) => Tensor {
  const g = gradsAs('grad', f, () => 'x');
  return (x, dy) => g([x], dy)[0];
}

/** value and gradient of a one-argument f, as tf.valueAndGrad(f)(x, dy?). */
export function valueAndGrad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => { value: Tensor; grad: Tensor } {
  if (typeof f !== 'function') throw new Error(`valueAndGrad: f must be a function, got ${typeof f}`);
  const vg = valueAndGradsAs('valueAndGrad', (x) => f(x), () => 'x');
  return (x, dy) => {
    if (!(x instanceof Tensor)) throw new Error(`valueAndGrad: x must be a Tensor, got ${typeof x}`);
    const { value, grads: [g] } = vg([x], dy);
    return { grad: g, value };
  };
}

/** value of f and its gradients with respect to trainable variables (all it uses, or varList), as tf.variableGrads. */
export function variableGrads(f: () => Tensor, varList?: Variable[]): { value: Scalar; grads: NamedTensorMap } {
  const { value, grads: byVar } = variableGradsList(f, varList);
  const named: NamedTensorMap = {};
  for (const [v, g] of byVar) named[v.name] = g;
  // As TF.js: a non-trainable variable of the given list is named with a null gradient (applyGradients skips it).
  for (const v of varList ?? []) if (!v.trainable) named[v.name] = null as unknown as Tensor;
  return { value: value as Scalar, grads: named };
}

/** @internal variableGrads keyed by the variables themselves (optimizers use this). */
export function variableGradsList(f: () => Tensor, varList?: Variable[]): { value: Tensor; grads: Map<Variable, Tensor> } {
  if (typeof f !== 'function') throw argError('variableGrads', 'f', describeValue(f), 'a function');
  if (varList != null && (!Array.isArray(varList) || !varList.every((v) => v instanceof Variable))) {
    const bad = Array.isArray(varList) ? varList.findIndex((v) => !(v instanceof Variable)) : -1;
    throw argError('variableGrads', bad < 0 ? 'varList' : `varList[${bad}]`, describeValue(bad < 0 ? varList : varList[bad]), bad < 0 ? 'an array of Variables' : 'a Variable (made by tf.variable)');
  }
  // As TF.js: the non-trainable variables of a given list get no gradient, and a list with none trainable is refused.
  const sources = varList?.filter((v) => v.trainable);
  if (varList != null && sources?.length === 0) {
    throw argError('variableGrads', 'varList', `${varList.length} variables, none of them trainable`, 'at least one trainable variable');
  }
  const { value, grads } = tidy(() =>
    runTaped(varList == null, sources ?? [], (tape) => {
      const value = f();
      if (!(value instanceof Tensor)) throw new Error(`variableGrads: f must return a scalar Tensor, got ${describeValue(value)}`);
      const all = backward(tape, value, undefined);
      // Without a list, the variables f's ops read, and f's result itself when it is one (f = () => v), as TF.js.
      const seen = new Set(tape.variablesSeen.values());
      if (value instanceof Variable && value.trainable) seen.add(value);
      const vars = sources ?? [...seen].sort(registryOrder);
      const found = vars.filter((v) => all.has(v.id));
      const pairs = ownTensors(found.map((v) => all.get(v.id)!), found).map((g, i): [Variable, Tensor] => [found[i], g]);
      if (pairs.length === 0) {
        throw new Error("variableGrads: f's result depends on no trainable variable (the ops that use the variables must run inside f)");
      }
      // Checked after the connection, as TF.js does: a rank-1 loss of one element is refused too.
      if (value.rank !== 0) throw new Error(`variableGrads: f must return a scalar Tensor (rank 0), got shape ${fmtShape(value.shape)}`);
      return { value, grads: pairs };
    }),
  );
  return { value, grads: new Map(grads) };
}
