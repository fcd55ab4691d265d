import { concatUint8Arrays } from 'typed-array-utils';
import type { IOHandler, ModelArtifacts, SaveResult } from './artifacts';
import { describe } from './json-checks';
import { modelJsonFor, parseJsonText, readModelJson } from './model-json';
import { artifactsInfo } from './artifacts-info';
import { checkByteLength, weightBytes } from './weights';
import { argError, messageOf, withoutNulls } from '../util/validate';
import { fetchChecked } from '../util/fetch-checked';

/** The part of a fetch Response the handlers read. */
export interface ResponseLike {
  ok: boolean;
  status: number;
  statusText?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A loader's progress report, as TF.js's io.OnProgressCallback. */
export type OnProgressCallback = (fraction: number) => void;

/** How loadLayersModel and tn.io.http fetch a model, as TF.js's io.LoadOptions. */
export interface LoadOptions {
  /** fetch's RequestInit (headers, credentials, ...), used for every request. */
  requestInit?: object;
  /** Where the weight files are, ending in '/'; by default the folder of model.json's URL. */
  weightPathPrefix?: string;
  /** The fetch to use instead of the global one; TF.js passes weight files a third argument, {isBinary: true}. */
  fetchFunc?(input: string, init?: object, details?: { isBinary?: boolean }): Promise<ResponseLike>;
  /** Called with the fraction of the weight files' loading done so far: their responses count for the first half, their bodies for the second. */
  onProgress?: OnProgressCallback;
  /** Maps a weight file's name in the manifest to the URL to fetch it from (instead of the prefix). */
  weightUrlConverter?(weightFileName: string): Promise<string>;
  /**
   * TF.js's strict: false loads a model whose file lacks weights (they keep fresh values) or has extra ones; tessera
   * takes it, and still loads every weight the model has from the file, and nothing else.
   */
  strict?: boolean;
  /** loadGraphModel's: the URL is a TF Hub module's (model.json?tfjs-format=file is appended); the http handler ignores it, as TF.js's. */
  fromTFHub?: boolean;
  /** Must be false if given: weight files are read whole (TF.js's layers loader reads no stream either). */
  streamWeights?: boolean;
}

const OPTION_KEYS = ['requestInit', 'weightPathPrefix', 'fetchFunc', 'onProgress', 'weightUrlConverter', 'strict', 'fromTFHub', 'streamWeights'];
const WEIGHTS_FILE = 'model.weights.bin';
/** model.json holds the topology and manifest only; anything larger is not a model file. */
const MAX_JSON_BYTES = 64 * 2 ** 20;

/** Checks a load's options (named `arg` in its errors), as every loader takes them: known keys, each of its kind. */
export function checkLoadOptions(op: string, o: unknown, arg = 'loadOptions'): LoadOptions {
  if (o == null) return {};
  if (typeof o !== 'object' || Array.isArray(o)) throw argError(op, arg, describe(o), 'an object like { requestInit?, weightPathPrefix?, fetchFunc?, onProgress? }');
  for (const [key, value] of Object.entries(o)) {
    if (!OPTION_KEYS.includes(key)) throw argError(op, `${arg}.${key}`, describe(value), `absent (the options are ${OPTION_KEYS.join(', ')})`);
  }
  const opts = withoutNulls(o as Record<string, unknown>);
  const { requestInit, weightPathPrefix, fetchFunc, onProgress, weightUrlConverter, strict } = opts;
  if (requestInit !== undefined && typeof requestInit !== 'object') throw argError(op, `${arg}.requestInit`, describe(requestInit), 'a fetch RequestInit object');
  if (requestInit !== undefined && (requestInit as { body?: unknown }).body != null) throw argError(op, `${arg}.requestInit.body`, 'a body', 'absent (the handler sends its own body)');
  if (weightPathPrefix !== undefined && (typeof weightPathPrefix !== 'string' || weightPathPrefix === '')) throw argError(op, `${arg}.weightPathPrefix`, describe(weightPathPrefix), 'a non-empty string');
  if (fetchFunc !== undefined && typeof fetchFunc !== 'function') throw argError(op, `${arg}.fetchFunc`, describe(fetchFunc), 'a function like fetch');
  if (onProgress !== undefined && typeof onProgress !== 'function') throw argError(op, `${arg}.onProgress`, describe(onProgress), 'a function (fraction) => void');
  if (weightUrlConverter !== undefined && typeof weightUrlConverter !== 'function') throw argError(op, `${arg}.weightUrlConverter`, describe(weightUrlConverter), 'a function (weightFileName) => Promise<string>');
  checkStrict(op, `${arg}.strict`, strict);
  if (opts.streamWeights != null && opts.streamWeights !== false) throw argError(op, `${arg}.streamWeights`, describe(opts.streamWeights), 'false or absent (weight files are read whole)');
  return opts as LoadOptions;
}

/** A boolean, as TF.js's; false changes nothing here: tessera never loads part of a model (LoadOptions.strict). */
function checkStrict(op: string, where: string, strict: unknown): void {
  if (strict != null && typeof strict !== 'boolean') throw argError(op, where, describe(strict), 'a boolean');
}

/** The folder of a URL (with its '/') and its query string, as TF.js splits a model.json URL. */
function splitUrl(url: string): { prefix: string; query: string } {
  const slash = url.lastIndexOf('/');
  const question = url.lastIndexOf('?');
  return { prefix: url.slice(0, slash + 1), query: question > slash ? url.slice(question) : '' };
}

class HttpHandler implements IOHandler {
  constructor(
    /** The public function the handler came from, which its errors name. */
    private readonly op: string,
    private readonly url: string,
    private readonly options: LoadOptions,
  ) {}

