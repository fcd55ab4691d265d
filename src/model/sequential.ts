import { InputLayer } from '../layers/input-layer';
import { Layer, type ShapeOrShapes } from '../layers/layer';
import type { SymbolicTensor } from '../layers/symbolic';
import type { DType, Tensor } from '../tensor/tensor';
import { argError, fmtValue } from '../util/validate';
import type { Port } from './checks';
import { buildGraph, type RunOptions } from './graph';
import { LayersModel, type ModelEvaluateArgs } from './layers-model';
import type { SummaryRow } from './summary';

export type { ModelCompileArgs, ModelFitArgs, ModelEvaluateArgs } from './layers-model';

export interface SequentialArgs {
  layers?: Layer[];
  name?: string;
}

/**
 * A linear stack of layers, as tf.sequential: a LayersModel whose graph grows with each add(). Without an
 * inputShape on its first layer, the graph is built from the first data it is given.
 */
export class Sequential extends LayersModel {
  private readonly layerList: Layer[] = [];
  private input: SymbolicTensor | null = null;

  constructor(args: SequentialArgs = {}) {
    if (args === null || typeof args !== 'object') throw argError('sequential', 'config', typeof args, 'an object {layers?, name?}');
    if (args.name !== undefined && (typeof args.name !== 'string' || args.name === '')) throw argError('sequential', 'name', fmtValue(args.name), 'a non-empty string');
    if (args.layers !== undefined && !Array.isArray(args.layers)) throw argError('sequential', 'layers', typeof args.layers, 'an array of layers');
    super({ inputs: [], outputs: [] }, { name: args.name });
    for (const layer of args.layers ?? []) this.add(layer);
  }

  override getClassName(): string {
    return 'Sequential';
  }

  /** The layers in order (without the InputLayer, as TF.js lists them). */
  override get layers(): Layer[] {
    return this.layerList.slice();
  }

  /** Appends a layer, applying it to the model's output when the input shape is known. */
  add(layer: Layer): void {
    const op = 'Sequential.add';
    if (!(layer instanceof Layer)) throw argError(op, 'layer', typeof layer, 'a layer from tn.layers');
    if (layer instanceof InputLayer) {
      if (this.layerList.length > 0 || this.input) throw argError(op, 'layer', `InputLayer '${layer.name}'`, 'an InputLayer only as the first layer');
      this.input = layer.output;
      return;
    }
    if (this.layerList.includes(layer)) throw argError(op, 'layer', `'${layer.name}' again`, 'a layer not already in the model');
    if (this.layerList.some((l) => l.name === layer.name)) throw argError(op, 'layer', `a second layer named '${layer.name}'`, 'unique layer names');
    if (layer === this) throw argError(op, 'layer', `the model '${this.name}' itself`, 'another layer or model');
    if (layer.takesList()) throw argError(op, 'layer', `${layer.getClassName()} '${layer.name}'`, 'a layer taking one input (merge layers and models with several inputs need the functional API: tn.model)');
    if (layer instanceof LayersModel && layer.built && layer.outputs.length !== 1) {
      throw argError(op, 'layer', `model '${layer.name}' with ${layer.outputs.length} outputs`, 'a model with one output (use the functional API: tn.model)');
    }
    if (!this.input && this.layerList.length === 0 && layer.inputShapeNoBatch) {
      // A model brings its own input's batch size and dtype.
      const inner = layer instanceof LayersModel ? layer.inputs[0] : null;
      const batch = inner ? inner.shape[0] : (layer.getConfig().batch_input_shape as (number | null)[] | undefined)?.[0] ?? null;
      this.input = new InputLayer({ batchInputShape: [batch, ...layer.inputShapeNoBatch], dtype: inner ? inner.dtype : layer.dtype, name: `${layer.name}_input` }).output;
    }
    if (this.input) {
      const prev = this.graphOrNull ? this.graphOrNull.outputs[0] : this.input;
      const out = layer.apply(prev);
      if (Array.isArray(out)) throw argError(op, 'layer', `${layer.getClassName()} '${layer.name}' with ${out.length} outputs`, 'a layer with one output');
      this.layerList.push(layer);
      this.setGraph(buildGraph(op, [this.input], [out]));
    } else {
      this.layerList.push(layer);
    }
  }

  /** Builds the graph from an input shape (no batch dim) once it is known. */
  private buildFrom(shape: readonly number[], dtype: DType): void {
    if (this.graphOrNull) return;
    this.input = new InputLayer({ batchInputShape: [null, ...shape], dtype }).output;
    let out = this.input;
    for (const l of this.layerList) out = l.apply(out);
    this.setGraph(buildGraph('Sequential', [this.input], [out]));
  }

