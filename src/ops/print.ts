import { Tensor } from '../tensor/tensor';
import type { TensorLike } from '../tensor/value-types';
import { argError, describeValue } from '../util/validate';

/**
 * Logs x's values (verbose: with its dtype, rank and shape first), as tf.print(x, verbose?). TensorLike values are
 * logged as their own toString() writes them, as TF.js does (`[1, 2]` logs `1,2`).
 */
export function print(x: Tensor | TensorLike, verbose?: boolean): void {
  verbose ??= false;
  if (x instanceof Tensor) {
    x.assertLive('print (x)');
    x.print(verbose);
  } else if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'string' || Array.isArray(x) || ArrayBuffer.isView(x)) {
    console.log(String(x));
  } else {
    throw argError('print', 'x', describeValue(x), 'a Tensor or TensorLike values');
  }
}
