import { gatherRows, range } from '../data/batch';
import { Layer } from '../layers/layer';
import type { IOHandler, SaveResult } from '../io/artifacts';
import type { Optimizer } from '../optimizers/optimizer';
import { Tensor, arrayTypeFor } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import type { Variable } from '../tensor/variable';
import { argError, checkKnownKeys, fmtValue } from '../util/validate';
import type { History } from './callbacks';
import { checkInput, checkTargets } from './checks';
import { compileArgs, type Compiled, type ModelCompileArgs } from './compile';
import { positiveIntArg, type ModelFitArgs } from './fit-options';
import { saveModel } from './save';
import { summaryLines } from './summary';
import { assertNotTraining, evaluateValues, fit, forward, trainStep } from './training';

export type { ModelCompileArgs, ModelFitArgs };

export interface ModelEvaluateArgs {
  batchSize?: number;
}

/** A linear stack of layers with Keras's compile / fit / evaluate / predict, as tf.sequential. */
export class Sequential {
  readonly name: string;
  private readonly layerList: Layer[] = [];
  private compiled: Compiled | null = null;
  /** Set by fit's callbacks to end training after the current epoch, as in TF.js. */
  stopTraining = false;
  /** True while fit runs (as TF.js's isTraining). */
  isTraining = false;

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

  /** The model as a function, as TF.js's model.apply. */
  apply(x: Tensor, options: { training?: boolean } = {}): Tensor {
    checkInput('apply', this.layerList, x);
    return forward(this.layerList, x, options.training ?? false, false);
  }

  compile(args: ModelCompileArgs): void {
    this.compiled = compileArgs(args);
  }

  get optimizer(): Optimizer | null {
    return this.compiled?.optimizer ?? null;
  }

  private requireCompiled(op: string): Compiled {
    if (!this.compiled) throw new Error(`${op}: the model must be compiled first: call model.compile({ optimizer, loss, metrics }) before ${op}`);
    return this.compiled;
  }

  /** The variables fit() updates: the weights of trainable layers. */
  get trainableWeights(): Variable[] {
    return this.layerList.flatMap((l) => l.trainableWeights);
  }

  /** Trains for a number of epochs, as TF.js's model.fit; resolves to the History. */
  async fit(x: Tensor, y: Tensor, args: ModelFitArgs = {}): Promise<History> {
    return fit(this, this.requireCompiled('fit'), x, y, args);
  }

  /** Loss, then each metric, over (x, y), as TF.js: a scalar tensor each (one alone when there are no metrics). */
  evaluate(x: Tensor, y: Tensor, args: ModelEvaluateArgs = {}): Tensor | Tensor[] {
    const op = 'evaluate';
    const c = this.requireCompiled(op);
    checkKnownKeys(op, 'args', args ?? {}, ['batchSize', 'verbose']);
    const batchSize = positiveIntArg(op, 'batchSize', args.batchSize, 32);
    checkTargets(op, c, x, checkInput(op, this.layerList, x), y);
    const scores = evaluateValues(this.layerList, c, x, y, batchSize).map((v) => new Tensor([], 'float32', Float32Array.of(v)));
    return scores.length === 1 ? scores[0] : scores;
  }

  /** The model's outputs for x, in batches, without recording anything for gradients. */
  predict(x: Tensor, args: ModelEvaluateArgs = {}): Tensor {
    const op = 'predict';
    checkKnownKeys(op, 'args', args ?? {}, ['batchSize', 'verbose']);
    const batchSize = positiveIntArg(op, 'batchSize', args.batchSize, 32);
    const outShape = checkInput(op, this.layerList, x);
    const n = x.shape[0];
    const row = outShape.reduce((a, b) => a * b, 1);
    const out = new (arrayTypeFor(x.dtype))(n * row);
    const order = range(n);
    for (let begin = 0; begin < n; begin += batchSize) {
      const end = Math.min(n, begin + batchSize);
      tidy(() => out.set(forward(this.layerList, gatherRows(x, order, begin, end), false, false).hostValues(), begin * row));
    }
    return new Tensor([n, ...outShape], x.dtype, out);
  }

  /** One optimizer step on one batch, as TF.js: resolves to the loss, or [loss, ...metrics]. */
  async trainOnBatch(x: Tensor, y: Tensor): Promise<number | number[]> {
    const op = 'trainOnBatch';
    assertNotTraining(op, this);
    const c = this.requireCompiled(op);
    checkTargets(op, c, x, checkInput(op, this.layerList, x), y);
    const logs = trainStep(this, c, x, y, true, 'trainOnBatch');
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
