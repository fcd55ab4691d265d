import { adamStepSize } from '../shared/adam';
import type { FloatArray } from '../shared/types';

/** Adam in place, bias correction folded: m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g*g; lrT = lr*sqrt(1-b2^t)/(1-b1^t); p -= lrT*m/(sqrt(v)+eps). t is the 1-based step. */
export function adamUpdate(
  p: FloatArray, g: FloatArray, m: FloatArray, v: FloatArray,
  lr: number, beta1: number, beta2: number, epsilon: number, t: number,
): void {
  const lrT = adamStepSize(lr, beta1, beta2, t);
  for (let i = 0; i < p.length; i++) {
    const gi = g[i];
    const mi = beta1 * m[i] + (1 - beta1) * gi;
    const vi = beta2 * v[i] + (1 - beta2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    p[i] -= (lrT * mi) / (Math.sqrt(vi) + epsilon);
  }
}

/** SGD with optional momentum as Keras: vel = momentum*vel - lr*g; p += vel  (momentum 0: p -= lr*g, vel may be empty). */
export function sgdUpdate(p: FloatArray, g: FloatArray, vel: FloatArray, lr: number, momentum: number): void {
  if (momentum === 0) {
    for (let i = 0; i < p.length; i++) p[i] -= lr * g[i];
    return;
  }
  for (let i = 0; i < p.length; i++) {
    const vi = momentum * vel[i] - lr * g[i];
    vel[i] = vi;
    p[i] += vi;
  }
}
