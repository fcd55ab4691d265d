import { add, mul } from '../../ops/binary';
import { concat } from '../../ops/concat';
import { reverse } from '../../ops/reverse';
import type { Tensor } from '../../tensor/tensor';
import { tidy } from '../../tensor/tidy';
import { argError, fmtValue } from '../../util/validate';
import { Layer, buildInScope, checkConfigKeys, type Applied, type CallOptions, type Kwargs, type LayerArgs, type LayerConfig } from '../layer';
import { SymbolicTensor } from '../symbolic';
import { nestedConfig } from './cell';
import { GRU, LSTM, SimpleRNN } from './layers';
import type { RNN } from './rnn';

export type BidirectionalMergeMode = 'sum' | 'mul' | 'concat' | 'ave' | null;

export interface BidirectionalLayerArgs extends LayerArgs {
  layer: RNN;
  mergeMode?: BidirectionalMergeMode;
}

const MODES = ['sum', 'mul', 'concat', 'ave', null];

/** A copy of an lstm/gru/simpleRNN made from its arguments, with a new name and direction. */
function remake(layer: RNN, name: string, goBackwards: boolean): RNN {
  const args = { ...layer.args, name, goBackwards } as never;
  if (layer instanceof LSTM) return new LSTM(args);
  if (layer instanceof GRU) return new GRU(args);
  return new SimpleRNN(args);
}

/**
 * tf.layers.bidirectional: the layer forwards and a copy run backwards over the sequence (its outputs turned
 * back into time order), merged; weights are the forward layer's, then the backward one's.
 */
export class Bidirectional extends Layer {
  readonly forwardLayer: RNN;
  readonly backwardLayer: RNN;
  readonly mergeMode: BidirectionalMergeMode;

  constructor(args: BidirectionalLayerArgs) {
    const op = 'layers.bidirectional';
    checkConfigKeys(op, args, ['layer', 'mergeMode']);
    const layer = args?.layer;
    if (!(layer instanceof LSTM || layer instanceof GRU || layer instanceof SimpleRNN)) throw argError(op, 'layer', fmtValue(layer), 'an lstm, gru or simpleRNN layer');
    const mergeMode = args.mergeMode === undefined ? 'concat' : args.mergeMode;
    if (!MODES.includes(mergeMode)) throw argError(op, 'mergeMode', fmtValue(mergeMode), "one of 'concat', 'sum', 'mul', 'ave', null");
    super('bidirectional', { ...args, inputShape: args.inputShape ?? layer.inputShapeNoBatch ?? undefined });
    this.mergeMode = mergeMode;
    this.forwardLayer = remake(layer, `forward_${layer.name}`, layer.goBackwards);
    this.backwardLayer = remake(layer, `backward_${layer.name}`, !layer.goBackwards);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Bidirectional';
  }

  protected override nestedLayers(): readonly Layer[] {
    return [this.forwardLayer, this.backwardLayer];
  }

  override acceptsAnyLength(rank: number): boolean {
    return rank > 1;
  }

  /** As TF.js: the merged output (both directions' with mergeMode null), then with returnState the forward states and the backward ones. */
  override outputShapeNoBatch(inputShape: readonly number[]): number[] | number[][] {
    const shapes = this.forwardLayer.outputShapeNoBatch(inputShape);
    const [one, states] = this.forwardLayer.returnState ? [shapes[0] as number[], (shapes as number[][]).slice(1)] : [shapes as number[], []];
    const outputs = this.mergeMode === null ? [one, one] : [this.mergeMode === 'concat' ? [...one.slice(0, -1), 2 * one[one.length - 1]] : one];
    return outputs.length === 1 && states.length === 0 ? outputs[0] : [...outputs, ...states, ...states];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    // TF.js builds each direction in its own scope inside the wrapper's: 'bidirectional/forward_lstm/kernel'.
    for (const l of [this.forwardLayer, this.backwardLayer]) buildInScope(`${this.weightScope()}/${l.name}`, () => l.buildNoBatch(inputShape.slice()));
    this.vars.push(...this.forwardLayer.weights, ...this.backwardLayer.weights);
  }

  override get supportsMasking(): boolean {
    return true;
  }

  override computeMask(_x: Tensor, mask: Tensor | null = null): Tensor | null {
    return this.forwardLayer.returnSequences ? mask : null;
  }

  /** As TF.js: with mergeMode null, [forward, backward]; with returnState, the output(s) then each direction's states. */
  override apply(x: Tensor, options?: CallOptions): Applied<Tensor>;
  override apply(inputs: SymbolicTensor, kwargs?: Kwargs): Applied<SymbolicTensor>;
  override apply(inputs: Tensor[], kwargs?: Kwargs): Tensor | Tensor[];
  override apply(inputs: SymbolicTensor[], kwargs?: Kwargs): SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: Kwargs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  override apply(input: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], options?: Kwargs): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    // In a functional model's graph the layer is recorded as any other (its outputs from outputShapeNoBatch).
    if (input instanceof SymbolicTensor) return super.apply(input, options);
    const x = (Array.isArray(input) && input.length === 1 ? input[0] : input) as Tensor;
    this.prepareInput(x);
    // In a scope, as Layer.apply: only the outputs, and the directions' activity penalties (fit's loss takes them), outlive it.
    const opts = { ...options, training: options?.training ?? false };
    return tidy(() => [this.outputs(x, opts), this.pendingTensors()] as [Tensor | Tensor[], Tensor[]])[0];
  }

  private outputs(x: Tensor, options: CallOptions): Tensor | Tensor[] {
    // Through apply, so each direction records its activity penalty as a layer of its own does.
    const run = (l: RNN) => {
      const y = l.apply(x, { training: options.training, mask: options.mask ?? null }) as Tensor | Tensor[];
      return Array.isArray(y) ? { out: y[0], states: y.slice(1) } : { out: y, states: [] };
    };
    const f = run(this.forwardLayer);
    const b = run(this.backwardLayer);
    const back = this.backwardLayer.returnSequences ? reverse(b.out, 1) : b.out;
    const outputs = this.mergeMode === null ? [f.out, back] : [this.merge(f.out, back)];
    return outputs.length === 1 && !this.forwardLayer.returnState ? outputs[0] : [...outputs, ...f.states, ...b.states];
  }

  private merge(f: Tensor, b: Tensor): Tensor {
    switch (this.mergeMode) {
      case 'sum': return add(f, b);
      case 'mul': return mul(f, b);
      case 'ave': return mul(add(f, b), 0.5);
      default: return concat([f, b], f.rank - 1);
    }
  }

  override call(x: Tensor, options: CallOptions): Tensor | Tensor[] {
    return this.outputs(x, options);
  }

  /** As TF.js's: the wrapped layer's config as its own getConfig gives it. */
  override getConfig(): LayerConfig {
    const config = super.getConfig();
    (config.layer as { config: LayerConfig }).config = { ...this.forwardLayer.getConfig(), name: this.innerName() };
    return config;
  }

  private innerName(): string {
    return this.forwardLayer.name.replace(/^forward_/, '');
  }

  protected override layerConfig(): LayerConfig {
    const inner = { ...nestedConfig(this.forwardLayer), name: this.innerName() };
    return { layer: { class_name: this.forwardLayer.getClassName(), config: inner }, merge_mode: this.mergeMode };
  }
}
