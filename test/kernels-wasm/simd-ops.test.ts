import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { conv2dGeometry, depthwiseGeometry, pool2dGeometry } from '../../kernels/shared/geometry';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput, conv2dBiasActivation } from '../../kernels/cpu/conv';
import { convDirect, convFilterDirect, directConvFits, pooledShape } from '../../kernels/cpu/conv-direct';
import { jsKernels, type CpuKernels } from '../../kernels/cpu/kernel-set';
import { unpoolActivationBackprop } from '../../kernels/cpu/pool';
import { adamStepSize } from '../../kernels/shared/adam';
import { asIs, ownKernels, placeIn, randomArray, sameBits, type Place } from './simd-helpers';

// Edge sizes around the 4-lane vectors, 1s and the model's own widths.
const width = fc.oneof(fc.integer({ min: 1, max: 13 }), fc.constantFrom(1, 3, 4, 5, 8, 10, 32, 33, 128));
const conv = fc.record({
  batch: fc.integer({ min: 1, max: 3 }), h: fc.integer({ min: 1, max: 9 }), w: fc.integer({ min: 1, max: 9 }),
  inC: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom(4, 8)), kh: fc.integer({ min: 1, max: 4 }), kw: fc.integer({ min: 1, max: 4 }),
  sh: fc.integer({ min: 1, max: 3 }), sw: fc.integer({ min: 1, max: 3 }), pad: fc.constantFrom('valid' as const, 'same' as const), seed: fc.nat(),
});
type ConvCase = typeof conv extends fc.Arbitrary<infer T> ? T : never;
const convGeometry = (c: ConvCase) => {
  const kh = c.pad === 'valid' ? Math.min(c.kh, c.h) : c.kh, kw = c.pad === 'valid' ? Math.min(c.kw, c.w) : c.kw;
  return conv2dGeometry([c.batch, c.h, c.w, c.inC], [kh, kw, c.inC, 3], [c.sh, c.sw], c.pad);
};
const poolGeometry = (c: ConvCase) => {
  const fh = c.pad === 'valid' ? Math.min(c.kh, c.h) : c.kh, fw = c.pad === 'valid' ? Math.min(c.kw, c.w) : c.kw;
  return pool2dGeometry([c.batch, c.h, c.w, c.inC], [fh, fw], [c.sh, c.sw], c.pad);
};

/**
 * A convolution's geometry with outC filters, its x and filter, the length of all its columns, and a columns scratch
 * for bands of 1 to all output rows (with room to spare), drawn from rowsSeed.
 */
function bandCase(c: ConvCase, outC: number, rowsSeed: number) {
  const g = { ...convGeometry(c), outC };
  const k = g.kh * g.kw * g.inC;
  return {
    g, k,
    x: randomArray(g.batch * g.inH * g.inW * g.inC, c.seed, 4),
    w: randomArray(k * outC, c.seed + 1, 4),
    all: g.batch * g.outH * g.outW * k,
    bandCols: (1 + (rowsSeed % (g.batch * g.outH))) * g.outW * k + (rowsSeed % 3),
  };
}

/**
 * Every SIMD kernel against its JS twin (and, for the threaded runtime, against the one-thread results), with
 * the SIMD call's operands placed by `place` (outside the heap by default).
 */
