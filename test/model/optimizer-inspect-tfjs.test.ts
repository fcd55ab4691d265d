import { inspect } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

/** What console.log shows of an object at its top level: the class name and the field names, in order. */
function outline(o: object): string {
  const text = inspect(o, { depth: 0, breakLength: Infinity });
  return `${text.slice(0, text.indexOf(' {'))} ${[...text.matchAll(/[{,] (\w+):/g)].map((m) => m[1]).join(',')}`;
}

describe('console.log(optimizer) shows TF.js 4.22\'s class name and fields', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const cases: [string, () => tn.Optimizer, () => tf.Optimizer][] = [
    ['sgd', () => tn.train.sgd(0.1), () => tf.train.sgd(0.1)],
    ['momentum', () => tn.train.momentum(0.1, 0.9), () => tf.train.momentum(0.1, 0.9)],
    ['adam', () => tn.train.adam(), () => tf.train.adam()],
    ['adagrad', () => tn.train.adagrad(0.1), () => tf.train.adagrad(0.1)],
    ['adadelta', () => tn.train.adadelta(), () => tf.train.adadelta()],
    ['adamax', () => tn.train.adamax(), () => tf.train.adamax()],
    ['rmsprop, centered', () => tn.train.rmsprop(0.1, 0.9, 0.1, 1e-7, true), () => tf.train.rmsprop(0.1, 0.9, 0.1, 1e-7, true)],
  ];
  for (const [name, make, makePeer] of cases) {
    it(`${name}: when made and after a step (its slots listed as {originalName, variable})`, () => {
      const [ours, theirs] = [make(), makePeer()];
      expect(outline(ours)).toBe(outline(theirs));
      const w = tn.variable(tn.tensor1d([1, 2]), true, `inspect_${name}`);
      const wp = tf.variable(tf.tensor1d([1, 2]), true, `inspect_${name}`);
      ours.minimize(() => tn.sum(tn.square(w)));
      theirs.minimize(() => tf.sum(tf.square(wp)));
      expect(outline(ours)).toBe(outline(theirs));
      if (name !== 'sgd') expect(inspect(ours, { depth: 2, breakLength: Infinity })).toContain(`{ originalName: 'inspect_${name}/`);
    });
  }

  it('an optimizer class of the user\'s own is shown as it is, its class and its fields', () => {
    class Halver extends tn.Optimizer {
      static className = 'Halver';
      halving = 0.5;
      override applyGradients(): void {}
      override getConfig(): Record<string, number> {
        return { halving: this.halving };
      }
    }
    expect(outline(new Halver())).toMatch(/^Halver .*\bhalving\b/);
  });
});
