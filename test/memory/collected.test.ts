import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// A tensor the program drops without dispose() stays in tn.memory()'s count after the garbage collector has run, as
// TF.js's engine keeps every leaked tensor's entry, however it got loose: made outside any tidy, returned out of the
// outermost tidy, or made inside a tidy whose function threw. The count then reads as TF.js's in every run, whenever
// the collector happens to run. (Its values are still freed: wasm-heap.test.ts.)

/** The engine's gc, exposed at run time since vitest's workers are not started with --expose-gc. */
function obtainGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** The count after the garbage collector has run, and any finalizers with it (they run on a later turn). */
async function countAfterCollection(): Promise<{ numTensors: number; numBytes: number }> {
  const gc = obtainGc();
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const { numTensors, numBytes } = tn.memory();
  return { numTensors, numBytes };
}

/** Makes and drops tensors the way `loose` does, 50 times. */
function dropMany(loose: () => void): void {
  for (let i = 0; i < 50; i++) loose();
}

describe('tensors dropped undisposed stay counted, as in TF.js', () => {
  it('made outside any tidy', async () => {
    const before = tn.memory();
    dropMany(() => void tn.add(tn.tensor([1, 2, 3]), 1));
    // Each drop leaves the input and the sum (a number argument's scalar is the op's own, freed as it returns).
    expect(await countAfterCollection()).toEqual({ numTensors: before.numTensors + 100, numBytes: before.numBytes + 100 * 12 });
  });

  it('returned out of the outermost tidy, from a nested one', async () => {
    const before = tn.memory().numTensors;
    dropMany(() => void tn.tidy(() => tn.tidy(() => tn.square(tn.tensor([1, 2, 3])))));
    expect((await countAfterCollection()).numTensors).toBe(before + 50);
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
    // Each first loop leaves the kept tensor and the result; the tidy that threw disposed what it made.
    expect((await countAfterCollection()).numTensors).toBe(before + 100);
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

describe('variables dropped undisposed stay registered, as in TF.js', () => {
  it('are listed, keep their names taken, and are freed by disposeVariables after the collector ran', async () => {
    const before = tn.memory().numTensors;
    const names = ['collected-a', 'collected-b', 'collected-c'];
    // The initial values stay too: each variable holds a copy, and the dropped value is a leaked tensor of its own.
    for (const name of names) void tn.variable(tn.zeros([10]), true, name);
    expect((await countAfterCollection()).numTensors).toBe(before + 6);
    expect(Object.keys(tn.engine().registeredVariables)).toEqual(expect.arrayContaining(names));
    expect(() => tn.variable(tn.scalar(1), true, 'collected-a')).toThrow(/name must be unique among live variables, got 'collected-a'/);
    tn.disposeVariables();
    // The refused call's scalar stays (it leaked), the three variables are gone, their names free again.
    expect(tn.memory().numTensors).toBe(before + 3 + 1);
    expect(Object.keys(tn.engine().registeredVariables)).toEqual([]);
    const again = tn.variable(tn.scalar(2), true, 'collected-a');
    expect(again.dataSync()[0]).toBe(2);
    again.dispose();
    expect(Object.keys(tn.engine().registeredVariables)).toEqual([]);
  });
});
