import type { Kwargs, LayerArgs, LayersModel, LayerVariable, ModelArtifacts, Scalar, Shape, SymbolicTensor, Tensor, Tensor2D } from '../../../src/index';
import type { Program, TF } from '../harness';

// Programs shaped as TF.js's official examples (tfjs-examples: custom-layer, date-conversion-attention,
// fashion-mnist-vae, cart-pole, data-generator, boston-housing, addition-rnn, abalone/baseball-node), with small
// fixed data and weights: the same API calls made the same way, so a user's copy of an example runs unchanged.

/** Sets every weight of a model to fixed values: 0.1·sin(1 + i) over the flattened weights, in order. */
function fixWeights(tf: TF, model: { getWeights(): Tensor[]; setWeights(w: Tensor[]): void }): void {
  let k = 0;
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => 0.1 * Math.sin(1 + k++)), w.shape)));
}

/** The custom-layer example's layer: centers each example, then keeps the positive and negative parts as channels. */
function antirectifierClass(tf: TF) {
  return class Antirectifier extends tf.layers.Layer {
    constructor() {
      super({});
      this.supportsMasking = true;
    }

    override computeOutputShape(inputShape: Shape): Shape {
      return [inputShape[0], inputShape[1], inputShape[2], 2 * (inputShape[3] as number)];
    }

    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor {
      const input = Array.isArray(inputs) ? inputs[0] : inputs;
      this.invokeCallHook(inputs, kwargs);
      const s = input.shape;
      const flat = input.reshape([s[0], s[1] * s[2] * s[3]]);
      const centered = tf.sub(flat, flat.mean(1).expandDims(1));
      const pos = centered.relu().reshape(s);
      const neg = centered.neg().relu().reshape(s);
      return tf.concat([pos, neg], 3);
    }

    override getClassName(): string {
      return 'Antirectifier';
    }
  };
}

/** The date-conversion example's layer: the last time step of a sequence, registered for saving by its className. */
function lastTimestepClass(tf: TF) {
  class GetLastTimestepLayer extends tf.layers.Layer {
    constructor(config?: LayerArgs) {
      super(config || {});
    }

    override computeOutputShape(inputShape: Shape): Shape {
      const outputShape = inputShape.slice();
      outputShape.splice(outputShape.length - 2, 1);
      return outputShape;
    }

    override call(input: Tensor | Tensor[]): Tensor {
      const x = Array.isArray(input) ? input[0] : input;
      tf.util.assert(x.shape.length === 3, `Invalid input rank: ${x.shape.length}`);
      return x.gather([x.shape[1] - 1], 1).squeeze([1]);
    }

    static get className(): string {
      return 'GetLastTimestepLayer';
    }
  }
  tf.serialization.registerClass(GetLastTimestepLayer);
  return GetLastTimestepLayer;
}

/** A custom layer with weights as users write it: build makes them with addWeight, getConfig adds its settings. */
function scaledDenseClass(tf: TF) {
  class ScaledDense extends tf.layers.Layer {
    static className = 'ScaledDense';
    readonly units: number;
    readonly scale: number;
    kernel: LayerVariable | null = null;
    bias: LayerVariable | null = null;

    constructor(config: LayerArgs & { units: number; scale?: number }) {
      super(config);
      this.units = config.units;
      this.scale = config.scale ?? 1;
    }

    override build(inputShape: Shape | Shape[]): void {
      const s = inputShape as Shape;
      this.kernel = this.addWeight('kernel', [s[s.length - 1] as number, this.units], 'float32', tf.initializers.ones());
      this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.constant({ value: 0.5 }));
      this.built = true;
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      return [(inputShape as Shape)[0], this.units];
    }

    override call(inputs: Tensor | Tensor[]): Tensor {
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0] : inputs;
        return tf.matMul(x, (this.kernel as LayerVariable).read()).add((this.bias as LayerVariable).read()).mul(this.scale).tanh();
      });
    }

    override getConfig() {
      const config = super.getConfig();
      Object.assign(config, { units: this.units, scale: this.scale });
      return config;
    }
  }
  tf.serialization.registerClass(ScaledDense);
  return ScaledDense;
}

/**
 * The VAE example's sampling layer: z = mean + exp(logVar / 2)·epsilon, with a fixed epsilon here (the example
 * draws it from tf.randomNormal); it passes `outputShape`, a key TF.js's layers ignore, and names its class in a
 * static getClassName as the example does.
 */
