import type { Tensor } from '../tensor/tensor';
import { addTensorMethods } from './method-table';
import { concat, split, stack, unstack } from './concat';
import { expandDims, squeeze } from './expand';
import { mirrorPad, pad } from './pad';
import { reshape } from './reshape';
import { reverse } from './reverse';
import { slice } from './slice';
import { stridedSlice } from './strided-slice';
import { broadcastTo, tile } from './tile';
import { transpose } from './transpose';
import { argError, fmtShape } from '../util/validate';

// The shape ops as Tensor methods, with TF.js's signatures (x.transpose(), x.expandDims(1), x.as2D(r, c), ...).
// The public surface takes the ops from here, so a bundle that keeps any of them keeps the methods too (the
// package is side-effect free, so a bare import of this file would be dropped).

export { concat, stack, unstack, split, transpose, expandDims, squeeze, tile, broadcastTo, reverse, pad, mirrorPad, slice, stridedSlice };

const list = (x: Tensor | Tensor[]) => (Array.isArray(x) ? x : [x]);
type Paddings = Array<[number, number]>;

// Typed here by their parameters; Tensor's declarations (tensor/tensor.ts) give callers TF.js's generic results.
addTensorMethods({
  concat(this: Tensor, x: Tensor | Tensor[], axis?: number) { return concat([this, ...list(x)], axis); },
  stack(this: Tensor, x: Tensor | Tensor[], axis?: number) { return stack([this, ...list(x)], axis); },
  unstack(this: Tensor, axis?: number) { return unstack(this, axis); },
  split(this: Tensor, numOrSizeSplits: number[] | number, axis?: number) { return split(this, numOrSizeSplits, axis); },
  transpose(this: Tensor, perm?: number[]) { return transpose(this, perm); },
  expandDims(this: Tensor, axis?: number) { return expandDims(this, axis); },
  squeeze(this: Tensor, axis?: number[]) { return squeeze(this, axis); },
  tile(this: Tensor, reps: number[]) { return tile(this, reps); },
  pad(this: Tensor, paddings: Paddings, constantValue?: number) { return pad(this, paddings, constantValue); },
  mirrorPad(this: Tensor, paddings: Paddings, mode: 'reflect' | 'symmetric') { return mirrorPad(this, paddings, mode); },
  reverse(this: Tensor, axis?: number | number[]) { return reverse(this, axis); },
  slice(this: Tensor, begin: number | number[], size?: number | number[]) { return slice(this, begin, size); },
  stridedSlice(this: Tensor, begin: number[], end: number[], strides?: number[], beginMask?: number, endMask?: number, ellipsisMask?: number, newAxisMask?: number, shrinkAxisMask?: number) {
    return stridedSlice(this, begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask);
  },
  broadcastTo(this: Tensor, shape: number[]) { return broadcastTo(this, shape); },
  flatten(this: Tensor) { return reshape(this, [this.size]); },
  as1D(this: Tensor) { return reshape(this, [this.size]); },
  as2D(this: Tensor, rows: number, columns: number) { return reshape(this, [rows, columns]); },
  as3D(this: Tensor, rows: number, columns: number, depth: number) { return reshape(this, [rows, columns, depth]); },
  as4D(this: Tensor, rows: number, columns: number, depth: number, depth2: number) { return reshape(this, [rows, columns, depth, depth2]); },
  as5D(this: Tensor, rows: number, columns: number, depth: number, depth2: number, depth3: number) { return reshape(this, [rows, columns, depth, depth2, depth3]); },
  asScalar(this: Tensor) {
    if (this.size !== 1) throw argError('asScalar', 'x', `shape ${fmtShape(this.shape)} (${this.size} elements)`, 'a tensor of 1 element');
    return reshape(this, []);
  },
  reshapeAs(this: Tensor, x: Tensor) { return reshape(this, x.shape); },
});
