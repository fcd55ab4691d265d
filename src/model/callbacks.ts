import { keep } from '../tensor/scopes';
import type { Tensor } from '../tensor/tensor';
import { argError, fmtValue, optionalBoolean, optionsArg } from '../util/validate';
import { parseYieldEvery, Yielder, type YieldEveryOptions } from './yield';

export type Logs = Record<string, number>;

/** Hooks fit() calls, as TF.js's CustomCallbackArgs; each may return a promise, which fit awaits. */
export interface CustomCallbackArgs {
  onTrainBegin?: (logs?: Logs) => void | Promise<void>;
  onTrainEnd?: (logs?: Logs) => void | Promise<void>;
  onEpochBegin?: (epoch: number, logs?: Logs) => void | Promise<void>;
  onEpochEnd?: (epoch: number, logs?: Logs) => void | Promise<void>;
  onBatchBegin?: (batch: number, logs?: Logs) => void | Promise<void>;
  onBatchEnd?: (batch: number, logs?: Logs) => void | Promise<void>;
  /** Called where fit yields to the event loop with a period (yieldEvery 'auto' or a number of ms), as TF.js. */
  onYield?: (epoch: number, batch: number, logs: Logs) => void | Promise<void>;
  /** The clock of the yield period, in ms (default performance.now), as TF.js's. */
  nowFunc?: () => number;
  /** What a yield awaits (default: one turn of the event loop), as TF.js's (whose default is tf.nextFrame). */
  nextFrameFunc?: () => unknown;
}

const HOOKS = ['onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd', 'onYield'] as const;
type Hook = (typeof HOOKS)[number];
const KEYS: readonly string[] = [...HOOKS, 'nowFunc', 'nextFrameFunc'];

/** What a callback may use of the model being trained (TF.js hands callbacks the model through setModel). */
export interface CallbackModel {
  stopTraining: boolean;
  getWeights(): Tensor[];
  setWeights(weights: Tensor[]): void;
}

/** A callback class, as TF.js's tf.Callback: subclasses override the hooks they need (each may be async). */
export abstract class Callback {
  /** The model being trained; fit sets it before the first hook (typed as set, as TF.js's). */
  model!: CallbackModel;
  /** fit's settings (epochs, samples, batchSize, metrics, ...), set before the first hook, as TF.js's BaseCallback.params. */
  params!: HistoryParams;

  setModel(model: CallbackModel): void {
    this.model = model;
  }

  setParams(params: HistoryParams): void {
    this.params = params;
  }

  // The hooks, doing nothing until a subclass overrides them, as TF.js's BaseCallback.
  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}

/** Every property name of an object, its prototypes' too (a class's methods), as a property read finds them. */
function propertyNames(o: object): string[] {
  const names = new Set<string>();
  for (let p: object | null = o; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) names.add(k);
  }
  return [...names];
}

/**
 * The hooks of an object given as callbacks, read as TF.js's CustomCallback reads them: by name, so a class's
 * methods count and the object's other members (the program's own state) are left alone. Each must be a function or
 * absent (undefined or null, as TF.js). A function named as a hook but none of them (`onEpochEnds`) would never run:
 * with `warn` it is warned of (TF.js says nothing).
 */
function hooksOf(what: string, cb: unknown, warn: boolean): CustomCallbackArgs {
  if (cb === null || typeof cb !== 'object') throw new Error(`${what} must be an object of hooks (${HOOKS.join(', ')}), got ${typeof cb}`);
  const rec = cb as Record<string, unknown>;
  const hooks: Record<string, unknown> = {};
  for (const key of KEYS) {
    const fn = rec[key];
    if (fn != null && typeof fn !== 'function') throw new Error(`${what}.${key} must be a function, got ${typeof fn}`);
    if (fn != null) hooks[key] = fn;
  }
  if (warn) {
    const stray = propertyNames(cb).filter((k) => /^on[A-Z]/.test(k) && !KEYS.includes(k) && typeof rec[k] === 'function');
    if (stray.length > 0) console.warn(`${what}: ${stray.join(', ')} will never be called: the hooks are ${HOOKS.join(', ')}`);
  }
  return hooks as CustomCallbackArgs;
}

/**
 * A callback made of the hooks given, as tf.CustomCallback(args, yieldEvery): each hook runs with `this` the
 * callback (so `this.params` and `this.model` are there), and the callback yields to the event loop by its own
 * yieldEvery (default 'auto'), calling onYield at each yield. fit wraps each plain object of hooks in one, with fit's
 * yieldEvery, as TF.js does.
 */
