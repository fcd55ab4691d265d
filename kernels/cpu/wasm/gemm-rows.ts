import { compactionTable, ROW_BLOCK, ROW_ENTRY_BYTES, ROW_TILE, rowsBlocksWorkBytes } from './gemm-rows-module';
import { allFinite, chunkOf, PARALLEL_PACK_MIN } from './thread-split';
import { kernelIndex } from './kernel-module';
import type { CallOperands } from './operands';
import { alignUp, type WasmRuntime } from './runtime';
import type { WasmThreadPool } from './thread-pool';

const [LIST_ROWS, ROWS_COMPUTE, PACK_B_ROWS, ROWS_BLOCKS, BIN_ADD, BIAS_ACT] = (['list_rows', 'rows_compute', 'pack_b_rows', 'rows_blocks', 'bin_add', 'bias_act'] as const).map(kernelIndex);
const SCRATCH_BYTES = alignUp(ROW_TILE * 4);
// B up to this many bytes stays in cache while blocks of rows are listed and then computed against it, the rows of
// a block as many as have lists of up to LISTS_CACHED_BYTES (in whole ROW_BLOCKs, at least one).
const B_CACHED_BYTES = 256 * 1024;
const LISTS_CACHED_BYTES = 256 * 1024;
const TABLE = compactionTable();

/** A temporary of `o` holding list_rows's lane compactions (filter_from_winners compacts with them too); -1 when full. */
export function compactionTableIn(o: CallOperands, runtime: WasmRuntime): number {
  const at = o.temp(TABLE.length);
  if (at >= 0) new Uint8Array(runtime.heap.memory.buffer, at, TABLE.length).set(TABLE);
  return at;
}

/** One product's operands, as byte offsets into the runtime's memory, and its shape. */
export interface RowsProduct {
  aRaw: number; bRaw: number; cOff: number; biasAt: number;
  m: number; n: number; k: number; transA: boolean; transB: boolean; accumulate: boolean;
  /** The epilogue: 0 none, 1 C + bias, 2 relu(C + bias). */
  act: number;
}

/** Column tiles of the row-sparse path. */
export const rowTiles = (n: number): number => Math.ceil(n / ROW_TILE);

/** How the row-sparse path lays out a product of op(A) (m×k) and op(B) (k×n) on `threads` threads (see rowsProduct). */
export interface RowsPlan {
  tiles: number;
  /** B is read where it is (row-major, whole tiles), not packed. */
  inPlace: boolean;
  /** B stays in cache while blocks of rows are listed and computed against it. */
  byRows: boolean;
  /** Split across threads by rows (each chunk listing its rows, then computing every tile of them). */
  splitRows: boolean;
}

export function rowsPlan(m: number, n: number, k: number, transB: boolean, threads: number): RowsPlan {
  const tiles = rowTiles(n);
  const inPlace = !transB && n % ROW_TILE === 0;
  const byRows = k * n * 4 <= B_CACHED_BYTES || tiles === 1;
  // Split by rows, each chunk listing its rows and then computing them, also when B does not stay in cache but is
  // read in place and every thread gets ROW_BLOCK rows or more: a chunk's lists are then read back from cache, where
  // splitting by column tiles streams all the lists once per tile and waits for A to be listed first (measured on
  // two threads, bench/dense-gemm.ts --batch 256: 256×128×5408 at 64% zeros 10-15% faster; with B to pack,
  // 256×5408×128 Bᵀ, 1-6% slower than by tiles, which pack their own tiles of B).
  // Fewer column tiles than two a thread cannot be shared out evenly (two tiles on two threads: one chunk each, and
  // the thread that reads the other's lists finishes ~50% later), so those split by rows too.
  const splitRows = byRows || ((inPlace || tiles < 2 * threads) && m >= threads * ROW_BLOCK);
  return { tiles, inPlace, byRows, splitRows };
}

/**
 * C = op(A)·op(B) (+ epilogue) by the row-sparse path (gemm-rows-module.ts), on this thread or split across `p`;
 * its temporaries come from `o`. Returns false, having written nothing to C, when B is not all finite (skipped
 * zero products would then hide a NaN) or the memory has no room: the caller then runs the dense path.
 * When B is small enough to stay in cache, blocks of rows are listed and then computed against all of B
 * (their lists are read back from cache), split by those blocks; else A is listed first, then each column tile
 * is computed (split by tiles: each chunk reads only its tiles of B, packing them if needed), unless B is read in
 * place or has fewer than two tiles a thread: then split by rows as when B is cached when each thread has enough of
 * them, else (B in place) by k blocks.
 */
