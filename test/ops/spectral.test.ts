import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { Random } from '../../src/util/random';
import { shapeArb } from '../arbitraries';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';
import { expectHvpOk } from './hvp';

// Complex tensors and tf.spectral in float64: gradients (and Hessian-vector products) against central differences
// on random shapes, long lengths (split four-step) against a plain float64 DFT, the gradient convention for a complex
// argument, memory, and the argument errors of each public entry.

const RUNS = { ...FC, numRuns: 10 };

/** A random complex128 tensor of shape. */
const complexAt = (shape: number[], seed: number) => tn.complex(randTensor(shape, seed), randTensor(shape, seed + 1));

/** A loss of a complex result that reads both parts (and is not linear). */
const lossOf = (z: tn.Tensor) => tn.add(tn.square(tn.abs(z)), tn.mul(tn.real(z), tn.imag(z)));

/** The float64 DFT of re + i·im (one row), written out: sign -1 forward, +1 inverse (unnormalized). */
function naiveDft(re: ArrayLike<number>, im: ArrayLike<number>, sign: number): [number[], number[]] {
  const n = re.length;
  const outRe: number[] = [];
  const outIm: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let j = 0; j < n; j++) {
      const a = (sign * 2 * Math.PI * ((j * k) % n)) / n;
      sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
      si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
    }
    outRe.push(sr);
    outIm.push(si);
  }
  return [outRe, outIm];
}

