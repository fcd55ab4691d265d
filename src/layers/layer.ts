import { Tensor, isFloatDtype, type DType } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import { keep } from '../tensor/scopes';
import { Variable } from '../tensor/variable';
import type { Initializer } from './initializers';
import { argError, assertShape, describeValue, fmtShape, fmtValue, optionalBoolean, shapesFit, unknownKey } from '../util/validate';
import { assertDtype } from '../tensor/checks';
import { div } from '../ops/binary';
import { cast, clone } from '../ops/cast';
import { addNode, SymbolicTensor, type LayerNode } from './symbolic';
import { checkInputSpecs, type InputSpec } from './input-spec';
import type { Regularizer } from './regularizers';
import type { Constraint } from './constraints';
import { rememberUserConfig, tfjsLayerConfig } from './tfjs-config';
import type { Shape } from './symbolic';
import { pythonicConfig, toSnakeCase, type ConfigValue } from '../util/case';
import { ScopedSetting } from '../util/scoped-setting';
import { Serializable, type ConfigDict } from '../util/serializable';

/**
 * As TF.js's Layer.apply: an output that is one of the inputs (dropout outside training, a linear activation, a
 * user layer returning its input) is given back as a clone, so disposing the output leaves the input alive.
 */
export function apart<T extends Tensor | Tensor[]>(outputs: T, inputs: readonly unknown[]): T {
  if (!Array.isArray(outputs)) return (inputs.includes(outputs) ? clone(outputs) : outputs) as T;
  return outputs.map((y) => (inputs.includes(y) ? clone(y) : y)) as T;
}

/** Throws TF.js's error (a LayersVariable's) for a weight already disposed: its layer or model was. */
export function assertWeightsLive(weights: readonly Variable[]): void {
  const gone = weights.find((v) => v.isDisposed);
  if (gone) throw new Error(`LayersVariable ${gone.name} is already disposed.`);
}

/** What dispose() frees, as TF.js's DisposeResult. */
export interface DisposeResult {
  refCountAfterDispose: number;
  numDisposedVariables: number;
}

export interface LayerArgs {
  name?: string;
  trainable?: boolean;
  /**
   * The input shape without the batch dim, e.g. [28, 28, 1]; only the first layer needs it. Recurrent layers take
   * null for the time steps ([null, features]): any sequence length, as TF.js.
   */
  inputShape?: (number | null)[];
  /** The input shape with the batch dim (null or a size), as TF.js's batchInputShape. */
  batchInputShape?: (number | null)[];
  batchSize?: number;
  dtype?: DType;
  /**
   * As TF.js's inputDType: the dtype of the input a Sequential creates for this layer, where it is the first layer
   * and declares its input shape (`dtype` wins where both are given). A float dtype is the layer's dtype as well.
   */
  inputDType?: DType;
  /** Initial values of the weights, set once the layer is built, as TF.js's `weights`. */
  weights?: Tensor[];
}

/** What a call receives besides its inputs: the training flag, a mask, and any extra apply() arguments. */
export interface CallOptions {
  training?: boolean;
  /** Skip a final softmax so the loss can take logits (stable cross-entropy, as Keras does). */
  logits?: boolean;
  /** The input's mask [batch, time] (1 keeps a step), from embedding({maskZero}) or masking upstream. */
  mask?: Tensor | null;
  [key: string]: unknown;
}

/** apply()'s second argument, as TF.js's kwargs. */
export type Kwargs = Partial<CallOptions>;

/**
 * What a user layer's call gets, as TF.js's: the kwargs given, without the keys tessera's own layers take
 * (logits) or that hold nothing (no training flag outside training, no mask where there is none).
 */
function userKwargs(kwargs: Kwargs): CallOptions {
  const { logits: _l, ...rest } = kwargs;
  return Object.fromEntries(Object.entries(rest).filter(([k, v]) => v != null || !(k === 'training' || k === 'mask')));
}

/** The shapes (with the batch dim) of a symbolic application's outputs, and whether there are several. */
interface OutputShapes {
  shapes: Shape[];
  several: boolean;
}

/** Serializable layer settings (what model.json records). */
export type LayerConfig = ConfigDict;

/** A shape without the batch dim, or one per input of a layer taking several. */
export type ShapeOrShapes = number[] | number[][];

const uidCounts = new Map<string, number>();

/** TF.js's getUid: the prefix and its own counter from 1 ('Dense' gives 'Dense1', 'Dense2'; 'input' gives 'input1'). */
export function uniqueName(prefix: string): string {
  const n = (uidCounts.get(prefix) ?? 0) + 1;
  uidCounts.set(prefix, n);
  return `${prefix}${n}`;
}

/** The name a layer of a user's class named className takes when given none: TF.js's ('my_layer_MyLayer1'). */
export function userLayerName(className: string): string {
  return `${toSnakeCase(className)}_${uniqueName(className)}`;
}

/** TF.js's rule for a tensor name, which an applied layer's name begins: a letter or digit, then letters, digits, '-', '.', '_' or '/'. */
const TENSOR_NAME = /^[A-Za-z0-9][-A-Za-z0-9._/]*$/;

const KNOWN_ARGS = ['name', 'trainable', 'inputShape', 'batchInputShape', 'batchSize', 'dtype', 'inputDType', 'weights'];

/**
 * Rejects config keys a layer does not know, so a typo or an option tessera does not implement is never silently
 * ignored (TF.js ignores them); a key set to undefined counts as not given, as in TF.js.
 */
export function checkConfigKeys(op: string, args: object, own: readonly string[]): void {
  if (args === null || typeof args !== 'object') throw argError(op, 'config', fmtValue(args), 'an object');
  const options = [...new Set([...own, ...KNOWN_ARGS])];
  const key = unknownKey(args, options);
  if (key === undefined) return;
  throw new Error(`${op}: config.${key} is not an option of this layer (got ${fmtValue((args as Record<string, unknown>)[key])}); `
    + `its options are ${options.join(', ')}. tessera refuses an option it does not know, where TF.js ignores it: leave it out`);
}

/** What a weight may carry beside its initial values. */
export interface WeightExtras {
  trainable?: boolean;
  regularizer?: Regularizer | null;
  constraint?: Constraint | null;
}

/** How often each weight name was taken in this process (TF.js's nameMap). */
const takenNames = new Map<string, number>();

/** False while a throwaway layer is made to learn its weights' names and shapes (TF.js makes no such layer). */
const takingNames = new ScopedSetting(true);

/** Runs `make` (a probe of a layer's weights, disposed after) with its weights named as a first layer's, taking no name. */
export function withoutTakingNames<T>(make: () => T): T {
  return takingNames.during(false, make);
}

/** A weight's name: the scoped one the first time, then with a count ('dense/kernel_1') as TF.js's getUniqueTensorName. */
function uniqueWeightName(scoped: string): string {
  if (!takingNames.value) return scoped;
  const index = takenNames.get(scoped) ?? 0;
  takenNames.set(scoped, index + 1);
  if (index === 0) return scoped;
  takenNames.set(`${scoped}_${index}`, 1);
  return `${scoped}_${index}`;
}

/** The name a layer weight is saved under: the scoped name it was made under, without the count (TF.js's originalName). */
export function savedWeightName(v: Variable): string {
  return v.originalName;
}

/** The name scope a wrapper or RNN builds the layer or cell it holds in; null: a layer names its weights after itself. */
let innerScope: string | null = null;

/**
 * Values a wrapper's layer drew when it was made, taken in order by the weights its wrapper's build makes in their
 * place (while their shapes and dtypes agree), so that the initializers draw as often as TF.js's (see takeDeclaredBuild).
 */
let drawnBefore: Tensor[] = [];

/** The next of drawnBefore for a weight of this shape and dtype; undefined (and the rest freed) once one disagrees. */
function takeDrawn(shape: readonly number[], dtype: DType): Tensor | undefined {
  const next = drawnBefore.shift();
  if (next && fmtShape(next.shape) === fmtShape(shape) && next.dtype === dtype) return next;
  next?.dispose();
  for (const t of drawnBefore) t.dispose();
  drawnBefore = [];
  return undefined;
}

/**
 * Runs an inner layer's build with its weights named `${scope}/...`, as TF.js's nameScope around that build names
 * them: 'td/kernel' in a timeDistributed, 'bi/forward_lstm/kernel' in a bidirectional, 'rnn/RNNCell_0/kernel'.
 */
export function buildInScope<T>(scope: string, build: () => T): T {
  const outer = innerScope;
  innerScope = scope;
  try {
    return build();
  } finally {
    innerScope = outer;
  }
}

/**
 * Runs `run` in the scope a layer's apply runs in, as TF.js's apply runs in nameScope(layer.name): inside another
 * layer's build or call, a layer built by being applied names its weights `${outer}/${layer.name}/...` (a Sequential
 * a user layer makes in its build), and a user layer's call runs in its own name, for the layers it applies there.
 */
