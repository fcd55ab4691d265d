import type { Layer } from '../layers/index';
import { Sequential, type SequentialArgs } from './sequential';
import type { SerializableConstructor } from '../util/serializable';
import { LayersModel, savedNodeIndex, sequentialDefaultName } from './layers-model';
import { InputLayer } from '../layers/input-layer';
import { savedWeightName, uniqueName, userLayerName } from '../layers/layer';
import type { LayerPlan } from './layer-plan';
import { fmtShape, isPositiveInt, messageOf } from '../util/validate';
import type { DType, Tensor } from '../tensor/tensor';
import type { NamedTensor } from '../optimizers/index';
import { compileArgsFor, readTrainingConfig } from './training-config';
import type { NumericWeightSpec } from '../io/artifacts';
import { ConfigReader, checkEntryKeys } from './config-reader';
import { badValue, describe, isRecord, own, requireRecord, requireString } from '../io/json-checks';
import { layerClassNames, readLayerKind } from './layer-kinds';
import { registeredClass } from '../layers/serialization';
import { registeredPlan } from './registered-plan';
import { checkUserDefinedMetadata } from './user-metadata';
import { byteLength, checkByteLength, decodeWeights, readWeightSpecs, weightBytes } from '../io/weights';
import { drawingFresh } from './saved-initializer';
import { kerasSpelling, type ConfigValue } from '../util/case';
import { outputOf, replayNodes, type NodeOutputs, type NodeRef, type PendingNode } from './replay-nodes';

const MAX_LAYERS = 1000;

interface ReadLayer {
  where: string;
  name: string;
  trainable: boolean;
  /** The dtype the config states, if any. */
  dtype: DType | undefined;
  /** The input shape (no batch dim) the config states, if any. */
  inputShape: number[] | undefined;
  /** The fixed batch size its batch_input_shape states (a stateful RNN's), else null. */
  batch: number | null;
  plan: LayerPlan;
}

/** A weight the built model will own, with where it sits among the layers. */
interface ExpectedWeight {
  layer: number;
  slot: number;
  name: string;
  suffix: string;
  shape: number[];
}

/**
 * A layer's batch_input_shape; sizes may be null where an InputLayer gives the shape (functional models), and the
 * time steps may be null in a sequence's shape (the layer it feeds says whether it takes any length).
 */
function readBatchShape(r: ConfigReader, key: string, unknownDims = false): { batch: number | null; dims: number[] } | undefined {
  const v = r.get(key);
  return v === undefined ? undefined : batchShapeOf(r, key, v, unknownDims);
}

/** A [batch, ...dims] shape read from `key` (null dims allowed with unknownDims), checked. */
function batchShapeOf(r: ConfigReader, key: string, v: unknown, unknownDims: boolean): { batch: number | null; dims: number[] } {
  const dim = (d: unknown, i: number) => isPositiveInt(d) || (d === null && (unknownDims || i === 0));
  const ok = Array.isArray(v) && v.length >= 1 && (v[0] === null || isPositiveInt(v[0])) && v.slice(1).every((d, i) => dim(d, i));
  if (!ok) throw r.fail(key, v, `[null, ...dims] with positive integer${unknownDims ? ' or null' : ''} dims`);
  return { batch: v[0] as number | null, dims: (v as number[]).slice(1) };
}

/**
 * The input shape a layer entry declares: Keras's batch_input_shape, or input_shape (with batch_size), which a topology
 * written by hand gives and TF.js's layers take as inputShape and batchSize.
 */
function readDeclaredShape(r: ConfigReader): { batch: number | null; dims: number[] } | undefined {
  const stated = readBatchShape(r, 'batch_input_shape', true);
  const given = r.get('input_shape');
  const batch = r.get('batch_size');
  if (given === undefined) {
    if (batch !== undefined && batch !== null) throw r.fail('batch_size', batch, 'absent without input_shape');
    return stated;
  }
  if (stated) throw r.fail('input_shape', given, 'absent beside batch_input_shape');
  if (batch !== undefined && batch !== null && !isPositiveInt(batch)) throw r.fail('batch_size', batch, 'a positive integer or null');
  if (!Array.isArray(given)) throw r.fail('input_shape', given, '[...dims] with positive integer or null dims');
  return batchShapeOf(r, 'input_shape', [batch ?? null, ...given], true);
}

