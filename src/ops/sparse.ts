import { arrayTypeFor, type DType, type Tensor, type TypedArray } from '../tensor/tensor';
import { recordOp } from '../tensor/tape';
import { computeStrides } from '../util/tf-util';
import { argError, fmtShape } from '../util/validate';
import { tensor } from './creation';
import { toTensor, toTensorAs, type TensorLike } from './tensor-like';

// tf.sparse: ops on a sparse tensor given as its parts (indices, values, dense shape), read off the values on the
// host as TF.js's kernels compute them (on every backend, as host-count.ts's ops); not differentiable, as in TF.js,
// but for the segment sums and means in their data (TensorFlow's gradients; TF.js registers none).
// Index arguments are int32 when given as arrays; a tensor is taken as it is, and its dtype is the outputs'.

function ofRank(op: string, arg: string, t: Tensor, rank: number, what: string): Tensor {
  if (t.rank !== rank) throw argError(op, arg, `shape ${fmtShape(t.shape)}`, what);
  return t;
}

const vector = (op: string, arg: string, x: Tensor | TensorLike, dtype?: DType) => ofRank(op, arg, toTensor(op, arg, x, dtype), 1, 'a 1-D tensor');
const matrix = (op: string, arg: string, x: Tensor | TensorLike) => ofRank(op, arg, toTensor(op, arg, x, 'int32'), 2, 'a 2-D tensor ([count, rank])');

/** Values of dtype for a new tensor, zeros (the kernels compute in the output's array type, as TF.js's do). */
const zerosOf = (dtype: DType, size: number): TypedArray => new (arrayTypeFor(dtype))(size);

/**
 * Gives each empty row of a 2-D or higher sparse tensor one entry, at column 0, of defaultValue, as
 * tf.sparse.sparseFillEmptyRows(indices, values, denseShape, defaultValue): the entries ordered by row (their order
 * kept within a row), which rows were empty (bool), and where each input entry went (reverseIndexMap).
 */
export function sparseFillEmptyRows(indices: Tensor | TensorLike, values: Tensor | TensorLike, denseShape: Tensor | TensorLike, defaultValue: Tensor | TensorLike): { outputIndices: Tensor; outputValues: Tensor; emptyRowIndicator: Tensor; reverseIndexMap: Tensor } {
  const op = 'sparseFillEmptyRows';
  const idx = matrix(op, 'indices', indices);
  const vals = vector(op, 'values', values);
  const dense = vector(op, 'denseShape', denseShape, 'int32');
  const fill = ofRank(op, 'defaultValue', toTensorAs(op, 'defaultValue', defaultValue, vals.dtype), 0, 'a scalar');
  const [count, rank] = idx.shape;
  const rows = dense.hostValues()[0] ?? 0;
  const iv = idx.hostValues();
  const vv = vals.hostValues();
  if (rows === 0) {
    if (count !== 0) throw argError(op, 'indices', `${count} entries`, 'no entries, as denseShape[0] is 0');
    return {
      outputIndices: tensor(zerosOf(idx.dtype, 0), [0, rank], idx.dtype), outputValues: tensor(zerosOf(vals.dtype, 0), [0], vals.dtype),
      emptyRowIndicator: tensor(zerosOf('bool', 0), [0], 'bool'), reverseIndexMap: tensor(zerosOf(idx.dtype, 0), [0], idx.dtype),
    };
  }
  const perRow = new Array<number>(rows).fill(0);
  for (let i = 0; i < count; i++) {
    const row = iv[i * rank];
    if (row < 0 || row >= rows) throw argError(op, `indices[${i}][0]`, String(row), `a row in [0, ${rows}) (denseShape[0] is ${rows})`);
    perRow[row]++;
  }
  const empty = perRow.map((n) => n === 0);
  // start[r]: where row r's entries begin in the output, each empty row taking one.
  const start = new Array<number>(rows + 1).fill(0);
  for (let r = 0; r < rows; r++) start[r + 1] = start[r] + Math.max(perRow[r], 1);
  const total = start[rows];
  const outIdx = zerosOf(idx.dtype, total * rank);
  const outVals = zerosOf(vals.dtype, total);
  const reverse = zerosOf(idx.dtype, count);
  const filled = new Array<number>(rows).fill(0);
  for (let i = 0; i < count; i++) {
    const row = iv[i * rank];
    const at = start[row] + filled[row]++;
    for (let j = 0; j < rank; j++) outIdx[at * rank + j] = iv[i * rank + j];
    outVals[at] = vv[i];
    reverse[i] = at;
  }
  const fillValue = fill.hostValues()[0];
  for (let r = 0; r < rows; r++) {
    if (!empty[r]) continue;
    outIdx[start[r] * rank] = r;
    outVals[start[r]] = fillValue;
  }
  return {
    outputIndices: tensor(outIdx, [total, rank], idx.dtype), outputValues: tensor(outVals, [total], vals.dtype),
    emptyRowIndicator: tensor(Uint8Array.from(empty, Number), [rows], 'bool'), reverseIndexMap: tensor(reverse, [count], idx.dtype),
  };
}

