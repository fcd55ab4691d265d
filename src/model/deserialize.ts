import type { Layer } from '../layers/index';
import { Sequential } from './sequential';
import { fmtShape, isPositiveInt } from '../util/validate';
import type { DType, Tensor } from '../tensor/tensor';
import type { WeightsManifestEntry } from '../io/artifacts';
import { ConfigReader } from './config-reader';
import { badValue, describe, own, requireRecord, requireString } from '../io/json-checks';
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

function readBatchShape(r: ConfigReader, key: string): number[] | undefined {
  const v = r.get(key);
  if (v === undefined) return undefined;
  const ok = Array.isArray(v) && v.length >= 2 && (v[0] === null || isPositiveInt(v[0])) && v.slice(1).every(isPositiveInt);
  if (!ok) throw r.fail(key, v, '[null, ...dims] with positive integer dims');
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
    const namedOther = (lastPart === 'kernel' || lastPart === 'bias') && lastPart !== w.suffix;
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
export function modelFromArtifacts(op: string, artifacts: unknown): Sequential {
  const a = requireRecord(op, 'artifacts', artifacts);
  let where = 'modelTopology';
  let topology = requireRecord(op, where, own(a, 'modelTopology'));
  // Keras's converter nests the model under model_config, beside training_config.
  if (own(topology, 'model_config') !== undefined) {
    where = 'modelTopology.model_config';
    topology = requireRecord(op, where, own(topology, 'model_config'));
  }
  const className = own(topology, 'class_name');
  if (className !== 'Sequential') throw badValue(op, `${where}.class_name`, className, "'Sequential' (tessera loads Sequential models only)");
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
    return new Sequential({ name: modelName, layers: made });
  } catch (e) {
    for (const l of made) l.dispose();
    throw e;
  }
}
