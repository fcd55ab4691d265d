import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// Constraints leave no tensors behind, as TF.js's (which run in tidy): one applied by hand gives one tensor, and
// setWeights or a load that projects constrained weights adds none but the weights themselves.

type Lib = typeof tn;
const peer = tf as unknown as Lib;

/** How many tensors run(lib) leaves alive. */
function leftBy(lib: Lib, run: (l: Lib) => void): number {
  const before = lib.memory().numTensors;
  run(lib);
  return lib.memory().numTensors - before;
}

describe('constraints free their intermediates, as TF.js 4.22', () => {
  const w = [[1, 2], [3, 4]];
  const constraints: [string, (l: Lib) => tn.constraints.Constraint][] = [
    ['maxNorm', (l) => l.constraints.maxNorm({ maxValue: 1 })],
    ['unitNorm', (l) => l.constraints.unitNorm({ axis: 1 })],
    ['nonNeg', (l) => l.constraints.nonNeg()],
    ['minMaxNorm', (l) => l.constraints.minMaxNorm({ minValue: 0.5, maxValue: 2, rate: 0.5 })],
  ];
  for (const [name, make] of constraints) {
    it(`${name}: apply gives one tensor and keeps nothing else`, () => {
      const run = (l: Lib): void => {
        const x = l.tensor2d(w);
        const y = make(l).apply(x);
        x.dispose();
        y.dispose();
      };
      expect(leftBy(tn, run)).toBe(0);
      expect(leftBy(tn, run)).toBe(leftBy(peer, run));
      const ours = make(tn).apply(tn.tensor2d(w)).dataSync();
      const theirs = make(peer).apply(peer.tensor2d(w)).dataSync();
      expect(Array.from(ours)).toEqual(Array.from(theirs).map((v) => expect.closeTo(v, 6)));
    });
  }

  it('setWeights and a load through constrained layers keep only the weights', async () => {
    const build = (l: Lib): tn.LayersModel => l.sequential({ layers: [l.layers.dense({ units: 2, inputShape: [2], kernelConstraint: 'unitNorm', biasConstraint: 'maxNorm' })] });
    for (const l of [tn, peer]) {
      const model = build(l);
      const [kernel, bias] = [l.tensor2d(w), l.tensor1d([3, 4])];
      expect(leftBy(l, () => model.setWeights([kernel, bias]))).toBe(0);
      let artifacts: tn.ModelArtifacts | undefined;
      await model.save(l.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
      const before = l.memory().numTensors;
      const loaded = await l.loadLayersModel(l.io.fromMemory(artifacts!));
      // The two weights (TF.js 4.22 also leaves two of the load's own tensors behind).
      if (l === tn) expect(l.memory().numTensors - before).toBe(2);
      loaded.dispose();
      model.dispose();
      kernel.dispose();
      bias.dispose();
    }
  });
});

describe('constraints refuse bounds and axes that fit no weight, naming the constraint', () => {
  it('a negative maxValue or minValue when made; an axis outside the weight when applied, leaving nothing behind', () => {
    expect(() => tn.constraints.maxNorm({ maxValue: -1 })).toThrow(/^constraints.maxNorm: maxValue must be a number >= 0, got -1$/);
    expect(() => tn.constraints.minMaxNorm({ minValue: -0.5 })).toThrow(/^constraints.minMaxNorm: minValue must be a number >= 0, got -0.5$/);
    const w = tn.ones([2, 3]);
    const before = tn.memory().numTensors;
    expect(() => tn.constraints.maxNorm({ axis: 5 }).apply(w)).toThrow(/^constraints.maxNorm: axis must be an integer in \[-2, 2\) for a rank-2 tensor, got number 5$/);
    expect(() => tn.constraints.unitNorm({ axis: -3 }).apply(w)).toThrow(/^constraints.unitNorm: axis must be an integer in \[-2, 2\) for a rank-2 tensor, got number -3$/);
    expect(tn.memory().numTensors).toBe(before);
    // A negative axis counts from the end: the rows' norms [5, 0.5] scaled to at most 1.
    expect(Array.from(tn.constraints.maxNorm({ maxValue: 1, axis: -1 }).apply(tn.tensor2d([[3, 4], [0.3, 0.4]])).dataSync()).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0.6, 0.8, 0.3, 0.4]);
  });
});
