import * as tn from '../../ops/index';
import type { Tensor } from '../../tensor/tensor';
import type { Tensor4D } from '../../tensor/tfjs-types';
import type { ExplicitPadding } from '../../tensor/value-types';
import type { GraphNode } from '../graph-def';
import { requireNHWC, type NodeArgs, type OpSpec, type OpTable } from '../op-spec';
import { readEpilogue, withEpilogue } from './fused-epilogue';

type Pad = 'same' | 'valid' | ExplicitPadding;

/** A 4-long attr ([1, h, w, 1] strides, ksize, dilations), as its two spatial values. */
function spatial(node: GraphNode, name: string, fallback?: number[]): [number, number] {
  const [h, w] = inner(node, name, fallback ?? [], '[1, height, width, 1]');
  return [h, w];
}

/** A 5-long attr ([1, d, h, w, 1]) of a 3-D op, as its three spatial values. */
function volumetric(node: GraphNode, name: string, fallback?: number[]): [number, number, number] {
  const [d, h, w] = inner(node, name, fallback ?? [], '[1, depth, height, width, 1]');
  return [d, h, w];
}

/** The values of an attr laid out as `layout` (batch and channels first and last, each 1) but those two. */
function inner(node: GraphNode, name: string, fallback: number[], layout: string): number[] {
  const v = node.attrs.numbers(name, fallback);
  const size = layout.split(',').length;
  if (v.length !== size || !v.every((d) => Number.isInteger(d) && d > 0)) {
    throw new Error(`${node.where}: attr '${name}' must be ${size} positive integers ${layout}, got [${v.join(', ')}]`);
  }
  return v.slice(1, -1);
}

/** padding SAME or VALID, or EXPLICIT with explicit_paddings' 8 values as pairs, as TF.js's getPadding. */
function padding(node: GraphNode): Pad {
  const pad = node.attrs.oneOf('padding', '', ['same', 'valid', 'explicit']);
  if (pad !== 'explicit') return pad;
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

/** 'same' or 'valid' padding, the only kinds the 1-D and 3-D convolutions, Dilation2D and MaxPoolWithArgmax take. */
function plainPadding(node: GraphNode): 'same' | 'valid' {
  return node.attrs.oneOf('padding', '', ['same', 'valid']);
}

const conv1d: OpSpec = {
  arity: 2, dtypeAttr: 'T',
  check: (node) => { requireNHWC(node, 'NWC'); plainPadding(node); },
  run: (n) => [tn.conv1d(n.tensor(0), n.tensor(1), n.attrs.number('stride', 1), plainPadding(n.node), 'NWC', n.attrs.number('dilation', 1))],
};

/** Grey-scale dilation: strides and rates ([1, h, w, 1]) as a 2-D window's. */
const dilation2d: OpSpec = {
  arity: 2, dtypeAttr: 'T',
  check: (node) => { spatial(node, 'strides'); spatial(node, 'rates'); plainPadding(node); },
  run: (n) => [tn.dilation2d(n.tensor(0), n.tensor(1), spatial(n.node, 'strides'), plainPadding(n.node), spatial(n.node, 'rates'), 'NHWC')],
};

/** A 3-D window op's geometry; 3-D ops take 'same' or 'valid' padding only. */
function geometry3d(node: GraphNode, window: boolean) {
  requireNHWC(node, 'NDHWC');
  return { strides: volumetric(node, 'strides'), pad: plainPadding(node), size: window ? volumetric(node, 'ksize') : undefined, dilations: window ? undefined : volumetric(node, 'dilations', [1, 1, 1, 1, 1]) };
}

function pool3d(f: typeof tn.maxPool3d): OpSpec {
  return {
    arity: 1, dtypeAttr: 'T', check: (node) => geometry3d(node, true),
    run: (n) => {
      const { size, strides, pad } = geometry3d(n.node, true);
      return [f(n.tensor(0), size as [number, number, number], strides, pad)];
    },
  };
}

const conv3d: OpSpec = {
  arity: 2, check: (node) => geometry3d(node, false),
  run: (n) => {
    const { strides, pad, dilations } = geometry3d(n.node, false);
    return [tn.conv3d(n.tensor(0), n.tensor(1), strides, pad, 'NDHWC', dilations)];
  },
};

/** maxPool and the flat index of each window's maximum (with the batch in it when include_batch_in_index). */
const maxPoolWithArgmax: OpSpec = {
  arity: 1, dtypeAttr: 'T',
  check: (node) => { spatial(node, 'ksize'); spatial(node, 'strides'); plainPadding(node); },
  run: (n) => {
    const { result, indexes } = tn.maxPoolWithArgmax(n.tensor(0) as Tensor4D, spatial(n.node, 'ksize'), spatial(n.node, 'strides'), plainPadding(n.node), n.attrs.bool('include_batch_in_index', false));
    return [result, indexes];
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

/** TF's convolutions and pools (channels-last), as tfjs-converter's convolution executor. */
export const convolutionOps: OpTable = {
  Conv1D: conv1d,
  Conv2D: conv2d,
  Dilation2D: dilation2d,
  Conv2DBackpropInput: conv2dBackpropInput,
  _FusedConv2D: fusedConv(tn.fused.conv2d, tn.conv2d),
  DepthwiseConv2dNative: depthwise,
  DepthwiseConv2d: depthwise,
  FusedDepthwiseConv2dNative: fusedConv(tn.fused.depthwiseConv2d, tn.depthwiseConv2d),
  MaxPool: pool(tn.maxPool),
  AvgPool: pool(tn.avgPool),
  MaxPoolWithArgmax: maxPoolWithArgmax,
  Conv3D: conv3d,
  MaxPool3D: pool3d(tn.maxPool3d),
  AvgPool3D: pool3d(tn.avgPool3d),
};
