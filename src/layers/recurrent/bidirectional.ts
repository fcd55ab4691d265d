import { add, mul } from '../../ops/binary';
import { concat } from '../../ops/concat';
import { reverse } from '../../ops/reverse';
import type { Tensor } from '../../tensor/tensor';
import { tidy } from '../../tensor/tidy';
import { argError, fmtValue } from '../../util/validate';
import { Layer, buildInScope, checkConfigKeys, type Applied, type CallOptions, type Kwargs, type LayerArgs, type LayerConfig } from '../layer';
import { SymbolicTensor } from '../symbolic';
import { layerFromDict } from '../serialization';
import type { ConfigDict, Serializable, SerializableConstructor } from '../../util/serializable';
import { nestedConfig } from './cell';
import { ConvLSTM2D } from './conv-lstm2d';
import { GRU, LSTM, SimpleRNN } from './layers';
import type { RNN, RNNApplyOptions } from './rnn';

export type BidirectionalMergeMode = 'sum' | 'mul' | 'concat' | 'ave' | null;

export interface BidirectionalLayerArgs extends LayerArgs {
  layer: RNN;
  mergeMode?: BidirectionalMergeMode;
}

const MODES = ['sum', 'mul', 'concat', 'ave', null];

/** The layers TF.js 4.22 wraps (it fails on a plain tf.layers.rnn, whose cell its copy cannot rebuild). */
const WRAPPABLE = [LSTM, GRU, SimpleRNN, ConvLSTM2D];

/**
 * A copy of a wrappable layer made from its arguments, with a new name and direction (and, as TF.js's, fresh
 * weights), without its input shape: the wrapper builds it, in its scope.
 */
function remake(layer: RNN, name: string, goBackwards: boolean): RNN {
  const unshaped = { inputShape: undefined, batchInputShape: undefined, batchSize: undefined, inputDim: undefined, inputLength: undefined };
  return new (layer.constructor as new (args: never) => RNN)({ ...layer.args, ...unshaped, weights: undefined, name, goBackwards } as never);
}

/**
 * tf.layers.bidirectional: the layer forwards and a copy run backwards over the sequence (its outputs turned
 * back into time order), merged; weights are the forward layer's, then the backward one's.
 */
export class Bidirectional extends Layer {
  /** The layer given, as TF.js's Wrapper.layer (the two that run are copies of it). */
  readonly layer: RNN;
  readonly forwardLayer: RNN;
  readonly backwardLayer: RNN;
  readonly mergeMode: BidirectionalMergeMode;

  constructor(args: BidirectionalLayerArgs) {
    const op = 'layers.bidirectional';
    checkConfigKeys(op, args, ['layer', 'mergeMode']);
    const layer = args?.layer;
    if (!WRAPPABLE.some((k) => layer instanceof k)) throw argError(op, 'layer', fmtValue(layer), 'an lstm, gru, simpleRNN or convLstm2d layer');
    const mergeMode = args.mergeMode === undefined ? 'concat' : args.mergeMode;
    if (!MODES.includes(mergeMode)) throw argError(op, 'mergeMode', fmtValue(mergeMode), "one of 'concat', 'sum', 'mul', 'ave', null");
    super('bidirectional', { ...args, inputShape: args.inputShape ?? layer.inputShapeNoBatch ?? undefined });
    this.mergeMode = mergeMode;
    this.layer = layer;
    this.forwardLayer = remake(layer, `forward_${layer.name}`, layer.goBackwards);
    this.backwardLayer = remake(layer, `backward_${layer.name}`, !layer.goBackwards);
    // The forward copy takes the values the layer drew if it was built when made; the backward one draws its own.
    this.takeDeclaredBuild(layer);
    this.buildIfShaped();
  }

  override getClassName(): string {
    return 'Bidirectional';
  }

