import type { ModelArtifacts, ModelJSON, NumericWeightSpec, WeightsManifestEntry } from './artifacts';
import { badValue, isRecord, own, requireRecord, requireString } from './json-checks';
import { readWeightSpecs } from './weights';

/** The most files a manifest may name, so a hostile file cannot make loading open thousands. */
const MAX_PATHS = 10_000;

export interface ManifestGroup {
  paths: string[];
  specs: WeightsManifestEntry[];
  /**
   * The specs where each weight has a fixed size, so that the group's bytes are checked against them as its files
   * are read; undefined for a group with string or complex64 weights, whose sizes are in the bytes (a graph model's
   * loader checks those as it decodes them).
   */
  sized?: NumericWeightSpec[];
  where: string;
}

const EXTRA_DTYPES: readonly unknown[] = ['string', 'complex64'];
const DTYPES: readonly unknown[] = ['float32', 'float64', 'int32', 'bool', ...EXTRA_DTYPES];

/** A group's entries where some are strings: each checked for a name, a shape and a dtype; the rest when decoded. */
function readEntries(op: string, where: string, list: unknown[]): WeightsManifestEntry[] {
  return list.map((e: unknown, i) => {
    const at = `${where}[${i}]`;
    const entry = requireRecord(op, at, e);
    const shape = own(entry, 'shape');
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw badValue(op, `${at}.shape`, shape, 'an array of non-negative integers');
    const dtype = own(entry, 'dtype');
    if (!DTYPES.includes(dtype)) throw badValue(op, `${at}.dtype`, dtype, `one of ${DTYPES.map((d) => `'${String(d)}'`).join(', ')}`);
    return { ...entry, name: requireString(op, `${at}.name`, own(entry, 'name')), shape: shape.slice(), dtype: dtype as WeightsManifestEntry['dtype'] };
  });
}

/** Text to JSON, with bad UTF-8 or bad JSON reported as plain Errors naming the source. */
export function parseJsonText(op: string, source: string, bytes: Uint8Array): unknown {
  // tfjs-converter before 1.0 wrote a binary GraphDef, tensorflowjs_model.pb; TF.js 1.0 stopped reading it.
  const format = /\.pb$/i.test(source) ? ': a .pb file is a model in the format of tfjs-converter before 1.0, which TF.js 1.0 and later do not read; convert it again with tfjs-converter 1.0 or later, which writes model.json' : '';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${op}: ${source} is not UTF-8 text${format}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${op}: ${source} is not valid JSON (${(e as Error).message})${format}`);
  }
}

/** The weight groups of a model.json, checked; undefined where it has no manifest (a topology alone). */
function readManifest(op: string, json: Record<string, unknown>): ManifestGroup[] | undefined {
  const manifest = own(json, 'weightsManifest');
  if (manifest === undefined) return undefined;
  if (!Array.isArray(manifest)) throw badValue(op, 'weightsManifest', manifest, 'an array of groups {paths, weights}');
  let pathCount = 0;
  return manifest.map((g: unknown, i) => {
    const where = `weightsManifest[${i}]`;
    const group = requireRecord(op, where, g);
    const paths = own(group, 'paths');
    if (!Array.isArray(paths) || (pathCount += paths.length) > MAX_PATHS) throw badValue(op, `${where}.paths`, paths, `an array of file names (at most ${MAX_PATHS} in all)`);
    const weights = own(group, 'weights');
    const mixed = Array.isArray(weights) && weights.some((w) => isRecord(w) && EXTRA_DTYPES.includes(own(w, 'dtype')));
    const sized = mixed ? undefined : readWeightSpecs(op, `${where}.weights`, weights);
    return {
      paths: paths.map((p: unknown, j) => requireString(op, `${where}.paths[${j}]`, p)),
      specs: sized ?? readEntries(op, `${where}.weights`, weights as unknown[]),
      ...(sized ? { sized } : {}),
      where,
    };
  });
}

/**
 * The artifacts of a parsed model.json, without weightData, plus its weight groups: none where it has no manifest,
 * and then no weightSpecs either, so that loading gives the model fresh weights as TF.js does. `weightsAlone`: a
 * manifest without a topology is read too (weights fetched for setWeights), as TF.js's io.http reads it.
 */
export function readModelJson(op: string, source: string, json: unknown, weightsAlone = false): { artifacts: ModelArtifacts; groups: ManifestGroup[] | undefined } {
  if (!isRecord(json)) throw badValue(op, source, json, 'a JSON object {modelTopology, weightsManifest}');
  const groups = readManifest(op, json);
  const rawTopology = own(json, 'modelTopology');
  if (weightsAlone && rawTopology == null && !groups) {
    throw badValue(op, source, json, 'a JSON object with a modelTopology, a weightsManifest or both');
  }
  const topology = weightsAlone && rawTopology == null ? undefined : requireRecord(op, 'modelTopology', rawTopology);
  const optionalString = (key: string) => {
    const v = own(json, key);
    return typeof v === 'string' ? v : undefined;
  };
  return {
    artifacts: {
      ...(topology ? { modelTopology: topology } : {}),
      ...(groups ? { weightSpecs: groups.flatMap((g) => g.specs) } : {}),
      format: optionalString('format'),
      generatedBy: optionalString('generatedBy'),
      convertedBy: optionalString('convertedBy') ?? null,
      // Checked where it is used: loading compiles the model from it.
      ...(own(json, 'trainingConfig') == null ? {} : { trainingConfig: own(json, 'trainingConfig') as object }),
      ...(own(json, 'userDefinedMetadata') == null ? {} : { userDefinedMetadata: own(json, 'userDefinedMetadata') as object }),
      // Checked where it is used: loadGraphModel finds its inputs and outputs by it.
      ...(own(json, 'signature') == null ? {} : { signature: own(json, 'signature') as object }),
      ...(own(json, 'modelInitializer') == null ? {} : { modelInitializer: own(json, 'modelInitializer') as object }),
      ...(own(json, 'initializerSignature') == null ? {} : { initializerSignature: own(json, 'initializerSignature') as object }),
    },
    groups,
  };
}

/** The model.json for artifacts whose weights are all in the given files. */
export function modelJsonFor(artifacts: ModelArtifacts, paths: string[]): ModelJSON {
  const json: ModelJSON = {
    modelTopology: artifacts.modelTopology ?? {},
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths, weights: artifacts.weightSpecs ?? [] }],
  };
  // TF.js's order (getModelJSONForModelArtifacts), so that the file's text is the one TF.js writes.
  if (artifacts.signature) json.signature = artifacts.signature;
  if (artifacts.userDefinedMetadata) json.userDefinedMetadata = artifacts.userDefinedMetadata;
  if (artifacts.modelInitializer) json.modelInitializer = artifacts.modelInitializer;
  if (artifacts.initializerSignature) json.initializerSignature = artifacts.initializerSignature;
  if (artifacts.trainingConfig) json.trainingConfig = artifacts.trainingConfig;
  return json;
}
