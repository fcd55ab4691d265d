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

// The shape ops as Tensor methods, with TF.js's signatures (x.transpose(), x.expandDims(1), x.as2D(r, c), ...).
// The public surface takes the ops from here, so a bundle that keeps any of them keeps the methods too (the
// package is side-effect free, so a bare import of this file would be dropped).

export { concat, stack, unstack, split, transpose, expandDims, squeeze, tile, broadcastTo, reverse, pad, mirrorPad, slice, stridedSlice };

const list = (x: Tensor | Tensor[]) => (Array.isArray(x) ? x : [x]);

addTensorMethods({
  concat(x, axis) { return concat([this, ...list(x)], axis); },
  stack(x, axis) { return stack([this, ...list(x)], axis); },
  unstack(axis) { return unstack(this, axis); },
  split(numOrSizeSplits, axis) { return split(this, numOrSizeSplits, axis); },
  transpose(perm) { return transpose(this, perm); },
  expandDims(axis) { return expandDims(this, axis); },
  squeeze(axis) { return squeeze(this, axis); },
  tile(reps) { return tile(this, reps); },
  pad(paddings, constantValue) { return pad(this, paddings, constantValue); },
  mirrorPad(paddings, mode) { return mirrorPad(this, paddings, mode); },
  reverse(axis) { return reverse(this, axis); },
  slice(begin: number | number[], size?: number | number[]) { return slice(this, begin, size); },
  stridedSlice(begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask) {
    return stridedSlice(this, begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask);
  },
  broadcastTo(shape) { return broadcastTo(this, shape); },
  flatten() { return reshape(this, [this.size]); },
  as1D() { return reshape(this, [this.size]); },
  as2D(rows, columns) { return reshape(this, [rows, columns]); },
  as3D(rows, columns, depth) { return reshape(this, [rows, columns, depth]); },
  as4D(rows, columns, depth, depth2) { return reshape(this, [rows, columns, depth, depth2]); },
  as5D(rows, columns, depth, depth2, depth3) { return reshape(this, [rows, columns, depth, depth2, depth3]); },
  asScalar() { return reshape(this, []); },
  reshapeAs(x) { return reshape(this, x.shape); },
});
