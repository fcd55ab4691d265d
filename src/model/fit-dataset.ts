import { getBackend } from '../backend/registry';
import type { Dataset, DatasetIterator } from '../data/dataset';
import type { Tensor } from '../tensor/tensor';
import { tensorsIn } from '../tensor/tidy';
import { argError, fmtValue, optionsArg } from '../util/validate';
import type { History, Logs } from './callbacks';
import { BatchSums } from './batch-sums';
import { checkInputs, checkTargets, dataList } from './checks';
import { classWeightTensors, standardizeClassWeights } from './class-weights';
import type { Compiled } from './compile';
import { parseFitArgs, type ModelFitArgs, type TensorOrArrayOrMap } from './fit-options';
import { ProgressLogger } from './progress';
import { assertNotTraining, endEpoch, epochLogs, evaluateBatch, evaluateValues, logNames, newHistory, stepLogs, stepPlan, trainingRun, trainStep, type TrainableModel } from './training';

/** Options of model.fitDataset, as TF.js's ModelFitDatasetArgs. */
export interface ModelFitDatasetArgs<T = unknown> {
  epochs: number;
  /** Batches per epoch; without it each epoch is one full pass over the dataset. */
  batchesPerEpoch?: number;
  initialEpoch?: number;
  verbose?: 0 | 1 | 2;
  callbacks?: ModelFitArgs['callbacks'];
  /** A dataset of {xs, ys} batches, or a pair [xVal, yVal] of tensors. */
  validationData?: Dataset<T> | [TensorOrArrayOrMap, TensorOrArrayOrMap];
  /** Batches of a validation dataset to use (all without it). */
  validationBatches?: number;
  validationBatchSize?: number;
  yieldEvery?: ModelFitArgs['yieldEvery'];
  /** As fit's: weights of each batch's samples by their class. */
  classWeight?: ModelFitArgs['classWeight'];
}

/** Options of model.evaluateDataset. */
export interface ModelEvaluateDatasetArgs {
  /** Batches to evaluate (all without it). */
  batches?: number;
  verbose?: 0;
}

const positive = (op: string, arg: string, v: unknown): number | null => {
  if (v === undefined) return null;
  if (!Number.isInteger(v) || (v as number) <= 0) throw argError(op, arg, fmtValue(v), 'a positive integer');
  return v as number;
};

/** One batch of a dataset as input and target lists: an {xs, ys} object (tensors, arrays or maps of them), as TF.js takes it. */
/** After a batch's step: the tensors made from it, and, as TF.js, the batch's own (the dataset hands each out once). */
function disposeBatch(made: Tensor[], batch: unknown): void {
  for (const t of made) t.dispose();
  for (const t of tensorsIn(batch)) t.dispose();
}

function batchOf(op: string, model: TrainableModel, c: Compiled, value: unknown, made: Tensor[]): { xs: Tensor[]; ys: Tensor[]; n: number } {
  const pair = value;
  if (pair === null || typeof pair !== 'object' || Array.isArray(pair) || !('xs' in pair) || !('ys' in pair)) {
    throw argError(op, 'dataset element', fmtValue(value), 'an object {xs, ys} of batched tensors (arrays or maps of tensors for several inputs or outputs)');
  }
  const { inputs, outputs } = model.ports(op);
  const xs = dataList(op, 'xs', pair.xs, inputs, 'inputs', made);
  const n = checkInputs(op, 'xs', xs, inputs);
  const ys = dataList(op, 'ys', pair.ys, outputs, 'outputs', made);
  checkTargets(op, 'ys', c, ys, n, outputs);
  return { xs, ys, n };
}

