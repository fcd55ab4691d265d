import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { attr, GraphBuilder } from './graph-builder';
import { expectSame, inputPair, loadBoth, rnnByHand } from './helpers';

const T = { T: attr.type('DT_FLOAT') };
const I = { T: attr.type('DT_INT32') };
const F = 'DT_FLOAT';
const INT = 'DT_INT32';
const VARIANT = 'DT_VARIANT';
const listAttrs = { element_dtype: attr.type('DT_FLOAT'), shape_type: attr.type('DT_INT32') };

/** i < limit, as a While's cond over (i, ...rest). */
function lessThan(g: GraphBuilder, name: string, limit: number, rest: Array<[string, string]>): string {
  return g.fn(name, [['i', INT], ...rest.map(([r, type]): [string, string] => [r, type])], [['out', 'DT_BOOL']], () => {
    g.const(`${name}_limit`, [], [limit], 'int32');
    g.op('less', 'Less', ['i', `${name}_limit:output:0`], I);
    return ['less:z:0'];
  });
}

describe('graph models with TF2 control flow run as TF.js 4.22 runs them', () => {
  it('a While loop over (i, acc): five trips of acc = tanh(acc) * 0.5 + acc, through executeAsync and predictAsync', async () => {
    const g = new GraphBuilder(11);
    g.placeholder('x', [-1, 3]);
    g.const('i0', [], [0], 'int32');
    lessThan(g, 'cond', 5, [['acc', F]]);
    g.fn('body', [['i', INT], ['acc', F]], [['i_next', INT], ['acc_next', F]], () => {
      g.const('one', [], [1], 'int32');
      g.const('half', [], [0.5]);
      g.op('i1', 'AddV2', ['i', 'one:output:0'], I);
      g.op('t', 'Tanh', ['acc'], T);
      g.op('m', 'Mul', ['t:y:0', 'half:output:0'], T);
      g.op('a', 'AddV2', ['m:z:0', 'acc'], T);
      return ['i1:z:0', 'a:z:0'];
    });
    g.op('loop', 'StatelessWhile', ['i0', 'x'], { T: attr.types([INT, F]), cond: attr.func('cond'), body: attr.func('body'), parallel_iterations: attr.i(10) });
    g.op('out', 'Identity', ['loop:1'], T);
    g.op('trips', 'Identity', ['loop'], I);
    const { peer, ours } = await loadBoth(g);
    const { t, tfx } = inputPair(g, [2, 3]);
    expectSame(await ours.executeAsync(t, ['out', 'trips']) as tn.Tensor[], await peer.executeAsync(tfx, ['out', 'trips']) as tf.Tensor[]);
    expectSame(await ours.predictAsync(t) as tn.Tensor[], await peer.predictAsync(tfx) as tf.Tensor[]);
    // By hand: five trips from x.
    let acc = Array.from(t.dataSync());
    for (let k = 0; k < 5; k++) acc = acc.map((v) => Math.fround(Math.fround(Math.tanh(v) * 0.5) + v));
    expect(Array.from((await ours.executeAsync(t, 'out') as tn.Tensor).dataSync())).toEqual(acc.map((v) => expect.closeTo(v, 5)));
    // As TF.js: a loop needs executeAsync.
    expect(() => peer.execute(tfx, 'out')).toThrow(/executeAsync/);
    expect(() => ours.execute(t, 'out')).toThrow(/node 'loop' \(StatelessWhile\).*use executeAsync/);
  });

  it('a loop that never runs gives its inputs, and frees every tensor it made', async () => {
    const g = new GraphBuilder(12);
    g.placeholder('x', [2]);
    g.placeholder('n', [], 'DT_INT32');
    g.const('i0', [], [0], 'int32');
    g.fn('cond', [['i', INT], ['n', INT], ['acc', F]], [['out', 'DT_BOOL']], () => {
      g.op('less', 'Less', ['i', 'n'], I);
      return ['less:z:0'];
    });
    g.fn('body', [['i', INT], ['n', INT], ['acc', F]], [['i2', INT], ['n2', INT], ['acc2', F]], () => {
      g.const('step', [], [1], 'int32');
      g.op('i1', 'AddV2', ['i', 'step:output:0'], I);
      g.op('sq', 'Square', ['acc'], T);
      return ['i1:z:0', 'n', 'sq:y:0'];
    });
    g.op('loop', 'While', ['i0', 'n', 'x'], { T: attr.types([INT, INT, F]), cond: attr.func('cond'), body: attr.func('body') });
    const { peer, ours } = await loadBoth(g);
    const x = [1.5, -2];
    for (const trips of [0, 1, 3]) {
      const before = tn.memory().numTensors;
      const out = await ours.executeAsync({ x: tn.tensor(x), n: tn.scalar(trips, 'int32') }, ['loop:2', 'loop:1', 'loop']) as tn.Tensor[];
      const theirs = await peer.executeAsync({ x: tf.tensor(x), n: tf.scalar(trips, 'int32') }, ['loop:2', 'loop:1', 'loop']) as tf.Tensor[];
      expectSame(out, theirs);
      expect(Array.from(out[0].dataSync())).toEqual(x.map((v) => v ** (2 ** trips)));
      // The two fed tensors and the three outputs are all that is left.
      expect(tn.memory().numTensors).toBe(before + 5);
    }
  });

  it('If chooses its branch by its first input (a bool, or a number: non-zero is true)', async () => {
    const g = new GraphBuilder(13);
    g.placeholder('x', [-1, 2]);
    g.const('axes', [2], [0, 1], 'int32');
    g.op('s', 'Sum', ['x', 'axes'], { ...T, keep_dims: attr.b(false), Tidx: attr.type('DT_INT32') });
    g.const('zero', [], [0]);
    g.op('pos', 'Greater', ['s', 'zero'], T);
    g.fn('double', [['v', F]], [['out', F]], () => {
      g.const('two', [], [2]);
      g.op('d', 'Mul', ['v', 'two:output:0'], T);
      return ['d:z:0'];
    });
    g.fn('negate', [['v', F]], [['out', F]], () => {
      g.op('neg', 'Neg', ['v'], T);
      return ['neg:y:0'];
    });
    g.op('choice', 'StatelessIf', ['pos', 'x'], { Tcond: attr.type('DT_BOOL'), Tin: attr.types([F]), Tout: attr.types([F]), then_branch: attr.func('double'), else_branch: attr.func('negate') });
    g.op('byNumber', 'If', ['s', 'x'], { Tcond: attr.type('DT_FLOAT'), Tin: attr.types([F]), Tout: attr.types([F]), then_branch: attr.func('double'), else_branch: attr.func('negate') });
    const { peer, ours } = await loadBoth(g);
    for (const x of [[[1, 2], [3, -1]], [[-1, -2], [0.5, 0]], [[1, -1], [0, 0]]]) {
      const names = ['choice', 'byNumber'];
      const [a, b] = await ours.executeAsync(tn.tensor(x), names) as tn.Tensor[];
      expectSame([a, b], await peer.executeAsync(tf.tensor(x), names) as tf.Tensor[]);
      const total = x.flat().reduce((p, q) => p + q, 0);
      expect(a.arraySync()).toEqual(x.map((r) => r.map((v) => (total > 0 ? 2 * v : -v))));
      expect(b.arraySync()).toEqual(x.map((r) => r.map((v) => (total !== 0 ? 2 * v : -v))));
    }
  });

  it('an RNN over a TensorList, as tf.function writes a Keras RNN: FromTensor, Reserve, GetItem and SetItem in a While, then Stack', async () => {
    const g = new GraphBuilder(14);
    g.placeholder('x', [4, 2, 3]);
    g.const('w', [3, 3]);
    g.const('u', [3, 3]);
    g.const('eshape', [2], [2, 3], 'int32');
    g.const('steps', [], [4], 'int32');
    g.const('i0', [], [0], 'int32');
    g.const('h0', [2, 3], new Array(6).fill(0));
    g.op('inputs', 'TensorListFromTensor', ['x', 'eshape'], listAttrs);
    g.op('outputs', 'TensorListReserve', ['eshape', 'steps'], listAttrs);
    lessThan(g, 'cond', 4, [['h', F], ['w', F], ['u', F], ['xs', VARIANT], ['hs', VARIANT]]);
    g.fn('body', [['i', INT], ['h', F], ['w', F], ['u', F], ['xs', VARIANT], ['hs', VARIANT]], [['i2', INT], ['h2', F], ['w2', F], ['u2', F], ['xs2', VARIANT], ['hs2', VARIANT]], () => {
      g.const('body_eshape', [2], [2, 3], 'int32');
      g.const('body_one', [], [1], 'int32');
      g.op('item', 'TensorListGetItem', ['xs', 'i', 'body_eshape:output:0'], { element_dtype: attr.type(F) });
      g.op('xw', 'MatMul', ['item:item:0', 'w'], { ...T, transpose_a: attr.b(false), transpose_b: attr.b(false) });
      g.op('hu', 'MatMul', ['h', 'u'], { ...T, transpose_a: attr.b(false), transpose_b: attr.b(false) });
      g.op('pre', 'AddV2', ['xw:product:0', 'hu:product:0'], T);
      g.op('hnext', 'Tanh', ['pre:z:0'], T);
      g.op('set', 'TensorListSetItem', ['hs', 'i', 'hnext:y:0'], { element_dtype: attr.type(F) });
      g.op('inext', 'AddV2', ['i', 'body_one:output:0'], I);
      g.op('xs_id', 'Identity', ['xs'], { T: attr.type(VARIANT) });
      return ['inext:z:0', 'hnext:y:0', 'w', 'u', 'xs_id:output:0', 'set:output_handle:0'];
    });
    g.op('loop', 'While', ['i0', 'h0', 'w', 'u', 'inputs', 'outputs'], { T: attr.types([INT, F, F, F, VARIANT, VARIANT]), cond: attr.func('cond'), body: attr.func('body') });
    g.op('seq', 'TensorListStack', ['loop:5', 'eshape'], { element_dtype: attr.type(F), num_elements: attr.i(4) });
    g.op('last', 'Identity', ['loop:1'], T);
    const { peer, ours } = await loadBoth(g);
    const { t, tfx } = inputPair(g, [4, 2, 3]);
    const names = ['seq', 'last'];
    const before = tn.memory().numTensors;
    const [seq, last] = await ours.executeAsync(t, names) as tn.Tensor[];
    // The lists' items and handles are gone with the run: only the two outputs are left.
    expect(tn.memory().numTensors).toBe(before + 2);
    expectSame([seq, last], await peer.executeAsync(tfx, names) as tf.Tensor[]);
    const byHand = rnnByHand(t, ours);
    expect(byHand.seq.arraySync()).toEqual(seq.arraySync());
    expect(byHand.last.arraySync()).toEqual(last.arraySync());
  });

  it('an If inside a While body, and a function whose output arg is a later output of a multi-output op (TopKV2:indices)', async () => {
    const g = new GraphBuilder(15);
    g.placeholder('x', [5]);
    g.const('i0', [], [0], 'int32');
    lessThan(g, 'cond', 6, [['acc', F]]);
    g.fn('up', [['v', F]], [['out', F]], () => {
      g.const('up_one', [], [1]);
      g.op('plus', 'AddV2', ['v', 'up_one:output:0'], T);
      return ['plus:z:0'];
    });
    g.fn('triple', [['v', F]], [['out', F]], () => {
      g.const('three', [], [3]);
      g.op('times', 'Mul', ['v', 'three:output:0'], T);
      return ['times:z:0'];
    });
    g.fn('body', [['i', INT], ['acc', F]], [['i2', INT], ['acc2', F]], () => {
      g.const('b_one', [], [1], 'int32');
      g.const('b_two', [], [2], 'int32');
      g.const('b_zero', [], [0], 'int32');
      g.op('mod', 'FloorMod', ['i', 'b_two:output:0'], I);
      g.op('even', 'Equal', ['mod:z:0', 'b_zero:output:0'], I);
      g.op('step', 'If', ['even:z:0', 'acc'], { Tcond: attr.type('DT_BOOL'), Tin: attr.types([F]), Tout: attr.types([F]), then_branch: attr.func('up'), else_branch: attr.func('triple') });
      g.op('inext', 'AddV2', ['i', 'b_one:output:0'], I);
      return ['inext:z:0', 'step:output:0'];
    });
    g.op('loop', 'While', ['i0', 'x'], { T: attr.types([INT, F]), cond: attr.func('cond'), body: attr.func('body') });
    g.fn('order', [['v', F]], [['idx', INT]], () => {
      g.const('k', [], [5], 'int32');
      g.op('top', 'TopKV2', ['v', 'k:output:0'], { ...T, sorted: attr.b(true) });
      return ['top:indices:0'];
    });
    g.op('ranked', 'StatefulPartitionedCall', ['loop:1'], { Tin: attr.types([F]), Tout: attr.types([INT]), f: attr.func('order') });
    g.op('result', 'Identity', ['loop:1'], T);
    const x = [0.5, -1, 2, 0, 1];
    const ours = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
    const [acc, ranked] = await ours.executeAsync(tn.tensor(x), ['result', 'ranked']) as tn.Tensor[];
    // Trips 0, 2, 4 add 1; trips 1, 3, 5 triple: ((((v+1)·3+1)·3+1)·3.
    const expected = x.map((v) => (((v + 1) * 3 + 1) * 3 + 1) * 3);
    expect(Array.from(acc.dataSync())).toEqual(expected);
    expect(Array.from(ranked.dataSync())).toEqual([2, 4, 0, 3, 1]);
    // TF.js has no StatefulPartitionedCall; the loop alone runs the same there.
    const peer = await tf.loadGraphModel(tf.io.fromMemory(g.artifacts({ modelTopology: { ...g.artifacts().modelTopology, node: g.nodes.filter((n) => n.name !== 'ranked') } }) as tf.io.ModelArtifacts));
    expectSame(acc, await peer.executeAsync(tf.tensor(x), 'result') as tf.Tensor);
  });
});

