import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageResult } from './compat-page';
import { screenshot } from './chromium';
import { describeBrowser, openBrowser } from './suite';

// The compatibility programs of the Node suite (test/compat/programs), run in headless Chromium: each with tessera and
// with TF.js 4.22 (cpu backend) in the same page, compared as in Node (test/compat/outcome.ts).

const COMPAT = fileURLToPath(new URL('../compat/', import.meta.url));
const PAGE = fileURLToPath(new URL('./compat-page.ts', import.meta.url));

/** A suite as the page runs it: its name, its program file (in test/compat/programs), and the export holding it ('*': all). */
interface Suite { name: string; file: string; list: string }

/**
 * The Node suite's program lists in its order (compat.test.ts's `suites`: name counters such as sequential_N run on
 * across programs, so the page repeats Node's sequence), then any program file it does not list. A file importing
 * a Node built-in (`from 'node:…'`) does not bundle for a page: its suites run in Node only.
 */
async function pageSuites(): Promise<{ suites: Suite[]; nodeOnly: string[] }> {
  const node = await readFile(join(COMPAT, 'compat.test.ts'), 'utf8');
  const fileOf = new Map<string, string>();
  for (const [, names, file] of node.matchAll(/import \{([^}]+)\} from '\.\/programs\/([\w-]+)';/g)) for (const name of names.split(',')) fileOf.set(name.trim(), file);
  const listed = /const suites: Record<string, Program\[\]> = \{([^}]+)\}/.exec(node)?.[1].split(',').map((n) => n.trim()).filter(Boolean) ?? [];
  const files = (await readdir(join(COMPAT, 'programs'))).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
  const nodeOnly = new Set<string>();
  for (const file of files) if (/from\s+['"]node:/.test(await readFile(join(COMPAT, 'programs', `${file}.ts`), 'utf8'))) nodeOnly.add(file);
  const inNode = listed.map((name) => ({ name, file: fileOf.get(name) as string, list: name }));
  const unlisted = files.filter((f) => !inNode.some((s) => s.file === f)).map((file) => ({ name: file, file, list: '*' }));
  const all = [...inNode, ...unlisted];
  return { suites: all.filter((s) => !nodeOnly.has(s.file)), nodeOnly: all.filter((s) => nodeOnly.has(s.file)).map((s) => s.name) };
}

/** An entry that imports the suites and registers them, in order, with the page runner; removed by close(). */
async function programsEntry(suites: Suite[]): Promise<{ path: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-compat-entry-'));
  const path = join(dir, 'compat-programs.ts');
  const source = (s: Suite) => JSON.stringify(join(COMPAT, 'programs', `${s.file}.ts`));
  const lines = [
    `import { register } from ${JSON.stringify(PAGE)};`,
    ...suites.map((s, i) => (s.list === '*' ? `import * as s${i} from ${source(s)};` : `import { ${s.list} as s${i} } from ${source(s)};`)),
    `register([${suites.map((s, i) => `[${JSON.stringify(s.name)}, s${i}]`).join(', ')}]);`,
  ];
  await writeFile(path, `${lines.join('\n')}\n`);
  return { path, close: () => rm(dir, { recursive: true, force: true }) };
}

type Opened = Awaited<ReturnType<typeof openBrowser>>;

/**
 * Why a program's memory().numTensors before and after a fit differ from TF.js's at times: tessera uncounts tensors the
 * garbage collector frees undisposed (TF.js never does), and earlier programs' leaks may be freed during the fit.
 * SwiftShader's run makes more garbage, so the collector runs at other times than on cpu.
 */
const BACKEND_NAME = "engine().backendName is the backend tessera runs on, 'gpu', where TF.js runs on 'cpu'";
const GPU_BYTES = "memory() on the gpu backend has numBytesInGPU, as on TF.js's webgl backend; TF.js's cpu backend has none";
const COLLECTED = "earlier programs' leaked tensors, freed by the garbage collector during this program's fit, leave tessera's numTensors";

/**
 * Programs that differ from TF.js (on its cpu backend) on tessera's gpu backend only, for no tessera bug, by name:
 * why, and whether they must go on differing (`always`: a difference by design, so a match means something changed)
 * or may (float32 rounding that the device decides, or the garbage collector's timing).
 */
const GPU_DEVIATIONS: Record<string, { reason: string; always: boolean }> = {
  'tf.backend() and await tf.ready() as a program starts; tf.engine().backendName names the backend': {
    reason: BACKEND_NAME, always: true,
  },
  'tf.util helpers, tf.memory, tf.time and tf.env results': {
    reason: GPU_BYTES, always: true,
  },
  'an undefined value stores NaN (a CSV row\'s missing cell), as TF.js; memory() logs its keys in TF.js\'s order': {
    reason: GPU_BYTES, always: true,
  },
  'int32 tensors store values as an Int32Array does: truncated, wrapped, NaN and Infinity as 0': {
    reason: "int32 ops run in float32 shaders, as on TF.js's webgl backend: exact to 2^24, so 2^31 - 1 + 1 and (2^31 - 1)·2 round before they wrap", always: true,
  },
  "a softmax classifier's predictions print as TF.js's, to the last digit": {
    reason: "the program counts softmax values not bitwise equal to float32 rounding on the host; the device's exp is not correctly rounded", always: true,
  },
  'timeDistributed over conv2d, then batchNormalization, in a fitted model; weights and predictions': {
    reason: 'float32 rounding amplified by an ill-conditioned step: on the cpu backend, the input scaled by 1 ± 1e-7 moves the second loss by up to 5e-4 relative (3.90745 to 3.90536), more than the gpu backend moves it (3e-4)',
    always: false,
  },
  'tf.memory() across compile by optimizer name, fit and dispose, and the names of the optimizer state fit made': { reason: COLLECTED, always: false },
  'webcam-transfer-learning: embeddings from a truncated model, a growing kept dataset, a sequential head, tidy predictions': { reason: COLLECTED, always: false },
  "engine: backendName, the backend's float precision and epsilon, and registeredVariables by name": {
    reason: BACKEND_NAME, always: true,
  },
  'sum and mean of many float32 values, and a sum of values of very different sizes': {
    reason: 'the gpu sums in float32, as TF.js\'s webgl backend: 1e8 + 1 - 1e8 is 0 there, where the cpu kernels (and TF.js\'s cpu backend) sum in float64 and give 1', always: true,
  },
  'cumsum and bincount of 20,000 float32 tenths: each running sum held in float32, as TF.js stores it': {
    reason: "the gpu's cumsum adds blocks of 4,096 and then their offsets (its threads may not loop further), so its float32 rounding differs from one running sum: 1999.18 against TF.js's 1998.76 for 20,000 tenths (exactly 2,000)", always: true,
  },
  'tf.engine().registeredVariables and disposeVariables around a model and loose variables': {
    reason: "tessera's registeredVariables holds variables weakly; an earlier program's undisposed model may be collected before this program lists them", always: false,
  },
};

/**
 * Each program that differs from TF.js without a deviation mark (the program's, or on gpu GPU_DEVIATIONS'), or has
 * one that says it always differs and no longer does, in words.
 */
function failures(results: PageResult[], backend: 'default' | 'gpu'): string[] {
  return results.flatMap((r) => {
    const gpu = backend === 'gpu' ? GPU_DEVIATIONS[r.name] : undefined;
    const mark = r.deviation ? { reason: r.deviation, always: true } : gpu;
    if (!mark) return r.difference === null ? [] : [`${r.name}: ${r.difference}`];
    return mark.always && r.difference === null ? [`${r.name}: marked as a deviation (${mark.reason}) but matches TF.js`] : [];
  });
}

const { suites, nodeOnly } = await pageSuites();

/** How many programs of each suite the gpu run takes by default. */
const GPU_FIRST = 1;

/** Opens a page with the runner on `backend`, and checks every suite's programs (or its first `first`) in it. */
function programsIn(title: string, opts: { isolated: boolean; backend: 'default' | 'gpu'; describes: RegExp; first?: number }): void {
  describe(title, () => {
    let o: Opened;
    let entry: Awaited<ReturnType<typeof programsEntry>>;
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      entry = await programsEntry(suites);
      o = await openBrowser({ isolated: opts.isolated, scripts: { '/compat-programs.js': entry.path } }, { webgl: opts.backend === 'gpu' });
      ({ page, errors } = await o.browser.newPage());
      await page.goto(`${o.server.url}/bare.html`);
      await page.evaluate(`import('/compat-programs.js').then(() => true)`);
      const described = await page.evaluate(`compatPrograms.setup(${JSON.stringify(opts.backend)})`) as string;
      const registered = await page.evaluate('compatPrograms.suites()') as [string, number][];
      const names = await page.evaluate('compatPrograms.programNames()') as string[];
      expect(registered.map(([name]) => name)).toEqual(suites.map((s) => s.name));
      const total = registered.reduce((n, [, count]) => n + count, 0);
      const run = registered.reduce((n, [, count]) => n + Math.min(count, opts.first ?? count), 0);
      console.info(`[browser] compat programs on ${described}: ${run} of ${total} in ${registered.length} suites`);
      expect(described).toMatch(opts.describes);
      // A renamed program would leave its gpu mark behind, unused.
      if (opts.backend === 'gpu') expect(Object.keys(GPU_DEVIATIONS).filter((name) => !names.includes(name))).toEqual([]);
    });
    afterAll(async () => {
      if (page) await screenshot(page, `compat-programs-${opts.backend}-${opts.isolated ? 'isolated' : 'not-isolated'}.png`);
      await o?.close();
      await entry?.close();
    });

    // All of a suite on SwiftShader takes minutes (examplesA 100 s on 2 cores), near the browser suites' 180 s default.
    const timeout = opts.backend === 'gpu' && opts.first === undefined ? 1_800_000 : undefined;
    for (const { name } of suites) {
      it(name, async () => {
        const results = await page.evaluate(`compatPrograms.run(${JSON.stringify(name)}, ${JSON.stringify(opts.first)})`) as PageResult[];
        expect(results.length).toBeGreaterThan(0);
        expect(failures(results, opts.backend).join('\n\n')).toBe('');
        expect(errors).toEqual([]);
      }, timeout);
    }
  });
}