  /** As TF.js's: the config's layer, given as {className, config}, made first. */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return new (cls as unknown as new (args: object) => T)({ ...config, layer: layerFromDict('layers.bidirectional', 'layer', config.layer) });
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
    const buildOne = (l: RNN): void => buildInScope(`${this.weightScope()}/${l.name}`, () => l.buildNoBatch(inputShape.slice()));
    this.buildWithDrawn(() => buildOne(this.forwardLayer));
    buildOne(this.backwardLayer);
    this.vars.push(...this.forwardLayer.weights, ...this.backwardLayer.weights);
  }

  override get supportsMasking(): boolean {
    return true;
  }

  /**
   * As TF.js's: the input's mask with returnSequences (one per direction with mergeMode null), then with
   * returnState none for each direction's states.
   */
  override computeMask(_x: Tensor, mask: Tensor | null = null): Tensor | (Tensor | null)[] | null {
    const out = this.forwardLayer.returnSequences ? mask : null;
    const outs = this.mergeMode === null ? [out, out] : [out];
    const states = this.forwardLayer.returnState ? this.forwardLayer.cell.stateSizes.flatMap(() => [null, null]) : [];
    return outs.length === 1 && states.length === 0 ? out : [...outs, ...states];
  }

  /**
   * As TF.js: with mergeMode null, [forward, backward]; with returnState, the output(s) then each direction's states.
   * Initial states (initialState, or apply([x, ...states])) are the forward layer's, then the backward one's.
   */
  override apply(x: Tensor, options?: RNNApplyOptions): Applied<Tensor>;
  override apply(inputs: SymbolicTensor, kwargs?: Kwargs): Applied<SymbolicTensor>;
  override apply(inputs: Tensor[], options?: RNNApplyOptions): Tensor | Tensor[];
  override apply(inputs: SymbolicTensor[], kwargs?: Kwargs): SymbolicTensor | SymbolicTensor[];
  override apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], options?: RNNApplyOptions): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  override apply(input: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], options: RNNApplyOptions | null = {}): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    options ??= {};
    const [x, ...listed] = (Array.isArray(input) ? input : [input]) as unknown[];
    const { initialState, ...rest } = options;
    const states: unknown[] = listed.length > 0 ? listed : initialState === undefined ? [] : Array.isArray(initialState) ? initialState : [initialState];
    // In a functional model's graph the layer is recorded as any other, initial states as inputs after the sequence.
    if (x instanceof SymbolicTensor) {
      states.forEach((t, i) => {
        if (!(t instanceof SymbolicTensor)) throw argError(`${this.name}.apply`, `initialState[${i}]`, fmtValue(t), 'a SymbolicTensor, as the input is symbolic');
      });
      const list = [x, ...states] as SymbolicTensor[];
      // The node keeps initialState among its call arguments, as TF.js's (saving leaves it out, with TF.js's warning).
      const out = super.apply(list.length === 1 ? x : list, options as Kwargs);
      for (const l of [this.forwardLayer, this.backwardLayer]) l.startStates(x.shape[0]);
      return out;
    }
    // In a scope, as Layer.apply: only the outputs, and the directions' activity penalties (fit's loss takes them),
    // outlive it. int32 and bool sequences run as the layer's dtype, as TF.js's ops upcast them.
    return tidy(() => {
      const xs = this.castInput(x) as Tensor;
      this.prepareInput(xs);
      this.markUsed();
      const initial = states.length > 0 ? this.splitStates(`${this.name}.apply`, 'initialState', states) : null;
      if (initial) {
        const [b, , ...step] = xs.shape;
        this.forwardLayer.checkInitialStates(initial[0], b, step);
        this.backwardLayer.checkInitialStates(initial[1], b, step);
      }
      return [this.outputs(xs, { ...rest, training: rest.training ?? false }, initial as [Tensor[], Tensor[]] | null), this.pendingTensors()] as [Tensor | Tensor[], Tensor[]];
    })[0];
  }

  /** The forward layer's states and the backward layer's, out of one list holding both in that order. */
  private splitStates<T>(op: string, arg: string, states: readonly T[]): [T[], T[]] {
    const n = this.forwardLayer.cell.stateSizes.length;
    if (states.length !== 2 * n) throw argError(op, arg, `${states.length} tensors`, `${2 * n}: the forward layer's ${n} states, then the backward layer's ${n}`);
    return [states.slice(0, n), states.slice(n)];
  }

  /** Symbolic inputs: the sequence, then the forward layer's initial states and the backward layer's. */
  protected override checkSymbolicInputs(op: string, shapes: number[][]): void {
    if (shapes.length === 1) return;
    const [forward, backward] = this.splitStates(op, 'initialState', shapes.slice(1));
    this.forwardLayer.checkStateShapes(op, 'initialState', shapes[0], forward, 0);
    this.backwardLayer.checkStateShapes(op, 'initialState', shapes[0], backward, forward.length);
  }

  private outputs(x: Tensor, options: CallOptions, initial: [Tensor[], Tensor[]] | null): Tensor | Tensor[] {
    // Through apply, so each direction records its activity penalty as a layer of its own does.
    const run = (l: RNN, initialState: Tensor[] | undefined) => {
      const y = l.apply(x, { training: options.training, mask: options.mask ?? null, initialState }) as Tensor | Tensor[];
      return Array.isArray(y) ? { out: y[0], states: y.slice(1) } : { out: y, states: [] };
    };
    const f = run(this.forwardLayer, initial?.[0]);
    const b = run(this.backwardLayer, initial?.[1]);
    const back = this.backwardLayer.returnSequences ? reverse(b.out, 1) : b.out;
    const outputs = this.mergeMode === null ? [f.out, back] : [this.merge(f.out, back)];
    return outputs.length === 1 && !this.forwardLayer.returnState ? outputs[0] : [...outputs, ...f.states, ...b.states];
  }

  /** As TF.js's: stateful when the wrapped layer is (both directions keep their states between calls). */
  override get stateful(): boolean {
    return this.forwardLayer.stateful;
  }

  /** Resets both directions' states: to zeros, or to the given forward states followed by the backward ones. */
  override resetStates(states?: Tensor | Tensor[]): void {
    const list = states === undefined ? null : Array.isArray(states) ? states : [states];
    const [forward, backward] = list ? this.splitStates(`${this.name}.resetStates`, 'states', list) : [null, null];
    // Both checked before either changes.
    this.forwardLayer.checkReset(forward);
    this.backwardLayer.checkReset(backward);
    this.forwardLayer.resetStates(forward ?? undefined);
    this.backwardLayer.resetStates(backward ?? undefined);
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
    return this.outputs(x, options, null);
  }

  /** As TF.js's: the wrapped layer's config as its own getConfig gives it (the layer given, not its copies). */
  override getConfig(): LayerConfig {
    const config = super.getConfig();
    (config.layer as { config: LayerConfig }).config = this.layer.getConfig();
    return config;
  }

  protected override layerConfig(): LayerConfig {
    return { merge_mode: this.mergeMode, layer: { class_name: this.layer.getClassName(), config: nestedConfig(this.layer) } };
  }
}
