import type { FusedActivation, Padding } from '../../backend/backend';
import { isRecording } from '../../tensor/tape';
import type { Tensor } from '../../tensor/tensor';
import { mul } from '../binary';
import { sumToShape } from '../broadcast';
import { zerosLike } from '../creation';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput, type ConvAttrs } from '../conv';
import { backend } from '../engine';
import { conv2d as fusedConv2d, type EpilogueAttrs } from '../fused';
import { matMul, type MatMulAttrs } from '../matmul';
import { maxPoolBackprop, maxPoolGather, type PoolAttrs } from '../pool';
import { step } from '../unary';
import { rule, type GradientTable } from './table';

/**
 * The gradients of y = op(a)·op(b) for a and b, from dy; made of matMuls, so differentiable again. A gradient not
 * `needed` is skipped (a first dense layer's input: a product as large as the forward one, every training step).
 * When a's gradient is read back only where a is not ±0 (`aReadWhereNonzero`: a relu's output, as a dense layer's
 * input is) and no outer gradient records this one, a backend that can skips the rest of dy·bᵀ.
 */
function matMulGrads(
  a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean, dy: Tensor, needed: readonly boolean[], aReadWhereNonzero = false,
): [Tensor | null, Tensor | null] {
  if (!transposeA && !transposeB) {
    const be = backend();
    const masked = aReadWhereNonzero && be.matMulWhereNonzero && !isRecording() && a.rank === 2 && b.rank === 2 && dy.dtype === b.dtype && a.dtype === b.dtype;
    const da = !needed[0] ? null : masked ? be.matMulWhereNonzero!(dy, b, a) : matMul(dy, b, false, true);
    return [da, needed[1] ? matMul(a, dy, true, false) : null];
  }
  if (!transposeA && transposeB) return [needed[0] ? matMul(dy, b, false, false) : null, needed[1] ? matMul(dy, a, true, false) : null];
  if (transposeA && !transposeB) return [needed[0] ? matMul(b, dy, false, true) : null, needed[1] ? matMul(a, dy, false, false) : null];
  return [needed[0] ? matMul(b, dy, true, true) : null, needed[1] ? matMul(dy, a, true, true) : null];
}

/**
 * The gradients of y = conv2d(x, filter) for x and filter, from dy; a gradient not `needed` is
 * skipped (a first layer's input: that saves a GEMM and a col2im per training step).
 */
function conv2dGrads(x: Tensor, filter: Tensor, s: [number, number], p: Padding, dy: Tensor, needed: readonly boolean[]): [Tensor | null, Tensor | null] {
  return [
    needed[0] ? conv2dBackpropInput(dy, filter, x.shape, s, p) : null,
    needed[1] ? conv2dBackpropFilter(x, dy, filter.shape, s, p) : null,
  ];
}

/** The gradients of y = act(z + bias) for z and bias, from dy and y alone (relu's mask reuses the output). */
function epilogueGrads(dy: Tensor, y: Tensor, bias: Tensor, act: FusedActivation): [Tensor, Tensor] {
  // Under an outer gradient (higher order) the rule must itself be differentiable: compose ops.
  if (isRecording()) {
    const dz = act === 'relu' ? mul(dy, step(y)) : dy;
    return [dz, sumToShape(dz, bias.shape)];
  }
  const { dx, dbias } = backend().biasActivationBackprop(dy, y, act);
  return [dx, dbias];
}

/** The max-pool that conv2dMaxPool fuses. */
const WINDOW_2X2: PoolAttrs = { filterSize: [2, 2], strides: [2, 2], pad: 'valid' };

export const linearGrads: GradientTable = {
  matMul: rule<MatMulAttrs>((dy, { inputs: [a, b], attrs, needed, readWhereNonzero }) => matMulGrads(a, b, attrs.transposeA, attrs.transposeB, dy, needed, readWhereNonzero[0])),
  conv2d: rule<ConvAttrs>((dy, { inputs: [x, filter], attrs: { strides, pad }, needed }) => conv2dGrads(x, filter, strides, pad, dy, needed)),
  // Both are bilinear in their inputs: each input's gradient is the other product (conv2d, or the other backprop).
  conv2dBackpropInput: rule<ConvAttrs>((ddx, { inputs: [dy, filter], attrs: { strides, pad }, needed }) => [
    needed[0] ? conv2d(ddx, filter, strides, pad) : null,
    needed[1] ? conv2dBackpropFilter(ddx, dy, filter.shape, strides, pad) : null,
  ]),
  conv2dBackpropFilter: rule<ConvAttrs>((ddw, { inputs: [x, dy], attrs: { strides, pad }, needed }) => [
    needed[0] ? conv2dBackpropInput(dy, ddw, x.shape, strides, pad) : null,
    needed[1] ? conv2d(x, ddw, strides, pad) : null,
  ]),
  maxPool: rule<PoolAttrs>((dy, { inputs: [x], output: y, attrs }) => [maxPoolBackprop(dy, x, y, attrs)]),
  // Linear in their first input, piecewise constant in x (which only picks the winners).
  maxPoolBackprop: rule<PoolAttrs>((ddx, { inputs: [, x], attrs, needed }) => [
    maxPoolGather(ddx, x, attrs),
    needed[1] ? zerosLike(x) : null,
  ]),
  maxPoolGather: rule<PoolAttrs>((dy, { inputs: [, x], attrs, needed }) => [
    maxPoolBackprop(dy, x, null, attrs),
    needed[1] ? zerosLike(x) : null,
  ]),
  biasActivation: rule<EpilogueAttrs>((dy, { inputs: [, bias], output, attrs }) => epilogueGrads(dy, output, bias, attrs.activation)),
  fusedMatMul: rule<MatMulAttrs & EpilogueAttrs>((dy, { inputs: [a, b, bias], output, attrs, needed, readWhereNonzero }) => {
    const [dz, dbias] = epilogueGrads(dy, output, bias, attrs.activation);
    return [...matMulGrads(a, b, attrs.transposeA, attrs.transposeB, dz, needed, readWhereNonzero[0]), dbias];
  }),
  fusedConv2d: rule<ConvAttrs & EpilogueAttrs>((dy, { inputs: [x, filter, bias], output, attrs, needed }) => {
    const [dz, dbias] = epilogueGrads(dy, output, bias, attrs.activation);
    return [...conv2dGrads(x, filter, attrs.strides, attrs.pad, dz, needed), dbias];
  }),
  conv2dMaxPool: rule<ConvAttrs & EpilogueAttrs>((dy, { inputs: [x, filter, bias], output, attrs, needed }) => {
    const { strides, pad, activation } = attrs;
    const be = backend();
    // Under an outer gradient (higher order) the rule must itself be differentiable: the composed ops' rules,
    // from the pre-pool activation computed again (its values only pick winners and the relu mask).
    if (isRecording() || !be.conv2dBiasActivationMaxPoolBackprop) {
      const z = fusedConv2d({ x, filter, strides, pad, bias, activation });
      const [dz, dbias] = epilogueGrads(maxPoolBackprop(dy, z, null, WINDOW_2X2), z, bias, activation);
      return [...conv2dGrads(x, filter, strides, pad, dz, needed), dbias];
    }
    const { dx, dfilter, dbias } = be.conv2dBiasActivationMaxPoolBackprop(dy, x, filter, bias, output, strides, pad, activation, [needed[0], needed[1]]);
    return [dx, dfilter, dbias];
  }),
};
