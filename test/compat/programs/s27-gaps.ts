import type { LayerNode, LayerVariable, Regularizer, Shape, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Gaps an ordinary TF.js 4.22 program fell into after swapping the import: losses a user layer adds in its build,
// the node graph a layer exposes, the tf.sparse namespace, and the preprocessing layers.

const first = (inputs: Tensor | Tensor[]) => (Array.isArray(inputs) ? inputs[0] : inputs);
const xs = (tf: TF) => tf.tensor2d([[1, 2], [3, 4], [-1, 0.5], [0, -2]]);
const ys = (tf: TF) => tf.tensor2d([[1], [0], [2], [-1]]);

/** A user layer x·w (w from ones) whose build adds a penalty on w: by addLoss(fn), or as addWeight's regularizer. */
function penalizedInBuild(tf: TF, how: 'addLoss' | 'regularizer', regularizer?: Regularizer) {
  return class extends tf.layers.Layer {
    static className = `S27Penalized_${how}`;
    w: LayerVariable | null = null;
    override build(inputShape: Shape | Shape[]): void {
      const s = inputShape as Shape;
      const reg = how === 'regularizer' ? regularizer ?? tf.regularizers.l2({ l2: 0.05 }) : undefined;
      const w = this.addWeight('w', [s[s.length - 1] as number, 1], 'float32', tf.initializers.ones(), reg);
      this.w = w;
      if (how === 'addLoss') this.addLoss(() => tf.mul(0.1, tf.sum(tf.square(w.read()))) as never);
      this.built = true;
    }
    override call(inputs: Tensor | Tensor[]): Tensor {
      return tf.matMul(first(inputs), (this.w as LayerVariable).read());
    }
    override computeOutputShape(s: Shape | Shape[]): Shape {
      return [(s as Shape)[0], 1];
    }
  };
}

const buildLosses: Program[] = [
  {
    name: 'a user layer\'s addLoss(fn) in build counts at every fit step: history, weights, evaluate, layer.losses and model.losses',
    run: async (tf) => {
      const Penalized = penalizedInBuild(tf, 'addLoss');
      const layer = new Penalized({ inputShape: [2] });
      const m = tf.sequential({ layers: [layer] });
      const before = [layer.losses.length, m.losses.length];
      m.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const h = await m.fit(xs(tf), ys(tf), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return [before, h.history.loss, m.getWeights(), m.evaluate(xs(tf), ys(tf)), layer.losses.length, layer.losses.map((f) => f()), m.losses.length, m.calculateLosses()];
    },
  },
  {
    name: 'a user layer\'s build addLoss counts at each trainOnBatch, and a layer applied by hand first (built outside a model) keeps it',
    run: async (tf) => {
      const Penalized = penalizedInBuild(tf, 'addLoss');
      const layer = new Penalized({});
      const direct = layer.apply(xs(tf)) as Tensor;
      const input = tf.input({ shape: [2] });
      const m = tf.model({ inputs: input, outputs: layer.apply(input) as SymbolicTensor });
      m.compile({ optimizer: tf.train.adam(0.05), loss: 'meanAbsoluteError' });
      const losses: number[] = [];
      for (let i = 0; i < 4; i++) losses.push(await m.trainOnBatch(xs(tf), ys(tf)) as number);
      return [direct, losses, layer.getWeights()];
    },
  },
  {
    name: 'a regularizer given to addWeight in a user layer\'s build counts at every step, as a dense layer\'s kernelRegularizer does',
    run: async (tf) => {
      const Penalized = penalizedInBuild(tf, 'regularizer', tf.regularizers.l1l2({ l1: 0.02, l2: 0.03 }));
      const layer = new Penalized({ inputShape: [2] });
      const m = tf.sequential({ layers: [layer, tf.layers.dense({ units: 1, kernelInitializer: 'ones', kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }) })] });
      m.compile({ optimizer: tf.train.sgd(0.02), loss: 'meanSquaredError' });
      const h = await m.fit(xs(tf), ys(tf), { epochs: 3, batchSize: 4, verbose: 0 });
      return [h.history.loss, m.getWeights(), layer.losses.length, m.calculateLosses()];
    },
  },
  {
    name: 'a layer shared by two branches of a functional model counts its penalties once for each of its nodes, as TF.js\'s model does',
    run: async (tf) => {
      const input = tf.input({ shape: [2] });
      const shared = tf.layers.dense({ units: 2, kernelInitializer: 'ones', kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }) });
      const Penalized = penalizedInBuild(tf, 'addLoss');
      const own = new Penalized({});
      const a = shared.apply(input) as SymbolicTensor;
      const b = shared.apply(tf.layers.dense({ units: 2, kernelInitializer: 'ones' }).apply(input) as SymbolicTensor) as SymbolicTensor;
      const sum = tf.layers.add().apply([own.apply(a) as SymbolicTensor, own.apply(b) as SymbolicTensor]) as SymbolicTensor;
      const m = tf.model({ inputs: input, outputs: sum });
      m.compile({ optimizer: tf.train.sgd(0.001), loss: 'meanSquaredError' });
      const before = m.calculateLosses();
      const h = await m.fit(xs(tf), ys(tf), { epochs: 2, batchSize: 4, verbose: 0 });
      return [before, h.history.loss, m.getWeights()];
    },
  },
  {
    name: 'a model holding a model with a build-penalized layer counts the inner penalty at each step',
    run: async (tf) => {
      const Penalized = penalizedInBuild(tf, 'addLoss');
      const inner = tf.sequential({ layers: [new Penalized({ inputShape: [2] })] });
      const outer = tf.sequential({ layers: [inner, tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
      outer.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const h = await outer.fit(xs(tf), ys(tf), { epochs: 3, batchSize: 4, verbose: 0 });
      return [h.history.loss, outer.getWeights()];
    },
  },
  {
    name: 'addLoss outside any call (in a build the program runs itself, or on a built layer) counts at every fit step',
    run: async (tf) => {
      const Penalized = penalizedInBuild(tf, 'addLoss');
      const layer = new Penalized({});
      layer.build([null, 2]);
      const dense = tf.layers.dense({ units: 1, kernelInitializer: 'ones', useBias: false });
      const m = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [2] }), layer, dense] });
      dense.addLoss(() => tf.mul(0.5, tf.sum(tf.abs(dense.getWeights()[0]))) as never);
      m.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
      const h = await m.fit(xs(tf), ys(tf), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return [h.history.loss, m.getWeights(), layer.losses.length, dense.losses.length];
    },
  },
  {
    name: 'a tensor (not a function) given to addLoss in build fails, as TF.js fails on it at the first step',
    run: async (tf) => {
      class Bad extends tf.layers.Layer {
        override build(): void {
          this.addLoss(tf.scalar(1) as never);
          this.built = true;
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return first(inputs);
        }
      }
      const m = tf.sequential({ layers: [new Bad({ inputShape: [2] }), tf.layers.dense({ units: 1 })] });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      await m.fit(xs(tf), ys(tf), { epochs: 1, verbose: 0 });
      return 'trained';
    },
  },
  {
    name: 'a penalty a layer adds from its call counts at that step only',
    deviation: "TF.js 4.22 keeps every call's addLoss function (predict's calls too) and sums them all at each later step, so its penalty grows with each call; tessera counts what a step's call added, as Keras does",
    run: async (tf) => {
      class CallPenalty extends tf.layers.Layer {
        override call(inputs: Tensor | Tensor[]): Tensor {
          this.addLoss(() => tf.scalar(1));
          return first(inputs);
        }
      }
      const m = tf.sequential({ layers: [new CallPenalty({ inputShape: [2] }), tf.layers.dense({ units: 1, kernelInitializer: 'zeros' })] });
      m.compile({ optimizer: tf.train.sgd(0), loss: 'meanSquaredError' });
      const h = await m.fit(xs(tf), ys(tf), { epochs: 3, batchSize: 4, verbose: 0 });
      return h.history.loss;
    },
  },
];