export class CustomCallback extends Callback {
  private readonly hooks: CustomCallbackArgs;
  private readonly yielder: Yielder;
  private currentEpoch = 0;

  constructor(args: CustomCallbackArgs, yieldEvery?: YieldEveryOptions) {
    super();
    const hooks = hooksOf('CustomCallback: args', args, true);
    const every = parseYieldEvery('CustomCallback', yieldEvery);
    // As TF.js: a hook that would never be called is a mistake, refused before training starts.
    if (every === 'never' && hooks.onYield != null) throw new Error('yieldEvery is `never` but you provided an `onYield` callback. Either change `yieldEvery` or remove the callback');
    this.hooks = hooks;
    this.yielder = new Yielder(every, (epoch, batch, logs) => this.hooks.onYield?.call(this, epoch, batch, logs), hooks.nowFunc ?? undefined, hooks.nextFrameFunc ?? undefined);
  }

  override async onTrainBegin(logs?: Logs): Promise<void> {
    await this.hooks.onTrainBegin?.call(this, logs);
  }

  override async onTrainEnd(logs?: Logs): Promise<void> {
    await this.hooks.onTrainEnd?.call(this, logs);
  }

  override async onEpochBegin(epoch: number, logs?: Logs): Promise<void> {
    this.currentEpoch = epoch;
    await this.hooks.onEpochBegin?.call(this, epoch, logs);
  }

  override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
    await Promise.all([this.hooks.onEpochEnd?.call(this, epoch, logs), this.yielder.epochEnd()]);
  }

  override async onBatchBegin(batch: number, logs?: Logs): Promise<void> {
    await this.hooks.onBatchBegin?.call(this, batch, logs);
  }

  override async onBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    await Promise.all([this.hooks.onBatchEnd?.call(this, batch, logs), this.yielder.batchEnd(this.currentEpoch, batch, logs)]);
  }
}

/** The callbacks as a list, each checked: a Callback, or an object of hooks (warned of where `warn`). */
function checkedList(what: string, callbacks: unknown, warn: boolean): CustomCallbackArgs[] {
  const list: unknown[] = callbacks === undefined || callbacks === null ? [] : Array.isArray(callbacks) ? callbacks : [callbacks];
  list.forEach((cb, i) => {
    if (!(cb instanceof Callback) && !(cb instanceof History)) hooksOf(`${what}[${i}]`, cb, warn);
  });
  return list as CustomCallbackArgs[];
}

type CallbackConstructor = new () => Callback;

/** The constructors registerCallbackConstructor was given, by verbosity level (TF.js's CallbackConstructorRegistry). */
const registeredConstructors = new Map<number, CallbackConstructor[]>();

/**
 * As TF.js's tf.registerCallbackConstructor (how tfjs-node adds its progress bar): every fit whose verbose is at least
 * verbosityLevel makes one of these callbacks, called before the fit's own callbacks.
 */
export function registerCallbackConstructor(verbosityLevel: number, callbackConstructor: CallbackConstructor): void {
  const op = 'registerCallbackConstructor';
  if (!Number.isInteger(verbosityLevel) || verbosityLevel < 0) throw argError(op, 'verbosityLevel', fmtValue(verbosityLevel), 'an integer >= 0');
  if (typeof callbackConstructor !== 'function') throw argError(op, 'callbackConstructor', fmtValue(callbackConstructor), 'a Callback class');
  for (const ctors of registeredConstructors.values()) if (ctors.includes(callbackConstructor)) throw new Error(`${op}: duplicate callback constructor ${callbackConstructor.name}, already registered`);
  registeredConstructors.set(verbosityLevel, [...(registeredConstructors.get(verbosityLevel) ?? []), callbackConstructor]);
}

/** A new callback of each constructor registered at verbose or below, lower levels first, as TF.js makes them. */
function registeredCallbacks(verbose: number): Callback[] {
  const levels = [...registeredConstructors.keys()].filter((l) => l <= verbose).sort((a, b) => a - b);
  return levels.flatMap((l) => (registeredConstructors.get(l) as CallbackConstructor[]).map((C) => new C()));
}

/** Callbacks called in order, as TF.js's CallbackList (fit makes one from its callbacks option). */
export class CallbackList {
  readonly callbacks: CustomCallbackArgs[];
  /** Kept as TF.js keeps it (its queue of hook timings is not implemented there either). */
  readonly queueLength: number;

  /** The callbacks (a Callback, an object of hooks, or an array of them), checked before anything runs. */
  constructor(callbacks?: unknown, queueLength = 10) {
    this.callbacks = checkedList('CallbackList: callbacks', callbacks, true);
    this.queueLength = queueLength;
  }

