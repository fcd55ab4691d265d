import { describe, expect, it } from 'vitest';
import { CodeWriter, ValType } from '../../kernels/cpu/wasm/code-writer';
import { buildGemmModule } from '../../kernels/cpu/wasm/gemm-module';
import { sleb, uleb } from '../../kernels/cpu/wasm/leb128';
import { ModuleBuilder } from '../../kernels/cpu/wasm/module-builder';
import { relaxedSimdSupported, sharedMemorySupported, simdSupported } from '../../kernels/cpu/wasm/simd-support';

const { i32, f32 } = ValType;

describe('LEB128', () => {
  it('encodes unsigned values as the spec examples do', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(uleb(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(() => uleb(-1)).toThrow(/u32/);
  });

  it('encodes signed values with sign extension', () => {
    expect(sleb(0)).toEqual([0]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-128)).toEqual([0x80, 0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(0x7fffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x07]);
  });
});

describe('ModuleBuilder', () => {
  it('builds a module that adds two i32s (hand-checked bytes)', () => {
    const code = new CodeWriter().localGet(0).localGet(1).i32Add();
    const mb = new ModuleBuilder();
    mb.addFunction([i32, i32], [i32], [], code, 'add');
    const bytes = mb.build();
    expect(Array.from(bytes)).toEqual([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
      0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, // type section: (i32, i32) -> i32
      0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
      0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00, // export "add" = func 0
      0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b, // code: no locals; get 0, get 1, i32.add, end
    ]);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const add = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.add as (x: number, y: number) => number;
    expect(add(2, 3)).toBe(5);
    expect(add(-7, 4)).toBe(-3);
  });

  it('runs loops, locals and SIMD over an imported memory', () => {
    // sum(ptr, n): adds n floats (n a multiple of 4) four lanes at a time, then folds the lanes.
    const [ptr, n, acc] = [0, 1, 2];
    const c = new CodeWriter();
    c.block().loop();
    c.localGet(n).i32Eqz().brIf(1);
    c.localGet(acc).localGet(ptr).v128Load().f32x4Add().localSet(acc);
    c.localGet(ptr).i32Const(16).i32Add().localSet(ptr);
    c.localGet(n).i32Const(4).i32Sub().localSet(n);
    c.br(0).end().end();
    for (let lane = 0; lane < 4; lane++) c.localGet(acc).f32x4ExtractLane(lane);
    c.f32Add().f32Add().f32Add();
    const mb = new ModuleBuilder().importMemory('env', 'memory', { initial: 1 });
    mb.addFunction([i32, i32], [f32], [ValType.v128], c, 'sum');
    const bytes = mb.build();
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const sum = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports.sum as (p: number, n: number) => number;
    new Float32Array(memory.buffer).set([1, 2, 3, 4, 5, 6, 7, 8, 0.5, 0.25, 0.125, 0.125], 4);
    expect(sum(16, 12)).toBe(37);
    expect(sum(16, 0)).toBe(0);
  });

  it('declares shared memories with their maximum', () => {
    expect(() => new ModuleBuilder().importMemory('env', 'memory', { initial: 1, shared: true })).toThrow(/maximum/);
    const bytes = new ModuleBuilder().importMemory('env', 'memory', { initial: 1, maximum: 2, shared: true }).build();
    expect(WebAssembly.validate(bytes)).toBe(true);
  });
});

describe('feature probes', () => {
  it('finds SIMD and shared memory in Node 20, relaxed SIMD only behind a flag', () => {
    expect(simdSupported()).toBe(true);
    expect(sharedMemorySupported()).toBe(true);
    expect(typeof relaxedSimdSupported()).toBe('boolean');
  });
});

describe('buildGemmModule', () => {
  it.each([[4, 8], [4, 16], [6, 8], [8, 8], [3, 4]])('emits a valid module for a %i×%i tile', (mr, nr) => {
    for (const shared of [false, true]) {
      const bytes = buildGemmModule({ mr, nr, fma: false }, { initial: 1, maximum: 16, shared });
      expect(WebAssembly.validate(bytes)).toBe(true);
    }
  });

  it('rejects tiles whose width is not a multiple of 4', () => {
    expect(() => buildGemmModule({ mr: 4, nr: 6, fma: false }, { initial: 1 })).toThrow(/multiple of 4/);
  });
});
