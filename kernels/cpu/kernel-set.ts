import { adamUpdate } from './adam';
import { biasActivation, biasActivationBackprop } from './bias-activation';
import { gemm, type GemmFn } from './gemm';
import { col2im, im2col } from './im2col';
import { maxPool, maxPoolBackprop } from './pool';

/**
 * The kernels a cpu backend runs, as one swappable set: the JS kernels below, or their WebAssembly SIMD
 * twins (kernels/cpu/wasm), which take the same arguments and fall back to these for Float64Array operands.
 */
export interface CpuKernels {
  readonly gemm: GemmFn;
  readonly biasActivation: typeof biasActivation;
  readonly biasActivationBackprop: typeof biasActivationBackprop;
  readonly maxPool: typeof maxPool;
  readonly maxPoolBackprop: typeof maxPoolBackprop;
  readonly im2col: typeof im2col;
  readonly col2im: typeof col2im;
  readonly adamUpdate: typeof adamUpdate;
}

/** The pure-JS kernels: the fallback everywhere, and the reference the SIMD kernels are tested against. */
export const jsKernels: CpuKernels = { gemm, biasActivation, biasActivationBackprop, maxPool, maxPoolBackprop, im2col, col2im, adamUpdate };
