import type { Tensor } from '../tensor/tensor';
import { assertComplexOrReal } from '../tensor/checks';
import { argError, fmtShape, withArticle } from '../util/validate';
import { cast, floatsMet } from './cast';
import { complexOf, imagPart, isComplex, realPart } from './complex-parts';
import { toTensor, type TensorLike } from './tensor-like';

// TF.js's complex numbers: tf.complex, tf.real, tf.imag.

/**
 * The complex tensor real + i·imag, as tf.complex(real, imag): complex64, or complex128 (tessera's, float64 parts)
 * where a part is float64; int32 and bool parts are read as float32, as TF.js reads them.
 */
export function complex(real: Tensor | TensorLike, imag: Tensor | TensorLike): Tensor {
  const op = 'complex';
  const parts = [toTensor(op, 'real', real), toTensor(op, 'imag', imag)].map((p) => (p.dtype === 'float64' ? p : cast(p, 'float32')));
  const [re, im] = floatsMet(parts[0], parts[1]);
  if (fmtShape(re.shape) !== fmtShape(im.shape)) throw argError(op, 'imag', `shape ${fmtShape(im.shape)}`, `the shape ${fmtShape(re.shape)} of real`);
  return complexOf(re, im);
}

/** input, checked to be a complex tensor (a real one is refused by name, pointing to tn.complex). */
export function complexInput(op: string, input: unknown): Tensor {
  const x = assertComplexOrReal(op, 'input', input);
  if (!isComplex(input)) throw argError(op, 'input', `${withArticle(x.dtype)} tensor`, 'a complex64 (or complex128) tensor (make one with tn.complex)');
  return x;
}

/** The real part of a complex tensor, as tf.real(input): float32 for complex64. */
export function real(input: Tensor): Tensor {
  return realPart(complexInput('real', input));
}

/** The imaginary part of a complex tensor, as tf.imag(input): float32 for complex64. */
export function imag(input: Tensor): Tensor {
  return imagPart(complexInput('imag', input));
}
