import type { Layer } from '../layers/index';
import { Sequential } from './sequential';
import { LayersModel } from './layers-model';
import { InputLayer } from '../layers/input-layer';
import type { SymbolicTensor } from '../layers/symbolic';
import { fmtShape, isPositiveInt } from '../util/validate';
import type { DType, Tensor } from '../tensor/tensor';
import type { WeightsManifestEntry } from '../io/artifacts';
import { ConfigReader } from './config-reader';
import { badValue, describe, isRecord, own, requireRecord, requireString } from '../io/json-checks';
import { layerClassNames, readLayerKind, type LayerPlan } from './layer-kinds';
import { checkByteLength, decodeWeights, readWeightSpecs, weightBytes } from '../io/weights';

const MAX_LAYERS = 1000;

interface ReadLayer {
  where: string;
  name: string;
  trainable: boolean;
  /** The dtype the config states, if any. */
  dtype: DType | undefined;
  /** The input shape (no batch dim) the config states, if any. */
  inputShape: number[] | undefined;
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

/** A layer's batch_input_shape; sizes may be null only where an InputLayer gives the shape (functional models). */
function readBatchShape(r: ConfigReader, key: string, unknownDims = false): number[] | undefined {
  const v = r.get(key);
  if (v === undefined) return undefined;
  const dim = (d: unknown) => isPositiveInt(d) || (unknownDims && d === null);
  const ok = Array.isArray(v) && v.length >= 2 && (v[0] === null || isPositiveInt(v[0])) && v.slice(1).every(dim);
  if (!ok) throw r.fail(key, v, `[null, ...dims] with positive integer${unknownDims ? ' or null' : ''} dims`);
  return (v as number[]).slice(1);
}

function readDtype(r: ConfigReader): DType | undefined {
  const v = r.get('dtype');
  if (v === undefined || v === null) return undefined;
  if (v !== 'float32' && v !== 'float64') throw r.fail('dtype', v, "'float32' or 'float64'");
  return v;
}

/** Keras writes an InputLayer first; tessera keeps its shape and dtype on the first real layer. */
function readInputLayer(r: ConfigReader): { shape: number[] | undefined; dtype: DType | undefined } {
  requireString(r.op, `${r.where}.name`, r.get('name'));
  const shape = readBatchShape(r, 'batch_input_shape') ?? readBatchShape(r, 'batch_shape');
  const dtype = readDtype(r);
  r.unsupported('sparse', [false, null]);
  r.unsupported('ragged', [false, null]);
  r.finish();
  return { shape, dtype };
}

function readLayers(op: string, where: string, entries: unknown[]): { layers: ReadLayer[]; input: { shape: number[] | undefined; dtype: DType | undefined } } {
  const layers: ReadLayer[] = [];
  let input: { shape: number[] | undefined; dtype: DType | undefined } = { shape: undefined, dtype: undefined };
  const names = new Set<string>();
  entries.forEach((e, i) => {
    const at = `${where}[${i}]`;
    const entry = requireRecord(op, at, e);
    for (const key of Object.keys(entry)) {
      if (key !== 'class_name' && key !== 'config') throw badValue(op, `${at}.${key}`, entry[key], 'absent (a layer entry has class_name and config)');
    }
    const className = own(entry, 'class_name');
    const config = requireRecord(op, `${at}.config`, own(entry, 'config'));
    if (className === 'InputLayer' && i === 0) {
      input = readInputLayer(new ConfigReader(op, `${at}.config`, config));
      return;
    }
    const name = requireString(op, `${at}.config.name`, own(config, 'name'));
    const r = new ConfigReader(op, `${at} (${describe(name)}).config`, config);
    r.get('name'); // read above; marked so finish() accepts it
    if (names.has(name)) throw r.fail('name', name, 'a name no other layer has');
    names.add(name);
    const plan = typeof className === 'string' ? readLayerKind(className, r, name) : undefined;
    if (!plan) throw badValue(op, `${at}.class_name`, className, `one of ${layerClassNames.join(', ')} (or InputLayer first)`);
    const trainable = r.bool('trainable', true);
    const dtype = readDtype(r);
    const inputShape = readBatchShape(r, 'batch_input_shape');
    r.finish();
    layers.push({ where: r.where, name, trainable, dtype, inputShape, plan });
  });
  if (layers.length === 0) throw badValue(op, where, entries, 'at least one layer besides an InputLayer');
  return { layers, input };
}

/** Runs the shapes through the layers and lists their weights, in the order TF.js saves them. */
function expectedWeights(op: string, layers: ReadLayer[], inputShape: number[]): ExpectedWeight[] {
  let shape = inputShape;
  const trainable: ExpectedWeight[] = [];
  const frozen: ExpectedWeight[] = [];
  layers.forEach((l, i) => {
    if (i > 0 && l.inputShape && fmtShape(l.inputShape) !== fmtShape(shape)) {
      throw badValue(op, `${l.where}.batch_input_shape`, [null, ...l.inputShape], `[null, ${shape.join(', ')}], the output of the layer before`);
    }
    const input = shape;
    try {
      shape = l.plan.outputShape(input);
    } catch (e) {
      throw new Error(`${op}: ${l.where} does not fit its input of shape [null, ${input.join(', ')}]: ${(e as Error).message}`);
    }
    // TF.js lists the weights of trainable layers first, then the frozen ones (Container.weights).
    l.plan.weightShapes(input).forEach((w, slot) => {
      const list = l.trainable && w.trainable !== false ? trainable : frozen;
      list.push({ layer: i, slot, name: `${l.name}/${w.suffix}`, suffix: w.suffix, shape: w.shape });
    });
  });
  return [...trainable, ...frozen];
}

const baseName = (name: string) => name.replace(/:\d+$/, '');

/**
 * Pairs manifest entries with the weights the layers need: by name when every name matches (as
 * TF.js loads), otherwise by order, checking shapes and dtypes either way and names loosely.
 */
function matchWeights(op: string, specs: WeightsManifestEntry[], expected: ExpectedWeight[], dtype: DType): number[] {
  if (specs.length !== expected.length) {
    const listed = expected.slice(0, 8).map((w) => `${w.name} ${fmtShape(w.shape)}`).join(', ');
    throw new Error(`${op}: weightSpecs must list ${expected.length} weights for these layers (${listed || 'none'}${expected.length > 8 ? ', …' : ''}), got ${specs.length}`);
  }
  const byName = new Map(specs.map((s, i) => [baseName(s.name), i]));
  const useNames = byName.size === specs.length && expected.every((w) => byName.has(w.name));
  return expected.map((w, k) => {
    const i = useNames ? (byName.get(w.name) as number) : k;
    const s = specs[i];
    const lastPart = baseName(s.name).split('/').pop();
    const namedOther = (lastPart === 'kernel' || lastPart === 'bias') && lastPart !== w.suffix.split('/').pop();
    if (s.dtype !== dtype || fmtShape(s.shape) !== fmtShape(w.shape) || namedOther) {
      throw new Error(`${op}: weightSpecs[${i}] (${describe(s.name)}) must be the ${w.suffix} of layer ${describe(w.name.slice(0, -w.suffix.length - 1))}, shape ${fmtShape(w.shape)} and dtype ${dtype}; got shape ${fmtShape(s.shape)} and dtype ${s.dtype}`);
    }
    return i;
  });
}

/**
 * Builds a Sequential model from TF.js-style artifacts. Everything the artifacts declare is checked
 * before the first layer is made, so a bad file throws without a partial model or any layer made.
 */
export function modelFromArtifacts(op: string, artifacts: unknown): LayersModel {
  const a = requireRecord(op, 'artifacts', artifacts);
  let where = 'modelTopology';
  let topology = requireRecord(op, where, own(a, 'modelTopology'));
  // Keras's converter nests the model under model_config, beside training_config.
  if (own(topology, 'model_config') !== undefined) {
    where = 'modelTopology.model_config';
    topology = requireRecord(op, where, own(topology, 'model_config'));
  }
  const className = own(topology, 'class_name');
  if (className === 'Model' || className === 'Functional') return functionalFromArtifacts(op, where, own(topology, 'config'), a);
  if (className !== 'Sequential') throw badValue(op, `${where}.class_name`, className, "'Sequential', 'Model' or 'Functional'");
  const config = own(topology, 'config');
  let modelName = 'sequential';
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

  const specs = own(a, 'weightSpecs') === undefined ? [] : readWeightSpecs(op, 'weightSpecs', own(a, 'weightSpecs'));
  const data = weightBytes(op, 'weightData', own(a, 'weightData'));
  checkByteLength(op, 'weightData', specs, data.byteLength);

  const { layers, input } = readLayers(op, layersWhere, entries);
  const first = layers[0];
  const inputShape = input.shape ?? first.inputShape;
  if (!inputShape) throw badValue(op, `${first.where}.batch_input_shape`, undefined, '[null, ...dims]: tessera needs the input shape to check and set the weights');
  if (input.shape && first.inputShape && fmtShape(input.shape) !== fmtShape(first.inputShape)) {
    throw badValue(op, `${first.where}.batch_input_shape`, [null, ...first.inputShape], `the InputLayer's [null, ${input.shape.join(', ')}]`);
  }
  const dtype = input.dtype ?? first.dtype ?? 'float32';
  for (const l of layers) if (l.dtype && l.dtype !== dtype) throw badValue(op, `${l.where}.dtype`, l.dtype, `'${dtype}', the model's dtype`);

  const expected = expectedWeights(op, layers, inputShape);
  const order = matchWeights(op, specs, expected, dtype);
  const tensors = decodeWeights(specs, data);
  const perLayer: Tensor[][] = layers.map(() => []);
  expected.forEach((w, k) => (perLayer[w.layer][w.slot] = tensors[order[k]]));

  const made: Layer[] = [];
  try {
    layers.forEach((l, i) => {
      const shape = i === 0 ? inputShape : l.inputShape;
      made.push(l.plan.create({ name: l.name, trainable: l.trainable, dtype, inputShape: shape }, perLayer[i]));
    });
    const model = new Sequential({ name: modelName, layers: made });
    made.forEach((l, i) => l.setWeights(perLayer[i]));
    return model;
  } catch (e) {
    for (const l of made) l.dispose();
    throw e;
  }
}

type NodeRef = [string, number, number, Record<string, unknown>];

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
function functionalFromArtifacts(op: string, where: string, configValue: unknown, a: Record<string, unknown>): LayersModel {
  const cw = `${where}.config`;
  const c = requireRecord(op, cw, configValue);
  const modelName = own(c, 'name') === undefined ? 'model' : requireString(op, `${cw}.name`, own(c, 'name'));
  const entries = own(c, 'layers');
  if (!Array.isArray(entries) || entries.length > MAX_LAYERS) throw badValue(op, `${cw}.layers`, entries, `an array of at most ${MAX_LAYERS} layers`);
  const specs = own(a, 'weightSpecs') === undefined ? [] : readWeightSpecs(op, 'weightSpecs', own(a, 'weightSpecs'));
  const data = weightBytes(op, 'weightData', own(a, 'weightData'));
  checkByteLength(op, 'weightData', specs, data.byteLength);

  const made = new Map<string, Layer>();
  try {
    const pending: { layer: Layer; at: string; index: number; refs: NodeRef[] }[] = [];
    const outputsOf = new Map<string, SymbolicTensor[][]>();
    entries.forEach((e, i) => {
      const at = `${cw}.layers[${i}]`;
      const entry = requireRecord(op, at, e);
      for (const key of Object.keys(entry)) {
        if (!['name', 'class_name', 'config', 'inbound_nodes'].includes(key)) throw badValue(op, `${at}.${key}`, entry[key], 'absent (a layer entry has name, class_name, config and inbound_nodes)');
      }
      const className = own(entry, 'class_name');
      const config = requireRecord(op, `${at}.config`, own(entry, 'config'));
      const name = requireString(op, `${at}.config.name`, own(config, 'name'));
      if (made.has(name)) throw badValue(op, `${at}.config.name`, name, 'a name no other layer has');
      let layer: Layer;
      if (className === 'InputLayer') {
        const { shape, dtype } = readInputLayer(new ConfigReader(op, `${at}.config`, config));
        if (!shape) throw badValue(op, `${at}.config.batch_input_shape`, undefined, '[null, ...dims]');
        layer = new InputLayer({ batchInputShape: [null, ...shape], dtype, name });
        outputsOf.set(name, [[(layer as InputLayer).output]]);
      } else {
        const r = new ConfigReader(op, `${at} (${describe(name)}).config`, config);
        r.get('name');
        const trainable = r.bool('trainable', true);
        const dtype = readDtype(r);
        readBatchShape(r, 'batch_input_shape', true);
        const plan = typeof className === 'string' ? readLayerKind(className, r, name) : undefined;
        if (!plan) throw badValue(op, `${at}.class_name`, className, `one of InputLayer, ${layerClassNames.join(', ')}`);
        r.finish();
        layer = plan.create({ name, trainable, dtype }, []);
        outputsOf.set(name, []);
        const nodes = own(entry, 'inbound_nodes') ?? [];
        if (!Array.isArray(nodes)) throw badValue(op, `${at}.inbound_nodes`, nodes, 'an array of nodes');
        nodes.forEach((n, k) => {
          if (!Array.isArray(n) || n.length === 0) throw badValue(op, `${at}.inbound_nodes[${k}]`, n, 'a non-empty array of [layerName, nodeIndex, tensorIndex, kwargs]');
          pending.push({ layer, at: `${at}.inbound_nodes[${k}]`, index: k, refs: n.map((ref, j) => readRef(op, `${at}.inbound_nodes[${k}][${j}]`, ref)) });
        });
      }
      made.set(name, layer);
    });
    const tensorOf = (ref: NodeRef) => outputsOf.get(ref[0])?.[ref[1]]?.[ref[2]];
    while (pending.length > 0) {
      const k = pending.findIndex((p) => (outputsOf.get(p.layer.name) as SymbolicTensor[][]).length === p.index && p.refs.every((ref) => tensorOf(ref)));
      if (k < 0) {
        const p = pending[0];
        throw badValue(op, p.at, p.refs.map((r) => r.slice(0, 3)), 'references to layers and nodes that exist (the graph cannot be completed)');
      }
      const p = pending.splice(k, 1)[0];
      const ins = p.refs.map((ref) => tensorOf(ref) as SymbolicTensor);
      let out: SymbolicTensor | SymbolicTensor[];
      try {
        out = p.layer.apply(ins.length === 1 && !p.layer.takesList() ? ins[0] : ins, p.refs[0][3]) as SymbolicTensor | SymbolicTensor[];
      } catch (e) {
        throw new Error(`${op}: ${p.at} does not fit layer '${p.layer.name}': ${(e as Error).message}`);
      }
      (outputsOf.get(p.layer.name) as SymbolicTensor[][]).push(Array.isArray(out) ? out : [out]);
    }
    const ends = (key: string) => {
      const v = own(c, key);
      if (!Array.isArray(v) || v.length === 0) throw badValue(op, `${cw}.${key}`, v, 'a non-empty array of [layerName, nodeIndex, tensorIndex]');
      return v.map((ref, i) => {
        const t = tensorOf(readRef(op, `${cw}.${key}[${i}]`, ref));
        if (!t) throw badValue(op, `${cw}.${key}[${i}]`, ref, 'a reference to an existing layer output');
        return t;
      });
    };
    const model = new LayersModel({ inputs: ends('input_layers'), outputs: ends('output_layers'), name: modelName });
    const vars = model.weights;
    const dtype = vars[0]?.dtype ?? 'float32';
    const names = model.savedWeightNames();
    const expected = vars.map((v, i) => ({ layer: i, slot: 0, name: names[i], suffix: names[i].slice(names[i].lastIndexOf('/') + 1), shape: v.shape.slice() }));
    const order = matchWeights(op, specs, expected, dtype);
    const tensors = decodeWeights(specs, data);
    vars.forEach((v, k) => v.assign(tensors[order[k]]));
    return model;
  } catch (e) {
    for (const l of made.values()) l.dispose();
    throw e;
  }
}
