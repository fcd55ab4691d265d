// Cores other processes may keep busy, beyond those the pool leaves free, before splitting is taken to lose.
const SLACK_CORES = 0.25;
// How often other processes' CPU time is read: /proc/stat counts 10 ms ticks, so a window spans a few dozen.
const WINDOW_MS = 250;
// Busy split windows in a row that make the pool run alone: one alone is often a short job elsewhere.
const BUSY_WINDOWS = 2;
// A window in which the pool went unasked this long is dropped: what other processes did while this one was idle (a
// benchmark's peer taking its turn, say) says nothing about whether splitting loses.
const IDLE_GAP_MS = WINDOW_MS;
// How long jobs run on one thread once the cores are seen busy, doubled each time a retry (one window split) finds
// them busy again, up to the cap.
const SOLO_FIRST_MS = 1000;
const SOLO_CAP_MS = 8000;

/**
 * Tells the pool when to run jobs on the main thread alone: after two split windows in a row in which other
 * processes kept busy more cores than the pool's threads leave free. A split job waits for whichever of its threads
 * is off its core, a whole scheduler slice at times: beside other jobs' test runs the seed model's training step took
 * ~30 ms on two threads and 9 – 12 on one. Only split windows are judged (a process that takes only idle time, as a
 * niced one, takes little while the pool splits; a window across an idle gap is dropped), and the split is retried
 * now and then. Every chunk is computed the same way on any thread, so the results are the same bits either way.
 */
export class ContentionGauge {
  private windowStart = NaN;
  private othersAtStart = 0;
  private soloUntil = -Infinity;
  private retries = 0;
  private busyWindows = 0;
  private lastAsked = -Infinity;

  /**
   * @param othersCpuMs CPU time other processes have used so far, all cores together (ms)
   * @param cores the machine's cores
   */
  constructor(private readonly othersCpuMs: () => number, private readonly cores: number) {}

  /** Whether a job starting at `now` (ms, performance.now()) should run on the main thread alone, for a pool of `threads`. */
  solo(now: number, threads: number): boolean {
    const idle = now - this.lastAsked > IDLE_GAP_MS;
    this.lastAsked = now;
    if (now < this.soloUntil) return true;
    if (idle) this.startWindow(now);
    else if (!(now - this.windowStart < WINDOW_MS)) this.endWindow(now, this.cores - threads);
    return now < this.soloUntil;
  }

  /** A window starting at `now` after an idle gap: the busy windows before the gap no longer count as in a row. */
  private startWindow(now: number): void {
    this.busyWindows = 0;
    this.windowStart = now;
    this.othersAtStart = this.othersCpuMs();
  }

  private endWindow(now: number, freeCores: number): void {
    const others = this.othersCpuMs();
    if (this.windowStart >= this.soloUntil) {
      const busy = (others - this.othersAtStart) / (now - this.windowStart) > freeCores + SLACK_CORES;
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
    this.othersAtStart = others;
  }
}
