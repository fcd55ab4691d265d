import { variableGrads, variableGradsList } from '../ops/gradients';
import { Tensor, arrayTypeFor } from '../tensor/tensor';
import { Variable, findVariable } from '../tensor/variable';
import { argError, fmtShape, fmtValue } from '../util/validate';
import type { NamedTensorMap, Scalar } from '../tensor/tfjs-types';
import { tidy } from '../tensor/tidy';
import { Serializable, type ConfigDict, type SerializableConstructor } from '../util/serializable';
import { keep } from '../tensor/scopes';
import { scalar } from '../ops/creation';
import { inspectSymbol, namedView } from '../tensor/inspect-view';

/** Gradients by variable: a Map, TF.js's {name: gradient} map, or its [{name, tensor}] list. */
export type GradientMap = Map<Variable, Tensor | null> | Record<string, Tensor> | NamedTensor[];

/** A named tensor, as TF.js's optimizer.getWeights() lists them. */
export interface NamedTensor {
  name: string;
  tensor: Tensor;
}


/** One slot variable as TF.js's optimizers list them (accumulatedFirstMoment, accumulatedGrads, ...). */
export interface SlotEntry {
  originalName: string;
  variable: Variable;
}

/** An optimizer class, as fromConfig and the SerializationMap take it. */
export interface OptimizerClass<T extends Optimizer = Optimizer> {
  new (...args: never[]): T;
  readonly className: string;
}

/** An instance of cls from its constructor's arguments (a config's values in TF.js's fromConfig order). */
export function construct<T extends Serializable>(cls: SerializableConstructor<T>, ...args: unknown[]): T {
  return new (cls as unknown as new (...a: unknown[]) => T)(...args);
}

/** The shared part of every optimizer: checking gradients, counting steps, slot variables, minimize(). */
export abstract class Optimizer extends Serializable {
  /**
   * The class's name, as its static className. The base declares no static className, as TF.js's, so that a user's
   * subclass sets its own (a field or a getter) without `override`.
   */
  get className(): string {
    return this.getClassName();
  }

  /** Steps applied so far. */
  iterations = 0;
  /** Per variable, its slots (moments, accumulators) by kind, in creation order. */
  readonly #slots = new Map<Variable, Map<string, Variable>>();
  #rate: number;
  /** Slots getWeights has handed out: the caller holds them, so a setWeights that replaces one leaves it alive, as TF.js. */
  readonly #handedOut = new WeakSet<Variable>();
  /** The scalars held by holdScalar, freed by dispose(). */
  readonly #held = new Set<Tensor>();
  /** Per kind, the variables setWeights gave slots to, in its list's order (TF.js's slots are that list, by position). */
  readonly #restored = new Map<string, Variable[]>();
  /** Variables holding slots from setWeights that no step of this optimizer has updated yet. */
  readonly #unclaimed = new Set<Variable>();
  /** During a step: each variable's place in its list of gradients. */
  #places: Map<Variable, number> | null = null;
  /** Set by dispose(): its slots and scalars are freed, so a later step or weights call is refused. */
  #disposed = false;

  /**
   * The built-in optimizers pass their name and learning rate; a subclass written as for TF.js calls super() with
   * neither (TF.js's base takes none) and keeps its own settings.
   */
  constructor(op?: string, learningRate?: number) {
    super();
    this.#rate = op === undefined && learningRate === undefined ? 0 : checkLearningRate(op ?? 'Optimizer', learningRate);
  }

  /** The learning rate; it may be changed between steps (a schedule, a callback), as TF.js's field. */
  get learningRate(): number {
    return this.#rate;
  }

  set learningRate(v: number) {
    this.#rate = checkLearningRate(`${this.className}.learningRate`, v);
  }

  /** Updates each variable from its gradient in place; checks them all before changing any. */
  applyGradients(grads: GradientMap): void {
    this.#assertLive('applyGradients');
    const pairs = this.#resolve(grads);
    this.iterations++;
    this.#places = new Map(pairs.map(([v], i) => [v, i]));
    try {
      // A null gradient (variableGrads gives one to a frozen variable of its list) leaves its variable alone but
      // makes its slots, in its place, as TF.js's optimizers do.
      for (const [v, g] of pairs) tidy(() => (g ? this.update(v, g) : this.slotsFor(v)));
    } finally {
      this.#places = null;
    }
    for (const [v] of pairs) this.#unclaimed.delete(v);
  }