  /**
   * fit's callbacks option as a list, its errors naming fit's argument: each object of hooks becomes a CustomCallback
   * yielding by fit's yieldEvery, as TF.js's standardizeCallbacks makes them. Without one (no callbacks, or only
   * Callback subclasses, which never yield in TF.js), an empty one is added so that training still yields.
   */
  static forFit(callbacks: unknown, yieldEvery: YieldEveryOptions, verbose: number): CallbackList {
    const given = checkedList('fit: callbacks', callbacks, false).map((cb) => (cb instanceof Callback || cb instanceof History ? cb : new CustomCallback(cb, yieldEvery)));
    const list: (Callback | History)[] = [...registeredCallbacks(verbose), ...given];
    if (!list.some((cb) => cb instanceof CustomCallback)) list.push(new CustomCallback({}, yieldEvery));
    return new CallbackList(list);
  }

  append(callback: Callback | CustomCallbackArgs): void {
    this.callbacks.push(...checkedList('CallbackList.append: callback', [callback], true));
  }

  setModel(model: CallbackModel): void {
    for (const cb of this.callbacks) if (cb instanceof Callback) cb.setModel(model);
  }

  setParams(params: HistoryParams): void {
    for (const cb of this.callbacks) if (cb instanceof Callback || cb instanceof History) cb.setParams(params);
  }

  /** Whether any callback has this hook (fit skips building the logs of a per-batch hook nobody has). */
  has(hook: Hook): boolean {
    return this.callbacks.some((cb) => typeof cb[hook] === 'function');
  }

  async call(hook: Hook, ...args: unknown[]): Promise<void> {
    for (const cb of this.callbacks) {
      const fn = cb[hook] as ((...a: unknown[]) => unknown) | undefined;
      if (typeof fn === 'function') await fn.apply(cb, args);
    }
  }

  // The hooks by name, as TF.js's CallbackList has them; logs default to {}.
  onTrainBegin(logs: Logs = {}): Promise<void> {
    return this.call('onTrainBegin', logs);
  }

  onTrainEnd(logs: Logs = {}): Promise<void> {
    return this.call('onTrainEnd', logs);
  }

  onEpochBegin(epoch: number, logs: Logs = {}): Promise<void> {
    return this.call('onEpochBegin', epoch, logs);
  }

  onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    return this.call('onEpochEnd', epoch, logs);
  }

  onBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    return this.call('onBatchBegin', batch, logs);
  }

  onBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    return this.call('onBatchEnd', batch, logs);
  }
}

export interface EarlyStoppingCallbackArgs {
  monitor?: string;
  minDelta?: number;
  patience?: number;
  verbose?: number;
  mode?: 'auto' | 'min' | 'max';
  baseline?: number;
  restoreBestWeights?: boolean;
}

/**
 * Stops fit when the monitored log stops improving, as tf.callbacks.earlyStopping: an epoch improves when
 * it beats the best by more than minDelta; after `patience` epochs without, model.stopTraining is set.
 * With restoreBestWeights, the model gets back the weights of its best epoch when it stops.
 */
export class EarlyStopping extends Callback {
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  /** Above 0, training that stopped early says so when it ends, as TF.js ('Epoch N: early stopping.'). */
  readonly verbose: number;
  readonly mode: 'auto' | 'min' | 'max';
  readonly baseline: number | undefined;
  readonly restoreBestWeights: boolean;
  private readonly better: (a: number, b: number) => boolean;
  private wait = 0;
  private best = Infinity;
  private bestWeights: Tensor[] | null = null;
  stoppedEpoch = 0;

