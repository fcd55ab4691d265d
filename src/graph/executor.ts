import { clone } from '../ops/index';
import type { Tensor } from '../tensor/tensor';
import type { GraphFunction } from './function-def';
import { FRAME_OPS, FrameRun, type FramePlan } from './frames';
import { parseOutputName, type GraphDef, type GraphNode, type OutputRef } from './graph-def';
import { nodeArgs, runOp, runOpSync } from './node-args';
import type { OpSpec, RunContext } from './op-spec';
import { knownValues, RunState } from './run-state';
import { Handles } from './handles';
import type { HashTables } from './hash-tables';

/** The nodes one (fed inputs, outputs) pair runs, in an order where each follows its inputs. */
interface Plan {
  order: GraphNode[];
  /** How many data inputs of the planned nodes read each node. */
  uses: Map<string, number>;
  /** The first node needing executeAsync (Where, If, a TF1 Switch), if any. */
  asyncNode?: GraphNode;
  /** Where the outputs need TF1 control flow: what the run by frames needs (order and uses are then empty). */
  frames?: FramePlan;
}

/** At a top-level run's end: the TensorLists' and TensorArrays' items go. */
function endRun(context: RunContext): void {
  context.lists.dispose();
  context.arrays.dispose();
}

/** A library function and the executor of its graph. */
export interface CompiledFunction {
  fn: GraphFunction;
  executor: GraphExecutor;
}

/**
 * Runs a checked graph: for given feeds and outputs it plans the nodes needed (cached per pair, as TF.js compiles),
 * then runs them, each op in its own tidy, freeing every intermediate once nothing still to run reads it. A
 * function's graph runs in the run of the node that calls it, sharing its TensorLists and TensorArrays.
 */
export class GraphExecutor {
  private readonly plans = new Map<string, Plan>();
  private readonly weightSet: ReadonlySet<Tensor>;

  constructor(
    private readonly graph: GraphDef,
    private readonly specs: ReadonlyMap<string, OpSpec>,
    private readonly weights: ReadonlyMap<string, Tensor>,
    /** The model's functions by name, each already checked against the nodes that call it. */
    private readonly library: ReadonlyMap<string, CompiledFunction>,
    /** The model's hash tables, which every run of every graph of the model shares. */
    private readonly tables: HashTables,
  ) {
    this.weightSet = new Set(weights.values());
  }

  /** Whether t is one of this graph's weights (which a run never frees). */
  holds(t: Tensor): boolean {
    return this.weightSet.has(t);
  }

  /** feeds by tensor name ('x' or 'x:0'), outputs as tensor names; both already checked to name nodes. */
  execute(op: string, feeds: ReadonlyMap<string, Tensor>, outputs: readonly string[]): Tensor[] {
    const context = this.context(op);
    try {
      const { plan, refs } = this.start(op, feeds, outputs);
      if (plan.asyncNode) {
        throw new Error(`${op}: the outputs need node '${plan.asyncNode.name}' (${plan.asyncNode.op}), which reads values back before it knows its outputs (their shape, a branch or a loop's trips); use executeAsync (or predictAsync), as TF.js requires`);
      }
      const state = this.state(plan, feeds, refs);
      try {
        for (const node of plan.order) {
          if (state.has(node.name)) continue;
          const spec = this.specs.get(node.name) as OpSpec;
          state.store(node, runOpSync(spec, node, op, nodeArgs(node, (ref) => state.read(ref, node), context)));
        }
        return state.finish(refs, outputs);
      } catch (e) {
        state.abort();
        throw e;
      }
    } finally {
      endRun(context);
    }
  }

  async executeAsync(op: string, feeds: ReadonlyMap<string, Tensor>, outputs: readonly string[]): Promise<Tensor[]> {
    const context = this.context(op);
    try {
      return await this.run(op, feeds, outputs, context);
    } finally {
      endRun(context);
    }
  }

  private async run(op: string, feeds: ReadonlyMap<string, Tensor>, outputs: readonly string[], context: RunContext): Promise<Tensor[]> {
    const { plan, refs } = this.start(op, feeds, outputs);
    if (plan.frames) return new FrameRun(op, this.graph.nodes, this.specs, plan.frames, knownValues(this.weights, feeds), context).run(refs, outputs);
    const state = this.state(plan, feeds, refs);
    try {
      for (const node of plan.order) {
        if (state.has(node.name)) continue;
        const spec = this.specs.get(node.name) as OpSpec;
        const args = nodeArgs(node, (ref) => state.read(ref, node), context);
        const out = runOp(spec, node, op, args);
        state.store(node, out instanceof Promise ? await out : out);
      }
      return state.finish(refs, outputs);
    } catch (e) {
      state.abort();
      throw e;
    }
  }

