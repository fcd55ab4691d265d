import { tidy } from '../tensor/tidy';
import type { TensorContainer } from '../tensor/tfjs-types';

type Op = (...args: never[]) => TensorContainer;

/**
 * fn as a public op, as TF.js's op() wraps each: only its result is left alive. What it made on the way (scalars
 * from number arguments, a composite's intermediates) is disposed, so tf.memory() counts what TF.js counts; under
 * a gradient tape tidy keeps everything for the backward pass. Internal callers use the op itself.
 */
function scoped<F extends Op>(fn: F): F {
  const op = (...args: Parameters<F>): ReturnType<F> => tidy(() => fn(...args)) as ReturnType<F>;
  Object.defineProperty(op, 'name', { value: fn.name });
  return op as unknown as F;
}

/** A namespace with each op scoped; its async ops (whose tensors outlive the call) and other members as they are. */
export function scopedAll<N extends object>(ns: N): N {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(ns)) out[name] = typeof member === 'function' && !name.endsWith('Async') ? scoped(member as Op) : member;
  return out as N;
}
