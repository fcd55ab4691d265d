import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { alea } from '../../src/util/alea';

// A seed given to tessera gives TF.js 4.22's values for it: the same generator, samplers and draw order.

type Lib = typeof tn;
// TF.js called through tessera's typings: the calls below are the same code for both.
const peer = tf as unknown as Lib;
const values = (t: { dataSync(): ArrayLike<number> }): number[] => Array.from(t.dataSync());

describe('alea, as the seedrandom package TF.js draws from', () => {
  it('gives seedrandom\'s draws and int32s for string and number seeds', () => {
    const seedrandom = createRequire(require.resolve('@tensorflow/tfjs-core'))('seedrandom') as { alea(seed: string): { (): number; int32(): number } };
    for (const seed of ['42', 's1', '', 'a longer seed, with punctuation!', 0, 42, 0.5, -7, 1e21]) {
      const ours = alea(seed);
      const theirs = seedrandom.alea(String(seed));
      for (let i = 0; i < 300; i++) {
        if (i % 3 === 0) expect(ours.int32()).toBe(theirs.int32());
        else expect(ours.next()).toBe(theirs());
      }
    }
  });
});

describe('seeded random ops give TF.js\'s values', () => {
  const cases: [string, (l: Lib) => { dataSync(): ArrayLike<number> }][] = [
    ['randomUniform', (l) => l.randomUniform([257], -2, 3, 'float32', 42)],
    ['randomUniform, a string seed', (l) => l.randomUniform([20], 0, 1, 'float32', 'abc')],
    ['randomUniform int32 (truncated)', (l) => l.randomUniform([50], 0, 10, 'int32', 7)],
    ['randomNormal (an odd count: the pair\'s spare)', (l) => l.randomNormal([101], 1, 2, 'float32', 42)],
    ['randomNormal int32 (rounded)', (l) => l.randomNormal([31], 1, 5, 'int32', 42)],
    ['truncatedNormal', (l) => l.truncatedNormal([301], 0, 1, 'float32', 3)],
    ['randomStandardNormal', (l) => l.randomStandardNormal([40], 'float32', 9)],
    ['randomUniformInt', (l) => l.randomUniformInt([60], 3, 17, 5)],
    ['randomGamma, alpha > 1', (l) => l.randomGamma([200], 2.5, 1, 'float32', 11)],
    ['randomGamma, alpha < 1', (l) => l.randomGamma([200], 0.4, 1, 'float32', 11)],
    ['multinomial over logits, 2 rows', (l) => l.multinomial(l.tensor2d([[0.1, 2, -1, 0.5], [3, 0, 0, 1]]), 40, 13)],
    ['multinomial over probabilities', (l) => l.multinomial(l.tensor1d([0.2, 0.3, 0.5]), 40, 13, true)],
    ['dropout', (l) => l.dropout(l.ones([200]), 0.3, undefined, 21)],
    ['dropout with a noise shape and a string seed', (l) => l.dropout(l.ones([4, 30]), 0.5, [4, 1], 'x')],
  ];
  for (const [name, make] of cases) it(name, () => expect(values(make(tn))).toEqual(values(make(peer))));

  it('randomGamma takes beta as a rate, as TF.js documents (TF.js 4.22 multiplies by it): the same draws, divided', () => {
    const ours = values(tn.randomGamma([50], 2.5, 4, 'float32', 11));
    const unit = values(tf.randomGamma([50], 2.5, 1, 'float32', 11));
    ours.forEach((v, i) => expect(v).toBe(Math.fround(unit[i] / 4)));
  });

  it('randomUniformInt floors negative draws where TF.js truncates them toward zero (which makes minval rare)', () => {
    const theirs = values(tf.randomUniform([200], -5, 5, 'float32', 8));
    expect(values(tn.randomUniformInt([200], -5, 5, 8))).toEqual(theirs.map(Math.floor));
  });
});

