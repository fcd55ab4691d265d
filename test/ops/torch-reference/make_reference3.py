"""Writes reference3.json: the complex and spectral ops in make_reference.py's format (the same run, the same
quantities), each complex value written as its real and imaginary parts (complex128 in torch, float64 parts in
tessera): fft, ifft, rfft (fftLength shorter and longer), irfft, stft with a Hann window, complex mul and abs.

Run: /usr/bin/python3 test/ops/torch-reference/make_reference3.py (torch 1.13); CI needs only the JSON.
"""
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_reference as ref  # noqa: E402

CASES = []


def case(name, inputs, fn):
    CASES.append((name, inputs, fn))


def parts(z):
    return [z.real, z.imag]


def hann(n):
    """TF.js's hannWindow: periodic for an even length, symmetric for an odd one."""
    even = 1 - n % 2
    return torch.tensor([0.5 - 0.5 * math.cos(2 * math.pi * i / (n + even - 1)) for i in range(n)])


case('spectral.fft', [('u', [2, 5]), ('u', [2, 5])], lambda re, im: parts(torch.fft.fft(torch.complex(re, im))))
case('spectral.fft_len8', [('u', [8]), ('u', [8])], lambda re, im: parts(torch.fft.fft(torch.complex(re, im))))
case('spectral.ifft', [('u', [3, 6]), ('u', [3, 6])], lambda re, im: parts(torch.fft.ifft(torch.complex(re, im))))
case('spectral.rfft_odd', [('u', [2, 7])], lambda x: parts(torch.fft.rfft(x)))
case('spectral.rfft_even', [('u', [3, 6])], lambda x: parts(torch.fft.rfft(x)))
case('spectral.rfft_shorter', [('u', [2, 7])], lambda x: parts(torch.fft.rfft(x, n=4)))
case('spectral.rfft_longer', [('u', [2, 5])], lambda x: parts(torch.fft.rfft(x, n=9)))
case('spectral.irfft', [('u', [2, 5]), ('u', [2, 5])], lambda re, im: torch.fft.irfft(torch.complex(re, im)))
case('spectral.abs_rfft_squared', [('u', [2, 6])], lambda x: torch.fft.rfft(x).abs() ** 2)
case('signal.stft', [('u', [20])], lambda x: parts(torch.fft.rfft(x.unfold(0, 8, 4) * hann(8), n=8)))
case('signal.stft_odd_frame', [('u', [16])], lambda x: parts(torch.fft.rfft(x.unfold(0, 5, 3) * hann(5), n=6)))
case('complex.mul', [('u', [4]), ('u', [4]), ('u', [4]), ('u', [4])],
     lambda ar, ai, br, bi: parts(torch.complex(ar, ai) * torch.complex(br, bi)))
case('complex.abs', [('nz', [5]), ('nz', [5])], lambda re, im: torch.complex(re, im).abs())
case('complex.add_sub_real', [('u', [3]), ('u', [3]), ('u', [3])],
     lambda re, im, r: parts(torch.complex(re, im) + r - torch.complex(r, re) * torch.complex(im, r)))


if __name__ == '__main__':
    ref.write_fixture(CASES, 7000, 'reference3.json')
