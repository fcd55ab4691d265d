import { concatUint8Arrays } from 'typed-array-utils';
import { argError, describeValue } from '../util/validate';
import { fetchChecked } from '../util/fetch-checked';
import type { NamedTensorMap } from '../tensor/tfjs-types';
import type { ModelArtifacts, ModelJSON, NumericWeightSpec, WeightsManifestEntry, WeightsManifestGroupConfig } from './artifacts';
import { byteLength, bytesOf, readWeightSpecs } from './weights';
import { decodeAnyWeights, decodeWeightMap } from './weights-public';
import type { ResponseLike } from './http-handler';
import { isRecord } from './json-checks';

// TF.js's io helpers for custom IOHandlers that read a model.json and its weight files themselves (as tfjs-node's
// file handler does): the artifacts of a model.json, loaders of the files a manifest names, and the weight buffers.

type Bytes = ArrayBuffer | ArrayBufferView;

/** The bytes of an ArrayBuffer or of a typed array's view, uncopied. */
function checkedBytes(op: string, where: string, v: unknown): Uint8Array {
  if (!(v instanceof ArrayBuffer) && !ArrayBuffer.isView(v)) throw argError(op, where, describeValue(v), 'an ArrayBuffer or a typed array');
  return bytesOf(v);
}

/**
 * Buffers read as one, as tf.io.CompositeArrayBuffer: slice(start, end) copies the bytes in that range out of
 * whichever buffers hold them, so that weights spread over files need not first be joined into one buffer.
 */
export class CompositeArrayBuffer {
  private readonly shards: { bytes: Uint8Array; start: number }[] = [];
  private size = 0;

  get byteLength(): number {
    return this.size;
  }

  /** The buffers back to back in one new ArrayBuffer. */
  static join(buffers?: Bytes | Bytes[]): ArrayBuffer {
    return new CompositeArrayBuffer(buffers).slice();
  }

  constructor(buffers?: Bytes | Bytes[] | null) {
    if (buffers == null) return;
    const list = Array.isArray(buffers) ? buffers : [buffers];
    list.forEach((b, i) => {
      const bytes = checkedBytes('io.CompositeArrayBuffer', Array.isArray(buffers) ? `buffers[${i}]` : 'buffers', b);
      this.shards.push({ bytes, start: this.size });
      this.size += bytes.byteLength;
    });
  }

  /** A copy of bytes [start, end), clamped to the buffer as ArrayBuffer.slice clamps (NaN reads as 0; negatives are not counted from the end, as TF.js). */
  slice(start = 0, end = this.byteLength): ArrayBuffer {
    const from = Math.max(0, Number.isNaN(Number(start)) ? 0 : start);
    const to = Math.min(this.byteLength, Number.isNaN(Number(end)) ? 0 : end);
    const out = new Uint8Array(Math.max(0, to - from));
    for (const { bytes, start: at } of this.shards) {
      const lo = Math.max(from, at);
      const hi = Math.min(to, at + bytes.byteLength);
      if (lo < hi) out.set(bytes.subarray(lo - at, hi - at), lo - from);
    }
    return out.buffer;
  }
}

/** What getModelArtifactsForJSON's loader gives for a manifest: its entries and the bytes of its files. */
export type WeightsLoaded = [WeightsManifestEntry[], ArrayBuffer | ArrayBuffer[]];

/**
 * The ModelArtifacts of a parsed model.json with the weights read for it, as tf.io.getModelArtifactsForJSONSync:
 * weightSpecs and weightData are required where the model.json has a weightsManifest, and ignored where it has none.
 */
export function getModelArtifactsForJSONSync(modelJSON: ModelJSON, weightSpecs?: WeightsManifestEntry[], weightData?: ArrayBuffer | ArrayBuffer[]): ModelArtifacts {
  const op = 'io.getModelArtifactsForJSONSync';
  if (!isRecord(modelJSON)) throw argError(op, 'modelJSON', describeValue(modelJSON), "a model.json's object {modelTopology, weightsManifest?, ...}");
  const artifacts: ModelArtifacts = { modelTopology: modelJSON.modelTopology, format: modelJSON.format, generatedBy: modelJSON.generatedBy, convertedBy: modelJSON.convertedBy };
  if (modelJSON.trainingConfig != null) artifacts.trainingConfig = modelJSON.trainingConfig;
  if (modelJSON.weightsManifest != null) {
    if (!weightSpecs) throw argError(op, 'weightSpecs', describeValue(weightSpecs), "the manifest's weight entries (modelJSON has a weightsManifest)");
    if (!weightData) throw argError(op, 'weightData', describeValue(weightData), "the weights' bytes (modelJSON has a weightsManifest)");
    artifacts.weightSpecs = weightSpecs;
    artifacts.weightData = weightData;
  }
  if (modelJSON.signature != null) artifacts.signature = modelJSON.signature;
  if (modelJSON.userDefinedMetadata != null) artifacts.userDefinedMetadata = modelJSON.userDefinedMetadata;
  if (modelJSON.modelInitializer != null) artifacts.modelInitializer = modelJSON.modelInitializer;
  if (modelJSON.initializerSignature != null) artifacts.initializerSignature = modelJSON.initializerSignature;
  return artifacts;
}

/**
 * The ModelArtifacts of a parsed model.json, as tf.io.getModelArtifactsForJSON: `loadWeights` is called with its
 * weightsManifest (if it has one) and gives the manifest's entries and the bytes of its files.
 */
