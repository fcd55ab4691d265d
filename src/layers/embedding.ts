import { gather } from '../ops/gather';
import { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { argError, assertPositiveInt, fmtShape, fmtValue, shapesFit } from '../util/validate';
import { getInitializer, initializerConfig, type Initializer, type InitializerName } from './initializers';
import { constraintConfig, getConstraint, type Constraint, type ConstraintName } from './constraints';
import { getRegularizer, regularizerConfig, type Regularizer, type RegularizerName } from './regularizers';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';

/**
 * The indices as int32, cast as TF.js's embedding casts them (a fraction truncated, NaN to 0: the sentiment example
 * feeds NaN for an unknown word), each checked to be in [0, rows); the error names the first offending value and
 * its position, so a bad index never reads other memory.
 */
function checkIndices(op: string, indices: Tensor, rows: number): Int32Array {
  if (indices.dtype === 'string') throw argError(op, 'indices', 'a string tensor', `integers in [0, ${rows - 1}]`);
  const v = indices.hostValues();
  const out = Int32Array.from(v as ArrayLike<number>);
  for (let i = 0; i < v.length; i++) {
    const k = out[i];
    if (k < 0 || k >= rows) {
      const pos: number[] = [];
      let r = i;
      for (let d = indices.rank - 1; d >= 0; d--) {
        pos.unshift(r % indices.shape[d]);
        r = Math.floor(r / indices.shape[d]);
      }
      const given = v[i] === k ? fmtValue(k) : `${fmtValue(v[i])} (as int32 ${k})`;
      throw argError(op, 'indices', `${given} at position [${pos.join(', ')}]`, `integers in [0, ${rows - 1}]`);
    }
  }
  return out;
}

export interface EmbeddingLayerArgs extends LayerArgs {
  inputDim: number;
  outputDim: number;
  embeddingsInitializer?: InitializerName | Initializer;
  embeddingsRegularizer?: RegularizerName | Regularizer | null;
  activityRegularizer?: RegularizerName | Regularizer | null;
  embeddingsConstraint?: ConstraintName | Constraint | null;
  maskZero?: boolean;
  /** The dims after the batch; the first may be null (sequences of any length). */
  inputLength?: number | (number | null)[];
}

/** True where x is not 0: embedding({maskZero})'s bool mask, of x's shape, as TF.js's notEqual(x, 0). */
function nonZeroMask(x: Tensor): Tensor {
  return new Tensor(x.shape, 'bool', Uint8Array.from(x.hostValues(), (v) => (v !== 0 ? 1 : 0)));
}

/** tf.layers.embedding: integer ids [batch, ...] -> rows of embeddings [inputDim, outputDim]. */
export class Embedding extends Layer {
  readonly inputDim: number;
  readonly outputDim: number;
  readonly maskZero: boolean;
  private readonly inputLength: (number | null)[] | null;
  private readonly embeddingsRegularizer: Regularizer | null;
  private readonly embeddingsConstraint: Constraint | null;
  /** Whether inputShape or batchInputShape was given (an input shape from inputLength alone gives TF.js's config no dtype). */
  private readonly shapeGiven: boolean;
  /** maskZero and inputLength as the user gave them, for getConfig. */
  private readonly given: Pick<EmbeddingLayerArgs, 'maskZero' | 'inputLength'>;
  private readonly embeddingsInitializer: Initializer;
  embeddings: Variable | null = null;

  /** With maskZero it makes a mask, as TF.js's supportsMasking says. */
  override get supportsMasking(): boolean {
    return this.maskZero;
  }

  constructor(args: EmbeddingLayerArgs) {
    const op = 'layers.embedding';
    checkConfigKeys(op, args, ['inputDim', 'outputDim', 'embeddingsInitializer', 'embeddingsRegularizer', 'embeddingsConstraint', 'activityRegularizer', 'maskZero', 'inputLength', 'batchInputShape']);
    const len = args.inputLength;
    if (len != null && !(Number.isInteger(len) && (len as number) > 0) && !(Array.isArray(len) && len.every((d, i) => (d === null && i === 0) || (Number.isInteger(d) && (d as number) > 0)))) {
      throw argError(op, 'inputLength', fmtValue(len), 'a positive integer or an array of them (the first may be null: sequences of any length)');
    }
    const inputLength = len == null ? null : Array.isArray(len) ? len.slice() : [len];
    const batchShape = (args as { batchInputShape?: number[] }).batchInputShape;
    super('embedding', {
      name: args.name, trainable: args.trainable, dtype: args.dtype, inputDType: args.inputDType, weights: args.weights,
      inputShape: args.inputShape ?? batchShape?.slice(1) ?? inputLength ?? undefined, batchSize: args.batchSize ?? batchShape?.[0] ?? undefined,
    });
    this.inputDim = assertPositiveInt(op, 'inputDim', args.inputDim);
    this.outputDim = assertPositiveInt(op, 'outputDim', args.outputDim);
    this.maskZero = this.flagOption(op, 'maskZero', args.maskZero, false);
    this.inputLength = inputLength;
    this.shapeGiven = args.inputShape != null || batchShape != null;
    this.given = { maskZero: args.maskZero, inputLength: args.inputLength };
    this.embeddingsInitializer = getInitializer(op, 'embeddingsInitializer', args.embeddingsInitializer ?? 'randomUniform');
    this.embeddingsRegularizer = getRegularizer(op, 'embeddingsRegularizer', args.embeddingsRegularizer);
    this.activityRegularizer = getRegularizer(op, 'activityRegularizer', args.activityRegularizer);
    this.embeddingsConstraint = getConstraint(op, 'embeddingsConstraint', args.embeddingsConstraint);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Embedding';
  }

  /** Looks ids up one by one, so sequences of ids ([null]: inputShape) may have any length. */
  override acceptsAnyLength(): boolean {
    return true;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return [...inputShape, this.outputDim];
  }

  protected override buildWeights(): void {
    this.embeddings = this.addWeight('embeddings', [this.inputDim, this.outputDim], this.embeddingsInitializer, { regularizer: this.embeddingsRegularizer, constraint: this.embeddingsConstraint });
  }

  /**
   * Ids are checked as ids (any numeric dtype), not against the layer's float dtype. Any shape fits (a lookup
   * depends on none), as TF.js's embedding has no input spec, unless inputLength fixes the dims after the batch.
   */
  protected override prepareInput(x: Tensor): void {
    if (!(x instanceof Tensor)) throw argError(this.name, 'input', fmtValue(x), 'a Tensor of integer ids');
    const shape = x.shape.slice(1);
    if (!this.built) this.buildNoBatch(shape);
    this.checkInputLength(this.name, x.shape);
  }

  protected override checkSymbolicInputs(op: string, shapes: number[][]): void {
    super.checkSymbolicInputs(op, shapes);
    this.checkInputLength(op, [null, ...shapes[0]]);
  }

  protected override fitsBuiltShape(given: readonly number[]): boolean {
    return this.fitsInputLength(given);
  }

  private fitsInputLength(given: readonly (number | null)[]): boolean {
    const len = this.inputLength;
    return len === null || shapesFit(given, len);
  }

  /** As TF.js: an input whose dims after the batch differ from a given inputLength is refused (TF.js's computeOutputShape). */
  private checkInputLength(op: string, shape: readonly (number | null)[]): void {
    if (!this.fitsInputLength(shape.slice(1))) {
      throw argError(op, 'input', `shape ${fmtShape(shape)}`, `shape ${fmtShape([null, ...(this.inputLength as (number | null)[])])}, as inputLength ${fmtValue(this.given.inputLength)} gives`);
    }
  }

  override call(x: Tensor, _options: CallOptions): Tensor {
    const ids = checkIndices(this.name, x, this.inputDim);
    return gather(this.embeddings as Variable, new Tensor(x.shape, 'int32', ids));
  }

  /**
   * As TF.js's config: maskZero and inputLength as given (undefined where not given), and a batchInputShape of
   * [batch, null] (ids of any length) where no input shape was given.
   */
  override getConfig(): LayerConfig {
    const { name, trainable, batchInputShape, dtype, ...own } = super.getConfig();
    // TF.js's ConfigDict type has no undefined, yet its getConfig holds one for a setting never given, as here; its
    // order puts inputLength before the base config.
    return {
      ...own, maskZero: this.given.maskZero, inputLength: this.given.inputLength,
      name, trainable, batchInputShape: batchInputShape ?? [this.declaredBatchSize, null], ...(dtype === undefined ? {} : { dtype }),
    } as LayerConfig;
  }

  protected override declaresInputShape(): boolean {
    return this.shapeGiven;
  }

  /** As TF.js saves it: ids of any length, batch_input_shape [batch, null], where no input shape was given. */
  protected override baseConfig(): LayerConfig {
    const { name, trainable, batch_input_shape: declared, ...rest } = super.baseConfig();
    return { name, trainable, batch_input_shape: declared ?? [this.declaredBatchSize, null], ...rest };
  }

  override computeMask(x: Tensor, _mask: Tensor | null = null): Tensor | null {
    return this.maskZero ? nonZeroMask(x) : null;
  }

  protected override layerConfig(): LayerConfig {
    return {
      input_dim: this.inputDim,
      output_dim: this.outputDim,
      embeddings_initializer: initializerConfig(this.embeddingsInitializer),
      embeddings_regularizer: regularizerConfig(this.embeddingsRegularizer),
      activity_regularizer: regularizerConfig(this.activityRegularizer),
      embeddings_constraint: constraintConfig(this.embeddingsConstraint),
      // As given, and null where not given, as TF.js writes a setting its config holds as undefined.
      mask_zero: this.given.maskZero ?? null,
      input_length: this.given.inputLength ?? null,
    };
  }
}
