import { describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

describe('disposeVariables and nextFrame', () => {
  it('disposeVariables frees every live variable, optimizer slots included', () => {
    const w = tn.variable(tn.ones([3]));
    tn.train.adam(0.1).minimize(() => tn.sum(tn.square(w)));
    const before = tn.memory().numTensors;
    tn.disposeVariables();
    expect(w.isDisposed).toBe(true);
    // w and Adam's two moment slots.
    expect(before - tn.memory().numTensors).toBeGreaterThanOrEqual(3);
  });

  it('nextFrame resolves after the current task', async () => {
    const order: string[] = [];
    const frame = tn.nextFrame().then(() => order.push('frame'));
    await Promise.resolve().then(() => order.push('microtask'));
    await frame;
    expect(order).toEqual(['microtask', 'frame']);
  });
});
