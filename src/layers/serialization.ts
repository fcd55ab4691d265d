import { argError, fmtValue } from '../util/validate';
import { optimizerClasses } from '../optimizers/from-config';
import { Optimizer, type OptimizerClass } from '../optimizers/optimizer';
import type { ConfigDict, Serializable, SerializableConstructor } from '../util/serializable';
import type { Tensor } from '../tensor/tensor';

// tf.serialization: the user's layer classes, registered by their static className so that a saved model holding
// one loads again (TF.js's registerClass and its SerializationMap, which also lists the built-in layer and
// optimizer classes).

/** How a registered class is made from its config: its static fromConfig (Layer's calls the constructor), as TF.js. */
export function fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
  const made = cls as unknown as { fromConfig?: (c: unknown, config: ConfigDict) => T; new (config: ConfigDict): T };
  return made.fromConfig ? made.fromConfig(made, config) : new made(config);
}

/** A built-in layer class: it has no static className, its getClassName names it. */
type BuiltinLayerClass = (new (...args: never[]) => Serializable) & { fromConfig: unknown };

/** A class registerClass takes: a layer class, an optimizer class or a user's serializable class. */
type Registrable = SerializableConstructor | OptimizerClass;

/** How TF.js's SerializationMap lists a class: the class and its static fromConfig (undefined where it has none). */
type MapEntry = [Registrable | BuiltinLayerClass, unknown];

/** The classes by their static className, as TF.js's SerializationMap: one map per process (getMap()). */
export class SerializationMap {
  private static instance: SerializationMap | undefined;
  readonly classNameMap: Record<string, MapEntry> = {};

  /** The map, holding the built-in optimizer classes from the start, as TF.js's registers them when it loads. */
  static getMap(): SerializationMap {
    if (!SerializationMap.instance) {
      SerializationMap.instance = new SerializationMap();
      for (const cls of Object.values(optimizerClasses)) SerializationMap.register(cls);
    }
    return SerializationMap.instance;
  }

  /** Registers a class under its static className, so that a saved model naming it loads. */
  static register<T extends Registrable>(cls: T): void {
    SerializationMap.getMap().classNameMap[cls.className] = [cls, (cls as unknown as { fromConfig?: unknown }).fromConfig];
  }
}

/** The built-in layer classes the map holds: TF.js registers its own, but the loader reads their configs itself. */
const builtinLayers = new Set<MapEntry[0]>();

/** Puts the built-in layer classes in the map under their class names, as TF.js registers each one (builtin-layers.ts calls it). */
export function registerBuiltinLayers(classes: Record<string, BuiltinLayerClass>): void {
  const map = SerializationMap.getMap().classNameMap;
  for (const [className, cls] of Object.entries(classes)) {
    builtinLayers.add(cls);
    map[className] = [cls, cls.fromConfig];
  }
}

/** The classes by 'pkg>name', as registerClass keys them. */
const byRegisterName = new Map<string, Registrable>();
/** Each registered class's 'pkg>name'. */
const registerNames = new Map<Registrable, string>();

/**
 * Registers a class under its static className (SerializationMap) and under 'pkg>name', pkg defaulting to 'Custom'
 * and name to the className, as TF.js, so that models saved with it load; returns the class.
 */
export function registerClass<T extends Registrable>(cls: T, pkg?: string, name?: string): T {
  const op = 'serialization.registerClass';
  const className = (cls as { className?: unknown } | null)?.className;
  if (className === null || className === undefined) throw argError(op, 'cls', fmtValue(cls), 'a class with the static className property defined');
  if (typeof className !== 'string') throw argError(op, 'cls.className', `type ${typeof className}`, 'a string');
  if (className.length === 0) throw argError(op, 'cls.className', "''", 'a non-empty string');
  const registerName = `${pkg ?? 'Custom'}>${name ?? className}`;
  SerializationMap.register(cls);
  byRegisterName.set(registerName, cls);
  registerNames.set(cls, registerName);
  return cls;
}

/** The name registerClass gave a class ('pkg>name'), else its className, as TF.js's getRegisteredName. */
export function getRegisteredName(cls: Registrable): string {
  return registerNames.get(cls) ?? cls.className;
}