/**
 * tf.keras 2 writes a layer's dtype as a policy {class_name: 'Policy', config: {name}}, Keras 3 as a 'DTypePolicy';
 * its name is the dtype.
 */
function policyName(r: ConfigReader, v: unknown): unknown {
  if (!isRecord(v) || !['Policy', 'DTypePolicy'].includes(own(v, 'class_name') as string)) return v;
  checkEntryKeys(r.op, `${r.where}.dtype`, v, ['class_name', 'config'], 'a dtype policy');
  const config = requireRecord(r.op, `${r.where}.dtype.config`, own(v, 'config'));
  return own(config, 'name');
}

/** A layer's dtype; an int32 or bool one is the dtype of an InputLayer, or of the input a first layer declares, as TF.js writes for ids. */
function readDtype(r: ConfigReader): DType | undefined {
  const v = policyName(r, r.get('dtype'));
  if (v === undefined || v === null) return undefined;
  if (v === 'float32' || v === 'float64' || v === 'int32' || v === 'bool') return v;
  // Keras's mixed policies keep float32 variables (the weights the file holds) and compute in 16 bits; they run here
  // in float32, as TF.js runs them. A float16 policy's weights would be float16, which tessera does not compute in.
  if (v === 'mixed_float16' || v === 'mixed_bfloat16') return 'float32';
  throw r.fail('dtype', v, "'float32', 'float64', 'int32' or 'bool' (or Keras's mixed_float16 or mixed_bfloat16, run in float32)");
}

/** Keras writes an InputLayer first; tessera keeps its shape and dtype on the first real layer. */
interface ReadInput {
  /** The InputLayer's name, when the file lists one first. */
  name?: string;
  shape: number[] | undefined;
  /** Its fixed batch size, else null. */
  batch: number | null;
  dtype: DType | undefined;
}

function readInputLayer(r: ConfigReader): ReadInput {
  // A hand-written InputLayer may leave out its name (named then as TF.js's InputLayer names itself) and give input_shape.
  const named = r.get('name');
  const name = named === undefined || named === null ? uniqueName('input') : requireString(r.op, `${r.where}.name`, named);
  const shape = readDeclaredShape(r) ?? readBatchShape(r, 'batch_shape', true);
  const dtype = readDtype(r);
  r.unsupported('sparse', [false, null]);
  r.unsupported('ragged', [false, null]);
  // Later Keras 2 writes whether the input may be left out; a required one (false) is what every input here is.
  r.unsupported('optional', [false, null]);
  r.finish();
  return { name, shape: shape?.dims, batch: shape?.batch ?? null, dtype };
}

/**
 * A saved layer config, with the name its constructor gives added where the config has none (a user's registered
 * class whose getConfig left it out, or a topology written by hand), as TF.js's loader makes that layer.
 */
function withConstructorName(saved: Record<string, unknown>, className: unknown): Record<string, unknown> {
  const named = typeof className !== 'string' || MODEL_CLASSES.includes(className) || own(saved, 'name') !== undefined;
  return named ? saved : { ...saved, name: userLayerName(className) };
}

