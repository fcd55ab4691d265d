import type { DType } from '../tensor/tensor';
import { assertDtype } from '../tensor/checks';
import { argError, assertNonNegativeInt, checkKnownKeys, describeValue } from '../util/validate';

export interface InputSpecArgs {
  dtype?: DType;
  /** The input's shape, batch dim included; null where any size goes. */
  shape?: (number | null)[];
  ndim?: number;
  maxNDim?: number;
  minNDim?: number;
  /** Sizes some axes must have, by axis (negative counts from the end). */
  axes?: { [axis: number]: number };
}

/**
 * What a layer takes as each input, as TF.js's tf.InputSpec: a layer that sets `this.inputSpec` has every apply
 * checked against it (rank, dtype, sizes), with TF.js's messages.
 */
export class InputSpec {
  dtype?: DType;
  shape?: (number | null)[];
  ndim?: number;
  maxNDim?: number;
  minNDim?: number;
  axes?: { [axis: number]: number };

  constructor(args: InputSpecArgs) {
    const op = 'InputSpec';
    if (args === null || typeof args !== 'object') throw argError(op, 'args', describeValue(args), 'an object {dtype?, shape?, ndim?, maxNDim?, minNDim?, axes?}');
    checkKnownKeys(op, 'args', args, ['dtype', 'shape', 'ndim', 'maxNDim', 'minNDim', 'axes']);
    if (args.dtype != null) assertDtype(op, 'args.dtype', args.dtype);
    if (args.shape != null) {
      if (!Array.isArray(args.shape)) throw argError(op, 'args.shape', describeValue(args.shape), 'an array of sizes (null for any)');
      args.shape.forEach((d, i) => d === null || assertNonNegativeInt(op, `args.shape[${i}]`, d));
    }
    for (const key of ['ndim', 'maxNDim', 'minNDim'] as const) if (args[key] != null) assertNonNegativeInt(op, `args.${key}`, args[key]);
    if (args.axes != null) {
      if (typeof args.axes !== 'object' || Array.isArray(args.axes)) throw argError(op, 'args.axes', describeValue(args.axes), 'an object of sizes by axis');
      for (const [axis, size] of Object.entries(args.axes)) {
        if (!Number.isInteger(Number(axis))) throw argError(op, 'args.axes', `the key ${JSON.stringify(axis)}`, 'integer axes');
        assertNonNegativeInt(op, `args.axes[${axis}]`, size);
      }
    }
    this.dtype = args.dtype;
    this.shape = args.shape;
    // As TF.js: a shape fixes the rank.
    this.ndim = args.shape != null ? args.shape.length : args.ndim;
    this.maxNDim = args.maxNDim;
    this.minNDim = args.minNDim;
    this.axes = args.axes ?? {};
  }
}

/**
 * Throws TF.js's error where an input (a tensor or a symbolic one) does not meet its spec; a null spec takes anything.
 * As TF.js, a layer's inputSpec may be one spec rather than a list of them.
 */
export function checkInputSpecs(layer: string, given: InputSpec | readonly (InputSpec | null)[], inputs: readonly { shape: readonly (number | null)[]; dtype: string }[]): void {
  const specs = (Array.isArray(given) ? given : [given]) as readonly (InputSpec | null)[];
  if (specs.length === 0) return;
  if (inputs.length !== specs.length) {
    throw new Error(`Layer ${layer} expects ${specs.length} inputs, but it received ${inputs.length} input tensors.`);
  }
  inputs.forEach((x, i) => {
    const spec = specs[i];
    if (spec == null) return;
    const ndim = x.shape.length;
    const bad = (what: string) => new Error(`Input ${i} is incompatible with layer ${layer}: ${what}`);
    if (spec.ndim != null && ndim !== spec.ndim) throw bad(`expected ndim=${spec.ndim}, found ndim=${ndim}`);
    if (spec.maxNDim != null && ndim > spec.maxNDim) throw bad(`expected max_ndim=${spec.maxNDim}, found ndim=${ndim}`);
    if (spec.minNDim != null && ndim < spec.minNDim) throw bad(`expected min_ndim=${spec.minNDim}, found ndim=${ndim}.`);
    if (spec.dtype != null && x.dtype !== spec.dtype) throw bad(`expected dtype=${spec.dtype}, found dtype=${x.dtype}.`);
    for (const [key, value] of Object.entries(spec.axes ?? {})) {
      const axis = Number(key);
      const size = axis >= 0 ? x.shape[axis] : x.shape[x.shape.length + axis];
      if (value != null && size !== value && size !== null) throw bad(`expected axis ${axis} of input shape to have value ${value} but got shape ${x.shape}.`);
    }
    spec.shape?.forEach((want, d) => {
      const got = x.shape[d];
      if (want != null && got != null && want !== got) throw bad(`expected shape=${spec.shape}, found shape=${x.shape}.`);
    });
  });
}
