import { assertTensorDtype } from '../tensor/checks';
import { arrayTypeFor, Tensor, type DType, type TypedArray } from '../tensor/tensor';
import { isRecording, recordOp } from '../tensor/tape';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { tensor } from './creation';
import type { AxisAttrs } from './gather';
import { toTensor, toTensorAs, type TensorLike } from './tensor-like';

// The ragged ops: a ragged tensor given as its parts (row splits or row ids, and the flat values), read off on the
// host as TF.js's kernels compute them (on every backend, as sparse.ts's ops); not differentiable, as in TF.js, but
// for raggedGather's values (a gather of their rows: TensorFlow's gradient; TF.js registers none).

/** An int32 argument: arrays are made int32, a tensor must already be (TF.js's convertToTensor refuses others). */
function int32Of(op: string, arg: string, x: Tensor | TensorLike): Tensor {
  const t = toTensor(op, arg, x, 'int32');
  assertTensorDtype(op, arg, t, 'int32');
  return t;
}

const zerosOf = (dtype: DType, size: number): TypedArray => new (arrayTypeFor(dtype))(size);

/**
 * One row per (start, limit, delta) (scalars broadcast), each row the range start, start + delta, ... short of
 * limit, as tf.raggedRange(starts, limits, deltas): the rows' splits (int32) and their values (in starts' dtype).
 */
export function raggedRange(starts: Tensor | TensorLike, limits: Tensor | TensorLike, deltas: Tensor | TensorLike): { rtNestedSplits: Tensor; rtDenseValues: Tensor } {
  const op = 'raggedRange';
  const s = toTensor(op, 'starts', starts);
  const args = [s, toTensorAs(op, 'limits', limits, s.dtype), toTensorAs(op, 'deltas', deltas, s.dtype)];
  const names = ['starts', 'limits', 'deltas'];
  args.forEach((t, i) => {
    if (t.rank > 1) throw argError(op, names[i], `shape ${fmtShape(t.shape)}`, 'a scalar or a 1-D tensor');
  });
  const lengths = args.filter((t) => t.rank === 1).map((t) => t.shape[0]);
  if (lengths.some((n) => n !== lengths[0])) throw argError(op, 'starts, limits and deltas', `lengths ${lengths.join(', ')}`, 'the same length (or scalars)');
  const rows = lengths[0] ?? 1;
  const [sv, lv, dv] = args.map((t) => t.hostValues());
  // Row r reads element r · step of each: step 0 broadcasts a scalar.
  const [ss, ls, ds] = args.map((t) => (t.rank === 0 ? 0 : 1));
  const splits = new Int32Array(rows + 1);
  for (let row = 0; row < rows; row++) {
    const start = sv[row * ss], limit = lv[row * ls], delta = dv[row * ds];
    if (delta === 0) throw argError(op, `deltas[${row}]`, '0', 'a nonzero step');
    const size = (delta > 0 && limit < start) || (delta < 0 && limit > start) ? 0 : Math.ceil(Math.abs((limit - start) / delta));
    if (size > 2147483647) throw argError(op, `(limits[${row}] - starts[${row}]) / deltas[${row}]`, String(size), 'at most 2147483647 values in a row');
    splits[row + 1] = splits[row] + size;
  }
  const values = zerosOf(s.dtype, splits[rows]);
  for (let row = 0, k = 0; row < rows; row++) {
    const delta = dv[row * ds];
    let value = sv[row * ss];
    for (let i = splits[row]; i < splits[row + 1]; i++, value += delta) values[k++] = value;
  }
  return { rtNestedSplits: new Tensor([rows + 1], 'int32', splits), rtDenseValues: new Tensor([values.length], s.dtype, values) };
}

/** Checks a ragged tensor's splits as TF.js's kernels do: non-empty, from >= 0, ascending, within what they index. */
function checkSplits(op: string, splits: Int32Array[], valueRows: number): void {
  splits.forEach((s, dim) => {
    const limit = dim === splits.length - 1 ? valueRows : splits[dim + 1].length;
    const arg = `paramsNestedSplits[${dim}]`;
    if (s.length === 0) throw argError(op, arg, 'no values', 'at least one split');
    if (s[0] < 0) throw argError(op, arg, fmtValue(Array.from(s)), 'splits that are non-negative');
    if (s[s.length - 1] > limit) throw argError(op, arg, fmtValue(Array.from(s)), `splits that do not point past the ${limit} rows they split`);
    for (let i = 1; i < s.length; i++) {
      if (s[i - 1] > s[i]) throw argError(op, arg, fmtValue(Array.from(s)), 'splits in ascending order');
    }
  });
}

