import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';
import { HAND_WEIGHTS, handWrittenModelJson } from '../io/helpers';

// A call refused for one bad argument among good ones leaves every weight, slot and count as it was: the check of
// the last argument comes before the write of the first. Disposed tensors are bad arguments too.

const values = (ts: tn.Tensor[]) => ts.map((t) => Array.from(t.dataSync()));

function model(): tn.LayersModel {
  const m = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' }), tn.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
  m.compile({ optimizer: tn.train.sgd(0.1), loss: 'meanSquaredError' });
  return m;
}

function disposed(shape: number[]): tn.Tensor {
  const t = tn.zeros(shape);
  t.dispose();
  return t;
}

describe('state after a refused call', () => {
  it('setWeights and loadWeights with a disposed tensor last change no weight', () => {
    const m = model();
    const before = values(m.getWeights());
    const fresh = [tn.fill([3, 2], 7), tn.fill([2], 7), tn.fill([2, 1], 7)];
    expect(() => m.setWeights([...fresh, disposed([1])])).toThrow(/setWeights: weights\[3\] must be a live tensor for .*bias.*, got a disposed tensor/);
    expect(values(m.getWeights())).toEqual(before);
    const dense = m.layers[0];
    expect(() => dense.setWeights([tn.fill([3, 2], 7), disposed([2])])).toThrow(/weights\[1\] must be a live tensor/);
    expect(values(dense.getWeights())).toEqual(before.slice(0, 2));
    const names = m.weights.map((w) => w.name);
    const named = Object.fromEntries(names.map((n, i) => [n, i < 3 ? fresh[i] : disposed([1])]));
    expect(() => m.loadWeights(named)).toThrow(/loadWeights: weights\['.*bias.*'\] must be a live tensor, got a disposed tensor/);
    expect(values(m.getWeights())).toEqual(before);
  });

  it('applyGradients and setWeights of an optimizer with a disposed tensor change no variable, slot or count', async () => {
    const a = tn.variable(tn.tensor([1, 2]), true, 'sae_a');
    const b = tn.variable(tn.tensor([3]), true, 'sae_b');
    const opt = tn.train.momentum(0.1, 0.9);
    expect(() => opt.applyGradients({ sae_a: tn.ones([2]), sae_b: disposed([1]) })).toThrow(/applyGradients: grads\['sae_b'\] must be a live tensor, got a disposed tensor/);
    expect([values([a, b]), opt.iterations]).toEqual([[[1, 2], [3]], 0]);
    opt.applyGradients({ sae_a: tn.ones([2]), sae_b: tn.ones([1]) });
    const saved = await opt.getWeights();
    const state = values(saved.map((w) => w.tensor));
    const broken = [{ name: 'iter', tensor: tn.scalar(5, 'int32') }, saved[1], { name: saved[2].name, tensor: disposed([1]) }];
    await expect(opt.setWeights(broken)).rejects.toThrow(/setWeights: slot 2 \('sae_b\/momentum'\) must be a live tensor, got a disposed tensor/);
    expect(opt.iterations).toBe(1);
    expect(values((await opt.getWeights()).map((w) => w.tensor))).toEqual(state);
    // A step count that is no whole number would scale every later step (NaN in Adam's bias correction).
    for (const bad of [NaN, 2.5, -1]) {
      await expect(opt.setWeights([{ name: 'iter', tensor: tn.scalar(bad) }, ...saved.slice(1)])).rejects.toThrow(/setWeights: iter must be a scalar holding a whole number >= 0 \(the steps taken\)/);
    }
    expect(opt.iterations).toBe(1);
    expect(values((await opt.getWeights()).map((w) => w.tensor))).toEqual(state);
  });

  it('fitDataset checks its validationData before the first epoch trains', async () => {
    const m = model();
    const before = values(m.getWeights());
    const data = tn.data.zip({ xs: tn.data.array([[1, 2, 3], [0, 1, 0]]), ys: tn.data.array([[1], [0]]) }).batch(2);
    await expect(m.fitDataset(data, { epochs: 1, validationData: 5 as never })).rejects.toThrow(/fitDataset: validationData must be a Dataset or a pair \[xVal, yVal\], got 5/);
    await expect(m.fitDataset(data, { epochs: 1, validationData: [tn.ones([2, 5]), tn.ones([2, 1])] })).rejects.toThrow(/fitDataset/);
    expect(values(m.getWeights())).toEqual(before);
    expect((m.optimizer as tn.Optimizer).iterations).toBe(0);
  });
});

