import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { gemm as gemmJs } from '../../kernels/cpu/gemm';
import { simdGemmOn } from '../../kernels/cpu/wasm/gemm-simd';
import { WasmRuntime } from '../../kernels/cpu/wasm/runtime';
import { WasmHeap } from '../../kernels/cpu/wasm/wasm-heap';

const PAGE = 65536;

describe('shared WebAssembly.Memory in this engine', () => {
  it('keeps existing views attached and aliased across growth (what resident arrays rely on)', () => {
    const m = new WebAssembly.Memory({ initial: 1, maximum: 64, shared: true });
    const v = new Float32Array(m.buffer, 128, 4);
    v[1] = 7;
    m.grow(8);
    expect(v.length).toBe(4);
    expect(v[1]).toBe(7);
    v[2] = 9;
    expect(new Float32Array(m.buffer)[32 + 2]).toBe(9);
  });

  it('whereas a non-shared memory detaches them', () => {
    const m = new WebAssembly.Memory({ initial: 1, maximum: 64 });
    const v = new Float32Array(m.buffer);
    m.grow(1);
    expect(v.length).toBe(0);
  });
});

describe('WasmHeap', () => {
  it('hands out resident arrays that survive growth and are recognised by offset', () => {
    const heap = new WasmHeap(1, 256, true);
    const a = heap.allocF32(1000) as Float32Array;
    a.fill(3);
    const big = heap.allocF32(4 * PAGE) as Float32Array; // forces growth
    expect(heap.memory.buffer.byteLength).toBeGreaterThanOrEqual(16 * PAGE);
    expect(a[999]).toBe(3);
    expect(heap.offsetOf(a)).toBe(a.byteOffset);
    expect(heap.offsetOf(big)).toBe(big.byteOffset);
    expect(heap.offsetOf(a.subarray(10))).toBe(a.byteOffset + 40);
    expect(heap.offsetOf(new Float32Array(10))).toBe(-1);
    expect(heap.offsetOf(a.slice())).toBe(-1); // a copy lives elsewhere
    expect(a.byteOffset + 4000).toBeLessThanOrEqual(big.byteOffset); // no overlap
  });

  it('counts references: the last release frees the block, which the next array of its class reuses', () => {
    const heap = new WasmHeap(1, 256, true);
    const a = heap.allocF32(256) as Float32Array;
    const used = heap.allocator.bytesInUse;
    heap.retain(a);
    heap.release(a);
    expect(heap.isResident(a)).toBe(true);
    expect(heap.allocator.bytesInUse).toBe(used);
    heap.release(a);
    expect(heap.isResident(a)).toBe(false);
    expect(heap.allocator.bytesInUse).toBe(0);
    heap.release(a); // a stale release does nothing
    heap.retain(new Float32Array(4)); // foreign arrays are ignored
    heap.release(new Float32Array(4));
    const b = heap.allocF32(250) as Float32Array;
    expect(b.byteOffset).toBe(a.byteOffset);
  });

  it('releases an attached companion with its owner', () => {
    const heap = new WasmHeap(1, 256, true);
    const y = heap.allocF32(64) as Float32Array;
    const arg = heap.allocI32(64) as Int32Array;
    expect(heap.attach(y, arg)).toBe(true);
    expect(heap.attach(y, new Int32Array(4))).toBe(false);
    heap.release(y);
    expect(heap.isResident(arg)).toBe(false);
    expect(heap.allocator.blocksInUse).toBe(0);
  });

  it('grows by half again while small, and by at most 64 MiB beyond the request once large', () => {
    const heap = new WasmHeap(16, 32_768, true);
    expect(heap.ensure(16 * PAGE + 1)).toBe(true);
    expect(heap.memory.buffer.byteLength).toBe(24 * PAGE);
    const large = 300 * 1024 * 1024;
    expect(heap.ensure(large)).toBe(true);
    expect(heap.memory.buffer.byteLength).toBe(large);
    expect(heap.ensure(large + 1)).toBe(true);
    // Half again would be 450 MiB.
    expect(heap.memory.buffer.byteLength).toBe(large + 64 * 1024 * 1024);
  });

  it('gives no resident arrays over a non-shared memory, and fails cleanly when full', () => {
    expect(new WasmHeap(1, 4, false).allocF32(4)).toBeUndefined();
    const heap = new WasmHeap(1, 2, true);
    expect(heap.allocF32(PAGE)).toBeUndefined(); // 256 KiB > 128 KiB
    expect(heap.alloc(3 * PAGE)).toBe(-1);
  });

  it('gives the finalizer only the arrays still live when the running code yields, and frees them when released', async () => {
    const heap = new WasmHeap(1, 256, true);
    const register = vi.spyOn(FinalizationRegistry.prototype, 'register');
    const unregister = vi.spyOn(FinalizationRegistry.prototype, 'unregister');
    try {
      const arrays = Array.from({ length: 10 }, () => heap.allocF32(64) as Float32Array);
      arrays.slice(1).forEach((a) => heap.release(a)); // a step's intermediates, released by their scope
      expect(register).not.toHaveBeenCalled();
      await Promise.resolve();
      expect(register).toHaveBeenCalledTimes(1);
      expect(register.mock.calls[0][0]).toBe(arrays[0]);
      expect(unregister).not.toHaveBeenCalled();
      heap.release(arrays[0]);
      expect(unregister).toHaveBeenCalledTimes(1);
      expect(heap.allocator.blocksInUse).toBe(0);
    } finally {
      register.mockRestore();
      unregister.mockRestore();
    }
  });

  it('gives the finalizer 4,096 arrays at a time within one synchronous stretch', () => {
    const heap = new WasmHeap(1, 256, true);
    const register = vi.spyOn(FinalizationRegistry.prototype, 'register');
    try {
      for (let i = 0; i < 4095; i++) heap.allocF32(4);
      expect(register).not.toHaveBeenCalled();
      heap.allocF32(4);
      expect(register).toHaveBeenCalledTimes(4096);
    } finally {
      register.mockRestore();
    }
  });

  it('frees the block of a resident array that is dropped without a release, once it is collected', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = new WasmHeap(1, 256, true);
    (() => { heap.allocF32(1024); })();
    expect(heap.allocator.blocksInUse).toBe(1);
    for (let i = 0; i < 20 && heap.allocator.blocksInUse > 0; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(heap.allocator.blocksInUse).toBe(0);
  });
});

