import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tn from '../../src/index';
import { parseYieldEvery, Yielder } from '../../src/model/yield';

/** A clock the test moves by hand, and a Yielder on it that records its onYield calls. */
function setup(every: 'batch' | 'epoch' | 'never' | number): { y: Yielder; advance(ms: number): void; yields: [number, number][] } {
  let t = 1000;
  const yields: [number, number][] = [];
  const y = new Yielder(every, (epoch, batch) => { yields.push([epoch, batch]); }, () => t);
  return { y, advance: (ms) => { t += ms; }, yields };
}

describe('fit yielding (yieldEvery)', () => {
  it("'auto' is TF.js's 125 ms; names and numbers pass; anything else is an error naming the option", () => {
    expect(parseYieldEvery('fit', undefined)).toBe(125);
    expect(parseYieldEvery('fit', 'auto')).toBe(125);
    // As TF.js's `yieldEvery || 'auto'`.
    expect(parseYieldEvery('fit', 0)).toBe(125);
    expect(parseYieldEvery('fit', null)).toBe(125);
    for (const v of ['batch', 'epoch', 'never', 1, 40] as const) expect(parseYieldEvery('fit', v)).toBe(v);
    for (const bad of ['sometimes', -1, NaN, Infinity, {}]) {
      expect(() => parseYieldEvery('fit', bad)).toThrow(/fit: yieldEvery .*'auto', 'batch', 'epoch', 'never' or a number of milliseconds/);
    }
  });

  it('with a period, yields (and calls onYield) after the first batch ending that long after the last yield', async () => {
    const { y, advance, yields } = setup(100);
    advance(60);
    await y.batchEnd(0, 0, {});
    advance(60);
    await y.batchEnd(0, 1, {}); // 120 ms since the start: yields
    advance(99);
    await y.batchEnd(0, 2, {});
    advance(1);
    await y.batchEnd(0, 3, {}); // 100 ms since the last yield
    await y.epochEnd();
    expect(yields).toEqual([[0, 1], [0, 3]]);
  });

  it("'batch', 'epoch' and 'never' do not call onYield", async () => {
    for (const every of ['batch', 'epoch', 'never'] as const) {
      const { y, advance, yields } = setup(every);
      advance(1000);
      await y.batchEnd(0, 0, {});
      await y.epochEnd();
      expect(yields).toEqual([]);
    }
  });

  it('lets a timer fire at each yield', async () => {
    let fired = 0;
    const timer = setInterval(() => fired++, 0);
    const y = new Yielder('batch', () => undefined);
    const busyUntil = (ms: number): void => { const end = performance.now() + ms; while (performance.now() < end); };
    for (let b = 0; b < 5; b++) {
      busyUntil(3);
      await y.batchEnd(0, b, {});
    }
    clearInterval(timer);
    expect(fired).toBeGreaterThan(0);
  });
});

describe('fit yielding in a page (a document and requestAnimationFrame)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** A page whose frames come only when the test draws one; the callbacks waiting for the next frame. */
  function page(hidden: boolean): { waiting: (() => void)[]; drawFrame(): void } {
    const waiting: (() => void)[] = [];
    vi.stubGlobal('document', { hidden });
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => waiting.push(cb));
    return { waiting, drawFrame: () => { for (const cb of waiting.splice(0)) cb(); } };
  }
  const settled = (p: Promise<void>): { done: boolean } => {
    const state = { done: false };
    void p.then(() => { state.done = true; });
    return state;
  };
  const tasks = (n: number): Promise<void> => (n === 0 ? Promise.resolve() : new Promise((r) => setImmediate(r)).then(() => tasks(n - 1)));

  it('waits for the next frame to be drawn, as TF.js\'s nextFrame, so a page whose batches are long still paints after each', async () => {
    const p = page(false);
    const y = settled(new Yielder('batch', () => undefined).batchEnd(0, 0, {}));
    await tasks(5);
    expect([y.done, p.waiting.length]).toEqual([false, 1]);
    p.drawFrame();
    await tasks(5);
    expect(y.done).toBe(true);
  });

  it('goes on after 100 ms when no frame comes (the tab was hidden meanwhile), and at once in a hidden tab', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    page(false);
    const y = settled(new Yielder(0, () => undefined).batchEnd(0, 0, {}));
    await vi.advanceTimersByTimeAsync(99);
    expect(y.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(y.done).toBe(true);
    vi.useRealTimers();
    const hidden = page(true);
    const z = settled(new Yielder('epoch', () => undefined).epochEnd());
    await tasks(5);
    expect([z.done, hidden.waiting.length]).toEqual([true, 0]);
  });
});

