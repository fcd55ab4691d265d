import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { HAND_WEIGHTS, handModel, handWrittenModelJson } from './helpers';

// The fixtures are edited freely by path, broken on purpose; typing them would fight every edit.
type Json = Record<string, any>;

const BYTES = new Uint8Array(HAND_WEIGHTS.buffer);

/** Loads a (possibly broken) hand-written model from memory. */
function load(edit: (json: Json) => void = () => {}, bytes: Uint8Array = BYTES): Promise<tn.LayersModel> {
  const json = handWrittenModelJson() as Json;
  edit(json);
  return tn.loadLayersModel(tn.io.fromMemory(json, bytes));
}

const layer = (json: Json, i: number): Json => json.modelTopology.config.layers[i];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-io-reject-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeModel(name: string, json: Json | string | Uint8Array, files: Record<string, Uint8Array>): Promise<string> {
  const target = join(dir, name);
  await mkdir(target);
  await writeFile(join(target, 'model.json'), typeof json === 'string' || json instanceof Uint8Array ? json : JSON.stringify(json));
  for (const [f, bytes] of Object.entries(files)) await writeFile(join(target, f), bytes);
  return `file://${target}/model.json`;
}

describe('weight bytes', () => {
  it('a truncated weights.bin names the file and the byte offset of the first weight cut short', async () => {
    const url = await writeModel('truncated', handWrittenModelJson(), { 'weights.bin': BYTES.subarray(0, 30) });
    await expect(tn.loadLayersModel(url)).rejects.toThrow(/weights\.bin is truncated: it holds 30 bytes but the manifest declares 44; weight 'dense_Dense1\/bias' \[2\] at byte offset 24 runs past the end/);
  });

  it('an oversized weights.bin is refused', async () => {
    const url = await writeModel('oversized', handWrittenModelJson(), { 'weights.bin': new Uint8Array(48) });
    await expect(tn.loadLayersModel(url)).rejects.toThrow(/weights\.bin holds 48 bytes but the manifest declares 44; 4 unexpected bytes follow byte offset 44/);
    await expect(load(() => {}, new Uint8Array(45))).rejects.toThrow(/weightData holds 45 bytes/);
  });

  it('a missing weights file or model.json is a clear error', async () => {
    const url = await writeModel('nobin', handWrittenModelJson(), {});
    await expect(tn.loadLayersModel(url)).rejects.toThrow(/cannot read the weights file .*weights\.bin/);
    await expect(tn.loadLayersModel(`file://${dir}/nowhere/model.json`)).rejects.toThrow(/cannot read the model file/);
  });

  it('a model.json without a weightsManifest loads with fresh weights (as TF.js); weights listed without their data are refused', async () => {
    const json = handWrittenModelJson() as Json;
    delete json.weightsManifest;
    json.modelTopology.config.layers.forEach((l: Json) => (l.config.kernel_initializer = { class_name: 'Ones', config: {} }));
    const model = await tn.loadLayersModel(await writeModel('nomanifest', json, {}));
    // relu(x·1 + 0)·1 + 0 summed over 2 units: 2·relu(1 + 2 + 3).
    expect((model.predict(tn.tensor2d([[1, 2, 3]])) as tn.Tensor).dataSync()).toEqual(Float32Array.of(12));
    const specs = handWrittenModelJson().weightsManifest as Json[];
    await expect(tn.loadLayersModel(tn.io.fromMemory(json.modelTopology, specs[0].weights))).rejects.toThrow(/weightData is truncated: it holds 0 bytes but the manifest declares 44/);
  });

  it('manifest paths cannot leave the model folder', async () => {
    const json = handWrittenModelJson() as Json;
    json.weightsManifest[0].paths = ['../outside.bin'];
    const url = await writeModel('escape', json, {});
    await expect(tn.loadLayersModel(url)).rejects.toThrow(/weightsManifest\[0\]\.paths\[0\] must be a relative path inside the model's folder/);
  });

  it('declared sizes beyond 2^31 bytes are refused before anything is allocated', async () => {
    await expect(load((j) => (j.weightsManifest[0].weights[0].shape = [65536, 65536]))).rejects.toThrow(/weightsManifest\[0\]\.weights\[0\]\.shape must be a size that keeps the weights within 2147483648 bytes/);
    await expect(load((j) => (j.weightsManifest[0].weights[0].shape = [1e300, 1e300]))).rejects.toThrow(/within 2147483648 bytes/);
  });
});

describe('weight specs', () => {
  it('bad shapes', async () => {
    await expect(load((j) => (j.weightsManifest[0].weights[0].shape = [3, -2]))).rejects.toThrow(/shape must be an array of non-negative integers, got \[3, -2\]/);
    await expect(load((j) => (j.weightsManifest[0].weights[0].shape = [3, 2.5]))).rejects.toThrow(/non-negative integers/);
    await expect(load((j) => (j.weightsManifest[0].weights[0].shape = '3,2'))).rejects.toThrow(/shape must be an array/);
  });

  it('a shape that does not fit the layer names the layer, the weight and both shapes', async () => {
    const swap = (j: Json) => {
      j.weightsManifest[0].weights[0].shape = [2, 3];
    };
    await expect(load(swap)).rejects.toThrow(/weightSpecs\[0\] \("dense_Dense1\/kernel"\) must be the kernel of layer "dense_Dense1", shape \[3, 2\] and dtype float32; got shape \[2, 3\]/);
  });

  it('wrong dtypes', async () => {
    await expect(load((j) => (j.weightsManifest[0].weights[1].dtype = 'uint8'))).rejects.toThrow(/weights\[1\]\.dtype must be 'float32', 'int32' or 'bool' \(or 'float64' in files tessera wrote\), got "uint8"/);
    await expect(load((j) => (j.weightsManifest[0].weights[1].dtype = 'float64'))).rejects.toThrow(/weightData is truncated: it holds 44 bytes but the manifest declares 52/);
    await expect(load((j) => (j.weightsManifest[0].weights[1].quantization = { dtype: 'uint8' }))).rejects.toThrow(/weights\[1\]\.quantization\.scale must be a finite number \(uint8 codes stand for code·scale \+ min\), got nothing/);
    await expect(load((j) => (j.weightsManifest[0].weights[1].quantization = { dtype: 'int4', scale: 1, min: 0 }))).rejects.toThrow(/quantization\.dtype must be 'uint8', 'uint16' or 'float16', got "int4"/);
  });

  it('too few or too many weights', async () => {
    await expect(load((j) => j.weightsManifest[0].weights.pop(), BYTES.subarray(0, 40))).rejects.toThrow(/weightSpecs must list 4 weights for these layers .*got 3/);
    const extra = new Uint8Array(48);
    extra.set(BYTES);
    await expect(load((j) => j.weightsManifest[0].weights.push({ name: 'extra/bias', shape: [1], dtype: 'float32' }), extra)).rejects.toThrow(/weightSpecs must list 4 weights .*got 5/);
  });
});

describe('topology', () => {
  it('unknown layer classes', async () => {
    await expect(load((j) => (layer(j, 1).class_name = 'ConvGRU2D'))).rejects.toThrow(/modelTopology\.config\.layers\[1\]\.class_name must be one of Conv2D, Dense, MaxPooling2D, Flatten, Dropout, Activation, .*\(or InputLayer first\), got "ConvGRU2D"/);
    await expect(load((j) => (j.modelTopology.class_name = 'Mystery'))).rejects.toThrow(/modelTopology\.class_name must be 'Sequential', 'Model', 'Functional' or the className of a model class registered with tf\.serialization\.registerClass, got "Mystery"/);
  });

  it('missing keys', async () => {
    const noTopology = handWrittenModelJson() as Json;
    delete noTopology.modelTopology;
    await expect(tn.loadLayersModel(await writeModel('notopology', noTopology, { 'weights.bin': BYTES }))).rejects.toThrow(/modelTopology must be an object, got nothing \(the key is missing\)/);
    await expect(load((j) => delete layer(j, 1).config.units)).rejects.toThrow(/layers\[1\] \("dense_Dense2"\)\.config\.units must be a positive integer, got nothing/);
    // A layer without a name is named by its constructor, as TF.js's loader names it (test/io/unnamed-layers-load.test.ts).
    expect((await load((j) => delete layer(j, 0).config.name)).layers[0].name).toMatch(/^dense_Dense\d+$/);
    await expect(load((j) => delete layer(j, 0).config.batch_input_shape)).rejects.toThrow(/batch_input_shape must be \[null, \.\.\.dims\]: tessera needs the input shape/);
    await expect(load((j) => delete j.modelTopology.config.layers)).rejects.toThrow(/config\.layers must be an array/);
  });

  it('settings tessera does not implement, naming layer and key', async () => {
    const cases: [(j: Json) => void, RegExp][] = [
      [(j) => (layer(j, 0).config.activation = 'cube'), /layers\[0\] \("dense_Dense1"\)\.config\.activation must be one of 'linear', 'relu', 'softmax', 'sigmoid', 'tanh'.*, got "cube"/],
      [(j) => (layer(j, 0).config.kernel_regularizer = { class_name: 'Orthogonal', config: {} }), /config\.kernel_regularizer: regularizer: class_name must be 'L1L2', 'L1', 'L2' or the className of a registered regularizer class, got "Orthogonal"$/],
      [(j) => (layer(j, 0).config.kernel_constraint = { class_name: 'L1L2', config: { l1: 0.1 } }), /config\.kernel_constraint: constraint: class_name must be one of MaxNorm, UnitNorm, NonNeg, MinMaxNorm, or the className of a registered constraint class, got "L1L2"$/],
      [(j) => (layer(j, 0).config.kernel_initializer = { class_name: 'Nope', config: {} }), /config\.kernel_initializer\.class_name must be one of .*, got "Nope"$/],
      [(j) => (layer(j, 0).config.kernel_initializer = { class_name: 'Mystery', config: {} }), /config\.kernel_initializer\.class_name must be one of Zeros, Ones/],
      [(j) => (layer(j, 0).config.kernel_initializer.config.mode = 'fan_sideways'), /kernel_initializer\.config\.mode must be one of fan_in, fan_out, fan_avg/],
      [(j) => (layer(j, 0).config.dtype = 'float16'), /config\.dtype must be 'float32', 'float64', 'int32' or 'bool' \(or Keras's mixed_float16 or mixed_bfloat16, run in float32\), got "float16"/],
      [(j) => (layer(j, 1).config.dtype = 'int32'), /layers\[1\] \("dense_Dense2"\)\.config\.dtype must be 'float32', the model's dtype, got "int32"/],
      [(j) => (layer(j, 1).config.dtype = 'float64'), /layers\[1\] \("dense_Dense2"\)\.config\.dtype must be 'float32', the model's dtype/],
      [(j) => (layer(j, 1).config.units_typo = 3), /config\.units_typo must be absent \(tessera does not know this setting\), got 3/],
      [(j) => (layer(j, 1).config.name = 'dense_Dense1'), /config\.name must be a name no other layer has/],
      [(j) => (layer(j, 1).config.batch_input_shape = [null, 3]), /layers\[1\] \("dense_Dense2"\)\.config\.batch_input_shape must be \[null, 2\], the output of the layer before/],
    ];
    for (const [edit, message] of cases) await expect(load(edit)).rejects.toThrow(message);
  });

  it('conv and pooling settings: padding, data_format, dilation_rate', async () => {
    const conv = (config: Json) => ({
      modelTopology: { class_name: 'Sequential', config: { layers: [
        { class_name: 'Conv2D', config: { name: 'c', filters: 1, kernel_size: 1, use_bias: false, batch_input_shape: [null, 2, 2, 1], ...config } },
      ] } },
      weightsManifest: [{ paths: ['w'], weights: [{ name: 'c/kernel', shape: [1, 1, 1, 1], dtype: 'float32' }] }],
    });
    const w = new Uint8Array(Float32Array.of(2).buffer);
    const ok = await tn.loadLayersModel(tn.io.fromMemory(conv({ dilation_rate: [1, 1], data_format: 'channels_last', padding: 'same' }), w));
    expect((ok.predict(tn.ones([1, 2, 2, 1])) as tn.Tensor).dataSync()).toEqual(Float32Array.of(2, 2, 2, 2));
    await expect(tn.loadLayersModel(tn.io.fromMemory(conv({ padding: 'causal' }), w))).rejects.toThrow(/config\.padding must be one of 'valid', 'same', got "causal"/);
    await expect(tn.loadLayersModel(tn.io.fromMemory(conv({ data_format: 'channels_middle' }), w))).rejects.toThrow(/config\.data_format must be one of 'channels_last', 'channels_first', got "channels_middle"/);
    await expect(tn.loadLayersModel(tn.io.fromMemory(conv({ dilation_rate: [2, 0] }), w))).rejects.toThrow(/config\.dilation_rate must be a positive integer or a pair \[h, w\] of positive integers, got \[2, 0\]/);
    const dilated = await tn.loadLayersModel(tn.io.fromMemory(conv({ dilation_rate: [2, 3] }), w));
    expect(dilated.layers[0].getConfig().dilationRate).toEqual([2, 3]);
    // A 4x4 window on 2x2 leaves -1 (3x3 would leave 0: an empty output, as TF.js).
    await expect(tn.loadLayersModel(tn.io.fromMemory(conv({ kernel_size: 4 }), w))).rejects.toThrow(/layers\[0\] \("c"\)\.config does not fit its input of shape \[null, 2, 2, 1\]/);
  });

  it("a Dropout's noise_shape that is not null or a list of dims is the loader's error, naming layer and key", async () => {
    const withDropout = (noiseShape: unknown) => ({
      modelTopology: { class_name: 'Sequential', config: { layers: [
        { class_name: 'Flatten', config: { name: 'f', batch_input_shape: [null, 2, 2] } },
        { class_name: 'Dropout', config: { name: 'd', rate: 0.5, noise_shape: noiseShape, seed: null } },
      ] } },
    });
    for (const bad of ['same', [1, 0], [1.5, null], 3]) {
      await expect(tn.loadLayersModel(tn.io.fromMemory(withDropout(bad)))).rejects.toThrow(/^loadLayersModel: modelTopology\.config\.layers\[1\] \("d"\)\.config\.noise_shape must be null or an array of positive integers or nulls, got /);
    }
    const ok = await tn.loadLayersModel(tn.io.fromMemory(withDropout([null, 1])));
    expect(ok.layers[1].getConfig().noiseShape).toEqual([null, 1]);
  });

  it('bad JSON and non-JSON bytes', async () => {
    await expect(tn.loadLayersModel(await writeModel('badjson', '{"modelTopology": ', {}))).rejects.toThrow(/model\.json is not valid JSON/);
    await expect(tn.loadLayersModel(await writeModel('badutf8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), {}))).rejects.toThrow(/model\.json is not UTF-8 text/);
    await expect(tn.loadLayersModel(await writeModel('array', '[1, 2]', {}))).rejects.toThrow(/must be a JSON object \{modelTopology, weightsManifest\}, got \[1, 2\]/);
  });

  it("a model in tfjs-converter's format before 1.0 (tensorflowjs_model.pb) is named as such", async () => {
    const url = (await writeModel('pb', '{}', { 'tensorflowjs_model.pb': new Uint8Array([0x0a, 0x8f, 0xff, 0x01, 0x12]) })).replace(/model\.json$/, 'tensorflowjs_model.pb');
    await expect(tn.loadGraphModel(url)).rejects.toThrow(/tensorflowjs_model\.pb is not UTF-8 text: a \.pb file is a model in the format of tfjs-converter before 1\.0, which TF\.js 1\.0 and later do not read/);
  });
});

describe('Keras files', () => {
  it("Keras's bookkeeping keys (module, registered_name, build_config, shared_object_id) are ignored; other keys are refused", async () => {
    const bookkept = await load((j) => {
      Object.assign(layer(j, 0), { module: 'keras.layers', registered_name: null, build_config: { input_shape: [null, 3] } });
      Object.assign(layer(j, 0).config.kernel_initializer, { module: 'keras.initializers', registered_name: null, shared_object_id: 140 });
    });
    expect((bookkept.predict(tn.tensor2d([[1, 2, 3]])) as tn.Tensor).dataSync()[0]).toBeCloseTo(handModel([1, 2, 3]), 5);
    await expect(load((j) => (layer(j, 1).extra = 1))).rejects.toThrow(/layers\[1\]\.extra must be absent \(a layer entry has class_name, config, and from Keras also module, registered_name, build_config, shared_object_id\), got 1/);
    await expect(load((j) => (layer(j, 0).config.bias_initializer.extra = 1))).rejects.toThrow(/bias_initializer\.extra must be absent \(an initializer has class_name, config, and from Keras also/);
  });

  it("Keras 3's dtype policy reads as its name; a mixed policy runs in float32, as in TF.js; a float16 one is refused", async () => {
    const policy = (name: string) => ({ module: 'keras', class_name: 'DTypePolicy', config: { name }, registered_name: null });
    for (const name of ['float32', 'mixed_float16', 'mixed_bfloat16']) {
      const model = await load((j) => (layer(j, 0).config.dtype = policy(name)));
      expect(model.layers[0].dtype).toBe('float32');
      expect((model.predict(tn.tensor2d([[1, 2, 3]])) as tn.Tensor).dataSync()[0]).toBeCloseTo(handModel([1, 2, 3]), 5);
    }
    await expect(load((j) => (layer(j, 0).config.dtype = policy('float16')))).rejects.toThrow(/layers\[0\] \("dense_Dense1"\)\.config\.dtype must be 'float32', 'float64', 'int32' or 'bool' \(or Keras's mixed_float16 or mixed_bfloat16, run in float32\), got "float16"/);
  });

  it("BatchNormalization's axis as a one-element list, negative included; longer lists and a non-boolean synchronized are refused", async () => {
    const bn = (config: Json) => ({
      modelTopology: { class_name: 'Sequential', config: { layers: [
        { class_name: 'BatchNormalization', config: { name: 'bn', batch_input_shape: [null, 2], momentum: 0.99, epsilon: 0.001, ...config } },
      ] } },
      weightsManifest: [{ paths: ['w'], weights: ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((n) => ({ name: `bn/${n}`, shape: [2], dtype: 'float32' })) }],
    });
    // gamma, beta, mean, variance per feature: (x − mean) / sqrt(var + ε) · gamma + beta.
    const w = new Uint8Array(Float32Array.of(2, 1, 0.5, -1, 1, 2, 4, 9).buffer);
    const x = tn.tensor2d([[3, 5]]);
    const want = [((3 - 1) / Math.sqrt(4.001)) * 2 + 0.5, ((5 - 2) / Math.sqrt(9.001)) * 1 - 1];
    for (const axis of [[1], [-1]]) {
      const model = await tn.loadLayersModel(tn.io.fromMemory(bn({ axis, synchronized: true }), w));
      const y = (model.predict(x) as tn.Tensor).dataSync();
      want.forEach((v, i) => expect(y[i]).toBeCloseTo(v, 5));
    }
    await expect(tn.loadLayersModel(tn.io.fromMemory(bn({ axis: [0, 1] }), w))).rejects.toThrow(/layers\.batchNormalization: axis must be an integer \(or a list of one, as Keras writes it\), got \[0,1\]/);
    await expect(tn.loadLayersModel(tn.io.fromMemory(bn({ synchronized: 'yes' }), w))).rejects.toThrow(/layers\.batchNormalization: synchronized must be a boolean, got string "yes"/);
  });

  it('a recurrent layer with time_major: true is refused (tessera, as TF.js, runs batch-major only)', async () => {
    const json = {
      modelTopology: { class_name: 'Sequential', config: { layers: [
        { class_name: 'SimpleRNN', config: { name: 'rnn', units: 1, batch_input_shape: [null, 2, 1], time_major: true } },
      ] } },
      weightsManifest: [{ paths: ['w'], weights: [{ name: 'rnn/kernel', shape: [1, 1], dtype: 'float32' }, { name: 'rnn/recurrent_kernel', shape: [1, 1], dtype: 'float32' }, { name: 'rnn/bias', shape: [1], dtype: 'float32' }] }],
    };
    await expect(tn.loadLayersModel(tn.io.fromMemory(json, new Uint8Array(12)))).rejects.toThrow(/layers\[0\] \("rnn"\)\.config\.time_major must be false or null \(tessera does not implement other values\), got true/);
  });

  it("Keras's settings that TF.js's layers lack load at their neutral values only (groups 1, keepdims false, channels_last 1-D pools, ReLU's slope and threshold 0)", async () => {
    const one = (className: string, inShape: number[], config: Json) => tn.loadLayersModel(tn.io.fromMemory({ modelTopology: { class_name: 'Sequential', config: { layers: [
      { class_name: 'InputLayer', config: { batch_input_shape: [null, ...inShape], dtype: 'float32', name: 'in' } },
      { class_name: className, config: { name: 'l', ...config } },
    ] } } }));
    const conv1d = { filters: 2, kernel_size: [3], use_bias: false };
    expect((await one('Conv1D', [6, 2], { ...conv1d, groups: 1 })).outputShape).toEqual([null, 4, 2]);
    expect((await one('GlobalMaxPooling1D', [6, 2], { keepdims: false, data_format: 'channels_last' })).outputShape).toEqual([null, 2]);
    await expect(one('Conv1D', [6, 2], { ...conv1d, groups: 2 })).rejects.toThrow(/layers\[1\] \("l"\)\.config\.groups must be 1 \(tessera does not implement other values\), got 2/);
    await expect(one('GlobalAveragePooling2D', [3, 3, 2], { keepdims: true })).rejects.toThrow(/config\.keepdims must be false \(tessera does not implement other values\), got true/);
    await expect(one('MaxPooling1D', [6, 2], { pool_size: [2], data_format: 'channels_first' })).rejects.toThrow(/config\.data_format must be channels_last \(tessera does not implement other values\), got "channels_first"/);
    await expect(one('ReLU', [4], { negative_slope: 0.1 })).rejects.toThrow(/config\.negative_slope must be 0 \(tessera does not implement other values\), got 0\.1/);
    await expect(one('ReLU', [4], { threshold: 1 })).rejects.toThrow(/config\.threshold must be 0/);
  });
});

describe('JSON safety', () => {
  it('__proto__ and constructor keys are data, never prototypes', async () => {
    const text = JSON.stringify(handWrittenModelJson()).replace('{"modelTopology":', '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "modelTopology":');
    const model = await tn.loadLayersModel(await writeModel('proto-top', text, { 'weights.bin': BYTES }));
    expect(model.layers).toHaveLength(2);
    expect(({} as Json).polluted).toBeUndefined();

    const inLayer = JSON.stringify(handWrittenModelJson()).replace('"units":1,', '"units":1,"__proto__":{"polluted":3},');
    await expect(tn.loadLayersModel(await writeModel('proto-layer', inLayer, { 'weights.bin': BYTES }))).rejects.toThrow(/config\.__proto__ must be absent/);
    const inInit = JSON.stringify(handWrittenModelJson()).replace('"config":{}', '"config":{"__proto__":{"polluted":4}}');
    await expect(tn.loadLayersModel(await writeModel('proto-init', inInit, { 'weights.bin': BYTES }))).rejects.toThrow(/bias_initializer\.config\.__proto__ must be absent/);
    await expect(load((j) => (layer(j, 0).class_name = 'constructor'))).rejects.toThrow(/class_name must be one of/);
    await expect(load((j) => (layer(j, 0).config.kernel_initializer = { class_name: '__proto__', config: {} }))).rejects.toThrow(/class_name must be one of/);
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('no partial model, no global change', () => {
  it('strict: false loads a whole model as strict does, from every source, and still refuses a file missing a weight; a non-boolean strict is refused before anything is read', async () => {
    const url = await writeModel('strict', handWrittenModelJson(), { 'weights.bin': BYTES });
    let read = false;
    const json = handWrittenModelJson() as Json;
    const handler = { load: async (): Promise<tn.ModelArtifacts> => { read = true; return { modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: BYTES.slice().buffer }; } };
    for (const source of [url, handler]) {
      await expect(tn.loadLayersModel(source, { strict: 'false' as never })).rejects.toThrow(/loadLayersModel: options\.strict must be a boolean, got "false"/);
    }
    expect(read).toBe(false);
    const want = (await tn.loadLayersModel(url, { strict: true })).getWeights().map((w) => Array.from(w.dataSync()));
    for (const source of [url, handler]) {
      expect((await tn.loadLayersModel(source, { strict: false })).getWeights().map((w) => Array.from(w.dataSync()))).toEqual(want);
    }
    const missing = { load: async (): Promise<tn.ModelArtifacts> => ({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights.slice(0, -1), weightData: BYTES.slice(0, BYTES.length - 4 * json.weightsManifest[0].weights.at(-1)!.shape.reduce((a: number, b: number) => a * b, 1)).buffer }) };
    await expect(tn.loadLayersModel(missing, { strict: false })).rejects.toThrow(/loadLayersModel: weightSpecs must list \d+ weights for these layers/);
  });

  it('a failing load leaves layer naming untouched and returns nothing', async () => {
    const before = tn.layers.dense({ units: 1 }).name;
    await expect(load((j) => (j.weightsManifest[0].weights[2].shape = [1, 2]))).rejects.toThrow(/weightSpecs\[2\]/);
    const after = tn.layers.dense({ units: 1 }).name;
    const n = (s: string) => Number(s.split('_')[1] ?? 0);
    expect(n(after)).toBe(n(before) + 1);
  });

  it('Keras converter files: model_config nesting, an InputLayer first, training_config ignored', async () => {
    const json = handWrittenModelJson() as Json;
    const layers = json.modelTopology.config.layers;
    delete layers[0].config.batch_input_shape;
    layers.unshift({ class_name: 'InputLayer', config: { batch_input_shape: [null, 3], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' } });
    json.modelTopology = { keras_version: '2.15.0', backend: 'tensorflow', model_config: json.modelTopology, training_config: { loss: 'mse' } };
    const model = await tn.loadLayersModel(tn.io.fromMemory(json, BYTES));
    expect(model.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'Dense', 'Dense']);
    expect(model.layers[0].batchInputShape).toEqual([null, 3]);
  });
});

describe('a URL no handler takes', () => {
  it('another scheme than http(s) is refused naming the URL and the ways that load (it failed in fetch)', async () => {
    await expect(tn.loadLayersModel('foo://x/model.json')).rejects.toThrow(/^loadLayersModel: no load handler for URL 'foo:\/\/x\/model.json'; tessera loads from indexeddb:\/\/name/);
    await expect(tn.loadGraphModel('s3://bucket/model.json')).rejects.toThrow(/^loadGraphModel: no load handler for URL 's3:\/\/bucket\/model.json'/);
  });
});
