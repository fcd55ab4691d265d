import type { Tensor } from '../tensor/tensor';
import { argError, checkKnownKeys, fmtValue, isPositiveInt, optionalBoolean } from '../util/validate';
import { CallbackList, type CustomCallbackArgs } from './callbacks';
import { parseYieldEvery, type YieldEveryOptions } from './yield';

export interface ModelFitArgs {
  epochs?: number;
  batchSize?: number;
  shuffle?: boolean;
  /** Seed for the shuffling order (default: the next seed of the process-wide sequence). */
  seed?: number;
  validationSplit?: number;
  validationData?: [Tensor, Tensor];
  callbacks?: CustomCallbackArgs | CustomCallbackArgs[];
  /** 0 silent, 1 a progress bar (in place on a TTY), 2 one line per epoch. */
  verbose?: 0 | 1 | 2;
  /** Stop with an error on a NaN or infinite loss, before applying that batch's update (default true). */
  terminateOnNaN?: boolean;
  /**
   * When fit yields to the event loop so that a page stays responsive, as TF.js: 'auto' (the default: at most
   * every 125 ms), 'batch', 'epoch', 'never', or a number of milliseconds.
   */
  yieldEvery?: YieldEveryOptions;
}

/** fit's arguments checked and with Keras's defaults filled in. */
export interface FitOptions {
  epochs: number;
  batchSize: number;
  shuffle: boolean;
  seed: number | undefined;
  validationSplit: number;
  validationData: unknown;
  callbacks: CallbackList;
  verbose: 0 | 1 | 2;
  terminateOnNaN: boolean;
  /** 'auto' resolved to its period. */
  yieldEvery: Exclude<YieldEveryOptions, 'auto'>;
}

const FIT_KEYS = ['epochs', 'batchSize', 'shuffle', 'seed', 'validationSplit', 'validationData', 'callbacks', 'verbose', 'terminateOnNaN', 'yieldEvery'];

export function positiveIntArg(op: string, arg: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (!isPositiveInt(v)) throw argError(op, arg, fmtValue(v), 'a positive integer');
  return v;
}

export function parseFitArgs(args: ModelFitArgs): FitOptions {
  const op = 'fit';
  checkKnownKeys(op, 'args', args, FIT_KEYS);
  const verbose = args.verbose ?? 1;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) throw argError(op, 'verbose', fmtValue(verbose), '0, 1 or 2');
  const split = args.validationSplit ?? 0;
  if (typeof split !== 'number' || !(split >= 0 && split < 1)) throw argError(op, 'validationSplit', fmtValue(split), 'a number in [0, 1)');
  if (args.seed !== undefined && !Number.isFinite(args.seed)) throw argError(op, 'seed', fmtValue(args.seed), 'a finite number');
  return {
    epochs: positiveIntArg(op, 'epochs', args.epochs, 1),
    batchSize: positiveIntArg(op, 'batchSize', args.batchSize, 32),
    shuffle: optionalBoolean(op, 'shuffle', args.shuffle, true),
    seed: args.seed,
    validationSplit: split,
    validationData: args.validationData,
    callbacks: new CallbackList(args.callbacks),
    verbose,
    terminateOnNaN: optionalBoolean(op, 'terminateOnNaN', args.terminateOnNaN, true),
    yieldEvery: parseYieldEvery(op, args.yieldEvery),
  };
}