function zLayerClass(tf: TF) {
  return class ZLayer extends tf.layers.Layer {
    constructor(config: LayerArgs & { outputShape?: number[] }) {
      super(config);
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      tf.util.assert(inputShape.length === 2 && Array.isArray(inputShape[0]), () => `Expected exactly 2 input shapes. But got: ${inputShape}`);
      return (inputShape as Shape[])[0];
    }

    override call(inputs: Tensor | Tensor[]): Tensor {
      const [zMean, zLogVar] = inputs as Tensor[];
      const epsilon = tf.linspace(-1, 1, zMean.shape[0] * zMean.shape[1]).reshape([zMean.shape[0], zMean.shape[1]]);
      return zMean.add(zLogVar.mul(0.5).exp().mul(epsilon));
    }

    static getClassName(): string {
      return 'ZLayer';
    }
  };
}

/** The VAE example's encoder (three outputs), decoder (a sequential model) and the model joining them. */
function vaeModels(tf: TF, originalDim: number, intermediateDim: number, latentDim: number) {
  const ZLayer = zLayerClass(tf);
  const inputs = tf.input({ shape: [originalDim], name: 'encoder_input' });
  const x = tf.layers.dense({ units: intermediateDim, activation: 'relu', name: 'enc_hidden' }).apply(inputs) as SymbolicTensor;
  const zMean = tf.layers.dense({ units: latentDim, name: 'z_mean' }).apply(x) as SymbolicTensor;
  const zLogVar = tf.layers.dense({ units: latentDim, name: 'z_log_var' }).apply(x) as SymbolicTensor;
  const z = new ZLayer({ name: 'z', outputShape: [latentDim] }).apply([zMean, zLogVar]) as SymbolicTensor;
  const encoder = tf.model({ inputs, outputs: [zMean, zLogVar, z], name: 'encoder' });
  const decoder = tf.sequential({ name: 'decoder' });
  decoder.add(tf.layers.dense({ units: intermediateDim, activation: 'relu', inputShape: [latentDim], name: 'dec_hidden' }));
  decoder.add(tf.layers.dense({ units: originalDim, activation: 'sigmoid', name: 'dec_out' }));
  const encoderOutputs = encoder.apply(encoder.inputs) as SymbolicTensor[];
  const decoderOutput = decoder.apply(encoderOutputs[2]) as SymbolicTensor;
  const vae = tf.model({ inputs: encoder.inputs, outputs: [decoderOutput, ...encoderOutputs], name: 'vae_mlp' });
  fixWeights(tf, vae);
  return { encoder, decoder, vae };
}

/** The VAE example's loss: reconstruction (mean squared error times the input size) plus the KL divergence. */
function vaeLoss(tf: TF, inputs: Tensor, outputs: Tensor[]): Tensor {
  return tf.tidy(() => {
    const originalDim = inputs.shape[1];
    const [decoderOutput, zMean, zLogVar] = outputs;
    const reconstructionLoss = tf.losses.meanSquaredError(inputs, decoderOutput).mul(originalDim);
    let klLoss = zLogVar.add(1).sub(zMean.square()).sub(zLogVar.exp());
    klLoss = klLoss.sum(-1).mul(-0.5);
    return reconstructionLoss.add(klLoss).mean();
  });
}

/** The cart-pole example's policy network: sampled actions' log-likelihood gradients, one per step. */
function policyNetwork(tf: TF) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 5, activation: 'elu', inputShape: [4], name: 'policy_hidden' }));
  model.add(tf.layers.dense({ units: 1, name: 'policy_logit' }));
  fixWeights(tf, model);
  /** The gradients for a state, with the action fixed where the example samples it with tf.multinomial. */
  const gradientsFor = (state: Tensor, action: number) => tf.variableGrads(() => tf.tidy(() => {
    const logits = model.predict(state) as Tensor;
    const labels = tf.sub(1, tf.tensor2d([action], [1, 1]));
    return tf.losses.sigmoidCrossEntropy(labels, logits).asScalar();
  }));
  return { model, gradientsFor };
}

/** The data-generator example's game, made deterministic: three cards per hand, a win when the sum passes 8. */
function gameDataset(tf: TF) {
  let plays = 0;
  // The example passes a next() function (TF.js's types, as tessera's, name only iterators: hence the cast).
  const next = () => {
    const k = plays++;
    const hand = [1 + (k * 7) % 5, 1 + (k * 3) % 5, 1 + (k * 11) % 5];
    const value = [hand, [1 + (k * 2) % 5], Number(hand[0] + hand[1] + hand[2] > 8)];
    return { value, done: false };
  };
  return tf.data.generator(next as unknown as () => Iterator<(number | number[])[]>);
}

/** The example's features: the hand one-hot (3 cards of 5 values), the label as a 1-vector. */
function gameToFeaturesAndLabel(tf: TF, gameState: number[][] | number[]) {
  const [hand, , win] = gameState as [number[], number[], number];
  const features = tf.concat(hand.map((card) => tf.oneHot(tf.scalar(card - 1, 'int32'), 5)));
  return { features, label: tf.tensor1d([win]) };
}

/** The boston-housing example's normalization: the mean and standard deviation of each column. */
function meanAndStddev(data: Tensor) {
  const dataMean = data.mean(0);
  const variance = data.sub(dataMean).square().mean(0);
  return { dataMean, dataStd: variance.sqrt() };
}

