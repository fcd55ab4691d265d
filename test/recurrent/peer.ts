import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import * as tn from '../../src/index';

/**
 * The part of the public surface both libraries share: a builder written against tessera's types runs on
 * TF.js too (the same program with the import changed), so each architecture is written once.
 */
export type Lib = typeof tn;
export const TF = tf as unknown as Lib;

/** A model built from the same program in both libraries, with the same (seeded) weights. */
export interface Pair {
  ours: tn.LayersModel;
  theirs: tf.LayersModel;
}

/** Seeded weights in (-0.5, 0.5), given to both models. */
export function twin(build: (L: Lib) => tn.LayersModel): Pair {
  const ours = build(tn);
  const theirs = build(TF) as unknown as tf.LayersModel;
  const values = ours.getWeights().map((w, i) => tn.randomUniform(w.shape, -0.5, 0.5, 'float32', 500 + i));
  expectShapes(values.map((v) => v.shape), theirs.getWeights().map((w) => w.shape));
  ours.setWeights(values);
  theirs.setWeights(values.map((v) => tf.tensor(Array.from(v.dataSync()), v.shape.slice())));
  return { ours, theirs };
}

function expectShapes(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`weight shapes differ: tessera ${JSON.stringify(a)}, TF.js ${JSON.stringify(b)}`);
}

export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** The artifacts TF.js hands to a save handler. */
export async function tfArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (a) => {
    captured = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  if (!captured) throw new Error('TF.js did not call the save handler');
  return captured;
}

/** The artifacts tessera hands to a save handler. */
export async function tnArtifacts(model: tn.LayersModel): Promise<tn.ModelArtifacts> {
  let captured: tn.ModelArtifacts | undefined;
  await model.save(tn.io.withSaveHandler(async (a) => {
    captured = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', modelTopologyBytes: 0, weightSpecsBytes: 0, weightDataBytes: 0 } };
  }));
  if (!captured) throw new Error('tessera did not call the save handler');
  return captured;
}

/** One input for both libraries: integer ids (as float, as TF.js programs feed them) or seeded values. */
export function feed(values: number[][] | number[][][]): { t: tn.Tensor; p: tf.Tensor } {
  return { t: tn.tensor(values), p: tf.tensor(values) };
}

export function seeded(shape: number[], seed: number): { t: tn.Tensor; p: tf.Tensor } {
  const t = tn.randomUniform(shape, -1, 1, 'float32', seed);
  return { t, p: tf.tensor(Array.from(t.dataSync()), shape) };
}

/** Every output of a predict, as a list. */
export function outs<T>(y: T | T[]): T[] {
  return Array.isArray(y) ? y : [y];
}

/** The same outputs (shapes, and values within float32 tolerance). */
export function expectSame(ours: tn.Tensor | tn.Tensor[], theirs: tf.Tensor | tf.Tensor[], tol = 1e-5): void {
  const a = outs(ours);
  const b = outs(theirs);
  expect(a.map((y) => y.shape)).toEqual(b.map((y) => y.shape));
  a.forEach((y, i) => expect(maxDiff(y.dataSync(), b[i].dataSync())).toBeLessThan(tol));
}

/**
 * Gives a built layer of ours and TF.js's the same seeded weights in (-0.5, 0.5), checking that their names agree
 * past the outermost scope (whose counters differ).
 */
export function shareWeights(ours: tn.Layer, theirs: tf.layers.Layer, seed: number): void {
  const inScope = (name: string) => name.split('/').slice(1).join('/');
  expect(ours.weights.map((w) => inScope(w.name))).toEqual(theirs.weights.map((w) => inScope(w.name)));
  const values = ours.weights.map((w, i) => tn.randomUniform(w.shape, -0.5, 0.5, 'float32', seed + i));
  ours.setWeights(values);
  theirs.setWeights(values.map((v) => tf.tensor(Array.from(v.dataSync()), v.shape.slice())));
}

/** Copies a TF.js layer's weights into ours, checking that the layouts agree. */
export function copyWeights(ours: tn.Layer, theirs: tf.layers.Layer): void {
  const w = theirs.getWeights();
  expect(ours.weights.map((v) => v.shape)).toEqual(w.map((t) => t.shape));
  ours.setWeights(w.map((t) => tn.tensor(Array.from(t.dataSync()), t.shape)));
}
