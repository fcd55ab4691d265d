import { assertTensor } from '../tensor/checks';
import type { Tensor } from '../tensor/tensor';

/** Logs x's values (verbose: with its dtype, rank and shape first), as tf.print(x, verbose?). */
export function print(x: Tensor, verbose?: boolean): void {
  verbose ??= false;
  assertTensor('print', 'x', x);
  x.print(verbose);
}
