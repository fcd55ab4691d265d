import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import { fmtShape } from '../../util/validate';
import type { NodeArgs, OpTable } from '../op-spec';
import type { TensorArray } from '../tensor-arrays';
import { mergeShapes, readItems, stackItems } from '../tensor-lists';

/** A new flow tensor: its value means nothing; the ops that pass it on are ordered by it. */
const flow = (): Tensor => tn.scalar(0);

/** The array whose handle is data input 0, checked to be open and, where the node says, of its dtype. */
function arrayOf(n: NodeArgs, dtypeAttr?: string): TensorArray {
  const ta = n.run.arrays.get(n.tensor(0), `${n.node.where}, input 0`);
  if (ta.closed) throw new Error(`${n.node.where}: TensorArray '${ta.name}' has been closed`);
  const dtype = dtypeAttr === undefined ? undefined : n.attrs.dtype(dtypeAttr);
  if (dtype !== undefined && dtype !== ta.dtype) throw new Error(`${n.node.where}: attr '${dtypeAttr}' is ${dtype} but TensorArray '${ta.name}' holds ${ta.dtype}`);
  return ta;
}

/** Writes t at index: once per index, never after a read, within the size unless the array grows. */
function write(n: NodeArgs, ta: TensorArray, index: number, t: Tensor): void {
  const at = `${n.node.where}: TensorArray '${ta.name}' index ${index}`;
  if (!Number.isInteger(index) || index < 0) throw new Error(`${at} is not an index (a whole number ≥ 0)`);
  if (!ta.dynamic && index >= ta.items.length) throw new Error(`${at} is outside its ${ta.items.length} items (and the array is not dynamic)`);
  if (t.dtype !== ta.dtype) throw new Error(`${at}: the value is ${t.dtype} but the array holds ${ta.dtype}`);
  if (ta.read[index]) throw new Error(`${at} has already been read, so it cannot be written`);
  if (ta.written[index]) throw new Error(`${at} has already been written`);
  const merged = mergeShapes(ta.elementShape, t.shape, at);
  if (ta.identicalShapes) ta.elementShape = merged;
  for (let k = ta.items.length; k < index; k++) ta.items[k] = undefined;
  ta.items[index] = n.run.arrays.item(t);
  ta.written[index] = true;
}

/**
 * Marks the items at indices read, one after another as TF reads them (and cleared, where the array clears after a
 * read, an unwritten item too: TF reads it as zeros once); returns the array.
 */
function readMany(n: NodeArgs, ta: TensorArray, indices: readonly number[]): TensorArray {
  for (const i of indices) {
    if (ta.cleared[i]) throw new Error(`${n.node.where}: TensorArray '${ta.name}' index ${i} was cleared by an earlier read (clear_after_read)`);
    ta.read[i] = true;
    if (ta.clearAfterRead) ta.cleared[i] = true;
  }
  return ta;
}

/** Rows of a tensor, each written at its index. */
function writeRows(n: NodeArgs, ta: TensorArray, indices: readonly number[], rows: Tensor[]): void {
  indices.forEach((k, r) => write(n, ta, k, rows[r]));
}

