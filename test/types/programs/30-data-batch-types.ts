import * as tf from '@tensorflow/tfjs';

// tf.data as TF.js types it: batch gives a Dataset<TensorContainer>, a subclass implements iterator(), and an
// iterator reads the rest of its pass.
export async function dataTypes(): Promise<unknown[]> {
  const gen = tf.data.generator(function* () { yield { xs: tf.tensor1d([1]), ys: tf.scalar(1) }; });
  const batched: tf.data.Dataset<tf.TensorContainer> = gen.batch(2);
  const mapped = tf.data.array([{ x: 1 }]).batch(4).map((b: tf.TensorContainer) => b);
  const filtered = gen.batch(2).filter((b: tf.TensorContainer) => b != null);
  class Counting extends tf.data.Dataset<number> {
    state = { val: 1 };
    async iterator() {
      const v = this.state.val;
      this.state.val += 3;
      return tf.data.array([v, v + 1, v + 2]).iterator();
    }
  }
  const counted: number[] = await new Counting().repeat(2).toArray();
  const pass = await tf.data.array([1, 2, 3]).iterator();
  await pass.next();
  const rest: number[] = await pass.toArray();
  await (await gen.iterator()).forEachAsync((e) => console.log(e.xs.shape));
  return [batched, mapped, filtered, counted, rest];
}
