import type { Layer } from '../layers/layer';
import { Tensor } from '../tensor/tensor';
import { argError, fmtShape } from '../util/validate';
import type { Compiled } from './compile';

/**
 * Checks x against the model's input (`expected`, without the batch dim; a model given no inputShape takes
 * any shape its layers accept) and returns the output shape it leads to. Builds nothing: layers build on
 * their first apply, once every argument of the call has been checked.
 */
export function checkInput(op: string, layers: readonly Layer[], x: unknown, arg = 'x', expected = layers[0]?.inputShapeNoBatch): number[] {
  if (!(x instanceof Tensor)) throw argError(op, arg, typeof x, 'a Tensor');
  x.assertLive(op);
  if (layers.length === 0) throw new Error(`${op}: the model has no layers; add some first`);
  if (expected && (x.rank !== expected.length + 1 || expected.some((d, i) => d !== x.shape[i + 1]))) {
    throw argError(op, arg, `shape ${fmtShape(x.shape)}`, `shape [batch, ${expected.join(', ')}] to match the model's input`);
  }
  const first = layers[0];
  if (x.dtype !== first.dtype) throw argError(op, arg, `dtype ${x.dtype}`, `dtype ${first.dtype}`);
  let shape: number[] = x.shape.slice(1);
  for (const l of layers) shape = l.computeOutputShape(shape);
  return shape;
}

/** Checks y as targets for x, whose predictions have shape [batch, ...outShape]. */
export function checkTargets(op: string, c: Compiled, x: Tensor, outShape: number[], y: unknown, arg = 'y'): Tensor {
  if (!(y instanceof Tensor)) throw argError(op, arg, typeof y, 'a Tensor');
  y.assertLive(op);
  if (y.rank === 0 || y.shape[0] !== x.shape[0]) {
    throw argError(op, arg, `${y.rank === 0 ? 'a scalar' : `${y.shape[0]} samples`} (shape ${fmtShape(y.shape)})`, `${x.shape[0]} samples, one per sample of x`);
  }
  c.loss.checkTargets(op, y, [x.shape[0], ...outShape]);
  return y;
}
