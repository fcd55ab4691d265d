import type { Rank, DataType, DimRoundingMode } from '../tensor/value-types';
import type { Tensor } from '../tensor/tensor';
import { variable } from '../tensor/variable-factory';
import { addTensorMethods } from './method-table';
import { divNoNan, euclideanNorm } from './composites';
import { onesLike, zerosLike } from './creation';
import { unique } from './host-select';
import { resizeBilinear, resizeNearestNeighbor } from './image/resize';
import { localResponseNormalization } from './lrn';
import { pool } from './pool-general';
import { batchToSpaceND, depthToSpace, spaceToBatchND } from './space-batch';
import type { TensorLike } from './tensor-like';

// More ops as Tensor methods (x.onesLike(), x.resizeBilinear([4, 4]), x.variable(), ...), each with its op's
// arguments in TF.js's order; the public surface takes these ops from here so a bundle keeps the methods.

export { divNoNan, euclideanNorm, onesLike, zerosLike, unique, resizeBilinear, resizeNearestNeighbor, localResponseNormalization, pool, spaceToBatchND, batchToSpaceND, depthToSpace };

type Pair = number | [number, number];
type Images = Tensor<Rank.R3> | Tensor<Rank.R4>;

addTensorMethods({
  onesLike(this: Tensor) { return onesLike(this); },
  zerosLike(this: Tensor) { return zerosLike(this); },
  resizeBilinear(this: Tensor, size: [number, number], alignCorners?: boolean, halfPixelCenters?: boolean) {
    return resizeBilinear(this as Images, size, alignCorners, halfPixelCenters);
  },
  resizeNearestNeighbor(this: Tensor, size: [number, number], alignCorners?: boolean, halfPixelCenters?: boolean) {
    return resizeNearestNeighbor(this as Images, size, alignCorners, halfPixelCenters);
  },
  unique(this: Tensor, axis?: number) { return unique(this, axis); },
  divNoNan(this: Tensor, b: Tensor | TensorLike | number) { return divNoNan(this, b); },
  euclideanNorm(this: Tensor, axis?: number | number[] | null, keepDims?: boolean) { return euclideanNorm(this, axis, keepDims); },
  spaceToBatchND(this: Tensor, blockShape: number[], paddings: number[][]) { return spaceToBatchND(this, blockShape, paddings); },
  batchToSpaceND(this: Tensor, blockShape: number[], crops: number[][]) { return batchToSpaceND(this, blockShape, crops); },
  depthToSpace(this: Tensor, blockSize: number, dataFormat?: 'NHWC' | 'NCHW') { return depthToSpace(this, blockSize, dataFormat); },
  localResponseNormalization(this: Tensor, depthRadius?: number, bias?: number, alpha?: number, beta?: number) {
    return localResponseNormalization(this, depthRadius, bias, alpha, beta);
  },
  pool(this: Tensor, windowShape: Pair, poolingType: 'avg' | 'max', padding: Parameters<typeof pool>[3], dilationRate?: Pair, strides?: Pair, dimRoundingMode?: DimRoundingMode) {
    return pool(this, windowShape, poolingType, padding, dilationRate, strides, dimRoundingMode);
  },
  variable(this: Tensor, trainable?: boolean, name?: string, dtype?: DataType) {
    return variable(this, trainable, name, dtype);
  },
});
