import type { IOHandler, ModelArtifacts, ModelArtifactsInfo, SaveResult } from './artifacts';
import { artifactsInfo } from './artifacts-info';
import { checkModelPath, noStoredModel } from './stored-model';
import { weightBytes } from './weights';
import { messageOf } from '../util/validate';

// TF.js's database layout, so models saved by either library load in the other.
const DATABASE_NAME = 'tensorflowjs';
const DATABASE_VERSION = 1;
const MODEL_STORE = 'models_store';
const INFO_STORE = 'model_info_store';
export const INDEXED_DB_SCHEME = 'indexeddb://';

const reason = (e: unknown) => (e === null || e === undefined ? 'unknown error' : messageOf(e));

function factory(op: string): IDBFactory {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) {
    throw new Error(`${op}: IndexedDB is not available in this runtime (it exists in browsers, and not in some private modes); use localstorage:// or downloads:// instead, or file:// in Node`);
  }
  return idb;
}

/** Settles when an IDB request does; a failure names what was being done. */
function done<T>(op: string, what: string, request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(`${op}: IndexedDB failed to ${what}: ${reason(request.error)}`));
  });
}

function committed(op: string, what: string, tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    const fail = () => reject(new Error(`${op}: IndexedDB failed to ${what}: ${reason(tx.error)}`));
    tx.onerror = fail;
    tx.onabort = fail;
  });
}

/** Opens TF.js's model database, creating its stores on first use; the caller closes it. */
async function openDatabase(op: string): Promise<IDBDatabase> {
  const request = factory(op).open(DATABASE_NAME, DATABASE_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore(MODEL_STORE, { keyPath: 'modelPath' });
    db.createObjectStore(INFO_STORE, { keyPath: 'modelPath' });
  };
  const blocked = new Promise<never>((_, reject) => {
    request.onblocked = () => reject(new Error(`${op}: IndexedDB database '${DATABASE_NAME}' is blocked by another open connection (close other tabs of this page)`));
  });
  return Promise.race([done(op, `open database '${DATABASE_NAME}'`, request), blocked]);
}

async function withDatabase<T>(op: string, use: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await openDatabase(op);
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

interface InfoRecord {
  modelPath: string;
  modelArtifactsInfo: ModelArtifactsInfo;
}

interface ModelRecord extends InfoRecord {
  modelArtifacts: ModelArtifacts;
}

const noModel = (op: string, path: string) => noStoredModel(op, 'IndexedDB', INDEXED_DB_SCHEME, path);

class IndexedDBHandler implements IOHandler {
  constructor(private readonly path: string) {}

  /** Writes the info record and the model in one transaction, so a failed save leaves neither. */
  async save(artifacts: ModelArtifacts): Promise<SaveResult> {
    const op = 'io.indexedDB';
    const data = weightBytes(op, 'weightData', artifacts.weightData);
    const info = artifactsInfo(artifacts, data.byteLength);
    // One ArrayBuffer of its own, as TF.js stores weightData.
    const stored: ModelArtifacts = { ...artifacts, weightData: data.slice().buffer as ArrayBuffer };
    await withDatabase(op, async (db) => {
      const tx = db.transaction([INFO_STORE, MODEL_STORE], 'readwrite');
      const finished = committed(op, `save model '${this.path}'`, tx);
      tx.objectStore(INFO_STORE).put({ modelPath: this.path, modelArtifactsInfo: info } satisfies InfoRecord);
      tx.objectStore(MODEL_STORE).put({ modelPath: this.path, modelArtifacts: stored, modelArtifactsInfo: info } satisfies ModelRecord);
      await finished;
    });
    return { modelArtifactsInfo: info };
  }

  async load(): Promise<ModelArtifacts> {
    const op = 'io.indexedDB';
    const record = await withDatabase(op, (db) =>
      done<ModelRecord | undefined>(op, `read model '${this.path}'`, db.transaction(MODEL_STORE, 'readonly').objectStore(MODEL_STORE).get(this.path)),
    );
    if (!record) throw noModel(op, this.path);
    return record.modelArtifacts;
  }
}

/** A handler that saves to and loads from the browser's IndexedDB, as tf.io.browserIndexedDB. */
export function browserIndexedDB(modelPath: string): IOHandler {
  return new IndexedDBHandler(checkModelPath('io.browserIndexedDB', INDEXED_DB_SCHEME, modelPath));
}

export const indexedDBRouter = (url: string | string[]): IOHandler | null =>
  typeof url === 'string' && url.startsWith(INDEXED_DB_SCHEME) ? browserIndexedDB(url.slice(INDEXED_DB_SCHEME.length)) : null;

/** The saved models' infos by path. */
export async function listIndexedDBModels(op: string): Promise<Record<string, ModelArtifactsInfo>> {
  const records = await withDatabase(op, (db) =>
    done<InfoRecord[]>(op, 'list the saved models', db.transaction(INFO_STORE, 'readonly').objectStore(INFO_STORE).getAll()),
  );
  return Object.fromEntries(records.map((r) => [r.modelPath, r.modelArtifactsInfo]));
}

/** Deletes a saved model; its info as it was. */
export async function removeIndexedDBModel(op: string, path: string): Promise<ModelArtifactsInfo> {
  return withDatabase(op, async (db) => {
    const tx = db.transaction([INFO_STORE, MODEL_STORE], 'readwrite');
    const finished = committed(op, `remove model '${path}'`, tx);
    const info = await done<InfoRecord | undefined>(op, `read the info of model '${path}'`, tx.objectStore(INFO_STORE).get(path));
    if (!info) {
      tx.abort();
      await finished.catch(() => undefined);
      throw noModel(op, path);
    }
    tx.objectStore(INFO_STORE).delete(path);
    tx.objectStore(MODEL_STORE).delete(path);
    await finished;
    return info.modelArtifactsInfo;
  });
}

/** Whether this runtime has IndexedDB at all (listModels skips the scheme where it does not). */
export const hasIndexedDB = () => (globalThis as { indexedDB?: unknown }).indexedDB !== undefined;
