import * as tn from '../../ops/index';
import type { DType, Tensor } from '../../tensor/tensor';
import { fmtShape } from '../../util/validate';
import type { NodeArgs, OpTable } from '../op-spec';
import { elementShapeOf, inRange, mergeShapes, readItems, stackItems, type ElementShape, type TensorList } from '../tensor-lists';

/** The list whose handle is data input i, its dtype checked against the node's element_dtype where it has one. */
function listAt(n: NodeArgs, i: number): TensorList {
  const list = n.run.lists.get(n.tensor(i), `${n.node.where}, input ${i}`);
  const dtype = n.attrs.dtype('element_dtype');
  if (dtype !== undefined && dtype !== list.dtype) throw new Error(`${n.node.where}: attr 'element_dtype' is ${dtype} but the list holds ${list.dtype}`);
  return list;
}

/** The node's element_dtype attr, which a node making a list from nothing must have. */
function elementDtype(n: NodeArgs): DType {
  const dtype = n.attrs.dtype('element_dtype');
  if (dtype === undefined) throw new Error(`${n.node.where}: attr 'element_dtype' must name the items' dtype, got none`);
  return dtype;
}

const shapeAt = (n: NodeArgs, i: number): ElementShape => elementShapeOf(n.tensor(i), `${n.node.where}, input ${i}`);

/**
 * An empty list of t's dtype whose element shape is the op's element_shape input, as TF keeps it (checked against
 * the shape of t's parts, not merged with it: a later item may be of another shape where the op's leaves it open).
 */
function newList(n: NodeArgs, t: Tensor, opShape: ElementShape, partShape: number[]): TensorList {
  mergeShapes(opShape, partShape, n.node.where);
  return { dtype: t.dtype, elementShape: opShape, maxElements: -1, items: [] };
}

/** A new list's handle. */
const make = (n: NodeArgs, list: TensorList): Tensor[] => [n.run.lists.handle(list)];

/** `list` with its items replaced. */
const withItems = (n: NodeArgs, list: TensorList, items: ReadonlyArray<Tensor | undefined>): Tensor[] => make(n, { ...list, items });

/** t as a list item: its dtype and shape checked against the list's, its values kept for the run. */
function item(n: NodeArgs, list: { dtype: DType; elementShape: ElementShape }, t: Tensor): Tensor {
  if (t.dtype !== list.dtype) throw new Error(`${n.node.where}: the item is ${t.dtype} but the list holds ${list.dtype}`);
  mergeShapes(list.elementShape, t.shape, n.node.where);
  return n.run.lists.item(t);
}

/** A count or position read from data input i: a whole number from `min`. */
function whole(n: NodeArgs, i: number, what: string, min = 0): number {
  const v = n.number(i);
  if (!Number.isInteger(v) || v < min) throw new Error(`${n.node.where}: ${what} (input ${i}) must be a whole number ≥ ${min}, got ${v}`);
  return v;
}

const everyIndex = (list: TensorList): number[] => list.items.map((_, i) => i);

/**
 * TensorListConcat(V2): the items joined along their first axis, and each item's length there. An unset item is
 * zeros, as TF makes it: its first dim from the element shape, else from leading_dims (V2's input 2, one per item).
 */
