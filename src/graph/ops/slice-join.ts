import * as tn from '../../ops/index';
import type { OpTable } from '../op-spec';

/** TF's slicing, joining and splitting, as tfjs-converter's slice_join executor. */
export const sliceJoinOps: OpTable = {
  // The axis is the last data input, after the tensors.
  ConcatV2: { arity: 2, run: (n) => [tn.concat(n.tensors(0, -1), n.number(-1))] },
  Concat: { arity: 2, run: (n) => [tn.concat(n.tensors(1), n.number(0))] },
  Pack: { arity: 1, run: (n) => [tn.stack(n.tensors(0), n.attrs.number('axis', 0))] },
  Unpack: { arity: 1, run: (n) => tn.unstack(n.tensor(0), n.attrs.number('axis', 0)) },
  Slice: { arity: 3, run: (n) => [tn.slice(n.tensor(0), n.numbers(1), n.numbers(2))] },
  StridedSlice: {
    arity: 4,
    run: (n) => {
      const mask = (name: string) => n.attrs.number(name, 0);
      return [tn.stridedSlice(n.tensor(0), n.numbers(1), n.numbers(2), n.numbers(3),
        mask('begin_mask'), mask('end_mask'), mask('ellipsis_mask'), mask('new_axis_mask'), mask('shrink_axis_mask'))];
    },
  },
  GatherV2: { arity: 3, run: (n) => [tn.gather(n.tensor(0), tn.cast(n.tensor(1), 'int32'), n.number(2), n.attrs.number('batch_dims', 0))] },
  Gather: { arity: 2, run: (n) => [tn.gather(n.tensor(0), tn.cast(n.tensor(1), 'int32'), 0)] },
  Tile: { arity: 2, run: (n) => [tn.tile(n.tensor(0), n.numbers(1))] },
  // Split's axis comes first, SplitV's last.
  Split: { arity: 2, run: (n) => tn.split(n.tensor(1), n.attrs.number('num_split', 1), n.number(0)) },
  SplitV: { arity: 3, run: (n) => tn.split(n.tensor(0), n.numbers(1), n.number(2)) },
  ReverseV2: { arity: 2, run: (n) => [tn.reverse(n.tensor(0), n.numbers(1))] },
  // Reverse's input 1 is a bool per dimension: the axes where it is true.
  Reverse: { arity: 2, run: (n) => [tn.reverse(n.tensor(0), n.numbers(1).flatMap((on, axis) => (on ? [axis] : [])))] },
  GatherNd: { arity: 2, run: (n) => [tn.gatherND(n.tensor(0), n.tensor(1))] },
  ScatterNd: { arity: 3, run: (n) => [tn.scatterND(n.tensor(0), n.tensor(1), n.numbers(2))] },
  TensorScatterUpdate: { arity: 3, run: (n) => [tn.tensorScatterUpdate(n.tensor(0), n.tensor(1), n.tensor(2))] },
  // Indices, the output shape, the values, then the default (cast to the values' dtype, as TF.js casts it).
  SparseToDense: {
    arity: 4,
    run: (n) => {
      const values = n.tensor(2);
      return [tn.sparseToDense(n.tensor(0), values, n.numbers(1), tn.cast(n.tensor(3), values.dtype))];
    },
  },
};
