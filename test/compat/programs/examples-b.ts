import type { Program, TF } from '../harness';

// Programs shaped as TF.js's official examples (iris to webcam-transfer-learning) are written: the same API calls,
// layer configurations and training-loop shapes, on small fixed data and weights.

type Model = ReturnType<TF['sequential']> | ReturnType<TF['model']>;
type Sym = ReturnType<TF['input']>;

/** Sets every weight of a model to a fixed, varied value (TF.js and tessera draw different random streams). */
function fixWeights(tf: TF, model: Model, scale = 0.3): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => scale * Math.sin(1 + 1.7 * k++)), w.shape)));
}

/** A [n, steps, tokens] batch of one-hot sequences built with tf.buffer, as the examples vectorize text. */
function oneHotSeqs(tf: TF, ids: number[][], tokens: number) {
  const buf = tf.buffer([ids.length, ids[0].length, tokens]);
  ids.forEach((row, i) => row.forEach((id, t) => buf.set(1, i, t, id)));
  return buf.toTensor();
}

export const examplesB: Program[] = [
  {
    name: 'translation: seq2seq LSTM with returnState, decoder on the encoder states, rmsprop fit, greedy decode',
    run: async (tf) => {
      const [nEnc, nDec, latent] = [4, 5, 3];
      const encoderInputs = tf.layers.input({ shape: [null, nEnc], name: 'encoderInputs' });
      const encoder = tf.layers.lstm({ units: latent, returnState: true, name: 'encoderLstm' });
      const [, stateH, stateC] = encoder.apply(encoderInputs) as Sym[];
      const decoderInputs = tf.layers.input({ shape: [null, nDec], name: 'decoderInputs' });
      const decoderLstm = tf.layers.lstm({ units: latent, returnSequences: true, returnState: true, name: 'decoderLstm' });
      const [decoderOutputs] = decoderLstm.apply([decoderInputs, stateH, stateC]) as Sym[];
      const decoderDense = tf.layers.dense({ units: nDec, activation: 'softmax', name: 'decoderDense' });
      const model = tf.model({ inputs: [encoderInputs, decoderInputs], outputs: decoderDense.apply(decoderOutputs) as Sym, name: 'seq2seqModel' });
      fixWeights(tf, model);
      model.compile({ optimizer: 'rmsprop', loss: 'categoricalCrossentropy' });
      const enc = oneHotSeqs(tf, [[0, 1, 2], [3, 2, 1], [1, 1, 0], [2, 0, 3], [0, 3, 3]], nEnc);
      const decIds = [[0, 1, 2, 4], [0, 3, 3, 4], [0, 2, 1, 4], [0, 1, 1, 4], [0, 3, 2, 4]];
      const decIn = oneHotSeqs(tf, decIds, nDec);
      const decOut = oneHotSeqs(tf, decIds.map((r) => [...r.slice(1), 4]), nDec);
      const h = await model.fit([enc, decIn], decOut, { batchSize: 2, epochs: 2, validationSplit: 0.2, shuffle: false, verbose: 0 });

      // Inference models as the example builds them from the trained one.
      const encoderModel = tf.model({ inputs: (model.input as Sym[])[0], outputs: [stateH, stateC] });
      const hIn = tf.input({ shape: [latent], name: 'decoder_state_input_h' });
      const cIn = tf.input({ shape: [latent], name: 'decoder_state_input_c' });
      const lstmLayer = model.layers[3];
      const decInput = (lstmLayer.input as Sym[])[0];
      const applied = lstmLayer.apply(decInput, { initialState: [hIn, cIn] }) as Sym[];
      const decoderModel = tf.model({ inputs: [decInput, hIn, cIn], outputs: [model.layers[4].apply(applied[0]) as Sym, applied[1], applied[2]] });
      let states = encoderModel.predict(enc.slice(0, 1)) as ReturnType<TF['tensor']>[];
      let target = tf.buffer([1, 1, nDec]);
      target.set(1, 0, 0, 0);
      const decoded: number[] = [];
      const probs: unknown[] = [];
      for (let step = 0; step < 4; step++) {
        const [out, hh, cc] = decoderModel.predict([target.toTensor(), ...states]) as ReturnType<TF['tensor']>[];
        const logits = out.reshape([out.shape[2]]);
        const id = logits.argMax().dataSync()[0];
        decoded.push(id);
        probs.push(logits);
        target = tf.buffer([1, 1, nDec]);
        target.set(1, 0, 0, id);
        states = [hh, cc];
      }
      return {
        history: h.history, layers: model.layers.map((l) => [l.name, l.getClassName()]),
        inputShapes: (model.input as Sym[]).map((s) => s.shape), decoded, probs, states,
        encOutShapes: (model.layers[2].output as Sym[]).map((s) => s.shape),
      };
    },
  },
  {
    name: 'mnist-transfer-cnn: summary, batchInputShape, freeze the feature layers, recompile with adam and acc, fit with validationData',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'valid', inputShape: [7, 7, 1], name: 'l1' }),
        tf.layers.activation({ activation: 'relu', name: 'l2' }),
        tf.layers.conv2d({ filters: 2, kernelSize: 3, name: 'l3' }),
        tf.layers.activation({ activation: 'relu', name: 'l4' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'l5' }),
        // Rate 0: the two libraries draw different dropout masks.
        tf.layers.dropout({ rate: 0, name: 'l6' }),
        tf.layers.flatten({ name: 'flat' }),
        tf.layers.dense({ units: 6, name: 'l7' }),
        tf.layers.activation({ activation: 'relu', name: 'l8' }),
        tf.layers.dropout({ rate: 0, name: 'l9' }),
        tf.layers.dense({ units: 5, name: 'l10' }),
        tf.layers.activation({ activation: 'softmax', name: 'l11' }),
      ] });
      fixWeights(tf, model);
      model.summary();
      const imageSize = model.layers[0].batchInputShape![1];
      for (let i = 0; i < 7; ++i) model.layers[i].trainable = false;
      model.compile({ loss: 'categoricalCrossentropy', optimizer: tf.train.adam(0.01), metrics: ['acc'] });
      model.summary();
      const x = tf.tensor4d(Array.from({ length: 6 * 49 }, (_, i) => (Math.sin(i * 0.91) + 1) / 2), [6, 7, 7, 1]);
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 0], 'int32'), 5);
      const before = model.layers[0].getWeights()[0];
      const h = await model.fit(x, y, { batchSize: 4, epochs: 2, shuffle: false, validationData: [x.slice(0, 2), y.slice(0, 2)], verbose: 0 });
      const pred = tf.tidy(() => {
        const out = model.predict(x.slice(0, 3)) as ReturnType<TF['tensor']>;
        return [out, out.argMax(1)];
      });
      return { imageSize, h: h.history, frozenSame: before, after: model.layers[0].getWeights()[0], head: model.layers[10].getWeights(), pred,
        trainable: model.trainableWeights.map((w) => w.name), nonTrainable: model.nonTrainableWeights.map((w) => w.shape) };
    },
  },
  {
    name: 'mnist-transfer-cnn: rebuild a sequential from each layer\'s class name and getConfig',
    run: (tf) => {
      const old = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 3, inputShape: [6, 6, 1], name: 'c1', kernelInitializer: 'ones', kernelRegularizer: tf.regularizers.l2(), kernelConstraint: tf.constraints.maxNorm({ maxValue: 2 }) }),
        tf.layers.activation({ activation: 'relu', name: 'l13' }),
        tf.layers.maxPooling2d({ poolSize: [2, 2], name: 'l14' }),
        tf.layers.dropout({ rate: 0.25, name: 'l15' }),
        tf.layers.flatten({ name: 'flat' }),
        tf.layers.dense({ units: 3, name: 'd1', kernelInitializer: tf.initializers.randomNormal({ stddev: 0.1, seed: 3 }), activation: 'relu' }),
      ] });
      const typeMap: Record<string, string> = { Activation: 'activation', Conv2D: 'conv2d', Dense: 'dense', Dropout: 'dropout', Flatten: 'flatten', MaxPooling2D: 'maxPooling2d' };
      const model = tf.sequential();
      const factories = tf.layers as unknown as Record<string, (c: unknown) => Parameters<typeof model.add>[0]>;
      for (const layer of old.layers) model.add(factories[typeMap[layer.getClassName()]](layer.getConfig()));
      model.summary();
      fixWeights(tf, model);
      return { names: model.layers.map((l) => l.name), // Dropout's and flatten's configs differ in keys that hold nothing (noiseShape: null, dataFormat); the others match.
        configs: model.layers.filter((l) => !['Dropout', 'Flatten'].includes(l.getClassName())).map((l) => l.getConfig()), shape: model.outputs[0].shape, out: model.predict(tf.ones([1, 6, 6, 1])) };
    },
  },
  {
    name: 'mnist-core: hand-written convnet of tf.variable weights trained with sgd.minimize(returnCost)',
    run: (tf) => {
      const optimizer = tf.train.sgd(0.1);
      const fill = (shape: number[], s: number) => tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b) }, (_, i) => s * Math.cos(i * 1.3)), shape);
      const conv1Weights = tf.variable(fill([3, 3, 1, 2], 0.2));
      const conv2Weights = tf.variable(fill([3, 3, 2, 3], 0.2));
      const fcWeights = tf.variable(fill([2 * 2 * 3, 4], 1 / Math.sqrt(12)));
      const fcBias = tf.variable(tf.zeros([4]));
      const model = (inputXs: ReturnType<TF['tensor']>) => {
        const xs = inputXs.as4D(-1, 8, 8, 1);
        const layer1 = tf.tidy(() => xs.conv2d(conv1Weights as ReturnType<TF['tensor4d']>, 1, 'same').relu().maxPool([2, 2], 2, 0));
        const layer2 = tf.tidy(() => layer1.conv2d(conv2Weights as ReturnType<TF['tensor4d']>, 1, 'same').relu().maxPool([2, 2], 2, 0));
        return layer2.as2D(-1, fcWeights.shape[0]).matMul(fcWeights).add(fcBias);
      };
      const xs = tf.tensor2d(Array.from({ length: 3 * 64 }, (_, i) => (Math.sin(i * 0.37) + 1) / 2), [3, 64]);
      const labels = tf.oneHot(tf.tensor1d([1, 3, 0], 'int32'), 4);
      const costs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, model(xs)).mean() as ReturnType<TF['scalar']>, true);
        console.log(`loss[${i}]: ${cost!.dataSync()[0].toFixed(5)}`);
        costs.push(cost!.dataSync()[0]);
      }
      const pred = tf.tidy(() => model(xs).argMax(1));
      return { costs, pred: Array.from(pred.dataSync()), classes: Array.from(labels.argMax(1).dataSync()), w: fcBias, c1: conv1Weights };
    },
  },
  {
    name: 'visualize-convnet: internal activations, gradient of a class score w.r.t. conv output and input (grad over apply)',
    run: (tf: TF) => {
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 3, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 2], name: 'block1_conv1' }),
        tf.layers.conv2d({ filters: 2, kernelSize: 2, activation: 'relu', name: 'block1_conv2' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'block1_pool' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 3, activation: 'softmax', name: 'predictions' }),
      ] });
      fixWeights(tf, model, 0.5);
      const x = tf.tensor4d(Array.from({ length: 72 }, (_, i) => 1 + Math.sin(i * 0.53)), [1, 6, 6, 2]);
      // Internal activations through a composite model.
      const layerNames = ['block1_conv1', 'block1_conv2'];
      const composite = tf.model({ inputs: model.input as Sym, outputs: layerNames.map((n) => model.getLayer(n).output as Sym).concat(model.outputs[0]) });
      const outputs = composite.predict(x) as ReturnType<TF['tensor']>[];
      const split = tf.split(outputs[0], outputs[0].shape[outputs[0].shape.length - 1], -1).map((t) => tf.tile(t, [1, 1, 1, 3]));
      // Class activation map: the last conv layer found by class name, two sub-models, tf.grad of a gathered class.
      let layerIndex = model.layers.length - 1;
      while (layerIndex >= 0 && !model.layers[layerIndex].getClassName().startsWith('Conv')) layerIndex--;
      tf.util.assert(layerIndex >= 0, () => 'no conv layer');
      const lastConv = model.layers[layerIndex];
      console.log(`last conv at ${layerIndex}: ${lastConv.getClassName()} ${lastConv.name}`);
      const sub1 = tf.model({ inputs: model.inputs, outputs: lastConv.output as Sym });
      const newInput = tf.input({ shape: (lastConv.output as Sym).shape.slice(1) as number[] });
      let y: Sym = newInput;
      for (let i = layerIndex + 1; i < model.layers.length; i++) y = model.layers[i].apply(y) as Sym;
      const sub2 = tf.model({ inputs: newInput, outputs: y });
      const cam = tf.tidy(() => {
        const classOut = (input: ReturnType<TF['tensor']>) => (sub2.apply(input, { training: true }) as ReturnType<TF['tensor']>).gather([1], 1);
        const convValues = sub1.apply(x) as ReturnType<TF['tensor']>;
        const gradValues = tf.grad(classOut)(convValues);
        const pooled = tf.mean(gradValues, [0, 1, 2]);
        let heat = convValues.mul(pooled).mean(-1).relu();
        heat = heat.div(heat.max().add(1e-3)).expandDims(-1);
        return [gradValues, tf.image.resizeBilinear(heat as ReturnType<TF['tensor4d']>, [6, 6])];
      });
      // Gradient ascent in input space on one filter of a conv layer.
      const ascent = tf.tidy(() => {
        const aux = tf.model({ inputs: model.inputs, outputs: model.getLayer('block1_conv2').output as Sym });
        const grads = tf.grad((input: ReturnType<TF['tensor']>) => (aux.apply(input, { training: true }) as ReturnType<TF['tensor']>).gather([0], 3));
        let image = x.mul(20).add(128);
        for (let i = 0; i < 3; ++i) {
          const scaled = tf.tidy(() => {
            const g = grads(image);
            return g.div(tf.sqrt(tf.mean(tf.square(g))).add(1e-7));
          });
          image = tf.clipByValue(image.add(scaled), 0, 255);
        }
        const { mean, variance } = tf.moments(image);
        const d = tf.clipByValue(image.sub(mean).div(tf.sqrt(variance).add(1e-7)).add(0.5), 0, 1).mul(255);
        return tf.clipByValue(d, 0, 255).asType('int32');
      });
      return { outputs, split, cam, ascent };
    },
  },
];
