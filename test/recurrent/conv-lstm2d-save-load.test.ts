import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { expectSame, seeded, tfArtifacts, tnArtifacts, twin, type Lib } from './peer';

// ConvLSTM2D through TF.js's layers format: tessera's own round trip, a model.json and weights that TF.js 4.22
// saved loading into tessera, and tessera's file loading into TF.js.

const CASES: { name: string; input: number[]; build: (L: Lib) => tn.LayersModel }[] = [
  { name: 'Sequential convLstm2d (same, returnSequences) -> convLstm2d (valid, strides 2) -> flatten -> dense', input: [2, 3, 6, 6, 2], build: (L) => L.sequential({ layers: [
    L.layers.convLstm2d({ filters: 3, kernelSize: 3, padding: 'same', returnSequences: true, inputShape: [3, 6, 6, 2] }),
    L.layers.convLstm2d({ filters: 2, kernelSize: 2, strides: 2, recurrentActivation: 'sigmoid', unitForgetBias: true }),
    L.layers.flatten(),
    L.layers.dense({ units: 3 }),
  ] }) },
  { name: 'Sequential convLstm2d channelsFirst, goBackwards, dilation 2, no bias, l1l2 kernel regularizer', input: [2, 4, 2, 6, 5], build: (L) => L.sequential({ layers: [
    L.layers.convLstm2d({ filters: 2, kernelSize: 2, padding: 'same', dataFormat: 'channelsFirst', goBackwards: true, dilationRate: 2, useBias: false, kernelRegularizer: 'l1l2', inputShape: [4, 2, 6, 5] }),
  ] }) },
  { name: 'functional convLstm2d with returnState: output and both states', input: [2, 3, 5, 5, 1], build: (L) => {
    const x = L.input({ shape: [3, 5, 5, 1] });
    const ys = L.layers.convLstm2d({ filters: 2, kernelSize: 3, returnState: true }).apply(x) as tn.SymbolicTensor[];
    return L.model({ inputs: x, outputs: ys });
  } },
];

describe('convLstm2d through the layers format, both ways with TensorFlow.js 4.22', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { ours, theirs } = twin(c.build);
      const { t, p } = seeded(c.input, 7);
      const ref = theirs.predict(p) as tf.Tensor | tf.Tensor[];
      expectSame(ours.predict(t), ref);

      // tessera writes and reads back.
      const again = await tn.loadLayersModel(tn.io.fromMemory(await tnArtifacts(ours)));
      expectSame(again.predict(t), ref);
      // The same model.json again (getConfig differs as TF.js's does: a loaded initializer keeps the file's seed: null).
      expect(again.toJSON(null, false)).toEqual(ours.toJSON(null, false));

      // TF.js writes, tessera loads.
      const fromPeer = await tn.loadLayersModel(tn.io.fromMemory(await tfArtifacts(theirs) as tn.ModelArtifacts));
      expect(fromPeer.layers.map((l) => l.getClassName())).toEqual(theirs.layers.map((l) => l.getClassName()));
      expectSame(fromPeer.predict(t), ref);

      // tessera writes, TF.js loads (by weight name, strictly).
      const toPeer = await tf.loadLayersModel(tf.io.fromMemory(await tnArtifacts(ours) as tf.io.ModelArtifacts));
      expectSame(ours.predict(t), toPeer.predict(p) as tf.Tensor | tf.Tensor[]);
    });
  }

  it('the layer entry tessera writes holds the keys and values TF.js writes', async () => {
    const build = (L: Lib) => L.sequential({ layers: [L.layers.convLstm2d({ filters: 2, kernelSize: [3, 2], strides: [1, 2], padding: 'same', inputShape: [2, 5, 6, 1] })] });
    const { ours, theirs } = twin(build);
    const entry = async (a: Promise<tn.ModelArtifacts | tf.io.ModelArtifacts>) => {
      const layer = ((await a).modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } }).config.layers[0];
      const { name: _n, ...config } = layer.config;
      return { className: layer.class_name, config };
    };
    expect(await entry(tnArtifacts(ours))).toEqual(await entry(tfArtifacts(theirs)));
  });

  it('a file whose ConvLSTM2D weights do not fit its config is refused, naming the weight', async () => {
    const { theirs } = twin((L) => L.sequential({ layers: [L.layers.convLstm2d({ filters: 2, kernelSize: 2, inputShape: [2, 4, 4, 1] })] }));
    const a = await tfArtifacts(theirs);
    const layer = (a.modelTopology as { config: { layers: { config: Record<string, unknown> }[] } }).config.layers[0];
    layer.config.filters = 3;
    await expect(tn.loadLayersModel(tn.io.fromMemory(a as tn.ModelArtifacts))).rejects.toThrow(/kernel/);
  });
});
