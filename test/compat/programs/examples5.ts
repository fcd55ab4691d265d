import type { Program, TF } from '../harness';

// Programs written as TF.js's guides, codelabs and forum answers write them (printing a layer's config, writing a
// model's JSON): what they print must match TF.js's text, key order included.

/** The keys of a config at every depth, in order: what console.log and JSON.stringify show of it. */
function keyOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  return Object.entries(value).map(([key, v]) => [key, keyOrder(v)]);
}

/** Layers as programs make them, each with the options users give most. */
const LAYERS: [string, (tf: TF) => { getConfig(): object }][] = [
  ['dense with inputShape', (tf) => tf.layers.dense({ units: 2, inputShape: [3], activation: 'relu' })],
  ['dropout', (tf) => tf.layers.dropout({ rate: 0.3 })],
  ['activation', (tf) => tf.layers.activation({ activation: 'softmax' })],
  ['flatten', (tf) => tf.layers.flatten()],
  ['reshape', (tf) => tf.layers.reshape({ targetShape: [2, 2] })],
  ['concatenate', (tf) => tf.layers.concatenate({ axis: 1 })],
  ['layerNormalization', (tf) => tf.layers.layerNormalization({})],
  ['globalAveragePooling2d', (tf) => tf.layers.globalAveragePooling2d({})],
  ['upSampling2d', (tf) => tf.layers.upSampling2d({})],
  ['leakyReLU', (tf) => tf.layers.leakyReLU({ alpha: 0.2 })],
  ['timeDistributed', (tf) => tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) })],
  ['conv2d', (tf) => tf.layers.conv2d({ filters: 2, kernelSize: 3, inputShape: [5, 5, 1] })],
  ['conv1d', (tf) => tf.layers.conv1d({ filters: 2, kernelSize: 3 })],
  ['conv3d', (tf) => tf.layers.conv3d({ filters: 2, kernelSize: 2 })],
  ['conv2dTranspose', (tf) => tf.layers.conv2dTranspose({ filters: 2, kernelSize: 3 })],
  ['separableConv2d', (tf) => tf.layers.separableConv2d({ filters: 2, kernelSize: 3, inputShape: [5, 5, 1] })],
  ['depthwiseConv2d', (tf) => tf.layers.depthwiseConv2d({ kernelSize: 3, inputShape: [5, 5, 1] })],
  ['maxPooling2d', (tf) => tf.layers.maxPooling2d({ poolSize: 2, inputShape: [4, 4, 1] })],
  ['averagePooling1d', (tf) => tf.layers.averagePooling1d({ poolSize: 2 })],
  ['maxPooling3d', (tf) => tf.layers.maxPooling3d({ poolSize: 2 })],
  ['batchNormalization', (tf) => tf.layers.batchNormalization({ inputShape: [3] })],
  ['embedding given inputShape', (tf) => tf.layers.embedding({ inputDim: 5, outputDim: 2, inputShape: [3] })],
  ['embedding given inputLength', (tf) => tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 3 })],
  ['lstm', (tf) => tf.layers.lstm({ units: 2, inputShape: [3, 2] })],
  ['gru', (tf) => tf.layers.gru({ units: 2 })],
  ['simpleRNN', (tf) => tf.layers.simpleRNN({ units: 2, inputShape: [3, 2] })],
  ['convLstm2d', (tf) => tf.layers.convLstm2d({ filters: 2, kernelSize: 2 })],
  ['rnn of an lstmCell', (tf) => tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 2 }), inputShape: [3, 2] })],
  ['rnn of stacked cells', (tf) => tf.layers.rnn({ cell: [tf.layers.lstmCell({ units: 2 }), tf.layers.gruCell({ units: 2 })] })],
  ['gruCell', (tf) => tf.layers.gruCell({ units: 2 })],
  ['simpleRNNCell', (tf) => tf.layers.simpleRNNCell({ units: 2 })],
  ['bidirectional', (tf) => tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }) as never, inputShape: [3, 2] })],
];

export const examples5: Program[] = [
  {
    name: 'console.log(layer.getConfig()) and JSON.stringify(model.toJSON()) list a layer\'s options in TF.js\'s order',
    run: (tf) => {
      const model = tf.sequential({ name: 'cfg', layers: [
        tf.layers.conv2d({ name: 'conv', filters: 2, kernelSize: 2, inputShape: [4, 4, 1], kernelInitializer: 'glorotUniform' }),
        tf.layers.maxPooling2d({ name: 'pool', poolSize: 2 }),
        tf.layers.reshape({ name: 'seq', targetShape: [1, 2] }),
        tf.layers.lstm({ name: 'lstm', units: 2, kernelInitializer: 'glorotUniform' }),
        tf.layers.dense({ name: 'hidden', units: 2, kernelInitializer: 'glorotUniform' }),
        tf.layers.dropout({ name: 'drop', rate: 0.5 }),
      ] });
      console.log(JSON.stringify(model.toJSON(null, false)));
      return LAYERS.map(([name, make]) => [name, JSON.stringify(keyOrder(make(tf).getConfig()))]);
    },
  },
  {
    name: 'Save and load guide: the artifacts a save handler gets and the model.json tf.io.http posts list their keys in TF.js\'s order',
    run: async (tf) => {
      const model = tf.sequential({ name: 'saved', layers: [tf.layers.dense({ name: 'out', units: 1, inputShape: [2], kernelInitializer: 'zeros' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      model.setUserDefinedMetadata({ note: 'cars' });
      let keys: string[] = [];
      await model.save(tf.io.withSaveHandler(async (artifacts) => {
        keys = Object.keys(artifacts);
        return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
      }), { includeOptimizer: true });
      let posted = '';
      const fetchFunc = async (_url: string, init?: { body?: unknown }) => {
        const json = (init?.body as FormData).get('model.json') as Blob;
        posted = await json.text();
        return new Response('{}', { status: 200 });
      };
      await model.save(tf.io.http('https://example.com/upload', { fetchFunc: fetchFunc as never }), { includeOptimizer: true });
      return [keys, JSON.stringify(Object.keys(JSON.parse(posted)))];
    },
  },
  {
    name: 'a Sequential changed after compile (a layer frozen, added or popped): summary() counts the weights it has now, as TF.js\'s Sequential',
    run: (tf) => {
      const totals = (model: ReturnType<typeof tf.sequential>) => {
        const lines: string[] = [];
        model.summary(undefined, undefined, (line?: unknown) => { lines.push(String(line)); });
        return lines.filter((line) => line.includes('params'));
      };
      const frozen = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] }), tf.layers.dense({ units: 1 })] });
      frozen.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      frozen.layers[0].trainable = false;
      const grown = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] })] });
      grown.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      grown.add(tf.layers.dense({ units: 1 }));
      const popped = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] }), tf.layers.dense({ units: 1 })] });
      popped.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      popped.pop();
      return [totals(frozen), totals(grown), totals(popped)];
    },
  },
  {
    name: 'summary() of an empty Sequential throws, as TF.js',
    run: (tf) => tf.sequential().summary(),
  },
];
