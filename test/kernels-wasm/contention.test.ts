import { describe, expect, it } from 'vitest';
import { ContentionGauge } from '../../kernels/cpu/wasm/contention';
import { workerHost } from '../../kernels/cpu/wasm/worker-host';

/** A gauge over a fake clock asked every 10 ms, the thread waiting shareAt(t) of each ms for a core: when it ran alone. */
function soloTimes(shareAt: (t: number) => number, until: number): number[] {
  let wait = 0, last = 0;
  const gauge = new ContentionGauge(() => wait);
  const solo: number[] = [];
  for (let t = 0; t <= until; t += 10) {
    for (let s = last; s < t; s++) wait += shareAt(s);
    last = t;
    if (gauge.solo(t)) solo.push(t);
  }
  return solo;
}

/** Consecutive solo times as [first, last]. */
function runsOf(solo: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const t of solo) {
    if (runs.length && runs[runs.length - 1][1] === t - 10) runs[runs.length - 1][1] = t;
    else runs.push([t, t]);
  }
  return runs;
}

describe('ContentionGauge', () => {
  it('never runs alone while the thread gets a core whenever it wants one (or nearly)', () => {
    expect(soloTimes(() => 0, 20_000)).toEqual([]);
    expect(soloTimes(() => 0.15, 20_000)).toEqual([]);
  });

  it('lets one busy window pass: a spike elsewhere does not make it run alone', () => {
    expect(soloTimes((t) => (t % 1000 < 50 ? 0.9 : 0), 20_000)).toEqual([]);
  });

  it('runs alone 250 ms after two split windows waited over 20% for a core, doubling per busy retry up to 4 s', () => {
    const runs = runsOf(soloTimes(() => 0.5, 20_000));
    expect(runs.map(([a, b]) => b - a + 10).slice(0, 6)).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    // Each retry is one 50 ms window split (the first spell waits for two).
    expect(runs[0][0]).toBe(100);
    for (let i = 1; i < runs.length; i++) expect(runs[i][0] - runs[i - 1][1]).toBe(60);
  });

  it('goes back to splitting for good once a retry finds the cores free, and starts again from 250 ms', () => {
    const runs = runsOf(soloTimes((t) => (t < 2_000 || t >= 10_000 ? 0.5 : 0), 12_000));
    // Busy until 2 s: alone 250, 500, 1000 and 2000 ms; the retry at 3.95 s finds the cores free.
    expect(runs.slice(0, 4).map(([a, b]) => b - a + 10)).toEqual([250, 500, 1000, 2000]);
    expect(runs[3][1]).toBeLessThan(4_000);
    // Busy again from 10 s: from 250 ms again.
    expect(runs[4][0]).toBeGreaterThanOrEqual(10_000);
    expect(runs[4][1] - runs[4][0] + 10).toBe(250);
  });

  it('reads a real, growing wait where Linux reports one', () => {
    const read = workerHost()?.runQueueMs;
    if (process.platform !== 'linux') return expect(read).toBeUndefined();
    expect(read).toBeTypeOf('function');
    const a = read!();
    let x = 0;
    for (let i = 0; i < 1e6; i++) x += Math.sqrt(i);
    expect(x).toBeGreaterThan(0);
    expect(read!()).toBeGreaterThanOrEqual(a);
  });
});
