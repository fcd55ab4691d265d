// Page-side checks for the Chromium suites, served as /page-checks.js next to /tessera.js (one shared library
// instance): each is a function on window.tesseraChecks that a suite calls through page.evaluate.
import * as tn from '../../src/index';
import { createSimdGemm, WasmRuntime } from '../../kernels/cpu/wasm/index';
import { seedModel } from '../../examples/seed-model';
import { runIoChecks, type IoCheckResult } from './io-checks';

/** Deterministic values in [0, 1). */
const values = (n: number, seed: number): Float32Array => Float32Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 104729) % 1009) / 1009);

const checks = {
  /**
   * What the page offers, what the library's cpu backend says it runs, and whether the kernels' memory keeps
   * tensors resident (no copies in and out of each call).
   */
  environment(): { isolated: boolean; sharedArrayBuffer: boolean; cores: number; backend: string; residentMemory: boolean } {
    const runtime = new WasmRuntime({ mr: 4, nr: 8, fma: false }, 1);
    const probe = runtime.heap.allocF32(16);
    runtime.terminate();
    return {
      isolated: crossOriginIsolated,
      sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
      cores: navigator.hardwareConcurrency,
      backend: tn.getBackend(),
      residentMemory: probe !== undefined && runtime.heap.isResident(probe),
    };
  },

  /**
   * A product large enough to split, on one thread and then on two Web Workers' help: whether the workers
   * started, and whether the two results are the same bits.
   */
  async gemmThreads(): Promise<{ threads: number; identical: boolean; maxValue: number }> {
    const [m, n, k] = [192, 160, 300];
    const a = values(m * k, 1), b = values(k * n, 2);
    const g = createSimdGemm();
    const run = (): Float32Array => {
      const c = new Float32Array(m * n);
      g.gemm(a, b, c, m, n, k, false, false, false);
      return c;
    };
    await g.setThreads(1);
    const one = run();
    await g.setThreads(2);
    const threads = g.threads;
    const two = run();
    g.terminate();
    return { threads, identical: one.every((v, i) => Object.is(v, two[i])), maxValue: Math.max(...one) };
  },

  /** The io and pixel checks against the page's real IndexedDB, localStorage, canvas, File and fetch. */
  io(modelUrl: string): Promise<IoCheckResult[]> {
    return runIoChecks(tn, { modelUrl });
  },

  /** The model at `url` (http), loaded and run on `input` ([n, ...inputShape] values): its outputs. */
  async predictFromUrl(url: string, input: number[], shape: number[]): Promise<number[]> {
    const model = await tn.loadLayersModel(url);
    const out = Array.from((model.predict(tn.tensor(Float32Array.from(input), shape)) as tn.Tensor).dataSync());
    model.dispose();
    return out;
  },

  /** The seed model's forward pass on the cpu backend, then on the gpu backend: the largest difference. */
  async gpuForward(): Promise<{ cpu: string; gpu: string; maxDiff: number; samples: number }> {
    tn.setRandomSeed(7);
    await tn.setBackend('cpu');
    const model = seedModel(tn);
    const batch = 16;
    const x = tn.tensor(values(batch * 784, 3), [batch, 28, 28, 1]);
    const cpuOut = model.predict(x).dataSync();
    const cpu = tn.getBackend();
    await tn.setBackend('gpu');
    const gpu = tn.getBackend();
    const gpuOut = model.predict(x).dataSync();
    await tn.setBackend('cpu');
    let maxDiff = 0;
    for (let i = 0; i < cpuOut.length; i++) maxDiff = Math.max(maxDiff, Math.abs(cpuOut[i] - gpuOut[i]));
    model.dispose();
    return { cpu, gpu, maxDiff: Number.isFinite(maxDiff) ? maxDiff : Infinity, samples: batch };
  },

  /**
   * Elementwise math and softmax at special and ordinary values on the cpu backend, then on the gpu backend: each
   * value the two disagree on (beyond float32 rounding: 2e-6 + 2e-5·|cpu|; NaN only with NaN), as 'op(x): cpu, gpu'.
   */
  async gpuSpecialValues(): Promise<{ gpu: string; checked: number; mismatches: string[] }> {
    const xs = [NaN, Infinity, -Infinity, 0, -0, -1, 1, -2.5, 2.5, 0.3, -0.7, 3, 30, -30, 88, 1000, -4096.5, 20000.5, -40000.25, 1e-30];
    const pairs = [NaN, Infinity, -Infinity, 0, -0, -1, 1, -2.5, 3];
    const rows = [[NaN, 1, 2], [Infinity, 1, 2], [Infinity, Infinity, 1], [-Infinity, -Infinity, -Infinity], [100, 0, -100], [1, 2, 3]];
    const cases: [string, number[], () => tn.Tensor][] = [
      ...(['exp', 'log', 'sqrt', 'sigmoid', 'tanh', 'neg', 'square', 'reciprocal', 'round', 'log1p', 'atanh', 'asin', 'sin', 'cos', 'tan'] as const)
        .map((op): [string, number[], () => tn.Tensor] => [op, xs, () => tn[op](tn.tensor(xs))]),
      ...(['atan2', 'pow'] as const).map((op): [string, number[], () => tn.Tensor] => {
        const a = pairs.flatMap((x) => pairs.map(() => x)), b = pairs.flatMap(() => pairs);
        return [op, a.map((x, i) => x * 1000 + b[i]), () => tn[op](tn.tensor(a), tn.tensor(b))];
      }),
      ['softmax', rows.flat(), () => tn.softmax(tn.tensor(rows))],
      ['logSoftmax', rows.flat(), () => tn.logSoftmax(tn.tensor(rows))],
      ['logSumExp', rows.map((r) => r[0]), () => tn.logSumExp(tn.tensor(rows), 1)],
      // This round's single-op kernels, through the minified bundle's gpu.js parser (resizeBilinear's failed there).
      ['clipByValue', xs, () => tn.clipByValue(tn.tensor(xs), -2.5, 30)],
      ['oneHot', [], () => tn.oneHot(tn.tensor([2, -1, 0, 7, 1], [5], 'int32'), 4, 3, -1, 'float32')],
      ['resizeBilinear', [], () => tn.image.resizeBilinear(tn.tensor4d(xs.slice(3, 15), [1, 2, 3, 2]), [3, 4], false, true)],
      // A conv2d layer and its 2×2 max-pool in a predict, pooled in one gpu kernel: NaN in a window's first cell wins,
      // in a later cell it loses, as in the separate maxPool; pixels named by their index in the image.
      ...(['relu', 'linear'] as const).map((activation): [string, number[], () => tn.Tensor] => [`conv2d ${activation} + maxPool`, [], () => {
        const model = tn.sequential({ layers: [tn.layers.conv2d({ filters: 4, kernelSize: 2, activation, inputShape: [8, 8, 1] }), tn.layers.maxPooling2d({ poolSize: 2 })] });
        model.setWeights([tn.tensor([1, -1, 0.5, 2, -0.5, 1, 1, -1, 0.25, 0.5, -2, 1, 1, 1, -1, 0.5], [2, 2, 1, 4]), tn.tensor([0.1, -0.2, 0.3, -2])]);
        const image = Array.from({ length: 64 }, (_, i) => ([0, 11, 18, 30, 45].includes(i) ? NaN : ((i * 37) % 17) / 8 - 1));
        return model.predict(tn.tensor(image, [1, 8, 8, 1])) as tn.Tensor;
      }]),
    ];
    const run = async (backend: 'cpu' | 'gpu'): Promise<number[][]> => {
      await tn.setBackend(backend);
      return cases.map(([, , f]) => tn.tidy(() => Array.from(f().dataSync())));
    };
    const want = await run('cpu');
    const got = await run('gpu');
    const gpu = tn.getBackend();
    await tn.setBackend('cpu');
    const same = (a: number, b: number): boolean => (Number.isNaN(a) || Number.isNaN(b) ? Number.isNaN(a) && Number.isNaN(b)
      : !Number.isFinite(a) || !Number.isFinite(b) ? a === b : Math.abs(a - b) <= 2e-6 + 2e-5 * Math.abs(a));
    const mismatches = cases.flatMap(([op, at], k) => want[k].flatMap((w, i) => (same(w, got[k][i]) ? [] : [`${op}(${at[i] ?? i}): cpu ${w}, gpu ${got[k][i]}`])));
    return { gpu, checked: want.reduce((n, w) => n + w.length, 0), mismatches };
  },

  /**
   * matMul and batchMatMul on the gpu backend against the cpu backend at the edges of the gpu's vec4 packing
   * (kernels/gpu/batch-matmul.ts): m, n and k off multiples of 4 and of 1, a k split into loop parts, every
   * transpose pair, either operand shared by a batch, and int32 operands. Each mismatch is named.
   */
  async gpuMatMulEdges(): Promise<{ gpu: string; checked: number; mismatches: string[] }> {
    const flags = [[false, false], [false, true], [true, false], [true, true]] as const;
    const cases: [string, number, () => tn.Tensor][] = [];
    const operand = (batch: number | null, rows: number, cols: number, t: boolean, seed: number): tn.Tensor => {
      const shape = [...(batch === null ? [] : [batch]), ...(t ? [cols, rows] : [rows, cols])];
      return tn.tensor(values(shape.reduce((x, y) => x * y, 1), seed).map((v) => 2 * v - 1), shape);
    };
    for (const [m, k, n] of [[1, 1, 1], [5, 1, 7], [1, 6, 1], [7, 9, 3], [6, 8, 13], [2, 3, 16389]]) {
      for (const [tA, tB] of flags) {
        cases.push([`matMul m${m} k${k} n${n} tA ${tA} tB ${tB}`, k, () => tn.matMul(operand(null, m, k, tA, m + k), operand(null, k, n, tB, n + 2 * k), tA, tB)]);
      }
    }
    for (const [aBatch, bBatch] of [[3, 3], [1, 3], [3, 1]]) {
      for (const [m, n] of [[5, 6], [6, 5]]) {
        for (const [tA, tB] of flags) {
          cases.push([`matMul batch ${aBatch}x${bBatch} m${m} n${n} tA ${tA} tB ${tB}`, 7, () => tn.matMul(operand(aBatch, m, 7, tA, aBatch), operand(bBatch, 7, n, tB, bBatch + 9), tA, tB)]);
        }
      }
    }
    cases.push(['int32 matMul', 5, () => tn.matMul(tn.tensor(Array.from({ length: 15 }, (_, i) => i - 7), [3, 5], 'int32'), tn.tensor(Array.from({ length: 10 }, (_, i) => 3 * i - 11), [5, 2], 'int32'))]);
    const run = async (backend: 'cpu' | 'gpu'): Promise<{ dtype: string; values: number[] }[]> => {
      await tn.setBackend(backend);
      return cases.map(([, , f]) => tn.tidy(() => { const r = f(); return { dtype: r.dtype, values: Array.from(r.dataSync()) }; }));
    };
    const want = await run('cpu');
    const got = await run('gpu');
    const gpu = tn.getBackend();
    await tn.setBackend('cpu');
    // float32 sums of k terms of magnitude about 1 (test/gpu/parity.ts's sumTol).
    const mismatches = cases.flatMap(([what, k], c) => [
      ...(want[c].dtype === got[c].dtype ? [] : [`${what}: dtype cpu ${want[c].dtype}, gpu ${got[c].dtype}`]),
      ...want[c].values.flatMap((w, i) => (Math.abs(w - got[c].values[i]) <= 2e-6 * Math.sqrt(k) + 2e-5 * Math.abs(w) ? [] : [`${what} [${i}]: cpu ${w}, gpu ${got[c].values[i]}`])),
    ]);
    return { gpu, checked: want.reduce((n, w) => n + w.values.length, 0), mismatches: mismatches.slice(0, 20) };
  },

  /**
   * A small dense model fit for 2 epochs on `backend` while a requestAnimationFrame loop counts frames: the yields
   * (onYield, 'auto'), the stretches between consecutive yields with no frame in them, the frames, and the longest
   * gap between frames from the first yield to the end of fit beside the longest stretch between two yields.
   */
  async fitFrames(backend: 'cpu' | 'gpu'): Promise<{ backend: string; ms: number; yields: number; framesDuringFit: number; withoutFrame: number[]; longestGapMs: number; longestStretchMs: number }> {
    await tn.setBackend(backend);
    const described = tn.getBackend();
    tn.setRandomSeed(5);
    const model = tn.sequential({ layers: [
      tn.layers.dense({ units: 64, activation: 'relu', inputShape: [64] }),
      tn.layers.dense({ units: 64, activation: 'relu' }),
      tn.layers.dense({ units: 1 }),
    ] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const x = tn.tensor(values(512 * 64, 4), [512, 64]);
    const y = tn.tensor(values(512, 5), [512, 1]);
    const frames: number[] = [];
    const yields: number[] = [];
    let counting = true;
    const shown = document.body.appendChild(document.createElement('p'));
    const frame = (): void => {
      frames.push(performance.now());
      shown.textContent = `fit on ${described}: ${frames.length} frames, ${yields.length} yields`;
      if (counting) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const start = performance.now();
    await model.fit(x, y, { epochs: 2, batchSize: 32, verbose: 0, callbacks: { onYield: () => { yields.push(performance.now()); } } });
    const end = performance.now();
    counting = false;
    const during = frames.filter((t) => t > start && t < end);
    const withoutFrame = yields.slice(0, -1).flatMap((t, i) => (during.some((f) => f > t && f < yields[i + 1]) ? [] : [i]));
    const marks = [yields[0] ?? end, ...during.filter((f) => f > (yields[0] ?? end)), end];
    const longest = (ts: number[]): number => ts.slice(1).reduce((m, t, i) => Math.max(m, t - ts[i]), 0);
    tn.dispose([x, y]);
    model.dispose();
    await tn.setBackend('cpu');
    return { backend: described, ms: end - start, yields: yields.length, framesDuringFit: during.length, withoutFrame, longestGapMs: longest(marks), longestStretchMs: longest([...yields, end]) };
  },

  /**
   * A custom loop on the gpu backend, as TF.js programs write one: `steps` trainOnBatch calls, or optimizer steps
   * whose loss is read with `await loss.data()`, each awaited, with no tf.nextFrame; the frames the page painted
   * while it ran (a requestAnimationFrame loop counts them) and the steps' losses.
   */
  async loopFrames(kind: 'trainOnBatch' | 'data', steps: number): Promise<{ backend: string; frames: number; losses: number[] }> {
    await tn.setBackend('gpu');
    const described = tn.getBackend();
    tn.setRandomSeed(6);
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 32, activation: 'relu', inputShape: [32] }), tn.layers.dense({ units: 1 })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const x = tn.tensor(values(64 * 32, 7), [64, 32]);
    const y = tn.tensor(values(64, 8), [64, 1]);
    const optimizer = tn.train.sgd(0.1);
    let frames = 0;
    let counting = true;
    const frame = (): void => {
      frames++;
      if (counting) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    frames = 0;
    const losses: number[] = [];
    for (let i = 0; i < steps; i++) {
      if (kind === 'trainOnBatch') {
        losses.push(await model.trainOnBatch(x, y) as number);
      } else {
        const loss = optimizer.minimize(() => tn.losses.meanSquaredError(y, model.predict(x) as tn.Tensor) as tn.Scalar, true) as tn.Scalar;
        losses.push((await loss.data())[0]);
        loss.dispose();
      }
    }
    counting = false;
    tn.dispose([x, y]);
    model.dispose();
    await tn.setBackend('cpu');
    return { backend: described, frames, losses };
  },
};

(window as unknown as { tesseraChecks: typeof checks }).tesseraChecks = checks;
export type Checks = typeof checks;
