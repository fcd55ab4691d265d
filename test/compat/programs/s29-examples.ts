import type { GradSaveFunc, LayerArgs, LayersModel, LayerVariable, Logs, Scalar, Sequential, Shape, SymbolicTensor, Tensor, Tensor1D, Tensor2D, Tensor3D, Variable } from '../../../src/index';
import type { Program, TF } from '../harness';
import { saveToMemory } from './layers-surface';

// Programs as tensorflow/tfjs-examples writes them, scaled down to tiny seeded data: each example's model building,
// training loop and inference, keeping the calls it makes (variables and minimize, variableGrads, customGrad, custom
// layers and losses, callbacks and their logs, summaries, history objects, predict and evaluate, tf.util helpers, and
// saving to memory and loading again).

/** n deterministic values in (-1, 1): the examples' Math.random() data, made repeatable. */
const wave = (n: number, phase = 0) => Array.from({ length: n }, (_, i) => Math.sin(i * 1.37 + phase) * 0.9);
/** A [rows, cols] tensor of wave values. */
const grid = (tf: TF, r: number, c: number, phase = 0) => tf.tensor2d(wave(r * c, phase), [r, c]);
/** The callback logs of a fit, rounded so that float32 kernels summing in another order print the same. */
const round = (logs: Logs | undefined) => Object.fromEntries(Object.entries(logs ?? {}).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(4)) : v]));
/** Each attempt's value, or 'threw' (tessera's messages name more than TF.js's; that both throw is what counts). */
const attempt = (f: () => unknown): unknown => { try { return f(); } catch { return 'threw'; } };

async function roundTrip(tf: TF, model: LayersModel): Promise<LayersModel> {
  return tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, model)));
}

// polynomial-regression-core: y = a x^3 + b x^2 + c x + d fitted by sgd over four scalar variables.
function polynomialData(tf: TF, numPoints: number, coeff: { a: number; b: number; c: number; d: number }, sigma = 0.04) {
  return tf.tidy(() => {
    const [a, b, c, d] = [tf.scalar(coeff.a), tf.scalar(coeff.b), tf.scalar(coeff.c), tf.scalar(coeff.d)];
    const xs = tf.randomUniform([numPoints], -1, 1, 'float32', 7);
    const three = tf.scalar(3, 'int32');
    const ys = a.mul(xs.pow(three)).add(b.mul(xs.square())).add(c.mul(xs)).add(d).add(tf.randomNormal([numPoints], 0, sigma, 'float32', 11));
    // Normalize the y values to the range 0 to 1.
    const ymin = ys.min();
    const ymax = ys.max();
    const yrange = ymax.sub(ymin);
    const ysNormalized = ys.sub(ymin).div(yrange);
    return { xs, ys: ysNormalized };
  });
}

const polynomial: Program[] = [
  {
    name: 'polynomial-regression-core: generateData with seeded randomUniform and randomNormal, normalized to 0..1',
    run: (tf) => {
      const { xs, ys } = polynomialData(tf, 12, { a: -0.8, b: -0.2, c: 0.9, d: 0.5 });
      return [xs, ys, ys.min(), ys.max()];
    },
  },
  {
    name: 'polynomial-regression-core: train loop of optimizer.minimize with await tf.nextFrame(), coefficients read with dataSync',
    run: async (tf) => {
      const { xs, ys } = polynomialData(tf, 16, { a: -0.8, b: -0.2, c: 0.9, d: 0.5 });
      const a = tf.variable(tf.scalar(0.31));
      const b = tf.variable(tf.scalar(-0.42));
      const c = tf.variable(tf.scalar(0.13));
      const d = tf.variable(tf.scalar(0.77));
      const predict = (x: Tensor) => tf.tidy(() => a.mul(x.pow(tf.scalar(3, 'int32'))).add(b.mul(x.square())).add(c.mul(x)).add(d));
      const loss = (predictions: Tensor, labels: Tensor) => predictions.sub(labels).square().mean() as Scalar;
      const optimizer = tf.train.sgd(0.5);
      const costs: number[] = [];
      for (let iter = 0; iter < 12; iter++) {
        const cost = optimizer.minimize(() => loss(predict(xs), ys), true);
        costs.push((cost as Scalar).dataSync()[0]);
        await tf.nextFrame();
      }
      return [costs, [a, b, c, d].map((v) => v.dataSync()[0]), predict(tf.tensor1d([-1, 0, 1]))];
    },
  },
  {
    name: 'polynomial-regression-core: minimize with a varList trains only the listed coefficients',
    run: (tf) => {
      const { xs, ys } = polynomialData(tf, 10, { a: 0.4, b: 0.6, c: -0.3, d: 0.1 });
      const vars = [0.2, 0.1, -0.3, 0.4].map((v) => tf.variable(tf.scalar(v)));
      const [a, b, c, d] = vars;
      const f = (x: Tensor) => a.mul(x.pow(tf.scalar(3, 'int32'))).add(b.mul(x.square())).add(c.mul(x)).add(d);
      const optimizer = tf.train.sgd(0.3);
      for (let i = 0; i < 5; i++) optimizer.minimize(() => f(xs).sub(ys).square().mean() as Scalar, false, [c, d]);
      return vars.map((v) => v.dataSync()[0]);
    },
  },
  {
    name: 'polynomial-regression-core: the same loop with adam, and the trainable variables a minimize finds by itself',
    run: (tf) => {
      const { xs, ys } = polynomialData(tf, 10, { a: 0.4, b: 0.6, c: -0.3, d: 0.1 });
      const a = tf.variable(tf.scalar(0.5), true, 'p29_a');
      const b = tf.variable(tf.scalar(0.5), false, 'p29_b');
      const optimizer = tf.train.adam(0.1);
      const costs = Array.from({ length: 6 }, () => (optimizer.minimize(() => a.mul(xs).add(b).sub(ys).square().mean() as Scalar, true) as Scalar).dataSync()[0]);
      return [costs, a, b, optimizer.getConfig()];
    },
  },
];

// mnist-core: a convnet written as tf.variable weights, conv2d / maxPool / matMul, softmaxCrossEntropy loss.
function mnistCoreWeights(tf: TF) {
  const conv1Weights = tf.variable(tf.randomNormal([3, 3, 1, 2], 0, 0.1, 'float32', 21));
  const conv2Weights = tf.variable(tf.randomNormal([3, 3, 2, 3], 0, 0.1, 'float32', 22));
  const fullyConnectedWeights = tf.variable(tf.randomNormal([2 * 2 * 3, 3], 0, 1 / Math.sqrt(12), 'float32', 23));
  const fullyConnectedBias = tf.variable(tf.zeros([3]));
  return { conv1Weights, conv2Weights, fullyConnectedWeights, fullyConnectedBias };
}

function mnistCoreModel(tf: TF, w: ReturnType<typeof mnistCoreWeights>, inputXs: Tensor) {
  const xs = inputXs.as4D(-1, 8, 8, 1);
  const strides = 2;
  const pad = 0;
  const layer1 = tf.tidy(() => xs.conv2d(w.conv1Weights as Variable<never>, 1, 'same').relu().maxPool([2, 2], strides, pad));
  const layer2 = tf.tidy(() => layer1.conv2d(w.conv2Weights as Variable<never>, 1, 'same').relu().maxPool([2, 2], strides, pad));
  return layer2.as2D(-1, w.fullyConnectedWeights.shape[0]).matMul(w.fullyConnectedWeights).add(w.fullyConnectedBias);
}

const digits = (tf: TF, n: number) => {
  const labels = Array.from({ length: n }, (_, i) => i % 3);
  const images = tf.tensor2d(Array.from({ length: n * 64 }, (_, k) => {
    const [i, p] = [Math.floor(k / 64), k % 64];
    return ((p % 8) + labels[i] * 2) % 5 === 0 ? 1 : 0.1 * Math.cos(k);
  }), [n, 64]);
  return { images, labels: tf.oneHot(tf.tensor1d(labels, 'int32'), 3).toFloat() };
};

const mnistCore: Program[] = [
  {
    name: 'mnist-core: the variable convnet trained by optimizer.minimize(returnCost) with softmaxCrossEntropy(labels, logits).mean()',
    run: (tf) => {
      const w = mnistCoreWeights(tf);
      const optimizer = tf.train.sgd(0.2);
      const { images, labels } = digits(tf, 6);
      const loss = (l: Tensor, logits: Tensor) => tf.losses.softmaxCrossEntropy(l, logits).mean() as Scalar;
      const costs: number[] = [];
      for (let i = 0; i < 4; i++) {
        const returnCost = true;
        const cost = optimizer.minimize(() => loss(labels, mnistCoreModel(tf, w, images)), returnCost);
        costs.push((cost as Scalar).dataSync()[0]);
      }
      return [costs, w.fullyConnectedBias];
    },
  },
  {
    name: 'mnist-core: predict with tf.tidy and argMax(1), accuracy against the labels\' argMax',
    run: (tf) => {
      const w = mnistCoreWeights(tf);
      const { images, labels } = digits(tf, 6);
      const predictions = tf.tidy(() => mnistCoreModel(tf, w, images).argMax(1));
      const truth = labels.argMax(1);
      const accuracy = predictions.equal(truth).sum().dataSync()[0] / 6;
      return [predictions, truth, accuracy, Array.from(predictions.dataSync())];
    },
  },
  {
    name: 'mnist-core: variableGrads of the loss gives a gradient for each of the four weights, by name',
    run: (tf) => {
      const w = mnistCoreWeights(tf);
      const { images, labels } = digits(tf, 3);
      const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(labels, mnistCoreModel(tf, w, images)).mean() as Scalar);
      const byVar = [w.conv1Weights, w.conv2Weights, w.fullyConnectedWeights, w.fullyConnectedBias].map((v) => grads[v.name]);
      return [value, Object.keys(grads).length, byVar.map((g) => g.shape), byVar[3], byVar[0].abs().sum()];
    },
  },
  {
    name: 'mnist-core: the same loop with adam, and tf.memory() tensors the same after each step',
    run: (tf) => {
      const w = mnistCoreWeights(tf);
      const optimizer = tf.train.adam(0.01);
      const { images, labels } = digits(tf, 4);
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, mnistCoreModel(tf, w, images)).mean() as Scalar);
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, mnistCoreModel(tf, w, images)).mean() as Scalar);
        counts.push(tf.memory().numTensors);
      }
      return [counts[0] === counts[2], w.fullyConnectedBias, w.conv1Weights.sum()];
    },
  },
];

// mnist (layers): createConvModel / createDenseModel, fit with validationSplit and batch and epoch callbacks.
function createConvModel(tf: TF): Sequential {
  const model = tf.sequential({ name: 'mnist_conv' });
  model.add(tf.layers.conv2d({ inputShape: [8, 8, 1], kernelSize: 3, filters: 2, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), name: 'mc_conv1' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2, name: 'mc_pool1' }));
  model.add(tf.layers.conv2d({ kernelSize: 2, filters: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }), name: 'mc_conv2' }));
  model.add(tf.layers.flatten({ name: 'mc_flat' }));
  model.add(tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }), name: 'mc_dense1' }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }), name: 'mc_dense2' }));
  return model;
}

function createDenseModel(tf: TF): Sequential {
  const model = tf.sequential({ name: 'mnist_dense' });
  model.add(tf.layers.flatten({ inputShape: [8, 8, 1], name: 'md_flat' }));
  model.add(tf.layers.dense({ units: 5, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }), name: 'md_hidden' }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 6 }), name: 'md_out' }));
  return model;
}

const images4d = (tf: TF, n: number) => {
  const { images, labels } = digits(tf, n);
  return { xs: images.reshape([n, 8, 8, 1]), ys: labels };
};

const mnistLayers: Program[] = [
  {
    name: 'mnist: createConvModel summary, compile with rmsprop and accuracy, fit with validationSplit and onBatchEnd / onEpochEnd logs',
    run: async (tf) => {
      const model = createConvModel(tf);
      model.summary();
      model.compile({ optimizer: 'rmsprop', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const { xs, ys } = images4d(tf, 10);
      const batches: unknown[] = [];
      const epochs: unknown[] = [];
      const history = await model.fit(xs, ys, {
        batchSize: 4, validationSplit: 0.2, epochs: 2, shuffle: false,
        callbacks: {
          onBatchEnd: async (batch, logs) => { batches.push([batch, round(logs)]); await tf.nextFrame(); },
          onEpochEnd: async (epoch, logs) => { epochs.push([epoch, round(logs)]); await tf.nextFrame(); },
        },
      });
      return [batches, epochs, history.epoch, Object.keys(history.history).sort()];
    },
  },
  {
    name: 'mnist: createDenseModel, fit, then evaluate gives [loss, acc] read with dataSync, and predict argMax(-1)',
    run: async (tf) => {
      const model = createDenseModel(tf);
      model.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const { xs, ys } = images4d(tf, 9);
      await model.fit(xs, ys, { batchSize: 3, epochs: 3, shuffle: false, verbose: 0 });
      const testResult = model.evaluate(xs, ys) as Tensor[];
      const testAccPercent = testResult[1].dataSync()[0] * 100;
      const finalValAccPercent = Number(testAccPercent.toFixed(1));
      const preds = (model.predict(xs) as Tensor).argMax(-1);
      const labels = ys.argMax(-1);
      return [testResult, finalValAccPercent, preds, labels, model.outputs[0].shape];
    },
  },
  {
    name: 'mnist: summary with a printFn collects the lines, and the line widths TF.js pads to',
    run: (tf) => {
      const lines: string[] = [];
      createConvModel(tf).summary(undefined, undefined, (line?: string) => lines.push(line ?? ''));
      createDenseModel(tf).summary(70, [0.5, 0.8, 1], (line?: string) => lines.push(line ?? ''));
      return [lines, lines.map((l) => l.length)];
    },
  },
  {
    name: 'mnist: fit with onTrainBegin / onTrainEnd / onEpochBegin / onBatchBegin logs in order',
    run: async (tf) => {
      const model = createDenseModel(tf);
      model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['acc'] });
      const { xs, ys } = images4d(tf, 6);
      const events: unknown[] = [];
      await model.fit(xs, ys, {
        batchSize: 4, epochs: 2, shuffle: false,
        callbacks: {
          onTrainBegin: async (logs) => { events.push(['trainBegin', logs === undefined ? 'undefined' : round(logs)]); },
          onEpochBegin: async (epoch, logs) => { events.push(['epochBegin', epoch, logs === undefined ? 'undefined' : round(logs)]); },
          onBatchBegin: async (batch, logs) => { events.push(['batchBegin', batch, round(logs)]); },
          onBatchEnd: async (batch, logs) => { events.push(['batchEnd', batch, round(logs)]); },
          onEpochEnd: async (epoch, logs) => { events.push(['epochEnd', epoch, round(logs)]); },
          onTrainEnd: async (logs) => { events.push(['trainEnd', logs === undefined ? 'undefined' : round(logs)]); },
        },
      });
      return events;
    },
  },
  {
    name: 'mnist: the trained conv model saved to memory and loaded predicts the same; the loaded model has no optimizer until compiled',
    run: async (tf) => {
      const model = createConvModel(tf);
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const { xs, ys } = images4d(tf, 4);
      await model.fit(xs, ys, { epochs: 1, batchSize: 4, verbose: 0 });
      const loaded = await roundTrip(tf, model);
      const evalBefore = attempt(() => loaded.evaluate(xs, ys));
      loaded.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      return [loaded.predict(xs) as Tensor, model.predict(xs) as Tensor, loaded.name, loaded.layers.map((l) => l.name), evalBefore, loaded.evaluate(xs, ys) as Tensor[]];
    },
  },
];

// iris: one-hot species, a softmax classifier trained with adam and validationData, and a confusion matrix.
const IRIS_ROWS: [number, number, number, number, number][] = [
  [5.1, 3.5, 1.4, 0.2, 0], [4.9, 3.0, 1.4, 0.2, 0], [4.7, 3.2, 1.3, 0.2, 0], [5.0, 3.6, 1.4, 0.2, 0],
  [7.0, 3.2, 4.7, 1.4, 1], [6.4, 3.2, 4.5, 1.5, 1], [6.9, 3.1, 4.9, 1.5, 1], [5.5, 2.3, 4.0, 1.3, 1],
  [6.3, 3.3, 6.0, 2.5, 2], [5.8, 2.7, 5.1, 1.9, 2], [7.1, 3.0, 5.9, 2.1, 2], [6.3, 2.9, 5.6, 1.8, 2],
];

function irisData(tf: TF, testSplit: number) {
  return tf.tidy(() => {
    const dataByClass: number[][][] = [[], [], []];
    const targetsByClass: number[][] = [[], [], []];
    for (const example of IRIS_ROWS) {
      const target = example[example.length - 1];
      dataByClass[target].push(example.slice(0, 4));
      targetsByClass[target].push(target);
    }
    const xTrains: Tensor2D[] = [];
    const yTrains: Tensor2D[] = [];
    const xTests: Tensor2D[] = [];
    const yTests: Tensor2D[] = [];
    for (let i = 0; i < 3; ++i) {
      const numExamples = dataByClass[i].length;
      const numTestExamples = Math.round(numExamples * testSplit);
      const numTrainExamples = numExamples - numTestExamples;
      const xs = tf.tensor2d(dataByClass[i], [numExamples, 4]);
      const ys = tf.oneHot(tf.tensor1d(targetsByClass[i]).toInt(), 3);
      xTrains.push(xs.slice([0, 0], [numTrainExamples, 4]) as Tensor2D);
      xTests.push(xs.slice([numTrainExamples, 0], [numTestExamples, 4]) as Tensor2D);
      yTrains.push(ys.slice([0, 0], [numTrainExamples, 3]) as Tensor2D);
      yTests.push(ys.slice([numTrainExamples, 0], [numTestExamples, 3]) as Tensor2D);
    }
    return [tf.concat(xTrains, 0), tf.concat(yTrains, 0), tf.concat(xTests, 0), tf.concat(yTests, 0)] as Tensor2D[];
  });
}

