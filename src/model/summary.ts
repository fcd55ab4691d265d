import type { Layer } from '../layers/layer';
import type { Variable } from '../tensor/variable';

const fmt = (n: number) => n.toLocaleString('en-US');

function shapeText(layer: Layer): string {
  if (!layer.built && !layer.inputShapeNoBatch) return 'multiple';
  const s = layer.outputShape;
  const one = (d: (number | null)[]) => `(${d.map((v) => v ?? 'None').join(', ')})`;
  return Array.isArray(s[0]) ? (s as (number | null)[][]).map(one).join(', ') : one(s as (number | null)[]);
}

/**
 * Keras's summary table: layer (type), output shape, parameter count and, for graphs, the layers each is
 * connected to ("Connected to": layer[node][tensor]); then total, trainable and non-trainable counts.
 */
export function summaryLines(modelName: string, rows: { layer: Layer; inbound: string[] }[], lineLength?: number, positions?: number[], connected = false, weights: Variable[] = []): string[] {
  const width = lineLength ?? (connected ? 98 : 65);
  const cols = (positions ?? (connected ? [0.33, 0.55, 0.67, 1] : [0.45, 0.85, 1])).map((p) => (p <= 1 ? Math.floor(width * p) : p));
  const row = (cells: string[]) => {
    let line = '';
    cells.forEach((c, i) => {
      line += c;
      line = line.slice(0, cols[i]).padEnd(cols[i]);
    });
    return line.trimEnd();
  };
  const header = connected ? ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'] : ['Layer (type)', 'Output Shape', 'Param #'];
  const lines = [`Model: "${modelName}"`, '_'.repeat(width), row(header), '='.repeat(width)];
  rows.forEach(({ layer, inbound }, i) => {
    const cells = [`${layer.name} (${layer.getClassName()})`, shapeText(layer), fmt(layer.countParams())];
    if (connected) cells.push(inbound[0] ?? '');
    lines.push(row(cells));
    if (connected) for (const extra of inbound.slice(1)) lines.push(row(['', '', '', extra]));
    lines.push(i === rows.length - 1 ? '='.repeat(width) : '_'.repeat(width));
  });
  const total = weights.reduce((n, v) => n + v.size, 0);
  const trainable = weights.filter((v) => v.trainable).reduce((n, v) => n + v.size, 0);
  lines.push(`Total params: ${fmt(total)}`, `Trainable params: ${fmt(trainable)}`, `Non-trainable params: ${fmt(total - trainable)}`, '_'.repeat(width));
  return lines;
}