describe('checks that were missing', () => {
  it('built-in layers refuse a complex64 input (dropout passed it through and left two tensors); addWeight checks its arguments before taking the name', () => {
    const c = tn.complex(tn.ones([2, 4]), tn.ones([2, 4]));
    const before = tn.memory().numTensors;
    for (const layer of [tn.layers.dropout({ rate: 0.5 }), tn.layers.gaussianNoise({ stddev: 1 }), tn.layers.dense({ units: 2 })]) {
      expect(() => layer.apply(c)).toThrow(/input must be a float32, int32 or bool tensor, got dtype complex64$/);
    }
    expect(tn.memory().numTensors).toBe(before);
    class Holder extends tn.layers.Layer {
      static className = 'HolderS48';
      add(name: string, shape: number[], dtype: 'float32', init: ReturnType<typeof tn.initializers.ones>, regularizer?: undefined, trainable?: boolean): tn.Variable {
        return this.addWeight(name, shape, dtype, init, regularizer, trainable);
      }
    }
    const holder = new Holder({ name: 'holder_s48' });
    const ones = tn.initializers.ones();
    expect(() => holder.add({ a: 1 } as unknown as string, [2], 'float32', ones)).toThrow(/^holder_s48.addWeight: name must be a non-empty string, got \{"a":1\}$/);
    expect(() => holder.add('w', [2], 1 as unknown as 'float32', ones)).toThrow(/^holder_s48.addWeight: dtype must be 'float32', 'int32', 'bool' or 'float64', got number 1$/);
    expect(() => holder.add('w', [2], 'float32', ones, undefined, 'yes' as unknown as boolean)).toThrow(/^holder_s48.addWeight: trainable must be a boolean, got string "yes"$/);
    // None of the refusals took the name.
    expect(holder.add('w', [2], 'float32', ones, undefined, false).trainable).toBe(false);
  });

  it('a null merge input, a null predictOnBatch x and bad summary arguments are named, not a raw TypeError or RangeError', () => {
    const m = tn.sequential({ layers: [tn.layers.dense({ units: 2, inputShape: [4] })] });
    expect(() => tn.layers.add().apply([tn.ones([2, 2]), null as unknown as tn.Tensor])).toThrow(/^add_Add\d+: inputs\[1\] must be a Tensor, got object$/);
    expect(() => m.predictOnBatch(null as unknown as tn.Tensor)).toThrow(/^predict: x must be a Tensor, got null$/);
    const lines: string[] = [];
    expect(() => m.summary(-1, undefined, (l) => lines.push(l))).toThrow(/^summary: lineLength must be a positive integer up to 10000, got -1$/);
    expect(() => m.summary(1e12)).toThrow(/summary: lineLength must be a positive integer up to 10000, got 1000000000000/);
    expect(() => m.summary(80, [-80, 1, 2, 3])).toThrow(/^summary: positions must be column ends.*got \[-80,1,2,3\]$/);
    expect(() => m.summary(80, undefined, 'x' as unknown as () => void)).toThrow(/^summary: printFn must be a function taking each line, got "x"$/);
    expect(lines).toEqual([]);
    m.summary(60, undefined, (l) => lines.push(l));
    expect(lines[0]).toBe('_'.repeat(60));
  });

  it('categoricalAccuracy refuses yTrue and yPred of different shapes (argMax would hide it)', () => {
    expect(() => tn.metrics.categoricalAccuracy(tn.ones([2, 3]), tn.ones([2, 4]))).toThrow(/categoricalAccuracy: yPred must be yTrue's shape \[2, 3\], got shape \[2, 4\]/);
    expect(Array.from(tn.metrics.categoricalAccuracy(tn.tensor([[0, 1], [1, 0]]), tn.tensor([[0.2, 0.8], [0.4, 0.6]])).dataSync())).toEqual([1, 0]);
  });

  it('categoricalCrossentropy refuses yTrue and yPred of different shapes (broadcast, they summed a [4, 4] product)', () => {
    expect(() => tn.metrics.categoricalCrossentropy(tn.tensor2d([[1], [0], [1], [0]]), tn.tensor1d([0.9, 0.2, 0.6, 0.4]))).toThrow(/categoricalCrossentropy: yPred must be yTrue's shape \[4, 1\], got shape \[4\]/);
    // -log(0.8) and -log(0.6) for matching shapes.
    const ce = tn.metrics.categoricalCrossentropy(tn.tensor([[0, 1], [1, 0]]), tn.tensor([[0.2, 0.8], [0.6, 0.4]])).dataSync();
    expect(Array.from(ce).map((v, i) => Math.abs(v - -Math.log([0.8, 0.6][i])))).toEqual([expect.closeTo(0, 6), expect.closeTo(0, 6)]);
  });

  it('sparseCategoricalAccuracy refuses labels that are not one class id per row (a reshape error before)', () => {
    const probs = tn.tensor2d([[0.9, 0.1], [0.2, 0.8]]);
    expect(() => tn.metrics.sparseCategoricalAccuracy(tn.tensor2d([[1, 0], [0, 1]]), probs)).toThrow(/sparseCategoricalAccuracy: yTrue must be one class id per row of yPred \[2, 2\]: shape \[2\] or \[2, 1\] .*got shape \[2, 2\]/);
    expect(Array.from(tn.metrics.sparseCategoricalAccuracy(tn.tensor2d([[0], [0]]), probs).dataSync())).toEqual([1, 0]);
  });

  it('loadLayersModel and loadGraphModel refuse an option they do not have, from any source', async () => {
    const source = tn.io.fromMemory(handWrittenModelJson(), new Uint8Array(HAND_WEIGHTS.buffer));
    await expect(tn.loadLayersModel(source, { strik: false } as never)).rejects.toThrow(/loadLayersModel: options\.strik must be absent \(the options are requestInit, .*\), got false/);
    await expect(tn.loadGraphModel(source, { weightPathPrefx: 'x' } as never)).rejects.toThrow(/loadGraphModel: options\.weightPathPrefx must be absent/);
    expect((await tn.loadLayersModel(source, { strict: true })).layers).toHaveLength(2);
  });
});
