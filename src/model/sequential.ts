import { variableGradsList } from '../backprop';
import { getBackend } from '../backend/registry';
import { gatherRows, range } from '../data/batch';
import { Layer } from '../layers/layer';
import { getLoss, type Loss } from '../losses';
import { getMetric, type Metric } from '../metrics';
import { argError, checkKnownKeys, fmtShape, fmtValue } from '../ops/validate';
import { getOptimizer } from '../optimizers/index';
import type { Optimizer } from '../optimizers/optimizer';
import { Random, nextDefaultSeed } from '../random';
import { Tensor, arrayTypeFor, type FloatArray } from '../tensor';
import { tidy } from '../tidy';
import type { Variable } from '../variable';
import type { History, Logs } from './callbacks';
import { parseFitArgs, positiveIntArg, type ModelFitArgs } from './fit-options';
import { ProgressLogger } from './progress';
import { summaryLines } from './summary';
import { saveModel } from '../io/save';
import type { IOHandler, SaveResult } from '../io/artifacts';

export type { ModelFitArgs };

export interface ModelCompileArgs {
  optimizer: string | Optimizer;
  loss: string;
  metrics?: string | string[];
}

export interface ModelEvaluateArgs {
  batchSize?: number;
}

interface Compiled {
  optimizer: Optimizer;
  loss: Loss;
  metrics: Metric[];
}

/** A linear stack of layers with Keras's compile / fit / evaluate / predict, as tf.sequential. */
export class Sequential {
  readonly name: string;
  private readonly layerList: Layer[] = [];
  private compiled: Compiled | null = null;
  /** Set by fit's callbacks to end training after the current epoch, as in TF.js. */
  stopTraining = false;

  constructor(args: { layers?: Layer[]; name?: string } = {}) {
    if (args === null || typeof args !== 'object') throw argError('sequential', 'config', typeof args, 'an object {layers?, name?}');
    if (args.name !== undefined && typeof args.name !== 'string') throw argError('sequential', 'name', fmtValue(args.name), 'a string');
    if (args.layers !== undefined && !Array.isArray(args.layers)) throw argError('sequential', 'layers', typeof args.layers, 'an array of layers');
    this.name = args.name ?? 'sequential';
    for (const layer of args.layers ?? []) this.add(layer);
  }

  get layers(): Layer[] {
    return this.layerList.slice();
  }

  /** Appends a layer, building it against the previous layer's output when that is known. */
  add(layer: Layer): void {
    if (!(layer instanceof Layer)) throw argError('Sequential.add', 'layer', typeof layer, 'a layer from tn.layers');
    if (this.layerList.includes(layer)) throw argError('Sequential.add', 'layer', `'${layer.name}' again`, 'a layer not already in the model');
    if (this.layerList.some((l) => l.name === layer.name)) throw argError('Sequential.add', 'layer', `a second layer named '${layer.name}'`, 'unique layer names');
    const prev = this.outputShapeNoBatch();
    if (this.layerList.length === 0 && layer.inputShapeNoBatch) layer.build(layer.inputShapeNoBatch);
    else if (prev) layer.build(prev);
    this.layerList.push(layer);
  }

  /** The output shape without the batch dim, or null while the input shape is unknown. */
  private outputShapeNoBatch(): number[] | null {
    const first = this.layerList[0];
    if (!first?.inputShapeNoBatch) return null;
    let shape = first.inputShapeNoBatch;
    for (const l of this.layerList) shape = l.computeOutputShape(shape);
    return shape;
  }

  get outputShape(): (number | null)[] {
    const s = this.outputShapeNoBatch();
    if (!s) throw new Error(`${this.name}: outputShape is unknown until the first layer has an inputShape or the model has seen data`);
    return [null, ...s];
  }

