import { argError, fmtValue } from '../util/validate';
import { nextTask } from '../util/next-task';

/** When fit hands the thread back to the event loop, as TF.js's yieldEvery. */
export type YieldEveryOptions = 'auto' | 'batch' | 'epoch' | 'never' | number;

/** TF.js's 'auto': yield at most every this many milliseconds, after the batch that crosses it. */
const AUTO_MS = 125;

/** The longest a yield waits for a frame: a tab hidden while it waits draws none (its timers still fire, if slowed). */
const FRAME_WAIT_MS = 100;

type Page = { document?: { hidden?: boolean }; requestAnimationFrame?: (callback: () => void) => unknown };

/**
 * Where fit yields, as TF.js's nextFrame: in a visible page, after the next frame is drawn (requestAnimationFrame, then
 * a task, so the frame is painted before the next batch starts; a task alone does not make Chromium paint, so a page
 * whose batches are long repainted only every few of them), or after FRAME_WAIT_MS if none comes. In a hidden tab,
 * which draws no frames, in a worker and in Node, one task (TF.js waits on requestAnimationFrame, which stalls
 * training in a hidden tab).
 */
function nextTurn(): Promise<void> {
  const page = globalThis as Page;
  const raf = page.requestAnimationFrame;
  if (!page.document || page.document.hidden || typeof raf !== 'function') return nextTask();
  return new Promise((resolve) => {
    let waiting = true;
    const done = (): void => {
      if (!waiting) return;
      waiting = false;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, FRAME_WAIT_MS);
    raf.call(page, () => void nextTask().then(done));
  });
}

type OnYield = (epoch: number, batch: number, logs: Record<string, number>) => void | Promise<void>;

/**
 * A CustomCallback's yielding, as TF.js's: 'batch' yields after every batch, 'epoch' after every epoch, a number of
 * ms (or 'auto', 125 ms) after the first batch that ends at least that long since the last yield (or since the
 * Yielder was made), calling onYield there; 'never' never yields. `now` is the clock and `nextFrame` the yield
 * (TF.js's nowFunc and nextFrameFunc).
 */
export class Yielder {
  private readonly every: Exclude<YieldEveryOptions, 'auto'>;
  private last: number;

  constructor(every: Exclude<YieldEveryOptions, 'auto'>, private readonly onYield: OnYield, private readonly now: () => number = () => performance.now(), private readonly nextFrame: () => unknown = nextTurn) {
    this.every = every;
    this.last = now();
  }

  async batchEnd(epoch: number, batch: number, logs: Record<string, number>): Promise<void> {
    if (this.every === 'batch') await this.nextFrame();
    if (typeof this.every !== 'number') return;
    const now = this.now();
    if (now - this.last < this.every) return;
    this.last = now;
    await Promise.all([this.onYield(epoch, batch, logs), this.nextFrame()]);
  }

  async epochEnd(): Promise<void> {
    if (this.every === 'epoch') await this.nextFrame();
  }
}

/** Checks fit's yieldEvery (default 'auto') and resolves 'auto' to its period; null and 0 are 'auto' too, as TF.js's `yieldEvery || 'auto'`. */
export function parseYieldEvery(op: string, value: unknown): Exclude<YieldEveryOptions, 'auto'> {
  if (value == null || value === 'auto' || value === 0) return AUTO_MS;
  if (value === 'batch' || value === 'epoch' || value === 'never') return value;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  throw argError(op, 'yieldEvery', fmtValue(value), "'auto', 'batch', 'epoch', 'never' or a number of milliseconds ≥ 0");
}