export async function getModelArtifactsForJSON(modelJSON: ModelJSON, loadWeights: (weightsManifest: WeightsManifestGroupConfig[]) => Promise<WeightsLoaded>): Promise<ModelArtifacts> {
  const op = 'io.getModelArtifactsForJSON';
  if (!isRecord(modelJSON)) throw argError(op, 'modelJSON', describeValue(modelJSON), "a model.json's object {modelTopology, weightsManifest?, ...}");
  if (typeof loadWeights !== 'function') throw argError(op, 'loadWeights', describeValue(loadWeights), 'a function (weightsManifest) => Promise<[weightSpecs, weightData]>');
  const [specs, data] = modelJSON.weightsManifest != null ? await loadWeights(modelJSON.weightsManifest) : [];
  return getModelArtifactsForJSONSync(modelJSON, specs, data);
}

/** A loader of a manifest's weights, as tf.io.weightsLoaderFactory's result. */
export type WeightsLoader = (manifest: WeightsManifestGroupConfig[], filePathPrefix?: string, weightNames?: string[]) => Promise<NamedTensorMap>;

/**
 * A function that reads a weights manifest, fetches the files of the groups holding the weights asked for (all by
 * default) through `fetchWeightsFunction`, and decodes those weights, as tf.io.weightsLoaderFactory. A file's URL
 * is filePathPrefix, '/' unless it ends in one, and the manifest's path, as TF.js joins them.
 */
export function weightsLoaderFactory(fetchWeightsFunction: (fetchUrls: string[]) => Promise<ArrayBuffer[]>): WeightsLoader {
  return loaderFor('io.weightsLoaderFactory', fetchWeightsFunction);
}

/** weightsLoaderFactory's loader, its errors naming `op`. */
function loaderFor(op: string, fetchWeightsFunction: (fetchUrls: string[]) => Promise<ArrayBuffer[]>): WeightsLoader {
  if (typeof fetchWeightsFunction !== 'function') throw argError(op, 'fetchWeightsFunction', describeValue(fetchWeightsFunction), 'a function (fetchUrls) => Promise<ArrayBuffer[]>');
  return async (manifest, filePathPrefix = '', weightNames) => {
    const groups = checkManifest(op, manifest);
    const wanted = weightNames == null ? undefined : new Set(weightNames);
    const all = groups.flatMap((g) => g.specs.map((s) => s.name));
    const missing = weightNames?.filter((n) => !all.includes(n)) ?? [];
    // TF.js's words, naming the missing weights.
    if (missing.length > 0) throw new Error(`${op}: Could not find weights in manifest with names: ${missing.join(', ')}. Manifest JSON has weights with names: ${all.join(', ')}.`);
    const fetched = groups.filter((g) => g.specs.some((s) => !wanted || wanted.has(s.name)));
    const urls = fetched.flatMap((g) => g.paths.map((p) => `${filePathPrefix}${filePathPrefix.endsWith('/') ? '' : '/'}${p}`));
    const buffers = await fetchWeightsFunction(urls);
    if (!Array.isArray(buffers) || buffers.length !== urls.length) throw new Error(`${op}: fetchWeightsFunction must give one ArrayBuffer for each of the ${urls.length} URLs, got ${describeValue(buffers)}`);
    const out: NamedTensorMap = {};
    let next = 0;
    for (const g of fetched) {
      const group = new CompositeArrayBuffer(buffers.slice(next, (next += g.paths.length)));
      let offset = 0;
      for (const s of g.specs) {
        const size = byteLength(s);
        if (!wanted || wanted.has(s.name)) Object.assign(out, decodeWeightMap(op, group.slice(offset, offset + size), [s]));
        offset += size;
      }
    }
    return out;
  };
}

function checkManifest(op: string, manifest: unknown): { paths: string[]; specs: NumericWeightSpec[] }[] {
  if (!Array.isArray(manifest)) throw argError(op, 'manifest', describeValue(manifest), 'an array of {paths, weights} groups');
  return manifest.map((g: unknown, i) => {
    if (!isRecord(g) || !Array.isArray(g.paths) || !g.paths.every((p) => typeof p === 'string')) throw argError(op, `manifest[${i}]`, describeValue(g), 'a {paths: string[], weights} group');
    return { paths: g.paths as string[], specs: readWeightSpecs(op, `manifest[${i}].weights`, g.weights) };
  });
}

/**
 * Fetches the weight files a manifest names (relative to filePathPrefix) and decodes the weights asked for (all by
 * default), as tf.io.loadWeights; a failed request is an error naming the URL.
 */
export function loadWeights(manifest: WeightsManifestGroupConfig[], filePathPrefix = '', weightNames?: string[], requestInit?: object): Promise<NamedTensorMap> {
  const op = 'io.loadWeights';
  const fetchAll = (urls: string[]) => Promise.all(urls.map(async (url) => {
    const response = await fetchChecked(op, `the weights file ${url}`, () => (fetch as (url: string, init?: object) => Promise<ResponseLike>)(url, requestInit));
    return response.arrayBuffer();
  }));
  return loaderFor(op, fetchAll)(manifest, filePathPrefix, weightNames);
}

/**
 * Tensors by name from a stream of weight bytes (as a fetch body gives them) and their manifest entries, as
 * tf.io.decodeWeightsStream, of every dtype decodeWeights takes; the stream must hold exactly the bytes the entries
 * declare.
 */
export async function decodeWeightsStream(weightStream: ReadableStream<ArrayBuffer | ArrayBufferView>, specs: WeightsManifestEntry[]): Promise<NamedTensorMap> {
  const op = 'io.decodeWeightsStream';
  if (typeof (weightStream as { getReader?: unknown } | null)?.getReader !== 'function') throw argError(op, 'weightStream', describeValue(weightStream), 'a ReadableStream of weight bytes');
  const reader = weightStream.getReader();
  const chunks: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(checkedBytes(op, `weightStream's chunk ${chunks.length}`, r.value));
  return decodeAnyWeights(op, concatUint8Arrays(...chunks), specs, false);
}
