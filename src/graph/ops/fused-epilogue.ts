import * as tn from '../../ops/index';
import type { FusedActivation } from '../../ops/fused';
import type { Tensor } from '../../tensor/tensor';
import type { GraphNode } from '../graph-def';
import type { NodeArgs } from '../op-spec';

/** What TF's grappler fused after a product (_FusedConv2D, FusedDepthwiseConv2dNative, _FusedMatMul), read from fused_ops. */
interface Epilogue {
  /** BiasAdd takes one extra input (the bias); FusedBatchNorm four (scale, offset, mean, variance). */
  add: 'none' | 'biasadd' | 'fusedbatchnorm';
  activation: 'linear' | 'relu' | 'relu6' | 'elu' | 'leakyrelu' | 'sigmoid' | 'tanh' | 'prelu';
}

const ACTIVATIONS: readonly Epilogue['activation'][] = ['relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid', 'tanh', 'prelu'];
const EXTRA_INPUTS = { none: 0, biasadd: 1, fusedbatchnorm: 4 } as const;

/** The node's fused_ops, refused unless they are a BiasAdd or FusedBatchNorm and/or one activation, with their inputs. */
export function readEpilogue(node: GraphNode, firstExtra: number): Epilogue {
  const ops = node.attrs.strings('fused_ops', []);
  const add = ops[0] === 'biasadd' || ops[0] === 'fusedbatchnorm' ? ops[0] : 'none';
  const rest = add === 'none' ? ops : ops.slice(1);
  const activation = rest.length === 0 ? 'linear' : (rest[0] as Epilogue['activation']);
  if (rest.length > 1 || (rest.length === 1 && !ACTIVATIONS.includes(activation))) {
    throw new Error(`${node.where}: fused_ops [${ops.join(', ')}] is not supported (expected BiasAdd or FusedBatchNorm, then at most one of ${ACTIVATIONS.join(', ')})`);
  }
  const wanted = firstExtra + EXTRA_INPUTS[add] + (activation === 'prelu' ? 1 : 0);
  if (node.inputs.length !== wanted) {
    throw new Error(`${node.where}: fused_ops [${ops.join(', ')}] needs ${wanted} data inputs, got ${node.inputs.length}`);
  }
  return { add, activation };
}

/**
 * The product and its epilogue: through tessera's fused op where it takes them (a bias and TF.js's activations),
 * else as the ops they stand for: FusedBatchNorm as TF computes it ((y − mean)·scale/√(variance + ε) + offset;
 * TF.js refuses it), tanh, and any epilogue when `fusable` is false (a product the fused op cannot take).
 */
export function withEpilogue(
  n: NodeArgs, e: Epilogue, firstExtra: number, fusable: boolean,
  product: (bias: Tensor | undefined, act: FusedActivation, alpha: Tensor | undefined) => Tensor,
): Tensor {
  const extra = n.tensors(firstExtra);
  const alpha = e.activation === 'prelu' ? extra[extra.length - 1] : undefined;
  const bias = e.add === 'biasadd' ? extra[0] : undefined;
  if (fusable && e.add !== 'fusedbatchnorm' && e.activation !== 'tanh') return product(bias, e.activation, alpha);
  let y = product(undefined, 'linear', undefined);
  if (bias) y = tn.add(y, bias);
  if (e.add === 'fusedbatchnorm') {
    const [scale, offset, mean, variance] = extra;
    y = tn.batchNorm(y, mean, variance, offset, scale, n.attrs.number('epsilon', 0.0001));
  }
  switch (e.activation) {
    case 'linear': return y;
    case 'tanh': return tn.tanh(y);
    case 'leakyrelu': return tn.leakyRelu(y, n.attrs.number('leakyrelu_alpha', 0.2));
    case 'prelu': return tn.prelu(y, alpha as Tensor);
    default: return { relu: tn.relu, relu6: tn.relu6, elu: tn.elu, sigmoid: tn.sigmoid }[e.activation](y);
  }
}
