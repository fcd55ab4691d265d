import * as tn from '../ops/index';
import type { DType, Tensor } from '../tensor/tensor';
import { fmtShape } from '../util/validate';

/** A list element's shape: dims with -1 for an unknown one, or null for an unknown rank. */
export type ElementShape = number[] | null;

/**
 * A TensorList as TF's ops see it: a value, so an op that changes a list makes a new one (sharing the items). An
 * unset item (Reserve, Resize, a gap left by Scatter) is undefined.
 */
export interface TensorList extends Items {
  /** The most items the list may hold; -1 for no bound. */
  readonly maxElements: number;
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

/** Items of a list or array: the dtype, element shape and items (an unset one undefined) that reads take them from. */
export interface Items {
  readonly dtype: DType;
  readonly elementShape: ElementShape;
  readonly items: ReadonlyArray<Tensor | undefined>;
}

/** An index of `source`'s items, checked to be one. */
export function inRange(where: string, source: Items, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= source.items.length) {
    throw new Error(`${where}: index ${index} is outside the ${source.items.length} items`);
  }
  return index;
}

/**
 * The items at `indices`, each as a tensor of the one shape they share with the source's and the op's element shapes
 * (an unset item is zeros, which needs that shape fully known), and that shape. Where one of them is unset, the items
 * at `inferFrom` help find the shape: TF's GetItem and PopBack look at every item, its Stack and Gather at those read.
 */
export function readItems(
  where: string, source: Items, indices: readonly number[], opShape: ElementShape, inferFrom: readonly number[] = indices,
): { tensors: Tensor[]; shape: number[] } {
  let shape = mergeShapes(source.elementShape, opShape, where);
  for (const i of indices) inRange(where, source, i);
  for (const i of indices.some((k) => source.items[k] === undefined) ? inferFrom : indices) {
    const t = source.items[i];
    if (t !== undefined) shape = mergeShapes(shape, t.shape, where);
  }
  const known = shape !== null && shape.every((d) => d >= 0);
  const unset = indices.find((i) => source.items[i] === undefined);
  if (!known && (unset !== undefined || indices.length === 0)) {
    const why = unset === undefined ? 'there are no items' : `item ${unset} is unset`;
    throw new Error(`${where}: ${why} and the element shape ${shape === null ? 'of unknown rank' : fmtShape(shape)} is not fully known`);
  }
  const full = shape as number[];
  return { tensors: indices.map((i) => source.items[i] ?? tn.zeros(full, source.dtype)), shape: full };
}

/** The items at `indices` stacked along a new first axis (an unset one's shape found as readItems finds it). */
export function stackItems(where: string, source: Items, indices: readonly number[], opShape: ElementShape, inferFrom: readonly number[] = indices): Tensor {
  const { tensors, shape } = readItems(where, source, indices, opShape, inferFrom);
  return tensors.length === 0 ? tn.zeros([0, ...shape], source.dtype) : tn.stack(tensors);
}
