import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('sparseToDense and tensorScatterUpdate', () => {
  it('place values by hand-computed cases, the last of duplicate places winning', () => {
    expect(tn.sparseToDense([[0, 1], [2, 0], [0, 1]], [5, 6, 7], [3, 2], 9).arraySync()).toEqual([[9, 7], [9, 9], [6, 9]]);
    expect(tn.sparseToDense([3, 0], 4, [5]).arraySync()).toEqual([4, 0, 0, 4, 0]);
    expect(tn.sparseToDense(1, tn.scalar(2, 'int32'), [3], tn.scalar(-1, 'int32')).dataSync()).toEqual(Int32Array.from([-1, 2, -1]));
    expect(tn.sparseToDense(tn.zeros([0, 2], 'int32'), tn.zeros([0]), [1, 2], 3).arraySync()).toEqual([[3, 3]]);
    const t = tn.tensor2d([[1, 2], [3, 4], [5, 6]]);
    expect(tn.tensorScatterUpdate(t, [[2], [0], [2]], [[7, 8], [9, 10], [11, 12]]).arraySync()).toEqual([[9, 10], [3, 4], [11, 12]]);
    expect(tn.tensorScatterUpdate(t, [[1, 1], [0, 0]], [-4, -1]).arraySync()).toEqual([[-1, 2], [3, -4], [5, 6]]);
    // No index tuples: a new tensor with t's values, which outlives t, as TF.js's.
    const same = tn.tensorScatterUpdate(t, tn.zeros([0, 1], 'int32'), tn.zeros([0, 2]));
    expect(same).not.toBe(t);
    t.dispose();
    expect(same.arraySync()).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it('gradients: to the values that land and the default elsewhere; to the tensor where nothing is written (float64)', () => {
    const values = tn.tensor1d([0.5, -1.5, 2], 'float64');
    const fallback = tn.scalar(0.3, 'float64');
    const dense = (v: tn.Tensor, d: tn.Tensor) => tn.sparseToDense([[0, 2], [1, 1], [0, 2]], v, [2, 3], d);
    expect(tn.gradCheck((v, d) => tn.sum(tn.square(dense(v, d))), [values, fallback]).maxError).toBeLessThan(1e-6);
    // The first value is overwritten by the third, so it gets no gradient; the default fills the 4 places of 6 left unwritten.
    const [gv, gd] = tn.grads((v: tn.Tensor, d: tn.Tensor) => tn.sum(dense(v, d)))([values, fallback]);
    expect(Array.from(gv.dataSync())).toEqual([0, 1, 1]);
    expect(gd.dataSync()[0]).toBe(4);
    const t = tn.randomUniform([3, 2, 2], -1, 1, 'float64', 3);
    const u = tn.randomUniform([2, 2], -1, 1, 'float64', 4);
    const update = (x: tn.Tensor, v: tn.Tensor) => tn.tensorScatterUpdate(x, [[2, 1], [0, 0]], v);
    expect(tn.gradCheck((x, v) => tn.sum(tn.mul(update(x, v), update(x, v))), [t, u]).maxError).toBeLessThan(1e-6);
  });

  it('refuse bad input naming the op, the argument, what came and what was expected', () => {
    expect(() => tn.sparseToDense([1, 9], [5, 6], [4])).toThrow('sparseToDense: indices[1] must be an index in [0, 3], got 9');
    expect(() => tn.sparseToDense([1, 2], [5, 6, 7], [4])).toThrow('sparseToDense: sparseValues must be shape [] or [2] (one value per index), got shape [3]');
    expect(() => tn.sparseToDense([1, 2], [5, 6], [4, 4])).toThrow(/sparseToDense: outputShape must be a shape of rank 1/);
    expect(() => tn.sparseToDense([[[1]]], [5], [4])).toThrow(/sparseToDense: sparseIndices must be a scalar, a vector or an \[n, rank\] matrix/);
    expect(() => tn.sparseToDense([1], [5], [4], tn.scalar(1, 'int32'))).toThrow(/sparseToDense: defaultValue must be sparseValues' dtype float32, got dtype int32/);
    expect(() => tn.sparseToDense([1], [5], [4], [1, 2])).toThrow(/sparseToDense: defaultValue must be a scalar/);
    expect(() => tn.tensorScatterUpdate(tn.tensor1d([1, 2, 3]), [[5]], [8])).toThrow('tensorScatterUpdate: indices[0] must be an index in [0, 2], got 5');
    expect(() => tn.tensorScatterUpdate(tn.tensor1d([1, 2, 3]), [[1]], [8, 9])).toThrow(/tensorScatterUpdate: updates must be shape \[1\]/);
    expect(() => tn.tensorScatterUpdate(tn.tensor1d([1, 2, 3]), [[1]], tn.tensor1d([8], 'int32'))).toThrow(/tensorScatterUpdate: updates must be tensor's dtype float32/);
  });
});
