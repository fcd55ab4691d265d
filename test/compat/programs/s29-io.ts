import type { io, LayerArgs, LayersModel, LayerVariable, Shape, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';
import { saveToMemory } from './layers-surface';

// Model and weight I/O the way TF.js programs write it, after tfjs-core's io tests and tfjs-layers' model loading
// tests: memory handlers, tf.io.http over a stub fetch, weight encoding (every dtype, quantized manifests), the router
// registry with schemes of the program's own, SaveResult fields, optimizer state, and model.json files that TF.js 4.22
// wrote itself loaded here (and the reverse). The browser stores (localstorage://, indexeddb://, browserFiles) work in
// the Chromium run and are refused alike in Node.

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
interface Call { url: string; method: string; headers: Record<string, string>; credentials: string }

/** A fetch stub serving `files` (text or bytes) by URL, 404 elsewhere, that records each request. */
function server(files: Record<string, string | ArrayBuffer>): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({ url, method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string> | undefined) }, credentials: init?.credentials ?? '' });
    const body = files[url];
    return body === undefined ? new Response('not here', { status: 404, statusText: 'Not Found' }) : new Response(body, { status: 200 });
  };
  return { fetch, calls };
}

/** A model.json (as text) and its weights file for `artifacts`, the weights at `path`. */
function modelFiles(artifacts: io.ModelArtifacts, paths: string[] = ['weights.bin']): string {
  return JSON.stringify({ modelTopology: artifacts.modelTopology, format: 'layers-model', weightsManifest: [{ paths, weights: artifacts.weightSpecs }] });
}

const bytesOf = (a: io.ModelArtifacts) => a.weightData as ArrayBuffer;

/** Each attempt's value, or 'threw' with the words `expect` when its message holds them (each library words errors its own way). */
async function attempt(f: () => unknown, words = ''): Promise<unknown> {
  try {
    return await f();
  } catch (e) {
    return words !== '' && (e as Error).message.includes(words) ? `threw: ${words}` : 'threw';
  }
}

function dense(tf: TF, name: string, units: number, inputShape?: number[]) {
  return tf.layers.dense({ units, name, ...(inputShape ? { inputShape } : {}), kernelInitializer: tf.initializers.glorotUniform({ seed: 29 }), biasInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 7 }) });
}

/** A two-layer sequential model with seeded weights, its layers named with `p`. */
function twoLayer(tf: TF, p: string): LayersModel {
  return tf.sequential({ layers: [dense(tf, `${p}_a`, 3, [2]), tf.layers.activation({ activation: 'tanh', name: `${p}_t` }), dense(tf, `${p}_b`, 2)] });
}

const x2 = (tf: TF) => tf.tensor2d([[0.5, -1], [2, 0.25], [-0.75, 1.5]]);

/** float32 values as the bytes of a Float32Array (little-endian, as TF.js writes weights). */
const f32 = (v: number[]) => new Float32Array(v).buffer;

function fromBase64(s: string): ArrayBuffer {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

const memory: Program[] = [
  {
    name: 'tf.io.fromMemory with the deprecated positional form (topology, specs, data, trainingConfig) loads a compiled model',
    run: async (tf) => {
      const m = twoLayer(tf, 'p1');
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const a = await saveToMemory(tf, m);
      const warn = console.warn;
      console.warn = () => {};
      try {
        const back = await tf.loadLayersModel(tf.io.fromMemory(a.modelTopology as object, a.weightSpecs, a.weightData, { loss: 'meanSquaredError', optimizer_config: { class_name: 'SGD', config: { learningRate: 0.1 } } } as never));
        return [back.predict(x2(tf)), m.predict(x2(tf)), back.optimizer?.getClassName() ?? 'none', back.loss];
      } finally {
        console.warn = warn;
      }
    },
  },
  {
    name: 'tf.io.fromMemorySync load() gives the artifacts back synchronously; fromMemory load() is a Promise of them',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'p2'));
      const sync = tf.io.fromMemorySync(a);
      const loaded = (sync.load as () => io.ModelArtifacts)();
      const asyncLoaded = (tf.io.fromMemory(a).load as () => Promise<io.ModelArtifacts>)();
      const later = await asyncLoaded;
      return [loaded instanceof Promise, asyncLoaded instanceof Promise, later.weightSpecs, Array.from(new Float32Array(bytesOf(later))), typeof sync.save, Object.keys(loaded).sort()];
    },
  },
  {
    name: 'tf.io.withSaveHandlerSync: save() returns the handler\'s result itself; withSaveHandler\'s save returns a Promise',
    run: async (tf) => {
      let seen: io.ModelArtifacts | null = null;
      const result = { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' as const, weightDataBytes: 12 } };
      const sync = tf.io.withSaveHandlerSync((a) => { seen = a; return result; });
      const got = (sync.save as (a: io.ModelArtifacts) => io.SaveResult)({ modelTopology: { k: 1 }, weightSpecs: [], weightData: new ArrayBuffer(12) });
      const asyncSaver = tf.io.withSaveHandler(async () => result);
      const pending = (asyncSaver.save as (a: io.ModelArtifacts) => Promise<io.SaveResult>)({ modelTopology: {} });
      return [got === result, (seen as unknown as io.ModelArtifacts).modelTopology, pending instanceof Promise, (await pending) === result, typeof sync.load];
    },
  },
  {
    name: 'model.save resolves to exactly what the save handler returns: extra fields, responses and errors pass through',
    run: async (tf) => {
      const m = twoLayer(tf, 'p3');
      const r1 = await m.save(tf.io.withSaveHandler(async () => ({ modelArtifactsInfo: { dateSaved: new Date(5), modelTopologyType: 'JSON', modelTopologyBytes: 1, weightSpecsBytes: 2, weightDataBytes: 3 }, errors: ['e1'], responses: [] })));
      const r2 = await m.save(tf.io.withSaveHandler(async () => ({ modelArtifactsInfo: { dateSaved: new Date(6), modelTopologyType: 'JSON' } })));
      return [r1.modelArtifactsInfo.dateSaved.getTime(), r1.modelArtifactsInfo, r1.errors, r1.responses, Object.keys(r2).sort(), r2.modelArtifactsInfo.dateSaved instanceof Date];
    },
  },
  {
    name: 'model.save rejects with the save handler\'s own error; a handler without save and a non-handler are refused',
    run: async (tf) => {
      const m = twoLayer(tf, 'p4');
      const failing = await attempt(() => m.save(tf.io.withSaveHandler(async () => { throw new Error('disk full 29'); })), 'disk full 29');
      const loadOnly = await attempt(() => m.save(tf.io.fromMemory({ modelTopology: {} })));
      const notHandler = await attempt(() => m.save({} as never));
      return [failing, loadOnly, notHandler];
    },
  },
  {
    name: 'what a save handler receives from a Sequential: format, generatedBy, convertedBy, specs in weight order, bytes, no training config uncompiled',
    run: async (tf) => {
      const m = twoLayer(tf, 'p5');
      const a = await saveToMemory(tf, m);
      // generatedBy names the library that wrote the file (tessera names itself).
      return [a.format, typeof a.generatedBy, a.convertedBy, a.weightSpecs, bytesOf(a).byteLength, a.trainingConfig, 'userDefinedMetadata' in a,
        Object.keys(a).sort(), (a.modelTopology as { class_name: string }).class_name, Object.keys(a.modelTopology as object).sort()];
    },
  },
  {
    name: 'weightData holds the weights as float32 in spec order, each the layer\'s getWeights values',
    run: async (tf) => {
      const m = twoLayer(tf, 'p6');
      const a = await saveToMemory(tf, m);
      const flat = new Float32Array(bytesOf(a));
      const expected = m.getWeights().flatMap((w) => Array.from(w.dataSync()));
      return [Array.from(flat), expected, flat.length === expected.length];
    },
  },
  {
    name: 'a compiled model saves its trainingConfig: loss, metrics, optimizer class and config, loss weights',
    run: async (tf) => {
      const m = twoLayer(tf, 'p7');
      m.compile({ optimizer: tf.train.rmsprop(0.02, 0.8, 0.1, 1e-6, true), loss: 'meanAbsoluteError', metrics: ['mse', 'mae'] });
      const a = await saveToMemory(tf, m);
      return a.trainingConfig;
    },
  },
  {
    name: 'model.setUserDefinedMetadata travels in the artifacts and comes back with getUserDefinedMetadata after loading',
    run: async (tf) => {
      const m = twoLayer(tf, 'p8');
      m.setUserDefinedMetadata({ labels: ['cat', 'dog'], version: 3, nested: { ok: true } });
      const a = await saveToMemory(tf, m);
      const back = await tf.loadLayersModel(tf.io.fromMemory(a));
      return [a.userDefinedMetadata, back.getUserDefinedMetadata(), m.getUserDefinedMetadata()];
    },
  },
  {
    name: 'setUserDefinedMetadata refuses what is not a plain JSON object',
    run: (tf) => {
      const m = twoLayer(tf, 'p9');
      const tries = [null, [1, 2], 'text', 5];
      return Promise.all(tries.map((v) => attempt(() => { m.setUserDefinedMetadata(v as never); return 'set'; })));
    },
  },
  {
    name: 'artifacts whose weightData is an array of ArrayBuffers (split anywhere, even inside a value) load as one buffer',
    run: async (tf) => {
      const m = twoLayer(tf, 'p10');
      const a = await saveToMemory(tf, m);
      const all = bytesOf(a);
      const parts = [all.slice(0, 6), all.slice(6, 6), all.slice(6, 30), all.slice(30)];
      const back = await tf.loadLayersModel(tf.io.fromMemory({ ...a, weightData: parts }));
      return [back.predict(x2(tf)), m.predict(x2(tf))];
    },
  },
  {
    name: 'loadLayersModel of artifacts with weights but no topology, or with neither, is refused',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'p11'));
      return [
        await attempt(() => tf.loadLayersModel(tf.io.fromMemory({ weightSpecs: a.weightSpecs, weightData: a.weightData }))),
        await attempt(() => tf.loadLayersModel({ load: async () => ({}) } as never)),
        await attempt(() => tf.loadLayersModel({ save: async () => ({}) } as never)),
      ];
    },
  },
  {
    name: 'loadLayersModel of a topology alone draws fresh weights from its seeded initializers',
    run: async (tf) => {
      const m = twoLayer(tf, 'p12');
      const back = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: m.toJSON(null, false) as object }));
      return [back.getWeights(), back.predict(x2(tf))];
    },
  },
  {
    name: 'weight bytes shorter than the specs declare are refused',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'p13'));
      const all = bytesOf(a);
      return [await attempt(() => tf.loadLayersModel(tf.io.fromMemory({ ...a, weightData: all.slice(0, all.byteLength - 4) }))), await attempt(() => tf.loadLayersModel(tf.io.fromMemory({ ...a, weightData: new ArrayBuffer(0) })))];
    },
  },
  {
    name: 'weight bytes longer than the specs declare',
    deviation: 'tessera refuses weight data with bytes past what its manifest declares (a malformed file is an error: DESIGN, Bad input); TF.js 4.22 ignores them',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'p13b'));
      const longer = new Uint8Array(bytesOf(a).byteLength + 8);
      longer.set(new Uint8Array(bytesOf(a)));
      return attempt(async () => (await tf.loadLayersModel(tf.io.fromMemory({ ...a, weightData: longer.buffer }))).predict(x2(tf)));
    },
  },
  {
    name: 'a spec whose shape differs from the layer\'s weight is refused, naming the shapes',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'p14'));
      const specs = (a.weightSpecs ?? []).map((s, i) => (i === 0 ? { ...s, shape: [3, 2] } : s));
      return attempt(() => tf.loadLayersModel(tf.io.fromMemory({ ...a, weightSpecs: specs })));
    },
  },
];

