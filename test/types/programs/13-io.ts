import * as tf from '@tensorflow/tfjs';

// Saving and loading through handlers: artifacts in memory, a custom IOHandler.
export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  const result: tf.io.SaveResult = await model.save(
    tf.io.withSaveHandler(async (artifacts: tf.io.ModelArtifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (saved === undefined) throw new Error('nothing saved');
  const handler: tf.io.IOHandler = tf.io.fromMemory(saved);
  const loaded: tf.LayersModel = await tf.loadLayersModel(handler);
  const custom: tf.io.IOHandler = {
    load: async () => {
      if (saved === undefined) throw new Error('nothing saved');
      return saved;
    },
  };
  const again = await tf.loadLayersModel(custom);
  console.log(result.modelArtifactsInfo.dateSaved, again.name);
  return loaded;
}
