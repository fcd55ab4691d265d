// Where a training step of common TF.js models spends its time, by op and by phase (bench/profile.ts's
// profiler), on random data of their input shape (the time does not depend on the values' meaning):
//   cifar: conv2d 32 3×3 'same' relu → max-pool → conv2d 64 3×3 'same' relu → max-pool → flatten → dropout →
//          dense 128 relu → dense 10 softmax on 32×32×3, Adam, batch 32;
//   mnist: TF.js's MNIST example: conv2d 8 5×5 relu → max-pool → conv2d 16 5×5 relu → max-pool → flatten →
//          dense 10 softmax on 28×28×1, Adam, batch 64;
//   gru:   embedding (1,000 words, 32) → GRU 64 (TF.js's defaults: hardSigmoid gates) → dense 1 sigmoid on 40-word
//          sequences, RMSprop, binary cross-entropy, batch 64;
//   text:  embedding (5,000 words, 50) → conv1d 64 ×5 relu → globalMaxPooling1d → dense 32 relu → dense 1 sigmoid on
//          100-word sequences, Adam, binary cross-entropy, batch 64;
//   mlp:   dense 512 relu → dropout 0.2 → dense 256 relu → dense 10 softmax on 784 features (80% zeros, as MNIST's
//          pixels), Adam, batch 128;
//   mobile: MobileNet's blocks: conv2d 32 3×3 stride 2 → three times depthwiseConv2d 3×3 relu (the second stride 2) →
//          conv2d 1×1 relu (64, 128, 128) → globalAveragePooling2d → dense 10 softmax on 96×96×3, Adam, batch 32.
//
//   npx tsx bench/profile-models.ts [cifar|mnist|gru|text|mlp|mobile = cifar] [steps = 40] [threads = 2] [--unprofiled]
// --unprofiled times the steps without the profiler (which adds a few µs to every op) and prints only that.
import { loadavg } from 'node:os';
import * as tn from '../src/node';
import { setGemmThreads } from '../kernels/cpu/wasm/index';
import { profiledCpu, table } from './profile';

const UNPROFILED = process.argv.includes('--unprofiled');
const args = process.argv.slice(2).filter((a) => a !== '--unprofiled');
const KIND = args[0] ?? 'cifar';
const STEPS = Number(args[1] ?? 40);
const THREADS = Number(args[2] ?? 2);
if (!['cifar', 'mnist', 'gru', 'text', 'mlp', 'mobile'].includes(KIND)) throw new Error(`profile-models: the model must be cifar, mnist, gru, text, mlp or mobile, got ${KIND}`);
const WARM_STEPS = 60;

