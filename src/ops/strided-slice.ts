import { toTensor, type TensorLike } from './tensor-like';
import { isStrings, onStringsOne, stringTensor } from './string-tensors';
import type { Tensor } from '../tensor/tensor';
import { argError, describeValue, fmtShape, shown } from '../util/validate';
import { gatherLattice } from './lattice';
import { reshape } from './reshape';
import { assertIntArray } from './shape-args';

const NEW_AXIS = -1;
const SHRINK_AXIS = -2;
const bit = (mask: number, i: number) => (mask & (1 << i)) !== 0;

/** Where stridedSlice reads: per axis of x the first index, the step and the count; and the result's shape. */
export interface StridedSliceSpec {
  begin: number[];
  steps: number[];
  size: number[];
  outShape: number[];
}

function assertMask(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw argError('stridedSlice', name, describeValue(v), 'a non-negative integer bit mask');
  return v;
}

/**
 * Resolves stridedSlice's arguments against x's shape, as TensorFlow does: the spec's entries map onto x's axes
 * with the ellipsis (explicit, or implied at the end) standing for the axes no entry names; new axes add
 * size-1 dims; shrunk axes take one index and drop; masked begins and ends run to the edge for the stride's sign;
 * other indices count from the end when negative and are clamped into the axis.
 */
export function stridedSliceSpec(
  xShape: readonly number[], begin: number[], end: number[], strides: number[] | undefined,
  beginMask: number, endMask: number, ellipsisMask: number, newAxisMask: number, shrinkAxisMask: number,
): StridedSliceSpec {
  const n = begin.length;
  const steps = strides ?? new Array<number>(n).fill(1);
  if (end.length !== n || steps.length !== n) {
    throw argError('stridedSlice', 'end and strides', `lengths ${end.length} and ${steps.length}`, `as long as begin (${n})`);
  }
  steps.forEach((s) => {
    if (s === 0) throw argError('stridedSlice', 'strides', shown(steps), 'non-zero integers');
  });
  if ((ellipsisMask & (ellipsisMask - 1)) !== 0) throw argError('stridedSlice', 'ellipsisMask', String(ellipsisMask), 'a mask with at most one bit set (one ellipsis)');
  // The sparse spec: n entries, plus an implied ellipsis after them when none is given.
  let dims = n;
  let ellipsis = ellipsisMask;
  let newAfterEllipsis = 0;
  let seen = false;
  for (let i = 0; i < n; i++) {
    if (seen && bit(newAxisMask, i)) newAfterEllipsis++;
    if (bit(ellipsisMask, i)) seen = true;
  }
  if (!seen) ellipsis |= 1 << dims++;
  // The dense spec: one entry per axis of x.
  const rank = xShape.length;
  const dBegin = new Array<number>(rank).fill(0), dEnd = new Array<number>(rank).fill(0), dStep = new Array<number>(rank).fill(1);
  const dBeginMasked = new Array<boolean>(rank).fill(false), dEndMasked = new Array<boolean>(rank).fill(false), dShrink = new Array<boolean>(rank).fill(false);
  const gather: number[] = [];
  let full = 0;
  for (let i = 0; i < dims; i++) {
    if (bit(ellipsis, i)) {
      const next = Math.min(rank - (dims - i) + 1 + newAfterEllipsis, rank);
      for (; full < next; full++) {
        dBeginMasked[full] = dEndMasked[full] = true;
        gather.push(full);
      }
    } else if (bit(newAxisMask, i)) {
      gather.push(NEW_AXIS);
    } else {
      if (full === rank) {
        throw argError('stridedSlice', 'begin', shown(begin), `at most ${rank} entries that index axes (besides new axes and the ellipsis) for shape ${fmtShape(xShape)}`);
      }
      dBegin[full] = begin[i];
      dEnd[full] = end[i];
      dStep[full] = steps[i];
      dBeginMasked[full] = bit(beginMask, i);
      dEndMasked[full] = bit(endMask, i);
      dShrink[full] = bit(shrinkAxisMask, i);
      gather.push(dShrink[full] ? SHRINK_AXIS : full);
      full++;
    }
  }
  const size = xShape.map((dim, k) => {
    const step = dStep[k];
    if (dShrink[k]) {
      if (step <= 0) throw argError('stridedSlice', 'strides', shown(steps), `positive on axis ${k}, which shrinkAxisMask takes one index of`);
      const at = dBegin[k] < 0 ? dim + dBegin[k] : dBegin[k];
      if (at < 0 || at >= dim) throw argError('stridedSlice', 'begin', shown(begin), `an index in [${-dim}, ${dim}) on axis ${k} of shape ${fmtShape(xShape)}, which shrinkAxisMask takes one index of`);
      dBegin[k] = at;
      return 1;
    }
    const lo = step > 0 ? 0 : -1;
    const hi = step > 0 ? dim : dim - 1;
    const canonical = (v: number, masked: boolean, isEnd: boolean) => {
      if (masked) return (step > 0) !== isEnd ? lo : hi;
      const fwd = v < 0 ? dim + v : v;
      return Math.min(Math.max(fwd, lo), hi);
    };
    dBegin[k] = canonical(dBegin[k], dBeginMasked[k], false);
    const stop = canonical(dEnd[k], dEndMasked[k], true);
    const length = stop - dBegin[k];
    if (length === 0 || (length < 0) !== (step < 0)) return 0;
    return Math.ceil(length / step);
  });
  const outShape: number[] = [];
  for (const g of gather) {
    if (g >= 0) outShape.push(size[g]);
    else if (g === NEW_AXIS) outShape.push(1);
  }
  // An empty axis reads nothing: begin anywhere inside keeps every offset valid.
  return { begin: dBegin.map((b, k) => (size[k] === 0 ? 0 : b)), steps: dStep, size, outShape };
}

/**
 * As tf.stridedSlice(x, begin, end, strides?, beginMask?, endMask?, ellipsisMask?, newAxisMask?, shrinkAxisMask?):
 * x[begin:end:strides] on each axis, with TensorFlow's masks (bit i refers to entry i of begin/end/strides).
 */
export function stridedSlice(
  x: Tensor | TensorLike, begin: number[], end: number[], strides?: number[],
  beginMask?: number, endMask?: number, ellipsisMask?: number, newAxisMask?: number, shrinkAxisMask?: number,
): Tensor {
  beginMask ??= 0; endMask ??= 0; ellipsisMask ??= 0; newAxisMask ??= 0; shrinkAxisMask ??= 0;
  if (isStrings(x)) {
    const masks = [beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask] as const;
    return onStringsOne([stringTensor('stridedSlice', 'x', x)], ([i]) => stridedSlice(i, begin, end, strides, ...masks));
  }
  x = toTensor('stridedSlice', 'x', x);
  const b = assertIntArray('stridedSlice', 'begin', begin);
  const e = assertIntArray('stridedSlice', 'end', end);
  const s = strides == null ? undefined : assertIntArray('stridedSlice', 'strides', strides);
  const masks = [
    assertMask('beginMask', beginMask), assertMask('endMask', endMask), assertMask('ellipsisMask', ellipsisMask),
    assertMask('newAxisMask', newAxisMask), assertMask('shrinkAxisMask', shrinkAxisMask),
  ] as const;
  const spec = stridedSliceSpec(x.shape, b, e, s, ...masks);
  return reshape(gatherLattice(x, spec.size, spec.begin, spec.steps), spec.outShape);
}
