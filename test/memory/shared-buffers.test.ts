import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

type TL = typeof tf;

describe('clone and a cast to the same dtype share the data buffer, as TF.js', () => {
  it('numDataBuffers after x.clone(), tf.clone, cast to its dtype, and a layer output cloned from its input', () => {
    const run = (lib: TL) => {
      const x = lib.ones([1000]);
      const buffers = () => lib.memory().numDataBuffers;
      const start = buffers();
      const made = [x.clone(), lib.clone(x), x.cast('float32'), lib.layers.dropout({ rate: 0.5 }).apply(x) as tf.Tensor];
      const shared = buffers() - start;
      const sums = () => lib.tidy(() => made.map((t) => t.sum().arraySync() as number));
      const values = sums();
      x.dispose();
      // The buffer outlives x while a clone holds it.
      const kept = sums();
      lib.dispose(made);
      return { shared, values, kept, left: buffers() - start };
    };
    const theirs = run(tf);
    expect(run(tn as unknown as TL)).toEqual(theirs);
    expect(theirs).toEqual({ shared: 0, values: [1000, 1000, 1000, 1000], kept: [1000, 1000, 1000, 1000], left: -1 });
  });

  it('a clone of a variable keeps its values through an optimizer step (the variable is updated in place here)', () => {
    const run = (lib: TL) => {
      const v = lib.variable(lib.tensor1d([1, 2, 3]));
      const opt = lib.train.sgd(0.1);
      const step = () => opt.minimize(() => lib.sum(lib.square(v)) as tf.Scalar);
      step();
      const c = v.clone();
      const before = Array.from(c.dataSync());
      step();
      const after = Array.from(c.dataSync());
      lib.dispose([v, c]);
      opt.dispose();
      return { same: after.every((a, i) => a === before[i]), before };
    };
    const theirs = run(tf);
    const ours = run(tn as unknown as TL);
    expect(ours.same).toBe(true);
    ours.before.forEach((b, i) => expect(b).toBeCloseTo(theirs.before[i], 6));
  });

  for (const name of ['sgd', 'momentum', 'adam'] as const) {
    it(`a reshape of a variable keeps its values through ${name} steps, which update the variable in place`, () => {
      const run = (lib: TL) => {
        const v = lib.variable(lib.tensor1d([1, 2, 3, 4]));
        const opt = name === 'momentum' ? lib.train.momentum(0.1, 0.9) : lib.train[name](0.1);
        const step = () => opt.minimize(() => lib.sum(lib.square(v)) as tf.Scalar);
        step();
        const r = v.reshape([2, 2]);
        const kept = Array.from(r.dataSync());
        step();
        step();
        const after = { r: Array.from(r.dataSync()), v: Array.from(v.dataSync()) };
        lib.dispose([v, r]);
        opt.dispose();
        return { kept, ...after };
      };
      const theirs = run(tf);
      const ours = run(tn as unknown as TL);
      expect(ours.r).toEqual(ours.kept);
      expect(theirs.r).toEqual(theirs.kept);
      ours.v.forEach((x, i) => expect(x).toBeCloseTo(theirs.v[i], 5));
      expect(ours.v).not.toEqual(ours.kept);
    });
  }
});

describe('a variable made from a tensor still alive shares its buffer until an optimizer step, as TF.js', () => {
  it.each(['adam', 'sgd', 'momentum'] as const)('%s: buffers, tensors and bytes after each step and after the tensor is disposed', (name) => {
    const run = (lib: TL) => {
      const x = lib.tensor1d([1, 2]);
      const w = lib.variable(x);
      const start = lib.memory();
      const counts = () => {
        const m = lib.memory();
        return [m.numTensors - start.numTensors, m.numDataBuffers - start.numDataBuffers, m.numBytes - start.numBytes];
      };
      const opt = name === 'adam' ? lib.train.adam(0.1) : name === 'sgd' ? lib.train.sgd(0.1) : lib.train.momentum(0.1, 0.9);
      const seen = [counts()];
      for (let i = 0; i < 2; i++) {
        opt.minimize(() => lib.sum(lib.square(w)) as tf.Scalar);
        seen.push(counts());
      }
      const kept = Array.from(x.dataSync());
      x.dispose();
      seen.push(counts());
      w.dispose();
      return { seen, kept };
    };
    const theirs = run(tf);
    expect(run(tn as unknown as TL)).toEqual(theirs);
    // The step gives the variable a new buffer; x keeps its values and its own.
    expect(theirs.kept).toEqual([1, 2]);
    expect(theirs.seen[1][1] - theirs.seen[0][1]).toBeGreaterThan(theirs.seen[1][0] - theirs.seen[0][0]);
  });
});
