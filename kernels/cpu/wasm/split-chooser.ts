/** One call shape's record: smoothed wall time of running it on one thread [0] and split across threads [1]. */
interface Arms { ms: [number, number]; calls: number }

// Weight of the newest timing in the running averages.
const ALPHA = 0.3;
// One call in this many tries the arm that looks slower, so a change in machine load is noticed.
const EXPLORE_EVERY = 16;
// The first calls of a shape alternate between the arms: the first timings of each are often its slowest (code not
// yet optimised by the engine, in the workers too; memory first touched).
const ALTERNATE_FIRST = 6;

/**
 * Chooses, per call shape, whether splitting a call across threads pays on this machine now: two cores shared
 * with other processes often leave the second thread waiting for a core, and then one thread is faster. Each
 * shape times both ways (one thread, split) as it runs, and keeps to the faster, trying the other now and then.
 * Either way gives the same bits (the kernels split so that every element is computed the same way), so the
 * choice changes only the speed. Other processes only ever slow a call down, so a timing below an arm's running
 * average is taken at once, while slower ones move it by ALPHA: one slow start (cold code or caches) does not
 * keep a shape on its slower arm for dozens of calls.
 */
export class SplitChooser {
  private readonly shapes = new Map<string, Arms>();

  /** Whether the next call of shape `key` should be split. */
  decide(key: string): boolean {
    let a = this.shapes.get(key);
    if (!a) this.shapes.set(key, (a = { ms: [NaN, NaN], calls: 0 }));
    const n = a.calls++;
    if (n < ALTERNATE_FIRST) return n % 2 === 0;
    const splitFaster = a.ms[1] <= a.ms[0];
    return n % EXPLORE_EVERY === EXPLORE_EVERY - 1 ? !splitFaster : splitFaster;
  }

  /** Records how long a call of shape `key` took, split or not. */
  record(key: string, split: boolean, ms: number): void {
    const a = this.shapes.get(key);
    if (!a) return;
    const i = split ? 1 : 0;
    a.ms[i] = Number.isNaN(a.ms[i]) ? ms : Math.min(ms, (1 - ALPHA) * a.ms[i] + ALPHA * ms);
  }

  /** The smoothed timings of a shape [one thread, split], NaN where not yet timed. */
  timings(key: string): [number, number] {
    const a = this.shapes.get(key);
    return a ? [a.ms[0], a.ms[1]] : [NaN, NaN];
  }
}
