import { Tensor, type DType } from '../tensor/tensor';
import type { ModelPredictConfig, NamedTensorMap } from '../tensor/tfjs-types';
import type { IOHandler, IOHandlerSync, ModelArtifacts, SaveConfig, SaveResult } from '../io/artifacts';
import type { LoadOptions } from '../io/http-handler';
import { describe, isRecord } from '../io/json-checks';
import { loadHandlerFor, saveTarget } from '../io/router-registry';
import { argError, fmtShape, optionsArg } from '../util/validate';
import { GraphExecutor, type CompiledFunction } from './executor';
import { parseOutputName, type GraphDef } from './graph-def';
import { HashTables } from './hash-tables';
import { leafNames, readGraphModel, type GraphModelParts, type GraphParts, type IONode, type ResourceOutput } from './model-artifacts';

/** An input or output as GraphModel.inputs and outputs describe it, as TF.js's ModelTensorInfo. */
export interface ModelTensorInfo {
  name: string;
  /** The Placeholder's shape attr (-1 for an unknown dimension); absent where the graph does not say. */
  shape?: number[];
  dtype?: DType;
}

/** What runs inference on tensors, as TF.js's InferenceModel (a GraphModel). */
export interface InferenceModel {
  readonly inputs: ModelTensorInfo[];
  readonly outputs: ModelTensorInfo[];
  predict(inputs: Tensor | Tensor[] | NamedTensorMap, config: ModelPredictConfig): Tensor | Tensor[] | NamedTensorMap;
  execute(inputs: Tensor | Tensor[] | NamedTensorMap, outputs: string | string[]): Tensor | Tensor[];
}

/** Tensors by weight name, as TF.js's NamedTensorsMap (each a list of one). */
export interface NamedTensorsMap {
  [name: string]: Tensor[];
}

/** loadGraphModel's options: the io options of loadLayersModel, fromTFHub among them. */
export type GraphModelLoadOptions = LoadOptions;

type ModelSource = string | IOHandler | IOHandlerSync;
type Loaded = GraphModelParts & {
  executor: GraphExecutor;
  artifacts: ModelArtifacts;
  init?: { executor: GraphExecutor; graph: GraphDef; outputs: ResourceOutput[] };
  /** What the initializer gave, by resourceId, once it has run. */
  resources?: Map<number, Tensor>;
  /** The initializer's run while it is under way. */
  initializing?: Promise<void>;
};

/** Checks what a graph model loads from: a non-empty URL, or an IOHandler with a load method. */
export function assertModelSource(op: string, source: unknown): void {
  if ((typeof source === 'string' && source !== '') || (isRecord(source) && typeof source.load === 'function')) return;
  throw argError(op, 'modelUrl', describe(source), "a URL (http(s)://…/model.json, file://…, indexeddb://, localstorage://) or an IOHandler with a load method (e.g. tn.io.fromMemory(...))");
}

/**
 * A model converted by tfjs-converter to a graph (format 'graph-model'), run node by node with tessera's ops, as
 * TF.js's tf.GraphModel: built with a URL or IOHandler, then load(); or by tn.loadGraphModel. Inference only.
 */
// ModelURL: what the model loads from, as TF.js's type parameter (a program may name GraphModel<string | io.IOHandler>).
export class GraphModel<ModelURL extends ModelSource = string | IOHandler> implements InferenceModel {
  private loaded?: Loaded;
  private disposed = false;

  constructor(
    private readonly modelUrl: ModelURL,
    private readonly loadOptions: GraphModelLoadOptions = {},
  ) {}

  /** Loads the artifacts: a promise for an IOHandler or URL, at once for an IOHandlerSync (as TF.js). */
  load(): Promise<boolean> | boolean {
    return this.loadAs('GraphModel.load');
  }

  /** @internal load(), its errors named for the public call that made it (tn.loadGraphModel's). */
  loadAs(op: string): Promise<boolean> | boolean {
    const source = this.modelUrl;
    if (typeof source === 'string' && source !== '') {
      const { fromTFHub, ...io } = this.loadOptions;
      const url = fromTFHub ? `${source.endsWith('/') ? source : `${source}/`}model.json?tfjs-format=file` : source;
      return loadHandlerFor(op, url, io).load!().then((a) => this.loadArtifacts(op, a));
    }
    assertModelSource(op, source);
    const artifacts = (source as IOHandler).load!();
    return artifacts instanceof Promise ? artifacts.then((a) => this.loadArtifacts(op, a)) : this.loadArtifacts(op, artifacts);
  }

