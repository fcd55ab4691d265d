import type { Program, TF } from '../harness';

// Everyday tensor programs as tutorials and answers write them: printing every dtype and rank (long tensors elided
// with "...", NaN and Infinity, tiny and huge values), tensors in strings, reading values back, int32 semantics,
// creation, shape ops, reductions, tf.util, and which bad calls throw.

export const s10Tensors: Program[] = [
  {
    name: 'print of long tensors elides them, of every rank and dtype',
    run(tf) {
      tf.range(0, 40).print();
      tf.range(0, 40).print(true);
      tf.linspace(-1, 1, 31).print();
      tf.range(0, 1000).reshape([40, 25]).print();
      tf.ones([40, 2], 'int32').print();
      tf.range(0, 3 * 40 * 2).reshape([40, 3, 2]).print();
      tf.range(0, 24).reshape([1, 2, 3, 4]).print(true);
      tf.range(0, 35 * 35).reshape([35, 35]).print();
      tf.range(0, 40).mod(2).toBool().print();
      tf.range(0, 32).reshape([2, 2, 2, 2, 2]).print();
    },
  },
  {
    name: 'print of NaN, Infinity, tiny, huge, negative and empty values',
    run(tf) {
      tf.tensor([NaN, Infinity, -Infinity, 1]).print();
      tf.tensor([[NaN, 1.5], [-Infinity, 2]]).print();
      tf.tensor([1e-30, 1e30]).print();
      tf.tensor([123456789, 0.5]).print();
      tf.tensor([1e21, 1]).print();
      tf.scalar(12345678.9).print();
      tf.tensor([[-1, 2], [3, -40000]], undefined, 'int32').print(true);
      tf.tensor([2147483647, -2147483648], undefined, 'int32').print();
      tf.tensor([[true, false], [false, true]]).print(true);
      tf.tensor([[-1.5, 10.25], [1000.125, -0.001]]).print();
      tf.tensor([1 / 3, 2 / 3]).print(true);
      tf.tensor([]).print(true);
      tf.zeros([2, 0, 3]).print();
    },
  },
  {
    name: 'a tensor in a template string or concatenated text is its toString()',
    run(tf) {
      const loss = tf.scalar(0.25);
      console.log(`loss: ${loss}`);
      console.log('t: ' + tf.tensor([1, 2]));
      console.log(String(tf.tensor2d([[1, 2], [3, 4]])));
      console.log(`${tf.tensor([true, false])}`);
      return [tf.tensor([1, 2]).toString(true), tf.scalar(3, 'int32').toString(true)];
    },
  },
  {
    name: 'arraySync of empty tensors, kept, and a disposed tensor that is printed',
    async run(tf) {
      const t = tf.tensor([1, 2]);
      const k = tf.tidy(() => tf.keep(tf.tensor([3])));
      const out = [tf.zeros([2, 0]).arraySync(), await tf.zeros([0, 3, 1]).array(), tf.zeros([0]).arraySync(), t.kept, k.kept];
      t.dispose();
      try {
        t.print();
      } catch (e) {
        console.log('print threw');
      }
      try {
        console.log(t.toString());
      } catch (e) {
        console.log('toString threw');
      }
      return out;
    },
  },
  {
    name: 'oneHot gives a row of offValue for an index outside [0, depth), -1 padding included',
    run: (tf) => [
      tf.oneHot(tf.tensor1d([0, 5, -1, 2], 'int32'), 3),
      tf.oneHot(tf.tensor2d([[0, -1], [3, 1]], [2, 2], 'int32'), 3, 5, -1),
      tf.oneHot(tf.tensor1d([1, 0, 7], 'int32'), 2, 1, 0, 'float32'),
    ],
  },
  {
    name: 'range counts up, down with negative steps, and gives nothing without a stop',
    run(tf) {
      const noStop = tf.range as unknown as (start: number) => ReturnType<typeof tf.range>;
      return [
        tf.range(0, 10, 3), tf.range(10, 0, -2), tf.range(5, 0), tf.range(0, -5, -1, 'int32'), tf.range(-2, 2, 0.5),
        tf.range(0, 5, -1), tf.range(2.5, 0, -1, 'int32'), noStop(5), tf.range(0, NaN),
      ];
    },
  },
  {
    name: 'int32 tensors store values as an Int32Array does: truncated, wrapped, NaN and Infinity as 0',
    run(tf) {
      const big = tf.tensor([2147483647, -2147483648], undefined, 'int32');
      return [
        tf.tensor([3e9, -3e9, 2.7, -2.7, NaN, Infinity], undefined, 'int32'), tf.tensor1d([2 ** 31], 'int32'),
        big.add(tf.tensor([1, -1], undefined, 'int32')), big.mul(tf.scalar(2, 'int32')), tf.scalar(-0.7, 'int32'),
      ];
    },
  },
  {
    name: 'tensor with nested values and a shape: the nesting must agree with the shape',
    run(tf) {
      const out: unknown[] = [tf.tensor([[1, 2, 3, 4]], [1, 2, 2]), tf.tensor([1, 2, 3, 4], [2, 2]), tf.tensor([[[1, 2]], [[3, 4]]], [2, 1, 2])];
      for (const make of [() => tf.tensor([[1, 2], [3, 4]], [4]), () => tf.tensor2d([[1, 2], [3, 4]], [4, 1]), () => tf.tensor([[[1, 2]], [[3, 4]]], [2, 2])]) {
        try {
          out.push(make());
        } catch (e) {
          out.push('threw');
        }
      }
      return out;
    },
  },
  {
    name: 'variable with trainable, name and dtype; a second live variable of one name throws, a disposed one frees it',
    run(tf) {
      const v = tf.variable(tf.tensor([1.7, 2]), false, 'stepCount', 'int32');
      const w = tf.variable(tf.scalar(1));
      const out: unknown[] = [v.trainable, v.name, v.dtype, v.clone(), w.trainable, typeof w.name, v.shape, v.rank, v.size];
      try {
        tf.variable(tf.zeros([1]), true, 'stepCount');
        out.push('created');
      } catch (e) {
        out.push('threw');
      }
      v.dispose();
      out.push(tf.variable(tf.zeros([1]), true, 'stepCount').name);
      return out;
    },
  },
  {
    name: 'tf.util: sizes, flattening, shuffles (shape only), assert, axes, dtypes and the small helpers',
    async run(tf: TF) {
      const data = [1, 2, 3, 4, 5];
      tf.util.shuffle(data);
      try {
        tf.util.assert(1 > 2, () => 'one is not bigger');
      } catch (e) {
        console.log((e as Error).message);
      }
      try {
        tf.util.parseAxisParam(3, [2, 2]);
      } catch (e) {
        console.log('axis threw');
      }
      return [
        tf.util.sizeFromShape([2, 3, 4]), tf.util.sizeFromShape([]), tf.util.flatten([[1, [2, 3]], [4]]), data.length,
        [...data].sort().join(), tf.util.parseAxisParam(-1, [2, 3]), tf.util.parseAxisParam(null as unknown as number, [2, 3]),
        tf.util.bytesPerElement('int32'), tf.util.bytesPerElement('bool'), tf.util.isValidDtype('float16'), tf.util.rightPad('ab', 4) + '|',
        tf.util.nearestDivisor(12, 5), tf.util.getArrayFromDType('int32', 2), tf.util.getTypedArrayFromDType('bool', 1),
        tf.util.isPromise(Promise.resolve(1)), tf.util.isPromise({}), tf.util.isPromise(null), tf.util.arraysEqualWithNull([null, 2], [5, 2]),
        tf.util.tanh(0.5), typeof tf.util.fetch,
      ];
    },
  },
  {
    name: 'arithmetic of two bool masks stays bool (printed as true/false); cumsum and cumprod of bools count in int32',
    run(tf) {
      const a = tf.tensor([true, true, false, false]);
      const b = tf.tensor([true, false, true, false]);
      a.mul(b).print();
      tf.add(a, b).print();
      return [
        a.add(b), a.sub(b), a.mul(b), a.div(b), tf.squaredDifference(a, b), tf.pow(a, b), tf.mod(a, b), tf.divNoNan(a, b), tf.addN([a, b]),
        tf.maximum(a, b), tf.floorDiv(a, b), a.mul(2), tf.cumsum(a), tf.cumprod(a), a.mul(b).sum(),
      ];
    },
  },
  {
    name: 'normalizing columns, then reading predictions back with argMax, dataSync and arraySync',
    run(tf) {
      const data = tf.tensor2d([[1, 200], [2, 300], [3, 250], [4, 500]]);
      const min = data.min(0);
      const max = data.max(0);
      data.sub(min).div(max.sub(min)).print();
      const { mean, variance } = tf.moments(data, 0);
      data.sub(mean).div(variance.sqrt()).print();
      const probs = tf.tensor2d([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]]);
      const classes = probs.argMax(-1);
      classes.print();
      console.log(classes.dataSync());
      console.log(tf.tensor([true, false]).dataSync());
      console.log(probs.max(1).arraySync());
      return [classes, tf.tensor(data.arraySync()[0]).dataSync()[1]];
    },
  },
  {
    name: 'growing a tensor in a loop with concat, a buffer filled in a loop, and the async selections printed',
    async run(tf) {
      let rows = tf.tensor2d([], [0, 2]);
      for (let i = 0; i < 3; i++) rows = rows.concat(tf.tensor2d([[i, i * 2]]));
      rows.print();
      const b = tf.buffer([3, 3], 'int32');
      for (let i = 0; i < 3; i++) b.set(i + 1, i, i);
      b.toTensor().print();
      (await tf.whereAsync(tf.tensor([0, 3, 0, 5]).greater(0))).print();
      (await tf.booleanMaskAsync(tf.tensor([1, 2, 3, 4]), tf.tensor([1, 0, 1, 0]).cast('bool'))).print();
      const x = tf.tensor3d([[[1, 1, 1], [2, 2, 2]], [[3, 3, 3], [4, 4, 4]], [[5, 5, 5], [6, 6, 6]]]);
      x.stridedSlice([1, -1, 0], [2, -3, 3], [1, -1, 1]).print();
      return [rows, b.values.constructor.name];
    },
  },
  {
    name: "a Frobenius norm needs its two axes: tf.norm(m, 'fro') alone throws, with [0, 1] it is the norm",
    run(tf) {
      const m = tf.tensor2d([[1, 2], [3, 4]]);
      const full = tf.norm(m, 'fro', [0, 1]);
      let threw = false;
      try {
        tf.norm(m, 'fro');
      } catch {
        threw = true;
      }
      return [full, threw];
    },
  },
];
