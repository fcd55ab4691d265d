import { concatUint8Arrays } from 'typed-array-utils';
import { argError, describeValue, fmtShape } from '../util/validate';
import { Tensor, sizeOfShape } from '../tensor/tensor';
import type { NamedTensorMap } from '../tensor/tfjs-types';
import { complexOf } from '../ops/complex-parts';
import type { ModelArtifacts, ModelArtifactsInfo, WeightGroup, WeightsManifestEntry, WeightsManifestGroupConfig } from './artifacts';
import { artifactsInfo } from './artifacts-info';
import { isRecord } from './json-checks';
import { byteLength, bytesOf, checkByteLength, decodeWeights as decodeList, encodeWeights as encodeList, readWeightSpecs, weightBytes } from './weights';

// TF.js's io helpers that custom IOHandlers call: weights to bytes and back, and the sizes a SaveResult reports.

/** A tensor with its name, as TF.js's NamedTensor. */
export interface NamedTensor {
  name: string;
  tensor: Tensor;
}

/**
 * A manifest entry as tf.io.encodeWeights writes and decodeWeights reads them: besides a model's numeric weights,
 * TF.js's string tensors (each value as its uint32 byte length, then its UTF-8 bytes) and complex64 ones (each
 * element's real and imaginary float32 in turn). Models never hold these, so model files refuse them.
 */
export type EncodedWeightSpec = Omit<WeightsManifestEntry, 'dtype'> & { dtype: WeightsManifestEntry['dtype'] | 'string' | 'complex64' };

const STRING_LENGTH_BYTES = 4;

/** A string or complex64 tensor's bytes as TF.js's encodeWeights writes them (little-endian, as every platform TF.js runs on). */
function extraDtypeBytes(t: Tensor): Uint8Array {
  if (t.dtype === 'complex64') return bytesOf(t.dataSync() as Float32Array);
  const values = t.encodedStrings() as readonly Uint8Array[];
  const out = new Uint8Array(values.reduce((n, v) => n + STRING_LENGTH_BYTES + v.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const v of values) {
    view.setUint32(at, v.length, true);
    out.set(v, at + STRING_LENGTH_BYTES);
    at += STRING_LENGTH_BYTES + v.length;
  }
  return out;
}

const isExtraDtype = (dtype: string): dtype is 'string' | 'complex64' => dtype === 'string' || dtype === 'complex64';
/** Whether a specs entry (not yet checked) is a string or complex64 weight's. */
export const isExtraSpec = (s: unknown): s is EncodedWeightSpec => isRecord(s) && typeof s.dtype === 'string' && isExtraDtype(s.dtype);

/** A live tensor of a dtype TF.js's weights have (complex128, tessera's own, is not one). */
function weightTensor(op: string, arg: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) throw argError(op, arg, describeValue(x), 'a Tensor');
  x.assertLive(`${op} (${arg})`);
  if ((x.dtype as string) === 'complex128') throw argError(op, arg, 'a complex128 tensor', 'a float32, int32, bool, float64, string or complex64 tensor (TF.js weights have no complex128)');
  return x;
}

/**
 * The tensors' manifest entries and their bytes back to back, as tf.io.encodeWeights: `group` marks every entry.
 * Every tensor is checked (live, a Tensor) before any is read.
 */
export async function encodeWeights(tensors: NamedTensorMap | NamedTensor[], group?: WeightGroup): Promise<{ data: ArrayBuffer; specs: EncodedWeightSpec[] }> {
  const op = 'io.encodeWeights';
  // TF.js marks the entries with whatever string it is given ('model' and 'optimizer' are the ones it writes).
  if (group !== undefined && typeof group !== 'string') throw argError(op, 'group', describeValue(group), "a string ('model', 'optimizer') or undefined");
  let named: NamedTensor[];
  if (Array.isArray(tensors)) {
    named = tensors.map((entry: unknown, i) => {
      if (!isRecord(entry) || typeof entry.name !== 'string') throw argError(op, `tensors[${i}]`, describeValue(entry), 'a {name: string, tensor: Tensor} object');
      return { name: entry.name, tensor: weightTensor(op, `tensors[${i}].tensor`, entry.tensor) };
    });
  } else if (isRecord(tensors)) {
    named = Object.keys(tensors).map((name) => ({ name, tensor: weightTensor(op, `tensors.${name}`, tensors[name]) }));
  } else {
    throw argError(op, 'tensors', describeValue(tensors), 'a map from names to tensors or an array of {name, tensor}');
  }
  const encoded = named.map(({ name, tensor }) => {
    if (!isExtraDtype(tensor.dtype)) {
      const { specs, data } = encodeList([{ name, tensor, group }]);
      return { spec: specs[0] as EncodedWeightSpec, bytes: new Uint8Array(data) };
    }
    return { spec: { name, shape: tensor.shape.slice(), dtype: tensor.dtype, ...(group ? { group } : {}) }, bytes: extraDtypeBytes(tensor) };
  });
  return { specs: encoded.map((e) => e.spec), data: concatUint8Arrays(...encoded.map((e) => e.bytes)).buffer as ArrayBuffer };
}

