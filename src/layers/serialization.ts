import { argError, fmtValue } from '../util/validate';
import { optimizerClasses } from '../optimizers/from-config';
import { Optimizer, type OptimizerClass } from '../optimizers/optimizer';
import type { Layer } from './layer';
import type { ConfigDict, Serializable, SerializableConstructor } from '../util/serializable';

// tf.serialization: the user's layer classes, registered by their static className so that a saved model holding
// one loads again (TF.js's registerClass and its SerializationMap).

/** How a registered class is made from its config: its static fromConfig (Layer's calls the constructor), as TF.js. */
export function fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
  const made = cls as unknown as { fromConfig?: (c: unknown, config: ConfigDict) => T; new (config: ConfigDict): T };
  return made.fromConfig ? made.fromConfig(made, config) : new made(config);
}

/** A class the SerializationMap holds: a layer class, an optimizer class or a user's serializable class. */
type Registrable = SerializableConstructor | OptimizerClass;

/** How TF.js's SerializationMap lists a class: the class and its static fromConfig (undefined where it has none). */
type MapEntry = [Registrable, unknown];

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

/** The user's class registered under a class name (or 'pkg>name'), if any: the map's optimizer classes are not a user's. */
function userClass(className: string): SerializableConstructor | undefined {
  const byClassName = SerializationMap.getMap().classNameMap;
  const cls = Object.hasOwn(byClassName, className) ? byClassName[className][0] : byRegisterName.get(className);
  return cls && !(cls.prototype instanceof Optimizer) ? (cls as SerializableConstructor) : undefined;
}

/** The layer class registered under a saved layer's class name, if any. */
export function registeredClass(className: string): SerializableConstructor<Layer> | undefined {
  return userClass(className) as SerializableConstructor<Layer> | undefined;
}

/**
 * An object of the user's class registered under a name, made from an empty config, as TF.js's deserializeKerasObject
 * makes one that a string names (a custom activation); undefined when no class is registered under it.
 */
export function registeredObject(className: string): Serializable | undefined {
  const cls = userClass(className);
  return cls && fromConfig(cls, {});
}
