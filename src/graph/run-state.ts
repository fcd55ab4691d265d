import type { Tensor } from '../tensor/tensor';
import { parseOutputName, type GraphNode, type OutputRef } from './graph-def';

/**
 * The tensors a run knows before any node runs, by node: each weight, and each fed tensor at its output's index (a
 * node fed twice keeps its last feed's, as TF.js's executor keeps it).
 */
export function knownValues(weights: ReadonlyMap<string, Tensor>, feeds: ReadonlyMap<string, Tensor>): Map<string, Tensor[]> {
  const values = new Map<string, Tensor[]>();
  for (const [name, w] of weights) values.set(name, [w]);
  for (const [name, t] of feeds) {
    const { node, index } = parseOutputName(name);
    const fed: Tensor[] = [];
    fed[index] = t;
    values.set(node, fed);
  }
  return values;
}

/**
 * One execution's tensors: the weights and fed tensors (never disposed by a run), and what each node gave, each
 * freed once the last node that reads it has run (counted per tensor object, since an op may hand back its input).
 */
export class RunState {
  private readonly values: Map<string, Tensor[]>;
  private readonly refs = new Map<Tensor, number>();
  private readonly keep: ReadonlySet<Tensor>;

  constructor(
    weights: ReadonlyMap<string, Tensor>,
    feeds: ReadonlyMap<string, Tensor>,
    /** How many data inputs of the nodes to run read each node. */
    private readonly uses: ReadonlyMap<string, number>,
    /** Nodes whose tensors are wanted at the end: freed by finish, never earlier. */
    private readonly outputNodes: ReadonlySet<string>,
  ) {
    this.values = knownValues(weights, feeds);
    this.keep = new Set([...weights.values(), ...feeds.values()]);
  }

  /** Whether the node's value is known before running it (a weight or a fed tensor). */
  has(name: string): boolean {
    return this.values.has(name);
  }

  read(ref: OutputRef, reader: GraphNode): Tensor {
    const t = this.values.get(ref.node)?.[ref.index];
    if (t === undefined) throw new Error(`${reader.where}: input '${ref.node}:${ref.index}' has no value (node '${ref.node}' gave ${this.values.get(ref.node)?.length ?? 0} outputs)`);
    return t;
  }

  /** Records what a node gave, then frees its inputs' tensors that no node still to run reads. */
  store(node: GraphNode, out: Tensor[]): void {
    this.values.set(node.name, out);
    const uses = this.uses.get(node.name) ?? 0;
    for (const t of new Set(out)) {
      const count = (this.refs.get(t) ?? 0) + uses;
      this.refs.set(t, count);
      // Outputs no node reads (a NoOp's, an unused split) go at once.
      if (count === 0 && !this.outputNodes.has(node.name)) this.drop(t);
    }
    for (const ref of node.inputs) this.release(ref.node);
  }

  /** The requested outputs; every other tensor the run made is disposed. */
  finish(outputs: readonly OutputRef[], names: readonly string[]): Tensor[] {
    const results = outputs.map((ref, i) => {
      const t = this.values.get(ref.node)?.[ref.index];
      if (t === undefined) throw new Error(`GraphModel: output '${names[i]}' has no value (node '${ref.node}' gave ${this.values.get(ref.node)?.length ?? 0} outputs)`);
      return t;
    });
    const wanted = new Set(results);
    for (const t of this.refs.keys()) if (!wanted.has(t)) this.drop(t);
    return results;
  }

  /** After a failed run: disposes everything it made. */
  abort(): void {
    for (const t of this.refs.keys()) this.drop(t);
  }

  /** One read of a node's tensors done. */
  private release(name: string): void {
    if (this.outputNodes.has(name)) return;
    for (const t of new Set(this.values.get(name) ?? [])) {
      const count = this.refs.get(t);
      if (count === undefined) continue;
      if (count <= 1) this.drop(t);
      else this.refs.set(t, count - 1);
    }
  }

  private drop(t: Tensor): void {
    this.refs.delete(t);
    if (!this.keep.has(t) && !t.isDisposed) t.dispose();
  }
}
