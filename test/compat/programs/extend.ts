import type { DataType, DenseLayerArgs, Kwargs, LayerArgs, LayersModel, LayerVariable, ModelArtifacts, Shape, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';
import { saveToMemory } from './layers-surface';

// Programs that extend the library as TF.js users do (their own layers, cells, initializers, regularizers and
// constraints, models made from configs), where tessera once differed from TF.js 4.22.

const rows = (tf: TF, r: number, c: number) => tf.tensor2d(Array.from({ length: r * c }, (_, i) => Math.cos(i * 0.7)), [r, c]);
const first = (inputs: Tensor | Tensor[]) => (Array.isArray(inputs) ? inputs[0] : inputs);

async function roundTrip(tf: TF, model: LayersModel): Promise<{ artifacts: ModelArtifacts; loaded: LayersModel }> {
  const artifacts = await saveToMemory(tf, model);
  return { artifacts, loaded: await tf.loadLayersModel(tf.io.fromMemory(artifacts)) };
}

export const extend: Program[] = [
  {
    name: 'a layer of the user\'s own takes inputs of other shapes on later calls, and its computeOutputShape is asked for symbolic inputs only',
    run: (tf: TF) => {
      class Square extends tf.layers.Layer {
        static className = 'ExtSquare';
        override call(inputs: Tensor | Tensor[]): Tensor {
          return first(inputs).square();
        }
      }
      class Scale extends tf.layers.Layer {
        static className = 'ExtScale';
        w: LayerVariable | null = null;
        override build(inputShape: Shape | Shape[]): void {
          const s = inputShape as Shape;
          this.w = this.addWeight('w', [s[s.length - 1] as number], 'float32', tf.initializers.constant({ value: 2 }));
          this.built = true;
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return first(inputs).mul((this.w as LayerVariable).read());
        }
      }
      // As the VAE example's sampling layer: a computeOutputShape that holds only for the symbolic pair of inputs.
      let asked = 0;
      class Pair extends tf.layers.Layer {
        static className = 'ExtPair';
        override computeOutputShape(inputShape: Shape | Shape[]): Shape {
          asked++;
          tf.util.assert(inputShape.length === 2 && Array.isArray(inputShape[0]), () => `Expected exactly 2 input shapes. But got: ${inputShape}`);
          return (inputShape as Shape[])[0];
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return Array.isArray(inputs) ? inputs[0].add(inputs[1]) : inputs.mul(3);
        }
      }
      // As TF.js's Layer docs: a layer of the user's own reduces a tensor without a batch dim, or a scalar.
      class SquaredSum extends tf.layers.Layer {
        override computeOutputShape(): Shape {
          return [];
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return tf.tidy(() => tf.sum(tf.square(first(inputs))));
        }
        override getClassName(): string {
          return 'SquaredSum';
        }
      }
      const square = new Square({});
      const scale = new Scale({});
      const explicit = new Scale({});
      explicit.build([null, 4]);
      return [
        square.apply(rows(tf, 3, 4)), square.apply(rows(tf, 2, 5)), square.apply(tf.ones([2, 3, 3])),
        scale.apply(tf.ones([2, 3, 4])), scale.apply(tf.ones([1, 5, 4])),
        new Pair({}).apply(rows(tf, 2, 3)), asked, explicit.apply(rows(tf, 3, 4)), explicit.weights.length,
        new SquaredSum({}).apply(tf.tensor([-2, 1, 0, 5])), new SquaredSum({}).apply(tf.scalar(3)),
      ];
    },
  },
  {
    name: 'a layer of the user\'s own that holds other layers hands their weights on with this.trainableWeights = ...: names, fit, save and load',
    run: async (tf) => {
      class Wrap extends tf.layers.Layer {
        static className = 'ExtWrapDense';
        readonly inner = tf.layers.dense({ units: 2, kernelInitializer: 'ones', name: 'ext_inner' });
        override build(inputShape: Shape | Shape[]): void {
          this.inner.build(inputShape);
          this.trainableWeights = this.inner.trainableWeights;
          super.build(inputShape);
        }
        override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
          return this.inner.computeOutputShape(inputShape);
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return (this.inner.apply(first(inputs)) as Tensor).relu();
        }
      }
      tf.serialization.registerClass(Wrap);
      class Block extends tf.layers.Layer {
        static className = 'ExtBlock';
        readonly seq = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [3], kernelInitializer: 'ones', name: 'ext_block_d' })] });
        override build(): void {
          this.trainableWeights = this.seq.trainableWeights;
        }
        override call(inputs: Tensor | Tensor[], _kwargs: Kwargs): Tensor {
          return first(inputs).add(this.seq.apply(first(inputs)) as Tensor);
        }
      }
      const x = rows(tf, 3, 4);
      const model = tf.sequential({ layers: [new Wrap({ name: 'ext_wrap', inputShape: [4] } as LayerArgs), tf.layers.dense({ units: 3, kernelInitializer: 'ones', name: 'ext_mid' }), new Block({ name: 'ext_block' })] });
      model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const h = await model.fit(x, tf.ones([3, 3]), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
      const wrap = model.layers[0];
      const { artifacts, loaded } = await roundTrip(tf, tf.sequential({ layers: [wrap] }));
      return {
        loss: h.history.loss, names: model.weights.map((w) => w.name), trainable: wrap.trainableWeights.map((w) => w.name), params: model.countParams(),
        weights: model.getWeights(), specs: artifacts.weightSpecs, reloaded: loaded.predict(x) as Tensor,
      };
    },
  },
  {
    name: 'initializers, regularizers and constraints of the user\'s own registered classes, by className or {className, config}: values, getConfig, fit, save and load',
    run: async (tf) => {
      class FillInit extends tf.serialization.Serializable {
        static className = 'ExtFill';
        readonly value: number;
        constructor(config: { value?: number } = {}) {
          super();
          this.value = config.value ?? 0.5;
        }
        apply(shape: number[], dtype?: DataType): Tensor {
          return tf.fill(shape, this.value, dtype);
        }
        getConfig() {
          return { value: this.value };
        }
      }
      class AbsPenalty extends tf.serialization.Serializable {
        static className = 'ExtAbsPenalty';
        readonly weightFactor: number;
        constructor(config: { weightFactor?: number } = {}) {
          super();
          this.weightFactor = config.weightFactor ?? 0.1;
        }
        apply(x: Tensor): Tensor {
          return tf.tidy(() => x.abs().sum().mul(this.weightFactor));
        }
        getConfig() {
          return { weightFactor: this.weightFactor };
        }
      }
      class Clip extends tf.serialization.Serializable {
        static className = 'ExtClip';
        apply(w: Tensor): Tensor {
          return tf.clipByValue(w, -0.2, 0.2);
        }
        getConfig() {
          return {};
        }
      }
      for (const cls of [FillInit, AbsPenalty, Clip]) tf.serialization.registerClass(cls);
      const settings = {
        kernelInitializer: 'ExtFill', biasInitializer: { className: 'ExtFill', config: { value: -0.25 } },
        kernelRegularizer: { className: 'ExtAbsPenalty', config: { weightFactor: 0.3 } }, biasRegularizer: 'ExtAbsPenalty', kernelConstraint: 'ExtClip',
      } as unknown as Partial<DenseLayerArgs>;
      const model = tf.sequential({ layers: [
        tf.layers.dense({ units: 2, inputShape: [4], ...settings, name: 'ext_reg_dense' }),
        tf.layers.dense({ units: 1, kernelInitializer: { className: 'ExtFill', config: { value: 0.1 } } as never, biasConstraint: { className: 'ExtClip', config: {} } as never, name: 'ext_reg_out' }),
      ] });
      const initial = model.getWeights().map((w) => w.clone());
      const conv = tf.layers.conv2d({ filters: 1, kernelSize: 1, kernelInitializer: 'ExtFill' as never, kernelRegularizer: 'ExtAbsPenalty' as never });
      conv.apply(tf.ones([1, 2, 2, 1]));
      const lstm = tf.layers.lstm({ units: 1, recurrentInitializer: 'ExtFill' as never, recurrentRegularizer: 'ExtAbsPenalty' as never, recurrentConstraint: 'ExtClip' as never });
      lstm.apply(tf.ones([1, 2, 2]));
      model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
      const x = rows(tf, 3, 4);
      const y = tf.ones([3, 1]);
      const before = model.evaluate(x, y) as Tensor;
      // One step: TF.js 4.22 never applies constraints in fit, tessera (as Keras) does after each step.
      const h = await model.fit(x, y, { epochs: 1, batchSize: 3, shuffle: false, verbose: 0 });
      // Writing weights projects the constrained ones, in both libraries.
      model.layers[0].setWeights([tf.fill([4, 2], 0.7), tf.zeros([2])]);
      const { artifacts, loaded } = await roundTrip(tf, model);
      const topology = artifacts.modelTopology as { config: { layers: { config: Record<string, unknown> }[] } };
      return {
        initial, before, loss: h.history.loss, projected: model.layers[0].getWeights()[0], config: model.layers[0].getConfig(), saved: topology.config.layers.map((l) => l.config),
        loadedConfig: loaded.layers[0].getConfig(), reloaded: loaded.predict(x) as Tensor, reloadedLoss: (loaded.layers[0].losses.map((f) => f()) as Tensor[]),
        conv: [conv.getWeights()[0], conv.losses.length, conv.getConfig().kernelInitializer], lstm: [lstm.getWeights()[1], lstm.getConfig().recurrentConstraint],
      };
    },
  },
  {
    name: 'an RNN of a cell class of the user\'s own (alone with two states, stacked with an lstmCell, in a functional model): fit, save and load',
    run: async (tf) => {
      class TwoStateCell extends tf.layers.RNNCell {
        static className = 'ExtTwoStateCell';
        units: number;
        stateSize: number | number[];
        kernel: LayerVariable | null = null;
        recurrent: LayerVariable | null = null;
        constructor(config: LayerArgs & { units: number; twoStates?: boolean }) {
          super(config);
          this.units = config.units;
          this.stateSize = config.twoStates ? [config.units, config.units] : config.units;
        }
        override build(inputShape: Shape | Shape[]): void {
          const s = inputShape as Shape;
          this.kernel = this.addWeight('kernel', [s[s.length - 1] as number, this.units], 'float32', tf.initializers.glorotUniform({ seed: 1 }));
          this.recurrent = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32', tf.initializers.orthogonal({ seed: 2 }));
          this.built = true;
        }
        override call(inputs: Tensor | Tensor[]): Tensor[] {
          return tf.tidy(() => {
            const [x, h, c] = inputs as Tensor[];
            const out = tf.tanh(tf.matMul(x, (this.kernel as LayerVariable).read()).add(tf.matMul(h, (this.recurrent as LayerVariable).read())));
            return c ? [out, out, c.add(out)] : [out, out];
          });
        }
        override getConfig() {
          return { ...super.getConfig(), units: this.units, twoStates: Array.isArray(this.stateSize) };
        }
      }
      tf.serialization.registerClass(TwoStateCell);
      const seq = tf.tensor3d(Array.from({ length: 2 * 4 * 3 }, (_, i) => Math.cos(i * 0.37)), [2, 4, 3]);
      const alone = tf.sequential({ layers: [tf.layers.rnn({ cell: new TwoStateCell({ units: 2, twoStates: true }), inputShape: [4, 3], name: 'ext_rnn' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'ext_rnn_out' })] });
      alone.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const h = await alone.fit(seq, tf.tensor2d([[1], [0]]), { epochs: 2, shuffle: false, verbose: 0 });
      const stacked = tf.sequential({ layers: [tf.layers.rnn({ cell: [new TwoStateCell({ units: 3 }), tf.layers.lstmCell({ units: 2, kernelInitializer: 'ones', recurrentInitializer: 'zeros' })], returnSequences: true, inputShape: [4, 3], name: 'ext_stack' })] });
      const input = tf.input({ shape: [4, 3] });
      const functional = tf.model({ inputs: input, outputs: tf.layers.rnn({ cell: new TwoStateCell({ units: 2 }), goBackwards: true, name: 'ext_fn_rnn' }).apply(input) as never });
      const out: unknown[] = [h.history.loss];
      for (const model of [alone, stacked, functional]) {
        const { artifacts, loaded } = await roundTrip(tf, model);
        out.push(artifacts.weightSpecs, model.predict(seq) as Tensor, loaded.predict(seq) as Tensor, loaded.weights.map((w) => w.name));
      }
      return out;
    },
  },
  {
    name: 'Sequential.fromConfig remakes a model from its getConfig(), built-in layers and a registered one of the user\'s own',
    run: (tf) => {
      class Repeat extends tf.layers.Layer {
        static className = 'ExtRepeat';
        readonly times: number;
        constructor(config: LayerArgs & { times: number }) {
          super(config);
          this.times = config.times;
        }
        override computeOutputShape(inputShape: Shape | Shape[]): Shape {
          const s = inputShape as Shape;
          return [s[0], (s[1] as number) * this.times];
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return first(inputs).tile([1, this.times]);
        }
        override getConfig() {
          return { ...super.getConfig(), times: this.times };
        }
      }
      tf.serialization.registerClass(Repeat);
      const model = tf.sequential({ name: 'ext_from_config', layers: [
        tf.layers.conv2d({ filters: 2, kernelSize: 2, activation: 'relu', kernelInitializer: 'glorotNormal', kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }), inputShape: [3, 3, 1], name: 'ext_fc_conv' }),
        tf.layers.flatten({ name: 'ext_fc_flat' }), tf.layers.activation({ activation: 'elu', name: 'ext_fc_elu' }),
        tf.layers.dense({ units: 2, activation: 'tanh', kernelInitializer: 'glorotNormal', name: 'ext_fc_dense' }), new Repeat({ times: 2, name: 'ext_fc_repeat' }),
      ] });
      model.setWeights(model.getWeights().map((w, k) => tf.tensor(Array.from({ length: w.size }, (_, i) => 0.1 * Math.sin(1 + i + 10 * k)), w.shape)));
      const copy = tf.Sequential.fromConfig(tf.Sequential, model.getConfig());
      copy.setWeights(model.getWeights());
      const x = tf.tensor4d(Array.from({ length: 2 * 9 }, (_, i) => Math.sin(i)), [2, 3, 3, 1]);
      copy.summary();
      return {
        isSequential: copy instanceof tf.Sequential, name: copy.name, config: copy.getConfig(), same: JSON.stringify(copy.getConfig()) === JSON.stringify(model.getConfig()),
        layers: copy.layers.map((l) => [l.name, l.getClassName()]), predicted: copy.predict(x) as Tensor, original: model.predict(x) as Tensor,
      };
    },
  },
  {
    name: 'a layer of the user\'s own collects its inner layers\' weights in TF.js\'s protected lists (this._trainableWeights = [...], and push): training, frozen statistics, counts',
    run: async (tf) => {
      const make = (push: boolean) => class Gate extends tf.layers.Layer {
        static className = push ? 'ExtGatePush' : 'ExtGateAssign';
        readonly value = tf.layers.dense({ units: 4, kernelInitializer: 'ones', name: `${this.name}_value` });
        readonly gate = tf.layers.dense({ units: 4, kernelInitializer: tf.initializers.constant({ value: 0.5 }), activation: 'sigmoid', name: `${this.name}_gate` });
        readonly norm = tf.layers.batchNormalization({ name: `${this.name}_norm` });
        override build(inputShape: Shape | Shape[]): void {
          const s = inputShape as Shape;
          this.value.build(s);
          this.gate.build(s);
          this.norm.build([s[0], 4]);
          if (push) {
            this._trainableWeights.push(...this.value.trainableWeights);
            this._trainableWeights.push(...this.gate.trainableWeights, ...this.norm.trainableWeights);
            this._nonTrainableWeights.push(...this.norm.nonTrainableWeights);
          } else {
            this._trainableWeights = [...this.value.trainableWeights, ...this.gate.trainableWeights, ...this.norm.trainableWeights];
            this._nonTrainableWeights = this.norm.nonTrainableWeights;
          }
          super.build(inputShape);
        }
        override computeOutputShape(inputShape: Shape | Shape[]): Shape {
          return [(inputShape as Shape)[0], 4];
        }
        override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor {
          const x = first(inputs);
          return this.norm.apply((this.value.apply(x) as Tensor).mul(this.gate.apply(x) as Tensor), kwargs) as Tensor;
        }
      };
      const out: unknown[] = [];
      for (const push of [false, true]) {
        const Gate = make(push);
        const model = tf.sequential({ layers: [new Gate({ name: push ? 'ext_gate_push' : 'ext_gate_assign', inputShape: [4] }), tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: push ? 'ext_gate_push_out' : 'ext_gate_assign_out' })] });
        model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
        const h = await model.fit(rows(tf, 3, 4), tf.ones([3, 1]), { epochs: 2, batchSize: 3, shuffle: false, verbose: 0 });
        const layer = model.layers[0];
        out.push(h.history.loss, layer.trainableWeights.map((w) => w.name), layer.nonTrainableWeights.map((w) => w.name), model.getWeights(), model.countParams(), model.predict(rows(tf, 2, 4)) as Tensor);
      }
      return out;
    },
  },
];
