import { afterAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { MATH_BINARY_OPS, MATH_UNARY_OPS, type MathBinaryOp, type MathUnaryOp } from '../../kernels/shared/math-op-names';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { Tensor } from '../../src/tensor/tensor';
import { expectAllClose } from '../allclose';
import { broadcastPairs, shapeArb } from '../arbitraries';
import { describeGpu, gpu } from './gpu-context';
import { GPU_TOL, RUNS, cpu, expectParity, sumTol } from './parity';
import { awayFromZeroTensor, uniformTensor } from './random-data';

/** Inputs inside each op's domain. */
function unaryInput(op: MathUnaryOp, shape: number[], seed: number): Tensor {
  if (op === 'asin' || op === 'acos' || op === 'atanh') return uniformTensor(shape, seed, -0.99, 0.99);
  if (op === 'acosh') return uniformTensor(shape, seed, 1.01, 5);
  if (op === 'rsqrt') return uniformTensor(shape, seed, 0.05, 4);
  if (op === 'log1p') return uniformTensor(shape, seed, -0.9, 4);
  if (op === 'tan') return uniformTensor(shape, seed, -1.3, 1.3);
  if (op === 'relu6') return uniformTensor(shape, seed, -3, 9);
  return uniformTensor(shape, seed, -4, 4);
}

/** float32 products round once per factor (the cpu's accumulate in float64): rtol grows like √factors. */
function prodTol(shape: number[], axes: number[]) {
  const factors = axes.reduce((n, a) => n * shape[a], 1);
  return { atol: GPU_TOL.atol, rtol: GPU_TOL.rtol * Math.sqrt(factors) };
}

/** Rounded to quarters (exact in float32), so comparisons meet equal operands. */
const quarters = (t: Tensor) => new Tensor(t.shape, 'float32', t.dataSync().map((v) => Math.round(v * 4) / 4));

function binaryInputs(op: MathBinaryOp, aShape: number[], bShape: number[], seed: number): [Tensor, Tensor] {
  if (op === 'atan2') return [uniformTensor(aShape, seed, -2, 2), awayFromZeroTensor(bShape, seed + 1, 0.1)];
  if (op === 'prelu') return [uniformTensor(aShape, seed, -2, 2), uniformTensor(bShape, seed + 1, 0, 1)];
  return [quarters(uniformTensor(aShape, seed, -1, 1)), quarters(uniformTensor(bShape, seed + 1, -1, 1))];
}

/** Broadcast pairs up to rank 5 with dims up to 6 (the gpu kernels index up to rank 6). */
const broadcastPair = broadcastPairs(5, 6);

describeGpu('gpu math ops against cpu', () => {
  const g = gpu!;

  it.each([...MATH_UNARY_OPS])('unary %s', (op) => {
    fc.assert(fc.property(shapeArb(0, 3, 7), fc.nat(), (shape, seed) => {
      const x = unaryInput(op, shape, seed);
      expectParity(g.unary(op, x), cpu.unary(op, x), `${op} [${shape}]`);
    }), { ...RUNS, numRuns: 2 });
  });

  it('erf, softplus, logSigmoid, sinh and cosh far from 0', () => {
    const x = uniformTensor([64], 7, -30, 30);
    for (const op of ['erf', 'softplus', 'logSigmoid', 'elu', 'selu'] as const) expectParity(g.unary(op, x), cpu.unary(op, x), `${op} on [-30, 30)`);
    const y = uniformTensor([64], 8, -40, 40);
    for (const op of ['sinh', 'cosh'] as const) expectParity(g.unary(op, y), cpu.unary(op, y), `${op} on [-40, 40)`);
  });

  it('log1p, expm1, tanh, sinh, asinh, atanh, elu and selu near 0, and softplus and logSigmoid in their tails, to float32 accuracy', () => {
    // Relative to each value, with no absolute allowance: exp(v) - 1 and log(1 + v) lose v's low digits there.
    const small = new Tensor([12], 'float32', Float32Array.from([1e-10, -1e-7, 1e-6, -1e-5, 1e-4, -3e-3, 0.02, -0.029, 0.031, 0.05, -0.09, 0.2]));
    const tight = { atol: 0, rtol: 1e-5 };
    for (const op of ['log1p', 'expm1', 'sinh', 'asinh', 'atanh', 'elu', 'selu'] as const) expectParity(g.unary(op, small), cpu.unary(op, small), `${op} near 0`, { tol: tight });
    expectParity(g.unary('tanh', small), cpu.unary('tanh', small), 'tanh near 0', { tol: tight });
    const tails = new Tensor([6], 'float32', Float32Array.from([-30, -20, -16, -12, -8, -4]));
    expectParity(g.unary('softplus', tails), cpu.unary('softplus', tails), 'softplus of large negatives', { tol: tight });
    const far = new Tensor([6], 'float32', Float32Array.from([30, 20, 16, 12, 8, 4]));
    expectParity(g.unary('logSigmoid', far), cpu.unary('logSigmoid', far), 'logSigmoid of large positives', { tol: tight });
  });

  it.each([...MATH_BINARY_OPS])('binary %s with broadcasting', (op) => {
    fc.assert(fc.property(broadcastPair, fc.nat(), ([aShape, bShape], seed) => {
      const [a, b] = binaryInputs(op, aShape, bShape, seed);
      expectParity(g.binary(op, a, b), cpu.binary(op, a, b), `${op} [${aShape}] [${bShape}]`);
    }), { ...RUNS, numRuns: 3 });
  });

  it('prod, any and all over any axes, and over many rows (two stages)', () => {
    const reduceCase = shapeArb(1, 5, 4).chain((shape) => fc.tuple(fc.constant(shape), fc.subarray(shape.map((_, i) => i), { minLength: 1 }), fc.nat()));
    fc.assert(fc.property(reduceCase, ([shape, axes, seed]) => {
      // Near 1 so products of up to 4^5 values stay in range; -1..1 rounded for any/all, so zeros occur.
      const x = uniformTensor(shape, seed, 0.7, 1.3);
      expectParity(g.reduce('prod', x, axes), cpu.reduce('prod', x, axes), `prod [${shape}] over [${axes}]`, { tol: prodTol(shape, axes) });
      const b = new Tensor(shape, 'float32', uniformTensor(shape, seed + 1, -1, 1).dataSync().map(Math.round));
      expectParity(g.reduce('any', b, axes), cpu.reduce('any', b, axes), `any [${shape}] over [${axes}]`);
      expectParity(g.reduce('all', b, axes), cpu.reduce('all', b, axes), `all [${shape}] over [${axes}]`);
    }), { ...RUNS, numRuns: 8 });
    const tall = uniformTensor([1500, 3], 5, 0.9995, 1.0005);
    expectParity(g.reduce('prod', tall, [0]), cpu.reduce('prod', tall, [0]), 'prod over 1500 rows', { tol: prodTol([1500, 3], [0]) });
    const ones = new Tensor([1500, 2], 'float32', new Float32Array(3000).fill(1).map((v, i) => (i === 2001 ? 0 : v)));
    expectParity(g.reduce('all', ones, [0]), cpu.reduce('all', ones, [0]), 'all over 1500 rows');
    expectParity(g.reduce('any', ones, [0]), cpu.reduce('any', ones, [0]), 'any over 1500 rows');
  });

  it('cumsum along every axis, exclusive and reverse', () => {
    const cumsumCase = shapeArb(1, 4, 6).chain((shape) => fc.tuple(fc.constant(shape), fc.integer({ min: 0, max: shape.length - 1 }), fc.boolean(), fc.boolean(), fc.nat()));
    fc.assert(fc.property(cumsumCase, ([shape, axis, exclusive, reverse, seed]) => {
      const x = uniformTensor(shape, seed);
      const what = `cumsum [${shape}] axis ${axis} ${exclusive} ${reverse}`;
      expectParity(g.cumsum(x, axis, exclusive, reverse), cpu.cumsum(x, axis, exclusive, reverse), what, { tol: sumTol(shape[axis]) });
      const near1 = uniformTensor(shape, seed + 1, 0.5, 1.5);
      const products = `cumprod [${shape}] axis ${axis} ${exclusive} ${reverse}`;
      expectParity(g.cumprod(near1, axis, exclusive, reverse), cpu.cumprod(near1, axis, exclusive, reverse), products, { tol: prodTol(shape, [axis]) });
    }), { ...RUNS, numRuns: 8 });
  });

  it('cumprod multiplies in the running order (a zero before an overflow stays 0) and in blocks along a long axis', () => {
    const overflow = new Tensor([2, 4], 'float32', Float32Array.from([0, 1e30, 1e30, 2, 2, 1e30, 1e30, 0]));
    for (const reverse of [false, true]) {
      expectParity(g.cumprod(overflow, 1, false, reverse), cpu.cumprod(overflow, 1, false, reverse), `overflow, reverse ${reverse}`);
    }
    expect(Array.from(g.cumprod(overflow, 1, false, false).dataSync())).toEqual([0, 0, 0, 0, 2, 2e30, Infinity, NaN].map(Math.fround));
    const tall = uniformTensor([5000, 2], 6, 0.9995, 1.0005);
    for (const [exclusive, reverse] of [[false, false], [true, false], [false, true], [true, true]]) {
      expectParity(g.cumprod(tall, 0, exclusive, reverse), cpu.cumprod(tall, 0, exclusive, reverse), `cumprod along 5000, ${exclusive} ${reverse}`, { tol: prodTol([5000, 2], [0]) });
    }
  });
});

describeGpu('the public math ops (composites and gradients included) on the gpu backend', () => {
  afterAll(() => { setBackend('cpu'); });

  it('give the cpu backend\'s values', () => {
    registerBackend('gpu', () => gpu!);
    const x = uniformTensor([3, 5], 41, -2, 2), w = uniformTensor([5], 42, 0.1, 0.5);
    const program = (): Tensor[] => [
      tn.logSumExp(x, 1), tn.moments(x, 0).variance, tn.norm(x), tn.norm(x, 1, [0, 1]), tn.norm(x, Infinity, 1, true),
      tn.clipByValue(x, -0.5, 0.5), tn.squaredDifference(x, w), tn.addN([x, x, x]), tn.leakyRelu(x, 0.1), tn.step(x, 0.3),
      tn.prelu(x, w), tn.cumsum(x, 1, true), tn.prod(x, 0), tn.all(tn.greaterEqual(x, -1.5)), tn.atan2(x, w),
      tn.grad((t: Tensor) => tn.sum(tn.mul(tn.softplus(t), tn.erf(t))))(x),
      tn.grad((t: Tensor) => tn.sum(tn.selu(tn.mul(tn.sin(t), tn.cumsum(t, 1)))))(x),
      // Infinite maxima shift by 0 (-Infinity for a masked row); pow's base gradient at 0^0 and x^1's second derivative at 0.
      tn.logSumExp(tn.tensor([[-Infinity, -Infinity], [Infinity, 0], [-Infinity, 1]]), 1),
      tn.grad((t: Tensor) => tn.sum(tn.pow(t, tn.tensor([0, 1, 0]))))(tn.tensor([0, 0, 2])),
      tn.grad((t: Tensor) => tn.sum(tn.grad((u: Tensor) => tn.sum(tn.sin(tn.pow(u, 1))))(t)))(tn.tensor([0, 0.5])),
    ];
    setBackend('cpu');
    const want = program().map((t) => t.dataSync());
    setBackend('gpu');
    const got = program().map((t) => t.dataSync());
    got.forEach((g, i) => expectAllClose(g, want[i], sumTol(15), `result ${i}`));
  });
});