/** The class registered under a class name (or 'pkg>name'), if any. */
function mappedClass(className: string): MapEntry[0] | undefined {
  const byClassName = SerializationMap.getMap().classNameMap;
  return Object.hasOwn(byClassName, className) ? byClassName[className][0] : byRegisterName.get(className);
}

/** The user's class registered under a class name (or 'pkg>name'), if any: the map's optimizer and built-in layer classes are not a user's. */
function userClass(className: string): SerializableConstructor | undefined {
  const cls = mappedClass(className);
  return cls && !(cls.prototype instanceof Optimizer) && !builtinLayers.has(cls) ? (cls as SerializableConstructor) : undefined;
}

/**
 * A layer given as TF.js's nested {className, config} (as getConfig writes a wrapped layer or a cell), made by its
 * class's static fromConfig as TF.js's deserialize makes it; any other value is returned as it is, for the caller to
 * check. `op` and `arg` name it in errors.
 */
export function layerFromDict(op: string, arg: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, 'className')) return value;
  const { className, config } = value as { className: unknown; config?: unknown };
  const cls = typeof className === 'string' ? mappedClass(className) : undefined;
  if (!cls || cls.prototype instanceof Optimizer) throw argError(op, `${arg}.className`, fmtValue(className), 'the class name of a built-in layer or of a layer class registered with tf.serialization.registerClass');
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw argError(op, `${arg}.config`, fmtValue(config), 'an object');
  return fromConfig(cls as SerializableConstructor, { ...(config as ConfigDict) });
}

/** The layer class registered under a saved layer's class name, if any. */
export function registeredClass<T extends Serializable>(className: string): SerializableConstructor<T> | undefined {
  return userClass(className) as SerializableConstructor<T> | undefined;
}

/**
 * An object of the user's class registered under a name, made from an empty config, as TF.js's deserializeKerasObject
 * makes one that a string names (a custom activation); undefined when no class is registered under it.
 */
export function registeredObject(className: string): Serializable | undefined {
  const cls = userClass(className);
  return cls && fromConfig(cls, {});
}

/**
 * An object of the user's registered class that a layer setting (an initializer, a regularizer, a constraint) names,
 * as TF.js's deserializeKerasObject makes it: from a class name with an empty config, or from {className, config};
 * undefined when the setting names no registered class.
 */
export function registeredFromSetting(setting: unknown): Serializable | undefined {
  if (typeof setting === 'string') return registeredObject(setting);
  if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) return undefined;
  const { className, config } = setting as { className?: unknown; config?: unknown };
  const cls = typeof className === 'string' ? userClass(className) : undefined;
  if (!cls) return undefined;
  return fromConfig(cls, config !== null && typeof config === 'object' && !Array.isArray(config) ? { ...(config as ConfigDict) } : {});
}

/** A user's object with an apply() (an initializer, a regularizer, a constraint of theirs). */
export type UserApplier<A extends unknown[], R> = Serializable & { apply(...args: A): R };

/** As registeredFromSetting, where the object made has an apply() to call; undefined for any other setting. */
export function registeredApplier<A extends unknown[], R>(setting: unknown): UserApplier<A, R> | undefined {
  const made = registeredFromSetting(setting);
  return made && typeof (made as { apply?: unknown }).apply === 'function' ? (made as UserApplier<A, R>) : undefined;
}

/**
 * A user's registered object taking a weight to a tensor (a regularizer's penalty, a scalar; a constraint's
 * projection), as the layers hold one; T is what its kind gives.
 */
export class UserTensorFunction<T extends Tensor = Tensor> {
  constructor(private readonly custom: UserApplier<[Tensor], T>) {}

  get className(): string {
    return this.custom.getClassName();
  }

  apply(x: Tensor): T {
    return this.custom.apply(x);
  }

  getConfig(): ConfigDict {
    return this.custom.getConfig() as ConfigDict;
  }

  getClassName(): string {
    return this.custom.getClassName();
  }
}

/** The user's registered regularizer or constraint a setting names (its className, or {className, config}), if any. */
export function userTensorFunction<T extends Tensor = Tensor>(spec: unknown): UserTensorFunction<T> | undefined {
  const custom = registeredApplier<[Tensor], T>(spec);
  return custom && new UserTensorFunction<T>(custom);
}
