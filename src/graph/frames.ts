import type { Tensor } from '../tensor/tensor';
import type { GraphNode, OutputRef } from './graph-def';
import { nodeArgs, runOp } from './node-args';
import type { OpSpec, RunContext } from './op-spec';

/** The ops of TF1's control flow, whose graphs run as frames (and may hold cycles through NextIteration). */
export const FRAME_OPS: ReadonlySet<string> = new Set(['Switch', 'Merge', 'Enter', 'Exit', 'NextIteration', 'LoopCond']);

// Where a value lives: the root ('') or a path of loop frames, each segment a frame's name and its trip.
const FRAME = '\u0000';
const TRIP = '\u0001';
const KEY = '\u0002';
const enter = (ctx: string, frame: string): string => `${ctx}${FRAME}${frame}${TRIP}0`;
const parentOf = (ctx: string): string => ctx.slice(0, ctx.lastIndexOf(FRAME));
/** The frame instance a context belongs to: the context less its trip. */
const frameOf = (ctx: string): string => ctx.slice(0, ctx.lastIndexOf(TRIP));
const tripOf = (ctx: string): number => Number(ctx.slice(ctx.lastIndexOf(TRIP) + 1));
const atTrip = (frame: string, trip: number): string => `${frame}${TRIP}${trip}`;

/** What the graph's nodes need for one (feeds, outputs) pair: which run, who reads each, and how often each output. */
export interface FramePlan {
  used: ReadonlySet<string>;
  /** The used nodes that read each node, by a data or a control input. */
  readers: ReadonlyMap<string, GraphNode[]>;
  /** How many data inputs of used nodes read each output of each node. */
  uses: ReadonlyMap<string, number[]>;
}

/**
 * One run of a graph with TF1 control flow, as TF's executor runs it: a node runs, in a context, once its inputs
 * have values there (a Merge once any has); an untaken Switch output is dead, so nothing reading it runs. A value is
 * found in the reader's context or, for a loop invariant (a constant Enter), in an enclosing one. Enter moves a
 * value into its frame's first trip, NextIteration into the next trip, Exit out to the enclosing context. A node fed
 * only by loop invariants runs again in each trip, as TF activates them. Each tensor is freed once every reader in
 * its own context has run; the rest (read across trips, or by readers that never ran) at the end.
 */
export class FrameRun {
  private readonly values = new Map<string, Tensor[]>();
  private readonly refs = new Map<Tensor, number>();
  private readonly queue: Array<[GraphNode, string]> = [];
  private readonly scheduled = new Set<string>();
  /** Per frame instance: its constant Enters that have run, and the last trip begun. */
  private readonly invariants = new Map<string, GraphNode[]>();
  private readonly trips = new Map<string, number>();
  /** The known tensors, and the nodes whose root values are the run's outputs: never freed early. */
  private readonly kept: ReadonlySet<Tensor>;
  private outputNodes: ReadonlySet<string> = new Set();

  constructor(
    /** The public call that began the run. */
    private readonly op: string,
    private readonly nodes: ReadonlyMap<string, GraphNode>,
    private readonly specs: ReadonlyMap<string, OpSpec>,
    private readonly plan: FramePlan,
    /** Weights and fed tensors by node: the run never frees them. */
    private readonly known: ReadonlyMap<string, Tensor[]>,
    private readonly context: RunContext,
  ) {
    this.kept = new Set([...known.values()].flat());
  }

  async run(outputs: readonly OutputRef[], names: readonly string[]): Promise<Tensor[]> {
    this.outputNodes = new Set(outputs.map((r) => r.node));
    try {
      for (const [name, ts] of this.known) this.values.set(this.key(name, ''), ts);
      for (const name of this.known.keys()) this.produced(name, '');
      for (const name of this.plan.used) {
        const node = this.nodes.get(name) as GraphNode;
        if (!this.known.has(name) && node.inputs.length === 0 && node.control.length === 0) this.schedule(node, '');
      }
      for (let item = this.queue.pop(); item !== undefined; item = this.queue.pop()) await this.runNode(...item);
      const results = outputs.map((ref, i) => {
        const t = this.values.get(this.key(ref.node, ''))?.[ref.index];
        if (t !== undefined) return t;
        const inFrame = [...this.values.keys()].some((k) => k.startsWith(`${ref.node}${KEY}${FRAME}`));
        throw new Error(`${this.op}: output '${names[i]}' has no value (${inFrame ? "it is inside a loop's frame: fetch it through the loop's Exit" : 'the branch or loop that gives it did not run, or it is dead'})`);
      });
      this.disposeAll(new Set(results));
      return results;
    } catch (e) {
      this.disposeAll(new Set());
      throw e;
    }
  }

  private key(name: string, ctx: string): string {
    return `${name}${KEY}${ctx}`;
  }

