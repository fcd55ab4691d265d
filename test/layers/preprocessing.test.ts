import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// The image preprocessing layers inside models, where TF.js 4.22's own output shapes are wrong (see the compat
// program's deviation): tessera's shapes, and predictions equal to the layers applied one by one.

describe('rescaling, centerCrop and resizing in a model', () => {
  const build = () => tn.sequential({ layers: [
    tn.layers.rescaling({ scale: 0.5, offset: -1, inputShape: [6, 6, 3], name: 'rs' }),
    tn.layers.centerCrop({ height: 4, width: 3, name: 'cc' }),
    tn.layers.resizing({ height: 2, width: 5, name: 'rz' }),
  ] });
  const x = tn.tensor4d(Array.from({ length: 2 * 6 * 6 * 3 }, (_, i) => (i * 13) % 7), [2, 6, 6, 3]);

  it('reports the output shapes and keeps the input shape', () => {
    const model = build();
    expect(model.inputs[0].shape).toEqual([null, 6, 6, 3]);
    expect(model.layers.map((l) => l.outputShape)).toEqual([[null, 6, 6, 3], [null, 4, 3, 3], [null, 2, 5, 3]]);
  });

  it('rescaling, elementwise, takes images of any height and width (an input of [null, null, 3])', () => {
    const input = tn.input({ shape: [null, null, 3] });
    const scaled = tn.layers.rescaling({ scale: 1 / 255 }).apply(input) as tn.SymbolicTensor;
    expect(scaled.shape).toEqual([null, null, null, 3]);
    const model = tn.model({ inputs: input, outputs: tn.layers.globalAveragePooling2d({}).apply(scaled) as tn.SymbolicTensor });
    expect(Array.from((model.predict(tn.fill([1, 4, 5, 3], 255)) as tn.Tensor).dataSync())).toEqual([1, 1, 1]);
  });

  it('predicts what the layers give one by one, and the same after a save and load', async () => {
    const model = build();
    const [rs, cc, rz] = model.layers;
    const want = rz.apply(cc.apply(rs.apply(x) as tn.Tensor) as tn.Tensor) as tn.Tensor;
    expect(Array.from(model.predict(x).dataSync())).toEqual(Array.from(want.dataSync()));
    // The crop takes rows 1..4 and columns 1..3 (TF.js's margins), scaled and shifted.
    const crop = cc.apply(x) as tn.Tensor;
    expect(crop.arraySync()).toEqual(x.slice([0, 1, 1, 0], [2, 4, 3, 3]).arraySync());
    let saved: tn.io.ModelArtifacts | null = null;
    await model.save(tn.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(saved as unknown as tn.io.ModelArtifacts));
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(['Rescaling', 'CenterCrop', 'Resizing']);
    expect(Array.from((loaded.predict(x) as tn.Tensor).dataSync())).toEqual(Array.from(want.dataSync()));
  });

  it('rejects bad settings naming the layer and argument', () => {
    expect(() => tn.layers.rescaling({ scale: 'x' as unknown as number })).toThrow(/layers\.rescaling: scale/);
    expect(() => tn.layers.resizing({ height: 0, width: 2 })).toThrow(/layers\.resizing: height/);
    expect(() => tn.layers.resizing({ height: 2, width: 2, interpolation: 'area' as 'nearest' })).toThrow(/layers\.resizing: interpolation/);
    expect(() => tn.layers.centerCrop({ height: 2, width: 1.5 })).toThrow(/layers\.centerCrop: width/);
  });
});

describe('randomWidth', () => {
  it('resizes each call to round(factor · width), the factor drawn with the counted-up seed', () => {
    const x = tn.ones([1, 2, 10, 1]);
    const layer = tn.layers.randomWidth({ factor: [0.2, 0.2], seed: 4 });
    // A factor range of one point: every call gives width round(1.2 · 10) = 12, and each call counts the seed up.
    expect((layer.apply(x) as tn.Tensor).shape).toEqual([1, 2, 12, 1]);
    expect((layer.apply(x) as tn.Tensor).arraySync()).toEqual([[Array(12).fill([1]), Array(12).fill([1])]]);
    expect(layer.getConfig().seed).toBe(6);
  });

  it('rejects bad settings, and a symbolic apply, naming the layer and argument', () => {
    expect(() => tn.layers.randomWidth({ factor: 0 })).toThrow(/^layers\.randomWidth: factor must be a positive number or a pair \[lower, upper\] of numbers, got 0$/);
    expect(() => tn.layers.randomWidth({ factor: [-2, 0] })).toThrow(/^layers\.randomWidth: factor must be values larger than -1/);
    expect(() => tn.layers.randomWidth({ factor: [0.3, 0.1] })).toThrow(/^layers\.randomWidth: factor must be a lower bound \(0\.3\) no greater than the upper bound \(0\.1\)/);
    expect(() => tn.layers.randomWidth({ factor: 0.1, interpolation: 'area' as 'nearest' })).toThrow(/^layers\.randomWidth: interpolation must be 'bilinear' or 'nearest', got/);
    expect(() => tn.layers.randomWidth({ factor: 0.1 }).apply(tn.input({ shape: [4, 4, 1] }))).toThrow(/randomWidth draws its output width at each call, so it cannot be applied to symbolic tensors/);
  });
});
