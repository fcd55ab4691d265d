import { Tensor } from '../tensor/tensor';
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

declare module '../tensor/tensor' {
  interface Tensor {
    concat(x: Tensor | Tensor[], axis?: number): Tensor;
    stack(x: Tensor | Tensor[], axis?: number): Tensor;
    unstack(axis?: number): Tensor[];
    split(numOrSizeSplits: number[] | number, axis?: number): Tensor[];
    transpose(perm?: number[]): Tensor;
    expandDims(axis?: number): Tensor;
    squeeze(axis?: number[]): Tensor;
    tile(reps: number[]): Tensor;
    pad(paddings: Array<[number, number]>, constantValue?: number): Tensor;
    mirrorPad(paddings: Array<[number, number]>, mode: 'reflect' | 'symmetric'): Tensor;
    reverse(axis?: number | number[]): Tensor;
    slice(begin: number | number[], size?: number | number[]): Tensor;
    stridedSlice(begin: number[], end: number[], strides?: number[], beginMask?: number, endMask?: number, ellipsisMask?: number, newAxisMask?: number, shrinkAxisMask?: number): Tensor;
    broadcastTo(shape: number[]): Tensor;
    /** x as a 1-D tensor of its size, as TF.js's x.flatten(). */
    flatten(): Tensor;
    as1D(): Tensor;
    as2D(rows: number, columns: number): Tensor;
    as3D(rows: number, columns: number, depth: number): Tensor;
    as4D(rows: number, columns: number, depth: number, depth2: number): Tensor;
    as5D(rows: number, columns: number, depth: number, depth2: number, depth3: number): Tensor;
    asScalar(): Tensor;
    reshapeAs(x: Tensor): Tensor;
  }
}

const list = (x: Tensor | Tensor[]) => (Array.isArray(x) ? x : [x]);

const methods: ThisType<Tensor> & Partial<Tensor> = {
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
};

// Replaces the axis-0 slice the class was born with by tf.slice's general one.
Object.assign(Tensor.prototype, methods);
