import type { ConvAttrs } from '../conv';
import { depthwiseBackpropFilter, depthwiseBackpropInput, depthwiseOp } from '../depthwise-conv';
import { rule, type GradientTable } from './table';

// The forward op and its two gradients are each bilinear in their inputs: every gradient is one of the three again.
export const depthwiseGrads: GradientTable = {
  depthwiseConv2d: rule<ConvAttrs>((dy, { inputs: [x, filter], attrs: { strides, pad }, needed }) => [
    needed[0] ? depthwiseBackpropInput(dy, filter, x.shape, strides, pad) : null,
    needed[1] ? depthwiseBackpropFilter(x, dy, filter.shape, strides, pad) : null,
  ]),
  depthwiseConv2dBackpropInput: rule<ConvAttrs>((ddx, { inputs: [dy, filter], attrs: { strides, pad }, needed }) => [
    needed[0] ? depthwiseOp(ddx, filter, strides, pad) : null,
    needed[1] ? depthwiseBackpropFilter(ddx, dy, filter.shape, strides, pad) : null,
  ]),
  depthwiseConv2dBackpropFilter: rule<ConvAttrs>((ddw, { inputs: [x, dy], attrs: { strides, pad }, needed }) => [
    needed[0] ? depthwiseBackpropInput(dy, ddw, x.shape, strides, pad) : null,
    needed[1] ? depthwiseOp(x, ddw, strides, pad) : null,
  ]),
};