export function rowsProduct(runtime: WasmRuntime, kc: number, o: CallOperands, x: RowsProduct, p: WasmThreadPool | undefined): boolean {
  const { m, n, k } = x;
  const fns = runtime.fns;
  const nb = Math.ceil(k / kc);
  const threads = runtime.threads;
  const { tiles, inPlace, byRows, splitRows } = rowsPlan(m, n, k, x.transB, threads);
  const flag = o.temp(4);
  const table = compactionTableIn(o, runtime);
  if (flag < 0 || table < 0) return false;
  // Fewer rows, B in place: split by k blocks, so that each thread reads only its rows of B (a layer's weights,
  // which its share of the Adam step then updates in its own cache; see worker-source.ts).
  if (p && !splitRows && inPlace && nb >= threads) return blocksProduct(runtime, kc, o, x, p, flag, table);
  const lists = o.temp(m * k * ROW_ENTRY_BYTES);
  const starts = o.temp(m * (nb + 1) * 4);
  const bRows = inPlace ? x.bRaw : o.temp(tiles * ROW_TILE * k * 4);
  const scratch = o.temp(threads * SCRATCH_BYTES);
  if (lists < 0 || starts < 0 || bRows < 0 || scratch < 0) return false;
  if (!allFinite(runtime, p, x.bRaw, k * n, flag)) return false;

  // Argument lists; ranges (and the scratch pointer) are filled in per chunk and per thread.
  const listArgs = [x.aRaw, k, x.transA ? 4 : k * 4, x.transA ? m * 4 : 4, kc, inPlace ? n * 4 : ROW_TILE * 4, 0, m, lists, starts, table];
  const packArgs = [x.bRaw, bRows, n, k, x.transB ? k * 4 : 4, x.transB ? 4 : n * 4, 0, tiles];
  const computeArgs = [lists, starts, bRows, x.cOff, n, k, kc, x.accumulate ? 1 : 0, 0, m, 0, tiles,
    inPlace ? ROW_TILE * 4 : k * ROW_TILE * 4, x.biasAt, x.act, scratch];
  const list = { fn: LIST_ROWS, args: listArgs, rangeArg: 6, threadArg: -1 };
  const pack = { fn: PACK_B_ROWS, args: packArgs, rangeArg: 6, threadArg: -1 };
  const blockRows = Math.max(1, Math.floor(LISTS_CACHED_BYTES / (k * ROW_ENTRY_BYTES * ROW_BLOCK))) * ROW_BLOCK;
  if (!p) {
    if (!inPlace) fns[PACK_B_ROWS](...packArgs);
    const rows = byRows ? blockRows : m;
    for (let r0 = 0; r0 < m; r0 += rows) {
      listArgs[6] = computeArgs[8] = r0;
      listArgs[7] = computeArgs[9] = Math.min(m, r0 + rows);
      fns[LIST_ROWS](...listArgs);
      fns[ROWS_COMPUTE](...computeArgs);
    }
    return true;
  }
  const other = splitRows ? tiles : m;
  // The operand not split is prepared up front: by this thread when small, else in chunks by all threads.
  const upFront = splitRows ? (inPlace ? null : pack) : list;
  if (upFront) {
    if ((splitRows ? k * n : m * k) < PARALLEL_PACK_MIN) fns[upFront.fn](...upFront.args);
    else p.run({ calls: [upFront], total: other, chunk: chunkOf(other, threads), threadStride: 0 }, fns);
  }
  const compute = { fn: ROWS_COMPUTE, args: computeArgs, rangeArg: splitRows ? 8 : 10, threadArg: 15 };
  const own = splitRows ? [list, compute] : inPlace ? [compute] : [pack, compute];
  const split = splitRows ? m : tiles;
  const chunk = splitRows ? Math.min(blockRows, chunkOf(m, threads)) : chunkOf(tiles, threads);
  p.run({ calls: own, total: split, chunk, threadStride: SCRATCH_BYTES }, fns);
  return true;
}

/**
 * C = A·B (+ epilogue) with B in place, split by k blocks: each thread checks that its share of the blocks' rows
 * of B are finite and lists and sums them into per-block partials (rows_blocks), then this thread adds them to C
 * in order and applies the epilogue, the f32 operations of rows_compute in the same order (each block summed
 * from zero and added to C; C + bias, then relu), so the bits are those of one thread. Checking in the same job
 * saves a pass over B and a round of the pool; C is written only once every block has been found finite.
 */
function blocksProduct(runtime: WasmRuntime, kc: number, o: CallOperands, x: RowsProduct, p: WasmThreadPool, flag: number, table: number): boolean {
  const { m, n, k } = x;
  const fns = runtime.fns;
  const nb = Math.ceil(k / kc);
  const work = alignUp(rowsBlocksWorkBytes(m, kc));
  const partials = o.temp(nb * m * n * 4);
  const works = o.temp(runtime.threads * work);
  if (partials < 0 || works < 0) return false;
  const finite = new Int32Array(runtime.heap.memory.buffer, flag, 1);
  finite[0] = 1;
  const args = [0, 0, x.aRaw, k, x.transA ? 4 : k * 4, x.transA ? m * 4 : 4, kc, n * 4, m, n, rowTiles(n), x.bRaw, partials, works, table, flag];
  p.run({ calls: [{ fn: ROWS_BLOCKS, args, rangeArg: 0, threadArg: 13 }], total: nb, chunk: 1, threadStride: work }, fns);
  if (finite[0] !== 1) return false;
  const size = m * n;
  // C's old values (accumulate), else the first block, plus each later block in turn.
  let sum = x.accumulate ? x.cOff : partials;
  for (let kb = x.accumulate ? 0 : 1; kb < nb; kb++) {
    fns[BIN_ADD](sum, partials + kb * size * 4, x.cOff, size, 0, 0, 0, 1);
    sum = x.cOff;
  }
  if (x.act > 0) fns[BIAS_ACT](x.cOff, x.biasAt, x.cOff, n, x.act === 2 ? 1 : 0, 0, m);
  return true;
}
