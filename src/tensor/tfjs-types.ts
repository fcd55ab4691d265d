import type { DType, TypedArray } from '../backend/handle';
import type { Tensor } from './tensor';

// TF.js's type names, so that a TF.js program's annotations compile against tessera. Tensors carry no rank in
// their type here: the ranked names are the one Tensor class.

export enum Rank {
  R0 = 'R0',
  R1 = 'R1',
  R2 = 'R2',
  R3 = 'R3',
  R4 = 'R4',
  R5 = 'R5',
  R6 = 'R6',
}

export type Scalar = Tensor;
export type Tensor1D = Tensor;
export type Tensor2D = Tensor;
export type Tensor3D = Tensor;
export type Tensor4D = Tensor;
export type Tensor5D = Tensor;
export type Tensor6D = Tensor;
export type DataType = DType;
export type { TypedArray };