/**
 * The rows of a ragged tensor (its nested splits and flat values) that `indices` name, as
 * tf.raggedGather(paramsNestedSplits, paramsDenseValues, indices, outputRaggedRank): the result's splits (one per
 * dimension of indices but the last, then one per ragged dimension of params) and its flat values.
 */
export function raggedGather(
  // outputRaggedRank is TF.js's attribute, which its kernel does not read either: the splits' count follows from indices.
  paramsNestedSplits: (Tensor | TensorLike)[], paramsDenseValues: Tensor | TensorLike, indices: Tensor | TensorLike, _outputRaggedRank: number,
): { outputNestedSplits: Tensor[]; outputDenseValues: Tensor } {
  const op = 'raggedGather';
  if (!Array.isArray(paramsNestedSplits) || paramsNestedSplits.length === 0) throw argError(op, 'paramsNestedSplits', fmtValue(paramsNestedSplits), 'a non-empty array of 1-D int32 tensors');
  const splitTensors = paramsNestedSplits.map((t, i) => int32Of(op, `paramsNestedSplits[${i}]`, t));
  const values = toTensor(op, 'paramsDenseValues', paramsDenseValues);
  const idx = int32Of(op, 'indices', indices);
  if (splitTensors[0].rank === 0) throw argError(op, 'paramsNestedSplits[0]', 'a scalar', 'a 1-D tensor of splits');
  if (values.rank === 0) throw argError(op, 'paramsDenseValues', 'a scalar', 'a tensor of rank >= 1');
  const numParams = splitTensors[0].shape[0] - 1;
  const iv = idx.hostValues();
  iv.forEach((index, i) => {
    if (index < 0 || index >= numParams) throw argError(op, `indices (flat position ${i})`, String(index), `an index in [0, ${numParams})`);
  });
  const splits = splitTensors.map((t) => Int32Array.from(t.hostValues()));
  checkSplits(op, splits, values.shape[0]);
  // Splits for each dimension of indices but the last (uniform rows), then those copied from params' splits.
  const out: number[][] = Array.from({ length: idx.rank - 1 + splits.length }, () => [0]);
  let rows = 1;
  for (let dim = 0; dim < idx.rank - 1; dim++) {
    rows *= idx.shape[dim];
    for (let i = 1; i <= rows; i++) out[dim].push(i * idx.shape[dim + 1]);
  }
  const slices: [number, number][] = [];
  for (const index of iv) {
    let [start, limit] = [index, index + 1];
    splits.forEach((s, dim) => {
      const target = out[dim + idx.rank - 1];
      if (target) {
        const shift = target[target.length - 1] - s[start];
        for (let j = start; j < limit; j++) target.push(s[j + 1] + shift);
      }
      [start, limit] = [s[start], s[limit]];
    });
    if (limit !== start) slices.push([start, limit]);
  }
  const rowSize = values.shape.slice(1).reduce((a, b) => a * b, 1);
  const vv = values.hostValues();
  const count = slices.reduce((n, [a, b]) => n + b - a, 0);
  const gathered = zerosOf(values.dtype, count * rowSize);
  let k = 0;
  for (const [a, b] of slices) {
    for (let i = a * rowSize; i < b * rowSize; i++) gathered[k++] = vv[i];
  }
  const outputDenseValues = tensor(gathered, [count, ...values.shape.slice(1)], values.dtype);
  if (isRecording()) {
    // The values are a gather of the rows each output row copies, and differentiate as one.
    const sourceRows = Int32Array.from(slices.flatMap(([a, b]) => Array.from({ length: b - a }, (_, r) => a + r)));
    recordOp<AxisAttrs>('gather', [values, tensor(sourceRows, [count], 'int32')], outputDenseValues, { axis: 0 });
  }
  return {
    outputNestedSplits: out.map((s) => tensor(Int32Array.from(s), [s.length], 'int32')),
    outputDenseValues,
  };
}

type RowPartitionType = 'FIRST_DIM_SIZE' | 'VALUE_ROWIDS' | 'ROW_LENGTHS' | 'ROW_SPLITS' | 'ROW_LIMITS' | 'ROW_STARTS';
const PARTITION_TYPES: readonly string[] = ['FIRST_DIM_SIZE', 'VALUE_ROWIDS', 'ROW_LENGTHS', 'ROW_SPLITS', 'ROW_LIMITS', 'ROW_STARTS'];