/** What a program reads of a node: its layers by name, indices, tensors by shape, masks, call arguments and config. */
const nodeView = (n: LayerNode) => ({
  outboundLayer: n.outboundLayer.name, inboundLayers: n.inboundLayers.map((l) => l.name), nodeIndices: n.nodeIndices, tensorIndices: n.tensorIndices,
  inputTensors: n.inputTensors.map((t) => t.shape), outputTensors: n.outputTensors.map((t) => t.shape), inputShapes: n.inputShapes, outputShapes: n.outputShapes,
  inputMasks: n.inputMasks, outputMasks: n.outputMasks, callArgs: n.callArgs ?? 'none', config: n.getConfig(),
});

const nodes: Program[] = [
  {
    name: 'inboundNodes and outboundNodes of the layers of a functional model with a layer applied twice and a merge',
    run: (tf) => {
      const input = tf.input({ shape: [2], name: 's27_x' });
      const d = tf.layers.dense({ units: 2, name: 's27_d' });
      const a = d.apply(input) as SymbolicTensor;
      const b = d.apply(a) as SymbolicTensor;
      const cat = tf.layers.concatenate({ name: 's27_cat' });
      const m = tf.model({ inputs: input, outputs: cat.apply([a, b]) as SymbolicTensor });
      const inputLayer = m.layers[0];
      return [
        inputLayer.inboundNodes.map(nodeView), inputLayer.outboundNodes.map(nodeView), d.inboundNodes.map(nodeView), d.outboundNodes.map(nodeView),
        cat.inboundNodes.map(nodeView), cat.outboundNodes.length, d.outboundNodes[1] === cat.inboundNodes[0], d.inboundNodes[1].inboundLayers[0] === d,
      ];
    },
  },
  {
    name: 'a Sequential model\'s layers link through their nodes to the input layer; a layer called on tensors gets no node',
    run: (tf) => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [4], name: 's27_sd' }), tf.layers.dense({ units: 1, name: 's27_sd2' })] });
      const eager = tf.layers.dense({ units: 1 });
      eager.apply(tf.ones([2, 3]));
      const [first, second] = m.layers;
      // Walking back from the output, as a program that draws the graph does.
      const walk: string[] = [];
      for (let l = second; l.inboundNodes.length > 0 && l.inboundNodes[0].inboundLayers.length > 0; l = l.inboundNodes[0].inboundLayers[0] as typeof l) walk.push(l.name);
      const linked = [first.outboundNodes.length, second.inboundNodes.length];
      m.pop();
      return [first.inboundNodes.map(nodeView), second.inboundNodes.map(nodeView), walk, eager.inboundNodes.length, eager.outboundNodes.length, linked, first.outboundNodes.length, second.inboundNodes.length];
    },
  },
  {
    name: 'a node\'s callArgs hold what apply was given',
    run: (tf) => {
      const input = tf.input({ shape: [3] });
      const drop = tf.layers.dropout({ rate: 0.5 });
      drop.apply(input, { training: true });
      drop.apply(input);
      return [drop.inboundNodes.map((n) => n.callArgs), input.sourceLayer.outboundNodes.length];
    },
  },
];

