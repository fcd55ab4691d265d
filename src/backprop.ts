import { Tensor } from './tensor';
import type { Variable } from './variable';
import { tidy } from './tidy';
// The tape seeds and sums gradients with ops; the cycle with ops/ is safe since neither side uses the other at load time.
import { add } from './ops/binary';
import { onesLike } from './ops/creation';

/**
 * Maps the gradient of an op's output to the gradients of its inputs (null: not differentiable there, or not
 * needed: `needed[i]` is false when input i does not lead to a source, so a rule may skip computing it).
 */
export type BackwardFn = (dy: Tensor, needed: readonly boolean[]) => (Tensor | null)[];

interface TapeNode {
  inputs: Tensor[];
  output: Tensor;
  backward: BackwardFn;
}

/** One gradient computation in progress: the tensors that depend on its sources, and the ops between them. */
class Tape {
  readonly nodes: TapeNode[] = [];
  readonly tracked = new Set<number>();
  readonly variablesSeen = new Map<number, Variable>();

  constructor(readonly watchTrainableVariables: boolean) {}

  isTracked(t: Tensor): boolean {
    if (this.tracked.has(t.id)) return true;
    // Structural test rather than instanceof: Variable extends Tensor, and importing it here would close a module cycle.
    if (this.watchTrainableVariables && (t as Partial<Variable>).trainable === true) {
      this.tracked.add(t.id);
      this.variablesSeen.set(t.id, t as Variable);
      return true;
    }
    return false;
  }
}

const tapes: Tape[] = [];

/**
 * Called by every differentiable op after its forward pass. Records only while a gradient is
 * being taken and only when an input depends on what is being differentiated, so forward-only
 * work (predict) pays nothing but this check.
 */
export function recordOp(inputs: Tensor[], output: Tensor, backward: BackwardFn): void {
  for (const tape of tapes) {
    if (inputs.some((x) => tape.isTracked(x))) {
      tape.nodes.push({ inputs, output, backward });
      tape.tracked.add(output.id);
    }
  }
}

/** True while some gradient is being taken (ops may skip saving state for backward otherwise). */
export function isRecording(): boolean {
  return tapes.length > 0;
}

function backpropagate(tape: Tape, y: Tensor, dy: Tensor | undefined): Map<number, Tensor> {
  const grads = new Map<number, Tensor>();
  if (dy !== undefined) {
    if (dy.dtype !== y.dtype || dy.shape.length !== y.shape.length || dy.shape.some((d, i) => d !== y.shape[i])) {
      throw new Error(`grads: dy must have the shape [${y.shape.join(', ')}] and dtype ${y.dtype} of f's result, got shape [${dy.shape.join(', ')}] and dtype ${dy.dtype}`);
    }
  }
  grads.set(y.id, dy ?? onesLike(y));
  for (let i = tape.nodes.length - 1; i >= 0; i--) {
    const node = tape.nodes[i];
    const g = grads.get(node.output.id);
    if (!g) continue;
    const inputGrads = node.backward(g, node.inputs.map((x) => tape.tracked.has(x.id)));
    node.inputs.forEach((x, j) => {
      const gx = inputGrads[j];
      if (!gx || !tape.tracked.has(x.id)) return;
      const prev = grads.get(x.id);
      grads.set(x.id, prev ? add(prev, gx) : gx);
    });
  }
  return grads;
}

function runTaped<T>(watchVariables: boolean, sources: Tensor[], body: (tape: Tape) => T): T {
  const tape = new Tape(watchVariables);
  for (const s of sources) tape.tracked.add(s.id);
  tapes.push(tape);
  try {
    return body(tape);
  } finally {
    tapes.splice(tapes.indexOf(tape), 1);
  }
}

function assertResult(name: string, y: unknown): Tensor {
  if (!(y instanceof Tensor)) throw new Error(`${name}: f must return a Tensor, got ${typeof y}`);
  return y;
}

function assertInputs(name: string, xs: unknown): Tensor[] {
  if (!Array.isArray(xs) || !xs.every((x) => x instanceof Tensor)) {
    throw new Error(`${name}: args must be an array of Tensors, got ${Array.isArray(xs) ? 'an array containing non-tensors' : typeof xs}`);
  }
  return xs as Tensor[];
}

