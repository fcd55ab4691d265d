// Page side of compat-programs.test.ts: the compatibility programs (test/compat/programs) run in the page with
// tessera and with TF.js 4.22 (its cpu backend), one after the other, compared as the Node suite compares them
// (test/compat/outcome.ts). The entry the suite generates imports the programs and hands them to register(); the
// suite calls `compatPrograms.setup(...)` and `compatPrograms.run(suite)` through page.evaluate.
import * as tfjs from '@tensorflow/tfjs';
import * as tn from '../../src/index';
import { compareOutcomes, CPU_CLOSENESS, runWith, type Program, type TF } from '../compat/outcome';

/** One program's run in the page: the difference from TF.js in words (null when none), and its deviation mark. */
export interface PageResult { name: string; difference: string | null; deviation?: string }

const suites = new Map<string, Program[]>();
let backend: 'default' | 'gpu' = 'default';

/** On the gpu backend, float32 kernels on another device: numbers as close as on cpu, and so are those in text. */
const closeness = () => (backend === 'gpu' ? { ...CPU_CLOSENESS, numbersInText: true } : CPU_CLOSENESS);

const isProgramList = (v: unknown): v is Program[] =>
  Array.isArray(v) && v.length > 0 && v.every((p) => typeof p === 'object' && p !== null && typeof p.name === 'string' && typeof p.run === 'function');

/**
 * Takes the suites in the order they run: each a program list, or a program file's exports (all its program lists
 * make one suite).
 */
export function register(given: [string, Program[] | Record<string, unknown>][]): void {
  for (const [name, value] of given) suites.set(name, isProgramList(value) ? value : Object.values(value).filter(isProgramList).flat());
}

const compatPrograms = {
  /** Every registered program's name. */
  programNames(): string[] {
    return [...suites.values()].flatMap((programs) => programs.map((p) => p.name));
  },

  /** Suite name → how many programs it holds, in the order they run. */
  suites(): [string, number][] {
    return [...suites].map(([name, programs]) => [name, programs.length]);
  },

  /**
   * TF.js on its cpu backend (as in Node); tessera on what a page gets without choosing (after tf.ready(), as a
   * TF.js program starts), or on its gpu backend. Resolves to tessera's backend in words.
   */
  async setup(chosen: 'default' | 'gpu'): Promise<string> {
    backend = chosen;
    await tfjs.setBackend('cpu');
    if (chosen === 'gpu') await tn.setBackend('gpu');
    else await tn.ready();
    return tn.getBackend();
  },

  /** Runs a suite's programs (its first `first`, when given), each with TF.js, then with tessera. */
  async run(suite: string, first?: number): Promise<PageResult[]> {
    const programs = suites.get(suite);
    if (!programs) throw new Error(`no suite ${suite}`);
    const out: PageResult[] = [];
    for (const program of programs.slice(0, first)) {
      // Again before each program, as some switch backends themselves.
      await tfjs.setBackend('cpu');
      if (backend === 'gpu') await tn.setBackend('gpu');
      const want = await runWith(program, tfjs as unknown as TF);
      const got = await runWith(program, tn);
      out.push({ name: program.name, difference: compareOutcomes(got, want, closeness()), ...(program.deviation ? { deviation: program.deviation } : {}) });
    }
    // A line per suite on the page, for the suite's screenshot.
    const differ = out.filter((r) => (r.difference !== null) !== Boolean(r.deviation)).length;
    document.body.append(Object.assign(document.createElement('div'), { textContent: `${suite} on ${tn.getBackend()}: ${out.length} programs, ${differ} differ from TF.js` }));
    return out;
  },

  /**
   * What a 2-epoch fit writes to the console at verbose 0, 1 and 2, by console method, with each library: TF.js
   * 4.22's fit logs nothing in a page (its progress bar is tfjs-node's).
   */
  async fitConsole(): Promise<Record<string, Record<string, string[]>>> {
    await tfjs.setBackend('cpu');
    const out: Record<string, Record<string, string[]>> = {};
    for (const [lib, tf] of [['tfjs', tfjs as unknown as TF], ['tessera', tn]] as const) {
      for (const verbose of [0, 1, 2] as const) {
        const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
        model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
        const seen: Record<string, string[]> = { log: [], info: [], warn: [], error: [], debug: [] };
        const kept = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
        for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = (...args: unknown[]) => { seen[method].push(args.map(String).join(' ')); };
        try {
          await model.fit(tf.ones([4, 2]), tf.ones([4, 1]), { epochs: 2, batchSize: 2, verbose });
        } finally {
          Object.assign(console, kept);
        }
        out[`${lib} verbose ${verbose}`] = seen;
      }
    }
    return out;
  },
};

(globalThis as { compatPrograms?: typeof compatPrograms }).compatPrograms = compatPrograms;
