import { batchMatMulGrads } from './batch-matmul';
import { avgPoolGrads } from './pool-nets';
import { depthwiseGrads } from './depthwise-conv';
import type { GradientTable } from './table';

/** The rules of the network ops (batched products, pooling and convolution variants). */
export const netsGrads: GradientTable = { ...batchMatMulGrads, ...avgPoolGrads, ...depthwiseGrads };
