import { ValType, type CodeWriter } from './code-writer';
import { FunctionEmitter, forLoop, i32Params, min } from './emit-helpers';
import type { ModuleBuilder } from './module-builder';

/** Pixels per register tile: four output pixels (or one 2×2 pooling window) by eight channels. */
export const DIRECT_PIXELS = 4;
export const DIRECT_CHANNELS = 8;

/**
 * conv_direct(x, w, bias, out, arg, head, regionRows, regionLen, offs, k, inH, inW, inC, outH, outW, sh, sw, outC, relu,
 * pool, skip, q0, q1): a 'valid' convolution with its bias and activation (and, when `pool`, a 2×2 stride-2
 * max-pool) read straight from NHWC x, with no im2col matrix: an implicit GEMM whose A rows are read in place. `offs` holds the k byte offsets of a
 * patch's elements from its corner (in the filter's [kh, kw, inC] order); w is the filter as [k, outC].
 * Without `pool`, q0..q1 are flat output pixels (b, oy, ox), four at a time; with it, they are pooled pixels
 * (b, py, px) of a [outH/2, outW/2] grid (floored), whose four conv pixels make the tile.
 * Each output is 0 + x·w over the patch in order, then + bias, then relu as pmax(v, 0): the f32 operations of
 * im2col + the GEMM with its fused epilogue, so the results are the same bits. The pooled max takes the window's
 * cells in row-major order, a later cell winning only when strictly greater, as the max-pool kernels do; when
 * `arg` is not 0, it gets (as i32, laid out as out) which cell won: 0-3.
 * With `skip` (the caller's promise that w is finite), a tile whose patches are all +0 (MNIST's background)
 * skips its products: each would be ±0, which leaves the running sum at its starting +0, so the bits are the same.
 * A pooled tile asks the region of x its window's patches lie in: regionRows rows of regionLen floats from the
 * first patch's corner, read as regionBits reads them (`head` its first vector's mask).
 */
