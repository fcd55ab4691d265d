import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContentionGauge } from '../../kernels/cpu/wasm/contention';
import { workerHost } from '../../kernels/cpu/wasm/worker-host';

/**
 * A gauge for a 2-thread pool on `cores` cores over a fake clock, asked every 10 ms while asked(t) (always, unless
 * given) and other processes keep othersAt(t) cores busy: the times it ran alone.
 */
function soloTimes(othersAt: (t: number) => number, until: number, cores = 2, asked: (t: number) => boolean = () => true): number[] {
  let others = 0, last = 0;
  const gauge = new ContentionGauge(() => others, cores);
  const solo: number[] = [];
  for (let t = 0; t <= until; t += 10) {
    for (let s = last; s < t; s++) others += othersAt(s);
    last = t;
    if (asked(t) && gauge.solo(t, 2)) solo.push(t);
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

const lengths = (runs: [number, number][]) => runs.map(([a, b]) => b - a + 10);

describe('ContentionGauge', () => {
  it('splits while other processes leave the pool its cores (or nearly)', () => {
    expect(soloTimes(() => 0, 60_000)).toEqual([]);
    expect(soloTimes(() => 0.2, 60_000)).toEqual([]);
    // On 8 cores a 2-thread pool leaves 6 free: 5 busy elsewhere still leave it its two.
    expect(soloTimes(() => 5, 60_000, 8)).toEqual([]);
  });

  it('lets one busy window pass: a short job elsewhere does not make it run alone', () => {
    expect(soloTimes((t) => (t % 2000 < 250 ? 1 : 0), 60_000)).toEqual([]);
  });

  it('drops a window across an idle gap: a peer busy while this process waits, then a short job, leave it splitting', () => {
    // Asked in bursts of 2 s with 3 s idle between them, while another process runs through each gap (as a bench's
    // peer takes its turn) and a short job elsewhere takes the first 250 ms of each burst.
    const period = 5_000;
    const asked = (t: number) => t % period < 2_000;
    const othersAt = (t: number) => (t % period >= 2_000 || t % period < 250 ? 1 : 0);
    expect(soloTimes(othersAt, 30_000, 2, asked)).toEqual([]);
    // Busy through its bursts too, it still runs alone: after two busy split windows at first (1 s from 500 ms; the
    // retry at 1.5 s is busy: 2 s), then after one window (a retry) into a burst, for 4 and 8 s, the 8 s spells
    // lasting through the next burst.
    const starts = runsOf(soloTimes(() => 1, 30_000, 2, asked)).map(([first]) => first);
    expect(starts).toEqual([500, 1_750, 5_250, 10_250, 15_000, 20_250, 25_000]);
  });

  it('runs alone 1 s after two busy split windows, doubling per busy retry up to 8 s', () => {
    const runs = runsOf(soloTimes(() => 1, 60_000));
    expect(lengths(runs).slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    // Two windows of 250 ms before the first spell; each retry is one window split.
    expect(runs[0][0]).toBe(500);
    for (let i = 1; i < runs.length; i++) expect(runs[i][0] - runs[i - 1][1]).toBe(260);
  });

  it('goes back to splitting for good once a retry finds the cores free, and starts again from 1 s', () => {
    const runs = runsOf(soloTimes((t) => (t < 3_000 || t >= 20_000 ? 1 : 0), 30_000));
    // Busy until 3 s: alone 1 and 2 s; the retry at 3.75 s finds the cores free.
    expect(lengths(runs.slice(0, 2))).toEqual([1000, 2000]);
    expect(runs[2][0]).toBeGreaterThanOrEqual(20_000);
    expect(lengths([runs[2]])).toEqual([1000]);
  });

  it('reads other processes\' CPU time where Linux reports it: all cores\' busy time less this process\'s own', () => {
    const read = workerHost()?.othersCpuMs;
    if (process.platform !== 'linux') return expect(read).toBeUndefined();
    expect(read).toBeTypeOf('function');
    // The machine's busy time, read here on its own: /proc/stat's first line (user, nice, system, idle, iowait, irq,
    // softirq ... in 10 ms ticks).
    const allBusy = (): number => {
      const f = readFileSync('/proc/stat', 'latin1').split('\n', 1)[0].trim().split(/\s+/).map(Number);
      return (f[1] + f[2] + f[3] + f[6] + f[7]) * 10;
    };
    const ownMs = (): number => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
    const [busy0, own0, others0] = [allBusy(), ownMs(), read!()];
    // Spins for 300 ms of this process's CPU time, not of the clock's: on a loaded machine the clock's 300 ms may
    // give it far less.
    let x = 0;
    while (ownMs() - own0 < 300) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    const [busy1, own1, others1] = [allBusy(), ownMs(), read!()];
    // Whatever other processes do meanwhile (a busy machine too), this thread's 300 ms are left out of the reading:
    // it moves by the machine's busy time less this process's, to within a few of /proc/stat's ticks.
    expect(Math.abs(others1 - others0 - (busy1 - busy0 - (own1 - own0)))).toBeLessThan(60);
  });
});
