import type { Tensor } from '../tensor/tensor';
import type { NodeAttrs } from './attrs';
import type { GraphFunction } from './function-def';
import type { GraphNode } from './graph-def';
import type { Handles } from './handles';
import type { HashTables } from './hash-tables';
import type { TensorArray } from './tensor-arrays';
import type { TensorList } from './tensor-lists';

/**
 * What a run gives its ops besides their inputs: the library's functions, the run's TensorLists and TensorArrays, and
 * the model's hash tables.
 */
export interface RunContext {
  /** The public call that began the run (its errors are named for it). */
  readonly op: string;
  readonly tables: HashTables;
  readonly lists: Handles<TensorList>;
  readonly arrays: Handles<TensorArray>;
  /** Runs the library function `fn` on `inputs`; the outputs are new tensors, the caller's. */
  call(fn: string, inputs: Tensor[]): Promise<Tensor[]>;
}

/** What an op reads of its node when it runs: its data inputs (control inputs order nodes only) and attrs. */
export interface NodeArgs {
  readonly node: GraphNode;
  readonly attrs: NodeAttrs;
  readonly run: RunContext;
  /** Data input i; a negative i counts from the end (ConcatV2's axis is its last input). */
  tensor(i: number): Tensor;
  /** Data input i, or undefined where it is dead (an untaken Switch output, in a TF1 graph): what Merge reads. */
  live(i: number): Tensor | undefined;
  /** Data inputs from start to end (exclusive; to the last one when absent, from the end when negative). */
  tensors(start: number, end?: number): Tensor[];
  /** Data input i's first value, as TF.js reads an op's 'number' input (an axis, a scalar). */
  number(i: number): number;
  /** Data input i's values in order, as TF.js reads an op's 'number[]' input (a shape, axes, begin/end). */
  numbers(i: number): number[];
  /** Data input i as rows of two (paddings, crops), checked to be [n, 2]. */
  pairs(i: number): Array<[number, number]>;
}

/** How the executor runs one TF op, and what is checked of its nodes when the model loads. */
export interface OpSpec {
  /** The fewest data inputs the op reads; a node with fewer is refused at load. */
  arity: number;
  /** The attr TF.js's op mapper reads as the node's `dtype` (shown by GraphModel.outputs), where it reads one. */
  dtypeAttr?: string;
  /**
   * Attr checks done at load, so a node tessera cannot compute exactly is refused before anything runs (and, for
   * the ops that call functions, checks of those functions in the model's library).
   */
  check?(node: GraphNode, library: ReadonlyMap<string, GraphFunction>): void;
  /** The outputs; a promise only for an `async` op, which then disposes what it made besides them. */
  run(n: NodeArgs): Tensor[] | Promise<Tensor[]>;
  /**
   * Ops that read values back before they know their outputs (Where's size, If's branch, While's trips):
   * executeAsync only, as TF.js.
   */
  async?: true;
  /**
   * A user's op (registerOp): run in no tidy of its own, as TF.js runs it, and it may give a promise, which
   * executeAsync awaits and execute refuses.
   */
  custom?: true;
}

export type OpTable = Record<string, OpSpec>;

/** An op of one input x, with TF.js's `dtype` from attr T. */
export function unary(f: (x: Tensor) => Tensor): OpSpec {
  return { arity: 1, dtypeAttr: 'T', run: (n) => [f(n.tensor(0))] };
}

/** An op of two inputs a and b, with TF.js's `dtype` from attr T. */
export function binary(f: (a: Tensor, b: Tensor) => Tensor): OpSpec {
  return { arity: 2, dtypeAttr: 'T', run: (n) => [f(n.tensor(0), n.tensor(1))] };
}

/** Refuses a channels-first node: TF.js computes those as channels-last, so their outputs would be wrong. */
export function requireNHWC(node: GraphNode, fallback = 'NHWC'): void {
  const format = node.attrs.string('data_format', fallback).toUpperCase();
  if (format !== 'NHWC' && format !== 'NWC' && format !== 'NDHWC') {
    throw new Error(`${node.where}: data_format '${format}' is not supported (graph models run channels-last, as TF.js's converter writes them)`);
  }
}
