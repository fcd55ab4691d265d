import * as tf from '@tensorflow/tfjs';

// Callbacks: custom callback objects, a Callback subclass, early stopping, lists of them.
class Logger extends tf.Callback {
  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    console.log(epoch, logs?.loss);
  }
}

export async function withCallbacks(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<tf.History> {
  const losses: number[] = [];
  const custom: tf.CustomCallbackArgs = {
    onTrainBegin: async () => {
      losses.length = 0;
    },
    onEpochBegin: async (epoch: number) => {
      console.log('epoch', epoch);
    },
    onEpochEnd: async (epoch: number, logs?: tf.Logs) => {
      if (logs !== undefined) losses.push(logs.loss);
      if (epoch > 3 && logs && logs.loss < 1e-3) model.stopTraining = true;
    },
    onBatchBegin: async (batch: number) => {
      void batch;
    },
    onTrainEnd: async (logs?: tf.Logs) => {
      console.log('done', logs);
    },
  };
  const early = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 2, minDelta: 1e-4 });
  const history = await model.fit(x, y, { epochs: 10, validationData: [x, y], callbacks: [early, new tf.CustomCallback(custom)] });
  const history2 = await model.fit(x, y, { epochs: 1, callbacks: [custom] });
  const list: tf.Callback[] = [early, new Logger()];
  await model.fit(x, y, { epochs: 1, callbacks: list });
  console.log(history2.params, losses);
  return history;
}
