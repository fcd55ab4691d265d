import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

// A fixed batch size (batchInputShape [2, ...], a stateful RNN's) survives a model's JSON both ways, as in TF.js.

type Lib = typeof tf;
const libs = [['tessera', tn], ['TF.js', tf]] as unknown as [string, Lib][];

function models(lib: Lib): tf.LayersModel[] {
  const seq = lib.sequential({ layers: [lib.layers.dense({ units: 3, batchInputShape: [2, 4] })] });
  const i = lib.input({ batchShape: [2, 4] });
  const fun = lib.model({ inputs: i, outputs: lib.layers.dense({ units: 3 }).apply(i) as tf.SymbolicTensor });
  const lstm = lib.sequential({ layers: [lib.layers.lstm({ units: 2, stateful: true, batchInputShape: [2, 4, 3], kernelInitializer: lib.initializers.glorotUniform({ seed: 1 }) })] });
  const si = lib.input({ batchShape: [2, 4, 3] });
  const gru = lib.model({ inputs: si, outputs: lib.layers.gru({ units: 2, stateful: true, kernelInitializer: lib.initializers.glorotUniform({ seed: 2 }) }).apply(si) as tf.SymbolicTensor });
  return [seq, fun, lstm, gru];
}

describe('a fixed batch size survives modelFromJSON', () => {
  for (const [writer, from] of libs) {
    for (const [reader, to] of libs) {
      it(`written by ${writer}, read by ${reader}`, async () => {
        for (const m of models(from)) {
          const loaded = await to.models.modelFromJSON(m.toJSON(null, false) as tf.io.ModelJSON['modelTopology'] as never);
          expect(loaded.inputs[0].shape).toEqual(m.inputs[0].shape);
          loaded.setWeights(m.getWeights().map((w) => to.tensor(Array.from(w.dataSync()), [...w.shape])));
          const x = to.ones(m.inputs[0].shape as number[]);
          // Twice: a stateful layer's second call starts from the first one's states.
          for (let k = 0; k < 2; k++) {
            const want = Array.from((m.predict(from.ones(m.inputs[0].shape as number[])) as tf.Tensor).dataSync());
            const got = Array.from((loaded.predict(x) as tf.Tensor).dataSync());
            got.forEach((v, j) => expect(v).toBeCloseTo(want[j], 5));
          }
        }
      });
    }
  }
});
