import * as tn from '../ops/index';
import type { DType, Tensor } from '../tensor/tensor';
import { keep } from '../tensor/tidy';
import { fmtShape } from '../util/validate';

/** A list element's shape: dims with -1 for an unknown one, or null for an unknown rank. */
export type ElementShape = number[] | null;

/**
 * A TensorList as TF's ops see it: a value, so an op that changes a list makes a new one (sharing the items). An
 * unset item (Reserve, Resize, a gap left by Scatter) is undefined.
 */
export interface TensorList {
  readonly dtype: DType;
  readonly elementShape: ElementShape;
  /** The most items the list may hold; -1 for no bound. */
  readonly maxElements: number;
  readonly items: ReadonlyArray<Tensor | undefined>;
}

/**
 * One run's TensorLists. A list goes from node to node as a handle: a scalar int32 tensor holding its number, so that
 * it passes through Identity, If and While as any tensor does. Items are copies (sharing buffers) that the store
 * keeps until the run ends, since lists share them and the run frees each node's own outputs early.
 */
export class TensorLists {
  private readonly lists: TensorList[] = [];
  private readonly items: Tensor[] = [];

  /** A handle to `list`, a new tensor of the calling node. */
  handle(list: TensorList): Tensor {
    this.lists.push(list);
    return tn.scalar(this.lists.length - 1, 'int32');
  }

  /** The list a handle names, or an error naming `where`'s input. */
  get(handle: Tensor, where: string): TensorList {
    const id = handle.dtype === 'int32' && handle.rank === 0 ? (handle.dataSync() as Int32Array)[0] : -1;
    const list = this.lists[id];
    if (list === undefined) throw new Error(`${where}: input must be a TensorList handle made by a TensorList op of this run, got a ${handle.dtype} tensor of shape ${fmtShape(handle.shape)}`);
    return list;
  }

  /** An item for a list: t's values, kept until the run ends. */
  item(t: Tensor): Tensor {
    const copy = keep(tn.clone(t));
    this.items.push(copy);
    return copy;
  }

  /** At the end of the run: the items go (what was read from them are copies or new tensors). */
  dispose(): void {
    for (const t of this.items) t.dispose();
    this.items.length = 0;
    this.lists.length = 0;
  }
}

/** The shape two element shapes agree on, or an error naming both. */
export function mergeShapes(a: ElementShape, b: ElementShape, where: string): ElementShape {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length !== b.length || a.some((d, i) => d >= 0 && b[i] >= 0 && d !== b[i])) {
    throw new Error(`${where}: element shapes ${fmtShape(a)} and ${fmtShape(b)} do not match (-1 is a dim of any size)`);
  }
  return a.map((d, i) => (d >= 0 ? d : b[i]));
}

/** The element shape an op's input gives: a scalar -1 (unknown rank) or a vector with -1 for unknown dims. */
export function elementShapeOf(t: Tensor, where: string): ElementShape {
  const values = Array.from(t.dataSync() as ArrayLike<number>);
  if (t.rank === 0 && values[0] === -1) return null;
  if (t.rank !== 1 || values.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new Error(`${where}: element_shape must be a vector of dims (-1 for an unknown one) or the scalar -1, got ${t.rank === 0 ? String(values[0]) : `shape ${fmtShape(t.shape)} holding [${values.join(', ')}]`}`);
  }
  return values;
}