/**
 * Tensors by name from weight bytes and their manifest entries, as tf.io.decodeWeights. The entries and the byte
 * count are checked first; each tensor owns a copy of its bytes.
 */
export function decodeWeights(weightData: ArrayBuffer | ArrayBuffer[], specs: EncodedWeightSpec[]): NamedTensorMap {
  // Bytes after the specs' are left unread, as TF.js's decodeWeights leaves them (specs may name a buffer's first
  // weights only); too few are refused, naming the weight cut short.
  return decodeAnyWeights('io.decodeWeights', weightData, specs, true);
}

/**
 * Weights of every dtype, string and complex64 among them, for the public function `op`; bytes past the specs' are
 * refused unless leaveTrailing. Nothing is left allocated when an entry is refused.
 */
export function decodeAnyWeights(op: string, weightData: unknown, specs: unknown, leaveTrailing: boolean): NamedTensorMap {
  if (!Array.isArray(specs) || !specs.some(isExtraSpec)) return decodeWeightMap(op, weightData, specs, leaveTrailing);
  // String weights have no size of their own: each run of numeric specs is checked and read as a model's, the rest here.
  const bytes = weightBytes(op, 'weightData', weightData);
  const out: NamedTensorMap = {};
  try {
    const used = decodeRuns(op, specs, bytes, out);
    if (!leaveTrailing && used !== bytes.byteLength) throw new Error(`${op}: weightData holds ${bytes.byteLength} bytes, but the weights take ${used}`);
    return out;
  } catch (e) {
    for (const t of Object.values(out)) t.dispose();
    throw e;
  }
}

/** Reads the weights of specs from bytes into out, a run of numeric ones at a time; returns the bytes read. */
function decodeRuns(op: string, specs: unknown[], bytes: Uint8Array, out: NamedTensorMap): number {
  let offset = 0;
  let run: unknown[] = [];
  const readRun = () => {
    const checked = readWeightSpecs(op, 'specs', run);
    const size = checked.reduce((n, s) => n + byteLength(s), 0);
    checkByteLength(op, `weightData from byte offset ${offset}`, checked, Math.min(size, bytes.byteLength - offset));
    decodeList(checked, bytes.subarray(offset, offset + size)).forEach((t, i) => { out[checked[i].name] = t; });
    offset += size;
    run = [];
  };
  specs.forEach((spec: unknown, i) => {
    // Anything else, malformed entries included, is read (and refused) with its run as a model's weights are.
    if (!isExtraSpec(spec)) {
      run.push(spec);
      return;
    }
    if (run.length > 0) readRun();
    const [tensor, size] = extraDtypeTensor(op, `specs[${i}]`, spec, bytes, offset);
    out[spec.name] = tensor;
    offset += size;
  });
  if (run.length > 0) readRun();
  return offset;
}

