import { broadcastStrides } from './broadcast';

// Axis merging for the broadcast and reduce kernels: fewer, longer axes mean less index arithmetic
// per element, and let the gpu kernels' fixed number of axes cover more shapes.

/**
 * Collapses the broadcast into as few axes as possible: size-1 output axes go, and neighbours merge when both
 * inputs walk them contiguously (or both stay put). [rows, cols] + [cols] thus becomes rows runs of length cols.
 * sa / sb are a's and b's element strides along each remaining axis, 0 where that input is broadcast.
 */
export function collapseBroadcast(outShape: readonly number[], aShape: readonly number[], bShape: readonly number[]): { dims: number[]; sa: number[]; sb: number[] } {
  const rank = outShape.length;
  const aStrides = broadcastStrides(aShape, rank);
  const bStrides = broadcastStrides(bShape, rank);
  const dims: number[] = [], sa: number[] = [], sb: number[] = [];
  for (let i = 0; i < rank; i++) {
    const d = outShape[i];
    if (d === 1) continue;
    const last = dims.length - 1;
    if (last >= 0 && sa[last] === aStrides[i] * d && sb[last] === bStrides[i] * d) {
      dims[last] *= d; sa[last] = aStrides[i]; sb[last] = bStrides[i];
    } else {
      dims.push(d); sa.push(aStrides[i]); sb.push(bStrides[i]);
    }
  }
  return { dims, sa, sb };
}

/**
 * shape as alternating runs of kept and reduced axes (reduced: listed in `axes`): size-1 axes go and
 * neighbours of the same kind merge, so [rows, cols] over [1] stays two runs and [a, b, c] over [1, 2] is two.
 * Empty when shape has no axis above 1.
 */
export function mergeReduceRuns(shape: readonly number[], axes: readonly number[]): { dims: number[]; reduced: boolean[] } {
  const dims: number[] = [], reduced: boolean[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 1) continue;
    const r = axes.includes(i);
    const last = dims.length - 1;
    if (last >= 0 && reduced[last] === r) dims[last] *= shape[i];
    else { dims.push(shape[i]); reduced.push(r); }
  }
  return { dims, reduced };
}