function inApplyScope<T>(layer: Layer, userDefined: boolean, run: () => T): T {
  const scope = innerScope !== null ? `${innerScope}/${layer.name}` : userDefined ? layer.name : null;
  return scope === null ? run() : buildInScope(scope, run);
}

const isShapeList = (s: ShapeOrShapes): s is number[][] => s.length > 0 && Array.isArray(s[0]);
/** A shape without the batch dim given a null one, and back (a user layer's shapes carry it, as TF.js's). */
const withBatch = (s: readonly (number | null)[]): Shape => [null, ...s];
const withoutBatch = (s: readonly (number | null)[]): number[] => s.slice(1) as number[];

/**
 * What apply gives for one input: that kind of tensor, typed as T wherever it is used, yet comparable with each
 * form TF.js's union return type is asserted to (`as tf.SymbolicTensor[]` after an RNN with returnState, `as
 * tf.Tensor`, ...), so TF.js programs compile unchanged.
 */
export type Applied<T extends Tensor | SymbolicTensor> = T | (T & (Tensor | SymbolicTensor | ListOf<Tensor> | ListOf<SymbolicTensor>));

/** T[] as a plain object type: TypeScript reduces Tensor & Tensor[] to never, but not this. */
type ListOf<T> = { [K in keyof T[]]: T[][K] };

/** How many layer calls on tensors are running (nested ones too): a penalty function added while none is, is kept. */
let callsRunning = 0;

/** @internal Whether a layer call on tensors is running. */
export function insideCall(): boolean {
  return callsRunning > 0;
}

/**
 * @internal Runs fn counted as a call on tensors (a model's executor running its layers), so that the layers it runs
 * take it for the outer call they are part of.
 */
export function withinCall<T>(fn: () => T): T {
  callsRunning++;
  try {
    return fn();
  } finally {
    callsRunning--;
  }
}

/** The id the next layer made takes. */
let nextLayerId = 0;

/**
 * A layer: weights it owns (as variables, Keras order: trainable ones then the rest), a forward pass, and the
 * output shape it produces for an input shape (shapes here omit the batch dim). apply() runs it on tensors or,
 * on symbolic tensors, records a node of a functional model's graph.
 */
export abstract class Layer extends Serializable {
  /** A number no other layer made in this process has, counted from 0 (TF.js's Layer.id). */
  readonly id = nextLayerId++;
  readonly name: string;
  #dtype: DType;
  /** Whether the program set dtype after construction (a user layer's base getConfig then lists it, as TF.js's). */
  #dtypeSet = false;
  /** @internal The dtype of the input a Sequential creates for this layer as its first (its dtype, or its inputDType). */
  readonly inputDtype: DType;
  /**
   * Input shape without the batch dim, once known (layers taking one input). Its first entry is null in a layer
   * that takes sequences of any length (acceptsUnknownSize for axis 0); a layer that takes an unknown size elsewhere too
   * may hold one on another axis.
   */
  inputShapeNoBatch: number[] | null = null;
  /** Input shapes without the batch dim, once known (layers taking several inputs). */
  inputShapesNoBatch: number[][] | null = null;
  built = false;
  /** What each input must be, as TF.js's: a user layer sets it and every apply is checked against it (null: unchecked). */
  inputSpec: InputSpec[] | null = null;
  /** Every application to symbolic inputs, in order (TF.js's inboundNodes). */
  readonly inboundNodes: LayerNode[] = [];
  /** Every application of another layer (or this one) to this layer's symbolic outputs, in order (TF.js's outboundNodes). */
  readonly outboundNodes: LayerNode[] = [];
  /** The input shape the user gave, recorded in the saved config. */
  private declaredInputShape: number[] | null = null;
  private declaredBatch: number | null = null;
  protected vars: Variable[] = [];
  private readonly weightOptions = new Map<Variable, WeightExtras>();
  /** True while the weights come only from the declared inputShape: the layer has not run and was given no weights. */
  private declaredOnly = false;
  /** True from a build from the declared inputShape at construction until the layer first runs. */
  private builtAtConstruction = false;
  /** What takeDeclaredBuild kept of the wrapped layer's values, for the wrapper's build (buildWithDrawn). */
  private adoptedValues: Tensor[] = [];
  private trainableFlag: boolean;
  /** Flag options given as numbers, by their saved (snake_case) key: the config gives them back as given, as TF.js's. */
  private readonly flagsAsGiven: Record<string, number> = {};
  /** Values for the weights once they exist (TF.js's `weights` argument). */
  private initialWeights: Tensor[] | null = null;
  /** Activity penalties of the calls since the training loop last took them. */
  private pendingLosses: (Tensor | (() => Tensor))[] = [];
  /** Penalty functions added in build or outside any call: as TF.js keeps every addLoss, they count at each step, as a regularizer does. */
  private keptLosses: (() => Tensor)[] = [];
  /**
   * TF.js's reference count: null until the layer is used; 1 once a call on tensors has built it, and one more for
   * each node it is applied in (each model that holds it); dispose() takes one and frees the weights at 0.
   */
  protected refCount: number | null = null;
  /** A penalty on the layer's output, added to the loss for each training call (Keras divides by the batch size). */
  protected activityRegularizer: Regularizer | null = null;

  /**
   * Whether this is a layer class written by a user (`class MyLayer extends tf.layers.Layer`, constructed with
   * its args only): it speaks TF.js's protocol, shapes with the batch dim in build and computeOutputShape.
   */
  private readonly userDefined: boolean;
  private maskingFlag = false;
  /** True while a user layer's own build runs. */
  private building = false;
  /** The names given to addWeight in TF.js's form (a repeat is refused, as TF.js). */
  private readonly addedNames = new Set<string>();

  /** A built-in layer: its snake_case prefix for automatic names, and its args. */
  constructor(snakeName: string, args: LayerArgs);
  /** A user-defined layer (a subclass of tf.layers.Layer), with TF.js's args; last, so that ConstructorParameters<typeof Layer> is TF.js's. */
  constructor(args?: LayerArgs);
  constructor(first: string | LayerArgs = {}, second: LayerArgs = {}) {
    super();
    const userDefined = typeof first !== 'string';
    const args = userDefined ? (first ?? {}) : second;
    const snakeName = userDefined ? toSnakeCase(this.getClassName()) : first;
    this.userDefined = userDefined;
    const op = `layers.${this.getClassName().charAt(0).toLowerCase()}${this.getClassName().slice(1)}`;
    if (args.name != null && (typeof args.name !== 'string' || args.name === '')) throw argError(op, 'name', fmtValue(args.name), 'a non-empty string');
    // TF.js refuses such a name when the layer is applied or makes a weight (its files could not be loaded there).
    if (typeof args.name === 'string' && this.namesTensors() && !TENSOR_NAME.test(args.name)) {
      throw argError(op, 'name', fmtValue(args.name), "a name TF.js accepts for tensors: a letter or digit, then letters, digits, '-', '.', '_' or '/'");
    }
    const trainable = this.flagOption(op, 'trainable', args.trainable, true);
    // TF.js concatenates inputShape after the batch dim, so a plain number serves as a 1-D shape.
    let shape: unknown = typeof args.inputShape === 'number' ? [args.inputShape] : args.inputShape;
    if (args.batchInputShape != null) {
      const b = args.batchInputShape;
      if (!Array.isArray(b) || b.length < 1 || !(b[0] === null || (Number.isInteger(b[0]) && (b[0] as number) > 0))) {
        throw argError(op, 'batchInputShape', fmtValue(b), '[batch or null, ...dims]');
      }
      shape = b.slice(1);
      this.declaredBatch = b[0];
    } else if (args.batchSize != null) {
      if (!Number.isInteger(args.batchSize) || args.batchSize <= 0) throw argError(op, 'batchSize', fmtValue(args.batchSize), 'a positive integer');
      this.declaredBatch = args.batchSize;
    }
    if (shape != null) {
      const s = shape as number[];
      // Which dims may be unknown (null) depends on the subclass's settings: buildIfShaped checks that, once they are set.
      // [] is one value a sample, as tn.input({shape: []}) and TF.js take it.
      if (!Array.isArray(s) || !s.every((d) => (Number.isInteger(d) && d > 0) || d === null)) {
        throw argError(op, 'inputShape', fmtValue(s), 'an array of positive integers or null (without the batch dim)');
      }
      this.inputShapeNoBatch = s.slice();
      this.declaredInputShape = s.slice();
    }
    const dtype = args.dtype == null ? 'float32' : assertDtype(op, 'dtype', args.dtype);
    // TF.js reads inputDType only where the layer declares its input shape and is given no dtype.
    const inputDType = args.inputDType == null ? null : assertDtype(op, 'inputDType', args.inputDType);
    this.inputDtype = args.dtype == null && shape != null && inputDType ? inputDType : dtype;
    // A built-in layer computes in a float dtype: an int32 or bool one is, as in TF.js, the dtype of the input a
    // Sequential makes for it where it declares its input shape (its weights stay float32), and unused elsewhere.
    this.#dtype = isFloatDtype(this.inputDtype) ? this.inputDtype : userDefined || !this.holdsValues() ? dtype : 'float32';
    if (args.weights != null) {
      if (!Array.isArray(args.weights) || !args.weights.every((w) => w instanceof Tensor)) throw argError(op, 'weights', fmtValue(args.weights), 'an array of Tensors');
      this.initialWeights = args.weights.slice();
    }
    // TF.js's automatic names: the snake_case class name, then the class name and its count ('dense_Dense1').
    this.name = args.name ?? (userDefined ? userLayerName(this.getClassName()) : `${snakeName}_${uniqueName(this.getClassName())}`);
    this.trainableFlag = trainable;
  }

