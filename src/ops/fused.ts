import type { FusedActivation as KernelActivation } from '../backend/backend';
import { backend } from './engine';
import { recordOp } from '../tensor/tape';
import { Tensor } from '../tensor/tensor';
import { elu, leakyRelu, prelu, relu6 } from './activations';
import { add } from './binary';
import { checkConv2d, conv2d as plainConv2d, type ConvAttrs } from './conv';
import { depthwiseConv2d as plainDepthwiseConv2d } from './depthwise-conv';
import { checkMatMul, matMul as plainMatMul, type MatMulAttrs } from './matmul';
import { reshape } from './reshape';
import { relu, sigmoid } from './unary';
import { argError, assertFiniteNumber, checkKnownKeys, fmtShape, fmtValue } from '../util/validate';
import { assertSameDtype, assertTensor } from '../tensor/checks';
import type { DimRoundingMode, TensorLike, WindowPad } from '../tensor/value-types';
import { matchedOperands, toTensorBeside } from './tensor-like';
import { cast, floatOperands, floatsMet } from './cast';

/** The activations tf.fused ops apply after the bias, as TF.js names them. */
export type FusedActivation = 'linear' | 'relu' | 'relu6' | 'elu' | 'leakyrelu' | 'prelu' | 'sigmoid';

const ACTIVATIONS: readonly FusedActivation[] = ['linear', 'relu', 'relu6', 'elu', 'leakyrelu', 'prelu', 'sigmoid'];

/**
 * What follows the product: bias (any shape that broadcasts over it; null or absent for none) and activation, with
 * prelu's and leakyrelu's parameters. Tensors or TensorLike values (arrays, numbers), as TF.js takes them.
 */
interface Epilogue {
  bias?: Tensor | TensorLike | null;
  activation?: FusedActivation;
  preluActivationWeights?: Tensor | TensorLike | null;
  leakyreluAlpha?: number;
}

/** An Epilogue's keys, which every fused op's config may hold. */
const EPILOGUE_KEYS = ['bias', 'activation', 'preluActivationWeights', 'leakyreluAlpha'];
/** The keys of a fused convolution's config: a misspelled one (activaton) is refused, never silently no activation. */
const CONV_KEYS = ['x', 'filter', 'strides', 'pad', 'dataFormat', 'dilations', 'dimRoundingMode', ...EPILOGUE_KEYS];

/** An Epilogue with its values made tensors. */
interface EpilogueTensors {
  bias?: Tensor;
  activation?: FusedActivation;
  preluActivationWeights?: Tensor;
  leakyreluAlpha?: number;
}

/**
 * The epilogue's TensorLike values made tensors (as TF.js converts them), null as absent; parsed as float64 beside
 * a float64 operand.
 */
function epilogueTensors(op: string, e: Epilogue, operand: Tensor): EpilogueTensors {
  const made = (arg: 'bias' | 'preluActivationWeights') => (e[arg] == null ? undefined : toTensorBeside(op, arg, e[arg], [operand]));
  return { activation: e.activation, leakyreluAlpha: e.leakyreluAlpha, bias: made('bias'), preluActivationWeights: made('preluActivationWeights') };
}

interface Checked {
  act: FusedActivation;
  /** The backend's fused bias + activation applies: a [channels] bias and relu or none. */
  kernelFits: boolean;
}

/**
 * Checks bias and activation before any work, against the dtype of the inputs and the number of output channels; as
 * TF.js, a channels-first (NCHW) convolution takes only a scalar bias or one value per channel (or one for all).
 */
