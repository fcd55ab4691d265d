import { beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// tf.data calls from TF.js 4.22's tfjs-data specs and doc comments, run on tessera and on TF.js: the elements agree.

type Lib = typeof tn;
let tf: Lib;

beforeAll(async () => {
  const tfjs = await import('@tensorflow/tfjs');
  await tfjs.setBackend('cpu');
  tf = tfjs as unknown as Lib;
});

/** The program's result with tessera and with TF.js. */
async function both<R>(program: (L: Lib) => Promise<R>): Promise<[R, R]> {
  return [await program(tn), await program(tf)];
}

/** A count as a JS program may pass one (TF.js types it number). */
const loose = (v: unknown): number => v as number;

describe('take, skip and repeat read their count as TF.js does', () => {
  it('take: null, undefined, NaN and negative take every element; a fraction counts up', async () => {
    const [got, want] = await both((L) => Promise.all([null, undefined, NaN, -1, 2.5, 0, 3, 9, Infinity].map((n) => L.data.array([0, 1, 2, 3, 4]).take(loose(n)).toArray())));
    expect(got).toEqual(want);
    expect(got).toEqual([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2], [], [0, 1, 2], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4]]);
    const base = tn.data.array([0, 1, 2, 3, 4]);
    // The true counts (TF.js 4.22 says null, null, null, -1, 2.5: README).
    expect([null, undefined, NaN, -1, 2.5].map((n) => base.take(loose(n)).size)).toEqual([5, 5, 5, 5, 3]);
    expect(() => base.take(loose('two'))).toThrow("Dataset.take: count must be a number (undefined, null or negative for no limit), got \"two\"");
    expect(() => base.take(loose(true))).toThrow('Dataset.take: count must be a number');
  });

  it('skip: null, undefined, NaN and negative skip nothing; a fraction counts up', async () => {
    const [got, want] = await both((L) => Promise.all([null, undefined, NaN, -1, 2.5, 0, 3, 9, Infinity].map((n) => L.data.array([0, 1, 2, 3, 4]).skip(loose(n)).toArray())));
    expect(got).toEqual(want);
    expect(got).toEqual([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [3, 4], [0, 1, 2, 3, 4], [3, 4], [], []]);
    const base = tn.data.array([0, 1, 2, 3, 4]);
    expect([null, undefined, NaN, -1, 2.5].map((n) => base.skip(loose(n)).size)).toEqual([5, 5, 5, 5, 2]);
  });

  it('repeat: null, NaN and Infinity repeat forever, a fraction counts up', async () => {
    const [got, want] = await both((L) => Promise.all([null, NaN, Infinity, 2.5].map((n) => L.data.array([0, 1]).repeat(loose(n)).take(7).toArray())));
    expect(got).toEqual(want);
    expect(got).toEqual([[0, 1, 0, 1, 0, 1, 0], [0, 1, 0, 1, 0, 1, 0], [0, 1, 0, 1, 0, 1, 0], [0, 1, 0, 1, 0, 1]]);
    const base = tn.data.array([0, 1]);
    expect([null, NaN, Infinity, 2.5].map((n) => base.repeat(loose(n)).size)).toEqual([Infinity, Infinity, Infinity, 6]);
    expect(tf.data.array([0, 1]).repeat(Infinity).size).toBe(Infinity);
  });
});
