import { CodeWriter, ValType } from './code-writer';
import { floatRun, forLoop, FunctionEmitter, i32Params, min } from './emit-helpers';
import { emitListRows, emitRowsBlocks, emitRowsCompute, emitRowTile, ROW_TILE } from './gemm-rows-module';
import { ModuleBuilder, type MemoryLimits } from './module-builder';

const { i32, v128 } = ValType;

/** The shape of the register tile and how to multiply-add; each choice is a different module. */
export interface GemmKernelShape {
  /** Rows of C per tile (rows of packed A per panel). */
  mr: number;
  /** Columns of C per tile (columns of packed B per panel); a multiple of 4, one f32x4 per 4 columns. */
  nr: number;
  /** Use relaxed-SIMD fused multiply-add instead of f32x4.mul + f32x4.add. */
  fma: boolean;
}

/** The exported functions, by name; all pointers are byte addresses into the imported memory. */
export const GEMM_EXPORTS = ['pack_a', 'pack_b', 'compute', 'index_a', 'all_finite', 'list_rows', 'rows_compute', 'pack_b_rows', 'rows_blocks'] as const;
export type GemmExportName = (typeof GEMM_EXPORTS)[number];

/**
 * tile(aPtr, bPtr, kLen, cPtr, ldcBytes, mr, nr, add, scratch, bStepBytes, bias, act, idx): the register-tiled
 * micro-kernel; B's next k row is bStepBytes on (NR·4 in a packed panel, the row length when B is read in place).
 * Dense (idx unused): kLen k rows from aPtr and bPtr on. Sparse: kLen rows of A from aPtr on, compacted by
 * index_a, each to multiply the row of B that starts the byte offset read from idx (the next i32 each step) past
 * bPtr; the rows left out are all zero in A, and their products with a finite B would each add a zero (see compute).
 * With act 1 (linear) or 2 (relu) it finishes the tile as C = act(C + bias) (bias: the tile's first column's),
 * in registers for a full tile, through the epilogue function for an edge tile; the same f32 operations either way.
 * Holds an MR×NR block of C in MR·NR/4 v128 locals across the k loop, then stores it, or adds it to C when `add`.
 * A full tile goes straight to C with vector stores; an edge tile (mr < MR or nr < NR) goes through `scratch`
 * and only its valid corner is copied. Both paths do the same f32 additions, so every C element gets the same
 * result wherever the tile boundaries fall.
 */
