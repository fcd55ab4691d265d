import type { Tensor } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import { pythonicConfig, toCamelCase, tsConfig, type ConfigValue } from '../util/case';
import type { ConfigDict } from '../util/serializable';
import { UserTensorFunction, userTensorFunction } from './serialization';
import { add, div, mul } from '../ops/binary';
import { relu, sqrt, square } from '../ops/unary';
import { sum } from '../ops/reduction';
import { clipByValue } from '../ops/arithmetic';
import { assertAxis } from '../ops/shape-args';
import { argError, checkKnownKeys, fmtValue } from '../util/validate';

/** Keras's fuzz factor: keeps the norm divisions finite for an all-zero slice. */
const EPSILON = 1e-7;

/** A projection applied to a weight after each optimizer update, as tf.constraints. */
export interface Constraint {
  /** 'MaxNorm', 'UnitNorm', 'NonNeg', 'MinMaxNorm', or the className of the user's registered constraint class. */
  readonly className: string;
  apply(w: Tensor): Tensor;
  /** The config in TF.js's camelCase spelling. */
  getConfig(): ConfigDict;
  /** The class name TF.js saves it under (its Serializable's getClassName). */
  getClassName(): string;
}

type BuiltinClassName = 'MaxNorm' | 'UnitNorm' | 'NonNeg' | 'MinMaxNorm';

function constraint(className: BuiltinClassName, apply: (w: Tensor) => Tensor, getConfig: () => Record<string, number>): Constraint {
  // As TF.js's: the projection's intermediates are freed, only its result is the caller's.
  return { className, apply: (w) => tidy(() => apply(w)), getConfig, getClassName: () => className };
}

/** The L2 norms of w's slices along axis, the axis checked against w's rank under the constraint's name. */
function norms(op: string, w: Tensor, axis: number): Tensor {
  return sqrt(sum(square(w), assertAxis(op, 'axis', axis, w.rank), true));
}

function readArgs(op: string, config: unknown, keys: string[]): Record<string, unknown> {
  if (config == null) return {};
  if (typeof config !== 'object' || Array.isArray(config)) throw argError(op, 'config', fmtValue(config), 'an object');
  checkKnownKeys(op, 'config', config, keys);
  return config as Record<string, unknown>;
}

function num(op: string, arg: string, v: unknown, fallback: number, integer = false): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) throw argError(op, arg, fmtValue(v), integer ? 'an integer' : 'a finite number');
  return v;
}

/** Scales each slice along axis so its L2 norm is at most maxValue (default 2, axis 0), as tf.constraints.maxNorm. */
export function maxNorm(config?: { maxValue?: number; axis?: number }): Constraint {
  const op = 'constraints.maxNorm';
  const c = readArgs(op, config, ['maxValue', 'axis']);
  const maxValue = num(op, 'maxValue', c.maxValue, 2);
  // A negative bound has no norm to scale to (TF.js takes it and fails in clipByValue on the first apply).
  if (maxValue < 0) throw argError(op, 'maxValue', String(maxValue), 'a number >= 0');
  const axis = num(op, 'axis', c.axis, 0, true);
  return constraint('MaxNorm', (w) => {
    const n = norms(op, w, axis);
    return mul(w, div(clipByValue(n, 0, maxValue), add(n, EPSILON)));
  }, () => ({ maxValue, axis }));
}

/** Scales each slice along axis to unit L2 norm (axis 0 by default), as tf.constraints.unitNorm. */
export function unitNorm(config?: { axis?: number }): Constraint {
  const op = 'constraints.unitNorm';
  const axis = num(op, 'axis', readArgs(op, config, ['axis']).axis, 0, true);
  return constraint('UnitNorm', (w) => div(w, add(norms(op, w, axis), EPSILON)), () => ({ axis }));
}

/** Clamps the weights at zero from below, as tf.constraints.nonNeg. */
export function nonNeg(): Constraint {
  return constraint('NonNeg', (w) => relu(w), () => ({}));
}

/**
 * Moves each slice's norm toward [minValue, maxValue] (defaults 0 and 1) by rate (default 1), along axis (0),
 * as tf.constraints.minMaxNorm.
 */
