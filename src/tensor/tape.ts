import type { Tensor } from './tensor';
import { Variable } from './variable';
import { closeHold, openHold, readingHeld } from './backward-hold';

/** What a gradient rule gets besides dy: the op's inputs, its output, its attributes, and which inputs need a gradient. */
export interface GradientInput<A> {
  readonly inputs: readonly Tensor[];
  /** The op's output (its first, for an op with several). */
  readonly output: Tensor;
  /** Every output's gradient, in output order: [dy] for one output; for several (split), zeros where an output led nowhere, as tfjs-core fills them. */
  readonly dys: readonly Tensor[];
  readonly attrs: A;
  /** needed[i] is false when input i does not lead to a source, so a rule may skip computing its gradient. */
  readonly needed: readonly boolean[];
  /**
   * readWhereNonzero[i] is true when input i's gradient is read back only where input i is not ±0 (it is a relu's
   * output on this tape, not a source), so a rule may return zeros there without computing them.
   */
  readonly readWhereNonzero: readonly boolean[];
}

/**
 * Maps the gradient of an op's output to the gradients of its inputs (null: not differentiable there, or not
 * needed). Rules live apart from the ops, keyed by op name (ops/grads/), as tfjs-core's gradient configs: a
 * rule is made of ops, so the ops need not import each other to record it.
 */
export type GradientRule<A> = (dy: Tensor, op: GradientInput<A>) => (Tensor | null)[];

interface TapeNode {
  name: string;
  inputs: Tensor[];
  outputs: readonly Tensor[];
  attrs: unknown;
}

/** One gradient computation in progress: the tensors that depend on its sources, and the ops between them. */
export class Tape {
  readonly nodes: TapeNode[] = [];
  readonly tracked = new Set<number>();
  /** The tensors being differentiated with respect to: their gradients are the result, read in full. */
  readonly sources = new Set<number>();
  readonly variablesSeen = new Map<number, Variable>();
  /** The recorded ops' inputs and outputs, which the backward pass reads: a dispose() inside f leaves their values (backward-hold.ts). */
  readonly held = new Set<Tensor>();

  constructor(readonly watchTrainableVariables: boolean) {}

  isTracked(t: Tensor): boolean {
    if (this.tracked.has(t.id)) return true;
    if (this.watchTrainableVariables && t instanceof Variable && t.trainable) {
      this.tracked.add(t.id);
      this.variablesSeen.set(t.id, t);
      return true;
    }
    return false;
  }
}

const tapes: Tape[] = [];

/**
 * Called by every differentiable op after its forward pass, with its output or (split) its outputs. Records
 * only while a gradient is being taken and only when an input depends on what is being differentiated, so
 * forward-only work (predict) pays nothing but this check.
 */
export function recordOp<A>(name: string, inputs: Tensor[], output: Tensor | readonly Tensor[], attrs: A): void {
  if (opWatcher) opWatcher(name, inputs, Array.isArray(output) ? output : [output as Tensor]);
  for (const tape of tapes) {
    // Every input is asked (no early exit): asking is what registers a trainable variable with the tape.
    let tracked = false;
    for (const x of inputs) if (tape.isTracked(x)) tracked = true;
    if (tracked) {
      const outputs = Array.isArray(output) ? output : [output as Tensor];
      tape.nodes.push({ name, inputs, outputs, attrs });
      for (const x of inputs) tape.held.add(x);
      for (const y of outputs) {
        tape.tracked.add(y.id);
        tape.held.add(y);
      }
    }
  }
}

type OpWatcher = (name: string, inputs: readonly Tensor[], outputs: readonly Tensor[]) => void;
let opWatcher: OpWatcher | null = null;

/** @internal Has every op that records call `watcher` (tf.profile's kernel list); returns the watcher it replaces. */
export function watchOps(watcher: OpWatcher | null): OpWatcher | null {
  const previous = opWatcher;
  opWatcher = watcher;
  return previous;
}

/** Runs fn with no tape recording (customGrad's forward pass: its gradient is the one the user gives). */
export function withoutRecording<T>(fn: () => T): T {
  const paused = tapes.splice(0, tapes.length);
  try {
    return fn();
  } finally {
    tapes.unshift(...paused);
  }
}

