import * as tf from '@tensorflow/tfjs';

// Reading values back: typed arrays, nested arrays, numbers.
export async function readBack(): Promise<number> {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  const values = (await x.data()) as Float32Array;
  const sync = x.dataSync();
  const ints: Int32Array = x.toInt().dataSync<'int32'>();
  const asyncInts = await x.cast('int32').data<'int32'>();
  const nested: number[][] = await x.array();
  const nestedSync: number[][] = x.arraySync();
  const scalarValue: number = tf.scalar(2).arraySync();
  const first: number = x.dataSync()[0];
  const list: number[] = Array.from(x.dataSync());
  const bools = x.greater(2).dataSync<'bool'>();
  const anyArray: tf.TypedArray = x.dataSync();
  const map: tf.DataTypeMap['float32'] = values;
  const total = values[0] + sync[1] + ints[0] + asyncInts[1] + nested[0][1] + nestedSync[1][0] + scalarValue + first + list.length + bools[0];
  console.log(anyArray.length, map.length);
  x.print();
  console.log(x.toString());
  return total;
}
