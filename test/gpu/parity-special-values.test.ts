import { afterAll, expect, it } from 'vitest';
import { MATH_UNARY_OPS } from '../../kernels/shared/math-op-names';
import type { BinaryOp, UnaryOp } from '../../kernels/shared/op-names';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { Tensor } from '../../src/tensor/tensor';
import { describeGpu, gpu } from './gpu-context';
import { cpu, expectParity, sumTol } from './parity';
import { uniformTensor } from './random-data';

// Special values (NaN, ±Inf, out-of-domain arguments) on the gpu against the cpu kernels, which keep TF.js's
// results. GLSL's max, min, atan and pow drop NaN on Mesa's llvmpipe, so each case here failed before the gpu
// kernels told NaN apart themselves.

const f32 = (values: number[], shape = [values.length]) => new Tensor(shape, 'float32', Float32Array.from(values));

const X = [NaN, NaN, NaN, 2, -2, 0, 1, -1.5, 0.5, Infinity, -Infinity, NaN];
const Y = [NaN, 1, -1, NaN, 0.5, NaN, NaN, 1.5, 3, NaN, 2, 0];

const UNARY: readonly UnaryOp[] = [
  'neg', 'abs', 'exp', 'log', 'sqrt', 'square', 'relu', 'step', 'sigmoid', 'tanh', 'reciprocal', 'floor', 'ceil', 'round',
  'sign', 'isNaN', 'isInf', 'isFinite', 'logicalNot', ...MATH_UNARY_OPS,
];
const BINARY: readonly BinaryOp[] = [
  'add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'pow', 'greater', 'equal', 'atan2', 'prelu', 'less', 'lessEqual',
  'greaterEqual', 'notEqual', 'mod', 'floorDiv', 'logicalAnd', 'logicalOr', 'logicalXor',
];

