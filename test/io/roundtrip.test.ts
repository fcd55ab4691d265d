import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { HAND_WEIGHTS, captureArtifacts, handModel, handWrittenModelJson, randomInput, smallModel } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectSameModel(a: tn.LayersModel, b: tn.LayersModel, x: tn.Tensor): void {
  expect(b.name).toBe(a.name);
  expect(b.layers.map((l) => l.name)).toEqual(a.layers.map((l) => l.name));
  // The same model.json (getConfig differs as TF.js's does: a loaded layer gives back the nulls its file holds).
  expect(b.toJSON(null, false)).toEqual(a.toJSON(null, false));
  const wa = a.getWeights();
  const wb = b.getWeights();
  expect(wb.map((w) => [w.shape, w.dtype])).toEqual(wa.map((w) => [w.shape, w.dtype]));
  wa.forEach((w, i) => expect(wb[i].dataSync()).toEqual(w.dataSync()));
  expect((b.predict(x) as tn.Tensor).dataSync()).toEqual((a.predict(x) as tn.Tensor).dataSync());
}

describe('file:// round trip', () => {
  it('writes model.json and weights.bin, and loads the same model back', async () => {
    const model = smallModel({ name: 'roundtrip' });
    const target = join(dir, 'nested', 'model-a');
    const result = await model.save(`file://${target}`);
    expect(result.modelArtifactsInfo.modelTopologyType).toBe('JSON');
    expect(result.modelArtifactsInfo.dateSaved).toBeInstanceOf(Date);
    expect(result.modelArtifactsInfo.weightDataBytes).toBe(model.countParams() * 4);
    expect((await readdir(target)).sort()).toEqual(['model.json', 'weights.bin']);
    const json = JSON.parse(await readFile(join(target, 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(json.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['Conv2D', 'MaxPooling2D', 'Flatten', 'Dropout', 'Dense', 'Dense', 'Activation']);

    const loaded = await tn.loadLayersModel(`file://${join(target, 'model.json')}`);
    expectSameModel(model, loaded, randomInput([3, 6, 6, 2], 1));
  });

  it('overwrites an earlier save in place, leaving no temporary files', async () => {
    const target = join(dir, 'overwrite');
    await smallModel().save(`file://${target}`);
    const second = smallModel();
    await second.save(`file://${target}`);
    expect((await readdir(target)).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await tn.loadLayersModel(`file://${target}/model.json`);
    expect(loaded.getWeights()[0].dataSync()).toEqual(second.getWeights()[0].dataSync());
  });

  it('draws nothing from Math.random, as tfjs-node saves (a seeded program draws the same after a save)', async () => {
    const model = smallModel();
    const random = Math.random;
    let draws = 0;
    Math.random = () => {
      draws++;
      return random();
    };
    try {
      await model.save(`file://${join(dir, 'no-draws')}`);
      await model.save(`file://${join(dir, 'no-draws')}`);
    } finally {
      Math.random = random;
    }
    expect(draws).toBe(0);
    expect((await readdir(join(dir, 'no-draws'))).sort()).toEqual(['model.json', 'weights.bin']);
  });

  it('refuses to save onto an existing file, saying a folder is needed, before writing anything', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'keep me');
    await expect(smallModel().save(`file://${file}`)).rejects.toThrow(`save: ${file} exists as a file; the path must be a folder (existing, or one to make) to write model.json and weights.bin in`);
    await expect(smallModel().save(`file://${file}/sub`)).rejects.toThrow(`save: could not save the model to ${file}/sub: ENOTDIR`);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it("refuses tfjs-node's array form of io.fileSystem (a binary GraphDef and its manifest), pointing to model.json", () => {
    expect(() => tn.io.fileSystem([join(dir, 'model.json'), join(dir, 'weights.bin')] as never)).toThrow(
      /io\.fileSystem: path must be a single path \(a folder to save to, a model\.json to load\); the array form of tfjs-node is for a binary GraphDef .* pass that file's path, got an array of length 2/,
    );
  });

  it('writes the user-defined metadata into model.json and reads it back', async () => {
    const model = smallModel();
    model.setUserDefinedMetadata({ labels: ['a', 'b'], version: 2 });
    const target = join(dir, 'metadata');
    await model.save(`file://${target}`);
    const json = JSON.parse(await readFile(join(target, 'model.json'), 'utf8'));
    expect(json.userDefinedMetadata).toEqual({ labels: ['a', 'b'], version: 2 });
    const loaded = await tn.loadLayersModel(`file://${target}/model.json`);
    expect(loaded.getUserDefinedMetadata()).toEqual({ labels: ['a', 'b'], version: 2 });
  });

  it('keeps a float64 model float64', async () => {
    const model = smallModel({ dtype: 'float64' });
    await model.save(`file://${join(dir, 'f64')}`);
    const loaded = await tn.loadLayersModel(`file://${join(dir, 'f64', 'model.json')}`);
    expect(loaded.getWeights().every((w) => w.dtype === 'float64')).toBe(true);
    expectSameModel(model, loaded, randomInput([2, 6, 6, 2], 2, 'float64'));
  });

  it('loads a hand-written TF.js model.json and weights.bin', async () => {
    const target = join(dir, 'hand');
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(target);
    await writeFile(join(target, 'model.json'), JSON.stringify(handWrittenModelJson()));
    await writeFile(join(target, 'weights.bin'), new Uint8Array(HAND_WEIGHTS.buffer));
    const model = await tn.loadLayersModel(`file://${target}/model.json`);
    const rows: [number, number, number][] = [[1, 2, 3], [-1, 0.5, 2], [0.3, -0.7, 0.1]];
    const out = (model.predict(tn.tensor(rows.flat(), [3, 3])) as tn.Tensor).dataSync();
    rows.forEach((r, i) => expect(out[i]).toBeCloseTo(handModel(r), 5));
    // The file's initializer (TF.js's default, which tessera cannot draw) is kept for the next save.
    expect(model.layers[0].getConfig().kernelInitializer).toEqual({ className: 'VarianceScaling', config: { scale: 1, mode: 'fanAvg', distribution: 'normal', seed: null } });
  });

  it('refuses weights whose names are not the layers\' names, as TF.js (it never assigns them by order)', async () => {
    const json = handWrittenModelJson() as { weightsManifest: { weights: { name: string }[] }[] };
    json.weightsManifest[0].weights.forEach((w, i) => (w.name = `w${i}`));
    await expect(tn.loadLayersModel(tn.io.fromMemory(json, HAND_WEIGHTS.buffer))).rejects.toThrow('loadLayersModel: Provided weight data has no target variable: w0');
  });

  it('finds weights named as Keras 3 (layer/vars/index) and TF 2.2+ (layer/cell/name) name them, as TF.js', async () => {
    for (const names of [['dense_Dense1/vars/0', 'dense_Dense1/vars/1', 'dense_Dense2/vars/0', 'dense_Dense2/vars/1'], ['dense_Dense1/cell/kernel', 'dense_Dense1/cell/bias', 'dense_Dense2/kernel', 'dense_Dense2/bias']]) {
      const json = handWrittenModelJson() as { weightsManifest: { weights: { name: string }[] }[] };
      json.weightsManifest[0].weights.forEach((w, i) => (w.name = names[i]));
      const model = await tn.loadLayersModel(tn.io.fromMemory(json, HAND_WEIGHTS.buffer));
      expect((model.predict(tn.tensor([1, 2, 3], [1, 3])) as tn.Tensor).dataSync()[0]).toBeCloseTo(handModel([1, 2, 3]), 5);
    }
  });

  it('reads weights split over several shards and groups', async () => {
    const json = handWrittenModelJson();
    const specs = (json.weightsManifest as { weights: unknown[] }[])[0].weights;
    json.weightsManifest = [
      { paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: specs.slice(0, 2) },
      { paths: ['group2-shard1of1.bin'], weights: specs.slice(2) },
    ];
    const target = join(dir, 'shards');
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(target);
    const bytes = new Uint8Array(HAND_WEIGHTS.buffer);
    await writeFile(join(target, 'model.json'), JSON.stringify(json));
    await writeFile(join(target, 'group1-shard1of2.bin'), bytes.subarray(0, 10));
    await writeFile(join(target, 'group1-shard2of2.bin'), bytes.subarray(10, 32));
    await writeFile(join(target, 'group2-shard1of1.bin'), bytes.subarray(32));
    const model = await tn.loadLayersModel(`file://${target}/model.json`);
    expect((model.predict(tn.tensor([1, 2, 3], [1, 3])) as tn.Tensor).dataSync()[0]).toBeCloseTo(handModel([1, 2, 3]), 5);
  });
});

describe('in-memory handlers', () => {
  it('round-trips through withSaveHandler and fromMemory in its three forms', async () => {
    const model = smallModel();
    const a = await captureArtifacts(model);
    const x = randomInput([2, 6, 6, 2], 3);
    expectSameModel(model, await tn.loadLayersModel(tn.io.fromMemory(a)), x);
    const modelJson = { modelTopology: a.modelTopology as object, weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs ?? [] }] };
    expectSameModel(model, await tn.loadLayersModel(tn.io.fromMemory(modelJson, a.weightData as ArrayBuffer)), x);
    expectSameModel(model, await tn.loadLayersModel(tn.io.fromMemory(a.modelTopology as object, a.weightSpecs, a.weightData as ArrayBuffer)), x);
  });

  it('saves a model whose input shape came from an InputLayer, recording it on the first layer', async () => {
    const model = tn.sequential({ layers: [tn.layers.inputLayer({ inputShape: [3] }), tn.layers.dense({ units: 2, name: 'after_input' })] });
    const x = randomInput([2, 3], 4);
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(await captureArtifacts(model)));
    expect(loaded.layers[0].batchInputShape).toEqual([null, 3]);
    expect((loaded.predict(x) as tn.Tensor).dataSync()).toEqual((model.predict(x) as tn.Tensor).dataSync());
  });

  it('orders frozen layers last as TF.js does, and restores them frozen', async () => {
    const model = tn.sequential({ layers: [
      tn.layers.dense({ units: 3, inputShape: [2], name: 'frozen', trainable: false }),
      tn.layers.dense({ units: 1, name: 'head' }),
    ] });
    const a = await captureArtifacts(model);
    expect(a.weightSpecs?.map((s) => s.name)).toEqual(['head/kernel', 'head/bias', 'frozen/kernel', 'frozen/bias']);
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(a));
    expect(loaded.layers[0].trainable).toBe(false);
    expectSameModel(model, loaded, randomInput([2, 2], 5));
  });

  it('does not draw from the random seed sequence while loading', async () => {
    const a = await captureArtifacts(smallModel());
    tn.setRandomSeed(99);
    const expected = tn.layers.dense({ units: 3, inputShape: [4] }).getWeights()[0].dataSync();
    tn.setRandomSeed(99);
    await tn.loadLayersModel(tn.io.fromMemory(a));
    expect(tn.layers.dense({ units: 3, inputShape: [4] }).getWeights()[0].dataSync()).toEqual(expected);
  });

  it('rejects save targets and load sources it has no handler for', async () => {
    const model = smallModel();
    await expect(model.save('ftp://host/m')).rejects.toThrow(/save: no save handler for URL 'ftp:\/\/host\/m'; tessera saves to indexeddb:\/\/name/);
    await expect(model.save({} as tn.IOHandler)).rejects.toThrow(/IOHandler with a save method/);
    await expect(model.save('')).rejects.toThrow(/save: handlerOrURL must be a URL/);
    await expect(tn.loadLayersModel(42 as never)).rejects.toThrow(/loadLayersModel: pathOrIOHandler must be a URL/);
    expect(() => tn.io.withSaveHandler(42 as never)).toThrow(/io.withSaveHandler: saveHandler must be a function/);
  });
});
