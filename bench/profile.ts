// `npm run bench -- --profile`: where a training step (model.fit, batch 32) and a predict batch
// (model.predict, batch 256) of the seed model spend their time, by op and by phase, in ms and as a share.
// Every backend call and every kernel of the cpu backend's kernel set is timed (a kernel's time is taken out of
// the op that called it); what is left of an op that called kernels is its own work: allocating outputs and
// handling operands. Time outside the backend is JS overhead (the tape, tidy, checks, fit's loop, batching).
// Last, the training step's largest kernels are each replayed alone on copies of one step's operands, to show how
// much slower the step's memory traffic makes them than they run with their operands in cache, and, for those that
// ran on the thread pool, how the main thread's time in them divides between its own chunks and waiting for the
// worker, in the step and alone (bench/pool-timing.ts).
import { PerformanceObserver } from 'node:perf_hooks';
import * as tn from '../src/node';
import type { Backend } from '../src/backend/backend';
import { CpuBackend } from '../src/backend/cpu/cpu-backend';
import { registerBackend, setBackend } from '../src/backend/registry';
import { gatherRows, range } from '../src/data/batch';
import type { CpuKernels, ResidentMemory } from '../kernels/cpu/kernel-set';
import { getGemmThreads, simdKernels } from '../kernels/cpu/wasm/index';
import { seedModel } from '../examples/seed-model';
import { INFER_BATCH, TRAIN_BATCH } from './seed-model';
import { timePoolJobs, type PoolStats } from './pool-timing';
import { median } from './median';

/** Training steps before the profiled ones, unless the caller asks for more (a model further into training). */
export const WARM_STEPS = 30;
const TRAIN_STEPS = 200;
const PREDICT_BATCHES = 39;
// The training step's largest kernels are each replayed alone this many times (after REPLAY_WARM calls).
const REPLAYED_KERNELS = 6;
const REPLAY_WARM = 5;
const REPLAY_CALLS = 31;

export type Phase = 'GEMMs' | 'direct conv' | 'im2col/col2im' | 'pooling' | 'activations' | 'softmax/loss' | 'other elementwise/reductions' | 'Adam' | 'copies/allocation' | 'JS overhead';
const PHASES: Phase[] = ['GEMMs', 'direct conv', 'im2col/col2im', 'pooling', 'activations', 'softmax/loss', 'other elementwise/reductions', 'Adam', 'copies/allocation', 'JS overhead'];

const KERNEL_PHASE: Record<keyof Omit<CpuKernels, 'memory'>, Phase> = {
  gemm: 'GEMMs', batchGemm: 'GEMMs', gemmBiasActivation: 'GEMMs', gemmMasked: 'GEMMs', im2col: 'im2col/col2im', col2im: 'im2col/col2im', maxPool: 'pooling',
  maxPoolBackprop: 'pooling', biasActivation: 'activations', biasActivationBackprop: 'activations', channelAffine: 'other elementwise/reductions', adamUpdate: 'Adam', softmax: 'softmax/loss', logSoftmax: 'softmax/loss', avgPool: 'pooling', avgPoolBackprop: 'pooling', unary: 'other elementwise/reductions', binary: 'other elementwise/reductions', clip: 'activations', reduce: 'other elementwise/reductions', argReduce: 'other elementwise/reductions', cast: 'other elementwise/reductions', convDirect: 'direct conv', convFilterDirect: 'direct conv', convFilterFromWinners: 'direct conv', unpoolActivationBackprop: 'pooling',
  copyStrided: 'copies/allocation', allFinite: 'other elementwise/reductions', select: 'other elementwise/reductions', gather: 'copies/allocation', topkIndices: 'other elementwise/reductions',
  segmentSum: 'other elementwise/reductions', depthwiseConv2d: 'direct conv',
  depthwiseConv2dBackpropInput: 'direct conv', depthwiseConv2dBackpropFilter: 'direct conv',
};
/** The phase of a backend op's own time when it called no timed kernel (it ran its JS kernel inline). */
function opPhase(op: string, args: unknown[]): Phase {
  if (op === 'softmax' || op === 'logSoftmax' || op === 'sparseSoftmaxCrossEntropy') return 'softmax/loss';
  if (op === 'unary' && (args[0] === 'relu' || args[0] === 'step')) return 'activations';
  if (op === 'unary' || op === 'binary' || op === 'reduce' || op === 'sumToShape' || op === 'cast') return 'other elementwise/reductions';
  if (op === 'adamUpdate' || op === 'sgdUpdate') return 'Adam';
  return 'copies/allocation';
}

interface Frame { key: string; start: number; children: number; calledKernel: boolean; args: unknown[] }

