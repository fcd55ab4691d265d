// The gpu bench's page script (served as /gpu-bench.js): the seed model on tessera's gpu backend or on TF.js's webgl
// backend (the page loads TF.js's tf.min.js first), from the same weights and data, timed a round at a time.
import * as tn from '../src/index';
import { seedModel } from '../examples/seed-model';

/** What Node hands each page: the initial weights and the data, as plain arrays. */
export interface GpuBenchInput {
  weights: { shape: number[]; values: number[] }[];
  trainX: number[]; trainY: number[]; testX: number[];
  steps: number; batch: number; predictBatch: number;
  /** What the model compiles with as `metrics` (none when absent); trainOnBatch then returns the loss first. */
  metrics?: string[];
}

/**
 * One round's rates and the loss of its last step: tessera's gpu backend gives TF.js's cpu loss (0.21843 after the
 * default three rounds); TF.js's webgl on SwiftShader drifts from it (0.28247).
 */
export interface GpuBenchRound { train: number; infer: number; loss: number }

type Library = typeof tn;
type Model = ReturnType<typeof seedModel<unknown, tn.Sequential>>;

let run: (() => Promise<GpuBenchRound>) | undefined;

async function start(library: 'tessera' | 'tfjs', input: GpuBenchInput): Promise<string> {
  const lib = (library === 'tfjs' ? (window as unknown as { tf: Library }).tf : tn);
  if (!(await lib.setBackend('webgl'))) throw new Error(`${library}: the webgl backend cannot run in this page (the console says why)`);
  await lib.ready();
  const model = seedModel(lib, input.metrics) as Model;
  model.setWeights(input.weights.map((w) => lib.tensor(w.values, w.shape)));
  const n = input.trainY.length;
  const xs = lib.tensor(input.trainX, [n, 28, 28, 1]);
  const ys = lib.tensor(input.trainY, [n]);
  const testX = lib.tensor(input.testX, [input.testX.length / 784, 28, 28, 1]);
  const batches = Array.from({ length: n / input.batch }, (_, i) => [
    lib.slice(xs, [i * input.batch, 0, 0, 0], [input.batch, 28, 28, 1]), lib.slice(ys, [i * input.batch], [input.batch]),
  ] as const);
  let loss = 0;
  const train = async (steps: number): Promise<void> => {
    for (let s = 0; s < steps; s++) {
      const [x, y] = batches[s % batches.length];
      const logs = await model.trainOnBatch(x, y);
      loss = Array.isArray(logs) ? logs[0] : logs;
    }
  };
  const predict = (): void => {
    const p = model.predict(testX, { batchSize: input.predictBatch }) as tn.Tensor;
    p.dataSync();
    p.dispose();
  };
  // Warm-up: every program either library compiles for these sizes is compiled here, not in a timed round.
  await train(3);
  predict();
  run = async () => {
    let t = performance.now();
    await train(input.steps);
    const train_ = (input.steps * input.batch) / ((performance.now() - t) / 1000);
    t = performance.now();
    predict();
    const infer = testX.shape[0] / ((performance.now() - t) / 1000);
    return { train: train_, infer, loss };
  };
  return lib.getBackend() as string;
}

async function round(): Promise<GpuBenchRound> {
  if (!run) throw new Error('gpu bench: call start(library, input) first');
  return run();
}

(window as unknown as { gpuBench: { start: typeof start; round: typeof round } }).gpuBench = { start, round };