function irisModel(tf: TF): Sequential {
  const model = tf.sequential({ name: 'iris29' });
  model.add(tf.layers.dense({ units: 10, activation: 'sigmoid', inputShape: [4], kernelInitializer: tf.initializers.glorotUniform({ seed: 8 }), name: 'iris29_h' }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 9 }), name: 'iris29_out' }));
  return model;
}

const iris: Program[] = [
  {
    name: 'iris: getIrisData splits each class with slice and concat; oneHot targets are int32',
    run: (tf) => {
      const [xTrain, yTrain, xTest, yTest] = irisData(tf, 0.25);
      return [xTrain, yTrain, xTest, yTest];
    },
  },
  {
    name: 'iris: trainModel with adam(0.1), validationData and an onEpochEnd that reads logs.loss / logs.val_acc',
    run: async (tf) => {
      const [xTrain, yTrain, xTest, yTest] = irisData(tf, 0.25);
      const model = irisModel(tf);
      model.summary();
      model.compile({ optimizer: tf.train.adam(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const seen: string[] = [];
      const history = await model.fit(xTrain, yTrain, {
        epochs: 4, validationData: [xTest, yTest], shuffle: false,
        callbacks: { onEpochEnd: async (epoch, logs) => { seen.push(`${epoch} ${(logs?.loss as number).toFixed(3)} ${(logs?.val_acc as number).toFixed(3)}`); } },
      });
      return [seen, history.history, history.epoch];
    },
  },
  {
    name: 'iris: predictOnManualInput with tf.tidy, predict.argMax(-1) and the probabilities read with data()',
    run: async (tf) => {
      const model = irisModel(tf);
      const inputData = tf.tidy(() => {
        const input = tf.tensor2d([[5.8, 2.7, 5.1, 1.9]], [1, 4]);
        const predictOut = model.predict(input) as Tensor;
        const logits = Array.from(predictOut.dataSync());
        const winner = ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'][predictOut.argMax(-1).dataSync()[0]];
        return { logits, winner };
      });
      const probs = await (model.predict(tf.tensor2d([[5.1, 3.5, 1.4, 0.2]])) as Tensor).data();
      return [inputData, Array.from(probs)];
    },
  },
  {
    name: 'iris: evaluateModelOnTestData: argMax of labels and predictions, tf.math.confusionMatrix, per-class accuracy',
    run: async (tf) => {
      const [xTrain, yTrain] = irisData(tf, 0);
      const model = irisModel(tf);
      model.compile({ optimizer: tf.train.adam(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      await model.fit(xTrain, yTrain, { epochs: 5, batchSize: 4, shuffle: false, verbose: 0 });
      const labels = yTrain.argMax(-1);
      const predictions = (model.predict(xTrain) as Tensor).argMax(-1);
      const confusion = tf.math.confusionMatrix(labels as Tensor1D, predictions as Tensor1D, 3);
      const rows = confusion.arraySync() as number[][];
      return [confusion, rows.map((r, i) => r[i] / Math.max(1, r.reduce((s, x) => s + x, 0))), tf.metrics.categoricalAccuracy(yTrain, model.predict(xTrain) as Tensor)];
    },
  },
  {
    name: 'iris: the trained model saved and loaded back (loadHostedPretrainedModel\'s path) gives the same evaluation',
    run: async (tf) => {
      const [xTrain, yTrain] = irisData(tf, 0);
      const model = irisModel(tf);
      model.compile({ optimizer: tf.train.adam(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      await model.fit(xTrain, yTrain, { epochs: 2, batchSize: 6, shuffle: false, verbose: 0 });
      const loaded = await roundTrip(tf, model);
      loaded.compile({ optimizer: tf.train.adam(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      return [loaded.evaluate(xTrain, yTrain) as Tensor[], model.evaluate(xTrain, yTrain) as Tensor[], loaded.getWeights().map((w) => w.shape)];
    },
  },
];

// boston-housing: normalization by mean and stddev, linear and MLP regressions, trainLogs from onEpochEnd.
function determineMeanAndStddev(data: Tensor) {
  const dataMean = data.mean(0);
  const diffFromMean = data.sub(dataMean);
  const squaredDiffFromMean = diffFromMean.square();
  const variance = squaredDiffFromMean.mean(0);
  const dataStd = variance.sqrt();
  return { dataMean, dataStd };
}

const normalizeTensor = (data: Tensor, dataMean: Tensor, dataStd: Tensor) => data.sub(dataMean).div(dataStd);

function housing(tf: TF) {
  const raw = tf.tensor2d(Array.from({ length: 10 * 4 }, (_, k) => (k % 4 === 0 ? 20 : 1) * (1.5 + Math.sin(k * 0.7))), [10, 4]);
  const target = tf.tensor2d(Array.from({ length: 10 }, (_, i) => 22 + 6 * Math.cos(i)), [10, 1]);
  const { dataMean, dataStd } = determineMeanAndStddev(raw);
  return { features: normalizeTensor(raw, dataMean, dataStd), target, dataMean, dataStd };
}

const boston: Program[] = [
  {
    name: 'boston-housing: determineMeanAndStddev and normalizeTensor; the baseline loss of predicting the average price',
    run: (tf) => {
      const { features, target, dataMean, dataStd } = housing(tf);
      const avgPrice = target.mean();
      console.log(`Average price: ${avgPrice.dataSync()}`);
      const baseline = target.sub(avgPrice).square().mean();
      console.log(`Baseline loss: ${baseline.dataSync()}`);
      const baselineMsg = `Baseline loss (meanSquaredError) is ${baseline.dataSync()[0].toFixed(2)}`;
      return [features, dataMean, dataStd, baselineMsg];
    },
  },
  {
    name: 'boston-housing: linearRegressionModel, sgd(0.01), validationSplit 0.2, trainLogs and the final losses with toFixed(2)',
    run: async (tf) => {
      const { features, target } = housing(tf);
      const model = tf.sequential({ name: 'bh_linear' });
      model.add(tf.layers.dense({ inputShape: [4], units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 12 }), name: 'bh_lin' }));
      model.summary();
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const trainLogs: Logs[] = [];
      await model.fit(features, target, { batchSize: 4, epochs: 3, validationSplit: 0.2, shuffle: false, callbacks: { onEpochEnd: async (_epoch, logs) => { trainLogs.push(logs as Logs); } } });
      const result = model.evaluate(features, target, { batchSize: 4 }) as Scalar;
      const testLoss = result.dataSync()[0];
      const trainLoss = trainLogs[trainLogs.length - 1].loss as number;
      const valLoss = trainLogs[trainLogs.length - 1].val_loss as number;
      return [`Final train-set loss: ${trainLoss.toFixed(2)}\nFinal validation-set loss: ${valLoss.toFixed(2)}\nTest-set loss: ${testLoss.toFixed(2)}`, trainLogs.map(round)];
    },
  },
  {
    name: 'boston-housing: multiLayerPerceptronRegressionModel2Hidden with leCunNormal (seeded) sigmoid layers, and its kernel described with tf.util.assert',
    run: async (tf) => {
      const { features, target } = housing(tf);
      const model = tf.sequential({ name: 'bh_mlp2' });
      model.add(tf.layers.dense({ inputShape: [4], units: 5, activation: 'sigmoid', kernelInitializer: tf.initializers.leCunNormal({ seed: 13 }), name: 'bh_h1' }));
      model.add(tf.layers.dense({ units: 5, activation: 'sigmoid', kernelInitializer: tf.initializers.leCunNormal({ seed: 14 }), name: 'bh_h2' }));
      model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 15 }), name: 'bh_o' }));
      model.summary();
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const h = await model.fit(features, target, { batchSize: 5, epochs: 2, shuffle: false, verbose: 0 });
      const kernel = await model.layers[0].getWeights()[0].data();
      const describe = (k: ArrayLike<number>) => {
        const assert: (expr: boolean, msg: () => string) => void = tf.util.assert;
        assert(k.length === 20, () => `kernel must be a array of length 20, got ${k.length}`);
        return Array.from(k).slice(0, 3).map((value, idx) => ({ description: `feature ${idx}`, value }));
      };
      return [h.history, describe(kernel), attempt(() => describe([1, 2]))];
    },
  },
  {
    name: 'boston-housing (tf-data): tf.data.array of features and targets zipped, batched, fitDataset, evaluateDataset',
    run: async (tf) => {
      const rows = Array.from({ length: 8 }, (_, i) => [Math.sin(i), Math.cos(i), i / 8]);
      const targets = rows.map((r) => [r[0] * 2 - r[2]]);
      const ds = tf.data.zip({ xs: tf.data.array(rows), ys: tf.data.array(targets) }).batch(4);
      const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 1, kernelInitializer: 'zeros', name: 'bhd' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics: ['mse'] });
      const h = await model.fitDataset(ds, { epochs: 3, verbose: 0 });
      const evaluated = await model.evaluateDataset(ds as never, {}) as Tensor[];
      return [h.history, evaluated, model.getWeights()];
    },
  },
];

// fashion-mnist-vae: the KL + reconstruction loss on fixed outputs, and the decoder sampled on a latent grid.
function vaeLoss(tf: TF, inputs: Tensor, outputs: Tensor[]): Scalar {
  return tf.tidy(() => {
    const originalDim = inputs.shape[1] as number;
    const [decoderOutput, zMean, zLogVar] = outputs;
    const reconstructionLoss = tf.losses.meanSquaredError(inputs, decoderOutput).mul(originalDim);
    let klLoss = zLogVar.add(1).sub(zMean.square()).sub(zLogVar.exp());
    klLoss = klLoss.sum(-1).mul(-0.5);
    return reconstructionLoss.add(klLoss).mean() as Scalar;
  });
}

function vaeDecoder(tf: TF): Sequential {
  return tf.sequential({ name: 'vae29_decoder', layers: [
    tf.layers.dense({ units: 4, activation: 'relu', inputShape: [2], kernelInitializer: tf.initializers.glorotUniform({ seed: 31 }), name: 'vae29_dh' }),
    tf.layers.dense({ units: 6, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 32 }), name: 'vae29_do' }),
  ] });
}

const vae: Program[] = [
  {
    name: 'fashion-mnist-vae: vaeLoss of fixed decoder outputs, zMean and zLogVar (meanSquaredError times originalDim plus KL)',
    run: (tf) => {
      const inputs = grid(tf, 3, 6, 0.2).abs();
      const outputs = [grid(tf, 3, 6, 1.1).sigmoid(), grid(tf, 3, 2, 2.3), grid(tf, 3, 2, 0.7).mul(0.5)];
      return [vaeLoss(tf, inputs, outputs), tf.losses.meanSquaredError(inputs, outputs[0])];
    },
  },
  {
    name: 'fashion-mnist-vae: generate a latent grid with tf.linspace and decoder.predict, images split with tf.unstack',
    run: (tf) => {
      const decoder = vaeDecoder(tf);
      const n = 3;
      const [latentMin, latentMax] = [-1, 1];
      const latents = tf.tidy(() => {
        const xs = tf.linspace(latentMin, latentMax, n);
        const ys = tf.linspace(latentMin, latentMax, n);
        const rows: Tensor[] = [];
        for (const y of ys.dataSync()) rows.push(tf.stack([xs, tf.fill([n], y)], 1));
        return tf.concat(rows, 0);
      });
      const images = decoder.predict(latents) as Tensor;
      const unstacked = tf.unstack(images.reshape([n * n, 2, 3]));
      return [latents, images.shape, unstacked.length, unstacked[4], images.max()];
    },
  },
  {
    name: 'fashion-mnist-vae: the decoder trained by optimizer.minimize over vaeLoss with seeded epsilon; losses per step',
    run: (tf) => {
      const decoder = vaeDecoder(tf);
      const zMean = tf.variable(grid(tf, 4, 2, 0.4).mul(0.3), true, 'vae29_zm');
      const zLogVar = tf.variable(tf.zeros([4, 2]), true, 'vae29_zlv');
      const inputs = grid(tf, 4, 6, 1.7).abs();
      const optimizer = tf.train.adam(0.05);
      const losses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const cost = optimizer.minimize(() => {
          const epsilon = tf.randomNormal([4, 2], 0, 1, 'float32', 40 + i);
          const z = zMean.add(zLogVar.mul(0.5).exp().mul(epsilon));
          return vaeLoss(tf, inputs, [decoder.apply(z) as Tensor, zMean, zLogVar]);
        }, true) as Scalar;
        losses.push(cost.dataSync()[0]);
      }
      return [losses, zLogVar, decoder.getWeights()[1]];
    },
  },
];

// lstm-text-generation: characters to indices, one-hot examples in TensorBuffers, rmsprop fit, sampling by temperature.
const TEXT = 'the quick brown fox jumps over the lazy dog. the dog sleeps.';

class TextData {
  readonly charSet: string[];
  readonly indices: Uint16Array;
  constructor(readonly text: string, readonly sampleLen: number, readonly sampleStep: number) {
    this.charSet = [...new Set(text)].sort();
    this.indices = new Uint16Array(text.length);
    for (let i = 0; i < text.length; ++i) this.indices[i] = this.charSet.indexOf(text[i]);
  }
  get charSetSize() { return this.charSet.length; }
  nextDataEpoch(tf: TF, numExamples: number): [Tensor, Tensor] {
    const xsBuffer = new tf.TensorBuffer([numExamples, this.sampleLen, this.charSetSize], 'float32');
    const ysBuffer = new tf.TensorBuffer([numExamples, this.charSetSize], 'float32');
    for (let i = 0; i < numExamples; ++i) {
      const beginIndex = i * this.sampleStep;
      for (let j = 0; j < this.sampleLen; ++j) xsBuffer.set(1, i, j, this.indices[beginIndex + j]);
      ysBuffer.set(1, i, this.indices[beginIndex + this.sampleLen]);
    }
    return [xsBuffer.toTensor(), ysBuffer.toTensor()];
  }
}

function textModel(tf: TF, sampleLen: number, charSetSize: number): Sequential {
  const model = tf.sequential({ name: 'tg29' });
  model.add(tf.layers.lstm({ units: 5, returnSequences: false, inputShape: [sampleLen, charSetSize], kernelInitializer: tf.initializers.glorotUniform({ seed: 51 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 52 }), name: 'tg29_lstm' }));
  model.add(tf.layers.dense({ units: charSetSize, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 53 }), name: 'tg29_out' }));
  return model;
}

const textgen: Program[] = [
  {
    name: 'lstm-text-generation: TextData builds one-hot xs and ys with new tf.TensorBuffer(shape, dtype).set and toTensor',
    run: (tf) => {
      const data = new TextData(TEXT, 4, 3);
      const [xs, ys] = data.nextDataEpoch(tf, 5);
      return [data.charSet.join(''), xs.shape, xs.sum(-1), ys.argMax(-1), Array.from(data.indices.slice(0, 8))];
    },
  },
  {
    name: 'lstm-text-generation: model summary, rmsprop compile, fit with validationSplit and onBatchEnd logs.loss',
    run: async (tf) => {
      const data = new TextData(TEXT, 4, 2);
      const model = textModel(tf, 4, data.charSetSize);
      model.summary();
      model.compile({ optimizer: tf.train.rmsprop(0.05), loss: 'categoricalCrossentropy' });
      const [xs, ys] = data.nextDataEpoch(tf, 10);
      const batchLosses: number[] = [];
      const h = await model.fit(xs, ys, { epochs: 2, batchSize: 4, validationSplit: 0.2, shuffle: false, callbacks: { onBatchEnd: async (_batch, logs) => { batchLosses.push(logs?.loss as number); } } });
      return [batchLosses, h.history, h.params];
    },
  },
  {
    name: 'lstm-text-generation: sample() divides log(probs) by the temperature, renormalizes and draws with a seeded tf.multinomial',
    run: (tf) => {
      const sample = (probs: Tensor, temperature: number, seed: number) => tf.tidy(() => {
        const logits = tf.div(tf.log(probs), Math.max(temperature, 1e-6));
        const isNormalized = false;
        return tf.multinomial(logits as Tensor1D, 1, seed, isNormalized).dataSync()[0];
      });
      const probs = tf.tensor1d([0.1, 0.6, 0.05, 0.25]);
      const scaled = tf.tidy(() => { const e = tf.exp(tf.div(tf.log(probs), 0.5)); return tf.div(e, tf.sum(e)); });
      return [scaled, [0.25, 0.75, 1.5].map((t, i) => sample(probs, t, 7 + i)), tf.multinomial(tf.tensor2d([[0.2, 0.8], [0.9, 0.1]]), 5, 3, true)];
    },
  },
  {
    name: 'lstm-text-generation: generateText feeds its own output back, one predict per character, with tf.buffer and squeeze',
    run: (tf) => {
      const data = new TextData(TEXT, 4, 3);
      const model = textModel(tf, 4, data.charSetSize);
      let sentenceIndices = Array.from(data.indices.slice(0, 4));
      let generated = '';
      for (let step = 0; step < 5; step++) {
        const input = tf.buffer([1, 4, data.charSetSize]);
        for (let i = 0; i < 4; ++i) input.set(1, 0, i, sentenceIndices[i]);
        const output = model.predict(input.toTensor()) as Tensor;
        const winner = tf.squeeze(output).argMax().dataSync()[0];
        generated += data.charSet[winner];
        sentenceIndices = [...sentenceIndices.slice(1), winner];
        tf.dispose(output);
      }
      return [generated, sentenceIndices, (model.predict(data.nextDataEpoch(tf, 1)[0]) as Tensor)];
    },
  },
];

