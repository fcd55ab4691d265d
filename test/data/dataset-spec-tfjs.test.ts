import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';
import * as tnNode from '../../src/node';
import { tfjsCpu } from './tfjs-cpu';

// tf.data calls from TF.js 4.22's tfjs-data specs and doc comments, run on tessera and on TF.js: the elements agree.

type Lib = typeof tn;
let tf: Lib;

beforeAll(async () => {
  tf = await tfjsCpu();
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

describe('a subclass of tf.data.Dataset that implements iterator(), as TF.js\'s abstract class asks', () => {
  /** TF.js's dataset_test "can be repeated with state in a closure": each pass gives the next three numbers. */
  const counting = (L: Lib) => new (class CustomDataset extends L.data.Dataset<number> {
    state = { val: 1 };
    override async iterator() {
      const v = this.state.val;
      this.state.val += 3;
      return L.data.array([v, v + 1, v + 2]).iterator();
    }
  })();

  it('is read by every transform, by toArray and by forEachAsync', async () => {
    const [got, want] = await both(async (L) => {
      const seen: number[] = [];
      await counting(L).forEachAsync((x) => { seen.push(x); });
      const batched = await counting(L).map((x) => x * 2).batch(2).toArray();
      return [
        await counting(L).toArray(), await counting(L).repeat().take(7).toArray(), seen,
        await Promise.all(batched.map((b) => (b as tn.Tensor).array())),
        await counting(L).filter((x) => x !== 2).skip(1).toArray(), await counting(L).concatenate(L.data.array([9])).toArray(),
        await counting(L).shuffle(3, 's').toArray(), await L.data.zip([counting(L), counting(L)]).toArray(),
        await counting(L).prefetch(2).mapAsync(async (x) => x + 1).toArray(),
      ];
    });
    expect(got).toEqual(want);
    expect(got.slice(0, 3)).toEqual([[1, 2, 3], [1, 2, 3, 4, 5, 6, 7], [1, 2, 3]]);
  });

  it('without iterator() it is refused when read, naming the class', async () => {
    class Empty extends tn.data.Dataset<number> {}
    await expect(new Empty().toArray()).rejects.toThrow('Empty: a subclass of tf.data.Dataset must implement iterator()');
  });
});

describe('csv options given as null are taken as not given, as TF.js takes them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-csv-null-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("null config, null or '' delimiter, null columnNames and other null options fall back to the defaults", async () => {
    const file = join(dir, 'abc.csv');
    writeFileSync(file, 'A,B,C\n1,2,3\n4,5,6\n');
    const configs = [null, { delimiter: null }, { delimiter: '' }, { columnNames: null }, { hasHeader: null, columnConfigs: null, configuredColumnsOnly: null, delimWhitespace: null }];
    const csvOf = (L: Lib) => (L === tn ? tnNode.data.csv : L.data.csv) as (source: string, config: unknown) => tn.data.CSVDataset;
    const [got, want] = await both((L) => Promise.all(configs.map((c) => csvOf(L)(`file://${file}`, c).toArray())));
    expect(got).toEqual(want);
    expect(got).toEqual(configs.map(() => [{ A: 1, B: 2, C: 3 }, { A: 4, B: 5, C: 6 }]));
  });
});

describe('shuffle', () => {
  it('takes a seed of null or NaN as no seed, as TF.js (seed || now()), and shuffles', async () => {
    const [got, want] = await both((L) => Promise.all([null, NaN].map(async (seed) => {
      const ds = L.data.array([0, 1, 2, 3, 4, 5, 6, 7]).shuffle(8, seed as unknown as number);
      return [ds.size, (await ds.toArray()).sort((a, b) => a - b)];
    })));
    expect(got).toEqual(want);
    expect(got).toEqual([[8, [0, 1, 2, 3, 4, 5, 6, 7]], [8, [0, 1, 2, 3, 4, 5, 6, 7]]]);
    expect(() => tn.data.array([1]).shuffle(1, Infinity)).toThrow('Dataset.shuffle: seed must be a string or a finite number, got Infinity');
  });
});

describe('zip', () => {
  it('zips a Dataset given alone: its elements unchanged, as TF.js', async () => {
    const [got, want] = await both(async (L) => [
      await L.data.zip(L.data.array([0, 1, 2])).toArray(), await L.data.zip(L.data.array([{ a: [1] }]).map((e) => e)).toArray(),
    ]);
    expect(got).toEqual(want);
    expect(got).toEqual([[0, 1, 2], [{ a: [1] }]]);
    expect(tn.data.zip(tn.data.array([0, 1, 2])).size).toBe(3);
  });
});

describe('array', () => {
  it('reads a typed array as its list of numbers, as TF.js', async () => {
    const [got, want] = await both(async (L) => {
      const ds = L.data.array(new Float32Array([1, 2.5, -3]) as unknown as number[]);
      return [ds.size, await ds.toArray(), await L.data.array(new Int32Array([4, 5]) as unknown as number[]).batch(2).toArray().then((b) => (b[0] as tn.Tensor).array())];
    });
    expect(got).toEqual(want);
    expect(got).toEqual([3, [1, 2.5, -3], [4, 5]]);
    expect(() => tn.data.array(new DataView(new ArrayBuffer(4)) as unknown as number[])).toThrow('data.array: items must be an array of elements, got a DataView');
  });
});

