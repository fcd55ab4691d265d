import type { LayersModel, SymbolicTensor, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Programs from this round: topologies in getConfig()'s camelCase spelling and hand-written ones (a named initializer,
// constraint or regularizer; an InputLayer with input_shape and no name) given to modelFromJSON, gradients through
// arithmetic on bools, window pads that leave no window, and initializers applied as int32.

const x4 = (tf: TF) => tf.tensor4d(Array.from({ length: 2 * 5 * 5 * 2 }, (_, i) => Math.sin(i * 0.7)), [2, 5, 5, 2]);

/** A small conv model with seeded weights, names in camelCase, and settings whose saved values are respelled. */
function convModel(tf: TF): LayersModel {
  return tf.sequential({ name: 'myConvModel', layers: [
    tf.layers.conv2d({ filters: 3, kernelSize: 2, inputShape: [5, 5, 2], dataFormat: 'channelsLast', name: 'firstConv', kernelInitializer: tf.initializers.varianceScaling({ mode: 'fanAvg', distribution: 'uniform', seed: 3 }) }),
    tf.layers.batchNormalization({ name: 'theNorm', movingVarianceInitializer: 'ones' }),
    tf.layers.activation({ activation: 'hardSigmoid' }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 2, name: 'outDense', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }), kernelConstraint: tf.constraints.maxNorm({ maxValue: 3 }) }),
  ] });
}

/** A functional model with camelCase layer names, as getConfig() lists them. */
function functionalModel(tf: TF): LayersModel {
  const a = tf.input({ shape: [3], name: 'leftInput' });
  const b = tf.input({ shape: [3], name: 'rightInput' });
  const shared = tf.layers.dense({ units: 2, name: 'sharedDense', kernelInitializer: tf.initializers.heNormal({ seed: 9 }) });
  const merged = tf.layers.concatenate({ name: 'joinThem' }).apply([shared.apply(a) as SymbolicTensor, shared.apply(b) as SymbolicTensor]) as SymbolicTensor;
  return tf.model({ inputs: [a, b], outputs: tf.layers.dense({ units: 1, name: 'finalOut', kernelInitializer: 'ones' }).apply(merged) as SymbolicTensor });
}

