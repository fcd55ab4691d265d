import type { Tensor1D, Tensor2D, Tensor4D } from '../../../src/index';
import type { Program } from '../harness';

// Programs on corners of the API where tessera lacked a TF.js name or option: the rest of tf.data.Dataset's
// methods (shuffle, filter, mapAsync, concatenate, prefetch, tf.data.func), tf.data.csv (its files served by a
// stubbed fetch), dilated conv1d layers, bilinear upSampling2d, layer.getConfig() in TF.js's camelCase, sparseToDense,
// tensorScatterUpdate and tf.layers.categoryEncoding.
// Shuffled streams differ between the libraries' random streams, so their programs compare what does not depend on
// the draw: sorted contents, sizes, pairs kept together, and the window a buffered shuffle may move an element by.

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

/** Runs body with fetch answering from files (by the URL's last path part), 404 for any other. */
export async function withServedFiles<R>(files: Record<string, string>, body: () => Promise<R>): Promise<R> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const text = files[url.slice(url.lastIndexOf('/') + 1)];
    return text === undefined ? new Response('missing', { status: 404, statusText: 'Not Found' }) : new Response(text);
  };
  try {
    return await body();
  } finally {
    globalThis.fetch = realFetch;
  }
}

const HOUSING = 'crim,zn,rm,medv\n0.1,18,6.5,24\r\n0.2,0,6.4,21.6\n0.3,12.5,7.1,34.7\n0.05,0,6,20\n';

/** Each program's result, or its error's message, so one program can try several calls that may throw. */
async function attempts(calls: Array<() => unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const call of calls) {
    try { out.push(await call()); } catch (e) { out.push(`threw: ${(e as Error).message}`); }
  }
  return out;
}