/** Self times by key (op, or op › kernel) and by phase, of whatever runs through the wrapped backend. */
export class Profiler {
  readonly byKey = new Map<string, { ms: number; calls: number; phase: Phase }>();
  private readonly stack: Frame[] = [];
  /** While set: the kernels (by key) whose next call is kept, with copies of its arrays, as a call to replay alone. */
  capture: { keys: Set<string>; replays: Map<string, () => void> } | null = null;

  /** The key of the innermost call running now ('' outside any). */
  get current(): string {
    return this.stack[this.stack.length - 1]?.key ?? '';
  }

  /** The table's key of a kernel called now: the op calling it, › the kernel. */
  kernelKeyHere(key: string): string {
    const parent = this.stack[this.stack.length - 1];
    return parent ? `${parent.key} › ${key}` : key;
  }

  run<T>(key: string, args: unknown[], body: () => T, kernelPhase?: Phase): T {
    const parent = this.stack[this.stack.length - 1];
    const frame: Frame = { key: kernelPhase ? this.kernelKeyHere(key) : key, start: performance.now(), children: 0, calledKernel: false, args };
    if (parent && kernelPhase) parent.calledKernel = true;
    this.stack.push(frame);
    try {
      return body();
    } finally {
      this.stack.pop();
      const total = performance.now() - frame.start;
      if (parent) parent.children += total;
      const phase = kernelPhase ?? (frame.calledKernel ? 'copies/allocation' : opPhase(key.split(' ')[0], args));
      const e = this.byKey.get(frame.key) ?? { ms: 0, calls: 0, phase };
      e.ms += total - frame.children;
      e.calls++;
      this.byKey.set(frame.key, e);
    }
  }

  totalMs(): number {
    let ms = 0;
    for (const e of this.byKey.values()) ms += e.ms;
    return ms;
  }

  reset(): void {
    this.byKey.clear();
  }
}

/** A kernel's name in the table: GEMMs with their m×n×k and transposes. */
export function kernelKey(name: string, args: unknown[]): string {
  if (name !== 'gemm' && name !== 'gemmBiasActivation') return name;
  const [m, n, k, tA, tB] = args.slice(3, 8) as [number, number, number, boolean, boolean];
  return `${name} ${m}×${n}×${k}${tA ? ' Aᵀ' : ''}${tB ? ' Bᵀ' : ''}`;
}

/** A copy of a kernel's array argument, in the kernels' memory where the original lives there (so it is used in place as the original was). */
export function copyOf(a: unknown, memory: ResidentMemory | undefined): unknown {
  const resident = memory !== undefined && ArrayBuffer.isView(a) && memory.isResident(a);
  let copy: Float32Array | Int32Array | Uint8Array | undefined;
  if (a instanceof Float32Array) copy = resident ? memory.alloc(a.length) : undefined;
  else if (a instanceof Int32Array) copy = resident ? memory.allocInt32(a.length) : undefined;
  else if (a instanceof Uint8Array) copy = resident ? memory.allocBytes(a.length) : undefined;
  else return a;
  if (!copy) return a.slice();
  copy.set(a);
  return copy;
}

export function timedKernels(k: CpuKernels, p: Profiler): CpuKernels {
  const wrapped: Record<string, unknown> = { memory: k.memory };
  for (const [name, phase] of Object.entries(KERNEL_PHASE)) {
    const fn = k[name as keyof typeof KERNEL_PHASE] as ((...a: unknown[]) => void) | undefined;
    if (!fn) continue;
    wrapped[name] = (...args: unknown[]) => {
      const key = kernelKey(name, args);
      const here = p.capture ? p.kernelKeyHere(key) : '';
      // Copied before the call: some kernels (Adam) update their arguments in place.
      if (p.capture?.keys.has(here) && !p.capture.replays.has(here)) {
        const copies = args.map((a) => copyOf(a, k.memory));
        p.capture.replays.set(here, () => fn(...copies));
      }
      return p.run(key, args, () => fn(...args), phase);
    };
  }
  return wrapped as unknown as CpuKernels;
}

/** An op's name in the table: unary/binary/reduce with which one, shapes of the first operand. */
function opKey(op: string, args: unknown[]): string {
  const first = args.find((a): a is tn.Tensor => a instanceof tn.Tensor);
  const which = typeof args[0] === 'string' ? ` ${args[0]}` : '';
  return `${op}${which}${first ? ` [${first.shape.join(',')}]` : ''}`;
}

