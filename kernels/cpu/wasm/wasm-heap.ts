import { BlockAllocator } from './block-allocator';

const PAGE = 65536;
// The first bytes are never handed out, so that offset 0 never names a live operand.
const RESERVED = 64;
// The most a growth adds beyond what was asked for.
const GROWTH_CAP = 64 * 1024 * 1024;

/**
 * A resident array's block: where it lives, how many holders (tensors sharing it through reshape) it has, and
 * whether the finalizer watches its view yet (see allocView).
 */
interface Block { at: number; refs: number; live: boolean; watched: boolean; companions: ArrayBufferView[] | undefined }

// Views wait for the finalizer at most this many at a time: a long synchronous loop that drops them keeps no more
// of their objects alive (their blocks cannot be freed before the task ends either way: finalizers run between tasks).
const UNWATCHED_VIEWS = 4096;

/**
 * One WebAssembly.Memory, a Float32Array view over all of it, and a block allocator of its bytes.
 *
 * Kernels take their operands as byte offsets into this memory. Two kinds of block:
 * - temporaries (alloc/free): a kernel call's copies of outside operands and its packing space, freed by the
 *   call before it returns;
 * - resident arrays (allocF32, allocI32, allocU8): typed views handed out to hold values long-term (tensor values), so
 *   kernels read and write them in place with no copy. They are counted (retain/release) and go back to the
 *   allocator when the count reaches 0, or, for an array simply dropped, when the view object is garbage
 *   collected. Only a memory whose views never detach offers them: a shared one (growing it leaves existing
 *   views intact, verified in Node 20), or a non-shared one that can never grow (initial = maximum pages);
 *   growing any other non-shared memory detaches every view of it.
 *
 * `f32` is re-derived after any growth and must be re-read after every call that may allocate.
 */
export class WasmHeap {
  readonly memory: WebAssembly.Memory;
  readonly maxBytes: number;
  /** Whether allocF32 can hand out views (the memory is shared, or never grows, so they never detach). */
  readonly resident: boolean;
  readonly allocator: BlockAllocator;
  f32: Float32Array;
  /** Every buffer object this memory has had (a new one after each growth): what offsetOf recognises. */
  private readonly buffers = new WeakSet<ArrayBufferLike>();
  private readonly blocks = new WeakMap<ArrayBufferView, Block>();
  private readonly finalizer = new FinalizationRegistry<Block>((b) => this.freeBlock(b));
  /** Views made since the finalizer last took the live ones, and their blocks. */
  private unwatchedViews: ArrayBufferView[] = [];
  private unwatchedBlocks: Block[] = [];

  constructor(initialPages: number, maximumPages: number, shared: boolean) {
    this.memory = new WebAssembly.Memory({ initial: initialPages, maximum: maximumPages, shared });
    this.maxBytes = maximumPages * PAGE;
    this.resident = shared || initialPages === maximumPages;
    this.f32 = new Float32Array(this.memory.buffer);
    this.buffers.add(this.memory.buffer);
    this.allocator = new BlockAllocator(RESERVED, this.maxBytes, (end) => this.ensure(end));
  }

