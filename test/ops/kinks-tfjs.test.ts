import * as tfjs from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Where an op has a kink or a tie (relu at 0, max over equal values, clip at its bounds, a maxPool window with two
// maxima) its derivative is a convention, and PyTorch's (torch-reference.test.ts checks away from kinks) differs from
// TF.js's in places. tessera follows TF.js 4.22: each case here runs with both libraries and compares the gradient
// and the second derivative (the gradient of ⟨∇f, v⟩), at exactly representable points. Two ties are left to other
// tests: maxPool3d's (tessera sends it to the first cell, as PyTorch; a documented deviation) and topk's (TF.js has no
// topk gradient).

type TF = typeof tn;
/**
 * second: the second derivative computed by hand, where TF.js cannot differentiate its own backward rule (it has no
 * gradient for the comparisons in it) or gets it wrong; the branch taken at a kink is the one the first derivative took.
 */
interface KinkCase { name: string; x: number[][]; shapes: number[][]; f: (tf: TF, ...xs: tn.Tensor[]) => tn.Tensor; second?: number[][] }

const V = [0.5, -1.25, 2, 0.75, -0.5, 1.5, 1, -2, 0.25, 3, -0.75, 1.25, -1.5, 2.5, -0.25, 1.75, -1, 2.25, 0.5];
const zeros = (n: number) => new Array<number>(n).fill(0);
/** selu's scale·alpha. */
const SA = 1.0507009873554805 * 1.6732632423543772;
/**
 * The second derivative of the fused.matMul cases along v: with both pre-activations at 0, where the activation's
 * slope is s and its curvature c (w = [1, 2]; v = [0.5, −1.25] for a, [[0.75, −0.5], [1.5, 1]] for b, [1, −2] for
 * bias; so the pre-activations move by dz = [−0.5, −2.5]): a gets Σj wj·(s·v_b[i][j] + c·dzj·b[i][j]), b[i][j]
 * gets wj·(s·v_a[i] + c·dzj·a[i]) and bias[j] wj·c·dzj.
 */
const fusedMatMulSecond = (s: number, c: number): number[][] => [
  [-0.25 * s - 10.5 * c, 3.5 * s - 0.5 * c],
  [0.5 * s - 0.5 * c, s - 5 * c, -1.25 * s + 0.5 * c, -2.5 * s + 5 * c],
  [-0.5 * c, -5 * c],
];
const sumW = (tf: TF, y: tn.Tensor) => tf.sum(tf.mul(y, tf.add(tf.range(0, y.size).reshape(y.shape), 1)));

const cases: KinkCase[] = [
  { name: 'relu at 0', x: [[-1, 0, 1]], shapes: [[3]], f: (tf, x) => tf.relu(x) },
  { name: 'relu6 at 0 and 6', x: [[0, 6, 3, 7]], shapes: [[4]], f: (tf, x) => tf.relu6(x), second: [zeros(4)] },
  { name: 'abs at 0', x: [[0, -1, 1]], shapes: [[3]], f: (tf, x) => tf.abs(x) },
  { name: 'leakyRelu at 0', x: [[0, -1, 1]], shapes: [[3]], f: (tf, x) => tf.leakyRelu(x, 0.3), second: [zeros(3)] },
  { name: 'elu at 0', x: [[0, -1, 1]], shapes: [[3]], f: (tf, x) => tf.elu(x), second: [[1 * 0.5, 2 * -1.25 * Math.exp(-1), 0]] },
  { name: 'selu at 0', x: [[0, -1, 1]], shapes: [[3]], f: (tf, x) => tf.selu(x), second: [[1 * 0.5 * SA, 2 * -1.25 * SA * Math.exp(-1), 0]] },
  { name: 'prelu at 0', x: [[0, -1, 1], [0.25, 0.25, 0.25]], shapes: [[3], [3]], f: (tf, x, a) => tf.prelu(x, a), second: [[1 * 0.75, 2 * -0.5, 0], [1 * 0.5, 2 * -1.25, 0]] },
  { name: 'clipByValue at its bounds', x: [[-1, 1, 0, 2, -2]], shapes: [[5]], f: (tf, x) => tf.clipByValue(x, -1, 1), second: [zeros(5)] },
  { name: 'maximum ties', x: [[1, 2, 3], [1, 0, 3]], shapes: [[3], [3]], f: (tf, a, b) => tf.maximum(a, b), second: [zeros(3), zeros(3)] },
  { name: 'minimum ties', x: [[1, 2, 3], [1, 0, 3]], shapes: [[3], [3]], f: (tf, a, b) => tf.minimum(a, b), second: [zeros(3), zeros(3)] },
  { name: 'max ties over an axis', x: [[1, 3, 3, 2, 2, 0]], shapes: [[2, 3]], f: (tf, x) => tf.max(x, 1), second: [zeros(6)] },
  { name: 'max ties over all', x: [[3, 1, 3, 3]], shapes: [[4]], f: (tf, x) => tf.max(x), second: [zeros(4)] },
  { name: 'min ties over an axis, keepDims', x: [[1, 1, 3, 0, 2, 0]], shapes: [[2, 3]], f: (tf, x) => tf.min(x, 1, true), second: [zeros(6)] },
  { name: 'norm inf ties', x: [[3, -3, 1, 2]], shapes: [[4]], f: (tf, x) => tf.norm(x, Infinity), second: [zeros(4)] },
  { name: 'norm 1 at 0', x: [[0, -3, 1, 2]], shapes: [[4]], f: (tf, x) => tf.norm(x, 1) },
  { name: 'norm euclidean at 0', x: [[0, 0, 0]], shapes: [[3]], f: (tf, x) => tf.norm(x) },
  { name: 'sqrt at 0', x: [[0, 1]], shapes: [[2]], f: (tf, x) => tf.sqrt(x) },
  { name: 'maxPool ties', x: [[1, 1, 0, 2, 1, 1, 2, 2, 0, 0, 3, 3, 0, 0, 3, 3]], shapes: [[1, 4, 4, 1]], f: (tf, x) => tf.maxPool(x, 2, 2, 'valid'), second: [zeros(16)] },
  { name: 'maxPool ties, overlapping windows', x: [[1, 1, 1, 1, 1, 1, 1, 1, 1]], shapes: [[1, 3, 3, 1]], f: (tf, x) => tf.maxPool(x, 2, 1, 'same'), second: [zeros(9)] },
  { name: 'huberLoss at delta', x: [[0, 0, 0], [1, -1, 0]], shapes: [[3], [3]], f: (tf, l, p) => tf.losses.huberLoss(l, p), second: [[-0.25 / 3, -0.75 / 3, 0.5 / 3], [0.25 / 3, 0.75 / 3, -0.5 / 3]] },
  { name: 'absoluteDifference at 0', x: [[1, 2], [1, 3]], shapes: [[2], [2]], f: (tf, l, p) => tf.losses.absoluteDifference(l, p) },
  { name: 'hingeLoss at the hinge', x: [[1, 0], [1, -1]], shapes: [[2], [2]], f: (tf, l, p) => tf.losses.hingeLoss(l, p) },
  { name: 'step, sign, floor, round: zero gradients', x: [[0, 0.5, -1]], shapes: [[3]], f: (tf, x) => tf.addN([tf.step(x), tf.sign(x), tf.floor(x), tf.round(x)]) },
  { name: 'pow with base 0', x: [[0, 0, 2], [2, 0.5, 0]], shapes: [[3], [3]], f: (tf, a, b) => tf.pow(a, b), second: [[1 * 2 * 0.5, NaN, 3 * 0.5 * 1.5], [0, NaN, 3 * (0.5 * 2 + Math.LN2 ** 2 * 1.5)]] },
  { name: 'pow with a negative base', x: [[-2, -1], [2, 3]], shapes: [[2], [2]], f: (tf, a, b) => tf.pow(a, b), second: [[1 * 2 * 0.5, 2 * -6 * -1.25], [1 * -2 * 0.5, 2 * 1 * -1.25]] },
  { name: 'mod at a jump', x: [[2, -2], [1, 1]], shapes: [[2], [2]], f: (tf, a, b) => tf.mod(a, b) },
  { name: 'atan2 at 0, 0 is skipped; at (0, 1)', x: [[0], [1]], shapes: [[1], [1]], f: (tf, a, b) => tf.atan2(a, b) },
  { name: 'logSumExp of equal values', x: [[1, 1]], shapes: [[2]], f: (tf, x) => tf.logSumExp(x), second: [[0.25 * (0.5 + 1.25), -0.25 * (0.5 + 1.25)]] },
  // Pre-activations of exactly 0: [1, −1]·[[1, 2], [1, 0]] + [0, −2] = [0, 0].
  ...([['relu', 0, 0], ['relu6', 0, 0], ['leakyrelu', 0.3, 0], ['elu', 1, 1]] as const).map(([activation, s, c]): KinkCase => ({
    name: `fused.matMul ${activation} at 0`, x: [[1, -1], [1, 2, 1, 0], [0, -2]], shapes: [[1, 2], [2, 2], [2]],
    f: (tf, a, b, bias) => tf.fused.matMul({ a, b, bias, activation, leakyreluAlpha: 0.3 }),
    second: fusedMatMulSecond(s, c),
  })),
  {
    name: 'fused.conv2d relu at 0', x: [[1, -1, 2, 0], [1, 1], [0]], shapes: [[1, 2, 2, 1], [1, 2, 1, 1], [1]],
    f: (tf, x, filter, bias) => tf.fused.conv2d({ x, filter, bias, strides: 1, pad: 'valid', activation: 'relu' }),
    // Only the second window (pre-activation 2) passes: its weight 2 times the other operand's direction.
    second: [[0, 0, 2 * 0.75, 2 * -0.5], [2 * 2, 2 * 0.75], [0]],
  },
  { name: 'unsortedSegmentSum', x: [[1, 2, 3]], shapes: [[3]], f: (tf, x) => tf.unsortedSegmentSum(x, tf.tensor1d([0, 0, 1], 'int32'), 2) },
];

/** f's value, its gradient and the gradient of ⟨∇f, v⟩ (the second derivative along v), with one library. */
function derivatives(tf: TF, c: KinkCase, dtype: 'float32' | 'float64'): { first: number[][]; second: number[][] | string } {
  return tf.tidy(() => {
    const xs = c.x.map((v, i) => tf.tensor(v, c.shapes[i], dtype));
    const vs = c.x.map((v, i) => tf.tensor(V.slice(3 * i, 3 * i + v.length), c.shapes[i], dtype));
    const loss = (...a: tn.Tensor[]) => sumW(tf, c.f(tf, ...a));
    const first = [[...loss(...xs).dataSync()], ...tf.grads(loss)(xs).map((g) => [...g.dataSync()])];
    try {
      const second = tf.grads((...a: tn.Tensor[]) =>
        tf.addN(tf.grads(loss)(a).flatMap((g, i) => [tf.sum(tf.mul(g, vs[i])), tf.sum(tf.mul(a[i], 0))])),
      )(xs);
      return { first, second: second.map((g) => [...g.dataSync()]) };
    } catch (e) {
      return { first, second: (e as Error).message };
    }
  });
}

describe('gradients at kinks and ties follow TF.js 4.22', () => {
  for (const c of cases) {
    it(c.name, () => {
      const want = derivatives(tfjs as unknown as TF, c, 'float32');
      const got = derivatives(tn, c, 'float64');
      const round = (a: number[][]) => a.map((r) => r.map((v) => Number(v.toPrecision(6))));
      expect(round(got.first)).toEqual(round(want.first));
      const second = c.second ?? want.second;
      if (typeof second === 'string' || typeof got.second === 'string') throw new Error(`no second derivative: ${String(second)} ${String(got.second)}`);
      expect(round(got.second)).toEqual(round(second));
    });
  }
});
