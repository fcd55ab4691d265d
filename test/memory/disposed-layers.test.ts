import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

type TL = typeof tf;

/** What a call gives: its result as JSON, or its error's message. */
async function outcome(fn: () => unknown): Promise<string> {
  try {
    const r = await fn();
    return `ok ${r instanceof tf.Tensor || r instanceof tn.Tensor ? 'tensor' : JSON.stringify(r)}`;
  } catch (e) {
    return `error ${(e as Error).message}`;
  }
}

/** Each case's outcome in a library; the names TF.js gives (dense_Dense1, sequential_1) are numbered per library run. */
async function run(lib: TL): Promise<string[]> {
  const out: string[] = [];
  const x = lib.ones([1, 3]);
  out.push(await outcome(() => lib.layers.dense({ units: 2, name: 'unbuilt' }).dispose()));
  const d = lib.layers.dense({ units: 2, name: 'used' });
  lib.dispose(d.apply(x) as tf.Tensor);
  out.push(await outcome(() => d.dispose()));
  out.push(await outcome(() => d.dispose()));
  out.push(await outcome(() => d.apply(x)));
  const m = lib.sequential({ name: 'seq_a', layers: [lib.layers.dense({ units: 2, inputShape: [3], name: 'in_a' })] });
  out.push(await outcome(() => m.dispose()));
  out.push(await outcome(() => m.dispose()));
  out.push(await outcome(() => m.apply(x)));
  const m2 = lib.sequential({ name: 'seq_b', layers: [lib.layers.dense({ units: 2, inputShape: [3], name: 'in_b' })] });
  m2.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  m2.dispose();
  const y = lib.ones([1, 2]);
  out.push(await outcome(() => m2.predict(x)));
  out.push(await outcome(() => m2.fit(x, y, { verbose: 0 }).then(() => 'trained')));
  out.push(await outcome(() => m2.getWeights()));
  out.push(await outcome(() => m2.layers[0].getWeights()));
  lib.dispose([x, y]);
  return out;
}

describe('a layer or model used after dispose() refuses as TF.js does', () => {
  it('dispose unbuilt, dispose twice, apply, predict, fit and getWeights after dispose', async () => {
    const theirs = await run(tf);
    expect(await run(tn as unknown as TL)).toEqual(theirs);
    expect(theirs[2]).toBe("error Layer 'used' is already disposed.");
  });
});

describe('a layer built when made (it declared its input shape) and never used', () => {
  it('frees its weights on dispose (TF.js builds it only when used, so it has none to free)', () => {
    const before = tn.memory().numTensors;
    const d = tn.layers.dense({ units: 2, inputShape: [3], name: 'declared_only' });
    expect(tn.memory().numTensors).toBe(before + 2);
    expect(d.dispose()).toEqual({ refCountAfterDispose: 0, numDisposedVariables: 2 });
    expect(tn.memory().numTensors).toBe(before);
    expect(() => d.dispose()).toThrow("Layer 'declared_only' is already disposed.");
  });
});
