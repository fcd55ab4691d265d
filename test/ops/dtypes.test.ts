import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import * as tn from '../../src/index';

const arr = (t: tn.Tensor) => t.arraySync();

describe('int32 and bool dtypes, as TF.js', () => {
  it('infers dtypes as TF.js and stores each in its typed array', () => {
    expect(tn.tensor([1, 2]).dtype).toBe('float32');
    expect(tn.tensor([1, 2], undefined, 'int32').dataSync()).toBeInstanceOf(Int32Array);
    expect(tn.tensor(new Int32Array([1])).dtype).toBe('int32');
    expect(tn.tensor(new Uint8Array([1])).dtype).toBe('int32');
    expect(tn.tensor([true, false]).dtype).toBe('bool');
    expect(tn.tensor([[true], [false]]).dataSync()).toEqual(new Uint8Array([1, 0]));
    expect(tn.scalar(true).dtype).toBe('bool');
    expect(tn.tensor([1.7, -1.7], [2], 'int32').dataSync()).toEqual(new Int32Array([1, -1]));
    // tf.tensor(..., 'bool') rounds, then tests against 0.
    expect(tn.tensor([0.3, 0.7, -2], [3], 'bool').dataSync()).toEqual(new Uint8Array([0, 1, 1]));
    expect(tn.zeros([2], 'int32').dtype).toBe('int32');
    expect(tn.ones([2], 'bool').dataSync()).toEqual(new Uint8Array([1, 1]));
    // A Float64Array (which TF.js refuses) is float64, its values not rounded to float32.
    const wide = tn.tensor(new Float64Array([0.1, 1e-300]));
    expect(wide.dtype).toBe('float64');
    expect(Array.from(wide.dataSync())).toEqual([0.1, 1e-300]);
    expect(tn.add(tn.tensor([1]), new Float64Array([0.1])).dtype).toBe('float64');
  });

  it('casts between all dtypes: truncation to int32, x != 0 to bool', () => {
    const x = tn.tensor([-1.5, 0, 2.7, NaN]);
    expect(tn.cast(x, 'int32').dataSync()).toEqual(new Int32Array([-1, 0, 2, 0]));
    expect(tn.cast(x, 'bool').dataSync()).toEqual(new Uint8Array([1, 0, 1, 1]));
    expect(tn.cast(tn.tensor([true, false]), 'float32').dataSync()).toEqual(new Float32Array([1, 0]));
    expect(tn.cast(tn.tensor([3], [1], 'int32'), 'float64').dtype).toBe('float64');
    expect(x.toInt().dtype).toBe('int32');
    expect(x.asType('bool').dtype).toBe('bool');
    expect(tn.tensor([1], [1], 'int32').toFloat().dtype).toBe('float32');
  });

  it('upcasts mixed operands as TF.js (bool < int32 < float32); int32 / int32 is floor division', () => {
    const i = tn.tensor([7, -7, 4], [3], 'int32');
    expect(tn.add(i, i).dtype).toBe('int32');
    expect(tn.add(i, 1).dtype).toBe('float32'); // a number is float32, so the sum is
    expect(tn.mul(i, tn.tensor([true, false, true])).dataSync()).toEqual(new Int32Array([7, 0, 4]));
    expect(tn.div(i, tn.tensor([2, 2, 3], [3], 'int32')).dataSync()).toEqual(new Int32Array([3, -4, 1]));
    expect(tn.div(i.toFloat(), 2).dataSync()).toEqual(new Float32Array([3.5, -3.5, 2]));
    expect(tn.maximum(i, tn.tensor([0, 0, 9], [3], 'int32')).dataSync()).toEqual(new Int32Array([7, 0, 9]));
    expect(tn.minimum(tn.tensor([true, false]), tn.tensor([true, true])).dtype).toBe('int32');
    expect(tn.add([1, 2], [3, 4]).dataSync()).toEqual(new Float32Array([4, 6]));
    expect(tn.mul(tn.ones([2]), tn.ones([2], 'float64')).dtype).toBe('float64'); // float64 sits above float32
  });

  it('comparisons give bool; logical ops take and give bool', () => {
    const a = tn.tensor([1, 2, 3]);
    const g = tn.greater(a, 2);
    expect(g.dtype).toBe('bool');
    expect(g.dataSync()).toEqual(new Uint8Array([0, 0, 1]));
    expect(tn.equal(a, tn.tensor([1, 0, 3], [3], 'int32')).dataSync()).toEqual(new Uint8Array([1, 0, 1]));
    const p = tn.tensor([true, true, false, false]), q = tn.tensor([true, false, true, false]);
    expect(tn.logicalAnd(p, q).dataSync()).toEqual(new Uint8Array([1, 0, 0, 0]));
    expect(tn.logicalOr(p, q).dataSync()).toEqual(new Uint8Array([1, 1, 1, 0]));
    expect(tn.logicalXor(p, q).dataSync()).toEqual(new Uint8Array([0, 1, 1, 0]));
    expect(tn.logicalNot(p).dataSync()).toEqual(new Uint8Array([0, 0, 1, 1]));
    expect(p.logicalAnd(q).dtype).toBe('bool');
  });

  it('isNaN, isInf, isFinite, sign, floor, ceil, round (half to even), mod and floorDiv: TF.js documented results', () => {
    const x = tn.tensor([NaN, Infinity, -Infinity, 0, 1]);
    expect(tn.isNaN(x).dataSync()).toEqual(new Uint8Array([1, 0, 0, 0, 0]));
    expect(tn.isInf(x).dataSync()).toEqual(new Uint8Array([0, 1, 1, 0, 0]));
    expect(tn.isFinite(x).dataSync()).toEqual(new Uint8Array([0, 0, 0, 1, 1]));
    expect(arr(tn.sign(tn.tensor([-0.6, 0, 4])))).toEqual([-1, 0, 1]);
    expect(arr(tn.floor(tn.tensor([0.6, 1.1, -3.3])))).toEqual([0, 1, -4]);
    expect(arr(tn.ceil(tn.tensor([0.6, 1.1, -3.3])))).toEqual([1, 2, -3]);
    expect(arr(tn.round(tn.tensor([0.6, 1.1, -3.3, 2.5, 3.5])))).toEqual([1, 1, -3, 2, 4]);
    expect(arr(tn.mod(tn.tensor([1, 4, 3, 16]), tn.tensor([1, 2, 9, 4])))).toEqual([0, 0, 3, 0]);
    expect(arr(tn.mod(tn.tensor([-7, 7]), 3))).toEqual([2, 1]);
    expect(arr(tn.floorDiv(tn.tensor([1, 4, 9, 16]), tn.tensor([1, 2, 3, 4])))).toEqual([1, 2, 3, 4]);
    expect(tn.floorDiv(tn.tensor([7.5, -1, 1]), tn.tensor([2, 2, 0])).dtype).toBe('int32');
    expect(arr(tn.floorDiv(tn.tensor([7.5, -1, 1]), tn.tensor([2, 2, 0])))).toEqual([3, -1, 0]);
    // As TF.js 4.22: floor and ceil demand float x; round keeps int32; exp computes it in float32; reciprocal and
    // the other float functions keep int32, their results truncated.
    expect(() => tn.floor(tn.tensor([2], [1], 'int32'))).toThrow(/floor: x must be a float32 or float64 tensor.*got an int32 tensor/);
    expect(tn.round(tn.tensor([2], [1], 'int32')).dtype).toBe('int32');
    expect(tn.exp(tn.tensor([0], [1], 'int32')).dtype).toBe('float32');
    expect(arr(tn.reciprocal(tn.tensor([1, 2, -1], [3], 'int32')))).toEqual([1, 0, -1]);
    expect(arr(tn.expm1(tn.tensor([1, 4, -9], [3], 'int32')))).toEqual([1, 53, 0]);
    expect(tn.abs(tn.tensor([true, false])).dtype).toBe('bool');
  });

  it('sum, max, min keep int32 (bool sums as int32); mean of ints is float32', () => {
    const i = tn.tensor([[1, 2], [3, 5]], undefined, 'int32');
    expect(tn.sum(i).dtype).toBe('int32');
    expect(arr(tn.sum(i, 0))).toEqual([4, 7]);
    expect(arr(tn.max(i, 1))).toEqual([2, 5]);
    expect(tn.min(i).dtype).toBe('int32');
    expect(tn.mean(i).dtype).toBe('float32');
    expect(arr(tn.mean(i, 1))).toEqual([1.5, 4]);
    expect(arr(tn.sum(tn.tensor([true, true, false])))).toBe(2);
    expect(tn.sum(tn.tensor([true])).dtype).toBe('int32');
    // The max or min of flags is a flag, given as a tensor or as an array (TF.js: bool both ways).
    expect(tn.max([true, false]).dtype).toBe('bool');
    expect(arr(tn.min([[true, false]], 1))).toEqual([0]);
    expect(tn.min([[true, false]], 1).dtype).toBe('bool');
  });

  it('argMax and argMin give int32, the first index on ties', () => {
    const x = tn.tensor([[1, 9, 9], [4, 2, 2]]);
    expect(x.argMax(1).dtype).toBe('int32');
    expect(arr(x.argMax(1))).toEqual([1, 0]);
    expect(arr(x.argMin(1))).toEqual([0, 1]);
    expect(arr(tn.argMax(x))).toEqual([1, 0, 0]);
    expect(arr(tn.argMin(x, -2))).toEqual([0, 1, 1]);
  });

  it('where picks by a bool condition with broadcasting', () => {
    const c = tn.tensor([true, false, false, true]);
    expect(arr(tn.where(c, tn.tensor([1, 2, 3, 4]), tn.tensor([5, 6, 7, 8])))).toEqual([1, 6, 7, 4]);
    expect(arr(tn.where(tn.tensor([[true], [false]]), tn.tensor([1, 2]), 0))).toEqual([[1, 2], [0, 0]]);
    expect(tn.tensor([1, 2]).where(tn.tensor([false, true]), tn.tensor([9, 9])).arraySync()).toEqual([9, 2]);
  });

  it('gather, gatherND, scatterND, unsortedSegmentSum, topk and oneHot: TF.js documented results', () => {
    const x = tn.tensor([1, 2, 3, 4]);
    expect(arr(tn.gather(x, tn.tensor1d([1, 3, 3], 'int32')))).toEqual([2, 4, 4]);
    const m = tn.tensor2d([1, 2, 3, 4], [2, 2]);
    expect(arr(m.gather(tn.tensor1d([1, 1, 0], 'int32')))).toEqual([[3, 4], [3, 4], [1, 2]]);
    expect(arr(tn.gather(m, [[0, 1]], 1))).toEqual([[[1, 2]], [[3, 4]]]);
    expect(arr(tn.gatherND(tn.tensor([9, 8, 7, 6, 5, 4, 3, 2, 1], [3, 3]), tn.tensor2d([0, 1, 1, 0], [2, 2], 'int32')))).toEqual([8, 6]);
    expect(arr(tn.scatterND(tn.tensor2d([4, 3, 1, 7], [4, 1], 'int32'), tn.tensor1d([9, 10, 11, 12]), [8]))).toEqual([0, 11, 0, 10, 9, 0, 0, 12]);
    expect(arr(tn.scatterND([[1], [1]], [[1, 2], [3, 4]], [2, 2]))).toEqual([[0, 0], [4, 6]]);
    expect(arr(tn.unsortedSegmentSum(tn.tensor1d([1, 2, 3, 4]), tn.tensor1d([1, 2, 0, 1], 'int32'), 3))).toEqual([3, 5, 2]);
    const { values, indices } = tn.topk(tn.tensor2d([[1, 5], [4, 3]]));
    expect(arr(values)).toEqual([[5], [4]]);
    expect(arr(indices)).toEqual([[1], [0]]);
    expect(indices.dtype).toBe('int32');
    const t = tn.topk(tn.tensor([3, 7, 7, 1]), 3);
    expect(arr(t.values)).toEqual([7, 7, 3]);
    expect(arr(t.indices)).toEqual([1, 2, 0]);
    const h = tn.oneHot(tn.tensor1d([0, 1], 'int32'), 3);
    expect(h.dtype).toBe('int32');
    expect(arr(h)).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(arr(tn.oneHot([[2]], 3, 5, -1, 'float32'))).toEqual([[[-1, -1, 5]]]);
  });

  it('oneHot agrees with TF.js: indices of any rank, out of range, and values as the dtype stores them (bool 0.5 is false)', async () => {
    await tf.setBackend('cpu');
    const indices = [[3, -1, 0], [7, 2, 2]];
    for (const [on, off, dtype] of [[1, 0, 'int32'], [0.5, 0, 'bool'], [2, 0, 'bool'], [1.7, -1.7, 'int32'], [2, 0.25, 'float32'], [-3, 9, 'float32']] as const) {
      const ours = tn.oneHot(tn.tensor2d(indices, [2, 3], 'int32'), 4, on, off, dtype);
      const theirs = tf.oneHot(tf.tensor2d(indices, [2, 3], 'int32'), 4, on, off, dtype);
      const truthy = (v: number) => (dtype === 'bool' ? Number(v !== 0) : v);
      expect({ dtype: ours.dtype, shape: ours.shape, values: Array.from(ours.dataSync(), truthy) }, `${on} ${off} ${dtype}`)
        .toEqual({ dtype: theirs.dtype, shape: theirs.shape, values: Array.from(theirs.dataSync(), truthy) });
    }
  });

  it('linspace, range, eye: TF.js documented results', () => {
    expect(arr(tn.linspace(0, 9, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(arr(tn.linspace(1, 2, 1))).toEqual([1]);
    expect(arr(tn.range(0, 9, 2))).toEqual([0, 2, 4, 6, 8]);
    expect(arr(tn.range(5, 0))).toEqual([5, 4, 3, 2, 1]);
    expect(arr(tn.range(0, 5, -1))).toEqual([]);
    expect(arr(tn.range(1, 2, 0.25))).toEqual([1, 1.25, 1.5, 1.75]);
    expect(tn.range(0, 3, 1, 'int32').dtype).toBe('int32');
    expect(arr(tn.eye(2))).toEqual([[1, 0], [0, 1]]);
    expect(arr(tn.eye(2, 3, [2], 'int32'))).toEqual([[[1, 0, 0], [0, 1, 0]], [[1, 0, 0], [0, 1, 0]]]);
  });

  it('truncatedNormal and randomUniformInt: seeded, in range', () => {
    const t = tn.truncatedNormal([2000], 1, 2, 'float32', 7);
    const v = Array.from(t.dataSync());
    expect(Math.max(...v)).toBeLessThanOrEqual(5);
    expect(Math.min(...v)).toBeGreaterThanOrEqual(-3);
    expect(Math.abs(v.reduce((a, b) => a + b, 0) / v.length - 1)).toBeLessThan(0.1);
    expect(tn.truncatedNormal([5], 0, 1, 'float32', 7).dataSync()).toEqual(tn.truncatedNormal([5], 0, 1, 'float32', 7).dataSync());
    expect(Array.from(tn.truncatedNormal([3], 1.5, 0).dataSync())).toEqual([1.5, 1.5, 1.5]);
    expect(() => tn.truncatedNormal([2], 0, -1)).toThrow(/truncatedNormal: stdDev must be a number ≥ 0, got -1/);
    const u = tn.randomUniformInt([1000], -2, 3, 11);
    expect(u.dtype).toBe('int32');
    expect(new Set(u.dataSync())).toEqual(new Set([-2, -1, 0, 1, 2]));
    expect(() => tn.randomUniformInt([2], 0.5, 3)).toThrow(/randomUniformInt: minval must be an integer, got number 0.5/);
    expect(() => tn.randomNormal([2], 0, 1, 'bool')).toThrow(/randomNormal: dtype must be 'float32', 'int32' or 'float64', got 'bool'/);
    expect(() => tn.range(0, 1, 0)).toThrow(/range: step must be a non-zero number, got 0/);
    expect(() => tn.linspace(0, 1, 0)).toThrow(/linspace: num must be a positive integer/);
  });

  it('creation helpers and clone keep dtypes', () => {
    const i = tn.tensor([1, 2], [2], 'int32');
    const c = tn.clone(i);
    expect(c.dtype).toBe('int32');
    expect(c.dataSync()).toEqual(i.dataSync());
    expect(tn.zerosLike(tn.tensor([true])).dtype).toBe('bool');
  });

  it('Tensor methods chain as in TF.js', () => {
    const x = tn.tensor2d([[1, 2], [3, 4]]);
    expect(arr(x.add(1).square().mean(1))).toEqual([6.5, 20.5]);
    expect(arr(x.sub(x).abs().sum())).toBe(0);
    expect(arr(x.mul(2).div(4).neg().relu())).toEqual([[0, 0], [0, 0]]);
    expect(arr(x.flatten().as2D(1, 4))).toEqual([[1, 2, 3, 4]]);
    expect(arr(x.matMul(x))).toEqual([[7, 10], [15, 22]]);
    expect(arr(x.max(0))).toEqual([3, 4]);
    expect(arr(x.greater(2).toFloat().sum())).toBe(2);
  });
});

describe('tf.upcastType and tf.sumOutType', () => {
  const dtypes = ['bool', 'int32', 'float32', 'complex64', 'string'] as const;
  const outcome = (f: () => string): string => {
    try {
      return f();
    } catch (e) {
      return `threw ${(e as Error).message}`;
    }
  };

  it('give TF.js\'s dtypes (or its refusal) for every pair TF.js has, and an op\'s result dtype agrees', () => {
    for (const a of dtypes) {
      expect(outcome(() => tn.sumOutType(a))).toBe(outcome(() => tf.sumOutType(a)));
      if (a !== 'complex64' && a !== 'string') expect(tn.sum(tn.ones([2], a)).dtype).toBe(tn.sumOutType(a));
      for (const b of dtypes) {
        expect(outcome(() => tn.upcastType(a, b))).toBe(outcome(() => tf.upcastType(a, b)));
        if (a !== 'bool' && b !== 'bool' && a !== 'string' && b !== 'string' && a !== 'complex64' && b !== 'complex64') {
          expect(tn.add(tn.ones([1], a), tn.ones([1], b)).dtype).toBe(tn.upcastType(a, b));
        }
      }
    }
    expect(tn.upcastType('string', 'string')).toBe('string');
    expect(() => tn.upcastType('string', 'float32')).toThrow('Can not upcast string with float32');
  });

  it('put tessera\'s float64 above the real dtypes, and complex128 above float64 and complex64', () => {
    for (const a of ['bool', 'int32', 'float32', 'float64'] as const) expect(tn.upcastType(a, 'float64')).toBe('float64');
    expect(tn.sumOutType('float64')).toBe('float64');
    expect(tn.upcastType('complex64', 'float64')).toBe('complex128');
    expect(tn.upcastType('complex128', 'int32')).toBe('complex128');
    expect(tn.add(tn.complex([1], [2]), tn.ones([1], 'int32')).dtype).toBe(tn.upcastType('complex64', 'int32'));
  });

  it('refuse a dtype no tensor has, naming it', () => {
    expect(() => tn.upcastType('float16' as 'int32', 'int32')).toThrow(/upcastType: typeA must be one of 'bool', 'int32', 'float32', 'float64', 'complex64', 'complex128', 'string', got string "float16"/);
    expect(() => tn.upcastType('int32', 7 as unknown as 'int32')).toThrow(/upcastType: typeB must be one of .*, got .*7$/);
    expect(() => tn.sumOutType(undefined as unknown as 'int32')).toThrow(/sumOutType: type must be one of .*, got undefined/);
  });
});

describe('bad input names the op, the argument, what came and what was expected', () => {
  const x = tn.tensor([1, 2, 3]);
  const cases: [string, () => unknown, RegExp][] = [
    ['float indices', () => tn.gather(x, tn.tensor([0, 1])), /gather: indices must be an int32 tensor, got a float32 tensor/],
    ['fractional indices', () => tn.gather(x, [0.5]), /gather: indices\[0\] must be an integer \(this argument is int32\), got 0.5/],
    ['gather out of range', () => tn.gather(x, [3]), /gather: indices\[0\] must be an index in \[0, 2\], got 3/],
    ['gather negative', () => tn.gather(x, [-1]), /gather: indices\[0\] must be an index in \[0, 2\], got -1/],
    ['tensor2d of one value', () => tn.tensor2d(3 as never, [1, 1]), /tensor2d: values must be arrays nested 2 deep, or a flat array or typed array with the shape given, got number 3/],
    ['tensor3d nested 2 deep', () => tn.tensor3d([[1, 2], [3, 4]], [2, 2, 1]), /tensor3d: values must be arrays nested 3 deep.*got arrays nested 2 deep/],
    ['gather axis', () => tn.gather(x, [0], 1), /gather: axis must be integers in \[-1, 1\)/],
    ['oneHot depth', () => tn.oneHot([0], 1), /oneHot: depth must be an integer >= 2, got number 1/],
    ['oneHot float indices', () => tn.oneHot(tn.tensor([0]), 2), /oneHot: indices must be an int32 tensor, got a float32 tensor/],
    ['scatterND out of range', () => tn.scatterND([[4]], [1], [4]), /scatterND: indices\[0\] must be an index in \[0, 3\], got 4/],
    ['scatterND updates', () => tn.scatterND([[1]], [1, 2], [4]), /scatterND: updates must be shape \[1\]/],
    ['gatherND depth', () => tn.gatherND(x, [[0, 0]]), /gatherND: indices must be at most the rank 1/],
    ['segment ids', () => tn.unsortedSegmentSum(x, [0, 1, 2], 2), /unsortedSegmentSum: segmentIds\[2\] must be an id below numSegments \(2\), or negative to drop the row, got 2/],
    ['segment ids length', () => tn.unsortedSegmentSum(x, [0, 1], 2), /unsortedSegmentSum: segmentIds must be shape \[3\]/],
    ['topk k', () => tn.topk(x, 4), /topk: k must be an integer in \[0, 3\]/],
    ['where condition', () => tn.where(x, x, x), /where: condition must be a bool tensor, got a float32 tensor/],
    ['where shapes', () => tn.where(tn.tensor([true, false]), x, x), /where: condition, a and b must have broadcastable shapes/],
    ['logical dtype', () => tn.logicalAnd(x, x), /logicalAnd: a must be a bool tensor, got a float32 tensor/],
    ['argMax axis', () => tn.argMax(x, 1), /argMax: axis must be integers in \[-1, 1\)/],
    ['cast dtype', () => tn.cast(x, 'int8' as 'int32'), /cast: dtype must be 'float32', 'int32', 'bool' or 'float64'/],
    ['logSigmoid of bool', () => tn.logSigmoid(tn.tensor([true, false], [2], 'bool')), /logSigmoid: x must be an int32, float32 or float64 tensor, got a bool tensor/],
  ];
  for (const [name, f, message] of cases) {
    it(name, () => {
      let error: unknown;
      try { f(); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(message);
    });
  }
});

describe('toString and print as TF.js', () => {
  it('writes Tensor and the values, padded per column', () => {
    expect(tn.tensor([1, 2, 3]).toString()).toBe('Tensor\n    [1, 2, 3]');
    expect(tn.scalar(0.5).toString()).toBe('Tensor\n    0.5');
    expect(tn.tensor([[1, 22], [333, 4]]).toString()).toBe('Tensor\n    [[1  , 22],\n     [333, 4 ]]');
    expect(tn.tensor([true, false]).toString()).toBe('Tensor\n    [true, false]');
    expect(tn.tensor([[[1], [2]], [[3], [4]]]).toString()).toBe('Tensor\n    [[[1],\n      [2]],\n\n     [[3],\n      [4]]]');
    expect(tn.range(0, 25).toString()).toBe('Tensor\n    [0, 1, 2, ..., 22, 23, 24]');
    expect(tn.tensor([1], [1], 'int32').toString(true)).toBe('Tensor\n  dtype: int32\n  rank: 1\n  shape: [1]\n  values:\n    [1]');
  });
});