/**
 * The indices of a sparse tensor of inputShape in a dense shape newShape of as many elements (one size may be -1,
 * inferred), and that shape, as tf.sparse.sparseReshape(inputIndices, inputShape, newShape).
 */
export function sparseReshape(inputIndices: Tensor | TensorLike, inputShape: Tensor | TensorLike, newShape: Tensor | TensorLike): { outputIndices: Tensor; outputShape: Tensor } {
  const op = 'sparseReshape';
  const idx = matrix(op, 'inputIndices', inputIndices);
  const inShapeT = vector(op, 'inputShape', inputShape, 'int32');
  const newShapeT = vector(op, 'newShape', newShape, 'int32');
  const inShape = Array.from(inShapeT.hostValues());
  const target = Array.from(newShapeT.hostValues());
  if (idx.shape[1] !== inShape.length) throw argError(op, 'inputIndices', `shape ${fmtShape(idx.shape)}`, `one column for each of inputShape's ${inShape.length} dims`);
  const size = inShape.reduce((a, b) => a * b, 1);
  let unknown = -1;
  let known = 1;
  target.forEach((d, i) => {
    if (d === -1) {
      if (unknown !== -1) throw argError(op, 'newShape', `-1 at both ${unknown} and ${i}`, 'at most one -1 (the size to infer)');
      unknown = i;
    } else if (d < 0) {
      throw argError(op, `newShape[${i}]`, String(d), 'a size >= 0, or -1');
    } else {
      known *= d;
    }
  });
  const outShape = target.slice();
  if (unknown !== -1) {
    if (known <= 0) throw argError(op, 'newShape', `[${target.join(', ')}]`, 'non-zero sizes beside the -1, so that it can be inferred');
    const missing = Math.trunc(size / known);
    if (missing * known !== size) throw argError(op, 'newShape', `[${target.join(', ')}]`, `sizes whose product divides inputShape's ${size} elements`);
    outShape[unknown] = missing;
  }
  const outSize = outShape.reduce((a, b) => a * b, 1);
  if (outSize !== size) throw argError(op, 'newShape', `[${outShape.join(', ')}] (${outSize} elements)`, `as many elements as inputShape [${inShape.join(', ')}] (${size})`);
  const [count, inRank] = idx.shape;
  const outRank = outShape.length;
  // Row-major strides of every axis, the last's 1 included.
  const [inStrides, outStrides] = [inShape, outShape].map((shape) => [...computeStrides(shape), 1]);
  const iv = idx.hostValues();
  const out = zerosOf(idx.dtype, count * outRank);
  for (let i = 0; i < count; i++) {
    let flat = 0;
    for (let j = 0; j < inRank; j++) flat += iv[i * inRank + j] * inStrides[j];
    for (let j = 0; j < outRank; j++) {
      out[i * outRank + j] = Math.trunc(flat / outStrides[j]);
      flat %= outStrides[j];
    }
  }
  return { outputIndices: tensor(out, [count, outRank], idx.dtype), outputShape: tensor(Int32Array.from(outShape), [outRank], newShapeT.dtype) };
}