/** A string or complex64 weight read at `offset` of `bytes`, and how many bytes it took; bounds are checked as it reads. */
function extraDtypeTensor(op: string, where: string, spec: EncodedWeightSpec, bytes: Uint8Array, offset: number): [Tensor, number] {
  const shape = spec.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw argError(op, `${where}.shape`, describeValue(shape), 'an array of non-negative integers');
  if (spec.quantization !== undefined) throw argError(op, `${where}.quantization`, describeValue(spec.quantization), `absent for a weight of dtype '${spec.dtype}'`);
  const size = sizeOfShape(shape);
  const runsPast = (end: number) => new Error(`${op}: weightData is truncated: weight '${spec.name}' ${fmtShape(shape)} at byte offset ${offset} runs past its end (byte ${end} of ${bytes.byteLength})`);
  if (spec.dtype === 'complex64') {
    const end = offset + 8 * size;
    if (end > bytes.byteLength) throw runsPast(end);
    const pairs = new Float32Array(bytes.slice(offset, end).buffer);
    const [re, im] = [new Float32Array(size), new Float32Array(size)];
    for (let k = 0; k < size; k++) [re[k], im[k]] = [pairs[2 * k], pairs[2 * k + 1]];
    const parts = [new Tensor(shape, 'float32', re), new Tensor(shape, 'float32', im)];
    const c = complexOf(parts[0], parts[1]);
    parts.forEach((p) => p.dispose());
    return [c, 8 * size];
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: Uint8Array[] = [];
  let at = offset;
  for (let k = 0; k < size; k++) {
    if (at + STRING_LENGTH_BYTES > bytes.byteLength) throw runsPast(at + STRING_LENGTH_BYTES);
    const length = view.getUint32(at, true);
    at += STRING_LENGTH_BYTES;
    if (at + length > bytes.byteLength) throw runsPast(at + length);
    values.push(bytes.slice(at, at + length));
    at += length;
  }
  return [Tensor.ofStrings(shape, values, true), at - offset];
}

/** decodeWeights for the public function `op`, so that its errors name it. */
export function decodeWeightMap(op: string, weightData: unknown, specs: unknown, leaveTrailing = false): NamedTensorMap {
  const checked = readWeightSpecs(op, 'specs', specs);
  const all = weightBytes(op, 'weightData', weightData);
  const bytes = leaveTrailing ? all.subarray(0, Math.min(all.byteLength, checked.reduce((n, s) => n + byteLength(s), 0))) : all;
  checkByteLength(op, 'weightData', checked, bytes.byteLength);
  const values = decodeList(checked, bytes);
  return Object.fromEntries(checked.map((s, i) => [s.name, values[i]]));
}

/** One buffer holding the given buffers back to back, as tf.io.concatenateArrayBuffers. */
export function concatenateArrayBuffers(buffers: ArrayBuffer[] | ArrayBuffer): ArrayBuffer {
  return weightBytes('io.concatenateArrayBuffers', 'buffers', buffers).slice().buffer as ArrayBuffer;
}

/** The sizes a SaveResult reports for artifacts with a JSON topology, as tf.io.getModelArtifactsInfoForJSON. */
export function getModelArtifactsInfoForJSON(modelArtifacts: ModelArtifacts): ModelArtifactsInfo {
  const op = 'io.getModelArtifactsInfoForJSON';
  if (!isRecord(modelArtifacts)) throw argError(op, 'modelArtifacts', describeValue(modelArtifacts), 'a ModelArtifacts object');
  if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
    throw argError(op, 'modelArtifacts.modelTopology', 'an ArrayBuffer', 'a JSON topology (an object)');
  }
  return artifactsInfo(modelArtifacts, weightBytes(op, 'modelArtifacts.weightData', modelArtifacts.weightData).byteLength);
}

/** Every group's weight entries in order, as tf.io.getWeightSpecs. */
export function getWeightSpecs(weightsManifest: WeightsManifestGroupConfig[]): WeightsManifestEntry[] {
  const op = 'io.getWeightSpecs';
  if (!Array.isArray(weightsManifest)) throw argError(op, 'weightsManifest', describeValue(weightsManifest), 'an array of {paths, weights} groups');
  return weightsManifest.flatMap((group: unknown, i) => {
    if (!isRecord(group) || !Array.isArray(group.weights)) throw argError(op, `weightsManifest[${i}]`, describeValue(group), 'a {paths, weights} group');
    return group.weights as WeightsManifestEntry[];
  });
}

/** Whether a URL is http:// or https://, as tf.io.isHTTPScheme. */
export function isHTTPScheme(url: string): boolean {
  if (typeof url !== 'string') throw argError('io.isHTTPScheme', 'url', describeValue(url), 'a string');
  return /^https?:\/\//.test(url);
}
