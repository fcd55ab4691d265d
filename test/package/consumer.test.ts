import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The published package as a user gets it: built, packed, installed into a project outside the repo.

const exec = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT_MS = 240_000;

/** Runs a command to completion: its stdout, and stdout with stderr (for logs); the error carries both. */
async function run(cmd: string, args: string[], cwd: string): Promise<{ stdout: string; all: string }> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, all: stdout + stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}

/** The versions this repo's lockfile installed, so the consumer's install is served from the npm cache. */
async function installedVersion(name: string): Promise<string> {
  return (JSON.parse(await readFile(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Exercises the public API and prints the results as one JSON line; `tn` is bound by the
 * ESM or CommonJS prologue. Every number asserted exactly is exact in float32.
 */
const CHECKS = `
(async () => {
  const out = {};
  const a = tn.tensor([[1, 2], [3, 4]]);
  const b = tn.tensor([[5, 6], [7, 8]]);
  const ab = tn.matMul(a, b);
  out.matMul = ab.arraySync();
  out.matMulTransposeA = tn.matMul(a, b, true, false).arraySync();
  out.isTensor = ab instanceof tn.Tensor;
  // Large enough for the WebAssembly GEMM and its worker threads; small integers keep float32 exact.
  const n = 192;
  const av = Float32Array.from({ length: n * n }, (_, i) => ((i * 7) % 5) - 2);
  const bv = Float32Array.from({ length: n * n }, (_, i) => ((i * 3) % 7) - 3);
  const big = tn.matMul(tn.tensor(av, [n, n]), tn.tensor(bv, [n, n])).dataSync();
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += av[i * n + k] * bv[k * n + j];
      worst = Math.max(worst, Math.abs(big[i * n + j] - s));
    }
  }
  out.bigMatMulError = worst;
  out.backend = tn.getBackend();
  // The optional gpu.js was left out of this install: the switch must fail plainly and change nothing.
  out.gpuMissing = await tn.setBackend('gpu').then(() => 'switched', (e) => e.message);
  out.backendAfterGpu = tn.getBackend();
  // d/dx sum(x^3) = 3x^2.
  out.grad = Array.from(tn.grad((x) => tn.sum(tn.mul(x, tn.mul(x, x))))(tn.tensor([1, 2, -3])).dataSync());

  tn.setRandomSeed(7);
  const model = tn.sequential({
    layers: [
      tn.layers.dense({ units: 8, activation: 'relu', inputShape: [2] }),
      tn.layers.dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer: tn.train.adam(0.05), loss: 'meanSquaredError' });
  // y = x0 - 2 x1 on a 4x4 grid.
  const xs = [];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) xs.push([i / 3, j / 3]);
  const x = tn.tensor(xs);
  const y = tn.tensor(xs.map(([p, q]) => [p - 2 * q]));
  let epochsSeen = 0;
  const history = await model.fit(x, y, { epochs: 30, batchSize: 4, seed: 1, verbose: 0, callbacks: { onEpochEnd: () => { epochsSeen++; } } });
  out.epochsSeen = epochsSeen;
  out.loss = history.history.loss;
  const pred = model.predict(x);
  out.predShape = pred.shape;
  out.predFinite = Array.from(pred.dataSync()).every(Number.isFinite);

  const mnist = await tn.data.loadMnist();
  out.mnist = {
    trainImages: mnist.train.images.shape,
    trainLabels: mnist.train.labels.shape,
    testImages: mnist.test.images.shape,
    testLabels: mnist.test.labels.shape,
  };
  out.exports = Object.keys(tn).sort();
  out.resolved = RESOLVED;
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const ESM = `import * as tn from 'tessera';\nconst RESOLVED = import.meta.resolve('tessera');\n${CHECKS}`;
const CJS = `const tn = require('tessera');\nconst RESOLVED = require('node:url').pathToFileURL(require.resolve('tessera')).href;\n${CHECKS}`;

/** A typed consumer; compiled as .mts it sees dist/index.d.ts, as .cts dist/index.d.cts. */
const TYPED = `import * as tn from 'tessera';

const a: tn.Tensor = tn.tensor([[1, 2], [3, 4]]);
const product: tn.Tensor = tn.matMul(a, a, false, true);
const dims: readonly number[] = product.shape;
const dx: tn.Tensor = tn.grad((x: tn.Tensor) => tn.sum(tn.square(x)))(a);
const model: tn.Sequential = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2] })] });
model.compile({ optimizer: tn.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mse'] });
const fitArgs: tn.ModelFitArgs = {
  epochs: 1,
  batchSize: 2,
  verbose: 0,
  callbacks: { onEpochEnd: (epoch: number, logs?: tn.Logs) => console.log(epoch, logs?.loss) },
};

export async function train(): Promise<number[]> {
  const switched: boolean = await tn.setBackend('cpu');
  await tn.ready();
  const pixels: tn.Tensor = tn.browser.fromPixels({ data: new Uint8Array(4), width: 1, height: 1 }, 4);
  const rgba: Uint8ClampedArray = await tn.browser.toPixels(tn.tensor([[0.5]]));
  const handler: tn.io.IOHandler = tn.io.http('https://example.com/model.json', { requestInit: { headers: {} }, fetchFunc: fetch });
  const saved: tn.io.IOHandler = tn.io.fileSystem('/tmp/model');
  const stored: Record<string, tn.io.ModelArtifactsInfo> = await tn.io.listModels();
  console.log(switched, pixels.shape, rgba.length, handler, saved, stored);
  const history: tn.History = await model.fit(a, tn.tensor([[1], [2]]), fitArgs);
  const mnist: tn.data.MnistData = await tn.data.loadMnist();
  const values: Float32Array | Float64Array = mnist.test.labels.dataSync();
  return [...history.history.loss, values.length, dims.length, dx.rank];
}

// @ts-expect-error matMul takes Tensors, not strings.
tn.matMul('a', a);
// @ts-expect-error a dense layer needs units.
tn.layers.dense({ activation: 'relu' });
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'node16',
    moduleResolution: 'node16',
    types: ['node'],
    noEmit: true,
    // The package's declarations must compile too.
    skipLibCheck: false,
  },
  files: ['esm.mts', 'cjs.cts'],
};

