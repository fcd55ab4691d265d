import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

// An embedding's mask (maskZero) reaches the layers inside a nested model and comes out of it, as in TF.js: the
// second row is all padding, so a masked LSTM gives zeros there.

type Lib = typeof tf;
const emb = (lib: Lib) => lib.layers.embedding({ inputDim: 10, outputDim: 3, maskZero: true, inputLength: 5, embeddingsInitializer: lib.initializers.randomUniform({ seed: 1 }) });
const lstm = (lib: Lib, extra: Record<string, unknown> = {}) => lib.layers.lstm({ units: 2, kernelInitializer: lib.initializers.glorotUniform({ seed: 1 }), recurrentInitializer: lib.initializers.glorotUniform({ seed: 2 }), ...extra });

const programs: Record<string, (lib: Lib, ids: tf.Tensor) => tf.Tensor> = {
  'a functional model holding the lstm': (lib, ids) => {
    const x = lib.input({ shape: [5], dtype: 'int32' });
    const xi = lib.input({ shape: [5, 3] });
    const inner = lib.model({ inputs: xi, outputs: lstm(lib).apply(xi) as tf.SymbolicTensor });
    return lib.model({ inputs: x, outputs: inner.apply(emb(lib).apply(x)) as tf.SymbolicTensor }).predict(ids) as tf.Tensor;
  },
  'a Sequential holding the embedding, then the lstm': (lib, ids) => lib.sequential({ layers: [lib.sequential({ layers: [emb(lib)] }), lstm(lib)] }).predict(ids) as tf.Tensor,
  'inner.apply(x, {mask}) on tensors': (lib, ids) => {
    const inner = lib.sequential({ layers: [lstm(lib, { inputShape: [5, 3] })] });
    const e = emb(lib);
    return inner.apply(e.apply(ids), { mask: e.computeMask(ids) as tf.Tensor }) as tf.Tensor;
  },
};

describe('masks through nested models', () => {
  for (const [name, program] of Object.entries(programs)) {
    it(name, () => {
      const [ours, theirs] = ([tn, tf] as unknown as Lib[]).map((lib) => Array.from(program(lib, lib.tensor2d([[1, 2, 3, 0, 0], [0, 0, 0, 0, 0]], [2, 5], 'int32')).dataSync()));
      expect(ours.slice(2)).toEqual([0, 0]);
      ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 5));
    });
  }
});

describe('layer.getInputAt and getOutputAt, as TF.js', () => {
  it('a dense layer shared by two inputs: each application\'s tensors', () => {
    for (const lib of [tn, tf] as unknown as Lib[]) {
      const [a, c] = [lib.input({ shape: [3] }), lib.input({ shape: [3] })];
      const d = lib.layers.dense({ units: 2 });
      const [ya, yc] = [d.apply(a), d.apply(c)] as tf.SymbolicTensor[];
      expect(d.getInputAt(0)).toBe(a);
      expect(d.getInputAt(1)).toBe(c);
      expect(d.getOutputAt(0)).toBe(ya);
      expect(d.getOutputAt(1)).toBe(yc);
      expect(() => d.getOutputAt(2)).toThrow();
    }
    expect(() => tn.layers.dense({ units: 2, name: 'lone' }).getInputAt(0)).toThrow(/^lone\.getInputAt: nodeIndex must be an application of the layer, but it was never applied to symbolic tensors, got 0$/);
  });
});

describe('layer.computeOutputShape with an unknown dim', () => {
  it('flatten refuses it as TF.js does (its product would be 0)', () => {
    expect(() => tf.layers.flatten().computeOutputShape([null, null, 4])).toThrow(/not fully defined/);
    expect(() => tn.layers.flatten({ name: 'f' }).computeOutputShape([null, null, 4])).toThrow(/^f: input must be known sizes for every dim but the batch \(the flattened size must be known\), got shape \[null, null, 4\]$/);
    expect(tn.layers.flatten().computeOutputShape([null, 3, 4])).toEqual([null, 12]);
  });
});
