import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { clearRandomSeed, setRandomSeed } from '../../src/util/random';
import { mulberry32 } from '../mulberry32';

// Until setRandomSeed is called, every unseeded draw takes Math.random() where TF.js 4.22 takes it, as often, and
// feeds it to TF.js's samplers: a program that replaces Math.random with a seeded generator gets TF.js's values.

type Lib = typeof tn;
const peer = tf as unknown as Lib;
const values = (t: { dataSync(): ArrayLike<number> }): number[] => Array.from(t.dataSync());

/** run(lib) with Math.random seeded, then the generator's next value: equal for both libraries when they drew as often. */
async function seeded<T>(lib: Lib, run: (l: Lib) => T | Promise<T>): Promise<[T, number]> {
  const original = Math.random;
  Math.random = mulberry32(1234);
  try {
    const out = await run(lib);
    return [out, Math.random()];
  } finally {
    Math.random = original;
  }
}

async function both<T>(run: (l: Lib) => T | Promise<T>): Promise<[T, T]> {
  const [ours, ourNext] = await seeded(tn, run);
  const [theirs, theirNext] = await seeded(peer, run);
  expect(ourNext).toBe(theirNext);
  return [ours, theirs];
}

beforeEach(() => clearRandomSeed());
afterAll(() => setRandomSeed(0));

describe('unseeded random ops take Math.random as TF.js does', () => {
  it('randomUniform, randomNormal, truncatedNormal, randomStandardNormal, randomGamma, randomUniformInt, multinomial, dropout, one after another', async () => {
    const [ours, theirs] = await both((l) => [
      l.randomUniform([37], -2, 3),
      l.randomNormal([41], 1, 2),
      l.truncatedNormal([33], 0, 0.5),
      l.randomStandardNormal([8]),
      l.randomGamma([20], 2.5),
      l.randomUniformInt([15], 2, 9),
      l.multinomial(l.tensor1d([0.1, 2, -1]), 12),
      l.dropout(l.ones([30]), 0.4),
      l.randomNormal([5], 0, 1, 'float32', 0),
      l.multinomial(l.tensor1d([0.5, 0.5]), 6, 0),
    ].map(values));
    expect(ours).toEqual(theirs);
  });

  it('after setRandomSeed they replay from tessera\'s sequence and take no Math.random', async () => {
    const draw = async (): Promise<[number[], number]> => {
      setRandomSeed(5);
      return seeded(tn, (l) => [...values(l.randomNormal([6])), ...values(l.randomUniform([6]))]);
    };
    const [first, next] = await draw();
    expect(next).toBe(mulberry32(1234)());
    expect((await draw())[0]).toEqual(first);
  });
});

describe('unseeded initializers give TF.js\'s initial weights', () => {
  const weights = (m: tn.LayersModel): number[][] => m.getWeights().map(values);
  const cases: [string, (l: Lib) => tn.layers.Layer[]][] = [
    // Named: tessera's dense and conv kernels default to glorotUniform, TF.js's to glorotNormal (see README).
    ['dense and conv2d, glorotUniform and glorotNormal (4-D fans)', (l) => [
      l.layers.conv2d({ filters: 4, kernelSize: 3, inputShape: [6, 6, 2], kernelInitializer: 'glorotNormal' }),
      l.layers.flatten(),
      l.layers.dense({ units: 5, kernelInitializer: 'glorotUniform' }),
    ]],
    ['heNormal, truncatedNormal, randomNormal, heUniform (a bias: TF.js\'s fans of a 1-D shape), leCunNormal', (l) => [
      l.layers.dense({ units: 7, inputShape: [6], kernelInitializer: 'heNormal', biasInitializer: 'truncatedNormal' }),
      l.layers.dense({ units: 5, kernelInitializer: 'randomNormal', biasInitializer: 'heUniform' }),
      l.layers.dense({ units: 3, kernelInitializer: 'leCunNormal', biasInitializer: 'randomUniform' }),
    ]],
    ['embedding (randomUniform) and simpleRNN', (l) => [
      l.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 3 }),
      l.layers.simpleRNN({ units: 3, recurrentInitializer: 'glorotNormal' }),
    ]],
  ];
  for (const [name, layers] of cases) {
    it(name, async () => {
      const [ours, theirs] = await both((l) => weights(l.sequential({ layers: layers(l) }) as tn.LayersModel));
      expect(ours).toEqual(theirs);
    });
  }

  it('lstm: glorotNormal kernel and orthogonal recurrent kernel (TF.js\'s float32 QR against Gram-Schmidt: within 3e-7)', async () => {
    const [ours, theirs] = await both((l) => weights(l.sequential({ layers: [l.layers.lstm({ units: 4, inputShape: [3, 2] })] }) as tn.LayersModel));
    expect(ours[0]).toEqual(theirs[0]);
    ours[1].forEach((v, i) => expect(Math.abs(v - theirs[1][i])).toBeLessThan(3e-7));
    expect(ours[2]).toEqual(theirs[2]);
  });
});