  constructor(given?: EarlyStoppingCallbackArgs) {
    super();
    const op = 'callbacks.earlyStopping';
    if (given != null && typeof given !== 'object') throw argError(op, 'args', fmtValue(given), 'an object');
    const args = optionsArg(op, 'args', given, ['monitor', 'minDelta', 'patience', 'verbose', 'mode', 'baseline', 'restoreBestWeights']);
    // An empty monitor or mode is the default, as TF.js reads them (`||`).
    this.monitor = args.monitor || 'val_loss';
    if (typeof this.monitor !== 'string') throw argError(op, 'monitor', fmtValue(args.monitor), 'a log name such as "val_loss"');
    const minDelta = args.minDelta ?? 0;
    if (typeof minDelta !== 'number' || !Number.isFinite(minDelta)) throw argError(op, 'minDelta', fmtValue(minDelta), 'a finite number');
    const patience = args.patience ?? 0;
    // Compared with the count of epochs without improvement, as TF.js: 1.5 stops after two, Infinity never.
    if (typeof patience !== 'number' || !(patience >= 0)) throw argError(op, 'patience', fmtValue(patience), 'a number >= 0');
    // true and false are 1 and 0, as fit reads them.
    this.verbose = typeof args.verbose === 'boolean' ? Number(args.verbose) : args.verbose ?? 0;
    if (!Number.isInteger(this.verbose) || this.verbose < 0) throw argError(op, 'verbose', fmtValue(args.verbose), 'an integer >= 0 or a boolean');
    this.mode = args.mode || 'auto';
    if (!['auto', 'min', 'max'].includes(this.mode)) throw argError(op, 'mode', fmtValue(args.mode), "'auto', 'min' or 'max'");
    if (args.baseline !== undefined && (typeof args.baseline !== 'number' || !Number.isFinite(args.baseline))) throw argError(op, 'baseline', fmtValue(args.baseline), 'a finite number');
    const restoreBestWeights = optionalBoolean(op, 'restoreBestWeights', args.restoreBestWeights, false);
    const max = this.mode === 'max' || (this.mode === 'auto' && this.monitor.includes('acc'));
    this.better = max ? (a, b) => a > b : (a, b) => a < b;
    // As TF.js: the delta is taken against the direction of improvement.
    this.minDelta = max ? Math.abs(minDelta) : -Math.abs(minDelta);
    this.patience = patience;
    this.baseline = args.baseline;
    this.restoreBestWeights = restoreBestWeights;
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    // A fit that threw ended without onTrainEnd.
    this.dropBestWeights();
    const max = this.better(1, 0);
    this.best = this.baseline ?? (max ? -Infinity : Infinity);
  }

  /** The best epoch's weights are put back when training stops, so their copies are freed when it ends. */
  override onTrainEnd(): void {
    this.dropBestWeights();
    // As TF.js, which counts epochs from 0 here and so says nothing when the first epoch stopped training.
    if (this.stoppedEpoch > 0 && this.verbose > 0) console.log(`Epoch ${this.stoppedEpoch}: early stopping.`);
  }

  private dropBestWeights(): void {
    for (const w of this.bestWeights ?? []) w.dispose();
    this.bestWeights = null;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const current = logs[this.monitor];
    if (current === undefined) {
      // TF.js's words (its keys joined by its default ',').
      console.warn(`Metric for EarlyStopping ${this.monitor} is not available. Available metrics are: ${Object.keys(logs).join(',')}`);
      return;
    }
    if (this.better(current - this.minDelta, this.best)) {
      this.best = current;
      this.wait = 0;
      if (this.restoreBestWeights && this.model) {
        // getWeights gives the live weights: keep copies of these values, freeing the copies they replace.
        this.dropBestWeights();
        this.bestWeights = this.model.getWeights().map((w) => keep(w.clone()));
      }
      return;
    }
    this.wait++;
    if (this.wait >= this.patience && this.model) {
      this.stoppedEpoch = epoch;
      this.model.stopTraining = true;
      if (this.bestWeights) this.model.setWeights(this.bestWeights);
    }
  }
}

/** tn.callbacks, as tf.callbacks. */
export const callbacks = {
  earlyStopping: (args?: EarlyStoppingCallbackArgs): EarlyStopping => new EarlyStopping(args),
};

/** fit's settings, as TF.js gives them to callbacks (setParams) and in the History. */
export interface HistoryParams {
  epochs: number;
  initialEpoch: number | null;
  samples: number | null;
  steps: number | null;
  batchSize: number | null;
  verbose: number;
  doValidation: boolean;
  metrics: string[];
}

/**
 * What fit() returns, as TF.js's History: a callback recording each epoch's logs, after every other callback has seen
 * them (so a key a callback adds to the logs is recorded too, as in TF.js).
 */
export class History {
  /** As TF.js's BaseCallback field (always null there too). */
  validationData: null = null;
  params!: HistoryParams;
  epoch: number[] = [];
  history: Record<string, number[]> = {};

  setParams(params: HistoryParams): void {
    this.params = params;
  }

  setModel(_model: CallbackModel): void {}

  onTrainBegin(): void {
    this.epoch = [];
    this.history = {};
  }

  onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (this.history[k] ??= []).push(v);
  }

  // The other hooks do nothing, as TF.js's.
  onTrainEnd(): void {}
  onEpochBegin(): void {}
  onBatchBegin(): void {}
  onBatchEnd(): void {}

  /** The values are numbers already (TF.js's may be tensors until this resolves them). */
  async syncData(): Promise<void> {}
}
