import type { Kwargs, LayerArgs, LayersModel, LayerVariable, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';
import { saveToMemory } from './layers-surface';

// Programs with layers and models of the user's own, written as TF.js programs write them, where tessera once
// differed from TF.js 4.22 in the details (what a call receives, dtypes, class names, how often a loader constructs).

const first = (inputs: Tensor | Tensor[]) => (Array.isArray(inputs) ? inputs[0] : inputs);
async function roundTrip(tf: TF, model: LayersModel): Promise<LayersModel> {
  return tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(tf, model)));
}

/** What a layer was given, in words: a tensor by its shape and dtype, a list in brackets. */
const given = (v: unknown): string => (v == null ? String(v) : Array.isArray(v) ? `[${v.map(given).join(',')}]`
  : typeof v === 'object' && 'shape' in v && 'dtype' in v ? `${(v as Tensor).dtype}${JSON.stringify((v as Tensor).shape)}` : JSON.stringify(v));

export const layerminors: Program[] = [
  {
    name: 'a layer of the user\'s own made with dtype int32 computes on int32 values, and any user layer gets its inputs in their own dtype',
    run: (tf: TF) => {
      const seen: string[] = [];
      class Counter extends tf.layers.Layer {
        static className = 'MinorCounter';
        w: LayerVariable | null = null;
        override build(inputShape: number[] | number[][]): void {
          const s = inputShape as number[];
          this.w = this.addWeight('w', [s[s.length - 1]], undefined, tf.initializers.ones());
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          const x = first(inputs);
          seen.push(x.dtype);
          return x.add((this.w as LayerVariable).read().cast(x.dtype));
        }
      }
      const ints = tf.tensor2d([[1, 2]], [1, 2], 'int32');
      const counter = new Counter({ dtype: 'int32' } as LayerArgs);
      const concrete = [counter.apply(ints), counter.apply(tf.tensor2d([[1.5, 2]])), new Counter({}).apply(ints), new Counter({}).apply(tf.tensor2d([[1, 0]], [1, 2], 'bool'))];
      const input = tf.input({ shape: [2], dtype: 'int32' });
      const symbolic = new Counter({ dtype: 'int32' } as LayerArgs).apply(input) as unknown as { dtype: string };
      const model = tf.model({ inputs: input, outputs: symbolic as never });
      const seq = tf.sequential({ layers: [new Counter({ dtype: 'int32', inputShape: [2] } as LayerArgs)] });
      return {
        concrete, symbolic: symbolic.dtype, predicted: model.predict(tf.tensor2d([[3, 4.5]])) as Tensor, seq: [seq.inputs[0].dtype, seq.outputs[0].dtype, seq.predict(ints) as Tensor],
        weights: seq.getWeights(), config: seq.layers[0].getConfig(), seen,
      };
    },
  },
  {
    name: 'what the call of a user layer gets: its inputs as a list in a model run, kwargs with training only when training, a mask only where there is one',
    run: async (tf: TF) => {
      const seen: string[] = [];
      class Spy extends tf.layers.Layer {
        static className = 'MinorSpy';
        constructor(args: LayerArgs & { masking?: boolean }) {
          super(args);
          this.supportsMasking = args.masking ?? false;
        }
        override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor | Tensor[] {
          seen.push(`${this.name}.call ${given(inputs)} ${Object.keys(kwargs).join('/')} ${String(kwargs.training)} ${given(kwargs.mask)}`);
          return Array.isArray(inputs) ? [first(inputs)] : inputs;
        }
        override computeMask(inputs: Tensor | Tensor[], mask?: Tensor | Tensor[] | null): Tensor | Tensor[] | null {
          // TF.js's apply also asks it with no mask after each call (for tensor metadata tessera does not keep).
          if (mask !== undefined) seen.push(`${this.name}.computeMask ${given(inputs)} ${given(mask)}`);
          return mask ?? null;
        }
      }
      // A layer calling another hands its kwargs on.
      class Outer extends tf.layers.Layer {
        static className = 'MinorOuter';
        readonly inner = new Spy({ name: 'inner' });
        override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor | Tensor[] {
          seen.push(`outer ${String(kwargs.training)}`);
          return this.inner.apply(inputs, kwargs) as Tensor;
        }
      }
      const x = tf.ones([2, 3]);
      const lone = new Spy({ name: 'lone' });
      const applied = [lone.apply(x), lone.apply([x]), lone.apply(x, { training: true })];
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [3], kernelInitializer: 'ones' }), new Spy({ name: 'seq' }), new Outer({})] });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      for (const [what, run] of [
        ['predict', () => model.predict(x)], ['evaluate', () => model.evaluate(x, x)], ['fit', () => model.fit(x, x, { epochs: 1, verbose: 0 })],
        ['apply', () => model.apply(x)], ['apply training', () => model.apply(x, { training: true })], ['trainOnBatch', () => model.trainOnBatch(x, x)],
      ] as const) {
        seen.push(what);
        await run();
      }
      const ids = tf.input({ shape: [3] });
      const embedded = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, embeddingsInitializer: 'ones' }).apply(ids) as never;
      const masked = new Spy({ name: 'masked', masking: true }).apply(embedded) as never;
      const out = tf.layers.lstm({ units: 2, returnSequences: true, kernelInitializer: 'ones', recurrentInitializer: 'ones' }).apply(new Spy({ name: 'unmasked' }).apply(masked) as never);
      seen.push('masks');
      const predicted = tf.model({ inputs: ids, outputs: out as never }).predict(tf.tensor2d([[1, 0, 2]])) as Tensor;
      return { applied, seen, predicted };
    },
  },
  {
    name: 'the build of a user layer gets the batch size of what it is applied to (tensors, batchInputShape, batchShape), and computeOutputShape comes after it with the same',
    run: (tf: TF) => {
      const seen: string[] = [];
      class Spy extends tf.layers.Layer {
        static className = 'MinorBuildSpy';
        override build(inputShape: number[] | number[][]): void {
          seen.push(`${this.name}.build ${JSON.stringify(inputShape)}`);
        }
        override computeOutputShape(inputShape: number[] | number[][]): number[] | number[][] {
          seen.push(`${this.name}.computeOutputShape ${JSON.stringify(inputShape)}`);
          return Array.isArray(inputShape[0]) ? (inputShape as number[][])[1] : [(inputShape as number[])[0], 1];
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return first(inputs).sum(-1, true);
        }
      }
      const fixed = tf.input({ batchShape: [4, 3] });
      const free = tf.input({ shape: [3] });
      const one = new Spy({ name: 'one' }).apply(fixed) as unknown as { shape: number[] };
      const two = new Spy({ name: 'two' }).apply([free, fixed]) as unknown as { shape: number[] };
      const seq = tf.sequential({ layers: [new Spy({ name: 'declared', batchInputShape: [5, 2] }), new Spy({ name: 'next' })] });
      const eager = new Spy({ name: 'eager' });
      const ys = [eager.apply(tf.ones([2, 3])), new Spy({ name: 'pair' }).apply([tf.ones([2, 3]), tf.ones([3, 3])])];
      return { seen, shapes: [one.shape, two.shape, seq.outputs[0].shape], ys };
    },
  },
  {
    name: 'a registered layer of the user\'s own is constructed once per layer when a Sequential loads or is made from its config, and its getConfig is asked only to save',
    run: async (tf: TF) => {
      const seen: string[] = [];
      class Scaled extends tf.layers.Layer {
        static className = 'MinorScaled';
        readonly k: number;
        w: LayerVariable | null = null;
        constructor(args: LayerArgs & { k?: number }) {
          super(args);
          this.k = args.k ?? 1;
          seen.push(`constructor ${this.k}`);
        }
        override build(inputShape: number[] | number[][]): void {
          const s = inputShape as number[];
          this.w = this.addWeight('w', [s[s.length - 1]], 'float32', tf.initializers.constant({ value: this.k }));
        }
        override getConfig() {
          seen.push('getConfig');
          return { ...super.getConfig(), k: this.k };
        }
        override call(inputs: Tensor | Tensor[]): Tensor {
          return first(inputs).mul((this.w as LayerVariable).read());
        }
      }
      tf.serialization.registerClass(Scaled);
      const model = tf.sequential({ layers: [new Scaled({ k: 2, inputShape: [2] } as LayerArgs), new Scaled({ k: 3 } as LayerArgs)] });
      model.layers[1].setWeights([tf.tensor1d([5, 7])]);
      seen.push('save and load');
      const loaded = await roundTrip(tf, model);
      seen.push('fromConfig');
      const copy = tf.Sequential.fromConfig(tf.Sequential, model.getConfig());
      seen.push('modelFromJSON');
      const fromJson = await tf.models.modelFromJSON(model.toJSON(null, false) as never);
      const x = tf.tensor2d([[1, 2]]);
      return { seen, ys: [loaded, copy, fromJson].map((m) => m.predict(x) as Tensor), weights: loaded.getWeights() };
    },
  },
  {
    name: 'tf.LayersModel.fromConfig makes a functional model (or a subclass) from getConfig(), and Sequential.fromConfig takes a functional config too',
    run: (tf: TF) => {
      const a = tf.input({ shape: [2], name: 'minor_a' });
      const b = tf.input({ shape: [2], name: 'minor_b' });
      const shared = tf.layers.dense({ units: 2, kernelInitializer: 'ones', biasInitializer: 'ones', name: 'minor_shared' });
      const sum = tf.layers.add({ name: 'minor_add' }).apply([shared.apply(a), shared.apply(b)] as never) as never;
      const model = tf.model({ inputs: [a, b], outputs: [sum, tf.layers.dense({ units: 1, kernelInitializer: 'ones', name: 'minor_head' }).apply(sum) as never], name: 'minor_fn' });
      class Named extends tf.LayersModel {
        static override className = 'MinorNamedModel';
      }
      const copy = tf.LayersModel.fromConfig(tf.LayersModel, model.getConfig());
      const sub = tf.LayersModel.fromConfig(Named, model.getConfig());
      const chain = tf.model({ inputs: a, outputs: tf.layers.dense({ units: 3, kernelInitializer: 'ones', name: 'minor_chain' }).apply(a) as never });
      const seq = tf.Sequential.fromConfig(tf.Sequential, chain.getConfig());
      const xs = [tf.tensor2d([[1, 2]]), tf.tensor2d([[3, -1]])];
      return {
        copy: [copy.name, copy.layers.map((l) => l.name), copy.predict(xs) as Tensor[], copy instanceof tf.LayersModel],
        sub: [sub instanceof Named, sub.predict(xs) as Tensor[]],
        seq: [seq.getClassName(), seq.layers.map((l) => l.name), seq.predict(xs[0]) as Tensor],
      };
    },
  },
  {
    name: 'a recurrent layer given batchInputShape or batchSize reports it in batchInputShape, and a Sequential it starts keeps that batch size',
    run: (tf: TF) => {
      const stateful = tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 4, 3] });
      const sized = tf.layers.gru({ units: 2, batchSize: 3, inputShape: [4, 3] });
      const model = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 2, stateful: true, batchInputShape: [2, 4, 3] })] });
      return [stateful.batchInputShape, sized.batchInputShape, model.inputs[0].shape, model.outputs[0].shape];
    },
  },
  {
    name: 'the filter gradient of conv2dTranspose of an x holding infinities sums them where its windows meet the padding',
    run: (tf: TF) => {
      const x = tf.tensor4d([1, Infinity, 2, -1, 0.5, 3, -Infinity, 1, 2], [1, 3, 3, 1]);
      const filter = tf.tensor4d([1, -1, 2, 0.5], [2, 2, 1, 1]);
      const cases: [number, 'same' | 'valid', [number, number, number, number]][] = [[1, 'same', [1, 3, 3, 1]], [2, 'same', [1, 6, 6, 1]], [1, 'valid', [1, 4, 4, 1]]];
      return cases.map(([stride, pad, shape]) => tf.grad((w: Tensor) => tf.conv2dTranspose(x, w, shape, stride, pad).sum())(filter));
    },
  },
  {
    name: 'subclasses of Sequential and LayersModel go by their static className (or their parent\'s) in getClassName, summary and toJSON, and load as that class once registered',
    run: async (tf: TF) => {
      class PlainSeq extends tf.Sequential {}
      class NamedSeq extends tf.Sequential {
        static override className = 'MinorNamedSeq';
      }
      class NamedModel extends tf.LayersModel {
        static override className = 'MinorNamedFunctional';
      }
      const dense = () => tf.layers.dense({ units: 1, kernelInitializer: 'ones', inputShape: [2] });
      const plain = new PlainSeq({ layers: [dense()] });
      const named = new NamedSeq({ layers: [dense()], name: 'minor_named_seq' });
      const input = tf.input({ shape: [2] });
      const functional = new NamedModel({ inputs: input, outputs: tf.layers.dense({ units: 1, kernelInitializer: 'ones' }).apply(input) as never });
      const outer = tf.sequential({ layers: [named] });
      outer.summary();
      const json = [plain, named, functional, outer].map((m) => (m.toJSON(null, false) as { class_name: string }).class_name);
      tf.serialization.registerClass(NamedSeq);
      tf.serialization.registerClass(NamedModel);
      const loaded = [await roundTrip(tf, named), await roundTrip(tf, functional)];
      return {
        names: [plain, named, functional].map((m) => m.getClassName()), json,
        loaded: loaded.map((m) => [m.getClassName(), m instanceof NamedSeq, m instanceof NamedModel, m.predict(tf.tensor2d([[1, 2]])) as Tensor]),
        untrained: await plain.fit(tf.ones([1, 2]), tf.ones([1, 1])).then(() => 'fitted', (e: Error) => e.message.includes('The model needs to be compiled before being used.')),
      };
    },
  },
  {
    name: 'a training flag given to a symbolic apply is saved in the inbound node, and runs still take their own',
    run: async (tf: TF) => {
      const seen: string[] = [];
      class Flagged extends tf.layers.Layer {
        static className = 'MinorFlagged';
        override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor {
          seen.push(String(kwargs.training));
          return first(inputs).mul(2);
        }
      }
      const input = tf.input({ shape: [2], name: 'minor_flag_in' });
      const dropped = tf.layers.dropout({ rate: 0.5, name: 'minor_flag_drop' }).apply(input, { training: true }) as never;
      const output = new Flagged({ name: 'minor_flagged' }).apply(dropped, { training: true }) as never;
      const model = tf.model({ inputs: input, outputs: output, name: 'minor_flag_model' });
      const y = model.predict(tf.tensor2d([[1, 2]])) as Tensor;
      const layers = (config: unknown) => (config as { layers: Record<string, unknown>[] }).layers.map((l) => [l.inboundNodes ?? l.inbound_nodes] as never);
      return { nodes: layers(model.getConfig()), json: layers((model.toJSON(null, false) as { config: unknown }).config), y, seen };
    },
  },
  {
    name: 'a convolution with an infinite filter weight whose windows meet the padding sums what the windows cover (tf.conv2d, tf.fused.conv2d, a conv2d layer before max pooling)',
    run: (tf: TF) => {
      const x = tf.tensor4d([1, 2, 2, -1, 0.5, 3, 1, 1, 2], [1, 3, 3, 1]);
      const filter = tf.tensor4d([1, Infinity, 2, 0.5], [2, 2, 1, 1]);
      const model = tf.sequential({ layers: [
        tf.layers.conv2d({ filters: 1, kernelSize: 2, padding: 'same', activation: 'relu', inputShape: [3, 3, 1], name: 'minor_inf_conv' }),
        tf.layers.maxPooling2d({ poolSize: 2, padding: 'same', name: 'minor_inf_pool' }),
      ] });
      model.layers[0].setWeights([tf.tensor4d([-1, Infinity, 2, 0.5], [2, 2, 1, 1]), tf.tensor1d([1])]);
      return [
        tf.conv2d(x, filter, 1, 'same'), tf.fused.conv2d({ x, filter, strides: 1, pad: 'same', bias: tf.tensor1d([1]), activation: 'relu' }),
        model.predict(x) as Tensor, model.layers[0].apply(x) as Tensor,
      ];
    },
  },
];
