import { Embedding } from '../layers/embedding';
import { InputLayer } from '../layers/input-layer';
import { Layer } from '../layers/layer';
import type { SymbolicTensor } from '../layers/symbolic';
import type { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import { argError, describeValue, fmtValue, optionsArg } from '../util/validate';
import { layerFromDict, registerBuiltinLayers } from '../layers/serialization';
import type { ConfigDict, ConfigDictArray, Serializable, SerializableConstructor } from '../util/serializable';
import { buildGraph } from './graph';
import { freedOnFailure } from './freed-on-failure';
import type { Compiled } from './compile';
import { LayersModel, ownInputsOf, ownShapeUnlisted, summaryNodesOf } from './layers-model';
import type { ModelPredictConfig } from '../tensor/tfjs-types';
import type { SummaryRow } from './summary';

export type { ModelCompileArgs, ModelFitArgs, ModelEvaluateArgs } from './layers-model';

export interface SequentialArgs {
  layers?: Layer[];
  name?: string;
}

/**
 * A linear stack of layers, as tf.sequential: a LayersModel whose graph grows with each add(). As in TF.js, the
 * first layer brings the input shape (inputShape or batchInputShape, or an InputLayer first).
 */
export class Sequential extends LayersModel {
  private readonly layerList: Layer[] = [];
  private inputTensor: SymbolicTensor | null = null;
  /** TF.js's own node lists the output shape once a layer is added after the first, or one popped from several. */
  private shapesListed = false;
  /** The compile a later add() outdated (its loss, metrics and weights are the smaller stack's), until compile again. */
  private outdated: Compiled | null = null;

  constructor(given?: SequentialArgs) {
    if (given != null && typeof given !== 'object') throw argError('sequential', 'config', fmtValue(given), 'an object {layers?, name?}');
    const args = optionsArg('sequential', 'config', given, ['layers', 'name']);
    if (args.name !== undefined && (typeof args.name !== 'string' || args.name === '')) throw argError('sequential', 'name', fmtValue(args.name), 'a non-empty string');
    if (args.layers !== undefined && !Array.isArray(args.layers)) throw argError('sequential', 'layers', typeof args.layers, 'an array of layers');
    const bad = args.layers?.findIndex((l) => !(l instanceof Layer)) ?? -1;
    if (bad >= 0) throw argError('sequential', `layers[${bad}]`, describeValue(args.layers![bad]), 'a layer from tn.layers');
    super({ inputs: [], outputs: [] }, { name: args.name });
    for (const layer of args.layers ?? []) this.add(layer);
  }

  static override readonly className: string = 'Sequential';

  protected override notCompiledWords(): string {
    return 'The model needs to be compiled before being used.';
  }

  /** As TF.js's Sequential, whose add() unbuilds it: a layer added after compile needs compile again before training or evaluating. */
  protected override requireCompiled(op: string): Compiled {
    const c = super.requireCompiled(op);
    if (c === this.outdated) throw new Error(`${op}: ${this.notCompiledWords()} A layer was added after compile; call model.compile({ optimizer, loss, metrics }) again before ${op}.`);
    return c;
  }

  /**
   * As TF.js's Sequential.fromConfig: a model of `cls` from getConfig()'s {name, layers} (or the list of layers alone),
   * each layer made by its class's fromConfig from its {className, config} (a built-in or registered class) and added.
   */
  static override fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict | ConfigDictArray): T {
    const op = 'Sequential.fromConfig';
    // A functional model's config serves too (its layers are added in order), as TF.js reads only these two keys.
    const { layers, name } = Array.isArray(config) ? { layers: config, name: undefined } : config;
    if (!Array.isArray(layers)) throw argError(op, 'config.layers', fmtValue(layers), 'an array of {className, config} layer entries, as model.getConfig() gives them');
    const made: Layer[] = [];
    return freedOnFailure(made, () => {
      layers.forEach((entry, i) => {
        const layer = layerFromDict(op, `config.layers[${i}]`, entry);
        if (!(layer instanceof Layer)) throw argError(op, `config.layers[${i}]`, fmtValue(entry), 'a {className, config} layer entry');
        made.push(layer);
      });
      return new (cls as unknown as new (args: SequentialArgs) => T)({ ...(name === undefined ? {} : { name: name as string }), layers: made });
    });
  }

  /** None: TF.js's Sequential finds no nested models as it is made (its layers come later, by add). */
  protected override nestedModelRefs(): LayersModel[] {
    return [];
  }

  /** The layers in order (without the InputLayer, as TF.js lists them). */
  override get layers(): Layer[] {
    return this.layerList.slice();
  }

  /** Appends a layer, applying it to the model's output when the input shape is known. */
  add(layer: Layer): void {
    const op = 'Sequential.add';
    if (!(layer instanceof Layer)) throw argError(op, 'layer', describeValue(layer), 'a layer from tn.layers');
    if (layer instanceof InputLayer) {
      if (this.layerList.length > 0 || this.inputTensor) throw argError(op, 'layer', `InputLayer '${layer.name}'`, 'an InputLayer only as the first layer');
      // An InputLayer the user adds is one of the model's layers, as in TF.js (the one an inputShape makes is not).
      this.inputTensor = layer.output;
      this.layerList.push(layer);
      // Until another layer comes, the model is its input, as in TF.js (predict gives x back).
      this.setGraph(buildGraph(op, [this.inputTensor], [this.inputTensor]));
      return;
    }
    if (this.layerList.includes(layer)) throw argError(op, 'layer', `'${layer.name}' again`, 'a layer not already in the model');
    if (this.layerList.some((l) => l.name === layer.name)) throw argError(op, 'layer', `a second layer named '${layer.name}'`, 'a layer whose name no layer in the model has');
    if (layer === this) throw argError(op, 'layer', `the model '${this.name}' itself`, 'another layer or model');
    if (layer.takesList()) throw argError(op, 'layer', `${layer.getClassName()} '${layer.name}'`, 'a layer taking one input (merge layers and models with several inputs need the functional API: tn.model)');
    if (layer instanceof LayersModel && layer.built && layer.outputs.length !== 1) {
      throw argError(op, 'layer', `model '${layer.name}' with ${layer.outputs.length} outputs`, 'a model with one output (use the functional API: tn.model)');
    }
    // As TF.js, an embedding given no inputLength takes sequences of ids of any length: [batch, null].
    const firstShape = layer.inputShapeNoBatch ?? (layer instanceof Embedding ? [null as unknown as number] : null);
    if (!this.inputTensor && this.layerList.length === 0 && !firstShape) {
      throw argError(op, 'layer', `first layer '${layer.name}' without inputShape or batchInputShape`, 'a first layer that gets an inputShape or batchInputShape (as in TF.js)');
    }
    if (!this.inputTensor) {
      // A model brings its own input's batch size and dtype.
      const inner = layer instanceof LayersModel ? layer.inputs[0] : null;
      const batch = inner ? inner.shape[0] : layer.batchInputShape?.[0] ?? null;
      this.inputTensor = new InputLayer({ batchInputShape: [batch, ...(firstShape as number[])], dtype: inner ? inner.dtype : layer.inputDtype, name: `${layer.name}_input` }).output;
    }
    if (this.layerList.length > 0) this.shapesListed = true;
    const prev = this.graphOrNull ? this.graphOrNull.outputs[0] : this.inputTensor;
    const out = layer.apply(prev);
    if (Array.isArray(out)) throw argError(op, 'layer', `${layer.getClassName()} '${layer.name}' with ${out.length} outputs`, 'a layer with one output');
    if (layer instanceof LayersModel && this.layerList.length === 0) layer.startsStack(out.node);
    this.layerList.push(layer);
    this.setGraph(buildGraph(op, [this.inputTensor], [out]));
    this.outdated = this.compiled;
  }

  /**
   * Removes the last layer, as TF.js: the model's output becomes the layer before's (a way to put a new head on a
   * trained stack); with no layer left the next add needs an input shape again.
   */
  pop(): void {
    if (this.layerList.length === 0) throw new TypeError('There are no layers in the model.');
    this.layerList.pop();
    this.shapesListed = this.layerList.length > 0;
    if (this.layerList.length === 0) {
      this.inputTensor = null;
      this.graphOrNull = null;
      return;
    }
    // The popped layer's node in this model takes the output of the layer before it, which (as TF.js) feeds nothing now.
    const before = this.graph('Sequential.pop').outputs[0].node.inputs[0];
    this.layerList[this.layerList.length - 1].outboundNodes.length = 0;
    this.setGraph(buildGraph('Sequential.pop', [this.inputTensor!], [before]));
  }

  /** No inputs or outputs while the model has no layers (before the first, or once all are popped), as TF.js's. */
  override get inputs(): SymbolicTensor[] {
    return this.layerList.length === 0 ? [] : super.inputs;
  }

  override get outputs(): SymbolicTensor[] {
    return this.layerList.length === 0 ? [] : super.outputs;
  }

  /** The model's output for x, in batches (one tensor: a Sequential model has one output). */
  override predict(x: Tensor | Tensor[], args: ModelPredictConfig = {}): Tensor {
    return super.predict(x, args) as Tensor;
  }

  override ownOutputShapesListed(): boolean {
    return this.shapesListed;
  }

  override outputIsSoftmax(): boolean {
    return this.layerList[this.layerList.length - 1]?.endsInSoftmax() ?? false;
  }

  /**
   * TF.js's Sequential compiles a model inside it and counts its own weights, so its summary counts the weights
   * trainable now (after a layer is frozen, added or popped since compile).
   */
  protected override summaryTrainableWeights(): Variable[] {
    return this.trainableWeights;
  }

  protected override summaryRows(): { rows: SummaryRow[]; sequentialLike: boolean } {
    if (this.layerList.length === 0) throw new Error('summary: Sequential model cannot be built: model is empty. Add some layers first.');
    // A model first is adopted as TF.js adopts it (its own node is the one tessera applies it by); later ones are applied.
    return { rows: this.layerList.map((layer, i) => {
      const applied = summaryNodesOf(layer);
      return {
        layer, inbound: [],
        // The first layer's own node is this model's start (its stacking node, for a model), listed with the others.
        ownInputs: i === 0 ? undefined : ownInputsOf(layer), nodes: i === 0 ? layer.inboundNodes : applied,
        multiple: ownShapeUnlisted(layer) && applied.length > 0,
      };
    }), sequentialLike: true };
  }

  /** @internal Keras's Sequential topology: the layers' configs in order. */
  override topology(): { class_name: string; config: Record<string, unknown> } {
    const layers = this.layerList.map((l, i) => {
      const config = l.savedConfig();
      // The first layer records the model's input shape, also when an InputLayer brought it (a model records its own inside).
      if (i === 0 && config.batch_input_shape === undefined && !(l instanceof LayersModel) && this.inputTensor) config.batch_input_shape = this.inputTensor.shape.slice();
      return { class_name: l.getClassName(), config };
    });
    // An input of another dtype than the first layer's (int32 ids) is written as TF.js writes it: an InputLayer first.
    const feed = this.inputTensor && !(this.layerList[0] instanceof InputLayer) && this.inputTensor.dtype !== this.layerList[0].dtype ? [{ class_name: 'InputLayer', config: (this.inputTensor.sourceLayer as InputLayer).savedConfig() }] : [];
    return { class_name: this.getClassName(), config: { name: this.name, layers: [...feed, ...layers] } };
  }
}

/** A Sequential model, as tf.sequential({layers}). */
export function sequential(config?: SequentialArgs): Sequential {
  return new Sequential(config);
}

// The model classes, in the map as TF.js registers them, so that a getConfig() listing a nested model makes it again.
registerBuiltinLayers({ Sequential, Model: LayersModel, Functional: LayersModel });