  /**
   * Checks x against the model's input (`expected`, without the batch dim; a model given no inputShape takes
   * any shape its layers accept) and returns the output shape it leads to. Builds nothing: layers build on
   * their first apply, once every argument of the call has been checked.
   */
  private checkInput(op: string, x: unknown, arg = 'x', expected = this.layerList[0]?.inputShapeNoBatch): number[] {
    if (!(x instanceof Tensor)) throw argError(op, arg, typeof x, 'a Tensor');
    x.assertLive(op);
    if (this.layerList.length === 0) throw new Error(`${op}: the model has no layers; add some first`);
    if (expected && (x.rank !== expected.length + 1 || expected.some((d, i) => d !== x.shape[i + 1]))) {
      throw argError(op, arg, `shape ${fmtShape(x.shape)}`, `shape [batch, ${expected.join(', ')}] to match the model's input`);
    }
    const first = this.layerList[0];
    if (x.dtype !== first.dtype) throw argError(op, arg, `dtype ${x.dtype}`, `dtype ${first.dtype}`);
    let shape: number[] = x.shape.slice(1);
    for (const l of this.layerList) shape = l.computeOutputShape(shape);
    return shape;
  }

  private forward(x: Tensor, training: boolean, logits: boolean): Tensor {
    const layers = this.layerList;
    let y = x;
    for (let i = 0; i < layers.length; i++) {
      // Inference may run a layer and the next as one op (conv + relu + max-pool); training keeps them apart.
      const fused = training || i + 1 === layers.length ? null : layers[i].applyWithNext(y, layers[i + 1]);
      if (fused) {
        y = fused;
        i++;
      } else {
        y = layers[i].apply(y, { training, logits: logits && i === layers.length - 1 });
      }
    }
    return y;
  }

  /** The model as a function, as TF.js's model.apply. */
  apply(x: Tensor, options: { training?: boolean } = {}): Tensor {
    this.checkInput('apply', x);
    return this.forward(x, options.training ?? false, false);
  }

  compile(args: ModelCompileArgs): void {
    if (args === null || typeof args !== 'object') throw argError('compile', 'args', typeof args, 'an object {optimizer, loss, metrics?}');
    checkKnownKeys('compile', 'args', args, ['optimizer', 'loss', 'metrics']);
    const loss = getLoss('compile', args.loss);
    const names = args.metrics === undefined ? [] : Array.isArray(args.metrics) ? args.metrics : [args.metrics];
    const metrics = names.map((m) => getMetric('compile', m, loss.name));
    const optimizer = getOptimizer('compile', args.optimizer);
    this.compiled = { optimizer, loss, metrics };
  }

  get optimizer(): Optimizer | null {
    return this.compiled?.optimizer ?? null;
  }

  private requireCompiled(op: string): Compiled {
    if (!this.compiled) throw new Error(`${op}: the model must be compiled first: call model.compile({ optimizer, loss, metrics }) before ${op}`);
    return this.compiled;
  }

  /** Whether the loss takes the logits of a final softmax rather than its probabilities. */
  private useLogits(c: Compiled): boolean {
    const last = this.layerList[this.layerList.length - 1];
    return c.loss.fromSoftmaxLogits && last !== undefined && last.endsInSoftmax();
  }

  /** Checks y as targets for x, whose predictions have shape [batch, ...outShape]. */
  private checkTargets(op: string, c: Compiled, x: Tensor, outShape: number[], y: unknown, arg = 'y'): Tensor {
    if (!(y instanceof Tensor)) throw argError(op, arg, typeof y, 'a Tensor');
    y.assertLive(op);
    if (y.rank === 0 || y.shape[0] !== x.shape[0]) {
      throw argError(op, arg, `${y.rank === 0 ? 'a scalar' : `${y.shape[0]} samples`} (shape ${fmtShape(y.shape)})`, `${x.shape[0]} samples, one per sample of x`);
    }
    c.loss.checkTargets(op, y, [x.shape[0], ...outShape]);
    return y;
  }

  /** The variables fit() updates: the weights of trainable layers. */
  get trainableWeights(): Variable[] {
    return this.layerList.flatMap((l) => l.trainableWeights);
  }