function suite(name: string, kernels: () => CpuKernels, runs: number, place: Place = asIs): void {
  describe(name, () => {
    it('biasActivation matches the JS twin bit for bit', () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), width, fc.boolean(), fc.nat(), (rows, cols, relu, seed) => {
        const x = randomArray(rows * cols, seed), bias = randomArray(cols, seed + 1);
        const act = relu ? 'relu' : 'linear';
        const got = place(new Float32Array(rows * cols)), want = new Float32Array(rows * cols);
        kernels().biasActivation(place(x), place(bias), rows, cols, act, got);
        jsKernels.biasActivation(x, bias, rows, cols, act, want);
        sameBits(got, want);
      }), { seed: 1, numRuns: runs });
    });

    it('biasActivationBackprop matches the JS twin bit for bit', () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), width, fc.boolean(), fc.nat(), (rows, cols, relu, seed) => {
        const dy = randomArray(rows * cols, seed), y = randomArray(rows * cols, seed + 1);
        const act = relu ? 'relu' : 'linear';
        const [dz, db, dzWant, dbWant] = [rows * cols, cols, rows * cols, cols].map((n) => place(new Float32Array(n).fill(7)));
        kernels().biasActivationBackprop(place(dy), place(y), rows, cols, act, dz, db);
        jsKernels.biasActivationBackprop(dy, y, rows, cols, act, dzWant, dbWant);
        sameBits(dz, dzWant);
        sameBits(db, dbWant);
      }), { seed: 2, numRuns: runs });
    });

    it('channelAffine matches the JS twin bit for bit', () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), width, fc.nat(), (rows, cols, seed) => {
        const x = randomArray(rows * cols, seed, 4);
        const [mean, scale, offset] = [1, 2, 3].map((k) => randomArray(cols, seed + k, 3));
        const got = place(new Float32Array(rows * cols)), want = new Float32Array(rows * cols);
        kernels().channelAffine(place(x), place(mean), place(scale), place(offset), rows, cols, got);
        jsKernels.channelAffine(x, mean, scale, offset, rows, cols, want);
        sameBits(got, want);
      }), { seed: 3, numRuns: runs });
    });

    it('maxPool and maxPoolBackprop match the JS twins, ties and argmax included', () => {
      fc.assert(fc.property(conv, (c) => {
        const g = poolGeometry(c);
        const x = randomArray(g.batch * g.inH * g.inW * g.channels, c.seed, 3);
        const outSize = g.batch * g.outH * g.outW * g.channels;
        const [out, want] = [place(new Float32Array(outSize).fill(3)), new Float32Array(outSize)];
        const [arg, argWant] = [place(new Int32Array(outSize).fill(-2)), new Int32Array(outSize)];
        kernels().maxPool(place(x), g, out, arg);
        jsKernels.maxPool(x, g, want, argWant);
        sameBits(out, want);
        sameBits(arg, argWant);
        const dy = randomArray(outSize, c.seed + 1);
        const [dx, dxWant] = [place(new Float32Array(x.length).fill(5)), new Float32Array(x.length)];
        kernels().maxPoolBackprop(place(dy), place(arg), dx);
        jsKernels.maxPoolBackprop(dy, argWant, dxWant);
        sameBits(dx, dxWant);
      }), { seed: 3, numRuns: runs });
    });

    it('avgPool and avgPoolBackprop match the JS twins bit for bit, windows clipped by padding included', () => {
      fc.assert(fc.property(conv, (c) => {
        const g = poolGeometry(c);
        const x = randomArray(g.batch * g.inH * g.inW * g.channels, c.seed, 3);
        const outSize = g.batch * g.outH * g.outW * g.channels;
        const [out, want] = [place(new Float32Array(outSize).fill(3)), new Float32Array(outSize)];
        kernels().avgPool(place(x), g, out);
        jsKernels.avgPool(x, g, want);
        sameBits(out, want);
        const dy = randomArray(outSize, c.seed + 1);
        const [dx, dxWant] = [place(new Float32Array(x.length).fill(5)), new Float32Array(x.length)];
        kernels().avgPoolBackprop(place(dy), g, dx);
        jsKernels.avgPoolBackprop(dy, g, dxWant);
        sameBits(dx, dxWant);
      }), { seed: 4, numRuns: runs });
    });

    it('im2col and col2im match the JS twins bit for bit', () => {
      fc.assert(fc.property(conv, (c) => {
        const g = convGeometry(c);
        const x = randomArray(g.batch * g.inH * g.inW * g.inC, c.seed);
        const colSize = g.batch * g.outH * g.outW * g.kh * g.kw * g.inC;
        const [cols, colsWant] = [place(new Float32Array(colSize).fill(9)), new Float32Array(colSize)];
        kernels().im2col(place(x), g, cols);
        jsKernels.im2col(x, g, colsWant);
        sameBits(cols, colsWant);
        const back = randomArray(colSize, c.seed + 1);
        const [dx, dxWant] = [place(new Float32Array(x.length).fill(9)), new Float32Array(x.length)];
        kernels().col2im(place(back), g, dx);
        jsKernels.col2im(back, g, dxWant);
        sameBits(dx, dxWant);
      }), { seed: 4, numRuns: runs });
    });

    it('convDirect (plain and max-pooled) matches its naive twin bit for bit, and im2col + the fused GEMM', () => {
      const run = kernels().convDirect;
      if (!run) throw new Error('test: the SIMD kernel set has no convDirect');
      fc.assert(fc.property(conv, fc.constantFrom(8, 16, 24, 32), fc.boolean(), fc.boolean(), (c, outC, relu, pool) => {
        const g = { ...convGeometry({ ...c, pad: 'valid' }), outC };
        if (!directConvFits(g) || (pool && (g.outH < 2 || g.outW < 2))) return;
        const k = g.kh * g.kw * g.inC;
        const x = randomArray(g.batch * g.inH * g.inW * g.inC, c.seed, 4);
        const w = randomArray(k * outC, c.seed + 1, 4);
        const bias = randomArray(outC, c.seed + 2);
        const act = relu ? 'relu' : 'linear';
        const [, gh, gw] = pool ? pooledShape(g) : [0, g.outH, g.outW];
        const size = g.batch * gh * gw * outC;
        const [got, want] = [place(new Float32Array(size).fill(7)), new Float32Array(size)];
        run(place(x), place(w), place(bias), act, g, pool, got);
        convDirect(x, w, bias, act, g, pool, want);
        sameBits(got, want);
        if (pool) return;
        const viaGemm = new Float32Array(size);
        conv2dBiasActivation(x, w, bias, act, g, viaGemm, new Float32Array(g.batch * g.outH * g.outW * k), kernels().im2col, kernels().gemmBiasActivation);
        sameBits(got, viaGemm);
      }), { seed: 6, numRuns: runs });
    });

    it('conv2d and conv2dBiasActivation in bands of output rows (a smaller columns scratch) give the bits of one call', () => {
      fc.assert(fc.property(conv, fc.integer({ min: 1, max: 5 }), fc.nat(), fc.boolean(), (c, outC, rowsSeed, relu) => {
        const { g, x, w, all, bandCols } = bandCase(c, outC, rowsSeed);
        const bias = randomArray(outC, c.seed + 2);
        const size = g.batch * g.outH * g.outW * outC;
        const act = relu ? 'relu' : 'linear';
        const [whole, banded] = [new Float32Array(size), place(new Float32Array(size).fill(7))];
        conv2dBiasActivation(x, w, bias, act, g, whole, new Float32Array(all), kernels().im2col, kernels().gemmBiasActivation);
        conv2dBiasActivation(place(x), place(w), place(bias), act, g, banded, place(new Float32Array(bandCols)), kernels().im2col, kernels().gemmBiasActivation);
        sameBits(banded, whole);
        const [plainWhole, plainBanded] = [new Float32Array(size), place(new Float32Array(size).fill(7))];
        conv2d(x, w, g, plainWhole, new Float32Array(all), kernels().gemm, kernels().im2col);
        conv2d(place(x), place(w), g, plainBanded, place(new Float32Array(bandCols)), kernels().gemm, kernels().im2col);
        sameBits(plainBanded, plainWhole);
      }), { seed: 11, numRuns: runs });
    });

    it('the backward convolutions in bands: the input gradient has the bits of one call, the filter gradient those of the JS kernels in the same bands', () => {
      fc.assert(fc.property(conv, fc.integer({ min: 1, max: 5 }), fc.nat(), fc.boolean(), (c, outC, rowsSeed, sparse) => {
        const { g, k, x, w, all, bandCols } = bandCase(c, outC, rowsSeed);
        // A dy mostly of zeros takes the filter gradient's transposed product.
        const dy = randomArray(g.batch * g.outH * g.outW * outC, c.seed + 2, 4).map((v, i) => (sparse && i % 4 !== 0 ? 0 : v));
        const dxSize = g.batch * g.inH * g.inW * g.inC;
        const [whole, banded, zeroed] = [new Float32Array(dxSize), place(new Float32Array(dxSize).fill(7)), place(new Float32Array(dxSize))];
        conv2dBackpropInput(dy, w, g, whole, new Float32Array(all), kernels().gemm, kernels().col2im);
        conv2dBackpropInput(place(dy), place(w), g, banded, place(new Float32Array(bandCols)), kernels().gemm, kernels().col2im);
        conv2dBackpropInput(place(dy), place(w), g, zeroed, place(new Float32Array(bandCols)), kernels().gemm, kernels().col2im, true);
        sameBits(banded, whole);
        sameBits(zeroed, whole);
        const [dwWhole, dwBanded, dwJs] = [new Float32Array(k * outC), place(new Float32Array(k * outC).fill(7)), new Float32Array(k * outC)];
        conv2dBackpropFilter(x, dy, g, dwWhole, new Float32Array(all), kernels().gemm, kernels().im2col);
        conv2dBackpropFilter(place(x), place(dy), g, dwBanded, place(new Float32Array(bandCols)), kernels().gemm, kernels().im2col);
        conv2dBackpropFilter(x, dy, g, dwJs, new Float32Array(bandCols), jsKernels.gemm, jsKernels.im2col);
        sameBits(dwBanded, dwJs);
        dwBanded.forEach((v, i) => expect(Math.abs(v - dwWhole[i])).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(dwWhole[i]))));
      }), { seed: 12, numRuns: runs });
    });

    it('convFilterDirect matches its naive twin and im2col + the SIMD gemm bit for bit', () => {
      const run = kernels().convFilterDirect;
      if (!run) throw new Error('test: the SIMD kernel set has no convFilterDirect');
      // Batches large enough that the pixel sums cross several blocks of 256.
      fc.assert(fc.property(conv, fc.constantFrom(8, 16, 24), fc.integer({ min: 1, max: 12 }), (c, outC, batch) => {
        const g = { ...convGeometry({ ...c, batch, pad: 'valid' }), outC };
        if (!directConvFits(g)) return;
        const k = g.kh * g.kw * g.inC;
        const pixels = g.batch * g.outH * g.outW;
        const x = randomArray(g.batch * g.inH * g.inW * g.inC, c.seed, 4);
        const dy = randomArray(pixels * outC, c.seed + 1);
        const [got, want, viaGemm] = [place(new Float32Array(k * outC).fill(7)), new Float32Array(k * outC), new Float32Array(k * outC)];
        run(place(x), place(dy), g, got);
        convFilterDirect(x, dy, g, want);
        sameBits(got, want);
        conv2dBackpropFilter(x, dy, g, viaGemm, new Float32Array(pixels * k), kernels().gemm, kernels().im2col);
        sameBits(got, viaGemm);
      }), { seed: 7, numRuns: Math.ceil(runs / 4) });
    });

    it('convDirect skips all-zero patches with the same bits; both direct kernels keep the NaN of 0·Inf and 0·NaN', () => {
      const fwd = kernels().convDirect, back = kernels().convFilterDirect;
      if (!fwd || !back) throw new Error('test: the SIMD kernel set has no direct convolution');
      // Images blank outside a band (MNIST's background), and a filter or dy with one non-finite value or none.
      fc.assert(fc.property(conv, fc.constantFrom(8, 16), fc.boolean(), fc.constantFrom(0, Infinity, -Infinity, NaN), fc.boolean(), (c, outC, pool, bad, inFilter) => {
        const g = { ...convGeometry({ ...c, batch: c.batch + 2, h: c.h + 4, w: c.w + 4, pad: 'valid' }), outC };
        if (!directConvFits(g) || (pool && (g.outH < 2 || g.outW < 2))) return;
        const k = g.kh * g.kw * g.inC;
        const x = randomArray(g.batch * g.inH * g.inW * g.inC, c.seed, 4);
        for (let i = 0; i < x.length; i++) {
          const cell = Math.floor(i / g.inC), ix = cell % g.inW, iy = Math.floor(cell / g.inW) % g.inH;
          if (iy < g.inH / 2 || ix > (c.seed % g.inW)) x[i] = 0;
        }
        const w = randomArray(k * outC, c.seed + 1, 4);
        const bias = randomArray(outC, c.seed + 2);
        const pixels = g.batch * g.outH * g.outW;
        const dy = randomArray(pixels * outC, c.seed + 3);
        if (bad !== 0) {
          if (inFilter) w[c.seed % w.length] = bad;
          else dy[c.seed % dy.length] = bad;
        }
        const [, gh, gw] = pool ? pooledShape(g) : [0, g.outH, g.outW];
        const size = g.batch * gh * gw * outC;
        const [got, want] = [place(new Float32Array(size)), new Float32Array(size)];
        fwd(place(x), place(w), place(bias), 'relu', g, pool, got);
        convDirect(x, w, bias, 'relu', g, pool, want);
        sameBits(got, want);
        const [dwGot, dwWant] = [place(new Float32Array(k * outC)), new Float32Array(k * outC)];
        back(place(x), place(dy), g, dwGot);
        convFilterDirect(x, dy, g, dwWant);
        sameBits(dwGot, dwWant);
      }), { seed: 9, numRuns: runs });
    });

    it('convDirect keeps which window cell won each pooled output: its twin\'s, and maxPool\'s argmax over the unpooled output', () => {
      const run = kernels().convDirect;
      if (!run) throw new Error('test: the SIMD kernel set has no convDirect');
      fc.assert(fc.property(conv, fc.constantFrom(8, 16, 32), fc.boolean(), (c, outC, relu) => {
        const g = { ...convGeometry({ ...c, h: c.h + 1, w: c.w + 1, pad: 'valid' }), outC };
        if (!directConvFits(g) || g.outH < 2 || g.outW < 2) return;
        const k = g.kh * g.kw * g.inC;
        // Few levels, so windows tie (relu's zeros above all).
        const [x, w, bias] = [randomArray(g.batch * g.inH * g.inW * g.inC, c.seed, 2), randomArray(k * outC, c.seed + 1, 2), randomArray(outC, c.seed + 2, 2)];
        const act = relu ? 'relu' : 'linear';
        const size = pooledShape(g).reduce((a, b) => a * b);
        const [got, won] = [place(new Float32Array(size)), place(new Int32Array(size).fill(-1))];
        const [want, wonWant] = [new Float32Array(size), new Int32Array(size).fill(-2)];
        run(place(x), place(w), place(bias), act, g, true, got, won);
        convDirect(x, w, bias, act, g, true, want, wonWant);
        sameBits(got, want);
        sameBits(won, wonWant);
        const y = new Float32Array(g.batch * g.outH * g.outW * outC);
        convDirect(x, w, bias, act, g, false, y);
        const pg = pool2dGeometry([g.batch, g.outH, g.outW, outC], [2, 2], [2, 2], 'valid');
        const [pooled, argmax] = [new Float32Array(size), new Int32Array(size)];
        jsKernels.maxPool(y, pg, pooled, argmax);
        sameBits(got, pooled);
        // argmax is a flat index into y: its pixel's place in its window is the cell.
        const cells = Int32Array.from(argmax, (a) => {
          const pixel = Math.floor(a / outC), ox = pixel % g.outW, oy = Math.floor(pixel / g.outW) % g.outH;
          return (oy % 2) * 2 + (ox % 2);
        });
        sameBits(won, cells);
      }), { seed: 10, numRuns: runs });
    });

    it('unpoolActivationBackprop matches its twin and maxPoolBackprop, then biasActivationBackprop, bit for bit', () => {
      const run = kernels().unpoolActivationBackprop;
      if (!run) throw new Error('test: the SIMD kernel set has no unpoolActivationBackprop');
      // Odd sizes leave a row and a column in no window; a NaN in dPooled stays where the composed ops keep it.
      const shape = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }), fc.constantFrom(3, 4, 8, 12, 32));
      fc.assert(fc.property(shape, fc.boolean(), fc.boolean(), fc.nat(), ([batch, outH, outW, ch], relu, withNaN, seed) => {
        const act = relu ? 'relu' : 'linear';
        const zSize = batch * outH * outW * ch;
        const y = randomArray(zSize, seed, 2).map((v) => (relu && v < 0 ? 0 : v));
        const pg = pool2dGeometry([batch, outH, outW, ch], [2, 2], [2, 2], 'valid');
        const size = batch * pg.outH * pg.outW * ch;
        const [pooled, argmax] = [new Float32Array(size), new Int32Array(size)];
        jsKernels.maxPool(y, pg, pooled, argmax);
        const winners = Int32Array.from(argmax, (a) => {
          const pixel = Math.floor(a / ch), ox = pixel % outW, oy = Math.floor(pixel / outW) % outH;
          return (oy % 2) * 2 + (ox % 2);
        });
        const dPooled = randomArray(size, seed + 1);
        if (withNaN) dPooled[seed % size] = NaN;
        const dy = new Float32Array(zSize);
        jsKernels.maxPoolBackprop(dPooled, argmax, dy);
        const [dzWant, dbWant] = [new Float32Array(zSize), new Float32Array(ch)];
        jsKernels.biasActivationBackprop(dy, y, zSize / ch, ch, act, dzWant, dbWant);
        const [dzTwin, dbTwin] = [new Float32Array(zSize).fill(3), new Float32Array(ch).fill(3)];
        unpoolActivationBackprop(dPooled, pooled, winners, [batch, outH, outW, ch], act, dzTwin, dbTwin);
        sameBits(dzTwin, dzWant);
        sameBits(dbTwin, dbWant);
        const [dz, db] = [place(new Float32Array(zSize).fill(5)), place(new Float32Array(ch).fill(5))];
        run(place(dPooled), place(pooled), place(winners), [batch, outH, outW, ch], act, dz, db);
        sameBits(dz, dzWant);
        sameBits(db, dbWant);
      }), { seed: 11, numRuns: runs });
    });

    it('convFilterDirect told dy is finite sums only the pixels whose patch is not all zeros, with the same bits', () => {
      const back = kernels().convFilterDirect;
      if (!back) throw new Error('test: the SIMD kernel set has no convFilterDirect');
      // Images blank outside a band, batches whose pixels cross several blocks of 256, and a blank image.
      fc.assert(fc.property(conv, fc.constantFrom(8, 16), fc.integer({ min: 1, max: 12 }), (c, outC, batch) => {
        const g = { ...convGeometry({ ...c, batch: batch + 1, h: c.h + 4, w: c.w + 4, pad: 'valid' }), outC };
        if (!directConvFits(g)) return;
        const k = g.kh * g.kw * g.inC;
        const x = randomArray(g.batch * g.inH * g.inW * g.inC, c.seed, 4);
        for (let i = 0; i < x.length; i++) {
          const cell = Math.floor(i / g.inC), ix = cell % g.inW, iy = Math.floor(cell / g.inW) % g.inH, b = Math.floor(cell / (g.inW * g.inH));
          if (b === 1 || iy < g.inH / 2 || ix > (c.seed % g.inW)) x[i] = i % 5 ? 0 : -0;
        }
        const dy = randomArray(g.batch * g.outH * g.outW * outC, c.seed + 3);
        const [got, want] = [place(new Float32Array(k * outC).fill(7)), new Float32Array(k * outC)];
        back(place(x), place(dy), g, got, true);
        convFilterDirect(x, dy, g, want);
        sameBits(got, want);
      }), { seed: 12, numRuns: Math.ceil(runs / 4) });
    });

    it('convFilterFromWinners gives unpoolActivationBackprop, then convFilterDirect\'s dw and dbias bit for bit, and refuses an x not all finite', () => {
      const run = kernels().convFilterFromWinners;
      if (!run) throw new Error('test: the SIMD kernel set has no convFilterFromWinners');
      // Blank bands (MNIST's background), batches whose pixels cross blocks of 256, ties (few levels, relu's
      // zeros), and a NaN, an Infinity or zeros in dPooled.
      const bad = fc.constantFrom(0, NaN, Infinity, -Infinity);
      fc.assert(fc.property(conv, fc.constantFrom(8, 16, 32), fc.integer({ min: 1, max: 10 }), fc.boolean(), bad, (c, outC, batch, relu, odd) => {
        const g = { ...convGeometry({ ...c, batch, h: c.h + 3, w: c.w + 3, pad: 'valid' }), outC };
        if (!directConvFits(g) || g.outH < 2 || g.outW < 2) return;
        const act = relu ? 'relu' : 'linear';
        const k = g.kh * g.kw * g.inC;
        const x = randomArray(g.batch * g.inH * g.inW * g.inC, c.seed, 3);
        for (let i = 0; i < x.length; i++) {
          const cell = Math.floor(i / g.inC), ix = cell % g.inW, iy = Math.floor(cell / g.inW) % g.inH;
          if (iy < g.inH / 3 || ix > (c.seed % g.inW) + 2) x[i] = 0;
        }
        const [w, bias] = [randomArray(k * outC, c.seed + 1, 2), randomArray(outC, c.seed + 2, 2)];
        const size = pooledShape(g).reduce((a, b) => a * b);
        const [pooled, winners] = [new Float32Array(size), new Int32Array(size)];
        convDirect(x, w, bias, act, g, true, pooled, winners);
        const dPooled = randomArray(size, c.seed + 3);
        if (odd !== 0) dPooled[c.seed % size] = odd;
        const zShape = [g.batch, g.outH, g.outW, outC];
        const dz = new Float32Array(zShape.reduce((a, b) => a * b));
        const [dwWant, dbWant] = [new Float32Array(k * outC), new Float32Array(outC)];
        unpoolActivationBackprop(dPooled, pooled, winners, zShape, act, dz, dbWant);
        convFilterDirect(x, dz, g, dwWant);
        const [dw, db] = [place(new Float32Array(k * outC).fill(7)), place(new Float32Array(outC).fill(7))];
        expect(run(place(x), place(dPooled), place(pooled), place(winners), g, act, dw, db)).toBe(true);
        sameBits(dw, dwWant);
        sameBits(db, dbWant);
        // Products with an infinite or NaN x are not ±0 even where dz is: it leaves the call to the unpooling path.
        x[c.seed % x.length] = odd === 0 ? NaN : odd;
        const [dw2, db2] = [place(new Float32Array(k * outC).fill(7)), place(new Float32Array(outC).fill(7))];
        expect(run(place(x), place(dPooled), place(pooled), place(winners), g, act, dw2, db2)).toBe(false);
        sameBits(dw2, new Float32Array(k * outC).fill(7));
        sameBits(db2, new Float32Array(outC).fill(7));
      }), { seed: 13, numRuns: Math.ceil(runs / 2) });
    });

    it('adamUpdate gives the bits of its f32 operations, with first moments below 2^-126 stored and used as ±0 (tiny and subnormal ones, zero gradients included)', () => {
      const f = Math.fround;
      // Flush to zero, keeping the sign: what TensorFlow's CPU kernels do with subnormal results.
      const ftz = (x: number): number => (Math.abs(x) < 2 ** -126 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : x);
      // Moments from normal down to subnormal (a long-idle weight's), zero gradients among them, any alignment.
      const moment = fc.oneof(fc.float({ noNaN: true, min: f(-1e-3), max: f(1e-3) }),
        fc.float({ noNaN: true, min: f(-1e-30), max: f(1e-30) }), fc.constantFrom(...[1.4e-45, -1.4e-45, 1.1e-38, -3e-39, 7.9e-31, 0, -0].map(f)));
      fc.assert(fc.property(fc.array(moment, { maxLength: 37 }), fc.integer({ min: 1, max: 5000 }), fc.nat(), (m0, t, seed) => {
        const n = m0.length;
        const g = randomArray(n, seed).map((x, i) => (i % 3 ? 0 : x * 1e-3));
        const p0 = randomArray(n, seed + 1).map((x, i) => (i % 5 === 4 ? 0 : x * 0.05));
        const v0 = randomArray(n, seed + 2).map((x) => x * x * 1e-6);
        const [p, m, v] = [place(Float32Array.from(p0)), place(Float32Array.from(m0)), place(Float32Array.from(v0))];
        kernels().adamUpdate(p, place(g), m, v, 0.001, 0.9, 0.999, 1e-7, t);
        const [lrT, b1, omb1, b2, omb2, eps] = [adamStepSize(0.001, 0.9, 0.999, t), 0.9, 1 - 0.9, 0.999, 1 - 0.999, 1e-7].map(f);
        for (let i = 0; i < n; i++) {
          const mi = ftz(f(f(m0[i] * b1) + f(omb1 * g[i])));
          const vi = f(f(v0[i] * b2) + f(f(omb2 * g[i]) * g[i]));
          const pi = f(p0[i] - f(f(lrT * mi) / f(f(Math.sqrt(vi)) + eps)));
          expect([Object.is(m[i], mi), Object.is(v[i], vi) || v[i] === vi, Object.is(p[i], pi) || p[i] === pi, i]).toEqual([true, true, true, i]);
        }
      }), { seed: 14, numRuns: runs });
    });

    it('gemmMasked matches the JS twin bit for bit, zero where the mask is ±0 and a float64 product elsewhere, or declines a mask mostly nonzero', () => {
      // Rows past one 32-row group, columns past whole vectors of 4, k around the 8-float steps.
      const dims = fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 13 }), fc.oneof(fc.integer({ min: 0, max: 21 }), fc.constantFrom(32, 128)));
      fc.assert(fc.property(dims, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), ([m, n, k], density, seed) => {
        const a = randomArray(m * k, seed), b = randomArray(n * k, seed + 1);
        // A relu's output: zeros (either sign) where u ≥ density, else a positive value; a NaN counts as nonzero.
        const mask = randomArray(m * n, seed + 2).map((u, i) => (i % 11 === 5 ? NaN : Math.abs(u) < density ? Math.abs(u) + 1e-3 : i % 2 ? -0 : 0));
        const got = place(new Float32Array(m * n).fill(7)), want = new Float32Array(m * n).fill(7);
        const nonzero = mask.filter((v) => v !== 0).length;
        const done = kernels().gemmMasked(place(a), place(b), place(mask), got, m, n, k);
        // The dense product is the faster one past half nonzero: both decline, writing nothing.
        expect(done).toBe(nonzero <= m * n / 2);
        expect(jsKernels.gemmMasked(a, b, mask, want, m, n, k)).toBe(done);
        if (!done) {
          expect(got.every((v) => v === 7) && want.every((v) => v === 7)).toBe(true);
          return;
        }
        sameBits(got, want);
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let dot = 0;
            for (let p = 0; p < k; p++) dot += a[i * k + p] * b[j * k + p];
            const expected = mask[i * n + j] === 0 ? 0 : dot;
            expect(Math.abs(got[i * n + j] - expected)).toBeLessThanOrEqual(1e-6 * (k + 1));
          }
        }
      }), { seed: 6, numRuns: runs });
    });

    it('select (tf.where) gives the JS twin\'s bits: bool bytes between float32 arrays or single values, others broadcast by the twin', () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 700 }), fc.constantFrom('full', 'scalar', 'row'), fc.constantFrom('full', 'scalar'), fc.nat(), (n, aKind, bKind, seed) => {
        const cond = Uint8Array.from(randomArray(n, seed), (u) => (u > 0 ? 1 : 0));
        // Values with a NaN, an infinity and a −0 among them: select moves them, never computes on them.
        const values = (length: number, s: number): Float32Array => randomArray(length, s).map((v, i) => (i % 7 === 3 ? [NaN, -Infinity, -0][i % 3] : v));
        const cols = 5;
        const aShape = aKind === 'full' ? [n] : aKind === 'scalar' ? [] : [cols];
        const shape = aKind === 'row' ? [Math.floor(n / cols), cols] : [n];
        const size = shape.reduce((x, y) => x * y, 1);
        const c = cond.subarray(0, size);
        const a = values(aShape.reduce((x, y) => x * y, 1), seed + 1), b = values(bKind === 'full' ? size : 1, seed + 2);
        const bShape = bKind === 'full' ? shape : [];
        const cShape = shape;
        const want = new Float32Array(size), got = place(new Float32Array(size));
        jsKernels.select(c, cShape, a, aShape, b, bShape, shape, want);
        kernels().select(place(c), cShape, place(a), aShape, place(b), bShape, shape, got);
        sameBits(got, want);
      }), { seed: 12, numRuns: runs });
    });

    it('gather and segmentSum give the JS twins\' bits: rows of float32 or int32 picked, and float32 rows summed, by int32 indices', () => {
      const dims = fc.record({ outer: fc.integer({ min: 1, max: 3 }), len: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 0, max: 120 }), inner: width, ints: fc.boolean(), seed: fc.nat() });
      fc.assert(fc.property(dims, ({ outer, len, n, inner, ints, seed }) => {
        // Moved values include a NaN, an infinity and a −0; summed ones an infinity and a −0 (no NaN: its payload is the engine's).
        const special = (v: number, i: number, moved: boolean): number => (i % 11 === 5 ? (moved ? [NaN, Infinity, -0] : [Infinity, -0, 0.5])[i % 3] : v);
        const idx = Int32Array.from(randomArray(n, seed + 1), (u) => Math.min(len - 1, Math.floor(((u + 1) / 2) * len)));
        const x = randomArray(outer * len * inner, seed);
        const table = ints ? Int32Array.from(x, (v) => Math.round(v * 1000)) : x.map((v, i) => special(v, i, true));
        const want = ints ? new Int32Array(outer * n * inner) : new Float32Array(outer * n * inner);
        const got = place(ints ? new Int32Array(outer * n * inner) : new Float32Array(outer * n * inner));
        jsKernels.gather(table, idx, outer, len, inner, want);
        kernels().gather(place(table), place(idx), outer, len, inner, got);
        sameBits(got, want);
        const rows = randomArray(outer * n * inner, seed + 2).map((v, i) => special(v, i, false));
        const sumWant = new Float32Array(outer * len * inner), sumGot = place(new Float32Array(outer * len * inner).fill(7));
        jsKernels.segmentSum(rows, idx, outer, len, inner, sumWant);
        kernels().segmentSum(place(rows), place(idx), outer, len, inner, sumGot);
        sameBits(sumGot, sumWant);
      }), { seed: 13, numRuns: runs });
    });

    it('topkIndices gives the JS twin\'s indices: float32 rows scanned in the kernel, with ties, signed zeros, infinities and NaN (the last kept one too)', () => {
      const dims = fc.record({ rows: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 60, max: 300 }), kFrac: fc.double({ min: 0, max: 0.25, noNaN: true }), nanRate: fc.constantFrom(0, 0.02, 0.5), seed: fc.nat() });
      fc.assert(fc.property(dims, ({ rows, n, kFrac, nanRate, seed }) => {
        const k = Math.floor(kFrac * n);
        // Few distinct values, so that ties are common; the first values NaN at times, so that a NaN is kept last.
        const u = randomArray(rows * n, seed);
        const choices = [0, -0, 1, -1, 2.5, Infinity, -Infinity, 3, 0.25];
        const x = Float32Array.from(u, (v, i) => ((v + 1) / 2 < nanRate ? NaN : i % n < 3 && nanRate === 0.5 ? NaN : choices[Math.floor(((v + 1) / 2) * 9) % 9] + (i % 5 === 0 ? v : 0)));
        const want = new Int32Array(rows * k), got = place(new Int32Array(rows * k));
        jsKernels.topkIndices(x, rows, n, k, want);
        kernels().topkIndices(place(x), rows, n, k, got);
        expect(Array.from(got)).toEqual(Array.from(want));
      }), { seed: 17, numRuns: runs });
    });

    it('depthwiseConv2d and its gradients give the JS twins\' bits: channel multiplier 1 (and 2, through the twins), strides, padding, an infinity and −0s', () => {
      fc.assert(fc.property(conv, fc.constantFrom(1, 1, 2), (c, multiplier) => {
        const [kh, kw] = c.pad === 'valid' ? [Math.min(c.kh, c.h), Math.min(c.kw, c.w)] : [c.kh, c.kw];
        const g = depthwiseGeometry([c.batch, c.h, c.w, c.inC], [kh, kw, c.inC, multiplier], [c.sh, c.sw], c.pad);
        const x = randomArray(c.batch * c.h * c.w * c.inC, c.seed).map((v, i) => (i === 5 ? Infinity : v));
        const w = randomArray(kh * kw * g.outC, c.seed + 1);
        const size = g.batch * g.outH * g.outW * g.outC;
        const dy = randomArray(size, c.seed + 2);
        // Each pass against its twin, the SIMD side's output first filled with 7s (what the kernels must overwrite).
        const check = (length: number, twin: (out: Float32Array) => void, simd: (out: Float32Array) => void): void => {
          const want = new Float32Array(length), got = place(new Float32Array(length).fill(7));
          twin(want);
          simd(got);
          sameBits(got, want);
        };
        check(size, (out) => jsKernels.depthwiseConv2d(x, w, g, out), (out) => kernels().depthwiseConv2d(place(x), place(w), g, out));
        check(x.length, (out) => jsKernels.depthwiseConv2dBackpropInput(dy, w, g, out), (out) => kernels().depthwiseConv2dBackpropInput(place(dy), place(w), g, out));
        check(w.length, (out) => jsKernels.depthwiseConv2dBackpropFilter(x, dy, g, out), (out) => kernels().depthwiseConv2dBackpropFilter(place(x), place(dy), g, out));
      }), { seed: 14, numRuns: runs });
    });

    it('allFinite answers as the JS twin and as a check of every value: one ±Infinity or NaN anywhere, the last lanes past whole vectors included, makes it false', () => {
      const special = fc.constantFrom(Infinity, -Infinity, NaN, 0, -0, 3.4e38, -1.4e-45);
      fc.assert(fc.property(fc.integer({ min: 0, max: 70 }), fc.nat(), fc.option(fc.tuple(fc.nat(), special)), (n, seed, put) => {
        const x = randomArray(n, seed);
        if (put && n > 0) x[put[0] % n] = put[1];
        const want = x.every((v) => Number.isFinite(v));
        expect(kernels().allFinite(place(x))).toBe(want);
        expect(jsKernels.allFinite(x)).toBe(want);
      }), { seed: 7, numRuns: runs });
      // Beyond one call's vectors on both ends: an infinity in the first and in the last of 600,000 values.
      for (const at of [0, 599_999]) {
        const x = new Float32Array(600_000).fill(1.5);
        expect(kernels().allFinite(place(x))).toBe(true);
        x[at] = -Infinity;
        expect(kernels().allFinite(place(x))).toBe(false);
      }
    });

    it('adamUpdate matches the float64-rounded JS twin to float32 precision', () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1, max: 50 }), fc.nat(), (n, t, seed) => {
        const g = randomArray(n, seed + 1);
        const init = (): Float32Array[] => [randomArray(n, seed), randomArray(n, seed + 2).map((v) => v * 0.1), randomArray(n, seed + 3).map((v) => v * v)];
        const [p, m, v] = init().map(place);
        const [pw, mw, vw] = init();
        kernels().adamUpdate(p, place(g), m, v, 0.01, 0.9, 0.999, 1e-7, t);
        jsKernels.adamUpdate(pw, g, mw, vw, 0.01, 0.9, 0.999, 1e-7, t);
        // Relative to each value, plus float32 rounding of the step itself (at most lr = 0.01 in size).
        for (const [got, want] of [[p, pw], [m, mw], [v, vw]]) {
          for (let i = 0; i < n; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(1e-6 * Math.abs(want[i]) + 1e-8);
        }
      }), { seed: 5, numRuns: runs });
    });
  });
}

