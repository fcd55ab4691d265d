import * as tn from '../ops/index';
import type { Tensor } from '../tensor/tensor';
import { keep } from '../tensor/tidy';
import { fmtShape } from '../util/validate';

// Handle numbers start far from the small integers a graph computes, each store at its own start, so that an int32
// scalar of the graph's own, or another store's handle, is not taken for a handle (TF tells them apart by dtype).
const HANDLES_FROM = 2 ** 30;
const PER_STORE = 2 ** 24;
let stores = 0;

/** Where a handle points in a store whose handles count from `first`: its place there, or -1 for no handle. */
export function handleIndex(handle: Tensor, first: number): number {
  return handle.dtype === 'int32' && handle.rank === 0 ? (handle.dataSync() as Int32Array)[0] - first : -1;
}

/**
 * One run's values of one kind that are not tensors (TensorLists, TensorArrays). Each goes from node to node as a
 * handle: a scalar int32 tensor holding its number, so that it passes through Identity, Enter, If and While as any
 * tensor does. Their items are copies (sharing buffers) kept until the run ends, since values share them and the run
 * frees each node's own outputs early.
 */
export class Handles<T> {
  private readonly values: T[] = [];
  private readonly items: Tensor[] = [];
  private readonly first = HANDLES_FROM + (stores++ % 63) * PER_STORE;

  constructor(private readonly kind: string) {}

  /** A handle to `value`, a new tensor of the calling node. */
  handle(value: T): Tensor {
    if (this.values.length >= PER_STORE) throw new Error(`a run may make at most ${PER_STORE} ${this.kind}s`);
    this.values.push(value);
    return tn.scalar(this.first + this.values.length - 1, 'int32');
  }

  /** The value a handle names, or an error naming `where`'s input. */
  get(handle: Tensor, where: string): T {
    const id = handleIndex(handle, this.first);
    const value = id >= 0 ? this.values[id] : undefined;
    if (value === undefined) throw new Error(`${where}: input must be a ${this.kind} handle made by a ${this.kind} op of this run, got a tensor of dtype ${handle.dtype} and shape ${fmtShape(handle.shape)}`);
    return value;
  }

  /** An item to hold: t's values, kept until the run ends. */
  item(t: Tensor): Tensor {
    const copy = keep(tn.clone(t));
    this.items.push(copy);
    return copy;
  }

  /** At the end of the run: the items go (what was read from them are copies or new tensors). */
  dispose(): void {
    for (const t of this.items) t.dispose();
    this.items.length = 0;
    this.values.length = 0;
  }
}
