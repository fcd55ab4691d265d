import { fmtShape } from '../util/validate';
import { checkSavedActivation, type ActivationName } from '../layers/activations';
import { Bidirectional, Embedding, GRU, GRUCell, LSTM, LSTMCell, Masking, RNN, RepeatVector, SimpleRNN, SimpleRNNCell, type GRUCellArgs, type LSTMCellArgs, type Layer, type LayerArgs, type RNNCell } from '../layers/index';
import type { BidirectionalMergeMode } from '../layers/recurrent/bidirectional';
import type { ConfigReader } from './config-reader';
import type { Tensor } from '../tensor/tensor';
import type { LayerPlan } from './layer-plan';
import { readInitializerSpec, savedInitializer, type InitializerSpec } from './saved-initializer';
import { readPenalty } from './config-args';
import { toCamelCase } from '../util/case';
import { registeredClass } from '../layers/serialization';
import { registeredCellPlan } from './registered-plan';

const GLOROT_NORMAL: InitializerSpec = { className: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null } };
const ORTHOGONAL: InitializerSpec = { className: 'Orthogonal', config: { gain: 1, seed: null } };
const ZEROS: InitializerSpec = { className: 'Zeros', config: {} };
const UNIFORM: InitializerSpec = { className: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } };


/** Keras writes 'hard_sigmoid'; TF.js's argument is 'hardSigmoid'. */
function readActivation(r: ConfigReader, key: string, fallback: ActivationName): ActivationName {
  const v = r.get(key);
  if (v === undefined || v === null) return fallback;
  try {
    return checkSavedActivation(r.op, v === 'hard_sigmoid' ? 'hardSigmoid' : v);
  } catch {
    throw r.fail(key, v, 'an activation tessera has (linear, relu, softmax, sigmoid, tanh, hard_sigmoid)');
  }
}

function readRate(r: ConfigReader, key: string): number {
  const v = r.get(key) ?? 0;
  if (typeof v !== 'number' || !(v >= 0 && v < 1)) throw r.fail(key, v, 'a number in [0, 1)');
  return v;
}

type Kind = 'LSTM' | 'GRU' | 'SimpleRNN';
const GATES: Record<Kind, number> = { LSTM: 4, GRU: 3, SimpleRNN: 1 };

/** A recurrent cell's settings read from a file (an LSTM/GRU/SimpleRNN layer's, or a cell entry's). */
interface CellSpec {
  kind: Kind;
  units: number;
  useBias: boolean;
  /** The cell's arguments, initializers aside. */
  args: Record<string, unknown>;
  inits: [InitializerSpec, InitializerSpec, InitializerSpec];
}

function readCell(r: ConfigReader, kind: Kind): CellSpec {
  const units = r.positiveInt('units');
  const useBias = r.bool('use_bias', true);
  const inits: CellSpec['inits'] = [
    readInitializerSpec(r.op, `${r.where}.kernel_initializer`, r.get('kernel_initializer'), GLOROT_NORMAL),
    readInitializerSpec(r.op, `${r.where}.recurrent_initializer`, r.get('recurrent_initializer'), ORTHOGONAL),
    readInitializerSpec(r.op, `${r.where}.bias_initializer`, r.get('bias_initializer'), ZEROS),
  ];
  const args: Record<string, unknown> = {
    units,
    activation: readActivation(r, 'activation', 'tanh'),
    useBias,
    dropout: readRate(r, 'dropout'),
    recurrentDropout: readRate(r, 'recurrent_dropout'),
  };
  for (const key of ['kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint']) {
    args[toCamelCase(key)] = readPenalty(r, key);
  }
  if (kind !== 'SimpleRNN') {
    args.recurrentActivation = readActivation(r, 'recurrent_activation', 'hardSigmoid');
    const impl = r.get('implementation');
    if (impl !== undefined && impl !== null) args.implementation = impl;
  }
  if (kind === 'LSTM') args.unitForgetBias = r.get('unit_forget_bias') ?? undefined;
  if (kind === 'GRU') r.unsupported('reset_after', [false, null]);
  return { kind, units, useBias, args, inits };
}

/** The cell's weights for inputs of `features` (suffixes under a scope: '' or 'RNNCell_0/'). */
function cellWeights(c: CellSpec, features: number, scope = ''): { suffix: string; shape: number[] }[] {
  const width = GATES[c.kind] * c.units;
  return [
    { suffix: `${scope}kernel`, shape: [features, width] },
    { suffix: `${scope}recurrent_kernel`, shape: [c.units, width] },
    ...(c.useBias ? [{ suffix: `${scope}bias`, shape: [width] }] : []),
  ];
}

