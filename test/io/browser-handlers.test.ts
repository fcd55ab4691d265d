import { resolveObjectURL } from 'node:buffer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { FakeDocument, FakeIndexedDB, FakeServer, FakeStorage } from './browser-fakes';
import { HAND_WEIGHTS, captureArtifacts, handModel, handWrittenModelJson, randomInput, smallModel } from './helpers';

// The browser build's handlers, on fakes of fetch, localStorage, IndexedDB and document.

afterEach(() => {
  vi.unstubAllGlobals();
});

const x = randomInput([2, 6, 6, 2], 5);

async function expectSameModel(a: tn.LayersModel, b: tn.LayersModel): Promise<void> {
  // The same model.json (getConfig differs as TF.js's does: a loaded layer gives back the nulls its file holds).
  expect(b.toJSON(null, false)).toEqual(a.toJSON(null, false));
  const wa = a.getWeights();
  b.getWeights().forEach((w, i) => expect(w.dataSync()).toEqual(wa[i].dataSync()));
  expect((b.predict(x) as tn.Tensor).dataSync()).toEqual((a.predict(x) as tn.Tensor).dataSync());
}

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const handWeights = () => new Uint8Array(Float32Array.from(HAND_WEIGHTS).buffer);

/** A server holding the hand-written TF.js model, its weights split over two files. */
function handServer(base = 'https://models.example/hand/'): FakeServer {
  const server = new FakeServer();
  const model = handWrittenModelJson() as { weightsManifest: { paths: string[] }[] };
  model.weightsManifest[0].paths = ['group1-shard1of2.bin', 'group1-shard2of2.bin'];
  const w = handWeights();
  server.files.set(`${base}model.json`, json(model));
  server.files.set(`${base}group1-shard1of2.bin`, w.slice(0, 20));
  server.files.set(`${base}group1-shard2of2.bin`, w.slice(20));
  return server;
}

