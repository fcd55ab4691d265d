import { div, greater, maximum, minimum, mul, add, equal } from '../ops/binary';
import { sum } from '../ops/reduction';
import { sqrt, square } from '../ops/unary';
import type { Tensor } from '../tensor/tensor';
import { argError, checkKnownKeys, fmtValue } from '../util/validate';

/** A projection applied to a weight after each optimizer step, as tf.constraints.*. */
export interface Constraint {
  readonly className: string;
  apply(w: Tensor): Tensor;
  getConfig(): Record<string, number>;
}

/** TF.js's epsilon() for float32. */
const EPSILON = 1e-7;

function norms(w: Tensor, axis: number | number[]): Tensor {
  return sqrt(sum(square(w), axis, true));
}

function num(op: string, arg: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw argError(op, arg, fmtValue(v), 'a finite number');
  return v;
}

function axisArg(op: string, v: unknown): number | number[] {
  if (v === undefined) return 0;
  if (Number.isInteger(v) || (Array.isArray(v) && v.every(Number.isInteger))) return v as number | number[];
  throw argError(op, 'axis', fmtValue(v), 'an integer or an array of integers');
}

const clip = (x: Tensor, lo: number, hi: number) => minimum(maximum(x, lo), hi);

function make(className: string, config: Record<string, number | number[]>, apply: (w: Tensor) => Tensor): Constraint {
  return { className, apply, getConfig: () => ({ ...config }) as Record<string, number> };
}

function maxNorm(args: { maxValue?: number; axis?: number | number[] } = {}): Constraint {
  const op = 'constraints.maxNorm';
  checkKnownKeys(op, 'config', args, ['maxValue', 'axis']);
  const maxValue = num(op, 'maxValue', args.maxValue, 2);
  const axis = axisArg(op, args.axis);
  return make('MaxNorm', { maxValue, axis }, (w) => {
    const n = norms(w, axis);
    return mul(w, div(clip(n, 0, maxValue), add(n, EPSILON)));
  });
}

function unitNorm(args: { axis?: number | number[] } = {}): Constraint {
  const op = 'constraints.unitNorm';
  checkKnownKeys(op, 'config', args, ['axis']);
  const axis = axisArg(op, args.axis);
  return make('UnitNorm', { axis }, (w) => div(w, add(norms(w, axis), EPSILON)));
}

function nonNeg(): Constraint {
  // w·[w >= 0]: greater-or-equal as greater or equal, in the weight's dtype.
  return make('NonNeg', {}, (w) => mul(w, maximum(greater(w, 0), equal(w, 0))));
}

function minMaxNorm(args: { minValue?: number; maxValue?: number; axis?: number | number[]; rate?: number } = {}): Constraint {
  const op = 'constraints.minMaxNorm';
  checkKnownKeys(op, 'config', args, ['minValue', 'maxValue', 'axis', 'rate']);
  const minValue = num(op, 'minValue', args.minValue, 0);
  const maxValue = num(op, 'maxValue', args.maxValue, 1);
  const rate = num(op, 'rate', args.rate, 1);
  const axis = axisArg(op, args.axis);
  return make('MinMaxNorm', { minValue, maxValue, rate, axis }, (w) => {
    const n = norms(w, axis);
    const desired = add(mul(rate, clip(n, minValue, maxValue)), mul(1 - rate, n));
    return mul(w, div(desired, add(n, EPSILON)));
  });
}

/** tn.constraints, with TF.js's defaults. */
export const constraints = { maxNorm, unitNorm, nonNeg, minMaxNorm };

const byName: Record<string, () => Constraint> = { maxNorm: () => maxNorm(), unitNorm: () => unitNorm(), nonNeg, minMaxNorm: () => minMaxNorm() };

/** A constraint given to a layer: an object from tn.constraints, or a name with TF.js's defaults. */
export function getConstraint(op: string, arg: string, v: unknown): Constraint | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && Object.hasOwn(byName, v)) return byName[v]();
  if (typeof v === 'object' && typeof (v as Constraint).apply === 'function' && typeof (v as Constraint).getConfig === 'function') return v as Constraint;
  throw argError(op, arg, fmtValue(v), `a constraint from tn.constraints or one of ${Object.keys(byName).map((n) => `'${n}'`).join(', ')}`);
}

export function constraintConfig(c: Constraint | null): { class_name: string; config: Record<string, unknown> } | null {
  if (!c) return null;
  const snake = Object.fromEntries(Object.entries(c.getConfig()).map(([k, v]) => [k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`), v]));
  return { class_name: c.className, config: snake };
}

const CLASSES: Record<string, (config: Record<string, unknown>) => Constraint> = {
  MaxNorm: (c) => maxNorm({ maxValue: c.max_value as number, axis: c.axis as number }),
  UnitNorm: (c) => unitNorm({ axis: c.axis as number }),
  NonNeg: () => nonNeg(),
  MinMaxNorm: (c) => minMaxNorm({ minValue: c.min_value as number, maxValue: c.max_value as number, rate: c.rate as number, axis: c.axis as number }),
};
const CLASS_KEYS: Record<string, string[]> = { MaxNorm: ['max_value', 'axis'], UnitNorm: ['axis'], NonNeg: [], MinMaxNorm: ['min_value', 'max_value', 'rate', 'axis'] };

/** Rebuilds a constraint from a saved {class_name, config}. */
export function constraintFromConfig(op: string, where: string, className: unknown, config: Record<string, unknown>): Constraint {
  if (typeof className !== 'string' || !Object.hasOwn(CLASSES, className)) throw argError(op, `${where}.class_name`, fmtValue(className), `one of ${Object.keys(CLASSES).join(', ')}`);
  for (const key of Object.keys(config)) {
    if (!CLASS_KEYS[className].includes(key)) throw argError(op, `${where}.config.${key}`, fmtValue(config[key]), `absent (${className} takes ${CLASS_KEYS[className].join(', ') || 'no settings'})`);
  }
  return CLASSES[className](config);
}

