import { it } from 'vitest';
import { Tensor } from '../../src/tensor/tensor';
import { describeGpu, gpu } from './gpu-context';
import { cpu, expectParity, sumTol } from './parity';
import { labelTensor, uniformTensor } from './random-data';

/**
 * Every kernel of one training step at the seed model's own shapes (Conv2D(32, 3x3, relu) ->
 * MaxPool(2) -> Flatten -> Dense(128, relu) -> Dense(10) on 28x28x1, batch 8). The Dense input is
 * 5,408 long: past gpu.js's 1,000-iteration cap on loops whose bound is not a constant.
 */
describeGpu("gpu kernels at the seed model's shapes", () => {
  const g = gpu!;
  const batch = 8;

  it('forward and backward of one step match the cpu backend', () => {
    const both = <T>(f: (b: typeof cpu | typeof g) => T): [T, T] => [f(g), f(cpu)];
    const check = ([got, want]: [Tensor, Tensor], what: string, terms = 1): void => expectParity(got, want, what, { tol: sumTol(terms) });

    const x = uniformTensor([batch, 28, 28, 1], 1, 0, 1);
    const k1 = uniformTensor([3, 3, 1, 32], 2, -0.3, 0.3), b1 = uniformTensor([32], 3, -0.1, 0.1);
    const w2 = uniformTensor([5408, 128], 4, -0.03, 0.03), b2 = uniformTensor([128], 5, -0.1, 0.1);
    const w3 = uniformTensor([128, 10], 6, -0.2, 0.2), b3 = uniformTensor([10], 7, -0.1, 0.1);
    const labels = labelTensor(batch, 10, 8);

    // Forward, each stage fed the cpu result so the comparison isolates one kernel at a time.
    const conv = cpu.conv2d(x, k1, [1, 1], 'valid');
    check(both((b) => b.conv2d(x, k1, [1, 1], 'valid')), 'conv2d 28x28x1 -> 26x26x32', 9);
    const a1 = cpu.biasActivation(conv, b1, 'relu');
    check(both((b) => b.biasActivation(conv, b1, 'relu')), 'bias + relu [8, 26, 26, 32]');
    const pooled = cpu.maxPool(a1, [2, 2], [2, 2], 'valid');
    check(both((b) => b.maxPool(a1, [2, 2], [2, 2], 'valid')), 'maxPool 2x2');
    const flat = reshape(pooled, [batch, 5408]);
    const h = cpu.biasActivation(cpu.matMul(flat, w2, false, false), b2, 'relu');
    check(both((b) => b.matMul(flat, w2, false, false)), 'dense 5408 -> 128', 5408);
    const logits = cpu.biasActivation(cpu.matMul(h, w3, false, false), b3, 'linear');
    check(both((b) => b.matMul(h, w3, false, false)), 'dense 128 -> 10', 128);
    const [gotLoss, wantLoss] = both((b) => b.sparseSoftmaxCrossEntropy(logits, labels));
    check([gotLoss.losses, wantLoss.losses], 'cross-entropy losses');
    check([gotLoss.probs, wantLoss.probs], 'softmax probs');

    // Backward.
    const dLogits = uniformTensor([batch, 10], 9, -0.1, 0.1);
    check(both((b) => b.matMul(h, dLogits, true, false)), 'dW3 = h^T dLogits', batch);
    check(both((b) => b.sumToShape(dLogits, [10])), 'db3', batch);
    const dh = cpu.binary('mul', cpu.matMul(dLogits, w3, false, true), cpu.unary('step', h));
    check(both((b) => b.matMul(dLogits, w3, false, true)), 'dh = dLogits W3^T', 10);
    check(both((b) => b.matMul(flat, dh, true, false)), 'dW2 = flat^T dh (5408 x 128 outputs)', batch);
    const dFlat = cpu.matMul(dh, w2, false, true);
    check(both((b) => b.matMul(dh, w2, false, true)), 'dFlat = dh W2^T', 128);
    const dPooled = reshape(dFlat, [batch, 13, 13, 32]);
    const dA1 = cpu.maxPoolBackprop(dPooled, a1, pooled, [2, 2], [2, 2], 'valid');
    check(both((b) => b.maxPoolBackprop(dPooled, a1, pooled, [2, 2], [2, 2], 'valid')), 'maxPool backward');
    const dConv = cpu.binary('mul', dA1, cpu.unary('step', a1));
    check(both((b) => b.sumToShape(dConv, [32])), 'db1 (sum over 8 x 26 x 26)', batch * 26 * 26);
    const [gotFused, wantFused] = both((b) => b.biasActivationBackprop(dA1, a1, 'relu'));
    check([gotFused.dx, wantFused.dx], 'fused relu backward dx');
    check([gotFused.dbias, wantFused.dbias], 'fused relu backward dbias (two-stage over 5,408 rows)', batch * 26 * 26);
    check(both((b) => b.conv2dBackpropFilter(x, dConv, [3, 3, 1, 32], [1, 1], 'valid')), 'conv2d filter gradient', batch * 26 * 26);
    check(both((b) => b.conv2dBackpropInput(dConv, k1, x.shape, [1, 1], 'valid')), 'conv2d input gradient', 9 * 32);
  });
});

/** The same host values under another shape (cpu results live on the host). */
function reshape(t: Tensor, shape: number[]): Tensor {
  return new Tensor(shape, 'float32', t.dataSync());
}
