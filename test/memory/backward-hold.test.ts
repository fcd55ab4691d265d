import { describe, expect, it, vi } from 'vitest';
import type { DeviceData, TypedArray } from '../../src/backend/handle';

// A tensor that f disposes while a gradient is being taken keeps its values for the backward pass, and they are
// freed once the gradient has been taken: the release is deferred, never lost.
const released: Array<TypedArray | DeviceData> = [];
vi.mock('../../src/backend/host-values', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/backend/host-values')>();
  return { ...actual, releaseStorage: (s: TypedArray | DeviceData) => { released.push(s); actual.releaseStorage(s); } };
});
const tn = await import('../../src/index');

describe('values of a tensor disposed inside a gradient', () => {
  it('are freed when the gradient has been taken, not before', () => {
    tn.setBackend('cpu');
    let storage: TypedArray | DeviceData | undefined;
    let releasedInF = true;
    let nested = false;
    const g = tn.grad((x) => {
      const y = x.square();
      storage = y.storage;
      const z = y.mul(x);
      y.dispose();
      releasedInF = released.includes(storage);
      // A gradient nested in f ends first: the outer tape still holds y, so its values stay.
      tn.grad((a) => a.mul(z))(tn.scalar(1)).dispose();
      nested = released.includes(storage);
      return z;
    })(tn.scalar(2));
    expect(g.dataSync()[0]).toBe(12);
    expect(releasedInF).toBe(false);
    expect(nested).toBe(false);
    expect(released.filter((s) => s === storage)).toHaveLength(1);
  });

  it('are freed at once outside any gradient', () => {
    const y = tn.tensor1d([1, 2]);
    const storage = y.storage;
    y.dispose();
    expect(released.filter((s) => s === storage)).toHaveLength(1);
  });
});
