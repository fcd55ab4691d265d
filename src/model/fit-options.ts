import type { Tensor } from '../tensor/tensor';
import { argError, fmtValue, isPositiveInt, optionalBoolean, optionsArg } from '../util/validate';
import { CallbackList, type CustomCallbackArgs } from './callbacks';
import type { ClassWeight, ClassWeightMap } from './class-weights';
import { parseYieldEvery, type YieldEveryOptions } from './yield';

/** Model inputs or targets: one tensor, one per input/output in order, or a map by input/output name. */
export type TensorOrArrayOrMap = Tensor | Tensor[] | Record<string, Tensor>;

export interface ModelFitArgs {
  epochs?: number;
  batchSize?: number;
  /** Read for its truthiness (a number serves); TF.js's 'batch' is not implemented there either. */
  shuffle?: boolean | 'batch';
  /** Seed for the shuffling order (tessera only; default: TF.js's Math.random shuffle, or after setRandomSeed the next seed of its sequence). */
  seed?: number;
  validationSplit?: number;
  validationData?: [TensorOrArrayOrMap, TensorOrArrayOrMap];
  validationBatchSize?: number;
  callbacks?: CustomCallbackArgs | CustomCallbackArgs[];
  /** 0 silent, 1 a progress bar (in place on a TTY), 2 one line per epoch; true and false act as 1 and 0. */
  verbose?: 0 | 1 | 2 | boolean;
  /** Stop with an error on a NaN or infinite loss, before applying that batch's update (default true). */
  terminateOnNaN?: boolean;
  /** The epoch to start from (its index; the history counts from it), as TF.js. */
  initialEpoch?: number;
  /**
   * Per-class weights of the loss, for class-id or one-hot targets: {classId: weight}, an array of them (one per
   * output) or a map of them by output name, as TF.js.
   */
  classWeight?: ClassWeight | ClassWeight[] | ClassWeightMap;
  /** Batches per epoch (the data is cycled through), as Keras (TF.js 4.22 ignores it here); default: the whole data once. */
  stepsPerEpoch?: number;
  /** Validation batches (of validationBatchSize) at each epoch's end, from the start of the validation data, as Keras (TF.js 4.22 ignores it); default: all of it. */
  validationSteps?: number;
  /**
   * When fit yields to the event loop so that a page stays responsive, as TF.js: 'auto' (the default: at most
   * every 125 ms), 'batch', 'epoch', 'never', or a number of milliseconds.
   */
  yieldEvery?: YieldEveryOptions;
  /** Not implemented, as in TF.js (which takes the field and throws for a value): null or absent only. */
  sampleWeight?: null;
}

/** fit's arguments checked and with Keras's defaults filled in. */
export interface FitOptions {
  epochs: number;
  batchSize: number;
  shuffle: boolean;
  seed: number | undefined;
  validationSplit: number;
  validationData: unknown;
  validationBatchSize: number;
  callbacks: CallbackList;
  verbose: 0 | 1 | 2;
  terminateOnNaN: boolean;
  initialEpoch: number;
  /** As given: it is read against the model's outputs by standardizeClassWeights. */
  classWeight: unknown;
  stepsPerEpoch: number | null;
  validationSteps: number | null;
}

const FIT_KEYS = ['epochs', 'batchSize', 'shuffle', 'seed', 'validationSplit', 'validationData', 'validationBatchSize', 'callbacks', 'verbose',
  'terminateOnNaN', 'initialEpoch', 'classWeight', 'stepsPerEpoch', 'validationSteps', 'yieldEvery', 'sampleWeight'];

/** fit's, evaluate's and predict's batchSize (default 32), refused in TF.js's words (a string as it reads one). */
export function batchSizeArg(op: string, v: unknown): number {
  if (v === undefined) return 32;
  if (!isPositiveInt(v)) throw new Error(`${op}: batchSize is required to be a positive integer, but got ${typeof v === 'string' ? v : fmtValue(v)}`);
  return v;
}