/** Whether f throws, and nothing else: the messages differ between the libraries. */
const throws = (f: () => unknown): boolean => {
  try { f(); return false; } catch { return true; }
};

const sparse: Program[] = [
  {
    name: 'tf.sparse.sparseFillEmptyRows: TF.js\'s doc example, rows out of order, a full ordered input, float and int32 values, an empty dense shape',
    run: (tf) => {
      const doc = tf.sparse.sparseFillEmptyRows([[0, 0], [1, 0], [1, 3], [1, 4], [3, 2], [3, 3]], [0, 10, 13, 14, 32, 33], [5, 6], -1);
      const shuffled = tf.sparse.sparseFillEmptyRows(tf.tensor2d([[3, 1], [0, 2], [3, 0], [1, 1]], [4, 2], 'int32'), tf.tensor1d([1.5, -2, 3.25, 4]), tf.tensor1d([5, 4], 'int32'), tf.scalar(0.5));
      const full = tf.sparse.sparseFillEmptyRows([[0, 1, 0], [1, 0, 2], [2, 2, 2]], tf.tensor1d([7, 8, 9], 'int32'), [3, 3, 3], 0);
      const none = tf.sparse.sparseFillEmptyRows(tf.zeros([0, 2], 'int32'), tf.tensor1d([], 'float32'), [3, 2], 9);
      const zero = tf.sparse.sparseFillEmptyRows(tf.zeros([0, 2], 'int32'), tf.tensor1d([], 'float32'), [0, 2], 9);
      return [doc, shuffled, full, none, zero];
    },
  },
  {
    name: 'tf.sparse.sparseFillEmptyRows refuses bad ranks and rows outside the dense shape',
    run: (tf) => [
      throws(() => tf.sparse.sparseFillEmptyRows([0, 1], [1, 2], [3, 3], 0)), throws(() => tf.sparse.sparseFillEmptyRows([[0, 0]], [[1]], [3, 3], 0)),
      throws(() => tf.sparse.sparseFillEmptyRows([[0, 0]], [1], [[3, 3]], 0)), throws(() => tf.sparse.sparseFillEmptyRows([[0, 0]], [1], [3, 3], [0])),
      throws(() => tf.sparse.sparseFillEmptyRows([[3, 0]], [1], [3, 3], 0)), throws(() => tf.sparse.sparseFillEmptyRows([[-1, 0]], [1], [3, 3], 0)),
      throws(() => tf.sparse.sparseFillEmptyRows([[0, 0]], [1], [0, 3], 0)),
    ],
  },
  {
    name: 'tf.sparse.sparseReshape: TF.js\'s doc example, an inferred size first, to rank 1, to a larger rank, and from int32 tensors',
    run: (tf) => {
      const doc = tf.sparse.sparseReshape([[0, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0], [1, 2, 3]], [2, 3, 6], [9, -1]);
      const first = tf.sparse.sparseReshape([[0, 1], [2, 3], [3, 0]], [4, 4], [-1, 2]);
      const flat = tf.sparse.sparseReshape([[0, 1], [2, 3]], [4, 4], [16]);
      const deeper = tf.sparse.sparseReshape(tf.tensor2d([[1, 5], [0, 2]], [2, 2], 'int32'), tf.tensor1d([2, 6], 'int32'), tf.tensor1d([2, 2, 3], 'int32'));
      const empty = tf.sparse.sparseReshape(tf.zeros([0, 2], 'int32'), [3, 4], [2, 6]);
      return [doc, first, flat, deeper, empty];
    },
  },
  {
    name: 'tf.sparse.sparseReshape refuses two -1s, a negative size, a size that does not divide, another element count, bad ranks',
    run: (tf) => [
      throws(() => tf.sparse.sparseReshape([[0, 1]], [4, 4], [-1, -1])), throws(() => tf.sparse.sparseReshape([[0, 1]], [4, 4], [-2, 8])),
      throws(() => tf.sparse.sparseReshape([[0, 1]], [4, 4], [3, -1])), throws(() => tf.sparse.sparseReshape([[0, 1]], [4, 4], [3, 5])),
      throws(() => tf.sparse.sparseReshape([[0, 1]], [4, 0], [0, -1])), throws(() => tf.sparse.sparseReshape([0, 1], [4, 4], [16])),
      throws(() => tf.sparse.sparseReshape([[0, 1]], [[4, 4]], [16])), throws(() => tf.sparse.sparseReshape([[0, 1]], [4, 4], [[16]])),
    ],
  },
  {
    name: 'tf.sparse.sparseSegmentSum and sparseSegmentMean: TF.js\'s doc examples, gaps between segments, int32 data (mean truncates), 1-D and 3-D data',
    run: (tf) => {
      const c = tf.tensor2d([[1, 2, 3, 4], [-1, -2, -3, -4], [5, 6, 7, 8]]);
      const ids = (v: number[]) => tf.tensor1d(v, 'int32');
      const i32 = tf.tensor2d([[1, 2], [4, 7], [10, -3]], [3, 2], 'int32');
      const cube = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
      return [
        tf.sparse.sparseSegmentSum(c, ids([0, 1]), ids([0, 0])), tf.sparse.sparseSegmentSum(c, ids([0, 1]), ids([0, 1])), tf.sparse.sparseSegmentSum(c, ids([0, 2]), ids([0, 1])),
        tf.sparse.sparseSegmentMean(c, ids([0, 1]), ids([0, 0])), tf.sparse.sparseSegmentMean(c, ids([0, 1, 2]), ids([0, 0, 1])), tf.sparse.sparseSegmentMean(c, ids([2, 0]), ids([1, 3])),
        tf.sparse.sparseSegmentSum(i32, [0, 1, 2], [0, 0, 2]), tf.sparse.sparseSegmentMean(i32, [0, 1, 2, 2], [0, 0, 0, 1]), tf.sparse.sparseSegmentMean([1, 2, 4], [0, 1, 2], [0, 0, 0]),
        tf.sparse.sparseSegmentSum(cube, [1, 0, 1], [0, 1, 1]), tf.sparse.sparseSegmentMean(c, tf.tensor1d([], 'int32'), tf.tensor1d([], 'int32')),
      ];
    },
  },
  {
    name: 'tf.sparse.sparseSegmentSum and sparseSegmentMean refuse unsorted ids, out-of-range indices, a scalar, mismatched lengths and bad ranks',
    run: (tf) => {
      const c = tf.tensor2d([[1, 2], [3, 4]]);
      return [
        throws(() => tf.sparse.sparseSegmentSum(c, [0, 1], [1, 0])), throws(() => tf.sparse.sparseSegmentMean(c, [0, 2], [0, 0])), throws(() => tf.sparse.sparseSegmentSum(c, [0, -1], [0, 1])),
        throws(() => tf.sparse.sparseSegmentSum(tf.scalar(1), [0], [0])), throws(() => tf.sparse.sparseSegmentMean(c, [0, 1], [0])), throws(() => tf.sparse.sparseSegmentSum(c, [[0, 1]], [0, 1])),
        throws(() => tf.sparse.sparseSegmentSum(c, [0, 1], [[0, 1]])), throws(() => tf.sparse.sparseSegmentSum(c, [0, 1], [-1, -1])),
      ];
    },
  },
  {
    name: 'tf.sparse ops leave only their results alive',
    run: (tf) => {
      const start = tf.memory().numTensors;
      const r = tf.sparse.sparseFillEmptyRows([[0, 0], [2, 1]], [1, 2], [3, 2], 0);
      const s = tf.sparse.sparseSegmentSum([[1, 2], [3, 4]], [0, 1], [0, 0]);
      const made = tf.memory().numTensors - start;
      return [made, Object.keys(r).sort(), s];
    },
  },
  {
    name: 'sparseSegmentSum, sparseSegmentMean and raggedGather differentiated in their data',
    deviation: 'TF.js 4.22 registers no gradient for SparseSegmentSum, SparseSegmentMean or RaggedGather (tf.grad throws); tessera gives TensorFlow\'s (checked against float64 central differences)',
    run: (tf) => {
      const x = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
      const sum = (f: (d: Tensor) => Tensor) => tf.grad((d: Tensor) => tf.sum(tf.square(f(d))))(x);
      return [
        sum((d) => tf.sparse.sparseSegmentSum(d, [0, 2, 0], [0, 0, 1])),
        sum((d) => tf.sparse.sparseSegmentMean(d, [0, 2, 0], [0, 0, 1])),
        sum((d) => tf.raggedGather([tf.tensor1d([0, 1, 3], 'int32')], d, tf.tensor1d([1, 0], 'int32'), 1).outputDenseValues),
      ];
    },
  },
];

