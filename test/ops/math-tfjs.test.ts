import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { Random } from '../../src/util/random';
import { expectAllClose } from '../allclose';
import { broadcastPairArb, shapeArb } from '../arbitraries';

// The math ops against TensorFlow.js 4.22 itself (its cpu backend) on random arguments, values and gradients, the
// kinks included (0 for the activations, 6 for relu6, the bounds of clipByValue): same shapes, same numbers to
// float32 tolerance (TF.js's erf is a 1.5e-7 approximation, tessera's exact), an error where TF.js refuses.

const RUNS = { seed: 20261201, numRuns: 40 } as const;
const TOL = { atol: 1e-6, rtol: 1e-5 };

/** Seeded values in [lo, hi) rounded to 1/8 (so kinks at 0, 6 and the clip bounds occur), in both libraries. */
function pair(shape: number[], seed: number, lo = -3, hi = 3): [tn.Tensor, tf.Tensor] {
  const r = new Random(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: n }, () => Math.round(r.uniform(lo, hi) * 8) / 8);
  return [tn.tensor(values, shape), tf.tensor(values, shape)];
}

function expectSame(ours: tn.Tensor, theirs: tf.Tensor, what: string, tol = TOL): void {
  expect(ours.shape, what).toEqual(theirs.shape);
  expectAllClose(ours.dataSync(), theirs.dataSync(), tol, what);
  theirs.dispose();
}

/**
 * TF.js's gradients, or null where TF.js 4.22 itself fails ('Error in gradient for op'): its prelu and
 * squaredDifference gradients do not sum back over an added leading axis.
 */
function tfjsGrads(f: () => tf.Tensor[]): tf.Tensor[] | null {
  try {
    return f();
  } catch (e) {
    if (/Error in gradient for op/.test((e as Error).message)) return null;
    throw e;
  }
}

/** The value and the gradient of Σ f(x)·w (fixed weights) in both libraries. */
function expectSameWithGrad(ours: (x: tn.Tensor) => tn.Tensor, theirs: (x: tf.Tensor) => tf.Tensor, x: [tn.Tensor, tf.Tensor], what: string): void {
  const y = ours(x[0]);
  const [w, tw] = pair([...y.shape], 99, 0.5, 1.5);
  expectSame(y, theirs(x[1]), what);
  const tg = tfjsGrads(() => [tf.grad((t: tf.Tensor) => tf.sum(tf.mul(theirs(t), tw)))(x[1])]);
  if (tg) expectSame(tn.grad((t: tn.Tensor) => tn.sum(tn.mul(ours(t), w)))(x[0]), tg[0], `${what}: gradient`);
}

