import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { attr, GraphBuilder } from './graph-builder';
import { expectSame, inputPair, loadBoth } from './helpers';

const conv = (strides = [1, 1, 1, 1], padding = 'SAME') => ({ strides: attr.ints(strides), padding: attr.s(padding), data_format: attr.s('NHWC'), dilations: attr.ints([1, 1, 1, 1]) });
const T = { T: attr.type('DT_FLOAT') };

describe('graph models run as TF.js 4.22 runs them', () => {
  it('a small CNN: Conv2D + BiasAdd + Relu, _FusedConv2D, MaxPool, Reshape, MatMul, Softmax', async () => {
    const g = new GraphBuilder(1);
    g.placeholder('x', [-1, 8, 8, 3]);
    g.const('k1', [3, 3, 3, 4]);
    g.const('b1', [4]);
    g.op('conv1', 'Conv2D', ['x', 'k1'], { ...conv(), ...T });
    g.op('bias1', 'BiasAdd', ['conv1', 'b1'], { ...T, data_format: attr.s('NHWC') });
    g.op('relu1', 'Relu', ['bias1'], T);
    g.const('k2', [3, 3, 4, 6]);
    g.const('b2', [6]);
    g.op('conv2', '_FusedConv2D', ['relu1', 'k2', 'b2'], { ...conv([1, 1, 1, 1], 'VALID'), ...T, num_args: attr.i(1), fused_ops: attr.strs(['BiasAdd', 'Relu']), epsilon: attr.f(0) });
    g.op('pool', 'MaxPool', ['conv2'], { ksize: attr.ints([1, 2, 2, 1]), strides: attr.ints([1, 2, 2, 1]), padding: attr.s('VALID'), ...T });
    g.const('shape', [2], [-1, 54], 'int32');
    g.op('flat', 'Reshape', ['pool', 'shape'], { ...T, Tshape: attr.type('DT_INT32') });
    g.const('w', [54, 5]);
    g.const('b3', [5]);
    g.op('dense', 'MatMul', ['flat', 'w'], { ...T, transpose_a: attr.b(false), transpose_b: attr.b(false) });
    g.op('logits', 'BiasAdd', ['dense', 'b3'], T);
    g.op('probs', 'Softmax', ['logits'], T);
    const { peer, ours } = await loadBoth(g);
    expect(ours.inputNodes).toEqual(peer.inputNodes);
    expect(ours.outputNodes).toEqual(peer.outputNodes);
    expect(ours.inputs).toEqual(peer.inputs);
    expect(ours.outputs).toEqual(peer.outputs);
    // An unknown shape or dtype is there as undefined, as TF.js's (toEqual alone would pass a missing key).
    expect(ours.inputs.map((i) => Object.keys(i))).toEqual(peer.inputs.map((i) => Object.keys(i)));
    expect(ours.outputs.map((o) => Object.keys(o))).toEqual(peer.outputs.map((o) => Object.keys(o)));
    expect(ours.modelVersion).toBe(peer.modelVersion);
    expect(Object.keys(ours.weights).sort()).toEqual(Object.keys(peer.weights).sort());
    const { t, tfx } = inputPair(g, [2, 8, 8, 3]);
    expectSame(ours.predict(t) as tn.Tensor, peer.predict(tfx) as tf.Tensor);
    // execute with an intermediate output by name, and a list of two.
    expectSame(ours.execute(t, 'pool') as tn.Tensor, peer.execute(tfx, 'pool') as tf.Tensor);
    expectSame(ours.execute(t, ['relu1', 'logits:0']) as tn.Tensor[], peer.execute(tfx, ['relu1', 'logits:0']) as tf.Tensor[]);
  });

  it('a depthwise / batch-norm block with fused epilogues (relu6, elu, leakyrelu, sigmoid), AvgPool, Mean and _FusedMatMul', async () => {
    const g = new GraphBuilder(2);
    g.placeholder('x', [-1, 9, 9, 4]);
    g.const('dw', [3, 3, 4, 2]);
    g.op('depth', 'DepthwiseConv2dNative', ['x', 'dw'], { ...conv([1, 2, 2, 1]), ...T });
    for (const name of ['scale', 'offset', 'mean']) g.const(name, [8]);
    g.const('var', [8], g.randoms(8).map((v) => Math.abs(v) + 0.5));
    g.op('bn', 'FusedBatchNormV3', ['depth', 'scale', 'offset', 'mean', 'var'], { ...T, U: attr.type('DT_FLOAT'), epsilon: attr.f(0.001), data_format: attr.s('NHWC'), is_training: attr.b(false) });
    g.op('r6', 'Relu6', ['bn'], T);
    g.const('dw2', [3, 3, 8, 1]);
    g.const('db2', [8]);
    g.op('fdw', 'FusedDepthwiseConv2dNative', ['r6', 'dw2', 'db2'], { ...conv(), ...T, num_args: attr.i(1), fused_ops: attr.strs(['BiasAdd', 'Relu6']) });
    g.const('k3', [1, 1, 8, 6]);
    g.const('b3', [6]);
    g.op('pw', '_FusedConv2D', ['fdw', 'k3', 'b3'], { ...conv(), ...T, num_args: attr.i(1), fused_ops: attr.strs(['BiasAdd', 'Elu']) });
    g.const('k4', [2, 2, 6, 6]);
    g.const('b4', [6]);
    g.op('pw2', '_FusedConv2D', ['pw', 'k4', 'b4'], { ...conv([1, 1, 1, 1], 'EXPLICIT'), explicit_paddings: attr.ints([0, 0, 1, 0, 0, 1, 0, 0]), ...T, num_args: attr.i(1), fused_ops: attr.strs(['BiasAdd', 'LeakyRelu']), leakyrelu_alpha: attr.f(0.3) });
    g.op('avg', 'AvgPool', ['pw2'], { ksize: attr.ints([1, 2, 2, 1]), strides: attr.ints([1, 1, 1, 1]), padding: attr.s('SAME'), ...T });
    g.const('axes', [2], [1, 2], 'int32');
    g.op('gap', 'Mean', ['avg', 'axes'], { ...T, keep_dims: attr.b(false) });
    g.const('w', [6, 3]);
    g.const('b', [3]);
    g.op('fc', '_FusedMatMul', ['gap', 'w', 'b'], { ...T, num_args: attr.i(1), fused_ops: attr.strs(['BiasAdd', 'Sigmoid']), transpose_a: attr.b(false), transpose_b: attr.b(false) });
    const { peer, ours } = await loadBoth(g);
    const { t, tfx } = inputPair(g, [3, 9, 9, 4]);
    expectSame(ours.predict(t) as tn.Tensor, peer.predict(tfx) as tf.Tensor);
    expectSame(ours.execute(t, ['r6', 'pw2']) as tn.Tensor[], peer.execute(tfx, ['r6', 'pw2']) as tf.Tensor[]);
  });

  it('_FusedConv2D with FusedBatchNorm (TF.js refuses it) gives what TF.js gives for the same convolution, batch norm and relu unfused', async () => {
    const fused = new GraphBuilder(3);
    const plain = new GraphBuilder(3);
    for (const g of [fused, plain]) {
      g.placeholder('x', [-1, 5, 5, 2]);
      g.const('k', [3, 3, 2, 4]);
      for (const name of ['scale', 'offset', 'mean']) g.const(name, [4]);
      g.const('var', [4], g.randoms(4).map((v) => Math.abs(v) + 0.5));
    }
    fused.op('y', '_FusedConv2D', ['x', 'k', 'scale', 'offset', 'mean', 'var'], { ...conv(), ...T, num_args: attr.i(4), fused_ops: attr.strs(['FusedBatchNorm', 'Relu']), epsilon: attr.f(0.001) });
    plain.op('c', 'Conv2D', ['x', 'k'], { ...conv(), ...T });
    plain.op('bn', 'FusedBatchNormV3', ['c', 'scale', 'offset', 'mean', 'var'], { ...T, epsilon: attr.f(0.001) });
    plain.op('y', 'Relu', ['bn'], T);
    const peer = await tf.loadGraphModel(tf.io.fromMemory(plain.artifacts() as tf.io.ModelArtifacts));
    const ours = await tn.loadGraphModel(tn.io.fromMemory(fused.artifacts()));
    const { t, tfx } = inputPair(fused, [2, 5, 5, 2]);
    expectSame(ours.predict(t) as tn.Tensor, peer.predict(tfx) as tf.Tensor);
  });

  it('shape ops (Shape → StridedSlice → Pack → Reshape) and the slicing, joining and elementwise ops', async () => {
    const g = new GraphBuilder(4);
    g.placeholder('x', [-1, 4, 6]);
    g.op('shape', 'Shape', ['x'], { T: attr.type('DT_FLOAT'), out_type: attr.type('DT_INT32') });
    g.const('b0', [1], [0], 'int32');
    g.const('e1', [1], [1], 'int32');
    g.const('s1', [1], [1], 'int32');
    g.op('batch', 'StridedSlice', ['shape', 'b0', 'e1', 's1'], { T: attr.type('DT_INT32'), Index: attr.type('DT_INT32'), shrink_axis_mask: attr.i(1), begin_mask: attr.i(0), end_mask: attr.i(0) });
    g.const('minus1', [], [-1], 'int32');
    g.op('newShape', 'Pack', ['batch', 'minus1'], { T: attr.type('DT_INT32'), N: attr.i(2), axis: attr.i(0) });
    g.op('flat', 'Reshape', ['x', 'newShape'], T);
    g.const('ax1', [], [1], 'int32');
    g.op('exp', 'ExpandDims', ['x', 'ax1'], T);
    g.op('sq', 'Squeeze', ['exp'], { ...T, squeeze_dims: attr.ints([1]) });
    g.op('cat', 'ConcatV2', ['x', 'sq', 'ax1'], { ...T, N: attr.i(2) });
    g.const('perm', [3], [0, 2, 1], 'int32');
    g.op('tr', 'Transpose', ['cat', 'perm'], T);
    g.const('pads', [3, 2], [0, 0, 1, 2, 0, 1], 'int32');
    g.op('pad', 'Pad', ['tr', 'pads'], T);
    g.op('mpad', 'MirrorPad', ['tr', 'pads'], { ...T, mode: attr.s('REFLECT') });
    g.const('reps', [3], [1, 2, 1], 'int32');
    g.op('tile', 'Tile', ['x', 'reps'], T);
    g.const('idx', [3], [3, 0, 2], 'int32');
    g.op('gather', 'GatherV2', ['x', 'idx', 'ax1'], { Tparams: attr.type('DT_FLOAT'), batch_dims: attr.i(0) });
    g.const('sb', [3], [0, 1, 2], 'int32');
    g.const('ss', [3], [-1, 2, 3], 'int32');
    g.op('slice', 'Slice', ['x', 'sb', 'ss'], T);
    g.op('cast', 'Cast', ['slice'], { SrcT: attr.type('DT_FLOAT'), DstT: attr.type('DT_INT32') });
    g.const('fv', [], [0.25]);
    g.const('fs', [2], [2, 3], 'int32');
    g.op('fill', 'Fill', ['fs', 'fv'], T);
    g.op('zeros', 'ZerosLike', ['x'], T);
    g.op('ones', 'OnesLike', ['x'], { dtype: attr.type('DT_FLOAT') });
    g.const('ax2', [], [2], 'int32');
    g.op('split', 'Split', ['ax2', 'x'], { ...T, num_split: attr.i(3) });
    g.const('sizes', [2], [1, 3], 'int32');
    g.op('splitv', 'SplitV', ['x', 'sizes', 'ax1'], { ...T, num_split: attr.i(2) });
    g.op('unpack', 'Unpack', ['x'], { ...T, num: attr.i(6), axis: attr.i(2) });
    g.op('addn', 'AddN', ['split', 'split:1', 'split:2'], T);
    g.op('sub', 'Sub', ['split:1', 'split:2'], T);
    g.op('mul', 'Mul', ['sub', 'split'], T);
    g.op('ones2', 'OnesLike', ['split'], { dtype: attr.type('DT_FLOAT') });
    g.op('div', 'RealDiv', ['mul', 'ones2'], T);
    g.op('max', 'Maximum', ['div', 'fv'], T);
    g.op('min', 'Minimum', ['mul', 'fv'], T);
    g.op('neg', 'Neg', ['min'], T);
    g.op('sqr', 'Square', ['neg'], T);
    g.op('sqrt', 'Sqrt', ['sqr'], T);
    g.op('rsq', 'Rsqrt', ['ones'], T);
    g.op('expo', 'Exp', ['neg'], T);
    g.op('log', 'Log', ['expo'], T);
    g.op('selu', 'Selu', ['log'], T);
    g.op('tanh', 'Tanh', ['selu'], T);
    g.op('softplus', 'Softplus', ['tanh'], T);
    g.op('lsm', 'LogSoftmax', ['softplus'], T);
    g.op('gt', 'Greater', ['x', 'zeros'], T);
    g.op('sel', 'SelectV2', ['gt', 'x', 'ones'], T);
    g.op('sum', 'Sum', ['sel', 'ax1'], { ...T, keep_dims: attr.b(true) });
    g.op('rmax', 'Max', ['x', 'ax2'], { ...T, keep_dims: attr.b(false) });
    g.op('rmin', 'Min', ['x', 'ax2'], T);
    g.op('prod', 'Prod', ['ones', 'ax1'], T);
    g.op('argmax', 'ArgMax', ['x', 'ax2'], { ...T, output_type: attr.type('DT_INT32') });
    g.op('id', 'Identity', ['argmax'], { T: attr.type('DT_INT32') });
    g.op('idn', 'IdentityN', ['rmax', 'rmin'], {});
    g.op('noop', 'NoOp', [], {});
    g.op('stop', 'StopGradient', ['lsm', '^noop'], T);
    g.const('img', [1, 3, 4, 2]);
    g.const('size', [2], [5, 7], 'int32');
    g.op('bil', 'ResizeBilinear', ['img', 'size'], { ...T, align_corners: attr.b(false), half_pixel_centers: attr.b(true) });
    g.op('nn', 'ResizeNearestNeighbor', ['img', 'size'], { ...T, align_corners: attr.b(true), half_pixel_centers: attr.b(false) });
    g.op('eq', 'Equal', ['cast', 'cast'], { T: attr.type('DT_INT32') });
    g.op('less', 'Less', ['x', 'zeros'], T);
    g.op('select', 'Select', ['less', 'x', 'zeros'], T);
    const outputs = ['flat', 'pad', 'mpad', 'tile', 'gather', 'cast', 'fill', 'splitv:1', 'addn', 'max', 'sqrt', 'rsq', 'stop', 'sum', 'prod',
      'id', 'idn:1', 'bil', 'nn', 'eq', 'select', 'batch', 'unpack:5'];
    const { peer, ours } = await loadBoth(g);
    expect(ours.outputNodes).toEqual(peer.outputNodes);
    const { t, tfx } = inputPair(g, [2, 4, 6]);
    const got = ours.execute(t, outputs) as tn.Tensor[];
    const want = peer.execute(tfx, outputs) as tf.Tensor[];
    outputs.forEach((_, i) => expectSame(got[i], want[i]));
    expectSame(ours.predict(t) as tn.Tensor[], peer.predict(tfx) as tf.Tensor[]);
  });

  it('several inputs and outputs by signature keys: a map, an array, named outputs', async () => {
    const g = new GraphBuilder(5);
    g.placeholder('a', [-1, 3]);
    g.placeholder('b', [-1, 3]);
    g.op('add', 'AddV2', ['a', 'b'], T);
    g.op('mul', 'Mul', ['a', 'b'], T);
    g.const('w', [3, 2]);
    g.op('prod', 'BatchMatMulV2', ['mul', 'w'], { ...T, adj_x: attr.b(false), adj_y: attr.b(false) });
    const signature = {
      inputs: { first: { name: 'a:0', dtype: 'DT_FLOAT' }, second: { name: 'b:0', dtype: 'DT_FLOAT' } },
      outputs: { total: { name: 'add:0', dtype: 'DT_FLOAT' }, projected: { name: 'prod:0', dtype: 'DT_FLOAT' } },
    };
    const { peer, ours } = await loadBoth(g, { signature });
    expect(ours.inputNodes).toEqual(peer.inputNodes);
    expect(ours.outputNodes).toEqual(peer.outputNodes);
    expect(ours.inputs).toEqual(peer.inputs);
    expect(ours.outputs).toEqual(peer.outputs);
    expect(ours.modelSignature).toEqual(peer.modelSignature);
    const a = inputPair(g, [4, 3]);
    const b = inputPair(g, [4, 3]);
    expectSame(ours.predict({ first: a.t, second: b.t }) as tn.Tensor[], peer.predict({ first: a.tfx, second: b.tfx }) as tf.Tensor[]);
    expectSame(ours.predict([a.t, b.t]) as tn.Tensor[], peer.predict([a.tfx, b.tfx]) as tf.Tensor[]);
    expectSame(ours.execute({ first: a.t, second: b.t }, 'projected') as tn.Tensor, peer.execute({ first: a.tfx, second: b.tfx }, 'projected') as tf.Tensor);
    expectSame(ours.execute({ 'a:0': a.t, b: b.t }, ['mul:0', 'total']) as tn.Tensor[], peer.execute({ 'a:0': a.tfx, b: b.tfx }, ['mul:0', 'total']) as tf.Tensor[]);
  });

  it('a quantized uint8 weight loads dequantized, as TF.js loads it', async () => {
    const g = new GraphBuilder(6);
    g.placeholder('x', [-1, 4]);
    g.quantizedConst('w', [4, 3], Array.from({ length: 12 }, (_, i) => (i * 37) % 256), 0.01, -1.2);
    g.op('y', 'MatMul', ['x', 'w'], T);
    const { peer, ours } = await loadBoth(g);
    expectSame(ours.weights.w[0], peer.weights.w[0], 1e-7);
    const { t, tfx } = inputPair(g, [2, 4]);
    expectSame(ours.predict(t) as tn.Tensor, peer.predict(tfx) as tf.Tensor);
  });

  it('save hands the loaded artifacts to the handler, as TF.js, and a model loaded back from them runs the same', async () => {
    const g = new GraphBuilder(8);
    g.placeholder('x', [-1, 4]);
    g.const('w', [4, 3]);
    g.op('y', 'MatMul', ['x', 'w'], { ...T, transpose_a: attr.b(false), transpose_b: attr.b(false) });
    const { peer, ours } = await loadBoth(g, { userDefinedMetadata: { note: 'kept' } });
    const saved: { ours?: tn.io.ModelArtifacts; peer?: tf.io.ModelArtifacts } = {};
    const info = { dateSaved: new Date(0), modelTopologyType: 'JSON' as const };
    const ourResult = await ours.save(tn.io.withSaveHandler(async (a) => { saved.ours = a; return { modelArtifactsInfo: info, responses: [] }; }));
    await peer.save(tf.io.withSaveHandler(async (a) => { saved.peer = a; return { modelArtifactsInfo: info }; }));
    expect(ourResult.modelArtifactsInfo).toEqual(info);
    const keys = (a: object | undefined) => Object.keys(a ?? {}).filter((k) => (a as Record<string, unknown>)[k] !== undefined).sort();
    expect(keys(saved.ours)).toEqual(keys(saved.peer));
    expect(saved.ours!.weightSpecs).toEqual(saved.peer!.weightSpecs);
    expect(saved.ours!.userDefinedMetadata).toEqual({ note: 'kept' });
    const again = await tn.loadGraphModel(tn.io.fromMemory(saved.ours!));
    const { t } = inputPair(g, [2, 4]);
    expect(Array.from((again.predict(t) as tn.Tensor).dataSync())).toEqual(Array.from((ours.predict(t) as tn.Tensor).dataSync()));
    await expect(ours.save(tn.io.withSaveHandler(async () => ({ modelArtifactsInfo: info })), { includeOptimizer: true })).rejects.toThrow(/GraphModel\.save: config\.includeOptimizer must be false or absent \(a graph model has no optimizer\), got true/);
    await expect(ours.save('nowhere')).rejects.toThrow(/GraphModel\.save: no save handler for URL 'nowhere'/);
    ours.dispose();
    await expect(ours.save(tn.io.withSaveHandler(async () => ({ modelArtifactsInfo: info })))).rejects.toThrow(/GraphModel\.save: the model has been disposed/);
  });

  it('Where runs in executeAsync only, as in TF.js', async () => {
    const g = new GraphBuilder(7);
    g.placeholder('x', [-1, 3]);
    g.const('zero', [], [0]);
    g.op('gt', 'Greater', ['x', 'zero'], T);
    g.op('where', 'Where', ['gt'], { T: attr.type('DT_BOOL') });
    const { peer, ours } = await loadBoth(g);
    const { t, tfx } = inputPair(g, [4, 3]);
    expectSame(await ours.executeAsync(t) as tn.Tensor, await peer.executeAsync(tfx) as tf.Tensor);
    expectSame(await ours.predictAsync(t) as tn.Tensor, await peer.executeAsync(tfx) as tf.Tensor);
    expect(() => peer.execute(tfx)).toThrow(/executeAsync/);
    expect(() => ours.execute(t)).toThrow(/node 'where' \(Where\).*executeAsync/);
  });
});