describeBrowser('the compatibility programs in Chromium, tessera against TF.js 4.22 in the same page', () => {
  it('runs every suite of the Node run but those of files importing Node built-ins', () => {
    expect(nodeOnly).toEqual(['coresurface']);
    expect(suites.length).toBeGreaterThan(40);
    expect(suites.every((s) => s.file !== undefined)).toBe(true);
  });

  it('fit logs nothing at any verbose in a page, to no console level, as TF.js 4.22', async () => {
    const entry = await programsEntry([]);
    const o = await openBrowser({ isolated: false, scripts: { '/compat-programs.js': entry.path } });
    try {
      const { page, errors } = await o.browser.newPage();
      await page.goto(`${o.server.url}/bare.html`);
      await page.evaluate(`import('/compat-programs.js').then(() => true)`);
      const seen = await page.evaluate('compatPrograms.fitConsole()') as Record<string, Record<string, string[]>>;
      const silent = { log: [], info: [], warn: [], error: [], debug: [] };
      for (const verbose of [0, 1, 2]) {
        expect(seen[`tfjs verbose ${verbose}`], `TF.js at verbose ${verbose}`).toEqual(silent);
        expect(seen[`tessera verbose ${verbose}`], `tessera at verbose ${verbose}`).toEqual(silent);
      }
      expect(errors).toEqual([]);
    } finally {
      await o.close();
      await entry.close();
    }
  });

  programsIn('a cross-origin-isolated page: the cpu backend on Web Workers', { isolated: true, backend: 'default', describes: /^cpu \(wasm-simd, (up to \d+ threads, web workers|1 thread)\)$/ });
  programsIn('a page that is not cross-origin isolated: the cpu backend on one thread', { isolated: false, backend: 'default', describes: /^cpu \(wasm-simd, 1 thread: the page is not cross-origin isolated\)$/ });
  // SwiftShader compiles a shader per op and shape: every program takes about ten minutes on 2 cores, so `npm test`
  // runs the first GPU_FIRST of each suite, and TESSERA_BROWSER_GPU_ALL=1 all of them.
  programsIn('the gpu backend (WebGL2 on SwiftShader), against TF.js on its cpu backend', {
    isolated: false, backend: 'gpu', describes: /^gpu /, first: process.env.TESSERA_BROWSER_GPU_ALL === '1' ? undefined : GPU_FIRST,
  });
});