/** Largest |a − b| over the largest |b|. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0, scale = 0;
  for (let i = 0; i < b.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return worst / scale;
}

describe('spectral gradients agree with central differences (float64), first and second order', () => {
  const batched = shapeArb(1, 3, 7);
  it('fft and ifft of a complex argument built from two real ones', () => {
    fc.assert(fc.property(batched, seedArb, (shape, seed) => {
      const im = randTensor(shape, seed + 7);
      for (const op of [tn.spectral.fft, tn.spectral.ifft]) {
        const f = (re: tn.Tensor) => lossOf(op(tn.complex(re, im)));
        expectGradOk(f, [randTensor(shape, seed)]);
        expectHvpOk((re) => tn.real(op(tn.complex(re, im))), [randTensor(shape, seed)], seed);
      }
    }), RUNS);
  });

  it('rfft with and without fftLength, and irfft', () => {
    fc.assert(fc.property(batched, fc.integer({ min: 1, max: 9 }), seedArb, (shape, len, seed) => {
      const x = randTensor(shape, seed);
      expectGradOk((t) => tn.square(tn.abs(tn.spectral.rfft(t))), [x]);
      expectGradOk((t) => lossOf(tn.spectral.rfft(t, len)), [x]);
      expectHvpOk((t) => tn.imag(tn.spectral.rfft(t, len)), [x], seed);
      const withFreqs = [...shape.slice(0, -1), Math.max(2, shape[shape.length - 1])];
      const im = randTensor(withFreqs, seed + 3);
      expectGradOk((t) => tn.spectral.irfft(tn.complex(t, im)), [randTensor(withFreqs, seed + 4)]);
      expectHvpOk((t) => tn.spectral.irfft(tn.complex(im, t)), [randTensor(withFreqs, seed + 4)], seed);
    }), RUNS);
  });

  it('stft of a 1-D signal with the default window and a given fftLength', () => {
    fc.assert(fc.property(fc.integer({ min: 8, max: 24 }), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 5 }), seedArb, (n, frame, step, seed) => {
      const x = randTensor([n], seed);
      expectGradOk((t) => lossOf(tn.signal.stft(t, frame, step)), [x]);
      expectHvpOk((t) => tn.real(tn.signal.stft(t, frame, step, frame + 1)), [x], seed);
    }), RUNS);
  });

  it('complex add, sub, mul, abs, reshape, slice, transpose (conjugate), concat and stack', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 }), seedArb, (r, c, seed) => {
      const b = complexAt([r, c], seed + 5);
      const f = (re: tn.Tensor) => {
        const a = tn.complex(re, tn.sin(re));
        const mixed = tn.sub(tn.mul(tn.add(a, b), a), tn.mul(b, re));
        const moved = tn.transpose(tn.slice(tn.reshape(mixed, [c, r]), [0, 1], [c, r - 1]), [1, 0], true);
        return lossOf(tn.stack([tn.concat([moved, moved], 1), tn.concat([moved, tn.zerosLike(moved)], 1)]));
      };
      expectGradOk(f, [randTensor([r, c], seed, { awayFromZero: 0.1 })]);
      expectHvpOk((re) => tn.abs(tn.mul(tn.complex(re, re), b)), [randTensor([r, c], seed, { awayFromZero: 0.1 })], seed);
    }), RUNS);
  });
});

describe('abs of a complex tensor', () => {
  it('neither underflows nor overflows where the squared parts would (TF.js\'s own test case), in float32 and float64', () => {
    const small = tn.abs(tn.complex([1e-30, 1e-30, 0, 0], [1e-30, 0, 1e-30, 0])).dataSync();
    expect(relErr(small.slice(0, 3), [Math.SQRT2 * 1e-30, 1e-30, 1e-30])).toBeLessThan(1e-7);
    expect(small[3]).toBe(0);
    expect(relErr(tn.abs(tn.complex([3e20, -3], [4e20, 4])).dataSync(), [5e20, 5])).toBeLessThan(1e-7);
    const wide = tn.complex(tn.tensor([1e-300, 3e200], [2], 'float64'), tn.tensor([1e-300, -4e200], [2], 'float64'));
    expect(relErr(tn.abs(wide).dataSync(), [Math.SQRT2 * 1e-300, 5e200])).toBeLessThan(1e-15);
  });

  it('differentiates where |re| = |im| (re/|z| and im/|z|, to second order) and gives 0 at 0 + 0i, as PyTorch', () => {
    const re = tn.tensor([3, -3, 3, 0.5, 0], [5], 'float64');
    const im = tn.tensor([3, 3, -3, -0.5, 0], [5], 'float64');
    const [dre, dim] = tn.grads((a: tn.Tensor, b: tn.Tensor) => tn.sum(tn.abs(tn.complex(a, b))))([re, im]);
    const r = Math.SQRT1_2;
    expect(relErr(dre.dataSync(), [r, -r, r, r, 0])).toBeLessThan(1e-15);
    expect(relErr(dim.dataSync(), [r, r, -r, -r, 0])).toBeLessThan(1e-15);
    const tied = (a: tn.Tensor) => tn.abs(tn.complex(a, tn.mul(a, tn.tensor([1, -1, 1], [3], 'float64'))));
    expectGradOk(tied, [tn.tensor([2, -1.5, 0.25], [3], 'float64')]);
    expectHvpOk(tied, [tn.tensor([2, -1.5, 0.25], [3], 'float64')], 7);
  });
});

describe('a complex argument of tf.grad', () => {
  it("gets PyTorch's convention for a real loss: dL/dRe + i·dL/dIm (|z| gives z / |z|)", () => {
    const z = tn.complex(tn.tensor([3, -1, 0.5], [3], 'float64'), tn.tensor([4, 2, -2], [3], 'float64'));
    const g = tn.grad((t: tn.Tensor) => tn.sum(tn.abs(t)))(z);
    expect(g.dtype).toBe('complex128');
    const mags = [5, Math.sqrt(5), Math.sqrt(4.25)];
    const want = [3 / mags[0], 4 / mags[0], -1 / mags[1], 2 / mags[1], 0.5 / mags[2], -2 / mags[2]];
    expect(relErr(g.dataSync(), want)).toBeLessThan(1e-15);
  });

  it("of fft's real part sum is the conjugated transform of ones: [n, 0, ...] for each row's real part", () => {
    const z = complexAt([2, 4], 3);
    const g = tn.grad((t: tn.Tensor) => tn.sum(tn.real(tn.spectral.fft(t))))(z);
    // d/dx_j Σ_k Re(Σ_j x_j e^{-2πijk/n}) = Σ_k cos(2πjk/n) + i·Σ_k sin(2πjk/n) = n·[j = 0].
    expect(Array.from(g.dataSync())).toEqual([4, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0].map((v, i) => (i % 2 === 1 ? expect.closeTo(0, 12) : expect.closeTo(v, 12))));
  });

  it('refuses an f whose result is complex', () => {
    expect(() => tn.grad((t: tn.Tensor) => tn.spectral.fft(t))(complexAt([3], 1))).toThrow(/grad: f must be a real result.*got a function whose result is complex128/);
  });
});

describe('long transforms (split four-step above 1024) agree with a float64 DFT', () => {
  for (const n of [1031, 1100, 2048, 3000]) {
    it(`length ${n}: float64 to 1e-12 relative, float32 to 1e-5; ifft(fft(x)) gives x back`, () => {
      const r = new Random(n);
      const re = Float64Array.from({ length: n }, () => r.uniform(-1, 1));
      const im = Float64Array.from({ length: n }, () => r.uniform(-1, 1));
      const [wantRe, wantIm] = naiveDft(re, im, -1);
      tn.tidy(() => {
        const z = tn.complex(tn.tensor(re, [1, n], 'float64'), tn.tensor(im, [1, n], 'float64'));
        const f = tn.spectral.fft(z);
        expect(relErr(tn.real(f).dataSync(), wantRe)).toBeLessThan(1e-12);
        expect(relErr(tn.imag(f).dataSync(), wantIm)).toBeLessThan(1e-12);
        const back = tn.spectral.ifft(f);
        expect(relErr(tn.real(back).dataSync(), re)).toBeLessThan(1e-12);
        const f32 = tn.spectral.fft(tn.complex(tn.tensor(re, [1, n], 'float32'), tn.tensor(im, [1, n], 'float32')));
        expect(f32.dtype).toBe('complex64');
        expect(relErr(tn.real(f32).dataSync(), wantRe)).toBeLessThan(1e-5);
      });
    });
  }

  it('refuses a prime length above 4096 (its matrices would not fit), naming the length', () => {
    expect(() => tn.spectral.rfft(tn.zeros([4099]))).toThrow(/rfft: input must be a length with a factor, or a prime up to 4096, got a transform length of 4099, a prime/);
    expect(() => tn.spectral.rfft(tn.zeros([4]), 4099)).toThrow(/rfft: fftLength must be/);
  });
});

describe('complex tensors in memory', () => {
  it('count as one tensor of no bytes; their parts and real/imag views leave nothing behind once disposed', () => {
    const before = tn.memory();
    const z = tn.complex([1, 2], [3, 4]);
    expect([tn.memory().numTensors - before.numTensors, tn.memory().numBytes - before.numBytes]).toEqual([1, 0]);
    const parts = [tn.real(z), tn.imag(z)];
    tn.tidy(() => { tn.spectral.irfft(tn.spectral.rfft(tn.spectral.ifft(tn.spectral.fft(z)).abs())); });
    [...parts, z].forEach((t) => t.dispose());
    expect(tn.memory().numTensors).toBe(before.numTensors);
    expect(tn.memory().numBytes).toBe(before.numBytes);
    expect(() => tn.real(z)).toThrow('Tensor is disposed.');
  });

  it('keep the values of a variable they were made from, which later changes in place', () => {
    const v = tn.variable(tn.tensor([1, 2]));
    const z = tn.complex(v, v);
    v.assign(tn.tensor([5, 6]));
    expect(Array.from(z.dataSync())).toEqual([1, 1, 2, 2]);
  });
});

describe('bad input: each entry names the argument, what came and what was expected', () => {
  const z = tn.complex([1, 2], [3, 4]);
  const [f32, i32, ones2x8, ones8] = [tn.tensor([1, 2]), tn.tensor([1, 2], [2], 'int32'), tn.ones([2, 8]), tn.ones([8])];
  const [scalarC, emptyC, row, column] = [tn.complex(1, 2), tn.complex([], []), z.reshape([1, 2]), z.reshape([2, 1])];
  const cases: [string, () => unknown, RegExp][] = [
    ['complex real', () => tn.complex('a' as unknown as number, f32), /complex: real must be a Tensor or TensorLike values.*got/],
    ['complex imag shape', () => tn.complex(f32, [1]), /complex: imag must be the shape \[2\] of real, got shape \[1\]/],
    ['real of real', () => tn.real(f32), /real: input must be a complex64 \(or complex128\) tensor.*got a float32 tensor/],
    ['imag of a number', () => tn.imag(5 as unknown as tn.Tensor), /imag: input must be a Tensor, got number 5/],
    ['fft of float32', () => tn.spectral.fft(f32), /fft: input must be a complex64 \(or complex128\) tensor.*got a float32 tensor/],
    ['ifft of a scalar', () => tn.spectral.ifft(scalarC), /ifft: input must be a tensor of rank >= 1.*got a scalar/],
    ['fft of length 0', () => tn.fft(emptyC), /fft: input must be an innermost axis of length >= 1, got an innermost axis of length 0/],
    ['rfft of complex', () => tn.spectral.rfft(z), /rfft: input must be a float32 \(or float64\) tensor \(real values\), got a complex64 tensor/],
    ['rfft of int32', () => tn.rfft(i32), /rfft: input must be a float32 \(or float64\) tensor.*got an int32 tensor/],
    ['rfft fftLength', () => tn.spectral.rfft(f32, 2.5), /rfft: fftLength must be a positive integer, got number 2.5/],
    ['irfft of real', () => tn.irfft(f32), /irfft: input must be a complex64 \(or complex128\) tensor/],
    ['stft signal rank', () => tn.signal.stft(ones2x8, 4, 2), /stft: signal must be a 1-D tensor, got rank 2/],
    ['stft frameLength', () => tn.signal.stft(ones8, 0, 2), /stft: frameLength must be a positive integer, got number 0/],
    ['stft frameStep', () => tn.signal.stft(ones8, 4, 0), /stft: frameStep must be a positive integer, got number 0/],
    ['stft fftLength', () => tn.signal.stft(ones8, 4, 2, -1), /stft: fftLength must be a positive integer, got number -1/],
    ['stft windowFn', () => tn.signal.stft(ones8, 4, 2, 4, 'hann' as unknown as (n: number) => tn.Tensor), /stft: windowFn must be a function of the window length.*got string "hann"/],
    ['cast dtype', () => tn.cast(z, 'complex32' as 'float32'), /cast: dtype must be 'float32', 'int32', 'bool', 'float64', 'complex64' or 'complex128', got string "complex32"/],
    ['concat mixed', () => tn.concat([z, f32]), /concat: tensors\[1\] must be a complex tensor, as the others.*got a tensor of shape \[2\] and dtype float32/],
    ['an op without complex: exp', () => tn.exp(z), /exp: x must be a real tensor \(exp does not take complex ones: take tn.real, tn.imag or tn.abs of it first\), got a complex64 tensor/],
    ['an op without complex: matMul', () => tn.matMul(row, column), /matMul: a must be a real tensor.*got a complex64 tensor/],
    ['an op without complex: sum', () => z.sum(), /sum: x must be a real tensor.*got a complex64 tensor/],
    ['an op without complex: div', () => tn.div(1, z), /div: b must be a real tensor.*got a complex64 tensor/],
    ['a buffer of complex values', () => z.bufferSync(), /TensorBuffer: dtype must be 'float32', 'int32', 'bool', 'float64' or 'string', got "complex64"/],
  ];
  for (const [name, f, message] of cases) {
    it(name, () => {
      const before = tn.memory().numTensors;
      expect(f).toThrow(message);
      expect(tn.memory().numTensors).toBe(before);
    });
  }
});
