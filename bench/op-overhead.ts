// What one small op costs outside its arithmetic (checks, the tape, tidy, tn.memory()'s count, the kernels' heap), and
// how that changes as a program holds more results: `npx tsx bench/op-overhead.ts [--rounds 6] [--steps 10000]`.
// Each round runs `steps` times tidy(() => a.add(b).mul(b).relu()) on 4×4 tensors and keeps every result (as a
// program collecting its outputs does), alternating rounds with TensorFlow.js's cpu backend doing the same, and
// prints µs per op for both and the ratio, by how many results are held when the round starts.
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import * as tn from '../src/node';
import { intFlag } from '../examples/int-flag';

const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '6' }, steps: { type: 'string', default: '10000' } } });
const [rounds, steps] = [intFlag('rounds', opts.rounds), intFlag('steps', opts.steps)];
const OPS_PER_STEP = 3;

interface Lib { tidy<T>(f: () => T): T; ones(shape: number[]): unknown }
interface Small { add(x: Small): Small; mul(x: Small): Small; relu(): Small; dispose(): void }

/** A library's side: its operands, the results it holds, and a timed round of `steps` steps (µs per op). */
function side(lib: Lib): { round(): number; dispose(): void } {
  const [a, b] = [lib.ones([4, 4]) as Small, lib.ones([4, 4]) as Small];
  const held: Small[] = [];
  return {
    round: () => {
      const t = performance.now();
      for (let i = 0; i < steps; i++) held.push(lib.tidy(() => a.add(b).mul(b).relu()));
      return ((performance.now() - t) * 1000) / (steps * OPS_PER_STEP);
    },
    dispose: () => {
      for (const x of [a, b, ...held]) x.dispose();
    },
  };
}

await tn.setBackend('cpu');
await tf.setBackend('cpu');
const ours = side(tn as unknown as Lib);
const peer = side(tf as unknown as Lib);
// Warm-up: a round each, its results released.
ours.round();
peer.round();
ours.dispose();
peer.dispose();

const [mine, theirs] = [side(tn as unknown as Lib), side(tf as unknown as Lib)];
console.log(`Small ops (4×4 add, mul, relu in a tidy), ${steps} steps a round, every result kept: µs per op; tessera ${tn.getBackend()}, tfjs ${tf.version.tfjs} cpu`);
console.log('results held   tessera      tfjs   tfjs / tessera');
for (let r = 0; r < rounds; r++) {
  const heldBefore = r * steps;
  const t = mine.round();
  const p = theirs.round();
  console.log(`${String(heldBefore).padStart(12)}  ${t.toFixed(2).padStart(8)}  ${p.toFixed(2).padStart(8)}  ${(p / t).toFixed(2).padStart(14)}x`);
}
mine.dispose();
theirs.dispose();