  private loadArtifacts(op: string, artifacts: ModelArtifacts): boolean {
    const parts = readGraphModel(op, artifacts);
    const tables = new HashTables();
    // Each graph sees the weights of its own Consts only, so that a node named as another graph's Const still runs.
    const weightsOf = (graph: GraphDef) => new Map([...graph.nodes.values()].filter((n) => n.op === 'Const').map((n) => [n.name, parts.weights.get(n.name) as Tensor]));
    const compile = ({ graph, specs, library }: GraphParts): GraphExecutor => {
      const compiled = new Map<string, CompiledFunction>();
      for (const { fn, specs: fnSpecs } of library.values()) compiled.set(fn.name, { fn, executor: new GraphExecutor(fn.graph, fnSpecs, weightsOf(fn.graph), compiled, tables) });
      return new GraphExecutor(graph, specs, weightsOf(graph), compiled, tables);
    };
    const init = parts.initializer && { executor: compile(parts.initializer), graph: parts.initializer.graph, outputs: parts.initializerOutputs ?? [] };
    this.loaded = { ...parts, artifacts, executor: compile(parts), ...(init ? { init } : {}) };
    return true;
  }

  /**
   * Runs the initializer graph once, before the model's first run, as TF.js does: it fills the model's hash tables,
   * and gives the resources that the inputs with a resourceId take. Without an initializerSignature its leaves run
   * for their effects. `run` is the initializer executor's execute or executeAsync; runs begun while it is under way
   * wait for that one.
   */
  private initialize(model: Loaded, run: (e: GraphExecutor, outputs: string[]) => Tensor[] | Promise<Tensor[]>): void | Promise<void> {
    const init = model.init;
    if (init === undefined || model.resources !== undefined) return undefined;
    if (model.initializing) return model.initializing;
    const outputs = init.outputs.length > 0 ? init.outputs.map((o) => o.tensor) : leafNames(init.graph);
    const keep = (given: Tensor[]): void => {
      if (init.outputs.length === 0) given.forEach((t) => t.dispose());
      model.resources = new Map(init.outputs.map((o, i) => [o.resourceId, given[i]]));
    };
    const ran = run(init.executor, outputs);
    if (!(ran instanceof Promise)) return keep(ran);
    model.initializing = ran.then(keep).finally(() => { model.initializing = undefined; });
    return model.initializing;
  }

  private model(op: string): Loaded {
    if (this.disposed) throw new Error(`${op}: the model has been disposed`);
    if (!this.loaded) throw new Error(`${op}: the model is not loaded yet (await model.load(), or use tn.loadGraphModel)`);
    return this.loaded;
  }

  /** The GraphDef's version: `${producer}.${minConsumer}`. */
  get modelVersion(): string {
    return this.loaded?.graph.version ?? 'n/a';
  }

  /** The input names, in the order predict and execute take an array: signature keys, else Placeholder names. */
  get inputNodes(): string[] {
    return this.model('GraphModel.inputNodes').inputs.map((n) => n.key);
  }

  get outputNodes(): string[] {
    return this.model('GraphModel.outputNodes').outputs.map((n) => n.key);
  }

  get inputs(): ModelTensorInfo[] {
    return this.model('GraphModel.inputs').inputs.map((n) => this.info(n));
  }

  get outputs(): ModelTensorInfo[] {
    return this.model('GraphModel.outputs').outputs.map((n) => this.info(n));
  }

  /** Every weight by name, each a list of one tensor, as TF.js's. */
  get weights(): NamedTensorsMap {
    return Object.fromEntries([...this.model('GraphModel.weights').weights].map(([name, t]) => [name, [t]]));
  }

  /** model.json's userDefinedMetadata. */
  get metadata(): object | undefined {
    return this.loaded?.artifacts.userDefinedMetadata;
  }

  get modelSignature(): object | undefined {
    return this.loaded?.signature;
  }

