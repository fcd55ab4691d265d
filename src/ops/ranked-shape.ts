import type { Tensor } from '../tensor/tensor';
import type { Tensor1D, Tensor2D, Tensor3D, Tensor4D } from '../tensor/tfjs-types';
import { concatAs } from './concat';
import { padAs } from './pad';
import { reverseAs } from './reverse';
import { sliceAs } from './slice';
import type { TensorLike } from './tensor-like';

// TF.js's rank-checked forms of concat, slice, reverse and pad (concat2d, slice3d, ...): the general op, with a rank
// check and errors under their own names.

export const concat1d = (tensors: Array<Tensor | TensorLike>): Tensor1D => concatAs('concat1d', tensors, 0, 1) as Tensor1D;
export const concat2d = (tensors: Array<Tensor | TensorLike>, axis: number): Tensor2D => concatAs('concat2d', tensors, axis, 2) as Tensor2D;
export const concat3d = (tensors: Array<Tensor | TensorLike>, axis: number): Tensor3D => concatAs('concat3d', tensors, axis, 3) as Tensor3D;
export const concat4d = (tensors: Array<Tensor | TensorLike>, axis: number): Tensor4D => concatAs('concat4d', tensors, axis, 4) as Tensor4D;

/** slice1d takes numbers; sliceAs reads a number as the first axis' entry, which is all of a rank-1 tensor's. */
export const slice1d = (x: Tensor | TensorLike, begin: number, size: number): Tensor1D => sliceAs('slice1d', x, begin, size, 1) as Tensor1D;
export const slice2d = (x: Tensor | TensorLike, begin: [number, number], size: [number, number]): Tensor2D => sliceAs('slice2d', x, begin, size, 2) as Tensor2D;
export const slice3d = (x: Tensor | TensorLike, begin: [number, number, number], size: [number, number, number]): Tensor3D => sliceAs('slice3d', x, begin, size, 3) as Tensor3D;
export const slice4d = (x: Tensor | TensorLike, begin: [number, number, number, number], size: [number, number, number, number]): Tensor4D =>
  sliceAs('slice4d', x, begin, size, 4) as Tensor4D;

export const reverse1d = (x: Tensor | TensorLike): Tensor1D => reverseAs('reverse1d', x, undefined, 1) as Tensor1D;
export const reverse2d = (x: Tensor | TensorLike, axis?: number | number[]): Tensor2D => reverseAs('reverse2d', x, axis, 2) as Tensor2D;
export const reverse3d = (x: Tensor | TensorLike, axis?: number | number[]): Tensor3D => reverseAs('reverse3d', x, axis, 3) as Tensor3D;
export const reverse4d = (x: Tensor | TensorLike, axis?: number | number[]): Tensor4D => reverseAs('reverse4d', x, axis, 4) as Tensor4D;

/** pad1d takes one pair, not a list of them. */
export const pad1d = (x: Tensor | TensorLike, paddings: [number, number], constantValue?: number): Tensor1D => padAs('pad1d', x, [paddings], constantValue, 1) as Tensor1D;
export const pad2d = (x: Tensor | TensorLike, paddings: [[number, number], [number, number]], constantValue?: number): Tensor2D => padAs('pad2d', x, paddings, constantValue, 2) as Tensor2D;
export const pad3d = (x: Tensor | TensorLike, paddings: [[number, number], [number, number], [number, number]], constantValue?: number): Tensor3D =>
  padAs('pad3d', x, paddings, constantValue, 3) as Tensor3D;
export const pad4d = (x: Tensor | TensorLike, paddings: [[number, number], [number, number], [number, number], [number, number]], constantValue?: number): Tensor4D =>
  padAs('pad4d', x, paddings, constantValue, 4) as Tensor4D;
