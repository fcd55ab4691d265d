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
});