function addConvDirect(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(23));
  const [x, w, bias, out, arg, head, regionRows, regionLen, offs, k, inH, inW, inC, outH, outW, sh, sw, outC, relu, pool, skip, q0, q1] =
    Array.from({ length: 23 }, (_, i) => i);
  const [q, valid, b, oy, ox, rem, c0, p, wPtr, off, rowBytes, gridH, gridW, perImage, qLast, live, xRowBytes] = Array.from({ length: 17 }, () => f.local());
  const region = { bits: f.local(ValType.v128), r: f.local(), rowEnd: f.local(), chunk: f.local() };
  const base = Array.from({ length: DIRECT_PIXELS }, () => f.local());
  const acc = Array.from({ length: DIRECT_PIXELS * 2 }, () => f.local(ValType.v128));
  const [w0, w1, a, mask] = [f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.v128)];
  const won = [f.local(ValType.v128), f.local(ValType.v128)];
  const c = f.code;
  const one = (): void => { c.i32Const(1); };

  // The byte address of x's cell (b, iy, ix), channel 0, into local `into`.
  const cell = (iy: () => void, ix: () => void, into: number): void => {
    c.localGet(b).localGet(inH).i32Mul(); iy(); c.i32Add().localGet(inW).i32Mul(); ix(); c.i32Add();
    c.localGet(inC).i32Mul().i32Const(2).i32Shl().localGet(x).i32Add().localSet(into);
  };
  // Splits a flat index (in local `flat`) of a [batch, gridH, gridW] grid into b, oy, ox.
  const split = (flat: () => void): void => {
    flat(); c.localGet(perImage).i32DivU().localSet(b);
    flat(); c.localGet(b).localGet(perImage).i32Mul().i32Sub().localSet(rem);
    c.localGet(rem).localGet(gridW).i32DivU().localSet(oy);
    c.localGet(rem).localGet(oy).localGet(gridW).i32Mul().i32Sub().localSet(ox);
  };

  c.localGet(outC).i32Const(2).i32Shl().localSet(rowBytes);
  c.localGet(inW).localGet(inC).i32Mul().i32Const(2).i32Shl().localSet(xRowBytes);
  c.localGet(pool).if();
  c.localGet(outH).i32Const(1).i32ShrU().localSet(gridH).localGet(outW).i32Const(1).i32ShrU().localSet(gridW);
  c.else();
  c.localGet(outH).localSet(gridH).localGet(outW).localSet(gridW);
  c.end();
  c.localGet(gridH).localGet(gridW).i32Mul().localSet(perImage);
  c.localGet(q1).i32Const(1).i32Sub().localSet(qLast);

  const step = (): void => { c.localGet(pool).if(ValType.i32).i32Const(1).else().i32Const(DIRECT_PIXELS).end(); };
  forLoop(c, q, () => c.localGet(q0), () => c.localGet(q1), step, () => {
    c.localGet(pool).if();
    // One pooled pixel: its window's four conv pixels, row-major.
    split(() => c.localGet(q));
    for (let i = 0; i < DIRECT_PIXELS; i++) {
      const dy = i >> 1;
      const dx = i & 1;
      cell(() => { c.localGet(oy).i32Const(1).i32Shl().i32Const(dy).i32Add().localGet(sh).i32Mul(); },
        () => { c.localGet(ox).i32Const(1).i32Shl().i32Const(dx).i32Add().localGet(sw).i32Mul(); }, base[i]);
    }
    c.i32Const(1).localSet(valid);
    c.else();
    // Four consecutive output pixels; past q1 the last one is repeated and not stored.
    min(c, () => c.i32Const(DIRECT_PIXELS), () => c.localGet(q1).localGet(q).i32Sub());
    c.localSet(valid);
    for (let i = 0; i < DIRECT_PIXELS; i++) {
      split(() => { min(c, () => c.localGet(q).i32Const(i).i32Add(), () => c.localGet(qLast)); });
      cell(() => { c.localGet(oy).localGet(sh).i32Mul(); }, () => { c.localGet(ox).localGet(sw).i32Mul(); }, base[i]);
    }
    c.end();

    // live = whether any patch value of the tile's pixels has a bit set (always, without `skip`). A window's
    // four patches lie in one region of x (its rows read as vectors); four pixels along a row may wrap, so each
    // of their patch values is read.
    c.localGet(skip).i32Eqz().localSet(live);
    c.localGet(skip).if();
    c.localGet(pool).if();
    c.v128Const0().localSet(region.bits);
    regionBits(c, region, base[0], regionRows, regionLen, xRowBytes, head);
    c.localGet(region.bits).v128AnyTrue().localSet(live);
    c.else();
    forLoop(c, p, () => c.i32Const(0), () => c.localGet(k), one, () => {
      c.localGet(offs).localGet(p).i32Const(2).i32Shl().i32Add().i32Load().localSet(off);
      c.localGet(live);
      for (let i = 0; i < DIRECT_PIXELS; i++) c.localGet(base[i]).localGet(off).i32Add().i32Load().i32Or();
      c.localSet(live);
    });
    c.end();
    c.end();
    // From here, live = where the patch offsets to sum end: after all k, or at their start for a tile of zeros.
    c.localGet(offs).localGet(k).i32Const(0).localGet(live).select().i32Const(2).i32Shl().i32Add().localSet(live);

    forLoop(c, c0, () => c.i32Const(0), () => c.localGet(rowBytes), () => c.i32Const(DIRECT_CHANNELS * 4), () => {
      for (const v of acc) c.v128Const0().localSet(v);
      c.localGet(w).localGet(c0).i32Add().localSet(wPtr);
      forLoop(c, p, () => c.localGet(offs), () => c.localGet(live), () => c.i32Const(4), () => {
        c.localGet(p).i32Load().localSet(off);
        c.localGet(wPtr).v128Load(0).localSet(w0);
        c.localGet(wPtr).v128Load(16).localSet(w1);
        for (let i = 0; i < DIRECT_PIXELS; i++) {
          c.localGet(base[i]).localGet(off).i32Add().v128Load32Splat().localSet(a);
          c.localGet(acc[2 * i]).localGet(a).localGet(w0).f32x4Mul().f32x4Add().localSet(acc[2 * i]);
          c.localGet(acc[2 * i + 1]).localGet(a).localGet(w1).f32x4Mul().f32x4Add().localSet(acc[2 * i + 1]);
        }
        c.localGet(wPtr).localGet(rowBytes).i32Add().localSet(wPtr);
      });
      // Epilogue: + bias, then relu, per pixel.
      c.localGet(bias).localGet(c0).i32Add().v128Load(0).localSet(w0);
      c.localGet(bias).localGet(c0).i32Add().v128Load(16).localSet(w1);
      for (let i = 0; i < DIRECT_PIXELS; i++) {
        c.localGet(acc[2 * i]).localGet(w0).f32x4Add().localSet(acc[2 * i]);
        c.localGet(acc[2 * i + 1]).localGet(w1).f32x4Add().localSet(acc[2 * i + 1]);
      }
      c.localGet(relu).if();
      for (const v of acc) c.localGet(v).v128Const0().f32x4Pmax().localSet(v);
      c.end();
      c.localGet(pool).if();
      // The window's max, first cell first, a later one winning only when strictly greater; won = its cell.
      for (const v of won) c.v128Const0().localSet(v);
      for (let i = 1; i < DIRECT_PIXELS; i++) {
        for (const h of [0, 1]) {
          c.localGet(acc[2 * i + h]).localGet(acc[h]).f32x4Gt().localSet(mask);
          c.localGet(acc[2 * i + h]).localGet(acc[h]).localGet(mask).v128Bitselect().localSet(acc[h]);
          c.v128ConstI32(i, i, i, i).localGet(won[h]).localGet(mask).v128Bitselect().localSet(won[h]);
        }
      }
      c.localGet(q).localGet(rowBytes).i32Mul().localGet(c0).i32Add().localSet(p);
      c.localGet(out).localGet(p).i32Add().localTee(off);
      c.localGet(acc[0]).v128Store(0);
      c.localGet(off).localGet(acc[1]).v128Store(16);
      c.localGet(arg).if();
      c.localGet(arg).localGet(p).i32Add().localTee(off);
      c.localGet(won[0]).v128Store(0);
      c.localGet(off).localGet(won[1]).v128Store(16);
      c.end();
      c.else();
      for (let i = 0; i < DIRECT_PIXELS; i++) {
        c.i32Const(i).localGet(valid).i32LtS().if();
        c.localGet(out).localGet(q).i32Const(i).i32Add().localGet(rowBytes).i32Mul().i32Add().localGet(c0).i32Add().localTee(off);
        c.localGet(acc[2 * i]).v128Store(0);
        c.localGet(off).localGet(acc[2 * i + 1]).v128Store(16);
        c.end();
      }
      c.end();
    });
  });
  f.addTo(m, 'conv_direct');
}

