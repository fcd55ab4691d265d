import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// A layer made with dtype 'float64' computes in float64 whatever float input it is given: float32 is cast up, as the
// ops meet float32 with float64 (and as int32 is cast to a float32 layer's dtype); float64 is never cast down, and
// a float32 layer given float64 says how to compute in float64.

describe('float64 layers take float32 input', () => {
  const x = tn.tensor([[0.5, -1.25, 2], [1.5, 0.75, -0.5]]);
  const cases: [string, () => tn.layers.Layer, tn.Tensor][] = [
    ['dense', () => tn.layers.dense({ units: 2, dtype: 'float64', kernelInitializer: tn.initializers.glorotUniform({ seed: 1 }) }), x],
    ['lstm', () => tn.layers.lstm({ units: 2, dtype: 'float64', kernelInitializer: tn.initializers.glorotUniform({ seed: 2 }) }), tn.reshape(x, [1, 2, 3])],
    ['conv1d', () => tn.layers.conv1d({ filters: 2, kernelSize: 2, dtype: 'float64', kernelInitializer: tn.initializers.glorotUniform({ seed: 3 }) }), tn.reshape(x, [1, 3, 2])],
  ];
  for (const [name, make, input] of cases) {
    it(`${name}: the output is float64 and equals the float64 input's; the input's gradient comes back float32`, () => {
      const layer = make();
      const y = layer.apply(input) as tn.Tensor;
      expect(y.dtype).toBe('float64');
      expect(Array.from(y.dataSync())).toEqual(Array.from((layer.apply(tn.cast(input, 'float64')) as tn.Tensor).dataSync()));
      const g = tn.grad((t) => tn.sum(tn.square(layer.apply(t) as tn.Tensor)))(input);
      const g64 = tn.grad((t) => tn.sum(tn.square(layer.apply(t) as tn.Tensor)))(tn.cast(input, 'float64'));
      expect(g.dtype).toBe('float32');
      expect(Array.from(g.dataSync())).toEqual(Array.from(g64.dataSync(), Math.fround));
    });
  }

  it('a functional model with a float32 input and float64 layers predicts float64', () => {
    const input = tn.input({ shape: [3] });
    const out = tn.layers.dense({ units: 2, dtype: 'float64' }).apply(input) as tn.SymbolicTensor;
    expect(out.dtype).toBe('float64');
    expect((tn.model({ inputs: input, outputs: out }).predict(x) as tn.Tensor).dtype).toBe('float64');
  });

  it('a float32 layer given float64 refuses it and says how to compute in float64', () => {
    expect(() => tn.layers.dense({ units: 2 }).apply(tn.cast(x, 'float64')))
      .toThrow(/input must be dtype float32 \(a layer computes in float64 when made with dtype: 'float64'\), got dtype float64/);
    expect(() => tn.sequential({ layers: [tn.layers.dense({ units: 3, inputShape: [3], dtype: 'float64' }), tn.layers.dense({ units: 2 })] }))
      .toThrow(/inputs\[0\] must be dtype float32 \(a layer computes in float64 when made with dtype: 'float64'\), got dtype float64/);
  });
});

describe('a model run keeps float64 between float64 layers', () => {
  const dtype = 'float64' as const;
  const x = tn.tensor([[0.1, 0.2, 0.3, 0.4]], [1, 4], 'float64');
  // Each model against the same ops written out in float64; a float32 rounding on the way is ~1e-9 off.
  const same = (model: tn.LayersModel, manual: (w: tn.Tensor[]) => tn.Tensor): void => {
    const want = manual(model.getWeights());
    for (const y of [model.apply(x) as tn.Tensor, model.predict(x) as tn.Tensor]) {
      expect(y.dtype).toBe('float64');
      expect(Array.from(y.dataSync())).toEqual(Array.from(want.dataSync()));
    }
    const g = tn.variableGrads(() => tn.sum(tn.square(model.apply(x) as tn.Tensor)), [model.weights[0].read() as tn.Variable]).grads;
    const gWant = tn.grad((k: tn.Tensor) => tn.sum(tn.square(manual([k, ...model.getWeights().slice(1)]))))(model.getWeights()[0]);
    expect(Array.from(Object.values(g)[0].dataSync())).toEqual(Array.from(gWant.dataSync()));
  };

  it('through a weightless layer made without a dtype (an activation)', () => {
    const m = tn.sequential({ layers: [tn.layers.dense({ units: 3, inputShape: [4], dtype }), tn.layers.activation({ activation: 'tanh' }), tn.layers.dense({ units: 1, dtype })] });
    same(m, ([k0, b0, k1, b1]) => tn.add(tn.matMul(tn.tanh(tn.add(tn.matMul(x, k0), b0)), k1), b1));
  });

  it('as its symbolic tensors say, so a float32 layer after a weightless one is refused when the model is made', () => {
    const input = tn.input({ shape: [4] });
    const act = tn.layers.activation({ activation: 'relu' }).apply(tn.layers.dense({ units: 3, dtype }).apply(input)) as tn.SymbolicTensor;
    expect(act.dtype).toBe('float64');
    expect(() => tn.sequential({ layers: [tn.layers.dense({ units: 3, inputShape: [4], dtype }), tn.layers.activation({ activation: 'relu' }), tn.layers.dense({ units: 1 })] }))
      .toThrow(/inputs\[0\] must be dtype float32 \(a layer computes in float64 when made with dtype: 'float64'\), got dtype float64/);
  });

  it('through a nested Sequential of float64 layers', () => {
    const inner = tn.sequential({ layers: [tn.layers.dense({ units: 3, activation: 'elu', inputShape: [4], dtype })] });
    const m = tn.sequential({ layers: [inner, tn.layers.dense({ units: 1, dtype })] });
    same(m, ([k0, b0, k1, b1]) => tn.add(tn.matMul(tn.elu(tn.add(tn.matMul(x, k0), b0)), k1), b1));
  });
});

describe('a float64 model evaluates in float64', () => {
  it('evaluate and evaluateDataset give float64 scalars, and a float64 categoryEncoding float64 counts', async () => {
    const m = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', useBias: false, dtype: 'float64' })] });
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mae'] });
    const [x, y] = [tn.tensor([[0.1]], [1, 1], 'float64'), tn.tensor([[0]], [1, 1], 'float64')];
    // 0.1² in doubles; float32 scalars gave 0.009999999776482582 and 0.10000000149011612.
    const want = [['float64', 0.1 * 0.1], ['float64', 0.1]];
    expect((m.evaluate(x, y) as tn.Tensor[]).map((t) => [t.dtype, t.dataSync()[0]])).toEqual(want);
    const data = tn.data.array([{ xs: x, ys: y }]);
    expect(((await m.evaluateDataset(data as never)) as tn.Tensor[]).map((t) => [t.dtype, t.dataSync()[0]])).toEqual(want);
    const counts = tn.layers.categoryEncoding({ numTokens: 3, outputMode: 'count', dtype: 'float64' }).apply(tn.tensor2d([[0, 2, 2]])) as tn.Tensor;
    expect([counts.dtype, Array.from(counts.dataSync())]).toEqual(['float64', [1, 0, 2]]);
  });
});