const [one, oneKernels] = ownKernels(1);
suite('WebAssembly SIMD kernels, one thread', () => oneKernels, 200);
suite('WebAssembly SIMD kernels, one thread, operands resident', () => oneKernels, 100, placeIn(one, 'resident'));
suite('WebAssembly SIMD kernels, one thread, operands mixed', () => oneKernels, 100, placeIn(one, 'mixed'));

// Splitting every call, however small, exercises the chunked paths; results must equal one thread's.
const [two, twoKernels] = ownKernels(2, { splitAll: true });
describe('WebAssembly SIMD kernels, two threads', () => {
  beforeAll(() => two.setThreads(2));
  afterAll(() => two.terminate());

  it('give bit-identical results to one thread on the seed model\'s shapes', () => {
    const g = conv2dGeometry([32, 28, 28, 1], [3, 3, 1, 32], [1, 1], 'valid');
    const x = randomArray(32 * 28 * 28, 1);
    const colSize = 32 * 26 * 26 * 9;
    const outputs = [oneKernels, twoKernels].map((k) => {
      const cols = new Float32Array(colSize);
      k.im2col(x, g, cols);
      const z = randomArray(32 * 26 * 26 * 32, 2);
      const y = new Float32Array(z.length);
      k.biasActivation(z, randomArray(32, 3), z.length / 32, 32, 'relu', y);
      const pg = pool2dGeometry([32, 26, 26, 32], [2, 2], [2, 2], 'valid');
      const pooled = new Float32Array(32 * 13 * 13 * 32);
      const arg = new Int32Array(pooled.length);
      k.maxPool(y, pg, pooled, arg);
      const dx = new Float32Array(x.length);
      k.col2im(cols, g, dx);
      const [p, m, v] = [randomArray(700_000, 4), new Float32Array(700_000), new Float32Array(700_000)];
      k.adamUpdate(p, randomArray(700_000, 5), m, v, 1e-3, 0.9, 0.999, 1e-7, 1);
      return [cols, y, pooled, arg, dx, p, m, v];
    });
    outputs[0].forEach((out, i) => sameBits(outputs[1][i], out));
  });

  it('split sigmoid and tanh from an LSTM gate\'s size ([256, 128], and 3 more), with the JS twin\'s bits', () => {
    for (const op of ['sigmoid', 'tanh'] as const) {
      for (const n of [256 * 128, 256 * 128 + 3]) {
        const x = randomArray(n, 9).map((v) => v * 12);
        const want = new Float32Array(n);
        jsKernels.unary(op, x, want);
        for (const k of [oneKernels, twoKernels]) {
          const got = new Float32Array(n);
          k.unary(op, x, got);
          sameBits(got, want);
        }
      }
    }
  });
});
describe('the rows kernels', () => {
  it('run for an embedding\'s lookup from a resident table and for its gradient; an index out of range takes the JS twin', () => {
    const [runtime, k] = ownKernels(1);
    const called = vi.spyOn(runtime, 'fn');
    const table = placeIn(runtime, 'resident')(randomArray(100 * 16, 3));
    const idx = Int32Array.from({ length: 40 }, (_, j) => (j * 37) % 100);
    const got = new Float32Array(40 * 16), want = new Float32Array(40 * 16);
    k.gather(table, idx, 1, 100, 16, got);
    jsKernels.gather(table, idx, 1, 100, 16, want);
    sameBits(got, want);
    const sums = new Float32Array(100 * 16), sumsWant = new Float32Array(100 * 16);
    k.segmentSum(got, idx, 1, 100, 16, sums);
    jsKernels.segmentSum(got, idx, 1, 100, 16, sumsWant);
    sameBits(sums, sumsWant);
    expect(called.mock.calls.map(([name]) => name).filter((name) => name.endsWith('_rows'))).toEqual(['gather_rows', 'segment_sum_rows']);
    called.mockClear();
    // An index past the table (the ops refuse one; the kernels never read outside it either way).
    idx[7] = 100;
    k.gather(table, idx, 1, 100, 16, got);
    k.segmentSum(got, idx, 1, 100, 16, sums);
    expect(called.mock.calls.map(([name]) => name)).not.toContain('gather_rows');
    expect(called.mock.calls.map(([name]) => name)).not.toContain('segment_sum_rows');
  });
});

