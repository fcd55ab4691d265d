import type { Tensor } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import { parseOutputName, type GraphDef, type GraphNode } from './graph-def';
import { nodeArgs } from './node-args';
import type { OpSpec } from './op-spec';
import { RunState } from './run-state';

/** The nodes one (fed inputs, outputs) pair runs, in an order where each follows its inputs. */
interface Plan {
  order: GraphNode[];
  /** How many data inputs of the planned nodes read each node. */
  uses: Map<string, number>;
  /** The first node needing executeAsync (Where), if any. */
  asyncNode?: GraphNode;
}

/**
 * Runs a checked graph: for given feeds and outputs it plans the nodes needed (cached per pair, as TF.js compiles),
 * then runs them, each op in its own tidy, freeing every intermediate once nothing still to run reads it.
 */
export class GraphExecutor {
  private readonly plans = new Map<string, Plan>();

  constructor(
    private readonly graph: GraphDef,
    private readonly specs: ReadonlyMap<string, OpSpec>,
    private readonly weights: ReadonlyMap<string, Tensor>,
  ) {}

  /** feeds by tensor name ('x' or 'x:0'), outputs as tensor names; both already checked to name nodes. */
  execute(op: string, feeds: ReadonlyMap<string, Tensor>, outputs: readonly string[]): Tensor[] {
    const { plan, state, refs } = this.start(op, feeds, outputs);
    if (plan.asyncNode) {
      throw new Error(`${op}: the outputs need node '${plan.asyncNode.name}' (${plan.asyncNode.op}), whose output shape depends on its values; use executeAsync (or predictAsync), as TF.js requires`);
    }
    try {
      for (const node of plan.order) {
        if (state.has(node.name)) continue;
        const spec = this.specs.get(node.name) as OpSpec;
        state.store(node, tidy(() => spec.run(nodeArgs(node, (ref) => state.read(ref, node))) as Tensor[]));
      }
      return state.finish(refs, outputs);
    } catch (e) {
      state.abort();
      throw e;
    }
  }

  async executeAsync(op: string, feeds: ReadonlyMap<string, Tensor>, outputs: readonly string[]): Promise<Tensor[]> {
    const { plan, state, refs } = this.start(op, feeds, outputs);
    try {
      for (const node of plan.order) {
        if (state.has(node.name)) continue;
        const spec = this.specs.get(node.name) as OpSpec;
        const args = nodeArgs(node, (ref) => state.read(ref, node));
        state.store(node, spec.async ? await spec.run(args) : tidy(() => spec.run(args) as Tensor[]));
      }
      return state.finish(refs, outputs);
    } catch (e) {
      state.abort();
      throw e;
    }
  }

  private start(op: string, feeds: ReadonlyMap<string, Tensor>, outputs: readonly string[]) {
    const refs = outputs.map(parseOutputName);
    const outputNodes = new Set(refs.map((r) => r.node));
    const plan = this.plan(op, new Set([...feeds.keys()].map((k) => parseOutputName(k).node)), outputNodes);
    return { plan, refs, state: new RunState(this.weights, feeds, plan.uses, outputNodes) };
  }

  /** The nodes the outputs need, back to the fed nodes and the weights, in dependency order. */
  private plan(op: string, fed: ReadonlySet<string>, outputs: ReadonlySet<string>): Plan {
    const key = `${[...fed].sort().join(',')}--${[...outputs].sort().join(',')}`;
    const cached = this.plans.get(key);
    if (cached) return cached;
    const nodes = this.graph.nodes;
    const known = (name: string) => fed.has(name) || this.weights.has(name);
    const deps = (n: GraphNode) => (known(n.name) ? [] : [...n.inputs.map((r) => r.node), ...n.control]);
    const order: GraphNode[] = [];
    const missing: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    // Depth-first, iteratively (graphs can be thousands of nodes deep), each node placed after all its inputs.
    for (const root of outputs) {
      const stack: Array<[GraphNode, number]> = [[nodes.get(root) as GraphNode, 0]];
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const [node, next] = top;
        if (next === 0) {
          if (state.get(node.name) === 'done') { stack.pop(); continue; }
          state.set(node.name, 'open');
          if (node.op === 'Placeholder' && !known(node.name)) missing.push(node.name);
        }
        const inputs = deps(node);
        if (next < inputs.length) {
          top[1] = next + 1;
          const child = nodes.get(inputs[next]) as GraphNode;
          if (state.get(child.name) === 'open') throw new Error(`${child.where}: the graph has a cycle through this node (loops are control flow, which tessera's GraphModel does not run)`);
          if (state.get(child.name) !== 'done') stack.push([child, 0]);
          continue;
        }
        stack.pop();
        state.set(node.name, 'done');
        order.push(node);
      }
    }
    if (missing.length > 0) {
      throw new Error(`${op}: cannot compute the outputs [${[...outputs].join(', ')}] from the inputs [${[...fed].join(', ')}]: missing the inputs [${missing.join(', ')}]`);
    }
    const uses = new Map<string, number>();
    for (const node of order) {
      if (known(node.name)) continue;
      for (const ref of node.inputs) uses.set(ref.node, (uses.get(ref.node) ?? 0) + 1);
    }
    const plan = { order, uses, asyncNode: order.find((n) => !known(n.name) && this.specs.get(n.name)?.async) };
    this.plans.set(key, plan);
    return plan;
  }
}
