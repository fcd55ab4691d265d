import type { DType, Tensor } from '../tensor/tensor';
import { assertDtype } from '../tensor/checks';
import { argError, checkKnownKeys, fmtValue } from '../util/validate';
import { Layer, uniqueName, type DisposeResult, type Kwargs, type LayerConfig } from './layer';
import { addNode, SymbolicTensor } from './symbolic';

export interface InputConfig {
  /** The shape without the batch dim; null for a size that varies (a sequence's time steps). */
  shape?: (number | null)[];
  /** The shape with the batch dim (null for any batch size). */
  batchShape?: (number | null)[];
  dtype?: DType;
  name?: string;
  sparse?: boolean;
}

export interface InputLayerArgs {
  inputShape?: (number | null)[];
  batchInputShape?: (number | null)[];
  batchSize?: number;
  dtype?: DType;
  name?: string;
  sparse?: boolean;
}

function dims(op: string, arg: string, v: unknown, withBatch: boolean): (number | null)[] {
  const ok = Array.isArray(v) && v.length >= (withBatch ? 1 : 0)
    && v.every((d) => d === null || (Number.isInteger(d) && d > 0));
  if (!ok) throw argError(op, arg, fmtValue(v), withBatch ? '[batch or null, ...positive sizes or null]' : 'an array of positive sizes or null (without the batch dim)');
  return (v as (number | null)[]).slice();
}

/** The entry of a functional model: a layer with no inputs whose output is the model's input tensor, as tf.layers.inputLayer. */
export class InputLayer extends Layer {
  private readonly batchShape: (number | null)[];
  /** As TF.js's InputLayer.sparse: tessera has no sparse inputs. */
  readonly sparse = false;

  constructor(args: InputLayerArgs) {
    const op = 'layers.inputLayer';
    if (args === null || typeof args !== 'object') throw argError(op, 'config', fmtValue(args), 'an object {inputShape or batchInputShape, dtype?, name?}');
    checkKnownKeys(op, 'config', args, ['inputShape', 'batchInputShape', 'batchSize', 'dtype', 'name', 'sparse']);
    if (args.sparse) throw argError(op, 'sparse', fmtValue(args.sparse), 'false (tessera has no sparse tensors)');
    if ((args.inputShape == null) === (args.batchInputShape == null)) {
      throw argError(op, 'config', args.inputShape == null ? 'neither inputShape nor batchInputShape' : 'both inputShape and batchInputShape', 'exactly one of them');
    }
    // TF.js's words: the batch size is the batch shape's first entry.
    if (args.batchInputShape != null && args.batchSize != null) throw new Error(`${op}: Cannot specify batchSize if batchInputShape is specified when creating an InputLayer.`);
    // A bare number is a 1-D shape, as TF.js's concat of it reads one (tf.input({shape: 16})).
    const shape: unknown = typeof args.inputShape === 'number' ? [args.inputShape] : args.inputShape;
    const batchShape = args.batchInputShape != null ? dims(op, 'batchInputShape', args.batchInputShape, true)
      : [args.batchSize ?? null, ...dims(op, 'inputShape', shape, false)];
    const dtype = args.dtype == null ? 'float32' : assertDtype(op, 'dtype', args.dtype);
    super('input', { name: args.name ?? uniqueName('input'), dtype });
    this.batchShape = batchShape;
    this.inputShapeNoBatch = batchShape.slice(1) as number[];
    // As TF.js's: it has nothing to train.
    this.trainable = false;
    this.built = true;
    addNode(this, [], [new SymbolicTensor(dtype, batchShape, this, 0, 0)], {});
  }

  override getClassName(): string {
    return 'InputLayer';
  }

  /** Nothing to free, as TF.js's InputLayer: a model disposing its layers passes over it. */
  override dispose(): DisposeResult {
    return { refCountAfterDispose: this.refCount ?? 0, numDisposedVariables: 0 };
  }

  override get batchInputShape(): (number | null)[] {
    return this.batchShape.slice();
  }

  /** The model input this layer makes (its input too, as in TF.js). */
  override get output(): SymbolicTensor {
    return this.inboundNodes[0].outputs[0];
  }

  override get input(): SymbolicTensor {
    return this.output;
  }

  protected override holdsValues(): boolean {
    return false;
  }

  override outputShapeNoBatch(inputShape: readonly number[]): number[] {
    return inputShape.slice();
  }

  override call(x: Tensor): Tensor {
    return x;
  }

  /** As TF.js: an InputLayer is where a model's input enters, never applied to anything. */
  override apply(_inputs?: unknown, _kwargs?: Kwargs): never {
    throw new Error(`${this.name}.apply: Cannot pass any input to an InputLayer's apply() method. InputLayer name: ${this.name}`);
  }

  override savedConfig(): LayerConfig {
    return { batch_input_shape: this.batchInputShape, dtype: this.dtype, sparse: false, name: this.name };
  }

  /** Its shape is what it declares, so TF.js's config always holds its dtype. */
  protected override declaresInputShape(): boolean {
    return true;
  }

  protected override layerConfig(): LayerConfig {
    return {};
  }
}

/** A symbolic input of a functional model, as tf.input({shape, batchShape?, dtype?, name?}). */
export function input(config: InputConfig): SymbolicTensor {
  const op = 'input';
  if (config === null || typeof config !== 'object') throw argError(op, 'config', fmtValue(config), 'an object {shape or batchShape, dtype?, name?}');
  checkKnownKeys(op, 'config', config, ['shape', 'batchShape', 'dtype', 'name', 'sparse']);
  if ((config.shape == null) === (config.batchShape == null)) {
    throw argError(op, 'config', config.shape == null ? 'neither shape nor batchShape' : 'both shape and batchShape', 'exactly one of shape and batchShape');
  }
  return new InputLayer({ inputShape: config.shape, batchInputShape: config.batchShape, dtype: config.dtype, name: config.name, sparse: config.sparse }).output;
}
