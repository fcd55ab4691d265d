import * as tn from '../../ops/index';
import type { OpTable } from '../op-spec';

/** TF's sparse and ragged tensor ops, as tfjs-converter's sparse and ragged executors: each output in TF's order. */
export const sparseRaggedOps: OpTable = {
  SparseFillEmptyRows: {
    arity: 4,
    run: (n) => {
      const r = tn.sparse.sparseFillEmptyRows(n.tensor(0), n.tensor(1), n.tensor(2), n.tensor(3));
      return [r.outputIndices, r.outputValues, r.emptyRowIndicator, r.reverseIndexMap];
    },
  },
  SparseReshape: {
    arity: 3,
    run: (n) => {
      const r = tn.sparse.sparseReshape(n.tensor(0), n.tensor(1), n.tensor(2));
      return [r.outputIndices, r.outputShape];
    },
  },
  SparseSegmentMean: { arity: 3, run: (n) => [tn.sparse.sparseSegmentMean(n.tensor(0), n.tensor(1), n.tensor(2))] },
  SparseSegmentSum: { arity: 3, run: (n) => [tn.sparse.sparseSegmentSum(n.tensor(0), n.tensor(1), n.tensor(2))] },
  // The params' row splits, then their values (input −2) and the indices (input −1).
  RaggedGather: {
    arity: 3,
    run: (n) => {
      const r = tn.raggedGather(n.tensors(0, -2), n.tensor(-2), n.tensor(-1), n.attrs.number('OUTPUT_RAGGED_RANK', 1));
      return [...r.outputNestedSplits, r.outputDenseValues];
    },
  },
  RaggedRange: {
    arity: 3,
    run: (n) => {
      const r = tn.raggedRange(n.tensor(0), n.tensor(1), n.tensor(2));
      return [r.rtNestedSplits, r.rtDenseValues];
    },
  },
  // TF writes the partition types in capitals (ROW_SPLITS, FIRST_DIM_SIZE, VALUE_ROWIDS).
  RaggedTensorToTensor: {
    arity: 4,
    run: (n) => [tn.raggedTensorToTensor(n.tensor(0), n.tensor(1), n.tensor(2), n.tensors(3), n.attrs.strings('row_partition_types', []).map((t) => t.toUpperCase()))],
  },
};
