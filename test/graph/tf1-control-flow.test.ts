import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { attr, GraphBuilder } from './graph-builder';
import { loweredRnn, tf1Loop } from './tf1-loop';
import { expectSame, loadBoth, rnnByHand } from './helpers';

const T = { T: attr.type('DT_FLOAT') };
const I = { T: attr.type('DT_INT32') };

describe('graph models with TF1 control flow (frames) run as TF.js 4.22 runs them', () => {
  it('a tf.while_loop: loop variables, constant Enters, a literal inside the body (its control input the pivot)', async () => {
    const g = new GraphBuilder(41);
    g.placeholder('x', [-1, 3]);
    g.const('i0', [], [0], 'int32');
    g.const('limit', [], [5], 'int32');
    g.const('half', [], [0.5]);
    const exits = tf1Loop(g, 'while/while_context', [{ name: 'i', init: 'i0', type: 'DT_INT32' }, { name: 'acc', init: 'x', type: 'DT_FLOAT' }],
      [{ name: 'limit', value: 'limit', type: 'DT_INT32' }, { name: 'half', value: 'half', type: 'DT_FLOAT' }],
      (m, inv) => g.op('while/Less', 'Less', [m.i, inv.limit], I),
      (c, inv) => {
        g.const('while/one', [], [1], 'int32');
        g.nodes[g.nodes.length - 1].input = [`^${c.i}`];
        g.op('while/add', 'AddV2', [c.i, 'while/one'], I);
        g.op('while/tanh', 'Tanh', [c.acc], T);
        g.op('while/mul', 'Mul', ['while/tanh', inv.half], T);
        g.op('while/acc', 'AddV2', ['while/mul', c.acc], T);
        return { i: 'while/add', acc: 'while/acc' };
      });
    g.op('out', 'Identity', [exits.acc], T);
    g.op('trips', 'Identity', [exits.i], I);
    const { peer, ours } = await loadBoth(g);
    const x = [[0.5, -1, 2], [0, 0.25, -3]];
    const names = ['out', 'trips'];
    const input = tn.tensor(x);
    const before = tn.memory().numTensors;
    const [out, trips] = await ours.executeAsync(input, names) as tn.Tensor[];
    expect(tn.memory().numTensors).toBe(before + 2);
    expectSame([out, trips], await peer.executeAsync(tf.tensor(x), names) as tf.Tensor[]);
    let acc = x.flat();
    for (let k = 0; k < 5; k++) acc = acc.map((v) => Math.fround(Math.fround(Math.tanh(v) * 0.5) + v));
    expect(Array.from(out.dataSync())).toEqual(acc.map((v) => expect.closeTo(v, 5)));
    expect(trips.arraySync()).toBe(5);
    // As TF.js: control flow needs executeAsync.
    expect(() => peer.execute(tf.tensor(x), 'out')).toThrow(/executeAsync/);
    expect(() => ours.execute(tn.tensor(x), 'out')).toThrow(/use executeAsync/);
  });

  it('a tf.cond: Switch, the taken branch only, Merge (and its value_index, which TF.js does not give)', async () => {
    const g = new GraphBuilder(42);
    g.placeholder('x', [2, 2]);
    g.const('axes', [2], [0, 1], 'int32');
    g.op('s', 'Sum', ['x', 'axes'], { ...T, keep_dims: attr.b(false), Tidx: attr.type('DT_INT32') });
    g.const('zero', [], [0]);
    g.op('pred', 'Greater', ['s', 'zero'], T);
    g.op('cond/Switch', 'Switch', ['x', 'pred'], T);
    g.op('cond/pivot_t', 'Identity', ['cond/Switch:1'], T);
    g.const('cond/two', [], [2]);
    g.nodes[g.nodes.length - 1].input = ['^cond/pivot_t'];
    g.op('cond/t', 'Mul', ['cond/Switch:1', 'cond/two'], T);
    g.op('cond/f', 'Neg', ['cond/Switch:0'], T);
    g.op('cond/Merge', 'Merge', ['cond/f', 'cond/t'], { ...T, N: attr.i(2) });
    g.op('out', 'Identity', ['cond/Merge'], T);
    g.op('which', 'Identity', ['cond/Merge:1'], I);
    g.op('side', 'Square', ['x'], T);
    const { peer, ours } = await loadBoth(g);
    for (const x of [[[1, 2], [3, -1]], [[-1, -2], [0.5, 0]]]) {
      const positive = x.flat().reduce((a, b) => a + b, 0) > 0;
      const [out, which] = await ours.executeAsync(tn.tensor(x), ['out', 'which']) as tn.Tensor[];
      expectSame(out, await peer.executeAsync(tf.tensor(x), 'out') as tf.Tensor);
      expect(out.arraySync()).toEqual(x.map((r) => r.map((v) => (positive ? 2 * v : -v))));
      expect(which.arraySync()).toBe(positive ? 1 : 0);
    }
    // An output that needs no control flow runs with execute, as in TF.js.
    expectSame(ours.execute(tn.tensor([[1, 2], [3, 4]]), 'side') as tn.Tensor, peer.execute(tf.tensor([[1, 2], [3, 4]]), 'side') as tf.Tensor);
  });

  it("a lowered cond's branch_executed Merge, with control inputs from both branches, and outputs held on it", async () => {
    // As TF writes a cond it lowers (a Keras model's tf.cond, e.g. RVM's refiner): only one branch's control input
    // ever runs, and each output waits for the Merge by a control input.
    const g = new GraphBuilder(46);
    g.placeholder('x', []);
    g.placeholder('p', [], 'DT_BOOL');
    g.op('cond/Switch', 'Switch', ['x', 'p'], T);
    g.op('cond/else', 'Neg', ['cond/Switch:0'], T);
    g.op('cond/then', 'Square', ['cond/Switch:1'], T);
    g.op('cond/value', 'Merge', ['cond/else', 'cond/then'], { ...T, N: attr.i(2) });
    g.op('cond/branch_executed', 'Merge', ['cond/then', 'cond/else', '^cond/then', '^cond/else'], { ...T, N: attr.i(2) });
    g.op('out', 'Identity', ['cond/value', '^cond/branch_executed'], T);
    const { peer, ours } = await loadBoth(g);
    for (const [x, p] of [[3, true], [3, false]] as const) {
      const out = await ours.executeAsync({ x: tn.scalar(x), p: tn.scalar(p, 'bool') }, 'out') as tn.Tensor;
      expect(out.arraySync()).toBe(p ? 9 : -3);
      expectSame(out, await peer.executeAsync({ x: tf.scalar(x), p: tf.scalar(p, 'bool') }, 'out') as tf.Tensor);
    }
  });

  it('a loop inside a loop: the inner frame and its invariants entered anew on each outer trip (TF.js 4.22 stalls)', async () => {
    const g = new GraphBuilder(43);
    g.placeholder('x', []);
    g.const('zero', [], [0], 'int32');
    g.const('three', [], [3], 'int32');
    g.const('two', [], [2], 'int32');
    g.const('one', [], [1], 'int32');
    const exits = tf1Loop(g, 'outer', [{ name: 'i', init: 'zero', type: 'DT_INT32' }, { name: 'acc', init: 'x', type: 'DT_FLOAT' }],
      [{ name: 'three', value: 'three', type: 'DT_INT32' }, { name: 'two', value: 'two', type: 'DT_INT32' }, { name: 'one', value: 'one', type: 'DT_INT32' }, { name: 'zero', value: 'zero', type: 'DT_INT32' }],
      (m, inv) => g.op('outer/Less', 'Less', [m.i, inv.three], I),
      (c, inv) => {
        g.op('outer/i_float', 'Cast', [c.i], { SrcT: attr.type('DT_INT32'), DstT: attr.type('DT_FLOAT') });
        const inner = tf1Loop(g, 'outer/inner', [{ name: 'j', init: inv.zero, type: 'DT_INT32' }, { name: 'acc', init: c.acc, type: 'DT_FLOAT' }],
          [{ name: 'two', value: inv.two, type: 'DT_INT32' }, { name: 'one', value: inv.one, type: 'DT_INT32' }, { name: 'i', value: 'outer/i_float', type: 'DT_FLOAT' }],
          (m, innerInv) => g.op('outer/inner/Less', 'Less', [m.j, innerInv.two], I),
          (ic, innerInv) => {
            g.op('outer/inner/j1', 'AddV2', [ic.j, innerInv.one], I);
            // acc = acc * 2 + i
            g.op('outer/inner/double', 'AddV2', [ic.acc, ic.acc], T);
            g.op('outer/inner/acc1', 'AddV2', ['outer/inner/double', innerInv.i], T);
            return { j: 'outer/inner/j1', acc: 'outer/inner/acc1' };
          });
        g.op('outer/i1', 'AddV2', [c.i, inv.one], I);
        return { i: 'outer/i1', acc: inner.acc };
      });
    g.op('out', 'Identity', [exits.acc], T);
    const { peer, ours } = await loadBoth(g);
    let acc = 0.75;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) acc = acc * 2 + i;
    const input = tn.scalar(0.75);
    const before = tn.memory().numTensors;
    const out = await ours.executeAsync(input, 'out') as tn.Tensor;
    expect(out.arraySync()).toBe(acc);
    expect(tn.memory().numTensors).toBe(before + 1);
    // TF.js 4.22 enters the inner loop's invariants in the outer loop's first trip only, so it stalls on the second.
    await expect(peer.executeAsync(tf.scalar(0.75), 'out')).rejects.toThrow(/Cannot compute the outputs \[out\]/);
  });

  it('a TF2 RNN as the converter lowers it: TensorList handles as loop variables through Enter, Switch and Exit', async () => {
    const g = new GraphBuilder(44);
    loweredRnn(g, 3, 2, 4, 2);
    const { peer, ours } = await loadBoth(g);
    const values = g.randoms(24, 2);
    const input = tn.tensor(values, [3, 2, 4]);
    const before = tn.memory().numTensors;
    const [seq, last] = await ours.executeAsync(input, ['seq', 'last']) as tn.Tensor[];
    expect(tn.memory().numTensors).toBe(before + 2);
    expectSame([seq, last], await peer.executeAsync(tf.tensor(values, [3, 2, 4]), ['seq', 'last']) as tf.Tensor[]);
    const byHand = rnnByHand(input, ours);
    expect(seq.arraySync()).toEqual(byHand.seq.arraySync());
    expect(last.arraySync()).toEqual(byHand.last.arraySync());
  });

  it('a dynamic_rnn-style loop over TensorArrays: Scatter in, Read and Write in the loop, Gather, Concat and Size after', async () => {
    const g = new GraphBuilder(46);
    g.placeholder('x', [3, 2, 4]);
    g.const('w', [4, 2]);
    g.const('u', [2, 2]);
    g.const('steps', [], [3], 'int32');
    g.const('i0', [], [0], 'int32');
    g.const('one', [], [1], 'int32');
    g.const('h0', [2, 2], [0, 0, 0, 0]);
    g.const('order', [3], [0, 1, 2], 'int32');
    const arrayAttrs = (name: string, shape: number[]) => ({ dtype: attr.type('DT_FLOAT'), element_shape: attr.shape(shape), dynamic_size: attr.b(false), clear_after_read: attr.b(true), identical_element_shapes: attr.b(true), tensor_array_name: attr.s(name) });
    g.op('ta_in', 'TensorArrayV3', ['steps'], arrayAttrs('inputs', [2, 4]));
    g.op('ta_in_filled', 'TensorArrayScatterV3', ['ta_in', 'order', 'x', 'ta_in:1'], T);
    g.op('ta_out', 'TensorArrayV3', ['steps'], arrayAttrs('outputs', [2, 2]));
    const exits = tf1Loop(g, 'rnn/while', [{ name: 'i', init: 'i0', type: 'DT_INT32' }, { name: 'h', init: 'h0', type: 'DT_FLOAT' }, { name: 'flow', init: 'ta_out:1', type: 'DT_FLOAT' }],
      [{ name: 'steps', value: 'steps', type: 'DT_INT32' }, { name: 'ta_in', value: 'ta_in', type: 'DT_VARIANT' }, { name: 'in_flow', value: 'ta_in_filled', type: 'DT_FLOAT' },
        { name: 'ta_out', value: 'ta_out', type: 'DT_VARIANT' }, { name: 'w', value: 'w', type: 'DT_FLOAT' }, { name: 'u', value: 'u', type: 'DT_FLOAT' }, { name: 'one', value: 'one', type: 'DT_INT32' }],
      (m, inv) => g.op('rnn/while/Less', 'Less', [m.i, inv.steps], I),
      (c, inv) => {
        g.op('rnn/while/read', 'TensorArrayReadV3', [inv.ta_in, c.i, inv.in_flow], { dtype: attr.type('DT_FLOAT') });
        g.op('rnn/while/xw', 'MatMul', ['rnn/while/read', inv.w], { ...T, transpose_a: attr.b(false), transpose_b: attr.b(false) });
        g.op('rnn/while/hu', 'MatMul', [c.h, inv.u], { ...T, transpose_a: attr.b(false), transpose_b: attr.b(false) });
        g.op('rnn/while/pre', 'AddV2', ['rnn/while/xw', 'rnn/while/hu'], T);
        g.op('rnn/while/h', 'Tanh', ['rnn/while/pre'], T);
        g.op('rnn/while/write', 'TensorArrayWriteV3', [inv.ta_out, c.i, 'rnn/while/h', c.flow], T);
        g.op('rnn/while/i1', 'AddV2', [c.i, inv.one], I);
        return { i: 'rnn/while/i1', h: 'rnn/while/h', flow: 'rnn/while/write' };
      });
    g.op('seq', 'TensorArrayGatherV3', ['ta_out', 'order', exits.flow], { dtype: attr.type('DT_FLOAT'), element_shape: attr.shape([2, 2]) });
    g.op('size', 'TensorArraySizeV3', ['ta_out', exits.flow], {});
    const { peer, ours } = await loadBoth(g);
    const values = g.randoms(24, 2);
    const input = tn.tensor(values, [3, 2, 4]);
    const before = tn.memory().numTensors;
    const [seq, size] = await ours.executeAsync(input, ['seq', 'size']) as tn.Tensor[];
    expect(tn.memory().numTensors).toBe(before + 2);
    expectSame([seq, size], await peer.executeAsync(tf.tensor(values, [3, 2, 4]), ['seq', 'size']) as tf.Tensor[]);
    expect(seq.arraySync()).toEqual(rnnByHand(input, ours).seq.arraySync());
  });

  it('TensorArrays as TF keeps them: Size is the size made (TF.js counts what was written), write once, clear after read, grow when dynamic, close', async () => {
    const run = async (build: (g: GraphBuilder) => void, outputs: string[]) => {
      const g = new GraphBuilder(47);
      g.placeholder('x', [3, 2]);
      g.const('four', [], [4], 'int32');
      g.const('zero', [], [0], 'int32');
      g.const('two', [], [2], 'int32');
      build(g);
      const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
      return model.execute(tn.tensor([[1, 2], [3, 4], [5, 6]]), outputs) as tn.Tensor[];
    };
    const make = (g: GraphBuilder, options: Record<string, ReturnType<typeof attr.b>> = {}) => g.op('ta', 'TensorArrayV3', ['four'], { dtype: attr.type('DT_FLOAT'), element_shape: attr.shape([2]), ...options });
    const unknownShape = { element_shape: { shape: { unknownRank: true } } };
    const row = (g: GraphBuilder) => g.const('row', [2], [7, 8]);
    const out = await run((g) => {
      make(g);
      row(g);
      g.op('w0', 'TensorArrayWriteV3', ['ta', 'two', 'row', 'ta:1'], T);
      g.op('size', 'TensorArraySizeV3', ['ta', 'w0'], {});
      g.const('pick', [2], [2, 0], 'int32');
      // Index 0 was never written: its element shape [2] is known, so it reads as zeros.
      g.op('got', 'TensorArrayGatherV3', ['ta', 'pick', 'w0'], { dtype: attr.type('DT_FLOAT') });
    }, ['size', 'got']);
    expect(out.map((t) => t.arraySync())).toEqual([4, [[7, 8], [0, 0]]]);
    const grown = await run((g) => {
      make(g, { dynamic_size: attr.b(true), ...unknownShape });
      g.const('lengths', [3], [1, 1, 1], 'int32');
      g.op('split', 'TensorArraySplitV3', ['ta', 'x', 'lengths', 'ta:1'], T);
      g.const('six', [], [6], 'int32');
      g.const('rows', [1, 2], [7, 8]);
      g.op('far', 'TensorArrayWriteV3', ['ta', 'six', 'rows', 'split'], T);
      g.op('size', 'TensorArraySizeV3', ['ta', 'far'], {});
      g.op('read', 'TensorArrayReadV3', ['ta', 'six', 'far'], { dtype: attr.type('DT_FLOAT') });
    }, ['size', 'read']);
    expect(grown.map((t) => t.arraySync())).toEqual([7, [[7, 8]]]);
    await expect(run((g) => {
      make(g);
      row(g);
      g.op('w0', 'TensorArrayWriteV3', ['ta', 'zero', 'row', 'ta:1'], T);
      g.op('w1', 'TensorArrayWriteV3', ['ta', 'zero', 'row', 'w0'], T);
    }, ['w1'])).rejects.toThrow(/node 'w1' \(TensorArrayWriteV3\): TensorArray 'ta' index 0 has already been written/);
    await expect(run((g) => {
      make(g);
      row(g);
      g.op('w0', 'TensorArrayWriteV3', ['ta', 'zero', 'row', 'ta:1'], T);
      g.op('r0', 'TensorArrayReadV3', ['ta', 'zero', 'w0'], { dtype: attr.type('DT_FLOAT') });
      g.op('r1', 'TensorArrayReadV3', ['ta', 'zero', 'r0'], { dtype: attr.type('DT_FLOAT') });
    }, ['r1'])).rejects.toThrow(/node 'r1' \(TensorArrayReadV3\): TensorArray 'ta' index 0 was cleared by an earlier read/);
    await expect(run((g) => {
      make(g);
      row(g);
      g.op('w', 'TensorArrayWriteV3', ['ta', 'four', 'row', 'ta:1'], T);
    }, ['w'])).rejects.toThrow(/TensorArray 'ta' index 4 is outside its 4 items \(and the array is not dynamic\)/);
    // Items of other shapes where identical_element_shapes is false (an uneven split), joined back by Concat.
    const uneven = await run((g) => {
      g.const('two_items', [], [2], 'int32');
      g.op('parts', 'TensorArrayV3', ['two_items'], { dtype: attr.type('DT_FLOAT'), ...unknownShape, identical_element_shapes: attr.b(false) });
      g.const('lengths', [2], [1, 2], 'int32');
      g.op('split', 'TensorArraySplitV3', ['parts', 'x', 'lengths', 'parts:1'], T);
      g.op('joined', 'TensorArrayConcatV3', ['parts', 'split'], { dtype: attr.type('DT_FLOAT'), element_shape_except0: { shape: { unknownRank: true } } });
    }, ['joined', 'joined:1']);
    expect(uneven.map((t) => t.arraySync())).toEqual([[[1, 2], [3, 4], [5, 6]], [1, 2]]);
    // Concat zero-fills an unwritten item of a known shape, as TF does.
    const filled = await run((g) => {
      g.op('ta2', 'TensorArrayV3', ['two'], { dtype: attr.type('DT_FLOAT'), element_shape: attr.shape([1, 2]) });
      g.const('block', [1, 2], [7, 8]);
      g.op('w', 'TensorArrayWriteV3', ['ta2', 'zero', 'block', 'ta2:1'], T);
      g.op('joined', 'TensorArrayConcatV3', ['ta2', 'w'], { dtype: attr.type('DT_FLOAT') });
    }, ['joined', 'joined:1']);
    expect(filled.map((t) => t.arraySync())).toEqual([[[7, 8], [0, 0]], [1, 1]]);
    await expect(run((g) => {
      make(g);
      g.const('lengths', [1], [3], 'int32');
      g.op('split', 'TensorArraySplitV3', ['ta', 'x', 'lengths', 'ta:1'], T);
    }, ['split'])).rejects.toThrow(/TensorArray 'ta' holds 4 items and is not dynamic, but lengths gives 1/);
    await expect(run((g) => {
      make(g);
      g.const('picks', [3], [0, 1, 2], 'int32');
      g.op('scattered', 'TensorArrayScatterV3', ['ta', 'picks', 'x', 'ta:1'], T);
      g.const('twice', [2], [1, 1], 'int32');
      g.op('got', 'TensorArrayGatherV3', ['ta', 'twice', 'scattered'], { dtype: attr.type('DT_FLOAT') });
    }, ['got'])).rejects.toThrow(/node 'got' \(TensorArrayGatherV3\): TensorArray 'ta' index 1 was cleared by an earlier read/);
    await expect(run((g) => {
      make(g);
      g.op('close', 'TensorArrayCloseV3', ['ta'], {});
      g.op('size', 'TensorArraySizeV3', ['ta', 'ta:1'], {});
      g.nodes[g.nodes.length - 1].input!.push('^close');
    }, ['size'])).rejects.toThrow(/node 'size' \(TensorArraySizeV3\): TensorArray 'ta' has been closed/);
  });

  it('a Switch or LoopCond whose predicate is not a scalar is refused (TF refuses it; an endless loop otherwise), and a value inside a frame is fetched through its Exit', async () => {
    const g = new GraphBuilder(48);
    g.placeholder('x', [2]);
    g.const('flags', [1], [1], 'int32');
    g.op('pred', 'Cast', ['flags'], { SrcT: attr.type('DT_INT32'), DstT: attr.type('DT_BOOL') });
    g.op('sw', 'Switch', ['x', 'pred'], T);
    g.op('taken', 'Identity', ['sw:1'], T);
    g.const('i0', [], [0], 'int32');
    g.const('no', [1], [0], 'int32');
    const exits = tf1Loop(g, 'loop', [{ name: 'i', init: 'i0', type: 'DT_INT32' }], [{ name: 'no', value: 'no', type: 'DT_INT32' }],
      (m, inv) => g.op('loop/Less', 'Less', [m.i, inv.no], I),
      (c) => ({ i: g.op('loop/same', 'Identity', [c.i], I) }));
    g.op('trips', 'Identity', [exits.i], I);
    const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
    const x = tn.tensor([1, 2]);
    await expect(model.executeAsync(x, 'taken')).rejects.toThrow(/node 'sw' \(Switch\): the predicate \(input 1\) must be a scalar, got shape \[1\]/);
    await expect(model.executeAsync(x, 'trips')).rejects.toThrow(/node 'loop\/LoopCond' \(LoopCond\): the predicate \(input 0\) must be a scalar, got shape \[1\]/);
    const h = new GraphBuilder(49);
    h.placeholder('x', []);
    h.const('zero', [], [0], 'int32');
    h.const('two', [], [2], 'int32');
    h.const('one', [], [1], 'int32');
    tf1Loop(h, 'w', [{ name: 'i', init: 'zero', type: 'DT_INT32' }], [{ name: 'two', value: 'two', type: 'DT_INT32' }, { name: 'one', value: 'one', type: 'DT_INT32' }],
      (m, inv) => h.op('w/Less', 'Less', [m.i, inv.two], I),
      (c, inv) => ({ i: h.op('w/add', 'AddV2', [c.i, inv.one], I) }));
    const inner = await tn.loadGraphModel(tn.io.fromMemory(h.artifacts()));
    await expect(inner.executeAsync(tn.scalar(1), 'w/add')).rejects.toThrow(/output 'w\/add' has no value \(it is inside a loop's frame: fetch it through the loop's Exit\)/);
  });

  it('an Exit or NextIteration outside any frame is an error naming the node, and the run leaves nothing behind', async () => {
    const g = new GraphBuilder(45);
    g.placeholder('x', [2]);
    g.op('bad', 'Exit', ['x'], T);
    g.op('out', 'Identity', ['bad'], T);
    const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
    const before = tn.memory().numTensors;
    const x = tn.tensor([1, 2]);
    await expect(model.executeAsync(x, 'out')).rejects.toThrow(/node 'bad' \(Exit\): runs outside any loop frame/);
    expect(tn.memory().numTensors).toBe(before + 1);
  });
});
