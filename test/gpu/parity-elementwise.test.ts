import { it } from 'vitest';
import fc from 'fast-check';
import type { BinaryOp, FusedActivation, ReduceOp, UnaryOp } from '../../src/backend/backend';
import { Tensor, sizeOfShape } from '../../src/tensor/tensor';
import { broadcastPairs, shapeArb, shapeWithAxisArb, normalizedAxes } from '../arbitraries';
import { describeGpu, gpu } from './gpu-context';
import { RUNS, cpu, expectParity, sumTol } from './parity';
import { awayFromZeroTensor, labelTensor, uniformTensor } from './random-data';

/** Broadcast pairs up to rank 5 with dims up to 6 (the gpu kernels index up to rank 6). */
const broadcastPair = broadcastPairs(5, 6);

/** Inputs inside each op's domain: positive for log / sqrt / pow's base, away from 0 for division. */
function unaryInput(op: UnaryOp, shape: number[], seed: number): Tensor {
  if (op === 'log' || op === 'sqrt') return uniformTensor(shape, seed, 0.05, 3);
  if (op === 'reciprocal') return awayFromZeroTensor(shape, seed);
  return uniformTensor(shape, seed, -4, 4);
}

const unaryOps: UnaryOp[] = ['neg', 'abs', 'exp', 'log', 'sqrt', 'square', 'relu', 'step', 'sigmoid', 'tanh', 'reciprocal'];
const binaryOps: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'pow', 'greater', 'equal'];

