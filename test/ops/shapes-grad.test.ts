import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as tn from '../../src/index';
import { Random } from '../../src/util/random';
import { shapeArb } from '../arbitraries';
import { FC, expectGradOk, randTensor, seedArb } from '../helpers';

// Each shape op's backward rule against central differences (float64), and the rule's own gradient through a
// Hessian-vector product: the shape ops are linear, so they are checked inside g(x) = Σ w·op(x)², whose
// gradient 2·opᵀ(w·op(x)) runs the backward rule on a tensor that depends on x.

type Op = (...xs: tn.Tensor[]) => tn.Tensor;

/** Each case checks a gradient and a Hessian-vector product by finite differences: fewer runs than FC's 100 keep the file near 10 s. */
const RUNS = { ...FC, numRuns: 30 };

/** g(xs) = Σ w · op(xs)² with fixed weights. */
function squaredObjective(op: Op, seed: number): Op {
  let w: tn.Tensor | null = null;
  return (...xs) => {
    const y = op(...xs);
    w ??= tn.keep(randTensor([...y.shape], seed));
    return tn.sum(tn.mul(w, tn.square(y)));
  };
}

/** First derivative of op, and the Hessian-vector product of Σ w·op(xs)² along a random direction per input. */
function expectFirstAndSecondOk(op: Op, xs: tn.Tensor[], seed: number): void {
  expectGradOk(op, xs);
  const g = squaredObjective(op, seed);
  const vs = xs.map((x, i) => randTensor([...x.shape], seed + 17 + i));
  expectGradOk((...args) => {
    const gs = tn.grads(g)(args);
    return gs.reduce((acc, gi, i) => tn.add(acc, tn.sum(tn.mul(gi, vs[i]))), tn.scalar(0, 'float64'));
  }, xs);
}

const permOf = (rank: number, seed: number) => {
  const p = Int32Array.from({ length: rank }, (_, i) => i);
  new Random(seed).shuffle(p);
  return Array.from(p);
};