describe('SIMD gemm on resident operands', () => {
  it('gives the same bits in place as through copies, leaving no temporaries behind', () => {
    const rt = new WasmRuntime({ mr: 4, nr: 8, fma: false }, 1);
    const gemm = simdGemmOn(rt);
    // n = 32: row-major B is read in place, without packing; n = 19 has an edge panel and is packed.
    for (const [m, n, k] of [[37, 19, 45], [37, 32, 300]]) {
      const a = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i));
      const b = Float32Array.from({ length: k * n }, (_, i) => Math.cos(i));
      const place = (x: Float32Array): Float32Array => {
        const r = rt.heap.allocF32(x.length) as Float32Array;
        r.set(x);
        return r;
      };
      for (const [transA, transB, acc] of [[false, false, false], [true, false, true], [false, true, false], [true, true, true]]) {
        const c0 = Float32Array.from({ length: m * n }, (_, i) => i % 5);
        const want = c0.slice();
        gemm(a, b, want, m, n, k, transA, transB, acc);
        const blocks = rt.heap.allocator.blocksInUse;
        const got = place(c0);
        gemm(place(a), place(b), got, m, n, k, transA, transB, acc);
        expect(Array.from(got)).toEqual(Array.from(want));
        expect(rt.heap.allocator.blocksInUse).toBe(blocks + 3); // a, b and c only
        const ref = c0.slice();
        gemmJs(a, b, ref, m, n, k, transA, transB, acc);
        for (let i = 0; i < ref.length; i++) expect(got[i]).toBeCloseTo(ref[i], 3);
      }
    }
    rt.terminate();
  });
});