function readLayers(op: string, where: string, entries: unknown[]): { layers: ReadLayer[]; input: ReadInput } {
  const layers: ReadLayer[] = [];
  let input: ReadInput = { shape: undefined, batch: null, dtype: undefined };
  const names = new Set<string>();
  const readEntry = (e: unknown, i: number): void => {
    const at = `${where}[${i}]`;
    const entry = requireRecord(op, at, e);
    checkEntryKeys(op, at, entry, ['class_name', 'config'], 'a layer entry');
    const className = own(entry, 'class_name');
    const given = own(entry, 'config');
    // Keras 2.0 wrote a nested Sequential's config as its list of layers, as it writes the outer one's.
    const saved = className === 'Sequential' && Array.isArray(given) ? { name: sequentialDefaultName(), layers: given } : requireRecord(op, `${at}.config`, given);
    if (className === 'InputLayer' && i === 0) {
      input = readInputLayer(new ConfigReader(op, `${at}.config`, saved));
      return;
    }
    const config = withConstructorName(saved, className);
    const name = requireString(op, `${at}.config.name`, own(config, 'name'));
    const r = new ConfigReader(op, `${at} (${describe(name)}).config`, config);
    r.get('name'); // read above; marked so finish() accepts it
    if (names.has(name)) throw r.fail('name', name, 'a name no other layer has');
    names.add(name);
    const plan = planFor(className, r, name, false);
    if (!plan) throw badValue(op, `${at}.class_name`, className, `one of ${layerClassNames.join(', ')}, ${MODEL_CLASSES.join(', ')} (or InputLayer first)`);
    const trainable = r.bool('trainable', true);
    const dtype = readDtype(r);
    const stated = readDeclaredShape(r);
    layers.push({ where: r.where, name, trainable, dtype, inputShape: stated?.dims ?? plan.inputShape, batch: stated?.batch ?? null, plan });
    r.finish();
  };
  try {
    entries.forEach((e, i) => readEntry(e, i));
  } catch (e) {
    for (const l of layers) l.plan.discard?.();
    throw e;
  }
  return { layers, input };
}

/** Runs the shapes through the layers and lists their weights, in the order TF.js saves them. */
function expectedWeights(op: string, layers: ReadLayer[], inputShape: number[]): ExpectedWeight[] {
  let shape = inputShape;
  const trainable: ExpectedWeight[] = [];
  const frozen: ExpectedWeight[] = [];
  layers.forEach((l, i) => {
    if (i > 0 && l.inputShape && fmtShape(l.inputShape) !== fmtShape(shape)) {
      throw badValue(op, `${l.where}.batch_input_shape`, [null, ...l.inputShape], `${fmtShape([null, ...shape])}, the output of the layer before`);
    }
    const input = shape;
    try {
      shape = l.plan.outputShape(input);
    } catch (e) {
      throw new Error(`${op}: ${l.where} does not fit its input of shape ${fmtShape([null, ...input])}: ${(e as Error).message}`);
    }
    // TF.js lists the weights of trainable layers first, then the frozen ones (Container.weights).
    l.plan.weightShapes(input).forEach((w, slot) => {
      const list = l.trainable && w.trainable !== false ? trainable : frozen;
      list.push({ layer: i, slot, name: w.name ?? `${l.name}/${w.suffix}`, suffix: w.suffix, shape: w.shape });
    });
  });
  return [...trainable, ...frozen];
}

const baseName = (name: string) => name.replace(/:\d+$/, '');

/**
 * The name a weight is looked up by, as TF.js's Container.loadWeights keys it: its saved name, or for a file in Keras
 * v3's naming (the first name ends in a number: 'dense/0') its layer's scope and its index among that layer's weights.
 */
function lookupName(w: ExpectedWeight, kerasV3: boolean): string {
  return kerasV3 ? `${w.name.slice(0, w.name.lastIndexOf('/') + 1)}${w.slot}` : w.name;
}

/**
 * Pairs manifest entries with the weights the layers need, by name as TF.js loads them (a name TF 2.2+ writes with its
 * cell, 'lstm/lstm_cell/kernel', also finds 'lstm/kernel'), checking shapes and dtypes; a name with no weight of the
 * model left to take it is refused with TF.js's words (with as many names as weights, no weight is then left unset).
 */
