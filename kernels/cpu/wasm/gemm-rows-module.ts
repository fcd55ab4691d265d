import { ValType } from './code-writer';
import { forLoop, FunctionEmitter, i32Params, min } from './emit-helpers';

const { v128, f32 } = ValType;

/**
 * The row-sparse GEMM: C = op(A)·B where each row of op(A) is first listed as its nonzero (value, k) pairs, and a
 * 1 × ROW_TILE register tile of C sums value · B[k, j0 .. j0 + ROW_TILE) over the list. It does the products of
 * op(A)'s nonzero elements only, where the 4×8 micro-kernel's skip (index_a) needs a whole k row of a 4-row panel
 * to be zero. B is read in place when it is row-major with whole tiles, else from pack_b_rows's ROW_TILE-wide panels.
 */
export const ROW_TILE = 32;
/** Bytes per listed element: its value (f32), then the byte offset of B's row k from the tile's panel (i32). */
export const ROW_ENTRY_BYTES = 8;

/**
 * list_rows(a, k, rs, ps, kc, bStep, r0, r1, lists, starts): for rows r0..r1 of op(A) (element (r, p) at
 * a + r·rs + p·ps), writes the elements that are not ±0, in ascending p, as (value, p·bStep) pairs at
 * lists + r·k·8, and at starts + r·(⌈k/kc⌉ + 1)·4 the index of each kc block's first pair, then the count.
 * NaN and ±Infinity are listed (their products are not zeros). Branch-free: every element is written at the
 * count, and the count advances only past a listed one. Four elements come from one vector load where they are
 * adjacent: four p of a row when ps is 4 (A row-major), else the same p of four rows when rs is 4 (Aᵀ).
 */
export function emitListRows(): FunctionEmitter {
  const f = new FunctionEmitter(i32Params(10));
  const [a, k, rs, ps, kc, bStep, r0, r1, lists, starts] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [r, nb, src, kb, p, p0, pe, off, stride] = Array.from({ length: 9 }, () => f.local());
  const e = [f.local(), f.local(), f.local(), f.local()];
  const base = [f.local(), f.local(), f.local(), f.local()];
  const v = f.local(f32);
  const vec = f.local(v128);
  const c = f.code;
  const one = (): void => { c.i32Const(1); };
  /** Writes value `push()` with offset `off` at e[l] and advances e[l] past it unless the value is ±0. */
  const entry = (l: number, push: () => void): void => {
    c.localGet(e[l]);
    push();
    c.localTee(v).f32Store();
    c.localGet(e[l]).localGet(off).i32Store(4);
    c.localGet(e[l]).localGet(v).f32Const(0).f32Ne().i32Const(3).i32Shl().i32Add().localSet(e[l]);
  };
  /** Stores row (r + l)'s count at its starts entry `slot`. */
  const storeCount = (l: number, slot: () => void): void => {
    c.localGet(starts).localGet(r).i32Const(l).i32Add().localGet(stride).i32Mul();
    slot();
    c.i32Add().i32Const(2).i32Shl().i32Add();
    c.localGet(e[l]).localGet(base[l]).i32Sub().i32Const(3).i32ShrU().i32Store();
  };
  /** Sets up the lists of rows r .. r + count - 1 (src at row r, offsets from 0). */
  const beginRows = (count: number): void => {
    c.localGet(a).localGet(r).localGet(rs).i32Mul().i32Add().localSet(src);
    for (let l = 0; l < count; l++) {
      c.localGet(lists).localGet(r).i32Const(l).i32Add().localGet(k).i32Mul().i32Const(ROW_ENTRY_BYTES).i32Mul().i32Add().localTee(base[l]).localSet(e[l]);
    }
    c.i32Const(0).localSet(off);
  };
  /** For each kc block: the rows' starts, then `body` over the block's p in [p0, pe). */
  const blocks = (count: number, body: () => void): void => {
    forLoop(c, kb, () => c.i32Const(0), () => c.localGet(nb), one, () => {
      for (let l = 0; l < count; l++) storeCount(l, () => c.localGet(kb));
      c.localGet(kb).localGet(kc).i32Mul().localSet(p0);
      min(c, () => c.localGet(k), () => c.localGet(p0).localGet(kc).i32Add());
      c.localSet(pe);
      body();
    });
    for (let l = 0; l < count; l++) storeCount(l, () => c.localGet(nb));
  };
  c.localGet(k).localGet(kc).i32Add().i32Const(1).i32Sub().localGet(kc).i32DivU().localTee(nb).i32Const(1).i32Add().localSet(stride);
  c.localGet(r0).localSet(r);
  // Aᵀ: four rows at a time while four are left, one vector of them per p.
  c.localGet(rs).i32Const(4).i32Eq().localGet(ps).i32Const(4).i32Ne().i32And().if();
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1).i32Const(3).i32Sub(), () => c.i32Const(4), () => {
    beginRows(4);
    blocks(4, () => forLoop(c, p, () => c.localGet(p0), () => c.localGet(pe), one, () => {
      c.localGet(src).v128Load().localSet(vec);
      for (let l = 0; l < 4; l++) entry(l, () => c.localGet(vec).f32x4ExtractLane(l));
      c.localGet(src).localGet(ps).i32Add().localSet(src);
      c.localGet(off).localGet(bStep).i32Add().localSet(off);
    }));
  });
  c.end();
  // The other rows one at a time; four p per vector when the row is contiguous.
  forLoop(c, r, () => c.localGet(r), () => c.localGet(r1), one, () => {
    beginRows(1);
    blocks(1, () => {
      c.localGet(p0).localSet(p);
      c.localGet(ps).i32Const(4).i32Eq().if();
      forLoop(c, p, () => c.localGet(p0), () => c.localGet(pe).i32Const(3).i32Sub(), () => c.i32Const(4), () => {
        c.localGet(src).v128Load().localSet(vec);
        for (let l = 0; l < 4; l++) {
          entry(0, () => c.localGet(vec).f32x4ExtractLane(l));
          c.localGet(off).localGet(bStep).i32Add().localSet(off);
        }
        c.localGet(src).i32Const(16).i32Add().localSet(src);
      });
      c.end();
      forLoop(c, p, () => c.localGet(p), () => c.localGet(pe), one, () => {
        entry(0, () => c.localGet(src).f32Load());
        c.localGet(src).localGet(ps).i32Add().localSet(src);
        c.localGet(off).localGet(bStep).i32Add().localSet(off);
      });
    });
  });
  return f;
}

