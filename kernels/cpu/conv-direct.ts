import type { Conv2dGeometry } from '../shared/geometry';
import type { Activation } from '../shared/op-names';
import type { FloatArray } from '../shared/types';
import { copyStrided } from './strided';

/**
 * act(conv(x) + bias), optionally 2×2 stride-2 max-pooled, with no im2col matrix; out is written whole. When
 * pooling, `winners` (if given, out's length) gets which cell of each output's window won: 0-3, row-major.
 */
export type ConvDirectFn = (x: FloatArray, filter: FloatArray, bias: FloatArray, act: Activation, g: Conv2dGeometry, pool: boolean, out: FloatArray, winners?: Int32Array) => void;

/**
 * dw [kh, kw, inC, outC] = the filter gradient of a 'valid' convolution, from x and dy, with no im2col matrix.
 * `dyFinite` is the caller's promise that dy holds no Infinity or NaN (a kernel may then skip all-zero patches).
 */
export type ConvFilterDirectFn = (x: FloatArray, dy: FloatArray, g: Conv2dGeometry, dw: FloatArray, dyFinite?: boolean) => void;

/**
 * dw and dbias of pooled = 2×2 stride-2 maxPool(act(conv(x) + bias)) from dPooled, the pooled values and which
 * cell won each window (see UnpoolActivationBackpropFn), without materialising the pre-pool gradient. Returns
 * false, having written nothing, where it cannot (float64, x not all finite, no room): the caller then unpools.
 */
export type ConvFilterFromWinnersFn = (
  x: FloatArray, dPooled: FloatArray, pooled: FloatArray, winners: Int32Array, g: Conv2dGeometry, act: Activation, dw: FloatArray, dbias: FloatArray,
) => boolean;

/** Output pixels per block of the filter gradient's sums: the SIMD GEMM's k block, so both give the same bits. */
export const FILTER_BLOCK = 256;

/** The largest patch (kh·kw·inC) the direct convolution takes: beyond it im2col + the blocked GEMM reuse more. */
export const DIRECT_MAX_PATCH = 64;

/**
 * Whether the direct convolution takes this geometry: every patch inside the image (no padding cells), whole
 * blocks of 8 output channels and a small patch.
 */
export function directConvFits(g: Conv2dGeometry): boolean {
  return (g.outH - 1) * g.strideH + g.kh <= g.inH && (g.outW - 1) * g.strideW + g.kw <= g.inW && g.padTop === 0 && g.padLeft === 0
    && g.outC % 8 === 0 && g.kh * g.kw * g.inC <= DIRECT_MAX_PATCH && g.outH > 0 && g.outW > 0;
}

/**
 * The 'valid' twin of a padded convolution: the same windows over x zero-padded to exactly the rows and columns
 * they cover (padCovered). The direct kernels' sums over that copy are those of im2col over x, whose padding cells
 * are the same zeros, so the same bits: 'same' convolutions of small patches (an image model's first layer) take
 * the direct kernels this way.
 */
export function coveredGeometry(g: Conv2dGeometry): Conv2dGeometry {
  return { ...g, inH: (g.outH - 1) * g.strideH + g.kh, inW: (g.outW - 1) * g.strideW + g.kw, padTop: 0, padLeft: 0 };
}

/** Writes x where g's windows see it into `out`: zeros of coveredGeometry(g)'s input size. `copy` is a kernel set's copyStrided. */
export function padCovered(x: FloatArray, g: Conv2dGeometry, out: FloatArray, copy = copyStrided): void {
  const { inH: h, inW: w } = coveredGeometry(g);
  const rows = Math.max(0, Math.min(g.inH, h - g.padTop)), cols = Math.max(0, Math.min(g.inW, w - g.padLeft));
  copy(x, 0, [g.inH * g.inW * g.inC, g.inW * g.inC, g.inC, 1], out, (g.padTop * w + g.padLeft) * g.inC, [h * w * g.inC, w * g.inC, g.inC, 1], [g.batch, rows, cols, g.inC]);
}

/** The pooled output's shape [batch, outH/2, outW/2, outC] (floored) of the fused 2×2 stride-2 max-pool. */
export function pooledShape(g: Conv2dGeometry): [number, number, number, number] {
  return [g.batch, g.outH >> 1, g.outW >> 1, g.outC];
}

/**
 * The naive twin of the SIMD direct convolution: per output, 0 + Σ x·w over the patch in [kh, kw, inC] order,
 * + bias, then relu; pooled windows taken row-major, a later cell winning only when strictly greater. Float32
 * outputs round every operation to f32, so the SIMD kernel must match it bit for bit.
 */
export const convDirect: ConvDirectFn = (x, filter, bias, act, g, pool, out, winners) => {
  const f = out instanceof Float32Array ? Math.fround : (v: number): number => v;
  const { inH, inW, inC, outC, kh, kw, strideH, strideW } = g;
  const conv = (b: number, oy: number, ox: number, oc: number): number => {
    let acc = 0;
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++) {
        for (let ci = 0; ci < inC; ci++) {
          const xv = x[((b * inH + oy * strideH + ky) * inW + ox * strideW + kx) * inC + ci];
          acc = f(acc + f(xv * filter[((ky * kw + kx) * inC + ci) * outC + oc]));
        }
      }
    }
    const z = f(acc + bias[oc]);
    return act === 'relu' && z < 0 ? 0 : z;
  };
  const [, gh, gw] = pool ? pooledShape(g) : [g.batch, g.outH, g.outW];
  let o = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let py = 0; py < gh; py++) {
      for (let px = 0; px < gw; px++) {
        for (let oc = 0; oc < outC; oc++, o++) {
          if (!pool) {
            out[o] = conv(b, py, px, oc);
            continue;
          }
          let best = conv(b, 2 * py, 2 * px, oc);
          let won = 0;
          for (let cell = 1; cell < 4; cell++) {
            const v = conv(b, 2 * py + (cell >> 1), 2 * px + (cell & 1), oc);
            if (v > best) [best, won] = [v, cell];
          }
          out[o] = best;
          if (winners) winners[o] = won;
        }
      }
    }
  }
};

/**
 * The naive twin of the SIMD direct filter gradient: dw[p, oc] sums x(patch element p of pixel q)·dy[q, oc] over
 * the output pixels q in blocks of FILTER_BLOCK, each from 0 in order, the first stored and later ones added as
 * old + block (the blocked GEMM's order). Float32 outputs round every operation to f32.
 */
export const convFilterDirect: ConvFilterDirectFn = (x, dy, g, dw) => {
  const f = dw instanceof Float32Array ? Math.fround : (v: number): number => v;
  const { batch, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW } = g;
  const pixels = batch * outH * outW;
  for (let ky = 0, p = 0; ky < kh; ky++) {
    for (let kx = 0; kx < kw; kx++) {
      for (let ci = 0; ci < inC; ci++, p++) {
        for (let oc = 0; oc < outC; oc++) {
          let total = 0;
          for (let q0 = 0; q0 < pixels; q0 += FILTER_BLOCK) {
            let s = 0;
            for (let q = q0; q < Math.min(q0 + FILTER_BLOCK, pixels); q++) {
              const b = Math.floor(q / (outH * outW)), oy = Math.floor(q / outW) % outH, ox = q % outW;
              s = f(s + f(x[((b * inH + oy * strideH + ky) * inW + ox * strideW + kx) * inC + ci] * dy[q * outC + oc]));
            }
            total = q0 === 0 ? s : f(total + s);
          }
          dw[p * outC + oc] = total;
        }
      }
    }
  }
};