  /**
   * @internal Applies the gradients minimize and fit took. A subclass with its own applyGradients (as TF.js programs
   * write one) gets them as TF.js's minimize gives them: [{name, tensor}] when the variables were listed (fit lists
   * them), else a {name: gradient} map.
   */
  applyGradientMap(grads: Map<Variable, Tensor | null>, listed: boolean): void {
    if (this.applyGradients === Optimizer.prototype.applyGradients) this.applyGradients(grads);
    // A frozen variable's null gradient reaches a subclass as TF.js's minimize passes it (its typings say Tensor).
    else if (listed) this.applyGradients([...grads].map(([v, tensor]) => ({ name: v.name, tensor })) as NamedTensor[]);
    else this.applyGradients(Object.fromEntries([...grads].map(([v, g]) => [v.name, g])) as Record<string, Tensor>);
  }

  /** Counts a step, for a subclass with its own applyGradients, as TF.js's incrementIterations. */
  protected incrementIterations(): void {
    this.iterations++;
  }

  /** Runs f, takes the gradients of its scalar result for the trainable variables (or varList), applies them; as TF.js. */
  minimize(f: () => Tensor, returnCost = false, varList?: Variable[]): Scalar | null {
    this.#assertLive('minimize');
    if (typeof f !== 'function') throw argError(`${this.className}.minimize`, 'f', fmtValue(f), 'a function returning a scalar Tensor');
    const { value, grads } = variableGradsList(f, varList);
    // As TF.js's minimize: each variable of a list in its place, a frozen or unused one with a null gradient, which
    // makes its slots.
    const all: Map<Variable, Tensor | null> = varList ? new Map(varList.map((v) => [v, grads.get(v) ?? null])) : grads;
    // tessera's own steps free what they make; a subclass's applyGradients runs in no scope, as TF.js's minimize runs
    // it, so tensors it keeps from one step to the next (a momentum it made) stay.
    if (this.applyGradients === Optimizer.prototype.applyGradients) tidy(() => this.applyGradientMap(all, varList != null));
    else this.applyGradientMap(all, varList != null);
    for (const g of grads.values()) g.dispose();
    if (returnCost) return value as Scalar;
    value.dispose();
    return null;
  }

  /** f's value and its gradients by variable name, without applying them, as TF.js's optimizer.computeGradients. */
  computeGradients(f: () => Scalar, varList?: Variable[]): { value: Scalar; grads: NamedTensorMap } {
    if (typeof f !== 'function') throw argError(`${this.className}.computeGradients`, 'f', fmtValue(f), 'a function returning a scalar Tensor');
    return variableGrads(f, varList);
  }

  /** A variable's slots, made (zeros, or the kind's start) where it has none yet; a subclass with slots lists them. */
  protected slotsFor(_v: Variable): Variable[] {
    return [];
  }

  /**
   * @internal Slots for variables a step leaves alone (a weight compile collected, frozen since), as TF.js's
   * optimizers make them for the null gradients they are given, so tf.memory() and getWeights count them.
   */
  prepareSlots(variables: readonly Variable[]): void {
    for (const v of variables) this.slotsFor(v);
  }

  /** One variable's step; a subclass defines it, or instead its own applyGradients (as TF.js subclasses do). */
  protected update(v: Variable, _g: Tensor): void {
    throw new Error(`${this.className}.applyGradients: ${this.className} defines neither update(variable, gradient) nor its own applyGradients, so it cannot step ${v.name}`);
  }

  /**
   * A slot variable of param (created filled with `fill` on first use). As TF.js's, it is registered under a
   * counter's digits, as an unnamed variable is, and known as `${param.name}/${kind}` (its originalName, the name
   * getWeights gives it).
   */
  protected slot(param: Variable, kind: string, fill = 0): Variable {
    let mine = this.#slots.get(param) ?? this.#slotsOfRemade(param);
    if (!mine) this.#slots.set(param, (mine = new Map()));
    const s = mine.get(kind);
    if (s) return s;
    let made = this.#adopt(param, kind);
    if (!made) {
      const initial = new Tensor(param.shape, param.dtype, new (arrayTypeFor(param.dtype))(param.size).fill(fill));
      made = new Variable(initial, false, undefined, `${param.name}/${kind}`);
      // The variable holds a copy: the initial values are freed here, not left to a tidy (setWeights runs in none).
      initial.dispose();
    }
    mine.set(kind, made);
    return made;
  }

