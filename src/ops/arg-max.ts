import { Tensor, arrayTypeFor } from '../tensor/tensor';
import { assertTensor } from '../tensor/checks';
import { normalizeAxes } from '../util/validate';

/**
 * Index of the largest value along one axis (the first on ties), as tf.argMax(x, axis = 0).
 * Indices come back in x's float dtype (tessera has no integer dtype); not differentiable.
 */
export function argMax(x: Tensor, axis = 0): Tensor {
  assertTensor('argMax', 'x', x);
  if (Array.isArray(axis)) throw new Error(`argMax: axis must be a single integer, got [${axis.join(', ')}]`);
  const [a] = normalizeAxes('argMax', axis, Math.max(x.rank, 1));
  const shape = x.shape.slice();
  const n = shape[a] ?? 1;
  const inner = shape.slice(a + 1).reduce((p, d) => p * d, 1);
  const outer = x.size / Math.max(1, n * inner);
  const v = x.hostValues();
  const out = new (arrayTypeFor(x.dtype))(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let best = 0;
      for (let j = 1; j < n; j++) if (v[base + j * inner] > v[base + best * inner]) best = j;
      out[o * inner + i] = best;
    }
  }
  return new Tensor(shape.filter((_, i) => i !== a), x.dtype, out);
}
