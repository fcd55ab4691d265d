import type { Layer } from '../layers/layer';
import { add } from '../ops/binary';
import type { Tensor } from '../tensor/tensor';

/** The loss plus every layer's regularization penalties, as TF.js adds them to the training loss. */
export function withRegularization(loss: Tensor, layers: readonly Layer[]): Tensor {
  return layers.flatMap((l) => l.calculateLosses()).reduce((total, p) => add(total, p), loss);
}

/** Projects the constrained weights of every layer, after an optimizer update. */
export function applyConstraints(layers: readonly Layer[]): void {
  for (const l of layers) l.applyConstraints();
}
