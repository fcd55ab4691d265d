import { getBackend } from '../backend/registry';
import { gatherRows, range } from '../data/batch';
import type { Layer } from '../layers/layer';
import { add, mul } from '../ops/binary';
import { cast, clone } from '../ops/cast';
import { stack } from '../ops/concat';
import { mean } from '../ops/reduction';
import { softmax } from '../ops/softmax';
import { variableGradsList } from '../ops/gradients';
import type { Tensor } from '../tensor/tensor';
import { keep } from '../tensor/scopes';
import { tidy } from '../tensor/tidy';
import type { Variable } from '../tensor/variable';
import { Random, nextDefaultSeed, randomSeedSet } from '../util/random';
import { shuffle } from '../util/tf-util';
import { argError } from '../util/validate';
import { History, type CallbackList, type CallbackModel, type HistoryParams, type Logs } from './callbacks';
import { BatchSums } from './batch-sums';
import { checkInputs, checkTargets, dataList, type Port } from './checks';
import { classWeightTensors, standardizeClassWeights } from './class-weights';
import { resolveMetrics, type Compiled } from './compile';
import { parseFitArgs, type FitOptions, type ModelFitArgs } from './fit-options';
import type { RunOptions } from './graph';
import { progressLogger } from './progress';

/** What the training loop needs of a model. */
export interface TrainableModel extends CallbackModel {
  readonly layers: Layer[];
  readonly trainableWeights: Variable[];
  /** The input and output ports (names, shapes without the batch dim, dtypes). */
  ports(op: string): { inputs: Port[]; outputs: Port[] };
  /** The model's outputs for inputs in its order. */
  run(xs: readonly Tensor[], options: RunOptions): Tensor[];
  /** Whether output i comes straight from a layer ending in a softmax that nothing else reads (so a loss may take its logits). */
  outputIsSoftmax(i: number): boolean;
  isTraining: boolean;
  /** The penalties of a training step, each counted as the model counts it (a shared layer's once per node). */
  calculateLosses(): Tensor[];
  /** Forgets the penalties the calls since the last step added. */
  takeLosses(): Tensor[];
}

function logitsFlags(model: TrainableModel, c: Compiled): boolean[] {
  return c.losses.map((l, i) => l.fromSoftmaxLogits && model.outputIsSoftmax(i));
}

/** The log names in TF.js's order: loss, each output's loss (several outputs), then each output's metrics (prefixed with several outputs). */
export function logNames(c: Compiled, outputs: readonly Port[]): string[] {
  const multi = outputs.length > 1;
  const metrics = resolveMetrics(c, outputs.map((p) => p.shape as number[]));
  return ['loss', ...(multi ? outputs.map((p) => `${p.name}_loss`) : []), ...metrics.flatMap((ms, i) => ms.map((m) => (multi ? `${outputs[i].name}_${m.name}` : m.name)))];
}

/** TF.js's getDedupedMetricsNames: each copy of a repeated name gets its index among them (`mse_0`, `mse_1`). */
export function dedupedNames(names: readonly string[]): string[] {
  return names.map((n, i) => {
    if (names.filter((m) => m === n).length === 1) return n;
    return `${n}_${names.slice(0, i).filter((m) => m === n).length}`;
  });
}

/**
 * The total loss: each output's loss times its weight, plus (when training) the model's penalties; also each output's
 * loss (none for one: its value is the total's, as TF.js logs it).
 */
function totalLoss(penalties: (() => Tensor[]) | null, c: Compiled, ys: readonly Tensor[], outs: readonly Tensor[], logits: readonly boolean[], weights: readonly (Tensor | null)[] | null): { total: Tensor; perOutput: Tensor[] } {
  let total: Tensor | null = null;
  const perOutput: Tensor[] = [];
  c.losses.forEach((loss, i) => {
    const li = loss.compute(ys[i], outs[i], logits[i], weights?.[i] ?? null);
    if (c.losses.length > 1) perOutput.push(li);
    const term = c.lossWeights[i] === 1 ? li : mul(li, c.lossWeights[i]);
    total = total ? add(total, term) : term;
  });
  if (penalties) for (const p of penalties()) total = add(total as unknown as Tensor, p);
  return { total: total as unknown as Tensor, perOutput };
}