function matchWeights(op: string, specs: NumericWeightSpec[], expected: ExpectedWeight[], dtype: DType): number[] {
  if (specs.length !== expected.length) {
    const listed = expected.slice(0, 8).map((w) => `${w.name} ${fmtShape(w.shape)}`).join(', ');
    throw new Error(`${op}: weightSpecs must list ${expected.length} weights for these layers (${listed || 'none'}${expected.length > 8 ? ', …' : ''}), got ${specs.length}`);
  }
  const first = specs[0] ? baseName(specs[0].name).split('/') : [];
  const kerasV3 = first.length > 0 && !Number.isNaN(parseInt(first[first.length - 1], 10));
  const targets = new Map<string, number>();
  expected.forEach((w, k) => {
    const key = lookupName(w, kerasV3);
    if (targets.has(key)) throw new Error(`${op}: Duplicate weight name: ${key}`);
    targets.set(key, k);
  });
  const order: number[] = [];
  specs.forEach((s, i) => {
    const name = baseName(s.name);
    const parts = name.split('/');
    const k = targets.get(name) ?? targets.get([...parts.slice(0, -2), parts[parts.length - 1]].join('/'));
    if (k === undefined) throw new Error(`${op}: Provided weight data has no target variable: ${s.name}`);
    const w = expected[k];
    targets.delete(lookupName(w, kerasV3));
    if (s.dtype !== dtype || fmtShape(s.shape) !== fmtShape(w.shape)) {
      throw new Error(`${op}: weightSpecs[${i}] (${describe(s.name)}) must be the ${w.suffix} of layer ${describe(w.name.slice(0, -w.suffix.length - 1))}, shape ${fmtShape(w.shape)} and dtype ${dtype}; got shape ${fmtShape(s.shape)} and dtype ${s.dtype}`);
    }
    order[k] = i;
  });
  return order;
}

/** The weights the artifacts hold, or null where a nested model's layers keep what they were made with (its weights come with the outer model's). */
type WeightSource = { specs: NumericWeightSpec[]; data: Uint8Array } | null;

const MODEL_CLASSES = ['Sequential', 'Model', 'Functional'];

/**
 * A model from TF.js-style artifacts (Sequential, functional, or models nested in them), compiled as their training
 * config says, and the optimizer state saved with it (restored once the model's variables exist). Everything the
 * artifacts declare is checked before the first layer is made, so a bad file throws without a partial model.
 */
export function modelFromArtifacts(op: string, artifacts: unknown): { model: LayersModel; optimizerWeights: NamedTensor[] } {
  const a = requireRecord(op, 'artifacts', artifacts);
  let where = 'modelTopology';
  let topology = requireRecord(op, where, own(a, 'modelTopology'));
  if (own(a, 'format') === 'graph-model' || Array.isArray(own(topology, 'node'))) {
    throw new Error(`${op}: this is a graph model (format 'graph-model', a TensorFlow GraphDef), not a layers model; load it with tn.loadGraphModel`);
  }
  // Keras's converter nests the model under model_config, beside training_config.
  if (own(topology, 'model_config') !== undefined) {
    where = 'modelTopology.model_config';
    topology = requireRecord(op, where, own(topology, 'model_config'));
  }
  const saved = own(a, 'trainingConfig');
  const training = saved == null ? undefined : readTrainingConfig(op, 'trainingConfig', saved);
  const metadata = own(a, 'userDefinedMetadata');
  if (metadata != null) checkUserDefinedMetadata(metadata);
  const all = own(a, 'weightSpecs') == null ? [] : readWeightSpecs(op, 'weightSpecs', own(a, 'weightSpecs'));
  const data = weightBytes(op, 'weightData', own(a, 'weightData'));
  // As TF.js, artifacts without weights (a topology alone, a model.json without a weightsManifest) give the model the
  // fresh weights its initializers draw; weights listed without their data are still a truncated file.
  const fresh = own(a, 'weightData') == null && all.length === 0;
  checkByteLength(op, 'weightData', all, data.byteLength);
  // TF.js saves an optimizer's state (group 'optimizer') after the model's weights.
  const first = all.findIndex((s) => s.group === 'optimizer');
  const specs = first < 0 ? all : all.slice(0, first);
  const optimizerSpecs = first < 0 ? [] : all.slice(first);
  const stray = optimizerSpecs.findIndex((s) => s.group !== 'optimizer');
  if (stray >= 0) throw badValue(op, `weightSpecs[${first + stray}].group`, optimizerSpecs[stray].group, "'optimizer' (the optimizer's weights follow the model's)");
  const modelBytes = specs.reduce((n, s) => n + byteLength(s), 0);
  topology = kerasSpelling(topology as ConfigValue, isUserLayerClass) as Record<string, unknown>;
  const [className, config] = [own(topology, 'class_name'), own(topology, 'config')];
  const model = fresh ? drawingFresh(() => modelFromTopology(op, where, className, config, null))
    : modelFromTopology(op, where, className, config, { specs, data: data.subarray(0, modelBytes) });
  if (metadata != null) model.setUserDefinedMetadata(metadata as object);
  // As TF.js, an optimizer's state is used only with the training config that says which optimizer it is.
  if (!training) return { model, optimizerWeights: [] };
  try {
    model.compile(compileArgsFor(training, model.outputNames));
  } catch (e) {
    model.dispose();
    throw new Error(`${op}: trainingConfig does not fit the model: ${messageOf(e)}`, { cause: e });
  }
  const tensors = decodeWeights(optimizerSpecs, data.subarray(modelBytes));
  return { model, optimizerWeights: optimizerSpecs.map((s, i) => ({ name: s.name, tensor: tensors[i] })) };
}