/** Loss and metrics over a dataset's batches (the first `batches` of them), weighted by batch size, as evaluateDataset. */
export async function evaluateDatasetValues(op: string, model: TrainableModel, c: Compiled, dataset: Dataset, batches: number | null): Promise<number[]> {
  const it = await dataset.iterator();
  const { outputs } = model.ports(op);
  const sums = new BatchSums(outputs[0].dtype, logNames(c, outputs).length);
  for (let b = 0; batches === null || b < batches; ) {
    const r = await it.next();
    // As TF.js, a batch that comes with done (a generator's last {value, done: true}) counts too.
    if (r.value) {
      const made: Tensor[] = [];
      try {
        const { xs, ys, n } = batchOf(op, model, c, r.value, made);
        // As TF.js: each batch is evaluated whole.
        sums.add(evaluateBatch(model, c, xs, ys), n);
        b++;
      } finally {
        disposeBatch(made, r.value);
      }
    }
    if (r.done) {
      // TF.js's words, its typo included.
      if (batches !== null) console.warn(`Your dataset iterator ran out of data during evaluateDataset(). Interrupting evalution. Make sure that your dataset can generate at least \`batches\` batches (in this case, ${batches} batches). You may need to use the repeat() function when building your dataset.`);
      break;
    }
  }
  if (sums.samples === 0) throw new Error(`${op}: the dataset gave no batches to evaluate`);
  return sums.divided();
}

