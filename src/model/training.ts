import { getBackend } from '../backend/registry';
import { gatherRows, range } from '../data/batch';
import type { Layer } from '../layers/layer';
import { variableGradsList } from '../ops/gradients';
import type { Tensor, FloatArray } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import type { Variable } from '../tensor/variable';
import { Random, nextDefaultSeed } from '../util/random';
import { argError } from '../util/validate';
import type { History, Logs } from './callbacks';
import { checkInput, checkTargets } from './checks';
import type { Compiled } from './compile';
import { parseFitArgs, type ModelFitArgs } from './fit-options';
import { ProgressLogger } from './progress';
import { applyConstraints, withRegularization } from './regularization';
import { Yielder } from './yield';

/** What the training loop needs of a model: its layers in order, its trainable weights, and the flag that stops fit. */
export interface TrainableModel {
  readonly layers: Layer[];
  readonly trainableWeights: Variable[];
  stopTraining: boolean;
  /** True while a fit runs: a second fit or a trainOnBatch is rejected meanwhile (fit yields, so they could interleave). */
  isTraining: boolean;
}

/**
 * The layers applied in order; with `logits`, the last layer leaves out its softmax. Inference may run a layer
 * and the next as one op (conv + relu + max-pool); training keeps them apart.
 */
export function forward(layers: readonly Layer[], x: Tensor, training: boolean, logits: boolean): Tensor {
  let y = x;
  // The mask a layer (embedding with maskZero, masking) puts on its output, passed on while layers keep it.
  let mask: Tensor | null = null;
  for (let i = 0; i < layers.length; i++) {
    const fused = training || mask || i + 1 === layers.length ? null : layers[i].applyWithNext(y, layers[i + 1]);
    if (fused) {
      y = fused;
      i++;
    } else {
      const input = y;
      y = layers[i].apply(input, { training, logits: logits && i === layers.length - 1, mask });
      mask = layers[i].computeMask(input, mask);
    }
  }
  return y;
}

/** Whether the loss takes the logits of a final softmax rather than its probabilities. */
function useLogits(layers: readonly Layer[], c: Compiled): boolean {
  const last = layers[layers.length - 1];
  return c.loss.fromSoftmaxLogits && last !== undefined && last.endsInSoftmax();
}

/** One optimizer step on a batch; the update is skipped (and an error thrown) when the loss is not finite and terminateOnNaN. */
export function trainStep(model: TrainableModel, c: Compiled, xb: Tensor, yb: Tensor, terminateOnNaN: boolean, where: string): Logs {
  const layers = model.layers;
  const logits = useLogits(layers, c);
  let predictions = null as FloatArray | null;
  const { value, grads } = variableGradsList(() => {
    const out = forward(layers, xb, true, logits);
    // A copy: out's values may be reused once the step's tensors are disposed, before the metrics read them.
    if (c.metrics.length) predictions = out.dataSync();
    return withRegularization(c.loss.compute(yb, out, logits), layers);
  }, model.trainableWeights);
  const loss = value.hostValues()[0];
  value.dispose();
  try {
    if (!Number.isFinite(loss) && terminateOnNaN) {
      throw new Error(`fit: the loss became ${loss} at ${where}; that batch's update was not applied (pass terminateOnNaN: false to continue regardless)`);
    }
    tidy(() => {
      c.optimizer.applyGradients(grads);
      applyConstraints(layers);
    });
  } finally {
    for (const g of grads.values()) g.dispose();
  }
  const logs: Logs = { loss };
  if (predictions) for (const m of c.metrics) logs[m.name] = m.compute(yb.hostValues(), predictions, xb.shape[0]);
  return logs;
}

/** Loss and metrics over a dataset in batches, weighted by batch size. */
export function evaluateValues(layers: readonly Layer[], c: Compiled, x: Tensor, y: Tensor, batchSize: number): number[] {
  const logits = useLogits(layers, c);
  const n = x.shape[0];
  const order = range(n);
  const sums = new Array<number>(1 + c.metrics.length).fill(0);
  for (let begin = 0; begin < n; begin += batchSize) {
    const end = Math.min(n, begin + batchSize);
    tidy(() => {
      const xb = gatherRows(x, order, begin, end);
      const yb = gatherRows(y, order, begin, end);
      const out = forward(layers, xb, false, logits);
      sums[0] += c.loss.compute(yb, out, logits).hostValues()[0] * (end - begin);
      c.metrics.forEach((m, i) => (sums[i + 1] += m.compute(yb.hostValues(), out.hostValues(), end - begin) * (end - begin)));
    });
  }
  return sums.map((s) => s / n);
}