/** Whether a tape now recording tracks t (a backward rule's outer tapes included): false for a constant to them all. */
export function trackedByAnyTape(t: Tensor): boolean {
  return tapes.some((tape) => tape.tracked.has(t.id));
}

/** True while some gradient is being taken (ops may skip saving state for backward otherwise). */
export function isRecording(): boolean {
  return tapes.length > 0;
}

/**
 * What the backward pass needs from the ops layer, handed in (as tfjs-core's backpropagateGradients takes add):
 * ops to seed and sum gradients, and the backward rule of each recorded op by name.
 */
export interface GradientOps {
  add(a: Tensor, b: Tensor): Tensor;
  onesLike(x: Tensor): Tensor;
  zerosLike(x: Tensor): Tensor;
  rule(name: string): GradientRule<never> | undefined;
  /**
   * How the rule of the op `name` (with these attributes) reads its output's gradient: 'nonzero' only where the
   * output is not ±0 (a relu epilogue's rule), 'asInput' where its input's gradient is read (a reshape), else
   * undefined (everywhere).
   */
  dyRead(name: string, attrs: unknown): 'nonzero' | 'asInput' | undefined;
}

/** The ids of the tape's op outputs whose gradient is read back only where they are not ±0 (GradientInput.readWhereNonzero). */
function readWhereNonzero(tape: Tape, ops: GradientOps): Set<number> {
  const ids = new Set<number>();
  for (const node of tape.nodes) {
    if (node.outputs.length !== 1 || tape.sources.has(node.outputs[0].id)) continue;
    const read = ops.dyRead(node.name, node.attrs);
    if (read === 'nonzero' || (read === 'asInput' && ids.has(node.inputs[0].id))) ids.add(node.outputs[0].id);
  }
  return ids;
}

function backpropagate(tape: Tape, y: Tensor, dy: Tensor | undefined, ops: GradientOps): Map<number, Tensor> {
  const grads = new Map<number, Tensor>();
  grads.set(y.id, dy ?? ops.onesLike(y));
  const sparse = readWhereNonzero(tape, ops);
  for (let i = tape.nodes.length - 1; i >= 0; i--) {
    const node = tape.nodes[i];
    const found = node.outputs.map((o) => grads.get(o.id));
    if (!found.some((g) => g)) continue;
    const rule = ops.rule(node.name);
    if (!rule) throw new Error(`gradient: no backward rule is registered for the op ${node.name}`);
    const dys = found.map((g, k) => g ?? ops.zerosLike(node.outputs[k]));
    const inputGrads = rule(dys[0], { inputs: node.inputs, output: node.outputs[0], dys, attrs: node.attrs as never, needed: node.inputs.map((x) => tape.tracked.has(x.id)),
      readWhereNonzero: node.inputs.map((x) => sparse.has(x.id)) });
    node.inputs.forEach((x, j) => {
      const gx = inputGrads[j];
      if (!gx || !tape.tracked.has(x.id)) return;
      const prev = grads.get(x.id);
      grads.set(x.id, prev ? ops.add(prev, gx) : gx);
    });
  }
  return grads;
}

/** Runs body with a new tape recording, that tracks the sources (and every trainable variable when watchVariables). */
export function runTaped<T>(watchVariables: boolean, sources: Tensor[], body: (tape: Tape) => T): T {
  const tape = new Tape(watchVariables);
  for (const s of sources) {
    tape.tracked.add(s.id);
    tape.sources.add(s.id);
  }
  tapes.push(tape);
  openHold(tape.held);
  try {
    return body(tape);
  } finally {
    tapes.splice(tapes.indexOf(tape), 1);
    closeHold(tape.held);
  }
}

/** Runs the backward pass with this tape no longer recording, while outer tapes still do (higher-order gradients). */
export function backpropagateDetached(tape: Tape, y: Tensor, dy: Tensor | undefined, ops: GradientOps): Map<number, Tensor> {
  const at = tapes.indexOf(tape);
  if (at >= 0) tapes.splice(at, 1);
  try {
    return readingHeld(() => backpropagate(tape, y, dy, ops));
  } finally {
    tapes.push(tape);
  }
}