/**
 * A model from a topology alone (model.toJSON's object, or model.json's modelTopology, Keras's model_config nesting
 * included): its layers get fresh weights from their initializers, as TF.js's tf.models.modelFromJSON gives them.
 */
export function modelFromTopologyOnly(op: string, where: string, topologyValue: unknown): LayersModel {
  let topology = requireRecord(op, where, topologyValue);
  if (own(topology, 'model_config') !== undefined) {
    where = `${where}.model_config`;
    topology = requireRecord(op, where, own(topology, 'model_config'));
  }
  topology = kerasSpelling(topology as ConfigValue, isUserLayerClass) as Record<string, unknown>;
  const [className, config] = [own(topology, 'class_name'), own(topology, 'config')];
  return drawingFresh(() => modelFromTopology(op, where, className, config, null));
}

/** Whether a saved class_name is a user's registered class other than a model (its config is its own to read). */
function isUserLayerClass(className: string): boolean {
  return registeredClass(className) !== undefined && !registeredModelClass(className);
}

/** The model class a saved class_name names: a subclass of Sequential or LayersModel the user registered goes by its className, as TF.js's. */
function registeredModelClass(className: unknown): SerializableConstructor<LayersModel> | undefined {
  const cls = typeof className === 'string' && !MODEL_CLASSES.includes(className) ? registeredClass<LayersModel>(className) : undefined;
  return cls && cls.prototype instanceof LayersModel ? cls : undefined;
}

function modelFromTopology(op: string, where: string, className: unknown, config: unknown, weights: WeightSource): LayersModel {
  const cls = registeredModelClass(className);
  if (cls && !(cls.prototype instanceof Sequential)) return functionalFromConfig(op, where, config, weights, cls);
  if (className === 'Model' || className === 'Functional') {
    const model = functionalFromConfig(op, where, config, weights, LayersModel);
    model.loadedAsFunctional = className === 'Functional';
    return model;
  }
  if (className !== 'Sequential' && !cls) throw badValue(op, `${where}.class_name`, className, "'Sequential', 'Model', 'Functional' or the className of a model class registered with tf.serialization.registerClass");
  let modelName: string | undefined;
  let entries = config;
  let layersWhere = `${where}.config`;
  // Older Keras files give the layer list itself as the config.
  if (!Array.isArray(config)) {
    const c = requireRecord(op, layersWhere, config);
    if (own(c, 'name') !== undefined) modelName = requireString(op, `${layersWhere}.name`, own(c, 'name'));
    entries = own(c, 'layers');
    layersWhere = `${layersWhere}.layers`;
  }
  if (!Array.isArray(entries) || entries.length > MAX_LAYERS) throw badValue(op, layersWhere, entries, `an array of at most ${MAX_LAYERS} layers`);

  const { layers, input } = readLayers(op, layersWhere, entries);
  const made: Layer[] = [];
  try {
    return sequentialFromLayers(op, modelName, layers, input, weights, made, (cls ?? Sequential) as unknown as SequentialClass);
  } catch (e) {
    for (const l of made) l.disposeWeights();
    for (const l of layers.slice(made.length)) l.plan.discard?.();
    throw e;
  }
}

/** The Sequential model of layers read from a file, pushing each layer it makes onto `made` (the caller frees them on failure). */
type SequentialClass = new (args: SequentialArgs) => Sequential;