/**
 * out[s] = the sum (or mean) of data[indices[i]] over the i with segmentIds[i] = s; segmentIds sorted, a segment
 * with no entries is 0; as many rows as the last segment id + 1.
 */
function segmentReduce(op: string, data: Tensor | TensorLike, indices: Tensor | TensorLike, segmentIds: Tensor | TensorLike, isMean: boolean): Tensor {
  const d = toTensor(op, 'data', data);
  if (d.rank < 1) throw argError(op, 'data', 'a scalar', 'a tensor of rank >= 1');
  const idx = vector(op, 'indices', indices, 'int32');
  const seg = vector(op, 'segmentIds', segmentIds, 'int32');
  if (idx.size !== seg.size) throw argError(op, 'segmentIds', `${seg.size} ids`, `one id for each of the ${idx.size} indices`);
  const n = idx.size;
  const iv = idx.hostValues();
  const sv = seg.hostValues();
  // Checked before the output is sized from it: a negative last id would size it below zero.
  if (n > 0 && sv[n - 1] < 0) throw argError(op, `segmentIds[${n - 1}]`, String(sv[n - 1]), 'an id >= 0 (sorted, the last one giving the row count)');
  const rows = n > 0 ? sv[n - 1] + 1 : 0;
  const inRows = d.shape[0];
  const cols = inRows === 0 ? 0 : d.size / inRows;
  const out = zerosOf(d.dtype, rows * cols);
  // Each entry's segment size, which a mean divides its gradient by.
  const counts = isMean ? new Float64Array(n) : null;
  const dv = d.hostValues();
  for (let start = 0; start < n;) {
    const id = sv[start];
    let end = start + 1;
    while (end < n && sv[end] === id) end++;
    if (end < n && sv[end] < id) throw argError(op, 'segmentIds', `${sv[end]} after ${id}`, 'ids in increasing order');
    if (id < 0 || id >= rows) throw argError(op, `segmentIds[${start}]`, String(id), `an id in [0, ${rows}) (sorted, the last one giving the row count)`);
    for (let i = start; i < end; i++) {
      const row = iv[i];
      if (row < 0 || row >= inRows) throw argError(op, `indices[${i}]`, String(row), `a row of data in [0, ${inRows})`);
      for (let j = 0; j < cols; j++) out[id * cols + j] += dv[row * cols + j];
    }
    if (isMean) for (let j = 0; j < cols; j++) out[id * cols + j] /= end - start;
    counts?.fill(end - start, start, end);
    start = end;
  }
  const y = tensor(out, [rows, ...d.shape.slice(1)], d.dtype);
  recordOp<SparseSegmentAttrs>(op, [d, idx, seg], y, { counts });
  return y;
}

/** What a sparse segment sum's or mean's gradient needs: each entry's segment size for a mean, null for a sum. */
export interface SparseSegmentAttrs {
  counts: Float64Array | null;
}

/** The rows of data picked by indices, summed by segment, as tf.sparse.sparseSegmentSum(data, indices, segmentIds). */
export function sparseSegmentSum(data: Tensor | TensorLike, indices: Tensor | TensorLike, segmentIds: Tensor | TensorLike): Tensor {
  return segmentReduce('sparseSegmentSum', data, indices, segmentIds, false);
}

/** The rows of data picked by indices, averaged by segment, as tf.sparse.sparseSegmentMean(data, indices, segmentIds). */
export function sparseSegmentMean(data: Tensor | TensorLike, indices: Tensor | TensorLike, segmentIds: Tensor | TensorLike): Tensor {
  return segmentReduce('sparseSegmentMean', data, indices, segmentIds, true);
}