  /** As a layer of another model, a Sequential model without an input shape builds from the shape it is given. */
  protected override buildWeights(inputShape: readonly number[]): void {
    this.buildFrom(inputShape, this.layerList[0]?.dtype ?? 'float32');
  }

  override computeOutputShape(inputShape: readonly number[] | number[][]): ShapeOrShapes {
    if (this.graphOrNull) return super.computeOutputShape(inputShape);
    if (this.layerList.length === 0) throw new Error(`${this.name}: the model has no layers; add some first`);
    return this.outputShapeFor(inputShape as number[]);
  }

  override ports(xs?: readonly Tensor[]): { inputs: Port[]; outputs: Port[] } {
    if (this.layerList.length === 0) throw new Error(`${this.name}: the model has no layers; add some first`);
    if (this.graphOrNull) return super.ports();
    const last = this.layerList[this.layerList.length - 1];
    const dtype = this.layerList[0].dtype;
    // Before the first data: shapes are worked out without building anything, so a bad call changes nothing.
    const input = xs ? xs[0].shape.slice(1) : null;
    return { inputs: [{ name: 'input', shape: input, dtype }], outputs: [{ name: last.name, shape: input && this.outputShapeFor(input), dtype }] };
  }

  private outputShapeFor(input: number[]): number[] {
    let shape = input;
    for (const l of this.layerList) shape = l.computeOutputShape(shape) as number[];
    return shape;
  }

  override run(xs: readonly Tensor[], options: RunOptions): Tensor[] {
    this.buildFrom(xs[0].shape.slice(1), xs[0].dtype);
    return super.run(xs, options);
  }

  /** The model's output for x, in batches (one tensor: a Sequential model has one output). */
  override predict(x: Tensor | Tensor[], args: ModelEvaluateArgs = {}): Tensor {
    return super.predict(x, args) as Tensor;
  }

  override outputIsSoftmax(): boolean {
    return this.layerList[this.layerList.length - 1]?.endsInSoftmax() ?? false;
  }

  protected override outputNamesForCompile(): string[] {
    const last = this.layerList[this.layerList.length - 1];
    return [last ? last.name : 'output'];
  }

  /** The output shape with a null batch dim. */
  override get outputShape(): (number | null)[] {
    if (this.graphOrNull) return super.outputShape as (number | null)[];
    const first = this.layerList[0];
    if (!first?.inputShapeNoBatch) throw new Error(`${this.name}: outputShape is unknown until the first layer has an inputShape or the model has seen data`);
    return [null, ...this.outputShapeFor(first.inputShapeNoBatch)];
  }

  protected override summaryRows(): { rows: SummaryRow[]; sequentialLike: boolean } {
    return { rows: this.layerList.map((layer) => ({ layer, inbound: [] })), sequentialLike: true };
  }

  /** @internal Keras's Sequential topology: the layers' configs in order. */
  override topology(op: string): { class_name: string; config: Record<string, unknown> } {
    if (this.layerList.length === 0) throw new Error(`${op}: the model has no layers; add some before saving`);
    const unbuilt = this.layerList.find((l) => !l.built);
    if (unbuilt) {
      throw new Error(`${op}: layer '${unbuilt.name}' is not built yet, so it has no weights to save; give the first layer an inputShape or run the model on data first`);
    }
    const layers = this.layerList.map((l, i) => {
      const config = l.getConfig();
      // As Keras does, the first layer records the input shape even when it was learnt from data (a model records its own inside).
      if (i === 0 && config.batch_input_shape === undefined && !(l instanceof LayersModel)) config.batch_input_shape = this.input ? this.input.shape.slice() : [null, ...(l.inputShapeNoBatch as number[])];
      return { class_name: l.getClassName(), config };
    });
    // An input of another dtype than the first layer's (int32 ids) is written as TF.js writes it: an InputLayer first.
    const feed = this.input && this.input.dtype !== this.layerList[0].dtype ? [{ class_name: 'InputLayer', config: (this.input.sourceLayer as InputLayer).getConfig() }] : [];
    return { class_name: 'Sequential', config: { name: this.name, layers: [...feed, ...layers] } };
  }

  override dispose(): void {
    for (const l of this.layerList) l.dispose();
    this.compiled?.optimizer.dispose();
  }
}

/** A Sequential model, as tf.sequential({layers}). */
export function sequential(config?: SequentialArgs): Sequential {
  return new Sequential(config);
}