export const gaps: Program[] = [
  {
    name: 'dataset.shuffle keeps every element once, keeps zipped pairs together, and batches after shuffling',
    run: async (tf) => {
      const xs = tf.data.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const ys = tf.data.array([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
      const shuffled = tf.data.zip<{ xs: number; ys: number }>({ xs, ys }).shuffle(10, 'seed');
      const pairs = await shuffled.toArray();
      const batches = await shuffled.batch(4).toArray();
      const batchXs = batches.flatMap((b) => Array.from((b as unknown as { xs: { dataSync(): ArrayLike<number> } }).xs.dataSync()));
      return [
        shuffled.size, sorted(pairs.map((p) => p.xs)), pairs.every((p) => p.ys === p.xs * 10),
        sorted(batchXs), batches.map((b) => (b as { xs: { shape: number[] } }).xs.shape), shuffled.batch(4).size,
        tf.data.Dataset.MAX_BUFFER_SIZE,
      ];
    },
  },
  {
    name: 'dataset.shuffle with a small buffer moves an element at most bufferSize - 1 places earlier; a buffer of one keeps the order',
    run: async (tf) => {
      const items = Array.from({ length: 30 }, (_, i) => i);
      const ds = tf.data.array(items);
      const out: unknown[] = [];
      for (const bufferSize of [1, 2, 5, 30, 1000]) {
        const order = await ds.shuffle(bufferSize).toArray();
        // An element can leave the buffer only after it entered it: item v is read when v + 1 items have been.
        out.push(bufferSize, sorted(order), order.every((v, pos) => v <= pos + bufferSize - 1));
      }
      out.push(await ds.shuffle(1, 'any').toArray());
      return out;
    },
  },
  {
    name: 'dataset.shuffle of tensors and of a generator; repeat reshuffles, every epoch holding each element once',
    run: async (tf) => {
      function* gen() {
        for (let i = 0; i < 6; i++) yield tf.tensor1d([i, -i]);
      }
      const ds = tf.data.generator(gen).shuffle(4, 'g');
      const rows = await ds.toArray();
      const epochs = await tf.data.array([1, 2, 3, 4, 5]).shuffle(5).repeat(3).toArray();
      return [
        ds.size, sorted(rows.map((t) => t.dataSync()[0])), rows.map((t) => t.shape),
        [0, 5, 10].map((k) => sorted(epochs.slice(k, k + 5))),
        sorted((await tf.data.generator(gen).shuffle(3).batch(4).toArray()).flatMap((b) => Array.from((b as { dataSync(): ArrayLike<number> }).dataSync()))),
      ];
    },
  },
  {
    name: 'dataset.shuffle and prefetch without a bufferSize throw RangeErrors',
    run: (tf) => {
      const known = tf.data.array([1, 2, 3]);
      const unknown = tf.data.generator(function* () { yield 1; });
      const tries: Array<() => unknown> = [
        () => known.shuffle(undefined as unknown as number),
        () => known.shuffle(-1),
        () => unknown.shuffle(undefined as unknown as number),
        () => known.prefetch(undefined as unknown as number),
      ];
      return tries.map((t) => {
        try { t(); return 'ok'; } catch (e) { return [(e as Error).constructor.name, (e as Error).message]; }
      });
    },
  },
  {
    name: 'dataset.filter, mapAsync, concatenate, prefetch and tf.data.func, with their sizes',
    run: async (tf) => {
      const nums = tf.data.array([1, 2, 3, 4, 5, 6, 7, 8]);
      const even = nums.filter((v) => v % 2 === 0);
      const doubled = nums.mapAsync(async (v) => ({ v, twice: await Promise.resolve(v * 2) }));
      const joined = nums.take(2).concatenate(tf.data.array([100, 200]));
      let i = 0;
      const counted = tf.data.func(() => ({ value: i * i, done: ++i > 4 }));
      const tensors = nums.map((v) => tf.scalar(v)).filter((t) => t.greater(5).dataSync()[0] === 1);
      return [
        await even.toArray(), even.size, nums.repeat().filter((v) => v > 6).size, await nums.repeat().filter((v) => v > 6).take(3).toArray(),
        await doubled.toArray(), doubled.size, await joined.toArray(), joined.size, nums.concatenate(nums.repeat()).size,
        nums.concatenate(tf.data.generator(function* () { yield 0; })).size,
        await nums.prefetch(3).toArray(), nums.prefetch(3).size, await counted.toArray(), counted.size,
        await tensors.toArray(), await even.batch(3).toArray(),
      ];
    },
  },
  {
    name: 'fitDataset on a shuffled dataset of identical rows trains as the unshuffled one',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros', name: 'gs_d' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const rows = Array.from({ length: 8 }, () => ({ xs: [1, 2], ys: [3] }));
      const ds = tf.data.array(rows).shuffle(8, 'fit').batch(4);
      const h = await model.fitDataset(ds, { epochs: 2, verbose: 0 });
      return [h.history.loss, model.getWeights()];
    },
  },
  {
    name: 'tf.data.csv as the Boston-housing tutorials: a label column, columnNames, Object.values rows, batches and fitDataset',
    run: (tf) => withServedFiles({ 'housing.csv': HOUSING }, async () => {
      const csvDataset = tf.data.csv('https://example.com/data/housing.csv', { columnConfigs: { medv: { isLabel: true } } });
      const numOfFeatures = (await csvDataset.columnNames()).length - 1;
      const flattened = csvDataset
        .map((row) => {
          const { xs, ys } = row as { xs: Record<string, number>; ys: Record<string, number> };
          return { xs: Object.values(xs), ys: Object.values(ys) };
        })
        .batch(2);
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [numOfFeatures], kernelInitializer: 'zeros', name: 'csv_d' })] });
      model.compile({ optimizer: tf.train.sgd(0.001), loss: 'meanSquaredError' });
      const h = await model.fitDataset(flattened, { epochs: 3, verbose: 0 });
      return [numOfFeatures, csvDataset.size, await csvDataset.toArray(), await flattened.toArray(), h.history.loss, model.getWeights()];
    }),
  },
  {
    name: 'tf.data.csv column configs: defaults, dtypes int32 and bool, required, configuredColumnsOnly, quoted fields',
    run: (tf) => withServedFiles({
      'a.csv': 'id,"name, full",flag,score\n1,"Ann ""A"" Lee",true,3.7\n2,Bob,0,\n3,"Cy",TRUE,-1.5\n',
    }, async () => attempts([
      async () => tf.data.csv('a.csv').toArray(),
      async () => tf.data.csv('a.csv', { columnConfigs: { score: { default: 0, dtype: 'int32' }, flag: { dtype: 'bool' } } }).toArray(),
      async () => tf.data.csv('a.csv', { columnConfigs: { flag: { dtype: 'bool', isLabel: true }, score: { default: -9 } } }).toArray(),
      async () => {
        const ds = tf.data.csv('a.csv', { configuredColumnsOnly: true, columnConfigs: { score: { default: 1 }, id: {} } });
        return [await ds.columnNames(), await ds.toArray()];
      },
      async () => tf.data.csv('a.csv', { columnConfigs: { score: { required: true } } }).toArray(),
      async () => tf.data.csv('a.csv', { columnConfigs: { score: { isLabel: true } } }).take(1).toArray(),
      async () => tf.data.csv('a.csv', { columnNames: ['a', 'b', 'c', 'd'] }).skip(1).take(1).toArray(),
    ])),
  },
  {
    name: 'tf.data.csv without a header, with delimiters and delimWhitespace, and its errors',
    run: (tf) => withServedFiles({
      'plain.csv': '1 2  3\n4 5 6\n',
      'semi.csv': 'x;y\n1;2\n3;4\n',
      'empty.csv': '',
      'gap.csv': 'a,b\n1,2\n\n3,4\n',
    }, async () => attempts([
      async () => tf.data.csv('plain.csv', { hasHeader: false, columnNames: ['p', 'q', 'r'], delimWhitespace: true }).toArray(),
      async () => tf.data.csv('semi.csv', { delimiter: ';' }).batch(2).toArray(),
      async () => (await tf.data.csv('semi.csv', { delimiter: ';' }).columnNames()).join('|'),
      async () => tf.data.csv('plain.csv', { hasHeader: false, columnNames: ['p', 'q', 'r'], delimiter: ' ' }).toArray(),
      async () => tf.data.csv('plain.csv', { hasHeader: false }).toArray(),
      async () => tf.data.csv('empty.csv').toArray(),
      async () => tf.data.csv('gap.csv').take(1).toArray(),
      async () => tf.data.csv('gap.csv').toArray(),
      async () => tf.data.csv('missing.csv').toArray().then(() => 'read', () => 'rejected'),
      async () => tf.data.csv('semi.csv', { delimiter: ';', columnNames: ['x'] }).toArray(),
      async () => tf.data.csv('semi.csv', { delimiter: ';', columnNames: ['x', 'x'] }).toArray(),
      async () => tf.data.csv('semi.csv', { delimiter: ';', columnConfigs: { z: {} } }).columnNames(),
      () => { tf.data.csv('semi.csv', { delimWhitespace: true, delimiter: ';' }); return 'made'; },
    ])),
  },
  {
    name: 'tf.layers.conv1d with dilationRate: output shapes and values (valid, same) and the conv1d op with dilation',
    run: (tf) => {
      const x = tf.tensor3d(Array.from({ length: 2 * 9 * 2 }, (_, i) => Math.sin(i)), [2, 9, 2]);
      const out: unknown[] = [];
      for (const [padding, dilationRate] of [['valid', 2], ['same', 3], ['valid', [4]]] as const) {
        const layer = tf.layers.conv1d({
          filters: 2, kernelSize: 3, dilationRate: dilationRate as number, padding, inputShape: [9, 2], activation: 'relu',
          kernelInitializer: tf.initializers.constant({ value: 0.3 }), biasInitializer: tf.initializers.constant({ value: -0.1 }),
        });
        const model = tf.sequential({ layers: [layer] });
        const kernel = tf.tensor3d(Array.from({ length: 3 * 2 * 2 }, (_, i) => Math.cos(i)), [3, 2, 2]);
        layer.setWeights([kernel, tf.tensor1d([0.1, -0.2])]);
        out.push(model.outputs[0].shape, model.predict(x));
      }
      const f = tf.tensor3d(Array.from({ length: 3 * 2 * 3 }, (_, i) => Math.cos(i)), [3, 2, 3]);
      out.push(tf.conv1d(x, f, 1, 'valid', 'NWC', 2), tf.conv1d(x, f, 1, 'same', 'NWC', 3), tf.conv1d(x.slice([0, 0, 0], [1, 9, 2]).squeeze([0]), f, 1, 'same', 'NWC', 2));
      return out;
    },
  },
  {
    name: "tf.layers.upSampling2d with interpolation 'bilinear' (both layouts) in a model that trains, and its gradient",
    run: async (tf) => {
      // Square images: TF.js 4.22's resizeBilinear gradient swaps height and width, so non-square ones fail there.
      const x = tf.tensor4d(Array.from({ length: 2 * 3 * 3 * 2 }, (_, i) => Math.sin(i * 0.7)), [2, 3, 3, 2]);
      const up = tf.layers.upSampling2d({ size: [2, 3], interpolation: 'bilinear', inputShape: [3, 3, 2] });
      const first = tf.layers.upSampling2d({ interpolation: 'bilinear', dataFormat: 'channelsFirst' });
      const model = tf.sequential({ layers: [up, tf.layers.conv2d({ filters: 1, kernelSize: 2, kernelInitializer: 'ones', name: 'up_c' })] });
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const y = tf.zeros([2, 5, 8, 1]);
      const h = await model.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
      const g = tf.grad((t) => (up.apply(t) as typeof x).square().sum())(x);
      return [up.outputShape, up.apply(x), first.apply(x), model.predict(x), h.history.loss, g];
    },
  },
  {
    name: 'layer.getConfig() gives camelCase keys and values with serialized initializers, regularizers and constraints',
    run: (tf) => {
      const dense = tf.layers.dense({
        units: 3, inputShape: [2], name: 'gc_dense', activation: 'relu', kernelInitializer: 'glorotNormal',
        kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }), biasConstraint: tf.constraints.maxNorm({ maxValue: 2 }),
      });
      const conv = tf.layers.conv2d({ filters: 2, kernelSize: [3, 2], strides: 2, padding: 'same', kernelInitializer: 'heNormal', name: 'gc_conv', inputShape: [6, 6, 1] });
      const bn = tf.layers.batchNormalization({ name: 'gc_bn', momentum: 0.9 });
      const lstm = tf.layers.lstm({ units: 2, returnSequences: true, name: 'gc_lstm', inputShape: [3, 2], kernelInitializer: 'glorotNormal' });
      const drop = tf.layers.dropout({ rate: 0.25, name: 'gc_drop' });
      const emb = tf.layers.embedding({ inputDim: 10, outputDim: 4, name: 'gc_emb', embeddingsInitializer: 'randomNormal' });
      const lc = lstm.getConfig() as Record<string, unknown>;
      const ec = emb.getConfig() as Record<string, unknown>;
      const seq = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'gc_json', kernelInitializer: 'glorotNormal' })] });
      const saved = (seq.toJSON(null, false) as { config: { layers: { config: Record<string, unknown> }[] } }).config.layers[0].config;
      return [
        dense.getConfig(), conv.getConfig(), bn.getConfig(),
        ['units', 'activation', 'recurrentActivation', 'returnSequences', 'kernelInitializer', 'recurrentInitializer', 'dropout', 'name'].map((k) => lc[k]),
        drop.getConfig().rate, drop.getConfig().name,
        ['inputDim', 'outputDim', 'embeddingsInitializer', 'embeddingsRegularizer', 'name', 'trainable'].map((k) => ec[k]),
        saved.kernel_initializer, saved.use_bias, saved.batch_input_shape,
      ];
    },
  },
  {
    name: 'tf.sparseToDense and tf.tensorScatterUpdate: scalar, vector and matrix indices, defaults, duplicates, int32, and refusals',
    run: (tf) => {
      const tries: Array<() => unknown> = [
        () => tf.sparseToDense(tf.tensor1d([4, 5, 6, 1, 2, 3], 'int32'), tf.tensor1d([10, 11, 12, 13, 14, 15]), [8]),
        () => tf.sparseToDense([[0, 1], [2, 0]], [5, 6], [3, 3], 9),
        () => tf.sparseToDense([[0, 1], [2, 0]], 7, [3, 3], -1),
        () => tf.sparseToDense([[0, 1], [0, 1]], [5, 6], [2, 2]),
        () => tf.sparseToDense(tf.tensor1d([1, 3], 'int32'), tf.tensor1d([5, 6], 'int32'), [4], tf.scalar(2, 'int32')),
        () => tf.sparseToDense(2, 5, [4]),
        () => tf.sparseToDense([1, 9], [5, 6], [4]),
        () => tf.sparseToDense([1, 2], [5, 6, 7], [4]),
        () => tf.sparseToDense([1, 2], [5, 6], [4, 4]),
        () => tf.sparseToDense(tf.tensor1d([1, 2]), [5, 6], [4]),
        () => tf.tensorScatterUpdate(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7]), tf.tensor2d([4, 3, 1, 7], [4, 1], 'int32'), tf.tensor1d([9, 10, 11, 12])),
        () => tf.tensorScatterUpdate(tf.tensor2d([[1, 2], [3, 4], [5, 6]]), tf.tensor2d([[0], [2]], [2, 1], 'int32'), tf.tensor2d([[7, 8], [9, 10]])),
        () => tf.tensorScatterUpdate(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[0, 1], [1, 0]], [2, 2], 'int32'), tf.tensor1d([-1, -2])),
        () => tf.tensorScatterUpdate(tf.tensor1d([1, 2, 3]), tf.tensor2d([[1], [1]], [2, 1], 'int32'), tf.tensor1d([8, 9])),
        () => tf.tensorScatterUpdate(tf.tensor1d([1, 2, 3], 'int32'), tf.tensor2d([[2]], [1, 1], 'int32'), tf.tensor1d([8], 'int32')),
        () => tf.tensorScatterUpdate(tf.tensor1d([1, 2, 3]), [[1]], [8]),
        () => tf.tensorScatterUpdate(tf.tensor1d([1, 2, 3]), tf.tensor2d([[5]], [1, 1], 'int32'), tf.tensor1d([8])),
        () => tf.tensorScatterUpdate(tf.tensor1d([1, 2, 3]), tf.tensor2d([[1]], [1, 1], 'int32'), tf.tensor1d([8], 'int32')),
        () => tf.tensorScatterUpdate(tf.tensor1d([1, 2, 3]), tf.tensor2d([[1]], [1, 1], 'int32'), tf.tensor1d([8, 9])),
      ];
      return tries.map((t) => { try { return t(); } catch { return 'threw'; } });
    },
  },
  {
    name: 'tf.layers.categoryEncoding: multiHot (the default), count with countWeights, oneHot of [batch] and [batch, 1] ids, its config and refusals',
    run: (tf) => {
      const cases: Array<[('multiHot' | 'count' | 'oneHot') | undefined, number[] | number[][]]> = [
        ['multiHot', [[0, 1, 1], [3, 2, 0]]], ['count', [[0, 1, 1], [3, 2, 0]]], ['oneHot', [1, 3, 0]], ['oneHot', [[1], [3]]],
        ['count', [[1.7, 3, 3]]], [undefined, [[2, 2]]], ['multiHot', [[5, 1]]], ['oneHot', [[1, 2]]], ['count', [[-1, 0]]],
      ];
      const out: unknown[] = cases.map(([outputMode, ids]) => {
        try {
          const layer = tf.layers.categoryEncoding({ numTokens: 4, outputMode, name: 'ce' });
          return [layer.apply(tf.tensor(ids)), layer.getConfig()];
        } catch {
          return 'threw';
        }
      });
      const counter = tf.layers.categoryEncoding({ numTokens: 4, outputMode: 'count' });
      out.push(counter.apply(tf.tensor2d([[0, 1, 1]], [1, 3], 'int32'), { countWeights: tf.tensor2d([[0.5, 2, 1]]) }));
      try { tf.layers.categoryEncoding({ numTokens: 4 }).apply(tf.tensor2d([[1]]), { countWeights: tf.tensor2d([[1]]) }); out.push('ok'); } catch { out.push('threw'); }
      return out;
    },
  },
  {
    name: 'layer.getWeights() gives the live weights: no new tensors, training shows in a kernel taken before fit, setWeights from it, clone() keeps a value',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const before = tf.memory().numTensors;
      const [kernel, bias] = model.layers[0].getWeights();
      const all = model.getWeights();
      const made = tf.memory().numTensors - before;
      const saved = kernel.clone();
      await model.fit(tf.tensor2d([[1, 2, 3], [0, 1, 0]]), tf.tensor2d([[1, 0], [0, 1]]), { epochs: 2, batchSize: 2, verbose: 0 });
      const other = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
      other.setWeights(all);
      return [made, all.length, kernel.isDisposed, kernel, bias, saved, other.getWeights(), model.getWeights(true).length];
    },
  },
  {
    name: 'public ops called as tf.x(...) leave only their results alive, as TF.js: tf.memory() counts after composites, losses, image, linalg and signal ops',
    run: (tf) => {
      const m = tf.tensor2d([[1, 2], [3, 4]]), n = tf.tensor2d([[1, 3], [2, 4]]), onesHot = tf.tensor2d([[1, 0], [0, 1]]);
      const img = tf.ones([1, 2, 2, 1]) as Tensor4D, rgb = tf.ones([1, 2, 2, 3]) as Tensor4D, v = tf.tensor1d([-1, 1]);
      const calls: Array<() => unknown> = [
        () => tf.norm(m), () => tf.norm(m, 1, 1), () => tf.euclideanNorm(m), () => tf.losses.huberLoss(m, n), () => tf.losses.meanSquaredError(m, n),
        () => tf.losses.cosineDistance(m, n, 1), () => tf.losses.hingeLoss(onesHot, n), () => tf.losses.logLoss(onesHot, tf.mul(n, 0.1)),
        () => tf.losses.sigmoidCrossEntropy(onesHot, n), () => tf.losses.softmaxCrossEntropy(onesHot, n), () => tf.losses.computeWeightedLoss(m),
        () => tf.image.resizeBilinear(img, [3, 3]), () => tf.image.resizeNearestNeighbor(img, [3, 3]), () => tf.image.rgbToGrayscale(rgb),
        () => tf.image.cropAndResize(img, tf.tensor2d([[0, 0, 1, 1]]), [0], [2, 2]), () => tf.localResponseNormalization(rgb),
        () => tf.oneHot(tf.tensor1d([0, 1], 'int32'), 3), () => tf.topk(tf.tensor1d([1, 3, 2]), 2), () => tf.einsum('ij,jk->ik', m, n),
        () => tf.linalg.qr(m), () => tf.linalg.bandPart(m, 0, 0), () => tf.signal.frame(tf.tensor1d([1, 2, 3, 4]), 2, 1), () => tf.unstack(m),
        () => tf.dot(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])), () => tf.outerProduct(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])),
        () => tf.batchNorm(m, tf.tensor1d([1, 2]), tf.tensor1d([1, 2])), () => tf.leakyRelu(v, 0.2), () => tf.floorDiv(v, tf.tensor1d([3, 3])),
        () => tf.dropout(tf.ones([4]), 0.5, undefined, 1),
        () => tf.separableConv2d(tf.ones([1, 3, 3, 1]) as Tensor4D, tf.ones([2, 2, 1, 1]) as Tensor4D, tf.ones([1, 1, 1, 1]) as Tensor4D, 1, 'same'),
        () => tf.basicLSTMCell(tf.scalar(1), tf.ones([3, 8]) as Tensor2D, tf.zeros([8]) as Tensor1D, tf.ones([1, 1]) as Tensor2D, tf.zeros([1, 2]) as Tensor2D, tf.zeros([1, 2]) as Tensor2D),
      ];
      // Each call's arguments are made inside it too, so the count is arguments + results, as in TF.js.
      return calls.map((call) => {
        const before = tf.memory().numTensors;
        call();
        return tf.memory().numTensors - before;
      });
    },
  },
];
