import { Tensor } from '../tensor/tensor';
import { isComplex } from '../tensor/checks';
import { recordOp } from '../tensor/tape';
import { retainStorage } from '../backend/host-values';

// The three recorded ops between complex tensors and their parts. Every other complex op is made of real ops on the
// parts joined by these, so its gradient (grads/complex.ts) is made of differentiable ops, and a complex tensor's
// gradient is dL/dRe + i dL/dIm, PyTorch's convention for a real loss.

/** A complex tensor of parts re and im (real tensors of one shape and float dtype: the caller has made them so). */
export function complexOf(re: Tensor, im: Tensor): Tensor {
  const y = Tensor.complexOf(re, im);
  recordOp('complex', [re, im], y, null);
  return y;
}

function part(name: 'real' | 'imag', x: Tensor): Tensor {
  const p = (x.complexParts() as readonly [Tensor, Tensor])[name === 'real' ? 0 : 1];
  // A new tensor viewing the part, as TF.js's real(x) is a new tensor (the part itself belongs to x alone).
  retainStorage(p.storage);
  const y = new Tensor(p.shape, p.dtype, p.storage);
  recordOp(name, [x], y, null);
  return y;
}

/** A complex tensor's real part (the caller has checked that x is complex). */
export const realPart = (x: Tensor): Tensor => part('real', x);

/** A complex tensor's imaginary part (the caller has checked that x is complex). */
export const imagPart = (x: Tensor): Tensor => part('imag', x);

/** f applied to each part of complex x, as a complex tensor: what a layout op (reshape, slice, transpose) does. */
export function perPart(x: Tensor, f: (part: Tensor) => Tensor): Tensor {
  return complexOf(f(realPart(x)), f(imagPart(x)));
}

export { isComplex };