  /** One optimizer step on a batch; the update is skipped (and an error thrown) when the loss is not finite and terminateOnNaN. */
  private trainStep(c: Compiled, xb: Tensor, yb: Tensor, terminateOnNaN: boolean, where: string): Logs {
    const logits = this.useLogits(c);
    let predictions = null as FloatArray | null;
    const { value, grads } = variableGradsList(() => {
      const out = this.forward(xb, true, logits);
      // A copy: out's values may be reused once the step's tensors are disposed, before the metrics read them.
      if (c.metrics.length) predictions = out.dataSync();
      return c.loss.compute(yb, out, logits);
    }, this.trainableWeights);
    const loss = value.hostValues()[0];
    value.dispose();
    try {
      if (!Number.isFinite(loss) && terminateOnNaN) {
        throw new Error(`fit: the loss became ${loss} at ${where}; that batch's update was not applied (pass terminateOnNaN: false to continue regardless)`);
      }
      tidy(() => c.optimizer.applyGradients(grads));
    } finally {
      for (const g of grads.values()) g.dispose();
    }
    const logs: Logs = { loss };
    if (predictions) for (const m of c.metrics) logs[m.name] = m.compute(yb.hostValues(), predictions, xb.shape[0]);
    return logs;
  }

  /** Trains for a number of epochs, as TF.js's model.fit; resolves to the History. */
  async fit(x: Tensor, y: Tensor, args: ModelFitArgs = {}): Promise<History> {
    const op = 'fit';
    const c = this.requireCompiled(op);
    const { epochs, batchSize, shuffle, verbose, terminateOnNaN, validationSplit: split, callbacks, ...rest } = parseFitArgs(args);
    const outShape = this.checkInput(op, x);
    this.checkTargets(op, c, x, outShape, y);
    let val: [Tensor, Tensor] | null = null;
    if (rest.validationData !== undefined) {
      const vd = rest.validationData;
      if (!Array.isArray(vd) || vd.length !== 2) throw argError(op, 'validationData', typeof vd, 'a pair [xVal, yVal]');
      // Against x's shape too: a model given no inputShape builds from x.
      this.checkInput(op, vd[0], 'validationData[0]', x.shape.slice(1));
      this.checkTargets(op, c, vd[0], outShape, vd[1], 'validationData[1]');
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
    this.stopTraining = false;
    await callbacks.call('onTrainBegin', {});
    for (let epoch = 0; epoch < epochs && !this.stopTraining; epoch++) {
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
        const logs = this.trainStep(c, xb, yb, terminateOnNaN, `epoch ${epoch + 1}, batch ${step + 1}`);
        xb.dispose();
        yb.dispose();
        const running: Logs = {};
        for (const [k, v] of Object.entries(logs)) {
          sums[k] = (sums[k] ?? 0) + v * (end - begin);
          running[k] = sums[k] / end;
        }
        progress?.batchEnd(step + 1, running);
        await callbacks.call('onBatchEnd', step, { batch: step, size: end - begin, ...logs });
      }
      const epochLogs: Logs = {};
      for (const [k, v] of Object.entries(sums)) epochLogs[k] = v / samples;
      if (val) {
        const scores = this.evaluateValues(c, val[0], val[1], batchSize);
        epochLogs.val_loss = scores[0];
        c.metrics.forEach((m, i) => (epochLogs[`val_${m.name}`] = scores[i + 1]));
      }
      progress?.epochEnd(epochLogs);
      history.epoch.push(epoch);
      for (const [k, v] of Object.entries(epochLogs)) (history.history[k] ??= []).push(v);
      await callbacks.call('onEpochEnd', epoch, epochLogs);
    }
    await callbacks.call('onTrainEnd', {});
    return history;
  }

  /** Loss and metrics over a dataset in batches, weighted by batch size. */
  private evaluateValues(c: Compiled, x: Tensor, y: Tensor, batchSize: number): number[] {
    const logits = this.useLogits(c);
    const n = x.shape[0];
    const order = range(n);
    const sums = new Array<number>(1 + c.metrics.length).fill(0);
    for (let begin = 0; begin < n; begin += batchSize) {
      const end = Math.min(n, begin + batchSize);
      tidy(() => {
        const xb = gatherRows(x, order, begin, end);
        const yb = gatherRows(y, order, begin, end);
        const out = this.forward(xb, false, logits);
        sums[0] += c.loss.compute(yb, out, logits).hostValues()[0] * (end - begin);
        c.metrics.forEach((m, i) => (sums[i + 1] += m.compute(yb.hostValues(), out.hostValues(), end - begin) * (end - begin)));
      });
    }
    return sums.map((s) => s / n);
  }