  get modelStructuredOutputKeys(): string[] | undefined {
    return this.loaded?.structuredOutputKeys;
  }

  /** As TF.js's: name, the shape attr where the op has one (Placeholders), and the dtype attr TF.js's op mapper reads. */
  private info(io: IONode): ModelTensorInfo {
    const { node } = io;
    const model = this.loaded as Loaded;
    const dtypeAttr = node.op === 'Placeholder' ? 'dtype' : model.specs.get(node.name)?.dtypeAttr;
    const shape = node.op.startsWith('Placeholder') ? node.attrs.shape('shape') : undefined;
    const dtype = dtypeAttr === undefined ? undefined : node.attrs.dtype(dtypeAttr);
    // Unknown ones are there as undefined, as TF.js's entries hold them.
    return { name: node.name, shape, dtype };
  }

  /** The outputs (outputNodes) for the inputs; named by modelStructuredOutputKeys where the model has them. */
  predict(inputs: Tensor | Tensor[] | NamedTensorMap, _config?: object): Tensor | Tensor[] | NamedTensorMap {
    return this.structured(this.execute(inputs));
  }

  async predictAsync(inputs: Tensor | Tensor[] | NamedTensorMap, _config?: object): Promise<Tensor | Tensor[] | NamedTensorMap> {
    return this.structured(await this.executeAsync(inputs));
  }

  /**
   * The tensors named by outputs ('node' or 'node:1', or signature keys; by default outputNodes) for the inputs: one
   * tensor, an array in inputNodes order, or a map by name. One output gives a tensor, several an array, as TF.js.
   */
  execute(inputs: Tensor | Tensor[] | NamedTensorMap, outputs?: string | string[]): Tensor | Tensor[] {
    const op = 'GraphModel.execute';
    const model = this.model(op);
    if (this.initialize(model, (e, names) => e.execute(`${op} (the model's initializer graph)`, new Map(), names)) instanceof Promise) {
      throw new Error(`${op}: the model's initializer graph is still running from an executeAsync call; await that call first`);
    }
    const result = model.executor.execute(op, this.feeds(op, model, inputs), this.fetches(op, model, outputs));
    return result.length > 1 ? result : result[0];
  }

  /** execute, also for graphs with ops whose output shape depends on their values (Where). */
  async executeAsync(inputs: Tensor | Tensor[] | NamedTensorMap, outputs?: string | string[]): Promise<Tensor | Tensor[]> {
    const op = 'GraphModel.executeAsync';
    const model = this.model(op);
    await this.initialize(model, (e, names) => e.executeAsync(`${op} (the model's initializer graph)`, new Map(), names));
    const result = await model.executor.executeAsync(op, this.feeds(op, model, inputs), this.fetches(op, model, outputs));
    return result.length > 1 ? result : result[0];
  }

  /**
   * Saves the model as it was loaded (its model.json entries and weight bytes), as TF.js's GraphModel.save: to a URL
   * (indexeddb://, localstorage://, downloads://, http(s)://, file:// in Node) or through an IOHandler's save, so a
   * model fetched once can be kept in the page. A graph model has no optimizer and no trainable weights, so the
   * config's options can only be false.
   */
  async save(handlerOrURL: string | IOHandler, config?: SaveConfig): Promise<SaveResult> {
    const op = 'GraphModel.save';
    const model = this.model(op);
    const { trainableOnly, includeOptimizer } = optionsArg(op, 'config', config, ['trainableOnly', 'includeOptimizer']);
    for (const [key, v] of Object.entries({ trainableOnly, includeOptimizer })) {
      if (v !== undefined && v !== false) throw argError(op, `config.${key}`, describe(v), `false or absent (a graph model has no ${key === 'includeOptimizer' ? 'optimizer' : 'trainable weights'})`);
    }
    return saveTarget(op, handlerOrURL).save(model.artifacts);
  }

  /** Frees every weight tensor; the model cannot run after. */
  dispose(): void {
    if (this.disposed || !this.loaded) return;
    for (const t of this.loaded.weights.values()) t.dispose();
    for (const t of this.loaded.resources?.values() ?? []) t.dispose();
    this.disposed = true;
  }

