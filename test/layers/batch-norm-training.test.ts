import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { hvpReport, HVP_TOL } from '../ops/hvp';

/** The layer's training computation written with the composed ops (tf.moments, then normalize, scale, shift). */
function composed(x: tn.Tensor, axes: number[], gamma: tn.Tensor | null, beta: tn.Tensor | null, epsilon: number): tn.Tensor {
  const { mean, variance } = tn.moments(x, axes, true);
  let y = tn.mul(tn.sub(x, mean), tn.rsqrt(tn.add(variance, epsilon)));
  if (gamma) y = tn.mul(y, gamma);
  return beta ? tn.add(y, beta) : y;
}

const cases: { name: string; shape: number[]; axis: number; center: boolean; scale: boolean }[] = [
  { name: 'NHWC, channels last', shape: [3, 2, 3, 4], axis: -1, center: true, scale: true },
  { name: 'rank 2', shape: [5, 3], axis: -1, center: true, scale: true },
  { name: 'a middle axis', shape: [2, 3, 4], axis: 1, center: true, scale: true },
  { name: 'no beta', shape: [4, 3], axis: -1, center: false, scale: true },
  { name: 'no gamma', shape: [4, 3], axis: -1, center: true, scale: false },
  { name: 'neither', shape: [2, 2, 3], axis: -1, center: false, scale: false },
];

describe('batchNormalization in training (one op with a closed-form backward rule)', () => {
  cases.forEach(({ name, shape, axis, center, scale }, k) => {
    const build = () => {
      const layer = tn.layers.batchNormalization({
        axis, center, scale, dtype: 'float64', inputShape: shape.slice(1),
        gammaInitializer: tn.initializers.randomUniform({ minval: 0.5, maxval: 2, seed: 10 + k }),
        betaInitializer: tn.initializers.randomUniform({ minval: -1, maxval: 1, seed: 20 + k }),
      });
      const x = tn.randomUniform(shape, -2, 3, 'float64', 30 + k);
      layer.apply(x); // builds the weights
      return { layer, x };
    };

    it(`${name}: values and gradients equal the composed ops' (float64)`, () => {
      const { layer, x } = build();
      const rank = shape.length;
      const a = axis < 0 ? axis + rank : axis;
      const axes = shape.map((_, i) => i).filter((i) => i !== a);
      const asParam = (w: tn.Tensor) => (a === rank - 1 ? w : w.reshape(shape.map((d, i) => (i === a ? d : 1))));
      const [gamma, beta] = [scale ? layer.trainableWeights[0] : null, center ? layer.trainableWeights[scale ? 1 : 0] : null];
      const weights = layer.trainableWeights;
      const probe = tn.randomUniform(shape, -1, 1, 'float64', 50 + k);
      const ours = tn.grads((xi: tn.Tensor) => tn.sum(tn.mul(probe, layer.apply(xi, { training: true }) as tn.Tensor)))([x, ...weights]);
      const reference = tn.grads((xi: tn.Tensor, ...w: tn.Tensor[]) => {
        const g = scale ? asParam(w[0]) : null;
        const b = center ? asParam(w[scale ? 1 : 0]) : null;
        return tn.sum(tn.mul(probe, composed(xi, axes, g, b, 1e-3)));
      })([x, ...weights]);
      const y = layer.apply(x, { training: true }) as tn.Tensor;
      const yRef = composed(x, axes, gamma && asParam(gamma), beta && asParam(beta), 1e-3);
      const close = (p: tn.Tensor, q: tn.Tensor) => Math.max(...Array.from(tn.abs(tn.sub(p, q)).dataSync()));
      expect(close(y, yRef)).toBeLessThan(1e-12);
      expect(ours).toHaveLength(reference.length);
      ours.forEach((g, i) => expect(close(g, reference[i])).toBeLessThan(1e-11));
    });

    it(`${name}: gradients of the gradients (Hessian-vector products against central differences)`, () => {
      const { layer, x } = build();
      const report = hvpReport((xi: tn.Tensor) => layer.apply(xi, { training: true }) as tn.Tensor, [x, ...layer.trainableWeights], 60 + k);
      expect(report.scale).toBeGreaterThan(0);
      expect(report.maxError, report.where).toBeLessThan(HVP_TOL);
    });
  });

  it('moves the moving statistics by the batch mean and the biased variance', () => {
    const layer = tn.layers.batchNormalization({ momentum: 0.75, inputShape: [2] });
    const x = tn.tensor([1, 10, 3, 20, 8, 30], [3, 2]);
    layer.apply(x, { training: true });
    const [, , movingMean, movingVariance] = layer.getWeights().map((w) => Array.from(w.dataSync()));
    const mean = [4, 20];
    const variance = [(9 + 1 + 16) / 3, (100 + 0 + 100) / 3];
    movingMean.forEach((v, i) => expect(v).toBeCloseTo(0.25 * mean[i], 5));
    movingVariance.forEach((v, i) => expect(v).toBeCloseTo(0.75 + 0.25 * variance[i], 4));
  });
});
