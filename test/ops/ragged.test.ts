import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// The ragged ops' values, worked by hand, and their refusals, each naming the op and the argument at fault; the
// s28 compat programs hold them to TF.js 4.22.

describe('ragged ops', () => {
  it('raggedRange: one row per start/limit/delta, scalars broadcast', () => {
    const { rtNestedSplits, rtDenseValues } = tn.raggedRange([0, 10], 3, [1, -4]);
    // Row 0: 0, 1, 2; row 1: 10, 6 (down to but not reaching 3).
    expect(Array.from(rtNestedSplits.dataSync())).toEqual([0, 3, 5]);
    expect(Array.from(rtDenseValues.dataSync())).toEqual([0, 1, 2, 10, 6]);
  });

  it('raggedGather: rows picked by index, with their splits rebuilt', () => {
    const { outputNestedSplits, outputDenseValues } = tn.raggedGather([tn.tensor1d([0, 2, 2, 5], 'int32')], tn.tensor1d([1, 2, 3, 4, 5]), tn.tensor1d([2, 0], 'int32'), 1);
    expect(outputNestedSplits.map((s) => Array.from(s.dataSync()))).toEqual([[0, 3, 5]]);
    expect(Array.from(outputDenseValues.dataSync())).toEqual([3, 4, 5, 1, 2]);
  });

  it('raggedTensorToTensor: rows padded with the default and cut to the shape', () => {
    const splits = [tn.tensor1d([0, 1, 4], 'int32')];
    const values = tn.tensor1d([1, 2, 3, 4]);
    expect(tn.raggedTensorToTensor([-1, -1], values, 9, splits, ['ROW_SPLITS']).arraySync()).toEqual([[1, 9, 9], [2, 3, 4]]);
    expect(tn.raggedTensorToTensor([3, 2], values, 0, splits, ['ROW_SPLITS']).arraySync()).toEqual([[1, 0], [2, 3], [0, 0]]);
    // Two rows, both values in row 1: row 0 is all default.
    const byIds = tn.raggedTensorToTensor([-1, -1, 2], tn.tensor2d([[1, 2], [3, 4]]), tn.tensor1d([7, 8]), [tn.scalar(2, 'int32'), tn.tensor1d([1, 1], 'int32')], ['FIRST_DIM_SIZE', 'VALUE_ROWIDS']);
    expect(byIds.arraySync()).toEqual([[[7, 8], [7, 8]], [[1, 2], [3, 4]]]);
  });

  it('a non-scalar default fills each padded value, broadcast over its trailing dims', () => {
    const values = tn.tensor3d([[[1, 2, 3], [4, 5, 6]]]);
    const out = tn.raggedTensorToTensor([-1, -1, 2, 3], values, tn.tensor2d([[7], [8]]), [tn.tensor1d([0, 0, 1], 'int32')], ['ROW_SPLITS']);
    expect(out.arraySync()).toEqual([[[[7, 7, 7], [8, 8, 8]]], [[[1, 2, 3], [4, 5, 6]]]]);
  });

  it('bad input names the op and the argument', () => {
    const values = tn.tensor1d([1, 2, 3]);
    const cases: [() => unknown, RegExp][] = [
      [() => tn.raggedRange([0, 1], [5, 5], [1, 0]), /raggedRange: deltas\[1\] must be a nonzero step, got 0/],
      [() => tn.raggedRange([0, 1, 2], [5, 5], 1), /raggedRange: starts, limits and deltas must be the same length/],
      [() => tn.raggedGather([tn.tensor1d([0, 1, 3], 'int32')], values, tn.tensor1d([2], 'int32'), 1), /raggedGather: indices .* must be an index in \[0, 2\), got 2/],
      [() => tn.raggedGather([tn.tensor1d([0, 2, 1], 'int32')], values, tn.tensor1d([0], 'int32'), 1), /raggedGather: paramsNestedSplits\[0\] must be splits in ascending order/],
      [() => tn.raggedGather([tn.tensor1d([0, 1, 3])], values, tn.tensor1d([0], 'int32'), 1), /raggedGather: paramsNestedSplits\[0\] must be an int32 tensor, got a float32 tensor/],
      [() => tn.raggedTensorToTensor([-1, -1], values, 0, [tn.tensor1d([0, 1, 1], 'int32')], ['VALUE_ROWIDS']), /raggedTensorToTensor: rowPartitionTypes\[0\] must be 'FIRST_DIM_SIZE' or 'ROW_SPLITS'/],
      [() => tn.raggedTensorToTensor([-1], values, 0, [tn.tensor1d([0, 1, 3], 'int32')], ['ROW_SPLITS']), /raggedTensorToTensor: shape must be 2 dims/],
      [() => tn.raggedTensorToTensor([-1, -1], values, tn.tensor1d([0]), [tn.tensor1d([0, 1, 3], 'int32')], ['ROW_SPLITS']), /raggedTensorToTensor: defaultValue must be rank below values' rank 1/],
      [() => tn.raggedTensorToTensor([-1, -1], values, 0, [tn.tensor1d([0, 1, 2], 'int32')], ['ROW_SPLITS']), /raggedTensorToTensor: values must be 2, as the row partitions give, got 3 values/],
    ];
    for (const [f, message] of cases) expect(f).toThrow(message);
  });
});
