import type { Tensor } from '../../../src/index';
import type { Program, TF } from '../harness';

// Complex numbers and the spectral ops as TF.js programs use them: tf.complex / real / imag, their printing and
// values, arithmetic and abs, fft / ifft round trips, rfft of odd and even lengths with and without fftLength,
// irfft, tf.signal.stft of an audio-like signal, batched inputs, tf.memory() counts, and the mistakes both refuse.

/** Whether f throws, and nothing else: the messages differ between the libraries. */
const throws = (f: () => unknown): boolean => {
  try { f(); return false; } catch { return true; }
};

/** A chirp-like signal of n samples (an audio frame's shape of values). */
const audio = (tf: TF, n: number) => tf.tensor1d(Array.from({ length: n }, (_, i) => Math.sin(0.05 * i * i / n * 40) + 0.3 * Math.cos(1.7 * i)));

/** A complex tensor of shape with distinct values. */
const complexOf = (tf: TF, shape: number[]) => {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.complex(tf.tensor(Array.from({ length: n }, (_, i) => Math.sin(i + 1)), shape), tf.tensor(Array.from({ length: n }, (_, i) => Math.cos(2 * i)), shape));
};

export const s26Spectral: Program[] = [
  {
    name: 'tf.complex: dtype, shape, interleaved dataSync and data, arraySync, print and toString of rank 0 to 2',
    run: async (tf) => {
      const c = tf.complex([1, 2.5, -3], [0.5, -1, 2]);
      const m = tf.complex([[1, 2], [3, 4]], [[5, 6], [7, 8]]);
      const s = tf.complex(1.5, -2);
      c.print();
      c.print(true);
      m.print();
      s.print();
      tf.complex([1.123456789, -2], [3, 4e-9]).print();
      tf.complex(tf.range(0, 25), tf.ones([25])).print();
      return {
        dtype: c.dtype, shape: c.shape, size: c.size, data: c.dataSync(), asyncData: await c.data(), array: c.arraySync(), matrix: m.arraySync(),
        asyncArray: await m.array(), text: m.toString(), scalarArray: s.arraySync(), intParts: tf.complex(tf.tensor1d([1, 2], 'int32'), [3, 4]).dataSync(),
      };
    },
  },
  {
    name: 'real and imag, cast to and from complex64, zeros/ones with complex64, zerosLike/onesLike, clone, abs as the magnitude',
    run: (tf) => {
      const c = tf.complex([3, -1, 0], [4, 2, -5]);
      return [
        tf.real(c), tf.imag(c), tf.cast(c, 'float32'), tf.cast(c, 'int32'), tf.cast(tf.tensor1d([1, 2]), 'complex64' as 'float32'),
        tf.cast(tf.tensor1d([1, 0], 'bool'), 'complex64' as 'float32'), tf.zeros([2], 'complex64' as 'float32'), tf.ones([2, 1], 'complex64' as 'float32'),
        tf.zerosLike(c), tf.onesLike(c), tf.clone(c), c.clone(), tf.abs(c), c.abs(),
      ];
    },
  },
  {
    name: 'complex add, sub and mul (and as methods), with a real tensor of the same shape, reshape, expandDims, squeeze, stack (TF.js 4.22 reshapes a complex concat wrongly: not compared)',
    run: (tf) => {
      const a = tf.complex([1, 2, -1], [0.5, -3, 2]);
      const b = tf.complex([2, -1, 4], [1, 1, -0.5]);
      const r = tf.tensor1d([2, 3, -1]);
      return [
        tf.add(a, b), tf.sub(a, b), tf.mul(a, b), a.add(b), a.mul(b), tf.add(a, r), tf.mul(a, r), tf.sub(r, a), tf.mul(r, a),
        a.reshape([3, 1]), tf.reshape(a, [1, 3]), a.expandDims(0), a.expandDims(0).squeeze(), tf.stack([a, b]), tf.stack([a, b], 1),
      ];
    },
  },
  {
    name: 'fft and ifft of lengths 1 to 9 and 16: values, and ifft(fft(x)) gives x back',
    run: (tf) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 16].map((n) => {
      const x = complexOf(tf, [n]);
      const f = tf.spectral.fft(x);
      return [f, tf.spectral.ifft(x), tf.spectral.ifft(f), tf.fft(x), tf.ifft(x)];
    }),
  },
  {
    name: 'fft, ifft and rfft of batched 2-D and 3-D inputs run over the innermost axis',
    run: (tf) => {
      const x2 = complexOf(tf, [3, 5]);
      const x3 = complexOf(tf, [2, 2, 4]);
      const r3 = tf.tensor3d(Array.from({ length: 24 }, (_, i) => Math.sin(i)), [2, 3, 4]);
      return [tf.spectral.fft(x2), tf.spectral.ifft(x3), tf.spectral.rfft(r3), tf.spectral.rfft(r3, 6), tf.spectral.rfft(r3, 3), tf.spectral.irfft(tf.spectral.rfft(r3))];
    },
  },
  {
    name: 'rfft of odd and even lengths, with fftLength shorter and longer than the input; irfft of its results',
    run: (tf) => {
      const out: Tensor[] = [];
      for (const n of [1, 2, 5, 6, 8, 11]) {
        const x = audio(tf, n);
        out.push(tf.spectral.rfft(x), tf.rfft(x));
        for (const len of [1, 3, 4, 10]) out.push(tf.spectral.rfft(x, len));
        if (n > 1) out.push(tf.spectral.irfft(tf.spectral.rfft(x)), tf.irfft(tf.spectral.rfft(x)));
      }
      return out;
    },
  },
  {
    name: 'irfft shapes as TF.js gives them: rank 1 as [1, n], rank 3 kept, rank 4 flattened to [batch, n]; one frequency gives its real part',
    run: (tf) => [[3], [2, 3], [2, 2, 3], [2, 1, 2, 3], [1], [2], [2, 1], [2, 2]].map((s) => tf.spectral.irfft(complexOf(tf, s))),
  },
  {
    name: 'stft of an audio-like signal: default Hann window and fftLength, given fftLength, Hamming and custom windows, int32 signal',
    run: (tf) => {
      const x = audio(tf, 64);
      return [
        tf.signal.stft(x, 16, 8), tf.signal.stft(x, 12, 5), tf.signal.stft(x, 16, 8, 32), tf.signal.stft(x, 10, 4, 6),
        tf.signal.stft(x, 16, 8, undefined, tf.signal.hammingWindow), tf.signal.stft(x, 8, 8, 8, (n: number) => tf.ones([n])),
        tf.signal.stft(tf.tensor1d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'int32'), 4, 2), tf.signal.stft(tf.tensor1d([1, 2, 3]), 4, 2),
      ];
    },
  },
  {
    name: 'tf.memory() around complex tensors: creation, real, fft, dispose, tidy and keep',
    run: (tf) => {
      const start = tf.memory();
      const counts = () => { const m = tf.memory(); return [m.numTensors - start.numTensors, m.numDataBuffers - start.numDataBuffers]; };
      const out: unknown[] = [];
      const x = tf.complex([1, 2], [3, 4]);
      // (numBytes is left out: TF.js's turns NaN once any earlier program's complex tensor has been disposed.)
      out.push(counts());
      const r = tf.real(x);
      out.push(counts());
      const y = tf.spectral.fft(x);
      out.push(counts());
      tf.tidy(() => { tf.spectral.fft(x); tf.add(x, x); });
      out.push(counts());
      const kept = tf.tidy(() => tf.keep(tf.mul(x, x)));
      out.push(counts(), kept.dataSync());
      [x, r, y, kept].forEach((t) => t.dispose());
      out.push(counts(), x.isDisposed);
      return out;
    },
  },
  {
    name: 'mistakes both refuse: fft of float32, rfft of complex64 or int32, real of a real tensor, complex of mismatched shapes, ops without complex kernels',
    run: (tf) => {
      const c = tf.complex([1, 2], [3, 4]);
      const f = tf.tensor1d([1, 2]);
      return [
        throws(() => tf.spectral.fft(f)), throws(() => tf.spectral.ifft(f)), throws(() => tf.spectral.rfft(c)),
        throws(() => tf.spectral.rfft(tf.tensor1d([1, 2], 'int32'))), throws(() => tf.spectral.irfft(f)), throws(() => tf.real(f)),
        throws(() => tf.imag(f)), throws(() => tf.complex([1, 2], [1])),
        throws(() => tf.exp(c)), throws(() => tf.neg(c)), throws(() => tf.sum(c)), throws(() => tf.relu(c)), throws(() => tf.div(c, c)),
        throws(() => tf.maximum(c, c)), throws(() => tf.matMul(c.reshape([1, 2]), c.reshape([2, 1]))), throws(() => tf.spectral.fft(tf.complex(1, 2))),
        throws(() => tf.spectral.rfft(f, 0)), throws(() => tf.signal.stft(tf.ones([2, 10]), 4, 2)), throws(() => tf.signal.stft(tf.ones([10]), 4, 2, 0)),
        throws(() => tf.signal.stft(tf.ones([10]), 0, 2)), throws(() => tf.concat([c, f])), throws(() => tf.tensor([1, 2], [1], 'complex64' as 'float32')),
      ];
    },
  },
];
