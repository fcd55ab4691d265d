import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { seedModel } from '../../examples/seed-model';

describe('layers: shapes, parameter counts, weights', () => {
  it('the seed model has the Keras shapes and 693,962 parameters', () => {
    const model = seedModel(tn);
    expect(model.layers.map((l) => l.outputShape)).toEqual([
      [null, 26, 26, 32],
      [null, 13, 13, 32],
      [null, 5408],
      [null, 128],
      [null, 10],
    ]);
    expect(model.layers.map((l) => l.countParams())).toEqual([320, 0, 0, 692352, 1290]);
    expect(model.countParams()).toBe(693962);
    const lines: string[] = [];
    model.summary(undefined, undefined, (l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/Total params: 693,962/);
    expect(lines.join('\n')).toMatch(/\(None, 26, 26, 32\)\s+320/);
  });

  it('conv2d with strides and same padding, dense on higher rank, dropout and activation', () => {
    const conv = tn.layers.conv2d({ filters: 4, kernelSize: [3, 2], strides: 2, padding: 'same', inputShape: [7, 5, 3] });
    expect(conv.outputShape).toEqual([null, 4, 3, 4]);
    expect(conv.getWeights().map((w) => w.shape)).toEqual([[3, 2, 3, 4], [4]]);
    const y = conv.apply(tn.ones([2, 7, 5, 3]));
    expect(y.shape).toEqual([2, 4, 3, 4]);
    const dense = tn.layers.dense({ units: 3, useBias: false, inputShape: [2, 5] });
    expect(dense.apply(tn.ones([4, 2, 5])).shape).toEqual([4, 2, 3]);
    expect(dense.countParams()).toBe(15);
    const drop = tn.layers.dropout({ rate: 0.5, seed: 3 });
    const x = tn.ones([1000]).reshape([10, 100]);
    expect(drop.apply(x).dataSync()).toEqual(x.dataSync());
    const dropped = drop.apply(x, { training: true }).dataSync();
    const zeros = dropped.filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(400);
    expect(zeros).toBeLessThan(600);
    expect(dropped.every((v) => v === 0 || v === 2)).toBe(true);
    const act = tn.layers.activation({ activation: 'softmax' });
    expect(act.apply(tn.zeros([1, 4])).dataSync()).toEqual(new Float32Array([0.25, 0.25, 0.25, 0.25]));
  });

  it('initializers: glorotUniform bounds, zeros biases, seeded replay', () => {
    const init = tn.initializers.glorotUniform({ seed: 7 });
    const w = init.apply([100, 50]).dataSync();
    const limit = Math.sqrt(6 / 150);
    expect(Math.max(...w)).toBeLessThanOrEqual(limit);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...w)).toBeGreaterThan(limit * 0.95);
    expect(tn.initializers.glorotUniform({ seed: 7 }).apply([100, 50]).dataSync()).toEqual(w);
    const he = Array.from(tn.initializers.heNormal({ seed: 1 }).apply([400, 300]).dataSync());
    const sd = Math.sqrt(he.reduce((s, v) => s + v * v, 0) / he.length);
    expect(Math.abs(sd - Math.sqrt(2 / 400))).toBeLessThan(0.005);
    const dense = tn.layers.dense({ units: 3, inputShape: [2] });
    expect(dense.getWeights()[1].arraySync()).toEqual([0, 0, 0]);
  });

  it('setWeights checks count and shapes before changing anything', () => {
    const dense = tn.layers.dense({ units: 2, inputShape: [3] });
    const before = dense.getWeights().map((w) => w.dataSync());
    expect(() => dense.setWeights([tn.ones([3, 2])])).toThrow(/setWeights: weights must be 2 tensors .*got 1 tensors/);
    expect(() => dense.setWeights([tn.ones([3, 2]), tn.ones([3])])).toThrow(/weights\[1\] must be shape \[2\] and dtype float32 .*got shape \[3\]/);
    expect(dense.getWeights().map((w) => w.dataSync())).toEqual(before);
    dense.setWeights([tn.ones([3, 2]), tn.tensor([1, 2])]);
    expect(dense.apply(tn.ones([1, 3])).arraySync()).toEqual([[4, 5]]);
  });

  it('bad layer configs name the option, what came and what was expected', () => {
    expect(() => tn.layers.conv2d({ filters: 0, kernelSize: 3 })).toThrow(/layers.conv2d: filters must be a positive integer, got number 0/);
    expect(() => tn.layers.conv2d({ filters: 2, kernelSize: [3] as unknown as number })).toThrow(/layers.conv2d: kernelSize must be a positive integer or a pair/);
    expect(() => tn.layers.dense({ units: 2, activation: 'gelu' as 'relu' })).toThrow(/layers.dense: activation must be one of 'linear', 'relu', 'softmax', 'sigmoid', 'tanh', got "gelu"/);
    expect(() => tn.layers.dense({ units: 2, kernelInitializer: 'nope' as 'zeros' })).toThrow(/kernelInitializer must be an initializer or one of 'glorotUniform'/);
    expect(() => tn.layers.dense({ units: 2, unit: 3 } as unknown as tn.DenseLayerArgs)).toThrow(/layers.dense: config.unit must be one of .*units/);
    expect(() => tn.layers.dropout({ rate: 1 })).toThrow(/layers.dropout: rate must be a number in \[0, 1\), got 1/);
    expect(() => tn.layers.maxPooling2d({ padding: 'full' as 'same' })).toThrow(/padding must be 'valid' or 'same'/);
    expect(() => tn.layers.conv2d({ filters: 2, kernelSize: 5, inputShape: [3, 3, 1] })).toThrow(/at least the kernel size 5x5/);
    expect(() => tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [3] }), tn.layers.conv2d({ filters: 1, kernelSize: 1 })] })).toThrow(/must be rank 4/);
  });
});

describe('every public function rejects junk with a plain Error, never a TypeError from inside', () => {
  const junk: unknown[] = [undefined, null, 42, 'str', {}, [], [[1], [2, 3]], NaN, () => 1];
  const namespaces: [string, Record<string, unknown>][] = [
    ['tn', tn as unknown as Record<string, unknown>],
    ['layers', tn.layers], ['train', tn.train], ['fused', tn.fused], ['initializers', tn.initializers],
  ];
  // Classes (constructed by their factories), and functions whose junk-accepting behaviour is TF.js's.
  const exempt = new Set(['Tensor', 'Variable', 'Layer', 'Conv2D', 'Dense', 'Flatten', 'MaxPooling2D', 'Dropout', 'Activation',
    'Sequential', 'Optimizer', 'AdamOptimizer', 'AdamWOptimizer', 'SGDOptimizer', 'getBackend', 'dispose', 'keep']);
  for (const [ns, obj] of namespaces) {
    for (const [name, f] of Object.entries(obj)) {
      if (typeof f !== 'function' || exempt.has(name)) continue;
      it(`${ns}.${name}`, async () => {
        for (const j of junk) {
          for (const args of [[j], [tn.ones([2, 2]), j], [j, tn.ones([2, 2])]]) {
            try {
              await (f as (...a: unknown[]) => unknown)(...args);
            } catch (e) {
              expect(e).toBeInstanceOf(Error);
              expect(e).not.toBeInstanceOf(TypeError);
              expect(e).not.toBeInstanceOf(RangeError);
            }
          }
        }
      });
    }
  }
});