// date-conversion-attention: input dates encoded to int32 index tensors, greedy decoding one position at a time.
const INPUT_VOCAB = '\n0123456789/-, ';
const OUTPUT_VOCAB = '\n\t0123456789-';
const INPUT_LENGTH = 8;
const OUTPUT_LENGTH = 5;

function encodeInputDateStrings(tf: TF, dateStrings: string[]): Tensor {
  const n = dateStrings.length;
  const x = tf.buffer([n, INPUT_LENGTH], 'float32');
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < INPUT_LENGTH; ++j) {
      if (j < dateStrings[i].length) {
        const char = dateStrings[i][j];
        const index = INPUT_VOCAB.indexOf(char);
        x.set(index, i, j);
      }
    }
  }
  return x.toTensor();
}

function dateModel(tf: TF): LayersModel {
  const embeddingDims = 3;
  const lstmUnits = 4;
  const encoderInput = tf.input({ shape: [INPUT_LENGTH], name: 'dc29_enc_in' });
  const decoderInput = tf.input({ shape: [OUTPUT_LENGTH], name: 'dc29_dec_in' });
  let encoder = tf.layers.embedding({ inputDim: INPUT_VOCAB.length, outputDim: embeddingDims, inputLength: INPUT_LENGTH, maskZero: true, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 61 }), name: 'dc29_enc_emb' }).apply(encoderInput) as SymbolicTensor;
  encoder = tf.layers.lstm({ units: lstmUnits, returnSequences: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 62 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 63 }), name: 'dc29_enc_lstm' }).apply(encoder) as SymbolicTensor;
  let decoder = tf.layers.embedding({ inputDim: OUTPUT_VOCAB.length, outputDim: embeddingDims, inputLength: OUTPUT_LENGTH, maskZero: true, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 64 }), name: 'dc29_dec_emb' }).apply(decoderInput) as SymbolicTensor;
  decoder = tf.layers.lstm({ units: lstmUnits, returnSequences: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 65 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 66 }), name: 'dc29_dec_lstm' }).apply(decoder) as SymbolicTensor;
  let attention = tf.layers.dot({ axes: [2, 2], name: 'dc29_dot' }).apply([decoder, encoder]) as SymbolicTensor;
  attention = tf.layers.activation({ activation: 'softmax', name: 'dc29_attention' }).apply(attention) as SymbolicTensor;
  const context = tf.layers.dot({ axes: [2, 1], name: 'dc29_context' }).apply([attention, encoder]) as SymbolicTensor;
  const decoderCombinedContext = tf.layers.concatenate({ name: 'dc29_concat' }).apply([context, decoder]) as SymbolicTensor;
  let output = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: lstmUnits, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 67 }), name: 'dc29_td1d' }), name: 'dc29_td1' }).apply(decoderCombinedContext) as SymbolicTensor;
  output = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: OUTPUT_VOCAB.length, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 68 }), name: 'dc29_td2d' }), name: 'dc29_td2' }).apply(output) as SymbolicTensor;
  const model = tf.model({ inputs: [encoderInput, decoderInput], outputs: output, name: 'dc29' });
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam' });
  return model;
}

async function runSeq2SeqInference(tf: TF, model: LayersModel, inputStr: string): Promise<string> {
  return tf.tidy(() => {
    const encoderInput = encodeInputDateStrings(tf, [inputStr]);
    const decoderInput = tf.buffer([1, OUTPUT_LENGTH]);
    decoderInput.set(OUTPUT_VOCAB.indexOf('\t'), 0, 0);
    const output: number[] = [];
    for (let i = 1; i < OUTPUT_LENGTH; ++i) {
      const predictOut = model.predict([encoderInput, decoderInput.toTensor()]) as Tensor;
      const outputs = predictOut.argMax(2).dataSync();
      const winner = outputs[i - 1];
      output.push(winner);
      decoderInput.set(winner, 0, i);
    }
    return output.map((k) => OUTPUT_VOCAB[k]).join('');
  });
}

const dates: Program[] = [
  {
    name: 'date-conversion-attention: encodeInputDateStrings with tf.buffer; strings shorter than INPUT_LENGTH keep zeros',
    run: (tf) => encodeInputDateStrings(tf, ['01/02/19', '3-4-20', '12, 9']),
  },
  {
    name: 'date-conversion-attention: the attention model\'s summary, outputs and one fit epoch on teacher-forced targets',
    run: async (tf) => {
      const model = dateModel(tf);
      model.summary();
      const encoderInput = encodeInputDateStrings(tf, ['01/02/19', '11/12/20', '3-4-20']);
      const decoderInput = tf.tensor2d([[1, 2, 3, 4, 5], [1, 3, 3, 4, 6], [1, 2, 5, 12, 6]]);
      const decoderOutput = tf.oneHot(tf.tensor2d([[2, 3, 4, 5, 0], [3, 3, 4, 6, 0], [2, 5, 12, 6, 0]], undefined, 'int32'), OUTPUT_VOCAB.length);
      const h = await model.fit([encoderInput, decoderInput], decoderOutput, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      return [h.history, model.outputs[0].shape, model.getLayer('dc29_attention').output instanceof tf.SymbolicTensor];
    },
  },
  {
    name: 'date-conversion-attention: runSeq2SeqInference decodes greedily, argMax(2) at each position, inside one tf.tidy',
    run: async (tf) => {
      const model = dateModel(tf);
      const before = tf.memory().numTensors;
      const out = await runSeq2SeqInference(tf, model, '01/02/19');
      return [out, JSON.stringify(out), tf.memory().numTensors - before];
    },
  },
  {
    name: 'date-conversion-attention: the attention weights read from a sub-model on getLayer(\'attention\').output sum to 1',
    run: (tf) => {
      const model = dateModel(tf);
      const attentionModel = tf.model({ inputs: model.inputs, outputs: model.getLayer('dc29_attention').output as SymbolicTensor });
      const att = attentionModel.predict([encodeInputDateStrings(tf, ['01/02/19']), tf.tensor2d([[1, 2, 3, 0, 0]])]) as Tensor;
      return [att.shape, att.sum(-1), att];
    },
  },
];

// sentiment: padded word-index sequences, the example's model types, binary crossentropy and a score per review.
function padSequences(sequences: number[][], maxLen: number, padding = 'pre', truncating = 'pre', value = 0): number[][] {
  return sequences.map((seq) => {
    if (seq.length > maxLen) seq = truncating === 'pre' ? seq.slice(seq.length - maxLen) : seq.slice(0, maxLen);
    if (seq.length < maxLen) {
      const pad = new Array(maxLen - seq.length).fill(value);
      seq = padding === 'pre' ? [...pad, ...seq] : [...seq, ...pad];
    }
    return seq;
  });
}

const REVIEWS = [[3, 5, 7, 2], [9, 4, 1], [2, 2, 8, 6, 5, 1], [7, 1], [4, 9, 9, 3, 2], [6, 8]];
const SENTIMENT = [1, 0, 1, 0, 1, 0];
const VOCAB = 10;
const MAXLEN = 5;

function sentimentModel(tf: TF, modelType: string): Sequential {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({ name: `sent29_${modelType}` });
  model.add(tf.layers.embedding({ inputDim: VOCAB, outputDim: 3, inputLength: MAXLEN, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed: 71 }), name: 'sent29_emb' }));
  if (modelType === 'flatten') {
    model.add(tf.layers.flatten({ name: 'sent29_flat' }));
  } else if (modelType === 'cnn') {
    model.add(tf.layers.dropout({ rate: 0.5, seed: 72, name: 'sent29_drop' }));
    model.add(tf.layers.conv1d({ filters: 4, kernelSize: 2, strides: 1, padding: 'valid', activation: 'relu', kernelInitializer: init(73), name: 'sent29_conv' }));
    model.add(tf.layers.globalMaxPool1d({ name: 'sent29_gmp' }));
    model.add(tf.layers.dense({ units: 3, activation: 'relu', kernelInitializer: init(74), name: 'sent29_hidden' }));
  } else if (modelType === 'simpleRNN') {
    model.add(tf.layers.simpleRNN({ units: 3, kernelInitializer: init(75), recurrentInitializer: tf.initializers.orthogonal({ seed: 76 }), name: 'sent29_rnn' }));
  } else if (modelType === 'bidirectionalLSTM') {
    model.add(tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, kernelInitializer: init(77), recurrentInitializer: tf.initializers.orthogonal({ seed: 78 }), name: 'sent29_lstm' }) as never, mergeMode: 'concat', name: 'sent29_bilstm' }));
  } else {
    model.add(tf.layers.gru({ units: 3, kernelInitializer: init(79), recurrentInitializer: tf.initializers.orthogonal({ seed: 80 }), name: 'sent29_gru' }));
  }
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init(81), name: 'sent29_out' }));
  return model;
}

const sentimentData = (tf: TF) => ({ xs: tf.tensor2d(padSequences(REVIEWS, MAXLEN)), ys: tf.tensor2d(SENTIMENT, [SENTIMENT.length, 1]) });

const sentiment: Program[] = [
  {
    name: 'sentiment: padSequences pre and post, truncating pre and post, to a tensor2d',
    run: (tf) => [padSequences(REVIEWS, 4), padSequences(REVIEWS, 4, 'post', 'post'), tf.tensor2d(padSequences(REVIEWS, 3, 'pre', 'post', 0))],
  },
  ...['flatten', 'cnn', 'simpleRNN', 'bidirectionalLSTM', 'gru'].map((modelType): Program => ({
    name: `sentiment: the '${modelType}' model: summary, adam and binaryCrossentropy with acc, fit with validationSplit, evaluate`,
    run: async (tf) => {
      const model = sentimentModel(tf, modelType);
      model.summary();
      model.compile({ loss: 'binaryCrossentropy', optimizer: tf.train.adam(0.05), metrics: ['acc'] });
      const { xs, ys } = sentimentData(tf);
      const h = await model.fit(xs, ys, { epochs: 2, batchSize: 2, validationSplit: 0.34, shuffle: false, verbose: 0 });
      return [h.history, model.evaluate(xs, ys) as Tensor[]];
    },
  })),
  {
    name: 'sentiment: predict one review\'s score with dataSync()[0], timing left out; the saved and loaded model scores the same',
    run: async (tf) => {
      const model = sentimentModel(tf, 'cnn');
      const input = tf.tensor2d(padSequences([[3, 5, 7]], MAXLEN), [1, MAXLEN]);
      const predictOut = model.predict(input) as Tensor;
      const score = predictOut.dataSync()[0];
      predictOut.dispose();
      const loaded = await roundTrip(tf, model);
      return [score, (loaded.predict(input) as Tensor).dataSync()[0], loaded.layers.map((l) => l.getClassName())];
    },
  },
];

// cart-pole: a policy network of elu layers, actions drawn with seeded multinomial, variableGrads per step,
// rewards discounted and normalized, gradients scaled and averaged, then optimizer.applyGradients.
class CartPole {
  x = 0.02; xDot = -0.01; theta = 0.03; thetaDot = 0.015;
  update(action: number): boolean {
    const force = action > 0 ? 10 : -10;
    const cosTheta = Math.cos(this.theta);
    const sinTheta = Math.sin(this.theta);
    const temp = (force + 0.05 * this.thetaDot * this.thetaDot * sinTheta) / 1.1;
    const thetaAcc = (9.8 * sinTheta - cosTheta * temp) / (0.5 * (4 / 3 - (0.1 * cosTheta * cosTheta) / 1.1));
    const xAcc = temp - (0.05 * thetaAcc * cosTheta) / 1.1;
    this.x += 0.02 * this.xDot;
    this.xDot += 0.02 * xAcc;
    this.theta += 0.02 * this.thetaDot;
    this.thetaDot += 0.02 * thetaAcc;
    return this.x < -2.4 || this.x > 2.4 || this.theta < -0.21 || this.theta > 0.21;
  }
  getStateTensor(tf: TF): Tensor2D {
    return tf.tensor2d([[this.x, this.xDot, this.theta, this.thetaDot]]);
  }
}

function discountRewards(rewards: number[], discountRate: number): number[] {
  const discounted: number[] = [];
  let prev = 0;
  for (let i = rewards.length - 1; i >= 0; --i) {
    prev = discountRate * prev + rewards[i];
    discounted.unshift(prev);
  }
  return discounted;
}

class PolicyNetwork {
  policyNet: LayersModel;
  currentActions: ArrayLike<number> = [];
  seed = 100;
  constructor(private readonly tf: TF, hiddenLayerSizesOrModel: number | number[] | LayersModel) {
    if (hiddenLayerSizesOrModel instanceof tf.LayersModel) {
      this.policyNet = hiddenLayerSizesOrModel;
      return;
    }
    const sizes = Array.isArray(hiddenLayerSizesOrModel) ? hiddenLayerSizesOrModel : [hiddenLayerSizesOrModel];
    const net = tf.sequential({ name: 'cp29_policy' });
    sizes.forEach((hiddenLayerSize, i) => {
      net.add(tf.layers.dense({ units: hiddenLayerSize, activation: 'elu', inputShape: i === 0 ? [4] : undefined, kernelInitializer: tf.initializers.glorotUniform({ seed: 90 + i }), name: `cp29_h${i}` }));
    });
    net.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 99 }), name: 'cp29_logit' }));
    this.policyNet = net;
  }
  getLogitsAndActions(inputs: Tensor): [Tensor, Tensor] {
    const tf = this.tf;
    return tf.tidy(() => {
      const logits = this.policyNet.predict(inputs) as Tensor2D;
      const leftProb = tf.sigmoid(logits);
      const leftRightProbs = tf.concat([leftProb, tf.sub(1, leftProb)], 1);
      const actions = tf.multinomial(leftRightProbs as Tensor2D, 1, this.seed++, true);
      return [logits, actions];
    });
  }
  getGradientsAndSaveActions(inputTensor: Tensor) {
    const tf = this.tf;
    const f = () => tf.tidy(() => {
      const [logits, actions] = this.getLogitsAndActions(inputTensor);
      this.currentActions = actions.dataSync();
      const labels = tf.sub(1, tf.tensor2d(this.currentActions as number[], actions.shape as [number, number]));
      return tf.losses.sigmoidCrossEntropy(labels, logits).asScalar();
    });
    return tf.variableGrads(f);
  }
  train(system: CartPole, optimizer: ReturnType<TF['train']['adam']>, discountRate: number, numGames: number, maxSteps: number): number[] {
    const tf = this.tf;
    const allGradients: Record<string, Tensor>[][] = [];
    const allRewards: number[][] = [];
    const gameSteps: number[] = [];
    for (let i = 0; i < numGames; ++i) {
      Object.assign(system, new CartPole(), { x: 0.01 * i });
      const gameRewards: number[] = [];
      const gameGradients: Record<string, Tensor>[] = [];
      for (let j = 0; j < maxSteps; ++j) {
        const gradients = tf.tidy(() => this.getGradientsAndSaveActions(system.getStateTensor(tf)).grads);
        gameGradients.push(gradients);
        const isDone = system.update(this.currentActions[0]);
        if (isDone) {
          gameRewards.push(0);
          break;
        }
        gameRewards.push(1);
      }
      gameSteps.push(gameRewards.length);
      allGradients.push(gameGradients);
      allRewards.push(gameRewards);
    }
    tf.tidy(() => {
      const discounted = allRewards.map((r) => tf.tensor1d(discountRewards(r, discountRate)));
      const concat = tf.concat(discounted);
      const mean = tf.mean(concat);
      const std = tf.sqrt(tf.mean(tf.square(concat.sub(mean))));
      const normalized = discounted.map((rs) => rs.sub(mean).div(std));
      const grads: Record<string, Tensor> = {};
      for (const varName in allGradients[0][0]) {
        grads[varName] = tf.tidy(() => {
          const varGradients = allGradients.map((g) => tf.stack(g.map((s) => s[varName])));
          const expandedDims: number[] = [];
          for (let i = 0; i < varGradients[0].rank - 1; ++i) expandedDims.push(1);
          const reshaped = normalized.map((rs) => rs.reshape([...rs.shape, ...expandedDims]));
          return tf.mean(tf.concat(varGradients.map((g, i) => g.mul(reshaped[i])), 0), 0);
        });
      }
      optimizer.applyGradients(grads);
    });
    tf.dispose(allGradients);
    return gameSteps;
  }
}

