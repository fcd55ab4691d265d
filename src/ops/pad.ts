import { assertRank } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';
import { argError, describeValue, fmtShape, shown } from '../util/validate';
import { concat } from './concat';
import { gatherLattice, scatterLattice } from './lattice';
import { toTensor, type TensorLike } from './tensor-like';

/** paddings as [before, after] pairs of integers, one per axis of x; negative ones (cropping) only where allowed. */
function assertPaddings(op: string, x: Tensor, paddings: unknown, negative = false): [number, number][] {
  const isPair = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((v) => Number.isInteger(v) && (negative || v >= 0));
  if (!Array.isArray(paddings) || paddings.length !== x.rank || !paddings.every(isPair)) {
    const kind = negative ? 'integers' : 'non-negative integers';
    throw argError(op, 'paddings', shown(paddings), `${x.rank} pairs [before, after] of ${kind} (one per axis of x, shape ${fmtShape(x.shape)})`);
  }
  const p = paddings.map((q: [number, number]): [number, number] => [q[0], q[1]]);
  p.forEach(([before, after], k) => {
    if (Math.min(before, 0) + Math.min(after, 0) < -x.shape[k]) {
      throw argError(op, 'paddings', shown(paddings), `negative pads that crop at most the ${x.shape[k]} elements of axis ${k} (shape ${fmtShape(x.shape)})`);
    }
  });
  return p;
}

/**
 * As tf.pad(x, paddings, constantValue = 0): paddings[i] = [before, after] elements of constantValue around axis i;
 * a negative one crops that many elements instead (as TF.js's kernel does on the first axis; on another it shifts
 * values into the next row, which tessera does not copy).
 */
export function pad<T extends Tensor>(x: T | TensorLike, paddings: Array<[number, number]>, constantValue?: number): T {
  constantValue ??= 0;
  return padAs('pad', x, paddings, constantValue) as T;
}

/** @internal pad with errors under the name of the op that called it (pad2d, ...); rank, when given, is required of x. */
export function padAs(op: string, input: unknown, paddings: unknown, constantValue: unknown = 0, rank?: number): Tensor {
  const x = toTensor(op, 'x', input);
  if (rank !== undefined) assertRank(op, 'x', x, rank);
  if (x.rank === 0) throw argError(op, 'x', 'a scalar', 'a tensor of rank >= 1');
  const p = assertPaddings(op, x, paddings, true);
  if (typeof constantValue !== 'number') throw argError(op, 'constantValue', describeValue(constantValue), 'a number');
  const cut = p.map(([before, after]) => [Math.max(-before, 0), Math.max(-after, 0)]);
  const kept = cut.some(([b, a]) => b > 0 || a > 0) ? gatherLattice(x, x.shape.map((d, k) => d - cut[k][0] - cut[k][1]), cut.map(([b]) => b), x.shape.map(() => 1)) : x;
  const shape = kept.shape.map((d, k) => Math.max(p[k][0], 0) + d + Math.max(p[k][1], 0));
  return scatterLattice(kept, shape, p.map(([before]) => Math.max(before, 0)), p.map(() => 1), constantValue);
}

/**
 * As tf.mirrorPad(x, paddings, mode): each axis padded with x's own values mirrored at its edges, 'reflect'
 * leaving the edge out ([1, 2, 3] by 2 → [3, 2, 1, 2, 3, 2, 1]) and 'symmetric' repeating it ([2, 1, 1, 2, 3, 3, 2]).
 */
export function mirrorPad<T extends Tensor>(x: T | TensorLike, paddings: Array<[number, number]>, mode: 'reflect' | 'symmetric'): T {
  x = toTensor('mirrorPad', 'x', x) as T;
  if (x.rank === 0) throw argError('mirrorPad', 'x', 'a scalar', 'a tensor of rank >= 1');
  if (mode !== 'reflect' && mode !== 'symmetric') throw argError('mirrorPad', 'mode', describeValue(mode), "'reflect' or 'symmetric'");
  const p = assertPaddings('mirrorPad', x, paddings);
  const edge = mode === 'reflect' ? 1 : 0;
  p.forEach(([before, after], k) => {
    const most = x.shape[k] - edge;
    if (before > most || after > most) {
      throw argError('mirrorPad', 'paddings', shown(paddings), `at most ${most} on axis ${k} in '${mode}' mode (shape ${fmtShape(x.shape)})`);
    }
  });
  // Axis by axis: the mirrored strips (reversed reads of x) on either side, joined to x.
  let y: Tensor = x;
  p.forEach(([before, after], k) => {
    if (before === 0 && after === 0) return;
    const d = y.shape[k];
    const strip = (n: number, first: number) => {
      const shape = y.shape.map((s, j) => (j === k ? n : s));
      return gatherLattice(y, shape, y.shape.map((_, j) => (j === k ? first : 0)), y.shape.map((_, j) => (j === k ? -1 : 1)));
    };
    const parts = [...(before > 0 ? [strip(before, before - 1 + edge)] : []), y, ...(after > 0 ? [strip(after, d - 1 - edge)] : [])];
    y = concat(parts, k);
  });
  return (y === x ? gatherLattice(x, x.shape, x.shape.map(() => 0), x.shape.map(() => 1)) : y) as T;
}