/** Each output's metrics on its predictions (softmax applied where the loss took logits), as scalars. */
function metricTensors(c: Compiled, ys: readonly Tensor[], preds: readonly Tensor[], logits: readonly boolean[]): Tensor[] {
  const metrics = c.metrics as NonNullable<Compiled['metrics']>;
  return metrics.flatMap((ms, i) => {
    if (ms.length === 0) return [];
    const p = logits[i] ? softmax(preds[i]) : preds[i];
    return ms.map((m) => mean(m.fn(ys[i], p)));
  });
}

/**
 * The loss, each output's loss (several outputs) and the metrics, in logNames order, joined into one vector to be
 * read at once: on the gpu backend each read waits for all the work queued before it. Each value is widened to the
 * widest dtype among them (float64 only on cpu), so every value reads back exactly as it would alone.
 */
function stepValues(c: Compiled, ys: readonly Tensor[], outs: readonly Tensor[], logits: readonly boolean[], total: Tensor, perOutput: readonly Tensor[]): Tensor {
  const ts = [total, ...perOutput, ...metricTensors(c, ys, outs, logits)];
  const dtype = ts.some((t) => t.dtype === 'float64') ? 'float64' : 'float32';
  return stack(ts.map((t) => (t.dtype === dtype ? t : cast(t, dtype))));
}

/**
 * What every step of one fit (or one trainOnBatch) needs of the model and its compile settings, worked out once
 * rather than per batch; the trainable weights are those of when training starts, as TF.js's fit collects them.
 */
export interface StepPlan {
  readonly logits: readonly boolean[];
  readonly outputs: readonly Port[];
  /** logNames as the model's metricsNames gives them. */
  readonly labels: readonly string[];
  /** The labels deduplicated: the keys of fit's logs, History and params.metrics, as TF.js's. */
  readonly names: readonly string[];
  /** Whether the logs hold metrics (the step then keeps the outputs for them). */
  readonly wantMetrics: boolean;
  readonly layers: readonly Layer[];
  readonly weights: Variable[];
  /** The weights compile collected that are frozen now: no step, but their optimizer slots, as TF.js makes them. */
  readonly frozen: Variable[];
}

export function stepPlan(model: TrainableModel, c: Compiled): StepPlan {
  const { outputs } = model.ports('fit');
  const labels = logNames(c, outputs);
  const wantMetrics = labels.length > 1 + (outputs.length > 1 ? outputs.length : 0);
  const weights = c.collectedWeights.filter((v) => v.trainable);
  if (weights.length === 0) {
    throw new Error(`training: none of the ${c.collectedWeights.length} weights compile collected is trainable now (model.trainable or a layer's trainable was set to false after compile); TF.js refuses this too`);
  }
  const frozen = c.collectedWeights.filter((v) => !v.trainable);
  return { logits: logitsFlags(model, c), outputs, labels, names: dedupedNames(labels), wantMetrics, layers: model.layers, weights, frozen };
}

/** The logs of a step: its values under the plan's (deduplicated) names. */
export function stepLogs(plan: StepPlan, values: readonly number[]): Logs {
  return Object.fromEntries(plan.names.map((n, i) => [n, values[i]]));
}

/**
 * One optimizer step on a batch: the loss, each output's loss (several outputs) and the metrics, in logNames order.
 * The update is skipped (and an error thrown) when the loss is not finite and terminateOnNaN. The values are read
 * once, after the backward pass is queued: on the gpu backend a read before it would wait for the forward pass.
 */
