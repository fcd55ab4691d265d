import type { LayersModel } from './layers-model';
import { argError } from '../util/validate';
import type { IOHandler } from '../io/artifacts';
import { modelFromArtifacts } from './deserialize';
import { restoreOptimizer } from './training-config';
import { checkLoadOptions, type LoadOptions } from '../io/http-handler';
import { describe } from '../io/json-checks';
import { loadHandlerFor } from '../io/router-registry';

/**
 * Loads a model saved in TF.js's layers format from a URL (http(s)://…/model.json, indexeddb://,
 * localstorage://, file:// in Node; a bare path is fetched, as TF.js does) or an IOHandler
 * (e.g. tn.io.fromMemory, tn.io.browserFiles). Resolves to a fully built model or rejects;
 * never a partial model.
 */
export async function loadLayersModel(pathOrIOHandler: string | IOHandler, options?: LoadOptions): Promise<LayersModel> {
  const op = 'loadLayersModel';
  // Checked here for every source, not only where a handler reads the options (http).
  checkLoadOptions(op, options, 'options');
  const handler = typeof pathOrIOHandler === 'string' && pathOrIOHandler !== '' ? loadHandlerFor(op, pathOrIOHandler, options)
    : typeof pathOrIOHandler === 'object' && pathOrIOHandler !== null && typeof pathOrIOHandler.load === 'function' ? pathOrIOHandler : undefined;
  if (handler?.load === undefined) {
    throw argError(op, 'pathOrIOHandler', describe(pathOrIOHandler), "a URL (http(s)://…/model.json, indexeddb://name, localstorage://name, file://…/model.json in Node) or an IOHandler with a load method (e.g. tn.io.fromMemory(...), tn.io.browserFiles(files))");
  }
  const { model, optimizerWeights } = modelFromArtifacts(op, await handler.load());
  if (optimizerWeights.length > 0) restoreOptimizer(op, model, optimizerWeights);
  return model;
}
