import { copyHostValues, releaseStorage } from '../backend/host-values';
import { describeValue, fmtShape } from '../util/validate';
import { currentScope } from './scopes';
import type { TensorFields } from './inspect-view';
import { Tensor, arrayTypeFor, type DType, type TypedArray } from './tensor';
import { stringStorage } from './string-values';
import type { Rank } from './value-types';

let nextVariableId = 0;
/**
 * The variables alive, by name: TF.js's engine().registeredVariables, one live object that programs keep and read
 * later (an optimizer finds its model's variables in it), and where gradients given as {name: tensor} maps
 * (TF.js's NamedTensorMap) find theirs. Its key order is TF.js's too: index-like names first by number, then the
 * others as they were made (registryOrder). Held until disposed, as TF.js's engine holds them: a variable dropped
 * without dispose() is still counted by tf.memory() and still freed by tf.disposeVariables().
 */
const registry: Record<string, Variable> = {};

export function findVariable(name: string): Variable | undefined {
  return Object.hasOwn(registry, name) ? registry[name] : undefined;
}

/**
 * Orders variables as TF.js's registry lists them (a plain object keyed by name): names that are array indices
 * (the unnamed ones) first by their number, then the rest in the order they were made. Gradients by default come
 * in this order, and optimizers make their slots in it.
 */
export function registryOrder(a: Variable, b: Variable): number {
  const ia = indexName(a.name);
  const ib = indexName(b.name);
  if (ia !== ib) return ia === -1 ? 1 : ib === -1 ? -1 : ia - ib;
  return a.id - b.id;
}

/** The name as an array index (what a JS object lists first, in numeric order), or -1. */
function indexName(name: string): number {
  return /^(0|[1-9]\d*)$/.test(name) && Number(name) < 2 ** 32 - 1 ? Number(name) : -1;
}

/** Storage of t's values that a variable owns: a copy, or for strings (never mutated) new storage holding them. */
function ownValues(t: Tensor): TypedArray {
  const strings = t.encodedStrings();
  return strings ? stringStorage(strings) : copyHostValues(t.hostValues(), true);
}

/**
 * A tensor whose values can be replaced (weights, optimizer slots). Gradients are taken with
 * respect to trainable variables without watching them explicitly (tn.variableGrads).
 */
export class Variable<R extends Rank = Rank> extends Tensor<R> {
  readonly name: string;
  /**
   * As TF.js's LayerVariable.originalName: the name before the count that keeps names apart ('fc/kernel' for
   * 'fc/kernel_1'), what a layer's weight is saved and loaded under; a plain variable's name otherwise.
   */
  readonly originalName: string;
  trainable: boolean;

  /** @internal Use tn.variable(); a layer passes originalName, the scoped name it counted from. */
  constructor(initial: Tensor<R>, trainable: boolean, name: string | undefined, originalName?: string) {
    super(initial.shape, initial.dtype, ownValues(initial), initial.dataId);
    this.trainable = trainable;
    // TF.js names an unnamed variable by a counter's digits; an empty name counts as none, as there.
    this.name = name || String(nextVariableId++);
    this.originalName = originalName ?? this.name;
    registry[this.name] = this;
    // Variables outlive any tidy they are made in (optimizer slots are created mid-step): as TF.js, no scope holds
    // them, and they are not marked kept (v.kept is false until tf.keep(v)).
    currentScope()?.delete(this);
    this.scopeId = undefined;
  }

  override dispose(): void {
    if (findVariable(this.name) === this) delete registry[this.name];
    super.dispose();
  }

  override get isVariable(): boolean {
    return true;
  }

  protected override tfjsFields(): TensorFields {
    return { ...super.tfjsFields(), trainable: this.trainable, name: this.name };
  }

  /**
   * As TF.js's LayerVariable.val, the tf.Variable behind a layer's weight: a weight here is that variable itself
   * (so `minimize(f, true, model.trainableWeights.map((w) => w.val))` works as there).
   */
  get val(): this {
    return this;
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
    if (!(t instanceof Tensor)) throw new Error(`Variable.assign: value must be a Tensor, got ${describeValue(t)}`);
    if (t.dtype !== this.dtype || t.shape.length !== this.shape.length || t.shape.some((d, i) => d !== this.shape[i])) {
      throw new Error(
        `Variable.assign (${this.name}): value must have shape ${fmtShape(this.shape)} and dtype ${this.dtype}, got shape ${fmtShape(t.shape)} and dtype ${t.dtype}`,
      );
    }
    this.assertLive('assign');
    const next = ownValues(t);
    releaseStorage(this.storage);
    this.replaceStorage(next, t.dataId);
  }
}

/** @internal A zero-filled variable (optimizer slots). */
export function zerosVariable(shape: readonly number[], dtype: DType, name: string): Variable {
  return new Variable(new Tensor(shape, dtype, new (arrayTypeFor(dtype))(shape.reduce((a, b) => a * b, 1))), false, name);
}

/** The variables alive, by name, in the registry's order: TF.js's engine().registeredVariables, the same object each time. */
export function registeredVariables(): Record<string, Variable> {
  return registry;
}

/** Disposes every variable still alive (model weights and optimizer slots included), as tf.disposeVariables(). */
export function disposeVariables(): void {
  for (const v of Object.values(registry)) v.dispose();
}
