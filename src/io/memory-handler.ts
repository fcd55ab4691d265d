import { argError } from '../util/validate';
import type { IOHandler, IOHandlerSync, ModelArtifacts, ModelJSON, SaveResult, TrainingConfig, WeightsManifestEntry } from './artifacts';
import { describe, isRecord, own } from './json-checks';
import { readModelJson } from './model-json';

type WeightData = ArrayBuffer | ArrayBuffer[] | ArrayBufferView;

/**
 * An IOHandler that loads from values in memory (the browser route), as tf.io.fromMemory. It takes
 * ModelArtifacts; or a model.json object and its weights' bytes (all groups back to back); or, as
 * TF.js's older form, a topology, its weight specs, their bytes and a training config. Everything is checked on load.
 */
export function fromMemory(model: ModelArtifacts | ModelJSON | object, weightSpecsOrData?: WeightsManifestEntry[] | WeightData, weightData?: WeightData, trainingConfig?: TrainingConfig): IOHandler {
  warnIfDeprecated(arguments.length, model);
  return { load: async () => artifactsFrom('io.fromMemory', model, weightSpecsOrData, weightData, trainingConfig) };
}

/** fromMemory's handler with a synchronous load, as tf.io.fromMemorySync; a model that is no object is refused at once. */
export function fromMemorySync(model: ModelArtifacts | ModelJSON | object, weightSpecsOrData?: WeightsManifestEntry[] | WeightData, weightData?: WeightData, trainingConfig?: TrainingConfig): IOHandlerSync {
  const op = 'io.fromMemorySync';
  if (!isRecord(model)) throw argError(op, 'model', describe(model), 'ModelArtifacts, a model.json object, or a model topology');
  warnIfDeprecated(arguments.length, model);
  return { load: () => artifactsFrom(op, model, weightSpecsOrData, weightData, trainingConfig) };
}

/** TF.js warns, with these words, when fromMemory is given more than one argument or a bare topology. */
function warnIfDeprecated(argCount: number, model: unknown): void {
  const bare = isRecord(model) && own(model, 'modelTopology') == null && own(model, 'weightSpecs') == null;
  if (argCount === 1 && !bare) return;
  console.warn('Please call tf.io.fromMemory() with only one argument. The argument should be of type ModelArtifacts. '
    + 'The multi-argument signature of tf.io.fromMemory() has been deprecated and will be removed in a future release.');
}

/** The artifacts that fromMemory's arguments describe, checked. */
function artifactsFrom(op: string, model: unknown, weightSpecsOrData?: WeightsManifestEntry[] | WeightData, weightData?: WeightData, trainingConfig?: TrainingConfig): ModelArtifacts {
  if (!isRecord(model)) throw argError(op, 'model', describe(model), 'ModelArtifacts, a model.json object, or a model topology');
  if (own(model, 'modelTopology') === undefined) {
    return {
      modelTopology: model,
      weightSpecs: weightSpecsOrData as WeightsManifestEntry[] | undefined,
      weightData: weightData as ModelArtifacts['weightData'],
      ...(trainingConfig == null ? {} : { trainingConfig }),
    };
  }
  if (own(model, 'weightsManifest') !== undefined) {
    return { ...readModelJson(op, 'model', model).artifacts, weightData: weightSpecsOrData as ModelArtifacts['weightData'] };
  }
  const artifacts = model as unknown as ModelArtifacts;
  return {
    modelTopology: artifacts.modelTopology,
    weightSpecs: artifacts.weightSpecs,
    weightData: (weightSpecsOrData ?? artifacts.weightData) as ModelArtifacts['weightData'],
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    ...(artifacts.trainingConfig == null ? {} : { trainingConfig: artifacts.trainingConfig }),
    ...(artifacts.userDefinedMetadata == null ? {} : { userDefinedMetadata: artifacts.userDefinedMetadata }),
    ...(artifacts.signature == null ? {} : { signature: artifacts.signature }),
    ...(artifacts.modelInitializer == null ? {} : { modelInitializer: artifacts.modelInitializer }),
    ...(artifacts.initializerSignature == null ? {} : { initializerSignature: artifacts.initializerSignature }),
  };
}

/** An IOHandler that hands the artifacts to a function (e.g. to upload or keep them), as tf.io.withSaveHandler. */
export function withSaveHandler(saveHandler: (artifacts: ModelArtifacts) => Promise<SaveResult>): IOHandler {
  if (typeof saveHandler !== 'function') throw argError('io.withSaveHandler', 'saveHandler', describe(saveHandler), 'a function (artifacts) => Promise<SaveResult>');
  return { save: saveHandler };
}

/** withSaveHandler for a function that saves at once, as tf.io.withSaveHandlerSync. */
export function withSaveHandlerSync(saveHandler: (artifacts: ModelArtifacts) => SaveResult): IOHandlerSync {
  if (typeof saveHandler !== 'function') throw argError('io.withSaveHandlerSync', 'saveHandler', describe(saveHandler), 'a function (artifacts) => SaveResult');
  return { save: saveHandler };
}