function emitTile(shape: GemmKernelShape, epilogueIndex: number, sparse: boolean): { params: ValType[]; locals: ValType[]; code: CodeWriter } {
  const { mr: MR, nr: NR } = shape;
  const V = NR / 4;
  const [aPtr, bPtr, kLen, cPtr, ldc, mr, nr, add, scratch, bStep, bias, act, idx] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const acc = (r: number, v: number): number => 13 + r * V + v;
  const bv = (v: number): number => 13 + MR * V + v;
  const av = 13 + MR * V + V;
  const [rowPtr, i, j, cell, t, bRow] = [1, 2, 3, 4, 5, 6].map((x) => av + x);
  const params = new Array<ValType>(13).fill(i32);
  const locals = [...new Array<ValType>(MR * V + V + 1).fill(v128), i32, i32, i32, i32, ValType.f32, i32];
  const c = new CodeWriter();

  // Accumulators start at zero (locals are zero-initialised). One k step: V loads of B, then per row one
  // broadcast of A reused for all V vectors (re-loading it per vector made V8 spill accumulators).
  const step = (a: number, b: number): void => {
    for (let v = 0; v < V; v++) c.localGet(b).v128Load(16 * v).localSet(bv(v));
    for (let r = 0; r < MR; r++) {
      c.localGet(a).v128Load32Splat(4 * r).localSet(av);
      for (let v = 0; v < V; v++) {
        if (shape.fma) c.localGet(av).localGet(bv(v)).localGet(acc(r, v)).f32x4RelaxedMadd();
        else c.localGet(acc(r, v)).localGet(av).localGet(bv(v)).f32x4Mul().f32x4Add();
        c.localSet(acc(r, v));
      }
    }
  };
  if (sparse) {
    c.localGet(kLen).if().loop();
    c.localGet(idx).i32Load().localGet(bPtr).i32Add().localSet(bRow);
    step(aPtr, bRow);
    c.localGet(aPtr).i32Const(MR * 4).i32Add().localSet(aPtr);
    c.localGet(idx).i32Const(4).i32Add().localSet(idx);
    c.localGet(kLen).i32Const(1).i32Sub().localTee(kLen).brIf(0);
    c.end().end();
  } else {
    c.loop();
    step(aPtr, bPtr);
    c.localGet(aPtr).i32Const(MR * 4).i32Add().localSet(aPtr);
    c.localGet(bPtr).localGet(bStep).i32Add().localSet(bPtr);
    c.localGet(kLen).i32Const(1).i32Sub().localTee(kLen).brIf(0);
    c.end();
  }

  // Full tile, in registers: old C added first when `add` (old + acc, as before), then the epilogue
  // (acc + bias, then relu as pmax(v, 0)), then vector stores straight into C.
  const rows = (each: (r: number) => void): void => {
    c.localGet(cPtr).localSet(rowPtr);
    for (let r = 0; r < MR; r++) {
      each(r);
      if (r < MR - 1) c.localGet(rowPtr).localGet(ldc).i32Add().localSet(rowPtr);
    }
  };
  c.localGet(mr).i32Const(MR).i32Eq().localGet(nr).i32Const(NR).i32Eq().i32And().if();
  c.localGet(add).if();
  rows((r) => {
    for (let v = 0; v < V; v++) c.localGet(rowPtr).v128Load(16 * v).localGet(acc(r, v)).f32x4Add().localSet(acc(r, v));
  });
  c.end();
  c.localGet(act).if();
  for (let v = 0; v < V; v++) c.localGet(bias).v128Load(16 * v).localSet(bv(v));
  for (let r = 0; r < MR; r++) for (let v = 0; v < V; v++) c.localGet(acc(r, v)).localGet(bv(v)).f32x4Add().localSet(acc(r, v));
  c.localGet(act).i32Const(2).i32Eq().if();
  for (let r = 0; r < MR; r++) for (let v = 0; v < V; v++) c.localGet(acc(r, v)).v128Const0().f32x4Pmax().localSet(acc(r, v));
  c.end();
  c.end();
  rows((r) => {
    for (let v = 0; v < V; v++) c.localGet(rowPtr).localGet(acc(r, v)).v128Store(16 * v);
  });
  c.else();
  // Edge tile: spill to scratch, then copy the valid mr×nr corner element by element.
  for (let r = 0; r < MR; r++) for (let v = 0; v < V; v++) c.localGet(scratch).localGet(acc(r, v)).v128Store((r * NR + v * 4) * 4);
  forLoop(c, i, () => c.i32Const(0), () => c.localGet(mr), () => c.i32Const(1), () => {
    c.localGet(cPtr).localGet(i).localGet(ldc).i32Mul().i32Add().localSet(rowPtr);
    forLoop(c, j, () => c.i32Const(0), () => c.localGet(nr), () => c.i32Const(1), () => {
      // Address, then select(old + t, t, add): the same f32 addition the vector path does.
      c.localGet(rowPtr).localGet(j).i32Const(2).i32Shl().i32Add().localTee(cell);
      c.localGet(scratch).localGet(i).i32Const(NR).i32Mul().localGet(j).i32Add().i32Const(2).i32Shl().i32Add().f32Load().localSet(t);
      c.localGet(cell).f32Load().localGet(t).f32Add().localGet(t).localGet(add).select();
      c.f32Store();
    });
  });
  c.localGet(act).if();
  c.localGet(cPtr).localGet(ldc).localGet(mr).localGet(nr).localGet(bias).localGet(act).i32Const(2).i32Eq().call(epilogueIndex);
  c.end();
  c.end();
  return { params, locals, code: c };
}

/**
 * epilogue(cPtr, ldcBytes, mr, nr, bias, relu): C[i, j] = act(C[i, j] + bias[j]) over an mr×nr edge tile just
 * stored (still in L1), with the f32 operations of bias_act and its JS twin, so a fused product gives the same
 * bits as the product followed by bias_act. `bias` points at the tile's first column's bias.
 */
