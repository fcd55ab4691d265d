/** One call shape's record: the last two wall times of running it on one thread [0] and split across threads [1]. */
interface Arms { ms: [[number, number], [number, number]]; calls: number }

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
 * choice changes only the speed. An arm is judged by the faster of its last two timings: other processes only
 * ever slow a call down, so a faster timing counts at once, while it takes two slow calls in a row to count as
 * slow. One slow call is common where nothing changed (a worker off its core for a moment: a split filter
 * gradient of the seed model takes 1 – 2 ms about once in 15 calls against 0.3 otherwise), and judging by it
 * kept that shape on one thread (0.5 ms) for 40% of its calls.
 */
export class SplitChooser {
  private readonly shapes = new Map<string, Arms>();

  /** Whether the next call of shape `key` should be split. */
  decide(key: string): boolean {
    let a = this.shapes.get(key);
    if (!a) this.shapes.set(key, (a = { ms: [[NaN, NaN], [NaN, NaN]], calls: 0 }));
    const n = a.calls++;
    if (n < ALTERNATE_FIRST) return n % 2 === 0;
    const splitFaster = judged(a.ms[1]) <= judged(a.ms[0]);
    return n % EXPLORE_EVERY === EXPLORE_EVERY - 1 ? !splitFaster : splitFaster;
  }

  /** Records how long a call of shape `key` took, split or not. */
  record(key: string, split: boolean, ms: number): void {
    const a = this.shapes.get(key);
    if (!a) return;
    const last = a.ms[split ? 1 : 0];
    last[0] = last[1];
    last[1] = ms;
  }

  /** How a shape's arms are judged now [one thread, split]: the faster of each one's last two timings, NaN where not yet timed. */
  timings(key: string): [number, number] {
    const a = this.shapes.get(key);
    return a ? [judged(a.ms[0]), judged(a.ms[1])] : [NaN, NaN];
  }
}

/** The faster of an arm's last two timings (the one timing when it has one, NaN when none). */
function judged([older, newer]: [number, number]): number {
  return Number.isNaN(older) ? newer : Math.min(older, newer);
}
