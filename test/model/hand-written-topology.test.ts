import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

// The hand-written forms modelFromJSON now reads (an initializer, constraint or regularizer by name; an InputLayer
// with input_shape): a name or shape that is none of them is refused naming the key, and nothing is left behind.

const dense = (config: Record<string, unknown>) => ({ modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { units: 2, batch_input_shape: [null, 3], ...config } }] } } });

describe('hand-written topologies with bad names or shapes', () => {
  it('refuse them by key, with what was expected, and leave no tensor', async () => {
    const before = tn.memory().numTensors;
    await expect(tn.models.modelFromJSON(dense({ kernel_initializer: 'nonsense' }))).rejects.toThrow(/config\.kernel_initializer must be an initializer, a \{className, config\} of one, or one of 'glorotUniform'/);
    await expect(tn.models.modelFromJSON(dense({ kernel_constraint: 'nope' }))).rejects.toThrow(/config\.kernel_constraint must be a constraint from tn\.constraints/);
    await expect(tn.models.modelFromJSON(dense({ kernel_regularizer: 'l3' }))).rejects.toThrow(/config\.kernel_regularizer must be a regularizer from tn\.regularizers/);
    const input = { modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'InputLayer', config: { input_shape: 'x' } }, { class_name: 'Dense', config: { units: 2 } }] } } };
    await expect(tn.models.modelFromJSON(input)).rejects.toThrow(/layers\[0\]\.config\.input_shape must be \[\.\.\.dims\] with positive integer or null dims, got "x"/);
    expect(tn.memory().numTensors).toBe(before);
  });
});
