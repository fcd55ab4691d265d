import type { Tensor } from '../tensor/tensor';
import { mul } from '../ops/binary';
import { cappedSparseSoftmaxCrossEntropy, checkSparseLabels } from '../ops/cross-entropy';
import { mean } from '../ops/reduction';
import { tidy } from '../tensor/tidy';
import { argError, fmtShape, fmtValue } from '../util/validate';
import { assertClasses, categoricalCrossentropy, categoricalCrossentropyFromLogits, crossEntropyCap, lossFunctions, oneHotLike, sparseCategoricalCrossentropy, type LossOrMetricFn } from './loss-functions';

export interface Loss {
  /** The name it was given (a tfjs-layers loss name) or the custom function's name. */
  readonly name: string;
  /** The function it computes per sample, as tfjs-layers's loss functions. */
  readonly fn: LossOrMetricFn;
  /**
   * When the model's output comes from a softmax, the loss takes its logits instead (stable and fused), with the
   * values and gradients of tfjs-layers's clipped probabilities.
   */
  readonly fromSoftmaxLogits: boolean;
  /** Throws when yTrue cannot be a target for predictions of shape predShape ([batch, ...]). */
  checkTargets(op: string, arg: string, yTrue: Tensor, predShape: readonly number[]): void;
  /** Mean loss over the batch (each sample's loss times its weight when weights are given); `logits` says yPred is pre-softmax. */
  compute(yTrue: Tensor, yPred: Tensor, logits: boolean, weights?: Tensor | null): Tensor;
}

function sameShape(op: string, arg: string, yTrue: Tensor, predShape: readonly number[]): void {
  if (yTrue.shape.length !== predShape.length || yTrue.shape.some((d, i) => d !== predShape[i])) {
    throw argError(op, arg, `shape ${fmtShape(yTrue.shape)}`, `shape ${fmtShape(predShape)} to match the model's output`);
  }
}

/** The mean of per-sample losses, each times its sample's weight. */
export function weightedMean(perSample: Tensor, weights?: Tensor | null): Tensor {
  if (!weights) return mean(perSample);
  const w = perSample.rank > 1 ? weights.reshape([weights.size, ...perSample.shape.slice(1).map(() => 1)]) : weights;
  return mean(mul(perSample, w));
}

/** The labels as one id per row of predictions where they hold as many ([n, 1] and [batch, steps] ones too), else as given. */
function sparseLabels(yTrue: Tensor, rows: number): Tensor {
  return yTrue.rank > 1 && yTrue.size === rows ? yTrue.reshape([-1]) : yTrue;
}

function plain(name: string, fn: LossOrMetricFn): Loss {
  return {
    name,
    fn,
    fromSoftmaxLogits: false,
    checkTargets: sameShape,
    compute: (yTrue, yPred, _logits, weights) => weightedMean(fn(yTrue, yPred), weights),
  };
}

