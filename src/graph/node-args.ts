import { fmtShape } from '../util/validate';
import type { Tensor } from '../tensor/tensor';
import type { GraphNode, OutputRef } from './graph-def';
import { tidy } from '../tensor/tidy';
import type { NodeArgs, OpSpec, RunContext } from './op-spec';

/**
 * What an op reads of `node` in one run, its inputs' values coming from `read` (undefined for a dead input: `live`
 * gives it, the other readers refuse it).
 */
export function nodeArgs(node: GraphNode, read: (ref: OutputRef) => Tensor | undefined, run: RunContext): NodeArgs {
  const count = node.inputs.length;
  const at = (i: number) => (i < 0 ? count + i : i);
  const live = (i: number): Tensor | undefined => {
    const k = at(i);
    if (k < 0 || k >= count) throw new Error(`${node.where}: has no data input ${i} (it has ${count})`);
    return read(node.inputs[k]);
  };
  const alive = (t: Tensor | undefined, ref: OutputRef): Tensor => {
    if (t === undefined) throw new Error(`${node.where}: input '${ref.node}:${ref.index}' is dead (an untaken branch)`);
    return t;
  };
  const tensor = (i: number): Tensor => alive(live(i), node.inputs[at(i)]);
  const values = (i: number): number[] => Array.from(tensor(i).dataSync() as ArrayLike<number>);
  return {
    node,
    attrs: node.attrs,
    run,
    tensor,
    live,
    tensors: (start, end) => node.inputs.slice(at(start), end === undefined ? count : at(end)).map((ref) => alive(read(ref), ref)),
    number: (i) => {
      const v = values(i);
      if (v.length === 0) throw new Error(`${node.where}: data input ${i} must hold a value, got an empty tensor`);
      return v[0];
    },
    numbers: values,
    pairs: (i) => {
      const t = tensor(i);
      if (t.rank !== 2 || t.shape[1] !== 2) throw new Error(`${node.where}: data input ${i} must be a [n, 2] tensor (pairs such as paddings), got shape ${fmtShape(t.shape)}`);
      const v = values(i);
      return Array.from({ length: t.shape[0] }, (_, r): [number, number] => [v[2 * r], v[2 * r + 1]]);
    },
  };
}

/**
 * Runs a node's op in the public call `op`: in a tidy of its own, but for an async op and a user's (registerOp),
 * which TF.js runs in none; errors name the node.
 */
export function runOp(spec: OpSpec, node: GraphNode, op: string, args: NodeArgs): Tensor[] | Promise<Tensor[]> {
  return ranAt(node, op, () => (spec.async || spec.custom ? spec.run(args) : tidy(() => spec.run(args) as Tensor[])));
}

/**
 * As runOp, for execute: a user's op that gives a promise is refused (as TF.js refuses it), its tensors disposed
 * once they come.
 */
export function runOpSync(spec: OpSpec, node: GraphNode, op: string, args: NodeArgs): Tensor[] {
  const out = runOp(spec, node, op, args);
  if (!(out instanceof Promise)) return out;
  out.then((ts) => ts.forEach((t) => t.dispose()), () => undefined);
  throw new Error(`${op}: ${node.label} gave a promise (its function registered with registerOp is async); use executeAsync (or predictAsync), as TF.js requires`);
}

/** What f gives, or its error named for the node that ran in the public call `op` (a promise's rejection too). */
export function ranAt<T>(node: GraphNode, op: string, f: () => T): T {
  try {
    const out = f();
    return (out instanceof Promise ? out.catch((e: unknown) => { throw atNode(node, op, e); }) : out) as T;
  } catch (e) {
    throw atNode(node, op, e);
  }
}

/**
 * An error of a node's run, begun by `op` and naming the node: a graph op's own (naming it as it was loaded), or a
 * tensor op's, or one from a function the node called (already begun by `op`), which gets the node's name before it.
 */
function atNode(node: GraphNode, op: string, e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  // The node's own errors name it as `${where}: …` or `${where}, input 1: …`.
  const own = e.message.startsWith(`${node.where}:`) || e.message.startsWith(`${node.where},`);
  const message = own ? e.message.slice(node.where.length - node.label.length)
    : `${node.label}: ${e.message.startsWith(`${op}: `) ? e.message.slice(op.length + 2) : e.message}`;
  return new Error(`${op}: ${message}`, { cause: e });
}
