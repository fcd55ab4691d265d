import * as tn from '../../ops/index';
import type { OpTable } from '../op-spec';

/** TF's complex numbers and Fourier transforms (innermost axis), as tfjs-converter's basic_math and spectral executors. */
export const spectralOps: OpTable = {
  Complex: { arity: 2, dtypeAttr: 'T', run: (n) => [tn.complex(n.tensor(0), n.tensor(1))] },
  Real: { arity: 1, run: (n) => [tn.real(n.tensor(0))] },
  Imag: { arity: 1, run: (n) => [tn.imag(n.tensor(0))] },
  ComplexAbs: { arity: 1, run: (n) => [tn.abs(n.tensor(0))] },
  FFT: { arity: 1, run: (n) => [tn.fft(n.tensor(0))] },
  IFFT: { arity: 1, run: (n) => [tn.ifft(n.tensor(0))] },
  // TF's fft_length (input 1), which TF.js 4.22 reads for neither: RFFT pads or trims to it.
  RFFT: { arity: 2, run: (n) => [tn.rfft(n.tensor(0), n.number(1))] },
  IRFFT: {
    arity: 2,
    run: (n) => {
      const x = n.tensor(0);
      const [length, inner] = [n.number(1), x.shape[x.rank - 1]];
      if (length !== 2 * (inner - 1)) throw new Error(`${n.node.where}: fft_length ${length} is not supported (only 2·(${inner} − 1) = ${2 * (inner - 1)}, the length irfft gives)`);
      return [tn.irfft(x)];
    },
  },
};
