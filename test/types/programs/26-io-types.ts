import * as tf from '@tensorflow/tfjs';

// An IOHandler written with tf.io's handler and artifact types.
class MemoryStore implements tf.io.IOHandler {
  private saved: tf.io.ModelArtifacts | null = null;

  save: tf.io.SaveHandler = async (artifacts) => {
    this.saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  };

  load: tf.io.LoadHandler = async () => {
    if (this.saved === null) throw new Error('nothing saved');
    return this.saved;
  };
}

export async function ioTypes(model: tf.LayersModel): Promise<tf.LayersModel> {
  const store = new MemoryStore();
  const config: tf.io.SaveConfig = { trainableOnly: false, includeOptimizer: false };
  await model.save(store, config);
  const training: tf.io.TrainingConfig = { loss: 'meanSquaredError', optimizer_config: {}, metrics: ['accuracy'] };
  const data: tf.io.WeightData = new ArrayBuffer(4);
  const manifest: tf.io.WeightsManifestConfig = [{ paths: ['w.bin'], weights: [{ name: 'w', shape: [1], dtype: 'float32' }] }];
  const group: tf.io.WeightGroup = 'model';
  const onProgress: tf.io.OnProgressCallback = (fraction) => console.log(fraction);
  console.log(training, data, manifest, group);
  return tf.loadLayersModel(tf.io.http('https://example.com/model.json', { onProgress }));
}
