import type { Layer } from '../layers/layer';

/** Keras's summary table: layer (type), output shape with None for the batch, parameter count. */
export function summaryLines(modelName: string, layers: Layer[], lineLength = 65): string[] {
  const cols = [Math.round(lineLength * 0.45), Math.round(lineLength * 0.85)];
  const row = (a: string, b: string, c: string) => ` ${a}`.padEnd(cols[0]) + b.padEnd(cols[1] - cols[0]) + c;
  const lines = [`Model: "${modelName}"`, '_'.repeat(lineLength), row('Layer (type)', 'Output Shape', 'Param #'), '='.repeat(lineLength)];
  let total = 0;
  let trainable = 0;
  for (const layer of layers) {
    const shape = layer.built || layer.inputShapeNoBatch ? `(None, ${layer.outputShape.slice(1).join(', ')})` : 'multiple';
    const params = layer.countParams();
    total += params;
    if (layer.trainable) trainable += params;
    lines.push(row(`${layer.name} (${layer.getClassName()})`, shape, params.toLocaleString('en-US')));
  }
  lines.push(
    '='.repeat(lineLength),
    `Total params: ${total.toLocaleString('en-US')}`,
    `Trainable params: ${trainable.toLocaleString('en-US')}`,
    `Non-trainable params: ${(total - trainable).toLocaleString('en-US')}`,
    '_'.repeat(lineLength),
  );
  return lines;
}
