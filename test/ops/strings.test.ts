import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// String tensors: what tn.memory() counts for them (TF.js's engine: a tensor made from values counts its UTF-8 bytes,
// an op's result none), and the errors of everything that does not take strings, naming the argument.

const counts = () => {
  const m = tn.memory();
  return [m.numTensors, m.numDataBuffers, m.numBytes];
};
const less = (a: number[], b: number[]) => a.map((v, i) => v - b[i]);

describe('string tensors in tn.memory()', () => {
  it('a tensor made from strings counts their UTF-8 bytes; a view and an op result add a tensor and no bytes', () => {
    const before = counts();
    // 'a' (1 byte), 'bé' (3: é is two bytes in UTF-8), 'ccc' (3).
    const t = tn.tensor(['a', 'bé', 'ccc']);
    expect(less(counts(), before)).toEqual([1, 1, 7]);
    expect(tn.memory().reasons).toContain('Memory usage by string tensors is approximate (2 bytes per character)');
    const view = t.reshape([3, 1]);
    expect(less(counts(), before)).toEqual([2, 1, 7]);
    expect(view.dataId).toBe(t.dataId);
    const part = tn.slice(t, 1, 2);
    expect(less(counts(), before)).toEqual([3, 2, 7]);
    part.dispose();
    expect(less(counts(), before)).toEqual([2, 1, 7]);
    view.dispose();
    t.dispose();
    // As TF.js's engine: each string tensor disposed takes its buffer's bytes off, so a view's disposal does too.
    expect(less(counts(), before)).toEqual([0, 0, -7]);
  });

  it('a buffer of strings made into a tensor counts the bytes; a fill of a string counts none, as TF.js', () => {
    const before = counts();
    const b = tn.buffer([2], 'string', ['xy', 'z']).toTensor();
    expect(less(counts(), before)).toEqual([1, 1, 3]);
    const f = tn.fill([4], 'abc');
    expect(less(counts(), before)).toEqual([2, 2, 3]);
    expect(f.dataSync()).toEqual(['abc', 'abc', 'abc', 'abc']);
    b.dispose();
    f.dispose();
    expect(less(counts(), before)).toEqual([0, 0, 0]);
    expect(tn.memory().reasons).not.toContain('Memory usage by string tensors is approximate (2 bytes per character)');
  });
});

describe('string tensors refused with the argument, what it got and what was expected', () => {
  const v = () => tn.tensor1d(['a', 'b', 'c']);
  it.each([
    ['add', () => tn.add(v(), v()), 'add: a must be a numeric tensor (add does not take strings), got a string tensor'],
    ['sum', () => tn.sum(v()), 'sum: x must be a numeric tensor (sum does not take strings), got a string tensor'],
    ['gather', () => tn.gather(v(), [0]), 'gather: x must be a numeric tensor (gather does not take strings), got a string tensor'],
    ['transpose', () => tn.transpose(tn.tensor2d([['a', 'b']])), 'transpose: x must be a numeric tensor (transpose does not take strings), got a string tensor'],
    ['cast from string', () => tn.cast(v(), 'float32'), 'cast: x must be a numeric tensor (cast does not take strings), got a string tensor'],
    ['add with strings as values', () => tn.add(tn.tensor1d([1]), ['a'] as unknown as tn.Tensor), 'add: b must be numbers or booleans (add does not take strings), got strings'],
    // An op that parses its values as bool, int32 or float32 (TF.js's convertToTensor with a dtype) refuses strings too.
    ['all with strings as values', () => tn.all(['a'] as unknown as tn.Tensor), 'all: x must be numbers or booleans (all does not take strings), got strings'],
    ['logicalNot with strings as values', () => tn.logicalNot(['a'] as unknown as tn.Tensor), 'logicalNot: x must be numbers or booleans (logicalNot does not take strings), got strings'],
    ['gather with string indices', () => tn.gather([1, 2], ['0'] as unknown as tn.Tensor), 'gather: indices must be numbers or booleans (gather does not take strings), got strings'],
    ['equal with a number', () => tn.equal(v(), 1), 'equal: b must be strings, as a is (strings compare only with strings), got number 1'],
    ['stack with a float tensor', () => tn.stack([v(), tn.ones([3])]), 'stack: tensors[1] must be a string tensor, as strings join and compare only with strings, got a tensor of shape [3] and dtype float32'],
    ['numbers given dtype string', () => tn.tensor([1, 2], [2], 'string'), "tensor: values[0] must be a string or a Uint8Array of its bytes (the dtype is 'string'), got number 1"],
    ['a string buffer holding a number', () => { const b = tn.buffer([1], 'string'); b.set(5, 0); return b.toTensor(); }, "TensorBuffer.toTensor: values[0] must be a string or a Uint8Array of its bytes (the dtype is 'string'), got number 5"],
    ['fill of a string as float32', () => tn.fill([2], 'a', 'float32'), `fill: dtype must be 'string' (or none) for the string value "a", got string "float32"`],
  ])('%s', (_, f, message) => {
    expect(f).toThrow(message);
  });

  it('a string tensor\'s checks name the op the program called (slice, tile, gatherND, unique)', () => {
    const a = tn.tensor2d([['a', 'b'], ['c', 'd']]);
    expect(() => tn.slice(a, [0, 1], [2, 2])).toThrow(/^slice: size must be /);
    expect(() => tn.tile(a, [2])).toThrow(/^tile: reps must be an array of 2 non-negative integers/);
    expect(() => tn.gatherND(a, [[5, 0]])).toThrow(/^gatherND: indices/);
    expect(() => tn.unique(tn.scalar('a'))).toThrow('unique: x must be a tensor of rank >= 1, got a scalar');
  });

  it('reshape takes strings given as values, as TF.js parses its x as string or numeric', () => {
    const r = tn.reshape(['a', 'b', 'c', 'd'], [2, -1]);
    expect([r.dtype, r.arraySync()]).toEqual(['string', [['a', 'b'], ['c', 'd']]]);
    expect(() => tn.reshape(['a', 'b'], [3])).toThrow(/^reshape: shape must have the same number of elements \(2\)/);
  });

  it('a string scalar from its UTF-8 bytes, with dtype string (as TF.js); bytes without it are refused', () => {
    const s = tn.scalar(new TextEncoder().encode('héllo'), 'string');
    expect([s.dtype, s.shape, s.dataSync()]).toEqual(['string', [], ['héllo']]);
    expect(() => tn.scalar(new Uint8Array([104]))).toThrow("scalar: value must be a number, a boolean or a string (or a string's bytes as a Uint8Array, with dtype 'string'), got");
    expect(() => tn.scalar(new Float32Array([1]) as unknown as Uint8Array, 'string')).toThrow(/^scalar: value must be a number/);
  });

  it('gradients of string ops are refused by the numeric op that would take them', () => {
    expect(() => tn.grad((x: tn.Tensor) => tn.sum(x))(tn.tensor1d(['a']))).toThrow(/must be a (float|numeric)/);
  });
});