/** The widest row a partition gives (the size of its dimension when the shape leaves it -1). */
function maxWidth(op: string, type: string, p: ArrayLike<number>): number {
  let widest = 0;
  if (type === 'ROW_SPLITS') {
    for (let i = 0; i + 1 < p.length; i++) widest = Math.max(widest, p[i + 1] - p[i]);
  } else if (type === 'VALUE_ROWIDS') {
    for (let i = 0, run = 0; i < p.length; i++) {
      run = i > 0 && p[i] === p[i - 1] ? run + 1 : 1;
      widest = Math.max(widest, run);
    }
  } else {
    throw argError(op, 'rowPartitionTypes', type, "'ROW_SPLITS' or 'VALUE_ROWIDS' (the partitions TF.js's kernel handles)");
  }
  return widest;
}

/**
 * Where each child row lands in the output (-1: cut off by the output's shape), from where its parent landed, as
 * TF.js's kernel computes it: `stride` apart within a row, at most `width` of them.
 */
function childPositions(op: string, type: string, p: ArrayLike<number>, parents: number[], stride: number, width: number): number[] {
  const out: number[] = [];
  if (type === 'ROW_SPLITS') {
    if (p.length - 1 > parents.length) throw argError(op, 'rowPartitionTensors', `row splits for ${p.length - 1} rows`, `at most ${parents.length} rows, as the dimension above has`);
    for (let i = 0; i + 1 < p.length; i++) {
      const length = p[i + 1] - p[i];
      for (let j = 0; j < length; j++) out.push(parents[i] >= 0 && j < width ? parents[i] + j * stride : -1);
    }
    if (p.length > 0 && out.length !== p[p.length - 1]) throw argError(op, 'rowPartitionTensors', `row splits ${fmtValue(Array.from(p))}`, 'splits starting at 0 and ascending');
    return out;
  }
  if (type !== 'VALUE_ROWIDS') throw argError(op, 'rowPartitionTypes', type, "'ROW_SPLITS' or 'VALUE_ROWIDS' (the partitions TF.js's kernel handles)");
  for (let i = 0, column = 0; i < p.length; i++) {
    if (p[i] >= parents.length || p[i] < 0) throw argError(op, 'rowPartitionTensors', `value row id ${p[i]}`, `a row in [0, ${parents.length})`);
    column = i > 0 && p[i] === p[i - 1] ? column + 1 : 0;
    out.push(parents[p[i]] >= 0 && column < width ? parents[p[i]] + column * stride : -1);
  }
  return out;
}

/**
 * The dense tensor of a ragged tensor given by its flat values and row partitions, as
 * tf.raggedTensorToTensor(shape, values, defaultValue, rowPartitionTensors, rowPartitionTypes): `shape` (-1 where
 * the widest row decides, or the scalar -1 for all) cuts rows off or pads them with defaultValue (broadcast to a
 * value's shape). The partitions may begin with 'FIRST_DIM_SIZE'; each other is 'ROW_SPLITS' or 'VALUE_ROWIDS'.
 */