describe('http(s)', () => {
  it('loads model.json and weight files relative to it, through the global fetch', async () => {
    const server = handServer();
    vi.stubGlobal('fetch', server.fetch);
    const loaded = await tn.loadLayersModel('https://models.example/hand/model.json');
    expect(loaded.getWeights().flatMap((w) => Array.from(w.dataSync()))).toEqual(Array.from(HAND_WEIGHTS));
    expect((loaded.predict(tn.tensor([[1, 2, 3]])) as tn.Tensor).dataSync()[0]).toBeCloseTo(handModel([1, 2, 3]), 6);
    expect(server.requests.map((r) => r.url)).toEqual([
      'https://models.example/hand/model.json',
      'https://models.example/hand/group1-shard1of2.bin',
      'https://models.example/hand/group1-shard2of2.bin',
    ]);
  });

  it('a model.json without a weightsManifest, over http or picked as a file, loads with fresh weights and fetches nothing more', async () => {
    const server = new FakeServer();
    const model = handWrittenModelJson();
    delete model.weightsManifest;
    server.files.set('https://models.example/bare/model.json', json(model));
    const fromHttp = await tn.loadLayersModel('https://models.example/bare/model.json', { fetchFunc: server.fetch });
    expect(server.requests.map((r) => r.url)).toEqual(['https://models.example/bare/model.json']);
    const fromFile = await tn.loadLayersModel(tn.io.browserFiles([new File([JSON.stringify(model)], 'model.json')]));
    for (const m of [fromHttp, fromFile]) expect(m.weights.map((w) => w.shape)).toEqual([[3, 2], [2], [2, 1], [1]]);
    // Biases start at zero (the file's Zeros initializer); kernels are drawn.
    expect(fromHttp.getWeights()[1].dataSync()).toEqual(Float32Array.of(0, 0));
  });

  it('passes requestInit, fetchFunc, weightPathPrefix and the query string as TF.js does, and reports progress', async () => {
    const server = handServer('https://cdn.example/w/');
    server.files.set('https://models.example/m/model.json?v=2', server.files.get('https://cdn.example/w/model.json') as Uint8Array);
    for (const f of ['group1-shard1of2.bin', 'group1-shard2of2.bin']) server.files.set(`https://cdn.example/w/${f}?v=2`, server.files.get(`https://cdn.example/w/${f}`) as Uint8Array);
    const progress: number[] = [];
    await tn.loadLayersModel('https://models.example/m/model.json?v=2', {
      fetchFunc: server.fetch,
      requestInit: { headers: { authorization: 'Bearer t' } },
      weightPathPrefix: 'https://cdn.example/w/',
      onProgress: (f) => progress.push(f),
    });
    expect(server.requests.map((r) => r.url)).toEqual(['https://models.example/m/model.json?v=2', 'https://cdn.example/w/group1-shard1of2.bin?v=2', 'https://cdn.example/w/group1-shard2of2.bin?v=2']);
    expect(server.requests.every((r) => (r.init?.headers as Record<string, string>).authorization === 'Bearer t')).toBe(true);
    // As TF.js: the two responses over [0, 0.5], then their bodies over [0.5, 1].
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
    await tn.loadLayersModel('https://models.example/m/model.json?v=2', {
      fetchFunc: server.fetch,
      weightUrlConverter: async (name) => `https://cdn.example/w/${name}`,
    });
    expect(server.requests.slice(4).map((r) => r.url)).toEqual(['https://cdn.example/w/group1-shard1of2.bin', 'https://cdn.example/w/group1-shard2of2.bin']);
  });

  it('saves by POSTing model.json and model.weights.bin as multipart form data, and the files load back', async () => {
    const server = new FakeServer();
    const model = smallModel();
    const url = 'https://upload.example/models/a';
    const result = await model.save(tn.io.http(url, { fetchFunc: server.fetch, requestInit: { method: 'PUT' } }));
    expect(result.modelArtifactsInfo.weightDataBytes).toBe(model.countParams() * 4);
    expect((result.responses?.[0] as Response).status).toBe(200);
    expect(server.requests[0].init?.method).toBe('PUT');
    const form = server.requests[0].init?.body as FormData;
    const modelJson = JSON.parse(await (form.get('model.json') as File).text());
    expect(modelJson.weightsManifest[0].paths).toEqual(['./model.weights.bin']);
    const weights = new Uint8Array(await (form.get('model.weights.bin') as File).arrayBuffer());
    server.files.set('https://models.example/a/model.json', json(modelJson));
    server.files.set('https://models.example/a/model.weights.bin', weights);
    await expectSameModel(model, await tn.loadLayersModel('https://models.example/a/model.json', { fetchFunc: server.fetch }));
  });

  it('posts to model.save(url) with the global fetch, as TF.js', async () => {
    const server = new FakeServer();
    vi.stubGlobal('fetch', server.fetch);
    await smallModel().save('https://upload.example/m');
    expect(server.posts.map((p) => [p.url, p.form.has('model.json'), p.form.has('model.weights.bin')])).toEqual([['https://upload.example/m', true, true]]);
  });

  it('rejects, naming the URL and what was wrong, for every bad source', async () => {
    const server = handServer();
    const load = (url: string) => tn.loadLayersModel(url, { fetchFunc: server.fetch });
    await expect(load('https://models.example/none/model.json')).rejects.toThrow('io.http: fetching the model file https://models.example/none/model.json failed with HTTP status 404 (Not Found)');
    await expect(load('https://unreachable.example/model.json')).rejects.toThrow('io.http: cannot fetch the model file https://unreachable.example/model.json: fetch failed');
    await expect(load('not a url/model.json')).rejects.toThrow('loadLayersModel: cannot fetch the model file not a url/model.json: Failed to parse URL');
    server.files.set('https://models.example/bad/model.json', new TextEncoder().encode('{"modelTopology": '));
    await expect(load('https://models.example/bad/model.json')).rejects.toThrow(/io.http: https:\/\/models.example\/bad\/model.json is not valid JSON/);
    server.files.delete('https://models.example/hand/group1-shard2of2.bin');
    await expect(load('https://models.example/hand/model.json')).rejects.toThrow('io.http: fetching the weights file https://models.example/hand/group1-shard2of2.bin failed with HTTP status 404');
    server.files.set('https://models.example/hand/group1-shard2of2.bin', handWeights().slice(20, 30));
    await expect(load('https://models.example/hand/model.json')).rejects.toThrow(
      /io.http: https:\/\/models.example\/hand\/group1-shard1of2.bin \+ https:\/\/models.example\/hand\/group1-shard2of2.bin is truncated: it holds 30 bytes but the manifest declares 44; weight 'dense_Dense1\/bias' \[2\] at byte offset 24 runs past the end/,
    );
    await expect(tn.loadLayersModel('https://models.example/hand/model.json', { strict: 'no' as never })).rejects.toThrow(/loadLayersModel: options.strict must be a boolean, got "no"/);
    expect(() => tn.io.http('https://models.example/hand/model.json', { strict: 0 as never })).toThrow(/io.http: loadOptions.strict must be a boolean, got 0/);
    expect(() => tn.io.http('https://models.example/hand/model.json', { streamWeights: true })).toThrow(/io.http: loadOptions.streamWeights must be false or absent \(weight files are read whole\), got true/);
    await expect(tn.loadLayersModel('https://models.example/hand/model.json', { onProgres: () => 0 } as never)).rejects.toThrow(/loadLayersModel: options.onProgres must be absent/);
    expect(() => tn.io.http('https://models.example/hand/model.json', { onProgres: () => 0 } as never)).toThrow(/io.http: loadOptions.onProgres must be absent/);
    expect(() => tn.io.http('')).toThrow(/io.http: path must be a non-empty URL string/);
  });

  it('a model.json with a weightsManifest but no modelTopology loads as weights alone, as TF.js reads it', async () => {
    const server = handServer();
    const model = JSON.parse(new TextDecoder().decode(server.files.get('https://models.example/hand/model.json'))) as { modelTopology?: unknown };
    delete model.modelTopology;
    server.files.set('https://models.example/hand/model.json', json(model));
    const artifacts = await tn.io.http('https://models.example/hand/model.json', { fetchFunc: server.fetch }).load!();
    expect(artifacts.modelTopology).toBeUndefined();
    expect(artifacts.weightSpecs?.map((s) => s.name)).toEqual(['dense_Dense1/kernel', 'dense_Dense1/bias', 'dense_Dense2/kernel', 'dense_Dense2/bias']);
    expect(Array.from(new Float32Array(artifacts.weightData as ArrayBuffer))).toEqual(Array.from(Float32Array.from(HAND_WEIGHTS)));
    // A model cannot be made from it, and a file with neither part is refused.
    await expect(tn.loadLayersModel('https://models.example/hand/model.json', { fetchFunc: server.fetch })).rejects.toThrow(/modelTopology must be an object, got nothing/);
    server.files.set('https://models.example/empty/model.json', json({ format: 'layers-model' }));
    await expect(tn.io.http('https://models.example/empty/model.json', { fetchFunc: server.fetch }).load!()).rejects.toThrow(
      /io.http: https:\/\/models.example\/empty\/model.json must be a JSON object with a modelTopology, a weightsManifest or both/,
    );
  });

  it('fetches a bare path, as TF.js falls back to http for a URL no scheme claims', async () => {
    const server = new FakeServer();
    vi.stubGlobal('fetch', server.fetch);
    await expect(tn.loadLayersModel('models/model.json')).rejects.toThrow('loadLayersModel: cannot fetch the model file models/model.json: Failed to parse URL from models/model.json');
    expect(server.requests.map((r) => r.url)).toEqual(['models/model.json']);
  });
});

