import type { FusedActivation, Padding } from '../backend/backend';

export type { FusedActivation };
import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import { Tensor } from '../tensor/tensor';
import { checkConv2d, conv2d as plainConv2d, type ConvAttrs } from './conv';
import { checkMatMul, matMul as plainMatMul, type MatMulAttrs } from './matmul';
import { relu } from './unary';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { assertRank, assertSameDtype, assertTensor } from '../tensor/checks';

/** Checks bias and activation before any work, against the number of output channels. */
function checkEpilogue(op: string, like: Tensor, channels: number, bias: Tensor | undefined, activation: unknown): FusedActivation {
  if (activation !== undefined && activation !== 'linear' && activation !== 'relu') {
    throw argError(op, 'activation', fmtValue(activation), "'linear' or 'relu'");
  }
  if (bias !== undefined) {
    assertTensor(op, 'bias', bias);
    assertRank(op, 'bias', bias, 1);
    assertSameDtype(op, like, bias, 'the inputs', 'bias');
    if (bias.shape[0] !== channels) throw argError(op, 'bias', `shape ${fmtShape(bias.shape)}`, `shape [${channels}] (one per output channel)`);
  }
  return activation ?? 'linear';
}

export interface EpilogueAttrs {
  activation: FusedActivation;
}

/** act(x + bias), bias along the last axis, in one pass forward. */
function biasActivation(x: Tensor, bias: Tensor | undefined, act: FusedActivation): Tensor {
  if (bias === undefined) return act === 'relu' ? relu(x) : x;
  const y = backend().biasActivation(x, bias, act);
  recordOp<EpilogueAttrs>('biasActivation', [x, bias], y, { activation: act });
  return y;
}

export interface FusedMatMulConfig {
  a: Tensor;
  b: Tensor;
  transposeA?: boolean;
  transposeB?: boolean;
  bias?: Tensor;
  activation?: FusedActivation;
}

/** act(op(a)·op(b) + bias), as tf.fused.matMul({a, b, transposeA, transposeB, bias, activation}). */
export function matMul(config: FusedMatMulConfig): Tensor {
  if (config === null || typeof config !== 'object') throw argError('fused.matMul', 'config', typeof config, 'an object {a, b, bias?, activation?}');
  const b = assertTensor('fused.matMul', 'b', config.b);
  const act = checkEpilogue('fused.matMul', b, b.shape[config.transposeB ? 0 : 1], config.bias, config.activation);
  const { a, bias } = config;
  const [tA, tB] = [config.transposeA ?? false, config.transposeB ?? false];
  const be = backend();
  if (bias !== undefined && be.matMulBiasActivation) {
    // Checked as matMul checks them, then one backend call; one tape node whose rule is the two it replaces.
    checkMatMul(a, b, tA, tB);
    const y = be.matMulBiasActivation(a, b, tA, tB, bias, act);
    recordOp<MatMulAttrs & EpilogueAttrs>('fusedMatMul', [a, b, bias], y, { transposeA: tA, transposeB: tB, activation: act });
    return y;
  }
  const y = plainMatMul(a, b, tA, tB);
  return biasActivation(y, bias, act);
}

export interface FusedConv2dConfig {
  x: Tensor;
  filter: Tensor;
  strides: number | [number, number];
  pad: Padding;
  bias?: Tensor;
  activation?: FusedActivation;
}

/** act(conv2d(x, filter) + bias), as tf.fused.conv2d({x, filter, strides, pad, bias, activation}). */
export function conv2d(config: FusedConv2dConfig): Tensor {
  if (config === null || typeof config !== 'object') throw argError('fused.conv2d', 'config', typeof config, 'an object {x, filter, strides, pad, bias?, activation?}');
  const filter = assertTensor('fused.conv2d', 'filter', config.filter);
  const act = checkEpilogue('fused.conv2d', filter, filter.shape[3], config.bias, config.activation);
  const { x, bias } = config;
  const b = backend();
  if (bias !== undefined && b.conv2dBiasActivation && x instanceof Tensor && x.rank === 4) {
    // One backend call (the epilogue fused into the product); one tape node whose rule is the two it replaces.
    const [s, p] = checkConv2d('conv2d', x, filter, config.strides, config.pad);
    const y = b.conv2dBiasActivation(x, filter, bias, s, p, act);
    recordOp<ConvAttrs & EpilogueAttrs>('fusedConv2d', [x, filter, bias], y, { strides: s, pad: p, activation: act });
    return y;
  }
  const y = plainConv2d(x, filter, config.strides, config.pad);
  return biasActivation(y, bias, act);
}