const cartPole: Program[] = [
  {
    name: 'cart-pole: discountRewards and the normalized rewards with tf.moments',
    run: (tf) => {
      const r = [discountRewards([1, 1, 1, 0], 0.95), discountRewards([1, 1], 0.95)];
      const { mean, variance } = tf.moments(tf.tensor1d(r.flat()));
      return [r, mean, variance, tf.tensor1d(r.flat()).sub(mean).div(variance.sqrt())];
    },
  },
  {
    name: 'cart-pole: getLogitsAndActions from a [4, 3]-hidden policy network, with seeded multinomial actions',
    run: (tf) => {
      const policy = new PolicyNetwork(tf, [4, 3]);
      const [logits, actions] = policy.getLogitsAndActions(tf.tensor2d([[0.1, -0.2, 0.05, 0.3], [-0.5, 0.1, 0.2, -0.1]]));
      return [logits, actions, policy.policyNet.layers.map((l) => [l.name, l.getConfig().activation as string])];
    },
  },
  {
    name: 'cart-pole: policy.train plays two short games, variableGrads through predict, applyGradients with adam',
    run: (tf) => {
      const policy = new PolicyNetwork(tf, 3);
      const optimizer = tf.train.adam(0.05);
      const before = tf.memory().numTensors;
      const steps = policy.train(new CartPole(), optimizer, 0.95, 2, 5);
      return [steps, policy.policyNet.getWeights(), tf.memory().numTensors - before];
    },
  },
  {
    name: 'cart-pole: SaveablePolicyNetwork saves, loads back as a PolicyNetwork from its LayersModel and acts the same',
    run: async (tf) => {
      const policy = new PolicyNetwork(tf, [3]);
      const loaded = new PolicyNetwork(tf, await roundTrip(tf, policy.policyNet));
      const state = tf.tensor2d([[0.2, 0.1, -0.05, 0.0]]);
      return [loaded.getLogitsAndActions(state), policy.getLogitsAndActions(state), loaded.policyNet instanceof tf.Sequential];
    },
  },
];

// snake-dqn: the deep Q-network, states as two-channel boards in a TensorBuffer, epsilon-greedy actions, the
// replay batch loss through variableGrads, and the target network's weights copied over.
const NUM_ACTIONS = 3;
type SnakeState = { s: [number, number][]; f: [number, number][] } | null;

function getStateTensor(tf: TF, state: SnakeState | SnakeState[], h: number, w: number): Tensor {
  const states = Array.isArray(state) ? state : [state];
  const buffer = tf.buffer([states.length, h, w, 2]);
  for (let n = 0; n < states.length; ++n) {
    const st = states[n];
    if (st == null) continue;
    st.s.forEach((yx, i) => buffer.set(i === 0 ? 2 : 1, n, yx[0], yx[1], 0));
    st.f.forEach((yx) => buffer.set(1, n, yx[0], yx[1], 1));
  }
  return buffer.toTensor();
}

function createDeepQNetwork(tf: TF, h: number, w: number, numActions: number, tag: string): Sequential {
  const model = tf.sequential({ name: `dqn29_${tag}` });
  model.add(tf.layers.conv2d({ filters: 3, kernelSize: 2, strides: 1, activation: 'relu', inputShape: [h, w, 2], kernelInitializer: tf.initializers.glorotUniform({ seed: 101 }), name: 'dqn29_c1' }));
  model.add(tf.layers.batchNormalization({ name: 'dqn29_bn1' }));
  model.add(tf.layers.conv2d({ filters: 2, kernelSize: 2, strides: 1, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 102 }), name: 'dqn29_c2' }));
  model.add(tf.layers.flatten({ name: 'dqn29_flat' }));
  model.add(tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 103 }), name: 'dqn29_d1' }));
  model.add(tf.layers.dropout({ rate: 0.25, seed: 104, name: 'dqn29_drop' }));
  model.add(tf.layers.dense({ units: numActions, kernelInitializer: tf.initializers.glorotUniform({ seed: 105 }), name: 'dqn29_q' }));
  return model;
}

function copyWeights(destNetwork: LayersModel, srcNetwork: LayersModel): void {
  let originalDestNetworkTrainable: boolean | null = null;
  if (destNetwork.trainable !== srcNetwork.trainable) {
    originalDestNetworkTrainable = destNetwork.trainable;
    destNetwork.trainable = srcNetwork.trainable;
  }
  destNetwork.setWeights(srcNetwork.getWeights());
  if (originalDestNetworkTrainable != null) destNetwork.trainable = originalDestNetworkTrainable;
}

const SNAKE_STATES: SnakeState[] = [
  { s: [[1, 1], [1, 2]], f: [[3, 3]] }, { s: [[2, 2], [2, 1], [3, 1]], f: [[0, 3]] }, { s: [[0, 0]], f: [[2, 3], [3, 0]] }, null,
];

const snake: Program[] = [
  {
    name: 'snake-dqn: getStateTensor marks the head 2, the body 1 and the fruit in channel 1; a null state stays zeros',
    run: (tf) => {
      const t = getStateTensor(tf, SNAKE_STATES, 4, 4);
      return [t.shape, t.sum([1, 2]), t.slice([1, 0, 0, 0], [1, 4, 4, 1]).reshape([4, 4]), getStateTensor(tf, SNAKE_STATES[0], 4, 4).shape];
    },
  },
  {
    name: 'snake-dqn: createDeepQNetwork summary, and the epsilon-greedy action from predict(...).argMax(-1) in a tidy',
    run: (tf) => {
      const online = createDeepQNetwork(tf, 4, 4, NUM_ACTIONS, 'online');
      online.summary();
      const actions = SNAKE_STATES.map((st) => tf.tidy(() => (online.predict(getStateTensor(tf, st, 4, 4)) as Tensor).argMax(-1).dataSync()[0]));
      return [actions, online.predict(getStateTensor(tf, SNAKE_STATES, 4, 4)) as Tensor];
    },
  },
  {
    name: 'snake-dqn: trainOnReplayBatch: apply with training true, oneHot action mask, target max Q, done mask, meanSquaredError, variableGrads',
    run: (tf) => {
      const online = createDeepQNetwork(tf, 4, 4, NUM_ACTIONS, 'online');
      const target = createDeepQNetwork(tf, 4, 4, NUM_ACTIONS, 'target');
      target.trainable = false;
      const optimizer = tf.train.adam(0.01);
      const batch: [SnakeState, number, number, boolean, SnakeState][] = [
        [SNAKE_STATES[0], 0, 1, false, SNAKE_STATES[1]], [SNAKE_STATES[1], 2, -1, true, SNAKE_STATES[3]], [SNAKE_STATES[2], 1, 0.5, false, SNAKE_STATES[0]],
      ];
      const gamma = 0.9;
      const lossFunction = () => tf.tidy(() => {
        const stateTensor = getStateTensor(tf, batch.map((e) => e[0]), 4, 4);
        const actionTensor = tf.tensor1d(batch.map((e) => e[1]), 'int32');
        const qs = (online.apply(stateTensor, { training: true }) as Tensor).mul(tf.oneHot(actionTensor, NUM_ACTIONS)).sum(-1);
        const rewardTensor = tf.tensor1d(batch.map((e) => e[2]));
        const nextStateTensor = getStateTensor(tf, batch.map((e) => e[4]), 4, 4);
        const nextMaxQTensor = (target.predict(nextStateTensor) as Tensor).max(-1);
        const doneMask = tf.scalar(1).sub(tf.tensor1d(batch.map((e) => (e[3] ? 1 : 0))).asType('float32'));
        const targetQs = rewardTensor.add(nextMaxQTensor.mul(doneMask).mul(gamma));
        return tf.losses.meanSquaredError(targetQs, qs) as Scalar;
      });
      const losses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const grads = tf.variableGrads(lossFunction);
        losses.push(grads.value.dataSync()[0]);
        optimizer.applyGradients(grads.grads);
        tf.dispose(grads);
      }
      return [losses, Object.keys(tf.variableGrads(lossFunction).grads).length, online.getLayer('dqn29_bn1').getWeights()];
    },
  },
  {
    name: 'snake-dqn: copyWeights to the frozen target network toggles trainable around setWeights; both then predict the same',
    run: (tf) => {
      const online = createDeepQNetwork(tf, 4, 4, NUM_ACTIONS, 'online');
      const target = createDeepQNetwork(tf, 4, 4, NUM_ACTIONS, 'target');
      online.layers[0].setWeights([online.layers[0].getWeights()[0].mul(2), tf.fill([3], 0.1)]);
      target.trainable = false;
      copyWeights(target, online);
      const s = getStateTensor(tf, SNAKE_STATES.slice(0, 3), 4, 4);
      return [target.trainable, target.trainableWeights.length, online.trainableWeights.length, target.predict(s) as Tensor, online.predict(s) as Tensor];
    },
  },
];

// simple-object-detection: a loss that weighs the shape column by LABEL_MULTIPLIER, fit, fine-tune, predict.
const CANVAS_SIZE = 4;
const LABEL_MULTIPLIER = [CANVAS_SIZE, 1, 1, 1, 1];

function detectionLoss(tf: TF) {
  return (yTrue: Tensor, yPred: Tensor) => tf.tidy(() => tf.metrics.meanSquaredError(yTrue.mul(LABEL_MULTIPLIER), yPred));
}

function detectionModel(tf: TF): [LayersModel, LayersModel] {
  const base = tf.sequential({ name: 'sod29_base', layers: [
    tf.layers.conv2d({ filters: 2, kernelSize: 2, activation: 'relu', inputShape: [4, 4, 1], kernelInitializer: tf.initializers.glorotUniform({ seed: 111 }), name: 'sod29_conv' }),
    tf.layers.maxPooling2d({ poolSize: 2, name: 'sod29_pool' }),
  ] });
  for (const layer of base.layers) layer.trainable = false;
  const head = tf.sequential({ name: 'sod29_head', layers: [
    tf.layers.flatten({ inputShape: base.outputs[0].shape.slice(1) as number[], name: 'sod29_flat' }),
    tf.layers.dense({ units: 5, kernelInitializer: tf.initializers.glorotUniform({ seed: 112 }), name: 'sod29_out' }),
  ] });
  const newOutput = head.apply(base.outputs[0]) as SymbolicTensor;
  return [tf.model({ inputs: base.inputs, outputs: newOutput, name: 'sod29' }), base];
}

const detection: Program[] = [
  {
    name: 'simple-object-detection: customLossFunction multiplies yTrue by a plain array (LABEL_MULTIPLIER) before meanSquaredError',
    run: (tf) => {
      const yTrue = tf.tensor2d([[1, 0.1, 0.2, 0.6, 0.9], [0, 0.4, 0.3, 0.8, 0.5]]);
      const yPred = tf.tensor2d([[3, 0.2, 0.2, 0.5, 1], [0.5, 0.3, 0.3, 0.9, 0.4]]);
      return [detectionLoss(tf)(yTrue, yPred), yTrue.mul(LABEL_MULTIPLIER)];
    },
  },
  {
    name: 'simple-object-detection: compile with the loss function, fit the head, unfreeze and recompile, fit again; predict().data() read as class and box',
    run: async (tf) => {
      const [model, base] = detectionModel(tf);
      model.compile({ loss: detectionLoss(tf), optimizer: tf.train.rmsprop(5e-3) });
      const xs = tf.tensor4d(wave(3 * 16, 0.3).map(Math.abs), [3, 4, 4, 1]);
      const ys = tf.tensor2d([[1, 0.1, 0.2, 0.6, 0.9], [0, 0.4, 0.3, 0.8, 0.5], [1, 0.2, 0.1, 0.5, 0.5]]);
      const trainableBefore = model.trainableWeights.length;
      const h1 = await model.fit(xs, ys, { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 });
      for (const layer of base.layers) layer.trainable = true;
      model.compile({ loss: detectionLoss(tf), optimizer: tf.train.rmsprop(2e-3) });
      const h2 = await model.fit(xs, ys, { epochs: 1, batchSize: 3, verbose: 0 });
      const modelOut = await (model.predict(xs.slice([0, 0, 0, 0], [1, 4, 4, 1])) as Tensor).data();
      const shapeClass = modelOut[0] > 0 ? 'rectangle' : 'triangle';
      return [trainableBefore, model.trainableWeights.length, h1.history.loss, h2.history.loss, shapeClass, Array.from(modelOut.slice(1))];
    },
  },
];

// quantization: uint8 weight quantization as the converter does it (min and scale per weight), then the housing
// model's MAE and the classifier's accuracy before and after.
function quantizeWeights(tf: TF, model: LayersModel) {
  const weights = model.getWeights();
  const dequantized = weights.map((w) => tf.tidy(() => {
    const min = w.min();
    const scale = w.max().sub(min).div(255);
    const safeScale = tf.where(scale.equal(0), tf.onesLike(scale), scale);
    const q = w.sub(min).div(safeScale).round().clipByValue(0, 255).asType('int32');
    return q.asType('float32').mul(safeScale).add(min);
  }));
  model.setWeights(dequantized);
  return weights;
}

const quantization: Program[] = [
  {
    name: 'quantization: the housing MLP trained with adam and earlyStopping, MAE by tf.metrics.meanAbsoluteError before and after 8-bit weights',
    run: async (tf) => {
      const { features, target } = housing(tf);
      const model = tf.sequential({ name: 'q29_housing', layers: [
        tf.layers.dense({ units: 6, activation: 'relu', inputShape: [4], kernelInitializer: tf.initializers.glorotUniform({ seed: 121 }), name: 'q29_h1' }),
        tf.layers.dense({ units: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 122 }), name: 'q29_h2' }),
        tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 123 }), name: 'q29_o' }),
      ] });
      model.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(0.05) });
      const h = await model.fit(features, target.div(10), { batchSize: 5, epochs: 4, validationSplit: 0.2, shuffle: false, verbose: 0, callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 1 })] });
      const mae = () => tf.metrics.meanAbsoluteError(target.div(10), model.predict(features) as Tensor).mean().dataSync()[0];
      const before = mae();
      const original = quantizeWeights(tf, model);
      return [h.epoch, h.history, before, mae(), original.map((w) => w.shape)];
    },
  },
  {
    name: 'quantization: a weight tensor quantized to uint8 and back differs by at most scale / 2',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], kernelInitializer: tf.initializers.randomNormal({ seed: 124 }), name: 'q29_d' })] });
      const [kernel] = quantizeWeights(tf, model);
      const after = model.getWeights()[0];
      const scale = kernel.max().sub(kernel.min()).div(255);
      return [after, after.sub(kernel).abs().max().lessEqual(scale.div(2).add(1e-6)), model.getWeights()[1]];
    },
  },
  {
    name: 'quantization: the mnist classifier\'s accuracy by tf.metrics.categoricalAccuracy, before and after 8-bit weights',
    run: (tf) => {
      const model = createDenseModel(tf);
      const { xs, ys } = images4d(tf, 6);
      const acc = () => tf.metrics.categoricalAccuracy(ys, model.predict(xs) as Tensor).mean().dataSync()[0];
      const before = [acc(), (model.predict(xs) as Tensor).argMax(-1)];
      quantizeWeights(tf, model);
      return [before, acc(), (model.predict(xs) as Tensor).argMax(-1)];
    },
  },
];

// data-csv: a CSV dataset with a label column, rows flattened with Object.values, batched, fitDataset.
const HOUSING_CSV = 'crim,rm,age,medv\n0.1,6.5,65,24\n0.03,7.2,79,21.6\n0.02,7.1,61,34.7\n0.06,7.0,45,33.4\n0.07,6.4,54,36.2\n0.03,6.0,58,28.7\n';
const csvUrl = `data:text/csv;charset=utf-8,${encodeURIComponent(HOUSING_CSV)}`;

const dataCsv: Program[] = [
  {
    name: 'data-csv: columnNames, the first rows with take(2).toArray(), and forEachAsync over a label-configured csv',
    run: async (tf) => {
      const csvDataset = tf.data.csv(csvUrl, { columnConfigs: { medv: { isLabel: true } } });
      const columnNames = await csvDataset.columnNames();
      const firstRows = await csvDataset.take(2).toArray();
      const seen: unknown[] = [];
      await csvDataset.forEachAsync((row) => { seen.push(row); });
      return [columnNames, firstRows, seen.length, seen[5]];
    },
  },
  {
    name: 'data-csv: map({xs, ys}) to Object.values arrays, batch(2), fitDataset with an onEpochEnd reading logs.loss',
    run: async (tf) => {
      const csvDataset = tf.data.csv(csvUrl, { columnConfigs: { medv: { isLabel: true } } });
      const numOfFeatures = (await csvDataset.columnNames()).length - 1;
      const flattenedDataset = csvDataset.map((row) => {
        const { xs, ys } = row as { xs: Record<string, number>; ys: Record<string, number> };
        return { xs: Object.values(xs), ys: Object.values(ys) };
      }).batch(2);
      const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [numOfFeatures], units: 1, kernelInitializer: 'zeros', name: 'csv29_d' })] });
      model.compile({ optimizer: tf.train.sgd(0.00001), loss: 'meanSquaredError' });
      const losses: string[] = [];
      await model.fitDataset(flattenedDataset, { epochs: 3, callbacks: { onEpochEnd: async (epoch, logs) => { losses.push(`Epoch ${epoch}: loss = ${(logs?.loss as number).toFixed(3)}`); } } });
      return [numOfFeatures, losses, model.getWeights()];
    },
  },
  {
    name: 'data-csv: configuredColumnsOnly with dtypes, and a column missing from the header is refused',
    run: async (tf) => {
      const ds = tf.data.csv(csvUrl, { configuredColumnsOnly: true, columnConfigs: { rm: {}, age: { dtype: 'int32' }, medv: { isLabel: true } } });
      const rows = await ds.take(2).toArray();
      let refused: unknown = 'no error';
      try {
        await tf.data.csv(csvUrl, { columnConfigs: { price: { isLabel: true } } }).take(1).toArray();
      } catch {
        refused = 'threw';
      }
      return [rows, refused];
    },
  },
];

