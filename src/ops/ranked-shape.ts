import { assertRank, assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, describeValue } from '../util/validate';
import { concat } from './concat';
import { pad } from './pad';
import { reverse } from './reverse';
import { slice } from './slice';

// TF.js's rank-checked forms of concat, slice, reverse and pad (concat2d, slice3d, ...): the general op after a rank check.

function ranked(op: string, x: Tensor, rank: number): Tensor {
  assertTensor(op, 'x', x);
  assertRank(op, 'x', x, rank);
  return x;
}

function rankedList(op: string, tensors: Tensor[], rank: number): Tensor[] {
  if (!Array.isArray(tensors)) throw argError(op, 'tensors', describeValue(tensors), 'an array of Tensors');
  tensors.forEach((t, i) => assertRank(op, `tensors[${i}]`, assertTensor(op, `tensors[${i}]`, t), rank));
  return tensors;
}

export const concat1d = (tensors: Tensor[]): Tensor => concat(rankedList('concat1d', tensors, 1), 0);
export const concat2d = (tensors: Tensor[], axis: number): Tensor => concat(rankedList('concat2d', tensors, 2), axis);
export const concat3d = (tensors: Tensor[], axis: number): Tensor => concat(rankedList('concat3d', tensors, 3), axis);
export const concat4d = (tensors: Tensor[], axis: number): Tensor => concat(rankedList('concat4d', tensors, 4), axis);

export const slice1d = (x: Tensor, begin: number, size: number): Tensor => slice(ranked('slice1d', x, 1), [begin], [size]);
export const slice2d = (x: Tensor, begin: [number, number], size: [number, number]): Tensor => slice(ranked('slice2d', x, 2), begin, size);
export const slice3d = (x: Tensor, begin: [number, number, number], size: [number, number, number]): Tensor => slice(ranked('slice3d', x, 3), begin, size);
export const slice4d = (x: Tensor, begin: [number, number, number, number], size: [number, number, number, number]): Tensor =>
  slice(ranked('slice4d', x, 4), begin, size);

export const reverse1d = (x: Tensor): Tensor => reverse(ranked('reverse1d', x, 1), 0);
export const reverse2d = (x: Tensor, axis?: number | number[]): Tensor => reverse(ranked('reverse2d', x, 2), axis);
export const reverse3d = (x: Tensor, axis?: number | number[]): Tensor => reverse(ranked('reverse3d', x, 3), axis);
export const reverse4d = (x: Tensor, axis?: number | number[]): Tensor => reverse(ranked('reverse4d', x, 4), axis);

export const pad1d = (x: Tensor, paddings: [number, number], constantValue?: number): Tensor => pad(ranked('pad1d', x, 1), [paddings], constantValue);
export const pad2d = (x: Tensor, paddings: [[number, number], [number, number]], constantValue?: number): Tensor => pad(ranked('pad2d', x, 2), paddings, constantValue);
export const pad3d = (x: Tensor, paddings: [[number, number], [number, number], [number, number]], constantValue?: number): Tensor =>
  pad(ranked('pad3d', x, 3), paddings, constantValue);
export const pad4d = (x: Tensor, paddings: [[number, number], [number, number], [number, number], [number, number]], constantValue?: number): Tensor =>
  pad(ranked('pad4d', x, 4), paddings, constantValue);
