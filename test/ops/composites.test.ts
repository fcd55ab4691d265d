import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { close, expectGradOk, randTensor } from '../helpers';
import { expectHvpOk } from './hvp';

// divNoNan, euclideanNorm, diag, meshgrid, linalg.bandPart and tf.signal's windows and frames: values by hand,
// float64 gradients (first and second order) against central differences, and bad input.

describe('ops built from other ops', () => {
  it('values by hand', () => {
    expect(Array.from(tn.divNoNan(tn.tensor1d([1, 0, 3]), tn.tensor1d([0, 0, 2])).dataSync())).toEqual([0, 0, 1.5]);
    // A number beside a float64 tensor is a float64 operand, as in div: not rounded to float32 first.
    const d = 1.0486684423251682;
    expect(tn.divNoNan(tn.tensor1d([1], 'float64'), d).dataSync()[0]).toBe(1 / d);
    expect(tn.divNoNan(d, tn.tensor1d([2], 'float64')).dataSync()[0]).toBe(d / 2);
    close(tn.euclideanNorm(tn.tensor2d([[3, 4], [6, 8]]), 1).dataSync(), [5, 10]);
    // Over no axes a scalar's norm is its absolute value, keepDims or not, as TF.js's.
    expect(tn.euclideanNorm(tn.scalar(-3), [], true).arraySync()).toBe(3);
    expect(() => tn.euclideanNorm(tn.ones([2, 2]), [])).toThrow(/euclideanNorm: axis must be null, one axis or two axes \(or \[\] for a vector or a scalar\)/);
    expect(tn.diag(tn.tensor1d([1, 2])).arraySync()).toEqual([[1, 0], [0, 2]]);
    expect(tn.meshgrid(tn.tensor1d([1, 2]), tn.tensor1d([3, 4, 5]))[1].arraySync()).toEqual([[3, 3], [4, 4], [5, 5]]);
    expect(tn.linalg.bandPart(tn.ones([3, 3]), -1, 0).arraySync()).toEqual([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
    close(tn.signal.hannWindow(5).dataSync(), [0, 0.5, 1, 0.5, 0], 1e-7);
    close(tn.signal.hammingWindow(4).dataSync(), [0.08, 0.54, 1, 0.54], 1e-7);
    expect(tn.signal.frame(tn.range(0, 5), 2, 2, true, 9).arraySync()).toEqual([[0, 1], [2, 3], [4, 9]]);
    expect(tn.signal.frame(tn.range(0, 3), 4, 1).shape).toEqual([0, 4]);
  });

  it('tf.cosineWindow and tf.enclosingPowerOfTwo, the top-level helpers behind the windows, give TF.js\'s values', () => {
    for (const [n, a, b] of [[1, 0.5, 0.5], [4, 0.54, 0.46], [7, 0.3, -1.5], [8, 0.5, 0.5]]) {
      expect(Array.from(tn.cosineWindow(n, a, b).dataSync())).toEqual(Array.from(tf.cosineWindow(n, a, b).dataSync()));
    }
    expect(tn.cosineWindow(5, 0.5, 0.5).dataSync()).toEqual(tn.signal.hannWindow(5).dataSync());
    for (const v of [0.25, 0.5, 0.7, 1, 2, 3, 8, 9, 1000, 1024, 2 ** 29, 2 ** 29 + 1, 1e12]) expect(tn.enclosingPowerOfTwo(v)).toBe(tf.enclosingPowerOfTwo(v));
  });

  it('gradients against central differences, and their own gradients', () => {
    const x = randTensor([2, 3, 3], 21);
    const b = randTensor([3], 22, { awayFromZero: 0.3 });
    const fs: Array<(t: tn.Tensor) => tn.Tensor> = [
      (t) => tn.sum(tn.square(tn.divNoNan(t, b))),
      (t) => tn.euclideanNorm(t, [1, 2]).sum(),
      (t) => tn.sum(tn.square(tn.linalg.bandPart(t, 1, 0))),
      (t) => tn.sum(tn.sin(tn.diag(tn.slice(t, [0, 0, 0], [1, 1, 3])))),
      (t) => tn.sum(tn.square(tn.signal.frame(tn.reshape(t, [18]), 5, 3, true, 0.5))),
      (t) => { const [gx, gy] = tn.meshgrid(tn.reshape(tn.slice(t, [0, 0, 0], [1, 1, 3]), [3]), tn.reshape(tn.slice(t, [1, 0, 0], [1, 2, 1]), [2])); return tn.sum(tn.mul(gx, tn.square(gy))); },
    ];
    fs.forEach((f, i) => {
      expectGradOk(f, [x]);
      expectHvpOk(f, [x], 200 + i);
    });
  });

  it('divNoNan where b is 0: zero gradients for a and b (the quotient there is a constant 0), and their own gradients', () => {
    const a = randTensor([2, 3], 23);
    const b = tn.tensor([0, 1.5, -0.8], [3], 'float64');
    const [ga, gb] = tn.grads((p: tn.Tensor, q: tn.Tensor) => tn.sum(tn.divNoNan(p, q)))([a, b]);
    const av = a.dataSync();
    expect(Array.from(ga.dataSync())).toEqual([0, 1 / 1.5, 1 / -0.8, 0, 1 / 1.5, 1 / -0.8]);
    close(gb.dataSync(), [0, -(av[1] + av[4]) / 1.5 ** 2, -(av[2] + av[5]) / 0.8 ** 2]);
    expectHvpOk((p) => tn.divNoNan(p, b), [a], 24);
  });

  it('tn.fused epilogues beyond relu: gradients against central differences, and their own gradients', () => {
    const a = randTensor([3, 4], 31);
    const w = randTensor([4, 2], 32);
    const x = randTensor([1, 4, 4, 2], 33);
    const k = randTensor([2, 2, 2, 1], 34);
    const fs: Array<(p: tn.Tensor, q: tn.Tensor) => tn.Tensor> = [
      (p, q) => tn.sum(tn.fused.matMul({ a: p, b: q, bias: tn.scalar(0.3, 'float64'), activation: 'elu' })),
      (p, q) => tn.sum(tn.square(tn.fused.matMul({ a: p, b: q, activation: 'prelu', preluActivationWeights: tn.tensor1d([0.1, 0.4], 'float64') }))),
      (p, q) => tn.sum(tn.fused.matMul({ a: p, b: q, transposeB: false, bias: tn.tensor1d([0.2, -0.1], 'float64'), activation: 'sigmoid' })),
    ];
    fs.forEach((f, i) => {
      expectGradOk(f, [a, w]);
      expectHvpOk(f, [a, w], 300 + i);
    });
    const dw = (p: tn.Tensor, q: tn.Tensor) => tn.sum(tn.square(tn.fused.depthwiseConv2d({ x: p, filter: q, strides: 1, pad: 'same', bias: tn.tensor1d([0.5, -0.5], 'float64'), activation: 'leakyrelu', leakyreluAlpha: 0.3 })));
    expectGradOk(dw, [x, k]);
  });

  it('einsum of two float operands is one batched matMul, not the product over every label', async () => {
    // 'ij,jk->ik' of 64×64 and 64×32: the product over every label alone would be 64·64·32 floats (512 KiB).
    const info = await tn.profile(() => tn.einsum('ij,jk->ik', tn.ones([64, 64]), tn.ones([64, 32])));
    expect(info.kernelNames).toContain('BatchMatMul');
    expect(info.peakBytes).toBeLessThan(64 * 64 * 32 * 4);
    // Labels summed out of one operand, a batch, a contraction and free labels, against the product by hand.
    const a = randTensor([2, 3, 4, 5], 43);
    const b = randTensor([5, 2, 6], 44);
    // Both laid out over (b, x, y, c, z), multiplied, summed over x and c: [b, y, z].
    const want = tn.sum(tn.mul(tn.reshape(a, [2, 3, 4, 5, 1]), tn.reshape(tn.transpose(b, [1, 0, 2]), [2, 1, 1, 5, 6])), [1, 3]);
    const got = tn.einsum('bxyc,cbz->bzy', a, b);
    expect(got.shape).toEqual([2, 6, 4]);
    close(got.dataSync(), tn.transpose(want, [0, 2, 1]).dataSync(), 1e-12);
    expectGradOk((p, q) => tn.sum(tn.square(tn.einsum('bxyc,cbz->bzy', p, q))), [a, b]);
    expectHvpOk((p, q) => tn.sum(tn.square(tn.einsum('bxyc,cbz->bzy', p, q))), [a, b], 49);
  });

  it('cumprod and einsum: values by hand, gradients (zeros included) and their own gradients', () => {
    expect(Array.from(tn.cumprod(tn.tensor1d([1, 2, 3, 4])).dataSync())).toEqual([1, 2, 6, 24]);
    expect(Array.from(tn.cumprod(tn.tensor1d([1, 2, 3, 4]), 0, true, true).dataSync())).toEqual([24, 12, 4, 1]);
    // Multiplied in the running order, as TF.js: a zero before an overflow stays 0 (a doubling scan gave 0 · ∞ = NaN).
    expect(Array.from(tn.cumprod(tn.tensor1d([0, 1e30, 1e30, 2])).dataSync())).toEqual([0, 0, 0, 0]);
    expect(Array.from(tn.cumprod(tn.tensor1d([2, 1e30, 1e30, 0]), 0, true, true).dataSync())).toEqual([0, 0, 0, 1]);
    expect(tn.einsum('ij,jk->ik', tn.tensor2d([[1, 2]]), tn.tensor2d([[3], [4]])).arraySync()).toEqual([[11]]);
    const x = randTensor([3, 5], 41);
    const withZero = tn.tensor([[0.5, 0, -1.5, 2, 0.7], [1.1, -0.4, 0, 0, 1.3]], [2, 5], 'float64');
    const y = randTensor([5, 4], 42);
    const fs: Array<[(...ps: tn.Tensor[]) => tn.Tensor, tn.Tensor[]]> = [
      [(p) => tn.sum(tn.cumprod(p, 1)), [x]],
      [(p) => tn.sum(tn.square(tn.cumprod(p, 1, true, true))), [withZero]],
      [(p) => tn.sum(tn.sin(tn.cumprod(p, 0, false, true))), [x]],
      [(p, q) => tn.sum(tn.square(tn.einsum('ij,jk->ki', p, q))), [x, y]],
      [(p) => tn.sum(tn.einsum('ij,ij->i', p, tn.sin(p))), [x]],
    ];
    // Every flag pair along both axes, through the zeros.
    for (const exclusive of [false, true]) for (const reverse of [false, true]) for (const axis of [0, 1]) {
      fs.push([(p) => tn.sum(tn.mul(tn.cumprod(p, axis, exclusive, reverse), tn.cos(p))), [withZero]]);
    }
    fs.forEach(([f, inputs], i) => {
      expectGradOk(f, inputs);
      expectHvpOk(f, inputs, 400 + i);
    });
    // Exclusive along an axis of one element: all ones, still x's op, so its gradient is zeros (as cumsum's).
    const column = randTensor([3, 1], 43);
    expect(Array.from(tn.grad((p: tn.Tensor) => tn.sum(tn.cumprod(p, 1, true)))(column).dataSync())).toEqual([0, 0, 0]);
    // Along an axis of one element the product is x, in a tensor of its own (disposing x leaves it).
    const row = tn.tensor2d([[0.5, 2]]);
    const same = tn.cumprod(row, 0);
    expect(same).not.toBe(row);
    row.dispose();
    expect(Array.from(same.dataSync())).toEqual([0.5, 2]);
  });

  it('spaceToBatchND, batchToSpaceND and depthToSpace: inverses by hand, and gradients', () => {
    const x = randTensor([2, 3, 4, 2], 51);
    const back = tn.batchToSpaceND(tn.spaceToBatchND(x, [2, 2], [[1, 0], [0, 0]]), [2, 2], [[1, 0], [0, 0]]);
    expect(Array.from(back.dataSync())).toEqual(Array.from(x.dataSync()));
    expect(tn.depthToSpace(tn.tensor4d([1, 2, 3, 4], [1, 1, 1, 4]), 2).arraySync()).toEqual([[[[1], [2]], [[3], [4]]]]);
    const fs: Array<(p: tn.Tensor) => tn.Tensor> = [
      (p) => tn.sum(tn.square(tn.spaceToBatchND(p, [2, 2], [[1, 0], [0, 0]]))),
      (p) => tn.sum(tn.sin(tn.batchToSpaceND(p, [2, 1], [[0, 1], [1, 0]]))),
      (p) => tn.sum(tn.square(tn.depthToSpace(tn.concat([p, p], 3), 2))),
    ];
    fs.forEach((f, i) => {
      expectGradOk(f, [x]);
      expectHvpOk(f, [x], 500 + i);
    });
  });

  it('localResponseNormalization: a value by hand, gradients and their own gradients', () => {
    // Channel 1 of [1, 2, 3] with radius 1: 2 · (1 + (1 + 4 + 9))^−0.5.
    close([tn.localResponseNormalization(tn.tensor3d([1, 2, 3], [1, 1, 3]), 1).dataSync()[1]], [2 / Math.sqrt(15)], 1e-6);
    const x = randTensor([1, 2, 2, 5], 61);
    const f = (p: tn.Tensor) => tn.sum(tn.sin(tn.localResponseNormalization(p, 2, 1.5, 0.3, 0.75)));
    expectGradOk(f, [x]);
    expectHvpOk(f, [x], 601);
  });

  it('bad input names the op, the argument, what came and what was expected', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => tn.localResponseNormalization(tn.ones([2, 3])), /localResponseNormalization: x must be rank 3 or 4, got rank 2/],
      [() => tn.localResponseNormalization(tn.ones([1, 2, 3]), 1.5), /localResponseNormalization: depthRadius must be a non-negative integer, got number 1.5/],
      [() => tn.spaceToBatchND(tn.ones([1, 3, 3, 1]), [2, 2], [[0, 0], [0, 0]]), /spaceToBatchND: paddings must be padded spatial sizes divisible by blockShape \[2, 2\] \(axis 1 is 3\)/],
      [() => tn.batchToSpaceND(tn.ones([3, 1, 1, 1]), [2, 2], [[0, 0], [0, 0]]), /batchToSpaceND: x must be a batch divisible by the product of blockShape \(4\), got shape \[3, 1, 1, 1\]/],
      [() => tn.depthToSpace(tn.ones([1, 1, 1, 3]), 2), /depthToSpace: x must be a multiple of blockSize² \(4\), got 3 channels/],
      [() => tn.cumprod(tn.scalar(1)), /cumprod: axis must be a tensor of rank >= 1 \(x is a scalar\), got number 0/],
      [() => tn.einsum('ij,jk', tn.ones([1, 1]), tn.ones([1, 1])), /einsum: equation must be exactly one arrow \(->\), got 'ij,jk'/],
      [() => tn.einsum('ii->i', tn.eye(2)), /einsum: equation must be distinct labels within each term, got the repeated label in input term 0 \('ii'\)/],
      [() => tn.einsum('ij,jk->ik', tn.ones([2, 3]), tn.ones([2, 3])), /einsum: tensors\[1\] must be 3, as elsewhere in the equation, got size 2 for label 'j'/],
      [() => tn.einsum('ij->ik', tn.ones([2, 3])), /einsum: equation must be a label of an input term, got output label 'k'/],
      [() => tn.meshgrid([1], [2], { indexing: 'x' }), /meshgrid: indexing must be 'xy' or 'ij', got string "x"/],
      [() => tn.linalg.bandPart(tn.ones([3]), 0, 0), /bandPart: a must be rank 2 or higher, got rank 1/],
      [() => tn.linalg.bandPart(tn.ones([3, 3]), 4, 0), /bandPart: numLower must be at most the number of rows \(3\), got 4/],
      [() => tn.linalg.bandPart(tn.ones([3, 3]), 0, 0.5), /bandPart: numUpper must be an integer \(negative: the whole triangle\), got number 0.5/],
      [() => tn.signal.hannWindow(-1), /hannWindow: windowLength must be a non-negative integer/],
      [() => tn.cosineWindow(2.5, 0.5, 0.5), /cosineWindow: windowLength must be a non-negative integer, got number 2.5/],
      [() => tn.cosineWindow(4, 0.5, NaN), /cosineWindow: b must be a finite number, got number NaN/],
      [() => tn.enclosingPowerOfTwo(-1), /enclosingPowerOfTwo: value must be a non-negative finite number, got number -1/],
      [() => tn.enclosingPowerOfTwo('8' as unknown as number), /enclosingPowerOfTwo: value must be a non-negative finite number, got string "8"/],
      [() => tn.signal.frame(tn.ones([2, 2]), 1, 1), /frame: signal must be a 1-D tensor, got rank 2/],
      [() => tn.signal.frame(tn.ones([4]), 2, 0), /frame: frameStep must be a positive integer/],
    ];
    for (const [f, message] of cases) expect(f).toThrow(message);
  });
});