/**
 * row_tile(e, count, bBase, cPtr, nr, add, bias, act, scratch): one row of C, columns [0, nr) of a ROW_TILE-wide
 * tile at cPtr: sums the `count` pairs at e in order, value · (the ROW_TILE floats at bBase + offset), in
 * ROW_TILE/4 accumulators that start at zero, then stores them, or adds them to C when `add` (old + sum); with
 * act 1 (linear) or 2 (relu) it then finishes C = act(C + bias). These are the f32 operations, in the same order,
 * of the 4×8 micro-kernel (gemm-module's tile: sum + product per step, old + sum, sum + bias, pmax(v, 0)); a
 * narrow tile (nr < ROW_TILE) goes through `scratch` and gemm-module's epilogue, as the micro-kernel's edge tiles.
 */
export function emitRowTile(epilogueIndex: number): FunctionEmitter {
  const V = ROW_TILE / 4;
  const f = new FunctionEmitter(i32Params(9));
  const [e, count, bBase, cPtr, nr, add, bias, act, scratch] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const acc = Array.from({ length: V }, () => f.local(v128));
  const av = f.local(v128);
  const [bRow, j, cell] = [f.local(), f.local(), f.local()];
  const t = f.local(f32);
  const c = f.code;
  // Accumulators start at zero (locals are zero-initialised on every call).
  c.localGet(count).if().loop();
  c.localGet(e).v128Load32Splat().localSet(av);
  c.localGet(e).i32Load(4).localGet(bBase).i32Add().localSet(bRow);
  for (let v = 0; v < V; v++) c.localGet(acc[v]).localGet(av).localGet(bRow).v128Load(16 * v).f32x4Mul().f32x4Add().localSet(acc[v]);
  c.localGet(e).i32Const(ROW_ENTRY_BYTES).i32Add().localSet(e);
  c.localGet(count).i32Const(1).i32Sub().localTee(count).brIf(0);
  c.end().end();

  c.localGet(nr).i32Const(ROW_TILE).i32Eq().if();
  c.localGet(add).if();
  for (let v = 0; v < V; v++) c.localGet(cPtr).v128Load(16 * v).localGet(acc[v]).f32x4Add().localSet(acc[v]);
  c.end();
  c.localGet(act).if();
  for (let v = 0; v < V; v++) c.localGet(acc[v]).localGet(bias).v128Load(16 * v).f32x4Add().localSet(acc[v]);
  c.localGet(act).i32Const(2).i32Eq().if();
  for (let v = 0; v < V; v++) c.localGet(acc[v]).v128Const0().f32x4Pmax().localSet(acc[v]);
  c.end();
  c.end();
  for (let v = 0; v < V; v++) c.localGet(cPtr).localGet(acc[v]).v128Store(16 * v);
  c.else();
  for (let v = 0; v < V; v++) c.localGet(scratch).localGet(acc[v]).v128Store(16 * v);
  forLoop(c, j, () => c.i32Const(0), () => c.localGet(nr), () => c.i32Const(1), () => {
    c.localGet(cPtr).localGet(j).i32Const(2).i32Shl().i32Add().localTee(cell);
    c.localGet(scratch).localGet(j).i32Const(2).i32Shl().i32Add().f32Load().localSet(t);
    c.localGet(cell).f32Load().localGet(t).f32Add().localGet(t).localGet(add).select();
    c.f32Store();
  });
  c.localGet(act).if();
  c.localGet(cPtr).i32Const(0).i32Const(1).localGet(nr).localGet(bias).localGet(act).i32Const(2).i32Eq().call(epilogueIndex);
  c.end();
  c.end();
  return f;
}

