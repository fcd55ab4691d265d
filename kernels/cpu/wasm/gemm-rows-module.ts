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
 * Rows of C computed together per k block and column tile: their lists' stretch for the block (≤ 64·kc·8 bytes)
 * and their tiles of C stay in cache while the block's B (kc rows) is read once per ROW_BLOCK rows.
 */
export const ROW_BLOCK = 64;

/**
 * The 16 byte-shuffles list_rows compacts four lanes with: entry `mask` moves the lanes whose bit is set in
 * `mask` to the front, in order (the rest are zero, and overwritten by the next write or never read).
 */
export function compactionTable(): Uint8Array {
  const t = new Uint8Array(16 * 16).fill(0x80);
  for (let mask = 0; mask < 16; mask++) {
    let to = 0;
    for (let lane = 0; lane < 4; lane++) {
      if (!(mask & (1 << lane))) continue;
      for (let byte = 0; byte < 4; byte++) t[mask * 16 + 4 * to + byte] = 4 * lane + byte;
      to++;
    }
  }
  return t;
}

/**
 * list_rows(a, k, rs, ps, kc, bStep, r0, r1, lists, starts, table): for rows r0..r1 of op(A) (element (r, p) at
 * a + r·rs + p·ps), writes the elements that are not ±0, in ascending p, as (value, p·bStep) pairs at
 * lists + r·k·8, and at starts + r·(⌈k/kc⌉ + 1)·4 the index of each kc block's first pair, then the count.
 * NaN and ±Infinity are listed (their products are not zeros). Branch-free: four p of a row at a time are
 * compacted with a shuffle from `table` (compactionTable, in memory) and written whole, the count advancing by
 * how many were nonzero; a block's last p that are fewer than four are written one by one. A row's four p come
 * from one vector load when the row is contiguous (ps = 4); for Aᵀ (rs = 4), four rows' four p are loaded as
 * four vectors and transposed.
 */