/**
 * The filter gradient's tilings: rows (patch elements) per tile, each tile these rows by DIRECT_CHANNELS
 * channels, and the function that runs them. A call takes the one that computes fewest rows past k (3 for a
 * 3×3 filter's 9·inC rows), then the taller.
 */
export const FILTER_TILINGS = [{ rows: 4, fn: 'conv_filter_direct' }, { rows: 3, fn: 'conv_filter_direct3' }] as const;
export type FilterTiling = (typeof FILTER_TILINGS)[number];

/** The tiling for k patch elements. */
export function filterTiling(k: number): FilterTiling {
  const waste = (t: FilterTiling): number => Math.ceil(k / t.rows) * t.rows - k;
  return FILTER_TILINGS.reduce((best, t) => (waste(t) < waste(best) ? t : best));
}

/** The locals regionBits uses: the running or of the bits read (v128), then i32s. */
interface RegionLocals { bits: number; r: number; rowEnd: number; chunk: number }

/**
 * Emits code that ors into `bits` every float of `rows` rows of `rowLen` floats of x, the first starting at byte
 * address `corner`, the next rowBytes further each. Each row is read as vectors ending at its end, the first
 * anded with the mask at `head` (ones for the lanes at or after the row's start). Reading up to 12 bytes before
 * a row stays in the memory: blocks start after its reserved first bytes.
 */