  private structured(out: Tensor | Tensor[]): Tensor | Tensor[] | NamedTensorMap {
    const keys = this.loaded?.structuredOutputKeys;
    if (!keys) return out;
    const list = out instanceof Tensor ? [out] : out;
    return Object.fromEntries(list.map((t, i) => [keys[i], t]));
  }

  /** The inputs by tensor name, each checked against its Placeholder's shape and dtype attrs, as TF.js checks them. */
  private feeds(op: string, model: Loaded, inputs: Tensor | Tensor[] | NamedTensorMap): Map<string, Tensor> {
    // An input that takes a resource is fed by the model from what its initializer gave, as TF.js feeds it.
    const names = model.inputs.filter((n) => n.resourceId === undefined).map((n) => n.key);
    let named: [string, unknown][];
    if (inputs instanceof Tensor || Array.isArray(inputs)) {
      const list: unknown[] = inputs instanceof Tensor ? [inputs] : inputs;
      if (list.length !== names.length) throw argError(op, 'inputs', `${list.length} tensors`, `${names.length} tensors, one per input node [${names.join(', ')}] in that order (or a map by name)`);
      named = list.map((t, i) => [names[i], t]);
    } else if (isRecord(inputs)) {
      named = Object.entries(inputs);
    } else {
      throw argError(op, 'inputs', describe(inputs), `a tensor, an array of tensors in inputNodes order [${names.join(', ')}], or a map {name: tensor}`);
    }
    const feeds = new Map<string, Tensor>();
    for (const [key, t] of named) {
      if (!(t instanceof Tensor)) throw argError(op, `inputs['${key}']`, describe(t), 'a tensor');
      const input = model.inputs.find((n) => n.key === key);
      if (input?.resourceId !== undefined) throw argError(op, `inputs['${key}']`, 'a tensor', `no tensor: this input takes resource ${input.resourceId}, which the model's initializer gives`);
      const name = input?.tensor ?? key;
      const node = model.graph.nodes.get(parseOutputName(name).node);
      if (!node) throw argError(op, 'inputs', `the key '${key}'`, `keys naming nodes of the graph (its inputs are [${names.join(', ')}])`);
      const shape = node.op.startsWith('Placeholder') ? node.attrs.shape('shape') : undefined;
      if (shape && (shape.length !== t.rank || shape.some((d, i) => d !== -1 && d !== t.shape[i]))) {
        throw argError(op, `inputs['${key}']`, `shape ${fmtShape(t.shape)}`, `shape ${fmtShape(shape.map((d) => (d === -1 ? null : d)))} (the input's Placeholder shape)`);
      }
      const dtype = node.op.startsWith('Placeholder') ? node.attrs.dtype('dtype') : undefined;
      if (dtype && dtype !== t.dtype) throw argError(op, `inputs['${key}']`, `dtype ${t.dtype}`, `dtype ${dtype} (the input's Placeholder dtype)`);
      feeds.set(name, t);
    }
    for (const input of model.inputs) {
      if (input.resourceId === undefined) continue;
      const resource = model.resources?.get(input.resourceId);
      if (resource === undefined) throw new Error(`${op}: input '${input.key}' takes resource ${input.resourceId}, which the model's initializer does not give (initializerSignature)`);
      feeds.set(input.tensor, resource);
    }
    return feeds;
  }

  /** The outputs as tensor names, signature keys mapped, each checked to name a node. */
  private fetches(op: string, model: Loaded, outputs: string | string[] | undefined): string[] {
    const list = outputs === undefined ? model.outputs.map((n) => n.key) : typeof outputs === 'string' ? [outputs] : outputs;
    if (!Array.isArray(list) || list.length === 0) throw argError(op, 'outputs', describe(outputs), 'an output name or a non-empty array of them');
    return list.map((key) => {
      const name = model.outputs.find((n) => n.key === key)?.tensor ?? key;
      if (typeof name !== 'string' || !model.graph.nodes.has(parseOutputName(name).node)) {
        throw argError(op, 'outputs', describe(key), `names of nodes of the graph ('node' or 'node:1'; the model's outputs are [${model.outputs.map((n) => n.key).join(', ')}])`);
      }
      return name;
    });
  }
}