describe('seeded initializers give TF.js\'s values', () => {
  const cases: [string, (l: Lib) => { dataSync(): ArrayLike<number> }][] = [
    ['glorotUniform (a conv kernel)', (l) => l.initializers.glorotUniform({ seed: 7 }).apply([3, 3, 1, 32])],
    ['glorotNormal', (l) => l.initializers.glorotNormal({ seed: 7 }).apply([30, 20])],
    ['heNormal (no correction for the truncation, as TF.js)', (l) => l.initializers.heNormal({ seed: 7 }).apply([30, 20])],
    ['heUniform', (l) => l.initializers.heUniform({ seed: 7 }).apply([30, 20])],
    ['leCunNormal', (l) => l.initializers.leCunNormal({ seed: 7 }).apply([30, 20])],
    ['leCunUniform', (l) => l.initializers.leCunUniform({ seed: 7 }).apply([30, 20])],
    ['randomNormal', (l) => l.initializers.randomNormal({ seed: 7, mean: 1, stddev: 0.3 }).apply([30, 20])],
    ['truncatedNormal', (l) => l.initializers.truncatedNormal({ seed: 7 }).apply([30, 20])],
    ['randomUniform', (l) => l.initializers.randomUniform({ seed: 7 }).apply([30, 20])],
    ['varianceScaling', (l) => l.initializers.varianceScaling({ seed: 7, scale: 2, mode: 'fanOut', distribution: 'uniform' }).apply([30, 20])],
    // TF.js's fans outside ranks 2 to 5 (a bias; rank 6): sqrt(size) for both, where Keras takes the size.
    ['glorotNormal on a 1-D shape', (l) => l.initializers.glorotNormal({ seed: 13 }).apply([12])],
    ['heUniform on a 1-D shape', (l) => l.initializers.heUniform({ seed: 13 }).apply([40])],
    ['leCunNormal on a 6-D shape', (l) => l.initializers.leCunNormal({ seed: 13 }).apply([2, 1, 3, 2, 2, 3])],
    ['varianceScaling fanAvg on a 1-D shape', (l) => l.initializers.varianceScaling({ seed: 13, mode: 'fanAvg', distribution: 'normal' }).apply([9])],
    // int32 weights: the normal draws rounded, the uniform ones truncated, as TF.js's samplers store them.
    ['randomNormal int32', (l) => l.initializers.randomNormal({ seed: 7, stddev: 5 }).apply([30, 20], 'int32')],
    ['truncatedNormal int32', (l) => l.initializers.truncatedNormal({ seed: 7, stddev: 5 }).apply([30, 20], 'int32')],
    ['varianceScaling normal int32', (l) => l.initializers.varianceScaling({ seed: 7, scale: 900 }).apply([30, 20], 'int32')],
    ['randomUniform int32', (l) => l.initializers.randomUniform({ seed: 7, minval: -5, maxval: 5 }).apply([30, 20], 'int32')],
    ['an lstm bias from glorotUniform', (l) => {
      const lstm = l.layers.lstm({ units: 3, biasInitializer: l.initializers.glorotUniform({ seed: 13 }) });
      lstm.build([null, 4, 5]);
      return lstm.getWeights()[2];
    }],
  ];
  for (const [name, make] of cases) it(name, () => expect(values(make(tn))).toEqual(values(make(peer))));

  it('orthogonal: TF.js\'s normal draw and basis (its float32 QR against Gram-Schmidt: within 3e-7)', () => {
    for (const [shape, gain] of [[[30, 20], 1], [[8, 32], 2], [[16, 16], 1]] as const) {
      const ours = values(tn.initializers.orthogonal({ seed: 7, gain }).apply(shape));
      const theirs = values(tf.initializers.orthogonal({ seed: 7, gain }).apply([...shape]));
      ours.forEach((v, i) => expect(Math.abs(v - theirs[i])).toBeLessThan(3e-7 * gain));
    }
  });

  it('orthogonal refuses an int32 dtype, which has no orthogonal matrix (TF.js fails inside its QR)', () => {
    expect(() => tn.initializers.orthogonal({ seed: 7 }).apply([3, 3], 'int32')).toThrow(/initializers.orthogonal: dtype must be 'float32' or 'float64', got "int32"/);
  });

  it('a seeded dense layer starts from TF.js\'s weights', () => {
    const make = (l: Lib) => l.sequential({ layers: [l.layers.dense({ units: 5, inputShape: [4], kernelInitializer: l.initializers.heNormal({ seed: 3 }), biasInitializer: l.initializers.randomUniform({ seed: 4 }) })] });
    const [ours, theirs] = [make(tn).getWeights(), make(peer).getWeights()];
    ours.forEach((w, i) => expect(values(w)).toEqual(values(theirs[i])));
  });
});

describe('seeded dropout layers give TF.js\'s masks', () => {
  it('dropout with a seed: TF.js\'s mask, the same one at every call, as TF.js draws it', () => {
    const masks = (l: Lib) => {
      const layer = l.layers.dropout({ rate: 0.5, seed: 3 });
      const x = l.ones([2, 12]);
      return [values(layer.apply(x, { training: true }) as tn.Tensor), values(layer.apply(x, { training: true }) as tn.Tensor)];
    };
    const ours = masks(tn);
    expect(ours).toEqual(masks(peer));
    expect(ours[0]).toEqual(ours[1]);
  });

  it('spatialDropout1d with a seed: one mask entry per sample and channel', () => {
    const mask = (l: Lib) => values(l.layers.spatialDropout1d({ rate: 0.4, seed: 9 }).apply(l.ones([2, 3, 5]), { training: true }) as tn.Tensor);
    expect(mask(tn)).toEqual(mask(peer));
  });
});

describe('seeded dataset shuffles give TF.js\'s orders', () => {
  const orders = async (l: Lib, make: (d: ReturnType<typeof tn.data.array>) => ReturnType<typeof tn.data.array>, passes: number): Promise<number[][]> => {
    const ds = make(l.data.array([...Array(20).keys()]) as ReturnType<typeof tn.data.array>);
    const out: number[][] = [];
    for (let p = 0; p < passes; p++) out.push((await ds.toArray()) as number[]);
    return out;
  };

  it('a window smaller than the dataset, reshuffled each pass', async () => {
    const make = (d: ReturnType<typeof tn.data.array>) => d.shuffle(6, 'seed1');
    expect(await orders(tn, make, 3)).toEqual(await orders(peer, make, 3));
  });

  it('a window larger than the dataset, a number seed', async () => {
    const make = (d: ReturnType<typeof tn.data.array>) => d.shuffle(100, 5);
    expect(await orders(tn, make, 2)).toEqual(await orders(peer, make, 2));
  });

  it('without reshuffling, every pass repeats the first pass\'s order, which is TF.js\'s (TF.js 4.22 draws a new one each pass)', async () => {
    const make = (d: ReturnType<typeof tn.data.array>) => d.shuffle(4, 77, false);
    const [ours, theirs] = [await orders(tn, make, 3), await orders(peer, make, 1)];
    expect(ours[0]).toEqual(theirs[0]);
    expect(ours[1]).toEqual(ours[0]);
    expect(ours[2]).toEqual(ours[0]);
  });

  it('shuffled then batched', async () => {
    const batches = async (l: Lib) => ((await l.data.array([...Array(10).keys()]).shuffle(3, 77).batch(4).toArray()) as tn.Tensor[]).map(values);
    expect(await batches(tn)).toEqual(await batches(peer));
  });
});