/** Saves a model to memory (as the examples save to files) and gives back its artifacts. */
async function saveToMemory(tf: TF, model: LayersModel): Promise<ModelArtifacts> {
  let saved: ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return saved as unknown as ModelArtifacts;
}

/** The date-conversion example's attention model, shrunk: encoder and decoder LSTMs, dot attention, time-distributed dense heads. */
function attentionModel(tf: TF, inVocab: number, outVocab: number, inLen: number, outLen: number): LayersModel {
  const GetLastTimestepLayer = lastTimestepClass(tf);
  const units = 4;
  const encoderInput = tf.input({ shape: [inLen], name: 'enc_in' });
  const decoderInput = tf.input({ shape: [outLen], name: 'dec_in' });
  let encoder = tf.layers.embedding({ inputDim: inVocab, outputDim: 3, inputLength: inLen, maskZero: true, name: 'enc_emb' }).apply(encoderInput) as SymbolicTensor;
  encoder = tf.layers.lstm({ units, returnSequences: true, name: 'enc_lstm' }).apply(encoder) as SymbolicTensor;
  const encoderLast = new GetLastTimestepLayer({ name: 'encoderLast' }).apply(encoder) as SymbolicTensor;
  let decoder = tf.layers.embedding({ inputDim: outVocab, outputDim: 3, inputLength: outLen, maskZero: true, name: 'dec_emb' }).apply(decoderInput) as SymbolicTensor;
  decoder = tf.layers.lstm({ units, returnSequences: true, name: 'dec_lstm' }).apply(decoder, { initialState: [encoderLast, encoderLast] }) as SymbolicTensor;
  let attention = tf.layers.dot({ axes: [2, 2], name: 'att_dot' }).apply([decoder, encoder]) as SymbolicTensor;
  attention = tf.layers.activation({ activation: 'softmax', name: 'attention' }).apply(attention) as SymbolicTensor;
  const context = tf.layers.dot({ axes: [2, 1], name: 'context' }).apply([attention, encoder]) as SymbolicTensor;
  const combined = tf.layers.concatenate({ name: 'combined' }).apply([context, decoder]) as SymbolicTensor;
  let output = tf.layers.timeDistributed({ layer: tf.layers.dense({ units, activation: 'tanh', name: 'td_hidden_dense' }), name: 'td_hidden' }).apply(combined) as SymbolicTensor;
  output = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: outVocab, activation: 'softmax', name: 'td_out_dense' }), name: 'td_out' }).apply(output) as SymbolicTensor;
  const model = tf.model({ inputs: [encoderInput, decoderInput], outputs: output, name: 'date_attention' });
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam' });
  fixWeights(tf, model);
  return model;
}