describe('TensorList ops compute as TF computes them', () => {
  const run = async (build: (g: GraphBuilder) => void, outputs: string[]): Promise<tn.Tensor[]> => {
    const g = new GraphBuilder(20);
    g.placeholder('x', [3, 2]);
    build(g);
    const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
    return model.execute(tn.tensor([[1, 2], [3, 4], [5, 6]]), outputs) as tn.Tensor[];
  };
  const unknown = (g: GraphBuilder) => g.const('any', [], [-1], 'int32');

  it('Scatter, Gather, Length, ElementShape, Resize, PushBack and PopBack', async () => {
    const out = await run((g) => {
      unknown(g);
      g.const('where', [3], [4, 0, 2], 'int32');
      g.op('scattered', 'TensorListScatterV2', ['x', 'where', 'any', 'any'], listAttrs);
      g.op('len', 'TensorListLength', ['scattered'], {});
      g.op('eshape', 'TensorListElementShape', ['scattered'], { shape_type: attr.type(INT) });
      g.const('picks', [3], [2, 0, 4], 'int32');
      // Item 1 is unset; its element shape [2] is known from x, so it gathers as zeros.
      g.const('gaps', [2], [1, 0], 'int32');
      g.op('gathered', 'TensorListGather', ['scattered', 'picks', 'any'], { element_dtype: attr.type(F) });
      g.op('withGap', 'TensorListGather', ['scattered', 'gaps', 'any'], { element_dtype: attr.type(F) });
      g.const('two', [], [2], 'int32');
      g.op('cut', 'TensorListResize', ['scattered', 'two'], {});
      g.op('cutLen', 'TensorListLength', ['cut'], {});
      g.const('extra', [2], [7, 8]);
      g.op('pushed', 'TensorListPushBack', ['cut', 'extra'], { element_dtype: attr.type(F) });
      g.op('popped', 'TensorListPopBack', ['pushed', 'any'], { element_dtype: attr.type(F) });
      g.op('rest', 'TensorListLength', ['popped'], {});
    }, ['len', 'eshape', 'gathered', 'withGap', 'cutLen', 'popped:1', 'rest']);
    // The list keeps the op's element shape (unknown, -1), as TF keeps it; the gap reads as zeros of item 0's shape.
    expect(out.map((t) => t.arraySync())).toEqual([5, -1, [[5, 6], [3, 4], [1, 2]], [[0, 0], [3, 4]], 2, [7, 8], 2]);
  });

  it('Split and Concat(V2): lengths, rows joined back, and the lengths output', async () => {
    const out = await run((g) => {
      unknown(g);
      g.const('lengths', [2], [1, 2], 'int32');
      g.op('parts', 'TensorListSplit', ['x', 'any', 'lengths'], { element_dtype: attr.type(F), shape_type: attr.type(INT) });
      g.const('lead', [0], [], 'int32');
      g.op('joined', 'TensorListConcatV2', ['parts', 'any', 'lead'], { element_dtype: attr.type(F), shape_type: attr.type(INT) });
      g.op('first', 'TensorListGetItem', ['parts', 'zero', 'any'], { element_dtype: attr.type(F) });
      g.const('zero', [], [0], 'int32');
    }, ['joined', 'joined:1', 'first']);
    expect(out.map((t) => t.arraySync())).toEqual([[[1, 2], [3, 4], [5, 6]], [1, 2], [[1, 2]]]);
  });

  it('as TF: a list keeps the op\'s element shape (items of other shapes may follow), an unset item reads as zeros shaped as the others, ConcatV2 fills gaps by leading_dims', async () => {
    const out = await run((g) => {
      unknown(g);
      g.op('rows', 'TensorListFromTensor', ['x', 'any'], listAttrs);
      g.const('longer', [3], [7, 8, 9]);
      g.op('pushed', 'TensorListPushBack', ['rows', 'longer'], { element_dtype: attr.type(F) });
      g.op('len', 'TensorListLength', ['pushed'], {});
      g.const('three', [], [3], 'int32');
      g.op('got', 'TensorListGetItem', ['pushed', 'three', 'any'], { element_dtype: attr.type(F) });
      g.const('n', [], [3], 'int32');
      g.const('zero', [], [0], 'int32');
      g.const('two', [], [2], 'int32');
      g.const('pair', [2], [7, 8]);
      g.op('reserved', 'TensorListReserve', ['any', 'n'], listAttrs);
      g.op('one', 'TensorListSetItem', ['reserved', 'zero', 'pair'], { element_dtype: attr.type(F) });
      g.op('gap', 'TensorListGetItem', ['one', 'two', 'any'], { element_dtype: attr.type(F) });
      g.const('eshape', [2], [-1, 2], 'int32');
      g.const('count', [], [2], 'int32');
      g.op('blocks', 'TensorListReserve', ['eshape', 'count'], listAttrs);
      g.op('first', 'TensorListSetItem', ['blocks', 'zero', 'x'], { element_dtype: attr.type(F) });
      g.const('lead', [2], [1, 2], 'int32');
      g.op('joined', 'TensorListConcatV2', ['first', 'eshape', 'lead'], { element_dtype: attr.type(F), shape_type: attr.type(INT) });
    }, ['len', 'got', 'gap', 'joined', 'joined:1']);
    expect(out.map((t) => t.arraySync())).toEqual([4, [7, 8, 9], [0, 0], [[1, 2], [3, 4], [5, 6], [0, 0], [0, 0]], [3, 2]]);
  });

  it('bad use is refused naming the node: an index past the end, a dtype other than the list\'s, an unset item of unknown shape, a non-handle', async () => {
    const attempt = (build: (g: GraphBuilder) => void, output: string) => run(build, [output]);
    const base = (g: GraphBuilder) => {
      unknown(g);
      g.const('n', [], [2], 'int32');
      g.op('list', 'TensorListReserve', ['any', 'n'], listAttrs);
    };
    await expect(attempt((g) => {
      base(g);
      g.const('far', [], [2], 'int32');
      g.const('v', [2], [1, 1]);
      g.op('set', 'TensorListSetItem', ['list', 'far', 'v'], { element_dtype: attr.type(F) });
    }, 'set')).rejects.toThrow(/node 'set' \(TensorListSetItem\): index 2 is outside the 2 items/);
    await expect(attempt((g) => {
      base(g);
      g.const('at', [], [0], 'int32');
      g.const('v', [2], [1, 1], 'int32');
      g.op('set', 'TensorListSetItem', ['list', 'at', 'v'], { element_dtype: attr.type(F) });
    }, 'set')).rejects.toThrow(/node 'set' \(TensorListSetItem\): the item is int32 but the list holds float32/);
    await expect(attempt((g) => {
      base(g);
      g.op('all', 'TensorListStack', ['list', 'any'], { element_dtype: attr.type(F) });
    }, 'all')).rejects.toThrow(/node 'all' \(TensorListStack\): item 0 is unset and the element shape has an unknown rank is not fully known|item 0 is unset/);
    await expect(attempt((g) => {
      base(g);
      g.op('len', 'TensorListLength', ['n'], {});
    }, 'len')).rejects.toThrow(/node 'len' \(TensorListLength\), input 0: input must be a TensorList handle/);
    // An int32 scalar of the graph's own is no handle, even where it equals a list's place in the run.
    await expect(attempt((g) => {
      base(g);
      g.const('zero', [], [0], 'int32');
      g.op('len', 'TensorListLength', ['zero'], {});
      g.nodes[g.nodes.length - 1].input!.push('^list');
    }, 'len')).rejects.toThrow(/node 'len' \(TensorListLength\), input 0: input must be a TensorList handle/);
  });
});