const encoding: Program[] = [
  {
    name: 'encodeWeights of float32, int32 and bool tensors: specs with shapes and dtypes, bytes of each in order',
    run: async (tf) => {
      const { data, specs } = await tf.io.encodeWeights({ f: tf.tensor2d([[1.5, -2.25], [3, 1e-8]]), i: tf.tensor1d([7, -8, 2147483647], 'int32'), b: tf.tensor([[true], [false], [true]]), s: tf.scalar(4.5) });
      return [specs, data.byteLength, Array.from(new Uint8Array(data))];
    },
  },
  {
    name: 'encodeWeights of string tensors: each value as a uint32 byte length then its UTF-8 bytes; decodeWeights reads them back',
    run: async (tf) => {
      const { data, specs } = await tf.io.encodeWeights({ words: tf.tensor1d(['a', 'héllo', ''], 'string'), grid: tf.tensor2d([['x', 'yz'], ['€', '日本']], [2, 2], 'string') });
      const back = tf.io.decodeWeights(data, specs);
      return [specs, Array.from(new Uint8Array(data)), back.words, back.grid];
    },
  },
  {
    name: 'encodeWeights and decodeWeights of a complex64 tensor: interleaved real and imaginary float32 values',
    run: async (tf) => {
      const c = tf.complex(tf.tensor1d([1, 2, 3]), tf.tensor1d([-1, 0.5, 4]));
      const { data, specs } = await tf.io.encodeWeights({ c });
      const back = tf.io.decodeWeights(data, specs);
      return [specs, Array.from(new Float32Array(data)), back.c.dtype, tf.real(back.c), tf.imag(back.c)];
    },
  },
  {
    name: 'encodeWeights of float32, string, int32, complex64 and bool tensors in one buffer; decodeWeights reads each at its offset, making one tensor each',
    run: async (tf) => {
      const { data, specs } = await tf.io.encodeWeights([
        { name: 'f', tensor: tf.tensor1d([0.5, -1]) }, { name: 's', tensor: tf.tensor([['ab'], ['']], [2, 1], 'string') }, { name: 'one', tensor: tf.scalar('z') },
        { name: 'none', tensor: tf.tensor([], [0], 'string') }, { name: 'i', tensor: tf.tensor1d([3], 'int32') },
        { name: 'c', tensor: tf.complex(tf.tensor2d([[1]]), tf.tensor2d([[2]])) }, { name: 'b', tensor: tf.tensor1d([false, true], 'bool') },
      ]);
      const before = tf.memory().numTensors;
      const back = tf.io.decodeWeights(data, specs);
      return [specs.map((s) => `${s.name} ${s.dtype} ${s.shape}`), data.byteLength, tf.memory().numTensors - before, back.f, back.s, back.one, back.none, back.i, tf.real(back.c), tf.imag(back.c), back.b];
    },
  },
  {
    name: 'encodeWeights with a group puts it on every spec; a list of named tensors keeps its order and allows repeats',
    run: async (tf) => {
      const a = tf.tensor1d([1, 2]);
      const listed = await tf.io.encodeWeights([{ name: 'z', tensor: a }, { name: 'a', tensor: tf.tensor1d([3], 'int32') }, { name: 'z', tensor: tf.tensor1d([9, 9]) }], 'model');
      const grouped = await tf.io.encodeWeights({ one: a }, 'optimizer');
      return [listed.specs, Array.from(new Float32Array(listed.data.slice(0, 8))), listed.data.byteLength, grouped.specs];
    },
  },
  {
    name: 'encodeWeights of no tensors gives an empty buffer and no specs; decodeWeights of it gives {}',
    run: async (tf) => {
      const { data, specs } = await tf.io.encodeWeights({});
      return [specs, data.byteLength, data instanceof ArrayBuffer, tf.io.decodeWeights(data, specs)];
    },
  },
  {
    name: 'decodeWeights of hand-written float32, int32 and bool bytes, with scalar and empty shapes',
    run: (tf) => {
      const buf = new ArrayBuffer(4 * 3 + 4 * 2 + 3 + 4);
      new Float32Array(buf, 0, 3).set([0.25, -8, 1e6]);
      new Int32Array(buf, 12, 2).set([-5, 40]);
      new Uint8Array(buf, 20, 3).set([1, 0, 1]);
      const view = new DataView(buf);
      view.setFloat32(23, 2.5, true);
      const out = tf.io.decodeWeights(buf, [
        { name: 'f', shape: [3], dtype: 'float32' }, { name: 'i', shape: [2, 1], dtype: 'int32' }, { name: 'b', shape: [3], dtype: 'bool' },
        { name: 'none', shape: [0, 4], dtype: 'float32' }, { name: 's', shape: [], dtype: 'float32' },
      ]);
      return [out.f, out.i, out.b, out.none, out.s];
    },
  },
  {
    name: 'decodeWeights with uint8 quantization: each code times scale plus min, for float32 and (rounded) int32 weights',
    run: (tf) => {
      const codes = new Uint8Array([0, 1, 2, 255, 128, 3, 10, 7]);
      const out = tf.io.decodeWeights(codes.buffer, [
        { name: 'w', shape: [2, 2], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
        { name: 'k', shape: [4], dtype: 'int32', quantization: { dtype: 'uint8', scale: 0.3, min: 1 } },
      ]);
      return [out.w, out.k];
    },
  },
  {
    name: 'decodeWeights with uint16 quantization reads two-byte little-endian codes',
    run: (tf) => {
      const codes = new Uint16Array([0, 1, 1000, 65535, 32768, 12]);
      const out = tf.io.decodeWeights(codes.buffer, [
        { name: 'w', shape: [3, 2], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.001, min: -2.5 } },
      ]);
      return out.w;
    },
  },
  {
    name: 'decodeWeights with float16 quantization: normal, subnormal, signed zero, infinities and NaN halves widen to float32',
    run: (tf) => {
      const halves = new Uint16Array([0x3c00, 0xc000, 0x3555, 0x7bff, 0x0001, 0x03ff, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0x0400, 0x4248]);
      const out = tf.io.decodeWeights(halves.buffer, [{ name: 'h', shape: [12], dtype: 'float32', quantization: { dtype: 'float16' } }]);
      const v = Array.from(out.h.dataSync());
      return [v.map((x) => (Object.is(x, -0) ? '-0' : x)), out.h.dtype, out.h.shape];
    },
  },
  {
    name: 'decodeWeights of quantized and plain weights in one buffer: offsets follow each weight\'s stored size',
    run: (tf) => {
      const buf = new ArrayBuffer(3 + 2 * 2 + 4 * 2 + 1);
      new Uint8Array(buf, 0, 3).set([10, 20, 30]);
      const dv = new DataView(buf);
      dv.setUint16(3, 0x3800, true);
      dv.setUint16(5, 0xb800, true);
      dv.setFloat32(7, 1.25, true);
      dv.setFloat32(11, -3, true);
      dv.setUint8(15, 200);
      const out = tf.io.decodeWeights(buf, [
        { name: 'q8', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.1, min: 0 } },
        { name: 'h', shape: [2], dtype: 'float32', quantization: { dtype: 'float16' } },
        { name: 'plain', shape: [2], dtype: 'float32' },
        { name: 'last', shape: [1], dtype: 'float32', quantization: { dtype: 'uint8', scale: 2, min: -100 } },
      ]);
      return [out.q8, out.h, out.plain, out.last];
    },
  },
  {
    name: 'decodeWeights refuses a uint8 quantization without scale and min, float16 for int32 weights, and an unknown quantization dtype',
    run: async (tf) => {
      const buf = new ArrayBuffer(8);
      return [
        await attempt(() => tf.io.decodeWeights(buf, [{ name: 'a', shape: [2], dtype: 'float32', quantization: { dtype: 'uint8' } as never }])),
        await attempt(() => tf.io.decodeWeights(buf, [{ name: 'b', shape: [2], dtype: 'int32', quantization: { dtype: 'float16' } }])),
        await attempt(() => tf.io.decodeWeights(buf, [{ name: 'c', shape: [2], dtype: 'float32', quantization: { dtype: 'int8', scale: 1, min: 0 } as never }])),
      ];
    },
  },
  {
    name: 'decodeWeights of an array of ArrayBuffers reads across their boundaries',
    run: (tf) => {
      const all = new Float32Array([1, 2, 3, 4, 5]).buffer;
      const out = tf.io.decodeWeights([all.slice(0, 3), all.slice(3, 11), all.slice(11)], [{ name: 'a', shape: [2], dtype: 'float32' }, { name: 'b', shape: [3], dtype: 'float32' }]);
      return [out.a, out.b];
    },
  },
  {
    name: 'decodeWeights of two shards where the last is longer than the first',
    deviation: 'TF.js 4.22\'s CompositeArrayBuffer takes the first shard\'s size for every shard when only the last differs, so it reads zeros past the second shard\'s first bytes (slice(6, 8) of shards of 3 and 5 bytes); tessera reads the bytes there',
    run: (tf) => {
      const codes = new Uint16Array([0, 100, 65535, 500]).buffer;
      const q = { dtype: 'uint16' as const, scale: 0.01, min: 0 };
      const specs = [{ name: 'a', shape: [3], dtype: 'float32' as const, quantization: q }, { name: 'b', shape: [1], dtype: 'float32' as const, quantization: q }];
      return [tf.io.decodeWeights([codes.slice(0, 3), codes.slice(3)], specs).b, tf.io.decodeWeights(codes, specs).b];
    },
  },
  {
    name: 'decodeWeights gives the names of the specs as keys, in their order; encode then decode keeps every value',
    run: async (tf) => {
      const ts = { zeta: tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]), alpha: tf.tensor1d([0, -0, Infinity, -Infinity], 'float32'), mid: tf.tensor2d([[1, 0]], [1, 2], 'bool') };
      const { data, specs } = await tf.io.encodeWeights(ts);
      const back = tf.io.decodeWeights(data, specs);
      return [Object.keys(back), back.zeta, back.alpha, back.mid];
    },
  },
  {
    name: 'concatenateArrayBuffers joins in order, takes a single buffer, and an empty list gives an empty buffer',
    run: (tf) => {
      const a = new Uint8Array([1, 2, 3]).buffer;
      const b = new Uint8Array([]).buffer;
      const c = new Uint8Array([250, 9]).buffer;
      const joined = tf.io.concatenateArrayBuffers([a, b, c]);
      const empty = tf.io.concatenateArrayBuffers([]);
      return [Array.from(new Uint8Array(joined)), joined instanceof ArrayBuffer, empty.byteLength, Array.from(new Uint8Array(tf.io.concatenateArrayBuffers([c]))), joined === a];
    },
  },
  {
    name: 'getWeightSpecs flattens a manifest\'s groups in order, keeping group and quantization fields',
    run: (tf) => {
      const manifest = [
        { paths: ['g1-shard1of2', 'g1-shard2of2'], weights: [{ name: 'a', shape: [2], dtype: 'float32' as const }, { name: 'b', shape: [1, 3], dtype: 'int32' as const, group: 'model' as const }] },
        { paths: ['g2'], weights: [] },
        { paths: ['g3'], weights: [{ name: 'q', shape: [4], dtype: 'float32' as const, quantization: { dtype: 'uint8' as const, scale: 0.5, min: 0 } }] },
      ];
      return [tf.io.getWeightSpecs(manifest), tf.io.getWeightSpecs([])];
    },
  },
  {
    name: 'getModelArtifactsInfoForJSON counts the topology\'s UTF-8 bytes, the specs\' JSON bytes and the weight bytes',
    run: (tf) => {
      const topology = { name: 'naïve €', layers: [1, 2, 3] };
      const specs = [{ name: 'w', shape: [2], dtype: 'float32' as const }];
      const info = tf.io.getModelArtifactsInfoForJSON({ modelTopology: topology, weightSpecs: specs, weightData: new ArrayBuffer(8) });
      const bare = tf.io.getModelArtifactsInfoForJSON({ modelTopology: topology });
      const split = tf.io.getModelArtifactsInfoForJSON({ modelTopology: {}, weightSpecs: [], weightData: [new ArrayBuffer(3), new ArrayBuffer(5)] });
      return [info.modelTopologyType, info.modelTopologyBytes, info.weightSpecsBytes, info.weightDataBytes, info.dateSaved instanceof Date, bare.weightSpecsBytes, bare.weightDataBytes, split.weightDataBytes, split.modelTopologyBytes];
    },
  },
  {
    name: 'getModelArtifactsInfoForJSON refuses a binary (ArrayBuffer) topology',
    run: async (tf) => attempt(() => tf.io.getModelArtifactsInfoForJSON({ modelTopology: new ArrayBuffer(4) })),
  },
];