await setGemmThreads(THREADS);
const p = UNPROFILED ? null : profiledCpu();
tn.setRandomSeed(1);
const model = tn.sequential();
const [shape, batch] = KIND === 'cifar' ? [[32, 32, 3], 32] : KIND === 'mnist' ? [[28, 28, 1], 64] : KIND === 'gru' ? [[40], 64] : KIND === 'mlp' ? [[784], 128] : KIND === 'mobile' ? [[96, 96, 3], 32] : [[100], 64];
if (KIND === 'cifar') {
  model.add(tn.layers.conv2d({ inputShape: shape, filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tn.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tn.layers.conv2d({ filters: 64, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tn.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tn.layers.flatten());
  model.add(tn.layers.dropout({ rate: 0.25 }));
  model.add(tn.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tn.layers.dense({ units: 10, activation: 'softmax' }));
} else if (KIND === 'mnist') {
  model.add(tn.layers.conv2d({ inputShape: shape, kernelSize: 5, filters: 8, activation: 'relu', kernelInitializer: 'varianceScaling' }));
  model.add(tn.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  model.add(tn.layers.conv2d({ kernelSize: 5, filters: 16, activation: 'relu', kernelInitializer: 'varianceScaling' }));
  model.add(tn.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  model.add(tn.layers.flatten());
  model.add(tn.layers.dense({ units: 10, activation: 'softmax' }));
} else if (KIND === 'gru') {
  model.add(tn.layers.embedding({ inputDim: 1000, outputDim: 32, inputLength: 40 }));
  model.add(tn.layers.gru({ units: 64 }));
  model.add(tn.layers.dense({ units: 1, activation: 'sigmoid' }));
} else if (KIND === 'mlp') {
  model.add(tn.layers.dense({ inputShape: shape, units: 512, activation: 'relu' }));
  model.add(tn.layers.dropout({ rate: 0.2 }));
  model.add(tn.layers.dense({ units: 256, activation: 'relu' }));
  model.add(tn.layers.dense({ units: 10, activation: 'softmax' }));
} else if (KIND === 'mobile') {
  model.add(tn.layers.conv2d({ inputShape: shape, filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }));
  for (const [strides, filters] of [[1, 64], [2, 128], [1, 128]]) {
    model.add(tn.layers.depthwiseConv2d({ kernelSize: 3, strides, padding: 'same', activation: 'relu' }));
    model.add(tn.layers.conv2d({ filters, kernelSize: 1, activation: 'relu' }));
  }
  model.add(tn.layers.globalAveragePooling2d({}));
  model.add(tn.layers.dense({ units: 10, activation: 'softmax' }));
} else {
  model.add(tn.layers.embedding({ inputDim: 5000, outputDim: 50, inputLength: 100 }));
  model.add(tn.layers.conv1d({ filters: 64, kernelSize: 5, activation: 'relu' }));
  model.add(tn.layers.globalMaxPooling1d());
  model.add(tn.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tn.layers.dense({ units: 1, activation: 'sigmoid' }));
}
const samples = batch * (WARM_STEPS + STEPS);
const words = KIND === 'gru' ? 1000 : 5000;
const [x, y] = KIND === 'gru' || KIND === 'text'
  ? [tn.randomUniform([samples, shape[0]], 0, words, 'int32', 2), tn.randomUniform([samples, 1], 0, 2, 'int32', 3).cast('float32')]
  : KIND === 'mlp'
  ? [tn.tidy(() => tn.mul(tn.randomUniform([samples, ...shape], 0, 1, 'float32', 2), tn.greater(tn.randomUniform([samples, ...shape], 0, 1, 'float32', 4), 0.8))), tn.oneHot(tn.randomUniform([samples], 0, 10, 'int32', 3) as tn.Tensor1D, 10)]
  : [tn.randomUniform([samples, ...shape], 0, 1, 'float32', 2), tn.oneHot(tn.randomUniform([samples], 0, 10, 'int32', 3) as tn.Tensor1D, 10)];
model.compile(KIND === 'gru' ? { optimizer: 'rmsprop', loss: 'binaryCrossentropy' } : KIND === 'text' ? { optimizer: 'adam', loss: 'binaryCrossentropy' } : { optimizer: 'adam', loss: 'categoricalCrossentropy' });
// The timed steps' data is sliced before the clock starts: a copy into fresh memory costs a page fault per 4 KiB.
const part = (from: number, count: number) => [x.slice(from * batch, count * batch), y.slice(from * batch, count * batch)];
const steps = ([xs, ys]: tn.Tensor[]) => model.fit(xs, ys, { batchSize: batch, epochs: 1, shuffle: false, verbose: 0 });
const [warm, timed] = [part(0, WARM_STEPS), part(WARM_STEPS, STEPS)];
await steps(warm);
p?.reset();
const t = performance.now();
await steps(timed);
const ms = performance.now() - t;
const load = loadavg().map((l) => l.toFixed(1)).join(' ');
if (!p) {
  console.log(`${KIND}: ${(ms / STEPS).toFixed(3)} ms per step unprofiled (${STEPS} steps, batch ${batch}, ${tn.getBackend()}, ${THREADS} thread(s)); load average ${load}`);
} else {
  console.log(`Profile of the ${KIND} model (${tn.getBackend()}, ${THREADS} thread(s)); load average at the end ${load}`);
  for (const line of table(`Training step (model.fit, batch ${batch}): ${((STEPS * batch) / (ms / 1000)).toFixed(0)} samples/s while profiled`, STEPS, ms, p, 0, [])) console.log(line);
}