describeGpu('gpu elementwise, reductions, softmax and updates against cpu', () => {
  const g = gpu!;

  it.each(unaryOps)('unary %s', (op) => {
    fc.assert(fc.property(shapeArb(0, 4, 7), fc.nat(), (shape, seed) => {
      const x = unaryInput(op, shape, seed);
      expectParity(g.unary(op, x), cpu.unary(op, x), `${op} [${shape}]`);
    }), { ...RUNS, numRuns: 8 });
  });

  it('tanh and sigmoid stay finite far from 0', () => {
    const x = uniformTensor([64], 7, -60, 60);
    expectParity(g.unary('tanh', x), cpu.unary('tanh', x), 'tanh on [-60, 60)');
    expectParity(g.unary('sigmoid', x), cpu.unary('sigmoid', x), 'sigmoid on [-60, 60)');
  });

  it.each(binaryOps)('binary %s with broadcasting', (op) => {
    fc.assert(fc.property(broadcastPair, fc.nat(), ([aShape, bShape], seed) => {
      const a = op === 'pow' ? uniformTensor(aShape, seed, 0.1, 2) : uniformTensor(aShape, seed);
      const b = op === 'div' ? awayFromZeroTensor(bShape, seed + 1) : op === 'pow' ? uniformTensor(bShape, seed + 1, -2, 2) : uniformTensor(bShape, seed + 1);
      expectParity(g.binary(op, a, b), cpu.binary(op, a, b), `${op} [${aShape}] [${bShape}]`);
    }), RUNS);
  });

  it('pow of a negative base with whole exponents, and equal on equal values', () => {
    const base = awayFromZeroTensor([12], 3);
    const e = new Tensor([12], 'float32', uniformTensor([12], 4, -3, 4).dataSync().map(Math.round));
    expectParity(g.binary('pow', base, e), cpu.binary('pow', base, e), 'pow with whole exponents');
    expectParity(g.binary('equal', base, base), cpu.binary('equal', base, base), 'equal');
  });

  const reduceCase = fc.tuple(shapeWithAxisArb(1, 6, 5), fc.constantFrom<ReduceOp>('sum', 'max', 'min'), fc.nat());

  it('reduce sum / max / min over any axes (several passes where runs alternate often)', () => {
    fc.assert(fc.property(reduceCase, ([[shape, axis], op, seed]) => {
      const x = uniformTensor(shape, seed);
      const axes = normalizedAxes(axis, shape.length);
      expectParity(g.reduce(op, x, axes), cpu.reduce(op, x, axes), `${op} [${shape}] over [${axes}]`, { tol: sumTol(axes.reduce((n, a) => n * shape[a], 1)) });
    }), { ...RUNS, numRuns: 20 });
  });

  it('reductions over many rows go in two stages and still match', () => {
    for (const op of ['sum', 'max', 'min'] as ReduceOp[]) {
      const tall = uniformTensor([40, 50, 3], 5);
      expectParity(g.reduce(op, tall, [0, 1]), cpu.reduce(op, tall, [0, 1]), `${op} over 2000 rows`, { tol: sumTol(2000) });
      const long = uniformTensor([3001], 6);
      expectParity(g.reduce(op, long, [0]), cpu.reduce(op, long, [0]), `${op} of 3001 values`, { tol: sumTol(3001) });
    }
  });

  it('sumToShape, the adjoint of broadcasting', () => {
    fc.assert(fc.property(broadcastPair, fc.nat(), ([aShape, bShape], seed) => {
      const full = cpu.binary('add', uniformTensor(aShape, seed), uniformTensor(bShape, seed + 1));
      // Nothing to sum shares the input's values, which here live on the host.
      const onDevice = full.size !== sizeOfShape(aShape);
      expectParity(g.sumToShape(full, aShape), cpu.sumToShape(full, aShape), `sumToShape [${full.shape}] -> [${aShape}]`, { onDevice, tol: sumTol(full.size / sizeOfShape(aShape)) });
    }), RUNS);
  });

  it('softmax, logSoftmax and sparse softmax cross-entropy', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.nat(), (rows, cols, seed) => {
      const x = uniformTensor([rows, cols], seed, -8, 8);
      expectParity(g.softmax(x), cpu.softmax(x), `softmax [${rows}, ${cols}]`);
      expectParity(g.logSoftmax(x), cpu.logSoftmax(x), `logSoftmax [${rows}, ${cols}]`);
      const labels = labelTensor(rows, cols, seed + 1);
      const got = g.sparseSoftmaxCrossEntropy(x, labels);
      const want = cpu.sparseSoftmaxCrossEntropy(x, labels);
      expectParity(got.losses, want.losses, `cross-entropy losses [${rows}, ${cols}]`);
      expectParity(got.probs, want.probs, `cross-entropy probs [${rows}, ${cols}]`);
    }), RUNS);
  });

  it('bias + activation', () => {
    fc.assert(fc.property(shapeArb(1, 3, 9), fc.constantFrom<FusedActivation>('linear', 'relu'), fc.nat(), (lead, act, seed) => {
      const cols = lead[lead.length - 1];
      const x = uniformTensor(lead, seed);
      const bias = uniformTensor([cols], seed + 1);
      expectParity(g.biasActivation(x, bias, act), cpu.biasActivation(x, bias, act), `biasActivation ${act} [${lead}]`);
    }), RUNS);
  });

  it('bias + activation backward: dx and the bias gradient in one call', () => {
    fc.assert(fc.property(shapeArb(1, 4, 12), fc.constantFrom<FusedActivation>('linear', 'relu'), fc.nat(), (shape, act, seed) => {
      const y = cpu.biasActivation(uniformTensor(shape, seed), uniformTensor([shape[shape.length - 1]], seed + 1), act);
      const dy = uniformTensor(shape, seed + 2);
      const got = g.biasActivationBackprop(dy, y, act), want = cpu.biasActivationBackprop(dy, y, act);
      expectParity(got.dx, want.dx, `biasActivationBackprop dx ${act} [${shape}]`);
      expectParity(got.dbias, want.dbias, `biasActivationBackprop dbias ${act} [${shape}]`);
    }), RUNS);
  });

  it('Adam and SGD (with and without momentum) updates over several steps', () => {
    const size = [7, 5];
    const make = () => ({
      p: uniformTensor(size, 1), m: uniformTensor(size, 2, 0, 0), v: uniformTensor(size, 3, 0, 0), vel: uniformTensor(size, 4, 0, 0),
    });
    const onGpu = make(), onCpu = make();
    for (let step = 1; step <= 3; step++) {
      const grad = uniformTensor(size, 10 + step);
      const config = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, step };
      g.adamUpdate(onGpu.p, grad, onGpu.m, onGpu.v, config);
      cpu.adamUpdate(onCpu.p, grad, onCpu.m, onCpu.v, config);
      g.sgdUpdate(onGpu.vel, grad, null, 0.1, 0);
      cpu.sgdUpdate(onCpu.vel, grad, null, 0.1, 0);
    }
    for (const k of ['p', 'm', 'v', 'vel'] as const) expectParity(onGpu[k], onCpu[k], `after updates: ${k}`);
    const gp = uniformTensor(size, 20), gv = uniformTensor(size, 21, 0, 0), cp = uniformTensor(size, 20), cv = uniformTensor(size, 21, 0, 0);
    for (let step = 1; step <= 3; step++) {
      const grad = uniformTensor(size, 30 + step);
      g.sgdUpdate(gp, grad, gv, 0.05, 0.9);
      cpu.sgdUpdate(cp, grad, cv, 0.05, 0.9);
    }
    expectParity(gp, cp, 'sgd momentum param');
    expectParity(gv, cv, 'sgd momentum velocity');
  });
});
