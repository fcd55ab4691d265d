import type { io, LayersModel } from '../../../src/index';
import type { Program, TF } from '../harness';

// Files passed between TF.js and tessera as users pass them: a loaded model saved again, a topology alone read back,
// weights found by their names, weights fetched over http, a Keras training config, and what model.json holds.

async function artifactsOf(tf: TF, model: LayersModel): Promise<io.ModelArtifacts> {
  let saved: io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return saved as unknown as io.ModelArtifacts;
}

function fixWeights(tf: TF, model: LayersModel): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.3 * Math.sin(1 + k++)), w.shape)));
}

const specNames = (a: io.ModelArtifacts) => (a.weightSpecs ?? []).map((s) => s.name);
type Entry = { class_name: string; config: Record<string, unknown> };
const layerEntries = (a: io.ModelArtifacts) => (a.modelTopology as { config: { layers: Entry[] } }).config.layers;

export const ioInterop: Program[] = [
  {
    name: 'a timeDistributed first layer: a loaded model saves again under the wrapper\'s weight names, and the file loads',
    run: async (tf) => {
      const out: unknown[] = [];
      const makers = [
        () => tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, name: 'td_inner' }), inputShape: [4, 2], name: 'td_dense' }),
        () => tf.layers.timeDistributed({ layer: tf.layers.conv2d({ filters: 2, kernelSize: 2, name: 'td_conv_inner' }), inputShape: [2, 3, 3, 1], name: 'td_conv' }),
      ];
      for (const make of makers) {
        const model = tf.sequential({ layers: [make()] });
        fixWeights(tf, model);
        const loaded = await tf.loadLayersModel(tf.io.fromMemory(await artifactsOf(tf, model)));
        const again = await artifactsOf(tf, loaded);
        const inner = (layerEntries(again)[0].config.layer as Entry).config;
        const third = await tf.loadLayersModel(tf.io.fromMemory(again));
        const x = tf.ones([1, ...(model.inputs[0].shape.slice(1) as number[])]);
        out.push(specNames(again), 'batch_input_shape' in inner, loaded.weights.map((w) => w.name.replace(/_\d+$/, '')), third.predict(x), model.predict(x));
      }
      return out;
    },
  },
];
