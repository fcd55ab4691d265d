import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';

describe('tn.io weight helpers', () => {
  it('decodeWeights gives back what encodeWeights wrote, float64 included', async () => {
    const w = tn.tensor([[0.1, -2.5e-8]], undefined, 'float64');
    const { data, specs } = await tn.io.encodeWeights({ w });
    expect(specs).toEqual([{ name: 'w', shape: [1, 2], dtype: 'float64' }]);
    const back = tn.io.decodeWeights(data, specs);
    expect(back.w.dtype).toBe('float64');
    expect(Array.from(back.w.dataSync())).toEqual([0.1, -2.5e-8]);
  });

  it('decodeWeights reads shards as one buffer', () => {
    const specs = [{ name: 'a', shape: [2], dtype: 'int32' as const }, { name: 'b', shape: [1], dtype: 'int32' as const }];
    const shards = [new Int32Array([5, 6]).buffer, new Int32Array([7]).buffer];
    const back = tn.io.decodeWeights(shards, specs);
    expect(Array.from(back.a.dataSync())).toEqual([5, 6]);
    expect(Array.from(back.b.dataSync())).toEqual([7]);
  });

  it("reads the weights its specs name and leaves bytes after them, and marks entries with any group, as TF.js's", async () => {
    const { data, specs } = await tn.io.encodeWeights({ a: tn.tensor1d([1, 2]), b: tn.tensor1d([3]), c: tn.complex([1, 2], [3, 4]) }, 'shard0' as never);
    expect(specs.map((s) => s.group)).toEqual(['shard0', 'shard0', 'shard0']);
    const first = tn.io.decodeWeights(data, specs.slice(0, 1));
    expect(Object.keys(first)).toEqual(['a']);
    expect(Array.from(first.a.dataSync())).toEqual([1, 2]);
    const firstTwo = tn.io.decodeWeights(data, specs.slice(0, 2));
    expect(Array.from(firstTwo.b.dataSync())).toEqual([3]);
  });

  it('refuses bad input, naming the argument', async () => {
    const specs = [{ name: 'a', shape: [3], dtype: 'float32' as const }];
    expect(() => tn.io.decodeWeights(new ArrayBuffer(8), specs)).toThrow(/io.decodeWeights: weightData is truncated: it holds 8 bytes but the manifest declares 12/);
    expect(() => tn.io.decodeWeights(new ArrayBuffer(4), [{ name: 'a', shape: [1], dtype: 'uint8' as never }])).toThrow(/io.decodeWeights: specs\[0\].dtype/);
    // A string weight's length prefix says 10 bytes follow; 2 do.
    const cut = new Uint8Array([10, 0, 0, 0, 104, 105]).buffer;
    expect(() => tn.io.decodeWeights(cut, [{ name: 's', shape: [1], dtype: 'string' }])).toThrow("io.decodeWeights: weightData is truncated: weight 's' [1] at byte offset 0 runs past its end (byte 14 of 6)");
    expect(() => tn.io.decodeWeights(new ArrayBuffer(12), [{ name: 'c', shape: [2], dtype: 'complex64' }])).toThrow(/weight 'c' \[2\] at byte offset 0 runs past its end \(byte 16 of 12\)/);
    // A malformed entry beside a string one is refused as a model's entries are, not read as a string weight's.
    expect(() => tn.io.decodeWeights(cut, [null as never, { name: 's', shape: [1], dtype: 'string' }])).toThrow('io.decodeWeights: specs[0] must be an object, got null');
    await expect(tn.io.encodeWeights({ a: [1, 2] as never })).rejects.toThrow(/io.encodeWeights: tensors.a must be a Tensor/);
    await expect(tn.io.encodeWeights([{ name: 'a' }] as never)).rejects.toThrow(/io.encodeWeights: tensors\[0\].tensor/);
    await expect(tn.io.encodeWeights({}, 3 as never)).rejects.toThrow(/io.encodeWeights: group must be a string \('model', 'optimizer'\) or undefined, got number 3/);
    const gone = tn.scalar(1);
    gone.dispose();
    await expect(tn.io.encodeWeights({ gone })).rejects.toThrow(/disposed/);
    expect(() => tn.io.getModelArtifactsInfoForJSON({ modelTopology: new ArrayBuffer(2) as never })).toThrow(/modelTopology must be a JSON topology/);
    expect(() => tn.io.getWeightSpecs([{ paths: [] }] as never)).toThrow(/io.getWeightSpecs: weightsManifest\[0\]/);
    expect(() => tn.io.isHTTPScheme(3 as never)).toThrow(/io.isHTTPScheme: url must be a string, got number 3/);
  });

  it('decodeWeights dequantizes as TF.js: uint8 and uint16 codes as code·scale + min (rounded for int32), float16 widened', () => {
    const halves = [0x3c00, 0xc000, 0x0001, 0x8000, 0x7bff, 0x7c00, 0xfc00, 0x7e00, 0x3555, 0x03ff];
    const specs = [
      { name: 'u8', shape: [2, 2], dtype: 'float32' as const, quantization: { dtype: 'uint8' as const, scale: 0.5, min: -1 } },
      { name: 'u16', shape: [3], dtype: 'float32' as const, quantization: { dtype: 'uint16' as const, scale: 0.003, min: 0.25 } },
      { name: 'ids', shape: [2], dtype: 'int32' as const, quantization: { dtype: 'uint8' as const, scale: 0.7, min: 3 } },
      { name: 'h', shape: [halves.length], dtype: 'float32' as const, quantization: { dtype: 'float16' as const } },
    ];
    const bytes = new Uint8Array([0, 1, 128, 255, ...new Uint8Array(new Uint16Array([0, 40000, 65535]).buffer), 1, 4, ...new Uint8Array(new Uint16Array(halves).buffer)]);
    const ours = tn.io.decodeWeights(bytes.slice().buffer, specs);
    const theirs = tf.io.decodeWeights(bytes.slice().buffer, specs);
    for (const s of specs) {
      expect([s.name, ours[s.name].dtype, ours[s.name].shape]).toEqual([s.name, theirs[s.name].dtype, theirs[s.name].shape]);
      expect(Array.from(ours[s.name].dataSync())).toEqual(Array.from(theirs[s.name].dataSync()));
    }
    expect(Array.from(ours.h.dataSync()).slice(0, 4)).toEqual([1, -2, 2 ** -24, -0]);
  });

  it('a model saved by TF.js with uint8-quantized weights loads and predicts as TF.js loads it', async () => {
    const peer = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], activation: 'relu' }), tf.layers.dense({ units: 2 })] });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await peer.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const saved = artifacts as tf.io.ModelArtifacts;
    // Each weight as uint8 codes over its own range, as tfjs-converter's --quantize_uint8 writes them.
    const floats = new Float32Array(saved.weightData as ArrayBuffer);
    let at = 0;
    const codes: number[] = [];
    const weightSpecs = (saved.weightSpecs as tf.io.WeightsManifestEntry[]).map((s) => {
      const v = floats.subarray(at, (at += s.shape.reduce((a, b) => a * b, 1)));
      const [min, max] = [Math.min(...v), Math.max(...v)];
      const scale = (max - min) / 255 || 1;
      for (const x of v) codes.push(Math.round((x - min) / scale));
      return { ...s, quantization: { dtype: 'uint8' as const, scale, min } };
    });
    const quantized = { ...saved, weightSpecs, weightData: new Uint8Array(codes).buffer };
    const back = await tf.loadLayersModel(tf.io.fromMemory(quantized));
    const model = await tn.loadLayersModel(tn.io.fromMemory(quantized as tn.ModelArtifacts));
    const x = [[0.5, -1, 2, 0.25], [1, 1, -0.5, 0]];
    const want = (back.predict(tf.tensor(x)) as tf.Tensor).dataSync();
    (model.predict(tn.tensor(x)) as tn.Tensor).dataSync().forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-6));
    // The weights themselves are the dequantized values, bit for bit.
    model.getWeights().forEach((w, i) => expect(Array.from(w.dataSync())).toEqual(Array.from(back.getWeights()[i].dataSync())));
    peer.dispose();
    back.dispose();
  });

  it('CompositeArrayBuffer slices across shards as TF.js, clamping out-of-range bounds; join concatenates', () => {
    const shards = () => [new Uint8Array([1, 2, 3]).buffer, new Uint8Array([4, 5]).buffer, new Uint8Array([6, 7, 8, 9]).buffer];
    const ours = new tn.io.CompositeArrayBuffer(shards());
    const theirs = new tf.io.CompositeArrayBuffer(shards());
    expect(ours.byteLength).toBe(theirs.byteLength);
    for (const [a, b] of [[0, 9], [2, 6], [3, 5], [4, 4], [-3, 2], [7, 99], [5, 2], [NaN, 4], [1, undefined], [undefined, undefined]] as [number | undefined, number | undefined][]) {
      expect(Array.from(new Uint8Array(ours.slice(a, b)))).toEqual(Array.from(new Uint8Array(theirs.slice(a, b))));
    }
    expect(Array.from(new Uint8Array(tn.io.CompositeArrayBuffer.join(shards())))).toEqual(Array.from(new Uint8Array(tf.io.CompositeArrayBuffer.join(shards()))));
    expect([new tn.io.CompositeArrayBuffer().byteLength, new tn.io.CompositeArrayBuffer().slice().byteLength]).toEqual([0, 0]);
    expect(() => new tn.io.CompositeArrayBuffer(['x'] as never)).toThrow(/io.CompositeArrayBuffer: buffers\[0\] must be an ArrayBuffer or a typed array, got string "x"/);
  });

  const manifest = () => [
    { paths: ['g1-1.bin', 'g1-2.bin'], weights: [{ name: 'a', shape: [2], dtype: 'float32' as const }, { name: 'b', shape: [3], dtype: 'int32' as const }] },
    { paths: ['g2.bin'], weights: [{ name: 'c', shape: [1], dtype: 'float32' as const }] },
  ];
  const files: Record<string, number[]> = { 'g1-1.bin': [...new Uint8Array(new Float32Array([0.5, -1]).buffer), 7, 0], 'g1-2.bin': [0, 0, 8, 0, 0, 0, 9, 0, 0, 0], 'g2.bin': [...new Uint8Array(new Float32Array([2.25]).buffer)] };
  /** A fetchWeightsFunction serving `files` by the last part of the URL, recording the URLs asked for. */
  const server = (urls: string[]) => async (fetchUrls: string[]) => {
    urls.push(...fetchUrls);
    return fetchUrls.map((u) => new Uint8Array(files[u.slice(u.lastIndexOf('/') + 1)]).buffer);
  };
  const values = (m: Record<string, { dtype: string; shape: number[]; dataSync(): ArrayLike<number> }>) =>
    Object.fromEntries(Object.entries(m).map(([k, t]) => [k, [t.dtype, t.shape, Array.from(t.dataSync())]]));

  it('weightsLoaderFactory fetches the groups that hold the weights asked for and decodes them, as TF.js', async () => {
    for (const [prefix, names] of [['https://h/m', undefined], ['https://h/m/', ['c']], ['', ['b', 'a']]] as [string, string[] | undefined][]) {
      const [urls, peerUrls] = [[] as string[], [] as string[]];
      const ours = await tn.io.weightsLoaderFactory(server(urls))(manifest(), prefix, names);
      const theirs = await tf.io.weightsLoaderFactory(server(peerUrls))(manifest(), prefix, names);
      expect([urls, values(ours)]).toEqual([peerUrls, values(theirs)]);
    }
    await expect(tn.io.weightsLoaderFactory(server([]))(manifest(), '', ['a', 'zz'])).rejects.toThrow('io.weightsLoaderFactory: Could not find weights in manifest with names: zz. Manifest JSON has weights with names: a, b, c.');
    expect(() => tn.io.weightsLoaderFactory(3 as never)).toThrow(/io.weightsLoaderFactory: fetchWeightsFunction must be a function/);
  });

  it('loadWeights fetches with the global fetch and requestInit; a failed request names the URL', async () => {
    const seen: [string, unknown][] = [];
    vi.stubGlobal('fetch', async (url: string, init?: unknown) => {
      seen.push([url, init]);
      const name = url.slice(url.lastIndexOf('/') + 1);
      return files[name] ? new Response(new Uint8Array(files[name])) : new Response(null, { status: 404 });
    });
    try {
      const init = { headers: { a: 'b' } };
      const got = await tn.io.loadWeights(manifest(), 'https://h/m', ['a'], init);
      expect(values(got)).toEqual({ a: ['float32', [2], [0.5, -1]] });
      expect(seen).toEqual([['https://h/m/g1-1.bin', init], ['https://h/m/g1-2.bin', init]]);
      await expect(tn.io.loadWeights([{ paths: ['nope.bin'], weights: [{ name: 'z', shape: [1], dtype: 'float32' }] }], 'https://h')).rejects.toThrow('io.loadWeights: fetching the weights file https://h/nope.bin failed with HTTP status 404');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('getModelArtifactsForJSON(Sync) give the artifacts of a model.json as TF.js, the loader called with its manifest', async () => {
    const specs = [{ name: 'w', shape: [1], dtype: 'float32' as const }];
    const modelJSON = { modelTopology: { class_name: 'Sequential' }, weightsManifest: [{ paths: ['w.bin'], weights: specs }], format: 'layers-model', generatedBy: 'g', convertedBy: null, userDefinedMetadata: { k: 1 }, trainingConfig: { loss: 'mse', optimizer_config: { class_name: 'SGD', config: { learning_rate: 0.1 } } } };
    const given: unknown[] = [];
    const loader = async (m: unknown): Promise<[typeof specs, ArrayBuffer]> => (given.push(m), [specs, new Float32Array([3]).buffer]);
    const ours = await tn.io.getModelArtifactsForJSON(modelJSON, loader);
    const theirs = await tf.io.getModelArtifactsForJSON(modelJSON, loader);
    expect(given).toEqual([modelJSON.weightsManifest, modelJSON.weightsManifest]);
    expect(ours).toEqual(theirs);
    const bare = { modelTopology: { class_name: 'Sequential' } } as never;
    expect(await tn.io.getModelArtifactsForJSON(bare, loader)).toEqual(await tf.io.getModelArtifactsForJSON(bare, loader));
    expect(given).toHaveLength(2);
    expect(tn.io.getModelArtifactsForJSONSync(modelJSON, specs, new ArrayBuffer(4))).toEqual(tf.io.getModelArtifactsForJSONSync(modelJSON, specs, new ArrayBuffer(4)));
    expect(() => tn.io.getModelArtifactsForJSONSync(modelJSON)).toThrow(/io.getModelArtifactsForJSONSync: weightSpecs must be the manifest's weight entries \(modelJSON has a weightsManifest\), got undefined/);
  });

  it('decodeWeightsStream reads a stream of chunks as TF.js; a short stream is refused', async () => {
    const specs = [{ name: 'a', shape: [2], dtype: 'float32' as const }, { name: 'b', shape: [3], dtype: 'int32' as const }];
    const bytes = new Uint8Array([...files['g1-1.bin'], ...files['g1-2.bin']]);
    const stream = (upTo = bytes.length) => new ReadableStream<Uint8Array>({
      start(c) {
        for (const [from, to] of [[0, 3], [3, 11], [11, upTo]]) c.enqueue(bytes.slice(from, to));
        c.close();
      },
    });
    expect(values(await tn.io.decodeWeightsStream(stream() as never, specs))).toEqual(values(await tf.io.decodeWeightsStream(stream() as never, specs)));
    await expect(tn.io.decodeWeightsStream(stream(15) as never, specs)).rejects.toThrow(/io.decodeWeightsStream: weightData is truncated: it holds 15 bytes but the manifest declares 20/);
  });

  it('decodeWeightsStream takes string and bool weights among numeric ones, as decodeWeights and TF.js (TF.js\'s own test case)', async () => {
    const encoded = await tf.io.encodeWeights({ x1: tf.tensor1d([1, 2], 'int32'), x2: tf.tensor1d(['a', 'héllo']), x3: tf.tensor1d([true, false], 'bool'), x4: tf.scalar(2.5) });
    const bytes = new Uint8Array(encoded.data as ArrayBuffer);
    const stream = () => new ReadableStream<Uint8Array>({
      start(c) {
        for (let at = 0; at < bytes.length; at += 5) c.enqueue(bytes.slice(at, at + 5));
        c.close();
      },
    });
    const read = async (l: typeof tn | typeof tf) => Object.fromEntries(Object.entries(await (l as typeof tn).io.decodeWeightsStream(stream() as never, encoded.specs as never)).map(([k, t]) => [k, [t.dtype, t.arraySync()]]));
    const ours = await read(tn);
    expect(ours).toEqual(await read(tf));
    expect(ours.x2).toEqual(['string', ['a', 'héllo']]);
  });
});