export const examplesA: Program[] = [
  {
    name: 'dot layers on sequences (as attention computes scores and contexts): every axis pair, normalize, negative axes',
    run: (tf) => {
      const q = tf.tensor3d(Array.from({ length: 2 * 3 * 4 }, (_, i) => Math.sin(i)), [2, 3, 4]);
      const k = tf.tensor3d(Array.from({ length: 2 * 5 * 4 }, (_, i) => Math.cos(i)), [2, 5, 4]);
      const v = tf.tensor3d(Array.from({ length: 2 * 3 * 5 }, (_, i) => (i % 7) - 3), [2, 3, 5]);
      const x = tf.input({ shape: [3, 4] });
      const y = tf.input({ shape: [5, 4] });
      const sym = tf.layers.dot({ axes: -1 }).apply([x, y]) as SymbolicTensor;
      return [
        tf.layers.dot({ axes: [2, 2] }).apply([q, k]), tf.layers.dot({ axes: [2, 2], normalize: true }).apply([q, k]),
        tf.layers.dot({ axes: [2, 1] }).apply([v, k]), tf.layers.dot({ axes: 1 }).apply([q, v]), tf.layers.dot({ axes: [1, 2] }).apply([v.transpose([0, 2, 1]), q.transpose([0, 2, 1])]),
        sym.shape,
      ];
    },
  },
  {
    name: 'custom-layer: a weightless custom layer applied to an image and split into its two halves',
    run: (tf) => {
      const Antirectifier = antirectifierClass(tf);
      const img = tf.tensor4d(Array.from({ length: 2 * 3 * 3 }, (_, i) => (i * 7) % 11), [1, 3, 3, 2]);
      const layer = new Antirectifier();
      const [pos, neg] = tf.split(layer.apply(img) as Tensor, 2, 3);
      return { pos, neg, cls: layer.getClassName(), name: layer.name.replace(/\d+$/, '') };
    },
  },
  {
    name: 'custom-layer: the custom layer twice in a sequential convnet, predict, summary and one fit epoch',
    run: async (tf) => {
      const Antirectifier = antirectifierClass(tf);
      const model = tf.sequential();
      model.add(tf.layers.conv2d({ inputShape: [8, 8, 1], kernelSize: 3, filters: 2, strides: 1, activation: 'linear', kernelInitializer: 'varianceScaling', name: 'c1' }));
      model.add(new Antirectifier());
      model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2], name: 'p1' }));
      model.add(tf.layers.conv2d({ kernelSize: 2, filters: 2, strides: 1, activation: 'linear', kernelInitializer: 'varianceScaling', name: 'c2' }));
      model.add(new Antirectifier());
      model.add(tf.layers.flatten({ name: 'f' }));
      model.add(tf.layers.dense({ units: 3, kernelInitializer: 'varianceScaling', activation: 'softmax', name: 'd' }));
      fixWeights(tf, model);
      const xs = tf.tensor4d(Array.from({ length: 2 * 64 }, (_, i) => Math.cos(i)), [2, 8, 8, 1]);
      const ys = tf.oneHot(tf.tensor1d([0, 2], 'int32'), 3);
      model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const before = model.predict(xs) as Tensor;
      const h = await model.fit(xs, ys, { epochs: 2, batchSize: 2, shuffle: false });
      return { before, after: model.predict(xs) as Tensor, loss: h.history.loss, shapes: model.layers.map((l) => l.outputShape) };
    },
  },
  {
    name: 'custom-layer: a custom layer with weights (build, addWeight, read, getConfig) trains in a model and saves and loads',
    run: async (tf) => {
      const ScaledDense = scaledDenseClass(tf);
      const layer = new ScaledDense({ units: 3, scale: 0.5, inputShape: [2], name: 'scaled' });
      const model = tf.sequential({ layers: [layer, tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'head' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const xs = tf.tensor2d([[1, 2], [-1, 0.5], [0.3, -2], [2, 1]]);
      const ys = tf.tensor2d([[1], [0], [-1], [2]]);
      const h = await model.fit(xs, ys, { epochs: 3, batchSize: 2, shuffle: false });
      const artifacts = await saveToMemory(tf, model);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      const topology = artifacts.modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
      return {
        loss: h.history.loss, config: layer.getConfig(), saved: topology.config.layers[0], specs: artifacts.weightSpecs,
        weights: layer.getWeights(), names: layer.weights.map((w) => w.name), trainable: layer.trainableWeights.length,
        out: model.predict(xs) as Tensor, reloaded: loaded.predict(xs) as Tensor, loadedClass: loaded.layers[0].getClassName(),
        shape: layer.outputShape, params: model.countParams(),
      };
    },
  },
  {
    name: 'custom-layer: a registered last-timestep layer after an LSTM, applied and used in a model that saves and loads',
    run: async (tf) => {
      const GetLastTimestepLayer = lastTimestepClass(tf);
      const x = tf.tensor3d(Array.from({ length: 2 * 4 * 3 }, (_, i) => Math.sin(i)), [2, 4, 3]);
      const direct = new GetLastTimestepLayer().apply(x) as Tensor;
      const input = tf.input({ shape: [4, 3], name: 'seq' });
      const seq = tf.layers.lstm({ units: 2, returnSequences: true, name: 'l' }).apply(input) as SymbolicTensor;
      const last = new GetLastTimestepLayer({ name: 'last' }).apply(seq) as SymbolicTensor;
      const out = tf.layers.dense({ units: 1, name: 'o' }).apply(last) as SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: out });
      fixWeights(tf, model);
      const artifacts = await saveToMemory(tf, model);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      const topology = artifacts.modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
      return { direct, last: last.shape, saved: topology.config.layers[2], y: model.predict(x) as Tensor, reloaded: loaded.predict(x) as Tensor };
    },
  },
  {
    name: 'custom-layer: registerClass refuses a class without a static className',
    run: (tf) => {
      class Nameless extends tf.layers.Layer {}
      return tf.serialization.registerClass(Nameless as unknown as Parameters<typeof tf.serialization.registerClass>[0]);
    },
  },
  {
    name: 'date-conversion-attention: the functional attention model with a registered custom layer: predict, greedy decoding, attention output',
    run: (tf) => {
      const model = attentionModel(tf, 7, 5, 4, 3);
      const enc = tf.tensor2d([[1, 2, 3, 6], [4, 5, 0, 0]]);
      const dec = tf.tensor2d([[4, 1, 2], [4, 0, 0]]);
      const probs = model.predict([enc, dec]) as Tensor;
      // The example's greedy decoding: feed back each argmax through a buffer.
      const buf = tf.buffer([1, 3]);
      buf.set(4, 0, 0);
      const one = enc.slice([0, 0], [1, 4]);
      for (let i = 1; i < 3; ++i) {
        const out = model.predict([one, buf.toTensor()]) as Tensor;
        buf.set(out.argMax(2).dataSync()[i - 1], 0, i);
        out.dispose();
      }
      const withAttention = tf.model({ inputs: model.inputs, outputs: model.outputs.concat([model.getLayer('attention').output as SymbolicTensor]) });
      const [final, attention] = withAttention.predict([one, buf.toTensor()]) as Tensor[];
      return { probs, decoded: Array.from(buf.toTensor().dataSync()), final, attention, shapes: model.layers.map((l) => l.outputShape), params: model.countParams() };
    },
  },
  {
    name: 'date-conversion-attention: one fit epoch, then save and load the model with its registered custom layer',
    run: async (tf) => {
      const model = attentionModel(tf, 7, 5, 4, 3);
      const enc = tf.tensor2d([[1, 2, 3, 6], [4, 5, 0, 0], [2, 2, 1, 0]]);
      const dec = tf.tensor2d([[4, 1, 2], [4, 3, 0], [4, 2, 2]]);
      const target = tf.oneHot(tf.tensor2d([[1, 2, 3], [3, 0, 0], [2, 2, 1]], [3, 3], 'int32'), 5);
      const h = await model.fit([enc, dec], target, { epochs: 1, batchSize: 2, shuffle: false });
      const artifacts = await saveToMemory(tf, model);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      const topology = artifacts.modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
      const custom = topology.config.layers.find((l) => l.class_name === 'GetLastTimestepLayer');
      return { loss: h.history.loss, custom, predicted: model.predict([enc, dec]) as Tensor, reloaded: loaded.predict([enc, dec]) as Tensor, names: loaded.layers.map((l) => l.getClassName()) };
    },
  },
  {
    name: 'fashion-mnist-vae: a two-input custom sampling layer, nested encoder and decoder models, predict on the sub-models',
    run: (tf) => {
      const { encoder, decoder, vae } = vaeModels(tf, 6, 4, 2);
      const images = tf.tensor2d(Array.from({ length: 3 * 6 }, (_, i) => ((i * 5) % 9) / 9), [3, 6]);
      const outs = vae.apply(images) as Tensor[];
      const generated = decoder.predict(tf.zeros([2]).expandDims()) as Tensor;
      return {
        outs, loss: vaeLoss(tf, images, outs), encoded: encoder.predict(images) as Tensor[], generated,
        outputShapes: vae.outputs.map((o) => o.shape), layers: vae.layers.map((l) => l.name), zShape: encoder.getLayer('z').outputShape,
      };
    },
  },
  {
    name: 'fashion-mnist-vae: training with optimizer.minimize on the custom loss of the applied model',
    run: (tf) => {
      const { decoder, vae } = vaeModels(tf, 6, 4, 2);
      const optimizer = tf.train.adam();
      const batches = [[0, 1, 2], [3, 4]].map((rows) => tf.tensor2d(rows.flatMap((r) => Array.from({ length: 6 }, (_, i) => ((r * 6 + i) * 7 % 11) / 11)), [rows.length, 6]));
      const losses: number[] = [];
      for (let epoch = 0; epoch < 2; epoch++) {
        for (const batch of batches) {
          optimizer.minimize(() => {
            const outputs = vae.apply(batch) as Tensor[];
            const loss = vaeLoss(tf, batch, outputs);
            losses.push(loss.dataSync()[0]);
            return loss as Scalar;
          });
        }
      }
      return { losses, generated: decoder.predict(tf.zeros([2]).expandDims()) as Tensor, weights: vae.getWeights() };
    },
  },
  {
    name: 'cart-pole: per-step variableGrads of the policy, rewards discounted and normalized, gradients scaled, averaged and applied',
    run: (tf) => {
      const { model, gradientsFor } = policyNetwork(tf);
      const states = [[0.1, -0.2, 0.05, 0.3], [0.12, 0.1, 0.02, -0.1], [-0.3, 0.2, 0.1, 0], [0.2, 0.2, -0.1, 0.4], [0, -0.1, 0.3, 0.2]];
      const games = [[0, 1, 2], [3, 4]];
      const actions = [0, 1, 1, 0, 1];
      const allGradients: Record<string, Tensor[][]> = {};
      const allRewards: number[][] = [];
      const firstValue: number[] = [];
      for (const game of games) {
        const gameGradients: Record<string, Tensor[]> = {};
        const rewards: number[] = [];
        game.forEach((s, j) => {
          const { value, grads } = tf.tidy(() => gradientsFor(tf.tensor2d([states[s]]), actions[s]));
          firstValue.push(value.dataSync()[0]);
          for (const key in grads) (gameGradients[key] ??= []).push(grads[key]);
          rewards.push(j === game.length - 1 ? 0 : 1);
        });
        for (const key in gameGradients) (allGradients[key] ??= []).push(gameGradients[key]);
        allRewards.push(rewards);
      }
      // discountRewards, then the normalization over every step of every game.
      const discounted = allRewards.map((rs) => {
        const out: number[] = [];
        for (let i = rs.length - 1; i >= 0; --i) out.push(0.95 * (out.length > 0 ? out[out.length - 1] : 0) + rs[i]);
        return out.reverse();
      });
      const [mean, std] = tf.tidy(() => {
        const r = tf.tensor1d(discounted.flat());
        const m = tf.mean(r);
        return [m.dataSync()[0], tf.sqrt(tf.mean(tf.square(r.sub(m)))).dataSync()[0]];
      });
      const normalized = discounted.map((rs) => rs.map((r) => (r - mean) / std));
      const gradients: Record<string, Tensor> = {};
      for (const name in allGradients) {
        gradients[name] = tf.tidy(() => {
          let sum = tf.zerosLike(allGradients[name][0][0]);
          let n = 0;
          allGradients[name].forEach((steps, g) => steps.forEach((grad, s) => {
            sum = sum.add(grad.mul(tf.scalar(normalized[g][s])));
            n++;
          }));
          return sum.div(tf.scalar(n));
        });
      }
      tf.train.adam(0.05).applyGradients(gradients);
      const probs = tf.tidy(() => {
        const leftProb = tf.sigmoid(model.predict(tf.tensor2d(states)) as Tensor);
        return tf.concat([leftProb, tf.scalar(1).sub(leftProb)], 1);
      });
      const sampled = tf.multinomial(probs as Tensor2D, 1, undefined, true);
      return { keys: Object.keys(allGradients), firstValue, gradients, weights: model.getWeights(), probs, sampled: [sampled.shape, sampled.dtype] };
    },
  },
  {
    name: 'data-generator: an endless generator mapped to features and labels, batched, taken and read with toArray',
    run: async (tf) => {
      const ds = gameDataset(tf);
      const first = await ds.take(2).toArray();
      const mapped = await ds.map((g) => gameToFeaturesAndLabel(tf, g as number[][])).take(1).toArray();
      const batches = await ds.map((g) => gameToFeaturesAndLabel(tf, g as number[][])).batch(3).take(2).toArray();
      const pairs = await ds.map((g) => gameToFeaturesAndLabel(tf, g as number[][])).map((a) => [a.features, a.label]).batch(2).take(1).toArray();
      return { first, mapped, batches, pairs };
    },
  },
  {
    name: 'data-generator: fitDataset on a generator with batchesPerEpoch, the same dataset for validation, rmsprop and accuracy',
    run: async (tf) => {
      const model = tf.sequential();
      model.add(tf.layers.dense({ inputShape: [15], units: 4, activation: 'relu', name: 'g1' }));
      model.add(tf.layers.dense({ units: 4, activation: 'relu', name: 'g2' }));
      model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'g3' }));
      fixWeights(tf, model);
      model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const dataset = gameDataset(tf).map((g) => gameToFeaturesAndLabel(tf, g as number[][])).map((a) => ({ xs: a.features, ys: a.label })).batch(4);
      const trainLogs: unknown[] = [];
      const h = await model.fitDataset(dataset, {
        batchesPerEpoch: 3, epochs: 2, validationData: dataset, validationBatches: 2,
        callbacks: { onEpochEnd: async (epoch, logs) => { trainLogs.push([epoch, logs]); } },
      });
      return { trainLogs, history: h.history, params: h.params, weights: model.getWeights() };
    },
  },
  {
    name: 'boston-housing: features normalized by their mean and stddev (and tf.moments), linear and MLP regressions with validationSplit',
    run: async (tf) => {
      const rows = 10;
      const raw = tf.tensor2d(Array.from({ length: rows * 3 }, (_, i) => ((i * 13) % 17) * (1 + (i % 3))), [rows, 3]);
      const target = tf.tensor2d(Array.from({ length: rows }, (_, i) => 20 + ((i * 7) % 9)), [rows, 1]);
      const { dataMean, dataStd } = meanAndStddev(raw);
      const features = raw.sub(dataMean).div(dataStd);
      const moments = tf.moments(raw, 0);
      const baseline = target.sub(target.mean()).square().mean();
      const out: unknown[] = [dataMean, dataStd, moments.mean, moments.variance, baseline];
      const linear = tf.sequential();
      linear.add(tf.layers.dense({ inputShape: [3], units: 1, name: 'lin' }));
      const mlp = tf.sequential();
      mlp.add(tf.layers.dense({ inputShape: [3], units: 5, activation: 'sigmoid', kernelInitializer: 'leCunNormal', name: 'h1' }));
      mlp.add(tf.layers.dense({ units: 1, name: 'h2' }));
      for (const model of [linear, mlp]) {
        fixWeights(tf, model);
        model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
        const epochs: unknown[] = [];
        await model.fit(features, target, {
          batchSize: 4, epochs: 3, validationSplit: 0.2, shuffle: false,
          callbacks: { onEpochEnd: async (epoch, logs) => { epochs.push([epoch, logs?.loss, logs?.val_loss]); } },
        });
        const result = model.evaluate(features, target, { batchSize: 4 }) as Tensor;
        out.push(epochs, result.dataSync()[0], Array.from(model.layers[0].getWeights()[0].dataSync()));
      }
      return out;
    },
  },
  {
    name: 'custom-layer: weights with a regularizer and a frozen one, the training flag in call, summary and fit',
    run: async (tf) => {
      class Scaler extends tf.layers.Layer {
        static className = 'Scaler';
        scale: LayerVariable | null = null;
        shift: LayerVariable | null = null;
        override build(inputShape: Shape | Shape[]): void {
          const n = (inputShape as Shape)[1] as number;
          this.scale = this.addWeight('scale', [n], 'float32', tf.initializers.constant({ value: 2 }), tf.regularizers.l2({ l2: 0.1 }));
          this.shift = this.addWeight('shift', [n], 'float32', tf.initializers.ones(), undefined, false);
        }
        override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor {
          const x = Array.isArray(inputs) ? inputs[0] : inputs;
          const y = x.mul((this.scale as LayerVariable).read()).add((this.shift as LayerVariable).read());
          return kwargs.training ? y.mul(0.5) : y;
        }
      }
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'pre' }), new Scaler({ name: 'scaler' })] });
      model.summary();
      model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const xs = tf.tensor2d([[1, 0, -1], [0.5, 0.5, 0.5], [2, -1, 0]]);
      const ys = tf.tensor2d([[1, 2], [0, 1], [3, -1]]);
      const h = await model.fit(xs, ys, { epochs: 2, batchSize: 3 });
      const layer = model.layers[1];
      return {
        loss: h.history.loss, weights: layer.getWeights(), trainable: layer.trainableWeights.map((w) => w.name), frozen: layer.nonTrainableWeights.map((w) => w.name),
        losses: layer.losses.length, y: model.predict(xs) as Tensor, count: model.countParams(),
      };
    },
  },
  {
    name: 'baseball-node: a pitch-type classifier fit batch by batch with the batch as validationData, logging loss and acc',
    run: async (tf) => {
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 6, activation: 'relu', inputShape: [4], name: 'p1' }));
      model.add(tf.layers.dense({ units: 5, activation: 'relu', name: 'p2' }));
      model.add(tf.layers.dense({ units: 3, activation: 'softmax', name: 'p3' }));
      model.compile({ optimizer: tf.train.adam(), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      fixWeights(tf, model);
      const pitches = [[0.1, 0.9, 0.3, 1], [0.8, 0.2, 0.5, 0], [0.4, 0.4, 0.9, 1], [0.7, 0.1, 0.2, 0], [0.2, 0.6, 0.6, 1], [0.9, 0.3, 0.1, 0]];
      const codes = [0, 1, 2, 1, 0, 2];
      const batches = [[0, 1, 2], [3, 4, 5]].map((rows) => ({
        pitches: tf.tensor2d(rows.map((r) => pitches[r])), labels: tf.oneHot(tf.tensor1d(rows.map((r) => codes[r]), 'int32'), 3),
      }));
      let steps = 0;
      for (let i = 0; i < 2; i++) {
        for (const batch of batches) {
          await model.fit(batch.pitches, batch.labels, {
            epochs: 1, shuffle: false, validationData: [batch.pitches, batch.labels],
            callbacks: { onEpochEnd: async (_epoch, logs) => { console.log(`[pitch-type : step ${steps}] loss: ${(logs?.loss as number).toFixed(4)} accuracy: ${(logs?.acc as number).toFixed(4)} val: ${(logs?.val_acc as number).toFixed(4)}`); } },
          });
          steps++;
        }
      }
      const values = (model.predict(tf.tensor2d([pitches[2]])) as Tensor).dataSync();
      return Array.from(values).map((value, code) => ({ value, code })).sort((a, b) => b.value - a.value);
    },
  },
  {
    name: 'abalone-node: a batched dataset split with take and skip, fitDataset with validationData, then save',
    run: async (tf) => {
      const model = tf.sequential();
      model.add(tf.layers.dense({ inputShape: [3], activation: 'sigmoid', units: 5, name: 'a1' }));
      model.add(tf.layers.dense({ activation: 'sigmoid', units: 5, name: 'a2' }));
      model.add(tf.layers.dense({ units: 1, name: 'a3' }));
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      fixWeights(tf, model);
      const rows = Array.from({ length: 11 }, (_, i) => ({ xs: [i / 10, Math.sin(i), (i % 3) / 2], ys: [5 + (i % 4)] }));
      const dataset = tf.data.array(rows).map((r) => ({ xs: tf.tensor1d(r.xs), ys: tf.tensor1d(r.ys) })).batch(3);
      const trainDataset = dataset.take(3);
      const validationDataset = dataset.skip(3);
      const h = await model.fitDataset(trainDataset, {
        epochs: 3, validationData: validationDataset,
        callbacks: { onEpochEnd: async (epoch) => { console.log(`Epoch ${epoch + 1} of ${3} completed.`); } },
      });
      const artifacts = await saveToMemory(tf, model);
      return { history: h.history, specs: artifacts.weightSpecs, weights: model.getWeights() };
    },
  },
  {
    name: 'addition-rnn: encoder RNN, repeatVector, decoder RNN with returnSequences, timeDistributed dense and softmax, for each RNN type',
    run: async (tf) => {
      const vocab = 4;
      const maxLen = 3;
      const digits = 1;
      // One-hot sequences built in a buffer, as the example encodes its strings.
      const encode = (seqs: number[][], len: number) => {
        const buf = tf.buffer([seqs.length, len, vocab]);
        seqs.forEach((seq, i) => seq.forEach((c, j) => buf.set(1, i, j, c)));
        return buf.toTensor();
      };
      const xs = encode([[1, 0, 2], [3, 1, 0], [2, 2, 1]], maxLen);
      const ys = encode([[3, 1], [0, 2], [1, 1]], digits + 1);
      const out: unknown[] = [];
      for (const [name, rnn] of [['SimpleRNN', tf.layers.simpleRNN], ['GRU', tf.layers.gru], ['LSTM', tf.layers.lstm]] as const) {
        const model = tf.sequential();
        model.add(rnn({ units: 5, recurrentInitializer: 'glorotNormal', inputShape: [maxLen, vocab], name: `${name}_enc` }));
        model.add(tf.layers.repeatVector({ n: digits + 1, name: `${name}_rep` }));
        model.add(rnn({ units: 5, recurrentInitializer: 'glorotNormal', returnSequences: true, name: `${name}_dec` }));
        model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: vocab, name: `${name}_dense` }), name: `${name}_td` }));
        model.add(tf.layers.activation({ activation: 'softmax', name: `${name}_softmax` }));
        model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
        fixWeights(tf, model);
        const h = await model.fit(xs, ys, { epochs: 1, batchSize: 2, validationData: [xs, ys], shuffle: false });
        const preds = model.predict(xs) as Tensor;
        out.push(name, h.history, preds, Array.from(preds.argMax(2).dataSync()), model.countParams());
      }
      return out;
    },
  },
  {
    name: 'computeOutputShape of built-in layers takes and gives the batch dim, as custom layers call it on their inner layers',
    run: (tf) => [
      tf.layers.dense({ units: 3 }).computeOutputShape([null, 5]), tf.layers.dense({ units: 2 }).computeOutputShape([4, 6, 5]),
      tf.layers.conv2d({ filters: 4, kernelSize: 3 }).computeOutputShape([null, 8, 8, 1]), tf.layers.flatten().computeOutputShape([null, 2, 3, 4]),
      tf.layers.maxPooling2d({ poolSize: 2 }).computeOutputShape([2, 6, 6, 3]), tf.layers.concatenate().computeOutputShape([[null, 2], [null, 3]]),
      tf.layers.lstm({ units: 4, returnSequences: true }).computeOutputShape([null, 7, 3]), tf.layers.embedding({ inputDim: 10, outputDim: 4 }).computeOutputShape([null, 5]),
    ],
  },
  {
    name: 'custom-layer: a layer with two outputs (computeOutputShape gives a list) in a functional model, and one built with no args',
    run: (tf) => {
      class SplitHalves extends tf.layers.Layer {
        static className = 'SplitHalves';
        override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
          const s = inputShape as Shape;
          return [[s[0], (s[1] as number) / 2], [s[0], (s[1] as number) / 2]];
        }
        override call(inputs: Tensor | Tensor[]): Tensor[] {
          const x = Array.isArray(inputs) ? inputs[0] : inputs;
          return tf.split(x, 2, 1);
        }
      }
      class Doubler extends tf.layers.Layer {
        constructor() {
          super();
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return (Array.isArray(inputs) ? inputs[0] : inputs).mul(2);
        }
        override getClassName(): string {
          return 'Doubler';
        }
      }
      const input = tf.input({ shape: [4], name: 'sp_in' });
      const [a, b] = new SplitHalves({ name: 'halves' }).apply(input) as SymbolicTensor[];
      const doubled = new Doubler().apply(b) as SymbolicTensor;
      const joined = tf.layers.concatenate({ name: 'sp_cat' }).apply([doubled, a]) as SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: [joined, a] });
      const x = tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8]]);
      return { out: model.predict(x) as Tensor[], shapes: [a.shape, b.shape, doubled.shape, joined.shape], outputShapes: model.outputs.map((o) => o.shape) };
    },
  },
];
