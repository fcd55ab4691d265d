import { afterAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { CpuBackend, createCpuBackend } from '../../src/backend/cpu/cpu-backend';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { simdKernels } from '../../kernels/cpu/wasm/index';
import type { CpuKernels } from '../../kernels/cpu/kernel-set';
import { coveredGeometry, padCovered } from '../../kernels/cpu/conv-direct';
import { conv2dGeometry } from '../../kernels/shared/geometry';
import { conv2dBackpropFilter } from '../../src/ops/conv';
import { Random } from '../../src/util/random';

// A padded convolution of a small patch ('same', an image model's first layer) runs the direct kernels over a
// zero-padded copy of x: the same bits as im2col + GEMM, whose padding cells are the same zeros.

type DtypeF = 'float32' | 'float64';
const DIRECT = ['convDirect', 'convFilterDirect', 'convFilterFromWinners'] as const;

/** Values on a coarse grid with many exact zeros (MNIST-like: whole patches of background). */
function gridTensor(shape: number[], seed: number, dtype: DtypeF, zeros = 0.3): tn.Tensor {
  const r = new Random(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tn.tensor(Array.from({ length: n }, () => (r.next() < zeros ? 0 : Math.round(r.uniform(-4, 4)) / 4)), shape, dtype);
}

/** The SIMD kernel set with its direct kernels counted, and a backend on it. */
function countedDirect(): { be: CpuBackend; calls: Record<(typeof DIRECT)[number], number> } {
  const k = simdKernels();
  const calls = { convDirect: 0, convFilterDirect: 0, convFilterFromWinners: 0 };
  const counted = (name: (typeof DIRECT)[number]) => (...args: never[]) => {
    calls[name]++;
    return (k[name] as (...a: never[]) => unknown)(...args);
  };
  const kernels = { ...k, ...Object.fromEntries(DIRECT.map((name) => [name, counted(name)])) } as CpuKernels;
  return { be: new CpuBackend(kernels, () => 'counted direct'), calls };
}

/** The same SIMD kernels with no direct convolution: im2col + GEMM everywhere. */
function viaIm2col(): CpuBackend {
  const { convDirect: _d, convFilterDirect: _f, convFilterFromWinners: _w, unpoolActivationBackprop: _u, ...rest } = simdKernels();
  return new CpuBackend(rest, () => 'via im2col');
}

function use(be: CpuBackend): void {
  registerBackend('cpu', () => be);
  setBackend('cpu');
}

interface Case { x: number[]; filter: number[]; strides: number }
const CASES: Case[] = [
  { x: [2, 9, 7, 1], filter: [3, 3, 1, 8], strides: 1 },
  { x: [2, 10, 9, 3], filter: [3, 3, 3, 16], strides: 2 },
  { x: [1, 8, 8, 1], filter: [5, 5, 1, 8], strides: 1 },
  // 1×1 windows at stride 3: the windows never reach x's last row and column (cropped, not padded).
  { x: [1, 5, 5, 2], filter: [1, 1, 2, 8], strides: 3 },
];

/** A layer-like step on the active backend: conv2d, fused conv2d (+ bias, relu) and conv + relu + 2×2 max-pool, each summed against fixed weights, and their gradients. */
function run(c: Case, dtype: DtypeF, seed: number): number[][] {
  return tn.tidy(() => {
    const [x, filter, bias] = [gridTensor(c.x, seed, dtype), gridTensor(c.filter, seed + 1, dtype, 0.1), gridTensor([c.filter[3]], seed + 2, dtype, 0.2)];
    const plain = (xs: tn.Tensor, f: tn.Tensor): tn.Tensor => tn.conv2d(xs as tn.Tensor4D, f as tn.Tensor4D, c.strides, 'same');
    const fused = (xs: tn.Tensor, f: tn.Tensor, b: tn.Tensor): tn.Tensor => tn.fused.conv2d({ x: xs as tn.Tensor4D, filter: f as tn.Tensor4D, strides: c.strides, pad: 'same', bias: b, activation: 'relu' });
    const layer = tn.layers.conv2d({ filters: c.filter[3], kernelSize: [c.filter[0], c.filter[1]], strides: c.strides, padding: 'same', activation: 'relu', dtype, inputShape: c.x.slice(1) });
    const model = tn.sequential({ layers: [layer, tn.layers.maxPooling2d({ poolSize: 2 })] });
    layer.setWeights([filter, bias]);
    const weigh = (y: tn.Tensor): tn.Tensor => tn.sum(tn.mul(y, gridTensor(y.shape, seed + 3, dtype, 0.1)));
    const out = [plain(x, filter), fused(x, filter, bias), model.predict(x) as tn.Tensor].map((t) => Array.from(t.dataSync()));
    const gPlain = tn.grads((f: tn.Tensor) => weigh(plain(x, f)))([filter]);
    const gFused = tn.grads((xs: tn.Tensor, f: tn.Tensor, b: tn.Tensor) => weigh(fused(xs, f, b)))([x, filter, bias]);
    // A first layer: the filter's and the bias's gradients only (the fused backward pass from the window winners).
    const { grads } = tn.variableGrads(() => weigh(model.apply(x, { training: true }) as tn.Tensor) as tn.Scalar, layer.trainableWeights.map((w) => w.read() as tn.Variable));
    model.dispose();
    return [...out, ...[...gPlain, ...gFused, ...Object.values(grads)].map((t) => Array.from(t.dataSync()))];
  });
}

describe("'same' convolutions of small patches on the direct kernels", () => {
  afterAll(() => {
    registerBackend('cpu', createCpuBackend);
    setBackend('cpu');
  });

  for (const dtype of ['float32', 'float64'] as const) {
    it(`give im2col + GEMM's values and gradients bit for bit (${dtype}), with every direct kernel used`, () => {
      CASES.forEach((c, i) => {
        const { be, calls } = countedDirect();
        use(be);
        const got = run(c, dtype, 10 * i);
        use(viaIm2col());
        const want = run(c, dtype, 10 * i);
        got.forEach((g, j) => expect(g, `case ${i}, result ${j}`).toEqual(want[j]));
        expect(got.flat().some((v) => v !== 0)).toBe(true);
        expect(calls.convDirect, `case ${i}`).toBeGreaterThanOrEqual(3);
        expect(calls.convFilterDirect + calls.convFilterFromWinners, `case ${i}`).toBeGreaterThanOrEqual(2);
      });
    });
  }

  it('padCovered writes x where the windows see it, zeros around, and crops what they never reach', () => {
    const x = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => i + 1);
    // 'same' 3×3 over [1, 3, 4, 2]: one cell of padding on every side.
    const g = conv2dGeometry([1, 3, 4, 2], [3, 3, 2, 8], [1, 1], 'same');
    const c = coveredGeometry(g);
    expect([c.inH, c.inW, c.padTop, c.padLeft]).toEqual([5, 6, 0, 0]);
    const out = new Float32Array(5 * 6 * 2);
    padCovered(x, g, out);
    const at = (r: number, col: number, ch: number): number => out[(r * 6 + col) * 2 + ch];
    expect([at(0, 0, 0), at(1, 0, 1), at(1, 1, 0), at(1, 1, 1), at(3, 4, 1), at(4, 5, 0)]).toEqual([0, 0, 1, 2, 24, 0]);
    expect(out.reduce((a, v) => a + v, 0)).toBe(x.reduce((a, v) => a + v, 0));
    // 1×1 windows at stride 3 over 5×5: rows and columns 0 and 3 only, a 4×4 cover holding x's first 4×4.
    const g2 = conv2dGeometry([1, 5, 5, 1], [1, 1, 1, 8], [3, 3], 'same');
    const x2 = Float32Array.from({ length: 25 }, (_, i) => i);
    const out2 = new Float32Array(16);
    padCovered(x2, g2, out2);
    expect(Array.from(out2)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13, 15, 16, 17, 18]);
  });

  it("keep TF.js's values where an infinite dy meets the padding (the filter gradient skips the padding cells)", () => {
    const grad = (): number[] => {
      // No zeros in x: an infinity meets a zero only in the padding.
      const x = tn.add(tn.abs(gridTensor([1, 6, 6, 1], 3, 'float32', 0)), 0.5);
      const filter = gridTensor([3, 3, 1, 8], 4, 'float32', 0.1);
      const dy = tn.fill([1, 6, 6, 8], 1).bufferSync();
      dy.set(Infinity, 0, 0, 0, 0);
      return Array.from(conv2dBackpropFilter(x, dy.toTensor(), filter.shape, [1, 1], 'same').dataSync());
    };
    // The same through a first conv layer fused with its max-pool: the pooled gradient holds the infinity.
    const layerGrads = (): number[][] => tn.tidy(() => {
      const x = tn.add(tn.abs(gridTensor([1, 6, 6, 1], 3, 'float32', 0)), 0.5);
      const layer = tn.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [6, 6, 1], kernelInitializer: tn.initializers.ones() });
      const model = tn.sequential({ layers: [layer, tn.layers.maxPooling2d({ poolSize: 2 })] });
      const w = tn.fill([1, 3, 3, 8], 1).bufferSync();
      w.set(Infinity, 0, 0, 0, 0);
      const { grads } = tn.variableGrads(() => tn.sum(tn.mul(model.apply(x, { training: true }) as tn.Tensor, w.toTensor())) as tn.Scalar, layer.trainableWeights.map((v) => v.read() as tn.Variable));
      model.dispose();
      return Object.values(grads).map((t) => Array.from(t.dataSync()));
    });
    const counted = countedDirect();
    use(counted.be);
    const direct = [grad(), ...layerGrads()];
    expect(counted.calls.convFilterFromWinners).toBe(0);
    use(viaIm2col());
    expect(direct).toEqual([grad(), ...layerGrads()]);
    expect(direct[0].some((v) => Number.isNaN(v))).toBe(false);
    expect(direct[1].some((v) => v === Infinity)).toBe(true);
  });
});