describe('localstorage://', () => {
  it("saves under TF.js's keys and loads the same model back; listModels and removeModel see it", async () => {
    const storage = new FakeStorage();
    vi.stubGlobal('localStorage', storage);
    const model = smallModel();
    await model.save('localstorage://my/model');
    expect(storage.keys().sort()).toEqual(['info', 'model_metadata', 'model_topology', 'weight_data', 'weight_specs'].map((k) => `tensorflowjs_models/my/model/${k}`));
    await expectSameModel(model, await tn.loadLayersModel('localstorage://my/model'));
    const list = await tn.io.listModels();
    expect(Object.keys(list)).toEqual(['localstorage://my/model']);
    expect(list['localstorage://my/model'].weightDataBytes).toBe(model.countParams() * 4);
    expect(list['localstorage://my/model'].dateSaved).toBeInstanceOf(Date);
    await tn.io.removeModel('localstorage://my/model');
    expect(storage.keys()).toEqual([]);
    await expect(tn.loadLayersModel('localstorage://my/model')).rejects.toThrow("io.browserLocalStorage: there is no model 'my/model' in localStorage");
    await expect(tn.io.removeModel('localstorage://my/model')).rejects.toThrow("io.removeModel: there is no model 'my/model' in localStorage");
  });

  it('gives back convertedBy as it was stored: null for a model that said null, absent for artifacts without it (TF.js\'s own test)', async () => {
    vi.stubGlobal('localStorage', new FakeStorage());
    const save = (path: string, extra: object) => tn.io.getSaveHandlers(path)[0].save!({ modelTopology: { a: 1 }, weightSpecs: [], weightData: new ArrayBuffer(0), ...extra });
    await save('localstorage://v0', {});
    await save('localstorage://v1', { convertedBy: null });
    await save('localstorage://v2', { convertedBy: 'converter 4' });
    const convertedBy = async (path: string) => {
      const a = await tn.io.getLoadHandlers(path)[0].load!();
      return ['convertedBy' in a && a.convertedBy !== undefined, a.convertedBy];
    };
    expect([await convertedBy('localstorage://v0'), await convertedBy('localstorage://v1'), await convertedBy('localstorage://v2')]).toEqual([[false, undefined], [true, null], [true, 'converter 4']]);
  });

  it('keeps the training config and optimizer state (includeOptimizer): the model loads compiled, through a copy too', async () => {
    vi.stubGlobal('localStorage', new FakeStorage());
    vi.stubGlobal('indexedDB', new FakeIndexedDB());
    const model = smallModel();
    model.compile({ optimizer: tn.train.adam(0.01), loss: 'meanSquaredError' });
    const y = tn.ones([2, 4]);
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    await model.save('localstorage://trained', { includeOptimizer: true });
    await tn.io.copyModel('localstorage://trained', 'localstorage://kept');
    await tn.io.moveModel('localstorage://trained', 'indexeddb://moved');
    await tn.io.copyModel('indexeddb://moved', 'localstorage://back');
    const slots = (await model.optimizer.getWeights()).map((w) => Array.from(w.tensor.dataSync()));
    for (const url of ['localstorage://kept', 'indexeddb://moved', 'localstorage://back']) {
      const loaded = await tn.loadLayersModel(url);
      expect(loaded.optimizer?.getClassName(), url).toBe('Adam');
      expect(loaded.loss, url).toBe('meanSquaredError');
      expect((await loaded.optimizer.getWeights()).map((w) => Array.from(w.tensor.dataSync())), url).toEqual(slots);
      await loaded.fit(x, y, { epochs: 1, verbose: 0 });
      expect(loaded.optimizer.iterations, url).toBe(2);
    }
  });

  it('leaves nothing behind when the quota is exceeded, and says how big the model is', async () => {
    const storage = new FakeStorage(2000);
    vi.stubGlobal('localStorage', storage);
    await expect(smallModel().save('localstorage://big')).rejects.toThrow(/could not save model 'big' to localStorage \(the storage quota.*this model needs about \d+ characters; try indexeddb:\/\/\): QuotaExceededError/);
    expect(storage.keys()).toEqual([]);
  });

  it('rejects a stored model with a missing or corrupt part, and says where localStorage is missing', async () => {
    const storage = new FakeStorage();
    vi.stubGlobal('localStorage', storage);
    await smallModel().save('localstorage://m');
    storage.setItem('tensorflowjs_models/m/weight_specs', '[{');
    await expect(tn.loadLayersModel('localstorage://m')).rejects.toThrow(/the weight_specs of model 'm' in localStorage is not valid JSON/);
    storage.setItem('tensorflowjs_models/m/weight_specs', '[]');
    storage.removeItem('tensorflowjs_models/m/weight_data');
    await expect(tn.loadLayersModel('localstorage://m')).rejects.toThrow(/model 'm' in localStorage is missing its weight_data/);
    vi.unstubAllGlobals();
    await expect(smallModel().save('localstorage://m')).rejects.toThrow(/io.browserLocalStorage: localStorage is not available in this runtime \(a page's main thread has it; Web Workers and Node do not\): use indexeddb:\/\/ in a worker, file:\/\/ in Node/);
  });
});

describe('indexeddb://', () => {
  it("saves into TF.js's database layout and loads the same model back", async () => {
    const idb = new FakeIndexedDB();
    vi.stubGlobal('indexedDB', idb);
    const model = smallModel();
    const saved = await model.save('indexeddb://mnist-cnn');
    expect(saved.modelArtifactsInfo.weightDataBytes).toBe(model.countParams() * 4);
    const db = idb.databases.get('tensorflowjs');
    expect([...(db?.stores.keys() ?? [])]).toEqual(['models_store', 'model_info_store']);
    expect([...(db?.stores.get('models_store')?.data.keys() ?? [])]).toEqual(['mnist-cnn']);
    await expectSameModel(model, await tn.loadLayersModel('indexeddb://mnist-cnn'));
    expect(db?.closed).toBe(2);
  });

  it('lists, copies, moves and removes models across IndexedDB and localStorage', async () => {
    vi.stubGlobal('indexedDB', new FakeIndexedDB());
    vi.stubGlobal('localStorage', new FakeStorage());
    const model = smallModel();
    await model.save('indexeddb://a');
    await tn.io.copyModel('indexeddb://a', 'indexeddb://b');
    await tn.io.moveModel('indexeddb://b', 'localstorage://c');
    expect(Object.keys(await tn.io.listModels())).toEqual(['localstorage://c', 'indexeddb://a']);
    await expectSameModel(model, await tn.loadLayersModel('localstorage://c'));
    const info = await tn.io.removeModel('indexeddb://a');
    expect(info.weightDataBytes).toBe(model.countParams() * 4);
    expect(Object.keys(await tn.io.listModels())).toEqual(['localstorage://c']);
    await expect(tn.io.copyModel('localstorage://c', 'localstorage://c')).rejects.toThrow(/io.copyModel: destURL must be a URL other than sourceURL/);
    await expect(tn.io.moveModel('https://x.example/model.json', 'indexeddb://d')).rejects.toThrow(/io.moveModel: sourceURL must be a URL of a stored model: localstorage:\/\/, indexeddb:\/\//);
    // A URL no scheme claims is not fetched, as TF.js: its error.
    const fetched = vi.fn();
    vi.stubGlobal('fetch', fetched);
    await expect(tn.io.copyModel('foo://a', 'localstorage://b')).rejects.toThrow(/^io\.copyModel: Copying failed because no load handler is found for source URL foo:\/\/a\. Models are copied from indexeddb:\/\/name, localstorage:\/\/name, http\(s\):\/\/…\/model\.json or a scheme added with tn\.io\.registerLoadRouter$/);
    await expect(tn.io.copyModel('models/a.json', 'indexeddb://b')).rejects.toThrow('io.copyModel: Copying failed because no load handler is found for source URL models/a.json.');
    expect(fetched).not.toHaveBeenCalled();
    await expect(tn.io.removeModel('indexeddb://nothing')).rejects.toThrow("io.removeModel: there is no model 'nothing' in IndexedDB");
    await expect(tn.io.removeModel('file://x')).rejects.toThrow(/io.removeModel: url must be a URL of a stored model/);
  });

  it('a failed write leaves the earlier model intact, and a failed open or a missing IndexedDB names the cause', async () => {
    const idb = new FakeIndexedDB();
    vi.stubGlobal('indexedDB', idb);
    const first = smallModel();
    await first.save('indexeddb://m');
    (idb.databases.get('tensorflowjs') as { failWrites: boolean }).failWrites = true;
    await expect(smallModel().save('indexeddb://m')).rejects.toThrow(/io.indexedDB: IndexedDB failed to save model 'm': AbortError/);
    (idb.databases.get('tensorflowjs') as { failWrites: boolean }).failWrites = false;
    await expectSameModel(first, await tn.loadLayersModel('indexeddb://m'));
    await expect(tn.loadLayersModel('indexeddb://other')).rejects.toThrow("io.indexedDB: there is no model 'other' in IndexedDB (indexeddb://other)");
    idb.refuseOpen = 'InvalidStateError: A mutation operation was attempted on a database that did not allow mutations.';
    await expect(tn.loadLayersModel('indexeddb://m')).rejects.toThrow("io.indexedDB: IndexedDB failed to open database 'tensorflowjs': InvalidStateError");
    vi.unstubAllGlobals();
    await expect(first.save('indexeddb://m')).rejects.toThrow(/io.indexedDB: IndexedDB is not available in this runtime .*use localstorage:\/\/ or downloads:\/\//);
    expect(await tn.io.listModels()).toEqual({});
  });
});

describe('downloads:// and browserFiles', () => {
  /** The files a download offered, as File objects a user could pick. */
  async function downloaded(doc: FakeDocument): Promise<File[]> {
    return Promise.all(
      doc.downloads.map(async (d) => new File([await (resolveObjectURL(d.href) as Blob).arrayBuffer()], d.name)),
    );
  }

  it('downloads <prefix>.json and <prefix>.weights.bin, and browserFiles loads them back', async () => {
    const doc = new FakeDocument();
    vi.stubGlobal('document', doc);
    const model = smallModel();
    await model.save('downloads://my-model');
    expect(doc.downloads.map((d) => d.name)).toEqual(['my-model.json', 'my-model.weights.bin']);
    const [jsonFile, weightsFile] = await downloaded(doc);
    expect(JSON.parse(await jsonFile.text()).weightsManifest[0].paths).toEqual(['./my-model.weights.bin']);
    await expectSameModel(model, await tn.loadLayersModel(tn.io.browserFiles([jsonFile, weightsFile])));
    await model.save(tn.io.browserDownloads());
    expect(doc.downloads.slice(2).map((d) => d.name)).toEqual(['model.json', 'model.weights.bin']);
  });

  it('rejects missing, extra, duplicate and wrong-sized weight files, naming them', async () => {
    vi.stubGlobal('document', new FakeDocument());
    const artifacts = await captureArtifacts(smallModel());
    const modelJson = { modelTopology: artifacts.modelTopology, weightsManifest: [{ paths: ['./w.bin'], weights: artifacts.weightSpecs }] };
    const jsonFile = new File([JSON.stringify(modelJson)], 'model.json');
    const bytes = new Uint8Array(artifacts.weightData as ArrayBuffer);
    const load = (files: File[]) => tn.loadLayersModel(tn.io.browserFiles(files));
    await expect(load([jsonFile])).rejects.toThrow("io.browserFiles: 'model.json' names weight file(s) 'w.bin' that were not given");
    await expect(load([jsonFile, new File([bytes], 'w.bin'), new File([bytes], 'x.bin')])).rejects.toThrow("io.browserFiles: weight file(s) 'x.bin' are not in the weightsManifest of 'model.json'");
    await expect(load([jsonFile, new File([bytes], 'w.bin'), new File([bytes], 'w.bin')])).rejects.toThrow("io.browserFiles: two weight files are named 'w.bin'");
    await expect(load([jsonFile, new File([bytes.slice(4)], 'w.bin')])).rejects.toThrow(/io.browserFiles: 'w.bin' is truncated: it holds \d+ bytes but the manifest declares/);
    await expect(load([new File(['{'], 'model.json'), new File([bytes], 'w.bin')])).rejects.toThrow(/io.browserFiles: 'model.json' is not valid JSON/);
    expect(() => tn.io.browserFiles([])).toThrow(/io.browserFiles: files must be an array \[jsonFile, ...weightFiles\] of at least one File/);
    expect(() => tn.io.browserFiles(['model.json'] as never)).toThrow(/io.browserFiles: files\[0\] must be a File/);
  });

  it('downloads:// without a document says it needs a page', async () => {
    await expect(smallModel().save('downloads://m')).rejects.toThrow(/io.browserDownloads: downloads:\/\/ saves through a page's downloads and needs a browser document/);
  });
});
