import type { IOHandler, IOHandlerSync, ModelArtifacts, ModelJSON } from '../io/artifacts';
import { checkLoadOptions } from '../io/http-handler';
import { describe, isRecord } from '../io/json-checks';
import { readModelJson } from '../io/model-json';
import { argError } from '../util/validate';
import { GraphModel, assertModelSource, type GraphModelLoadOptions } from './graph-model';

/**
 * Loads a tfjs-converter graph model (model.json with format 'graph-model' and its weight files) from a URL
 * (http(s)://…/model.json, file:// in Node, indexeddb://, localstorage://) or an IOHandler (tn.io.fromMemory,
 * tn.io.browserFiles), as tf.loadGraphModel. Every node's op is checked as it loads.
 */
export async function loadGraphModel(modelUrl: string | IOHandler, options: GraphModelLoadOptions = {}): Promise<GraphModel> {
  assertModelSource('loadGraphModel', modelUrl);
  // Checked for every source, not only where a handler reads them (http).
  checkLoadOptions('loadGraphModel', options, 'options');
  const model = new GraphModel(modelUrl, options ?? {});
  await model.loadAs('loadGraphModel');
  return model;
}

/**
 * A graph model from what is already in memory, as tf.loadGraphModelSync: an IOHandlerSync (tn.io.fromMemorySync),
 * ModelArtifacts, or [model.json's object, the weights' ArrayBuffer].
 */
export function loadGraphModelSync(modelSource: IOHandlerSync | ModelArtifacts | [ModelJSON, ArrayBuffer]): GraphModel<IOHandlerSync> {
  const op = 'loadGraphModelSync';
  let handler: IOHandlerSync;
  if (Array.isArray(modelSource)) {
    const [json, weights] = modelSource;
    if (!(weights instanceof ArrayBuffer)) throw argError(op, 'modelSource[1]', describe(weights), "the weights' ArrayBuffer");
    const artifacts: ModelArtifacts = { ...readModelJson(op, 'modelSource[0]', json).artifacts, weightData: weights };
    handler = { load: () => artifacts };
  } else if (isRecord(modelSource) && typeof modelSource.load === 'function') {
    handler = modelSource as IOHandlerSync;
  } else if (isRecord(modelSource) && 'modelTopology' in modelSource) {
    const artifacts = modelSource as ModelArtifacts;
    handler = { load: () => artifacts };
  } else {
    throw argError(op, 'modelSource', describe(modelSource), 'an IOHandlerSync (tn.io.fromMemorySync(...)), ModelArtifacts, or [modelJSON, weights ArrayBuffer]');
  }
  const model = new GraphModel(handler);
  if (model.loadAs(op) instanceof Promise) throw argError(op, 'modelSource.load', 'a function returning a promise', 'a synchronous load (use tn.loadGraphModel for an IOHandler)');
  return model;
}