describe('fit on a model, yielding', () => {
  const small = (): tn.Sequential => {
    tn.setRandomSeed(3);
    const model = tn.sequential({ layers: [tn.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] })] });
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    return model;
  };
  const x = tn.tensor(Float32Array.from({ length: 40 }, (_, i) => (i % 7) / 7), [10, 4]);
  const y = tn.tensor(Float32Array.from({ length: 10 }, (_, i) => i % 3), [10]);

  /** onYield hooks recording the batch, on a clock (TF.js's nowFunc) that moves 10 ms at each reading. */
  const timed = (yields: number[]) => {
    let t = 0;
    return { onYield: (_epoch: number, batch: number) => { yields.push(batch); }, nowFunc: () => (t += 10) };
  };

  it('lets timers run between batches, except with yieldEvery never; calls onYield with a period', async () => {
    for (const [yieldEvery, fires] of [['batch', true], [1, true], ['never', false]] as const) {
      let fired = false;
      const timer = setTimeout(() => { fired = true; }, 0);
      const yields: number[] = [];
      // An onYield hook with 'never' is refused (test/model/yield-tfjs.test.ts), so that run has none.
      const callbacks = yieldEvery === 'never' ? {} : timed(yields);
      await small().fit(x, y, { epochs: 1, batchSize: 2, verbose: 0, yieldEvery, callbacks });
      clearTimeout(timer);
      expect(fired).toBe(fires);
      // Period 1 ms, 10 ms between batches: a yield after every batch, onYield at each; 'batch' yields without calling onYield, as TF.js.
      expect(yields).toEqual(yieldEvery === 1 ? [0, 1, 2, 3, 4] : []);
    }
  });

  it('fitDataset yields as fit does: timers run between batches except with never; onYield at each batch with a short period', async () => {
    const batches = tn.data.zip({ xs: tn.data.array(Array.from({ length: 10 }, (_, i) => [0, 1, 2, 3].map((j) => ((4 * i + j) % 7) / 7))), ys: tn.data.array(Array.from({ length: 10 }, (_, i) => i % 3)) }).batch(2);
    for (const [yieldEvery, fires] of [['batch', true], [1, true], ['never', false]] as const) {
      let fired = false;
      const timer = setTimeout(() => { fired = true; }, 0);
      const yields: number[] = [];
      const callbacks = yieldEvery === 'never' ? {} : timed(yields);
      await small().fitDataset(batches, { epochs: 1, verbose: 0, yieldEvery, callbacks });
      clearTimeout(timer);
      expect(fired).toBe(fires);
      expect(yields).toEqual(yieldEvery === 1 ? [0, 1, 2, 3, 4] : []);
    }
  });

  it('rejects a second fit while one runs (trainOnBatch runs, as TF.js), then trains again once it is done', async () => {
    const model = small();
    const first = model.fit(x, y, { epochs: 3, batchSize: 2, verbose: 0, yieldEvery: 'batch' });
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    await expect(model.fit(x, y, { verbose: 0 })).rejects.toThrow('fit: Cannot start training because another fit() call is ongoing.');
    await expect(model.trainOnBatch(x, y)).resolves.toBeTypeOf('number');
    expect(model.isTraining).toBe(true);
    await first;
    expect(model.isTraining).toBe(false);
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).not.toEqual(before);
    await expect(model.trainOnBatch(x, y)).resolves.toBeTypeOf('number');
    await expect(model.fit(x, y, { verbose: 0, yieldEvery: 'never' })).resolves.toMatchObject({ epoch: [0] });
  });

  it('is not left marked as training when fit rejects its arguments', async () => {
    const model = small();
    await expect(model.fit(x, y, { verbose: 0, yieldEvery: 'often' as never })).rejects.toThrow(/fit: yieldEvery/);
    expect(model.isTraining).toBe(false);
  });
});
