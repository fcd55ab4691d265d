import { backend } from '../ops/engine';
import { inPage, nextTask } from '../util/next-task';
import { memory } from '../tensor/memory';
import { gatherRows, range } from '../data/batch';
import type { IOHandler, SaveConfig, SaveResult } from '../io/artifacts';
import { InputLayer } from '../layers/input-layer';
import { Layer, apart, insideCall, withinCall, assertWeightsLive, savedWeightName, uniqueName, type Applied, type CallOptions, type DisposeResult, type Kwargs, type LayerConfig, type ShapeOrShapes } from '../layers/layer';
import { LayerNode, SymbolicTensor } from '../layers/symbolic';
import { Optimizer } from '../optimizers/optimizer';
import { Tensor, arrayTypeFor, type TypedArray } from '../tensor/tensor';
import type { ModelPredictConfig, NamedTensorMap } from '../tensor/tfjs-types';
import { tidy } from '../tensor/tidy';
import { isRecording } from '../tensor/tape';
import { concat } from '../ops/concat';
import { slice } from '../ops/slice';
import type { Variable } from '../tensor/variable';
import { argError, describeValue, fmtShape, fmtValue, optionalBoolean, optionsArg } from '../util/validate';
import type { History } from './callbacks';
import { checkInputs, checkSamples, checkTargets, dataList, type Port } from './checks';
import { compileArgs, type Compiled, type ModelCompileArgs } from './compile';
import { batchSizeArg, type ModelFitArgs, type TensorOrArrayOrMap } from './fit-options';
import { buildGraph, graphOutputShapes, runGraph, type Graph, type RunOptions } from './graph';
import { saveModel } from './save';
import { namedWeightValues } from './load-weights';
import type { Dataset } from '../data/dataset';
import { datasetArg, evaluateDatasetValues, fitDataset, type ModelEvaluateDatasetArgs, type ModelFitDatasetArgs } from './fit-dataset';
import { topologyJson } from './serialize';
import { trainingConfigOf, type TrainingConfig } from './training-config';
import { checkUserDefinedMetadata } from './user-metadata';
import { functionalGraphFromConfig, type FunctionalGraph } from './functional-config';
import type { ConfigDict, Serializable, SerializableConstructor } from '../util/serializable';
import { ownAccessors } from '../util/own-accessors';
import { summaryLines, type SummaryRow } from './summary';
import { evaluateValues, fit, logNames, stepPlan, trainStep, type TrainableModel } from './training';

export type { ModelCompileArgs, ModelFitArgs };

export interface ModelEvaluateArgs {
  batchSize?: number;
  /** Only 0: TF.js's evaluate refuses a verbose run (predict ignores it). */
  verbose?: number;
  /** TF.js's type has it, and its evaluate refuses it: given, evaluate throws. */
  steps?: number;
  /** Accepted and ignored, as TF.js's evaluate ignores it. */
  sampleWeight?: Tensor;
}

export interface ContainerArgs {
  inputs: SymbolicTensor | SymbolicTensor[];
  outputs: SymbolicTensor | SymbolicTensor[];
  name?: string;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Where a node of `layer` sits among the nodes TF.js saves: a model's node 0 is its own inputs-to-outputs node. */
export function savedNodeIndex(layer: Layer, index: number): number {
  return layer instanceof LayersModel ? index + 1 : index;
}

/**
 * A node's call arguments as saved: as TF.js's Container.getConfig, those JSON cannot hold (symbolic tensors given as
 * initialState or mask) are left out, with TF.js's warning.
 */
function savedKwargs(node: LayerNode): Readonly<Record<string, unknown>> {
  try {
    JSON.stringify(node.kwargs);
    return node.kwargs;
  } catch {
    console.warn(`Layer ${node.layer.name} was passed non-serializable keyword arguments: ${String(node.kwargs)}. They will not be included `
      + 'in the serialized model (and thus will be missing at deserialization time).');
    return {};
  }
}

/** What TF.js's container keeps as its own fields. */
const MODEL_FIELDS = ['layers', 'inputs', 'outputs', 'inputLayers', 'outputLayers', 'inputNames', 'outputNames'] as const;

/**
 * evaluate's and predict's options, where a bare number is read as the batch size, Keras's positional argument
 * (`model.evaluate(x, y, 200)`, as TF.js's own examples call it; TF.js ignores the number, and neither result
 * depends on the batch size).
 */
function numberAsBatchSize<T extends { batchSize?: number }>(given: T | number | undefined): T | undefined {
  return typeof given === 'number' ? ({ batchSize: given } as T) : given;
}

/** The widest summary line: far past any terminal, short of a string too long to make. */
const MAX_SUMMARY_WIDTH = 10_000;

/**
 * A model over a graph of layers with Keras's compile / fit / evaluate / predict / save, as tf.LayersModel
 * (what tf.model returns); tf.sequential's Sequential is one kind of it. A model is also a layer: applied to
 * symbolic tensors it becomes one node of another model, sharing its weights.
 */
export class LayersModel extends Layer implements TrainableModel {
  /** Set by callbacks to end training after the current batch, as in TF.js. */
  stopTraining = false;
  /** @internal True while fit runs. */
  isTraining = false;
  protected compiled: Compiled | null = null;
  protected graphOrNull: Graph | null = null;
  private trainableModel = true;
  private userMetadata: object | undefined = undefined;
  /** An optimizer set on the model before it was compiled (TF.js programs that train with their own loop set one). */
  private optimizerBeforeCompile: Optimizer | undefined = undefined;
  /** The node a Sequential that begins with this model made (see tfjsNodeIndex). */
  private stackNode: LayerNode | null = null;

  /** A model's name is free, as TF.js's: only its layers' names begin tensor names. */
  protected override namesTensors(): boolean {
    return false;
  }