describeGpu('gpu kernels on NaN, infinities and out-of-domain arguments', () => {
  const g = gpu!;

  it.each([...UNARY])('unary %s keeps NaN as cpu does', (op) => {
    const x = f32(X);
    expectParity(g.unary(op, x), cpu.unary(op, x), op);
  });

  it('topk ranks NaN below every number and NaNs by index, as cpu (hand-computed)', () => {
    // Every comparison with NaN is false, so a NaN counted nothing above it and took rank 0 beside the largest.
    const x = f32([1, NaN, Infinity, -Infinity, 0, NaN, 2, -1], [2, 4]);
    expect(Array.from(g.topkIndices(x, 4).dataSync())).toEqual([2, 0, 3, 1, 2, 0, 3, 1]);
    expect(Array.from(g.topkIndices(x, 4).dataSync())).toEqual(Array.from(cpu.topkIndices(x, 4).dataSync()));
  });

  it('relu, relu6, atan, asin and acos give NaN where cpu does (hand-computed)', () => {
    const x = f32([NaN, 2, -1.5]);
    for (const op of ['relu', 'relu6', 'atan'] as const) expect(Number.isNaN(g.unary(op, x).dataSync()[0]), op).toBe(true);
    for (const op of ['asin', 'acos'] as const) expect(Array.from(g.unary(op, x).dataSync()), op).toEqual([NaN, NaN, NaN]);
  });

  it.each([...BINARY])('binary %s keeps NaN as cpu does', (op) => {
    const a = f32(X), b = f32(Y);
    expectParity(g.binary(op, a, b), cpu.binary(op, a, b), op);
  });

  it('maximum, minimum, atan2 and pow give NaN where cpu does (hand-computed)', () => {
    const a = f32([NaN, 1]), zero = f32([0]);
    expect(Array.from(g.binary('maximum', a, zero).dataSync())).toEqual([NaN, 1]);
    expect(Array.from(g.binary('minimum', a, zero).dataSync())).toEqual([NaN, 0]);
    expect(Array.from(g.binary('atan2', f32([NaN, 1]), f32([1, NaN])).dataSync())).toEqual([NaN, NaN]);
    // A negative base with a fractional exponent has no real power; whole exponents keep their sign.
    expect(Array.from(g.binary('pow', f32([-2, -2, -2, NaN]), f32([0.5, 1.5, 3, 0])).dataSync())).toEqual([NaN, NaN, -8, 1]);
  });

  it('pow with a zero base and a negative exponent, or a -Infinity base, gives cpu\'s values (hand-computed)', () => {
    // GLSL's pow is undefined at a zero base with a negative exponent (llvmpipe gave 0).
    const a = f32([0, 0, 0, -0, -0, -Infinity, -Infinity, -Infinity, 0]), b = f32([-1, -0.5, -2, -1, -2, 1.5, -0.5, 3, 2]);
    expect(Array.from(g.binary('pow', a, b).dataSync())).toEqual([Infinity, Infinity, Infinity, -Infinity, Infinity, Infinity, 0, -Infinity, 0]);
    expectParity(g.binary('pow', a, b), cpu.binary('pow', a, b), 'pow');
  });

  // Chromium's WebGL2 (SwiftShader) got these wrong where llvmpipe got most right; test/browser checks them there.
  it('atan2 of signed zeros, log and log1p at and below 0, atanh at and past ±1, pow of ±1 to ±Infinity (hand-computed)', () => {
    const a = f32([0, -0, 0, -0, -0, 0]), b = f32([-0, -0, 1, 1, -1, -1]);
    const angles = Array.from(g.binary('atan2', a, b).dataSync());
    expect(angles.map((v) => Object.is(v, -0) ? '-0' : v)).toEqual([Math.fround(Math.PI), -Math.fround(Math.PI), 0, '-0', -Math.fround(Math.PI), Math.fround(Math.PI)]);
    expect(Array.from(g.unary('log', f32([0, -0, -1, -Infinity])).dataSync())).toEqual([-Infinity, -Infinity, NaN, NaN]);
    expect(Array.from(g.unary('log1p', f32([-1, -2.5])).dataSync())).toEqual([-Infinity, NaN]);
    expect(Array.from(g.unary('atanh', f32([1, -1, 2.5, -Infinity])).dataSync())).toEqual([Infinity, -Infinity, NaN, NaN]);
    expect(Object.is(g.unary('asin', f32([-0])).dataSync()[0], -0)).toBe(true);
    expect(Array.from(g.binary('pow', f32([1, -1, 1]), f32([Infinity, -Infinity, -Infinity])).dataSync())).toEqual([NaN, NaN, NaN]);
  });

  it('sin, cos and tan match cpu to float32 from 0 to 51200 (GLSL\'s own were off by 1e-4 on SwiftShader, 1e-3 past 8192 on an NVIDIA H200)', () => {
    // Up to 3.4e4, and the float32 values nearest multiples of π/4 up to 51200 (j up to 2^16), where the reduction
    // cancels most.
    const near = Array.from({ length: 40 }, (_, i) => Math.fround((Math.floor((65172 * (i + 1)) / 40) * Math.PI) / 4));
    const x = f32([...Array.from({ length: 200 }, (_, i) => (i % 2 ? -1 : 1) * 1.37 ** (i / 6) - 1), ...near]);
    for (const op of ['sin', 'cos'] as const) expectParity(g.unary(op, x), cpu.unary(op, x), op, { tol: { atol: 2e-6, rtol: 2e-5 } });
    const tan = cpu.unary('tan', x).dataSync();
    const got = g.unary('tan', x).dataSync();
    tan.forEach((t, i) => expect(Math.abs(got[i] - t), `tan(${x.dataSync()[i]})`).toBeLessThanOrEqual(2e-6 + 4e-5 * Math.abs(t) * (1 + t * t)));
  });

  it('softmax, logSoftmax and sparse cross-entropy give NaN for rows with NaN or opposing infinities, as cpu', () => {
    const rows = f32([NaN, 1, 2, Infinity, 1, 2, Infinity, Infinity, 1, -Infinity, -Infinity, -Infinity, 100, 0, -100], [5, 3]);
    expectParity(g.softmax(rows), cpu.softmax(rows), 'softmax');
    expectParity(g.logSoftmax(rows), cpu.logSoftmax(rows), 'logSoftmax');
    const labels = f32([1, 1, 2, 0, 0]);
    expectParity(g.sparseSoftmaxCrossEntropy(rows, labels).losses, cpu.sparseSoftmaxCrossEntropy(rows, labels).losses, 'sparse cross-entropy');
  });

  it('mod by an infinite divisor gives cpu\'s values (hand-computed)', () => {
    // x where x and the divisor share a sign, else NaN; x - floor(x / ∞)·∞ was NaN everywhere.
    const a = f32([1, 0, -1, 1, -1, 1e30, -1e30, Infinity, NaN]);
    const b = f32([Infinity, Infinity, Infinity, -Infinity, -Infinity, Infinity, -Infinity, Infinity, Infinity]);
    expect(Array.from(g.binary('mod', a, b).dataSync())).toEqual([1, 0, NaN, NaN, -1, Math.fround(1e30), Math.fround(-1e30), NaN, NaN]);
    expectParity(g.binary('mod', a, b), cpu.binary('mod', a, b), 'mod');
  });

  it('asinh and acosh of huge and large negative arguments give cpu\'s values', () => {
    // x² overflowed from 2e19 (Infinity), and acosh(-1e10) took log(0).
    const x = f32([1e30, -1e30, 3e38, -3e38, 1e19, 1e10, -1e10, 1e5, 2, 1, 0.5, -2]);
    expectParity(g.unary('asinh', x), cpu.unary('asinh', x), 'asinh');
    expectParity(g.unary('acosh', x), cpu.unary('acosh', x), 'acosh');
    expect(g.unary('asinh', f32([1e30])).dataSync()[0]).toBeCloseTo(69.7707, 3);
  });

  it.each([[[0]], [[1]], [[0, 1]]])('max and min over axes %j give NaN for a NaN element', (axes: number[]) => {
    const x = f32([1, NaN, 3, -Infinity, 2, 0, 5, 1, NaN], [3, 3]);
    for (const op of ['max', 'min'] as const) expectParity(g.reduce(op, x, axes), cpu.reduce(op, x, axes), `${op} over [${axes}]`);
    expect(Array.from(g.reduce('max', x, [1]).dataSync())).toEqual([NaN, 2, NaN]);
  });

  it('max over a tall column (the two-stage path) gives NaN for a NaN element', () => {
    const values = Array.from({ length: 3000 }, (_, i) => Math.sin(i));
    values[2999] = NaN;
    const x = f32(values, [3000, 1]);
    expect(Number.isNaN(g.reduce('max', x, [0]).dataSync()[0])).toBe(true);
  });

  it('the fused bias + relu keeps NaN (a Dense layer\'s epilogue, so fit stops on a NaN loss)', () => {
    const x = f32([NaN, -1, 2, 0.5], [2, 2]), bias = f32([0.25, -0.25]);
    expectParity(g.biasActivation(x, bias, 'relu'), cpu.biasActivation(x, bias, 'relu'), 'biasActivation relu');
  });
});

