import type { Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// String tensors as TF.js programs use them: made from strings (or their UTF-8 bytes), read back, printed, counted by
// tf.memory(), reshaped, sliced, joined, tiled, compared and made unique; every other op refuses them, as TF.js's.

/** The value of f, or 'threw': several throw-or-not checks fit in one program. */
const attempt = (f: () => unknown): unknown => {
  try { return f(); } catch { return 'threw'; }
};
const described = (t: Tensor) => [t.dtype, t.shape, t.arraySync()];
/**
 * tf.memory()'s tensor and buffer counts now less those before. Not its bytes: TF.js's count of them turns NaN for good
 * once a program makes a string tensor of numbers, and other suites do; test/ops/strings.test.ts holds the bytes.
 */
const memoryDelta = (tf: TF, before: { numTensors: number; numDataBuffers: number }) => {
  const m = tf.memory();
  return [m.numTensors - before.numTensors, m.numDataBuffers - before.numDataBuffers];
};

const making: Program[] = [
  {
    name: 'string tensors from strings: the inferred dtype, shapes from the nesting, dataSync, arraySync and data',
    run: async (tf) => {
      const a = tf.tensor(['a', 'bé', 'ccc']);
      const b = tf.tensor2d([['a', 'b'], ['c', 'd']]);
      const c = tf.tensor(['a', 'b', 'c', 'd', 'e', 'f'], [3, 2]);
      const d = tf.tensor3d(['a', 'b'], [1, 1, 2]);
      return [
        described(a), described(b), described(c), described(d), described(tf.scalar('hi')), described(tf.tensor('abc')),
        described(tf.tensor1d([], 'string')), a.dataSync(), await a.data(), await b.array(), tf.scalar('x').arraySync(),
        described(tf.tensor(['a', 1, true] as unknown as string[])), a.size, a.rank, a.strides, c.strides,
      ];
    },
  },
  {
    name: 'strings given a numeric dtype are parsed as numbers; a string fill; a shape that does not fit is refused',
    run: (tf) => [
      described(tf.tensor(['1', '2.5'], [2], 'float32')), described(tf.tensor(['1.7', '-2.5', 'a'], [3], 'int32')),
      described(tf.tensor(['0', '1', 'a', ''], [4], 'bool')), described(tf.tensor1d(['a'], 'float32')), described(tf.scalar('3', 'float32')),
      described(tf.fill([2, 2], 'ab')), described(tf.fill([2], 'ab', 'string')),
      attempt(() => tf.tensor(['a', 'b', 'c'], [2])), attempt(() => tf.tensor1d([['a']] as unknown as string[])), attempt(() => tf.zeros([2], 'string')),
      attempt(() => tf.ones([2], 'string')),
    ],
  },
  {
    name: 'strings given as their UTF-8 bytes (Uint8Array), read back decoded and as bytes',
    run: async (tf) => {
      const t = tf.tensor([new Uint8Array([104, 105]), new Uint8Array([0xc3, 0xa9])], [2], 'string');
      const bytes = (await tf.tensor(['hé', ''], [2], 'string').bytes()) as Uint8Array[];
      return [described(t), bytes.map((b) => Array.from(b)), ((await t.bytes()) as Uint8Array[]).map((b) => Array.from(b))];
    },
  },
  {
    name: 'printing string tensors: quoted elements padded per column, long axes cut, a scalar unquoted, verbose',
    run: (tf) => {
      tf.tensor(['a', 'bé', 'ccc']).print();
      tf.tensor(['a', 'bé', 'ccc']).print(true);
      tf.tensor2d([['a', 'b'], ['c', 'd']]).print();
      tf.tensor3d([[['aa', 'b']], [['c', 'dddd']]]).print();
      tf.tensor(Array.from({ length: 30 }, (_, i) => `x${i}`)).print();
      tf.tensor2d(Array.from({ length: 25 }, (_, i) => [`r${i}`, `long${i}`])).print();
      tf.scalar('ab').print(true);
      tf.tensor1d([], 'string').print();
      tf.print(tf.tensor1d(['p', 'q']));
      return [tf.tensor1d(['it\'s', 'a"b']).toString(), `${tf.scalar('s')}`];
    },
  },
  {
    name: 'buffers of strings: tf.buffer with values, set and get, toTensor, and a string tensor\'s bufferSync',
    run: (tf) => {
      const b = tf.buffer([2, 2], 'string', ['w', 'x', 'y', 'z']);
      b.set('q', 1, 0);
      const fromEmpty = tf.buffer([2], 'string');
      fromEmpty.set('k', 0);
      fromEmpty.set('m', 1);
      const s = tf.tensor(['a', 'bé', 'ccc']).bufferSync();
      s.set('z', 0);
      return [described(b.toTensor()), b.get(1, 0), b.get(0, 1), described(fromEmpty.toTensor()), s.get(1), described(s.toTensor()), b.values];
    },
  },
];

const variables: Program[] = [
  {
    name: 'a variable of strings: made from a string tensor, assigned other strings, and refused a numeric value',
    run: (tf) => {
      const t = tf.tensor1d(['a', 'b']);
      const v = tf.variable(t, false, 'words28');
      const first = described(v);
      v.assign(tf.tensor1d(['c', 'dé']));
      t.dispose();
      return [first, described(v), v.name, v.trainable, described(v.reshape([2, 1])), attempt(() => v.assign(tf.tensor1d([1, 2]) as unknown as typeof v))];
    },
  },
];

const memory: Program[] = [
  {
    name: 'tf.memory() counts a string tensor made from values, with the note on strings',
    run: (tf) => {
      const before = tf.memory();
      const a = tf.tensor(['a', 'bé', 'ccc']);
      const made = memoryDelta(tf, before);
      const reasons = tf.memory().reasons;
      a.dispose();
      return [made, reasons, memoryDelta(tf, before)];
    },
  },
  {
    name: 'tf.memory() after reshape, clone, an op\'s string result and disposing them, as TF.js counts them',
    run: (tf) => {
      const before = tf.memory();
      const t = tf.tensor(['abcd', 'ef', '', 'g']);
      const r = t.reshape([2, 2]);
      const viewed = memoryDelta(tf, before);
      const c = tf.clone(r);
      const cloned = memoryDelta(tf, before);
      const s = tf.slice(t, [1], [2]);
      const sliced = memoryDelta(tf, before);
      s.dispose();
      const slicedGone = memoryDelta(tf, before);
      c.dispose();
      r.dispose();
      t.dispose();
      return [viewed, cloned, sliced, slicedGone, memoryDelta(tf, before)];
    },
  },
  {
    name: 'string tensors in tf.tidy are disposed unless returned or kept',
    run: (tf) => {
      const before = tf.memory().numTensors;
      const kept: Tensor[] = [];
      const out = tf.tidy(() => {
        const a = tf.tensor(['x', 'y']);
        kept.push(tf.keep(tf.tensor(['k'])));
        tf.concat([a, a]);
        return tf.reverse(tf.tensor1d([1, 2])) && tf.stack([a, a]);
      });
      return [tf.memory().numTensors - before, described(out), kept[0].isDisposed, described(kept[0])];
    },
  },
];

const structural: Program[] = [
  {
    name: 'reshape, expandDims, squeeze, flatten, as2D, reshapeAs and clone of string tensors',
    run: (tf) => {
      const a = tf.tensor2d([['a', 'b', 'c'], ['d', 'e', 'f']]);
      return [
        described(a.reshape([3, 2])), described(tf.reshape(a, [-1])), described(tf.expandDims(a, 1)), described(a.expandDims(-1)),
        described(tf.squeeze(a.reshape([1, 6, 1]))), described(tf.squeeze(a.reshape([1, 6, 1]), [2])), described(a.flatten()),
        described(a.as2D(3, 2)), described(a.reshapeAs(tf.zeros([6]))), described(tf.clone(a)), described(a.clone()),
        attempt(() => tf.reshape(a, [4])), attempt(() => tf.squeeze(a, [0])), attempt(() => tf.expandDims(a, 4)),
      ];
    },
  },
  {
    name: 'slice and stridedSlice of string tensors (slice1d and slice2d refuse them, as TF.js)',
    run: (tf) => {
      const a = tf.tensor2d([['a', 'b', 'c'], ['d', 'e', 'f']]);
      return [
        described(tf.slice(a, [0, 1], [2, 2])), described(a.slice([1, 0])), described(tf.slice(tf.tensor1d(['p', 'q', 'r']), 1, 1)),
        described(tf.stridedSlice(a, [0, 0], [2, 3], [1, 2])), described(tf.stridedSlice(a, [1, 2], [0, 0], [-1, -1])),
        described(a.stridedSlice([0], [1], [1], 0, 0, 0, 0, 1)),
        attempt(() => tf.slice(a, [0, 2], [2, 2])), attempt(() => tf.slice1d(tf.tensor1d(['p', 'q']), 0, 1)),
        attempt(() => tf.slice2d(a, [0, 0], [1, 1])),
      ];
    },
  },
  {
    name: 'concat, concat1d, concat2d, stack and unstack of string tensors and of arrays of strings',
    run: (tf) => {
      const a = tf.tensor2d([['a', 'b', 'c'], ['d', 'e', 'f']]);
      const v = tf.tensor1d(['a', 'b', 'b', 'c', 'c']);
      return [
        described(tf.concat([a, a], 1)), described(tf.concat([a, a])), described(tf.concat([v])), described(tf.concat1d([v, v])),
        described(tf.concat2d([tf.tensor2d([['a']]), tf.tensor2d([['b']])], 0)), described(tf.concat([['a', 'b'], ['c', 'd']] as unknown as Tensor[])),
        described(tf.stack([v, v], 1)), described(tf.stack([['a', 'b'], ['c', 'd']] as unknown as Tensor[])), described(tf.stack([tf.scalar('s'), tf.scalar('t')])),
        tf.unstack(a, 1).map(described), tf.unstack(a).map(described), a.unstack().map(described),
        attempt(() => tf.stack([v, tf.tensor1d(['a'])])), attempt(() => tf.stack([v, tf.ones([5])])), attempt(() => tf.concat([a, tf.ones([2, 3])], 1)),
        attempt(() => tf.concat([a, tf.tensor1d(['a'])])),
      ];
    },
  },
  {
    name: 'tile and gatherND of string tensors, with their checks',
    run: (tf) => {
      const a = tf.tensor2d([['a', 'b', 'c'], ['d', 'e', 'f']]);
      return [
        described(tf.tile(a, [2, 1])), described(a.tile([1, 2])), described(tf.tile(tf.tensor1d(['x', 'y']), [3])), described(tf.tile(a, [1, 1])),
        described(tf.gatherND(a, [[0, 1], [1, 2]])), described(tf.gatherND(a, [[1], [0]])), described(tf.gatherND(a, tf.tensor2d([[1, 1]], [1, 2], 'int32'))),
        attempt(() => tf.tile(a, [2])), attempt(() => tf.gatherND(a, [[7, 0]])), attempt(() => tf.gatherND(a, tf.tensor2d([[1, 0]]))),
      ];
    },
  },
  {
    name: 'sparseToDense of string values (last write wins), a scalar value, its default; ensureShape of strings',
    run: (tf) => [
      described(tf.sparseToDense([[0], [2]], ['x', 'y'] as unknown as Tensor, [3], 'q' as unknown as Tensor)),
      described(tf.sparseToDense([[0], [2]], tf.scalar('x'), [3], tf.scalar('q'))),
      described(tf.sparseToDense([[0], [0], [0]], tf.tensor1d(['x', 'y', 'z']), [3], tf.scalar('q'))),
      described(tf.sparseToDense([[1, 0]], tf.tensor1d(['w']), [2, 2], tf.scalar(''))),
      attempt(() => tf.sparseToDense([[0]], tf.tensor1d(['x']), [3])), attempt(() => tf.sparseToDense([[0]], tf.tensor1d(['x']), [3], 5)),
      attempt(() => tf.sparseToDense([[4]], tf.tensor1d(['x']), [3], tf.scalar('q'))),
      described(tf.ensureShape(tf.tensor1d(['x', 'y']), [null])), attempt(() => tf.ensureShape(tf.tensor1d(['x', 'y']), [3])),
    ],
  },
  {
    name: 'tf.unique of strings (its documentation\'s example), along an axis, empty, and as a method',
    run: (tf) => {
      const { values, indices } = tf.unique(tf.tensor1d(['a', 'b', 'b', 'c', 'c']));
      values.print();
      indices.print();
      const rows = tf.unique(tf.tensor2d([['a', 'b'], ['a', 'b'], ['c', 'd']]), 0);
      const cols = tf.unique(tf.tensor2d([['a', 'a'], ['b', 'b']]), 1);
      const deep = tf.unique(tf.tensor3d([[['a', 'b'], ['a', 'b']], [['c', 'd'], ['a', 'b']]]), 1);
      const empty = tf.unique(tf.tensor1d([], 'string'));
      const method = tf.tensor1d(['z', 'y', 'z']).unique();
      return [
        [rows.values, rows.indices], [cols.values, cols.indices], [deep.values, deep.indices], [empty.values, empty.indices], [method.values, method.indices],
        attempt(() => tf.unique(tf.scalar('a'))),
      ];
    },
  },
  {
    name: 'comparisons of strings: equal, notEqual, less, lessEqual, greater, greaterEqual, broadcast, and with strings given as values',
    run: (tf) => {
      const v = tf.tensor1d(['a', 'b', 'B', 'ab', '']);
      const w = tf.tensor1d(['b', 'a', 'B', 'a', 'x']);
      return [
        tf.equal(v, w), tf.notEqual(v, w), tf.less(v, w), tf.lessEqual(v, w), tf.greater(v, w), tf.greaterEqual(v, w),
        tf.equal(tf.tensor2d([['a'], ['b']]), tf.tensor1d(['a', 'b', 'c'])), tf.equal(v, tf.scalar('b')), tf.equal(v, 'a' as unknown as Tensor),
        tf.equal(['a', 'b'] as unknown as Tensor, ['a', 'c'] as unknown as Tensor), v.equal(w), v.greater(w),
        attempt(() => tf.equal(v, 1)), attempt(() => tf.equal(v, tf.tensor1d([1, 2, 3, 4, 5]))), attempt(() => tf.equal(v, tf.tensor1d(['a', 'b']))),
      ];
    },
  },
];

const refused: Program[] = [
  {
    name: 'ops TF.js refuses for string tensors: math, reductions, gather, split, transpose, reverse, pad, where, cast',
    run: (tf) => {
      const v = tf.tensor1d(['a', 'b', 'c']);
      const a = tf.tensor2d([['a', 'b'], ['c', 'd']]);
      const ops: Array<() => unknown> = [
        () => tf.add(v, v), () => tf.mul(v, 2), () => tf.neg(v), () => tf.sum(v), () => tf.max(v), () => tf.argMax(v), () => tf.abs(v),
        () => tf.square(v), () => tf.relu(v), () => tf.matMul(a, a), () => tf.logicalAnd(v, v), () => tf.gather(v, [0]), () => tf.split(a, 2),
        () => tf.transpose(a), () => tf.reverse(v), () => tf.broadcastTo(v, [2, 3]), () => tf.pad(v, [[1, 0]]), () => tf.mirrorPad(a, [[1, 0], [0, 0]], 'reflect'),
        () => tf.where(tf.tensor1d([true, false, true]), v, v), () => tf.cast(v, 'float32'), () => tf.cast(tf.tensor1d([1]), 'string' as 'float32'),
        () => tf.cast(v, 'string' as 'float32'), () => tf.zerosLike(v), () => tf.onesLike(v), () => tf.oneHot(v, 3), () => tf.topk(v), () => tf.cumsum(v),
        () => tf.sign(v), () => tf.isNaN(v), () => tf.reverse1d(v), () => tf.unsortedSegmentSum(v, [0, 0, 1], 2), () => tf.dropout(v, 0.5),
        () => tf.complex(v, v), () => tf.real(v), () => tf.scatterND([[1]], tf.tensor1d(['q']), [3]), () => tf.minimum(v, v), () => tf.softmax(v),
        () => tf.tensorScatterUpdate(v, [[1]], tf.tensor1d(['q'])), () => tf.spaceToBatchND(tf.tensor4d(['a', 'b', 'c', 'd'], [1, 2, 2, 1]), [2, 2], [[0, 0], [0, 0]]),
        () => v.toFloat(), () => tf.einsum('i->i', v), () => tf.mean(v), () => tf.exp(v),
      ];
      return ops.map((op) => attempt(op));
    },
  },
  {
    name: 'gradients through string ops are refused where the numeric ops would be, and a number beside strings',
    run: (tf) => [
      attempt(() => tf.grad((x: Tensor) => tf.sum(x))(tf.tensor1d(['a']))),
      attempt(() => tf.add(tf.tensor1d([1]), 'a' as unknown as Tensor)),
      attempt(() => tf.scalar(new Uint8Array([65]) as unknown as string)),
    ],
  },
];

const namespace: Program[] = [
  {
    name: 'tf.string.stringSplit: its documentation\'s example, several delimiter bytes, an empty delimiter, skipEmpty false',
    run: (tf) => {
      const doc = tf.string.stringSplit(['hello world', 'a b c'], ' ');
      doc.indices.print();
      doc.values.print();
      doc.shape.print();
      const many = tf.string.stringSplit(tf.tensor1d(['a,b;;c', '', ';x;']), ',;');
      const chars = tf.string.stringSplit(['abc', 'dé'], '');
      const kept = tf.string.stringSplit(['a  b ', ' '], ' ', false);
      return [
        [many.indices, many.values, many.shape], [chars.indices, chars.shape, chars.values], [kept.indices, kept.values, kept.shape],
        attempt(() => tf.string.stringSplit(tf.tensor2d([['a']]), ' ')), attempt(() => tf.string.stringSplit(['a'], tf.tensor1d([' ']))),
        attempt(() => tf.string.stringSplit(tf.tensor1d([1, 2]) as unknown as string[], ' ')),
      ];
    },
  },
  {
    name: 'tf.string.stringNGrams: its documentation\'s example, padding widths, short sequences kept or dropped, bad splits',
    run: (tf) => {
      const doc = tf.string.stringNGrams(['a', 'b', 'c', 'd'], tf.tensor1d([0, 2, 4], 'int32'), '|', [1, 2], 'LP', 'RP', -1, false);
      doc.nGrams.print();
      doc.nGramsSplits.print();
      const splits = tf.tensor1d([0, 1, 4, 4], 'int32');
      const data = tf.tensor1d(['x', 'a', 'b', 'c']);
      const run = (widths: number[], pad: number, keep: boolean) => {
        const r = tf.string.stringNGrams(data, splits, ' ', widths, '<', '>', pad, keep);
        return [r.nGrams, r.nGramsSplits];
      };
      return [
        run([3], 0, false), run([3], 0, true), run([2, 3], 1, false), run([4], 2, true), run([1], -1, true), run([5], 1, true),
        attempt(() => tf.string.stringNGrams(data, tf.tensor1d([1, 4], 'int32'), ' ', [2], '', '', 0, false)),
        attempt(() => tf.string.stringNGrams(data, tf.tensor1d([0, 5], 'int32'), ' ', [2], '', '', 0, false)),
        attempt(() => tf.string.stringNGrams(data, tf.tensor1d([0, 2], 'int32'), ' ', [2], '', '', 0, false)),
        attempt(() => tf.string.stringNGrams(data, [0, 4], ' ', [2], '', '', 0, false)),
        attempt(() => tf.string.stringNGrams(tf.tensor2d([['a']]), tf.tensor1d([0, 1], 'int32'), ' ', [2], '', '', 0, false)),
      ];
    },
  },
  {
    name: 'tf.string.stringToHashBucketFast: its documentation\'s example, long strings, many buckets, and its checks',
    run: (tf) => {
      tf.string.stringToHashBucketFast(['Hello', 'TensorFlow', '2.x'], 3).print();
      const long = ['', 'a', 'x'.repeat(17), 'y'.repeat(40), 'z'.repeat(100), 'héllo wörld, this is longer than sixty-four bytes in all: 0123456789'];
      return [
        tf.string.stringToHashBucketFast(long, 1000), tf.string.stringToHashBucketFast(tf.tensor2d([['a', 'b'], ['c', 'd']]), 2 ** 31),
        tf.string.stringToHashBucketFast(long, 1), attempt(() => tf.string.stringToHashBucketFast(['a'], 0)),
        attempt(() => tf.string.stringToHashBucketFast(tf.tensor1d([1]) as unknown as string[], 3)),
      ];
    },
  },
  {
    name: 'tf.string.staticRegexReplace: its documentation\'s example, the first match only, groups in the rewrite',
    run: (tf) => {
      tf.string.staticRegexReplace(['format       this   spacing      better'], ' +', ' ').print();
      const t = tf.tensor2d([['aaa', 'bab'], ['', 'cac']]);
      return [
        tf.string.staticRegexReplace(t, 'a', 'X'), tf.string.staticRegexReplace(t, 'a', 'X', false),
        tf.string.staticRegexReplace(['2024-01-05'], '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1'), tf.string.staticRegexReplace('scalar', 'a', ''),
        attempt(() => tf.string.staticRegexReplace(tf.tensor1d([1]) as unknown as string[], 'a', 'b')),
      ];
    },
  },
];

export const s28Strings: Program[] = [...making, ...variables, ...memory, ...structural, ...refused, ...namespace];