function emitEpilogue(): FunctionEmitter {
  const f = new FunctionEmitter(i32Params(6));
  const [cPtr, ldc, mr, nr, bias, relu] = [0, 1, 2, 3, 4, 5];
  const [i, at, rowBytes, t] = [f.local(), f.local(), f.local(), f.local(ValType.f32)];
  const c = f.code;
  c.localGet(nr).i32Const(4).i32Mul().localSet(rowBytes);
  const rows = (withRelu: boolean): void => forLoop(c, i, () => c.i32Const(0), () => c.localGet(mr), () => c.i32Const(1), () => {
    floatRun(c, at, () => c.localGet(rowBytes), () => {
      c.localGet(cPtr).localGet(at).i32Add();
      c.localGet(cPtr).localGet(at).i32Add().v128Load().localGet(bias).localGet(at).i32Add().v128Load().f32x4Add();
      if (withRelu) c.v128Const0().f32x4Pmax();
      c.v128Store();
    }, () => {
      c.localGet(cPtr).localGet(at).i32Add().f32Load().localGet(bias).localGet(at).i32Add().f32Load().f32Add().localSet(t);
      c.localGet(cPtr).localGet(at).i32Add();
      if (withRelu) c.f32Const(0).localGet(t).localGet(t).f32Const(0).f32Lt().select();
      else c.localGet(t);
      c.f32Store();
    });
    c.localGet(cPtr).localGet(ldc).i32Add().localSet(cPtr);
  });
  c.localGet(relu).if();
  rows(true);
  c.else();
  rows(false);
  c.end();
  return f;
}

/**
 * compute(aPack, b, c, ldcBytes, m, n, k, accumulate, rp0, rp1, cp0, cp1, kc, mcPanels, scratch, bPanelBytes, bStepBytes,
 * bias, act, idx, aSparse):
 * C[rows of panels rp0..rp1, columns of panels cp0..cp1] = A·B (+= when accumulate) from packed A panels and B,
 * where B panel jp's row p starts at b + jp·bPanelBytes + p·bStepBytes: packed panels (k·NR·4, NR·4), or B itself
 * read in place when it is row-major with whole panels (NR·4, n·4), which saves packing it. With act 1 (linear)
 * or 2 (relu), each tile of the last k block is finished by the epilogue, C = act(C + bias) (bias: n floats).
 * Goto-style loop order: k blocks of `kc` (a KC×NR strip of B stays in L1), then blocks of `mcPanels` A panels
 * (kept in L2), then B panels, then A panels. k-blocks after the first add to C, in the same order for any
 * split of the panel ranges, which keeps results identical across thread counts.
 * idx (0 for none): index_a's lists of A's nonzero k rows, panel by panel, and aSparse the panels holding those
 * rows only; a tile whose k block has at least one all-zero row in eight takes the sparse micro-kernel over them. The caller passes idx
 * only when B is finite: then each skipped product is ±0, and adding ±0 leaves every partial sum as it was (a
 * sum that starts at +0 never becomes -0), so both micro-kernels give the same bits.
 */
