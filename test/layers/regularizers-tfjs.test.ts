import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Regularizers as TF.js 4.22's: apply frees its intermediates, and an L1L2 config that leaves a factor out takes
// TF.js's default for it (0.01), in layer arguments and in a loaded model.json alike.

type Lib = typeof tn;
const peer = tf as unknown as Lib;

describe('regularizers against TF.js 4.22', () => {
  it('apply gives one scalar and keeps nothing else', () => {
    for (const make of [(l: Lib) => l.regularizers.l1l2({ l1: 0.1, l2: 0.2 }), (l: Lib) => l.regularizers.l1(), (l: Lib) => l.regularizers.l2({ l2: 0.3 })]) {
      const counts = [tn, peer].map((l) => {
        const x = l.tensor2d([[1, -2], [3, -4]]);
        const before = l.memory().numTensors;
        const penalty = make(l).apply(x);
        const left = l.memory().numTensors - before;
        const value = penalty.dataSync()[0];
        penalty.dispose();
        x.dispose();
        return { left, value };
      });
      expect(counts[0].left).toBe(1);
      expect(counts[0]).toEqual({ left: counts[1].left, value: expect.closeTo(counts[1].value, 5) });
    }
  });

  it('an L1L2 config without l1 or l2 takes 0.01 for it', async () => {
    for (const config of [{}, { l1: 0.5 }, { l2: 0.25 }]) {
      const spec = { className: 'L1L2', config };
      const [ours, theirs] = [tn, peer].map((l) => l.layers.dense({ units: 1, kernelRegularizer: spec as never }).getConfig().kernelRegularizer);
      expect(ours).toEqual(theirs);
      // The same in a model file: the penalty a fit step adds.
      const artifacts = {
        modelTopology: { class_name: 'Sequential', config: { name: 's', layers: [
          { class_name: 'Dense', config: { name: 'd', units: 1, use_bias: false, batch_input_shape: [null, 2], kernel_regularizer: { class_name: 'L1L2', config } } },
        ] } },
        weightSpecs: [{ name: 'd/kernel', shape: [2, 1], dtype: 'float32' as const }],
        weightData: Float32Array.of(2, -3).buffer,
      };
      const losses = await Promise.all([tn, peer].map(async (l) => {
        const m = await l.loadLayersModel(l.io.fromMemory(artifacts as tn.ModelArtifacts));
        m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
        return (await m.evaluate(l.tensor2d([[0, 0]]), l.tensor2d([[0]])) as tn.Scalar).dataSync()[0];
      }));
      expect(losses[0]).toBeCloseTo(losses[1], 5);
    }
  });
});