// jena-weather: windows of a weather table from an iterator object ({next}), fed to tf.data.generator;
// the linear, MLP (l2, dropout), simpleRNN and GRU models; the commonsense baseline.
const WEATHER = Array.from({ length: 3 }, (_, col) => Array.from({ length: 30 }, (_, r) => Math.sin(r * 0.4 + col) * (col + 1)));

function getNextBatchFunction(tf: TF, lookBack: number, delay: number, batchSize: number, step: number, minIndex: number, maxIndex: number) {
  let startIndex = minIndex + lookBack;
  const lookBackSlices = Math.floor(lookBack / step);
  return {
    next: () => {
      const rowIndices: number[] = [];
      let done = false;
      let r = startIndex;
      for (; r < startIndex + batchSize && r < maxIndex; ++r) rowIndices.push(r);
      if (r >= maxIndex) done = true;
      const numExamples = rowIndices.length;
      startIndex += numExamples;
      const samples = tf.buffer([numExamples, lookBackSlices, WEATHER.length]);
      const targets = tf.buffer([numExamples, 1]);
      for (let j = 0; j < numExamples; ++j) {
        const rowIndex = rowIndices[j];
        let exampleRow = 0;
        for (let k = rowIndex - lookBack; k < rowIndex; k += step) {
          for (let n = 0; n < WEATHER.length; ++n) samples.set(WEATHER[n][k], j, exampleRow, n);
          exampleRow++;
        }
        targets.set(WEATHER[1][rowIndex + delay], j, 0);
      }
      return { value: { xs: samples.toTensor(), ys: targets.toTensor() }, done };
    },
  };
}

const weatherDataset = (tf: TF, minIndex: number, maxIndex: number) =>
  tf.data.generator(() => getNextBatchFunction(tf, 6, 1, 4, 2, minIndex, maxIndex) as unknown as Iterator<{ xs: Tensor; ys: Tensor }>);

function weatherModel(tf: TF, kind: string): Sequential {
  const inputShape = [3, 3];
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({ name: `jw29_${kind}` });
  if (kind === 'linear-regression' || kind === 'mlp-l2') {
    model.add(tf.layers.flatten({ inputShape, name: 'jw29_flat' }));
    if (kind === 'mlp-l2') {
      model.add(tf.layers.dense({ units: 4, kernelRegularizer: tf.regularizers.l2(), activation: 'relu', kernelInitializer: init(131), name: 'jw29_h' }));
      model.add(tf.layers.dropout({ rate: 0.25, seed: 132, name: 'jw29_drop' }));
    }
  } else if (kind === 'simpleRNN') {
    model.add(tf.layers.simpleRNN({ units: 3, inputShape, kernelInitializer: init(133), recurrentInitializer: tf.initializers.orthogonal({ seed: 134 }), name: 'jw29_rnn' }));
  } else {
    model.add(tf.layers.gru({ units: 3, inputShape, kernelInitializer: init(135), recurrentInitializer: tf.initializers.orthogonal({ seed: 136 }), name: 'jw29_gru' }));
  }
  model.add(tf.layers.dense({ units: 1, kernelInitializer: init(137), name: 'jw29_out' }));
  return model;
}

const jena: Program[] = [
  {
    name: 'jena-weather: tf.data.generator over a {next} iterator object; the batch marked done is dropped',
    run: async (tf) => {
      const batches = await weatherDataset(tf, 0, 20).toArray();
      return batches.map((b) => [b.xs.shape, b.ys.arraySync()]);
    },
  },
  {
    name: 'jena-weather: commonsense baseline (predict the last temperature) as the mean absolute error over the batches',
    run: async (tf) => {
      let sum = 0;
      let n = 0;
      await weatherDataset(tf, 0, 24).forEachAsync(({ xs, ys }) => {
        const lastTemp = xs.slice([0, xs.shape[1] as number - 1, 1], [xs.shape[0] as number, 1, 1]).reshape([xs.shape[0] as number, 1]);
        sum += tf.abs(lastTemp.sub(ys)).sum().dataSync()[0];
        n += ys.shape[0] as number;
      });
      return [n, Number((sum / n).toFixed(5))];
    },
  },
  ...['linear-regression', 'mlp-l2', 'simpleRNN', 'gru'].map((kind): Program => ({
    name: `jena-weather: the '${kind}' model compiled with rmsprop and meanAbsoluteError, fitDataset with batchesPerEpoch and validationData`,
    run: async (tf) => {
      const model = weatherModel(tf, kind);
      model.summary();
      model.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'meanAbsoluteError' });
      const logs: unknown[] = [];
      const h = await model.fitDataset(weatherDataset(tf, 0, 30).repeat(), {
        batchesPerEpoch: 3, epochs: 2, validationData: weatherDataset(tf, 10, 26),
        callbacks: { onBatchEnd: async (batch, l) => { logs.push([batch, round(l)]); }, onEpochEnd: async (epoch, l) => { logs.push([epoch, round(l)]); } },
      });
      return [logs, h.history, h.epoch];
    },
  })),
];

// mnist-node: the example's convnet (two conv blocks, dropouts, dense), rmsprop, validationSplit, the printed result.
function mnistNodeModel(tf: TF): Sequential {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({ name: 'mn29' });
  model.add(tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 2, kernelSize: 3, activation: 'relu', kernelInitializer: init(141), name: 'mn29_c1' }));
  model.add(tf.layers.conv2d({ filters: 2, kernelSize: 3, activation: 'relu', kernelInitializer: init(142), name: 'mn29_c2' }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], name: 'mn29_p1' }));
  model.add(tf.layers.flatten({ name: 'mn29_flat' }));
  model.add(tf.layers.dropout({ rate: 0.25, seed: 143, name: 'mn29_d1' }));
  model.add(tf.layers.dense({ units: 5, activation: 'relu', kernelInitializer: init(144), name: 'mn29_dense' }));
  model.add(tf.layers.dropout({ rate: 0.5, seed: 145, name: 'mn29_d2' }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init(146), name: 'mn29_out' }));
  model.compile({ optimizer: 'rmsprop', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

const mnistNode: Program[] = [
  {
    name: 'mnist-node: fit with validationSplit 0.15 and an onBatchEnd that awaits; evaluate printed with toFixed(3)',
    run: async (tf) => {
      const model = mnistNodeModel(tf);
      const { xs, ys } = images4d(tf, 8);
      const sizes: unknown[] = [];
      await model.fit(xs, ys, { epochs: 2, batchSize: 3, validationSplit: 0.15, shuffle: false, callbacks: { onBatchEnd: async (_b, logs) => { sizes.push(logs?.size); await tf.nextFrame(); } } });
      const evalOutput = model.evaluate(xs, ys) as Tensor[];
      console.log(`\nEvaluation result:\n  Loss = ${evalOutput[0].dataSync()[0].toFixed(3)}; Accuracy = ${evalOutput[1].dataSync()[0].toFixed(3)}`);
      return sizes;
    },
  },
  {
    name: 'mnist-node: model.save to a handler gets the artifacts; their weightSpecs and topology list the example\'s layers',
    run: async (tf) => {
      const model = mnistNodeModel(tf);
      const artifacts = await saveToMemory(tf, model);
      const topology = artifacts.modelTopology as { class_name: string; config: { name: string; layers: { class_name: string }[] } };
      return [topology.class_name, topology.config.name, topology.config.layers.map((l) => l.class_name), artifacts.weightSpecs?.map((w) => [w.name, w.shape, w.dtype]), (artifacts.weightData as ArrayBuffer).byteLength, artifacts.format, typeof artifacts.generatedBy, artifacts.convertedBy];
    },
  },
];

// What the examples do around training: callbacks (earlyStopping, Callback subclasses, CustomCallback), history
// objects, learning-rate changes between epochs, custom losses and metrics by function, and fit's shuffling.

/** Runs body with Math.random replaced by a seeded generator, so shuffles (tf.util.shuffle, fit's) repeat. */
async function withSeededMathRandom<R>(seed: number, body: () => R | Promise<R>): Promise<R> {
  const real = Math.random;
  let state = seed;
  Math.random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  try {
    return await body();
  } finally {
    Math.random = real;
  }
}

function smallRegression(tf: TF, name: string, metrics?: string[]): Sequential {
  const model = tf.sequential({ name, layers: [
    tf.layers.dense({ units: 3, activation: 'tanh', inputShape: [2], kernelInitializer: tf.initializers.glorotUniform({ seed: 151 }), name: `${name}_h` }),
    tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 152 }), name: `${name}_o` }),
  ] });
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', metrics });
  return model;
}

const regXs = (tf: TF, n = 8) => grid(tf, n, 2, 0.5);
const regYs = (tf: TF, n = 8) => tf.tensor2d(Array.from({ length: n }, (_, i) => [Math.cos(i) * 0.8]));
const clsYs = (tf: TF, n = 8) => tf.tensor2d(Array.from({ length: n }, (_, i) => [i % 2]));

const training: Program[] = [
  {
    name: 'tf.util.shuffle, shuffleCombo and createShuffledIndices under a seeded Math.random (mnist data.js\'s indices)',
    run: (tf) => withSeededMathRandom(11, () => {
      const a = [1, 2, 3, 4, 5, 6, 7];
      tf.util.shuffle(a);
      const [b, c] = [['a', 'b', 'c', 'd'], [10, 20, 30, 40]];
      tf.util.shuffleCombo(b, c);
      const idx = tf.util.createShuffledIndices(6);
      const f = new Float32Array([0.5, 1.5, 2.5]);
      tf.util.shuffle(f);
      return [a, b, c, idx, f];
    }),
  },
  {
    name: 'tf.callbacks.earlyStopping on val_loss with patience 1: the epochs run and the history kept',
    run: async (tf) => {
      const model = smallRegression(tf, 'es29a');
      const xs = regXs(tf, 10);
      const ys = regYs(tf, 10);
      model.compile({ optimizer: tf.train.sgd(2.5), loss: 'meanSquaredError' });
      const h = await model.fit(xs, ys, { epochs: 10, batchSize: 5, validationData: [xs.slice(0, 4), ys.slice(0, 4).mul(-1)], shuffle: false, verbose: 0, callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 1 }) });
      return [h.epoch, h.history];
    },
  },
  {
    name: 'earlyStopping on acc with mode max and a baseline that training never reaches stops after patience epochs',
    run: async (tf) => {
      const model = smallRegression(tf, 'es29b', ['acc']);
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'binaryCrossentropy', metrics: ['acc'] });
      model.layers[1].setWeights([tf.fill([3, 1], 0.1), tf.zeros([1])]);
      const last = model.layers[1];
      const h = await model.fit(regXs(tf), clsYs(tf), { epochs: 8, batchSize: 8, verbose: 0, callbacks: [tf.callbacks.earlyStopping({ monitor: 'acc', mode: 'max', baseline: 0.99, patience: 2 })] });
      return [h.epoch, h.history.acc, last.name];
    },
  },
  {
    name: 'earlyStopping with minDelta: improvements smaller than it count as none',
    run: async (tf) => {
      const model = smallRegression(tf, 'es29c');
      model.compile({ optimizer: tf.train.sgd(0.001), loss: 'meanSquaredError' });
      const h = await model.fit(regXs(tf), regYs(tf), { epochs: 8, batchSize: 8, verbose: 0, callbacks: [tf.callbacks.earlyStopping({ monitor: 'loss', minDelta: 0.5, patience: 2 })] });
      return [h.epoch, h.history.loss.length];
    },
  },
  {
    name: 'earlyStopping on a monitor that the logs never hold (val_acc without validation) warns and runs on',
    run: async (tf) => {
      const model = smallRegression(tf, 'es29d');
      const warn = console.warn;
      const warned: string[] = [];
      console.warn = (...args: unknown[]) => { warned.push(args.map(String).join(' ')); };
      try {
        const h = await model.fit(regXs(tf), regYs(tf), { epochs: 3, batchSize: 8, verbose: 0, callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_acc' })] });
        return [h.epoch, warned.length > 0];
      } finally {
        console.warn = warn;
      }
    },
  },
  {
    name: 'a tf.Callback subclass stops after a number of epochs set in its constructor; this.params as it sees them in onTrainBegin',
    run: async (tf) => {
      const seen: unknown[] = [];
      class StopAfter extends tf.Callback {
        constructor(private readonly maxEpochs: number) { super(); }
        override async onTrainBegin() {
          seen.push(this.params);
        }
        override async onEpochEnd(epoch: number) {
          seen.push(epoch);
          if (epoch + 1 >= this.maxEpochs) this.model.stopTraining = true;
        }
      }
      const model = smallRegression(tf, 'cb29a');
      const h = await model.fit(regXs(tf), regYs(tf), { epochs: 20, batchSize: 4, shuffle: false, verbose: 0, callbacks: [new StopAfter(3)] });
      return [seen, h.epoch, h.history, h.params];
    },
  },
  {
    name: 'new tf.CustomCallback({onEpochEnd, onTrainEnd}) in a list with earlyStopping; onBatchEnd stopping mid-epoch',
    run: async (tf) => {
      const events: unknown[] = [];
      const custom = new tf.CustomCallback({ onEpochEnd: async (epoch, logs) => { events.push(['epoch', epoch, round(logs)]); }, onTrainEnd: async () => { events.push('end'); } });
      const model = smallRegression(tf, 'cb29b');
      await model.fit(regXs(tf), regYs(tf), { epochs: 3, batchSize: 4, shuffle: false, verbose: 0, callbacks: [custom, tf.callbacks.earlyStopping({ monitor: 'loss', patience: 5 })] });
      const stopping = smallRegression(tf, 'cb29c');
      const h = await stopping.fit(regXs(tf), regYs(tf), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, callbacks: { onBatchEnd: async (batch) => { if (batch === 1) stopping.stopTraining = true; } } });
      return [events, h.epoch, h.history, stopping.getWeights()[3]];
    },
  },
  {
    name: 'a learning-rate schedule: onEpochEnd sets model.optimizer.learningRate; sgd then adam read it on the next step',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const optimizer of [tf.train.sgd(0.2), tf.train.adam(0.1)]) {
        const model = smallRegression(tf, 'lr29');
        model.compile({ optimizer, loss: 'meanSquaredError' });
        const rates: number[] = [];
        const h = await model.fit(regXs(tf), regYs(tf), { epochs: 3, batchSize: 8, shuffle: false, verbose: 0, callbacks: { onEpochEnd: async () => {
          const opt = model.optimizer as unknown as { learningRate: number };
          opt.learningRate *= 0.5;
          rates.push(opt.learningRate);
        } } });
        out.push([rates, h.history.loss, model.getWeights()[3]]);
      }
      return out;
    },
  },
  {
    name: 'history of a fit with validationData and metrics [\'mae\', \'mse\', \'acc\']: its keys, val_ keys and the epoch list',
    run: async (tf) => {
      const model = smallRegression(tf, 'hi29', ['mae', 'mse', 'acc']);
      const xs = regXs(tf);
      const ys = clsYs(tf);
      const h = await model.fit(xs, ys, { epochs: 2, batchSize: 4, shuffle: false, verbose: 0, validationData: [xs, ys] });
      return [Object.keys(h.history), h.epoch, h.history, h.params, typeof h.validationData];
    },
  },
  {
    name: 'compile with a loss function and a metric function of the user\'s own: the logs name them by the function name',
    run: async (tf) => {
      const model = smallRegression(tf, 'cl29');
      function huberish(yTrue: Tensor, yPred: Tensor): Tensor {
        return tf.losses.huberLoss(yTrue, yPred, undefined, 0.5, tf.Reduction.NONE).mean(-1);
      }
      const maxError = (yTrue: Tensor, yPred: Tensor) => yTrue.sub(yPred).abs().max(-1);
      model.compile({ optimizer: tf.train.sgd(0.1), loss: huberish, metrics: [maxError] });
      const h = await model.fit(regXs(tf), regYs(tf), { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
      return [Object.keys(h.history), h.history, model.evaluate(regXs(tf), regYs(tf)) as Tensor[], model.metricsNames];
    },
  },
  {
    name: 'fit with yieldEvery \'never\' and \'batch\', and an onYield hook: the same weights either way',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const yieldEvery of ['never', 'batch', 'epoch'] as const) {
        const model = smallRegression(tf, 'ye29');
        let yields = 0;
        await model.fit(regXs(tf), regYs(tf), { epochs: 2, batchSize: 4, shuffle: false, verbose: 0, yieldEvery, callbacks: { onYield: async () => { yields++; } } });
        out.push([yieldEvery, yields > 0, model.getWeights()[3]]);
      }
      return out;
    },
  },
  {
    name: 'trainOnBatch in a loop (mnist-acgan\'s style) returns the loss, or [loss, metric] with metrics; history is not kept',
    run: async (tf) => {
      const model = smallRegression(tf, 'tb29');
      const plain: unknown[] = [];
      for (let i = 0; i < 3; i++) plain.push(await model.trainOnBatch(regXs(tf, 4), regYs(tf, 4)));
      const withMetric = smallRegression(tf, 'tb29m', ['mae']);
      const both = await withMetric.trainOnBatch(regXs(tf, 4), regYs(tf, 4));
      return [plain, both, model.predictOnBatch(regXs(tf, 2)) as Tensor];
    },
  },
];