const http: Program[] = [
  {
    name: 'tf.io.http load: model.json first, then each weight path relative to its folder, with the same requestInit',
    run: async (tf) => {
      const m = twoLayer(tf, 'h1');
      const a = await saveToMemory(tf, m);
      const { fetch, calls } = server({ 'https://models.test/v1/m/model.json': modelFiles(a, ['w.bin']), 'https://models.test/v1/m/w.bin': bytesOf(a) });
      const back = await tf.loadLayersModel(tf.io.http('https://models.test/v1/m/model.json', { fetchFunc: fetch, requestInit: { headers: { 'x-key': 'k29' }, credentials: 'include' } }));
      return [calls, back.predict(x2(tf)), m.predict(x2(tf))];
    },
  },
  {
    name: 'tf.io.http load: a query string on model.json\'s URL is appended to every weight URL',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h2'));
      const { fetch, calls } = server({ 'http://h/m/model.json?tfjs-format=file&v=2': modelFiles(a, ['w.bin']), 'http://h/m/w.bin?tfjs-format=file&v=2': bytesOf(a) });
      const back = await tf.loadLayersModel(tf.io.http('http://h/m/model.json?tfjs-format=file&v=2', { fetchFunc: fetch }));
      return [calls.map((c) => c.url), back.getWeights()[3]];
    },
  },
  {
    name: 'tf.io.http load: weightPathPrefix replaces the folder of model.json for the weight files',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h3'));
      const { fetch, calls } = server({ 'http://h/json/model.json': modelFiles(a, ['w.bin']), 'http://cdn.test/weights/w.bin': bytesOf(a) });
      const back = await tf.loadLayersModel(tf.io.http('http://h/json/model.json', { fetchFunc: fetch, weightPathPrefix: 'http://cdn.test/weights/' }));
      return [calls.map((c) => c.url), back.predict(x2(tf))];
    },
  },
  {
    name: 'tf.io.http load: weightUrlConverter maps each manifest path to the URL fetched',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h4'));
      const all = bytesOf(a);
      const { fetch, calls } = server({ 'http://h/model.json': modelFiles(a, ['s1', 's2']), 'https://signed.test/s1?sig=1': all.slice(0, 20), 'https://signed.test/s2?sig=1': all.slice(20) });
      const asked: string[] = [];
      const back = await tf.loadLayersModel(tf.io.http('http://h/model.json', { fetchFunc: fetch, weightUrlConverter: async (name: string) => { asked.push(name); return `https://signed.test/${name}?sig=1`; } }));
      return [asked, calls.map((c) => c.url), back.getWeights()[0]];
    },
  },
  {
    name: 'tf.io.http load: weights in two groups and shards, concatenated in manifest order',
    run: async (tf) => {
      const m = twoLayer(tf, 'h5');
      const a = await saveToMemory(tf, m);
      const specs = a.weightSpecs ?? [];
      const all = bytesOf(a);
      const firstBytes = 4 * (6 + 3);
      const json = JSON.stringify({ modelTopology: a.modelTopology, weightsManifest: [
        { paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: specs.slice(0, 2) },
        { paths: ['group2-shard1of1.bin'], weights: specs.slice(2) },
      ] });
      const { fetch, calls } = server({ 'http://h/d/model.json': json, 'http://h/d/group1-shard1of2.bin': all.slice(0, 10), 'http://h/d/group1-shard2of2.bin': all.slice(10, firstBytes), 'http://h/d/group2-shard1of1.bin': all.slice(firstBytes) });
      const back = await tf.loadLayersModel(tf.io.http('http://h/d/model.json', { fetchFunc: fetch }));
      return [calls.map((c) => c.url).sort(), back.predict(x2(tf)), m.predict(x2(tf))];
    },
  },
  {
    name: 'tf.io.http load: onProgress is called with fractions that rise to 1 as the weight files arrive',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h6'));
      const all = bytesOf(a);
      const { fetch } = server({ 'http://h/model.json': modelFiles(a, ['a', 'b']), 'http://h/a': all.slice(0, 24), 'http://h/b': all.slice(24) });
      const seen: number[] = [];
      await tf.loadLayersModel(tf.io.http('http://h/model.json', { fetchFunc: fetch, onProgress: (f: number) => { seen.push(f); } }));
      const rising = seen.every((f, i) => i === 0 || f >= seen[i - 1]);
      return [seen.length > 0, rising, seen[seen.length - 1], seen.every((f) => f >= 0 && f <= 1)];
    },
  },
  {
    name: 'tf.io.http load: the fetchFunc gets model.json\'s URL and requestInit, and each weight file\'s with a third argument {isBinary: true}',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h6b'));
      const { fetch } = server({ 'http://h/b/model.json': modelFiles(a, ['w.bin']), 'http://h/b/w.bin': bytesOf(a) });
      const seen: unknown[] = [];
      const recording = (...args: unknown[]) => { seen.push([args.length, args[0], args[1], args[2]]); return fetch(args[0] as string, args[1] as RequestInit); };
      await tf.loadLayersModel(tf.io.http('http://h/b/model.json', { fetchFunc: recording as never, requestInit: { cache: 'no-cache' } }));
      return seen;
    },
  },
  {
    name: 'load options TF.js shares with loadGraphModel (fromTFHub, streamWeights: false) are taken by tf.io.http and loadLayersModel',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h6c'));
      const { fetch } = server({ 'http://h/c/model.json': modelFiles(a, ['w.bin']), 'http://h/c/w.bin': bytesOf(a) });
      const options = { fetchFunc: fetch, fromTFHub: false, streamWeights: false } as never;
      const viaHandler = await tf.loadLayersModel(tf.io.http('http://h/c/model.json', options));
      const viaUrl = await tf.loadLayersModel('http://h/c/model.json', options);
      return [viaHandler.predict(x2(tf)), viaUrl.getWeights()[0]];
    },
  },
  {
    name: 'tf.io.http load: a model.json that answers 404, is not JSON, or holds neither topology nor manifest is refused',
    run: async (tf) => {
      const { fetch } = server({ 'http://h/bad.json': '{"modelTopology": ', 'http://h/empty.json': '{"format": "layers-model"}' });
      return [
        await attempt(() => tf.loadLayersModel(tf.io.http('http://h/missing.json', { fetchFunc: fetch })), '404'),
        await attempt(() => tf.loadLayersModel(tf.io.http('http://h/bad.json', { fetchFunc: fetch }))),
        await attempt(() => tf.loadLayersModel(tf.io.http('http://h/empty.json', { fetchFunc: fetch }))),
      ];
    },
  },
  {
    name: 'tf.io.http load: a weight file that answers 404 or a fetch that rejects fails the load',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h8'));
      const { fetch } = server({ 'http://h/model.json': modelFiles(a, ['gone.bin']) });
      const rejecting: Fetch = async (url) => { if (url.endsWith('.json')) return new Response(modelFiles(a, ['w.bin'])); throw new Error('network down 29'); };
      return [
        await attempt(() => tf.loadLayersModel(tf.io.http('http://h/model.json', { fetchFunc: fetch }))),
        await attempt(() => tf.loadLayersModel(tf.io.http('http://h/model.json', { fetchFunc: rejecting })), 'network down 29'),
      ];
    },
  },
  {
    name: 'tf.io.http refuses an empty path, a requestInit with a body, and a fetchFunc that is not a function',
    run: async (tf) => {
      const { fetch } = server({});
      return [
        await attempt(() => tf.io.http('', { fetchFunc: fetch })),
        await attempt(() => tf.io.http('http://h/model.json', { fetchFunc: fetch, requestInit: { body: 'x' } })),
        await attempt(() => tf.io.http('http://h/model.json', { fetchFunc: 'fetch' as never })),
      ];
    },
  },
  {
    name: 'tf.io.http load of a model.json with a manifest but no topology: loadLayersModel refuses it',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h10'));
      const { fetch } = server({ 'http://h/model.json': JSON.stringify({ weightsManifest: [{ paths: ['w.bin'], weights: a.weightSpecs }] }), 'http://h/w.bin': bytesOf(a) });
      return attempt(() => tf.loadLayersModel(tf.io.http('http://h/model.json', { fetchFunc: fetch })));
    },
  },
  {
    name: 'tf.io.http load of a model.json with a topology and no manifest: the handler\'s artifacts have no weights',
    run: async (tf) => {
      const m = twoLayer(tf, 'h11');
      const { fetch, calls } = server({ 'http://h/model.json': JSON.stringify({ modelTopology: m.toJSON(null, false), format: 'layers-model', generatedBy: 'me', convertedBy: null }) });
      const art = await (tf.io.http('http://h/model.json', { fetchFunc: fetch }).load as () => Promise<io.ModelArtifacts>)();
      return [calls.length, art.weightSpecs, art.weightData, art.format, art.generatedBy, art.convertedBy, (art.modelTopology as { class_name: string }).class_name];
    },
  },
  {
    name: 'tf.io.http load() gives the artifacts: trainingConfig, userDefinedMetadata and the format fields of model.json',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h12'));
      const json = JSON.stringify({ modelTopology: a.modelTopology, format: 'layers-model', generatedBy: 'gen', convertedBy: 'conv', trainingConfig: { loss: 'mse', optimizer_config: { class_name: 'SGD', config: { learning_rate: 0.5 } } }, userDefinedMetadata: { tag: 29 }, weightsManifest: [{ paths: ['w.bin'], weights: a.weightSpecs }] });
      const { fetch } = server({ 'http://h/model.json': json, 'http://h/w.bin': bytesOf(a) });
      const art = await (tf.io.http('http://h/model.json', { fetchFunc: fetch }).load as () => Promise<io.ModelArtifacts>)();
      const back = await tf.loadLayersModel(tf.io.fromMemory(art));
      return [art.trainingConfig, art.userDefinedMetadata, art.format, art.generatedBy, art.convertedBy, (art.weightData as ArrayBuffer).byteLength, art.weightSpecs, back.optimizer?.getClassName() ?? 'none', back.getUserDefinedMetadata()];
    },
  },
  {
    name: 'tf.io.http save: one POST of form data holding model.json and model.weights.bin; SaveResult carries the response',
    run: async (tf) => {
      const m = twoLayer(tf, 'h13');
      const got: { url: string; method: string; keys: string[]; json: Record<string, unknown>; bytes: number; type: string }[] = [];
      const fetch = async (url: string, init: RequestInit) => {
        const form = init.body as FormData;
        const file = form.get('model.json') as File;
        got.push({ url, method: init.method ?? '', keys: ['model.json', 'model.weights.bin', 'other'].filter((k) => form.has(k)), json: JSON.parse(await file.text()), bytes: ((await (form.get('model.weights.bin') as Blob).arrayBuffer()).byteLength), type: file.name });
        return new Response('saved', { status: 200 });
      };
      const result = await m.save(tf.io.http('http://h/upload', { fetchFunc: fetch as never }));
      const json = got[0].json;
      return [got.length, got[0].url, got[0].method, got[0].keys, got[0].bytes, got[0].type, Object.keys(json).sort(), json.weightsManifest, json.format, result.responses?.length, (result.responses?.[0] as Response).status, result.modelArtifactsInfo.weightDataBytes, result.modelArtifactsInfo.modelTopologyType];
    },
  },
  {
    name: 'tf.io.http save with requestInit: its method and headers are used; an error status rejects the save',
    run: async (tf) => {
      const m = twoLayer(tf, 'h14');
      const seen: string[] = [];
      const ok = async (url: string, init: RequestInit) => { seen.push(`${init.method} ${JSON.stringify(init.headers)} ${url}`); return new Response('', { status: 201 }); };
      const bad = async () => new Response('no', { status: 503 });
      await m.save(tf.io.http('http://h/put', { fetchFunc: ok as never, requestInit: { method: 'PUT', headers: { auth: 'tok' } } }));
      return [seen, await attempt(() => m.save(tf.io.http('http://h/put', { fetchFunc: bad as never })), '503')];
    },
  },
  {
    name: 'a model saved over tf.io.http with includeOptimizer loads back over tf.io.http, compiled, with its optimizer state',
    run: async (tf) => {
      const m = twoLayer(tf, 'h15');
      m.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
      const y = tf.tensor2d([[1, 0], [0, 1], [0.5, 0.5]]);
      await m.fit(x2(tf), y, { epochs: 2, batchSize: 3, shuffle: false });
      const files: Record<string, string | ArrayBuffer> = {};
      const post = async (_url: string, init: RequestInit) => {
        const form = init.body as FormData;
        files['http://h/s/model.json'] = await (form.get('model.json') as Blob).text();
        files['http://h/s/model.weights.bin'] = await (form.get('model.weights.bin') as Blob).arrayBuffer();
        return new Response('', { status: 200 });
      };
      await m.save(tf.io.http('http://h/s/upload', { fetchFunc: post as never }), { includeOptimizer: true });
      const { fetch, calls } = server(files);
      const back = await tf.loadLayersModel(tf.io.http('http://h/s/model.json', { fetchFunc: fetch }));
      const h1 = await m.fit(x2(tf), y, { epochs: 1, batchSize: 3, shuffle: false });
      const h2 = await back.fit(x2(tf), y, { epochs: 1, batchSize: 3, shuffle: false });
      return [calls.map((c) => c.url), back.optimizer.getClassName(), h1.history.loss, h2.history.loss, back.predict(x2(tf))];
    },
  },
  {
    name: 'loadLayersModel of an http URL string with a fetchFunc in the options routes to the http handler',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h16'));
      const { fetch, calls } = server({ 'https://h/x/model.json': modelFiles(a, ['../w/weights.bin']), 'https://h/x/../w/weights.bin': bytesOf(a) });
      const back = await tf.loadLayersModel('https://h/x/model.json', { fetchFunc: fetch, requestInit: { headers: { a: 'b' } } });
      return [calls.map((c) => `${c.url} ${JSON.stringify(c.headers)}`), back.getWeights()[2]];
    },
  },
  {
    name: 'tf.io.browserHTTPRequest is tf.io.http by another name; tf.io.isHTTPScheme knows http and https only',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'h17'));
      const { fetch } = server({ 'http://h/model.json': modelFiles(a), 'http://h/weights.bin': bytesOf(a) });
      const back = await tf.loadLayersModel(tf.io.browserHTTPRequest('http://h/model.json', { fetchFunc: fetch }));
      return [back.getWeights().length, ['http://a', 'https://a/b', 'HTTP://a', 'ftp://a', 'localstorage://m', 'file://x', 'httpx://a', '/rel/model.json'].map((u) => tf.io.isHTTPScheme(u))];
    },
  },
  {
    name: 'tf.io.http load of a model.json where modelTopology is in Keras\'s own layout (model_config wrapping)',
    run: async (tf) => {
      const m = twoLayer(tf, 'h18');
      const a = await saveToMemory(tf, m);
      const json = JSON.stringify({ modelTopology: { keras_version: '2.15.0', backend: 'tensorflow', model_config: a.modelTopology }, weightsManifest: [{ paths: ['w.bin'], weights: a.weightSpecs }] });
      const { fetch } = server({ 'http://h/model.json': json, 'http://h/w.bin': bytesOf(a) });
      const back = await tf.loadLayersModel(tf.io.http('http://h/model.json', { fetchFunc: fetch }));
      return [back.predict(x2(tf)), m.predict(x2(tf))];
    },
  },
];