/** The cell's initializers: the file's values where given, else the saved initializer. */
function cellInitializers(c: CellSpec, w: Tensor[]) {
  return { kernelInitializer: savedInitializer(c.inits[0], w[0]), recurrentInitializer: savedInitializer(c.inits[1], w[1]), biasInitializer: savedInitializer(c.inits[2], w[2]) };
}

/** The settings every recurrent layer has beside its cell. */
function readRNNArgs(r: ConfigReader): Record<string, unknown> {
  // Keras writes time_major (inputs as [time, batch, features]) on every recurrent layer; tessera, as TF.js, runs batch-major only.
  r.unsupported('time_major', [false, null]);
  // Keras writes these too, at values that ask for nothing here: masked steps repeat the last output (as TF.js's),
  // and no dropout seed.
  r.unsupported('zero_output_for_mask', [false, null]);
  r.unsupported('seed', [null]);
  return {
    returnSequences: r.bool('return_sequences', false),
    returnState: r.bool('return_state', false),
    goBackwards: r.bool('go_backwards', false),
    stateful: r.bool('stateful', false),
    unroll: r.bool('unroll', false),
  };
}

function rnnOutputShape(r: ConfigReader, units: number, returnSequences: boolean) {
  return (input: readonly number[]) => {
    if (input.length !== 2) throw r.fail('units', units, `a layer given [batch, time, features]; got input ${fmtShape([null, ...input])}`);
    return returnSequences ? [input[0], units] : [units];
  };
}

function readRecurrent(r: ConfigReader, kind: Kind): LayerPlan {
  const cell = readCell(r, kind);
  const args = { ...cell.args, ...readRNNArgs(r) };
  const make = (common: LayerArgs) => ({ LSTM: () => new LSTM({ ...common, ...args } as never), GRU: () => new GRU({ ...common, ...args } as never), SimpleRNN: () => new SimpleRNN({ ...common, ...args } as never) })[kind]();
  return {
    outputShape: rnnOutputShape(r, cell.units, args.returnSequences as boolean),
    weightShapes: (input) => cellWeights(cell, input[input.length - 1]),
    create: (common, w = []) => make({ ...common, ...cellInitializers(cell, w) } as LayerArgs),
  };
}

const CELL_KINDS: Record<string, Kind> = { LSTMCell: 'LSTM', GRUCell: 'GRU', SimpleRNNCell: 'SimpleRNN' };

/** A cell of an RNN read from a file: a built-in one's settings, or a cell class of the user's, registered, as a plan. */
type CellEntry = { spec: CellSpec & { name: string | undefined } } | { plan: LayerPlan; units: number };

function readCellEntry(r: ConfigReader, key: string, value: unknown): CellEntry {
  const { className, reader, name } = r.nested(key, value);
  const kind = CELL_KINDS[className];
  const registered = kind ? undefined : registeredClass<Layer>(className);
  if (registered) {
    const plan = registeredCellPlan(registered, reader);
    // As TF.js's RNN, the output has the size of the cell's first state.
    const cell = plan.create({}, []) as unknown as { stateSize: number | number[] };
    return { plan, units: Array.isArray(cell.stateSize) ? cell.stateSize[0] : cell.stateSize };
  }
  if (!kind) throw r.fail(`${key}.class_name`, className, "'LSTMCell', 'GRUCell', 'SimpleRNNCell' or the className of a cell class registered with tf.serialization.registerClass");
  const spec = readCell(reader, kind);
  reader.finish();
  return { spec: { ...spec, name } };
}

function makeCell(c: CellSpec & { name: string | undefined }, w: Tensor[]): RNNCell {
  const args = { ...c.args, name: c.name, ...cellInitializers(c, w) } as unknown as LSTMCellArgs & GRUCellArgs;
  return c.kind === 'LSTM' ? new LSTMCell(args) : c.kind === 'GRU' ? new GRUCell(args) : new SimpleRNNCell(args);
}

/**
 * tf.layers.rnn({cell}): TF.js writes the cell (or StackedRNNCells) under 'cell' and copies its settings
 * beside the layer's own (a single cell's keys, or 'cells'); those copies are read from the cell entry.
 */
