import { CodeWriter, ValType } from './code-writer';
import { floatRun, forLoop, FunctionEmitter, i32Params, min } from './emit-helpers';
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
export const GEMM_EXPORTS = ['pack_a', 'pack_b', 'compute'] as const;
export type GemmExportName = (typeof GEMM_EXPORTS)[number];

/**
 * tile(aPtr, bPtr, kLen, cPtr, ldcBytes, mr, nr, add, scratch, bStepBytes, bias, act): the register-tiled
 * micro-kernel; B's next k row is bStepBytes on (NR·4 in a packed panel, the row length when B is read in place).
 * With act 1 (linear) or 2 (relu) it finishes the tile as C = act(C + bias) (bias: the tile's first column's),
 * in registers for a full tile, through the epilogue function for an edge tile; the same f32 operations either way.
 * Holds an MR×NR block of C in MR·NR/4 v128 locals across the k loop, then stores it, or adds it to C when `add`.
 * A full tile goes straight to C with vector stores; an edge tile (mr < MR or nr < NR) goes through `scratch`
 * and only its valid corner is copied. Both paths do the same f32 additions, so every C element gets the same
 * result wherever the tile boundaries fall.
 */
function emitTile(shape: GemmKernelShape, epilogueIndex: number): { params: ValType[]; locals: ValType[]; code: CodeWriter } {
  const { mr: MR, nr: NR } = shape;
  const V = NR / 4;
  const [aPtr, bPtr, kLen, cPtr, ldc, mr, nr, add, scratch, bStep, bias, act] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const acc = (r: number, v: number): number => 12 + r * V + v;
  const bv = (v: number): number => 12 + MR * V + v;
  const av = 12 + MR * V + V;
  const [rowPtr, i, j, cell, t] = [1, 2, 3, 4, 5].map((x) => av + x);
  const params = new Array<ValType>(12).fill(i32);
  const locals = [...new Array<ValType>(MR * V + V + 1).fill(v128), i32, i32, i32, i32, ValType.f32];
  const c = new CodeWriter();

  // Accumulators start at zero (locals are zero-initialised). One k step: V loads of B, then per row one
  // broadcast of A reused for all V vectors (re-loading it per vector made V8 spill accumulators).
  c.loop();
  for (let v = 0; v < V; v++) c.localGet(bPtr).v128Load(16 * v).localSet(bv(v));
  for (let r = 0; r < MR; r++) {
    c.localGet(aPtr).v128Load32Splat(4 * r).localSet(av);
    for (let v = 0; v < V; v++) {
      if (shape.fma) c.localGet(av).localGet(bv(v)).localGet(acc(r, v)).f32x4RelaxedMadd();
      else c.localGet(acc(r, v)).localGet(av).localGet(bv(v)).f32x4Mul().f32x4Add();
      c.localSet(acc(r, v));
    }
  }
  c.localGet(aPtr).i32Const(MR * 4).i32Add().localSet(aPtr);
  c.localGet(bPtr).localGet(bStep).i32Add().localSet(bPtr);
  c.localGet(kLen).i32Const(1).i32Sub().localTee(kLen).brIf(0);
  c.end();

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
 * bias, act):
 * C[rows of panels rp0..rp1, columns of panels cp0..cp1] = A·B (+= when accumulate) from packed A panels and B,
 * where B panel jp's row p starts at b + jp·bPanelBytes + p·bStepBytes: packed panels (k·NR·4, NR·4), or B itself
 * read in place when it is row-major with whole panels (NR·4, n·4), which saves packing it. With act 1 (linear)
 * or 2 (relu), each tile of the last k block is finished by the epilogue, C = act(C + bias) (bias: n floats).
 * Goto-style loop order: k blocks of `kc` (a KC×NR strip of B stays in L1), then blocks of `mcPanels` A panels
 * (kept in L2), then B panels, then A panels. k-blocks after the first add to C, in the same order for any
 * split of the panel ranges, which keeps results identical across thread counts.
 */
function emitCompute(shape: GemmKernelShape, tileIndex: number): { params: ValType[]; locals: ValType[]; code: CodeWriter } {
  const { mr: MR, nr: NR } = shape;
  const [aPack, bPack, cBase, ldc, m, n, k, accumulate, rp0, rp1, cp0, cp1, kc, mcP, scratch, bPanel, bStep, bias, act] =
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
  const [pc, kLen, add, ib, ie, jp, ip, bPtr, nr, epi, cTile] = [19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29];
  const params = new Array<ValType>(19).fill(i32);
  const locals = new Array<ValType>(11).fill(i32);
  const c = new CodeWriter();
  const get = (x: number) => () => { c.localGet(x); };

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
          c.localGet(aPack).localGet(ip).localGet(k).i32Mul().localGet(pc).i32Add().i32Const(MR * 4).i32Mul().i32Add();
          c.localGet(bPtr).localGet(kLen);
          c.localGet(cTile);
          c.localGet(ldc);
          min(c, () => c.i32Const(MR), () => c.localGet(m).localGet(ip).i32Const(MR).i32Mul().i32Sub());
          c.localGet(nr).localGet(add).localGet(scratch).localGet(bStep);
          c.localGet(bias).localGet(jp).i32Const(NR * 4).i32Mul().i32Add();
          c.localGet(act).i32Const(0).localGet(epi).select();
          c.call(tileIndex);
        });
      });
    });
  });
  return { params, locals, code: c };
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
  const tile = emitTile(shape, epilogueIndex);
  const tileIndex = m.addFunction(tile.params, [], tile.locals, tile.code);
  const packA = emitPack(shape.mr);
  m.addFunction(packA.params, [], packA.locals, packA.code, 'pack_a');
  const packB = emitPack(shape.nr);
  m.addFunction(packB.params, [], packB.locals, packB.code, 'pack_b');
  const compute = emitCompute(shape, tileIndex);
  m.addFunction(compute.params, [], compute.locals, compute.code, 'compute');
}

/** Builds the GEMM module for one tile shape over an imported memory `env.memory`. */
export function buildGemmModule(shape: GemmKernelShape, memory: MemoryLimits): Uint8Array<ArrayBuffer> {
  const m = new ModuleBuilder().importMemory('env', 'memory', memory);
  addGemmFunctions(m, shape);
  return m.build();
}