const routers: Program[] = [
  {
    name: 'registerSaveRouter and registerLoadRouter for a scheme of the program\'s own, passing load options to the router',
    run: async (tf) => {
      const store = new Map<string, io.ModelArtifacts>();
      const optsSeen: unknown[] = [];
      tf.io.registerSaveRouter((url: string | string[]) => (typeof url === 'string' && url.startsWith('box29://') ? tf.io.withSaveHandler(async (a) => { store.set(url, a); return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) }; }) : null) as never);
      tf.io.registerLoadRouter(((url: string | string[], opts?: unknown) => {
        if (typeof url !== 'string' || !url.startsWith('box29://')) return null;
        optsSeen.push(opts);
        return { load: async () => { const a = store.get(url); if (!a) throw new Error(`nothing at ${url}`); return a; } };
      }) as never);
      const m = twoLayer(tf, 'r1');
      const result = await m.save('box29://first');
      const back = await tf.loadLayersModel('box29://first', { requestInit: { cache: 'no-store' } } as never);
      return [result.modelArtifactsInfo.weightDataBytes, result.modelArtifactsInfo.modelTopologyType, [...store.keys()], back.predict(x2(tf)), optsSeen.length, await attempt(() => tf.loadLayersModel('box29://second'), 'nothing at box29://second')];
    },
  },
  {
    // loadLayersModel of such a URL fetches it, as TF.js does (a page's fetch then logs an error of its own).
    name: 'a URL that no router takes is refused by model.save; getSaveHandlers and getLoadHandlers give []',
    run: async (tf) => {
      const m = twoLayer(tf, 'r2');
      return [await attempt(() => m.save('nowhere29://m')), tf.io.getSaveHandlers('nowhere29://m').length, tf.io.getLoadHandlers('nowhere29://m').length, await attempt(() => m.save(''))];
    },
  },
  {
    name: 'two routers taking the same URL: model.save and loadLayersModel refuse to choose',
    run: async (tf) => {
      const saver = () => tf.io.withSaveHandler(async () => ({ modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' as const } }));
      const takes = (url: string | string[]) => typeof url === 'string' && url.startsWith('twice29://');
      // Two libraries' routers (say a plugin's and the app's) for one scheme.
      tf.io.registerSaveRouter(((url: string) => (takes(url) ? saver() : null)) as never);
      tf.io.registerSaveRouter(((url: string) => (takes(url) ? saver() : null)) as never);
      tf.io.registerLoadRouter(((url: string) => (takes(url) ? tf.io.fromMemory({ modelTopology: {} }) : null)) as never);
      tf.io.registerLoadRouter(((url: string) => (takes(url) ? tf.io.fromMemory({ modelTopology: {} }) : null)) as never);
      const m = twoLayer(tf, 'r3');
      return [tf.io.getSaveHandlers('twice29://x').length, tf.io.getLoadHandlers('twice29://x').length, await attempt(() => m.save('twice29://x')), await attempt(() => tf.loadLayersModel('twice29://x'))];
    },
  },
  {
    name: 'a load router that returns a handler built from the URL: two models under two URLs of one scheme',
    run: async (tf) => {
      const saved: Record<string, io.ModelArtifacts> = {};
      tf.io.registerSaveRouter(((url: string) => (String(url).startsWith('two29://') ? tf.io.withSaveHandler(async (a) => { saved[url] = a; return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' as const } }; }) : null)) as never);
      tf.io.registerLoadRouter(((url: string) => (String(url).startsWith('two29://') && saved[url] ? tf.io.fromMemory(saved[url]) : null)) as never);
      const m1 = twoLayer(tf, 'r4a');
      const m2 = tf.sequential({ layers: [dense(tf, 'r4b', 1, [2])] });
      await m1.save('two29://one');
      await m2.save('two29://two');
      const [b1, b2] = [await tf.loadLayersModel('two29://one'), await tf.loadLayersModel('two29://two')];
      return [b1.predict(x2(tf)), b2.predict(x2(tf)), b1.layers.length, b2.layers.length, tf.io.getLoadHandlers('two29://three').length];
    },
  },
  {
    name: 'getLoadHandlers and getSaveHandlers for http URLs give the http handler in both directions',
    run: (tf) => [tf.io.getLoadHandlers('http://h/model.json', { fetchFunc: async () => new Response('') } as never).length, tf.io.getSaveHandlers('https://h/upload').length, tf.io.getLoadHandlers('https://h/model.json').length],
  },
];

interface Saved { modelTopology: object; weightSpecs?: io.WeightsManifestEntry[]; trainingConfig?: object; weights: string }

const artifactsFrom = (s: Saved): io.ModelArtifacts => ({ modelTopology: s.modelTopology, weightSpecs: s.weightSpecs, weightData: fromBase64(s.weights), ...(s.trainingConfig ? { trainingConfig: s.trainingConfig as io.TrainingConfig } : {}) });

const models: Program[] = [
  {
    name: 'a functional model (dense, batchNormalization, concatenate) written by TF.js 4.22 loads compiled, predicts and trains on from its saved Adam state',
    run: async (tf) => {
      const back = await tf.loadLayersModel(tf.io.fromMemory(artifactsFrom(TFJS_FUNCTIONAL)));
      const x = tf.tensor2d([[1, 2, 3, 4], [-1, 0.5, 2, -3], [0, 0, 1, 1]]);
      const y = tf.tensor2d([[1, 0], [0, 1], [1, 0]]);
      const before = back.predict(x);
      const h = await back.fit(x, y, { epochs: 2, batchSize: 3, shuffle: false });
      return [before, h.history.loss, h.history.acc, back.optimizer.getClassName(), back.layers.map((l) => `${l.name}:${l.getClassName()}`), back.getWeights().map((w) => w.shape)];
    },
  },
  {
    name: 'a Sequential conv1d -> lstm -> dense written by TF.js 4.22 loads and predicts; saved again, it holds the same weights',
    run: async (tf) => {
      const back = await tf.loadLayersModel(tf.io.fromMemory(artifactsFrom(TFJS_SEQUENTIAL)));
      const x = tf.tensor3d(Array.from({ length: 20 }, (_, i) => Math.sin(i)), [2, 5, 2]);
      const again = await saveToMemory(tf, back);
      return [back.predict(x), again.weightSpecs, Array.from(new Float32Array(bytesOf(again))), Array.from(new Float32Array(fromBase64(TFJS_SEQUENTIAL.weights)))];
    },
  },
  {
    name: 'a compiled Sequential (conv2d, maxPooling2d, flatten, dropout, dense) written by tessera with includeOptimizer loads compiled, predicts and evaluates',
    run: async (tf) => {
      const back = await tf.loadLayersModel(tf.io.fromMemory(artifactsFrom(TESSERA_SEQUENTIAL)));
      const x = tf.tensor4d(Array.from({ length: 32 }, (_, i) => Math.cos(i * 0.7)), [2, 4, 4, 1]);
      const y = tf.tensor2d([[1, 0, 0], [0, 0, 1]]);
      // Evaluated, not fit: its dropout draws from each library's own random stream in training.
      return [back.predict(x), back.evaluate(x, y), back.optimizer.getClassName(), back.metricsNames, back.layers[3].getConfig().rate, back.getWeights().map((w) => w.shape), back.layers.map((l) => l.getClassName())];
    },
  },
  {
    name: 'the TF.js-written functional model\'s topology alone (models.modelFromJSON) with its weights set by name gives the same predictions',
    run: async (tf) => {
      const full = await tf.loadLayersModel(tf.io.fromMemory(artifactsFrom(TFJS_FUNCTIONAL)));
      const bare = await tf.models.modelFromJSON({ modelTopology: TFJS_FUNCTIONAL.modelTopology } as never);
      const named = tf.io.decodeWeights(fromBase64(TFJS_FUNCTIONAL.weights), TFJS_FUNCTIONAL.weightSpecs ?? []);
      bare.setWeights(bare.weights.map((w) => named[w.originalName]));
      const x = tf.tensor2d([[0.1, 0.2, 0.3, 0.4]]);
      return [bare.predict(x), full.predict(x), Object.keys(named).filter((n) => n.includes('/m') || n.includes('iter')).length > 0];
    },
  },
  {
    name: 'includeOptimizer for each optimizer: trainingConfig, optimizer weight specs (group optimizer), and the next step after loading',
    run: async (tf) => {
      const makers: [string, () => object][] = [
        ['sgd', () => tf.train.sgd(0.1)], ['momentum', () => tf.train.momentum(0.1, 0.9, true)], ['rmsprop', () => tf.train.rmsprop(0.01, 0.9, 0.5, 1e-7, true)],
        ['adagrad', () => tf.train.adagrad(0.1, 0.2)], ['adadelta', () => tf.train.adadelta(1, 0.9)],
      ];
      const y = tf.tensor2d([[1, 0], [0, 1], [0.5, 0.5]]);
      const out: unknown[] = [];
      for (const [tag, make] of makers) {
        const m = tf.sequential({ layers: [dense(tf, `o_${tag}`, 2, [2])] });
        m.compile({ optimizer: make() as never, loss: 'meanSquaredError' });
        await m.fit(x2(tf), y, { epochs: 2, batchSize: 3, shuffle: false });
        const a = await saveToMemory(tf, m, { includeOptimizer: true });
        const back = await tf.loadLayersModel(tf.io.fromMemory(a));
        const [h1, h2] = [await m.fit(x2(tf), y, { epochs: 1, batchSize: 3, shuffle: false }), await back.fit(x2(tf), y, { epochs: 1, batchSize: 3, shuffle: false })];
        out.push(tag, (a.trainingConfig as { optimizer_config: unknown }).optimizer_config, (a.weightSpecs ?? []).map((s) => `${s.name} ${s.group ?? ''}`), h1.history.loss, h2.history.loss);
      }
      return out;
    },
  },
  {
    name: 'includeOptimizer with adamax: its moments are saved and the loaded model steps on from them',
    deviation: 'TF.js 4.22\'s Adamax has no getWeights ("getWeights() is not implemented for Adamax yet."), so model.save with includeOptimizer throws; tessera saves its state as for the other optimizers',
    run: async (tf) => {
      const m = tf.sequential({ layers: [dense(tf, 'o_adamax', 2, [2])] });
      m.compile({ optimizer: tf.train.adamax(0.02), loss: 'meanSquaredError' });
      const y = tf.tensor2d([[1, 0], [0, 1], [0.5, 0.5]]);
      await m.fit(x2(tf), y, { epochs: 2, batchSize: 3, shuffle: false });
      const a = await saveToMemory(tf, m, { includeOptimizer: true });
      const back = await tf.loadLayersModel(tf.io.fromMemory(a));
      const [h1, h2] = [await m.fit(x2(tf), y, { epochs: 1, batchSize: 3, shuffle: false }), await back.fit(x2(tf), y, { epochs: 1, batchSize: 3, shuffle: false })];
      return [(a.weightSpecs ?? []).map((s) => s.name), h1.history.loss, h2.history.loss];
    },
  },
  {
    name: 'includeOptimizer on an uncompiled model saves no trainingConfig and no optimizer weights; without it a compiled model saves neither',
    run: async (tf) => {
      const m = twoLayer(tf, 'o2');
      const plain = await saveToMemory(tf, m, { includeOptimizer: true });
      m.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
      const compiled = await saveToMemory(tf, m);
      return [plain.trainingConfig, (plain.weightSpecs ?? []).length, compiled.trainingConfig, (compiled.weightSpecs ?? []).length];
    },
  },
  {
    name: 'includeOptimizer before any training: Adam\'s state is saved at iteration 0 and the loaded model trains as the original',
    run: async (tf) => {
      const m = twoLayer(tf, 'o3');
      m.compile({ optimizer: tf.train.adam(0.1), loss: 'meanSquaredError', metrics: ['mae'] });
      const a = await saveToMemory(tf, m, { includeOptimizer: true });
      const back = await tf.loadLayersModel(tf.io.fromMemory(a));
      const y = tf.tensor2d([[1, 0], [0, 1], [0.5, 0.5]]);
      const [h1, h2] = [await m.fit(x2(tf), y, { epochs: 2, batchSize: 3, shuffle: false }), await back.fit(x2(tf), y, { epochs: 2, batchSize: 3, shuffle: false })];
      return [(a.weightSpecs ?? []).map((s) => s.name), a.trainingConfig, h1.history, h2.history];
    },
  },
  {
    name: 'save with trainableOnly: only trainable weights are written (batchNormalization\'s moving statistics and frozen layers are left out)',
    run: async (tf) => {
      const frozen = dense(tf, 't1_frozen', 3, [2]);
      frozen.trainable = false;
      const m = tf.sequential({ layers: [frozen, tf.layers.batchNormalization({ name: 't1_bn' }), dense(tf, 't1_out', 1)] });
      const all = await saveToMemory(tf, m);
      const some = await saveToMemory(tf, m, { trainableOnly: true });
      return [(all.weightSpecs ?? []).map((s) => s.name), (some.weightSpecs ?? []).map((s) => s.name), bytesOf(some).byteLength, await attempt(() => tf.loadLayersModel(tf.io.fromMemory(some)))];
    },
  },
  {
    name: 'a frozen layer saves trainable: false in its config and loads frozen; trainableWeights of the loaded model agree',
    run: async (tf) => {
      const m = twoLayer(tf, 't2');
      m.layers[0].trainable = false;
      const a = await saveToMemory(tf, m);
      const back = await tf.loadLayersModel(tf.io.fromMemory(a));
      return [back.layers.map((l) => l.trainable), back.trainableWeights.map((w) => w.name.replace(/_\d+\//, '/')), back.nonTrainableWeights.length];
    },
  },
  {
    name: 'models.modelFromJSON with customObjects: a layer class not registered is found under its className',
    run: async (tf) => {
      class Shift29 extends tf.layers.Layer {
        static className = 'Shift29';
        readonly by: number;
        constructor(config: LayerArgs & { by?: number }) { super(config); this.by = config.by ?? 1; }
        override call(x: Tensor | Tensor[]): Tensor { return tf.add(Array.isArray(x) ? x[0] : x, this.by); }
        override getConfig() { return { ...super.getConfig(), by: this.by }; }
      }
      const m = tf.sequential({ layers: [dense(tf, 'c1_d', 2, [2]), new Shift29({ by: 3, name: 'c1_shift' })] });
      const json = m.toJSON(null, false) as object;
      const without = await attempt(() => tf.models.modelFromJSON(json));
      const back = await tf.models.modelFromJSON(json, { Shift29 } as never);
      back.setWeights(m.getWeights());
      return [without, back.predict(x2(tf)), m.predict(x2(tf)), (back.layers[1] as unknown as { by: number }).by];
    },
  },
  {
    name: 'models.modelFromJSON of {modelTopology, weightsManifest, pathPrefix} fetches the weights with the global fetch and sets them',
    run: async (tf) => {
      const m = twoLayer(tf, 'c1b');
      const a = await saveToMemory(tf, m);
      const { fetch, calls } = server({ 'http://h/mfj/w1.bin': bytesOf(a).slice(0, 36), 'http://h/mfj/w2.bin': bytesOf(a).slice(36) });
      const kept = globalThis.fetch;
      globalThis.fetch = fetch as typeof globalThis.fetch;
      try {
        const back = await tf.models.modelFromJSON({ modelTopology: a.modelTopology, weightsManifest: [{ paths: ['w1.bin', 'w2.bin'], weights: a.weightSpecs }], pathPrefix: 'http://h/mfj' } as never);
        const missing = await attempt(() => tf.models.modelFromJSON({ modelTopology: a.modelTopology, weightsManifest: [{ paths: ['w1.bin'], weights: (a.weightSpecs ?? []).slice(0, 2) }], pathPrefix: 'http://h/mfj/' } as never));
        return [calls.map((c) => c.url), back.predict(x2(tf)), m.predict(x2(tf)), missing];
      } finally {
        globalThis.fetch = kept;
      }
    },
  },
  {
    name: 'a registered layer with a weight of its own saves, and loadLayersModel restores it by its className',
    run: async (tf) => {
      class Gain29 extends tf.layers.Layer {
        static className = 'Gain29';
        g: LayerVariable | null = null;
        constructor(config: LayerArgs = {}) { super(config); }
        override build(s: Shape | Shape[]): void { this.g = this.addWeight('gain', [(s as Shape)[1] as number], 'float32', tf.initializers.constant({ value: 2 })); this.built = true; }
        override call(x: Tensor | Tensor[]): Tensor { return tf.mul(Array.isArray(x) ? x[0] : x, (this.g as LayerVariable).read()); }
      }
      tf.serialization.registerClass(Gain29);
      const m = tf.sequential({ layers: [new Gain29({ inputShape: [2], name: 'c2_gain' }), dense(tf, 'c2_d', 1)] });
      m.layers[0].setWeights([tf.tensor1d([0.5, -3])]);
      const a = await saveToMemory(tf, m);
      const back = await tf.loadLayersModel(tf.io.fromMemory(a));
      return [(a.weightSpecs ?? []).map((s) => s.name), back.predict(x2(tf)), m.predict(x2(tf)), back.layers[0].getClassName()];
    },
  },
  {
    name: 'a topology naming an unknown layer class is refused by loadLayersModel, naming the class',
    run: async (tf) => {
      const topo = JSON.parse(JSON.stringify(twoLayer(tf, 'c3').toJSON(null, false))) as { config: { layers: { class_name: string }[] } };
      topo.config.layers[1].class_name = 'NoSuchLayer29';
      return attempt(() => tf.loadLayersModel(tf.io.fromMemory({ modelTopology: topo })), 'NoSuchLayer29');
    },
  },
  {
    name: 'loadLayersModel with strict: false of a file holding every weight loads the model, as strict does',
    run: async (tf) => {
      const m = twoLayer(tf, 's0');
      const a = await saveToMemory(tf, m);
      const back = await tf.loadLayersModel(tf.io.fromMemory(a), { strict: false });
      return [back.predict(x2(tf)), m.predict(x2(tf))];
    },
  },
  {
    name: 'loadLayersModel with strict: false and a weight missing from the file keeps that weight\'s fresh value',
    deviation: 'tessera takes strict: false but never loads part of a model (README, Saving and loading): the file missing a weight is refused; TF.js 4.22 keeps the fresh value',
    run: async (tf) => {
      const m = twoLayer(tf, 's1');
      const a = await saveToMemory(tf, m);
      const specs = a.weightSpecs ?? [];
      const kept = specs.slice(0, 3);
      const back = await tf.loadLayersModel(tf.io.fromMemory({ ...a, weightSpecs: kept, weightData: bytesOf(a).slice(0, 4 * (6 + 3 + 6)) }), { strict: false });
      return [back.getWeights()[3], m.getWeights()[3], back.getWeights()[2]];
    },
  },
  {
    name: 'loadLayersModel with strict: false and an extra weight in the file ignores it; strict (the default) refuses it',
    deviation: 'tessera takes strict: false but loads only a file that holds the model\'s weights and no others (README, Saving and loading); TF.js 4.22 ignores the extra weight',
    run: async (tf) => {
      const m = twoLayer(tf, 's2');
      const a = await saveToMemory(tf, m);
      const extra = { ...a, weightSpecs: [...(a.weightSpecs ?? []), { name: 'stray/kernel', shape: [2], dtype: 'float32' as const }], weightData: tf.io.concatenateArrayBuffers([bytesOf(a), f32([1, 2])]) };
      const strict = await attempt(() => tf.loadLayersModel(tf.io.fromMemory(extra)), 'stray/kernel');
      const loose = await tf.loadLayersModel(tf.io.fromMemory(extra), { strict: false });
      return [strict, loose.predict(x2(tf))];
    },
  },
  {
    name: 'loadLayersModel refuses a file missing a weight (strict, the default), naming what is missing',
    run: async (tf) => {
      const m = twoLayer(tf, 's3');
      const a = await saveToMemory(tf, m);
      return attempt(() => tf.loadLayersModel(tf.io.fromMemory({ ...a, weightSpecs: (a.weightSpecs ?? []).slice(0, 3), weightData: bytesOf(a).slice(0, 4 * 15) })));
    },
  },
  {
    name: 'weights stored with a TF.js converter quantization (uint8 codes, float16) load dequantized into the model',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], name: 'q1_d' })] });
      const topology = m.toJSON(null, false) as object;
      const kernelCodes = new Uint8Array([0, 64, 128, 255]);
      const biasHalves = new Uint16Array([0x3c00, 0xbc00]);
      const data = tf.io.concatenateArrayBuffers([kernelCodes.buffer, biasHalves.buffer]);
      const back = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: topology, weightData: data, weightSpecs: [
        { name: 'q1_d/kernel', shape: [2, 2], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.01, min: -1 } },
        { name: 'q1_d/bias', shape: [2], dtype: 'float32', quantization: { dtype: 'float16' } },
      ] }));
      return [back.getWeights(), back.predict(x2(tf))];
    },
  },
  {
    name: 'a model.json served over http with uint16-quantized weights across two shards loads dequantized',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], name: 'q2_d' })] });
      const codes = new Uint16Array([0, 100, 65535, 500]);
      const bytes = codes.buffer;
      const json = JSON.stringify({ modelTopology: m.toJSON(null, false), weightsManifest: [{ paths: ['p1', 'p2'], weights: [
        { name: 'q2_d/kernel', shape: [3, 1], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.0001, min: -3 } },
        { name: 'q2_d/bias', shape: [1], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.01, min: 0 } },
      ] }] });
      // Shards as tfjs-converter cuts them: all of one size but the last, which is shorter.
      const { fetch } = server({ 'http://h/q/model.json': json, 'http://h/q/p1': bytes.slice(0, 5), 'http://h/q/p2': bytes.slice(5) });
      const back = await tf.loadLayersModel(tf.io.http('http://h/q/model.json', { fetchFunc: fetch }));
      return back.getWeights();
    },
  },
  {
    name: 'weights named with Keras\'s output index (layer/kernel:0)',
    deviation: 'tessera reads a weight name with an output index (p1_a/kernel:0, as TF Keras names its variables) as the variable it indexes; TF.js 4.22 refuses it ("Provided weight data has no target variable")',
    run: async (tf) => {
      const m = twoLayer(tf, 'k1');
      const a = await saveToMemory(tf, m);
      const renamed = (a.weightSpecs ?? []).map((s) => ({ ...s, name: `${s.name}:0` }));
      return [await attempt(async () => (await tf.loadLayersModel(tf.io.fromMemory({ ...a, weightSpecs: renamed }))).predict(x2(tf))), m.predict(x2(tf))];
    },
  },
  {
    name: 'a topology in Keras\'s snake_case written by Python (Functional class, inbound_nodes with kwargs) loads and predicts',
    run: async (tf) => {
      const topology = { class_name: 'Functional', config: { name: 'py29', layers: [
        { class_name: 'InputLayer', config: { batch_input_shape: [null, 2], dtype: 'float32', sparse: false, ragged: false, name: 'py_in' }, name: 'py_in', inbound_nodes: [] },
        { class_name: 'Dense', config: { name: 'py_d', trainable: true, dtype: 'float32', units: 2, activation: 'relu', use_bias: true, kernel_initializer: { class_name: 'Ones', config: {} }, bias_initializer: { class_name: 'Zeros', config: {} }, kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null }, name: 'py_d', inbound_nodes: [[['py_in', 0, 0, {}]]] },
      ], input_layers: [['py_in', 0, 0]], output_layers: [['py_d', 0, 0]] }, keras_version: '2.13.1', backend: 'tensorflow' };
      const back = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: topology, weightSpecs: [{ name: 'py_d/kernel', shape: [2, 2], dtype: 'float32' }, { name: 'py_d/bias', shape: [2], dtype: 'float32' }], weightData: f32([1, -1, 2, 0.5, 0.25, -4]) }));
      return [back.predict(x2(tf)), back.name, back.inputNames, back.outputNames];
    },
  },
  {
    name: 'a multi-input multi-output functional model round-trips: input and output names and order, predictions',
    run: async (tf) => {
      const a = tf.input({ shape: [2], name: 'mi_a' });
      const b = tf.input({ shape: [3], name: 'mi_b' });
      const cat = tf.layers.concatenate({ name: 'mi_cat' }).apply([a, b]);
      const o1 = dense(tf, 'mi_o1', 1).apply(cat);
      const o2 = dense(tf, 'mi_o2', 2).apply(tf.layers.add({ name: 'mi_add' }).apply([dense(tf, 'mi_pa', 2).apply(a), dense(tf, 'mi_pb', 2).apply(b)]) as never);
      const m = tf.model({ inputs: [b, a], outputs: [o2 as never, o1 as never], name: 'mi29' });
      const back = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, m)));
      const xs = [tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[0.5, -0.5]])];
      return [back.inputNames, back.outputNames, back.predict(xs), m.predict(xs)];
    },
  },
  {
    name: 'a layer shared by two branches is saved once and its weights load once; the loaded model predicts the same',
    run: async (tf) => {
      const shared = dense(tf, 'sh_d', 2, undefined);
      const a = tf.input({ shape: [2], name: 'sh_a' });
      const b = tf.input({ shape: [2], name: 'sh_b' });
      const out = tf.layers.concatenate({ name: 'sh_cat' }).apply([shared.apply(a) as never, shared.apply(b) as never]);
      const m = tf.model({ inputs: [a, b], outputs: out as never });
      const art = await saveToMemory(tf, m);
      const back = await tf.loadLayersModel(tf.io.fromMemory(art));
      const xs = [tf.tensor2d([[1, 2]]), tf.tensor2d([[-1, 0.5]])];
      return [(art.weightSpecs ?? []).map((s) => s.name), back.predict(xs), m.predict(xs)];
    },
  },
  {
    name: 'a Sequential nested in a functional model round-trips with its inner weights named under the inner layers',
    run: async (tf) => {
      const inner = tf.sequential({ name: 'nest_inner', layers: [dense(tf, 'nest_d1', 3, [2]), dense(tf, 'nest_d2', 2)] });
      const input = tf.input({ shape: [2], name: 'nest_in' });
      const m = tf.model({ inputs: input, outputs: dense(tf, 'nest_out', 1).apply(inner.apply(input)) as never });
      const art = await saveToMemory(tf, m);
      const back = await tf.loadLayersModel(tf.io.fromMemory(art));
      return [(art.weightSpecs ?? []).map((s) => s.name), back.predict(x2(tf)), m.predict(x2(tf)), back.layers.map((l) => l.getClassName())];
    },
  },
  {
    name: 'an embedding -> gru -> dense model with mask_zero round-trips; int32 inputs predict the same',
    run: async (tf) => {
      const m = tf.sequential({ layers: [
        tf.layers.embedding({ inputDim: 6, outputDim: 3, inputLength: 4, maskZero: true, name: 'eg_emb', embeddingsInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 3 }) }),
        tf.layers.gru({ units: 2, name: 'eg_gru', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }), recurrentInitializer: tf.initializers.glorotUniform({ seed: 5 }) }),
        dense(tf, 'eg_d', 1),
      ] });
      const back = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, m)));
      const x = tf.tensor2d([[1, 2, 0, 0], [5, 4, 3, 2]], [2, 4], 'int32');
      return [back.predict(x), m.predict(x)];
    },
  },
  {
    name: 'model.toJSON as a string and as an object; loadLayersModel of fromMemory of the parsed string with the model\'s weights',
    run: async (tf) => {
      const m = twoLayer(tf, 'j1');
      const text = m.toJSON() as string;
      const obj = m.toJSON(null, false) as { class_name: string; keras_version: string; backend: string };
      const { data, specs } = await tf.io.encodeWeights(m.weights.map((w, i) => ({ name: w.originalName, tensor: m.getWeights()[i] })));
      const back = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: JSON.parse(text), weightSpecs: specs, weightData: data }));
      return [typeof text, obj.class_name, obj.backend, typeof obj.keras_version, back.predict(x2(tf)), m.predict(x2(tf))];
    },
  },
];

