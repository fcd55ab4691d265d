import type { Tensor } from '../tensor/tensor';
import { argError, fmtShape, normalizeAxes } from '../util/validate';
import { reshape } from './reshape';
import { assertAxis } from './shape-args';
import { toTensor, type TensorLike } from './tensor-like';
import { isComplex, perPart } from './complex-parts';
import { isStrings, onStringsOne, stringTensor } from './string-tensors';

/** As tf.expandDims(x, axis = 0): a size-1 axis inserted at axis (in [-(rank + 1), rank]). */
export function expandDims<T extends Tensor>(x: Tensor | TensorLike, axis?: number): T {
  axis ??= 0;
  if (isComplex(x)) return perPart(x, (p) => expandDims(p, axis)) as T;
  if (isStrings(x)) return onStringsOne([stringTensor('expandDims', 'x', x)], ([i]) => expandDims(i, axis)) as T;
  x = toTensor('expandDims', 'x', x);
  const ax = assertAxis('expandDims', 'axis', axis, x.rank, true);
  return reshape(x, [...x.shape.slice(0, ax), 1, ...x.shape.slice(ax)]) as T;
}

/** As tf.squeeze(x, axis?): the given size-1 axes removed (every size-1 axis when axis is omitted or [], as TF.js). */
export function squeeze<T extends Tensor>(x: Tensor | TensorLike, axis?: number | number[]): T {
  if (isComplex(x)) return perPart(x, (p) => squeeze(p, axis)) as T;
  if (isStrings(x)) return onStringsOne([stringTensor('squeeze', 'x', x)], ([i]) => squeeze(i, axis)) as T;
  x = toTensor('squeeze', 'x', x);
  if (axis == null || (Array.isArray(axis) && axis.length === 0)) return reshape(x, x.shape.filter((d) => d !== 1)) as T;
  const axes = normalizeAxes('squeeze', axis, x.rank, true);
  for (const a of axes) {
    if (x.shape[a] !== 1) throw argError('squeeze', 'axis', `axis ${a} of size ${x.shape[a]} (shape ${fmtShape(x.shape)})`, 'axes of size 1');
  }
  return reshape(x, x.shape.filter((_, k) => !axes.includes(k))) as T;
}
