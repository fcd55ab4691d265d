import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.InputSpec', () => {
  it('keeps its args as TF.js does: a shape fixes ndim, axes default to {}', () => {
    const s = new tn.InputSpec({ shape: [null, 3], dtype: 'int32' });
    expect([s.shape, s.ndim, s.dtype, s.axes]).toEqual([[null, 3], 2, 'int32', {}]);
    const r = new tn.InputSpec({ minNDim: 2, maxNDim: 3, axes: { [-1]: 4 } });
    expect([r.ndim, r.minNDim, r.maxNDim, r.axes]).toEqual([undefined, 2, 3, { '-1': 4 }]);
  });

  it('rejects bad args with an error naming the field, what came and what was expected', () => {
    const bad: [unknown, RegExp][] = [
      [undefined, /^InputSpec: args must be an object \{dtype\?, shape\?, ndim\?, maxNDim\?, minNDim\?, axes\?\}, got undefined$/],
      [null, /^InputSpec: args must be an object .*, got null$/],
      [{ ndim: -1 }, /^InputSpec: args.ndim must be a non-negative integer, got number -1$/],
      [{ minNDim: 1.5 }, /^InputSpec: args.minNDim must be a non-negative integer, got number 1.5$/],
      [{ maxNDim: '3' }, /^InputSpec: args.maxNDim must be a non-negative integer, got string "3"$/],
      [{ shape: 3 }, /^InputSpec: args.shape must be an array of sizes \(null for any\), got number 3$/],
      [{ shape: [null, -2] }, /^InputSpec: args.shape\[1\] must be a non-negative integer, got number -2$/],
      [{ dtype: 'float16' }, /^InputSpec: args.dtype must be 'float32', 'int32', 'bool' or 'float64', got string "float16"$/],
      [{ axes: [2] }, /^InputSpec: args.axes must be an object of sizes by axis, got/],
      [{ axes: { x: 2 } }, /^InputSpec: args.axes must be integer axes, got the key "x"$/],
      [{ axes: { 1: -3 } }, /^InputSpec: args.axes\[1\] must be a non-negative integer, got number -3$/],
      [{ nDim: 3 }, /^InputSpec: args.nDim must be one of dtype, shape, ndim, maxNDim, minNDim, axes, got an unknown option$/],
    ];
    for (const [args, message] of bad) expect(() => new tn.InputSpec(args as tn.InputSpecArgs), JSON.stringify(args)).toThrow(message);
  });
});