/** Whether this runtime is a page with the Web storage APIs (Chromium run); in Node both libraries refuse the stores. */
const inPage = () => typeof window !== 'undefined' && typeof localStorage !== 'undefined' && typeof indexedDB !== 'undefined';

const stores: Program[] = [
  {
    name: 'localstorage:// save gives the sizes in SaveResult, stores TF.js\'s keys, lists the model, loads it, and removeModel deletes it',
    run: async (tf) => {
      const m = twoLayer(tf, 'b1');
      const url = 'localstorage://s29-ls-model';
      const saved = await attempt(() => m.save(url));
      if (saved === 'threw') return ['no local storage', inPage()];
      const info = (saved as io.SaveResult).modelArtifactsInfo;
      const keys = Object.keys(localStorage).filter((k) => k.includes('s29-ls-model')).sort();
      const listed = (await tf.io.listModels())[url];
      const back = await tf.loadLayersModel(url);
      const removed = await tf.io.removeModel(url);
      return [info.modelTopologyType, info.weightDataBytes, info.weightSpecsBytes, keys, listed?.weightDataBytes, listed?.modelTopologyType, back.predict(x2(tf)), m.predict(x2(tf)),
        removed.weightDataBytes, await attempt(() => tf.loadLayersModel(url)), Object.keys(localStorage).filter((k) => k.includes('s29-ls-model'))];
    },
  },
  {
    name: 'indexeddb:// save and load with includeOptimizer: the loaded model is compiled and trains as the original',
    run: async (tf) => {
      const m = twoLayer(tf, 'b2');
      m.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
      const y = tf.tensor2d([[1, 0], [0, 1], [0.5, 0.5]]);
      await m.fit(x2(tf), y, { epochs: 1, batchSize: 3, shuffle: false });
      const url = 'indexeddb://s29-idb-model';
      const saved = await attempt(() => m.save(url, { includeOptimizer: true }));
      if (saved === 'threw') return ['no indexeddb', inPage()];
      const back = await tf.loadLayersModel(url);
      const [h1, h2] = [await m.fit(x2(tf), y, { epochs: 1, batchSize: 3, shuffle: false }), await back.fit(x2(tf), y, { epochs: 1, batchSize: 3, shuffle: false })];
      await tf.io.removeModel(url);
      return [(saved as io.SaveResult).modelArtifactsInfo.weightDataBytes, h1.history.loss, h2.history.loss, back.optimizer.getClassName()];
    },
  },
  {
    name: 'copyModel and moveModel between localstorage:// and indexeddb://: listModels before and after, and the moved model loads',
    run: async (tf) => {
      const m = twoLayer(tf, 'b3');
      const [ls, idb, idb2] = ['localstorage://s29-copy-a', 'indexeddb://s29-copy-b', 'indexeddb://s29-copy-c'];
      if ((await attempt(() => m.save(ls))) === 'threw') return ['no stores', inPage()];
      const mine = async () => Object.keys(await tf.io.listModels()).filter((k) => k.includes('s29-copy')).sort();
      const copied = await tf.io.copyModel(ls, idb);
      const afterCopy = await mine();
      const moved = await tf.io.moveModel(idb, idb2);
      const afterMove = await mine();
      const back = await tf.loadLayersModel(idb2);
      const missing = await attempt(() => tf.io.copyModel('localstorage://s29-none', idb));
      await tf.io.removeModel(ls);
      await tf.io.removeModel(idb2);
      return [copied.weightDataBytes, moved.weightDataBytes, afterCopy, afterMove, await mine(), back.predict(x2(tf)), missing];
    },
  },
  {
    name: 'the load handlers of localstorage:// and indexeddb:// URLs give the saved artifacts; model paths may hold slashes; an empty path is refused',
    run: async (tf) => {
      const m = twoLayer(tf, 'b4');
      const [ls, idb] = ['localstorage://s29/h/ls', 'indexeddb://s29/h/idb'];
      if ((await attempt(() => m.save(ls))) === 'threw') return ['no stores', inPage()];
      await m.save(idb);
      const [a1, a2] = [await (tf.io.getLoadHandlers(ls)[0].load as () => Promise<io.ModelArtifacts>)(), await (tf.io.getLoadHandlers(idb)[0].load as () => Promise<io.ModelArtifacts>)()];
      const listed = Object.keys(await tf.io.listModels()).filter((k) => k.includes('s29/h/')).sort();
      await tf.io.removeModel(ls);
      await tf.io.removeModel(idb);
      return [a1.weightSpecs, a2.weightSpecs, (a1.weightData as ArrayBuffer).byteLength, (a2.weightData as ArrayBuffer).byteLength, a1.format, a2.format, listed,
        await attempt(() => m.save('localstorage://')), await attempt(() => m.save('indexeddb://'))];
    },
  },
  {
    name: 'tf.io.browserFiles: a model.json File and its weights File load the model; a weights file the manifest does not name is refused',
    run: async (tf) => {
      if (typeof FileReader === 'undefined') return 'no FileReader (TF.js reads Files with it)';
      const m = twoLayer(tf, 'b5');
      const a = await saveToMemory(tf, m);
      const json = new File([modelFiles(a, ['b5.weights.bin'])], 'model.json', { type: 'application/json' });
      const weights = new File([bytesOf(a)], 'b5.weights.bin');
      const back = await tf.loadLayersModel(tf.io.browserFiles([json, weights]));
      const wrong = await attempt(() => tf.loadLayersModel(tf.io.browserFiles([json, new File([bytesOf(a)], 'other.bin')])));
      return [back.predict(x2(tf)), m.predict(x2(tf)), wrong, await attempt(() => tf.io.browserFiles([]))];
    },
  },
  {
    name: 'tf.io.browserFiles with a model.json whose weights are in two shard files, given in any order',
    run: async (tf) => {
      if (typeof FileReader === 'undefined') return 'no FileReader (TF.js reads Files with it)';
      const m = twoLayer(tf, 'b6');
      const a = await saveToMemory(tf, m);
      const all = bytesOf(a);
      const json = new File([modelFiles(a, ['s1.bin', 's2.bin'])], 'model.json');
      // Shards as tfjs-converter cuts them, the last the shorter.
      const back = await tf.loadLayersModel(tf.io.browserFiles([json, new File([all.slice(40)], 's2.bin'), new File([all.slice(0, 40)], 's1.bin')]));
      return [back.predict(x2(tf)), m.predict(x2(tf))];
    },
  },
  {
    // Not one that is not JSON: TF.js 4.22 parses it in a FileReader callback, so its error is uncaught and the load never settles.
    name: 'tf.io.browserFiles with a model.json that has no topology is refused',
    run: async (tf) => {
      if (typeof FileReader === 'undefined') return 'no FileReader (TF.js reads Files with it)';
      const empty = new File([JSON.stringify({ weightsManifest: [] })], 'model.json');
      return attempt(() => tf.loadLayersModel(tf.io.browserFiles([empty, new File([new ArrayBuffer(4)], 'w.bin')])));
    },
  },
];