export const s47Sweep: Program[] = [
  {
    name: "modelFromJSON reads a topology in getConfig()'s camelCase spelling (a clone of a sequential model)",
    run: async (tf) => {
      const m = convModel(tf);
      const clones = [
        await tf.models.modelFromJSON({ modelTopology: { class_name: 'Sequential', config: m.getConfig() } }),
        await tf.models.modelFromJSON({ modelTopology: { className: 'Sequential', config: m.getConfig() } }),
      ];
      return clones.map((c) => {
        c.setWeights(m.getWeights());
        return { names: c.layers.map((l) => l.name), shapes: c.getWeights().map((w) => w.shape), y: c.predict(x4(tf)), conv: c.layers[0].getConfig() };
      });
    },
  },
  {
    name: "modelFromJSON reads a functional topology in camelCase: layer names in camelCase kept in the node references",
    run: async (tf) => {
      const m = functionalModel(tf);
      const c = await tf.models.modelFromJSON({ modelTopology: { class_name: 'Model', config: m.getConfig() } });
      c.setWeights(m.getWeights());
      const xs = [tf.tensor2d([[1, -2, 0.5]]), tf.tensor2d([[0.25, 3, -1]])];
      return { names: c.layers.map((l) => l.name), inputs: c.inputNames, outputs: c.outputNames, y: c.predict(xs), same: m.predict(xs) };
    },
  },
  {
    name: "a topology with snake_case keys and camelCase values (TF.js camel-cases every value it reads)",
    run: async (tf) => {
      const m = await tf.models.modelFromJSON({ modelTopology: { class_name: 'Sequential', config: { name: 'mixed', layers: [
        { class_name: 'Conv2D', config: { filters: 2, kernel_size: 1, batch_input_shape: [null, 1, 3, 3], name: 'c', data_format: 'channelsFirst', kernel_initializer: 'ones' } },
        { class_name: 'Flatten', config: { name: 'f' } },
        { class_name: 'Dense', config: { units: 2, name: 'd', activation: 'hardSigmoid', kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fanIn', distribution: 'truncatedNormal', seed: 1 } } } },
      ] } } });
      return { out: m.outputs[0].shape, configs: m.layers.map((l) => l.getConfig()), y: m.predict(tf.ones([1, 1, 3, 3])) };
    },
  },
  {
    name: "a user layer's config keeps its own spelling in model.getConfig() and through a camelCase clone",
    run: async (tf) => {
      class Tagged extends tf.layers.Layer {
        static className = 'Tagged47';
        readonly label: string;
        readonly size2D: number;
        constructor(config: { label: string; size2D: number } & ConstructorParameters<typeof tf.layers.Layer>[0]) {
          super(config);
          this.label = config.label;
          this.size2D = config.size2D;
        }
        override call(x: Tensor | Tensor[]): Tensor | Tensor[] {
          return tf.mul(Array.isArray(x) ? x[0] : x, this.size2D);
        }
        override getConfig() {
          return { ...super.getConfig(), label: this.label, size2D: this.size2D };
        }
      }
      tf.serialization.registerClass(Tagged);
      const m = tf.sequential({ name: 'tagged_model', layers: [new Tagged({ inputShape: [2], label: 'MyLabel', size2D: 3, name: 'tagged' })] });
      const config = m.getConfig();
      const clone = await tf.models.modelFromJSON({ modelTopology: { class_name: 'Sequential', config } });
      const layer = clone.layers[0] as Tagged;
      return { config, cloned: [layer.label, layer.size2D, clone.inputs[0].shape], y: clone.predict(tf.ones([1, 2])) };
    },
  },
  {
    name: 'Sequential.fromConfig and LayersModel.fromConfig make a nested model again from its getConfig() entry',
    run: (tf) => {
      const inner = tf.sequential({ name: 'inner47', layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'inner_dense' })] });
      const seq = tf.Sequential.fromConfig(tf.Sequential, tf.sequential({ layers: [inner] }).getConfig()) as LayersModel;
      const x = tf.input({ shape: [3], name: 'x47' });
      const fn = tf.LayersModel.fromConfig(tf.LayersModel, tf.model({ inputs: x, outputs: inner.apply(x) as SymbolicTensor }).getConfig()) as LayersModel;
      return [seq, fn].map((m) => ({ layers: m.layers.map((l) => [l.name, l.getClassName()]), y: m.predict(tf.ones([1, 3])) }));
    },
  },
  {
    name: 'a hand-written topology may name its initializer, constraint and regularizer by string',
    run: async (tf) => {
      const m = await tf.models.modelFromJSON({ modelTopology: { class_name: 'Sequential', config: { layers: [
        { class_name: 'Dense', config: { units: 2, batch_input_shape: [null, 3], kernel_initializer: 'ones', bias_initializer: 'zeros', kernel_constraint: 'non_neg', kernel_regularizer: 'l1l2' } },
        { class_name: 'Dense', config: { units: 1, kernel_initializer: 'glorot_uniform', bias_constraint: 'unit_norm' } },
      ] } } });
      const cfg = m.layers.map((l) => l.getConfig());
      return { first: m.layers[0].getWeights(), y: m.layers[0].apply(tf.tensor2d([[1, 2, 3]])), cfg: cfg.map((c) => [c.kernelInitializer, c.kernelConstraint, c.kernelRegularizer, c.biasConstraint]) };
    },
  },
  {
    name: 'an InputLayer written with input_shape (and batch_size), or with no name, as TF.js reads it',
    run: async (tf) => {
      const out = [];
      for (const config of [{ input_shape: [3] }, { input_shape: [3], batch_size: 4, name: 'given' }]) {
        const m = await tf.models.modelFromJSON({ modelTopology: { class_name: 'Sequential', config: { layers: [
          { class_name: 'InputLayer', config }, { class_name: 'Dense', config: { units: 2, name: 'd', kernel_initializer: 'ones' } },
        ] } } });
        // The count after 'input' is the process's, which earlier programs moved in each library.
        out.push({ layers: m.layers.map((l) => l.name.replace(/^input\d+$/, 'inputN')), shape: m.inputs[0].shape, y: m.predict(tf.ones([4, 3])) });
      }
      return out;
    },
  },
  {
    name: 'a gradient passes through add, sub and mul of two bools (their bool result), as through a cast',
    run: (tf) => {
      const x = tf.tensor1d([1, -2, 3]);
      const fs = [
        (t: Tensor) => tf.sum(tf.mul(tf.add(tf.cast(t, 'bool'), tf.cast(t, 'bool')), t)),
        (t: Tensor) => tf.sum(tf.mul(tf.sub(tf.cast(t, 'bool'), tf.cast(tf.neg(t), 'bool')), t)),
        (t: Tensor) => tf.sum(tf.mul(tf.mul(tf.cast(t, 'bool'), tf.cast(tf.neg(t), 'bool')), tf.square(t))),
      ];
      return fs.map((f) => tf.grad(f)(x));
    },
  },
  {
    name: 'a numeric or explicit window pad that leaves no window gives an empty axis, and zero gradients',
    run: (tf) => {
      const x = tf.ones([1, 2, 5, 1]) as ReturnType<TF['tensor4d']>;
      const w = tf.ones([3, 3, 1, 1]) as ReturnType<TF['tensor4d']>;
      return {
        conv: tf.conv2d(x, w, 1, 0), explicit: tf.conv2d(x, w, 2, [[0, 0], [0, 0], [1, 1], [0, 0]]), depthwise: tf.depthwiseConv2d(x, w, 1, 0),
        max: tf.maxPool(x, 3, 1, 0), avg: tf.avgPool(x, 3, 1, 0, 'ceil'),
        grads: tf.grads((a, b) => tf.sum(tf.conv2d(a as ReturnType<TF['tensor4d']>, b as ReturnType<TF['tensor4d']>, 1, 0)))([x, w]),
      };
    },
  },
  {
    name: "layers number themselves in the order made (Layer.id), and a symbolic tensor keeps its name before the count (originalName)",
    run: (tf) => {
      // Names of this program's own, so that no other program's tensors have moved their counts.
      const x = tf.input({ shape: [3], name: 'x_ids47' });
      const d = tf.layers.dense({ units: 2, name: 'd_ids47' });
      const [a, b] = [d.apply(x) as SymbolicTensor, d.apply(x) as SymbolicTensor];
      const m = tf.model({ inputs: x, outputs: b });
      return { ids: [typeof d.id, Number.isInteger(d.id), d.id < m.id, m.layers[0].id < d.id], names: [x, a, b].map((t) => [t.originalName, t.name]) };
    },
  },
  {
    name: "initializers applied as int32: the normal draws rounded, the uniform ones truncated, as TF.js's samplers",
    run: (tf) => [
      tf.initializers.randomNormal({ seed: 7, stddev: 5 }).apply([4, 5], 'int32'),
      tf.initializers.truncatedNormal({ seed: 8, stddev: 5 }).apply([4, 5], 'int32'),
      tf.initializers.heNormal({ seed: 9 }).apply([1, 20], 'int32'),
      tf.initializers.randomUniform({ seed: 10, minval: -5, maxval: 5 }).apply([4, 5], 'int32'),
    ],
  },
];
