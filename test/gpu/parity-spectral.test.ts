import { afterAll, it } from 'vitest';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { describeGpu, gpu } from './gpu-context';
import { expectParity, sumTol } from './parity';
import { uniformTensor } from './random-data';

// Complex tensors and the spectral ops are made of real ops on their parts, so the gpu backend runs them with no
// kernels of their own: the same programs on both backends, values and gradients (a complex result as its parts).

describeGpu('gpu complex and spectral ops against cpu', () => {
  const g = gpu!;
  afterAll(() => { setBackend('cpu'); });

  it('fft, ifft, rfft, irfft, stft, complex arithmetic and their gradients give the same values on both backends', () => {
    registerBackend('gpu', () => g);
    const re = uniformTensor([3, 12], 7);
    const im = uniformTensor([3, 12], 8);
    const signal = uniformTensor([64], 9);
    const parts = (z: tn.Tensor) => tn.concat([tn.real(z), tn.imag(z)].map((t) => tn.reshape(t, [-1])));
    const programs: [string, () => tn.Tensor, number][] = [
      ['fft', () => parts(tn.spectral.fft(tn.complex(re, im))), 12],
      ['ifft', () => parts(tn.spectral.ifft(tn.complex(re, im))), 12],
      ['fft of a long length (four-step, 1100 = 25 · 44)', () => parts(tn.spectral.fft(tn.complex(tn.tile(re, [1, 92]).slice([0, 0], [-1, 1100]), tn.tile(im, [1, 92]).slice([0, 0], [-1, 1100])))), 1100],
      ['rfft with fftLength shorter and longer, irfft', () => tn.concat([parts(tn.spectral.rfft(re, 7)), parts(tn.spectral.rfft(re, 20)), tn.reshape(tn.spectral.irfft(tn.complex(re, im)), [-1])]), 22],
      ['stft with the default and a Hamming window', () => tn.concat([parts(tn.signal.stft(signal, 16, 8)), parts(tn.signal.stft(signal, 12, 5, 16, tn.signal.hammingWindow))]), 16],
      ['complex add, sub, mul, abs, transpose', () => {
        const a = tn.complex(re, im);
        const b = tn.complex(im, tn.neg(re));
        return tn.concat([parts(tn.transpose(tn.sub(tn.mul(a, b), tn.add(a, re)), [1, 0], true)), tn.reshape(tn.abs(a), [-1])]);
      }, 2],
      ['gradients of |rfft|² and of fft through a complex argument', () => {
        const gr = tn.grad((t: tn.Tensor) => tn.sum(tn.square(tn.abs(tn.spectral.rfft(t)))))(re);
        const gz = tn.grad((z: tn.Tensor) => tn.sum(tn.mul(tn.real(tn.spectral.fft(z)), tn.imag(tn.spectral.ifft(z)))))(tn.complex(re, im));
        return tn.concat([tn.reshape(gr, [-1]), parts(gz)]);
      }, 144],
    ];
    for (const [name, program, terms] of programs) {
      setBackend('cpu');
      const want = program();
      setBackend('gpu');
      const got = program();
      expectParity(got, want, name, { onDevice: false, tol: sumTol(terms) });
    }
    setBackend('cpu');
  });
});
