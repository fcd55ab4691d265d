import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { attr, GraphBuilder } from './graph-builder';
import { expectSame, inputPair, loadBoth } from './helpers';

const T = { T: attr.type('DT_FLOAT') };
const names: string[] = [];

/** Registers an op in both libraries, each given its own ops, and deregisters it after the test. */
function registerBoth(name: string, make: (lib: typeof tn | typeof tf) => (node: { inputs: unknown[]; attrs: Record<string, unknown> }) => unknown): void {
  names.push(name);
  tf.registerOp(name, make(tf) as tf.OpExecutor);
  tn.registerOp(name, make(tn) as tn.OpExecutor);
}

afterEach(() => {
  for (const name of names.splice(0)) {
    tf.deregisterOp(name);
    tn.deregisterOp(name);
  }
});

describe('registerOp: graph-model ops run by a user function, as TF.js runs them', () => {
  it('an op tessera lacks gets its inputs and every kind of attr as TF.js hands them, and its outputs feed the graph', async () => {
    const seen: Record<string, Array<Record<string, unknown>>> = { tf: [], tn: [] };
    registerBoth('ScaledAddPair', (lib) => (node) => {
      seen[lib === tf ? 'tf' : 'tn'].push(node.attrs);
      const [x, c] = node.inputs as tn.Tensor[];
      const alpha = node.attrs.alpha as number;
      const ops = lib as typeof tn;
      return [ops.add(ops.mul(x, alpha), c), ops.sub(x, c)];
    });
    const g = new GraphBuilder(3);
    g.placeholder('x', [-1, 3]);
    g.const('c', [3]);
    g.op('pair', 'ScaledAddPair', ['x', 'c'], {
      ...T, alpha: attr.f(0.5), n: attr.i(7), padding: attr.s('SAME'), flag: attr.b(true), off: { b: false }, out_shape: attr.shape([-1, 3]),
      sizes: attr.ints([1, 2, 3]), scales: { list: { f: [0.5, 2] } }, labels: attr.strs(['Ab', 'cD']), shapes: { list: { shape: [{ dim: [{ size: '2' }] }, {}] } },
      bools: { list: { b: [true, false] } }, types: attr.types(['DT_INT32', 'DT_BOOL']), empty: {},
    });
    g.op('out', 'Mul', ['pair:0', 'pair:1'], T);
    const { peer, ours } = await loadBoth(g);
    const { t, tfx } = inputPair(g, [2, 3]);
    expectSame(ours.predict(t) as tn.Tensor, peer.predict(tfx) as tf.Tensor, 1e-6);
    expectSame(ours.execute(t, ['pair:0', 'pair:1']) as tn.Tensor[], peer.execute(tfx, ['pair:0', 'pair:1']) as tf.Tensor[], 1e-6);
    expect(seen.tn[0]).toEqual({
      T: 'float32', alpha: 0.5, n: 7, padding: 'same', flag: true, off: false, out_shape: [-1, 3], sizes: [1, 2, 3], scales: [0.5, 2],
      labels: ['ab', 'cd'], shapes: [[2], []], bools: [true, false], types: ['int32', 'bool'], empty: undefined,
    });
    expect(seen.tn[0]).toEqual(seen.tf[0]);
    // executeAsync runs it too.
    expectSame(await ours.executeAsync(t) as tn.Tensor, await peer.executeAsync(tfx) as tf.Tensor, 1e-6);
  });

  it('a registered op replaces tessera\'s own for models loaded after it, and deregistering it fails those models\' runs', async () => {
    const g = new GraphBuilder(4);
    g.placeholder('x', [-1, 4]);
    g.op('out', 'Relu', ['x'], T);
    const before = await loadBoth(g);
    registerBoth('Relu', (lib) => (node) => (lib as typeof tn).mul(node.inputs[0] as tn.Tensor, -2));
    const after = await loadBoth(g);
    const { t, tfx } = inputPair(g, [3, 4]);
    expectSame(after.ours.predict(t) as tn.Tensor, after.peer.predict(tfx) as tf.Tensor, 1e-6);
    expect(Array.from((after.ours.predict(t) as tn.Tensor).dataSync())).toEqual(Array.from(t.dataSync()).map((v) => Math.fround(v * -2)));
    // A model loaded before keeps the op it loaded with.
    expectSame(before.ours.predict(t) as tn.Tensor, before.peer.predict(tfx) as tf.Tensor, 1e-6);
    expect(Math.min(...(before.ours.predict(t) as tn.Tensor).dataSync())).toBe(0);
    tn.deregisterOp('Relu');
    tf.deregisterOp('Relu');
    expect(() => after.peer.predict(tfx)).toThrow(/not registered/);
    expect(() => after.ours.predict(t)).toThrow("GraphModel.execute: node 'out' (Relu): its op was registered with registerOp when the model loaded, and is no longer");
  });

  it('an async op runs in executeAsync; execute refuses it, as TF.js does, leaking nothing', async () => {
    registerBoth('SlowSquare', (lib) => async (node) => {
      const x = node.inputs[0] as tn.Tensor;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return (lib as typeof tn).square(x);
    });
    const g = new GraphBuilder(5);
    g.placeholder('x', [-1, 2]);
    g.op('sq', 'SlowSquare', ['x'], T);
    g.op('out', 'Neg', ['sq'], T);
    const { peer, ours } = await loadBoth(g);
    const { t, tfx } = inputPair(g, [2, 2]);
    expectSame(await ours.executeAsync(t) as tn.Tensor, await peer.executeAsync(tfx) as tf.Tensor, 1e-6);
    expect(() => peer.execute(tfx)).toThrow(/executeAsync/);
    const start = tn.memory().numTensors;
    expect(() => ours.execute(t)).toThrow("GraphModel.execute: node 'sq' (SlowSquare) gave a promise (its function registered with registerOp is async); use executeAsync (or predictAsync), as TF.js requires");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tn.memory().numTensors).toBe(start);
  });

  it('an op may hand back its inputs, a weight among them: the run keeps the weight and frees only what it made', async () => {
    registerBoth('Swap', () => (node) => [node.inputs[1], node.inputs[0]]);
    const g = new GraphBuilder(6);
    g.placeholder('x', [2]);
    g.const('w', [2]);
    g.op('s', 'Swap', ['x', 'w'], T);
    g.op('out', 'Sub', ['s:0', 's:1'], T);
    const { peer, ours } = await loadBoth(g);
    const { t, tfx } = inputPair(g, [2]);
    const start = tn.memory().numTensors;
    const y = ours.predict(t) as tn.Tensor;
    expectSame(y, peer.predict(tfx) as tf.Tensor, 1e-6);
    expect(tn.memory().numTensors).toBe(start + 1);
    y.dispose();
    expect(ours.weights.w[0].isDisposed).toBe(false);
    expectSame(ours.predict(t) as tn.Tensor, peer.predict(tfx) as tf.Tensor, 1e-6);
  });

  it('bad input is refused, naming the argument or the node', async () => {
    expect(() => tn.registerOp('', () => tn.scalar(1))).toThrow("registerOp: name must be a TensorFlow op name (a non-empty string), got \"\"");
    expect(() => tn.registerOp('X', 'f' as unknown as tn.OpExecutor)).toThrow(/registerOp: opFunc must be a function .*got "f"/);
    expect(() => tn.deregisterOp(3 as unknown as string)).toThrow('deregisterOp: name must be a string, got 3');
    const g = new GraphBuilder(7);
    g.placeholder('x', [2]);
    g.op('out', 'NotAnOp', ['x'], T);
    await expect(tn.loadGraphModel(tn.io.fromMemory(g.artifacts()))).rejects.toThrow(/node 'out' \(NotAnOp\): tessera's GraphModel does not run this op .*register a function for it with registerOp before loading the model/);
    names.push('NotAnOp');
    tn.registerOp('NotAnOp', () => [tn.scalar(1), 'no' as unknown as tn.Tensor]);
    const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
    const start = tn.memory().numTensors;
    expect(() => model.predict(tn.ones([2]))).toThrow("GraphModel.execute: node 'out' (NotAnOp): the function registered with registerOp must return a tensor or an array of tensors, got \"no\" at index 1");
    tn.registerOp('NotAnOp', () => {
      const s = tn.scalar(1);
      s.dispose();
      return s;
    });
    expect(() => model.predict(tn.ones([2]))).toThrow("GraphModel.execute: node 'out' (NotAnOp): the function registered with registerOp returned a disposed tensor");
    // The input the test made, and the scalar the first function made before failing (it runs in no tidy, as in TF.js).
    expect(tn.memory().numTensors).toBe(start + 3);
  });
});
