import type { Layer, LayerArgs } from '../layers/index';
import type { Tensor } from '../tensor/tensor';

/** A layer read from a file: enough to check shapes and weights before anything is built. */
export interface LayerPlan {
  /** The output shape (no batch dim) for an input shape; throws the layer's own error when it cannot work. */
  outputShape(input: readonly number[]): number[];
  /** The weights the layer will own for an input shape, in Keras order (kernel, then bias); trainable unless false; named `layer/suffix` unless a name is given (a nested model's weights keep their layers' names). */
  weightShapes(input: readonly number[]): { suffix: string; shape: number[]; trainable?: boolean; name?: string }[];
  /** The input shape (no batch dim) the layer itself knows, where its config has no batch_input_shape (a nested model). */
  inputShape?: number[];
  /** The layer itself, its weights taking the given values. */
  create(common: LayerArgs, weights: Tensor[]): Layer;
  /** Frees what reading made, when the layer will not be created (a nested model is made as it is read). */
  discard?(): void;
}
