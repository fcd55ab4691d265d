import { expect, it } from 'vitest';
import { MATH_UNARY_OPS } from '../../kernels/shared/math-op-names';
import type { BinaryOp, UnaryOp } from '../../kernels/shared/op-names';
import { Tensor } from '../../src/tensor/tensor';
import { describeGpu, gpu } from './gpu-context';
import { cpu, expectParity } from './parity';

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
