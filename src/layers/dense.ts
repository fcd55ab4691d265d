import type { Tensor } from '../tensor/tensor';
import * as fused from '../ops/fused';
import { argError, assertPositiveInt } from '../util/validate';
import { KERNEL_LAYER_KEYS, KernelLayer, type KernelLayerArgs } from './kernel-layer';
import type { InputSpec } from './input-spec';
import { checkConfigKeys, type CallOptions, type LayerConfig } from './layer';

export interface DenseLayerArgs extends KernelLayerArgs {
  units: number;
  /** The input's last dim, as TF.js's shorthand for inputShape: [inputDim]. */
  inputDim?: number;
}

/** act(x·kernel + bias) over the last axis, kernel [in, units], as tf.layers.dense. */
export class Dense extends KernelLayer {
  /** Passes its input's mask on, as TF.js's supportsMasking. */
  override get supportsMasking(): boolean {
    return true;
  }

  readonly units: number;
  /** Whether the input shape came from inputDim, which TF.js turns into a batchInputShape without a dtype. */
  private readonly shapeFromInputDim: boolean;

  constructor(args: DenseLayerArgs) {
    const op = 'layers.dense';
    checkConfigKeys(op, args, ['units', 'inputDim', ...KERNEL_LAYER_KEYS]);
    const { inputDim, ...rest } = args;
    if (inputDim != null) assertPositiveInt(op, 'inputDim', inputDim);
    const fromInputDim = inputDim != null && args.inputShape == null && args.batchInputShape == null;
    super(op, 'dense', fromInputDim ? { ...rest, inputShape: [inputDim] } : rest);
    this.shapeFromInputDim = fromInputDim;
    this.units = assertPositiveInt(op, 'units', args.units);
    // As TF.js, whose plain objects programs read: rank 2 or more, and once built, the features it was built for.
    this.inputSpec = [{ minNDim: 2 } as InputSpec];
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Dense';
  }

  /** As TF.js, whose config (and model.json) holds no dtype for a dense given only inputDim. */
  protected override declaresInputShape(): boolean {
    return !this.shapeFromInputDim && super.declaresInputShape();
  }

  /** Applied to the last axis, so a sequence of features [time, features] may have any length, as TF.js. */
  override acceptsAnyLength(rank: number): boolean {
    return rank > 1;
  }

  /** Any rank with the features it was built for, as TF.js's input spec (minNDim 2, the last axis fixed). */
  protected override fitsBuiltShape(given: readonly number[], built: readonly (number | null)[]): boolean {
    return given.length > 0 && given[given.length - 1] === built[built.length - 1];
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (inputShape.length === 0) throw argError(this.name, 'input', 'shape [null]', 'rank >= 2 [batch, ..., features]');
    return [...inputShape.slice(0, -1), this.units];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const features = inputShape[inputShape.length - 1];
    this.inputSpec = [{ minNDim: 2, axes: { [-1]: features } }];
    this.buildKernel([features, this.units]);
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    // Higher-rank input is applied along its last axis by folding the leading axes into rows.
    const rows = x.rank === 2 ? x : x.reshape([-1, x.shape[x.rank - 1]]);
    const y = this.withEpilogue(options, (kernel, bias, activation) => fused.matMul({ a: rows, b: kernel, bias, activation }));
    return x.rank === 2 ? y : y.reshape([...x.shape.slice(0, -1), this.units]);
  }

  protected override layerConfig(): LayerConfig {
    return { units: this.units, ...this.epilogueConfig() };
  }
}
