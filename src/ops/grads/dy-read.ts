import type { EpilogueAttrs } from '../fused';

/** Ops whose rule passes dy through a relu epilogue's mask (biasActivationBackprop, or the pooled winners' relu), reading none of it where the output is ±0. */
const RELU_EPILOGUE = new Set(['biasActivation', 'fusedMatMul', 'fusedConv2d', 'conv2dMaxPool']);

/**
 * How the rule of op `name` reads its output's gradient (GradientOps.dyRead): a relu epilogue's rule only where
 * the output is not ±0 (unless an outer gradient records it, it selects rather than multiplies, so not even a NaN
 * there reaches its inputs; matMul's rule uses this only then); a reshape's where its input's gradient is read,
 * element for element.
 */
export function dyRead(name: string, attrs: unknown): 'nonzero' | 'asInput' | undefined {
  if (RELU_EPILOGUE.has(name) && (attrs as EpilogueAttrs).activation === 'relu') return 'nonzero';
  return name === 'reshape' ? 'asInput' : undefined;
}
