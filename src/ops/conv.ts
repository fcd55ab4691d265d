import type { Padding } from '../backend/backend';
import { backend } from '../backend/registry';
import { recordOp } from '../backprop';
import { Tensor } from '../tensor';
import { argError, assertPadding, assertPair, assertRank, assertSameDtype, assertTensor, fmtShape } from './validate';

/** Checks conv2d's arguments and returns the normalized strides and padding. */
export function checkConv2d(op: string, x: Tensor, filter: Tensor, strides: unknown, pad: unknown): [[number, number], Padding] {
  assertTensor(op, 'x', x);
  assertTensor(op, 'filter', filter);
  if (x.rank !== 4) throw argError(op, 'x', `shape ${fmtShape(x.shape)} (rank ${x.rank})`, 'rank 4 [batch, height, width, channels], or rank 3 for one image');
  assertRank(op, 'filter', filter, 4);
  assertSameDtype(op, x, filter, 'x', 'filter');
  const s = assertPair(op, 'strides', strides);
  const p = assertPadding(op, 'pad', pad);
  if (x.shape[3] !== filter.shape[2]) {
    throw new Error(`${op}: filter's input channels (dim 2 of ${fmtShape(filter.shape)}) must equal x's channels (dim 3 of ${fmtShape(x.shape)}), got ${filter.shape[2]} and ${x.shape[3]}`);
  }
  if (p === 'valid' && (filter.shape[0] > x.shape[1] || filter.shape[1] > x.shape[2])) {
    throw new Error(`${op}: with 'valid' padding the filter ${fmtShape(filter.shape)} must fit inside x's height and width (x ${fmtShape(x.shape)})`);
  }
  return [s, p];
}

/** 2-D convolution, NHWC input (or one HWC image) and [kh, kw, inC, outC] filter, as tf.conv2d(x, filter, strides, pad). */
export function conv2d(x: Tensor, filter: Tensor, strides: number | [number, number], pad: Padding): Tensor {
  if (x instanceof Tensor && x.rank === 3) {
    const y = conv2d(x.reshape([1, ...x.shape]), filter, strides, pad);
    return y.reshape(y.shape.slice(1));
  }
  const [s, p] = checkConv2d('conv2d', x, filter, strides, pad);
  const y = backend().conv2d(x, filter, s, p);
  recordOp([x, filter], y, (dy, needed) => conv2dGrads(x, filter, s, p, dy, needed));
  return y;
}

/**
 * @internal The gradients of y = conv2d(x, filter) for x and filter, from dy; a gradient not `needed` is
 * skipped (a first layer's input: that saves a GEMM and a col2im per training step).
 */
export function conv2dGrads(x: Tensor, filter: Tensor, s: [number, number], p: Padding, dy: Tensor, needed: readonly boolean[]): [Tensor | null, Tensor | null] {
  return [
    needed[0] ? conv2dBackpropInput(dy, filter, x.shape, s, p) : null,
    needed[1] ? conv2dBackpropFilter(x, dy, filter.shape, s, p) : null,
  ];
}

/** The gradient of conv2d for its input; differentiable itself (for higher-order gradients). */
function conv2dBackpropInput(dy: Tensor, filter: Tensor, xShape: readonly number[], s: [number, number], p: Padding): Tensor {
  const dx = backend().conv2dBackpropInput(dy, filter, xShape, s, p);
  recordOp([dy, filter], dx, (ddx) => [conv2d(ddx, filter, s, p), conv2dBackpropFilter(ddx, dy, filter.shape, s, p)]);
  return dx;
}

/** The gradient of conv2d for its filter; differentiable itself. */
function conv2dBackpropFilter(x: Tensor, dy: Tensor, filterShape: readonly number[], s: [number, number], p: Padding): Tensor {
  const dw = backend().conv2dBackpropFilter(x, dy, filterShape, s, p);
  recordOp([x, dy], dw, (ddw) => [conv2dBackpropInput(dy, ddw, x.shape, s, p), conv2d(x, ddw, s, p)]);
  return dw;
}