const image = (tf: TF, shape: number[]) => tf.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => (i * 7) % 11), shape);

const randomWidth: Program[] = [
  {
    name: 'tf.layers.randomWidth with a seed: each call draws the next width (bilinear), the config carries the counted-up seed',
    run: (tf) => {
      const l = tf.layers.randomWidth({ factor: 0.5, seed: 3 });
      const img = image(tf, [2, 4, 6, 2]);
      const outs = [l.apply(img), l.apply(img), l.apply(img, { training: true })] as Tensor[];
      const { name: _name, ...config } = l.getConfig();
      return [...outs, config, l.getClassName()];
    },
  },
  {
    name: 'tf.layers.randomWidth with a [lower, upper] factor, nearest, on one unbatched image, on int32 pixels, and unseeded (only shapes)',
    run: (tf) => {
      const nearest = tf.layers.randomWidth({ factor: [-0.5, 0.2], interpolation: 'nearest', seed: 10 });
      const ints = tf.layers.randomWidth({ factor: 0.4, seed: 5 }).apply(tf.ones([1, 2, 5, 1], 'int32')) as Tensor;
      const unseeded = tf.layers.randomWidth({ factor: 0.0001 });
      const { name: _name, ...config } = unseeded.getConfig();
      return [nearest.apply(image(tf, [4, 6, 1])), nearest.apply(image(tf, [1, 3, 8, 3])), ints, (unseeded.apply(tf.ones([2, 3, 20, 1])) as Tensor).shape, config];
    },
  },
  {
    name: 'tf.layers.randomWidth refuses a factor that is not positive or a pair, a bound below -1, bounds out of order, another interpolation',
    run: (tf) => [
      throws(() => tf.layers.randomWidth({ factor: 0 })), throws(() => tf.layers.randomWidth({ factor: -0.5 })), throws(() => tf.layers.randomWidth({ factor: [0.2, 0.1] })),
      throws(() => tf.layers.randomWidth({ factor: [-1.5, 0.1] })), throws(() => tf.layers.randomWidth({ factor: 0.2, interpolation: 'bicubic' as never })),
      throws(() => tf.layers.randomWidth({ factor: [0.1] as never })), throws(() => tf.layers.randomWidth({} as never)),
      throws(() => tf.sequential({ layers: [tf.layers.randomWidth({ factor: 0.3, seed: 1, inputShape: [4, 6, 2] })] })),
    ],
  },
];