function checkEpilogue(op: string, like: Tensor, channels: number, e: EpilogueTensors, dataFormat?: string): Checked {
  const act = e.activation ?? 'linear';
  if (!ACTIVATIONS.includes(act)) throw argError(op, 'activation', fmtValue(act), ACTIVATIONS.map((a) => `'${a}'`).join(', '));
  if (e.bias !== undefined) {
    assertTensor(op, 'bias', e.bias);
    assertSameDtype(op, like, e.bias, 'the inputs', 'bias');
    if (dataFormat === 'NCHW' && (e.bias.rank > 1 || (e.bias.rank === 1 && e.bias.shape[0] !== 1 && e.bias.shape[0] !== channels))) {
      throw argError(op, 'bias', `shape ${fmtShape(e.bias.shape)}`, `a scalar or a 1-D tensor of 1 or ${channels} (the output channels) values with dataFormat 'NCHW'`);
    }
    const last = e.bias.shape[e.bias.rank - 1];
    if (dataFormat !== 'NCHW' && e.bias.rank > 0 && last !== 1 && last !== channels) {
      throw argError(op, 'bias', `shape ${fmtShape(e.bias.shape)}`, `a shape that broadcasts over the output, whose last dim is the ${channels} output channels`);
    }
  }
  if (act === 'prelu') assertTensor(op, 'preluActivationWeights', e.preluActivationWeights);
  if (act === 'leakyrelu' && e.leakyreluAlpha !== undefined) assertFiniteNumber(op, 'leakyreluAlpha', e.leakyreluAlpha);
  const channelBias = e.bias !== undefined && e.bias.rank === 1 && e.bias.shape[0] === channels;
  return { act, kernelFits: channelBias && (act === 'linear' || act === 'relu') };
}

export interface EpilogueAttrs {
  activation: KernelActivation;
}

function activate(x: Tensor, act: FusedActivation, e: EpilogueTensors): Tensor {
  switch (act) {
    case 'linear': return x;
    case 'relu': return relu(x);
    case 'relu6': return relu6(x);
    case 'elu': return elu(x);
    case 'sigmoid': return sigmoid(x);
    case 'leakyrelu': return leakyRelu(x, e.leakyreluAlpha ?? 0.2);
    case 'prelu': return prelu(x, e.preluActivationWeights!);
  }
}

/** act(x + bias): in one backend pass for a [channels] bias with relu or none, else as the ops it stands for. */
function biasActivation(x: Tensor, e: EpilogueTensors, { act, kernelFits }: Checked): Tensor {
  if (kernelFits) {
    const kernelAct = act as KernelActivation;
    const y = backend().biasActivation(x, e.bias!, kernelAct);
    recordOp<EpilogueAttrs>('biasActivation', [x, e.bias!], y, { activation: kernelAct });
    return y;
  }
  return activate(e.bias === undefined ? x : add(x, e.bias), act, e);
}

/**
 * A convolution's epilogue. On a channels-first (NCHW) result a 1-D bias or prelu weights of more than one value
 * align with the channels axis, as in TF.js's fused ops.
 */
function convEpilogue(y: Tensor, dataFormat: string | undefined, e: EpilogueTensors, checked: Checked): Tensor {
  if (dataFormat !== 'NCHW') return biasActivation(y, e, checked);
  const alongChannels = (t?: Tensor) => (t !== undefined && t.rank === 1 && t.shape[0] !== 1 ? reshape(t, [t.shape[0], 1, 1]) : t);
  return biasActivation(y, { ...e, bias: alongChannels(e.bias), preluActivationWeights: alongChannels(e.preluActivationWeights) }, { act: checked.act, kernelFits: false });
}

export interface FusedMatMulConfig extends Epilogue {
  a: Tensor | TensorLike;
  b: Tensor | TensorLike;
  transposeA?: boolean;
  transposeB?: boolean;
}

/**
 * act(op(a)·op(b) + bias), as tf.fused.matMul({a, b, transposeA, transposeB, bias, activation,
 * preluActivationWeights, leakyreluAlpha}).
 */
export function matMul(config: FusedMatMulConfig): Tensor {
  if (config === null || typeof config !== 'object') throw argError('fused.matMul', 'config', typeof config, 'an object {a, b, bias?, activation?}');
  checkKnownKeys('fused.matMul', 'config', config, ['a', 'b', 'transposeA', 'transposeB', ...EPILOGUE_KEYS]);
  // Mixed dtypes multiply in the higher one (int32 · float32 is float32), as matMul and TF.js's makeTypesMatch.
  let [a, b] = matchedOperands('fused.matMul', config.a, config.b, cast);
  const e = epilogueTensors('fused.matMul', config, a);
  [a, b, e.bias, e.preluActivationWeights] = floatsMet(a, b, e.bias, e.preluActivationWeights);
  // The output's channels are op(b)'s columns: b's last axis, or the one before it when transposed (b may be batched).
  const checked = checkEpilogue('fused.matMul', b, b.shape[b.rank - (config.transposeB ? 2 : 1)], e);
  const { bias } = e;
  const [tA, tB] = [config.transposeA ?? false, config.transposeB ?? false];
  const be = backend();
  if (bias !== undefined && checked.kernelFits && be.matMulBiasActivation && a.rank === 2 && b.rank === 2) {
    const act = checked.act as KernelActivation;
    // Checked as matMul checks them, then one backend call; one tape node whose rule is the two it replaces.
    checkMatMul(a, b, tA, tB);
    const y = be.matMulBiasActivation(a, b, tA, tB, bias, act);
    recordOp<MatMulAttrs & EpilogueAttrs>('fusedMatMul', [a, b, bias], y, { transposeA: tA, transposeB: tB, activation: act });
    return y;
  }
  return biasActivation(plainMatMul(a, b, tA, tB), e, checked);
}

