import * as tn from './src/node';
import { setGemmThreads } from './kernels/cpu/wasm/index';
import { profiledCpu, table } from './bench/profile';
await setGemmThreads(2);
const p = profiledCpu();
tn.setRandomSeed(1);
const kind = process.env.KIND ?? 'mlp';
const model = tn.sequential();
let x: tn.Tensor, y: tn.Tensor, B = 32;
if (kind === 'mlp') {
  model.add(tn.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }));
  model.add(tn.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tn.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  x = tn.randomUniform([B * 100, 784]); y = tn.randomUniform([B * 100], 0, 10, 'int32');
} else if (kind === 'gru') {
  B = 64;
  model.add(tn.layers.embedding({ inputDim: 1000, outputDim: 32, inputLength: 40 }));
  model.add(tn.layers.gru({ units: 64 }));
  model.add(tn.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['acc'] });
  x = tn.randomUniform([B * 40, 40], 0, 1000, 'int32'); y = tn.randomUniform([B * 40, 1], 0, 2, 'int32').cast('float32');
} else {
  B = 32;
  const inp = tn.input({ shape: [28, 28, 1] });
  let h = tn.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }).apply(inp) as tn.SymbolicTensor;
  h = tn.layers.conv2d({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }).apply(h) as tn.SymbolicTensor;
  h = tn.layers.conv2dTranspose({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }).apply(h) as tn.SymbolicTensor;
  h = tn.layers.conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid' }).apply(h) as tn.SymbolicTensor;
  const m = tn.model({ inputs: inp, outputs: h });
  m.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  x = tn.randomUniform([B * 40, 28, 28, 1]); y = x;
  (globalThis as any).m = m;
}
const mm: tn.LayersModel = (globalThis as any).m ?? model;
for (let r = 0; r < 3; r++) await mm.fit(x, y, { batchSize: B, epochs: 1, verbose: 0 });
p.reset();
const t = performance.now();
await mm.fit(x, y, { batchSize: B, epochs: 1, verbose: 0 });
const ms = performance.now() - t;
const steps = x.shape[0] / B;
for (const line of table(`${kind} step (batch ${B})`, steps, ms, p, 0, [])) console.log(line);
