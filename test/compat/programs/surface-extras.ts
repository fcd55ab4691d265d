import type { Tensor } from '../../../src/index';
import type { Program } from '../harness';

// Parts of the TF.js surface that programs call around their models: backend names, the io helpers a custom
// IOHandler uses, and the environment.

export const surfaceExtras: Program[] = [
  {
    name: "setBackend('wasm') and back to 'cpu' keep computing",
    run: async (tf) => {
      const switched = await tf.setBackend('cpu');
      const out = tf.tensor([1, 2]).mul(3);
      return { switched, out };
    },
  },
  {
    name: 'io.encodeWeights and io.decodeWeights round trip, by map and by list, with a group',
    run: async (tf) => {
      const a = tf.tensor2d([[1.5, -2], [3, 4]]);
      const b = tf.tensor1d([7, 8, 9], 'int32');
      const c = tf.tensor1d([true, false]);
      const byMap = await tf.io.encodeWeights({ a, b, c });
      const byList = await tf.io.encodeWeights([{ name: 'second', tensor: b }, { name: 'first', tensor: a }], 'optimizer');
      const back = tf.io.decodeWeights(byMap.data, byMap.specs);
      const backList = tf.io.decodeWeights(byList.data, byList.specs);
      return { specs: byMap.specs, bytes: byMap.data.byteLength, listSpecs: byList.specs, back, backList: Object.keys(backList), second: backList.second };
    },
  },
  {
    name: 'io helpers a custom save handler calls',
    run: async (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'io_dense' })] });
      let info: object | undefined;
      let specNames: string[] = [];
      const result = await model.save(tf.io.withSaveHandler(async (artifacts) => {
        const modelArtifactsInfo = tf.io.getModelArtifactsInfoForJSON(artifacts);
        // The topology's size is not compared: it holds the model's generated name, numbered by each library's own count.
        const { dateSaved, modelTopologyBytes, ...sizes } = modelArtifactsInfo;
        info = { ...sizes, topology: (modelTopologyBytes ?? 0) > 400, dated: dateSaved instanceof Date };
        specNames = (artifacts.weightSpecs ?? []).map((s) => s.name);
        return { modelArtifactsInfo };
      }));
      const joined = tf.io.concatenateArrayBuffers([new Uint8Array([1, 2]).buffer, new Uint8Array([3]).buffer]);
      const specs = tf.io.getWeightSpecs([
        { paths: ['a.bin'], weights: [{ name: 'w', shape: [2], dtype: 'float32' }] },
        { paths: ['b.bin'], weights: [{ name: 'v', shape: [], dtype: 'int32' }] },
      ]);
      return {
        info, specNames, weightDataBytes: result.modelArtifactsInfo.weightDataBytes, joined: Array.from(new Uint8Array(joined)), specs,
        empty: (({ dateSaved, ...rest }) => rest)(tf.io.getModelArtifactsInfoForJSON({})),
        schemes: ['http://x/m.json', 'https://x', 'file://m.json', 'localstorage://m', 'HTTP://x'].map((u) => tf.io.isHTTPScheme(u)),
      };
    },
  },
  {
    name: 'optimizer.computeGradients then applyGradients, as a training loop that clips gradients does',
    run: (tf) => {
      const w = tf.variable(tf.tensor1d([0.5, -1]), true, 'cg_w');
      const frozen = tf.variable(tf.scalar(3), false, 'cg_frozen');
      const opt = tf.train.adam(0.1);
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      const loss = () => x.matMul(w.expandDims(1)).mul(frozen).square().mean() as ReturnType<typeof tf.scalar>;
      const { value, grads } = opt.computeGradients(loss);
      const clipped = Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.clipByValue(g, -5, 5)]));
      opt.applyGradients(clipped);
      const out = { value, names: Object.keys(grads), grad: grads.cg_w, w: w.clone(), iterations: opt.iterations };
      tf.dispose([w, frozen]);
      return out;
    },
  },
  {
    name: 'env(): where the program runs, setting a flag, and unknown flags',
    run: (tf) => {
      const e = tf.env();
      const where = [e.get('IS_NODE'), e.getBool('IS_BROWSER'), e.get('PROD'), e.get('DEBUG')];
      e.set('DEPRECATION_WARNINGS_ENABLED', false);
      const set = e.getBool('DEPRECATION_WARNINGS_ENABLED');
      e.set('DEPRECATION_WARNINGS_ENABLED', true);
      e.set('DEBUG', false);
      const attempts = [() => e.get('NO_SUCH_FLAG'), () => e.set('NO_SUCH_FLAG', 1)].map((f) => { try { f(); return 'ok'; } catch { return 'threw'; } });
      return { where, set, attempts, flags: typeof e.getFlags(), features: e.features.IS_NODE };
    },
  },
  {
    name: 'a two-layer LSTM from tfjs-core cells, stepped over a sequence, with gradients of the last h',
    run: (tf) => {
      const forgetBias = tf.scalar(1);
      const k1 = tf.tensor2d([[0.1, -0.2, 0.3, 0.05, 0.2, 0.1, -0.1, 0.4], [0.3, 0.2, -0.4, 0.1, 0, 0.1, 0.2, -0.3], [-0.2, 0.1, 0.05, 0.3, -0.1, 0.2, 0.1, 0]]);
      const k2 = tf.tensor2d([[0.2, 0.1, -0.1, 0.3, 0.05, -0.2, 0.1, 0.2], [0.1, -0.3, 0.2, 0, 0.1, 0.2, -0.1, 0.1], [0, 0.2, 0.1, -0.2, 0.3, 0.1, 0.2, -0.1], [0.1, 0.1, 0.1, 0.1, -0.1, -0.1, 0.2, 0.2]]);
      const b = tf.tensor1d([0.1, 0, -0.1, 0.2, 0, 0.1, 0.05, -0.05]);
      const cells = [k1, k2].map((k) => (x: ReturnType<typeof tf.tensor2d>, c: ReturnType<typeof tf.tensor2d>, h: ReturnType<typeof tf.tensor2d>) => tf.basicLSTMCell(forgetBias, k, b, x, c, h));
      const seq = [[[0.5], [-1]], [[0.2], [0.3]], [[-0.7], [0.9]]].map((step) => tf.tensor2d(step));
      const run = (kernel: Tensor) => {
        let c = [tf.zeros([2, 2]), tf.zeros([2, 2])] as Array<ReturnType<typeof tf.tensor2d>>;
        let h = [tf.zeros([2, 2]), tf.zeros([2, 2])] as Array<ReturnType<typeof tf.tensor2d>>;
        const stepCells = [(x: ReturnType<typeof tf.tensor2d>, cc: ReturnType<typeof tf.tensor2d>, hh: ReturnType<typeof tf.tensor2d>) => tf.basicLSTMCell(forgetBias, kernel, b, x, cc, hh), cells[1]];
        for (const x of seq) [c, h] = tf.multiRNNCell(stepCells, x, c, h);
        return { c, h };
      };
      const { c, h } = run(k1);
      const grad = tf.grad((k) => run(k).h[1].sum())(k1);
      return { c, h, grad, single: tf.basicLSTMCell(0.5, k1, b, seq[0], tf.ones([2, 2]), tf.ones([2, 2])) };
    },
  },
  {
    name: 'movingAverage: debiased by step, plain, on a variable updated in a loop',
    run: (tf) => {
      const avg = tf.variable(tf.zeros([2]), false, 'ma_avg');
      const seen = [[1, 2], [3, 1], [0, 5]];
      const history = seen.map((x, step) => {
        avg.assign(tf.movingAverage(avg, tf.tensor1d(x), 0.8, step + 1));
        return avg.clone();
      });
      const plain = tf.movingAverage(tf.tensor1d([1, 1]), tf.tensor1d([2, 3]), tf.scalar(0.5), undefined, false);
      const steps = tf.movingAverage(tf.tensor1d([1]), tf.tensor1d([2]), 0.9, tf.scalar(4));
      const missing = (() => { try { tf.movingAverage(tf.tensor1d([1]), tf.tensor1d([2]), 0.9); return 'ok'; } catch { return 'threw'; } })();
      avg.dispose();
      return { history, plain, steps, missing };
    },
  },
  {
    name: 'engine().startScope/endScope around a prediction loop keeps the tensor count flat',
    run: (tf) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: 'ones', name: 'scope_dense' })] });
      const start = tf.memory().numTensors;
      const sums: number[] = [];
      for (let i = 0; i < 3; i++) {
        tf.engine().startScope();
        const y = model.predict(tf.tensor2d([[i, 1]])) as Tensor;
        sums.push(y.sum().dataSync()[0]);
        tf.engine().endScope();
      }
      tf.engine().startScope();
      const kept = tf.scalar(5).mul(2);
      tf.engine().endScope(kept);
      const out = { sums, growth: tf.memory().numTensors - start, kept };
      return out;
    },
  },
  {
    name: 'linalg.qr of tall, wide and batched matrices, full or not, and gramSchmidt of rows and of a list',
    run: (tf) => {
      const tall = tf.tensor2d([[2, -1, 0], [1, 3, 2], [0, 1, -4], [5, 0, 1]]);
      const wide = tf.tensor2d([[0, 1, 2], [3, -4, 5]]);
      const batch = tf.tensor3d([[[1, 2], [3, 4]], [[-5, 6], [7, 9]]]);
      return {
        tall: tf.linalg.qr(tall), tallFull: tf.linalg.qr(tall, true), wide: tf.linalg.qr(wide), batch: tf.linalg.qr(batch),
        rows: tf.linalg.gramSchmidt(tf.tensor2d([[1, 1, 0], [1, 2, 1]])),
        list: tf.linalg.gramSchmidt([tf.tensor1d([3, 4]), tf.tensor1d([1, 0])]),
      };
    },
  },
  {
    name: 'ensureShape passes x through or throws; broadcastArgs of int32 shapes',
    run: (tf) => {
      const x = tf.zeros([2, 3]);
      const attempts: Array<() => unknown> = [
        () => tf.ensureShape(x, [2, null]) === x, () => tf.ensureShape(x, [2, 3]).shape, () => tf.ensureShape(x, [3, 2]), () => tf.ensureShape(x, [2]),
        () => tf.broadcastArgs(tf.tensor1d([2, 1, 3], 'int32'), tf.tensor1d([4, 1], 'int32')), () => tf.broadcastArgs(tf.tensor1d([2], 'int32'), tf.tensor1d([3], 'int32')),
        () => tf.broadcastArgs([2, 1], [5]), () => tf.broadcastArgs(tf.tensor1d([2, 1]), tf.tensor1d([5])),
      ];
      return attempts.map((f) => { try { return f(); } catch { return 'threw'; } });
    },
  },
  {
    name: 'rand fills from a deterministic function; randomGamma shapes and dtypes',
    run: (tf) => {
      let k = 0;
      const g = tf.randomGamma([3, 2], 2, 1, 'float32', 5);
      return { f: tf.rand([2, 2], () => (k += 0.5)), i: tf.rand([3], () => 2.7, 'int32'), gamma: [g.shape, g.dtype, tf.randomGamma([2], 1, 1, 'int32').dtype] };
    },
  },
  {
    name: 'conv3d, maxPool3d and avgPool3d ops: strides, same and valid padding, one volume or a batch, gradients',
    run: (tf) => {
      const x = tf.tensor5d(Array.from({ length: 2 * 4 * 3 * 3 * 2 }, (_, i) => Math.sin(i * 0.7)), [2, 4, 3, 3, 2]);
      const f = tf.tensor5d(Array.from({ length: 2 * 2 * 2 * 2 * 3 }, (_, i) => Math.cos(i * 0.3) * 0.5), [2, 2, 2, 2, 3]);
      const one = tf.tensor4d(Array.from({ length: 4 * 3 * 3 * 2 }, (_, i) => (i % 7) - 3), [4, 3, 3, 2]);
      return {
        same: tf.conv3d(x, f, 1, 'same'), valid: tf.conv3d(x, f, [2, 1, 1], 'valid'), single: tf.conv3d(one, f, 1, 'same'),
        maxSame: tf.maxPool3d(x, [2, 2, 2], [2, 2, 2], 'same'), maxValid: tf.maxPool3d(x, 2, 1, 'valid'), avgValid: tf.avgPool3d(x, [3, 2, 1], 1, 'valid'),
        avgSame: tf.avgPool3d(one, 2, 2, 'same'),
        grads: tf.grads((a: Tensor, b: Tensor) => tf.conv3d(a, b, [1, 2, 1], 'same').square().sum())([x, f]),
        poolGrad: tf.grad((a: Tensor) => tf.maxPool3d(a, 2, 1, 'valid').add(tf.avgPool3d(a, 2, 1, 'valid')).sum())(x),
      };
    },
  },
  {
    name: 'a conv3d model: layers, shapes, summary names, a fit step, save and load',
    run: async (tf) => {
      const model = tf.sequential({
        layers: [
          tf.layers.conv3d({ filters: 2, kernelSize: [2, 3, 3], padding: 'same', activation: 'relu', inputShape: [4, 5, 5, 1], kernelInitializer: tf.initializers.constant({ value: 0.1 }), biasInitializer: 'ones', name: 'c3' }),
          tf.layers.maxPooling3d({ poolSize: [2, 2, 2], name: 'mp3' }),
          tf.layers.averagePooling3d({ poolSize: 1, strides: [1, 2, 1], padding: 'valid', name: 'ap3' }),
          tf.layers.flatten({ name: 'fl' }),
          tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'out' }),
        ],
      });
      const x = tf.tensor5d(Array.from({ length: 2 * 100 }, (_, i) => Math.sin(i * 0.1)), [2, 4, 5, 5, 1]);
      model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const history = await model.fit(x, tf.tensor2d([[1], [2]]), { epochs: 2, verbose: 0, batchSize: 2 });
      let saved: unknown;
      await model.save(tf.io.withSaveHandler(async (a) => { saved = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }));
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as never));
      return {
        shapes: model.layers.map((l) => l.outputShape), loss: history.history.loss, y: model.predict(x), yLoaded: loaded.predict(x),
        config: (loaded.layers[0].getConfig() as Record<string, unknown>).kernel_size ?? (loaded.layers[0].getConfig() as Record<string, unknown>).kernelSize,
        aliases: [tf.layers.avgPool3d({ poolSize: 2 }).getClassName(), tf.layers.avgPooling3d({}).getClassName()],
      };
    },
  },
  {
    name: "avgPool3d's gradient with 'same' padding",
    deviation: "TF.js 4.22's avgPool3d gradient divides every window's share by the whole window, also where 'same' padding leaves part of it outside x (the forward pass divides by the cells inside, as tessera's gradient does; its float64 central differences agree)",
    run: (tf) => tf.grad((a: Tensor) => tf.avgPool3d(a, 2, 2, 'same').sum())(tf.ones([1, 3, 3, 3, 1])),
  },
  {
    name: 'model.metricsNames before and after compile, one output and two',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], activation: 'softmax', name: 'mn_d' })] });
      const before = m.metricsNames;
      m.compile({ loss: 'sparseCategoricalCrossentropy', optimizer: 'sgd', metrics: ['acc', 'mse'] });
      const input = tf.input({ shape: [3], name: 'mn_in' });
      const a = tf.layers.dense({ units: 1, name: 'mn_a' }).apply(input) as ReturnType<typeof tf.input>;
      const b = tf.layers.dense({ units: 2, name: 'mn_b' }).apply(input) as ReturnType<typeof tf.input>;
      const two = tf.model({ inputs: input, outputs: [a, b] });
      two.compile({ loss: ['meanSquaredError', 'meanAbsoluteError'], optimizer: 'adam', metrics: ['mse'] });
      return { before: before === undefined, one: m.metricsNames, two: two.metricsNames };
    },
  },
  {
    name: 'image.rotateWithOffset (fill values and centers) and image.threshold (binary, otsu, inverted, gray and rgb)',
    run: (tf) => {
      const img = tf.tensor4d(Array.from({ length: 2 * 5 * 6 * 3 }, (_, i) => (i * 37) % 256), [2, 5, 6, 3]);
      const rgb = tf.tensor3d(Array.from({ length: 8 * 7 * 3 }, (_, i) => (i * 53) % 256), [8, 7, 3]);
      const gray = tf.tensor3d(Array.from({ length: 8 * 7 }, (_, i) => (i * 29) % 256), [8, 7, 1], 'int32');
      return {
        rotations: [tf.image.rotateWithOffset(img, 0.3), tf.image.rotateWithOffset(img, Math.PI / 2, [10, 20, 30], [0.2, 0.7]), tf.image.rotateWithOffset(img, -1.1, 7, 0)],
        thresholds: [tf.image.threshold(rgb), tf.image.threshold(rgb, 'binary', true, 0.3), tf.image.threshold(rgb, 'otsu'), tf.image.threshold(gray, 'otsu', true)],
      };
    },
  },
  {
    name: 'bitwiseAnd of int32 tensors; float or mismatched operands throw',
    run: (tf) => {
      const attempts: Array<() => unknown> = [
        () => tf.bitwiseAnd(tf.tensor1d([0, 5, 3, 14, -1], 'int32'), tf.tensor1d([5, 0, 7, 11, 6], 'int32')),
        () => tf.bitwiseAnd(tf.tensor2d([[12, 10]], [1, 2], 'int32'), tf.tensor2d([[10, 6]], [1, 2], 'int32')),
        () => tf.bitwiseAnd([1, 2], [3, 3]), () => tf.bitwiseAnd(tf.tensor1d([1], 'int32'), tf.tensor1d([1, 2], 'int32')),
      ];
      return attempts.map((f) => { try { return f(); } catch { return 'threw'; } });
    },
  },
];
