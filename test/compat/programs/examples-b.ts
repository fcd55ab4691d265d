import type { Program, TF } from '../harness';

// Programs shaped as TF.js's official examples (iris to webcam-transfer-learning) are written: the same API calls,
// layer configurations and training-loop shapes, on small fixed data and weights.

type Model = ReturnType<TF['sequential']> | ReturnType<TF['model']>;
type Sym = ReturnType<TF['input']>;

/** Sets every weight of a model to a fixed, varied value (TF.js and tessera draw different random streams). */
function fixWeights(tf: TF, model: Model, scale = 0.3): void {
  let k = 0;
  const names = model.weights.map((w) => w.name);
  model.setWeights(model.getWeights().map((w, i) => {
    const values = Array.from({ length: w.size }, () => scale * Math.sin(1 + 1.7 * k++));
    // A variance must stay positive.
    return tf.tensor(names[i].endsWith('moving_variance') ? values.map((v) => 1 + Math.abs(v)) : values, w.shape);
  }));
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
  {
    name: 'snake-dqn: online/target networks, variableGrads of a masked Q loss, applyGradients, weights copied under trainable toggling',
    run: (tf) => {
      const [h, w, numActions] = [4, 4, 3];
      const createDeepQNetwork = (name: string) => {
        const model = tf.sequential({ name });
        model.add(tf.layers.conv2d({ filters: 3, kernelSize: 3, strides: 1, activation: 'relu', inputShape: [h, w, 2], name: `${name}_c1` }));
        model.add(tf.layers.batchNormalization({ name: `${name}_bn` }));
        model.add(tf.layers.conv2d({ filters: 2, kernelSize: 2, strides: 1, activation: 'relu', name: `${name}_c2` }));
        model.add(tf.layers.flatten({ name: `${name}_flat` }));
        model.add(tf.layers.dense({ units: 5, activation: 'relu', name: `${name}_d1` }));
        model.add(tf.layers.dropout({ rate: 0, name: `${name}_drop` }));
        model.add(tf.layers.dense({ units: numActions, name: `${name}_out` }));
        return model;
      };
      const copyWeights = (dest: Model, src: Model) => {
        let original: boolean | undefined;
        if (dest.trainable !== src.trainable) {
          original = dest.trainable;
          dest.trainable = src.trainable;
        }
        dest.setWeights(src.getWeights());
        if (original != null) dest.trainable = original;
      };
      const getStateTensor = (states: number[][][], height: number, width: number) => {
        const buffer = tf.buffer([states.length, height, width, 2]);
        states.forEach((s, n) => s.forEach(([y, x], i) => buffer.set(i === 0 ? 2 : 1, n, y, x, 0)));
        states.forEach((_, n) => buffer.set(1, n, (n + 1) % height, (n * 3) % width, 1));
        return buffer.toTensor();
      };
      const online = createDeepQNetwork('online');
      const target = createDeepQNetwork('target');
      fixWeights(tf, online);
      target.trainable = false;
      copyWeights(target, online);
      const optimizer = tf.train.adam(0.01);
      const batch: [number[][], number, number, boolean, number[][]][] = [
        [[[0, 0], [0, 1]], 0, 1, false, [[1, 0], [0, 0]]],
        [[[2, 2], [2, 3]], 2, -10, true, [[3, 2], [2, 2]]],
        [[[1, 3], [1, 2]], 1, 0, false, [[1, 1], [1, 3]]],
      ];
      const lossFunction = () => tf.tidy(() => {
        const stateTensor = getStateTensor(batch.map((e) => e[0]), h, w);
        const actionTensor = tf.tensor1d(batch.map((e) => e[1]), 'int32');
        const qs = (online.apply(stateTensor, { training: true }) as ReturnType<TF['tensor']>).mul(tf.oneHot(actionTensor, numActions)).sum(-1);
        const rewardTensor = tf.tensor1d(batch.map((e) => e[2]));
        const nextMaxQ = (target.predict(getStateTensor(batch.map((e) => e[4]), h, w)) as ReturnType<TF['tensor']>).max(-1);
        const doneMask = tf.scalar(1).sub(tf.tensor1d(batch.map((e) => e[3])).asType('float32'));
        const targetQs = rewardTensor.add(nextMaxQ.mul(doneMask).mul(0.9));
        return tf.losses.meanSquaredError(targetQs, qs) as ReturnType<TF['scalar']>;
      });
      const out: unknown[] = [];
      for (let step = 0; step < 2; step++) {
        const grads = tf.variableGrads(lossFunction);
        out.push(grads.value, Object.keys(grads.grads).sort());
        optimizer.applyGradients(grads.grads);
        tf.dispose(grads);
      }
      const action = tf.tidy(() => online.predict(getStateTensor([[[0, 0], [0, 1]]], h, w)) as ReturnType<TF['tensor']>).argMax(-1).dataSync()[0];
      copyWeights(target, online);
      return { out, action, target: target.getWeights(), trainable: [online.trainable, target.trainable, target.trainableWeights.length] };
    },
  },
  {
    name: 'mnist-acgan: embedding times latent, conv2dTranspose generator, two-output discriminator frozen in the combined model, trainOnBatch',
    run: async (tf) => {
      const [latentSize, numClasses] = [4, 3];
      const cnn = tf.sequential({ name: 'gen_cnn' });
      cnn.add(tf.layers.dense({ units: 2 * 2 * 3, inputShape: [latentSize], activation: 'relu', name: 'g_dense' }));
      cnn.add(tf.layers.reshape({ targetShape: [2, 2, 3], name: 'g_reshape' }));
      cnn.add(tf.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu', kernelInitializer: 'glorotNormal', name: 'g_up1' }));
      cnn.add(tf.layers.batchNormalization({ name: 'g_bn' }));
      cnn.add(tf.layers.conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: 'glorotNormal', name: 'g_up2' }));
      const latent = tf.input({ shape: [latentSize], name: 'g_latent' });
      const imageClass = tf.input({ shape: [1], name: 'g_class' });
      const embedded = tf.layers.embedding({ inputDim: numClasses, outputDim: latentSize, embeddingsInitializer: 'glorotNormal', name: 'g_emb' }).apply(imageClass) as Sym;
      const classEmbedding = tf.layers.flatten({ name: 'g_emb_flat' }).apply(embedded) as Sym;
      const hd = tf.layers.multiply({ name: 'g_mul' }).apply([latent, classEmbedding]) as Sym;
      const generator = tf.model({ inputs: [latent, imageClass], outputs: cnn.apply(hd) as Sym, name: 'generator' });
      fixWeights(tf, generator);

      const dcnn = tf.sequential({ name: 'disc_cnn' });
      dcnn.add(tf.layers.conv2d({ filters: 2, kernelSize: 3, padding: 'same', strides: 2, inputShape: [4, 4, 1], name: 'd_c1' }));
      dcnn.add(tf.layers.leakyReLU({ alpha: 0.2, name: 'd_lr1' }));
      dcnn.add(tf.layers.dropout({ rate: 0, name: 'd_drop1' }));
      dcnn.add(tf.layers.flatten({ name: 'd_flat' }));
      const image = tf.input({ shape: [4, 4, 1], name: 'd_image' });
      const features = dcnn.apply(image) as Sym;
      const realness = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'd_real' }).apply(features) as Sym;
      const aux = tf.layers.dense({ units: numClasses, activation: 'softmax', name: 'd_aux' }).apply(features) as Sym;
      const discriminator = tf.model({ inputs: image, outputs: [realness, aux], name: 'discriminator' });
      fixWeights(tf, discriminator, 0.4);
      discriminator.compile({ optimizer: tf.train.adam(0.01, 0.5), loss: ['binaryCrossentropy', 'sparseCategoricalCrossentropy'] });
      discriminator.summary();
      generator.summary();

      const cLatent = tf.input({ shape: [latentSize], name: 'c_latent' });
      const cClass = tf.input({ shape: [1], name: 'c_class' });
      const fake = generator.apply([cLatent, cClass]) as Sym;
      discriminator.trainable = false;
      const [cFake, cAux] = discriminator.apply(fake) as Sym[];
      const combined = tf.model({ inputs: [cLatent, cClass], outputs: [cFake, cAux], name: 'combined' });
      combined.compile({ optimizer: tf.train.adam(0.0002, 0.5), loss: ['binaryCrossentropy', 'sparseCategoricalCrossentropy'] });
      combined.summary();

      const z = tf.tensor2d(Array.from({ length: 2 * latentSize }, (_, i) => Math.sin(i * 0.7)), [2, latentSize]);
      const labels = tf.tensor2d([[1], [2]]);
      const realImages = tf.tensor4d(Array.from({ length: 32 }, (_, i) => Math.cos(i * 0.4)), [2, 4, 4, 1]);
      const [x, y, auxY] = tf.tidy(() => {
        const generated = generator.predict([z, labels], { batchSize: 2 }) as ReturnType<TF['tensor']>;
        return [tf.concat([realImages, generated], 0), tf.concat([tf.ones([2, 1]).mul(0.95), tf.zeros([2, 1])]), tf.concat([tf.tensor2d([[0], [1]]), labels], 0)];
      });
      const dLoss = await discriminator.trainOnBatch(x, [y, auxY]);
      const gLoss = await combined.trainOnBatch([z, labels], [tf.ones([2, 1]).mul(0.95), labels]);
      return { dLoss, gLoss, gen: generator.getWeights(), disc: discriminator.getWeights(), hd: hd.shape, fakeShape: fake.shape,
        counts: [combined.trainableWeights.length, combined.nonTrainableWeights.length, discriminator.trainableWeights.length] };
    },
  },
  {
    name: 'polynomial-regression-core: tf.scalar variables, a cubic built with tf.tidy, sgd.minimize over the coefficients',
    run: (tf) => {
      const a = tf.variable(tf.scalar(0.3));
      const b = tf.variable(tf.scalar(-0.2));
      const c = tf.variable(tf.scalar(0.5));
      const d = tf.variable(tf.scalar(0.1));
      const predict = (x: ReturnType<TF['tensor']>) => tf.tidy(() => a.mul(x.pow(tf.scalar(3, 'int32'))).add(b.mul(x.square())).add(c.mul(x)).add(d));
      const loss = (pred: ReturnType<TF['tensor']>, labels: ReturnType<TF['tensor']>) => pred.sub(labels).square().mean() as ReturnType<TF['scalar']>;
      const xs = tf.linspace(-1, 1, 9);
      const ys = tf.tidy(() => xs.pow(tf.scalar(3, 'int32')).mul(-0.8).add(xs.square().mul(-0.2)).add(xs.mul(0.9)).add(0.5));
      const optimizer = tf.train.sgd(0.5);
      const losses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const cost = optimizer.minimize(() => loss(predict(xs), ys), true);
        losses.push(cost!.dataSync()[0]);
      }
      const coeffs = { a: a.dataSync()[0], b: b.dataSync()[0], c: c.dataSync()[0], d: d.dataSync()[0] };
      return { losses, coeffs, pred: predict(xs), arr: Array.from(predict(xs).dataSync()) };
    },
  },
  {
    name: 'trainable after compile: freezing takes effect at once, unfreezing waits for compile, nothing trainable throws',
    run: async (tf) => {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'f1' }),
        tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'f2' }),
      ] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const [x, y] = [tf.tensor2d([[1, 2], [3, -1]]), tf.tensor2d([[0.5], [-1]])];
      const out: unknown[] = [];
      // Read at once: TF.js's getWeights gives the live variables, which later steps change.
      const values = () => model.getWeights().map((w) => w.arraySync());
      model.layers[0].trainable = false;
      out.push(await model.trainOnBatch(x, y), values());
      model.layers[0].trainable = true;
      model.layers[1].trainable = false;
      out.push(await model.trainOnBatch(x, y), values());
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      out.push(await model.trainOnBatch(x, y), values());
      model.summary();
      model.trainable = false;
      try {
        await model.trainOnBatch(x, y);
        out.push('trained');
      } catch {
        out.push('threw');
      }
      out.push(model.getWeights().map((w) => w.shape), model.nonTrainableWeights.map((w) => w.name));
      return out;
    },
  },
  {
    name: 'sentiment: embedding into conv1d + globalMaxPool1d, lstm and bidirectional lstm heads, binary crossentropy fit',
    run: async (tf) => {
      const [vocab, maxLen, dim] = [7, 5, 3];
      const ids = tf.tensor2d([[1, 2, 3, 0, 0], [4, 5, 6, 2, 1], [3, 3, 0, 0, 0], [6, 1, 2, 4, 5]]);
      const labels = tf.tensor2d([[1], [0], [1], [0]]);
      const out: unknown[] = [];
      for (const kind of ['cnn', 'lstm', 'bidirectionalLSTM']) {
        const model = tf.sequential({ name: `sent_${kind}` });
        model.add(tf.layers.embedding({ inputDim: vocab, outputDim: dim, inputLength: maxLen, name: `${kind}_emb` }));
        if (kind === 'cnn') {
          model.add(tf.layers.dropout({ rate: 0, name: `${kind}_drop` }));
          model.add(tf.layers.conv1d({ filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu', name: `${kind}_conv` }));
          model.add(tf.layers.globalMaxPool1d({ name: `${kind}_pool` }));
          model.add(tf.layers.dense({ units: 3, activation: 'relu', name: `${kind}_hidden` }));
        } else if (kind === 'lstm') {
          model.add(tf.layers.lstm({ units: 4, name: `${kind}_rnn` }));
        } else {
          model.add(tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }) as never, mergeMode: 'concat', name: `${kind}_rnn` }));
        }
        model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', name: `${kind}_out` }));
        fixWeights(tf, model);
        model.compile({ loss: 'binaryCrossentropy', optimizer: tf.train.sgd(0.5), metrics: ['acc'] });
        const h = await model.fit(ids, labels, { epochs: 2, batchSize: 2, shuffle: false, validationSplit: 0.25, verbose: 0 });
        model.summary();
        const score = (model.predict(tf.tensor2d([[2, 3, 4, 0, 0]])) as ReturnType<TF['tensor']>).dataSync()[0];
        out.push(h.history, score, model.evaluate(ids, labels));
      }
      return out;
    },
  },
  {
    name: 'iris: oneHot labels, softmax classifier with an onEpochEnd callback, argMax predictions and a confusion matrix',
    run: async (tf) => {
      const data = [[5.1, 3.5, 1.4, 0.2, 0], [7.0, 3.2, 4.7, 1.4, 1], [6.3, 3.3, 6.0, 2.5, 2], [4.9, 3.0, 1.4, 0.2, 0], [6.4, 3.2, 4.5, 1.5, 1], [5.8, 2.7, 5.1, 1.9, 2]];
      const xs = tf.tensor2d(data.map((r) => r.slice(0, 4)), [data.length, 4]);
      const ys = tf.oneHot(tf.tensor1d(data.map((r) => r[4])).toInt(), 3);
      const model = tf.sequential({ name: 'iris' });
      model.add(tf.layers.dense({ units: 5, activation: 'sigmoid', inputShape: [xs.shape[1]], name: 'iris_h' }));
      model.add(tf.layers.dense({ units: 3, activation: 'softmax', name: 'iris_out' }));
      fixWeights(tf, model);
      model.summary();
      model.compile({ optimizer: tf.train.sgd(0.3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const logs: unknown[] = [];
      const h = await model.fit(xs, ys, { epochs: 3, shuffle: false, validationData: [xs, ys], verbose: 0, callbacks: { onEpochEnd: async (epoch, l) => { logs.push([epoch, l]); await tf.nextFrame(); } } });
      const predictOut = model.predict(xs) as ReturnType<TF['tensor']>;
      const winners = predictOut.argMax(-1);
      const truth = ys.argMax(-1);
      const confusion = tf.math.confusionMatrix(truth as ReturnType<TF['tensor1d']>, winners as ReturnType<TF['tensor1d']>, 3);
      const input = tf.tensor2d([[5.0, 3.4, 1.5, 0.2]], [1, 4]);
      return { h: h.history, logs, predictOut, winners, confusion, one: (model.predict(input) as ReturnType<TF['tensor']>).arraySync() };
    },
  },
  {
    name: 'jena-weather: flatten + dense baseline and GRU on windows from a tf.data generator, fitDataset with validation',
    run: async (tf) => {
      const [lookBack, features] = [4, 2];
      const series = Array.from({ length: 20 }, (_, i) => [Math.sin(i * 0.4), Math.cos(i * 0.3)]);
      function* windows(start: number, end: number) {
        for (let i = start; i + lookBack < end; i++) {
          yield { xs: tf.tensor2d(series.slice(i, i + lookBack), [lookBack, features]), ys: tf.tensor1d([series[i + lookBack][0]]) };
        }
      }
      const out: unknown[] = [];
      for (const kind of ['mlp', 'gru', 'simpleRNN']) {
        const model = tf.sequential({ name: `jena_${kind}` });
        if (kind === 'mlp') {
          model.add(tf.layers.flatten({ inputShape: [lookBack, features], name: `${kind}_flat` }));
          model.add(tf.layers.dense({ units: 3, activation: 'relu', name: `${kind}_h` }));
        } else if (kind === 'gru') {
          model.add(tf.layers.gru({ units: 3, inputShape: [lookBack, features], name: `${kind}_rnn` }));
        } else {
          model.add(tf.layers.simpleRNN({ units: 3, inputShape: [lookBack, features], name: `${kind}_rnn` }));
        }
        model.add(tf.layers.dense({ units: 1, name: `${kind}_out` }));
        fixWeights(tf, model);
        model.compile({ loss: 'meanAbsoluteError', optimizer: tf.train.rmsprop(0.01) });
        const train = tf.data.generator(() => windows(0, 14)).batch(4);
        const val = tf.data.generator(() => windows(12, 20)).batch(4);
        const h = await model.fitDataset(train, { epochs: 2, validationData: val, verbose: 0 });
        out.push(h.history, model.predict(tf.tensor3d([series.slice(0, lookBack)])));
      }
      return out;
    },
  },
  {
    name: 'lstm-text-generation: one-hot LSTM, fit on next characters, sampling logits as log(probs) / temperature',
    run: async (tf) => {
      const text = 'abcabdabcab';
      const chars = [...new Set(text)].sort();
      const [sampleLen, n] = [3, chars.length];
      const starts = Array.from({ length: text.length - sampleLen }, (_, i) => i);
      const xsBuf = tf.buffer([starts.length, sampleLen, n]);
      const ysBuf = tf.buffer([starts.length, n]);
      starts.forEach((s, i) => {
        for (let j = 0; j < sampleLen; j++) xsBuf.set(1, i, j, chars.indexOf(text[s + j]));
        ysBuf.set(1, i, chars.indexOf(text[s + sampleLen]));
      });
      const model = tf.sequential({ name: 'textgen' });
      model.add(tf.layers.lstm({ units: 4, returnSequences: true, inputShape: [sampleLen, n], name: 'tg_l1' }));
      model.add(tf.layers.lstm({ units: 3, returnSequences: false, name: 'tg_l2' }));
      model.add(tf.layers.dense({ units: n, activation: 'softmax', name: 'tg_out' }));
      fixWeights(tf, model);
      model.compile({ optimizer: tf.train.rmsprop(0.05), loss: 'categoricalCrossentropy' });
      const h = await model.fit(xsBuf.toTensor(), ysBuf.toTensor(), { epochs: 2, batchSize: 4, validationSplit: 0.2, shuffle: false, verbose: 0 });
      const sampled: unknown[] = [];
      for (const temperature of [0.25, 0.75, 1]) {
        const seed = tf.buffer([1, sampleLen, n]);
        [0, 1, 2].forEach((c, j) => seed.set(1, 0, j, c));
        const probs = (model.predict(seed.toTensor()) as ReturnType<TF['tensor']>).squeeze();
        const logits = tf.tidy(() => tf.div(tf.log(probs), Math.max(temperature, 1e-6)));
        const scaled = tf.softmax(logits as ReturnType<TF['tensor1d']>);
        sampled.push(logits, scaled, scaled.argMax().dataSync()[0]);
      }
      const draws = tf.multinomial(tf.tensor1d([-100, 100, -100]), 4, 7).dataSync();
      return { h: h.history, sampled, draws: Array.from(draws) };
    },
  },
];