  /**
   * Makes the memory at least `bytes` long, or returns false if it cannot: growing by half again, or by GROWTH_CAP
   * bytes once that is less (a memory never shrinks, and a page counts all of it against its limit).
   */
  ensure(bytes: number): boolean {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) {
      if (bytes > this.maxBytes) return false;
      const want = Math.min(this.maxBytes, Math.max(bytes, Math.min(have * 1.5, have + GROWTH_CAP)));
      try {
        this.memory.grow(Math.ceil((want - have) / PAGE));
      } catch {
        return false; // the engine could not reserve more
      }
    }
    if (this.f32.byteLength !== this.memory.buffer.byteLength) {
      this.buffers.add(this.memory.buffer);
      this.f32 = new Float32Array(this.memory.buffer);
    }
    return true;
  }

  /** A temporary block of `bytes` (its byte offset), or -1 when the memory is full; give it back with free(). */
  alloc(bytes: number): number {
    return this.allocator.alloc(bytes);
  }

  free(at: number): void {
    this.allocator.free(at);
  }

  /**
   * The byte offset of x's first element when x views this memory (a resident array, or part of one), else -1.
   * A view of a non-shared memory from before a growth is detached, has no buffer left, and is not recognised.
   */
  offsetOf(x: ArrayBufferView): number {
    return this.buffers.has(x.buffer) ? x.byteOffset : -1;
  }

  /**
   * A new resident Float32Array of `length` elements (values unspecified) holding one reference,
   * or undefined when this memory cannot hand out views or is full.
   */
  allocF32(length: number): Float32Array | undefined {
    return this.allocView(Float32Array, length);
  }

  /** A new resident Int32Array (values unspecified), as allocF32. */
  allocI32(length: number): Int32Array | undefined {
    return this.allocView(Int32Array, length);
  }

  /** A new resident Uint8Array (bool values; unspecified), as allocF32. */
  allocU8(length: number): Uint8Array | undefined {
    return this.allocView(Uint8Array, length);
  }

  /**
   * Ties `companion` (a resident array holding one reference, e.g. a max-pool's argmax) to the resident array
   * `owner`: the companion is released when the owner's block is freed. Returns false (attaching nothing) when
   * either is not a live resident array.
   */
  attach(owner: ArrayBufferView, companion: ArrayBufferView): boolean {
    const b = this.blocks.get(owner);
    const c = this.blocks.get(companion);
    if (!b?.live || !c?.live) return false;
    (b.companions ??= []).push(companion);
    return true;
  }

  private allocView<T extends Float32Array | Int32Array | Uint8Array>(
    ctor: { new (buffer: ArrayBufferLike, at: number, length: number): T; readonly BYTES_PER_ELEMENT: number }, length: number,
  ): T | undefined {
    if (!this.resident) return undefined;
    const at = this.allocator.alloc(length * ctor.BYTES_PER_ELEMENT);
    if (at < 0) return undefined;
    const view = new ctor(this.memory.buffer, at, length);
    const block: Block = { at, refs: 1, live: true, watched: false, companions: undefined };
    this.blocks.set(view, block);
    if (this.unwatchedViews.push(view) === 1) queueMicrotask(this.watch);
    if (this.unwatchedBlocks.push(block) === UNWATCHED_VIEWS) this.watch();
    return view;
  }

  /**
   * Gives the finalizer the views made since it last ran whose blocks are still live, at the end of the current task
   * (or sooner, see UNWATCHED_VIEWS): most resident arrays are a step's intermediates that their tidy scope releases
   * within the task, and registering each (then unregistering it on release) costs more than many kernels they feed.
   */
  private readonly watch = (): void => {
    const blocks = this.unwatchedBlocks;
    blocks.forEach((block, i) => {
      if (!block.live) return;
      this.finalizer.register(this.unwatchedViews[i], block, block);
      block.watched = true;
    });
    this.unwatchedViews = [];
    this.unwatchedBlocks = [];
  };

  /** Whether `values` is a resident array allocF32 (or allocI32, allocU8) made and that is still live. */
  isResident(values: ArrayBufferView): boolean {
    return this.blocks.get(values)?.live === true;
  }

  /** One more holder of a resident array (no-op for any other array). */
  retain(values: ArrayBufferView): void {
    const b = this.blocks.get(values);
    if (b?.live) b.refs++;
  }

  /** One holder fewer; the last returns the block to the allocator (no-op for any other array). */
  release(values: ArrayBufferView): void {
    const b = this.blocks.get(values);
    if (b?.live && --b.refs === 0) {
      // Deleted now rather than left to the collector: a weak map that only grows costs each insert ~3x as much.
      this.blocks.delete(values);
      if (b.watched) this.finalizer.unregister(b);
      this.freeBlock(b);
    }
  }

  private freeBlock(b: Block): void {
    if (!b.live) return;
    b.live = false;
    this.allocator.free(b.at);
    if (b.companions) for (const c of b.companions) this.release(c);
  }
}
