import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

type Lib = typeof tn;

// Keras 2.x files name their L2 regularizer 'L2', which TF.js does not know: programs register a class of that name.
// The loader builds the user's class from the file, as TF.js's does, rather than tessera's reading of Keras's L2.
async function lossWithRegisteredL2(lib: Lib): Promise<{ loss: number; calls: number; className: string }> {
  let calls = 0;
  class L2 extends lib.serialization.Serializable {
    readonly l2: number;
    constructor(config: { l2: number }) {
      super();
      this.l2 = config.l2;
    }
    apply(x: tn.Tensor): tn.Tensor {
      calls++;
      // Deliberately not l2·Σx²: which class ran shows in the loss.
      return lib.mul(100, lib.sum(lib.square(x)));
    }
    getConfig() {
      return { l2: this.l2 };
    }
    static get className() {
      return 'L2';
    }
  }
  lib.serialization.registerClass(L2 as never);
  const modelTopology = { class_name: 'Sequential', config: { name: 's', layers: [{ class_name: 'Dense', config: {
    name: 'd', units: 1, use_bias: false, batch_input_shape: [null, 1], kernel_initializer: { class_name: 'Ones', config: {} },
    kernel_regularizer: { class_name: 'L2', config: { l2: 0.01 } } } }] } };
  const m = await lib.loadLayersModel(lib.io.fromMemory({ modelTopology }));
  m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  const loss = (await m.trainOnBatch(lib.ones([1, 1]), lib.ones([1, 1]))) as number;
  return { loss, calls, className: (m.layers[0].getConfig().kernelRegularizer as { className: string }).className };
}

describe('a regularizer class the user registered is what a loaded model runs', () => {
  it("under Keras's name 'L2' too: its apply gives the penalty, as in TF.js", async () => {
    const ours = await lossWithRegisteredL2(tn);
    const theirs = await lossWithRegisteredL2(tf as unknown as Lib);
    expect(ours).toEqual(theirs);
    expect(ours.loss).toBeCloseTo(100, 4);
    expect(ours.calls).toBeGreaterThan(0);
  });
});