describe('tn.string', () => {
  it('stringToHashBucketFast is fingerprint64 of the UTF-8 bytes modulo numBuckets (TF.js\'s documented [0, 2, 2])', () => {
    expect(tn.string.stringToHashBucketFast(['Hello', 'TensorFlow', '2.x'], 3).arraySync()).toEqual([0, 2, 2]);
    const bucket = (s: string, n: number) => Number(BigInt(tn.util.fingerPrint64(new TextEncoder().encode(s)).toString()) % BigInt(n));
    expect(tn.string.stringToHashBucketFast(['héllo', 'x'.repeat(70)], 1000).arraySync()).toEqual([bucket('héllo', 1000), bucket('x'.repeat(70), 1000)]);
  });

  it('stringSplit splits at each delimiter byte, or into single bytes for an empty delimiter', () => {
    const r = tn.string.stringSplit(['a,b;c', ';;d'], ',;');
    expect([r.indices.arraySync(), r.values.arraySync(), r.shape.arraySync()]).toEqual([[[0, 0], [0, 1], [0, 2], [1, 0]], ['a', 'b', 'c', 'd'], [2, 3]]);
    expect((tn.string.stringSplit(['é'], '').values.encodedStrings() ?? []).map((b) => [...b])).toEqual([[0xc3], [0xa9]]);
  });

  it.each([
    ['stringSplit of a matrix', () => tn.string.stringSplit(tn.tensor2d([['a']]), ' '), 'stringSplit: input must be a rank-1 string tensor, got shape [1, 1]'],
    ['stringSplit by a vector', () => tn.string.stringSplit(['a'], tn.tensor1d([' '])), 'stringSplit: delimiter must be a scalar string, got shape [1]'],
    ['stringSplit of numbers', () => tn.string.stringSplit(tn.tensor1d([1]), ' '), 'stringSplit: input must be a string tensor'],
    ['stringNGrams with float splits', () => tn.string.stringNGrams(['a'], [0, 1], ' ', [2], '', '', 0, false), 'stringNGrams: dataSplits must be an int32 tensor, got a float32 tensor'],
    ['stringNGrams splits past the data', () => tn.string.stringNGrams(['a'], tn.tensor1d([0, 2], 'int32'), ' ', [2], '', '', 0, false), 'stringNGrams: dataSplits must be splits that do not decrease, each in [0, 1], got split 2 at 1'],
    ['stringNGrams splits from 1', () => tn.string.stringNGrams(['a'], tn.tensor1d([1, 1], 'int32'), ' ', [2], '', '', 0, false), 'stringNGrams: dataSplits must be splits that start at 0, got a first split of 1'],
    ['stringToHashBucketFast into 0 buckets', () => tn.string.stringToHashBucketFast(['a'], 0), 'stringToHashBucketFast: numBuckets must be a number of buckets >= 1, got number 0'],
    ['staticRegexReplace of numbers', () => tn.string.staticRegexReplace(tn.tensor1d([1]), 'a', 'b'), 'staticRegexReplace: input must be a string tensor'],
  ])('%s is refused naming the argument', (_, f, message) => {
    expect(f).toThrow(message);
  });
});
