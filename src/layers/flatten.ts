import type { Tensor } from '../tensor/tensor';
import { argError } from '../util/validate';
import { Layer, checkConfigKeys, type LayerArgs, type LayerConfig } from './layer';

/** [batch, ...] -> [batch, product of the rest], as tf.layers.flatten. */
export class Flatten extends Layer {
  constructor(args: LayerArgs = {}) {
    checkConfigKeys('layers.flatten', args, ['dataFormat']);
    super('flatten', args);
    this.buildIfShaped();
  }

  getClassName(): string {
    return 'Flatten';
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length === 0) throw argError(this.name, 'input', 'shape [null]', 'rank >= 2');
    return [inputShape.reduce((a, b) => a * b, 1)];
  }

  call(x: Tensor): Tensor {
    return x.reshape([x.shape[0], -1]);
  }

  protected layerConfig(): LayerConfig {
    return { data_format: 'channels_last' };
  }
}