/**
 * One training step on the gpu backend against the same step on cpu. setBackend('gpu') is not
 * awaited: ready() waits for gpu.js to load, as a TF.js program would.
 */
const GPU_CHECKS = `
(async () => {
  const step = async () => {
    tn.setRandomSeed(3);
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 8, activation: 'relu', inputShape: [3] }), tn.layers.dense({ units: 1 })] });
    model.compile({ optimizer: tn.train.sgd(0.1), loss: 'meanSquaredError' });
    const x = tn.tensor([[0, 1, 2], [1, 0, -1], [2, 2, 0], [-1, 1, 1]]);
    const y = tn.tensor([[1], [0], [2], [-1]]);
    await model.trainOnBatch(x, y);
    // The second step's loss is computed with the weights the first step updated.
    return model.trainOnBatch(x, y);
  };
  const cpu = await step();
  tn.setBackend('gpu');
  await tn.ready();
  const backend = tn.getBackend();
  const gpu = await step();
  console.log(JSON.stringify({ backend, loss: { cpu, gpu } }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const gpuFormats = [
  ['ESM import', ['--input-type=module', '-e', `import * as tn from 'tessera';\n${GPU_CHECKS}`]],
  ['CommonJS require', ['-e', `const tn = require('tessera');\n${GPU_CHECKS}`]],
] as const;

/** Why the gpu consumer test cannot run here ('' when it can); under CI a missing prerequisite fails it instead. */
function gpuSkipReason(): string {
  let reason = '';
  try {
    createRequire(import.meta.url)('gl');
  } catch (e) {
    reason = `the gl package does not load: ${(e as Error).message.split('\n')[0]}`;
  }
  if (!reason && !process.env.DISPLAY) reason = 'no X display (run under xvfb-run -a)';
  if (reason && process.env.CI === 'true') throw new Error(`gpu consumer test: ${reason}`);
  if (reason) console.warn(`[gpu consumer test skipped] ${reason}`);
  return reason ? ` (skipped: ${reason})` : '';
}
const GPU_SKIP = gpuSkipReason();

/**
 * gpu.js and gl as the repo installed them (gl compiles natively for minutes): the consumer's
 * optional dependencies were left out of its install.
 */
async function linkGpuPackages(consumer: string): Promise<void> {
  for (const name of ['gpu.js', 'gl']) {
    await symlink(join(REPO, 'node_modules', name), join(consumer, 'node_modules', name), 'dir').catch((e: { code?: string }) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
}

interface CheckOutput {
  matMul: number[][];
  matMulTransposeA: number[][];
  isTensor: boolean;
  bigMatMulError: number;
  backend: string;
  gpuMissing: string;
  backendAfterGpu: string;
  grad: number[];
  epochsSeen: number;
  loss: number[];
  predShape: number[];
  predFinite: boolean;
  mnist: Record<string, number[]>;
  exports: string[];
  resolved: string;
}

describe('the packed package, installed in a fresh project', () => {
  let root = '';
  let consumer = '';
  let packedFiles: string[] = [];
  let buildLog = '';

  beforeAll(async () => {
    // realpath: macOS's tmpdir is a symlink, and module resolution reports real paths.
    root = await realpath(await mkdtemp(join(tmpdir(), 'tessera-consumer-')));
    buildLog = (await run('npm', ['run', 'build'], REPO)).all;
    // Scripts off: prepack would only build again, and its log would corrupt the JSON on stdout.
    const packJson = (await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], REPO)).stdout;
    const [packed] = JSON.parse(packJson) as { filename: string; files: { path: string }[] }[];
    packedFiles = packed.files.map((f) => f.path).sort();
    consumer = join(root, 'app');
    await mkdir(consumer);
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'app', private: true, version: '1.0.0' }));
    const [ts, nodeTypes] = await Promise.all([installedVersion('typescript'), installedVersion('@types/node')]);
    await run(
      'npm',
      ['install', join(root, packed.filename), `typescript@${ts}`, `@types/node@${nodeTypes}`, '--no-audit', '--no-fund', '--prefer-offline', '--omit=optional', '--loglevel=error'],
      consumer,
    );
  }, TIMEOUT_MS);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('builds without warnings or errors', () => {
    expect(buildLog).toContain('Build success');
    expect(buildLog).not.toMatch(/warn|error/i);
  });

  it('ships both builds (browser: index, Node: node), their types and nothing else', () => {
    const builds = ['index', 'node'].flatMap((b) => ['.cjs', '.cjs.map', '.d.cts', '.d.ts', '.js', '.js.map'].map((ext) => `dist/${b}${ext}`));
    expect(packedFiles).toEqual(['README.md', ...builds, 'package.json']);
  });

  // Node resolves the package's 'node' condition: the build with file:// and the MNIST files.
  const formats = [
    ['ESM import', ['--input-type=module', '-e', ESM], 'node.js'],
    ['CommonJS require', ['-e', CJS], 'node.cjs'],
  ] as const;

  const outputs = new Map<string, CheckOutput>();

  it.each(formats)('%s: matMul, grad, fit/predict and loadMnist work', async (name, args, file) => {
    const out = JSON.parse((await run(process.execPath, [...args], consumer)).stdout) as CheckOutput;
    outputs.set(name, out);
    expect(out.resolved).toBe(`file://${join(consumer, 'node_modules', 'tessera', 'dist', file)}`);
    expect(out.matMul).toEqual([[19, 22], [43, 50]]);
    expect(out.matMulTransposeA).toEqual([[26, 30], [38, 44]]);
    expect(out.isTensor).toBe(true);
    expect(out.bigMatMulError).toBe(0);
    expect(out.backend).toMatch(/^cpu/);
    expect(out.gpuMissing).toMatch(/^gpu backend unavailable: the optional package gpu.js could not be loaded \(install it: npm install gpu.js\): Cannot find (package|module) 'gpu.js'/);
    expect(out.backendAfterGpu).toBe(out.backend);
    expect(out.grad).toEqual([3, 12, 27]);
    expect(out.epochsSeen).toBe(30);
    expect(out.loss).toHaveLength(30);
    expect(out.loss.every(Number.isFinite)).toBe(true);
    // A linear target a 2-layer net fits easily: the loss must fall by far.
    expect(out.loss[29]).toBeLessThan(out.loss[0] / 10);
    expect(out.predShape).toEqual([16, 1]);
    expect(out.predFinite).toBe(true);
    expect(out.mnist).toEqual({ trainImages: [60000, 28, 28, 1], trainLabels: [60000], testImages: [10000, 28, 28, 1], testLabels: [10000] });
  }, TIMEOUT_MS);

  it('ESM and CommonJS export the same names and train identically', () => {
    const esm = outputs.get('ESM import');
    const cjs = outputs.get('CommonJS require');
    expect(esm && cjs).toBeTruthy();
    expect(cjs!.exports).toEqual(esm!.exports);
    expect(cjs!.loss).toEqual(esm!.loss);
  });

  it('type-checks a strict consumer against both declaration files', async () => {
    await writeFile(join(consumer, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    await writeFile(join(consumer, 'esm.mts'), TYPED);
    await writeFile(join(consumer, 'cjs.cts'), TYPED);
    // A passing run proves both the uses and the @ts-expect-error lines (an unused one is an error).
    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    const files = (await run(process.execPath, [tsc, '-p', consumer, '--listFiles'], consumer)).stdout.split(/\r?\n/);
    // Each entry point must have brought in its own declarations.
    const dist = join(consumer, 'node_modules', 'tessera', 'dist');
    expect(files).toContain(join(dist, 'node.d.ts'));
    expect(files).toContain(join(dist, 'node.d.cts'));
  }, TIMEOUT_MS);

  describe.skipIf(GPU_SKIP !== '')(`the gpu backend${GPU_SKIP}`, () => {
    it.each(gpuFormats)('%s: setBackend(gpu) loads gpu.js and one training step matches cpu', async (_name, args) => {
      await linkGpuPackages(consumer);
      const out = JSON.parse((await run(process.execPath, [...args], consumer)).stdout) as { backend: string; loss: { cpu: number; gpu: number } };
      expect(out.backend).toMatch(/^gpu \(headlessgl, /);
      expect(Number.isFinite(out.loss.gpu)).toBe(true);
      expect(Math.abs(out.loss.gpu - out.loss.cpu)).toBeLessThanOrEqual(1e-4 * Math.abs(out.loss.cpu));
    }, TIMEOUT_MS);
  });
});
