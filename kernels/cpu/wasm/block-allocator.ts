/** Every block starts at a multiple of this (a cache line; SIMD loads never straddle one needlessly). */
export const BLOCK_ALIGN = 64;
// Up to this size classes step by BLOCK_ALIGN; above, each power of two splits into CLASS_STEPS classes (≤ 12.5% waste).
const SMALL_LIMIT = 1024;
const CLASS_STEPS = 8;

// Requests above this many bytes are large: cut to a multiple of LARGE_STEP from ranges that split and merge.
const LARGE = 65536;
const LARGE_STEP = 4096;

/** What a block of a request of `bytes` really occupies: its size class, or for a large one its LARGE_STEP multiple. */
export function blockSize(bytes: number): number {
  return bytes > LARGE ? Math.ceil(bytes / LARGE_STEP) * LARGE_STEP : sizeClass(bytes);
}

/** The size class of a small request of `bytes` (up to LARGE), the size its free list keeps. */
export function sizeClass(bytes: number): number {
  if (bytes <= SMALL_LIMIT) return Math.max(BLOCK_ALIGN, Math.ceil(bytes / BLOCK_ALIGN) * BLOCK_ALIGN);
  const step = 2 ** Math.floor(Math.log2(bytes)) / CLASS_STEPS;
  return Math.ceil(bytes / step) * step;
}

/**
 * An allocator of byte ranges in [base, limit), with two kinds of block:
 * - small ones (up to 64 KiB) by size class: a freed block goes on its class's list and is handed out again, most
 *   recently freed first, to a request of the same class; they never merge, which costs little at these sizes;
 * - large ones from free ranges kept in address order: a request takes the smallest range it fits (the rest stays
 *   free), a freed block merges with the free ranges beside it, and a free range that reaches the top lowers it.
 *   Without merging, the temporaries of a large image's convolutions (hundreds of MB, each a little larger or
 *   smaller than the last) each cut new memory above all the others, and the heap reached its 2 GiB limit.
 * Otherwise a block is cut from the top, after asking `reserve` to make the memory that long. A training step asks
 * for the same sizes every time, so after the first step it is served from the same places. Offsets are plain
 * numbers, so this knows nothing of the memory itself; it only ever hands out ranges that do not overlap a live block.
 */
export class BlockAllocator {
  private top: number;
  private highest: number;
  private readonly freeLists = new Map<number, number[]>();
  /** Free large ranges in address order, none touching another, none reaching the top. */
  private readonly ranges: Array<{ at: number; bytes: number }> = [];
  /**
   * Every block ever cut: offset → its bytes, negated while the block is free (what catches a double or foreign
   * free). Entries are overwritten, never deleted: a V8 Map whose keys are deleted and set again keeps the deleted
   * entries in its hash chains until it next rehashes, so with many live blocks (a program holding 60,000 small
   * results) each alloc walked thousands of them (100 µs an op, growing with every block held).
   */
  private readonly blocks = new Map<number, number>();
  private liveBytes = 0;
  private liveBlocks = 0;

  /**
   * @param base first usable byte (rounded up to BLOCK_ALIGN)
   * @param limit one past the last usable byte
   * @param reserve makes bytes [0, end) usable, or returns false when it cannot
   */
  constructor(base: number, private readonly limit: number, private readonly reserve: (end: number) => boolean) {
    this.top = Math.ceil(base / BLOCK_ALIGN) * BLOCK_ALIGN;
    this.highest = this.top;
  }

  /** A block of at least `bytes` (its offset, BLOCK_ALIGN-aligned), or -1 when the memory cannot hold one more. */
  alloc(bytes: number): number {
    if (!(bytes >= 0) || !Number.isFinite(bytes)) throw new Error(`BlockAllocator.alloc: bytes must be a finite number ≥ 0, got ${bytes}`);
    const size = blockSize(bytes);
    const at = bytes > LARGE ? this.takeRange(size) : this.freeLists.get(size)?.pop() ?? this.cut(size);
    if (at < 0) return -1;
    this.blocks.set(at, size);
    this.liveBytes += size;
    this.liveBlocks++;
    return at;
  }

  /** Returns the block at `at` (an offset alloc gave and not yet freed): to its class's list, or its range merged. */
  free(at: number): void {
    const size = this.blocks.get(at);
    if (size === undefined || size < 0) throw new Error(`BlockAllocator.free: no live block at ${at} (freed twice, or never allocated)`);
    this.blocks.set(at, -size);
    this.liveBytes -= size;
    this.liveBlocks--;
    if (size > LARGE) {
      this.freeRange(at, size);
      return;
    }
    let list = this.freeLists.get(size);
    if (list === undefined) this.freeLists.set(size, (list = []));
    list.push(at);
  }

  /** Bytes occupied by the block at `at`, or 0 when none is live there. */
  sizeOf(at: number): number {
    return Math.max(0, this.blocks.get(at) ?? 0);
  }

  /** Bytes in live blocks (by block size). */
  get bytesInUse(): number {
    return this.liveBytes;
  }

  /** Live blocks. */
  get blocksInUse(): number {
    return this.liveBlocks;
  }

  /** One past the highest byte ever handed out: what the memory must hold. */
  get highWater(): number {
    return this.highest;
  }

  /** A new block from the top, or -1. */
  private cut(size: number): number {
    const end = this.top + size;
    if (end > this.limit || !this.reserve(end)) return -1;
    const at = this.top;
    this.top = end;
    this.highest = Math.max(this.highest, end);
    return at;
  }

  /** The smallest free range that fits (its start; the rest stays free), else a block from the top, or -1. */
  private takeRange(size: number): number {
    let best = -1;
    for (let i = 0; i < this.ranges.length; i++) {
      const r = this.ranges[i];
      if (r.bytes >= size && (best < 0 || r.bytes < this.ranges[best].bytes)) best = i;
    }
    if (best < 0) return this.cut(size);
    const r = this.ranges[best];
    const at = r.at;
    if (r.bytes === size) this.ranges.splice(best, 1);
    else {
      r.at += size;
      r.bytes -= size;
    }
    return at;
  }

  /** Puts [at, at + size) back among the free ranges, merged with its neighbours; one that reaches the top lowers it. */
  private freeRange(at: number, size: number): void {
    let lo = 0;
    let hi = this.ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ranges[mid].at < at) lo = mid + 1;
      else hi = mid;
    }
    let start = at;
    let bytes = size;
    const prev = this.ranges[lo - 1];
    const next = this.ranges[lo];
    let first = lo;
    let count = 0;
    if (prev && prev.at + prev.bytes === at) {
      start = prev.at;
      bytes += prev.bytes;
      first = lo - 1;
      count++;
    }
    if (next && at + size === next.at) {
      bytes += next.bytes;
      count++;
    }
    if (start + bytes === this.top) {
      this.ranges.splice(first, count);
      this.top = start;
    } else this.ranges.splice(first, count, { at: start, bytes });
  }
}