function emitCompute(shape: GemmKernelShape, tileIndex: number, sparseTileIndex: number): { params: ValType[]; locals: ValType[]; code: CodeWriter } {
  const { mr: MR, nr: NR } = shape;
  const [aPack, bPack, cBase, ldc, m, n, k, accumulate, rp0, rp1, cp0, cp1, kc, mcP, scratch, bPanel, bStep, bias, act, idx, aSparse] =
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
  const [pc, kLen, add, ib, ie, jp, ip, bPtr, nr, epi, cTile, list, t0, cnt, stride] = [21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35];
  const params = new Array<ValType>(21).fill(i32);
  const locals = new Array<ValType>(15).fill(i32);
  const c = new CodeWriter();
  const get = (x: number) => () => { c.localGet(x); };

  indexStride(c, k, kc);
  c.localSet(stride);
  forLoop(c, pc, () => c.i32Const(0), get(k), get(kLen), () => {
    min(c, get(kc), () => c.localGet(k).localGet(pc).i32Sub());
    c.localSet(kLen);
    c.localGet(accumulate).localGet(pc).i32Const(0).i32Ne().i32Or().localSet(add);
    // The epilogue runs on the last k block only, once C holds the whole product.
    c.localGet(act).i32Const(0).i32Ne().localGet(pc).localGet(kLen).i32Add().localGet(k).i32Eq().i32And().localSet(epi);
    forLoop(c, ib, get(rp0), get(rp1), () => c.localGet(ie).localGet(ib).i32Sub(), () => {
      min(c, () => c.localGet(ib).localGet(mcP).i32Add(), get(rp1));
      c.localSet(ie);
      forLoop(c, jp, get(cp0), get(cp1), () => c.i32Const(1), () => {
        c.localGet(bPack).localGet(jp).localGet(bPanel).i32Mul().i32Add().localGet(pc).localGet(bStep).i32Mul().i32Add().localSet(bPtr);
        min(c, () => c.i32Const(NR), () => c.localGet(n).localGet(jp).i32Const(NR).i32Mul().i32Sub());
        c.localSet(nr);
        forLoop(c, ip, get(ib), get(ie), () => c.i32Const(1), () => {
          c.localGet(cBase).localGet(ip).i32Const(MR).i32Mul().localGet(ldc).i32Mul().i32Add()
            .localGet(jp).i32Const(NR * 4).i32Mul().i32Add().localSet(cTile);
          // This panel's list and this k block's stretch of it: [block starts..., nonzero rows...] (index_a).
          c.i32Const(0).localSet(cnt);
          c.localGet(idx).if();
          c.localGet(idx).localGet(ip).localGet(stride).i32Mul().i32Add().localTee(list);
          c.localGet(pc).localGet(kc).i32DivU().i32Const(2).i32Shl().i32Add().localTee(t0).i32Load(4);
          c.localGet(t0).i32Load().localTee(t0).i32Sub().localSet(cnt);
          c.localGet(list).localGet(k).localGet(kc).i32Add().i32Const(1).i32Sub().localGet(kc).i32DivU().i32Const(1).i32Add()
            .localGet(t0).i32Add().i32Const(2).i32Shl().i32Add().localSet(list);
          c.end();
          const rest = (): void => {
            c.localGet(cTile).localGet(ldc);
            min(c, () => c.i32Const(MR), () => c.localGet(m).localGet(ip).i32Const(MR).i32Mul().i32Sub());
            c.localGet(nr).localGet(add).localGet(scratch).localGet(bStep);
            c.localGet(bias).localGet(jp).i32Const(NR * 4).i32Mul().i32Add();
            c.localGet(act).i32Const(0).localGet(epi).select();
          };
          // Sparse when the block has at least one zero row in eight: cnt·8 ≤ kLen·7.
          c.localGet(idx).i32Const(0).i32Ne().localGet(cnt).i32Const(3).i32Shl().localGet(kLen).i32Const(7).i32Mul().i32LeS().i32And().if();
          c.localGet(aSparse).localGet(ip).localGet(k).i32Mul().localGet(t0).i32Add().i32Const(MR * 4).i32Mul().i32Add();
          c.localGet(bPack).localGet(jp).localGet(bPanel).i32Mul().i32Add().localGet(cnt);
          rest();
          c.localGet(list).call(sparseTileIndex);
          c.else();
          c.localGet(aPack).localGet(ip).localGet(k).i32Mul().localGet(pc).i32Add().i32Const(MR * 4).i32Mul().i32Add();
          c.localGet(bPtr).localGet(kLen);
          rest();
          c.i32Const(0).call(tileIndex);
          c.end();
        });
      });
    });
  });
  return { params, locals, code: c };
}

/** Pushes the bytes per A panel of index_a's lists: (⌈k/kc⌉ + 1 block starts + k rows)·4. */
function indexStride(c: CodeWriter, k: number, kc: number): void {
  c.localGet(k).localGet(kc).i32Add().i32Const(1).i32Sub().localGet(kc).i32DivU().i32Const(1).i32Add().localGet(k).i32Add().i32Const(2).i32Shl();
}

/**
 * index_a(aPack, k, kc, panel0, panel1, idx, aSparse, bStepBytes): for each packed A panel of MR rows, at
 * idx + panel·stride (see indexStride), the start of each k block's stretch in the list (⌈k/kc⌉ + 1 entries, the
 * last the count), then for each k row where the panel's MR values are not all +0 (bit patterns, so -0 counts
 * as nonzero), in ascending order, the byte offset of B's row k (k·bStepBytes); that row of A is copied to
 * aSparse, panel p's t-th listed row at aSparse + (p·k + t)·MR·4. Branch-free: every row is written at the
 * count, and the count advances only past nonzero rows.
 */
