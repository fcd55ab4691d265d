import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { quadrantData } from '../fixtures/quadrant';

// Training must not retain anything per step: after the first epoch (which allocates the
// optimizer state and warms caches), memory stays flat however long fit runs.

/** The engine's gc, exposed at run time since vitest's workers are not started with --expose-gc. */
function obtainGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface Sample {
  heap: number;
  /** Typed-array and wasm memory: where tensor values live, outside the JS heap. */
  buffers: number;
}

const EPOCHS = 96;
const MB = 1024 * 1024;

describe('memory during fit on the cpu backend', () => {
  it('stays flat from the second epoch on', async () => {
    const gc = obtainGc();
    tn.setBackend('cpu');
    const { x, y } = quadrantData(512, 11);
    const init = (seed: number) => tn.initializers.glorotUniform({ seed });
    const model = tn.sequential({
      layers: [
        tn.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1], kernelInitializer: init(1) }),
        tn.layers.maxPooling2d({ poolSize: 2 }),
        tn.layers.flatten(),
        tn.layers.dense({ units: 16, activation: 'relu', kernelInitializer: init(2) }),
        tn.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: init(3) }),
      ],
    });
    model.compile({ optimizer: tn.train.adam(0.01), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

    const samples: Sample[] = [];
    const history = await model.fit(x, y, {
      epochs: EPOCHS,
      batchSize: 32,
      seed: 5,
      verbose: 0,
      validationSplit: 0.25,
      callbacks: {
        onEpochEnd: () => {
          // Twice: the first pass can leave garbage that only finalizers released.
          gc();
          gc();
          const m = process.memoryUsage();
          samples.push({ heap: m.heapUsed, buffers: m.arrayBuffers + m.external });
        },
      },
    });

    // Training really ran: every epoch, and it learned.
    expect(history.epoch).toHaveLength(EPOCHS);
    expect(history.history.loss[EPOCHS - 1]).toBeLessThan(history.history.loss[0]);
    expect(samples).toHaveLength(EPOCHS);

    // Growth from epoch 2 to the end, each end the median of three epochs (one collection can lag).
    const median3 = (from: number, key: keyof Sample) => samples.slice(from, from + 3).map((s) => s[key]).sort((a, b) => a - b)[1];
    const growth = (key: keyof Sample) => median3(EPOCHS - 3, key) - median3(1, key);
    const report = samples.map((s, i) => `epoch ${i + 1}: heap ${(s.heap / MB).toFixed(3)} MB, buffers ${(s.buffers / MB).toFixed(3)} MB`).join('\n');
    // The heap grows by a step or two as the engine optimises late, not with the epochs: +0.37 to +0.73 MB over
    // the 46 epochs from the 2nd to the 48th, +0.52 to +0.54 over the 94 measured here (Node 20). Tensor buffers
    // grow by +256 bytes. A leak grows with every step: keeping one input batch (8 KB of values, a Tensor object)
    // per step adds 2.7 MB of buffers over 14 epochs; keeping 40 small objects per step adds 2.3 MB of heap over
    // the 94 here. Both bounds sit below what such a leak adds and above the engine's one-off growth.
    expect(growth('heap'), report).toBeLessThan(1.2 * MB);
    expect(growth('buffers'), report).toBeLessThan(64 * 1024);
  });
});
