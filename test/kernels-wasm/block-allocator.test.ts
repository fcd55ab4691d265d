import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_ALIGN, BlockAllocator, sizeClass } from '../../kernels/cpu/wasm/block-allocator';

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
          expect(at + sizeClass(o.bytes)).toBeLessThanOrEqual(reserved());
          // A freed block of this class, if any, is reused (most recent first) before the top grows.
          const waiting = freedClasses.get(sizeClass(o.bytes));
          if (waiting?.length) expect(at).toBe(waiting.pop());
          for (const [b, n] of live) {
            const disjoint = at + sizeClass(o.bytes) <= b || b + sizeClass(n) <= at;
            expect(disjoint).toBe(true);
          }
          live.set(at, o.bytes);
          expect(a.sizeOf(at)).toBe(sizeClass(o.bytes));
        } else if (live.size > 0) {
          const keys = [...live.keys()];
          const at = keys[o.pick % keys.length];
          const cls = sizeClass(live.get(at) as number);
          a.free(at);
          expect(a.sizeOf(at)).toBe(0);
          live.delete(at);
          if (!freedClasses.has(cls)) freedClasses.set(cls, []);
          freedClasses.get(cls)?.push(at);
        }
        expect(a.blocksInUse).toBe(live.size);
        expect(a.bytesInUse).toBe([...live.values()].reduce((s, n) => s + sizeClass(n), 0));
      }
    }), { seed: 7, numRuns: 300 });
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