describe('math ops agree with TensorFlow.js 4.22', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  type Unary = [string, (x: tn.Tensor) => tn.Tensor, (x: tf.Tensor) => tf.Tensor, number, number];
  const unaries: Unary[] = [
    ['sin', tn.sin, tf.sin, -3, 3], ['cos', tn.cos, tf.cos, -3, 3], ['tan', tn.tan, tf.tan, -1.2, 1.2],
    ['asin', tn.asin, tf.asin, -0.9, 0.9], ['acos', tn.acos, tf.acos, -0.9, 0.9], ['atan', tn.atan, tf.atan, -3, 3],
    ['sinh', tn.sinh, tf.sinh, -3, 3], ['cosh', tn.cosh, tf.cosh, -3, 3], ['asinh', tn.asinh, tf.asinh, -3, 3],
    ['acosh', tn.acosh, tf.acosh, 1.1, 4], ['atanh', tn.atanh, tf.atanh, -0.9, 0.9], ['rsqrt', tn.rsqrt, tf.rsqrt, 0.25, 4],
    ['log1p', tn.log1p, tf.log1p, -0.75, 3], ['expm1', tn.expm1, tf.expm1, -3, 3], ['erf', tn.erf, tf.erf, -3, 3],
    ['elu', tn.elu, tf.elu, -3, 3], ['selu', tn.selu, tf.selu, -3, 3], ['relu6', tn.relu6, tf.relu6, -2, 8],
    ['softplus', tn.softplus, tf.softplus, -5, 5], ['logSigmoid', tn.logSigmoid, tf.logSigmoid, -5, 5],
    ['leakyRelu', (x) => tn.leakyRelu(x), (x) => tf.leakyRelu(x), -3, 3],
    ['leakyRelu 0.3', (x) => tn.leakyRelu(x, 0.3), (x) => tf.leakyRelu(x, 0.3), -3, 3],
    ['step', (x) => tn.step(x), (x) => tf.step(x), -3, 3],
    ['step 0.25', (x) => tn.step(x, 0.25), (x) => tf.step(x, 0.25), -3, 3],
    ['clipByValue', (x) => tn.clipByValue(x, -1, 1.5), (x) => tf.clipByValue(x, -1, 1.5), -3, 3],
    ['logSumExp', (x) => tn.logSumExp(x), (x) => tf.logSumExp(x), -3, 3],
  ];
  for (const [name, ours, theirs, lo, hi] of unaries) {
    it(`${name}: values and gradients, kinks included`, () => {
      fc.assert(fc.property(shapeArb(0, 3), fc.nat(), (shape, seed) => {
        expectSameWithGrad(ours, theirs, pair(shape, seed, lo, hi), `${name} [${shape}]`);
      }), RUNS);
    });
  }

  type Binary = [string, (a: tn.Tensor, b: tn.Tensor) => tn.Tensor, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, boolean];
  const binaries: Binary[] = [
    ['atan2', tn.atan2, tf.atan2, true], ['squaredDifference', tn.squaredDifference, tf.squaredDifference, true],
    ['prelu', tn.prelu, tf.prelu, true], ['less', tn.less, tf.less, false], ['lessEqual', tn.lessEqual, tf.lessEqual, false],
    ['greaterEqual', tn.greaterEqual, tf.greaterEqual, false], ['notEqual', tn.notEqual, tf.notEqual, false],
  ];
  for (const [name, ours, theirs, differentiable] of binaries) {
    it(`${name} with broadcasting${differentiable ? ': values and both gradients' : ''}`, () => {
      fc.assert(fc.property(broadcastPairArb, fc.nat(), ([sa, sb], seed) => {
        // Coarse values (quarters of -1..1) so comparisons meet ties.
        const [a, ta] = pair(sa, seed, -1, 1), [b, tb] = pair(sb, seed + 1, -1, 1);
        const what = `${name} [${sa}] [${sb}]`;
        expectSame(ours(a, b), theirs(ta, tb), what);
        if (!differentiable) return;
        const want = tfjsGrads(() => tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(theirs(x, y))))([ta, tb]));
        if (!want) return;
        const [ga, gb] = tn.grads((x: tn.Tensor, y: tn.Tensor) => tn.sum(tn.square(ours(x, y))))([a, b]);
        expectSame(ga, want[0], `${what}: gradient of a`);
        expectSame(gb, want[1], `${what}: gradient of b`);
      }), RUNS);
    });
  }

  it('prod, logSumExp, cumsum, moments and norm over random axes, with their gradients', () => {
    const axisCase = shapeArb(1, 3).chain((shape) => fc.tuple(fc.constant(shape), fc.integer({ min: 0, max: shape.length - 1 }), fc.boolean(), fc.boolean()));
    fc.assert(fc.property(axisCase, fc.nat(), ([shape, axis, keepDims, flag], seed) => {
      const x = pair(shape, seed, 0.5, 1.5);
      const what = `[${shape}] axis ${axis} keepDims ${keepDims}`;
      expectSameWithGrad((t) => tn.prod(t, axis, keepDims), (t) => tf.prod(t, axis, keepDims), x, `prod ${what}`);
      expectSameWithGrad((t) => tn.logSumExp(t, axis, keepDims), (t) => tf.logSumExp(t, axis, keepDims), x, `logSumExp ${what}`);
      // TF.js 4.22's cumsum gradient transposes its result once too often off the last axis (a wrong gradient, or a
      // shape error): compare values there, gradients on the last axis (test/ops/grad-math.test.ts checks all).
      const cumsumArgs = [(t: tn.Tensor) => tn.cumsum(t, axis, keepDims, flag), (t: tf.Tensor) => tf.cumsum(t, axis, keepDims, flag), x, `cumsum ${what} ${flag}`] as const;
      if (axis === shape.length - 1) expectSameWithGrad(...cumsumArgs);
      else expectSame(cumsumArgs[0](x[0]), cumsumArgs[1](x[1]), cumsumArgs[3]);
      expectSameWithGrad((t) => tn.moments(t, axis, keepDims).variance, (t) => tf.moments(t, axis, keepDims).variance, x, `moments ${what}`);
      expectSameWithGrad((t) => tn.moments(t, axis, keepDims).mean, (t) => tf.moments(t, axis, keepDims).mean, x, `moments mean ${what}`);
      for (const ord of ['euclidean', 1, 2, Infinity, -Infinity] as const) {
        expectSameWithGrad((t) => tn.norm(t, ord, axis, keepDims), (t) => tf.norm(t, ord, axis, keepDims), x, `norm ${ord} ${what}`);
      }
      if (shape.length >= 2) {
        const axes = flag ? [0, 1] : [1, 0];
        for (const ord of ['euclidean', 'fro', 1, Infinity, -Infinity] as const) {
          // TF.js's matrix 1 / Infinity norms assume axes[0] < axes[1] (it reduces axes[1] - 1 after axes[0]).
          if (!flag && (ord === 1 || ord === Infinity || ord === -Infinity)) continue;
          expectSameWithGrad((t) => tn.norm(t, ord, axes, keepDims), (t) => tf.norm(t, ord, axes, keepDims), x, `norm ${ord} [${axes}] ${what}`);
        }
      }
    }), RUNS);
  });

  it('round and relu6 give the zeros TF.js gives (round(−0.4) is −0, round(−0.5) +0), in small tensors and in SIMD-sized ones', () => {
    const halves = [-0.6, -0.5, -0.4, -0.25, -0, 0, 0.4, 0.5, -1.5, -2.5, 2.5, 6, 6.5, NaN, -Infinity];
    for (const n of [halves.length, 1024]) {
      const values = Float32Array.from({ length: n }, (_, i) => halves[i % halves.length]);
      for (const [name, ours, theirs] of [['round', tn.round, tf.round], ['relu6', tn.relu6, tf.relu6]] as const) {
        const got = Array.from(ours(tn.tensor(values)).dataSync()).map((v) => Object.is(v, -0) ? '-0' : String(v));
        const want = Array.from(theirs(tf.tensor(values)).dataSync()).map((v) => Object.is(v, -0) ? '-0' : String(v));
        expect(got, `${name} of ${n}`).toEqual(want);
      }
    }
  });

  it('prod with zeros: the product of the others', () => {
    const values = [[2, 0, 3], [0, 4, 0], [1, 5, 2]];
    const g = tn.grad((t: tn.Tensor) => tn.sum(tn.prod(t, 1)))(tn.tensor(values));
    const tg = tf.grad((t: tf.Tensor) => tf.sum(tf.prod(t, 1)))(tf.tensor(values));
    expectSame(g, tg, 'prod gradient with zeros');
  });

  it('any / all on bool values', () => {
    fc.assert(fc.property(shapeArb(1, 3), fc.nat(), fc.boolean(), (shape, seed, keepDims) => {
      const r = new Random(seed);
      const bits = Uint8Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (r.next() < 0.7 ? 1 : 0));
      const x = tn.tensor(bits, shape, 'bool'), tx = tf.tensor(bits, shape, 'bool');
      for (const axis of [undefined, 0, shape.length - 1]) {
        expectSame(tn.any(x, axis, keepDims), tf.any(tx, axis, keepDims), `any [${shape}] ${axis}`);
        expectSame(tn.all(x, axis, keepDims), tf.all(tx, axis, keepDims), `all [${shape}] ${axis}`);
      }
    }), RUNS);
  });

  it('addN and clipByValue refuse what TF.js refuses', () => {
    expect(() => tf.addN([tf.zeros([2]), tf.zeros([3])])).toThrow();
    expect(() => tn.addN([tn.zeros([2]), tn.zeros([3])])).toThrow(/addN: tensors\[1\] must be the shape \[2\]/);
    expect(() => tf.clipByValue(tf.zeros([1]), 3, 1)).toThrow();
    expect(() => tn.clipByValue(tn.zeros([1]), 3, 1)).toThrow(/clipByValue/);
    expect(() => tf.norm(tf.zeros([2, 2]), 3)).toThrow();
    expect(() => tn.norm(tn.zeros([2, 2]), 3)).toThrow(/norm: ord/);
    expect(() => tf.norm(tf.zeros([2, 2]), 2, [0, 1])).toThrow();
    expect(() => tn.norm(tn.zeros([2, 2]), 2, [0, 1])).toThrow(/norm: ord/);
  });

  it('fused.conv2d and fused.depthwiseConv2d take a numeric pad with a bias and an activation, as TF.js', () => {
    const [x, tx] = pair([1, 4, 5, 2], 71);
    const [w, tw] = pair([3, 3, 2, 2], 72);
    const [b, tb] = pair([2], 73);
    const [db, tdb] = pair([4], 74);
    for (const pad of [0, 1]) {
      expectSame(tn.fused.conv2d({ x, filter: w, strides: 1, pad, bias: b, activation: 'relu' }), tf.fused.conv2d({ x: tx as tf.Tensor4D, filter: tw as tf.Tensor4D, strides: 1, pad, bias: tb, activation: 'relu' }), `conv2d pad ${pad}`);
      expectSame(tn.fused.depthwiseConv2d({ x, filter: w, strides: 1, pad, bias: db, activation: 'elu' }), tf.fused.depthwiseConv2d({ x: tx as tf.Tensor4D, filter: tw as tf.Tensor4D, strides: 1, pad, bias: tdb, activation: 'elu' }), `depthwiseConv2d pad ${pad}`);
    }
  });
});
