import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { close } from '../helpers';

// Hand-computed cases, the examples of TF.js's documentation among them.

const values = (t: tn.Tensor) => Array.from(t.dataSync());
const t1 = (v: number[]) => tn.tensor(v);
const t2 = (v: number[][]) => tn.tensor(v);
const F32 = 1e-6;

describe('math ops: forward values', () => {
  it('trigonometric and hyperbolic functions, atan2', () => {
    close(values(tn.sin(t1([0, Math.PI / 2, (Math.PI * 3) / 4]))), [0, 1, Math.SQRT1_2], F32);
    close(values(tn.cos(t1([0, Math.PI / 2, Math.PI]))), [1, 0, -1], F32);
    close(values(tn.tan(t1([0, Math.PI / 4, -Math.PI / 4]))), [0, 1, -1], F32);
    close(values(tn.asin(t1([0, 1, -1, 0.5]))), [0, Math.PI / 2, -Math.PI / 2, Math.PI / 6], F32);
    close(values(tn.acos(t1([0, 1, -1, 0.5]))), [Math.PI / 2, 0, Math.PI, Math.PI / 3], F32);
    close(values(tn.atan(t1([0, 1, -1]))), [0, Math.PI / 4, -Math.PI / 4], F32);
    close(values(tn.sinh(t1([0, 1, -1, 2]))), [0, 1.1752011936438014, -1.1752011936438014, 3.626860407847019], F32);
    close(values(tn.cosh(t1([0, 1, -1, 2]))), [1, 1.5430806348152437, 1.5430806348152437, 3.7621956910836314], F32);
    close(values(tn.atan2(t1([1, 1, -1, -1, 0]), t1([1, -1, 1, -1, -1]))), [Math.PI / 4, (3 * Math.PI) / 4, -Math.PI / 4, (-3 * Math.PI) / 4, Math.PI], F32);
    // Broadcasting, and a number for either operand.
    expect(tn.atan2(t2([[1, 2], [3, 4]]), t1([1, 1])).shape).toEqual([2, 2]);
    close(values(tn.atan2(1, t1([1]))), [Math.PI / 4], F32);
    expect(Number.isNaN(values(tn.asin(t1([2])))[0])).toBe(true); // outside the domain: NaN, as TF.js
  });

  it('rsqrt, log1p, expm1, erf', () => {
    const r = values(tn.rsqrt(t1([1, 2, 4, -1])));
    close(r.slice(0, 3), [1, Math.SQRT1_2, 0.5], F32);
    expect(Number.isNaN(r[3])).toBe(true);
    close(values(tn.log1p(t1([1, 2, 1e-7]))), [Math.LN2, Math.log(3), 9.999999500000033e-8], F32);
    close(values(tn.expm1(t1([0, 1, 2, 1e-7]))), [0, Math.E - 1, Math.exp(2) - 1, 1.0000000500000017e-7], F32);
    close(values(tn.erf(t1([0, 0.1, -0.1, 1]))), [0, 0.1124629160182849, -0.1124629160182849, 0.8427007929497149], F32);
    // float64 keeps every digit (Python's math.erf for reference).
    close(values(tn.erf(tn.tensor([0.5, 2, -3, 3.5, 4.5], [5], 'float64'))), [0.5204998778130465, 0.9953222650189527, -0.9999779095030014, 0.9999992569016276, 0.9999999998033839], 1e-15);
  });

  it('activations: elu, selu, leakyRelu, prelu, relu6, softplus, step, logSigmoid', () => {
    close(values(tn.elu(t1([-1, 1, -3, 2, 0]))), [Math.exp(-1) - 1, 1, Math.exp(-3) - 1, 2, 0], F32);
    close(values(tn.selu(t1([-1, 2, -3, 4]))), [-1.1113307378125625, 2.101401974710961, -1.6705687287671118, 4.202803949421922], F32);
    close(values(tn.leakyRelu(t1([-1, 2, -3, 4]), 0.1)), [-0.1, 2, -0.3, 4], F32);
    close(values(tn.leakyRelu(t1([-1, 2]))), [-0.2, 2], F32); // alpha defaults to 0.2
    close(values(tn.prelu(t1([-1, 2, -3, 4]), tn.scalar(0.1))), [-0.1, 2, -0.3, 4], F32);
    close(values(tn.prelu(t2([[-1, 2], [-3, -4]]), t1([0.5, 0.25]))), [-0.5, 2, -1.5, -1], F32);
    close(values(tn.relu6(t1([-1, 2, -3, 8, 6]))), [0, 2, 0, 6, 6], F32);
    close(values(tn.softplus(t1([0, 1, -1, -0.5, 100, -100]))), [Math.LN2, 1.3132616875182228, 0.31326168751822286, 0.47407698418010663, 100, 3.720075976020836e-44], F32);
    close(values(tn.step(t1([0, 2, -1, -3]))), [0, 1, 0, 0], 0);
    close(values(tn.step(t1([0, 2, -1, -3]), 0.5)), [0.5, 1, 0.5, 0.5], 0);
    close(values(tn.logSigmoid(t1([0, 1, -1, 0.5, -100]))), [-Math.LN2, -0.31326168751822286, -1.3132616875182228, -0.47407698418010663, -100], F32);
  });

  it('comparisons give 1 / 0 with broadcasting (false where NaN takes part, except notEqual)', () => {
    const a = t1([1, 2, 3, NaN]), b = t1([2, 2, 2, NaN]);
    expect(values(tn.less(a, b))).toEqual([1, 0, 0, 0]);
    expect(values(tn.lessEqual(a, b))).toEqual([1, 1, 0, 0]);
    expect(values(tn.greaterEqual(a, b))).toEqual([0, 1, 1, 0]);
    expect(values(tn.notEqual(a, b))).toEqual([1, 0, 1, 1]);
    expect(values(tn.less(t2([[1, 5], [3, 0]]), 2))).toEqual([1, 0, 0, 1]);
    expect(values(tn.greaterEqual(2, t1([1, 2, 3])))).toEqual([1, 1, 0]);
    expect(tn.less(tn.zeros([2, 1, 3]), tn.zeros([4, 1])).shape).toEqual([2, 4, 3]);
  });

  it('clipByValue, squaredDifference, addN', () => {
    expect(values(tn.clipByValue(t1([-1, 2, -3, 4]), -2, 3))).toEqual([-1, 2, -2, 3]);
    expect(values(tn.clipByValue(t1([5, -5]), 1, 1))).toEqual([1, 1]);
    expect(values(tn.squaredDifference(t1([1, 4, 3, 16]), t1([1, 2, 9, 4])))).toEqual([0, 4, 36, 144]);
    expect(values(tn.squaredDifference(t2([[1, 2], [3, 4]]), 1))).toEqual([0, 1, 4, 9]);
    const sum = tn.addN([t1([1, 2]), t1([3, 4]), t1([5, 6])]);
    expect(values(sum)).toEqual([9, 12]);
    const one = t1([1, 2]);
    const copy = tn.addN([one]);
    expect(copy).not.toBe(one);
    expect(values(copy)).toEqual([1, 2]);
  });

  it('prod, any, all (axes, keepDims, empty)', () => {
    const x = t2([[1, 2], [3, 4]]);
    expect(values(tn.prod(t1([1, 2, 3])))).toEqual([6]);
    expect(tn.prod(t1([1, 2, 3])).shape).toEqual([]);
    expect(values(tn.prod(x, 1))).toEqual([2, 12]);
    expect(values(tn.prod(x, 0))).toEqual([3, 8]);
    expect(tn.prod(x, [0, 1], true).shape).toEqual([1, 1]);
    expect(values(tn.prod(tn.zeros([0, 3]), 0))).toEqual([1, 1, 1]);
    const b = t2([[1, 1], [0, 0], [1, 0]]).cast('bool');
    expect(values(tn.any(b, 1))).toEqual([1, 0, 1]);
    expect(values(tn.all(b, 1))).toEqual([1, 0, 0]);
    expect(values(tn.any(b))).toEqual([1]);
    expect(values(tn.all(b))).toEqual([0]);
    expect(tn.all(b, -1, true).shape).toEqual([3, 1]);
    expect(values(tn.any(tn.zeros([0], 'bool')))).toEqual([0]);
    // TF.js's all of nothing is false (its kernel starts from the value past the end of the empty data).
    expect(values(tn.all(tn.zeros([0], 'bool')))).toEqual([0]);
  });

  it('logSumExp stays finite for large values', () => {
    close(values(tn.logSumExp(t1([1, 2, 3]))), [3.4076059644443806], F32);
    close(values(tn.logSumExp(t2([[1, 2], [3, 4]]), 1)), [2.3132616875182228, 4.313261687518223], F32);
    close(values(tn.logSumExp(t1([1000, 1000]))), [1000 + Math.LN2], F32);
    expect(tn.logSumExp(t2([[1, 2], [3, 4]]), 0, true).shape).toEqual([1, 2]);
  });

  it('logSumExp of a slice whose max is infinite: -Infinity when all -Infinity (a fully masked row), Infinity with one +Infinity', () => {
    // TF.js 4.22 gives NaN for both (it shifts by the max, and -Infinity - -Infinity is NaN).
    const x = t2([[-Infinity, -Infinity], [Infinity, 0], [-Infinity, 3], [1, 2]]);
    const got = values(tn.logSumExp(x, 1));
    expect(got.slice(0, 3)).toEqual([-Infinity, Infinity, 3]);
    close([got[3]], [2.3132616875182228], F32);
    expect(values(tn.logSumExp(tn.tensor([-Infinity, -Infinity], [2], 'float64')))).toEqual([-Infinity]);
  });

  it('cumsum: axis, exclusive, reverse', () => {
    const x = t1([1, 2, 3, 4]);
    expect(values(tn.cumsum(x))).toEqual([1, 3, 6, 10]);
    expect(values(tn.cumsum(x, 0, true))).toEqual([0, 1, 3, 6]);
    expect(values(tn.cumsum(x, 0, false, true))).toEqual([10, 9, 7, 4]);
    expect(values(tn.cumsum(x, 0, true, true))).toEqual([9, 7, 4, 0]);
    const m = t2([[1, 2], [3, 4]]);
    expect(values(tn.cumsum(m))).toEqual([1, 2, 4, 6]);
    expect(values(tn.cumsum(m, 1))).toEqual([1, 3, 3, 7]);
    expect(values(tn.cumsum(m, -1))).toEqual([1, 3, 3, 7]);
    expect(tn.cumsum(tn.zeros([2, 0, 3]), 1).shape).toEqual([2, 0, 3]);
  });

  it('moments: mean and biased variance', () => {
    const { mean, variance } = tn.moments(t1([1, 2, 3, 4]));
    close(values(mean), [2.5]);
    close(values(variance), [1.25]);
    const m = tn.moments(t2([[1, 2], [3, 4]]), 0);
    expect(values(m.mean)).toEqual([2, 3]);
    expect(values(m.variance)).toEqual([1, 1]);
    const k = tn.moments(t2([[1, 2], [3, 5]]), 1, true);
    expect(k.mean.shape).toEqual([2, 1]);
    expect(values(k.variance)).toEqual([0.25, 1]);
  });

  it('norm: vector and matrix orders, axes, keepDims', () => {
    const v = t1([1, 2, 3, 4]);
    close(values(tn.norm(v)), [Math.sqrt(30)], F32);
    close(values(tn.norm(v, 1)), [10], F32);
    close(values(tn.norm(v, Infinity)), [4], F32);
    close(values(tn.norm(t1([-5, 2, -3]), -Infinity)), [2], F32);
    const m = t2([[1, -2], [3, 4]]);
    close(values(tn.norm(m)), [Math.sqrt(30)], F32);
    close(values(tn.norm(m, 'euclidean', 1)), [Math.sqrt(5), 5], F32);
    close(values(tn.norm(m, 1, 0)), [4, 6], F32);
    close(values(tn.norm(m, 1, [0, 1])), [6], F32); // max column sum
    close(values(tn.norm(m, Infinity, [0, 1])), [7], F32); // max row sum
    close(values(tn.norm(m, -Infinity, [0, 1])), [3], F32);
    close(values(tn.norm(m, 1, [1, 0])), [7], F32); // the transpose's
    close(values(tn.norm(m, 'fro', [0, 1])), [Math.sqrt(30)], F32);
    expect(tn.norm(m, 'euclidean', null, true).shape).toEqual([1, 1]);
    expect(tn.norm(m, 2, 1, true).shape).toEqual([2, 1]);
    expect(tn.norm(tn.zeros([2, 3, 4]), 'fro', [0, 2], true).shape).toEqual([1, 3, 1]);
    close(values(tn.norm(tn.scalar(-3))), [3], F32);
  });

  it('float64 in, float64 out', () => {
    const x = tn.tensor([0.5, 1.5], [2], 'float64');
    for (const y of [tn.sin(x), tn.erf(x), tn.selu(x), tn.prod(x), tn.cumsum(x), tn.norm(x), tn.logSumExp(x), tn.atan2(x, x)]) {
      expect(y.dtype).toBe('float64');
    }
    expect(tn.less(x, 1).dtype).toBe('bool'); // comparisons give bool, as TF.js
  });

  it('every op is also a Tensor method', () => {
    const x = t1([0.25, 0.5]);
    const pairs: [tn.Tensor, tn.Tensor][] = [
      [x.sin(), tn.sin(x)], [x.cos(), tn.cos(x)], [x.tan(), tn.tan(x)], [x.asin(), tn.asin(x)], [x.acos(), tn.acos(x)],
      [x.atan(), tn.atan(x)], [x.sinh(), tn.sinh(x)], [x.cosh(), tn.cosh(x)], [x.rsqrt(), tn.rsqrt(x)], [x.log1p(), tn.log1p(x)],
      [x.expm1(), tn.expm1(x)], [x.erf(), tn.erf(x)], [x.elu(), tn.elu(x)], [x.selu(), tn.selu(x)], [x.relu6(), tn.relu6(x)],
      [x.softplus(), tn.softplus(x)], [x.logSigmoid(), tn.logSigmoid(x)], [x.leakyRelu(0.1), tn.leakyRelu(x, 0.1)],
      [x.prelu(tn.scalar(0.1)), tn.prelu(x, tn.scalar(0.1))], [x.step(0.5), tn.step(x, 0.5)], [x.clipByValue(0, 0.3), tn.clipByValue(x, 0, 0.3)],
      [x.atan2(2), tn.atan2(x, 2)], [x.squaredDifference(1), tn.squaredDifference(x, 1)], [x.less(0.3), tn.less(x, 0.3)],
      [x.lessEqual(0.5), tn.lessEqual(x, 0.5)], [x.greaterEqual(0.5), tn.greaterEqual(x, 0.5)], [x.notEqual(0.5), tn.notEqual(x, 0.5)],
      [x.prod(), tn.prod(x)], [x.less(0.3).any(), tn.any(x.less(0.3))], [x.less(0.3).all(0, true), tn.all(x.less(0.3), 0, true)], [x.logSumExp(), tn.logSumExp(x)],
      [x.cumsum(0, true), tn.cumsum(x, 0, true)], [x.norm(1), tn.norm(x, 1)],
    ];
    for (const [method, op] of pairs) {
      expect(method.shape).toEqual(op.shape);
      expect(values(method)).toEqual(values(op));
    }
  });
});