  /** details: fetchFunc's third argument, which TF.js gives weight files only. */
  private async request(url: string, init: object, what: string, details?: { isBinary: boolean }): Promise<ResponseLike> {
    const fetchFunc = this.options.fetchFunc ?? (typeof fetch === 'function' ? (fetch as NonNullable<LoadOptions['fetchFunc']>) : undefined);
    if (!fetchFunc) throw new Error(`${this.op}: this runtime has no fetch; pass loadOptions.fetchFunc`);
    return fetchChecked(this.op, `${what} ${url}`, () => (details ? fetchFunc(url, init, details) : fetchFunc(url, init)));
  }

  private async bytes(url: string, what: string): Promise<Uint8Array> {
    return this.body(await this.request(url, { ...this.options.requestInit }, what), url, what);
  }

  private async body(response: ResponseLike, url: string, what: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      throw new Error(`${this.op}: reading the body of ${what} ${url} failed: ${messageOf(e)}`, { cause: e });
    }
  }

  /** A step counter reporting over [start, start + 0.5] of onProgress, one step a file. */
  private progress(start: number, files: number): () => void {
    let done = 0;
    return () => this.options.onProgress?.(start + (++done / files) * 0.5);
  }

  /** Fetches model.json and every weight file it names, checking their sizes against the manifest. */
  async load(): Promise<ModelArtifacts> {
    const jsonBytes = await this.bytes(this.url, 'the model file');
    if (jsonBytes.byteLength > MAX_JSON_BYTES) throw new Error(`${this.op}: ${this.url} holds ${jsonBytes.byteLength} bytes; a model.json must be at most ${MAX_JSON_BYTES}`);
    const { artifacts, groups } = readModelJson(this.op, this.url, parseJsonText(this.op, this.url, jsonBytes), true);
    if (!groups) return artifacts;
    const { prefix, query } = splitUrl(this.url);
    const base = this.options.weightPathPrefix ?? prefix;
    const convert = this.options.weightUrlConverter;
    const urls = await Promise.all(groups.map((g) => Promise.all(g.paths.map((p) => (convert ? convert(p) : base + p + query)))));
    const all = urls.flat();
    // As TF.js's loadWeightsAsArrayBuffer: every file's response is reported over [0, 0.5], then its body over [0.5, 1].
    const fetched = this.progress(0, all.length);
    const responses = await Promise.all(all.map(async (u) => {
      const response = await this.request(u, { ...this.options.requestInit }, 'the weights file', { isBinary: true });
      fetched();
      return response;
    }));
    const read = this.progress(0.5, all.length);
    const files = await Promise.all(responses.map(async (r, i) => {
      const b = await this.body(r, all[i], 'the weights file');
      read();
      return b;
    }));
    let next = 0;
    const parts = groups.map((g, k) => {
      const groupFiles = files.slice(next, (next += g.paths.length));
      if (g.sized) checkByteLength(this.op, urls[k].join(' + ') || `${g.where} of ${this.url} (no files)`, g.sized, groupFiles.reduce((n, f) => n + f.byteLength, 0));
      return groupFiles;
    });
    return { ...artifacts, weightData: concatUint8Arrays(...parts.flat()).buffer as ArrayBuffer };
  }

  /** POSTs model.json and model.weights.bin as multipart form data, as TF.js's http handler does. */
  async save(artifacts: ModelArtifacts): Promise<SaveResult> {
    const data = weightBytes(this.op, 'weightData', artifacts.weightData);
    const body = new FormData();
    const json = modelJsonFor(artifacts, [`./${WEIGHTS_FILE}`]);
    body.append('model.json', new Blob([JSON.stringify(json)], { type: 'application/json' }), 'model.json');
    if (artifacts.weightData != null) body.append(WEIGHTS_FILE, new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), WEIGHTS_FILE);
    const response = await this.request(this.url, { method: 'POST', ...this.options.requestInit, body }, 'the save endpoint');
    return { modelArtifactsInfo: artifactsInfo(artifacts, data.byteLength), responses: [response] };
  }
}

/** io.http for the public function `op` (io.http, its old name, or loadLayersModel given a bare path), so errors name it. */
export function httpFor(op: string, path: unknown, loadOptions?: LoadOptions): IOHandler {
  if (typeof path !== 'string' || path === '') throw argError(op, 'path', describe(path), 'a non-empty URL string');
  return new HttpHandler(op, path, checkLoadOptions(op, loadOptions));
}

/** A handler that loads a model over HTTP(S) (weights relative to model.json) and saves by POST, as tf.io.http. */
export function http(path: string, loadOptions?: LoadOptions): IOHandler {
  return httpFor('io.http', path, loadOptions);
}

/** TF.js's older name for io.http. */
export function browserHTTPRequest(path: string, loadOptions?: LoadOptions): IOHandler {
  return httpFor('io.browserHTTPRequest', path, loadOptions);
}

export const httpRouter = (url: string | string[], loadOptions?: LoadOptions): IOHandler | null =>
  typeof url === 'string' && /^https?:\/\//i.test(url) ? http(url, loadOptions) : null;
