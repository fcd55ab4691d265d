/**
 * Median seconds per call of each of `runs`, timed round-robin (one sample of each in turn) so that load
 * from other processes on a shared machine hits all of them alike. Each is warmed up first, and each sample
 * repeats a run enough times to last about `sampleSeconds`. `now` is the clock in ms (wall by default; cpuMs
 * counts only the time this process ran, which other processes taking the cores do not inflate).
 */
export function interleavedMedianSeconds(runs: readonly (() => void)[], samples = 9, sampleSeconds = 0.05, now: () => number = () => performance.now()): number[] {
  const reps = runs.map((run) => {
    const t0 = now();
    run();
    run();
    const each = Math.max((now() - t0) / 2000, 1e-7);
    return Math.max(1, Math.round(sampleSeconds / each));
  });
  const times: number[][] = runs.map(() => []);
  for (let s = 0; s < samples; s++) {
    runs.forEach((run, i) => {
      const start = now();
      for (let r = 0; r < reps[i]; r++) run();
      times[i].push((now() - start) / 1000 / reps[i]);
    });
  }
  return times.map((t) => t.sort((x, y) => x - y)[Math.floor(samples / 2)]);
}

/** Uniform values in [-1, 1), deterministic per seed. */
export function randomFloat32(length: number, seed: number): Float32Array {
  const x = new Float32Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    x[i] = s / 2 ** 31 - 1;
  }
  return x;
}

/** This process's CPU time (all its threads) in ms. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