describe("the iterator from dataset.iterator() reads the rest of its pass, as TF.js's LazyIterator", () => {
  it('toArray, toArrayForTest and forEachAsync take up where next() left off', async () => {
    const [got, want] = await both(async (L) => {
      const it = await L.data.array([1, 2, 3]).iterator();
      const first = await it.next();
      const rest = await it.toArray();
      const afterEnd = [await it.toArray(), await it.next()];
      const mapped = await L.data.array([1, 2, 3, 4]).map((x) => x * 10).iterator();
      await mapped.next();
      const ahead = await mapped.toArrayForTest();
      const seen: number[][] = [];
      const tensors = await L.data.array([1, 2, 3]).map((x) => L.tensor1d([x, -x])).iterator();
      await tensors.next().then((r) => L.dispose(r.value as tn.Tensor));
      const before = L.memory().numTensors;
      await tensors.forEachAsync((t) => { seen.push(Array.from((t as tn.Tensor).dataSync())); });
      return { first, rest, afterEnd, ahead, seen, leaked: L.memory().numTensors - before };
    });
    expect(got).toEqual(want);
    expect(got).toEqual({ first: { value: 1, done: false }, rest: [2, 3], afterEnd: [[], { value: null, done: true }], ahead: [20, 30, 40], seen: [[2, -2], [3, -3]], leaked: 0 });
  });
});

describe('zip of a structure with a cycle', () => {
  it("is refused with TF.js's words, naming where the cycle closes", async () => {
    const [got, want] = await both(async (L) => {
      const c: unknown[] = [L.data.array([7])];
      const abc = [L.data.array([1]), c];
      c.push(abc);
      try {
        return await L.data.zip({ abc } as unknown as tn.data.DatasetContainer).toArray();
      } catch (e) {
        return (e as Error).message.replace(/.*(?=Circular)/, '');
      }
    });
    expect(got).toEqual(want);
    expect(got).toBe('Circular references are not supported.');
    const shared = [tn.data.array([1])];
    expect(await tn.data.zip([shared, shared]).toArray()).toEqual([[[1], [1]]]);
    const c: unknown[] = [];
    c.push(c);
    expect(() => tn.data.zip(c as tn.data.DatasetContainer)).toThrow('data.zip: datasets[0] refers back to a container it is inside. Circular references are not supported.');
  });
});

describe("sizes where TF.js 4.22's is off (README: tessera's is the true count)", () => {
  it('take, skip, repeat and zip of unknown size', async () => {
    const sizes = (L: Lib) => {
      const five = L.data.array([0, 1, 2, 3, 4]);
      const two = L.data.array([0, 1]);
      const unknown = L.data.generator(function* () { yield 1; });
      return [
        five.take(-1).size, five.take(loose(null)).size, five.take(loose(undefined)).size, five.take(2.5).size, five.skip(-1).size,
        five.skip(loose(undefined)).size, five.take(loose('2')).size, two.repeat(2.5).size, two.repeat(loose(null)).size,
        L.data.zip([L.data.array([1, 2, 3]), unknown]).size, L.data.zip([five.filter(() => false), L.data.array([7, 8, 9])]).size,
      ];
    };
    expect(sizes(tn)).toEqual([5, 5, 5, 3, 5, 5, 2, 6, Infinity, null, null]);
    expect(sizes(tf)).toEqual([-1, null, null, 2.5, 0, 0, '2', 5, null, 0, 3]);
    // The elements agree.
    const [got, want] = await both((L) => L.data.zip([L.data.array([0, 1, 2, 3, 4]).skip(-1), L.data.array([1, 2]).repeat(2.5)]).toArray());
    expect(got).toEqual(want);
  });
});

describe('a generator that yields a Promise (README: tessera hands on its value)', () => {
  it('gives the resolved value where TF.js gives the Promise', async () => {
    const run = (L: Lib) => L.data.generator(function* () { yield Promise.resolve(1); yield 2; }).toArray();
    expect(await run(tn)).toEqual([1, 2]);
    const [first, second] = await run(tf);
    expect([first instanceof Promise, await first, second]).toEqual([true, 1, 2]);
  });
});

describe('prefetch reads ahead as TF.js does', () => {
  it('calls a sync generator to fill the whole buffer before the first element is taken, then once per element', async () => {
    const run = async (L: Lib) => {
      const log: string[] = [];
      let i = 0;
      const ds = L.data.generator(() => ({ next: () => { log.push(`g${i}`); return { value: i++, done: false }; } })).prefetch(8);
      const it = await ds.iterator();
      for (let k = 0; k < 3; k++) {
        await it.next();
        log.push(`c${k}`);
      }
      return log;
    };
    const ours = await run(tn);
    expect(ours).toEqual(await run(tf));
    expect(ours).toEqual(['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'c0', 'g8', 'c1', 'g9', 'c2']);
  });
});
