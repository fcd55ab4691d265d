// Single ops that once lagged TensorFlow.js's wasm backend (a sweep of ~1,000 op timings against TF.js 4.22's cpu and
// wasm backends), timed in tessera and in TF.js on the same operands in alternating rounds within one process:
//   npx tsx bench/ops-vs-tfjs.ts [--rounds 7] [--backend wasm|cpu] [--only <part of a case's name>]
// Each round calls each op `calls` times inside tidy (results not read: both libraries compute eagerly); prints the
// median ms per call of each library and tfjs / tessera (above 1: tessera faster).
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tn from '../src/node';
import { intFlag } from '../examples/int-flag';
import { median } from './median';

const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, backend: { type: 'string', default: 'wasm' }, only: { type: 'string', default: '' } } });
const rounds = intFlag('rounds', opts.rounds);
if (opts.backend !== 'wasm' && opts.backend !== 'cpu') throw new Error(`ops-vs-tfjs: --backend must be wasm or cpu, got ${opts.backend}`);

/** An op on operands made from the same values in each library (y, of shape `second`, where given). */
interface Case { name: string; shape: number[]; second?: number[]; calls: number; run: (lib: typeof tn | typeof tf, x: tn.Tensor | tf.Tensor, y: tn.Tensor | tf.Tensor) => unknown }
type Lib = typeof tn | typeof tf;
const unary = (name: 'abs' | 'neg' | 'sqrt' | 'floor' | 'ceil'): Case => ({ name: `${name} [1e6]`, shape: [1000, 1000], calls: 10, run: (lib, x) => (lib[name] as (t: unknown) => unknown)(x) });
const CASES: Case[] = [
  { name: 'topk [1e6] k=10', shape: [1_000_000], calls: 2, run: (lib, x) => (lib.topk as (t: unknown, k: number) => unknown)(x, 10) },
  { name: 'topk [256,1000] k=5', shape: [256, 1000], calls: 5, run: (lib, x) => (lib.topk as (t: unknown, k: number) => unknown)(x, 5) },
  { name: 'topk [32,10000] k=100', shape: [32, 10000], calls: 5, run: (lib, x) => (lib.topk as (t: unknown, k: number) => unknown)(x, 100) },
  unary('abs'), unary('neg'), unary('sqrt'), unary('floor'), unary('ceil'),
  { name: 'softmax [256,1000]', shape: [256, 1000], calls: 5, run: (lib, x) => (lib.softmax as (t: unknown) => unknown)(x) },
  { name: 'softmax [32,8,128,128]', shape: [32, 8, 128, 128], calls: 2, run: (lib, x) => (lib.softmax as (t: unknown) => unknown)(x) },
  { name: 'logSoftmax [256,1000]', shape: [256, 1000], calls: 5, run: (lib, x) => (lib.logSoftmax as (t: unknown) => unknown)(x) },
  { name: 'avgPool 3x3 s2 [32,56,56,64]', shape: [32, 56, 56, 64], calls: 2, run: (lib, x) => (lib.avgPool as (t: unknown, f: number, s: number, p: string) => unknown)(x, 3, 2, 'same') },
  { name: 'avgPool 2x2 [32,28,28,32]', shape: [32, 28, 28, 32], calls: 5, run: (lib, x) => (lib.avgPool as (t: unknown, f: number, s: number, p: string) => unknown)(x, 2, 2, 'valid') },
  { name: 'sub [1000,1000]-[1000,1]', shape: [1000, 1000], second: [1000, 1], calls: 10, run: (lib, x, y) => (lib.sub as (a: unknown, b: unknown) => unknown)(x, y) },
  { name: 'clipByValue [1e6]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.clipByValue as (t: unknown, a: number, b: number) => unknown)(x, 0.8, 1.2) },
  { name: 'relu6 [1e6]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.relu6 as (t: unknown) => unknown)(x) },
  { name: 'round [1e6]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.round as (t: unknown) => unknown)(x) },
  { name: 'exp [1e6]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.exp as (t: unknown) => unknown)(x) },
  { name: 'elu [1e6]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.elu as (t: unknown) => unknown)((lib.sub as (a: unknown, b: number) => unknown)(x, 1)) },
  { name: 'leakyRelu [1e6]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.leakyRelu as (t: unknown, a: number) => unknown)(x, 0.2) },
  { name: 'sum(-1) [1000,1000]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.sum as (t: unknown, a: number) => unknown)(x, -1) },
  { name: 'max(-1) [1000,1000]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.max as (t: unknown, a: number) => unknown)(x, -1) },
  { name: 'argMax(-1) [1000,1000]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.argMax as (t: unknown, a: number) => unknown)(x, -1) },
  { name: 'transpose [1000,1000]', shape: [1000, 1000], calls: 10, run: (lib, x) => (lib.transpose as (t: unknown) => unknown)(x) },
  { name: 'oneHot [4096] depth 1000', shape: [4096], calls: 5, run: (lib, x) => (lib.oneHot as (t: unknown, d: number) => unknown)((lib.cast as (t: unknown, d: string) => unknown)((lib.mul as (a: unknown, b: number) => unknown)(x, 500), 'int32'), 1000) },
  { name: 'div [1000,1000]/[1000,1]', shape: [1000, 1000], second: [1000, 1], calls: 10, run: (lib, x, y) => (lib.div as (a: unknown, b: unknown) => unknown)(x, y) },
  { name: 'sum(1) [16384,4,3]', shape: [16384, 4, 3], calls: 10, run: (lib, x) => (lib.sum as (t: unknown, a: number) => unknown)(x, 1) },
  {
    name: 'cropAndResize 4 boxes 64x64', shape: [1, 224, 224, 3], calls: 5,
    run: (lib, x) => (lib.image.cropAndResize as (i: unknown, b: number[][], n: number[], s: [number, number]) => unknown)(x, [[0, 0, 0.5, 0.5], [0.2, 0.2, 0.9, 0.9], [0, 0, 1, 1], [0.1, 0.3, 0.6, 0.8]], [0, 0, 0, 0], [64, 64]),
  },
  {
    // A Keras BatchNormalization in inference (MobileNetV2's widest): mean, variance, offset and scale per channel.
    name: 'batchNorm [1,112,112,96] per channel', shape: [1, 112, 112, 96], second: [96], calls: 5,
    run: (lib, x, y) => (lib.batchNorm as (x: unknown, m: unknown, v: unknown, o: unknown, s: unknown, e: number) => unknown)(x, y, y, y, y, 0.001),
  },
  {
    // A full frame rotated to a face's angle (@vladmandic/human does it per face).
    name: 'rotateWithOffset [1,1280,1920,3]', shape: [1, 1280, 1920, 3], calls: 2,
    run: (lib, x) => (lib.image.rotateWithOffset as (i: unknown, r: number, f: number[]) => unknown)(x, 0.47, [10, 20, 30]),
  },
  // Ops a later sweep (against TF.js's cpu backend) found 3 – 27x slower, from host-side loops: string keys per
  // index, per-pixel arrays, a call into the SIMD gemm per tiny matrix, typed arrays made with a map function.
  {
    name: 'sparseToDense 1e5 of [1e6]', shape: [100_000], calls: 5,
    run: (lib, x) => (lib.sparseToDense as (i: unknown, v: unknown, s: number[], d: number) => unknown)((lib.cast as (t: unknown, d: string) => unknown)((lib.mul as (a: unknown, b: number) => unknown)(x, 500_000), 'int32'), x, [1_000_000], 0),
  },
  { name: 'matMul [1000,2,3]x[1000,3,2]', shape: [1000, 2, 3], second: [1000, 3, 2], calls: 20, run: (lib, x, y) => (lib.matMul as (a: unknown, b: unknown) => unknown)(x, y) },
  { name: 'matMul [100,4,4]x[100,4,4]', shape: [100, 4, 4], second: [100, 4, 4], calls: 20, run: (lib, x, y) => (lib.matMul as (a: unknown, b: unknown) => unknown)(x, y) },
  {
    name: 'transform bilinear [1,256,256,3]', shape: [1, 256, 256, 3], second: [1, 8], calls: 3,
    run: (lib, x, y) => (lib.image.transform as (i: unknown, t: unknown, m: string) => unknown)(x, (lib.mul as (a: unknown, b: unknown) => unknown)(y, [[0.9, 0.1, 3, -0.1, 0.9, 2, 0, 0]]), 'bilinear'),
  },
  { name: 'hannWindow 4096', shape: [1], calls: 50, run: (lib) => lib.signal.hannWindow(4096) },
  {
    name: 'raggedRange 1000 rows', shape: [1000], calls: 20,
    run: (lib, x) => {
      const int = (t: unknown) => (lib.cast as (t: unknown, d: string) => unknown)(t, 'int32');
      const scaled = (lib.mul as (a: unknown, b: number) => unknown)(x, 100);
      return (lib.raggedRange as (s: unknown, l: unknown, d: unknown) => unknown)(int(scaled), int((lib.add as (a: unknown, b: number) => unknown)(scaled, 20)), int((lib.onesLike as (t: unknown) => unknown)(x)));
    },
  },
  { name: 'tensor(number[1e5])', shape: [1], calls: 10, run: (lib) => (lib.tensor as (v: number[]) => unknown)(NUMBERS) },
  {
    name: 'nonMaxSuppression 1000 to 50', shape: [1000, 4], second: [1000], calls: 10,
    run: (lib, x, y) => (lib.image.nonMaxSuppression as (b: unknown, s: unknown, m: number, t: number) => unknown)(x, y, 50, 0.5),
  },
];

/** Values in [0, 1) from a fixed sequence, the same for both libraries. */
const values = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => ((i * 7919) % 100_003) / 100_003);
/** A plain array of numbers, as a program's data arrives. */
const NUMBERS = Array.from(values(100_000));

async function main(): Promise<void> {
  await tf.setBackend(opts.backend as string);
  await tf.ready();
  const sides: [string, Lib][] = [['tessera', tn], [`tfjs ${opts.backend}`, tf]];
  console.log(`Ops against TF.js ${tf.version.tfjs} ${opts.backend}, ${rounds} alternating rounds; tessera ${tn.getBackend()}`);
  console.log(`${'op'.padEnd(26)}${'tessera ms'.padStart(12)}${`tfjs ${opts.backend} ms`.padStart(14)}${'tfjs / tessera'.padStart(16)}`);
  for (const c of CASES.filter((k) => k.name.includes(opts.only))) {
    const make = (lib: Lib, shape: number[]) => {
      const v = values(shape.reduce((a, b) => a * b, 1)).map((e) => e + 0.5);
      return lib === tn ? tn.tensor(v, shape).add(0) : tf.tensor(v, shape);
    };
    const operands = sides.map(([, lib]) => make(lib, c.shape));
    const seconds = sides.map(([, lib]) => make(lib, c.second ?? [1]));
    const times: number[][] = sides.map(() => []);
    for (let r = -1; r < rounds; r++) {
      sides.forEach(([, lib], s) => {
        const t = performance.now();
        for (let i = 0; i < c.calls; i++) (lib as typeof tn).tidy(() => { c.run(lib, operands[s], seconds[s]); });
        // Round -1 is the warm-up.
        if (r >= 0) times[s].push((performance.now() - t) / c.calls);
      });
    }
    const [ours, theirs] = times.map(median);
    console.log(`${c.name.padEnd(26)}${ours.toFixed(3).padStart(12)}${theirs.toFixed(3).padStart(14)}${`${(theirs / ours).toFixed(2)}x`.padStart(16)}`);
    [...operands, ...seconds].forEach((t) => t.dispose());
  }
}

await main();
