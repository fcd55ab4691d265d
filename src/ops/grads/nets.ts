import { batchMatMulGrads } from './batch-matmul';
import { avgPoolGrads } from './pool-nets';
import { depthwiseGrads } from './depthwise-conv';
import { batchNormTrainingGradients, type BatchNormTrainingAttrs } from '../batch-norm-training';
import { rule, type GradientTable } from './table';

/** The rules of the network ops (batched products, pooling and convolution variants, batch normalization in training). */
export const netsGrads: GradientTable = {
  ...batchMatMulGrads, ...avgPoolGrads, ...depthwiseGrads,
  batchNormTraining: rule<BatchNormTrainingAttrs>((dy, { inputs, attrs }) => batchNormTrainingGradients(dy, inputs, attrs)),
};
