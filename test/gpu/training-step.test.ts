import { afterAll, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { GpuData } from '../../src/backend/gpu/device-data';
import { Tensor } from '../../src/tensor/tensor';
import { expectAllClose } from '../allclose';
import { describeGpu, gpu } from './gpu-context';
import { GPU_TOL } from './parity';
import { labelTensor, uniformTensor } from './random-data';
import { seedModel } from '../../examples/seed-model';
import { cappedSparseSoftmaxCrossEntropy } from '../../src/ops/cross-entropy';

/**
 * Per-element bound on two Adam steps' updates (each about lr = 1e-3). Adam divides by sqrt(v),
 * which magnifies float32 rounding in tiny gradients: the worst element measured 5.3e-7 off
 * (0.43 of this allowance, in the [5408, 128] kernel).
 */
const UPDATE_TOL = { atol: 1e-6, rtol: 1e-3 };

/**
 * The seed model, its weights from a fixed seed, with Adam's ε at 1e-7 / sqrt(1 − β2) rather than 1e-7: the default
 * ε adds ~3e-9 to sqrt(v) at the first steps, which lets float32 rounding in a near-zero gradient (~1e-9) move a
 * weight by up to lr on either backend (TF.js's Adam too); this one adds 1e-7 there.
 */
function seededModel(): tn.Sequential {
  tn.setRandomSeed(7);
  const model = seedModel(tn);
  model.compile({ optimizer: tn.train.adam(0.001, 0.9, 0.999, 1e-7 / Math.sqrt(1 - 0.999)), loss: 'sparseCategoricalCrossentropy' });
  return model;
}

describeGpu('one training step of the seed model, gpu against cpu', () => {
  afterAll(() => { setBackend('cpu'); });

  it('gives the same loss and the same updated weights, and keeps the weights on the device', async () => {
    registerBackend('gpu', () => gpu!);
    const batch = 8;
    const x = uniformTensor([batch, 28, 28, 1], 11, 0, 1);
    const y = labelTensor(batch, 10, 12);

    setBackend('cpu');
    const initial = seededModel().getWeights().map((w) => w.dataSync());
    const onCpu = seededModel();
    const cpuLosses = [await onCpu.trainOnBatch(x, y), await onCpu.trainOnBatch(x, y)] as number[];

    setBackend('gpu');
    expect(tn.getBackend()).toBe(gpu!.describe());
    const onGpu = seededModel();
    const first = await onGpu.trainOnBatch(x, y) as number;
    const compiled = gpu!.stats().compiled;
    const gpuLosses = [first, await onGpu.trainOnBatch(x, y) as number];
    expect(gpu!.stats().compiled, 'the first step compiled every program a step needs').toBe(compiled);
    const gpuWeights = onGpu.layers.flatMap((l) => l.trainableWeights);
    expect(gpuWeights.every((w) => w.storage instanceof GpuData), 'weights stay on the device after the update').toBe(true);

    expectAllClose(gpuLosses, cpuLosses, GPU_TOL, 'losses');
    const want = onCpu.getWeights(), got = onGpu.getWeights();
    got.forEach((w: Tensor, i: number) => {
      expectAllClose(w.dataSync(), want[i].dataSync(), GPU_TOL, `weight ${i} [${w.shape}]`);
      // The updates themselves, not just the weights they are small against.
      const gotStep = w.dataSync().map((v, j) => v - initial[i][j]);
      const wantStep = want[i].dataSync().map((v, j) => v - initial[i][j]);
      expectAllClose(gotStep, wantStep, UPDATE_TOL, `update of weight ${i} [${w.shape}]`);
    });
  });

  /** What a trainOnBatch step after the first reads back from the device (with each read's size), and when its backward pass ends. */
  async function stepEvents(model: tn.LayersModel, x: Tensor, y: Tensor | Tensor[]): Promise<{ events: string[]; values: number | number[] }> {
    await model.trainOnBatch(x, y); // the labels move to the host once, when first checked
    const events: string[] = [];
    const readSync = GpuData.prototype.readSync;
    vi.spyOn(GpuData.prototype, 'readSync').mockImplementation(function (this: GpuData) {
      events.push(`read ${this.size}`);
      return readSync.call(this);
    });
    // The first layer's gradients are the backward pass's last kernel.
    const backward = gpu!.conv2dBiasActivationMaxPoolBackprop.bind(gpu!);
    vi.spyOn(gpu!, 'conv2dBiasActivationMaxPoolBackprop').mockImplementation((...args) => {
      events.push('backward');
      return backward(...args);
    });
    try {
      return { events, values: await model.trainOnBatch(x, y) as number | number[] };
    } finally {
      vi.restoreAllMocks();
    }
  }

  it('reads one value back from the device, the loss, and only once its backward pass is queued', async () => {
    registerBackend('gpu', () => gpu!);
    setBackend('gpu');
    const { events } = await stepEvents(seededModel(), uniformTensor([8, 28, 28, 1], 11, 0, 1), labelTensor(8, 10, 12));
    // The per-row losses (capped as TF.js's cross-entropy on a softmax caps them) and the loss were read before.
    expect(events).toEqual(['backward', 'read 1']);
  });

  it('with metrics compiled, reads the loss and the metrics in one read, once the backward pass is queued, with the cpu\'s values', async () => {
    registerBackend('gpu', () => gpu!);
    const x = uniformTensor([8, 28, 28, 1], 11, 0, 1);
    const y = labelTensor(8, 10, 12);
    const withMetrics = (): tn.Sequential => {
      tn.setRandomSeed(7);
      return seedModel(tn, ['accuracy', 'crossentropy']);
    };
    setBackend('cpu');
    const cpuModel = withMetrics();
    await cpuModel.trainOnBatch(x, y);
    const want = await cpuModel.trainOnBatch(x, y) as number[];
    setBackend('gpu');
    const { events, values } = await stepEvents(withMetrics(), x, y);
    // Not the outputs ahead of the backward pass (for metrics on the host), then the loss: two reads, one a stall.
    expect(events).toEqual(['backward', 'read 3']);
    expectAllClose(values as number[], want, GPU_TOL, 'loss, acc, ce');
    // The second step's accuracy is a count of 8 rows, not a rounding.
    expect((values as number[])[1] * 8).toBe(Math.round(want[1] * 8));
    // The metric's cross-entropy is the loss before the step's update, uncapped here.
    expectAllClose([(values as number[])[2]], [(values as number[])[0]], GPU_TOL, 'ce against the loss');
  });

  it('with several outputs, reads each output\'s loss and metrics in the same one read', async () => {
    registerBackend('gpu', () => gpu!);
    const x = uniformTensor([8, 28, 28, 1], 11, 0, 1);
    const digits = labelTensor(8, 10, 12);
    const sums = uniformTensor([8, 1], 13, 0, 1);
    const twoHeads = (): tn.LayersModel => {
      tn.setRandomSeed(7);
      const input = tn.input({ shape: [28, 28, 1] });
      const conv = tn.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu' }).apply(input);
      const flat = tn.layers.flatten().apply(tn.layers.maxPooling2d({ poolSize: 2 }).apply(conv));
      const digit = tn.layers.dense({ units: 10, activation: 'softmax', name: 'digit' }).apply(flat);
      const sum = tn.layers.dense({ units: 1, name: 'sum' }).apply(flat);
      const model = tn.model({ inputs: input, outputs: [digit, sum] as tn.SymbolicTensor[] });
      model.compile({ optimizer: 'adam', loss: ['sparseCategoricalCrossentropy', 'meanSquaredError'], metrics: { digit: ['accuracy'], sum: ['mae', 'mse', 'precision', tn.metrics.recall] } });
      return model;
    };
    setBackend('cpu');
    const cpuModel = twoHeads();
    await cpuModel.trainOnBatch(x, [digits, sums]);
    const want = await cpuModel.trainOnBatch(x, [digits, sums]) as number[];
    setBackend('gpu');
    const model = twoHeads();
    const { events, values } = await stepEvents(model, x, [digits, sums]);
    // Not each output's loss and the outputs ahead of the backward pass, then the loss.
    expect(model.metricsNames).toEqual(['loss', 'digit_loss', 'sum_loss', 'digit_acc', 'sum_mae', 'sum_mse', 'sum_precision', 'sum_recall']);
    // Precision and recall count on the device too.
    expect(events).toEqual(['backward', 'read 8']);
    expectAllClose(values as number[], want, GPU_TOL, 'the logs');
    const v = values as number[];
    expectAllClose([v[1] + v[2]], [v[0]], GPU_TOL, 'the loss is the sum of the outputs\' losses');
  });

  it('caps a saturated row\'s loss at -log(1e-7) with no gradient, the comparison made on the device', () => {
    registerBackend('gpu', () => gpu!);
    setBackend('gpu');
    const logits = new Tensor([2, 3], 'float32', Float32Array.from([100, -100, 0, 1, 2, 3]));
    const labels = new Tensor([2], 'float32', Float32Array.from([1, 2]));
    const { value, grad } = tn.valueAndGrad((l: Tensor) => cappedSparseSoftmaxCrossEntropy(labels, l, -Math.log(1e-7)))(logits);
    // Row 0: -log softmax(x)[1] = 200, capped at 16.118; row 1: log(e + e² + e³) - 3; the mean of the two.
    expectAllClose(value.dataSync(), [(-Math.log(1e-7) + 0.40760596) / 2], GPU_TOL, 'loss');
    // Row 0 none; row 1 (softmax - one-hot) / 2.
    expectAllClose(grad.dataSync(), [0, 0, 0, 0.04501529, 0.12236424, -0.16737952], GPU_TOL, 'gradient');
    setBackend('cpu');
  });
});
