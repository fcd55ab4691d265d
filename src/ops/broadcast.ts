import { rowMajorStrides } from '../backend/shapes';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { backend } from './engine';

// Broadcasting and its adjoint as ops (each the other's gradient), so that the gradient rules that
// spread or sum a gradient are differentiable again. Internal: the ops' own checks come first.

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/** @internal Sums x down to `shape`, a shape that broadcasts to x's (the gradient of broadcasting); x itself when equal. */
export function sumToShape(x: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(x.shape, shape)) return x;
  const y = backend().sumToShape(x, shape);
  recordOp('sumToShape', [x], y, null);
  return y;
}

/** @internal x repeated along its size-1 (and missing leading) axes to `shape`; x itself when equal. */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(x.shape, shape)) return x;
  // A strided read that stays put (stride 0) along every axis x lacks or holds once.
  const lead = shape.length - x.rank;
  const strides = rowMajorStrides(x.shape);
  const y = backend().gatherStrided(x, shape, 0, shape.map((_, k) => (k < lead || x.shape[k - lead] === 1 ? 0 : strides[k - lead])));
  recordOp('broadcastTo', [x], y, null);
  return y;
}