/** Rejects a second training call on a model whose fit is running (as TF.js), before anything else. */
export function assertNotTraining(op: string, model: TrainableModel): void {
  if (model.isTraining) throw new Error(`${op}: cannot start because another fit() call on this model is ongoing; await it first`);
}

/**
 * model.fit: checks every argument, then trains for the epochs, yielding to the event loop as yieldEvery says;
 * resolves to the History. The model is marked as training from the first check to the end.
 */
export async function fit(model: TrainableModel, c: Compiled, x: Tensor, y: Tensor, args: ModelFitArgs): Promise<History> {
  assertNotTraining('fit', model);
  model.isTraining = true;
  try {
    return await train(model, c, x, y, args);
  } finally {
    model.isTraining = false;
  }
}

async function train(model: TrainableModel, c: Compiled, x: Tensor, y: Tensor, args: ModelFitArgs): Promise<History> {
  const op = 'fit';
  const layers = model.layers;
  const { epochs, batchSize, shuffle, verbose, terminateOnNaN, validationSplit: split, callbacks, yieldEvery, ...rest } = parseFitArgs(args);
  const outShape = checkInput(op, layers, x);
  checkTargets(op, c, x, outShape, y);
  let val: [Tensor, Tensor] | null = null;
  if (rest.validationData !== undefined) {
    const vd = rest.validationData;
    if (!Array.isArray(vd) || vd.length !== 2) throw argError(op, 'validationData', typeof vd, 'a pair [xVal, yVal]');
    // Against x's shape too: a model given no inputShape builds from x.
    checkInput(op, layers, vd[0], 'validationData[0]', x.shape.slice(1));
    checkTargets(op, c, vd[0], outShape, vd[1], 'validationData[1]');
    val = [vd[0], vd[1]];
  }
  let trainX = x;
  let trainY = y;
  if (!val && split > 0) {
    const nTrain = Math.floor(x.shape[0] * (1 - split));
    if (nTrain === 0 || nTrain === x.shape[0]) throw argError(op, 'validationSplit', String(split), `a fraction leaving samples on both sides of ${x.shape[0]}`);
    trainX = x.slice(0, nTrain);
    trainY = y.slice(0, nTrain);
    val = [x.slice(nTrain), y.slice(nTrain)];
  }

  const samples = trainX.shape[0];
  const steps = Math.ceil(samples / batchSize);
  const rng = new Random(rest.seed ?? nextDefaultSeed());
  const history: History = { epoch: [], history: {}, params: { epochs, batchSize, samples, steps } };
  const progress = verbose > 0 ? new ProgressLogger(epochs, steps, getBackend(), verbose === 1) : null;
  model.stopTraining = false;
  const yielder = new Yielder(yieldEvery, (epoch, batch, logs) => callbacks.call('onYield', epoch, batch, logs));
  await callbacks.call('onTrainBegin', {});
  for (let epoch = 0; epoch < epochs && !model.stopTraining; epoch++) {
    await callbacks.call('onEpochBegin', epoch, {});
    progress?.epochBegin(epoch);
    const order = range(samples);
    if (shuffle) rng.shuffle(order);
    const sums: Logs = {};
    for (let step = 0; step < steps; step++) {
      const begin = step * batchSize;
      const end = Math.min(samples, begin + batchSize);
      await callbacks.call('onBatchBegin', step, { batch: step, size: end - begin });
      const xb = gatherRows(trainX, order, begin, end);
      const yb = gatherRows(trainY, order, begin, end);
      const logs = trainStep(model, c, xb, yb, terminateOnNaN, `epoch ${epoch + 1}, batch ${step + 1}`);
      xb.dispose();
      yb.dispose();
      const running: Logs = {};
      for (const [k, v] of Object.entries(logs)) {
        sums[k] = (sums[k] ?? 0) + v * (end - begin);
        running[k] = sums[k] / end;
      }
      progress?.batchEnd(step + 1, running);
      await callbacks.call('onBatchEnd', step, { batch: step, size: end - begin, ...logs });
      await yielder.batchEnd(epoch, step, logs);
    }
    const epochLogs: Logs = {};
    for (const [k, v] of Object.entries(sums)) epochLogs[k] = v / samples;
    if (val) {
      const scores = evaluateValues(layers, c, val[0], val[1], batchSize);
      epochLogs.val_loss = scores[0];
      c.metrics.forEach((m, i) => (epochLogs[`val_${m.name}`] = scores[i + 1]));
    }
    progress?.epochEnd(epochLogs);
    history.epoch.push(epoch);
    for (const [k, v] of Object.entries(epochLogs)) (history.history[k] ??= []).push(v);
    await callbacks.call('onEpochEnd', epoch, epochLogs);
    await yielder.epochEnd();
  }
  await callbacks.call('onTrainEnd', {});
  return history;
}
