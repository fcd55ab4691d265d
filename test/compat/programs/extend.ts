import type { Kwargs, LayerArgs, LayersModel, LayerVariable, ModelArtifacts, Shape, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Programs that extend the library as TF.js users do (their own layers, cells, initializers, regularizers and
// constraints, models made from configs), where tessera once differed from TF.js 4.22.

const rows = (tf: TF, r: number, c: number) => tf.tensor2d(Array.from({ length: r * c }, (_, i) => Math.cos(i * 0.7)), [r, c]);
const first = (inputs: Tensor | Tensor[]) => (Array.isArray(inputs) ? inputs[0] : inputs);

async function roundTrip(tf: TF, model: LayersModel): Promise<{ artifacts: ModelArtifacts; loaded: LayersModel }> {
  let artifacts: ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  const saved = artifacts as unknown as ModelArtifacts;
  return { artifacts: saved, loaded: await tf.loadLayersModel(tf.io.fromMemory(saved)) };
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
      const square = new Square({});
      const scale = new Scale({});
      const explicit = new Scale({});
      explicit.build([null, 4]);
      return [
        square.apply(rows(tf, 3, 4)), square.apply(rows(tf, 2, 5)), square.apply(tf.ones([2, 3, 3])),
        scale.apply(tf.ones([2, 3, 4])), scale.apply(tf.ones([1, 5, 4])),
        new Pair({}).apply(rows(tf, 2, 3)), asked, explicit.apply(rows(tf, 3, 4)), explicit.weights.length,
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
];