describe('the depthwise kernels', () => {
  it('run for channel multiplier 1 on float32 (MobileNet\'s 3×3, stride 2, \'same\'), and leave multiplier 2 to the JS twins', () => {
    const [runtime, k] = ownKernels(2);
    const called = vi.spyOn(runtime, 'runRange');
    for (const multiplier of [1, 2]) {
      const g = depthwiseGeometry([2, 15, 15, 12], [3, 3, 12, multiplier], [2, 2], 'same');
      const x = randomArray(2 * 15 * 15 * 12, 5), w = randomArray(9 * g.outC, 6);
      const got = new Float32Array(g.batch * g.outH * g.outW * g.outC), want = new Float32Array(got.length);
      k.depthwiseConv2d(x, w, g, got);
      jsKernels.depthwiseConv2d(x, w, g, want);
      sameBits(got, want);
      k.depthwiseConv2dBackpropInput(got, w, g, new Float32Array(x.length));
      k.depthwiseConv2dBackpropFilter(x, got, g, new Float32Array(w.length));
    }
    expect(called.mock.calls.map(([name]) => name)).toEqual(['dw_conv', 'dw_conv_dx', 'dw_conv_dw']);
  });
});

describe('resident memory', () => {
  it('alloc(length, true) zeroes a reused block that held other values (memory.fill), and leaves its neighbours alone', () => {
    const memory = twoKernels.memory;
    if (!memory) throw new Error('test: no resident memory');
    const before = memory.alloc(1000) as Float32Array;
    const after = memory.alloc(1000) as Float32Array;
    before.fill(5);
    after.fill(7);
    memory.release(before);
    const zeroed = memory.alloc(1000, true) as Float32Array;
    expect(zeroed.byteOffset).toBe(before.byteOffset);
    expect(zeroed.every((v) => Object.is(v, 0))).toBe(true);
    expect(after.every((v) => v === 7)).toBe(true);
    memory.release(zeroed);
    memory.release(after);
  });
});
suite('WebAssembly SIMD kernels, two threads, every call split', () => twoKernels, 60);
suite('WebAssembly SIMD kernels, two threads, every call split, operands resident', () => twoKernels, 40, placeIn(two, 'resident'));

