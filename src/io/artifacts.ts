/** The shapes of saved models, named and laid out as TensorFlow.js's io types. */

/** One weight in a manifest: where its values sit follows from the order and sizes of those before it. */
export interface WeightsManifestEntry {
  name: string;
  shape: number[];
  /**
   * TF.js files hold 'float32', 'int32' or 'bool' (a graph model's hash table also 'string'); tessera writes 'float64'
   * for float64 models (TF.js cannot read those).
   */
  dtype: 'float32' | 'float64' | 'int32' | 'bool' | 'string' | 'complex64';
  /** 'optimizer' marks an optimizer's state saved beside the model's weights. */
  group?: WeightGroup;
  /** How tfjs-converter stored the values (read, never written): uint8/uint16 codes q for q·scale + min, or float16. */
  quantization?: WeightQuantization;
}

/** A weight of a fixed size per value: what a layers model holds, and what readWeightSpecs accepts. */
export type NumericWeightSpec = WeightsManifestEntry & { dtype: 'float32' | 'float64' | 'int32' | 'bool' };

/** A quantized weight's storage, as TF.js's weight spec quantization entry. */
export interface WeightQuantization {
  dtype: 'uint8' | 'uint16' | 'float16';
  scale?: number;
  min?: number;
}

/** What a saved weight belongs to, as TF.js's io.WeightGroup. */
export type WeightGroup = 'model' | 'optimizer';

/** A group of weights whose values are the concatenation of the files in paths. */
export interface WeightsManifestGroupConfig {
  paths: string[];
  weights: WeightsManifestEntry[];
}

/** model.json's weightsManifest, as TF.js's io.WeightsManifestConfig. */
export type WeightsManifestConfig = WeightsManifestGroupConfig[];

/** The weights' values back to back, as one buffer or TF.js's list of shards (TF.js's io.WeightData). */
export type WeightData = ArrayBuffer | ArrayBuffer[];

/** model.json's trainingConfig, as TF.js's io.TrainingConfig (snake_case, as Keras writes it). */
export interface TrainingConfig {
  optimizer_config: {};
  loss: string | string[] | Record<string, string>;
  metrics?: string[] | Record<string, string>;
  weighted_metrics?: string[];
  sample_weight_mode?: string;
  loss_weights?: number[] | Record<string, number>;
}

/** Options of model.save, as TF.js's io.SaveConfig. */
export interface SaveConfig {
  /** Save the trainable weights only. */
  trainableOnly?: boolean;
  /** Also save the training config (loss, metrics, optimizer) and the optimizer's state, so training can continue after loading. */
  includeOptimizer?: boolean;
}

/** What a handler saves and loads: the topology JSON, the weight specs and their bytes. */
export interface ModelArtifacts {
  modelTopology?: object;
  weightSpecs?: WeightsManifestEntry[];
  weightData?: WeightData;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  trainingConfig?: object;
  /** The user's JSON object set by model.setUserDefinedMetadata, saved beside the model as TF.js does. */
  userDefinedMetadata?: object;
  /** A graph model's SignatureDef ({inputs, outputs} by key, each {name: 'node:0', dtype, tensorShape}), as tfjs-converter writes it. */
  signature?: object;
  /** A graph model's initializer graph (a GraphDef that fills its hash tables), as tfjs-converter writes it. */
  modelInitializer?: object;
  /** The initializer's SignatureDef: its outputs, each a resource with the resourceId of the model input it feeds. */
  initializerSignature?: object;
}

/** The contents of model.json. */
export interface ModelJSON {
  modelTopology: object;
  weightsManifest: WeightsManifestConfig;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  trainingConfig?: object;
  userDefinedMetadata?: object;
  signature?: object;
  modelInitializer?: object;
  initializerSignature?: object;
}

export interface ModelArtifactsInfo {
  dateSaved: Date;
  modelTopologyType: 'JSON';
  /** Sizes in bytes; tessera's handlers give them, a user's save handler may leave them out (as TF.js's). */
  modelTopologyBytes?: number;
  weightSpecsBytes?: number;
  weightDataBytes?: number;
}

export interface SaveResult {
  modelArtifactsInfo: ModelArtifactsInfo;
  /** The server's answers, for saves over HTTP. */
  responses?: unknown[];
  errors?: string[];
}

/** A handler's save, as TF.js's io.SaveHandler. */
export type SaveHandler = (modelArtifacts: ModelArtifacts) => Promise<SaveResult>;
/** A handler's load, as TF.js's io.LoadHandler. */
export type LoadHandler = () => Promise<ModelArtifacts>;

/** Where a model goes to or comes from, as TF.js's tf.io.IOHandler. */
export interface IOHandler {
  save?: SaveHandler;
  load?: LoadHandler;
}

/** A handler that answers at once, as TF.js's tf.io.IOHandlerSync (tf.io.fromMemorySync, withSaveHandlerSync). */
export interface IOHandlerSync {
  save?(artifacts: ModelArtifacts): SaveResult;
  load?(): ModelArtifacts;
}