function emitIndexA(shape: GemmKernelShape): FunctionEmitter {
  const MR = shape.mr;
  const f = new FunctionEmitter(i32Params(8));
  const [aPack, k, kc, panel0, panel1, idx, aSparse, bStep] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [panel, stride, nb, base, list, count, kb, p, pe, row, out, dst] = Array.from({ length: 12 }, () => f.local());
  const c = f.code;
  const one = (): void => { c.i32Const(1); };
  const groups = Math.floor(MR / 4);
  c.localGet(k).localGet(kc).i32Add().i32Const(1).i32Sub().localGet(kc).i32DivU().localSet(nb);
  indexStride(c, k, kc);
  c.localSet(stride);
  forLoop(c, panel, () => c.localGet(panel0), () => c.localGet(panel1), one, () => {
    c.localGet(idx).localGet(panel).localGet(stride).i32Mul().i32Add().localTee(base);
    c.localGet(nb).i32Const(1).i32Add().i32Const(2).i32Shl().i32Add().localSet(list);
    c.i32Const(0).localSet(count);
    c.localGet(panel).localGet(k).i32Mul().i32Const(MR * 4).i32Mul().localTee(row).localGet(aSparse).i32Add().localSet(out);
    c.localGet(row).localGet(aPack).i32Add().localSet(row);
    forLoop(c, kb, () => c.i32Const(0), () => c.localGet(nb), one, () => {
      c.localGet(base).localGet(kb).i32Const(2).i32Shl().i32Add().localGet(count).i32Store();
      min(c, () => c.localGet(k), () => c.localGet(kb).i32Const(1).i32Add().localGet(kc).i32Mul());
      c.localSet(pe);
      forLoop(c, p, () => c.localGet(kb).localGet(kc).i32Mul(), () => c.localGet(pe), one, () => {
        c.localGet(list).localGet(count).i32Const(2).i32Shl().i32Add().localGet(p).localGet(bStep).i32Mul().i32Store();
        c.localGet(out).localGet(count).i32Const(MR * 4).i32Mul().i32Add().localSet(dst);
        for (let g = 0; g < groups; g++) c.localGet(dst).localGet(row).v128Load(16 * g).v128Store(16 * g);
        for (let r = 4 * groups; r < MR; r++) c.localGet(dst).localGet(row).i32Load(4 * r).i32Store(4 * r);
        c.localGet(count);
        for (let g = 0; g < groups; g++) {
          c.localGet(row).v128Load(16 * g);
          if (g > 0) c.v128Or();
        }
        if (groups > 0) c.v128AnyTrue();
        for (let r = 4 * groups; r < MR; r++) {
          c.localGet(row).i32Load(4 * r);
          if (r > 0) c.i32Or();
        }
        if (MR % 4 !== 0) c.i32Const(0).i32Ne();
        c.i32Add().localSet(count);
        c.localGet(row).i32Const(MR * 4).i32Add().localSet(row);
      });
    });
    c.localGet(base).localGet(nb).i32Const(2).i32Shl().i32Add().localGet(count).i32Store();
  });
  return f;
}

/**
 * all_finite(ptr, out, i0, i1): stores 0 at out when a float of ptr[i0, i1) is ±Infinity or NaN, else leaves
 * out as it is (the caller stores 1 first; chunks run on several threads then only ever store the same 0).
 * x - x is 0 for a finite x and NaN otherwise; the running sums of those are NaN exactly when one was not finite.
 * Four sums, 64 bytes a step, so that the adds do not wait on each other.
 */
