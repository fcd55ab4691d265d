// tf.serialization, as TF.js names it: registering the user's layer classes.
export { getRegisteredName, registerClass, SerializationMap } from './serialization';
export type { SerializableConstructor } from './serialization';
