import { clone } from '../ops/index';
import { Tensor } from '../tensor/tensor';
import { describe } from '../io/json-checks';
import type { CustomAttrValue } from './attrs';
import type { OpSpec } from './op-spec';

/**
 * What an op registered with registerOp gets of its node when it runs: its data inputs' tensors, and its attrs (as
 * TF.js's ValueType, less tensors: none is passed).
 */
export interface GraphNode {
  inputs: Tensor[];
  attrs: { [key: string]: CustomAttrValue };
}

/** An op a graph model runs by a user's function: its outputs, or a promise of them (then executeAsync only). */
export type OpExecutor = (node: GraphNode) => Tensor | Tensor[] | Promise<Tensor | Tensor[]>;

const registered = new Map<string, OpExecutor>();

/**
 * Registers `opFunc` to run every graph-model node whose op is `name`: a TensorFlow op tessera lacks, or one it has
 * (the registered function is used instead). As in TF.js it applies to models loaded after the call; a model
 * looks the function up again each time the node runs, so deregisterOp makes that node fail.
 */
export function registerOp(name: string, opFunc: OpExecutor): void {
  if (typeof name !== 'string' || name === '') throw new Error(`registerOp: name must be a TensorFlow op name (a non-empty string), got ${describe(name)}`);
  if (typeof opFunc !== 'function') throw new Error(`registerOp: opFunc must be a function (node) => Tensor | Tensor[] | Promise<...>, got ${describe(opFunc)}`);
  registered.set(name, opFunc);
}

/** Removes the function registered for `name`, if any. */
export function deregisterOp(name: string): void {
  if (typeof name !== 'string') throw new Error(`deregisterOp: name must be a string, got ${describe(name)}`);
  registered.delete(name);
}

/**
 * The spec of a node whose op a user registered, or undefined. Its outputs are the tensors the function returns, an
 * input handed back as a clone (so the run frees each tensor object once); like TF.js, the node runs in no tidy of
 * its own, so what the function makes and does not return stays (a promise's tensors cannot be tidied), and a
 * promise is refused by execute.
 */
export function customOpSpec(op: string): OpSpec | undefined {
  if (!registered.has(op)) return undefined;
  return {
    arity: 0,
    custom: true,
    run: (n) => {
      const f = registered.get(op);
      if (f === undefined) throw new Error(`${n.node.where}: its op was registered with registerOp when the model loaded, and is no longer`);
      const attrs: GraphNode['attrs'] = {};
      for (const name of n.attrs.names()) attrs[name] = n.attrs.anyValue(name);
      const inputs = n.tensors(0);
      const out = f({ inputs, attrs });
      return out instanceof Promise ? out.then((v) => outputsOf(n.node.where, v, inputs)) : outputsOf(n.node.where, out, inputs);
    },
  };
}

function outputsOf(where: string, out: unknown, inputs: Tensor[]): Tensor[] {
  const list = Array.isArray(out) ? out : [out];
  list.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new Error(`${where}: the function registered with registerOp must return a tensor or an array of tensors, got ${Array.isArray(out) ? `${describe(t)} at index ${i}` : describe(out)}`);
    if (t.isDisposed) throw new Error(`${where}: the function registered with registerOp returned a disposed tensor${Array.isArray(out) ? ` at index ${i}` : ''}`);
  });
  return (list as Tensor[]).map((t) => (inputs.includes(t) ? clone(t) : t));
}