function sequentialFromLayers(op: string, modelName: string | undefined, layers: ReadLayer[], input: ReadInput, weights: WeightSource, made: Layer[], cls: SequentialClass): Sequential {
  if (layers.length === 0) return inputOnlySequential(op, modelName, input, weights, cls);
  const first = layers[0];
  const inputShape = input.shape ?? first.inputShape;
  if (!inputShape) throw badValue(op, `${first.where}.batch_input_shape`, undefined, '[null, ...dims]: tessera needs the input shape to check and set the weights');
  // An unknown (null) dim of the first layer's own fits the InputLayer's (an embedding declares ids of any length).
  const fits = (own: readonly (number | null)[], given: readonly (number | null)[]) => own.length === given.length && own.every((d, i) => d === null || d === given[i]);
  if (input.shape && first.inputShape && !fits(first.inputShape, input.shape)) {
    throw badValue(op, `${first.where}.batch_input_shape`, [null, ...first.inputShape], `the InputLayer's ${fmtShape([null, ...input.shape])}`);
  }
  // An int32 or bool InputLayer, or first layer's dtype (TF.js's dtype of the input it declares), feeds layers that
  // compute in float32.
  const ids = (d: DType | undefined): boolean => d === 'int32' || d === 'bool';
  const feedsIds = ids(input.dtype);
  const dtype = (feedsIds ? undefined : input.dtype) ?? (ids(first.dtype) ? undefined : first.dtype) ?? 'float32';
  const dtypeOf = (l: ReadLayer): DType => (l === first && ids(l.dtype) ? (l.dtype as DType) : dtype);
  for (const l of layers) if (l.dtype && l.dtype !== dtypeOf(l)) throw badValue(op, `${l.where}.dtype`, l.dtype, `'${dtype}', the model's dtype`);

  const expected = expectedWeights(op, layers, inputShape);
  const perLayer: Tensor[][] = layers.map(() => []);
  const order = weights ? matchWeights(op, weights.specs, expected, dtype) : [];
  // The decoded values are copied into the variables and freed, whether or not the model gets made.
  const tensors = weights ? decodeWeights(weights.specs, weights.data) : [];
  try {
    // Without weights (a topology alone) each layer keeps what its initializers draw.
    if (weights) expected.forEach((w, k) => (perLayer[w.layer][w.slot] = tensors[order[k]]));
    // A fixed batch size (a stateful RNN's) stays fixed, as TF.js loads it.
    const batch = input.shape ? input.batch : first.batch;
    const listed = input.name !== undefined || feedsIds;
    layers.forEach((l, i) => {
      // The first layer declares the input, unless an InputLayer listed before it does: then, as in TF.js, the layer
      // declares only what its own config states (and saving again writes no more than that).
      const declares = i === 0 && !listed;
      const shape = declares ? inputShape : l.inputShape;
      const fixedBatch = declares ? batch : i === 0 && l.inputShape ? l.batch : null;
      const fixed = fixedBatch !== null ? { batchSize: fixedBatch } : {};
      made.push(l.plan.create({ name: l.name, trainable: l.trainable, dtype: dtypeOf(l), inputShape: shape, ...fixed }, perLayer[i]));
    });
    // A listed InputLayer comes back as one of the model's layers, under its name, as TF.js loads it.
    const feed = listed ? [new InputLayer({ batchInputShape: [batch, ...inputShape], dtype: input.dtype, name: input.name })] : [];
    const model = new cls({ name: modelName, layers: [...feed, ...made] });
    if (weights) made.forEach((l, i) => l.setWeights(perLayer[i]));
    return model;
  } finally {
    for (const t of tensors) t.dispose();
  }
}

/** A Sequential of no layer but (where the file lists one) its InputLayer, as TF.js loads a model saved before its first add. */
function inputOnlySequential(op: string, modelName: string | undefined, input: ReadInput, weights: WeightSource, cls: SequentialClass): Sequential {
  if (weights) matchWeights(op, weights.specs, [], 'float32');
  const feed = input.shape ? [new InputLayer({ batchInputShape: [input.batch, ...input.shape], dtype: input.dtype, name: input.name })] : [];
  return new cls({ name: modelName, layers: feed });
}

