import { copyHostValues, releaseStorage } from '../backend/host-values';
import { fmtShape } from '../util/validate';
import { keep } from './scopes';
import { Tensor, arrayTypeFor, type DType } from './tensor';
import type { Rank } from './value-types';

let nextVariableId = 0;
/** Variables by name, for gradients given as {name: tensor} maps (TF.js's NamedTensorMap). */
const byName = new Map<string, WeakRef<Variable>>();

export function findVariable(name: string): Variable | undefined {
  return byName.get(name)?.deref();
}

/**
 * A tensor whose values can be replaced (weights, optimizer slots). Gradients are taken with
 * respect to trainable variables without watching them explicitly (tn.variableGrads).
 */
export class Variable<R extends Rank = Rank> extends Tensor<R> {
  readonly name: string;
  trainable: boolean;

  /** @internal Use tn.variable(). */
  constructor(initial: Tensor<R>, trainable: boolean, name: string | undefined) {
    super(initial.shape, initial.dtype, copyHostValues(initial.hostValues(), true));
    this.trainable = trainable;
    this.name = name ?? `variable_${nextVariableId++}`;
    byName.set(this.name, new WeakRef(this));
    // Variables outlive any tidy they are made in (optimizer slots are created mid-step), as in TF.js.
    keep(this);
  }

  override get isVariable(): boolean {
    return true;
  }

  /** The weight's value, as TF.js's LayerVariable.read gives a custom layer its weight (the variable itself, so gradients reach it). */
  read(): this {
    return this;
  }

  /** Replaces the value, as TF.js's LayerVariable.write. */
  write(t: Tensor<R>): this {
    this.assign(t);
    return this;
  }

  /** Replaces the values with a copy of t's; t must have the same shape and dtype. */
  assign(t: Tensor<R>): void {
    if (!(t instanceof Tensor)) throw new Error(`Variable.assign: value must be a Tensor, got ${typeof t}`);
    if (t.dtype !== this.dtype || t.shape.length !== this.shape.length || t.shape.some((d, i) => d !== this.shape[i])) {
      throw new Error(
        `Variable.assign (${this.name}): value must have shape ${fmtShape(this.shape)} and dtype ${this.dtype}, got shape ${fmtShape(t.shape)} and dtype ${t.dtype}`,
      );
    }
    this.assertLive('assign');
    const next = copyHostValues(t.hostValues(), true);
    releaseStorage(this.storage);
    this.storage = next;
  }
}

/** @internal A zero-filled variable (optimizer slots). */
export function zerosVariable(shape: readonly number[], dtype: DType, name: string): Variable {
  return new Variable(new Tensor(shape, dtype, new (arrayTypeFor(dtype))(shape.reduce((a, b) => a * b, 1))), false, name);
}

/** Disposes every variable still alive (model weights and optimizer slots included), as tf.disposeVariables(). */
export function disposeVariables(): void {
  for (const ref of byName.values()) ref.deref()?.dispose();
  byName.clear();
}
