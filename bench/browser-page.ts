// The browser bench's page script (served as /bench.js): the same trainer as Node's, on window.
import { trainer } from './training-rate';

let current: Awaited<ReturnType<typeof trainer>> | undefined;
const bench = {
  /** Starts a trainer (warm-up included); resolves to the backend it runs on. */
  async start(samples: number): Promise<string> {
    current?.dispose();
    current = await trainer(samples);
    return current.backend;
  },
  /** One timed round: samples/s. */
  round(): Promise<number> {
    if (!current) throw new Error('bench: call start(samples) first');
    return current.round();
  },
};
(window as unknown as { tesseraBench: typeof bench }).tesseraBench = bench;