describe('loading a saved model draws as TF.js\'s loader draws', () => {
  it('a nested model\'s layers run their initializers (TF.js\'s nested fromConfig), the outer layers none; then the file\'s weights', async () => {
    const saved = await Promise.all([tn, peer].map(async (l) => {
      const innerIn = l.input({ shape: [4] });
      const inner = l.model({ inputs: innerIn, outputs: l.layers.dense({ units: 3, kernelInitializer: 'glorotNormal', biasInitializer: 'randomUniform' }).apply(l.layers.dense({ units: 4, kernelInitializer: 'heUniform' }).apply(innerIn)) as tn.SymbolicTensor });
      const stack = l.sequential({ layers: [l.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'glorotNormal' })] });
      const x = l.input({ shape: [4] });
      const m = l.model({ inputs: x, outputs: l.layers.dense({ units: 1, kernelInitializer: 'glorotNormal' }).apply(stack.apply(inner.apply(x))) as tn.SymbolicTensor });
      let artifacts: unknown;
      await m.save(l.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
      return { artifacts, weights: m.getWeights().map(values) };
    }));
    // Each library loads its own file; the draws (counted by the generator's next value) and the weights match.
    const [ours, theirs] = await both(async (l) => {
      const m = await l.loadLayersModel(l.io.fromMemory(saved[l === tn ? 0 : 1].artifacts as tn.io.ModelArtifacts));
      let draws = 0;
      const next = Math.random;
      Math.random = () => { draws++; return next(); };
      try {
        await l.loadLayersModel(l.io.fromMemory(saved[l === tn ? 0 : 1].artifacts as tn.io.ModelArtifacts));
      } finally {
        Math.random = next;
      }
      return { draws, weights: m.getWeights().map(values) };
    });
    expect(ours.draws).toBe(theirs.draws);
    expect(ours.draws).toBe(4);
    expect(ours.weights).toEqual(saved[0].weights);
    expect(theirs.weights).toEqual(saved[1].weights);
  });

  it('a model nested in a Sequential draws nothing, as TF.js\'s Sequential passes its fast weight init down', async () => {
    const saved = await Promise.all([tn, peer].map(async (l) => {
      const innerIn = l.input({ shape: [4] });
      const inner = l.model({ inputs: innerIn, outputs: l.layers.dense({ units: 3, kernelInitializer: 'glorotNormal' }).apply(innerIn) as tn.SymbolicTensor });
      const m = l.sequential({ layers: [inner, l.layers.dense({ units: 2 })] });
      let artifacts: unknown;
      await m.save(l.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
      return artifacts;
    }));
    const [ours, theirs] = await both(async (l) => {
      let draws = 0;
      const next = Math.random;
      Math.random = () => { draws++; return next(); };
      try {
        await l.loadLayersModel(l.io.fromMemory(saved[l === tn ? 0 : 1] as tn.io.ModelArtifacts));
      } finally {
        Math.random = next;
      }
      return draws;
    });
    expect(ours).toBe(theirs);
    expect(ours).toBe(0);
  });
});

