import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.io weight helpers', () => {
  it('decodeWeights gives back what encodeWeights wrote, float64 included', async () => {
    const w = tn.tensor([[0.1, -2.5e-8]], undefined, 'float64');
    const { data, specs } = await tn.io.encodeWeights({ w });
    expect(specs).toEqual([{ name: 'w', shape: [1, 2], dtype: 'float64' }]);
    const back = tn.io.decodeWeights(data, specs);
    expect(back.w.dtype).toBe('float64');
    expect(Array.from(back.w.dataSync())).toEqual([0.1, -2.5e-8]);
  });

  it('decodeWeights reads shards as one buffer', () => {
    const specs = [{ name: 'a', shape: [2], dtype: 'int32' as const }, { name: 'b', shape: [1], dtype: 'int32' as const }];
    const shards = [new Int32Array([5, 6]).buffer, new Int32Array([7]).buffer];
    const back = tn.io.decodeWeights(shards, specs);
    expect(Array.from(back.a.dataSync())).toEqual([5, 6]);
    expect(Array.from(back.b.dataSync())).toEqual([7]);
  });

  it('refuses bad input, naming the argument', async () => {
    const specs = [{ name: 'a', shape: [3], dtype: 'float32' as const }];
    expect(() => tn.io.decodeWeights(new ArrayBuffer(8), specs)).toThrow(/io.decodeWeights: weightData is truncated: it holds 8 bytes but the manifest declares 12/);
    expect(() => tn.io.decodeWeights(new ArrayBuffer(4), [{ name: 'a', shape: [1], dtype: 'string' as never }])).toThrow(/io.decodeWeights: specs\[0\].dtype/);
    await expect(tn.io.encodeWeights({ a: [1, 2] as never })).rejects.toThrow(/io.encodeWeights: tensors.a must be a Tensor/);
    await expect(tn.io.encodeWeights([{ name: 'a' }] as never)).rejects.toThrow(/io.encodeWeights: tensors\[0\].tensor/);
    await expect(tn.io.encodeWeights({}, 'weights' as never)).rejects.toThrow(/io.encodeWeights: group must be 'model', 'optimizer' or undefined, got string "weights"/);
    const gone = tn.scalar(1);
    gone.dispose();
    await expect(tn.io.encodeWeights({ gone })).rejects.toThrow(/disposed/);
    expect(() => tn.io.getModelArtifactsInfoForJSON({ modelTopology: new ArrayBuffer(2) as never })).toThrow(/modelTopology must be a JSON topology/);
    expect(() => tn.io.getWeightSpecs([{ paths: [] }] as never)).toThrow(/io.getWeightSpecs: weightsManifest\[0\]/);
    expect(() => tn.io.isHTTPScheme(3 as never)).toThrow(/io.isHTTPScheme: url must be a string, got number 3/);
  });
});
