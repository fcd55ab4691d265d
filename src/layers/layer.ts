import { Tensor, type DType } from '../tensor/tensor';
import { Variable } from '../tensor/variable';
import type { Initializer } from './initializers';
import { argError, checkKnownKeys, fmtShape, fmtValue } from '../util/validate';
import { assertDtype } from '../tensor/checks';
import type { Regularizer } from './regularizers';
import type { Constraint } from './constraints';
import { div } from '../ops/binary';

export interface LayerArgs {
  name?: string;
  trainable?: boolean;
  /** The input shape without the batch dim, e.g. [28, 28, 1]; only the first layer needs it. */
  inputShape?: number[];
  dtype?: DType;
}

export interface CallOptions {
  training: boolean;
  /** Skip a final softmax so the loss can take logits (stable cross-entropy, as Keras does). */
  logits?: boolean;
  /** The input's mask [batch, time] (1 keeps a step), from embedding({maskZero}) or masking upstream. */
  mask?: Tensor | null;
}

/** What a weight may carry beside its initial values. */
export interface WeightExtras {
  /** False for weights the layer updates itself (moving statistics); they get no gradient. */
  trainable?: boolean;
  regularizer?: Regularizer | null;
  constraint?: Constraint | null;
}

/** Serializable layer settings (what model.json records). */
export type LayerConfig = Record<string, unknown>;

const nameCounts = new Map<string, number>();