function readRNN(r: ConfigReader): LayerPlan {
  const entry = r.get('cell');
  const { className, reader } = r.nested('cell', entry);
  let cells: CellEntry[];
  if (className === 'StackedRNNCells') {
    const list = reader.get('cells');
    if (!Array.isArray(list) || list.length === 0) throw reader.fail('cells', list, 'a non-empty array of cell entries');
    cells = list.map((e, i) => readCellEntry(reader, `cells[${i}]`, e));
    reader.finish();
  } else {
    cells = [readCellEntry(r, 'cell', entry)];
  }
  const copied = new Set(['cells', ...Object.keys((entry as { config: object }).config)]);
  for (const key of r.keys()) if (copied.has(key)) r.get(key);
  const stacked = className === 'StackedRNNCells';
  const args = readRNNArgs(r);
  const unitsOf = (c: CellEntry) => ('spec' in c ? c.spec.units : c.units);
  // How many weights each cell takes: a user's cell tells when probed for its input (weightShapes comes first).
  const counts: number[] = cells.map((c) => ('spec' in c ? (c.spec.useBias ? 3 : 2) : 0));
  return {
    outputShape: rnnOutputShape(r, unitsOf(cells[cells.length - 1]), args.returnSequences as boolean),
    weightShapes: (input) => {
      let features = input[input.length - 1];
      return cells.flatMap((c, i) => {
        const scope = stacked ? `RNNCell_${i}/` : '';
        const w = 'spec' in c ? cellWeights(c.spec, features, scope) : c.plan.weightShapes([features]).map((v) => ({ ...v, suffix: `${scope}${v.suffix}` }));
        counts[i] = w.length;
        features = unitsOf(c);
        return w;
      });
    },
    create: (common, w = []) => {
      let at = 0;
      const made = cells.map((c, i) => {
        const values = w.slice(at, (at += counts[i]));
        return 'spec' in c ? makeCell(c.spec, values) : (c.plan.create({}, values) as RNNCell);
      });
      return new RNN({ ...common, ...args, cell: stacked ? made : made[0] });
    },
  };
}

/**
 * tf.layers.bidirectional: the wrapped lstm/gru/simpleRNN/convLstm2d entry (read as a layer of its own by
 * `readKind`) and the merge mode; each direction's weights in its own scope.
 */
export function readBidirectional(r: ConfigReader, name: string, readKind: (className: string, r: ConfigReader, name: string) => LayerPlan | undefined): LayerPlan {
  const { className, reader, name: saved } = r.nested('layer');
  if (!['LSTM', 'GRU', 'SimpleRNN', 'ConvLSTM2D'].includes(className)) throw r.fail('layer.class_name', className, "'LSTM', 'GRU', 'SimpleRNN' or 'ConvLSTM2D'");
  const innerName = saved ?? `${name}_inner`;
  reader.get('batch_input_shape');
  const inner = readKind(className, reader, innerName) as LayerPlan;
  reader.finish();
  const mode = r.get('merge_mode');
  const modes = ['concat', 'sum', 'mul', 'ave', null];
  if (mode !== undefined && !modes.includes(mode as string | null)) throw r.fail('merge_mode', mode, "one of 'concat', 'sum', 'mul', 'ave', null");
  const mergeMode = (mode === undefined ? 'concat' : mode) as BidirectionalMergeMode;
  return {
    outputShape: (input) => {
      const one = inner.outputShape(input);
      return mergeMode === 'concat' ? [...one.slice(0, -1), 2 * one[one.length - 1]] : one;
    },
    weightShapes: (input) => ['forward', 'backward'].flatMap((d) => inner.weightShapes(input).map((w) => ({ ...w, suffix: `${d}_${innerName}/${w.suffix}` }))),
    // The loader sets the weights once the model is built.
    create: (common) => new Bidirectional({ ...common, layer: inner.create({ name: innerName }, []) as RNN, mergeMode }),
  };
}

/** The sequence layers' plans, by the class names TF.js and Keras write. */
export const SEQUENCE_KINDS = new Map<string, (r: ConfigReader, name: string) => LayerPlan>([
  ['LSTM', (r) => readRecurrent(r, 'LSTM')],
  ['GRU', (r) => readRecurrent(r, 'GRU')],
  ['SimpleRNN', (r) => readRecurrent(r, 'SimpleRNN')],
  ['RNN', (r) => readRNN(r)],
  ['Embedding', (r) => {
    const inputDim = r.positiveInt('input_dim');
    const outputDim = r.positiveInt('output_dim');
    const init = readInitializerSpec(r.op, `${r.where}.embeddings_initializer`, r.get('embeddings_initializer'), UNIFORM);
    const penalties = Object.fromEntries(['embeddings_regularizer', 'activity_regularizer', 'embeddings_constraint'].map((key) => [toCamelCase(key), readPenalty(r, key)]));
    const maskZero = r.bool('mask_zero', false);
    // Kept so that saving the model again writes it; the layer checks it.
    const inputLength = (r.get('input_length') ?? undefined) as number | number[] | undefined;
    return {
      outputShape: (input) => [...input, outputDim],
      weightShapes: () => [{ suffix: 'embeddings', shape: [inputDim, outputDim] }],
      create: (common, w = []) => new Embedding({ ...common, ...penalties, inputDim, outputDim, maskZero, inputLength, embeddingsInitializer: savedInitializer(init, w[0]) }),
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