export function timedBackend(b: Backend, p: Profiler): Backend {
  return new Proxy(b, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function' || prop === 'describe' || prop === 'dispose' || typeof prop !== 'string') return v;
      return (...args: unknown[]) => p.run(opKey(prop, args), args, () => (v as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}

export function table(title: string, steps: number, wallMs: number, p: Profiler, gcMs: number, notes: string[]): string[] {
  const per = (ms: number): string => (ms / steps).toFixed(3).padStart(8);
  const share = (ms: number): string => `${((100 * ms) / wallMs).toFixed(1).padStart(5)}%`;
  const phases = new Map<Phase, number>(PHASES.map((ph) => [ph, 0]));
  for (const e of p.byKey.values()) phases.set(e.phase, (phases.get(e.phase) ?? 0) + e.ms);
  phases.set('JS overhead', wallMs - p.totalMs());
  const lines = [title, `  total ${per(wallMs)} ms per ${steps === 1 ? 'run' : 'step'} (${steps} measured)`, '  by phase:              ms    share'];
  for (const [ph, ms] of phases) lines.push(`    ${ph.padEnd(30)}${per(ms)}  ${share(ms)}`);
  lines.push(`    (GC pauses, inside the above: ${per(gcMs)} ms)`);
  lines.push(...notes.map((n) => `    ${n}`));
  lines.push('  by op (self time; "op › kernel" is a kernel inside that op):');
  const rows = [...p.byKey.entries()].sort((a, b) => b[1].ms - a[1].ms);
  for (const [key, e] of rows) {
    if (e.ms / wallMs < 0.002) continue;
    lines.push(`    ${per(e.ms)}  ${share(e.ms)}  ${(e.calls / steps).toFixed(1).padStart(4)}×  ${key}  [${e.phase}]`);
  }
  return lines;
}

/** Makes 'cpu' the SIMD kernel set's backend with every backend call and kernel timed into the returned profiler. */
export function profiledCpu(): Profiler {
  const p = new Profiler();
  const threads = getGemmThreads();
  const inner = new CpuBackend(timedKernels(simdKernels(), p), () => `profiled wasm-simd, up to ${threads} threads`);
  registerBackend('cpu', () => timedBackend(inner, p));
  setBackend('cpu');
  return p;
}

/** One kernel's pool jobs per call: jobs, the main thread's chunks / all, ms it ran them, ms it waited. */
export function poolShare(s: PoolStats | undefined, calls: number): string {
  if (!s) return `${'-'.padStart(5)}${''.padStart(32)}`;
  const per = (x: number, digits: number, width: number): string => (x / calls).toFixed(digits).padStart(width);
  return `${per(s.jobs, 1, 5)}  ${`${per(s.mainChunks, 1, 0)}/${per(s.chunks, 1, 0)}`.padStart(9)}  ${per(s.mainWorkMs, 3, 7)}  ${per(s.mainWaitMs, 3, 7)}`;
}

/** Median wall time of `run` in ms, over REPLAY_CALLS calls after REPLAY_WARM. */
function medianMs(run: () => void): number {
  for (let i = 0; i < REPLAY_WARM; i++) run();
  const ms: number[] = [];
  for (let i = 0; i < REPLAY_CALLS; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/**
 * Profiles the seed model on real MNIST after `warmSteps` training steps (the MNIST training set holds 1,875):
 * a training step and a predict batch; returns the report's lines.
 */
export async function profileSeedModel(warmSteps = WARM_STEPS): Promise<string[]> {
  const maxWarm = Math.floor(60_000 / TRAIN_BATCH) - TRAIN_STEPS - 1;
  if (!Number.isInteger(warmSteps) || warmSteps < 1 || warmSteps > maxWarm) throw new Error(`profileSeedModel: warmSteps must be an integer in [1, ${maxWarm}], got ${warmSteps}`);
  const p = profiledCpu();
  let replaying: string | undefined;
  const pool = timePoolJobs(() => replaying ?? p.current);

  const data = await tn.data.loadMnist();
  tn.setRandomSeed(1);
  const model = seedModel(tn);
  const batches = (first: number, count: number): [tn.Tensor, tn.Tensor] =>
    [data.train.images.slice(first * TRAIN_BATCH, count * TRAIN_BATCH), data.train.labels.slice(first * TRAIN_BATCH, count * TRAIN_BATCH)];

  let gcMs = 0;
  const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
  gc.observe({ entryTypes: ['gc'] });
  // `start` runs after the batches are sliced out of the data set, so the slice is neither timed nor profiled.
  const fit = async (first: number, count: number, start: () => void = () => undefined): Promise<number> => {
    const [xs, ys] = batches(first, count);
    start();
    const t = performance.now();
    await model.fit(xs, ys, { epochs: 1, batchSize: TRAIN_BATCH, shuffle: false, verbose: 0 });
    const ms = performance.now() - t;
    xs.dispose();
    ys.dispose();
    return ms;
  };
  await fit(0, warmSteps);
  const trainMs = await fit(warmSteps, TRAIN_STEPS, () => {
    p.reset();
    pool.clear();
    gcMs = 0;
  });
  const observed = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10)); // GC entries arrive asynchronously
  await observed();
  const trainGc = gcMs;
  // Copies of the entries: the capture step below adds its calls (and the copying of their operands) to the live ones.
  const trainProfile = new Map([...p.byKey].map(([key, e]) => [key, { ...e }]));
  const stepPool = new Map([...pool].map(([key, e]) => [key, { ...e }]));

  // The largest kernels' calls of one more step, kept to be replayed alone at the end.
  const inStep = new Map<string, number>();
  for (const [key, e] of [...trainProfile].sort((a, b) => b[1].ms - a[1].ms)) {
    if (key.includes(' › ') && inStep.size < REPLAYED_KERNELS) inStep.set(key, e.ms / e.calls);
  }
  p.capture = { keys: new Set(inStep.keys()), replays: new Map() };
  await fit(warmSteps + TRAIN_STEPS, 1);
  const { replays } = p.capture;
  p.capture = null;

  // fit gathers each batch's rows (a copy); timed alone here, it is part of the JS overhead above.
  const [xs] = batches(0, TRAIN_STEPS);
  const order = range(xs.shape[0]);
  const t0 = performance.now();
  for (let s = 0; s < TRAIN_STEPS; s++) gatherRows(xs, order, s * TRAIN_BATCH, (s + 1) * TRAIN_BATCH).dispose();
  const gatherMs = (performance.now() - t0) / TRAIN_STEPS;
  xs.dispose();

  const test = data.test.images.slice(0, PREDICT_BATCHES * INFER_BATCH);
  model.predict(test, { batchSize: INFER_BATCH }).dispose();
  p.reset();
  gcMs = 0;
  const t1 = performance.now();
  model.predict(test, { batchSize: INFER_BATCH }).dispose();
  const predictMs = performance.now() - t1;
  await observed();
  gc.disconnect();
  test.dispose();
  model.dispose();

  const trainP = new Profiler();
  for (const [k, v] of trainProfile) trainP.byKey.set(k, v);
  const shares: string[] = [];
  const alone = [...inStep].map(([kernel, stepMs]) => {
    const replay = replays.get(kernel);
    if (!replay) return `    ${kernel}: not called in the step replayed`;
    replaying = kernel;
    pool.delete(kernel);
    const ms = medianMs(replay);
    replaying = undefined;
    const split = stepPool.get(kernel);
    if (split) shares.push(`    ${poolShare(split, trainProfile.get(kernel)?.calls ?? 1)}  |  ${poolShare(pool.get(kernel), REPLAY_WARM + REPLAY_CALLS)}  ${kernel}`);
    return `    ${stepMs.toFixed(3).padStart(8)}  ${ms.toFixed(3).padStart(8)}  ${(stepMs / ms).toFixed(2).padStart(5)}x  ${kernel}`;
  });
  return [
    `Profile of the seed model (${tn.getBackend()}); load average at the end ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    ...table(`Training step (model.fit, batch ${TRAIN_BATCH}): ${((TRAIN_STEPS * TRAIN_BATCH) / (trainMs / 1000)).toFixed(0)} samples/s while profiled, steps ${warmSteps + 1}–${warmSteps + TRAIN_STEPS} of a fresh model`, TRAIN_STEPS, trainMs, trainP, trainGc,
      [`(batch gathering, inside JS overhead, timed alone: ${gatherMs.toFixed(3)} ms)`]),
    '',
    ...table(`Predict batch (model.predict, batch ${INFER_BATCH}): ${((PREDICT_BATCHES * INFER_BATCH) / (predictMs / 1000)).toFixed(0)} samples/s while profiled`, PREDICT_BATCHES, predictMs, p, gcMs, []),
    '',
    `The training step's largest kernels inside a step (ms per call, above) and alone: one step's call replayed on copies of`,
    `its operands, ${REPLAY_CALLS} times back to back (median), so that they stay in cache:`,
    '     in step     alone  ratio',
    ...alone,
    '',
    `How the main thread spent those calls that ran on the pool (means per call, in step | alone): jobs, the chunks it ran of`,
    `all, ms running them, and ms waiting for the worker (for a stalled share's chunks, then for the last chunks to finish):`,
    '     jobs     chunks      run     wait  |   jobs     chunks      run     wait',
    ...(shares.length > 0 ? shares : ['    (none: every call ran on the main thread alone)']),
  ];
}
