// The direct convolution kernels against im2col + GEMM on the seed model, end to end, in alternating rounds in
// one run (medians): model.fit on real MNIST (batch 32) and model.predict on the test set (batch 256), with the
// same SIMD kernel set minus convDirect/convFilterDirect as the "im2col" side (which also un-fuses conv + pool).
//   npx tsx bench/direct-conv.ts [--rounds 5] [--batches 100]
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as tn from '../src/node';
import { CpuBackend, createCpuBackend } from '../src/backend/cpu/cpu-backend';
import { registerBackend, setBackend } from '../src/backend/registry';
import { simdKernels } from '../kernels/cpu/wasm/index';
import { INFER_BATCH, TRAIN_BATCH, tesseraRunner } from './seed-model';
import { median } from './median';

const { values: flags } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, batches: { type: 'string', default: '100' } } });
const rounds = Number(flags.rounds);
const batches = Number(flags.batches);

const { convDirect: _d, convFilterDirect: _f, ...viaIm2col } = simdKernels();
const backends = { direct: createCpuBackend(), im2col: new CpuBackend(viaIm2col, () => 'wasm-simd via im2col') };
const use = (name: keyof typeof backends): void => {
  registerBackend('cpu', () => backends[name]);
  setBackend('cpu');
};
const data = await tn.data.loadMnist();
use('direct');
const direct = tesseraRunner(data, 1);
use('im2col');
const im2col = tesseraRunner(data, 1);
const rates = { direct: { train: [] as number[], infer: [] as number[] }, im2col: { train: [] as number[], infer: [] as number[] } };
for (let r = -1; r < rounds; r++) {
  for (const [name, runner] of [['direct', direct], ['im2col', im2col]] as const) {
    use(name);
    const first = r < 0 ? 0 : 20 + r * batches;
    const train = await runner.train(first, r < 0 ? 20 : batches);
    const infer = await runner.infer();
    if (r < 0) continue; // warm-up
    rates[name].train.push((batches * TRAIN_BATCH) / train.seconds);
    rates[name].infer.push(data.test.labels.shape[0] / infer.seconds);
  }
}
for (const name of ['direct', 'im2col'] as const) {
  console.log(`${name.padEnd(7)} train ${median(rates[name].train).toFixed(0)} samples/s, infer (batch ${INFER_BATCH}) ${median(rates[name].infer).toFixed(0)} samples/s`);
}
console.log(`direct / im2col: train ${(median(rates.direct.train) / median(rates.im2col.train)).toFixed(2)}x, infer ${(median(rates.direct.infer) / median(rates.im2col.infer)).toFixed(2)}x; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
process.exit(0);