  /** Whether the layer's name begins its tensors' and weights' names (a model's does not, until it is nested). */
  protected namesTensors(): boolean {
    return true;
  }

  /** A flag option (useBias, returnSequences, ...) read for its truthiness, as TF.js reads it; a number is kept for the config. */
  protected flagOption(op: string, arg: string, v: unknown, fallback: boolean): boolean {
    const on = optionalBoolean(op, arg, v, fallback);
    if (typeof v === 'number') this.flagsAsGiven[toSnakeCase(arg)] = v;
    return on;
  }

  /**
   * The output shape (no batch dim) for an input shape; throws when the input cannot work. Layers taking several
   * inputs get a list. A user-defined layer answers with its computeOutputShape, given and giving the batch dim.
   */
  outputShapeNoBatch(inputShape: readonly number[] | number[][]): ShapeOrShapes {
    const out = this.computeOutputShape(isShapeList(inputShape as ShapeOrShapes) ? (inputShape as number[][]).map(withBatch) : withBatch(inputShape as number[]));
    return (isShapeList(out as ShapeOrShapes) ? (out as Shape[]).map(withoutBatch) : withoutBatch(out as Shape)) as ShapeOrShapes;
  }

  /** The output shape for an input shape, both with the batch dim (TF.js's computeOutputShape; a user layer's default keeps the shape). */
  computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    if (this.userDefined) return inputShape;
    const list = isShapeList(inputShape as ShapeOrShapes);
    const shapes = (list ? inputShape : [inputShape]) as Shape[];
    const out = this.outputShapeNoBatch((list ? shapes.map(withoutBatch) : withoutBatch(shapes[0])) as ShapeOrShapes);
    const batch = shapes[0][0] ?? null;
    return isShapeList(out) ? out.map((s) => [batch, ...s]) : [batch, ...out];
  }

  /** The forward pass on input already checked against the built shape. Layers taking several inputs get a list. A user layer's default gives its input back, as TF.js's. */
  call(x: Tensor | Tensor[], _options: CallOptions): Tensor | Tensor[] {
    return x;
  }

  /** The layer's own settings, in the Keras / TF.js model.json spelling (snake_case); a user layer has its getConfig instead. */
  protected layerConfig(): LayerConfig {
    return {};
  }

  /** TF.js calls a hook set for tests here; tessera has none, so a custom layer's call to it does nothing. */
  invokeCallHook(_inputs: Tensor | Tensor[], _kwargs: Kwargs): void {}

  /** True for layers whose call takes a list of inputs (merge layers; a user layer applied to several inputs). */
  takesList(): boolean {
    return this.userDefined && this.inputShapesNoBatch !== null;
  }

  /** Whether a call on this many inputs gets them as a list: a user layer's does when there are several, as TF.js passes them. */
  private takesListOf(count: number): boolean {
    return this.userDefined ? count > 1 : this.takesList();
  }

  /** Whether the layer passes a mask through (TF.js's supportsMasking); a layer that does not drops it. */
  /** Whether the layer keeps states between calls (stateful RNNs), as TF.js's layer.stateful. */
  get stateful(): boolean {
    return false;
  }

  /** Resets a stateful layer's states; as TF.js, an error for a layer that keeps none. */
  resetStates(): void {
    throw new Error(`${this.name}.resetStates: the layer is not stateful; only a stateful layer (an RNN made with stateful: true) has states to reset`);
  }

  get supportsMasking(): boolean {
    return this.maskingFlag;
  }

  /** A user-defined layer sets it in its constructor, as in TF.js. */
  set supportsMasking(value: boolean) {
    this.maskingFlag = value;
  }

  /**
   * The mask of this layer's output given its input's mask, as TF.js's computeMask. A layer taking a list gets one
   * mask per input; only the merge layers make one of them. A layer with several outputs may give one per output.
   */
  computeMask(_x: Tensor | Tensor[], mask: Tensor | (Tensor | null)[] | null = null): Tensor | (Tensor | null)[] | null {
    if (!this.supportsMasking) {
      // As TF.js's: a mask given to a layer that cannot pass one on is a mistake.
      if ((Array.isArray(mask) ? mask : [mask]).some((m) => m != null)) throw new TypeError(`Layer ${this.name} does not support masking, but was passed an inputMask.`);
      return null;
    }
    // A user layer is given its masks as a list in a model, as TF.js's executor gives them, and passes them on.
    return this.userDefined || !Array.isArray(mask) ? mask : null;
  }

  /**
   * @internal The mask of this layer's outputs in a model run: TF.js's executor asks computeMask only of a layer that
   * supports masking, and drops the mask at any other.
   */
  outputMask(x: Tensor | Tensor[], mask: Tensor | (Tensor | null)[] | null): Tensor | (Tensor | null)[] | null {
    return this.supportsMasking ? this.computeMask(x, mask) : null;
  }

  /**
   * @internal Whether a model run calls this layer with its inputs (and computeMask with their masks) as a list
   * even when there is one: a user layer is, as TF.js's executor calls every layer.
   */
  getsInputList(): boolean {
    return this.userDefined;
  }

  /** The dtype the layer computes in. */
  get dtype(): DType {
    return this.#dtype;
  }

  /** As TF.js's field, a program may set it (a custom layer does, in its constructor). */
  set dtype(dtype: DType) {
    this.#dtype = assertDtype(`${this.name}.dtype`, 'dtype', dtype);
    this.#dtypeSet = true;
  }

  /**
   * The settings that recreate this layer, as TF.js's getConfig gives them: its constructor's argument names
   * (camelCase), so that `tf.layers.dense(layer.getConfig())` makes a copy. As TF.js, a dtype only where the layer
   * declares an input shape.
   */
  override getConfig(): LayerConfig {
    if (this.userDefined) {
      // TF.js's base config (a user layer adds its own keys).
      const own: LayerConfig = { name: this.name, trainable: this.trainable, ...this.flagsAsGiven };
      if (this.declaredInputShape) Object.assign(own, { batchInputShape: [this.declaredBatch, ...this.declaredInputShape], dtype: this.dtype });
      else if (this.#dtypeSet) own.dtype = this.dtype;
      return own;
    }
    return tfjsLayerConfig(this.savedConfig(), this.declaresInputShape()) as LayerConfig;
  }

  /** Whether the user gave this layer its input shape (TF.js's config then holds the dtype). */
  protected declaresInputShape(): boolean {
    return this.declaredInputShape !== null;
  }

  /** The batch size the layer declares (batchInputShape's first entry or batchSize); null where it declares none. */
  protected get declaredBatchSize(): number | null {
    return this.declaredBatch;
  }

  /** The input shape the layer declares, with the batch dim (TF.js's batchInputShape); undefined where it declares none. */
  get batchInputShape(): (number | null)[] | undefined {
    return this.declaredInputShape ? [this.declaredBatch, ...this.declaredInputShape] : undefined;
  }

  /**
   * Whether the layer takes sequences of any length for an input of this rank (no batch dim), and no other unknown
   * size: recurrent layers and those that work step by step, as TF.js's. Asked only through acceptsUnknownSize.
   */
  acceptsAnyLength(_rank: number): boolean {
    return false;
  }

  /**
   * Whether an input may have an unknown size (null) on this axis of its shape without the batch dim: on axis 0 (the
   * time steps) it takes sequences of any length, also where it was built for one length. By default the time steps
   * where acceptsAnyLength; layers that work elementwise (and models, whose layers decide) take one on any axis, as
   * TF.js's: an attention's scores [batch, null, null] from two sequences of any length. So does a user's layer, as
   * TF.js's (it has no input spec): its computeOutputShape and call decide.
   */
  acceptsUnknownSize(rank: number, axis: number): boolean {
    return this.userDefined || (axis === 0 && this.acceptsAnyLength(rank));
  }

  /** Creates the weights for an input shape (or shapes). Layers with weights override it. */
  protected buildWeights(_inputShape: readonly number[]): void {}

  get trainable(): boolean {
    return this.trainableFlag;
  }

  set trainable(value: boolean) {
    this.trainableFlag = value;
    delete this.flagsAsGiven.trainable;
    for (const v of this.vars) v.trainable = value && (this.weightOptions.get(v)?.trainable ?? true);
  }

  /** @internal The config as model.json holds it: snake_case keys (a user layer's camelCase getConfig converted, as TF.js saves it). */
  savedConfig(): LayerConfig {
    if (this.userDefined) {
      const own = this.getConfig();
      return rememberUserConfig(pythonicConfig(own as ConfigValue) as LayerConfig, own) as LayerConfig;
    }
    // TF.js's order, which JSON text and printing show: a layer's getConfig assigns its base config after its own keys
    // (a layer whose layerConfig places them elsewhere, as TF.js's do, keeps them there).
    const config: LayerConfig = { ...this.layerConfig() };
    for (const [key, value] of Object.entries(this.baseConfig())) if (!(key in config)) config[key] = value;
    return Object.assign(config, this.flagsAsGiven);
  }

  /** The settings every layer saves (TF.js's Layer.getConfig): name, trainable, and the input it declares. */
  protected baseConfig(): LayerConfig {
    const base: LayerConfig = { name: this.name, trainable: this.trainable };
    if (this.declaredInputShape) base.batch_input_shape = [this.declaredBatch, ...this.declaredInputShape];
    // As TF.js, a dtype where the layer declares its input; and any float64 one (TF.js has none), which loading needs.
    if (this.declaresInputShape()) base.dtype = this.inputDtype;
    else if (this.dtype !== 'float32') base.dtype = this.dtype;
    return base;
  }

  /** Values for the weights, taken when the layer is built (a loaded user layer's saved weights). */
  presetWeights(weights: Tensor[]): void {
    this.initialWeights = weights.slice();
  }

  /** Subclass constructors end with this: a layer given inputShape has its weights from the start. */
  protected buildIfShaped(): void {
    if (!this.inputShapeNoBatch) return;
    const s = this.inputShapeNoBatch;
    if (s.some((d, j) => d === null && !this.acceptsUnknownSize(s.length, j))) {
      const op = `layers.${this.getClassName().charAt(0).toLowerCase()}${this.getClassName().slice(1)}`;
      throw argError(op, 'inputShape', fmtValue(s), `known sizes${this.acceptsUnknownSize(s.length, 0) ? ' but the time steps (the first dim)' : ''} (without the batch dim)`);
    }
    const given = this.initialWeights !== null;
    // Built as TF.js builds it when a Sequential applies it: in the scope an apply would run in.
    inApplyScope(this, false, () => this.ensureBuilt(s));
    this.declaredOnly = !given;
    this.builtAtConstruction = true;
  }

  /**
   * A wrapper's constructor takes the layer it wraps through this. tessera builds a layer given an inputShape when it
   * is made, outside any wrapper's name scope (TF.js builds it in the wrapper's build); one built so and never run is
   * unbuilt here, so that the wrapper builds it (or the copy of it that runs) in its scope, with TF.js's weight names,
   * from the values it drew or was given: buildWithDrawn hands them to that build, so nothing draws twice.
   */
  protected takeDeclaredBuild(inner: Layer): void {
    if (!inner.builtAtConstruction) return;
    const values = inner.vars.map((v) => keep(clone(v)));
    inner.unbuild();
    inner.builtAtConstruction = false;
    this.adoptedValues = values;
  }

  /** Runs a build of the wrapped layer (or its copy), its weights taking the values takeDeclaredBuild kept. */
  protected buildWithDrawn(build: () => void): void {
    drawnBefore = this.adoptedValues;
    this.adoptedValues = [];
    try {
      build();
    } finally {
      for (const t of drawnBefore) t.dispose();
      drawnBefore = [];
    }
  }

  /**
   * TF.js builds a layer when it first runs, and only warns when its declared inputShape does not fit that input
   * (a Sequential's later layer given an inputShape as well): a layer built from its declaration alone is built
   * again, with the same warning, for the first input of another shape.
   */
  private refitDeclared(shape: number[]): void {
    this.builtAtConstruction = false;
    if (!this.declaredOnly) return;
    this.declaredOnly = false;
    const declared = this.inputShapeNoBatch;
    // An unknown (null) dim on either side fits, as TF.js's check skips it: the weights never depend on such a dim.
    if (!declared || shapesFit(shape, declared)) return;
    const [got, want] = [JSON.stringify([null, ...shape]), JSON.stringify([null, ...declared])];
    console.warn(shape.length === declared.length
      ? `The shape of the input tensor (${got}) does not match the expectation of layer ${this.name}: ${want}`
      : `The rank of the input tensor provided (shape: ${got}) does not match that of the batchInputShape (${want}) of the layer ${this.name}`);
    this.unbuild();
    this.ensureBuilt(shape);
  }

  /** Back to unbuilt, its weights freed, and those of the layers it holds (a wrapper's layer is built with it). */
  private unbuild(): void {
    for (const inner of this.nestedLayers()) inner.unbuild();
    this.discardWeights();
    this.built = false;
    this.inputShapeNoBatch = null;
  }

  /** Frees the weights built so far, leaving the layer without any (and without the penalties its build added on them). */
  private discardWeights(): void {
    for (const v of this.vars) {
      this.weightOptions.delete(v);
      // A wrapper lists its layer's weights, which that layer freed first.
      if (!v.isDisposed) v.dispose();
    }
    this.vars = [];
    this.keptLosses = [];
  }

  /**
   * Fixes the input shape and creates the weights, as TF.js's build: the shape has its batch dim (a list of shapes
   * for a layer taking several inputs).
   */
  build(inputShape: Shape | Shape[]): void {
    // A user layer's build ends with super.build(inputShape) (TF.js's base build only marks it built).
    if (this.built || this.building) return;
    // TF.js's base build only marks the layer built, so a user layer may call super.build() with no shape.
    if (inputShape == null && this.userDefined) {
      this.built = true;
      return;
    }
    if (!Array.isArray(inputShape)) throw argError(`${this.getClassName()}.build`, 'inputShape', describeValue(inputShape), 'a shape (an array with the batch dim first) or an array of shapes');
    this.ensureBuilt(isShapeList(inputShape as ShapeOrShapes) ? (inputShape as Shape[]).map(withoutBatch) : withoutBatch(inputShape as Shape));
  }

  /** @internal build for a shape without the batch dim: what a layer holding other layers knows of their input. */
  buildNoBatch(inputShape: readonly number[] | readonly (readonly number[])[]): void {
    this.ensureBuilt(inputShape);
  }

  /**
   * Builds the layer for an input shape (no batch dim) unless it is built. A user-defined layer's own build (TF.js's
   * hook, given the batch dim) makes its weights.
   */
  protected ensureBuilt(inputShape: readonly number[] | readonly (readonly number[])[], batches: readonly (number | null)[] = []): void {
    if (this.built) return;
    const s = (inputShape as number[][]).map((d) => (Array.isArray(d) ? d.slice() : d)) as ShapeOrShapes;
    // A user layer's computeOutputShape is TF.js's hook for symbolic inputs only: a call on tensors never asks it.
    if (!this.userDefined) this.outputShapeNoBatch(s);
    if (isShapeList(s) && (this.takesList() || this.userDefined)) this.inputShapesNoBatch = s;
    else this.inputShapeNoBatch = s as number[];
    const initial = this.initialWeights;
    if (initial) this.buildWithInitialWeights(s as number[], initial, batches);
    else this.makeWeights(s, batches);
    this.built = true;
  }

  /** Builds with the initial weights given to the constructor, checked against what the build made (nothing stays built if they do not fit). */
  private buildWithInitialWeights(inputShape: number[], initial: Tensor[], batches: readonly (number | null)[]): void {
    this.makeWeights(inputShape, batches);
    try {
      this.checkWeights(initial, this.name);
    } catch (e) {
      this.discardWeights();
      throw e;
    }
    this.setWeights(initial);
    this.initialWeights = null;
  }

  /** Makes the weights; a user layer's build is given each input's batch size (from `batches`, else null), as TF.js's. */
  private makeWeights(s: ShapeOrShapes, batches: readonly (number | null)[]): void {
    if (!this.userDefined) {
      this.buildWeights(s as number[]);
      return;
    }
    this.building = true;
    try {
      // As TF.js builds a layer in its name scope: a layer the user's build builds names its weights after this one.
      // Built from its own declaration (a loaded model's first layer), the batch is the one it declares, as TF.js's.
      const full = (shape: readonly number[], i: number): Shape => [(batches.length === 0 && i === 0 ? this.declaredBatch : batches[i]) ?? null, ...shape];
      buildInScope(this.weightScope(), () => this.build((isShapeList(s) && this.takesList() ? s.map(full) : full(s as number[], 0)) as number[]));
    } finally {
      this.building = false;
    }
  }

  /**
   * Creates a weight named `layer/name`. TF.js's form, for user layers: (name, shape, dtype?, initializer?,
   * regularizer?, trainable?, constraint?); built-in layers pass the initializer third and the extras after it.
   */
  // The shape is typed TF.js's Shape (a build's input shape has nulls); a null left in it is refused when called.
  protected addWeight(name: string, shape: Shape, dtype?: DType | null, initializer?: Initializer, regularizer?: Regularizer | null, trainable?: boolean, constraint?: Constraint | null): Variable;
  protected addWeight(suffix: string, shape: number[], init: Initializer, options?: WeightExtras): Variable;
  protected addWeight(suffix: string, given: Shape, third?: Initializer | DType | null, fourth?: Initializer | WeightExtras, regularizer?: Regularizer | null, trainable?: boolean, constraint?: Constraint | null): Variable {
    // A build reading a shape's unknown batch dim (null) as a size is refused here, as TF.js refuses the tensor.
    const op = `${this.name}.addWeight`;
    if (typeof suffix !== 'string' || suffix === '') throw argError(op, 'name', fmtValue(suffix), 'a non-empty string');
    const shape = assertShape(op, `shape of '${suffix}'`, given);
    const isInitializer = (v: unknown): v is Initializer => typeof v === 'object' && v !== null && typeof (v as Initializer).apply === 'function';
    if (!isInitializer(third)) {
      // TF.js's form: (name, shape, dtype?, initializer, regularizer?, trainable?, constraint?), each checked before the name is taken.
      const dtype = third == null ? 'float32' : assertDtype(op, 'dtype', third);
      const init = fourth;
      if (!isInitializer(init)) throw argError(op, 'initializer', fmtValue(init), 'an Initializer (tf.initializers.*)');
      const flag = optionalBoolean(op, 'trainable', trainable, true);
      if (this.addedNames.has(suffix)) throw new Error(`Duplicate weight name ${suffix} for layer ${this.name}`);
      this.addedNames.add(suffix);
      return this.addVariable(suffix, shape, init, { trainable: flag, regularizer, constraint }, dtype);
    }
    return this.addVariable(suffix, shape, third, (fourth as WeightExtras | undefined) ?? {}, this.dtype);
  }

  private addVariable(suffix: string, shape: number[], init: Initializer, options: WeightExtras, dtype: DType): Variable {
    // The variable copies the initial values; the initializer's tensor is ours and is freed (a build outside tidy would leak it).
    const initial = takeDrawn(shape, dtype) ?? init.apply(shape, dtype);
    const scoped = `${this.weightScope()}/${suffix}`;
    // As TF.js's LayerVariable, the weight's own flag: a layer made with trainable: false leaves it on and filters it out.
    const v = new Variable(initial, options.trainable ?? true, uniqueWeightName(scoped), scoped);
    initial.dispose();
    this.vars.push(v);
    this.weightOptions.set(v, options);
    return v;
  }

  /** Runs the layer on tensors (building it on first use), or records it in a graph when given symbolic tensors. */
  apply(inputs: Tensor, kwargs?: Kwargs): Applied<Tensor>;
  apply(inputs: SymbolicTensor, kwargs?: Kwargs): Applied<SymbolicTensor>;
  apply(inputs: Tensor[], kwargs?: Kwargs): Tensor | Tensor[];
  apply(inputs: SymbolicTensor[], kwargs?: Kwargs): SymbolicTensor | SymbolicTensor[];
  apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: Kwargs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs: Kwargs | null = {}): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    return inApplyScope(this, this.userDefined, () => this.applyHere(inputs, kwargs));
  }

  private applyHere(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs: Kwargs | null): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    this.assertNotDisposed();
    const list: unknown[] = Array.isArray(inputs) ? inputs : [inputs];
    // null is no kwargs, as TF.js's own specs pass it (layer.apply(x, null)).
    kwargs ??= {};
    if (typeof kwargs !== 'object') throw argError(`${this.name}.apply`, 'kwargs', fmtValue(kwargs), 'an object');
    // A built-in layer's spec is there to be read (as TF.js's); its own shape checks say more than the spec's message.
    if (this.inputSpec && this.userDefined) checkInputSpecs(this.name, this.inputSpec, list as (Tensor | SymbolicTensor)[]);
    if (list.length > 0 && list.every((t) => t instanceof SymbolicTensor)) return this.applySymbolic(list as SymbolicTensor[], kwargs);
    if (list.some((t) => t instanceof SymbolicTensor)) throw argError(`${this.name}.apply`, 'inputs', 'a mix of Tensors and SymbolicTensors', 'all Tensors or all SymbolicTensors');
    const opts: CallOptions = this.userDefined ? userKwargs(kwargs) : { ...kwargs, training: kwargs.training ?? false };
    if (this.takesListOf(list.length)) {
      this.prepareInputs(list);
      return apart(this.oneOrList(this.eagerly(() => this.call(list as Tensor[], opts))), list);
    }
    const given = this.single<Tensor>(list, `${this.name}.apply`);
    const y = this.oneOrList(this.eagerly(() => {
      const x = this.castInput(given);
      this.prepareInput(x);
      // As TF.js, a user layer's call gets the list it was given (a model run gives one: getsInputList).
      return this.call(this.userDefined && Array.isArray(inputs) ? [x] : x, opts);
    }));
    if (!Array.isArray(y)) this.recordActivity(y, opts.training ?? false);
    return apart(y, list);
  }

  /** A user layer's output list of one is its one output, as TF.js's apply gives it. */
  private oneOrList(y: Tensor | Tensor[]): Tensor | Tensor[] {
    return this.userDefined && Array.isArray(y) && y.length === 1 ? y[0] : y;
  }

  /**
   * Runs a built-in layer's work on tensors in a scope of its own, as TF.js's layers scope their calls: only the
   * outputs (and what the layer keeps) outlive it. A user layer's call runs as written, as TF.js runs it. Counted in
   * callsRunning, so that addLoss knows a call's penalties from those kept for every step.
   */
  protected eagerly<T extends Tensor | Tensor[]>(fn: () => T): T {
    // A call made on its own starts a new step's penalties, as Keras: earlier calls' activity penalties not yet taken
    // by calculateLosses are dropped (they were added again to the next loss).
    if (callsRunning === 0) this.dropCallLosses();
    callsRunning++;
    try {
      // The activity penalties its inner layers record (a model's) outlive the call's scope, for calculateLosses.
      return this.userDefined ? fn() : tidy(() => [fn(), this.pendingTensors()] as [T, Tensor[]])[0];
    } finally {
      callsRunning--;
      this.markUsed();
    }
  }

  /** A call on tensors counts a built layer as used once, if nothing has, as TF.js counts the call that builds it. */
  protected markUsed(): void {
    if (this.built && this.refCount === null) this.refCount = 1;
  }

  /**
   * Checks the shapes (no batch dim) of the symbolic inputs of a layer that does not merge: one input, or
   * more where the layer takes extra ones after it (an RNN's initial states).
   */
  protected checkSymbolicInputs(op: string, shapes: number[][]): void {
    this.single(shapes, op);
  }

  /** The one input of a single-input layer (a list of one is accepted, as TF.js does). */
  protected single<T>(list: unknown[], op: string): T {
    if (list.length !== 1) throw argError(op, 'inputs', `${list.length} inputs`, `one input (${this.getClassName()} takes a single tensor)`);
    return list[0] as T;
  }

  /** Checks symbolic inputs, builds the layer and records the node; returns the output(s) as symbolic tensors. */
  private applySymbolic(list: SymbolicTensor[], kwargs: Kwargs): SymbolicTensor | SymbolicTensor[] {
    const op = `${this.name}.apply`;
    const shapes = list.map((t, i) => {
      if (t.rank === 0) throw argError(op, `inputs[${i}]`, 'a scalar SymbolicTensor', 'a tensor with a batch dim');
      const s = t.shape.slice(1);
      if (s.some((d, j) => d === null && !this.acceptsUnknownSize(s.length, j))) {
        throw argError(op, `inputs[${i}]`, `shape ${fmtShape(t.shape)}`, `known sizes for every dim but the batch${this.acceptsUnknownSize(s.length, 0) ? ' and the time steps' : ''}`);
      }
      return s as number[];
    });
    list.forEach((t, i) => {
      if (t.dtype !== this.dtype && this.checksInputDtype() && !this.castsInput(t.dtype)) throw argError(op, `inputs[${i}]`, `dtype ${t.dtype}`, this.expectedDtype(t.dtype));
    });
    const batches = list.map((t) => t.shape[0]);
    // A user layer's computeOutputShape is asked once it is built, with the batch dims, as TF.js asks it.
    let out: ShapeOrShapes | null = null;
    if (this.takesListOf(list.length)) {
      if (list.length < 2) throw argError(op, 'inputs', `${list.length} input`, `a list of at least 2 inputs (${this.getClassName()} merges several tensors)`);
      if (!this.userDefined) out = this.outputShapeNoBatch(shapes);
      if (this.built) this.checkShapes(op, shapes);
      else this.ensureBuilt(shapes, batches);
    } else {
      this.checkSymbolicInputs(op, shapes);
      const s = shapes[0];
      this.refitDeclared(s);
      if (!this.userDefined) out = this.outputShapeNoBatch(s);
      if (this.built) this.checkShapes(op, [s]);
      else this.ensureBuilt(s, batches);
    }
    const { shapes: outShapes, several } = out ? this.withOutputBatch(out, batches) : this.userOutputShapes(shapes, batches);
    const nodeIndex = this.inboundNodes.length;
    const outputs = outShapes.map((s, i) => new SymbolicTensor(this.outputDtype(list.map((t) => t.dtype)), s, this, nodeIndex, i));
    // The call arguments are kept as given (a training flag too, which TF.js saves); a run sets its own training flag.
    addNode(this, list.slice(), outputs, { ...kwargs });
    this.refCount = (this.refCount ?? 0) + 1;
    return several ? outputs : outputs[0];
  }

  /** A built-in layer's output shapes (no batch dim) with the batch dim of its inputs. */
  private withOutputBatch(out: ShapeOrShapes, batches: readonly (number | null)[]): OutputShapes {
    const batch = this.outputBatch(batches);
    return { shapes: (isShapeList(out) ? out : [out]).map((s) => [batch, ...s]), several: isShapeList(out) };
  }

  /** A user layer's output shapes: its computeOutputShape of the input shapes with their batch dims, as TF.js's. */
  private userOutputShapes(shapes: readonly number[][], batches: readonly (number | null)[]): OutputShapes {
    const full = shapes.map((s, i): Shape => [batches[i], ...s]);
    const out = this.computeOutputShape(full.length > 1 ? full : full[0]);
    const several = isShapeList(out as ShapeOrShapes);
    return { shapes: several ? (out as Shape[]) : [out as Shape], several };
  }

  /** The batch size of the output for inputs of these batch sizes: theirs where they agree, else unknown. */
  protected outputBatch(batches: readonly (number | null)[]): number | null {
    return batches.every((b) => b === batches[0]) ? batches[0] : null;
  }

  /** The dtype of the outputs for inputs of these dtypes. */
  protected outputDtype(inputDtypes: DType[]): DType {
    // TF.js takes a user layer's symbolic outputs as float32 whatever its dtype (an int32 one computes on int32 values).
    if (this.userDefined && !isFloatDtype(this.dtype)) return 'float32';
    // A built-in layer whose ops take any dtype (an activation, a nested model) computes float64 from float64.
    const passesFloat64 = !this.userDefined && !this.checksInputDtype() && inputDtypes.includes('float64');
    return this.dtype === 'float32' && passesFloat64 ? 'float64' : this.dtype;
  }

  /** Whether the layer computes in its dtype (a float one); an InputLayer only feeds and may be int32 or bool, as TF.js's. */
  protected holdsValues(): boolean {
    return true;
  }

  /**
   * Whether a single input of this dtype is cast to the layer's: integer and bool tensors are, as TF.js's ops
   * upcast them against float weights (a dense layer given int32 gives float32), and float32 ones for a float64
   * layer, as the ops meet float32 with float64 (floatsMet); float64 is never cast down. Layers whose ops take any
   * dtype (flatten, pooling, merges, activations) say no in checksInputDtype.
   */
  private castsInput(dtype: DType): boolean {
    const up = dtype === 'int32' || dtype === 'bool' || (dtype === 'float32' && this.dtype === 'float64');
    return this.checksInputDtype() && !this.takesList() && up && dtype !== this.dtype;
  }

  /** What a refused input dtype is told: the layer's dtype, and how to compute in float64 where float64 came. */
  private expectedDtype(got: DType): string {
    return got === 'float64' ? `dtype ${this.dtype} (a layer computes in float64 when made with dtype: 'float64')` : `dtype ${this.dtype}`;
  }

  /** A single input as the layer computes it: a tensor cast to the layer's dtype where castsInput says so, else as it is. */
  protected castInput<T>(x: T): T {
    return x instanceof Tensor && this.castsInput(x.dtype) ? (cast(x, this.dtype) as T) : x;
  }

  /**
   * Whether inputs must have the layer's dtype, cast to it where int32 or bool (castsInput). Embedding-like layers
   * take integer ids and say no, as do layers whose ops keep an int32 input's dtype or refuse it as TF.js's do.
   * A user layer's call gets its inputs as given, as TF.js's.
   */
  protected checksInputDtype(): boolean {
    return !this.userDefined;
  }

  /**
   * This layer and `next` as one op (the caller then skips `next`), or null where they do not fuse; `training` as
   * apply's. A layer that fuses checks x (prepareInput), builds `next` itself, and gives what the two applies would.
   */
  applyWithNext(_x: Tensor, _next: Layer, _training: boolean): Tensor | null {
    return null;
  }

  /**
   * Whether the layer, built for `built` (no batch dim), takes an input of shape `given`: the same shape (a null
   * built dim takes any size, and the time steps any length where acceptsUnknownSize takes axis 0). Layers that work along one
   * axis or elementwise widen it, as TF.js's input specs do (a dense takes any rank with its last dim).
   */
  protected fitsBuiltShape(given: readonly number[], built: readonly (number | null)[]): boolean {
    // A layer without weights (pooling, padding, upSampling, ...) fixes only the rank, as TF.js's ndim input specs.
    if (given.length === built.length && this.vars.length === 0) return true;
    return given.length === built.length && given.every((d, j) => d === built[j] || built[j] === null || (j === 0 && this.acceptsUnknownSize(given.length, 0)));
  }

  /**
   * @internal The output shape(s) (no batch dim) for inputs of these shapes, checked as apply checks a built layer's
   * inputs: a model that is given other shapes than its own works them out through its graph with it.
   */
  shapeAfter(shapes: number[][]): ShapeOrShapes {
    const out = this.outputShapeNoBatch(this.takesList() ? shapes : shapes[0]);
    if (this.built) this.checkShapes(this.name, shapes);
    return out;
  }

  /** Throws unless input shapes (no batch dim) fit the ones the layer was built for (fitsBuiltShape). */
  private checkShapes(op: string, shapes: number[][]): void {
    // As TF.js's layers without an inputSpec, a user layer takes any input; its call decides what fits.
    if (this.userDefined) return;
    const expected = this.takesList() ? (this.inputShapesNoBatch as number[][]) : [this.inputShapeNoBatch as number[]];
    shapes.forEach((s, i) => {
      const e = expected[i];
      if (!e || !this.fitsBuiltShape(s, e)) {
        throw argError(op, this.takesList() ? `inputs[${i}]` : 'input', `shape ${fmtShape([null, ...s])}`, e ? `shape ${fmtShape([null, ...e])}, the shape ${this.name} was built for` : `${expected.length} inputs`);
      }
    });
    if (shapes.length !== expected.length) throw argError(op, 'inputs', `${shapes.length} inputs`, `${expected.length} inputs, as ${this.name} was built for`);
  }

  /** Checks x against the layer's input, building the layer on first use. */
  protected prepareInput(x: Tensor): void {
    if (!(x instanceof Tensor)) throw argError(this.name, 'input', typeof x, 'a Tensor');
    if (x.rank === 0 && !this.takesScalar()) throw argError(this.name, 'input', 'a scalar', 'a tensor with a batch dim');
    const shape = x.shape.slice(1);
    // No built-in layer computes on complex numbers or strings, those that pass any dtype through included.
    if (!this.userDefined && (x.dtype === 'complex64' || x.dtype === 'string')) throw argError(this.name, 'input', `dtype ${x.dtype}`, 'a float32, int32 or bool tensor');
    if (this.checksInputDtype() && x.dtype !== this.dtype) throw argError(this.name, 'input', `dtype ${x.dtype}`, this.expectedDtype(x.dtype));
    if (!this.built) this.ensureBuilt(shape, [x.shape[0]]);
    this.refitDeclared(shape);
    this.checkShapes(this.name, [shape]);
  }

  /** Whether a tensor's input may be a scalar (elementwise layers and the user's own, as TF.js's, which check no rank). */
  protected takesScalar(): boolean {
    return this.userDefined;
  }

  /** Checks a list of inputs against a layer taking several, building it on first use. */
  protected prepareInputs(list: unknown[]): void {
    const op = this.name;
    if (list.length < 2) throw argError(op, 'inputs', `${list.length} input`, `a list of at least 2 inputs (${this.getClassName()} merges several tensors)`);
    list.forEach((x, i) => {
      if (!(x instanceof Tensor)) throw argError(op, `inputs[${i}]`, typeof x, 'a Tensor');
      if (x.rank === 0) throw argError(op, `inputs[${i}]`, 'a scalar', 'a tensor with a batch dim');
      if (this.checksInputDtype() && x.dtype !== this.dtype) throw argError(op, `inputs[${i}]`, `dtype ${x.dtype}`, this.expectedDtype(x.dtype));
    });
    const shapes = (list as Tensor[]).map((x) => x.shape.slice(1));
    if (!this.userDefined) this.outputShapeNoBatch(shapes);
    if (!this.built) this.ensureBuilt(shapes, (list as Tensor[]).map((x) => x.shape[0]));
    this.checkShapes(op, shapes);
  }

  /** True when the layer ends in a softmax that call({logits: true}) leaves out. */
  endsInSoftmax(): boolean {
    return false;
  }

  /**
   * The output shape, as TF.js reports it (a list for several outputs): that of the layer's first application to
   * symbolic tensors (so a batch size the model declares shows), else computed with a null batch dim.
   */
  get outputShape(): (number | null)[] | (number | null)[][] {
    const node = this.inboundNodes[0];
    const shapesOf = (n: typeof node) => JSON.stringify(n.outputs.map((t) => t.shape));
    // TF.js's words: applications giving different shapes leave no one output shape.
    if (node && this.inboundNodes.some((n) => shapesOf(n) !== shapesOf(node))) throw new Error(`The layer ${this.name} has multiple inbound nodes with different output shapes. Hence the notion of "output shape" is ill-defined for the layer.`);
    if (node) return node.outputs.length === 1 ? node.outputs[0].shape.slice() : node.outputs.map((t) => t.shape.slice());
    const input = this.takesList() ? this.inputShapesNoBatch : this.inputShapeNoBatch;
    if (!input) throw new Error(`${this.name}: outputShape is unknown until the layer is built (give inputShape or add it to a model)`);
    const out = this.outputShapeNoBatch(input);
    return isShapeList(out) ? out.map((s) => [null, ...s]) : [null, ...out];
  }

  /** The output tensor(s) of the layer's one application to symbolic tensors, as TF.js's layer.output. */
  get output(): SymbolicTensor | SymbolicTensor[] {
    const outs = this.onlyNode('output').outputs;
    return outs.length === 1 ? outs[0] : outs.slice();
  }

  /** The input tensor(s) of the layer's one application to symbolic tensors, as TF.js's layer.input. */
  get input(): SymbolicTensor | SymbolicTensor[] {
    const ins = this.onlyNode('input').inputs;
    return ins.length === 1 ? ins[0] : ins.slice();
  }

  /** The output tensor(s) of the layer's nodeIndex-th application to symbolic tensors, as TF.js's getOutputAt. */
  getOutputAt(nodeIndex: number): SymbolicTensor | SymbolicTensor[] {
    const outs = this.nodeAt('getOutputAt', nodeIndex).outputs;
    return outs.length === 1 ? outs[0] : outs.slice();
  }

  /** The input tensor(s) of the layer's nodeIndex-th application to symbolic tensors, as TF.js's getInputAt. */
  getInputAt(nodeIndex: number): SymbolicTensor | SymbolicTensor[] {
    const ins = this.nodeAt('getInputAt', nodeIndex).inputs;
    return ins.length === 1 ? ins[0] : ins.slice();
  }

  private nodeAt(op: string, nodeIndex: number): LayerNode {
    const own = this.ownNode();
    const nodes = own ? [own, ...this.inboundNodes] : this.inboundNodes;
    const n = nodes.length;
    if (!Number.isInteger(nodeIndex) || nodeIndex < 0 || nodeIndex >= n) {
      throw argError(`${this.name}.${op}`, 'nodeIndex', fmtValue(nodeIndex), n === 0 ? 'an application of the layer, but it was never applied to symbolic tensors' : `an integer in [0, ${n - 1}] (the layer has ${n} inbound nodes)`);
    }
    return nodes[nodeIndex];
  }

  /** A node the layer makes of itself before any application (a model's, from its inputs to its outputs), else null. */
  protected ownNode(): LayerNode | null {
    return null;
  }

  private onlyNode(what: string): LayerNode {
    if (this.inboundNodes.length === 0) throw new Error(`${this.name}.${what}: the layer has no inbound nodes (it was never applied to symbolic tensors)`);
    if (this.inboundNodes.length > 1) throw new Error(`${this.name}.${what}: the layer has ${this.inboundNodes.length} inbound nodes, so its ${what} is ill-defined`);
    return this.inboundNodes[0];
  }

  /** The weight variables: the trainable ones, then the others (TF.js's order). */
  get weights(): Variable[] {
    return [...this.trainableWeights, ...this.nonTrainableWeights];
  }

  /** @internal The weights the layer makes trainable (TF.js's _trainableWeights), whatever their flags are now. */
  declaredTrainableWeights(): Variable[] {
    return this.vars.filter((v) => this.weightOptions.get(v)?.trainable ?? true);
  }

  /** As TF.js: the declared-trainable weights whose own flag is on (a model's trainable = false turns them off). */
  get trainableWeights(): Variable[] {
    return this.trainableFlag ? this.declaredTrainableWeights().filter((v) => v.trainable) : [];
  }

  /**
   * As TF.js's setter: these are now the weights the layer trains (its non-trainable ones stay), as a layer holding
   * other layers hands on theirs (`this.trainableWeights = this.inner.trainableWeights` in build).
   */
  set trainableWeights(weights: Variable[]) {
    this.declareWeights('trainableWeights', weights, true);
  }

  /** As TF.js: declared-trainable weights switched off first, then the ones that never train (moving statistics). */
  get nonTrainableWeights(): Variable[] {
    const declared = this.declaredTrainableWeights();
    const frozen = this.vars.filter((v) => !declared.includes(v));
    return [...(this.trainableFlag ? declared.filter((v) => !v.trainable) : declared), ...frozen];
  }

  /** As TF.js's setter: these are now the weights the layer never trains (its trainable ones stay). */
  set nonTrainableWeights(weights: Variable[]) {
    this.declareWeights('nonTrainableWeights', weights, false);
  }

  /**
   * TF.js's protected list of the weights the layer declares trainable, which subclasses holding other layers assign
   * (`this._trainableWeights = [...this.inner.trainableWeights]`) or push to: both reach the layer's weights.
   */
  protected get _trainableWeights(): Variable[] {
    return this.declaredList('_trainableWeights', true);
  }

  protected set _trainableWeights(weights: Variable[]) {
    this.declareWeights('_trainableWeights', weights, true);
  }

  /** TF.js's protected list of the weights the layer declares non-trainable, as _trainableWeights. */
  protected get _nonTrainableWeights(): Variable[] {
    return this.declaredList('_nonTrainableWeights', false);
  }

  protected set _nonTrainableWeights(weights: Variable[]) {
    this.declareWeights('_nonTrainableWeights', weights, false);
  }

  /** The weights declared trainable (or not), as a list whose push declares more, as pushing to TF.js's own list does. */
  private declaredList(arg: string, trainable: boolean): Variable[] {
    const declared = this.declaredTrainableWeights();
    const list = trainable ? declared : this.vars.filter((v) => !declared.includes(v));
    list.push = (...more: Variable[]) => {
      this.declareWeights(arg, [...list, ...more], trainable);
      return Array.prototype.push.apply(list, more);
    };
    return list;
  }

  /** Replaces the weights the layer declares trainable (or those it declares not), keeping the others. */
  private declareWeights(arg: string, weights: Variable[], trainable: boolean): void {
    if (!Array.isArray(weights) || !weights.every((w) => w instanceof Variable)) throw argError(this.name, arg, fmtValue(weights), 'an array of weights (Variables, as layer.trainableWeights gives them)');
    const declared = this.declaredTrainableWeights();
    const kept = this.vars.filter((v) => declared.includes(v) !== trainable);
    for (const v of weights) this.weightOptions.set(v, { ...this.weightOptions.get(v), trainable });
    this.vars = trainable ? [...weights, ...kept] : [...kept, ...weights];
  }

  /** The scope this layer's weights are named in as it builds: its own name, or the one its wrapper builds it in. */
  protected weightScope(): string {
    return innerScope ?? this.name;
  }

  /**
   * The weights themselves, in the order of `weights` (only the trainable ones with trainableOnly), as TF.js's
   * getWeights returns its variables: no new tensors, and later training shows in them. Disposing one disposes the
   * weight; clone() what must keep today's values.
   */
  getWeights(trainableOnly = false): Tensor[] {
    const weights = trainableOnly ? this.trainableWeights : this.weights;
    assertWeightsLive(weights);
    return [...weights];
  }

  /** Replaces every weight at once; checks count, shapes and dtypes before changing any. Constrained weights are projected, as TF.js writes them. */
  setWeights(weights: Tensor[]): void {
    this.checkWeights(weights);
    this.declaredOnly = false;
    const vars = this.weights;
    weights.forEach((w, i) => vars[i].assign(w));
    this.applyConstraints();
  }

  /** Throws unless weights could replace this layer's weights (count, shapes, dtypes). */
  checkWeights(weights: Tensor[], op = `${this.name}.setWeights`): void {
    const vars = this.weights;
    if (!Array.isArray(weights) || weights.length !== vars.length) {
      throw argError(op, 'weights', Array.isArray(weights) ? `${weights.length} tensors` : typeof weights, `${vars.length} tensors (${vars.map((v) => `${v.name} ${fmtShape(v.shape)}`).join(', ') || 'none'})`);
    }
    weights.forEach((w, i) => {
      const v = vars[i];
      if (!(w instanceof Tensor) || w.dtype !== v.dtype || w.shape.length !== v.shape.length || w.shape.some((d, j) => d !== v.shape[j])) {
        const got = w instanceof Tensor ? `shape ${fmtShape(w.shape)} and dtype ${w.dtype}` : typeof w;
        throw argError(op, `weights[${i}]`, got, `shape ${fmtShape(v.shape)} and dtype ${v.dtype} (${v.name})`);
      }
      if (w.isDisposed) throw argError(op, `weights[${i}]`, 'a disposed tensor', `a live tensor for ${v.name}`);
    });
  }

  /** The penalties that count at every step (weight regularizers, losses added in build) as scalars; call inside the gradient's scope. */
  weightPenalties(): Tensor[] {
    const out: Tensor[] = [];
    for (const v of this.vars) {
      const r = this.weightOptions.get(v)?.regularizer;
      if (r) out.push(r.apply(v));
    }
    return [...out, ...this.keptLosses.map((l) => l()), ...this.nestedLayers().flatMap((l) => l.weightPenalties())];
  }

  /**
   * Layers whose weights this layer holds as its own (an RNN's cell, a Bidirectional's two directions): their
   * penalties and constraints count as this layer's.
   */
  protected nestedLayers(): readonly Layer[] {
    return [];
  }

  /**
   * Whether a training call gives each sample what it would give alone, draws nothing and adds no penalty per call, so
   * that calls on parts of a batch may be one call on all of it (timeDistributed folds its steps into the batch then).
   * Not a layer that reads its batch (batch norm), draws (dropout), or has an activity penalty (divided by the batch
   * size), nor one of yours, which may do any of these.
   */
  samplewiseInTraining(): boolean {
    return !this.userDefined && !this.activityRegularizer && this.nestedLayers().every((l) => l.samplewiseInTraining());
  }

  /** An activity penalty on a training call's output (Keras divides it by the batch size). */
  protected recordActivity(y: Tensor, training: boolean): void {
    if (this.activityRegularizer && training) this.pendingLosses.push(div(this.activityRegularizer.apply(y), y.shape[0]));
  }

  /**
   * Adds a penalty of the current call to the training loss, as TF.js's addLoss: a tensor, or a function of no
   * arguments giving one (TF.js's RegularizerFn), or a list of them; functions are called when the loss is summed,
   * inside the gradient tape. As Keras, what a call adds counts for that step only (TF.js 4.22 keeps every call's
   * functions and sums them all at each later step). A function added in build, or by a program outside any call,
   * counts at every step, as in both; a tensor there is refused, as it would hold one value for ever (TF.js fails on
   * it at the first step).
   */
  addLoss(losses: Tensor | (() => Tensor) | (() => Tensor)[]): void {
    const list = Array.isArray(losses) ? losses : [losses];
    const kept = this.building || callsRunning === 0;
    list.forEach((l, i) => {
      const what = Array.isArray(losses) ? `losses[${i}]` : 'losses';
      if (!(l instanceof Tensor) && typeof l !== 'function') throw argError(`${this.name}.addLoss`, what, fmtValue(l), 'a Tensor or a function returning one');
      if (kept && l instanceof Tensor) throw argError(`${this.name}.addLoss`, what, 'a Tensor (added outside a call)', 'a function returning the penalty (added in build or outside a call, it counts at every step)');
    });
    if (kept) this.keptLosses.push(...(list as (() => Tensor)[]));
    else this.pendingLosses.push(...list);
  }

  /** @internal Forgets the penalties that calls recorded and nothing took, own and nested ones', freeing their tensors. */
  dropCallLosses(): void {
    for (const l of this.pendingLosses) if (l instanceof Tensor) l.dispose();
    this.pendingLosses = [];
    for (const l of this.nestedLayers()) l.dropCallLosses();
  }

  /** The activity penalties recorded since the last take (functions called now), and forgets them. */
  takeLosses(): Tensor[] {
    const out = this.pendingLosses.map((l) => (typeof l === 'function' ? l() : l));
    this.pendingLosses = [];
    return [...out, ...this.nestedLayers().flatMap((l) => l.takeLosses())];
  }

  /** @internal The activity penalties recorded as tensors and not yet taken, own and nested ones': a scope around a call lets them out. */
  pendingTensors(): Tensor[] {
    const own = this.pendingLosses.filter((l): l is Tensor => l instanceof Tensor);
    return [...own, ...this.nestedLayers().flatMap((l) => l.pendingTensors())];
  }

  /** The regularization penalties as functions of the current weights, as TF.js's layer.losses. */
  get losses(): (() => Tensor)[] {
    const pending = this.pendingLosses.slice();
    const own = this.vars.filter((v) => this.weightOptions.get(v)?.regularizer).map((v) => () => (this.weightOptions.get(v)?.regularizer as Regularizer).apply(v));
    return [...own, ...this.keptLosses, ...this.nestedLayers().flatMap((l) => l.losses), ...pending.map((t) => (typeof t === 'function' ? t : () => t))];
  }

  /** The penalties as tensors (to add to the loss inside the gradient tape); collects the activity penalties. */
  calculateLosses(): Tensor[] {
    return [...this.weightPenalties(), ...this.takeLosses()];
  }

  /** Projects each constrained weight (only those in `only`, when given) after an optimizer step or a write. */
  applyConstraints(only?: ReadonlySet<Variable>): void {
    for (const v of this.vars) {
      const c = this.weightOptions.get(v)?.constraint;
      // In a scope of its own: the projected tensor (and a user constraint's intermediates) are freed once written.
      if (c && (!only || only.has(v))) tidy(() => { v.assign(c.apply(v)); });
    }
    for (const l of this.nestedLayers()) l.applyConstraints(only);
  }

  countParams(): number {
    if (!this.built) throw new Error(`${this.name}.countParams: the layer is not built yet, so it has no weights to count; add it to a model with an input shape or apply it first`);
    return this.vars.reduce((n, v) => n + v.size, 0);
  }

  /**
   * Takes one from the layer's reference count and, at 0, frees its weights, as TF.js's: a layer two models hold
   * keeps them until both are disposed. Says the count left and how many variables that freed; refuses a layer not
   * built, not used (unless built when made) or already disposed. A disposed layer refuses apply and getWeights.
   */
  dispose(): DisposeResult {
    if (!this.built) throw new Error(`Cannot dispose Layer ${this.name} because it has not been built yet.`);
    // A layer built when it was made (it declared its input shape) owns weights before any use: disposing frees them.
    if (this.refCount === null && this.builtAtConstruction) this.refCount = 1;
    if (this.refCount === null) throw new Error(`Cannot dispose Layer ${this.name} because it has not been used yet.`);
    this.assertNotDisposed();
    this.refCount--;
    return { refCountAfterDispose: this.refCount, numDisposedVariables: this.refCount === 0 ? this.disposeWeights() : 0 };
  }

  /** Frees the weights still alive (a wrapper's are its inner layers' too) and says how many, as TF.js's disposeWeights. */
  disposeWeights(): number {
    const live = this.vars.filter((v) => !v.isDisposed);
    for (const v of live) v.dispose();
    return live.length;
  }

  /** @internal Throws TF.js's error once dispose() has run. */
  assertNotDisposed(): void {
    if (this.refCount === 0) throw new Error(this.disposedMessage());
  }

  /** What using a disposed layer says, as TF.js's Layer says it (a model says it as TF.js's Container). */
  protected disposedMessage(): string {
    return `Layer '${this.name}' is already disposed.`;
  }
}
