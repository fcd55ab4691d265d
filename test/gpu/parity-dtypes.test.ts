import { expect, it } from 'vitest';
import fc from 'fast-check';
import type { Backend, BinaryOp, UnaryOp } from '../../src/backend/backend';
import { Tensor, sizeOfShape, type DType } from '../../src/tensor/tensor';
import { Random } from '../../src/util/random';
import { broadcastPairs, shapeArb } from '../arbitraries';
import { describeGpu, gpu } from './gpu-context';
import { RUNS, cpu, expectParity, sumTol } from './parity';
import { awayFromZeroTensor, uniformTensor } from './random-data';

// The dtype and indexing kernels on the gpu (every dtype in float textures) against the cpu kernels.

const broadcastPair = broadcastPairs(5, 6);

function intTensor(shape: readonly number[], seed: number, below: number, dtype: DType = 'int32', from = 0): Tensor {
  const r = new Random(seed);
  const n = sizeOfShape(shape);
  const values = Array.from({ length: n }, () => from + r.int(below - from));
  return new Tensor(shape, dtype, dtype === 'bool' ? Uint8Array.from(values) : Int32Array.from(values));
}

/** Same dtype and values on both sides, the gpu result kept on the device (unless onDevice is false). */
function expectSame(got: Tensor, want: Tensor, what: string, onDevice = true): void {
  expect(got.dtype, what).toBe(want.dtype);
  expectParity(got, want, what, { onDevice });
}

