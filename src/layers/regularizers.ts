import type { Tensor } from '../tensor/tensor';
import { tidy } from '../tensor/tidy';
import type { Scalar } from '../tensor/tfjs-types';
import { abs, square } from '../ops/unary';
import { add, mul } from '../ops/binary';
import { sum } from '../ops/reduction';
import { zeros } from '../ops/creation';
import { argError, checkKnownKeys, fmtValue } from '../util/validate';
import { pythonicConfig, tsConfig, type ConfigValue } from '../util/case';
import type { ConfigDict } from '../util/serializable';
import { UserTensorFunction, userTensorFunction } from './serialization';

/** A penalty on a weight (or a layer's output) that training adds to the loss, as tf.regularizers. */
export interface Regularizer {
  /** 'L1L2', or the className of the user's registered regularizer class. */
  readonly className: string;
  /** The penalty: a scalar. */
  apply(x: Tensor): Scalar;
  getConfig(): ConfigDict;
  /** The class name TF.js saves it under (its Serializable's getClassName). */
  getClassName(): string;
}

class L1L2 implements Regularizer {
  readonly className = 'L1L2';
  constructor(readonly l1: number, readonly l2: number) {}

  /** l1·Σ|x| + l2·Σx², as TF.js's L1L2 (a term with a zero factor is left out), its intermediates freed as TF.js's tidy frees them. */
  apply(x: Tensor): Scalar {
    return tidy(() => {
      const l1 = this.l1 !== 0 ? mul(sum(abs(x)), this.l1) : null;
      const l2 = this.l2 !== 0 ? mul(sum(square(x)), this.l2) : null;
      return (l1 && l2 ? add(l1, l2) : l1 ?? l2 ?? zeros([], x.dtype)) as Scalar;
    });
  }

  getConfig(): { l1: number; l2: number } {
    return { l1: this.l1, l2: this.l2 };
  }

  getClassName(): string {
    return this.className;
  }
}

function factor(op: string, arg: string, v: unknown): number {
  if (v === undefined || v === null) return 0.01;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw argError(op, arg, fmtValue(v), 'a finite number >= 0');
  return v;
}

function readArgs(op: string, config: unknown, keys: string[]): Record<string, unknown> {
  if (config == null) return {};
  if (typeof config !== 'object' || Array.isArray(config)) throw argError(op, 'config', fmtValue(config), 'an object');
  checkKnownKeys(op, 'config', config, keys);
  return config as Record<string, unknown>;
}

/** l1·Σ|x| (l1 defaults to 0.01), as tf.regularizers.l1. */
export function l1(config?: { l1?: number }): Regularizer {
  const c = readArgs('regularizers.l1', config, ['l1']);
  return new L1L2(factor('regularizers.l1', 'l1', c.l1), 0);
}

/** l2·Σx² (l2 defaults to 0.01), as tf.regularizers.l2. */
export function l2(config?: { l2?: number }): Regularizer {
  const c = readArgs('regularizers.l2', config, ['l2']);
  return new L1L2(0, factor('regularizers.l2', 'l2', c.l2));
}

/** l1·Σ|x| + l2·Σx² (each defaults to 0.01), as tf.regularizers.l1l2. */
export function l1l2(config?: { l1?: number; l2?: number }): Regularizer {
  const c = readArgs('regularizers.l1l2', config, ['l1', 'l2']);
  return new L1L2(factor('regularizers.l1l2', 'l1', c.l1), factor('regularizers.l1l2', 'l2', c.l2));
}

/** The names TF.js knows a regularizer by in a layer config: 'l1l2' and its class name. */
export type RegularizerName = 'l1l2' | 'L1L2';


/**
 * A regularizer from a layer config: an instance, 'l1l2' or 'L1L2' (defaults), TF.js's {className, config}, the
 * className (or {className, config}) of a regularizer class registered with tf.serialization.registerClass, as TF.js
 * takes one, or undefined for none.
 */
export function getRegularizer(op: string, arg: string, spec: unknown): Regularizer | null {
  if (spec === undefined || spec === null) return null;
  if (spec instanceof L1L2 || spec instanceof UserTensorFunction) return spec;
  if (spec === 'l1l2' || spec === 'L1L2') return l1l2();
  if (typeof spec === 'object' && 'className' in spec && spec.className === 'L1L2') {
    const config = 'config' in spec && typeof spec.config === 'object' && spec.config !== null ? spec.config : {};
    return regularizerFromConfig('L1L2', config as Record<string, unknown>);
  }
  const custom = userTensorFunction<Scalar>(spec);
  if (custom) return custom;
  throw argError(op, arg, fmtValue(spec), "a regularizer from tn.regularizers (l1, l2, l1l2), a {className: 'L1L2', config}, 'l1l2', 'L1L2', or the className of a regularizer class registered with tf.serialization.registerClass");
}

/** A regularizer as a saved model records it: {class_name: 'L1L2', config: {l1, l2}} (a user's config in snake_case, as TF.js saves it). */
export function regularizerConfig(r: Regularizer | null): { class_name: string; config: ConfigDict } | null {
  return r ? { class_name: r.className, config: pythonicConfig(r.getConfig() as ConfigValue) as ConfigDict } : null;
}

/** The regularizer a saved {class_name, config} describes (TF.js writes L1L2; Keras also L1 and L2; or a user's registered class). */
export function regularizerFromConfig(className: string, config: Record<string, unknown>): Regularizer {
  // A class the user registered under the name comes first, as TF.js looks names up: programs register an 'L2' to
  // read Keras files, whose L2 TF.js does not know.
  const custom = userTensorFunction<Scalar>({ className, config: tsConfig(config as ConfigValue) });
  if (custom) return custom;
  // A factor left out is TF.js's default, 0.01 (Keras writes both).
  if (className === 'L1L2') return new L1L2(factor(className, 'l1', config.l1), factor(className, 'l2', config.l2));
  if (className === 'L1') return new L1L2(factor(className, 'l1', config.l1), 0);
  if (className === 'L2') return new L1L2(0, factor(className, 'l2', config.l2));
  throw argError('regularizer', 'class_name', fmtValue(className), "'L1L2', 'L1', 'L2' or the className of a registered regularizer class");
}
