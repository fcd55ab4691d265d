/**
 * Versions in the shape of TF.js's tf.version: tessera's own, and the TF.js API it follows under TF.js's package
 * names (a program that prints tf.version.tfjs runs unchanged).
 */
export const version = { tessera: '0.1.0', tfjs: '4.22.0', 'tfjs-core': '4.22.0', 'tfjs-layers': '4.22.0' } as const;
