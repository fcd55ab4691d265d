// What subnormal first moments cost the SIMD Adam step, on dense1's real state after training:
//   npx tsx bench/adam-subnormal.ts [--steps 1000] [--rounds 40]
// Trains the seed model `--steps` batches of 32 on real MNIST (seeded), takes dense1's kernel, its Adam moments and
// the gradient of the next batch, and times the library's Adam step on them against the same arrays with the
// subnormal first moments set to zero, alternating, each side continuing from its own last step as training does
// (one thread, median ms). A weight whose gradient stays zero (a unit or an input feature that stays inactive) has
// its first moment decay by β1 a step, through the subnormals, where x86 float arithmetic is many times slower.
// Also prints how those moments lie: how many 4-lane vectors hold one, and how many hold four.
import { parseArgs } from 'node:util';
import * as tn from '../src/node';
import { setGemmThreads, simdKernels } from '../kernels/cpu/wasm';
import { seedModel } from '../examples/seed-model';
import { median } from './median';

const { values: opts } = parseArgs({ options: { steps: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '40' } } });
const steps = Number(opts.steps);
const MIN_NORMAL = 2 ** -126;
const subnormal = (x: number): boolean => x !== 0 && Math.abs(x) < MIN_NORMAL;

async function main(): Promise<void> {
  const data = await tn.data.loadMnist();
  tn.setRandomSeed(1);
  const model = seedModel(tn);
  const n = 32 * steps;
  const [x, y] = [data.train.images.slice([0, 0, 0, 0], [n + 32, 28, 28, 1]), data.train.labels.slice([0], [n + 32])];
  await model.fit(x.slice([0, 0, 0, 0], [n, 28, 28, 1]), y.slice([0], [n]), { batchSize: 32, epochs: 1, shuffle: false, verbose: 0 });
  const kernel = model.layers[3].getWeights()[0];
  if (!model.optimizer) throw new Error('adam-subnormal: the seed model has no optimizer');
  const slots = (await model.optimizer.getWeights()).map((w) => w.tensor).filter((t) => t.shape[0] === kernel.shape[0] && t.shape[1] === kernel.shape[1]);
  if (slots.length !== 2) throw new Error(`adam-subnormal: expected dense1's two Adam moments, found ${slots.length}`);
  const [xb, yb] = [x.slice([n, 0, 0, 0], [32, 28, 28, 1]), y.slice([n], [32])];
  const { grads } = tn.variableGrads(() => tn.mean(tn.metrics.categoricalCrossentropy(tn.oneHot(tn.cast(yb, 'int32') as tn.Tensor1D, 10), model.predict(xb) as tn.Tensor)) as tn.Scalar);
  const g = Object.values(grads).find((t) => t.shape[0] === kernel.shape[0] && t.shape[1] === kernel.shape[1]);
  if (!g) throw new Error('adam-subnormal: no gradient of dense1\'s kernel');
  const [p0, m0, v0, g0] = [kernel, slots[0], slots[1], g].map((t) => t.dataSync() as Float32Array);

  let lanes = 0, vectors = 0, whole = 0;
  for (let i = 0; i < m0.length; i += 4) {
    const count = [0, 1, 2, 3].filter((l) => subnormal(m0[i + l])).length;
    lanes += count;
    if (count) vectors++;
    if (count === 4) whole++;
  }
  const share = (k: number, of: number): string => `${((100 * k) / of).toFixed(1)}%`;
  console.log(`after ${steps} steps: ${share(lanes, m0.length)} of dense1's first moments are subnormal, in ${share(vectors, m0.length / 4)} of its 4-lane vectors `
    + `(${share(whole, m0.length / 4)} hold four); ${share(g0.filter((q) => q === 0).length, g0.length)} of the gradient is zero`);

  await setGemmThreads(1);
  const k = simdKernels();
  const mem = k.memory;
  if (!mem) throw new Error('adam-subnormal: this engine has no WebAssembly SIMD; nothing to measure');
  const resident = (a: Float32Array): Float32Array => {
    const r = mem.alloc(a.length);
    if (!r) throw new Error('adam-subnormal: the kernels\' memory is full');
    r.set(a);
    return r;
  };
  const sides = [m0, m0.map((q) => (subnormal(q) ? 0 : q))].map((m) => [p0, g0, m, v0].map(resident));
  const times: number[][] = [[], []];
  for (let r = 0; r < Number(opts.rounds); r++) {
    sides.forEach(([p, gr, m, v], s) => {
      const t = performance.now();
      k.adamUpdate(p, gr, m, v, 0.001, 0.9, 0.999, 1e-7, steps + 1 + r);
      times[s].push(performance.now() - t);
    });
  }
  const [real, flushed] = times.map(median);
  console.log(`Adam step, one thread, median of ${opts.rounds}: as trained ${real.toFixed(3)} ms, subnormal moments zeroed ${flushed.toFixed(3)} ms (${(real / flushed).toFixed(2)}x)`);
  process.exit(0);
}

void main();