// tf.customGrad, tf.variableGrads with a list, and the tf.util helpers the examples call.
const grads: Program[] = [
  {
    name: 'tf.customGrad as the guide writes it: value x^2, gradient dy * |x| from the saved input; grad and valueAndGrad',
    run: (tf) => {
      const customOp = tf.customGrad((x, save) => {
        const xt = x as Tensor;
        (save as GradSaveFunc)([xt]);
        return { value: xt.square(), gradFunc: (dy, saved) => [(dy as Tensor).mul(saved[0].abs())] };
      });
      const x = tf.tensor1d([-3, -2, -1, 0, 1, 2, 3]);
      const dx = tf.grad((t) => customOp(t) as Tensor)(x);
      const { value, grad } = tf.valueAndGrad((t) => (customOp(t) as Tensor).sum())(x);
      return [customOp(x) as Tensor, dx, value, grad];
    },
  },
  {
    name: 'a straight-through round with tf.customGrad in quantization-aware training: minimize moves the weights though round has no gradient',
    run: (tf) => {
      const roundSTE = tf.customGrad((x) => ({ value: (x as Tensor).mul(4).round().div(4), gradFunc: (dy) => dy as Tensor }));
      const w = tf.variable(tf.tensor1d([0.3, -0.6, 0.9]), true, 'qat29_w');
      const xs = grid(tf, 5, 3, 0.9);
      const ys = tf.tensor1d([0.5, -0.2, 0.1, 0.4, -0.3]);
      const optimizer = tf.train.sgd(0.2);
      const costs = Array.from({ length: 4 }, () => (optimizer.minimize(() => xs.matMul((roundSTE(w) as Tensor).reshape([3, 1])).reshape([5]).sub(ys).square().mean() as Scalar, true, [w]) as Scalar).dataSync()[0]);
      return [costs, w, roundSTE(w) as Tensor, tf.grad((t) => t.round().sum())(w)];
    },
  },
  {
    name: 'tf.customGrad with two inputs: the gradient as clipped per input, through a training step',
    run: (tf) => {
      const clippedMul = tf.customGrad((a, b, save) => {
        const [at, bt] = [a as Tensor, b as Tensor];
        (save as GradSaveFunc)([at, bt]);
        return { value: at.mul(bt), gradFunc: (dy, saved) => [(dy as Tensor).mul(saved[1]).clipByValue(-0.5, 0.5), (dy as Tensor).mul(saved[0]).clipByValue(-0.5, 0.5)] };
      }) as unknown as (a: Tensor, b: Tensor) => Tensor;
      const a = tf.tensor1d([1, -2, 3]);
      const b = tf.tensor1d([0.1, 2, -4]);
      const [ga, gb] = tf.grads((x, y) => clippedMul(x, y).sum())([a, b]);
      return [clippedMul(a, b), ga, gb];
    },
  },
  {
    name: 'tf.variableGrads with an explicit varList takes only those variables; a variable made untrainable is left out',
    run: (tf) => {
      const w1 = tf.variable(tf.tensor1d([1, 2]), true, 'vg29_w1');
      const w2 = tf.variable(tf.tensor1d([3, -1]), true, 'vg29_w2');
      const w3 = tf.variable(tf.tensor1d([0.5, 0.5]), false, 'vg29_w3');
      const f = () => w1.mul(w2).add(w3.square()).sum() as Scalar;
      const all = tf.variableGrads(f);
      const some = tf.variableGrads(f, [w2]);
      return [Object.keys(all.grads).sort(), all.value, Object.keys(some.grads), some.grads['vg29_w2'], all.grads['vg29_w1']];
    },
  },
  {
    name: 'tf.util helpers of the examples: sizeFromShape, flatten, arraysEqual, assertShapesMatch, encodeString/decodeString, inferDtype',
    run: (tf) => {
      const bytes = tf.util.encodeString('jena ✓');
      return [
        tf.util.sizeFromShape([2, 3, 4]), tf.util.sizeFromShape([]), tf.util.flatten([[1, [2, 3]], [4]]), tf.util.arraysEqual([1, 2], [1, 2]), tf.util.arraysEqual([1, 2], [2, 1]),
        attempt(() => tf.util.assertShapesMatch([2, 3], [3, 2], 'shapes: ')), Array.from(bytes), tf.util.decodeString(bytes), tf.util.inferDtype([1, 2]), tf.util.inferDtype([true]), tf.util.inferDtype(['a']),
        tf.util.isTypedArray(new Float32Array(2)), tf.util.isTypedArray([1]), tf.util.toNestedArray([2, 2], [1, 2, 3, 4]),
      ];
    },
  },
  {
    name: 'tf.util.assert with a message function passes silently or throws that message (the examples\' argument checks)',
    run: (tf) => {
      const assert: (expr: boolean, msg: () => string) => void = tf.util.assert;
      const check = (inputShape: number[][]) => {
        assert(inputShape.length === 2 && Array.isArray(inputShape[0]), () => `Expected exactly 2 input shapes. But got: ${inputShape}`);
        return inputShape[0];
      };
      let message = '';
      try { check([[1, 2]]); } catch (e) { message = (e as Error).message; }
      return [check([[1, 2], [1, 2]]), message];
    },
  },
];

// custom-layer: a layer of the user's own with a config option, computeOutputShape, getConfig and a static className.
function makeTimesTwoPlus(tf: TF) {
  class TimesTwoPlus extends tf.layers.Layer {
    static className = 'TimesTwoPlus29';
    readonly offset: number;
    constructor(config: LayerArgs & { offset?: number }) {
      super(config);
      this.offset = config.offset ?? 1;
    }
    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      const s = inputShape as Shape;
      return [...s.slice(0, -1), (s[s.length - 1] as number) * 2];
    }
    override call(inputs: Tensor | Tensor[]): Tensor {
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0] : inputs;
        return tf.concat([x.mul(2), x.add(this.offset)], -1);
      });
    }
    override getConfig() {
      return { ...super.getConfig(), offset: this.offset };
    }
  }
  tf.serialization.registerClass(TimesTwoPlus);
  return TimesTwoPlus;
}

const customLayer: Program[] = [
  {
    name: 'custom-layer: a config option, computeOutputShape doubling the last dim, in a convnet: summary, predict, fit',
    run: async (tf) => {
      const TimesTwoPlus = makeTimesTwoPlus(tf);
      const model = tf.sequential({ name: 'cl29_model' });
      model.add(tf.layers.conv2d({ inputShape: [5, 5, 1], filters: 2, kernelSize: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 161 }), name: 'cl29_conv' }));
      model.add(new TimesTwoPlus({ offset: 0.5, name: 'cl29_ttp' }));
      model.add(tf.layers.flatten({ name: 'cl29_flat' }));
      model.add(tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 162 }), name: 'cl29_out' }));
      model.summary();
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const xs = tf.tensor4d(wave(3 * 25, 1.2), [3, 5, 5, 1]);
      const ys = tf.oneHot(tf.tensor1d([0, 1, 0], 'int32'), 2);
      const h = await model.fit(xs, ys, { epochs: 2, batchSize: 3, verbose: 0 });
      return [model.layers[1].outputShape, model.predict(xs) as Tensor, h.history];
    },
  },
  {
    name: 'custom-layer: the registered class saves with its config and loads back; getConfig, fromConfig and the class name',
    run: async (tf) => {
      const TimesTwoPlus = makeTimesTwoPlus(tf);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'cl29_d' }), new TimesTwoPlus({ offset: -1, name: 'cl29_ttp2' })] });
      const loaded = await roundTrip(tf, model);
      const x = grid(tf, 2, 3, 0.1);
      const config = loaded.layers[1].getConfig();
      return [loaded.predict(x) as Tensor, model.predict(x) as Tensor, loaded.layers[1].getClassName(), config.offset, config.name, (model.toJSON(undefined, false) as { config: { layers: { class_name: string }[] } }).config.layers.map((l) => l.class_name)];
    },
  },
];

// More of what the examples call around a model: freezing by index, re-initializing a layer, nested models in a
// summary, printing tensors, disposing a model, predict options, and image preprocessing for a classifier.
const around: Program[] = [
  {
    name: 'mnist-transfer-cnn: freeze the first layers by index, recompile; summary counts trainable and non-trainable params',
    run: async (tf) => {
      const model = createConvModel(tf);
      for (let i = 0; i < 3; ++i) model.layers[i].trainable = false;
      model.compile({ loss: 'categoricalCrossentropy', optimizer: tf.train.adam(0.01), metrics: ['acc'] });
      model.summary();
      const { xs, ys } = images4d(tf, 6);
      const frozen = model.layers[0].getWeights()[0].clone();
      const losses: number[] = [];
      await model.fit(xs, ys, { epochs: 1, batchSize: 2, shuffle: false, callbacks: { onBatchEnd: async (_b, logs) => { losses.push(logs?.loss as number); } } });
      return [model.trainableWeights.length, model.nonTrainableWeights.length, model.countParams(), losses, model.layers[0].getWeights()[0].sub(frozen).abs().sum()];
    },
  },
  {
    name: 'mnist-transfer-cnn: re-initialize the last layer with seeded randomNormal weights through setWeights, then evaluate',
    run: (tf) => {
      const model = createDenseModel(tf);
      model.compile({ loss: 'categoricalCrossentropy', optimizer: 'sgd', metrics: ['accuracy'] });
      const last = model.layers[model.layers.length - 1];
      last.setWeights(last.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.1, 'float32', 170 + i)));
      const { xs, ys } = images4d(tf, 6);
      return [last.getWeights(), model.evaluate(xs, ys, { batchSize: 4 }) as Tensor[]];
    },
  },
  {
    name: 'fashion-mnist-vae: an encoder model and a decoder sequential composed into one model; its summary and layers',
    run: (tf) => {
      const inputs = tf.input({ shape: [6], name: 'nv29_in' });
      const h = tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 181 }), name: 'nv29_h' }).apply(inputs) as SymbolicTensor;
      const zMean = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 182 }), name: 'nv29_mean' }).apply(h) as SymbolicTensor;
      const encoder = tf.model({ inputs, outputs: zMean, name: 'nv29_encoder' });
      const decoder = vaeDecoder(tf);
      const vaeIn = tf.input({ shape: [6], name: 'nv29_vae_in' });
      const out = decoder.apply(encoder.apply(vaeIn)) as SymbolicTensor;
      const model = tf.model({ inputs: vaeIn, outputs: out, name: 'nv29_vae' });
      model.summary();
      const x = grid(tf, 2, 6, 0.8);
      return [model.layers.map((l) => [l.name, l.getClassName()]), model.countParams(), model.predict(x) as Tensor, decoder.predict(encoder.predict(x) as Tensor) as Tensor];
    },
  },
  {
    name: 'tensors printed as the examples print them: print(), print(true), int32 and bool, a long vector and a weight matrix',
    run: (tf) => {
      tf.tensor2d([[1.5, -2.25], [3, 4.125]]).print();
      tf.tensor1d([1, 2, 3], 'int32').print(true);
      tf.tensor1d([true, false]).print();
      tf.range(0, 40).print();
      tf.scalar(0.1).print();
      const model = createDenseModel(tf);
      model.layers[2].getWeights()[1].print();
      tf.tensor3d([[[1], [2]], [[3], [4]]]).print();
      return null;
    },
  },
  {
    name: 'model.dispose() frees the weights and reports what it did; tf.memory() tensors drop by as many',
    run: (tf) => {
      const before = tf.memory().numTensors;
      const model = createConvModel(tf);
      const made = tf.memory().numTensors - before;
      const result = model.dispose();
      const again = attempt(() => model.dispose());
      return [made, result, tf.memory().numTensors - before, again];
    },
  },
  {
    name: 'predict with a batchSize option, predictOnBatch, and evaluate with batchSize on a two-input functional model',
    run: (tf) => {
      const a = tf.input({ shape: [2], name: 'pi29_a' });
      const b = tf.input({ shape: [3], name: 'pi29_b' });
      const joined = tf.layers.concatenate({ name: 'pi29_cat' }).apply([a, b]) as SymbolicTensor;
      const out = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 191 }), name: 'pi29_out' }).apply(joined) as SymbolicTensor;
      const model = tf.model({ inputs: [a, b], outputs: out, name: 'pi29' });
      model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const xa = grid(tf, 5, 2, 0.1);
      const xb = grid(tf, 5, 3, 0.9);
      const ys = tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1], 'int32'), 2);
      return [model.predict([xa, xb], { batchSize: 2 }) as Tensor, model.predictOnBatch([xa, xb]) as Tensor, model.evaluate([xa, xb], ys, { batchSize: 2 }) as Tensor[], model.inputNames, model.outputNames];
    },
  },
  {
    name: 'mobilenet-style preprocessing: toFloat, div(127.5).sub(1), resizeBilinear, expandDims; then topk of the predictions',
    run: (tf) => {
      const pixels = tf.tensor3d(Array.from({ length: 6 * 6 * 3 }, (_, i) => (i * 37) % 256), [6, 6, 3], 'int32');
      const batched = tf.tidy(() => {
        const img = pixels.toFloat();
        const normalized = img.div(127.5).sub(1);
        const resized = tf.image.resizeBilinear(normalized as Tensor3D, [4, 4], true);
        return resized.expandDims(0);
      });
      const model = tf.sequential({ layers: [
        tf.layers.globalAveragePooling2d({ inputShape: [4, 4, 3], name: 'mb29_gap' }),
        tf.layers.dense({ units: 5, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 192 }), name: 'mb29_out' }),
      ] });
      const logits = model.predict(batched) as Tensor;
      const { values, indices } = tf.topk(logits, 3);
      return [batched.shape, batched.mean(), values, indices];
    },
  },
];

// Training loops users write around layers models: minimize over model.predict, apply with training true on a
// batch-normalized model, fit on inputs given by name, the legacy fromMemory form, and optimizers by name.
const loops: Program[] = [
  {
    name: 'optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))) trains a layers model\'s weights',
    run: (tf) => {
      const model = smallRegression(tf, 'ml29');
      const optimizer = tf.train.sgd(0.1);
      const xs = regXs(tf);
      const ys = regYs(tf);
      const costs: number[] = [];
      for (let i = 0; i < 4; i++) costs.push((optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs) as Tensor) as Scalar, true) as Scalar).dataSync()[0]);
      return [costs, model.getWeights()];
    },
  },
  {
    name: 'a batch-normalized model applied with training true inside variableGrads: the gradients, and the moving statistics after',
    run: (tf) => {
      const model = tf.sequential({ name: 'bn29', layers: [
        tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: tf.initializers.glorotUniform({ seed: 201 }), name: 'bn29_d' }),
        tf.layers.batchNormalization({ momentum: 0.5, name: 'bn29_bn' }),
        tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 202 }), name: 'bn29_o' }),
      ] });
      const xs = regXs(tf, 6);
      const ys = regYs(tf, 6);
      const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(ys, model.apply(xs, { training: true }) as Tensor) as Scalar);
      const names = Object.keys(grads).sort();
      return [value, names, names.map((n) => grads[n]), model.getLayer('bn29_bn').getWeights()];
    },
  },
  {
    name: 'fit and evaluate with inputs and targets given as maps by input and output name',
    run: async (tf) => {
      const a = tf.input({ shape: [2], name: 'nm29_a' });
      const b = tf.input({ shape: [1], name: 'nm29_b' });
      const joined = tf.layers.concatenate({ name: 'nm29_cat' }).apply([a, b]) as SymbolicTensor;
      const out = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 203 }), name: 'nm29_out' }).apply(joined) as SymbolicTensor;
      const model = tf.model({ inputs: [a, b], outputs: out, name: 'nm29' });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const xa = regXs(tf, 6);
      const xb = grid(tf, 6, 1, 2);
      const h = await model.fit({ nm29_a: xa, nm29_b: xb }, { nm29_out: regYs(tf, 6) }, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      return [h.history, model.evaluate([xa, xb], regYs(tf, 6)) as Tensor];
    },
  },
  {
    name: 'tf.io.fromMemory(modelTopology, weightSpecs, weightData) in its older three-argument form loads the model',
    run: async (tf) => {
      const model = smallRegression(tf, 'fm29');
      const artifacts = await saveToMemory(tf, model);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts.modelTopology as object, artifacts.weightSpecs, artifacts.weightData as ArrayBuffer));
      return [loaded.predict(regXs(tf, 3)) as Tensor, loaded.name];
    },
  },
  {
    name: 'optimizers by name in compile (adagrad, adadelta, adamax, rmsprop, sgd, adam): the losses after two epochs',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const optimizer of ['adagrad', 'adadelta', 'adamax', 'rmsprop', 'sgd', 'adam']) {
        const model = smallRegression(tf, `on29_${optimizer}`);
        model.compile({ optimizer, loss: 'meanSquaredError' });
        const h = await model.fit(regXs(tf), regYs(tf), { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
        out.push([optimizer, h.history.loss, model.optimizer.getClassName()]);
      }
      return out;
    },
  },
  {
    name: 'a sequential inside a sequential (a pretrained base added as one layer): summary, predict, trainable weights',
    run: (tf) => {
      const base = tf.sequential({ name: 'ns29_base', layers: [tf.layers.dense({ units: 3, inputShape: [2], activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 204 }), name: 'ns29_bd' })] });
      base.trainable = false;
      const model = tf.sequential({ name: 'ns29' });
      model.add(base);
      model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 205 }), name: 'ns29_head' }));
      model.summary();
      return [model.predict(regXs(tf, 3)) as Tensor, model.trainableWeights.map((w) => w.name), model.layers.map((l) => l.name), model.outputShape];
    },
  },
  {
    name: 'translation: an LSTM with returnState in a functional model: three outputs, their shapes and the summary',
    run: (tf) => {
      const encoderInputs = tf.input({ shape: [null, 3], name: 'tr29_in' });
      const [outputs, stateH, stateC] = tf.layers.lstm({ units: 2, returnState: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 206 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 207 }), name: 'tr29_lstm' }).apply(encoderInputs) as SymbolicTensor[];
      const model = tf.model({ inputs: encoderInputs, outputs: [outputs, stateH, stateC], name: 'tr29' });
      model.summary();
      const got = model.predict(tf.tensor3d(wave(2 * 4 * 3, 0.6), [2, 4, 3])) as Tensor[];
      return [model.outputs.map((o) => o.shape), got];
    },
  },
  {
    name: 'sentiment (cnn variant): conv1d, maxPooling1d and globalAveragePooling1d on embeddings; summary and predict',
    run: (tf) => {
      const model = tf.sequential({ name: 'c1d29', layers: [
        tf.layers.embedding({ inputDim: VOCAB, outputDim: 2, inputLength: 6, embeddingsInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 208 }), name: 'c1d29_emb' }),
        tf.layers.conv1d({ filters: 3, kernelSize: 2, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 209 }), name: 'c1d29_conv' }),
        tf.layers.maxPooling1d({ poolSize: 2, name: 'c1d29_pool' }),
        tf.layers.globalAveragePooling1d({ name: 'c1d29_gap' }),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 210 }), name: 'c1d29_out' }),
      ] });
      model.summary();
      return model.predict(tf.tensor2d(padSequences(REVIEWS, 6))) as Tensor;
    },
  },
];

