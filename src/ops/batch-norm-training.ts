import { isRecording, recordOp, withoutRecording } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { add, div, mul, sub } from './binary';
import { mean, sum } from './reduction';
import { rsqrt } from './special';
import { square } from './unary';

/** What the backward rule keeps from the forward pass: the centred input and 1/sqrt(variance + ε), both unrecorded. */
export interface BatchNormTrainingAttrs {
  axes: number[];
  epsilon: number;
  centred: Tensor;
  rstd: Tensor;
  hasGamma: boolean;
  hasBeta: boolean;
}

/** The centred input and 1/sqrt(variance + ε) of x over axes (kept as 1s), with the variance. */
function statistics(x: Tensor, axes: number[], epsilon: number): { mean: Tensor; variance: Tensor; centred: Tensor; rstd: Tensor } {
  const m = mean(x, axes, true);
  const centred = sub(x, m);
  const variance = mean(square(centred), axes, true);
  return { mean: m, variance, centred, rstd: rsqrt(add(variance, epsilon)) };
}

/**
 * Batch normalization in training: x normalized by its own mean and (biased) variance over `axes`, times gamma plus
 * beta (each shaped to broadcast against x, or null), as tfjs-layers computes it from tf.moments and tf.batchNorm —
 * but recorded as one op whose backward rule is the closed form, so a step makes about half the passes over the
 * activations that the composed ops would. Also returns the batch mean and variance (shaped as x with the reduced
 * axes kept as 1s, not differentiable) for the moving statistics.
 */
export function batchNormTraining(x: Tensor, axes: number[], gamma: Tensor | null, beta: Tensor | null, epsilon: number): { y: Tensor; mean: Tensor; variance: Tensor } {
  const { y, stats } = withoutRecording(() => {
    const s = statistics(x, axes, epsilon);
    const scaled = mul(s.centred, gamma ? mul(s.rstd, gamma) : s.rstd);
    return { y: beta ? add(scaled, beta) : scaled, stats: s };
  });
  const inputs = [x, ...(gamma ? [gamma] : []), ...(beta ? [beta] : [])];
  recordOp<BatchNormTrainingAttrs>('batchNormTraining', inputs, y, { axes, epsilon, centred: stats.centred, rstd: stats.rstd, hasGamma: gamma !== null, hasBeta: beta !== null });
  return { y, mean: stats.mean, variance: stats.variance };
}

/**
 * The gradients of [x, gamma?, beta?] from dy. With n the reduced count, x̂ = (x − mean)·rstd and k = gamma·rstd:
 * dbeta = Σdy, dgamma = Σdy·x̂, dx = k·dy − k·dbeta/n − x̂·k·dgamma/n. While an outer gradient records this rule
 * (gradients of gradients), the statistics are recomputed from x with recorded ops so that their dependence on x
 * is differentiated too; otherwise the forward pass's values are reused.
 */
export function batchNormTrainingGradients(dy: Tensor, inputs: readonly Tensor[], attrs: BatchNormTrainingAttrs): Tensor[] {
  const x = inputs[0];
  const gamma = attrs.hasGamma ? inputs[1] : null;
  const { centred, rstd } = isRecording() ? statistics(x, attrs.axes, attrs.epsilon) : attrs;
  const n = attrs.axes.reduce((p, a) => p * x.shape[a], 1);
  const dyCentredSum = sum(mul(dy, centred), attrs.axes, true);
  const dySum = sum(dy, attrs.axes, true);
  const k = gamma ? mul(rstd, gamma) : rstd;
  // dx = k·dy − centred·(k·rstd²·Σdy·centred / n) − k·Σdy / n: the per-channel factors are small tensors.
  const slope = div(mul(k, mul(square(rstd), dyCentredSum)), n);
  const dx = sub(sub(mul(dy, k), mul(centred, slope)), div(mul(k, dySum), n));
  const grads = [dx];
  if (gamma) grads.push(mul(dyCentredSum, rstd).reshape(gamma.shape));
  if (attrs.hasBeta) grads.push(dySum.reshape(inputs[inputs.length - 1].shape));
  return grads;
}