function emitAllFinite(): FunctionEmitter {
  const f = new FunctionEmitter(i32Params(4));
  const [ptr, out, i0, i1] = [0, 1, 2, 3];
  const [at, len] = [f.local(), f.local()];
  const sums = [f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.v128), f.local(ValType.v128)];
  const [x, s] = [f.local(ValType.v128), f.local(ValType.f32)];
  const c = f.code;
  const step = (sum: number, offset: number): void => {
    c.localGet(ptr).localGet(at).i32Add().v128Load(offset).localTee(x).localGet(x).f32x4Sub().localGet(sum).f32x4Add().localSet(sum);
  };
  c.localGet(ptr).localGet(i0).i32Const(2).i32Shl().i32Add().localSet(ptr);
  c.localGet(i1).localGet(i0).i32Sub().i32Const(2).i32Shl().localSet(len);
  // 64 bytes while at + 64 <= len, then 16 while at + 16 <= len, then 4.
  forLoop(c, at, () => c.i32Const(0), () => c.localGet(len).i32Const(63).i32Sub(), () => c.i32Const(64), () => sums.forEach((sum, i) => step(sum, 16 * i)));
  forLoop(c, at, () => c.localGet(at), () => c.localGet(len).i32Const(15).i32Sub(), () => c.i32Const(16), () => step(sums[0], 0));
  forLoop(c, at, () => c.localGet(at), () => c.localGet(len), () => c.i32Const(4), () => {
    c.localGet(ptr).localGet(at).i32Add().f32Load().localTee(s).localGet(s).f32Sub().f32x4Splat().localGet(sums[1]).f32x4Add().localSet(sums[1]);
  });
  c.localGet(sums[0]).localGet(sums[1]).f32x4Add().localGet(sums[2]).localGet(sums[3]).f32x4Add().f32x4Add().localTee(x);
  c.localGet(x).f32x4Eq().i32x4AllTrue().i32Eqz().if();
  c.localGet(out).i32Const(0).i32Store();
  c.end();
  return f;
}

/**
 * pack(src, dst, rows, k, rowStrideBytes, kStrideBytes, panel0, panel1): copies panels panel0..panel1 of
 * W rows each into dst as [k][W] blocks (panel p at dst + p·k·W·4), zero-padding rows past `rows`.
 * Element (row r, step p) is read at src + r·rowStride + p·kStride, which covers both transposes.
 * Full panels (W a multiple of 4) take a vector path: a straight v128 copy when the W rows of one step are
 * contiguous (rowStride 4), a 4×4 transpose by shuffles when each row is contiguous along k (kStride 4).
 * Whatever the vector path leaves (edge panels, the k % 4 tail) is copied one element at a time.
 */
function emitPack(W: number): { params: ValType[]; locals: ValType[]; code: CodeWriter } {
  const [src, dst, rows, k, rs, ps, panel0, panel1] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [panel, p, dPtr, sPtr, valid] = [8, 9, 10, 11, 12];
  const row = (i: number): number => 13 + i; // v128: four rows of a 4×4 block
  const params = new Array<ValType>(8).fill(i32);
  const locals = [...new Array<ValType>(5).fill(i32), v128, v128, v128, v128];
  const c = new CodeWriter();
  const one = () => { c.i32Const(1); };
  const advance = (steps: number): void => {
    c.localGet(dPtr).i32Const(steps * W * 4).i32Add().localSet(dPtr);
    c.localGet(sPtr).localGet(ps).i32Const(steps).i32Mul().i32Add().localSet(sPtr);
  };

  forLoop(c, panel, () => c.localGet(panel0), () => c.localGet(panel1), one, () => {
    c.localGet(dst).localGet(panel).localGet(k).i32Mul().i32Const(W * 4).i32Mul().i32Add().localSet(dPtr);
    min(c, () => c.i32Const(W), () => c.localGet(rows).localGet(panel).i32Const(W).i32Mul().i32Sub());
    c.localSet(valid);
    c.localGet(src).localGet(panel).i32Const(W).i32Mul().localGet(rs).i32Mul().i32Add().localSet(sPtr);
    c.i32Const(0).localSet(p);
    if (W % 4 === 0) {
      c.localGet(valid).i32Const(W).i32Eq().if();
      c.localGet(rs).i32Const(4).i32Eq().if();
      forLoop(c, p, () => c.i32Const(0), () => c.localGet(k), one, () => {
        for (let v = 0; v < W / 4; v++) c.localGet(dPtr).localGet(sPtr).v128Load(16 * v).v128Store(16 * v);
        advance(1);
      });
      c.else().localGet(ps).i32Const(4).i32Eq().if();
      // Four k steps at a time while at least four remain: p + 4 <= k, i.e. p < k - 3.
      forLoop(c, p, () => c.i32Const(0), () => c.localGet(k).i32Const(3).i32Sub(), () => c.i32Const(4), () => {
        for (let g = 0; g < W / 4; g++) {
          for (let i = 0; i < 4; i++) c.localGet(sPtr).localGet(rs).i32Const(4 * g + i).i32Mul().i32Add().v128Load().localSet(row(i));
          // Interleave rows pairwise, then pairs of pairs: column q of the block becomes vector q.
          const pair = (x: number, y: number, hi: boolean): void => {
            c.localGet(row(x)).localGet(row(y));
            if (hi) c.i32x4Shuffle(2, 6, 3, 7);
            else c.i32x4Shuffle(0, 4, 1, 5);
          };
          for (const [q, hi, lanes] of [[0, false, [0, 1, 4, 5]], [1, false, [2, 3, 6, 7]], [2, true, [0, 1, 4, 5]], [3, true, [2, 3, 6, 7]]] as const) {
            c.localGet(dPtr);
            pair(0, 1, hi);
            pair(2, 3, hi);
            c.i32x4Shuffle(lanes[0], lanes[1], lanes[2], lanes[3]).v128Store((q * W + 4 * g) * 4);
          }
        }
        advance(4);
      });
      c.end().end().end();
    }
    forLoop(c, p, () => c.localGet(p), () => c.localGet(k), one, () => {
      for (let r = 0; r < W; r++) {
        c.localGet(dPtr);
        c.i32Const(r).localGet(valid).i32LtS().if(ValType.f32);
        c.localGet(sPtr).localGet(rs).i32Const(r).i32Mul().i32Add().f32Load();
        c.else().f32Const(0).end();
        c.f32Store(4 * r);
      }
      advance(1);
    });
  });
  return { params, locals, code: c };
}

