import { argError, fmtValue } from '../util/validate';
import type { Layer, LayerConfig } from './layer';

// tf.serialization: the user's layer classes, registered by their static className so that a saved model holding
// one loads again (TF.js's registerClass and its SerializationMap).

/** A layer class as registerClass takes it: constructible from its config, with a static className. */
export interface SerializableConstructor<T extends Layer = Layer> {
  new (...args: never[]): T;
  className: string;
}

/** How a registered class is made from its config: its static fromConfig (Layer's calls the constructor), as TF.js. */
export function fromConfig(cls: SerializableConstructor, config: LayerConfig): Layer {
  const made = cls as unknown as { fromConfig?: (c: unknown, config: LayerConfig) => Layer; new (config: LayerConfig): Layer };
  return made.fromConfig ? made.fromConfig(made, config) : new made(config);
}

const registered = new Map<string, SerializableConstructor>();

/**
 * Registers a class under its static className (and under 'pkg>name', pkg defaulting to 'Custom' and name to the
 * className, as TF.js), so that models saved with it load; returns the class.
 */
export function registerClass<T extends SerializableConstructor>(cls: T, pkg?: string, name?: string): T {
  const op = 'serialization.registerClass';
  const className = (cls as { className?: unknown } | null)?.className;
  if (className === null || className === undefined) throw argError(op, 'cls', fmtValue(cls), 'a class with the static className property defined');
  if (typeof className !== 'string') throw argError(op, 'cls.className', `type ${typeof className}`, 'a string');
  if (className.length === 0) throw argError(op, 'cls.className', "''", 'a non-empty string');
  registered.set(className, cls);
  registered.set(`${pkg ?? 'Custom'}>${name ?? className}`, cls);
  return cls;
}

/** The class registered under a saved class name, if any. */
export function registeredClass(className: string): SerializableConstructor | undefined {
  return registered.get(className);
}