  /** The value of an output seen from ctx (its own context, else the nearest enclosing one), and where it was found. */
  private lookup(ref: OutputRef, ctx: string): { t: Tensor | undefined; at: string } | undefined {
    for (let at = ctx; ; at = parentOf(at)) {
      const ts = this.values.get(this.key(ref.node, at));
      if (ts !== undefined) return { t: ts[ref.index], at };
      if (at === '') return undefined;
    }
  }

  private live(ref: OutputRef, ctx: string): boolean {
    return this.lookup(ref, ctx)?.t !== undefined;
  }

  private schedule(node: GraphNode, ctx: string): void {
    const key = this.key(node.name, ctx);
    if (this.scheduled.has(key)) return;
    // A Merge runs once any data input has a value, its control inputs unheeded, as in TF.js: a lowered cond's
    // branch_executed Merge takes control inputs from both branches, and the untaken one never runs here (TF counts
    // its dead arrival; dead values are not passed on in this executor).
    const merge = node.op === 'Merge';
    const data = merge ? node.inputs.some((r) => this.live(r, ctx)) : node.inputs.every((r) => this.live(r, ctx));
    if (!data || (!merge && !node.control.every((name) => this.live({ node: name, index: 0 }, ctx)))) return;
    this.scheduled.add(key);
    this.queue.push([node, ctx]);
  }

  /** A node's value is there in ctx: its readers may now run there. */
  private produced(name: string, ctx: string): void {
    for (const reader of this.plan.readers.get(name) ?? []) this.schedule(reader, ctx);
  }

  private async runNode(node: GraphNode, ctx: string): Promise<void> {
    const spec = this.specs.get(node.name) as OpSpec;
    const args = nodeArgs(node, (ref) => this.lookup(ref, ctx)?.t, this.context);
    const ran = runOp(spec, node, this.op, args);
    const out = ran instanceof Promise ? await ran : ran;
    let [at, next] = [ctx, ctx];
    if (node.op === 'Enter') {
      next = enter(ctx, node.attrs.exactString('frame_name', ''));
      if (!node.attrs.bool('is_constant', false)) at = next;
    } else if (node.op === 'Exit' || node.op === 'NextIteration') {
      if (ctx === '') {
        for (const t of out) t?.dispose();
        throw new Error(`${this.op}: ${node.label}: runs outside any loop frame (no Enter leads to it)`);
      }
      at = next = node.op === 'Exit' ? parentOf(ctx) : atTrip(frameOf(ctx), tripOf(ctx) + 1);
    }
    this.store(node, at, out);
    this.release(node, ctx);
    this.produced(node.name, next);
    if (node.op === 'Enter' && at !== next) this.invariantRan(node, frameOf(next));
    if (node.op === 'NextIteration') this.tripBegan(frameOf(next), tripOf(next));
  }

  /** A constant Enter ran: what reads it may run in every trip begun so far, and in each one to come. */
  private invariantRan(node: GraphNode, frame: string): void {
    this.invariants.set(frame, [...(this.invariants.get(frame) ?? []), node]);
    for (let trip = 1; trip <= (this.trips.get(frame) ?? 0); trip++) this.produced(node.name, atTrip(frame, trip));
  }

  private tripBegan(frame: string, trip: number): void {
    if (trip <= (this.trips.get(frame) ?? 0)) return;
    this.trips.set(frame, trip);
    for (const node of this.invariants.get(frame) ?? []) this.produced(node.name, atTrip(frame, trip));
  }

  private store(node: GraphNode, ctx: string, out: Tensor[]): void {
    this.values.set(this.key(node.name, ctx), out);
    const uses = this.plan.uses.get(node.name) ?? [];
    out.forEach((t, i) => {
      if (t === undefined || this.kept.has(t)) return;
      const count = (this.refs.get(t) ?? 0) + (uses[i] ?? 0);
      // An output nothing reads (Merge's value_index, mostly) goes at once, unless the run returns it.
      if (count === 0 && (ctx !== '' || !this.outputNodes.has(node.name))) t.dispose();
      else this.refs.set(t, count);
    });
  }

  /** One read of each input found in ctx itself is done; a tensor no reader still needs there goes (not an output's). */
  private release(node: GraphNode, ctx: string): void {
    for (const ref of node.inputs) {
      const found = this.lookup(ref, ctx);
      if (found?.t === undefined || found.at !== ctx || this.kept.has(found.t)) continue;
      const count = this.refs.get(found.t);
      if (count === undefined) continue;
      if (count > 1) this.refs.set(found.t, count - 1);
      else if (ctx !== '' || !this.outputNodes.has(ref.node)) {
        this.refs.delete(found.t);
        found.t.dispose();
      } else this.refs.set(found.t, 0);
    }
  }

  private disposeAll(wanted: ReadonlySet<Tensor>): void {
    for (const t of this.refs.keys()) if (!wanted.has(t) && !this.kept.has(t) && !t.isDisposed) t.dispose();
    this.refs.clear();
  }
}