export function emitListRows(): FunctionEmitter {
  const f = new FunctionEmitter(i32Params(11));
  const [a, k, rs, ps, kc, bStep, r0, r1, lists, starts, table] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [r, nb, src, kb, p, p0, pe, off, stride, mask] = Array.from({ length: 10 }, () => f.local());
  const e = [f.local(), f.local(), f.local(), f.local()];
  const base = [f.local(), f.local(), f.local(), f.local()];
  const v = f.local(f32);
  const vec = [f.local(v128), f.local(v128), f.local(v128), f.local(v128)];
  const [col, offs, ctl] = [f.local(v128), f.local(v128), f.local(v128)];
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
  /** Writes the nonzero lanes of v128 local `x` (four p from `off` on) with their offsets (`offs`) at e[l]. */
  const compact = (l: number, x: number): void => {
    c.localGet(x).v128Const0().f32x4Ne().i32x4Bitmask().localTee(mask);
    c.i32Const(4).i32Shl().localGet(table).i32Add().v128Load().localSet(ctl);
    for (const [half, lanes] of [[0, [0, 4, 1, 5]], [16, [2, 6, 3, 7]]] as const) {
      c.localGet(e[l]);
      c.localGet(x).localGet(ctl).i8x16Swizzle().localGet(offs).localGet(ctl).i8x16Swizzle();
      c.i32x4Shuffle(lanes[0], lanes[1], lanes[2], lanes[3]).v128Store(half);
    }
    c.localGet(e[l]).localGet(mask).i32Popcnt().i32Const(3).i32Shl().i32Add().localSet(e[l]);
  };
  /** After four p: the offsets move on by four rows of B. */
  const nextFour = (): void => {
    c.localGet(off).localGet(bStep).i32Const(2).i32Shl().i32Add().localTee(off);
    c.i32x4Splat().localGet(bStep).i32x4Splat().v128ConstI32(0, 1, 2, 3).i32x4Mul().i32x4Add().localSet(offs);
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
  /**
   * For each kc block: the rows' starts, then `four` over the block's p four at a time while four are left (p
   * steps by 4, and `four` moves src on), then `single` for each p left.
   */
  const blocks = (count: number, four: (() => void) | null, single: () => void): void => {
    forLoop(c, kb, () => c.i32Const(0), () => c.localGet(nb), one, () => {
      for (let l = 0; l < count; l++) storeCount(l, () => c.localGet(kb));
      c.localGet(kb).localGet(kc).i32Mul().localSet(p0);
      min(c, () => c.localGet(k), () => c.localGet(p0).localGet(kc).i32Add());
      c.localSet(pe);
      c.localGet(p0).localSet(p);
      if (four) {
        c.localGet(off).i32x4Splat().localGet(bStep).i32x4Splat().v128ConstI32(0, 1, 2, 3).i32x4Mul().i32x4Add().localSet(offs);
        forLoop(c, p, () => c.localGet(p0), () => c.localGet(pe).i32Const(3).i32Sub(), () => c.i32Const(4), () => {
          four();
          nextFour();
        });
      }
      forLoop(c, p, () => c.localGet(p), () => c.localGet(pe), one, () => {
        single();
        c.localGet(src).localGet(ps).i32Add().localSet(src);
        c.localGet(off).localGet(bStep).i32Add().localSet(off);
      });
    });
    for (let l = 0; l < count; l++) storeCount(l, () => c.localGet(nb));
  };
  c.localGet(k).localGet(kc).i32Add().i32Const(1).i32Sub().localGet(kc).i32DivU().localTee(nb).i32Const(1).i32Add().localSet(stride);
  c.localGet(r0).localSet(r);
  // Aᵀ: four rows at a time while four are left; four vectors (p .. p + 3) transposed into one per row.
  c.localGet(rs).i32Const(4).i32Eq().localGet(ps).i32Const(4).i32Ne().i32And().if();
  forLoop(c, r, () => c.localGet(r0), () => c.localGet(r1).i32Const(3).i32Sub(), () => c.i32Const(4), () => {
    beginRows(4);
    blocks(4, () => {
      for (let i = 0; i < 4; i++) {
        c.localGet(src);
        if (i > 0) c.localGet(ps).i32Const(i).i32Mul().i32Add();
        c.v128Load().localSet(vec[i]);
      }
      const pair = (x: number, y: number, hi: boolean): void => {
        c.localGet(vec[x]).localGet(vec[y]);
        if (hi) c.i32x4Shuffle(2, 6, 3, 7);
        else c.i32x4Shuffle(0, 4, 1, 5);
      };
      for (const [q, hi, lanes] of [[0, false, [0, 1, 4, 5]], [1, false, [2, 3, 6, 7]], [2, true, [0, 1, 4, 5]], [3, true, [2, 3, 6, 7]]] as const) {
        pair(0, 1, hi);
        pair(2, 3, hi);
        c.i32x4Shuffle(lanes[0], lanes[1], lanes[2], lanes[3]).localSet(col);
        compact(q, col);
      }
      c.localGet(src).localGet(ps).i32Const(2).i32Shl().i32Add().localSet(src);
    }, () => {
      c.localGet(src).v128Load().localSet(vec[0]);
      for (let l = 0; l < 4; l++) entry(l, () => c.localGet(vec[0]).f32x4ExtractLane(l));
    });
  });
  c.end();
  // The other rows one at a time, strided ones element by element.
  forLoop(c, r, () => c.localGet(r), () => c.localGet(r1), one, () => {
    beginRows(1);
    c.localGet(ps).i32Const(4).i32Eq().if();
    blocks(1, () => {
      c.localGet(src).v128Load().localSet(vec[0]);
      compact(0, vec[0]);
      c.localGet(src).i32Const(16).i32Add().localSet(src);
    }, () => entry(0, () => c.localGet(src).f32Load()));
    c.else();
    blocks(1, null, () => entry(0, () => c.localGet(src).f32Load()));
    c.end();
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
 * epilogue (act 1 linear, 2 relu: C = act(C + bias)) on the last block. Within a k block, ROW_BLOCK rows at a
 * time go through every column tile. Every C element is summed by one call in
 * one order, whatever the split of rows or tiles, so results are the same on any number of threads.
 */
export function emitRowsCompute(tileIndex: number): FunctionEmitter {
  const f = new FunctionEmitter(i32Params(16));
  const [lists, starts, b, cBase, n, k, kc, accumulate, r0, r1, jp0, jp1, bPanel, bias, act, scratch] =
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const [nb, kb, add, epi, jp, bBase, nr, r, st, s0, rb, re] = Array.from({ length: 12 }, () => f.local());
  const c = f.code;
  const one = (): void => { c.i32Const(1); };
  c.localGet(k).localGet(kc).i32Add().i32Const(1).i32Sub().localGet(kc).i32DivU().localSet(nb);
  forLoop(c, kb, () => c.i32Const(0), () => c.localGet(nb), one, () => {
    c.localGet(accumulate).localGet(kb).i32Const(0).i32Ne().i32Or().localSet(add);
    c.localGet(act).i32Const(0).localGet(kb).localGet(nb).i32Const(1).i32Sub().i32Eq().select().localSet(epi);
    forLoop(c, rb, () => c.localGet(r0), () => c.localGet(r1), () => c.i32Const(ROW_BLOCK), () => {
    min(c, () => c.localGet(rb).i32Const(ROW_BLOCK).i32Add(), () => c.localGet(r1));
    c.localSet(re);
    forLoop(c, jp, () => c.localGet(jp0), () => c.localGet(jp1), one, () => {
      c.localGet(b).localGet(jp).localGet(bPanel).i32Mul().i32Add().localSet(bBase);
      min(c, () => c.i32Const(ROW_TILE), () => c.localGet(n).localGet(jp).i32Const(ROW_TILE).i32Mul().i32Sub());
      c.localSet(nr);
      forLoop(c, r, () => c.localGet(rb), () => c.localGet(re), one, () => {
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
  });
  return f;
}

/** Bytes of one thread's work area for rows_blocks over `m` rows: one block's lists and starts, and a tile. */
export const rowsBlocksWorkBytes = (m: number, kc: number): number => m * kc * ROW_ENTRY_BYTES + Math.ceil((m * 8) / 16) * 16 + ROW_TILE * 4;

/**
 * rows_blocks(kb0, kb1, a, k, rs, ps, kc, bStep, m, n, tiles, b, partials, work, table, finite): for each k block
 * kb in [kb0, kb1), stores 0 at `finite` when one of the block's n-float rows of B is not all finite (all_finite;
 * B's rows lie bStep = n·4 bytes apart), lists A's columns [kb·kc, kb·kc + kc) (list_rows, into `work`) and stores
 * that block's sum of products, C's rows [0, m) and every column tile, at partials + kb·m·n·4 (rows_compute, B in
 * place at b). Summed in order, C + partial by partial, these give rows_compute's bits: it sums each block from
 * zero and adds it to C. So threads can each take a share of the blocks of one product (each reading only its
 * rows of B, first to check them) and the caller adds them up, or, when `finite` says B was not all finite (the
 * skipped zeros would have met an infinity or NaN), drops them.
 */
export function emitRowsBlocks(listIndex: number, computeIndex: number, finiteIndex: number): FunctionEmitter {
  const f = new FunctionEmitter(i32Params(16));
  const [kb0, kb1, a, k, rs, ps, kc, bStep, m, n, tiles, b, partials, work, table, finite] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const [kb, k0, kLen, starts, scratch] = Array.from({ length: 5 }, () => f.local());
  const c = f.code;
  c.localGet(work).localGet(m).localGet(kc).i32Mul().i32Const(ROW_ENTRY_BYTES).i32Mul().i32Add().localSet(starts);
  c.localGet(starts).localGet(m).i32Const(8).i32Mul().i32Const(15).i32Add().i32Const(-16).i32And().i32Add().localSet(scratch);
  forLoop(c, kb, () => c.localGet(kb0), () => c.localGet(kb1), () => c.i32Const(1), () => {
    c.localGet(kb).localGet(kc).i32Mul().localSet(k0);
    min(c, () => c.localGet(kc), () => c.localGet(k).localGet(k0).i32Sub());
    c.localSet(kLen);
    c.localGet(b).localGet(k0).localGet(bStep).i32Mul().i32Add().localGet(finite).i32Const(0).localGet(kLen).localGet(n).i32Mul().call(finiteIndex);
    c.localGet(a).localGet(k0).localGet(ps).i32Mul().i32Add().localGet(kLen).localGet(rs).localGet(ps).localGet(kc).localGet(bStep);
    c.i32Const(0).localGet(m).localGet(work).localGet(starts).localGet(table).call(listIndex);
    c.localGet(work).localGet(starts).localGet(b).localGet(k0).localGet(bStep).i32Mul().i32Add();
    c.localGet(partials).localGet(kb).localGet(m).i32Mul().localGet(n).i32Mul().i32Const(2).i32Shl().i32Add();
    c.localGet(n).localGet(kLen).localGet(kc).i32Const(0).i32Const(0).localGet(m).i32Const(0).localGet(tiles);
    c.i32Const(ROW_TILE * 4).i32Const(0).i32Const(0).localGet(scratch).call(computeIndex);
  });
  return f;
}
