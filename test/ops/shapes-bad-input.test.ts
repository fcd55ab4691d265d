import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Each bad call names the op, the argument, what came and what was expected, and throws before any work.

describe('shape ops reject bad input with a clear Error', () => {
  const a = tn.zeros([2, 3]);
  const cases: [string, () => unknown, RegExp][] = [
    ['concat of nothing', () => tn.concat([]), /concat: tensors must be a non-empty array of Tensors, got an array of length 0/],
    ['concat of a non-tensor', () => tn.concat([a, {} as unknown as tn.Tensor]), /concat: tensors\[1\] must be a Tensor or TensorLike values .*, got an object/],
    ['concat of numbers and strings', () => tn.concat([a, 'x' as unknown as tn.Tensor]), /concat: tensors\[0\] must be a string tensor, as strings join and compare only with strings, got a tensor of shape \[2, 3\] and dtype float32/],
    ['concat shapes', () => tn.concat([a, tn.zeros([3, 3])], 1), /concat: tensors\[1\] must be shape \[2, 3\] except along axis 1 \(as tensors\[0\]\), got shape \[3, 3\]/],
    ['concat ranks', () => tn.concat([a, tn.zeros([2, 3, 1])]), /concat: tensors\[1\] must be shape \[2, 3\] except along axis 0/],
    ['concat axis', () => tn.concat([a, a], 2), /concat: axis must be an integer in \[-2, 2\) for a rank-2 tensor, got number 2/],
    ['concat dtypes', () => tn.concat([tn.zeros([2, 3], 'int32'), tn.zeros([2, 3], 'float64')]), /concat: tensors\[1\] must be dtype int32, as tensors\[0\].*got dtype float64/],
    ['concat scalars', () => tn.concat([tn.scalar(1), tn.scalar(2)]), /concat: tensors must be tensors of rank >= 1/],
    ['stack shapes', () => tn.stack([a, tn.zeros([3, 2])]), /stack: tensors\[1\] must be shape \[2, 3\], as tensors\[0\], got shape \[3, 2\]/],
    ['stack axis', () => tn.stack([a, a], 3), /stack: axis must be an integer in \[-3, 3\) for a rank-2 tensor, got number 3/],
    ['unstack axis', () => tn.unstack(a, -3), /unstack: axis must be an integer in \[-2, 2\)/],
    ['unstack scalar', () => tn.unstack(tn.scalar(1)), /unstack: x must be a tensor of rank >= 1, got a scalar/],
    ['split count', () => tn.split(a, 2, 1), /split: numOrSizeSplits must be a positive integer that divides x.shape\[1\] = 3, got number 2/],
    ['split sizes', () => tn.split(a, [1, 1], 1), /split: numOrSizeSplits must be sizes that add up to x.shape\[1\] = 3, got an array of length 2 \[1,1\]/],
    ['split two -1', () => tn.split(a, [-1, -1], 1), /split: numOrSizeSplits must be a number or an array of non-negative integers with at most one -1/],
    ['split -1 too much', () => tn.split(a, [4, -1], 1), /split: numOrSizeSplits must be sizes that add up to x.shape\[1\] = 3/],
    ['transpose perm length', () => tn.transpose(a, [0]), /transpose: perm must be a permutation of 0..1 .*got an array of length 1 \[0\]/],
    ['transpose perm repeat', () => tn.transpose(a, [0, 0]), /transpose: perm must be a permutation of 0..1/],
    ['transpose perm range', () => tn.transpose(a, [0, 2]), /transpose: perm must be a permutation/],
    ['expandDims axis', () => tn.expandDims(a, 3), /expandDims: axis must be an integer in \[-3, 3\) for a rank-2 tensor, got number 3/],
    ['expandDims fraction', () => tn.expandDims(a, 0.5), /expandDims: axis must be an integer/],
    ['squeeze non-1', () => tn.squeeze(a, [0]), /squeeze: axis must be axes of size 1, got axis 0 of size 2 \(shape \[2, 3\]\)/],
    ['squeeze axis range', () => tn.squeeze(a, [5]), /squeeze: axis must be integers in \[-2, 2\)/],
    ['tile reps length', () => tn.tile(a, [2]), /tile: reps must be an array of 2 non-negative integers .*got an array of length 1 \[2\]/],
    ['tile negative reps', () => tn.tile(a, [1, -1]), /tile: reps must be an array of 2 non-negative integers/],
    ['broadcastTo incompatible', () => tn.broadcastTo(a, [2, 4]), /broadcastTo: shape must be a shape that \[2, 3\] broadcasts to .*got an array of length 2 \[2,4\]/],
    ['broadcastTo shorter', () => tn.broadcastTo(a, [3]), /broadcastTo: shape must be an array of at least 2 non-negative integers/],
    ['pad pairs', () => tn.pad(a, [[1, 1]]), /pad: paddings must be 2 pairs \[before, after\] of integers .*got an array of length 1/],
    ['pad cropping more than an axis', () => tn.pad(a, [[1, 1], [-2, -2]]), /pad: paddings must be negative pads that crop at most the 3 elements of axis 1/],
    ['mirrorPad negative', () => tn.mirrorPad(a, [[1, 1], [-1, 0]], 'reflect'), /mirrorPad: paddings must be 2 pairs \[before, after\] of non-negative integers/],
    ['pad scalar', () => tn.pad(tn.scalar(1), []), /pad: x must be a tensor of rank >= 1, got a scalar/],
    ['pad value', () => tn.pad(a, [[0, 0], [0, 0]], 'x' as unknown as number), /pad: constantValue must be a number, got string "x"/],
    ['mirrorPad mode', () => tn.mirrorPad(a, [[0, 0], [1, 1]], 'edge' as 'reflect'), /mirrorPad: mode must be 'reflect' or 'symmetric', got string "edge"/],
    ['mirrorPad reflect too wide', () => tn.mirrorPad(a, [[0, 0], [3, 0]], 'reflect'), /mirrorPad: paddings must be at most 2 on axis 1 in 'reflect' mode/],
    ['mirrorPad symmetric too wide', () => tn.mirrorPad(a, [[3, 0], [0, 0]], 'symmetric'), /mirrorPad: paddings must be at most 2 on axis 0 in 'symmetric' mode/],
    ['reverse axis', () => tn.reverse(a, 2), /reverse: axis must be integers in \[-2, 2\)/],
    ['slice begin', () => tn.slice(a, [0, 4]), /slice: begin must be an integer in \[0, 3\] on axis 1 \(shape \[2, 3\]\), got an array of length 2 \[0,4\]/],
    ['slice negative begin', () => tn.slice(a, [-1, 0]), /slice: begin must be an integer in \[0, 2\] on axis 0/],
    ['slice size', () => tn.slice(a, [1, 1], [2, 1]), /slice: size must be -1 or an integer in \[0, 1\] on axis 0 \(begin 1, shape \[2, 3\]\)/],
    ['slice size -2', () => tn.slice(a, [0, 0], [-2, 1]), /slice: size must be -1 or an integer/],
    ['slice too many', () => tn.slice(a, [0, 0, 0]), /slice: begin must be an integer or an array of at most 2 integers/],
    ['slice fraction', () => tn.slice(a, [0.5]), /slice: begin must be an integer or an array of at most 2 integers/],
    ['slice scalar', () => tn.slice(tn.scalar(1), []), /slice: x must be a tensor of rank >= 1, got a scalar/],
    ['stridedSlice zero stride', () => tn.stridedSlice(a, [0], [1], [0]), /stridedSlice: strides must be non-zero integers, got an array of length 1 \[0\]/],
    ['stridedSlice lengths', () => tn.stridedSlice(a, [0, 0], [1], [1, 1]), /stridedSlice: end and strides must be as long as begin \(2\), got lengths 1 and 2/],
    ['stridedSlice two ellipses', () => tn.stridedSlice(a, [0, 0], [1, 1], [1, 1], 0, 0, 3), /stridedSlice: ellipsisMask must be a mask with at most one bit set/],
    ['stridedSlice shrink out of range', () => tn.stridedSlice(a, [2], [3], [1], 0, 0, 0, 0, 1), /stridedSlice: begin must be an index in \[-2, 2\) on axis 0 of shape \[2, 3\]/],
    ['stridedSlice shrink stride', () => tn.stridedSlice(a, [1], [0], [-1], 0, 0, 0, 0, 1), /stridedSlice: strides must be positive on axis 0/],
    ['stridedSlice too many indices', () => tn.stridedSlice(a, [0, 0, 0], [1, 1, 1]), /stridedSlice: begin must be at most 2 entries that index axes/],
    ['stridedSlice mask', () => tn.stridedSlice(a, [0], [1], [1], -1), /stridedSlice: beginMask must be a non-negative integer bit mask, got number -1/],
    ['stridedSlice begin', () => tn.stridedSlice(a, [0.5], [1]), /stridedSlice: begin must be an array of any number of integers/],
    ['method on a disposed tensor', () => { const t = tn.zeros([2]); t.dispose(); return t.transpose(); }, /^Tensor is disposed\.$/],
  ];
  for (const [name, f, message] of cases) {
    it(name, () => {
      let error: unknown;
      try {
        f();
      } catch (e) {
        error = e;
      }
      expect(error, 'should throw').toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(message);
    });
  }

  it("a disposed tensor's error is TF.js's, caused by one naming the tensor and the use", () => {
    const t = tn.zeros([2]);
    t.dispose();
    let error: unknown;
    try {
      t.transpose();
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe('Tensor is disposed.');
    expect(((error as Error).cause as Error).message).toMatch(/^Tensor \d+ \(shape \[2\]\) was disposed and cannot be used to transpose \(x\)$/);
  });
});

describe('ensureShape and broadcastArgs refuse bad input, naming it', () => {
  it('ensureShape', () => {
    const x = tn.zeros([2, 3]);
    expect(tn.ensureShape(x, [null, 3])).toBe(x);
    expect(() => tn.ensureShape(x, [2, -1])).toThrow('ensureShape: shape must be an array of sizes (null for any size), got [2,-1]');
    expect(() => tn.ensureShape(x, [3, 2])).toThrow('ensureShape: x must be a shape compatible with [3, 2], got shape [2, 3]');
  });

  it('broadcastArgs', () => {
    expect(Array.from(tn.broadcastArgs([3, 1], [1, 4]).dataSync())).toEqual([3, 4]);
    expect(() => tn.broadcastArgs(tn.tensor1d([2]), [3])).toThrow('broadcastArgs: s0 must be a 1-D int32 tensor (a shape), got a float32 tensor of shape [1]');
    expect(() => tn.broadcastArgs([2], [3])).toThrow("broadcastArgs: s1 must be a shape that broadcasts with s0's [2], got shape [3]");
  });
});

describe('bitwiseAnd', () => {
  it('ands the bits of int32 values, negative ones included, and refuses other dtypes and shapes', () => {
    expect(Array.from(tn.bitwiseAnd(tn.tensor1d([-1, -8, 6], 'int32'), tn.tensor1d([0x7fffffff, -3, 3], 'int32')).dataSync())).toEqual([0x7fffffff, -8, 2]);
    expect(() => tn.bitwiseAnd(tn.tensor1d([1]), tn.tensor1d([1], 'int32'))).toThrow('bitwiseAnd: x must be an int32 tensor, got a float32 tensor');
    expect(() => tn.bitwiseAnd(tn.tensor1d([1], 'int32'), tn.tensor1d([1, 2], 'int32'))).toThrow("bitwiseAnd: y must be x's shape [1], got shape [2]");
  });
});