const helpers: Program[] = [
  {
    name: 'tf.io.getModelArtifactsForJSON calls the loader with the manifest and builds the artifacts; getModelArtifactsForJSONSync takes specs and data',
    run: async (tf) => {
      const a = await saveToMemory(tf, twoLayer(tf, 'g1'));
      const modelJSON = { modelTopology: a.modelTopology as object, format: 'layers-model', generatedBy: 'g', convertedBy: null, weightsManifest: [{ paths: ['x.bin'], weights: a.weightSpecs ?? [] }], userDefinedMetadata: { k: 1 } };
      const given: unknown[] = [];
      const art = await tf.io.getModelArtifactsForJSON(modelJSON as never, async (manifest) => { given.push(manifest); return [tf.io.getWeightSpecs(manifest), bytesOf(a)]; });
      const sync = tf.io.getModelArtifactsForJSONSync(modelJSON as never, a.weightSpecs, a.weightData);
      const back = await tf.loadLayersModel(tf.io.fromMemory(art));
      return [given, Object.keys(art).sort(), art.userDefinedMetadata, art.format, art.generatedBy, (art.weightData as ArrayBuffer).byteLength, Object.keys(sync).sort(), back.predict(x2(tf))];
    },
  },
  {
    name: 'tf.io.weightsLoaderFactory: only the groups holding the named weights are fetched, quantized weights dequantized, an unknown name refused',
    run: async (tf) => {
      const asked: string[][] = [];
      const g1 = tf.io.concatenateArrayBuffers([new Uint8Array([0, 10, 20, 255]).buffer, f32([7])]);
      const g2 = f32([1, 2, 3]);
      const load = tf.io.weightsLoaderFactory(async (urls) => { asked.push(urls); return urls.map((u) => (u.endsWith('g1') ? g1 : g2)); });
      const manifest = [
        { paths: ['g1'], weights: [{ name: 'q', shape: [2, 2], dtype: 'float32' as const, quantization: { dtype: 'uint8' as const, scale: 0.1, min: -1 } }, { name: 'p', shape: [1], dtype: 'float32' as const }] },
        { paths: ['g2'], weights: [{ name: 'r', shape: [3], dtype: 'float32' as const }] },
      ];
      const some = await load(manifest, 'http://w/dir', ['p', 'q']);
      const all = await load(manifest, 'http://w/dir/');
      return [asked, Object.keys(some).sort(), some.q, some.p, Object.keys(all).sort(), all.r, await attempt(() => load(manifest, '', ['nope']), 'nope')];
    },
  },
  {
    name: 'tf.io.CompositeArrayBuffer over shards of one size and a shorter last: byteLength, slices inside and across shards, join',
    run: (tf) => {
      const bytes = (n: number, from: number) => new Uint8Array(Array.from({ length: n }, (_, i) => from + i)).buffer;
      const c = new tf.io.CompositeArrayBuffer([bytes(4, 0), bytes(4, 4), bytes(2, 8)]);
      const view = (b: ArrayBuffer) => Array.from(new Uint8Array(b));
      return [c.byteLength, view(c.slice(1, 3)), view(c.slice(3, 9)), view(c.slice(8)), view(c.slice(5, 5)), view(c.slice(-2, 100)), view(tf.io.CompositeArrayBuffer.join([bytes(2, 50), bytes(1, 60)]))];
    },
  },
  {
    name: 'model.save over tf.io.http writes userDefinedMetadata and, with includeOptimizer, the trainingConfig into model.json',
    run: async (tf) => {
      const m = twoLayer(tf, 'g4');
      m.compile({ optimizer: tf.train.sgd(0.3), loss: 'meanSquaredError', metrics: ['mae'] });
      m.setUserDefinedMetadata({ classes: 2 });
      let json: Record<string, unknown> = {};
      const post = async (_url: string, init: RequestInit) => { json = JSON.parse(await ((init.body as FormData).get('model.json') as Blob).text()); return new Response('', { status: 200 }); };
      await m.save(tf.io.http('http://h/g4', { fetchFunc: post as never }), { includeOptimizer: true });
      return [Object.keys(json).sort(), json.userDefinedMetadata, json.trainingConfig, (json.weightsManifest as { weights: { name: string; group?: string }[] }[])[0].weights.map((w) => `${w.name} ${w.group ?? ''}`)];
    },
  },
  {
    name: 'a model with no weights saves an empty weights file and loads back from it',
    run: async (tf) => {
      const m = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [2, 2], name: 'nw_f' }), tf.layers.activation({ activation: 'relu', name: 'nw_r' })] });
      const a = await saveToMemory(tf, m);
      const back = await tf.loadLayersModel(tf.io.fromMemory(a));
      return [a.weightSpecs, bytesOf(a).byteLength, back.predict(tf.tensor3d([[[1, -2], [3, -4]]]))];
    },
  },
];

