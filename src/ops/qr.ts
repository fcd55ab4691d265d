import type { Tensor } from '../tensor/tensor';
import type { Tensor1D, Tensor2D } from '../tensor/tfjs-types';
import { argError, describeValue, fmtShape, withArticle } from '../util/validate';
import { div, equal, greater, mul, sub } from './binary';
import { concat, stack, unstack } from './concat';
import { onesLike, tensor, zerosLike } from './creation';
import { matMul } from './matmul';
import { norm } from './norm';
import { reshape } from './reshape';
import { eye } from './sequences';
import { slice } from './slice';
import { toTensor, type TensorLike } from './tensor-like';
import { neg, sqrt, square } from './unary';
import { where } from './where';
import { sum } from './reduction';

// tf.linalg.qr and gramSchmidt, from ops, so their results differentiate as any op's.

/**
 * Q and R of one [m, n] matrix by Householder reflections. Each reflection maps column j's lower part a to ∓‖a‖e₁
 * with TF.js's sign (−‖a‖ when a's first entry is positive, else +‖a‖), so Q and R match TF.js's, signs included.
 */
function qr2d(x: Tensor, fullMatrices: boolean): [Tensor, Tensor] {
  const [m, n] = x.shape;
  const dt = x.dtype;
  const one = tensor([[1]], [1, 1], dt);
  let q: Tensor = eye(m, m, undefined, dt);
  let r: Tensor = x;
  for (let j = 0; j < Math.min(m, n); j++) {
    const a = slice(r, [j, j], [m - j, 1]);
    const ajj = slice(r, [j, j], [1, 1]);
    const s = where(greater(ajj, 0), tensor([[-1]], [1, 1], dt), one);
    // A column already zero below the diagonal (a rank-deficient matrix: a constant one) is left as it is, the
    // reflection the identity (τ = 0, as LAPACK takes it), where the formulas below would give 0/0; ‖a‖ is then
    // taken as 1, so that its gradient (a / ‖a‖) stays finite too.
    const squares = sum(square(a));
    const zero = equal(squares, 0);
    const normA = sqrt(where(zero, onesLike(squares), squares));
    const u1 = where(zero, one, sub(ajj, mul(s, normA)));
    // The reflection is I − τ w wᵀ with w's first entry 1.
    const w = m - j === 1 ? one : concat([one, slice(div(a, u1), [1, 0], [m - j - 1, 1])], 0);
    const tauW = mul(where(zero, zerosLike(normA), neg(div(mul(s, u1), normA))), w);
    const lower = slice(r, [j, 0], [m - j, n]);
    const reflected = sub(lower, matMul(tauW, matMul(w, lower, true)));
    r = j === 0 ? reflected : concat([slice(r, [0, 0], [j, n]), reflected], 0);
    const right = slice(q, [0, j], [m, m - j]);
    const qReflected = sub(right, matMul(matMul(right, w), tauW, false, true));
    q = j === 0 ? qReflected : concat([slice(q, [0, 0], [m, j]), qReflected], 1);
  }
  if (!fullMatrices && m > n) return [slice(q, [0, 0], [m, n]), slice(r, [0, 0], [n, n])];
  return [q, r];
}

/**
 * The QR decomposition of each innermost [m, n] matrix of x, as tf.linalg.qr: [q, r] with q's columns orthonormal
 * and r upper-triangular; with fullMatrices false (the default) and m > n, q is [m, n] and r [n, n].
 */
export function qr(x: Tensor | TensorLike, fullMatrices?: boolean): [Tensor, Tensor] {
  fullMatrices ??= false;
  const op = 'linalg.qr';
  const t = toTensor(op, 'x', x);
  if (t.rank < 2) throw argError(op, 'x', `shape ${fmtShape(t.shape)} (rank ${t.rank})`, 'rank 2 or higher');
  if (t.dtype !== 'float32' && t.dtype !== 'float64') throw argError(op, 'x', `${withArticle(t.dtype)} tensor`, 'a float32 or float64 tensor');
  if (typeof fullMatrices !== 'boolean') throw argError(op, 'fullMatrices', describeValue(fullMatrices), 'a boolean');
  if (t.rank === 2) return qr2d(t, fullMatrices);
  const [m, n] = t.shape.slice(-2);
  const outer = t.shape.slice(0, -2);
  const parts = unstack(reshape(t, [-1, m, n])).map((mat) => qr2d(mat, fullMatrices));
  const [q, r] = [0, 1].map((k) => stack(parts.map((p) => p[k])));
  return [reshape(q, [...outer, ...q.shape.slice(-2)]), reshape(r, [...outer, ...r.shape.slice(-2)])];
}

/**
 * Orthonormal vectors spanning the same growing subspaces as xs, by Gram–Schmidt, as tf.linalg.gramSchmidt: an
 * array of 1-D tensors gives an array, a 2-D tensor's rows give a 2-D tensor.
 */
export function gramSchmidt(xs: Tensor[] | Tensor): Tensor1D[] | Tensor2D {
  const op = 'linalg.gramSchmidt';
  const asMatrix = !Array.isArray(xs);
  let rows: Tensor[];
  if (asMatrix) {
    const t = toTensor(op, 'xs', xs);
    if (t.rank !== 2) throw argError(op, 'xs', `shape ${fmtShape(t.shape)}`, 'a 2-D tensor (its rows) or an array of 1-D tensors');
    if (t.shape[0] === 0) throw argError(op, 'xs', `shape ${fmtShape(t.shape)}`, 'at least one vector (row)');
    rows = unstack(t);
  } else {
    if (xs.length === 0) throw argError(op, 'xs', 'an empty array', 'at least one vector');
    rows = xs.map((v, i) => toTensor(op, `xs[${i}]`, v));
    const d = rows[0].shape;
    rows.forEach((v, i) => {
      if (v.rank !== 1 || v.shape[0] !== d[0]) throw argError(op, `xs[${i}]`, `shape ${fmtShape(v.shape)}`, `a 1-D tensor of length ${d[0]} like xs[0]`);
    });
  }
  if (rows.length > rows[0].shape[0]) throw argError(op, 'xs', `${rows.length} vectors of length ${rows[0].shape[0]}`, 'no more vectors than their length');
  const ys: Tensor[] = [];
  for (const x of rows) {
    let v = x;
    for (const y of ys) v = sub(v, mul(sum(mul(y, v)), y));
    ys.push(div(v, norm(v)));
  }
  return asMatrix ? stack(ys) as Tensor2D : ys as Tensor1D[];
}