// Every example's model as it saves: the topology JSON text, and the byte counts tf.io.getModelArtifactsInfoForJSON gives.
const builders: [string, (tf: TF) => LayersModel][] = [
  ['mnist conv', createConvModel], ['mnist dense', createDenseModel], ['iris', irisModel], ['vae decoder', vaeDecoder],
  ['lstm-text-generation', (tf) => textModel(tf, 4, 6)], ['date-conversion-attention', dateModel], ['sentiment cnn', (tf) => sentimentModel(tf, 'cnn')],
  ['sentiment bidirectionalLSTM', (tf) => sentimentModel(tf, 'bidirectionalLSTM')], ['cart-pole', (tf) => new PolicyNetwork(tf, [4, 3]).policyNet],
  ['snake-dqn', (tf) => createDeepQNetwork(tf, 4, 4, NUM_ACTIONS, 'json')], ['simple-object-detection', (tf) => detectionModel(tf)[0]],
  ['jena-weather mlp-l2', (tf) => weatherModel(tf, 'mlp-l2')], ['jena-weather gru', (tf) => weatherModel(tf, 'gru')], ['mnist-node', mnistNodeModel],
  ['sentiment simpleRNN', (tf) => sentimentModel(tf, 'simpleRNN')], ['sentiment flatten', (tf) => sentimentModel(tf, 'flatten')],
  ['jena-weather simpleRNN', (tf) => weatherModel(tf, 'simpleRNN')],
  ['embedding without inputLength or maskZero', (tf) => tf.sequential({ name: 'em29_a', layers: [
    tf.layers.embedding({ inputDim: 5, outputDim: 2, inputShape: [3], name: 'em29_a' }), tf.layers.flatten({ name: 'em29_f' }),
  ] })],
  ['embedding with maskZero and an inputLength array', (tf) => tf.sequential({ name: 'em29_b', layers: [
    tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: [4], maskZero: true, name: 'em29_b' }), tf.layers.simpleRNN({ units: 2, name: 'em29_rnn' }),
  ] })],
];

const saved: Program[] = builders.map(([what, build]): Program => ({
  name: `${what}: the saved topology as JSON text, the weight specs, and getModelArtifactsInfoForJSON`,
  run: async (tf) => {
    const model = build(tf);
    const artifacts = await saveToMemory(tf, model);
    const info = tf.io.getModelArtifactsInfoForJSON(artifacts);
    return [JSON.stringify(artifacts.modelTopology), artifacts.weightSpecs, info.modelTopologyBytes, info.weightSpecsBytes, info.weightDataBytes, info.modelTopologyType];
  },
}));

// visualize-convnet: internal activations from a model with several outputs, and gradient ascent on the input image
// with gradients normalized by tf.backend().epsilon(); mnist-acgan: the combined model with a frozen discriminator.
function convnet(tf: TF): Sequential {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  return tf.sequential({ name: 'vc29', layers: [
    tf.layers.conv2d({ filters: 2, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 1], kernelInitializer: init(211), name: 'vc29_conv1' }),
    tf.layers.conv2d({ filters: 3, kernelSize: 2, activation: 'relu', kernelInitializer: init(212), name: 'vc29_conv2' }),
    tf.layers.maxPooling2d({ poolSize: 2, name: 'vc29_pool' }),
    tf.layers.flatten({ name: 'vc29_flat' }),
    tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init(213), name: 'vc29_out' }),
  ] });
}

const image = (tf: TF) => tf.tensor4d(wave(36, 0.4).map(Math.abs), [1, 6, 6, 1]);

const visual: Program[] = [
  {
    name: 'visualize-convnet: a composite model of the layers\' outputs gives every activation from one predict',
    run: (tf) => {
      const model = convnet(tf);
      const layerNames = ['vc29_conv1', 'vc29_conv2', 'vc29_pool'];
      const layerOutputs = layerNames.map((n) => model.getLayer(n).output as SymbolicTensor);
      const compositeModel = tf.model({ inputs: model.input as SymbolicTensor, outputs: layerOutputs.concat(model.outputs[0]) });
      const outputs = compositeModel.predict(image(tf)) as Tensor[];
      return [outputs.map((o) => o.shape), outputs[1], outputs[3]];
    },
  },
  {
    name: 'visualize-convnet: inputGradientAscent on a filter\'s mean activation, grads scaled by their RMS plus tf.backend().epsilon()',
    run: (tf) => {
      const model = convnet(tf);
      const layerOutput = model.getLayer('vc29_conv2').output as SymbolicTensor;
      const auxModel = tf.model({ inputs: model.inputs, outputs: layerOutput });
      const filterIndex = 1;
      const lossFunction = (input: Tensor) => (auxModel.apply(input, { training: true }) as Tensor).gather([filterIndex], 3).mean();
      const gradFunction = tf.grad(lossFunction);
      let img = image(tf).mul(0.5);
      const epsilon = tf.backend().epsilon();
      const losses: number[] = [];
      for (let i = 0; i < 4; ++i) {
        const scaledGrads = tf.tidy(() => {
          const grads = gradFunction(img);
          const norm = tf.sqrt(tf.mean(tf.square(grads))).add(epsilon);
          return grads.div(norm);
        });
        img = tf.clipByValue(img.add(scaledGrads.mul(0.1)), 0, 1);
        losses.push(lossFunction(img).dataSync()[0]);
      }
      return [epsilon, losses, img];
    },
  },
  {
    name: 'visualize-convnet: deprocessImage with tf.moments: standardized, scaled to 0.15 around 0.5, clipped, to int32 pixels',
    run: (tf) => {
      const x = image(tf).mul(3).sub(1);
      const pixels = tf.tidy(() => {
        const { mean, variance } = tf.moments(x);
        let y = x.sub(mean);
        y = y.div(tf.sqrt(variance).add(tf.backend().epsilon()));
        y = y.mul(0.15).add(0.5);
        y = tf.clipByValue(y, 0, 1);
        return y.mul(255).clipByValue(0, 255).asType('int32');
      });
      return pixels;
    },
  },
  {
    name: 'mnist-acgan: the combined model over a frozen discriminator: summary params, trainOnBatch with two losses, weights that move',
    run: async (tf) => {
      const latentSize = 3;
      const init = (seed: number) => tf.initializers.glorotUniform({ seed });
      const generator = tf.sequential({ name: 'ag29_gen', layers: [tf.layers.dense({ units: 4, activation: 'tanh', inputShape: [latentSize], kernelInitializer: init(221), name: 'ag29_g' })] });
      const imageIn = tf.input({ shape: [4], name: 'ag29_img' });
      const features = tf.layers.dense({ units: 3, activation: 'relu', kernelInitializer: init(222), name: 'ag29_df' }).apply(imageIn) as SymbolicTensor;
      const fake = tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init(223), name: 'ag29_fake' }).apply(features) as SymbolicTensor;
      const aux = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: init(224), name: 'ag29_aux' }).apply(features) as SymbolicTensor;
      const discriminator = tf.model({ inputs: imageIn, outputs: [fake, aux], name: 'ag29_disc' });
      discriminator.compile({ optimizer: tf.train.adam(0.01, 0.5), loss: ['binaryCrossentropy', 'sparseCategoricalCrossentropy'] });
      const latent = tf.input({ shape: [latentSize], name: 'ag29_latent' });
      const generated = generator.apply(latent) as SymbolicTensor;
      discriminator.trainable = false;
      const [cFake, cAux] = discriminator.apply(generated) as SymbolicTensor[];
      const combined = tf.model({ inputs: latent, outputs: [cFake, cAux], name: 'ag29_combined' });
      combined.compile({ optimizer: tf.train.adam(0.01, 0.5), loss: ['binaryCrossentropy', 'sparseCategoricalCrossentropy'] });
      combined.summary();
      const zs = tf.randomUniform([4, latentSize], -1, 1, 'float32', 225);
      const sampledLabels = tf.tensor2d([[0], [1], [1], [0]]);
      const trick = tf.ones([4, 1]).mul(0.95);
      const discBefore = discriminator.getWeights()[0].clone();
      const losses = [await combined.trainOnBatch(zs, [trick, sampledLabels]), await combined.trainOnBatch(zs, [trick, sampledLabels])];
      return [losses, discriminator.getWeights()[0].sub(discBefore).abs().sum(), generator.getWeights()[1]];
    },
  },
];

// What a page that trains on a button press meets: a second fit while one runs, stopTraining left set, optimizer
// state read and saved, and shared layers in one model.
const pages: Program[] = [
  {
    name: 'a second fit started while the first runs (the train button clicked twice) is refused; the first completes',
    run: async (tf) => {
      const model = smallRegression(tf, 'tw29');
      const first = model.fit(regXs(tf), regYs(tf), { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
      const second = await model.fit(regXs(tf), regYs(tf), { epochs: 1, verbose: 0 }).then(() => 'trained', () => 'refused');
      const h = await first;
      return [second, h.history.loss];
    },
  },
  {
    name: 'stopTraining set after a fit stopped early: the next fit trains its epochs again',
    run: async (tf) => {
      const model = smallRegression(tf, 'st29');
      const h1 = await model.fit(regXs(tf), regYs(tf), { epochs: 4, batchSize: 8, shuffle: false, verbose: 0, callbacks: { onEpochEnd: async (epoch) => { if (epoch === 0) model.stopTraining = true; } } });
      const h2 = await model.fit(regXs(tf), regYs(tf), { epochs: 2, batchSize: 8, shuffle: false, verbose: 0 });
      return [h1.epoch, h2.epoch, h2.history.loss];
    },
  },
  {
    name: 'optimizer.getWeights() after fit (adam, rmsprop, sgd, momentum): the names and values of its state',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const optimizer of [tf.train.adam(0.05), tf.train.rmsprop(0.05), tf.train.sgd(0.05), tf.train.momentum(0.05, 0.9)]) {
        const model = smallRegression(tf, 'ow29');
        model.compile({ optimizer, loss: 'meanSquaredError' });
        await model.fit(regXs(tf), regYs(tf), { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
        const weights = await optimizer.getWeights();
        out.push([optimizer.getClassName(), weights.map((w) => w.name), weights.map((w) => w.tensor)]);
      }
      return out;
    },
  },
  {
    name: 'model.save with includeOptimizer: the optimizer\'s weights follow the model\'s in the specs and data',
    run: async (tf) => {
      const model = smallRegression(tf, 'io29');
      model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
      await model.fit(regXs(tf), regYs(tf), { epochs: 1, batchSize: 4, shuffle: false, verbose: 0 });
      let artifacts: Record<string, unknown> = {};
      await model.save(tf.io.withSaveHandler(async (a) => { artifacts = a as unknown as Record<string, unknown>; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }), { includeOptimizer: true });
      const specs = artifacts.weightSpecs as { name: string; shape: number[]; group?: string }[];
      return [specs.map((w) => [w.name, w.shape, w.group ?? null]), (artifacts.weightData as ArrayBuffer).byteLength, artifacts.trainingConfig];
    },
  },
  {
    name: 'a shared dense layer applied to two inputs (a siamese pair): summary with two inbound nodes, predict, saved topology',
    run: async (tf) => {
      const left = tf.input({ shape: [3], name: 'sm29_left' });
      const right = tf.input({ shape: [3], name: 'sm29_right' });
      const shared = tf.layers.dense({ units: 2, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 231 }), name: 'sm29_shared' });
      const [l, r] = [shared.apply(left) as SymbolicTensor, shared.apply(right) as SymbolicTensor];
      const diff = tf.layers.concatenate({ name: 'sm29_pair' }).apply([l, r]) as SymbolicTensor;
      const out = tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 232 }), name: 'sm29_out' }).apply(diff) as SymbolicTensor;
      const model = tf.model({ inputs: [left, right], outputs: out, name: 'sm29' });
      model.summary();
      const artifacts = await saveToMemory(tf, model);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      const xs = [grid(tf, 2, 3, 0.2), grid(tf, 2, 3, 1.4)];
      return [model.predict(xs) as Tensor, loaded.predict(xs) as Tensor, JSON.stringify(artifacts.modelTopology), shared.inboundNodes.length];
    },
  },
];

// The layers the examples build, each with only its required options and then with the options they set, saved:
// each setting written as TF.js writes it (null where it holds undefined) in the model.json text. Kernel
// initializers are named: TF.js's dense and convolutions default to glorotNormal, tessera's to Keras's glorotUniform
// (README); separableConv2d keeps depthMultiplier 1, the one TF.js 4.22 can write (it leaves the key out).
const layerSweeps: [string, number[], (tf: TF) => unknown[]][] = [
  ['conv2d, conv2dTranspose, separableConv2d and depthwiseConv2d', [6, 6, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 3, kernelInitializer: 'glorotUniform' }),
    tf.layers.conv2d({ filters: 2, kernelSize: [2, 3], strides: 2, padding: 'same', dilationRate: 1, activation: 'relu', useBias: false, kernelInitializer: 'heNormal' }),
    tf.layers.conv2dTranspose({ filters: 2, kernelSize: 2, kernelInitializer: 'glorotUniform' }),
    tf.layers.separableConv2d({ filters: 2, kernelSize: 2, depthwiseInitializer: 'glorotUniform', pointwiseInitializer: 'glorotUniform' }),
    tf.layers.depthwiseConv2d({ kernelSize: 2, depthwiseInitializer: 'glorotUniform' }),
  ]],
  ['pooling layers with and without strides and padding', [6, 6, 2], (tf) => [
    tf.layers.maxPooling2d({ poolSize: 2 }), tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [1, 1], padding: 'same' }), tf.layers.averagePooling2d({ poolSize: 3, strides: 1 }),
    tf.layers.globalAveragePooling2d({}),
  ]],
  ['dense, dropout, activation, flatten, reshape and batchNormalization', [4], (tf) => [
    tf.layers.dense({ units: 3, kernelInitializer: 'glorotUniform' }), tf.layers.dropout({ rate: 0.3 }), tf.layers.dropout({ rate: 0.1, noiseShape: [1, 3], seed: 2 }), tf.layers.activation({ activation: 'elu' }),
    tf.layers.reshape({ targetShape: [3, 1] }), tf.layers.flatten(), tf.layers.batchNormalization({}), tf.layers.batchNormalization({ axis: -1, momentum: 0.9, epsilon: 0.01, center: false, scale: false }),
  ]],
  ['leakyReLU, reLU, elu, softmax, thresholdedReLU, gaussianNoise, alphaDropout and layerNormalization', [4], (tf) => [
    tf.layers.leakyReLU({ alpha: 0.2 }), tf.layers.leakyReLU(), tf.layers.reLU({ maxValue: 6 }), tf.layers.elu(), tf.layers.softmax(), tf.layers.thresholdedReLU(),
    tf.layers.gaussianNoise({ stddev: 0.1 }), tf.layers.alphaDropout({ rate: 0.1 }), tf.layers.layerNormalization(),
  ]],
  ['repeatVector, permute, timeDistributed dense, conv1d, 1d pooling and globalMaxPooling1d', [3], (tf) => [
    tf.layers.repeatVector({ n: 4 }), tf.layers.permute({ dims: [2, 1] }), tf.layers.permute({ dims: [2, 1] }),
    tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, kernelInitializer: 'glorotUniform', name: 'ls29_td_dense' }) }),
    tf.layers.conv1d({ filters: 2, kernelSize: 2, kernelInitializer: 'glorotUniform' }), tf.layers.maxPooling1d({ poolSize: 1 }), tf.layers.averagePooling1d({ poolSize: 1 }), tf.layers.globalMaxPooling1d({}),
  ]],
  ['zeroPadding2d, upSampling2d and cropping2D', [4, 4, 1], (tf) => [
    tf.layers.zeroPadding2d({}), tf.layers.zeroPadding2d({ padding: [1, 2] }), tf.layers.upSampling2d({}), tf.layers.upSampling2d({ size: [1, 2], interpolation: 'bilinear' }), tf.layers.cropping2D({ cropping: 1 }),
  ]],
];

