/** Every block starts at a multiple of this (a cache line; SIMD loads never straddle one needlessly). */
export const BLOCK_ALIGN = 64;
// Up to this size classes step by BLOCK_ALIGN; above, each power of two splits into CLASS_STEPS classes (≤ 12.5% waste).
const SMALL_LIMIT = 1024;
const CLASS_STEPS = 8;

/** The size class a request of `bytes` is served from: what a block of that request really occupies. */
export function sizeClass(bytes: number): number {
  if (bytes <= SMALL_LIMIT) return Math.max(BLOCK_ALIGN, Math.ceil(bytes / BLOCK_ALIGN) * BLOCK_ALIGN);
  const step = 2 ** Math.floor(Math.log2(bytes)) / CLASS_STEPS;
  return Math.ceil(bytes / step) * step;
}

/**
 * A size-class free-list allocator of byte ranges in [base, limit): freed blocks go on their class's list and
 * are handed out again, most recently freed first, to requests of the same class; otherwise a new block is cut
 * from the top, after asking `reserve` to make the memory that long. No coalescing: a training step asks for the
 * same sizes every time, so after the first step every request is served from a list. Offsets are plain
 * numbers, so this knows nothing of the memory itself; it only ever hands out ranges that do not overlap a
 * live block.
 */
export class BlockAllocator {
  private top: number;
  private readonly freeLists = new Map<number, number[]>();
  /**
   * Every block ever cut: offset → its class bytes, negated while the block is free (what catches a double or
   * foreign free). Entries are overwritten, never deleted: a V8 Map whose keys are deleted and set again keeps
   * the deleted entries in its hash chains until it next rehashes, so with many live blocks (a program holding
   * 60,000 small results) each alloc walked thousands of them (100 µs an op, growing with every block held).
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
  }

  /** A block of at least `bytes` (its offset, BLOCK_ALIGN-aligned), or -1 when the memory cannot hold one more. */
  alloc(bytes: number): number {
    if (!(bytes >= 0) || !Number.isFinite(bytes)) throw new Error(`BlockAllocator.alloc: bytes must be a finite number ≥ 0, got ${bytes}`);
    const cls = sizeClass(bytes);
    const list = this.freeLists.get(cls);
    let at: number;
    if (list !== undefined && list.length > 0) {
      at = list.pop() as number;
    } else {
      const end = this.top + cls;
      if (end > this.limit || !this.reserve(end)) return -1;
      at = this.top;
      this.top = end;
    }
    this.blocks.set(at, cls);
    this.liveBytes += cls;
    this.liveBlocks++;
    return at;
  }

  /** Returns the block at `at` (an offset alloc gave and not yet freed) to its class's list. */
  free(at: number): void {
    const cls = this.blocks.get(at);
    if (cls === undefined || cls < 0) throw new Error(`BlockAllocator.free: no live block at ${at} (freed twice, or never allocated)`);
    this.blocks.set(at, -cls);
    this.liveBytes -= cls;
    this.liveBlocks--;
    let list = this.freeLists.get(cls);
    if (list === undefined) this.freeLists.set(cls, (list = []));
    list.push(at);
  }

  /** Bytes occupied by the block at `at`, or 0 when none is live there. */
  sizeOf(at: number): number {
    return Math.max(0, this.blocks.get(at) ?? 0);
  }

  /** Bytes in live blocks (by class size). */
  get bytesInUse(): number {
    return this.liveBytes;
  }

  /** Live blocks. */
  get blocksInUse(): number {
    return this.liveBlocks;
  }

  /** One past the highest byte ever handed out: what the memory must hold. */
  get highWater(): number {
    return this.top;
  }
}
