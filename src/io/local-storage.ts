import type { IOHandler, ModelArtifacts, ModelArtifactsInfo, SaveResult } from './artifacts';
import { isRecord } from './json-checks';
import { artifactsInfo } from './artifacts-info';
import { checkModelPath, noStoredModel } from './stored-model';
import { weightBytes } from './weights';
import { messageOf } from '../util/validate';

// TF.js's key layout, so models saved by either library load in the other.
const PREFIX = 'tensorflowjs_models';
const SUFFIXES = { info: 'info', topology: 'model_topology', weightSpecs: 'weight_specs', weightData: 'weight_data', metadata: 'model_metadata' } as const;
export const LOCAL_STORAGE_SCHEME = 'localstorage://';

/** The part of the Web Storage API the handler uses. */
interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function storage(op: string): StorageLike {
  let ls: StorageLike | undefined;
  try {
    ls = (globalThis as { localStorage?: StorageLike }).localStorage;
  } catch (e) {
    // Reading window.localStorage itself throws where storage is blocked (e.g. cookies off).
    throw new Error(`${op}: localStorage is blocked in this page: ${messageOf(e)}`);
  }
  if (!ls) throw new Error(`${op}: localStorage is not available in this runtime (a page's main thread has it; Web Workers and Node do not): use indexeddb:// in a worker, file:// in Node`);
  return ls;
}

const keysOf = (path: string) =>
  Object.fromEntries(Object.entries(SUFFIXES).map(([k, suffix]) => [k, `${PREFIX}/${path}/${suffix}`])) as Record<keyof typeof SUFFIXES, string>;