describeGpu('gradients at special values on the gpu backend', () => {
  afterAll(() => { setBackend('cpu'); });

  it('pow\'s base gradient at a zero base is the cpu backend\'s (±Infinity)', () => {
    registerBackend('gpu', () => gpu!);
    setBackend('gpu');
    const [ga, gb] = tn.grads((a: Tensor, b: Tensor) => tn.sum(tn.pow(a, b)))([f32([0, 0, 4]), f32([0.5, -1, 0.5])]);
    expect(Array.from(ga.dataSync())).toEqual([Infinity, -Infinity, 0.25]);
    const gbv = gb.dataSync();
    expect([gbv[0], gbv[1]]).toEqual([0, NaN]);
    expect(gbv[2]).toBeCloseTo(2 * Math.log(4), 5);
  });

  it('oneHot writes its values at the indices in range, of any dtype, as cpu does', () => {
    const indices = new Tensor([2, 3], 'int32', Int32Array.of(3, -1, 0, 7, 2, 2));
    for (const dtype of ['float32', 'int32', 'bool'] as const) {
      expectParity(gpu!.oneHot(indices, 4, 1, dtype === 'float32' ? -0.5 : 0, dtype), cpu.oneHot(indices, 4, 1, dtype === 'float32' ? -0.5 : 0, dtype), `oneHot ${dtype}`);
    }
  });

  it('clipByValue keeps NaN and takes infinite and zero bounds as cpu does', () => {
    const x = f32([...X, -0, 0, 7, -7]);
    for (const [lo, hi] of [[-1, 1], [-Infinity, 0.5], [0, Infinity], [-0, 0], [0.1, 1 / 3]]) {
      expectParity(gpu!.clipByValue(x, lo, hi), cpu.clipByValue(x, lo, hi), `clipByValue ${lo} ${hi}`);
    }
  });

  it('clipByValue\'s gradient passes dy inside its bounds and at them, not at NaN nor past them (its mask: the output equal to x)', () => {
    registerBackend('gpu', () => gpu!);
    setBackend('gpu');
    const x = f32([NaN, Infinity, -Infinity, -1, 1, 0.5, 3, -0]);
    expect(Array.from(tn.grad((t: Tensor) => tn.sum(tn.clipByValue(t, -1, 1)))(x).dataSync())).toEqual([0, 0, 0, 1, 1, 1, 0, 1]);
    expect(Array.from(tn.grad((t: Tensor) => tn.sum(tn.clipByValue(t, -Infinity, 1)))(x).dataSync())).toEqual([0, 0, 1, 1, 1, 1, 0, 1]);
  });
});

