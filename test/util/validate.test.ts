import { describe, expect, it } from 'vitest';
import { fmtValue } from '../../src/util/validate';

describe('fmtValue: a value as an error shows it', () => {
  it('plain values as JSON, NaN and infinities as themselves', () => {
    expect(fmtValue({ a: [1, NaN], b: 'x' })).toBe('{"a":[1,NaN],"b":"x"}');
    expect(fmtValue([Infinity, -Infinity, null])).toBe('[Infinity,-Infinity,null]');
  });

  it('an instance of a class by its class and name', () => {
    class Thing { name = 'mine'; secret = 1; }
    expect(fmtValue(new Thing())).toBe("a Thing named 'mine'");
    expect(fmtValue(new Float32Array(3))).toBe('a Float32Array');
    expect(fmtValue(new Map())).toBe('a Map');
  });

  it('tensors, instances, functions and undefined inside arrays and objects in short, not as their fields', async () => {
    const tn = await import('../../src/index');
    const x = tn.zeros([2, 3]);
    const d = tn.data.array([1, 2]);
    expect(fmtValue({ x, y: [tn.scalar(1, 'int32')], d, f: () => 1, u: undefined, n: [undefined, NaN] }))
      .toBe("{\"x\":Tensor float32 [2, 3],\"y\":[Tensor int32 []],\"d\":a Dataset,\"f\":a function,\"u\":undefined,\"n\":[undefined,NaN]}");
    expect(fmtValue({ a: { b: new Float32Array(2), c: 10n } })).toBe('{"a":{"b":a Float32Array,"c":10}}');
  });

  it('a long value cut at 300 characters, with its length', () => {
    const long = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key${i}`, i]));
    const shown = fmtValue(long);
    const whole = JSON.stringify(long);
    expect(shown).toBe(`${whole.slice(0, 300)}… (${whole.length} characters)`);
  });
});
