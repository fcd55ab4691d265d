import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/node';

// A later layer of a Sequential model given an inputShape that does not fit what reaches it: TF.js builds layers
// when they first run, so it only warns and builds the layer for its real input. tessera builds a layer given an
// inputShape at once, so it builds that layer again, with TF.js's warning.

describe('a declared inputShape that does not fit the layer\'s first input', () => {
  for (const [name, lib] of [['tessera', tn], ['TF.js', tf]] as unknown as [string, typeof tf][]) {
    it(`${name}: warns, builds for the input and trains`, async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const m = lib.sequential({ layers: [
          lib.layers.dense({ units: 4, inputShape: [3], kernelInitializer: 'ones' }),
          lib.layers.dense({ units: 2, inputShape: [7], kernelInitializer: 'ones', name: 'second' }),
          lib.layers.dense({ units: 1, inputShape: [5, 2], kernelInitializer: 'ones', name: 'third' }),
        ] });
        expect(m.getWeights().map((w) => w.shape)).toEqual([[3, 4], [4], [4, 2], [2], [2, 1], [1]]);
        // TF.js's first op in Node also warns, once, about its Node backend.
        expect(warn.mock.calls.map((c) => String(c[0])).filter((w) => !w.includes('tfjs-node'))).toEqual([
          'The shape of the input tensor ([null,4]) does not match the expectation of layer second: [null,7]',
          'The rank of the input tensor provided (shape: [null,2]) does not match that of the batchInputShape ([null,5,2]) of the layer third',
        ]);
        expect(Array.from((m.predict(lib.ones([2, 3])) as tf.Tensor).dataSync())).toEqual([24, 24]);
        m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
        const h = await m.fit(lib.ones([2, 3]), lib.zeros([2, 1]), { epochs: 1, verbose: 0 });
        expect(h.history.loss[0]).toBeCloseTo(576, 3);
      } finally {
        warn.mockRestore();
      }
    });
  }

  it('an unknown (null) dim fits any size, as TF.js\'s check skips it: no warning, and the weights built at first are kept', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const lib of [tn, tf] as unknown as (typeof tf)[]) {
        // A fromConfig copy of a built embedding: its config holds batchInputShape [null, null].
        const copy = lib.layers.embedding(lib.layers.embedding({ inputDim: 5, outputDim: 2, inputShape: [null] }).getConfig() as never);
        // tessera built it when made (TF.js builds it now): the matrix it made then is the one it runs with.
        const made = copy.weights.map((w) => w.read());
        expect((copy.apply(lib.tensor2d([[1, 2]])) as tf.Tensor).shape).toEqual([1, 2, 2]);
        if (lib === (tn as unknown)) expect(copy.weights.map((w) => w.read())).toEqual(made);
        const lstm = lib.layers.lstm({ units: 2, inputShape: [null, 3] });
        lstm.apply(lib.ones([1, 4, 3]));
      }
      expect(warn.mock.calls.map((c) => String(c[0])).filter((w) => !w.includes('tfjs-node'))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it('a layer given its weights, or that has run, keeps its shape and refuses another', () => {
    const d = tn.layers.dense({ units: 2, inputShape: [3] });
    d.setWeights([tn.ones([3, 2]), tn.zeros([2])]);
    expect(() => d.apply(tn.ones([1, 4]))).toThrow(/input must be shape \[null, 3\], the shape .* was built for, got shape \[null, 4\]/);
  });
});
