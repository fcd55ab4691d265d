import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as tn from '../../src/node';

type TL = typeof tf;

/** A variable, a loss of it, and an adam optimizer that has taken one step. */
function stepped(lib: TL) {
  const w = lib.variable(lib.tensor2d([[0.5, -0.2], [0.1, 0.3]]));
  const x = lib.tensor2d([[1, 2], [3, 4]]);
  const f = () => lib.sum(lib.square(lib.matMul(x, w))) as tf.Scalar;
  const opt = lib.train.adam(0.01);
  opt.minimize(f);
  return { w, x, f, opt };
}

describe('optimizer.setWeights makes new slots, as TF.js: the tensors given stay the caller\'s', () => {
  it('setWeights(await getWeights()) on the same optimizer, then that list disposed: the optimizer still steps, with the same counts', async () => {
    const run = async (lib: TL) => {
      const { w, x, f, opt } = stepped(lib);
      const n = () => lib.memory().numTensors;
      const start = n();
      const ws = await opt.getWeights();
      const got = n() - start;
      await opt.setWeights(ws);
      const set = n() - start;
      lib.dispose(ws.map((e) => e.tensor));
      const afterDispose = n() - start;
      opt.minimize(f);
      const values = Array.from(w.dataSync());
      opt.dispose();
      lib.dispose([w, x]);
      return { got, set, afterDispose, values };
    };
    const { values: theirs, ...theirCounts } = await run(tf);
    const { values: ours, ...ourCounts } = await run(tn as unknown as TL);
    // getWeights makes the step count; setWeights two new slots (m and v); freeing what getWeights gave (the count, the old slots) undoes both.
    expect({ ourCounts, theirCounts }).toEqual({ ourCounts: { got: 1, set: 3, afterDispose: 0 }, theirCounts: { got: 1, set: 3, afterDispose: 0 } });
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 6));
  });

  it('the slots a first getWeights gave stay usable after setWeights replaces them', async () => {
    const run = async (lib: TL) => {
      const { w, x, opt } = stepped(lib);
      const ws = await opt.getWeights();
      const copies = ws.map((e) => ({ name: e.name, tensor: lib.mul(e.tensor, 2) }));
      await opt.setWeights(copies);
      const old = ws.slice(1).map((e) => Array.from(e.tensor.dataSync()).map((v) => Math.round(v * 1e5) / 1e5));
      lib.dispose(copies.map((e) => e.tensor));
      const now = (await opt.getWeights()).slice(1).map((e) => Array.from(e.tensor.dataSync()).map((v) => Math.round(v * 1e5) / 1e5));
      opt.dispose();
      lib.dispose([w, x, ...ws.map((e) => e.tensor)]);
      return { old, now };
    };
    expect(await run(tn as unknown as TL)).toEqual(await run(tf));
  });
});