describeGpu('gpu dtype and indexing kernels against cpu', () => {
  const g = gpu!;

  it.each(['floor', 'ceil', 'round', 'sign', 'isNaN', 'isInf', 'isFinite', 'step'] as UnaryOp[])('unary %s (specials included)', (op) => {
    fc.assert(fc.property(shapeArb(1, 3, 6), fc.nat(), (shape, seed) => {
      const v = uniformTensor(shape, seed, -4, 4).dataSync() as Float32Array;
      [NaN, Infinity, -Infinity, 2.5, -0.5].forEach((s, i) => { if (i < v.length && seed % 2 === 0) v[i] = s; });
      const x = new Tensor(shape, 'float32', v);
      expectSame(g.unary(op, x), cpu.unary(op, x), `${op} [${shape}]`);
    }), { ...RUNS, numRuns: 4 });
  });

  it('logicalNot, and int32 through neg, abs and square', () => {
    const b = intTensor([17], 3, 2, 'bool');
    expectSame(g.unary('logicalNot', b), cpu.unary('logicalNot', b), 'logicalNot');
    const i = intTensor([5, 3], 4, 50, 'int32', -50);
    for (const op of ['neg', 'abs', 'square', 'sign'] as UnaryOp[]) expectSame(g.unary(op, i), cpu.unary(op, i), `${op} int32`);
  });

  it.each(['mod', 'floorDiv'] as BinaryOp[])('%s on floats and on int32 (exact), with broadcasting', (op) => {
    fc.assert(fc.property(broadcastPair, fc.nat(), ([sa, sb], seed) => {
      const a = uniformTensor(sa, seed, -9, 9), b = awayFromZeroTensor(sb, seed + 1);
      expectSame(g.binary(op, a, b), cpu.binary(op, a, b), `${op} [${sa}] [${sb}]`);
      const ia = intTensor(sa, seed, 40, 'int32', -40);
      const ib = new Tensor(sb, 'int32', intTensor(sb, seed + 1, 7, 'int32', 1).dataSync() as Int32Array);
      const negated = new Tensor(sb, 'int32', Int32Array.from(ib.dataSync(), (v, k) => (k % 2 ? -v : v)));
      expectSame(g.binary(op, ia, negated), cpu.binary(op, ia, negated), `${op} int32 [${sa}] [${sb}]`);
    }), { ...RUNS, numRuns: 4 });
  });

  it('mod and floorDiv of a small x by a large y of the other sign (x - q·y rounds to a whole y there)', () => {
    const x = new Tensor([6], 'float32', Float32Array.from([-0.001, -1, 5, 0.001, -3, 7]));
    const y = new Tensor([6], 'float32', Float32Array.from([1e5, 3e7, -1e6, -1e5, 3, -7]));
    for (const op of ['mod', 'floorDiv'] as BinaryOp[]) expectSame(g.binary(op, x, y), cpu.binary(op, x, y), op);
    expect(Array.from(g.binary('floorDiv', x, y).dataSync())).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it.each(['atan2', 'sub', 'pow', 'div'] as BinaryOp[])('%s of bools stores what cpu stores, as the next op on the device reads it', (op) => {
    const a = new Tensor([4], 'bool', Uint8Array.from([1, 1, 0, 0]));
    const b = new Tensor([4], 'bool', Uint8Array.from([0, 1, 1, 0]));
    // A cast or an add after it reads the texture as stored (the read back alone would round it).
    expectSame(g.cast(g.binary(op, a, b), 'float32'), cpu.cast(cpu.binary(op, a, b), 'float32'), `${op}, cast`);
    expectSame(g.binary('add', g.binary(op, a, b), a), cpu.binary('add', cpu.binary(op, a, b), a), `${op}, add`);
  });

  it.each(['logicalAnd', 'logicalOr', 'logicalXor', 'greater', 'equal'] as BinaryOp[])('%s gives bool', (op) => {
    fc.assert(fc.property(broadcastPair, fc.nat(), ([sa, sb], seed) => {
      const a = intTensor(sa, seed, 2, 'bool'), b = intTensor(sb, seed + 1, 2, 'bool');
      expectSame(g.binary(op, a, b), cpu.binary(op, a, b), `${op} [${sa}] [${sb}]`);
    }), { ...RUNS, numRuns: 3 });
  });

  it('int32 add, sub, mul, maximum and sum stay exact', () => {
    const a = intTensor([4, 5], 1, 1000, 'int32', -1000), b = intTensor([5], 2, 1000, 'int32', -1000);
    for (const op of ['add', 'sub', 'mul', 'maximum', 'minimum'] as BinaryOp[]) expectSame(g.binary(op, a, b), cpu.binary(op, a, b), `${op} int32`);
    expectSame(g.reduce('sum', a, [1]), cpu.reduce('sum', a, [1]), 'sum int32');
  });

  it('cast between float32, int32 and bool', () => {
    const x = uniformTensor([23], 9, -5, 5);
    const pairs: [Tensor, DType][] = [[x, 'int32'], [x, 'bool'], [intTensor([23], 3, 5, 'int32', -5), 'bool'], [intTensor([23], 4, 2, 'bool'), 'float32'], [intTensor([23], 5, 9), 'float32']];
    // Host int32 / bool values whose floats are already right are relabelled on the host: nothing to run.
    for (const [t, dtype] of pairs) expectSame(g.cast(t, dtype), cpu.cast(t, dtype), `cast ${t.dtype} -> ${dtype}`, dtype !== 'float32');
  });

  // Relabelled as float32 (no kernel runs), an int32 result shows the values the ops after it read.
  const asStored = (t: Tensor, backend: Backend<Tensor>): number[] => Array.from(backend.cast(t, 'float32').dataSync());

  it('int32 results hold what an Int32Array stores: NaN, ±Infinity and fractions cast to 0 and truncated', () => {
    const x = new Tensor([6], 'float32', Float32Array.of(NaN, Infinity, -Infinity, 2.7, -2.7, 1e30));
    const want = asStored(cpu.cast(x, 'int32'), cpu);
    expect(want).toEqual([0, 0, 0, 2, -2, 0]);
    expect(asStored(g.cast(x, 'int32'), g)).toEqual(want);
    // The bool of acosh(false) as tf.acosh gives it: NaN cast to int32 (0), then to bool (false).
    expect(Array.from(g.cast(g.cast(x, 'int32'), 'bool').dataSync())).toEqual([0, 0, 0, 1, 1, 0]);
  });

  it.each(['atan2', 'pow', 'mod', 'floorDiv'] as BinaryOp[])('int32 %s stores whole numbers, a zero divisor 0, as on cpu', (op) => {
    const a = new Tensor([6], 'int32', Int32Array.of(5, 1, 4, 2, -3, 7));
    const b = new Tensor([6], 'int32', Int32Array.of(5, 0, -5, -1, -1, 0));
    const want = asStored(cpu.binary(op, a, b), cpu);
    expect(want.every(Number.isInteger)).toBe(true);
    expect(asStored(g.binary(op, a, b), g), op).toEqual(want);
  });

  it('a pad\'s fill is stored as the tensor\'s array stores it (-2 in a bool tensor is 254)', () => {
    const x = intTensor([2], 1, 2, 'bool');
    for (const [t, fill] of [[x, -2], [intTensor([2], 2, 9), 2.7]] as [Tensor, number][]) {
      const got = g.scatterStrided(t, [4], [1], [1], fill), want = cpu.scatterStrided(t, [4], [1], [1], fill);
      expect(Array.from(got.dataSync()), `${t.dtype} fill ${fill}`).toEqual(Array.from(want.dataSync()));
    }
  });

  it('where with a broadcast condition', () => {
    fc.assert(fc.property(broadcastPair, fc.nat(), ([sa, sb], seed) => {
      const c = intTensor(sb, seed, 2, 'bool');
      const a = uniformTensor(sa, seed + 1), b = uniformTensor(sa, seed + 2);
      expectSame(g.where(c, a, b), cpu.where(c, a, b), `where [${sb}] [${sa}]`);
    }), { ...RUNS, numRuns: 4 });
  });

  it('argMax and argMin along each axis', () => {
    fc.assert(fc.property(shapeArb(1, 4, 6), fc.nat(), (shape, seed) => {
      const x = uniformTensor(shape, seed);
      const axis = seed % shape.length;
      expectSame(g.argReduce('argMax', x, axis), cpu.argReduce('argMax', x, axis), `argMax [${shape}] axis ${axis}`);
      expectSame(g.argReduce('argMin', x, axis), cpu.argReduce('argMin', x, axis), `argMin [${shape}] axis ${axis}`);
    }), { ...RUNS, numRuns: 5 });
  });

  it('gather and unsortedSegmentSum along each axis', () => {
    fc.assert(fc.property(shapeArb(1, 4, 6), fc.nat(), (shape, seed) => {
      const axis = seed % shape.length;
      const x = uniformTensor(shape, seed);
      const idx = intTensor([7], seed + 1, shape[axis]);
      expectSame(g.gather(x, idx, axis), cpu.gather(x, idx, axis), `gather [${shape}] axis ${axis}`);
      const ids = intTensor([shape[axis]], seed + 2, 3);
      const got = g.unsortedSegmentSum(x, ids, 3, axis);
      expect(got.dtype).toBe('float32');
      expectParity(got, cpu.unsortedSegmentSum(x, ids, 3, axis), `unsortedSegmentSum [${shape}] axis ${axis}`, { tol: sumTol(shape[axis]) });
    }), { ...RUNS, numRuns: 5 });
  });

  it('gatherND and scatterND at every index depth', () => {
    fc.assert(fc.property(shapeArb(1, 4, 5), fc.nat(), (shape, seed) => {
      const depth = 1 + (seed % shape.length);
      const r = new Random(seed);
      const tuples = Array.from({ length: 5 }, () => shape.slice(0, depth).map((d) => r.int(d)));
      const idx = new Tensor([5, depth], 'int32', Int32Array.from(tuples.flat()));
      const x = uniformTensor(shape, seed + 1);
      expectSame(g.gatherND(x, idx), cpu.gatherND(x, idx), `gatherND [${shape}] depth ${depth}`);
      const u = uniformTensor([5, ...shape.slice(depth)], seed + 2);
      expectParity(g.scatterND(idx, u, shape), cpu.scatterND(idx, u, shape), `scatterND [${shape}] depth ${depth}`, { tol: sumTol(5) });
    }), { ...RUNS, numRuns: 5 });
  });

  it('topk indices, ties to the lower index', () => {
    fc.assert(fc.property(shapeArb(1, 3, 9), fc.nat(), (shape, seed) => {
      const n = shape[shape.length - 1];
      const x = new Tensor(shape, 'float32', Float32Array.from(intTensor(shape, seed, 5).dataSync()));
      const k = 1 + (seed % n);
      expectSame(g.topkIndices(x, k), cpu.topkIndices(x, k), `topk [${shape}] k ${k}`);
    }), { ...RUNS, numRuns: 5 });
  });

  it('matMul and maxPool of bool keep bool, as on cpu (TF.js\'s dot of two bool vectors is bool)', () => {
    const a = intTensor([2, 3], 5, 2, 'bool'), b = intTensor([3, 2], 6, 2, 'bool');
    expectSame(g.matMul(a, b, false, false), cpu.matMul(a, b, false, false), 'matMul bool');
    const x = intTensor([1, 3, 3, 2], 7, 2, 'bool');
    expectSame(g.maxPool(x, [2, 2], [1, 1], 'valid'), cpu.maxPool(x, [2, 2], [1, 1], 'valid'), 'maxPool bool');
  });
});
