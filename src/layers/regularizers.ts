import { add, mul } from '../ops/binary';
import { sum } from '../ops/reduction';
import { abs, square } from '../ops/unary';
import type { Tensor } from '../tensor/tensor';
import { argError, checkKnownKeys, fmtValue } from '../util/validate';

/** A penalty on a weight or an activation, added to the training loss, as tf.regularizers.*. */
export interface Regularizer {
  readonly className: string;
  apply(x: Tensor): Tensor;
  getConfig(): Record<string, number>;
}

function coefficient(op: string, arg: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw argError(op, arg, fmtValue(v), 'a finite number >= 0');
  return v;
}

/** l1·Σ|x| + l2·Σx², TF.js's one regularizer class (l1() and l2() are L1L2 with the other term 0). */
class L1L2 implements Regularizer {
  readonly className = 'L1L2';

  constructor(
    readonly l1: number,
    readonly l2: number,
  ) {}

  apply(x: Tensor): Tensor {
    const terms: Tensor[] = [];
    if (this.l1 !== 0) terms.push(mul(this.l1, sum(abs(x))));
    if (this.l2 !== 0) terms.push(mul(this.l2, sum(square(x))));
    return terms.length === 0 ? mul(0, sum(x)) : terms.length === 1 ? terms[0] : add(terms[0], terms[1]);
  }

  getConfig(): Record<string, number> {
    return { l1: this.l1, l2: this.l2 };
  }
}

function make(op: string, args: unknown, keys: ('l1' | 'l2')[], defaults: { l1: number; l2: number }): Regularizer {
  const a = (args ?? {}) as { l1?: unknown; l2?: unknown };
  if (typeof a !== 'object') throw argError(op, 'config', fmtValue(args), `an object {${keys.join(', ')}}`);
  checkKnownKeys(op, 'config', a, keys);
  return new L1L2(coefficient(op, 'l1', a.l1, defaults.l1), coefficient(op, 'l2', a.l2, defaults.l2));
}

/** tn.regularizers: l1, l2 and l1l2 with TF.js's default coefficients (0.01). */
export const regularizers = {
  l1: (config?: { l1?: number }): Regularizer => make('regularizers.l1', config, ['l1'], { l1: 0.01, l2: 0 }),
  l2: (config?: { l2?: number }): Regularizer => make('regularizers.l2', config, ['l2'], { l1: 0, l2: 0.01 }),
  l1l2: (config?: { l1?: number; l2?: number }): Regularizer => make('regularizers.l1l2', config, ['l1', 'l2'], { l1: 0.01, l2: 0.01 }),
};

export type RegularizerName = 'l1' | 'l2' | 'l1l2';

/** A regularizer given to a layer: an object from tn.regularizers, or a name with TF.js's defaults. */
export function getRegularizer(op: string, arg: string, v: unknown): Regularizer | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && Object.hasOwn(regularizers, v)) return regularizers[v as RegularizerName]();
  if (typeof v === 'object' && typeof (v as Regularizer).apply === 'function' && typeof (v as Regularizer).getConfig === 'function') return v as Regularizer;
  throw argError(op, arg, fmtValue(v), "a regularizer from tn.regularizers (l1, l2, l1l2) or one of 'l1', 'l2', 'l1l2'");
}

/** The {class_name, config} a saved model records. */
export function regularizerConfig(r: Regularizer | null): { class_name: string; config: Record<string, number> } | null {
  return r ? { class_name: r.className, config: r.getConfig() } : null;
}

/** Rebuilds a regularizer from a saved {class_name: 'L1L2', config: {l1, l2}}. */
export function regularizerFromConfig(op: string, where: string, className: unknown, config: Record<string, unknown>): Regularizer {
  if (className !== 'L1L2' && className !== 'L1' && className !== 'L2') throw argError(op, `${where}.class_name`, fmtValue(className), "'L1L2' (or Keras's 'L1', 'L2')");
  const l1 = coefficient(op, `${where}.config.l1`, config.l1, 0);
  const l2 = coefficient(op, `${where}.config.l2`, config.l2, 0);
  for (const key of Object.keys(config)) if (key !== 'l1' && key !== 'l2') throw argError(op, `${where}.config.${key}`, fmtValue(config[key]), 'absent (a regularizer has l1 and l2)');
  return new L1L2(l1, l2);
}