export function trainStep(model: TrainableModel, c: Compiled, plan: StepPlan, xs: readonly Tensor[], ys: readonly Tensor[], weights: (Tensor | null)[] | null, terminateOnNaN: boolean, where: string): number[] {
  const { logits, labels, wantMetrics, layers } = plan;
  // Kept past the gradient scope for the logs, as clones (ours to dispose, whatever the model or a loss hands back):
  // the metrics are computed once the backward pass is queued.
  let outs: Tensor[] = [];
  let perOutput: Tensor[] = [];
  let value: Tensor | null = null;
  let grads: Map<Variable, Tensor> | null = null;
  let joined: Tensor | null = null;
  model.takeLosses();
  try {
    ({ value, grads } = variableGradsList(() => {
      const run = model.run(xs, { training: true, logits });
      const r = totalLoss(() => model.calculateLosses(), c, ys, run, logits, weights);
      if (wantMetrics) outs = run.map((o) => keep(clone(o)));
      perOutput = r.perOutput.map((l) => keep(clone(l)));
      return r.total;
    }, plan.weights));
    const total = value;
    if (labels.length > 1) joined = tidy(() => stepValues(c, ys, outs, logits, total, perOutput));
    const values = Array.from((joined ?? value).hostValues());
    const loss = values[0];
    if (!Number.isFinite(loss) && terminateOnNaN) {
      throw new Error(`fit: the loss became ${loss} at ${where}; that batch's update was not applied (pass terminateOnNaN: false to continue regardless)`);
    }
    const update = grads;
    tidy(() => c.optimizer.applyGradientMap(update, true));
    // After the others, as TF.js lists a frozen variable's null gradient after the trainable ones'.
    if (plan.frozen.length > 0) c.optimizer.prepareSlots(plan.frozen);
    tidy(() => {
      for (const l of layers) l.applyConstraints();
    });
    return values;
  } finally {
    for (const t of [value, joined, ...outs, ...perOutput, ...(grads?.values() ?? [])]) t?.dispose();
  }
}

/** Loss (without penalties, as TF.js's test function) and metrics of one batch, in logNames order. */
export function evaluateBatch(model: TrainableModel, c: Compiled, xs: readonly Tensor[], ys: readonly Tensor[]): number[] {
  const logits = logitsFlags(model, c);
  return tidy(() => {
    const outs = model.run(xs, { training: false, logits });
    const { total, perOutput } = totalLoss(null, c, ys, outs, logits, null);
    return Array.from(stepValues(c, ys, outs, logits, total, perOutput).hostValues());
  });
}

/**
 * evaluateBatch over a dataset in batches, averaged weighted by batch size as TF.js's testLoop averages; with `steps`,
 * over its first `steps` batches only.
 */
export function evaluateValues(model: TrainableModel, c: Compiled, xs: readonly Tensor[], ys: readonly Tensor[], batchSize: number, steps: number | null = null): number[] {
  const { outputs } = model.ports('evaluate');
  const n = Math.min(xs[0].shape[0], (steps ?? Infinity) * batchSize);
  const order = range(n);
  const sums = new BatchSums(outputs[0].dtype, logNames(c, outputs).length);
  for (let begin = 0; begin < n; begin += batchSize) {
    const end = Math.min(n, begin + batchSize);
    const values = tidy(() => evaluateBatch(model, c, xs.map((x) => gatherRows(x, order, begin, end)), ys.map((y) => gatherRows(y, order, begin, end))));
    sums.add(values, end - begin);
  }
  return sums.divided();
}

/** Rejects a second training call on a model whose fit is running (as TF.js), before anything else. */
export function assertNotTraining(op: string, model: TrainableModel): void {
  if (model.isTraining) throw new Error(`${op}: Cannot start training because another fit() call is ongoing. Await it first.`);
}

/** An empty History with TF.js's params; its metrics name the validation values after the training ones. */
export function newHistory(names: readonly string[], params: Omit<HistoryParams, 'metrics'>): History {
  const history = new History();
  history.setParams({ ...params, metrics: [...names, ...(params.doValidation ? names.map((k) => `val_${k}`) : [])] });
  return history;
}

/**
 * An epoch's logs: the validation values first (as TF.js's epoch logs, and so the History's keys) under `valNames`,
 * then the batches' values averaged by their sizes.
 */
export function epochLogs(names: readonly string[], valScores: readonly number[] | null, sums: BatchSums, valNames = names): Logs {
  const logs: Logs = {};
  // A name repeated in valNames keeps its first place and its last value, as TF.js's assignments do.
  if (valScores) valNames.forEach((k, i) => (logs[`val_${k}`] = valScores[i]));
  if (sums.samples > 0) sums.scaled().forEach((v, i) => (logs[names[i]] = v));
  return logs;
}

