import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// A tensor freed by the garbage collector without dispose() leaves tn.memory()'s count, however it got loose: made
// outside any tidy, returned out of the outermost tidy, or made inside a tidy whose function threw. (Tensors inside
// a tidy are held by its scope until it ends, so the count watches them only from then on.)

/** The engine's gc, exposed at run time since vitest's workers are not started with --expose-gc. */
function obtainGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Collects garbage until the count is back to `target` (finalizers run after a collection, on a later turn). */
async function collectedTo(target: number): Promise<number> {
  const gc = obtainGc();
  for (let i = 0; i < 20 && tn.memory().numTensors !== target; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return tn.memory().numTensors;
}

/** Makes and drops tensors the way `loose` does, 50 times. */
function dropMany(loose: () => void): void {
  for (let i = 0; i < 50; i++) loose();
}

describe('tensors freed by the garbage collector leave the count', () => {
  it('made outside any tidy', async () => {
    const before = tn.memory().numTensors;
    dropMany(() => void tn.add(tn.tensor([1, 2, 3]), 1));
    expect(tn.memory().numTensors).toBeGreaterThan(before);
    expect(await collectedTo(before)).toBe(before);
  });

  it('returned out of the outermost tidy, from a nested one', async () => {
    const before = tn.memory().numTensors;
    dropMany(() => void tn.tidy(() => tn.tidy(() => tn.square(tn.tensor([1, 2, 3])))));
    expect(tn.memory().numTensors).toBe(before + 50);
    expect(await collectedTo(before)).toBe(before);
  });

  it('kept inside a tidy, and made inside a tidy that threw', async () => {
    const before = tn.memory().numTensors;
    dropMany(() => void tn.tidy(() => {
      tn.keep(tn.tensor([4]));
      return tn.tensor([5]);
    }));
    dropMany(() => {
      expect(() => tn.tidy(() => {
        tn.tidy(() => tn.neg(tn.tensor([1, 2])));
        throw new Error('body failed');
      })).toThrow('body failed');
    });
    expect(tn.memory().numTensors).toBeGreaterThan(before);
    expect(await collectedTo(before)).toBe(before);
  });

  it('while tensors disposed by their tidy leave it at once', () => {
    const before = tn.memory().numTensors;
    const kept = tn.tidy(() => {
      const a = tn.tensor([1, 2]);
      tn.add(a, a);
      return tn.mul(a, 2);
    });
    expect(tn.memory().numTensors).toBe(before + 1);
    kept.dispose();
    expect(tn.memory().numTensors).toBe(before);
  });
});