describe('shape ops: backward rules and their gradients (float64)', () => {
  it('transpose with a random perm', () => {
    fc.assert(fc.property(shapeArb(1, 4), seedArb, (shape, seed) => {
      expectFirstAndSecondOk((x) => tn.transpose(x, permOf(shape.length, seed)), [randTensor(shape, seed)], seed);
    }), RUNS);
  });

  it('slice with random begin and size (-1 on some axes)', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const r = new Random(seed);
      const begin = shape.map((d) => Math.floor(r.uniform(0, d)));
      const size = shape.map((d, i) => (r.uniform(0, 1) < 0.3 ? -1 : 1 + Math.floor(r.uniform(0, d - begin[i]))));
      expectFirstAndSecondOk((x) => tn.slice(x, begin, size), [randTensor(shape, seed)], seed);
    }), RUNS);
  });

  it('stridedSlice with random indices, strides of either sign and masks', () => {
    fc.assert(fc.property(shapeArb(1, 3, 5), seedArb, (shape, seed) => {
      const r = new Random(seed);
      const n = shape.length;
      const int = (lo: number, hi: number) => Math.floor(r.uniform(lo, hi + 1));
      const strides = shape.map(() => (r.uniform(0, 1) < 0.5 ? -1 : 1) * int(1, 2));
      const begin = shape.map((d) => int(-d - 1, d + 1));
      const end = shape.map((d) => int(-d - 1, d + 1));
      const mask = () => int(0, (1 << n) - 1);
      // Shrink only axes with a positive stride and an index inside the axis.
      let shrink = 0;
      shape.forEach((d, i) => {
        if (strides[i] > 0 && r.uniform(0, 1) < 0.3) { shrink |= 1 << i; begin[i] = int(-d, d - 1); }
      });
      const [beginMask, endMask] = [mask(), mask()];
      const f = (x: tn.Tensor) => tn.stridedSlice(x, begin, end, strides, beginMask, endMask, 0, 0, shrink);
      const x = randTensor(shape, seed);
      fc.pre(f(x).size > 0);
      expectFirstAndSecondOk(f, [x], seed);
    }), RUNS);
  });

  it('reverse along random axes', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const axes = shape.map((_, i) => i).filter((i) => (seed >> i) & 1);
      expectFirstAndSecondOk((x) => tn.reverse(x, axes), [randTensor(shape, seed)], seed);
    }), RUNS);
  });

  it('pad with a constant (negative pads cropping) and mirrorPad in both modes', () => {
    fc.assert(fc.property(shapeArb(1, 3, 4), seedArb, fc.boolean(), (shape, seed, reflect) => {
      const r = new Random(seed);
      const mode = reflect ? 'reflect' : 'symmetric';
      const most = (d: number) => d - (reflect ? 1 : 0);
      const mirror = shape.map((d) => [Math.floor(r.uniform(0, most(d) + 1)), Math.floor(r.uniform(0, most(d) + 1))] as [number, number]);
      const paddings = shape.map(() => [Math.floor(r.uniform(0, 3)), Math.floor(r.uniform(0, 3))] as [number, number]);
      // A negative pad crops: at most the axis's length in all.
      const crops = shape.map((d) => { const b = Math.floor(r.uniform(0, d + 1)); return [-b, Math.floor(r.uniform(-(d - b), 3))] as [number, number]; });
      const x = randTensor(shape, seed);
      expectFirstAndSecondOk((t) => tn.pad(t, paddings, 0.5), [x], seed);
      expectFirstAndSecondOk((t) => tn.pad(t, crops, 0.5), [x], seed);
      expectFirstAndSecondOk((t) => tn.mirrorPad(t, mirror, mode), [x], seed);
    }), RUNS);
  });

  it('concat and stack of several tensors along a random axis', () => {
    fc.assert(fc.property(shapeArb(1, 3), fc.integer({ min: 1, max: 3 }), seedArb, (shape, count, seed) => {
      const axis = seed % shape.length;
      const xs = Array.from({ length: count }, (_, i) => randTensor(shape.map((d, k) => (k === axis ? 1 + ((seed + i) % 3) : d)), seed + i));
      expectFirstAndSecondOk((...ts) => tn.concat(ts, axis), xs, seed);
      const same = Array.from({ length: count }, (_, i) => randTensor(shape, seed + 7 * i));
      expectFirstAndSecondOk((...ts) => tn.stack(ts, -1 - axis), same, seed);
    }), RUNS);
  });

  it('unstack and split, their pieces weighted differently', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const axis = seed % shape.length;
      const x = randTensor(shape, seed);
      const weigh = (pieces: tn.Tensor[]) => tn.concat(pieces.map((p, i) => tn.reshape(tn.mul(p, i + 1), [-1])));
      expectFirstAndSecondOk((t) => weigh(tn.unstack(t, axis)), [x], seed);
      const d = shape[axis];
      const sizes = d > 1 ? [1, -1] : [d];
      expectFirstAndSecondOk((t) => weigh(tn.split(t, sizes, axis)), [x], seed);
    }), RUNS);
  });

  it('split with some pieces unused: their gradient is zero, in the first and second derivative', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const axis = seed % shape.length;
      const grown = shape.map((d, k) => (k === axis ? d + 2 : d));
      const x = randTensor(grown, seed);
      const used = seed % 3;
      expectFirstAndSecondOk((t) => tn.split(t, [1, shape[axis], 1], axis)[used], [x], seed);
      expectFirstAndSecondOk((t) => tn.mul(tn.split(t, 3, axis)[0], 2), [tn.concat([x, x, x], axis)], seed);
    }), RUNS);
  });

  it('tile and broadcastTo sum the gradient over the copies', () => {
    fc.assert(fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
      const reps = shape.map((_, i) => 1 + ((seed >> (2 * i)) % 3));
      const x = randTensor(shape, seed);
      expectFirstAndSecondOk((t) => tn.tile(t, reps), [x], seed);
      const small = randTensor(shape.map((d, i) => (i % 2 ? 1 : d)), seed);
      expectFirstAndSecondOk((t) => tn.broadcastTo(t, [2, ...shape]), [small], seed);
    }), RUNS);
  });

  it('expandDims, squeeze and reshape pass gradients through', () => {
    fc.assert(fc.property(shapeArb(0, 3), seedArb, (shape, seed) => {
      const x = randTensor(shape, seed);
      expectFirstAndSecondOk((t) => tn.squeeze(tn.expandDims(t, -1), [-1]), [x], seed);
      expectFirstAndSecondOk((t) => tn.reshape(t, [-1]), [x], seed);
    }), RUNS);
  });
});