describe('errors in a run name the node', () => {
  it('an op of a While body that fails names the loop, the function and its node', async () => {
    const g = new GraphBuilder(31);
    g.placeholder('x', [3]);
    g.const('i0', [], [0], 'int32');
    lessThan(g, 'cond', 2, [['v', F]]);
    g.fn('body', [['i', INT], ['v', F]], [['i2', INT], ['v2', F]], () => {
      g.const('b_one', [], [1], 'int32');
      g.const('bad_shape', [2], [1, 2], 'int32');
      g.op('r', 'Reshape', ['v', 'bad_shape:output:0'], { ...T, Tshape: attr.type(INT) });
      g.op('inext', 'AddV2', ['i', 'b_one:output:0'], I);
      return ['inext:z:0', 'r:output:0'];
    });
    g.op('loop', 'While', ['i0', 'x'], { T: attr.types([INT, F]), cond: attr.func('cond'), body: attr.func('body') });
    const model = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
    const x = tn.tensor([1, 2, 3]);
    const before = tn.memory().numTensors;
    await expect(model.executeAsync(x, 'loop:1')).rejects.toThrow(/node 'loop' \(While\): .*function 'body' node 'r' \(Reshape\): reshape/);
    expect(tn.memory().numTensors).toBe(before);
  });
});

