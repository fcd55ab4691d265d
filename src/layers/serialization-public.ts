// tf.serialization, as TF.js names it: registering the user's layer classes, and the base class of what saves.
export { getRegisteredName, registerClass, SerializationMap } from './serialization';
export { Serializable } from '../util/serializable';
export type { ConfigDict, ConfigDictArray, ConfigDictValue, FromConfigMethod, SerializableConstructor } from '../util/serializable';
