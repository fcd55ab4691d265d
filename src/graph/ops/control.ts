import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import type { GraphFunction } from '../function-def';
import type { GraphNode } from '../graph-def';
import type { NodeArgs, OpSpec, OpTable } from '../op-spec';

/**
 * The function a func attr names, checked at load: the library holds it, it takes `inputs` arguments and, where
 * given, returns `outputs` tensors.
 */
function callee(node: GraphNode, library: ReadonlyMap<string, GraphFunction>, attr: string, inputs: number, outputs?: number): GraphFunction {
  const name = node.attrs.func(attr);
  if (name === undefined) throw new Error(`${node.where}: attr '${attr}' must name a function of the model's library, got none`);
  const fn = library.get(name);
  if (fn === undefined) throw new Error(`${node.where}: attr '${attr}' names function '${name}', which the model's library does not hold (it holds [${[...library.keys()].join(', ')}])`);
  if (fn.inputs.length !== inputs) throw new Error(`${node.where}: function '${name}' (attr '${attr}') takes ${fn.inputs.length} arguments, but the node passes it ${inputs}`);
  if (outputs !== undefined && fn.outputs.length !== outputs) throw new Error(`${node.where}: function '${name}' (attr '${attr}') returns ${fn.outputs.length} tensors, where the node needs ${outputs}`);
  return fn;
}

/** TF's truth of a condition: a scalar's value (non-zero, non-empty), else whether the tensor holds any element. */
export async function truth(t: Tensor): Promise<boolean> {
  if (t.rank > 0) return t.size > 0;
  const v = (await t.data())[0] as unknown;
  return typeof v === 'number' ? v !== 0 : Boolean(v);
}

const calledWith = (n: NodeArgs, attr: string, inputs: Tensor[]): Promise<Tensor[]> => n.run.call(n.attrs.func(attr) as string, inputs);

/** If and StatelessIf: input 0 chooses then_branch or else_branch, which runs on the other inputs. */
const ifOp: OpSpec = {
  arity: 1, async: true,
  check: (node, library) => {
    const args = node.inputs.length - 1;
    const [then, otherwise] = [callee(node, library, 'then_branch', args), callee(node, library, 'else_branch', args)];
    if (then.outputs.length !== otherwise.outputs.length) {
      throw new Error(`${node.where}: its branches return ${then.outputs.length} and ${otherwise.outputs.length} tensors; both must return the same number`);
    }
  },
  run: async (n) => calledWith(n, (await truth(n.tensor(0))) ? 'then_branch' : 'else_branch', n.tensors(1)),
};

/** While and StatelessWhile: body maps the loop's tensors to their next values for as long as cond holds of them. */
const whileOp: OpSpec = {
  arity: 0, async: true,
  check: (node, library) => {
    callee(node, library, 'cond', node.inputs.length, 1);
    callee(node, library, 'body', node.inputs.length, node.inputs.length);
  },
  run: async (n) => {
    const inputs = n.tensors(0);
    let vars = inputs;
    // What an earlier trip made goes once the next trip has made its own; the node's inputs are the run's.
    const drop = (ts: Tensor[]) => { for (const t of new Set(ts)) if (!inputs.includes(t)) t.dispose(); };
    try {
      for (;;) {
        const [c] = await calledWith(n, 'cond', vars);
        const go = await truth(c);
        c.dispose();
        if (!go) break;
        const next = await calledWith(n, 'body', vars);
        drop(vars);
        vars = next;
      }
    } catch (e) {
      drop(vars);
      throw e;
    }
    return vars === inputs ? inputs.map((t) => tn.clone(t)) : vars;
  },
};

/** PartitionedCall and StatefulPartitionedCall: the function f on the inputs (TF.js's converter inlines these). */
const callOp: OpSpec = {
  arity: 0, async: true,
  check: (node, library) => { callee(node, library, 'f', node.inputs.length); },
  run: (n) => calledWith(n, 'f', n.tensors(0)),
};

/** TF2's functional control flow, each branch or body a function of the model's library. */
export const controlOps: OpTable = {
  If: ifOp, StatelessIf: ifOp,
  While: whileOp, StatelessWhile: whileOp,
  PartitionedCall: callOp, StatefulPartitionedCall: callOp,
};