/**
 * rows_compute(lists, starts, b, c, n, k, kc, accumulate, r0, r1, jp0, jp1, bPanelBytes, bias, act, scratch):
 * C[rows r0..r1, column tiles jp0..jp1] = op(A)·B (+= when accumulate) from list_rows's lists, where tile jp's
 * B starts at b + jp·bPanelBytes (ROW_TILE·4 for B in place, k·ROW_TILE·4 for pack_b_rows's panels). As the 4×8
 * path: k blocks of kc, each summed from zero and then added to C (the first stored, unless accumulate), the
 * epilogue (act 1 linear, 2 relu: C = act(C + bias)) on the last block. Every C element is summed by one call in
 * one order, whatever the split of rows or tiles, so results are the same on any number of threads.
 */
export function emitRowsCompute(tileIndex: number): FunctionEmitter {
  const f = new FunctionEmitter(i32Params(16));
  const [lists, starts, b, cBase, n, k, kc, accumulate, r0, r1, jp0, jp1, bPanel, bias, act, scratch] =
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const [nb, kb, add, epi, jp, bBase, nr, r, st, s0] = Array.from({ length: 10 }, () => f.local());
  const c = f.code;
  const one = (): void => { c.i32Const(1); };
  c.localGet(k).localGet(kc).i32Add().i32Const(1).i32Sub().localGet(kc).i32DivU().localSet(nb);
  forLoop(c, kb, () => c.i32Const(0), () => c.localGet(nb), one, () => {
    c.localGet(accumulate).localGet(kb).i32Const(0).i32Ne().i32Or().localSet(add);
    c.localGet(act).i32Const(0).localGet(kb).localGet(nb).i32Const(1).i32Sub().i32Eq().select().localSet(epi);
    forLoop(c, jp, () => c.localGet(jp0), () => c.localGet(jp1), one, () => {
      c.localGet(b).localGet(jp).localGet(bPanel).i32Mul().i32Add().localSet(bBase);
      min(c, () => c.i32Const(ROW_TILE), () => c.localGet(n).localGet(jp).i32Const(ROW_TILE).i32Mul().i32Sub());
      c.localSet(nr);
      forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1), one, () => {
        c.localGet(starts).localGet(r).localGet(nb).i32Const(1).i32Add().i32Mul().localGet(kb).i32Add().i32Const(2).i32Shl().i32Add().localSet(st);
        c.localGet(lists).localGet(r).localGet(k).i32Mul().localGet(st).i32Load().localTee(s0).i32Add().i32Const(ROW_ENTRY_BYTES).i32Mul().i32Add();
        c.localGet(st).i32Load(4).localGet(s0).i32Sub();
        c.localGet(bBase);
        c.localGet(cBase).localGet(r).localGet(n).i32Mul().localGet(jp).i32Const(ROW_TILE).i32Mul().i32Add().i32Const(2).i32Shl().i32Add();
        c.localGet(nr).localGet(add);
        c.localGet(bias).localGet(jp).i32Const(ROW_TILE * 4).i32Mul().i32Add();
        c.localGet(epi).localGet(scratch).call(tileIndex);
      });
    });
  });
  return f;
}