const fingerprints: Program[] = [
  {
    name: 'tf.util.fingerPrint64 of strings of every length class (0-16, 17-32, 33-64, longer), with len, as a Long; hexToLong',
    run: (tf) => {
      const enc = new TextEncoder();
      const texts = ['', 'a', 'abc', 'hello', 'hello world!', 'seventeen chars!!', 'a string of thirty-one bytes...', 'x'.repeat(50), 'The quick brown fox jumps over the lazy dog. '.repeat(5)];
      const longs = texts.map((t) => tf.util.fingerPrint64(enc.encode(t)));
      const big = tf.util.hexToLong('c3a5c85c97cb3127');
      return [
        longs.map((l) => l.toString()), longs.map((l) => l.toString(16)), longs[4], longs.map((l) => l.toNumber()),
        tf.util.fingerPrint64(enc.encode('abcdef'), 3).toString(), tf.util.fingerPrint64(Uint8Array.from([255, 0, 128, 7, 9, 200, 1, 3, 4])).toSigned().toString(),
        big, big.toString(), big.toSigned().toString(), big.equals(tf.util.hexToLong('C3A5C85C97CB3127')), tf.util.hexToLong('1f').toNumber(),
      ];
    },
  },
];

export const s27Gaps: Program[] = [...buildLosses, ...nodes, ...sparse, ...randomWidth, ...fingerprints];
