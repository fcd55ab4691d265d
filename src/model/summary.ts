import type { Layer } from '../layers/layer';
import type { LayerNode } from '../layers/symbolic';
import type { Variable } from '../tensor/variable';

/** One layer of a summary, with the layers feeding it inside the model ("layer[node][tensor]"). */
export interface SummaryRow {
  layer: Layer;
  inbound: string[];
  /** A model's own input shapes: TF.js gives a model used as a layer a first node of its own, which the table lists. */
  ownInputs?: (number | null)[][];
  /** The nodes whose input shapes the table lists after ownInputs: a stacked model's stacking node is its own node. */
  nodes: readonly LayerNode[];
  /**
   * TF.js prints 'multiple' as the output shape of a Sequential model of one layer applied to tensors: its own node
   * keeps that layer's output shape unwrapped while each application's is a list, so they compare unequal.
   */
  multiple?: boolean;
}

/** JSON of a shape as TF.js prints it, or 'multiple' where the layer cannot say (TF.js's fallback). */
function shapeJson(shape: () => unknown): string {
  try {
    return JSON.stringify(shape());
  } catch {
    return 'multiple';
  }
}

/** Each inbound node's input shapes as JSON, joined by commas; an InputLayer's node takes its own shape. */
function inputShapesText({ nodes: listed, ownInputs }: SummaryRow): string {
  const nodes = listed.map((n) => JSON.stringify((n.inputs.length === 0 ? n.outputs : n.inputs).map((t) => t.shape)));
  return (ownInputs ? [JSON.stringify(ownInputs), ...nodes] : nodes).join(',');
}

/** A row cut and padded to the column ends, the last character of each cell giving way to a space, as TF.js's printRow. */
function row(fields: string[], ends: number[]): string {
  let line = '';
  fields.forEach((field, i) => {
    if (i > 0) line = `${line.slice(0, -1)} `;
    line = (line + field).slice(0, ends[i]);
    line += ' '.repeat(ends[i] - line.length);
  });
  return line;
}

/**
 * TF.js's summary table (not Keras's): layer (type), input shapes, output shape and parameter count, and for models
 * that are not a plain chain the layers each receives inputs from; then total, trainable and non-trainable counts.
 */
export function summaryLines(rows: SummaryRow[], sequentialLike: boolean, weights: { trainable: Variable[]; nonTrainable: Variable[] }, lineLength?: number, positions?: number[]): string[] {
  const width = lineLength || (sequentialLike ? 90 : 115);
  const rel = positions ?? (sequentialLike ? [0.32, 0.61, 0.89, 1] : [0.24, 0.48, 0.7, 0.8, 1]);
  const ends = rel[rel.length - 1] <= 1 ? rel.map((p) => Math.floor(width * p)) : rel;
  const header = ['Layer (type)', 'Input Shape', 'Output shape', 'Param #', ...(sequentialLike ? [] : ['Receives inputs'])];
  const lines = ['_'.repeat(width), row(header, ends), '='.repeat(width)];
  rows.forEach((r, i) => {
    const { layer, inbound } = r;
    const cells = [`${layer.name} (${layer.getClassName()})`, inputShapesText(r), r.multiple ? 'multiple' : shapeJson(() => layer.outputShape), String(layer.countParams())];
    if (sequentialLike) {
      lines.push(row(cells, ends));
    } else {
      lines.push(row([...cells, inbound[0] ?? ''], ends));
      for (const extra of inbound.slice(1)) lines.push(row(['', '', '', '', extra], ends));
    }
    lines.push((i === rows.length - 1 ? '=' : '_').repeat(width));
  });
  const trainable = weights.trainable.reduce((n, v) => n + v.size, 0);
  const nonTrainable = weights.nonTrainable.reduce((n, v) => n + v.size, 0);
  lines.push(`Total params: ${trainable + nonTrainable}`, `Trainable params: ${trainable}`, `Non-trainable params: ${nonTrainable}`, '_'.repeat(width));
  return lines;
}