function positiveIntArg(op: string, arg: string, v: unknown, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  if (!isPositiveInt(v)) throw argError(op, arg, fmtValue(v), 'a positive integer');
  return v;
}

/** An integer ≥ 0 option, `fallback` when undefined or null. */
function nonNegativeIntArg(op: string, arg: string, v: unknown, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw argError(op, arg, fmtValue(v), 'an integer >= 0');
  return v;
}

/** fit's options checked (fitDataset's too, `op` naming it in errors), with the defaults filled in. */
export function parseFitArgs(given: ModelFitArgs, op = 'fit'): FitOptions {
  if (given === null || typeof given !== 'object') throw argError(op, 'args', fmtValue(given), 'an object of fit options');
  const args = optionsArg(op, 'args', given, FIT_KEYS);
  // TF.js's words: it takes the field but weighs no samples.
  if (args.sampleWeight !== undefined) throw new Error(`${op}: sample weight is not supported yet.`);
  // TF.js compares verbose with numbers, so true and false act as 1 and 0.
  const verbose = typeof args.verbose === 'boolean' ? Number(args.verbose) : args.verbose ?? 1;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) throw argError(op, 'verbose', fmtValue(verbose), '0, 1 or 2 (or true / false)');
  if (args.shuffle === 'batch') throw new Error(`${op}: shuffle 'batch' (batch shuffling) is not implemented, as in TF.js; give true or false`);
  const split = args.validationSplit ?? 0;
  if (typeof split !== 'number' || !(split >= 0 && split < 1)) throw argError(op, 'validationSplit', fmtValue(split), 'a number in [0, 1)');
  if (args.seed !== undefined && !Number.isFinite(args.seed)) throw argError(op, 'seed', fmtValue(args.seed), 'a finite number');
  const initialEpoch = nonNegativeIntArg(op, 'initialEpoch', args.initialEpoch, 0);
  // 0 epochs trains nothing and returns an empty History, as TF.js's fit does; a fraction runs the epochs below it,
  // as TF.js's loop (epoch < epochs) does: 2.5 trains epochs 0, 1 and 2 (a program's `epochs: total / 2`).
  const epochs = args.epochs ?? 1;
  if (typeof epochs !== 'number' || !Number.isFinite(epochs) || epochs < 0) throw argError(op, 'epochs', fmtValue(epochs), 'a number >= 0');
  const batchSize = batchSizeArg(op, args.batchSize);
  const validationSteps = args.validationSteps === undefined ? null : positiveIntArg(op, 'validationSteps', args.validationSteps, 1);
  // As TF.js: an empty array (or null) is no validation data.
  const vd: unknown = args.validationData;
  const validationData = Array.isArray(vd) && vd.length === 0 ? undefined : vd;
  if (validationSteps !== null && validationData === undefined && split === 0) {
    throw argError(op, 'validationSteps', `${validationSteps} with neither validationData nor validationSplit`, 'given with validation data (it counts validation batches)');
  }
  const callbacks = CallbackList.forFit(args.callbacks, parseYieldEvery(op, args.yieldEvery), verbose);
  return {
    epochs,
    batchSize,
    shuffle: optionalBoolean(op, 'shuffle', args.shuffle, true),
    seed: args.seed,
    validationSplit: split,
    validationData,
    validationBatchSize: positiveIntArg(op, 'validationBatchSize', args.validationBatchSize, batchSize),
    callbacks,
    verbose,
    terminateOnNaN: optionalBoolean(op, 'terminateOnNaN', args.terminateOnNaN, true),
    initialEpoch,
    classWeight: args.classWeight,
    stepsPerEpoch: args.stepsPerEpoch === undefined ? null : positiveIntArg(op, 'stepsPerEpoch', args.stepsPerEpoch, 1),
    validationSteps,
  };
}
