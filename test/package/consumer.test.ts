import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeGpu } from '../gpu/gpu-context';

// The published package as a user gets it: built, packed, installed into a project outside the repo.

const exec = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TFJS_PROGRAMS = join(REPO, 'test/types/programs');
const TIMEOUT_MS = 240_000;

/**
 * The conv model's loss after 12 epochs. Measured (ESM and CJS alike): 0.354 after the first epoch,
 * 9.3e-7 after the third, 5.9e-11 at the end (falling about 10x per epoch early on, 1.1x at the
 * end); this bound is 17x the final value, about two epochs' progress.
 */
const CONV_FINAL_LOSS_MAX = 1e-9;

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
  // d/dx sum(x^3) = 3x^2.
  out.grad = Array.from(tn.grad((x) => tn.sum(tn.mul(x, tn.mul(x, x))))(tn.tensor([1, 2, -3])).dataSync());

  // tidy frees what it does not return, except what keep() marks.
  let inner, kept;
  const tidied = tn.tidy(() => {
    inner = tn.ones([2]);
    kept = tn.keep(tn.mul(inner, 3));
    return tn.add(inner, 1);
  });
  out.tidy = { innerDisposed: inner.isDisposed, keptDisposed: kept.isDisposed, kept: kept.arraySync(), result: tidied.arraySync() };

  // variableGrads over three trainable variables (one frozen): f = sum(v1 * v2 * frozen) + sum(v3^2).
  const v1 = tn.variable(tn.tensor([1, 2]), true, 'v1');
  const v2 = tn.variable(tn.tensor([3, 4]), true, 'v2');
  const v3 = tn.variable(tn.tensor([5]), true, 'v3');
  const frozen = tn.variable(tn.tensor([2, 2]), false, 'frozen');
  const vg = tn.variableGrads(() => tn.add(tn.sum(tn.mul(tn.mul(v1, v2), frozen)), tn.sum(tn.square(v3))));
  out.variableGrads = {
    value: vg.value.arraySync(),
    names: Object.keys(vg.grads).sort(),
    ...Object.fromEntries(['v1', 'v2', 'v3'].map((k) => [k, vg.grads[k] ? vg.grads[k].arraySync() : null])),
  };
  // minimize over two variables, one SGD step of 0.25 on sum((p - 1)^2) + sum((q + 2)^2).
  const p = tn.variable(tn.tensor([0, 3]), true, 'p');
  const q = tn.variable(tn.tensor([0]), true, 'q');
  const cost = tn.train.sgd(0.25).minimize(() => tn.add(tn.sum(tn.square(tn.sub(p, 1))), tn.sum(tn.square(tn.add(q, 2)))), true);
  out.minimize = { cost: cost.arraySync(), p: p.arraySync(), q: q.arraySync() };

  const gc = tn.gradCheck((x) => tn.tanh(tn.mul(x, x)), [tn.tensor([0.3, -1.2, 0.8], undefined, 'float64')]);
  out.gradCheck = { maxError: gc.maxError, checked: gc.checked };

  // A conv model on a task it must learn exactly: class 0 is bright on the left, class 1 on the right.
  tn.setRandomSeed(7);
  const count = 48, side = 8;
  const pixels = new Float32Array(count * side * side);
  const labels = [];
  for (let i = 0; i < count; i++) {
    labels.push(i % 2);
    for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) {
      const bright = (c < side / 2) === (i % 2 === 0);
      pixels[(i * side + r) * side + c] = (bright ? 0.8 : 0.1) + ((i * 7 + r * 13 + c * 5) % 10) / 50;
    }
  }
  const images = tn.tensor(pixels, [count, side, side, 1]);
  const classes = tn.tensor(labels);
  const model = tn.sequential({
    layers: [
      tn.layers.conv2d({ filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu', inputShape: [side, side, 1] }),
      tn.layers.maxPooling2d({ poolSize: 2 }),
      tn.layers.flatten(),
      tn.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tn.train.adam(0.05), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  let epochsSeen = 0;
  const history = await model.fit(images, classes, {
    epochs: 12, batchSize: 8, seed: 1, verbose: 0, validationData: [images, classes],
    callbacks: { onEpochEnd: () => { epochsSeen++; } },
  });
  out.epochsSeen = epochsSeen;
  out.history = history.history;
  out.evaluate = model.evaluate(images, classes).map((t) => t.arraySync());
  const predicted = model.predict(images);
  out.predShape = predicted.shape;
  out.pred = predicted.arraySync();
  const dir = process.cwd() + '/saved-' + FORMAT;
  await model.save('file://' + dir);
  const loaded = await tn.loadLayersModel('file://' + dir + '/model.json');
  out.loadedPred = loaded.predict(images).arraySync();

  const mnist = await tn.data.loadMnist();
  out.mnist = {
    trainImages: mnist.train.images.shape,
    trainLabels: mnist.train.labels.shape,
    testImages: mnist.test.images.shape,
    testLabels: mnist.test.labels.shape,
  };
  out.exports = Object.keys(tn).sort();
  // The default export is the whole surface, Node's io and data included (import tf from '@tensorflow/tfjs' works too).
  out.defaultExport = tnDefault.matMul === tn.matMul && tnDefault.io.fileSystem === tn.io.fileSystem && tnDefault.data.loadMnist === tn.data.loadMnist;
  out.resolved = RESOLVED;
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const ESM_PROLOGUE = `import * as tn from 'tessera';\nimport tnDefault from 'tessera';\nconst RESOLVED = import.meta.resolve('tessera');\nconst FORMAT = 'esm';\n`;
const CJS_PROLOGUE = `const tn = require('tessera');\nconst tnDefault = require('tessera').default;\nconst RESOLVED = require('node:url').pathToFileURL(require.resolve('tessera')).href;\nconst FORMAT = 'cjs';\n`;

/** A typed consumer; compiled as .mts it sees dist/index.d.ts, as .cts dist/index.d.cts; then run. */
const TYPED = `import * as tn from 'tessera';

const a: tn.Tensor = tn.tensor([[1, 2], [3, 4]]);
const product: tn.Tensor = tn.matMul(a, a, false, true);
// Methods the ops layer installs are typed on the class (a module augmentation would not reach the declaration file).
const chained: tn.Tensor = a.dot(a).batchNorm(tn.tensor([0, 0]), tn.tensor([1, 1]));
const dims: readonly number[] = product.shape;
const dx: tn.Tensor = tn.grad((x: tn.Tensor) => tn.sum(tn.square(x)))(a);
const model: tn.Sequential = tn.sequential({ layers: [tn.layers.dense({ units: 1, inputShape: [2] })] });
model.compile({ optimizer: tn.train.adam(0.01), loss: 'meanSquaredError', metrics: ['accuracy'] });
const epochs: number[] = [];
const fitArgs: tn.ModelFitArgs = {
  epochs: 2,
  batchSize: 2,
  verbose: 0,
  callbacks: { onEpochEnd: (epoch: number, logs?: tn.Logs) => { if (logs?.loss !== undefined) epochs.push(epoch); } },
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
  const history: tn.History = await model.fit(a, tn.tensor([[1], [0]]), fitArgs);
  const mnist: tn.data.MnistData = await tn.data.loadMnist();
  const values: Float32Array = mnist.test.labels.dataSync<'float32'>();
  return [history.history.loss.length, history.history.acc.length, ...epochs, values.length, dims.length, dx.rank, chained.rank];
}

/** Never called: these lines only have to fail to compile. */
export function typeErrors(): void {
  // @ts-expect-error matMul takes two tensors.
  tn.matMul(a);
  // @ts-expect-error a dense layer needs units.
  tn.layers.dense({ activation: 'relu' });
}

train().then((r) => console.log(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'node16',
    moduleResolution: 'node16',
    types: ['node'],
    outDir: 'typed-out',
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
  const a = tn.tensor([[1, 2], [3, 4]]);
  const matMul = tn.matMul(a, tn.tensor([[5, 6], [7, 8]])).arraySync();
  const grad = Array.from(tn.grad((x) => tn.sum(tn.mul(x, tn.mul(x, x))))(tn.tensor([1, 2, -3])).dataSync());
  const relu = tn.relu(tn.tensor([-1, 0.5])).arraySync();
  console.log(JSON.stringify({ backend, loss: { cpu, gpu }, matMul, grad, relu }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

interface GpuOutput {
  backend: string;
  loss: { cpu: number; gpu: number };
  matMul: number[][];
  grad: number[];
  relu: number[];
}

interface CheckOutput {
  matMul: number[][];
  matMulTransposeA: number[][];
  isTensor: boolean;
  bigMatMulError: number;
  backend: string;
  grad: number[];
  tidy: { innerDisposed: boolean; keptDisposed: boolean; kept: number[]; result: number[] };
  variableGrads: { value: number; names: string[]; v1: number[]; v2: number[]; v3: number[] };
  minimize: { cost: number; p: number[]; q: number[] };
  gradCheck: { maxError: number; checked: number };
  epochsSeen: number;
  history: Record<string, number[]>;
  evaluate: number[];
  predShape: number[];
  pred: number[][];
  loadedPred: number[][];
  mnist: Record<string, number[]>;
  exports: string[];
  defaultExport: boolean;
  resolved: string;
}

const formats = [
  { name: 'ESM import', prologue: ESM_PROLOGUE, flags: ['--input-type=module'], file: 'node.cjs' },
  { name: 'CommonJS require', prologue: CJS_PROLOGUE, flags: [], file: 'node.cjs' },
] as const;

/** Runs a program against the installed package, in the given module format; its last stdout line is JSON. */
async function runProgram<T>(consumer: string, format: (typeof formats)[number], body: string): Promise<T> {
  const { stdout } = await run(process.execPath, [...format.flags, '-e', format.prologue + body], consumer);
  return JSON.parse(stdout.trim().split(/\r?\n/).pop() ?? '') as T;
}

let root = '';
let consumer = '';
let packedFiles: string[] = [];
let buildLog = '';

/** One build, one pack, one install for every suite below. */
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
  // With the optional dependencies (gpu.js and its gl), as a user's plain `npm install` gets them.
  // Install scripts off: the only one is gl's native build (minutes of C++), which instead reuses
  // the binary this repo's install built from the same gl version (checked below).
  await run(
    'npm',
    ['install', join(root, packed.filename), `typescript@${ts}`, `@types/node@${nodeTypes}`, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'],
    consumer,
  );
  await reuseGlBuild(consumer);
}, TIMEOUT_MS);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Copies the repo's gl native binary into the consumer's gl when both are the same version and the repo's is built. */
async function reuseGlBuild(app: string): Promise<void> {
  const binary = join('build', 'Release', 'webgl.node');
  const from = join(REPO, 'node_modules', 'gl');
  const to = join(app, 'node_modules', 'gl');
  const version = async (dir: string) => (JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  if (!existsSync(join(from, binary)) || !existsSync(to)) return;
  if ((await version(from)) !== (await version(to))) throw new Error(`the consumer's gl ${await version(to)} differs from the repo's ${await version(from)}`);
  await mkdir(join(to, 'build', 'Release'), { recursive: true });
  await copyFile(join(from, binary), join(to, binary));
}

describe('the packed package, installed in a fresh project', () => {
  it('builds without warnings or errors', () => {
    expect(buildLog).toContain('Build success');
    expect(buildLog).not.toMatch(/warn|error/i);
  });

  it('ships both builds (browser: index, ESM and CommonJS; Node: node, CommonJS for both), their types, the script-tag build and nothing else, and installs its optional dependencies', () => {
    const browser = ['.cjs', '.cjs.map', '.d.cts', '.d.ts', '.js', '.js.map'].map((ext) => `dist/index${ext}`);
    const node = ['.cjs', '.cjs.map', '.d.cts'].map((ext) => `dist/node${ext}`);
    expect(packedFiles).toEqual(['README.md', ...browser, ...node, 'dist/tessera.min.js', 'package.json']);
    expect(existsSync(join(consumer, 'node_modules', 'gpu.js', 'package.json'))).toBe(true);
  });

  const outputs = new Map<string, CheckOutput>();

  it.each(formats)('$name: tensors, grads, tidy/keep, variableGrads/minimize, gradCheck, a conv model fit/evaluate/predict/save/load, loadMnist', async (format) => {
    const out = await runProgram<CheckOutput>(consumer, format, CHECKS);
    outputs.set(format.name, out);
    expect(out.resolved).toBe(`file://${join(consumer, 'node_modules', 'tessera', 'dist', format.file)}`);
    expect(out.matMul).toEqual([[19, 22], [43, 50]]);
    expect(out.matMulTransposeA).toEqual([[26, 30], [38, 44]]);
    expect(out.isTensor).toBe(true);
    expect(out.bigMatMulError).toBe(0);
    // The WebAssembly SIMD kernels, not the plain-JS fallback.
    expect(out.backend).toMatch(/^cpu \(wasm-simd\b/);
    expect(out.grad).toEqual([3, 12, 27]);
    expect(out.tidy).toEqual({ innerDisposed: true, keptDisposed: false, kept: [3, 3], result: [2, 2] });
    // cost before the step = 1 + 4 + 4; p -= 0.25 * 2 (p - 1), q -= 0.25 * 2 (q + 2).
    expect(out.minimize).toEqual({ cost: 9, p: [0.5, 2], q: [-1] });
    expect(out.gradCheck.checked).toBe(3);
    expect(out.gradCheck.maxError).toBeLessThan(1e-8);

    expect(out.epochsSeen).toBe(12);
    expect(Object.keys(out.history).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    for (const series of Object.values(out.history)) expect(series).toHaveLength(12);
    expect(out.history.loss[0]).toBeGreaterThan(0.1);
    const [loss, accuracy] = out.evaluate;
    expect(accuracy).toBe(1);
    expect(loss).toBeLessThan(CONV_FINAL_LOSS_MAX);
    // Evaluating on the validation set after the last epoch is what val_loss reported for that epoch.
    expect(Math.abs(out.history.val_loss[11] - loss)).toBeLessThan(1e-5 * loss);
    expect(out.predShape).toEqual([48, 2]);
    out.pred.forEach((row, i) => {
      expect(row[0] + row[1]).toBeCloseTo(1, 6);
      expect(row[i % 2], `sample ${i}`).toBeGreaterThan(0.5);
    });
    // Saved to file:// and loaded back: the very same predictions.
    expect(out.loadedPred).toEqual(out.pred);
    expect(out.mnist).toEqual({ trainImages: [60000, 28, 28, 1], trainLabels: [60000], testImages: [10000, 28, 28, 1], testLabels: [10000] });
    // value = (1*3 + 2*4) * 2 + 25; d/dv1 = 2 v2, d/dv2 = 2 v1, d/dv3 = 2 v3; frozen gets none.
    expect(out.variableGrads).toEqual({ value: 47, names: ['v1', 'v2', 'v3'], v1: [6, 8], v2: [2, 4], v3: [10] });
    expect(out.defaultExport).toBe(true);
  }, TIMEOUT_MS);

  it('an ES module and a CommonJS module it uses get one library: one Tensor class, one engine, one memory count', async () => {
    await writeFile(join(consumer, 'uses-tensors.cjs'), "const tn = require('tessera');\nmodule.exports = { isTensor: (t) => t instanceof tn.Tensor, count: () => tn.memory().numTensors, flat: (t) => tn.reshape(t, [-1]).arraySync(), lib: tn };\n");
    const program = [
      "import * as tn from 'tessera';",
      "import tnDefault from 'tessera';",
      "import { createRequire } from 'node:module';",
      "const lib = createRequire(import.meta.url)('./uses-tensors.cjs');",
      'const t = tn.tensor([[1, 2], [3, 4]]);',
      'console.log(JSON.stringify({ isTensor: lib.isTensor(t), counts: [tn.memory().numTensors, lib.count()], flat: lib.flat(t), same: lib.lib === tnDefault && lib.lib.Tensor === tn.Tensor }));',
    ].join('\n');
    await writeFile(join(consumer, 'one-library.mjs'), program);
    const { stdout } = await run(process.execPath, [join(consumer, 'one-library.mjs')], consumer);
    expect(JSON.parse(stdout.trim().split(/\r?\n/).pop() ?? '')).toEqual({ isTensor: true, counts: [1, 1], flat: [1, 2, 3, 4], same: true });
  }, TIMEOUT_MS);

  it('ESM and CommonJS export the same names and compute identically', () => {
    const esm = outputs.get('ESM import');
    const cjs = outputs.get('CommonJS require');
    expect(esm && cjs).toBeTruthy();
    const { resolved: _e, ...esmRest } = esm!;
    const { resolved: _c, ...cjsRest } = cjs!;
    expect(cjsRest).toEqual(esmRest);
  });

  it('type-checks a strict consumer and the TF.js programs of test/types against the declaration files, and runs it', async () => {
    await writeFile(join(consumer, 'esm.mts'), TYPED);
    await writeFile(join(consumer, 'cjs.cts'), TYPED);
    // test/types checks these against the sources; here, with the import line changed, against what is published.
    const names = (await readdir(TFJS_PROGRAMS)).filter((f) => f.endsWith('.ts'));
    const programs = names.map((f) => join('tfjs-programs', f.replace(/\.ts$/, '.mts')));
    await mkdir(join(consumer, 'tfjs-programs'));
    for (const [i, name] of names.entries()) {
      const source = await readFile(join(TFJS_PROGRAMS, name), 'utf8');
      await writeFile(join(consumer, programs[i]), source.replace("from '@tensorflow/tfjs';", "from 'tessera';"));
    }
    await writeFile(join(consumer, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files: [...TSCONFIG.files, ...programs] }));
    // A passing run proves both the uses and the @ts-expect-error lines (an unused one is an error).
    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    const files = (await run(process.execPath, [tsc, '-p', consumer, '--listFiles'], consumer)).stdout.split(/\r?\n/);
    // Each entry point must have brought in its own declarations.
    const dist = join(consumer, 'node_modules', 'tessera', 'dist');
    expect(files).toContain(join(dist, 'node.d.cts'));
    for (const compiled of ['esm.mjs', 'cjs.cjs']) {
      const { stdout } = await run(process.execPath, [join(consumer, 'typed-out', compiled)], consumer);
      // loss and acc per epoch (2 each), the epochs the callback saw, 10,000 test labels, a matrix, a gradient of rank 2, a chained matrix.
      expect(JSON.parse(stdout.trim().split(/\r?\n/).pop() ?? ''), compiled).toEqual([2, 2, 0, 1, 10000, 2, 2, 2]);
    }
  }, TIMEOUT_MS);
});

describeGpu('the packed package on the gpu backend (gpu.js and gl installed as optional dependencies)', () => {
  it.each(formats)('$name: setBackend(\'gpu\') loads gpu.js, computes exactly, and one training step matches cpu', async (format) => {
    const out = await runProgram<GpuOutput>(consumer, format, GPU_CHECKS);
    expect(out.backend).toMatch(/^gpu \(headlessgl, .+\)$/);
    expect(out.matMul).toEqual([[19, 22], [43, 50]]);
    expect(out.grad).toEqual([3, 12, 27]);
    expect(out.relu).toEqual([0, 0.5]);
    expect(Number.isFinite(out.loss.gpu)).toBe(true);
    expect(Math.abs(out.loss.gpu - out.loss.cpu)).toBeLessThanOrEqual(1e-4 * Math.abs(out.loss.cpu));
  }, TIMEOUT_MS);
});
