import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Hand-computed cases, most of them the examples of TF.js's documentation, with their documented results.

const x23 = () => tn.tensor([[1, 2, 3], [4, 5, 6]]);
const t323 = () => tn.tensor([[[1, 1, 1], [2, 2, 2]], [[3, 3, 3], [4, 4, 4]], [[5, 5, 5], [6, 6, 6]]]);

describe('shape ops: forward values as TF.js gives them', () => {
  it('concat along any axis, negative axes count from the end, one tensor gives a copy', () => {
    const a = tn.tensor([[1, 2], [10, 20]]);
    const b = tn.tensor([[3, 4], [30, 40]]);
    expect(tn.concat([tn.tensor([1, 2]), tn.tensor([3, 4]), tn.tensor([5, 6])]).arraySync()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tn.concat([a, b]).arraySync()).toEqual([[1, 2], [10, 20], [3, 4], [30, 40]]);
    expect(tn.concat([a, b], 1).arraySync()).toEqual([[1, 2, 3, 4], [10, 20, 30, 40]]);
    expect(tn.concat([a, b], -1).arraySync()).toEqual([[1, 2, 3, 4], [10, 20, 30, 40]]);
    expect(tn.concat([a, tn.zeros([0, 2]), b]).shape).toEqual([4, 2]);
    const copy = tn.concat([a]);
    expect(copy).not.toBe(a);
    copy.dispose();
    expect(a.arraySync()).toEqual([[1, 2], [10, 20]]);
    expect(a.concat(b, 1).shape).toEqual([2, 4]);
    expect(a.concat([b, b]).shape).toEqual([6, 2]);
  });

  it('stack and unstack', () => {
    const a = tn.tensor([1, 2]), b = tn.tensor([3, 4]), c = tn.tensor([5, 6]);
    expect(tn.stack([a, b, c]).arraySync()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(tn.stack([a, b, c], 1).arraySync()).toEqual([[1, 3, 5], [2, 4, 6]]);
    expect(tn.stack([a, b, c], -1).arraySync()).toEqual([[1, 3, 5], [2, 4, 6]]);
    expect(tn.stack([tn.scalar(1), tn.scalar(2)]).arraySync()).toEqual([1, 2]);
    expect(tn.unstack(tn.tensor([[1, 2], [3, 4]])).map((t) => t.arraySync())).toEqual([[1, 2], [3, 4]]);
    expect(tn.unstack(tn.tensor([[1, 2], [3, 4]]), 1).map((t) => t.arraySync())).toEqual([[1, 3], [2, 4]]);
    expect(tn.unstack(tn.tensor([1, 2])).map((t) => t.shape)).toEqual([[], []]);
    expect(a.stack(b).arraySync()).toEqual([[1, 2], [3, 4]]);
    expect(x23().unstack(-1).length).toBe(3);
  });

  it('split by count and by sizes (one -1 takes the rest)', () => {
    const x = tn.tensor([[1, 2, 3, 4], [5, 6, 7, 8]]);
    expect(tn.split(x, 2, 1).map((t) => t.arraySync())).toEqual([[[1, 2], [5, 6]], [[3, 4], [7, 8]]]);
    expect(tn.split(x, [1, 2, 1], 1).map((t) => t.arraySync())).toEqual([[[1], [5]], [[2, 3], [6, 7]], [[4], [8]]]);
    expect(tn.split(x, [1, -1], 1).map((t) => t.shape)).toEqual([[2, 1], [2, 3]]);
    expect(tn.split(x, 2).map((t) => t.arraySync())).toEqual([[[1, 2, 3, 4]], [[5, 6, 7, 8]]]);
    expect(x.split([3, 1], -1).map((t) => t.shape)).toEqual([[2, 3], [2, 1]]);
  });

  it('transpose with and without perm', () => {
    expect(tn.transpose(x23()).arraySync()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(x23().transpose().arraySync()).toEqual([[1, 4], [2, 5], [3, 6]]);
    const t = tn.tensor(Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
    const y = tn.transpose(t, [1, 2, 0]);
    expect(y.shape).toEqual([3, 4, 2]);
    // y[i][j][k] = t[k][i][j]
    const ya = y.arraySync() as number[][][];
    expect(ya[2][1][1]).toBe(12 + 2 * 4 + 1);
    expect(tn.transpose(t).shape).toEqual([4, 3, 2]);
    expect(tn.transpose(tn.scalar(3)).arraySync()).toBe(3);
  });

  it('expandDims and squeeze', () => {
    const x = tn.tensor([1, 2, 3, 4]);
    expect(x.expandDims().arraySync()).toEqual([[1, 2, 3, 4]]);
    expect(tn.expandDims(x, 1).arraySync()).toEqual([[1], [2], [3], [4]]);
    expect(tn.expandDims(x, -1).shape).toEqual([4, 1]);
    expect(tn.expandDims(tn.scalar(1)).shape).toEqual([1]);
    expect(tn.squeeze(tn.tensor([1, 2, 3, 4], [1, 1, 4])).arraySync()).toEqual([1, 2, 3, 4]);
    expect(tn.squeeze(tn.zeros([1, 2, 1]), [0]).shape).toEqual([2, 1]);
    expect(tn.squeeze(tn.zeros([1, 2, 1]), [-1]).shape).toEqual([1, 2]);
    expect(tn.zeros([1, 1]).squeeze().shape).toEqual([]);
  });

  it('tile and broadcastTo', () => {
    expect(tn.tile(tn.tensor([1, 2]), [2]).arraySync()).toEqual([1, 2, 1, 2]);
    expect(tn.tile(tn.tensor([[1, 2], [3, 4]]), [1, 2]).arraySync()).toEqual([[1, 2, 1, 2], [3, 4, 3, 4]]);
    expect(tn.tile(tn.tensor([[1, 2], [3, 4]]), [2, 1]).arraySync()).toEqual([[1, 2], [3, 4], [1, 2], [3, 4]]);
    expect(tn.tile(tn.tensor([1, 2]), [0]).shape).toEqual([0]);
    expect(tn.broadcastTo(tn.tensor([1, 2, 3]), [2, 3]).arraySync()).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(tn.broadcastTo(tn.tensor([[1], [2]]), [2, 2, 3]).arraySync()).toEqual([[[1, 1, 1], [2, 2, 2]], [[1, 1, 1], [2, 2, 2]]]);
    expect(tn.tensor([1, 2]).broadcastTo([2, 2]).arraySync()).toEqual([[1, 2], [1, 2]]);
    expect(tn.scalar(7).broadcastTo([2]).arraySync()).toEqual([7, 7]);
  });

  it('pad with a constant, and mirrorPad in both modes', () => {
    expect(tn.pad(tn.tensor([[1, 2], [3, 4]]), [[1, 2], [1, 2]]).arraySync()).toEqual([
      [0, 0, 0, 0, 0], [0, 1, 2, 0, 0], [0, 3, 4, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0],
    ]);
    expect(tn.tensor([1, 2, 3, 4]).pad([[1, 2]], 7).arraySync()).toEqual([7, 1, 2, 3, 4, 7, 7]);
    const x = tn.tensor([[1, 2, 3], [4, 5, 6]]);
    expect(tn.mirrorPad(x, [[1, 1], [2, 2]], 'reflect').arraySync()).toEqual([
      [6, 5, 4, 5, 6, 5, 4], [3, 2, 1, 2, 3, 2, 1], [6, 5, 4, 5, 6, 5, 4], [3, 2, 1, 2, 3, 2, 1],
    ]);
    expect(tn.mirrorPad(x, [[1, 1], [2, 2]], 'symmetric').arraySync()).toEqual([
      [2, 1, 1, 2, 3, 3, 2], [2, 1, 1, 2, 3, 3, 2], [5, 4, 4, 5, 6, 6, 5], [5, 4, 4, 5, 6, 6, 5],
    ]);
    expect(tn.mirrorPad(tn.tensor([1, 2, 3]), [[0, 0]], 'reflect').arraySync()).toEqual([1, 2, 3]);
    expect(tn.tensor([1, 2, 3]).mirrorPad([[3, 0]], 'symmetric').arraySync()).toEqual([3, 2, 1, 1, 2, 3]);
  });

  it('reverse along all or some axes', () => {
    expect(tn.reverse(tn.tensor([1, 2, 3, 4])).arraySync()).toEqual([4, 3, 2, 1]);
    expect(tn.reverse(tn.tensor([[1, 2], [3, 4]]), 0).arraySync()).toEqual([[3, 4], [1, 2]]);
    expect(tn.reverse(tn.tensor([[1, 2], [3, 4]]), 1).arraySync()).toEqual([[2, 1], [4, 3]]);
    expect(tn.reverse(tn.tensor([[1, 2], [3, 4]]), [0, -1]).arraySync()).toEqual([[4, 3], [2, 1]]);
    expect(tn.tensor([[1, 2], [3, 4]]).reverse().arraySync()).toEqual([[4, 3], [2, 1]]);
  });

  it('slice with numbers, short lists and -1 sizes on any axis', () => {
    expect(tn.slice(tn.tensor([1, 2, 3, 4]), 1, 2).arraySync()).toEqual([2, 3]);
    const x = tn.tensor([[1, 2], [3, 4]]);
    expect(tn.slice(x, [1, 0], [1, 2]).arraySync()).toEqual([[3, 4]]);
    expect(x.slice([0, 1], [-1, 1]).arraySync()).toEqual([[2], [4]]);
    expect(x.slice(1).arraySync()).toEqual([[3, 4]]);
    expect(tn.slice(x23(), [0, 1], [2, -1]).arraySync()).toEqual([[2, 3], [5, 6]]);
    expect(tn.slice(x23(), [1]).arraySync()).toEqual([[4, 5, 6]]);
    expect(tn.slice(x23(), [2, 0], [0, 3]).shape).toEqual([0, 3]);
  });

  it('stridedSlice: ranges, negative strides, every mask', () => {
    const t = t323();
    expect(tn.stridedSlice(t, [1, 0, 0], [2, 1, 3], [1, 1, 1]).arraySync()).toEqual([[[3, 3, 3]]]);
    expect(tn.stridedSlice(t, [1, 0, 0], [2, 2, 3], [1, 1, 1]).arraySync()).toEqual([[[3, 3, 3], [4, 4, 4]]]);
    expect(tn.stridedSlice(t, [1, -1, 0], [2, -3, 3], [1, -1, 1]).arraySync()).toEqual([[[4, 4, 4], [3, 3, 3]]]);
    const r = tn.tensor([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(tn.stridedSlice(r, [1], [6], [2]).arraySync()).toEqual([1, 3, 5]);
    expect(tn.stridedSlice(r, [-2], [0], [-2]).arraySync()).toEqual([6, 4, 2]);
    expect(tn.stridedSlice(r, [0], [0], [-1], 1, 1).arraySync()).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);
    expect(tn.stridedSlice(r, [3], [100]).arraySync()).toEqual([3, 4, 5, 6, 7]);
    expect(tn.stridedSlice(r, [-100], [2]).arraySync()).toEqual([0, 1]);
    expect(tn.stridedSlice(r, [5], [2]).shape).toEqual([0]);
    // beginMask / endMask: x[:2, 1:]
    expect(tn.stridedSlice(x23(), [9, 1], [2, 9], [1, 1], 1, 2).arraySync()).toEqual([[2, 3], [5, 6]]);
    // shrinkAxisMask: x[1, :] and x[-1, 2]
    expect(tn.stridedSlice(x23(), [1, 0], [2, 3], [1, 1], 0, 2, 0, 0, 1).arraySync()).toEqual([4, 5, 6]);
    expect(tn.stridedSlice(x23(), [-1, 2], [0, 0], [1, 1], 0, 0, 0, 0, 3).arraySync()).toBe(6);
    // A shrunk axis beside a stride of 2: x[0, 1:5:2] is [2] as in TensorFlow (TF.js 4.22's cpu kernel gives [1]).
    expect(tn.stridedSlice(tn.tensor([[1, 2]]), [0, 1], [1, 5], [1, 2], 0, 0, 0, 0, 1).arraySync()).toEqual([2]);
    // newAxisMask: x[newaxis, :, 1]
    expect(tn.stridedSlice(x23(), [0, 0, 1], [0, 2, 2], [1, 1, 1], 0, 0, 0, 1, 4).arraySync()).toEqual([[2, 5]]);
    // ellipsisMask: t[..., 1] and t[0, ..., newaxis]
    expect(tn.stridedSlice(t, [0, 1], [0, 2], [1, 1], 0, 0, 1, 0, 2).arraySync()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(tn.stridedSlice(t, [0, 0, 0], [1, 0, 0], [1, 1, 1], 0, 0, 2, 4, 1).shape).toEqual([2, 3, 1]);
    // Entries past the given ones are whole axes: t[1:2] keeps [1, 2, 3].
    expect(t.stridedSlice([1], [2]).shape).toEqual([1, 2, 3]);
  });

  it('reshape with -1, flatten and the as*D methods', () => {
    expect(tn.reshape(x23(), [-1]).arraySync()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tn.reshape(x23(), [3, -1]).shape).toEqual([3, 2]);
    expect(x23().reshape([-1, 1, 2]).shape).toEqual([3, 1, 2]);
    expect(x23().flatten().arraySync()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(x23().as1D().shape).toEqual([6]);
    expect(x23().as2D(3, 2).shape).toEqual([3, 2]);
    expect(x23().as3D(1, 3, 2).shape).toEqual([1, 3, 2]);
    expect(x23().as4D(1, 1, 3, 2).shape).toEqual([1, 1, 3, 2]);
    expect(x23().as5D(1, 1, 1, 3, 2).shape).toEqual([1, 1, 1, 3, 2]);
    expect(tn.tensor([5]).asScalar().arraySync()).toBe(5);
    expect(() => tn.tensor([1, 2]).asScalar()).toThrow('asScalar: x must be a tensor of 1 element, got shape [2] (2 elements)');
    expect(x23().reshapeAs(tn.zeros([6, 1])).shape).toEqual([6, 1]);
  });

  it('rank-checked forms: concat1d..4d, slice1d..4d, reverse1d..4d, pad1d..4d', () => {
    expect(tn.concat1d([tn.tensor([1]), tn.tensor([2, 3])]).arraySync()).toEqual([1, 2, 3]);
    expect(tn.concat2d([x23(), x23()], 1).shape).toEqual([2, 6]);
    expect(tn.concat3d([t323(), t323()], 2).shape).toEqual([3, 2, 6]);
    expect(tn.concat4d([tn.zeros([1, 1, 1, 1]), tn.zeros([2, 1, 1, 1])], 0).shape).toEqual([3, 1, 1, 1]);
    expect(tn.slice1d(tn.tensor([1, 2, 3, 4]), 1, 2).arraySync()).toEqual([2, 3]);
    expect(tn.slice2d(x23(), [1, 1], [1, -1]).arraySync()).toEqual([[5, 6]]);
    expect(tn.slice3d(t323(), [1, 1, 0], [1, 1, 2]).arraySync()).toEqual([[[4, 4]]]);
    expect(tn.slice4d(tn.zeros([2, 2, 2, 2]), [1, 1, 1, 1], [1, 1, 1, 1]).shape).toEqual([1, 1, 1, 1]);
    expect(tn.reverse1d(tn.tensor([1, 2])).arraySync()).toEqual([2, 1]);
    expect(tn.reverse2d(x23(), 1).arraySync()).toEqual([[3, 2, 1], [6, 5, 4]]);
    expect(tn.reverse3d(t323(), 0).arraySync()).toEqual([[[5, 5, 5], [6, 6, 6]], [[3, 3, 3], [4, 4, 4]], [[1, 1, 1], [2, 2, 2]]]);
    expect(tn.reverse4d(tn.zeros([1, 2, 3, 4])).shape).toEqual([1, 2, 3, 4]);
    expect(tn.pad1d(tn.tensor([1]), [1, 2], 5).arraySync()).toEqual([5, 1, 5, 5]);
    expect(tn.pad2d(tn.tensor([[1]]), [[1, 0], [0, 1]]).arraySync()).toEqual([[0, 0], [1, 0]]);
    expect(tn.pad3d(tn.zeros([1, 1, 1]), [[1, 1], [0, 0], [0, 0]]).shape).toEqual([3, 1, 1]);
    expect(tn.pad4d(tn.zeros([1, 1, 1, 1]), [[0, 0], [1, 1], [1, 1], [0, 0]]).shape).toEqual([1, 3, 3, 1]);
    expect(() => tn.slice2d(tn.tensor([1, 2]), [0, 0], [1, 1])).toThrow(/slice2d: x must be rank 2, got shape \[2\] \(rank 1\)/);
    expect(() => tn.concat2d([x23(), tn.tensor([1])], 0)).toThrow(/concat2d: tensors\[1\] must be rank 2/);
  });

  it('keep the dtype and give new tensors that outlive their inputs', () => {
    const x = tn.tensor([[1, 2], [3, 4]], undefined, 'float64');
    const outs = [
      tn.concat([x, x]), tn.stack([x, x]), tn.transpose(x), tn.tile(x, [2, 1]), tn.pad(x, [[1, 0], [0, 1]]),
      tn.mirrorPad(x, [[1, 1], [0, 0]], 'symmetric'), tn.reverse(x), tn.slice(x, [0, 0], [1, 2]),
      tn.stridedSlice(x, [0], [2], [2]), tn.broadcastTo(x, [3, 2, 2]), tn.expandDims(x), ...tn.split(x, 2), ...tn.unstack(x),
    ];
    for (const y of outs) expect(y.dtype).toBe('float64');
    x.dispose();
    expect(outs[2].arraySync()).toEqual([[1, 3], [2, 4]]);
  });
});