// A growable non-shared memory: its growth detaches every view, so no resident arrays, and every call copies
// its operands in and out. A kernel set that grows its memory between calls stays right.
const [unshared, unsharedKernels] = ownKernels(2, { memory: 'growable' });
describe('WebAssembly SIMD kernels over a non-shared memory', () => {
  it('have no resident memory and run on one thread', () => {
    expect(unsharedKernels.memory).toBeUndefined();
    expect(unshared.heap.allocF32(4)).toBeUndefined();
    expect(unshared.threads).toBe(1);
  });
  it('stay bit-identical to the one-thread shared kernels while the memory grows between calls', () => {
    const g = conv2dGeometry([8, 28, 28, 1], [3, 3, 1, 32], [1, 1], 'valid');
    const x = randomArray(8 * 28 * 28, 1);
    const colSize = 8 * 26 * 26 * 9;
    const run = (k: CpuKernels, grow: () => void): Float32Array[] => {
      const cols = new Float32Array(colSize);
      k.im2col(x, g, cols);
      grow();
      const out = new Float32Array(8 * 26 * 26 * 32);
      k.gemm(cols, randomArray(9 * 32, 2), out, 8 * 26 * 26, 32, 9, false, false, false);
      grow();
      const y = new Float32Array(out.length);
      k.biasActivation(out, randomArray(32, 3), out.length / 32, 32, 'relu', y);
      grow();
      const [p, m, v] = [randomArray(5000, 4), new Float32Array(5000), new Float32Array(5000)];
      k.adamUpdate(p, randomArray(5000, 5), m, v, 1e-3, 0.9, 0.999, 1e-7, 1);
      return [cols, out, y, p, m, v];
    };
    const before = unshared.heap.memory.buffer.byteLength;
    // Each growth takes a block larger than all the memory so far, forcing the memory to grow (and detach).
    const grow = (): void => { unshared.heap.alloc(unshared.heap.memory.buffer.byteLength); };
    const got = run(unsharedKernels, grow);
    expect(unshared.heap.memory.buffer.byteLength).toBeGreaterThan(4 * before);
    const want = run(oneKernels, () => undefined);
    want.forEach((w, i) => sameBits(got[i], w));
  });
});