/** Checks the tile shape, then adds the GEMM functions to `m`, exported as GEMM_EXPORTS name them. */
export function addGemmFunctions(m: ModuleBuilder, shape: GemmKernelShape): void {
  if (shape.nr % 4 !== 0 || shape.nr <= 0 || shape.mr <= 0) throw new Error(`buildGemmModule: nr must be a positive multiple of 4, got mr=${shape.mr} nr=${shape.nr}`);
  const epilogue = emitEpilogue();
  const epilogueIndex = m.addFunction(epilogue.params, [], epilogue.locals, epilogue.code);
  const tile = emitTile(shape, epilogueIndex, false);
  const tileIndex = m.addFunction(tile.params, [], tile.locals, tile.code);
  const sparseTile = emitTile(shape, epilogueIndex, true);
  const sparseTileIndex = m.addFunction(sparseTile.params, [], sparseTile.locals, sparseTile.code);
  const packA = emitPack(shape.mr);
  m.addFunction(packA.params, [], packA.locals, packA.code, 'pack_a');
  const packB = emitPack(shape.nr);
  m.addFunction(packB.params, [], packB.locals, packB.code, 'pack_b');
  const compute = emitCompute(shape, tileIndex, sparseTileIndex);
  m.addFunction(compute.params, [], compute.locals, compute.code, 'compute');
  emitIndexA(shape).addTo(m, 'index_a');
  const finiteIndex = emitAllFinite().addTo(m, 'all_finite');
  // The row-sparse path (gemm-rows-module.ts): lists, its tile, and B packed into ROW_TILE-wide panels.
  const listIndex = emitListRows().addTo(m, 'list_rows');
  const rowTile = emitRowTile(epilogueIndex);
  const rowTileIndex = m.addFunction(rowTile.params, [], rowTile.locals, rowTile.code);
  const computeIndex = emitRowsCompute(rowTileIndex).addTo(m, 'rows_compute');
  const packRows = emitPack(ROW_TILE);
  m.addFunction(packRows.params, [], packRows.locals, packRows.code, 'pack_b_rows');
  emitRowsBlocks(listIndex, computeIndex, finiteIndex).addTo(m, 'rows_blocks');
}

/** Builds the GEMM module for one tile shape over an imported memory `env.memory`. */
export function buildGemmModule(shape: GemmKernelShape, memory: MemoryLimits): Uint8Array<ArrayBuffer> {
  const m = new ModuleBuilder().importMemory('env', 'memory', memory);
  addGemmFunctions(m, shape);
  return m.build();
}