export interface FusedConv2dConfig extends Epilogue {
  x: Tensor | TensorLike;
  filter: Tensor | TensorLike;
  strides: number | [number, number];
  pad: WindowPad;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: DimRoundingMode;
}

/**
 * act(conv2d(x, filter) + bias), as tf.fused.conv2d({x, filter, strides, pad, dataFormat, dilations,
 * dimRoundingMode, bias, activation, preluActivationWeights, leakyreluAlpha}).
 */
export function conv2d(config: FusedConv2dConfig): Tensor {
  if (config === null || typeof config !== 'object') throw argError('fused.conv2d', 'config', typeof config, 'an object {x, filter, strides, pad, bias?, activation?}');
  checkKnownKeys('fused.conv2d', 'config', config, CONV_KEYS);
  let [x, filter] = floatOperands('fused.conv2d', [['x', config.x], ['filter', config.filter]]);
  const e = epilogueTensors('fused.conv2d', config, x);
  [x, filter, e.bias, e.preluActivationWeights] = floatsMet(x, filter, e.bias, e.preluActivationWeights);
  const checked = checkEpilogue('fused.conv2d', filter, filter.shape[3], e, config.dataFormat);
  const { bias } = e;
  const b = backend();
  const dilations = config.dilations ?? 1;
  const unitDilation = Array.isArray(dilations) ? dilations.every((d) => d === 1) : dilations === 1;
  // The fused kernel takes 'same' or 'valid'; numeric and explicit pads go through conv2d.
  const plainGeometry = unitDilation && (config.dataFormat ?? 'NHWC') === 'NHWC' && config.dimRoundingMode === undefined && typeof config.pad === 'string';
  if (bias !== undefined && checked.kernelFits && plainGeometry && b.conv2dBiasActivation && x.rank === 4) {
    const act = checked.act as KernelActivation;
    // One backend call (the epilogue fused into the product); one tape node whose rule is the two it replaces.
    const [s, p] = checkConv2d('conv2d', x, filter, config.strides, config.pad);
    const y = b.conv2dBiasActivation(x, filter, bias, s, p, act);
    recordOp<ConvAttrs & EpilogueAttrs>('fusedConv2d', [x, filter, bias], y, { strides: s, pad: p, activation: act });
    return y;
  }
  const y = plainConv2d(x, filter, config.strides, config.pad, config.dataFormat, config.dilations, config.dimRoundingMode);
  return convEpilogue(y, config.dataFormat, e, checked);
}

/**
 * act(depthwiseConv2d(x, filter) + bias), as tf.fused.depthwiseConv2d({x, filter, strides, pad, dataFormat,
 * dilations, dimRoundingMode, bias, activation, preluActivationWeights, leakyreluAlpha}).
 */
export function depthwiseConv2d(config: FusedConv2dConfig): Tensor {
  if (config === null || typeof config !== 'object') throw argError('fused.depthwiseConv2d', 'config', typeof config, 'an object {x, filter, strides, pad, bias?, activation?}');
  checkKnownKeys('fused.depthwiseConv2d', 'config', config, CONV_KEYS);
  let [x, filter] = floatOperands('fused.depthwiseConv2d', [['x', config.x], ['filter', config.filter]]);
  const e = epilogueTensors('fused.depthwiseConv2d', config, x);
  [x, filter, e.bias, e.preluActivationWeights] = floatsMet(x, filter, e.bias, e.preluActivationWeights);
  const checked = checkEpilogue('fused.depthwiseConv2d', filter, filter.shape[2] * filter.shape[3], e, config.dataFormat);
  const y = plainDepthwiseConv2d(x, filter, config.strides, config.pad, config.dataFormat, config.dilations, config.dimRoundingMode);
  return convEpilogue(y, config.dataFormat, e, checked);
}