const recurrentSweep: [string, number[], (tf: TF) => unknown[]] = ['simpleRNN, lstm, gru and bidirectional as the text examples build them', [4, 3], (tf) => [
  tf.layers.simpleRNN({ units: 2, returnSequences: true, kernelInitializer: 'glorotUniform' }), tf.layers.lstm({ units: 2, returnSequences: true, kernelInitializer: 'glorotUniform' }),
  tf.layers.gru({ units: 2, returnSequences: true, kernelInitializer: 'glorotUniform', dropout: 0.1 }),
  tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2, kernelInitializer: 'glorotUniform', name: 'ls29_bi_lstm' }) as never }),
]];

/** getConfig() of each layer, as console.log(layer.getConfig()) shows it: keys held as undefined count. */
const layerGetConfigs: Program[] = [...layerSweeps, recurrentSweep].map(([what, inputShape, make]): Program => ({
  name: `getConfig() of ${what}, after the layers are built in a model`,
  run: (tf) => {
    const layers = make(tf) as ReturnType<TF['layers']['dense']>[];
    layers.forEach((l, i) => { (l as unknown as { name: string }).name = `lg29_${i}`; });
    tf.sequential({ name: 'lg29', layers: [tf.layers.inputLayer({ inputShape, name: 'lg29_in' }), ...layers] });
    return layers.map((l) => [l.getClassName(), l.getConfig()]);
  },
}));

const layerConfigs: Program[] = [...layerSweeps, recurrentSweep].map(([what, inputShape, make]): Program => ({
  name: `the saved configs of ${what}`,
  run: async (tf) => {
    const layers = make(tf) as ReturnType<TF['layers']['dense']>[];
    const model = tf.sequential({ name: 'ls29', layers: [tf.layers.inputLayer({ inputShape, name: 'ls29_in' }), ...layers.map((l, i) => { (l as unknown as { name: string }).name = `ls29_${i}`; return l; })] });
    const artifacts = await saveToMemory(tf, model);
    const topology = artifacts.modelTopology as { config: { layers: { class_name: string; config: unknown }[] } };
    return topology.config.layers.map((l) => `${l.class_name} ${JSON.stringify(l.config)}`);
  },
}));

// Training numbers the examples print: evaluate over batches that do not divide the data, the last batch's size in
// onBatchEnd, what 'accuracy' becomes for each loss, class weights for unbalanced labels, and losses and metrics by name.
function classifier(tf: TF, name: string, units: number, activation: 'sigmoid' | 'softmax'): Sequential {
  return tf.sequential({ name, layers: [
    tf.layers.dense({ units: 4, activation: 'relu', inputShape: [2], kernelInitializer: tf.initializers.glorotUniform({ seed: 241 }), name: `${name}_h` }),
    tf.layers.dense({ units, activation, kernelInitializer: tf.initializers.glorotUniform({ seed: 242 }), name: `${name}_o` }),
  ] });
}

const numbers: Program[] = [
  {
    name: 'evaluate with a batchSize that does not divide the samples, with acc and mae; the last batch\'s size in onBatchEnd',
    run: async (tf) => {
      const model = classifier(tf, 'ev29', 1, 'sigmoid');
      model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['acc', 'mae'] });
      const sizes: unknown[] = [];
      await model.fit(regXs(tf, 7), clsYs(tf, 7), { epochs: 1, batchSize: 3, shuffle: false, verbose: 0, callbacks: { onBatchEnd: async (batch, logs) => { sizes.push([batch, logs?.size, logs?.batch]); } } });
      return [sizes, model.evaluate(regXs(tf, 7), clsYs(tf, 7), { batchSize: 3 }) as Tensor[], model.evaluate(regXs(tf, 7), clsYs(tf, 7), { batchSize: 7 }) as Tensor[]];
    },
  },
  {
    name: '\'accuracy\' and \'acc\' under binaryCrossentropy, categoricalCrossentropy and sparseCategoricalCrossentropy',
    run: async (tf) => {
      const out: unknown[] = [];
      const labels = [0, 1, 2, 1, 0, 2];
      const cases: [string, number, 'sigmoid' | 'softmax', Tensor][] = [
        ['binaryCrossentropy', 1, 'sigmoid', clsYs(tf, 6)], ['categoricalCrossentropy', 3, 'softmax', tf.oneHot(tf.tensor1d(labels, 'int32'), 3)],
        ['sparseCategoricalCrossentropy', 3, 'softmax', tf.tensor2d(labels, [6, 1])],
      ];
      for (const [loss, units, activation, ys] of cases) {
        for (const metric of ['accuracy', 'acc']) {
          const model = classifier(tf, 'ac29', units, activation);
          model.compile({ optimizer: tf.train.sgd(0.5), loss, metrics: [metric] });
          const h = await model.fit(regXs(tf, 6), ys, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
          out.push([loss, metric, Object.keys(h.history), h.history, model.metricsNames]);
        }
      }
      return out;
    },
  },
  {
    name: 'fit with classWeight for unbalanced labels (binary and categorical): the weighted losses and weights',
    run: async (tf) => {
      const binary = classifier(tf, 'cw29b', 1, 'sigmoid');
      binary.compile({ optimizer: tf.train.sgd(0.3), loss: 'binaryCrossentropy', metrics: ['acc'] });
      const yb = tf.tensor2d([[0], [0], [0], [0], [0], [1]]);
      const hb = await binary.fit(regXs(tf, 6), yb, { epochs: 2, batchSize: 6, verbose: 0, classWeight: { 0: 1, 1: 5 } });
      const cat = classifier(tf, 'cw29c', 3, 'softmax');
      cat.compile({ optimizer: tf.train.sgd(0.3), loss: 'categoricalCrossentropy' });
      const yc = tf.oneHot(tf.tensor1d([0, 0, 0, 1, 0, 2], 'int32'), 3);
      const hc = await cat.fit(regXs(tf, 6), yc, { epochs: 2, batchSize: 3, shuffle: false, verbose: 0, classWeight: [{ 0: 0.5, 1: 2, 2: 3 }] });
      return [hb.history, hc.history, binary.getWeights()[3], cat.getWeights()[3]];
    },
  },
  {
    name: 'losses by name in compile (mape, msle, kld, poisson, hinge, squaredHinge, categoricalHinge, logcosh, cosineProximity): history keys and values',
    run: async (tf) => {
      const out: unknown[] = [];
      for (const loss of ['meanAbsolutePercentageError', 'mape', 'meanSquaredLogarithmicError', 'msle', 'kullbackLeiblerDivergence', 'kld', 'poisson', 'hinge', 'squaredHinge', 'categoricalHinge', 'logcosh', 'cosineProximity', 'mse', 'mae']) {
        const model = classifier(tf, 'ln29', 3, 'softmax');
        model.compile({ optimizer: tf.train.sgd(0.1), loss, metrics: ['mse'] });
        const ys = tf.tensor2d([[0.2, 0.5, 0.3], [0.1, 0.1, 0.8], [0.6, 0.3, 0.1], [0.3, 0.3, 0.4]]);
        const h = await model.fit(regXs(tf, 4), ys, { epochs: 2, batchSize: 4, verbose: 0 });
        out.push([loss, Object.keys(h.history), h.history.loss]);
      }
      return out;
    },
  },
  {
    name: 'metrics as functions from tf.metrics (binaryAccuracy, precision, recall, topKCategoricalAccuracy-free) and by name in compile',
    run: async (tf) => {
      const model = classifier(tf, 'mf29', 1, 'sigmoid');
      model.compile({ optimizer: tf.train.sgd(0.2), loss: 'binaryCrossentropy', metrics: [tf.metrics.binaryAccuracy, tf.metrics.precision, tf.metrics.recall, 'binaryCrossentropy'] });
      const h = await model.fit(regXs(tf, 8), clsYs(tf, 8), { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
      return [Object.keys(h.history), h.history, model.metricsNames];
    },
  },
];

// Weights as the examples read them: LayerVariable fields, getWeights(trainableOnly), the order of a batch-normalized
// model's weights, and a custom layer's addWeight with an initializer by name and a mask it passes on.
const weightsRead: Program[] = [
  {
    name: 'layer.weights as LayerVariables: name, originalName, shape, dtype, trainable and read(); getWeights(true) keeps the trainable',
    run: (tf) => {
      const model = tf.sequential({ name: 'wr29', layers: [
        tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'wr29_d' }),
        tf.layers.batchNormalization({ name: 'wr29_bn' }),
      ] });
      const bn = model.layers[1];
      const w = bn.weights.map((v) => [v.name, v.originalName, v.shape, v.dtype, v.trainable]);
      return [w, bn.getWeights(true).length, bn.getWeights().length, model.layers[0].weights[0].read(), model.weights.map((v) => v.name), model.trainableWeights.map((v) => v.name), model.nonTrainableWeights.map((v) => v.name)];
    },
  },
  {
    name: 'a custom layer with a computeMask that passes the mask on, between a masking embedding and an lstm',
    run: (tf) => {
      class Scale extends tf.layers.Layer {
        static className = 'Scale29';
        scale: LayerVariable | null = null;
        constructor(config?: LayerArgs) {
          super(config ?? {});
          this.supportsMasking = true;
        }
        override build(inputShape: Shape | Shape[]): void {
          const s = inputShape as Shape;
          this.scale = this.addWeight('scale', [s[s.length - 1] as number], 'float32', tf.initializers.constant({ value: 1.5 }));
          this.built = true;
        }
        override computeMask(_inputs: Tensor | Tensor[], mask?: Tensor | Tensor[]): Tensor | Tensor[] {
          return mask as Tensor | Tensor[];
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return (Array.isArray(inputs) ? inputs[0] : inputs).mul((this.scale as LayerVariable).read());
        }
      }
      tf.serialization.registerClass(Scale);
      const input = tf.input({ shape: [4], name: 'ms29_in' });
      const emb = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, embeddingsInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 251 }), name: 'ms29_emb' }).apply(input) as SymbolicTensor;
      const scaled = new Scale({ name: 'ms29_scale' }).apply(emb) as SymbolicTensor;
      const out = tf.layers.lstm({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 252 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 253 }), name: 'ms29_lstm' }).apply(scaled) as SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: out, name: 'ms29' });
      const x = tf.tensor2d([[1, 2, 0, 0], [3, 0, 0, 0]]);
      const unmasked = tf.tensor2d([[1, 2, 4, 4], [3, 4, 4, 4]]);
      return [model.predict(x) as Tensor, model.predict(unmasked) as Tensor, model.layers[2].getWeights()];
    },
  },
];

// mnist's data.js: images in one Float32Array, labels as a Uint8Array of one-hot rows, batches cut with subarray by
// shuffled indices (tf.util.createShuffledIndices under a seeded Math.random), labels becoming int32 tensors.
class MnistData {
  readonly images: Float32Array;
  readonly labels: Uint8Array;
  shuffledTrainIndex = 0;
  trainIndices: Uint32Array = new Uint32Array(0);
  constructor(readonly n: number) {
    this.images = Float32Array.from({ length: n * 16 }, (_, k) => Math.abs(Math.sin(k * 0.7)));
    this.labels = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) this.labels[i * 3 + (i % 3)] = 1;
  }
  nextTrainBatch(tf: TF, batchSize: number) {
    return this.nextBatch(tf, batchSize, [this.images, this.labels], () => {
      this.shuffledTrainIndex = (this.shuffledTrainIndex + 1) % this.trainIndices.length;
      return this.trainIndices[this.shuffledTrainIndex];
    });
  }
  nextBatch(tf: TF, batchSize: number, data: [Float32Array, Uint8Array], index: () => number) {
    const batchImagesArray = new Float32Array(batchSize * 16);
    const batchLabelsArray = new Uint8Array(batchSize * 3);
    for (let i = 0; i < batchSize; i++) {
      const idx = index();
      batchImagesArray.set(data[0].slice(idx * 16, idx * 16 + 16), i * 16);
      batchLabelsArray.set(data[1].slice(idx * 3, idx * 3 + 3), i * 3);
    }
    const xs = tf.tensor2d(batchImagesArray, [batchSize, 16]);
    const labels = tf.tensor2d(batchLabelsArray, [batchSize, 3]);
    return { xs, labels };
  }
}

const mnistData: Program[] = [
  {
    name: 'mnist data.js: nextTrainBatch over createShuffledIndices; tensor2d of a Uint8Array of labels is int32',
    run: (tf) => withSeededMathRandom(31, () => {
      const data = new MnistData(6);
      data.trainIndices = tf.util.createShuffledIndices(6);
      const batch = data.nextTrainBatch(tf, 4);
      return [data.trainIndices, batch.xs.shape, batch.labels, tf.tensor1d(new Uint8Array([1, 2])).dtype, tf.tensor1d(new Uint8ClampedArray([3]) as unknown as Uint8Array).dtype];
    }),
  },
  {
    name: 'mnist: trainOnBatch and fit on int32 one-hot labels from a Uint8Array, reshaped to images; evaluate and argMax',
    run: (tf) => withSeededMathRandom(37, async () => {
      const data = new MnistData(9);
      data.trainIndices = tf.util.createShuffledIndices(9);
      const model = tf.sequential({ name: 'md29', layers: [
        tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 2, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 261 }), name: 'md29_c' }),
        tf.layers.flatten({ name: 'md29_f' }),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 262 }), name: 'md29_o' }),
      ] });
      model.compile({ optimizer: tf.train.sgd(0.3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const losses: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        const batch = data.nextTrainBatch(tf, 3);
        losses.push(await model.trainOnBatch(batch.xs.reshape([3, 4, 4, 1]), batch.labels));
      }
      const all = data.nextBatch(tf, 9, [data.images, data.labels], (() => { let k = 0; return () => k++; })());
      const h = await model.fit(all.xs.reshape([9, 4, 4, 1]), all.labels, { epochs: 1, batchSize: 3, shuffle: false, verbose: 0 });
      return [losses, h.history, model.evaluate(all.xs.reshape([9, 4, 4, 1]), all.labels) as Tensor[], (model.predict(all.xs.reshape([9, 4, 4, 1])) as Tensor).argMax(-1)];
    }),
  },
];

// Small things the examples do between the big ones: tf.engine() scopes around a loop, a custom layer without
// computeOutputShape (its output shape taken as its input's), and summary() of a model holding it.
const smalls: Program[] = [
  {
    name: 'tf.engine().startScope() / endScope() around a predict loop frees what the loop made; tf.keep keeps one',
    run: (tf) => {
      const model = createDenseModel(tf);
      const { xs } = images4d(tf, 3);
      const before = tf.memory().numTensors;
      tf.engine().startScope();
      let kept: Tensor | null = null;
      for (let i = 0; i < 3; i++) {
        const p = model.predict(xs) as Tensor;
        if (i === 2) kept = tf.keep(p.argMax(-1));
      }
      tf.engine().endScope();
      return [tf.memory().numTensors - before, kept];
    },
  },
  {
    name: 'a custom layer without computeOutputShape: the symbolic shape is its input\'s, in the summary and for the next layer',
    run: (tf) => {
      class RowSum extends tf.layers.Layer {
        static className = 'RowSum29';
        override call(inputs: Tensor | Tensor[]): Tensor {
          return (Array.isArray(inputs) ? inputs[0] : inputs).sum(-1, true);
        }
      }
      const input = tf.input({ shape: [4], name: 'rs29_in' });
      const summed = new RowSum({ name: 'rs29_sum' }).apply(input) as SymbolicTensor;
      const out = tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'rs29_out' }).apply(summed) as SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: out, name: 'rs29' });
      model.summary();
      return [summed.shape, model.layers[2].getWeights()[0].shape, attempt(() => model.predict(tf.ones([2, 4])))];
    },
  },
];

export const s29Examples: Program[] = [...polynomial, ...mnistCore, ...mnistLayers, ...iris, ...boston, ...vae, ...textgen, ...dates, ...sentiment, ...cartPole, ...snake, ...detection, ...quantization, ...dataCsv, ...jena, ...mnistNode, ...training, ...grads, ...customLayer, ...around, ...loops, ...saved, ...visual, ...pages, ...layerConfigs, ...layerGetConfigs, ...numbers, ...weightsRead, ...mnistData, ...smalls];
