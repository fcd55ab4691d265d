import type { Tensor } from '../tensor/tensor';
import { concatAs } from './concat';
import { padAs } from './pad';
import { reverseAs } from './reverse';
import { sliceAs } from './slice';

// TF.js's rank-checked forms of concat, slice, reverse and pad (concat2d, slice3d, ...): the general op, with a rank
// check and errors under their own names.

export const concat1d = (tensors: Tensor[]): Tensor => concatAs('concat1d', tensors, 0, 1);
export const concat2d = (tensors: Tensor[], axis: number): Tensor => concatAs('concat2d', tensors, axis, 2);
export const concat3d = (tensors: Tensor[], axis: number): Tensor => concatAs('concat3d', tensors, axis, 3);
export const concat4d = (tensors: Tensor[], axis: number): Tensor => concatAs('concat4d', tensors, axis, 4);

/** slice1d takes numbers; sliceAs reads a number as the first axis' entry, which is all of a rank-1 tensor's. */
export const slice1d = (x: Tensor, begin: number, size: number): Tensor => sliceAs('slice1d', x, begin, size, 1);
export const slice2d = (x: Tensor, begin: [number, number], size: [number, number]): Tensor => sliceAs('slice2d', x, begin, size, 2);
export const slice3d = (x: Tensor, begin: [number, number, number], size: [number, number, number]): Tensor => sliceAs('slice3d', x, begin, size, 3);
export const slice4d = (x: Tensor, begin: [number, number, number, number], size: [number, number, number, number]): Tensor =>
  sliceAs('slice4d', x, begin, size, 4);

export const reverse1d = (x: Tensor): Tensor => reverseAs('reverse1d', x, undefined, 1);
export const reverse2d = (x: Tensor, axis?: number | number[]): Tensor => reverseAs('reverse2d', x, axis, 2);
export const reverse3d = (x: Tensor, axis?: number | number[]): Tensor => reverseAs('reverse3d', x, axis, 3);
export const reverse4d = (x: Tensor, axis?: number | number[]): Tensor => reverseAs('reverse4d', x, axis, 4);

/** pad1d takes one pair, not a list of them. */
export const pad1d = (x: Tensor, paddings: [number, number], constantValue?: number): Tensor => padAs('pad1d', x, [paddings], constantValue, 1);
export const pad2d = (x: Tensor, paddings: [[number, number], [number, number]], constantValue?: number): Tensor => padAs('pad2d', x, paddings, constantValue, 2);
export const pad3d = (x: Tensor, paddings: [[number, number], [number, number], [number, number]], constantValue?: number): Tensor =>
  padAs('pad3d', x, paddings, constantValue, 3);
export const pad4d = (x: Tensor, paddings: [[number, number], [number, number], [number, number], [number, number]], constantValue?: number): Tensor =>
  padAs('pad4d', x, paddings, constantValue, 4);