/**
 * A Sequential or functional model nested as a layer (TF.js writes its topology as the layer's config): made
 * once, when read, so that its shapes and weights are known; its weights are set with the outer model's.
 */
function nestedPlan(r: ConfigReader, className: string, inFunctional: boolean): LayerPlan {
  const config: Record<string, unknown> = { name: r.get('name'), layers: r.get('layers') };
  if (className !== 'Sequential') {
    config.input_layers = r.get('input_layers');
    config.output_layers = r.get('output_layers');
  }
  // As TF.js's loader: a model nested in a functional one is read without its fast (zeros) weight init, so its layers
  // draw from their initializers (Math.random as often) before the outer weights replace them; one in a Sequential
  // inherits the Sequential's (a loaded file's Sequential draws nothing).
  const make = () => modelFromTopology(r.op, r.where.replace(/\.config$/, ''), className, config, null);
  const model = inFunctional ? drawingFresh(make) : make();
  const shapes = model.inputs.map((t) => t.shape.slice(1) as number[]);
  return {
    inputShape: shapes.length === 1 ? shapes[0] : undefined,
    outputShape: (input) => model.outputShapeNoBatch(input) as number[],
    weightShapes: () => model.weights.map((v) => {
      const name = savedWeightName(v);
      return { suffix: name.slice(name.lastIndexOf('/') + 1), name, shape: v.shape.slice(), trainable: v.trainable };
    }),
    create: (common) => {
      if (common.trainable === false) model.trainable = false;
      return model;
    },
    discard: () => model.dispose(),
  };
}

/** The plan for a layer entry: a nested model, a user's registered layer class, or a layer class tessera knows. */
function planFor(className: unknown, r: ConfigReader, name: string, inFunctional: boolean): LayerPlan | undefined {
  if (typeof className !== 'string') return undefined;
  if (MODEL_CLASSES.includes(className)) return nestedPlan(r, className, inFunctional);
  const registered = registeredClass<Layer>(className);
  return registered ? registeredPlan(registered, r) : readLayerKind(className, r, name);
}

function readRef(op: string, where: string, v: unknown): NodeRef {
  const ok = Array.isArray(v) && v.length >= 3 && v.length <= 4 && typeof v[0] === 'string' && Number.isInteger(v[1]) && v[1] >= 0 && Number.isInteger(v[2]) && v[2] >= 0
    && (v.length === 3 || isRecord(v[3]));
  if (!ok) throw badValue(op, where, v, '[layerName, nodeIndex, tensorIndex, kwargs?]');
  const r = v as unknown[];
  return [r[0] as string, r[1] as number, r[2] as number, (r[3] as Record<string, unknown> | undefined) ?? {}];
}

/**
 * Builds a functional model from a Keras/TF.js 'Model' topology: the layers are made, their inbound nodes
 * replayed in dependency order, and the weights matched by name. Anything that does not fit throws and
 * frees what was made.
 */
