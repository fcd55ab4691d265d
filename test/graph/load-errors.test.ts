import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { attr, GraphBuilder } from './graph-builder';

const T = { T: attr.type('DT_FLOAT') };

function small(seed = 1): GraphBuilder {
  const g = new GraphBuilder(seed);
  g.placeholder('x', [-1, 3]);
  g.const('w', [3, 2]);
  g.op('y', 'MatMul', ['x', 'w'], T);
  g.op('out', 'Relu', ['y'], T);
  return g;
}

describe('loading and running graph models: memory and bad input', () => {
  it('predict leaves only its outputs, and dispose frees every weight', async () => {
    const start = tn.memory().numTensors;
    const model = await tn.loadGraphModel(tn.io.fromMemory(small().artifacts()));
    expect(tn.memory().numTensors).toBe(start + 1);
    const x = tn.ones([2, 3]);
    const y = model.predict(x) as tn.Tensor;
    expect(tn.memory().numTensors).toBe(start + 3);
    tn.dispose([x, y]);
    model.dispose();
    expect(tn.memory().numTensors).toBe(start);
    expect(() => model.predict(tn.ones([1, 3]))).toThrow(/disposed/);
  });

  it('loads from file:// and synchronously from memory', async () => {
    const g = small();
    const a = g.artifacts();
    const dir = mkdtempSync(join(tmpdir(), 'tessera-graph-'));
    writeFileSync(join(dir, 'group1-shard1of1.bin'), new Uint8Array(a.weightData));
    const json = { modelTopology: a.modelTopology, format: a.format, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: a.weightSpecs }] };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
    const fromFile = await tn.loadGraphModel(`file://${join(dir, 'model.json')}`);
    // The file's errors name the call that loads it.
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...json, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [{ name: 'w', shape: [3, 2], dtype: 'float16' }] }] }));
    await expect(tn.loadGraphModel(`file://${join(dir, 'bad.json')}`)).rejects.toThrow(/^loadGraphModel: weightsManifest\[0\]\.weights\[0\]\.dtype must be/);
    const fromArray = tn.loadGraphModelSync([json as tn.io.ModelJSON, a.weightData]);
    const fromHandler = tn.loadGraphModelSync(tn.io.fromMemorySync(a));
    const x = tn.tensor([[1, -2, 3], [0.5, 0.25, -1]]);
    const want = Array.from((fromFile.predict(x) as tn.Tensor).dataSync());
    expect(Array.from((fromArray.predict(x) as tn.Tensor).dataSync())).toEqual(want);
    expect(Array.from((fromHandler.predict(x) as tn.Tensor).dataSync())).toEqual(want);
    expect(() => tn.loadGraphModelSync({} as tn.io.ModelArtifacts)).toThrow(/loadGraphModelSync: modelSource must be/);
  });

  it('wrong inputs and outputs are refused, naming what came and what was expected', async () => {
    const model = await tn.loadGraphModel(tn.io.fromMemory(small().artifacts()));
    expect(() => model.predict(tn.ones([2, 4]))).toThrow("GraphModel.execute: inputs['x'] must be shape [null, 3] (the input's Placeholder shape), got shape [2, 4]");
    expect(() => model.predict(tn.ones([2, 3], 'int32'))).toThrow(/inputs\['x'\] must be dtype float32.*got dtype int32/);
    expect(() => model.predict({ nope: tn.ones([2, 3]) })).toThrow(/inputs must be keys naming nodes of the graph \(its inputs are \[x\]\), got the key 'nope'/);
    expect(() => model.predict([tn.ones([2, 3]), tn.ones([2, 3])])).toThrow(/inputs must be 1 tensors, one per input node \[x\].*got 2 tensors/);
    expect(() => model.execute(tn.ones([2, 3]), 'missing:0')).toThrow(/outputs must be names of nodes of the graph.*got "missing:0"/);
    expect(() => model.execute(tn.ones([2, 3]), 'y:3')).toThrow(/output 'y:3' has no value \(node 'y' gave 1 outputs\)/);
    expect(() => model.execute({}, 'out')).toThrow(/cannot compute the outputs \[out\] from the inputs \[\]: missing the inputs \[x\]/);
  });

  it('an unknown op, a While without its functions, or a Const without its weight fails the load, naming the node', async () => {
    const g = small();
    g.op('weird', 'FancyOp', ['out'], T);
    await expect(tn.loadGraphModel(tn.io.fromMemory(g.artifacts()))).rejects.toThrow(/node 'weird' \(FancyOp\): tessera's GraphModel does not run this op/);
    const loop = small();
    loop.op('w1', 'While', ['out'], {});
    await expect(tn.loadGraphModel(tn.io.fromMemory(loop.artifacts()))).rejects.toThrow(/node 'w1' \(While\): attr 'cond' must name a function of the model's library, got none/);
    const fused = small();
    fused.op('f', '_FusedMatMul', ['x', 'w'], { ...T, fused_ops: attr.strs(['BiasAdd', 'Add']) });
    await expect(tn.loadGraphModel(tn.io.fromMemory(fused.artifacts()))).rejects.toThrow(/node 'f' \(_FusedMatMul\): fused_ops \[biasadd, add\] is not supported/);
    const a = small().artifacts();
    a.weightSpecs = [];
    a.weightData = new ArrayBuffer(0);
    await expect(tn.loadGraphModel(tn.io.fromMemory(a))).rejects.toThrow(/node 'w' \(Const\): no weight is named 'w'/);
    const bad = small();
    bad.op('r', 'Relu', ['nowhere'], T);
    await expect(tn.loadGraphModel(tn.io.fromMemory(bad.artifacts()))).rejects.toThrow(/node 'r' \(Relu\): input 'nowhere' names no node of the graph/);
    const nchw = small();
    nchw.op('bias', 'BiasAdd', ['y', 'w'], { ...T, data_format: attr.s('NCHW') });
    await expect(tn.loadGraphModel(tn.io.fromMemory(nchw.artifacts()))).rejects.toThrow(/node 'bias' \(BiasAdd\): data_format 'NCHW' is not supported/);
  });

  it('nodes TF.js would compute wrongly are refused at load: a OneHot along another axis, a dilated Conv2DBackpropInput, an unknown crop method', async () => {
    const refused = async (add: (g: GraphBuilder) => void, message: RegExp) => {
      const g = small();
      add(g);
      await expect(tn.loadGraphModel(tn.io.fromMemory(g.artifacts()))).rejects.toThrow(message);
    };
    await refused((g) => g.op('h', 'OneHot', ['x', 'x', 'x', 'x'], { ...T, axis: attr.i(0) }), /node 'h' \(OneHot\): attr 'axis' 0 is not supported/);
    const deconv = { ...T, strides: attr.ints([1, 1, 1, 1]), padding: attr.s('SAME'), data_format: attr.s('NHWC'), dilations: attr.ints([1, 2, 2, 1]) };
    await refused((g) => g.op('d', 'Conv2DBackpropInput', ['x', 'w', 'out'], deconv), /node 'd' \(Conv2DBackpropInput\): attr 'dilations' other than 1 is not supported, got \[2, 2\]/);
    await refused((g) => g.op('c', 'CropAndResize', ['x', 'w', 'x', 'x'], { ...T, method: attr.s('bicubic') }), /node 'c' \(CropAndResize\): attr 'method' must be 'bilinear' or 'nearest', got 'bicubic'/);
    await refused((g) => g.op('p', 'MaxPool', ['x'], { ...T, ksize: attr.ints([1, 2, 2, 1]), strides: attr.ints([1, 2, 2, 1]), padding: attr.s('Full') }), /node 'p' \(MaxPool\): attr 'padding' must be 'SAME', 'VALID' or 'EXPLICIT', got 'FULL'/);
    await refused((g) => g.op('m', 'MirrorPad', ['x', 'x'], { ...T, mode: attr.s('wrap') }), /node 'm' \(MirrorPad\): attr 'mode' must be 'REFLECT' or 'SYMMETRIC', got 'WRAP'/);
    await refused((g) => g.op('t', 'ImageProjectiveTransformV3', ['x', 'x', 'x', 'x'], { interpolation: attr.s('BILINEAR'), fill_mode: attr.s('MIRROR') }), /node 't' \(ImageProjectiveTransformV3\): attr 'fill_mode' must be 'CONSTANT', 'REFLECT', 'WRAP' or 'NEAREST', got 'MIRROR'/);
  });

  it("float attrs as proto3's JSON writes them: non-finite values and decimals as strings", async () => {
    const run = async (alpha: unknown) => {
      const g = new GraphBuilder(1);
      g.placeholder('x', [-1, 3]);
      g.op('y', 'LeakyRelu', ['x'], { ...T, alpha: { f: alpha } as never });
      const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
      return Array.from((model.predict(tn.tensor([[-2, 1, 3]])) as tn.Tensor).dataSync());
    };
    expect(await run('0.5')).toEqual([-1, 1, 3]);
    expect(await run('Infinity')).toEqual([-Infinity, 1, 3]);
    expect(await run('-2.5e-1')).toEqual([0.5, 1, 3]);
    await expect(run('half')).rejects.toThrow(/node 'y' \(LeakyRelu\): attr 'alpha' must be a number \(or a float as proto3 JSON writes it.*got "half"/);
  });

  it('a layers model passed to loadGraphModel points to loadLayersModel, and the other way round', async () => {
    const layers = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [3] })] });
    let saved: tn.io.ModelArtifacts | undefined;
    await layers.save(tn.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    await expect(tn.loadGraphModel(tn.io.fromMemory(saved!))).rejects.toThrow(/this is a layers model .* load it with tn\.loadLayersModel/);
    await expect(tn.loadLayersModel(tn.io.fromMemory(small().artifacts()))).rejects.toThrow(/this is a graph model .* load it with tn\.loadGraphModel/);
    await expect(tn.loadGraphModel(42 as unknown as string)).rejects.toThrow(/loadGraphModel: modelUrl must be a URL/);
  });
});