  /** A Sequential model passes its name and no graph (it grows one as layers are added). */
  constructor(given: ContainerArgs, sequentialName?: { name: string | undefined }) {
    const op = 'model';
    if (sequentialName) {
      super('sequential', { name: sequentialName.name ?? sequentialDefaultName() });
      this.refCount = 1;
      ownAccessors(this, MODEL_FIELDS);
      return;
    }
    if (given === null || typeof given !== 'object') throw argError(op, 'config', fmtValue(given), 'an object {inputs, outputs, name?}');
    const args = optionsArg(op, 'config', given, ['inputs', 'outputs', 'name']);
    if (args.name !== undefined && (typeof args.name !== 'string' || args.name === '')) throw argError(op, 'name', fmtValue(args.name), 'a non-empty string');
    // Required: a null one is shown as given.
    const inputs = Array.isArray(given.inputs) ? given.inputs : [given.inputs];
    const outputs = Array.isArray(given.outputs) ? given.outputs : [given.outputs];
    if (inputs.length === 0 || given.inputs == null) throw argError(op, 'inputs', fmtValue(given.inputs), 'one or more SymbolicTensors from tn.input()');
    if (outputs.length === 0 || given.outputs == null) throw argError(op, 'outputs', fmtValue(given.outputs), 'one or more SymbolicTensors');
    const graph = buildGraph(op, inputs, outputs);
    super('model', { name: args.name ?? uniqueName('model') });
    // As TF.js's container: counted once as made, once more per model it is applied in.
    this.refCount = 1;
    ownAccessors(this, MODEL_FIELDS);
    this.setGraph(graph);
  }

  /** The class name TF.js registers the class under (what `LayersModel.fromConfig(cls, ...)` takes cls by). */
  static readonly className: string = 'Model';

  /**
   * @internal 'Functional' for a model loaded from a file that names its class so (Keras 2.4+): TF.js makes its
   * Functional class then, whose name the model gives (getClassName, summary, a re-saved file).
   */
  loadedAsFunctional = false;

  override getClassName(): string {
    return this.loadedAsFunctional ? 'Functional' : super.getClassName();
  }

  /**
   * As TF.js's LayersModel.fromConfig: a model of `cls` from a functional model's getConfig() (its layers made by
   * their classes' fromConfig, with fresh weights, and applied as the config's inbound nodes say).
   */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict, _customObjects?: ConfigDict, _fastWeightInit?: boolean): T {
    const op = 'LayersModel.fromConfig';
    if (config === null || typeof config !== 'object' || Array.isArray(config)) throw argError(op, 'config', fmtValue(config), "an object, as a functional model's getConfig() gives it");
    const graph = functionalGraphFromConfig(op, config, (layer) => (layer instanceof LayersModel ? layer.outputs : null));
    return new (cls as unknown as new (args: FunctionalGraph) => T)(graph);
  }

  /** Installs the graph: the model is then built for its inputs' shapes, as a layer. */
  protected setGraph(g: Graph): void {
    this.graphOrNull = g;
    const shapes = g.inputs.map((t) => t.shape.slice(1) as number[]);
    if (shapes.length > 1) this.inputShapesNoBatch = shapes;
    else this.inputShapeNoBatch = shapes[0];
    this.built = true;
  }

  /** As a layer: takes a list when the model has several inputs. */
  override takesList(): boolean {
    return (this.graphOrNull?.inputs.length ?? 1) > 1;
  }

  /**
   * As a layer: the output shape(s) for input shape(s): the model's own, or any its layers take (worked out through
   * the graph, as TF.js runs a model on them).
   */
  override outputShapeNoBatch(inputShape: readonly number[] | number[][]): ShapeOrShapes {
    const outs = this.outputShapesFor(this.name, (this.takesList() ? inputShape : [inputShape]) as number[][], (i, got, want) => [
      got ? `shape ${fmtShape([null, ...got])}` : 'nothing', `shape ${fmtShape([null, ...want])}, the input '${this.graph('apply').inputs[i].sourceLayer.name}' of model '${this.name}'`,
    ]);
    return outs.length === 1 ? outs[0] : outs;
  }

  /** Input shapes were checked through the graph by outputShapeNoBatch. */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  /** An unknown size anywhere its layers take one (outputShapeNoBatch works the shapes out through them). */
  override acceptsUnknownSize(): boolean {
    return true;
  }

  /**
   * The output shapes for inputs of these shapes (no batch dim); where the graph's layers refuse them, the error
   * names input i with what `words` gives for it (what it got, what was expected) and the layer's reason.
   */
  private outputShapesFor(op: string, given: number[][], words: (i: number, got: number[] | undefined, want: readonly (number | null)[]) => [string, string]): number[][] {
    const g = this.graph(op);
    const own = (i: number) => {
      const want = g.inputs[i].shape.slice(1);
      const got = given[i];
      return got !== undefined && got.length === want.length && got.every((d, j) => d === want[j]);
    };
    const arg = (i: number) => (g.inputs.length > 1 ? `inputs[${i}]` : 'input');
    const missing = g.inputs.findIndex((_, i) => given[i] === undefined);
    if (missing >= 0) throw argError(op, arg(missing), ...words(missing, undefined, g.inputs[missing].shape.slice(1)));
    if (g.inputs.every((_, i) => own(i))) return g.outputs.map((t) => t.shape.slice(1) as number[]);
    try {
      return graphOutputShapes(g, given);
    } catch (e) {
      const i = g.inputs.findIndex((_, k) => !own(k));
      const [got, want] = words(i, given[i], g.inputs[i].shape.slice(1));
      throw argError(op, arg(i), got, `${want}, or a shape its layers take (${(e as Error).message})`);
    }
  }