function regionBits(c: CodeWriter, l: RegionLocals, corner: number, rows: number, rowLen: number, rowBytes: number, head: number): void {
  forLoop(c, l.r, () => c.i32Const(0), () => c.localGet(rows), () => c.i32Const(1), () => {
    c.localGet(corner).localGet(l.r).localGet(rowBytes).i32Mul().i32Add().localGet(rowLen).i32Const(2).i32Shl().i32Add().localSet(l.rowEnd);
    // The first vector ends where the last whole group of 4 before rowEnd begins, or at rowEnd.
    c.localGet(l.rowEnd).localGet(rowLen).i32Const(3).i32Add().i32Const(2).i32ShrU().i32Const(4).i32Shl().i32Sub().localTee(l.chunk);
    c.v128Load().localGet(head).v128Load().v128And().localGet(l.bits).v128Or().localSet(l.bits);
    forLoop(c, l.chunk, () => c.localGet(l.chunk).i32Const(16).i32Add(), () => c.localGet(l.rowEnd), () => c.i32Const(16), () => {
      c.localGet(l.chunk).v128Load().localGet(l.bits).v128Or().localSet(l.bits);
    });
  });
}

/** The locals and parameters a walk over a convolution's output pixels (b, oy, ox) in order uses. */
interface PixelWalk {
  x: number; inH: number; inW: number; inC: number; outH: number; outW: number; sh: number; sw: number;
  b: number; oy: number; ox: number; pix: number;
  /** Bytes between the corners of two neighbouring pixels of a row (sw·inC·4), set by the caller. */
  stepBytes: number;
}

/** Emits code that sets b, oy, ox to flat output pixel `q` (pushed by `q`) and pix to its patch corner's byte address. */
function startWalk(c: CodeWriter, w: PixelWalk, q: () => void): void {
  q(); c.localGet(w.outH).localGet(w.outW).i32Mul().i32DivU().localSet(w.b);
  q(); c.localGet(w.b).localGet(w.outH).localGet(w.outW).i32Mul().i32Mul().i32Sub().localSet(w.ox);
  c.localGet(w.ox).localGet(w.outW).i32DivU().localSet(w.oy);
  c.localGet(w.ox).localGet(w.oy).localGet(w.outW).i32Mul().i32Sub().localSet(w.ox);
  corner(c, w);
}

function corner(c: CodeWriter, w: PixelWalk): void {
  c.localGet(w.b).localGet(w.inH).i32Mul().localGet(w.oy).localGet(w.sh).i32Mul().i32Add().localGet(w.inW).i32Mul()
    .localGet(w.ox).localGet(w.sw).i32Mul().i32Add().localGet(w.inC).i32Mul().i32Const(2).i32Shl().localGet(w.x).i32Add().localSet(w.pix);
}

/** Emits the step to the next pixel: along the row, wrapping to the next row and image. */
function stepWalk(c: CodeWriter, w: PixelWalk): void {
  c.localGet(w.ox).i32Const(1).i32Add().localTee(w.ox).localGet(w.outW).i32Eq().if();
  c.i32Const(0).localSet(w.ox);
  c.localGet(w.oy).i32Const(1).i32Add().localTee(w.oy).localGet(w.outH).i32Eq().if();
  c.i32Const(0).localSet(w.oy).localGet(w.b).i32Const(1).i32Add().localSet(w.b);
  c.end();
  corner(c, w);
  c.else();
  c.localGet(w.pix).localGet(w.stepBytes).i32Add().localSet(w.pix);
  c.end();
}

/**
 * live_pixels(x, head, kh, rowLen, inH, inW, inC, outH, outW, sh, sw, outC, kc, mPix, list, starts): the output
 * pixels whose patch has a bit set, in order, as pairs (corner byte address, pixel · outC · 4) at list, and at
 * starts[i] the index in that list of the first pixel of block i (kc pixels each), then the count after the last
 * block. A patch is kh rows of rowLen = kw·inC floats, read by regionBits (`head` its first vector's mask).
 */