export const s29Io: Program[] = [...helpers, ...memory, ...encoding, ...http, ...routers, ...models, ...stores];

// Written by TensorFlow.js 4.22 (model.save to a withSaveHandler; weights in base64): a functional model trained two
// epochs with Adam and saved with includeOptimizer, and a Sequential conv1d -> lstm -> dense with seeded initializers.
const TFJS_FUNCTIONAL: Saved = {"modelTopology":{"class_name":"Model","config":{"name":"g29_model","layers":[{"name":"g29_in","class_name":"InputLayer","config":{"batch_input_shape":[null,4],"dtype":"float32","sparse":false,"name":"g29_in"},"inbound_nodes":[]},{"name":"g29_d","class_name":"Dense","config":{"units":3,"activation":"tanh","use_bias":true,"kernel_initializer":{"class_name":"VarianceScaling","config":{"scale":1,"mode":"fan_avg","distribution":"uniform","seed":1}},"bias_initializer":{"class_name":"Zeros","config":{}},"kernel_regularizer":null,"bias_regularizer":null,"activity_regularizer":null,"kernel_constraint":null,"bias_constraint":null,"name":"g29_d","trainable":true},"inbound_nodes":[[["g29_in",0,0,{}]]]},{"name":"g29_bn","class_name":"BatchNormalization","config":{"axis":-1,"momentum":0.99,"epsilon":0.001,"center":true,"scale":true,"beta_initializer":{"class_name":"Zeros","config":{}},"gamma_initializer":{"class_name":"Ones","config":{}},"moving_mean_initializer":{"class_name":"Zeros","config":{}},"moving_variance_initializer":{"class_name":"Ones","config":{}},"beta_regularizer":null,"gamma_regularizer":null,"beta_constraint":null,"gamma_constraint":null,"name":"g29_bn","trainable":true},"inbound_nodes":[[["g29_d",0,0,{}]]]},{"name":"g29_cat","class_name":"Concatenate","config":{"axis":-1,"name":"g29_cat","trainable":true},"inbound_nodes":[[["g29_bn",0,0,{}],["g29_in",0,0,{}]]]},{"name":"g29_out","class_name":"Dense","config":{"units":2,"activation":"softmax","use_bias":true,"kernel_initializer":{"class_name":"RandomNormal","config":{"mean":0,"stddev":0.05,"seed":2}},"bias_initializer":{"class_name":"Zeros","config":{}},"kernel_regularizer":null,"bias_regularizer":null,"activity_regularizer":null,"kernel_constraint":null,"bias_constraint":null,"name":"g29_out","trainable":true},"inbound_nodes":[[["g29_cat",0,0,{}]]]}],"input_layers":[["g29_in",0,0]],"output_layers":[["g29_out",0,0]]},"keras_version":"tfjs-layers 4.22.0","backend":"tensor_flow.js"},"weightSpecs":[{"name":"g29_d/kernel","shape":[4,3],"dtype":"float32"},{"name":"g29_d/bias","shape":[3],"dtype":"float32"},{"name":"g29_bn/gamma","shape":[3],"dtype":"float32"},{"name":"g29_bn/beta","shape":[3],"dtype":"float32"},{"name":"g29_out/kernel","shape":[7,2],"dtype":"float32"},{"name":"g29_out/bias","shape":[2],"dtype":"float32"},{"name":"g29_bn/moving_mean","shape":[3],"dtype":"float32"},{"name":"g29_bn/moving_variance","shape":[3],"dtype":"float32"},{"name":"iter","shape":[],"dtype":"int32","group":"optimizer"},{"name":"g29_d/kernel/m","shape":[4,3],"dtype":"float32","group":"optimizer"},{"name":"g29_d/bias/m","shape":[3],"dtype":"float32","group":"optimizer"},{"name":"g29_bn/gamma/m","shape":[3],"dtype":"float32","group":"optimizer"},{"name":"g29_bn/beta/m","shape":[3],"dtype":"float32","group":"optimizer"},{"name":"g29_out/kernel/m","shape":[7,2],"dtype":"float32","group":"optimizer"},{"name":"g29_out/bias/m","shape":[2],"dtype":"float32","group":"optimizer"},{"name":"g29_d/kernel/v","shape":[4,3],"dtype":"float32","group":"optimizer"},{"name":"g29_d/bias/v","shape":[3],"dtype":"float32","group":"optimizer"},{"name":"g29_bn/gamma/v","shape":[3],"dtype":"float32","group":"optimizer"},{"name":"g29_bn/beta/v","shape":[3],"dtype":"float32","group":"optimizer"},{"name":"g29_out/kernel/v","shape":[7,2],"dtype":"float32","group":"optimizer"},{"name":"g29_out/bias/v","shape":[2],"dtype":"float32","group":"optimizer"}],"trainingConfig":{"loss":"categorical_crossentropy","metrics":["accuracy"],"optimizer_config":{"class_name":"Adam","config":{"learningRate":0.01,"beta1":0.9,"beta2":0.999,"epsilon":1e-7}}},"weights":"jKfnPCDiLb/Q6He9NKx6PqRlI7+DcLm+T6psv5duyr6KLFS9CLpDv8D827686M0+rFGivJZ3nzyOy6A8yo+CP30eez/wgoI/VOCjvKwVmzwvjKE8o+QHvS9RzD2oKMk8KPPgPBKcYD1QWbm67CzNvE1xrL3Qa249JElru1CKsjzn6Ye9s3dqPcB4Nbq8KKM8vCijvMUHILy+wtO7CN12OlI0fT8Yv30/YT99PwIAAAAALQc4hPPdt4evHTnugYi38vNfN5/EsDlmRoI3zsLPuCQtWTk+hTk52MxyuS7mnDnCHEk4RsYDuSb+D7m5QAa8QAAJO9T5BbuOHh4786AousDoH7rUyaM91MmjvUL6nT1C+p29XHefvVx3nz00k129NJNdPerkCb3q5Ak9RiAtvUYgLT0Rx1y+EcdcPuqQwLzqkMA8qb9+LuOOPC50IcgwGueBLXDxPy205/kxICiILXABJzBo7EYx0ljxMOyrYjGoKM8xcQwRL/QNhjCfsZowtth4NjgNnjR6NoY0IOSsNG239jJWTLsy+oK6OfqCujnoEa456BGuORbTsDkW07A5XkgrOV5IKzkQvoY4EL6GOB2g1TgdoNU4ag8qO2oPKjuOfQI4jn0COA=="};

