import { afterAll, expect, it } from 'vitest';
import * as tn from '../../src/index';
import { registerBackend, setBackend } from '../../src/backend/registry';
import { describeGpu, gpu } from './gpu-context';

// String tensors on the gpu backend: their strings stay on the host (as in TF.js's webgl backend), the ops that take
// them give the cpu backend's results, and memory and disposal count them as there.

/** The run's results, as plain values, on the named backend. */
function run(name: 'cpu' | 'gpu'): unknown[] {
  setBackend(name);
  return tn.tidy(() => {
    const a = tn.tensor2d([['a', 'bé', 'c'], ['d', 'e', 'f']]);
    const v = tn.tensor1d(['b', 'a', 'b', 'c']);
    const before = tn.memory();
    const made = tn.tensor(['xyz', 'é']);
    const counted = tn.memory().numBytes - before.numBytes;
    made.dispose();
    const u = tn.unique(v);
    const split = tn.string.stringSplit(['a b', 'c'], ' ');
    return [
      a.reshape([3, 2]).arraySync(), tn.expandDims(a, 1).shape, tn.slice(a, [0, 1], [2, 2]).arraySync(), tn.concat([a, a], 1).arraySync(),
      tn.stack([v, v], 1).arraySync(), tn.unstack(a).map((t) => t.arraySync()), tn.tile(v, [2]).arraySync(),
      tn.stridedSlice(a, [0, 0], [2, 3], [1, 2]).arraySync(), tn.gatherND(a, [[1, 2], [0, 1]]).arraySync(), u.values.arraySync(), u.indices.arraySync(),
      tn.equal(v, tn.scalar('b')).arraySync(), tn.less(v, tn.scalar('b')).arraySync(), counted, a.toString(),
      split.values.arraySync(), split.indices.arraySync(), tn.string.stringToHashBucketFast(v, 7).arraySync(),
      tn.string.staticRegexReplace(v, 'b', 'B').arraySync(), (() => { try { return tn.add(v, v); } catch (e) { return (e as Error).message; } })(),
    ];
  });
}

describeGpu('string tensors on the gpu backend', () => {
  afterAll(() => { setBackend('cpu'); });

  it('give the cpu backend\'s results, and no string reaches the device', () => {
    registerBackend('gpu', () => gpu!);
    const want = run('cpu');
    const got = run('gpu');
    expect(tn.getBackend()).toMatch(/gpu/);
    expect(got).toEqual(want);
    expect(want[0]).toEqual([['a', 'bé'], ['c', 'd'], ['e', 'f']]);
  });
});