function addLivePixels(m: ModuleBuilder): void {
  const f = new FunctionEmitter(i32Params(16));
  const [x, head, kh, rowLen, inH, inW, inC, outH, outW, sh, sw, outC, kc, mPix, list, starts] = Array.from({ length: 16 }, (_, i) => i);
  const [q, n, b, oy, ox, pix, stepBytes, blockEnd, rowBytes, at] = Array.from({ length: 10 }, () => f.local());
  const region = { bits: f.local(ValType.v128), r: f.local(), rowEnd: f.local(), chunk: f.local() };
  const w: PixelWalk = { x, inH, inW, inC, outH, outW, sh, sw, b, oy, ox, pix, stepBytes };
  const c = f.code;
  const one = (): void => { c.i32Const(1); };
  const setStart = (): void => {
    c.localGet(starts).localGet(q).localGet(kc).i32DivU().i32Const(2).i32Shl().i32Add().localGet(n).i32Store();
  };
  c.localGet(sw).localGet(inC).i32Mul().i32Const(2).i32Shl().localSet(stepBytes);
  c.localGet(inW).localGet(inC).i32Mul().i32Const(2).i32Shl().localSet(rowBytes);
  startWalk(c, w, () => c.i32Const(0));
  forLoop(c, q, () => c.i32Const(0), () => c.localGet(mPix), one, () => {
    c.localGet(q).localGet(blockEnd).i32Eq().if();
    setStart();
    c.localGet(blockEnd).localGet(kc).i32Add().localSet(blockEnd);
    c.end();
    c.v128Const0().localSet(region.bits);
    regionBits(c, region, pix, kh, rowLen, rowBytes, head);
    c.localGet(region.bits).v128AnyTrue().if();
    c.localGet(list).localGet(n).i32Const(3).i32Shl().i32Add().localTee(at).localGet(pix).i32Store();
    c.localGet(at).localGet(q).localGet(outC).i32Mul().i32Const(2).i32Shl().i32Store(4);
    c.localGet(n).i32Const(1).i32Add().localSet(n);
    c.end();
    stepWalk(c, w);
  });
  // The count after the last block, at its index (q = mPix rounded up to whole blocks).
  c.localGet(mPix).localGet(kc).i32Add().i32Const(1).i32Sub().localGet(kc).i32DivU().localGet(kc).i32Mul().localSet(q);
  setStart();
  f.addTo(m, 'live_pixels');
}

/**
 * conv_filter_direct(x, offs, k, inH, inW, inC, outH, outW, sh, sw, outC, kc, mPix, dy, dw, list, starts, t0, t1):
 * the filter gradient dw [k, outC] = colsᵀ · dy of a 'valid' convolution with cols read in place from x (no
 * im2col), over tiles t0..t1 of `tiling.rows` patch elements by DIRECT_CHANNELS channels. Along the mPix output
 * pixels it adds in blocks of kc, each block summed from 0 in pixel order and then stored (first block) or added
 * to the stored sum as old + block: the order and f32 operations of the blocked GEMM over im2col, so the same
 * bits. With a `list` from live_pixels (else 0), only the pixels in it are summed: the others' products are ±0
 * when dy is finite, and adding ±0 leaves a sum started at +0 as it is. Tiles are independent, so any split
 * across threads gives the same bits too.
 */
