import { tidy, unnumberedTidy } from '../tensor/tidy';
import type { TensorContainer } from '../tensor/tfjs-types';
import { argError, fmtValue } from '../util/validate';

type Op = (...args: never[]) => TensorContainer;

/**
 * fn as a public op, as TF.js's op() wraps each: only its result is left alive. What it made on the way (scalars
 * from number arguments, a composite's intermediates) is disposed, so tf.memory() counts what TF.js counts; under
 * a gradient tape tidy keeps everything for the backward pass. Internal callers use the op itself.
 */
function scoped<F extends Op>(fn: F, name: string, plain: boolean): F {
  // A plain function opens no scope in TF.js, so its scope here takes no id (what tensor.scopeId shows).
  const run = plain ? unnumberedTidy : tidy;
  const op = (...args: Parameters<F>): ReturnType<F> => run(() => fn(...args)) as ReturnType<F>;
  Object.defineProperty(op, 'name', { value: name });
  return op as unknown as F;
}

/**
 * A namespace with each op scoped; its async ops (whose tensors outlive the call) and other members as they are.
 * Each op is named as TF.js's op() names it, `add__op` (a metric given as such a function is logged under that
 * name, as in TF.js), except the members `plain` names (or all of them): TF.js's plain functions, named by their key.
 */
export function scopedAll<N extends object>(ns: N, plain: readonly (keyof N & string)[] | 'all' = []): N {
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(ns)) {
    if (typeof member !== 'function' || key.endsWith('Async')) {
      out[key] = member;
      continue;
    }
    const isPlain = plain === 'all' || (plain as readonly string[]).includes(key);
    out[key] = scoped(member as Op, isPlain ? key : `${key}__op`, isPlain);
  }
  return out as N;
}

/** What TF.js appends to an op's name (its kernel profiles and a metric given as the op show it). */
export const OP_SCOPE_SUFFIX = '__op';

/**
 * TF.js's tf.op({name: f}): f as a public op named `name__op` (one trailing underscore dropped, as TF.js's own
 * `square_` becomes `square__op`), leaving only its result alive.
 */
export function op<F extends Op>(f: { [name: string]: F }): F {
  const keys = f !== null && typeof f === 'object' ? Object.keys(f) : [];
  const fn = keys.length === 1 ? f[keys[0]] : undefined;
  if (typeof fn !== 'function') throw argError('op', 'f', fmtValue(f), 'an object with a single key (the operation name) mapping to a function');
  return scoped(fn, `${keys[0].replace(/_$/, '')}${OP_SCOPE_SUFFIX}`, false);
}
