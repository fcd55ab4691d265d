import { rowMajorStrides } from '../backend/shapes';
import { recordOp } from '../tensor/tape';
import type { Tensor } from '../tensor/tensor';
import { backend } from './engine';

// The two linear ops every slicing and padding op reduces to, each the other's gradient: a gather of the
// elements of x on an axis-aligned lattice (begin + c·steps), and the scatter of x onto such a lattice.
// Internal: the public ops check their arguments first.

export interface LatticeAttrs {
  begin: readonly number[];
  steps: readonly number[];
}

/** @internal The tensor of `shape` whose element c is x at begin + c·steps (per axis; steps may be negative). */
export function gatherLattice(x: Tensor, shape: readonly number[], begin: readonly number[], steps: readonly number[]): Tensor {
  const y = latticeValues(x, shape, begin, steps);
  recordOp<LatticeAttrs>('gatherLattice', [x], y, { begin, steps });
  return y;
}

/** gatherLattice's values, not recorded (for an op that records itself, as split). */
export function latticeValues(x: Tensor, shape: readonly number[], begin: readonly number[], steps: readonly number[]): Tensor {
  const strides = rowMajorStrides(x.shape);
  const offset = begin.reduce((o, b, k) => o + b * strides[k], 0);
  return backend().gatherStrided(x, shape, offset, strides.map((s, k) => s * steps[k]));
}

/** @internal A tensor of `shape` holding fill, with x's element c at begin + c·steps (per axis). */
export function scatterLattice(x: Tensor, shape: readonly number[], begin: readonly number[], steps: readonly number[], fill = 0): Tensor {
  const y = backend().scatterStrided(x, shape, begin, steps, fill);
  recordOp<LatticeAttrs>('scatterLattice', [x], y, { begin, steps });
  return y;
}

/** @internal x[begin : begin + size] on every axis: a contiguous block. */
export function block(x: Tensor, begin: readonly number[], size: readonly number[]): Tensor {
  return gatherLattice(x, size, begin, size.map(() => 1));
}