// Where shared memory is unavailable (a page that is not cross-origin isolated), a non-shared memory that never
// grows: its views never detach, so tensors stay resident in it; one thread.
const [fixed, fixedKernels] = ownKernels(2, { memory: 'fixed' });
describe('WebAssembly SIMD kernels over a fixed non-shared memory', () => {
  it('hand out resident arrays, run on one thread, and never grow the memory', () => {
    expect(fixed.threads).toBe(1);
    expect(fixed.heap.memory.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    const bytes = fixed.heap.memory.buffer.byteLength;
    const x = fixed.heap.allocF32(4) as Float32Array;
    x.set([1, 2, 3, 4]);
    expect(fixed.heap.allocF32(bytes / 4)).toBeUndefined(); // larger than the whole memory: no growth, no view
    expect(fixed.heap.memory.buffer.byteLength).toBe(bytes);
    expect(Array.from(x)).toEqual([1, 2, 3, 4]);
    fixed.heap.release(x);
  });
});
suite('WebAssembly SIMD kernels, fixed non-shared memory, operands resident', () => fixedKernels, 40, placeIn(fixed, 'resident'));

describe('WebAssembly SIMD kernels on float64', () => {
  it('delegate to the JS twins', () => {
    const x = Float64Array.of(-1, 2, -3, 4), out = new Float64Array(4);
    oneKernels.biasActivation(x, Float64Array.of(0.5, 0.5), 2, 2, 'relu', out);
    expect(Array.from(out)).toEqual([0, 2.5, 0, 4.5]);
    expect([oneKernels.allFinite(x), oneKernels.allFinite(Float64Array.of(1, 1e308 * 10))]).toEqual([true, false]);
  });
});
