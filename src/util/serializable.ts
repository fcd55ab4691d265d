/**
 * What can be saved as {className, config} and made again from its config, as tf.serialization.Serializable: the
 * base of layers and optimizers, and of a user's own classes registered with tf.serialization.registerClass.
 */
/** A value in saved settings, as TF.js's ConfigDictValue: JSON-like, so that getConfig's result can be written out. */
export type ConfigDictValue = boolean | number | string | null | ConfigDictArray | ConfigDict;
/** Saved settings, as TF.js's ConfigDict. */
export interface ConfigDict {
  [key: string]: ConfigDictValue;
}
/** A list in saved settings, as TF.js's ConfigDictArray. */
export interface ConfigDictArray extends Array<ConfigDictValue> {}

/**
 * A class whose objects can be saved, as TF.js's SerializableConstructor: a layer's, an optimizer's or a user's
 * class. Its arguments are any[] as TF.js's, the one list that takes every constructor and lets a static fromConfig
 * call `new cls(...)` with its config's values.
 */
export interface SerializableConstructor<T extends Serializable = Serializable> {
  new (...args: any[]): T;
  className: string;
}

/** A class's static fromConfig, as TF.js's FromConfigMethod. */
export type FromConfigMethod<T extends Serializable> = (cls: SerializableConstructor<T>, config: ConfigDict) => T;

export abstract class Serializable {
  /** The name the class is saved under: its static className (which survives minifying), else its name. */
  getClassName(): string {
    const cls = this.constructor as { className?: string; name: string };
    return cls.className ?? cls.name;
  }

  /** The settings that make an equal object again through fromConfig. */
  abstract getConfig(): object;

  /** An object of `cls` from its config: the constructor given the config, as TF.js's. */
  static fromConfig<T extends Serializable>(cls: SerializableConstructor<T>, config: ConfigDict): T {
    return new (cls as unknown as new (c: ConfigDict) => T)(config);
  }
}
