import { afterAll, it } from 'vitest';
import fc from 'fast-check';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { Random } from '../../src/util/random';
import { rowMajorStrides } from '../../kernels/shared/strided';
import { describeGpu, gpu } from './gpu-context';
import { RUNS, cpu, expectParity } from './parity';
import { uniformTensor } from './random-data';

const shapeArb = (minRank: number, maxRank: number, maxDim = 5) =>
  fc.array(fc.integer({ min: 1, max: maxDim }), { minLength: minRank, maxLength: maxRank });

describeGpu('gpu shape kernels and ops against cpu', () => {
  const g = gpu!;
  afterAll(() => { setBackend('cpu'); });

  it('gatherStrided: permuted, reversed and repeated reads, up to rank 6', () => {
    fc.assert(fc.property(shapeArb(0, 6), fc.nat(), (shape, seed) => {
      const r = new Random(seed);
      const x = uniformTensor(shape, seed);
      const strides = rowMajorStrides(shape);
      // A random permutation of x's strides, some negated (from the far end) and some zeroed (repeats).
      const order = Int32Array.from(shape, (_, i) => i);
      r.shuffle(order);
      const perm = Array.from(order);
      const outShape = perm.map((p) => shape[p]);
      const s = perm.map((p) => {
        const u = r.uniform(0, 1);
        return u < 0.2 ? 0 : u < 0.5 ? -strides[p] : strides[p];
      });
      const offset = outShape.reduce((o, d, k) => o + (s[k] < 0 ? -s[k] * (d - 1) : 0), 0);
      expectParity(g.gatherStrided(x, outShape, offset, s), cpu.gatherStrided(x, outShape, offset, s), `gatherStrided [${outShape}] strides [${s}] offset ${offset}`);
    }), { ...RUNS, numRuns: 10 });
  });

  it('scatterStrided: pads and lattices of either direction, with a fill', () => {
    fc.assert(fc.property(shapeArb(1, 5, 4), fc.nat(), (xShape, seed) => {
      const r = new Random(seed);
      const int = (n: number) => Math.floor(r.uniform(0, n));
      const steps = xShape.map(() => (int(2) ? -1 : 1) * (1 + int(2)));
      const before = xShape.map(() => int(3));
      const outShape = xShape.map((d, k) => before[k] + (d - 1) * Math.abs(steps[k]) + 1 + int(3));
      const begin = xShape.map((d, k) => (steps[k] > 0 ? before[k] : before[k] + (d - 1) * -steps[k]));
      const x = uniformTensor(xShape, seed);
      const fill = r.uniform(-2, 2);
      expectParity(g.scatterStrided(x, outShape, begin, steps, fill), cpu.scatterStrided(x, outShape, begin, steps, fill), `scatterStrided [${xShape}] into [${outShape}] at [${begin}] by [${steps}]`);
    }), { ...RUNS, numRuns: 10 });
  });

  it('concat of one to four tensors along any axis, empty ones included', () => {
    fc.assert(fc.property(shapeArb(1, 4), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }), fc.nat(), (shape, lengths, seed) => {
      const axis = seed % shape.length;
      const xs = lengths.map((n, i) => uniformTensor(shape.map((d, k) => (k === axis ? n : d)), seed + i));
      const want = cpu.concat(xs, axis);
      expectParity(g.concat(xs, axis), want, `concat of [${lengths}] along ${axis} of [${shape}]`, { onDevice: want.size > 0 && lengths.filter((n) => n > 0).length > 1 });
    }), { ...RUNS, numRuns: 10 });
  });

  it('the public shape ops give the same values on both backends', () => {
    registerBackend('gpu', () => g);
    const x = uniformTensor([2, 3, 4], 5);
    const y = uniformTensor([2, 1, 4], 6);
    const programs: [string, () => tn.Tensor][] = [
      ['transpose', () => tn.transpose(x, [2, 0, 1])],
      ['concat', () => tn.concat([x, y, x], 1)],
      ['stack', () => tn.stack([x, x, x], 2)],
      ['unstack', () => tn.unstack(x, 1)[2]],
      ['split', () => tn.split(x, [1, -1, 2], 2)[1]],
      ['tile', () => tn.tile(y, [1, 3, 2])],
      ['broadcastTo', () => tn.broadcastTo(y, [3, 2, 5, 4])],
      ['pad', () => tn.pad(x, [[1, 0], [0, 2], [1, 1]], -3)],
      ['mirrorPad reflect', () => tn.mirrorPad(x, [[1, 1], [2, 1], [0, 3]], 'reflect')],
      ['mirrorPad symmetric', () => tn.mirrorPad(x, [[2, 0], [0, 3], [4, 1]], 'symmetric')],
      ['reverse', () => tn.reverse(x, [0, 2])],
      ['slice', () => tn.slice(x, [1, 0, 1], [-1, 2, -1])],
      ['stridedSlice', () => tn.stridedSlice(x, [1, -1, 0], [0, 0, 4], [-1, -2, 3], 0, 0, 0, 0, 0)],
      ['stridedSlice masks', () => tn.stridedSlice(x, [0, 1], [0, 3], [1, 2], 0, 0, 1, 0, 0)],
      ['gradient of a slice', () => tn.grad((t: tn.Tensor) => tn.sum(tn.square(tn.stridedSlice(t, [0, 2], [2, 0], [1, -1]))))(x)],
      ['gradient of a tile', () => tn.grad((t: tn.Tensor) => tn.sum(tn.mul(tn.tile(t, [2, 2, 1]), tn.tile(t, [2, 2, 1]))))(y)],
      // Every axis repeated: a rank-5 view of ten axes that do not merge (the gpu gathers six at most).
      ['tile of all five axes and its gradient', () => {
        const x5 = tn.reshape(tn.concat([x, x, x, x, x, x]), [2, 3, 2, 4, 3]);
        return tn.concat([tn.reshape(tn.tile(x5, [2, 2, 2, 2, 2]), [-1]), tn.reshape(tn.grad((t: tn.Tensor) => tn.sum(tn.square(tn.tile(t, [2, 1, 2, 2, 2]))))(x5), [-1])]);
      }],
      ['resizeBilinear', () => tn.image.resizeBilinear(x as tn.Tensor3D, [5, 3], false, true)],
      ['resizeBilinear of a batch, corners aligned', () => tn.image.resizeBilinear(tn.reshape(x, [2, 3, 2, 2]) as tn.Tensor4D, [7, 4], true)],
      ['resizeNearestNeighbor', () => tn.image.resizeNearestNeighbor(x as tn.Tensor3D, [1, 7], true)],
      ['gradient of resizeBilinear', () => tn.grad((t: tn.Tensor) => tn.sum(tn.square(tn.image.resizeBilinear(t as tn.Tensor3D, [4, 6]))))(x)],
      ['bandPart, diag and frame', () => tn.add(tn.linalg.bandPart(x, 1, 0), tn.reshape(tn.signal.frame(tn.reshape(tn.diag(tn.slice(x, [0, 0, 0], [1, 1, 4])), [16]), 4, 4), [1, 4, 4]).slice([0, 0, 0], [1, 3, 4]))],
      ['cumprod and einsum', () => tn.einsum('bij,bjk->bik', tn.cumprod(x, 2, true), tn.pad(tn.cumprod(tn.slice(x, [0, 0, 0], [-1, -1, 2]), 1, false, true), [[0, 0], [0, 1], [0, 0]]))],
      ['spaceToBatchND and depthToSpace', () => tn.depthToSpace(tn.spaceToBatchND(tn.reshape(x, [2, 3, 4, 1]), [1, 2], [[0, 1], [0, 0]]).reshape([2, 2, 2, 4]), 2)],
      ['localResponseNormalization', () => tn.localResponseNormalization(x, 1, 1.5, 0.4, 0.75)],
      ['pool with dilations', () => tn.pool(tn.reshape(x, [1, 2, 3, 4]), 2, 'max', 'same', 2)],
      ['sparseToDense and tensorScatterUpdate', () => tn.add(tn.tensorScatterUpdate(x, [[1, 2], [0, 0], [1, 2]], tn.slice(y, [0, 0, 0], [-1, 1, -1]).reshape([2, 4]).concat(tn.ones([1, 4]))), tn.sparseToDense([[0, 1, 3], [1, 2, 0]], [2, -3], [2, 3, 4], 0.5))],
      ['conv2dTranspose with a numeric pad and its input gradient', () => {
        const f = tn.reshape(tn.slice(y, [0, 0, 0], [2, 1, 2]), [2, 2, 1, 1]);
        const convT = (t: tn.Tensor) => tn.conv2dTranspose(t as tn.Tensor4D, f, [2, 5, 7, 1], 2, 1);
        const x4 = tn.reshape(x, [2, 3, 4, 1]);
        return tn.concat([tn.reshape(convT(x4), [-1]), tn.reshape(tn.grad((t: tn.Tensor) => tn.sum(tn.square(convT(t))))(x4), [-1])]);
      }],
      ['conv1d with an explicit width pad', () => tn.conv1d(x as tn.Tensor3D, tn.reshape(tn.slice(y, [0, 0, 0], [2, 1, 4]), [2, 4, 1]), 2, [[0, 0], [0, 0], [1, 2], [0, 0]])],
      ['conv1d with dilation 2 and its filter gradient', () => {
        const f = tn.reshape(tn.slice(y, [0, 0, 0], [2, 1, 4]), [2, 4, 1]);
        const conv = (t: tn.Tensor) => tn.conv1d(t as tn.Tensor3D, f, 1, 'same', 'NWC', 2);
        return tn.concat([tn.reshape(conv(x), [-1]), tn.reshape(tn.grad((t: tn.Tensor) => tn.sum(tn.square(tn.conv1d(x as tn.Tensor3D, t as tn.Tensor3D, 1, 'valid', 'NWC', 2))))(f), [-1])]);
      }],
      ['divNoNan', () => tn.divNoNan(x, tn.sub(y, tn.slice(y, [0, 0, 0], [1, 1, 1])))],
      ['negative pads (crops) and their gradient, squeeze with no axes, one-tensor addN and concat of an empty tensor', () => {
        const crop = (t: tn.Tensor) => tn.pad(t, [[-1, 1], [0, -1], [-2, 1]], 0.5);
        return tn.concat([tn.reshape(crop(x), [-1]), tn.reshape(tn.grad((t: tn.Tensor) => tn.sum(tn.square(crop(t))))(x), [-1]),
          tn.squeeze(tn.reshape(y, [1, 2, 1, 4]), []).reshape([-1]), tn.addN([tn.reshape(x, [-1])]), tn.concat([tn.tensor1d([], 'bool'), tn.reshape(y, [-1])])]);
      }],
      ['mean near the float32 maximum, reductions over an empty axis, step with an infinite alpha, unsorted topk', () => tn.concat([
        tn.mean(tn.mul(tn.abs(x), 3e38), 2), tn.max(tn.zeros([2, 0]), 1), tn.cast(tn.all(tn.zeros([2, 0], 'bool'), 1), 'float32'),
        tn.cast(tn.argMax(tn.zeros([2, 0]), 1), 'float32'), tn.step(tn.reshape(x, [-1]), Infinity), tn.cast(tn.topk(tn.reshape(x, [4, 6]), 3, false).indices.reshape([-1]), 'float32'),
      ].map((t) => tn.reshape(t, [-1])))],
      // Rank 7 with no axes that merge: past the six the gpu kernels walk, computed on the host as on cpu.
      ['rank-7 add, where, transpose, reverse, stridedSlice and pad', () => {
        const a = tn.reshape(tn.range(0, 16), [2, 1, 2, 1, 2, 1, 2]), b = tn.reshape(tn.range(0, 8), [1, 2, 1, 2, 1, 2, 1]);
        const r = tn.reshape(tn.range(0, 128), [2, 2, 2, 2, 2, 2, 2]), s3 = tn.reshape(tn.range(0, 2187), [3, 3, 3, 3, 3, 3, 3]);
        return tn.concat([
          tn.add(a, b), tn.where(tn.greater(a, 5), a, b), tn.transpose(r, [6, 5, 4, 3, 2, 1, 0]), tn.reverse(r, [0, 2, 4, 6]),
          tn.stridedSlice(s3, [0, 0, 0, 0, 0, 0, 0], [3, 3, 3, 3, 3, 3, 3], [2, 2, 2, 2, 2, 2, 2]), tn.pad(r, new Array(7).fill([1, 0]), -1),
        ].map((t) => tn.reshape(t, [-1])));
      }],
      ['flipLeftRight, rgbToGrayscale, grayscaleToRGB', () => tn.image.grayscaleToRGB(tn.image.rgbToGrayscale(tn.image.flipLeftRight(tn.reshape(tn.slice(x, [0, 0, 0], [-1, -1, 3]), [1, 2, 3, 3]))))],
    ];
    for (const [name, program] of programs) {
      setBackend('cpu');
      const want = program();
      setBackend('gpu');
      const got = program();
      expectParity(got, want, name, { onDevice: false });
    }
    setBackend('cpu');
  });
});
