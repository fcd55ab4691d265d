import type { LayerArgs, LayerVariable, Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Programs with layers and models of the user's own, written as TF.js programs write them, where tessera once
// differed from TF.js 4.22 in the details (what a call receives, dtypes, class names, how often a loader constructs).

const first = (inputs: Tensor | Tensor[]) => (Array.isArray(inputs) ? inputs[0] : inputs);

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
];
