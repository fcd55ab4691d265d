import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('tn.data datasets', () => {
  it('start every pass afresh, from an async generator too', async () => {
    async function* slow() {
      for (let i = 0; i < 3; i++) yield await Promise.resolve(i);
    }
    const ds = tn.data.generator(slow).map((v) => v + 1);
    expect(await ds.toArray()).toEqual([1, 2, 3]);
    expect(await ds.toArray()).toEqual([1, 2, 3]);
    const it = await ds.iterator();
    expect(await it.next()).toEqual({ value: 1, done: false });
  });

  it('reject bad arguments naming the method and argument', () => {
    const ds = tn.data.array([1, 2]);
    expect(() => ds.batch(0)).toThrow(/Dataset\.batch: batchSize/);
    expect(() => ds.map(3 as unknown as (v: number) => number)).toThrow(/Dataset\.map: transform/);
    expect(() => ds.repeat(1.5)).toThrow(/Dataset\.repeat: count/);
    expect(() => tn.data.array('abc' as unknown as number[])).toThrow(/data\.array: items/);
    expect(() => tn.data.zip([ds, 3 as unknown as tn.data.Dataset])).toThrow(/data\.zip: datasets\[/);
  });

  it('shuffle: a seed replays its passes; each pass reshuffles unless told not to; a buffer of one keeps the order', async () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const a = tn.data.array(items).shuffle(20, 'seed');
    const b = tn.data.array(items).shuffle(20, 'seed');
    const [a1, a2] = [await a.toArray(), await a.toArray()];
    expect([await b.toArray(), await b.toArray()]).toEqual([a1, a2]);
    expect(a1).not.toEqual(a2);
    expect(a1).not.toEqual(items);
    expect([...a1].sort((x, y) => x - y)).toEqual(items);
    const fixed = tn.data.array(items).shuffle(20, 7, false);
    expect(await fixed.toArray()).toEqual(await fixed.toArray());
    expect(await tn.data.array(items).shuffle(1, 3).toArray()).toEqual(items);
  });

  it('shuffle: a window of bufferSize, by hand with a two-element buffer', async () => {
    // With two slots each step hands out one of the next two unread elements, so item v is out by position v + 1.
    for (let seed = 0; seed < 20; seed++) {
      const order = await tn.data.array([0, 1, 2, 3, 4, 5]).shuffle(2, seed).toArray();
      order.forEach((v, pos) => expect(v).toBeLessThanOrEqual(pos + 1));
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    }
  });

  it('shuffle and prefetch refuse bad buffer sizes and seeds', () => {
    const ds = tn.data.array([1, 2]);
    expect(() => ds.shuffle(undefined as unknown as number)).toThrow(RangeError);
    expect(() => ds.shuffle(0)).toThrow(/Dataset\.shuffle: bufferSize must be a positive integer, got 0/);
    expect(() => ds.shuffle(2.5)).toThrow(/Dataset\.shuffle: bufferSize/);
    expect(() => ds.shuffle(2, NaN)).toThrow(/Dataset\.shuffle: seed/);
    expect(() => ds.prefetch(undefined as unknown as number)).toThrow(RangeError);
    expect(() => ds.prefetch(0)).toThrow(/Dataset\.prefetch: bufferSize/);
    expect(() => ds.filter(1 as unknown as () => boolean)).toThrow(/Dataset\.filter: predicate/);
    expect(() => ds.mapAsync(1 as unknown as () => Promise<number>)).toThrow(/Dataset\.mapAsync: transform/);
    expect(() => ds.concatenate([3] as unknown as tn.data.Dataset<number>)).toThrow(/Dataset\.concatenate: dataset/);
    expect(() => tn.data.func(3 as unknown as () => IteratorResult<number>)).toThrow(/data\.func: f/);
  });

  it('prefetch reads ahead of the consumer by bufferSize', async () => {
    let read = 0;
    const ds = tn.data.generator(function* () {
      for (let i = 0; i < 10; i++) { read++; yield i; }
    }).prefetch(3);
    const it = await ds.iterator();
    expect(await it.next()).toEqual({ value: 0, done: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(read).toBe(3); // the consumed element and the two read ahead
    expect(await ds.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