/** TF1's TensorArrayV3 ops, as TF computes them (TF.js sizes an array by what was written, TF by its size). */
export const tensorArrayOps: OpTable = {
  TensorArrayV3: {
    arity: 1,
    run: (n) => {
      const size = n.number(0);
      if (!Number.isInteger(size) || size < 0) throw new Error(`${n.node.where}: size must be a whole number ≥ 0, got ${size}`);
      const dtype = n.attrs.dtype('dtype');
      if (dtype === undefined) throw new Error(`${n.node.where}: attr 'dtype' must name the items' dtype, got none`);
      const ta: TensorArray = {
        name: n.attrs.exactString('tensor_array_name', '') || n.node.name, dtype, elementShape: n.attrs.shape('element_shape') ?? null,
        dynamic: n.attrs.bool('dynamic_size', false), clearAfterRead: n.attrs.bool('clear_after_read', true),
        identicalShapes: n.attrs.bool('identical_element_shapes', false),
        items: new Array<undefined>(size).fill(undefined), written: [], read: [], cleared: [], closed: false,
      };
      return [n.run.arrays.handle(ta), flow()];
    },
  },
  TensorArrayWriteV3: {
    arity: 4,
    run: (n) => {
      write(n, arrayOf(n), n.number(1), n.tensor(2));
      return [flow()];
    },
  },
  TensorArrayScatterV3: {
    arity: 4,
    run: (n) => {
      const ta = arrayOf(n);
      const [indices, t] = [n.numbers(1), n.tensor(2)];
      if (t.rank < 1 || t.shape[0] !== indices.length) throw new Error(`${n.node.where}: the value's first dim must be the number of indices (${indices.length}), got shape ${fmtShape(t.shape)}`);
      writeRows(n, ta, indices, tn.unstack(t));
      return [flow()];
    },
  },
  TensorArraySplitV3: {
    arity: 4,
    run: (n) => {
      const ta = arrayOf(n);
      const [t, lengths] = [n.tensor(1), n.numbers(2)];
      if (t.rank < 1 || lengths.some((k) => !Number.isInteger(k) || k < 0) || lengths.reduce((a, b) => a + b, 0) !== t.shape[0]) {
        throw new Error(`${n.node.where}: lengths [${lengths.join(', ')}] must be whole numbers summing to the value's first dim, got shape ${fmtShape(t.shape)}`);
      }
      if (!ta.dynamic && lengths.length !== ta.items.length) {
        throw new Error(`${n.node.where}: TensorArray '${ta.name}' holds ${ta.items.length} items and is not dynamic, but lengths gives ${lengths.length}`);
      }
      writeRows(n, ta, lengths.map((_, i) => i), tn.split(t, lengths, 0));
      return [flow()];
    },
  },
  TensorArrayReadV3: {
    arity: 3, dtypeAttr: 'dtype',
    run: (n) => {
      const ta = arrayOf(n, 'dtype');
      const index = n.number(1);
      return [tn.clone(readItems(n.node.where, readMany(n, ta, [index]), [index], null).tensors[0])];
    },
  },
  TensorArrayGatherV3: {
    arity: 3, dtypeAttr: 'dtype',
    run: (n) => {
      const ta = arrayOf(n, 'dtype');
      const indices = n.numbers(1);
      // An unwritten item's shape is the array's, never the other items' (as TF reads a TensorArray).
      return [stackItems(n.node.where, readMany(n, ta, indices), indices, n.attrs.shape('element_shape') ?? null, [])];
    },
  },
  TensorArrayConcatV3: {
    arity: 2, dtypeAttr: 'dtype',
    run: (n) => {
      const ta = arrayOf(n, 'dtype');
      readMany(n, ta, ta.items.map((_, i) => i));
      const full = ta.elementShape !== null && ta.elementShape.every((d) => d >= 0) ? ta.elementShape : undefined;
      // An unwritten item is zeros where the element shape is known, as TF fills it.
      const items = ta.items.map((t, i) => {
        if (t !== undefined) return t;
        if (full === undefined) throw new Error(`${n.node.where}: TensorArray '${ta.name}' index ${i} is unwritten and the element shape is not fully known`);
        return tn.zeros(full, ta.dtype);
      });
      if (items.some((t) => t.rank === 0)) throw new Error(`${n.node.where}: items must have rank ≥ 1 to be concatenated, got a scalar`);
      if (items.length === 0) {
        const rest = n.attrs.shape('element_shape_except0');
        if (rest === undefined || rest.some((d) => d < 0)) throw new Error(`${n.node.where}: TensorArray '${ta.name}' is empty and attr 'element_shape_except0' is not fully known`);
        return [tn.zeros([0, ...rest], ta.dtype), tn.tensor1d([], 'int32')];
      }
      return [tn.concat(items, 0), tn.tensor1d(items.map((t) => t.shape[0]), 'int32')];
    },
  },
  TensorArraySizeV3: { arity: 2, run: (n) => [tn.scalar(arrayOf(n).items.length, 'int32')] },
  TensorArrayCloseV3: {
    arity: 1,
    run: (n) => {
      arrayOf(n).closed = true;
      return [];
    },
  },
};
