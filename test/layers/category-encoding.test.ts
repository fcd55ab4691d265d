import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.layers.categoryEncoding', () => {
  it('encodes inside a functional model, saved and loaded with its snake_case output_mode', async () => {
    const input = tn.input({ shape: [3] });
    const encoded = tn.layers.categoryEncoding({ numTokens: 5, outputMode: 'count' }).apply(input) as tn.SymbolicTensor;
    const model = tn.model({ inputs: input, outputs: tn.layers.dense({ units: 1, kernelInitializer: 'ones' }).apply(encoded) as tn.SymbolicTensor });
    const ids = tn.tensor2d([[0, 2, 2], [1, 1, 4]]);
    // Counts [1, 0, 2, 0, 0] and [0, 2, 0, 0, 1], summed by the ones kernel.
    expect((model.predict(ids) as tn.Tensor).arraySync()).toEqual([[3], [3]]);
    let saved: tn.io.ModelArtifacts | undefined;
    await model.save(tn.io.withSaveHandler(async (a) => { saved = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }));
    expect(JSON.stringify(saved?.modelTopology)).toContain('"output_mode":"count"');
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(saved as tn.io.ModelArtifacts));
    expect((loaded.predict(ids) as tn.Tensor).arraySync()).toEqual([[3], [3]]);
    expect(loaded.layers[1].getConfig()).toMatchObject({ numTokens: 5, outputMode: 'count' });
  });

  it("outputMode 'int' passes the ids on as int32 in their shape, as TF.js's, checked against numTokens", async () => {
    const ids = [[1, 3], [0, 2]];
    const peer = tf.layers.categoryEncoding({ numTokens: 4, outputMode: 'int' }).apply(tf.tensor2d(ids)) as tf.Tensor;
    const got = tn.layers.categoryEncoding({ numTokens: 4, outputMode: 'int' }).apply(tn.tensor2d(ids)) as tn.Tensor;
    expect([got.dtype, got.shape, got.arraySync()]).toEqual([peer.dtype, peer.shape, peer.arraySync()]);
    expect(() => tn.layers.categoryEncoding({ numTokens: 3, outputMode: 'int', name: 'enc' }).apply(tn.tensor1d([1, 3]))).toThrow('enc: input[1] must be an id in [0, 2] (numTokens 3), got 3');
    // In a model its symbolic output is the ids' shape and int32 (TF.js's says [null, numTokens]), and it saves as 'int'.
    const input = tn.input({ shape: [2] });
    const out = tn.layers.categoryEncoding({ numTokens: 4, outputMode: 'int' }).apply(input) as tn.SymbolicTensor;
    expect([out.shape, out.dtype]).toEqual([[null, 2], 'int32']);
    const model = tn.model({ inputs: input, outputs: out });
    let saved: tn.io.ModelArtifacts | undefined;
    await model.save(tn.io.withSaveHandler(async (a) => { saved = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }));
    expect(JSON.stringify(saved?.modelTopology)).toContain('"output_mode":"int"');
    const loaded = await tn.loadLayersModel(tn.io.fromMemory(saved as tn.io.ModelArtifacts));
    expect((loaded.predict(tn.tensor2d(ids)) as tn.Tensor).arraySync()).toEqual(ids);
  });

  it('refuses bad settings and ids naming the layer and the argument', () => {
    expect(() => tn.layers.categoryEncoding({ numTokens: 0 })).toThrow(/layers\.categoryEncoding: numTokens/);
    expect(() => tn.layers.categoryEncoding({ numTokens: 3, outputMode: 'tfIdf' as never })).toThrow(/layers\.categoryEncoding: outputMode must be one of 'multiHot', 'oneHot', 'count', 'int'/);
    const layer = tn.layers.categoryEncoding({ numTokens: 3, name: 'enc' });
    expect(() => layer.apply(tn.tensor2d([[1, 3]]))).toThrow('enc: input[1] must be an id in [0, 2] (numTokens 3), got 3');
    expect(() => tn.layers.categoryEncoding({ numTokens: 3, outputMode: 'count' }).apply(tn.tensor2d([[1, 2]]), { countWeights: tn.tensor1d([1]) })).toThrow(/countWeights must be the ids' shape/);
  });
});
