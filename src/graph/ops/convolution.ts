import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import type { ExplicitPadding } from '../../tensor/value-types';
import type { GraphNode } from '../graph-def';
import { requireNHWC, type NodeArgs, type OpSpec, type OpTable } from '../op-spec';
import { readEpilogue, withEpilogue } from './fused-epilogue';

type Pad = 'same' | 'valid' | ExplicitPadding;

/** A 4-long attr ([1, h, w, 1] strides, ksize, dilations), as its two spatial values. */
function spatial(node: GraphNode, name: string, fallback?: number[]): [number, number] {
  const v = node.attrs.numbers(name, fallback ?? []);
  if (v.length !== 4 || !v.every((d) => Number.isInteger(d) && d > 0)) {
    throw new Error(`${node.where}: attr '${name}' must be 4 positive integers [1, height, width, 1], got [${v.join(', ')}]`);
  }
  return [v[1], v[2]];
}

/** padding SAME or VALID, or EXPLICIT with explicit_paddings' 8 values as pairs, as TF.js's getPadding. */
function padding(node: GraphNode): Pad {
  const pad = node.attrs.string('padding', '');
  if (pad === 'same' || pad === 'valid') return pad;
  if (pad !== 'explicit') throw new Error(`${node.where}: attr 'padding' must be 'SAME', 'VALID' or 'EXPLICIT', got '${pad.toUpperCase()}'`);
  const e = node.attrs.numbers('explicit_paddings', []);
  if (e.length !== 8) throw new Error(`${node.where}: attr 'explicit_paddings' must hold 8 values for padding 'EXPLICIT', got ${e.length}`);
  return [[e[0], e[1]], [e[2], e[3]], [e[4], e[5]], [e[6], e[7]]];
}

/** Everything a 2-D window op reads from its attrs, checked at load by the same code that reads it at run. */
function geometry(node: GraphNode) {
  requireNHWC(node);
  return { strides: spatial(node, 'strides'), pad: padding(node), dilations: spatial(node, 'dilations', [1, 1, 1, 1]) };
}

function pool(f: typeof tn.maxPool): OpSpec {
  const read = (node: GraphNode) => {
    requireNHWC(node);
    return { size: spatial(node, 'ksize'), strides: spatial(node, 'strides'), pad: padding(node) };
  };
  return {
    arity: 1, dtypeAttr: 'T', check: read,
    run: (n) => {
      const { size, strides, pad } = read(n.node);
      return [f(n.tensor(0), size, strides, pad)];
    },
  };
}

const conv2d: OpSpec = {
  arity: 2, dtypeAttr: 'T', check: geometry,
  run: (n) => {
    const { strides, pad, dilations } = geometry(n.node);
    return [tn.conv2d(n.tensor(0), n.tensor(1), strides, pad, 'NHWC', dilations)];
  },
};

const depthwise: OpSpec = {
  arity: 2, check: geometry,
  run: (n) => {
    const { strides, pad, dilations } = geometry(n.node);
    return [tn.depthwiseConv2d(n.tensor(0), n.tensor(1), strides, pad, 'NHWC', dilations)];
  },
};

/** The input gradient of a conv2d as conv2dTranspose: the output shape (input 0), the filter (1) and dy (2). */
const conv2dBackpropInput: OpSpec = {
  arity: 3, dtypeAttr: 'T',
  check: (node) => {
    const { dilations } = geometry(node);
    // TF.js reads no dilations here and would compute a dilated node undilated.
    if (dilations[0] !== 1 || dilations[1] !== 1) throw new Error(`${node.where}: attr 'dilations' other than 1 is not supported, got [${dilations.join(', ')}]`);
  },
  run: (n) => {
    const { strides, pad } = geometry(n.node);
    const shape = n.numbers(0);
    return [tn.conv2dTranspose(n.tensor(2), n.tensor(1), [shape[0], shape[1], shape[2], shape[3]], strides, pad)];
  },
};

/** _FusedConv2D and FusedDepthwiseConv2dNative: the convolution, then fused_ops over the extra inputs after x and filter. */
function fusedConv(f: typeof tn.fused.conv2d, plain: typeof tn.conv2d): OpSpec {
  const read = (node: GraphNode) => ({ ...geometry(node), epilogue: readEpilogue(node, 2) });
  return {
    arity: 2, dtypeAttr: 'T', check: read,
    run: (n: NodeArgs) => {
      const { strides, pad, dilations, epilogue } = read(n.node);
      const [x, filter] = [n.tensor(0), n.tensor(1)];
      // tessera's fused ops take 'same' and 'valid'; explicit padding runs the plain op and the epilogue after it.
      if (Array.isArray(pad)) {
        return [withEpilogue(n, epilogue, 2, false, () => plain(x, filter, strides, pad, 'NHWC', dilations))];
      }
      const leakyreluAlpha = n.attrs.number('leakyrelu_alpha', 0.2);
      return [withEpilogue(n, epilogue, 2, true, (bias: Tensor | undefined, activation, preluActivationWeights) =>
        f({ x, filter, strides, pad, dilations, bias, activation, preluActivationWeights, leakyreluAlpha }))];
    },
  };
}

/** TF's 2-D convolutions and pools (NHWC), as tfjs-converter's convolution executor. */
export const convolutionOps: OpTable = {
  Conv2D: conv2d,
  Conv2DBackpropInput: conv2dBackpropInput,
  _FusedConv2D: fusedConv(tn.fused.conv2d, tn.conv2d),
  DepthwiseConv2dNative: depthwise,
  DepthwiseConv2d: depthwise,
  FusedDepthwiseConv2dNative: fusedConv(tn.fused.depthwiseConv2d, tn.depthwiseConv2d),
  MaxPool: pool(tn.maxPool),
  AvgPool: pool(tn.avgPool),
};