  /**
   * As a layer: runs the graph on checked tensors, its input's mask (from the layer before, or given) reaching the
   * layers inside; the output's mask is kept for computeMask, which the graph running this model asks next.
   */
  override call(x: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[] {
    return this.runAsLayer(Array.isArray(x) ? x : [x], options.training ?? false, options.mask ?? null);
  }

  private runAsLayer(xs: readonly Tensor[], training: boolean, mask: Tensor | null): Tensor | Tensor[] {
    const outputMasks: (Tensor | null)[] = [];
    const outs = this.run(xs, { training, inputMasks: [mask], outputMasks });
    this.lastMask = { input: xs[0], mask: outputMasks[0] ?? null };
    return outs.length === 1 ? outs[0] : outs;
  }

  /** The output's mask, as TF.js's container computes it: the graph's mask for this input and input mask. */
  override computeMask(x: Tensor | Tensor[], mask: Tensor | (Tensor | null)[] | null = null): Tensor | null {
    // A model of several inputs is given them, and their masks, as a list.
    const xs = Array.isArray(x) ? x : [x];
    const last = this.lastMask;
    // Taken once: the graph asks right after the call, and the model holds no tensors beyond it.
    this.lastMask = null;
    if (last && last.input === xs[0]) return last.mask;
    // Only the mask outlives the run.
    const kept = tidy(() => {
      const outputMasks: (Tensor | null)[] = [];
      this.run(xs, { training: false, inputMasks: Array.isArray(mask) ? mask : [mask], outputMasks });
      return outputMasks[0] ? [outputMasks[0]] : [];
    });
    return kept[0] ?? null;
  }

  /** @internal A model inside a model passes on the mask its graph computes (see runAsLayer). */
  override outputMask(x: Tensor | Tensor[], mask: Tensor | (Tensor | null)[] | null): Tensor | null {
    return this.computeMask(x, mask);
  }

  /** The input and output mask of the last call, until computeMask (which follows a call on the same input) takes it. */
  private lastMask: { input: Tensor; mask: Tensor | null } | null = null;

  /** The inner layers check their own input dtypes (an embedding takes integer ids). */
  protected override checksInputDtype(): boolean {
    return false;
  }

  /** As a layer, a model records its topology: TF.js nests it as a layer entry of class Sequential or Model. */
  override savedConfig(): LayerConfig {
    return this.topology('getConfig').config as LayerConfig;
  }

  protected override layerConfig(): LayerConfig {
    return {};
  }

  /** Whether fit trains the model's weights; false freezes them all as one layer of another model (the inner layers keep their own flags). */
  override get trainable(): boolean {
    return this.trainableModel;
  }

  override set trainable(value: boolean) {
    // As TF.js: the flags of each layer's own weights; a model nested as a layer owns none, so its weights keep theirs.
    for (const l of this.layers) for (const v of l.declaredTrainableWeights()) v.trainable = value;
    this.trainableModel = value;
  }

  override weightPenalties(): Tensor[] {
    return this.layers.flatMap((l) => this.eachNode(l, () => l.weightPenalties()));
  }

  override takeLosses(): Tensor[] {
    return this.layers.flatMap((l) => l.takeLosses());
  }

  override dropCallLosses(): void {
    for (const l of this.layers) l.dropCallLosses();
  }

  override pendingTensors(): Tensor[] {
    return this.layers.flatMap((l) => l.pendingTensors());
  }

  override calculateLosses(): Tensor[] {
    return this.layers.flatMap((l) => [...this.eachNode(l, () => l.weightPenalties()), ...l.takeLosses()]);
  }

  /** A layer's penalties once for each of its nodes in this model, as TF.js's Container counts them (a shared layer's twice). */
  private eachNode(layer: Layer, penalties: () => Tensor[]): Tensor[] {
    const nodes = this.graphOrNull?.nodeIndices.get(layer)?.length ?? 1;
    return Array.from({ length: nodes }, penalties).flat();
  }

  override applyConstraints(only?: ReadonlySet<Variable>): void {
    for (const l of this.layers) l.applyConstraints(only);
  }

  /** The graph (a Sequential model's grows with its layers). */
  protected graph(op: string): Graph {
    // Only a Sequential model is without one, until its first layer.
    if (!this.graphOrNull) throw new Error(`${op}: the model has no layers; add some first`);
    return this.graphOrNull;
  }

  /** Every layer, inputs first (InputLayers included), as TF.js's model.layers. */
  get layers(): Layer[] {
    return this.graph('layers').layers.slice();
  }

  /** A model used as a layer is samplewise where each of its layers is (a model of no layers yet is). */
  override samplewiseInTraining(): boolean {
    return (this.graphOrNull?.layers ?? []).every((l) => l.samplewiseInTraining());
  }

  get inputs(): SymbolicTensor[] {
    return this.graph('inputs').inputs.slice();
  }

  get outputs(): SymbolicTensor[] {
    return this.graph('outputs').outputs.slice();
  }

  /** The model's input, or its inputs when it has several, as TF.js's model.input. */
  override get input(): SymbolicTensor | SymbolicTensor[] {
    const ins = this.inputs;
    return ins.length === 1 ? ins[0] : ins;
  }

  /** The model's output, or its outputs when it has several, as TF.js's model.output. */
  override get output(): SymbolicTensor | SymbolicTensor[] {
    const outs = this.outputs;
    return outs.length === 1 ? outs[0] : outs;
  }

  /** As TF.js, where a built model is its own first node, so getInputAt(0) and getOutputAt(0) are its inputs and outputs. */
  protected override ownNode(): LayerNode | null {
    return this.graphOrNull ? new LayerNode(this, this.inputs, this.outputs, {}) : null;
  }

  /** The layers that make the model's inputs, as TF.js's model.inputLayers. */
  get inputLayers(): Layer[] {
    return this.inputs.map((t) => t.sourceLayer as Layer);
  }

  /** The layers that make the model's outputs, as TF.js's model.outputLayers. */
  get outputLayers(): Layer[] {
    return this.outputs.map((t) => t.sourceLayer as Layer);
  }

  /** Whether any layer keeps states between calls. */
  override get stateful(): boolean {
    return this.layers.some((l) => l.stateful);
  }

  /** Resets the states of every stateful layer, as TF.js's model.resetStates (a model with none is left as it is). */
  override resetStates(): void {
    for (const l of this.layers) if (l.stateful) l.resetStates();
  }

  get inputNames(): string[] {
    return this.inputs.map((t) => t.sourceLayer.name);
  }

  get outputNames(): string[] {
    return this.outputs.map((t) => t.sourceLayer.name);
  }

  /** The output shape with a null batch dim, or one per output. */
  override get outputShape(): (number | null)[] | (number | null)[][] {
    const shapes = this.outputs.map((t) => t.shape.slice());
    return shapes.length === 1 ? shapes[0] : shapes;
  }

  /** The layer of that name (or at that index of model.layers), as TF.js's getLayer(name), getLayer(index) and getLayer(name, index). */
  getLayer(nameOrIndex?: string | number | null, index?: number | null): Layer {
    const layers = this.layers;
    // As TF.js: an index given second wins; a number first is an index. TF.js reads model.layers[index], so the
    // string of an index (a for...in loop's key) is one too.
    if (index == null && typeof nameOrIndex === 'number') index = nameOrIndex;
    if (typeof index === 'string' && /^(0|[1-9]\d*)$/.test(index)) index = Number(index);
    if (index != null) {
      if (!Number.isInteger(index) || index < 0 || index >= layers.length) throw argError('getLayer', 'index', fmtValue(index), `an integer in [0, ${layers.length})`);
      return layers[index];
    }
    const found = layers.find((l) => l.name === nameOrIndex);
    if (!found) throw argError('getLayer', 'name', fmtValue(nameOrIndex), `the name of a layer of the model (${layers.map((l) => l.name).join(', ')})`);
    return found;
  }

  /** @internal Input and output ports; `op` names the call in the error for a model without layers. */
  ports(op: string): { inputs: Port[]; outputs: Port[] } {
    const g = this.graph(op);
    const port = (t: SymbolicTensor): Port => ({ name: t.sourceLayer.name, shape: t.shape.slice(1) as number[], dtype: t.dtype });
    return { inputs: g.inputs.map(port), outputs: g.outputs.map(port) };
  }

  /** @internal */
  run(xs: readonly Tensor[], options: RunOptions): Tensor[] {
    // Its layers' calls are parts of this one run: a layer applied twice keeps both calls' penalties.
    return withinCall(() => runGraph(this.graph('run'), xs, options));
  }

  /** @internal */
  outputIsSoftmax(i: number): boolean {
    const g = this.graph('fit');
    const t = g.outputs[i];
    const layer = t.sourceLayer as Layer;
    return t.node.outputs.length === 1 && layer.endsInSoftmax() && !g.consumers.get(t.id) && g.outputs.filter((o) => o === t).length === 1;
  }

  /**
   * The model as a function, as TF.js's model.apply: on tensors it runs (training defaults to false); on
   * symbolic tensors it becomes a layer of the model being built, its weights shared with this one.
   */
  override apply(inputs: Tensor, kwargs?: Kwargs): Applied<Tensor>;
  override apply(inputs: SymbolicTensor, kwargs?: Kwargs): Applied<SymbolicTensor>;
  override apply(inputs: Tensor[], kwargs?: Kwargs): Tensor | Tensor[];
  override apply(inputs: SymbolicTensor[], kwargs?: Kwargs): SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: Kwargs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs: Kwargs | null = {}): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    kwargs ??= {};
    const op = 'apply';
    this.assertNotDisposed();
    if (inputs instanceof SymbolicTensor || (Array.isArray(inputs) && inputs.some((t) => t instanceof SymbolicTensor))) {
      return super.apply(inputs, kwargs);
    }
    const ports = this.ports(op);
    const xs = dataList(op, 'inputs', inputs, ports.inputs, 'inputs');
    checkSamples(op, 'inputs', xs, ports.inputs);
    this.outputShapesFor(op, xs.map((x) => x.shape.slice(1)), (i) => [`shape ${fmtShape(xs[i].shape)}`, `shape [batch, ${ports.inputs[i].shape?.join(', ')}] to match the model's input${ports.inputs.length > 1 ? ` '${ports.inputs[i].name}'` : ''}`]);
    const mask = kwargs.mask instanceof Tensor ? kwargs.mask : null;
    // A call made on its own starts a new step's activity penalties, as Layer.apply's.
    if (!insideCall()) this.dropCallLosses();
    // In a scope, as Layer.apply: only the outputs, the output mask (which computeMask takes next) and the activity
    // penalties (which calculateLosses takes) outlive it.
    return tidy(() => {
      const out = apart(this.runAsLayer(xs as Tensor[], kwargs.training ?? false, mask), xs);
      const outMask = this.lastMask?.mask;
      return [out, [...(outMask ? [outMask] : []), ...this.pendingTensors()]] as [Tensor | Tensor[], Tensor[]];
    })[0];
  }

  compile(args: ModelCompileArgs): void {
    // The graph, not outputs: a model without layers has no outputs, and nothing to compile.
    const outputNames = this.graph('compile').outputs.map((t) => t.sourceLayer.name);
    this.compiled = { ...compileArgs(args, outputNames), collectedWeights: this.trainableWeights };
    this.optimizerBeforeCompile = undefined;
  }

  /** @internal Whether TF.js's own node of this model holds its output shapes as a list (a functional model's always does). */
  ownOutputShapesListed(): boolean {
    return true;
  }

  /**
   * The loss compile was given, as TF.js's model.loss: a name or function, or one per output (array or map); a model
   * loaded with its training config has the saved names in camelCase, as TF.js gives them. Undefined before compile.
   */
  get loss(): ModelCompileArgs['loss'] | undefined {
    return this.compiled?.args.loss;
  }

  /** The metrics compile was given, as TF.js's model.metrics (undefined before compile or without any). */
  get metrics(): ModelCompileArgs['metrics'] | undefined {
    return this.compiled?.args.metrics;
  }

  /**
   * The optimizer compile was given, or one set since; undefined before either, yet typed Optimizer, as TF.js's.
   * Setting it makes fit use that optimizer, and the model no longer frees it with itself, as TF.js's setter does.
   */
  get optimizer(): Optimizer {
    return (this.compiled ? this.compiled.optimizer : this.optimizerBeforeCompile) as Optimizer;
  }

  set optimizer(optimizer: Optimizer) {
    if (!(optimizer instanceof Optimizer)) throw argError(`${this.name}.optimizer`, 'optimizer', describeValue(optimizer), 'an Optimizer (tn.train.adam(), ...)');
    if (!this.compiled) {
      this.optimizerBeforeCompile = optimizer;
    } else if (this.compiled.optimizer !== optimizer) {
      this.compiled.optimizer = optimizer;
      this.compiled.ownsOptimizer = false;
    }
  }

  /** The names of what evaluate returns and fit logs, in that order (undefined before compile), as TF.js's field. */
  get metricsNames(): string[] | undefined {
    return this.compiled ? logNames(this.compiled, this.ports('metricsNames').outputs) : undefined;
  }

  /** TF.js's words for a model used before compile: a functional model's (a Sequential has its own). */
  protected notCompiledWords(): string {
    return 'You must compile a model before training/testing. Use LayersModel.compile(modelCompileArgs).';
  }

  protected requireCompiled(op: string): Compiled {
    assertWeightsLive(this.weights);
    if (!this.compiled) throw new Error(`${op}: ${this.notCompiledWords()} Call model.compile({ optimizer, loss, metrics }) before ${op}.`);
    return this.compiled;
  }

  /** The variables fit() updates: the trainable weights of every layer (none while the model is frozen). */
  override get trainableWeights(): Variable[] {
    return this.trainable ? unique(this.layers.flatMap((l) => l.trainableWeights)) : [];
  }

  override get nonTrainableWeights(): Variable[] {
    const frozen = unique(this.layers.flatMap((l) => l.nonTrainableWeights));
    return this.trainable ? frozen : unique([...this.layers.flatMap((l) => l.trainableWeights), ...frozen]);
  }

  /** Trainable weights, then the others, as TF.js orders model.weights. */
  override get weights(): Variable[] {
    return [...this.trainableWeights, ...this.nonTrainableWeights];
  }

  /** Trains for a number of epochs, as TF.js's model.fit; resolves to the History. */
  async fit(x: TensorOrArrayOrMap, y: TensorOrArrayOrMap, args: ModelFitArgs = {}): Promise<History> {
    return fit(this, this.requireCompiled('fit'), x, y, args);
  }

  /** Trains on a dataset of {xs, ys} batches, as TF.js's model.fitDataset; resolves to the History. */
  async fitDataset<T>(dataset: Dataset<T>, args: ModelFitDatasetArgs<T>): Promise<History> {
    const data = datasetArg('fitDataset', dataset);
    return fitDataset(this, this.requireCompiled('fitDataset'), data, args);
  }

  /** The loss and metrics over a dataset of {xs, ys} batches, as TF.js's model.evaluateDataset (scalar tensors). */
  async evaluateDataset<T>(dataset: Dataset<T>, given?: ModelEvaluateDatasetArgs): Promise<Tensor | Tensor[]> {
    const op = 'evaluateDataset';
    const data = datasetArg(op, dataset);
    const args = optionsArg(op, 'args', given, ['batches', 'verbose']);
    if (args.verbose) throw argError(op, 'args.verbose', fmtValue(args.verbose), '0 (evaluateDataset prints nothing, as in TF.js)');
    if (args.batches !== undefined && (!Number.isInteger(args.batches) || args.batches <= 0)) throw argError(op, 'batches', fmtValue(args.batches), 'a positive integer');
    const scores = this.scores(op, await evaluateDatasetValues(op, this, this.requireCompiled(op), data, args.batches ?? null));
    return scores.length === 1 ? scores[0] : scores;
  }

  /** The evaluated values as scalars in the outputs' dtype: a float64 model's stay float64 (they are summed in doubles). */
  private scores(op: string, values: readonly number[]): Tensor[] {
    const f64 = this.ports(op).outputs[0].dtype === 'float64';
    return values.map((v) => (f64 ? new Tensor([], 'float64', Float64Array.of(v)) : new Tensor([], 'float32', Float32Array.of(v))));
  }

  /** Checks evaluate-style inputs and targets and runs f on them as lists, freeing the columns made of 1-D ones after. */
  private withData<T>(op: string, x: unknown, y: unknown, f: (xs: Tensor[], ys: Tensor[], c: Compiled) => T): T {
    const c = this.requireCompiled(op);
    const { inputs, outputs } = this.ports(op);
    const made: Tensor[] = [];
    try {
      const xs = dataList(op, 'x', x, inputs, 'inputs', made);
      const n = checkInputs(op, 'x', xs, inputs);
      const ys = dataList(op, 'y', y, outputs, 'outputs', made);
      checkTargets(op, 'y', c, ys, n, outputs);
      return f(xs, ys, c);
    } finally {
      for (const t of made) t.dispose();
    }
  }

  /** The loss, then each output's loss (several outputs), then each metric, over (x, y), as TF.js: scalar tensors (one alone when that is all). */
  evaluate(x: TensorOrArrayOrMap, y: TensorOrArrayOrMap, given?: ModelEvaluateArgs): Tensor | Tensor[] {
    const op = 'evaluate';
    const args = optionsArg(op, 'args', numberAsBatchSize(given), ['batchSize', 'verbose', 'steps', 'sampleWeight']);
    const batchSize = batchSizeArg(op, args.batchSize);
    // TF.js's evaluate has neither (it throws NotImplementedError for both).
    if (args.verbose) throw argError(op, 'args.verbose', fmtValue(args.verbose), '0 (evaluate prints nothing, as in TF.js)');
    if (args.steps != null) throw argError(op, 'args.steps', fmtValue(args.steps), 'absent (evaluate runs over all of x in batches of batchSize, as in TF.js)');
    // TF.js takes it and weighs nothing; fit refuses it in TF.js's words, and so does evaluate here.
    if (args.sampleWeight != null) throw argError(op, 'args.sampleWeight', describeValue(args.sampleWeight), 'absent (samples are not weighted in evaluate)');
    const scores = this.scores(op, this.withData(op, x, y, (xs, ys, c) => evaluateValues(this, c, xs, ys, batchSize)));
    return scores.length === 1 ? scores[0] : scores;
  }

  /** The model's outputs for x, in batches, without recording anything for gradients (one tensor per output). */
  predict(x: TensorOrArrayOrMap, given?: ModelPredictConfig | ModelEvaluateArgs): Tensor | Tensor[] {
    const op = 'predict';
    const args = optionsArg(op, 'args', numberAsBatchSize(given), ['batchSize', 'verbose', 'steps']);
    const batchSize = batchSizeArg(op, args.batchSize);
    const { inputs } = this.ports(op);
    const made: Tensor[] = [];
    try {
      return this.predictChecked(dataList(op, 'x', x, inputs, 'inputs', made), inputs, batchSize);
    } finally {
      for (const t of made) t.dispose();
    }
  }

  /** predict on inputs given as a list, checked against the input ports here. */
  private predictChecked(xs: Tensor[], inputs: Port[], batchSize: number): Tensor | Tensor[] {
    const n = checkInputs('predict', 'x', xs, inputs);
    if (isRecording()) return this.predictTaped(xs, n, batchSize);
    const order = range(n);
    let chunks: { shape: readonly number[]; dtype: Tensor['dtype']; values: TypedArray[] }[] | null = null;
    for (let begin = 0; begin < n; begin += batchSize) {
      const end = Math.min(n, begin + batchSize);
      tidy(() => {
        const outs = this.run(xs.map((t) => gatherRows(t, order, begin, end)), { training: false });
        chunks ??= outs.map((o) => ({ shape: o.shape.slice(1), dtype: o.dtype, values: [] }));
        outs.forEach((o, i) => (chunks as NonNullable<typeof chunks>)[i].values.push(o.dataSync()));
      });
    }
    // No rows (no batch ran): one run of the empty inputs gives the outputs' shapes and dtypes.
    const outs = (chunks ?? tidy(() => this.run(xs, { training: false }).map((o) => ({ shape: o.shape.slice(1), dtype: o.dtype, values: [o.dataSync()] })))).map((ch) => {
      const row = ch.shape.reduce((a, b) => a * b, 1);
      const all = new (arrayTypeFor(ch.dtype))(ch.values.reduce((k, v) => k + v.length, 0));
      let at = 0;
      for (const v of ch.values) {
        all.set(v, at);
        at += v.length;
      }
      // The batches' rows one after another, as TF.js joins them: n, or more where a layer joins along the batch.
      return new Tensor([row === 0 ? n : all.length / row, ...ch.shape], ch.dtype, all);
    });
    return outs.length === 1 ? outs[0] : outs;
  }

  /**
   * predict under a gradient tape (variableGrads, optimizer.minimize, as a policy network's loss calls it): the
   * batches' outputs are ops, joined by concat, so gradients reach the weights as in TF.js.
   */
  private predictTaped(xs: Tensor[], n: number, batchSize: number): Tensor | Tensor[] {
    let outs: Tensor[];
    if (n <= batchSize) {
      outs = this.run(xs, { training: false });
    } else {
      const batches: Tensor[][] = [];
      for (let begin = 0; begin < n; begin += batchSize) {
        const rows = (t: Tensor) => slice(t, [begin, ...t.shape.slice(1).map(() => 0)], [Math.min(batchSize, n - begin), ...t.shape.slice(1)]);
        batches.push(this.run(xs.map(rows), { training: false }));
      }
      outs = batches[0].map((_, i) => concat(batches.map((b) => b[i]), 0));
    }
    return outs.length === 1 ? outs[0] : outs;
  }

  /** The outputs for one batch, as TF.js's predictOnBatch. */
  predictOnBatch(x: TensorOrArrayOrMap): Tensor | Tensor[] {
    // A batch of any size at once; what x is gets checked by predict, which names it.
    const n = (Array.isArray(x) ? x[0] : x instanceof Tensor ? x : x != null && typeof x === 'object' ? Object.values(x)[0] : undefined)?.shape?.[0];
    return this.predict(x, { batchSize: Math.max(1, n ?? 1) });
  }

  /**
   * The values of the named symbolic tensors (a layer's `output.name`, inner layers' included) for these inputs, as
   * TF.js's model.execute: one tensor for one name, a list for a list. Inputs are a tensor, a list in input order or
   * a map by input name.
   */
  execute(inputs: Tensor | Tensor[] | NamedTensorMap, outputs: string | string[]): Tensor | Tensor[] {
    const op = 'execute';
    const names = Array.isArray(outputs) ? outputs : [outputs];
    if (names.length === 0) throw argError(op, 'outputs', '[]', 'one or more names of symbolic tensors of the model');
    const byName = new Map<string, SymbolicTensor>();
    // As TF.js, the first layer (in model.layers' order) whose output has the name gives it.
    for (const layer of this.layers) {
      const outs = layer.output;
      for (const t of Array.isArray(outs) ? outs : [outs]) if (!byName.has(t.name)) byName.set(t.name, t);
    }
    const missing = names.filter((n) => !byName.has(n));
    if (missing.length > 0) throw argError(op, 'outputs', JSON.stringify(missing), `names of the model's symbolic tensors (${[...byName.keys()].join(', ')})`);
    const { inputs: ports } = this.ports(op);
    const xs = dataList(op, 'inputs', inputs, ports, 'inputs');
    const graph = buildGraph(op, this.inputs, names.map((n) => byName.get(n) as SymbolicTensor));
    const values = tidy(() => runGraph(graph, xs, { training: false }));
    return Array.isArray(outputs) ? values : values[0];
  }

  /** One optimizer step on one batch, as TF.js: resolves to the loss, or [loss, ...metrics]; as TF.js's, it also runs from a fit's callbacks. */
  async trainOnBatch(x: TensorOrArrayOrMap, y: TensorOrArrayOrMap): Promise<number | number[]> {
    const op = 'trainOnBatch';
    // As TF.js's, whose step runs once it has awaited its data checks: a call not awaited has not yet changed the
    // weights when the caller's next line (a predict, a getWeights) runs.
    await Promise.resolve();
    const values = this.withData(op, x, y, (xs, ys, c) => trainStep(this, c, stepPlan(this, c), xs, ys, null, true, 'trainOnBatch'));
    // As TF.js's webgl, whose loss read waits for the gpu on timers: a loop of gpu steps in a page lets it paint.
    if (inPage() && backend().name === 'gpu') await nextTask();
    return values.length === 1 ? values[0] : values;
  }

  /** Prints (or hands to printFn) Keras's layer table with parameter counts and, for graphs, what each layer is connected to. */
  summary(lineLength?: number, positions?: number[], printFn: (line: string) => void = console.log): void {
    if (typeof printFn !== 'function') throw argError('summary', 'printFn', fmtValue(printFn), 'a function taking each line');
    // A line is padded out to these widths: refused here rather than as a raw RangeError from String.repeat.
    if (lineLength != null && lineLength !== 0 && !(Number.isInteger(lineLength) && lineLength > 0 && lineLength <= MAX_SUMMARY_WIDTH)) {
      throw argError('summary', 'lineLength', fmtValue(lineLength), `a positive integer up to ${MAX_SUMMARY_WIDTH}`);
    }
    if (positions != null && !(Array.isArray(positions) && positions.every((p) => typeof p === 'number' && p >= 0 && p <= MAX_SUMMARY_WIDTH))) {
      throw argError('summary', 'positions', fmtValue(positions), `column ends, as fractions of the line (up to 1) or as characters (up to ${MAX_SUMMARY_WIDTH})`);
    }
    const { rows, sequentialLike } = this.summaryRows();
    const weights = { trainable: this.summaryTrainableWeights(), nonTrainable: this.nonTrainableWeights };
    for (const line of summaryLines(rows, sequentialLike, weights, lineLength, positions)) printFn(line);
  }

  /** The trainable weights the summary counts: as TF.js, those compile collected, once compiled. */
  protected summaryTrainableWeights(): Variable[] {
    return this.compiled?.collectedWeights ?? this.trainableWeights;
  }

  /**
   * @internal The layers the summary lists, with the layers feeding each, and whether the model is a plain chain
   * (TF.js's "sequential-like": one input, every node fed by at most one layer and feeding at most one, no layer used twice).
   */
  protected summaryRows(): { rows: SummaryRow[]; sequentialLike: boolean } {
    const g = this.graph('summary');
    const feeds = new Map<LayerNode, number>();
    for (const node of g.nodes) for (const t of node.inputs) feeds.set(t.node, (feeds.get(t.node) ?? 0) + 1);
    const sequentialLike = g.inputs.length === 1 && g.nodes.every((n) => n.inputs.length <= 1 && (feeds.get(n) ?? 0) <= 1)
      && g.layers.every((l) => (g.nodeIndices.get(l) ?? []).length <= 1);
    const rows = g.layers.map((layer) => ({
      layer,
      ownInputs: ownInputsOf(layer),
      nodes: summaryNodesOf(layer),
      multiple: ownShapeUnlisted(layer),
      inbound: (g.nodeIndices.get(layer) ?? []).flatMap((node) => node.inputs.map((t) => {
        // TF.js prints the node's index among all the source layer's nodes (a layer applied before, outside this
        // model, counts), where getConfig counts this model's nodes only.
        const src = t.sourceLayer as Layer;
        return `${src.name}[${src instanceof LayersModel ? src.tfjsNodeIndex(t.node) : t.nodeIndex}][${t.tensorIndex}]`;
      })),
    }));
    return { rows, sequentialLike };
  }

  override countParams(): number {
    return this.weights.reduce((n, v) => n + v.size, 0);
  }

  /** The names the weights are saved under (TF.js's, scoped by wrappers and RNNs, without a repeat's count), in the order of `weights`. */
  savedWeightNames(): string[] {
    return this.weights.map(savedWeightName);
  }

  /** Sets every weight from one list in the order of `weights`; all are checked before any changes. */
  override setWeights(weights: Tensor[]): void {
    this.checkWeights(weights);
    const vars = this.weights;
    weights.forEach((w, i) => vars[i].assign(w));
    // As TF.js writes a constrained weight: projected.
    for (const l of this.layers) l.applyConstraints();
  }

  /**
   * Sets weights by the names they are saved under ('dense_1/kernel'), as TF.js's loadWeights: with strict (the
   * default) every name must find a weight and every weight be named; without, the rest are ignored. Everything is
   * checked before any weight changes; constrained weights written are projected, as TF.js writes them.
   */
  loadWeights(weights: NamedTensorMap, strict: boolean | null = true): void {
    const op = `${this.name}.loadWeights`;
    // As TF.js, whose default is the parameter's: null does not take it, and is false.
    const found = namedWeightValues(op, this.layers, weights, optionalBoolean(op, 'strict', strict, false));
    for (const [weight, value] of found) weight.assign(value);
    this.applyConstraints(new Set(found.map(([weight]) => weight)));
  }

  /**
   * The topology as model.json holds it, as TF.js's toJSON: a JSON string, or the object when returnString is false.
   * The first argument is unused, as in TF.js.
   */
  toJSON(_unused?: unknown, returnString = true): string | Record<string, unknown> {
    const json = topologyJson(this.topology('toJSON'));
    return returnString ? JSON.stringify(json) : json;
  }

  /**
   * Saves the topology and weights in TF.js's layers format: to 'file://dir' (Node) or through an IOHandler;
   * config.includeOptimizer adds the training config and the optimizer's state, as TF.js.
   */
  async save(handlerOrURL: string | IOHandler, config?: SaveConfig): Promise<SaveResult> {
    return saveModel(this, handlerOrURL, config);
  }

  /** Sets a JSON object to be saved with the model (model.json's userDefinedMetadata), as TF.js. */
  setUserDefinedMetadata(userDefinedMetadata: object): void {
    this.userMetadata = checkUserDefinedMetadata(userDefinedMetadata);
  }

  /** The metadata set by setUserDefinedMetadata or loaded with the model; undefined when there is none. */
  getUserDefinedMetadata(): object | undefined {
    return this.userMetadata;
  }

  /** @internal The training config a save with includeOptimizer records; null before compile. */
  trainingConfig(op: string): TrainingConfig | null {
    return this.compiled ? trainingConfigOf(op, this.compiled) : null;
  }

  /** @internal The topology TF.js's layers format records (class_name and config). */
  topology(op: string): { class_name: string; config: Record<string, unknown> } {
    const g = this.graph(op);
    const nodeRef = (t: SymbolicTensor) => [t.sourceLayer.name, savedNodeIndex(t.sourceLayer as Layer, (g.nodeIndices.get(t.sourceLayer as Layer) ?? []).indexOf(t.node)), t.tensorIndex];
    const layers = g.layers.map((l) => ({
      name: l.name,
      class_name: l.getClassName(),
      config: l.savedConfig(),
      inbound_nodes: l instanceof InputLayer ? [] : (g.nodeIndices.get(l) ?? []).map((node) => {
        const kwargs = savedKwargs(node);
        return node.inputs.map((t) => [...nodeRef(t), { ...kwargs }]);
      }),
    }));
    return { class_name: this.getClassName(), config: { name: this.name, layers, input_layers: g.inputs.map(nodeRef), output_layers: g.outputs.map(nodeRef) } };
  }

  /** The nested models dispose() takes a second count from: TF.js's container finds them among its layers as it is made. */
  protected nestedModelRefs(): LayersModel[] {
    return this.layers.filter((l): l is LayersModel => l instanceof LayersModel);
  }

  /**
   * @internal A model that begins a Sequential stack is not counted again: TF.js's Sequential takes the model's own
   * graph as its start rather than applying it.
   */
  startsStack(node: LayerNode): void {
    if (this.refCount !== null) this.refCount--;
    this.stackNode = node;
  }

  /**
   * @internal The node of this model's inbound nodes that TF.js numbers as `summary()` prints it. TF.js's node 0 is
   * the model's own, which a Sequential stacking it takes as its start; tessera keeps no own node, and stacks by
   * applying the model, so that application is TF.js's node 0 and every other one comes after it.
   */
  tfjsNodeIndex(node: LayerNode): number {
    return node === this.stackNode ? 0 : 1 + this.appliedNodes().indexOf(node);
  }

  /** @internal Its inbound nodes but the one a Sequential stacking it made: TF.js's nodes after its own node 0. */
  appliedNodes(): LayerNode[] {
    return this.inboundNodes.filter((n) => n !== this.stackNode);
  }

  /** As TF.js's container: a disposed model refuses dispose and apply with its own name (its layers name theirs). */
  protected override disposedMessage(): string {
    return `Container '${this.name}' is already disposed.`;
  }

  /**
   * As TF.js's container: takes one from the model's count and, at 0, disposes each of its layers (freeing the
   * weights of those no other model holds) and its nested models once more (their own count as made), then an
   * optimizer compile made from a name.
   */
  override dispose(): DisposeResult {
    this.assertNotDisposed();
    this.refCount = (this.refCount ?? 1) - 1;
    let numDisposedVariables = 0;
    if (this.refCount === 0) {
      for (const layer of this.layers) numDisposedVariables += layer.dispose().numDisposedVariables;
      for (const nested of this.nestedModelRefs()) numDisposedVariables += nested.dispose().numDisposedVariables;
      // An optimizer the program made is the program's, perhaps shared with another model; its state stays.
      if (this.compiled?.ownsOptimizer) {
        const before = memory().numTensors;
        this.compiled.optimizer.dispose();
        numDisposedVariables += before - memory().numTensors;
      }
    }
    return { refCountAfterDispose: this.refCount, numDisposedVariables };
  }
}

/** A functional model from symbolic inputs to outputs, as tf.model({inputs, outputs, name?}). */
export function model(args: ContainerArgs): LayersModel {
  return new LayersModel(args);
}

/** @internal Whether a nested model applied to tensors prints its output shape as 'multiple' (see SummaryRow.multiple). */
export function ownShapeUnlisted(layer: Layer): boolean {
  return layer instanceof LayersModel && !layer.ownOutputShapesListed();
}

/** @internal The name a Sequential model given none takes, as TF.js's ('sequential_1', ...). */
export function sequentialDefaultName(): string {
  return uniqueName('sequential_');
}

/** @internal The nodes a summary lists for a layer: a model's stacking node is TF.js's own node 0 (see tfjsNodeIndex). */
export function summaryNodesOf(layer: Layer): LayerNode[] {
  return layer instanceof LayersModel ? layer.appliedNodes() : layer.inboundNodes;
}

/** @internal A nested model's own input shapes, its first node in TF.js's summary (see SummaryRow.ownInputs). */
export function ownInputsOf(layer: Layer): (number | null)[][] | undefined {
  return layer instanceof LayersModel ? layer.inputs.map((t) => t.shape) : undefined;
}