function gradsFor(name: string, grads: Map<number, Tensor>, xs: Tensor[]): Tensor[] {
  return xs.map((x, i) => {
    const g = grads.get(x.id);
    if (!g) {
      throw new Error(`${name}: cannot compute the gradient with respect to argument ${i}: the result of f does not depend on it (make sure f uses every argument it is given)`);
    }
    return g;
  });
}

/** value and gradients of f at xs, as TF.js's tf.valueAndGrads(f)(xs, dy?). */
export function valueAndGrads(f: (...xs: Tensor[]) => Tensor): (xs: Tensor[], dy?: Tensor) => { value: Tensor; grads: Tensor[] } {
  if (typeof f !== 'function') throw new Error(`valueAndGrads: f must be a function, got ${typeof f}`);
  return (xs, dy) => {
    const inputs = assertInputs('valueAndGrads', xs);
    return tidy(() =>
      runTaped(false, inputs, (tape) => {
        const value = assertResult('valueAndGrads', f(...inputs));
        const grads = gradsFor('valueAndGrads', backpropagateDetached(tape, value, dy), inputs);
        return { value, grads };
      }),
    );
  };
}

/** Runs the backward pass with this tape no longer recording, while outer tapes still do (higher-order gradients). */
function backpropagateDetached(tape: Tape, y: Tensor, dy: Tensor | undefined): Map<number, Tensor> {
  const at = tapes.indexOf(tape);
  if (at >= 0) tapes.splice(at, 1);
  try {
    return backpropagate(tape, y, dy);
  } finally {
    tapes.push(tape);
  }
}

/** Gradients of f with respect to each argument, as tf.grads(f)(xs, dy?). */
export function grads(f: (...xs: Tensor[]) => Tensor): (xs: Tensor[], dy?: Tensor) => Tensor[] {
  const vg = valueAndGrads(f);
  return (xs, dy) => {
    const { value, grads: g } = vg(xs, dy);
    value.dispose();
    return g;
  };
}

/** Gradient of a one-argument f, as tf.grad(f)(x, dy?). */
export function grad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => Tensor {
  if (typeof f !== 'function') throw new Error(`grad: f must be a function, got ${typeof f}`);
  const g = grads((x) => f(x));
  return (x, dy) => {
    if (!(x instanceof Tensor)) throw new Error(`grad: x must be a Tensor, got ${typeof x}`);
    return g([x], dy)[0];
  };
}

/** value of f and its gradients with respect to trainable variables (all it uses, or varList), as tf.variableGrads. */
export function variableGrads(f: () => Tensor, varList?: Variable[]): { value: Tensor; grads: Record<string, Tensor> } {
  const { value, grads: byVar } = variableGradsList(f, varList);
  const named: Record<string, Tensor> = {};
  for (const [v, g] of byVar) named[v.name] = g;
  return { value, grads: named };
}

/** @internal variableGrads keyed by the variables themselves (optimizers use this). */
export function variableGradsList(f: () => Tensor, varList?: Variable[]): { value: Tensor; grads: Map<Variable, Tensor> } {
  if (typeof f !== 'function') throw new Error(`variableGrads: f must be a function, got ${typeof f}`);
  if (varList !== undefined && (!Array.isArray(varList) || !varList.every((v) => v instanceof Tensor && 'trainable' in v))) {
    throw new Error('variableGrads: varList must be an array of Variables');
  }
  return tidy(() =>
    runTaped(varList === undefined, varList ?? [], (tape) => {
      const value = f();
      if (!(value instanceof Tensor) || value.size !== 1) {
        throw new Error(`variableGrads: f must return a scalar Tensor, got ${value instanceof Tensor ? `shape [${value.shape.join(', ')}]` : typeof value}`);
      }
      const all = backpropagateDetached(tape, value, undefined);
      const vars = varList ?? [...tape.variablesSeen.values()];
      const result = new Map<Variable, Tensor>();
      for (const v of vars) {
        const g = all.get(v.id);
        if (g) result.set(v, g);
      }
      return { value, grads: result };
    }),
  );
}
