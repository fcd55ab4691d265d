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

const EPOCHS = 16;
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

    const growth = (key: keyof Sample) => samples[EPOCHS - 1][key] - samples[1][key];
    const report = samples.map((s, i) => `epoch ${i + 1}: heap ${(s.heap / MB).toFixed(2)} MB, buffers ${(s.buffers / MB).toFixed(2)} MB`).join('\n');
    // Over 14 epochs of 12 steps, retaining one batch of activations (~10 KB) per step would pass
    // 1 MB; the heap bound leaves room for the collector's noise (~0.3 MB here).
    expect(growth('heap'), report).toBeLessThan(2 * MB);
    expect(growth('buffers'), report).toBeLessThan(1 * MB);
  });
});
