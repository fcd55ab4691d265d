import type { Layer } from '../layers/layer';

/**
 * Runs `make`, which pushes each layer it makes onto `made`; if it throws, the weights of those layers are freed
 * before the error goes on, so a failed fromConfig leaves no half-made model behind.
 */
export function freedOnFailure<T>(made: Layer[], make: () => T): T {
  try {
    return make();
  } catch (e) {
    for (const layer of made) layer.disposeWeights();
    throw e;
  }
}