export function minMaxNorm(config?: { minValue?: number; maxValue?: number; rate?: number; axis?: number }): Constraint {
  const op = 'constraints.minMaxNorm';
  const c = readArgs(op, config, ['minValue', 'maxValue', 'rate', 'axis']);
  const minValue = num(op, 'minValue', c.minValue, 0);
  const maxValue = num(op, 'maxValue', c.maxValue, 1);
  const rate = num(op, 'rate', c.rate, 1);
  const axis = num(op, 'axis', c.axis, 0, true);
  if (minValue < 0) throw argError(op, 'minValue', String(minValue), 'a number >= 0');
  if (minValue > maxValue) throw argError(op, 'minValue', String(minValue), `at most maxValue ${maxValue}`);
  return constraint('MinMaxNorm', (w) => {
    const n = norms(op, w, axis);
    const desired = add(mul(clipByValue(n, minValue, maxValue), rate), mul(n, 1 - rate));
    return mul(w, div(desired, add(n, EPSILON)));
  }, () => ({ minValue, maxValue, rate, axis }));
}

type ConstraintIdentifier = 'maxNorm' | 'unitNorm' | 'nonNeg' | 'minMaxNorm';
/** The names a constraint goes by in a layer config: TF.js's identifiers and its class names. */
export type ConstraintName = ConstraintIdentifier | BuiltinClassName;
type Factory = (config?: Record<string, unknown>) => Constraint;
const byName: Record<ConstraintIdentifier, Factory> = {
  maxNorm: maxNorm as Factory,
  unitNorm: unitNorm as Factory,
  nonNeg: (config) => (checkKnownKeys('constraints.nonNeg', 'config', config ?? {}, []), nonNeg()),
  minMaxNorm: minMaxNorm as Factory,
};
const CLASS_TO_NAME: Record<string, ConstraintIdentifier> = { MaxNorm: 'maxNorm', UnitNorm: 'unitNorm', NonNeg: 'nonNeg', MinMaxNorm: 'minMaxNorm' };


/**
 * A constraint from a layer config: an instance, a name ('maxNorm', 'nonNeg', ...), a class name with its defaults
 * ('MaxNorm', as TF.js takes one), the className (or {className, config}) of a constraint class registered with
 * tf.serialization.registerClass, as TF.js takes one, or undefined for none.
 */
export function getConstraint(op: string, arg: string, spec: unknown): Constraint | null {
  if (spec === undefined || spec === null) return null;
  if (spec instanceof UserTensorFunction) return spec;
  if (typeof spec === 'object' && 'apply' in spec && 'className' in spec && Object.hasOwn(CLASS_TO_NAME, (spec as Constraint).className)) return spec as Constraint;
  if (typeof spec === 'string' && Object.hasOwn(byName, spec)) return byName[spec as ConstraintIdentifier]();
  if (typeof spec === 'string' && Object.hasOwn(CLASS_TO_NAME, spec)) return byName[CLASS_TO_NAME[spec]]();
  // TF.js's {className, config}, as layer.getConfig() gives it.
  if (typeof spec === 'object' && 'className' in spec && typeof spec.className === 'string' && Object.hasOwn(CLASS_TO_NAME, spec.className) && !('apply' in spec)) {
    const config = 'config' in spec && typeof spec.config === 'object' && spec.config !== null ? spec.config : {};
    return constraintFromConfig(spec.className, config as Record<string, unknown>);
  }
  const custom = userTensorFunction(spec);
  if (custom) return custom;
  throw argError(op, arg, fmtValue(spec), `a constraint from tn.constraints, a {className, config} of one, one of ${[...Object.keys(byName), ...Object.keys(CLASS_TO_NAME)].map((n) => `'${n}'`).join(', ')}, or the className of a constraint class registered with tf.serialization.registerClass`);
}


/** A constraint as a saved model records it: {class_name, config} with snake_case keys. */
export function constraintConfig(c: Constraint | null): { class_name: string; config: ConfigDict } | null {
  if (!c) return null;
  return { class_name: c.className, config: pythonicConfig(c.getConfig() as ConfigValue) as ConfigDict };
}

/** The constraint a saved {class_name, config} describes (a built-in one, or a user's registered class). */
export function constraintFromConfig(className: string, config: Record<string, unknown>): Constraint {
  const custom = Object.hasOwn(CLASS_TO_NAME, className) ? undefined : userTensorFunction({ className, config: tsConfig(config as ConfigValue) });
  if (custom) return custom;
  if (!Object.hasOwn(CLASS_TO_NAME, className)) throw argError('constraint', 'class_name', fmtValue(className), `one of ${Object.keys(CLASS_TO_NAME).join(', ')}, or the className of a registered constraint class`);
  return byName[CLASS_TO_NAME[className]](Object.fromEntries(Object.entries(config).map(([k, v]) => [toCamelCase(k), v])));
}