/** model.fitDataset: trains on the batches a dataset gives, epoch by epoch, as TF.js; resolves to the History. */
export async function fitDataset(model: TrainableModel, c: Compiled, dataset: Dataset, given: ModelFitDatasetArgs): Promise<History> {
  const op = 'fitDataset';
  assertNotTraining(op, model);
  if (given === null || typeof given !== 'object') throw argError(op, 'args', fmtValue(given), 'an object {epochs, batchesPerEpoch?, validationData?, callbacks?, ...}');
  // TF.js's words: the option is fit's, and a dataset has no rows to split off.
  if ((given as { validationSplit?: unknown }).validationSplit != null) throw new Error('`validationSplit` is not supported by `fitDataset()`. Use validationData instead.');
  const args = optionsArg(op, 'args', given, ['epochs', 'batchesPerEpoch', 'initialEpoch', 'verbose', 'callbacks', 'validationData', 'validationBatches', 'validationBatchSize', 'yieldEvery', 'classWeight']);
  if (!Number.isInteger(args.epochs) || args.epochs <= 0) throw argError(op, 'epochs', fmtValue(args.epochs), 'a positive integer');
  const batchesPerEpoch = positive(op, 'batchesPerEpoch', args.batchesPerEpoch);
  const validationBatches = positive(op, 'validationBatches', args.validationBatches);
  const o = parseFitArgs({ epochs: args.epochs, initialEpoch: args.initialEpoch, verbose: args.verbose, callbacks: args.callbacks, yieldEvery: args.yieldEvery, validationBatchSize: args.validationBatchSize }, op);
  const vd = args.validationData;
  const valDataset = vd !== undefined && !Array.isArray(vd) ? (vd as Dataset) : null;
  if (vd !== undefined && !valDataset && (!Array.isArray(vd) || vd.length !== 2)) throw argError(op, 'validationData', fmtValue(vd), 'a Dataset or a pair [xVal, yVal]');
  const plan = stepPlan(model, c);
  const outputNames = plan.outputs.map((p) => p.name);
  const classWeight = standardizeClassWeights(op, args.classWeight, outputNames);
  const names = plan.names;
  // TF.js's params: initialEpoch always null (its fitDataset passes none, whatever was given), steps from batchesPerEpoch or the dataset's size.
  const steps = batchesPerEpoch ?? (dataset.size !== null && Number.isFinite(dataset.size) ? dataset.size : null);
  const history = newHistory(names, { epochs: o.epochs, initialEpoch: null, samples: null, steps, batchSize: null, verbose: o.verbose, doValidation: vd !== undefined });
  // fit's progress line, at fit's verbose levels.
  const progress = o.verbose > 0 ? new ProgressLogger(o.epochs, steps, getBackend(), o.verbose === 1) : null;
  const callbacks = o.callbacks;
  await trainingRun(model, o, history.params, async () => {
    // As TF.js: a pass is opened before the first epoch; with batchesPerEpoch, epochs go on through it, and without,
    // every epoch opens its own, the first one's left unread (a seeded shuffle's passes, a generator's calls, as TF.js).
    let it: DatasetIterator<unknown> = await dataset.iterator();
    for (let epoch = o.initialEpoch; epoch < o.epochs && !model.stopTraining; epoch++) {
      await callbacks.call('onEpochBegin', epoch, {});
      progress?.epochBegin(epoch);
      if (batchesPerEpoch === null) it = await dataset.iterator();
      const sums = new BatchSums(plan.outputs[0].dtype, names.length);
      let valScores: number[] | null = null;
      let step = 0;
      // As TF.js: stopTraining is read after each batch, so an epoch always reads at least one.
      for (;;) {
        const r = await it.next();
        // As TF.js: with batchesPerEpoch, a dataset that runs out ends the epoch unvalidated, and every later epoch
        // the same way; without it, the end of the dataset ends the epoch, after the batch that came with done.
        if (r.done && batchesPerEpoch !== null) {
          console.warn(`You provided \`batchesPerEpoch\` as ${batchesPerEpoch}, but your dataset iterator ran out of data after ${step} batches; interrupting training. Make sure that your dataset can generate at least \`batchesPerEpoch * epochs\` batches (in this case, ${batchesPerEpoch * o.epochs} batches). You may need to use the repeat() function when building your dataset.`);
          break;
        }
        if (r.value != null) {
          const made: Tensor[] = [];
          let values: number[];
          let batchLogs: Logs;
          try {
            const batch = batchOf(op, model, c, r.value, made);
            // As TF.js: onBatchBegin gets the batch's index and size, and the same logs get the step's values for onBatchEnd and onYield.
            batchLogs = { batch: step, size: batch.n };
            if (callbacks.has('onBatchBegin')) await callbacks.call('onBatchBegin', step, batchLogs);
            const weights = classWeight ? classWeightTensors(op, batch.ys, classWeight, outputNames) : null;
            for (const w of weights ?? []) if (w) made.push(w);
            values = trainStep(model, c, plan, batch.xs, batch.ys, weights, true, `epoch ${epoch + 1}, batch ${step + 1}`);
          } finally {
            disposeBatch(made, r.value);
          }
          sums.add(values, batchLogs.size);
          if (progress) progress.batchEnd(step + 1, stepLogs(plan, sums.scaled()));
          Object.assign(batchLogs, stepLogs(plan, values));
          if (callbacks.has('onBatchEnd')) await callbacks.call('onBatchEnd', step, batchLogs);
          step++;
        }
        // As TF.js: the epoch is validated only when it ends whole (its batchesPerEpoch, or the dataset's end) before stopTraining is read.
        if (batchesPerEpoch !== null ? step >= batchesPerEpoch : r.done) {
          if (vd !== undefined) {
            valScores = valDataset ? await evaluateDatasetValues(op, model, c, valDataset, validationBatches)
              : validationScores(op, model, c, vd as [TensorOrArrayOrMap, TensorOrArrayOrMap], o.validationBatchSize);
          }
          break;
        }
        if (model.stopTraining) break;
      }
      // As TF.js: the validation keys come from metricsNames, not deduplicated as the batches' are.
      const logs = epochLogs(names, valScores, sums, plan.labels);
      progress?.epochEnd(logs, step);
      await endEpoch(callbacks, history, epoch, logs);
    }
  });
  return history;
}

function validationScores(op: string, model: TrainableModel, c: Compiled, [x, y]: [TensorOrArrayOrMap, TensorOrArrayOrMap], batchSize: number): number[] {
  const made: Tensor[] = [];
  try {
    const { xs, ys } = batchOf(op, model, c, { xs: x, ys: y }, made);
    return evaluateValues(model, c, xs, ys, batchSize);
  } finally {
    for (const t of made) t.dispose();
  }
}