function concatenated(n: NodeArgs, opShape: ElementShape, leading?: number[]): Tensor[] {
  const list = listAt(n, 0);
  const where = n.node.where;
  let shape = mergeShapes(list.elementShape, opShape, where);
  for (const t of list.items) {
    if (t === undefined) continue;
    if (t.rank === 0) throw new Error(`${where}: items must have rank ≥ 1 to be concatenated, got a scalar`);
    shape = mergeShapes(shape, [-1, ...t.shape.slice(1)], where);
  }
  const rest = shape === null ? null : shape.slice(1);
  const unknown = (dims: number[] | null): boolean => dims === null || dims.some((d) => d < 0);
  if (list.items.length === 0) {
    if (unknown(rest)) throw new Error(`${where}: the list is empty and the element shape past the first dim is not fully known`);
    return [tn.zeros([0, ...(rest as number[])], list.dtype), tn.tensor1d([], 'int32')];
  }
  if (leading !== undefined && leading.length > 0 && leading.length !== list.items.length) {
    throw new Error(`${where}: leading_dims must give one dim per item (${list.items.length}), got ${leading.length}`);
  }
  const parts = list.items.map((t, i) => {
    if (t !== undefined) return t;
    const first = shape !== null && shape[0] >= 0 ? shape[0] : leading?.[i];
    if (first === undefined || first < 0 || unknown(rest)) {
      throw new Error(`${where}: item ${i} is unset and its shape is not fully known (the element shape ${shape === null ? 'of unknown rank' : fmtShape(shape)}${leading === undefined ? '' : ', with leading_dims'})`);
    }
    return tn.zeros([first, ...(rest as number[])], list.dtype);
  });
  return [tn.concat(parts, 0), tn.tensor1d(parts.map((t) => t.shape[0]), 'int32')];
}

/** Rows of t at `indices` become a new list's items; `length` items in all (the rest unset). */
function scattered(n: NodeArgs, length: number): Tensor[] {
  const t = n.tensor(0);
  const indices = n.numbers(1);
  if (t.rank < 1 || indices.length !== t.shape[0]) {
    throw new Error(`${n.node.where}: the tensor's first dim must be the number of indices (${indices.length}), got shape ${fmtShape(t.shape)}`);
  }
  const list = newList(n, t, shapeAt(n, 2), t.shape.slice(1));
  const items: Array<Tensor | undefined> = new Array<Tensor | undefined>(length).fill(undefined);
  const rows = tn.unstack(t);
  indices.forEach((k, r) => {
    if (!Number.isInteger(k) || k < 0 || k >= length) throw new Error(`${n.node.where}: index ${k} is outside the list's ${length} items`);
    items[k] = item(n, list, rows[r]);
  });
  return withItems(n, list, items);
}

/** One past the largest index (a reduce: spreading a million indices into Math.max overflows the stack). */
const pastLargest = (indices: number[]): number => indices.reduce((m, k) => Math.max(m, k + 1), 0);