/** Ends an epoch: the callbacks get its logs, then the History records them, as TF.js's History is the last callback. */
export async function endEpoch(callbacks: CallbackList, history: History, epoch: number, logs: Logs): Promise<void> {
  await callbacks.call('onEpochEnd', epoch, logs);
  history.onEpochEnd(epoch, logs);
}

/** model.fit: checks every argument, then trains for the epochs; resolves to the History. */
export async function fit(model: TrainableModel, c: Compiled, x: unknown, y: unknown, args: ModelFitArgs): Promise<History> {
  const op = 'fit';
  assertNotTraining(op, model);
  const o = parseFitArgs(args ?? {});
  const { inputs, outputs } = model.ports(op);
  // The columns, split and weight tensors fit makes are freed when it ends, as TF.js's fit frees its own.
  const owned: Tensor[] = [];
  let xs: Tensor[];
  let ys: Tensor[];
  let n: number;
  let val: [Tensor[], Tensor[]] | null = null;
  let weights: (Tensor | null)[] | null;
  try {
    const outputNames = outputs.map((p) => p.name);
    const classWeight = standardizeClassWeights(op, o.classWeight, outputNames);
    xs = dataList(op, 'x', x, inputs, 'inputs', owned);
    n = checkInputs(op, 'x', xs, inputs);
    ys = dataList(op, 'y', y, outputs, 'outputs', owned);
    checkTargets(op, 'y', c, ys, n, outputs);
    // From all of y, as TF.js finds them: a class only in the part validationSplit keeps back needs its weight too.
    weights = classWeight ? classWeightTensors(op, ys, classWeight, outputNames) : null;
    for (const w of weights ?? []) if (w) owned.push(w);
    if (o.validationData !== undefined) {
      const vd = o.validationData;
      // A third item (validation sample weights) is refused, as TF.js refuses it, rather than ignored.
      if (!Array.isArray(vd) || vd.length !== 2) throw argError(op, 'validationData', Array.isArray(vd) ? `an array of ${vd.length} items` : typeof vd, 'a pair [xVal, yVal] (sample weights are not supported)');
      const vx = dataList(op, 'validationData[0]', vd[0], inputs, 'inputs', owned);
      const vn = checkInputs(op, 'validationData[0]', vx, inputs);
      const vy = dataList(op, 'validationData[1]', vd[1], outputs, 'outputs', owned);
      checkTargets(op, 'validationData[1]', c, vy, vn, outputs);
      val = [vx, vy];
    }
    if (!val && o.validationSplit > 0) {
      const nTrain = Math.floor(n * (1 - o.validationSplit));
      if (nTrain === 0 || nTrain === n) throw argError(op, 'validationSplit', String(o.validationSplit), `a fraction leaving samples on both sides of ${n}`);
      val = [xs.map((t) => t.slice(nTrain)), ys.map((t) => t.slice(nTrain))];
      xs = xs.map((t) => t.slice(0, nTrain));
      ys = ys.map((t) => t.slice(0, nTrain));
      weights = weights && weights.map((w) => w && w.slice(0, nTrain));
      n = nTrain;
      owned.push(...val[0], ...val[1], ...xs, ...ys);
      for (const w of weights ?? []) if (w) owned.push(w);
    }
  } catch (e) {
    for (const t of owned) t.dispose();
    throw e;
  }
  // TF.js's fit hint (checkTrainableWeightsConsistency) for a trainable flag changed since compile: the training
  // still updates only what compile collected, of which a weight frozen since then is left out.
  if (model.trainableWeights.length !== c.collectedWeights.length) {
    console.warn('Discrepancy between trainableweights and collected trainable weights. Did you set `model.trainable` without calling `model.compile()` afterwards?');
  }
  const plan = stepPlan(model, c);
  const names = plan.names;
  const valBatches = val ? Math.ceil(val[0][0].shape[0] / o.validationBatchSize) : 0;
  if (o.validationSteps !== null && o.validationSteps > valBatches) {
    console.warn(`${op}: validationSteps is ${o.validationSteps}, but the validation data makes ${valBatches} batches of ${o.validationBatchSize}; validating on those`);
  }

  const steps = o.stepsPerEpoch ?? Math.ceil(n / o.batchSize);
  // TF.js shuffles one index array in place at every epoch with Math.random (util.shuffle); a fit seed, or
  // setRandomSeed, draws each pass's order afresh from tessera's stream instead.
  const rng = o.seed !== undefined || randomSeedSet() ? new Random(o.seed ?? nextDefaultSeed()) : null;
  // TF.js's params: steps is the stepsPerEpoch given (null without one).
  const history = newHistory(names, { epochs: o.epochs, initialEpoch: o.initialEpoch, samples: n, steps: o.stepsPerEpoch, batchSize: o.batchSize, verbose: o.verbose, doValidation: val !== null });
  const progress = progressLogger(o.verbose, o.epochs, steps, getBackend());
  const callbacks = o.callbacks;
  try {
    await trainingRun(model, o, history.params, async () => {
      let order = range(n);
      let cursor = n;
      for (let epoch = o.initialEpoch; epoch < o.epochs && !model.stopTraining; epoch++) {
        await callbacks.call('onEpochBegin', epoch, {});
        progress?.epochBegin(epoch);
        if (o.stepsPerEpoch === null) cursor = n;
        const sums = new BatchSums(plan.outputs[0].dtype, names.length);
        let valScores: number[] | null = null;
        // As TF.js's fitLoop: stopTraining is read after each batch, so an epoch always trains at least one.
        for (let step = 0; step < steps; step++) {
          if (cursor >= n) {
            if (rng) {
              order = range(n);
              if (o.shuffle) rng.shuffle(order);
            } else if (o.shuffle) shuffle(order);
            cursor = 0;
          }
          const begin = cursor;
          const end = Math.min(n, begin + o.batchSize);
          cursor = end;
          // As TF.js: onBatchBegin gets empty logs, which then take batch, size and the step's values for onBatchEnd and
          // onYield (one object: a hook that kept it from onBatchBegin sees them).
          const batchLogs: Logs = {};
          if (callbacks.has('onBatchBegin')) await callbacks.call('onBatchBegin', step, batchLogs);
          const xb = xs.map((t) => gatherRows(t, order, begin, end));
          const yb = ys.map((t) => gatherRows(t, order, begin, end));
          const wb = weights ? weights.map((t) => t && gatherRows(t, order, begin, end)) : null;
          let values: number[];
          try {
            values = trainStep(model, c, plan, xb, yb, wb, o.terminateOnNaN, `epoch ${epoch + 1}, batch ${step + 1}`);
          } finally {
            for (const t of [...xb, ...yb, ...(wb ?? [])]) t?.dispose();
          }
          sums.add(values, end - begin);
          if (progress) progress.batchEnd(step + 1, stepLogs(plan, sums.scaled()));
          // As TF.js: validation runs within the epoch's last batch, before its onBatchEnd; an epoch stopped
          // earlier ends unvalidated.
          if (val && step === steps - 1) valScores = evaluateValues(model, c, val[0], val[1], o.validationBatchSize, o.validationSteps);
          Object.assign(batchLogs, { batch: step, size: end - begin, ...stepLogs(plan, values) });
          if (callbacks.has('onBatchEnd')) await callbacks.call('onBatchEnd', step, batchLogs);
          if (model.stopTraining) break;
        }
        const logs = epochLogs(names, valScores, sums);
        progress?.epochEnd(logs);
        await endEpoch(callbacks, history, epoch, logs);
      }
    });
  } finally {
    for (const t of owned) t.dispose();
  }
  return history;
}

/**
 * What fit and fitDataset share around their epochs: the callbacks get the model, the params and onTrainBegin, `epochs` runs
 * (the callbacks yield to the event loop from their hooks), then onTrainEnd; the model reads as training until the
 * run returns or throws.
 */
export async function trainingRun(model: TrainableModel, o: Pick<FitOptions, 'callbacks'>, params: HistoryParams, epochs: () => Promise<void>): Promise<void> {
  const callbacks = o.callbacks;
  // Params first, as TF.js: a callback's setModel may read them.
  callbacks.setParams(params);
  callbacks.setModel(model);
  model.isTraining = true;
  try {
    await callbacks.call('onTrainBegin', {});
    // After onTrainBegin, as TF.js: a stop asked for there (or left from an earlier run) is dropped.
    model.stopTraining = false;
    await epochs();
    await callbacks.call('onTrainEnd', {});
  } finally {
    model.isTraining = false;
  }
}