const TFJS_SEQUENTIAL: Saved = {"modelTopology":{"class_name":"Sequential","config":{"name":"g29_seq","layers":[{"class_name":"Conv1D","config":{"filters":2,"kernel_initializer":{"class_name":"VarianceScaling","config":{"scale":1,"mode":"fan_avg","distribution":"normal","seed":3}},"kernel_regularizer":null,"kernel_constraint":null,"kernel_size":[2],"strides":[1],"padding":"valid","dilation_rate":[1],"activation":"relu","use_bias":true,"bias_initializer":{"class_name":"Zeros","config":{}},"bias_regularizer":null,"activity_regularizer":null,"bias_constraint":null,"name":"g29_c1","trainable":true,"batch_input_shape":[null,5,2],"dtype":"float32"}},{"class_name":"LSTM","config":{"name":"g29_lstm","trainable":true,"units":3,"activation":"tanh","recurrent_activation":"hard_sigmoid","use_bias":true,"kernel_initializer":{"class_name":"VarianceScaling","config":{"scale":1,"mode":"fan_avg","distribution":"uniform","seed":4}},"recurrent_initializer":{"class_name":"Orthogonal","config":{"gain":1,"seed":5}},"bias_initializer":{"class_name":"Zeros","config":{}},"unit_forget_bias":null,"kernel_regularizer":null,"recurrent_regularizer":null,"bias_regularizer":null,"activity_regularizer":null,"kernel_constraint":null,"recurrent_constraint":null,"bias_constraint":null,"dropout":0,"recurrent_dropout":0,"implementation":null,"return_sequences":false,"return_state":false,"go_backwards":false,"stateful":false,"unroll":false}},{"class_name":"Dense","config":{"units":1,"activation":"linear","use_bias":true,"kernel_initializer":{"class_name":"VarianceScaling","config":{"scale":1,"mode":"fan_avg","distribution":"uniform","seed":6}},"bias_initializer":{"class_name":"Zeros","config":{}},"kernel_regularizer":null,"bias_regularizer":null,"activity_regularizer":null,"kernel_constraint":null,"bias_constraint":null,"name":"g29_sd","trainable":true}}]},"keras_version":"tfjs-layers 4.22.0","backend":"tensor_flow.js"},"weightSpecs":[{"name":"g29_c1/kernel","shape":[2,2,2],"dtype":"float32"},{"name":"g29_c1/bias","shape":[2],"dtype":"float32"},{"name":"g29_lstm/kernel","shape":[2,12],"dtype":"float32"},{"name":"g29_lstm/recurrent_kernel","shape":[3,12],"dtype":"float32"},{"name":"g29_lstm/bias","shape":[12],"dtype":"float32"},{"name":"g29_sd/kernel","shape":[3,1],"dtype":"float32"},{"name":"g29_sd/bias","shape":[1],"dtype":"float32"}],"weights":"z4BMvzKyPr+SXsO+2ktRPO8Ajr7pen++OPDqvlnuIj4AAAAAAAAAAKvcb76rOLO+kNClvmtYC7+JKRK+jPnrviwq/b5KJAU+P5aSvheW+74SgOO8CMJ7Ps9eAb+3nuc+hfISvSrZVr4DSAq/Zh9tvlEWjr6dMmO+tGYwPo1OGTzEcYi+p5cXvjhnRr72ME8+EgqdPplruD4WS7c+7DGXvGUn0T5ue8q9feWfPls7+D7SC+y94z1dPukHmb46kIW+7Cr2PJBGyz3sJg0/YIqPvs6m5r11oV0+Vr+oveSzAb/UOVe+sqqSPqBMrjxYwRU+y00Lv6oivj33RY++bI5KvpQiJj9VaXw9AKPaPNYffL4N+GK+eOsSPgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFkRRr8uwjM//pWRPwAAAAA="};

// Written by tessera the same way: a compiled conv2d -> maxPooling2d -> flatten -> dropout -> dense Sequential with includeOptimizer.
const TESSERA_SEQUENTIAL: Saved = {"modelTopology":{"class_name":"Sequential","config":{"name":"t29_seq","layers":[{"class_name":"Conv2D","config":{"filters":2,"kernel_initializer":{"class_name":"VarianceScaling","config":{"scale":1,"mode":"fan_avg","distribution":"uniform","seed":11}},"kernel_regularizer":null,"kernel_constraint":null,"kernel_size":[2,2],"strides":[1,1],"padding":"valid","data_format":"channels_last","dilation_rate":[1,1],"activation":"relu","use_bias":true,"bias_initializer":{"class_name":"Constant","config":{"value":0.1}},"bias_regularizer":null,"activity_regularizer":null,"bias_constraint":null,"name":"t29_conv","trainable":true,"batch_input_shape":[null,4,4,1],"dtype":"float32"}},{"class_name":"MaxPooling2D","config":{"pool_size":[2,2],"padding":"valid","strides":[2,2],"data_format":"channels_last","name":"t29_pool","trainable":true}},{"class_name":"Flatten","config":{"name":"t29_flat","trainable":true}},{"class_name":"Dropout","config":{"rate":0.3,"noise_shape":null,"seed":null,"name":"t29_drop","trainable":true}},{"class_name":"Dense","config":{"units":3,"activation":"softmax","use_bias":true,"kernel_initializer":{"class_name":"VarianceScaling","config":{"scale":1,"mode":"fan_avg","distribution":"normal","seed":12}},"bias_initializer":{"class_name":"Zeros","config":{}},"kernel_regularizer":null,"bias_regularizer":null,"activity_regularizer":null,"kernel_constraint":null,"bias_constraint":null,"name":"t29_out","trainable":true}}]},"keras_version":"tfjs-layers 4.22.0","backend":"tensor_flow.js"},"weightSpecs":[{"name":"t29_conv/kernel","shape":[2,2,1,2],"dtype":"float32"},{"name":"t29_conv/bias","shape":[2],"dtype":"float32"},{"name":"t29_out/kernel","shape":[2,3],"dtype":"float32"},{"name":"t29_out/bias","shape":[3],"dtype":"float32"},{"name":"iter","shape":[],"dtype":"int32","group":"optimizer"}],"trainingConfig":{"loss":"categorical_crossentropy","metrics":["accuracy"],"optimizer_config":{"class_name":"SGD","config":{"learningRate":0.1}}},"weights":"sDvbPubvJ7/d3+k+SYuDvpK30r4PKVM+QLaKPplpLL/NzMw9zczMPbTZsT6USrg9Mg46P5sIUT5vfeA+/89OPgAAAAAAAAAAAAAAAAAAAAA="};