function addConvFilterDirect(m: ModuleBuilder, tiling: FilterTiling): void {
  const FILTER_ROWS = tiling.rows;
  const f = new FunctionEmitter(i32Params(19));
  const [x, offs, k, inH, inW, inC, outH, outW, sh, sw, outC, kc, mPix, dy, dw, list, starts, t0, t1] = Array.from({ length: 19 }, (_, i) => i);
  const [t, cBlocks, p0, c0, rows, qb, qEnd, q, b, oy, ox, pix, dyPtr, rowBytes, stepBytes, at, j, jEnd] = Array.from({ length: 18 }, () => f.local());
  const off = Array.from({ length: FILTER_ROWS }, () => f.local());
  const acc = Array.from({ length: FILTER_ROWS * 2 }, () => f.local(ValType.v128));
  const [d0, d1, a] = [f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.v128)];
  const w: PixelWalk = { x, inH, inW, inC, outH, outW, sh, sw, b, oy, ox, pix, stepBytes };
  const c = f.code;
  const one = (): void => { c.i32Const(1); };
  // acc += x(patch rows of pixel pix) · dy(the pixel's channels at dyPtr).
  const accumulate = (): void => {
    c.localGet(dyPtr).v128Load(0).localSet(d0);
    c.localGet(dyPtr).v128Load(16).localSet(d1);
    for (let r = 0; r < FILTER_ROWS; r++) {
      c.localGet(pix).localGet(off[r]).i32Add().v128Load32Splat().localSet(a);
      c.localGet(acc[2 * r]).localGet(a).localGet(d0).f32x4Mul().f32x4Add().localSet(acc[2 * r]);
      c.localGet(acc[2 * r + 1]).localGet(a).localGet(d1).f32x4Mul().f32x4Add().localSet(acc[2 * r + 1]);
    }
  };

  c.localGet(outC).i32Const(2).i32Shl().localSet(rowBytes);
  c.localGet(outC).i32Const(DIRECT_CHANNELS - 1).i32Add().i32Const(3).i32ShrU().localSet(cBlocks);
  c.localGet(sw).localGet(inC).i32Mul().i32Const(2).i32Shl().localSet(stepBytes);
  // Blocks of pixels outermost, so that a block of dy stays in L1 while every tile of this call reads it.
  forLoop(c, qb, () => c.i32Const(0), () => c.localGet(mPix), () => c.localGet(kc), () => {
    min(c, () => c.localGet(qb).localGet(kc).i32Add(), () => c.localGet(mPix));
    c.localSet(qEnd);
    forLoop(c, t, () => c.localGet(t0), () => c.localGet(t1), one, () => {
      c.localGet(t).localGet(cBlocks).i32DivU().i32Const(FILTER_ROWS).i32Mul().localSet(p0);
      c.localGet(t).localGet(t).localGet(cBlocks).i32DivU().localGet(cBlocks).i32Mul().i32Sub().i32Const(DIRECT_CHANNELS * 4).i32Mul().localSet(c0);
      min(c, () => c.i32Const(FILTER_ROWS), () => c.localGet(k).localGet(p0).i32Sub());
      c.localSet(rows);
      // The tile's patch offsets; rows past k repeat the last one and are not stored.
      for (let r = 0; r < FILTER_ROWS; r++) {
        c.localGet(offs);
        min(c, () => c.localGet(p0).i32Const(r).i32Add(), () => c.localGet(k).i32Const(1).i32Sub());
        c.i32Const(2).i32Shl().i32Add().i32Load().localSet(off[r]);
      }
      for (const v of acc) c.v128Const0().localSet(v);
      c.localGet(list).if();
      // The block's live pixels.
      c.localGet(starts).localGet(qb).localGet(kc).i32DivU().i32Const(2).i32Shl().i32Add().localTee(j).i32Load(4).localSet(jEnd);
      c.localGet(j).i32Load().localSet(j);
      forLoop(c, j, () => c.localGet(j), () => c.localGet(jEnd), one, () => {
        c.localGet(list).localGet(j).i32Const(3).i32Shl().i32Add().localTee(q).i32Load().localSet(pix);
        c.localGet(q).i32Load(4).localGet(dy).i32Add().localGet(c0).i32Add().localSet(dyPtr);
        accumulate();
      });
      c.else();
      // Every pixel of the block.
      startWalk(c, w, () => c.localGet(qb));
      c.localGet(dy).localGet(qb).localGet(rowBytes).i32Mul().i32Add().localGet(c0).i32Add().localSet(dyPtr);
      forLoop(c, q, () => c.localGet(qb), () => c.localGet(qEnd), one, () => {
        accumulate();
        c.localGet(dyPtr).localGet(rowBytes).i32Add().localSet(dyPtr);
        stepWalk(c, w);
      });
      c.end();
      // Store the block (first) or add it to what is stored (old + block), valid rows only.
      for (let r = 0; r < FILTER_ROWS; r++) {
        c.i32Const(r).localGet(rows).i32LtS().if();
        c.localGet(dw).localGet(p0).i32Const(r).i32Add().localGet(rowBytes).i32Mul().i32Add().localGet(c0).i32Add().localSet(at);
        for (const h of [0, 1]) {
          c.localGet(at).localGet(qb).if(ValType.v128);
          c.localGet(at).v128Load(16 * h).localGet(acc[2 * r + h]).f32x4Add();
          c.else().localGet(acc[2 * r + h]).end();
          c.v128Store(16 * h);
        }
        c.end();
      }
    });
  });
  f.addTo(m, tiling.fn);
}

export const CONV_DIRECT_EXPORTS = ['conv_direct', ...FILTER_TILINGS.map((t) => t.fn), 'live_pixels'] as const;

/** Adds conv_direct, the conv_filter_direct tilings and live_pixels (pointers are byte addresses; sizes and indices are elements). */
export function addConvDirectFunctions(m: ModuleBuilder): void {
  addConvDirect(m);
  for (const t of FILTER_TILINGS) addConvFilterDirect(m, t);
  addLivePixels(m);
}
