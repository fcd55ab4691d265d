// What subnormal first moments cost the SIMD Adam step, on dense1's 692,224 weights:
//   npx tsx bench/adam-subnormal.ts [--rounds 40] [--threads 1]
// In training, a weight whose input is always zero (a pooled feature that is never positive) gets a zero gradient
// every step, so its first moment decays by β1 a step until it is subnormal (13.6% of dense1's after 1,000 steps of
// the seed model); float arithmetic on subnormals is slow on x86. The arrays are laid out as dense1's kernel: a row of
// 128 weights per input feature, whose gradient is all zero when the feature is zero in the batch (here 30% of the
// live rows) and always in a dead row (none, 13.6% or a third of the rows, their moments subnormal). Each side runs
// the same step on its arrays, with the cache warm or flushed (64 MB touched) before each call, alternating; prints
// median ms and the ratio to the side with no dead rows.
import { parseArgs } from 'node:util';
import { setGemmThreads, simdKernels } from '../kernels/cpu/wasm';
import { Random } from '../src/util/random';

const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '40' }, threads: { type: 'string', default: '1' } } });
const N = 692_224;
const UNITS = 128;

async function main(): Promise<void> {
  await setGemmThreads(Number(opts.threads));
  const k = simdKernels();
  const mem = k.memory;
  if (!mem) throw new Error('adam-subnormal: this engine has no WebAssembly SIMD; nothing to measure');
  const alloc = (n: number) => mem.alloc(n, true) ?? (() => { throw new Error('adam-subnormal: the kernels\' memory is full'); })();
  const flush = alloc(16 * 1024 * 1024);
  const shares = [0, 0.136, 1 / 3];
  // One set of arrays per share, resident in the kernels' memory as the library holds a model's.
  const sides = shares.map((share, s) => {
    const r = new Random(7 + s);
    const [p, g, m, v] = [alloc(N), alloc(N), alloc(N), alloc(N)];
    for (let row = 0; row < N / UNITS; row++) {
      const dead = r.next() < share;
      const idle = dead || r.next() < 0.3;
      for (let i = row * UNITS; i < (row + 1) * UNITS; i++) {
        p[i] = r.uniform(-0.05, 0.05);
        g[i] = idle ? 0 : r.uniform(-5e-4, 5e-4);
        m[i] = dead ? r.uniform(-1, 1) * 1e-39 : r.uniform(-5e-5, 5e-5);
        v[i] = r.uniform(0, 1e-7);
      }
    }
    return { share, p, g, m, m0: m.slice(), v, warm: [] as number[], cold: [] as number[] };
  });
  const touch = (): number => {
    let s = 0;
    for (let i = 0; i < flush.length; i += 16) s += ++flush[i];
    return s;
  };
  const rounds = Number(opts.rounds);
  for (let round = 0; round < rounds; round++) {
    for (const side of sides) {
      for (const cold of [false, true]) {
        // The moments as they were set (a step decays them, and enough steps would flush the subnormals to zero).
        side.m.set(side.m0);
        if (cold) touch();
        const t0 = performance.now();
        k.adamUpdate(side.p, side.g, side.m, side.v, 1e-3, 0.9, 0.999, 1e-7, 100);
        (cold ? side.cold : side.warm).push(performance.now() - t0);
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const [base] = sides;
  console.log(`Adam on ${N} float32 weights, ${opts.threads} thread(s), ${rounds} alternating rounds (median ms)`);
  console.log('dead rows | warm cache | ratio | flushed cache | ratio');
  for (const s of sides) {
    const [w, c] = [median(s.warm), median(s.cold)];
    console.log(`${(100 * s.share).toFixed(1).padStart(10)}% | ${w.toFixed(3)} | ${(w / median(base.warm)).toFixed(2)}x | ${c.toFixed(3)} | ${(c / median(base.cold)).toFixed(2)}x`);
  }
  process.exit(0);
}

void main();