function functionalFromConfig(op: string, where: string, configValue: unknown, weights: WeightSource, cls: SerializableConstructor<LayersModel>): LayersModel {
  const cw = `${where}.config`;
  const c = requireRecord(op, cw, configValue);
  const modelName = own(c, 'name') === undefined ? undefined : requireString(op, `${cw}.name`, own(c, 'name'));
  const entries = own(c, 'layers');
  if (!Array.isArray(entries) || entries.length > MAX_LAYERS) throw badValue(op, `${cw}.layers`, entries, `an array of at most ${MAX_LAYERS} layers`);

  const made = new Map<string, Layer>();
  try {
    const pending: PendingNode[] = [];
    const outputsOf: NodeOutputs = new Map();
    entries.forEach((e, i) => {
      const at = `${cw}.layers[${i}]`;
      const entry = requireRecord(op, at, e);
      checkEntryKeys(op, at, entry, ['name', 'class_name', 'config', 'inbound_nodes'], 'a layer entry');
      const className = own(entry, 'class_name');
      const saved = requireRecord(op, `${at}.config`, own(entry, 'config'));
      // A layer given its constructor's name is still linked in the graph by the entry's name, as TF.js's loader does.
      const entryName = own(entry, 'name');
      const config = typeof entryName === 'string' ? withConstructorName(saved, className) : saved;
      const name = config !== saved ? (entryName as string) : requireString(op, `${at}.config.name`, own(config, 'name'));
      if (made.has(name)) throw badValue(op, `${at}.config.name`, name, 'a name no other layer has');
      let layer: Layer;
      if (className === 'InputLayer') {
        const { shape, batch, dtype } = readInputLayer(new ConfigReader(op, `${at}.config`, config));
        if (!shape) throw badValue(op, `${at}.config.batch_input_shape`, undefined, '[null, ...dims]');
        layer = new InputLayer({ batchInputShape: [batch, ...shape], dtype, name });
        outputsOf.set(name, [[(layer as InputLayer).output]]);
      } else {
        const r = new ConfigReader(op, `${at} (${describe(name)}).config`, config);
        r.get('name');
        const trainable = r.bool('trainable', true);
        const dtype = readDtype(r);
        readDeclaredShape(r);
        const plan = planFor(className, r, name, true);
        if (!plan) throw badValue(op, `${at}.class_name`, className, `one of InputLayer, ${layerClassNames.join(', ')}, ${MODEL_CLASSES.join(', ')}`);
        r.finish();
        layer = plan.create({ name, trainable, dtype }, []);
        // A model's node 0 links its own inputs to its outputs; its applications here count from 1.
        outputsOf.set(name, layer instanceof LayersModel ? [layer.outputs] : []);
        const nodes = own(entry, 'inbound_nodes') ?? [];
        if (!Array.isArray(nodes)) throw badValue(op, `${at}.inbound_nodes`, nodes, 'an array of nodes');
        nodes.forEach((n, k) => {
          if (!Array.isArray(n) || n.length === 0) throw badValue(op, `${at}.inbound_nodes[${k}]`, n, 'a non-empty array of [layerName, nodeIndex, tensorIndex, kwargs]');
          pending.push({ layer, name, at: `${at}.inbound_nodes[${k}]`, index: savedNodeIndex(layer, k), refs: n.map((ref, j) => readRef(op, `${at}.inbound_nodes[${k}][${j}]`, ref)) });
        });
      }
      made.set(name, layer);
    });
    replayNodes(
      pending, outputsOf,
      (p) => badValue(op, p.at, p.refs.map((r) => r.slice(0, 3)), 'references to layers and nodes that exist (the graph cannot be completed)'),
      (p, e) => new Error(`${op}: ${p.at} does not fit layer '${p.layer.name}': ${e.message}`),
    );
    const ends = (key: string) => {
      const v = own(c, key);
      if (!Array.isArray(v) || v.length === 0) throw badValue(op, `${cw}.${key}`, v, 'a non-empty array of [layerName, nodeIndex, tensorIndex]');
      return v.map((ref, i) => {
        const t = outputOf(outputsOf, readRef(op, `${cw}.${key}[${i}]`, ref));
        if (!t) throw badValue(op, `${cw}.${key}[${i}]`, ref, 'a reference to an existing layer output');
        return t;
      });
    };
    const model = new cls({ inputs: ends('input_layers'), outputs: ends('output_layers'), name: modelName });
    if (!weights) return model;
    const { specs, data } = weights;
    const vars = model.weights;
    const dtype = vars[0]?.dtype ?? 'float32';
    const names = model.savedWeightNames();
    // Each weight's index among its layer's weights (what a Keras v3 file names it by).
    const slotOf = new Map(model.layers.flatMap((l) => l.weights.map((v, slot) => [v, slot] as const)));
    const expected = vars.map((v, i) => ({ layer: i, slot: slotOf.get(v) ?? 0, name: names[i], suffix: names[i].slice(names[i].lastIndexOf('/') + 1), shape: v.shape.slice() }));
    const order = matchWeights(op, specs, expected, dtype);
    const tensors = decodeWeights(specs, data);
    try {
      model.setWeights(vars.map((_, k) => tensors[order[k]]));
    } finally {
      for (const t of tensors) t.dispose();
    }
    return model;
  } catch (e) {
    for (const l of made.values()) l.disposeWeights();
    throw e;
  }
}
