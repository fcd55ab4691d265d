// The share of a window's wall time the main thread spent waiting for a core, above which the cores are taken to be
// busy with other processes. Alone on its cores (or beside idle ones) it waits ~0: the pool's own threads each have one.
const BUSY_SHARE = 0.2;
// How often the wait is read (each read costs 10 – 50 µs).
const WINDOW_MS = 50;
// Busy split windows in a row that make the pool run alone: one alone is often a spike (a short job elsewhere, the
// engine's own compiler or collector threads), which costs less than a solo spell would.
const BUSY_WINDOWS = 2;
// How long jobs run on one thread after busy cores are seen, doubled each time a retry finds them busy again, up to
// the cap: a retry is one window split on busy cores.
const SOLO_FIRST_MS = 250;
const SOLO_CAP_MS = 4000;

/**
 * Tells the pool when to run jobs on the main thread alone: after two split windows in a row in which the main
 * thread waited over a fifth of the time for a core. Beside other busy processes a split job waits for
 * whichever thread is off its core, a whole scheduler slice at times: the seed model's training step took 30 ms
 * on two threads and 9 – 12 on one there. Running alone while the main thread's wait for a core says the cores
 * are busy, and retrying the split now and then, avoids that; every chunk is computed the same way on any thread,
 * so the results are the same bits either way.
 */
export class ContentionGauge {
  private windowStart = NaN;
  private waitAtStart = 0;
  private soloUntil = -Infinity;
  private retries = 0;
  private busyWindows = 0;

  /** @param runQueueMs the calling thread's total wait for a core so far (ms) */
  constructor(private readonly runQueueMs: () => number) {}

  /** Whether a job starting at `now` (ms, performance.now()) should run on the main thread alone. */
  solo(now: number): boolean {
    if (now < this.soloUntil) return true;
    if (!(now - this.windowStart < WINDOW_MS)) this.endWindow(now);
    return now < this.soloUntil;
  }

  private endWindow(now: number): void {
    const wait = this.runQueueMs();
    // A window is judged only while split: alone, the main thread does not compete with its own worker.
    const splitWindow = this.windowStart >= this.soloUntil;
    if (splitWindow) {
      const busy = (wait - this.waitAtStart) / (now - this.windowStart) > BUSY_SHARE;
      this.busyWindows = busy ? this.busyWindows + 1 : 0;
      // A retry is one window: busy again, it goes back to running alone at once.
      if (this.busyWindows >= BUSY_WINDOWS || (busy && this.retries > 0)) {
        this.soloUntil = now + Math.min(SOLO_CAP_MS, SOLO_FIRST_MS * 2 ** this.retries);
        this.retries++;
        this.busyWindows = 0;
      } else if (!busy) {
        this.retries = 0;
      }
    }
    this.windowStart = now;
    this.waitAtStart = wait;
  }
}
