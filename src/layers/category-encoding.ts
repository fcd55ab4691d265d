import { cast } from '../ops/cast';
import { denseBincount } from '../ops/host-count';
import { reshape } from '../ops/reshape';
import type { DType, Tensor } from '../tensor/tensor';
import { toSnakeCase } from '../util/case';
import { argError, assertPositiveInt, fmtShape, fmtValue } from '../util/validate';
import { Layer, checkConfigKeys, type CallOptions, type LayerArgs, type LayerConfig } from './layer';

type OutputMode = 'multiHot' | 'oneHot' | 'count' | 'int';
const MODES: readonly OutputMode[] = ['multiHot', 'oneHot', 'count', 'int'];

export interface CategoryEncodingArgs extends LayerArgs {
  numTokens: number;
  outputMode?: OutputMode;
}

/**
 * Integer category ids as vectors of numTokens, as tf.layers.categoryEncoding: 'oneHot' encodes one id per example
 * ([batch] or [batch, 1]); 'multiHot' (the default) marks the ids each example holds and 'count' counts them
 * ([batch, ids]; apply's countWeights, of the ids' shape, weigh the counts); 'int' passes the ids on as int32, of
 * any shape (TF.js's symbolic shape says [..., numTokens] there; tessera's is the ids', as computed). Applied to a
 * tensor, as TF.js's, a scalar is one id and a rank-1 input to multiHot or count one example's ids, encoded without
 * a batch dim.
 */
export class CategoryEncoding extends Layer {
  readonly numTokens: number;
  readonly outputMode: OutputMode;

  constructor(args: CategoryEncodingArgs) {
    const op = 'layers.categoryEncoding';
    if (args === null || typeof args !== 'object') throw argError(op, 'config', fmtValue(args), 'an object {numTokens, outputMode?}');
    checkConfigKeys(op, args, ['numTokens', 'outputMode']);
    super('category_encoding', args);
    this.numTokens = assertPositiveInt(op, 'numTokens', args.numTokens);
    if (args.outputMode != null && !MODES.includes(args.outputMode)) throw argError(op, 'outputMode', fmtValue(args.outputMode), `one of ${MODES.map((m) => `'${m}'`).join(', ')}`);
    this.outputMode = args.outputMode ?? 'multiHot';
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'CategoryEncoding';
  }

  /** Shapes without the batch dim; [] is also a tensor's rank-1 input (one example's ids) or scalar (one id). */
  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    if (this.outputMode === 'int') return inputShape.slice();
    const oneId = inputShape.length === 0 || (inputShape.length === 1 && inputShape[0] === 1);
    if (this.outputMode === 'oneHot' ? !oneId : inputShape.length > 1) this.refuse(inputShape);
    return [this.numTokens];
  }

  /** A symbolic input has its batch dim, so multiHot and count take [batch, ids] only. */
  protected override checkSymbolicInputs(op: string, shapes: number[][]): void {
    super.checkSymbolicInputs(op, shapes);
    if ((this.outputMode === 'multiHot' || this.outputMode === 'count') && shapes[0].length !== 1) this.refuse(shapes[0]);
  }

  private refuse(inputShape: readonly number[]): never {
    const want = this.outputMode === 'oneHot' ? 'rank 1 [batch] or [batch, 1] (one id per example)' : 'rank 2 [batch, ids]';
    throw argError(this.name, 'input', `shape [null${inputShape.map((d) => `, ${d}`).join('')}]`, want);
  }

  /** A scalar is one id. */
  protected override takesScalar(): boolean {
    return true;
  }

  /** No size or rank is fixed (TF.js's layer has no input spec): outputShapeNoBatch checks each input. */
  protected override fitsBuiltShape(): boolean {
    return true;
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    const weights = options.countWeights as Tensor | undefined;
    if (weights !== undefined && this.outputMode !== 'count') throw argError(this.name, 'countWeights', fmtValue(weights), "nothing unless outputMode is 'count'");
    let ids = cast(x, 'int32');
    const values = ids.dataSync();
    for (let i = 0; i < values.length; i++) {
      if (!(values[i] >= 0 && values[i] < this.numTokens)) throw argError(this.name, `input[${i}]`, String(values[i]), `an id in [0, ${this.numTokens - 1}] (numTokens ${this.numTokens})`);
    }
    if (this.outputMode === 'int') return ids;
    // As TF.js's encodeCategoricalInputs: a scalar becomes [1]; oneHot gives each id a row unless the last dim is 1 already.
    if (ids.rank === 0) ids = reshape(ids, [1]);
    if (this.outputMode === 'oneHot' && ids.shape[ids.rank - 1] !== 1) ids = reshape(ids, [...ids.shape, 1]);
    if (weights !== undefined && weights.size !== ids.size) throw argError(this.name, 'countWeights', `shape ${fmtShape(weights.shape)}`, `the ids' shape ${fmtShape(x.shape)}`);
    const w = weights === undefined ? [] : reshape(cast(weights, 'float32'), ids.shape);
    // In the layer's float dtype (a float64 layer gives float64).
    return cast(denseBincount(ids, w, this.numTokens, this.outputMode !== 'count'), this.dtype === 'float64' ? 'float64' : 'float32');
  }

  protected override checksInputDtype(): boolean {
    return false;
  }

  protected override outputDtype(inputDtypes: DType[]): DType {
    return this.outputMode === 'int' ? 'int32' : super.outputDtype(inputDtypes);
  }

  protected override layerConfig(): LayerConfig {
    return { num_tokens: this.numTokens, output_mode: toSnakeCase(this.outputMode) };
  }
}