/** Bytes as base64, in chunks so that String.fromCharCode never takes too many arguments. */
function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(op: string, where: string, text: string): ArrayBuffer {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new Error(`${op}: ${where} is not base64 text`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

const noModel = (op: string, path: string) => noStoredModel(op, 'localStorage', LOCAL_STORAGE_SCHEME, path);

class LocalStorageHandler implements IOHandler {
  private readonly op = 'io.browserLocalStorage';

  constructor(private readonly path: string) {}

  /** Writes every key, or on failure (often the quota) removes those written and says how big the model was. */
  async save(artifacts: ModelArtifacts): Promise<SaveResult> {
    const ls = storage(this.op);
    const keys = keysOf(this.path);
    const data = weightBytes(this.op, 'weightData', artifacts.weightData);
    const info = artifactsInfo(artifacts, data.byteLength);
    const metadata = { format: artifacts.format, generatedBy: artifacts.generatedBy, convertedBy: artifacts.convertedBy, trainingConfig: artifacts.trainingConfig, userDefinedMetadata: artifacts.userDefinedMetadata, signature: artifacts.signature, modelInitializer: artifacts.modelInitializer, initializerSignature: artifacts.initializerSignature };
    try {
      ls.setItem(keys.info, JSON.stringify(info));
      ls.setItem(keys.topology, JSON.stringify(artifacts.modelTopology ?? null));
      ls.setItem(keys.weightSpecs, JSON.stringify(artifacts.weightSpecs ?? []));
      ls.setItem(keys.weightData, toBase64(data));
      ls.setItem(keys.metadata, JSON.stringify(metadata));
    } catch (e) {
      for (const key of Object.values(keys)) ls.removeItem(key);
      throw new Error(
        `${this.op}: could not save model '${this.path}' to localStorage (the storage quota, often about 5 MB, is a likely cause; ` +
        `this model needs about ${info.modelTopologyBytes + info.weightSpecsBytes + Math.ceil((info.weightDataBytes * 4) / 3)} characters; try indexeddb://): ${messageOf(e)}`,
        { cause: e },
      );
    }
    return { modelArtifactsInfo: info };
  }

  async load(): Promise<ModelArtifacts> {
    const ls = storage(this.op);
    const keys = keysOf(this.path);
    const read = (key: keyof typeof SUFFIXES) => {
      const text = ls.getItem(keys[key]);
      if (text === null) throw key === 'info' ? noModel(this.op, this.path) : new Error(`${this.op}: model '${this.path}' in localStorage is missing its ${SUFFIXES[key]} (key '${keys[key]}')`);
      return text;
    };
    const json = (key: 'topology' | 'weightSpecs' | 'metadata') => {
      try {
        return JSON.parse(read(key)) as unknown;
      } catch (e) {
        if (e instanceof SyntaxError) throw new Error(`${this.op}: the ${SUFFIXES[key]} of model '${this.path}' in localStorage is not valid JSON (${e.message})`);
        throw e;
      }
    };
    read('info');
    const topology = json('topology');
    const weightSpecs = json('weightSpecs');
    const metadata = json('metadata');
    const weightData = fromBase64(this.op, `the ${SUFFIXES.weightData} of model '${this.path}' in localStorage`, read('weightData'));
    const meta = isRecord(metadata) ? metadata : {};
    // Shapes and sizes are checked by whoever reads the artifacts (loadLayersModel checks everything).
    return {
      modelTopology: topology as object,
      weightSpecs: weightSpecs as ModelArtifacts['weightSpecs'],
      weightData,
      format: typeof meta.format === 'string' ? meta.format : undefined,
      generatedBy: typeof meta.generatedBy === 'string' ? meta.generatedBy : undefined,
      // As stored, as TF.js gives it: null where the saver said null, absent where it said nothing.
      convertedBy: typeof meta.convertedBy === 'string' || meta.convertedBy === null ? meta.convertedBy : undefined,
      ...(isRecord(meta.trainingConfig) ? { trainingConfig: meta.trainingConfig as unknown as ModelArtifacts['trainingConfig'] } : {}),
      ...(isRecord(meta.userDefinedMetadata) ? { userDefinedMetadata: meta.userDefinedMetadata } : {}),
      ...(isRecord(meta.signature) ? { signature: meta.signature } : {}),
      ...(isRecord(meta.modelInitializer) ? { modelInitializer: meta.modelInitializer } : {}),
      ...(isRecord(meta.initializerSignature) ? { initializerSignature: meta.initializerSignature } : {}),
    };
  }
}

/** A handler that saves to and loads from the browser's localStorage, as tf.io.browserLocalStorage. */
export function browserLocalStorage(modelPath: string): IOHandler {
  return new LocalStorageHandler(checkModelPath('io.browserLocalStorage', LOCAL_STORAGE_SCHEME, modelPath));
}

export const localStorageRouter = (url: string | string[]): IOHandler | null =>
  typeof url === 'string' && url.startsWith(LOCAL_STORAGE_SCHEME) ? browserLocalStorage(url.slice(LOCAL_STORAGE_SCHEME.length)) : null;

function readInfo(ls: StorageLike, key: string): ModelArtifactsInfo | undefined {
  try {
    const info = JSON.parse(ls.getItem(key) ?? 'null') as (Omit<ModelArtifactsInfo, 'dateSaved'> & { dateSaved: string }) | null;
    return info ? { ...info, dateSaved: new Date(info.dateSaved) } : undefined;
  } catch {
    return undefined; // not one of ours
  }
}

/** The saved models' infos by path. */
export async function listLocalStorageModels(op: string): Promise<Record<string, ModelArtifactsInfo>> {
  const ls = storage(op);
  const out: Record<string, ModelArtifactsInfo> = {};
  const infoSuffix = `/${SUFFIXES.info}`;
  for (let i = 0; i < ls.length; i++) {
    const key = ls.key(i);
    if (!key?.startsWith(`${PREFIX}/`) || !key.endsWith(infoSuffix)) continue;
    const info = readInfo(ls, key);
    if (info) out[key.slice(PREFIX.length + 1, -infoSuffix.length)] = info;
  }
  return out;
}

/** Deletes a saved model; its info as it was. */
export async function removeLocalStorageModel(op: string, path: string): Promise<ModelArtifactsInfo> {
  const ls = storage(op);
  const keys = keysOf(path);
  const info = readInfo(ls, keys.info);
  if (!info) throw noModel(op, path);
  for (const key of Object.values(keys)) ls.removeItem(key);
  return info;
}

export const hasLocalStorage = (): boolean => {
  try {
    return (globalThis as { localStorage?: unknown }).localStorage !== undefined;
  } catch {
    return false;
  }
};
