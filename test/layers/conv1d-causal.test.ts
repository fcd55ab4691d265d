import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { Random } from '../../src/util/random';

// conv1d's 'causal' padding, as Keras's: the steps padded on the left by (kernelSize - 1) · dilationRate, so output t
// depends on inputs up to t only. TF.js 4.22 builds and saves such a layer but throws when it runs; the reference
// here is TF.js's own conv1d, 'valid', over the input padded on the left by hand.

function seeded(shape: number[], seed: number): number[] {
  const r = new Random(seed);
  return Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.uniform(-1, 1));
}

describe("conv1d with padding 'causal'", () => {
  const cases = [
    { kernelSize: 3, strides: 1, dilationRate: 1, steps: 7 },
    { kernelSize: 2, strides: 1, dilationRate: 3, steps: 9 },
    { kernelSize: 3, strides: 2, dilationRate: 1, steps: 8 },
  ];
  for (const c of cases) {
    it(`kernel ${c.kernelSize}, strides ${c.strides}, dilation ${c.dilationRate}: TF.js's valid conv1d of the left-padded steps, and its gradients`, () => {
      const layer = tn.layers.conv1d({ filters: 2, kernelSize: c.kernelSize, strides: c.strides, dilationRate: c.dilationRate, padding: 'causal', activation: 'tanh' });
      const xv = seeded([2, c.steps, 3], 1);
      const x = tn.tensor3d(xv, [2, c.steps, 3]);
      const y = layer.apply(x) as tn.Tensor;
      const [kernel, bias] = layer.getWeights();
      const span = (c.kernelSize - 1) * c.dilationRate + 1;
      const padded = tf.pad(tf.tensor3d(xv, [2, c.steps, 3]), [[0, 0], [span - 1, 0], [0, 0]]);
      const want = tf.tanh(tf.conv1d(padded, tf.tensor(kernel.arraySync() as number[][][]), c.strides, 'valid', 'NWC', c.dilationRate).add(tf.tensor(bias.arraySync() as number[])));
      expect(y.shape).toEqual(want.shape);
      expect(layer.computeOutputShape([null, c.steps, 3])).toEqual([null, want.shape[1], 2]);
      const [a, b] = [y.dataSync(), want.dataSync()];
      for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 6);
      // Output step t reads no later input: changing the last step moves only the outputs that cover it.
      const later = xv.slice();
      for (let ch = 0; ch < 3; ch++) later[(c.steps - 1) * 3 + ch] += 1;
      const y2 = (layer.apply(tn.tensor3d(later, [2, c.steps, 3])) as tn.Tensor).arraySync() as number[][][];
      // Output t's window ends at step t · strides, so only an output ending at the last step may change.
      (y.arraySync() as number[][][])[0].forEach((row, t) => {
        if (t * c.strides !== c.steps - 1) expect(y2[0][t]).toEqual(row);
      });
      // The gradient with respect to the kernel, against TF.js's on the padded input.
      const g = tn.grad((k: tn.Tensor) => tn.conv1d(tn.pad(x, [[0, 0], [span - 1, 0], [0, 0]]), k, c.strides, 'valid', 'NWC', c.dilationRate).square().sum())(kernel);
      const model = tn.sequential({ layers: [tn.layers.conv1d({ filters: 2, kernelSize: c.kernelSize, strides: c.strides, dilationRate: c.dilationRate, padding: 'causal', useBias: false, inputShape: [c.steps, 3], weights: [kernel] })] });
      const { grads } = tn.variableGrads(() => (model.apply(x) as tn.Tensor).square().sum());
      const ours = Object.values(grads)[0].dataSync();
      g.dataSync().forEach((v, i) => expect(ours[i]).toBeCloseTo(v, 5));
    });
  }

  it("saves 'causal' and loads TF.js's file of it; any other padding is refused by name", async () => {
    const theirs = tf.sequential({ layers: [tf.layers.conv1d({ filters: 1, kernelSize: 2, padding: 'causal', inputShape: [4, 1], kernelInitializer: 'ones' })] });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await theirs.save(tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(artifacts as tn.ModelArtifacts));
    // Each output is the sum of its step and the one before (0 before the first).
    expect(Array.from((loaded.predict(tn.tensor3d([1, 2, 3, 4], [1, 4, 1])) as tn.Tensor).dataSync())).toEqual([1, 3, 5, 7]);
    expect((loaded.layers[0].getConfig() as { padding: string }).padding).toBe('causal');
    expect(() => tn.layers.conv1d({ filters: 1, kernelSize: 2, padding: 'full' as 'same' })).toThrow(/layers\.conv1d: padding must be 'valid', 'same' or 'causal', got .*full/);
  });
});
