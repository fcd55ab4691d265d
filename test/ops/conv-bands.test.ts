import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { BAND_COLS } from '../../kernels/cpu/conv';
import { Random } from '../../src/util/random';

// A convolution whose im2col columns are more than BAND_COLS floats runs in bands of output rows on the cpu backend
// (forward and both gradients); here one through the public ops, float32 (the SIMD kernels) against float64 (the JS
// kernels), both in bands.
describe('convolutions of large images run in bands of output rows', () => {
  it('conv2d and its input and filter gradients agree with float64, with the columns past BAND_COLS', () => {
    tn.setBackend('cpu');
    const [n, h, w, inC, outC] = [2, 150, 150, 16, 24];
    // 'same' 3×3 stride 1, and 'valid' 5×5 stride 2 (input rows between bands that no window of one band reads alone).
    for (const [k, stride, pad] of [[3, 1, 'same'], [5, 2, 'valid']] as const) {
      const outH = pad === 'same' ? h : Math.ceil((h - k + 1) / stride);
      expect(n * outH * outH * k * k * inC).toBeGreaterThan(BAND_COLS);
      const rng = new Random(k);
      const xs = Array.from({ length: n * h * w * inC }, () => rng.uniform(-1, 1));
      const fs = Array.from({ length: k * k * inC * outC }, () => rng.uniform(-1, 1));
      const run = (dtype: 'float32' | 'float64') => tn.tidy(() => {
        const x = tn.tensor(xs, [n, h, w, inC], dtype);
        const f = tn.tensor(fs, [k, k, inC, outC], dtype);
        const y = tn.conv2d(x as tn.Tensor4D, f as tn.Tensor4D, stride, pad);
        const seed = tn.sin(tn.range(0, y.size, 1, dtype).reshape(y.shape));
        const [dx, df] = tn.grads((a: tn.Tensor, b: tn.Tensor) => tn.sum(tn.mul(tn.conv2d(a as tn.Tensor4D, b as tn.Tensor4D, stride, pad), seed)))([x, f]);
        return [y, dx, df].map((t) => Array.from(t.dataSync()));
      });
      const [single, double] = [run('float32'), run('float64')];
      single.forEach((values, i) => {
        const scale = double[i].reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        const worst = values.reduce((m, v, j) => Math.max(m, Math.abs(v - double[i][j])), 0);
        expect(worst / scale, `${['y', 'dx', 'df'][i]} (${k}×${k}, ${pad})`).toBeLessThan(1e-5);
      });
    }
  });
});