// Mesa's llvmpipe stops a shader's loops after 65535 iterations over the four fragments one call computes, so a
// thread looping over a whole axis of 16384 or more cut its sums short (and 8192-long softmax rows lost a term).
describeGpu('gpu ops along an axis longer than one thread may loop over', () => {
  const g = gpu!;
  const x = uniformTensor([3, 20000], 61, -4, 4);

  it('softmax and logSoftmax of 20000-long rows (and 8192-long ones sum to 1)', () => {
    expectParity(g.softmax(x), cpu.softmax(x), 'softmax [3, 20000]');
    expectParity(g.logSoftmax(x), cpu.logSoftmax(x), 'logSoftmax [3, 20000]', { tol: sumTol(20000) });
    const rows = g.reduce('sum', g.softmax(uniformTensor([3, 8192], 62, -4, 4)), [1]);
    expectParity(rows, new Tensor([3], 'float32', new Float32Array([1, 1, 1])), 'softmax [3, 8192] row sums', { tol: sumTol(8192) });
  });

  it('sparse softmax cross-entropy over 20000 classes', () => {
    const labels = new Tensor([3], 'int32', Int32Array.from([0, 12345, 19999]));
    const got = g.sparseSoftmaxCrossEntropy(x, labels), want = cpu.sparseSoftmaxCrossEntropy(x, labels);
    expectParity(got.losses, want.losses, 'losses', { tol: sumTol(20000) });
    expectParity(got.probs, want.probs, 'probs');
  });

  it.each([[false, false], [true, false], [false, true], [true, true]])('cumsum along 20000 (exclusive %s, reverse %s)', (exclusive, reverse) => {
    // Values of magnitude about 1, as sumTol assumes.
    const w = uniformTensor([3, 20000], 64, -1, 1);
    expectParity(g.cumsum(w, 1, exclusive, reverse), cpu.cumsum(w, 1, exclusive, reverse), 'cumsum', { tol: sumTol(20000) });
    const y = uniformTensor([20000, 2], 63, -1, 1);
    expectParity(g.cumsum(y, 0, exclusive, reverse), cpu.cumsum(y, 0, exclusive, reverse), 'cumsum axis 0', { tol: sumTol(20000) });
  });

  it('int32 products and max pools stay int32, and an empty inner dimension gives zeros, as on cpu', () => {
    const a = new Tensor([2, 2], 'int32', Int32Array.from([1, 2, 3, 4]));
    const pool = new Tensor([1, 2, 2, 1], 'int32', Int32Array.from([1, 5, 3, 4]));
    for (const [got, want] of [[g.matMul(a, a, false, true), cpu.matMul(a, a, false, true)], [g.maxPool(pool, [2, 2], [1, 1], 'valid'), cpu.maxPool(pool, [2, 2], [1, 1], 'valid')]]) {
      expect(got.dtype).toBe('int32');
      expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
    }
    const [e0, e1] = [f32([], [2, 0]), f32([], [0, 3])];
    const empty = g.matMul(e0, e1, false, false);
    expect([empty.shape, Array.from(empty.dataSync())]).toEqual([[2, 3], [0, 0, 0, 0, 0, 0]]);
    expect(g.batchMatMul(f32([], [2, 2, 0]), f32([], [2, 0, 3]), false, false).shape).toEqual([2, 2, 3]);
  });

  it('reductions over non-adjacent axes of rank-5 and rank-6 tensors (a pass per run beyond the kernel\'s four axes)', () => {
    const x5 = uniformTensor([2, 3, 4, 5, 2], 66, -1, 1);
    const x6 = uniformTensor([2, 3, 2, 5, 3, 4], 67, -1, 1);
    for (const op of ['sum', 'max', 'min', 'prod'] as const) {
      for (const [x, axes] of [[x5, [1, 3]], [x5, [0, 2, 4]], [x6, [0, 2, 4]], [x6, [1, 3, 5]]] as const) {
        expectParity(g.reduce(op, x, [...axes]), cpu.reduce(op, x, [...axes]), `${op} over [${axes.join(', ')}]`);
      }
    }
  });

  it('sum, max and min of 20000-long rows', () => {
    // Eight rows: llvmpipe's shared count only runs out once a call's fragments together loop past 65535 times.
    const rows = uniformTensor([8, 20000], 65, -1, 1);
    for (const op of ['sum', 'max', 'min'] as const) expectParity(g.reduce(op, rows, [1]), cpu.reduce(op, rows, [1]), op, { tol: sumTol(20000) });
  });
});