describe('graph functions are checked when the model loads', () => {
  const model = (build: (g: GraphBuilder) => void) => {
    const g = new GraphBuilder(30);
    g.placeholder('x', [2]);
    g.fn('neg', [['v', F]], [['out', F]], () => {
      g.op('n', 'Neg', ['v'], T);
      return ['n:y:0'];
    });
    build(g);
    return tn.loadGraphModel(tn.io.fromMemory(g.artifacts()));
  };

  it('a missing function, a wrong argument count, a bad output name, an unknown op inside a function', async () => {
    await expect(model((g) => g.op('c', 'PartitionedCall', ['x'], { f: attr.func('gone') }))).rejects.toThrow(/node 'c' \(PartitionedCall\): attr 'f' names function 'gone', which the model's library does not hold \(it holds \[neg\]\)/);
    await expect(model((g) => g.op('c', 'PartitionedCall', ['x', 'x'], { f: attr.func('neg') }))).rejects.toThrow(/function 'neg' \(attr 'f'\) takes 1 arguments, but the node passes it 2/);
    await expect(model((g) => g.op('w', 'While', ['x'], { body: attr.func('neg') }))).rejects.toThrow(/node 'w' \(While\): attr 'cond' must name a function of the model's library, got none/);
    await expect(model((g) => {
      g.fn('odd', [['v', F]], [['out', INT]], () => {
        g.const('k', [], [1], 'int32');
        g.op('top', 'TopKV2', ['v', 'k:output:0'], T);
        return ['top:bogus:0'];
      });
    })).rejects.toThrow(/function 'odd' node 'top' \(TopKV2\): output 'top:bogus:0' .* is not one of its outputs \(values:0, indices:0\)/);
    await expect(model((g) => {
      g.fn('strange', [['v', F]], [['out', F]], () => {
        g.op('s', 'FancyOp', ['v'], T);
        return ['s:y:0'];
      });
    })).rejects.toThrow(/function 'strange' node 's' \(FancyOp\): tessera's GraphModel does not run this op/);

  });
});
