import type { Tensor } from './tensor';
import type { DataType, Rank } from './value-types';

// TF.js's names for tensors of each rank and for the containers tidy() and the gradient functions take.

export type Scalar = Tensor<Rank.R0>;
export type Tensor1D = Tensor<Rank.R1>;
export type Tensor2D = Tensor<Rank.R2>;
export type Tensor3D = Tensor<Rank.R3>;
export type Tensor4D = Tensor<Rank.R4>;
export type Tensor5D = Tensor<Rank.R5>;
export type Tensor6D = Tensor<Rank.R6>;

/** A tensor's data id, as TF.js's DataId: an object that names its buffer. */
export type DataId = object;

/** What a kernel's backend holds for a data id, as TF.js's BackendValues (a string tensor's is its elements' bytes). */
export type BackendValues = Float32Array | Int32Array | Uint8Array | Uint8Array[];

/** TF.js's TensorInfo, a kernel's view of a tensor: its data id, shape and dtype (every Tensor is one). */
export interface TensorInfo {
  dataId: DataId;
  shape: number[];
  dtype: DataType;
}

/** Tensors by name (gradients of variables, a model's named inputs). */
export interface NamedTensorMap {
  [name: string]: Tensor;
}

/** What tidy() may return: tensors, and plain values, nested in arrays and objects. */
export type TensorContainer = void | Tensor | string | number | boolean | TensorContainerObject | TensorContainerArray | Float32Array | Int32Array | Uint8Array;
export interface TensorContainerObject {
  [x: string]: TensorContainer;
}
export interface TensorContainerArray extends Array<TensorContainer> {}

/** predict's options, as TF.js's ModelPredictConfig (verbose prints nothing in TF.js either). */
export interface ModelPredictConfig {
  batchSize?: number;
  verbose?: boolean;
}
