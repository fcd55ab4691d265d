import { argMax } from '../ops/arg-max';
import { Tensor, arrayTypeFor } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import { argError, describeValue, fmtValue } from '../util/validate';

/** Loss weights by class id for one output, as TF.js's ClassWeight (an array of weights by class id is one too). */
export type ClassWeight = Record<number, number>;

/** Class weights by output name, as TF.js's ClassWeightMap. */
export type ClassWeightMap = Record<string, ClassWeight>;

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

function classWeightOf(op: string, arg: string, v: unknown): ClassWeight {
  if (!isObject(v)) throw argError(op, arg, describeValue(v), 'an object {classId: weight}');
  for (const [k, w] of Object.entries(v)) {
    if (!/^\d+$/.test(k)) throw argError(op, `${arg}['${k}']`, fmtValue(w), 'keys that are class ids (non-negative integers)');
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw argError(op, `${arg}[${k}]`, fmtValue(w), 'a finite number >= 0');
  }
  return v as ClassWeight;
}

/**
 * fit's classWeight as one entry per output (null: that output's loss is not weighted), read as TF.js 4.22's
 * standardizeClassWeights reads it: a ClassWeight, an array of one per output, or a map by output name (told apart
 * from a ClassWeight by its values being objects). Unlike TF.js, a map naming no output is refused rather than
 * skipped. One ClassWeight for a model of several outputs is refused, as TF.js refuses it.
 */
export function standardizeClassWeights(op: string, spec: unknown, outputNames: readonly string[]): (ClassWeight | null)[] | null {
  if (spec === undefined || spec === null || (Array.isArray(spec) && spec.length === 0)) return null;
  if (!isObject(spec)) throw argError(op, 'classWeight', describeValue(spec), 'an object {classId: weight}, an array of them (one per output) or a map of them by output name');
  const arg = 'classWeight';
  // As TF.js: with one output, an array of other than one item is that output's weights by class id.
  if (Array.isArray(spec) && (outputNames.length > 1 || spec.length === 1)) {
    if (spec.length !== outputNames.length) throw argError(op, arg, `an array of ${spec.length} items`, `one per model output (${outputNames.length})`);
    return spec.map((v, i) => (v === null || v === undefined ? null : classWeightOf(op, `${arg}[${i}]`, v)));
  }
  const entries = Object.entries(spec);
  const byName = !Array.isArray(spec) && (outputNames.length === 1 ? Object.hasOwn(spec, outputNames[0]) : entries.length > 0 && isObject(entries[0][1]));
  if (byName) {
    for (const [k] of entries) if (!outputNames.includes(k)) throw argError(op, arg, `the key '${k}'`, `keys naming the model's outputs (${outputNames.map((n) => `'${n}'`).join(', ')})`);
    return outputNames.map((n) => (Object.hasOwn(spec, n) ? classWeightOf(op, `${arg}['${n}']`, (spec as Record<string, unknown>)[n]) : null));
  }
  if (outputNames.length > 1) {
    throw argError(op, arg, 'one {classId: weight} object', `an array of ${outputNames.length} of them or a map of them by output name (${outputNames.map((n) => `'${n}'`).join(', ')}), as the model has ${outputNames.length} outputs`);
  }
  return [classWeightOf(op, arg, spec)];
}

/** Per-sample weights of each output from its class weights: the class is the id, or the argmax of a one-hot row. */
export function classWeightTensors(op: string, ys: readonly Tensor[], perOutput: readonly (ClassWeight | null)[], outputNames: readonly string[]): (Tensor | null)[] {
  return ys.map((y, o) => {
    const classWeight = perOutput[o];
    if (!classWeight) return null;
    const ids = y.rank >= 2 && y.shape[y.rank - 1] > 1 ? tidy(() => argMax(y, -1).dataSync()) : y.hostValues();
    // Weights are fractions whatever the targets' dtype (int32 one-hot targets from oneHot included).
    const dtype = y.dtype === 'float64' ? 'float64' : 'float32';
    const w = new (arrayTypeFor(dtype))(ids.length);
    const arg = ys.length > 1 ? `classWeight for '${outputNames[o]}'` : 'classWeight';
    for (let i = 0; i < ids.length; i++) {
      // The id as it is, as TF.js looks it up: a target that is no integer (a regression's) is no class.
      const k = String(ids[i]);
      if (!Object.hasOwn(classWeight, k)) {
        const hint = Number.isInteger(ids[i]) ? '' : ' (class ids are integers: these targets are not class ids or one-hot rows)';
        throw new Error(`${op}: ${arg} must contain all classes in the training data. The class ${k} exists in the data but not in classWeight${hint}`);
      }
      w[i] = (classWeight as Record<string, number>)[k];
    }
    return new Tensor([ids.length], dtype, w);
  });
}
