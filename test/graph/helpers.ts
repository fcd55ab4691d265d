import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import * as tn from '../../src/node';
import type { GraphBuilder } from './graph-builder';

/** The same artifacts loaded in TF.js 4.22 and in tessera. */
export async function loadBoth(g: GraphBuilder, extra: Record<string, unknown> = {}) {
  const peer = await tf.loadGraphModel(tf.io.fromMemory(g.artifacts(extra) as tf.io.ModelArtifacts));
  const ours = await tn.loadGraphModel(tn.io.fromMemory(g.artifacts(extra)));
  return { peer, ours };
}

/** A random float32 input as a tensor of each library, the same values. */
export function inputPair(g: GraphBuilder, shape: number[]): { t: tn.Tensor; tfx: tf.Tensor } {
  const values = g.randoms(shape.reduce((a, b) => a * b, 1), 2);
  return { t: tn.tensor(values, shape), tfx: tf.tensor(values, shape) };
}

const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** Same number of outputs, each with the same shape, dtype and values (float32 tolerance). */
export function expectSame(ours: tn.Tensor | tn.Tensor[], theirs: tf.Tensor | tf.Tensor[], tol = 1e-4): void {
  const [a, b] = [list(ours), list(theirs)];
  expect(a.length).toBe(b.length);
  a.forEach((t, i) => {
    expect(t.shape, `output ${i} shape`).toEqual(b[i].shape);
    expect(t.dtype, `output ${i} dtype`).toBe(b[i].dtype);
    const [x, y] = [Array.from(t.dataSync() as ArrayLike<number>), Array.from(b[i].dataSync() as ArrayLike<number>)];
    const worst = x.reduce((m, v, j) => Math.max(m, Math.abs(v - y[j]) / Math.max(1, Math.abs(y[j]))), 0);
    expect(worst, `output ${i} max difference`).toBeLessThan(tol);
  });
}

/**
 * What the RNN graphs of these tests compute, by hand with tessera's ops: h = tanh(x_t·w + h·u) from h = 0 over x's
 * first axis, with the model's weights 'w' and 'u'; every step's h stacked, and the last.
 */
export function rnnByHand(x: tn.Tensor, model: tn.GraphModel): { seq: tn.Tensor; last: tn.Tensor } {
  const [w, u] = [model.weights.w[0], model.weights.u[0]];
  let h = tn.zeros([x.shape[1], w.shape[1]]);
  const hs: tn.Tensor[] = [];
  for (const xt of tn.unstack(x)) hs.push(h = tn.tanh(tn.add(tn.matMul(xt, w), tn.matMul(h, u))));
  return { seq: tn.stack(hs), last: h };
}
