import { Tensor } from '../tensor/tensor';
import type { Variable } from '../tensor/variable';
import type { NamedTensorMap } from '../tensor/tfjs-types';
import { savedWeightName, type Layer } from '../layers/layer';
import { argError, fmtValue } from '../util/validate';

// model.loadWeights: weights given by name, matched to the model's as TF.js's Container.loadWeights matches them.

/** As TF.js: names whose last part is a number ('dense/0') are a Keras SavedModel's, counting each layer's weights. */
function countedNames(weights: NamedTensorMap): boolean {
  const first = Object.keys(weights)[0];
  return first !== undefined && !Number.isNaN(parseInt(first.split('/').pop() as string, 10));
}

/**
 * The model's weights that `weights` names, each with its new value, all checked before anything changes. With
 * strict, every name must find a weight and every weight be named (TF.js's errors); without, the others are left
 * out. A name holding a cell's scope ('lstm/lstm_cell/kernel', as TF 2.2 writes it) finds the weight without it.
 */
export function namedWeightValues(op: string, layers: readonly Layer[], weights: NamedTensorMap, strict: boolean): [Variable, Tensor][] {
  if (weights === null || typeof weights !== 'object' || Array.isArray(weights) || weights instanceof Tensor) {
    throw argError(op, 'weights', fmtValue(weights), 'an object of tensors by weight name');
  }
  const counted = countedNames(weights);
  const byName = new Map<string, Variable>();
  for (const layer of layers) {
    layer.weights.forEach((w, index) => {
      const name = counted ? `${w.name.split('/').slice(0, -1).join('/')}/${index}` : savedWeightName(w);
      if (byName.has(name)) throw new Error(`Duplicate weight name: ${name}`);
      byName.set(name, w);
    });
  }
  const total = byName.size;
  const found: [Variable, Tensor][] = [];
  for (const name of Object.keys(weights)) {
    const tokens = name.split('/');
    const target = byName.has(name) ? name : [...tokens.slice(0, -2), tokens[tokens.length - 1]].join('/');
    const weight = byName.get(target);
    if (weight) found.push([weight, weights[name]]);
    else if (strict) throw new Error(`Provided weight data has no target variable: ${name}`);
    byName.delete(target);
  }
  if (strict && byName.size > 0) throw new Error(`${byName.size} of ${total} weights are not set: ${[...byName.keys()].join(',')}`);
  for (const [weight, value] of found) {
    const name = savedWeightName(weight);
    if (!(value instanceof Tensor)) throw argError(op, `weights['${name}']`, fmtValue(value), 'a Tensor');
    if (value.isDisposed) throw argError(op, `weights['${name}']`, 'a disposed tensor', 'a live tensor');
    // TF.js's message, then where.
    if (value.shape.toString() !== weight.shape.toString()) throw new Error(`Shape mismatch: ${JSON.stringify(weight.shape)} vs. ${JSON.stringify(value.shape)} (${op}: weights['${name}'])`);
    if (value.dtype !== weight.dtype) throw argError(op, `weights['${name}']`, `dtype ${value.dtype}`, `dtype ${weight.dtype}, the weight's`);
  }
  return found;
}