describe('unseeded dropout and noise layers draw TF.js\'s masks', () => {
  it('dropout, spatialDropout1d, gaussianNoise, gaussianDropout, alphaDropout, in training', async () => {
    const [ours, theirs] = await both((l) => {
      const x = l.tensor3d(Array.from({ length: 2 * 3 * 4 }, (_, i) => (i % 7) - 3), [2, 3, 4]);
      const layers = [
        l.layers.dropout({ rate: 0.3 }),
        l.layers.spatialDropout1d({ rate: 0.5 }),
        l.layers.gaussianNoise({ stddev: 0.2 }),
        l.layers.gaussianDropout({ rate: 0.25 }),
      ];
      const out = layers.map((layer) => values(layer.apply(x, { training: true }) as tn.Tensor));
      // alphaDropout's draws only: TF.js's arithmetic for the dropped values differs (see README).
      const alpha = l.layers.alphaDropout({ rate: 0.4 }).apply(l.zeros([2, 10]), { training: true }) as tn.Tensor;
      const aValues = values(alpha);
      return [...out, aValues.map((v) => (v === aValues[0] ? 0 : 1))];
    });
    expect(ours).toEqual(theirs);
  });

  // TF.js draws a mask per gate and applies the first to every gate. (Its GRU also blends the masked state into
  // the new one under recurrentDropout, where Keras and tessera blend the state itself: see README.)
  it('recurrent layers\' input and recurrent dropout masks: one Math.random per gate, the first mask on every gate', async () => {
    const [ours, theirs] = await both((l) => {
      const x = l.tensor3d(Array.from({ length: 2 * 3 * 2 }, (_, i) => (i % 5) / 5 - 0.4), [2, 3, 2]);
      const out: number[][] = [];
      // Each made just before it runs: tessera draws a layer's weights when it is made with an inputShape, TF.js
      // when it is added to a model.
      const cells = [
        () => l.layers.lstm({ units: 3, dropout: 0.3, recurrentDropout: 0.4, inputShape: [3, 2] }),
        () => l.layers.gru({ units: 3, dropout: 0.5, inputShape: [3, 2] }),
        () => l.layers.simpleRNN({ units: 3, dropout: 0.2, recurrentDropout: 0.6, inputShape: [3, 2] }),
      ];
      for (const make of cells) {
        const layer = make();
        l.sequential({ layers: [layer] });
        out.push(values(layer.apply(x, { training: true }) as tn.Tensor));
      }
      return out;
    });
    ours.forEach((row, r) => row.forEach((v, i) => expect(v).toBeCloseTo(theirs[r][i], 6)));
  });
});

describe('fit\'s unseeded shuffling is TF.js\'s Math.random shuffle', () => {
  it('the same history with shuffle: true and dropout, and the same Math.random draws', async () => {
    const fit = async (l: Lib, shuffle: boolean): Promise<number[]> => {
      const model = l.sequential({ layers: [l.layers.dense({ units: 4, inputShape: [3], activation: 'tanh', kernelInitializer: 'glorotNormal' }), l.layers.dropout({ rate: 0.25 }), l.layers.dense({ units: 1, kernelInitializer: 'glorotNormal' })] });
      model.compile({ optimizer: l.train.sgd(0.1), loss: 'meanSquaredError' });
      const xs = l.tensor2d(Array.from({ length: 10 * 3 }, (_, i) => Math.sin(i)), [10, 3]);
      const ys = l.tensor2d(Array.from({ length: 10 }, (_, i) => Math.cos(i)), [10, 1]);
      const h = await model.fit(xs, ys, { epochs: 4, batchSize: 3, shuffle, verbose: 0 });
      return h.history.loss as number[];
    };
    const [ours, theirs] = await both((l) => fit(l, true));
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 5));
    const [unshuffled] = await seeded(tn, (l) => fit(l, false));
    expect(unshuffled[3]).not.toBeCloseTo(ours[3], 5);
  });
});

describe('dataset.shuffle without a seed', () => {
  it('takes no Math.random (TF.js seeds it from the clock)', async () => {
    const [order, next] = await seeded(tn, (l) => l.data.array([1, 2, 3, 4, 5, 6]).shuffle(6).toArray());
    expect([...order].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(next).toBe(mulberry32(1234)());
  });
});