/** TF2's TensorList ops (what tf.function makes of a TensorArray and of a Keras RNN's loop), as TF computes them. */
export const tensorListOps: OpTable = {
  EmptyTensorList: {
    arity: 2,
    run: (n) => make(n, { dtype: elementDtype(n), elementShape: shapeAt(n, 0), maxElements: whole(n, 1, 'max_num_elements', -1), items: [] }),
  },
  TensorListReserve: {
    arity: 2,
    run: (n) => make(n, { dtype: elementDtype(n), elementShape: shapeAt(n, 0), maxElements: -1, items: new Array<undefined>(whole(n, 1, 'num_elements')).fill(undefined) }),
  },
  TensorListFromTensor: {
    arity: 2,
    run: (n) => {
      const t = n.tensor(0);
      if (t.rank < 1) throw new Error(`${n.node.where}: the tensor must have rank ≥ 1 (its rows become the items), got a scalar`);
      const list = newList(n, t, shapeAt(n, 1), t.shape.slice(1));
      return withItems(n, list, tn.unstack(t).map((row) => item(n, list, row)));
    },
  },
  TensorListScatter: {
    arity: 3,
    run: (n) => scattered(n, pastLargest(n.numbers(1))),
  },
  TensorListScatterV2: {
    arity: 4,
    run: (n) => {
      const count = whole(n, 3, 'num_elements', -1);
      return scattered(n, count >= 0 ? count : pastLargest(n.numbers(1)));
    },
  },
  TensorListSplit: {
    arity: 3,
    run: (n) => {
      const t = n.tensor(0);
      const lengths = n.numbers(2);
      const total = lengths.reduce((a, b) => a + b, 0);
      if (t.rank < 1 || lengths.some((k) => !Number.isInteger(k) || k < 0) || total !== t.shape[0]) {
        throw new Error(`${n.node.where}: lengths [${lengths.join(', ')}] must be whole numbers summing to the tensor's first dim, got shape ${fmtShape(t.shape)}`);
      }
      const list = newList(n, t, shapeAt(n, 1), [-1, ...t.shape.slice(1)]);
      return withItems(n, list, tn.split(t, lengths, 0).map((part) => item(n, list, part)));
    },
  },
  TensorListStack: {
    arity: 2, dtypeAttr: 'element_dtype',
    run: (n) => {
      const list = listAt(n, 0);
      const count = n.attrs.number('num_elements', -1);
      if (count !== -1 && count !== list.items.length) throw new Error(`${n.node.where}: attr 'num_elements' is ${count} but the list holds ${list.items.length} items`);
      return [stackItems(n.node.where, list, everyIndex(list), shapeAt(n, 1))];
    },
  },
  TensorListGather: {
    arity: 3, dtypeAttr: 'element_dtype',
    run: (n) => {
      const list = listAt(n, 0);
      return [stackItems(n.node.where, list, n.numbers(1), shapeAt(n, 2))];
    },
  },
  TensorListGetItem: {
    arity: 3, dtypeAttr: 'element_dtype',
    run: (n) => {
      const list = listAt(n, 0);
      return [tn.clone(readItems(n.node.where, list, [n.number(1)], shapeAt(n, 2), everyIndex(list)).tensors[0])];
    },
  },
  TensorListSetItem: {
    arity: 3,
    run: (n) => {
      const list = listAt(n, 0);
      const index = n.number(1);
      const grow = n.attrs.bool('resize_if_index_out_of_bounds', false) && Number.isInteger(index) && index >= list.items.length;
      const items = grow ? [...list.items, ...new Array<undefined>(index + 1 - list.items.length).fill(undefined)] : [...list.items];
      items[inRange(n.node.where, { ...list, items }, index)] = item(n, list, n.tensor(2));
      return withItems(n, list, items);
    },
  },
  TensorListPushBack: {
    arity: 2,
    run: (n) => {
      const list = listAt(n, 0);
      if (list.maxElements !== -1 && list.items.length >= list.maxElements) throw new Error(`${n.node.where}: the list is full (max_num_elements ${list.maxElements})`);
      return withItems(n, list, [...list.items, item(n, list, n.tensor(1))]);
    },
  },
  TensorListPopBack: {
    arity: 2, dtypeAttr: 'element_dtype',
    run: (n) => {
      const list = listAt(n, 0);
      if (list.items.length === 0) throw new Error(`${n.node.where}: cannot pop from an empty list`);
      const last = tn.clone(readItems(n.node.where, list, [list.items.length - 1], shapeAt(n, 1), everyIndex(list)).tensors[0]);
      return [...withItems(n, list, list.items.slice(0, -1)), last];
    },
  },
  TensorListLength: { arity: 1, run: (n) => [tn.scalar(listAt(n, 0).items.length, 'int32')] },
  TensorListElementShape: {
    arity: 1,
    run: (n) => {
      const shape = listAt(n, 0).elementShape;
      return [shape === null ? tn.scalar(-1, 'int32') : tn.tensor1d(shape, 'int32')];
    },
  },
  TensorListResize: {
    arity: 2,
    run: (n) => {
      const list = listAt(n, 0);
      const size = whole(n, 1, 'size');
      return withItems(n, list, Array.from({ length: size }, (_, i) => list.items[i]));
    },
  },
  TensorListConcat: { arity: 1, run: (n) => concatenated(n, n.attrs.shape('element_shape') ?? null) },
  TensorListConcatV2: { arity: 3, run: (n) => concatenated(n, shapeAt(n, 1), n.numbers(2)) },
};
