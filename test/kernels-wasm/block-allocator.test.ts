import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_ALIGN, BlockAllocator, blockSize, sizeClass } from '../../kernels/cpu/wasm/block-allocator';

/** An allocator over [base, limit) whose memory grows on request, counting how far it was asked to grow. */
function allocator(base = 64, limit = 1 << 30): { a: BlockAllocator; reserved: () => number } {
  let end = 0;
  const a = new BlockAllocator(base, limit, (e) => {
    end = Math.max(end, e);
    return true;
  });
  return { a, reserved: () => end };
}

describe('sizeClass', () => {
  it('covers the request, is aligned, wastes at most 12.5% above 1 KiB, and is monotone', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1 << 28 }), fc.integer({ min: 0, max: 1 << 28 }), (x, y) => {
      const c = sizeClass(x);
      expect(c).toBeGreaterThanOrEqual(Math.max(x, 1));
      expect(c % BLOCK_ALIGN).toBe(0);
      if (x > 1024) expect(c).toBeLessThanOrEqual(x * 1.125 + BLOCK_ALIGN);
      if (x <= y) expect(sizeClass(x)).toBeLessThanOrEqual(sizeClass(y));
      expect(sizeClass(c)).toBe(c); // a class is its own class
    }), { seed: 1, numRuns: 2000 });
  });
});

describe('BlockAllocator', () => {
  it('hands a freed block back to the next request of its class, and cuts new blocks above the base', () => {
    const { a, reserved } = allocator(100);
    const x = a.alloc(1000);
    expect(x).toBeGreaterThanOrEqual(128); // base rounded up to the alignment
    const y = a.alloc(1000);
    expect(y).toBe(x + sizeClass(1000));
    expect(reserved()).toBe(y + sizeClass(1000));
    a.free(x);
    expect(a.alloc(990)).toBe(x); // same class
    expect(a.alloc(1000)).not.toBe(y);
    expect(a.blocksInUse).toBe(3);
  });

  it('throws on a double or foreign free', () => {
    const { a } = allocator();
    const x = a.alloc(10);
    a.free(x);
    expect(() => a.free(x)).toThrow(/no live block/);
    expect(() => a.free(x + 64)).toThrow(/no live block/);
  });

  it('returns -1 when the limit or the memory refuses, and keeps serving freed blocks', () => {
    const a = new BlockAllocator(0, 4096, () => true);
    const x = a.alloc(4096);
    expect(x).toBe(0);
    expect(a.alloc(1)).toBe(-1);
    a.free(x);
    expect(a.alloc(4000)).toBe(0);
    const refusing = new BlockAllocator(0, 1 << 20, () => false);
    expect(refusing.alloc(8)).toBe(-1);
    expect(refusing.blocksInUse).toBe(0);
  });

  it('never overlaps live blocks and accounts for every byte, over random alloc/free sequences', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('alloc' as const), bytes: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1 << 20 })) }),
      fc.record({ kind: fc.constant('free' as const), pick: fc.nat() }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
      const { a, reserved } = allocator();
      const live = new Map<number, number>(); // offset → requested bytes
      const freedClasses = new Map<number, number[]>();
      for (const o of ops) {
        if (o.kind === 'alloc') {
          const at = a.alloc(o.bytes);
          expect(at % BLOCK_ALIGN).toBe(0);
          expect(at + blockSize(o.bytes)).toBeLessThanOrEqual(reserved());
          // A freed small block of this class, if any, is reused (most recent first) before the top grows.
          const waiting = o.bytes <= 65536 ? freedClasses.get(sizeClass(o.bytes)) : undefined;
          if (waiting?.length) expect(at).toBe(waiting.pop());
          for (const [b, n] of live) {
            const disjoint = at + blockSize(o.bytes) <= b || b + blockSize(n) <= at;
            expect(disjoint).toBe(true);
          }
          live.set(at, o.bytes);
          expect(a.sizeOf(at)).toBe(blockSize(o.bytes));
        } else if (live.size > 0) {
          const keys = [...live.keys()];
          const at = keys[o.pick % keys.length];
          const bytes = live.get(at) as number;
          a.free(at);
          expect(a.sizeOf(at)).toBe(0);
          live.delete(at);
          if (bytes <= 65536) {
            const cls = sizeClass(bytes);
            if (!freedClasses.has(cls)) freedClasses.set(cls, []);
            freedClasses.get(cls)?.push(at);
          }
        }
        expect(a.blocksInUse).toBe(live.size);
        expect(a.bytesInUse).toBe([...live.values()].reduce((s, n) => s + blockSize(n), 0));
      }
    }), { seed: 7, numRuns: 300 });
  });

  it('merges freed large blocks with their free neighbours, splits a range for a smaller request, and lowers the top', () => {
    const { a } = allocator(0);
    const [x, y, z] = [a.alloc(200_000), a.alloc(300_000), a.alloc(100_000)];
    expect([y - x, z - y]).toEqual([blockSize(200_000), blockSize(300_000)]);
    a.free(x);
    a.free(y);
    // One range of both: a request larger than either alone fits at x, and the rest of the range serves the next.
    expect(a.alloc(400_000)).toBe(x);
    expect(a.alloc(40_000)).not.toBe(x + blockSize(400_000)); // small requests keep to their classes
    expect(a.alloc(80_000)).toBe(x + blockSize(400_000));
    const high = a.highWater;
    // A freed block that reaches the top hands it back, with the free range below it: the next request starts there.
    a.free(z);
    expect(a.alloc(100_000)).toBe(x + blockSize(400_000) + blockSize(80_000));
    expect(a.highWater).toBe(high);
  });

  it("keeps a large image's convolution temporaries (each a little larger than the last, freed in turn) within what stays live and three times the largest", () => {
    const { a } = allocator(0);
    let largest = 0;
    for (let i = 0; i < 40; i++) {
      // A layer's output stays; its columns and the product's packed copy come and go.
      const bytes = 1_000_000 + i * 137_000;
      largest = Math.max(largest, bytes);
      const out = a.alloc(bytes / 4);
      const cols = a.alloc(bytes);
      const packed = a.alloc(bytes);
      a.free(cols);
      a.free(packed);
      if (i % 2 === 1) a.free(out);
    }
    expect(a.highWater).toBeLessThan(20 * largest);
    expect(a.highWater).toBeLessThan(a.bytesInUse + 3 * largest);
  });

  it('serves a repeated pattern of requests (a training step) from its free lists after the first round', () => {
    const { a } = allocator();
    const step = [2_768_896, 692_224, 173_056, 524_288, 512, 40, 1280, 2_768_896, 86_528];
    const round = (): number[] => {
      const got = step.map((b) => a.alloc(b));
      for (const at of got) a.free(at);
      return got;
    };
    round();
    const high = a.highWater;
    for (let i = 0; i < 5; i++) round();
    expect(a.highWater).toBe(high);
    expect(a.blocksInUse).toBe(0);
  });
});
