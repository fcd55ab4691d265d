import * as tf from '@tensorflow/tfjs';

// A Sequential regression model with typed fit arguments, callbacks and results.
export async function trainSequential(xs: tf.Tensor2D, ys: tf.Tensor2D): Promise<number> {
  const model: tf.Sequential = tf.sequential();
  model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu', kernelInitializer: 'glorotUniform', useBias: true }));
  model.add(tf.layers.dropout({ rate: 0.1 }));
  model.add(tf.layers.dense({ units: 1, activation: 'linear', kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 }) }));
  const compileArgs: tf.ModelCompileArgs = { optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError', metrics: ['mse'] };
  model.compile(compileArgs);
  const fitArgs: tf.ModelFitArgs = {
    epochs: 5,
    batchSize: 32,
    validationSplit: 0.2,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochEnd: async (epoch: number, logs?: tf.Logs) => {
        console.log(epoch, logs?.loss, logs?.val_loss);
      },
      onBatchEnd: (batch, logs) => {
        if (logs) console.log(batch, logs.loss);
      },
    },
  };
  const history: tf.History = await model.fit(xs, ys, fitArgs);
  const lastLoss = history.history.loss[history.history.loss.length - 1] as number;
  const prediction = model.predict(xs) as tf.Tensor;
  const prediction2 = model.predict(xs, { batchSize: 8 }) as tf.Tensor2D;
  const evaluation = model.evaluate(xs, ys, { batchSize: 16 }) as tf.Scalar[];
  const evalArgs: tf.ModelEvaluateArgs = { batchSize: 4, verbose: 0 };
  const loss = model.evaluate(xs, ys, evalArgs) as tf.Scalar[];
  const onBatch = model.trainOnBatch(xs, ys);
  model.summary();
  const w: tf.Tensor[] = model.getWeights();
  model.setWeights(w);
  const first: tf.layers.Layer = model.layers[0];
  console.log(prediction.shape, prediction2.shape, evaluation.length, loss.length, first.name, onBatch, history.epoch.length);
  return lastLoss + (await model.evaluate(xs, ys) as tf.Scalar).dataSync()[0];
}
