import { argError, describeValue } from '../util/validate';
import { assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import type { NamedTensorMap } from '../tensor/tfjs-types';
import type { ModelArtifacts, ModelArtifactsInfo, WeightGroup, WeightsManifestEntry, WeightsManifestGroupConfig } from './artifacts';
import { artifactsInfo } from './artifacts-info';
import { isRecord } from './json-checks';
import { checkByteLength, decodeWeights as decodeList, encodeWeights as encodeList, readWeightSpecs, weightBytes } from './weights';

// TF.js's io helpers that custom IOHandlers call: weights to bytes and back, and the sizes a SaveResult reports.

/** A tensor with its name, as TF.js's NamedTensor. */
export interface NamedTensor {
  name: string;
  tensor: Tensor;
}

/**
 * The tensors' manifest entries and their bytes back to back, as tf.io.encodeWeights: `group` marks every entry.
 * Every tensor is checked (live, a Tensor) before any is read.
 */
export async function encodeWeights(tensors: NamedTensorMap | NamedTensor[], group?: WeightGroup): Promise<{ data: ArrayBuffer; specs: WeightsManifestEntry[] }> {
  const op = 'io.encodeWeights';
  if (group !== undefined && group !== 'model' && group !== 'optimizer') throw argError(op, 'group', describeValue(group), "'model', 'optimizer' or undefined");
  let named: NamedTensor[];
  if (Array.isArray(tensors)) {
    named = tensors.map((entry: unknown, i) => {
      if (!isRecord(entry) || typeof entry.name !== 'string') throw argError(op, `tensors[${i}]`, describeValue(entry), 'a {name: string, tensor: Tensor} object');
      return { name: entry.name, tensor: assertTensor(op, `tensors[${i}].tensor`, entry.tensor) };
    });
  } else if (isRecord(tensors)) {
    named = Object.keys(tensors).map((name) => ({ name, tensor: assertTensor(op, `tensors.${name}`, tensors[name]) }));
  } else {
    throw argError(op, 'tensors', describeValue(tensors), 'a map from names to tensors or an array of {name, tensor}');
  }
  return encodeList(named.map(({ name, tensor }) => ({ name, tensor, group })));
}

/**
 * Tensors by name from weight bytes and their manifest entries, as tf.io.decodeWeights. The entries and the byte
 * count are checked first; each tensor owns a copy of its bytes.
 */
export function decodeWeights(weightData: ArrayBuffer | ArrayBuffer[], specs: WeightsManifestEntry[]): NamedTensorMap {
  return decodeWeightMap('io.decodeWeights', weightData, specs);
}

/** decodeWeights for the public function `op`, so that its errors name it. */
export function decodeWeightMap(op: string, weightData: unknown, specs: unknown): NamedTensorMap {
  const checked = readWeightSpecs(op, 'specs', specs);
  const bytes = weightBytes(op, 'weightData', weightData);
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
