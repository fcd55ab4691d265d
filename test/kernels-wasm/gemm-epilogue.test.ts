import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasActivation } from '../../kernels/cpu/bias-activation';
import { conv2dBiasActivation, conv2d } from '../../kernels/cpu/conv';
import { conv2dGeometry } from '../../kernels/shared/geometry';
import { simdGemmsOn } from '../../kernels/cpu/wasm/gemm-simd';
import { WasmRuntime } from '../../kernels/cpu/wasm/runtime';

// The fused GEMM epilogue must give exactly the bits of the GEMM followed by biasActivation, on every tile
// shape (edge tiles, several k blocks), in place or copied, on one thread or split.

function values(n: number, seed: number): Float32Array {
  let s = seed >>> 0 || 1;
  return Float32Array.from({ length: n }, (_, i) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return i % 11 === 5 ? 0 : s / 2 ** 31 - 1;
  });
}

const bitsEqual = (x: Float32Array, y: Float32Array): boolean => {
  const a = new Uint32Array(x.buffer, x.byteOffset, x.length), b = new Uint32Array(y.buffer, y.byteOffset, y.length);
  return a.length === b.length && a.every((v, i) => v === b[i]);
};

const one = new WasmRuntime({ mr: 4, nr: 8, fma: false }, 1);
const two = new WasmRuntime({ mr: 4, nr: 8, fma: false }, 2);
// Split from the smallest product up, so the two-thread runtime takes the chunked paths.
const oneG = simdGemmsOn(one);
const twoG = simdGemmsOn(two, { splitFlops: 0 });

const shape = fc.record({
  m: fc.integer({ min: 1, max: 40 }), n: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(8, 16, 32)),
  k: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(256, 300, 530)),
  transA: fc.boolean(), transB: fc.boolean(), relu: fc.boolean(), resident: fc.boolean(), seed: fc.nat(),
});

describe('SIMD gemm with a fused bias + activation', () => {
  beforeAll(() => two.setThreads(2));
  afterAll(() => { one.terminate(); two.terminate(); });

  for (const [name, rt, g] of [['one thread', one, oneG], ['two threads, split', two, twoG]] as const) {
    it(`equals gemm then biasActivation bit for bit (${name})`, () => {
      fc.assert(fc.property(shape, (s) => {
        const act = s.relu ? 'relu' : 'linear';
        const a = values(s.m * s.k, s.seed), b = values(s.k * s.n, s.seed + 1), bias = values(s.n, s.seed + 2);
        const want = new Float32Array(s.m * s.n).fill(3);
        g.gemm(a, b, want, s.m, s.n, s.k, s.transA, s.transB, false);
        biasActivation(want, bias, s.m, s.n, act, want);
        const place = (x: Float32Array): Float32Array => {
          if (!s.resident) return x;
          const r = rt.heap.allocF32(x.length) as Float32Array;
          r.set(x);
          return r;
        };
        const got = place(new Float32Array(s.m * s.n).fill(7));
        g.gemmBiasActivation(place(a), place(b), got, s.m, s.n, s.k, s.transA, s.transB, place(bias), act);
        expect(bitsEqual(got, want)).toBe(true);
      }), { seed: 11, numRuns: 150 });
    });
  }

  it('falls back to the JS twins for float64 and k = 0', () => {
    const c = new Float64Array(4);
    oneG.gemmBiasActivation(Float64Array.of(1, 2), Float64Array.of(3, -4), c, 2, 2, 1, false, false, Float64Array.of(0.5, 0.5), 'relu');
    expect(Array.from(c)).toEqual([3.5, 0, 6.5, 0]);
    const z = new Float32Array(4).fill(9);
    oneG.gemmBiasActivation(new Float32Array(0), new Float32Array(0), z, 2, 2, 0, false, false, Float32Array.of(-1, 2), 'relu');
    expect(Array.from(z)).toEqual([0, 2, 0, 2]);
  });

  it('gives the seed model\'s conv + bias + relu exactly as conv then biasActivation', () => {
    const g = conv2dGeometry([4, 28, 28, 1], [3, 3, 1, 32], [1, 1], 'valid');
    const x = values(4 * 28 * 28, 1), f = values(9 * 32, 2), bias = values(32, 3);
    const size = 4 * 26 * 26 * 32;
    const cols = new Float32Array(4 * 26 * 26 * 9);
    const want = new Float32Array(size);
    conv2d(x, f, g, want, cols, oneG.gemm);
    biasActivation(want, bias, size / 32, 32, 'relu', want);
    const got = new Float32Array(size);
    conv2dBiasActivation(x, f, bias, 'relu', g, got, cols, undefined, oneG.gemmBiasActivation);
    expect(bitsEqual(got, want)).toBe(true);
  });
});
