import { describe, expect, it } from 'vitest';
import { kerasSpelling } from '../../src/util/case';

// kerasSpelling by hand: what it respells, what it keeps as written, and that a file in Keras's spelling is untouched.

const userClass = (name: string) => name === 'MyLayer';

describe('kerasSpelling', () => {
  it('respells camelCase keys and values, keeping names, class names and the layer names of node references', () => {
    const topology = { className: 'Model', config: { name: 'myModel', layers: [
      { name: 'inA', className: 'InputLayer', config: { batchInputShape: [null, 3], name: 'inA' }, inboundNodes: [] },
      { name: 'denseB', className: 'Dense', config: { units: 2, name: 'denseB', kernelInitializer: { className: 'VarianceScaling', config: { mode: 'fanAvg' } } }, inboundNodes: [[['inA', 0, 0, {}]]] },
    ], inputLayers: [['inA', 0, 0]], outputLayers: [['denseB', 0, 0]] } };
    expect(kerasSpelling(topology, userClass)).toEqual({ class_name: 'Model', config: { name: 'myModel', layers: [
      { name: 'inA', class_name: 'InputLayer', config: { batch_input_shape: [null, 3], name: 'inA' }, inbound_nodes: [] },
      { name: 'denseB', class_name: 'Dense', config: { units: 2, name: 'denseB', kernel_initializer: { class_name: 'VarianceScaling', config: { mode: 'fan_avg' } } }, inbound_nodes: [[['inA', 0, 0, {}]]] },
    ], input_layers: [['inA', 0, 0]], output_layers: [['denseB', 0, 0]] } });
  });

  it("keeps a user class's config as written but for the input it declares, whatever its keys are named", () => {
    const own = { label: 'MyLabel', size2D: 3, constructor: 'Built', toString: 'x', batchInputShape: [null, 2] };
    const got = kerasSpelling({ className: 'Sequential', config: { layers: [{ className: 'MyLayer', config: own }] } }, userClass) as { config: { layers: { config: Record<string, unknown> }[] } };
    expect(got.config.layers[0].config).toEqual({ label: 'MyLabel', size2D: 3, constructor: 'Built', toString: 'x', batch_input_shape: [null, 2] });
  });

  it('returns a topology in Keras\'s spelling as it is, the same object', () => {
    const keras = { class_name: 'Sequential', config: { name: 'Seq_1', layers: [{ class_name: 'Dense', config: { name: 'Dense_A', units: 1 } }] } };
    expect(kerasSpelling(keras, userClass)).toBe(keras);
  });
});