/** Keras-style unique names: 'dense', then 'dense_1', 'dense_2', ... */
function uniqueName(base: string): string {
  const n = nameCounts.get(base) ?? 0;
  nameCounts.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

const KNOWN_ARGS = ['name', 'trainable', 'inputShape', 'dtype'];

/** Rejects config keys a layer does not know, so a typo is never silently ignored. */
export function checkConfigKeys(op: string, args: object, own: readonly string[]): void {
  checkKnownKeys(op, 'config', args, [...KNOWN_ARGS, ...own]);
}

/**
 * A layer: weights it owns (as variables, Keras order: kernel then bias), a forward pass, and the
 * output shape it produces for an input shape (shapes here omit the batch dim).
 */
export abstract class Layer {
  readonly name: string;
  readonly dtype: DType;
  /** Input shape without the batch dim, once known. */
  inputShapeNoBatch: number[] | null = null;
  built = false;
  /** The inputShape the user gave, recorded in the saved config. */
  private declaredInputShape: number[] | null = null;
  protected vars: Variable[] = [];
  private trainableFlag: boolean;
  /** Weights the layer updates itself rather than through gradients (batch norm's moving statistics). */
  private readonly frozenVars = new Set<Variable>();
  private readonly regularized: { v: Variable; r: Regularizer }[] = [];
  private readonly constrained: { v: Variable; c: Constraint }[] = [];
  /** A penalty on the layer's output, added to the loss for each training call (Keras divides by the batch size). */
  protected activityRegularizer: Regularizer | null = null;
  private pendingActivityLosses: Tensor[] = [];

  constructor(snakeName: string, args: LayerArgs) {
    const op = `layers.${this.getClassName().charAt(0).toLowerCase()}${this.getClassName().slice(1)}`;
    if (args.name !== undefined && (typeof args.name !== 'string' || args.name === '')) throw argError(op, 'name', fmtValue(args.name), 'a non-empty string');
    if (args.trainable !== undefined && typeof args.trainable !== 'boolean') throw argError(op, 'trainable', fmtValue(args.trainable), 'a boolean');
    if (args.inputShape !== undefined) {
      const s = args.inputShape;
      if (!Array.isArray(s) || s.length === 0 || !s.every((d) => Number.isInteger(d) && d > 0)) {
        throw argError(op, 'inputShape', fmtValue(s), 'a non-empty array of positive integers (without the batch dim)');
      }
      this.inputShapeNoBatch = s.slice();
      this.declaredInputShape = s.slice();
    }
    this.dtype = args.dtype === undefined ? 'float32' : assertDtype(op, 'dtype', args.dtype);
    this.name = args.name ?? uniqueName(snakeName);
    this.trainableFlag = args.trainable ?? true;
  }

  abstract getClassName(): string;
  /** The output shape (no batch dim) for an input shape; throws when the input cannot work. */
  abstract computeOutputShape(inputShape: readonly number[]): number[];
  /** The forward pass on an input already checked against the built shape. */
  abstract call(x: Tensor, options: CallOptions): Tensor;
  /** The layer's own settings, in the Keras / TF.js model.json spelling (snake_case). */
  protected abstract layerConfig(): LayerConfig;

  /** The settings that recreate this layer (without weights), as model.json records them. */
  getConfig(): LayerConfig {
    const base: LayerConfig = { name: this.name, trainable: this.trainable, dtype: this.dtype };
    if (this.declaredInputShape) base.batch_input_shape = [null, ...this.declaredInputShape];
    return { ...base, ...this.layerConfig() };
  }

  /** Creates the weights for an input shape. Layers with weights override it. */
  protected buildWeights(_inputShape: readonly number[]): void {}

  get trainable(): boolean {
    return this.trainableFlag;
  }

  set trainable(value: boolean) {
    this.trainableFlag = value;
    for (const v of this.vars) v.trainable = value && !this.frozenVars.has(v);
  }

  /** Subclass constructors end with this: a layer given inputShape has its weights from the start. */
  protected buildIfShaped(): void {
    if (this.inputShapeNoBatch) this.build(this.inputShapeNoBatch);
  }

  /** Fixes the input shape (no batch dim) and creates the weights. */
  build(inputShape: readonly number[]): void {
    if (this.built) return;
    this.computeOutputShape(inputShape);
    this.inputShapeNoBatch = inputShape.slice();
    this.buildWeights(inputShape);
    this.built = true;
  }

  protected addWeight(suffix: string, shape: number[], init: Initializer, extras: WeightExtras = {}): Variable {
    const trainable = extras.trainable ?? true;
    const v = new Variable(init.apply(shape, this.dtype), this.trainableFlag && trainable, `${this.name}/${suffix}`);
    this.vars.push(v);
    if (!trainable) this.frozenVars.add(v);
    if (extras.regularizer) this.regularized.push({ v, r: extras.regularizer });
    if (extras.constraint) this.constrained.push({ v, c: extras.constraint });
    return v;
  }

  /** Runs the layer on a batch [batch, ...inputShape], building it on first use. */
  apply(x: Tensor, options: CallOptions = { training: false }): Tensor {
    this.prepareInput(x);
    const y = this.call(x, options);
    if (this.activityRegularizer && options.training) this.pendingActivityLosses.push(div(this.activityRegularizer.apply(y), y.shape[0]));
    return y;
  }

  /**
   * The regularization penalties as functions of the current weights, as TF.js's layer.losses: one per
   * regularized weight, then the activity penalties of the training calls not yet collected.
   */
  get losses(): (() => Tensor)[] {
    const pending = this.pendingActivityLosses.slice();
    return [...this.regularized.map(({ v, r }) => () => r.apply(v)), ...pending.map((t) => () => t)];
  }

  /** The penalties as tensors (to add to the loss inside the gradient tape); collects the activity penalties. */
  calculateLosses(): Tensor[] {
    const out = this.losses.map((f) => f());
    this.pendingActivityLosses = [];
    return out;
  }

  /** Projects each constrained weight after an optimizer update (maxNorm, nonNeg, ...). */
  applyConstraints(): void {
    for (const { v, c } of this.constrained) {
      const projected = c.apply(v);
      v.assign(projected);
      projected.dispose();
    }
  }

  /**
   * For inference: this layer and `next` as one op (the caller then skips `next`), or null where they do not
   * fuse. A layer that fuses checks x (prepareInput) and builds `next` itself.
   */
  applyWithNext(_x: Tensor, _next: Layer): Tensor | null {
    return null;
  }

  /** Checks x against the layer's input, building the layer on first use. */
  protected prepareInput(x: Tensor): void {
    if (!(x instanceof Tensor)) throw argError(this.name, 'input', typeof x, 'a Tensor');
    const shape = x.shape.slice(1);
    if (!this.built) this.build(shape);
    const expected = this.inputShapeNoBatch as number[];
    if (x.rank === 0 || shape.length !== expected.length || shape.some((d, i) => d !== expected[i])) {
      throw argError(this.name, 'input', `shape ${fmtShape(x.shape)}`, `shape [null, ${expected.join(', ')}]`);
    }
    if (x.dtype !== this.dtype) throw argError(this.name, 'input', `dtype ${x.dtype}`, `dtype ${this.dtype}`);
  }

  /** Whether the layer passes a mask through (TF.js's supportsMasking); a layer that does not drops it. */
  get supportsMasking(): boolean {
    return false;
  }

  /** The mask of this layer's output given its input's mask, as TF.js's computeMask. */
  computeMask(_x: Tensor, mask: Tensor | null): Tensor | null {
    return this.supportsMasking ? mask : null;
  }

  /** True when the layer ends in a softmax that call({logits: true}) leaves out. */
  endsInSoftmax(): boolean {
    return false;
  }

  /** The output shape with a null batch dim, as TF.js reports it. */
  get outputShape(): (number | null)[] {
    if (!this.inputShapeNoBatch) throw new Error(`${this.name}: outputShape is unknown until the layer is built (give inputShape or add it to a model)`);
    return [null, ...this.computeOutputShape(this.inputShapeNoBatch)];
  }

  /** The weight variables, Keras order (kernel, then bias). */
  get weights(): Variable[] {
    return this.vars.slice();
  }

  get trainableWeights(): Variable[] {
    return this.trainableFlag ? this.vars.filter((v) => !this.frozenVars.has(v)) : [];
  }

  get nonTrainableWeights(): Variable[] {
    return this.trainableFlag ? this.vars.filter((v) => this.frozenVars.has(v)) : this.vars.slice();
  }

  /** Copies of the weights' values, in Keras order. */
  getWeights(): Tensor[] {
    return this.vars.map((v) => new Tensor(v.shape, v.dtype, v.hostValues().slice()));
  }

  /** Replaces every weight at once; checks count, shapes and dtypes before changing any. */
  setWeights(weights: Tensor[]): void {
    this.checkWeights(weights);
    weights.forEach((w, i) => this.vars[i].assign(w));
  }

  /** Throws unless weights could replace this layer's weights (count, shapes, dtypes). */
  checkWeights(weights: Tensor[], op = `${this.name}.setWeights`): void {
    if (!Array.isArray(weights) || weights.length !== this.vars.length) {
      throw argError(op, 'weights', Array.isArray(weights) ? `${weights.length} tensors` : typeof weights, `${this.vars.length} tensors (${this.vars.map((v) => `${v.name} ${fmtShape(v.shape)}`).join(', ') || 'none'})`);
    }
    weights.forEach((w, i) => {
      const v = this.vars[i];
      if (!(w instanceof Tensor) || w.dtype !== v.dtype || w.shape.length !== v.shape.length || w.shape.some((d, j) => d !== v.shape[j])) {
        const got = w instanceof Tensor ? `shape ${fmtShape(w.shape)} and dtype ${w.dtype}` : typeof w;
        throw argError(op, `weights[${i}]`, got, `shape ${fmtShape(v.shape)} and dtype ${v.dtype} (${v.name})`);
      }
    });
  }

  countParams(): number {
    return this.vars.reduce((n, v) => n + v.size, 0);
  }

  /** Frees the weights. */
  dispose(): void {
    for (const v of this.vars) v.dispose();
  }
}
