// tf.serialization, as TF.js names it: registering the user's layer classes, and the base class of what saves.
export { getRegisteredName, registerClass, SerializationMap } from './serialization';
export type { SerializableConstructor } from './serialization';
export { Serializable } from '../util/serializable';
export type { ConfigDict, ConfigDictArray, ConfigDictValue, FromConfigMethod } from '../util/serializable';
