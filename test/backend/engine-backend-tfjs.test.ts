import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tn from '../../src/index';

// tn.backend(), tn.engine().backendName and tn.engine().state, side by side with TF.js 4.22 (its cpu backend in Node).
describe('tn.backend() and tn.engine(), as TF.js 4.22', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tn.setBackend('cpu');
  });

  it("names the backend: engine().backendName is 'cpu' in both, and the backend object's name", () => {
    expect(tf.engine().backendName).toBe('cpu');
    expect(tn.engine().backendName).toBe(tf.engine().backendName);
    expect(tn.backend().name).toBe('cpu');
    expect(tn.backend().describe()).toBe(tn.getBackend());
  });

  it('backend() is the current backend object, the same object each time and as engine().backend', () => {
    expect(tf.backend()).toBe(tf.engine().backend);
    expect(tn.backend()).toBe(tn.backend());
    expect(tn.engine().backend).toBe(tn.backend());
  });

  it('engine().registryFactory lists the backends a program may set, by name, as TF.js\'s (@vladmandic/human lists its keys)', () => {
    expect(Object.keys(tf.engine().registryFactory)).toContain('cpu');
    expect(Object.keys(tn.engine().registryFactory).sort()).toEqual(['cpu', 'gpu']);
    // The automatic choice tries the gpu first, where one might exist.
    expect(tn.engine().registryFactory.gpu.priority).toBeGreaterThan(tn.engine().registryFactory.cpu.priority);
  });

  it("engine().backendNames() gives those names, as TF.js's (scikitjs asks it for 'tensorflow' before tf.unique)", () => {
    expect(tf.engine().backendNames()).toEqual(Object.keys(tf.engine().registryFactory));
    expect(tn.engine().backendNames().sort()).toEqual(['cpu', 'gpu']);
    expect(tn.engine().backendNames().includes('tensorflow')).toBe(false);
  });

  it("answers TF.js's precision queries the same: floatPrecision() and epsilon()", () => {
    expect(tn.backend().floatPrecision()).toBe(tf.backend().floatPrecision());
    expect(tn.backend().epsilon()).toBe(tf.backend().epsilon());
  });

  it('engine().state counts what tf.memory() reports, changing as TF.js\'s does', () => {
    // numBytes counts each tensor's bytes, a reshape's too (its input's buffer counted twice), as TF.js's does.
    const counts = (s: { numTensors: number; numBytes: number; numDataBuffers: number }) => [s.numTensors, s.numBytes, s.numDataBuffers];
    const all = (s: { numTensors: number; numBytes: number; numDataBuffers: number }) => [s.numTensors, s.numBytes, s.numDataBuffers];
    const before = counts(tn.engine().state);
    const peerBefore = counts(tf.engine().state);
    const a = tn.tensor([[1, 2, 3], [4, 5, 6]]);
    const b = tn.reshape(a, [3, 2]);
    const c = tn.zeros([5], 'int32');
    const pa = tf.tensor([[1, 2, 3], [4, 5, 6]]);
    const pb = tf.reshape(pa, [3, 2]);
    const pc = tf.zeros([5], 'int32');
    const delta = counts(tn.engine().state).map((v, i) => v - before[i]);
    const peerDelta = counts(tf.engine().state).map((v, i) => v - peerBefore[i]);
    // Three tensors of 24 + 24 + 20 bytes, two buffers (a reshape shares its input's).
    expect(peerDelta).toEqual([3, 68, 2]);
    expect(delta).toEqual(peerDelta);
    expect(all(tn.engine().state)).toEqual(all(tn.memory()));
    expect(all(tf.engine().state)).toEqual(all(tf.memory()));
    const strings = tn.tensor(['a', 'b']);
    const peerStrings = tf.tensor(['a', 'b']);
    expect(tn.engine().state.numStringTensors).toBe(tf.engine().state.numStringTensors);
    expect(tn.engine().state.numStringTensors).toBeGreaterThan(0);
    tn.dispose([a, b, c, strings]);
    tf.dispose(peerStrings);
    tf.dispose([pa, pb, pc]);
    expect(counts(tn.engine().state)).toEqual(before);
    expect(counts(tf.engine().state)).toEqual(peerBefore);
    expect(all(tn.engine().state)).toEqual(all(tn.memory()));
    expect(Object.keys(tn.engine().state.registeredVariables)).toEqual(Object.keys(tn.engine().registeredVariables));
  });

  it('registeredVariables is one live object, as TF.js\'s: kept before a variable is made, it finds it, and loses it when disposed', () => {
    const seen = ([tf, tn] as unknown as (typeof tn)[]).map((lib) => {
      const kept = lib.engine().registeredVariables;
      const state = lib.engine().state.registeredVariables;
      const v = lib.variable(lib.scalar(1), true, 'made_later');
      const found = [kept === lib.engine().registeredVariables, kept.made_later === v, state.made_later === v];
      v.dispose();
      return [...found, 'made_later' in kept];
    });
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[1]).toEqual([true, true, true, false]);
  });
});