  /** The context of a run begun by the public call `op`; the functions it calls share it. */
  private context(op: string): RunContext {
    const context: RunContext = {
      op,
      tables: this.tables,
      lists: new Handles('TensorList'),
      arrays: new Handles('TensorArray'),
      call: async (name, inputs) => {
        const { fn, executor } = this.library.get(name) as CompiledFunction;
        const feeds = new Map(fn.inputs.map((arg, i) => [arg, inputs[i]]));
        const outs = await executor.run(op, feeds, fn.outputs, context);
        // A function that returns an argument or a Const hands back a tensor that is not the run's: the caller gets a copy.
        return outs.map((t) => (inputs.includes(t) || executor.holds(t) ? clone(t) : t));
      },
    };
    return context;
  }

  private start(op: string, feeds: ReadonlyMap<string, Tensor>, outputs: readonly string[]) {
    const refs = outputs.map(parseOutputName);
    const plan = this.plan(op, new Set([...feeds.keys()].map((k) => parseOutputName(k).node)), new Set(refs.map((r) => r.node)));
    return { plan, refs };
  }

  /** A run in plan order's tensors (a run by frames keeps its own). */
  private state(plan: Plan, feeds: ReadonlyMap<string, Tensor>, refs: readonly OutputRef[]): RunState {
    return new RunState(this.weights, feeds, plan.uses, new Set(refs.map((r) => r.node)));
  }

  /** The nodes the outputs need, back to the fed nodes and the weights, in dependency order. */
  private plan(op: string, fed: ReadonlySet<string>, outputs: ReadonlySet<string>): Plan {
    const key = `${[...fed].sort().join(',')}--${[...outputs].sort().join(',')}`;
    const cached = this.plans.get(key);
    if (cached) return cached;
    const nodes = this.graph.nodes;
    const known = (name: string) => fed.has(name) || this.weights.has(name);
    const deps = (n: GraphNode) => (known(n.name) ? [] : [...n.inputs.map((r) => r.node), ...n.control]);
    // The nodes needed, found first without an order, since a TF1 loop's graph has cycles.
    const used = new Set(outputs);
    const missing: string[] = [];
    for (const pending = [...outputs]; pending.length > 0;) {
      const node = nodes.get(pending.pop() as string) as GraphNode;
      if (node.op === 'Placeholder' && !known(node.name)) missing.push(node.name);
      for (const name of deps(node)) {
        if (used.has(name)) continue;
        used.add(name);
        pending.push(name);
      }
    }
    if (missing.length > 0) {
      throw new Error(`${op}: cannot compute the outputs [${[...outputs].join(', ')}] from the inputs [${[...fed].join(', ')}]: missing the inputs [${missing.join(', ')}]`);
    }
    const framed = [...used].map((name) => nodes.get(name) as GraphNode).find((n) => FRAME_OPS.has(n.op));
    if (framed) {
      const plan = { order: [], uses: new Map(), asyncNode: framed, frames: this.framePlan(used, known) };
      this.plans.set(key, plan);
      return plan;
    }
    const order: GraphNode[] = [];
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
        }
        const inputs = deps(node);
        if (next < inputs.length) {
          top[1] = next + 1;
          const child = nodes.get(inputs[next]) as GraphNode;
          if (state.get(child.name) === 'open') throw new Error(`${child.where}: the graph has a cycle through this node, and no TF1 loop (NextIteration, Merge) makes one`);
          if (state.get(child.name) !== 'done') stack.push([child, 0]);
          continue;
        }
        stack.pop();
        state.set(node.name, 'done');
        order.push(node);
      }
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

  /** For a run by frames: who reads each used node, and how many reads each of its outputs has. */
  private framePlan(used: ReadonlySet<string>, known: (name: string) => boolean): FramePlan {
    const readers = new Map<string, GraphNode[]>();
    const uses = new Map<string, number[]>();
    for (const name of used) {
      if (known(name)) continue;
      const node = this.graph.nodes.get(name) as GraphNode;
      for (const input of new Set([...node.inputs.map((r) => r.node), ...node.control])) readers.set(input, [...(readers.get(input) ?? []), node]);
      for (const ref of node.inputs) {
        const counts = uses.get(ref.node) ?? [];
        counts[ref.index] = (counts[ref.index] ?? 0) + 1;
        uses.set(ref.node, counts);
      }
    }
    return { used, readers, uses };
  }
}
