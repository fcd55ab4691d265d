import { tile } from '../ops/tile';
import type { Tensor } from '../tensor/tensor';
import { argError, assertPositiveInt, fmtShape } from '../util/validate';
import { checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';
import { AnyDtypeLayer } from './any-dtype-layer';

export interface RepeatVectorLayerArgs extends LayerArgs {
  n: number;
}

/** tf.layers.repeatVector: [batch, features] -> [batch, n, features]. */
export class RepeatVector extends AnyDtypeLayer {
  readonly n: number;

  constructor(args: RepeatVectorLayerArgs) {
    const op = 'layers.repeatVector';
    checkConfigKeys(op, args, ['n']);
    super('repeat_vector', args);
    this.n = assertPositiveInt(op, 'n', args.n);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'RepeatVector';
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 1) throw argError(this.name, 'input', `shape ${fmtShape([null, ...inputShape])}`, 'rank 2 [batch, features]');
    return [this.n, inputShape[0]];
  }

  override call(x: Tensor, _options: CallOptions): Tensor {
    // As TF.js's K.repeat: the row tiled n times (its gradient sums the copies in one reduction).
    return tile(x.reshape([x.shape[0], 1, x.shape[1]]), [1, this.n, 1]);
  }

  protected override layerConfig(): LayerConfig {
    return { n: this.n };
  }
}
