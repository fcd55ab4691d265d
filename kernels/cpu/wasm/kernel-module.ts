import { ADAM_EXPORTS, addAdamFunctions } from './adam-module';
import { addConvDirectFunctions, CONV_DIRECT_EXPORTS } from './conv-direct-module';
import { addBiasActivationFunctions, BIAS_ACTIVATION_EXPORTS } from './bias-activation-module';
import { addGemmFunctions, GEMM_EXPORTS, type GemmKernelShape } from './gemm-module';
import { addIm2colFunctions, IM2COL_EXPORTS } from './im2col-module';
import { ModuleBuilder, type MemoryLimits } from './module-builder';
import { addPoolFunctions, POOL_EXPORTS } from './pool-module';
import { addFillFunctions, FILL_EXPORTS } from './fill-module';
import { addElementwiseFunctions, ELEMENTWISE_EXPORTS } from './elementwise-module';
import { addSigmoidTanhFunctions, SIGMOID_TANH_OPS } from './sigmoid-tanh-module';
import { addCopyFunctions, COPY_EXPORTS } from './copy-module';
import { addCompareFunctions, COMPARE_EXPORTS } from './compare-module';
import { addFilterWinnersFunctions, FILTER_WINNERS_EXPORTS } from './filter-winners-module';
import { addGemmMaskedFunctions, GEMM_MASKED_EXPORTS } from './gemm-masked-module';
import { addRowsFunctions, ROWS_EXPORTS } from './rows-module';
import { addDepthwiseFunctions, DEPTHWISE_EXPORTS } from './depthwise-module';
import { addSoftmaxFunctions, SOFTMAX_EXPORTS } from './softmax-module';
import { addAvgPoolFunctions, AVG_POOL_EXPORTS } from './avg-pool-module';
import { addRowReduceFunctions, ROW_REDUCE_EXPORTS } from './row-reduce-module';
import { addScanFunctions, SCAN_EXPORTS } from './scan-module';

/**
 * Every export of the kernel module, in the order the runtime and the thread pool index them: the GEMM
 * first (its indices are fixed), then the memory-bound kernels of a training step.
 */
export const KERNEL_EXPORTS = [...GEMM_EXPORTS, ...BIAS_ACTIVATION_EXPORTS, ...POOL_EXPORTS, ...IM2COL_EXPORTS, ...ADAM_EXPORTS, ...CONV_DIRECT_EXPORTS, ...FILL_EXPORTS, ...ELEMENTWISE_EXPORTS,
  ...SIGMOID_TANH_OPS.map((op) => `un_${op}` as const), ...COPY_EXPORTS, ...COMPARE_EXPORTS, ...FILTER_WINNERS_EXPORTS, ...GEMM_MASKED_EXPORTS, ...ROWS_EXPORTS, ...DEPTHWISE_EXPORTS, ...SOFTMAX_EXPORTS, ...AVG_POOL_EXPORTS,
  ...ROW_REDUCE_EXPORTS, ...SCAN_EXPORTS] as const;
export type KernelExport = (typeof KERNEL_EXPORTS)[number];

/** Index of an export in KERNEL_EXPORTS. */
export const kernelIndex = (name: KernelExport): number => KERNEL_EXPORTS.indexOf(name);

/**
 * One module holding the GEMM and the other kernels over one imported memory `env.memory`, so that they
 * share operands in place and one worker pool runs any of them.
 */
export function buildKernelModule(shape: GemmKernelShape, memory: MemoryLimits): Uint8Array<ArrayBuffer> {
  const m = new ModuleBuilder().importMemory('env', 'memory', memory);
  addGemmFunctions(m, shape);
  addBiasActivationFunctions(m);
  addPoolFunctions(m);
  addIm2colFunctions(m);
  addAdamFunctions(m);
  addConvDirectFunctions(m);
  addFillFunctions(m);
  addElementwiseFunctions(m);
  addSigmoidTanhFunctions(m);
  addCopyFunctions(m);
  addCompareFunctions(m);
  addFilterWinnersFunctions(m);
  addGemmMaskedFunctions(m);
  addRowsFunctions(m);
  addDepthwiseFunctions(m);
  addSoftmaxFunctions(m);
  addAvgPoolFunctions(m);
  addRowReduceFunctions(m);
  addScanFunctions(m);
  return m.build();
}