  /** Loss, then each metric, over (x, y), as TF.js: a scalar tensor each (one alone when there are no metrics). */
  evaluate(x: Tensor, y: Tensor, args: ModelEvaluateArgs = {}): Tensor | Tensor[] {
    const op = 'evaluate';
    const c = this.requireCompiled(op);
    checkKnownKeys(op, 'args', args ?? {}, ['batchSize', 'verbose']);
    const batchSize = positiveIntArg(op, 'batchSize', args.batchSize, 32);
    this.checkTargets(op, c, x, this.checkInput(op, x), y);
    const scores = this.evaluateValues(c, x, y, batchSize).map((v) => new Tensor([], 'float32', Float32Array.of(v)));
    return scores.length === 1 ? scores[0] : scores;
  }

  /** The model's outputs for x, in batches, without recording anything for gradients. */
  predict(x: Tensor, args: ModelEvaluateArgs = {}): Tensor {
    const op = 'predict';
    checkKnownKeys(op, 'args', args ?? {}, ['batchSize', 'verbose']);
    const batchSize = positiveIntArg(op, 'batchSize', args.batchSize, 32);
    const outShape = this.checkInput(op, x);
    const n = x.shape[0];
    const row = outShape.reduce((a, b) => a * b, 1);
    const out = new (arrayTypeFor(x.dtype))(n * row);
    const order = range(n);
    for (let begin = 0; begin < n; begin += batchSize) {
      const end = Math.min(n, begin + batchSize);
      tidy(() => out.set(this.forward(gatherRows(x, order, begin, end), false, false).hostValues(), begin * row));
    }
    return new Tensor([n, ...outShape], x.dtype, out);
  }

  /** One optimizer step on one batch, as TF.js: resolves to the loss, or [loss, ...metrics]. */
  async trainOnBatch(x: Tensor, y: Tensor): Promise<number | number[]> {
    const op = 'trainOnBatch';
    const c = this.requireCompiled(op);
    this.checkTargets(op, c, x, this.checkInput(op, x), y);
    const logs = this.trainStep(c, x, y, true, 'trainOnBatch');
    const values = Object.values(logs);
    return values.length === 1 ? values[0] : values;
  }

  /** Prints (or hands to printFn) Keras's layer table with parameter counts. */
  summary(lineLength?: number, _positions?: number[], printFn: (line: string) => void = console.log): void {
    for (const line of summaryLines(this.name, this.layerList, lineLength)) printFn(line);
  }

  countParams(): number {
    return this.layerList.reduce((n, l) => n + l.countParams(), 0);
  }

  /** Every layer's weights, in order (copies). */
  getWeights(): Tensor[] {
    return this.layerList.flatMap((l) => l.getWeights());
  }

  /** Sets every layer's weights from one list; all are checked before any changes. */
  setWeights(weights: Tensor[]): void {
    const counts = this.layerList.map((l) => l.weights.length);
    const total = counts.reduce((a, b) => a + b, 0);
    if (!Array.isArray(weights) || weights.length !== total) {
      throw argError(`${this.name}.setWeights`, 'weights', Array.isArray(weights) ? `${weights.length} tensors` : typeof weights, `${total} tensors`);
    }
    const slices: Tensor[][] = [];
    let at = 0;
    for (const n of counts) {
      slices.push(weights.slice(at, at + n));
      at += n;
    }
    slices.forEach((ws, i) => this.layerList[i].checkWeights(ws, `${this.name}.setWeights`));
    slices.forEach((ws, i) => this.layerList[i].setWeights(ws));
  }

  /** Saves the topology and weights in TF.js's layers format: to 'file://dir' (Node) or through an IOHandler. */
  async save(handlerOrURL: string | IOHandler): Promise<SaveResult> {
    return saveModel(this, handlerOrURL);
  }

  dispose(): void {
    for (const l of this.layerList) l.dispose();
    this.compiled?.optimizer.dispose();
  }
}

/** A Sequential model, as tf.sequential({layers}). */
export function sequential(config?: { layers?: Layer[]; name?: string }): Sequential {
  return new Sequential(config);
}
