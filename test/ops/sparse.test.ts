import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// tf.sparse's ops: values worked by hand, and bad input naming the op, the argument, what it got and what it needs.

describe('tf.sparse', () => {
  it('fills empty rows, reshapes indices and reduces segments, by hand', () => {
    const r = tn.sparse.sparseFillEmptyRows([[2, 1], [0, 0]], [5, 6], [4, 2], -1);
    // Rows 1 and 3 are empty: each gets [row, 0] = -1; the entries come back ordered by row.
    expect(r.outputIndices.arraySync()).toEqual([[0, 0], [1, 0], [2, 1], [3, 0]]);
    expect(Array.from(r.outputValues.dataSync())).toEqual([6, -1, 5, -1]);
    expect(Array.from(r.emptyRowIndicator.dataSync())).toEqual([0, 1, 0, 1]);
    expect(r.emptyRowIndicator.dtype).toBe('bool');
    expect(Array.from(r.reverseIndexMap.dataSync())).toEqual([2, 0]);
    // [1, 2] in a [2, 3] is flat 5: [2, 1] in [3, 2]; [0, 1] is flat 1: [0, 1].
    const s = tn.sparse.sparseReshape([[1, 2], [0, 1]], [2, 3], [-1, 2]);
    expect(s.outputIndices.arraySync()).toEqual([[2, 1], [0, 1]]);
    expect(Array.from(s.outputShape.dataSync())).toEqual([3, 2]);
    const data = tn.tensor2d([[1, 2], [3, 4], [5, 6]]);
    expect(tn.sparse.sparseSegmentSum(data, [0, 2, 1], [0, 0, 2]).arraySync()).toEqual([[6, 8], [0, 0], [3, 4]]);
    expect(tn.sparse.sparseSegmentMean(data, [0, 2, 1], [0, 0, 2]).arraySync()).toEqual([[3, 4], [0, 0], [3, 4]]);
    expect(tn.sparse.sparseSegmentMean(tn.tensor1d([1, 2], 'int32'), [0, 1], [0, 0]).arraySync()).toEqual([1]);
  });

  it('refuses bad input, naming the argument', () => {
    expect(() => tn.sparse.sparseFillEmptyRows([0, 1], [1], [3, 3], 0)).toThrow(/^sparseFillEmptyRows: indices must be a 2-D tensor \(\[count, rank\]\), got shape \[2\]$/);
    expect(() => tn.sparse.sparseFillEmptyRows([[0, 0], [4, 1]], [1, 2], [3, 3], 0)).toThrow(/^sparseFillEmptyRows: indices\[1\]\[0\] must be a row in \[0, 3\) \(denseShape\[0\] is 3\), got 4$/);
    expect(() => tn.sparse.sparseFillEmptyRows([[0, 0]], [1], [3, 3], [0])).toThrow(/^sparseFillEmptyRows: defaultValue must be a scalar, got shape \[1\]$/);
    expect(() => tn.sparse.sparseReshape([[0, 1]], [4, 4], [-1, -1])).toThrow(/^sparseReshape: newShape must be at most one -1 \(the size to infer\), got -1 at both 0 and 1$/);
    expect(() => tn.sparse.sparseReshape([[0, 1]], [4, 4], [3, 5])).toThrow(/^sparseReshape: newShape must be as many elements as inputShape \[4, 4\] \(16\), got \[3, 5\] \(15 elements\)$/);
    expect(() => tn.sparse.sparseReshape([[0, 1, 2]], [4, 4], [16])).toThrow(/^sparseReshape: inputIndices must be one column for each of inputShape's 2 dims, got shape \[1, 3\]$/);
    expect(() => tn.sparse.sparseSegmentSum([[1], [2]], [0, 1], [1, 0])).toThrow(/^sparseSegmentSum: segmentIds must be ids in increasing order, got 0 after 1$/);
    expect(() => tn.sparse.sparseSegmentMean([[1], [2]], [0, 2], [0, 0])).toThrow(/^sparseSegmentMean: indices\[1\] must be a row of data in \[0, 2\), got 2$/);
    // A negative last id (TF.js's own test case) is named before the output is sized from it.
    expect(() => tn.sparse.sparseSegmentMean([[1], [2], [3], [4]], [0, 1, 2, 3], [0, 0, 0, -2])).toThrow(/^sparseSegmentMean: segmentIds\[3\] must be an id >= 0 \(sorted, the last one giving the row count\), got -2$/);
    expect(() => tn.sparse.sparseSegmentSum([[1]], [0], [-1])).toThrow(/^sparseSegmentSum: segmentIds\[0\] must be an id >= 0/);
    expect(() => tn.sparse.sparseSegmentMean([[1], [2]], [0, 1], [0])).toThrow(/^sparseSegmentMean: segmentIds must be one id for each of the 2 indices, got 1 ids$/);
  });
});