const special: Record<string, (name: string) => Loss> = {
  sparseCategoricalCrossentropy: (name) => ({
    name,
    fn: sparseCategoricalCrossentropy,
    fromSoftmaxLogits: true,
    checkTargets(op, arg, yTrue, predShape) {
      if (predShape.length < 2) throw argError(op, 'loss', `a model output of shape ${fmtShape(predShape)}`, 'an output of shape [batch, ..., classes] for sparseCategoricalCrossentropy');
      assertClasses(op, 'the model output for sparseCategoricalCrossentropy', predShape as number[]);
      // As TF.js flattens the labels: one class id per row of classes, a sequence's ([batch, steps, classes]) too.
      const rows = predShape.slice(0, -1).reduce((a, b) => a * b, 1);
      // TF.js checks a target's rank against the output's: a sequence's ids come as [batch, steps, 1].
      if (predShape.length > 2 && yTrue.rank !== predShape.length) throw argError(op, arg, `shape ${fmtShape(yTrue.shape)}`, `shape ${fmtShape([...predShape.slice(0, -1), 1])} of class ids, one per row of the model's output ${fmtShape(predShape)}`);
      // The labels' flat view is made only for the check.
      tidy(() => checkSparseLabels(op, sparseLabels(yTrue, rows), rows, predShape[predShape.length - 1]));
      if (arg !== 'y' && yTrue.rank > predShape.length) throw argError(op, arg, `shape ${fmtShape(yTrue.shape)}`, `shape ${fmtShape(predShape.slice(0, -1))} of class ids`);
    },
    compute(yTrue, yPred, logits, weights) {
      if (logits && !weights) {
        const rows = yPred.reshape([-1, yPred.shape[yPred.rank - 1]]);
        return cappedSparseSoftmaxCrossEntropy(sparseLabels(yTrue, rows.shape[0]), rows, crossEntropyCap(yPred.dtype));
      }
      if (logits) return weightedMean(categoricalCrossentropyFromLogits(oneHotLike('sparseCategoricalCrossentropy', yTrue, yPred), yPred), weights);
      return weightedMean(sparseCategoricalCrossentropy(yTrue, yPred), weights);
    },
  }),
  categoricalCrossentropy: (name) => ({
    name,
    fn: categoricalCrossentropy,
    fromSoftmaxLogits: true,
    checkTargets(op, arg, yTrue, predShape) {
      // As TF.js: a single column (0/1 targets meant for binaryCrossentropy) would train silently at a loss of 0.
      if (yTrue.shape[yTrue.rank - 1] === 1) {
        throw new Error(`You are passing a target array of shape ${yTrue.shape} while using a loss 'categorical_crossentropy'. 'categorical_crossentropy'expects targets to be binary matrices (1s and 0s) of shape [samples, classes]. (${op}: ${arg}; for 0/1 targets of one unit, use binaryCrossentropy)`);
      }
      sameShape(op, arg, yTrue, predShape);
    },
    compute: (yTrue, yPred, logits, weights) => weightedMean(logits ? categoricalCrossentropyFromLogits(yTrue, yPred) : categoricalCrossentropy(yTrue, yPred), weights),
  }),
};

const knownNames = () => Object.keys(lossFunctions).map((n) => `'${n}'`).join(', ');

/**
 * The name tfjs-layers logs a loss or metric function under: its key in the tables, else the function's own name
 * ('' for an inline arrow function, so its logs are '' and 'val_', as in TF.js).
 */
export function functionName(fn: LossOrMetricFn, tables: Record<string, LossOrMetricFn>[]): string {
  for (const table of tables) for (const [k, v] of Object.entries(table)) if (v === fn) return k;
  return fn.name;
}

/** A loss from a tfjs-layers name or a function (yTrue, yPred) => per-sample or mean loss. */
export function getLoss(op: string, spec: unknown, arg = 'loss'): Loss {
  if (typeof spec === 'function') {
    const fn = spec as LossOrMetricFn;
    const name = functionName(fn, [lossFunctions]);
    const maker = Object.hasOwn(special, name) && lossFunctions[name] === fn ? special[name] : undefined;
    if (maker) return maker(name);
    return {
      ...plain(name, fn),
      // As TF.js: fit, evaluate and trainOnBatch hold a function's targets to the output's shape (sparse ids only by
      // name), while fitDataset and evaluateDataset check none, so a function may read [n, 1] class ids there.
      checkTargets: (op, arg, yTrue, predShape) => {
        if (!op.endsWith('Dataset')) sameShape(op, arg, yTrue, predShape);
      },
    };
  }
  if (typeof spec !== 'string' || !Object.hasOwn(lossFunctions, spec)) throw argError(op, arg, fmtValue(spec), `a loss function or one of ${knownNames()}`);
  const fn = lossFunctions[spec];
  const canonical = functionName(fn, [lossFunctions]);
  return Object.hasOwn(special, canonical) ? special[canonical](spec) : plain(spec, fn);
}

export function isSparseCrossentropy(loss: Loss): boolean {
  return loss.fn === sparseCategoricalCrossentropy;
}

export function isBinaryCrossentropy(loss: Loss): boolean {
  return loss.fn === lossFunctions.binaryCrossentropy;
}