export function raggedTensorToTensor(
  shape: Tensor | TensorLike, values: Tensor | TensorLike, defaultValue: Tensor | TensorLike, rowPartitionTensors: (Tensor | TensorLike)[], rowPartitionTypes: string[],
): Tensor {
  const op = 'raggedTensorToTensor';
  const shapeT = int32Of(op, 'shape', shape);
  const vals = toTensor(op, 'values', values);
  const fill = toTensorAs(op, 'defaultValue', defaultValue, vals.dtype);
  assertTensorDtype(op, 'defaultValue', fill, vals.dtype);
  if (!Array.isArray(rowPartitionTensors) || rowPartitionTensors.length === 0) throw argError(op, 'rowPartitionTensors', fmtValue(rowPartitionTensors), 'a non-empty array of 1-D int32 tensors');
  const partitions = rowPartitionTensors.map((t, i) => int32Of(op, `rowPartitionTensors[${i}]`, t));
  // As TF.js, the types are read up to the first it does not know.
  const known = (rowPartitionTypes ?? []).findIndex((t) => !PARTITION_TYPES.includes(t));
  const types = (known < 0 ? rowPartitionTypes ?? [] : rowPartitionTypes.slice(0, known)) as RowPartitionType[];
  if (types.length === 0) throw argError(op, 'rowPartitionTypes', fmtValue(rowPartitionTypes), "row partition types such as ['ROW_SPLITS']");
  const withFirst = types[0] === 'FIRST_DIM_SIZE';
  const raggedRank = withFirst ? types.length - 1 : types.length;
  if (partitions.length < types.length) throw argError(op, 'rowPartitionTensors', `${partitions.length} tensors`, `one for each of the ${types.length} row partition types`);
  const pv = partitions.map((t) => t.hostValues());
  if (pv[0].length === 0) throw argError(op, 'rowPartitionTensors[0]', 'no values', 'at least one value');
  if (types[0] === 'VALUE_ROWIDS') throw argError(op, 'rowPartitionTypes[0]', "'VALUE_ROWIDS'", "'FIRST_DIM_SIZE' or 'ROW_SPLITS' (row ids cannot give the first dimension)");
  if (types[0] !== 'FIRST_DIM_SIZE' && types[0] !== 'ROW_SPLITS') throw argError(op, 'rowPartitionTypes[0]', `'${types[0]}'`, "'FIRST_DIM_SIZE' or 'ROW_SPLITS'");
  const firstDim = withFirst ? pv[0][0] : partitions[0].shape[0] - 1;
  const partition = (dim: number) => pv[withFirst ? dim + 1 : dim];
  const typeOf = (dim: number) => types[withFirst ? dim + 1 : dim];

  if (vals.rank === 0) throw argError(op, 'values', 'a scalar', 'a tensor of rank >= 1');
  const inner = vals.shape.slice(1);
  if (fill.rank >= vals.rank) throw argError(op, 'defaultValue', `shape ${fmtShape(fill.shape)}`, `rank below values' rank ${vals.rank}`);
  // defaultValue broadcasts against a value's trailing dims.
  fill.shape.forEach((d, i) => {
    const v = inner[inner.length - fill.rank + i];
    if (d !== 1 && d !== v) throw argError(op, 'defaultValue', `shape ${fmtShape(fill.shape)}`, `a shape that broadcasts to a value's shape ${fmtShape(inner)}`);
  });
  const sv = Array.from(shapeT.hostValues());
  if (shapeT.rank === 0 && sv[0] !== -1) throw argError(op, 'shape', String(sv[0]), 'a 1-D shape, or the scalar -1 (all dims unknown)');
  if (shapeT.rank > 1) throw argError(op, 'shape', `shape ${fmtShape(shapeT.shape)}`, 'a 1-D shape, or the scalar -1');
  const wanted = shapeT.rank === 0 ? new Array<number>(raggedRank + vals.rank).fill(-1) : sv;
  if (wanted.length !== raggedRank + vals.rank) throw argError(op, 'shape', fmtValue(sv), `${raggedRank + vals.rank} dims (the ragged rank ${raggedRank} plus values' rank ${vals.rank})`);
  const bad = wanted.findIndex((d) => d < -1 || !Number.isInteger(d));
  if (bad >= 0) throw argError(op, `shape[${bad}]`, String(wanted[bad]), 'a size >= 0, or -1 (unknown)');
  const outShape = wanted.map((d, i) => {
    if (i > raggedRank) {
      const v = inner[i - raggedRank - 1];
      if (d >= 0 && d !== v) throw argError(op, `shape[${i}]`, String(d), `${v} (values' dim ${i - raggedRank}) or -1`);
      return v;
    }
    if (d >= 0) return d;
    return i === 0 ? firstDim : maxWidth(op, typeOf(i - 1), partition(i - 1));
  });
  const stride = new Array<number>(raggedRank + 1).fill(1);
  for (let i = raggedRank - 1; i >= 0; i--) stride[i] = stride[i + 1] * outShape[i + 1];
  const valueSize = inner.reduce((a, b) => a * b, 1);
  const total = outShape.reduce((a, b) => a * b, 1);
  const fillValues = fill.hostValues();
  const out = zerosOf(vals.dtype, total);
  // Every element starts as defaultValue (broadcast over a value's elements), and the values that land overwrite it.
  const fillAt = Array.from({ length: valueSize }, (_, j) => {
    // The element of defaultValue that a value's j-th element takes (trailing dims aligned, size-1 dims repeated).
    let [rest, k, fillStride] = [j, 0, 1];
    for (let d = inner.length - 1, f = fill.rank - 1; d >= 0; d--, f--) {
      const coord = rest % inner[d];
      rest = Math.floor(rest / inner[d]);
      if (f >= 0) {
        if (fill.shape[f] !== 1) k += coord * fillStride;
        fillStride *= fill.shape[f];
      }
    }
    return fillValues[k];
  });
  for (let i = 0; i < total; i++) out[i] = fillAt[i % valueSize];
  if (total > 0) {
    let positions = Array.from({ length: firstDim }, (_, i) => (i < outShape[0] ? i * stride[0] : -1));
    for (let dim = 1; dim <= raggedRank; dim++) positions = childPositions(op, typeOf(dim - 1), partition(dim - 1), positions, stride[dim], outShape[dim]);
    if (positions.length !== vals.shape[0]) throw argError(op, 'values', `${vals.shape[0]} values`, `${positions.length}, as the row partitions give`);
    const vv = vals.hostValues();
    positions.forEach((at, i) => {
      if (at < 0) return;
      for (let j = 0; j < valueSize; j++) out[at * valueSize + j] = vv[i * valueSize + j];
    });
  }
  return tensor(out, outShape, vals.dtype);
}