  /**
   * The slots of a disposed variable of param's name and shape, moved to param: a variable freed and made again
   * under its name (a model rebuilt between steps) keeps its state, as its slots are known by that name.
   */
  #slotsOfRemade(param: Variable): Map<string, Variable> | undefined {
    const old = [...this.#slots.keys()].find((v) => v.isDisposed && v.name === param.name && fmtShape(v.shape) === fmtShape(param.shape) && v.dtype === param.dtype);
    if (!old) return undefined;
    // In the old one's place, so that getWeights lists the slots in the order TF.js's positional lists keep.
    const entries = [...this.#slots].map(([v, slots]): [Variable, Map<string, Variable>] => [v === old ? param : v, slots]);
    this.#slots.clear();
    for (const [v, slots] of entries) this.#slots.set(v, slots);
    return this.#slots.get(param);
  }

  /**
   * A slot setWeights gave another variable, taken by param as TF.js's optimizers take theirs: by position, the slot
   * at param's place in this step's gradients. Only a slot of a variable this step does not update and no step has
   * (state copied from an optimizer of other variables: a model of the same layers, say), of param's shape and dtype.
   */
  #adopt(param: Variable, kind: string): Variable | undefined {
    const place = this.#places?.get(param);
    const owner = place === undefined ? undefined : this.#restored.get(kind)?.[place];
    if (!owner || owner === param || !this.#unclaimed.has(owner) || this.#places?.has(owner)) return undefined;
    const theirs = this.#slots.get(owner);
    const s = theirs?.get(kind);
    if (!s || s.dtype !== param.dtype || fmtShape(s.shape) !== fmtShape(param.shape)) return undefined;
    theirs!.delete(kind);
    if (theirs!.size === 0) this.#slots.delete(owner);
    return s;
  }

  /**
   * Variables a backend step (adamUpdate, sgdUpdate) updated in place, where TF.js's optimizers assign new values:
   * each takes a buffer of its own if another tensor still holds its old one, so tf.memory() counts as TF.js's.
   */
  protected updatedInPlace(...variables: (Variable | null)[]): void {
    for (const v of variables) v?.ownBuffer();
  }

  /**
   * A scalar the optimizer keeps as TF.js's keeps it (SGD its negated rate, Momentum its momentum, Adam and Adamax
   * two beta powers), so tf.memory() counts what TF.js counts while it lives; it replaces `old` when given.
   */
  protected holdScalar(value: number, old?: Tensor): Tensor {
    if (old) {
      this.#held.delete(old);
      old.dispose();
    }
    const t = keep(scalar(value));
    this.#held.add(t);
    return t;
  }

  /**
   * A scalar variable the optimizer keeps as TF.js's keeps one (Adam's two beta powers, Adamax's step and beta
   * power), so tf.memory() and the registered variables count what TF.js's do: as its scalar(v).variable(),
   * trainable and registered under a counter's digits.
   */
  protected holdVariable(value: number): Tensor {
    const initial = scalar(value);
    const v = new Variable(initial, true, undefined);
    initial.dispose();
    this.#held.add(v);
    return v;
  }

  /** The step count as getWeights lists it first, as TF.js's saveIterations (which a custom optimizer's getWeights calls). */
  async saveIterations(): Promise<NamedTensor> {
    // An int32 scalar, as TF.js saves it.
    return { name: 'iter', tensor: new Tensor([], 'int32', Int32Array.of(this.iterations)) };
  }

  /**
   * Sets the step count from the first of getWeights' entries and gives the rest, as TF.js's extractIterations
   * (which a custom optimizer's setWeights calls).
   */
  async extractIterations(weights: NamedTensor[]): Promise<NamedTensor[]> {
    const first = Array.isArray(weights) ? weights[0]?.tensor : undefined;
    if (!(first instanceof Tensor) || first.size === 0) throw argError(`${this.className}.extractIterations`, 'weights', fmtValue(weights), "getWeights()'s list: {name: 'iter', tensor} first");
    this.iterations = (await first.data())[0];
    return weights.slice(1);
  }

  /** The step count and every slot, as TF.js's getWeights (slots grouped by kind, as TF.js orders them). */
  async getWeights(): Promise<NamedTensor[]> {
    this.#assertLive('getWeights');
    const kinds = [...new Set([...this.#slots.values()].flatMap((m) => [...m.keys()]))];
    const out: NamedTensor[] = [await this.saveIterations()];
    for (const kind of kinds) {
      for (const m of this.#slots.values()) {
        const s = m.get(kind);
        // The slot itself, as TF.js gives its accumulators: only the step count is a new tensor.
        if (s) {
          this.#handedOut.add(s);
          out.push({ name: s.originalName, tensor: s });
        }
      }
    }
    return out;
  }

  /** Restores what getWeights gave: the step count, and each slot by its name (`${variable}/${kind}`). */
  async setWeights(weights: NamedTensor[]): Promise<void> {
    this.#assertLive('setWeights');
    const op = `${this.className}.setWeights`;
    if (!Array.isArray(weights) || weights.length === 0 || weights[0]?.name !== 'iter') throw argError(op, 'weights', fmtValue(weights), "getWeights()'s list: {name: 'iter'} first, then the slots");
    const slots = weights.slice(1).map((w, i) => {
      const cut = typeof w?.name === 'string' ? w.name.lastIndexOf('/') : -1;
      const param = cut > 0 ? findVariable(w.name.slice(0, cut)) : undefined;
      if (!param) throw argError(op, `weights[${i + 1}]`, fmtValue(w?.name), `a slot '<variable>/<kind>' of an existing variable`);
      return { param, kind: w.name.slice(cut + 1), tensor: w.tensor };
    });
    this.restoreSlots(op, weights[0].tensor, slots);
    this.#restored.clear();
    for (const { param, kind } of slots) {
      this.#restored.set(kind, [...(this.#restored.get(kind) ?? []), param]);
      this.#unclaimed.add(param);
    }
  }

  /**
   * @internal Sets the step count and the given slots of the given variables, checking every one first (a
   * loaded model's optimizer state is matched to its variables by position, as TF.js does, not by name).
   */
  restoreSlots(op: string, iterations: Tensor, slots: { param: Variable; kind: string; tensor: Tensor }[]): void {
    if (!(iterations instanceof Tensor) || iterations.size !== 1) throw argError(op, 'iter', fmtValue(iterations), 'a scalar tensor');
    if (iterations.isDisposed) throw argError(op, 'iter', 'a disposed tensor', 'a live scalar tensor');
    // The step count scales the next steps (Adam's bias correction): a NaN or fractional one would poison them.
    const count = iterations.hostValues()[0];
    if (!Number.isInteger(count) || count < 0) throw argError(op, 'iter', fmtValue(count), 'a scalar holding a whole number >= 0 (the steps taken)');
    slots.forEach(({ param, kind, tensor }, i) => {
      if (!(tensor instanceof Tensor) || tensor.dtype !== param.dtype || fmtShape(tensor.shape) !== fmtShape(param.shape)) {
        throw argError(op, `slot ${i + 1} ('${param.name}/${kind}')`, fmtValue(tensor), `a tensor of the variable's shape ${fmtShape(param.shape)} and dtype ${param.dtype}`);
      }
      if (tensor.isDisposed) throw argError(op, `slot ${i + 1} ('${param.name}/${kind}')`, 'a disposed tensor', 'a live tensor');
    });
    this.iterations = count;
    for (const { param, kind, tensor } of slots) this.#replaceSlot(param, kind, tensor);
  }

  /**
   * A new slot variable holding a copy of `tensor`, as TF.js's setWeights makes one: the tensors given stay the
   * caller's to dispose (they may be the slots getWeights gave). The slot it replaces is freed unless handed out.
   */
  #replaceSlot(param: Variable, kind: string, tensor: Tensor): void {
    let mine = this.#slots.get(param) ?? this.#slotsOfRemade(param);
    if (!mine) this.#slots.set(param, (mine = new Map()));
    const old = mine.get(kind);
    mine.set(kind, new Variable(tensor, false, undefined, `${param.name}/${kind}`));
    if (old && !this.#handedOut.has(old)) old.dispose();
  }

  /** Hyper-parameters for saving, with the keys of TF.js's getConfig (its constructor's argument names). */
  abstract override getConfig(): ConfigDict;

  /**
   * @internal The fields of TF.js's object for a built-in optimizer, in its order, which console.log shows there;
   * null for a user's optimizer class, shown as it is.
   */
  protected tfjsFields(): Record<string, unknown> | null {
    return null;
  }

  /** @internal The slots of one kind ('m', 'accumulator', ...) as TF.js's lists of them, in the order they were made. */
  protected slotList(kind: string): SlotEntry[] {
    return [...this.#slots.values()].flatMap((m) => {
      const s = m.get(kind);
      return s ? [{ originalName: s.originalName, variable: s }] : [];
    });
  }

  /** What Node's console.log(optimizer) shows: a built-in one as TF.js's, its fields and, once it has stepped, iterations_. */
  [inspectSymbol](): object {
    const fields = this.tfjsFields();
    if (!fields) return this;
    return namedView(this.constructor.name, this.iterations > 0 ? { ...fields, iterations_: this.iterations } : fields);
  }

  dispose(): void {
    this.#disposed = true;
    for (const m of this.#slots.values()) for (const s of m.values()) s.dispose();
    this.#slots.clear();
    for (const t of this.#held) t.dispose();
    this.#held.clear();
  }

  /** TF.js's disposed optimizer fails on its freed state (reading 'backend' of undefined); this says why. */
  #assertLive(method: string): void {
    if (this.#disposed) throw argError(`${this.className}.${method}`, 'the optimizer', 'one whose dispose() has freed its state', 'a live optimizer (make a new one)');
  }

  #resolve(grads: GradientMap): [Variable, Tensor | null][] {
    const op = `${this.className}.applyGradients`;
    const expected = 'a map {variableName: gradient} or a list [{name, tensor}]';
    if (grads === null || typeof grads !== 'object') throw argError(op, 'grads', fmtValue(grads), expected);
    let entries: [Variable | undefined, unknown, string][];
    if (grads instanceof Map) entries = [...grads].map(([v, g]) => [v, g, v instanceof Variable ? v.name : String(v)]);
    else {
      const named: [string, unknown][] = Array.isArray(grads)
        ? grads.map((item, i) => {
            if (typeof item?.name !== 'string') throw argError(op, `grads[${i}]`, fmtValue(item), '{name, tensor} naming a variable');
            return [item.name, item.tensor];
          })
        : Object.entries(grads);
      entries = named.map(([name, g]) => [findVariable(name), g, name]);
    }
    return entries.map(([v, g, name]): [Variable, Tensor | null] => {
      if (!(v instanceof Variable)) throw argError(op, 'grads', `a gradient for '${name}'`, 'gradients keyed by existing variables');
      if (g === null) return [v, null];
      if (!(g instanceof Tensor) || g.dtype !== v.dtype || g.shape.length !== v.shape.length || g.shape.some((d: number, i: number) => d !== v.shape[i])) {
        const got = g instanceof Tensor ? `shape ${fmtShape(g.shape)} and dtype ${g.dtype}` : typeof g;
        throw argError(op, `grads['${name}']`, got, `a tensor of shape ${fmtShape(v.shape)} and dtype ${v.dtype}`);
      }
      if (g.isDisposed) throw argError(op, `grads['${name}']`, 'a disposed tensor', 'a live tensor');
      if (v.isDisposed) throw argError(op, `grads['${name}']`, `a gradient for the disposed variable '${name}'`, 'gradients of live variables');
      return [v, g];
    });
  }
}

export function checkRate(op: string, arg: string, v: unknown, min: number, maxExclusive: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v >= maxExclusive) {
    throw argError(op, arg, fmtValue(v), `a number in [${min}, ${maxExclusive})`);
  }
  return v;
}

/** Any finite learning rate, as TF.js takes it: a negative one climbs the loss (gradient ascent). */
function checkLearningRate(op: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw argError(op, 'learningRate', fmtValue(v), 'a finite number');
  return v;
}
