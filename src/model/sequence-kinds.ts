import { checkActivation, type ActivationName } from '../layers/activations';
import { Embedding, GRU, LSTM, Masking, RepeatVector, SimpleRNN, type LayerArgs } from '../layers/index';
import type { ConfigReader } from './config-reader';
import type { Tensor } from '../tensor/tensor';
import type { LayerPlan } from './layer-plan';
import { readInitializerSpec, savedInitializer, type InitializerSpec } from './saved-initializer';

const GLOROT_NORMAL: InitializerSpec = { className: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null } };
const ORTHOGONAL: InitializerSpec = { className: 'Orthogonal', config: { gain: 1, seed: null } };
const ZEROS: InitializerSpec = { className: 'Zeros', config: {} };
const UNIFORM: InitializerSpec = { className: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } };


/** Keras writes 'hard_sigmoid'; TF.js's argument is 'hardSigmoid'. */
function readActivation(r: ConfigReader, key: string, fallback: ActivationName): ActivationName {
  const v = r.get(key);
  if (v === undefined || v === null) return fallback;
  try {
    return checkActivation(r.op, v === 'hard_sigmoid' ? 'hardSigmoid' : v);
  } catch {
    throw r.fail(key, v, 'an activation tessera has (linear, relu, softmax, sigmoid, tanh, hard_sigmoid)');
  }
}

function readRate(r: ConfigReader, key: string): number {
  const v = r.get(key) ?? 0;
  if (typeof v !== 'number' || !(v >= 0 && v < 1)) throw r.fail(key, v, 'a number in [0, 1)');
  return v;
}

function readRecurrent(r: ConfigReader, kind: 'LSTM' | 'GRU' | 'SimpleRNN'): LayerPlan {
  for (const key of ['kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint']) r.unsupported(key);
  const units = r.positiveInt('units');
  const useBias = r.bool('use_bias', true);
  const kernelInit = readInitializerSpec(r.op, `${r.where}.kernel_initializer`, r.get('kernel_initializer'), GLOROT_NORMAL);
  const recurrentInit = readInitializerSpec(r.op, `${r.where}.recurrent_initializer`, r.get('recurrent_initializer'), ORTHOGONAL);
  const biasInit = readInitializerSpec(r.op, `${r.where}.bias_initializer`, r.get('bias_initializer'), ZEROS);
  const args: Record<string, unknown> = {
    units,
    activation: readActivation(r, 'activation', 'tanh'),
    useBias,
    dropout: readRate(r, 'dropout'),
    recurrentDropout: readRate(r, 'recurrent_dropout'),
    returnSequences: r.bool('return_sequences', false),
    returnState: r.bool('return_state', false),
    goBackwards: r.bool('go_backwards', false),
    stateful: r.bool('stateful', false),
    unroll: r.bool('unroll', false),
  };
  if (kind !== 'SimpleRNN') {
    args.recurrentActivation = readActivation(r, 'recurrent_activation', 'hardSigmoid');
    const impl = r.get('implementation');
    if (impl !== undefined && impl !== null) args.implementation = impl;
  }
  if (kind === 'LSTM') args.unitForgetBias = r.get('unit_forget_bias') ?? true;
  if (kind === 'GRU') r.unsupported('reset_after', [false, null]);
  const gates = { LSTM: 4, GRU: 3, SimpleRNN: 1 }[kind];
  const saved = (w: Tensor[]) => ({ kernelInitializer: savedInitializer(kernelInit, w[0]), recurrentInitializer: savedInitializer(recurrentInit, w[1]), biasInitializer: savedInitializer(biasInit, w[2]) });
  const make = (common: LayerArgs) => ({ LSTM: () => new LSTM({ ...common, ...args } as never), GRU: () => new GRU({ ...common, ...args } as never), SimpleRNN: () => new SimpleRNN({ ...common, ...args } as never) })[kind]();
  const seqOut = args.returnSequences as boolean;
  return {
    outputShape: (input) => {
      if (input.length !== 2) throw r.fail('units', units, `a layer given [batch, time, features]; got input [null, ${input.join(', ')}]`);
      return seqOut ? [input[0], units] : [units];
    },
    weightShapes: (input) => [
      { suffix: 'kernel', shape: [input[input.length - 1], gates * units] },
      { suffix: 'recurrent_kernel', shape: [units, gates * units] },
      ...(useBias ? [{ suffix: 'bias', shape: [gates * units] }] : []),
    ],
    create: (common, w) => make({ ...common, ...saved(w) } as LayerArgs),
  };
}

/** The sequence layers' plans, by the class names TF.js and Keras write. */
export const SEQUENCE_KINDS = new Map<string, (r: ConfigReader, name: string) => LayerPlan>([
  ['LSTM', (r) => readRecurrent(r, 'LSTM')],
  ['GRU', (r) => readRecurrent(r, 'GRU')],
  ['SimpleRNN', (r) => readRecurrent(r, 'SimpleRNN')],
  ['Embedding', (r) => {
    const inputDim = r.positiveInt('input_dim');
    const outputDim = r.positiveInt('output_dim');
    const init = readInitializerSpec(r.op, `${r.where}.embeddings_initializer`, r.get('embeddings_initializer'), UNIFORM);
    for (const key of ['embeddings_regularizer', 'activity_regularizer', 'embeddings_constraint']) r.unsupported(key);
    const maskZero = r.bool('mask_zero', false);
    r.get('input_length');
    return {
      outputShape: (input) => [...input, outputDim],
      weightShapes: () => [{ suffix: 'embeddings', shape: [inputDim, outputDim] }],
      create: (common, w) => new Embedding({ ...common, inputDim, outputDim, maskZero, embeddingsInitializer: savedInitializer(init, w[0]) }),
    };
  }],
  ['RepeatVector', (r) => {
    const n = r.positiveInt('n');
    return { outputShape: (input) => [n, ...input], weightShapes: () => [], create: (common) => new RepeatVector({ ...common, n }) };
  }],
  ['Masking', (r) => {
    const v = r.get('mask_value') ?? 0;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw r.fail('mask_value', v, 'a finite number');
    return { outputShape: (input) => input.slice(), weightShapes: () => [], create: (common) => new Masking({ ...common, maskValue: v }) };
  }],
]);
